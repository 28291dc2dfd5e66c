//! The object-safe twins of [`CipherBackend`] and its contexts, for backends chosen at run time.
//! Every static implementation is a dynamic one through the blanket impls; nobody implements
//! these by hand.

use crate::{
    CipherAlgorithm, CipherBackend, CipherContext, DecryptionContext, EncryptionContext, Finalized,
    Mode, Output, Result,
};
use alloc::boxed::Box;
use alloc::vec::Vec;

/// [`CipherBackend`] as a trait object: contexts come back boxed.
pub trait DynCipherBackend: Send + Sync {
    /// The capability table (see [`CipherBackend::supported_ciphers`]).
    fn supported_ciphers(&self) -> &[(CipherAlgorithm<'static>, Mode<'static>)];
    /// True when the table lists the pair.
    fn cipher_supported(&self, cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> bool;
    /// A boxed streaming encryption context.
    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Box<dyn DynEncryptionContext>>;
    /// A boxed streaming decryption context.
    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Box<dyn DynDecryptionContext>>;
}

impl<B> DynCipherBackend for B
where
    B: CipherBackend + Send + Sync,
    B::EncryptionCtx: 'static,
    B::DecryptionCtx: 'static,
{
    fn supported_ciphers(&self) -> &[(CipherAlgorithm<'static>, Mode<'static>)] {
        CipherBackend::supported_ciphers(self)
    }
    fn cipher_supported(&self, cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> bool {
        CipherBackend::cipher_supported(self, cipher, mode)
    }
    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Box<dyn DynEncryptionContext>> {
        Ok(Box::new(CipherBackend::create_symmetric_encryption_ctx(
            self, cipher, mode,
        )?))
    }
    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Box<dyn DynDecryptionContext>> {
        Ok(Box::new(CipherBackend::create_symmetric_decryption_ctx(
            self, cipher, mode,
        )?))
    }
}

/// [`EncryptionContext`] as a trait object.
pub trait DynEncryptionContext: Send + Sync {
    /// See [`CipherContext::output_len`].
    fn output_len(&self, input_len: usize) -> usize;
    /// See [`CipherContext::update_into`].
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize>;
    /// See [`CipherContext::update`].
    fn update(&mut self, data: &[u8]) -> Result<Vec<u8>>;
    /// See [`CipherContext::authenticate_additional_data`].
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()>;
    /// See [`EncryptionContext::finalize`].
    fn finalize(self: Box<Self>) -> Result<Finalized>;
}

impl<C: EncryptionContext + 'static> DynEncryptionContext for C {
    fn output_len(&self, input_len: usize) -> usize {
        CipherContext::output_len(self, input_len)
    }
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        CipherContext::update_into(self, data, out)
    }
    fn update(&mut self, data: &[u8]) -> Result<Vec<u8>> {
        CipherContext::update(self, data)
    }
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        CipherContext::authenticate_additional_data(self, data)
    }
    fn finalize(self: Box<Self>) -> Result<Finalized> {
        EncryptionContext::finalize(*self)
    }
}

/// [`DecryptionContext`] as a trait object.
pub trait DynDecryptionContext: Send + Sync {
    /// See [`CipherContext::output_len`].
    fn output_len(&self, input_len: usize) -> usize;
    /// See [`CipherContext::update_into`].
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize>;
    /// See [`CipherContext::update`].
    fn update(&mut self, data: &[u8]) -> Result<Vec<u8>>;
    /// See [`CipherContext::authenticate_additional_data`].
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()>;
    /// See [`DecryptionContext::finalize`].
    fn finalize(self: Box<Self>) -> Result<Output>;
    /// See [`DecryptionContext::finalize_with_tag`].
    fn finalize_with_tag(self: Box<Self>, tag: &[u8]) -> Result<Output>;
}

impl<C: DecryptionContext + 'static> DynDecryptionContext for C {
    fn output_len(&self, input_len: usize) -> usize {
        CipherContext::output_len(self, input_len)
    }
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        CipherContext::update_into(self, data, out)
    }
    fn update(&mut self, data: &[u8]) -> Result<Vec<u8>> {
        CipherContext::update(self, data)
    }
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        CipherContext::authenticate_additional_data(self, data)
    }
    fn finalize(self: Box<Self>) -> Result<Output> {
        DecryptionContext::finalize(*self)
    }
    fn finalize_with_tag(self: Box<Self>, tag: &[u8]) -> Result<Output> {
        DecryptionContext::finalize_with_tag(*self, tag)
    }
}

/// A boxed context is a static one too, so a dynamic backend can serve generic code.
impl CipherContext for Box<dyn DynEncryptionContext> {
    fn output_len(&self, input_len: usize) -> usize {
        (**self).output_len(input_len)
    }
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        (**self).update_into(data, out)
    }
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        (**self).authenticate_additional_data(data)
    }
}

impl EncryptionContext for Box<dyn DynEncryptionContext> {
    fn finalize(self) -> Result<Finalized> {
        DynEncryptionContext::finalize(self)
    }
}

impl CipherContext for Box<dyn DynDecryptionContext> {
    fn output_len(&self, input_len: usize) -> usize {
        (**self).output_len(input_len)
    }
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        (**self).update_into(data, out)
    }
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        (**self).authenticate_additional_data(data)
    }
}

impl DecryptionContext for Box<dyn DynDecryptionContext> {
    fn finalize(self) -> Result<Output> {
        DynDecryptionContext::finalize(self)
    }
    fn finalize_with_tag(self, tag: &[u8]) -> Result<Output> {
        DynDecryptionContext::finalize_with_tag(self, tag)
    }
}
