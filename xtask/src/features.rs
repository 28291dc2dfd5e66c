//! `cargo xtask features`: the supported ⇔ call property with algorithm features off (issue 19).
//!
//! Builds `crates/backend/tests/features.rs` with `--no-default-features` and each subset of
//! [`SUBSETS`], and runs it: in each build every descriptor of every family that is on must be
//! listed by the rows exactly when its call succeeds, and a compiled-out one must answer
//! `Unsupported`. The default build runs the same test in `cargo test --workspace`.

/// Feature subsets of `backend` the property is checked in: a family with only some of its
/// algorithms, and families with none.
pub const SUBSETS: &[&str] = &[
    // HMAC over SHA-2 only, no hash family: the example of the issue.
    "sha2,hmac",
    "hash,hmac,sha256",
    "cipher,aes128,ctr,alloc",
    "cipher,aes256,xts,gcm,aes-ccm,chacha20,alloc",
    "cipher,aes192,aes-gcm,des,cbc,camellia,ecb,sm4,ofb,alloc",
    "cmac,aes256,des",
    "ec,p256,sha256,alloc",
    "ec,p384,secp256k1,sha3,sha512,alloc",
    // Families on, no algorithm: every call `Unsupported`, no row.
    "hash,hmac,cmac,cipher,kdf,ec,alloc",
];

pub fn main(args: &[String]) -> crate::Result {
    let only: Vec<&str> = args.iter().map(String::as_str).collect();
    for features in SUBSETS
        .iter()
        .filter(|f| only.is_empty() || only.contains(f))
    {
        crate::run(
            "cargo",
            &[
                "test",
                "--quiet",
                "-p",
                "backend",
                "--no-default-features",
                "--features",
                features,
                "--test",
                "features",
            ],
        )?;
    }
    Ok(())
}
