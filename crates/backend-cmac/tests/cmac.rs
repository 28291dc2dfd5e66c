//! Behaviour of `CmacBackend` beyond the published vectors (those run in `cargo xtask vectors`).
#![cfg(feature = "rustcrypto")] // these are the RustCrypto provider's behaviours

use backend_cmac::{CipherAlgorithm, CmacBackend, Error, MacContext, Reason, RustCrypto};
use proptest::prelude::*;

/// The supported⇔call property over every cipher and every key length from 0 to 72 bytes:
/// `cmac_algorithm_supported` (rows + `cmac_query`) is true exactly when the context is created;
/// a refusal is `Unsupported` for a cipher without CMAC here and `InvalidKey` for a key size the
/// cipher's CMAC does not define (the rows hold every defined size).
#[test]
fn supported_agrees_with_create_for_every_cipher_and_key_size() {
    let bytes = [7u8; 72];
    let nonce = [0u8; 16];
    let mut supported_sizes = Vec::new();
    for len in 0..=bytes.len() {
        let key = &bytes[..len];
        for algorithm in [
            CipherAlgorithm::Aes(key),
            CipherAlgorithm::TripleDes(key),
            CipherAlgorithm::Camellia(key),
            CipherAlgorithm::Sm4(key),
            CipherAlgorithm::ChaCha20 { key, nonce: &nonce },
        ] {
            let created = RustCrypto.create_cmac_ctx(&algorithm);
            let supported = RustCrypto.cmac_algorithm_supported(&algorithm);
            assert_eq!(supported, created.is_ok(), "{algorithm:?}");
            let has_cmac = !matches!(
                algorithm,
                CipherAlgorithm::Sm4(_) | CipherAlgorithm::ChaCha20 { .. }
            );
            match created {
                Ok(_) => supported_sizes.push((algorithm.name(), algorithm.key_size())),
                Err(Error::InvalidKey(_)) => assert!(has_cmac, "{algorithm:?}"),
                Err(e) => {
                    assert!(!has_cmac, "{algorithm:?}: {e}");
                    assert_eq!(
                        e,
                        Error::Unsupported {
                            reason: Reason::Mac,
                            name: algorithm.name()
                        }
                    );
                }
            }
        }
    }
    supported_sizes.sort_unstable();
    assert_eq!(
        supported_sizes,
        [
            ("3DES", 64),
            ("3DES", 128),
            ("3DES", 192),
            ("AES", 128),
            ("AES", 192),
            ("AES", 256),
            ("camellia", 128),
            ("camellia", 192),
            ("camellia", 256),
        ]
    );
}

/// Issue 10: a provider chosen at run time, held as `Box<dyn DynCmacBackend>`, is handed to code
/// generic over the static trait (contexts: `Box<dyn DynMacContext>`). The first candidate offers
/// AES-128 and AES-256 but not AES-192, so a 192-bit key falls through to the next provider by
/// its key size.
#[cfg(feature = "alloc")]
#[test]
fn a_boxed_backend_chosen_at_run_time_serves_generic_code() {
    // The `Dyn*` twins share the static traits' method names: named by path, not imported.
    use backend_cmac::capability::{Algorithm, Capability, CipherKind, Sizes};

    struct NoAes192;
    const NO_AES_192: &[Capability] = &[
        Capability::new(Algorithm::Cmac(CipherKind::Aes)).key_bits(Sizes::exactly(128)),
        Capability::new(Algorithm::Cmac(CipherKind::Aes)).key_bits(Sizes::exactly(256)),
    ];
    impl CmacBackend for NoAes192 {
        type CmacCtx = backend_cmac::RustCryptoCmacContext;
        fn cmac_capabilities(&self) -> &[Capability] {
            NO_AES_192
        }
        fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<Self::CmacCtx, Error> {
            if self.cmac_algorithm_supported(algorithm) {
                RustCrypto.create_cmac_ctx(algorithm)
            } else {
                Err(Error::unsupported(Reason::Mac, algorithm.name()))
            }
        }
    }

    fn tag<B: CmacBackend>(backend: &B, algorithm: &CipherAlgorithm<'_>) -> backend_cmac::Output {
        let mut ctx = backend.create_cmac_ctx(algorithm).unwrap();
        ctx.update(b"message");
        let tag = ctx.copy().finalize();
        ctx.verify(&tag).unwrap();
        tag
    }

    let key = [3u8; 24];
    let aes192 = CipherAlgorithm::Aes(&key);
    let providers: Vec<Box<dyn backend_cmac::DynCmacBackend>> =
        vec![Box::new(NoAes192), Box::new(RustCrypto)];
    let chosen = providers
        .iter()
        .position(|p| p.cmac_algorithm_supported(&aes192))
        .unwrap();
    assert_eq!(
        chosen, 1,
        "no AES-192 in the first provider: the second serves it"
    );
    let expected = tag(&RustCrypto, &aes192);
    assert_eq!(tag(&providers[chosen], &aes192), expected);
    let borrowed: &dyn backend_cmac::DynCmacBackend = &*providers[chosen];
    assert_eq!(tag(&borrowed, &aes192), expected);
    let _: Box<dyn backend_cmac::DynMacContext> =
        CmacBackend::create_cmac_ctx(&providers[chosen], &aes192).unwrap();

    let aes128 = CipherAlgorithm::Aes(&key[..16]);
    assert!(CmacBackend::cmac_algorithm_supported(
        &providers[0],
        &aes128
    ));
    assert_eq!(tag(&providers[0], &aes128), tag(&RustCrypto, &aes128));
    assert!(matches!(
        CmacBackend::create_cmac_ctx(&providers[0], &aes192),
        Err(Error::Unsupported { .. })
    ));
}

/// A boxed backend behind `dyn DynCmacBackend` again hands out its boxed contexts as they are,
/// not boxed a second time.
#[cfg(feature = "alloc")]
#[test]
fn a_boxed_backends_contexts_are_not_boxed_again() {
    use backend_cmac::{DynCmacBackend, RustCryptoCmacContext};
    let boxed: Box<dyn DynCmacBackend> = Box::new(RustCrypto);
    let again: &dyn DynCmacBackend = &boxed;
    let ctx = again
        .create_cmac_ctx(&CipherAlgorithm::Aes(&[1; 16]))
        .unwrap();
    assert_eq!(
        core::mem::size_of_val(&*ctx),
        core::mem::size_of::<RustCryptoCmacContext>()
    );
}

#[test]
fn a_key_of_the_wrong_length_is_an_invalid_key() {
    for key in [&[0u8; 0][..], &[0; 15], &[0; 17], &[0; 33], &[0; 64]] {
        let err = RustCrypto
            .create_cmac_ctx(&CipherAlgorithm::Aes(key))
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidKey(_)),
            "AES key of {} bytes: {err}",
            key.len()
        );
    }
    for key in [&[0u8; 7][..], &[0; 12], &[0; 32]] {
        let err = RustCrypto
            .create_cmac_ctx(&CipherAlgorithm::TripleDes(key))
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidKey(_)),
            "3DES key of {} bytes: {err}",
            key.len()
        );
    }
}

#[test]
fn short_triple_des_keys_expand_as_in_the_seed_system() {
    let k1 = [0x01u8, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];
    let k2 = [0xfeu8, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10];
    let tag = |key: &[u8]| {
        let mut ctx = RustCrypto
            .create_cmac_ctx(&CipherAlgorithm::TripleDes(key))
            .unwrap();
        ctx.update(b"message");
        ctx.finalize()
    };
    assert_eq!(tag(&k1), tag(&[k1, k1, k1].concat()));
    assert_eq!(tag(&[k1, k2].concat()), tag(&[k1, k2, k1].concat()));
    assert_eq!(tag(&k1).len(), 8);
}

#[test]
fn verify_rejects_a_wrong_tag() {
    let ctx = RustCrypto
        .create_cmac_ctx(&CipherAlgorithm::Aes(&[1; 32]))
        .unwrap();
    let tag = ctx.copy().finalize();
    let mut wrong = tag.to_vec();
    wrong[15] ^= 1;
    assert_eq!(ctx.copy().verify(&wrong), Err(Error::InvalidSignature));
    assert_eq!(ctx.copy().verify(&tag[..8]), Err(Error::InvalidSignature));
    assert_eq!(ctx.verify(&tag), Ok(()));
}

proptest! {
    #[test]
    fn any_chunking_gives_the_one_shot_tag(
        key_len in prop::sample::select(vec![16usize, 24, 32]),
        data in proptest::collection::vec(any::<u8>(), 0..300),
        cut in any::<usize>(),
    ) {
        let key = vec![0x42u8; key_len];
        let algorithm = CipherAlgorithm::Aes(&key);
        let mut one = RustCrypto.create_cmac_ctx(&algorithm).unwrap();
        one.update(&data);
        let mut two = RustCrypto.create_cmac_ctx(&algorithm).unwrap();
        let cut = cut % (data.len() + 1);
        two.update(&data[..cut]);
        two.update(&data[cut..]);
        prop_assert_eq!(one.finalize(), two.finalize());
    }
}
