//! `CmacBackend`: the seed interface for CMAC (NIST SP 800-38B), and its implementation for
//! [`RustCrypto`] (the one provider type of `backend-core`) over the RustCrypto `cmac` crate.
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

#[cfg(feature = "alloc")]
mod dynamic;
#[cfg(feature = "rustcrypto-base")]
pub mod rustcrypto;

use backend_core::capability::{Algorithm, Capability, Query};

#[cfg(feature = "alloc")]
pub use backend_core::DynMacContext;
#[cfg(feature = "rustcrypto-base")]
pub use backend_core::RustCrypto;
pub use backend_core::{CipherAlgorithm, Error, MacContext, Output, Reason, Result, capability};
#[cfg(feature = "alloc")]
pub use dynamic::DynCmacBackend;
#[cfg(feature = "rustcrypto-base")]
pub use rustcrypto::RustCryptoCmacContext;

/// The capability query for a CMAC with `algorithm`: the cipher and its key size in bits (a
/// Triple DES key counts 8 bits a byte, parity included: 64, 128 or 192).
/// [`CmacBackend::cmac_algorithm_supported`] asks it, and a composition of providers routes
/// `create_cmac_ctx` with it, so a provider without AES-192 falls through to the next.
pub const fn cmac_query(algorithm: &CipherAlgorithm<'_>) -> Query {
    Query::new(Algorithm::Cmac(algorithm.kind())).key_bytes(algorithm.key().len())
}

/// A backend that computes CMACs (pyca/cryptography's `CMACBackend`).
///
/// `backend::Backend` (this crate's [`RustCrypto`]) implements it; generic code takes any
/// implementation:
///
/// ```
/// # #[cfg(feature = "rustcrypto")] {
/// use backend_cmac::{CipherAlgorithm, CmacBackend, MacContext, RustCrypto};
///
/// // RFC 4493, example 1: AES-128 CMAC of the empty message.
/// let key = [0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c];
/// let mac = RustCrypto.create_cmac_ctx(&CipherAlgorithm::Aes(&key))?;
/// let tag = mac.finalize();
/// assert_eq!(tag[..4], [0xbb, 0x1d, 0x69, 0x29]);
/// // Key sizes decide support: AES-CMAC is defined for 128-, 192- and 256-bit keys.
/// assert!(!RustCrypto.cmac_algorithm_supported(&CipherAlgorithm::Aes(&[0; 64])));
/// # }
/// # Ok::<(), backend_cmac::Error>(())
/// ```
pub trait CmacBackend {
    /// The context type [`CmacBackend::create_cmac_ctx`] returns.
    type CmacCtx: MacContext;

    /// The capability rows: an [`Algorithm::Cmac`] row for every block cipher this backend
    /// computes CMAC with, naming the key sizes it takes.
    /// [`CmacBackend::cmac_algorithm_supported`] is derived from them.
    fn cmac_capabilities(&self) -> &[Capability];

    /// True when [`CmacBackend::create_cmac_ctx`] succeeds for `algorithm`: this cipher *with this
    /// key size*. False for a cipher the backend lacks (the call is [`Error::Unsupported`]) and
    /// for a key size it does not take (a provider's rows may leave out a size that exists, e.g.
    /// AES-192, and then refuse it as unsupported; a size the cipher's CMAC does not define at
    /// all is [`Error::InvalidKey`]).
    fn cmac_algorithm_supported(&self, algorithm: &CipherAlgorithm<'_>) -> bool {
        capability::supports(self.cmac_capabilities(), &cmac_query(algorithm))
    }

    /// A fresh CMAC context keyed with `algorithm`'s key. [`Error::Unsupported`] for a cipher
    /// without CMAC here (a stream cipher), [`Error::InvalidKey`] for a key of the wrong length.
    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<Self::CmacCtx>;
}
