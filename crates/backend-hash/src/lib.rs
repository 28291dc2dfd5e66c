//! `HashBackend`: the seed interface for hash functions, and its implementation for
//! [`RustCrypto`] (the one provider type of `backend-core`) over the RustCrypto hash crates.
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
mod output;
#[cfg(feature = "rustcrypto-base")]
pub mod rustcrypto;

use backend_core::capability::{Algorithm, Capability, Query};

#[cfg(feature = "rustcrypto-base")]
pub use backend_core::RustCrypto;
pub use backend_core::{Error, HashAlgorithm, Output, Reason, Result, capability};
#[cfg(feature = "alloc")]
pub use dynamic::{DynHashBackend, DynHashContext};
pub use output::{HashOutput, check_owned_output_len};
#[cfg(feature = "rustcrypto-base")]
pub use rustcrypto::RustCryptoHashContext;

/// The capability query for a call computing `algorithm` (any SHAKE output length is the same
/// function: a SHAKE row serves them all). [`HashBackend::hash_supported`] asks it, and a
/// composition of providers routes a hash call with it.
pub const fn hash_query(algorithm: HashAlgorithm) -> Query {
    Query::new(Algorithm::Hash(algorithm))
}

/// A backend that computes message digests (pyca/cryptography's `HashBackend`).
///
/// ```
/// use backend_hash::{HashAlgorithm, HashBackend, HashContext, RustCrypto};
///
/// // One call for a whole message:
/// let digest = RustCrypto.hash(HashAlgorithm::Sha3_256, b"abc")?;
/// assert_eq!(format!("{digest:x}")[..8], *"3a985da7");
///
/// // A streaming context for data that arrives in pieces:
/// let mut ctx = RustCrypto.create_hash_ctx(HashAlgorithm::Sha3_256)?;
/// ctx.update(b"a");
/// ctx.update(b"bc");
/// assert_eq!(ctx.finalize()?, digest);
///
/// // SHAKE gives the whole requested length (beyond 64 bytes, with the `alloc` feature).
/// let shake = HashAlgorithm::shake256(200)?;
/// assert!(RustCrypto.hash_supported(shake));
/// # #[cfg(feature = "alloc")]
/// assert_eq!(RustCrypto.hash(shake, b"abc")?.len(), 200);
/// let mut long = [0u8; 200]; // any length, no allocation
/// let mut ctx = RustCrypto.create_hash_ctx(shake)?;
/// ctx.update(b"abc");
/// ctx.finalize_into(&mut long)?;
/// # Ok::<(), backend_hash::Error>(())
/// ```
#[doc(alias = "digest")]
#[doc(alias = "SHA-256")]
#[doc(alias = "SHA3")]
#[doc(alias = "SHAKE")]
pub trait HashBackend {
    /// The context type [`HashBackend::create_hash_ctx`] returns.
    type HashCtx: HashContext;

    /// The capability rows: an [`Algorithm::Hash`] row for every algorithm this backend computes
    /// (a SHAKE row stands for every output length). [`HashBackend::hash_supported`] is derived
    /// from them.
    fn hash_capabilities(&self) -> &[Capability];

    /// True when the backend computes `algorithm`: [`HashBackend::create_hash_ctx`] succeeds and
    /// no call for it is [`Error::Unsupported`]. For every supported descriptor,
    /// [`HashContext::finalize_into`] writes any output length, and [`HashBackend::hash`] /
    /// [`HashContext::finalize`] return the whole output when it is at most
    /// [`HashOutput::MAX_LEN`] (every fixed-output hash, and SHAKE up to 1 MiB with `alloc`, up to
    /// 64 bytes without); longer owned outputs are [`Error::InvalidArgument`] naming that limit
    /// (see [`check_owned_output_len`]), never a wrong or partial result.
    fn hash_supported(&self, algorithm: HashAlgorithm) -> bool {
        capability::supports(self.hash_capabilities(), &hash_query(algorithm))
    }

    /// A fresh context computing `algorithm`; [`Error::Unsupported`] when the backend lacks it.
    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Self::HashCtx>;

    /// The digest of `data` in one call (for callers holding the whole message): all
    /// `algorithm.digest_size()` bytes, or [`Error::InvalidArgument`] before anything is hashed
    /// when that is over [`HashOutput::MAX_LEN`]. The default streams through a context; a
    /// provider may override it with a faster one-shot path.
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput> {
        check_owned_output_len(algorithm.digest_size())?;
        let mut ctx = self.create_hash_ctx(algorithm)?;
        HashContext::update(&mut ctx, data);
        HashContext::finalize(ctx)
    }
}

/// A streaming hash computation (pyca/cryptography's `HashContext`).
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

    /// Writes the digest to `out`, which must be exactly `algorithm().digest_size()` bytes
    /// ([`Error::BufferTooSmall`] / [`Error::InvalidArgument`] otherwise). Allocates nothing: the
    /// path for a caller who owns the buffer.
    fn finalize_into(self, out: &mut [u8]) -> Result<()>;

    /// The digest: all `algorithm().digest_size()` bytes, inline up to 64 bytes and (SHAKE with
    /// `alloc`) on the heap beyond; [`Error::InvalidArgument`] over [`HashOutput::MAX_LEN`]
    /// (use [`HashContext::finalize_into`] for those).
    fn finalize(self) -> Result<HashOutput> {
        let size = self.algorithm().digest_size();
        HashOutput::with_len(size, move |out| self.finalize_into(out))
    }

    /// An independent copy of the current state (pyca/cryptography's `copy`).
    fn copy(&self) -> Self {
        self.clone()
    }

    /// The context as the trait object [`DynHashBackend`] returns. A context that already is one
    /// (`Box<dyn DynHashContext>`, the context of a boxed backend or a composition) returns
    /// itself rather than a box in a box, so such a backend behind `dyn DynHashBackend` stays one
    /// virtual call deep per update.
    #[cfg(feature = "alloc")]
    fn into_dyn(self) -> alloc::boxed::Box<dyn DynHashContext>
    where
        Self: 'static,
    {
        alloc::boxed::Box::new(self)
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
