//! The object-safe twin of [`RsaBackend`], for backends chosen at run time. Every static
//! implementation is one through the blanket impl; nobody implements it by hand. The key traits
//! are object-safe already, so keys come back as `Box<dyn RsaPrivateKey>` / `Box<dyn RsaPublicKey>`.

use crate::{
    AsymmetricPadding, CryptoRng, Result, RsaBackend, RsaCapabilities, RsaPrivateKey,
    RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers,
};
use alloc::boxed::Box;

/// [`RsaBackend`] as a trait object: keys come back boxed.
pub trait DynRsaBackend: Send + Sync {
    /// The capability table (see [`RsaBackend::rsa_capabilities`]).
    fn rsa_capabilities(&self) -> &RsaCapabilities;
    /// See [`RsaBackend::rsa_padding_supported`].
    fn rsa_padding_supported(&self, padding: &AsymmetricPadding<'_>) -> bool;
    /// See [`RsaBackend::generate_rsa_parameters_supported`].
    fn generate_rsa_parameters_supported(&self, public_exponent: u64, key_size: usize) -> bool;
    /// See [`RsaBackend::generate_rsa_private_key`].
    fn generate_rsa_private_key(
        &self,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>>;
    /// See [`RsaBackend::generate_rsa_private_key_with_rng`].
    fn generate_rsa_private_key_with_rng(
        &self,
        rng: &mut dyn CryptoRng,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>>;
    /// See [`RsaBackend::load_rsa_private_numbers`].
    fn load_rsa_private_numbers(
        &self,
        numbers: &RsaPrivateNumbers,
    ) -> Result<Box<dyn RsaPrivateKey>>;
    /// See [`RsaBackend::load_rsa_public_numbers`].
    fn load_rsa_public_numbers(&self, numbers: &RsaPublicNumbers) -> Result<Box<dyn RsaPublicKey>>;
}

impl<B: RsaBackend + Send + Sync> DynRsaBackend for B {
    fn rsa_capabilities(&self) -> &RsaCapabilities {
        RsaBackend::rsa_capabilities(self)
    }
    fn rsa_padding_supported(&self, padding: &AsymmetricPadding<'_>) -> bool {
        RsaBackend::rsa_padding_supported(self, padding)
    }
    fn generate_rsa_parameters_supported(&self, public_exponent: u64, key_size: usize) -> bool {
        RsaBackend::generate_rsa_parameters_supported(self, public_exponent, key_size)
    }
    fn generate_rsa_private_key(
        &self,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        Ok(Box::new(RsaBackend::generate_rsa_private_key(
            self,
            public_exponent,
            key_size,
        )?))
    }
    fn generate_rsa_private_key_with_rng(
        &self,
        rng: &mut dyn CryptoRng,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        Ok(Box::new(RsaBackend::generate_rsa_private_key_with_rng(
            self,
            rng,
            public_exponent,
            key_size,
        )?))
    }
    fn load_rsa_private_numbers(
        &self,
        numbers: &RsaPrivateNumbers,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        Ok(Box::new(RsaBackend::load_rsa_private_numbers(
            self, numbers,
        )?))
    }
    fn load_rsa_public_numbers(&self, numbers: &RsaPublicNumbers) -> Result<Box<dyn RsaPublicKey>> {
        Ok(Box::new(RsaBackend::load_rsa_public_numbers(
            self, numbers,
        )?))
    }
}
