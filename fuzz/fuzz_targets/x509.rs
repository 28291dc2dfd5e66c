//! X.509 loading (`backend::x509`): arbitrary bytes, as DER or inside a PEM armour with a
//! certificate, CSR or CRL label, through every loader, then every accessor of what loads.
//!
//! Asserts: nothing panics; an object that loads writes itself back (`public_bytes`) to the
//! bytes it was read from and reloads equal; a name that reads re-reads from its own DER to the
//! same name.
#![no_main]

use backend::Backend;
use backend::HashAlgorithm;
use backend::x509::{Encoding, Name, X509Backend};
use libfuzzer_sys::fuzz_target;

fn name(n: backend::Result<Name>) {
    if let Ok(n) = n {
        let _ = n.rfc4514_string();
        let again = Name::from_der(n.public_bytes()).expect("a name re-reads from its own DER");
        assert_eq!(again, n);
    }
}

/// Standard base64 with padding (no line breaks: the PEM reader takes one long line).
fn base64_encode(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let p = Backend;
    let armoured = |label: &str| {
        let mut text = format!("-----BEGIN {label}-----\n").into_bytes();
        text.extend_from_slice(base64_encode(data).as_bytes());
        text.extend_from_slice(format!("\n-----END {label}-----\n").as_bytes());
        text
    };
    let _ = p.load_pem_x509_certificate(data);
    let _ = p.load_pem_x509_certificates(data);
    let _ = p.load_pem_x509_csr(data);
    let _ = p.load_pem_x509_crl(data);
    for cert in [p.load_der_x509_certificate(data), p.load_pem_x509_certificate(&armoured("CERTIFICATE"))] {
        if let Ok(c) = cert {
            assert_eq!(c.public_bytes(Encoding::Der), data);
            let again = p.load_pem_x509_certificate(&c.public_bytes(Encoding::Pem)).expect("PEM round trip");
            assert!(again == c);
            let _ = (c.version(), c.serial_number(), c.not_valid_before(), c.not_valid_after());
            name(c.issuer());
            name(c.subject());
            let _ = c.public_key();
            let _ = c.signature_algorithm_oid();
            let _ = c.signature_hash_algorithm();
            let _ = c.signature_algorithm_parameters();
            let _ = c.signature();
            let _ = c.extensions();
            let _ = c.fingerprint(HashAlgorithm::Sha256);
            let _ = c.verify_directly_issued_by(&c);
            let _ = c.tbs_precertificate_bytes();
        }
    }
    for csr in [p.load_der_x509_csr(data), p.load_pem_x509_csr(&armoured("CERTIFICATE REQUEST"))] {
        if let Ok(c) = csr {
            assert_eq!(c.public_bytes(Encoding::Der), data);
            name(c.subject());
            let _ = c.public_key();
            let _ = c.signature_hash_algorithm();
            let _ = c.attributes();
            let _ = c.extensions();
            let _ = c.is_signature_valid();
        }
    }
    for crl in [p.load_der_x509_crl(data), p.load_pem_x509_crl(&armoured("X509 CRL"))] {
        if let Ok(c) = crl {
            assert_eq!(c.public_bytes(Encoding::Der), data);
            name(c.issuer());
            let _ = (c.last_update(), c.next_update());
            for r in c.revoked() {
                let _ = r.extensions();
                let _ = r.reason();
                assert!(c.get_revoked_certificate_by_serial_number(r.serial_number().as_bytes()).is_some());
            }
            let _ = c.extensions();
            let _ = c.signature_hash_algorithm();
            let _ = c.signature();
        }
    }
});
