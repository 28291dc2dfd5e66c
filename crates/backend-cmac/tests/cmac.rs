//! Behaviour of `CmacBackend` beyond the published vectors (those run in `cargo xtask vectors`).

use backend_cmac::{CipherAlgorithm, CmacBackend, Error, MacContext, Reason, RustCrypto};
use proptest::prelude::*;

#[test]
fn supported_agrees_with_create_for_every_cipher() {
    let key16 = [7u8; 16];
    let key32 = [7u8; 32];
    let nonce = [0u8; 16];
    for algorithm in [
        CipherAlgorithm::Aes(&key16),
        CipherAlgorithm::TripleDes(&key16),
        CipherAlgorithm::Camellia(&key16),
        CipherAlgorithm::Sm4(&key16),
        CipherAlgorithm::ChaCha20 {
            key: &key32,
            nonce: &nonce,
        },
    ] {
        let created = RustCrypto.create_cmac_ctx(&algorithm);
        assert_eq!(
            RustCrypto.cmac_algorithm_supported(&algorithm),
            created.is_ok(),
            "{algorithm:?}"
        );
        if let Err(e) = created {
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
