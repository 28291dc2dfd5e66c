//! Behaviour of `HmacBackend` beyond the published vectors (those run in `cargo xtask vectors`).

use backend_hmac::{Error, HashAlgorithm, HmacBackend, MacContext, Reason, RustCrypto};
use proptest::prelude::*;

#[test]
fn supported_agrees_with_create_for_every_descriptor() {
    let mut all = HashAlgorithm::ALL.to_vec();
    all.extend([
        HashAlgorithm::shake128(16).unwrap(),
        HashAlgorithm::shake256(1000).unwrap(),
    ]);
    for algorithm in all {
        let created = RustCrypto.create_hmac_ctx(b"key", algorithm);
        assert_eq!(
            RustCrypto.hmac_supported(algorithm),
            created.is_ok(),
            "{algorithm:?}"
        );
        assert_eq!(created.is_err(), algorithm.is_xof(), "{algorithm:?}");
    }
}

#[test]
fn hmac_with_an_xof_is_unsupported() {
    let err = RustCrypto
        .create_hmac_ctx(b"key", HashAlgorithm::shake128(32).unwrap())
        .unwrap_err();
    assert_eq!(
        err,
        Error::Unsupported {
            reason: Reason::Mac,
            name: "shake128"
        }
    );
}

#[test]
fn verify_rejects_a_wrong_or_truncated_tag() {
    let ctx = RustCrypto
        .create_hmac_ctx(b"key", HashAlgorithm::Sha256)
        .unwrap();
    let tag = ctx.copy().finalize();
    let mut wrong = tag.to_vec();
    wrong[0] ^= 0x80;
    assert_eq!(ctx.copy().verify(&wrong), Err(Error::InvalidSignature));
    assert_eq!(ctx.copy().verify(&tag[..16]), Err(Error::InvalidSignature));
    assert_eq!(ctx.copy().verify(&[]), Err(Error::InvalidSignature));
    assert_eq!(ctx.verify(&tag), Ok(()));
}

#[test]
fn keys_of_any_length_work_and_long_keys_are_hashed_first() {
    // RFC 2104: a key longer than the block is replaced by its hash.
    let long_key = [0x61u8; 200];
    let hashed_key = {
        use backend_hash::{HashBackend, HashContext};
        let mut h = backend_hash::RustCrypto
            .create_hash_ctx(HashAlgorithm::Sha256)
            .unwrap();
        h.update(&long_key);
        h.finalize().unwrap()
    };
    let a = RustCrypto
        .create_hmac_ctx(&long_key, HashAlgorithm::Sha256)
        .unwrap()
        .finalize();
    let b = RustCrypto
        .create_hmac_ctx(&hashed_key, HashAlgorithm::Sha256)
        .unwrap()
        .finalize();
    assert_eq!(a, b);
    assert!(
        RustCrypto
            .create_hmac_ctx(&[], HashAlgorithm::Sha256)
            .is_ok()
    );
}

proptest! {
    #[test]
    fn any_chunking_gives_the_one_shot_tag(
        index in 0usize..15,
        key in proptest::collection::vec(any::<u8>(), 0..200),
        data in proptest::collection::vec(any::<u8>(), 0..500),
        cut in any::<usize>(),
    ) {
        let algorithm = RustCrypto::HMAC_HASHES[index];
        let mut one = RustCrypto.create_hmac_ctx(&key, algorithm).unwrap();
        one.update(&data);
        let mut two = RustCrypto.create_hmac_ctx(&key, algorithm).unwrap();
        let cut = cut % (data.len() + 1);
        two.update(&data[..cut]);
        two.update(&data[cut..]);
        let tag = one.finalize();
        prop_assert_eq!(tag.len(), algorithm.digest_size());
        prop_assert!(two.verify(&tag).is_ok());
    }
}
