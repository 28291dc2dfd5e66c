//! [`SignatureAlgorithm`]: how a signature is made, one descriptor for every family.

use backend_core::{Error, HashAlgorithm, MessageHash, Result};
#[cfg(feature = "rsa")]
use backend_rsa::{AsymmetricPadding, Mgf, Pss, SaltLength};

/// The error of a descriptor used with a key of another family (an ECDSA algorithm given to an
/// RSA key): pyca/cryptography's `TypeError`.
#[cfg(any(feature = "rsa", feature = "ec", feature = "dsa"))]
pub(crate) const WRONG_FAMILY: Error =
    Error::InvalidArgument("signature algorithm is for another key type");

/// How a signature is made, across the public-key families: the scheme and its parameters, the
/// message hash included (an X.509 `AlgorithmIdentifier`, a KMS's `RSASSA_PSS_SHA_256`).
///
/// Whether the data handed to a signer is the message or its digest is not part of the
/// descriptor: that is the [`MessageHash`] beside it ([`SignatureAlgorithm::message`],
/// [`SignatureAlgorithm::prehashed`]), whose hash must be the descriptor's
/// ([`SignatureAlgorithm::check`]).
///
/// The RSA variants come with the feature `rsa`: PSS names `backend-rsa`'s [`SaltLength`], so a
/// salt length means the same thing here as in the family. ECDSA and DSA need nothing from their
/// families. `#[non_exhaustive]`: EdDSA (which names no hash) comes later.
///
/// ```
/// use backend_keys::{HashAlgorithm, MessageHash, SignatureAlgorithm};
///
/// let ecdsa = SignatureAlgorithm::Ecdsa { hash: HashAlgorithm::Sha384 };
/// assert_eq!(ecdsa.hash(), HashAlgorithm::Sha384);
/// assert_eq!(ecdsa.prehashed(), MessageHash::Prehashed(HashAlgorithm::Sha384));
/// assert!(ecdsa.check(MessageHash::Hash(HashAlgorithm::Sha256)).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureAlgorithm {
    /// RSASSA-PKCS1-v1_5 over `hash` (the DigestInfo names it).
    #[cfg(feature = "rsa")]
    #[doc(alias = "RSASSA-PKCS1-v1_5")]
    RsaPkcs1v15 {
        /// The message hash.
        hash: HashAlgorithm,
    },
    /// RSASSA-PSS over `hash`, MGF1 over `mgf_hash` (usually the same), with a salt length.
    /// [`SaltLength::Auto`] only verifies; signing with it is an [`Error::InvalidArgument`].
    #[cfg(feature = "rsa")]
    #[doc(alias = "RSASSA-PSS")]
    RsaPss {
        /// The message hash.
        hash: HashAlgorithm,
        /// The hash MGF1 runs.
        mgf_hash: HashAlgorithm,
        /// The salt length.
        salt_length: SaltLength,
    },
    /// ECDSA over `hash`, the signature DER-encoded (`SEQUENCE { r, s }`).
    Ecdsa {
        /// The message hash.
        hash: HashAlgorithm,
    },
    /// DSA over `hash`, the signature DER-encoded. No key family signs with it yet: every key
    /// and [`Signer`](crate::Signer) of this crate refuses it, until the DSA family lands.
    Dsa {
        /// The message hash.
        hash: HashAlgorithm,
    },
}

impl SignatureAlgorithm {
    /// RSA-PSS with MGF1 over the message hash too (the usual choice, and the only one most KMSs
    /// offer).
    #[cfg(feature = "rsa")]
    pub const fn rsa_pss(hash: HashAlgorithm, salt_length: SaltLength) -> Self {
        SignatureAlgorithm::RsaPss {
            hash,
            mgf_hash: hash,
            salt_length,
        }
    }

    /// The descriptor of an RSA family call: `padding` (PKCS#1 v1.5 or PSS) over `hash`.
    /// [`Error::InvalidArgument`] for OAEP, an encryption padding.
    #[cfg(feature = "rsa")]
    pub fn from_rsa(padding: &AsymmetricPadding<'_>, hash: HashAlgorithm) -> Result<Self> {
        match padding {
            AsymmetricPadding::Pkcs1v15 => Ok(SignatureAlgorithm::RsaPkcs1v15 { hash }),
            AsymmetricPadding::Pss(pss) => Ok(SignatureAlgorithm::RsaPss {
                hash,
                mgf_hash: pss.mgf.hash(),
                salt_length: pss.salt_length,
            }),
            _ => Err(Error::InvalidArgument("not a signature padding")),
        }
    }

    /// The message hash, whichever side computes it.
    pub const fn hash(&self) -> HashAlgorithm {
        match *self {
            #[cfg(feature = "rsa")]
            SignatureAlgorithm::RsaPkcs1v15 { hash } | SignatureAlgorithm::RsaPss { hash, .. } => {
                hash
            }
            SignatureAlgorithm::Ecdsa { hash } | SignatureAlgorithm::Dsa { hash } => hash,
        }
    }

    /// The scheme's name, for messages and [`Error::Unsupported`]: `"EMSA-PKCS1-v1_5"`,
    /// `"EMSA-PSS"` (pyca/cryptography's padding names), `"ECDSA"`, `"DSA"`.
    pub const fn name(&self) -> &'static str {
        match self {
            #[cfg(feature = "rsa")]
            SignatureAlgorithm::RsaPkcs1v15 { .. } => "EMSA-PKCS1-v1_5",
            #[cfg(feature = "rsa")]
            SignatureAlgorithm::RsaPss { .. } => "EMSA-PSS",
            SignatureAlgorithm::Ecdsa { .. } => "ECDSA",
            SignatureAlgorithm::Dsa { .. } => "DSA",
        }
    }

    /// The data is the message: the signer hashes it with [`SignatureAlgorithm::hash`].
    pub const fn message(&self) -> MessageHash {
        MessageHash::Hash(self.hash())
    }

    /// The data is the digest the caller computed with [`SignatureAlgorithm::hash`] (the prehash
    /// shape: a device signs a digest the library computed).
    pub const fn prehashed(&self) -> MessageHash {
        MessageHash::Prehashed(self.hash())
    }

    /// Checks that `hash` names this descriptor's hash; [`Error::InvalidArgument`] otherwise
    /// (signing SHA-256 data under a SHA-384 algorithm identifier would produce a signature no
    /// verifier of the identifier accepts).
    pub fn check(&self, hash: MessageHash) -> Result<()> {
        if hash.algorithm() == self.hash() {
            Ok(())
        } else {
            Err(Error::InvalidArgument(
                "the message hash is not the signature algorithm's hash",
            ))
        }
    }

    /// The RSA family's padding for this descriptor; [`Error::InvalidArgument`] for a descriptor
    /// of another family.
    #[cfg(feature = "rsa")]
    pub const fn rsa_padding(&self) -> Result<AsymmetricPadding<'static>> {
        match *self {
            SignatureAlgorithm::RsaPkcs1v15 { .. } => Ok(AsymmetricPadding::Pkcs1v15),
            SignatureAlgorithm::RsaPss {
                mgf_hash,
                salt_length,
                ..
            } => Ok(AsymmetricPadding::Pss(Pss {
                mgf: Mgf::Mgf1(mgf_hash),
                salt_length,
            })),
            _ => Err(WRONG_FAMILY),
        }
    }

    /// The EC family's descriptor for this one and `hash` (message or digest), after
    /// [`SignatureAlgorithm::check`]; [`Error::InvalidArgument`] for a descriptor of another
    /// family. The nonce is random (hedged), pyca/cryptography's default.
    #[cfg(feature = "ec")]
    pub fn ecdsa(&self, hash: MessageHash) -> Result<backend_ec::Ecdsa> {
        match self {
            SignatureAlgorithm::Ecdsa { .. } => {
                self.check(hash)?;
                Ok(backend_ec::Ecdsa::new(hash))
            }
            _ => Err(WRONG_FAMILY),
        }
    }
}

impl SignatureAlgorithm {
    /// The message hash a DSA key signs or verifies with for this descriptor: `hash` itself,
    /// checked to be this descriptor's ([`SignatureAlgorithm::check`]); another family's
    /// descriptor is an [`Error::InvalidArgument`].
    #[cfg(feature = "dsa")]
    pub fn dsa(&self, hash: MessageHash) -> Result<MessageHash> {
        match self {
            SignatureAlgorithm::Dsa { .. } => {
                self.check(hash)?;
                Ok(hash)
            }
            #[allow(unreachable_patterns)]
            _ => Err(WRONG_FAMILY),
        }
    }
}

#[cfg(feature = "ec")]
impl From<backend_ec::Ecdsa> for SignatureAlgorithm {
    /// The descriptor of an EC family call (its nonce choice is a signing detail, not part of the
    /// algorithm a verifier sees).
    fn from(ecdsa: backend_ec::Ecdsa) -> Self {
        SignatureAlgorithm::Ecdsa {
            hash: ecdsa.algorithm(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_hash_must_be_the_descriptors() {
        let ecdsa = SignatureAlgorithm::Ecdsa {
            hash: HashAlgorithm::Sha256,
        };
        assert_eq!(ecdsa.check(ecdsa.message()), Ok(()));
        assert_eq!(ecdsa.check(ecdsa.prehashed()), Ok(()));
        assert!(matches!(
            ecdsa.check(MessageHash::Prehashed(HashAlgorithm::Sha512)),
            Err(Error::InvalidArgument(_))
        ));
    }

    #[cfg(feature = "rsa")]
    #[test]
    fn rsa_descriptors_round_trip_through_the_family_padding() {
        let pss = SignatureAlgorithm::RsaPss {
            hash: HashAlgorithm::Sha256,
            mgf_hash: HashAlgorithm::Sha1,
            salt_length: SaltLength::Explicit(20),
        };
        let padding = pss.rsa_padding().unwrap();
        assert_eq!(
            padding,
            AsymmetricPadding::Pss(Pss {
                mgf: Mgf::Mgf1(HashAlgorithm::Sha1),
                salt_length: SaltLength::Explicit(20),
            })
        );
        assert_eq!(
            SignatureAlgorithm::from_rsa(&padding, HashAlgorithm::Sha256),
            Ok(pss)
        );
        let pkcs1 = SignatureAlgorithm::RsaPkcs1v15 {
            hash: HashAlgorithm::Sha384,
        };
        assert_eq!(pkcs1.rsa_padding(), Ok(AsymmetricPadding::Pkcs1v15));
        assert_eq!(pkcs1.name(), "EMSA-PKCS1-v1_5");
        assert_eq!(pss.name(), "EMSA-PSS");
        assert!(matches!(
            SignatureAlgorithm::from_rsa(
                &AsymmetricPadding::oaep(HashAlgorithm::Sha256, b""),
                HashAlgorithm::Sha256
            ),
            Err(Error::InvalidArgument(_))
        ));
        let ecdsa = SignatureAlgorithm::Ecdsa {
            hash: HashAlgorithm::Sha256,
        };
        assert_eq!(ecdsa.rsa_padding(), Err(WRONG_FAMILY));
    }

    #[cfg(feature = "ec")]
    #[test]
    fn ecdsa_descriptors_map_to_the_family_descriptor() {
        let ecdsa = SignatureAlgorithm::Ecdsa {
            hash: HashAlgorithm::Sha384,
        };
        let family = ecdsa.ecdsa(ecdsa.prehashed()).unwrap();
        assert_eq!(family.hash, MessageHash::Prehashed(HashAlgorithm::Sha384));
        assert!(!family.deterministic_signing);
        assert_eq!(SignatureAlgorithm::from(family), ecdsa);
        assert!(matches!(
            ecdsa.ecdsa(MessageHash::Hash(HashAlgorithm::Sha256)),
            Err(Error::InvalidArgument(_))
        ));
        let dsa = SignatureAlgorithm::Dsa {
            hash: HashAlgorithm::Sha256,
        };
        assert_eq!(dsa.ecdsa(dsa.message()), Err(WRONG_FAMILY));
    }
}
