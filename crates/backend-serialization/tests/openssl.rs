//! Round trips with the `openssl` command, both directions: keys OpenSSL writes in every form it
//! has (PKCS#8 plain and encrypted with PBES2 / PBES1 / scrypt, traditional plain and with
//! `DEK-Info`, SPKI, PKCS#1) load here with the public key OpenSSL itself derives; keys written
//! here in every format × encoding × encryption load in `openssl pkey` with the same public key.
//!
//! The `openssl` command is on every CI machine (`.ci/run` installs it): a missing command fails
//! these tests rather than skipping them.

use backend_core::{EllipticCurve, RustCrypto};
use backend_dh::{DhBackend, DhParameters};
use backend_dsa::DsaBackend;
use backend_ec::EllipticCurveBackend;
use backend_keys::PrivateKey;
use backend_rsa::RsaBackend;
use backend_serialization::{
    DerSerializationBackend, Encoding, KeySerializationEncryption, PemSerializationBackend,
    PrivateFormat, PublicFormat, parameter_bytes, private_bytes, public_bytes,
};
use std::path::{Path, PathBuf};
use std::process::Command;

const PASSWORD: &str = "correct horse";

fn openssl(args: &[&str]) -> Vec<u8> {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("the `openssl` command is needed by these tests (apt-get install openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "backend-serialization-{name}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn path(&self, file: &str) -> String {
        self.0.join(file).to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn spki_der(key: &PrivateKey) -> Vec<u8> {
    public_bytes(
        &key.public_key().unwrap(),
        Encoding::Der,
        PublicFormat::SubjectPublicKeyInfo,
    )
    .unwrap()
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(path)).unwrap()
}

/// OpenSSL's key specs: `genpkey` arguments and whether the key is RSA. DSA keys are generated in
/// parameters made first (`dsa-params.pem`, see `keys_openssl_writes_load_here`).
const SPECS: &[(&str, &[&str], bool)] = &[
    ("dsa", &["-paramfile", "DSA_PARAMS"], false),
    (
        "dh",
        &["-algorithm", "DH", "-pkeyopt", "group:ffdhe2048"],
        false,
    ),
    (
        "dhx",
        &["-algorithm", "DHX", "-pkeyopt", "dh_rfc5114:2"],
        false,
    ),
    (
        "rsa",
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        true,
    ),
    (
        "p256",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        false,
    ),
    (
        "p384",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        false,
    ),
    (
        "p521",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        false,
    ),
    (
        "k256",
        &[
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:secp256k1",
        ],
        false,
    ),
];

#[test]
fn keys_openssl_writes_load_here() {
    let dir = TempDir::new("from-openssl");
    let dsa_params = dir.path("dsa-params.pem");
    openssl(&[
        "genpkey",
        "-genparam",
        "-algorithm",
        "DSA",
        "-pkeyopt",
        "dsa_paramgen_bits:2048",
        "-out",
        &dsa_params,
    ]);
    for &(name, genpkey, is_rsa) in SPECS {
        let key = dir.path(&format!("{name}.pem"));
        let mut args = vec!["genpkey", "-out", &key];
        args.extend(genpkey.iter().map(|a| {
            if *a == "DSA_PARAMS" {
                dsa_params.as_str()
            } else {
                a
            }
        }));
        openssl(&args);
        // DH keys have no traditional form.
        let dh = name.starts_with("dh");
        let expected = openssl(&["pkey", "-in", &key, "-pubout", "-outform", "DER"]);

        // (file, openssl arguments writing it, password, DER?)
        let mut forms: Vec<(String, Vec<String>, Option<&str>, bool)> = Vec::new();
        let mut form = |file: &str, args: &[&str], password: Option<&'static str>, der: bool| {
            let out = dir.path(&format!("{name}-{file}"));
            let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            a.push("-in".into());
            a.push(key.clone());
            a.push("-out".into());
            a.push(out.clone());
            forms.push((out, a, password, der));
        };
        form("pkcs8.der", &["pkey", "-outform", "DER"], None, true);
        form("trad.pem", &["pkey", "-traditional"], None, false);
        form(
            "trad.der",
            &["pkey", "-traditional", "-outform", "DER"],
            None,
            true,
        );
        form(
            "trad-aes256.pem",
            &[
                "pkey",
                "-traditional",
                "-aes256",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            false,
        );
        form(
            "trad-des3.pem",
            &[
                "pkey",
                "-traditional",
                "-des3",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            false,
        );
        form(
            "trad-aes128.pem",
            &[
                "pkey",
                "-traditional",
                "-aes128",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            false,
        );
        form(
            "v2-aes256.pem",
            &[
                "pkcs8",
                "-topk8",
                "-v2",
                "aes256",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            false,
        );
        form(
            "v2-aes128-sha512.der",
            &[
                "pkcs8",
                "-topk8",
                "-v2",
                "aes128",
                "-v2prf",
                "hmacWithSHA512",
                "-outform",
                "DER",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            true,
        );
        form(
            "v2-des3-sha1.pem",
            &[
                "pkcs8",
                "-topk8",
                "-v2",
                "des3",
                "-v2prf",
                "hmacWithSHA1",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            false,
        );
        form(
            "scrypt.pem",
            &[
                "pkcs8",
                "-topk8",
                "-scrypt",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            false,
        );
        form(
            "v1-sha1-3des.pem",
            &[
                "pkcs8",
                "-topk8",
                "-v1",
                "PBE-SHA1-3DES",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            false,
        );
        form(
            "v1-sha1-2des.der",
            &[
                "pkcs8",
                "-topk8",
                "-v1",
                "PBE-SHA1-2DES",
                "-outform",
                "DER",
                "-passout",
                "pass:correct horse",
            ],
            Some(PASSWORD),
            true,
        );

        // The genpkey output itself: plain PKCS#8 PEM.
        let loaded = RustCrypto.load_pem_private_key(&read(&key), None).unwrap();
        assert_eq!(spki_der(&loaded), expected, "{name}: PKCS#8 PEM");
        for (file, args, password, der) in forms {
            if dh && args.iter().any(|a| a == "-traditional") {
                continue;
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            openssl(&args);
            let data = read(&file);
            let password = password.map(str::as_bytes);
            let loaded = if der {
                RustCrypto.load_der_private_key(&data, password)
            } else {
                RustCrypto.load_pem_private_key(&data, password)
            }
            .unwrap_or_else(|e| panic!("{file}: {e:?}"));
            assert_eq!(spki_der(&loaded), expected, "{file}");
        }

        // Public keys: SPKI PEM and DER, and PKCS#1 for RSA.
        let spki_pem = openssl(&["pkey", "-in", &key, "-pubout"]);
        let public = RustCrypto.load_pem_public_key(&spki_pem).unwrap();
        assert_eq!(
            public_bytes(&public, Encoding::Der, PublicFormat::SubjectPublicKeyInfo).unwrap(),
            expected
        );
        let public = RustCrypto.load_der_public_key(&expected).unwrap();
        assert_eq!(
            public_bytes(&public, Encoding::Pem, PublicFormat::SubjectPublicKeyInfo).unwrap(),
            spki_pem,
            "{name}: SPKI PEM written here equals OpenSSL's byte for byte"
        );
        if is_rsa {
            let pkcs1 = openssl(&["rsa", "-in", &key, "-RSAPublicKey_out"]);
            let public = RustCrypto.load_pem_public_key(&pkcs1).unwrap();
            assert_eq!(
                public_bytes(&public, Encoding::Pem, PublicFormat::Pkcs1).unwrap(),
                pkcs1
            );
        }
    }
}

#[test]
fn keys_written_here_load_in_openssl() {
    let dir = TempDir::new("to-openssl");
    let mut keys: Vec<(&str, PrivateKey)> = vec![(
        "rsa",
        PrivateKey::Rsa(RustCrypto.generate_rsa_private_key(65537, 2048).unwrap()),
    )];
    for (name, curve) in [
        ("p256", EllipticCurve::Secp256r1),
        ("p384", EllipticCurve::Secp384r1),
        ("p521", EllipticCurve::Secp521r1),
        ("k256", EllipticCurve::Secp256k1),
    ] {
        let key = RustCrypto
            .generate_elliptic_curve_private_key(curve)
            .unwrap();
        keys.push((name, PrivateKey::Ec(Box::new(key))));
    }
    let dsa = RustCrypto
        .generate_dsa_private_key_and_parameters(2048)
        .unwrap();
    keys.push(("dsa", PrivateKey::Dsa(dsa)));
    for (name, group) in [("dh", "ffdhe2048"), ("dhx", "dh_2048_256")] {
        let numbers = backend_dh::named_group(group).unwrap();
        let params = RustCrypto.load_dh_parameter_numbers(&numbers).unwrap();
        keys.push((name, PrivateKey::Dh(params.generate_private_key().unwrap())));
        // Parameters: PKCS#3 / X9.42, read and written back by `openssl dhparam` unchanged.
        for encoding in [Encoding::Pem, Encoding::Der] {
            let file = dir.path(&format!("{name}-params-{encoding:?}"));
            let again = RustCrypto.load_dh_parameter_numbers(&numbers).unwrap();
            let written =
                parameter_bytes(&backend_serialization::Parameters::Dh(again), encoding).unwrap();
            std::fs::write(&file, &written).unwrap();
            let inform = if encoding == Encoding::Der {
                "DER"
            } else {
                "PEM"
            };
            let outform = inform;
            let theirs = openssl(&[
                "dhparam", "-in", &file, "-inform", inform, "-outform", outform,
            ]);
            assert_eq!(theirs, written, "{file}");
        }
    }
    for (name, key) in &keys {
        let expected = spki_der(key);
        for encoding in [Encoding::Pem, Encoding::Der] {
            for format in [PrivateFormat::Pkcs8, PrivateFormat::TraditionalOpenSsl] {
                for encryption in [
                    KeySerializationEncryption::NoEncryption,
                    KeySerializationEncryption::BestAvailableEncryption(PASSWORD.as_bytes()),
                ] {
                    let file = dir.path(&format!(
                        "{name}-{encoding:?}-{format:?}-{}",
                        matches!(encryption, KeySerializationEncryption::NoEncryption)
                    ));
                    let written = private_bytes(key, encoding, format, &encryption);
                    if key.as_dh().is_some() && format == PrivateFormat::TraditionalOpenSsl {
                        assert!(written.is_err(), "DH keys have no traditional form");
                        continue;
                    }
                    if encoding == Encoding::Der
                        && format == PrivateFormat::TraditionalOpenSsl
                        && encryption != KeySerializationEncryption::NoEncryption
                    {
                        assert!(written.is_err(), "DER traditional keys have no encryption");
                        continue;
                    }
                    std::fs::write(&file, &written.unwrap()[..]).unwrap();
                    let inform = if encoding == Encoding::Der {
                        "DER"
                    } else {
                        "PEM"
                    };
                    let pass = format!("pass:{PASSWORD}");
                    let theirs = openssl(&[
                        "pkey", "-in", &file, "-inform", inform, "-passin", &pass, "-pubout",
                        "-outform", "DER",
                    ]);
                    assert_eq!(theirs, expected, "{file}");
                }
            }
        }
        for (format, args) in [
            (PublicFormat::SubjectPublicKeyInfo, &["pkey", "-pubin"][..]),
            (PublicFormat::Pkcs1, &["rsa", "-RSAPublicKey_in"][..]),
        ] {
            if format == PublicFormat::Pkcs1 && key.as_rsa().is_none() {
                continue;
            }
            for encoding in [Encoding::Pem, Encoding::Der] {
                let file = dir.path(&format!("{name}-pub-{format:?}-{encoding:?}"));
                let public = key.public_key().unwrap();
                std::fs::write(&file, public_bytes(&public, encoding, format).unwrap()).unwrap();
                let inform = if encoding == Encoding::Der {
                    "DER"
                } else {
                    "PEM"
                };
                let mut a = args.to_vec();
                a.extend_from_slice(&[
                    "-in", &file, "-inform", inform, "-pubout", "-outform", "DER",
                ]);
                assert_eq!(openssl(&a), expected, "{file}");
            }
        }
    }
}
