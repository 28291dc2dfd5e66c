use crate::{EllipticCurve, Error, Result};
use core::fmt;
use core::hash::{Hash, Hasher};
use subtle::{Choice, ConstantTimeEq};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A non-negative integer of up to 528 bits (66 bytes, the width of P-521), held inline as a
/// fixed-size big-endian byte array: pyca/cryptography's Python `int`s in the numbers classes and in
/// DSS signatures, without allocation.
///
/// It also holds private scalars ([`EcPrivateNumbers::private_value`]), so it is treated as a
/// secret everywhere: equality is constant-time (all 66 bytes are compared, whatever they hold),
/// it is zeroized on drop, and it is not `Copy` (a copy is an explicit `clone`, itself zeroized
/// when dropped).
///
/// ```compile_fail,E0382
/// use backend_ec::EcInteger;
/// let d = EcInteger::from_u64(7);
/// let copy = d; // moves: EcInteger is not Copy
/// let again = d; // error[E0382]: use of moved value: `d`
/// ```
#[derive(Clone)]
pub struct EcInteger {
    bytes: [u8; EcInteger::CAPACITY],
}

impl EcInteger {
    /// Bytes held: 66, enough for any coordinate or scalar of P-521.
    pub const CAPACITY: usize = 66;

    /// Zero.
    pub const ZERO: EcInteger = EcInteger {
        bytes: [0; EcInteger::CAPACITY],
    };

    /// Reads a big-endian integer of any length; leading zero bytes are ignored.
    /// [`Error::InvalidArgument`] when it has more than [`EcInteger::CAPACITY`] significant bytes.
    pub fn from_be_slice(bytes: &[u8]) -> Result<Self> {
        let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        let significant = bytes.get(first..).unwrap_or_default();
        let start = Self::CAPACITY
            .checked_sub(significant.len())
            .ok_or(Error::InvalidArgument("integer wider than 528 bits"))?;
        let mut out = Self::ZERO;
        out.bytes
            .get_mut(start..)
            .ok_or(Error::InvalidArgument("integer wider than 528 bits"))?
            .copy_from_slice(significant);
        Ok(out)
    }

    /// A small integer, for tests and examples.
    pub const fn from_u64(value: u64) -> Self {
        let mut out = Self::ZERO;
        let be = value.to_be_bytes();
        let mut i = 0;
        while i < 8 {
            out.bytes[Self::CAPACITY - 8 + i] = be[i];
            i += 1;
        }
        out
    }

    /// All 66 big-endian bytes, zero-padded on the left.
    pub const fn as_be_bytes(&self) -> &[u8; EcInteger::CAPACITY] {
        &self.bytes
    }

    /// The minimal big-endian form: no leading zeros; empty for zero.
    pub fn significant_bytes(&self) -> &[u8] {
        let first = self
            .bytes
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(Self::CAPACITY);
        self.bytes.get(first..).unwrap_or_default()
    }

    /// The value as exactly `len` big-endian bytes (left-padded with zeros); `None` when it does
    /// not fit in `len` bytes.
    pub fn to_be_bytes(&self, len: usize) -> Option<&[u8]> {
        if self.significant_bytes().len() > len {
            return None;
        }
        self.bytes.get(Self::CAPACITY.checked_sub(len)?..)
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.bytes.iter().all(|&b| b == 0)
    }

    /// The number of significant bits.
    pub fn bits(&self) -> usize {
        let significant = self.significant_bytes();
        match significant.first() {
            Some(top) => significant.len() * 8 - top.leading_zeros() as usize,
            None => 0,
        }
    }
}

impl Zeroize for EcInteger {
    fn zeroize(&mut self) {
        self.bytes.zeroize();
    }
}

impl Drop for EcInteger {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

impl ZeroizeOnDrop for EcInteger {}

impl ConstantTimeEq for EcInteger {
    fn ct_eq(&self, other: &Self) -> Choice {
        self.bytes.ct_eq(&other.bytes)
    }
}

/// Constant-time: the time does not depend on where (or whether) the values differ.
impl PartialEq for EcInteger {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for EcInteger {}

/// Hashes the fixed 66-byte form, consistently with `==`.
impl Hash for EcInteger {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl fmt::Debug for EcInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("0x")?;
        for b in self.significant_bytes() {
            write!(f, "{b:02x}")?;
        }
        if self.is_zero() {
            f.write_str("0")?;
        }
        Ok(())
    }
}

/// A public key as numbers (pyca/cryptography's `EllipticCurvePublicNumbers`): the affine
/// coordinates of a point and its curve. Not validated until a backend loads it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EcPublicNumbers {
    /// The curve.
    pub curve: EllipticCurve,
    /// Affine x.
    pub x: EcInteger,
    /// Affine y.
    pub y: EcInteger,
}

impl EcPublicNumbers {
    /// Numbers from big-endian coordinates of any length.
    pub fn new(curve: EllipticCurve, x: &[u8], y: &[u8]) -> Result<Self> {
        Ok(EcPublicNumbers {
            curve,
            x: EcInteger::from_be_slice(x)?,
            y: EcInteger::from_be_slice(y)?,
        })
    }

    /// [`Error::InvalidKey`] when `x` or `y` has more significant bytes than the curve's field
    /// ([`EllipticCurve::field_len`]): the first check of every loader, before any arithmetic.
    pub fn check_size(&self) -> Result<()> {
        let len = self.curve.field_len();
        if self.x.significant_bytes().len() > len || self.y.significant_bytes().len() > len {
            return Err(Error::InvalidKey("coordinate wider than the curve"));
        }
        Ok(())
    }

    /// The SEC 1 encoding of the point (`04 || x || y`, or `02`/`03 || x` compressed) with
    /// coordinates of the curve's width. [`Error::InvalidKey`] when a coordinate is wider than the
    /// curve. The point is not checked to be on the curve: load it for that.
    pub fn encoded_point(&self, format: PointFormat) -> Result<EncodedPoint> {
        let len = self.curve.field_len();
        let x = self
            .x
            .to_be_bytes(len)
            .ok_or(Error::InvalidKey("coordinate wider than the curve"))?;
        let y = self
            .y
            .to_be_bytes(len)
            .ok_or(Error::InvalidKey("coordinate wider than the curve"))?;
        let mut out = EncodedPoint::empty();
        match format {
            PointFormat::Uncompressed => {
                out.push(&[0x04])?;
                out.push(x)?;
                out.push(y)?;
            }
            PointFormat::Compressed => {
                let odd = y.last().is_some_and(|b| b & 1 == 1);
                out.push(&[if odd { 0x03 } else { 0x02 }])?;
                out.push(x)?;
            }
        }
        Ok(out)
    }
}

/// A private key as numbers (pyca/cryptography's `EllipticCurvePrivateNumbers`): the secret scalar
/// and the public numbers it must match. The scalar is zeroized on drop (every [`EcInteger`] is),
/// never printed, and compared in constant time.
#[derive(Clone)]
pub struct EcPrivateNumbers {
    /// The secret scalar `d`.
    pub private_value: EcInteger,
    /// The public point `d * G`.
    pub public_numbers: EcPublicNumbers,
}

impl EcPrivateNumbers {
    /// [`Error::InvalidKey`] when the private value or a coordinate has more significant bytes
    /// than the curve's field: the first check of `load_elliptic_curve_private_numbers`, before
    /// any arithmetic (see [`check_private_value_size`], [`EcPublicNumbers::check_size`]).
    pub fn check_size(&self) -> Result<()> {
        check_private_value_size(
            self.private_value.significant_bytes(),
            self.public_numbers.curve,
        )?;
        self.public_numbers.check_size()
    }
}

/// [`Error::InvalidKey`] when a big-endian private value has more significant bytes than the
/// curve's field ([`EllipticCurve::field_len`]; leading zero bytes do not count): such a value is
/// at least the group order. The first check of `derive_elliptic_curve_private_key`, before the
/// value is read or any arithmetic is done.
pub fn check_private_value_size(private_value: &[u8], curve: EllipticCurve) -> Result<()> {
    let first = private_value
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(private_value.len());
    if private_value.len() - first > curve.field_len() {
        return Err(Error::InvalidKey("private value wider than the curve"));
    }
    Ok(())
}

/// [`Error::InvalidKey`] unless `encoded_point` starts with a SEC 1 point type pyca/cryptography
/// accepts (`02` / `03` compressed, `04` uncompressed) and has that form's length on `curve`:
/// 1 + field length bytes compressed, 1 + 2 × field length uncompressed. The first check of
/// `load_elliptic_curve_public_bytes`, before any parsing or arithmetic.
pub fn check_encoded_point_size(curve: EllipticCurve, encoded_point: &[u8]) -> Result<()> {
    let len = curve.field_len();
    let expected = match encoded_point.first() {
        Some(0x02 | 0x03) => 1 + len,
        Some(0x04) => 1 + 2 * len,
        _ => {
            return Err(Error::InvalidKey("unsupported elliptic curve point type"));
        }
    };
    if encoded_point.len() != expected {
        return Err(Error::InvalidKey(
            "encoded point length does not match the curve",
        ));
    }
    Ok(())
}

impl PartialEq for EcPrivateNumbers {
    fn eq(&self, other: &Self) -> bool {
        // Both parts compared, in constant time, before the answer is combined.
        let same = self.private_value.ct_eq(&other.private_value)
            & self.public_numbers.x.ct_eq(&other.public_numbers.x)
            & self.public_numbers.y.ct_eq(&other.public_numbers.y)
            & Choice::from(u8::from(
                self.public_numbers.curve == other.public_numbers.curve,
            ));
        same.into()
    }
}

impl Eq for EcPrivateNumbers {}

/// The scalar is an [`EcInteger`], which zeroizes itself when dropped.
impl ZeroizeOnDrop for EcPrivateNumbers {}

impl fmt::Debug for EcPrivateNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcPrivateNumbers")
            .field("private_value", &"<secret>")
            .field("public_numbers", &self.public_numbers)
            .finish()
    }
}

/// How a point is written as bytes (SEC 1 section 2.3.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PointFormat {
    /// `04 || x || y`.
    Uncompressed,
    /// `02 || x` or `03 || x` by the parity of y.
    Compressed,
}

/// A SEC 1 encoded point, held inline (up to 133 bytes: P-521 uncompressed). `{:x}` / `{:X}`
/// print it as hex.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct EncodedPoint {
    bytes: [u8; EncodedPoint::CAPACITY],
    len: u8,
}

impl EncodedPoint {
    /// The largest encoding held: 1 + 2 * 66 bytes.
    pub const CAPACITY: usize = 1 + 2 * EcInteger::CAPACITY;

    pub(crate) const fn empty() -> Self {
        EncodedPoint {
            bytes: [0; EncodedPoint::CAPACITY],
            len: 0,
        }
    }

    /// Copies `bytes`; `None` when longer than [`EncodedPoint::CAPACITY`].
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let mut out = Self::empty();
        out.push(bytes).ok()?;
        Some(out)
    }

    pub(crate) fn push(&mut self, part: &[u8]) -> Result<()> {
        let start = usize::from(self.len);
        let end = start + part.len();
        self.bytes
            .get_mut(start..end)
            .ok_or(Error::BufferTooSmall { needed: end })?
            .copy_from_slice(part);
        self.len = end as u8;
        Ok(())
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }
}

impl core::ops::Deref for EncodedPoint {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for EncodedPoint {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl fmt::Debug for EncodedPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EncodedPoint(")?;
        backend_core::hex::write_lower(f, self.as_slice())?;
        f.write_str(")")
    }
}

backend_core::hex::impl_hex!(EncodedPoint);
