//! `DsaParameterNumbers`, `DsaPublicNumbers`, `DsaPrivateNumbers` and their checks.
//!
//! Integers are big-endian magnitudes (`Vec<u8>`); leading zero bytes are allowed on input and
//! stripped by the constructors. The checks here need no modular arithmetic and run on any
//! backend's behalf; the ones that do (`g^q mod p = 1`, `y = g^x mod p`, `y^q mod p = 1`) are the
//! loading backend's. A failed check is an [`Error::InvalidArgument`] naming the rule
//! (pyca/cryptography's `ValueError` messages).

use crate::{Error, Result};
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;
use crypto_bigint::{CtLt, U256};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

/// The rule on the modulus size.
pub const P_SIZE_RULE: &str = "p must be exactly 1024, 2048, 3072, or 4096 bits long";
/// The rule on the subgroup order size.
pub const Q_SIZE_RULE: &str = "q must be exactly 160, 224, or 256 bits long";
/// The rule on the generator's range.
pub const G_RANGE_RULE: &str = "g, p don't satisfy 1 < g < p";
/// The rule on the generator's order.
pub const G_ORDER_RULE: &str = "g^q mod p must be 1 (g must generate the subgroup of order q)";
/// The rule on the public value's range.
pub const Y_RANGE_RULE: &str = "y must be > 1 and < p";
/// The rule on the public value's order.
pub const Y_ORDER_RULE: &str = "y^q mod p must be 1 (y must be in the subgroup of order q)";
/// The rule on the private value's range.
pub const X_RANGE_RULE: &str = "x must be > 0 and < q";
/// The rule tying the private value to the public one.
pub const Y_FROM_X_RULE: &str = "y must be g**x mod p";

/// The modulus sizes (`L`) the numbers may have.
pub const P_SIZES: [usize; 4] = [1024, 2048, 3072, 4096];
/// The subgroup order sizes (`N`) the numbers may have.
pub const Q_SIZES: [usize; 3] = [160, 224, 256];

/// DSA domain parameters: the prime modulus `p`, the prime subgroup order `q` dividing `p - 1`,
/// and the generator `g` of that subgroup (pyca/cryptography's `DSAParameterNumbers`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DsaParameterNumbers {
    /// The modulus `p`, big-endian.
    pub p: Vec<u8>,
    /// The subgroup order `q`, big-endian.
    pub q: Vec<u8>,
    /// The generator `g`, big-endian.
    pub g: Vec<u8>,
}

impl DsaParameterNumbers {
    /// Parameters from big-endian `p`, `q`, `g` (leading zeros are stripped).
    pub fn new(p: &[u8], q: &[u8], g: &[u8]) -> Self {
        DsaParameterNumbers {
            p: trimmed(p).into(),
            q: trimmed(q).into(),
            g: trimmed(g).into(),
        }
    }

    /// The modulus length in bits (`L`, the key size).
    pub fn key_size(&self) -> usize {
        bit_length(&self.p)
    }

    /// The subgroup order length in bits (`N`).
    pub fn subgroup_size(&self) -> usize {
        bit_length(&self.q)
    }

    /// The checks without arithmetic: `p` of 1024, 2048, 3072 or 4096 bits and odd, `q` of 160,
    /// 224 or 256 bits and odd, `1 < g < p`.
    pub fn check(&self) -> Result<()> {
        if !P_SIZES.contains(&self.key_size()) {
            return Err(Error::InvalidArgument(P_SIZE_RULE));
        }
        if !Q_SIZES.contains(&self.subgroup_size()) {
            return Err(Error::InvalidArgument(Q_SIZE_RULE));
        }
        if !is_odd(&self.p) {
            return Err(Error::InvalidArgument("p must be odd (a prime)"));
        }
        if !is_odd(&self.q) {
            return Err(Error::InvalidArgument("q must be odd (a prime)"));
        }
        if cmp(&self.g, &[1]) != Ordering::Greater || cmp(&self.g, &self.p) != Ordering::Less {
            return Err(Error::InvalidArgument(G_RANGE_RULE));
        }
        Ok(())
    }
}

impl fmt::Debug for DsaParameterNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "DsaParameterNumbers({}-bit p, {}-bit q)",
            self.key_size(),
            self.subgroup_size()
        )
    }
}

/// A DSA public key: `y = g^x mod p` and the parameters (pyca/cryptography's `DSAPublicNumbers`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DsaPublicNumbers {
    /// The public value `y`, big-endian.
    pub y: Vec<u8>,
    /// The domain parameters.
    pub parameter_numbers: DsaParameterNumbers,
}

impl DsaPublicNumbers {
    /// Public numbers from big-endian `y` (leading zeros are stripped) and the parameters.
    pub fn new(y: &[u8], parameter_numbers: DsaParameterNumbers) -> Self {
        DsaPublicNumbers {
            y: trimmed(y).into(),
            parameter_numbers,
        }
    }

    /// The modulus length in bits.
    pub fn key_size(&self) -> usize {
        self.parameter_numbers.key_size()
    }

    /// The parameter checks and `1 < y < p`.
    pub fn check(&self) -> Result<()> {
        self.parameter_numbers.check()?;
        if cmp(&self.y, &[1]) != Ordering::Greater
            || cmp(&self.y, &self.parameter_numbers.p) != Ordering::Less
        {
            return Err(Error::InvalidArgument(Y_RANGE_RULE));
        }
        Ok(())
    }
}

impl fmt::Debug for DsaPublicNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DsaPublicNumbers({:?})", self.parameter_numbers)
    }
}

/// A DSA private key: the secret `x` with `0 < x < q`, and the public numbers
/// (pyca/cryptography's `DSAPrivateNumbers`). Zeroized on drop; `Debug` prints no secret; `==`
/// compares `x` in constant time. Not `Copy`: a copy of the secret is an explicit `clone`.
#[derive(Clone)]
pub struct DsaPrivateNumbers {
    /// The private value `x`, big-endian.
    pub x: Vec<u8>,
    /// The public numbers.
    pub public_numbers: DsaPublicNumbers,
}

impl DsaPrivateNumbers {
    /// Private numbers from big-endian `x` and the public numbers.
    pub fn new(x: &[u8], public_numbers: DsaPublicNumbers) -> Self {
        DsaPrivateNumbers {
            x: x.into(),
            public_numbers,
        }
    }

    /// The public checks and `0 < x < q`, the latter in constant time with respect to `x`. Whether
    /// `y = g^x mod p` is the loading backend's check.
    pub fn check(&self) -> Result<()> {
        self.public_numbers.check()?;
        let q = public_u256(&self.public_numbers.parameter_numbers.q)
            .ok_or(Error::InvalidArgument(Q_SIZE_RULE))?;
        secret_scalar(&self.x, &q)
            .map(drop)
            .ok_or(Error::InvalidArgument(X_RANGE_RULE))
    }
}

impl PartialEq for DsaPrivateNumbers {
    fn eq(&self, other: &Self) -> bool {
        // Compared at a common width so the time depends on the lengths only.
        let width = self.x.len().max(other.x.len());
        let pad = |x: &[u8]| {
            let mut v = Zeroizing::new(alloc::vec![0u8; width]);
            if let Some(dst) = v.get_mut(width - x.len()..) {
                dst.copy_from_slice(x);
            }
            v
        };
        let same_x: bool = pad(&self.x).ct_eq(&pad(&other.x)).into();
        same_x & (self.public_numbers == other.public_numbers)
    }
}

impl Eq for DsaPrivateNumbers {}

impl Drop for DsaPrivateNumbers {
    fn drop(&mut self) {
        self.x.zeroize();
    }
}

impl zeroize::ZeroizeOnDrop for DsaPrivateNumbers {}

impl fmt::Debug for DsaPrivateNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DsaPrivateNumbers({:?})", self.public_numbers)
    }
}

/// A public big-endian magnitude of at most 256 bits as a `U256`.
pub(crate) fn public_u256(bytes: &[u8]) -> Option<U256> {
    let bytes = trimmed(bytes);
    let mut buf = [0u8; 32];
    buf.get_mut(32usize.checked_sub(bytes.len())?..)?
        .copy_from_slice(bytes);
    Some(U256::from_be_slice(&buf))
}

/// A secret big-endian magnitude as a `U256` in `[1, q - 1]`; `None` otherwise. Constant time with
/// respect to the value: every byte beyond 32 is read and OR-ed together, the rest is loaded at
/// the fixed width, and the range test is a constant-time comparison.
pub(crate) fn secret_scalar(bytes: &[u8], q: &U256) -> Option<Zeroizing<U256>> {
    let (excess, value) = bytes.split_at(bytes.len().saturating_sub(32));
    let excess = excess.iter().fold(0u8, |acc, b| acc | b);
    let mut buf = Zeroizing::new([0u8; 32]);
    buf.get_mut(32 - value.len()..)?.copy_from_slice(value);
    let x = Zeroizing::new(U256::from_be_slice(&*buf));
    let nonzero = !crypto_bigint::CtEq::ct_eq(&*x, &U256::ZERO);
    let below_q = x.ct_lt(q);
    let ok = excess.ct_eq(&0u8) & subtle::Choice::from(u8::from((nonzero & below_q).to_bool()));
    bool::from(ok).then_some(x)
}

/// `bytes` without leading zeros.
pub(crate) fn trimmed(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Compares two public big-endian magnitudes.
pub(crate) fn cmp(a: &[u8], b: &[u8]) -> Ordering {
    let (a, b) = (trimmed(a), trimmed(b));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

fn is_odd(x: &[u8]) -> bool {
    x.last().is_some_and(|b| b & 1 == 1)
}

/// Bit length of a big-endian magnitude.
pub(crate) fn bit_length(x: &[u8]) -> usize {
    let x = trimmed(x);
    match x.first() {
        Some(top) => (x.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(p_bits: usize, q_bits: usize) -> DsaParameterNumbers {
        let mut p = alloc::vec![0xffu8; p_bits / 8];
        let mut q = alloc::vec![0xffu8; q_bits / 8];
        p[0] = 0x80;
        q[0] = 0x80;
        DsaParameterNumbers::new(&p, &q, &[2])
    }

    #[test]
    fn every_rule_is_named() {
        assert!(params(1024, 160).check().is_ok());
        assert_eq!(
            params(1016, 160).check(),
            Err(Error::InvalidArgument(P_SIZE_RULE))
        );
        assert_eq!(
            params(1024, 168).check(),
            Err(Error::InvalidArgument(Q_SIZE_RULE))
        );
        let mut g1 = params(2048, 224);
        g1.g = alloc::vec![1];
        assert_eq!(g1.check(), Err(Error::InvalidArgument(G_RANGE_RULE)));
        g1.g = g1.p.clone();
        assert_eq!(g1.check(), Err(Error::InvalidArgument(G_RANGE_RULE)));
        let public = DsaPublicNumbers::new(&[1], params(2048, 256));
        assert_eq!(public.check(), Err(Error::InvalidArgument(Y_RANGE_RULE)));
        let public = DsaPublicNumbers::new(&[5], params(2048, 256));
        assert!(public.check().is_ok());
        let q = public.parameter_numbers.q.clone();
        for bad in [&[0u8][..], &q[..], &[1u8; 33][..]] {
            let private = DsaPrivateNumbers::new(bad, public.clone());
            assert_eq!(private.check(), Err(Error::InvalidArgument(X_RANGE_RULE)));
        }
        let private = DsaPrivateNumbers::new(&[0, 0, 7], public.clone());
        assert!(private.check().is_ok());
        assert_eq!(private, DsaPrivateNumbers::new(&[7], public.clone()));
        assert_ne!(private, DsaPrivateNumbers::new(&[8], public));
    }
}
