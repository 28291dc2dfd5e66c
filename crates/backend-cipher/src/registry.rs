//! A registry-based backend (the seed system's `register_cipher_adapter`): the user adds a
//! (cipher, mode) pair at run time with the backend that serves it, and `cipher_supported` then
//! answers true for it.
//!
//! The registry is a value the caller builds and then uses: there is no process-wide registry.
//!
//! ```
//! use backend_cipher::registry::CipherRegistry;
//! use backend_cipher::{CipherAlgorithm, CipherBackend, Mode, RustCrypto};
//!
//! let mut registry = CipherRegistry::new();
//! let aes_cbc = (CipherAlgorithm::Aes(&[]), Mode::Cbc { iv: &[] });
//! registry.register_cipher_adapter(aes_cbc.0, aes_cbc.1, RustCrypto)?;
//! assert!(registry.cipher_supported(&CipherAlgorithm::Aes(&[0; 16]), &Mode::Cbc { iv: &[0; 16] }));
//! assert!(!registry.cipher_supported(&CipherAlgorithm::Aes(&[0; 16]), &Mode::Ecb));
//! # Ok::<(), backend_cipher::Error>(())
//! ```

use crate::{
    CipherAlgorithm, CipherBackend, DynCipherBackend, DynDecryptionContext, DynEncryptionContext,
    Error, Mode, Reason, Result, pair_listed,
};
use alloc::boxed::Box;
use alloc::vec::Vec;

/// A backend whose (cipher, mode) pairs are registered at run time, each with the backend (the
/// adapter) that creates its contexts.
#[derive(Default)]
pub struct CipherRegistry {
    table: Vec<(CipherAlgorithm<'static>, Mode<'static>)>,
    adapters: Vec<Box<dyn DynCipherBackend>>,
}

impl core::fmt::Debug for CipherRegistry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CipherRegistry")
            .field("pairs", &self.table)
            .finish()
    }
}

impl CipherRegistry {
    /// An empty registry: supports nothing until pairs are registered.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers `adapter` for the pair of `cipher`'s and `mode`'s kinds (their keys and IVs are
    /// ignored). [`Error::InvalidArgument`] when the pair is already registered, as the seed
    /// system refuses a duplicate registration.
    pub fn register_cipher_adapter(
        &mut self,
        cipher: CipherAlgorithm<'static>,
        mode: Mode<'static>,
        adapter: impl DynCipherBackend + 'static,
    ) -> Result<()> {
        if pair_listed(&self.table, &cipher, &mode) {
            return Err(Error::InvalidArgument(
                "duplicate registration of a cipher and mode",
            ));
        }
        self.table.push((cipher, mode));
        self.adapters.push(Box::new(adapter));
        Ok(())
    }

    fn adapter(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<&dyn DynCipherBackend> {
        self.table
            .iter()
            .zip(&self.adapters)
            .find(|((c, m), _)| pair_listed(&[(*c, *m)], cipher, mode))
            .map(|(_, adapter)| &**adapter)
            .ok_or(Error::unsupported(Reason::Cipher, cipher.name()))
    }
}

impl CipherBackend for CipherRegistry {
    type EncryptionCtx = Box<dyn DynEncryptionContext>;
    type DecryptionCtx = Box<dyn DynDecryptionContext>;

    fn supported_ciphers(&self) -> &[(CipherAlgorithm<'static>, Mode<'static>)] {
        &self.table
    }

    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Self::EncryptionCtx> {
        self.adapter(cipher, mode)?
            .create_symmetric_encryption_ctx(cipher, mode)
    }

    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Self::DecryptionCtx> {
        self.adapter(cipher, mode)?
            .create_symmetric_decryption_ctx(cipher, mode)
    }
}
