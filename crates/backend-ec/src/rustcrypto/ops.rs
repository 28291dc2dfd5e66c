//! The curve operations, written once over the RustCrypto curve traits and instantiated for each
//! curve crate.

use crate::{
    DerSignature, EcInteger, EcPublicNumbers, EllipticCurve, Error, HashAlgorithm, MessageHash,
    RandomSource, Reason, Result, SharedSecret, check_prehashed_len, decode_dss_signature,
    encode_dss_signature,
};
use backend_core::capability::HashSet;
use backend_core::rng::FallibleRng;
use digest::Digest;
use digest::block_api::BlockSizeUser;
use ecdsa::{EcdsaCurve, Signature, hazmat};
use elliptic_curve::group::Curve as _;
use elliptic_curve::point::AffineCoordinates;
use elliptic_curve::scalar::IsHigh;
use elliptic_curve::sec1::{FromSec1Point, ModulusSize, Sec1Point, ToSec1Point};
use elliptic_curve::{
    CurveArithmetic, FieldBytes, Generate, NonZeroScalar, ProjectivePoint, PublicKey, SecretKey,
};
use zeroize::Zeroize;

/// A curve the RustCrypto provider implements: everything the operations below need, as one
/// bound.
pub(crate) trait Ops:
    EcdsaCurve
    + CurveArithmetic<AffinePoint: FromSec1Point<Self> + ToSec1Point<Self>>
    + elliptic_curve::Curve<FieldBytesSize: ModulusSize>
{
    /// The descriptor of this curve.
    const CURVE: EllipticCurve;
}

#[cfg(feature = "p224")]
impl Ops for p224::NistP224 {
    const CURVE: EllipticCurve = EllipticCurve::Secp224r1;
}
#[cfg(feature = "p256")]
impl Ops for p256::NistP256 {
    const CURVE: EllipticCurve = EllipticCurve::Secp256r1;
}
#[cfg(feature = "p384")]
impl Ops for p384::NistP384 {
    const CURVE: EllipticCurve = EllipticCurve::Secp384r1;
}
#[cfg(feature = "p521")]
impl Ops for p521::NistP521 {
    const CURVE: EllipticCurve = EllipticCurve::Secp521r1;
}
#[cfg(feature = "secp256k1")]
impl Ops for k256::Secp256k1 {
    const CURVE: EllipticCurve = EllipticCurve::Secp256k1;
}

/// `value` as the curve's field-width bytes; `None` when it is wider.
fn field_bytes<C: Ops>(value: &EcInteger) -> Option<FieldBytes<C>> {
    let mut out = FieldBytes::<C>::default();
    let len = out.len();
    out.copy_from_slice(value.to_be_bytes(len)?);
    Some(out)
}

fn integer(bytes: &[u8]) -> EcInteger {
    // Field bytes are at most 66 long: this cannot fail for a supported curve.
    EcInteger::from_be_slice(bytes).unwrap_or(EcInteger::ZERO)
}

/// A secret scalar in `[1, n - 1]` from an integer.
pub(crate) fn secret_from_integer<C: Ops>(value: &EcInteger) -> Result<SecretKey<C>> {
    let mut bytes =
        field_bytes::<C>(value).ok_or(Error::InvalidKey("private value out of range"))?;
    let secret = SecretKey::<C>::from_bytes(&bytes);
    bytes.zeroize();
    secret.map_err(|_| Error::InvalidKey("private value out of range"))
}

/// A fresh secret scalar from `rng` (rejection sampling: as many draws as it takes). A failed
/// draw is the generator's own error, a [`Error::Device`].
pub(crate) fn generate_secret<C: Ops>(rng: &mut dyn RandomSource) -> Result<SecretKey<C>> {
    let scalar = NonZeroScalar::<C>::try_generate_from_rng(&mut FallibleRng(rng))?;
    Ok(SecretKey::from(scalar))
}

/// A public point from affine coordinates: on the curve, each coordinate below p, not the
/// identity.
pub(crate) fn public_from_coordinates<C: Ops>(
    x: &EcInteger,
    y: &EcInteger,
) -> Result<PublicKey<C>> {
    let (Some(x), Some(y)) = (field_bytes::<C>(x), field_bytes::<C>(y)) else {
        return Err(Error::InvalidKey("coordinate wider than the curve"));
    };
    let point = Sec1Point::<C>::from_affine_coordinates(&x, &y, false);
    PublicKey::<C>::from_sec1_point(&point)
        .into_option()
        .ok_or(Error::InvalidKey("point is not on the curve"))
}

/// A public point from its SEC 1 encoding: compressed (`02`/`03`) or uncompressed (`04`) only, as
/// pyca/cryptography accepts; the `sec1` crate would also take the compact (`05`) form. (The loader
/// checks type and length first with `check_encoded_point_size`; checked again here so this
/// function is safe on its own.)
pub(crate) fn public_from_sec1<C: Ops>(bytes: &[u8]) -> Result<PublicKey<C>> {
    crate::check_encoded_point_size(C::CURVE, bytes)?;
    PublicKey::<C>::from_sec1_bytes(bytes)
        .map_err(|_| Error::InvalidKey("not a SEC 1 encoding of a point on the curve"))
}

pub(crate) fn public_numbers<C: Ops>(public: &PublicKey<C>) -> EcPublicNumbers {
    let point = public.as_affine();
    EcPublicNumbers {
        curve: C::CURVE,
        x: integer(&point.x()),
        y: integer(&point.y()),
    }
}

/// ECDSA signing: hashes (unless prehashed), then signs with an RFC 6979 nonce built with the
/// message hash `D` (as RFC 6979 and OpenSSL do), hedged with `entropy` unless deterministic.
pub(crate) fn sign<C: Ops>(
    secret: &SecretKey<C>,
    data: &[u8],
    hash: MessageHash,
    entropy: &[u8],
) -> Result<DerSignature> {
    check_prehashed_len(hash, data)?;
    with_digest(
        hash.algorithm(),
        SignJob::<C> {
            secret,
            data,
            prehashed: hash.is_prehashed(),
            entropy,
        },
    )?
}

/// ECDSA verification of a DER signature. A high `s` is accepted on every curve, as the seed
/// system (OpenSSL) does; `k256` verifies only low-s, so the signature is normalized first, which
/// accepts exactly the same set.
pub(crate) fn verify<C: Ops>(
    public: &PublicKey<C>,
    signature: &[u8],
    data: &[u8],
    hash: MessageHash,
) -> Result<()> {
    check_prehashed_len(hash, data)?;
    let (r, s) = decode_dss_signature(signature)?;
    let (Some(r), Some(s)) = (field_bytes::<C>(&r), field_bytes::<C>(&s)) else {
        return Err(Error::InvalidSignature);
    };
    // Rejects r or s outside [1, n - 1].
    let mut signature = Signature::<C>::from_scalars(r, s).map_err(|_| Error::InvalidSignature)?;
    if C::NORMALIZE_S && bool::from(signature.s().is_high()) {
        signature = signature.normalize_s();
    }
    with_digest(
        hash.algorithm(),
        VerifyJob::<C> {
            public,
            signature: &signature,
            data,
            prehashed: hash.is_prehashed(),
        },
    )?
}

/// ECDH: the x coordinate of `d * Q`. `Q` is a validated non-identity point of a prime-order
/// group and `d` is non-zero, so the product is never the identity.
pub(crate) fn exchange<C: Ops>(secret: &SecretKey<C>, peer: &PublicKey<C>) -> Result<SharedSecret> {
    let mut d = secret.to_nonzero_scalar();
    let shared = (peer.to_projective() * *d).to_affine();
    d.zeroize();
    let mut x = shared.x();
    let out = SharedSecret::from_slice(&x);
    x.zeroize();
    out
}

/// Runs a job generic over the digest type of a hash algorithm. RFC 6979 needs the hash as a type
/// (its HMAC-DRBG runs on it), so the hash is dispatched here rather than through a hash backend.
trait DigestJob {
    type Output;
    fn run<D: Digest + BlockSizeUser>(self) -> Self::Output;
}

/// The hashes ECDSA accepts in this provider: every fixed-output hash with a digest type in
/// [`with_digest`], that is SHA-1, SHA-2 and SHA-3 (pyca/cryptography's tests' ECDSA hashes).
/// RFC 6979 builds its HMAC-DRBG on the hash as a type, so a hash is offered only where one is
/// dispatched below; BLAKE2, MD5 and SM3 are not ECDSA hashes in pyca/cryptography's tests, and
/// SHAKE has no fixed output to build the HMAC on.
///
/// Only the hashes compiled in (features `sha1`, `sha224` to `sha512-256`, `sha3`) are in the set: the
/// same features gate the arms of [`with_digest`].
pub(crate) const ECDSA_HASHES: HashSet = HashSet::SIGNATURE.without(&COMPILED_OUT);

/// The signature hashes this build has no digest type for.
// Each arm below is a feature test, `true` or `false` per build: not a `matches!`.
#[allow(clippy::match_like_matches_macro)]
const COMPILED_OUT: [HashAlgorithm; 11] = {
    const ALL: [HashAlgorithm; 11] = [
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha224,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
        HashAlgorithm::Sha512_224,
        HashAlgorithm::Sha512_256,
        HashAlgorithm::Sha3_224,
        HashAlgorithm::Sha3_256,
        HashAlgorithm::Sha3_384,
        HashAlgorithm::Sha3_512,
    ];
    // Unused slots repeat a hash that is compiled out, or (when none is) MD5, never an ECDSA hash.
    let mut out = [HashAlgorithm::Md5; 11];
    let (mut i, mut n) = (0, 0);
    while i < ALL.len() {
        let compiled = match ALL[i] {
            HashAlgorithm::Sha1 => cfg!(feature = "sha1"),
            HashAlgorithm::Sha224 => cfg!(feature = "sha224"),
            HashAlgorithm::Sha256 => cfg!(feature = "sha256"),
            HashAlgorithm::Sha384 => cfg!(feature = "sha384"),
            HashAlgorithm::Sha512 => cfg!(feature = "sha512"),
            HashAlgorithm::Sha512_224 => cfg!(feature = "sha512-224"),
            HashAlgorithm::Sha512_256 => cfg!(feature = "sha512-256"),
            HashAlgorithm::Sha3_224
            | HashAlgorithm::Sha3_256
            | HashAlgorithm::Sha3_384
            | HashAlgorithm::Sha3_512 => cfg!(feature = "sha3"),
            _ => false,
        };
        if !compiled {
            out[n] = ALL[i];
            n += 1;
        }
        i += 1;
    }
    out
};

fn with_digest<J: DigestJob>(algorithm: HashAlgorithm, job: J) -> Result<J::Output> {
    Ok(match algorithm {
        #[cfg(feature = "sha1")]
        HashAlgorithm::Sha1 => job.run::<sha1::Sha1>(),
        #[cfg(feature = "sha224")]
        HashAlgorithm::Sha224 => job.run::<sha2::Sha224>(),
        #[cfg(feature = "sha256")]
        HashAlgorithm::Sha256 => job.run::<sha2::Sha256>(),
        #[cfg(feature = "sha384")]
        HashAlgorithm::Sha384 => job.run::<sha2::Sha384>(),
        #[cfg(feature = "sha512")]
        HashAlgorithm::Sha512 => job.run::<sha2::Sha512>(),
        #[cfg(feature = "sha512-224")]
        HashAlgorithm::Sha512_224 => job.run::<sha2::Sha512_224>(),
        #[cfg(feature = "sha512-256")]
        HashAlgorithm::Sha512_256 => job.run::<sha2::Sha512_256>(),
        #[cfg(feature = "sha3")]
        HashAlgorithm::Sha3_224 => job.run::<sha3::Sha3_224>(),
        #[cfg(feature = "sha3")]
        HashAlgorithm::Sha3_256 => job.run::<sha3::Sha3_256>(),
        #[cfg(feature = "sha3")]
        HashAlgorithm::Sha3_384 => job.run::<sha3::Sha3_384>(),
        #[cfg(feature = "sha3")]
        HashAlgorithm::Sha3_512 => job.run::<sha3::Sha3_512>(),
        other => return Err(Error::unsupported(Reason::Hash, other.name())),
    })
}

struct SignJob<'a, C: Ops> {
    secret: &'a SecretKey<C>,
    data: &'a [u8],
    prehashed: bool,
    entropy: &'a [u8],
}

impl<C: Ops> DigestJob for SignJob<'_, C> {
    type Output = Result<DerSignature>;
    fn run<D: Digest + BlockSizeUser>(self) -> Result<DerSignature> {
        let digest;
        let z: &[u8] = if self.prehashed {
            self.data
        } else {
            digest = D::digest(self.data);
            &digest
        };
        let mut d = self.secret.to_nonzero_scalar();
        let (signature, _) = hazmat::sign_prehashed_rfc6979::<C, D>(&d, z, self.entropy);
        d.zeroize();
        let (r, s) = signature.split_bytes();
        encode_dss_signature(&integer(&r), &integer(&s))
    }
}

struct VerifyJob<'a, C: Ops> {
    public: &'a PublicKey<C>,
    signature: &'a Signature<C>,
    data: &'a [u8],
    prehashed: bool,
}

impl<C: Ops> DigestJob for VerifyJob<'_, C> {
    type Output = Result<()>;
    fn run<D: Digest + BlockSizeUser>(self) -> Result<()> {
        let digest;
        let z: &[u8] = if self.prehashed {
            self.data
        } else {
            digest = D::digest(self.data);
            &digest
        };
        let q: ProjectivePoint<C> = self.public.to_projective();
        hazmat::verify_prehashed::<C>(&q, z, self.signature).map_err(|_| Error::InvalidSignature)
    }
}
