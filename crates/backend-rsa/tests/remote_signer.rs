//! Seed 004's cloud-KMS key, in Rust: a private key that never leaves its "device" (here a thread
//! reached over a channel, standing in for an HSM or a KMS API), implementing [`RsaPrivateKey`] so
//! that it signs through the same API as an in-memory key, including through a certificate
//! builder that only knows `&dyn RsaPrivateKey`.

mod common;

use backend_hash::{HashBackend, HashContext};
use backend_rsa::{
    AsymmetricPadding, Error, HashAlgorithm, MessageHash, RsaBackend, RsaPrivateKey,
    RsaPrivateKeyEncoder, RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers, RustCrypto,
    RustCryptoRsaPrivateKey, SaltLength, Zeroizing,
};
use std::sync::mpsc::{Sender, channel};
use std::thread;

/// What the device is asked; the key material stays on the device's side of the channel.
enum Request {
    /// Sign a digest with one of the device's named algorithms.
    Sign {
        algorithm: &'static str,
        digest: Vec<u8>,
        reply: Sender<Result<Vec<u8>, Error>>,
    },
    /// The public half.
    PublicNumbers { reply: Sender<RsaPublicNumbers> },
}

/// Starts a "device" holding a fresh 2048-bit key; `faulty` devices return zeros as signatures
/// (the seed's fake cloud client does exactly that).
fn start_device(faulty: bool) -> Sender<Request> {
    let (requests, inbox) = channel::<Request>();
    let key = RustCryptoRsaPrivateKey::generate_with_rng(&mut common::TestRng(4), 65537, 2048)
        .expect("device key");
    thread::spawn(move || {
        for request in inbox {
            match request {
                Request::Sign {
                    algorithm,
                    digest,
                    reply,
                } => {
                    let (padding, hash) = match algorithm {
                        "RSA_PKCS1_V1_5_SHA_256" => {
                            (AsymmetricPadding::Pkcs1v15, HashAlgorithm::Sha256)
                        }
                        "RSA_PSS_SHA_256" => (
                            AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::DigestLength),
                            HashAlgorithm::Sha256,
                        ),
                        _ => {
                            let _ =
                                reply.send(Err(Error::device("algorithm not offered by the KMS")));
                            continue;
                        }
                    };
                    let signature = if faulty {
                        Ok(vec![0; 256])
                    } else {
                        key.sign(&digest, padding, MessageHash::Prehashed(hash))
                    };
                    let _ = reply.send(signature);
                }
                Request::PublicNumbers { reply } => {
                    let _ = reply.send(key.to_public_key().public_numbers());
                }
            }
        }
    });
    requests
}

/// The user's key type: a handle to a key held by the device.
struct CloudRsaPrivateKey {
    device: Sender<Request>,
}

impl CloudRsaPrivateKey {
    /// Maps a padding and hash to the device's algorithm names, as seed 004's
    /// `_map_to_kms_algorithm` does.
    fn kms_algorithm(
        padding: AsymmetricPadding<'_>,
        hash: HashAlgorithm,
    ) -> Result<&'static str, Error> {
        match (padding, hash) {
            (AsymmetricPadding::Pkcs1v15, HashAlgorithm::Sha256) => Ok("RSA_PKCS1_V1_5_SHA_256"),
            (AsymmetricPadding::Pss(pss), HashAlgorithm::Sha256)
                if pss.salt_length == SaltLength::DigestLength
                    && pss.mgf.hash() == HashAlgorithm::Sha256 =>
            {
                Ok("RSA_PSS_SHA_256")
            }
            _ => Err(Error::device("no KMS algorithm for this padding and hash")),
        }
    }
}

impl RsaPrivateKey for CloudRsaPrivateKey {
    fn key_size(&self) -> usize {
        self.public_key().map_or(0, |k| k.key_size())
    }

    fn sign(
        &self,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>, Error> {
        // Hash here unless the caller already did: the device signs digests only.
        let digest = match algorithm {
            MessageHash::Prehashed(_) => data.to_vec(),
            MessageHash::Hash(hash) => {
                let mut ctx = backend_hash::RustCrypto.create_hash_ctx(hash)?;
                ctx.update(data);
                ctx.finalize()?.to_vec()
            }
        };
        let (reply, answer) = channel();
        let request = Request::Sign {
            algorithm: Self::kms_algorithm(padding, algorithm.algorithm())?,
            digest,
            reply,
        };
        self.device
            .send(request)
            .map_err(|_| Error::device("KMS unreachable"))?;
        answer.recv().map_err(|_| Error::device("KMS hung up"))?
    }

    fn decrypt(&self, _: &[u8], _: AsymmetricPadding<'_>) -> Result<Zeroizing<Vec<u8>>, Error> {
        Err(Error::device("this KMS key only signs"))
    }

    fn public_key(&self) -> Result<Box<dyn RsaPublicKey>, Error> {
        let (reply, answer) = channel();
        self.device
            .send(Request::PublicNumbers { reply })
            .map_err(|_| Error::device("KMS unreachable"))?;
        let numbers = answer.recv().map_err(|_| Error::device("KMS hung up"))?;
        Ok(Box::new(RustCrypto.load_rsa_public_numbers(&numbers)?))
    }

    fn private_numbers(&self) -> Result<RsaPrivateNumbers, Error> {
        Err(Error::KeyNotExportable)
    }
}

/// A stand-in for the X.509 builder: signs the to-be-signed bytes with any key, and checks the
/// signature against the key's public key before emitting anything (DESIGN.md: a misconfigured
/// HSM or KMS key can never produce a bad certificate).
fn sign_certificate(tbs: &[u8], key: &dyn RsaPrivateKey) -> Result<Vec<u8>, Error> {
    let sha256 = MessageHash::Hash(HashAlgorithm::Sha256);
    let signature = key.sign(tbs, AsymmetricPadding::Pkcs1v15, sha256)?;
    key.public_key()?
        .verify(&signature, tbs, AsymmetricPadding::Pkcs1v15, sha256)?;
    Ok([tbs, &signature].concat())
}

#[test]
fn remote_key_signs_through_the_same_api_as_an_in_memory_key() -> Result<(), Error> {
    let cloud = CloudRsaPrivateKey {
        device: start_device(false),
    };
    let in_memory = RustCrypto.generate_rsa_private_key(65537, 1024)?;
    for key in [&cloud as &dyn RsaPrivateKey, &in_memory] {
        let certificate = sign_certificate(b"tbsCertificate", key)?;
        assert!(certificate.starts_with(b"tbsCertificate"));
    }
    assert_eq!(cloud.key_size(), 2048);
    let sha256 = MessageHash::Hash(HashAlgorithm::Sha256);
    let pss = AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::DigestLength);
    let signature = cloud.sign(b"message", pss, sha256)?;
    cloud.public_key()?.verify(
        &signature,
        b"message",
        AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::Auto),
        sha256,
    )
}

#[test]
fn remote_key_material_cannot_be_exported() {
    struct Pkcs1Der;
    impl RsaPrivateKeyEncoder for Pkcs1Der {
        fn encode_rsa_private_numbers(
            &self,
            _: &RsaPrivateNumbers,
        ) -> Result<Zeroizing<Vec<u8>>, Error> {
            Ok(Zeroizing::new(vec![0x30]))
        }
    }
    let cloud = CloudRsaPrivateKey {
        device: start_device(false),
    };
    assert_eq!(cloud.private_numbers().err(), Some(Error::KeyNotExportable));
    assert_eq!(
        cloud.private_bytes(&Pkcs1Der).err(),
        Some(Error::KeyNotExportable)
    );
    // An in-memory key goes through the same hook.
    let in_memory = common::key_2048();
    assert!(in_memory.private_bytes(&Pkcs1Der).is_ok());
}

#[test]
fn remote_key_refuses_what_the_device_does_not_offer() {
    let cloud = CloudRsaPrivateKey {
        device: start_device(false),
    };
    let sha512 = MessageHash::Hash(HashAlgorithm::Sha512);
    assert!(matches!(
        cloud.sign(b"m", AsymmetricPadding::Pkcs1v15, sha512),
        Err(Error::Device { .. })
    ));
    assert!(matches!(
        cloud.decrypt(b"c", AsymmetricPadding::Pkcs1v15),
        Err(Error::Device { .. })
    ));
}

#[test]
fn a_faulty_device_cannot_produce_a_certificate() {
    let faulty = CloudRsaPrivateKey {
        device: start_device(true),
    };
    assert_eq!(
        sign_certificate(b"tbsCertificate", &faulty),
        Err(Error::InvalidSignature)
    );
}
