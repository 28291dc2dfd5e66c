//! Counting cases and printing the table.

use std::collections::BTreeMap;
use std::time::Duration;

/// How many failures of one tally are printed in full.
const SHOWN_FAILURES: usize = 10;

/// The counts of one family from one source (one table row).
#[derive(Debug, Default)]
pub struct Tally {
    /// Family name (`hash`, `cipher`, ...).
    pub family: &'static str,
    /// Source: `pyca` for the cryptography-vectors corpus, `wycheproof`, or a hand-made file.
    pub source: &'static str,
    /// Vector files (or Wycheproof sets) read.
    pub files: usize,
    /// Cases whose outcome was the expected one.
    pub passed: usize,
    /// Cases whose outcome was not.
    pub failed: usize,
    /// Wycheproof "acceptable" cases (either outcome allowed), counted apart from `passed`.
    pub acceptable: usize,
    /// Skipped cases by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Descriptions of the first failures.
    pub failures: Vec<String>,
}

impl Tally {
    /// An empty tally for `family` from `source`.
    pub fn new(family: &'static str, source: &'static str) -> Self {
        Tally {
            family,
            source,
            ..Tally::default()
        }
    }

    /// Counts one case that behaved as expected.
    pub fn pass(&mut self) {
        self.passed += 1;
    }

    /// Counts one case that did not; `what` says which and how.
    pub fn fail(&mut self, what: impl Into<String>) {
        self.failed += 1;
        if self.failures.len() < SHOWN_FAILURES {
            self.failures.push(what.into());
        }
    }

    /// Passes when `ok`, else fails with the description `what()` builds.
    pub fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if ok { self.pass() } else { self.fail(what()) }
    }

    /// Counts `n` cases skipped for `reason`.
    pub fn skip(&mut self, reason: impl Into<String>, n: usize) {
        *self.skipped.entry(reason.into()).or_default() += n;
    }
}

/// Prints the table; returns the number of failed cases.
pub fn print(tallies: &[Tally], elapsed: Duration) -> usize {
    println!();
    println!(
        "{:<10} {:<12} {:>6} {:>8} {:>8} {:>7} {:>8}",
        "family", "source", "files", "passed", "failed", "accept", "skipped"
    );
    println!("{}", "-".repeat(64));
    let mut failed = 0;
    for t in tallies {
        let skipped: usize = t.skipped.values().sum();
        println!(
            "{:<10} {:<12} {:>6} {:>8} {:>8} {:>7} {:>8}",
            t.family, t.source, t.files, t.passed, t.failed, t.acceptable, skipped
        );
        for (reason, n) in &t.skipped {
            println!("{:>30} skipped: {reason}", n);
        }
        failed += t.failed;
    }
    let total: usize = tallies.iter().map(|t| t.passed).sum();
    let skipped: usize = tallies
        .iter()
        .map(|t| t.skipped.values().sum::<usize>())
        .sum();
    let acceptable: usize = tallies.iter().map(|t| t.acceptable).sum();
    println!("{}", "-".repeat(64));
    println!(
        "({acceptable} acceptable cases, {:.1}s)",
        elapsed.as_secs_f64()
    );
    println!("{total} passed, {failed} failed, {skipped} skipped");
    for t in tallies.iter().filter(|t| !t.failures.is_empty()) {
        println!(
            "\nfailures in {}/{} (first {}):",
            t.family,
            t.source,
            t.failures.len()
        );
        for f in &t.failures {
            println!("  {f}");
        }
    }
    failed
}
