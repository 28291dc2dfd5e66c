//! Round trips with the `openssl` command-line tool: what we sign and encrypt, OpenSSL verifies
//! and decrypts, and the other way round (PKCS#1 v1.5, PSS with several salt lengths and MGF1
//! hashes, OAEP with labels). Skipped, with a message, when `openssl` is not installed.

mod common;

use backend_rsa::{
    AsymmetricPadding, Error, HashAlgorithm, MessageHash, Mgf, Oaep, Pss, RsaPrivateKey,
    RsaPrivateNumbers, RsaPublicKey, SaltLength,
};
use std::path::{Path, PathBuf};
use std::process::Command;

/// DER of a PKCS#1 `RSAPrivateKey` (the test writes keys for OpenSSL; serialization proper is the
/// serialization family's).
fn pkcs1_der(numbers: &RsaPrivateNumbers) -> Vec<u8> {
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
    let fields = [
        integer(&[0]),
        integer(&numbers.public_numbers.n),
        integer(&numbers.public_numbers.e),
        integer(&numbers.d),
        integer(&numbers.p),
        integer(&numbers.q),
        integer(&numbers.dmp1),
        integer(&numbers.dmq1),
        integer(&numbers.iqmp),
    ]
    .concat();
    [vec![0x30], length(fields.len()), fields].concat()
}

struct Workspace {
    dir: PathBuf,
}

impl Workspace {
    fn new(name: &str) -> Option<Self> {
        if Command::new("openssl").arg("version").output().is_err() {
            eprintln!("openssl not installed: skipping the OpenSSL round trips");
            return None;
        }
        let dir = std::env::temp_dir().join(format!("backend-rsa-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        let numbers = common::key_2048().private_numbers().ok()?;
        std::fs::write(dir.join("key.der"), pkcs1_der(&numbers)).ok()?;
        Some(Workspace { dir })
    }

    fn file(&self, name: &str, data: &[u8]) -> PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, data).expect("temp file");
        path
    }

    /// `openssl pkeyutl` with the test key; the output file's bytes, or `None` when it fails.
    fn pkeyutl(&self, args: &[&str], input: &Path) -> Option<Vec<u8>> {
        let out = self.dir.join("out.bin");
        let _ = std::fs::remove_file(&out);
        let status = Command::new("openssl")
            .arg("pkeyutl")
            .args(["-inkey"])
            .arg(self.dir.join("key.der"))
            .args(["-keyform", "DER", "-in"])
            .arg(input)
            .arg("-out")
            .arg(&out)
            .args(args)
            .output()
            .ok()?;
        if !status.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&status.stderr));
            return None;
        }
        std::fs::read(&out).ok()
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn digest(hash: HashAlgorithm, data: &[u8]) -> Vec<u8> {
    use backend_hash::{HashBackend, HashContext};
    let mut ctx = backend_hash::RustCrypto
        .create_hash_ctx(hash)
        .expect("hash");
    ctx.update(data);
    ctx.finalize().expect("digest").to_vec()
}

fn openssl_name(hash: HashAlgorithm) -> &'static str {
    match hash {
        HashAlgorithm::Sha1 => "sha1",
        HashAlgorithm::Sha224 => "sha224",
        HashAlgorithm::Sha384 => "sha384",
        HashAlgorithm::Sha512 => "sha512",
        HashAlgorithm::Sha3_256 => "sha3-256",
        _ => "sha256",
    }
}

#[test]
fn openssl_verifies_our_signatures_and_we_verify_its() -> Result<(), Error> {
    let Some(ws) = Workspace::new("sign") else {
        return Ok(());
    };
    let key = common::key_2048();
    let public = key.to_public_key();
    let message = b"signed for OpenSSL";
    let cases = [
        (HashAlgorithm::Sha256, None),
        (HashAlgorithm::Sha512, None),
        (HashAlgorithm::Sha3_256, None),
        (
            HashAlgorithm::Sha256,
            Some((HashAlgorithm::Sha256, SaltLength::DigestLength, "32")),
        ),
        (
            HashAlgorithm::Sha256,
            Some((HashAlgorithm::Sha1, SaltLength::Explicit(0), "0")),
        ),
        (
            HashAlgorithm::Sha384,
            Some((HashAlgorithm::Sha512, SaltLength::Maximum, "max")),
        ),
    ];
    for (hash, pss) in cases {
        let md = format!("digest:{}", openssl_name(hash));
        let (padding, opts) = match pss {
            None => (AsymmetricPadding::Pkcs1v15, vec![md]),
            Some((mgf, salt, salt_opt)) => (
                AsymmetricPadding::Pss(Pss {
                    mgf: Mgf::Mgf1(mgf),
                    salt_length: salt,
                }),
                vec![
                    md,
                    "rsa_padding_mode:pss".into(),
                    format!("rsa_pss_saltlen:{salt_opt}"),
                    format!("rsa_mgf1_md:{}", openssl_name(mgf)),
                ],
            ),
        };
        let h = MessageHash::Hash(hash);
        let ours = key.sign(message, padding, h)?;
        let digest_file = ws.file("digest.bin", &digest(hash, message));
        let sig_file = ws.file("sig.bin", &ours);
        let mut args: Vec<String> = vec!["-verify".into(), "-sigfile".into()];
        args.push(sig_file.display().to_string());
        for opt in &opts {
            args.push("-pkeyopt".into());
            args.push(opt.clone());
        }
        let args_ref: Vec<&str> = args.iter().map(String::as_str).collect();
        // `pkeyutl -verify` writes nothing on success; a failure is a non-zero exit.
        assert!(
            ws.pkeyutl(&args_ref, &digest_file).is_some(),
            "OpenSSL rejected our {padding:?} {hash:?} signature"
        );
        let mut flipped = ours.clone();
        flipped[7] ^= 1;
        let sig_file_arg = args
            .iter()
            .position(|a| a == "-sigfile")
            .map_or(0, |i| i + 1);
        let flipped_file = ws.file("flipped.bin", &flipped);
        let mut bad_args = args_ref.clone();
        let flipped_path = flipped_file.display().to_string();
        bad_args[sig_file_arg] = &flipped_path;
        assert!(
            ws.pkeyutl(&bad_args, &digest_file).is_none(),
            "OpenSSL accepted a changed signature: the round trip proves nothing"
        );
        // OpenSSL signs; we verify (PSS with the salt length it used, and with AUTO).
        let mut sign_args: Vec<&str> = vec!["-sign"];
        for opt in &opts {
            sign_args.push("-pkeyopt");
            sign_args.push(opt);
        }
        let theirs = ws.pkeyutl(&sign_args, &digest_file).expect("OpenSSL signs");
        public.verify(&theirs, message, padding, h)?;
        if let AsymmetricPadding::Pss(pss) = padding {
            let auto = AsymmetricPadding::Pss(Pss {
                salt_length: SaltLength::Auto,
                ..pss
            });
            public.verify(&theirs, message, auto, h)?;
        }
    }
    Ok(())
}

#[test]
fn openssl_decrypts_our_ciphertexts_and_we_decrypt_its() -> Result<(), Error> {
    let Some(ws) = Workspace::new("crypt") else {
        return Ok(());
    };
    let key = common::key_2048();
    let public = key.to_public_key();
    let message = b"a session key for OpenSSL";
    let label = b"the label";
    let cases: [(AsymmetricPadding<'_>, Vec<String>); 3] = [
        (AsymmetricPadding::Pkcs1v15, vec![]),
        (
            AsymmetricPadding::oaep(HashAlgorithm::Sha1, b""),
            vec!["rsa_padding_mode:oaep".into()],
        ),
        (
            AsymmetricPadding::Oaep(Oaep {
                mgf: Mgf::Mgf1(HashAlgorithm::Sha1),
                hash: HashAlgorithm::Sha256,
                label,
            }),
            vec![
                "rsa_padding_mode:oaep".into(),
                "rsa_oaep_md:sha256".into(),
                "rsa_mgf1_md:sha1".into(),
                format!("rsa_oaep_label:{}", hex::encode(label)),
            ],
        ),
    ];
    for (padding, opts) in cases {
        let with = |op: &'static str| {
            let mut args = vec![op];
            for opt in &opts {
                args.push("-pkeyopt");
                args.push(opt);
            }
            args
        };
        let ours = public.encrypt(message, padding)?;
        let decrypted = ws
            .pkeyutl(&with("-decrypt"), &ws.file("ours.bin", &ours))
            .expect("OpenSSL decrypts");
        assert_eq!(decrypted, message, "{padding:?}");
        let theirs = ws
            .pkeyutl(&with("-encrypt"), &ws.file("message.bin", message))
            .expect("OpenSSL encrypts");
        assert_eq!(&key.decrypt(&theirs, padding)?[..], message, "{padding:?}");
    }
    Ok(())
}
