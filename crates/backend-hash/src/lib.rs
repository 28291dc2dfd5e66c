//! `HashBackend`: the seed interface for hash functions, and [`RustCrypto`], its implementation over
//! the RustCrypto hash crates.
//!
//! ```
//! use backend_hash::{HashAlgorithm, HashBackend, HashContext, RustCrypto};
//!
//! let mut ctx = RustCrypto.create_hash_ctx(HashAlgorithm::Sha256)?;
//! ctx.update(b"abc");
//! assert_eq!(ctx.finalize()?[..4], [0xba, 0x78, 0x16, 0xbf]);
//! # Ok::<(), backend_hash::Error>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod dynamic;
#[cfg(feature = "rustcrypto")]
mod rustcrypto;

pub use backend_core::{Error, HashAlgorithm, Output, Reason, Result};
#[cfg(feature = "alloc")]
pub use dynamic::{DynHashBackend, DynHashContext};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{RustCrypto, RustCryptoHashContext};

/// A backend that computes message digests (the seed system's `HashBackend`).
pub trait HashBackend {
    /// The context type [`HashBackend::create_hash_ctx`] returns.
    type HashCtx: HashContext;

    /// The capability table: every algorithm this backend computes (an XOF entry stands for every
    /// output size). [`HashBackend::hash_supported`] is derived from it.
    fn supported_hashes(&self) -> &[HashAlgorithm];

    /// True when [`HashBackend::create_hash_ctx`] succeeds for `algorithm`.
    fn hash_supported(&self, algorithm: HashAlgorithm) -> bool {
        backend_core::table_lists(self.supported_hashes(), &algorithm)
    }

    /// A fresh context computing `algorithm`; [`Error::Unsupported`] when the backend lacks it.
    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Self::HashCtx>;

    /// The digest of `data` in one call (for callers holding the whole message). The default
    /// streams through a context; a provider may override it with a faster one-shot path.
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<Output> {
        let mut ctx = self.create_hash_ctx(algorithm)?;
        HashContext::update(&mut ctx, data);
        HashContext::finalize(ctx)
    }
}

/// A streaming hash computation (the seed system's `HashContext`).
///
/// `finalize` consumes the context: updating or finalizing it again does not compile, so the seed
/// system's `AlreadyFinalized` cannot occur. `copy` forks the state.
///
/// ```compile_fail
/// use backend_hash::{HashAlgorithm, HashBackend, HashContext, RustCrypto};
/// let mut ctx = RustCrypto.create_hash_ctx(HashAlgorithm::Sha256).unwrap();
/// let digest = ctx.finalize();
/// ctx.update(b"after finalize"); // error[E0382]: use of moved value: `ctx`
/// ```
pub trait HashContext: Clone + Send + Sync + Sized {
    /// The algorithm being computed.
    fn algorithm(&self) -> HashAlgorithm;

    /// Absorbs `data`.
    fn update(&mut self, data: &[u8]);

    /// Writes the digest to `out`, which must be exactly `algorithm().digest_size()` bytes. The path
    /// for XOF outputs longer than [`Output::CAPACITY`].
    fn finalize_into(self, out: &mut [u8]) -> Result<()>;

    /// The digest, inline. [`Error::BufferTooSmall`] only for an XOF output longer than
    /// [`Output::CAPACITY`] (64 bytes): use [`HashContext::finalize_into`] for those.
    fn finalize(self) -> Result<Output> {
        let size = self.algorithm().digest_size();
        let mut out = Output::zeroed(size).ok_or(Error::BufferTooSmall { needed: size })?;
        self.finalize_into(out.as_mut_slice())?;
        Ok(out)
    }

    /// An independent copy of the current state (the seed system's `copy`).
    fn copy(&self) -> Self {
        self.clone()
    }
}

/// Checks that an output buffer has the digest's exact size.
#[inline]
pub fn check_output_len(algorithm: HashAlgorithm, out: &[u8]) -> Result<()> {
    let needed = algorithm.digest_size();
    match out.len() {
        n if n < needed => Err(Error::BufferTooSmall { needed }),
        n if n > needed => Err(Error::InvalidArgument(
            "output buffer longer than the digest size",
        )),
        _ => Ok(()),
    }
}
