//! Behaviour of `HmacBackend` beyond the published vectors (those run in `cargo xtask vectors`).
#![cfg(feature = "rustcrypto")] // these are the RustCrypto provider's behaviours

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

/// The rows are the one list of fixed-output hashes, and `hmac_supported` is `supports` over them
/// with `hmac_query`.
#[test]
fn the_rows_are_the_fixed_output_hashes_and_supported_is_derived_from_them() {
    use backend_hmac::capability::{Algorithm, supports};
    use backend_hmac::{hmac_query, rustcrypto::CAPABILITIES};
    assert_eq!(RustCrypto.hmac_capabilities(), CAPABILITIES);
    let named: Vec<Algorithm> = CAPABILITIES.iter().map(|row| row.algorithm).collect();
    assert_eq!(named, HashAlgorithm::FIXED_OUTPUT.map(Algorithm::Hmac));
    for algorithm in HashAlgorithm::ALL {
        assert_eq!(
            RustCrypto.hmac_supported(algorithm),
            supports(CAPABILITIES, &hmac_query(algorithm))
        );
    }
}

/// Issue 10: a provider chosen at run time, held as `Box<dyn DynHmacBackend>`, is handed to code
/// generic over the static trait (contexts: `Box<dyn DynMacContext>`). The first candidate offers
/// HMAC-SHA-256 only, so the choice is made from the rows.
#[cfg(feature = "alloc")]
#[test]
fn a_boxed_backend_chosen_at_run_time_serves_generic_code() {
    // The `Dyn*` twins share the static traits' method names: named by path, not imported.
    use backend_hmac::capability::{Algorithm, Capability};

    struct Sha256Only;
    const SHA256_ONLY: &[Capability] = &[Capability::new(Algorithm::Hmac(HashAlgorithm::Sha256))];
    impl HmacBackend for Sha256Only {
        type HmacCtx = backend_hmac::RustCryptoHmacContext;
        fn hmac_capabilities(&self) -> &[Capability] {
            SHA256_ONLY
        }
        fn create_hmac_ctx(
            &self,
            key: &[u8],
            algorithm: HashAlgorithm,
        ) -> Result<Self::HmacCtx, Error> {
            if self.hmac_supported(algorithm) {
                RustCrypto.create_hmac_ctx(key, algorithm)
            } else {
                Err(Error::unsupported(Reason::Mac, algorithm.name()))
            }
        }
    }

    fn tag<B: HmacBackend>(backend: &B, algorithm: HashAlgorithm) -> backend_hmac::Output {
        let mut ctx = backend.create_hmac_ctx(b"key", algorithm).unwrap();
        ctx.update(b"message");
        let tag = ctx.copy().finalize();
        ctx.verify(&tag).unwrap();
        tag
    }

    let providers: Vec<Box<dyn backend_hmac::DynHmacBackend>> =
        vec![Box::new(Sha256Only), Box::new(RustCrypto)];
    let wanted = HashAlgorithm::Sha3_512;
    let chosen = providers
        .into_iter()
        .find(|p| p.hmac_supported(wanted))
        .unwrap();
    let expected = tag(&RustCrypto, wanted);
    assert_eq!(tag(&chosen, wanted), expected);
    let borrowed: &dyn backend_hmac::DynHmacBackend = &*chosen;
    assert_eq!(tag(&borrowed, wanted), expected);
    let _: Box<dyn backend_hmac::DynMacContext> =
        HmacBackend::create_hmac_ctx(&chosen, b"key", wanted).unwrap();

    let partial: Box<dyn backend_hmac::DynHmacBackend> = Box::new(Sha256Only);
    assert!(!HmacBackend::hmac_supported(&partial, wanted));
    assert!(matches!(
        HmacBackend::create_hmac_ctx(&partial, b"key", wanted),
        Err(Error::Unsupported { .. })
    ));
    assert_eq!(
        tag(&partial, HashAlgorithm::Sha256),
        tag(&RustCrypto, HashAlgorithm::Sha256)
    );
}

/// A boxed backend behind `dyn DynHmacBackend` again hands out its boxed contexts (and their
/// copies) as they are, not boxed a second time (`MacContext::into_dyn`).
#[cfg(feature = "alloc")]
#[test]
fn a_boxed_backends_contexts_are_not_boxed_again() {
    use backend_hmac::{DynHmacBackend, DynMacContext, RustCryptoHmacContext};
    let single = core::mem::size_of::<RustCryptoHmacContext>();
    assert_ne!(single, core::mem::size_of::<Box<dyn DynMacContext>>());
    let boxed: Box<dyn DynHmacBackend> = Box::new(RustCrypto);
    let again: &dyn DynHmacBackend = &boxed;
    let ctx = again
        .create_hmac_ctx(b"key", HashAlgorithm::Sha256)
        .unwrap();
    assert_eq!(core::mem::size_of_val(&*ctx), single);
    // The object's own copy, and the blanket impl's copy of the box as a `DynMacContext`.
    assert_eq!(core::mem::size_of_val(&*DynMacContext::copy(&*ctx)), single);
    assert_eq!(core::mem::size_of_val(&*DynMacContext::copy(&ctx)), single);
    assert_eq!(core::mem::size_of_val(&*MacContext::into_dyn(ctx)), single);
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
        let algorithm = HashAlgorithm::FIXED_OUTPUT[index];
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
