//! [`Signer`] and [`AsyncSigner`]: what an X.509 builder signs with, whether the key is in memory,
//! in a token or behind a KMS API; and [`sign_and_verify`], the check it signs through.

use crate::{PublicKey, SignatureAlgorithm};
use alloc::boxed::Box;
use alloc::sync::Arc;
use alloc::vec::Vec;
use backend_core::capability::HashSet;
use backend_core::{Error, MessageHash, Reason, Result};
#[cfg(feature = "ec")]
use backend_ec::EcPrivateKey;
#[cfg(feature = "rsa")]
use backend_rsa::{RsaPrivateKey, SaltLength};
use core::future::Future;
use core::pin::Pin;

/// Something that signs: an in-memory key of any family, or a key that lives in an HSM or a
/// cloud KMS and can do nothing else (seed 004). Object-safe; builders take `&dyn Signer`.
///
/// A device key implements [`SigningKey`] (its public key, the algorithms it offers) and `sign`,
/// and nothing more: no decryption, key exchange or private numbers to stub out. Every RSA and EC
/// key already is a signer (`Box<dyn RsaPrivateKey>`, `Box<dyn EcPrivateKey>`,
/// [`PrivateKey`](crate::PrivateKey)), and so is a reference, a `Box` or an `Arc` of one. Every signer is also an [`AsyncSigner`].
///
/// Sign through [`sign_and_verify`] (as the X.509 builders will): it refuses what the signer does
/// not [`support`](SigningKey::supports) before the device is asked, and a signature that does not
/// verify against the signer's [`public_key`](SigningKey::public_key) after.
///
/// A remote key in a few lines: the "device" is a thread holding the private key, reached over a
/// channel, signing digests only (the prehash shape, as a KMS `Sign` call with
/// `MessageType=DIGEST`).
///
/// ```
/// use backend_ec::{EcPrivateKey, EcPublicKey, EllipticCurve, EllipticCurveBackend, RustCrypto};
/// use backend_keys::{
///     Error, HashAlgorithm, MessageHash, PublicKey, Result, SignatureAlgorithm, Signer,
///     SigningKey, message_digest, sign_and_verify,
/// };
/// use std::sync::mpsc::{Sender, channel};
///
/// type Request = (Vec<u8>, Sender<Result<Vec<u8>>>);
///
/// /// The program's handle: a channel and the cached public key, nothing secret.
/// struct RemoteKey {
///     device: Sender<Request>,
///     public: Box<dyn EcPublicKey>,
/// }
///
/// const ES256: SignatureAlgorithm = SignatureAlgorithm::Ecdsa { hash: HashAlgorithm::Sha256 };
///
/// impl SigningKey for RemoteKey {
///     fn public_key(&self) -> Result<PublicKey<'_>> {
///         Ok(PublicKey::from(&*self.public))
///     }
///     fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
///         *algorithm == ES256
///     }
/// }
///
/// impl Signer for RemoteKey {
///     fn sign(&self, _: &SignatureAlgorithm, hash: MessageHash, data: &[u8]) -> Result<Vec<u8>> {
///         let (reply, answer) = channel();
///         let digest = message_digest(hash, data)?; // the device signs digests only
///         self.device.send((digest, reply)).map_err(|_| Error::device("device unreachable"))?;
///         answer.recv().map_err(|_| Error::device("device did not answer"))?
///     }
/// }
///
/// // The device: the private key never leaves its thread.
/// let secret = RustCrypto.generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)?;
/// let public = Box::new(*secret.verifying_key());
/// let (device, inbox) = channel::<Request>();
/// std::thread::spawn(move || {
///     for (digest, reply) in inbox {
///         let signed = ES256.ecdsa(ES256.prehashed()).and_then(|ecdsa| secret.sign(&digest, ecdsa));
///         let _ = reply.send(signed.map(|signature| signature.to_vec()));
///     }
/// });
///
/// let key = RemoteKey { device, public };
/// let signature = sign_and_verify(&key, &ES256, ES256.message(), b"tbsCertificate")?;
/// key.public_key()?.verify(&signature, b"tbsCertificate", &ES256, ES256.message())?;
/// # Ok::<(), Error>(())
/// ```
pub trait Signer: SigningKey {
    /// Signs `data` with `algorithm`. With [`MessageHash::Hash`] `data` is the message; with
    /// [`MessageHash::Prehashed`] it is the digest, computed by the caller (the hash in `hash`
    /// is the algorithm's: [`SignatureAlgorithm::check`]). The signature is in the family's
    /// encoding: the RSA signature bytes, a DER ECDSA signature.
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<Vec<u8>>;
}

/// What a signer says about itself, synchronous or not: the public key its signatures verify
/// under and the algorithms it signs with. The one supertrait of [`Signer`] and [`AsyncSigner`],
/// so a type that is both (every [`Signer`] is an [`AsyncSigner`]) has one `public_key`, not
/// two to choose between.
pub trait SigningKey: Send + Sync {
    /// The public key the signatures verify under. A device handle fetches it once, when it is
    /// made, and lends it here ([`PublicKey::by_ref`], [`PublicKey::from`] a reference): no
    /// round trip per signature, and none in an async context.
    fn public_key(&self) -> Result<PublicKey<'_>>;

    /// True when the signer makes signatures with `algorithm` (a KMS key lists a few; an
    /// in-memory key answers for its family and the signature hashes, its provider having the
    /// last word with an [`Error::Unsupported`]).
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool;
}

/// The future an [`AsyncSigner`] returns: boxed, so the trait stays object-safe, and `Send`, so a
/// multi-threaded runtime can move it between threads. No runtime is needed to make one.
pub type SignFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<u8>>> + Send + 'a>>;

/// The asynchronous twin of [`Signer`], for a key behind a network round trip (a cloud KMS).
/// Object-safe; every [`Signer`] is one (its signature is made when the future is first polled).
pub trait AsyncSigner: SigningKey {
    /// As [`Signer::sign`], as a future.
    fn sign_async<'a>(
        &'a self,
        algorithm: &'a SignatureAlgorithm,
        hash: MessageHash,
        data: &'a [u8],
    ) -> SignFuture<'a>;
}

impl<S: Signer + ?Sized> AsyncSigner for S {
    fn sign_async<'a>(
        &'a self,
        algorithm: &'a SignatureAlgorithm,
        hash: MessageHash,
        data: &'a [u8],
    ) -> SignFuture<'a> {
        // Lazy, as futures are: nothing is signed until the future is polled.
        Box::pin(async move { self.sign(algorithm, hash, data) })
    }
}

/// A borrowed, boxed or shared signer is a signer (and so `&dyn Signer`, `Box<dyn Signer>` and
/// `Arc<dyn Signer>` are, for code generic over `S: Signer`).
macro_rules! forward_signer {
    ($($signer:ty),* $(,)?) => {$(
        impl<S: SigningKey + ?Sized> SigningKey for $signer {
            fn public_key(&self) -> Result<PublicKey<'_>> {
                (**self).public_key()
            }
            fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
                (**self).supports(algorithm)
            }
        }
        impl<S: Signer + ?Sized> Signer for $signer {
            fn sign(
                &self,
                algorithm: &SignatureAlgorithm,
                hash: MessageHash,
                data: &[u8],
            ) -> Result<Vec<u8>> {
                (**self).sign(algorithm, hash, data)
            }
        }
    )*};
}

forward_signer!(&S, Box<S>, Arc<S>);

/// True for the RSA descriptors an RSA key can sign with: PKCS#1 v1.5 and PSS over the signature
/// hashes ([`HashSet::SIGNATURE`]), PSS with a salt length a signer can choose (not
/// [`SaltLength::Auto`], which only verifies).
#[cfg(feature = "rsa")]
fn rsa_signs(algorithm: &SignatureAlgorithm) -> bool {
    match *algorithm {
        SignatureAlgorithm::RsaPkcs1v15 { hash } => HashSet::SIGNATURE.contains(hash),
        SignatureAlgorithm::RsaPss {
            hash,
            mgf_hash,
            salt_length,
        } => {
            HashSet::SIGNATURE.contains(hash)
                && HashSet::SIGNATURE.contains(mgf_hash)
                && salt_length != SaltLength::Auto
        }
        _ => false,
    }
}

/// True for the ECDSA descriptors over the signature hashes ([`HashSet::SIGNATURE`]).
#[cfg(feature = "ec")]
fn ecdsa_signs(algorithm: &SignatureAlgorithm) -> bool {
    match *algorithm {
        SignatureAlgorithm::Ecdsa { hash } => HashSet::SIGNATURE.contains(hash),
        _ => false,
    }
}

/// True for the DSA descriptors over the hashes DSA signs with ([`HashSet::SIGNATURE`]).
#[cfg(feature = "dsa")]
fn dsa_signs(algorithm: &SignatureAlgorithm) -> bool {
    match *algorithm {
        SignatureAlgorithm::Dsa { hash } => HashSet::SIGNATURE.contains(hash),
        _ => false,
    }
}

/// Every DSA key is a signer (and so, by the forwarding impls, every `Box<dyn DsaPrivateKey>`).
#[cfg(feature = "dsa")]
impl SigningKey for dyn backend_dsa::DsaPrivateKey {
    fn public_key(&self) -> Result<PublicKey<'_>> {
        Ok(PublicKey::Dsa(backend_dsa::DsaPrivateKey::public_key(
            self,
        )?))
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        dsa_signs(algorithm)
    }
}

#[cfg(feature = "dsa")]
impl Signer for dyn backend_dsa::DsaPrivateKey {
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<Vec<u8>> {
        backend_dsa::DsaPrivateKey::sign(self, data, algorithm.dsa(hash)?)
    }
}

/// Every RSA key is a signer (and so, by the forwarding impls, every `Box<dyn RsaPrivateKey>`).
#[cfg(feature = "rsa")]
impl SigningKey for dyn RsaPrivateKey {
    fn public_key(&self) -> Result<PublicKey<'_>> {
        Ok(PublicKey::Rsa(RsaPrivateKey::public_key(self)?))
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        rsa_signs(algorithm)
    }
}

#[cfg(feature = "rsa")]
impl Signer for dyn RsaPrivateKey {
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<Vec<u8>> {
        algorithm.check(hash)?;
        RsaPrivateKey::sign(self, data, algorithm.rsa_padding()?, hash)
    }
}

/// Every EC key is a signer (and so, by the forwarding impls, every `Box<dyn EcPrivateKey>`).
#[cfg(feature = "ec")]
impl SigningKey for dyn EcPrivateKey {
    fn public_key(&self) -> Result<PublicKey<'_>> {
        Ok(PublicKey::from(EcPrivateKey::public_key(self)))
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        ecdsa_signs(algorithm)
    }
}

#[cfg(feature = "ec")]
impl Signer for dyn EcPrivateKey {
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<Vec<u8>> {
        let signature = EcPrivateKey::sign(self, data, algorithm.ecdsa(hash)?)?;
        Ok(signature.to_vec())
    }
}

/// A key of any family signs as its family's key does.
impl SigningKey for crate::PrivateKey {
    fn public_key(&self) -> Result<PublicKey<'_>> {
        crate::PrivateKey::public_key(self)
    }
    fn supports(&self, algorithm: &SignatureAlgorithm) -> bool {
        match *self {
            #[cfg(feature = "rsa")]
            crate::PrivateKey::Rsa(ref key) => SigningKey::supports(&**key, algorithm),
            #[cfg(feature = "ec")]
            crate::PrivateKey::Ec(ref key) => SigningKey::supports(&**key, algorithm),
            #[cfg(feature = "dsa")]
            crate::PrivateKey::Dsa(ref key) => SigningKey::supports(&**key, algorithm),
            #[cfg(feature = "dh")]
            crate::PrivateKey::Dh(_) => false,
        }
    }
}

impl Signer for crate::PrivateKey {
    fn sign(
        &self,
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
        data: &[u8],
    ) -> Result<Vec<u8>> {
        match *self {
            #[cfg(feature = "rsa")]
            crate::PrivateKey::Rsa(ref key) => Signer::sign(&**key, algorithm, hash, data),
            #[cfg(feature = "ec")]
            crate::PrivateKey::Ec(ref key) => Signer::sign(&**key, algorithm, hash, data),
            #[cfg(feature = "dsa")]
            crate::PrivateKey::Dsa(ref key) => Signer::sign(&**key, algorithm, hash, data),
            #[cfg(feature = "dh")]
            crate::PrivateKey::Dh(_) => Err(crate::key::DH_DOES_NOT_SIGN),
        }
    }
}

/// What [`sign_and_verify`] answers when a signer's signature does not verify under its own
/// public key: the signer is broken or misconfigured (a KMS key whose handle caches another key's
/// public half, a token that returns garbage). A [`Error::Device`], not an
/// [`Error::InvalidSignature`]: nobody handed the caller a bad signature to check; the signer
/// made one.
pub const SIGNATURE_DID_NOT_VERIFY: Error =
    Error::device("the signer's signature does not verify under its public key");

/// The checks before a signer is asked: the algorithm is one it supports, and `hash` is the
/// algorithm's.
fn before_signing(
    supported: bool,
    algorithm: &SignatureAlgorithm,
    hash: MessageHash,
) -> Result<()> {
    if !supported {
        return Err(Error::unsupported(
            Reason::SignatureAlgorithm,
            algorithm.name(),
        ));
    }
    algorithm.check(hash)
}

/// The check after: the signature verifies under the signer's claimed public key, or the caller
/// gets [`SIGNATURE_DID_NOT_VERIFY`] instead of the signature.
fn after_signing(
    public_key: &PublicKey<'_>,
    signature: Vec<u8>,
    algorithm: &SignatureAlgorithm,
    hash: MessageHash,
    data: &[u8],
) -> Result<Vec<u8>> {
    match public_key.verify(&signature, data, algorithm, hash) {
        Ok(()) => Ok(signature),
        Err(Error::InvalidSignature) => Err(SIGNATURE_DID_NOT_VERIFY),
        Err(other) => Err(other),
    }
}

/// Signs with `signer` and returns the signature only when it verifies under the signer's own
/// [`public_key`](SigningKey::public_key): the helper every builder of signed objects (X.509
/// certificates, CSRs, CRLs) signs through, so a misconfigured HSM or KMS key can never produce
/// a bad certificate.
///
/// Errors, in the order checked: [`Error::Unsupported`] (reason
/// [`Reason::SignatureAlgorithm`]) for an algorithm the signer does not
/// [`support`](SigningKey::supports), before it is asked anything; [`Error::InvalidArgument`] when
/// `hash` is not the algorithm's; the public key's and the signer's own errors; and
/// [`SIGNATURE_DID_NOT_VERIFY`] (an [`Error::Device`]) for a signature that does not verify.
pub fn sign_and_verify<S: Signer + ?Sized>(
    signer: &S,
    algorithm: &SignatureAlgorithm,
    hash: MessageHash,
    data: &[u8],
) -> Result<Vec<u8>> {
    before_signing(signer.supports(algorithm), algorithm, hash)?;
    // The public key first: a handle that cannot name its key has the device sign nothing.
    let public_key = signer.public_key()?;
    let signature = signer.sign(algorithm, hash, data)?;
    after_signing(&public_key, signature, algorithm, hash, data)
}

/// [`sign_and_verify`] for an [`AsyncSigner`]; the future is `Send` when the signer's is (always,
/// by [`SignFuture`]), and needs no particular runtime.
pub async fn sign_and_verify_async<S: AsyncSigner + ?Sized>(
    signer: &S,
    algorithm: &SignatureAlgorithm,
    hash: MessageHash,
    data: &[u8],
) -> Result<Vec<u8>> {
    before_signing(signer.supports(algorithm), algorithm, hash)?;
    let public_key = signer.public_key()?;
    let signature = signer.sign_async(algorithm, hash, data).await?;
    after_signing(&public_key, signature, algorithm, hash, data)
}

/// The digest a device that signs digests only is sent: `data` itself when `hash` says it is
/// already one (after checking its size: [`Error::InvalidArgument`] otherwise), else `data`
/// hashed on the host with the RustCrypto hashes. The one line a [`Signer`] for such a device
/// needs to accept both shapes.
#[cfg(feature = "rustcrypto")]
pub fn message_digest(hash: MessageHash, data: &[u8]) -> Result<Vec<u8>> {
    use backend_hash::HashBackend;
    match hash {
        MessageHash::Prehashed(algorithm) if data.len() != algorithm.digest_size() => Err(
            Error::InvalidArgument("prehashed digest length does not match the hash algorithm"),
        ),
        MessageHash::Prehashed(_) => Ok(data.to_vec()),
        MessageHash::Hash(algorithm) => {
            Ok(backend_core::RustCrypto.hash(algorithm, data)?.to_vec())
        }
    }
}
