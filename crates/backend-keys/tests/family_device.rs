//! A device key that implements its whole family trait (not only the signer) keeps what the old
//! per-family external-key tests checked: it exports nothing (`private_numbers`, RSA's
//! `private_bytes` hook answer `KeyNotExportable`), it agrees on an ECDH secret with an in-memory
//! key, and through `Box<dyn …PrivateKey>` it is a common `Signer` with no code of its own.

use backend_ec::{
    DerSignature, EcPrivateKey, EcPrivateNumbers, EcPublicKey, Ecdh, Ecdsa, EllipticCurve,
    EllipticCurveBackend, RustCryptoEcPrivateKey, RustCryptoEcPublicKey, SharedSecret,
};
use backend_keys::{
    Error, HashAlgorithm, PrivateKey, Result, SignatureAlgorithm, SigningKey, sign_and_verify,
};
use backend_rsa::{
    AsymmetricPadding, MessageHash, RsaBackend, RsaPrivateKey, RsaPublicKey, Zeroizing,
};
use std::sync::Mutex;

/// An EC "token" key: the secret sits behind a lock standing in for the token's session.
struct TokenEcKey {
    session: Mutex<RustCryptoEcPrivateKey>,
    public: RustCryptoEcPublicKey,
}

impl TokenEcKey {
    fn new(curve: EllipticCurve) -> TokenEcKey {
        let secret = backend_ec::RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .expect("EC key");
        TokenEcKey {
            public: *secret.verifying_key(),
            session: Mutex::new(secret),
        }
    }

    fn session(&self) -> Result<std::sync::MutexGuard<'_, RustCryptoEcPrivateKey>> {
        self.session
            .lock()
            .map_err(|_| Error::device("token session poisoned"))
    }
}

impl EcPrivateKey for TokenEcKey {
    fn curve(&self) -> EllipticCurve {
        self.public.curve()
    }
    fn public_key(&self) -> &dyn EcPublicKey {
        &self.public
    }
    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> Result<DerSignature> {
        self.session()?.sign(data, signature_algorithm)
    }
    fn exchange(&self, algorithm: Ecdh, peer_public_key: &dyn EcPublicKey) -> Result<SharedSecret> {
        self.session()?.exchange(algorithm, peer_public_key)
    }
    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        Err(Error::KeyNotExportable)
    }
}

/// An RSA "KMS" key that signs and decrypts in the service and exports nothing.
struct KmsRsaKey {
    inner: Box<dyn RsaPrivateKey>,
}

impl RsaPrivateKey for KmsRsaKey {
    fn key_size(&self) -> usize {
        self.inner.key_size()
    }
    fn sign(
        &self,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        self.inner.sign(data, padding, algorithm)
    }
    fn public_key(&self) -> Result<Box<dyn RsaPublicKey>> {
        RsaPrivateKey::public_key(&*self.inner)
    }
    // A KMS signing key implements only what it can do: `decrypt` and `private_numbers` keep
    // the trait's defaults (Unsupported, KeyNotExportable).
}

/// A serializer stand-in: any output at all means the numbers reached it.
struct Pkcs1Der;

impl backend_keys::PrivateKeyEncoder for Pkcs1Der {
    fn encode(&self, numbers: backend_keys::PrivateNumbers<'_>) -> Result<Zeroizing<Vec<u8>>> {
        match numbers {
            backend_keys::PrivateNumbers::Rsa(n) => Ok(Zeroizing::new(n.public_numbers.n.clone())),
            _ => Err(Error::unsupported(
                backend_keys::Reason::Serialization,
                "not RSA",
            )),
        }
    }
}

fn in_memory_rsa() -> Box<dyn RsaPrivateKey> {
    backend_rsa::RustCrypto
        .generate_rsa_private_key(65537, 1024)
        .expect("RSA key")
}

#[test]
fn a_kms_rsa_key_exports_nothing_and_an_in_memory_key_goes_through_the_same_hook() -> Result<()> {
    let kms = KmsRsaKey {
        inner: in_memory_rsa(),
    };
    assert_eq!(kms.private_numbers().err(), Some(Error::KeyNotExportable));
    assert!(matches!(
        kms.decrypt(&[0; 128], AsymmetricPadding::Pkcs1v15),
        Err(Error::Unsupported { .. })
    ));
    let kms = backend_keys::PrivateKey::Rsa(Box::new(kms));
    assert_eq!(
        kms.private_bytes(&Pkcs1Der).err(),
        Some(Error::KeyNotExportable)
    );
    let in_memory = backend_keys::PrivateKey::Rsa(in_memory_rsa());
    let written = in_memory.private_bytes(&Pkcs1Der)?;
    assert_eq!(
        written.len(),
        128,
        "the modulus of a 1024-bit key reached the encoder"
    );
    Ok(())
}

#[test]
fn a_token_ec_key_exports_nothing_and_agrees_on_an_ecdh_secret() -> Result<()> {
    let token = TokenEcKey::new(EllipticCurve::Secp521r1);
    assert_eq!(token.private_numbers(), Err(Error::KeyNotExportable));
    let boxed: Box<dyn EcPrivateKey> = Box::new(TokenEcKey::new(EllipticCurve::Secp256r1));
    assert_eq!(boxed.private_numbers(), Err(Error::KeyNotExportable));
    let local =
        backend_ec::RustCrypto.generate_elliptic_curve_private_key(EllipticCurve::Secp521r1)?;
    let ours = token.exchange(Ecdh, local.public_key())?;
    assert_eq!(ours, local.exchange(Ecdh, token.public_key())?);
    Ok(())
}

#[test]
fn whole_family_device_keys_are_common_signers_with_no_code_of_their_own() -> Result<()> {
    let keys = [
        (
            PrivateKey::Rsa(Box::new(KmsRsaKey {
                inner: in_memory_rsa(),
            })),
            SignatureAlgorithm::RsaPkcs1v15 {
                hash: HashAlgorithm::Sha384,
            },
        ),
        (
            PrivateKey::Ec(Box::new(TokenEcKey::new(EllipticCurve::Secp384r1))),
            SignatureAlgorithm::Ecdsa {
                hash: HashAlgorithm::Sha384,
            },
        ),
    ];
    for (key, algorithm) in &keys {
        assert!(key.supports(algorithm));
        let signature = sign_and_verify(key, algorithm, algorithm.message(), b"tbs")?;
        SigningKey::public_key(key)?.verify(&signature, b"tbs", algorithm, algorithm.message())?;
    }
    Ok(())
}
