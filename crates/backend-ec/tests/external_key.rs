//! Seed 004's external key: a private key whose material never leaves its device, implementing
//! [`EcPrivateKey`] so that code written against the trait (here a stand-in for the X.509
//! builder) signs with it exactly as with an in-memory key.
//!
//! The "device" is a thread that owns the key and answers requests over a channel; the key object
//! the program holds has only a handle and the cached public key. Like the seed's cloud KMS
//! example, it hashes locally and sends the digest (the prehashed shape).

use backend_ec::{
    DerSignature, EcPrivateKey, EcPrivateNumbers, EcPublicKey, Ecdh, Ecdsa, EllipticCurve,
    EllipticCurveBackend, Error, HashAlgorithm, MessageHash, Result, RustCrypto,
    RustCryptoEcPublicKey, SharedSecret,
};
use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};

/// What the device is asked to do.
enum Request {
    SignDigest {
        digest: Vec<u8>,
        hash: HashAlgorithm,
        reply: Sender<Result<DerSignature>>,
    },
    Exchange {
        peer: RustCryptoEcPublicKey,
        reply: Sender<Result<SharedSecret>>,
    },
}

/// The program's side of a device key: a request channel and the public key, nothing secret.
struct DeviceKey {
    requests: Mutex<Sender<Request>>,
    public: RustCryptoEcPublicKey,
}

impl DeviceKey {
    /// "Provisions" a key inside a new device thread and returns the handle to it.
    fn provision(curve: EllipticCurve) -> DeviceKey {
        let secret = RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .unwrap();
        let public = *secret.verifying_key();
        let (requests, inbox) = channel::<Request>();
        std::thread::spawn(move || {
            for request in inbox {
                match request {
                    Request::SignDigest {
                        digest,
                        hash,
                        reply,
                    } => {
                        let _ = reply
                            .send(secret.sign(&digest, Ecdsa::new(MessageHash::Prehashed(hash))));
                    }
                    Request::Exchange { peer, reply } => {
                        let _ = reply.send(secret.exchange(Ecdh, &peer));
                    }
                }
            }
        });
        DeviceKey {
            requests: Mutex::new(requests),
            public,
        }
    }

    fn call<T>(&self, build: impl FnOnce(Sender<T>) -> Request) -> Result<T> {
        let (reply, answer) = channel();
        self.requests
            .lock()
            .map_err(|_| Error::device("device handle poisoned"))?
            .send(build(reply))
            .map_err(|_| Error::device("device unreachable"))?;
        answer
            .recv()
            .map_err(|_| Error::device("device did not answer"))
    }
}

fn digest(hash: HashAlgorithm, data: &[u8]) -> Result<Vec<u8>> {
    use sha2::Digest;
    Ok(match hash {
        HashAlgorithm::Sha256 => sha2::Sha256::digest(data).to_vec(),
        HashAlgorithm::Sha384 => sha2::Sha384::digest(data).to_vec(),
        HashAlgorithm::Sha512 => sha2::Sha512::digest(data).to_vec(),
        other => return Err(Error::unsupported(backend_ec::Reason::Hash, other.name())),
    })
}

impl EcPrivateKey for DeviceKey {
    fn curve(&self) -> EllipticCurve {
        self.public.curve()
    }

    fn public_key(&self) -> &dyn EcPublicKey {
        &self.public
    }

    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> Result<DerSignature> {
        backend_ec::check_prehashed_len(signature_algorithm.hash, data)?;
        let hash = signature_algorithm.algorithm();
        let digest = match signature_algorithm.hash {
            MessageHash::Hash(_) => digest(hash, data)?,
            MessageHash::Prehashed(_) => data.to_vec(),
        };
        self.call(|reply| Request::SignDigest {
            digest,
            hash,
            reply,
        })?
    }

    fn exchange(&self, _: Ecdh, peer_public_key: &dyn EcPublicKey) -> Result<SharedSecret> {
        let peer =
            RustCrypto.load_elliptic_curve_public_numbers(&peer_public_key.public_numbers())?;
        self.call(|reply| Request::Exchange { peer, reply })?
    }

    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        Err(Error::KeyNotExportable)
    }
}

/// A stand-in for the X.509 builder: signs `tbs` with any key and checks the signature against
/// the key's public key before it "emits" anything (DESIGN.md, keys that live elsewhere).
fn sign_certificate(key: &dyn EcPrivateKey, tbs: &[u8]) -> Result<DerSignature> {
    let algorithm = Ecdsa::from(HashAlgorithm::Sha256);
    let signature = key.sign(tbs, algorithm)?;
    key.public_key().verify(&signature, tbs, algorithm)?;
    Ok(signature)
}

#[test]
fn a_device_key_signs_through_the_trait_like_an_in_memory_key() {
    let device = DeviceKey::provision(EllipticCurve::Secp256r1);
    let in_memory = RustCrypto
        .generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)
        .unwrap();
    for key in [&device as &dyn EcPrivateKey, &in_memory] {
        let signature = sign_certificate(key, b"tbsCertificate").unwrap();
        key.public_key()
            .verify(
                &signature,
                b"tbsCertificate",
                Ecdsa::from(HashAlgorithm::Sha256),
            )
            .unwrap();
        assert_eq!(key.key_size(), 256);
    }
}

#[test]
fn a_device_key_signs_prehashed_digests_and_checks_their_size() {
    let device = DeviceKey::provision(EllipticCurve::Secp384r1);
    let digest = digest(HashAlgorithm::Sha384, b"message").unwrap();
    let prehashed = Ecdsa::new(MessageHash::Prehashed(HashAlgorithm::Sha384));
    let signature = device.sign(&digest, prehashed).unwrap();
    device
        .public_key()
        .verify(&signature, b"message", Ecdsa::from(HashAlgorithm::Sha384))
        .unwrap();
    assert!(matches!(
        device.sign(&digest[..47], prehashed),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn a_device_key_does_not_export_its_private_numbers() {
    let device = DeviceKey::provision(EllipticCurve::Secp256r1);
    assert_eq!(device.private_numbers(), Err(Error::KeyNotExportable));
    let boxed: Box<dyn EcPrivateKey> = Box::new(device);
    assert_eq!(boxed.private_numbers(), Err(Error::KeyNotExportable));
}

#[test]
fn a_device_key_agrees_on_an_ecdh_secret_with_an_in_memory_key() {
    let device = DeviceKey::provision(EllipticCurve::Secp521r1);
    let local = RustCrypto
        .generate_elliptic_curve_private_key(EllipticCurve::Secp521r1)
        .unwrap();
    let a = device.exchange(Ecdh, local.public_key()).unwrap();
    let b = local.exchange(Ecdh, device.public_key()).unwrap();
    assert_eq!(a.as_slice(), b.as_slice());
}

#[test]
fn a_misconfigured_device_key_is_caught_before_anything_is_emitted() {
    // The handle advertises another key's public key: every signature fails the check.
    let mut device = DeviceKey::provision(EllipticCurve::Secp256r1);
    device.public = *RustCrypto
        .generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)
        .unwrap()
        .verifying_key();
    assert_eq!(
        sign_certificate(&device, b"tbsCertificate"),
        Err(Error::InvalidSignature)
    );
}
