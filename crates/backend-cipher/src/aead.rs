//! Keyed one-shot AEADs (pyca/cryptography's `AESGCM`, `AESCCM`, `ChaCha20Poly1305` classes): the
//! [`AeadBackend`] trait a provider implements, the [`AeadKey`] a key is built into once and then
//! seals and opens many messages with, and (feature `rustcrypto`) the RustCrypto key types.
//!
//! **Keyed**: [`AeadBackend::create_aead_key`] runs the key schedule once, as `aead`'s `KeyInit`
//! types and ring's `LessSafeKey` do; each message then pays only for itself. The key object
//! carries its implementation: a composition that made the key with one provider seals and opens
//! with that provider, with no lookup.
//!
//! **Argument order**, the same for every method, as in pyca/cryptography: the nonce, then the data
//! (or the buffer, in place), then the associated data, then (to decrypt in place) the tag:
//!
//! | call | gives |
//! |---|---|
//! | `encrypt(nonce, data, associated_data)` | → `ciphertext ‖ tag` (`alloc`) |
//! | `decrypt(nonce, data, associated_data)` | `data` is `ciphertext ‖ tag` → plaintext (`alloc`) |
//! | `encrypt_in_place_detached(nonce, buffer, associated_data)` | → tag |
//! | `decrypt_in_place_detached(nonce, buffer, associated_data, tag)` | → `()` |
//!
//! The in-place forms allocate nothing. A failed tag check is [`Error::InvalidTag`] and releases
//! no plaintext: the buffer holds exactly the ciphertext it was given.
//!
//! ```
//! use backend_cipher::{AeadAlgorithm, AeadBackend, AeadKey, RustCrypto};
//!
//! let key = RustCrypto.create_aead_key(AeadAlgorithm::AesGcm, &[7u8; 16])?;
//! let nonce = [1u8; 12];
//! let mut buffer = *b"attack at dawn";
//! let tag = key.encrypt_in_place_detached(&nonce, &mut buffer, b"header")?;
//! let ciphertext = buffer;
//! let mut bad_tag = tag;
//! bad_tag.as_mut_slice()[0] ^= 1;
//! assert!(key.decrypt_in_place_detached(&nonce, &mut buffer, b"header", &bad_tag).is_err());
//! assert_eq!(buffer, ciphertext); // untouched by the failed check
//! key.decrypt_in_place_detached(&nonce, &mut buffer, b"header", &tag)?;
//! assert_eq!(&buffer, b"attack at dawn");
//! # Ok::<(), backend_cipher::Error>(())
//! ```

// `Error` names the errors in the docs; the code uses it only with `alloc`.
#[cfg_attr(not(feature = "alloc"), allow(unused_imports))]
use crate::Error;
use crate::{Capability, Output, Query, Result};
use backend_core::capability::{AeadKind, Algorithm, supports};

#[cfg(feature = "aes-ccm")]
pub use crate::rustcrypto::aead::AesCcm;
#[cfg(feature = "aes-gcm")]
pub use crate::rustcrypto::aead::AesGcm;
#[cfg(feature = "chacha20poly1305")]
pub use crate::rustcrypto::aead::ChaCha20Poly1305;
#[cfg(feature = "rustcrypto-base")]
pub use crate::rustcrypto::aead::RustCryptoAeadKey;

/// A one-shot AEAD with what is fixed when the key is made: the construction and its tag length.
/// The key comes separately to [`AeadBackend::create_aead_key`]; the nonce with each message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AeadAlgorithm {
    /// AES-GCM (pyca/cryptography's `AESGCM`): 128-, 192- or 256-bit key, 16-byte tag.
    #[doc(alias = "AESGCM")]
    #[doc(alias = "AES-GCM")]
    AesGcm,
    /// AES-CCM (pyca/cryptography's `AESCCM`, NIST SP 800-38C): 128-, 192- or 256-bit key; the tag
    /// length is chosen with the key (4, 6, 8, 10, 12, 14 or 16 bytes; pyca/cryptography's default
    /// is 16).
    #[doc(alias = "AESCCM")]
    #[doc(alias = "AES-CCM")]
    AesCcm {
        /// The tag length in bytes.
        tag_length: usize,
    },
    /// ChaCha20-Poly1305 (RFC 8439): 256-bit key, 12-byte nonce, 16-byte tag.
    #[doc(alias = "ChaCha20-Poly1305")]
    #[doc(alias = "AEAD_CHACHA20_POLY1305")]
    ChaCha20Poly1305,
}

impl AeadAlgorithm {
    /// The construction without its tag length: what a capability row names.
    pub const fn kind(&self) -> AeadKind {
        match self {
            AeadAlgorithm::AesGcm => AeadKind::AesGcm,
            AeadAlgorithm::AesCcm { .. } => AeadKind::AesCcm,
            AeadAlgorithm::ChaCha20Poly1305 => AeadKind::ChaCha20Poly1305,
        }
    }

    /// pyca/cryptography's class name: `"AESGCM"`, `"AESCCM"`, `"ChaCha20Poly1305"`.
    pub const fn name(&self) -> &'static str {
        match self {
            AeadAlgorithm::AesGcm => "AESGCM",
            AeadAlgorithm::AesCcm { .. } => "AESCCM",
            AeadAlgorithm::ChaCha20Poly1305 => "ChaCha20Poly1305",
        }
    }

    /// The tag length in bytes: 16, or CCM's chosen length.
    pub const fn tag_length(&self) -> usize {
        match self {
            AeadAlgorithm::AesCcm { tag_length } => *tag_length,
            AeadAlgorithm::AesGcm | AeadAlgorithm::ChaCha20Poly1305 => 16,
        }
    }
}

/// The exact parameters of an AEAD key, for a provider's rows to accept or refuse (the one query
/// behind [`AeadBackend::aead_supported`] and a composition's routing of
/// [`AeadBackend::create_aead_key`]).
///
/// `Algorithm::Aead(kind)`, the key size in bits, the tag length, and the nonce length when the
/// caller knows it (`None` at key creation: the nonce comes with each message, and the key checks
/// it then with [`Error::InvalidArgument`]).
///
/// ```
/// use backend_cipher::{aead_query, AeadAlgorithm, AeadKind};
/// use backend_cipher::capability::Algorithm;
///
/// let q = aead_query(AeadAlgorithm::AesCcm { tag_length: 8 }, 24, Some(13));
/// assert_eq!(q.algorithm, Algorithm::Aead(AeadKind::AesCcm));
/// assert_eq!((q.key_bits, q.nonce_bytes, q.tag_bytes), (Some(192), Some(13), Some(8)));
/// ```
pub fn aead_query(aead: AeadAlgorithm, key_len: usize, nonce_len: Option<usize>) -> Query {
    let query = Query::new(Algorithm::Aead(aead.kind()))
        .key_bytes(key_len)
        .tag_bytes(aead.tag_length());
    match nonce_len {
        Some(n) => query.nonce_bytes(n),
        None => query,
    }
}

/// A provider of keyed one-shot AEADs.
///
/// [`RustCrypto`](crate::RustCrypto) implements it for AES-GCM, AES-CCM and ChaCha20-Poly1305.
/// Generic code takes `B: AeadBackend`; a provider chosen at run time
/// (`Box<dyn DynAeadBackend>`, `&dyn DynAeadBackend`) is one too, with boxed keys:
///
/// ```
/// use backend_cipher::{AeadAlgorithm, AeadBackend, AeadKey, RustCrypto};
///
/// /// Seals many records under one key: the key schedule runs once.
/// fn seal_records<B: AeadBackend>(backend: &B, key: &[u8], records: &mut [[u8; 8]]) -> backend_cipher::Result<Vec<backend_cipher::Output>> {
///     let key = backend.create_aead_key(AeadAlgorithm::ChaCha20Poly1305, key)?;
///     let mut tags = Vec::new();
///     for (i, record) in records.iter_mut().enumerate() {
///         let mut nonce = [0u8; 12];
///         nonce[4..].copy_from_slice(&(i as u64).to_be_bytes());
///         tags.push(key.encrypt_in_place_detached(&nonce, record, b"")?);
///     }
///     Ok(tags)
/// }
///
/// assert!(RustCrypto.aead_supported(AeadAlgorithm::AesGcm, 24, Some(12)));
/// assert!(!RustCrypto.aead_supported(AeadAlgorithm::ChaCha20Poly1305, 32, Some(8)));
/// let tags = seal_records(&RustCrypto, &[3u8; 32], &mut [[0u8; 8]; 3])?;
/// assert_eq!(tags.len(), 3);
/// # Ok::<(), backend_cipher::Error>(())
/// ```
pub trait AeadBackend {
    /// The key [`AeadBackend::create_aead_key`] returns.
    type AeadKey: AeadKey;

    /// The capability rows: one `Algorithm::Aead(kind)` row per construction, with the key sizes
    /// (bits), nonce lengths and tag lengths (bytes) it accepts.
    fn aead_capabilities(&self) -> &[Capability];

    /// True when a row accepts [`aead_query`]`(aead, key_len, nonce_len)`. With `nonce_len` of
    /// `None`: then [`AeadBackend::create_aead_key`] succeeds for a key of `key_len` bytes. With a
    /// nonce length: and the key's calls accept nonces of that length.
    fn aead_supported(
        &self,
        aead: AeadAlgorithm,
        key_len: usize,
        nonce_len: Option<usize>,
    ) -> bool {
        supports(
            self.aead_capabilities(),
            &aead_query(aead, key_len, nonce_len),
        )
    }

    /// Builds the key object for `aead` (the key schedule runs here, once). A key length the
    /// construction does not define is [`Error::InvalidKey`]; a CCM tag length it does not define
    /// is [`Error::InvalidArgument`]; a construction this provider lacks is
    /// [`Error::Unsupported`].
    fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<Self::AeadKey>;
}

/// A keyed one-shot AEAD: seals and opens any number of messages, each with its own nonce.
///
/// Object-safe: `&dyn AeadKey` (no allocation) and `Box<dyn DynAeadKey>` (feature `alloc`) work
/// as they are. Key material is zeroized when the key is dropped.
pub trait AeadKey: Send + Sync {
    /// The construction and tag length this key was made for.
    fn algorithm(&self) -> AeadAlgorithm;

    /// The tag length in bytes.
    fn tag_length(&self) -> usize {
        self.algorithm().tag_length()
    }

    /// Encrypts `buffer` in place and returns the tag. A nonce length the construction does not
    /// take is [`Error::InvalidArgument`] (nothing written).
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output>;

    /// Checks `tag` and decrypts `buffer` in place. On any error ([`Error::InvalidTag`] for a
    /// wrong or wrong-length tag) the buffer is left as given.
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()>;

    /// The key as a boxed trait object. A key that already is a `Box<dyn DynAeadKey>` returns
    /// itself rather than a box in a box, so a boxed provider behind `dyn DynAeadBackend` hands
    /// out keys one virtual call deep.
    #[cfg(feature = "alloc")]
    fn into_dyn(self) -> alloc::boxed::Box<dyn crate::DynAeadKey>
    where
        Self: Sized + 'static,
    {
        alloc::boxed::Box::new(self)
    }

    /// Encrypts `data` and returns `ciphertext ‖ tag`.
    #[cfg(feature = "alloc")]
    fn encrypt(
        &self,
        nonce: &[u8],
        data: &[u8],
        associated_data: &[u8],
    ) -> Result<alloc::vec::Vec<u8>> {
        let mut out = alloc::vec::Vec::with_capacity(data.len().saturating_add(self.tag_length()));
        out.extend_from_slice(data);
        let tag = self.encrypt_in_place_detached(nonce, &mut out, associated_data)?;
        out.extend_from_slice(&tag);
        Ok(out)
    }

    /// Checks and decrypts `ciphertext ‖ tag`; [`Error::InvalidTag`] when it does not verify
    /// (shorter than a tag included).
    #[cfg(feature = "alloc")]
    fn decrypt(
        &self,
        nonce: &[u8],
        data: &[u8],
        associated_data: &[u8],
    ) -> Result<alloc::vec::Vec<u8>> {
        let split = data
            .len()
            .checked_sub(self.tag_length())
            .ok_or(Error::InvalidTag)?;
        let (ciphertext, tag) = data.split_at(split);
        let mut out = alloc::vec::Vec::from(ciphertext);
        self.decrypt_in_place_detached(nonce, &mut out, associated_data, tag)?;
        Ok(out)
    }
}

/// A borrowed key is a key: generic code can take `&K` or `&dyn AeadKey`.
impl<K: AeadKey + ?Sized> AeadKey for &K {
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
    #[cfg(feature = "alloc")]
    fn encrypt(
        &self,
        nonce: &[u8],
        data: &[u8],
        associated_data: &[u8],
    ) -> Result<alloc::vec::Vec<u8>> {
        (**self).encrypt(nonce, data, associated_data)
    }
    #[cfg(feature = "alloc")]
    fn decrypt(
        &self,
        nonce: &[u8],
        data: &[u8],
        associated_data: &[u8],
    ) -> Result<alloc::vec::Vec<u8>> {
        (**self).decrypt(nonce, data, associated_data)
    }
}
