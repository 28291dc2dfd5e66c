//! X.509 certificates, certificate signing requests and CRLs: pyca/cryptography's
//! `X509Backend` loaders and the accessors of the objects they return.
//!
//! Parsing walks the DER with the `der` crate and reads extension lists through `x509-cert`;
//! objects keep their DER and read each field when asked, as pyca's do, so a field pyca fails on
//! lazily (a name value that is not UTF-8, a duplicate extension, an unknown signature hash) fails
//! on the same accessor here with a typed [`Error`](backend_core::Error), never at load and never
//! with a panic. Times are parsed here (RFC 5280: `UTCTime` 1950-2049, `GeneralizedTime`, seconds
//! and `Z` required) because `der`'s `DateTime` starts in 1970.
//!
//! Public keys are built through the provider's loaders ([`KeySource`], as in
//! `backend-serialization`), so a certificate loaded through a provider yields that provider's
//! key; signatures are checked through the key layer's [`PublicKey::verify`]
//! (RSA PKCS#1 v1.5, RSA-PSS with its parameters from the identifier, ECDSA, DSA).
//!
//! ```
//! use backend_core::{HashAlgorithm, RustCrypto};
//! use backend_x509::X509Backend;
//!
//! // A P-256 CA certificate made by `openssl req -x509`.
//! let pem = include_bytes!("../tests/data/p256_ca.pem");
//! let cert = RustCrypto.load_pem_x509_certificate(pem)?;
//! assert_eq!(cert.subject()?.rfc4514_string(), "CN=cryptography.io,O=Example\\, Inc.,C=US");
//! assert_eq!(cert.signature_hash_algorithm()?, Some(HashAlgorithm::Sha256));
//! assert_eq!(cert.public_key()?.key_size(), 256);
//! cert.verify_directly_issued_by(&cert)?;
//! # Ok::<(), backend_core::Error>(())
//! ```
// Certificates need a signature family (`rsa`, `ec` or `dsa`): without one the crate is empty (it
// still builds, as `cargo xtask ci` checks with `--no-default-features`).
#![cfg(any(feature = "rsa", feature = "ec", feature = "dsa"))]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

extern crate alloc;

mod der_util;
mod name;
mod objects;
mod pem;
mod sigalg;
mod time;

pub use backend_keys::PublicKey;
pub use backend_serialization::{Encoding, KeyLoaders, KeySource};
pub use der::asn1::ObjectIdentifier;
pub use name::{Asn1Type, Name, NameAttribute, NameValue, Rdn};
pub use objects::{
    Attribute, Certificate, CertificateRevocationList, CertificateSigningRequest, Extension,
    Extensions, ReasonFlags, RevokedCertificate, SerialNumber, Version,
};
pub use time::{Time, TimeKind};

use alloc::vec::Vec;
use backend_core::Result;

/// The PEM labels of a certificate (`X509 CERTIFICATE` is the old OpenSSL one).
const CERTIFICATE_LABELS: [&str; 3] = ["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"];
/// The PEM labels of a CSR (`NEW CERTIFICATE REQUEST` is the old Netscape / OpenSSL one).
const CSR_LABELS: [&str; 2] = ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];
/// The PEM label of a CRL.
const CRL_LABELS: [&str; 1] = ["X509 CRL"];

/// `load_der_x509_certificate(data)`: public keys will be built through `loaders`.
pub fn load_der_x509_certificate<'p>(
    loaders: KeyLoaders<'p>,
    data: &[u8],
) -> Result<Certificate<'p>> {
    Certificate::from_der(loaders, data)
}

/// `load_pem_x509_certificate(data)`: the first certificate block.
pub fn load_pem_x509_certificate<'p>(
    loaders: KeyLoaders<'p>,
    data: &[u8],
) -> Result<Certificate<'p>> {
    Certificate::from_der(loaders, &pem::first(data, &CERTIFICATE_LABELS)?)
}

/// `load_pem_x509_certificates(data)`: every certificate block, at least one.
pub fn load_pem_x509_certificates<'p>(
    loaders: KeyLoaders<'p>,
    data: &[u8],
) -> Result<Vec<Certificate<'p>>> {
    let blocks = pem::blocks(data, &CERTIFICATE_LABELS)?;
    if blocks.is_empty() {
        return Err(backend_core::Error::Malformed("PEM: no certificate block"));
    }
    blocks
        .iter()
        .map(|der| Certificate::from_der(loaders, der))
        .collect()
}

/// `load_der_x509_csr(data)`.
pub fn load_der_x509_csr<'p>(
    loaders: KeyLoaders<'p>,
    data: &[u8],
) -> Result<CertificateSigningRequest<'p>> {
    CertificateSigningRequest::from_der(loaders, data)
}

/// `load_pem_x509_csr(data)`.
pub fn load_pem_x509_csr<'p>(
    loaders: KeyLoaders<'p>,
    data: &[u8],
) -> Result<CertificateSigningRequest<'p>> {
    CertificateSigningRequest::from_der(loaders, &pem::first(data, &CSR_LABELS)?)
}

/// `load_der_x509_crl(data)`.
pub fn load_der_x509_crl(data: &[u8]) -> Result<CertificateRevocationList> {
    CertificateRevocationList::from_der(data)
}

/// `load_pem_x509_crl(data)`.
pub fn load_pem_x509_crl(data: &[u8]) -> Result<CertificateRevocationList> {
    CertificateRevocationList::from_der(&pem::first(data, &CRL_LABELS)?)
}

/// The seed's `x509_name_bytes(name)`: the DER of a name.
pub fn x509_name_bytes(name: &Name) -> Vec<u8> {
    name.public_bytes().to_vec()
}

/// pyca/cryptography's `X509Backend`, loading half: every [`KeySource`] has it; the objects'
/// public keys are built by that provider.
pub trait X509Backend {
    /// A certificate from PEM: the first `CERTIFICATE` block (text around it skipped).
    fn load_pem_x509_certificate(&self, data: &[u8]) -> Result<Certificate<'_>>;
    /// Every certificate of a PEM bundle, in order.
    fn load_pem_x509_certificates(&self, data: &[u8]) -> Result<Vec<Certificate<'_>>>;
    /// A certificate from DER (no trailing data).
    fn load_der_x509_certificate(&self, data: &[u8]) -> Result<Certificate<'_>>;
    /// A CSR from PEM (`CERTIFICATE REQUEST` or `NEW CERTIFICATE REQUEST`).
    fn load_pem_x509_csr(&self, data: &[u8]) -> Result<CertificateSigningRequest<'_>>;
    /// A CSR from DER.
    fn load_der_x509_csr(&self, data: &[u8]) -> Result<CertificateSigningRequest<'_>>;
    /// A CRL from PEM (`X509 CRL`).
    fn load_pem_x509_crl(&self, data: &[u8]) -> Result<CertificateRevocationList>;
    /// A CRL from DER.
    fn load_der_x509_crl(&self, data: &[u8]) -> Result<CertificateRevocationList>;
    /// The DER of a name (`x509_name_bytes`).
    fn x509_name_bytes(&self, name: &Name) -> Vec<u8>;
}

impl<T: KeySource + ?Sized> X509Backend for T {
    fn load_pem_x509_certificate(&self, data: &[u8]) -> Result<Certificate<'_>> {
        load_pem_x509_certificate(self.key_loaders(), data)
    }
    fn load_pem_x509_certificates(&self, data: &[u8]) -> Result<Vec<Certificate<'_>>> {
        load_pem_x509_certificates(self.key_loaders(), data)
    }
    fn load_der_x509_certificate(&self, data: &[u8]) -> Result<Certificate<'_>> {
        load_der_x509_certificate(self.key_loaders(), data)
    }
    fn load_pem_x509_csr(&self, data: &[u8]) -> Result<CertificateSigningRequest<'_>> {
        load_pem_x509_csr(self.key_loaders(), data)
    }
    fn load_der_x509_csr(&self, data: &[u8]) -> Result<CertificateSigningRequest<'_>> {
        load_der_x509_csr(self.key_loaders(), data)
    }
    fn load_pem_x509_crl(&self, data: &[u8]) -> Result<CertificateRevocationList> {
        load_pem_x509_crl(data)
    }
    fn load_der_x509_crl(&self, data: &[u8]) -> Result<CertificateRevocationList> {
        load_der_x509_crl(data)
    }
    fn x509_name_bytes(&self, name: &Name) -> Vec<u8> {
        x509_name_bytes(name)
    }
}
