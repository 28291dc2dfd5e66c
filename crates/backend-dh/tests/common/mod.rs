//! Shared test helpers: a deterministic generator, a failing one, and one 512-bit group per
//! generator, generated once.

#![allow(dead_code)]

use backend_dh::RustCryptoDhParameters;
use backend_dh::rng::{TryCryptoRng, TryRng};
use std::convert::Infallible;
use std::sync::OnceLock;

/// SplitMix64: reproducible randomness for tests (never for keys that matter).
pub struct TestRng(pub u64);

impl TryRng for TestRng {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.try_next_u64()? as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Ok(z ^ (z >> 31))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            let word = self.try_next_u64()?.to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        Ok(())
    }
}

impl TryCryptoRng for TestRng {}

/// A generator that always fails.
pub struct Failing;

impl TryRng for Failing {
    type Error = std::io::Error;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Err(std::io::Error::other("no entropy"))
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Err(std::io::Error::other("no entropy"))
    }
    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Self::Error> {
        Err(std::io::Error::other("no entropy"))
    }
}

impl TryCryptoRng for Failing {}

/// A 512-bit group with generator `g` (2 or 5), the same in every test run.
pub fn generated_512(g: u64) -> &'static RustCryptoDhParameters {
    static TWO: OnceLock<RustCryptoDhParameters> = OnceLock::new();
    static FIVE: OnceLock<RustCryptoDhParameters> = OnceLock::new();
    let cell = if g == 2 { &TWO } else { &FIVE };
    cell.get_or_init(|| {
        RustCryptoDhParameters::generate_with_rng(&mut TestRng(512 + g), g, 512)
            .expect("512-bit group")
    })
}

/// Hex (either case) to bytes.
pub fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s).expect("hex")
}
