//! Distinguished names: RDNs of attributes with their OIDs and ASN.1 string types kept, the RFC
//! 4514 string form, and the exact DER (`x509_name_bytes`).

use crate::der_util::{Tlv, Walker, bad, oid};
use alloc::string::String;
use alloc::vec::Vec;
use backend_core::Result;
use der::Tag;
use der::asn1::ObjectIdentifier;

/// The ASN.1 type a name attribute's value was encoded as (pyca's `_ASN1Type`), with its
/// universal tag number as discriminant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Asn1Type {
    /// `BIT STRING` (3): the value is bytes.
    BitString = 3,
    /// `OCTET STRING` (4).
    OctetString = 4,
    /// `UTF8String` (12).
    Utf8String = 12,
    /// `NumericString` (18).
    NumericString = 18,
    /// `PrintableString` (19).
    PrintableString = 19,
    /// `T61String` (20).
    T61String = 20,
    /// `IA5String` (22).
    Ia5String = 22,
    /// `UTCTime` (23).
    UtcTime = 23,
    /// `GeneralizedTime` (24).
    GeneralizedTime = 24,
    /// `VisibleString` (26).
    VisibleString = 26,
    /// `UniversalString` (28): UTF-32BE.
    UniversalString = 28,
    /// `BMPString` (30): UTF-16BE.
    BmpString = 30,
}

impl Asn1Type {
    /// The type of a universal tag number, if it is one pyca knows.
    pub fn from_tag_number(n: u8) -> Option<Self> {
        use Asn1Type::*;
        Some(match n {
            3 => BitString,
            4 => OctetString,
            12 => Utf8String,
            18 => NumericString,
            19 => PrintableString,
            20 => T61String,
            22 => Ia5String,
            23 => UtcTime,
            24 => GeneralizedTime,
            26 => VisibleString,
            28 => UniversalString,
            30 => BmpString,
            _ => return None,
        })
    }
}

/// A name attribute's value: text for the string types, bytes for a `BIT STRING`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NameValue {
    /// The value as text.
    Text(String),
    /// The contents of a `BIT STRING` (the unused-bits byte dropped).
    Bytes(Vec<u8>),
}

/// One attribute of a name (pyca's `NameAttribute`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NameAttribute {
    /// The attribute type (`2.5.4.3` for the common name).
    pub oid: ObjectIdentifier,
    /// The value.
    pub value: NameValue,
    /// The ASN.1 type it was encoded as.
    pub asn1_type: Asn1Type,
}

/// A relative distinguished name: one or more attributes (pyca's `RelativeDistinguishedName`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rdn(pub Vec<NameAttribute>);

/// A distinguished name (pyca's `Name`): its RDNs in encoding order, and the DER it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    rdns: Vec<Rdn>,
    der: Vec<u8>,
}

/// The text of a value whose type pyca reads as UTF-8 (every string type but BMP and Universal).
fn utf8(value: &[u8]) -> Result<String> {
    core::str::from_utf8(value)
        .map(String::from)
        .map_err(|_| bad("X.509 name: value is not valid UTF-8"))
}

/// UTF-16BE (`BMPString`), surrogate pairs included.
fn utf16be(value: &[u8]) -> Result<String> {
    if !value.len().is_multiple_of(2) {
        return Err(bad("X.509 name: BMPString of odd length"));
    }
    let units = value
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<core::result::Result<String, _>>()
        .map_err(|_| bad("X.509 name: BMPString is not valid UTF-16"))
}

/// UTF-32BE (`UniversalString`).
fn utf32be(value: &[u8]) -> Result<String> {
    if !value.len().is_multiple_of(4) {
        return Err(bad(
            "X.509 name: UniversalString length not a multiple of 4",
        ));
    }
    value
        .chunks_exact(4)
        .map(|c| {
            char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                .ok_or(bad("X.509 name: UniversalString is not valid UTF-32"))
        })
        .collect()
}

/// Checks the structure of a `Name` (SEQUENCE OF SET OF SEQUENCE { OID, ANY }) without reading
/// the values: what loading a certificate checks (pyca reads the values on access).
pub(crate) fn check_structure(tlv: &Tlv<'_>) -> Result<()> {
    const WHAT: &str = "X.509 name: not a valid Name";
    let mut rdns = Walker::enter(tlv, Tag::Sequence, WHAT)?;
    while !rdns.is_finished() {
        let set = rdns.next()?;
        let mut atvs = Walker::enter(&set, Tag::Set, WHAT)?;
        while !atvs.is_finished() {
            let atv = atvs.next()?;
            let mut parts = Walker::enter(&atv, Tag::Sequence, WHAT)?;
            oid(&parts.next()?, WHAT)?;
            parts.next()?;
            parts.finish()?;
        }
    }
    Ok(())
}

impl Name {
    /// Reads a `Name` element, values included.
    pub(crate) fn from_tlv(tlv: &Tlv<'_>) -> Result<Name> {
        const WHAT: &str = "X.509 name: not a valid Name";
        let mut rdns = Vec::new();
        let mut seq = Walker::enter(tlv, Tag::Sequence, WHAT)?;
        while !seq.is_finished() {
            let set = seq.next()?;
            let mut atvs = Walker::enter(&set, Tag::Set, WHAT)?;
            let mut rdn = Vec::new();
            while !atvs.is_finished() {
                let atv = atvs.next()?;
                let mut parts = Walker::enter(&atv, Tag::Sequence, WHAT)?;
                let attribute_oid = oid(&parts.next()?, WHAT)?;
                let value = parts.next()?;
                parts.finish()?;
                // Only universal, one-byte tags name a type (pyca refuses long-form tags).
                let number = crate::der_util::universal_number(value.tag);
                let asn1_type = number
                    .and_then(Asn1Type::from_tag_number)
                    .ok_or(bad("X.509 name: value of an unsupported ASN.1 type"))?;
                let value = match asn1_type {
                    Asn1Type::BmpString => NameValue::Text(utf16be(value.value)?),
                    Asn1Type::UniversalString => NameValue::Text(utf32be(value.value)?),
                    Asn1Type::BitString => NameValue::Bytes(
                        value
                            .value
                            .split_first()
                            .map(|(_, bits)| bits.to_vec())
                            .ok_or(bad("X.509 name: empty BIT STRING"))?,
                    ),
                    _ => NameValue::Text(utf8(value.value)?),
                };
                rdn.push(NameAttribute {
                    oid: attribute_oid,
                    value,
                    asn1_type,
                });
            }
            if rdn.is_empty() {
                return Err(bad("X.509 name: empty RDN"));
            }
            rdns.push(Rdn(rdn));
        }
        Ok(Name {
            rdns,
            der: tlv.full.to_vec(),
        })
    }

    /// Reads a DER-encoded `Name` (no trailing data).
    pub fn from_der(der: &[u8]) -> Result<Name> {
        Name::from_tlv(&crate::der_util::single(
            der,
            "X.509 name: not a valid Name",
        )?)
    }

    /// The RDNs, in encoding order.
    pub fn rdns(&self) -> &[Rdn] {
        &self.rdns
    }

    /// Every attribute, in encoding order (iterating pyca's `Name`).
    pub fn attributes(&self) -> impl Iterator<Item = &NameAttribute> {
        self.rdns.iter().flat_map(|rdn| rdn.0.iter())
    }

    /// The attributes of type `oid` (pyca's `get_attributes_for_oid`).
    pub fn get_attributes_for_oid(
        &self,
        oid: ObjectIdentifier,
    ) -> impl Iterator<Item = &NameAttribute> {
        self.attributes().filter(move |a| a.oid == oid)
    }

    /// The DER encoding, exactly as read (pyca's `public_bytes()`, the seed's `x509_name_bytes`).
    pub fn public_bytes(&self) -> &[u8] {
        &self.der
    }

    /// The RFC 4514 string (pyca's `rfc4514_string()`): RDNs last first, separated by `,`,
    /// the attributes of a multi-valued RDN by `+`, short names for the RFC 4514 attribute types
    /// and dotted OIDs for the rest, special characters escaped, `BIT STRING` values as `#` and
    /// the hex of their bytes (pyca's form).
    pub fn rfc4514_string(&self) -> String {
        let mut out = String::new();
        for (i, rdn) in self.rdns.iter().rev().enumerate() {
            if i > 0 {
                out.push(',');
            }
            for (j, attribute) in rdn.0.iter().enumerate() {
                if j > 0 {
                    out.push('+');
                }
                attribute.write_rfc4514(&mut out);
            }
        }
        out
    }
}

/// The RFC 4514 short names pyca uses.
fn short_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    Some(match oid.as_bytes() {
        [0x55, 0x04, 0x03] => "CN",
        [0x55, 0x04, 0x07] => "L",
        [0x55, 0x04, 0x08] => "ST",
        [0x55, 0x04, 0x0a] => "O",
        [0x55, 0x04, 0x0b] => "OU",
        [0x55, 0x04, 0x06] => "C",
        [0x55, 0x04, 0x09] => "STREET",
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC",
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01] => "UID",
        _ => return None,
    })
}

impl NameAttribute {
    fn write_rfc4514(&self, out: &mut String) {
        use core::fmt::Write;
        match short_name(&self.oid) {
            Some(name) => out.push_str(name),
            None => {
                let _ = write!(out, "{}", self.oid);
            }
        }
        out.push('=');
        match &self.value {
            NameValue::Bytes(bits) => {
                // `#` and the hex of the value's bytes, as pyca writes a bytes value.
                if !bits.is_empty() {
                    out.push('#');
                    for b in bits {
                        let _ = write!(out, "{b:02x}");
                    }
                }
            }
            NameValue::Text(text) => {
                let last = text.chars().count().saturating_sub(1);
                for (i, c) in text.chars().enumerate() {
                    match c {
                        '\\' | '"' | '+' | ',' | ';' | '<' | '>' => {
                            out.push('\\');
                            out.push(c);
                        }
                        '#' | ' ' if i == 0 => {
                            out.push('\\');
                            out.push(c);
                        }
                        ' ' if i == last => out.push_str("\\ "),
                        '\0' => out.push_str("\\00"),
                        c => out.push(c),
                    }
                }
            }
        }
    }
}
