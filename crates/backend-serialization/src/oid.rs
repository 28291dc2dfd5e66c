//! The object identifiers of the key, curve, KDF and cipher algorithms the encodings name: one
//! table, read by the parsers and the writers alike.

use backend_core::{EllipticCurve, HashAlgorithm};
use der::asn1::ObjectIdentifier as Oid;

/// `rsaEncryption` (PKCS#1).
pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
/// `id-RSASSA-PSS`: an RSA key restricted to PSS; loaded as a plain RSA key, as pyca does.
pub const RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
/// `id-ecPublicKey` (SEC 1 / RFC 5480).
pub const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
/// `id-dsa` (RFC 3279).
pub const DSA: Oid = Oid::new_unwrap("1.2.840.10040.4.1");
/// `dhKeyAgreement` (PKCS#3).
pub const DH_PKCS3: Oid = Oid::new_unwrap("1.2.840.113549.1.3.1");
/// `dhpublicnumber` (X9.42).
pub const DH_X942: Oid = Oid::new_unwrap("1.2.840.10046.2.1");
/// `id-Ed25519`, `id-X25519`, `id-Ed448`, `id-X448` (RFC 8410): key types with no family here.
pub const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
/// `id-X25519`.
pub const X25519: Oid = Oid::new_unwrap("1.3.101.110");
/// `id-Ed448`.
pub const ED448: Oid = Oid::new_unwrap("1.3.101.113");
/// `id-X448`.
pub const X448: Oid = Oid::new_unwrap("1.3.101.111");

/// `id-PBES2` (PKCS#5 v2).
pub const PBES2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.13");
/// `id-PBKDF2`.
pub const PBKDF2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.12");
/// `id-scrypt` (RFC 7914).
pub const SCRYPT: Oid = Oid::new_unwrap("1.3.6.1.4.1.11591.4.11");

/// `pbeWithMD5AndDES-CBC` (PKCS#5 v1.5, PBES1).
pub const PBE_MD5_DES: Oid = Oid::new_unwrap("1.2.840.113549.1.5.3");
/// `pbeWithMD5AndRC2-CBC`.
pub const PBE_MD5_RC2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.6");
/// `pbeWithSHA1AndDES-CBC`.
pub const PBE_SHA1_DES: Oid = Oid::new_unwrap("1.2.840.113549.1.5.10");
/// `pbeWithSHA1AndRC2-CBC`.
pub const PBE_SHA1_RC2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.11");

/// `pbeWithSHAAnd128BitRC4` (PKCS#12 appendix C).
pub const PKCS12_SHA1_RC4_128: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.1");
/// `pbeWithSHAAnd40BitRC4`.
pub const PKCS12_SHA1_RC4_40: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.2");
/// `pbeWithSHAAnd3-KeyTripleDES-CBC`.
pub const PKCS12_SHA1_3DES: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.3");
/// `pbeWithSHAAnd2-KeyTripleDES-CBC`.
pub const PKCS12_SHA1_2DES: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.4");
/// `pbeWithSHAAnd128BitRC2-CBC`.
pub const PKCS12_SHA1_RC2_128: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.5");
/// `pbewithSHAAnd40BitRC2-CBC`.
pub const PKCS12_SHA1_RC2_40: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.6");

/// `aes128-CBC` (NIST).
pub const AES_128_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.2");
/// `aes192-CBC`.
pub const AES_192_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.22");
/// `aes256-CBC`.
pub const AES_256_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.42");
/// `des-ede3-cbc` (RSA DSI).
pub const DES_EDE3_CBC: Oid = Oid::new_unwrap("1.2.840.113549.3.7");
/// `desCBC` (OIW).
pub const DES_CBC: Oid = Oid::new_unwrap("1.3.14.3.2.7");
/// `rc2-cbc` (RSA DSI).
pub const RC2_CBC: Oid = Oid::new_unwrap("1.2.840.113549.3.2");

/// The PBKDF2 pseudo-random functions: `hmacWithSHA1` … `hmacWithSHA512-256` (RFC 8018).
pub const PBKDF2_PRFS: [(Oid, HashAlgorithm); 7] = [
    (Oid::new_unwrap("1.2.840.113549.2.7"), HashAlgorithm::Sha1),
    (Oid::new_unwrap("1.2.840.113549.2.8"), HashAlgorithm::Sha224),
    (Oid::new_unwrap("1.2.840.113549.2.9"), HashAlgorithm::Sha256),
    (
        Oid::new_unwrap("1.2.840.113549.2.10"),
        HashAlgorithm::Sha384,
    ),
    (
        Oid::new_unwrap("1.2.840.113549.2.11"),
        HashAlgorithm::Sha512,
    ),
    (
        Oid::new_unwrap("1.2.840.113549.2.12"),
        HashAlgorithm::Sha512_224,
    ),
    (
        Oid::new_unwrap("1.2.840.113549.2.13"),
        HashAlgorithm::Sha512_256,
    ),
];

/// The named curves (SEC 2, RFC 5639), each with its OID.
pub const CURVES: [(Oid, EllipticCurve); 19] = [
    (
        Oid::new_unwrap("1.2.840.10045.3.1.1"),
        EllipticCurve::Secp192r1,
    ),
    (Oid::new_unwrap("1.3.132.0.33"), EllipticCurve::Secp224r1),
    (
        Oid::new_unwrap("1.2.840.10045.3.1.7"),
        EllipticCurve::Secp256r1,
    ),
    (Oid::new_unwrap("1.3.132.0.34"), EllipticCurve::Secp384r1),
    (Oid::new_unwrap("1.3.132.0.35"), EllipticCurve::Secp521r1),
    (Oid::new_unwrap("1.3.132.0.10"), EllipticCurve::Secp256k1),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.7"),
        EllipticCurve::BrainpoolP256r1,
    ),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.11"),
        EllipticCurve::BrainpoolP384r1,
    ),
    (
        Oid::new_unwrap("1.3.36.3.3.2.8.1.1.13"),
        EllipticCurve::BrainpoolP512r1,
    ),
    (Oid::new_unwrap("1.3.132.0.1"), EllipticCurve::Sect163k1),
    (Oid::new_unwrap("1.3.132.0.26"), EllipticCurve::Sect233k1),
    (Oid::new_unwrap("1.3.132.0.16"), EllipticCurve::Sect283k1),
    (Oid::new_unwrap("1.3.132.0.36"), EllipticCurve::Sect409k1),
    (Oid::new_unwrap("1.3.132.0.38"), EllipticCurve::Sect571k1),
    (Oid::new_unwrap("1.3.132.0.15"), EllipticCurve::Sect163r2),
    (Oid::new_unwrap("1.3.132.0.27"), EllipticCurve::Sect233r1),
    (Oid::new_unwrap("1.3.132.0.17"), EllipticCurve::Sect283r1),
    (Oid::new_unwrap("1.3.132.0.37"), EllipticCurve::Sect409r1),
    (Oid::new_unwrap("1.3.132.0.39"), EllipticCurve::Sect571r1),
];

/// The curve an OID names, if it is one of [`CURVES`].
pub fn curve(oid: &Oid) -> Option<EllipticCurve> {
    CURVES.iter().find(|(o, _)| o == oid).map(|&(_, c)| c)
}

/// The OID of `curve`.
pub fn curve_oid(curve: EllipticCurve) -> Oid {
    // Every descriptor is in the table (a unit test walks `EllipticCurve::ALL`).
    CURVES
        .iter()
        .find(|&&(_, c)| c == curve)
        .map_or(CURVES[2].0, |&(o, _)| o)
}

/// The hash of a PBKDF2 PRF OID.
pub fn pbkdf2_prf(oid: &Oid) -> Option<HashAlgorithm> {
    PBKDF2_PRFS.iter().find(|(o, _)| o == oid).map(|&(_, h)| h)
}

/// The OID of the PBKDF2 PRF over `hash`.
pub fn pbkdf2_prf_oid(hash: HashAlgorithm) -> Option<Oid> {
    PBKDF2_PRFS
        .iter()
        .find(|&&(_, h)| h == hash)
        .map(|&(o, _)| o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_curve_descriptor_has_an_oid_and_back() {
        for curve in EllipticCurve::ALL {
            let oid = curve_oid(curve);
            assert_eq!(super::curve(&oid), Some(curve), "{curve:?}");
        }
    }
}
