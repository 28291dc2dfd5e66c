//! `RsaBackend`: the seed interface for RSA (generation, loading numbers, padding support), the
//! key traits [`RsaPrivateKey`] and [`RsaPublicKey`] that an HSM or a cloud KMS key implements as
//! well as the in-memory keys do, and [`RustCrypto`], the implementation over the `rsa` crate.
//!
//! ```
//! use backend_rsa::{AsymmetricPadding, HashAlgorithm, MessageHash, RsaBackend, RsaPrivateKey, RustCrypto};
//!
//! let key = RustCrypto.generate_rsa_private_key(65537, 1024)?;
//! let sig = key.sign(b"message", AsymmetricPadding::Pkcs1v15, MessageHash::Hash(HashAlgorithm::Sha256))?;
//! key.public_key()?.verify(&sig, b"message", AsymmetricPadding::Pkcs1v15, HashAlgorithm::Sha256.into())?;
//! # Ok::<(), backend_rsa::Error>(())
//! ```
//!
//! The crate is `no_std` and needs `alloc`: keys, signatures and ciphertexts are heap values.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

extern crate alloc;

#[cfg(feature = "alloc")]
mod dynamic;
mod numbers;
mod padding;
#[cfg(feature = "rustcrypto")]
mod rustcrypto;

use alloc::boxed::Box;
use alloc::vec::Vec;
pub use backend_core::rng;
pub use backend_core::rng::CryptoRng;
pub use backend_core::{Error, HashAlgorithm, MessageHash, Reason, Result};
#[cfg(feature = "alloc")]
pub use dynamic::DynRsaBackend;
pub use numbers::{
    RsaPrivateNumbers, RsaPublicNumbers, rsa_crt_dmp1, rsa_crt_dmq1, rsa_crt_iqmp,
    rsa_recover_prime_factors,
};
pub use padding::{AsymmetricPadding, Mgf, Oaep, PaddingKind, Pss, SaltLength};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{RustCrypto, RustCryptoRsaPrivateKey, RustCryptoRsaPublicKey};
pub use zeroize::Zeroizing;

/// What an RSA backend can do: the capability table from which every `*_supported` answer of
/// [`RsaBackend`] is derived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RsaCapabilities {
    /// Padding schemes the keys accept.
    pub paddings: &'static [PaddingKind],
    /// Hashes usable for signatures, MGF1 and OAEP labels.
    pub hashes: &'static [HashAlgorithm],
    /// Public exponents key generation accepts.
    pub public_exponents: &'static [u64],
    /// Smallest modulus key generation accepts, in bits.
    pub min_generated_key_size: usize,
    /// Largest modulus key generation accepts, in bits.
    pub max_generated_key_size: usize,
}

impl RsaCapabilities {
    /// True when the padding kind and every hash it names are in the table.
    pub fn padding_supported(&self, padding: &AsymmetricPadding<'_>) -> bool {
        self.paddings.contains(&padding.kind())
            && padding
                .hashes()
                .all(|hash| backend_core::table_lists(self.hashes, &hash) && !hash.is_xof())
    }

    /// True when the table lists `hash` for signatures, MGF1 and OAEP.
    pub fn hash_supported(&self, hash: HashAlgorithm) -> bool {
        !hash.is_xof() && backend_core::table_lists(self.hashes, &hash)
    }

    /// True when key generation accepts this exponent and size.
    pub fn generation_supported(&self, public_exponent: u64, key_size: usize) -> bool {
        self.public_exponents.contains(&public_exponent)
            && (self.min_generated_key_size..=self.max_generated_key_size).contains(&key_size)
    }
}

/// A backend that generates and loads RSA keys (the seed system's `RSABackend`).
///
/// The keys it returns implement [`RsaPrivateKey`] / [`RsaPublicKey`]; generic code should accept
/// those traits (or `&dyn RsaPrivateKey`), so that a key held in a device works as well.
pub trait RsaBackend {
    /// The private key type this backend returns.
    type PrivateKey: RsaPrivateKey + 'static;
    /// The public key type this backend returns.
    type PublicKey: RsaPublicKey + 'static;

    /// The capability table. Every `*_supported` answer below is derived from it.
    fn rsa_capabilities(&self) -> &RsaCapabilities;

    /// True when keys of this backend sign / verify / encrypt / decrypt with `padding` (its kind and
    /// every hash it names); a key may still refuse parameters too large for its size.
    fn rsa_padding_supported(&self, padding: &AsymmetricPadding<'_>) -> bool {
        self.rsa_capabilities().padding_supported(padding)
    }

    /// True when [`RsaBackend::generate_rsa_private_key`] accepts `public_exponent` and `key_size`.
    fn generate_rsa_parameters_supported(&self, public_exponent: u64, key_size: usize) -> bool {
        self.rsa_capabilities()
            .generation_supported(public_exponent, key_size)
    }

    /// A new key with a `key_size`-bit modulus, from the operating system's random number
    /// generator. [`Error::InvalidArgument`] when the parameters are unsupported (the seed system's
    /// `ValueError`).
    fn generate_rsa_private_key(
        &self,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Self::PrivateKey>;

    /// As [`RsaBackend::generate_rsa_private_key`], drawing randomness from `rng` (for targets
    /// without an operating system generator, and for reproducible tests).
    fn generate_rsa_private_key_with_rng(
        &self,
        rng: &mut dyn CryptoRng,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Self::PrivateKey>;

    /// A private key from its numbers, after [`RsaPrivateNumbers::check`]; a failed check is an
    /// [`Error::InvalidArgument`] naming the rule, a size the backend cannot handle an
    /// [`Error::Unsupported`]. The cheapest rejections come first: the public checks and the
    /// size limit (comparisons of byte strings) before any arithmetic on the numbers.
    fn load_rsa_private_numbers(&self, numbers: &RsaPrivateNumbers) -> Result<Self::PrivateKey>;

    /// A public key from its numbers, after [`RsaPublicNumbers::check`] and the size limit.
    fn load_rsa_public_numbers(&self, numbers: &RsaPublicNumbers) -> Result<Self::PublicKey>;
}

/// An RSA private key, wherever it lives: in memory, in a PKCS#11 token, in a cloud KMS (seed
/// 004's `RSAPrivateKey`). Object-safe: X.509 builders and other consumers take
/// `&dyn RsaPrivateKey`.
///
/// A key whose material cannot leave its device answers [`RsaPrivateKey::private_numbers`] (and
/// so [`RsaPrivateKey::private_bytes`]) with [`Error::KeyNotExportable`].
pub trait RsaPrivateKey: Send + Sync {
    /// The modulus length in bits.
    fn key_size(&self) -> usize;

    /// Signs `data` with `padding` (PKCS#1 v1.5 or PSS). With [`MessageHash::Hash`] the key hashes
    /// `data`; with [`MessageHash::Prehashed`] `data` is the digest, of exactly the digest size.
    fn sign(
        &self,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>>;

    /// Decrypts `ciphertext` with `padding` (PKCS#1 v1.5 or OAEP). The plaintext is zeroized on
    /// drop. Every decryption failure (padding, length, a ciphertext not below the modulus) is
    /// the same [`Error::Decryption`] (see `docs/security.md` for the PKCS#1 v1.5
    /// implicit-rejection stance); a padding used for the wrong operation is an
    /// [`Error::InvalidArgument`], an unsupported one an [`Error::Unsupported`].
    fn decrypt(
        &self,
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>>;

    /// The matching public key. A device key may need a round trip to fetch it, hence the
    /// `Result`.
    fn public_key(&self) -> Result<Box<dyn RsaPublicKey>>;

    /// The private numbers; [`Error::KeyNotExportable`] for a key that cannot leave its device.
    fn private_numbers(&self) -> Result<RsaPrivateNumbers>;

    /// The hook serialization writes private keys through (the seed system's `private_bytes`):
    /// hands the key material to `encoder`, which chooses encoding, format and encryption. The
    /// default passes [`RsaPrivateKey::private_numbers`]; a device that can export its key wrapped
    /// (PKCS#11 `C_WrapKey`) overrides this instead.
    fn private_bytes(&self, encoder: &dyn RsaPrivateKeyEncoder) -> Result<Zeroizing<Vec<u8>>> {
        encoder.encode_rsa_private_numbers(&self.private_numbers()?)
    }
}

/// Writes private numbers out in some encoding (PKCS#1, PKCS#8, encrypted or not). Implemented by
/// the serialization family; [`RsaPrivateKey::private_bytes`] calls it.
pub trait RsaPrivateKeyEncoder {
    /// The encoded key.
    fn encode_rsa_private_numbers(&self, numbers: &RsaPrivateNumbers)
    -> Result<Zeroizing<Vec<u8>>>;
}

/// An RSA public key (the seed system's `RSAPublicKey`). Object-safe.
pub trait RsaPublicKey: Send + Sync {
    /// The modulus length in bits.
    fn key_size(&self) -> usize;

    /// Checks `signature` over `data`; [`Error::InvalidSignature`] when it does not verify (a
    /// signature of the wrong length included). `algorithm` as in [`RsaPrivateKey::sign`].
    fn verify(
        &self,
        signature: &[u8],
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<()>;

    /// Encrypts `plaintext` with `padding` (PKCS#1 v1.5 or OAEP); [`Error::InvalidArgument`] when
    /// it is too long for the key.
    fn encrypt(&self, plaintext: &[u8], padding: AsymmetricPadding<'_>) -> Result<Vec<u8>>;

    /// The data a PKCS#1 v1.5 signature carries: the digest when `algorithm` is given (checking
    /// the DigestInfo), else everything after the padding. [`Error::InvalidSignature`] when the
    /// padding is wrong; PSS is an [`Error::InvalidArgument`] (its data cannot be recovered).
    fn recover_data_from_signature(
        &self,
        signature: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: Option<HashAlgorithm>,
    ) -> Result<Vec<u8>>;

    /// The public numbers.
    fn public_numbers(&self) -> RsaPublicNumbers;
}

/// A boxed key is a key: code generic over `K: RsaPrivateKey` accepts a `Box<dyn RsaPrivateKey>`.
impl<K: RsaPrivateKey + ?Sized> RsaPrivateKey for Box<K> {
    fn key_size(&self) -> usize {
        (**self).key_size()
    }
    fn sign(
        &self,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        (**self).sign(data, padding, algorithm)
    }
    fn decrypt(
        &self,
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        (**self).decrypt(ciphertext, padding)
    }
    fn public_key(&self) -> Result<Box<dyn RsaPublicKey>> {
        (**self).public_key()
    }
    fn private_numbers(&self) -> Result<RsaPrivateNumbers> {
        (**self).private_numbers()
    }
    fn private_bytes(&self, encoder: &dyn RsaPrivateKeyEncoder) -> Result<Zeroizing<Vec<u8>>> {
        (**self).private_bytes(encoder)
    }
}

/// A boxed public key is a public key.
impl<K: RsaPublicKey + ?Sized> RsaPublicKey for Box<K> {
    fn key_size(&self) -> usize {
        (**self).key_size()
    }
    fn verify(
        &self,
        signature: &[u8],
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<()> {
        (**self).verify(signature, data, padding, algorithm)
    }
    fn encrypt(&self, plaintext: &[u8], padding: AsymmetricPadding<'_>) -> Result<Vec<u8>> {
        (**self).encrypt(plaintext, padding)
    }
    fn recover_data_from_signature(
        &self,
        signature: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: Option<HashAlgorithm>,
    ) -> Result<Vec<u8>> {
        (**self).recover_data_from_signature(signature, padding, algorithm)
    }
    fn public_numbers(&self) -> RsaPublicNumbers {
        (**self).public_numbers()
    }
}
