//! [`EllipticCurveBackend`] for [`RustCrypto`] over the RustCrypto curve crates (`p224`, `p256`,
//! `p384`, `p521`, `k256`) and `ecdsa`, beside its capability rows, [`CAPABILITIES`].

// A build with some curves or hashes compiled out leaves helpers and imports of the others unused.
#![cfg_attr(
    not(feature = "rustcrypto"),
    allow(
        unused_imports,
        unused_variables,
        dead_code,
        unreachable_patterns,
        unreachable_code,
        unused_macros
    )
)]

mod ops;

use crate::{
    DerSignature, EcInteger, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh,
    Ecdsa, EllipticCurve, EllipticCurveBackend, Error, RandomSource, Reason, Result, RustCrypto,
    SharedSecret, check_encoded_point_size, check_private_value_size, ecdsa_query,
};
use backend_core::capability::{Algorithm, Capability, supports};
use core::fmt;
use elliptic_curve::{PublicKey, SecretKey};
use ops::Ops;

/// The rows of [`RustCrypto`]: P-224, P-256, P-384, P-521 and secp256k1, each with keys, ECDSA
/// over SHA-1, SHA-2 and SHA-3 and ECDH; three rows a curve. The curves are those of the
/// `on_curve!` match below, which the calls go through: the property tests check that the two
/// agree both ways.
///
/// Each curve is compiled in by its feature (`p224`, `p256`, `p384`, `p521`, `secp256k1`) and each
/// ECDSA hash by its own (`sha1`, `sha224` to `sha512-256`, `sha3`); only those have rows, arms and
/// code. A curve without any ECDSA hash still has its key and ECDH rows, and an ECDSA row with no
/// hash, which accepts no signature query.
pub const CAPABILITIES: &[Capability] = &{
    let mut rows = [Capability::new(Algorithm::EcKeys(CURVES[0])); 3 * COMPILED_IN];
    let (mut i, mut n) = (0, 0);
    while i < CURVES.len() {
        let curve = CURVES[i];
        if curve_compiled_in(curve) {
            rows[3 * n] = Capability::new(Algorithm::EcKeys(curve));
            rows[3 * n + 1] = Capability::new(Algorithm::Ecdsa(curve)).hashes(ops::ECDSA_HASHES);
            rows[3 * n + 2] = Capability::new(Algorithm::Ecdh(curve));
            n += 1;
        }
        i += 1;
    }
    rows
};

/// Every curve the provider can be built with, in row order.
const CURVES: [EllipticCurve; 5] = [
    EllipticCurve::Secp224r1,
    EllipticCurve::Secp256r1,
    EllipticCurve::Secp384r1,
    EllipticCurve::Secp521r1,
    EllipticCurve::Secp256k1,
];

/// How many of [`CURVES`] this build has.
const COMPILED_IN: usize = {
    let (mut i, mut n) = (0, 0);
    while i < CURVES.len() {
        if curve_compiled_in(CURVES[i]) {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The feature that compiles `curve` into this provider (`None` for a curve no build offers):
/// what a report names when [`curve_compiled_in`] is false.
pub const fn curve_feature(curve: EllipticCurve) -> Option<&'static str> {
    Some(match curve {
        EllipticCurve::Secp224r1 => "p224",
        EllipticCurve::Secp256r1 => "p256",
        EllipticCurve::Secp384r1 => "p384",
        EllipticCurve::Secp521r1 => "p521",
        EllipticCurve::Secp256k1 => "secp256k1",
        _ => return None,
    })
}

/// True when this build has `curve`: its feature (`p224`, `p256`, `p384`, `p521`, `secp256k1`)
/// is on. The rows and the `on_curve!` match are gated by the same features.
// Each arm is a feature test, `true` or `false` per build: not a `matches!`.
#[allow(clippy::match_like_matches_macro)]
pub const fn curve_compiled_in(curve: EllipticCurve) -> bool {
    match curve {
        EllipticCurve::Secp224r1 => cfg!(feature = "p224"),
        EllipticCurve::Secp256r1 => cfg!(feature = "p256"),
        EllipticCurve::Secp384r1 => cfg!(feature = "p384"),
        EllipticCurve::Secp521r1 => cfg!(feature = "p521"),
        EllipticCurve::Secp256k1 => cfg!(feature = "secp256k1"),
        _ => false,
    }
}

/// Ties a curve type to its variants in the key enums.
trait Variant: Ops {
    fn wrap_public(public: PublicKey<Self>) -> Point;
    fn wrap_secret(secret: SecretKey<Self>) -> Secret;
}

macro_rules! variants {
    ($(#[$cfg:meta] $curve:ty => $variant:ident),* $(,)?) => {
        $(#[$cfg] impl Variant for $curve {
            fn wrap_public(public: PublicKey<Self>) -> Point {
                Point::$variant(public)
            }
            fn wrap_secret(secret: SecretKey<Self>) -> Secret {
                Secret::$variant(secret)
            }
        })*

        /// A public point on one of the supported curves.
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum Point {
            $(#[$cfg] $variant(PublicKey<$curve>),)*
        }

        /// A secret scalar on one of the supported curves (zeroized on drop by `SecretKey`).
        #[derive(Clone)]
        enum Secret {
            $(#[$cfg] $variant(SecretKey<$curve>),)*
        }
    };
}

variants! {
    #[cfg(feature = "p224")] p224::NistP224 => P224,
    #[cfg(feature = "p256")] p256::NistP256 => P256,
    #[cfg(feature = "p384")] p384::NistP384 => P384,
    #[cfg(feature = "p521")] p521::NistP521 => P521,
    #[cfg(feature = "secp256k1")] k256::Secp256k1 => K256,
}

/// Runs `$body` with the type alias `$C` set to the curve type of `$curve`; an unsupported curve
/// is [`Error::Unsupported`].
macro_rules! on_curve {
    ($curve:expr, $C:ident => $body:expr) => {
        match $curve {
            #[cfg(feature = "p224")]
            EllipticCurve::Secp224r1 => {
                type $C = p224::NistP224;
                $body
            }
            #[cfg(feature = "p256")]
            EllipticCurve::Secp256r1 => {
                type $C = p256::NistP256;
                $body
            }
            #[cfg(feature = "p384")]
            EllipticCurve::Secp384r1 => {
                type $C = p384::NistP384;
                $body
            }
            #[cfg(feature = "p521")]
            EllipticCurve::Secp521r1 => {
                type $C = p521::NistP521;
                $body
            }
            #[cfg(feature = "secp256k1")]
            EllipticCurve::Secp256k1 => {
                type $C = k256::Secp256k1;
                $body
            }
            other => Err(Error::unsupported(Reason::EllipticCurve, other.name())),
        }
    };
}

/// Runs `$body` with `$v` bound to the curve-typed value inside a [`Point`] or [`Secret`].
/// `$value` is a place and the binding says `ref` where it borrows, so the match also compiles
/// when every curve is compiled out and the enums have no variant.
macro_rules! dispatch {
    ($enum:ident, $value:expr, $v:pat => $body:expr) => {
        match $value {
            #[cfg(feature = "p224")]
            $enum::P224($v) => $body,
            #[cfg(feature = "p256")]
            $enum::P256($v) => $body,
            #[cfg(feature = "p384")]
            $enum::P384($v) => $body,
            #[cfg(feature = "p521")]
            $enum::P521($v) => $body,
            #[cfg(feature = "secp256k1")]
            $enum::K256($v) => $body,
        }
    };
}

fn new_private<C: Variant>(secret: SecretKey<C>) -> RustCryptoEcPrivateKey {
    let public = secret.public_key();
    RustCryptoEcPrivateKey {
        secret: C::wrap_secret(secret),
        public: RustCryptoEcPublicKey {
            point: C::wrap_public(public),
        },
    }
}

fn load_private<C: Variant>(numbers: &EcPrivateNumbers) -> Result<RustCryptoEcPrivateKey> {
    // Cheapest rejection first: every width against the field before any arithmetic.
    numbers.check_size()?;
    let secret = ops::secret_from_integer::<C>(&numbers.private_value)?;
    let claimed =
        ops::public_from_coordinates::<C>(&numbers.public_numbers.x, &numbers.public_numbers.y)?;
    let key = new_private(secret);
    if key.public.point != C::wrap_public(claimed) {
        return Err(Error::InvalidKey(
            "public numbers do not match the private value",
        ));
    }
    Ok(key)
}

impl EllipticCurveBackend for RustCrypto {
    type PrivateKey = RustCryptoEcPrivateKey;
    type PublicKey = RustCryptoEcPublicKey;

    fn elliptic_curve_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    fn generate_elliptic_curve_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        curve: EllipticCurve,
    ) -> Result<RustCryptoEcPrivateKey> {
        on_curve!(curve, C => Ok(new_private(ops::generate_secret::<C>(rng)?)))
    }

    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> Result<RustCryptoEcPrivateKey> {
        on_curve!(numbers.public_numbers.curve, C => load_private::<C>(numbers))
    }

    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> Result<RustCryptoEcPublicKey> {
        on_curve!(numbers.curve, C => {
            numbers.check_size()?;
            Ok(RustCryptoEcPublicKey {
                point: C::wrap_public(ops::public_from_coordinates::<C>(&numbers.x, &numbers.y)?),
            })
        })
    }

    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> Result<RustCryptoEcPublicKey> {
        on_curve!(curve, C => {
            check_encoded_point_size(curve, encoded_point)?;
            Ok(RustCryptoEcPublicKey {
                point: C::wrap_public(ops::public_from_sec1::<C>(encoded_point)?),
            })
        })
    }

    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> Result<RustCryptoEcPrivateKey> {
        // Check the curve first, so an unsupported curve is reported as such, whatever the value.
        on_curve!(curve, C => {
            check_private_value_size(private_value, curve)?;
            let value = EcInteger::from_be_slice(private_value)
                .map_err(|_| Error::InvalidKey("private value out of range"))?;
            Ok(new_private(ops::secret_from_integer::<C>(&value)?))
        })
    }
}

/// An in-memory public key of the RustCrypto provider: a validated point (on the curve, not the
/// identity).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RustCryptoEcPublicKey {
    point: Point,
}

impl RustCryptoEcPublicKey {
    /// Loads a SEC 1 encoded point (pyca/cryptography's `from_encoded_point`).
    pub fn from_encoded_point(curve: EllipticCurve, encoded_point: &[u8]) -> Result<Self> {
        RustCrypto.load_elliptic_curve_public_bytes(curve, encoded_point)
    }
}

impl fmt::Debug for RustCryptoEcPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RustCryptoEcPublicKey")
            .field("curve", &self.curve())
            .finish_non_exhaustive()
    }
}

impl EcPublicKey for RustCryptoEcPublicKey {
    fn curve(&self) -> EllipticCurve {
        dispatch!(Point, self.point, ref p => curve_of(p))
    }

    fn verify(&self, signature: &[u8], data: &[u8], signature_algorithm: Ecdsa) -> Result<()> {
        check_hash(signature_algorithm, self.curve())?;
        dispatch!(Point, self.point, ref p => ops::verify(p, signature, data, signature_algorithm.hash))
    }

    fn public_numbers(&self) -> EcPublicNumbers {
        dispatch!(Point, self.point, ref p => ops::public_numbers(p))
    }
}

fn curve_of<C: Ops>(_: &PublicKey<C>) -> EllipticCurve {
    C::CURVE
}

/// [`Error::Unsupported`] unless the rows list the hash for ECDSA on `curve`.
fn check_hash(signature_algorithm: Ecdsa, curve: EllipticCurve) -> Result<()> {
    if supports(CAPABILITIES, &ecdsa_query(signature_algorithm, curve)) {
        Ok(())
    } else {
        Err(Error::unsupported(
            Reason::Hash,
            signature_algorithm.algorithm().name(),
        ))
    }
}

/// An in-memory private key of the RustCrypto provider. The scalar is zeroized on drop; `Debug`
/// shows only the curve.
#[derive(Clone)]
pub struct RustCryptoEcPrivateKey {
    secret: Secret,
    public: RustCryptoEcPublicKey,
}

impl RustCryptoEcPrivateKey {
    /// The public key, as its concrete type (for static dispatch; [`EcPrivateKey::public_key`]
    /// gives it as a trait object).
    pub fn verifying_key(&self) -> &RustCryptoEcPublicKey {
        &self.public
    }
}

impl fmt::Debug for RustCryptoEcPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RustCryptoEcPrivateKey")
            .field("curve", &self.curve())
            .finish_non_exhaustive()
    }
}

impl RustCryptoEcPrivateKey {
    /// [`EcPrivateKey::sign`] with the fresh randomness of a hedged nonce from `rng` (for targets
    /// without the operating system's generator; a deterministic `signature_algorithm` draws
    /// nothing). [`Error::Device`] when the generator fails.
    pub fn sign_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        data: &[u8],
        signature_algorithm: Ecdsa,
    ) -> Result<DerSignature> {
        self.sign_hedged(data, signature_algorithm, |buf| rng.try_fill(buf))
    }

    /// Signs, drawing the nonce's fresh randomness (a field's width) with `fill` unless the
    /// signature is deterministic: RFC 6979 with the randomness mixed in, so a broken generator
    /// still gives a safe nonce and a sound one protects against fault attacks.
    fn sign_hedged(
        &self,
        data: &[u8],
        signature_algorithm: Ecdsa,
        fill: impl FnOnce(&mut [u8]) -> Result<()>,
    ) -> Result<DerSignature> {
        let curve = self.curve();
        check_hash(signature_algorithm, curve)?;
        let mut entropy = [0u8; EcInteger::CAPACITY];
        let entropy = match entropy.get_mut(..curve.field_len()) {
            Some(buf) if !signature_algorithm.deterministic_signing => {
                fill(buf)?;
                &buf[..]
            }
            _ => &[],
        };
        dispatch!(Secret, self.secret, ref d => ops::sign(d, data, signature_algorithm.hash, entropy))
    }
}

impl EcPrivateKey for RustCryptoEcPrivateKey {
    fn curve(&self) -> EllipticCurve {
        self.public.curve()
    }

    fn public_key(&self) -> &dyn EcPublicKey {
        &self.public
    }

    /// Randomized signatures draw from the operating system's generator (feature `getrandom`);
    /// without it they are [`Error::Unsupported`] (sign deterministically, or with
    /// [`RustCryptoEcPrivateKey::sign_with_rng`]).
    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> Result<DerSignature> {
        self.sign_hedged(data, signature_algorithm, |buf| {
            #[cfg(feature = "getrandom")]
            {
                RandomSource::try_fill(&mut backend_core::rng::OsRandom, buf)
            }
            #[cfg(not(feature = "getrandom"))]
            {
                let _ = buf;
                Err(Error::unsupported(
                    Reason::SignatureAlgorithm,
                    "randomized ECDSA without the getrandom feature (sign deterministically)",
                ))
            }
        })
    }

    fn exchange(&self, algorithm: Ecdh, peer_public_key: &dyn EcPublicKey) -> Result<SharedSecret> {
        let Ecdh = algorithm;
        let peer = peer_public_key.public_numbers();
        if peer.curve != self.curve() {
            return Err(Error::InvalidArgument(
                "peer public key is on a different curve",
            ));
        }
        peer.check_size()?;
        dispatch!(Secret, self.secret, ref d => {
            let q = ops::public_from_coordinates(&peer.x, &peer.y)?;
            ops::exchange(d, &q)
        })
    }

    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        let private_value = dispatch!(Secret, self.secret, ref d => {
            let mut bytes = d.to_bytes();
            let value = EcInteger::from_be_slice(&bytes);
            zeroize::Zeroize::zeroize(&mut bytes);
            value?
        });
        Ok(EcPrivateNumbers {
            private_value,
            public_numbers: self.public.public_numbers(),
        })
    }
}
