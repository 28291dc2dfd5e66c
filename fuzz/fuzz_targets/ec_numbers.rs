//! EC numbers: `EcInteger` from arbitrary big-endian bytes, `EcPublicNumbers` /
//! `EcPrivateNumbers` loaders with arbitrary coordinates and private values (consistent ones
//! included), `derive_elliptic_curve_private_key`, `encoded_point` of arbitrary numbers, ECDH.
//!
//! Asserts: `EcInteger` keeps the value (significant bytes, bit length, fixed-width encodings);
//! private numbers load only with the public numbers of their private value; a loaded or derived
//! key's numbers load back to the same key; ECDH agrees both ways.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::{
    Backend, EcInteger, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh,
    EllipticCurve, EllipticCurveBackend, PointFormat,
};
use backend_fuzz::{take, trim};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Input {
    curve: EllipticCurve,
    x: Vec<u8>,
    y: Vec<u8>,
    private_value: Vec<u8>,
    /// Take the public numbers of this (derived) private value instead of `x`, `y`.
    consistent: bool,
    peer_value: Vec<u8>,
    width: usize,
}

fn integer(u: &mut Unstructured<'_>, field: usize) -> Result<Vec<u8>> {
    let n = match u.int_in_range(0u8..=3)? {
        0 | 1 => field,
        2 => u.int_in_range(0..=EcInteger::CAPACITY + 2)?,
        _ => field + u.int_in_range(0..=3)?,
    };
    Ok(take(u, n))
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let curve = backend_fuzz::curve(u)?;
        let field = curve.field_len();
        Ok(Input {
            curve,
            x: integer(u, field)?,
            y: integer(u, field)?,
            private_value: integer(u, field)?,
            consistent: u.arbitrary()?,
            peer_value: integer(u, field)?,
            width: u.int_in_range(0..=EcInteger::CAPACITY + 1)?,
        })
    }
}

fn check_integer(bytes: &[u8], width: usize) -> Option<EcInteger> {
    let significant = trim(bytes);
    let parsed = EcInteger::from_be_slice(bytes);
    assert_eq!(
        parsed.is_ok(),
        significant.len() <= EcInteger::CAPACITY,
        "EcInteger of {} bytes",
        bytes.len()
    );
    let value = parsed.ok()?;
    assert_eq!(value.significant_bytes(), significant);
    assert_eq!(value.is_zero(), significant.is_empty());
    let bits = significant.first().map_or(0, |top| {
        significant.len() * 8 - top.leading_zeros() as usize
    });
    assert_eq!(value.bits(), bits);
    assert_eq!(
        &value.as_be_bytes()[EcInteger::CAPACITY - significant.len()..],
        significant
    );
    match value.to_be_bytes(width) {
        Some(fixed) => {
            assert!(significant.len() <= width && width <= EcInteger::CAPACITY);
            assert_eq!(fixed.len(), width);
            assert_eq!(trim(fixed), significant);
        }
        None => assert!(significant.len() > width || width > EcInteger::CAPACITY),
    }
    assert_eq!(
        EcInteger::from_be_slice(value.significant_bytes())
            .ok()
            .as_ref(),
        Some(&value)
    );
    let _ = format!("{value:?}");
    Some(value)
}

fuzz_target!(|input: Input| {
    let curve = input.curve;
    let supported = Backend.elliptic_curve_supported(curve);
    check_integer(&input.x, input.width);
    check_integer(&input.y, input.width);
    let private_value = check_integer(&input.private_value, input.width);

    // Public numbers from arbitrary coordinates.
    if let Ok(numbers) = EcPublicNumbers::new(curve, &input.x, &input.y) {
        let loaded = Backend.load_elliptic_curve_public_numbers(&numbers);
        if !supported {
            assert!(loaded.is_err());
        }
        if let Ok(key) = loaded {
            assert_eq!(
                key.public_numbers(),
                numbers,
                "public numbers changed on load"
            );
            for format in [PointFormat::Uncompressed, PointFormat::Compressed] {
                let encoded = numbers
                    .encoded_point(format)
                    .expect("a loadable point encodes");
                let back = Backend
                    .load_elliptic_curve_public_bytes(curve, &encoded)
                    .expect("its encoding loads");
                assert_eq!(back.public_numbers(), numbers);
            }
        } else {
            let _ = numbers.encoded_point(PointFormat::Uncompressed);
            let _ = numbers.encoded_point(PointFormat::Compressed);
        }
    } else {
        assert!(
            trim(&input.x).len() > EcInteger::CAPACITY
                || trim(&input.y).len() > EcInteger::CAPACITY
        );
    }

    // A private key from the value alone.
    let derived = Backend.derive_elliptic_curve_private_key(&input.private_value, curve);
    if !supported {
        assert!(derived.is_err());
    }
    let derived_public = derived
        .as_ref()
        .ok()
        .map(|key| key.public_key().public_numbers());
    if let Ok(key) = &derived {
        assert_eq!(key.curve(), curve);
        let numbers = key.private_numbers().expect("in-memory keys export");
        assert_eq!(
            numbers.private_value.significant_bytes(),
            trim(&input.private_value),
            "derived key holds another value"
        );
        let again = Backend
            .load_elliptic_curve_private_numbers(&numbers)
            .expect("own numbers load");
        assert_eq!(again.public_key().public_numbers(), numbers.public_numbers);
        Backend
            .load_elliptic_curve_public_numbers(&numbers.public_numbers)
            .expect("own public numbers load");
    }

    // Private numbers: the private value with arbitrary or its own public numbers.
    if let Some(private_value) = private_value {
        let public_numbers = match (&derived_public, input.consistent) {
            (Some(own), true) => Some(own.clone()),
            _ => EcPublicNumbers::new(curve, &input.x, &input.y).ok(),
        };
        if let Some(public_numbers) = public_numbers {
            let numbers = EcPrivateNumbers {
                private_value,
                public_numbers: public_numbers.clone(),
            };
            let loaded = Backend.load_elliptic_curve_private_numbers(&numbers);
            match &loaded {
                Ok(key) => {
                    assert_eq!(
                        Some(&public_numbers),
                        derived_public.as_ref(),
                        "private numbers with foreign public numbers loaded"
                    );
                    assert_eq!(key.public_key().public_numbers(), public_numbers);
                    assert!(numbers == key.private_numbers().expect("export"));
                }
                Err(_) => assert!(
                    derived_public.as_ref() != Some(&public_numbers),
                    "consistent private numbers refused"
                ),
            }
        }
    }

    // ECDH both ways.
    let (Ok(a), Ok(b)) = (
        derived,
        Backend.derive_elliptic_curve_private_key(&input.peer_value, curve),
    ) else {
        return;
    };
    let ab = a.exchange(Ecdh, b.public_key()).expect("ECDH on one curve");
    let ba = b.exchange(Ecdh, a.public_key()).expect("ECDH on one curve");
    assert!(ab == ba, "ECDH disagrees");
    assert_eq!(ab.len(), curve.field_len());
});
