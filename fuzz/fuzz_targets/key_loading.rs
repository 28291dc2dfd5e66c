//! PEM and DER key loading (`backend::serialization`): arbitrary bytes, as PEM text or DER, with
//! and without a password, through every loader (private, public, parameters).
//!
//! Asserts: no loader panics; a private key that loads writes itself back (PKCS#8 DER and
//! traditional PEM) and reloads to the same public key; a public key that loads re-encodes to
//! SPKI and reloads equal; the password errors follow the rules (a password for a plain key is
//! refused with `NotEncrypted`, never accepted).
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::serialization::{
    DerSerializationBackend, Encoding, KeySerializationEncryption, PemSerializationBackend,
    PrivateFormat, PublicFormat, private_bytes_with_rng, public_bytes,
};
use backend::{Backend, Error, PasswordError};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Input {
    pem: bool,
    password: Option<Vec<u8>>,
    data: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let pem = u.arbitrary()?;
        let password = if u.arbitrary()? {
            Some(u.arbitrary::<Vec<u8>>()?)
        } else {
            None
        };
        let body = backend_fuzz::rest(u);
        // Half the PEM inputs get a real armour around the bytes, so the DER parsers behind the
        // labels are reached too.
        let data = if pem && body.first().is_some_and(|b| b & 1 == 1) {
            let labels = ["PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY", "EC PARAMETERS"];
            let label = labels[usize::from(body[0] >> 1) % labels.len()];
            let mut text = format!("-----BEGIN {label}-----\n");
            if body.get(1).is_some_and(|b| b & 1 == 1) {
                text.push_str("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,000102030405060708090A0B0C0D0E0F\n\n");
            }
            text.push_str(&base64_encode(&body[1..]));
            text.push_str(&format!("\n-----END {label}-----\n"));
            text.into_bytes()
        } else {
            body
        };
        Ok(Input { pem, password, data })
    }
}

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

fuzz_target!(|input: Input| {
    let password = input.password.as_deref();
    let private = if input.pem {
        Backend.load_pem_private_key(&input.data, password)
    } else {
        Backend.load_der_private_key(&input.data, password)
    };
    if let Ok(key) = &private {
        let spki = key
            .public_key()
            .and_then(|k| public_bytes(&k, Encoding::Der, PublicFormat::SubjectPublicKeyInfo))
            .expect("a loaded key has a public key that writes");
        let mut rng = rand_free::Counter(0);
        for (encoding, format) in [
            (Encoding::Der, PrivateFormat::Pkcs8),
            (Encoding::Pem, PrivateFormat::TraditionalOpenSsl),
        ] {
            let written = private_bytes_with_rng(
                &mut rng,
                key,
                encoding,
                format,
                &KeySerializationEncryption::NoEncryption,
            )
            .expect("a loaded key writes");
            let again = match encoding {
                Encoding::Der => Backend.load_der_private_key(&written, None),
                Encoding::Pem => Backend.load_pem_private_key(&written, None),
            }
            .expect("a written key reloads");
            let spki_again = again
                .public_key()
                .and_then(|k| public_bytes(&k, Encoding::Der, PublicFormat::SubjectPublicKeyInfo))
                .expect("public key");
            assert_eq!(spki, spki_again, "{format:?} {encoding:?} round trip");
        }
        // A plain key with a password, or an encrypted one without: never both loading.
        let other = if input.pem {
            Backend.load_pem_private_key(&input.data, if password.is_some() { None } else { Some(b"x") })
        } else {
            Backend.load_der_private_key(&input.data, if password.is_some() { None } else { Some(b"x") })
        };
        assert!(
            matches!(
                other,
                Err(Error::Password(PasswordError::Missing | PasswordError::NotEncrypted))
            ),
            "the same key loaded with and without a password: {other:?}"
        );
    }
    let public = if input.pem {
        Backend.load_pem_public_key(&input.data)
    } else {
        Backend.load_der_public_key(&input.data)
    };
    if let Ok(key) = public {
        let der = public_bytes(&key, Encoding::Der, PublicFormat::SubjectPublicKeyInfo)
            .expect("a loaded public key writes");
        let again = Backend.load_der_public_key(&der).expect("and reloads");
        assert_eq!(
            public_bytes(&again, Encoding::Der, PublicFormat::SubjectPublicKeyInfo).ok(),
            Some(der)
        );
    }
    let _ = if input.pem {
        Backend.load_pem_parameters(&input.data)
    } else {
        Backend.load_der_parameters(&input.data)
    };
});

/// A deterministic stand-in generator: only `NoEncryption` is written above, so nothing is drawn.
mod rand_free {
    pub struct Counter(pub u64);
    impl backend::rng::RandomSource for Counter {
        fn try_fill(&mut self, dest: &mut [u8]) -> backend::Result<()> {
            for b in dest {
                self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
                *b = (self.0 >> 56) as u8;
            }
            Ok(())
        }
    }
}
