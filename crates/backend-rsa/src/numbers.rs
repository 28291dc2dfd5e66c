//! `RsaPublicNumbers`, `RsaPrivateNumbers`, their RFC 3447 checks, and the CRT helpers.
//!
//! Integers are big-endian magnitudes (`Vec<u8>`); leading zero bytes are allowed on input and
//! stripped on output. The checks run on any backend's behalf, before a backend sees the numbers:
//! a failed check is an [`Error::InvalidArgument`] naming the rule (the seed system's
//! `ValueError` messages).

use crate::{Error, Result};
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{BoxedUint, ConcatenatingMul, Gcd, NonZero, Odd, Resize};
use zeroize::Zeroize;

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
/// (RFC 3447 §3.2), with the public numbers. Zeroized on drop; `Debug` prints no secret.
#[derive(Clone, PartialEq, Eq)]
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
    /// The RFC 3447 checks (the seed system's, plus CRT consistency):
    /// every value below the modulus, `1 < d`, `dmp1` and `dmq1` odd, `p * q = n`,
    /// `dmp1 = d mod (p-1)`, `dmq1 = d mod (q-1)`, `iqmp * q = 1 mod p`, and the public checks.
    /// Whether `d` inverts `e` is the backend's check when it loads the key.
    pub fn check(&self) -> Result<()> {
        self.public_numbers.check()?;
        let n = trimmed(&self.public_numbers.n);
        let below_n = [
            (&self.p, "p must be < modulus"),
            (&self.q, "q must be < modulus"),
            (&self.d, "private_exponent must be < modulus"),
            (&self.dmp1, "dmp1 must be < modulus"),
            (&self.dmq1, "dmq1 must be < modulus"),
            (&self.iqmp, "iqmp must be < modulus"),
        ];
        for (value, rule) in below_n {
            if cmp(value, n) != Ordering::Less {
                return Err(Error::InvalidArgument(rule));
            }
        }
        if cmp(&self.d, &[1]) != Ordering::Greater {
            return Err(Error::InvalidArgument("private_exponent must be > 1"));
        }
        if !is_odd(&self.dmp1) {
            return Err(Error::InvalidArgument("dmp1 must be odd"));
        }
        if !is_odd(&self.dmq1) {
            return Err(Error::InvalidArgument("dmq1 must be odd"));
        }
        let (p, q) = (int(&self.p), int(&self.q));
        if !same(&p.concatenating_mul(&q), n) {
            return Err(Error::InvalidArgument("p*q must equal modulus"));
        }
        // p * q = n with both below n: both exceed 1, so p - 1 and q - 1 are non-zero.
        if !same(&rem(&int(&self.d), &minus_one(&p)?), &self.dmp1) {
            return Err(Error::InvalidArgument("dmp1 must equal d mod (p-1)"));
        }
        if !same(&rem(&int(&self.d), &minus_one(&q)?), &self.dmq1) {
            return Err(Error::InvalidArgument("dmq1 must equal d mod (q-1)"));
        }
        if !same(&rsa_crt_iqmp_int(&p, &q)?, &self.iqmp) {
            return Err(Error::InvalidArgument("iqmp must equal q^-1 mod p"));
        }
        Ok(())
    }
}

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

/// `q^-1 mod p` (the CRT coefficient), big-endian. [`Error::InvalidArgument`] when `p` is even or
/// `q` has no inverse modulo `p`.
pub fn rsa_crt_iqmp(p: &[u8], q: &[u8]) -> Result<Vec<u8>> {
    Ok(bytes(&rsa_crt_iqmp_int(&int(p), &int(q))?))
}

/// `d mod (p - 1)`, big-endian. [`Error::InvalidArgument`] when `p < 2`.
pub fn rsa_crt_dmp1(private_exponent: &[u8], p: &[u8]) -> Result<Vec<u8>> {
    Ok(bytes(&rem(&int(private_exponent), &minus_one(&int(p))?)))
}

/// `d mod (q - 1)`, big-endian. [`Error::InvalidArgument`] when `q < 2`.
pub fn rsa_crt_dmq1(private_exponent: &[u8], q: &[u8]) -> Result<Vec<u8>> {
    Ok(bytes(&rem(&int(private_exponent), &minus_one(&int(q))?)))
}

/// Attempts before [`rsa_recover_prime_factors`] gives up (the seed system's bound).
const MAX_RECOVERY_ATTEMPTS: u32 = 500;

/// Recovers `(p, q)`, `p > q`, from `n`, `e` and `d`, with the seed system's algorithm (a
/// probabilistic factoring of `n` given `d * e - 1`, a multiple of the Carmichael function; the
/// bases tried are 2, 4, 6, ... so the result is deterministic). Variable time: meant for importing
/// keys, not for a hot path. [`Error::InvalidArgument`] when the numbers do not factor.
pub fn rsa_recover_prime_factors(n: &[u8], e: &[u8], d: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    const FAILED: Error =
        Error::InvalidArgument("unable to compute factors p and q from exponent d");
    let n = int(n);
    let Some(n_odd) = Odd::new(n.clone()).into_option() else {
        return Err(Error::InvalidArgument("modulus must be odd"));
    };
    if n.bits_vartime() < 2 {
        return Err(Error::InvalidArgument("modulus must be >= 3"));
    }
    let one = BoxedUint::one();
    let ktot = int(d).concatenating_mul(&int(e));
    if ktot <= one {
        return Err(FAILED);
    }
    let ktot = ktot.wrapping_sub(&one);
    // t = ktot with its factors of two removed.
    let twos = ktot.trailing_zeros_vartime();
    let t = ktot.wrapping_shr_vartime(twos);
    let precision = n.bits_precision();
    let params = BoxedMontyParams::new_vartime(n_odd);
    let n_minus_one = n.wrapping_sub(&one);
    let mut a = 2u32;
    while a < MAX_RECOVERY_ATTEMPTS {
        let base = rem(&BoxedUint::from(a), &n);
        let base = BoxedMontyForm::new(base.resize(precision), &params);
        let mut cand = base.pow_bounded_exp(&t, t.bits_vartime());
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

fn rsa_crt_iqmp_int(p: &BoxedUint, q: &BoxedUint) -> Result<BoxedUint> {
    const NO_INVERSE: Error = Error::InvalidArgument("q has no inverse modulo p");
    let p = Odd::new(p.clone())
        .into_option()
        .ok_or(Error::InvalidArgument("p must be odd"))?;
    if p.as_ref() == &BoxedUint::one() {
        return Err(NO_INVERSE);
    }
    let q = rem(q, p.as_ref()).resize(p.bits_precision());
    q.invert_odd_mod(&p).into_option().ok_or(NO_INVERSE)
}

/// `x - 1`, non-zero: [`Error::InvalidArgument`] when `x < 2`.
fn minus_one(x: &BoxedUint) -> Result<BoxedUint> {
    let m = x.wrapping_sub(BoxedUint::one());
    if x.is_zero().into() || m.is_zero().into() {
        return Err(Error::InvalidArgument("a prime must be >= 2"));
    }
    Ok(m)
}

/// `x mod m`; `m` must be non-zero (callers check), else 0.
fn rem(x: &BoxedUint, m: &BoxedUint) -> BoxedUint {
    match NonZero::new(m.clone()).into_option() {
        Some(m) => x.rem_vartime(&m),
        None => BoxedUint::zero(),
    }
}

/// A big-endian magnitude as an integer (empty is zero).
pub(crate) fn int(bytes: &[u8]) -> BoxedUint {
    let bytes = trimmed(bytes);
    if bytes.is_empty() {
        BoxedUint::zero()
    } else {
        BoxedUint::from_be_slice_vartime(bytes)
    }
}

/// An integer as a big-endian magnitude without leading zeros.
pub(crate) fn bytes(x: &BoxedUint) -> Vec<u8> {
    // The full-width encoding of a secret (d, a prime) is zeroized once trimmed.
    let full = zeroize::Zeroizing::new(x.to_be_bytes());
    trimmed(&full).into()
}

/// True when the integer `x` equals the magnitude `y`.
fn same(x: &BoxedUint, y: &[u8]) -> bool {
    cmp(&x.to_be_bytes(), y) == Ordering::Equal
}

/// `bytes` without leading zeros.
pub(crate) fn trimmed(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Compares two big-endian magnitudes.
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
