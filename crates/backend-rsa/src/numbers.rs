//! `RsaPublicNumbers`, `RsaPrivateNumbers`, their RFC 3447 checks, and the CRT helpers.
//!
//! Integers are big-endian magnitudes (`Vec<u8>`); leading zero bytes are allowed on input and
//! stripped on output. The checks run on any backend's behalf, before a backend sees the numbers:
//! a failed check is an [`Error::InvalidArgument`] naming the rule (pyca/cryptography's
//! `ValueError` messages).

use crate::{Error, Reason, Result};
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{
    BoxedUint, ConcatenatingMul, CtEq, CtGt, CtLt, Gcd, Integer, NonZero, Odd, Resize,
};
use zeroize::{Zeroize, Zeroizing};

/// The public numbers of an RSA key: exponent `e` and modulus `n`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RsaPublicNumbers {
    /// Public exponent, big-endian.
    pub e: Vec<u8>,
    /// Modulus, big-endian.
    pub n: Vec<u8>,
}

impl RsaPublicNumbers {
    /// Numbers from big-endian `e` and `n` (leading zeros are stripped).
    pub fn new(e: &[u8], n: &[u8]) -> Self {
        RsaPublicNumbers {
            e: trimmed(e).into(),
            n: trimmed(n).into(),
        }
    }

    /// Numbers from a small exponent and a big-endian modulus.
    pub fn with_exponent(e: u64, n: &[u8]) -> Self {
        Self::new(&e.to_be_bytes(), n)
    }

    /// The modulus length in bits (the key size).
    pub fn key_size(&self) -> usize {
        bit_length(&self.n)
    }

    /// The RFC 3447 checks: the modulus odd and at least 3, the exponent odd with `3 <= e < n`.
    pub fn check(&self) -> Result<()> {
        let (e, n) = (trimmed(&self.e), trimmed(&self.n));
        if cmp(n, &[3]) == Ordering::Less {
            return Err(Error::InvalidArgument("modulus must be >= 3"));
        }
        if !is_odd(n) {
            return Err(Error::InvalidArgument("modulus must be odd"));
        }
        if cmp(e, &[3]) == Ordering::Less {
            return Err(Error::InvalidArgument("public_exponent must be >= 3"));
        }
        if cmp(e, n) != Ordering::Less {
            return Err(Error::InvalidArgument("public_exponent must be < modulus"));
        }
        if !is_odd(e) {
            return Err(Error::InvalidArgument("public_exponent must be odd"));
        }
        Ok(())
    }
}

impl fmt::Debug for RsaPublicNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RsaPublicNumbers(e = 0x")?;
        for b in trimmed(&self.e) {
            write!(f, "{b:02x}")?;
        }
        write!(f, ", {}-bit n)", self.key_size())
    }
}

/// The private numbers of an RSA key: the primes, the private exponent and the CRT values
/// (RFC 3447 §3.2), with the public numbers. Zeroized on drop; `Debug` prints no secret;
/// `==` compares the secret fields in constant time. Not `Copy` (it implements `Drop`), so a copy
/// of the secrets is always an explicit `clone`.
#[derive(Clone)]
pub struct RsaPrivateNumbers {
    /// First prime `p`.
    pub p: Vec<u8>,
    /// Second prime `q`.
    pub q: Vec<u8>,
    /// Private exponent `d`.
    pub d: Vec<u8>,
    /// `d mod (p - 1)`.
    pub dmp1: Vec<u8>,
    /// `d mod (q - 1)`.
    pub dmq1: Vec<u8>,
    /// `q^-1 mod p`.
    pub iqmp: Vec<u8>,
    /// The public numbers.
    pub public_numbers: RsaPublicNumbers,
}

impl RsaPrivateNumbers {
    /// The RFC 3447 checks (pyca/cryptography's, plus CRT consistency):
    /// every value below the modulus, `1 < d`, `dmp1` and `dmq1` odd, `p * q = n`,
    /// `dmp1 = d mod (p-1)`, `dmq1 = d mod (q-1)`, `iqmp * q = 1 mod p`, and the public checks.
    /// Whether `d` inverts `e` is the backend's check when it loads the key.
    ///
    /// The secret values are read at the modulus's width and compared in constant time: the work
    /// depends on the lengths of the fields, not on their values. It grows with the square of the
    /// modulus size; the loaders refuse moduli they do not support before calling this.
    pub fn check(&self) -> Result<()> {
        self.public_numbers.check()?;
        let n_bytes = trimmed(&self.public_numbers.n);
        let n = int(n_bytes);
        let width = n_bytes.len();
        let precision = n.bits_precision();
        // A field longer than the modulus, or not below it, fails its rule before any arithmetic.
        let secret = |value: &[u8], rule: &'static str| -> Result<Zeroizing<BoxedUint>> {
            let x = secret_int(value, width, precision).ok_or(Error::InvalidArgument(rule))?;
            if x.ct_lt(&n).to_bool() {
                Ok(x)
            } else {
                Err(Error::InvalidArgument(rule))
            }
        };
        let p = secret(&self.p, "p must be < modulus")?;
        let q = secret(&self.q, "q must be < modulus")?;
        let d = secret(&self.d, "private_exponent must be < modulus")?;
        let dmp1 = secret(&self.dmp1, "dmp1 must be < modulus")?;
        let dmq1 = secret(&self.dmq1, "dmq1 must be < modulus")?;
        let iqmp = secret(&self.iqmp, "iqmp must be < modulus")?;
        if !d.ct_gt(&BoxedUint::one()).to_bool() {
            return Err(Error::InvalidArgument("private_exponent must be > 1"));
        }
        if !dmp1.is_odd().to_bool() {
            return Err(Error::InvalidArgument("dmp1 must be odd"));
        }
        if !dmq1.is_odd().to_bool() {
            return Err(Error::InvalidArgument("dmq1 must be odd"));
        }
        if !Zeroizing::new(p.concatenating_mul(&*q)).ct_eq(&n).to_bool() {
            return Err(Error::InvalidArgument("p*q must equal modulus"));
        }
        // p * q = n with both below n: both exceed 1, so p - 1 and q - 1 are non-zero.
        if !rem(&d, &*minus_one(&p)?).ct_eq(&*dmp1).to_bool() {
            return Err(Error::InvalidArgument("dmp1 must equal d mod (p-1)"));
        }
        if !rem(&d, &*minus_one(&q)?).ct_eq(&*dmq1).to_bool() {
            return Err(Error::InvalidArgument("dmq1 must equal d mod (q-1)"));
        }
        if !rsa_crt_iqmp_int(&p, &q)?.ct_eq(&*iqmp).to_bool() {
            return Err(Error::InvalidArgument("iqmp must equal q^-1 mod p"));
        }
        Ok(())
    }
}

/// Equality in constant time over the secret fields: every byte of `p`, `q`, `d`, `dmp1`, `dmq1`
/// and `iqmp` is compared, whatever the first difference, and the results are combined without
/// branching. Only the fields' lengths (public: they are the lengths of the vectors) and the
/// public numbers are compared in variable time. The comparison is of the byte strings, as for
/// [`RsaPublicNumbers`]: a leading zero byte makes two fields differ.
impl PartialEq for RsaPrivateNumbers {
    fn eq(&self, other: &Self) -> bool {
        let secrets = [
            (&self.p, &other.p),
            (&self.q, &other.q),
            (&self.d, &other.d),
            (&self.dmp1, &other.dmp1),
            (&self.dmq1, &other.dmq1),
            (&self.iqmp, &other.iqmp),
        ];
        let same_secrets = secrets
            .iter()
            .fold(subtle::Choice::from(1), |same, (a, b)| {
                same & subtle::ConstantTimeEq::ct_eq(a.as_slice(), b.as_slice())
            });
        bool::from(same_secrets) & (self.public_numbers == other.public_numbers)
    }
}

impl Eq for RsaPrivateNumbers {}

impl Drop for RsaPrivateNumbers {
    fn drop(&mut self) {
        self.p.zeroize();
        self.q.zeroize();
        self.d.zeroize();
        self.dmp1.zeroize();
        self.dmq1.zeroize();
        self.iqmp.zeroize();
    }
}

impl fmt::Debug for RsaPrivateNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaPrivateNumbers")
            .field("public_numbers", &self.public_numbers)
            .finish_non_exhaustive()
    }
}

/// The largest integer, in bits, the helpers of this module accept, and the largest modulus the
/// RustCrypto provider loads or generates: a bound on the work untrusted numbers can cause,
/// checked before any arithmetic.
pub(crate) const MAX_MODULUS_BITS: usize = 16384;

/// The error of a helper given an integer wider than [`MAX_MODULUS_BITS`].
const TOO_LARGE: Error = Error::unsupported(
    Reason::PublicKeyAlgorithm,
    "RSA integer of more than 16384 bits",
);

/// `bytes` when its magnitude has at most [`MAX_MODULUS_BITS`] bits, else [`TOO_LARGE`]. Linear in
/// the length, before any arithmetic.
fn bounded(bytes: &[u8]) -> Result<&[u8]> {
    if bit_length(bytes) <= MAX_MODULUS_BITS {
        Ok(bytes)
    } else {
        Err(TOO_LARGE)
    }
}

/// `q^-1 mod p` (the CRT coefficient), big-endian. [`Error::InvalidArgument`] when `p` is even or
/// `q` has no inverse modulo `p`; [`Error::Unsupported`] when either has more than 16384 bits.
pub fn rsa_crt_iqmp(p: &[u8], q: &[u8]) -> Result<Vec<u8>> {
    let (p, q) = (trimmed(bounded(p)?), trimmed(bounded(q)?));
    let precision = precision_of(p.len().max(q.len()));
    let (p, q) = (secret_int_at(p, precision)?, secret_int_at(q, precision)?);
    Ok(bytes(&*rsa_crt_iqmp_int(&p, &q)?))
}

/// `d mod (p - 1)`, big-endian. [`Error::InvalidArgument`] when `p < 2`; [`Error::Unsupported`]
/// when either has more than 16384 bits.
pub fn rsa_crt_dmp1(private_exponent: &[u8], p: &[u8]) -> Result<Vec<u8>> {
    crt_exponent(private_exponent, p)
}

/// `d mod (q - 1)`, big-endian. [`Error::InvalidArgument`] when `q < 2`; [`Error::Unsupported`]
/// when either has more than 16384 bits.
pub fn rsa_crt_dmq1(private_exponent: &[u8], q: &[u8]) -> Result<Vec<u8>> {
    crt_exponent(private_exponent, q)
}

/// `d mod (prime - 1)`, in constant time with respect to the values (the work depends on the
/// inputs' lengths).
fn crt_exponent(d: &[u8], prime: &[u8]) -> Result<Vec<u8>> {
    let (d, prime) = (trimmed(bounded(d)?), trimmed(bounded(prime)?));
    let precision = precision_of(d.len().max(prime.len()));
    let (d, prime) = (
        secret_int_at(d, precision)?,
        secret_int_at(prime, precision)?,
    );
    Ok(bytes(&rem(&d, &*minus_one(&prime)?)))
}

/// Attempts before [`rsa_recover_prime_factors`] gives up (pyca/cryptography's bound).
const MAX_RECOVERY_ATTEMPTS: u32 = 500;

/// Recovers `(p, q)`, `p > q`, from `n`, `e` and `d`, with pyca/cryptography's algorithm (a
/// probabilistic factoring of `n` given `d * e - 1`, a multiple of the Carmichael function; the
/// bases tried are 2, 4, 6, ... so the result is deterministic). Variable time: meant for importing
/// keys, not for a hot path. [`Error::InvalidArgument`] when the numbers do not factor, or when `e`
/// or `d` is longer than `n`; [`Error::Unsupported`] when `n` has more than 16384 bits (checked
/// first: the work grows with the cube of the size).
pub fn rsa_recover_prime_factors(n: &[u8], e: &[u8], d: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    const FAILED: Error =
        Error::InvalidArgument("unable to compute factors p and q from exponent d");
    let n = trimmed(bounded(n)?);
    if trimmed(e).len() > n.len() {
        return Err(Error::InvalidArgument("public_exponent must be < modulus"));
    }
    if trimmed(d).len() > n.len() {
        return Err(Error::InvalidArgument("private_exponent must be < modulus"));
    }
    let n = int(n);
    let Some(n_odd) = Odd::new(n.clone()).into_option() else {
        return Err(Error::InvalidArgument("modulus must be odd"));
    };
    if n.bit_width_vartime() < 2 {
        return Err(Error::InvalidArgument("modulus must be >= 3"));
    }
    let one = BoxedUint::one();
    let ktot = Zeroizing::new(int(d).concatenating_mul(&int(e)));
    if *ktot <= one {
        return Err(FAILED);
    }
    let ktot = Zeroizing::new(ktot.wrapping_sub(&one));
    // t = ktot with its factors of two removed.
    let twos = ktot.trailing_zeros_vartime();
    let t = Zeroizing::new(ktot.wrapping_shr_vartime(twos));
    let precision = n.bits_precision();
    let params = BoxedMontyParams::new_vartime(n_odd);
    let n_minus_one = n.wrapping_sub(&one);
    let mut a = 2u32;
    while a < MAX_RECOVERY_ATTEMPTS {
        // a < 500 < n (n has at least 512 bits here, or the base is reduced below n).
        let Some(base) = rem_public(&BoxedUint::from(a), &n).try_resize(precision) else {
            return Err(FAILED);
        };
        let base = BoxedMontyForm::new(base, &params);
        let mut cand = base.pow_bounded_exp(&t, t.bit_width_vartime());
        // Square up from a^t to a^(ktot / 2): a non-trivial square root of 1 splits n.
        for _ in 0..twos {
            let value = cand.retrieve();
            let squared = cand.square();
            if value != one && value != n_minus_one && squared.retrieve() == one {
                let p = value.wrapping_add(&one).gcd(&n);
                if p == one || p == n {
                    break;
                }
                let Some(p_nz) = NonZero::new(p.clone()).into_option() else {
                    break;
                };
                let (q, r) = n.div_rem_vartime(&p_nz);
                if !bool::from(r.is_zero()) {
                    break;
                }
                let (p, q) = if p > q { (p, q) } else { (q, p) };
                return Ok((bytes(&p), bytes(&q)));
            }
            cand = squared;
        }
        a += 2;
    }
    Err(FAILED)
}

/// `q^-1 mod p`, constant time with respect to the values.
fn rsa_crt_iqmp_int(p: &BoxedUint, q: &BoxedUint) -> Result<Zeroizing<BoxedUint>> {
    const NO_INVERSE: Error = Error::InvalidArgument("q has no inverse modulo p");
    let p = Zeroizing::new(
        Odd::new(p.clone())
            .into_option()
            .ok_or(Error::InvalidArgument("p must be odd"))?,
    );
    if p.is_one().to_bool() {
        return Err(NO_INVERSE);
    }
    let q = Zeroizing::new(q.rem(p.as_nz_ref()));
    q.invert_odd_mod(&p)
        .into_option()
        .map(Zeroizing::new)
        .ok_or(NO_INVERSE)
}

/// `x - 1`, non-zero: [`Error::InvalidArgument`] when `x < 2`.
fn minus_one(x: &BoxedUint) -> Result<Zeroizing<NonZero<BoxedUint>>> {
    const TOO_SMALL: Error = Error::InvalidArgument("a prime must be >= 2");
    if x.is_zero().to_bool() {
        return Err(TOO_SMALL);
    }
    NonZero::new(x.wrapping_sub(BoxedUint::one()))
        .into_option()
        .map(Zeroizing::new)
        .ok_or(TOO_SMALL)
}

/// `x mod m` in constant time with respect to the values (at `m`'s width).
fn rem(x: &BoxedUint, m: &NonZero<BoxedUint>) -> Zeroizing<BoxedUint> {
    Zeroizing::new(x.rem(m))
}

/// `x mod m` for public values; `m` must be non-zero (callers check), else 0.
fn rem_public(x: &BoxedUint, m: &BoxedUint) -> BoxedUint {
    match NonZero::new(m.clone()).into_option() {
        Some(m) => x.rem_vartime(&m),
        None => BoxedUint::zero(),
    }
}

/// A public big-endian magnitude as an integer (empty is zero); its width follows its length.
pub(crate) fn int(bytes: &[u8]) -> BoxedUint {
    let bytes = trimmed(bytes);
    if bytes.is_empty() {
        BoxedUint::zero()
    } else {
        BoxedUint::from_be_slice_vartime(bytes)
    }
}

/// The storage width, in bits, of a `len`-byte magnitude.
fn precision_of(len: usize) -> u32 {
    // Callers bound `len` by MAX_MODULUS_BITS / 8 or by a modulus's length; at least one limb.
    u32::try_from(len.max(1).saturating_mul(8)).unwrap_or(u32::MAX)
}

/// A secret big-endian magnitude of at most `precision` bits as an integer of that width.
fn secret_int_at(bytes: &[u8], precision: u32) -> Result<Zeroizing<BoxedUint>> {
    BoxedUint::from_be_slice(bytes, precision)
        .map(Zeroizing::new)
        .map_err(|_| TOO_LARGE)
}

/// A secret big-endian magnitude as an integer of `precision` bits (the modulus's width), when it
/// fits in `width` bytes (the modulus's length); `None` when it is longer.
///
/// Constant time with respect to the value: leading zero bytes are not trimmed one by one; every
/// byte beyond `width` is read and OR-ed together, and the rest is loaded at the fixed width. The
/// work depends only on `bytes.len()`, `width` and `precision`, which are public.
pub(crate) fn secret_int(
    bytes: &[u8],
    width: usize,
    precision: u32,
) -> Option<Zeroizing<BoxedUint>> {
    let (excess, value) = bytes.split_at(bytes.len().saturating_sub(width));
    let excess = excess.iter().fold(0u8, |acc, b| acc | b);
    let excess_is_zero = subtle::ConstantTimeEq::ct_eq(&excess, &0u8);
    let x = Zeroizing::new(BoxedUint::from_be_slice(value, precision).ok()?);
    bool::from(excess_is_zero).then_some(x)
}

/// An integer as a big-endian magnitude without leading zeros.
pub(crate) fn bytes(x: &BoxedUint) -> Vec<u8> {
    // The full-width encoding of a secret (d, a prime) is zeroized once trimmed.
    let full = Zeroizing::new(x.to_be_bytes());
    trimmed(&full).into()
}

/// `bytes` without leading zeros.
pub(crate) fn trimmed(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Compares two public big-endian magnitudes.
fn cmp(a: &[u8], b: &[u8]) -> Ordering {
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
