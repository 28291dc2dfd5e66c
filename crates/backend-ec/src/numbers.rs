use crate::{EllipticCurve, Error, Result};
use core::fmt;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// A non-negative integer of up to 528 bits (66 bytes, the width of P-521), held inline as a
/// fixed-size big-endian byte array: the seed system's Python `int`s in the numbers classes and in
/// DSS signatures, without allocation.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
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

/// A public key as numbers (the seed system's `EllipticCurvePublicNumbers`): the affine
/// coordinates of a point and its curve. Not validated until a backend loads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// A private key as numbers (the seed system's `EllipticCurvePrivateNumbers`): the secret scalar
/// and the public numbers it must match. The scalar is zeroized on drop, never printed, and compared
/// in constant time.
#[derive(Clone)]
pub struct EcPrivateNumbers {
    /// The secret scalar `d`.
    pub private_value: EcInteger,
    /// The public point `d * G`.
    pub public_numbers: EcPublicNumbers,
}

impl PartialEq for EcPrivateNumbers {
    fn eq(&self, other: &Self) -> bool {
        let same_value: bool = self
            .private_value
            .as_be_bytes()
            .ct_eq(other.private_value.as_be_bytes())
            .into();
        same_value && self.public_numbers == other.public_numbers
    }
}

impl Eq for EcPrivateNumbers {}

impl Drop for EcPrivateNumbers {
    fn drop(&mut self) {
        self.private_value.zeroize();
    }
}

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

/// A SEC 1 encoded point, held inline (up to 133 bytes: P-521 uncompressed).
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
        for b in self.as_slice() {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}
