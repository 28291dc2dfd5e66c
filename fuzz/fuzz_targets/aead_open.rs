//! One-shot AEADs (`AeadBackend::create_aead_key`, `AeadKey`, and the concrete `AesGcm`, `AesCcm`,
//! `ChaCha20Poly1305` of `backend::cipher::aead`): AES-GCM, AES-CCM (every tag length),
//! ChaCha20-Poly1305 with keys, nonces, associated data, ciphertexts and tags of any length.
//!
//! Asserts: a failed open leaves the buffer exactly as given (no unauthenticated plaintext);
//! `aead_supported` ⇔ the key / tag length / nonce length is accepted, and both ⇔ what the
//! algorithm defines; the backend's key and the concrete type seal alike; encrypt then
//! decrypt round-trips, in place and combined (`ciphertext || tag`); a changed ciphertext, tag or
//! associated data is `InvalidTag`; one-shot AES-GCM equals the streaming GCM context.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::cipher::aead::{
    AeadAlgorithm, AeadBackend, AeadKey, AesCcm, AesGcm, ChaCha20Poly1305,
};
use backend::{
    Backend, CipherAlgorithm, CipherBackend, CipherContext, EncryptionContext, Error, Mode,
};
use backend_fuzz::{bytes_of_length, length};
use libfuzzer_sys::fuzz_target;

#[derive(Clone, Copy, Debug, Arbitrary, PartialEq, Eq)]
enum Kind {
    Gcm,
    Ccm,
    ChaCha20Poly1305,
}

#[derive(Debug, Arbitrary)]
enum Tamper {
    None,
    Ciphertext(u16),
    Tag(u8),
    Aad,
}

#[derive(Debug)]
struct Input {
    kind: Kind,
    key: Vec<u8>,
    ccm_tag_length: usize,
    nonce: Vec<u8>,
    aad: Vec<u8>,
    tag: Vec<u8>,
    tamper: Tamper,
    data: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let kind: Kind = u.arbitrary()?;
        let (keys, nonces): (&[usize], &[usize]) = match kind {
            Kind::Gcm => (&[16, 24, 32], &[12, 8, 16, 60, 128, 129]),
            Kind::Ccm => (&[16, 24, 32], &[7, 8, 9, 10, 11, 12, 13]),
            Kind::ChaCha20Poly1305 => (&[32], &[12]),
        };
        let key = bytes_of_length(u, keys, 40)?;
        let ccm_tag_length = length(u, &[4, 6, 8, 10, 12, 14, 16], 20)?;
        let nonce = bytes_of_length(u, nonces, 140)?;
        let tag_len = if kind == Kind::Ccm {
            ccm_tag_length
        } else {
            16
        };
        Ok(Input {
            kind,
            key,
            ccm_tag_length,
            nonce,
            aad: u.arbitrary()?,
            tag: bytes_of_length(u, &[tag_len], 24)?,
            tamper: u.arbitrary()?,
            data: backend_fuzz::rest(u),
        })
    }
}

fn nonce_ok(kind: Kind, nonce: usize, data: usize) -> bool {
    match kind {
        Kind::Gcm => (8..=128).contains(&nonce),
        // The CCM length field has 15 - nonce bytes; every fuzz input fits two.
        Kind::Ccm => (7..=13).contains(&nonce) && (nonce < 13 || data < 1 << 16),
        Kind::ChaCha20Poly1305 => nonce == 12,
    }
}

fuzz_target!(|input: Input| {
    let key_ok = match input.kind {
        Kind::Gcm | Kind::Ccm => matches!(input.key.len(), 16 | 24 | 32),
        Kind::ChaCha20Poly1305 => input.key.len() == 32,
    };
    let algorithm = match input.kind {
        Kind::Gcm => AeadAlgorithm::AesGcm,
        Kind::Ccm => AeadAlgorithm::AesCcm {
            tag_length: input.ccm_tag_length,
        },
        Kind::ChaCha20Poly1305 => AeadAlgorithm::ChaCha20Poly1305,
    };
    let tag_length_ok =
        input.kind != Kind::Ccm || matches!(input.ccm_tag_length, 4 | 6 | 8 | 10 | 12 | 14 | 16);
    let created = Backend.create_aead_key(algorithm, &input.key);
    assert_eq!(
        created.is_ok(),
        key_ok && tag_length_ok,
        "{algorithm:?}: {}-byte key",
        input.key.len()
    );
    assert_eq!(
        Backend.aead_supported(algorithm, input.key.len(), None),
        created.is_ok(),
        "{algorithm:?}: aead_supported vs create_aead_key"
    );
    let concrete: backend::Result<Box<dyn AeadKey>> = match algorithm {
        AeadAlgorithm::AesGcm => AesGcm::new(&input.key).map(|k| Box::new(k) as Box<dyn AeadKey>),
        AeadAlgorithm::AesCcm { tag_length } => {
            AesCcm::new(&input.key, tag_length).map(|k| Box::new(k) as Box<dyn AeadKey>)
        }
        _ => ChaCha20Poly1305::new(&input.key).map(|k| Box::new(k) as Box<dyn AeadKey>),
    };
    assert_eq!(concrete.is_ok(), created.is_ok());
    let (Ok(aead), Ok(concrete)) = (created, concrete) else {
        return;
    };
    assert_eq!(aead.algorithm(), algorithm);
    let (nonce, aad) = (&input.nonce[..], &input.aad[..]);

    // Opening arbitrary bytes: a failure releases nothing.
    let mut buffer = input.data.clone();
    if aead
        .decrypt_in_place_detached(nonce, &mut buffer, aad, &input.tag)
        .is_err()
    {
        assert_eq!(
            buffer, input.data,
            "{:?}: a failed open changed the buffer",
            input.kind
        );
    }
    let mut combined = input.data.clone();
    combined.extend_from_slice(&input.tag);
    let _ = aead.decrypt(nonce, &combined, aad);

    // Encrypt, then decrypt.
    let mut ciphertext = input.data.clone();
    let sealed = aead.encrypt_in_place_detached(nonce, &mut ciphertext, aad);
    assert_eq!(
        sealed.is_ok(),
        nonce_ok(input.kind, nonce.len(), input.data.len()),
        "{:?}: {}-byte nonce gave {sealed:?}",
        input.kind,
        nonce.len()
    );
    assert_eq!(
        Backend.aead_supported(algorithm, input.key.len(), Some(nonce.len())),
        nonce_ok(input.kind, nonce.len(), 0),
        "{algorithm:?}: aead_supported with a {}-byte nonce",
        nonce.len()
    );
    let Ok(tag) = sealed else { return };
    assert_eq!(tag.len(), aead.tag_length());
    let mut again = input.data.clone();
    let concrete_tag = concrete
        .encrypt_in_place_detached(nonce, &mut again, aad)
        .expect("the concrete key seals");
    assert_eq!(
        (&again, &concrete_tag),
        (&ciphertext, &tag),
        "backend key vs concrete key"
    );
    let joined = aead
        .encrypt(nonce, &input.data, aad)
        .expect("combined encrypt");
    assert_eq!(joined[..ciphertext.len()], ciphertext[..]);
    assert_eq!(joined[ciphertext.len()..], tag[..]);
    assert_eq!(
        aead.decrypt(nonce, &joined, aad).expect("combined decrypt"),
        input.data
    );

    let mut tag = tag.to_vec();
    let mut other_aad = aad.to_vec();
    let mut tampered = ciphertext.clone();
    let changed = match input.tamper {
        Tamper::None => false,
        Tamper::Ciphertext(at) if !tampered.is_empty() => {
            let at = usize::from(at) % tampered.len();
            tampered[at] ^= 0x01;
            true
        }
        Tamper::Ciphertext(_) => false,
        Tamper::Tag(at) => {
            let at = usize::from(at) % tag.len();
            tag[at] ^= 0x40;
            true
        }
        Tamper::Aad => {
            other_aad.push(0);
            true
        }
    };
    let mut buffer = tampered.clone();
    let opened = aead.decrypt_in_place_detached(nonce, &mut buffer, &other_aad, &tag);
    if changed {
        assert_eq!(
            opened,
            Err(Error::InvalidTag),
            "{:?} accepted a forgery",
            input.kind
        );
        assert_eq!(
            buffer, tampered,
            "{:?}: a failed open changed the buffer",
            input.kind
        );
    } else {
        assert_eq!(opened, Ok(()));
        assert_eq!(buffer, input.data, "{:?} round trip", input.kind);
    }

    // One-shot AES-GCM and the streaming context agree.
    if input.kind == Kind::Gcm && !changed {
        let mut ctx = Backend
            .create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&input.key), &Mode::gcm(nonce))
            .expect("streaming GCM with the same key and nonce");
        ctx.authenticate_additional_data(aad).expect("AAD");
        let mut streamed = vec![0u8; input.data.len()];
        ctx.update_into(&input.data, &mut streamed).expect("update");
        let finalized = ctx.finalize().expect("finalize");
        assert_eq!(streamed, ciphertext, "one-shot vs streaming GCM ciphertext");
        assert_eq!(
            finalized.tag.as_deref(),
            Some(&tag[..]),
            "one-shot vs streaming GCM tag"
        );
    }
});
