//! `cargo xtask ci`: everything CI checks, in order, stopping at the first failure; the fuzz
//! targets run last, 20 s each (`fuzz::CI_SECONDS`).

use serde_json::Value;

pub fn main(_args: &[String]) -> crate::Result {
    crate::run("cargo", &["fmt", "--all", "--check"])?;
    crate::run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    crate::run("cargo", &["test", "--workspace", "--all-features"])?;
    // Seed 004's remote key, signing sync, async and prehashed (`cargo test` only builds it).
    crate::run(
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "backend",
            "--example",
            "remote_signer",
        ],
    )?;
    // Every public item documented, every intra-doc link resolving.
    docs()?;
    for package in workspace_libraries()? {
        crate::run(
            "cargo",
            &["build", "--quiet", "-p", &package, "--no-default-features"],
        )?;
    }
    rust_version_is_true()?;
    crate::vectors::main(&[])?;
    // The same corpus through a composition: routing must lose nothing (issue #10).
    crate::vectors::main(&["--provider".into(), "multi".into()])?;
    // ring alone (its rows' exclusions skipped) and the old partial composition (issue #12).
    crate::vectors::main(&["--provider".into(), "ring".into()])?;
    crate::vectors::main(&["--provider".into(), "partial".into()])?;
    crate::nostd::main(&[])?;
    // Algorithm features (issue 19): supported <=> call with some off, and the binary-size budget
    // (facade / raw added size at most 1.10x).
    crate::features::main(&[])?;
    crate::size::main(&[])?;
    if std::process::Command::new("cargo")
        .args(["deny", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        crate::run("cargo", &["deny", "check", "licenses", "bans", "sources"])?;
    } else {
        eprintln!("ci: cargo-deny is not installed; skipping `cargo deny check` (see README)");
    }
    // Every fuzz target for a short while (`.ci/run` installs nightly and cargo-fuzz; without them
    // this fails, saying how to install them, rather than skipping).
    crate::fuzz::run(&[], crate::fuzz::CI_SECONDS, crate::fuzz::Sanitizer::None)?;
    eprintln!("ci: all checks passed");
    Ok(())
}

/// `cargo doc` of the workspace with rustdoc warnings (broken links, missing docs) as errors.
fn docs() -> crate::Result {
    eprintln!("$ RUSTDOCFLAGS='-D warnings' cargo doc --no-deps --workspace --all-features");
    let status = std::process::Command::new("cargo")
        .args([
            "doc",
            "--quiet",
            "--no-deps",
            "--workspace",
            "--all-features",
        ])
        .env("RUSTDOCFLAGS", "-D warnings")
        .current_dir(crate::workspace_root())
        .status()
        .map_err(|e| format!("cannot start cargo doc: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo doc` failed ({status})"))
    }
}

fn metadata(no_deps: bool) -> crate::Result<Value> {
    let mut cmd = std::process::Command::new("cargo");
    cmd.args(["metadata", "--format-version", "1"])
        .current_dir(crate::workspace_root());
    if no_deps {
        cmd.arg("--no-deps");
    }
    let out = cmd.output().map_err(|e| format!("cargo metadata: {e}"))?;
    serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))
}

/// The library packages of the workspace (every member but xtask).
fn workspace_libraries() -> crate::Result<Vec<String>> {
    let meta = metadata(true)?;
    Ok(meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str())
        .filter(|name| *name != "xtask")
        .map(String::from)
        .collect())
}

/// The workspace's declared `rust-version` must be at least that of every crate a user of the
/// library compiles: the normal and build dependencies reachable from the library members.
/// (Dev-dependencies such as criterion only build the project's own tests and benches.)
fn rust_version_is_true() -> crate::Result {
    let meta = metadata(false)?;
    let packages = meta["packages"].as_array().cloned().unwrap_or_default();
    let version_of = |id: &str| {
        packages.iter().find(|p| p["id"] == id).and_then(|p| {
            let name = p["name"].as_str()?;
            Some((
                format!("{name} {}", p["version"].as_str()?),
                p["rust_version"].as_str().map(String::from),
            ))
        })
    };
    let parse = |v: &str| -> Vec<u64> { v.split('.').map(|n| n.parse().unwrap_or(0)).collect() };
    let declared = packages
        .iter()
        .find(|p| p["name"] == "backend")
        .and_then(|p| p["rust_version"].as_str())
        .ok_or("the workspace declares no rust-version")?
        .to_string();
    let nodes = meta["resolve"]["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut stack: Vec<String> = meta["workspace_members"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|id| version_of(id).is_some_and(|(name, _)| !name.starts_with("xtask ")))
        .map(String::from)
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut worst: Option<(String, String)> = None;
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some((name, Some(v))) = version_of(&id) {
            if parse(&v) > parse(&declared)
                && worst.as_ref().is_none_or(|(_, w)| parse(&v) > parse(w))
            {
                worst = Some((name, v));
            }
        }
        let Some(node) = nodes.iter().find(|n| n["id"] == id.as_str()) else {
            continue;
        };
        for dep in node["deps"].as_array().into_iter().flatten() {
            let shipped = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            if shipped {
                if let Some(pkg) = dep["pkg"].as_str() {
                    stack.push(pkg.to_string());
                }
            }
        }
    }
    match worst {
        None => {
            eprintln!(
                "ci: rust-version {declared} covers the {} crates the library builds",
                seen.len()
            );
            Ok(())
        }
        Some((name, v)) => Err(format!(
            "rust-version {declared} is below the {v} that {name} declares"
        )),
    }
}
