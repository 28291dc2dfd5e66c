//! [`PrivateKey`] and [`PublicKey`]: one type for a key of any family.

use crate::SignatureAlgorithm;
use alloc::boxed::Box;
use backend_core::{MessageHash, Result};
#[cfg(feature = "dh")]
use backend_dh::{DhPrivateKey, DhPrivateNumbers, DhPublicKey};
#[cfg(feature = "ec")]
use backend_ec::{EcPrivateKey, EcPublicKey};
#[cfg(feature = "rsa")]
use backend_rsa::{RsaPrivateKey, RsaPublicKey};
use core::fmt;
use zeroize::Zeroizing;

#[cfg(feature = "dsa")]
use backend_dsa::{DsaPrivateKey, DsaPrivateNumbers, DsaPublicKey};
#[cfg(feature = "ec")]
use backend_ec::EcPrivateNumbers;
#[cfg(feature = "rsa")]
use backend_rsa::RsaPrivateNumbers;

/// A private key of any family, as the PEM / DER loaders will return it and an X.509 builder
/// signs with it (it is a [`Signer`](crate::Signer)). Each variant holds the family's key object,
/// which carries the provider (RustCrypto, a token, a KMS) that made or loaded it.
///
/// `#[non_exhaustive]`: DSA and DH keys come later; the variants present follow the features
/// `rsa` and `ec`.
#[non_exhaustive]
pub enum PrivateKey {
    /// An RSA key.
    #[cfg(feature = "rsa")]
    Rsa(Box<dyn RsaPrivateKey>),
    /// An elliptic-curve key.
    #[cfg(feature = "ec")]
    Ec(Box<dyn EcPrivateKey>),
    /// A DSA key.
    #[cfg(feature = "dsa")]
    Dsa(Box<dyn DsaPrivateKey>),
    /// A finite-field Diffie-Hellman key: it exchanges, it does not sign.
    #[cfg(feature = "dh")]
    Dh(Box<dyn DhPrivateKey>),
}

/// A public key of any family: what a certificate's `subjectPublicKeyInfo` is read into, and what
/// a [`Signer`](crate::Signer) claims its signatures verify under.
///
/// The lifetime lets a key lend its public half without copying it (an EC key holds its public
/// key and hands out a reference; a device handle caches one): `PublicKey<'static>` owns its key.
#[non_exhaustive]
pub enum PublicKey<'k> {
    /// An RSA key.
    #[cfg(feature = "rsa")]
    Rsa(Box<dyn RsaPublicKey + 'k>),
    /// An elliptic-curve key.
    #[cfg(feature = "ec")]
    Ec(Box<dyn EcPublicKey + 'k>),
    /// A DSA public key.
    #[cfg(feature = "dsa")]
    Dsa(Box<dyn DsaPublicKey + 'k>),
    /// A finite-field Diffie-Hellman key.
    #[cfg(feature = "dh")]
    Dh(Box<dyn DhPublicKey + 'k>),
}

/// A private key's material, of any family, as [`PrivateKey::private_bytes`] hands it to a
/// [`PrivateKeyEncoder`].
#[non_exhaustive]
pub enum PrivateNumbers<'k> {
    /// An RSA key's numbers.
    #[cfg(feature = "rsa")]
    Rsa(&'k RsaPrivateNumbers),
    /// An elliptic-curve key's numbers.
    #[cfg(feature = "ec")]
    Ec(&'k EcPrivateNumbers),
    /// A DSA key's numbers.
    #[cfg(feature = "dsa")]
    Dsa(&'k DsaPrivateNumbers),
    /// A Diffie-Hellman key's numbers.
    #[cfg(feature = "dh")]
    Dh(&'k DhPrivateNumbers),
}

/// The one hook through which private keys of every family are written out (pyca/cryptography's
/// `private_bytes(encoding, format, encryption)`): the serialization family implements it and
/// chooses encoding, format and encryption; [`PrivateKey::private_bytes`] calls it with the key's
/// numbers. A key that cannot leave its device never reaches the encoder: its `private_numbers`
/// answers [`Error::KeyNotExportable`](backend_core::Error::KeyNotExportable).
pub trait PrivateKeyEncoder {
    /// The encoded key (zeroized on drop: it may hold the private key in the clear).
    fn encode(&self, numbers: PrivateNumbers<'_>) -> Result<Zeroizing<alloc::vec::Vec<u8>>>;
}

impl PrivateKey {
    /// Writes the key through `encoder`; [`Error::KeyNotExportable`](backend_core::Error::KeyNotExportable)
    /// for a key whose material cannot leave its device (HSM, token, KMS).
    pub fn private_bytes(
        &self,
        encoder: &dyn PrivateKeyEncoder,
    ) -> Result<Zeroizing<alloc::vec::Vec<u8>>> {
        match *self {
            #[cfg(feature = "rsa")]
            PrivateKey::Rsa(ref key) => {
                encoder.encode(PrivateNumbers::Rsa(&key.private_numbers()?))
            }
            #[cfg(feature = "ec")]
            PrivateKey::Ec(ref key) => encoder.encode(PrivateNumbers::Ec(&key.private_numbers()?)),
            #[cfg(feature = "dsa")]
            PrivateKey::Dsa(ref key) => {
                encoder.encode(PrivateNumbers::Dsa(&key.private_numbers()?))
            }
            #[cfg(feature = "dh")]
            PrivateKey::Dh(ref key) => encoder.encode(PrivateNumbers::Dh(&key.private_numbers()?)),
        }
    }

    /// The key size in bits: the RSA modulus, the curve's size.
    pub fn key_size(&self) -> usize {
        match *self {
            #[cfg(feature = "rsa")]
            PrivateKey::Rsa(ref key) => key.key_size(),
            #[cfg(feature = "ec")]
            PrivateKey::Ec(ref key) => key.key_size(),
            #[cfg(feature = "dsa")]
            PrivateKey::Dsa(ref key) => key.key_size(),
            #[cfg(feature = "dh")]
            PrivateKey::Dh(ref key) => key.key_size(),
        }
    }

    /// The matching public key: the RSA family's own (a device key may fetch it, hence the
    /// `Result`), or the EC key's, lent.
    pub fn public_key(&self) -> Result<PublicKey<'_>> {
        match *self {
            #[cfg(feature = "rsa")]
            PrivateKey::Rsa(ref key) => Ok(PublicKey::Rsa(key.public_key()?)),
            #[cfg(feature = "ec")]
            PrivateKey::Ec(ref key) => Ok(PublicKey::from(key.public_key())),
            #[cfg(feature = "dsa")]
            PrivateKey::Dsa(ref key) => Ok(PublicKey::Dsa(key.public_key()?)),
            #[cfg(feature = "dh")]
            PrivateKey::Dh(ref key) => Ok(PublicKey::Dh(key.public_key()?)),
        }
    }

    /// The RSA key, when this is one.
    #[cfg(feature = "rsa")]
    pub fn as_rsa(&self) -> Option<&dyn RsaPrivateKey> {
        match *self {
            PrivateKey::Rsa(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The elliptic-curve key, when this is one.
    #[cfg(feature = "ec")]
    pub fn as_ec(&self) -> Option<&dyn EcPrivateKey> {
        match *self {
            PrivateKey::Ec(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The DSA key, if this is one.
    #[cfg(feature = "dsa")]
    pub fn as_dsa(&self) -> Option<&dyn DsaPrivateKey> {
        match *self {
            PrivateKey::Dsa(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The Diffie-Hellman key, when this is one.
    #[cfg(feature = "dh")]
    pub fn as_dh(&self) -> Option<&dyn DhPrivateKey> {
        match *self {
            PrivateKey::Dh(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
}

impl<'k> PublicKey<'k> {
    /// The key size in bits: the RSA modulus, the curve's size.
    pub fn key_size(&self) -> usize {
        match *self {
            #[cfg(feature = "rsa")]
            PublicKey::Rsa(ref key) => key.key_size(),
            #[cfg(feature = "ec")]
            PublicKey::Ec(ref key) => key.key_size(),
            #[cfg(feature = "dsa")]
            PublicKey::Dsa(ref key) => key.key_size(),
            #[cfg(feature = "dh")]
            PublicKey::Dh(ref key) => key.key_size(),
        }
    }

    /// This key, lent: how a signer handle that caches its `PublicKey<'static>` answers
    /// [`SigningKey::public_key`](crate::SigningKey::public_key) without copying it.
    pub fn by_ref(&self) -> PublicKey<'_> {
        match *self {
            #[cfg(feature = "rsa")]
            PublicKey::Rsa(ref key) => PublicKey::Rsa(Box::new(Lent(&**key))),
            #[cfg(feature = "ec")]
            PublicKey::Ec(ref key) => PublicKey::Ec(Box::new(&**key)),
            #[cfg(feature = "dsa")]
            PublicKey::Dsa(ref key) => PublicKey::Dsa(Box::new(LentDsa(&**key))),
            #[cfg(feature = "dh")]
            PublicKey::Dh(ref key) => PublicKey::Dh(Box::new(LentDh(&**key))),
        }
    }

    /// Checks `signature` over `data` made with `algorithm`; `hash` says whether `data` is the
    /// message or its digest, as when signing ([`SignatureAlgorithm::check`] first).
    /// [`Error::InvalidSignature`](crate::Error::InvalidSignature) when it does not verify,
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for an algorithm of another
    /// family (ECDSA with an RSA key) or a digest of the wrong size.
    pub fn verify(
        &self,
        signature: &[u8],
        data: &[u8],
        algorithm: &SignatureAlgorithm,
        hash: MessageHash,
    ) -> Result<()> {
        algorithm.check(hash)?;
        // With `dh` alone no arm reads the signature or the data.
        let _ = (signature, data);
        match *self {
            #[cfg(feature = "rsa")]
            PublicKey::Rsa(ref key) => key.verify(signature, data, algorithm.rsa_padding()?, hash),
            #[cfg(feature = "ec")]
            PublicKey::Ec(ref key) => key.verify(signature, data, algorithm.ecdsa(hash)?),
            #[cfg(feature = "dsa")]
            PublicKey::Dsa(ref key) => key.verify(signature, data, algorithm.dsa(hash)?),
            #[cfg(feature = "dh")]
            PublicKey::Dh(_) => Err(DH_DOES_NOT_SIGN),
        }
    }

    /// The RSA key, when this is one.
    #[cfg(feature = "rsa")]
    pub fn as_rsa(&self) -> Option<&(dyn RsaPublicKey + 'k)> {
        match *self {
            PublicKey::Rsa(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The elliptic-curve key, when this is one.
    #[cfg(feature = "ec")]
    pub fn as_ec(&self) -> Option<&(dyn EcPublicKey + 'k)> {
        match *self {
            PublicKey::Ec(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The Diffie-Hellman key, when this is one.
    #[cfg(feature = "dh")]
    pub fn as_dh(&self) -> Option<&(dyn DhPublicKey + 'k)> {
        match *self {
            PublicKey::Dh(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// The DSA public key, if this is one.
    #[cfg(feature = "dsa")]
    pub fn as_dsa(&self) -> Option<&(dyn DsaPublicKey + 'k)> {
        match *self {
            PublicKey::Dsa(ref key) => Some(&**key),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
}

#[cfg(feature = "dsa")]
impl From<Box<dyn DsaPrivateKey>> for PrivateKey {
    fn from(key: Box<dyn DsaPrivateKey>) -> Self {
        PrivateKey::Dsa(key)
    }
}

#[cfg(feature = "dsa")]
impl<'k> From<Box<dyn DsaPublicKey + 'k>> for PublicKey<'k> {
    fn from(key: Box<dyn DsaPublicKey + 'k>) -> Self {
        PublicKey::Dsa(key)
    }
}

/// A borrowed DSA public key as a boxed one (for [`PublicKey::by_ref`]).
#[cfg(feature = "dsa")]
struct LentDsa<'k>(&'k (dyn DsaPublicKey + 'k));

#[cfg(feature = "dsa")]
impl DsaPublicKey for LentDsa<'_> {
    fn key_size(&self) -> usize {
        self.0.key_size()
    }
    fn verify(&self, signature: &[u8], data: &[u8], algorithm: MessageHash) -> Result<()> {
        self.0.verify(signature, data, algorithm)
    }
    fn public_numbers(&self) -> backend_dsa::DsaPublicNumbers {
        self.0.public_numbers()
    }
    fn parameters(&self) -> Result<Box<dyn backend_dsa::DsaParameters>> {
        self.0.parameters()
    }
}

#[cfg(feature = "rsa")]
impl From<Box<dyn RsaPrivateKey>> for PrivateKey {
    fn from(key: Box<dyn RsaPrivateKey>) -> Self {
        PrivateKey::Rsa(key)
    }
}

#[cfg(feature = "ec")]
impl From<Box<dyn EcPrivateKey>> for PrivateKey {
    fn from(key: Box<dyn EcPrivateKey>) -> Self {
        PrivateKey::Ec(key)
    }
}

#[cfg(feature = "rsa")]
impl<'k> From<Box<dyn RsaPublicKey + 'k>> for PublicKey<'k> {
    fn from(key: Box<dyn RsaPublicKey + 'k>) -> Self {
        PublicKey::Rsa(key)
    }
}

#[cfg(feature = "ec")]
impl<'k> From<Box<dyn EcPublicKey + 'k>> for PublicKey<'k> {
    fn from(key: Box<dyn EcPublicKey + 'k>) -> Self {
        PublicKey::Ec(key)
    }
}

#[cfg(feature = "ec")]
impl<'k> From<&'k dyn EcPublicKey> for PublicKey<'k> {
    /// Lends the key: the box holds only the reference (the EC family implements
    /// [`EcPublicKey`] for every `&K`).
    fn from(key: &'k dyn EcPublicKey) -> Self {
        PublicKey::Ec(Box::new(key))
    }
}

#[cfg(feature = "rsa")]
impl<'k> From<&'k dyn RsaPublicKey> for PublicKey<'k> {
    /// Lends the key (a device handle that caches its public key returns it this way).
    fn from(key: &'k dyn RsaPublicKey) -> Self {
        PublicKey::Rsa(Box::new(Lent(key)))
    }
}

/// A lent RSA public key is one (the RSA family implements its key traits for `Box<K>` only).
#[cfg(feature = "rsa")]
struct Lent<'k>(&'k (dyn RsaPublicKey + 'k));

#[cfg(feature = "rsa")]
impl RsaPublicKey for Lent<'_> {
    fn key_size(&self) -> usize {
        self.0.key_size()
    }
    fn verify(
        &self,
        signature: &[u8],
        data: &[u8],
        padding: backend_rsa::AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<()> {
        self.0.verify(signature, data, padding, algorithm)
    }
    fn encrypt(
        &self,
        plaintext: &[u8],
        padding: backend_rsa::AsymmetricPadding<'_>,
    ) -> Result<alloc::vec::Vec<u8>> {
        self.0.encrypt(plaintext, padding)
    }
    fn recover_data_from_signature(
        &self,
        signature: &[u8],
        padding: backend_rsa::AsymmetricPadding<'_>,
        algorithm: Option<backend_core::HashAlgorithm>,
    ) -> Result<alloc::vec::Vec<u8>> {
        self.0
            .recover_data_from_signature(signature, padding, algorithm)
    }
    fn public_numbers(&self) -> backend_rsa::RsaPublicNumbers {
        self.0.public_numbers()
    }
}

/// The family and size only: key material stays out of logs.
impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            #[cfg(feature = "rsa")]
            PrivateKey::Rsa(ref key) => write!(f, "PrivateKey::Rsa({} bits)", key.key_size()),
            #[cfg(feature = "ec")]
            PrivateKey::Ec(ref key) => write!(f, "PrivateKey::Ec({:?})", key.curve()),
            #[cfg(feature = "dsa")]
            PrivateKey::Dsa(ref key) => write!(f, "PrivateKey::Dsa({} bits)", key.key_size()),
            #[cfg(feature = "dh")]
            PrivateKey::Dh(ref key) => write!(f, "PrivateKey::Dh({} bits)", key.key_size()),
        }
    }
}

/// The family and size (or curve).
impl fmt::Debug for PublicKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            #[cfg(feature = "rsa")]
            PublicKey::Rsa(ref key) => write!(f, "PublicKey::Rsa({} bits)", key.key_size()),
            #[cfg(feature = "ec")]
            PublicKey::Ec(ref key) => write!(f, "PublicKey::Ec({:?})", key.curve()),
            #[cfg(feature = "dsa")]
            PublicKey::Dsa(ref key) => write!(f, "PublicKey::Dsa({} bits)", key.key_size()),
            #[cfg(feature = "dh")]
            PublicKey::Dh(ref key) => write!(f, "PublicKey::Dh({} bits)", key.key_size()),
        }
    }
}

/// What a DH key answers when asked to sign or verify: it is a key-exchange key (pyca/cryptography
/// has no `sign` on `DHPrivateKey`).
#[cfg(feature = "dh")]
pub const DH_DOES_NOT_SIGN: backend_core::Error = backend_core::Error::unsupported(
    backend_core::Reason::SignatureAlgorithm,
    "Diffie-Hellman keys exchange, they do not sign",
);

#[cfg(feature = "dh")]
impl From<Box<dyn DhPrivateKey>> for PrivateKey {
    fn from(key: Box<dyn DhPrivateKey>) -> Self {
        PrivateKey::Dh(key)
    }
}

#[cfg(feature = "dh")]
impl<'k> From<Box<dyn DhPublicKey + 'k>> for PublicKey<'k> {
    fn from(key: Box<dyn DhPublicKey + 'k>) -> Self {
        PublicKey::Dh(key)
    }
}

/// A lent DH public key is one (the DH family implements its key traits for `Box<K>` only).
#[cfg(feature = "dh")]
struct LentDh<'k>(&'k (dyn DhPublicKey + 'k));

#[cfg(feature = "dh")]
impl DhPublicKey for LentDh<'_> {
    fn key_size(&self) -> usize {
        self.0.key_size()
    }
    fn public_numbers(&self) -> backend_dh::DhPublicNumbers {
        self.0.public_numbers()
    }
    fn parameters(&self) -> Result<Box<dyn backend_dh::DhParameters>> {
        self.0.parameters()
    }
}
