//! Behaviour of `HashBackend` beyond the published vectors (those run in `cargo xtask vectors`).

use backend_hash::{Error, HashAlgorithm, HashBackend, HashContext, Output, RustCrypto};
use proptest::prelude::*;

fn all_descriptors() -> Vec<HashAlgorithm> {
    let mut all = HashAlgorithm::ALL.to_vec();
    for size in [1, 16, 64, 65, 200, 4096] {
        all.push(HashAlgorithm::shake128(size));
        all.push(HashAlgorithm::shake256(size));
    }
    all
}

#[test]
fn supported_agrees_with_create_for_every_descriptor() {
    for algorithm in all_descriptors() {
        let created = RustCrypto.create_hash_ctx(algorithm);
        assert_eq!(
            RustCrypto.hash_supported(algorithm),
            created.is_ok(),
            "{algorithm:?}"
        );
        if let Err(e) = created {
            assert!(matches!(e, Error::Unsupported { .. }), "{algorithm:?}: {e}");
        }
    }
}

#[test]
fn finalize_into_checks_the_buffer_length() {
    let ctx = RustCrypto.create_hash_ctx(HashAlgorithm::Sha256).unwrap();
    assert_eq!(
        ctx.clone().finalize_into(&mut [0; 31]),
        Err(Error::BufferTooSmall { needed: 32 })
    );
    assert!(matches!(
        ctx.clone().finalize_into(&mut [0; 33]),
        Err(Error::InvalidArgument(_))
    ));
    let mut out = [0; 32];
    ctx.finalize_into(&mut out).unwrap();
    assert_eq!(out[..4], [0xe3, 0xb0, 0xc4, 0x42]);
}

#[test]
fn long_shake_outputs_go_through_finalize_into() {
    let algorithm = HashAlgorithm::shake256(Output::CAPACITY + 1);
    let ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
    assert_eq!(
        ctx.clone().finalize(),
        Err(Error::BufferTooSmall { needed: 65 })
    );
    let mut long = [0u8; 65];
    ctx.finalize_into(&mut long).unwrap();
    // An XOF's shorter output is a prefix of its longer one.
    let short = RustCrypto
        .create_hash_ctx(HashAlgorithm::shake256(64))
        .unwrap()
        .finalize()
        .unwrap();
    assert_eq!(&long[..64], &short[..]);
}

#[test]
fn copy_is_independent_of_the_original() {
    let mut ctx = RustCrypto.create_hash_ctx(HashAlgorithm::Sha3_256).unwrap();
    ctx.update(b"ab");
    let mut fork = ctx.copy();
    ctx.update(b"c");
    fork.update(b"x");
    let abc = ctx.finalize().unwrap();
    let abx = fork.finalize().unwrap();
    assert_ne!(abc, abx);
    let mut direct = RustCrypto.create_hash_ctx(HashAlgorithm::Sha3_256).unwrap();
    direct.update(b"abc");
    assert_eq!(direct.finalize().unwrap(), abc);
}

#[test]
fn the_context_reports_its_algorithm() {
    for algorithm in all_descriptors() {
        let ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
        assert_eq!(ctx.algorithm(), algorithm);
    }
}

proptest! {
    #[test]
    fn any_chunking_gives_the_one_shot_digest(
        index in 0usize..17,
        data in proptest::collection::vec(any::<u8>(), 0..700),
        cuts in proptest::collection::vec(any::<usize>(), 0..8),
    ) {
        let algorithm = HashAlgorithm::ALL[index];
        let mut one = RustCrypto.create_hash_ctx(algorithm).unwrap();
        one.update(&data);
        let mut chunked = RustCrypto.create_hash_ctx(algorithm).unwrap();
        let mut points: Vec<usize> = cuts.iter().map(|c| c % (data.len() + 1)).collect();
        points.sort_unstable();
        let mut start = 0;
        for p in points.into_iter().chain([data.len()]) {
            chunked.update(&data[start..p]);
            start = p;
        }
        prop_assert_eq!(one.finalize().unwrap(), chunked.finalize().unwrap());
    }
}

#[test]
fn one_shot_hash_agrees_with_the_streaming_context() {
    for algorithm in all_descriptors() {
        let mut ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
        ctx.update(b"one shot");
        assert_eq!(
            RustCrypto.hash(algorithm, b"one shot"),
            ctx.finalize(),
            "{algorithm:?}"
        );
    }
}
