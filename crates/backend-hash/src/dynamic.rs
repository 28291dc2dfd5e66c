//! The object-safe twins of [`HashBackend`] and [`HashContext`], for backends chosen at run time.
//! Every static implementation is a dynamic one through the blanket impls; nobody implements these
//! by hand. The way back: a boxed or borrowed dynamic backend is a static [`HashBackend`] whose
//! contexts are the boxed ones, so a provider chosen at run time serves generic code.

use crate::{HashAlgorithm, HashBackend, HashContext, HashOutput, Result};
use alloc::boxed::Box;
use backend_core::capability::Capability;

/// [`HashBackend`] as a trait object: contexts come back boxed.
pub trait DynHashBackend: Send + Sync {
    /// The capability rows (see [`HashBackend::hash_capabilities`]).
    fn hash_capabilities(&self) -> &[Capability];
    /// True when [`DynHashBackend::create_hash_ctx`] succeeds for `algorithm`.
    fn hash_supported(&self, algorithm: HashAlgorithm) -> bool;
    /// A fresh boxed context computing `algorithm`.
    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Box<dyn DynHashContext>>;
    /// The digest of `data` in one call (see [`HashBackend::hash`]); allocates only for a SHAKE
    /// output over 64 bytes.
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput>;
}

impl<B> DynHashBackend for B
where
    B: HashBackend + Send + Sync,
    B::HashCtx: 'static,
{
    fn hash_capabilities(&self) -> &[Capability] {
        HashBackend::hash_capabilities(self)
    }
    fn hash_supported(&self, algorithm: HashAlgorithm) -> bool {
        HashBackend::hash_supported(self, algorithm)
    }
    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Box<dyn DynHashContext>> {
        Ok(HashBackend::create_hash_ctx(self, algorithm)?.into_dyn())
    }
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput> {
        HashBackend::hash(self, algorithm, data)
    }
}

/// A boxed or borrowed dynamic backend is a static one: every method forwards to the object
/// (provided ones too, so a provider's override is kept), and contexts are the boxed ones.
macro_rules! static_from_dyn {
    ($($backend:ty),+) => {$(
        impl HashBackend for $backend {
            type HashCtx = Box<dyn DynHashContext>;

            fn hash_capabilities(&self) -> &[Capability] {
                (**self).hash_capabilities()
            }
            fn hash_supported(&self, algorithm: HashAlgorithm) -> bool {
                (**self).hash_supported(algorithm)
            }
            fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Box<dyn DynHashContext>> {
                (**self).create_hash_ctx(algorithm)
            }
            fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput> {
                (**self).hash(algorithm, data)
            }
        }
    )+};
}

static_from_dyn!(Box<dyn DynHashBackend + '_>, &dyn DynHashBackend);

/// [`HashContext`] as a trait object.
pub trait DynHashContext: Send + Sync {
    /// The algorithm being computed.
    fn algorithm(&self) -> HashAlgorithm;
    /// Absorbs `data`.
    fn update(&mut self, data: &[u8]);
    /// Writes the digest to `out` (exactly the digest size).
    fn finalize_into(self: Box<Self>, out: &mut [u8]) -> Result<()>;
    /// The digest, all of it (see [`HashContext::finalize`]).
    fn finalize(self: Box<Self>) -> Result<HashOutput>;
    /// An independent copy of the current state.
    fn copy(&self) -> Box<dyn DynHashContext>;
}

impl<C: HashContext + 'static> DynHashContext for C {
    fn algorithm(&self) -> HashAlgorithm {
        HashContext::algorithm(self)
    }
    fn update(&mut self, data: &[u8]) {
        HashContext::update(self, data);
    }
    fn finalize_into(self: Box<Self>, out: &mut [u8]) -> Result<()> {
        HashContext::finalize_into(*self, out)
    }
    fn finalize(self: Box<Self>) -> Result<HashOutput> {
        HashContext::finalize(*self)
    }
    fn copy(&self) -> Box<dyn DynHashContext> {
        self.clone().into_dyn()
    }
}

/// A boxed context is a [`HashContext`] too, so a dynamic backend (such as a composition of
/// providers) can serve generic code.
impl HashContext for Box<dyn DynHashContext> {
    fn algorithm(&self) -> HashAlgorithm {
        (**self).algorithm()
    }
    fn update(&mut self, data: &[u8]) {
        (**self).update(data);
    }
    fn finalize_into(self, out: &mut [u8]) -> Result<()> {
        DynHashContext::finalize_into(self, out)
    }
    fn finalize(self) -> Result<HashOutput> {
        DynHashContext::finalize(self)
    }
    fn into_dyn(self) -> Box<dyn DynHashContext> {
        self
    }
}

impl Clone for Box<dyn DynHashContext> {
    fn clone(&self) -> Self {
        (**self).copy()
    }
}
