//! Bad input of every kind the issue lists gets a typed error, never a panic.

use backend_ec::{
    EcInteger, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh, Ecdsa,
    EllipticCurve, EllipticCurveBackend, Error, HashAlgorithm, MessageHash, PointFormat, Reason,
    RustCrypto, decode_dss_signature, encode_dss_signature,
};
use proptest::prelude::*;

const P256_ORDER: &str = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
const SHA256: Ecdsa = Ecdsa::new(MessageHash::Hash(HashAlgorithm::Sha256));

fn key(curve: EllipticCurve) -> backend_ec::RustCryptoEcPrivateKey {
    RustCrypto
        .derive_elliptic_curve_private_key(&[0x42; 20], curve)
        .expect("a small scalar is a valid key")
}

fn plus_one(value: &EcInteger) -> EcInteger {
    let mut bytes = *value.as_be_bytes();
    for b in bytes.iter_mut().rev() {
        let (sum, carry) = b.overflowing_add(1);
        *b = sum;
        if !carry {
            break;
        }
    }
    EcInteger::from_be_slice(&bytes).unwrap()
}

#[test]
fn an_off_curve_point_is_refused() {
    for curve in [
        EllipticCurve::Secp224r1,
        EllipticCurve::Secp256r1,
        EllipticCurve::Secp384r1,
        EllipticCurve::Secp521r1,
        EllipticCurve::Secp256k1,
    ] {
        let mut numbers = key(curve).public_key().public_numbers();
        numbers.y = plus_one(&numbers.y);
        assert!(
            matches!(
                RustCrypto.load_elliptic_curve_public_numbers(&numbers),
                Err(Error::InvalidKey(_))
            ),
            "{curve:?}"
        );
        let encoded = numbers.encoded_point(PointFormat::Uncompressed).unwrap();
        assert!(matches!(
            RustCrypto.load_elliptic_curve_public_bytes(curve, &encoded),
            Err(Error::InvalidKey(_))
        ));
    }
}

#[test]
fn the_identity_is_refused() {
    // SEC 1 encodes the point at infinity as a single zero byte.
    assert!(matches!(
        RustCrypto.load_elliptic_curve_public_bytes(EllipticCurve::Secp256r1, &[0]),
        Err(Error::InvalidKey(_))
    ));
    // (0, 0) is how some encoders write it as numbers.
    let zero = EcPublicNumbers {
        curve: EllipticCurve::Secp256r1,
        x: EcInteger::ZERO,
        y: EcInteger::ZERO,
    };
    assert!(
        RustCrypto
            .load_elliptic_curve_public_numbers(&zero)
            .is_err()
    );
}

#[test]
fn a_coordinate_wider_than_the_curve_is_refused() {
    let mut numbers = key(EllipticCurve::Secp256r1).public_key().public_numbers();
    numbers.x = EcInteger::from_be_slice(&[1; 33]).unwrap();
    assert!(matches!(
        RustCrypto.load_elliptic_curve_public_numbers(&numbers),
        Err(Error::InvalidKey(_))
    ));
}

#[test]
fn a_zero_scalar_is_refused() {
    assert!(matches!(
        RustCrypto.derive_elliptic_curve_private_key(&[0; 32], EllipticCurve::Secp256r1),
        Err(Error::InvalidKey(_))
    ));
    assert!(matches!(
        RustCrypto.derive_elliptic_curve_private_key(&[], EllipticCurve::Secp384r1),
        Err(Error::InvalidKey(_))
    ));
}

#[test]
fn a_scalar_of_n_or_more_is_refused_and_n_minus_one_is_accepted() {
    let n = hex::decode(P256_ORDER).unwrap();
    assert!(matches!(
        RustCrypto.derive_elliptic_curve_private_key(&n, EllipticCurve::Secp256r1),
        Err(Error::InvalidKey(_))
    ));
    assert!(
        RustCrypto
            .derive_elliptic_curve_private_key(&[0xff; 32], EllipticCurve::Secp256r1)
            .is_err()
    );
    assert!(
        RustCrypto
            .derive_elliptic_curve_private_key(&[1; 33], EllipticCurve::Secp256r1)
            .is_err()
    );
    assert!(
        RustCrypto
            .derive_elliptic_curve_private_key(&[1; 100], EllipticCurve::Secp256r1)
            .is_err()
    );
    let mut n_minus_one = n.clone();
    *n_minus_one.last_mut().unwrap() -= 1;
    assert!(
        RustCrypto
            .derive_elliptic_curve_private_key(&n_minus_one, EllipticCurve::Secp256r1)
            .is_ok()
    );
    // Leading zeros are not a size problem.
    let mut padded = vec![0; 40];
    padded.push(5);
    assert!(
        RustCrypto
            .derive_elliptic_curve_private_key(&padded, EllipticCurve::Secp256r1)
            .is_ok()
    );
}

#[test]
fn private_numbers_whose_public_point_does_not_match_are_refused() {
    let a = key(EllipticCurve::Secp256r1).private_numbers().unwrap();
    let other = RustCrypto
        .derive_elliptic_curve_private_key(&[9; 32], EllipticCurve::Secp256r1)
        .unwrap();
    let mismatched = EcPrivateNumbers {
        private_value: a.private_value.clone(),
        public_numbers: other.public_key().public_numbers(),
    };
    assert!(matches!(
        RustCrypto.load_elliptic_curve_private_numbers(&mismatched),
        Err(Error::InvalidKey(_))
    ));
    assert!(RustCrypto.load_elliptic_curve_private_numbers(&a).is_ok());
}

#[test]
fn a_truncated_der_signature_is_refused() {
    let key = key(EllipticCurve::Secp256r1);
    let sig = key.sign(b"msg", SHA256).unwrap();
    for len in 0..sig.len() {
        assert_eq!(
            key.public_key().verify(&sig[..len], b"msg", SHA256),
            Err(Error::InvalidSignature),
            "{len}"
        );
        assert!(decode_dss_signature(&sig[..len]).is_err());
    }
    key.public_key().verify(&sig, b"msg", SHA256).unwrap();
}

#[test]
fn a_padded_der_signature_is_refused() {
    let key = key(EllipticCurve::Secp256r1);
    let sig = key.sign(b"msg", SHA256).unwrap().to_vec();
    let public = key.public_key();

    // Trailing bytes after the SEQUENCE.
    let mut trailing = sig.clone();
    trailing.push(0);
    assert_eq!(
        public.verify(&trailing, b"msg", SHA256),
        Err(Error::InvalidSignature)
    );

    // A redundant leading zero in r (lengths adjusted so the rest is well formed).
    let (r, s) = decode_dss_signature(&sig).unwrap();
    let mut padded_r = vec![0x02, 0];
    let mut r_bytes = r.significant_bytes().to_vec();
    if r_bytes[0] & 0x80 != 0 {
        r_bytes.insert(0, 0);
    }
    r_bytes.insert(0, 0);
    padded_r[1] = r_bytes.len() as u8;
    padded_r.extend(&r_bytes);
    let s_der = &encode_dss_signature(&EcInteger::from_u64(1), &s).unwrap()[5..];
    let mut body = padded_r;
    body.extend_from_slice(s_der);
    let mut redundant = vec![0x30, body.len() as u8];
    redundant.extend(&body);
    assert_eq!(
        public.verify(&redundant, b"msg", SHA256),
        Err(Error::InvalidSignature)
    );

    // A long-form length where the short form fits.
    let mut long_form = vec![0x30, 0x81];
    long_form.extend_from_slice(&sig[1..]);
    assert_eq!(
        public.verify(&long_form, b"msg", SHA256),
        Err(Error::InvalidSignature)
    );
}

#[test]
fn a_negative_or_out_of_range_signature_integer_is_refused() {
    let key = key(EllipticCurve::Secp256r1);
    let public = key.public_key();
    // r = 0.
    let zero = encode_dss_signature(&EcInteger::ZERO, &EcInteger::from_u64(1)).unwrap();
    assert_eq!(
        public.verify(&zero, b"msg", SHA256),
        Err(Error::InvalidSignature)
    );
    // r = n.
    let n = EcInteger::from_be_slice(&hex::decode(P256_ORDER).unwrap()).unwrap();
    let big = encode_dss_signature(&n, &EcInteger::from_u64(1)).unwrap();
    assert_eq!(
        public.verify(&big, b"msg", SHA256),
        Err(Error::InvalidSignature)
    );
    // A negative INTEGER: 02 01 80.
    assert!(decode_dss_signature(&[0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01]).is_err());
}

#[test]
fn every_single_byte_mutation_of_a_signature_is_refused() {
    let key = key(EllipticCurve::Secp384r1);
    let algorithm = Ecdsa::from(HashAlgorithm::Sha384);
    let sig = key.sign(b"msg", algorithm).unwrap().to_vec();
    for i in 0..sig.len() {
        for bit in 0..8 {
            let mut mutated = sig.clone();
            mutated[i] ^= 1 << bit;
            assert!(
                key.public_key()
                    .verify(&mutated, b"msg", algorithm)
                    .is_err()
            );
        }
    }
}

#[test]
fn a_prehashed_digest_of_the_wrong_size_is_refused() {
    let key = key(EllipticCurve::Secp256r1);
    let prehashed = Ecdsa::new(MessageHash::Prehashed(HashAlgorithm::Sha256));
    for len in [0, 20, 31, 33, 64] {
        assert!(matches!(
            key.sign(&vec![1; len], prehashed),
            Err(Error::InvalidArgument(_))
        ));
        let sig = key.sign(&[1; 32], prehashed).unwrap();
        assert!(matches!(
            key.public_key().verify(&sig, &vec![1; len], prehashed),
            Err(Error::InvalidArgument(_))
        ));
    }
}

#[test]
fn an_unsupported_curve_or_hash_is_reported_as_unsupported() {
    assert_eq!(
        RustCrypto
            .derive_elliptic_curve_private_key(&[1], EllipticCurve::BrainpoolP256r1)
            .err(),
        Some(Error::unsupported(Reason::EllipticCurve, "brainpoolP256r1"))
    );
    assert!(matches!(
        RustCrypto.generate_elliptic_curve_private_key(EllipticCurve::Sect163k1),
        Err(Error::Unsupported {
            reason: Reason::EllipticCurve,
            ..
        })
    ));
    let key = key(EllipticCurve::Secp256r1);
    for hash in [
        HashAlgorithm::Md5,
        HashAlgorithm::shake128(32).unwrap(),
        HashAlgorithm::Blake2b512,
    ] {
        assert!(matches!(
            key.sign(b"msg", Ecdsa::from(hash)),
            Err(Error::Unsupported {
                reason: Reason::Hash,
                ..
            })
        ));
        assert!(matches!(
            key.public_key()
                .verify(&[0x30, 0], b"msg", Ecdsa::from(hash)),
            Err(Error::Unsupported { .. })
        ));
    }
}

#[test]
fn exchange_with_a_key_on_another_curve_is_refused() {
    let a = key(EllipticCurve::Secp256r1);
    let b = key(EllipticCurve::Secp256k1);
    assert!(matches!(
        a.exchange(Ecdh, b.public_key()),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn a_malformed_encoded_point_is_refused() {
    let good = key(EllipticCurve::Secp256r1)
        .public_key()
        .encoded_point(PointFormat::Compressed)
        .unwrap();
    for bad in [
        &[][..],
        &good[..good.len() - 1],
        &[0x05; 33][..],
        &[0x04; 33][..],
    ] {
        assert!(
            RustCrypto
                .load_elliptic_curve_public_bytes(EllipticCurve::Secp256r1, bad)
                .is_err()
        );
    }
    // A compressed x with no point on the curve: x = 5 has no square root on P-256? Try a few
    // and require an error or a point whose re-encoding is the input.
    for x in 0u8..8 {
        let mut point = vec![0x02];
        point.extend([0; 31]);
        point.push(x);
        if let Ok(key) =
            RustCrypto.load_elliptic_curve_public_bytes(EllipticCurve::Secp256r1, &point)
        {
            assert_eq!(
                key.encoded_point(PointFormat::Compressed)
                    .unwrap()
                    .as_slice(),
                &point[..]
            );
        }
    }
}

proptest! {
    #[test]
    fn random_bytes_as_a_signature_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..160)) {
        let key = key(EllipticCurve::Secp521r1);
        let _ = decode_dss_signature(&bytes);
        prop_assert!(key.public_key().verify(&bytes, b"m", Ecdsa::from(HashAlgorithm::Sha512)).is_err());
    }

    #[test]
    fn random_bytes_as_a_point_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..140), curve in 0usize..19) {
        let _ = RustCrypto.load_elliptic_curve_public_bytes(EllipticCurve::ALL[curve], &bytes);
    }

    #[test]
    fn a_random_scalar_loads_exactly_when_it_is_in_range(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        let n = hex::decode(P256_ORDER).unwrap();
        let value = EcInteger::from_be_slice(&bytes).unwrap();
        let significant = value.significant_bytes();
        let in_range = !value.is_zero()
            && (significant.len() < 32 || (significant.len() == 32 && significant < &n[..]));
        prop_assert_eq!(
            RustCrypto.derive_elliptic_curve_private_key(&bytes, EllipticCurve::Secp256r1).is_ok(),
            in_range
        );
    }
}

// ---- issue 9, item 4: the cheapest rejection first ----

const WIDER_VALUE: Error = Error::InvalidKey("private value wider than the curve");
const WIDER_COORDINATE: Error = Error::InvalidKey("coordinate wider than the curve");
const POINT_LENGTH: Error = Error::InvalidKey("encoded point length does not match the curve");

/// A private value with more significant bytes than the field is refused by its size, before it is
/// read as a scalar (the error used to be the range check's, found by arithmetic).
#[test]
fn derive_refuses_an_oversized_private_value_by_its_size() {
    for (curve, len) in [
        (EllipticCurve::Secp224r1, 29),
        (EllipticCurve::Secp256r1, 33),
        (EllipticCurve::Secp384r1, 49),
        (EllipticCurve::Secp521r1, 67),
        (EllipticCurve::Secp256k1, 33),
    ] {
        assert_eq!(
            RustCrypto
                .derive_elliptic_curve_private_key(&vec![1; len], curve)
                .unwrap_err(),
            WIDER_VALUE,
            "{curve:?}"
        );
        assert_eq!(
            RustCrypto
                .derive_elliptic_curve_private_key(&vec![0xff; 100_000], curve)
                .unwrap_err(),
            WIDER_VALUE
        );
        // Leading zeros are not width: a field-width value behind them is read as usual.
        let mut padded = vec![0; 1000];
        padded.extend(vec![1; len - 1]);
        assert!(
            RustCrypto
                .derive_elliptic_curve_private_key(&padded, curve)
                .is_ok(),
            "{curve:?}"
        );
    }
    // An unsupported curve is still reported as such, whatever the value.
    assert!(matches!(
        RustCrypto.derive_elliptic_curve_private_key(&[1; 100], EllipticCurve::BrainpoolP256r1),
        Err(Error::Unsupported { .. })
    ));
}

/// Private numbers: every width is checked before any arithmetic, so an out-of-range scalar (a
/// range check needs arithmetic) with an oversized coordinate reports the coordinate.
#[test]
fn private_numbers_are_refused_by_size_before_any_arithmetic() {
    let good = key(EllipticCurve::Secp256r1).private_numbers().unwrap();
    let n = EcInteger::from_be_slice(&hex::decode(P256_ORDER).unwrap()).unwrap();
    let wide = EcInteger::from_be_slice(&[1; 33]).unwrap();
    let out_of_range_and_wide = EcPrivateNumbers {
        private_value: n,
        public_numbers: EcPublicNumbers {
            x: wide.clone(),
            ..good.public_numbers.clone()
        },
    };
    assert_eq!(
        RustCrypto
            .load_elliptic_curve_private_numbers(&out_of_range_and_wide)
            .unwrap_err(),
        WIDER_COORDINATE
    );
    assert_eq!(out_of_range_and_wide.check_size(), Err(WIDER_COORDINATE));
    let wide_value = EcPrivateNumbers {
        private_value: wide.clone(),
        public_numbers: good.public_numbers.clone(),
    };
    assert_eq!(
        RustCrypto
            .load_elliptic_curve_private_numbers(&wide_value)
            .unwrap_err(),
        WIDER_VALUE
    );
    // The widest integer there is (66 bytes) on P-256, in every position.
    let widest = EcInteger::from_be_slice(&[0xff; 66]).unwrap();
    for (value, x, y) in [
        (
            widest.clone(),
            good.public_numbers.x.clone(),
            good.public_numbers.y.clone(),
        ),
        (
            good.private_value.clone(),
            widest.clone(),
            good.public_numbers.y.clone(),
        ),
        (
            good.private_value.clone(),
            good.public_numbers.x.clone(),
            widest.clone(),
        ),
    ] {
        let numbers = EcPrivateNumbers {
            private_value: value,
            public_numbers: EcPublicNumbers {
                curve: EllipticCurve::Secp256r1,
                x,
                y,
            },
        };
        assert!(numbers.check_size().is_err());
        assert!(matches!(
            RustCrypto.load_elliptic_curve_private_numbers(&numbers),
            Err(Error::InvalidKey(_))
        ));
    }
    assert_eq!(good.check_size(), Ok(()));
    assert!(
        RustCrypto
            .load_elliptic_curve_private_numbers(&good)
            .is_ok()
    );
}

#[test]
fn public_numbers_are_refused_by_size_before_any_arithmetic() {
    let good = key(EllipticCurve::Secp384r1).public_key().public_numbers();
    let wide = EcInteger::from_be_slice(&[0xff; 66]).unwrap();
    for numbers in [
        EcPublicNumbers {
            x: wide.clone(),
            ..good.clone()
        },
        EcPublicNumbers {
            y: wide.clone(),
            ..good.clone()
        },
    ] {
        assert_eq!(numbers.check_size(), Err(WIDER_COORDINATE));
        assert_eq!(
            RustCrypto
                .load_elliptic_curve_public_numbers(&numbers)
                .unwrap_err(),
            WIDER_COORDINATE
        );
    }
}

/// Encoded points: type byte and length against the curve first (the error used to come from the
/// SEC 1 parser).
#[test]
fn encoded_points_of_the_wrong_length_are_refused_by_size() {
    for curve in [
        EllipticCurve::Secp224r1,
        EllipticCurve::Secp256r1,
        EllipticCurve::Secp384r1,
        EllipticCurve::Secp521r1,
        EllipticCurve::Secp256k1,
    ] {
        let public = key(curve).public_key().public_numbers();
        let uncompressed = public.encoded_point(PointFormat::Uncompressed).unwrap();
        let compressed = public.encoded_point(PointFormat::Compressed).unwrap();
        for good in [&uncompressed[..], &compressed[..]] {
            assert!(
                RustCrypto
                    .load_elliptic_curve_public_bytes(curve, good)
                    .is_ok()
            );
            let mut longer = good.to_vec();
            longer.push(0);
            let too_long = vec![good[0]; 100_000];
            for bad in [
                &longer[..],
                &good[..good.len() - 1],
                &too_long[..],
                &good[..1],
            ] {
                assert_eq!(
                    RustCrypto
                        .load_elliptic_curve_public_bytes(curve, bad)
                        .unwrap_err(),
                    POINT_LENGTH,
                    "{curve:?}: {} bytes",
                    bad.len()
                );
            }
        }
    }
    // A P-521 point offered as a P-256 one.
    let p521 = key(EllipticCurve::Secp521r1)
        .public_key()
        .encoded_point(PointFormat::Uncompressed)
        .unwrap();
    assert_eq!(
        RustCrypto
            .load_elliptic_curve_public_bytes(EllipticCurve::Secp256r1, &p521)
            .unwrap_err(),
        POINT_LENGTH
    );
    assert_eq!(
        backend_ec::check_encoded_point_size(EllipticCurve::Secp521r1, &p521),
        Ok(())
    );
}
