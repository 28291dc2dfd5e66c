//! [`EllipticCurveBackend`] for [`Ring`] over `ring::signature` (ECDSA) and `ring::agreement`
//! (ephemeral ECDH): P-256 and P-384.

use crate::{EC_CAPABILITIES, Ring, system_random};
use backend_core::capability::Capability;
use backend_core::rng::RandomSource;
use backend_core::{EllipticCurve, Error, HashAlgorithm, MessageHash, Reason, Result};
use backend_ec::{
    DerSignature, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh, Ecdsa,
    EllipticCurveBackend, EncodedPoint, PointFormat, RustCrypto, RustCryptoEcPrivateKey,
    RustCryptoEcPublicKey, SharedSecret,
};
use ring::signature::{self, EcdsaKeyPair, KeyPair};

fn unsupported_curve(curve: EllipticCurve) -> Error {
    Error::unsupported(Reason::EllipticCurve, curve.name())
}

/// ring's signing algorithm for `curve` (ring signs P-256 with SHA-256 and P-384 with SHA-384
/// only).
fn signing_algorithm(curve: EllipticCurve) -> Result<&'static signature::EcdsaSigningAlgorithm> {
    match curve {
        EllipticCurve::Secp256r1 => Ok(&signature::ECDSA_P256_SHA256_ASN1_SIGNING),
        EllipticCurve::Secp384r1 => Ok(&signature::ECDSA_P384_SHA384_ASN1_SIGNING),
        other => Err(unsupported_curve(other)),
    }
}

/// The hash ring signs with on `curve`.
fn signing_hash(curve: EllipticCurve) -> Option<HashAlgorithm> {
    match curve {
        EllipticCurve::Secp256r1 => Some(HashAlgorithm::Sha256),
        EllipticCurve::Secp384r1 => Some(HashAlgorithm::Sha384),
        _ => None,
    }
}

/// ring's verification algorithm for `curve` and the message hash of `signature_algorithm`,
/// when ring has one (P-256 and P-384, each with SHA-256 or SHA-384, over the message).
fn verification_algorithm(
    curve: EllipticCurve,
    signature_algorithm: Ecdsa,
) -> Option<&'static signature::EcdsaVerificationAlgorithm> {
    let MessageHash::Hash(hash) = signature_algorithm.hash else {
        return None;
    };
    match (curve, hash) {
        (EllipticCurve::Secp256r1, HashAlgorithm::Sha256) => {
            Some(&signature::ECDSA_P256_SHA256_ASN1)
        }
        (EllipticCurve::Secp256r1, HashAlgorithm::Sha384) => {
            Some(&signature::ECDSA_P256_SHA384_ASN1)
        }
        (EllipticCurve::Secp384r1, HashAlgorithm::Sha256) => {
            Some(&signature::ECDSA_P384_SHA256_ASN1)
        }
        (EllipticCurve::Secp384r1, HashAlgorithm::Sha384) => {
            Some(&signature::ECDSA_P384_SHA384_ASN1)
        }
        _ => None,
    }
}

/// [`Error::Unsupported`] for a curve ring does not have, before any work.
fn check_curve(curve: EllipticCurve) -> Result<()> {
    signing_algorithm(curve).map(drop)
}

/// A public key on P-256 or P-384: verification runs in ring for the pairings ring has
/// ([`RingEcPublicKey::verifies_in_ring`]), in the RustCrypto key of the same point otherwise.
#[derive(Clone)]
pub struct RingEcPublicKey {
    inner: RustCryptoEcPublicKey,
    /// The uncompressed SEC 1 point, as ring's `UnparsedPublicKey` reads it.
    point: EncodedPoint,
}

impl core::fmt::Debug for RingEcPublicKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RingEcPublicKey")
            .field("curve", &self.inner.curve())
            .finish_non_exhaustive()
    }
}

impl RingEcPublicKey {
    fn new(inner: RustCryptoEcPublicKey) -> Result<Self> {
        check_curve(inner.curve())?;
        let point = inner.encoded_point(PointFormat::Uncompressed)?;
        Ok(RingEcPublicKey { inner, point })
    }

    /// True when verifying with `signature_algorithm` runs in ring: ECDSA over the message with
    /// SHA-256 or SHA-384 (`ECDSA_P256_SHA256_ASN1`, ..., `ECDSA_P384_SHA384_ASN1`).
    pub fn verifies_in_ring(&self, signature_algorithm: Ecdsa) -> bool {
        verification_algorithm(self.inner.curve(), signature_algorithm).is_some()
    }
}

impl EcPublicKey for RingEcPublicKey {
    fn curve(&self) -> EllipticCurve {
        self.inner.curve()
    }

    fn verify(&self, signature: &[u8], data: &[u8], signature_algorithm: Ecdsa) -> Result<()> {
        match verification_algorithm(self.inner.curve(), signature_algorithm) {
            Some(algorithm) => signature::UnparsedPublicKey::new(algorithm, self.point.as_slice())
                .verify(data, signature)
                .map_err(|_| Error::InvalidSignature),
            None => self.inner.verify(signature, data, signature_algorithm),
        }
    }

    fn public_numbers(&self) -> EcPublicNumbers {
        self.inner.public_numbers()
    }

    fn encoded_point(&self, format: PointFormat) -> Result<EncodedPoint> {
        self.inner.encoded_point(format)
    }
}

/// A private key on P-256 or P-384, held by ring (`EcdsaKeyPair`).
///
/// Signing with a random nonce and the curve's hash (P-256 + SHA-256, P-384 + SHA-384) runs in
/// ring ([`RingEcPrivateKey::signs_in_ring`]). ECDH, deterministic (RFC 6979) or prehashed
/// signatures and other hashes run in the RustCrypto key of the same scalar, which the key
/// carries (zeroized on drop): ring has no agreement with a loaded key and no such signing modes.
pub struct RingEcPrivateKey {
    pair: EcdsaKeyPair,
    inner: RustCryptoEcPrivateKey,
    public: RingEcPublicKey,
}

impl core::fmt::Debug for RingEcPrivateKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RingEcPrivateKey")
            .field("curve", &self.inner.curve())
            .finish_non_exhaustive()
    }
}

impl RingEcPrivateKey {
    /// Loads the scalar of `inner` (a validated RustCrypto key) into ring.
    fn new(inner: RustCryptoEcPrivateKey) -> Result<Self> {
        let curve = inner.curve();
        let algorithm = signing_algorithm(curve)?;
        let public = RingEcPublicKey::new(*inner.verifying_key())?;
        let numbers = inner.private_numbers()?;
        let scalar = numbers
            .private_value
            .to_be_bytes(curve.field_len())
            .ok_or(Error::InvalidKey("private value out of range"))?;
        let pair = EcdsaKeyPair::from_private_key_and_public_key(
            algorithm,
            scalar,
            public.point.as_slice(),
            &system_random(),
        )
        .map_err(|_| Error::InvalidKey("key pair rejected by ring"))?;
        // ring computed the public key from the scalar itself: it must be the one we hold.
        if pair.public_key().as_ref() != public.point.as_slice() {
            return Err(Error::InvalidKey("ring derived a different public key"));
        }
        Ok(RingEcPrivateKey {
            pair,
            inner,
            public,
        })
    }

    /// True when signing with `signature_algorithm` runs in ring: a random nonce, the message
    /// (not a digest), and the curve's hash (P-256 + SHA-256, P-384 + SHA-384).
    pub fn signs_in_ring(&self, signature_algorithm: Ecdsa) -> bool {
        !signature_algorithm.deterministic_signing
            && signing_hash(self.inner.curve())
                .is_some_and(|hash| signature_algorithm.hash == MessageHash::Hash(hash))
    }
}

impl EcPrivateKey for RingEcPrivateKey {
    fn curve(&self) -> EllipticCurve {
        self.inner.curve()
    }

    fn public_key(&self) -> &dyn EcPublicKey {
        &self.public
    }

    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> Result<DerSignature> {
        if !self.signs_in_ring(signature_algorithm) {
            return self.inner.sign(data, signature_algorithm);
        }
        let signature = self
            .pair
            .sign(&system_random(), data)
            .map_err(|_| Error::Device {
                what: "ring ECDSA signing failed (the system generator)",
                code: backend_core::DeviceCode::None,
            })?;
        DerSignature::from_der(signature.as_ref())
    }

    /// ECDH in the RustCrypto key of the same scalar: ring's agreement keys are ephemeral only
    /// (see [`ephemeral_ecdh`] for ring's own form).
    fn exchange(&self, algorithm: Ecdh, peer_public_key: &dyn EcPublicKey) -> Result<SharedSecret> {
        self.inner.exchange(algorithm, peer_public_key)
    }

    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        self.inner.private_numbers()
    }
}

impl EllipticCurveBackend for Ring {
    type PrivateKey = RingEcPrivateKey;
    type PublicKey = RingEcPublicKey;

    fn elliptic_curve_capabilities(&self) -> &[Capability] {
        EC_CAPABILITIES
    }

    /// The scalar is drawn from `rng` (by RustCrypto's generator: ring's `SecureRandom` is
    /// sealed and cannot draw from a caller's source), then loaded into ring.
    fn generate_elliptic_curve_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        curve: EllipticCurve,
    ) -> Result<RingEcPrivateKey> {
        check_curve(curve)?;
        RingEcPrivateKey::new(RustCrypto.generate_elliptic_curve_private_key_with_rng(rng, curve)?)
    }

    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> Result<RingEcPrivateKey> {
        check_curve(numbers.public_numbers.curve)?;
        RingEcPrivateKey::new(RustCrypto.load_elliptic_curve_private_numbers(numbers)?)
    }

    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> Result<RingEcPublicKey> {
        check_curve(numbers.curve)?;
        RingEcPublicKey::new(RustCrypto.load_elliptic_curve_public_numbers(numbers)?)
    }

    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> Result<RingEcPublicKey> {
        check_curve(curve)?;
        RingEcPublicKey::new(RustCrypto.load_elliptic_curve_public_bytes(curve, encoded_point)?)
    }

    /// ring cannot compute a public key from a scalar alone (it loads pairs), so RustCrypto
    /// derives the point and ring checks the pair.
    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> Result<RingEcPrivateKey> {
        check_curve(curve)?;
        RingEcPrivateKey::new(RustCrypto.derive_elliptic_curve_private_key(private_value, curve)?)
    }
}

/// ECDH with ring's own agreement API, which is ephemeral only: a fresh key on `curve` from the
/// system generator, one agreement with `peer`, and the fresh key's public point (uncompressed)
/// with the shared secret. This is what ring offers for ECDH; a loaded key's `exchange` runs in
/// RustCrypto (see the crate docs).
///
/// ```
/// use backend_ring::{EllipticCurve, EllipticCurveBackend, Ring, ephemeral_ecdh};
/// use backend_ec::{EcPrivateKey, Ecdh};
///
/// let ours = Ring.generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)?;
/// let (theirs, secret) = ephemeral_ecdh(EllipticCurve::Secp256r1, ours.public_key())?;
/// let peer = Ring.load_elliptic_curve_public_bytes(EllipticCurve::Secp256r1, &theirs)?;
/// assert_eq!(ours.exchange(Ecdh, &peer)?, secret);
/// # Ok::<(), backend_ring::Error>(())
/// ```
pub fn ephemeral_ecdh(
    curve: EllipticCurve,
    peer: &dyn EcPublicKey,
) -> Result<(EncodedPoint, SharedSecret)> {
    let algorithm = match curve {
        EllipticCurve::Secp256r1 => &ring::agreement::ECDH_P256,
        EllipticCurve::Secp384r1 => &ring::agreement::ECDH_P384,
        other => return Err(unsupported_curve(other)),
    };
    if peer.curve() != curve {
        return Err(Error::InvalidArgument(
            "peer public key is on a different curve",
        ));
    }
    let peer_point = peer.encoded_point(PointFormat::Uncompressed)?;
    let rng = system_random();
    let ours = ring::agreement::EphemeralPrivateKey::generate(algorithm, &rng).map_err(|_| {
        Error::Device {
            what: "ring key generation failed (the system generator)",
            code: backend_core::DeviceCode::None,
        }
    })?;
    let public = ours.compute_public_key().map_err(|_| Error::Device {
        what: "ring could not compute the ephemeral public key",
        code: backend_core::DeviceCode::None,
    })?;
    let public = EncodedPoint::from_slice(public.as_ref())
        .ok_or(Error::InvalidKey("ring public key is not a SEC 1 point"))?;
    let secret = ring::agreement::agree_ephemeral(
        ours,
        &ring::agreement::UnparsedPublicKey::new(algorithm, peer_point.as_slice()),
        SharedSecret::from_slice,
    )
    .map_err(|_| Error::InvalidKey("peer public key rejected by ring"))??;
    Ok((public, secret))
}
