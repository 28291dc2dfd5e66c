//! `load_elliptic_curve_public_bytes` on every curve: arbitrary bytes, bytes shaped like SEC 1
//! points (each prefix, the right and wrong lengths), and valid points with one byte changed.
//!
//! Asserts: an unsupported curve is `Unsupported`; a loaded key is on the asked curve, its public
//! numbers load to the same key, and its uncompressed and compressed encodings load back to it;
//! a well-formed encoding re-encodes to the same bytes; the identity point is refused.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::{
    Backend, EcPrivateKey, EcPublicKey, EllipticCurve, EllipticCurveBackend, Error, PointFormat,
};
use backend_fuzz::take;
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Input {
    curve: EllipticCurve,
    point: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let curve = backend_fuzz::curve(u)?;
        let field = curve.field_len();
        let point = match u.int_in_range(0u8..=5)? {
            0 => {
                let mut p = vec![0x04];
                p.extend(take(u, 2 * field));
                p
            }
            1 => {
                let mut p = vec![*u.choose(&[0x02, 0x03])?];
                p.extend(take(u, field));
                p
            }
            2 => {
                // A real point, then perhaps one byte changed or the length changed.
                let scalar = take(u, field);
                let format = if u.arbitrary()? {
                    PointFormat::Compressed
                } else {
                    PointFormat::Uncompressed
                };
                let mut p = match Backend.derive_elliptic_curve_private_key(&scalar, curve) {
                    Ok(key) => key
                        .public_key()
                        .encoded_point(format)
                        .map(|e| e.to_vec())
                        .unwrap_or_default(),
                    Err(_) => Vec::new(),
                };
                match u.int_in_range(0u8..=3)? {
                    0 => {}
                    1 if !p.is_empty() => {
                        let at = u.choose_index(p.len())?;
                        p[at] ^= u.int_in_range(1..=255)?;
                    }
                    2 => p.truncate(u.arbitrary_len::<u8>()?),
                    _ => p.push(u.arbitrary()?),
                }
                p
            }
            3 => vec![0x00],
            4 => {
                let mut p = vec![*u.choose(&[0x06, 0x07])?];
                p.extend(take(u, 2 * field));
                p
            }
            _ => backend_fuzz::rest(u),
        };
        Ok(Input { curve, point })
    }
}

fuzz_target!(|input: Input| {
    let curve = input.curve;
    let loaded = Backend.load_elliptic_curve_public_bytes(curve, &input.point);
    if !Backend.elliptic_curve_supported(curve) {
        assert!(
            matches!(loaded, Err(Error::Unsupported { .. })),
            "{curve:?}: {loaded:?}"
        );
        return;
    }
    let Ok(key) = loaded else { return };
    assert_eq!(key.curve(), curve);
    assert_ne!(input.point, [0x00], "the identity point was accepted");

    let numbers = key.public_numbers();
    assert_eq!(numbers.curve, curve);
    let again = Backend
        .load_elliptic_curve_public_numbers(&numbers)
        .expect("a loaded key's public numbers load");
    assert_eq!(again.public_numbers(), numbers);

    let field = curve.field_len();
    for format in [PointFormat::Uncompressed, PointFormat::Compressed] {
        let encoded = key.encoded_point(format).expect("a loaded key encodes");
        let expected_len = match format {
            PointFormat::Uncompressed => 1 + 2 * field,
            PointFormat::Compressed => 1 + field,
        };
        assert_eq!(encoded.len(), expected_len);
        let back = Backend
            .load_elliptic_curve_public_bytes(curve, &encoded)
            .expect("an encoded point loads");
        assert_eq!(back.public_numbers(), numbers, "{format:?} round trip");
        let prefix = input.point.first().copied();
        let same_form = match format {
            PointFormat::Uncompressed => prefix == Some(0x04),
            PointFormat::Compressed => matches!(prefix, Some(0x02 | 0x03)),
        };
        if same_form {
            assert_eq!(
                &encoded[..],
                &input.point[..],
                "{format:?} encoding is not canonical"
            );
        }
    }
});
