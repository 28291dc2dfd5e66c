//! Writing keys: `private_bytes(encoding, format, encryption)` and
//! `public_bytes(encoding, format)`.

use crate::{
    Encoding, KeySerializationEncryption, PrivateFormat, PublicFormat, oid, pbe, pem, traditional,
};
use alloc::vec::Vec;
use backend_core::rng::RandomSource;
use backend_core::{Error, Reason, Result};
use backend_keys::{PrivateKey, PrivateKeyEncoder, PrivateNumbers, PublicKey};
use core::cell::RefCell;
use der::Encode;
use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier, OctetStringRef};
use spki::AlgorithmIdentifierRef;
use zeroize::Zeroizing;

/// PBKDF2-HMAC-SHA256 iterations of [`KeySerializationEncryption::BestAvailableEncryption`] in
/// PKCS#8: OWASP's 2023 recommendation for that PRF. Loading such a key costs about as much as
/// these iterations (tens to hundreds of milliseconds); OpenSSL's own default is 2,048.
pub const BEST_AVAILABLE_PBKDF2_ITERATIONS: u32 = 600_000;

fn encoding_failed(_: der::Error) -> Error {
    Error::InvalidArgument("key encoding failed: a number is out of range for DER")
}

/// The [`PrivateKeyEncoder`] of this crate: an encoding, a format and an encryption, and the
/// generator the encryption's salt and IV come from.
pub struct KeyEncoder<'a> {
    encoding: Encoding,
    format: PrivateFormat,
    encryption: KeySerializationEncryption<'a>,
    rng: RefCell<&'a mut dyn RandomSource>,
}

impl<'a> KeyEncoder<'a> {
    /// An encoder; the combinations pyca refuses are refused here, before any key is touched:
    /// an empty password for `BestAvailableEncryption`, and DER traditional keys with encryption
    /// (only PEM has the `DEK-Info` header).
    pub fn new(
        encoding: Encoding,
        format: PrivateFormat,
        encryption: KeySerializationEncryption<'a>,
        rng: &'a mut dyn RandomSource,
    ) -> Result<Self> {
        if let KeySerializationEncryption::BestAvailableEncryption(password) = encryption {
            if password.is_empty() {
                return Err(Error::InvalidArgument(
                    "BestAvailableEncryption needs a non-empty password",
                ));
            }
            if format == PrivateFormat::TraditionalOpenSsl && encoding == Encoding::Der {
                return Err(Error::InvalidArgument(
                    "traditional OpenSSL keys are encrypted only in PEM",
                ));
            }
        }
        Ok(KeyEncoder {
            encoding,
            format,
            encryption,
            rng: RefCell::new(rng),
        })
    }

    fn random<const N: usize>(&self) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        self.rng
            .try_borrow_mut()
            .map_err(|_| Error::InvalidArgument("KeyEncoder used re-entrantly"))?
            .try_fill(&mut out)?;
        Ok(out)
    }
}

impl PrivateKeyEncoder for KeyEncoder<'_> {
    fn encode(&self, numbers: PrivateNumbers<'_>) -> Result<Zeroizing<Vec<u8>>> {
        let parts = private_parts(numbers, self.format)?;
        let Parts {
            traditional,
            label,
            algorithm: (algorithm_oid, algorithm_params),
            pkcs8_key,
        } = parts;
        match self.format {
            PrivateFormat::TraditionalOpenSsl => {
                let traditional_der = traditional.ok_or(Error::InvalidArgument(
                    "this key type has no traditional OpenSSL format (use PKCS8)",
                ))?;
                match (self.encoding, self.encryption) {
                    (Encoding::Der, _) => Ok(traditional_der),
                    (Encoding::Pem, KeySerializationEncryption::NoEncryption) => {
                        Ok(pem::encode(label, &[], &traditional_der))
                    }
                    (
                        Encoding::Pem,
                        KeySerializationEncryption::BestAvailableEncryption(password),
                    ) => {
                        let iv: [u8; 16] = self.random()?;
                        let (dek_info, key) = traditional::aes256_header_and_key(password, &iv)?;
                        let ciphertext =
                            crate::crypt::aes_cbc_encrypt(&key, &iv, &traditional_der)?;
                        Ok(pem::encode(
                            label,
                            &[("Proc-Type", "4,ENCRYPTED"), ("DEK-Info", &dek_info)],
                            &ciphertext,
                        ))
                    }
                }
            }
            PrivateFormat::Pkcs8 => {
                let info =
                    private_key_info_der(algorithm_oid, algorithm_params.as_deref(), &pkcs8_key)?;
                match self.encryption {
                    KeySerializationEncryption::NoEncryption => {
                        Ok(armour(self.encoding, "PRIVATE KEY", info))
                    }
                    KeySerializationEncryption::BestAvailableEncryption(password) => {
                        let salt: [u8; 16] = self.random()?;
                        let iv: [u8; 16] = self.random()?;
                        let encrypted = pbe::encrypt(
                            &info,
                            password,
                            BEST_AVAILABLE_PBKDF2_ITERATIONS,
                            &salt,
                            &iv,
                        )?;
                        Ok(armour(
                            self.encoding,
                            "ENCRYPTED PRIVATE KEY",
                            Zeroizing::new(encrypted),
                        ))
                    }
                }
            }
        }
    }
}

/// What a private key is written from: its traditional structure (if it has one) and PEM label,
/// its PKCS#8 algorithm (OID, parameters DER; `None` is NULL) and PKCS#8 private-key contents.
struct Parts {
    traditional: Option<Zeroizing<Vec<u8>>>,
    label: &'static str,
    algorithm: (ObjectIdentifier, Option<Vec<u8>>),
    pkcs8_key: Zeroizing<Vec<u8>>,
}

fn private_parts(numbers: PrivateNumbers<'_>, format: PrivateFormat) -> Result<Parts> {
    Ok(match numbers {
        #[cfg(feature = "rsa")]
        PrivateNumbers::Rsa(n) => {
            let der = rsa_private_der(n)?;
            Parts {
                traditional: Some(der.clone()),
                label: "RSA PRIVATE KEY",
                algorithm: (oid::RSA_ENCRYPTION, None),
                pkcs8_key: der,
            }
        }
        #[cfg(feature = "ec")]
        PrivateNumbers::Ec(n) => Parts {
            traditional: Some(ec_private_der(n, true)?),
            label: "EC PRIVATE KEY",
            algorithm: (
                oid::EC_PUBLIC_KEY,
                Some(
                    oid::curve_oid(n.public_numbers.curve)
                        .to_der()
                        .map_err(encoding_failed)?,
                ),
            ),
            pkcs8_key: ec_private_der(n, format == PrivateFormat::TraditionalOpenSsl)?,
        },
        #[cfg(feature = "dsa")]
        PrivateNumbers::Dsa(n) => {
            let g = &n.public_numbers.parameter_numbers;
            Parts {
                traditional: Some(crate::ffc::traditional_dsa_der(
                    &g.p,
                    &g.q,
                    &g.g,
                    &n.public_numbers.y,
                    &n.x,
                )?),
                label: "DSA PRIVATE KEY",
                algorithm: (oid::DSA, Some(crate::ffc::dss_parms_der(&g.p, &g.q, &g.g)?)),
                pkcs8_key: crate::ffc::integer_der(&n.x)?,
            }
        }
        #[cfg(feature = "dh")]
        PrivateNumbers::Dh(n) => {
            let g = &n.public_numbers.parameter_numbers;
            let (o, params) = crate::ffc::dh_parameters_der(&g.p, &g.g, g.q.as_deref())?;
            Parts {
                traditional: None,
                label: "",
                algorithm: (o, Some(params)),
                pkcs8_key: crate::ffc::integer_der(&n.x)?,
            }
        }
        #[allow(unreachable_patterns)]
        _ => {
            let _ = format;
            return Err(Error::unsupported(
                Reason::Serialization,
                "private keys of this family",
            ));
        }
    })
}

fn armour(encoding: Encoding, label: &str, der: Zeroizing<Vec<u8>>) -> Zeroizing<Vec<u8>> {
    match encoding {
        Encoding::Der => der,
        Encoding::Pem => pem::encode(label, &[], &der),
    }
}

/// `private_bytes(encoding, format, encryption)` of any key, salt and IV from the OS generator.
/// [`Error::KeyNotExportable`] for a key held in a device.
#[cfg(feature = "getrandom")]
pub fn private_bytes(
    key: &PrivateKey,
    encoding: Encoding,
    format: PrivateFormat,
    encryption: &KeySerializationEncryption<'_>,
) -> Result<Zeroizing<Vec<u8>>> {
    private_bytes_with_rng(
        &mut backend_core::rng::OsRandom,
        key,
        encoding,
        format,
        encryption,
    )
}

/// [`private_bytes`] with the encryption's salt and IV from `rng`.
pub fn private_bytes_with_rng(
    rng: &mut dyn RandomSource,
    key: &PrivateKey,
    encoding: Encoding,
    format: PrivateFormat,
    encryption: &KeySerializationEncryption<'_>,
) -> Result<Zeroizing<Vec<u8>>> {
    let encoder = KeyEncoder::new(encoding, format, *encryption, rng)?;
    key.private_bytes(&encoder)
}

/// `public_bytes(encoding, format)` of any public key: SPKI for every key, PKCS#1 for RSA
/// ([`Error::InvalidArgument`] for PKCS#1 of another key type).
pub fn public_bytes(
    key: &PublicKey<'_>,
    encoding: Encoding,
    format: PublicFormat,
) -> Result<Vec<u8>> {
    let (oid, params, key_der, pkcs1) = match *key {
        #[cfg(feature = "rsa")]
        PublicKey::Rsa(ref k) => {
            let n = k.public_numbers();
            let der = pkcs1::RsaPublicKey {
                modulus: der::asn1::UintRef::new(&n.n).map_err(encoding_failed)?,
                public_exponent: der::asn1::UintRef::new(&n.e).map_err(encoding_failed)?,
            }
            .to_der()
            .map_err(encoding_failed)?;
            (oid::RSA_ENCRYPTION, None::<Vec<u8>>, der, true)
        }
        #[cfg(feature = "dsa")]
        PublicKey::Dsa(ref k) => {
            let n = k.public_numbers();
            let g = &n.parameter_numbers;
            (
                oid::DSA,
                Some(crate::ffc::dss_parms_der(&g.p, &g.q, &g.g)?),
                crate::ffc::integer_der(&n.y)?.to_vec(),
                false,
            )
        }
        #[cfg(feature = "dh")]
        PublicKey::Dh(ref k) => {
            let n = k.public_numbers();
            let g = &n.parameter_numbers;
            let (o, params) = crate::ffc::dh_parameters_der(&g.p, &g.g, g.q.as_deref())?;
            (
                o,
                Some(params),
                crate::ffc::integer_der(&n.y)?.to_vec(),
                false,
            )
        }
        #[cfg(feature = "ec")]
        PublicKey::Ec(ref k) => {
            let point = k.encoded_point(backend_ec::PointFormat::Uncompressed)?;
            (
                oid::EC_PUBLIC_KEY,
                Some(
                    oid::curve_oid(k.curve())
                        .to_der()
                        .map_err(encoding_failed)?,
                ),
                point.as_slice().to_vec(),
                false,
            )
        }
        #[allow(unreachable_patterns)]
        _ => {
            return Err(Error::unsupported(
                Reason::Serialization,
                "public keys of this family",
            ));
        }
    };
    let (der, label) = match format {
        PublicFormat::Pkcs1 if pkcs1 => (key_der, "RSA PUBLIC KEY"),
        PublicFormat::Pkcs1 => {
            return Err(Error::InvalidArgument(
                "PKCS#1 is a format for RSA keys only",
            ));
        }
        PublicFormat::SubjectPublicKeyInfo => {
            let algorithm = algorithm(oid, params.as_deref())?;
            let spki = spki::SubjectPublicKeyInfoRef {
                algorithm,
                subject_public_key: BitStringRef::from_bytes(&key_der).map_err(encoding_failed)?,
            };
            (spki.to_der().map_err(encoding_failed)?, "PUBLIC KEY")
        }
    };
    Ok(match encoding {
        Encoding::Der => der,
        Encoding::Pem => pem::encode(label, &[], &der).to_vec(),
    })
}

fn algorithm<'a>(
    o: ObjectIdentifier,
    params: Option<&'a [u8]>,
) -> Result<AlgorithmIdentifierRef<'a>> {
    let parameters = match params {
        Some(der) => {
            use der::Decode;
            AnyRef::from_der(der).map_err(encoding_failed)?
        }
        None => AnyRef::NULL,
    };
    Ok(AlgorithmIdentifierRef {
        oid: o,
        parameters: Some(parameters),
    })
}

fn private_key_info_der(
    o: ObjectIdentifier,
    params: Option<&[u8]>,
    key_der: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let info = pkcs8::PrivateKeyInfoRef::new(
        algorithm(o, params)?,
        OctetStringRef::new(key_der).map_err(encoding_failed)?,
    );
    Ok(Zeroizing::new(info.to_der().map_err(encoding_failed)?))
}

#[cfg(feature = "rsa")]
fn rsa_private_der(n: &backend_rsa::RsaPrivateNumbers) -> Result<Zeroizing<Vec<u8>>> {
    fn u(bytes: &[u8]) -> Result<der::asn1::UintRef<'_>> {
        der::asn1::UintRef::new(bytes).map_err(encoding_failed)
    }
    let key = pkcs1::RsaPrivateKeyRef {
        modulus: u(&n.public_numbers.n)?,
        public_exponent: u(&n.public_numbers.e)?,
        private_exponent: u(&n.d)?,
        prime1: u(&n.p)?,
        prime2: u(&n.q)?,
        exponent1: u(&n.dmp1)?,
        exponent2: u(&n.dmq1)?,
        coefficient: u(&n.iqmp)?,
        other_prime_infos: None,
    };
    Ok(Zeroizing::new(key.to_der().map_err(encoding_failed)?))
}

/// SEC 1 `ECPrivateKey`; the curve inside only for the traditional form (PKCS#8 names it
/// outside, as OpenSSL writes it).
#[cfg(feature = "ec")]
fn ec_private_der(
    n: &backend_ec::EcPrivateNumbers,
    with_curve: bool,
) -> Result<Zeroizing<Vec<u8>>> {
    let curve = n.public_numbers.curve;
    let d = n
        .private_value
        .to_be_bytes(curve.field_len())
        .ok_or(Error::InvalidKey("private value wider than the curve"))?;
    let point = n
        .public_numbers
        .encoded_point(backend_ec::PointFormat::Uncompressed)?;
    let key = sec1::EcPrivateKey {
        private_key: d,
        parameters: with_curve.then(|| sec1::EcParameters::NamedCurve(oid::curve_oid(curve))),
        public_key: Some(point.as_slice()),
    };
    Ok(Zeroizing::new(key.to_der().map_err(encoding_failed)?))
}

/// `parameter_bytes(encoding, format)` (pyca's `DHParameters.parameter_bytes` with
/// `ParameterFormat.PKCS3`, and the same for the other families): DH parameters as PKCS#3
/// `DH PARAMETERS`, or X9.42 `X9.42 DH PARAMETERS` when they have `q`; DSA parameters as
/// `DSA PARAMETERS` (`Dss-Parms`); EC parameters as `EC PARAMETERS` (the curve's OID).
pub fn parameter_bytes(parameters: &crate::Parameters, encoding: Encoding) -> Result<Vec<u8>> {
    let (label, der) = match parameters {
        crate::Parameters::Ec(curve) => (
            "EC PARAMETERS",
            oid::curve_oid(*curve).to_der().map_err(encoding_failed)?,
        ),
        #[cfg(feature = "dsa")]
        crate::Parameters::Dsa(p) => {
            let n = p.parameter_numbers();
            (
                "DSA PARAMETERS",
                crate::ffc::dss_parms_der(&n.p, &n.q, &n.g)?,
            )
        }
        #[cfg(feature = "dh")]
        crate::Parameters::Dh(p) => {
            let n = p.parameter_numbers()?;
            let (o, der) = crate::ffc::dh_parameters_der(&n.p, &n.g, n.q.as_deref())?;
            let label = if o == oid::DH_X942 {
                "X9.42 DH PARAMETERS"
            } else {
                "DH PARAMETERS"
            };
            (label, der)
        }
    };
    Ok(match encoding {
        Encoding::Der => der,
        Encoding::Pem => pem::encode(label, &[], &der).to_vec(),
    })
}
