//! [`DhBackend`] for [`RustCrypto`], beside its capability rows, [`CAPABILITIES`]: groups and
//! keys held in memory, arithmetic in `crypto-bigint`, safe primes and primality from
//! `crypto-primes`.
//!
//! The arithmetic is written here (no RustCrypto crate does DH), so each step says why:
//!
//! - A group's Montgomery parameters are computed once, when it is loaded or generated, and shared
//!   (behind an `Arc`) by the parameters object and every key made in it.
//! - The exponentiation with a private value is `crypto-bigint`'s constant-time windowed
//!   exponentiation, bounded by a *public* bit count: the group's private-value size for keys
//!   generated here, the byte length of `x` as given for loaded keys (the length of a vector is
//!   public, its value is not).
//! - Fixed-size `Uint<N>` arithmetic was measured against the boxed one for ffdhe2048 (a 225-bit
//!   exponent: 620 µs fixed, 550 µs boxed with `crypto-bigint` 0.7.11's almost-Montgomery
//!   multiplication): it does not pay, so every size uses `BoxedUint` (a hand-written CIOS
//!   multiplication measured the same as `crypto-bigint`'s, so none is written here).
//! - A peer's value in a named safe-prime group (q = (p - 1) / 2, p prime) is checked with the
//!   Jacobi symbol: by Euler's criterion `y^q = 1 mod p` exactly when `y` is a quadratic
//!   residue, and for a prime `p` the Jacobi symbol is the Legendre symbol. The binary algorithm
//!   here (`jacobi_vartime`) costs about a tenth of the exchange's exponentiation (a
//!   fiftieth of `y^q` with a 2047-bit `q`) and is variable time in public values only.

use crate::groups::{self, NamedGroup};
use crate::numbers::{MAX_MODULUS_BITS, MIN_MODULUS_BITS, trimmed};
use crate::{
    DhBackend, DhParameterNumbers, DhParameters, DhPrivateKey, DhPrivateNumbers, DhPublicKey,
    DhPublicNumbers, Error, RandomSource, Reason, Result, RustCrypto, dh_keys_query,
    dh_parameter_generation_query,
};
use alloc::boxed::Box;
use alloc::sync::Arc;
use alloc::vec;
use alloc::vec::Vec;
use backend_core::capability::{Algorithm, Capability, Sizes, supports};
use backend_core::rng::RecordingRng;
use core::fmt;
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{BoxedUint, CtGt, CtLt, NonZero, Odd, Resize};
use crypto_primes::{Flavor, is_prime, random_prime};
use zeroize::Zeroizing;

/// Moduli the provider generates, in bits: pyca/cryptography's minimum to 8192 (above it a
/// safe-prime search runs for hours).
const GENERATED: Sizes = Sizes::range(MIN_MODULUS_BITS as u32, 8192, 1);
/// Moduli the provider loads and exchanges in, in bits (OpenSSL's limits).
const LOADED: Sizes = Sizes::range(MIN_MODULUS_BITS as u32, MAX_MODULUS_BITS as u32, 1);

/// The rows of [`RustCrypto`]: parameter generation with generator 2 or 5 (safe primes, OpenSSL's
/// congruences) from 512 to 8192 bits, and groups and keys loaded from 512 to 10000 bits.
pub const CAPABILITIES: &[Capability] = &[
    Capability::new(Algorithm::DhParameterGeneration { generator: 2 }).key_bits(GENERATED),
    Capability::new(Algorithm::DhParameterGeneration { generator: 5 }).key_bits(GENERATED),
    Capability::new(Algorithm::DhKeys).key_bits(LOADED),
];

/// The error of every exchange with a peer key this key refuses: the peer learns nothing of which
/// check failed beyond what its own numbers tell it.
const BAD_PEER: Error = Error::InvalidKey("peer public key is not valid for this group");

impl DhBackend for RustCrypto {
    fn dh_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    /// True: RustCrypto's DH keys and parameters export their numbers, which
    /// `backend-serialization` writes (and reads) as X9.42 PEM / DER (`X9.42 DH PARAMETERS`,
    /// `dhpublicnumber` keys), checked against the `openssl` command.
    fn dh_x942_serialization_supported(&self) -> bool {
        true
    }

    fn generate_dh_parameters_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        generator: u64,
        key_size: usize,
    ) -> Result<Box<dyn DhParameters>> {
        Ok(Box::new(RustCryptoDhParameters::generate_with_rng(
            rng, generator, key_size,
        )?))
    }

    fn load_dh_private_numbers(&self, numbers: &DhPrivateNumbers) -> Result<Box<dyn DhPrivateKey>> {
        Ok(Box::new(RustCryptoDhPrivateKey::from_numbers(numbers)?))
    }

    fn load_dh_public_numbers(&self, numbers: &DhPublicNumbers) -> Result<Box<dyn DhPublicKey>> {
        Ok(Box::new(RustCryptoDhPublicKey::from_numbers(numbers)?))
    }

    fn load_dh_parameter_numbers(
        &self,
        numbers: &DhParameterNumbers,
    ) -> Result<Box<dyn DhParameters>> {
        Ok(Box::new(RustCryptoDhParameters::from_numbers(numbers)?))
    }
}

/// How a peer's value is checked to lie in the subgroup.
#[derive(Clone)]
enum Subgroup {
    /// `y^q = 1 mod p` with this explicit `q` (X9.42, RFC 5114).
    Order(BoxedUint),
    /// A named safe-prime group: the Jacobi symbol of `y` modulo `p` is 1.
    QuadraticResidues,
    /// No `q` known: only the range of `y` is checked (OpenSSL does the same).
    Unknown,
}

/// A loaded or generated group, its Montgomery parameters cached: shared by the parameters
/// object and every key in it.
struct Group {
    /// The numbers as given (trimmed), returned by `parameter_numbers`.
    numbers: DhParameterNumbers,
    /// The cached Montgomery parameters of `p` (`p` itself is their modulus).
    monty: BoxedMontyParams,
    /// `p - 1`.
    p_minus_one: BoxedUint,
    /// `g`, at `p`'s precision.
    g: BoxedUint,
    /// The byte length of `p`: the length of every shared secret.
    p_len: usize,
    /// How a peer's `y` is checked.
    subgroup: Subgroup,
    /// The bit length of the private values generated in this group.
    private_bits: u32,
    /// An upper bound (exclusive) on generated private values when `q` is known: `x < q`.
    private_below: Option<BoxedUint>,
}

impl Group {
    fn precision(&self) -> u32 {
        self.monty.bits_precision()
    }

    fn p(&self) -> &BoxedUint {
        self.monty.modulus().as_ref()
    }

    fn key_size(&self) -> usize {
        self.numbers.key_size()
    }

    /// A public big-endian value at `p`'s precision; `None` when it is longer than `p`.
    fn public_int(&self, bytes: &[u8]) -> Option<BoxedUint> {
        let bytes = trimmed(bytes);
        if bytes.len() > self.p_len {
            return None;
        }
        BoxedUint::from_be_slice(bytes, self.precision()).ok()
    }

    /// `base^exponent mod p` for public values (variable time).
    fn pow_public(&self, base: &BoxedUint, exponent: &BoxedUint) -> BoxedUint {
        BoxedMontyForm::new(base.clone(), &self.monty)
            .pow_bounded_exp(exponent, exponent.bit_width())
            .retrieve()
    }

    /// `base^x mod p` in constant time for a secret `x` of at most `x_bits` bits (`x_bits` is
    /// public), zeroized.
    fn pow_secret(&self, base: &BoxedUint, x: &BoxedUint, x_bits: u32) -> Zeroizing<BoxedUint> {
        let mut form = BoxedMontyForm::new(base.clone(), &self.monty).pow_bounded_exp(x, x_bits);
        let result = Zeroizing::new(form.retrieve());
        zeroize::Zeroize::zeroize(&mut form);
        result
    }

    /// The peer checks of an exchange (pyca/cryptography 48 on OpenSSL 3): `2 <= y <= p - 2`,
    /// then the subgroup. Public values only, so variable time.
    fn check_peer(&self, y: &[u8]) -> Result<BoxedUint> {
        let y = self.public_int(y).ok_or(BAD_PEER)?;
        if y <= BoxedUint::one() || y >= self.p_minus_one {
            return Err(BAD_PEER);
        }
        let in_subgroup = match &self.subgroup {
            Subgroup::Order(q) => bool::from(self.pow_public(&y, q).is_one()),
            Subgroup::QuadraticResidues => jacobi_is_one(&y, self.p()),
            Subgroup::Unknown => true,
        };
        if in_subgroup { Ok(y) } else { Err(BAD_PEER) }
    }
}

/// Whether the Jacobi symbol `(y / p)` is 1, for an odd `p` and `0 < y < p` (public values).
fn jacobi_is_one(y: &BoxedUint, p: &BoxedUint) -> bool {
    jacobi_vartime(y.as_words(), p.as_words()) == 1
}

/// The Jacobi symbol `(a / n)` for an odd `n`, by the binary algorithm on 64-bit words (the
/// peer check of every exchange in a named safe-prime group; variable time, public values only).
///
/// Written here because `crypto-bigint` 0.7.11's `jacobi_symbol_vartime` took as long as the
/// exchange's exponentiation (about 0.5 ms at 2048 bits); this one is a few subtractions and
/// shifts per bit. The rules: `(a / n) = ((a - n) / n)`; `(2 / n) = -1` exactly when
/// `n = 3, 5 mod 8`; for odd `a < n`, `(a / n) = (n / a)` unless `a = n = 3 mod 4`, when the sign
/// flips (quadratic reciprocity); `(0 / n)` is 1 for `n = 1`, else 0. Checked against
/// `crypto-bigint`'s symbol and Euler's criterion by the tests below.
fn jacobi_vartime(a: &[crypto_bigint::Word], n: &[crypto_bigint::Word]) -> i8 {
    let mut a: Vec<u64> = words_u64(a);
    let mut n: Vec<u64> = words_u64(n);
    if n.first().is_none_or(|w| w & 1 == 0) {
        return 0;
    }
    let mut sign: i8 = 1;
    loop {
        trim_words(&mut a);
        trim_words(&mut n);
        let Some(&low) = a.first() else {
            return if n.as_slice() == [1] { sign } else { 0 };
        };
        let n_low = n.first().copied().unwrap_or(0);
        // Factors of two: each flips the sign when n = 3, 5 mod 8.
        let zeros = if low == 0 {
            let limbs = a.iter().take_while(|w| **w == 0).count();
            let bits = a.get(limbs).map_or(0, |w| w.trailing_zeros());
            limbs * 64 + bits as usize
        } else {
            low.trailing_zeros() as usize
        };
        if zeros > 0 {
            shift_right(&mut a, zeros);
            if zeros % 2 == 1 && matches!(n_low & 7, 3 | 5) {
                sign = -sign;
            }
            continue;
        }
        // Both odd: keep a >= n, swapping by reciprocity.
        if less_than(&a, &n) {
            if low & 3 == 3 && n_low & 3 == 3 {
                sign = -sign;
            }
            core::mem::swap(&mut a, &mut n);
        }
        subtract_in_place(&mut a, &n);
    }
}

/// Words as 64-bit words (a 32-bit target's words are paired).
fn words_u64(words: &[crypto_bigint::Word]) -> Vec<u64> {
    #[cfg(target_pointer_width = "64")]
    {
        words.to_vec()
    }
    #[cfg(not(target_pointer_width = "64"))]
    {
        words
            .chunks(2)
            .map(|pair| {
                let low = u64::from(pair.first().copied().unwrap_or(0));
                let high = u64::from(pair.get(1).copied().unwrap_or(0));
                low | (high << 32)
            })
            .collect()
    }
}

/// Drops high zero words.
fn trim_words(x: &mut Vec<u64>) {
    while x.last() == Some(&0) {
        x.pop();
    }
}

/// `x >>= shift` in place (`x` trimmed; the result may have a high zero word).
fn shift_right(x: &mut Vec<u64>, shift: usize) {
    let (limbs, bits) = (shift / 64, (shift % 64) as u32);
    if limbs >= x.len() {
        x.clear();
        return;
    }
    x.drain(..limbs);
    if bits > 0 {
        let len = x.len();
        for i in 0..len {
            let high = x.get(i + 1).map_or(0, |w| w << (64 - bits));
            if let Some(w) = x.get_mut(i) {
                *w = (*w >> bits) | high;
            }
        }
    }
}

/// `a < b` for trimmed words.
fn less_than(a: &[u64], b: &[u64]) -> bool {
    if a.len() != b.len() {
        return a.len() < b.len();
    }
    a.iter().rev().lt(b.iter().rev())
}

/// `a -= b` for `a >= b`.
fn subtract_in_place(a: &mut [u64], b: &[u64]) {
    let mut borrow = false;
    for (i, w) in a.iter_mut().enumerate() {
        let (d, b1) = w.overflowing_sub(b.get(i).copied().unwrap_or(0));
        let (d, b2) = d.overflowing_sub(u64::from(borrow));
        *w = d;
        borrow = b1 || b2;
    }
}

/// The checks of loading parameters, cheapest first (see
/// [`DhBackend::load_dh_parameter_numbers`]), and the group they describe.
fn load_group(numbers: &DhParameterNumbers) -> Result<Arc<Group>> {
    let numbers = DhParameterNumbers::new(&numbers.p, &numbers.g, numbers.q.as_deref());
    numbers.check()?;
    if !supports(CAPABILITIES, &dh_keys_query(numbers.key_size())) {
        return Err(Error::unsupported(
            Reason::DiffieHellman,
            "DH modulus of more than 10000 bits",
        ));
    }
    let (p_bytes, g_bytes) = (numbers.p.as_slice(), numbers.g.as_slice());
    if g_bytes.len() > p_bytes.len() {
        return Err(Error::InvalidArgument("DH generator must be < p - 1"));
    }
    if let Some(q) = &numbers.q {
        if q.len() > p_bytes.len() {
            return Err(Error::InvalidArgument("q must be < p"));
        }
    }
    if p_bytes.last().is_none_or(|b| b & 1 == 0) {
        return Err(Error::InvalidArgument("p must be odd"));
    }
    let precision = precision_of(p_bytes.len());
    let int = |bytes: &[u8]| {
        BoxedUint::from_be_slice(bytes, precision)
            .map_err(|_| Error::InvalidArgument("DH numbers must be < p"))
    };
    let p = int(p_bytes)?;
    let g = int(g_bytes)?;
    let p_minus_one = p.wrapping_sub(BoxedUint::one());
    if g <= BoxedUint::one() || g >= p_minus_one {
        return Err(Error::InvalidArgument("DH generator must be in 2..p-1"));
    }
    let p_odd = Odd::new(p.clone())
        .into_option()
        .ok_or(Error::InvalidArgument("p must be odd"))?;
    let monty = BoxedMontyParams::new_vartime(p_odd);
    let q = numbers.q.as_deref().map(int).transpose()?;
    let named =
        groups::find(p_bytes, g_bytes).filter(|group| named_q_matches(group, &p, q.as_ref()));
    // A recognised RFC 5114 group given without its q gets it back: q is implied by the group.
    let q = match (named.and_then(|group| group.q), q) {
        (Some(hex), None) => Some(int(trimmed(&groups::decode(hex)))?),
        (_, q) => q,
    };
    let (subgroup, private_bits, private_below) = match (named, &q) {
        (Some(group), _) if group.q.is_none() => {
            (Subgroup::QuadraticResidues, group.private_bits, None)
        }
        (_, Some(q)) => {
            if named.is_none() {
                check_order(&p, &g, q, &monty)?;
            }
            (Subgroup::Order(q.clone()), q.bit_width(), Some(q.clone()))
        }
        (_, None) => {
            if !is_prime(Flavor::Safe, &p) {
                return Err(Error::InvalidArgument(
                    "p must be a safe prime when q is not given",
                ));
            }
            (Subgroup::Unknown, p.bit_width() - 1, None)
        }
    };
    Ok(Arc::new(Group {
        p_len: p_bytes.len(),
        numbers,
        monty,
        p_minus_one,
        g,
        subgroup,
        private_bits,
        private_below,
    }))
}

/// Whether the `q` given with a recognised group's `p` and `g` is the group's own: the RFC 5114
/// `q`, or `(p - 1) / 2` for a safe-prime group, or none given.
fn named_q_matches(group: &NamedGroup, p: &BoxedUint, q: Option<&BoxedUint>) -> bool {
    match (q, group.q) {
        (None, _) => true,
        (Some(q), Some(hex)) => trimmed(&groups::decode(hex)) == trimmed(&q.to_be_bytes()),
        (Some(q), None) => *q == p.wrapping_sub(BoxedUint::one()).wrapping_shr_vartime(1),
    }
}

/// The X9.42 checks of `q` (OpenSSL's `DH_check` with `q`): `q < p`, `q | p - 1`, `g^q = 1`,
/// `q` prime, `p` prime. The cheap ones first.
fn check_order(
    p: &BoxedUint,
    g: &BoxedUint,
    q: &BoxedUint,
    monty: &BoxedMontyParams,
) -> Result<()> {
    if q >= p || q <= &BoxedUint::one() {
        return Err(Error::InvalidArgument("q must be in 2..p"));
    }
    let q_nz = NonZero::new(q.clone())
        .into_option()
        .ok_or(Error::InvalidArgument("q must be in 2..p"))?;
    if !bool::from(p.rem_vartime(&q_nz).is_one()) {
        return Err(Error::InvalidArgument("q must divide p - 1"));
    }
    let g_q = BoxedMontyForm::new(g.clone(), monty)
        .pow_bounded_exp(q, q.bit_width())
        .retrieve();
    if !bool::from(g_q.is_one()) {
        return Err(Error::InvalidArgument("g^q mod p must be 1"));
    }
    let q_trimmed = q.resize_unchecked(q.bit_width().max(64).next_multiple_of(64));
    if !is_prime(Flavor::Any, &q_trimmed) {
        return Err(Error::InvalidArgument("q must be prime"));
    }
    if !is_prime(Flavor::Any, p) {
        return Err(Error::InvalidArgument("p must be prime"));
    }
    Ok(())
}

/// The storage width, in bits, of a `len`-byte magnitude (at least one 64-bit word).
fn precision_of(len: usize) -> u32 {
    // Callers bound `len` by MAX_MODULUS_BITS / 8 first.
    u32::try_from(len.max(8).next_multiple_of(8).saturating_mul(8)).unwrap_or(u32::MAX)
}

/// Refuses generation parameters the rows do not offer, with pyca/cryptography's `ValueError`s.
fn check_generation(generator: u64, key_size: usize) -> Result<()> {
    if supports(
        CAPABILITIES,
        &dh_parameter_generation_query(generator, key_size),
    ) {
        return Ok(());
    }
    let generator_offered = CAPABILITIES
        .iter()
        .any(|row| row.algorithm == Algorithm::DhParameterGeneration { generator });
    Err(Error::InvalidArgument(if !generator_offered {
        "DH generator must be 2 or 5"
    } else if key_size < MIN_MODULUS_BITS {
        "DH key_size must be at least 512 bits"
    } else {
        "DH key_size must be at most 8192 bits"
    }))
}

/// DH parameters held in memory, with their Montgomery parameters cached.
#[derive(Clone)]
pub struct RustCryptoDhParameters {
    group: Arc<Group>,
}

impl RustCryptoDhParameters {
    /// New parameters ([`DhBackend::generate_dh_parameters_with_rng`] without the box): a safe
    /// prime `p` of exactly `key_size` bits with OpenSSL's congruence for the generator
    /// (`p = 23 mod 24` for 2, `p = 59 mod 60` for 5, so that `g` generates the subgroup of order
    /// `(p - 1) / 2`), and no `q` in the numbers, as OpenSSL and pyca/cryptography give them.
    /// A failing generator is [`backend_core::rng::RNG_FAILED`]; nothing made from its failed
    /// draws is returned.
    pub fn generate_with_rng(
        rng: &mut dyn RandomSource,
        generator: u64,
        key_size: usize,
    ) -> Result<Self> {
        check_generation(generator, key_size)?;
        let bits = crate::bits(key_size);
        let (modulus, residue) = if generator == 2 {
            (24u64, 23u64)
        } else {
            (60, 59)
        };
        let modulus_nz = NonZero::new(BoxedUint::from(modulus))
            .into_option()
            .ok_or(Error::InvalidArgument("DH generator must be 2 or 5"))?;
        let mut recording = RecordingRng::new(rng);
        // A working generator meets the congruence within a few primes (miss rate 1/2 or 2/3 a
        // prime: 64 misses in a row happen with probability below 10^-11); a generator stuck
        // at a constant gives the same prime every time, and is an error, not a hang.
        const MAX_PRIMES: u32 = 64;
        let mut primes = 0u32;
        let p = loop {
            primes += 1;
            if primes > MAX_PRIMES {
                recording.finish()?;
                return Err(Error::device(
                    "random number generator gave no usable DH parameters",
                ));
            }
            // crypto-primes draws candidates until one is a safe prime of exactly `bits` bits
            // (its top bit set); the congruence is then a 1-in-2 (g = 2) or 1-in-3 (g = 5) event.
            let p: BoxedUint = random_prime(&mut recording, Flavor::Safe, bits);
            let rem = p.rem_vartime(&modulus_nz);
            // A word is u32 on 32-bit targets: the conversion is not useless there.
            #[allow(clippy::useless_conversion)]
            let low = rem.as_words().first().map(|w| u64::from(*w));
            if low == Some(residue) {
                break p;
            }
        };
        recording.finish()?;
        let numbers = DhParameterNumbers::with_generator(&p.to_be_bytes(), generator, None);
        let p_bytes = numbers.p.clone();
        let precision = precision_of(p_bytes.len());
        let p = BoxedUint::from_be_slice(&p_bytes, precision)
            .map_err(|_| Error::device("DH parameter generation failed"))?;
        let p_odd = Odd::new(p.clone())
            .into_option()
            .ok_or(Error::device("DH parameter generation failed"))?;
        let group = Group {
            p_len: p_bytes.len(),
            monty: BoxedMontyParams::new_vartime(p_odd),
            p_minus_one: p.wrapping_sub(BoxedUint::one()),
            g: BoxedUint::from(generator).resize_unchecked(precision),
            subgroup: Subgroup::Unknown,
            private_bits: p.bit_width() - 1,
            private_below: None,
            numbers,
        };
        Ok(RustCryptoDhParameters {
            group: Arc::new(group),
        })
    }

    /// Parameters from their numbers ([`DhBackend::load_dh_parameter_numbers`] without the box).
    pub fn from_numbers(numbers: &DhParameterNumbers) -> Result<Self> {
        Ok(RustCryptoDhParameters {
            group: load_group(numbers)?,
        })
    }

    /// A new private key in this group ([`DhParameters::generate_private_key_with_rng`] without
    /// the box).
    pub fn generate_private_key_unboxed(
        &self,
        rng: &mut dyn RandomSource,
    ) -> Result<RustCryptoDhPrivateKey> {
        RustCryptoDhPrivateKey::generate(self.group.clone(), rng)
    }
}

impl DhParameters for RustCryptoDhParameters {
    fn key_size(&self) -> usize {
        self.group.key_size()
    }

    fn parameter_numbers(&self) -> Result<DhParameterNumbers> {
        Ok(self.group.numbers.clone())
    }

    fn generate_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
    ) -> Result<Box<dyn DhPrivateKey>> {
        Ok(Box::new(self.generate_private_key_unboxed(rng)?))
    }
}

impl fmt::Debug for RustCryptoDhParameters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RustCryptoDhParameters")
            .field(&self.group.numbers)
            .finish()
    }
}

/// A DH private key held in memory: `x` zeroized on drop, exchanges in constant time with respect
/// to it.
pub struct RustCryptoDhPrivateKey {
    group: Arc<Group>,
    /// The private value at `p`'s precision.
    x: Zeroizing<BoxedUint>,
    /// A public bound on `x`'s bit length (see the module docs).
    x_bits: u32,
    /// The public value, big-endian.
    y: Vec<u8>,
}

impl RustCryptoDhPrivateKey {
    fn generate(group: Arc<Group>, rng: &mut dyn RandomSource) -> Result<Self> {
        let bits = group.private_bits;
        let precision = group.precision();
        let len = usize::try_from(bits.div_ceil(8)).unwrap_or(usize::MAX);
        let excess = u32::try_from(len)
            .unwrap_or(u32::MAX)
            .saturating_mul(8)
            .saturating_sub(bits);
        let mut buf = Zeroizing::new(vec![0u8; len]);
        let two = BoxedUint::from(2u64).resize_unchecked(precision);
        // Rejection sampling: `bits` uniform bits until the value is in [2, bound). Each draw is
        // accepted with probability at least 1/4 (the bound is q, of exactly `bits` bits, or
        // 2^bits; the smallest q a group can load is 3), so a working generator ends the loop at
        // once; one stuck at a constant (all zeros) is an error after `MAX_DRAWS`, not a hang.
        // The rejections reveal nothing about the accepted value.
        const MAX_DRAWS: u32 = 128;
        let mut draws = 0u32;
        let x = loop {
            draws += 1;
            if draws > MAX_DRAWS {
                return Err(Error::device(
                    "random number generator gave no usable DH private value",
                ));
            }
            rng.try_fill(&mut buf)?;
            if let Some(top) = buf.first_mut() {
                *top &= 0xffu8.checked_shr(excess).unwrap_or(0);
            }
            let x = Zeroizing::new(
                BoxedUint::from_be_slice(&buf, precision)
                    .map_err(|_| Error::device("DH key generation failed"))?,
            );
            let below = match &group.private_below {
                Some(bound) => x.ct_lt(bound),
                None => crypto_bigint::Choice::TRUE,
            };
            if (below & !x.ct_lt(&two)).to_bool() {
                break x;
            }
        };
        let y = group.pow_secret(&group.g, &x, bits);
        let y = public_bytes(&y, group.p_len);
        Ok(RustCryptoDhPrivateKey {
            group,
            x,
            x_bits: bits,
            y,
        })
    }

    /// A private key from its numbers ([`DhBackend::load_dh_private_numbers`] without the box):
    /// the group's checks, `0 < y < p`, and `0 < x < p - 1` compared in constant time.
    pub fn from_numbers(numbers: &DhPrivateNumbers) -> Result<Self> {
        let group = load_group(&numbers.public_numbers.parameter_numbers)?;
        let y = public_key_value(&group, &numbers.public_numbers.y)?;
        // The secret's bytes beyond p's length must be zero; read every one of them.
        let (excess, value) = numbers
            .x
            .split_at(numbers.x.len().saturating_sub(group.p_len));
        let excess_zero =
            subtle::ConstantTimeEq::ct_eq(&excess.iter().fold(0u8, |a, b| a | b), &0u8);
        let x = Zeroizing::new(
            BoxedUint::from_be_slice(value, group.precision())
                .map_err(|_| Error::InvalidArgument("x must be < p - 1"))?,
        );
        let in_range = x.ct_gt(&BoxedUint::zero()) & x.ct_lt(&group.p_minus_one);
        if !(bool::from(excess_zero) && in_range.to_bool()) {
            return Err(Error::InvalidArgument("x must be in 1..p-1"));
        }
        let x_bits = u32::try_from(value.len().saturating_mul(8)).unwrap_or(u32::MAX);
        Ok(RustCryptoDhPrivateKey {
            x_bits: x_bits.min(group.precision()),
            group,
            x,
            y,
        })
    }
}

/// A peer's public value checked for a group: what [`RustCryptoDhPrivateKey::check_peer`] returns
/// and [`RustCryptoDhPrivateKey::exchange_checked`] takes, so that a peer met again is checked
/// once (OpenSSL's `EVP_PKEY_derive_set_peer` then `EVP_PKEY_derive`).
#[derive(Clone)]
pub struct CheckedDhPeer {
    group: Arc<Group>,
    y: BoxedUint,
}

impl fmt::Debug for CheckedDhPeer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CheckedDhPeer")
            .field("key_size", &self.group.key_size())
            .finish_non_exhaustive()
    }
}

impl RustCryptoDhPrivateKey {
    /// The peer checks of [`DhPrivateKey::exchange`]: the peer's group must be this key's, its
    /// `y` in `[2, p - 2]` and, where `q` is known, `y^q = 1 mod p`. [`Error::InvalidKey`]
    /// otherwise.
    pub fn check_peer(&self, peer_public_key: &dyn DhPublicKey) -> Result<CheckedDhPeer> {
        let peer = peer_public_key.public_numbers();
        if !self.group.numbers.same_group(&peer.parameter_numbers) {
            return Err(Error::InvalidKey("peer public key is in another DH group"));
        }
        Ok(CheckedDhPeer {
            group: self.group.clone(),
            y: self.group.check_peer(&peer.y)?,
        })
    }

    /// The shared secret with a peer [`RustCryptoDhPrivateKey::check_peer`] accepted (for this
    /// key's group: [`Error::InvalidKey`] for a peer checked for another), left-padded to the
    /// byte length of `p`, zeroized on drop. The exponentiation is constant time in `x`.
    pub fn exchange_checked(&self, peer: &CheckedDhPeer) -> Result<Zeroizing<Vec<u8>>> {
        if !Arc::ptr_eq(&peer.group, &self.group)
            && !self.group.numbers.same_group(&peer.group.numbers)
        {
            return Err(Error::InvalidKey("peer public key is in another DH group"));
        }
        let z = self.group.pow_secret(&peer.y, &self.x, self.x_bits);
        // SP 800-56A 5.7.1.1: a shared secret of 1 means a peer value outside the group (only
        // reachable without a known q); public once computed, as the peer can predict it.
        if bool::from(z.is_one()) {
            return Err(BAD_PEER);
        }
        let full = Zeroizing::new(z.to_be_bytes());
        let start = full.len().saturating_sub(self.group.p_len);
        Ok(Zeroizing::new(
            full.get(start..).unwrap_or_default().to_vec(),
        ))
    }
}

/// Checks a key's own `y` on load: `0 < y < p` (OpenSSL stores it as given; the exchange checks
/// a peer's value fully).
fn public_key_value(group: &Group, y: &[u8]) -> Result<Vec<u8>> {
    let value = group
        .public_int(y)
        .ok_or(Error::InvalidArgument("y must be < p"))?;
    if bool::from(value.is_zero()) || value >= *group.p() {
        return Err(Error::InvalidArgument("y must be in 1..p"));
    }
    Ok(trimmed(y).into())
}

/// A public value without leading zeros, from its full-width integer.
fn public_bytes(value: &BoxedUint, p_len: usize) -> Vec<u8> {
    let full = value.to_be_bytes();
    let start = full.len().saturating_sub(p_len);
    trimmed(full.get(start..).unwrap_or_default()).into()
}

impl DhPrivateKey for RustCryptoDhPrivateKey {
    fn key_size(&self) -> usize {
        self.group.key_size()
    }

    fn exchange(&self, peer_public_key: &dyn DhPublicKey) -> Result<Zeroizing<Vec<u8>>> {
        self.exchange_checked(&self.check_peer(peer_public_key)?)
    }

    fn public_key(&self) -> Result<Box<dyn DhPublicKey>> {
        Ok(Box::new(RustCryptoDhPublicKey {
            group: self.group.clone(),
            y: self.y.clone(),
        }))
    }

    fn parameters(&self) -> Result<Box<dyn DhParameters>> {
        Ok(Box::new(RustCryptoDhParameters {
            group: self.group.clone(),
        }))
    }

    fn private_numbers(&self) -> Result<DhPrivateNumbers> {
        let full = Zeroizing::new(self.x.to_be_bytes());
        let start = full.len().saturating_sub(self.group.p_len);
        let x = trimmed(full.get(start..).unwrap_or_default());
        Ok(DhPrivateNumbers::new(
            x,
            DhPublicNumbers::new(&self.y, self.group.numbers.clone()),
        ))
    }
}

impl fmt::Debug for RustCryptoDhPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RustCryptoDhPrivateKey")
            .field("key_size", &self.group.key_size())
            .finish_non_exhaustive()
    }
}

/// A DH public key held in memory.
#[derive(Clone)]
pub struct RustCryptoDhPublicKey {
    group: Arc<Group>,
    y: Vec<u8>,
}

impl RustCryptoDhPublicKey {
    /// A public key from its numbers ([`DhBackend::load_dh_public_numbers`] without the box):
    /// the group's checks and `0 < y < p`; the full check of `y` is the exchange's.
    pub fn from_numbers(numbers: &DhPublicNumbers) -> Result<Self> {
        let group = load_group(&numbers.parameter_numbers)?;
        let y = public_key_value(&group, &numbers.y)?;
        Ok(RustCryptoDhPublicKey { group, y })
    }
}

impl DhPublicKey for RustCryptoDhPublicKey {
    fn key_size(&self) -> usize {
        self.group.key_size()
    }

    fn public_numbers(&self) -> DhPublicNumbers {
        DhPublicNumbers::new(&self.y, self.group.numbers.clone())
    }

    fn parameters(&self) -> Result<Box<dyn DhParameters>> {
        Ok(Box::new(RustCryptoDhParameters {
            group: self.group.clone(),
        }))
    }
}

impl fmt::Debug for RustCryptoDhPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RustCryptoDhPublicKey")
            .field(&self.public_numbers())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crypto_bigint::{U2048, Uint};

    /// Jacobi by the textbook recursion on machine integers, for small cases.
    fn jacobi_small(mut a: u64, mut n: u64) -> i8 {
        let mut t = 1i8;
        a %= n;
        while a != 0 {
            while a & 1 == 0 {
                a /= 2;
                if matches!(n % 8, 3 | 5) {
                    t = -t;
                }
            }
            core::mem::swap(&mut a, &mut n);
            if a % 4 == 3 && n % 4 == 3 {
                t = -t;
            }
            a %= n;
        }
        if n == 1 { t } else { 0 }
    }

    #[test]
    fn jacobi_agrees_with_the_textbook_on_small_values() {
        for n in (1u64..400).step_by(2) {
            for a in 0..n {
                let got =
                    jacobi_vartime(BoxedUint::from(a).as_words(), BoxedUint::from(n).as_words());
                assert_eq!(got, jacobi_small(a, n), "({a} / {n})");
            }
        }
    }

    #[test]
    fn jacobi_agrees_with_crypto_bigint_in_ffdhe2048() {
        let p_bytes = trimmed(&crate::ffdhe2048().p).to_vec();
        let p = U2048::from_be_slice(&p_bytes);
        let p_odd = Odd::new(p).unwrap();
        let p_boxed = BoxedUint::from_be_slice(&p_bytes, 2048).unwrap();
        let mut state = 0x1234_5678_9abc_def0u64;
        let mut residues = 0;
        for _ in 0..64 {
            let words: [u64; 32] = core::array::from_fn(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                state
            });
            let y = Uint::<32>::from_words(words).rem_vartime(p_odd.as_nz_ref());
            let expected = y.jacobi_symbol_vartime(&p_odd);
            let y_boxed = BoxedUint::from_be_slice(&y.to_be_bytes(), 2048).unwrap();
            let got = jacobi_vartime(y_boxed.as_words(), p_boxed.as_words());
            assert_eq!(got == 1, bool::from(expected.is_one()));
            assert_eq!(got == -1, bool::from(expected.is_minus_one()));
            residues += usize::from(got == 1);
        }
        assert!(residues > 16 && residues < 48, "{residues}");
    }
}
