//! Padding descriptors: pyca/cryptography's `AsymmetricPadding` instances as typed values.

use backend_core::HashAlgorithm;
use backend_core::capability::PaddingKind;

/// A mask generation function (pyca/cryptography's `MGF1`).
#[doc(alias = "MGF1")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Mgf {
    /// MGF1 (RFC 8017 B.2.1) over a hash, which may differ from the message hash.
    Mgf1(HashAlgorithm),
}

impl Mgf {
    /// The hash the mask generation function runs.
    pub const fn hash(self) -> HashAlgorithm {
        match self {
            Mgf::Mgf1(hash) => hash,
        }
    }
}

/// The salt length of a PSS signature (pyca/cryptography's `PSS.salt_length` and its constants).
///
/// An [`Explicit`](SaltLength::Explicit) length may come from an X.509 algorithm identifier, so
/// from an attacker: any value is safe. One that cannot fit the key is an
/// [`Error::InvalidSignature`](crate::Error::InvalidSignature) when verifying and an
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) when signing.
#[doc(alias = "salt_length")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SaltLength {
    /// Exactly this many bytes.
    Explicit(usize),
    /// As long as the message digest (`PSS.DIGEST_LENGTH`).
    DigestLength,
    /// As long as the key allows: `emLen - hLen - 2` (`PSS.MAX_LENGTH`).
    Maximum,
    /// Whatever the signature holds (`PSS.AUTO`): verification only; signing with it is an
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument).
    Auto,
}

/// RSASSA-PSS parameters (RFC 8017 §8.1).
#[doc(alias = "RSASSA-PSS")]
#[doc(alias = "EMSA-PSS")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pss {
    /// The mask generation function.
    pub mgf: Mgf,
    /// The salt length.
    pub salt_length: SaltLength,
}

/// RSAES-OAEP parameters (RFC 8017 §7.1). The label is borrowed: the descriptor is an argument.
#[doc(alias = "RSAES-OAEP")]
#[doc(alias = "EME-OAEP")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Oaep<'l> {
    /// The mask generation function.
    pub mgf: Mgf,
    /// The hash of the label (`hLen` in RFC 8017).
    pub hash: HashAlgorithm,
    /// The label; empty is pyca/cryptography's `label=None`.
    pub label: &'l [u8],
}

/// An RSA padding scheme (pyca/cryptography's `AsymmetricPadding`).
///
/// PKCS#1 v1.5 serves both signatures and encryption; PSS only signatures; OAEP only encryption.
/// Using one where it does not apply is an [`Error::InvalidArgument`](crate::Error::InvalidArgument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AsymmetricPadding<'l> {
    /// RSASSA-PKCS1-v1_5 / RSAES-PKCS1-v1_5.
    #[doc(alias = "PKCS1")]
    #[doc(alias = "PKCS#1")]
    #[doc(alias = "RSASSA-PKCS1-v1_5")]
    #[doc(alias = "RSAES-PKCS1-v1_5")]
    #[doc(alias = "EMSA-PKCS1-v1_5")]
    Pkcs1v15,
    /// RSASSA-PSS.
    #[doc(alias = "RSASSA-PSS")]
    Pss(Pss),
    /// RSAES-OAEP.
    #[doc(alias = "RSAES-OAEP")]
    Oaep(Oaep<'l>),
}

impl<'l> AsymmetricPadding<'l> {
    /// PSS with MGF1 over `hash` and the given salt length.
    pub const fn pss(hash: HashAlgorithm, salt_length: SaltLength) -> Self {
        AsymmetricPadding::Pss(Pss {
            mgf: Mgf::Mgf1(hash),
            salt_length,
        })
    }

    /// OAEP with MGF1 and the label hash both `hash`, and `label`.
    pub const fn oaep(hash: HashAlgorithm, label: &'l [u8]) -> Self {
        AsymmetricPadding::Oaep(Oaep {
            mgf: Mgf::Mgf1(hash),
            hash,
            label,
        })
    }

    /// pyca/cryptography's name: `"EMSA-PKCS1-v1_5"`, `"EMSA-PSS"`, `"EME-OAEP"`.
    pub const fn name(&self) -> &'static str {
        match self {
            AsymmetricPadding::Pkcs1v15 => "EMSA-PKCS1-v1_5",
            AsymmetricPadding::Pss(_) => "EMSA-PSS",
            AsymmetricPadding::Oaep(_) => "EME-OAEP",
        }
    }

    /// The kind, without parameters (what the capability rows name).
    pub const fn kind(&self) -> PaddingKind {
        match self {
            AsymmetricPadding::Pkcs1v15 => PaddingKind::Pkcs1v15,
            AsymmetricPadding::Pss(_) => PaddingKind::Pss,
            AsymmetricPadding::Oaep(_) => PaddingKind::Oaep,
        }
    }

    /// The hashes the padding itself names (MGF1's, OAEP's label hash); PKCS#1 v1.5 names none.
    pub fn hashes(&self) -> impl Iterator<Item = HashAlgorithm> {
        let (first, second) = match self {
            AsymmetricPadding::Pkcs1v15 => (None, None),
            AsymmetricPadding::Pss(pss) => (Some(pss.mgf.hash()), None),
            AsymmetricPadding::Oaep(oaep) => (Some(oaep.mgf.hash()), Some(oaep.hash)),
        };
        first.into_iter().chain(second)
    }
}
