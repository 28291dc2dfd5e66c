//! `HmacBackend`: the seed interface for HMAC, and [`RustCrypto`], its implementation over the
//! RustCrypto `hmac` crate.
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

#[cfg(feature = "rustcrypto")]
mod rustcrypto;

#[cfg(feature = "alloc")]
pub use backend_core::DynMacContext;
pub use backend_core::{Error, HashAlgorithm, MacContext, Output, Reason, Result};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{RustCrypto, RustCryptoHmacContext};

/// A backend that computes HMACs (the seed system's `HMACBackend`).
pub trait HmacBackend {
    /// The context type [`HmacBackend::create_hmac_ctx`] returns.
    type HmacCtx: MacContext;

    /// The capability table: every hash this backend computes HMAC with.
    fn supported_hmac_hashes(&self) -> &[HashAlgorithm];

    /// True when [`HmacBackend::create_hmac_ctx`] succeeds for `algorithm` (with any key).
    fn hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
        backend_core::table_lists(self.supported_hmac_hashes(), &algorithm)
    }

    /// A fresh HMAC context keyed with `key` (any length; a key longer than the hash's block size is
    /// hashed first, per RFC 2104). [`Error::Unsupported`] for an XOF or a hash the backend lacks.
    fn create_hmac_ctx(&self, key: &[u8], algorithm: HashAlgorithm) -> Result<Self::HmacCtx>;
}

/// [`HmacBackend`] as a trait object: contexts come back boxed. Implemented for every
/// [`HmacBackend`]; nobody implements it by hand.
#[cfg(feature = "alloc")]
pub trait DynHmacBackend: Send + Sync {
    /// The capability table.
    fn supported_hmac_hashes(&self) -> &[HashAlgorithm];
    /// True when [`DynHmacBackend::create_hmac_ctx`] succeeds for `algorithm`.
    fn hmac_supported(&self, algorithm: HashAlgorithm) -> bool;
    /// A fresh boxed HMAC context.
    fn create_hmac_ctx(
        &self,
        key: &[u8],
        algorithm: HashAlgorithm,
    ) -> Result<alloc::boxed::Box<dyn DynMacContext>>;
}

#[cfg(feature = "alloc")]
impl<B> DynHmacBackend for B
where
    B: HmacBackend + Send + Sync,
    B::HmacCtx: 'static,
{
    fn supported_hmac_hashes(&self) -> &[HashAlgorithm] {
        HmacBackend::supported_hmac_hashes(self)
    }
    fn hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
        HmacBackend::hmac_supported(self, algorithm)
    }
    fn create_hmac_ctx(
        &self,
        key: &[u8],
        algorithm: HashAlgorithm,
    ) -> Result<alloc::boxed::Box<dyn DynMacContext>> {
        Ok(alloc::boxed::Box::new(HmacBackend::create_hmac_ctx(
            self, key, algorithm,
        )?))
    }
}
