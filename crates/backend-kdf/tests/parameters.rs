//! Every parameter rule of the seed interfaces has a test here: PBKDF2 length and iterations, HKDF
//! lengths and PRK size, scrypt n / r / p / length and the memory limit.
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed
#![cfg(all(feature = "rustcrypto", feature = "alloc"))]

use backend_kdf::{
    Error, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, Reason, RustCrypto, check_pbkdf2,
    hkdf_max_length, pbkdf2_max_length,
};

fn is_invalid_argument<T>(result: Result<T, Error>) -> bool {
    matches!(result, Err(Error::InvalidArgument(_)))
}

// ---- PBKDF2 ----

#[test]
fn pbkdf2_rejects_a_zero_length() {
    assert!(is_invalid_argument(RustCrypto.derive_pbkdf2_hmac(
        HashAlgorithm::Sha256,
        0,
        b"salt",
        1,
        b"pw"
    )));
    let mut empty = [0u8; 0];
    assert!(is_invalid_argument(RustCrypto.derive_pbkdf2_hmac_into(
        HashAlgorithm::Sha256,
        b"salt",
        1,
        b"pw",
        &mut empty
    )));
}

#[test]
fn pbkdf2_rejects_a_length_over_2_pow_32_minus_1_blocks_before_allocating() {
    for algorithm in RustCrypto::PBKDF2_HASHES {
        let max = pbkdf2_max_length(*algorithm);
        assert_eq!(
            max as u64,
            u64::from(u32::MAX) * algorithm.digest_size() as u64
        );
        assert!(check_pbkdf2(*algorithm, max, 1).is_ok());
        assert!(is_invalid_argument(check_pbkdf2(*algorithm, max + 1, 1)));
        // Tens of gigabytes: refused by the check, never allocated.
        assert!(is_invalid_argument(RustCrypto.derive_pbkdf2_hmac(
            *algorithm,
            max + 1,
            b"salt",
            1,
            b"pw"
        )));
        assert!(is_invalid_argument(RustCrypto.derive_pbkdf2_hmac(
            *algorithm,
            usize::MAX,
            b"salt",
            1,
            b"pw"
        )));
    }
}

#[test]
fn pbkdf2_rejects_zero_iterations() {
    assert!(is_invalid_argument(RustCrypto.derive_pbkdf2_hmac(
        HashAlgorithm::Sha1,
        20,
        b"salt",
        0,
        b"pw"
    )));
    let mut out = [0u8; 20];
    assert!(is_invalid_argument(RustCrypto.derive_pbkdf2_hmac_into(
        HashAlgorithm::Sha1,
        b"salt",
        0,
        b"pw",
        &mut out
    )));
}

#[test]
fn pbkdf2_refuses_an_xof_as_an_unsupported_hash() {
    for algorithm in [
        HashAlgorithm::shake128(32).unwrap(),
        HashAlgorithm::shake256(64).unwrap(),
    ] {
        assert!(!RustCrypto.pbkdf2_hmac_supported(algorithm));
        assert_eq!(
            RustCrypto
                .derive_pbkdf2_hmac(algorithm, 32, b"salt", 1, b"pw")
                .unwrap_err(),
            Error::unsupported(Reason::Hash, algorithm.name())
        );
    }
}

#[test]
fn pbkdf2_writes_exactly_the_callers_buffer() {
    // RFC 6070 test 5: a length that is not a multiple of the digest size.
    let mut out = [0u8; 25];
    RustCrypto
        .derive_pbkdf2_hmac_into(
            HashAlgorithm::Sha1,
            b"saltSALTsaltSALTsaltSALTsaltSALTsalt",
            4096,
            b"passwordPASSWORDpassword",
            &mut out,
        )
        .unwrap();
    assert_eq!(
        hex::encode(out),
        "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"
    );
}

// ---- HKDF ----

#[test]
fn hkdf_rejects_a_zero_length() {
    assert!(is_invalid_argument(RustCrypto.derive_hkdf(
        HashAlgorithm::Sha256,
        0,
        b"",
        b"",
        b"ikm"
    )));
    assert!(is_invalid_argument(RustCrypto.hkdf_expand(
        HashAlgorithm::Sha256,
        0,
        &[0; 32],
        b""
    )));
}

#[test]
fn hkdf_rejects_a_length_over_255_blocks() {
    for algorithm in RustCrypto::HKDF_HASHES {
        let max = hkdf_max_length(*algorithm);
        assert_eq!(max, 255 * algorithm.digest_size());
        let prk = vec![7u8; algorithm.digest_size()];
        assert_eq!(
            RustCrypto
                .hkdf_expand(*algorithm, max, &prk, b"info")
                .unwrap()
                .len(),
            max
        );
        assert!(is_invalid_argument(RustCrypto.hkdf_expand(
            *algorithm,
            max + 1,
            &prk,
            b"info"
        )));
        assert!(is_invalid_argument(RustCrypto.derive_hkdf(
            *algorithm,
            max + 1,
            b"",
            b"",
            b"ikm"
        )));
        let mut out = vec![0u8; max + 1];
        assert!(is_invalid_argument(
            RustCrypto.hkdf_expand_into(*algorithm, &prk, b"", &mut out)
        ));
    }
}

#[test]
fn hkdf_expand_rejects_a_prk_shorter_than_the_digest() {
    let short = [1u8; 31];
    assert!(matches!(
        RustCrypto.hkdf_expand(HashAlgorithm::Sha256, 16, &short, b""),
        Err(Error::InvalidKey(_))
    ));
    let mut out = [0u8; 16];
    assert!(matches!(
        RustCrypto.hkdf_expand_into(HashAlgorithm::Sha256, &short, b"", &mut out),
        Err(Error::InvalidKey(_))
    ));
    // Longer than the digest is allowed (RFC 5869: "at least HashLen octets").
    assert!(
        RustCrypto
            .hkdf_expand(HashAlgorithm::Sha256, 16, &[1u8; 100], b"")
            .is_ok()
    );
}

#[test]
fn hkdf_extract_wants_a_digest_sized_buffer() {
    let mut short = [0u8; 31];
    assert_eq!(
        RustCrypto.hkdf_extract_into(HashAlgorithm::Sha256, b"salt", b"ikm", &mut short),
        Err(Error::BufferTooSmall { needed: 32 })
    );
    let mut long = [0u8; 33];
    assert!(is_invalid_argument(RustCrypto.hkdf_extract_into(
        HashAlgorithm::Sha256,
        b"salt",
        b"ikm",
        &mut long
    )));
}

#[test]
fn hkdf_refuses_an_xof_as_an_unsupported_hash() {
    let shake = HashAlgorithm::shake256(32).unwrap();
    assert!(!RustCrypto.hkdf_supported(shake));
    let expected = Error::unsupported(Reason::Hash, "shake256");
    assert_eq!(
        RustCrypto
            .derive_hkdf(shake, 32, b"", b"", b"ikm")
            .unwrap_err(),
        expected
    );
    assert_eq!(
        RustCrypto.hkdf_extract(shake, b"", b"ikm").unwrap_err(),
        expected
    );
    let mut out = [0u8; 32];
    assert_eq!(
        RustCrypto.hkdf_expand_into(shake, &[0; 64], b"", &mut out),
        Err(expected)
    );
}

#[test]
fn hkdf_extract_then_expand_is_derive_and_an_empty_salt_is_a_zero_salt() {
    for algorithm in RustCrypto::HKDF_HASHES {
        let prk = RustCrypto.hkdf_extract(*algorithm, b"", b"ikm").unwrap();
        let zero_salt = vec![0u8; algorithm.digest_size()];
        assert_eq!(
            prk,
            RustCrypto
                .hkdf_extract(*algorithm, &zero_salt, b"ikm")
                .unwrap()
        );
        let okm = RustCrypto
            .hkdf_expand(*algorithm, 100, &prk, b"info")
            .unwrap();
        assert_eq!(
            okm,
            RustCrypto
                .derive_hkdf(*algorithm, 100, b"", b"info", b"ikm")
                .unwrap()
        );
        let mut into = [0u8; 100];
        RustCrypto
            .derive_hkdf_into(*algorithm, b"", b"info", b"ikm", &mut into)
            .unwrap();
        assert_eq!(okm.as_bytes(), &into[..]);
    }
}

// ---- derived key container ----

#[test]
fn derived_key_debug_hides_the_bytes_and_verify_is_an_invalid_key_error() {
    let key = RustCrypto
        .derive_pbkdf2_hmac(HashAlgorithm::Sha256, 32, b"salt", 1, b"password")
        .unwrap();
    assert_eq!(format!("{key:?}"), "DerivedKey(32 bytes)");
    let mut expected = key.to_vec();
    assert!(key.verify(&expected).is_ok());
    expected[31] ^= 1;
    assert_eq!(
        key.verify(&expected),
        Err(Error::InvalidKey("derived key does not match"))
    );
    assert!(key.verify(&expected[..31]).is_err());
}

// ---- scrypt ----

#[cfg(feature = "scrypt")]
mod scrypt {
    use super::is_invalid_argument;
    use backend_kdf::{
        DEFAULT_SCRYPT_MEMORY_LIMIT, Error, RustCrypto, RustCryptoScrypt, SCRYPT_MAX_LENGTH,
        ScryptBackend, ScryptParams,
    };

    /// Derives with `n`, `r`, `p` and a 16-byte output through both forms; both must agree.
    fn derive(backend: &impl ScryptBackend, n: u64, r: u32, p: u32) -> Result<Vec<u8>, Error> {
        let mut out = [0u8; 16];
        let into = backend.derive_scrypt_into(b"pw", b"salt", n, r, p, &mut out);
        let owned = backend.derive_scrypt(b"pw", b"salt", 16, n, r, p);
        assert_eq!(into.is_ok(), owned.is_ok(), "n={n} r={r} p={p}");
        into.map(|()| out.to_vec())
    }

    #[test]
    fn scrypt_rejects_n_not_larger_than_1() {
        assert!(is_invalid_argument(derive(&RustCrypto, 0, 1, 1)));
        assert!(is_invalid_argument(derive(&RustCrypto, 1, 1, 1)));
        assert!(derive(&RustCrypto, 2, 1, 1).is_ok());
    }

    #[test]
    fn scrypt_rejects_n_not_a_power_of_2() {
        for n in [3, 6, 1000, 1025, u64::MAX] {
            assert_eq!(
                derive(&RustCrypto, n, 1, 1),
                Err(Error::InvalidArgument("scrypt n must be a power of 2"))
            );
        }
    }

    #[test]
    fn scrypt_rejects_zero_r_and_zero_p() {
        assert_eq!(
            derive(&RustCrypto, 16, 0, 1),
            Err(Error::InvalidArgument("scrypt r must be at least 1"))
        );
        assert_eq!(
            derive(&RustCrypto, 16, 1, 0),
            Err(Error::InvalidArgument("scrypt p must be at least 1"))
        );
    }

    #[test]
    fn scrypt_rejects_r_times_p_of_2_pow_30_without_overflowing() {
        // The RustCrypto crate computes r * p in u32: these products would wrap there.
        for (r, p) in [(1 << 15, 1 << 15), (u32::MAX, u32::MAX), (1, 1 << 30)] {
            assert_eq!(
                ScryptParams::new(16, r, p),
                Err(Error::InvalidArgument(
                    "scrypt r * p must be less than 2^30"
                ))
            );
            assert!(is_invalid_argument(derive(&RustCrypto, 16, r, p)));
        }
        assert!(ScryptParams::new(16, 1, (1 << 30) - 1).is_ok());
    }

    #[test]
    fn scrypt_rejects_a_zero_length_and_one_over_the_maximum() {
        let mut empty = [0u8; 0];
        assert!(is_invalid_argument(
            RustCrypto.derive_scrypt_into(b"pw", b"salt", 16, 1, 1, &mut empty)
        ));
        assert!(is_invalid_argument(
            RustCrypto.derive_scrypt(b"pw", b"salt", 0, 16, 1, 1)
        ));
        // 137 GB: refused before anything is allocated.
        assert!(is_invalid_argument(RustCrypto.derive_scrypt(
            b"pw",
            b"salt",
            SCRYPT_MAX_LENGTH + 1,
            16,
            1,
            1
        )));
    }

    #[test]
    fn scrypt_working_memory_is_128_r_n_plus_128_r_p() {
        let params = ScryptParams::new(1 << 14, 8, 1).unwrap();
        assert_eq!(params.working_memory(), 128 * 8 * (1 << 14) + 128 * 8);
        assert_eq!(params.n(), 1 << 14);
        assert_eq!(params.log_n(), 14);
        // Saturates instead of overflowing.
        let huge = ScryptParams::new(1 << 63, (1 << 30) - 1, 1).unwrap();
        assert_eq!(huge.working_memory(), u64::MAX);
    }

    #[test]
    fn scrypt_refuses_parameters_over_the_memory_limit_before_allocating() {
        // n = 16, r = 1, p = 1 needs 128 * 16 + 128 = 2176 bytes.
        let exact = RustCryptoScrypt::with_memory_limit(2176);
        let below = RustCryptoScrypt::with_memory_limit(2175);
        assert_eq!(derive(&exact, 16, 1, 1), derive(&RustCrypto, 16, 1, 1));
        assert!(derive(&exact, 16, 1, 1).is_ok());
        assert_eq!(
            derive(&below, 16, 1, 1),
            Err(Error::InvalidArgument(
                "scrypt parameters need more memory than the backend's limit"
            ))
        );
        // Sizes no machine has: refused by the default limit, never allocated, never aborting.
        for (n, r, p) in [
            (1 << 62, 8, 1),
            (1 << 63, 1, 1),
            (1 << 40, 1 << 20, 1),
            (2, 1, (1 << 30) - 1),
        ] {
            assert!(
                is_invalid_argument(derive(&RustCrypto, n, r, p)),
                "n={n} r={r} p={p}"
            );
        }
        // An unlimited configuration still cannot exceed what the target can address.
        let unlimited = RustCryptoScrypt::with_memory_limit(u64::MAX);
        assert!(is_invalid_argument(derive(&unlimited, 1 << 62, 8, 1)));
    }

    #[test]
    fn scrypt_default_limit_is_documented_and_admits_the_paper_parameters() {
        assert_eq!(DEFAULT_SCRYPT_MEMORY_LIMIT, 2 << 30);
        assert_eq!(
            RustCrypto.scrypt_memory_limit(),
            DEFAULT_SCRYPT_MEMORY_LIMIT
        );
        assert_eq!(RustCryptoScrypt::default(), RustCryptoScrypt::DEFAULT);
        let paper = ScryptParams::new(1 << 20, 8, 1).unwrap();
        assert!(paper.check_memory(DEFAULT_SCRYPT_MEMORY_LIMIT).is_ok());
        let double = ScryptParams::new(1 << 21, 8, 1).unwrap();
        assert!(double.check_memory(DEFAULT_SCRYPT_MEMORY_LIMIT).is_err());
    }

    #[test]
    fn scrypt_matches_rfc_7914_test_1() {
        let key = RustCrypto.derive_scrypt(b"", b"", 64, 16, 1, 1).unwrap();
        assert_eq!(
            hex::encode(&*key),
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442\
             fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
        );
    }
}
