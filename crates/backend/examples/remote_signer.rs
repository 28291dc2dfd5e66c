//! Seed 004 in Rust: a key held in an HSM or a cloud KMS signs like an in-memory key.
//!
//! The "device" is a thread holding the private key, reached over a channel (a PKCS#11 session or
//! a KMS client in real life). The program's side, `RemoteKey`, is all a user writes: it knows
//! the public key and the algorithms the device offers, and sends digests. It signs
//! synchronously, asynchronously (driven by a ten-line executor: the library needs no runtime)
//! and prehashed; and `sign_and_verify`, the check the X.509 builders sign through, catches a
//! device that returns bad signatures.
//!
//! `cargo run -p backend --example remote_signer`

use backend::keys::{SIGNATURE_DID_NOT_VERIFY, message_digest};
use backend::rsa::SaltLength;
use backend::{
    Backend, Error, HashAlgorithm, MessageHash, PrivateKey, PublicKey, Result, RsaBackend,
    SignatureAlgorithm, Signer, SigningKey, sign_and_verify, sign_and_verify_async,
};
use std::sync::mpsc::{Sender, channel};

// ---- The remote key: everything a user writes for a device that only signs. ----

/// One request to the device: sign this digest with this algorithm, and answer here.
type Request = (SignatureAlgorithm, Vec<u8>, Sender<Result<Vec<u8>>>);

/// The program's handle to a key held by a device: a channel, the public key, nothing secret.
struct RemoteKey {
    device: Sender<Request>,
    public: PublicKey<'static>,
    offers: Vec<SignatureAlgorithm>,
}

impl SigningKey for RemoteKey {
    fn public_key(&self) -> Result<PublicKey<'_>> {
        Ok(self.public.by_ref())
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        self.offers.contains(algorithm)
    }
}

impl Signer for RemoteKey {
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<Vec<u8>> {
        let digest = message_digest(hash, data)?; // the device signs digests only
        let (reply, answer) = channel();
        let request = (*algorithm, digest, reply);
        self.device
            .send(request)
            .map_err(|_| Error::device("device unreachable"))?;
        answer
            .recv()
            .map_err(|_| Error::device("device did not answer"))?
    }
}

// ---- The stand-in device, and a tiny executor. ----

/// Provisions a fresh RSA key into a device thread; a `broken` device flips a bit of every
/// signature it returns.
fn provision(broken: bool) -> Result<RemoteKey> {
    let key = PrivateKey::Rsa(Backend.generate_rsa_private_key(65537, 2048)?);
    let public = PublicKey::Rsa(
        key.as_rsa()
            .ok_or(Error::device("not an RSA key"))?
            .public_key()?,
    );
    let (device, inbox) = channel::<Request>();
    std::thread::spawn(move || {
        for (algorithm, digest, reply) in inbox {
            let mut signed = key.sign(&algorithm, algorithm.prehashed(), &digest);
            if let (true, Ok(signature)) = (broken, &mut signed) {
                if let Some(first) = signature.first_mut() {
                    *first ^= 1;
                }
            }
            let _ = reply.send(signed);
        }
    });
    let offers = vec![RS256, PS256];
    Ok(RemoteKey {
        device,
        public,
        offers,
    })
}

/// Polls `future` on this thread, parking while it is pending; its waker unparks the thread.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl std::task::Wake for Unpark {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = std::task::Waker::from(std::sync::Arc::new(Unpark(std::thread::current())));
    let mut future = std::pin::pin!(future);
    loop {
        match future
            .as_mut()
            .poll(&mut std::task::Context::from_waker(&waker))
        {
            std::task::Poll::Ready(output) => return output,
            std::task::Poll::Pending => std::thread::park(),
        }
    }
}

const RS256: SignatureAlgorithm = SignatureAlgorithm::RsaPkcs1v15 {
    hash: HashAlgorithm::Sha256,
};
const PS256: SignatureAlgorithm =
    SignatureAlgorithm::rsa_pss(HashAlgorithm::Sha256, SaltLength::DigestLength);

fn main() -> Result<()> {
    let key = provision(false)?;
    let tbs = b"tbsCertificate";

    // Synchronously, as an X.509 builder does: sign, then verify before emitting anything.
    let signature = sign_and_verify(&key, &RS256, RS256.message(), tbs)?;
    println!(
        "sync:      {}-byte PKCS#1 v1.5 signature, verified",
        signature.len()
    );

    // Asynchronously: every Signer is an AsyncSigner; the future is Send and runtime-free.
    let signature = block_on(sign_and_verify_async(&key, &PS256, PS256.message(), tbs))?;
    println!(
        "async:     {}-byte PSS signature, verified",
        signature.len()
    );

    // Prehashed: the caller computed the digest; it verifies as a signature over the message.
    let digest = message_digest(RS256.message(), tbs)?;
    let signature = sign_and_verify(&key, &RS256, RS256.prehashed(), &digest)?;
    key.public_key()?
        .verify(&signature, tbs, &RS256, RS256.message())?;
    println!("prehashed: signature over the SHA-256 digest verifies over the message");

    // What the device does not offer is refused before it is asked.
    let sha512 = SignatureAlgorithm::RsaPkcs1v15 {
        hash: HashAlgorithm::Sha512,
    };
    let refused = sign_and_verify(&key, &sha512, sha512.message(), tbs);
    println!(
        "refused:   {}",
        refused
            .err()
            .ok_or(Error::device("SHA-512 was not refused"))?
    );

    // A misbehaving device: it answers, but its signature does not verify, so nothing is emitted.
    let broken = provision(true)?;
    match sign_and_verify(&broken, &RS256, RS256.message(), tbs) {
        Err(error) if error == SIGNATURE_DID_NOT_VERIFY => println!("caught:    {error}"),
        other => {
            return Err(other
                .err()
                .unwrap_or(Error::device("a bad signature got through")));
        }
    }
    Ok(())
}
