//! The loaded objects: [`Certificate`], [`CertificateSigningRequest`],
//! [`CertificateRevocationList`] and [`RevokedCertificate`], each keeping its DER and the
//! positions of its fields; accessors read the fields on demand, as pyca's do, so a bad field
//! fails on the accessor that reads it.

use crate::der_util::{Tlv, Walker, bad, context, integer, octet_bit_string, single, small_uint};
use crate::name::{Asn1Type, Name, check_structure};
use crate::sigalg::{AlgId, alg_id};
use crate::time::Time;
use alloc::vec::Vec;
use backend_core::{Error, HashAlgorithm, MessageHash, Result};
use backend_keys::{PublicKey, SignatureAlgorithm};
use backend_serialization::{Encoding, KeyLoaders};
use core::ops::Range;
use der::Tag;
use der::asn1::ObjectIdentifier;

/// One extension as encoded (pyca keeps unknown ones as `UnrecognizedExtension`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Extension {
    /// `extnID`.
    pub oid: ObjectIdentifier,
    /// `critical` (DEFAULT FALSE).
    pub critical: bool,
    /// The contents of `extnValue`: the extension's own DER.
    pub value: Vec<u8>,
}

/// A list of extensions with no OID twice (pyca's `Extensions`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Extensions(pub Vec<Extension>);

impl Extensions {
    /// Reads `Extensions ::= SEQUENCE OF Extension` through `x509-cert`; an OID present twice
    /// is [`Error::Malformed`] (pyca's `DuplicateExtension`).
    pub(crate) fn from_der(der: &[u8]) -> Result<Extensions> {
        use der::Decode;
        check_no_explicit_default(der)?;
        let list: Vec<x509_cert::ext::Extension> =
            Vec::from_der(der).map_err(|_| bad("X.509: malformed extensions"))?;
        let mut out: Vec<Extension> = Vec::with_capacity(list.len());
        for e in list {
            if out.iter().any(|seen| seen.oid == e.extn_id) {
                return Err(bad("X.509: duplicate extension"));
            }
            out.push(Extension {
                oid: e.extn_id,
                critical: e.critical,
                value: e.extn_value.into_bytes().into_vec(),
            });
        }
        Ok(Extensions(out))
    }

    /// The extension with `oid` (pyca's `get_extension_for_oid`), if present.
    pub fn get(&self, oid: ObjectIdentifier) -> Option<&Extension> {
        self.0.iter().find(|e| e.oid == oid)
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// DER forbids encoding a DEFAULT value: an extension whose `critical` is an explicit FALSE is
/// not DER (pyca refuses it: `freeipa-bad-critical.pem`); `der` reads it as the default.
fn check_no_explicit_default(der: &[u8]) -> Result<()> {
    const WHAT: &str = "X.509: extension with an explicit critical FALSE";
    let list = single(der, "X.509: malformed extensions")?;
    let mut w = Walker::enter(&list, Tag::Sequence, "X.509: malformed extensions")?;
    while !w.is_finished() {
        let e = w.expect(Tag::Sequence)?;
        let mut parts = Walker::new(e.value, "X.509: malformed extensions")?;
        parts.next()?;
        if let Some(b) = parts.optional(Tag::Boolean)? {
            if b.value == [0x00] {
                return Err(bad(WHAT));
            }
        }
    }
    Ok(())
}

/// A serial number: the two's-complement big-endian contents of its INTEGER, sign included
/// (pyca's Python `int`; negative and longer-than-20-byte serials load, as in pyca).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SerialNumber(pub Vec<u8>);

impl SerialNumber {
    /// The two's-complement big-endian bytes, minimal.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    /// Whether the serial is negative (RFC 5280 forbids it; pyca warns and loads).
    pub fn is_negative(&self) -> bool {
        self.0.first().is_some_and(|b| *b >= 0x80)
    }
}

/// The certificate's version (pyca's `Version`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Version {
    /// Version 1 (encoded 0 or absent).
    V1,
    /// Version 3 (encoded 2).
    V3,
}

/// The key of `spki` through the provider's loaders.
fn load_key<'p>(loaders: &KeyLoaders<'p>, spki: &[u8]) -> Result<PublicKey<'static>> {
    backend_serialization::load_der_public_key(loaders, spki)
}

fn pem_or_der(der: &[u8], label: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Der => der.to_vec(),
        Encoding::Pem => crate::pem::encode(label, der),
    }
}

/// Verifies `signature` over `tbs` with `key` under the algorithm identifier `alg`.
fn verify(key: &PublicKey<'_>, alg: &AlgId<'_>, signature: &[u8], tbs: &[u8]) -> Result<()> {
    let descriptor = alg.descriptor()?;
    key.verify(
        signature,
        tbs,
        &descriptor,
        MessageHash::Hash(descriptor.hash()),
    )
}

/// The common outer shape: `SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING }`, no trailing data.
struct Signed<'a> {
    tbs: Tlv<'a>,
    alg: Tlv<'a>,
    signature: Tlv<'a>,
}

fn signed<'a>(der: &'a [u8], what: &'static str) -> Result<Signed<'a>> {
    let outer = single(der, what)?;
    let mut w = Walker::enter(&outer, Tag::Sequence, what)?;
    let tbs = w.expect(Tag::Sequence)?;
    let alg = w.expect(Tag::Sequence)?;
    let signature = w.expect(Tag::BitString)?;
    w.finish()?;
    // Outer positions are relative to the outer contents; shift them to the whole encoding.
    let header = outer.full.len() - outer.value.len();
    let shift = |t: Tlv<'a>| Tlv {
        range: (t.range.0 + header, t.range.1 + header),
        ..t
    };
    Ok(Signed {
        tbs: shift(tbs),
        alg: shift(alg),
        signature: shift(signature),
    })
}

fn slice<'a>(der: &'a [u8], range: &Range<usize>) -> &'a [u8] {
    // Ranges come from walking this very buffer at load time.
    der.get(range.clone()).unwrap_or_default()
}

/// An X.509 certificate (pyca's `Certificate`).
pub struct Certificate<'p> {
    der: Vec<u8>,
    loaders: KeyLoaders<'p>,
    version: Version,
    serial: Range<usize>,
    tbs: Range<usize>,
    inner_alg: Range<usize>,
    outer_alg: Range<usize>,
    signature: Range<usize>,
    issuer: Range<usize>,
    subject: Range<usize>,
    spki: Range<usize>,
    not_before: Time,
    not_after: Time,
    extensions: Option<Range<usize>>,
    /// Where the `[3]` wrapper of the extensions starts (the TBS contents before it are kept by
    /// `tbs_precertificate_bytes`).
    extensions_wrapper: usize,
    /// Where the TBS contents start.
    tbs_contents: usize,
}

/// `SignedCertificateTimestampList` (RFC 6962), the extension a precertificate's TBS drops.
const SCT_LIST: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02];

/// A DER header: `tag` and the definite length `len` (short form below 128, else the minimal
/// long form).
fn der_header(tag: u8, len: usize, out: &mut Vec<u8>) {
    out.push(tag);
    if len < 0x80 {
        // Checked just above: fits seven bits.
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        // At most size_of::<usize>() (8) length bytes: 0x80 + 8 fits a byte.
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

impl core::fmt::Debug for Certificate<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Certificate({} bytes)", self.der.len())
    }
}

impl PartialEq for Certificate<'_> {
    /// Equal when their DER is.
    fn eq(&self, other: &Self) -> bool {
        self.der == other.der
    }
}

impl<'p> Certificate<'p> {
    /// Reads a DER certificate; public keys will be built through `loaders`.
    pub fn from_der(loaders: KeyLoaders<'p>, der: &[u8]) -> Result<Self> {
        const WHAT: &str = "X.509: malformed certificate";
        let s = signed(der, WHAT)?;
        let tbs_base = s.tbs.range.0 + (s.tbs.full.len() - s.tbs.value.len());
        let mut w = Walker::new(s.tbs.value, WHAT)?;
        let version = match w.optional(context(0, true))? {
            None => Version::V1,
            Some(v) => match small_uint(&single(v.value, WHAT)?, WHAT)? {
                0 => Version::V1,
                2 => Version::V3,
                // pyca: `InvalidVersion` (v2, which pyca does not model either, included).
                _ => return Err(bad("X.509: invalid certificate version")),
            },
        };
        let serial = w.next()?;
        integer(&serial, "X.509: malformed serial number")?;
        let inner_alg = w.expect(Tag::Sequence)?;
        alg_id(&inner_alg)?;
        let issuer = w.next()?;
        check_structure(&issuer)?;
        let validity = w.expect(Tag::Sequence)?;
        let mut v = Walker::new(validity.value, WHAT)?;
        let not_before = Time::from_tlv(&v.next()?, "X.509: invalid notBefore time")?;
        let not_after = Time::from_tlv(&v.next()?, "X.509: invalid notAfter time")?;
        v.finish()?;
        let subject = w.next()?;
        check_structure(&subject)?;
        let spki = w.expect(Tag::Sequence)?;
        w.optional(context(1, false))?;
        w.optional(context(2, false))?;
        let extensions_wrapper = match w.peek_tag() {
            Some(_) => {
                // The next element's start: the walker's position before reading it.
                tbs_base + s.tbs.value.len() - w.remaining()
            }
            None => tbs_base + s.tbs.value.len(),
        };
        let extensions = match w.optional(context(3, true))? {
            Some(e) => {
                let inner = single(e.value, WHAT)?;
                // Read structurally now (pyca parses the list when it loads); duplicates are
                // an error of `extensions()`.
                {
                    use der::Decode;
                    Vec::<x509_cert::ext::Extension>::from_der(inner.full)
                        .map_err(|_| bad("X.509: malformed extensions"))?;
                }
                let base = tbs_base + (e.full.len() - e.value.len()) + e.range.0;
                Some(base..base + inner.full.len())
            }
            None => None,
        };
        w.finish()?;
        Ok(Certificate {
            der: der.to_vec(),
            loaders,
            version,
            serial: serial.range_in(tbs_base)?,
            tbs: s.tbs.range.0..s.tbs.range.1,
            inner_alg: inner_alg.range_in(tbs_base)?,
            outer_alg: s.alg.range.0..s.alg.range.1,
            signature: s.signature.range.0..s.signature.range.1,
            issuer: issuer.range_in(tbs_base)?,
            subject: subject.range_in(tbs_base)?,
            spki: spki.range_in(tbs_base)?,
            not_before,
            not_after,
            extensions,
            extensions_wrapper,
            tbs_contents: tbs_base,
        })
    }

    fn part(&self, range: &Range<usize>) -> &[u8] {
        slice(&self.der, range)
    }

    /// The TBS a precertificate's SCTs were issued over (RFC 6962 3.2; pyca's
    /// `tbs_precertificate_bytes`): `tbs_certificate_bytes` without the SCT list extension,
    /// re-encoded. [`Error::Malformed`] when there is no SCT list.
    pub fn tbs_precertificate_bytes(&self) -> Result<Vec<u8>> {
        const WHAT: &str = "X.509: no pre-certificate SCT list extension";
        let range = self.extensions.as_ref().ok_or(bad(WHAT))?;
        let list = single(self.part(range), WHAT)?;
        let mut w = Walker::enter(&list, Tag::Sequence, WHAT)?;
        let mut kept = Vec::new();
        let mut found = false;
        while !w.is_finished() {
            let e = w.expect(Tag::Sequence)?;
            let id = Walker::new(e.value, WHAT)?.next()?;
            if id.tag == Tag::ObjectIdentifier && id.value == SCT_LIST {
                found = true;
            } else {
                kept.extend_from_slice(e.full);
            }
        }
        if !found {
            return Err(bad(WHAT));
        }
        let before = self.part(&(self.tbs_contents..self.extensions_wrapper));
        let mut sequence = Vec::with_capacity(kept.len() + 8);
        der_header(0x30, kept.len(), &mut sequence);
        sequence.extend_from_slice(&kept);
        let mut contents = Vec::with_capacity(before.len() + sequence.len() + 8);
        contents.extend_from_slice(before);
        // Extensions are the last field of the TBS: `[3] EXPLICIT` around the new list.
        der_header(0xa3, sequence.len(), &mut contents);
        contents.extend_from_slice(&sequence);
        let mut out = Vec::with_capacity(contents.len() + 8);
        der_header(0x30, contents.len(), &mut out);
        out.extend_from_slice(&contents);
        Ok(out)
    }

    /// The version.
    pub fn version(&self) -> Version {
        self.version
    }

    /// The serial number.
    pub fn serial_number(&self) -> SerialNumber {
        SerialNumber(
            single(self.part(&self.serial), "")
                .map(|t| t.value.to_vec())
                .unwrap_or_default(),
        )
    }

    /// `notBefore` (pyca's `not_valid_before_utc`).
    pub fn not_valid_before(&self) -> Time {
        self.not_before
    }

    /// `notAfter` (pyca's `not_valid_after_utc`).
    pub fn not_valid_after(&self) -> Time {
        self.not_after
    }

    /// The issuer; [`Error::Malformed`] for a value pyca cannot read either.
    pub fn issuer(&self) -> Result<Name> {
        Name::from_der(self.part(&self.issuer))
    }

    /// The subject; [`Error::Malformed`] for a value pyca cannot read either.
    pub fn subject(&self) -> Result<Name> {
        Name::from_der(self.part(&self.subject))
    }

    /// The `SubjectPublicKeyInfo` DER.
    pub fn public_key_info(&self) -> &[u8] {
        self.part(&self.spki)
    }

    /// The subject's public key, built by the provider the certificate was loaded through.
    pub fn public_key(&self) -> Result<PublicKey<'static>> {
        load_key(&self.loaders, self.public_key_info())
    }

    fn outer_alg(&self) -> Result<AlgId<'_>> {
        alg_id(&single(self.part(&self.outer_alg), "")?)
    }

    /// The signature algorithm's OID (the outer `signatureAlgorithm`).
    pub fn signature_algorithm_oid(&self) -> Result<ObjectIdentifier> {
        Ok(self.outer_alg()?.oid)
    }

    /// The hash the signature algorithm names; `None` for Ed25519 / Ed448;
    /// [`Error::Unsupported`] for MD2, MD4 and unknown algorithms.
    pub fn signature_hash_algorithm(&self) -> Result<Option<HashAlgorithm>> {
        self.outer_alg()?.hash()
    }

    /// The RSA-PSS parameters, `None` for other algorithms (pyca's
    /// `signature_algorithm_parameters` for PSS).
    pub fn signature_algorithm_parameters(&self) -> Result<Option<SignatureAlgorithm>> {
        self.outer_alg()?.pss()
    }

    /// The signature algorithm as the key layer's descriptor.
    pub fn signature_algorithm(&self) -> Result<SignatureAlgorithm> {
        self.outer_alg()?.descriptor()
    }

    /// The signature bytes.
    pub fn signature(&self) -> Result<&[u8]> {
        octet_bit_string(&single(self.part(&self.signature), "")?, "X.509: signature")
    }

    /// The DER of `tbsCertificate`, what the signature covers.
    pub fn tbs_certificate_bytes(&self) -> &[u8] {
        self.part(&self.tbs)
    }

    /// The extensions; [`Error::Malformed`] when one appears twice (pyca's
    /// `DuplicateExtension`).
    pub fn extensions(&self) -> Result<Extensions> {
        match &self.extensions {
            None => Ok(Extensions::default()),
            Some(range) => Extensions::from_der(self.part(range)),
        }
    }

    /// The hash of the DER (`fingerprint(algorithm)`).
    pub fn fingerprint(&self, hash: HashAlgorithm) -> Result<Vec<u8>> {
        backend_keys::message_digest(MessageHash::Hash(hash), &self.der)
    }

    /// The certificate as PEM (`CERTIFICATE`) or DER, byte for byte what was loaded for DER.
    pub fn public_bytes(&self, encoding: Encoding) -> Vec<u8> {
        pem_or_der(&self.der, "CERTIFICATE", encoding)
    }

    /// Checks that `issuer` issued this certificate: this issuer name is `issuer`'s subject, and
    /// `issuer`'s key verifies the signature. [`Error::InvalidSignature`] when the signature does
    /// not verify, [`Error::InvalidArgument`] when the names differ or the inner and outer
    /// signature algorithms differ (pyca's `ValueError`).
    pub fn verify_directly_issued_by(&self, issuer: &Certificate<'_>) -> Result<()> {
        if self.part(&self.inner_alg) != self.part(&self.outer_alg) {
            return Err(Error::InvalidArgument(
                "inner and outer signature algorithms do not match",
            ));
        }
        if self.part(&self.issuer) != issuer.part(&issuer.subject) {
            return Err(Error::InvalidArgument(
                "issuer name does not match the issuer's subject",
            ));
        }
        let key = issuer.public_key()?;
        verify(
            &key,
            &self.outer_alg()?,
            self.signature()?,
            self.tbs_certificate_bytes(),
        )
    }
}

/// A PKCS#10 certificate signing request (pyca's `CertificateSigningRequest`).
pub struct CertificateSigningRequest<'p> {
    der: Vec<u8>,
    loaders: KeyLoaders<'p>,
    tbs: Range<usize>,
    alg: Range<usize>,
    signature: Range<usize>,
    subject: Range<usize>,
    spki: Range<usize>,
    attributes: Range<usize>,
}

impl core::fmt::Debug for CertificateSigningRequest<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "CertificateSigningRequest({} bytes)", self.der.len())
    }
}

/// A CSR attribute (pyca's `Attribute`): its OID, the single value's contents and its type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Attribute {
    /// The attribute type.
    pub oid: ObjectIdentifier,
    /// The value's contents (not its tag and length).
    pub value: Vec<u8>,
    /// The value's ASN.1 type.
    pub asn1_type: Asn1Type,
}

/// `extensionRequest` (PKCS#9) and Microsoft's older OID for it.
const EXTENSION_REQUEST: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x0e];
const MS_EXTENSION_REQUEST: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x01, 0x0e];

impl<'p> CertificateSigningRequest<'p> {
    /// Reads a DER CSR; its version must be 0 (pyca's `InvalidVersion` otherwise).
    pub fn from_der(loaders: KeyLoaders<'p>, der: &[u8]) -> Result<Self> {
        const WHAT: &str = "X.509: malformed certificate signing request";
        let s = signed(der, WHAT)?;
        alg_id(&s.alg)?;
        let base = s.tbs.range.0 + (s.tbs.full.len() - s.tbs.value.len());
        let mut w = Walker::new(s.tbs.value, WHAT)?;
        if small_uint(&w.next()?, WHAT)? != 0 {
            return Err(bad("X.509: invalid CSR version"));
        }
        let subject = w.next()?;
        check_structure(&subject)?;
        let spki = w.expect(Tag::Sequence)?;
        let attributes = w.expect(context(0, true))?;
        // Each attribute: SEQUENCE { OID, SET OF ANY }, read structurally now, values on demand.
        let mut a = Walker::new(attributes.value, WHAT)?;
        while !a.is_finished() {
            let attribute = a.expect(Tag::Sequence)?;
            let mut parts = Walker::new(attribute.value, WHAT)?;
            crate::der_util::oid(&parts.next()?, WHAT)?;
            parts.expect(Tag::Set)?;
            parts.finish()?;
        }
        w.finish()?;
        Ok(CertificateSigningRequest {
            der: der.to_vec(),
            loaders,
            tbs: s.tbs.range.0..s.tbs.range.1,
            alg: s.alg.range.0..s.alg.range.1,
            signature: s.signature.range.0..s.signature.range.1,
            subject: subject.range_in(base)?,
            spki: spki.range_in(base)?,
            attributes: attributes.range_in(base)?,
        })
    }

    fn part(&self, range: &Range<usize>) -> &[u8] {
        slice(&self.der, range)
    }

    fn alg(&self) -> Result<AlgId<'_>> {
        alg_id(&single(self.part(&self.alg), "")?)
    }

    /// The subject.
    pub fn subject(&self) -> Result<Name> {
        Name::from_der(self.part(&self.subject))
    }

    /// The `SubjectPublicKeyInfo` DER.
    pub fn public_key_info(&self) -> &[u8] {
        self.part(&self.spki)
    }

    /// The requested public key, built by the provider the CSR was loaded through.
    pub fn public_key(&self) -> Result<PublicKey<'static>> {
        load_key(&self.loaders, self.public_key_info())
    }

    /// The signature algorithm's OID.
    pub fn signature_algorithm_oid(&self) -> Result<ObjectIdentifier> {
        Ok(self.alg()?.oid)
    }

    /// The hash the signature algorithm names (see [`Certificate::signature_hash_algorithm`]).
    pub fn signature_hash_algorithm(&self) -> Result<Option<HashAlgorithm>> {
        self.alg()?.hash()
    }

    /// The signature bytes.
    pub fn signature(&self) -> Result<&[u8]> {
        octet_bit_string(&single(self.part(&self.signature), "")?, "X.509: signature")
    }

    /// The DER of `certificationRequestInfo`, what the signature covers.
    pub fn tbs_certrequest_bytes(&self) -> &[u8] {
        self.part(&self.tbs)
    }

    fn raw_attributes(&self) -> Result<Vec<(ObjectIdentifier, Vec<Tlv<'_>>)>> {
        const WHAT: &str = "X.509: malformed CSR attribute";
        let outer = single(self.part(&self.attributes), WHAT)?;
        let mut a = Walker::new(outer.value, WHAT)?;
        let mut out = Vec::new();
        while !a.is_finished() {
            let attribute = a.expect(Tag::Sequence)?;
            let mut parts = Walker::new(attribute.value, WHAT)?;
            let oid = crate::der_util::oid(&parts.next()?, WHAT)?;
            let set = parts.expect(Tag::Set)?;
            let mut values = Walker::new(set.value, WHAT)?;
            let mut list = Vec::new();
            while !values.is_finished() {
                list.push(values.next()?);
            }
            out.push((oid, list));
        }
        Ok(out)
    }

    /// The attributes; each must have exactly one value of a string type (pyca's
    /// `ValueError` otherwise). The extension request is one of them.
    pub fn attributes(&self) -> Result<Vec<Attribute>> {
        self.raw_attributes()?
            .into_iter()
            .map(|(oid, values)| {
                let [value] = values.as_slice() else {
                    return Err(bad(
                        "X.509: only single-valued CSR attributes are supported",
                    ));
                };
                let asn1_type = crate::der_util::universal_number(value.tag)
                    .and_then(Asn1Type::from_tag_number);
                // The extension request is a SEQUENCE: pyca reports it with its raw contents.
                let asn1_type = match (asn1_type, value.tag) {
                    (Some(t), _) => t,
                    _ => return Err(bad("X.509: CSR attribute value of an unsupported type")),
                };
                Ok(Attribute {
                    oid,
                    value: value.value.to_vec(),
                    asn1_type,
                })
            })
            .collect()
    }

    /// The requested extensions (the `extensionRequest` attribute); duplicates are an error.
    pub fn extensions(&self) -> Result<Extensions> {
        for (oid, values) in self.raw_attributes()? {
            let bytes = oid.as_bytes();
            if bytes == EXTENSION_REQUEST || bytes == MS_EXTENSION_REQUEST {
                let [value] = values.as_slice() else {
                    return Err(bad("X.509: extension request with several values"));
                };
                return Extensions::from_der(value.full);
            }
        }
        Ok(Extensions::default())
    }

    /// Whether the request's signature verifies with its own public key. `Ok(false)` for a
    /// signature that does not verify; an error for a key or algorithm that cannot verify.
    pub fn is_signature_valid(&self) -> Result<bool> {
        let key = self.public_key()?;
        match verify(
            &key,
            &self.alg()?,
            self.signature()?,
            self.tbs_certrequest_bytes(),
        ) {
            Ok(()) => Ok(true),
            Err(Error::InvalidSignature) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The CSR as PEM (`CERTIFICATE REQUEST`) or DER.
    pub fn public_bytes(&self, encoding: Encoding) -> Vec<u8> {
        pem_or_der(&self.der, "CERTIFICATE REQUEST", encoding)
    }
}

/// One revoked certificate of a CRL (pyca's `RevokedCertificate`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevokedCertificate {
    serial: SerialNumber,
    revocation_date: Time,
    extensions: Option<Vec<u8>>,
}

/// CRL entry extension OIDs (RFC 5280 5.3): reasonCode, invalidityDate.
const REASON_CODE: &[u8] = &[0x55, 0x1d, 0x15];
const INVALIDITY_DATE: &[u8] = &[0x55, 0x1d, 0x18];

/// The reason a certificate was revoked (RFC 5280 `CRLReason`, pyca's `ReasonFlags`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReasonFlags {
    /// 0
    Unspecified,
    /// 1
    KeyCompromise,
    /// 2
    CaCompromise,
    /// 3
    AffiliationChanged,
    /// 4
    Superseded,
    /// 5
    CessationOfOperation,
    /// 6
    CertificateHold,
    /// 8
    RemoveFromCrl,
    /// 9
    PrivilegeWithdrawn,
    /// 10
    AaCompromise,
}

impl RevokedCertificate {
    /// The serial number.
    pub fn serial_number(&self) -> &SerialNumber {
        &self.serial
    }

    /// The revocation date.
    pub fn revocation_date(&self) -> Time {
        self.revocation_date
    }

    /// The entry's extensions; duplicates are an error.
    pub fn extensions(&self) -> Result<Extensions> {
        let exts = match &self.extensions {
            None => return Ok(Extensions::default()),
            Some(der) => Extensions::from_der(der)?,
        };
        // The typed entry extensions pyca reads when it builds the list: a bad one fails it.
        self.check_typed(&exts)?;
        Ok(exts)
    }

    fn check_typed(&self, exts: &Extensions) -> Result<()> {
        for e in &exts.0 {
            match e.oid.as_bytes() {
                REASON_CODE => {
                    reason(&e.value)?;
                }
                INVALIDITY_DATE => {
                    let t = single(&e.value, "X.509: invalid invalidity date")?;
                    if t.tag != Tag::GeneralizedTime {
                        return Err(bad("X.509: invalid invalidity date"));
                    }
                }
                // certificateIssuer: GeneralNames, a non-empty SEQUENCE of context-tagged names.
                [0x55, 0x1d, 0x1d] => {
                    const WHAT: &str = "X.509: invalid certificate issuer";
                    let t = single(&e.value, WHAT)?;
                    let mut w = Walker::enter(&t, Tag::Sequence, WHAT)?;
                    while !w.is_finished() {
                        let name = w.next()?;
                        if !matches!(name.tag, Tag::ContextSpecific { .. }) {
                            return Err(bad(WHAT));
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The `reasonCode` entry extension, if present.
    pub fn reason(&self) -> Result<Option<ReasonFlags>> {
        match self
            .extensions()?
            .get(ObjectIdentifier::from_bytes(REASON_CODE).map_err(|_| bad(""))?)
        {
            Some(e) => reason(&e.value).map(Some),
            None => Ok(None),
        }
    }
}

fn reason(value: &[u8]) -> Result<ReasonFlags> {
    const WHAT: &str = "X.509: invalid CRL reason";
    let t = single(value, WHAT)?;
    if t.tag != Tag::Enumerated {
        return Err(bad(WHAT));
    }
    use ReasonFlags::*;
    Ok(match t.value {
        [0] => Unspecified,
        [1] => KeyCompromise,
        [2] => CaCompromise,
        [3] => AffiliationChanged,
        [4] => Superseded,
        [5] => CessationOfOperation,
        [6] => CertificateHold,
        [8] => RemoveFromCrl,
        [9] => PrivilegeWithdrawn,
        [10] => AaCompromise,
        _ => return Err(bad(WHAT)),
    })
}

/// A certificate revocation list (pyca's `CertificateRevocationList`).
pub struct CertificateRevocationList {
    der: Vec<u8>,
    tbs: Range<usize>,
    inner_alg: Range<usize>,
    outer_alg: Range<usize>,
    signature: Range<usize>,
    issuer: Range<usize>,
    last_update: Time,
    next_update: Option<Time>,
    revoked: Vec<RevokedCertificate>,
    extensions: Option<Range<usize>>,
}

impl core::fmt::Debug for CertificateRevocationList {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "CertificateRevocationList({} bytes, {} revoked)",
            self.der.len(),
            self.revoked.len()
        )
    }
}

impl CertificateRevocationList {
    /// Reads a DER CRL; a version other than v2 (encoded 1) or absent is an error.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        const WHAT: &str = "X.509: malformed CRL";
        let s = signed(der, WHAT)?;
        alg_id(&s.alg)?;
        let base = s.tbs.range.0 + (s.tbs.full.len() - s.tbs.value.len());
        let mut w = Walker::new(s.tbs.value, WHAT)?;
        if let Some(v) = w.optional(Tag::Integer)? {
            if small_uint(&v, WHAT)? != 1 {
                return Err(bad("X.509: invalid CRL version"));
            }
        }
        let inner_alg = w.expect(Tag::Sequence)?;
        alg_id(&inner_alg)?;
        let issuer = w.next()?;
        check_structure(&issuer)?;
        let last_update = Time::from_tlv(&w.next()?, "X.509: invalid thisUpdate time")?;
        let next_update = match w.peek_tag() {
            Some(Tag::UtcTime | Tag::GeneralizedTime) => Some(Time::from_tlv(
                &w.next()?,
                "X.509: invalid nextUpdate time",
            )?),
            _ => None,
        };
        let mut revoked = Vec::new();
        if let Some(list) = w.optional(Tag::Sequence)? {
            let mut entries = Walker::new(list.value, WHAT)?;
            while !entries.is_finished() {
                let entry = entries.expect(Tag::Sequence)?;
                let mut e = Walker::new(entry.value, WHAT)?;
                let serial = e.next()?;
                integer(&serial, "X.509: malformed serial number")?;
                let date = Time::from_tlv(&e.next()?, "X.509: invalid revocation date")?;
                let extensions = e.optional(Tag::Sequence)?.map(|x| x.full.to_vec());
                e.finish()?;
                revoked.push(RevokedCertificate {
                    serial: SerialNumber(serial.value.to_vec()),
                    revocation_date: date,
                    extensions,
                });
            }
        }
        let extensions = match w.optional(context(0, true))? {
            Some(e) => {
                let inner = single(e.value, WHAT)?;
                let start = base + e.range.0 + (e.full.len() - e.value.len());
                Some(start..start + inner.full.len())
            }
            None => None,
        };
        w.finish()?;
        Ok(CertificateRevocationList {
            der: der.to_vec(),
            tbs: s.tbs.range.0..s.tbs.range.1,
            inner_alg: inner_alg.range_in(base)?,
            outer_alg: s.alg.range.0..s.alg.range.1,
            signature: s.signature.range.0..s.signature.range.1,
            issuer: issuer.range_in(base)?,
            last_update,
            next_update,
            revoked,
            extensions,
        })
    }

    fn part(&self, range: &Range<usize>) -> &[u8] {
        slice(&self.der, range)
    }

    fn alg(&self) -> Result<AlgId<'_>> {
        alg_id(&single(self.part(&self.outer_alg), "")?)
    }

    /// The issuer.
    pub fn issuer(&self) -> Result<Name> {
        Name::from_der(self.part(&self.issuer))
    }

    /// `thisUpdate` (pyca's `last_update_utc`).
    pub fn last_update(&self) -> Time {
        self.last_update
    }

    /// `nextUpdate`, if present.
    pub fn next_update(&self) -> Option<Time> {
        self.next_update
    }

    /// The revoked certificates, in order (pyca iterates the CRL).
    pub fn revoked(&self) -> &[RevokedCertificate] {
        &self.revoked
    }

    /// The entry for `serial` (two's-complement big-endian, minimal), if revoked
    /// (`get_revoked_certificate_by_serial_number`).
    pub fn get_revoked_certificate_by_serial_number(
        &self,
        serial: &[u8],
    ) -> Option<&RevokedCertificate> {
        self.revoked.iter().find(|r| r.serial.0 == serial)
    }

    /// The CRL's extensions; duplicates are an error.
    pub fn extensions(&self) -> Result<Extensions> {
        match &self.extensions {
            None => Ok(Extensions::default()),
            Some(range) => Extensions::from_der(self.part(range)),
        }
    }

    /// The signature algorithm's OID.
    pub fn signature_algorithm_oid(&self) -> Result<ObjectIdentifier> {
        Ok(self.alg()?.oid)
    }

    /// The hash the signature algorithm names (see [`Certificate::signature_hash_algorithm`]).
    pub fn signature_hash_algorithm(&self) -> Result<Option<HashAlgorithm>> {
        self.alg()?.hash()
    }

    /// The signature bytes.
    pub fn signature(&self) -> Result<&[u8]> {
        octet_bit_string(&single(self.part(&self.signature), "")?, "X.509: signature")
    }

    /// The DER of `tbsCertList`, what the signature covers.
    pub fn tbs_certlist_bytes(&self) -> &[u8] {
        self.part(&self.tbs)
    }

    /// The hash of the DER.
    pub fn fingerprint(&self, hash: HashAlgorithm) -> Result<Vec<u8>> {
        backend_keys::message_digest(MessageHash::Hash(hash), &self.der)
    }

    /// The CRL as PEM (`X509 CRL`) or DER.
    pub fn public_bytes(&self, encoding: Encoding) -> Vec<u8> {
        pem_or_der(&self.der, "X509 CRL", encoding)
    }

    /// Whether `key` verifies the CRL's signature. `Ok(false)` when it does not, or when the
    /// inner and outer signature algorithms differ (as pyca); an error for an algorithm that
    /// cannot be checked.
    pub fn is_signature_valid(&self, key: &PublicKey<'_>) -> Result<bool> {
        if self.part(&self.inner_alg) != self.part(&self.outer_alg) {
            return Ok(false);
        }
        match verify(
            key,
            &self.alg()?,
            self.signature()?,
            self.tbs_certlist_bytes(),
        ) {
            Ok(()) => Ok(true),
            Err(Error::InvalidSignature) => Ok(false),
            Err(e) => Err(e),
        }
    }
}
