//! HMAC and CMAC (`HmacBackend`, `CmacBackend`): any hash or cipher with any key, arbitrary
//! chunking, `copy` part-way, `verify` against the right tag and against altered or arbitrary
//! ones. Asserts: `hmac_supported` / `cmac_algorithm_supported` ⇔ create succeeds; a copy
//! finishes with the same tag; the tag verifies; every other tag is refused.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::{Backend, CmacBackend, Error, HashAlgorithm, HmacBackend, MacContext};
use backend_fuzz::{CipherKind, bytes_of_length, chunks};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
enum Mac {
    Hmac(HashAlgorithm),
    Cmac(CipherKind),
}

#[derive(Debug, Arbitrary)]
enum TagEdit {
    Truncate(u8),
    FlipBit(u16),
    Extend(u8),
    Replace(Vec<u8>),
}

#[derive(Debug)]
struct Input {
    mac: Mac,
    key: Vec<u8>,
    nonce: Vec<u8>,
    copy_after: u8,
    chunk_sizes: Vec<u8>,
    edit: TagEdit,
    data: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mac = if u.arbitrary()? {
            Mac::Hmac(backend_fuzz::hash(u)?)
        } else {
            Mac::Cmac(u.arbitrary()?)
        };
        let key = match &mac {
            Mac::Hmac(_) => bytes_of_length(u, &[0, 16, 32, 64, 128, 129, 200], 300)?,
            Mac::Cmac(kind) => bytes_of_length(u, kind.key_lengths(), 80)?,
        };
        Ok(Input {
            mac,
            key,
            nonce: bytes_of_length(u, &[16], 20)?,
            copy_after: u.arbitrary()?,
            chunk_sizes: u.arbitrary()?,
            edit: u.arbitrary()?,
            data: backend_fuzz::rest(u),
        })
    }
}

fn exercise<M: MacContext>(mut ctx: M, input: &Input) {
    let parts = chunks(&input.data, &input.chunk_sizes);
    let split = usize::from(input.copy_after) % parts.len();
    for part in &parts[..split] {
        ctx.update(part);
    }
    let mut copy = ctx.copy();
    for part in &parts[split..] {
        ctx.update(part);
        copy.update(part);
    }
    let tag = ctx.copy().finalize();
    assert_eq!(tag, copy.finalize(), "{:?}: the copy diverged", input.mac);
    ctx.copy().verify(&tag).expect("the MAC's own tag verifies");

    let mut other = tag.to_vec();
    match &input.edit {
        TagEdit::Truncate(n) => other.truncate(usize::from(*n) % (other.len() + 1)),
        TagEdit::FlipBit(bit) if !other.is_empty() => {
            let bit = usize::from(*bit) % (other.len() * 8);
            other[bit / 8] ^= 1 << (bit % 8);
        }
        TagEdit::FlipBit(_) => other.push(0),
        TagEdit::Extend(b) => other.push(*b),
        TagEdit::Replace(bytes) => other.clone_from(bytes),
    }
    let verdict = ctx.verify(&other);
    if other[..] == tag[..] {
        assert_eq!(verdict, Ok(()));
    } else {
        assert_eq!(
            verdict,
            Err(Error::InvalidSignature),
            "{:?}: a wrong tag",
            input.mac
        );
    }
}

fuzz_target!(|input: Input| {
    match input.mac {
        Mac::Hmac(hash) => {
            let supported = Backend.hmac_supported(hash);
            let created = Backend.create_hmac_ctx(&input.key, hash);
            assert_eq!(
                supported,
                created.is_ok(),
                "HMAC-{hash:?}: supported vs create"
            );
            match created {
                Ok(ctx) => exercise(ctx, &input),
                Err(e) => assert!(matches!(e, Error::Unsupported { .. }), "{e:?}"),
            }
        }
        Mac::Cmac(kind) => {
            let algorithm = kind.with(&input.key, &input.nonce);
            let supported = Backend.cmac_algorithm_supported(&algorithm);
            let created = Backend.create_cmac_ctx(&algorithm);
            assert_eq!(
                supported,
                created.is_ok(),
                "{algorithm:?}: cmac_algorithm_supported vs create: {:?}",
                created.as_ref().err()
            );
            match created {
                Ok(ctx) => {
                    assert!(algorithm.check_key().is_ok(), "CMAC took a bad key");
                    exercise(ctx, &input);
                }
                // The cipher's CMAC does not exist here (Unsupported) or not with this key size.
                Err(e) => assert!(
                    matches!(e, Error::Unsupported { .. } | Error::InvalidKey(_)),
                    "{algorithm:?}: {e:?}"
                ),
            }
        }
    }
});
