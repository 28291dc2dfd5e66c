//! PEM and DER serialization of keys and parameters: pyca/cryptography's
//! `PEMSerializationBackend` and `DERSerializationBackend`, and the `private_bytes` /
//! `public_bytes` of its key objects.
//!
//! # Reading
//!
//! [`PemSerializationBackend`] and [`DerSerializationBackend`] load
//!
//! - private keys: PKCS#8 (`PRIVATE KEY`), encrypted PKCS#8 (`ENCRYPTED PRIVATE KEY`: PBES2 with
//!   PBKDF2 or scrypt and AES / 3DES / DES / RC2 in CBC mode, PBES1, and the PKCS#12 schemes with
//!   3DES, RC2 and RC4), and the traditional OpenSSL forms (`RSA PRIVATE KEY`, `EC PRIVATE KEY`,
//!   `DSA PRIVATE KEY`),
//!   plain or with `Proc-Type: 4,ENCRYPTED` / `DEK-Info` headers;
//! - public keys: SubjectPublicKeyInfo (`PUBLIC KEY`) and PKCS#1 (`RSA PUBLIC KEY`);
//! - parameters: EC named-curve parameters (`EC PARAMETERS`), `DSA PARAMETERS`, PKCS#3
//!   `DH PARAMETERS` and `X9.42 DH PARAMETERS`.
//!
//! Parsing never builds a key itself: it decodes the encoding into the family's numbers and hands
//! them to the provider's `load_*_numbers` through [`KeyLoaders`], the one seam between this crate
//! and an implementation. Loading through a token or a composition therefore yields *that*
//! provider's key. The key-file encryption itself (PBKDF2, AES-CBC, ...) runs on this project's
//! own RustCrypto families.
//!
//! Passwords: a password for an unencrypted key, no password for an encrypted one, and a wrong
//! one are three [`PasswordError`](backend_core::PasswordError)s. An empty password is a password
//! (pyca treats `b""` as none; here `Some(b"")` is an empty password and `None` is none).
//!
//! # Writing
//!
//! [`private_bytes`] (through the key layer's
//! [`PrivateKeyEncoder`](backend_keys::PrivateKeyEncoder) hook: a key whose material cannot leave
//! its device answers [`Error::KeyNotExportable`]) and [`public_bytes`], in [`Encoding::Pem`] or
//! [`Encoding::Der`]. The encodings pyca offers for other key types (`Raw`, `X962`, `OpenSSH`) are
//! not variants here, so the combinations pyca refuses with `ValueError` cannot be written.
//!
//! ```
//! use backend_serialization::{
//!     DerSerializationBackend, Encoding, KeySerializationEncryption, PemSerializationBackend,
//!     PrivateFormat, private_bytes,
//! };
//! use backend_ec::EllipticCurveBackend;
//! use backend_core::{EllipticCurve, RustCrypto};
//!
//! let key = RustCrypto.generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)?;
//! let key = backend_keys::PrivateKey::Ec(Box::new(key));
//! let pem = private_bytes(
//!     &key,
//!     Encoding::Pem,
//!     PrivateFormat::Pkcs8,
//!     &KeySerializationEncryption::NoEncryption,
//! )?;
//! let again = RustCrypto.load_pem_private_key(&pem, None)?;
//! assert_eq!(again.key_size(), 256);
//! # Ok::<(), backend_core::Error>(())
//! ```
// Without a key family (`rsa`, `ec`, `dsa`, `dh`) there is nothing to load or write: the crate
// is empty (it still builds, as `cargo xtask ci` checks with `--no-default-features`).
#![cfg(any(feature = "rsa", feature = "ec", feature = "dsa", feature = "dh"))]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

extern crate alloc;

mod crypt;
#[cfg(any(feature = "dsa", feature = "dh"))]
mod ffc;
pub mod oid;
mod pbe;
mod pem;
mod read;
mod traditional;
mod write;

pub use read::{load_der_parameters, load_der_private_key, load_der_public_key};
pub use read::{load_pem_parameters, load_pem_private_key, load_pem_public_key};
#[cfg(feature = "getrandom")]
pub use write::private_bytes;
pub use write::{
    BEST_AVAILABLE_PBKDF2_ITERATIONS, KeyEncoder, parameter_bytes, private_bytes_with_rng,
    public_bytes,
};

use backend_core::{EllipticCurve, Error, Result};
#[cfg(feature = "dh")]
use backend_dh::{DhBackend, DhParameters};
#[cfg(feature = "dsa")]
use backend_dsa::{DsaBackend, DsaParameters};
#[cfg(feature = "ec")]
use backend_ec::DynEllipticCurveBackend;
use backend_keys::{PrivateKey, PublicKey};
#[cfg(feature = "rsa")]
use backend_rsa::RsaBackend;

/// How bytes are armoured (pyca's `Encoding`, restricted to what keys and parameters use here).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Base64 text between `-----BEGIN` / `-----END` lines (RFC 7468).
    Pem,
    /// Binary DER.
    Der,
}

/// The structure a private key is written in (pyca's `PrivateFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrivateFormat {
    /// PKCS#8 `PrivateKeyInfo`, or `EncryptedPrivateKeyInfo` when encrypted.
    Pkcs8,
    /// The algorithm's own structure: PKCS#1 `RSAPrivateKey`, SEC 1 `ECPrivateKey`. Encrypted only
    /// in PEM (the `DEK-Info` header); DER with encryption is an [`Error::InvalidArgument`].
    TraditionalOpenSsl,
}

/// The structure a public key is written in (pyca's `PublicFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PublicFormat {
    /// X.509 `SubjectPublicKeyInfo`: every key type.
    SubjectPublicKeyInfo,
    /// PKCS#1 `RSAPublicKey`: RSA keys only.
    Pkcs1,
}

/// Whether and how a private key is encrypted when written (pyca's
/// `KeySerializationEncryption`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySerializationEncryption<'a> {
    /// Written in the clear.
    NoEncryption,
    /// Encrypted with the best scheme this crate writes: for PKCS#8, PBES2 with
    /// PBKDF2-HMAC-SHA256 ([`BEST_AVAILABLE_PBKDF2_ITERATIONS`] iterations, 16-byte salt) and
    /// AES-256-CBC; for traditional PEM, `DEK-Info: AES-256-CBC`. The password must not be empty
    /// ([`Error::InvalidArgument`], as in pyca).
    BestAvailableEncryption(&'a [u8]),
}

/// Parameters of any family, as [`load_pem_parameters`] returns them; DSA and DH parameters are
/// the provider's objects (built by its `load_*_parameter_numbers`).
#[non_exhaustive]
pub enum Parameters {
    /// Elliptic-curve parameters: a named curve.
    Ec(EllipticCurve),
    /// DSA domain parameters (`DSA PARAMETERS`, `Dss-Parms`).
    #[cfg(feature = "dsa")]
    Dsa(alloc::boxed::Box<dyn DsaParameters>),
    /// Diffie-Hellman parameters (`DH PARAMETERS`, PKCS#3; `X9.42 DH PARAMETERS` with `q`).
    #[cfg(feature = "dh")]
    Dh(alloc::boxed::Box<dyn DhParameters>),
}

/// The family and size only.
impl core::fmt::Debug for Parameters {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Parameters::Ec(curve) => write!(f, "Parameters::Ec({curve:?})"),
            #[cfg(feature = "dsa")]
            Parameters::Dsa(p) => {
                let n = p.parameter_numbers();
                write!(f, "Parameters::Dsa({} bits)", n.p.len() * 8)
            }
            #[cfg(feature = "dh")]
            Parameters::Dh(p) => write!(f, "Parameters::Dh({} bits)", p.key_size()),
        }
    }
}

/// The seam between parsing and an implementation: the families' loaders a provider offers.
/// Parsing decodes an encoding into numbers and calls these; a family left `None` makes its keys
/// [`Error::Unsupported`].
#[derive(Clone, Copy, Default)]
pub struct KeyLoaders<'a> {
    /// Builds RSA keys (`load_rsa_private_numbers`, `load_rsa_public_numbers`).
    #[cfg(feature = "rsa")]
    pub rsa: Option<&'a dyn RsaBackend>,
    /// Builds elliptic-curve keys (`load_elliptic_curve_private_numbers`,
    /// `derive_elliptic_curve_private_key`, `load_elliptic_curve_public_bytes`).
    #[cfg(feature = "ec")]
    pub ec: Option<&'a dyn DynEllipticCurveBackend>,
    /// Builds DSA parameters and keys (`load_dsa_*_numbers`).
    #[cfg(feature = "dsa")]
    pub dsa: Option<&'a dyn DsaBackend>,
    /// Builds Diffie-Hellman parameters and keys (`load_dh_*_numbers`).
    #[cfg(feature = "dh")]
    pub dh: Option<&'a dyn DhBackend>,
    #[doc(hidden)]
    pub _lifetime: core::marker::PhantomData<&'a ()>,
}

#[cfg(feature = "rustcrypto")]
impl KeyLoaders<'static> {
    /// The RustCrypto provider's loaders.
    pub const RUSTCRYPTO: KeyLoaders<'static> = KeyLoaders {
        #[cfg(feature = "rsa")]
        rsa: Some(&backend_core::RustCrypto),
        #[cfg(feature = "ec")]
        ec: Some(&backend_core::RustCrypto),
        #[cfg(feature = "dsa")]
        dsa: Some(&backend_core::RustCrypto),
        #[cfg(feature = "dh")]
        dh: Some(&backend_core::RustCrypto),
        _lifetime: core::marker::PhantomData,
    };
}

/// A provider that can build keys from numbers: everything the serialization traits need. Implement
/// it (one method) and [`PemSerializationBackend`] and [`DerSerializationBackend`] come with it.
pub trait KeySource {
    /// This provider's loaders.
    fn key_loaders(&self) -> KeyLoaders<'_>;
}

#[cfg(feature = "rustcrypto")]
impl KeySource for backend_core::RustCrypto {
    fn key_loaders(&self) -> KeyLoaders<'_> {
        KeyLoaders::RUSTCRYPTO
    }
}

impl KeySource for KeyLoaders<'_> {
    fn key_loaders(&self) -> KeyLoaders<'_> {
        *self
    }
}

/// pyca/cryptography's `PEMSerializationBackend`.
pub trait PemSerializationBackend {
    /// A private key from PEM (`load_pem_private_key(data, password)`): the first block whose
    /// label is a private-key label; text before it is skipped.
    fn load_pem_private_key(&self, data: &[u8], password: Option<&[u8]>) -> Result<PrivateKey>;
    /// A public key from PEM (`load_pem_public_key`): `PUBLIC KEY` or `RSA PUBLIC KEY`.
    fn load_pem_public_key(&self, data: &[u8]) -> Result<PublicKey<'static>>;
    /// Parameters from PEM (`load_pem_parameters`).
    fn load_pem_parameters(&self, data: &[u8]) -> Result<Parameters>;
}

/// pyca/cryptography's `DERSerializationBackend`.
pub trait DerSerializationBackend {
    /// A private key from DER (`load_der_private_key(data, password)`): PKCS#8, encrypted PKCS#8,
    /// or a traditional structure, told apart by their shape.
    fn load_der_private_key(&self, data: &[u8], password: Option<&[u8]>) -> Result<PrivateKey>;
    /// A public key from DER (`load_der_public_key`): SPKI or PKCS#1.
    fn load_der_public_key(&self, data: &[u8]) -> Result<PublicKey<'static>>;
    /// Parameters from DER (`load_der_parameters`).
    fn load_der_parameters(&self, data: &[u8]) -> Result<Parameters>;
}

impl<T: KeySource + ?Sized> PemSerializationBackend for T {
    fn load_pem_private_key(&self, data: &[u8], password: Option<&[u8]>) -> Result<PrivateKey> {
        load_pem_private_key(&self.key_loaders(), data, password)
    }
    fn load_pem_public_key(&self, data: &[u8]) -> Result<PublicKey<'static>> {
        load_pem_public_key(&self.key_loaders(), data)
    }
    fn load_pem_parameters(&self, data: &[u8]) -> Result<Parameters> {
        load_pem_parameters(&self.key_loaders(), data)
    }
}

impl<T: KeySource + ?Sized> DerSerializationBackend for T {
    fn load_der_private_key(&self, data: &[u8], password: Option<&[u8]>) -> Result<PrivateKey> {
        load_der_private_key(&self.key_loaders(), data, password)
    }
    fn load_der_public_key(&self, data: &[u8]) -> Result<PublicKey<'static>> {
        load_der_public_key(&self.key_loaders(), data)
    }
    fn load_der_parameters(&self, data: &[u8]) -> Result<Parameters> {
        load_der_parameters(&self.key_loaders(), data)
    }
}

/// A DER decoding failure: always [`Error::Malformed`], without the decoder's detail.
pub(crate) fn malformed(_: der::Error) -> Error {
    Error::Malformed("DER: not a valid encoding of the expected structure")
}
