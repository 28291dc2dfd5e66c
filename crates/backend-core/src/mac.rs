use crate::{Output, Result};

/// A streaming MAC context (HMAC, CMAC): pyca/cryptography's `MACContext` / HMAC `HashContext`.
///
/// `finalize` and `verify` consume the context, so "update after finalize" and "finalize twice"
/// (pyca/cryptography's `AlreadyFinalized`) do not compile. `copy` forks the state.
///
/// ```compile_fail
/// fn twice<M: backend_core::MacContext>(ctx: M) {
///     let tag = ctx.finalize();
///     let again = ctx.finalize(); // error[E0382]: use of moved value: `ctx`
/// }
/// ```
pub trait MacContext: Clone + Send + Sync + Sized {
    /// Absorbs `data`.
    fn update(&mut self, data: &[u8]);

    /// The tag.
    fn finalize(self) -> Output;

    /// Checks `signature` against the tag in constant time; [`crate::Error::InvalidSignature`] when
    /// they differ (in any byte or in length).
    fn verify(self, signature: &[u8]) -> Result<()> {
        if self.finalize().ct_eq(signature) {
            Ok(())
        } else {
            Err(crate::Error::InvalidSignature)
        }
    }

    /// An independent copy of the current state.
    fn copy(&self) -> Self {
        self.clone()
    }

    /// The context as the trait object the dynamic backends return. A context that already is one
    /// (`Box<dyn DynMacContext>`, the context of a boxed backend or a composition) returns itself
    /// rather than a box in a box, so such a backend behind `dyn DynHmacBackend` /
    /// `dyn DynCmacBackend` stays one virtual call deep per update.
    #[cfg(feature = "alloc")]
    fn into_dyn(self) -> alloc::boxed::Box<dyn DynMacContext>
    where
        Self: 'static,
    {
        alloc::boxed::Box::new(self)
    }
}

/// The object-safe twin of [`MacContext`], for contexts behind a `Box` (dynamic backends). Every
/// `MacContext` is one through a blanket impl; nobody implements it by hand.
#[cfg(feature = "alloc")]
pub trait DynMacContext: Send + Sync {
    /// Absorbs `data`.
    fn update(&mut self, data: &[u8]);
    /// The tag.
    fn finalize(self: alloc::boxed::Box<Self>) -> Output;
    /// Checks `signature` against the tag in constant time.
    fn verify(self: alloc::boxed::Box<Self>, signature: &[u8]) -> Result<()>;
    /// An independent copy of the current state.
    fn copy(&self) -> alloc::boxed::Box<dyn DynMacContext>;
}

#[cfg(feature = "alloc")]
impl<T: MacContext + 'static> DynMacContext for T {
    fn update(&mut self, data: &[u8]) {
        MacContext::update(self, data);
    }
    fn finalize(self: alloc::boxed::Box<Self>) -> Output {
        MacContext::finalize(*self)
    }
    fn verify(self: alloc::boxed::Box<Self>, signature: &[u8]) -> Result<()> {
        MacContext::verify(*self, signature)
    }
    fn copy(&self) -> alloc::boxed::Box<dyn DynMacContext> {
        self.clone().into_dyn()
    }
}

/// A boxed context is a [`MacContext`] too, so a dynamic backend can serve a generic caller.
#[cfg(feature = "alloc")]
impl MacContext for alloc::boxed::Box<dyn DynMacContext> {
    fn update(&mut self, data: &[u8]) {
        (**self).update(data);
    }
    fn finalize(self) -> Output {
        DynMacContext::finalize(self)
    }
    fn verify(self, signature: &[u8]) -> Result<()> {
        DynMacContext::verify(self, signature)
    }
    fn into_dyn(self) -> alloc::boxed::Box<dyn DynMacContext> {
        self
    }
}

#[cfg(feature = "alloc")]
impl Clone for alloc::boxed::Box<dyn DynMacContext> {
    fn clone(&self) -> Self {
        (**self).copy()
    }
}
