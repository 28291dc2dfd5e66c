//! `cargo xtask nostd`: proves that each `no_std` subset of `backend` builds without `std`, and
//! without `alloc` where the design promises it.
//!
//! For each subset a throwaway crate is generated under `target/nostd/`: a `#![no_std]` staticlib
//! with its own `#[panic_handler]`, depending on `backend` with only that subset's features and
//! calling its API. If anything in the graph links `std`, rustc stops with E0152 (duplicate lang
//! item `panic_impl`); if anything links `alloc` in a subset that promises not to, linking fails
//! with "no global memory allocator found". Subsets allowed `alloc` get a `#[global_allocator]`.
//! (This machine has only the host std target and no `rust-src`, so `-Z build-std` for a bare
//! target is not available; the staticlib trick gives the same guarantee on the host target.)

use std::path::{Path, PathBuf};

/// One `no_std` build to prove.
pub struct Subset {
    /// Name of the generated crate (`target/nostd/<name>`).
    pub name: &'static str,
    /// Features of `backend` to enable (on top of `default-features = false`).
    pub features: &'static [&'static str],
    /// Whether the subset may use `alloc`.
    pub alloc: bool,
    /// Body of `pub fn check() -> u8` in the generated crate: calls the subset's API.
    pub code: &'static str,
}

/// Every subset the design promises; a family adds its own entry here.
pub const SUBSETS: &[Subset] = &[
    Subset {
        name: "hash-hmac-cmac",
        features: &[
            "hash", "hmac", "cmac", "sha1", "sha2", "sha3", "blake2", "md5", "sm3", "aes", "des",
            "camellia",
        ],
        alloc: false,
        code: r#"
    use backend::{Backend, CipherAlgorithm, CmacBackend, HashAlgorithm, HashBackend, HashContext,
                  HmacBackend, MacContext};
    let Ok(mut h) = Backend.create_hash_ctx(HashAlgorithm::Sha256) else { return 1 };
    h.update(b"abc");
    let mut digest = [0u8; 32];
    if h.finalize_into(&mut digest).is_err() { return 2 }
    let Ok(mut m) = Backend.create_hmac_ctx(b"key", HashAlgorithm::Sha3_256) else { return 3 };
    m.update(&digest);
    let Ok(c) = Backend.create_cmac_ctx(&CipherAlgorithm::Aes(&[0u8; 16])) else { return 4 };
    m.finalize()[0] ^ c.finalize()[0]
"#,
    },
    Subset {
        name: "cipher",
        features: &[
            "cipher",
            "aes",
            "des",
            "camellia",
            "sm4",
            "chacha20",
            "ecb",
            "cbc",
            "ctr",
            "ofb",
            "cfb",
            "cfb8",
            "xts",
            "gcm",
            "aes-gcm",
            "aes-ccm",
            "chacha20poly1305",
        ],
        alloc: false,
        code: r#"
    use backend::{Backend, CipherAlgorithm, CipherBackend, CipherContext, DecryptionContext,
                  EncryptionContext, Mode};
    use backend::cipher::{padding::Padding, AeadAlgorithm, AeadBackend, AeadKey};
    let key = [7u8; 16];
    let aes = CipherAlgorithm::Aes(&key);
    let Ok(mut e) = Backend.create_symmetric_encryption_ctx(&aes, &Mode::gcm(&[1u8; 12])) else { return 1 };
    let mut ct = [0u8; 3];
    if e.authenticate_additional_data(b"h").is_err() || e.update_into(b"abc", &mut ct).is_err() { return 2 }
    let Ok(done) = e.finalize() else { return 3 };
    let Some(tag) = done.tag else { return 4 };
    let Ok(mut d) = Backend.create_symmetric_decryption_ctx(&aes, &Mode::gcm(&[1u8; 12])) else { return 5 };
    let mut pt = [0u8; 3];
    if d.authenticate_additional_data(b"h").is_err() || d.update_into(&ct, &mut pt).is_err() { return 6 }
    if d.finalize_with_tag(&tag).is_err() { return 7 }
    let Ok(mut padder) = Padding::Pkcs7.padder(128) else { return 8 };
    let mut block = [0u8; 16];
    if padder.update_into(&pt, &mut block).is_err() || padder.finalize_into(&mut block).is_err() { return 9 }
    let Ok(ccm) = Backend.create_aead_key(AeadAlgorithm::AesCcm { tag_length: 16 }, &key) else { return 10 };
    let Ok(t) = ccm.encrypt_in_place_detached(&[0u8; 13], &mut block, b"") else { return 11 };
    let Ok(gcm) = Backend.create_aead_key(AeadAlgorithm::AesGcm, &key) else { return 12 };
    let Ok(u) = gcm.encrypt_in_place_detached(&[0u8; 12], &mut block, b"") else { return 13 };
    if gcm.decrypt_in_place_detached(&[0u8; 12], &mut block, b"", &u).is_err() { return 14 }
    block[0] ^ t[0] ^ u[0]
"#,
    },
    Subset {
        name: "kdf",
        features: &["kdf"],
        alloc: false,
        code: r#"
    use backend::{Backend, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend};
    let mut key = [0u8; 32];
    let pbkdf2 = Backend.derive_pbkdf2_hmac_into(HashAlgorithm::Sha256, b"salt", 2, b"pw", &mut key);
    if pbkdf2.is_err() { return 1 }
    let mut okm = [0u8; 42];
    if Backend.derive_hkdf_into(HashAlgorithm::Sha512, b"salt", b"info", &key, &mut okm).is_err() {
        return 2
    }
    okm[0]
"#,
    },
    Subset {
        name: "ec",
        features: &[
            "ec",
            "p224",
            "p256",
            "p384",
            "p521",
            "secp256k1",
            "sha1",
            "sha2",
            "sha3",
        ],
        alloc: false,
        code: r#"
    use backend::{Backend, Ecdh, Ecdsa, EcPrivateKey, EcPublicKey, EllipticCurve,
                  EllipticCurveBackend, HashAlgorithm, MessageHash};
    let Ok(key) = Backend.derive_elliptic_curve_private_key(&[7; 32], EllipticCurve::Secp256r1) else { return 1 };
    let det = Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha256));
    let Ok(sig) = key.sign(b"message", det) else { return 2 };
    if key.public_key().verify(&sig, b"message", det).is_err() { return 3 }
    let Ok(sig) = key.sign(b"message", Ecdsa::from(HashAlgorithm::Sha256)) else { return 4 };
    if key.public_key().verify(&sig, b"message", det).is_err() { return 5 }
    let Ok(a) = Backend.generate_elliptic_curve_private_key(EllipticCurve::Secp384r1) else { return 6 };
    let Ok(b) = Backend.derive_elliptic_curve_private_key(&[9; 48], EllipticCurve::Secp384r1) else { return 7 };
    match (a.exchange(Ecdh, b.public_key()), b.exchange(Ecdh, a.public_key())) {
        (Ok(x), Ok(y)) if x == y => x[0],
        _ => 8,
    }
"#,
    },
    Subset {
        name: "scrypt",
        features: &["scrypt"],
        alloc: true,
        code: r#"
    use backend::{Backend, ScryptBackend};
    match Backend.derive_scrypt(b"pw", b"salt", 32, 1 << 10, 8, 1) {
        Ok(key) => key[0],
        Err(_) => 1,
    }
"#,
    },
    Subset {
        name: "rsa",
        features: &["rsa"],
        alloc: true,
        code: r#"
    use backend::{AsymmetricPadding, Backend, HashAlgorithm, MessageHash, RsaBackend, RsaPrivateKey,
                  RsaPublicKey, SaltLength};
    let Ok(key) = Backend.generate_rsa_private_key(65537, 2048) else { return 1 };
    let pss = AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::DigestLength);
    let h = MessageHash::Hash(HashAlgorithm::Sha256);
    let Ok(sig) = key.sign(b"abc", pss, h) else { return 2 };
    let Ok(public) = key.public_key() else { return 3 };
    if public.verify(&sig, b"abc", pss, h).is_err() { return 4 }
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
    let Ok(c) = public.encrypt(b"m", oaep) else { return 5 };
    key.decrypt(&c, oaep).map_or(6, |m| m[0])
"#,
    },
    Subset {
        name: "dsa",
        features: &["dsa"],
        alloc: true,
        code: r#"
    use backend::{DsaBackend, DsaParameters, DsaPrivateKey, DsaPublicKey, HashAlgorithm, MessageHash};
    use backend::dsa::RustCrypto;
    let Ok(parameters) = RustCrypto.generate_dsa_parameters(2048) else { return 1 };
    let Ok(key) = parameters.generate_private_key() else { return 2 };
    let h = MessageHash::Hash(HashAlgorithm::Sha256);
    let Ok(sig) = key.sign(b"abc", h) else { return 3 };
    let Ok(public) = key.public_key() else { return 4 };
    if public.verify(&sig, b"abc", h).is_err() { return 5 }
    let Ok(numbers) = key.private_numbers() else { return 6 };
    RustCrypto.load_dsa_private_numbers(&numbers).map_or(7, |k| k.key_size() as u8)
"#,
    },
    Subset {
        name: "dh",
        features: &["dh"],
        alloc: true,
        code: r#"
    use backend::{Backend, DhBackend, DhParameters, DhPrivateKey};
    let Ok(params) = Backend.load_dh_parameter_numbers(&backend::dh::ffdhe2048()) else { return 1 };
    let Ok(a) = params.generate_private_key() else { return 2 };
    let Ok(b) = Backend.generate_dh_private_key(&*params) else { return 3 };
    let Ok(b_public) = b.public_key() else { return 4 };
    a.exchange(&*b_public).map_or(5, |s| s[0])
"#,
    },
    Subset {
        name: "serialization",
        features: &["serialization", "ec", "p256", "sha256"],
        alloc: true,
        code: r#"
    use backend::{Backend, PemSerializationBackend, DerSerializationBackend, Encoding, PublicFormat};
    // A P-256 key from `openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8
    // -nocrypt` (the subset is compiled, not run: the check is that it links without std).
    let pem = b"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsPLG3ps7ywe9DPdp\nVeqW5ZhnUr5qYBLdV8H48YnmkYChRANCAARPOMK5VmOi06sosQ0XTg3xk530BvEy\nUj2pEgR+ebq0eNTS72hOkDY8oclg8m6g3mSbf5n0Vwrg9z1SzNjZvGsh\n-----END PRIVATE KEY-----\n";
    let Ok(key) = Backend.load_pem_private_key(pem, None) else { return 1 };
    let Ok(public) = key.public_key() else { return 2 };
    let Ok(der) = backend::public_bytes(&public, Encoding::Der, PublicFormat::SubjectPublicKeyInfo) else { return 3 };
    Backend.load_der_public_key(&der).map_or(4, |k| k.key_size() as u8)
"#,
    },
    // The algorithm features (issue 19): the programs of `cargo xtask size` with only what they
    // use, no `std`, no `alloc`.
    Subset {
        name: "only-what-is-used",
        features: &[
            "hash", "hmac", "sha256", "cipher", "aes128", "ctr", "aes-gcm", "ec", "p256",
        ],
        alloc: false,
        code: r#"
    use backend::{Backend, CipherAlgorithm, CipherBackend, EcPublicKey, Ecdsa, EllipticCurve,
                  EllipticCurveBackend, EncryptionContext, HashAlgorithm, HashBackend,
                  HmacBackend, MacContext, Mode};
    use backend::cipher::{AeadAlgorithm, AeadBackend, AeadKey, CipherContext};
    let Ok(digest) = Backend.hash(HashAlgorithm::Sha256, b"abc") else { return 1 };
    let Ok(mut mac) = Backend.create_hmac_ctx(b"key", HashAlgorithm::Sha256) else { return 2 };
    mac.update(&digest);
    let key = [7u8; 16];
    let Ok(mut ctr) = Backend.create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&key), &Mode::Ctr { nonce: &[1u8; 16] }) else { return 3 };
    let mut out = [0u8; 3];
    if ctr.update_into(b"abc", &mut out).is_err() || ctr.finalize().is_err() { return 4 }
    let Ok(gcm) = Backend.create_aead_key(AeadAlgorithm::AesGcm, &key) else { return 5 };
    let Ok(tag) = gcm.encrypt_in_place_detached(&[0u8; 12], &mut out, b"") else { return 6 };
    let Ok(public) = Backend.load_elliptic_curve_public_bytes(EllipticCurve::Secp256r1, &[4u8; 65]) else { return 7 };
    let verified = public.verify(b"sig", b"abc", Ecdsa::from(HashAlgorithm::Sha256)).is_ok();
    mac.finalize()[0] ^ out[0] ^ tag[0] ^ u8::from(verified)
"#,
    },
];

pub fn main(args: &[String]) -> crate::Result {
    let only: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut failures = Vec::new();
    for subset in SUBSETS
        .iter()
        .filter(|s| only.is_empty() || only.contains(&s.name))
    {
        let what = if subset.alloc {
            "no_std + alloc"
        } else {
            "no_std, no alloc"
        };
        eprintln!(
            "nostd: {} [{}] ({what})",
            subset.name,
            subset.features.join(", ")
        );
        match build(subset, &[]) {
            Ok(()) => eprintln!("nostd: {} ok", subset.name),
            Err(e) => {
                eprintln!("{e}");
                failures.push(subset.name);
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("no_std subsets failed: {}", failures.join(", ")))
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target"))
}

/// Generates and builds the check crate for `subset`; `extra_deps` are more `[dependencies]`
/// lines (the test uses them to add a `std` crate on purpose). On failure, returns rustc's output.
pub fn build(subset: &Subset, extra_deps: &[String]) -> crate::Result {
    let dir = target_dir().join("nostd").join(subset.name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let backend = crate::workspace_root().join("crates/backend");
    let features: Vec<String> = subset.features.iter().map(|f| format!("{f:?}")).collect();
    let manifest = format!(
        "[package]\nname = \"nostd-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [lib]\npath = \"lib.rs\"\ncrate-type = [\"staticlib\"]\n\n\
         [dependencies]\nbackend = {{ path = {backend:?}, default-features = false, features = [{features}] }}\n{extra}\n\n\
         [profile.dev]\npanic = \"abort\"\n\n[profile.release]\npanic = \"abort\"\n\n[workspace]\n",
        name = subset.name,
        backend = backend.display().to_string(),
        features = features.join(", "),
        extra = extra_deps.join("\n"),
    );
    write(&dir.join("Cargo.toml"), &manifest)?;
    let allocator = if subset.alloc { ALLOCATOR } else { "" };
    let lib = format!(
        "#![no_std]\n\n#[panic_handler]\nfn panic(_: &core::panic::PanicInfo<'_>) -> ! {{\n    loop {{}}\n}}\n{allocator}\n\
         /// Calls the subset's API so that its code is compiled and linked.\npub fn check() -> u8 {{{}}}\n",
        subset.code
    );
    write(&dir.join("lib.rs"), &lib)?;
    let output =
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--quiet", "--manifest-path"])
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target_dir().join("nostd-target"))
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "nostd: {} does not build without std{}:\n{}",
            subset.name,
            if subset.alloc { "" } else { " and alloc" },
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn write(path: &Path, text: &str) -> crate::Result {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A global allocator for the subsets allowed `alloc`: the check only links, it never runs, so
/// an allocator that always fails is enough. (Generated test code; the workspace itself has no
/// `unsafe`.)
const ALLOCATOR: &str = r#"
extern crate alloc;

struct NoHeap;

unsafe impl core::alloc::GlobalAlloc for NoHeap {
    unsafe fn alloc(&self, _layout: core::alloc::Layout) -> *mut u8 {
        core::ptr::null_mut()
    }
    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: core::alloc::Layout) {}
}

#[global_allocator]
static HEAP: NoHeap = NoHeap;
"#;

#[cfg(test)]
mod tests {
    use super::*;

    /// The check must be able to fail: a subset that pulls in a `std` crate on purpose is refused.
    #[test]
    fn a_std_dependency_fails_the_check() {
        let helper = target_dir().join("nostd").join("uses-std");
        std::fs::create_dir_all(&helper).unwrap();
        std::fs::write(
            helper.join("Cargo.toml"),
            "[package]\nname = \"uses-std\"\nversion = \"0.0.0\"\nedition = \"2024\"\n[lib]\npath = \"lib.rs\"\n[workspace]\n",
        )
        .unwrap();
        std::fs::write(
            helper.join("lib.rs"),
            "pub fn name() -> String { String::from(\"std\") }\n",
        )
        .unwrap();
        let subset = Subset {
            name: "with-std-on-purpose",
            features: &["hash"],
            alloc: false,
            code: "uses_std::name().len() as u8",
        };
        let dep = format!("uses-std = {{ path = {:?} }}", helper.display().to_string());
        let err = build(&subset, &[dep]).expect_err("a std dependency must fail the no_std check");
        assert!(err.contains("E0152") || err.contains("panic_impl"), "{err}");
    }

    /// And the real subsets pass it.
    #[test]
    fn the_hash_subset_builds_without_std_or_alloc() {
        build(&SUBSETS[0], &[]).unwrap();
    }
}
