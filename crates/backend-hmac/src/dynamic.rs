//! The object-safe twin of [`HmacBackend`], for backends chosen at run time. Every static
//! implementation is a dynamic one through the blanket impl; nobody implements it by hand. The way
//! back: a boxed or borrowed dynamic backend is a static [`HmacBackend`] whose contexts are the
//! boxed ones, so a provider chosen at run time serves generic code.

use crate::{DynMacContext, HashAlgorithm, HmacBackend, MacContext, Result};
use alloc::boxed::Box;
use backend_core::capability::Capability;

/// [`HmacBackend`] as a trait object: contexts come back boxed.
pub trait DynHmacBackend: Send + Sync {
    /// The capability rows (see [`HmacBackend::hmac_capabilities`]).
    fn hmac_capabilities(&self) -> &[Capability];
    /// True when [`DynHmacBackend::create_hmac_ctx`] succeeds for `algorithm`.
    fn hmac_supported(&self, algorithm: HashAlgorithm) -> bool;
    /// A fresh boxed HMAC context.
    fn create_hmac_ctx(
        &self,
        key: &[u8],
        algorithm: HashAlgorithm,
    ) -> Result<Box<dyn DynMacContext>>;
}

impl<B> DynHmacBackend for B
where
    B: HmacBackend + Send + Sync,
    B::HmacCtx: 'static,
{
    fn hmac_capabilities(&self) -> &[Capability] {
        HmacBackend::hmac_capabilities(self)
    }
    fn hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
        HmacBackend::hmac_supported(self, algorithm)
    }
    fn create_hmac_ctx(
        &self,
        key: &[u8],
        algorithm: HashAlgorithm,
    ) -> Result<Box<dyn DynMacContext>> {
        Ok(HmacBackend::create_hmac_ctx(self, key, algorithm)?.into_dyn())
    }
}

/// A boxed or borrowed dynamic backend is a static one: every method forwards to the object
/// (provided ones too, so a provider's override is kept), and contexts are the boxed ones.
macro_rules! static_from_dyn {
    ($($backend:ty),+) => {$(
        impl HmacBackend for $backend {
            type HmacCtx = Box<dyn DynMacContext>;

            fn hmac_capabilities(&self) -> &[Capability] {
                (**self).hmac_capabilities()
            }
            fn hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
                (**self).hmac_supported(algorithm)
            }
            fn create_hmac_ctx(
                &self,
                key: &[u8],
                algorithm: HashAlgorithm,
            ) -> Result<Box<dyn DynMacContext>> {
                (**self).create_hmac_ctx(key, algorithm)
            }
        }
    )+};
}

static_from_dyn!(Box<dyn DynHmacBackend + '_>, &dyn DynHmacBackend);
