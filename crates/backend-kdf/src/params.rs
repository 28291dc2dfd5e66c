//! The parameter rules of the seed interfaces, checked once here for every backend.
//!
//! Every check uses checked or widened arithmetic, so no parameter set can overflow, and runs
//! before anything is allocated or derived.

use crate::{Error, HashAlgorithm, Result};

/// The largest PBKDF2 output for `algorithm`: (2^32 - 1) × digest size bytes, saturated to
/// `usize::MAX` where that does not fit (32-bit targets).
pub const fn pbkdf2_max_length(algorithm: HashAlgorithm) -> usize {
    let max = (u32::MAX as u64).saturating_mul(algorithm.digest_size() as u64);
    if max > usize::MAX as u64 {
        usize::MAX
    } else {
        max as usize
    }
}

/// The seed's PBKDF2 rules: `length` from 1 to [`pbkdf2_max_length`], `iterations` at least 1.
pub fn check_pbkdf2(algorithm: HashAlgorithm, length: usize, iterations: u32) -> Result<()> {
    if length == 0 {
        return Err(Error::InvalidArgument(
            "PBKDF2 length must be at least 1 byte",
        ));
    }
    if length > pbkdf2_max_length(algorithm) {
        return Err(Error::InvalidArgument(
            "PBKDF2 length must be at most (2^32 - 1) * digest size",
        ));
    }
    if iterations == 0 {
        return Err(Error::InvalidArgument(
            "PBKDF2 iterations must be at least 1",
        ));
    }
    Ok(())
}

/// The largest HKDF-Expand output for `algorithm`: 255 × digest size bytes (RFC 5869 §2.3),
/// saturated to `usize::MAX` where that does not fit (a SHAKE descriptor of a huge size, which
/// a provider's table might list).
pub const fn hkdf_max_length(algorithm: HashAlgorithm) -> usize {
    algorithm.digest_size().saturating_mul(255)
}

/// RFC 5869's HKDF-Expand rule: `length` from 1 to [`hkdf_max_length`].
pub fn check_hkdf_length(algorithm: HashAlgorithm, length: usize) -> Result<()> {
    if length == 0 {
        return Err(Error::InvalidArgument(
            "HKDF length must be at least 1 byte",
        ));
    }
    if length > hkdf_max_length(algorithm) {
        return Err(Error::InvalidArgument(
            "HKDF length must be at most 255 * digest size",
        ));
    }
    Ok(())
}

/// RFC 5869's rule for a pseudorandom key given to HKDF-Expand: at least the digest size.
pub fn check_hkdf_prk(algorithm: HashAlgorithm, prk: &[u8]) -> Result<()> {
    if prk.len() < algorithm.digest_size() {
        return Err(Error::InvalidKey(
            "HKDF-Expand PRK must be at least the digest size",
        ));
    }
    Ok(())
}

/// Checks that `out` has exactly the digest size of `algorithm` (an HKDF-Extract PRK buffer).
pub fn check_prk_buffer(algorithm: HashAlgorithm, out: &[u8]) -> Result<()> {
    let needed = algorithm.digest_size();
    match out.len() {
        n if n < needed => Err(Error::BufferTooSmall { needed }),
        n if n > needed => Err(Error::InvalidArgument(
            "HKDF-Extract output buffer longer than the digest size",
        )),
        _ => Ok(()),
    }
}

/// The largest scrypt output: (2^32 - 1) × 32 bytes (RFC 7914's PBKDF2-HMAC-SHA256 bound),
/// saturated to `usize::MAX` on 32-bit targets.
pub const SCRYPT_MAX_LENGTH: usize = {
    let max = (u32::MAX as u64) * 32;
    if max > usize::MAX as u64 {
        usize::MAX
    } else {
        max as usize
    }
};

/// The default longest key the allocating forms (`derive_pbkdf2_hmac`, `derive_hkdf`,
/// `hkdf_extract`, `hkdf_expand`, `derive_scrypt`, returning a `DerivedKey`) derive: 1 MiB.
///
/// Why a limit: those forms reserve the whole key up front, and under Linux's memory overcommit a
/// reservation below RAM + swap succeeds and the process is then killed while the key is written,
/// instead of getting an error. Why 1 MiB: a derived key feeds a cipher or a MAC (16 to 64 bytes)
/// or a handful of them; every published vector is under 17 KiB (HKDF's own maximum is 255 × 64
/// bytes); 1 MiB is 16,000 times a 64-byte key and still a harmless allocation. Longer outputs go
/// through the `*_into` forms, which write into the caller's buffer (any length the algorithm
/// allows) and allocate nothing. A provider may choose another limit (`*_owned_length_limit`;
/// `RustCryptoScrypt::owned_length_limit`).
pub const DEFAULT_OWNED_LENGTH_LIMIT: usize = 1 << 20;

/// [`Error::InvalidArgument`] when an allocating form is asked for more than `limit` bytes (see
/// [`DEFAULT_OWNED_LENGTH_LIMIT`]); checked before anything is allocated or derived.
pub fn check_owned_length(length: usize, limit: usize) -> Result<()> {
    if length > limit {
        return Err(Error::InvalidArgument(
            "derived key longer than the backend's owned-length limit (1 MiB by default): use the *_into form",
        ));
    }
    Ok(())
}

/// The default [`crate::ScryptBackend::scrypt_memory_limit`]: 2 GiB.
///
/// Enough for the scrypt paper's file-encryption parameters (N = 2^20, r = 8, p = 1 needs
/// 1 GiB + 1 KiB) with room to spare; lower it (see `RustCryptoScrypt`) where the parameters come
/// from untrusted input, such as an encrypted key file.
pub const DEFAULT_SCRYPT_MEMORY_LIMIT: u64 = 2 << 30;

/// The default [`crate::ScryptBackend::scrypt_cost_limit`]: N × r × p at most 2^24.
///
/// The memory limit does not bound the time: p lanes run one after the other in the same memory,
/// so N = 2^14, r = 8, p = 2^20 needs only 1 GiB but has a cost of 2^37 (about half a day). The
/// work of a derivation is [`ScryptParams::cost`] = N × r × p: each lane runs ROMix over N blocks
/// of 128 × r bytes twice, so the Salsa20/8 core runs 4 × N × r × p times. 2^24 is the work the
/// default memory limit allows with p = 1 (128 × N × r = 2 GiB), twice the scrypt paper's
/// file-encryption setting N = 2^20, r = 8, p = 1 (2^23, several seconds). It admits every
/// published vector (the largest is that setting) and common choices (N = 2^14, r = 8, p = 16:
/// 2^21; N = 2^18, r = 8, p = 1, Ethereum's keystore: 2^21), and refuses any parameters that would
/// run more than about twice as long as the slowest of them. Lower it where the parameters come
/// from untrusted input (`RustCryptoScrypt::cost_limit`).
pub const DEFAULT_SCRYPT_COST_LIMIT: u64 = 1 << 24;

/// Validated scrypt cost parameters (RFC 7914): `n` greater than 1 and a power of two, `r` and `p`
/// at least 1, `r × p` below 2^30.
///
/// RFC 7914 also asks for N < 2^(128 × r / 8); like the RustCrypto crate, Go's x/crypto and the
/// Tarsnap reference this bound is not enforced: it comes from an erratum of the RFC (EID 5971),
/// and the true bound from the scrypt paper, N < 2^(128 × r), is never reached by a `u64` `n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScryptParams {
    log_n: u8,
    r: u32,
    p: u32,
}

impl ScryptParams {
    /// Checks `n`, `r` and `p` against the seed's rules (not yet against a memory limit: see
    /// [`ScryptParams::check_memory`]).
    pub fn new(n: u64, r: u32, p: u32) -> Result<Self> {
        if n <= 1 {
            return Err(Error::InvalidArgument("scrypt n must be larger than 1"));
        }
        if !n.is_power_of_two() {
            return Err(Error::InvalidArgument("scrypt n must be a power of 2"));
        }
        if r == 0 {
            return Err(Error::InvalidArgument("scrypt r must be at least 1"));
        }
        if p == 0 {
            return Err(Error::InvalidArgument("scrypt p must be at least 1"));
        }
        // RFC 7914: p <= ((2^32 - 1) * 32) / (128 * r), that is r * p < 2^30. Computed in u64:
        // the product of two u32 cannot overflow it.
        if u64::from(r) * u64::from(p) >= 1 << 30 {
            return Err(Error::InvalidArgument(
                "scrypt r * p must be less than 2^30",
            ));
        }
        Ok(ScryptParams {
            // n is a power of two above 1, so this is 1..=63.
            log_n: n.trailing_zeros() as u8,
            r,
            p,
        })
    }

    /// The CPU/memory cost N.
    pub const fn n(&self) -> u64 {
        1 << self.log_n
    }

    /// log2 of N.
    pub const fn log_n(&self) -> u8 {
        self.log_n
    }

    /// The block size parameter r.
    pub const fn r(&self) -> u32 {
        self.r
    }

    /// The parallelization parameter p.
    pub const fn p(&self) -> u32 {
        self.p
    }

    /// Working memory in bytes: 128 × r × N (the ROMix table V) plus 128 × r × p (the blocks B),
    /// saturated at `u64::MAX`. The O(r) scratch block beside them is not counted.
    pub fn working_memory(&self) -> u64 {
        // At most 2^7 * 2^32 * (2^63 + 2^32) < 2^103: exact in u128.
        let bytes = 128 * u128::from(self.r) * (u128::from(self.n()) + u128::from(self.p));
        u64::try_from(bytes).unwrap_or(u64::MAX)
    }

    /// The work factor N × r × p, saturated at `u64::MAX`: a derivation runs the Salsa20/8 core
    /// 4 × N × r × p times, so its time is proportional to this.
    pub fn cost(&self) -> u64 {
        // At most 2^63 * 2^32 * 2^32 = 2^127: exact in u128.
        let cost = u128::from(self.n()) * u128::from(self.r) * u128::from(self.p);
        u64::try_from(cost).unwrap_or(u64::MAX)
    }

    /// [`Error::InvalidArgument`] when [`ScryptParams::cost`] (N × r × p) exceeds `limit`.
    pub fn check_cost(&self, limit: u64) -> Result<()> {
        if self.cost() > limit {
            return Err(Error::InvalidArgument(
                "scrypt cost N * r * p exceeds the backend's cost limit",
            ));
        }
        Ok(())
    }

    /// [`Error::InvalidArgument`] when [`ScryptParams::working_memory`] exceeds `limit` bytes, or
    /// when one of its buffers could not be allocated on this target at all (over `isize::MAX`).
    pub fn check_memory(&self, limit: u64) -> Result<()> {
        let addressable = u64::try_from(isize::MAX).unwrap_or(u64::MAX);
        if self.working_memory() > limit.min(addressable) {
            return Err(Error::InvalidArgument(
                "scrypt parameters need more memory than the backend's limit",
            ));
        }
        Ok(())
    }
}

/// The seed's scrypt output rule: `length` from 1 to [`SCRYPT_MAX_LENGTH`].
pub fn check_scrypt_length(length: usize) -> Result<()> {
    if length == 0 {
        return Err(Error::InvalidArgument(
            "scrypt length must be at least 1 byte",
        ));
    }
    if length > SCRYPT_MAX_LENGTH {
        return Err(Error::InvalidArgument(
            "scrypt length must be at most (2^32 - 1) * 32",
        ));
    }
    Ok(())
}
