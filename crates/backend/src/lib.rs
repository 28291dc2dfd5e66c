//! One API over cryptography, with the implementation underneath swappable.
//!
//! Every interface family of the seed system is a trait (`HashBackend`, `HmacBackend`,
//! `CipherBackend`, `RsaBackend`, ...); [`Backend`] implements all that are compiled in, on the pure-Rust
//! RustCrypto crates. Cargo features choose the families (`hash`, `hmac`, `cmac`, `cipher`, `kdf`,
//! `scrypt`, `rsa`, `ec`; `alloc` adds the trait-object forms); with `default-features = false` the
//! crate is `no_std`.
//!
//! Generic use is static dispatch with no allocation:
//!
//! ```
//! use backend::{Backend, HashAlgorithm, HashBackend, HashContext};
//!
//! fn fingerprint<B: HashBackend>(backend: &B, data: &[u8]) -> backend::Result<backend::hash::HashOutput> {
//!     let mut ctx = backend.create_hash_ctx(HashAlgorithm::Sha256)?;
//!     ctx.update(data);
//!     ctx.finalize()
//! }
//! assert_eq!(fingerprint(&Backend, b"abc")?[..2], [0xba, 0x78]);
//! # Ok::<(), backend::Error>(())
//! ```
//!
//! Dynamic use holds providers as trait objects, chosen at run time:
//!
//! ```
//! use backend::dynamic::{DynHashBackend, DynHmacBackend};
//! use backend::{Backend, HashAlgorithm};
//!
//! let providers: Vec<Box<dyn DynHashBackend>> = vec![Box::new(Backend)];
//! let chosen = providers.iter().find(|p| p.hash_supported(HashAlgorithm::Sha3_256)).unwrap();
//! let mut ctx = chosen.create_hash_ctx(HashAlgorithm::Sha3_256)?;
//! ctx.update(b"abc");
//! assert_eq!(ctx.finalize()?.len(), 32);
//!
//! let macs: &dyn DynHmacBackend = &Backend;
//! let mut mac = macs.create_hmac_ctx(b"key", HashAlgorithm::Sha256)?;
//! mac.update(b"message");
//! let tag = mac.copy().finalize();
//! mac.verify(&tag)?;
//! # Ok::<(), backend::Error>(())
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub use backend_core::{
    CipherAlgorithm, Error, HashAlgorithm, MacContext, MessageHash, Output, Reason, Result,
};

/// The trait-object forms of every backend trait, for providers chosen at run time.
///
/// They share their method names with the static traits (the seed's names), so import from one
/// of `backend` and `backend::dynamic` in a given scope, not both.
#[cfg(feature = "alloc")]
pub mod dynamic {
    #[cfg(feature = "cipher")]
    pub use backend_cipher::{DynCipherBackend, DynDecryptionContext, DynEncryptionContext};
    #[cfg(feature = "cmac")]
    pub use backend_cmac::DynCmacBackend;
    pub use backend_core::DynMacContext;
    #[cfg(feature = "ec")]
    pub use backend_ec::DynEllipticCurveBackend;
    #[cfg(feature = "hash")]
    pub use backend_hash::{DynHashBackend, DynHashContext};
    #[cfg(feature = "hmac")]
    pub use backend_hmac::DynHmacBackend;
    #[cfg(feature = "scrypt")]
    pub use backend_kdf::DynScryptBackend;
    #[cfg(feature = "kdf")]
    pub use backend_kdf::{DynHkdfBackend, DynPbkdf2HmacBackend};
    #[cfg(feature = "rsa")]
    pub use backend_rsa::DynRsaBackend;
}

/// The hash family (`backend-hash`).
#[cfg(feature = "hash")]
pub use backend_hash as hash;
#[cfg(feature = "hash")]
pub use backend_hash::{HashBackend, HashContext};

/// The HMAC family (`backend-hmac`).
#[cfg(feature = "hmac")]
pub use backend_hmac as hmac;
#[cfg(feature = "hmac")]
pub use backend_hmac::HmacBackend;

/// The CMAC family (`backend-cmac`).
#[cfg(feature = "cmac")]
pub use backend_cmac as cmac;
#[cfg(feature = "cmac")]
pub use backend_cmac::CmacBackend;

/// The cipher family (`backend-cipher`): modes, padding, one-shot AEADs, the adapter registry.
#[cfg(feature = "cipher")]
pub use backend_cipher as cipher;
#[cfg(feature = "cipher")]
pub use backend_cipher::{
    CipherBackend, CipherContext, DecryptionContext, EncryptionContext, Finalized, Mode,
};

/// The elliptic-curve family (`backend-ec`).
#[cfg(feature = "ec")]
pub use backend_ec as ec;
#[cfg(feature = "ec")]
pub use backend_ec::{
    DerSignature, EcInteger, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh,
    Ecdsa, EllipticCurve, EllipticCurveBackend, PointFormat, SharedSecret, decode_dss_signature,
    encode_dss_signature,
};

/// The key-derivation family (`backend-kdf`): PBKDF2-HMAC, HKDF and (feature `scrypt`) scrypt.
#[cfg(feature = "kdf")]
pub use backend_kdf as kdf;
#[cfg(all(feature = "kdf", feature = "alloc"))]
pub use backend_kdf::DerivedKey;
#[cfg(feature = "scrypt")]
pub use backend_kdf::ScryptBackend;
#[cfg(feature = "kdf")]
pub use backend_kdf::{HkdfBackend, Pbkdf2HmacBackend};
/// The RSA family (`backend-rsa`).
#[cfg(feature = "rsa")]
pub use backend_rsa as rsa;
#[cfg(feature = "rsa")]
pub use backend_rsa::{
    AsymmetricPadding, Mgf, Oaep, Pss, RsaBackend, RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey,
    RsaPublicNumbers, SaltLength,
};

/// The default backend: every family compiled in, on the pure-Rust RustCrypto crates.
///
/// A zero-sized value: `Backend` is the whole provider. Each trait method forwards to the family
/// crate's `RustCrypto` provider, which holds that family's capability table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Backend;

#[cfg(feature = "hash")]
impl HashBackend for Backend {
    type HashCtx = backend_hash::RustCryptoHashContext;

    fn supported_hashes(&self) -> &[HashAlgorithm] {
        backend_hash::RustCrypto::HASHES
    }

    #[inline]
    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Self::HashCtx> {
        HashBackend::create_hash_ctx(&backend_hash::RustCrypto, algorithm)
    }

    #[inline]
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<backend_hash::HashOutput> {
        HashBackend::hash(&backend_hash::RustCrypto, algorithm, data)
    }
}

#[cfg(feature = "hmac")]
impl HmacBackend for Backend {
    type HmacCtx = backend_hmac::RustCryptoHmacContext;

    fn supported_hmac_hashes(&self) -> &[HashAlgorithm] {
        backend_hmac::RustCrypto::HMAC_HASHES
    }

    #[inline]
    fn create_hmac_ctx(&self, key: &[u8], algorithm: HashAlgorithm) -> Result<Self::HmacCtx> {
        HmacBackend::create_hmac_ctx(&backend_hmac::RustCrypto, key, algorithm)
    }
}

#[cfg(feature = "cmac")]
impl CmacBackend for Backend {
    type CmacCtx = backend_cmac::RustCryptoCmacContext;

    fn supported_cmac_algorithms(&self) -> &[CipherAlgorithm<'static>] {
        backend_cmac::RustCrypto::CMAC_ALGORITHMS
    }

    #[inline]
    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<Self::CmacCtx> {
        CmacBackend::create_cmac_ctx(&backend_cmac::RustCrypto, algorithm)
    }
}

#[cfg(feature = "cipher")]
impl CipherBackend for Backend {
    type EncryptionCtx = backend_cipher::RustCryptoEncryptionContext;
    type DecryptionCtx = backend_cipher::RustCryptoDecryptionContext;

    fn supported_ciphers(&self) -> &[(CipherAlgorithm<'static>, Mode<'static>)] {
        backend_cipher::RustCrypto::CIPHERS
    }

    #[inline]
    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Self::EncryptionCtx> {
        CipherBackend::create_symmetric_encryption_ctx(&backend_cipher::RustCrypto, cipher, mode)
    }

    #[inline]
    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<Self::DecryptionCtx> {
        CipherBackend::create_symmetric_decryption_ctx(&backend_cipher::RustCrypto, cipher, mode)
    }
}

#[cfg(feature = "ec")]
impl EllipticCurveBackend for Backend {
    type PrivateKey = backend_ec::RustCryptoEcPrivateKey;
    type PublicKey = backend_ec::RustCryptoEcPublicKey;

    fn elliptic_curve_capabilities(&self) -> &[backend_ec::CurveCapability] {
        backend_ec::RustCrypto::CAPABILITIES
    }

    #[inline]
    fn generate_elliptic_curve_private_key_with_rng<R: backend_ec::TryCryptoRng + ?Sized>(
        &self,
        curve: EllipticCurve,
        rng: &mut R,
    ) -> Result<Self::PrivateKey> {
        EllipticCurveBackend::generate_elliptic_curve_private_key_with_rng(
            &backend_ec::RustCrypto,
            curve,
            rng,
        )
    }

    #[inline]
    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> Result<Self::PrivateKey> {
        EllipticCurveBackend::load_elliptic_curve_private_numbers(&backend_ec::RustCrypto, numbers)
    }

    #[inline]
    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> Result<Self::PublicKey> {
        EllipticCurveBackend::load_elliptic_curve_public_numbers(&backend_ec::RustCrypto, numbers)
    }

    #[inline]
    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> Result<Self::PublicKey> {
        EllipticCurveBackend::load_elliptic_curve_public_bytes(
            &backend_ec::RustCrypto,
            curve,
            encoded_point,
        )
    }

    #[inline]
    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> Result<Self::PrivateKey> {
        EllipticCurveBackend::derive_elliptic_curve_private_key(
            &backend_ec::RustCrypto,
            private_value,
            curve,
        )
    }
}

#[cfg(feature = "kdf")]
impl Pbkdf2HmacBackend for Backend {
    fn supported_pbkdf2_hashes(&self) -> &[HashAlgorithm] {
        backend_kdf::RustCrypto::PBKDF2_HASHES
    }

    #[inline]
    fn derive_pbkdf2_hmac_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        Pbkdf2HmacBackend::derive_pbkdf2_hmac_into(
            &backend_kdf::RustCrypto,
            algorithm,
            salt,
            iterations,
            key_material,
            out,
        )
    }
}

#[cfg(feature = "kdf")]
impl HkdfBackend for Backend {
    fn supported_hkdf_hashes(&self) -> &[HashAlgorithm] {
        backend_kdf::RustCrypto::HKDF_HASHES
    }

    #[inline]
    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<()> {
        HkdfBackend::hkdf_extract_into(&backend_kdf::RustCrypto, algorithm, salt, key_material, prk)
    }

    #[inline]
    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        HkdfBackend::hkdf_expand_into(&backend_kdf::RustCrypto, algorithm, prk, info, out)
    }
}

#[cfg(feature = "scrypt")]
impl ScryptBackend for Backend {
    fn scrypt_memory_limit(&self) -> u64 {
        ScryptBackend::scrypt_memory_limit(&backend_kdf::RustCrypto)
    }

    #[inline]
    fn derive_scrypt_into(
        &self,
        key_material: &[u8],
        salt: &[u8],
        n: u64,
        r: u32,
        p: u32,
        out: &mut [u8],
    ) -> Result<()> {
        ScryptBackend::derive_scrypt_into(
            &backend_kdf::RustCrypto,
            key_material,
            salt,
            n,
            r,
            p,
            out,
        )
    }
}

#[cfg(feature = "rsa")]
impl RsaBackend for Backend {
    type PrivateKey = backend_rsa::RustCryptoRsaPrivateKey;
    type PublicKey = backend_rsa::RustCryptoRsaPublicKey;

    fn rsa_capabilities(&self) -> &backend_rsa::RsaCapabilities {
        &backend_rsa::RustCrypto::RSA_CAPABILITIES
    }

    fn generate_rsa_private_key(
        &self,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Self::PrivateKey> {
        RsaBackend::generate_rsa_private_key(&backend_rsa::RustCrypto, public_exponent, key_size)
    }

    fn generate_rsa_private_key_with_rng(
        &self,
        rng: &mut dyn backend_rsa::CryptoRng,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Self::PrivateKey> {
        RsaBackend::generate_rsa_private_key_with_rng(
            &backend_rsa::RustCrypto,
            rng,
            public_exponent,
            key_size,
        )
    }

    fn load_rsa_private_numbers(&self, numbers: &RsaPrivateNumbers) -> Result<Self::PrivateKey> {
        RsaBackend::load_rsa_private_numbers(&backend_rsa::RustCrypto, numbers)
    }

    fn load_rsa_public_numbers(&self, numbers: &RsaPublicNumbers) -> Result<Self::PublicKey> {
        RsaBackend::load_rsa_public_numbers(&backend_rsa::RustCrypto, numbers)
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
