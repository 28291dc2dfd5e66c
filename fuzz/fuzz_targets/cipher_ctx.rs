//! `CipherBackend` contexts: any cipher with any key, any mode with any IV / nonce / tweak /
//! tag parameters, arbitrary chunking of `update_into` (and `update`) with output buffers that are
//! too short, exact or longer, AAD in chunks, `finalize` / `finalize_with_tag`.
//!
//! Asserts: a created context is `cipher_supported`, a supported one is never refused as
//! `Unsupported`, a pair the capability rows do not list always is; encryption and
//! decryption creation agree; `update_into` writes exactly `output_len` bytes and a short buffer is
//! `BufferTooSmall` with nothing consumed; finalize fails only where the mode says (partial ECB /
//! CBC block, short XTS unit); every mode preserves length; encrypt then decrypt (chunked
//! differently) gives the plaintext back; GCM refuses a wrong tag or wrong AAD.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::capability::Algorithm;
use backend::{
    Backend, CipherBackend, CipherContext, DecryptionContext, EncryptionContext, Error, Mode,
};
use backend_fuzz::{CipherKind, bytes_of_length, chunks, length};
use libfuzzer_sys::fuzz_target;

#[derive(Clone, Copy, Debug, Arbitrary, PartialEq, Eq)]
enum ModeKind {
    Stream,
    Ecb,
    Cbc,
    Ctr,
    Ofb,
    Cfb,
    Cfb8,
    Xts,
    Gcm,
}

#[derive(Debug)]
struct Input {
    kind: CipherKind,
    key: Vec<u8>,
    /// ChaCha20's 16-byte counter and nonce.
    chacha_nonce: Vec<u8>,
    mode: ModeKind,
    iv: Vec<u8>,
    min_tag_length: usize,
    /// GCM decryption: the tag in the mode (else through `finalize_with_tag`).
    tag_in_mode: bool,
    /// GCM decryption: how many bytes of the tag to present.
    tag_len: usize,
    aad: Vec<Vec<u8>>,
    /// Per update: how much shorter (negative) or longer the output buffer is than needed.
    slack: Vec<i8>,
    alloc_update: bool,
    encrypt_chunks: Vec<u8>,
    decrypt_chunks: Vec<u8>,
    tamper: Option<u16>,
    plaintext: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let kind: CipherKind = u.arbitrary()?;
        let key = bytes_of_length(u, kind.key_lengths(), 80)?;
        let chacha_nonce = bytes_of_length(u, &[16], 20)?;
        let mode = if kind == CipherKind::ChaCha20 && u.ratio(7u8, 8u8)? {
            ModeKind::Stream
        } else {
            u.arbitrary()?
        };
        let block = if kind == CipherKind::TripleDes { 8 } else { 16 };
        let iv_lengths: &[usize] = match mode {
            ModeKind::Gcm => &[12, 8, 16, 60, 128],
            ModeKind::Xts | ModeKind::Ctr => &[16],
            _ => &[block],
        };
        Ok(Input {
            kind,
            key,
            chacha_nonce,
            mode,
            iv: bytes_of_length(u, iv_lengths, 140)?,
            min_tag_length: length(u, &[16, 4, 12], 20)?,
            tag_in_mode: u.arbitrary()?,
            tag_len: length(u, &[16, 4, 12], 20)?,
            aad: u.arbitrary()?,
            slack: u.arbitrary()?,
            alloc_update: u.ratio(1u8, 4u8)?,
            encrypt_chunks: u.arbitrary()?,
            decrypt_chunks: u.arbitrary()?,
            tamper: u.arbitrary()?,
            plaintext: backend_fuzz::rest(u),
        })
    }
}

impl Input {
    fn mode<'a>(&'a self, tag: Option<&'a [u8]>) -> Mode<'a> {
        let iv = &self.iv[..];
        match self.mode {
            ModeKind::Stream => Mode::Stream,
            ModeKind::Ecb => Mode::Ecb,
            ModeKind::Cbc => Mode::Cbc { iv },
            ModeKind::Ctr => Mode::Ctr { nonce: iv },
            ModeKind::Ofb => Mode::Ofb { iv },
            ModeKind::Cfb => Mode::Cfb { iv },
            ModeKind::Cfb8 => Mode::Cfb8 { iv },
            ModeKind::Xts => Mode::Xts { tweak: iv },
            ModeKind::Gcm => Mode::Gcm {
                iv,
                tag,
                min_tag_length: self.min_tag_length,
            },
        }
    }
}

/// Runs `parts` through `ctx`, with the buffer sizes of `slack`; `None` when an update fails
/// for a reason other than the buffer (a stream cipher's counter running out).
fn process<C: CipherContext>(
    ctx: &mut C,
    parts: &[&[u8]],
    slack: &[i8],
    alloc_update: bool,
) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let needed = ctx.output_len(part.len());
        let s = slack.get(i % slack.len().max(1)).copied().unwrap_or(0);
        if alloc_update && s == 0 {
            match ctx.update(part) {
                Ok(bytes) => {
                    assert_eq!(bytes.len(), needed, "update returned other than output_len");
                    out.extend_from_slice(&bytes);
                    continue;
                }
                Err(e) => {
                    assert!(!matches!(e, Error::BufferTooSmall { .. }), "{e:?}");
                    return None;
                }
            }
        }
        let len = needed.saturating_add_signed(isize::from(s));
        let mut buf = vec![0u8; len];
        match ctx.update_into(part, &mut buf) {
            Ok(n) => {
                assert!(len >= needed, "update_into wrote into a short buffer");
                assert_eq!(n, needed, "update_into wrote other than output_len");
                out.extend_from_slice(&buf[..n]);
            }
            Err(Error::BufferTooSmall { needed: said }) => {
                assert!(len < needed, "BufferTooSmall with {len} >= {needed} bytes");
                assert_eq!(said, needed);
                // Nothing was consumed: the same part with the right buffer goes through.
                let mut buf = vec![0u8; needed];
                match ctx.update_into(part, &mut buf) {
                    Ok(n) => {
                        assert_eq!(n, needed);
                        out.extend_from_slice(&buf);
                    }
                    Err(e) => {
                        assert!(!matches!(e, Error::BufferTooSmall { .. }), "{e:?}");
                        return None;
                    }
                }
            }
            Err(_) => return None,
        }
    }
    Some(out)
}

fuzz_target!(|input: Input| {
    let cipher = input.kind.with(&input.key, &input.chacha_nonce);
    let mode = input.mode(None);
    let supported = Backend.cipher_supported(&cipher, &mode);
    // The pair itself (whatever the key and IV sizes) in the rows.
    let pair = Algorithm::Cipher(cipher.kind(), mode.kind());
    let listed = Backend
        .cipher_capabilities()
        .iter()
        .any(|row| row.algorithm == pair);
    let enc = Backend.create_symmetric_encryption_ctx(&cipher, &mode);
    let dec = Backend.create_symmetric_decryption_ctx(&cipher, &mode);
    for e in [enc.as_ref().err(), dec.as_ref().err()]
        .into_iter()
        .flatten()
    {
        let unsupported = matches!(e, Error::Unsupported { .. });
        assert!(
            !(supported && unsupported),
            "{cipher:?} {mode:?}: supported, yet {e:?}"
        );
        assert!(
            listed || unsupported,
            "{cipher:?} {mode:?}: an unlisted pair gave {e:?}"
        );
    }
    if !listed {
        assert!(
            enc.is_err() && dec.is_err(),
            "{cipher:?} {mode:?}: unlisted pair created"
        );
    }
    if enc.is_ok() {
        assert!(
            supported,
            "{cipher:?} {mode:?}: created, yet cipher_supported is false"
        );
    }
    assert_eq!(
        enc.is_ok(),
        dec.is_ok(),
        "{cipher:?} {mode:?}: encryption vs decryption"
    );
    // A tag in an encryption mode is refused.
    if input.mode == ModeKind::Gcm {
        let tagged = input.mode(Some(&[0u8; 16]));
        assert!(
            Backend
                .create_symmetric_encryption_ctx(&cipher, &tagged)
                .is_err()
        );
    }
    let (Ok(mut enc), Ok(_)) = (enc, dec) else {
        return;
    };

    // AAD: GCM only, before the first update.
    let aead = mode.is_aead();
    for chunk in &input.aad {
        assert_eq!(enc.authenticate_additional_data(chunk).is_ok(), aead);
    }
    let parts = chunks(&input.plaintext, &input.encrypt_chunks);
    let Some(mut ciphertext) = process(&mut enc, &parts, &input.slack, input.alloc_update) else {
        return;
    };
    if aead && !input.plaintext.is_empty() {
        assert!(
            enc.authenticate_additional_data(b"late").is_err(),
            "AAD after update"
        );
    }
    let block = cipher.block_size();
    let finalized = enc.finalize();
    let should_finish = match input.mode {
        ModeKind::Ecb | ModeKind::Cbc => input.plaintext.len().is_multiple_of(block),
        ModeKind::Xts => input.plaintext.len() >= 16,
        _ => true,
    };
    assert_eq!(
        finalized.is_ok(),
        should_finish,
        "{cipher:?} {mode:?}: {finalized:?}"
    );
    let Ok(finalized) = finalized else { return };
    ciphertext.extend_from_slice(&finalized.data);
    assert_eq!(
        ciphertext.len(),
        input.plaintext.len(),
        "{mode:?} changed the length"
    );
    assert_eq!(finalized.tag.is_some(), aead);
    let tag = finalized.tag.map(|t| t.to_vec()).unwrap_or_default();
    if aead {
        assert_eq!(tag.len(), 16);
    }

    // Decrypt, chunked differently; for GCM with the tag (maybe truncated, maybe tampered) in the
    // mode or at finalize.
    let mut presented = tag.clone();
    presented.truncate(input.tag_len.min(16));
    let mut ct = ciphertext.clone();
    if let Some(at) = input.tamper {
        let at = usize::from(at);
        if at < ct.len() {
            ct[at] ^= 1;
        } else if !presented.is_empty() && aead {
            let i = at % presented.len();
            presented[i] ^= 0x80;
        }
    }
    let tag_ok = presented.len() >= input.min_tag_length.max(4) && presented.len() <= 16;
    let dec_mode = input.mode((aead && input.tag_in_mode).then_some(&presented[..]));
    let dec = Backend.create_symmetric_decryption_ctx(&cipher, &dec_mode);
    if aead && input.tag_in_mode {
        assert_eq!(
            dec.is_ok(),
            tag_ok,
            "GCM tag of {} bytes in the mode",
            presented.len()
        );
    }
    let Ok(mut dec) = dec else { return };
    for chunk in &input.aad {
        assert_eq!(dec.authenticate_additional_data(chunk).is_ok(), aead);
    }
    let parts = chunks(&ct, &input.decrypt_chunks);
    let slack: Vec<i8> = input.slack.iter().rev().copied().collect();
    let mut plaintext = process(&mut dec, &parts, &slack, !input.alloc_update)
        .expect("decryption of what encrypted");
    let tail = if aead && !input.tag_in_mode {
        dec.finalize_with_tag(&presented)
    } else {
        dec.finalize()
    };
    let tampered = ct != ciphertext || presented != tag[..presented.len().min(tag.len())];
    if aead && (tampered || !tag_ok) {
        assert!(
            tail.is_err(),
            "GCM accepted a wrong or short tag / ciphertext"
        );
        return;
    }
    let tail = tail.expect("finalize of a decryption that encrypted");
    plaintext.extend_from_slice(&tail);
    if !tampered {
        assert_eq!(
            plaintext, input.plaintext,
            "{cipher:?} {mode:?}: round trip"
        );
    } else {
        assert_eq!(plaintext.len(), input.plaintext.len());
        assert_ne!(
            plaintext, input.plaintext,
            "{mode:?}: a changed ciphertext decrypted the same"
        );
    }
});
