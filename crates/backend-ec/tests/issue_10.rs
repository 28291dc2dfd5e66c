//! Issue 10 for the EC family: capability rows, randomness as `&mut dyn RandomSource`, the one
//! `RustCrypto` provider type, and a boxed or borrowed `DynEllipticCurveBackend` handed to code
//! generic over `EllipticCurveBackend`.

use backend_ec::capability::{Algorithm, supports};
use backend_ec::rng::{RNG_FAILED, RandomSource, TryCryptoRng, TryRng};
use backend_ec::rustcrypto::CAPABILITIES;
use backend_ec::{
    EcPrivateKey, Ecdh, Ecdsa, EllipticCurve, EllipticCurveBackend, Error, HashAlgorithm,
    MessageHash, RustCrypto, ec_key_query, ecdh_query, ecdsa_query,
};

/// The curves RustCrypto implements: those on which a key can be made.
fn curves() -> Vec<EllipticCurve> {
    EllipticCurve::ALL
        .into_iter()
        .filter(|curve| {
            RustCrypto
                .derive_elliptic_curve_private_key(&[1], *curve)
                .is_ok()
        })
        .collect()
}

/// SplitMix64, reproducible: the same seed gives the same bytes.
struct TestRng(u64);

impl TryRng for TestRng {
    type Error = core::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.try_next_u64()? as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Ok(z ^ (z >> 31))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        for chunk in dst.chunks_mut(8) {
            let word = self.try_next_u64()?.to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        Ok(())
    }
}
impl TryCryptoRng for TestRng {}

/// A generator that always fails.
struct Broken;

impl TryRng for Broken {
    type Error = Error;
    fn try_next_u32(&mut self) -> Result<u32, Error> {
        Err(Error::device("broken"))
    }
    fn try_next_u64(&mut self) -> Result<u64, Error> {
        Err(Error::device("broken"))
    }
    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Error> {
        Err(Error::device("broken"))
    }
}
impl TryCryptoRng for Broken {}

#[test]
fn rows_name_keys_ecdsa_and_ecdh_for_each_curve_and_nothing_else() {
    let curves = curves();
    assert_eq!(curves.len(), 5, "P-224, P-256, P-384, P-521, secp256k1");
    assert_eq!(CAPABILITIES.len(), 3 * curves.len());
    for curve in EllipticCurve::ALL {
        let offered = curves.contains(&curve);
        assert_eq!(supports(CAPABILITIES, &ec_key_query(curve)), offered);
        assert_eq!(supports(CAPABILITIES, &ecdh_query(Ecdh, curve)), offered);
        assert_eq!(
            RustCrypto.elliptic_curve_supported(curve),
            offered,
            "{curve:?}"
        );
    }
    for row in CAPABILITIES {
        assert!(matches!(
            row.algorithm,
            Algorithm::EcKeys(_) | Algorithm::Ecdsa(_) | Algorithm::Ecdh(_)
        ));
    }
}

/// The ECDSA rows hold SHA-1, SHA-2 and SHA-3, named by the property rather than by a second
/// list, and every answer agrees with signing.
#[test]
fn ecdsa_rows_offer_the_sha_family_and_signing_agrees() {
    let key = RustCrypto
        .derive_elliptic_curve_private_key(&[9; 32], EllipticCurve::Secp256r1)
        .unwrap();
    for hash in HashAlgorithm::ALL {
        let sha = hash.name().starts_with("sha") && !hash.is_xof();
        let algorithm = Ecdsa::deterministic(MessageHash::Hash(hash));
        let query = ecdsa_query(algorithm, EllipticCurve::Secp256r1);
        assert_eq!(supports(CAPABILITIES, &query), sha, "{hash:?}");
        assert_eq!(key.sign(b"m", algorithm).is_ok(), sha, "{hash:?}");
    }
}

#[test]
fn generation_takes_any_random_source_first() {
    let source: &mut dyn RandomSource = &mut TestRng(5);
    let a = RustCrypto
        .generate_elliptic_curve_private_key_with_rng(source, EllipticCurve::Secp521r1)
        .unwrap();
    let b = RustCrypto
        .generate_elliptic_curve_private_key_with_rng(&mut TestRng(5), EllipticCurve::Secp521r1)
        .unwrap();
    assert_eq!(a.private_numbers().unwrap(), b.private_numbers().unwrap());
    assert_eq!(
        RustCrypto
            .generate_elliptic_curve_private_key_with_rng(&mut Broken, EllipticCurve::Secp256k1)
            .err(),
        Some(RNG_FAILED),
        "the source's failure, not a panic or a retry"
    );
    assert!(matches!(
        RustCrypto.generate_elliptic_curve_private_key_with_rng(
            &mut TestRng(1),
            EllipticCurve::BrainpoolP256r1
        ),
        Err(Error::Unsupported { .. })
    ));
}

#[test]
fn hedged_signing_draws_from_the_callers_source_and_deterministic_draws_nothing() {
    let key = RustCrypto
        .derive_elliptic_curve_private_key(&[3; 48], EllipticCurve::Secp384r1)
        .unwrap();
    let randomized = Ecdsa::new(MessageHash::Hash(HashAlgorithm::Sha384));
    let deterministic = Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha384));
    let a = key
        .sign_with_rng(&mut TestRng(1), b"m", randomized)
        .unwrap();
    let b = key
        .sign_with_rng(&mut TestRng(1), b"m", randomized)
        .unwrap();
    let c = key
        .sign_with_rng(&mut TestRng(2), b"m", randomized)
        .unwrap();
    assert_eq!(a, b, "the same randomness gives the same hedged nonce");
    assert_ne!(a, c, "other randomness, another nonce");
    key.public_key().verify(&c, b"m", randomized).unwrap();
    assert_eq!(
        key.sign_with_rng(&mut Broken, b"m", randomized),
        Err(RNG_FAILED)
    );
    // RFC 6979 alone: the broken source is never asked.
    assert_eq!(
        key.sign_with_rng(&mut Broken, b"m", deterministic),
        key.sign(b"m", deterministic)
    );
}

#[cfg(feature = "alloc")]
mod dynamic {
    use super::*;
    use backend_ec::capability::Capability;
    use backend_ec::{
        EcPrivateNumbers, EcPublicNumbers, RandomSource, Result, RustCryptoEcPrivateKey,
        RustCryptoEcPublicKey,
    };
    // Named by path, not imported: with both traits in scope, `RustCrypto.method()` would be
    // ambiguous (RustCrypto implements both).
    type DynBackend = dyn backend_ec::DynEllipticCurveBackend;

    /// Code written against the static trait: signs and agrees on a secret with its own keys.
    fn round_trip<B: EllipticCurveBackend>(backend: &B, curve: EllipticCurve) -> Result<bool> {
        let ecdsa = Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha256));
        let a = backend.derive_elliptic_curve_private_key(&[1; 20], curve)?;
        let b = backend.generate_elliptic_curve_private_key_with_rng(&mut TestRng(8), curve)?;
        let signature = a.sign(b"m", ecdsa)?;
        a.public_key().verify(&signature, b"m", ecdsa)?;
        Ok(
            a.exchange(Ecdh, b.public_key())? == b.exchange(Ecdh, a.public_key())?
                && backend.elliptic_curve_supported(curve),
        )
    }

    /// A deliberately partial provider: P-256 keys and ECDH only (no ECDSA), over RustCrypto,
    /// and keys "made on its device" (here: one fixed scalar) when no generator is given.
    struct P256Token;

    const TOKEN_ROWS: &[Capability] = &[
        Capability::new(Algorithm::EcKeys(EllipticCurve::Secp256r1)),
        Capability::new(Algorithm::Ecdh(EllipticCurve::Secp256r1)),
    ];

    impl P256Token {
        fn offers(curve: EllipticCurve) -> Result<()> {
            if supports(TOKEN_ROWS, &ec_key_query(curve)) {
                Ok(())
            } else {
                Err(Error::unsupported(
                    backend_ec::Reason::EllipticCurve,
                    curve.name(),
                ))
            }
        }
    }

    impl EllipticCurveBackend for P256Token {
        type PrivateKey = RustCryptoEcPrivateKey;
        type PublicKey = RustCryptoEcPublicKey;

        fn elliptic_curve_capabilities(&self) -> &[Capability] {
            TOKEN_ROWS
        }
        fn generate_elliptic_curve_private_key_with_rng(
            &self,
            rng: &mut dyn RandomSource,
            curve: EllipticCurve,
        ) -> Result<Self::PrivateKey> {
            Self::offers(curve)?;
            RustCrypto.generate_elliptic_curve_private_key_with_rng(rng, curve)
        }
        #[cfg(feature = "getrandom")]
        fn generate_elliptic_curve_private_key(
            &self,
            curve: EllipticCurve,
        ) -> Result<Self::PrivateKey> {
            self.derive_elliptic_curve_private_key(&[0x70; 32], curve)
        }
        fn load_elliptic_curve_private_numbers(
            &self,
            numbers: &EcPrivateNumbers,
        ) -> Result<Self::PrivateKey> {
            Self::offers(numbers.public_numbers.curve)?;
            RustCrypto.load_elliptic_curve_private_numbers(numbers)
        }
        fn load_elliptic_curve_public_numbers(
            &self,
            numbers: &EcPublicNumbers,
        ) -> Result<Self::PublicKey> {
            Self::offers(numbers.curve)?;
            RustCrypto.load_elliptic_curve_public_numbers(numbers)
        }
        fn load_elliptic_curve_public_bytes(
            &self,
            curve: EllipticCurve,
            encoded_point: &[u8],
        ) -> Result<Self::PublicKey> {
            Self::offers(curve)?;
            RustCrypto.load_elliptic_curve_public_bytes(curve, encoded_point)
        }
        fn derive_elliptic_curve_private_key(
            &self,
            private_value: &[u8],
            curve: EllipticCurve,
        ) -> Result<Self::PrivateKey> {
            Self::offers(curve)?;
            RustCrypto.derive_elliptic_curve_private_key(private_value, curve)
        }
    }

    /// The provider is chosen at run time, by name, as a configuration file would choose it.
    fn chosen(name: &str) -> Box<DynBackend> {
        match name {
            "token" => Box::new(P256Token),
            _ => Box::new(RustCrypto),
        }
    }

    #[test]
    fn a_boxed_dynamic_backend_is_handed_to_generic_code() {
        let backend = chosen("rustcrypto");
        for curve in curves() {
            assert_eq!(round_trip(&backend, curve), Ok(true), "{curve:?}");
        }
        let borrowed: &DynBackend = &RustCrypto;
        assert_eq!(round_trip(&borrowed, EllipticCurve::Secp384r1), Ok(true));
        assert_eq!(
            EllipticCurveBackend::elliptic_curve_capabilities(&backend),
            CAPABILITIES
        );
    }

    #[test]
    fn a_boxed_partial_backend_keeps_its_rows_and_its_overrides() {
        let token = chosen("token");
        assert_eq!(
            round_trip(&token, EllipticCurve::Secp256r1),
            Ok(true),
            "P-256 is offered"
        );
        assert!(matches!(
            round_trip(&token, EllipticCurve::Secp384r1),
            Err(Error::Unsupported { .. })
        ));
        let ecdsa = Ecdsa::from(HashAlgorithm::Sha256);
        assert!(
            !EllipticCurveBackend::elliptic_curve_signature_algorithm_supported(
                &token,
                ecdsa,
                EllipticCurve::Secp256r1
            )
        );
        assert!(
            EllipticCurveBackend::elliptic_curve_exchange_algorithm_supported(
                &token,
                Ecdh,
                EllipticCurve::Secp256r1
            )
        );
        // The token's own OS-free generation survives the box: not replaced by the default,
        // which would draw a fresh scalar from the operating system.
        #[cfg(feature = "getrandom")]
        {
            let made = EllipticCurveBackend::generate_elliptic_curve_private_key(
                &token,
                EllipticCurve::Secp256r1,
            )
            .unwrap();
            let fixed = RustCrypto
                .derive_elliptic_curve_private_key(&[0x70; 32], EllipticCurve::Secp256r1)
                .unwrap();
            assert_eq!(made.private_numbers(), fixed.private_numbers());
        }
    }
}
