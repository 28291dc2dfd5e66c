//! `CmacBackend`: the seed interface for CMAC (NIST SP 800-38B), and [`RustCrypto`], its
//! implementation over the RustCrypto `cmac` crate.
//!
//! ```
//! use backend_cmac::{CipherAlgorithm, CmacBackend, MacContext, RustCrypto};
//!
//! let key = [0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
//!            0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c];
//! let ctx = RustCrypto.create_cmac_ctx(&CipherAlgorithm::Aes(&key))?;
//! assert_eq!(ctx.finalize()[..4], [0xbb, 0x1d, 0x69, 0x29]); // SP 800-38B example 1
//! # Ok::<(), backend_cmac::Error>(())
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
pub use backend_core::{CipherAlgorithm, Error, MacContext, Output, Reason, Result};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{RustCrypto, RustCryptoCmacContext};

/// A backend that computes CMACs (the seed system's `CMACBackend`).
pub trait CmacBackend {
    /// The context type [`CmacBackend::create_cmac_ctx`] returns.
    type CmacCtx: MacContext;

    /// The capability table: every block cipher this backend computes CMAC with (the keys in the
    /// entries are empty; only the cipher counts).
    fn supported_cmac_algorithms(&self) -> &[CipherAlgorithm<'static>];

    /// True when this backend computes CMAC with `algorithm`'s cipher; a key of the wrong length
    /// is then the only way [`CmacBackend::create_cmac_ctx`] can fail.
    fn cmac_algorithm_supported(&self, algorithm: &CipherAlgorithm<'_>) -> bool {
        self.supported_cmac_algorithms()
            .iter()
            .any(|entry| core::mem::discriminant(entry) == core::mem::discriminant(algorithm))
    }

    /// A fresh CMAC context keyed with `algorithm`'s key. [`Error::Unsupported`] for a cipher
    /// without CMAC here (a stream cipher), [`Error::InvalidKey`] for a key of the wrong length.
    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<Self::CmacCtx>;
}

/// [`CmacBackend`] as a trait object: contexts come back boxed. Implemented for every
/// [`CmacBackend`]; nobody implements it by hand.
#[cfg(feature = "alloc")]
pub trait DynCmacBackend: Send + Sync {
    /// The capability table.
    fn supported_cmac_algorithms(&self) -> &[CipherAlgorithm<'static>];
    /// True when this backend computes CMAC with `algorithm`'s cipher.
    fn cmac_algorithm_supported(&self, algorithm: &CipherAlgorithm<'_>) -> bool;
    /// A fresh boxed CMAC context.
    fn create_cmac_ctx(
        &self,
        algorithm: &CipherAlgorithm<'_>,
    ) -> Result<alloc::boxed::Box<dyn DynMacContext>>;
}

#[cfg(feature = "alloc")]
impl<B> DynCmacBackend for B
where
    B: CmacBackend + Send + Sync,
    B::CmacCtx: 'static,
{
    fn supported_cmac_algorithms(&self) -> &[CipherAlgorithm<'static>] {
        CmacBackend::supported_cmac_algorithms(self)
    }
    fn cmac_algorithm_supported(&self, algorithm: &CipherAlgorithm<'_>) -> bool {
        CmacBackend::cmac_algorithm_supported(self, algorithm)
    }
    fn create_cmac_ctx(
        &self,
        algorithm: &CipherAlgorithm<'_>,
    ) -> Result<alloc::boxed::Box<dyn DynMacContext>> {
        Ok(alloc::boxed::Box::new(CmacBackend::create_cmac_ctx(
            self, algorithm,
        )?))
    }
}
