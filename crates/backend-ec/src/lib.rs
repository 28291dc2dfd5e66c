//! `EllipticCurveBackend`: the seed interface for elliptic-curve keys (ECDSA and ECDH), the key
//! traits [`EcPrivateKey`] and [`EcPublicKey`] that any key (in memory, in a token, in a KMS)
//! implements, and its implementation for `RustCrypto` (feature `rustcrypto`; the one provider
//! type of `backend-core`) over `p224`, `p256`, `p384`, `p521`, `k256` and `ecdsa`.
//!
//! ```
//! use backend_ec::{Ecdsa, EcPrivateKey, EcPublicKey, EllipticCurve, EllipticCurveBackend, HashAlgorithm, RustCrypto};
//!
//! let key = RustCrypto.derive_elliptic_curve_private_key(&[7; 32], EllipticCurve::Secp256r1)?;
//! let signature = key.sign(b"message", Ecdsa::from(HashAlgorithm::Sha256))?;
//! key.public_key().verify(&signature, b"message", Ecdsa::from(HashAlgorithm::Sha256))?;
//! # Ok::<(), backend_ec::Error>(())
//! ```
//!
//! Signing, verifying and ECDH allocate nothing: signatures come back as an inline
//! [`DerSignature`], shared secrets as an inline [`SharedSecret`], and the big integers of the
//! numbers types are fixed-size big-endian [`EcInteger`]s.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod dynamic;
mod numbers;
#[cfg(feature = "rustcrypto-base")]
pub mod rustcrypto;
mod signature;

#[cfg(feature = "rustcrypto-base")]
pub use backend_core::RustCrypto;
use backend_core::capability::{Algorithm, Capability, Query, supports};
pub use backend_core::rng::{self, RandomSource};
pub use backend_core::{
    EllipticCurve, Error, HashAlgorithm, MessageHash, Reason, Result, capability,
};
#[cfg(feature = "alloc")]
pub use dynamic::DynEllipticCurveBackend;
pub use numbers::{
    EcInteger, EcPrivateNumbers, EcPublicNumbers, EncodedPoint, PointFormat,
    check_encoded_point_size, check_private_value_size,
};
#[cfg(feature = "rustcrypto-base")]
pub use rustcrypto::{RustCryptoEcPrivateKey, RustCryptoEcPublicKey};
pub use signature::{
    DerSignature, Ecdh, Ecdsa, SharedSecret, decode_dss_signature, encode_dss_signature,
};

/// The capability query of every key call on `curve`: generating, loading and deriving a key
/// ([`Algorithm::EcKeys`]). [`EllipticCurveBackend::elliptic_curve_supported`] asks it, and a
/// composition of providers routes those calls with it.
pub const fn ec_key_query(curve: EllipticCurve) -> Query {
    Query::new(Algorithm::EcKeys(curve))
}

/// The capability query of ECDSA with `signature_algorithm` on `curve`: [`Algorithm::Ecdsa`] with
/// the message hash (whether the data comes prehashed, and how the nonce is chosen, are not
/// parameters of the rows). [`EllipticCurveBackend::elliptic_curve_signature_algorithm_supported`]
/// asks it, and the RustCrypto keys check every signature and verification with it.
pub const fn ecdsa_query(signature_algorithm: Ecdsa, curve: EllipticCurve) -> Query {
    Query::new(Algorithm::Ecdsa(curve)).hash(signature_algorithm.algorithm())
}

/// The capability query of ECDH on `curve` ([`Algorithm::Ecdh`]).
/// [`EllipticCurveBackend::elliptic_curve_exchange_algorithm_supported`] asks it.
pub const fn ecdh_query(algorithm: Ecdh, curve: EllipticCurve) -> Query {
    let Ecdh = algorithm;
    Query::new(Algorithm::Ecdh(curve))
}

/// A backend for elliptic-curve keys (pyca/cryptography's `EllipticCurveBackend`).
///
/// The `*_supported` answers are derived from [`EllipticCurveBackend::elliptic_curve_capabilities`];
/// each agrees with the matching generate / load / derive / sign call.
///
/// ```
/// use backend_ec::{
///     Ecdh, Ecdsa, EcPrivateKey, EcPublicKey, EllipticCurve, EllipticCurveBackend,
///     HashAlgorithm, MessageHash, PointFormat, RustCrypto,
/// };
///
/// let curve = EllipticCurve::Secp256r1; // P-256, prime256v1
/// assert!(RustCrypto.elliptic_curve_supported(curve));
///
/// // ECDSA: sign (RFC 6979 deterministic here), verify the DER signature.
/// let alice = RustCrypto.derive_elliptic_curve_private_key(&[0x11; 32], curve)?;
/// let ecdsa = Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha256));
/// let signature = alice.sign(b"message", ecdsa)?;
/// alice.public_key().verify(&signature, b"message", ecdsa)?;
///
/// // A peer's public key from its SEC 1 bytes, then ECDH both ways.
/// let bob = RustCrypto.derive_elliptic_curve_private_key(&[0x22; 32], curve)?;
/// let bob_point = bob.public_key().encoded_point(PointFormat::Compressed)?;
/// let bob_public = RustCrypto.load_elliptic_curve_public_bytes(curve, &bob_point)?;
/// let shared = alice.exchange(Ecdh, &bob_public)?;
/// assert_eq!(shared, bob.exchange(Ecdh, alice.public_key())?);
/// assert_eq!(format!("{shared:?}"), "SharedSecret(32 bytes)"); // secrets stay out of Debug
/// # Ok::<(), backend_ec::Error>(())
/// ```
#[doc(alias = "ECDSA")]
#[doc(alias = "ECDH")]
#[doc(alias = "EllipticCurvePrivateKey")]
pub trait EllipticCurveBackend {
    /// The private keys this backend makes.
    type PrivateKey: EcPrivateKey;
    /// The public keys this backend makes.
    type PublicKey: EcPublicKey;

    /// The capability rows: for each curve, an [`Algorithm::EcKeys`] row (generation, loading,
    /// derivation), an [`Algorithm::Ecdsa`] row with its hashes and an [`Algorithm::Ecdh`] row,
    /// as far as the backend offers them. Every `*_supported` answer below is derived from them.
    fn elliptic_curve_capabilities(&self) -> &[Capability];

    /// True when keys on `curve` can be generated, loaded and derived ([`ec_key_query`]).
    fn elliptic_curve_supported(&self, curve: EllipticCurve) -> bool {
        supports(self.elliptic_curve_capabilities(), &ec_key_query(curve))
    }

    /// True when a key on `curve` signs and verifies with `signature_algorithm`
    /// ([`ecdsa_query`]).
    fn elliptic_curve_signature_algorithm_supported(
        &self,
        signature_algorithm: Ecdsa,
        curve: EllipticCurve,
    ) -> bool {
        supports(
            self.elliptic_curve_capabilities(),
            &ecdsa_query(signature_algorithm, curve),
        )
    }

    /// True when a key on `curve` performs `algorithm` ([`ecdh_query`]; not in seed 001; the seed
    /// system's later `elliptic_curve_exchange_algorithm_supported`).
    fn elliptic_curve_exchange_algorithm_supported(
        &self,
        algorithm: Ecdh,
        curve: EllipticCurve,
    ) -> bool {
        supports(
            self.elliptic_curve_capabilities(),
            &ecdh_query(algorithm, curve),
        )
    }

    /// A new private key on `curve`, its scalar drawn from `rng` (a `no_std` target passes its
    /// own generator; any `rand_core` `TryCryptoRng` is a [`RandomSource`]). [`Error::Device`]
    /// when the generator fails.
    fn generate_elliptic_curve_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        curve: EllipticCurve,
    ) -> Result<Self::PrivateKey>;

    /// A new private key on `curve`, from the operating system's generator
    /// ([`rng::OsRandom`]; feature `getrandom`, which needs no curve crate). A backend whose keys
    /// are made inside a device overrides this to skip the host's generator.
    #[cfg(feature = "getrandom")]
    fn generate_elliptic_curve_private_key(
        &self,
        curve: EllipticCurve,
    ) -> Result<Self::PrivateKey> {
        self.generate_elliptic_curve_private_key_with_rng(&mut rng::OsRandom, curve)
    }

    /// Loads a private key from its numbers: the scalar must be in `[1, n - 1]`
    /// ([`Error::InvalidKey`]), the public numbers a point on the curve that is `d * G`. Sizes
    /// are checked first ([`EcPrivateNumbers::check_size`]), before any arithmetic.
    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> Result<Self::PrivateKey>;

    /// Loads a public key from its numbers: a point on the curve, not the identity. Sizes are
    /// checked first ([`EcPublicNumbers::check_size`]), before any arithmetic.
    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> Result<Self::PublicKey>;

    /// Loads a public key from a SEC 1 encoded point, compressed or uncompressed (the seed
    /// system's `EllipticCurvePublicKey.from_encoded_point`). The point type and length are
    /// checked first ([`check_encoded_point_size`]), before any parsing or arithmetic.
    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> Result<Self::PublicKey>;

    /// The private key whose scalar is `private_value` (big-endian; leading zero bytes allowed),
    /// its public point computed. [`Error::InvalidKey`] unless the value is in `[1, n - 1]`; a
    /// value wider than the curve's field is refused first ([`check_private_value_size`]),
    /// before any arithmetic.
    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> Result<Self::PrivateKey>;
}

/// An elliptic-curve public key (pyca/cryptography's `EllipticCurvePublicKey`). Object-safe.
pub trait EcPublicKey: Send + Sync {
    /// The key's curve.
    fn curve(&self) -> EllipticCurve;

    /// The curve's size in bits.
    fn key_size(&self) -> usize {
        self.curve().key_size()
    }

    /// Checks a DER `signature` over `data`; [`Error::InvalidSignature`] when it does not verify
    /// or is malformed, [`Error::Unsupported`] for a hash the key does not support, and
    /// [`Error::InvalidArgument`] for a prehashed digest of the wrong size.
    fn verify(&self, signature: &[u8], data: &[u8], signature_algorithm: Ecdsa) -> Result<()>;

    /// The point as numbers.
    fn public_numbers(&self) -> EcPublicNumbers;

    /// The point as SEC 1 bytes, compressed or uncompressed.
    fn encoded_point(&self, format: PointFormat) -> Result<EncodedPoint> {
        self.public_numbers().encoded_point(format)
    }
}

/// An elliptic-curve private key (pyca/cryptography's `EllipticCurvePrivateKey`). Object-safe, so
/// code that signs (an X.509 builder) takes `&dyn EcPrivateKey` and works the same with an
/// in-memory key, a token key or a KMS key.
pub trait EcPrivateKey: Send + Sync {
    /// The key's curve.
    fn curve(&self) -> EllipticCurve;

    /// The curve's size in bits.
    fn key_size(&self) -> usize {
        self.curve().key_size()
    }

    /// The matching public key.
    fn public_key(&self) -> &dyn EcPublicKey;

    /// Signs `data` (a message, or a digest when `signature_algorithm.hash` is `Prehashed`), giving
    /// a DER signature. A digest of the wrong size is [`Error::InvalidArgument`]; a hash the key
    /// does not support is [`Error::Unsupported`].
    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> Result<DerSignature>;

    /// ECDH with `peer_public_key`, which must be on the same curve ([`Error::InvalidArgument`]).
    ///
    /// The default answers [`Error::Unsupported`]: a device key that only signs implements only
    /// what it can do.
    fn exchange(&self, algorithm: Ecdh, peer_public_key: &dyn EcPublicKey) -> Result<SharedSecret> {
        let _ = (algorithm, peer_public_key);
        Err(Error::unsupported(
            Reason::ExchangeAlgorithm,
            "ECDH with this key",
        ))
    }

    /// The key as numbers. The default answers [`Error::KeyNotExportable`], what a key whose
    /// material cannot leave its device says; in-memory keys override it.
    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        Err(Error::KeyNotExportable)
    }
}

impl<K: EcPublicKey + ?Sized> EcPublicKey for &K {
    fn curve(&self) -> EllipticCurve {
        (**self).curve()
    }
    fn verify(&self, signature: &[u8], data: &[u8], signature_algorithm: Ecdsa) -> Result<()> {
        (**self).verify(signature, data, signature_algorithm)
    }
    fn public_numbers(&self) -> EcPublicNumbers {
        (**self).public_numbers()
    }
    fn encoded_point(&self, format: PointFormat) -> Result<EncodedPoint> {
        (**self).encoded_point(format)
    }
}

impl<K: EcPrivateKey + ?Sized> EcPrivateKey for &K {
    fn curve(&self) -> EllipticCurve {
        (**self).curve()
    }
    fn public_key(&self) -> &dyn EcPublicKey {
        (**self).public_key()
    }
    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> Result<DerSignature> {
        (**self).sign(data, signature_algorithm)
    }
    fn exchange(&self, algorithm: Ecdh, peer_public_key: &dyn EcPublicKey) -> Result<SharedSecret> {
        (**self).exchange(algorithm, peer_public_key)
    }
    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        (**self).private_numbers()
    }
}

#[cfg(feature = "alloc")]
impl<K: EcPublicKey + ?Sized> EcPublicKey for alloc::boxed::Box<K> {
    fn curve(&self) -> EllipticCurve {
        (**self).curve()
    }
    fn verify(&self, signature: &[u8], data: &[u8], signature_algorithm: Ecdsa) -> Result<()> {
        (**self).verify(signature, data, signature_algorithm)
    }
    fn public_numbers(&self) -> EcPublicNumbers {
        (**self).public_numbers()
    }
    fn encoded_point(&self, format: PointFormat) -> Result<EncodedPoint> {
        (**self).encoded_point(format)
    }
}

#[cfg(feature = "alloc")]
impl<K: EcPrivateKey + ?Sized> EcPrivateKey for alloc::boxed::Box<K> {
    fn curve(&self) -> EllipticCurve {
        (**self).curve()
    }
    fn public_key(&self) -> &dyn EcPublicKey {
        (**self).public_key()
    }
    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> Result<DerSignature> {
        (**self).sign(data, signature_algorithm)
    }
    fn exchange(&self, algorithm: Ecdh, peer_public_key: &dyn EcPublicKey) -> Result<SharedSecret> {
        (**self).exchange(algorithm, peer_public_key)
    }
    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        (**self).private_numbers()
    }
}

/// Checks that a prehashed digest has the hash's size; [`Error::InvalidArgument`] otherwise.
/// Shared by every implementation of [`EcPrivateKey::sign`] and [`EcPublicKey::verify`].
pub fn check_prehashed_len(hash: MessageHash, data: &[u8]) -> Result<()> {
    match hash {
        MessageHash::Prehashed(algorithm) if data.len() != algorithm.digest_size() => Err(
            Error::InvalidArgument("prehashed digest length does not match the hash algorithm"),
        ),
        _ => Ok(()),
    }
}
