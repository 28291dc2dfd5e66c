//! `CipherBackend`: pyca/cryptography's interface for symmetric encryption (`cipher_supported`,
//! `create_symmetric_encryption_ctx`, `create_symmetric_decryption_ctx`), its streaming contexts
//! (AEAD included), block padding, the keyed one-shot AEADs ([`AeadBackend`], [`AeadKey`]), and
//! their implementation for [`RustCrypto`], the provider over the RustCrypto crates.
//!
//! What a provider offers is a slice of capability rows ([`CipherBackend::cipher_capabilities`],
//! [`AeadBackend::aead_capabilities`]); [`cipher_query`] and [`aead_query`] describe one call, and
//! every `*_supported` answer is derived from the two with [`backend_core::capability::supports`].
//!
//! ```
//! use backend_cipher::{CipherAlgorithm, CipherBackend, CipherContext, EncryptionContext, Mode, RustCrypto};
//!
//! let (key, iv) = ([7u8; 16], [9u8; 12]);
//! let mut ctx = RustCrypto.create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&key), &Mode::gcm(&iv))?;
//! let mut ct = [0u8; 5];
//! ctx.update_into(b"hello", &mut ct)?;
//! assert_eq!(ctx.finalize()?.tag.map(|t| t.len()), Some(16));
//! # Ok::<(), backend_cipher::Error>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod aead;
#[cfg(feature = "alloc")]
mod dynamic;
mod mode;
pub mod padding;
#[cfg(feature = "alloc")]
pub mod registry;
#[cfg(feature = "rustcrypto-base")]
pub mod rustcrypto;

pub use aead::{AeadAlgorithm, AeadBackend, AeadKey, aead_query};
/// The RustCrypto provider (declared once in `backend-core`; this crate implements
/// [`CipherBackend`] and [`AeadBackend`] for it).
pub use backend_core::RustCrypto;
/// The capability rows of `backend-core` (re-exported so a provider written against this crate
/// alone can write its rows).
pub use backend_core::capability;
pub use backend_core::capability::{AeadKind, Capability, CipherKind, ModeKind, Query};
pub use backend_core::{CipherAlgorithm, Error, Output, Reason, Result};
#[cfg(feature = "alloc")]
pub use dynamic::{
    DynAeadBackend, DynAeadKey, DynCipherBackend, DynDecryptionContext, DynEncryptionContext,
};
pub use mode::{DEFAULT_MIN_TAG_LENGTH, LOWEST_MIN_TAG_LENGTH, MAX_TAG_LENGTH, Mode};
#[cfg(feature = "rustcrypto-base")]
pub use rustcrypto::{RustCryptoDecryptionContext, RustCryptoEncryptionContext};

use backend_core::capability::{Algorithm, supports};

/// A backend that encrypts and decrypts with symmetric ciphers (pyca/cryptography's
/// `CipherBackend`).
///
/// [`RustCrypto`] implements it (and `backend::Backend` *is* that type), so the example reads
/// the same with `backend::Backend` in place of `RustCrypto`. Generic code takes
/// `B: CipherBackend`; a provider chosen at run time (`Box<dyn DynCipherBackend>`,
/// `&dyn DynCipherBackend`) is one too, with boxed contexts:
///
/// ```
/// use backend_cipher::{
///     CipherAlgorithm, CipherBackend, CipherContext, DecryptionContext, EncryptionContext, Error,
///     Mode, RustCrypto,
/// };
///
/// /// AES-GCM through any provider: ciphertext into `out`, the tag returned.
/// fn seal<B: CipherBackend>(
///     backend: &B,
///     key: &[u8],
///     iv: &[u8],
///     header: &[u8],
///     msg: &[u8],
///     out: &mut [u8],
/// ) -> backend_cipher::Result<backend_cipher::Output> {
///     let mut ctx = backend.create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(key), &Mode::gcm(iv))?;
///     ctx.authenticate_additional_data(header)?;
///     ctx.update_into(msg, out)?;
///     ctx.finalize()?.tag.ok_or(Error::InvalidArgument("GCM gives a tag"))
/// }
///
/// let (key, iv) = ([0x42u8; 32], [0x24u8; 12]);
/// assert!(RustCrypto.cipher_supported(&CipherAlgorithm::Aes(&key), &Mode::gcm(&iv)));
/// let mut ciphertext = [0u8; 11];
/// let tag = seal(&RustCrypto, &key, &iv, b"header", b"hello world", &mut ciphertext)?;
/// assert_eq!(format!("{tag:x}").len(), 32); // byte outputs format as hex
///
/// let mut ctx = RustCrypto.create_symmetric_decryption_ctx(&CipherAlgorithm::Aes(&key), &Mode::gcm(&iv))?;
/// ctx.authenticate_additional_data(b"header")?;
/// let mut plaintext = [0u8; 11];
/// ctx.update_into(&ciphertext, &mut plaintext)?;
/// ctx.finalize_with_tag(&tag)?; // Error::InvalidTag if anything was altered
/// assert_eq!(&plaintext, b"hello world");
/// # Ok::<(), backend_cipher::Error>(())
/// ```
pub trait CipherBackend {
    /// The context [`CipherBackend::create_symmetric_encryption_ctx`] returns.
    type EncryptionCtx: EncryptionContext;
    /// The context [`CipherBackend::create_symmetric_decryption_ctx`] returns.
    type DecryptionCtx: DecryptionContext;

    /// The capability rows: one `Algorithm::Cipher(cipher, mode)` row per pair this backend runs,
    /// with the key sizes (bits) it accepts, and for GCM the IV and tag lengths.
    fn cipher_capabilities(&self) -> &[Capability];

    /// True when a row accepts [`cipher_query`]`(cipher, mode)`: the pair, the key size, and the
    /// IV and tag lengths the rows name. Then the create calls fail only on what the rows leave to
    /// the call (an IV that is not one block, equal XTS key halves), never with
    /// [`Error::Unsupported`].
    fn cipher_supported(&self, cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> bool {
        supports(self.cipher_capabilities(), &cipher_query(cipher, mode))
    }

    /// A streaming encryption context. An AEAD mode given a tag is [`Error::InvalidArgument`]: the
    /// tag comes out of [`EncryptionContext::finalize`].
    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Self::EncryptionCtx>;

    /// A streaming decryption context. An AEAD tag may come in the mode (then
    /// [`DecryptionContext::finalize`] checks it) or later through
    /// [`DecryptionContext::finalize_with_tag`].
    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Self::DecryptionCtx>;
}

/// The exact parameters of a cipher call, for a provider's rows to accept or refuse (the one
/// query behind [`CipherBackend::cipher_supported`] and a composition's routing).
///
/// `Algorithm::Cipher(cipher kind, mode kind)`, the key size in bits, the IV, nonce or tweak
/// length where the mode has one (ChaCha20's 16-byte nonce for [`Mode::Stream`]) and, for GCM, the
/// shortest tag the context may have to handle: the tag's length when the mode carries one, else
/// `min_tag_length` (at most [`MAX_TAG_LENGTH`]).
///
/// ```
/// use backend_cipher::{cipher_query, CipherAlgorithm, CipherKind, Mode, ModeKind};
/// use backend_cipher::capability::Algorithm;
///
/// let q = cipher_query(&CipherAlgorithm::Aes(&[0; 24]), &Mode::gcm(&[0; 12]));
/// assert_eq!(q.algorithm, Algorithm::Cipher(CipherKind::Aes, ModeKind::Gcm));
/// assert_eq!((q.key_bits, q.nonce_bytes, q.tag_bytes), (Some(192), Some(12), Some(16)));
/// ```
pub fn cipher_query(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> Query {
    let query =
        Query::new(Algorithm::Cipher(cipher.kind(), mode.kind())).key_bytes(cipher.key().len());
    match *mode {
        Mode::Ecb => query,
        Mode::Stream => match *cipher {
            CipherAlgorithm::ChaCha20 { nonce, .. } => query.nonce_bytes(nonce.len()),
            _ => query,
        },
        Mode::Gcm {
            iv,
            tag,
            min_tag_length,
        } => query
            .nonce_bytes(iv.len())
            .tag_bytes(tag.map_or(min_tag_length.min(MAX_TAG_LENGTH), <[u8]>::len)),
        _ => query.nonce_bytes(mode.iv().len()),
    }
}

/// What encryption and decryption contexts share: streaming `update` and AEAD additional data.
///
/// Memory stays a few blocks whatever the stream length: the context never buffers the message.
pub trait CipherContext: Send + Sync + Sized {
    /// The exact number of bytes the next [`CipherContext::update_into`] with `input_len` bytes
    /// writes (block modes hold a partial block back; XTS holds back up to 31 bytes for
    /// ciphertext stealing).
    fn output_len(&self, input_len: usize) -> usize;

    /// Processes `data`, writing [`CipherContext::output_len`] bytes to the front of `out` and
    /// returning that count. [`Error::BufferTooSmall`] (nothing processed) when `out` is shorter.
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize>;

    /// Processes `data` and returns the output (pyca/cryptography's `update`).
    #[cfg(feature = "alloc")]
    fn update(&mut self, data: &[u8]) -> Result<alloc::vec::Vec<u8>> {
        let mut out = alloc::vec![0u8; self.output_len(data.len())];
        let n = self.update_into(data, &mut out)?;
        out.truncate(n);
        Ok(out)
    }

    /// Authenticates `data` without encrypting it (AEAD modes only). Must come before the first
    /// update: afterwards, or in a mode without authentication, [`Error::InvalidArgument`].
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()>;
}

/// What [`EncryptionContext::finalize`] returns: the last output bytes and, for AEAD modes, the
/// tag. The tag exists only here, so "tag before finalize" cannot be written.
///
/// `{:x}` / `{:X}` write `data ‖ tag` as hex (pyca/cryptography's `finalize()` followed by `.tag`;
/// for GCM, whose `data` is empty, just the tag). Each part is an [`Output`], which formats alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finalized {
    /// Output held back until the end (XTS ciphertext stealing); empty for most modes.
    pub data: Output,
    /// The authentication tag of an AEAD mode (16 bytes for GCM); `None` otherwise.
    pub tag: Option<Output>,
}

impl core::fmt::LowerHex for Finalized {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        backend_core::hex::write_lower(f, &self.data)?;
        match &self.tag {
            Some(tag) => backend_core::hex::write_lower(f, tag),
            None => Ok(()),
        }
    }
}

impl core::fmt::UpperHex for Finalized {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        backend_core::hex::write_upper(f, &self.data)?;
        match &self.tag {
            Some(tag) => backend_core::hex::write_upper(f, tag),
            None => Ok(()),
        }
    }
}

/// A streaming encryption (pyca/cryptography's `CipherContext` / `AEADEncryptionContext`).
///
/// `finalize` consumes the context: "update after finalize" and "finalize twice"
/// (pyca/cryptography's `AlreadyFinalized`) do not compile, and the tag exists only in what
/// `finalize` returns:
///
/// ```compile_fail
/// use backend_cipher::{CipherAlgorithm, CipherBackend, EncryptionContext, Mode, RustCrypto};
///
/// let key = [0u8; 16];
/// let ctx = RustCrypto.create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&key), &Mode::Ecb)?;
/// let first = ctx.finalize()?;
/// let again = ctx.finalize()?; // error[E0382]: use of moved value: `ctx`
/// # Ok::<(), backend_cipher::Error>(())
/// ```
pub trait EncryptionContext: CipherContext {
    /// Ends the stream: the remaining output, and the tag for AEAD modes. ECB and CBC with a
    /// partial block left are [`Error::InvalidArgument`] (pad the data first, see [`padding`]).
    fn finalize(self) -> Result<Finalized>;

    /// The context as a boxed trait object. A context that already is a
    /// `Box<dyn DynEncryptionContext>` returns itself rather than a box in a box, so a boxed
    /// provider behind `dyn DynCipherBackend` stays one virtual call deep per update.
    #[cfg(feature = "alloc")]
    fn into_dyn(self) -> alloc::boxed::Box<dyn DynEncryptionContext>
    where
        Self: 'static,
    {
        alloc::boxed::Box::new(self)
    }
}

/// A streaming decryption (pyca/cryptography's `CipherContext` / `AEADDecryptionContext`).
pub trait DecryptionContext: CipherContext {
    /// Ends the stream and returns the remaining output. AEAD modes check the tag given in the
    /// mode ([`Error::InvalidTag`] when it does not verify); without one,
    /// [`Error::InvalidArgument`]: use [`DecryptionContext::finalize_with_tag`].
    fn finalize(self) -> Result<Output>;

    /// Ends an AEAD stream, checking `tag` (at least the mode's `min_tag_length` bytes, compared in
    /// constant time). [`Error::InvalidArgument`] when the mode already carried a tag or has none.
    fn finalize_with_tag(self, tag: &[u8]) -> Result<Output>;

    /// The context as a boxed trait object; a `Box<dyn DynDecryptionContext>` returns itself (see
    /// [`EncryptionContext::into_dyn`]).
    #[cfg(feature = "alloc")]
    fn into_dyn(self) -> alloc::boxed::Box<dyn DynDecryptionContext>
    where
        Self: 'static,
    {
        alloc::boxed::Box::new(self)
    }
}
