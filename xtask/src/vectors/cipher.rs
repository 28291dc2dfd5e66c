//! Cipher vectors through the facade: NIST AES and 3DES modes, RFC 3686 CTR, GCM, XTS, CCM,
//! ChaCha20 and ChaCha20-Poly1305 from the pyca corpus, and Wycheproof's AES-GCM, AES-CCM,
//! ChaCha20-Poly1305, AES-CBC-PKCS5 and AES-XTS sets.
//!
//! Every streaming case runs twice: in one `update`, and split into random chunks (additional
//! data too), alternating `update` and `update_into`. The one-shot AEAD cases go through the
//! provider's keyed AEAD part (`create_aead_key`, then the key's calls).
//!
//! A case whose parameters the provider's capability rows refuse (a GCM IV length, an XTS key
//! size) is skipped, the report naming the parameters and the provider. Wycheproof's invalid cases
//! run whatever the rows say (many are invalid for their parameters) and must be refused; the
//! NIST and OpenSSL cases that must fail do so on their tag, so they need supported parameters and
//! are skipped like the others.

use super::rsp::{Record, records};
use super::util::SplitMix;
use super::{Ctx, Tally};
use backend::capability::{Capability, Query, supports};
use backend::cipher::padding::Padding;
use backend::cipher::{aead_query, cipher_query};
use backend::dynamic::{DynAeadBackend, DynCipherBackend};
use backend::{AeadAlgorithm, AeadKey, CipherAlgorithm, Error, Mode};
use std::path::PathBuf;

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let aead = ctx.provider.aead;
    let files = ctx.corpus.files("cipher");
    let pick = |f: fn(&str) -> bool| -> Vec<(String, PathBuf)> {
        files.iter().filter(|(rel, _)| f(rel)).cloned().collect()
    };
    let gcm_files = pick(|r| r.contains("/GCM/"));
    let Some(backend) = ctx.provider.cipher else {
        // A provider with keyed AEADs only (ring): the one-shot runners alone.
        let Some(aead) = aead else {
            return vec![ctx.absent("cipher")];
        };
        return vec![
            ctx.absent("cipher"),
            gcm_one_shot(ctx, aead, &gcm_files),
            ccm(ctx, aead, &pick(|r| r.contains("/CCM/"))),
            chacha_poly(ctx, aead, &pick(|r| r.contains("ChaCha20Poly1305"))),
            wycheproof_aead_one_shot(ctx, aead),
        ];
    };
    let block_files = pick(|r| {
        [
            "/ECB/",
            "/CBC/",
            "/OFB/",
            "/CFB/",
            "/CTR/",
            "/ChaCha20/",
            "/SM4/",
        ]
        .iter()
        .any(|m| r.contains(m))
            || r.contains("/Camellia/camellia-") && !r.contains("-ecb")
    });
    let camellia_ecb_files = pick(|r| r.contains("/Camellia/camellia-") && r.contains("-ecb"));
    let xts_files = pick(|r| r.contains("/XTS/"));
    let ccm_files = pick(|r| r.contains("/CCM/"));
    let poly_files = pick(|r| r.contains("ChaCha20Poly1305"));
    std::thread::scope(|s| {
        let gcm = s.spawn(|| gcm(ctx, backend, &gcm_files));
        let mut out = vec![
            block_modes(ctx, backend, &block_files),
            camellia_ecb(ctx, backend, &camellia_ecb_files),
            xts(ctx, backend, &xts_files),
        ];
        match aead {
            Some(aead) => {
                out.push(gcm_one_shot(ctx, aead, &gcm_files));
                out.push(ccm(ctx, aead, &ccm_files));
                out.push(chacha_poly(ctx, aead, &poly_files));
            }
            None => out.push(ctx.absent("aead")),
        }
        out.push(wycheproof_aead(ctx, backend, aead));
        out.push(wycheproof_cipher(ctx, backend));
        out.insert(
            1,
            gcm.join().unwrap_or_else(|_| {
                let mut t = Tally::new("cipher", "nist-gcm");
                t.fail("GCM runner panicked");
                t
            }),
        );
        out
    })
}

/// The parameter of `query` that `rows` refuse, checked in the order key, nonce, tag.
fn refused_parameter(rows: &[Capability], query: Query) -> &'static str {
    let key_only = Query {
        nonce_bytes: None,
        tag_bytes: None,
        ..query
    };
    if !supports(rows, &key_only) {
        "key size"
    } else if !supports(
        rows,
        &Query {
            tag_bytes: None,
            ..query
        },
    ) {
        "IV or nonce length"
    } else {
        "tag length"
    }
}

/// Why a case is skipped: a parameter is outside the provider's cipher rows.
fn refused(
    ctx: &Ctx,
    backend: &dyn DynCipherBackend,
    cipher: &CipherAlgorithm<'_>,
    mode: &Mode<'_>,
) -> String {
    let what = refused_parameter(backend.cipher_capabilities(), cipher_query(cipher, mode));
    format!(
        "{}-{}: {what} not in provider {}'s rows",
        cipher.name(),
        mode.name(),
        ctx.provider.name
    )
}

/// Why a case is skipped: a parameter is outside the provider's AEAD rows.
fn refused_aead(
    ctx: &Ctx,
    provider: &dyn DynAeadBackend,
    aead: AeadAlgorithm,
    key_len: usize,
    nonce_len: usize,
) -> String {
    let query = aead_query(aead, key_len, Some(nonce_len));
    let what = refused_parameter(provider.aead_capabilities(), query);
    format!(
        "{}: {what} not in provider {}'s rows",
        aead.name(),
        ctx.provider.name
    )
}

/// Encrypts `data` (after `aad`) through a streaming context; `chunks` splits the calls.
fn encrypt(
    backend: &dyn DynCipherBackend,
    cipher: &CipherAlgorithm<'_>,
    mode: &Mode<'_>,
    aad: &[u8],
    data: &[u8],
    rng: Option<&mut SplitMix>,
) -> Result<(Vec<u8>, Option<Vec<u8>>), Error> {
    let mut ctx = backend.create_symmetric_encryption_ctx(cipher, mode)?;
    let mut out = Vec::new();
    match rng {
        None => {
            if !aad.is_empty() {
                ctx.authenticate_additional_data(aad)?;
            }
            out.extend(ctx.update(data)?);
        }
        Some(rng) => {
            for chunk in rng.chunks(aad) {
                ctx.authenticate_additional_data(chunk)?;
            }
            for (i, chunk) in rng.chunks(data).into_iter().enumerate() {
                if i % 2 == 0 {
                    out.extend(ctx.update(chunk)?);
                } else {
                    let mut buf = vec![0u8; ctx.output_len(chunk.len())];
                    let n = ctx.update_into(chunk, &mut buf)?;
                    out.extend_from_slice(&buf[..n]);
                }
            }
        }
    }
    let fin = ctx.finalize()?;
    out.extend_from_slice(&fin.data);
    Ok((out, fin.tag.map(|t| t.to_vec())))
}

/// Decrypts through a streaming context; a `tag` here goes to `finalize_with_tag`.
fn decrypt(
    backend: &dyn DynCipherBackend,
    cipher: &CipherAlgorithm<'_>,
    mode: &Mode<'_>,
    aad: &[u8],
    data: &[u8],
    tag: Option<&[u8]>,
    rng: Option<&mut SplitMix>,
) -> Result<Vec<u8>, Error> {
    let mut ctx = backend.create_symmetric_decryption_ctx(cipher, mode)?;
    let mut out = Vec::new();
    match rng {
        None => {
            if !aad.is_empty() {
                ctx.authenticate_additional_data(aad)?;
            }
            out.extend(ctx.update(data)?);
        }
        Some(rng) => {
            for chunk in rng.chunks(aad) {
                ctx.authenticate_additional_data(chunk)?;
            }
            for (i, chunk) in rng.chunks(data).into_iter().enumerate() {
                if i % 2 == 1 {
                    out.extend(ctx.update(chunk)?);
                } else {
                    let mut buf = vec![0u8; ctx.output_len(chunk.len())];
                    let n = ctx.update_into(chunk, &mut buf)?;
                    out.extend_from_slice(&buf[..n]);
                }
            }
        }
    }
    let last = match tag {
        Some(tag) => ctx.finalize_with_tag(tag)?,
        None => ctx.finalize()?,
    };
    out.extend_from_slice(&last);
    Ok(out)
}

/// Both directions, whole and chunked: `ct` from `pt`, `pt` from `ct`.
fn round_trip(
    backend: &dyn DynCipherBackend,
    cipher: &CipherAlgorithm<'_>,
    mode: &Mode<'_>,
    pt: &[u8],
    ct: &[u8],
    rng: &mut SplitMix,
) -> Result<bool, Error> {
    let mut ok = true;
    for chunked in [false, true] {
        let (enc, _) = encrypt(backend, cipher, mode, &[], pt, chunked.then_some(&mut *rng))?;
        let dec = decrypt(
            backend,
            cipher,
            mode,
            &[],
            ct,
            None,
            chunked.then_some(&mut *rng),
        )?;
        ok &= enc == ct && dec == pt;
    }
    Ok(ok)
}

fn triple_des_key(r: &Record) -> Option<Vec<u8>> {
    r.hex("KEYs").or_else(|| {
        [r.hex("KEY1"), r.hex("KEY2"), r.hex("KEY3")]
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .map(|k| k.concat())
    })
}

fn block_modes(ctx: &Ctx, backend: &dyn DynCipherBackend, files: &[(String, PathBuf)]) -> Tally {
    let mut tally = Tally::new("cipher", "modes");
    let mut rng = SplitMix::new(0xc1f3);
    for (rel, path) in files {
        tally.files += 1;
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let triple_des = rel.contains("3DES");
        let chacha = rel.contains("ChaCha20");
        let lower = name.to_ascii_lowercase();
        let named = |m: &str| {
            rel.contains(&format!("/{m}/"))
                || lower.contains(&format!("-{}", m.to_ascii_lowercase()))
        };
        for r in records(&ctx.corpus.read(path), &["COUNT"]) {
            let key = if triple_des {
                triple_des_key(&r)
            } else {
                r.hex("KEY")
            };
            let (Some(key), Some(pt), Some(ct)) = (key, r.hex("PLAINTEXT"), r.hex("CIPHERTEXT"))
            else {
                tally.fail(format!("{}: unreadable record", r.at(rel)));
                continue;
            };
            let iv = r.hex("IV").unwrap_or_default();
            let mut chacha_nonce = Vec::new();
            let cipher = if chacha {
                let counter = r.int("INITIAL_BLOCK_COUNTER").unwrap_or(0) as u32;
                chacha_nonce.extend_from_slice(&counter.to_le_bytes());
                chacha_nonce.extend(r.hex("NONCE").unwrap_or_default());
                CipherAlgorithm::ChaCha20 {
                    key: &key,
                    nonce: &chacha_nonce,
                }
            } else if triple_des {
                CipherAlgorithm::TripleDes(&key)
            } else if rel.contains("/Camellia/") {
                CipherAlgorithm::Camellia(&key)
            } else if rel.contains("/SM4/") {
                CipherAlgorithm::Sm4(&key)
            } else {
                CipherAlgorithm::Aes(&key)
            };
            let mode = if chacha {
                Mode::Stream
            } else if named("ECB") {
                Mode::Ecb
            } else if named("CBC") {
                Mode::Cbc { iv: &iv }
            } else if named("OFB") {
                Mode::Ofb { iv: &iv }
            } else if named("CTR") {
                Mode::Ctr { nonce: &iv }
            } else if name.starts_with("CFB8") || name.starts_with("TCFB8") {
                Mode::Cfb8 { iv: &iv }
            } else {
                Mode::Cfb { iv: &iv }
            };
            match round_trip(backend, &cipher, &mode, &pt, &ct, &mut rng) {
                Ok(ok) => tally.check(ok, || {
                    format!("{}: {} {} mismatch", r.at(rel), cipher.name(), mode.name())
                }),
                Err(e) => tally.fail(format!("{}: {e}", r.at(rel))),
            }
        }
    }
    tally
}

/// NTT's Camellia ECB known-answer files: `K No.001 : 00 11 ..`, then `P No.` / `C No.` pairs.
fn camellia_ecb(ctx: &Ctx, backend: &dyn DynCipherBackend, files: &[(String, PathBuf)]) -> Tally {
    let mut tally = Tally::new("cipher", "camellia-ecb");
    let mut rng = SplitMix::new(0xca);
    for (rel, path) in files {
        tally.files += 1;
        let (mut key, mut pt) = (Vec::new(), Vec::new());
        for (n, line) in ctx.corpus.read(path).lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let Some((head, value)) = line.split_once(':') else {
                continue;
            };
            let bytes: Option<Vec<u8>> =
                hex::decode(value.split_whitespace().collect::<String>()).ok();
            let Some(bytes) = bytes else {
                tally.fail(format!("{rel}:{}: unreadable line", n + 1));
                continue;
            };
            match head.trim_start().chars().next() {
                Some('K') => key = bytes,
                Some('P') => pt = bytes,
                Some('C') => {
                    let cipher = CipherAlgorithm::Camellia(&key);
                    match round_trip(backend, &cipher, &Mode::Ecb, &pt, &bytes, &mut rng) {
                        Ok(ok) => {
                            tally.check(ok, || format!("{rel}:{}: Camellia ECB mismatch", n + 1))
                        }
                        Err(e) => tally.fail(format!("{rel}:{}: {e}", n + 1)),
                    }
                }
                _ => {}
            }
        }
    }
    tally
}

fn gcm(ctx: &Ctx, backend: &dyn DynCipherBackend, files: &[(String, PathBuf)]) -> Tally {
    let mut tally = Tally::new("cipher", "nist-gcm");
    let mut rng = SplitMix::new(0x6c3);
    for (rel, path) in files {
        tally.files += 1;
        let decrypt_file = rel.contains("Decrypt");
        for (n, r) in records(&ctx.corpus.read(path), &["Count"])
            .into_iter()
            .enumerate()
        {
            let (Some(key), Some(iv), Some(aad), Some(ct), Some(tag)) = (
                r.hex("Key"),
                r.hex("IV"),
                r.hex("AAD"),
                r.hex("CT"),
                r.hex("Tag"),
            ) else {
                tally.fail(format!("{}: unreadable record", r.at(rel)));
                continue;
            };
            let cipher = CipherAlgorithm::Aes(&key);
            let case = Mode::Gcm {
                iv: &iv,
                tag: decrypt_file.then_some(&tag[..]),
                min_tag_length: tag.len(),
            };
            if !backend.cipher_supported(&cipher, &case) {
                tally.skip(refused(ctx, backend, &cipher, &case), 1);
                continue;
            }
            let fail = r.has("FAIL");
            let mut ok = true;
            for split in [false, true] {
                let rng = split.then_some(&mut rng);
                if decrypt_file {
                    // Half the cases give the tag in the mode, half at finalize.
                    let (mode, late_tag) = if n % 2 == 0 {
                        (
                            Mode::Gcm {
                                iv: &iv,
                                tag: Some(&tag),
                                min_tag_length: tag.len(),
                            },
                            None,
                        )
                    } else {
                        (
                            Mode::Gcm {
                                iv: &iv,
                                tag: None,
                                min_tag_length: tag.len(),
                            },
                            Some(&tag[..]),
                        )
                    };
                    let result = decrypt(backend, &cipher, &mode, &aad, &ct, late_tag, rng);
                    ok &= match (fail, result) {
                        (true, Err(Error::InvalidTag)) => true,
                        (false, Ok(pt)) => Some(pt) == r.hex("PT"),
                        _ => false,
                    };
                } else {
                    let Some(pt) = r.hex("PT") else {
                        ok = false;
                        continue;
                    };
                    ok &= encrypt(backend, &cipher, &Mode::gcm(&iv), &aad, &pt, rng).is_ok_and(
                        |(out, full_tag)| {
                            out == ct && full_tag.is_some_and(|t| t.starts_with(&tag))
                        },
                    );
                }
            }
            tally.check(ok, || format!("{}: GCM mismatch", r.at(rel)));
        }
    }
    tally
}

fn xts(ctx: &Ctx, backend: &dyn DynCipherBackend, files: &[(String, PathBuf)]) -> Tally {
    let mut tally = Tally::new("cipher", "nist-xts");
    let mut rng = SplitMix::new(0x7875);
    for (rel, path) in files {
        tally.files += 1;
        for r in records(&ctx.corpus.read(path), &["COUNT"]) {
            let (Some(bits), Some(key), Some(tweak), Some(pt), Some(ct)) = (
                r.int("DataUnitLen"),
                r.hex("Key"),
                r.hex("i"),
                r.hex("PT"),
                r.hex("CT"),
            ) else {
                tally.fail(format!("{}: unreadable record", r.at(rel)));
                continue;
            };
            if bits % 8 != 0 {
                tally.skip("XTS data unit not a whole number of bytes", 1);
                continue;
            }
            let cipher = CipherAlgorithm::Aes(&key);
            let mode = Mode::Xts { tweak: &tweak };
            match round_trip(backend, &cipher, &mode, &pt, &ct, &mut rng) {
                Ok(ok) => tally.check(ok, || format!("{}: XTS mismatch", r.at(rel))),
                Err(e) => tally.fail(format!("{}: {e}", r.at(rel))),
            }
        }
    }
    tally
}

/// A field cut to the length (in bytes) a CCM header gives it: `Adata = 00` with `Alen = 0`.
fn ccm_field(r: &Record, field: &str, len_name: &str) -> Option<Vec<u8>> {
    let value = r.hex(field)?;
    let len = ccm_param(r, len_name)?;
    value.get(..len).map(<[u8]>::to_vec)
}

/// A CCM length parameter: a field, or inside a section header that may list several
/// (`[Alen = 0, Plen = 0, Nlen = 7, Tlen = 4]`).
fn ccm_param(r: &Record, name: &str) -> Option<usize> {
    r.sections
        .iter()
        .flat_map(|s| s.split(','))
        .find_map(|part| {
            let (k, v) = part.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().parse().ok())?
        })
        .or_else(|| r.int(name).map(|n| n as usize))
}

fn ccm(ctx: &Ctx, provider: &dyn DynAeadBackend, files: &[(String, PathBuf)]) -> Tally {
    let mut tally = Tally::new("cipher", "nist-ccm");
    for (rel, path) in files {
        tally.files += 1;
        let dvpt = rel.contains("DVPT");
        for r in records(&ctx.corpus.read(path), &["Count"]) {
            let tlen = ccm_param(&r, "Tlen");
            let (Some(key), Some(nonce), Some(adata), Some(ct), Some(tlen)) = (
                r.hex("Key"),
                r.hex("Nonce"),
                ccm_field(&r, "Adata", "Alen"),
                r.hex("CT"),
                tlen,
            ) else {
                tally.fail(format!("{}: unreadable record", r.at(rel)));
                continue;
            };
            let algorithm = AeadAlgorithm::AesCcm { tag_length: tlen };
            if !provider.aead_supported(algorithm, key.len(), Some(nonce.len())) {
                tally.skip(
                    refused_aead(ctx, provider, algorithm, key.len(), nonce.len()),
                    1,
                );
                continue;
            }
            let Ok(aead) = provider.create_aead_key(algorithm, &key) else {
                tally.fail(format!("{}: key refused", r.at(rel)));
                continue;
            };
            let split = ct.len().saturating_sub(tlen);
            let (body, tag) = ct.split_at(split);
            let mut buffer = body.to_vec();
            let opened = aead.decrypt_in_place_detached(&nonce, &mut buffer, &adata, tag);
            let ok = if dvpt && r.get("Result").is_some_and(|v| v.starts_with("Fail")) {
                matches!(opened, Err(Error::InvalidTag))
            } else {
                let payload = ccm_field(&r, "Payload", "Plen");
                let sealed = payload.as_ref().and_then(|p| {
                    let mut b = p.clone();
                    let tag = aead
                        .encrypt_in_place_detached(&nonce, &mut b, &adata)
                        .ok()?;
                    b.extend_from_slice(&tag);
                    Some(b)
                });
                opened.is_ok() && Some(&buffer) == payload.as_ref() && sealed.as_ref() == Some(&ct)
            };
            tally.check(ok, || format!("{}: CCM mismatch", r.at(rel)));
        }
    }
    tally
}

/// A value that is hex, or a quoted literal string (BoringSSL's files).
fn hex_or_text(r: &Record, key: &str) -> Option<Vec<u8>> {
    let value = r.get(key)?.trim();
    match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        Some(text) => Some(text.as_bytes().to_vec()),
        None => hex::decode(value).ok(),
    }
}

/// The NIST GCM files through the provider's keyed AES-GCM (`create_aead_key`, then a detached
/// open or seal): the cases with a whole 16-byte tag and a nonce the rows accept. With a
/// composition this is where ring's AES-GCM meets the NIST data (issue #12).
fn gcm_one_shot(ctx: &Ctx, provider: &dyn DynAeadBackend, files: &[(String, PathBuf)]) -> Tally {
    let mut tally = Tally::new("cipher", "nist-gcm-keyed");
    let algorithm = AeadAlgorithm::AesGcm;
    for (rel, path) in files {
        tally.files += 1;
        let decrypt_file = rel.contains("Decrypt");
        for r in records(&ctx.corpus.read(path), &["Count"]) {
            let (Some(key), Some(iv), Some(aad), Some(ct), Some(tag)) = (
                r.hex("Key"),
                r.hex("IV"),
                r.hex("AAD"),
                r.hex("CT"),
                r.hex("Tag"),
            ) else {
                tally.fail(format!("{}: unreadable record", r.at(rel)));
                continue;
            };
            if tag.len() != 16 {
                tally.skip("GCM with a truncated tag: the keyed AEAD takes 16 bytes", 1);
                continue;
            }
            if !provider.aead_supported(algorithm, key.len(), Some(iv.len())) {
                tally.skip(
                    refused_aead(ctx, provider, algorithm, key.len(), iv.len()),
                    1,
                );
                continue;
            }
            let Ok(aead) = provider.create_aead_key(algorithm, &key) else {
                tally.fail(format!("{}: key refused", r.at(rel)));
                continue;
            };
            let ok = if decrypt_file {
                let mut buffer = ct.clone();
                let opened = aead.decrypt_in_place_detached(&iv, &mut buffer, &aad, &tag);
                match (r.has("FAIL"), opened) {
                    (true, Err(Error::InvalidTag)) => buffer == ct,
                    (false, Ok(())) => Some(buffer) == r.hex("PT"),
                    _ => false,
                }
            } else {
                let Some(pt) = r.hex("PT") else {
                    tally.fail(format!("{}: unreadable record", r.at(rel)));
                    continue;
                };
                let mut buffer = pt.clone();
                aead.encrypt_in_place_detached(&iv, &mut buffer, &aad)
                    .is_ok_and(|t| buffer == ct && t.as_slice() == tag.as_slice())
            };
            tally.check(ok, || format!("{}: keyed AES-GCM mismatch", r.at(rel)));
        }
    }
    tally
}

/// Wycheproof's AEAD sets through the keyed AEADs alone, for a provider without streaming
/// ciphers (ring): a case whose parameters the rows refuse is skipped unless it must fail.
fn wycheproof_aead_one_shot(ctx: &Ctx, provider: &dyn DynAeadBackend) -> Tally {
    use wycheproof::aead::{TestName, TestSet};
    let mut tally = Tally::new("cipher", "wycheproof-aead-keyed");
    for name in [
        TestName::AesGcm,
        TestName::AesCcm,
        TestName::ChaCha20Poly1305,
    ] {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        for test in set.test_groups.iter().flat_map(|g| &g.tests) {
            let what = || format!("{name:?} tcId {}: {}", test.tc_id, test.comment);
            let algorithm = match name {
                TestName::AesGcm => AeadAlgorithm::AesGcm,
                TestName::AesCcm => AeadAlgorithm::AesCcm {
                    tag_length: test.tag.len(),
                },
                _ => AeadAlgorithm::ChaCha20Poly1305,
            };
            let supported =
                provider.aead_supported(algorithm, test.key.len(), Some(test.nonce.len()));
            if !supported && !test.result.must_fail() {
                let why = refused_aead(ctx, provider, algorithm, test.key.len(), test.nonce.len());
                tally.skip(why, 1);
                continue;
            }
            if !supported {
                // Must fail and the rows refuse it: the provider must refuse it too, typed.
                let refused = provider
                    .create_aead_key(algorithm, &test.key)
                    .and_then(|aead| {
                        let mut buffer = test.ct.to_vec();
                        aead.decrypt_in_place_detached(
                            &test.nonce,
                            &mut buffer,
                            &test.aad,
                            &test.tag,
                        )
                    })
                    .is_err();
                tally.check(refused, what);
                continue;
            }
            let outcome = provider
                .create_aead_key(algorithm, &test.key)
                .and_then(|aead| {
                    let mut buffer = test.ct.to_vec();
                    aead.decrypt_in_place_detached(&test.nonce, &mut buffer, &test.aad, &test.tag)?;
                    let sealed = aead.encrypt(&test.nonce, &test.pt, &test.aad)?;
                    Ok(buffer == *test.pt && sealed[..test.ct.len()] == *test.ct)
                });
            record_wycheproof(&mut tally, test.result, outcome, what);
        }
    }
    tally
}

fn chacha_poly(ctx: &Ctx, provider: &dyn DynAeadBackend, files: &[(String, PathBuf)]) -> Tally {
    let mut tally = Tally::new("cipher", "chacha20poly1305");
    for (rel, path) in files {
        tally.files += 1;
        for r in records(&ctx.corpus.read(path), &["COUNT"]) {
            let boring = rel.contains("boringssl");
            let names = if boring {
                ["KEY", "NONCE", "AD", "IN", "CT", "TAG"]
            } else {
                ["Key", "IV", "AAD", "Plaintext", "Ciphertext", "Tag"]
            };
            let fields: Option<Vec<Vec<u8>>> = names.iter().map(|n| hex_or_text(&r, n)).collect();
            let Some([key, nonce, aad, pt, ct, tag]) =
                fields.and_then(|f| <[_; 6]>::try_from(f).ok())
            else {
                tally.fail(format!("{}: unreadable record", r.at(rel)));
                continue;
            };
            let must_fail = r.get("Result").is_some_and(|v| v.contains("ERROR"));
            let algorithm = AeadAlgorithm::ChaCha20Poly1305;
            if !provider.aead_supported(algorithm, key.len(), Some(nonce.len())) {
                tally.skip(
                    refused_aead(ctx, provider, algorithm, key.len(), nonce.len()),
                    1,
                );
                continue;
            }
            let Ok(aead) = provider.create_aead_key(algorithm, &key) else {
                tally.fail(format!("{}: key refused", r.at(rel)));
                continue;
            };
            let mut buffer = ct.clone();
            let opened = aead.decrypt_in_place_detached(&nonce, &mut buffer, &aad, &tag);
            let ok = if must_fail {
                matches!(opened, Err(Error::InvalidTag))
            } else {
                let sealed = aead.encrypt(&nonce, &pt, &aad).ok();
                let expected: Vec<u8> = ct.iter().chain(&tag).copied().collect();
                opened.is_ok() && buffer == pt && sealed == Some(expected)
            };
            tally.check(ok, || format!("{}: ChaCha20-Poly1305 mismatch", r.at(rel)));
        }
    }
    tally
}

fn wycheproof_aead(
    ctx: &Ctx,
    backend: &dyn DynCipherBackend,
    provider: Option<&dyn DynAeadBackend>,
) -> Tally {
    use wycheproof::aead::{TestName, TestSet};
    let mut tally = Tally::new("cipher", "wycheproof-aead");
    let mut rng = SplitMix::new(0x77);
    for name in [
        TestName::AesGcm,
        TestName::AesCcm,
        TestName::ChaCha20Poly1305,
    ] {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        for group in &set.test_groups {
            for test in &group.tests {
                let what = || format!("{name:?} tcId {}: {}", test.tc_id, test.comment);
                let (key, nonce, aad, pt, ct, tag) = (
                    &test.key,
                    &test.nonce,
                    &test.aad,
                    &test.pt,
                    &test.ct,
                    &test.tag,
                );
                let must_fail = test.result.must_fail();
                let algorithm = match name {
                    TestName::AesGcm => AeadAlgorithm::AesGcm,
                    TestName::AesCcm => AeadAlgorithm::AesCcm {
                        tag_length: tag.len(),
                    },
                    _ => AeadAlgorithm::ChaCha20Poly1305,
                };
                // Who makes the one-shot key: `None` for a GCM case that does not use it (a
                // truncated tag, or a provider without such a key: the streaming check still
                // runs); a CCM or ChaCha20-Poly1305 case without one is skipped.
                let one_shot = match provider {
                    _ if name == TestName::AesGcm && tag.len() != 16 => None,
                    Some(p)
                        if must_fail
                            || p.aead_supported(algorithm, key.len(), Some(nonce.len())) =>
                    {
                        Some(p)
                    }
                    _ if name == TestName::AesGcm => None,
                    Some(p) => {
                        let why = refused_aead(ctx, p, algorithm, key.len(), nonce.len());
                        tally.skip(why, 1);
                        continue;
                    }
                    None => {
                        let why = format!("provider {} has no aead family", ctx.provider.name);
                        tally.skip(why, 1);
                        continue;
                    }
                };
                let outcome: Result<bool, Error> = match name {
                    TestName::AesGcm => {
                        let cipher = CipherAlgorithm::Aes(key);
                        let mode = Mode::Gcm {
                            iv: nonce,
                            tag: Some(tag),
                            min_tag_length: tag.len().max(4),
                        };
                        if !must_fail && !backend.cipher_supported(&cipher, &mode) {
                            tally.skip(refused(ctx, backend, &cipher, &mode), 1);
                            continue;
                        }
                        // Streaming (truncated tags with min_tag_length lowered to them), then
                        // the one-shot AES-GCM where the tag is whole.
                        decrypt(backend, &cipher, &mode, aad, ct, None, Some(&mut rng)).and_then(
                            |out| {
                                let (enc, full) =
                                    encrypt(backend, &cipher, &Mode::gcm(nonce), aad, pt, None)?;
                                let one_shot = match one_shot {
                                    Some(p) => {
                                        let aead = p.create_aead_key(algorithm, key)?;
                                        let mut buffer = ct.to_vec();
                                        aead.decrypt_in_place_detached(
                                            nonce,
                                            &mut buffer,
                                            aad,
                                            tag,
                                        )?;
                                        buffer == **pt
                                            && aead.encrypt(nonce, pt, aad)?[..ct.len()] == **ct
                                    }
                                    None => true,
                                };
                                Ok(out == **pt
                                    && enc == **ct
                                    && one_shot
                                    && full.is_some_and(|t| t.starts_with(tag)))
                            },
                        )
                    }
                    // CCM and ChaCha20-Poly1305: `one_shot` is the provider here.
                    _ => one_shot
                        .ok_or(Error::InvalidArgument("no AEAD provider"))
                        .and_then(|p| p.create_aead_key(algorithm, key))
                        .and_then(|aead| {
                            let mut buffer = ct.to_vec();
                            aead.decrypt_in_place_detached(nonce, &mut buffer, aad, tag)?;
                            let sealed = aead.encrypt(nonce, pt, aad)?;
                            Ok(buffer == **pt && sealed[..ct.len()] == **ct)
                        }),
                };
                record_wycheproof(&mut tally, test.result, outcome, what);
            }
        }
    }
    tally
}

/// Valid must succeed with the expected output; invalid must be refused with a typed error;
/// acceptable may go either way (counted apart).
fn record_wycheproof(
    tally: &mut Tally,
    result: wycheproof::TestResult,
    outcome: Result<bool, Error>,
    what: impl FnOnce() -> String,
) {
    match result {
        wycheproof::TestResult::Acceptable => tally.acceptable += 1,
        wycheproof::TestResult::Valid => match outcome {
            Ok(ok) => tally.check(ok, what),
            Err(e) => tally.fail(format!("{}: {e}", what())),
        },
        wycheproof::TestResult::Invalid => {
            tally.check(!matches!(outcome, Ok(true)), what);
        }
    }
}

fn wycheproof_cipher(ctx: &Ctx, backend: &dyn DynCipherBackend) -> Tally {
    use wycheproof::cipher::{TestName, TestSet};
    let mut tally = Tally::new("cipher", "wycheproof-cipher");
    let mut rng = SplitMix::new(0x78);
    for name in [TestName::AesCbcPkcs5, TestName::AesXts] {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        for group in &set.test_groups {
            for test in &group.tests {
                let what = || format!("{name:?} tcId {}: {}", test.tc_id, test.comment);
                let cipher = CipherAlgorithm::Aes(&test.key);
                let outcome: Result<bool, Error> = match name {
                    TestName::AesCbcPkcs5 => {
                        let mode = Mode::Cbc { iv: &test.nonce };
                        cbc_pkcs7(backend, &cipher, &mode, &test.ct, &mut rng).and_then(|pt| {
                            let mut padder = Padding::Pkcs7.padder(128)?;
                            let mut padded = padder.update(&test.pt)?;
                            padded.extend(padder.finalize()?);
                            let (enc, _) = encrypt(backend, &cipher, &mode, &[], &padded, None)?;
                            Ok(pt == *test.pt && enc == *test.ct)
                        })
                    }
                    _ => {
                        // Wycheproof gives short tweaks; XTS pads them with zeros to a block
                        // (the little-endian sector number), which the seed system wants whole.
                        let mut tweak = test.nonce.to_vec();
                        tweak.resize(16, 0);
                        let mode = Mode::Xts { tweak: &tweak };
                        if !test.result.must_fail() && !backend.cipher_supported(&cipher, &mode) {
                            tally.skip(refused(ctx, backend, &cipher, &mode), 1);
                            continue;
                        }
                        round_trip(backend, &cipher, &mode, &test.pt, &test.ct, &mut rng)
                    }
                };
                record_wycheproof(&mut tally, test.result, outcome, what);
            }
        }
    }
    tally
}

/// CBC decryption then streaming PKCS #7 unpadding, both in random chunks.
fn cbc_pkcs7(
    backend: &dyn DynCipherBackend,
    cipher: &CipherAlgorithm<'_>,
    mode: &Mode<'_>,
    ct: &[u8],
    rng: &mut SplitMix,
) -> Result<Vec<u8>, Error> {
    let padded = decrypt(backend, cipher, mode, &[], ct, None, Some(&mut *rng))?;
    let mut unpadder = Padding::Pkcs7.unpadder(128)?;
    let mut out = Vec::new();
    for chunk in rng.chunks(&padded) {
        out.extend(unpadder.update(chunk)?);
    }
    out.extend(unpadder.finalize()?);
    Ok(out)
}
