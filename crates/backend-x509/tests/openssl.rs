//! Certificates, a CSR and a CRL made by the `openssl` command (files in `tests/data`, made with
//! `data/openssl.cnf`): every field equal to what `openssl x509|req|crl -text` printed for them,
//! the signatures verified, and every byte flip and truncation a typed error or another valid
//! object, never a panic.

use backend_core::{HashAlgorithm, RustCrypto};
use backend_keys::SignatureAlgorithm;
use backend_x509::{Encoding, NameValue, ReasonFlags, TimeKind, Version, X509Backend};

const CA: &[u8] = include_bytes!("data/p256_ca.pem");
const CSR: &[u8] = include_bytes!("data/p256.csr.pem");
const CRL: &[u8] = include_bytes!("data/p256.crl.pem");
const PSS: &[u8] = include_bytes!("data/rsa_pss.pem");

/// `openssl x509 -subject -nameopt RFC2253` for every file.
const NAME: &str = "CN=cryptography.io,O=Example\\, Inc.,C=US";

#[test]
fn certificate_fields_match_openssl() {
    let c = RustCrypto.load_pem_x509_certificate(CA).unwrap();
    assert_eq!(c.version(), Version::V3);
    // Serial Number: 01:02:...:14 (20 bytes)
    assert_eq!(c.serial_number().as_bytes(), (1u8..=20).collect::<Vec<_>>());
    assert!(!c.serial_number().is_negative());
    assert_eq!(c.not_valid_before().to_string(), "2026-12-02T12:04:42");
    assert_eq!(c.not_valid_after().to_string(), "2036-11-29T12:04:42");
    assert_eq!(c.not_valid_after().kind, TimeKind::UtcTime);
    let subject = c.subject().unwrap();
    assert_eq!(subject.rfc4514_string(), NAME);
    assert_eq!(c.issuer().unwrap(), subject);
    let org = subject
        .get_attributes_for_oid("2.5.4.10".parse().unwrap())
        .next()
        .unwrap();
    assert_eq!(org.value, NameValue::Text("Example, Inc.".into()));
    assert_eq!(RustCrypto.x509_name_bytes(&subject), subject.public_bytes());
    let key = c.public_key().unwrap();
    assert_eq!(key.key_size(), 256);
    assert!(key.as_ec().is_some());
    assert_eq!(
        c.signature_algorithm_oid().unwrap().to_string(),
        "1.2.840.10045.4.3.2"
    );
    assert_eq!(
        c.signature_hash_algorithm().unwrap(),
        Some(HashAlgorithm::Sha256)
    );
    assert_eq!(c.signature_algorithm_parameters().unwrap(), None);
    // basicConstraints (critical), subjectAltName, keyUsage (critical), and the subject and
    // authority key identifiers openssl adds.
    let ext = c.extensions().unwrap();
    let bc = ext.get("2.5.29.19".parse().unwrap()).unwrap();
    assert!(bc.critical);
    assert_eq!(bc.value, [0x30, 0x03, 0x01, 0x01, 0xff]);
    assert!(ext.get("2.5.29.17".parse().unwrap()).is_some());
    assert!(ext.get("2.5.29.15".parse().unwrap()).unwrap().critical);
    // openssl x509 -fingerprint -sha256
    assert_eq!(
        c.fingerprint(HashAlgorithm::Sha256).unwrap(),
        hex("E36093FB29E951FAE4516FEA8222E460353DAE94F1A9F73654EB91B0D28A9B65")
    );
    c.verify_directly_issued_by(&c).unwrap();
    assert_eq!(c.public_bytes(Encoding::Pem), CA);
    let der = c.public_bytes(Encoding::Der);
    assert!(RustCrypto.load_der_x509_certificate(&der).unwrap() == c);
    // The signature covers the TBS bytes.
    let alg = c.signature_algorithm().unwrap();
    key.verify(
        c.signature().unwrap(),
        c.tbs_certificate_bytes(),
        &alg,
        alg.message(),
    )
    .unwrap();
}

#[test]
fn rsa_pss_parameters_match_openssl() {
    let c = RustCrypto.load_pem_x509_certificate(PSS).unwrap();
    // Hash sha256, MGF1 with sha256, salt length 0x20.
    assert_eq!(
        c.signature_algorithm_parameters().unwrap(),
        Some(SignatureAlgorithm::RsaPss {
            hash: HashAlgorithm::Sha256,
            mgf_hash: HashAlgorithm::Sha256,
            salt_length: backend_rsa::SaltLength::Explicit(32),
        })
    );
    assert_eq!(
        c.signature_algorithm_oid().unwrap().to_string(),
        "1.2.840.113549.1.1.10"
    );
    assert_eq!(c.public_key().unwrap().key_size(), 2048);
    c.verify_directly_issued_by(&c).unwrap();
    // Another issuer's key does not verify it.
    let other = RustCrypto.load_pem_x509_certificate(CA).unwrap();
    assert!(c.verify_directly_issued_by(&other).is_err());
}

#[test]
fn csr_fields_match_openssl() {
    let csr = RustCrypto.load_pem_x509_csr(CSR).unwrap();
    assert_eq!(csr.subject().unwrap().rfc4514_string(), NAME);
    assert_eq!(
        csr.signature_hash_algorithm().unwrap(),
        Some(HashAlgorithm::Sha384)
    );
    assert_eq!(csr.public_key().unwrap().key_size(), 256);
    assert!(csr.is_signature_valid().unwrap());
    assert!(csr.attributes().unwrap().is_empty());
    assert!(csr.extensions().unwrap().is_empty());
    assert_eq!(csr.public_bytes(Encoding::Pem), CSR);
    // A flipped signature byte is a signature that does not verify, not an error.
    let mut der = csr.public_bytes(Encoding::Der);
    let last = der.len() - 2;
    der[last] ^= 1;
    let bad = RustCrypto.load_der_x509_csr(&der).unwrap();
    assert!(!bad.is_signature_valid().unwrap());
}

#[test]
fn crl_fields_match_openssl() {
    let crl = RustCrypto.load_pem_x509_crl(CRL).unwrap();
    assert_eq!(crl.issuer().unwrap().rfc4514_string(), NAME);
    assert_eq!(crl.last_update().to_string(), "2026-12-02T12:04:47");
    assert_eq!(
        crl.next_update().unwrap().to_string(),
        "2027-01-01T12:04:47"
    );
    // CRL Number: 2
    let number = crl.extensions().unwrap();
    assert_eq!(
        number.get("2.5.29.20".parse().unwrap()).unwrap().value,
        [0x02, 0x01, 0x02]
    );
    let revoked = crl.revoked();
    assert_eq!(revoked.len(), 2);
    assert_eq!(revoked[0].serial_number().as_bytes(), [0x0a]);
    assert_eq!(
        revoked[0].revocation_date().to_string(),
        "2026-12-01T00:00:00"
    );
    assert_eq!(
        revoked[0].reason().unwrap(),
        Some(ReasonFlags::KeyCompromise)
    );
    assert_eq!(revoked[1].reason().unwrap(), None);
    // 0x0102FF: a lookup by serial finds it, an absent serial finds nothing.
    assert!(
        crl.get_revoked_certificate_by_serial_number(&[0x01, 0x02, 0xff])
            .is_some()
    );
    assert!(
        crl.get_revoked_certificate_by_serial_number(&[0x0b])
            .is_none()
    );
    let ca = RustCrypto.load_pem_x509_certificate(CA).unwrap();
    assert!(crl.is_signature_valid(&ca.public_key().unwrap()).unwrap());
    let pss = RustCrypto.load_pem_x509_certificate(PSS).unwrap();
    // An RSA key for an ECDSA signature: a typed error (pyca's `TypeError`), not `false`.
    assert!(crl.is_signature_valid(&pss.public_key().unwrap()).is_err());
    assert_eq!(crl.public_bytes(Encoding::Pem), CRL);
}

#[test]
fn bad_input_is_a_typed_error() {
    // Not PEM, wrong label, trailing data, truncation.
    assert!(
        RustCrypto
            .load_pem_x509_certificate(b"not a certificate")
            .is_err()
    );
    assert!(RustCrypto.load_pem_x509_crl(CA).is_err());
    assert!(RustCrypto.load_pem_x509_csr(CA).is_err());
    let der = RustCrypto
        .load_pem_x509_certificate(CA)
        .unwrap()
        .public_bytes(Encoding::Der);
    let mut trailing = der.clone();
    trailing.push(0);
    assert!(RustCrypto.load_der_x509_certificate(&trailing).is_err());
    for n in 0..der.len() {
        assert!(RustCrypto.load_der_x509_certificate(&der[..n]).is_err());
    }
    // Every byte flipped: loads to something or fails, and every accessor answers.
    for i in 0..der.len() {
        let mut copy = der.clone();
        copy[i] ^= 0xff;
        if let Ok(c) = RustCrypto.load_der_x509_certificate(&copy) {
            let _ = (c.subject(), c.issuer(), c.public_key(), c.extensions());
            let _ = (c.signature_hash_algorithm(), c.signature());
            let _ = c.verify_directly_issued_by(&c);
        }
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn rfc4514_escaping_and_types() {
    use backend_x509::{Asn1Type, Name};
    // SEQUENCE { SET { SEQUENCE { 2.5.4.3, UTF8String " a+b," } },
    //            SET { SEQUENCE { 2.5.4.45 (x500UniqueIdentifier), BIT STRING 0x00 0xab } } }
    // with a BMPString "é" organisation in between.
    let der = [
        0x30, 0x2b, //
        0x31, 0x0e, 0x30, 0x0c, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x05, b' ', b'a', b'+', b'b',
        b',', //
        0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x1e, 0x02, 0x00, 0xe9, //
        0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x2d, 0x03, 0x03, 0x00, 0xab, 0xcd,
    ];
    let name = Name::from_der(&der).unwrap();
    assert_eq!(
        name.rfc4514_string(),
        "2.5.4.45=#abcd,O=\u{e9},CN=\\ a\\+b\\,"
    );
    let types: Vec<_> = name.attributes().map(|a| a.asn1_type).collect();
    assert_eq!(
        types,
        [
            Asn1Type::Utf8String,
            Asn1Type::BmpString,
            Asn1Type::BitString
        ]
    );
    assert_eq!(name.public_bytes(), der);
    // Trailing data, an empty RDN, a value that is not UTF-8: errors.
    let mut trailing = der.to_vec();
    trailing.push(0);
    assert!(Name::from_der(&trailing).is_err());
    assert!(Name::from_der(&[0x30, 0x02, 0x31, 0x00]).is_err());
    let bad_utf8 = [
        0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 0xff,
    ];
    assert!(Name::from_der(&bad_utf8).is_err());
}
