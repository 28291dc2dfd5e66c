//! `cargo xtask bench [BENCH...]`: runs the criterion benches of the `backend` crate, then prints,
//! per benchmark group, each peer's throughput and the facade's ratio to it, with the `openssl
//! speed` figure for the same algorithm and size measured in the same run.
//!
//! Benches use the default target CPU: `-C target-cpu=native` made RustCrypto SHA-256 40-50x
//! slower on 64-byte inputs on the reference machine (SHA-NI code inlined into AVX code).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The benches of `crates/backend/benches/`, run when none is named.
const BENCHES: &[&str] = &[
    "hash",
    "kdf",
    "rsa",
    "cipher",
    "ec",
    "serialization",
    "dsa",
    "dh",
];

/// Criterion group prefix → `openssl speed` arguments measuring the same thing.
const OPENSSL: &[(&str, &[&str])] = &[
    ("hash/sha256/", &["-evp", "sha256"]),
    ("hash/sha512/", &["-evp", "sha512"]),
    ("hmac/sha256/", &["-hmac", "sha256"]),
    ("cipher/aes128-gcm-encrypt/", &["-evp", "aes-128-gcm"]),
    ("cipher/aes256-gcm-encrypt/", &["-evp", "aes-256-gcm"]),
    ("cipher/aes128-ctr-encrypt/", &["-evp", "aes-128-ctr"]),
    ("cipher/aes128-cbc-encrypt/", &["-evp", "aes-128-cbc"]),
    (
        "cipher/chacha20poly1305-encrypt/",
        &["-evp", "chacha20-poly1305"],
    ),
];

pub fn main(args: &[String]) -> crate::Result {
    let names: Vec<&str> = if args.is_empty() {
        BENCHES.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };
    for name in &names {
        crate::run(
            "cargo",
            &[
                "bench",
                "--quiet",
                "-p",
                "backend",
                "--bench",
                name,
                // The `multi` and `ring-facade` columns (issue #12).
                "--features",
                "ring",
                "--",
                "--warm-up-time",
                "1",
                "--measurement-time",
                "3",
            ],
        )?;
    }
    let results = collect(&criterion_dir())?;
    print_table(&results, &names);
    print_multi_table(&results, &names);
    Ok(())
}

fn criterion_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target"))
        .join("criterion")
}

/// One measured function: group, function id, bytes per iteration, mean nanoseconds.
struct Measured {
    bytes: Option<f64>,
    mean_ns: f64,
}

/// Reads every `new/benchmark.json` + `new/estimates.json` pair under `dir`.
fn collect(dir: &Path) -> crate::Result<BTreeMap<String, BTreeMap<String, Measured>>> {
    let mut out: BTreeMap<String, BTreeMap<String, Measured>> = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if !p.is_dir() {
                continue;
            }
            if p.file_name().is_some_and(|n| n == "new") {
                let read = |f: &str| -> Option<Value> {
                    serde_json::from_slice(&std::fs::read(p.join(f)).ok()?).ok()
                };
                let (Some(bench), Some(est)) = (read("benchmark.json"), read("estimates.json"))
                else {
                    continue;
                };
                let group = bench["group_id"].as_str().unwrap_or_default().to_string();
                let function = bench["function_id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                let bytes = bench["throughput"]["Bytes"].as_f64();
                let mean_ns = est["mean"]["point_estimate"].as_f64().unwrap_or(f64::NAN);
                out.entry(group)
                    .or_default()
                    .insert(function, Measured { bytes, mean_ns });
            } else {
                stack.push(p);
            }
        }
    }
    Ok(out)
}

fn rate(m: &Measured) -> String {
    match m.bytes {
        Some(b) => format!("{:.0} MB/s", b / m.mean_ns * 1e3),
        None => format!("{:.1} µs", m.mean_ns / 1e3),
    }
}

fn print_table(results: &BTreeMap<String, BTreeMap<String, Measured>>, benches: &[&str]) {
    println!(
        "\n| group | facade | facade-dyn | facade-oneshot | raw | ring | openssl | facade/raw | oneshot/raw | facade/ring | facade/openssl |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for (group, fns) in results {
        if !benches.iter().any(|b| {
            group.starts_with(&format!("{b}/")) || group.starts_with("hmac/") && *b == "hash"
        }) {
            continue;
        }
        let Some(facade) = fns.get("facade") else {
            continue;
        };
        let cell = |id: &str| fns.get(id).map(rate).unwrap_or_else(|| "-".into());
        let ratio = |id: &str| {
            fns.get(id)
                .map(|peer| format!("{:.2}x", peer.mean_ns / facade.mean_ns))
                .unwrap_or_else(|| "-".into())
        };
        let openssl = facade
            .bytes
            .and_then(|bytes| openssl_rate(group, bytes as usize));
        let (ossl_cell, ossl_ratio) = match (openssl, facade.bytes) {
            (Some(bps), Some(bytes)) => {
                let ours = bytes / facade.mean_ns * 1e9;
                (
                    format!("{:.0} MB/s", bps / 1e6),
                    format!("{:.2}x", ours / bps),
                )
            }
            _ => openssl_rsa_ops(group)
                .or_else(|| openssl_ec_ops(group))
                .or_else(|| openssl_dsa_ops(group))
                .or_else(|| openssl_dh_ops(group))
                .map(|ops| {
                    let ours = 1e9 / facade.mean_ns;
                    (format!("{ops:.0} op/s"), format!("{:.2}x", ours / ops))
                })
                .unwrap_or_else(|| ("-".into(), "-".into())),
        };
        let oneshot_ratio = match (fns.get("facade-oneshot"), fns.get("raw")) {
            (Some(o), Some(r)) => format!("{:.2}x", r.mean_ns / o.mean_ns),
            _ => "-".into(),
        };
        println!(
            "| {group} | {} | {} | {} | {} | {} | {ossl_cell} | {} | {oneshot_ratio} | {} | {ossl_ratio} |",
            rate(facade),
            cell("facade-dyn"),
            cell("facade-oneshot"),
            cell("raw"),
            cell("ring"),
            ratio("raw"),
            ratio("ring"),
        );
    }
    println!(
        "\n(ratios: facade throughput ÷ peer throughput; CPU: {})",
        cpu_name()
    );
}

/// `openssl speed -mr` bytes per second for the algorithm of `group` at `bytes`, if mapped.
fn openssl_rate(group: &str, bytes: usize) -> Option<f64> {
    let (_, args) = OPENSSL
        .iter()
        .find(|(prefix, _)| group.starts_with(prefix))?;
    let size = bytes.to_string();
    let out = std::process::Command::new("openssl")
        .args(["speed", "-mr", "-seconds", "1", "-bytes", &size])
        .args(*args)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&out.stderr).lines())
        .find_map(|l| {
            l.strip_prefix("+F:")
                .and_then(|rest| rest.rsplit(':').next()?.parse().ok())
        })
}

/// `openssl speed -mr` operations per second for an elliptic-curve group (`ec/sign/p256`,
/// `ec/verify/p384`, `ec/ecdh/p256`), if mapped. OpenSSL has no key-generation figure.
fn openssl_ec_ops(group: &str) -> Option<f64> {
    let mut parts = group.split('/');
    let (family, op, curve) = (parts.next()?, parts.next()?, parts.next()?);
    // `+F4:index:bits:sign/s:verify/s` for ECDSA, `+F5:index:bits:ops/s:seconds` for ECDH.
    let (algorithm, tag, field) = match (family, op) {
        ("ec", "sign") => ("ecdsa", "+F4:", 3),
        ("ec", "verify") => ("ecdsa", "+F4:", 4),
        ("ec", "ecdh") => ("ecdh", "+F5:", 3),
        _ => return None,
    };
    let out = std::process::Command::new("openssl")
        .args([
            "speed",
            "-mr",
            "-seconds",
            "1",
            &format!("{algorithm}{curve}"),
        ])
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&out.stderr).lines())
        .find(|l| l.starts_with(tag))
        .and_then(|l| l.split(':').nth(field)?.parse().ok())
}

/// `openssl speed -mr rsaBITS` operations per second for an `rsa/<op>/<bits>` group: its sign rate
/// for private-key operations (sign, decrypt), its verify rate for verification.
fn openssl_rsa_ops(group: &str) -> Option<f64> {
    let mut parts = group.strip_prefix("rsa/")?.split('/');
    let (op, bits) = (parts.next()?, parts.next()?);
    let column = if op.starts_with("verify") {
        4
    } else if op.starts_with("sign") || op.starts_with("decrypt") {
        3
    } else {
        return None;
    };
    let out = std::process::Command::new("openssl")
        .args(["speed", "-mr", "-seconds", "1", &format!("rsa{bits}")])
        .output()
        .ok()?;
    // `+F2:<index>:<bits>:<sign/s>:<verify/s>`
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&out.stderr).lines())
        .find(|l| l.starts_with("+F2:"))
        .and_then(|l| l.split(':').nth(column)?.parse().ok())
}

/// `openssl speed -mr dsaBITS` operations per second for a `dsa/<sign|verify>/<bits>` group.
/// OpenSSL has no key-loading figure.
fn openssl_dsa_ops(group: &str) -> Option<f64> {
    let mut parts = group.strip_prefix("dsa/")?.split('/');
    let (op, bits) = (parts.next()?, parts.next()?);
    let column = match op {
        "sign" => 3,
        "verify" => 4,
        _ => return None,
    };
    let out = std::process::Command::new("openssl")
        .args(["speed", "-mr", "-seconds", "1", &format!("dsa{bits}")])
        .output()
        .ok()?;
    // `+F3:<index>:<bits>:<sign/s>:<verify/s>`
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&out.stderr).lines())
        .find(|l| l.starts_with("+F3:"))
        .and_then(|l| l.split(':').nth(column)?.parse().ok())
}

/// `openssl speed -mr ffdhBITS` derives per second for a `dh/exchange/ffdheBITS` group (OpenSSL
/// validates the peer once, in its setup, and times the derive).
fn openssl_dh_ops(group: &str) -> Option<f64> {
    let bits = group.strip_prefix("dh/exchange/ffdhe")?;
    let out = std::process::Command::new("openssl")
        .args(["speed", "-mr", "-seconds", "1", &format!("ffdh{bits}")])
        .output()
        .ok()?;
    // `+F8:<index>:<bits>:<ops/s>:<seconds/op>`
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&out.stderr).lines())
        .find(|l| l.starts_with("+F8:"))
        .and_then(|l| l.split(':').nth(3)?.parse().ok())
}

fn cpu_name() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

/// The composition's table (issue #12): per group with a `multi` column, `MultiBackend[ring,
/// rustcrypto]` against `ring` itself (the raw crate), ring's provider called directly through the
/// same trait (`ring-facade`: the difference to `multi` is the dispatch), the RustCrypto facade, and
/// `openssl speed` where mapped. The keyed-seal groups take the `-encrypt` groups' OpenSSL figure.
fn print_multi_table(results: &BTreeMap<String, BTreeMap<String, Measured>>, benches: &[&str]) {
    println!(
        "\n| group | multi | ring | ring-facade | facade | openssl | multi/ring | multi/ring-facade | multi/facade | multi/openssl |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (group, fns) in results {
        if !benches.iter().any(|b| {
            group.starts_with(&format!("{b}/")) || group.starts_with("hmac/") && *b == "hash"
        }) {
            continue;
        }
        let Some(multi) = fns.get("multi") else {
            continue;
        };
        let cell = |id: &str| fns.get(id).map(rate).unwrap_or_else(|| "-".into());
        let ratio = |id: &str| {
            fns.get(id)
                .map(|peer| format!("{:.2}x", peer.mean_ns / multi.mean_ns))
                .unwrap_or_else(|| "-".into())
        };
        let openssl_group = group.replace("-keyed-seal/", "-encrypt/");
        let (ossl_cell, ossl_ratio) = match multi
            .bytes
            .and_then(|bytes| openssl_rate(&openssl_group, bytes as usize).map(|r| (bytes, r)))
        {
            Some((bytes, bps)) => (
                format!("{:.0} MB/s", bps / 1e6),
                format!("{:.2}x", bytes / multi.mean_ns * 1e9 / bps),
            ),
            None => openssl_rsa_ops(group)
                .or_else(|| openssl_ec_ops(group))
                .map(|ops| {
                    (
                        format!("{ops:.0} op/s"),
                        format!("{:.2}x", 1e9 / multi.mean_ns / ops),
                    )
                })
                .unwrap_or_else(|| ("-".into(), "-".into())),
        };
        println!(
            "| {group} | {} | {} | {} | {} | {ossl_cell} | {} | {} | {} | {ossl_ratio} |",
            rate(multi),
            cell("ring"),
            cell("ring-facade"),
            cell("facade"),
            ratio("ring"),
            ratio("ring-facade"),
            ratio("facade"),
        );
    }
    println!(
        "\n(ratios: multi throughput ÷ peer throughput; CPU: {})",
        cpu_name()
    );
}
