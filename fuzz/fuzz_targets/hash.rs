//! `HashBackend`: every descriptor (SHAKE with any output size), streaming with arbitrary
//! chunking and a `copy` part-way, one-shot `hash`, `finalize_into` with right and wrong buffer
//! sizes. Asserts: supported ⇔ create succeeds; `finalize` / `hash` return the whole output up to
//! `HashOutput::MAX_LEN` and refuse beyond it; chunked = one-shot; the copy finishes the same;
//! `finalize_into` takes exactly the digest size; a SHAKE output is a prefix of a longer one.
#![no_main]

use arbitrary::Arbitrary;
use backend::hash::HashOutput;
use backend::{Backend, Error, HashAlgorithm, HashBackend, HashContext};
use backend_fuzz::chunks;
use libfuzzer_sys::fuzz_target;
use std::num::NonZeroUsize;

/// The largest output the target allocates.
const MAX_OUT: usize = 4096;

#[derive(Arbitrary, Debug)]
struct Input {
    #[arbitrary(with = backend_fuzz::hash)]
    algorithm: HashAlgorithm,
    /// A second output size for the SHAKE prefix check.
    #[arbitrary(with = backend_fuzz::xof_size)]
    other_size: NonZeroUsize,
    copy_after: u8,
    wrong_len: u16,
    chunk_sizes: Vec<u8>,
    data: Vec<u8>,
}

fn finalize_vec(ctx: <Backend as HashBackend>::HashCtx, len: usize) -> backend::Result<Vec<u8>> {
    let mut out = vec![0u8; len];
    ctx.finalize_into(&mut out)?;
    Ok(out)
}

fuzz_target!(|input: Input| {
    let algorithm = input.algorithm;
    let supported = Backend.hash_supported(algorithm);
    let created = Backend.create_hash_ctx(algorithm);
    assert_eq!(
        supported,
        created.is_ok(),
        "{algorithm:?}: supported vs create"
    );
    let one_shot = Backend.hash(algorithm, &input.data);
    let Ok(mut ctx) = created else {
        assert!(matches!(created, Err(Error::Unsupported { .. })));
        assert!(one_shot.is_err());
        return;
    };
    assert_eq!(ctx.algorithm(), algorithm);
    let size = algorithm.digest_size();

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
    let wrong = ctx.copy();
    let via_finalize = ctx.copy().finalize();
    // The owned forms return the whole output up to their limit, and refuse beyond it.
    assert_eq!(
        via_finalize.is_ok(),
        size <= HashOutput::MAX_LEN,
        "{algorithm:?}: finalize gave {via_finalize:?}"
    );
    match (&via_finalize, &one_shot) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{algorithm:?}: streaming vs one-shot"),
        (Err(_), Err(_)) => {}
        _ => panic!("{algorithm:?}: finalize {via_finalize:?} but hash {one_shot:?}"),
    }

    if size <= MAX_OUT {
        let streamed = finalize_vec(ctx, size).expect("finalize_into with the digest size");
        let copied = finalize_vec(copy, size).expect("finalize_into with the digest size");
        assert_eq!(streamed, copied, "{algorithm:?}: copy diverged");
        if let Ok(short) = &via_finalize {
            assert_eq!(&short[..], &streamed[..]);
        }
        // Any other buffer length is refused.
        let wrong_len = usize::from(input.wrong_len) % (MAX_OUT + 1);
        if wrong_len != size {
            assert!(
                finalize_vec(wrong, wrong_len).is_err(),
                "{algorithm:?}: {wrong_len}-byte buffer accepted"
            );
        }
        // SHAKE: the first bytes of a longer output are the shorter output.
        let other = match algorithm {
            HashAlgorithm::Shake128 { .. } => Some(HashAlgorithm::Shake128 {
                digest_size: input.other_size,
            }),
            HashAlgorithm::Shake256 { .. } => Some(HashAlgorithm::Shake256 {
                digest_size: input.other_size,
            }),
            _ => None,
        };
        if let Some(other) = other.filter(|o| o.digest_size() <= MAX_OUT) {
            let mut ctx = Backend
                .create_hash_ctx(other)
                .expect("SHAKE of another size");
            ctx.update(&input.data);
            let longer = finalize_vec(ctx, other.digest_size()).expect("finalize_into");
            let n = size.min(longer.len());
            assert_eq!(streamed[..n], longer[..n], "SHAKE outputs are not prefixes");
        }
    } else {
        // A huge XOF output: no buffer of that size is made; a small one is refused.
        assert!(finalize_vec(wrong, usize::from(input.wrong_len) % (MAX_OUT + 1)).is_err());
    }
});
