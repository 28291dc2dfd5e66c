//! The finite-field keys: DSA (RFC 3279 `Dss-Parms`, OpenSSL's traditional `DSAPrivateKey`) and
//! Diffie-Hellman (PKCS#3 `DHParameter`, X9.42 `DomainParameters`), their PKCS#8 and SPKI forms.
//!
//! PKCS#8 holds only the private value `x`; the public value `y = g^x mod p` the family's numbers
//! need is computed here, in constant time (`x` is secret), on crypto-bigint: the families' traits
//! load numbers, they do not derive them.

use crate::malformed;
use crate::pbe::sequence;
use alloc::vec::Vec;
use backend_core::{Error, Result};
use der::asn1::{AnyRef, UintRef};
use der::{Decode, Encode, Reader, SliceReader};
use zeroize::Zeroizing;

/// `p`, `q` (optional for DH), `g`, big-endian without sign bytes.
pub(crate) struct Group<'a> {
    pub p: &'a [u8],
    pub q: Option<&'a [u8]>,
    pub g: &'a [u8],
}

#[cfg(feature = "dsa")]
/// `Dss-Parms ::= SEQUENCE { p, q, g }`.
pub(crate) fn dss_parms(any: AnyRef<'_>) -> Result<Group<'_>> {
    any.sequence(|r: &mut SliceReader<'_>| {
        let p = UintRef::decode(r)?;
        let q = UintRef::decode(r)?;
        let g = UintRef::decode(r)?;
        Ok::<_, der::Error>(Group {
            p: p.as_bytes(),
            q: Some(q.as_bytes()),
            g: g.as_bytes(),
        })
    })
    .map_err(malformed)
}

#[cfg(feature = "dh")]
/// PKCS#3 `DHParameter ::= SEQUENCE { p, g, privateValueLength INTEGER OPTIONAL }`.
pub(crate) fn dh_parameter(any: AnyRef<'_>) -> Result<Group<'_>> {
    any.sequence(|r: &mut SliceReader<'_>| {
        let p = UintRef::decode(r)?;
        let g = UintRef::decode(r)?;
        if !r.is_finished() {
            u32::decode(r)?;
        }
        Ok::<_, der::Error>(Group {
            p: p.as_bytes(),
            q: None,
            g: g.as_bytes(),
        })
    })
    .map_err(malformed)
}

#[cfg(feature = "dh")]
/// X9.42 `DomainParameters ::= SEQUENCE { p, g, q, j INTEGER OPTIONAL,
/// validationParms ValidationParms OPTIONAL }` (note the order: g before q).
pub(crate) fn x942_parameters(any: AnyRef<'_>) -> Result<Group<'_>> {
    any.sequence(|r: &mut SliceReader<'_>| {
        let p = UintRef::decode(r)?;
        let g = UintRef::decode(r)?;
        let q = UintRef::decode(r)?;
        if der::Tag::peek(r).ok() == Some(der::Tag::Integer) {
            UintRef::decode(r)?;
        }
        if !r.is_finished() {
            AnyRef::decode(r)?;
        }
        Ok::<_, der::Error>(Group {
            p: p.as_bytes(),
            q: Some(q.as_bytes()),
            g: g.as_bytes(),
        })
    })
    .map_err(malformed)
}

/// A lone `INTEGER` (a PKCS#8 private value, an SPKI public value), without trailing data.
pub(crate) fn integer(der: &[u8]) -> Result<&[u8]> {
    UintRef::from_der(der)
        .map(|u| u.as_bytes())
        .map_err(malformed)
}

#[cfg(feature = "dsa")]
/// OpenSSL's traditional DSA key: `SEQUENCE { version 0, p, q, g, y, x }` → (group, y, x).
pub(crate) fn traditional_dsa(der: &[u8]) -> Result<(Group<'_>, &[u8], &[u8])> {
    let mut reader = SliceReader::new(der).map_err(malformed)?;
    let parsed = reader
        .sequence(|r| {
            let version = UintRef::decode(r)?;
            let p = UintRef::decode(r)?;
            let q = UintRef::decode(r)?;
            let g = UintRef::decode(r)?;
            let y = UintRef::decode(r)?;
            let x = UintRef::decode(r)?;
            Ok::<_, der::Error>((version, p, q, g, y, x))
        })
        .map_err(malformed)?;
    reader.finish().map_err(malformed)?;
    let (version, p, q, g, y, x) = parsed;
    if !version.as_bytes().is_empty() && version.as_bytes() != [0] {
        return Err(Error::Malformed("DSA private key: version is not 0"));
    }
    Ok((
        Group {
            p: p.as_bytes(),
            q: Some(q.as_bytes()),
            g: g.as_bytes(),
        },
        y.as_bytes(),
        x.as_bytes(),
    ))
}

/// `g^x mod p`, big-endian, computed in constant time in `x` (whose bound, the width of `p`, is
/// public). `p` must be odd and `1 < g < p`, `0 < x < p`: otherwise [`Error::InvalidKey`] (the
/// family's loader names the finer rules).
pub(crate) fn public_value(p: &[u8], g: &[u8], x: &[u8]) -> Result<Vec<u8>> {
    use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
    use crypto_bigint::{BoxedUint, Odd};
    let bad = Error::InvalidKey("the key's group or private value is out of range");
    let p = trim(p);
    if p.is_empty() || p.len() > 2048 {
        return Err(bad);
    }
    let precision = u32::try_from(p.len().div_ceil(8) * 64).map_err(|_| bad)?;
    let int = |bytes: &[u8]| BoxedUint::from_be_slice(trim(bytes), precision).map_err(|_| bad);
    let p_int = int(p)?;
    let g = int(g)?;
    let x = Zeroizing::new(int(x)?);
    if g <= BoxedUint::one() || g >= p_int || bool::from(x.is_zero()) || *x >= p_int {
        return Err(bad);
    }
    let odd = Odd::new(p_int).into_option().ok_or(bad)?;
    let params = BoxedMontyParams::new_vartime(odd);
    let mut form = BoxedMontyForm::new(g, &params).pow_bounded_exp(&x, precision);
    let y = form.retrieve().to_be_bytes();
    zeroize::Zeroize::zeroize(&mut form);
    Ok(trim(&y).to_vec())
}

fn trim(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

fn uint(bytes: &[u8]) -> Result<Vec<u8>> {
    let encode =
        |_| Error::InvalidArgument("key encoding failed: a number is out of range for DER");
    let bytes = match trim(bytes) {
        [] => &[0u8][..],
        trimmed => trimmed,
    };
    UintRef::new(bytes)
        .map_err(encode)?
        .to_der()
        .map_err(encode)
}

/// The DER `INTEGER` of `value` (a private value goes into a zeroized buffer).
pub(crate) fn integer_der(value: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    Ok(Zeroizing::new(uint(value)?))
}

#[cfg(feature = "dsa")]
/// `Dss-Parms` DER.
pub(crate) fn dss_parms_der(p: &[u8], q: &[u8], g: &[u8]) -> Result<Vec<u8>> {
    Ok(sequence(&[&uint(p)?, &uint(q)?, &uint(g)?]))
}

#[cfg(feature = "dh")]
/// PKCS#3 `DHParameter` DER (without `q`) or X9.42 `DomainParameters` DER (with it), and the
/// algorithm OID that goes with each.
pub(crate) fn dh_parameters_der(
    p: &[u8],
    g: &[u8],
    q: Option<&[u8]>,
) -> Result<(der::asn1::ObjectIdentifier, Vec<u8>)> {
    Ok(match q {
        Some(q) => (
            crate::oid::DH_X942,
            sequence(&[&uint(p)?, &uint(g)?, &uint(q)?]),
        ),
        None => (crate::oid::DH_PKCS3, sequence(&[&uint(p)?, &uint(g)?])),
    })
}

#[cfg(feature = "dsa")]
/// OpenSSL's traditional `DSAPrivateKey` DER.
pub(crate) fn traditional_dsa_der(
    p: &[u8],
    q: &[u8],
    g: &[u8],
    y: &[u8],
    x: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let x = integer_der(x)?;
    Ok(Zeroizing::new(sequence(&[
        &uint(&[0])?,
        &uint(p)?,
        &uint(q)?,
        &uint(g)?,
        &uint(y)?,
        &x,
    ])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_value_is_g_to_the_x() {
        // 2^5 mod 23 = 9.
        assert_eq!(public_value(&[23], &[2], &[5]).unwrap(), [9]);
        assert!(public_value(&[23], &[1], &[5]).is_err());
        assert!(public_value(&[23], &[2], &[0]).is_err());
        assert!(public_value(&[23], &[2], &[23]).is_err());
        assert!(public_value(&[22], &[2], &[5]).is_err());
    }

    #[cfg(feature = "dh")]
    #[test]
    fn x942_parameters_put_g_before_q() {
        let der = sequence(&[
            &uint(&[23]).unwrap(),
            &uint(&[2]).unwrap(),
            &uint(&[11]).unwrap(),
        ]);
        let any = AnyRef::from_der(&der).unwrap();
        let group = x942_parameters(any).unwrap();
        assert_eq!(
            (group.p, group.g, group.q),
            (&[23u8][..], &[2u8][..], Some(&[11u8][..]))
        );
    }
}
