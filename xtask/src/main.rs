//! `cargo xtask`: the project's own commands.
//!
//! - `vectors [--full] [--provider NAME] [FAMILY...]`: a provider against the pinned published
//!   vector corpora (`rustcrypto` by default; `multi` composes providers).
//! - `nostd`: proves the `no_std` subsets build without `std` (and without `alloc` where promised).
//! - `bench`: criterion benchmarks against peers, with `openssl speed` beside them.
//! - `fuzz [TARGET...] [--seconds N]`: the cargo-fuzz targets of `fuzz/`, N seconds each.
//! - `ci`: everything CI runs.
//! - `size [PROGRAM...]`: binary size of small programs through the facade vs the raw crates.
//! - `features [SUBSET...]`: the supported ⇔ call property with algorithm features off.

use std::process::ExitCode;

mod bench;
mod ci;
mod features;
mod fuzz;
mod nostd;
mod size;
mod vectors;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "vectors" => vectors::main(rest),
        "nostd" => nostd::main(rest),
        "bench" => bench::main(rest),
        "fuzz" => fuzz::main(rest),
        "ci" => ci::main(rest),
        "size" => size::main(rest),
        "features" => features::main(rest),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 commands:\n  \
                 vectors [--full] [--provider NAME] [FAMILY...]\n                                run the published vectors through a provider\n  \
                 nostd                         build the no_std subsets without std / alloc\n  \
                 bench [FILTER]                criterion benchmarks and the ratio table\n  \
                 fuzz [TARGET...] [--seconds N] [--asan] [--list]\n                                \
                 build the fuzz/ targets (nightly + cargo-fuzz) and run each\n                                \
                 N seconds (default 60); fails on any crash (`fuzz --help`)\n  \
                 ci                            fmt, clippy, tests, feature builds, vectors, nostd,\n                                \
                 deny, fuzz (20 s per target)\n  \
                 size [PROGRAM...]             facade vs raw crates binary size (fails over 1.10x)\n  \
                 features [SUBSET...]          supported <=> call with algorithm features off"
            );
            return if command == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {command}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The error type of xtask commands: a message for the person running them.
pub type Result<T = (), E = String> = std::result::Result<T, E>;

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> std::path::PathBuf {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Runs `program args`, inheriting stdio, in the workspace root; an error when it fails.
pub fn run(program: &str, args: &[&str]) -> Result {
    eprintln!("$ {program} {}", args.join(" "));
    let status = std::process::Command::new(program)
        .args(args)
        .current_dir(workspace_root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}
