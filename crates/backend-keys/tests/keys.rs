//! The key enums and what the in-memory keys say they sign with.

use backend_ec::{EcPublicKey, EllipticCurve, EllipticCurveBackend};
use backend_keys::{
    Error, HashAlgorithm, MessageHash, PrivateKey, PublicKey, Result, SignatureAlgorithm, Signer,
    SigningKey,
};
use backend_rsa::{RsaBackend, SaltLength};

fn rsa() -> PrivateKey {
    PrivateKey::from(
        backend_rsa::RustCrypto
            .generate_rsa_private_key(3, 1024)
            .expect("RSA key"),
    )
}

fn ec(curve: EllipticCurve) -> PrivateKey {
    PrivateKey::Ec(Box::new(
        backend_ec::RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .expect("EC key"),
    ))
}

const ES256: SignatureAlgorithm = SignatureAlgorithm::Ecdsa {
    hash: HashAlgorithm::Sha256,
};
const RS256: SignatureAlgorithm = SignatureAlgorithm::RsaPkcs1v15 {
    hash: HashAlgorithm::Sha256,
};

#[test]
fn the_enums_answer_for_their_family() -> Result<()> {
    let (rsa, ec) = (rsa(), ec(EllipticCurve::Secp521r1));
    assert_eq!((rsa.key_size(), ec.key_size()), (1024, 521));
    assert!(rsa.as_rsa().is_some() && rsa.as_ec().is_none());
    assert!(ec.as_ec().is_some() && ec.as_rsa().is_none());
    let (rsa_public, ec_public) = (SigningKey::public_key(&rsa)?, SigningKey::public_key(&ec)?);
    assert_eq!((rsa_public.key_size(), ec_public.key_size()), (1024, 521));
    assert!(rsa_public.as_rsa().is_some() && ec_public.as_ec().is_some());
    // Debug names the family and size, never key material.
    assert_eq!(format!("{rsa:?}"), "PrivateKey::Rsa(1024 bits)");
    assert_eq!(format!("{rsa_public:?}"), "PublicKey::Rsa(1024 bits)");
    assert!(format!("{ec:?}").starts_with("PrivateKey::Ec("));
    Ok(())
}

#[test]
fn a_lent_public_key_verifies_as_the_owned_one() -> Result<()> {
    let key = ec(EllipticCurve::Secp256r1);
    let family = key.as_ec().expect("EC");
    let loaded = backend_ec::RustCrypto
        .load_elliptic_curve_public_numbers(&family.public_key().public_numbers())?;
    let owned: PublicKey<'static> = PublicKey::from(Box::new(loaded) as Box<dyn EcPublicKey>);
    let signature = key.sign(&ES256, ES256.message(), b"m")?;
    owned.verify(&signature, b"m", &ES256, ES256.message())?;
    owned
        .by_ref()
        .verify(&signature, b"m", &ES256, ES256.message())?;
    let rsa = rsa();
    let rsa_public = SigningKey::public_key(&rsa)?;
    let signature = rsa.sign(&RS256, RS256.message(), b"m")?;
    rsa_public
        .by_ref()
        .verify(&signature, b"m", &RS256, RS256.message())?;
    assert_eq!(
        rsa_public
            .by_ref()
            .verify(&signature, b"n", &RS256, RS256.message()),
        Err(Error::InvalidSignature)
    );
    Ok(())
}

#[test]
fn keys_support_their_family_over_the_signature_hashes_only() {
    let (rsa, ec) = (rsa(), ec(EllipticCurve::Secp256r1));
    let md5 = SignatureAlgorithm::RsaPkcs1v15 {
        hash: HashAlgorithm::Md5,
    };
    let pss = SignatureAlgorithm::rsa_pss(HashAlgorithm::Sha384, SaltLength::Maximum);
    let dsa = SignatureAlgorithm::Dsa {
        hash: HashAlgorithm::Sha256,
    };
    assert!(rsa.supports(&RS256) && rsa.supports(&pss));
    assert!(!rsa.supports(&md5) && !rsa.supports(&ES256) && !rsa.supports(&dsa));
    assert!(ec.supports(&ES256));
    assert!(!ec.supports(&RS256) && !ec.supports(&dsa));
    assert!(!ec.supports(&SignatureAlgorithm::Ecdsa {
        hash: HashAlgorithm::Blake2b512
    }));
}

#[test]
fn an_algorithm_of_another_family_or_hash_is_an_invalid_argument() -> Result<()> {
    let (rsa, ec) = (rsa(), ec(EllipticCurve::Secp256r1));
    for (key, wrong) in [(&rsa, ES256), (&ec, RS256)] {
        assert!(matches!(
            key.sign(&wrong, wrong.message(), b"m"),
            Err(Error::InvalidArgument(_))
        ));
    }
    let signature = ec.sign(&ES256, ES256.message(), b"m")?;
    let public = SigningKey::public_key(&ec)?;
    assert!(matches!(
        public.verify(&signature, b"m", &RS256, RS256.message()),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        public.verify(
            &signature,
            b"m",
            &ES256,
            MessageHash::Hash(HashAlgorithm::Sha384)
        ),
        Err(Error::InvalidArgument(_))
    ));
    Ok(())
}
