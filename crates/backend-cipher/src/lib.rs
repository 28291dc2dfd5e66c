//! `CipherBackend`: the seed interface for symmetric encryption (`cipher_supported`,
//! `create_symmetric_encryption_ctx`, `create_symmetric_decryption_ctx`), its streaming contexts
//! (AEAD included), block padding, one-shot AEADs, and [`RustCrypto`], the implementation over the
//! RustCrypto crates.
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

#[cfg(feature = "alloc")]
mod dynamic;
mod mode;
pub mod padding;
#[cfg(feature = "alloc")]
pub mod registry;
#[cfg(feature = "rustcrypto")]
mod rustcrypto;

pub use backend_core::{CipherAlgorithm, Error, Output, Reason, Result};
#[cfg(feature = "alloc")]
pub use dynamic::{DynCipherBackend, DynDecryptionContext, DynEncryptionContext};
pub use mode::{DEFAULT_MIN_TAG_LENGTH, LOWEST_MIN_TAG_LENGTH, Mode};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::aead;
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{RustCrypto, RustCryptoDecryptionContext, RustCryptoEncryptionContext};

/// A backend that encrypts and decrypts with symmetric ciphers (the seed system's `CipherBackend`).
///
/// [`RustCrypto`] is this crate's implementation; the umbrella crate's `backend::Backend` forwards
/// to it, so the example reads the same with `backend::Backend` in place of `RustCrypto`. Generic
/// code takes `B: CipherBackend`:
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

    /// The capability table: every (cipher, mode) pair this backend runs. Keys, IVs and tags in the
    /// entries are empty; only the kinds count.
    fn supported_ciphers(&self) -> &[(CipherAlgorithm<'static>, Mode<'static>)];

    /// True when the table lists `cipher`'s and `mode`'s kinds together. Then the create calls fail
    /// only on a bad length (key, IV, tweak, tag), never with [`Error::Unsupported`].
    fn cipher_supported(&self, cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> bool {
        pair_listed(self.supported_ciphers(), cipher, mode)
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

/// True when `table` holds an entry of `cipher`'s kind paired with `mode`'s kind: the one function
/// every `cipher_supported` answer is derived with.
pub fn pair_listed(
    table: &[(CipherAlgorithm<'_>, Mode<'_>)],
    cipher: &CipherAlgorithm<'_>,
    mode: &Mode<'_>,
) -> bool {
    let (c, m) = (
        core::mem::discriminant(cipher),
        core::mem::discriminant(mode),
    );
    table
        .iter()
        .any(|(tc, tm)| core::mem::discriminant(tc) == c && core::mem::discriminant(tm) == m)
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

    /// Processes `data` and returns the output (the seed system's `update`).
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
/// `{:x}` / `{:X}` write `data ‖ tag` as hex (the seed system's `finalize()` followed by `.tag`;
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

/// A streaming encryption (the seed system's `CipherContext` / `AEADEncryptionContext`).
///
/// `finalize` consumes the context: "update after finalize" and "finalize twice" (the seed
/// system's `AlreadyFinalized`) do not compile, and the tag exists only in what `finalize` returns:
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
}

/// A streaming decryption (the seed system's `CipherContext` / `AEADDecryptionContext`).
pub trait DecryptionContext: CipherContext {
    /// Ends the stream and returns the remaining output. AEAD modes check the tag given in the
    /// mode ([`Error::InvalidTag`] when it does not verify); without one,
    /// [`Error::InvalidArgument`]: use [`DecryptionContext::finalize_with_tag`].
    fn finalize(self) -> Result<Output>;

    /// Ends an AEAD stream, checking `tag` (at least the mode's `min_tag_length` bytes, compared in
    /// constant time). [`Error::InvalidArgument`] when the mode already carried a tag or has none.
    fn finalize_with_tag(self, tag: &[u8]) -> Result<Output>;
}
