//! The object-safe twins of [`CipherBackend`], [`AeadBackend`] and their contexts and keys, for
//! backends chosen at run time. Every static implementation is a dynamic one through the blanket
//! impls; nobody implements these by hand. A boxed or borrowed dynamic backend is a static backend
//! again (with boxed contexts and keys), so a provider chosen at run time can be handed to code
//! generic over the static traits.

use crate::{
    AeadAlgorithm, AeadBackend, AeadKey, Capability, CipherAlgorithm, CipherBackend, CipherContext,
    DecryptionContext, EncryptionContext, Finalized, Mode, Output, Result,
};
use alloc::boxed::Box;
use alloc::vec::Vec;

/// [`CipherBackend`] as a trait object: contexts come back boxed.
pub trait DynCipherBackend: Send + Sync {
    /// See [`CipherBackend::cipher_capabilities`].
    fn cipher_capabilities(&self) -> &[Capability];
    /// See [`CipherBackend::cipher_supported`].
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
    fn cipher_capabilities(&self) -> &[Capability] {
        CipherBackend::cipher_capabilities(self)
    }
    fn cipher_supported(&self, cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> bool {
        CipherBackend::cipher_supported(self, cipher, mode)
    }
    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Box<dyn DynEncryptionContext>> {
        Ok(CipherBackend::create_symmetric_encryption_ctx(self, cipher, mode)?.into_dyn())
    }
    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Box<dyn DynDecryptionContext>> {
        Ok(CipherBackend::create_symmetric_decryption_ctx(self, cipher, mode)?.into_dyn())
    }
}

/// Writes `impl CipherBackend` for a pointer to a `dyn DynCipherBackend`: every method forwards,
/// the contexts are the boxed ones.
macro_rules! cipher_backend_for_dyn {
    ($($ty:ty),*) => {$(
        impl CipherBackend for $ty {
            type EncryptionCtx = Box<dyn DynEncryptionContext>;
            type DecryptionCtx = Box<dyn DynDecryptionContext>;

            fn cipher_capabilities(&self) -> &[Capability] {
                (**self).cipher_capabilities()
            }
            fn cipher_supported(&self, cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> bool {
                (**self).cipher_supported(cipher, mode)
            }
            fn create_symmetric_encryption_ctx(
                &self,
                cipher: &CipherAlgorithm<'_>,
                mode: &Mode<'_>,
            ) -> Result<Self::EncryptionCtx> {
                (**self).create_symmetric_encryption_ctx(cipher, mode)
            }
            fn create_symmetric_decryption_ctx(
                &self,
                cipher: &CipherAlgorithm<'_>,
                mode: &Mode<'_>,
            ) -> Result<Self::DecryptionCtx> {
                (**self).create_symmetric_decryption_ctx(cipher, mode)
            }
        }
    )*};
}

cipher_backend_for_dyn!(Box<dyn DynCipherBackend>, &dyn DynCipherBackend);

/// [`AeadBackend`] as a trait object: keys come back boxed.
pub trait DynAeadBackend: Send + Sync {
    /// See [`AeadBackend::aead_capabilities`].
    fn aead_capabilities(&self) -> &[Capability];
    /// See [`AeadBackend::aead_supported`].
    fn aead_supported(&self, aead: AeadAlgorithm, key_len: usize, nonce_len: Option<usize>)
    -> bool;
    /// A boxed key (see [`AeadBackend::create_aead_key`]).
    fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<Box<dyn DynAeadKey>>;
}

impl<B> DynAeadBackend for B
where
    B: AeadBackend + Send + Sync,
    B::AeadKey: 'static,
{
    fn aead_capabilities(&self) -> &[Capability] {
        AeadBackend::aead_capabilities(self)
    }
    fn aead_supported(
        &self,
        aead: AeadAlgorithm,
        key_len: usize,
        nonce_len: Option<usize>,
    ) -> bool {
        AeadBackend::aead_supported(self, aead, key_len, nonce_len)
    }
    fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<Box<dyn DynAeadKey>> {
        Ok(AeadBackend::create_aead_key(self, aead, key)?.into_dyn())
    }
}

/// Writes `impl AeadBackend` for a pointer to a `dyn DynAeadBackend`: every method forwards, the
/// keys are the boxed ones.
macro_rules! aead_backend_for_dyn {
    ($($ty:ty),*) => {$(
        impl AeadBackend for $ty {
            type AeadKey = Box<dyn DynAeadKey>;

            fn aead_capabilities(&self) -> &[Capability] {
                (**self).aead_capabilities()
            }
            fn aead_supported(
                &self,
                aead: AeadAlgorithm,
                key_len: usize,
                nonce_len: Option<usize>,
            ) -> bool {
                (**self).aead_supported(aead, key_len, nonce_len)
            }
            fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<Self::AeadKey> {
                (**self).create_aead_key(aead, key)
            }
        }
    )*};
}

aead_backend_for_dyn!(Box<dyn DynAeadBackend>, &dyn DynAeadBackend);

/// [`AeadKey`] as a boxed trait object: `Box<dyn DynAeadKey>`. [`AeadKey`] is object-safe, so
/// this is only the static trait under the twin's name, implemented for every key.
pub trait DynAeadKey: AeadKey {}

impl<K: AeadKey + ?Sized> DynAeadKey for K {}

/// A boxed key is a key: every method forwards, overrides kept.
impl AeadKey for Box<dyn DynAeadKey> {
    #[inline]
    fn algorithm(&self) -> AeadAlgorithm {
        (**self).algorithm()
    }
    #[inline]
    fn tag_length(&self) -> usize {
        (**self).tag_length()
    }
    #[inline]
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        (**self).encrypt_in_place_detached(nonce, buffer, associated_data)
    }
    #[inline]
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        (**self).decrypt_in_place_detached(nonce, buffer, associated_data, tag)
    }
    fn encrypt(&self, nonce: &[u8], data: &[u8], associated_data: &[u8]) -> Result<Vec<u8>> {
        (**self).encrypt(nonce, data, associated_data)
    }
    fn decrypt(&self, nonce: &[u8], data: &[u8], associated_data: &[u8]) -> Result<Vec<u8>> {
        (**self).decrypt(nonce, data, associated_data)
    }
    fn into_dyn(self) -> Box<dyn DynAeadKey> {
        self
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
    fn into_dyn(self) -> Box<dyn DynEncryptionContext> {
        self
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
    fn into_dyn(self) -> Box<dyn DynDecryptionContext> {
        self
    }
}
