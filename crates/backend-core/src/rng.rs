//! Randomness: the one object-safe, fallible source every `*_with_rng` takes.
//!
//! Every key-generating or randomized call of every family takes `rng: &mut dyn RandomSource` as
//! its first argument after `&self`. [`RandomSource`] is implemented for every `rand_core`
//! [`TryCryptoRng`] (so a `no_std` target passes its hardware generator as it is), and the
//! operating system's generator is the value [`OsRandom`] (feature `getrandom`, which depends on
//! `getrandom` alone: a provider that is not RustCrypto gets OS randomness without any algorithm
//! crate).
//!
//! ```
//! use backend_core::rng::{RandomSource, TryRng};
//!
//! /// A generator of a board's hardware RNG peripheral, as a `no_std` target would write it.
//! struct Trng(u8);
//! impl TryRng for Trng {
//!     type Error = core::convert::Infallible;
//!     fn try_next_u32(&mut self) -> Result<u32, Self::Error> { Ok(u32::from(self.0)) }
//!     fn try_next_u64(&mut self) -> Result<u64, Self::Error> { Ok(u64::from(self.0)) }
//!     fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
//!         dst.fill(self.0);
//!         Ok(())
//!     }
//! }
//! impl backend_core::rng::TryCryptoRng for Trng {}
//!
//! let source: &mut dyn RandomSource = &mut Trng(7);
//! let mut buf = [0u8; 4];
//! source.try_fill(&mut buf)?;
//! assert_eq!(buf, [7; 4]);
//! # Ok::<(), backend_core::Error>(())
//! ```

use core::convert::Infallible;

use crate::{Error, Result};

pub use rand_core::{CryptoRng, Rng, TryCryptoRng, TryRng};

/// The operating system's generator (`getrandom`), as a value: `&mut OsRandom` is a
/// `&mut dyn RandomSource`.
#[cfg(feature = "getrandom")]
pub use getrandom::SysRng as OsRandom;

/// The error every failed random source becomes.
pub const RNG_FAILED: Error = Error::device("random number generator failed");

/// A source of cryptographically secure random bytes that can fail.
///
/// Object-safe, so that every family takes randomness the same way (`&mut dyn RandomSource`) and a
/// provider chosen at run time can be handed any source. Implemented for every `rand_core`
/// [`TryCryptoRng`]; implement that trait (not this one) for a new generator.
pub trait RandomSource {
    /// Fills `dest` entirely; a failure is [`RNG_FAILED`] (a device error), never a panic.
    fn try_fill(&mut self, dest: &mut [u8]) -> Result<()>;
}

impl<R: TryCryptoRng + ?Sized> RandomSource for R {
    #[inline]
    fn try_fill(&mut self, dest: &mut [u8]) -> Result<()> {
        self.try_fill_bytes(dest).map_err(|_| RNG_FAILED)
    }
}

/// A `&mut dyn RandomSource` as the fallible `rand_core` generator algorithm crates take
/// (`elliptic-curve`'s `try_from_rng`, `rsa`'s blinding and padding).
pub struct FallibleRng<'a>(pub &'a mut dyn RandomSource);

impl TryRng for FallibleRng<'_> {
    type Error = Error;

    fn try_next_u32(&mut self) -> Result<u32> {
        let mut b = [0u8; 4];
        self.0.try_fill(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64> {
        let mut b = [0u8; 8];
        self.0.try_fill(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<()> {
        self.0.try_fill(dst)
    }
}

impl TryCryptoRng for FallibleRng<'_> {}

/// A `&mut dyn RandomSource` as the *infallible* generator some algorithm crates insist on (`rsa`'s
/// key generation), without panicking on failure.
///
/// The first failure is recorded and [`RecordingRng::finish`] returns it once the algorithm is
/// done; whatever the algorithm produced in the meantime must be discarded. After a failure the
/// bytes come from a counter-driven mixer, never a constant, so that a search loop (a prime search
/// drawing candidates) still makes progress and ends instead of retrying one candidate forever.
pub struct RecordingRng<'a> {
    source: &'a mut dyn RandomSource,
    failure: Option<Error>,
    fallback: u64,
}

impl<'a> RecordingRng<'a> {
    /// Wraps `source`.
    pub fn new(source: &'a mut dyn RandomSource) -> Self {
        RecordingRng {
            source,
            failure: None,
            fallback: 0,
        }
    }

    /// The first failure of the source, if any: call after the algorithm returns, and discard its
    /// result on `Err`.
    pub fn finish(self) -> Result<()> {
        self.failure.map_or(Ok(()), Err)
    }

    /// SplitMix64: not secret, not secure, only different each time (see the type's docs).
    fn mix(&mut self) -> u64 {
        self.fallback = self.fallback.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.fallback;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

impl TryRng for RecordingRng<'_> {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> core::result::Result<u32, Infallible> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> core::result::Result<u64, Infallible> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> core::result::Result<(), Infallible> {
        if self.failure.is_none() {
            match self.source.try_fill(dst) {
                Ok(()) => return Ok(()),
                Err(e) => self.failure = Some(e),
            }
        }
        for chunk in dst.chunks_mut(8) {
            let word = self.mix().to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        Ok(())
    }
}

impl TryCryptoRng for RecordingRng<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing;
    impl TryRng for Failing {
        type Error = Error;
        fn try_next_u32(&mut self) -> Result<u32> {
            Err(RNG_FAILED)
        }
        fn try_next_u64(&mut self) -> Result<u64> {
            Err(RNG_FAILED)
        }
        fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<()> {
            Err(RNG_FAILED)
        }
    }
    impl TryCryptoRng for Failing {}

    #[test]
    fn a_failing_source_is_a_device_error() {
        let mut buf = [0u8; 8];
        assert_eq!(Failing.try_fill(&mut buf), Err(RNG_FAILED));
        assert_eq!(
            FallibleRng(&mut Failing).try_fill_bytes(&mut buf),
            Err(RNG_FAILED)
        );
    }

    #[test]
    fn recording_rng_reports_the_failure_and_keeps_producing_distinct_bytes() {
        let mut source = Failing;
        let mut rng = RecordingRng::new(&mut source);
        let (mut a, mut b) = ([0u8; 16], [0u8; 16]);
        let _ = rng.try_fill_bytes(&mut a);
        let _ = rng.try_fill_bytes(&mut b);
        assert_ne!(a, b, "a search loop must not see the same bytes twice");
        assert_eq!(rng.finish(), Err(RNG_FAILED));
    }

    #[cfg(feature = "getrandom")]
    #[test]
    fn the_os_generator_is_a_random_source() {
        let source: &mut dyn RandomSource = &mut OsRandom;
        let (mut a, mut b) = ([0u8; 32], [0u8; 32]);
        source.try_fill(&mut a).unwrap();
        source.try_fill(&mut b).unwrap();
        assert_ne!(a, b);
        let mut rng = RecordingRng::new(source);
        rng.try_fill_bytes(&mut a).unwrap();
        assert!(rng.finish().is_ok());
    }
}
