//! DSA keys in the key layer: a `Box<dyn DsaPrivateKey>` is a signer, `PrivateKey::Dsa` signs
//! through `sign_and_verify`, and a device-held DSA key (a stand-in that only signs) signs like
//! the in-memory one.

use backend_dsa::{DsaBackend, DsaPrivateKey, RustCrypto};
use backend_keys::{
    Error, HashAlgorithm, MessageHash, PrivateKey, PublicKey, SignatureAlgorithm, Signer,
    SigningKey, sign_and_verify,
};

const DSA_SHA256: SignatureAlgorithm = SignatureAlgorithm::Dsa {
    hash: HashAlgorithm::Sha256,
};

/// A key "in a device": it only signs, and hands out its public key.
struct Device(Box<dyn DsaPrivateKey>);

impl SigningKey for Device {
    fn public_key(&self) -> backend_keys::Result<PublicKey<'_>> {
        Ok(PublicKey::Dsa(DsaPrivateKey::public_key(&*self.0)?))
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        matches!(algorithm, SignatureAlgorithm::Dsa { .. })
    }
}

impl Signer for Device {
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> backend_keys::Result<Vec<u8>> {
        algorithm.check(hash)?;
        DsaPrivateKey::sign(&*self.0, data, hash)
    }
}

#[test]
fn dsa_keys_sign_through_the_key_layer() {
    let key = PrivateKey::from(
        RustCrypto
            .generate_dsa_private_key_and_parameters(1024)
            .unwrap(),
    );
    assert_eq!(key.key_size(), 1024);
    assert!(key.as_dsa().is_some());
    assert!(key.supports(&DSA_SHA256));
    assert!(!key.supports(&SignatureAlgorithm::Ecdsa {
        hash: HashAlgorithm::Sha256
    }));
    let signature = sign_and_verify(&key, &DSA_SHA256, DSA_SHA256.message(), b"tbs").unwrap();
    let public = key.public_key().unwrap();
    public
        .verify(&signature, b"tbs", &DSA_SHA256, DSA_SHA256.message())
        .unwrap();
    assert_eq!(
        public.verify(&signature, b"tbs!", &DSA_SHA256, DSA_SHA256.message()),
        Err(Error::InvalidSignature)
    );
    // The prehashed form of the same signature verifies, through a borrowed public key too.
    let digest = backend_keys::message_digest(DSA_SHA256.message(), b"tbs").unwrap();
    public
        .by_ref()
        .verify(&signature, &digest, &DSA_SHA256, DSA_SHA256.prehashed())
        .unwrap();
    // Another family's descriptor is refused before signing.
    assert!(
        sign_and_verify(
            &key,
            &SignatureAlgorithm::Ecdsa {
                hash: HashAlgorithm::Sha256
            },
            MessageHash::Hash(HashAlgorithm::Sha256),
            b"tbs"
        )
        .is_err()
    );
    // A device key signs like the in-memory one, and its signatures verify under the same key.
    drop(public);
    let PrivateKey::Dsa(inner) = key else {
        panic!("a DSA key")
    };
    let device = Device(inner);
    let from_device = sign_and_verify(&device, &DSA_SHA256, DSA_SHA256.message(), b"tbs").unwrap();
    device
        .public_key()
        .unwrap()
        .verify(&from_device, b"tbs", &DSA_SHA256, DSA_SHA256.message())
        .unwrap();
}
