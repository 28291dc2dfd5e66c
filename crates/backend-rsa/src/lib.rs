//! `RsaBackend`: the seed interface for RSA (generation, loading numbers, padding support), the
//! key traits [`RsaPrivateKey`] and [`RsaPublicKey`] that an HSM or a cloud KMS key implements as
//! well as the in-memory keys do, and the implementation for `RustCrypto` (feature `rustcrypto`;
//! the one provider type of `backend-core`) over the `rsa` crate.
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
//! The crate is `no_std` and needs `alloc`: keys, signatures and ciphertexts are heap values, and
//! so [`RsaBackend`] returns its keys boxed and is object-safe itself (`&dyn RsaBackend`), with no
//! associated types and no separate `Dyn` twin.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

extern crate alloc;

mod numbers;
mod padding;
#[cfg(feature = "rustcrypto")]
pub mod rustcrypto;

use alloc::boxed::Box;
use alloc::vec::Vec;
#[cfg(feature = "rustcrypto")]
pub use backend_core::RustCrypto;
pub use backend_core::capability::{self, PaddingKind};
use backend_core::capability::{Algorithm, Capability, Query, supports};
pub use backend_core::rng::{self, RandomSource};
pub use backend_core::{Error, HashAlgorithm, MessageHash, Reason, Result};
pub use numbers::{
    RsaPrivateNumbers, RsaPublicNumbers, rsa_crt_dmp1, rsa_crt_dmq1, rsa_crt_iqmp,
    rsa_recover_prime_factors,
};
pub use padding::{AsymmetricPadding, Mgf, Oaep, Pss, SaltLength};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{RustCryptoRsaPrivateKey, RustCryptoRsaPublicKey};
pub use zeroize::Zeroizing;

/// A bit length as a query parameter (saturating: an absurd size is simply unsupported).
pub(crate) fn bits(key_size: usize) -> u32 {
    u32::try_from(key_size).unwrap_or(u32::MAX)
}

/// The capability query of key generation with `public_exponent` and a `key_size`-bit modulus
/// ([`Algorithm::RsaKeyGeneration`]). [`RsaBackend::generate_rsa_parameters_supported`] asks it,
/// and a composition of providers routes the generation with it.
pub fn rsa_key_generation_query(public_exponent: u64, key_size: usize) -> Query {
    Query::new(Algorithm::RsaKeyGeneration { public_exponent }).key_bits(bits(key_size))
}

/// The capability query of loading a key whose public numbers are `numbers` ([`Algorithm::RsaKeys`]
/// with the modulus size): private and public loaders alike.
pub fn rsa_keys_query(numbers: &RsaPublicNumbers) -> Query {
    Query::new(Algorithm::RsaKeys).key_bits(bits(numbers.key_size()))
}

/// The capability query of a signature (sign, verify, recover the signed data) with `padding`
/// over the message hash `hash` when the call has one: [`Algorithm::RsaSignature`] of the
/// padding's kind, with the message hash and then MGF1's hash for PSS. Add the key's size with
/// [`Query::key_bits`] where it is known. An encryption padding gives a query no row accepts.
pub fn rsa_signature_query(padding: &AsymmetricPadding<'_>, hash: Option<HashAlgorithm>) -> Query {
    let query = Query::new(Algorithm::RsaSignature(padding.kind()));
    let query = match hash {
        Some(hash) => query.hash(hash),
        None => query,
    };
    match padding {
        AsymmetricPadding::Pss(pss) => query.hash(pss.mgf.hash()),
        _ => query,
    }
}

/// The capability query of an encryption (encrypt, decrypt) with `padding`:
/// [`Algorithm::RsaEncryption`] of the padding's kind, with MGF1's hash and the label hash for
/// OAEP. Add the key's size with [`Query::key_bits`] where it is known. A signature padding gives
/// a query no row accepts.
pub fn rsa_encryption_query(padding: &AsymmetricPadding<'_>) -> Query {
    let query = Query::new(Algorithm::RsaEncryption(padding.kind()));
    match padding {
        AsymmetricPadding::Oaep(oaep) => query.hash(oaep.mgf.hash()).hash(oaep.hash),
        _ => query,
    }
}

/// A backend that generates and loads RSA keys (pyca/cryptography's `RSABackend`).
///
/// Object-safe: a provider chosen at run time is a `&dyn RsaBackend` or `Box<dyn RsaBackend>`, and
/// either is an `RsaBackend` again for generic code. The keys come back as
/// `Box<dyn RsaPrivateKey>` / `Box<dyn RsaPublicKey>`; each carries its own implementation, so an
/// operation on a key goes to the provider that made or loaded it. (The concrete in-memory key
/// types of the RustCrypto provider have inherent constructors, for code that wants them
/// unboxed.)
///
/// ```
/// use backend_rsa::{RsaBackend, RsaPrivateKey, RustCrypto};
///
/// fn key_bits<B: RsaBackend + ?Sized>(backend: &B) -> backend_rsa::Result<usize> {
///     Ok(backend.generate_rsa_private_key(3, 1024)?.key_size())
/// }
/// let chosen: Box<dyn RsaBackend> = Box::new(RustCrypto);
/// assert_eq!(key_bits(&chosen)?, 1024);
/// assert!(!chosen.generate_rsa_parameters_supported(65537, 512));
/// # Ok::<(), backend_rsa::Error>(())
/// ```
pub trait RsaBackend: Send + Sync {
    /// The capability rows: [`Algorithm::RsaKeyGeneration`] per public exponent and
    /// [`Algorithm::RsaKeys`] with their modulus sizes, [`Algorithm::RsaSignature`] and
    /// [`Algorithm::RsaEncryption`] per padding with their hashes. Every `*_supported` answer
    /// below is derived from them.
    fn rsa_capabilities(&self) -> &[Capability];

    /// True when keys of this backend sign / verify or encrypt / decrypt with `padding` (its kind
    /// and every hash it names: [`rsa_signature_query`] without a message hash, or
    /// [`rsa_encryption_query`]); a key may still refuse parameters too large for its size.
    fn rsa_padding_supported(&self, padding: &AsymmetricPadding<'_>) -> bool {
        let rows = self.rsa_capabilities();
        supports(rows, &rsa_signature_query(padding, None))
            || supports(rows, &rsa_encryption_query(padding))
    }

    /// True when [`RsaBackend::generate_rsa_private_key`] accepts `public_exponent` and `key_size`
    /// ([`rsa_key_generation_query`]).
    fn generate_rsa_parameters_supported(&self, public_exponent: u64, key_size: usize) -> bool {
        supports(
            self.rsa_capabilities(),
            &rsa_key_generation_query(public_exponent, key_size),
        )
    }

    /// A new key with a `key_size`-bit modulus, from the operating system's generator
    /// ([`rng::OsRandom`]; feature `getrandom`, which needs no RSA implementation).
    /// [`Error::InvalidArgument`] when the parameters are unsupported (pyca/cryptography's
    /// `ValueError`). A backend whose keys are made inside a device overrides this to skip the
    /// host's generator.
    #[cfg(feature = "getrandom")]
    fn generate_rsa_private_key(
        &self,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        self.generate_rsa_private_key_with_rng(&mut rng::OsRandom, public_exponent, key_size)
    }

    /// As [`RsaBackend::generate_rsa_private_key`], drawing randomness from `rng` (for targets
    /// without an operating system generator, and for reproducible tests; any `rand_core`
    /// `TryCryptoRng` is a [`RandomSource`]). A failing generator is an [`Error::Device`].
    fn generate_rsa_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>>;

    /// A private key from its numbers, after [`RsaPrivateNumbers::check`]; a failed check is an
    /// [`Error::InvalidArgument`] naming the rule, a size the backend cannot handle an
    /// [`Error::Unsupported`]. The cheapest rejections come first: the public checks and the
    /// size limit (comparisons of byte strings) before any arithmetic on the numbers.
    fn load_rsa_private_numbers(
        &self,
        numbers: &RsaPrivateNumbers,
    ) -> Result<Box<dyn RsaPrivateKey>>;

    /// A public key from its numbers, after [`RsaPublicNumbers::check`] and the size limit.
    fn load_rsa_public_numbers(&self, numbers: &RsaPublicNumbers) -> Result<Box<dyn RsaPublicKey>>;
}

/// A borrowed or boxed backend is a backend: code generic over `B: RsaBackend` accepts a
/// `&dyn RsaBackend` or a `Box<dyn RsaBackend>` chosen at run time. Every method, the provided
/// ones included, goes to the backend's own, so an override (a token that generates on the
/// device, an answer narrower than the rows) is kept.
macro_rules! forward_rsa_backend {
    ($($backend:ty),* $(,)?) => {$(
        impl<B: RsaBackend + ?Sized> RsaBackend for $backend {
            fn rsa_capabilities(&self) -> &[Capability] {
                (**self).rsa_capabilities()
            }
            fn rsa_padding_supported(&self, padding: &AsymmetricPadding<'_>) -> bool {
                (**self).rsa_padding_supported(padding)
            }
            fn generate_rsa_parameters_supported(
                &self,
                public_exponent: u64,
                key_size: usize,
            ) -> bool {
                (**self).generate_rsa_parameters_supported(public_exponent, key_size)
            }
            #[cfg(feature = "getrandom")]
            fn generate_rsa_private_key(
                &self,
                public_exponent: u64,
                key_size: usize,
            ) -> Result<Box<dyn RsaPrivateKey>> {
                (**self).generate_rsa_private_key(public_exponent, key_size)
            }
            fn generate_rsa_private_key_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                public_exponent: u64,
                key_size: usize,
            ) -> Result<Box<dyn RsaPrivateKey>> {
                (**self).generate_rsa_private_key_with_rng(rng, public_exponent, key_size)
            }
            fn load_rsa_private_numbers(
                &self,
                numbers: &RsaPrivateNumbers,
            ) -> Result<Box<dyn RsaPrivateKey>> {
                (**self).load_rsa_private_numbers(numbers)
            }
            fn load_rsa_public_numbers(
                &self,
                numbers: &RsaPublicNumbers,
            ) -> Result<Box<dyn RsaPublicKey>> {
                (**self).load_rsa_public_numbers(numbers)
            }
        }
    )*};
}

forward_rsa_backend!(&B, Box<B>);

/// An RSA private key, wherever it lives: in memory, in a PKCS#11 token, in a cloud KMS (seed
/// 004's `RSAPrivateKey`). Object-safe: X.509 builders and other consumers take
/// `&dyn RsaPrivateKey`.
///
/// A key whose material cannot leave its device answers [`RsaPrivateKey::private_numbers`] (and
/// so the key layer's `private_bytes`) with [`Error::KeyNotExportable`]; one that only signs
/// implements `sign`, `public_key` and `key_size`, and the other methods keep their defaults.
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
    ///
    /// The default answers [`Error::Unsupported`]: a device key that only signs (a KMS signing
    /// key) implements only what it can do.
    fn decrypt(
        &self,
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        let _ = (ciphertext, padding);
        Err(Error::unsupported(
            Reason::Padding,
            "RSA decryption with this key",
        ))
    }

    /// The matching public key. A device key may need a round trip to fetch it, hence the
    /// `Result`.
    fn public_key(&self) -> Result<Box<dyn RsaPublicKey>>;

    /// The private numbers. The default answers [`Error::KeyNotExportable`], what a key that
    /// cannot leave its device says; in-memory keys override it. Serialization writes keys from
    /// these numbers through the key layer's one encoder hook (`backend_keys::PrivateKeyEncoder`).
    fn private_numbers(&self) -> Result<RsaPrivateNumbers> {
        Err(Error::KeyNotExportable)
    }
}

/// An RSA public key (pyca/cryptography's `RSAPublicKey`). Object-safe.
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
