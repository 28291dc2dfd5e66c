//! The providers `cargo xtask vectors --provider NAME` can run against.
//!
//! - `rustcrypto` (the default): `Provider::RUSTCRYPTO`, the pure-Rust provider alone.
//! - `partial`: a `MultiBackend` of a deliberately partial provider (RustCrypto restricted to
//!   SHA-256, HMAC-SHA256 and AES-128-GCM: a stand-in for a token or an accelerator with a few
//!   algorithms) and then RustCrypto. Every case goes through the composition's routing; the
//!   partial provider serves what its rows accept and everything else falls through, so the run
//!   must pass exactly what `rustcrypto` passes. (This was `multi` before issue #12.)
//! - `ring`: `Provider::RING` alone; every case its rows exclude is skipped with the reason.
//! - `multi`: `MultiBackend[ring, rustcrypto]` (issue #12): ring serves what its rows accept,
//!   RustCrypto the rest; it must pass at least what `rustcrypto` passes.

use backend::capability::{AeadKind, Algorithm, Capability, Sizes};
use backend::{HashAlgorithm, MultiBackend, Provider, Restricted};

/// The names `--provider` accepts.
pub const NAMES: &[&str] = &["rustcrypto", "multi", "partial", "ring"];

/// The rows of the partial provider in `partial`.
const PARTIAL_ROWS: &[Capability] = &[
    Capability::new(Algorithm::Hash(HashAlgorithm::Sha256)),
    Capability::new(Algorithm::Hmac(HashAlgorithm::Sha256)),
    // Nonce and tag as RustCrypto takes them: a restriction must not claim more than its inner
    // provider does (the keyed NIST GCM runner has 1-byte IVs, which RustCrypto refuses).
    Capability::new(Algorithm::Aead(AeadKind::AesGcm))
        .key_bits(Sizes::exactly(128))
        .nonce_bytes(Sizes::range(8, 128, 1))
        .tag_bytes(Sizes::exactly(16)),
];

/// The provider called `name`. A composition lives as long as the process (the command runs once).
pub fn by_name(name: &str) -> crate::Result<Provider<'static>> {
    match name {
        "rustcrypto" => Ok(Provider::RUSTCRYPTO),
        "ring" => Ok(Provider::RING),
        "multi" => {
            let multi = MultiBackend::new([Provider::RING, Provider::RUSTCRYPTO])
                .map_err(|e| e.to_string())?;
            Ok(Box::leak(Box::new(multi)).provider())
        }
        "partial" => {
            let partial: &'static Restricted<'static> = Box::leak(Box::new(Restricted::new(
                Provider::RUSTCRYPTO,
                PARTIAL_ROWS,
            )));
            let multi = MultiBackend::new([partial.provider("partial"), Provider::RUSTCRYPTO])
                .map_err(|e| e.to_string())?;
            Ok(Box::leak(Box::new(multi)).provider())
        }
        _ => Err(format!(
            "unknown provider {name:?}; known: {}",
            NAMES.join(", ")
        )),
    }
}

/// A line for the report saying what ran.
pub fn describe(name: &str) -> String {
    match name {
        "multi" => "multi = MultiBackend[ring, rustcrypto]".to_string(),
        "ring" => "ring = Provider::RING (ring 0.17 alone; what its rows exclude is skipped)".to_string(),
        "partial" => "partial = MultiBackend[partial (RustCrypto restricted to SHA-256, HMAC-SHA256, AES-128-GCM), rustcrypto]".to_string(),
        _ => name.to_string(),
    }
}
