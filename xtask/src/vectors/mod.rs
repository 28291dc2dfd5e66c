//! `cargo xtask vectors`: every applicable case of the pinned corpora, through the public facade.
//!
//! The corpora and the files feeding each family are listed once, in `vectors/manifest.txt`. Each
//! family is a module with `run(&Ctx) -> Vec<Tally>`, registered in [`FAMILIES`]; families run in
//! parallel and the report is one table row per family and source.

mod corpus;
pub mod providers;
mod report;
pub mod rsp;
pub mod util;

mod cipher;
mod cmac;
mod dh;
mod dsa;
mod ec;
mod hash;
mod hmac;
mod kdf;
mod rsa;
mod serialization;
mod x509;

pub use corpus::Corpus;
pub use report::Tally;

use backend::Provider;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Options and corpus shared by every family run.
pub struct Ctx {
    /// The unpacked pyca corpus.
    pub corpus: Corpus,
    /// `--full`: run the cases the default run skips for time (huge iteration counts, sampling).
    pub full: bool,
    /// The provider every runner goes through (`--provider NAME`).
    pub provider: Provider<'static>,
}

impl Ctx {
    /// The tally of a family the provider has no part for: nothing runs, and the report says why.
    pub fn absent(&self, family: &'static str) -> Tally {
        let mut t = Tally::new(family, "provider");
        t.skip(
            format!("provider {} has no {family} family", self.provider.name),
            0,
        );
        t
    }

    /// `part`, or `None` after counting one case of `tally` as skipped because the provider has
    /// no `what`.
    pub fn part<T: ?Sized>(
        &self,
        part: Option<&'static T>,
        what: &str,
        tally: &mut Tally,
    ) -> Option<&'static T> {
        if part.is_none() {
            tally.skip(format!("provider {} has no {what}", self.provider.name), 1);
        }
        part
    }
}

/// A family's vector runner.
pub type Runner = fn(&Ctx) -> Vec<Tally>;

/// Every family, in report order.
pub const FAMILIES: &[(&str, Runner)] = &[
    ("hash", hash::run),
    ("hmac", hmac::run),
    ("cmac", cmac::run),
    ("cipher", cipher::run),
    ("ec", ec::run),
    ("kdf", kdf::run),
    ("rsa", rsa::run),
    ("serialization", serialization::run),
    ("dsa", dsa::run),
    ("dh", dh::run),
    ("x509", x509::run),
];

pub fn main(args: &[String]) -> crate::Result {
    let full = args.iter().any(|a| a == "--full");
    let mut provider_name = "rustcrypto".to_string();
    let mut only: Vec<&str> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(name) = arg.strip_prefix("--provider=") {
            provider_name = name.to_string();
        } else if arg == "--provider" {
            provider_name = rest.next().ok_or("--provider needs a name")?.clone();
        } else if !arg.starts_with("--") {
            only.push(arg);
        }
    }
    let provider = providers::by_name(&provider_name)?;
    for name in &only {
        if !FAMILIES.iter().any(|(family, _)| family == name) {
            return Err(format!("unknown family {name:?}"));
        }
    }
    let ctx = Ctx {
        corpus: Corpus::open()?,
        full,
        provider,
    };
    eprintln!("vectors: provider {}", providers::describe(&provider_name));
    eprintln!(
        "vectors: {} mode",
        if ctx.full {
            "full"
        } else {
            "default (`--full` adds the slowest cases)"
        }
    );
    let selected: Vec<_> = FAMILIES
        .iter()
        .filter(|(name, _)| only.is_empty() || only.contains(name))
        .collect();

    let started = Instant::now();
    let remaining = AtomicUsize::new(selected.len());
    let mut tallies = Vec::new();
    std::thread::scope(|scope| {
        let ctx = &ctx;
        let remaining = &remaining;
        let handles: Vec<_> = selected
            .iter()
            .map(|(name, runner)| {
                scope.spawn(move || {
                    let t = Instant::now();
                    // A runner that panics is a failed family, not a crashed command; the provider is only read.
                    let result =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| runner(ctx)));
                    remaining.fetch_sub(1, Ordering::Relaxed);
                    match result {
                        Ok(tallies) => {
                            let (passed, failed) = tallies
                                .iter()
                                .fold((0, 0), |(p, f), t| (p + t.passed, f + t.failed));
                            eprintln!(
                                "  {name:<8} done in {:>6.1}s: {passed} passed, {failed} failed",
                                t.elapsed().as_secs_f64()
                            );
                            tallies
                        }
                        Err(_) => {
                            let mut t = Tally::new(name, "runner");
                            t.fail(format!("the {name} runner panicked"));
                            vec![t]
                        }
                    }
                })
            })
            .collect();
        // Heartbeat while families run.
        let ticker = scope.spawn(|| {
            let mut last = Instant::now();
            while remaining.load(Ordering::Relaxed) > 0 {
                std::thread::sleep(Duration::from_millis(200));
                if last.elapsed() >= Duration::from_secs(10) {
                    last = Instant::now();
                    eprintln!(
                        "  ... {} families still running ({:.0}s)",
                        remaining.load(Ordering::Relaxed),
                        started.elapsed().as_secs_f64()
                    );
                }
            }
        });
        for h in handles {
            tallies.extend(h.join().unwrap_or_default());
        }
        let _ = ticker.join();
    });

    let failed = report::print(&tallies, started.elapsed());
    if failed > 0 {
        Err(format!("{failed} vector cases failed"))
    } else {
        Ok(())
    }
}
