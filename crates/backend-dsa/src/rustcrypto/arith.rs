//! The DSA arithmetic of the RustCrypto provider, on `crypto-bigint`.
//!
//! Why our own and not the `dsa` crate: that crate (0.7) rebuilds the Montgomery parameters of `p`
//! on every call, exponentiates with a `p`-sized exponent where DSA's are below `q` (160 to 256
//! bits), and verifies with two full constant-time exponentiations: it signs at ~0.07x and
//! verifies at ~0.03x OpenSSL on the reference machine (issue 13). Here a [`Group`] holds, once
//! per set of parameters:
//!
//! - the Montgomery parameters of `p` (and of `q`, for the scalar arithmetic);
//! - for groups that sign or generate keys, a fixed-base table of `g`: for each 4-bit window `j`
//!   of a `q`-sized exponent the 16 powers `g^(i * 16^j)`, so `g^k` is one multiplication per
//!   window and no squaring (64 multiplications for a 256-bit `q`). Each lookup reads all 16
//!   entries of the window and keeps one with a constant-time mask, so neither the memory access
//!   pattern nor the sequence of operations depends on the exponent: signing is constant time in
//!   `k` and `x`, key generation in `x`.
//!
//! Verification and the parameter and key checks work on public data only, and use variable-time
//! combs ([`Comb`], 6 teeth) of `g` (per group) and of `y` (per public key): `g^u1 * y^u2` is then
//! 43 squarings and up to 86 multiplications for a 256-bit `q`, where sliding windows need 256
//! squarings; the combs also make the `g^q` and `y^q` checks of a key load cheap.

use super::super::numbers::{G_ORDER_RULE, public_u256};
use crate::{DsaParameterNumbers, Error, Result};
use alloc::vec::Vec;
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams, FixedMontyForm, FixedMontyParams};
use crypto_bigint::{BoxedUint, Choice, CtAssign, MontyForm, MontyMultiplier, NonZero, Odd, U256};
use zeroize::Zeroizing;

/// The number of limbs of a scalar (an integer below `q`, at most 256 bits).
pub(crate) const SCALAR_LIMBS: usize = U256::LIMBS;
/// An integer modulo `q` in Montgomery form.
pub(crate) type Scalar = FixedMontyForm<SCALAR_LIMBS>;

/// Window width of the fixed-base table: 16 entries per window.
const WINDOW: u32 = 4;

/// One set of domain parameters, with everything the operations reuse.
pub(crate) struct Group {
    /// The numbers, as given (trimmed).
    pub(crate) numbers: DsaParameterNumbers,
    /// Montgomery parameters of `p`.
    pub(crate) p: BoxedMontyParams,
    /// `q`, at most 256 bits.
    pub(crate) q: U256,
    /// `q` as a divisor.
    pub(crate) q_nz: NonZero<U256>,
    /// Montgomery parameters of `q`.
    pub(crate) q_params: FixedMontyParams<SCALAR_LIMBS>,
    /// The bit length of `q` (`N`).
    pub(crate) q_bits: u32,
    /// `g` in Montgomery form.
    pub(crate) g: BoxedMontyForm,
    /// The fixed-base table of `g`, when the group signs or generates keys.
    table: Option<Vec<Vec<BoxedUint>>>,
    /// The comb of `g` for variable-time exponentiation (verification, the `g^q` check).
    pub(crate) g_comb: Comb,
}

/// The teeth of a [`Comb`].
const TEETH: u32 = 6;

/// A comb (Lim-Lee, [`TEETH`] teeth) of a public base `b` for exponents below `2^(TEETH * d)`:
/// the `2^TEETH` products `b^(i0 + i1 * 2^d + ... + i5 * 2^(5d))` for bits `i0..i5`. An
/// exponentiation is then `d` squarings and at most `d` multiplications, and the combs of several
/// bases share the squarings: verification's `g^u1 * y^u2` costs 43 squarings and up to 86
/// multiplications for a 256-bit `q`, against 256 squarings and ~110 multiplications with sliding
/// windows. Building one costs `5d` squarings and 57 multiplications (about what one sliding-window
/// exponentiation costs), which a key load pays once for `y` and once for `g`. Variable time:
/// public bases and exponents only.
#[derive(Clone)]
pub(crate) struct Comb {
    /// The tooth spacing `d` in bits.
    spacing: u32,
    /// The `2^TEETH` products; entry 0 is never used (a zero index multiplies by nothing).
    entries: Vec<BoxedMontyForm>,
}

impl Group {
    /// The group of `numbers` after their checks, `g^q mod p = 1` included. With `table`, the
    /// fixed-base table of `g` is built (about 15 multiplications per 4 bits of `q`).
    pub(crate) fn new(numbers: &DsaParameterNumbers, table: bool) -> Result<Group> {
        numbers.check()?;
        let numbers = DsaParameterNumbers::new(&numbers.p, &numbers.q, &numbers.g);
        let p = BoxedUint::from_be_slice_vartime(&numbers.p);
        let precision = p.bits_precision();
        let p = Odd::new(p)
            .into_option()
            .ok_or(Error::InvalidArgument("p must be odd (a prime)"))?;
        // Public parameters: the variable-time setup is enough.
        let p_params = BoxedMontyParams::new_vartime(p);
        let q = public_u256(&numbers.q).ok_or(Error::InvalidArgument(crate::Q_SIZE_RULE))?;
        let q_odd = Odd::new(q)
            .into_option()
            .ok_or(Error::InvalidArgument("q must be odd (a prime)"))?;
        let q_params = FixedMontyParams::new_vartime(q_odd);
        let q_nz = NonZero::new(q)
            .into_option()
            .ok_or(Error::InvalidArgument(crate::Q_SIZE_RULE))?;
        let g = BoxedUint::from_be_slice(&numbers.g, precision)
            .map_err(|_| Error::InvalidArgument(crate::G_RANGE_RULE))?;
        let g = BoxedMontyForm::new(g, &p_params);
        let q_bits = q.bit_width_vartime();
        let mut group = Group {
            numbers,
            p: p_params,
            q,
            q_nz,
            q_params,
            q_bits,
            g_comb: Comb {
                spacing: q_bits.div_ceil(TEETH),
                entries: Vec::new(),
            },
            g,
            table: None,
        };
        group.g_comb = group.comb(&group.g);
        if table {
            group.table = Some(group.build_table());
        }
        // g^q mod p = 1 (with 1 < g < p checked above, g generates the subgroup of prime order q).
        let gq = group.comb_pow_vartime(&[(&group.g_comb, &q)]);
        if !gq.retrieve().is_one().to_bool() {
            return Err(Error::InvalidArgument(G_ORDER_RULE));
        }
        Ok(group)
    }

    /// This group with the fixed-base table (built when missing).
    pub(crate) fn with_table(&self) -> Group {
        Group {
            numbers: self.numbers.clone(),
            p: self.p.clone(),
            q: self.q,
            q_nz: self.q_nz,
            q_params: self.q_params,
            q_bits: self.q_bits,
            g: self.g.clone(),
            g_comb: self.g_comb.clone(),
            table: Some(match &self.table {
                Some(table) => table.clone(),
                None => self.build_table(),
            }),
        }
    }

    /// True when the group has its fixed-base table.
    pub(crate) fn has_table(&self) -> bool {
        self.table.is_some()
    }

    /// The modulus length in bits.
    pub(crate) fn key_size(&self) -> usize {
        self.numbers.key_size()
    }

    /// The byte length of `q` (RFC 6979's `rlen`).
    pub(crate) fn q_len(&self) -> usize {
        self.q_bits.div_ceil(8) as usize
    }

    fn one(&self) -> BoxedMontyForm {
        BoxedMontyForm::one(&self.p)
    }

    /// `[g^(i * 16^j) for i in 0..16]` for each window `j` of a `q_bits`-bit exponent, in
    /// Montgomery form: 15 multiplications per window.
    fn build_table(&self) -> Vec<Vec<BoxedUint>> {
        let windows = self.q_bits.div_ceil(WINDOW);
        let mut table = Vec::with_capacity(windows as usize);
        let mut base = self.g.clone();
        for _ in 0..windows {
            let mut row = Vec::with_capacity(1 << WINDOW);
            row.push(self.one().as_montgomery().clone());
            let mut acc = base.clone();
            row.push(acc.as_montgomery().clone());
            for _ in 2..(1 << WINDOW) {
                acc = acc.mul(&base);
                row.push(acc.as_montgomery().clone());
            }
            // g^(15 * 16^j) * g^(16^j) = g^(16^(j+1)).
            base = acc.mul(&base);
            table.push(row);
        }
        table
    }

    /// `g^e mod p` for a secret `e < 2^q_bits`, in constant time with respect to `e`, from the
    /// fixed-base table (one multiplication and one 16-entry masked scan per 4-bit window). Falls
    /// back to the constant-time exponentiation of `crypto-bigint` without a table.
    pub(crate) fn pow_g(&self, e: &U256) -> BoxedMontyForm {
        let Some(table) = &self.table else {
            let e = Zeroizing::new(BoxedUint::from(e));
            return crypto_bigint::PowBoundedExp::pow_bounded_exp(&self.g, &e, self.q_bits);
        };
        let digits = Zeroizing::new(e.to_le_bytes());
        // One multiplier (its product buffer allocated once) for the whole exponentiation.
        let mut multiplier = <BoxedMontyForm as MontyForm>::Multiplier::from(&self.p);
        let mut acc = self.one();
        let mut entry = Zeroizing::new(self.one());
        for (j, row) in table.iter().enumerate() {
            // The window's 4 bits: public position, secret value.
            let byte = digits.as_ref().get(j / 2).copied().unwrap_or(0);
            let digit = (byte >> (4 * (j % 2))) & 0x0f;
            for (i, candidate) in row.iter().enumerate() {
                entry
                    .as_montgomery_mut()
                    .ct_assign(candidate, Choice::from_u8_eq(digit, i as u8));
            }
            multiplier.mul_assign(&mut acc, &entry);
        }
        acc
    }

    /// The comb of the public base `base` for exponents below `2^(TEETH * d)`,
    /// `d = ceil(q_bits / TEETH)`.
    pub(crate) fn comb(&self, base: &BoxedMontyForm) -> Comb {
        let spacing = self.q_bits.div_ceil(TEETH);
        let mut multiplier = <BoxedMontyForm as MontyForm>::Multiplier::from(&self.p);
        // The teeth: base^(2^(t*d)) for t = 0..4.
        let mut teeth = Vec::with_capacity(TEETH as usize);
        let mut tooth = base.clone();
        for t in 0..TEETH {
            if t > 0 {
                for _ in 0..spacing {
                    multiplier.square_assign(&mut tooth);
                }
            }
            teeth.push(tooth.clone());
        }
        let mut entries = Vec::with_capacity(1 << TEETH);
        entries.push(self.one());
        for (t, tooth) in teeth.iter().enumerate() {
            for i in 0..(1usize << t) {
                let entry = match entries.get(i) {
                    Some(e) if i > 0 => {
                        let mut e = e.clone();
                        multiplier.mul_assign(&mut e, tooth);
                        e
                    }
                    _ => tooth.clone(),
                };
                entries.push(entry);
            }
        }
        Comb { spacing, entries }
    }

    /// `prod(comb_i.base ^ e_i) mod p` for public exponents below `2^(TEETH * d)`, with the combs sharing
    /// one chain of `d` squarings. Variable time.
    pub(crate) fn comb_pow_vartime(&self, terms: &[(&Comb, &U256)]) -> BoxedMontyForm {
        let mut multiplier = <BoxedMontyForm as MontyForm>::Multiplier::from(&self.p);
        let mut acc: Option<BoxedMontyForm> = None;
        let bit = |e: &U256, i: u32| usize::from(i < U256::BITS && e.bit_vartime(i));
        for j in (0..self.q_bits.div_ceil(TEETH)).rev() {
            if let Some(a) = acc.as_mut() {
                multiplier.square_assign(a);
            }
            for (comb, e) in terms {
                let d = comb.spacing;
                let index = (0..TEETH).fold(0, |index, t| index | bit(e, j + t * d) << t);
                if index == 0 {
                    continue;
                }
                if let Some(factor) = comb.entries.get(index) {
                    match acc.as_mut() {
                        Some(a) => multiplier.mul_assign(a, factor),
                        None => acc = Some(factor.clone()),
                    }
                }
            }
        }
        acc.unwrap_or_else(|| self.one())
    }

    /// An integer below `q` in Montgomery form modulo `q`.
    pub(crate) fn scalar(&self, value: &U256) -> Scalar {
        Scalar::new(value, &self.q_params)
    }
}

/// `bits2int` of RFC 6979 (FIPS 186-4's `z`): the leftmost `q_bits` bits of the digest `h`, as an
/// integer (reduced below `q` by the caller).
pub(crate) fn bits2int(h: &[u8], q_bits: u32) -> U256 {
    let q_len = q_bits.div_ceil(8) as usize;
    let take = h.len().min(q_len).min(32);
    let mut buf = [0u8; 32];
    if let (Some(dst), Some(src)) = (buf.get_mut(32 - take..), h.get(..take)) {
        dst.copy_from_slice(src);
    }
    let value = U256::from_be_slice(&buf);
    let blen = (h.len() * 8) as u32;
    if blen > q_bits {
        // Drop the bits of the last byte kept beyond q_bits (0 to 7).
        value.wrapping_shr_vartime(take as u32 * 8 - q_bits)
    } else {
        value
    }
}
