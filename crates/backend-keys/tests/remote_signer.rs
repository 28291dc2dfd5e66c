//! Seed 004 on the common signer: keys whose material never leaves a "device" (a thread reached
//! over a channel, standing in for an HSM or a KMS) sign through the same `Signer` as in-memory
//! keys, for RSA and EC alike, through one certificate-builder stand-in; synchronously,
//! asynchronously and prehashed; and a misbehaving device is caught by `sign_and_verify`.
//!
//! These replace `backend-rsa/tests/remote_signer.rs` and `backend-ec/tests/external_key.rs`,
//! which each had their own key trait implementation and builder.

mod common;

use backend_ec::EllipticCurve;
use backend_keys::{
    AsyncSigner, Error, HashAlgorithm, MessageHash, PrivateKey, PublicKey, Reason, Result,
    SIGNATURE_DID_NOT_VERIFY, SignFuture, SignatureAlgorithm, Signer, SigningKey, message_digest,
    sign_and_verify, sign_and_verify_async,
};
use backend_rsa::SaltLength;
use common::{Device, block_on, ec_key, rsa_key, sign_certificate};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};

const RS256: SignatureAlgorithm = SignatureAlgorithm::RsaPkcs1v15 {
    hash: HashAlgorithm::Sha256,
};
const PS256: SignatureAlgorithm =
    SignatureAlgorithm::rsa_pss(HashAlgorithm::Sha256, SaltLength::DigestLength);
const ES256: SignatureAlgorithm = SignatureAlgorithm::Ecdsa {
    hash: HashAlgorithm::Sha256,
};
const ES384: SignatureAlgorithm = SignatureAlgorithm::Ecdsa {
    hash: HashAlgorithm::Sha384,
};

fn rsa_device(faulty: bool) -> Device {
    Device::provision(rsa_key(), &[RS256, PS256], faulty)
}

fn ec_device(faulty: bool) -> Device {
    Device::provision(ec_key(EllipticCurve::Secp384r1), &[ES256, ES384], faulty)
}

#[test]
fn one_builder_signs_with_device_and_in_memory_keys_of_both_families() -> Result<()> {
    let rsa_in_memory = rsa_key();
    let ec_in_memory = ec_key(EllipticCurve::Secp256r1);
    let (rsa_remote, ec_remote) = (rsa_device(false), ec_device(false));
    // The family key objects themselves are signers too.
    let rsa_boxed =
        backend_rsa::RsaBackend::generate_rsa_private_key(&backend_rsa::RustCrypto, 65537, 1024)?;
    let signers: [(&dyn Signer, SignatureAlgorithm, usize); 6] = [
        (&rsa_remote, RS256, 1024),
        (&rsa_in_memory, RS256, 1024),
        (&rsa_boxed, PS256, 1024),
        (&ec_remote, ES384, 384),
        (&ec_in_memory, ES256, 256),
        (&ec_in_memory, ES384, 256),
    ];
    for (signer, algorithm, bits) in signers {
        let certificate = sign_certificate(signer, &algorithm, b"tbsCertificate")?;
        let signature = certificate
            .strip_prefix(b"tbsCertificate".as_slice())
            .expect("the builder appends the signature");
        let public_key = signer.public_key()?;
        assert_eq!(public_key.key_size(), bits);
        public_key.verify(
            signature,
            b"tbsCertificate",
            &algorithm,
            algorithm.message(),
        )?;
        // The signature is bound to the data: anything else fails to verify.
        assert_eq!(
            public_key.verify(
                signature,
                b"tbsCertificatf",
                &algorithm,
                algorithm.message()
            ),
            Err(Error::InvalidSignature)
        );
    }
    assert_eq!(rsa_remote.calls.load(Ordering::SeqCst), 1);
    assert_eq!(ec_remote.calls.load(Ordering::SeqCst), 1);
    Ok(())
}

#[test]
fn a_device_signs_prehashed_digests_and_checks_their_size() -> Result<()> {
    for (device, algorithm) in [(rsa_device(false), PS256), (ec_device(false), ES384)] {
        let digest = message_digest(algorithm.message(), b"message")?;
        assert_eq!(digest.len(), algorithm.hash().digest_size());
        let signature = sign_and_verify(&device, &algorithm, algorithm.prehashed(), &digest)?;
        // A signature over the digest is a signature over the message.
        let public_key = device.public_key()?;
        public_key.verify(&signature, b"message", &algorithm, algorithm.message())?;
        public_key.verify(&signature, &digest, &algorithm, algorithm.prehashed())?;
        // A digest of the wrong size never reaches the device.
        let calls = device.calls.load(Ordering::SeqCst);
        assert!(matches!(
            sign_and_verify(&device, &algorithm, algorithm.prehashed(), &digest[1..]),
            Err(Error::InvalidArgument(_))
        ));
        assert_eq!(device.calls.load(Ordering::SeqCst), calls);
    }
    Ok(())
}

#[test]
fn pss_salt_lengths_verify_with_auto() -> Result<()> {
    let device = rsa_device(false);
    let signature = sign_and_verify(&device, &PS256, PS256.message(), b"message")?;
    let auto = SignatureAlgorithm::rsa_pss(HashAlgorithm::Sha256, SaltLength::Auto);
    device
        .public_key()?
        .verify(&signature, b"message", &auto, auto.message())?;
    // Auto only verifies: no signer offers it.
    let in_memory = rsa_key();
    assert!(!in_memory.supports(&auto));
    assert!(matches!(
        in_memory.sign(&auto, auto.message(), b"message"),
        Err(Error::InvalidArgument(_))
    ));
    Ok(())
}

#[test]
fn what_a_signer_does_not_offer_is_refused_before_the_device_is_asked() {
    let sha512 = SignatureAlgorithm::RsaPkcs1v15 {
        hash: HashAlgorithm::Sha512,
    };
    let device = rsa_device(false);
    for algorithm in [sha512, ES256] {
        assert_eq!(
            sign_and_verify(&device, &algorithm, algorithm.message(), b"m"),
            Err(Error::unsupported(
                Reason::SignatureAlgorithm,
                algorithm.name()
            ))
        );
    }
    // A message hash that is not the algorithm's is refused too.
    assert!(matches!(
        sign_and_verify(
            &device,
            &RS256,
            MessageHash::Hash(HashAlgorithm::Sha384),
            b"m"
        ),
        Err(Error::InvalidArgument(_))
    ));
    assert_eq!(device.calls.load(Ordering::SeqCst), 0);
}

#[test]
fn a_misbehaving_device_is_caught_by_sign_and_verify() -> Result<()> {
    for (device, algorithm) in [(rsa_device(true), RS256), (ec_device(true), ES256)] {
        // The device answers, and its answer is a well-formed-looking signature...
        let raw = device.sign(&algorithm, algorithm.message(), b"tbsCertificate")?;
        assert!(!raw.is_empty());
        // ...that the builder refuses to emit.
        assert_eq!(
            sign_certificate(&device, &algorithm, b"tbsCertificate"),
            Err(SIGNATURE_DID_NOT_VERIFY)
        );
        assert!(matches!(SIGNATURE_DID_NOT_VERIFY, Error::Device { .. }));
    }
    // A sound device behind a handle that claims another key's public half.
    let misconfigured =
        ec_device(false).claiming(common::owned_public_key(&ec_key(EllipticCurve::Secp384r1)));
    assert_eq!(
        sign_certificate(&misconfigured, &ES384, b"tbsCertificate"),
        Err(SIGNATURE_DID_NOT_VERIFY)
    );
    Ok(())
}

#[test]
fn every_signer_signs_asynchronously_on_a_small_executor() -> Result<()> {
    let device = ec_device(false);
    let in_memory = rsa_key();
    let signers: [(&dyn AsyncSigner, SignatureAlgorithm); 2] =
        [(&device, ES384), (&in_memory, PS256)];
    for (signer, algorithm) in signers {
        let signature = block_on(sign_and_verify_async(
            signer,
            &algorithm,
            algorithm.message(),
            b"tbsCertificate",
        ))?;
        signer.public_key()?.verify(
            &signature,
            b"tbsCertificate",
            &algorithm,
            algorithm.message(),
        )?;
    }
    // The async check refuses what the sync one refuses.
    let faulty = rsa_device(true);
    assert_eq!(
        block_on(sign_and_verify_async(
            &faulty,
            &RS256,
            RS256.message(),
            b"tbs"
        )),
        Err(SIGNATURE_DID_NOT_VERIFY)
    );
    Ok(())
}

#[test]
fn signing_futures_are_send_and_lazy() {
    fn is_send<T: Send>(_: &T) {}
    let device = ec_device(false);
    let data = b"tbs".to_vec();
    let future = AsyncSigner::sign_async(&device, &ES256, ES256.message(), &data);
    is_send(&future);
    is_send(&sign_and_verify_async(
        &device,
        &ES256,
        ES256.message(),
        &data,
    ));
    // Nothing reached the device until a future is polled.
    drop(future);
    assert_eq!(device.calls.load(Ordering::SeqCst), 0);
}

/// A KMS client that is asynchronous all the way: the reply arrives on another thread, which
/// wakes the task. It implements only `AsyncSigner`.
struct AsyncKms {
    device: Device,
}

/// The state a reply future shares with the thread that completes it.
#[derive(Default)]
struct Slot {
    reply: Option<Result<Vec<u8>>>,
    waker: Option<Waker>,
}

impl SigningKey for AsyncKms {
    fn public_key(&self) -> Result<PublicKey<'_>> {
        self.device.public_key()
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        self.device.supports(algorithm)
    }
}

impl AsyncSigner for AsyncKms {
    fn sign_async<'a>(
        &'a self,
        algorithm: &'a SignatureAlgorithm,
        hash: MessageHash,
        data: &'a [u8],
    ) -> SignFuture<'a> {
        let slot = Arc::new(Mutex::new(Slot::default()));
        let sent = self.device.send(algorithm, hash, data).map(|answer| {
            let slot = Arc::clone(&slot);
            std::thread::spawn(move || {
                let reply = answer
                    .recv()
                    .unwrap_or(Err(Error::device("device did not answer")));
                let mut slot = slot.lock().expect("slot");
                slot.reply = Some(reply);
                if let Some(waker) = slot.waker.take() {
                    waker.wake();
                }
            });
        });
        Box::pin(std::future::poll_fn(move |cx| {
            if let Err(error) = sent {
                return Poll::Ready(Err(error));
            }
            let mut slot = slot.lock().expect("slot");
            match slot.reply.take() {
                Some(reply) => Poll::Ready(reply),
                None => {
                    slot.waker = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        }))
    }
}

#[test]
fn an_async_only_kms_key_signs_through_the_async_check() -> Result<()> {
    let kms = AsyncKms {
        device: rsa_device(false),
    };
    let signature = block_on(sign_and_verify_async(
        &kms,
        &PS256,
        PS256.message(),
        b"tbsCertificate",
    ))?;
    kms.public_key()?
        .verify(&signature, b"tbsCertificate", &PS256, PS256.message())?;
    let boxed: Box<dyn AsyncSigner> = Box::new(AsyncKms {
        device: rsa_device(true),
    });
    assert_eq!(
        block_on(sign_and_verify_async(
            &*boxed,
            &RS256,
            RS256.message(),
            b"tbs"
        )),
        Err(SIGNATURE_DID_NOT_VERIFY)
    );
    Ok(())
}

#[test]
fn an_in_memory_private_key_signs_like_its_family_key() -> Result<()> {
    let key: PrivateKey = ec_key(EllipticCurve::Secp256r1);
    let family = key.as_ec().expect("an EC key");
    let signature = sign_and_verify(&key, &ES256, ES256.message(), b"m")?;
    // The family's own verification accepts the common signer's signature.
    family
        .public_key()
        .verify(&signature, b"m", ES256.ecdsa(ES256.message())?)?;
    Ok(())
}
