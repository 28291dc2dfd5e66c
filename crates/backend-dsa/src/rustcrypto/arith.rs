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
//! Verification and the parameter checks work on public data only, and use a variable-time
//! interleaved sliding-window exponentiation (`g^u1 * y^u2` with one chain of squarings).

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
/// Window width of the variable-time exponentiations (8 odd powers per base).
const SLIDING: u32 = 4;

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
            g,
            table: None,
        };
        if table {
            group.table = Some(group.build_table());
        }
        // g^q mod p = 1 (with 1 < g < p checked above, g generates the subgroup of prime order q).
        let gq = match group.table {
            Some(_) => group.pow_g(&q),
            None => group.pow_vartime(&[(&group.g, &BoxedUint::from(&q))]),
        };
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

    /// `prod(base_i ^ e_i) mod p` by interleaved sliding windows: one chain of squarings as long
    /// as the longest exponent, one multiplication per window of each exponent. Variable time:
    /// public bases and exponents only (verification, parameter and key checks).
    pub(crate) fn pow_vartime(&self, terms: &[(&BoxedMontyForm, &BoxedUint)]) -> BoxedMontyForm {
        let bits = terms
            .iter()
            .map(|(_, e)| e.bit_width_vartime())
            .max()
            .unwrap_or(0);
        // Per term: the odd powers base^1, base^3, ..., base^(2^SLIDING - 1), and the window
        // digit ending at each bit position (0 where none ends).
        let mut prepared = Vec::with_capacity(terms.len());
        for (base, e) in terms {
            let square = base.square();
            let mut odd = Vec::with_capacity(1 << (SLIDING - 1));
            odd.push((*base).clone());
            for i in 1..(1 << (SLIDING - 1)) {
                let next = odd[i - 1].mul(&square);
                odd.push(next);
            }
            prepared.push((odd, windows(e, bits)));
        }
        let mut multiplier = <BoxedMontyForm as MontyForm>::Multiplier::from(&self.p);
        let mut acc: Option<BoxedMontyForm> = None;
        for pos in (0..bits).rev() {
            if let Some(a) = acc.as_mut() {
                multiplier.square_assign(a);
            }
            for (odd, digits) in &prepared {
                let digit = digits.get(pos as usize).copied().unwrap_or(0);
                if digit != 0 {
                    let factor = &odd[usize::from(digit >> 1)];
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

/// The sliding-window digits of `e` over `bits` positions: at the lowest bit of each window, its
/// odd value; 0 elsewhere.
fn windows(e: &BoxedUint, bits: u32) -> Vec<u8> {
    let mut digits = alloc::vec![0u8; bits as usize];
    let mut i = bits as i64 - 1;
    while i >= 0 {
        if !e.bit_vartime(i as u32) {
            i -= 1;
            continue;
        }
        let mut low = (i - SLIDING as i64 + 1).max(0);
        while !e.bit_vartime(low as u32) {
            low += 1;
        }
        let mut digit = 0u8;
        for b in (low..=i).rev() {
            digit = (digit << 1) | u8::from(e.bit_vartime(b as u32));
        }
        if let Some(d) = digits.get_mut(low as usize) {
            *d = digit;
        }
        i = low - 1;
    }
    digits
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
