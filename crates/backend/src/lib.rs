//! One API over cryptography, with the implementation underneath swappable.
//!
//! This crate re-creates the backend interfaces of
//! [pyca/cryptography](https://cryptography.io)'s `hazmat` layer — `HashBackend`, `HMACBackend`,
//! `CipherBackend`, `RSABackend`, ... — as Rust traits, one per interface family, each with the
//! seed's method names. ("The seed" in these docs means those Python interfaces, which this
//! project re-creates.) [`Backend`] implements every family compiled in, on the pure-Rust
//! RustCrypto crates; other providers (a PKCS#11 token, an accelerated library, a key in a cloud
//! KMS) implement the same traits, and a [`MultiBackend`] composes them in an order you choose.
//!
//! # The families
//!
//! | feature | trait (seed interface) | module | main items |
//! |---|---|---|---|
//! | `hash` | [`HashBackend`] (`HashBackend`) | [`hash`] | [`HashAlgorithm`], [`HashContext`] |
//! | `hmac` | [`HmacBackend`] (`HMACBackend`) | [`hmac`] | [`MacContext`] |
//! | `cmac` | [`CmacBackend`] (`CMACBackend`) | [`cmac`] | [`CipherAlgorithm`] |
//! | `cipher` | [`CipherBackend`] (`CipherBackend`), [`AeadBackend`] | [`cipher`] | [`Mode`], [`Padding`], [`AesGcm`], [`AesCcm`], [`ChaCha20Poly1305`] |
//! | `kdf` | [`Pbkdf2HmacBackend`] (`PBKDF2HMACBackend`), [`HkdfBackend`] | [`kdf`] | [`DerivedKey`] |
//! | `scrypt` | [`ScryptBackend`] (`ScryptBackend`) | [`kdf`] | |
//! | `rsa` | [`RsaBackend`] (`RSABackend`) | [`rsa`] | [`RsaPrivateKey`], [`AsymmetricPadding`] |
//! | `ec` | [`EllipticCurveBackend`] (`EllipticCurveBackend`) | [`ec`] | [`EllipticCurve`], [`EcPrivateKey`], [`Ecdsa`] |
//! | `dsa` | [`DsaBackend`] (`DSABackend`) | [`dsa`] | [`DsaParameters`], [`DsaPrivateKey`], [`DsaPublicKey`] |
//! | `keys` | [`Signer`], [`AsyncSigner`] (seed 004's HSM / KMS keys) | [`keys`] | [`SignatureAlgorithm`], [`PrivateKey`], [`PublicKey`], [`sign_and_verify`] |
//! | `dh` | [`DhBackend`] (`DHBackend`) | [`dh`] | [`DhParameters`], [`DhPrivateKey`], [`DhParameterNumbers`] |
//!
//! Each trait's page has a runnable example; `docs/interfaces.md` in the repository maps every seed
//! method to its Rust item and its test. With `default-features = false` and only the families you
//! need, the crate is `no_std` (hash, hmac, cmac, cipher, kdf and ec even without `alloc`).
//!
//! # Static use: generic, no allocation
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
//! # Providers chosen at run time
//!
//! A [`Provider`] is a plain value saying what one implementation offers; a [`MultiBackend`]
//! composes providers in the caller's order, and each call goes to the first whose capability
//! rows accept its exact parameters. Both implement every family trait, so either can be handed
//! to generic code:
//!
//! ```
//! use backend::{HashAlgorithm, HashBackend, MultiBackend, Provider};
//!
//! let providers = MultiBackend::new([Provider::RUSTCRYPTO])?;
//! let digest = providers.hash(HashAlgorithm::Sha3_256, b"abc")?;
//! assert_eq!(digest.len(), 32);
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! The object-safe forms of the no-`alloc` families are in [`dynamic`].
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[cfg(feature = "alloc")]
extern crate alloc;

pub use backend_core::capability;
pub use backend_core::rng;
pub use backend_core::{
    CipherAlgorithm, DeviceCode, EllipticCurve, Error, HashAlgorithm, MacContext, MessageHash,
    Output, PasswordError, Reason, Result,
};

/// The default provider: every family compiled in, on the pure-Rust RustCrypto crates.
///
/// A zero-sized value, `backend_core::RustCrypto` itself: each family crate implements its trait
/// for it beside its capability rows, so there is nothing to forward here.
pub use backend_core::RustCrypto as Backend;

// Providers need `alloc` (compositions hold lists) and at least one family to offer.
#[cfg(all(
    feature = "alloc",
    any(
        feature = "hash",
        feature = "hmac",
        feature = "cmac",
        feature = "cipher",
        feature = "kdf",
        feature = "rsa",
        feature = "ec",
        feature = "dsa",
        feature = "dh"
    )
))]
mod provider;
#[cfg(all(
    feature = "alloc",
    any(
        feature = "hash",
        feature = "hmac",
        feature = "cmac",
        feature = "cipher",
        feature = "kdf",
        feature = "rsa",
        feature = "ec",
        feature = "dsa",
        feature = "dh"
    )
))]
pub use provider::{Inconsistency, MultiBackend, Provider, Restricted};

/// The trait-object forms of the families that also have a static, allocation-free trait.
///
/// They share their method names with the static traits (the seed's names), so import from one
/// of `backend` and `backend::dynamic` in a given scope, not both. RSA needs no twin:
/// [`RsaBackend`] is object-safe.
#[cfg(feature = "alloc")]
pub mod dynamic {
    #[cfg(feature = "cipher")]
    pub use backend_cipher::{
        DynAeadBackend, DynAeadKey, DynCipherBackend, DynDecryptionContext, DynEncryptionContext,
    };
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
}

/// The hash family (`backend-hash`).
#[cfg(feature = "hash")]
#[doc(inline)]
pub use backend_hash as hash;
#[cfg(feature = "hash")]
pub use backend_hash::{HashBackend, HashContext};

/// The HMAC family (`backend-hmac`).
#[cfg(feature = "hmac")]
#[doc(inline)]
pub use backend_hmac as hmac;
#[cfg(feature = "hmac")]
pub use backend_hmac::HmacBackend;

/// The CMAC family (`backend-cmac`).
#[cfg(feature = "cmac")]
#[doc(inline)]
pub use backend_cmac as cmac;
#[cfg(feature = "cmac")]
pub use backend_cmac::CmacBackend;

/// The cipher family (`backend-cipher`): modes, padding, one-shot AEADs, the adapter registry.
#[cfg(feature = "cipher")]
#[doc(inline)]
pub use backend_cipher as cipher;
#[cfg(all(feature = "cipher", feature = "aes-ccm"))]
pub use backend_cipher::rustcrypto::aead::AesCcm;
#[cfg(all(feature = "cipher", feature = "aes-gcm"))]
pub use backend_cipher::rustcrypto::aead::AesGcm;
#[cfg(all(feature = "cipher", feature = "chacha20poly1305"))]
pub use backend_cipher::rustcrypto::aead::ChaCha20Poly1305;
#[cfg(feature = "cipher")]
pub use backend_cipher::{
    AeadAlgorithm, AeadBackend, AeadKey, CipherBackend, CipherContext, DecryptionContext,
    EncryptionContext, Finalized, Mode, padding::Padding,
};

/// The elliptic-curve family (`backend-ec`).
#[cfg(feature = "ec")]
#[doc(inline)]
pub use backend_ec as ec;
#[cfg(feature = "ec")]
pub use backend_ec::{
    DerSignature, EcInteger, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh,
    Ecdsa, EllipticCurveBackend, PointFormat, SharedSecret, decode_dss_signature,
    encode_dss_signature,
};

/// The key-derivation family (`backend-kdf`): PBKDF2-HMAC, HKDF and (feature `scrypt`) scrypt.
#[cfg(feature = "kdf")]
#[doc(inline)]
pub use backend_kdf as kdf;
#[cfg(all(feature = "kdf", feature = "alloc"))]
pub use backend_kdf::DerivedKey;
#[cfg(feature = "scrypt")]
pub use backend_kdf::ScryptBackend;
#[cfg(feature = "kdf")]
pub use backend_kdf::{HkdfBackend, Pbkdf2HmacBackend};

/// The RSA family (`backend-rsa`).
#[cfg(feature = "rsa")]
#[doc(inline)]
pub use backend_rsa as rsa;
#[cfg(feature = "rsa")]
pub use backend_rsa::{
    AsymmetricPadding, Mgf, Oaep, Pss, RsaBackend, RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey,
    RsaPublicNumbers, SaltLength,
};

/// PEM and DER serialization of keys and parameters (`backend-serialization`).
#[cfg(feature = "serialization")]
#[doc(inline)]
pub use backend_serialization as serialization;
#[cfg(feature = "serialization")]
pub use backend_serialization::{
    DerSerializationBackend, Encoding, KeySerializationEncryption, KeySource, Parameters,
    PemSerializationBackend, PrivateFormat, PublicFormat, private_bytes, public_bytes,
};

/// The DSA family (`backend-dsa`). Its DER codec is `backend::dsa::{encode,decode}_dss_signature`
/// (the root's are the EC family's, over `EcInteger`).
#[cfg(feature = "dsa")]
#[doc(inline)]
pub use backend_dsa as dsa;
#[cfg(feature = "dsa")]
pub use backend_dsa::{
    DsaBackend, DsaParameterNumbers, DsaParameters, DsaPrivateKey, DsaPrivateNumbers, DsaPublicKey,
    DsaPublicNumbers,
};

/// The finite-field Diffie-Hellman family (`backend-dh`).
#[cfg(feature = "dh")]
#[doc(inline)]
pub use backend_dh as dh;
#[cfg(feature = "dh")]
pub use backend_dh::{
    DhBackend, DhParameterNumbers, DhParameters, DhPrivateKey, DhPrivateNumbers, DhPublicKey,
    DhPublicNumbers,
};

/// The key layer across the families (`backend-keys`): signature algorithms, key enums, signers.
#[cfg(feature = "keys")]
#[doc(inline)]
pub use backend_keys as keys;
#[cfg(feature = "keys")]
pub use backend_keys::SignatureAlgorithm;
#[cfg(all(
    feature = "keys",
    any(feature = "rsa", feature = "ec", feature = "dsa")
))]
pub use backend_keys::{
    AsyncSigner, PrivateKey, PublicKey, Signer, SigningKey, sign_and_verify, sign_and_verify_async,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

/// The provider over `ring` 0.17 (`backend-ring`, feature `ring`): [`Provider::RING`] points at
/// its [`ring::Ring`] for every family ring serves.
#[cfg(feature = "ring")]
#[doc(inline)]
pub use backend_ring as ring;

/// X.509 certificates, CSRs and CRLs (`backend-x509`): `X509Backend` for every `KeySource`.
#[cfg(feature = "x509")]
#[doc(inline)]
pub use backend_x509 as x509;
#[cfg(feature = "x509")]
pub use backend_x509::X509Backend;
