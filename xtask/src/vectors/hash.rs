//! Hash vectors: NIST SHA-1/SHA-2/SHA-3/SHAKE (Short, Long, Monte Carlo, VariableOut) and the RFC /
//! reference files for MD5, BLAKE2 and SM3, all through the `HashBackend` facade.

use super::rsp::{Record, records};
use super::util::SplitMix;
use super::{Ctx, Tally};
use backend::HashAlgorithm;
use backend::dynamic::DynHashBackend;

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let Some(backend) = ctx.provider.hash else {
        return vec![ctx.absent("hash")];
    };
    let mut tally = Tally::new("hash", "pyca");
    let mut rng = SplitMix::new(0x4a54);
    for (rel, path) in ctx.corpus.files("hash") {
        tally.files += 1;
        let text = ctx.corpus.read(&path);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let Some(algorithm) = algorithm_of(name) else {
            let n = records(&text, &["Len", "COUNT"]).len();
            tally.skip(format!("{name}: not a hash of the seed interfaces"), n);
            continue;
        };
        if !backend.hash_supported(algorithm) {
            let n = records(&text, &["Len", "COUNT"]).len();
            let why = match backend::hash::rustcrypto::feature_of(algorithm) {
                // The rows are the one source; the feature only names why they lack it.
                Some(feature) if !backend::hash::rustcrypto::compiled_in(algorithm) => {
                    format!(
                        "{}: not compiled in (feature `{feature}`)",
                        algorithm.name()
                    )
                }
                _ => format!(
                    "{}: not in the backend's capability table",
                    algorithm.name()
                ),
            };
            tally.skip(why, n);
            continue;
        }
        if name.contains("Monte") {
            monte(backend, algorithm, &rel, &text, &mut tally);
        } else if name.contains("VariableOut") {
            for r in records(&text, &["COUNT"]) {
                let Some(bits) = r.int("Outputlen") else {
                    continue;
                };
                if bits % 8 != 0 {
                    tally.skip("SHAKE output length not a whole number of bytes", 1);
                    continue;
                }
                let Ok(alg) = with_size(algorithm, bits as usize / 8) else {
                    tally.fail(format!("{}: SHAKE output length 0", r.at(&rel)));
                    continue;
                };
                one_message(backend, alg, &rel, &r, "Output", &mut rng, &mut tally);
            }
        } else {
            for r in records(&text, &["Len"]) {
                let alg = match r.section_value("Outputlen") {
                    Some(bits) => with_size(algorithm, bits.parse::<usize>().unwrap_or(0) / 8),
                    None => Ok(algorithm),
                };
                let Ok(alg) = alg else {
                    tally.fail(format!("{}: SHAKE output length 0", r.at(&rel)));
                    continue;
                };
                let key = if r.has("MD") { "MD" } else { "Output" };
                one_message(backend, alg, &rel, &r, key, &mut rng, &mut tally);
            }
        }
    }
    vec![tally]
}

fn algorithm_of(file: &str) -> Option<HashAlgorithm> {
    let table: &[(&str, HashAlgorithm)] = &[
        ("SHA1", HashAlgorithm::Sha1),
        ("SHA224", HashAlgorithm::Sha224),
        ("SHA256", HashAlgorithm::Sha256),
        ("SHA384", HashAlgorithm::Sha384),
        ("SHA512_224", HashAlgorithm::Sha512_224),
        ("SHA512_256", HashAlgorithm::Sha512_256),
        ("SHA512", HashAlgorithm::Sha512),
        ("SHA3_224", HashAlgorithm::Sha3_224),
        ("SHA3_256", HashAlgorithm::Sha3_256),
        ("SHA3_384", HashAlgorithm::Sha3_384),
        ("SHA3_512", HashAlgorithm::Sha3_512),
        ("SHAKE128", HashAlgorithm::shake128(16).ok()?),
        ("SHAKE256", HashAlgorithm::shake256(32).ok()?),
        ("rfc-1321", HashAlgorithm::Md5),
        ("blake2b", HashAlgorithm::Blake2b512),
        ("blake2s", HashAlgorithm::Blake2s256),
        ("oscca", HashAlgorithm::Sm3),
    ];
    // Longest prefix first matters for SHA512 vs SHA512_224: the table lists the longer ones first.
    table
        .iter()
        .find(|(prefix, _)| file.starts_with(prefix))
        .map(|(_, a)| *a)
}

fn with_size(algorithm: HashAlgorithm, bytes: usize) -> backend::Result<HashAlgorithm> {
    match algorithm {
        HashAlgorithm::Shake128 { .. } => HashAlgorithm::shake128(bytes),
        HashAlgorithm::Shake256 { .. } => HashAlgorithm::shake256(bytes),
        other => Ok(other),
    }
}

/// Hashes the record's message in one call, and again in random chunks through a `copy` taken
/// mid-stream; both must give the expected digest.
fn one_message(
    backend: &dyn DynHashBackend,
    algorithm: HashAlgorithm,
    file: &str,
    r: &Record,
    expected_key: &str,
    rng: &mut SplitMix,
    tally: &mut Tally,
) {
    let bits = r
        .int("Len")
        .unwrap_or_else(|| 8 * r.hex("Msg").map_or(0, |m| m.len() as u64));
    if !bits.is_multiple_of(8) {
        tally.skip("message length not a whole number of bytes", 1);
        return;
    }
    let (Some(msg), Some(expected)) = (r.hex("Msg"), r.hex(expected_key)) else {
        tally.fail(format!("{}: unreadable record", r.at(file)));
        return;
    };
    // `Len = 0` comes with `Msg = 00`: the empty message.
    let msg = &msg[..(bits / 8) as usize];
    // The one-shot call returns every output length (SHAKE beyond 64 bytes on the heap).
    let one_shot = backend.hash(algorithm, msg).map(|d| d.to_vec());
    let chunks = rng.chunks(msg);
    let chunked = digest_with_copy(backend, algorithm, &chunks);
    tally.check(
        one_shot.as_deref() == Ok(&expected[..]) && chunked == one_shot,
        || {
            format!(
                "{}: {} of {} bytes gave {:?}",
                r.at(file),
                algorithm.name(),
                msg.len(),
                one_shot
            )
        },
    );
}

fn digest(
    backend: &dyn DynHashBackend,
    algorithm: HashAlgorithm,
    parts: &[&[u8]],
) -> Result<Vec<u8>, backend::Error> {
    let mut ctx = backend.create_hash_ctx(algorithm)?;
    for part in parts {
        ctx.update(part);
    }
    let mut out = vec![0; algorithm.digest_size()];
    ctx.finalize_into(&mut out)?;
    Ok(out)
}

/// Like [`digest`], but finishes on a copy taken halfway, after updating the original with junk.
fn digest_with_copy(
    backend: &dyn DynHashBackend,
    algorithm: HashAlgorithm,
    parts: &[&[u8]],
) -> Result<Vec<u8>, backend::Error> {
    let mut ctx = backend.create_hash_ctx(algorithm)?;
    let (first, second) = parts.split_at(parts.len() / 2);
    first.iter().for_each(|p| ctx.update(p));
    let mut fork = ctx.copy();
    ctx.update(b"diverge");
    second.iter().for_each(|p| fork.update(p));
    let mut out = vec![0; algorithm.digest_size()];
    fork.finalize_into(&mut out)?;
    Ok(out)
}

/// The Monte Carlo tests of SHAVS (SHA-1/SHA-2) and SHA3VS (SHA-3, SHAKE).
fn monte(
    backend: &dyn DynHashBackend,
    algorithm: HashAlgorithm,
    file: &str,
    text: &str,
    tally: &mut Tally,
) {
    let recs = records(text, &["COUNT"]);
    let Some(first) = recs.first() else { return };
    let seed = first.hex("Seed").or_else(|| first.hex("Msg"));
    let Some(mut seed) = seed else {
        tally.fail(format!("{file}: Monte Carlo file without a seed"));
        return;
    };
    let h = |parts: &[&[u8]], alg: HashAlgorithm| digest(backend, alg, parts).unwrap_or_default();
    match algorithm {
        HashAlgorithm::Shake128 { .. } | HashAlgorithm::Shake256 { .. } => {
            let bounds = (
                first.section_value("Minimum Output Length (bits)"),
                first.section_value("Maximum Output Length (bits)"),
            );
            let (Some(min), Some(max)) = bounds else {
                tally.fail(format!("{file}: SHAKE Monte Carlo without output bounds"));
                return;
            };
            let min_bytes = min.parse::<usize>().unwrap_or(0) / 8;
            let max_bytes = max.parse::<usize>().unwrap_or(0) / 8;
            let range = max_bytes - min_bytes + 1;
            let mut out_len = max_bytes;
            let mut output = seed;
            for r in &recs {
                for _ in 0..1000 {
                    let mut msg = [0u8; 16];
                    let n = output.len().min(16);
                    msg[..n].copy_from_slice(&output[..n]);
                    let Ok(alg) = with_size(algorithm, out_len) else {
                        tally.fail(format!("{file}: SHAKE Monte Carlo output length 0"));
                        return;
                    };
                    output = h(&[&msg], alg);
                    let tail =
                        u16::from_be_bytes([output[output.len() - 2], output[output.len() - 1]]);
                    out_len = min_bytes + usize::from(tail) % range;
                }
                let expected = r.hex("Output");
                tally.check(expected.as_deref() == Some(&output[..]), || {
                    format!("{}: SHAKE Monte Carlo", r.at(file))
                });
            }
        }
        HashAlgorithm::Sha3_224
        | HashAlgorithm::Sha3_256
        | HashAlgorithm::Sha3_384
        | HashAlgorithm::Sha3_512 => {
            for r in &recs {
                for _ in 0..1000 {
                    seed = h(&[&seed], algorithm);
                }
                tally.check(r.hex("MD").as_deref() == Some(&seed[..]), || {
                    format!("{}: SHA-3 Monte Carlo", r.at(file))
                });
            }
        }
        _ => {
            for r in &recs {
                let (mut a, mut b, mut c) = (seed.clone(), seed.clone(), seed.clone());
                for _ in 0..1000 {
                    let next = h(&[&a, &b, &c], algorithm);
                    (a, b, c) = (b, c, next);
                }
                seed = c;
                tally.check(r.hex("MD").as_deref() == Some(&seed[..]), || {
                    format!("{}: Monte Carlo", r.at(file))
                });
            }
        }
    }
}
