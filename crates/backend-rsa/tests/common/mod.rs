//! Shared test helpers: a deterministic generator and one key per size, generated once.

#![allow(dead_code)]

use backend_rsa::RustCryptoRsaPrivateKey;
use backend_rsa::rng::{TryCryptoRng, TryRng};
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

/// A 2048-bit key with e = 65537, the same in every test run.
pub fn key_2048() -> &'static RustCryptoRsaPrivateKey {
    static KEY: OnceLock<RustCryptoRsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| {
        RustCryptoRsaPrivateKey::generate_with_rng(&mut TestRng(2048), 65537, 2048)
            .expect("2048-bit key")
    })
}

/// A 1024-bit key with e = 3.
pub fn key_1024_e3() -> &'static RustCryptoRsaPrivateKey {
    static KEY: OnceLock<RustCryptoRsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| {
        RustCryptoRsaPrivateKey::generate_with_rng(&mut TestRng(1024), 3, 1024)
            .expect("1024-bit key")
    })
}
