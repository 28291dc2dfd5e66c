//! The loaders' and writers' rules: passwords, encryption, formats refused, bad input, device
//! keys, and the seam (keys are built by the loaders handed in).

use backend_core::{EllipticCurve, Error, PasswordError, Result, RustCrypto};
use backend_ec::{DerSignature, EcPrivateKey, EcPublicKey, Ecdsa, EllipticCurveBackend};
use backend_keys::PrivateKey;
use backend_rsa::RsaBackend;
use backend_serialization::{
    DerSerializationBackend, Encoding, KeyLoaders, KeySerializationEncryption, Parameters,
    PemSerializationBackend, PrivateFormat, PublicFormat, private_bytes, public_bytes,
};
use std::sync::OnceLock;

fn ec_key() -> PrivateKey {
    let key = RustCrypto
        .generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)
        .unwrap();
    PrivateKey::Ec(Box::new(key))
}

fn rsa_key() -> &'static PrivateKey {
    static KEY: OnceLock<PrivateKey> = OnceLock::new();
    KEY.get_or_init(|| PrivateKey::Rsa(RustCrypto.generate_rsa_private_key(65537, 2048).unwrap()))
}

fn spki(key: &PrivateKey) -> Vec<u8> {
    public_bytes(
        &key.public_key().unwrap(),
        Encoding::Der,
        PublicFormat::SubjectPublicKeyInfo,
    )
    .unwrap()
}

fn load(encoding: Encoding, data: &[u8], password: Option<&[u8]>) -> Result<PrivateKey> {
    match encoding {
        Encoding::Pem => RustCrypto.load_pem_private_key(data, password),
        Encoding::Der => RustCrypto.load_der_private_key(data, password),
    }
}

#[test]
fn the_three_password_errors_and_the_empty_password() {
    let key = ec_key();
    let best = KeySerializationEncryption::BestAvailableEncryption(b"secret");
    for (encoding, format) in [
        (Encoding::Pem, PrivateFormat::Pkcs8),
        (Encoding::Der, PrivateFormat::Pkcs8),
        (Encoding::Pem, PrivateFormat::TraditionalOpenSsl),
    ] {
        let encrypted = private_bytes(&key, encoding, format, &best).unwrap();
        let plain = private_bytes(
            &key,
            encoding,
            format,
            &KeySerializationEncryption::NoEncryption,
        )
        .unwrap();
        assert_eq!(
            spki(&load(encoding, &encrypted, Some(b"secret")).unwrap()),
            spki(&key)
        );
        assert_eq!(
            load(encoding, &encrypted, None).unwrap_err(),
            Error::Password(PasswordError::Missing),
            "{encoding:?} {format:?}"
        );
        assert_eq!(
            load(encoding, &encrypted, Some(b"wrong")).unwrap_err(),
            Error::Password(PasswordError::Incorrect)
        );
        // An empty password is a password: a wrong one here, not a missing one.
        assert_eq!(
            load(encoding, &encrypted, Some(b"")).unwrap_err(),
            Error::Password(PasswordError::Incorrect)
        );
        assert_eq!(
            load(encoding, &plain, Some(b"")).unwrap_err(),
            Error::Password(PasswordError::NotEncrypted)
        );
        assert_eq!(spki(&load(encoding, &plain, None).unwrap()), spki(&key));
    }
}

#[test]
fn the_combinations_pyca_refuses_are_refused() {
    let key = ec_key();
    assert!(matches!(
        private_bytes(
            &key,
            Encoding::Pem,
            PrivateFormat::Pkcs8,
            &KeySerializationEncryption::BestAvailableEncryption(b"")
        ),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        private_bytes(
            &key,
            Encoding::Der,
            PrivateFormat::TraditionalOpenSsl,
            &KeySerializationEncryption::BestAvailableEncryption(b"pw")
        ),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        public_bytes(
            &key.public_key().unwrap(),
            Encoding::Pem,
            PublicFormat::Pkcs1
        ),
        Err(Error::InvalidArgument(_))
    ));
    // A private key handed to the public-key loader is not read as one.
    let pem = private_bytes(
        rsa_key(),
        Encoding::Pem,
        PrivateFormat::Pkcs8,
        &KeySerializationEncryption::BestAvailableEncryption(b"password"),
    )
    .unwrap();
    assert!(matches!(
        RustCrypto.load_pem_public_key(&pem),
        Err(Error::Malformed(_))
    ));
}

#[test]
fn written_keys_have_the_documented_labels_and_read_back() {
    let key = rsa_key();
    for (format, encryption, label) in [
        (
            PrivateFormat::Pkcs8,
            KeySerializationEncryption::NoEncryption,
            "PRIVATE KEY",
        ),
        (
            PrivateFormat::Pkcs8,
            KeySerializationEncryption::BestAvailableEncryption(b"pw"),
            "ENCRYPTED PRIVATE KEY",
        ),
        (
            PrivateFormat::TraditionalOpenSsl,
            KeySerializationEncryption::NoEncryption,
            "RSA PRIVATE KEY",
        ),
    ] {
        let pem = private_bytes(key, Encoding::Pem, format, &encryption).unwrap();
        let text = std::str::from_utf8(&pem).unwrap();
        assert!(
            text.starts_with(&format!("-----BEGIN {label}-----\n")),
            "{text}"
        );
        let password = match encryption {
            KeySerializationEncryption::BestAvailableEncryption(p) => Some(p),
            KeySerializationEncryption::NoEncryption => None,
        };
        let again = RustCrypto.load_pem_private_key(&pem, password).unwrap();
        assert_eq!(
            again.as_rsa().unwrap().private_numbers().unwrap(),
            key.as_rsa().unwrap().private_numbers().unwrap()
        );
    }
}

#[test]
fn ec_parameters_load_from_pem_and_der() {
    // `openssl ecparam -name prime256v1` and its DER.
    let pem = b"-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";
    assert!(matches!(
        RustCrypto.load_pem_parameters(pem).unwrap(),
        Parameters::Ec(EllipticCurve::Secp256r1)
    ));
    let der = [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];
    assert!(matches!(
        RustCrypto.load_der_parameters(&der).unwrap(),
        Parameters::Ec(EllipticCurve::Secp384r1)
    ));
    assert!(matches!(
        RustCrypto.load_der_parameters(b"---- NOT A KEY ----\n"),
        Err(Error::Malformed(_))
    ));
    assert!(matches!(
        RustCrypto.load_pem_parameters(b"---- NOT A KEY ----\n"),
        Err(Error::Malformed(_))
    ));
}

#[test]
fn truncated_and_mutated_keys_are_typed_errors() {
    let keys = [
        ec_key(),
        PrivateKey::Rsa(RustCrypto.generate_rsa_private_key(65537, 1024).unwrap()),
    ];
    for key in &keys {
        for format in [PrivateFormat::Pkcs8, PrivateFormat::TraditionalOpenSsl] {
            let der = private_bytes(
                key,
                Encoding::Der,
                format,
                &KeySerializationEncryption::NoEncryption,
            )
            .unwrap();
            for len in 0..der.len() {
                let result = RustCrypto.load_der_private_key(&der[..len], None);
                assert!(
                    matches!(result, Err(Error::Malformed(_))),
                    "{format:?} truncated to {len}: {result:?}"
                );
            }
            let mut longer = der.to_vec();
            longer.push(0);
            assert!(matches!(
                RustCrypto.load_der_private_key(&longer, None),
                Err(Error::Malformed(_))
            ));
            for at in 0..der.len() {
                for bit in [0x01u8, 0x80] {
                    let mut mutated = der.to_vec();
                    mutated[at] ^= bit;
                    // Any outcome but a panic; a key that loads is a key of the same family.
                    if let Ok(k) = RustCrypto.load_der_private_key(&mutated, None) {
                        assert_eq!(k.as_rsa().is_some(), key.as_rsa().is_some());
                    }
                }
            }
        }
        let public = public_bytes(
            &key.public_key().unwrap(),
            Encoding::Der,
            PublicFormat::SubjectPublicKeyInfo,
        )
        .unwrap();
        for len in 0..public.len() {
            assert!(RustCrypto.load_der_public_key(&public[..len]).is_err());
        }
    }
}

#[test]
fn encrypted_keys_with_a_changed_byte_never_load_silently_wrong() {
    let key = ec_key();
    let der = private_bytes(
        &key,
        Encoding::Der,
        PrivateFormat::Pkcs8,
        &KeySerializationEncryption::BestAvailableEncryption(b"pw"),
    )
    .unwrap();
    // Flip bytes of the ciphertext's last block (the padding): never the same key back.
    for at in der.len() - 16..der.len() {
        let mut mutated = der.to_vec();
        mutated[at] ^= 0x01;
        match RustCrypto.load_der_private_key(&mutated, Some(b"pw")) {
            Ok(k) => assert_ne!(spki(&k), spki(&key)),
            Err(e) => assert!(
                matches!(
                    e,
                    Error::Password(PasswordError::Incorrect) | Error::InvalidKey(_)
                ),
                "{e:?}"
            ),
        }
    }
}

/// An EC key held "in a device": it signs, but its `private_numbers` keep the trait's default.
struct DeviceKey(Box<dyn EcPrivateKey>);

impl EcPrivateKey for DeviceKey {
    fn curve(&self) -> EllipticCurve {
        self.0.curve()
    }
    fn public_key(&self) -> &dyn EcPublicKey {
        self.0.public_key()
    }
    fn sign(&self, data: &[u8], algorithm: Ecdsa) -> Result<DerSignature> {
        self.0.sign(data, algorithm)
    }
}

#[test]
fn a_device_key_is_not_exportable_but_its_public_key_is() {
    let inner = RustCrypto
        .generate_elliptic_curve_private_key(EllipticCurve::Secp384r1)
        .unwrap();
    let key = PrivateKey::Ec(Box::new(DeviceKey(Box::new(inner))));
    assert_eq!(
        private_bytes(
            &key,
            Encoding::Pem,
            PrivateFormat::Pkcs8,
            &KeySerializationEncryption::NoEncryption
        )
        .unwrap_err(),
        Error::KeyNotExportable
    );
    assert!(
        public_bytes(
            &key.public_key().unwrap(),
            Encoding::Pem,
            PublicFormat::SubjectPublicKeyInfo
        )
        .is_ok()
    );
}

#[test]
fn keys_are_built_by_the_loaders_handed_in() {
    let pem = private_bytes(
        rsa_key(),
        Encoding::Pem,
        PrivateFormat::Pkcs8,
        &KeySerializationEncryption::NoEncryption,
    )
    .unwrap();
    // Loaders without RSA: the same bytes are an unsupported key, not a malformed one.
    let no_rsa = KeyLoaders {
        rsa: None,
        ..KeyLoaders::RUSTCRYPTO
    };
    assert!(matches!(
        no_rsa.load_pem_private_key(&pem, None),
        Err(Error::Unsupported { .. })
    ));
    let rsa_only: KeyLoaders<'_> = KeyLoaders {
        rsa: Some(&RustCrypto as &dyn RsaBackend),
        ec: None,
        ..Default::default()
    };
    assert!(rsa_only.load_pem_private_key(&pem, None).is_ok());
    let ec = private_bytes(
        &ec_key(),
        Encoding::Der,
        PrivateFormat::Pkcs8,
        &KeySerializationEncryption::NoEncryption,
    )
    .unwrap();
    assert!(matches!(
        rsa_only.load_der_private_key(&ec, None),
        Err(Error::Unsupported { .. })
    ));
}
