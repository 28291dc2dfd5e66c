//! A registry-based backend (pyca/cryptography's `register_cipher_adapter`): the user adds a
//! (cipher, mode) pair at run time with the backend that serves it; the pair's rows join the
//! registry's capability rows, and `cipher_supported` then answers true for it.
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
    Capability, CipherAlgorithm, CipherBackend, DynCipherBackend, DynDecryptionContext,
    DynEncryptionContext, Error, Mode, Reason, Result,
};
use alloc::boxed::Box;
use alloc::vec::Vec;
use backend_core::capability::Algorithm;

/// A backend whose (cipher, mode) pairs are registered at run time, each with the backend (the
/// adapter) that creates its contexts.
///
/// Registering a pair adds rows to [`CipherBackend::cipher_capabilities`]: the adapter's own rows
/// for the pair (so its key sizes and GCM lengths carry over), or, when the adapter lists none, a
/// row that accepts every size (the adapter then checks lengths itself).
#[derive(Default)]
pub struct CipherRegistry {
    rows: Vec<Capability>,
    adapters: Vec<(Algorithm, Box<dyn DynCipherBackend>)>,
}

impl core::fmt::Debug for CipherRegistry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CipherRegistry")
            .field("rows", &self.rows)
            .finish()
    }
}

fn pair(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> Algorithm {
    Algorithm::Cipher(cipher.kind(), mode.kind())
}

impl CipherRegistry {
    /// An empty registry: supports nothing until pairs are registered.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers `adapter` for the pair of `cipher`'s and `mode`'s kinds (their keys and IVs are
    /// ignored). [`Error::InvalidArgument`] when the pair is already registered, as
    /// pyca/cryptography refuses a duplicate registration.
    pub fn register_cipher_adapter(
        &mut self,
        cipher: CipherAlgorithm<'static>,
        mode: Mode<'static>,
        adapter: impl DynCipherBackend + 'static,
    ) -> Result<()> {
        let algorithm = pair(&cipher, &mode);
        if self.adapters.iter().any(|(a, _)| *a == algorithm) {
            return Err(Error::InvalidArgument(
                "duplicate registration of a cipher and mode",
            ));
        }
        let before = self.rows.len();
        self.rows.extend(
            adapter
                .cipher_capabilities()
                .iter()
                .filter(|row| row.algorithm == algorithm),
        );
        if self.rows.len() == before {
            self.rows.push(Capability::new(algorithm));
        }
        self.adapters.push((algorithm, Box::new(adapter)));
        Ok(())
    }

    fn adapter(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<&dyn DynCipherBackend> {
        let algorithm = pair(cipher, mode);
        self.adapters
            .iter()
            .find(|(a, _)| *a == algorithm)
            .map(|(_, adapter)| &**adapter)
            .ok_or(Error::unsupported(Reason::Cipher, cipher.name()))
    }
}

impl CipherBackend for CipherRegistry {
    type EncryptionCtx = Box<dyn DynEncryptionContext>;
    type DecryptionCtx = Box<dyn DynDecryptionContext>;

    fn cipher_capabilities(&self) -> &[Capability] {
        &self.rows
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
