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
        let (traditional_der, label, algorithm_oid, algorithm_params) = match numbers {
            #[cfg(feature = "rsa")]
            PrivateNumbers::Rsa(n) => (
                rsa_private_der(n)?,
                "RSA PRIVATE KEY",
                oid::RSA_ENCRYPTION,
                None,
            ),
            #[cfg(feature = "ec")]
            PrivateNumbers::Ec(n) => {
                let curve = oid::curve_oid(n.public_numbers.curve);
                (
                    ec_private_der(n, self.format == PrivateFormat::TraditionalOpenSsl)?,
                    "EC PRIVATE KEY",
                    oid::EC_PUBLIC_KEY,
                    Some(curve),
                )
            }
            #[allow(unreachable_patterns)]
            _ => {
                return Err(Error::unsupported(
                    Reason::Serialization,
                    "private keys of this family",
                ));
            }
        };
        match self.format {
            PrivateFormat::TraditionalOpenSsl => match (self.encoding, self.encryption) {
                (Encoding::Der, _) => Ok(traditional_der),
                (Encoding::Pem, KeySerializationEncryption::NoEncryption) => {
                    Ok(pem::encode(label, &[], &traditional_der))
                }
                (Encoding::Pem, KeySerializationEncryption::BestAvailableEncryption(password)) => {
                    let iv: [u8; 16] = self.random()?;
                    let (dek_info, key) = traditional::aes256_header_and_key(password, &iv)?;
                    let ciphertext = crate::crypt::aes_cbc_encrypt(&key, &iv, &traditional_der)?;
                    Ok(pem::encode(
                        label,
                        &[("Proc-Type", "4,ENCRYPTED"), ("DEK-Info", &dek_info)],
                        &ciphertext,
                    ))
                }
            },
            PrivateFormat::Pkcs8 => {
                let info = private_key_info_der(algorithm_oid, algorithm_params, &traditional_der)?;
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
            (oid::RSA_ENCRYPTION, None, der, true)
        }
        #[cfg(feature = "ec")]
        PublicKey::Ec(ref k) => {
            let point = k.encoded_point(backend_ec::PointFormat::Uncompressed)?;
            (
                oid::EC_PUBLIC_KEY,
                Some(oid::curve_oid(k.curve())),
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
            let params_der = params_der(params)?;
            let algorithm = algorithm(oid, params_der.as_deref())?;
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

/// The DER of the AlgorithmIdentifier parameters: a curve OID, or NULL for RSA.
fn params_der(curve: Option<ObjectIdentifier>) -> Result<Option<Vec<u8>>> {
    curve
        .map(|o| o.to_der().map_err(encoding_failed))
        .transpose()
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
    curve: Option<ObjectIdentifier>,
    key_der: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let params = params_der(curve)?;
    let info = pkcs8::PrivateKeyInfoRef::new(
        algorithm(o, params.as_deref())?,
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
