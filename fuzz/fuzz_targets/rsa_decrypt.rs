//! RSA decryption with fixed keys (512-bit and 1024-bit): arbitrary ciphertexts (every length,
//! values at and above the modulus) under PKCS #1 v1.5 and OAEP with any hash, MGF hash and label,
//! and PSS (refused); encrypt-then-decrypt.
//!
//! Asserts: unsupported hashes are `Unsupported` (exactly what the rows refuse for
//! `rsa_encryption_query`), PSS is an argument error; every failed decryption under a given key and
//! padding is the same error (no padding oracle in the error value); PKCS #1 v1.5 implicit
//! rejection releases at most k - 11 bytes; what the public key encrypts decrypts to the
//! plaintext; OAEP refuses a changed ciphertext or label.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::rsa::rsa_encryption_query;
use backend::{AsymmetricPadding, Backend, Error, Mgf, Oaep, RsaBackend, capability};
use backend_fuzz::{FIXED_KEYS, bytes_of_length, fixed_private_key, fixed_public_key};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Input {
    key: usize,
    kind: u8,
    hash: backend::HashAlgorithm,
    mgf_hash: backend::HashAlgorithm,
    label: Vec<u8>,
    ciphertext: Vec<u8>,
    flip: u16,
    plaintext: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let key = u.choose_index(FIXED_KEYS.len())?;
        let k = [64, 128, 128][key];
        let kind = u.int_in_range(0..=4)?;
        let hash = backend_fuzz::hash(u)?;
        let mgf_hash = if u.ratio(3u8, 4u8)? {
            hash
        } else {
            backend_fuzz::hash(u)?
        };
        Ok(Input {
            key,
            kind,
            hash,
            mgf_hash,
            label: u.arbitrary()?,
            ciphertext: match u.int_in_range(0u8..=3)? {
                0 => vec![0xff; k],
                _ => bytes_of_length(u, &[k, k - 1, k + 1, 0], 300)?,
            },
            flip: u.arbitrary()?,
            plaintext: backend_fuzz::rest(u),
        })
    }
}

fuzz_target!(|input: Input| {
    let private = fixed_private_key(input.key);
    let public = fixed_public_key(input.key);
    let k = public.key_size().div_ceil(8);
    let padding = match input.kind {
        0 | 1 => AsymmetricPadding::Pkcs1v15,
        2 | 3 => AsymmetricPadding::Oaep(Oaep {
            mgf: Mgf::Mgf1(input.mgf_hash),
            hash: input.hash,
            label: &input.label,
        }),
        _ => AsymmetricPadding::pss(input.hash, backend::SaltLength::DigestLength),
    };
    let is_pss = matches!(padding, AsymmetricPadding::Pss(_));
    let supported = !is_pss
        && capability::supports(Backend.rsa_capabilities(), &rsa_encryption_query(&padding));

    let decrypted = private.decrypt(&input.ciphertext, padding);
    // The error of a ciphertext that cannot be valid (wrong length): every failure must equal it.
    let reference = private
        .decrypt(&[], padding)
        .expect_err("an empty ciphertext");
    if is_pss {
        assert!(
            matches!(decrypted, Err(Error::InvalidArgument(_))),
            "PSS decrypt: {decrypted:?}"
        );
        return;
    }
    if !supported {
        assert!(
            matches!(decrypted, Err(Error::Unsupported { .. })),
            "{padding:?}: {decrypted:?}"
        );
        return;
    }
    match &decrypted {
        Err(e) => assert_eq!(
            *e, reference,
            "{padding:?}: failures differ (a padding oracle)"
        ),
        Ok(message) => {
            assert_eq!(
                input.ciphertext.len(),
                k,
                "decrypted a {}-byte ciphertext",
                input.ciphertext.len()
            );
            if padding == AsymmetricPadding::Pkcs1v15 {
                assert!(message.len() <= k - 11);
            }
        }
    }

    let Ok(ciphertext) = public.encrypt(&input.plaintext, padding) else {
        return;
    };
    assert_eq!(ciphertext.len(), k);
    let message = private
        .decrypt(&ciphertext, padding)
        .expect("decrypting own ciphertext");
    assert_eq!(&message[..], &input.plaintext[..], "{padding:?} round trip");

    let mut changed = ciphertext.clone();
    let bit = usize::from(input.flip) % (changed.len() * 8);
    changed[bit / 8] ^= 1 << (bit % 8);
    let result = private.decrypt(&changed, padding);
    match padding {
        AsymmetricPadding::Oaep(oaep) => {
            assert_eq!(
                result.as_ref().err(),
                Some(&reference),
                "OAEP took a changed ciphertext"
            );
            let mut other = oaep.label.to_vec();
            other.push(0);
            let relabelled = AsymmetricPadding::Oaep(Oaep {
                label: &other,
                ..oaep
            });
            assert_eq!(
                private.decrypt(&ciphertext, relabelled).err(),
                Some(reference),
                "OAEP ignored the label"
            );
        }
        _ => match result {
            Ok(m) => assert!(m.len() <= k - 11),
            Err(e) => assert_eq!(e, reference),
        },
    }
});
