//! Signature `AlgorithmIdentifier`s: the OID, the hash it names, and the key layer's
//! [`SignatureAlgorithm`] descriptor (RSA-PSS parameters read from the identifier).

use crate::der_util::{Tlv, Walker, bad, context, oid, single, small_uint};
use backend_core::{Error, HashAlgorithm, Reason, Result};
use backend_keys::SignatureAlgorithm;
use der::Tag;
use der::asn1::ObjectIdentifier;

const WHAT: &str = "X.509: malformed AlgorithmIdentifier";

/// A signature `AlgorithmIdentifier` as read: its OID and the encoding of its parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AlgId<'a> {
    pub oid: ObjectIdentifier,
    pub parameters: Option<Tlv<'a>>,
    pub full: &'a [u8],
}

impl PartialEq for Tlv<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.full == other.full
    }
}
impl Eq for Tlv<'_> {}
impl core::fmt::Debug for Tlv<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Tlv({:?}, {} bytes)", self.tag, self.full.len())
    }
}

pub(crate) fn alg_id<'a>(tlv: &Tlv<'a>) -> Result<AlgId<'a>> {
    let mut w = Walker::enter(tlv, Tag::Sequence, WHAT)?;
    let algorithm = oid(&w.next()?, WHAT)?;
    let parameters = if w.is_finished() {
        None
    } else {
        Some(w.next()?)
    };
    w.finish()?;
    Ok(AlgId {
        oid: algorithm,
        parameters,
        full: tlv.full,
    })
}

/// What a signature OID names.
enum Kind {
    RsaPkcs1v15(HashAlgorithm),
    RsaPss,
    Ecdsa(HashAlgorithm),
    Dsa(HashAlgorithm),
    /// EdDSA: no separate hash.
    Eddsa(&'static str),
    /// A known algorithm over a hash nobody implements (MD2, MD4).
    Obsolete(&'static str),
}

fn kind(oid: &ObjectIdentifier) -> Result<Kind> {
    use HashAlgorithm::*;
    use Kind::*;
    let bytes = oid.as_bytes();
    // 1.2.840.113549.1.1.x (PKCS#1)
    const PKCS1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01];
    // 1.2.840.10045.4 (ECDSA signatures)
    const X962_SIG: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04];
    // 2.16.840.1.101.3.4.3.x (NIST signature algorithms)
    const NIST_SIG: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03];
    Ok(match bytes {
        [p @ .., 2] if p == PKCS1 => Obsolete("md2WithRSAEncryption"),
        [p @ .., 3] if p == PKCS1 => Obsolete("md4WithRSAEncryption"),
        [p @ .., 4] if p == PKCS1 => RsaPkcs1v15(Md5),
        [p @ .., 5] if p == PKCS1 => RsaPkcs1v15(Sha1),
        [p @ .., 10] if p == PKCS1 => RsaPss,
        [p @ .., 11] if p == PKCS1 => RsaPkcs1v15(Sha256),
        [p @ .., 12] if p == PKCS1 => RsaPkcs1v15(Sha384),
        [p @ .., 13] if p == PKCS1 => RsaPkcs1v15(Sha512),
        [p @ .., 14] if p == PKCS1 => RsaPkcs1v15(Sha224),
        // 1.3.14.3.2.29 (OIW sha1WithRSASignature)
        [0x2b, 0x0e, 0x03, 0x02, 0x1d] => RsaPkcs1v15(Sha1),
        [p @ .., 1] if p == X962_SIG => Ecdsa(Sha1),
        [p @ .., 3, 1] if p == X962_SIG => Ecdsa(Sha224),
        [p @ .., 3, 2] if p == X962_SIG => Ecdsa(Sha256),
        [p @ .., 3, 3] if p == X962_SIG => Ecdsa(Sha384),
        [p @ .., 3, 4] if p == X962_SIG => Ecdsa(Sha512),
        // 1.2.840.10040.4.3 (dsa-with-sha1)
        [0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03] => Dsa(Sha1),
        [p @ .., 1] if p == NIST_SIG => Dsa(Sha224),
        [p @ .., 2] if p == NIST_SIG => Dsa(Sha256),
        [p @ .., 3] if p == NIST_SIG => Dsa(Sha384),
        [p @ .., 4] if p == NIST_SIG => Dsa(Sha512),
        [p @ .., 9] if p == NIST_SIG => Ecdsa(Sha3_224),
        [p @ .., 10] if p == NIST_SIG => Ecdsa(Sha3_256),
        [p @ .., 11] if p == NIST_SIG => Ecdsa(Sha3_384),
        [p @ .., 12] if p == NIST_SIG => Ecdsa(Sha3_512),
        [p @ .., 13] if p == NIST_SIG => RsaPkcs1v15(Sha3_224),
        [p @ .., 14] if p == NIST_SIG => RsaPkcs1v15(Sha3_256),
        [p @ .., 15] if p == NIST_SIG => RsaPkcs1v15(Sha3_384),
        [p @ .., 16] if p == NIST_SIG => RsaPkcs1v15(Sha3_512),
        [0x2b, 0x65, 0x70] => Eddsa("Ed25519"),
        [0x2b, 0x65, 0x71] => Eddsa("Ed448"),
        _ => {
            return Err(Error::unsupported(
                Reason::SignatureAlgorithm,
                "signature algorithm OID",
            ));
        }
    })
}

/// The hash of a digest `AlgorithmIdentifier` (parameters absent or NULL).
fn digest_alg(tlv: &Tlv<'_>) -> Result<HashAlgorithm> {
    let id = alg_id(tlv)?;
    if let Some(p) = id.parameters {
        if p.tag != Tag::Null || !p.value.is_empty() {
            return Err(bad("X.509: digest AlgorithmIdentifier with parameters"));
        }
    }
    // 1.3.14.3.2.26 (SHA-1), 2.16.840.1.101.3.4.2.x (SHA-2, SHA-3)
    const NIST_HASH: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02];
    Ok(match id.oid.as_bytes() {
        [0x2b, 0x0e, 0x03, 0x02, 0x1a] => HashAlgorithm::Sha1,
        [p @ .., 1] if p == NIST_HASH => HashAlgorithm::Sha256,
        [p @ .., 2] if p == NIST_HASH => HashAlgorithm::Sha384,
        [p @ .., 3] if p == NIST_HASH => HashAlgorithm::Sha512,
        [p @ .., 4] if p == NIST_HASH => HashAlgorithm::Sha224,
        [p @ .., 7] if p == NIST_HASH => HashAlgorithm::Sha3_224,
        [p @ .., 8] if p == NIST_HASH => HashAlgorithm::Sha3_256,
        [p @ .., 9] if p == NIST_HASH => HashAlgorithm::Sha3_384,
        [p @ .., 10] if p == NIST_HASH => HashAlgorithm::Sha3_512,
        _ => return Err(Error::unsupported(Reason::Hash, "digest algorithm OID")),
    })
}

/// RSASSA-PSS-params (RFC 4055): hash [0], MGF1 [1] with its hash, salt length [2], trailer [3]
/// (must be 1); absent fields take their defaults (SHA-1, MGF1-SHA-1, 20, 1).
struct PssParams {
    hash: HashAlgorithm,
    mgf_hash: HashAlgorithm,
    salt_length: u32,
}

fn pss_params(parameters: Option<&Tlv<'_>>) -> Result<PssParams> {
    const PSS: &str = "X.509: invalid RSA-PSS parameters";
    let tlv = parameters.ok_or(bad(PSS))?;
    let mut w = Walker::enter(tlv, Tag::Sequence, PSS)?;
    let mut out = PssParams {
        hash: HashAlgorithm::Sha1,
        mgf_hash: HashAlgorithm::Sha1,
        salt_length: 20,
    };
    if let Some(h) = w.optional(context(0, true))? {
        out.hash = digest_alg(&single(h.value, PSS)?)?;
    }
    if let Some(m) = w.optional(context(1, true))? {
        let mgf = alg_id(&single(m.value, PSS)?)?;
        // 1.2.840.113549.1.1.8 (id-mgf1): the only mask generation function there is.
        if mgf.oid.as_bytes() != [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08] {
            return Err(bad("X.509: RSA-PSS mask generation function is not MGF1"));
        }
        out.mgf_hash = digest_alg(mgf.parameters.as_ref().ok_or(bad(PSS))?)?;
    }
    if let Some(s) = w.optional(context(2, true))? {
        out.salt_length = small_uint(&single(s.value, PSS)?, PSS)?;
    }
    if let Some(t) = w.optional(context(3, true))? {
        if small_uint(&single(t.value, PSS)?, PSS)? != 1 {
            return Err(bad(PSS));
        }
    }
    w.finish()?;
    Ok(out)
}

impl AlgId<'_> {
    /// The message hash the algorithm names; `None` for EdDSA. Unknown algorithms and MD2 / MD4
    /// are [`Error::Unsupported`].
    pub fn hash(&self) -> Result<Option<HashAlgorithm>> {
        Ok(match kind(&self.oid)? {
            Kind::RsaPkcs1v15(h) | Kind::Ecdsa(h) | Kind::Dsa(h) => Some(h),
            Kind::RsaPss => Some(pss_params(self.parameters.as_ref())?.hash),
            Kind::Eddsa(_) => None,
            Kind::Obsolete(name) => return Err(Error::unsupported(Reason::Hash, name)),
        })
    }

    /// The key layer's descriptor, to verify with.
    pub fn descriptor(&self) -> Result<SignatureAlgorithm> {
        match kind(&self.oid)? {
            #[cfg(feature = "rsa")]
            Kind::RsaPkcs1v15(hash) => Ok(SignatureAlgorithm::RsaPkcs1v15 { hash }),
            #[cfg(feature = "rsa")]
            Kind::RsaPss => {
                let p = pss_params(self.parameters.as_ref())?;
                let salt = usize::try_from(p.salt_length).map_err(|_| bad("X.509: PSS salt"))?;
                Ok(SignatureAlgorithm::RsaPss {
                    hash: p.hash,
                    mgf_hash: p.mgf_hash,
                    salt_length: backend_rsa::SaltLength::Explicit(salt),
                })
            }
            #[cfg(not(feature = "rsa"))]
            Kind::RsaPkcs1v15(_) | Kind::RsaPss => Err(Error::unsupported(
                Reason::SignatureAlgorithm,
                "RSA (feature rsa off)",
            )),
            Kind::Ecdsa(hash) => Ok(SignatureAlgorithm::Ecdsa { hash }),
            Kind::Dsa(hash) => Ok(SignatureAlgorithm::Dsa { hash }),
            Kind::Eddsa(name) | Kind::Obsolete(name) => {
                Err(Error::unsupported(Reason::SignatureAlgorithm, name))
            }
        }
    }

    /// The RSA-PSS parameters as a descriptor, `None` for other algorithms (pyca's
    /// `signature_algorithm_parameters` for PSS).
    pub fn pss(&self) -> Result<Option<SignatureAlgorithm>> {
        match kind(&self.oid)? {
            Kind::RsaPss => self.descriptor().map(Some),
            _ => Ok(None),
        }
    }
}
