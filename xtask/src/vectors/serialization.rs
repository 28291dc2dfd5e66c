//! Key and parameter files: every file of pyca's `asymmetric/` serialization folders, each with the
//! outcome pyca/cryptography gives it (loads, with the key type, size and numbers its tests check;
//! or fails, with the error kind). A file of those folders with no row here is a failure, so a new
//! corpus cannot pass silently.
//!
//! Each key that loads is also checked against what nobody here wrote: its public key against the
//! corpus's matching public-key file where there is one, re-encoded SPKI DER against the input
//! byte for byte, and a write-then-read round trip in every format and encoding. Every encrypted
//! file is loaded with no password and a wrong one too (two distinct errors), every plain one with
//! a password (a third).

use super::{Ctx, Tally};
use backend::keys::{PrivateKey, PublicKey};
use backend::serialization::{
    DerSerializationBackend, Encoding, KeySerializationEncryption, PemSerializationBackend,
    PrivateFormat, PublicFormat, private_bytes, public_bytes,
};
use backend::{EllipticCurve, Error, PasswordError, Reason};

/// What a file holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Private,
    Public,
    Parameters,
}

/// What loading it must give.
#[derive(Clone, Copy)]
enum Outcome {
    /// An RSA key of this size.
    Rsa(usize),
    /// An EC key on this curve.
    Ec(EllipticCurve),
    /// A DSA key with this modulus size.
    Dsa(usize),
    /// DSA parameters with this modulus size.
    DsaParameters(usize),
    /// A Diffie-Hellman key with this modulus size.
    Dh(usize),
    /// Diffie-Hellman parameters with this modulus size.
    DhParameters(usize),
    /// A key or parameters of a family this build has no implementation for (yet): the loader
    /// must say `Unsupported` (counted as a skip with the family's name).
    NoFamily(&'static str),
    /// A failure of this kind.
    Fails(ErrorKind),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum ErrorKind {
    Malformed,
    Unsupported,
    InvalidKey,
    /// `InvalidArgument` or `InvalidKey`: a well-formed key that breaks a rule.
    BadKey,
}

use ErrorKind::*;
use Kind::*;
use Outcome::*;

const P256: EllipticCurve = EllipticCurve::Secp256r1;

/// (path under `asymmetric/`, kind, password, outcome, matching public-key file).
type Row = (
    &'static str,
    Kind,
    Option<&'static [u8]>,
    Outcome,
    Option<&'static str>,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // DER_Serialization
    ("DER_Serialization/dsa.1024.der", Private, None, Dsa(1024), None),
    ("DER_Serialization/dsa.2048.der", Private, None, Dsa(2048), None),
    ("DER_Serialization/dsa.3072.der", Private, None, Dsa(3072), None),
    ("DER_Serialization/dsa_public_key.der", Public, None, Dsa(2048), None),
    ("DER_Serialization/dsa_public_key_invalid_bit_string.der", Public, None, Fails(Malformed), None),
    ("DER_Serialization/dsa_public_key_no_params.der", Public, None, Fails(Unsupported), None),
    ("DER_Serialization/ec_private_key.der", Private, None, Ec(P256), Some("DER_Serialization/ec_public_key.der")),
    ("DER_Serialization/ec_private_key_encrypted.der", Private, Some(b"123456"), Ec(P256), Some("DER_Serialization/ec_public_key.der")),
    ("DER_Serialization/ec_public_key.der", Public, None, Ec(P256), None),
    ("DER_Serialization/enc-rsa-pkcs8.der", Private, Some(b"foobar"), Rsa(1024), None),
    ("DER_Serialization/enc2-rsa-pkcs8.der", Private, Some(b"baz"), Rsa(1024), None),
    ("DER_Serialization/rsa_public_key.der", Public, None, Rsa(2048), None),
    ("DER_Serialization/testrsa.der", Private, None, Rsa(2048), None),
    ("DER_Serialization/unenc-dsa-pkcs8.der", Private, None, Dsa(1024), None),
    ("DER_Serialization/unenc-dsa-pkcs8.pub.der", Public, None, Dsa(1024), None),
    ("DER_Serialization/unenc-rsa-pkcs8.der", Private, None, Rsa(1024), Some("DER_Serialization/unenc-rsa-pkcs8.pub.der")),
    ("DER_Serialization/unenc-rsa-pkcs8.pub.der", Public, None, Rsa(1024), None),
    // PEM_Serialization
    ("PEM_Serialization/dsa_4096.pem", Private, None, Dsa(4096), None),
    ("PEM_Serialization/dsa_private_key.pem", Private, Some(b"123456"), Dsa(2048), None),
    ("PEM_Serialization/dsa_public_key.pem", Public, None, Dsa(2048), None),
    ("PEM_Serialization/dsaparam.pem", Parameters, None, DsaParameters(2048), None),
    ("PEM_Serialization/ec_private_key.pem", Private, None, Ec(P256), Some("PEM_Serialization/ec_public_key.pem")),
    ("PEM_Serialization/ec_private_key_encrypted.pem", Private, Some(b"123456"), Ec(P256), Some("PEM_Serialization/ec_public_key.pem")),
    ("PEM_Serialization/ec_public_key.pem", Public, None, Ec(P256), None),
    ("PEM_Serialization/ec_public_key_rsa_delimiter.pem", Public, None, Fails(Malformed), None),
    ("PEM_Serialization/rsa-bad-1025-q-is-2.pem", Private, None, Fails(BadKey), None),
    ("PEM_Serialization/rsa_private_key.pem", Private, Some(b"123456"), Rsa(2048), Some("PEM_Serialization/rsa_public_key.pem")),
    ("PEM_Serialization/rsa_public_key.pem", Public, None, Rsa(2048), None),
    ("PEM_Serialization/rsa_wrong_delimiter_public_key.pem", Public, None, Rsa(2048), None),
    // PKCS8
    ("PKCS8/bad-encryption-oid.pem", Private, Some(b"password"), Fails(Unsupported), None),
    ("PKCS8/bad-oid-dsa-key.pem", Private, None, Fails(Unsupported), None),
    ("PKCS8/ec-consistent-curve.pem", Private, None, Ec(P256), None),
    ("PKCS8/ec-inconsistent-curve.pem", Private, None, Fails(InvalidKey), None),
    ("PKCS8/ec-inconsistent-curve2.pem", Private, None, Fails(InvalidKey), None),
    ("PKCS8/ec-invalid-private-scalar.pem", Private, None, Fails(InvalidKey), None),
    ("PKCS8/ec-invalid-version.pem", Private, None, Fails(Malformed), None),
    ("PKCS8/ec_oid_not_in_reg_private_2.pkcs8.pem", Private, None, Fails(Unsupported), None),
    ("PKCS8/ec_private_key.pem", Private, None, Ec(P256), None),
    ("PKCS8/ec_private_key_encrypted.pem", Private, Some(b"123456"), Ec(P256), None),
    ("PKCS8/ecc_private_with_rfc5915_ext.pem", Private, None, Ec(P256), None),
    ("PKCS8/ed25519-scrypt.pem", Private, Some(b"hunter42"), NoFamily("Ed25519"), None),
    ("PKCS8/enc-ec-sha1-128-rc4.pem", Private, Some(b"password"), Ec(P256), None),
    ("PKCS8/enc-rsa-3des.pem", Private, Some(b"password"), Rsa(2048), None),
    ("PKCS8/enc-rsa-pkcs8-pbkdf2-0iter.pem", Private, Some(b"password"), Fails(BadKey), None),
    ("PKCS8/enc-rsa-pkcs8.pem", Private, Some(b"foobar"), Rsa(1024), None),
    ("PKCS8/enc-unknown-algorithm.pem", Private, Some(b"password"), Fails(Unsupported), None),
    ("PKCS8/enc-unknown-kdf.pem", Private, Some(b"password"), Fails(Unsupported), None),
    ("PKCS8/enc-unknown-pbkdf2-prf.pem", Private, Some(b"password"), Fails(Unsupported), None),
    ("PKCS8/enc2-rsa-pkcs8.pem", Private, Some(b"baz"), Rsa(1024), None),
    ("PKCS8/invalid-version.der", Private, None, Fails(Malformed), None),
    ("PKCS8/nodompar_private.pkcs8.pem", Private, None, Fails(Unsupported), None),
    ("PKCS8/pkcs12_s2k_pem-X_9607.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9671.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9925.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9926.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9927.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9928.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9929.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9930.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9931.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/pkcs12_s2k_pem-X_9932.pem", Private, Some(b"123456"), Rsa(1024), None),
    ("PKCS8/private.pem", Private, None, Fails(Unsupported), None),
    ("PKCS8/rsa-40bitrc2.pem", Private, Some(b"baz"), Rsa(1024), None),
    ("PKCS8/rsa-aes-192-cbc.pem", Private, Some(b"PolarSSLTest"), Rsa(2048), None),
    ("PKCS8/rsa-pbe-3des-long-salt.pem", Private, Some(b"password"), Rsa(4096), None),
    ("PKCS8/rsa-pbewithmd5anddescbc.pem", Private, Some(b"hunter2"), Rsa(2048), None),
    ("PKCS8/rsa-rc2-cbc-effective-key-length.pem", Private, Some(b"password"), Fails(Unsupported), None),
    ("PKCS8/rsa-rc2-cbc.pem", Private, Some(b"Red Hat Enterprise Linux 7.4"), Rsa(2048), None),
    ("PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha224.pem", Private, Some(b"PolarSSLTest"), Rsa(2048), None),
    ("PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha384.pem", Private, Some(b"PolarSSLTest"), Rsa(2048), None),
    ("PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha512.pem", Private, Some(b"PolarSSLTest"), Rsa(2048), None),
    ("PKCS8/rsa_pss_2048.pem", Private, None, Rsa(2048), Some("PKCS8/rsa_pss_2048_pub.der")),
    ("PKCS8/rsa_pss_2048_hash.pem", Private, None, Rsa(2048), None),
    ("PKCS8/rsa_pss_2048_hash_mask.pem", Private, None, Rsa(2048), None),
    ("PKCS8/rsa_pss_2048_hash_mask_diff.pem", Private, None, Rsa(2048), None),
    ("PKCS8/rsa_pss_2048_hash_mask_salt.pem", Private, None, Rsa(2048), None),
    ("PKCS8/rsa_pss_2048_pub.der", Public, None, Rsa(2048), None),
    ("PKCS8/unenc-dsa-pkcs8.pem", Private, None, Dsa(1024), None),
    ("PKCS8/unenc-dsa-pkcs8.pub.pem", Public, None, Dsa(1024), None),
    ("PKCS8/unenc-rsa-pkcs8.pem", Private, None, Rsa(1024), Some("PKCS8/unenc-rsa-pkcs8.pub.pem")),
    ("PKCS8/unenc-rsa-pkcs8.pub.pem", Public, None, Rsa(1024), None),
    ("PKCS8/unknown-oid.der", Private, None, Fails(Unsupported), None),
    ("PKCS8/withdompar_private.pkcs8.pem", Private, None, Fails(Unsupported), None),
    ("PKCS8/wrong-pem-delimiter-rsa.pem", Private, None, Fails(Malformed), None),
    // Traditional_OpenSSL_Serialization
    ("Traditional_OpenSSL_Serialization/dsa-wrong-version.pem", Private, None, Fails(Malformed), None),
    ("Traditional_OpenSSL_Serialization/dsa.1024.pem", Private, None, Dsa(1024), None),
    ("Traditional_OpenSSL_Serialization/dsa.2048.pem", Private, None, Dsa(2048), None),
    ("Traditional_OpenSSL_Serialization/dsa.3072.pem", Private, None, Dsa(3072), None),
    ("Traditional_OpenSSL_Serialization/key1-malformed-dek-info.pem", Private, Some(b"password"), Fails(Malformed), None),
    ("Traditional_OpenSSL_Serialization/key1-malformed-iv.pem", Private, Some(b"password"), Fails(Malformed), None),
    ("Traditional_OpenSSL_Serialization/key1-no-dek-info.pem", Private, Some(b"password"), Fails(Malformed), None),
    ("Traditional_OpenSSL_Serialization/key1-short-iv.pem", Private, Some(b"password"), Fails(Malformed), None),
    ("Traditional_OpenSSL_Serialization/key1.pem", Private, Some(b"123456"), Rsa(2048), None),
    ("Traditional_OpenSSL_Serialization/key2.pem", Private, Some(b"a123456"), Rsa(2048), None),
    ("Traditional_OpenSSL_Serialization/rsa-wrong-version.pem", Private, None, Fails(Malformed), None),
    ("Traditional_OpenSSL_Serialization/testrsa-encrypted.pem", Private, Some(b"password"), Rsa(2048), None),
    ("Traditional_OpenSSL_Serialization/testrsa.pem", Private, None, Rsa(2048), None),
    // DH (PKCS#3 and X9.42 keys and parameters; `.txt` beside a key gives its numbers)
    ("DH/dh_key_256.pem", Private, None, Fails(BadKey), None),
    ("DH/dhkey.der", Private, None, Dh(1024), Some("DH/dhpub.der")),
    ("DH/dhkey.pem", Private, None, Dh(1024), Some("DH/dhpub.pem")),
    ("DH/dhkey_rfc5114_2.der", Private, None, Dh(2048), Some("DH/dhpub_rfc5114_2.der")),
    ("DH/dhkey_rfc5114_2.pem", Private, None, Dh(2048), Some("DH/dhpub_rfc5114_2.pem")),
    ("DH/dhp.der", Parameters, None, DhParameters(1024), None),
    ("DH/dhp.pem", Parameters, None, DhParameters(1024), None),
    ("DH/dhp_privatevaluelength.pem", Parameters, None, DhParameters(2048), None),
    ("DH/dhp_rfc5114_2.der", Parameters, None, DhParameters(2048), None),
    ("DH/dhp_rfc5114_2.pem", Parameters, None, DhParameters(2048), None),
    ("DH/dhpub.der", Public, None, Dh(1024), None),
    ("DH/dhpub.pem", Public, None, Dh(1024), None),
    ("DH/dhpub_cryptography_old.pem", Public, None, Dh(2048), None),
    ("DH/dhpub_rfc5114_2.der", Public, None, Dh(2048), None),
    ("DH/dhpub_rfc5114_2.pem", Public, None, Dh(2048), None),
    // public/PKCS1
    ("public/PKCS1/dsa.pub.pem", Public, None, Fails(Malformed), None),
    ("public/PKCS1/rsa.pub.der", Public, None, Rsa(1024), None),
    ("public/PKCS1/rsa.pub.pem", Public, None, Rsa(1024), None),
];

/// Numbers pyca's tests assert for two files (a prefix of each is enough to pin the key).
const NUMBERS: &[(&str, &str, &str)] = &[
    (
        "Traditional_OpenSSL_Serialization/key1.pem",
        "p",
        "f8337fbcd4b54e14d4226889725d9dc713e40c87e62ce1886a517c729b3d133d",
    ),
    (
        "PKCS8/enc-rsa-pkcs8.pem",
        "n",
        "beec64d6db5760ac2fd4c971145641b9bd7f5c56558ece608795c79807",
    ),
];

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let mut tally = Tally::new("serialization", "pyca");
    let provider = &ctx.provider;
    let root = ctx.corpus.root().join("asymmetric");
    let mut seen = std::collections::BTreeSet::new();
    for (rel, path) in ctx.corpus.files("serialization") {
        let Some(rel) = rel.strip_prefix("asymmetric/") else {
            continue;
        };
        if rel.ends_with("README.txt") {
            continue;
        }
        seen.insert(rel.to_string());
        tally.files += 1;
        let Some(&(_, kind, password, outcome, public_file)) = ROWS.iter().find(|row| row.0 == rel)
        else {
            tally.fail(format!("{rel}: no expected outcome for this file"));
            continue;
        };
        let data = std::fs::read(&path).unwrap_or_default();
        let pem = !rel.ends_with(".der");
        if let Some(reason) = not_loaded_by(provider, kind, outcome, pem, &data, password) {
            tally.skip(reason, 1);
            continue;
        }
        match kind {
            Private => {
                let loaded = if pem {
                    provider.load_pem_private_key(&data, password)
                } else {
                    provider.load_der_private_key(&data, password)
                };
                if let (Ok(key), Some(public_file)) = (&loaded, public_file) {
                    let expected = std::fs::read(root.join(public_file)).unwrap_or_default();
                    let expected = if public_file.ends_with(".der") {
                        provider.load_der_public_key(&expected)
                    } else {
                        provider.load_pem_public_key(&expected)
                    };
                    let ours = key.public_key().and_then(|k| {
                        public_bytes(&k, Encoding::Der, PublicFormat::SubjectPublicKeyInfo)
                    });
                    let theirs = expected.and_then(|k| {
                        public_bytes(&k, Encoding::Der, PublicFormat::SubjectPublicKeyInfo)
                    });
                    tally.check(ours.is_ok() && ours == theirs, || {
                        format!("{rel}: public key differs from {public_file}")
                    });
                }
                check_private(&mut tally, &root, rel, outcome, loaded);
                if matches!(outcome, Rsa(_) | Ec(_) | Dsa(_) | Dh(_)) {
                    check_passwords(&mut tally, rel, &data, pem, password, provider);
                }
            }
            Public => {
                let loaded = if pem {
                    provider.load_pem_public_key(&data)
                } else {
                    provider.load_der_public_key(&data)
                };
                if let Ok(key) = &loaded {
                    // Canonical DER SPKI in, the same bytes out.
                    // (RSASSA-PSS keys are read as plain RSA keys and written as such.)
                    if !pem
                        && !rel.contains("PKCS1")
                        && !rel.contains("pss")
                        && matches!(outcome, Rsa(_) | Ec(_) | Dsa(_) | Dh(_))
                    {
                        let out =
                            public_bytes(key, Encoding::Der, PublicFormat::SubjectPublicKeyInfo);
                        tally.check(out.as_deref() == Ok(&data[..]), || {
                            format!("{rel}: SPKI re-encoding differs from the file")
                        });
                    }
                }
                check_public(&mut tally, rel, outcome, loaded);
            }
            Parameters => {
                let loaded = if pem {
                    provider.load_pem_parameters(&data)
                } else {
                    provider.load_der_parameters(&data)
                };
                match (outcome, loaded) {
                    (DhParameters(bits), Ok(backend::Parameters::Dh(p))) => {
                        tally.check(p.key_size() == bits, || {
                            format!("{rel}: {}-bit p, expected {bits}", p.key_size())
                        });
                        // Written back byte for byte (not the file that also carries a
                        // privateValueLength, which is not kept).
                        if !rel.contains("privatevaluelength") {
                            let again = backend::serialization::parameter_bytes(
                                &backend::Parameters::Dh(p),
                                if pem { Encoding::Pem } else { Encoding::Der },
                            );
                            tally.check(again.as_deref() == Ok(&data[..]), || {
                                format!("{rel}: DH parameters written back differ from the file")
                            });
                        }
                    }
                    (DsaParameters(bits), Ok(backend::Parameters::Dsa(p))) => {
                        let n = p.parameter_numbers();
                        tally.check(n.p.len() * 8 == bits, || {
                            format!("{rel}: {}-bit p, expected {bits}", n.p.len() * 8)
                        });
                        let again = backend::serialization::parameter_bytes(
                            &backend::Parameters::Dsa(p),
                            Encoding::Pem,
                        );
                        tally.check(again.as_deref() == Ok(&data[..]), || {
                            format!("{rel}: DSA PARAMETERS written back differ from the file")
                        });
                    }
                    (NoFamily(name), Err(Error::Unsupported { .. })) => tally.skip(
                        format!("{name} parameters: no {name} family in this build"),
                        1,
                    ),
                    (Fails(kind), Err(e)) => check_error(&mut tally, rel, kind, e),
                    (_, got) => tally.fail(format!("{rel}: unexpected {got:?}")),
                }
            }
        }
    }
    for (rel, ..) in ROWS {
        if !seen.contains(*rel) {
            tally.fail(format!("{rel}: listed but not in the corpus (manifest)"));
        }
    }
    vec![tally]
}

/// A provider other than RustCrypto may lack a family or a key size (ring has no DSA, no RSA
/// below 2048 bits): a key it answers `Unsupported` for is a skip with its reason, not a failure,
/// when the outcome says it loads or breaks a family's rule. RustCrypto itself never gets this
/// pass.
fn not_loaded_by(
    provider: &backend::Provider<'static>,
    kind: Kind,
    outcome: Outcome,
    pem: bool,
    data: &[u8],
    password: Option<&[u8]>,
) -> Option<String> {
    // Malformed and unsupported encodings fail before any provider is asked; a key that breaks a
    // family's rule (BadKey, InvalidKey) needs the family.
    if provider.name == "rustcrypto"
        || matches!(outcome, Fails(Malformed | Unsupported) | NoFamily(_))
    {
        return None;
    }
    let result = match (kind, pem) {
        (Private, true) => provider.load_pem_private_key(data, password).err(),
        (Private, false) => provider.load_der_private_key(data, password).err(),
        (Public, true) => provider.load_pem_public_key(data).err(),
        (Public, false) => provider.load_der_public_key(data).err(),
        (Parameters, true) => provider.load_pem_parameters(data).err(),
        (Parameters, false) => provider.load_der_parameters(data).err(),
    };
    match result {
        Some(Error::Unsupported { name, .. }) => Some(format!(
            "provider {} does not load this key: {name}",
            provider.name
        )),
        _ => None,
    }
}

fn check_error(tally: &mut Tally, rel: &str, kind: ErrorKind, e: Error) {
    let ok = match kind {
        Malformed => matches!(e, Error::Malformed(_)),
        Unsupported => matches!(e, Error::Unsupported { .. }),
        InvalidKey => matches!(e, Error::InvalidKey(_)),
        BadKey => matches!(e, Error::InvalidKey(_) | Error::InvalidArgument(_)),
    };
    tally.check(ok, || format!("{rel}: expected {kind:?}, got {e:?}"));
}

fn check_private(
    tally: &mut Tally,
    root: &std::path::Path,
    rel: &str,
    outcome: Outcome,
    loaded: backend::Result<PrivateKey>,
) {
    match (outcome, loaded) {
        (Rsa(bits), Ok(key)) => {
            let ok = key.as_rsa().is_some() && key.key_size() == bits;
            tally.check(ok, || format!("{rel}: expected RSA-{bits}, got {key:?}"));
            if let Some(&(_, field, prefix)) = NUMBERS.iter().find(|n| n.0 == rel) {
                let numbers = key.as_rsa().map(|k| k.private_numbers());
                let value = match (field, numbers) {
                    ("p", Some(Ok(n))) => hex::encode(&n.p),
                    ("n", Some(Ok(n))) => hex::encode(&n.public_numbers.n),
                    _ => String::new(),
                };
                tally.check(value.starts_with(prefix), || {
                    format!("{rel}: {field} differs from pyca's test value")
                });
            }
            round_trip(tally, rel, &key);
        }
        (Ec(curve), Ok(key)) => {
            let ok = key.as_ec().is_some_and(|k| k.curve() == curve);
            tally.check(ok, || format!("{rel}: expected EC {curve:?}, got {key:?}"));
            round_trip(tally, rel, &key);
        }
        (Dsa(bits), Ok(key)) => {
            let ok = key.as_dsa().is_some() && key.key_size() == bits;
            tally.check(ok, || format!("{rel}: expected DSA-{bits}, got {key:?}"));
            round_trip(tally, rel, &key);
        }
        (Dh(bits), Ok(key)) => {
            let ok = key.as_dh().is_some() && key.key_size() == bits;
            tally.check(ok, || format!("{rel}: expected DH-{bits}, got {key:?}"));
            check_dh_numbers(tally, root, rel, &key);
            round_trip(tally, rel, &key);
        }
        (
            NoFamily(name),
            Err(Error::Unsupported {
                reason: Reason::PublicKeyAlgorithm,
                ..
            }),
        ) => tally.skip(format!("{name} keys: no {name} family in this build"), 1),
        (Fails(kind), Err(e)) => check_error(tally, rel, kind, e),
        (_, got) => tally.fail(format!("{rel}: unexpected {got:?}")),
    }
}

fn check_public(
    tally: &mut Tally,
    rel: &str,
    outcome: Outcome,
    loaded: backend::Result<PublicKey<'static>>,
) {
    match (outcome, loaded) {
        (Rsa(bits), Ok(key)) => {
            let ok = key.as_rsa().is_some() && key.key_size() == bits;
            tally.check(ok, || format!("{rel}: expected RSA-{bits}, got {key:?}"));
        }
        (Ec(curve), Ok(key)) => {
            let ok = key.as_ec().is_some_and(|k| k.curve() == curve);
            tally.check(ok, || format!("{rel}: expected EC {curve:?}, got {key:?}"));
        }
        (Dsa(bits), Ok(key)) => {
            let ok = key.as_dsa().is_some() && key.key_size() == bits;
            tally.check(ok, || format!("{rel}: expected DSA-{bits}, got {key:?}"));
        }
        (Dh(bits), Ok(key)) => {
            let ok = key.as_dh().is_some() && key.key_size() == bits;
            tally.check(ok, || format!("{rel}: expected DH-{bits}, got {key:?}"));
        }
        (
            NoFamily(name),
            Err(Error::Unsupported {
                reason: Reason::PublicKeyAlgorithm,
                ..
            }),
        ) => tally.skip(format!("{name} keys: no {name} family in this build"), 1),
        (Fails(kind), Err(e)) => check_error(tally, rel, kind, e),
        (_, got) => tally.fail(format!("{rel}: unexpected {got:?}")),
    }
}

/// The three password errors: missing, not expected, incorrect.
fn check_passwords(
    tally: &mut Tally,
    rel: &str,
    data: &[u8],
    pem: bool,
    password: Option<&[u8]>,
    provider: &backend::Provider<'static>,
) {
    let load = |pw: Option<&[u8]>| {
        if pem {
            provider.load_pem_private_key(data, pw)
        } else {
            provider.load_der_private_key(data, pw)
        }
    };
    match password {
        Some(_) => {
            let missing = load(None);
            tally.check(
                matches!(missing, Err(Error::Password(PasswordError::Missing))),
                || format!("{rel}: no password gave {missing:?}"),
            );
            let wrong = load(Some(b"this password is wrong"));
            tally.check(
                matches!(wrong, Err(Error::Password(PasswordError::Incorrect))),
                || format!("{rel}: a wrong password gave {wrong:?}"),
            );
        }
        None => {
            let extra = load(Some(b"this password will not be used"));
            tally.check(
                matches!(extra, Err(Error::Password(PasswordError::NotEncrypted))),
                || format!("{rel}: an unneeded password gave {extra:?}"),
            );
        }
    }
}

/// A DH key's `x` and `y` against the `.txt` file the corpus puts beside it (pyca's own check):
/// `y` is computed here from `x` when the key is PKCS#8.
fn check_dh_numbers(tally: &mut Tally, root: &std::path::Path, rel: &str, key: &PrivateKey) {
    let Some(stem) = rel
        .strip_suffix(".pem")
        .or_else(|| rel.strip_suffix(".der"))
    else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(root.join(format!("{stem}.txt"))) else {
        return;
    };
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{name} = ")))
            .map(|v| v.trim().trim_start_matches('0').to_ascii_lowercase())
    };
    let numbers = key.as_dh().map(|k| k.private_numbers());
    let Some(Ok(numbers)) = numbers else {
        tally.fail(format!("{rel}: no private numbers"));
        return;
    };
    let hex = |b: &[u8]| hex::encode(b).trim_start_matches('0').to_string();
    tally.check(
        field("X") == Some(hex(&numbers.x)) && field("Y") == Some(hex(&numbers.public_numbers.y)),
        || format!("{rel}: x or y differs from {stem}.txt"),
    );
}

/// Written in every unencrypted format and encoding, read back: the same public key.
fn round_trip(tally: &mut Tally, rel: &str, key: &PrivateKey) {
    let Ok(expected) = key
        .public_key()
        .and_then(|k| public_bytes(&k, Encoding::Der, PublicFormat::SubjectPublicKeyInfo))
    else {
        tally.fail(format!("{rel}: public key cannot be written"));
        return;
    };
    for encoding in [Encoding::Pem, Encoding::Der] {
        for format in [PrivateFormat::Pkcs8, PrivateFormat::TraditionalOpenSsl] {
            let written = private_bytes(
                key,
                encoding,
                format,
                &KeySerializationEncryption::NoEncryption,
            );
            if key.as_dh().is_some() && format == PrivateFormat::TraditionalOpenSsl {
                // DH keys have no traditional form (pyca: ValueError).
                tally.check(matches!(written, Err(Error::InvalidArgument(_))), || {
                    format!("{rel}: a traditional DH key was written")
                });
                continue;
            }
            let back = written.and_then(|bytes| match encoding {
                Encoding::Pem => backend::Backend.load_pem_private_key(&bytes, None),
                Encoding::Der => backend::Backend.load_der_private_key(&bytes, None),
            });
            let again = back.and_then(|k| {
                k.public_key().and_then(|p| {
                    public_bytes(&p, Encoding::Der, PublicFormat::SubjectPublicKeyInfo)
                })
            });
            tally.check(again.as_ref() == Ok(&expected), || {
                format!("{rel}: {format:?} {encoding:?} round trip gave {again:?}")
            });
        }
    }
}
