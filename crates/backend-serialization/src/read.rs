//! Reading keys and parameters: decode the encoding, then build the key through the provider's
//! loaders ([`KeyLoaders`]).

use crate::{KeyLoaders, Parameters, malformed, oid, pbe, pem, traditional};
use backend_core::{Error, PasswordError, Reason, Result};
use backend_keys::{PrivateKey, PublicKey};
use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier};
use der::{Decode, Tag, Tagged};
use pkcs8::PrivateKeyInfoRef;
use spki::SubjectPublicKeyInfoRef;

/// The PEM labels of private keys.
const PRIVATE_LABELS: [&str; 5] = [
    "PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "DSA PRIVATE KEY",
];
/// The PEM labels of public keys.
const PUBLIC_LABELS: [&str; 2] = ["PUBLIC KEY", "RSA PUBLIC KEY"];
/// The PEM labels of parameters.
const PARAMETER_LABELS: [&str; 4] = [
    "EC PARAMETERS",
    "DSA PARAMETERS",
    "DH PARAMETERS",
    "X9.42 DH PARAMETERS",
];

/// `load_pem_private_key(data, password)` through `loaders`.
pub fn load_pem_private_key(
    loaders: &KeyLoaders<'_>,
    data: &[u8],
    password: Option<&[u8]>,
) -> Result<PrivateKey> {
    let block = pem::find(data, &PRIVATE_LABELS)?;
    match block.label {
        "PRIVATE KEY" => {
            let info = PrivateKeyInfoRef::from_der(&block.der).map_err(malformed)?;
            reject_password(password)?;
            private_key_info(loaders, &info)
        }
        "ENCRYPTED PRIVATE KEY" => encrypted_private_key_info(loaders, &block.der, password),
        "RSA PRIVATE KEY" => {
            let der = traditional::contents(&block, password)?;
            rsa_private_key(loaders, &der)
        }
        "EC PRIVATE KEY" => {
            let der = traditional::contents(&block, password)?;
            ec_private_key(loaders, &der, None)
        }
        _ => {
            let der = traditional::contents(&block, password)?;
            dsa_traditional_key(loaders, &der)
        }
    }
}

/// `load_der_private_key(data, password)` through `loaders`: PKCS#8, encrypted PKCS#8, PKCS#1
/// or SEC 1, told apart by their structure.
pub fn load_der_private_key(
    loaders: &KeyLoaders<'_>,
    data: &[u8],
    password: Option<&[u8]>,
) -> Result<PrivateKey> {
    if let Ok(info) = PrivateKeyInfoRef::from_der(data) {
        reject_password(password)?;
        return private_key_info(loaders, &info);
    }
    if pbe::parse(data).is_ok() {
        return encrypted_private_key_info(loaders, data, password);
    }
    if pkcs1::RsaPrivateKeyRef::from_der(data).is_ok() {
        reject_password(password)?;
        return rsa_private_key(loaders, data);
    }
    if sec1::EcPrivateKey::from_der(data).is_ok() {
        reject_password(password)?;
        return ec_private_key(loaders, data, None);
    }
    if is_traditional_dsa(data) {
        reject_password(password)?;
        return dsa_traditional_key(loaders, data);
    }
    Err(Error::Malformed(
        "DER: not a PKCS#8, encrypted PKCS#8, PKCS#1 or SEC 1 private key",
    ))
}

/// OpenSSL's traditional DSA private key: a SEQUENCE of six INTEGERs (version, p, q, g, y, x).
fn is_traditional_dsa(data: &[u8]) -> bool {
    use der::Reader;
    let Ok(mut reader) = der::SliceReader::new(data) else {
        return false;
    };
    reader
        .sequence(|r| {
            for _ in 0..6 {
                der::asn1::UintRef::decode(r)?;
            }
            Ok::<_, der::Error>(())
        })
        .is_ok()
        && reader.finish().is_ok()
}

/// `load_pem_public_key(data)` through `loaders`: `PUBLIC KEY` (SPKI) or `RSA PUBLIC KEY`
/// (PKCS#1; an SPKI holding an RSA key under that label is read too, as OpenSSL and pyca do).
pub fn load_pem_public_key(loaders: &KeyLoaders<'_>, data: &[u8]) -> Result<PublicKey<'static>> {
    let block = pem::find(data, &PUBLIC_LABELS)?;
    if block.label == "PUBLIC KEY" {
        return subject_public_key_info(loaders, &block.der);
    }
    if pkcs1::RsaPublicKeyRef::from_der(&block.der).is_ok() {
        return rsa_public_key(loaders, &block.der);
    }
    let spki = SubjectPublicKeyInfoRef::from_der(&block.der).map_err(malformed)?;
    if spki.algorithm.oid != oid::RSA_ENCRYPTION {
        return Err(Error::Malformed(
            "PEM: RSA PUBLIC KEY label on a key that is not RSA",
        ));
    }
    subject_public_key_info(loaders, &block.der)
}

/// `load_der_public_key(data)` through `loaders`: SPKI, or PKCS#1 `RSAPublicKey`.
pub fn load_der_public_key(loaders: &KeyLoaders<'_>, data: &[u8]) -> Result<PublicKey<'static>> {
    if SubjectPublicKeyInfoRef::from_der(data).is_ok() {
        return subject_public_key_info(loaders, data);
    }
    if pkcs1::RsaPublicKeyRef::from_der(data).is_ok() {
        return rsa_public_key(loaders, data);
    }
    Err(Error::Malformed("DER: not an SPKI or PKCS#1 public key"))
}

/// `load_pem_parameters(data)`.
pub fn load_pem_parameters(loaders: &KeyLoaders<'_>, data: &[u8]) -> Result<Parameters> {
    let block = pem::find(data, &PARAMETER_LABELS)?;
    let any = || AnyRef::from_der(&block.der).map_err(malformed);
    match block.label {
        "EC PARAMETERS" => ec_parameters(&block.der),
        "DSA PARAMETERS" => dsa_parameters(loaders, any()?),
        "DH PARAMETERS" => dh_parameters(loaders, any()?, false),
        _ => dh_parameters(loaders, any()?, true),
    }
}

/// `load_der_parameters(data)`.
/// `Dss-Parms` (p, q, g), PKCS#3 `DHParameter` (p, g[, length]) and X9.42 `DomainParameters`
/// (p, g, q, ...) are all SEQUENCEs of INTEGERs: told apart as OpenSSL's `d2i` readers would be
/// tried, DSA first (three integers, `q` < `p` and `g` < `p`), then X9.42, then PKCS#3.
pub fn load_der_parameters(loaders: &KeyLoaders<'_>, data: &[u8]) -> Result<Parameters> {
    let any = AnyRef::from_der(data).map_err(malformed)?;
    match any.tag() {
        Tag::ObjectIdentifier => ec_parameters(data),
        Tag::Sequence if looks_like_explicit_curve(any) => ec_parameters(data),
        Tag::Sequence => {
            let count = integers(any);
            match count {
                Some(3) if dss_shaped(any) => dsa_parameters(loaders, any),
                Some(3..) => dh_parameters(loaders, any, true),
                Some(2) => dh_parameters(loaders, any, false),
                _ => Err(Error::Malformed("DER: not a parameters structure")),
            }
        }
        _ => Err(Error::Malformed("DER: not a parameters structure")),
    }
}

/// How many leading INTEGERs a SEQUENCE holds (`None` if it holds anything else first).
fn integers(any: AnyRef<'_>) -> Option<usize> {
    use der::Reader;
    any.sequence(|r: &mut der::SliceReader<'_>| {
        let mut n = 0;
        while Tag::peek(r).ok() == Some(Tag::Integer) {
            der::asn1::UintRef::decode(r)?;
            n += 1;
        }
        if !r.is_finished() {
            AnyRef::decode(r)?;
        }
        Ok::<_, der::Error>(n)
    })
    .ok()
}

/// `Dss-Parms` has `q` (second) much shorter than `p`; X9.42 has `g` second, as long as `p`.
fn dss_shaped(any: AnyRef<'_>) -> bool {
    any.sequence(|r: &mut der::SliceReader<'_>| {
        let p = der::asn1::UintRef::decode(r)?;
        let second = der::asn1::UintRef::decode(r)?;
        der::asn1::UintRef::decode(r)?;
        Ok::<_, der::Error>(second.as_bytes().len() < p.as_bytes().len())
    })
    .unwrap_or(false)
}

#[cfg(feature = "dsa")]
fn dsa_parameters(loaders: &KeyLoaders<'_>, any: AnyRef<'_>) -> Result<Parameters> {
    let group = crate::ffc::dss_parms(any)?;
    let numbers = dsa_parameter_numbers(&group)?;
    let loader = loaders.dsa.ok_or(no_family("DSA"))?;
    Ok(Parameters::Dsa(
        loader.load_dsa_parameter_numbers(&numbers)?,
    ))
}

#[cfg(not(feature = "dsa"))]
fn dsa_parameters(_: &KeyLoaders<'_>, _: AnyRef<'_>) -> Result<Parameters> {
    Err(no_family("DSA"))
}

#[cfg(feature = "dh")]
fn dh_parameters(loaders: &KeyLoaders<'_>, any: AnyRef<'_>, x942: bool) -> Result<Parameters> {
    let group = if x942 {
        crate::ffc::x942_parameters(any)?
    } else {
        crate::ffc::dh_parameter(any)?
    };
    let numbers = backend_dh::DhParameterNumbers::new(group.p, group.g, group.q);
    let loader = loaders.dh.ok_or(no_family("DH"))?;
    Ok(Parameters::Dh(loader.load_dh_parameter_numbers(&numbers)?))
}

#[cfg(not(feature = "dh"))]
fn dh_parameters(_: &KeyLoaders<'_>, _: AnyRef<'_>, _: bool) -> Result<Parameters> {
    Err(no_family("DH"))
}

#[cfg(feature = "dsa")]
fn dsa_parameter_numbers(
    group: &crate::ffc::Group<'_>,
) -> Result<backend_dsa::DsaParameterNumbers> {
    let q = group
        .q
        .ok_or(Error::Malformed("DSA parameters without q"))?;
    Ok(backend_dsa::DsaParameterNumbers::new(group.p, q, group.g))
}

/// OpenSSL's traditional DSA private key through the provider.
#[cfg(feature = "dsa")]
fn dsa_traditional_key(loaders: &KeyLoaders<'_>, der: &[u8]) -> Result<PrivateKey> {
    let (group, y, x) = crate::ffc::traditional_dsa(der)?;
    dsa_private_key(loaders, &group, y, x)
}

#[cfg(not(feature = "dsa"))]
fn dsa_traditional_key(_: &KeyLoaders<'_>, _: &[u8]) -> Result<PrivateKey> {
    Err(no_family("DSA"))
}

#[cfg(feature = "dsa")]
fn dsa_private_key(
    loaders: &KeyLoaders<'_>,
    group: &crate::ffc::Group<'_>,
    y: &[u8],
    x: &[u8],
) -> Result<PrivateKey> {
    use backend_dsa::{DsaPrivateNumbers, DsaPublicNumbers};
    let loader = loaders.dsa.ok_or(no_family("DSA"))?;
    let numbers =
        DsaPrivateNumbers::new(x, DsaPublicNumbers::new(y, dsa_parameter_numbers(group)?));
    Ok(PrivateKey::Dsa(loader.load_dsa_private_numbers(&numbers)?))
}

/// An explicit `ECParameters` SEQUENCE starts with version 1 and a field ID SEQUENCE.
fn looks_like_explicit_curve(any: AnyRef<'_>) -> bool {
    any.value().starts_with(&[0x02, 0x01, 0x01, 0x30])
}

fn ec_parameters(der: &[u8]) -> Result<Parameters> {
    let any = AnyRef::from_der(der).map_err(malformed)?;
    curve_from_parameters(Some(any)).map(Parameters::Ec)
}

fn reject_password(password: Option<&[u8]>) -> Result<()> {
    match password {
        Some(_) => Err(Error::Password(PasswordError::NotEncrypted)),
        None => Ok(()),
    }
}

fn no_family(name: &'static str) -> Error {
    Error::unsupported(Reason::PublicKeyAlgorithm, name)
}

fn encrypted_private_key_info(
    loaders: &KeyLoaders<'_>,
    der: &[u8],
    password: Option<&[u8]>,
) -> Result<PrivateKey> {
    let (algorithm, data) = pbe::parse(der).map_err(malformed)?;
    let password = password.ok_or(Error::Password(PasswordError::Missing))?;
    let plaintext = pbe::decrypt(&algorithm, data, password)?;
    // A wrong password that happens to leave a valid padding yields garbage, not a structure.
    let info = PrivateKeyInfoRef::from_der(&plaintext)
        .map_err(|_| Error::Password(PasswordError::Incorrect))?;
    private_key_info(loaders, &info)
}

/// A `PrivateKeyInfo`: the key type by its OID.
fn private_key_info(loaders: &KeyLoaders<'_>, info: &PrivateKeyInfoRef<'_>) -> Result<PrivateKey> {
    let o = info.algorithm.oid;
    let key = info.private_key.as_bytes();
    if o == oid::RSA_ENCRYPTION || o == oid::RSASSA_PSS {
        return rsa_private_key(loaders, key);
    }
    if o == oid::EC_PUBLIC_KEY {
        let curve = curve_from_parameters(info.algorithm.parameters)?;
        return ec_private_key(loaders, key, Some(curve));
    }
    #[cfg(feature = "dsa")]
    if o == oid::DSA {
        let params = info
            .algorithm
            .parameters
            .ok_or(Error::Malformed("DSA key without parameters"))?;
        let group = crate::ffc::dss_parms(params)?;
        let x = crate::ffc::integer(key)?;
        let y = crate::ffc::public_value(group.p, group.g, x)?;
        return dsa_private_key(loaders, &group, &y, x);
    }
    #[cfg(feature = "dh")]
    if o == oid::DH_PKCS3 || o == oid::DH_X942 {
        use backend_dh::{DhPrivateNumbers, DhPublicNumbers};
        let group = dh_group(&o, info.algorithm.parameters)?;
        let x = crate::ffc::integer(key)?;
        let y = crate::ffc::public_value(group.p, group.g, x)?;
        let numbers = DhPrivateNumbers::new(
            x,
            DhPublicNumbers::new(
                &y,
                backend_dh::DhParameterNumbers::new(group.p, group.g, group.q),
            ),
        );
        let loader = loaders.dh.ok_or(no_family("DH"))?;
        return Ok(PrivateKey::Dh(loader.load_dh_private_numbers(&numbers)?));
    }
    Err(unsupported_key_type(&o))
}

#[cfg(feature = "dh")]
fn dh_group<'a>(o: &ObjectIdentifier, params: Option<AnyRef<'a>>) -> Result<crate::ffc::Group<'a>> {
    let params = params.ok_or(Error::Malformed("DH key without parameters"))?;
    if *o == oid::DH_X942 {
        crate::ffc::x942_parameters(params)
    } else {
        crate::ffc::dh_parameter(params)
    }
}

fn unsupported_key_type(o: &ObjectIdentifier) -> Error {
    if *o == oid::DSA {
        no_family("DSA")
    } else if *o == oid::DH_PKCS3 || *o == oid::DH_X942 {
        no_family("DH")
    } else if *o == oid::ED25519 {
        no_family("Ed25519")
    } else if *o == oid::ED448 {
        no_family("Ed448")
    } else if *o == oid::X25519 {
        no_family("X25519")
    } else if *o == oid::X448 {
        no_family("X448")
    } else {
        no_family("unknown key algorithm OID")
    }
}

/// The named curve of `ECParameters` (an OID); explicit parameters are unsupported.
fn curve_from_parameters(params: Option<AnyRef<'_>>) -> Result<backend_core::EllipticCurve> {
    let params = params.ok_or(Error::Malformed("EC key without curve parameters"))?;
    match params.tag() {
        Tag::ObjectIdentifier => {
            let o: ObjectIdentifier = params.decode_as().map_err(malformed)?;
            oid::curve(&o).ok_or(Error::unsupported(
                Reason::EllipticCurve,
                "unknown curve OID",
            ))
        }
        Tag::Sequence => Err(Error::unsupported(
            Reason::EllipticCurve,
            "explicit curve parameters",
        )),
        _ => Err(Error::Malformed(
            "EC parameters are neither a curve OID nor explicit",
        )),
    }
}

#[cfg(feature = "rsa")]
fn rsa_loader<'a>(loaders: &KeyLoaders<'a>) -> Result<&'a dyn backend_rsa::RsaBackend> {
    loaders.rsa.ok_or(no_family("RSA"))
}

#[cfg(feature = "rsa")]
fn rsa_private_key(loaders: &KeyLoaders<'_>, der: &[u8]) -> Result<PrivateKey> {
    use backend_rsa::{RsaPrivateNumbers, RsaPublicNumbers};
    let key = pkcs1::RsaPrivateKeyRef::from_der(der).map_err(malformed)?;
    if key.other_prime_infos.is_some() {
        return Err(Error::unsupported(
            Reason::PublicKeyAlgorithm,
            "multi-prime RSA",
        ));
    }
    let numbers = RsaPrivateNumbers {
        p: key.prime1.as_bytes().to_vec(),
        q: key.prime2.as_bytes().to_vec(),
        d: key.private_exponent.as_bytes().to_vec(),
        dmp1: key.exponent1.as_bytes().to_vec(),
        dmq1: key.exponent2.as_bytes().to_vec(),
        iqmp: key.coefficient.as_bytes().to_vec(),
        public_numbers: RsaPublicNumbers::new(
            key.public_exponent.as_bytes(),
            key.modulus.as_bytes(),
        ),
    };
    let loaded = rsa_loader(loaders)?.load_rsa_private_numbers(&numbers)?;
    Ok(PrivateKey::Rsa(loaded))
}

#[cfg(not(feature = "rsa"))]
fn rsa_private_key(_: &KeyLoaders<'_>, _: &[u8]) -> Result<PrivateKey> {
    Err(no_family("RSA"))
}

#[cfg(feature = "rsa")]
fn rsa_public_key(loaders: &KeyLoaders<'_>, der: &[u8]) -> Result<PublicKey<'static>> {
    let key = pkcs1::RsaPublicKeyRef::from_der(der).map_err(malformed)?;
    let numbers =
        backend_rsa::RsaPublicNumbers::new(key.public_exponent.as_bytes(), key.modulus.as_bytes());
    Ok(PublicKey::Rsa(
        rsa_loader(loaders)?.load_rsa_public_numbers(&numbers)?,
    ))
}

#[cfg(not(feature = "rsa"))]
fn rsa_public_key(_: &KeyLoaders<'_>, _: &[u8]) -> Result<PublicKey<'static>> {
    Err(no_family("RSA"))
}

/// A SEC 1 `ECPrivateKey`; `outer` is the curve a PKCS#8 wrapper named, which the inner
/// parameters (when present) must agree with.
#[cfg(feature = "ec")]
fn ec_private_key(
    loaders: &KeyLoaders<'_>,
    der: &[u8],
    outer: Option<backend_core::EllipticCurve>,
) -> Result<PrivateKey> {
    use backend_ec::PointFormat;
    let key = sec1::EcPrivateKey::from_der(der).map_err(malformed)?;
    let inner = match key.parameters {
        Some(sec1::EcParameters::NamedCurve(o)) => Some(oid::curve(&o).ok_or(
            Error::unsupported(Reason::EllipticCurve, "unknown curve OID"),
        )?),
        None => None,
    };
    let curve = match (outer, inner) {
        (Some(a), Some(b)) if a != b => {
            return Err(Error::InvalidKey(
                "the PKCS#8 and SEC 1 curves of the key differ",
            ));
        }
        (Some(c), _) | (None, Some(c)) => c,
        (None, None) => return Err(Error::Malformed("EC key without curve parameters")),
    };
    let ec = loaders.ec.ok_or(no_family("EC"))?;
    let private_value = zeroize::Zeroizing::new(key.private_key.to_vec());
    let loaded = ec.derive_elliptic_curve_private_key(&private_value, curve)?;
    if let Some(public) = key.public_key {
        let format = match public.first() {
            Some(0x04) => PointFormat::Uncompressed,
            Some(0x02 | 0x03) => PointFormat::Compressed,
            _ => return Err(Error::InvalidKey("the key's public point is malformed")),
        };
        let ours = loaded.public_key().encoded_point(format)?;
        if ours.as_slice() != public {
            return Err(Error::InvalidKey(
                "the key's public point does not match its private value",
            ));
        }
    }
    Ok(PrivateKey::Ec(loaded))
}

#[cfg(not(feature = "ec"))]
fn ec_private_key(
    _: &KeyLoaders<'_>,
    _: &[u8],
    _: Option<backend_core::EllipticCurve>,
) -> Result<PrivateKey> {
    Err(no_family("EC"))
}

/// A `SubjectPublicKeyInfo`: the key type by its OID.
fn subject_public_key_info(loaders: &KeyLoaders<'_>, der: &[u8]) -> Result<PublicKey<'static>> {
    let spki = SubjectPublicKeyInfoRef::from_der(der).map_err(malformed)?;
    let key = bit_string_bytes(&spki.subject_public_key)?;
    let o = spki.algorithm.oid;
    if o == oid::RSA_ENCRYPTION || o == oid::RSASSA_PSS {
        return rsa_public_key(loaders, key);
    }
    if o == oid::EC_PUBLIC_KEY {
        let curve = curve_from_parameters(spki.algorithm.parameters)?;
        return ec_public_key(loaders, curve, key);
    }
    #[cfg(feature = "dsa")]
    if o == oid::DSA {
        use backend_dsa::DsaPublicNumbers;
        // A DSA SPKI may omit its parameters (they are then a CA certificate's); a key without
        // them cannot be used on its own.
        let params = spki.algorithm.parameters.ok_or(Error::unsupported(
            Reason::PublicKeyAlgorithm,
            "DSA public key without parameters",
        ))?;
        let group = crate::ffc::dss_parms(params)?;
        let y = crate::ffc::integer(key)?;
        let numbers = DsaPublicNumbers::new(y, dsa_parameter_numbers(&group)?);
        let loader = loaders.dsa.ok_or(no_family("DSA"))?;
        return Ok(PublicKey::Dsa(loader.load_dsa_public_numbers(&numbers)?));
    }
    #[cfg(feature = "dh")]
    if o == oid::DH_PKCS3 || o == oid::DH_X942 {
        use backend_dh::{DhParameterNumbers, DhPublicNumbers};
        let group = dh_group(&o, spki.algorithm.parameters)?;
        let y = crate::ffc::integer(key)?;
        let numbers = DhPublicNumbers::new(y, DhParameterNumbers::new(group.p, group.g, group.q));
        let loader = loaders.dh.ok_or(no_family("DH"))?;
        return Ok(PublicKey::Dh(loader.load_dh_public_numbers(&numbers)?));
    }
    Err(unsupported_key_type(&o))
}

fn bit_string_bytes<'a>(bits: &BitStringRef<'a>) -> Result<&'a [u8]> {
    bits.as_bytes()
        .ok_or(Error::Malformed("public key BIT STRING has unused bits"))
}

#[cfg(feature = "ec")]
fn ec_public_key(
    loaders: &KeyLoaders<'_>,
    curve: backend_core::EllipticCurve,
    point: &[u8],
) -> Result<PublicKey<'static>> {
    let ec = loaders.ec.ok_or(no_family("EC"))?;
    Ok(PublicKey::Ec(
        ec.load_elliptic_curve_public_bytes(curve, point)?,
    ))
}

#[cfg(not(feature = "ec"))]
fn ec_public_key(
    _: &KeyLoaders<'_>,
    _: backend_core::EllipticCurve,
    _: &[u8],
) -> Result<PublicKey<'static>> {
    Err(no_family("EC"))
}
