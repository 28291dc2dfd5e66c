//! `DsaBackend`: the seed interface for DSA (parameter and key generation, loading numbers, hash
//! and parameter support), the object traits [`DsaParameters`], [`DsaPrivateKey`] and
//! [`DsaPublicKey`] that an HSM or a cloud KMS key implements as well as the in-memory keys do, and
//! the implementation for `RustCrypto` (feature `rustcrypto`) with DSA arithmetic of its own on
//! `crypto-bigint`.
//!
//! ```
//! use backend_dsa::{DsaBackend, DsaPrivateKey, DsaParameters, HashAlgorithm, MessageHash, RustCrypto};
//!
//! let parameters = RustCrypto.generate_dsa_parameters(1024)?;
//! let key = parameters.generate_private_key()?;
//! let signature = key.sign(b"message", MessageHash::Hash(HashAlgorithm::Sha256))?;
//! key.public_key()?.verify(&signature, b"message", MessageHash::Hash(HashAlgorithm::Sha256))?;
//! # Ok::<(), backend_dsa::Error>(())
//! ```
//!
//! Signatures are DER `Dss-Sig-Value`s ([`encode_dss_signature`] / [`decode_dss_signature`], the
//! codec the ECDSA family uses too). The crate is `no_std` and needs `alloc`: the keys, the
//! parameters and the signatures are heap values, so [`DsaBackend`] returns them boxed and is
//! object-safe itself (`&dyn DsaBackend`), with no separate `Dyn` twin.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

extern crate alloc;

mod numbers;
#[cfg(feature = "rustcrypto")]
pub mod rustcrypto;

use alloc::boxed::Box;
use alloc::vec::Vec;
#[cfg(feature = "rustcrypto")]
pub use backend_core::RustCrypto;
pub use backend_core::capability;
use backend_core::capability::{Algorithm, Capability, Query, supports};
pub use backend_core::rng::{self, RandomSource};
pub use backend_core::{Error, HashAlgorithm, MessageHash, Reason, Result};
pub use numbers::{
    DsaParameterNumbers, DsaPrivateNumbers, DsaPublicNumbers, G_ORDER_RULE, G_RANGE_RULE,
    P_SIZE_RULE, P_SIZES, Q_SIZE_RULE, Q_SIZES, X_RANGE_RULE, Y_FROM_X_RULE, Y_ORDER_RULE,
    Y_RANGE_RULE,
};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{RustCryptoDsaParameters, RustCryptoDsaPrivateKey, RustCryptoDsaPublicKey};
pub use zeroize::Zeroizing;

/// A bit length as a query parameter (saturating: an absurd size is simply unsupported).
fn bits(size: usize) -> u32 {
    u32::try_from(size).unwrap_or(u32::MAX)
}

/// The capability query of parameter generation with a `key_size`-bit modulus
/// ([`Algorithm::DsaParameterGeneration`]).
pub fn dsa_parameter_generation_query(key_size: usize) -> Query {
    Query::new(Algorithm::DsaParameterGeneration).key_bits(bits(key_size))
}

/// The capability query of loading parameters or keys with a `key_size`-bit `p` and a
/// `subgroup_size`-bit `q` ([`Algorithm::DsaKeys`]).
pub fn dsa_keys_query(key_size: usize, subgroup_size: usize) -> Query {
    let subgroup_bits = u16::try_from(subgroup_size).unwrap_or(u16::MAX);
    Query::new(Algorithm::DsaKeys { subgroup_bits }).key_bits(bits(key_size))
}

/// The capability query of loading parameters or keys with these parameter numbers.
pub fn dsa_parameters_query(numbers: &DsaParameterNumbers) -> Query {
    dsa_keys_query(numbers.key_size(), numbers.subgroup_size())
}

/// The capability query of a signature (sign or verify) over the message hash `algorithm`
/// ([`Algorithm::DsaSignature`]).
pub fn dsa_signature_query(algorithm: HashAlgorithm) -> Query {
    Query::new(Algorithm::DsaSignature).hash(algorithm)
}

/// Encodes `(r, s)`, big-endian magnitudes, as a DER `Dss-Sig-Value` (pyca/cryptography's
/// `encode_dss_signature`; the codec the ECDSA family uses, `backend_core::dss`).
/// [`Error::InvalidArgument`] for an integer longer than 66 bytes.
pub fn encode_dss_signature(r: &[u8], s: &[u8]) -> Result<Vec<u8>> {
    let mut out = alloc::vec![0u8; backend_core::dss::encoded_len(r, s)];
    let len = backend_core::dss::encode_into(r, s, &mut out)?;
    out.truncate(len);
    Ok(out)
}

/// Decodes a DER `Dss-Sig-Value` into the big-endian magnitudes of `(r, s)` (no leading zeros)
/// (pyca/cryptography's `decode_dss_signature`). Strict DER; anything else is
/// [`Error::InvalidSignature`].
pub fn decode_dss_signature(signature: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let (r, s) = backend_core::dss::decode(signature)?;
    Ok((r.into(), s.into()))
}

/// The length a prehashed digest must have.
#[cfg(feature = "rustcrypto")]
pub(crate) fn check_prehashed_len(hash: MessageHash, data: &[u8]) -> Result<()> {
    match hash {
        MessageHash::Prehashed(algorithm) if data.len() != algorithm.digest_size() => Err(
            Error::InvalidArgument("prehashed digest length does not match the hash algorithm"),
        ),
        _ => Ok(()),
    }
}

/// A backend that generates and loads DSA parameters and keys (pyca/cryptography's `DSABackend`).
///
/// Object-safe: a provider chosen at run time is a `&dyn DsaBackend` or `Box<dyn DsaBackend>`,
/// and either is a `DsaBackend` again. Parameters and keys come back boxed, each carrying its own
/// implementation: an operation on a key (or a key generated from parameters) goes to the provider
/// that made or loaded it.
///
/// ```
/// use backend_dsa::{DsaBackend, HashAlgorithm, RustCrypto};
///
/// let chosen: Box<dyn DsaBackend> = Box::new(RustCrypto);
/// assert!(chosen.dsa_hash_supported(HashAlgorithm::Sha256));
/// assert!(chosen.generate_dsa_parameters_supported(2048));
/// assert!(!chosen.generate_dsa_parameters_supported(512));
/// ```
pub trait DsaBackend: Send + Sync {
    /// The capability rows: [`Algorithm::DsaParameterGeneration`] with its modulus sizes,
    /// [`Algorithm::DsaKeys`] per subgroup size with its modulus sizes, and
    /// [`Algorithm::DsaSignature`] with its hashes. Every `*_supported` answer below is derived
    /// from them.
    fn dsa_capabilities(&self) -> &[Capability];

    /// True when keys of this backend sign and verify over `algorithm` ([`dsa_signature_query`]).
    fn dsa_hash_supported(&self, algorithm: HashAlgorithm) -> bool {
        supports(self.dsa_capabilities(), &dsa_signature_query(algorithm))
    }

    /// True when this backend loads parameters of the sizes of `p` and `q`, big-endian
    /// ([`dsa_keys_query`]); `g` does not decide support (its checks are the loader's).
    fn dsa_parameters_supported(&self, p: &[u8], q: &[u8], g: &[u8]) -> bool {
        let _ = g;
        let numbers = DsaParameterNumbers::new(p, q, &[]);
        supports(self.dsa_capabilities(), &dsa_parameters_query(&numbers))
    }

    /// True when [`DsaBackend::generate_dsa_parameters`] accepts `key_size`
    /// ([`dsa_parameter_generation_query`]).
    fn generate_dsa_parameters_supported(&self, key_size: usize) -> bool {
        supports(
            self.dsa_capabilities(),
            &dsa_parameter_generation_query(key_size),
        )
    }

    /// New domain parameters with a `key_size`-bit modulus, from the operating system's generator
    /// ([`rng::OsRandom`], feature `getrandom`). [`Error::InvalidArgument`] for an unsupported size
    /// (pyca/cryptography's `ValueError`).
    #[cfg(feature = "getrandom")]
    fn generate_dsa_parameters(&self, key_size: usize) -> Result<Box<dyn DsaParameters>> {
        self.generate_dsa_parameters_with_rng(&mut rng::OsRandom, key_size)
    }

    /// As [`DsaBackend::generate_dsa_parameters`], drawing randomness from `rng`. A failing
    /// generator is an [`Error::Device`].
    fn generate_dsa_parameters_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        key_size: usize,
    ) -> Result<Box<dyn DsaParameters>>;

    /// A new private key in `parameters`' group, from the operating system's generator. The
    /// parameters' own implementation makes it ([`DsaParameters::generate_private_key_with_rng`]).
    #[cfg(feature = "getrandom")]
    fn generate_dsa_private_key(
        &self,
        parameters: &dyn DsaParameters,
    ) -> Result<Box<dyn DsaPrivateKey>> {
        self.generate_dsa_private_key_with_rng(&mut rng::OsRandom, parameters)
    }

    /// As [`DsaBackend::generate_dsa_private_key`], drawing randomness from `rng`.
    fn generate_dsa_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        parameters: &dyn DsaParameters,
    ) -> Result<Box<dyn DsaPrivateKey>> {
        parameters.generate_private_key_with_rng(rng)
    }

    /// New parameters with a `key_size`-bit modulus and a private key in them, from the operating
    /// system's generator.
    #[cfg(feature = "getrandom")]
    fn generate_dsa_private_key_and_parameters(
        &self,
        key_size: usize,
    ) -> Result<Box<dyn DsaPrivateKey>> {
        self.generate_dsa_private_key_and_parameters_with_rng(&mut rng::OsRandom, key_size)
    }

    /// As [`DsaBackend::generate_dsa_private_key_and_parameters`], drawing randomness from `rng`.
    fn generate_dsa_private_key_and_parameters_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        key_size: usize,
    ) -> Result<Box<dyn DsaPrivateKey>> {
        let parameters = self.generate_dsa_parameters_with_rng(rng, key_size)?;
        parameters.generate_private_key_with_rng(rng)
    }

    /// Parameters from their numbers, after [`DsaParameterNumbers::check`] and `g^q mod p = 1`;
    /// a failed check is an [`Error::InvalidArgument`] naming the rule.
    fn load_dsa_parameter_numbers(
        &self,
        numbers: &DsaParameterNumbers,
    ) -> Result<Box<dyn DsaParameters>>;

    /// A private key from its numbers, after [`DsaPrivateNumbers::check`], `g^q mod p = 1` and
    /// `y = g^x mod p`.
    fn load_dsa_private_numbers(
        &self,
        numbers: &DsaPrivateNumbers,
    ) -> Result<Box<dyn DsaPrivateKey>>;

    /// A public key from its numbers, after [`DsaPublicNumbers::check`], `g^q mod p = 1` and
    /// `y^q mod p = 1`.
    fn load_dsa_public_numbers(&self, numbers: &DsaPublicNumbers) -> Result<Box<dyn DsaPublicKey>>;
}

/// A borrowed or boxed backend is a backend. Every method, the provided ones included, goes to
/// the backend's own, so an override is kept.
macro_rules! forward_dsa_backend {
    ($($backend:ty),* $(,)?) => {$(
        impl<B: DsaBackend + ?Sized> DsaBackend for $backend {
            fn dsa_capabilities(&self) -> &[Capability] {
                (**self).dsa_capabilities()
            }
            fn dsa_hash_supported(&self, algorithm: HashAlgorithm) -> bool {
                (**self).dsa_hash_supported(algorithm)
            }
            fn dsa_parameters_supported(&self, p: &[u8], q: &[u8], g: &[u8]) -> bool {
                (**self).dsa_parameters_supported(p, q, g)
            }
            fn generate_dsa_parameters_supported(&self, key_size: usize) -> bool {
                (**self).generate_dsa_parameters_supported(key_size)
            }
            #[cfg(feature = "getrandom")]
            fn generate_dsa_parameters(&self, key_size: usize) -> Result<Box<dyn DsaParameters>> {
                (**self).generate_dsa_parameters(key_size)
            }
            fn generate_dsa_parameters_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                key_size: usize,
            ) -> Result<Box<dyn DsaParameters>> {
                (**self).generate_dsa_parameters_with_rng(rng, key_size)
            }
            #[cfg(feature = "getrandom")]
            fn generate_dsa_private_key(
                &self,
                parameters: &dyn DsaParameters,
            ) -> Result<Box<dyn DsaPrivateKey>> {
                (**self).generate_dsa_private_key(parameters)
            }
            fn generate_dsa_private_key_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                parameters: &dyn DsaParameters,
            ) -> Result<Box<dyn DsaPrivateKey>> {
                (**self).generate_dsa_private_key_with_rng(rng, parameters)
            }
            #[cfg(feature = "getrandom")]
            fn generate_dsa_private_key_and_parameters(
                &self,
                key_size: usize,
            ) -> Result<Box<dyn DsaPrivateKey>> {
                (**self).generate_dsa_private_key_and_parameters(key_size)
            }
            fn generate_dsa_private_key_and_parameters_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                key_size: usize,
            ) -> Result<Box<dyn DsaPrivateKey>> {
                (**self).generate_dsa_private_key_and_parameters_with_rng(rng, key_size)
            }
            fn load_dsa_parameter_numbers(
                &self,
                numbers: &DsaParameterNumbers,
            ) -> Result<Box<dyn DsaParameters>> {
                (**self).load_dsa_parameter_numbers(numbers)
            }
            fn load_dsa_private_numbers(
                &self,
                numbers: &DsaPrivateNumbers,
            ) -> Result<Box<dyn DsaPrivateKey>> {
                (**self).load_dsa_private_numbers(numbers)
            }
            fn load_dsa_public_numbers(
                &self,
                numbers: &DsaPublicNumbers,
            ) -> Result<Box<dyn DsaPublicKey>> {
                (**self).load_dsa_public_numbers(numbers)
            }
        }
    )*};
}

forward_dsa_backend!(&B, Box<B>);

/// DSA domain parameters, wherever they live (pyca/cryptography's `DSAParameters`). Object-safe.
pub trait DsaParameters: Send + Sync {
    /// The parameter numbers `p`, `q`, `g`.
    fn parameter_numbers(&self) -> DsaParameterNumbers;

    /// A new private key in this group, from the operating system's generator.
    #[cfg(feature = "getrandom")]
    fn generate_private_key(&self) -> Result<Box<dyn DsaPrivateKey>> {
        self.generate_private_key_with_rng(&mut rng::OsRandom)
    }

    /// A new private key in this group, drawing `x` from `rng` (FIPS 186-4 B.1.2: rejection
    /// sampling of `N` bits until `0 < x < q`). A failing generator is an [`Error::Device`].
    fn generate_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
    ) -> Result<Box<dyn DsaPrivateKey>>;
}

/// A DSA private key, wherever it lives: in memory, in a PKCS#11 token, in a cloud KMS
/// (pyca/cryptography's `DSAPrivateKey`). Object-safe.
///
/// A key whose material cannot leave its device answers [`DsaPrivateKey::private_numbers`] with
/// [`Error::KeyNotExportable`] (the default).
pub trait DsaPrivateKey: Send + Sync {
    /// The modulus length in bits (`L`).
    fn key_size(&self) -> usize;

    /// Signs `data`: a DER `Dss-Sig-Value`. With [`MessageHash::Hash`] the key hashes `data`; with
    /// [`MessageHash::Prehashed`] `data` is the digest, of exactly the digest size.
    fn sign(&self, data: &[u8], algorithm: MessageHash) -> Result<Vec<u8>>;

    /// The matching public key.
    fn public_key(&self) -> Result<Box<dyn DsaPublicKey>>;

    /// The key's domain parameters.
    fn parameters(&self) -> Result<Box<dyn DsaParameters>>;

    /// The private numbers; the default answers [`Error::KeyNotExportable`].
    fn private_numbers(&self) -> Result<DsaPrivateNumbers> {
        Err(Error::KeyNotExportable)
    }
}

/// A DSA public key (pyca/cryptography's `DSAPublicKey`). Object-safe.
pub trait DsaPublicKey: Send + Sync {
    /// The modulus length in bits (`L`).
    fn key_size(&self) -> usize;

    /// Checks the DER `signature` over `data`; [`Error::InvalidSignature`] when it does not
    /// verify (a malformed signature included). `algorithm` as in [`DsaPrivateKey::sign`].
    fn verify(&self, signature: &[u8], data: &[u8], algorithm: MessageHash) -> Result<()>;

    /// The public numbers.
    fn public_numbers(&self) -> DsaPublicNumbers;

    /// The key's domain parameters.
    fn parameters(&self) -> Result<Box<dyn DsaParameters>>;
}

/// Boxed parameters are parameters.
impl<P: DsaParameters + ?Sized> DsaParameters for Box<P> {
    fn parameter_numbers(&self) -> DsaParameterNumbers {
        (**self).parameter_numbers()
    }
    #[cfg(feature = "getrandom")]
    fn generate_private_key(&self) -> Result<Box<dyn DsaPrivateKey>> {
        (**self).generate_private_key()
    }
    fn generate_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
    ) -> Result<Box<dyn DsaPrivateKey>> {
        (**self).generate_private_key_with_rng(rng)
    }
}

/// A boxed key is a key.
impl<K: DsaPrivateKey + ?Sized> DsaPrivateKey for Box<K> {
    fn key_size(&self) -> usize {
        (**self).key_size()
    }
    fn sign(&self, data: &[u8], algorithm: MessageHash) -> Result<Vec<u8>> {
        (**self).sign(data, algorithm)
    }
    fn public_key(&self) -> Result<Box<dyn DsaPublicKey>> {
        (**self).public_key()
    }
    fn parameters(&self) -> Result<Box<dyn DsaParameters>> {
        (**self).parameters()
    }
    fn private_numbers(&self) -> Result<DsaPrivateNumbers> {
        (**self).private_numbers()
    }
}

/// A boxed public key is a public key.
impl<K: DsaPublicKey + ?Sized> DsaPublicKey for Box<K> {
    fn key_size(&self) -> usize {
        (**self).key_size()
    }
    fn verify(&self, signature: &[u8], data: &[u8], algorithm: MessageHash) -> Result<()> {
        (**self).verify(signature, data, algorithm)
    }
    fn public_numbers(&self) -> DsaPublicNumbers {
        (**self).public_numbers()
    }
    fn parameters(&self) -> Result<Box<dyn DsaParameters>> {
        (**self).parameters()
    }
}
