//! Randomness plumbing: the `rand_core` traits every key-generating family takes.
//!
//! Key generation is generic over a caller's [`CryptoRng`], so a `no_std` target brings its own
//! hardware generator; the umbrella crate's default backend uses the operating system's generator.

pub use rand_core::{CryptoRng, Rng, TryCryptoRng, TryRng};
