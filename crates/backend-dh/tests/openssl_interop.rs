//! Exchanges with the `openssl` command-line tool: OpenSSL derives with its key and ours, we derive
//! with ours and its, and the secrets agree; in RFC 7919's ffdhe2048 and in a group OpenSSL
//! generates (which our loader must accept as a safe prime). Skipped, with a message, when
//! `openssl` is not installed.

mod common;

use backend_dh::{
    DhBackend, DhParameterNumbers, DhParameters, DhPrivateKey, DhPrivateNumbers, DhPublicKey,
    DhPublicNumbers, RustCrypto,
};
use common::TestRng;
use std::path::PathBuf;
use std::process::Command;

struct Workspace {
    dir: PathBuf,
}

impl Workspace {
    fn new(name: &str) -> Option<Self> {
        if Command::new("openssl").arg("version").output().is_err() {
            eprintln!("openssl not installed: skipping the OpenSSL exchanges");
            return None;
        }
        let dir = std::env::temp_dir().join(format!("backend-dh-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Some(Workspace { dir })
    }

    fn path(&self, file: &str) -> String {
        self.dir.join(file).to_string_lossy().into_owned()
    }

    fn openssl(&self, args: &[&str]) -> Vec<u8> {
        let out = Command::new("openssl")
            .args(args)
            .output()
            .expect("openssl runs");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The hex block under `label:` in `openssl pkey -text` / `pkeyparam -text` output.
fn block(text: &str, label: &str) -> Vec<u8> {
    let mut lines = text.lines().skip_while(|l| l.trim() != label);
    lines
        .next()
        .unwrap_or_else(|| panic!("no {label} in {text}"));
    let hex: String = lines
        .take_while(|l| l.starts_with(' '))
        .flat_map(|l| l.trim().split(':'))
        .collect();
    hex::decode(hex).expect("hex block")
}

fn der_length(len: usize) -> Vec<u8> {
    match len {
        0..=0x7f => vec![len as u8],
        0x80..=0xff => vec![0x81, len as u8],
        _ => vec![0x82, (len >> 8) as u8, len as u8],
    }
}

fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    [vec![tag], der_length(content.len()), content.to_vec()].concat()
}

fn der_integer(magnitude: &[u8]) -> Vec<u8> {
    let start = magnitude
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(magnitude.len());
    let mut value = magnitude[start..].to_vec();
    if value.first().is_none_or(|&b| b & 0x80 != 0) {
        value.insert(0, 0);
    }
    der(0x02, &value)
}

/// A PKCS#3 DH `SubjectPublicKeyInfo` for OpenSSL (serialization proper is the serialization
/// family's; the test writes the one structure OpenSSL needs).
fn spki(numbers: &DhPublicNumbers) -> Vec<u8> {
    // dhKeyAgreement, 1.2.840.113549.1.3.1
    let oid = der(
        0x06,
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x03, 0x01],
    );
    let params = der(
        0x30,
        &[
            der_integer(&numbers.parameter_numbers.p),
            der_integer(&numbers.parameter_numbers.g),
        ]
        .concat(),
    );
    let algorithm = der(0x30, &[oid, params].concat());
    let key = [vec![0u8], der_integer(&numbers.y)].concat();
    der(0x30, &[algorithm, der(0x03, &key)].concat())
}

fn trimmed(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    &b[start..]
}

/// OpenSSL's key in `key_file` and ours in `group` agree, both ways.
fn agree(ws: &Workspace, key_file: &str, group: &DhParameterNumbers, seed: u64) {
    let text =
        String::from_utf8(ws.openssl(&["pkey", "-in", key_file, "-text", "-noout"])).expect("text");
    let their_x = block(&text, "private-key:");
    let their_y = block(&text, "public-key:");
    let their_public = DhPublicNumbers::new(&their_y, group.clone());

    let params = RustCrypto
        .load_dh_parameter_numbers(group)
        .expect("group loads");
    let ours = params
        .generate_private_key_with_rng(&mut TestRng(seed))
        .expect("our key");
    let our_public = ours.public_key().expect("public").public_numbers();
    std::fs::write(ws.path("ours.der"), spki(&our_public)).expect("write");

    let theirs = ws.openssl(&[
        "pkeyutl",
        "-derive",
        "-inkey",
        key_file,
        "-peerkey",
        &ws.path("ours.der"),
        "-peerform",
        "DER",
    ]);
    let mine = ours
        .exchange(
            &*RustCrypto
                .load_dh_public_numbers(&their_public)
                .expect("their y"),
        )
        .expect("exchange");
    assert_eq!(mine.len(), trimmed(&group.p).len(), "left-padded to p");
    // OpenSSL's derive strips leading zero bytes unless told to pad.
    assert_eq!(trimmed(&mine), trimmed(&theirs));

    // Their private key, loaded here, agrees with our public key too.
    let loaded = RustCrypto
        .load_dh_private_numbers(&DhPrivateNumbers::new(&their_x, their_public))
        .expect("their key loads");
    let again = loaded
        .exchange(
            &*RustCrypto
                .load_dh_public_numbers(&our_public)
                .expect("ours"),
        )
        .expect("exchange");
    assert_eq!(again, mine);
}

#[test]
fn openssl_and_we_agree_in_ffdhe2048() {
    let Some(ws) = Workspace::new("ffdhe2048") else {
        return;
    };
    let key = ws.path("theirs.pem");
    ws.openssl(&[
        "genpkey",
        "-algorithm",
        "DH",
        "-pkeyopt",
        "group:ffdhe2048",
        "-out",
        &key,
    ]);
    agree(&ws, &key, &backend_dh::ffdhe2048(), 1);
}

#[test]
fn openssl_generated_parameters_load_and_agree() {
    let Some(ws) = Workspace::new("paramgen") else {
        return;
    };
    let params = ws.path("params.pem");
    ws.openssl(&[
        "genpkey",
        "-genparam",
        "-algorithm",
        "DH",
        "-pkeyopt",
        "dh_paramgen_prime_len:1024",
        "-pkeyopt",
        "dh_paramgen_generator:2",
        "-out",
        &params,
    ]);
    let text = String::from_utf8(ws.openssl(&["pkeyparam", "-in", &params, "-text", "-noout"]))
        .expect("text");
    let p = block(&text, "P:");
    assert!(text.contains("G:    2 (0x2)"), "{text}");
    let group = DhParameterNumbers::with_generator(&p, 2, None);
    assert!(RustCrypto.dh_parameters_supported(&group.p, &group.g, None));
    let key = ws.path("theirs.pem");
    ws.openssl(&["genpkey", "-paramfile", &params, "-out", &key]);
    agree(&ws, &key, &group, 2);
}
