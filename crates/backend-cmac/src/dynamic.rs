//! The object-safe twin of [`CmacBackend`], for backends chosen at run time. Every static
//! implementation is a dynamic one through the blanket impl; nobody implements it by hand. The way
//! back: a boxed or borrowed dynamic backend is a static [`CmacBackend`] whose contexts are the
//! boxed ones, so a provider chosen at run time serves generic code.

use crate::{CipherAlgorithm, CmacBackend, DynMacContext, MacContext, Result};
use alloc::boxed::Box;
use backend_core::capability::Capability;

/// [`CmacBackend`] as a trait object: contexts come back boxed.
pub trait DynCmacBackend: Send + Sync {
    /// The capability rows (see [`CmacBackend::cmac_capabilities`]).
    fn cmac_capabilities(&self) -> &[Capability];
    /// True when [`DynCmacBackend::create_cmac_ctx`] succeeds for `algorithm` (cipher and key
    /// size).
    fn cmac_algorithm_supported(&self, algorithm: &CipherAlgorithm<'_>) -> bool;
    /// A fresh boxed CMAC context.
    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<Box<dyn DynMacContext>>;
}

impl<B> DynCmacBackend for B
where
    B: CmacBackend + Send + Sync,
    B::CmacCtx: 'static,
{
    fn cmac_capabilities(&self) -> &[Capability] {
        CmacBackend::cmac_capabilities(self)
    }
    fn cmac_algorithm_supported(&self, algorithm: &CipherAlgorithm<'_>) -> bool {
        CmacBackend::cmac_algorithm_supported(self, algorithm)
    }
    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<Box<dyn DynMacContext>> {
        Ok(CmacBackend::create_cmac_ctx(self, algorithm)?.into_dyn())
    }
}

/// A boxed or borrowed dynamic backend is a static one: every method forwards to the object
/// (provided ones too, so a provider's override is kept), and contexts are the boxed ones.
macro_rules! static_from_dyn {
    ($($backend:ty),+) => {$(
        impl CmacBackend for $backend {
            type CmacCtx = Box<dyn DynMacContext>;

            fn cmac_capabilities(&self) -> &[Capability] {
                (**self).cmac_capabilities()
            }
            fn cmac_algorithm_supported(&self, algorithm: &CipherAlgorithm<'_>) -> bool {
                (**self).cmac_algorithm_supported(algorithm)
            }
            fn create_cmac_ctx(
                &self,
                algorithm: &CipherAlgorithm<'_>,
            ) -> Result<Box<dyn DynMacContext>> {
                (**self).create_cmac_ctx(algorithm)
            }
        }
    )+};
}

static_from_dyn!(Box<dyn DynCmacBackend + '_>, &dyn DynCmacBackend);
