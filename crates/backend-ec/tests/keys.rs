//! Keys: sign / verify / ECDH round trips on every curve, numbers and encoded points, the DSS
//! helpers, RFC 6979 known answers, and the supported-agrees-with-create property.

use backend_ec::{
    EcInteger, EcPrivateKey, EcPublicKey, Ecdh, Ecdsa, EllipticCurve, EllipticCurveBackend, Error,
    HashAlgorithm, MessageHash, PointFormat, Reason, RustCrypto, decode_dss_signature,
    encode_dss_signature,
};
use proptest::prelude::*;

const CURVES: [EllipticCurve; 5] = [
    EllipticCurve::Secp224r1,
    EllipticCurve::Secp256r1,
    EllipticCurve::Secp384r1,
    EllipticCurve::Secp521r1,
    EllipticCurve::Secp256k1,
];

fn sha2_digest(algorithm: HashAlgorithm, data: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    match algorithm {
        HashAlgorithm::Sha256 => sha2::Sha256::digest(data).to_vec(),
        HashAlgorithm::Sha384 => sha2::Sha384::digest(data).to_vec(),
        _ => unreachable!(),
    }
}

#[test]
fn every_curve_signs_verifies_and_agrees_on_a_shared_secret() {
    for curve in CURVES {
        let a = RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .unwrap();
        let b = RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .unwrap();
        assert_eq!(a.curve(), curve);
        assert_eq!(a.key_size(), curve.key_size());
        assert_eq!(a.public_key().key_size(), curve.key_size());
        for hash in [
            HashAlgorithm::Sha1,
            HashAlgorithm::Sha256,
            HashAlgorithm::Sha512,
            HashAlgorithm::Sha3_256,
        ] {
            let sig = a.sign(b"message", Ecdsa::from(hash)).unwrap();
            a.public_key()
                .verify(&sig, b"message", Ecdsa::from(hash))
                .unwrap();
            assert_eq!(
                a.public_key().verify(&sig, b"messagf", Ecdsa::from(hash)),
                Err(Error::InvalidSignature)
            );
            assert_eq!(
                b.public_key().verify(&sig, b"message", Ecdsa::from(hash)),
                Err(Error::InvalidSignature)
            );
        }
        let ab = a.exchange(Ecdh, b.public_key()).unwrap();
        let ba = b.exchange(Ecdh, a.public_key()).unwrap();
        assert_eq!(ab.as_slice(), ba.as_slice());
        assert_eq!(ab.len(), curve.field_len());
    }
}

#[test]
fn deterministic_signing_repeats_and_random_signing_does_not() {
    let key = RustCrypto
        .derive_elliptic_curve_private_key(&[3; 32], EllipticCurve::Secp256r1)
        .unwrap();
    let det = Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha256));
    assert_eq!(key.sign(b"m", det).unwrap(), key.sign(b"m", det).unwrap());
    let random = Ecdsa::from(HashAlgorithm::Sha256);
    assert_ne!(
        key.sign(b"m", random).unwrap(),
        key.sign(b"m", random).unwrap()
    );
}

#[test]
fn rfc6979_p256_sha256_sample_matches_the_rfc() {
    // RFC 6979 appendix A.2.5.
    let d =
        hex::decode("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721").unwrap();
    let key = RustCrypto
        .derive_elliptic_curve_private_key(&d, EllipticCurve::Secp256r1)
        .unwrap();
    let sig = key
        .sign(
            b"sample",
            Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha256)),
        )
        .unwrap();
    let (r, s) = decode_dss_signature(&sig).unwrap();
    assert_eq!(
        hex::encode_upper(r.significant_bytes()),
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
    );
    assert_eq!(
        hex::encode_upper(s.significant_bytes()),
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"
    );
}

#[test]
fn a_prehashed_signature_equals_the_hashing_one() {
    for (curve, hash) in [
        (EllipticCurve::Secp256r1, HashAlgorithm::Sha256),
        (EllipticCurve::Secp384r1, HashAlgorithm::Sha384),
    ] {
        let key = RustCrypto
            .derive_elliptic_curve_private_key(&[5; 24], curve)
            .unwrap();
        let digest = sha2_digest(hash, b"message");
        let hashed = key
            .sign(b"message", Ecdsa::deterministic(MessageHash::Hash(hash)))
            .unwrap();
        let prehashed = key
            .sign(&digest, Ecdsa::deterministic(MessageHash::Prehashed(hash)))
            .unwrap();
        assert_eq!(hashed, prehashed);
        key.public_key()
            .verify(&hashed, &digest, Ecdsa::new(MessageHash::Prehashed(hash)))
            .unwrap();
    }
}

#[test]
fn numbers_and_encoded_points_round_trip() {
    for curve in CURVES {
        let key = RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .unwrap();
        let numbers = key.private_numbers().unwrap();
        let again = RustCrypto
            .load_elliptic_curve_private_numbers(&numbers)
            .unwrap();
        assert_eq!(again.private_numbers().unwrap(), numbers);
        let public = key.public_key();
        for format in [PointFormat::Uncompressed, PointFormat::Compressed] {
            let encoded = public.encoded_point(format).unwrap();
            let expected_len = match format {
                PointFormat::Uncompressed => 1 + 2 * curve.field_len(),
                PointFormat::Compressed => 1 + curve.field_len(),
            };
            assert_eq!(encoded.len(), expected_len);
            let loaded = RustCrypto
                .load_elliptic_curve_public_bytes(curve, &encoded)
                .unwrap();
            assert_eq!(loaded.public_numbers(), public.public_numbers());
        }
        let from_numbers = RustCrypto
            .load_elliptic_curve_public_numbers(&public.public_numbers())
            .unwrap();
        assert_eq!(&from_numbers, key.verifying_key());
    }
}

#[test]
fn private_numbers_debug_hides_the_scalar() {
    let key = RustCrypto
        .derive_elliptic_curve_private_key(&[0xab; 32], EllipticCurve::Secp256r1)
        .unwrap();
    let text = format!("{:?} {:?}", key.private_numbers().unwrap(), key);
    assert!(!text.contains("abab"));
}

#[test]
fn dss_signatures_encode_and_decode() {
    let r = EcInteger::from_be_slice(&[0x80, 1]).unwrap();
    let s = EcInteger::from_u64(1);
    let der = encode_dss_signature(&r, &s).unwrap();
    assert_eq!(
        der.as_slice(),
        [0x30, 0x08, 0x02, 0x03, 0x00, 0x80, 0x01, 0x02, 0x01, 0x01]
    );
    assert_eq!(decode_dss_signature(&der).unwrap(), (r, s));
    // The largest P-521 signature takes the long length form.
    let max = EcInteger::from_be_slice(&[0xff; 66]).unwrap();
    let der = encode_dss_signature(&max, &max).unwrap();
    assert_eq!(der.len(), backend_ec::DerSignature::CAPACITY);
    assert_eq!(decode_dss_signature(&der).unwrap(), (max.clone(), max));
}

#[test]
fn generation_from_a_callers_rng_works_and_a_failing_rng_is_an_error() {
    struct Counter(u8);
    impl rand_core::TryRng for Counter {
        type Error = core::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            Ok(u32::from_le_bytes(self.next4()))
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            Ok(u64::from(self.try_next_u32()?) << 32 | u64::from(self.try_next_u32()?))
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
            dst.iter_mut().for_each(|b| {
                self.0 = self.0.wrapping_mul(5).wrapping_add(1);
                *b = self.0;
            });
            Ok(())
        }
    }
    impl Counter {
        fn next4(&mut self) -> [u8; 4] {
            let mut out = [0; 4];
            let _ = rand_core::TryRng::try_fill_bytes(self, &mut out);
            out
        }
    }
    impl rand_core::TryCryptoRng for Counter {}

    struct Broken;
    impl rand_core::TryRng for Broken {
        type Error = std::fmt::Error;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            Err(std::fmt::Error)
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            Err(std::fmt::Error)
        }
        fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Self::Error> {
            Err(std::fmt::Error)
        }
    }
    impl rand_core::TryCryptoRng for Broken {}

    let a = RustCrypto
        .generate_elliptic_curve_private_key_with_rng(&mut Counter(1), EllipticCurve::Secp256r1)
        .unwrap();
    let b = RustCrypto
        .generate_elliptic_curve_private_key_with_rng(&mut Counter(1), EllipticCurve::Secp256r1)
        .unwrap();
    assert_eq!(a.private_numbers().unwrap(), b.private_numbers().unwrap());
    assert!(matches!(
        RustCrypto
            .generate_elliptic_curve_private_key_with_rng(&mut Broken, EllipticCurve::Secp384r1),
        Err(Error::Device { .. })
    ));
}

fn hash_strategy() -> impl Strategy<Value = HashAlgorithm> {
    (0..HashAlgorithm::ALL.len()).prop_map(|i| HashAlgorithm::ALL[i])
}

fn curve_strategy() -> impl Strategy<Value = EllipticCurve> {
    (0..EllipticCurve::ALL.len()).prop_map(|i| EllipticCurve::ALL[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn supported_agrees_with_create(curve in curve_strategy(), hash in hash_strategy(), prehashed: bool, deterministic: bool) {
        let supported = RustCrypto.elliptic_curve_supported(curve);
        let derived = RustCrypto.derive_elliptic_curve_private_key(&[7; 16], curve);
        prop_assert_eq!(derived.is_ok(), supported);
        prop_assert_eq!(RustCrypto.generate_elliptic_curve_private_key(curve).is_ok(), supported);
        if let Err(e) = &derived {
            prop_assert_eq!(e, &Error::unsupported(Reason::EllipticCurve, curve.name()));
        }
        prop_assert_eq!(
            RustCrypto.elliptic_curve_exchange_algorithm_supported(Ecdh, curve),
            supported
        );

        let message = if prehashed { MessageHash::Prehashed(hash) } else { MessageHash::Hash(hash) };
        let algorithm = Ecdsa { hash: message, deterministic_signing: deterministic };
        let sig_supported = RustCrypto.elliptic_curve_signature_algorithm_supported(algorithm, curve);
        prop_assert!(!sig_supported || supported);
        if let Ok(key) = derived {
            let data = vec![1u8; hash.digest_size()];
            let signed = key.sign(&data, algorithm);
            prop_assert_eq!(signed.is_ok(), sig_supported);
            match signed {
                Ok(sig) => prop_assert!(key.public_key().verify(&sig, &data, algorithm).is_ok()),
                Err(e) => {
                    let unsupported_hash = matches!(e, Error::Unsupported { reason: Reason::Hash, .. });
                    prop_assert!(unsupported_hash);
                }
            }
        }
    }
}

// ---- issue 9, item 3: secret holders ----

/// `EcInteger` holds private scalars: it compares in constant time (`subtle`), zeroizes itself on
/// drop and is not `Copy` (the `compile_fail` doctest on `EcInteger` checks that part).
#[test]
fn ec_integers_compare_in_constant_time_and_zeroize_on_drop() {
    fn constant_time<T: subtle::ConstantTimeEq + Eq>() {}
    fn zeroize_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    constant_time::<EcInteger>();
    zeroize_on_drop::<EcInteger>();
    zeroize_on_drop::<backend_ec::EcPrivateNumbers>();
    zeroize_on_drop::<backend_ec::SharedSecret>();

    use subtle::ConstantTimeEq;
    let a = EcInteger::from_be_slice(&[0x80; 66]).unwrap();
    let mut high = [0x80; 66];
    high[0] = 0x81;
    let mut low = [0x80; 66];
    low[65] = 0x81;
    for other in [high, low] {
        let b = EcInteger::from_be_slice(&other).unwrap();
        assert_ne!(a, b);
        assert!(!bool::from(a.ct_eq(&b)));
    }
    let same = a.clone();
    assert_eq!(a, same);
    assert!(bool::from(a.ct_eq(&same)));
    // Hash agrees with equality.
    use std::hash::{BuildHasher, RandomState};
    let state = RandomState::new();
    assert_eq!(state.hash_one(&a), state.hash_one(&same));
    // Private numbers compare every part.
    let key = RustCrypto
        .derive_elliptic_curve_private_key(&[3; 32], EllipticCurve::Secp256r1)
        .unwrap();
    let numbers = key.private_numbers().unwrap();
    assert_eq!(numbers, numbers.clone());
    let mut other = numbers.clone();
    other.private_value = EcInteger::from_u64(4);
    assert_ne!(numbers, other);
    let mut other = numbers.clone();
    other.public_numbers.curve = EllipticCurve::Secp256k1;
    assert_ne!(numbers, other);
}

// ---- issue 9, item 16: byte outputs as hex; DER signatures from bytes ----

#[test]
fn signatures_shared_secrets_and_points_format_as_lowercase_hex() {
    let a = RustCrypto
        .derive_elliptic_curve_private_key(&[5; 32], EllipticCurve::Secp256r1)
        .unwrap();
    let b = RustCrypto
        .derive_elliptic_curve_private_key(&[6; 32], EllipticCurve::Secp256r1)
        .unwrap();
    let signature = a
        .sign(
            b"m",
            Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha256)),
        )
        .unwrap();
    assert_eq!(format!("{signature:x}"), hex::encode(&*signature));
    assert_eq!(
        format!("{signature:X}"),
        hex::encode(&*signature).to_uppercase()
    );
    let shared = a.exchange(Ecdh, b.public_key()).unwrap();
    assert_eq!(format!("{shared:x}"), hex::encode(&*shared));
    assert_eq!(format!("{shared:?}"), "SharedSecret(32 bytes)");
    let point = a
        .public_key()
        .encoded_point(PointFormat::Uncompressed)
        .unwrap();
    assert_eq!(format!("{point:x}"), hex::encode(&*point));
    assert!(format!("{point:x}").starts_with("04"));
    assert_eq!(
        format!("{point:?}"),
        format!("EncodedPoint({})", hex::encode(&*point))
    );
}

#[test]
fn der_signatures_are_built_from_strict_der_only() {
    use backend_ec::DerSignature;
    // Accepted: every curve's signatures, and the largest P-521 one (141 bytes).
    for curve in CURVES {
        let key = RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .unwrap();
        let signature = key.sign(b"m", Ecdsa::from(HashAlgorithm::Sha256)).unwrap();
        assert_eq!(DerSignature::from_der(&signature).unwrap(), signature);
        assert_eq!(DerSignature::try_from(&signature[..]).unwrap(), signature);
    }
    let max = EcInteger::from_be_slice(&[0xff; 66]).unwrap();
    let largest = encode_dss_signature(&max, &max).unwrap();
    assert_eq!(largest.len(), DerSignature::CAPACITY);
    assert_eq!(DerSignature::from_der(&largest).unwrap(), largest);
    let small = [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x7f];
    assert_eq!(DerSignature::from_der(&small).unwrap().as_slice(), small);

    // Refused: not DER, or DER that breaks a rule.
    let malformed: &[&[u8]] = &[
        &[],
        &[0x30],
        &small[..7],                                             // truncated
        &[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x7f, 0x00], // trailing byte
        &[0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x7f],       // SET, not SEQUENCE
        &[0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x7f],       // negative r
        &[0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x7f], // non-minimal r
        &[0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x7f], // long form for a short length
        &[0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x7f, 0, 0], // indefinite length (BER)
        &[0x30, 0x03, 0x02, 0x01, 0x01],                         // one integer
        &[0x30, 0x06, 0x04, 0x01, 0x01, 0x02, 0x01, 0x7f],       // OCTET STRING r
    ];
    for der in malformed {
        assert!(
            matches!(DerSignature::from_der(der), Err(Error::Malformed(_))),
            "{der:02x?}"
        );
        assert!(DerSignature::try_from(*der).is_err());
    }
    let zero_r = [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x7f];
    let zero_s = [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x00];
    for der in [zero_r, zero_s] {
        assert_eq!(
            DerSignature::from_der(&der),
            Err(Error::InvalidArgument(
                "ECDSA signature r and s must be positive"
            ))
        );
    }
    let mut too_long = largest.to_vec();
    too_long.push(0);
    assert!(matches!(
        DerSignature::from_der(&too_long),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        DerSignature::from_der(&[0x30; 100_000]),
        Err(Error::InvalidArgument(_))
    ));
}

proptest! {
    /// Any bytes: `from_der` never panics, and accepts exactly what decodes to two positive
    /// integers, holding the input unchanged.
    #[test]
    fn der_signature_from_random_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..160)) {
        let parsed = backend_ec::DerSignature::from_der(&bytes);
        let decoded = decode_dss_signature(&bytes);
        let positive = decoded.as_ref().is_ok_and(|(r, s)| !r.is_zero() && !s.is_zero());
        prop_assert_eq!(parsed.is_ok(), positive);
        if let Ok(signature) = parsed {
            prop_assert_eq!(signature.as_slice(), &bytes[..]);
        }
    }
}
