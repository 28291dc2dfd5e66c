//! `cargo xtask size`: what a program pays in binary size for going through the `backend` facade
//! rather than the RustCrypto crates it wraps.
//!
//! Each [`PROGRAM`](PROGRAMS) is generated twice under `target/size/` as a standalone cargo
//! project outside the workspace: once through `backend` with `default-features = false` and only
//! the features it needs, once through the raw crates. Both are built with the embedded profile
//! ([`PROFILE`]: `opt-level = "z"`, `lto = true`, `panic = "abort"`, `codegen-units = 1`,
//! stripped) from the workspace's `Cargo.lock`, offline. A third project, the same `main` without
//! cryptography, is the baseline subtracted from both. The binaries are x86-64 `std` executables
//! (the host target; no bare-metal target is installable here).
//!
//! Each binary is also run on a fixed input: the facade and the raw build must print the same
//! bytes, and those bytes are checked against a value computed with OpenSSL (the `openssl` command,
//! or pyca/cryptography for GCM) when the program was written, so the measured code is code that works.
//!
//! The check fails when, for any program, the facade's added size over the raw crates' added size
//! exceeds [`LIMIT`]; the table is printed as markdown for docs/performance.md.

use std::path::{Path, PathBuf};

/// The failing ratio: facade added size ÷ raw added size (the goal is 1.05).
pub const LIMIT: f64 = 1.10;

/// The goal the table marks.
pub const GOAL: f64 = 1.05;

/// The release profile every generated program is built with.
pub const PROFILE: &str = "[profile.release]\nopt-level = \"z\"\nlto = true\npanic = \"abort\"\n\
                           codegen-units = 1\nstrip = true\n";

/// The fixed input every program is run on (its `argv[1]`).
pub const INPUT: &str = "abc";

/// One measured program: the same computation through the facade and through the raw crates.
pub struct Program {
    /// Short name (the generated projects are `target/size/<name>-facade` and `-raw`).
    pub name: &'static str,
    /// What it computes, for the table.
    pub what: &'static str,
    /// Features of `backend` (on top of `default-features = false`).
    pub features: &'static [&'static str],
    /// Body of `fn run(data: &[u8]) -> Vec<u8>` through the facade.
    pub facade: &'static str,
    /// `[dependencies]` lines of the raw build (versions as in the workspace; the lockfile picks).
    pub raw_deps: &'static [&'static str],
    /// Body of `fn run(data: &[u8]) -> Vec<u8>` through the raw crates.
    pub raw: &'static str,
    /// The hex both print for [`INPUT`] (computed with OpenSSL).
    pub expected: &'static str,
}

/// The program without cryptography: what is subtracted from every build.
const BASELINE: &str = "data.to_vec()";

/// A P-256 public key (uncompressed SEC 1) and its DER ECDSA-SHA256 signature of "abc", made with
/// `openssl ecparam -name prime256v1 -genkey` and `openssl dgst -sha256 -sign`.
const P256_KEY: &str = "041a1104ef42be36716371133cbcc079b587681eff2a627c5ee1a58fb934e39af4e4b93193679b26fc8442b24a228cd8807ecbbe207edf45a4d6511a5906134f9e";
const P256_SIG: &str = "3046022100c65229b25533156d4438e3a543c8541762ded04433ccbc4a34becb9d7dc3cccc022100b8f3ad09c3d362c5d68c8ac7fa36eeb3b52f78cf698111398988800b8ea2f3b2";

/// Every measured program, in table order.
pub const PROGRAMS: &[Program] = &[
    Program {
        name: "sha256-hmac",
        what: "SHA-256 and HMAC-SHA256 of argv[1]",
        features: &["hash", "hmac", "sha256"],
        facade: r#"
    use backend::{Backend, HashAlgorithm, HashBackend, HmacBackend, MacContext};
    let Ok(digest) = Backend.hash(HashAlgorithm::Sha256, data) else { return Vec::new() };
    let Ok(mut mac) = Backend.create_hmac_ctx(b"key", HashAlgorithm::Sha256) else { return Vec::new() };
    mac.update(data);
    let mut out = digest.to_vec();
    out.extend_from_slice(&mac.finalize());
    out
"#,
        raw_deps: &[
            r#"sha2 = { version = "0.11", default-features = false }"#,
            r#"hmac = { version = "0.13", default-features = false }"#,
        ],
        raw: r#"
    use hmac::{KeyInit, Mac};
    use sha2::Digest;
    let digest = sha2::Sha256::digest(data);
    let Ok(mut mac) = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(b"key") else { return Vec::new() };
    mac.update(data);
    let mut out = digest.to_vec();
    out.extend_from_slice(&mac.finalize().into_bytes());
    out
"#,
        expected: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\
                   9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab",
    },
    Program {
        name: "aes128-ctr",
        what: "AES-128-CTR of argv[1]",
        features: &["cipher", "aes128", "ctr"],
        facade: r#"
    use backend::{Backend, CipherAlgorithm, CipherBackend, CipherContext, EncryptionContext, Mode};
    let key = [7u8; 16];
    let iv = [1u8; 16];
    let Ok(mut ctx) = Backend.create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&key), &Mode::Ctr { nonce: &iv }) else { return Vec::new() };
    let mut out = vec![0u8; data.len()];
    if ctx.update_into(data, &mut out).is_err() || ctx.finalize().is_err() { return Vec::new() }
    out
"#,
        raw_deps: &[
            r#"aes = { version = "0.9", default-features = false, features = ["zeroize"] }"#,
            r#"ctr = { version = "0.10", default-features = false, features = ["zeroize"] }"#,
        ],
        raw: r#"
    use ctr::cipher::{KeyIvInit, StreamCipher};
    let key = [7u8; 16];
    let iv = [1u8; 16];
    let mut ctx = ctr::Ctr128BE::<aes::Aes128>::new(&key.into(), &iv.into());
    let mut out = data.to_vec();
    ctx.apply_keystream(&mut out);
    out
"#,
        // `openssl enc -aes-128-ctr -K 0707..07 -iv 0101..01` of "abc".
        expected: "3b4d8b",
    },
    Program {
        name: "aes128-gcm",
        what: "AES-128-GCM of argv[1] (ciphertext and tag)",
        features: &["cipher", "aes128", "aes-gcm"],
        facade: r#"
    use backend::cipher::{AeadAlgorithm, AeadBackend, AeadKey};
    use backend::Backend;
    let Ok(key) = Backend.create_aead_key(AeadAlgorithm::AesGcm, &[7u8; 16]) else { return Vec::new() };
    let mut out = data.to_vec();
    let Ok(tag) = key.encrypt_in_place_detached(&[1u8; 12], &mut out, b"") else { return Vec::new() };
    out.extend_from_slice(&tag);
    out
"#,
        raw_deps: &[
            r#"aes-gcm = { version = "0.11", default-features = false, features = ["aes", "zeroize"] }"#,
        ],
        raw: r#"
    use aes_gcm::aead::{AeadInOut, KeyInit};
    let Ok(key) = aes_gcm::Aes128Gcm::new_from_slice(&[7u8; 16]) else { return Vec::new() };
    let mut out = data.to_vec();
    let Ok(tag) = key.encrypt_inout_detached(&[1u8; 12].into(), b"", out.as_mut_slice().into()) else { return Vec::new() };
    out.extend_from_slice(&tag);
    out
"#,
        // pyca/cryptography's `AESGCM` (OpenSSL): `openssl enc` has no GCM.
        expected: "c060aff5ddf1bd7bb4eb2e8d42b526724c2a90",
    },
    Program {
        name: "p256-verify",
        what: "ECDSA P-256 SHA-256 verification of a DER signature of argv[1]",
        features: &["ec", "p256", "sha256"],
        facade: r#"
    use backend::{Backend, Ecdsa, EcPublicKey, EllipticCurve, EllipticCurveBackend, HashAlgorithm};
    let Ok(key) = Backend.load_elliptic_curve_public_bytes(EllipticCurve::Secp256r1, &KEY) else { return Vec::new() };
    vec![u8::from(key.verify(&SIG, data, Ecdsa::from(HashAlgorithm::Sha256)).is_ok())]
"#,
        raw_deps: &[
            r#"p256 = { version = "0.14", default-features = false, features = ["ecdsa"] }"#,
            r#"ecdsa = { version = "0.17", default-features = false, features = ["der"] }"#,
        ],
        raw: r#"
    use p256::ecdsa::signature::Verifier;
    let Ok(key) = p256::ecdsa::VerifyingKey::from_sec1_bytes(&KEY) else { return Vec::new() };
    let Ok(sig) = p256::ecdsa::DerSignature::from_bytes(&SIG) else { return vec![0] };
    vec![u8::from(key.verify(data, &sig).is_ok())]
"#,
        expected: "01",
    },
];

/// Added bytes of one build over the baseline.
struct Measured {
    facade: u64,
    raw: u64,
}

pub fn main(args: &[String]) -> crate::Result {
    let only: Vec<&str> = args.iter().map(String::as_str).collect();
    let baseline = build("baseline", &[], BASELINE, "")?;
    let base_size = size_of(&baseline)?;
    let mut rows = Vec::new();
    for program in PROGRAMS
        .iter()
        .filter(|p| only.is_empty() || only.contains(&p.name))
    {
        eprintln!("size: {} ({})", program.name, program.what);
        let facade_deps = format!(
            "backend = {{ path = {:?}, default-features = false, features = [{}] }}",
            crate::workspace_root()
                .join("crates/backend")
                .display()
                .to_string(),
            program
                .features
                .iter()
                .map(|f| format!("{f:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let facade = build(
            &format!("{}-facade", program.name),
            &[facade_deps],
            program.facade,
            &constants(program),
        )?;
        let raw_deps: Vec<String> = program.raw_deps.iter().map(|d| d.to_string()).collect();
        let raw = build(
            &format!("{}-raw", program.name),
            &raw_deps,
            program.raw,
            &constants(program),
        )?;
        let (facade_out, raw_out) = (run(&facade)?, run(&raw)?);
        if facade_out != raw_out {
            return Err(format!(
                "{}: the facade prints {facade_out} and the raw crates {raw_out}",
                program.name
            ));
        }
        if !program.expected.is_empty() && facade_out != program.expected {
            return Err(format!(
                "{}: prints {facade_out}, expected {}",
                program.name, program.expected
            ));
        }
        let added =
            |path: &Path| -> crate::Result<u64> { Ok(size_of(path)?.saturating_sub(base_size)) };
        rows.push((
            program,
            Measured {
                facade: added(&facade)?,
                raw: added(&raw)?,
            },
        ));
    }
    println!(
        "x86-64 Linux `std` binaries, `opt-level = \"z\"`, `lto = true`, `panic = \"abort\"`, \
         `codegen-units = 1`, stripped; sizes added to the same program without cryptography \
         ({base_size} B). Limit {LIMIT:.2}x, goal {GOAL:.2}x.\n"
    );
    println!("| program | through `backend` (features) | through the raw crates | ratio |");
    println!("|---|---|---|---|");
    let mut over = Vec::new();
    for (program, m) in &rows {
        let ratio = m.facade as f64 / (m.raw.max(1)) as f64;
        let crates: Vec<&str> = program
            .raw_deps
            .iter()
            .filter_map(|d| d.split_whitespace().next())
            .collect();
        println!(
            "| {} | +{} B (`{}`) | +{} B (`{}`) | {ratio:.3}x{} |",
            program.what,
            thousands(m.facade),
            program.features.join("`, `"),
            thousands(m.raw),
            crates.join("`, `"),
            if ratio > LIMIT {
                " **over the limit**"
            } else if ratio > GOAL {
                " (over the goal)"
            } else {
                ""
            }
        );
        if ratio > LIMIT {
            over.push(format!("{} {ratio:.3}x", program.name));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "facade ÷ raw added size over {LIMIT:.2}x: {}",
            over.join(", ")
        ))
    }
}

/// The `KEY` and `SIG` constants the ECDSA programs use (empty for the others).
fn constants(program: &Program) -> String {
    if program.name != "p256-verify" {
        return String::new();
    }
    format!(
        "const KEY: [u8; 65] = {:?};\nconst SIG: [u8; {}] = {:?};\n",
        decode(P256_KEY),
        P256_SIG.len() / 2,
        decode(P256_SIG)
    )
}

fn decode(hex: &str) -> Vec<u8> {
    hex::decode(hex).unwrap_or_default()
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target"))
}

/// Generates `target/size/<name>` and builds it with [`PROFILE`], offline, from the workspace's
/// lockfile; returns the binary's path.
fn build(name: &str, deps: &[String], body: &str, constants: &str) -> crate::Result<PathBuf> {
    let dir = target_dir().join("size").join(name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let package = format!("size-{name}");
    let manifest = format!(
        "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [[bin]]\nname = \"{package}\"\npath = \"main.rs\"\n\n\
         [dependencies]\n{deps}\n\n{PROFILE}\n[workspace]\n",
        deps = deps.join("\n"),
    );
    write(&dir.join("Cargo.toml"), &manifest)?;
    let main = format!(
        "//! Generated by `cargo xtask size`: {name}.\n\n{constants}\n\
         fn run(data: &[u8]) -> Vec<u8> {{{body}}}\n\n\
         fn main() {{\n    let arg = std::env::args().nth(1).unwrap_or_default();\n    \
         let out = run(arg.as_bytes());\n    let hex: String = out.iter().map(|b| format!(\"{{b:02x}}\")).collect();\n    \
         println!(\"{{hex}}\");\n}}\n"
    );
    write(&dir.join("main.rs"), &main)?;
    // The workspace's lockfile: the same crate versions as the workspace, and nothing fetched.
    std::fs::copy(
        crate::workspace_root().join("Cargo.lock"),
        dir.join("Cargo.lock"),
    )
    .map_err(|e| format!("Cargo.lock: {e}"))?;
    let out_dir = target_dir().join("size-target");
    let output =
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "build",
                "--release",
                "--offline",
                "--quiet",
                "--manifest-path",
            ])
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &out_dir)
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "size: {name} does not build:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(out_dir.join("release").join(package))
}

fn size_of(path: &Path) -> crate::Result<u64> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs a built program on [`INPUT`]; its standard output, trimmed.
fn run(path: &Path) -> crate::Result<String> {
    let output = std::process::Command::new(path)
        .arg(INPUT)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    if !output.status.success() {
        return Err(format!("{} failed ({})", path.display(), output.status));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

fn write(path: &Path, text: &str) -> crate::Result {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn the_ecdsa_constants_decode() {
        assert_eq!(decode(P256_KEY).len(), 65);
        assert_eq!(decode(P256_SIG).len(), P256_SIG.len() / 2);
    }
}
