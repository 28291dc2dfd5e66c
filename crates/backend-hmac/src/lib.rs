//! `HmacBackend`: the seed interface for HMAC, and its implementation for [`RustCrypto`] (the one
//! provider type of `backend-core`) over the RustCrypto `hmac` crate.
//!
//! ```
//! use backend_hmac::{HashAlgorithm, HmacBackend, MacContext, RustCrypto};
//!
//! let mut ctx = RustCrypto.create_hmac_ctx(b"key", HashAlgorithm::Sha256)?;
//! ctx.update(b"The quick brown fox jumps over the lazy dog");
//! let tag = ctx.copy().finalize();
//! assert_eq!(tag[..4], [0xf7, 0xbc, 0x83, 0xf4]);
//! ctx.verify(&tag)?; // constant-time
//! # Ok::<(), backend_hmac::Error>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod dynamic;
#[cfg(feature = "rustcrypto-base")]
pub mod rustcrypto;

use backend_core::capability::{Algorithm, Capability, Query};

#[cfg(feature = "alloc")]
pub use backend_core::DynMacContext;
#[cfg(feature = "rustcrypto-base")]
pub use backend_core::RustCrypto;
pub use backend_core::{Error, HashAlgorithm, MacContext, Output, Reason, Result, capability};
#[cfg(feature = "alloc")]
pub use dynamic::DynHmacBackend;
#[cfg(feature = "rustcrypto-base")]
pub use rustcrypto::RustCryptoHmacContext;

/// The capability query for an HMAC with `algorithm` (any key length: HMAC takes every key, so
/// the key does not decide support). [`HmacBackend::hmac_supported`] asks it, and a composition
/// of providers routes `create_hmac_ctx` with it.
pub const fn hmac_query(algorithm: HashAlgorithm) -> Query {
    Query::new(Algorithm::Hmac(algorithm))
}

/// A backend that computes HMACs (pyca/cryptography's `HMACBackend`).
///
/// `backend::Backend` (this crate's [`RustCrypto`]) implements it; generic code takes any
/// implementation:
///
/// ```
/// # #[cfg(feature = "rustcrypto")] {
/// use backend_hmac::{HashAlgorithm, HmacBackend, MacContext, RustCrypto};
///
/// fn tag<B: HmacBackend>(backend: &B, key: &[u8], message: &[u8]) -> backend_hmac::Result<backend_hmac::Output> {
///     let mut mac = backend.create_hmac_ctx(key, HashAlgorithm::Sha256)?;
///     mac.update(message);
///     Ok(mac.finalize())
/// }
/// // RFC 4231 test case 2.
/// let t = tag(&RustCrypto, b"Jefe", b"what do ya want for nothing?")?;
/// assert_eq!(t[..4], [0x5b, 0xdc, 0xc1, 0x46]);
/// assert!(RustCrypto.hmac_supported(HashAlgorithm::Sha3_256));
/// assert!(!RustCrypto.hmac_supported(HashAlgorithm::shake128(32)?));
/// # }
/// # Ok::<(), backend_hmac::Error>(())
/// ```
pub trait HmacBackend {
    /// The context type [`HmacBackend::create_hmac_ctx`] returns.
    type HmacCtx: MacContext;

    /// The capability rows: an [`Algorithm::Hmac`] row for every hash this backend computes HMAC
    /// with. [`HmacBackend::hmac_supported`] is derived from them.
    fn hmac_capabilities(&self) -> &[Capability];

    /// True when [`HmacBackend::create_hmac_ctx`] succeeds for `algorithm` (with any key).
    fn hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
        capability::supports(self.hmac_capabilities(), &hmac_query(algorithm))
    }

    /// A fresh HMAC context keyed with `key` (any length; a key longer than the hash's block size is
    /// hashed first, per RFC 2104). [`Error::Unsupported`] for an XOF or a hash the backend lacks.
    fn create_hmac_ctx(&self, key: &[u8], algorithm: HashAlgorithm) -> Result<Self::HmacCtx>;
}
