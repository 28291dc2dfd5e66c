//! Shared test helpers: a tiny executor (no runtime in the library, none in the tests either), a
//! "device" that serves keys of both families, and the certificate-builder stand-in.

#![allow(dead_code)]

use backend_ec::{EllipticCurve, EllipticCurveBackend};
use backend_keys::{
    Error, MessageHash, PrivateKey, PublicKey, Result, SignatureAlgorithm, Signer, SigningKey,
    message_digest, sign_and_verify,
};
use backend_rsa::RsaBackend;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::task::{Context, Poll, Wake, Waker};

/// Drives `future` to completion on this thread, parking it while the future is pending (its
/// waker unparks it). Enough for tests and examples; no runtime.
pub fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            // A spurious unpark only costs another poll.
            Poll::Pending => std::thread::park(),
        }
    }
}

/// A fresh in-memory RSA key (1024 bits: fast enough for every test to make its own).
pub fn rsa_key() -> PrivateKey {
    PrivateKey::Rsa(
        backend_rsa::RustCrypto
            .generate_rsa_private_key(65537, 1024)
            .expect("RSA key"),
    )
}

/// A fresh in-memory EC key on `curve`.
pub fn ec_key(curve: EllipticCurve) -> PrivateKey {
    PrivateKey::Ec(Box::new(
        backend_ec::RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .expect("EC key"),
    ))
}

/// An owned copy of `key`'s public half, made on the host before the key moves into a device.
pub fn owned_public_key(key: &PrivateKey) -> PublicKey<'static> {
    if let Some(rsa) = key.as_rsa() {
        return PublicKey::Rsa(rsa.public_key().expect("RSA public key"));
    }
    let ec = key.as_ec().expect("an RSA or EC key");
    PublicKey::Ec(Box::new(
        backend_ec::RustCrypto
            .load_elliptic_curve_public_numbers(&ec.public_key().public_numbers())
            .expect("EC public key"),
    ))
}

/// What the device is asked: sign a digest with one of its algorithms. The key stays on the
/// device's side of the channel.
pub struct Request {
    algorithm: SignatureAlgorithm,
    digest: Vec<u8>,
    reply: Sender<Result<Vec<u8>>>,
}

/// The program's handle to a key held by a "device" (a thread standing in for an HSM or a KMS):
/// the request channel, the public key fetched once, the algorithms the device lists. One
/// stand-in for both families: the device holds a `PrivateKey` of either.
pub struct Device {
    requests: Sender<Request>,
    public: PublicKey<'static>,
    offers: Vec<SignatureAlgorithm>,
    /// How many signatures the device was asked for.
    pub calls: Arc<AtomicUsize>,
}

impl Device {
    /// Provisions `key` into a new device offering `offers`. A `faulty` device corrupts every
    /// signature it returns (seed 004's fake cloud client returns zeros).
    pub fn provision(key: PrivateKey, offers: &[SignatureAlgorithm], faulty: bool) -> Device {
        let public = owned_public_key(&key);
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let (requests, inbox) = channel::<Request>();
        std::thread::spawn(move || {
            for request in inbox {
                counted.fetch_add(1, Ordering::SeqCst);
                let prehashed = request.algorithm.prehashed();
                let mut signed = key.sign(&request.algorithm, prehashed, &request.digest);
                if let (true, Ok(signature)) = (faulty, &mut signed) {
                    if let Some(last) = signature.last_mut() {
                        *last ^= 1;
                    }
                }
                let _ = request.reply.send(signed);
            }
        });
        Device {
            requests,
            public,
            offers: offers.to_vec(),
            calls,
        }
    }

    /// The handle now claims another key's public half (a misconfigured KMS key id).
    pub fn claiming(mut self, public: PublicKey<'static>) -> Device {
        self.public = public;
        self
    }

    /// Sends one request; the reply comes on the returned channel.
    pub fn send(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<std::sync::mpsc::Receiver<Result<Vec<u8>>>> {
        let (reply, answer) = channel();
        let request = Request {
            algorithm: *algorithm,
            digest: message_digest(hash, data)?,
            reply,
        };
        self.requests
            .send(request)
            .map_err(|_| Error::device("device unreachable"))?;
        Ok(answer)
    }
}

/// The device key implements the signer and nothing else.
impl SigningKey for Device {
    fn public_key(&self) -> Result<PublicKey<'_>> {
        Ok(self.public.by_ref())
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        self.offers.contains(algorithm)
    }
}

impl Signer for Device {
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<Vec<u8>> {
        self.send(algorithm, hash, data)?
            .recv()
            .map_err(|_| Error::device("device did not answer"))?
    }
}

/// The stand-in for the X.509 builder, one for every family: signs the to-be-signed bytes with
/// any signer through `sign_and_verify` and appends the signature.
pub fn sign_certificate(
    signer: &dyn Signer,
    algorithm: &SignatureAlgorithm,
    tbs: &[u8],
) -> Result<Vec<u8>> {
    let signature = sign_and_verify(signer, algorithm, algorithm.message(), tbs)?;
    Ok([tbs, &signature].concat())
}
