//! `cargo xtask ci`: everything CI checks, in order, stopping at the first failure.

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
    for package in workspace_libraries()? {
        crate::run(
            "cargo",
            &["build", "--quiet", "-p", &package, "--no-default-features"],
        )?;
    }
    rust_version_is_true()?;
    crate::vectors::main(&[])?;
    crate::nostd::main(&[])?;
    if std::process::Command::new("cargo")
        .args(["deny", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        crate::run("cargo", &["deny", "check", "licenses", "bans", "sources"])?;
    } else {
        eprintln!("ci: cargo-deny is not installed; skipping `cargo deny check` (see README)");
    }
    eprintln!("ci: all checks passed");
    Ok(())
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

/// The workspace's declared `rust-version` must be at least every dependency's.
fn rust_version_is_true() -> crate::Result {
    let meta = metadata(false)?;
    let packages = meta["packages"].as_array().cloned().unwrap_or_default();
    let members: Vec<&str> = meta["workspace_members"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let parse = |v: &str| -> Vec<u64> { v.split('.').map(|n| n.parse().unwrap_or(0)).collect() };
    let declared = packages
        .iter()
        .find(|p| p["name"] == "backend")
        .and_then(|p| p["rust_version"].as_str())
        .ok_or("the workspace declares no rust-version")?;
    let mut needed = (parse(declared), String::from("the workspace"));
    for p in &packages {
        let id = p["id"].as_str().unwrap_or_default();
        if members.contains(&id) {
            continue;
        }
        if let Some(v) = p["rust_version"].as_str() {
            if parse(v) > needed.0 {
                needed = (
                    parse(v),
                    format!(
                        "{} {}",
                        p["name"].as_str().unwrap_or("?"),
                        p["version"].as_str().unwrap_or("?")
                    ),
                );
            }
        }
    }
    if needed.1 == "the workspace" {
        eprintln!("ci: rust-version {declared} covers every dependency");
        Ok(())
    } else {
        Err(format!(
            "rust-version {declared} is below what {} declares",
            needed.1
        ))
    }
}
