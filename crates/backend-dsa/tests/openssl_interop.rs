//! Round trips with the `openssl` command-line tool: keys OpenSSL generates load here from the
//! numbers `openssl pkey -text` prints, OpenSSL verifies what we sign and we verify what it signs;
//! parameters and keys we generate load in OpenSSL (which checks them) and sign there. Skipped,
//! with a message, when `openssl` is not installed.

use backend_dsa::{
    DsaBackend, DsaParameterNumbers, DsaPrivateKey, DsaPrivateNumbers, DsaPublicKey,
    DsaPublicNumbers, HashAlgorithm, MessageHash, RustCrypto,
};
use std::path::{Path, PathBuf};
use std::process::Command;

const MESSAGE: &[u8] = b"signed here, verified by OpenSSL, and the other way round";

struct Workspace {
    dir: PathBuf,
}

impl Workspace {
    fn new(name: &str) -> Option<Self> {
        if Command::new("openssl").arg("version").output().is_err() {
            eprintln!("openssl not installed: skipping the OpenSSL round trips");
            return None;
        }
        let dir = std::env::temp_dir().join(format!("backend-dsa-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        Some(Workspace { dir })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn write(&self, name: &str, data: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, data).expect("temp file");
        path
    }

    /// Runs `openssl ARGS`; its stdout, or a panic with its stderr when it fails.
    fn openssl(&self, args: &[&str]) -> String {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(&self.dir)
            .output()
            .expect("openssl runs");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The hex blocks of `openssl pkey -text -noout` (`priv:`, `pub:`, `P:`, `Q:`, `G:`).
fn text_numbers(text: &str) -> DsaPrivateNumbers {
    let mut fields: Vec<(String, Vec<u8>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with(' ') {
            let hex: String = line.trim().split(':').collect();
            let bytes = hex::decode(hex).expect("hex in the dump");
            fields.last_mut().expect("a label first").1.extend(bytes);
        } else if let Some(label) = line.trim().strip_suffix(':') {
            fields.push((label.to_string(), Vec::new()));
        }
    }
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{name} in the dump"))
    };
    let parameters = DsaParameterNumbers::new(&get("P"), &get("Q"), &get("G"));
    DsaPrivateNumbers::new(&get("priv"), DsaPublicNumbers::new(&get("pub"), parameters))
}

/// DER of OpenSSL's traditional `DSAPrivateKey`: `SEQUENCE { 0, p, q, g, y, x }` (the test writes
/// keys for OpenSSL; serialization proper is the serialization family's).
fn dsa_der(numbers: &DsaPrivateNumbers) -> Vec<u8> {
    fn length(len: usize) -> Vec<u8> {
        match len {
            0..=0x7f => vec![len as u8],
            0x80..=0xff => vec![0x81, len as u8],
            _ => vec![0x82, (len >> 8) as u8, len as u8],
        }
    }
    fn integer(magnitude: &[u8]) -> Vec<u8> {
        let start = magnitude
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(magnitude.len());
        let mut value = magnitude[start..].to_vec();
        if value.first().is_none_or(|&b| b & 0x80 != 0) {
            value.insert(0, 0);
        }
        [vec![0x02], length(value.len()), value].concat()
    }
    let p = &numbers.public_numbers.parameter_numbers;
    let fields = [
        integer(&[0]),
        integer(&p.p),
        integer(&p.q),
        integer(&p.g),
        integer(&numbers.public_numbers.y),
        integer(&numbers.x),
    ]
    .concat();
    [vec![0x30], length(fields.len()), fields].concat()
}

/// OpenSSL and this crate verify each other's signatures with the key in `key.pem`.
fn cross_sign(ws: &Workspace, key: &dyn DsaPrivateKey, hash: HashAlgorithm, digest_flag: &str) {
    let msg = ws.write("msg.bin", MESSAGE);
    ws.openssl(&["pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"]);
    // Ours, verified by OpenSSL.
    let ours = key.sign(MESSAGE, MessageHash::Hash(hash)).unwrap();
    let sig = ws.write("ours.sig", &ours);
    let verified = ws.openssl(&[
        "dgst",
        digest_flag,
        "-verify",
        "pub.pem",
        "-signature",
        path_str(&sig),
        path_str(&msg),
    ]);
    assert!(verified.contains("Verified OK"), "{verified}");
    // OpenSSL's, verified here; a changed message is refused.
    ws.openssl(&[
        "dgst",
        digest_flag,
        "-sign",
        "key.pem",
        "-out",
        "theirs.sig",
        path_str(&msg),
    ]);
    let theirs = std::fs::read(ws.path("theirs.sig")).unwrap();
    let public = key.public_key().unwrap();
    public
        .verify(&theirs, MESSAGE, MessageHash::Hash(hash))
        .unwrap();
    assert!(
        public
            .verify(&theirs, b"another message", MessageHash::Hash(hash))
            .is_err()
    );
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

#[test]
fn openssl_keys_load_from_their_numbers_and_signatures_cross() {
    let Some(ws) = Workspace::new("theirs") else {
        return;
    };
    for (bits, q_bits) in [("1024", "160"), ("2048", "224"), ("2048", "256")] {
        ws.openssl(&[
            "genpkey",
            "-genparam",
            "-algorithm",
            "DSA",
            "-pkeyopt",
            &format!("dsa_paramgen_bits:{bits}"),
            "-pkeyopt",
            &format!("dsa_paramgen_q_bits:{q_bits}"),
            "-out",
            "params.pem",
        ]);
        ws.openssl(&["genpkey", "-paramfile", "params.pem", "-out", "key.pem"]);
        let numbers = text_numbers(&ws.openssl(&["pkey", "-in", "key.pem", "-text", "-noout"]));
        assert_eq!(
            numbers.public_numbers.parameter_numbers.subgroup_size(),
            q_bits.parse::<usize>().unwrap()
        );
        let key = RustCrypto.load_dsa_private_numbers(&numbers).unwrap();
        assert_eq!(key.private_numbers().unwrap(), numbers);
        cross_sign(&ws, &*key, HashAlgorithm::Sha256, "-sha256");
        cross_sign(&ws, &*key, HashAlgorithm::Sha1, "-sha1");
    }
}

#[test]
fn our_parameters_and_keys_pass_openssl_checks_and_sign_there() {
    let Some(ws) = Workspace::new("ours") else {
        return;
    };
    for key_size in [1024, 2048] {
        let key = RustCrypto
            .generate_dsa_private_key_and_parameters(key_size)
            .unwrap();
        ours_through_openssl(&ws, &*key);
    }
}

fn ours_through_openssl(ws: &Workspace, key: &dyn DsaPrivateKey) {
    let numbers = key.private_numbers().unwrap();
    let der = ws.write("key.der", &dsa_der(&numbers));
    ws.openssl(&[
        "pkey",
        "-inform",
        "DER",
        "-in",
        path_str(&der),
        "-out",
        "key.pem",
    ]);
    // OpenSSL's own key check (EVP_PKEY_check: the parameters, y's range and order, y = g^x).
    let checked = ws.openssl(&["pkey", "-in", "key.pem", "-check", "-noout"]);
    assert!(checked.contains("valid"), "{checked}");
    // The numbers OpenSSL reads back are ours.
    assert_eq!(
        text_numbers(&ws.openssl(&["pkey", "-in", "key.pem", "-text", "-noout"])),
        numbers
    );
    cross_sign(ws, key, HashAlgorithm::Sha256, "-sha256");
    cross_sign(ws, key, HashAlgorithm::Sha384, "-sha384");
}
