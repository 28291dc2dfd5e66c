//! FIPS 186-4 domain-parameter generation: A.1.1.2 (probable primes `p` and `q` from a seed,
//! SHA-256 as the hash, `seedlen = N`) and A.2.1 (the unverifiable generator `g`).
//!
//! Primality: `crypto-primes`' FIPS test (trial division, Miller-Rabin rounds with random bases
//! for an error below 2^-100, then a strong Lucas test), as Appendix C.3 allows.

use crate::{DsaParameterNumbers, Error, RandomSource, Result};

/// What a step that cannot fail for the sizes generated here (a width, an odd or non-zero value
/// built so) answers if it ever did.
const UNREACHABLE: Error =
    Error::InvalidArgument("DSA parameter generation: inconsistent intermediate value");
use alloc::vec::Vec;
use backend_core::rng::RecordingRng;
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{BoxedUint, NonZero, Odd};
use crypto_primes::Flavor;
use crypto_primes::fips::{FipsOptions, is_prime};
use sha2::{Digest, Sha256};

/// SHA-256's output length in bits (`outlen`).
const OUTLEN: u32 = 256;

/// The options of the FIPS probable-prime test for `bits`-bit candidates: Miller-Rabin rounds
/// with random bases for an error below 2^-100 (computed once per size: `crypto-primes` derives
/// the count with a floating-point bound that costs more than a failed candidate's test), trial
/// division first, a strong Lucas test last.
fn prime_test_options(bits: u32) -> FipsOptions {
    FipsOptions::with_error_bound(bits, 100)
        .unwrap_or(FipsOptions::with_mr_iterations(64))
        .with_lucas_test()
        .with_trial_division_test()
}

/// A FIPS probable-prime test of `candidate`.
fn probable_prime(rng: &mut RecordingRng<'_>, candidate: &BoxedUint, options: FipsOptions) -> bool {
    is_prime(rng, Flavor::Any, candidate, options)
}

/// `seed + add mod 2^(8 * seed.len())`, big-endian.
fn seed_plus(seed: &[u8], add: u64) -> Vec<u8> {
    let mut out = seed.to_vec();
    let mut carry = add;
    for byte in out.iter_mut().rev() {
        if carry == 0 {
            break;
        }
        let sum = u64::from(*byte) + (carry & 0xff);
        *byte = sum as u8;
        carry = (carry >> 8) + (sum >> 8);
    }
    out
}

/// New parameters with an `l`-bit `p` and an `n`-bit `q` (`l` a multiple of 256, `n` of 8).
pub(crate) fn generate(rng: &mut dyn RandomSource, l: u32, n: u32) -> Result<DsaParameterNumbers> {
    let mut recording = RecordingRng::new(rng);
    let found = search(&mut recording, l, n);
    // A generator failure anywhere discards whatever was found.
    recording.finish()?;
    let (p, q) = found?;
    let g = generator(&p, &q)?;
    Ok(DsaParameterNumbers::new(
        &p.to_be_bytes(),
        &q.to_be_bytes(),
        &g.to_be_bytes(),
    ))
}

/// A.1.1.2: `q` from the seed's hash, then up to `4L` candidates `p = X - (X mod 2q) + 1`.
fn search(rng: &mut RecordingRng<'_>, l: u32, n: u32) -> Result<(BoxedUint, BoxedUint)> {
    use crypto_bigint::rand_core::Rng;
    let seed_len = (n / 8) as usize;
    // n = ceil(L / outlen) - 1 blocks below the top one; with L a multiple of 256, b = outlen - 1.
    let blocks = l.div_ceil(OUTLEN) as u64;
    let (q_test, p_test) = (prime_test_options(n), prime_test_options(l));
    loop {
        let mut seed = alloc::vec![0u8; seed_len];
        rng.fill_bytes(&mut seed);
        // U = Hash(seed) mod 2^(N-1); q = 2^(N-1) + U + 1 - (U mod 2): the top and low bits set.
        let hash = Sha256::digest(&seed);
        let mut q_bytes = hash
            .get(hash.len().saturating_sub(seed_len)..)
            .unwrap_or_default()
            .to_vec();
        if let Some(top) = q_bytes.first_mut() {
            *top |= 0x80;
        }
        if let Some(low) = q_bytes.last_mut() {
            *low |= 1;
        }
        let q = BoxedUint::from_be_slice(&q_bytes, l).map_err(|_| UNREACHABLE)?;
        if !probable_prime(rng, &q, q_test) {
            continue;
        }
        let two_q = NonZero::new(q.wrapping_add(&q))
            .into_option()
            .ok_or(UNREACHABLE)?;
        let mut offset = 1u64;
        for _counter in 0..(4 * l) {
            // W = V_0 + V_1 * 2^outlen + ... + (V_n mod 2^b) * 2^(n * outlen); X = W + 2^(L-1).
            let mut x = Vec::with_capacity((l / 8) as usize);
            for j in (0..blocks).rev() {
                x.extend_from_slice(&Sha256::digest(seed_plus(&seed, offset + j)));
            }
            if let Some(top) = x.first_mut() {
                *top |= 0x80;
            }
            offset += blocks;
            let x = BoxedUint::from_be_slice(&x, l).map_err(|_| UNREACHABLE)?;
            // p = X - (c - 1) with c = X mod 2q: p = 1 mod 2q.
            let c = x.rem_vartime(&two_q);
            let p = x
                .wrapping_sub(&c)
                .wrapping_add(BoxedUint::one_with_precision(l));
            if p.bit_width_vartime() == l && probable_prime(rng, &p, p_test) {
                return Ok((p, q));
            }
        }
    }
}

/// A.2.1: `g = h^((p - 1) / q) mod p` for `h = 2, 3, ...` until `g != 1`.
fn generator(p: &BoxedUint, q: &BoxedUint) -> Result<BoxedUint> {
    let q = NonZero::new(q.clone()).into_option().ok_or(UNREACHABLE)?;
    let e = p.wrapping_sub(BoxedUint::one_with_precision(p.bits_precision()));
    let (e, _) = e.div_rem_vartime(&q);
    let params =
        BoxedMontyParams::new_vartime(Odd::new(p.clone()).into_option().ok_or(UNREACHABLE)?);
    for h in 2u64..1 << 16 {
        let base = BoxedMontyForm::new(
            BoxedUint::from_words_with_precision([h as crypto_bigint::Word], p.bits_precision()),
            &params,
        );
        let g = crypto_bigint::Pow::pow(&base, &e).retrieve();
        if !g.is_one().to_bool() {
            return Ok(g);
        }
    }
    Err(UNREACHABLE)
}
