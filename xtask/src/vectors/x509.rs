//! X.509: the 100 files pyca/cryptography's tests load (`x509-used-by-pyca.txt`), each with the
//! outcome pyca 50 gives, accessor by accessor: loads or fails, and where it loads, what each
//! accessor its tests touch returns or the error it raises (pyca fails some files lazily: a name
//! that is not UTF-8 fails `subject`, a duplicate extension fails `extensions`). Every file that
//! loads is also written back (`public_bytes`) and compared with its DER, and its signature
//! algorithm read. A file of the manifest with no row is a failure.

use super::{Ctx, Tally};
use backend::Error;
use backend::HashAlgorithm::{self, *};
use backend::PemSerializationBackend;
use backend::x509::{Certificate, Encoding, Version, X509Backend};

#[derive(Clone, Copy, Debug, PartialEq)]
enum E {
    /// pyca's `ValueError` (and `InvalidVersion`, `DuplicateExtension`): `Error::Malformed`.
    Value,
    /// pyca's `UnsupportedAlgorithm`: `Error::Unsupported`.
    Unsupported,
}

#[derive(Clone, Copy)]
enum Kind {
    Cert,
    Csr,
    Crl,
    /// A private key beside the certificates (`ca/rsa_key.pem`): loads as a key, not as X.509.
    Key,
    /// Bytes another test compares with (`cryptography-scts-tbs-precert.der`): not an X.509
    /// object; loading it as a certificate fails.
    NotX509,
}

/// What an accessor must give.
#[derive(Clone, Copy)]
enum C {
    LoadFails(E),
    Version(Version),
    SerialHex(&'static str),
    NotBefore(&'static str),
    NotAfter(&'static str),
    Subject(&'static str),
    SubjectFails(E),
    Issuer(&'static str),
    /// The key is of a family this build has no implementation for: `Unsupported`, a skip.
    NoFamily(&'static str),
    KeyRsa(usize),
    KeyEc,
    KeyDsa,
    KeyFails(E),
    Hash(Option<HashAlgorithm>),
    HashFails(E),
    PssFails(E),
    ExtCount(usize),
    ExtFails(E),
    /// `verify_directly_issued_by(self)` (certificates) / `is_signature_valid()` (CSRs).
    SelfSigned(bool),
    /// `verify_directly_issued_by` fails with `InvalidArgument` (pyca's `ValueError`).
    IssuedByFails,
    IssuedBy(&'static str),
    Fingerprint(&'static str),
    Revoked(usize),
    LastUpdate(&'static str),
    NextUpdate(Option<&'static str>),
    /// Entry 0's extensions fail.
    EntryExtFails(E),
    /// `is_signature_valid` with the key of this certificate file.
    CrlSignedBy(&'static str, bool),
    Attributes(usize),
    AttributesFails(E),
    Chain(usize),
    /// `tbs_precertificate_bytes()` fails: no SCT list (pyca's `ValueError`).
    PrecertFails,
    /// `tbs_precertificate_bytes()` equals this file's bytes.
    TbsPrecert(&'static str),
}

use C::*;
use E::*;
use Kind::*;

type Row = (&'static str, Kind, &'static [C]);

/// The subject of the `cryptography.io*.pem` files (as `openssl x509 -subject -nameopt RFC2253` prints it).
const CRYPTOGRAPHY_IO: &str = "CN=www.cryptography.io,OU=Domain Control Validated - RapidSSL(R),OU=See www.rapidssl.com/resources/cps (c)14,OU=GT48742965";

const RSA_SHA256: Option<HashAlgorithm> = Some(Sha256);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("PKITS_data/certs/GoodCACert.crt", Cert, &[Version(Version::V3), Subject("CN=Good CA,O=Test Certificates 2011,C=US"), KeyRsa(2048), Hash(RSA_SHA256), IssuedByFails]),
    ("PKITS_data/certs/Invalidpre2000UTCEEnotAfterDateTest7EE.crt", Cert, &[NotAfter("1999-01-01T12:01:00"), IssuedBy("PKITS_data/certs/GoodCACert.crt")]),
    ("PKITS_data/certs/ValidGeneralizedTimenotAfterDateTest8EE.crt", Cert, &[NotAfter("2050-01-01T12:01:00"), IssuedBy("PKITS_data/certs/GoodCACert.crt")]),
    ("PKITS_data/certs/ValidGeneralizedTimenotBeforeDateTest4EE.crt", Cert, &[NotBefore("2002-01-01T12:01:00"), IssuedBy("PKITS_data/certs/GoodCACert.crt")]),
    ("PKITS_data/certs/Validpre2000UTCnotBeforeDateTest3EE.crt", Cert, &[NotBefore("1950-01-01T12:01:00"), IssuedBy("PKITS_data/certs/GoodCACert.crt")]),
    ("PKITS_data/crls/GoodCACRL.crl", Crl, &[Fingerprint("dd3db63c50f4c4a13e090f14053227cb1011a5ad"), Hash(RSA_SHA256), Issuer("CN=Good CA,O=Test Certificates 2011,C=US"), CrlSignedBy("PKITS_data/certs/GoodCACert.crt", true)]),
    ("PKITS_data/crls/LongSerialNumberCACRL.crl", Crl, &[]),
    ("accvraiz1.pem", Cert, &[KeyRsa(4096), SelfSigned(true)]),
    ("badasn1time.pem", Cert, &[LoadFails(Value)]),
    ("belgian-eid-invalid-visiblestring.pem", Cert, &[]),
    ("cryptography-scts-tbs-precert.der", NotX509, &[]),
    ("cryptography-scts.pem", Cert, &[TbsPrecert("cryptography-scts-tbs-precert.der")]),
    ("cryptography.io.chain.pem", Cert, &[Chain(2), Subject(CRYPTOGRAPHY_IO)]),
    ("cryptography.io.old_header.pem", Cert, &[Subject(CRYPTOGRAPHY_IO)]),
    ("cryptography.io.pem", Cert, &[Subject(CRYPTOGRAPHY_IO), KeyRsa(4096), Hash(RSA_SHA256), PrecertFails]),
    ("cryptography.io.with_garbage.pem", Cert, &[Subject(CRYPTOGRAPHY_IO)]),
    ("cryptography.io.with_headers.pem", Cert, &[Subject(CRYPTOGRAPHY_IO)]),
    ("custom/admissions_extension_authority_not_provided.pem", Cert, &[]),
    ("custom/admissions_extension_optional_data_not_provided.pem", Cert, &[]),
    ("custom/all_supported_names.pem", Cert, &[]),
    ("custom/alternate-rsa-sha1-oid.der", Cert, &[Hash(Some(Sha1))]),
    ("custom/bad_country.pem", Cert, &[]),
    ("custom/ca/rsa_ca.pem", Cert, &[SelfSigned(true)]),
    ("custom/ca/rsa_key.pem", Key, &[]),
    ("custom/ca/rsae_ca.pem", Cert, &[SelfSigned(true)]),
    ("custom/crl_all_reasons.pem", Crl, &[Fingerprint("191b3428bf9d0dafa4edd42bc98603e182614c57"), Hash(RSA_SHA256), Revoked(12), LastUpdate("2015-01-01T00:00:00"), NextUpdate(Some("2016-01-01T00:00:00"))]),
    ("custom/crl_almost_10k.pem", Crl, &[Revoked(9999)]),
    ("custom/crl_bad_version.pem", Crl, &[LoadFails(Value)]),
    ("custom/crl_delta_crl_indicator.pem", Crl, &[ExtCount(2)]),
    ("custom/crl_dup_entry_ext.pem", Crl, &[EntryExtFails(Value)]),
    ("custom/crl_empty.pem", Crl, &[Revoked(0), LastUpdate("2015-12-20T23:44:47"), NextUpdate(Some("2015-12-28T00:44:47"))]),
    ("custom/crl_empty_no_sequence.der", Crl, &[Revoked(0)]),
    ("custom/crl_ian_aia_aki.pem", Crl, &[ExtCount(4)]),
    ("custom/crl_inner_outer_mismatch.der", Crl, &[CrlSignedBy("custom/valid_signature_cert.pem", false)]),
    ("custom/crl_inval_cert_issuer_entry_ext.pem", Crl, &[EntryExtFails(Value)]),
    ("custom/crl_inval_date_fractional_seconds.der", Crl, &[]),
    ("custom/crl_invalid_time.der", Crl, &[LoadFails(Value)]),
    ("custom/crl_issuer_invalid_printable_string.der", Crl, &[]),
    ("custom/crl_md2_unknown_crit_entry_ext.pem", Crl, &[HashFails(Unsupported)]),
    ("custom/crl_no_next_update.pem", Crl, &[NextUpdate(None)]),
    ("custom/crl_unrecognized_extension.der", Crl, &[ExtCount(1)]),
    ("custom/crl_unsupported_reason.pem", Crl, &[EntryExtFails(Value)]),
    ("custom/dsa_null_alg_params.pem", Cert, &[KeyDsa]),
    ("custom/dsa_selfsigned_ca.pem", Cert, &[KeyDsa, SelfSigned(true)]),
    // pyca: `ValueError` (explicit curve parameters); backend-serialization types it
    // `Unsupported { EllipticCurve }`.
    ("custom/ec_no_named_curve.pem", Cert, &[KeyFails(Unsupported)]),
    ("custom/ecdsa_null_alg.pem", Cert, &[]),
    ("custom/empty-eku.pem", Cert, &[]),
    // The certificate is sound (`openssl verify` only finds it expired): its key checks the CRL.
    ("custom/invalid_signature_cert.pem", Cert, &[SelfSigned(true)]),
    ("custom/invalid_signature_crl.pem", Crl, &[CrlSignedBy("custom/valid_signature_cert.pem", false)]),
    ("custom/invalid_utf8_common_name.pem", Cert, &[SubjectFails(Value)]),
    ("custom/invalid_version.pem", Cert, &[LoadFails(Value)]),
    ("custom/long-form-name-attribute.pem", Cert, &[]),
    ("custom/mismatch_inner_outer_sig_algorithm.der", Cert, &[IssuedByFails]),
    ("custom/ms-certificate-template.pem", Cert, &[]),
    ("custom/name_attribute_unsupported_tag.pem", Cert, &[SubjectFails(Value)]),
    // -18008675309 (`openssl x509 -serial`: -04316693ED), two's complement.
    ("custom/negative_serial.pem", Cert, &[SerialHex("fbce996c13")]),
    ("custom/post2000utctime.pem", Cert, &[NotBefore("2014-11-26T21:41:20"), NotAfter("2014-12-26T21:41:20")]),
    ("custom/rsa_pss_cert.pem", Cert, &[Hash(RSA_SHA256), SelfSigned(true)]),
    ("custom/rsa_pss_cert_invalid_mgf.der", Cert, &[PssFails(Value)]),
    ("custom/rsa_pss_cert_no_sig_params.der", Cert, &[HashFails(Value), PssFails(Value)]),
    ("custom/rsa_pss_cert_unsupported_mgf_hash.der", Cert, &[PssFails(Unsupported)]),
    ("custom/rsa_pss_sha256_no_null.pem", Cert, &[Hash(RSA_SHA256)]),
    ("custom/two_basic_constraints.pem", Cert, &[ExtFails(Value)]),
    ("custom/unsupported_subject_public_key_info.pem", Cert, &[KeyFails(Unsupported)]),
    ("custom/utf8_common_name.pem", Cert, &[Subject("CN=We heart UTF8!\u{2122}")]),
    ("custom/valid_signature_cert.pem", Cert, &[SelfSigned(true)]),
    ("custom/valid_signature_crl.pem", Crl, &[CrlSignedBy("custom/valid_signature_cert.pem", true)]),
    ("e-trust.ru.der", Cert, &[]),
    ("ecdsa_root.pem", Cert, &[KeyEc, Hash(Some(Sha384)), SelfSigned(true)]),
    ("ed25519/root-ed25519.pem", Cert, &[Hash(None), NoFamily("Ed25519")]),
    ("ed448/root-ed448.pem", Cert, &[Hash(None), NoFamily("Ed448")]),
    ("ee-pss-sha1-cert.pem", Cert, &[Hash(Some(Sha1))]),
    ("requests/bad-version.pem", Csr, &[LoadFails(Value)]),
    ("requests/basic_constraints.pem", Csr, &[ExtCount(1)]),
    ("requests/challenge-invalid.der", Csr, &[AttributesFails(Value)]),
    ("requests/challenge-multi-valued.der", Csr, &[AttributesFails(Value)]),
    ("requests/challenge-unstructured.pem", Csr, &[Attributes(2)]),
    ("requests/challenge.pem", Csr, &[Attributes(1)]),
    ("requests/dsa_sha1.der", Csr, &[KeyDsa, Hash(Some(Sha1)), SelfSigned(true)]),
    ("requests/dsa_sha1.pem", Csr, &[KeyDsa, Hash(Some(Sha1)), SelfSigned(true)]),
    ("requests/ec_sha256.der", Csr, &[KeyEc, Hash(RSA_SHA256), SelfSigned(true)]),
    ("requests/ec_sha256.pem", Csr, &[KeyEc, Hash(RSA_SHA256), SelfSigned(true)]),
    ("requests/ec_sha256_old_header.pem", Csr, &[KeyEc, Hash(RSA_SHA256)]),
    ("requests/freeipa-bad-critical.pem", Csr, &[ExtFails(Value)]),
    ("requests/invalid_signature.pem", Csr, &[SelfSigned(false)]),
    ("requests/long-form-attribute.pem", Csr, &[]),
    ("requests/rsa_md4.pem", Csr, &[HashFails(Unsupported)]),
    ("requests/rsa_sha1.der", Csr, &[KeyRsa(2048), Hash(Some(Sha1)), SelfSigned(true), Subject("CN=cryptography.io,O=PyCA,L=Austin,ST=Texas,C=US")]),
    ("requests/rsa_sha1.pem", Csr, &[KeyRsa(2048), Hash(Some(Sha1)), SelfSigned(true), Subject("CN=cryptography.io,O=PyCA,L=Austin,ST=Texas,C=US")]),
    ("requests/rsa_sha256.pem", Csr, &[KeyRsa(2048), Hash(RSA_SHA256), SelfSigned(true)]),
    ("requests/san_rsa_sha1.pem", Csr, &[ExtCount(1)]),
    ("requests/two_basic_constraints.pem", Csr, &[ExtFails(Value)]),
    ("requests/unsupported_extension.pem", Csr, &[ExtCount(1)]),
    ("requests/unsupported_extension_critical.pem", Csr, &[ExtCount(1)]),
    ("requests/zero-element-attribute.pem", Csr, &[AttributesFails(Value)]),
    ("scottishpower-bitstring-dn.pem", Cert, &[]),
    ("tls-feature-ocsp-staple.pem", Cert, &[]),
    ("utf8-dnsname.pem", Cert, &[]),
    ("v1_cert.pem", Cert, &[Version(Version::V1)]),
    ("verisign_md2_root.pem", Cert, &[HashFails(Unsupported)]),
];

fn error_is(e: &Error, want: E) -> bool {
    match want {
        Value => matches!(
            e,
            Error::Malformed(_) | Error::InvalidArgument(_) | Error::InvalidKey(_)
        ),
        Unsupported => matches!(e, Error::Unsupported { .. }),
    }
}

fn check_err<T: std::fmt::Debug>(
    t: &mut Tally,
    rel: &str,
    what: &str,
    got: backend::Result<T>,
    want: E,
) {
    match got {
        Err(e) => t.check(error_is(&e, want), || {
            format!("{rel}: {what}: expected {want:?}, got {e:?}")
        }),
        Ok(v) => t.fail(format!("{rel}: {what}: expected {want:?}, got Ok({v:?})")),
    }
}

/// A key family or size the provider under test does not offer (ring: no DSA, RSA 2048-4096
/// only): a skip with the reason, except for the RustCrypto provider, which must do everything.
fn provider_lacks(ctx: &Ctx, t: &mut Tally, got: &backend::Result<impl Sized>) -> bool {
    match got {
        Err(Error::Unsupported {
            reason: backend::Reason::PublicKeyAlgorithm,
            name,
        }) if ctx.provider.name != "rustcrypto" => {
            t.skip(
                format!("provider {} has no {name} keys", ctx.provider.name),
                1,
            );
            true
        }
        _ => false,
    }
}

fn key_is(t: &mut Tally, rel: &str, key: backend::Result<backend::keys::PublicKey<'static>>, c: C) {
    let ok = match (c, &key) {
        (KeyRsa(bits), Ok(k)) => k.as_rsa().is_some() && k.key_size() == bits,
        (KeyEc, Ok(k)) => k.as_ec().is_some(),
        (KeyDsa, Ok(k)) => k.as_dsa().is_some(),
        (KeyFails(want), Err(e)) => error_is(e, want),
        _ => false,
    };
    t.check(ok, || {
        format!(
            "{rel}: public key: got {:?}",
            key.as_ref().map(|k| k.key_size())
        )
    });
}

fn read(ctx: &Ctx, rel: &str) -> Vec<u8> {
    std::fs::read(ctx.corpus.root().join("x509").join(rel)).unwrap_or_default()
}

fn load_cert<'p>(
    p: &'p backend::Provider<'static>,
    rel: &str,
    data: &[u8],
) -> backend::Result<Certificate<'p>> {
    if rel.ends_with(".pem") {
        p.load_pem_x509_certificate(data)
    } else {
        p.load_der_x509_certificate(data)
    }
}

fn der_of(rel: &str, data: &[u8], label: &str) -> Vec<u8> {
    if !rel.ends_with(".pem") {
        return data.to_vec();
    }
    // The first block's DER, decoded independently of the crate (base64 through the hex crate's
    // neighbour: a plain decoder here).
    let text = String::from_utf8_lossy(data);
    let begin = format!("-----BEGIN {label}-----");
    let Some(start) = text.find(&begin) else {
        return Vec::new();
    };
    let body = &text[start + begin.len()..];
    let Some(end) = body.find("-----END") else {
        return Vec::new();
    };
    let b64: String = body[..end]
        .lines()
        .filter(|l| !l.contains(':'))
        .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
        .collect();
    base64_decode(&b64)
}

fn base64_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let mut t = Tally::new("x509", "pyca");
    let p = &ctx.provider;
    let mut seen = std::collections::BTreeSet::new();
    for (rel, _) in ctx.corpus.files("x509") {
        let Some(rel) = rel.strip_prefix("x509/") else {
            continue;
        };
        seen.insert(rel.to_string());
        t.files += 1;
        let Some(&(_, kind, checks)) = ROWS.iter().find(|r| r.0 == rel) else {
            t.fail(format!("{rel}: no expected outcome for this file"));
            continue;
        };
        let data = read(ctx, rel);
        let load_fails = checks.iter().find_map(|c| match c {
            LoadFails(e) => Some(*e),
            _ => None,
        });
        match kind {
            Key => {
                let key = p.load_pem_private_key(&data, None);
                t.check(key.is_ok(), || format!("{rel}: key does not load"));
                t.check(p.load_pem_x509_certificate(&data).is_err(), || {
                    format!("{rel}: a key loaded as a certificate")
                });
            }
            NotX509 => {
                t.check(p.load_der_x509_certificate(&data).is_err(), || {
                    format!("{rel}: a TBS loaded as a certificate")
                });
            }
            Cert => cert(ctx, &mut t, rel, &data, checks, load_fails),
            Csr => {
                let csr = if rel.ends_with(".pem") {
                    p.load_pem_x509_csr(&data)
                } else {
                    p.load_der_x509_csr(&data)
                };
                let csr = match (csr, load_fails) {
                    (Err(e), Some(want)) => {
                        t.check(error_is(&e, want), || {
                            format!("{rel}: load: expected {want:?}, got {e:?}")
                        });
                        continue;
                    }
                    (Ok(_), Some(want)) => {
                        t.fail(format!("{rel}: loaded; pyca fails with {want:?}"));
                        continue;
                    }
                    (Err(e), None) => {
                        t.fail(format!("{rel}: does not load: {e:?}"));
                        continue;
                    }
                    (Ok(c), None) => c,
                };
                let label = if data.windows(3).any(|w| w == b"NEW") {
                    "NEW CERTIFICATE REQUEST"
                } else {
                    "CERTIFICATE REQUEST"
                };
                t.check(
                    csr.public_bytes(Encoding::Der) == der_of(rel, &data, label),
                    || format!("{rel}: public_bytes(DER) differs from the file"),
                );
                for &c in checks {
                    match c {
                        KeyRsa(_) | KeyEc | KeyDsa | KeyFails(_) => {
                            let key = csr.public_key();
                            if matches!(c, KeyFails(_)) || !provider_lacks(ctx, &mut t, &key) {
                                key_is(&mut t, rel, key, c)
                            }
                        }
                        Hash(h) => t.check(csr.signature_hash_algorithm() == Ok(h), || {
                            format!("{rel}: hash {:?}", csr.signature_hash_algorithm())
                        }),
                        HashFails(e) => check_err(
                            &mut t,
                            rel,
                            "signature_hash_algorithm",
                            csr.signature_hash_algorithm(),
                            e,
                        ),
                        SelfSigned(v) => {
                            let got = csr.is_signature_valid();
                            if !provider_lacks(ctx, &mut t, &got) {
                                t.check(got == Ok(v), || {
                                    format!("{rel}: is_signature_valid {got:?}")
                                })
                            }
                        }
                        Subject(s) => t.check(
                            csr.subject().map(|n| n.rfc4514_string()).as_deref() == Ok(s),
                            || {
                                format!(
                                    "{rel}: subject {:?}",
                                    csr.subject().map(|n| n.rfc4514_string())
                                )
                            },
                        ),
                        ExtCount(n) => t.check(csr.extensions().map(|e| e.len()) == Ok(n), || {
                            format!("{rel}: extensions {:?}", csr.extensions().map(|e| e.len()))
                        }),
                        ExtFails(e) => check_err(&mut t, rel, "extensions", csr.extensions(), e),
                        Attributes(n) => t
                            .check(csr.attributes().map(|a| a.len()) == Ok(n), || {
                                format!("{rel}: attributes {:?}", csr.attributes())
                            }),
                        AttributesFails(e) => {
                            check_err(&mut t, rel, "attributes", csr.attributes(), e)
                        }
                        _ => t.fail(format!("{rel}: check not applicable to a CSR")),
                    }
                }
            }
            Crl => {
                let crl = if rel.ends_with(".pem") {
                    p.load_pem_x509_crl(&data)
                } else {
                    p.load_der_x509_crl(&data)
                };
                let crl = match (crl, load_fails) {
                    (Err(e), Some(want)) => {
                        t.check(error_is(&e, want), || {
                            format!("{rel}: load: expected {want:?}, got {e:?}")
                        });
                        continue;
                    }
                    (Ok(_), Some(want)) => {
                        t.fail(format!("{rel}: loaded; pyca fails with {want:?}"));
                        continue;
                    }
                    (Err(e), None) => {
                        t.fail(format!("{rel}: does not load: {e:?}"));
                        continue;
                    }
                    (Ok(c), None) => c,
                };
                t.check(
                    crl.public_bytes(Encoding::Der) == der_of(rel, &data, "X509 CRL"),
                    || format!("{rel}: public_bytes(DER) differs from the file"),
                );
                if rel.ends_with(".pem") {
                    // pyca's test_public_bytes_match: PEM out equals the file.
                    let again = p.load_pem_x509_crl(&crl.public_bytes(Encoding::Pem));
                    t.check(
                        again.is_ok_and(|c| {
                            c.public_bytes(Encoding::Der) == crl.public_bytes(Encoding::Der)
                        }),
                        || format!("{rel}: PEM round trip"),
                    );
                }
                for &c in checks {
                    match c {
                        Fingerprint(hex) => t.check(
                            crl.fingerprint(Sha1).map(hex::encode).as_deref() == Ok(hex),
                            || format!("{rel}: fingerprint"),
                        ),
                        Hash(h) => t.check(crl.signature_hash_algorithm() == Ok(h), || {
                            format!("{rel}: hash {:?}", crl.signature_hash_algorithm())
                        }),
                        HashFails(e) => check_err(
                            &mut t,
                            rel,
                            "signature_hash_algorithm",
                            crl.signature_hash_algorithm(),
                            e,
                        ),
                        Issuer(s) => t.check(
                            crl.issuer().map(|n| n.rfc4514_string()).as_deref() == Ok(s),
                            || {
                                format!(
                                    "{rel}: issuer {:?}",
                                    crl.issuer().map(|n| n.rfc4514_string())
                                )
                            },
                        ),
                        Revoked(n) => {
                            t.check(crl.revoked().len() == n, || {
                                format!("{rel}: {} revoked", crl.revoked().len())
                            });
                            // pyca: entry i has serial i (crl_all_reasons) / lookup by serial.
                            if let Some(last) = crl.revoked().last() {
                                let found = crl.get_revoked_certificate_by_serial_number(
                                    last.serial_number().as_bytes(),
                                );
                                t.check(found.is_some(), || format!("{rel}: lookup by serial"));
                            }
                            if n == 12 {
                                let ok = crl.revoked().iter().enumerate().all(|(i, r)| {
                                    let want: Vec<u8> =
                                        if i == 0 { vec![0] } else { vec![i as u8] };
                                    r.serial_number().as_bytes() == want
                                        && r.revocation_date().to_string() == "2015-01-01T00:00:00"
                                        && r.extensions().is_ok()
                                });
                                t.check(ok, || format!("{rel}: entries differ from pyca's test"));
                            }
                        }
                        LastUpdate(s) => t.check(crl.last_update().to_string() == s, || {
                            format!("{rel}: last_update {}", crl.last_update())
                        }),
                        NextUpdate(s) => t.check(
                            crl.next_update().map(|x| x.to_string()).as_deref() == s,
                            || format!("{rel}: next_update {:?}", crl.next_update()),
                        ),
                        ExtCount(n) => t.check(crl.extensions().map(|e| e.len()) == Ok(n), || {
                            format!("{rel}: extensions {:?}", crl.extensions().map(|e| e.len()))
                        }),
                        EntryExtFails(e) => match crl.revoked().first() {
                            Some(r) => {
                                check_err(&mut t, rel, "revoked[0].extensions", r.extensions(), e)
                            }
                            None => t.fail(format!("{rel}: no entry")),
                        },
                        CrlSignedBy(cert_rel, v) => {
                            let cd = read(ctx, cert_rel);
                            let got = load_cert(p, cert_rel, &cd)
                                .and_then(|c| c.public_key())
                                .and_then(|k| crl.is_signature_valid(&k));
                            t.check(got == Ok(v), || {
                                format!("{rel}: is_signature_valid {got:?}")
                            });
                        }
                        _ => t.fail(format!("{rel}: check not applicable to a CRL")),
                    }
                }
            }
        }
    }
    for (rel, ..) in ROWS {
        if !seen.contains(*rel) {
            t.fail(format!("{rel}: listed but not in the corpus (manifest)"));
        }
    }
    vec![t, mutation(ctx)]
}

/// Every accessor of whatever `der` loads as (certificate, CSR, CRL); the results are dropped:
/// what matters is that nothing panics.
fn exercise(p: &backend::Provider<'static>, der: &[u8]) {
    if let Ok(c) = p.load_der_x509_certificate(der) {
        let _ = (
            c.version(),
            c.serial_number(),
            c.not_valid_before(),
            c.not_valid_after(),
        );
        let _ = (c.issuer(), c.subject(), c.public_key(), c.extensions());
        let _ = (c.signature_algorithm_oid(), c.signature_hash_algorithm());
        let _ = (c.signature_algorithm_parameters(), c.signature());
        let _ = c.subject().map(|n| n.rfc4514_string());
        let _ = c.verify_directly_issued_by(&c);
        let _ = c.tbs_precertificate_bytes();
    }
    if let Ok(c) = p.load_der_x509_csr(der) {
        let _ = (c.subject(), c.public_key(), c.attributes(), c.extensions());
        let _ = (c.signature_hash_algorithm(), c.is_signature_valid());
    }
    if let Ok(c) = p.load_der_x509_crl(der) {
        let _ = (c.issuer(), c.extensions(), c.signature_hash_algorithm());
        for r in c.revoked() {
            let _ = (r.extensions(), r.reason());
        }
    }
}

/// Bad input: every certificate, CSR and CRL file of the table with each byte flipped (all bits)
/// and each truncation, through every loader and accessor: typed errors or a different valid
/// object, never a panic. Files over 4 KiB are flipped at a sample of 512 positions (every
/// truncation still runs); `crl_almost_10k.pem` is truncated at a sample too.
fn mutation(ctx: &Ctx) -> Tally {
    let mut t = Tally::new("x509", "mutation");
    let p = &ctx.provider;
    for &(rel, kind, checks) in ROWS {
        if !matches!(kind, Cert | Csr | Crl) || checks.iter().any(|c| matches!(c, LoadFails(_))) {
            continue;
        }
        let data = read(ctx, rel);
        let label = match kind {
            Cert if data.windows(6).any(|w| w == b"X509 C") => "X509 CERTIFICATE",
            Cert => "CERTIFICATE",
            Csr if data.windows(3).any(|w| w == b"NEW") => "NEW CERTIFICATE REQUEST",
            Csr => "CERTIFICATE REQUEST",
            _ => "X509 CRL",
        };
        let der = der_of(rel, &data, label);
        t.files += 1;
        let step = (der.len() / 512).max(1);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut cases = 0usize;
            let mut copy = der.clone();
            for i in (0..der.len()).step_by(if der.len() > 4096 { step } else { 1 }) {
                copy[i] ^= 0xff;
                exercise(p, &copy);
                copy[i] ^= 0xff;
                cases += 1;
            }
            let cut = if der.len() > 65536 { step } else { 1 };
            for n in (0..der.len()).step_by(cut) {
                exercise(p, &der[..n]);
                cases += 1;
            }
            cases
        }));
        match result {
            Ok(cases) => {
                for _ in 0..cases {
                    t.pass();
                }
            }
            Err(_) => t.fail(format!("{rel}: a mutated or truncated copy panicked")),
        }
    }
    t
}

fn cert(ctx: &Ctx, t: &mut Tally, rel: &str, data: &[u8], checks: &[C], load_fails: Option<E>) {
    let p = &ctx.provider;
    let c = match (load_cert(p, rel, data), load_fails) {
        (Err(e), Some(want)) => {
            return t.check(error_is(&e, want), || {
                format!("{rel}: load: expected {want:?}, got {e:?}")
            });
        }
        (Ok(_), Some(want)) => return t.fail(format!("{rel}: loaded; pyca fails with {want:?}")),
        (Err(e), None) => return t.fail(format!("{rel}: does not load: {e:?}")),
        (Ok(c), None) => c,
    };
    let label = if data.windows(6).any(|w| w == b"X509 C") {
        "X509 CERTIFICATE"
    } else {
        "CERTIFICATE"
    };
    t.check(
        c.public_bytes(Encoding::Der) == der_of(rel, data, label),
        || format!("{rel}: public_bytes(DER) differs from the file"),
    );
    let again = p.load_pem_x509_certificate(&c.public_bytes(Encoding::Pem));
    t.check(again.is_ok_and(|a| a == c), || {
        format!("{rel}: PEM round trip")
    });
    t.check(
        c.signature_algorithm_oid().is_ok() && c.signature().is_ok(),
        || format!("{rel}: signature algorithm / signature"),
    );
    for &k in checks {
        match k {
            Version(v) => t.check(c.version() == v, || {
                format!("{rel}: version {:?}", c.version())
            }),
            SerialHex(h) => t.check(hex::encode(c.serial_number().as_bytes()) == h, || {
                format!(
                    "{rel}: serial {}",
                    hex::encode(c.serial_number().as_bytes())
                )
            }),
            NotBefore(s) => t.check(c.not_valid_before().to_string() == s, || {
                format!("{rel}: not_before {}", c.not_valid_before())
            }),
            NotAfter(s) => t.check(c.not_valid_after().to_string() == s, || {
                format!("{rel}: not_after {}", c.not_valid_after())
            }),
            Subject(s) => t.check(
                c.subject().map(|n| n.rfc4514_string()).as_deref() == Ok(s),
                || {
                    format!(
                        "{rel}: subject {:?}",
                        c.subject().map(|n| n.rfc4514_string())
                    )
                },
            ),
            SubjectFails(e) => check_err(t, rel, "subject", c.subject(), e),
            Issuer(s) => t.check(
                c.issuer().map(|n| n.rfc4514_string()).as_deref() == Ok(s),
                || format!("{rel}: issuer"),
            ),
            NoFamily(name) => match c.public_key() {
                Err(Error::Unsupported { .. }) => t.skip(
                    format!("{name} public key: no {name} family in this build"),
                    1,
                ),
                other => t.fail(format!(
                    "{rel}: public key: expected Unsupported, got {:?}",
                    other.map(|k| k.key_size())
                )),
            },
            KeyRsa(_) | KeyEc | KeyDsa | KeyFails(_) => {
                let key = c.public_key();
                if matches!(k, KeyFails(_)) || !provider_lacks(ctx, t, &key) {
                    key_is(t, rel, key, k)
                }
            }
            Hash(h) => t.check(c.signature_hash_algorithm() == Ok(h), || {
                format!("{rel}: hash {:?}", c.signature_hash_algorithm())
            }),
            HashFails(e) => check_err(
                t,
                rel,
                "signature_hash_algorithm",
                c.signature_hash_algorithm(),
                e,
            ),
            PssFails(e) => check_err(
                t,
                rel,
                "signature_algorithm_parameters",
                c.signature_algorithm_parameters(),
                e,
            ),
            ExtCount(n) => t.check(c.extensions().map(|e| e.len()) == Ok(n), || {
                format!("{rel}: extensions")
            }),
            ExtFails(e) => check_err(t, rel, "extensions", c.extensions(), e),
            SelfSigned(v) => {
                let got = c.verify_directly_issued_by(&c);
                if provider_lacks(ctx, t, &got) {
                    continue;
                }
                let ok = if v {
                    got.is_ok()
                } else {
                    got == Err(Error::InvalidSignature)
                };
                t.check(ok, || {
                    format!("{rel}: verify_directly_issued_by(self) {got:?}")
                });
            }
            IssuedByFails => {
                let got = c.verify_directly_issued_by(&c);
                t.check(matches!(got, Err(Error::InvalidArgument(_))), || {
                    format!("{rel}: verify_directly_issued_by {got:?}")
                });
            }
            IssuedBy(issuer_rel) => {
                let d = read(ctx, issuer_rel);
                let got =
                    load_cert(p, issuer_rel, &d).and_then(|i| c.verify_directly_issued_by(&i));
                if provider_lacks(ctx, t, &got) {
                    continue;
                }
                t.check(got.is_ok(), || {
                    format!("{rel}: verify_directly_issued_by({issuer_rel}) {got:?}")
                });
            }
            PrecertFails => check_err(
                t,
                rel,
                "tbs_precertificate_bytes",
                c.tbs_precertificate_bytes(),
                Value,
            ),
            TbsPrecert(file) => {
                let want = read(ctx, file);
                let got = c.tbs_precertificate_bytes();
                t.check(got.as_deref() == Ok(&want[..]), || {
                    format!("{rel}: tbs_precertificate_bytes differs from {file}")
                });
            }
            Chain(n) => {
                let all = p.load_pem_x509_certificates(data);
                t.check(all.as_ref().map(|v| v.len()).ok() == Some(n), || {
                    format!("{rel}: chain {:?}", all.as_ref().map(|v| v.len()))
                });
            }
            _ => t.fail(format!("{rel}: check not applicable to a certificate")),
        }
    }
}
