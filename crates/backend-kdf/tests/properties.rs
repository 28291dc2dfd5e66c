//! Properties over descriptors and arbitrary input: every `*_supported` answer agrees with the
//! derivations, PBKDF2 and HKDF agree with the HMAC family they are built on, and no input panics.
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed
#![cfg(all(feature = "rustcrypto", feature = "alloc"))]

use backend_hmac::{HmacBackend, MacContext};
use backend_kdf::{
    Error, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, RustCrypto, check_hkdf_length,
    check_pbkdf2, hkdf_max_length,
};
use proptest::prelude::*;

/// Every descriptor, including XOFs with assorted sizes.
fn descriptors() -> Vec<HashAlgorithm> {
    let mut all = HashAlgorithm::ALL.to_vec();
    all.extend([
        HashAlgorithm::shake128(1).unwrap(),
        HashAlgorithm::shake256(200).unwrap(),
    ]);
    all
}

#[test]
fn pbkdf2_supported_agrees_with_derive_for_every_descriptor() {
    for algorithm in descriptors() {
        let supported = RustCrypto.pbkdf2_hmac_supported(algorithm);
        let mut out = [0u8; 40];
        let into = RustCrypto.derive_pbkdf2_hmac_into(algorithm, b"salt", 2, b"pw", &mut out);
        let owned = RustCrypto.derive_pbkdf2_hmac(algorithm, 40, b"salt", 2, b"pw");
        assert_eq!(supported, into.is_ok(), "{algorithm:?}");
        assert_eq!(supported, owned.is_ok(), "{algorithm:?}");
        if supported {
            assert_eq!(owned.unwrap().as_bytes(), &out[..]);
        } else {
            assert!(matches!(into, Err(Error::Unsupported { .. })));
        }
    }
}

#[test]
fn hkdf_supported_agrees_with_derive_for_every_descriptor() {
    for algorithm in descriptors() {
        let supported = RustCrypto.hkdf_supported(algorithm);
        let results = [
            RustCrypto
                .derive_hkdf(algorithm, 40, b"salt", b"info", b"ikm")
                .map(drop),
            RustCrypto
                .hkdf_extract(algorithm, b"salt", b"ikm")
                .map(drop),
            RustCrypto
                .hkdf_expand(algorithm, 40, &[9; 64], b"info")
                .map(drop),
        ];
        for result in results {
            assert_eq!(supported, result.is_ok(), "{algorithm:?}: {result:?}");
        }
    }
}

/// PBKDF2 and HKDF are offered for exactly the hashes HMAC is: their rows are the HMAC rows
/// relabelled (same order, same parameters), and every `*_supported` is `supports` over them.
#[test]
fn kdf_rows_are_the_hmac_rows_relabelled() {
    use backend_kdf::capability::{Algorithm, supports};
    use backend_kdf::rustcrypto::{HKDF_CAPABILITIES, PBKDF2_CAPABILITIES};
    use backend_kdf::{hkdf_query, pbkdf2_hmac_query};
    let hmac = RustCrypto.hmac_capabilities();
    assert_eq!(RustCrypto.pbkdf2_hmac_capabilities(), PBKDF2_CAPABILITIES);
    assert_eq!(RustCrypto.hkdf_capabilities(), HKDF_CAPABILITIES);
    assert_eq!(hmac.len(), HashAlgorithm::FIXED_OUTPUT.len());
    for ((h, p), k) in hmac.iter().zip(PBKDF2_CAPABILITIES).zip(HKDF_CAPABILITIES) {
        let Algorithm::Hmac(hash) = h.algorithm else {
            panic!("an HMAC row that is not HMAC: {h:?}");
        };
        assert_eq!(p.algorithm, Algorithm::Pbkdf2Hmac(hash));
        assert_eq!(k.algorithm, Algorithm::Hkdf(hash));
        assert_eq!((p.key_bits, p.hashes), (h.key_bits, h.hashes));
        assert_eq!((k.key_bits, k.hashes), (h.key_bits, h.hashes));
    }
    for algorithm in descriptors() {
        assert_eq!(
            RustCrypto.pbkdf2_hmac_supported(algorithm),
            supports(PBKDF2_CAPABILITIES, &pbkdf2_hmac_query(algorithm))
        );
        assert_eq!(
            RustCrypto.hkdf_supported(algorithm),
            supports(HKDF_CAPABILITIES, &hkdf_query(algorithm))
        );
        assert_eq!(
            RustCrypto.hkdf_supported(algorithm),
            RustCrypto.hmac_supported(algorithm)
        );
    }
}

fn hmac(algorithm: HashAlgorithm, key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut ctx = RustCrypto.create_hmac_ctx(key, algorithm).unwrap();
    parts.iter().for_each(|p| ctx.update(p));
    ctx.finalize().to_vec()
}

/// PBKDF2 (RFC 8018 §5.2) and HKDF (RFC 5869 §2) spelled out over the HMAC family: an independent
/// check for the hashes no published vector covers (SHA-3, BLAKE2, MD5, SM3, SHA-512/t).
#[test]
fn pbkdf2_and_hkdf_agree_with_hmac_for_every_hash() {
    for algorithm in HashAlgorithm::FIXED_OUTPUT {
        let size = algorithm.digest_size();
        // PBKDF2, 2 iterations, 2 blocks: T_i = U1 ^ U2, U1 = HMAC(P, S || INT(i)), U2 = HMAC(P, U1).
        let mut expected = Vec::new();
        for block in 1u32..=2 {
            let u1 = hmac(algorithm, b"password", &[b"salt", &block.to_be_bytes()]);
            let u2 = hmac(algorithm, b"password", &[&u1]);
            expected.extend(u1.iter().zip(&u2).map(|(a, b)| a ^ b));
        }
        let derived = RustCrypto
            .derive_pbkdf2_hmac(algorithm, 2 * size - 3, b"salt", 2, b"password")
            .unwrap();
        assert_eq!(
            derived.as_bytes(),
            &expected[..2 * size - 3],
            "{algorithm:?}"
        );

        // HKDF: PRK = HMAC(salt, IKM); T(1) = HMAC(PRK, info || 1); T(2) = HMAC(PRK, T(1) || info || 2).
        let prk = hmac(algorithm, b"salt", &[b"ikm"]);
        let t1 = hmac(algorithm, &prk, &[b"info", &[1]]);
        let t2 = hmac(algorithm, &prk, &[&t1, b"info", &[2]]);
        let okm = RustCrypto
            .derive_hkdf(algorithm, size + 5, b"salt", b"info", b"ikm")
            .unwrap();
        assert_eq!(
            RustCrypto
                .hkdf_extract(algorithm, b"salt", b"ikm")
                .unwrap()
                .as_bytes(),
            &prk[..]
        );
        assert_eq!(&okm[..size], &t1[..], "{algorithm:?}");
        assert_eq!(&okm[size..], &t2[..5], "{algorithm:?}");
    }
}

fn any_descriptor() -> impl Strategy<Value = HashAlgorithm> {
    let all = descriptors();
    (0..all.len()).prop_map(move |i| all[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any digest size (a provider may list a SHAKE of any size): the HKDF bound never overflows;
    /// it is 255 × the size, saturated.
    #[test]
    fn hkdf_max_length_never_overflows(size in prop_oneof![any::<usize>(), 1usize..100], length in any::<usize>()) {
        let Some(digest_size) = core::num::NonZeroUsize::new(size) else { return Ok(()) };
        let shake = HashAlgorithm::Shake256 { digest_size };
        let max = hkdf_max_length(shake);
        prop_assert_eq!(max, size.saturating_mul(255));
        prop_assert_eq!(check_hkdf_length(shake, length).is_ok(), length >= 1 && length <= max);
    }

    /// Arbitrary lengths, iterations and inputs: an error exactly when a rule is broken, never a
    /// panic.
    #[test]
    fn pbkdf2_never_panics_and_fails_only_on_a_broken_rule(
        algorithm in any_descriptor(),
        length in 0usize..200,
        iterations in 0u32..4,
        salt in proptest::collection::vec(any::<u8>(), 0..80),
        key in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let valid = RustCrypto.pbkdf2_hmac_supported(algorithm)
            && check_pbkdf2(algorithm, length, iterations).is_ok();
        let owned = RustCrypto.derive_pbkdf2_hmac(algorithm, length, &salt, iterations, &key);
        prop_assert_eq!(owned.is_ok(), valid);
        let mut out = vec![0u8; length];
        let into = RustCrypto.derive_pbkdf2_hmac_into(algorithm, &salt, iterations, &key, &mut out);
        prop_assert_eq!(into.is_ok(), valid);
        if let Ok(owned) = owned {
            prop_assert_eq!(owned.as_bytes(), &out[..]);
        }
    }

    /// Arbitrary PRK and output sizes for HKDF-Expand: an error exactly when a rule is broken.
    #[test]
    fn hkdf_never_panics_and_fails_only_on_a_broken_rule(
        algorithm in any_descriptor(),
        length in 0usize..(255 * 64 + 20),
        prk in proptest::collection::vec(any::<u8>(), 0..130),
        info in proptest::collection::vec(any::<u8>(), 0..40),
        prk_buffer in 0usize..80,
    ) {
        let supported = RustCrypto.hkdf_supported(algorithm);
        let valid_length = check_hkdf_length(algorithm, length).is_ok();
        let valid = supported && valid_length && prk.len() >= algorithm.digest_size();
        let mut out = vec![0u8; length];
        prop_assert_eq!(RustCrypto.hkdf_expand_into(algorithm, &prk, &info, &mut out).is_ok(), valid);
        prop_assert_eq!(RustCrypto.hkdf_expand(algorithm, length, &prk, &info).is_ok(), valid);
        prop_assert_eq!(
            RustCrypto.derive_hkdf(algorithm, length, &info, &info, &prk).is_ok(),
            supported && valid_length
        );
        prop_assert!(length <= hkdf_max_length(algorithm) || !valid);
        let mut extracted = vec![0u8; prk_buffer];
        prop_assert_eq!(
            RustCrypto.hkdf_extract_into(algorithm, &info, &prk, &mut extracted).is_ok(),
            supported && prk_buffer == algorithm.digest_size()
        );
    }
}

#[cfg(feature = "scrypt")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Arbitrary n, r, p (including huge and zero ones) under a small memory limit: an error
    /// exactly when a rule is broken, never a panic, an overflow or an abort.
    #[test]
    fn scrypt_never_panics_and_fails_only_on_a_broken_rule(
        n in prop_oneof![any::<u64>(), (0u32..10).prop_map(|k| 1u64 << k), Just(0u64)],
        r in prop_oneof![any::<u32>(), 0u32..4],
        p in prop_oneof![any::<u32>(), 0u32..4],
        length in 0usize..100,
    ) {
        use backend_kdf::{RustCryptoScrypt, ScryptBackend, ScryptParams, check_scrypt_length};
        let backend = RustCryptoScrypt {
            memory_limit: 64 << 10,
            cost_limit: 1 << 12,
            ..RustCryptoScrypt::DEFAULT
        };
        let valid = check_scrypt_length(length).is_ok()
            && ScryptParams::new(n, r, p)
                .and_then(|s| s.check_memory(64 << 10).and(s.check_cost(1 << 12)))
                .is_ok();
        let mut out = vec![0u8; length];
        prop_assert_eq!(backend.derive_scrypt_into(b"pw", b"salt", n, r, p, &mut out).is_ok(), valid);
        let owned = backend.derive_scrypt(b"pw", b"salt", length, n, r, p);
        prop_assert_eq!(owned.is_ok(), valid);
        if let Ok(owned) = owned {
            prop_assert_eq!(owned.as_bytes(), &out[..]);
        }
    }
}
