//! Every parameter rule of the seed interfaces has a test here: PBKDF2 length and iterations, HKDF
//! lengths and PRK size, scrypt n / r / p / length, the memory and cost limits, and the owned-length
//! limit of the allocating forms.
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed
#![cfg(all(feature = "rustcrypto", feature = "alloc"))]

use backend_kdf::{
    DEFAULT_OWNED_LENGTH_LIMIT, Error, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, Reason,
    RustCrypto, check_hkdf_length, check_pbkdf2, hkdf_max_length, pbkdf2_max_length,
};
use core::num::NonZeroUsize;

/// The refusal of the allocating forms over their owned-length limit.
const OVER_OWNED_LIMIT: Error = Error::InvalidArgument(
    "derived key longer than the backend's owned-length limit (1 MiB by default): use the *_into form",
);

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
    for algorithm in &HashAlgorithm::FIXED_OUTPUT {
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
    for algorithm in &HashAlgorithm::FIXED_OUTPUT {
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

/// Issue 9, item 7: `255 * digest_size` overflowed for a SHAKE descriptor of `isize::MAX` bytes
/// (a panic in debug builds; in release it wrapped to 2^63 - 255, so `check_hkdf_length` refused
/// lengths that are within the true maximum).
#[test]
fn hkdf_max_length_saturates_instead_of_overflowing() {
    for size in [isize::MAX as usize, usize::MAX, usize::MAX / 255 + 1] {
        let shake = HashAlgorithm::Shake128 {
            digest_size: NonZeroUsize::new(size).unwrap(),
        };
        assert_eq!(hkdf_max_length(shake), usize::MAX, "{size}");
        assert_eq!(check_hkdf_length(shake, 1 << 63), Ok(()), "{size}");
        assert_eq!(check_hkdf_length(shake, usize::MAX), Ok(()), "{size}");
        assert!(is_invalid_argument(check_hkdf_length(shake, 0)));
    }
    // A size whose product fits is exact, and one byte over it is refused.
    let fits = HashAlgorithm::Shake256 {
        digest_size: NonZeroUsize::new(usize::MAX / 255 - 1).unwrap(),
    };
    assert_eq!(hkdf_max_length(fits), usize::MAX - 255);
    assert_eq!(
        check_hkdf_length(fits, usize::MAX - 254),
        Err(Error::InvalidArgument(
            "HKDF length must be at most 255 * digest size"
        ))
    );
    // And the provider still refuses the XOF itself, before any size arithmetic matters.
    let huge = HashAlgorithm::Shake128 {
        digest_size: NonZeroUsize::new(isize::MAX as usize).unwrap(),
    };
    assert!(matches!(
        RustCrypto.derive_hkdf(huge, 1 << 40, b"", b"", b"ikm"),
        Err(Error::Unsupported { .. })
    ));
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
    for algorithm in &HashAlgorithm::FIXED_OUTPUT {
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

// ---- owned-length limit of the allocating forms (issue 9, item 6) ----

#[test]
fn pbkdf2_owned_form_refuses_a_length_just_over_the_limit_and_into_still_works() {
    assert_eq!(DEFAULT_OWNED_LENGTH_LIMIT, 1 << 20);
    assert_eq!(
        RustCrypto.pbkdf2_owned_length_limit(),
        DEFAULT_OWNED_LENGTH_LIMIT
    );
    let over = DEFAULT_OWNED_LENGTH_LIMIT + 1;
    assert_eq!(
        RustCrypto
            .derive_pbkdf2_hmac(HashAlgorithm::Sha512, over, b"salt", 1, b"pw")
            .unwrap_err(),
        OVER_OWNED_LIMIT
    );
    // Just under (at) the limit: an owned key; beyond it, the caller's buffer.
    let at = RustCrypto
        .derive_pbkdf2_hmac(
            HashAlgorithm::Sha512,
            DEFAULT_OWNED_LENGTH_LIMIT,
            b"salt",
            1,
            b"pw",
        )
        .unwrap();
    let mut large = vec![0u8; over];
    RustCrypto
        .derive_pbkdf2_hmac_into(HashAlgorithm::Sha512, b"salt", 1, b"pw", &mut large)
        .unwrap();
    // PBKDF2's blocks do not depend on the length: the shorter key is a prefix.
    assert_eq!(at.as_bytes(), &large[..DEFAULT_OWNED_LENGTH_LIMIT]);
    // A parameter rule broken as well is reported as that rule.
    assert!(matches!(
        RustCrypto.derive_pbkdf2_hmac(HashAlgorithm::Sha512, over, b"salt", 0, b"pw"),
        Err(Error::InvalidArgument(
            "PBKDF2 iterations must be at least 1"
        ))
    ));
}

/// A provider with its own owned-length limit (here 100 bytes), the rest forwarded.
struct Limited;

impl HkdfBackend for Limited {
    fn hkdf_capabilities(&self) -> &[backend_kdf::capability::Capability] {
        RustCrypto.hkdf_capabilities()
    }
    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<(), Error> {
        RustCrypto.hkdf_extract_into(algorithm, salt, key_material, prk)
    }
    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<(), Error> {
        RustCrypto.hkdf_expand_into(algorithm, prk, info, out)
    }
    fn hkdf_owned_length_limit(&self) -> usize {
        100
    }
}

impl Pbkdf2HmacBackend for Limited {
    fn pbkdf2_hmac_capabilities(&self) -> &[backend_kdf::capability::Capability] {
        RustCrypto.pbkdf2_hmac_capabilities()
    }
    fn derive_pbkdf2_hmac_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<(), Error> {
        RustCrypto.derive_pbkdf2_hmac_into(algorithm, salt, iterations, key_material, out)
    }
    fn pbkdf2_owned_length_limit(&self) -> usize {
        100
    }
}

#[test]
fn the_owned_forms_follow_a_providers_owned_length_limit() {
    let sha = HashAlgorithm::Sha256;
    let prk = [7u8; 32];
    assert_eq!(
        Limited.derive_hkdf(sha, 101, b"", b"", b"ikm").unwrap_err(),
        OVER_OWNED_LIMIT
    );
    assert_eq!(
        Limited.hkdf_expand(sha, 101, &prk, b"").unwrap_err(),
        OVER_OWNED_LIMIT
    );
    assert_eq!(
        Limited
            .derive_pbkdf2_hmac(sha, 101, b"s", 1, b"pw")
            .unwrap_err(),
        OVER_OWNED_LIMIT
    );
    let at = Limited.derive_hkdf(sha, 100, b"", b"", b"ikm").unwrap();
    assert_eq!(
        at,
        RustCrypto.derive_hkdf(sha, 100, b"", b"", b"ikm").unwrap()
    );
    assert_eq!(Limited.hkdf_expand(sha, 100, &prk, b"").unwrap().len(), 100);
    assert_eq!(
        Limited
            .derive_pbkdf2_hmac(sha, 100, b"s", 1, b"pw")
            .unwrap()
            .len(),
        100
    );
    let mut into = [0u8; 101];
    Limited
        .derive_hkdf_into(sha, b"", b"", b"ikm", &mut into)
        .unwrap();
    assert_eq!(&into[..100], at.as_bytes());
    // HKDF's own maximum (255 blocks) stays below the default limit for every hash.
    for algorithm in &HashAlgorithm::FIXED_OUTPUT {
        assert!(hkdf_max_length(*algorithm) <= RustCrypto.hkdf_owned_length_limit());
    }
}

// ---- derived key container ----

#[test]
fn derived_key_formats_as_hex_on_request_and_debug_stays_redacted() {
    // RFC 6070, test 1.
    let key = RustCrypto
        .derive_pbkdf2_hmac(HashAlgorithm::Sha1, 20, b"salt", 1, b"password")
        .unwrap();
    assert_eq!(
        format!("{key:x}"),
        "0c60c80f961f0e71f3a9b524af6012062fe037a6"
    );
    assert_eq!(
        format!("{key:X}"),
        "0C60C80F961F0E71F3A9B524AF6012062FE037A6"
    );
    assert_eq!(format!("{key:?}"), "DerivedKey(20 bytes)");
    assert_eq!(format!("{key:#?}"), "DerivedKey(20 bytes)");
}

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
    use super::{OVER_OWNED_LIMIT, is_invalid_argument};
    use backend_kdf::{
        DEFAULT_OWNED_LENGTH_LIMIT, DEFAULT_SCRYPT_COST_LIMIT, DEFAULT_SCRYPT_MEMORY_LIMIT, Error,
        RustCrypto, RustCryptoScrypt, SCRYPT_MAX_LENGTH, ScryptBackend, ScryptParams,
    };

    const OVER_COST_LIMIT: Error =
        Error::InvalidArgument("scrypt cost N * r * p exceeds the backend's cost limit");

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

    /// Issue 9, item 5: the memory limit does not bound the time; the cost limit does.
    #[test]
    fn scrypt_refuses_a_cost_just_over_the_limit_and_admits_one_at_it() {
        // N = 16, r = 2, p = 3: cost 96, memory 128 * 2 * (16 + 3) = 4864 bytes.
        let params = ScryptParams::new(16, 2, 3).unwrap();
        assert_eq!(params.cost(), 96);
        let at = RustCryptoScrypt {
            cost_limit: 96,
            ..RustCryptoScrypt::DEFAULT
        };
        let under = RustCryptoScrypt::with_cost_limit(95);
        assert_eq!(under.scrypt_cost_limit(), 95);
        assert_eq!(under.scrypt_memory_limit(), DEFAULT_SCRYPT_MEMORY_LIMIT);
        assert_eq!(derive(&at, 16, 2, 3), derive(&RustCrypto, 16, 2, 3));
        assert!(derive(&at, 16, 2, 3).is_ok());
        assert_eq!(derive(&under, 16, 2, 3), Err(OVER_COST_LIMIT));
        assert_eq!(params.check_cost(96), Ok(()));
        assert_eq!(params.check_cost(95), Err(OVER_COST_LIMIT));
    }

    #[test]
    fn scrypt_default_cost_limit_admits_the_published_and_common_parameters() {
        assert_eq!(DEFAULT_SCRYPT_COST_LIMIT, 1 << 24);
        assert_eq!(RustCrypto.scrypt_cost_limit(), DEFAULT_SCRYPT_COST_LIMIT);
        assert_eq!(
            RustCryptoScrypt::DEFAULT.cost_limit,
            DEFAULT_SCRYPT_COST_LIMIT
        );
        // RFC 7914's vectors (the last runs with `--full`), the paper's file encryption,
        // N = 2^14 r = 8 p = 16, and the largest p at N = 2^14, r = 8.
        for (n, r, p) in [
            (16, 1, 1),
            (1024, 8, 16),
            (16384, 8, 1),
            (1 << 20, 8, 1),
            (1 << 14, 8, 16),
            (1 << 18, 8, 1),
            (1 << 14, 8, 128),
        ] {
            let params = ScryptParams::new(n, r, p).unwrap();
            assert_eq!(
                params.check_cost(DEFAULT_SCRYPT_COST_LIMIT),
                Ok(()),
                "{n} {r} {p}"
            );
            assert_eq!(
                params.check_memory(DEFAULT_SCRYPT_MEMORY_LIMIT),
                Ok(()),
                "{n} {r} {p}"
            );
        }
        assert_eq!(
            ScryptParams::new(1 << 14, 8, 129)
                .unwrap()
                .check_cost(DEFAULT_SCRYPT_COST_LIMIT),
            Err(OVER_COST_LIMIT)
        );
    }

    /// The example: N = 2^14, r = 8, p = 2^20 fits the 2 GiB memory limit (1,040 MiB) but
    /// would run for about 12 hours. Refused at once by the default limits, through every form.
    #[test]
    fn scrypt_refuses_the_twelve_hour_parameters_within_the_memory_limit() {
        let params = ScryptParams::new(1 << 14, 8, 1 << 20).unwrap();
        assert!(params.working_memory() <= DEFAULT_SCRYPT_MEMORY_LIMIT);
        assert_eq!(params.cost(), 1 << 37);
        assert_eq!(
            derive(&RustCrypto, 1 << 14, 8, 1 << 20),
            Err(OVER_COST_LIMIT)
        );
        assert_eq!(
            derive(&RustCryptoScrypt::DEFAULT, 1 << 14, 8, 1 << 20),
            Err(OVER_COST_LIMIT)
        );
        // The cost saturates rather than overflowing.
        let huge = ScryptParams::new(1 << 63, (1 << 15) - 1, (1 << 15) - 1).unwrap();
        assert_eq!(huge.cost(), u64::MAX);
    }

    #[test]
    fn scrypt_owned_form_refuses_a_length_just_over_the_limit_and_into_still_works() {
        assert_eq!(
            RustCrypto.scrypt_owned_length_limit(),
            DEFAULT_OWNED_LENGTH_LIMIT
        );
        let over = DEFAULT_OWNED_LENGTH_LIMIT + 1;
        assert_eq!(
            RustCrypto
                .derive_scrypt(b"pw", b"salt", over, 16, 1, 1)
                .unwrap_err(),
            OVER_OWNED_LIMIT
        );
        let mut large = vec![0u8; over];
        RustCrypto
            .derive_scrypt_into(b"pw", b"salt", 16, 1, 1, &mut large)
            .unwrap();
        let at = RustCrypto
            .derive_scrypt(b"pw", b"salt", DEFAULT_OWNED_LENGTH_LIMIT, 16, 1, 1)
            .unwrap();
        assert_eq!(at.as_bytes(), &large[..DEFAULT_OWNED_LENGTH_LIMIT]);
        // Configured: 64 bytes.
        let small = RustCryptoScrypt {
            owned_length_limit: 64,
            ..RustCryptoScrypt::DEFAULT
        };
        assert!(small.derive_scrypt(b"", b"", 64, 16, 1, 1).is_ok());
        assert_eq!(
            small.derive_scrypt(b"", b"", 65, 16, 1, 1).unwrap_err(),
            OVER_OWNED_LIMIT
        );
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
