//! `cargo xtask fuzz [TARGET...] [--seconds N] [--asan]`: builds the cargo-fuzz targets of
//! `fuzz/` once, runs each for N seconds, and reports per target the inputs run and whether it
//! found a crash (with the input's path and the command that replays it).
//!
//! The targets are the files `fuzz/fuzz_targets/*.rs`, one per public input surface of the
//! backend; an issue that adds a parser or another input surface adds its target there (and its
//! `[[bin]]` in `fuzz/Cargo.toml`), and this command and `cargo xtask ci` pick it up.
//!
//! How the targets are built: `cargo +nightly fuzz build --release --debug-assertions
//! --sanitizer none`, that is optimised, with debug assertions and overflow checks (an arithmetic
//! overflow is a crash, which is most of what fuzzing this crate can find), and *without*
//! AddressSanitizer. The workspace forbids `unsafe`, so the backend itself cannot corrupt memory;
//! the `unsafe` left is in the audited RustCrypto dependencies. ASan would halve the inputs a short
//! CI run gets through and lengthen the instrumented build, to look for a class of bug our code
//! cannot have; panics, overflows, timeouts (`-timeout`) and memory blow-ups (`-rss_limit_mb`) are
//! all caught without it. `--asan` builds and runs with it for a deeper manual session.
//!
//! Each run: `-max_total_time=N -rss_limit_mb=2048 -timeout=30`, corpus in `fuzz/corpus/TARGET`
//! (grown across local runs, not in git), crashes in `fuzz/artifacts/TARGET/`, libFuzzer's output
//! in `fuzz/target/logs/TARGET.log` (its tail is printed when the target fails).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Seconds per target for `cargo xtask ci`: 12 targets take about 4 minutes, plus the build.
pub const CI_SECONDS: u64 = 20;
/// Seconds per target when run by hand without `--seconds`.
const DEFAULT_SECONDS: u64 = 60;
/// libFuzzer's memory limit per target process.
const RSS_LIMIT_MB: u32 = 2048;
/// One input running longer than this is a failure (a cost the backend does not bound).
const TIMEOUT_SECONDS: u32 = 30;

const USAGE: &str = "usage: cargo xtask fuzz [TARGET...] [--seconds N] [--asan] [--list]

Builds the fuzz targets in fuzz/ (cargo +nightly fuzz, release with debug assertions and overflow
checks, no sanitizer) and runs each named TARGET (default: all) for N seconds (default 60; `cargo
xtask ci` uses 20). Fails if any target crashes, overflows, times out or runs out of memory, and
prints the input and the command that replays it. Needs the nightly toolchain and cargo-fuzz,
and installs them when missing:
  rustup toolchain install nightly --profile minimal
  cargo install cargo-fuzz --locked

  --seconds N  run each target for N seconds
  --asan       build and run with AddressSanitizer (slower; for long manual sessions)
  --list       print the targets and exit";

/// How the targets are built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sanitizer {
    /// No sanitizer: the default (see the module documentation).
    None,
    /// AddressSanitizer.
    Address,
}

impl Sanitizer {
    fn as_str(self) -> &'static str {
        match self {
            Sanitizer::None => "none",
            Sanitizer::Address => "address",
        }
    }
}

/// What one target's run came to.
#[derive(Debug)]
struct Outcome {
    target: String,
    runs: Option<u64>,
    execs_per_sec: Option<u64>,
    new_units: Option<u64>,
    seconds: f64,
    /// `None` when the target passed; otherwise what went wrong and the input that did it.
    failure: Option<(String, Option<String>)>,
}

pub fn main(args: &[String]) -> crate::Result {
    let mut targets = Vec::new();
    let mut seconds = DEFAULT_SECONDS;
    let mut sanitizer = Sanitizer::None;
    let mut list = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().ok_or("--seconds needs a number")?;
                seconds = parse_seconds(value)?;
            }
            s if s.starts_with("--seconds=") => seconds = parse_seconds(&s["--seconds=".len()..])?,
            "--asan" => sanitizer = Sanitizer::Address,
            "--list" => list = true,
            "-h" | "--help" => {
                eprintln!("{USAGE}");
                return Ok(());
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n\n{USAGE}")),
            target => targets.push(target.to_string()),
        }
    }
    if list {
        for target in all_targets()? {
            println!("{target}");
        }
        return Ok(());
    }
    run(&targets, seconds, sanitizer)
}

fn parse_seconds(value: &str) -> crate::Result<u64> {
    match value.parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!(
            "--seconds takes a positive whole number, not {value:?}"
        )),
    }
}

fn fuzz_dir() -> PathBuf {
    crate::workspace_root().join("fuzz")
}

/// The fuzz targets: the names of `fuzz/fuzz_targets/*.rs`, sorted.
pub fn all_targets() -> crate::Result<Vec<String>> {
    let dir = fuzz_dir().join("fuzz_targets");
    let entries =
        std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut targets: Vec<String> = entries
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    targets.sort();
    if targets.is_empty() {
        return Err(format!("no fuzz targets in {}", dir.display()));
    }
    Ok(targets)
}

/// Installs the nightly toolchain and cargo-fuzz when they are missing (both come from the
/// registries a fresh machine reaches), so `cargo xtask ci` needs no setup step of its own; an
/// error says which install failed.
fn check_tools() -> crate::Result {
    let works = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !works("rustc", &["+nightly", "--version"]) {
        eprintln!("fuzz: the nightly toolchain is missing; installing it");
        crate::run(
            "rustup",
            &["toolchain", "install", "nightly", "--profile", "minimal"],
        )?;
    }
    if !works("cargo", &["+nightly", "fuzz", "--version"]) {
        eprintln!("fuzz: cargo-fuzz is missing; installing it");
        crate::run("cargo", &["install", "cargo-fuzz", "--locked"])?;
    }
    Ok(())
}

/// The host triple of the nightly toolchain: cargo-fuzz builds for it, into
/// `fuzz/target/<triple>/release/`.
fn host_triple() -> crate::Result<String> {
    let out = Command::new("rustc")
        .args(["+nightly", "-vV"])
        .output()
        .map_err(|e| format!("cannot start rustc: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(|host| host.trim().to_string())
        .ok_or_else(|| "`rustc +nightly -vV` printed no host triple".into())
}

fn build_args(sanitizer: Sanitizer) -> Vec<&'static str> {
    vec![
        "+nightly",
        "fuzz",
        "build",
        "--release",
        "--debug-assertions",
        "--sanitizer",
        sanitizer.as_str(),
    ]
}

/// Builds every target once, then runs `targets` (all when empty) for `seconds` each.
pub fn run(targets: &[String], seconds: u64, sanitizer: Sanitizer) -> crate::Result {
    check_tools()?;
    let all = all_targets()?;
    let targets: Vec<String> = if targets.is_empty() {
        all.clone()
    } else {
        for target in targets {
            if !all.contains(target) {
                return Err(format!(
                    "no fuzz target {target:?}; the targets are: {}",
                    all.join(", ")
                ));
            }
        }
        targets.to_vec()
    };

    let started = Instant::now();
    crate::run("cargo", &build_args(sanitizer))?;
    let build_seconds = started.elapsed().as_secs_f64();
    eprintln!("fuzz: built {} targets in {build_seconds:.0} s", all.len());

    let bin_dir = fuzz_dir()
        .join("target")
        .join(host_triple()?)
        .join("release");
    if let Some(missing) = all.iter().find(|t| !bin_dir.join(t).is_file()) {
        return Err(format!(
            "fuzz target {missing} was not built: give fuzz_targets/{missing}.rs a [[bin]] entry in \
             fuzz/Cargo.toml"
        ));
    }
    let log_dir = fuzz_dir().join("target").join("logs");
    std::fs::create_dir_all(&log_dir)
        .map_err(|e| format!("cannot create {}: {e}", log_dir.display()))?;
    let mut outcomes = Vec::new();
    for target in &targets {
        eprintln!("fuzz: {target} for {seconds} s");
        let outcome = run_target(target, &bin_dir, &log_dir, seconds)?;
        if let Some((what, _)) = &outcome.failure {
            eprintln!("fuzz: {target}: {what}");
        }
        outcomes.push(outcome);
    }
    report(
        &outcomes,
        sanitizer,
        build_seconds,
        started.elapsed().as_secs_f64(),
    )
}

fn run_target(
    target: &str,
    bin_dir: &Path,
    log_dir: &Path,
    seconds: u64,
) -> crate::Result<Outcome> {
    let root = crate::workspace_root();
    let corpus = fuzz_dir().join("corpus").join(target);
    let artifacts = fuzz_dir().join("artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let log_path = log_dir.join(format!("{target}.log"));
    let log = std::fs::File::create(&log_path)
        .map_err(|e| format!("cannot create {}: {e}", log_path.display()))?;
    let binary = bin_dir.join(target);
    let started = Instant::now();
    let status = Command::new(&binary)
        .arg(&corpus)
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg("-print_final_stats=1")
        .current_dir(&root)
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| format!("log file: {e}"))?)
        .stderr(log)
        .status()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let elapsed = started.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(&log_path).unwrap_or_default();
    let stat = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("stat::{name}:")))
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    // "Done 123 runs in 20 second(s)" when libFuzzer ends normally.
    let done = text.lines().rev().find_map(|line| {
        let rest = line.strip_prefix("Done ")?;
        rest.split_whitespace().next()?.parse::<u64>().ok()
    });
    let artifact = text.lines().rev().find_map(|line| {
        let (_, path) = line.split_once("Test unit written to ")?;
        Some(path.trim().to_string())
    });
    let failure = if status.success() {
        None
    } else {
        let kind = if text.contains("ERROR: libFuzzer: timeout") {
            format!("an input ran longer than {TIMEOUT_SECONDS} s")
        } else if text.contains("out-of-memory") {
            format!("an input used more than {RSS_LIMIT_MB} MB")
        } else if text.contains("panicked at") {
            "panicked".to_string()
        } else {
            format!("failed ({status})")
        };
        let tail: Vec<&str> = text.lines().rev().take(60).collect();
        eprintln!("---- {} (last lines) ----", log_path.display());
        for line in tail.iter().rev() {
            eprintln!("{line}");
        }
        eprintln!("----");
        Some((kind, artifact))
    };
    Ok(Outcome {
        target: target.to_string(),
        runs: stat("number_of_executed_units").or(done),
        execs_per_sec: stat("average_exec_per_sec"),
        new_units: stat("new_units_added"),
        seconds: elapsed,
        failure,
    })
}

fn report(outcomes: &[Outcome], sanitizer: Sanitizer, build: f64, total: f64) -> crate::Result {
    let show = |v: Option<u64>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
    eprintln!();
    eprintln!(
        "{:<18} {:>10} {:>8} {:>6} {:>6}  result",
        "target", "runs", "runs/s", "new", "secs"
    );
    for o in outcomes {
        let result = match &o.failure {
            None => "ok".to_string(),
            Some((what, _)) => format!("FAILED: {what}"),
        };
        eprintln!(
            "{:<18} {:>10} {:>8} {:>6} {:>6.0}  {result}",
            o.target,
            show(o.runs),
            show(o.execs_per_sec),
            show(o.new_units),
            o.seconds
        );
    }
    eprintln!("fuzz: build {build:.0} s, total {total:.0} s");
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| o.failure.is_some()).collect();
    if failed.is_empty() {
        return Ok(());
    }
    for o in &failed {
        let Some((what, artifact)) = &o.failure else {
            continue;
        };
        eprintln!();
        eprintln!("{}: {what}", o.target);
        match artifact {
            Some(path) => {
                eprintln!("  input: {path}");
                eprintln!(
                    "  replay: cargo +nightly fuzz run --release --debug-assertions --sanitizer {} {} {path}",
                    sanitizer.as_str(),
                    o.target
                );
                eprintln!(
                    "  decode: cargo +nightly fuzz fmt --release --debug-assertions --sanitizer {} {} {path}",
                    sanitizer.as_str(),
                    o.target
                );
            }
            None => eprintln!(
                "  no input was written; see fuzz/target/logs/{}.log",
                o.target
            ),
        }
    }
    Err(format!(
        "{} of {} fuzz targets failed: {}",
        failed.len(),
        outcomes.len(),
        failed
            .iter()
            .map(|o| o.target.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}
