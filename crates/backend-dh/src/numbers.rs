//! `DhParameterNumbers`, `DhPublicNumbers`, `DhPrivateNumbers` and the checks that need no
//! arithmetic.
//!
//! Integers are big-endian magnitudes (`Vec<u8>`); leading zero bytes are allowed on input and
//! stripped by the constructors.

use crate::{Error, Result};
use alloc::vec::Vec;
use core::fmt;
use zeroize::Zeroize;

/// The smallest modulus accepted, in bits (OpenSSL's `DH_MIN_MODULUS_BITS`, pyca/cryptography's
/// "p (modulus) must be at least 512-bit").
pub const MIN_MODULUS_BITS: usize = 512;

/// The largest modulus accepted, in bits (OpenSSL's `OPENSSL_DH_MAX_MODULUS_BITS`): a bound on
/// the work untrusted parameters can cause (a primality test grows with the cube of the size),
/// checked before any arithmetic.
pub const MAX_MODULUS_BITS: usize = 10000;

/// The parameters of a finite-field Diffie-Hellman group: modulus `p`, generator `g` and, for
/// X9.42 parameters, the order `q` of the subgroup `g` generates.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DhParameterNumbers {
    /// The prime modulus, big-endian.
    pub p: Vec<u8>,
    /// The generator, big-endian.
    pub g: Vec<u8>,
    /// The subgroup order, big-endian (X9.42 / RFC 5114 parameters), or `None`.
    pub q: Option<Vec<u8>>,
}

impl DhParameterNumbers {
    /// Numbers from big-endian `p`, `g` and an optional `q` (leading zeros are stripped).
    pub fn new(p: &[u8], g: &[u8], q: Option<&[u8]>) -> Self {
        DhParameterNumbers {
            p: trimmed(p).into(),
            g: trimmed(g).into(),
            q: q.map(|q| trimmed(q).into()),
        }
    }

    /// Numbers with a small generator (2 or 5 for generated groups).
    pub fn with_generator(p: &[u8], g: u64, q: Option<&[u8]>) -> Self {
        Self::new(p, &g.to_be_bytes(), q)
    }

    /// The modulus length in bits (the key size).
    pub fn key_size(&self) -> usize {
        bit_length(&self.p)
    }

    /// pyca/cryptography's constructor checks, which need no arithmetic: `g >= 2` and `p` of at
    /// least 512 bits. A backend checks the rest when it loads the numbers.
    pub fn check(&self) -> Result<()> {
        if bit_length(&self.g) < 2 {
            return Err(Error::InvalidArgument("DH generator must be 2 or greater"));
        }
        if self.key_size() < MIN_MODULUS_BITS {
            return Err(Error::InvalidArgument(
                "p (modulus) must be at least 512-bit",
            ));
        }
        Ok(())
    }

    /// True when `self` and `other` are the same group: equal `p` and `g`, and equal `q` when
    /// both name one (OpenSSL's parameter comparison of a peer key ignores a missing `q`).
    pub fn same_group(&self, other: &DhParameterNumbers) -> bool {
        trimmed(&self.p) == trimmed(&other.p)
            && trimmed(&self.g) == trimmed(&other.g)
            && match (&self.q, &other.q) {
                (Some(a), Some(b)) => trimmed(a) == trimmed(b),
                _ => true,
            }
    }
}

impl fmt::Debug for DhParameterNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DhParameterNumbers({}-bit p, g = 0x", self.key_size())?;
        for b in trimmed(&self.g) {
            write!(f, "{b:02x}")?;
        }
        match &self.q {
            Some(q) => write!(f, ", {}-bit q)", bit_length(q)),
            None => f.write_str(")"),
        }
    }
}

/// The public numbers of a DH key: `y = g^x mod p` and the group.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DhPublicNumbers {
    /// The public value, big-endian.
    pub y: Vec<u8>,
    /// The group.
    pub parameter_numbers: DhParameterNumbers,
}

impl DhPublicNumbers {
    /// Numbers from a big-endian `y` (leading zeros are stripped) and the group.
    pub fn new(y: &[u8], parameter_numbers: DhParameterNumbers) -> Self {
        DhPublicNumbers {
            y: trimmed(y).into(),
            parameter_numbers,
        }
    }
}

impl fmt::Debug for DhPublicNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DhPublicNumbers")
            .field("y_bits", &bit_length(&self.y))
            .field("parameter_numbers", &self.parameter_numbers)
            .finish()
    }
}

/// The private numbers of a DH key: the private value `x` and the public numbers. Zeroized on
/// drop; `Debug` prints no secret; `==` compares `x` in constant time. Not `Copy` (it implements
/// `Drop`), so a copy of the secret is always an explicit `clone`.
#[derive(Clone)]
pub struct DhPrivateNumbers {
    /// The private value, big-endian.
    pub x: Vec<u8>,
    /// The public numbers.
    pub public_numbers: DhPublicNumbers,
}

impl DhPrivateNumbers {
    /// Numbers from a big-endian `x` and the public numbers. `x` is kept as given (its leading
    /// zeros are not trimmed one by one: that would depend on the secret's value).
    pub fn new(x: &[u8], public_numbers: DhPublicNumbers) -> Self {
        DhPrivateNumbers {
            x: x.into(),
            public_numbers,
        }
    }
}

/// Equality in constant time over `x` (its length is public: it is the length of the vector);
/// the public numbers are compared in variable time. As for the other numbers types, the
/// comparison is of the byte strings: a leading zero byte makes two `x` differ.
impl PartialEq for DhPrivateNumbers {
    fn eq(&self, other: &Self) -> bool {
        let same_x = subtle::ConstantTimeEq::ct_eq(self.x.as_slice(), other.x.as_slice());
        bool::from(same_x) & (self.public_numbers == other.public_numbers)
    }
}

impl Eq for DhPrivateNumbers {}

impl Drop for DhPrivateNumbers {
    fn drop(&mut self) {
        self.x.zeroize();
    }
}

impl fmt::Debug for DhPrivateNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DhPrivateNumbers")
            .field("public_numbers", &self.public_numbers)
            .finish_non_exhaustive()
    }
}

/// `bytes` without leading zeros.
pub(crate) fn trimmed(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Bit length of a big-endian magnitude.
pub(crate) fn bit_length(x: &[u8]) -> usize {
    let x = trimmed(x);
    match x.first() {
        Some(top) => (x.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
        None => 0,
    }
}
