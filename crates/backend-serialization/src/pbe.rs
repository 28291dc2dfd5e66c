//! PKCS#8 `EncryptedPrivateKeyInfo`: the password-based encryption schemes (PBES2 of RFC 8018,
//! PBES1, and the PKCS#12 appendix C schemes) for reading, and PBES2 / PBKDF2-HMAC-SHA256 /
//! AES-256-CBC for writing.
//!
//! The schemes read are those pyca/cryptography 48 reads (its corpus decides): PBES2 with PBKDF2
//! (HMAC-SHA1/224/256/384/512/512-224/512-256) or scrypt, and AES-128/192/256-CBC, DES-EDE3-CBC,
//! DES-CBC or RC2-CBC (40, 64 or 128 effective bits); PBES1 with MD5 or SHA-1 and DES or RC2;
//! PKCS#12 SHA-1 with 3-key / 2-key 3DES, 40- / 128-bit RC2 or RC4. Anything else is
//! [`Error::Unsupported`].

use crate::crypt::{self, CbcCipher, Pkcs12Purpose};
use crate::{malformed, oid};
use alloc::vec::Vec;
use backend_core::{Error, HashAlgorithm, Reason, Result};
use der::asn1::{AnyRef, ObjectIdentifier, OctetStringRef};
use der::{Decode, Encode, Reader, SliceReader, Tag};
use spki::AlgorithmIdentifierRef;
use zeroize::Zeroizing;

/// `EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier,
/// encryptedData OCTET STRING }`, decoded without trailing data.
pub(crate) fn parse(der: &[u8]) -> der::Result<(AlgorithmIdentifierRef<'_>, &[u8])> {
    let mut reader = SliceReader::new(der)?;
    let parsed = reader.sequence(|r| {
        let algorithm = AlgorithmIdentifierRef::decode(r)?;
        let data = <&OctetStringRef>::decode(r)?;
        Ok::<_, der::Error>((algorithm, data.as_bytes()))
    })?;
    reader.finish()?;
    Ok(parsed)
}

fn unsupported_cipher(name: &'static str) -> Error {
    Error::unsupported(Reason::Serialization, name)
}

/// The parameters of an algorithm that must have them.
fn params<'a>(algorithm: &AlgorithmIdentifierRef<'a>) -> Result<AnyRef<'a>> {
    algorithm.parameters.ok_or(Error::Malformed(
        "encrypted key: algorithm parameters missing",
    ))
}

/// Decrypts `data` under `algorithm` with `password`: the DER of a `PrivateKeyInfo`.
pub(crate) fn decrypt(
    algorithm: &AlgorithmIdentifierRef<'_>,
    data: &[u8],
    password: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let o = algorithm.oid;
    if o == oid::PBES2 {
        return pbes2_decrypt(params(algorithm)?, data, password);
    }
    if let Some((hash, cipher)) = pbes1_scheme(&o) {
        let (salt, iterations) = pbe_params(params(algorithm)?)?;
        let dk = crypt::pbkdf1(hash, password, salt, iterations)?;
        let (key, iv) = dk.split_at(8);
        return crypt::cbc_decrypt(cipher, key, &iv[..8], data);
    }
    if let Some(scheme) = pkcs12_scheme(&o) {
        let (salt, iterations) = pbe_params(params(algorithm)?)?;
        let kdf = |purpose, len| {
            crypt::pkcs12_kdf(
                HashAlgorithm::Sha1,
                password,
                salt,
                iterations,
                purpose,
                len,
            )
        };
        let key = kdf(Pkcs12Purpose::Key, scheme.key_len)?;
        return match scheme.cipher {
            None => crypt::rc4(&key, data),
            Some(cipher) => {
                let iv = kdf(Pkcs12Purpose::Iv, cipher.block_len())?;
                crypt::cbc_decrypt(cipher, &key, &iv, data)
            }
        };
    }
    Err(unsupported_cipher("unknown key encryption scheme"))
}

fn pbes1_scheme(o: &ObjectIdentifier) -> Option<(HashAlgorithm, CbcCipher)> {
    let rc2_64 = CbcCipher::Rc2 { effective_bits: 64 };
    [
        (oid::PBE_MD5_DES, HashAlgorithm::Md5, CbcCipher::Des),
        (oid::PBE_SHA1_DES, HashAlgorithm::Sha1, CbcCipher::Des),
        (oid::PBE_MD5_RC2, HashAlgorithm::Md5, rc2_64),
        (oid::PBE_SHA1_RC2, HashAlgorithm::Sha1, rc2_64),
    ]
    .into_iter()
    .find(|(x, _, _)| x == o)
    .map(|(_, h, c)| (h, c))
}

struct Pkcs12Scheme {
    key_len: usize,
    /// `None`: RC4.
    cipher: Option<CbcCipher>,
}

fn pkcs12_scheme(o: &ObjectIdentifier) -> Option<Pkcs12Scheme> {
    let (key_len, cipher) = if *o == oid::PKCS12_SHA1_3DES {
        (24, Some(CbcCipher::TripleDes))
    } else if *o == oid::PKCS12_SHA1_2DES {
        (16, Some(CbcCipher::TripleDes))
    } else if *o == oid::PKCS12_SHA1_RC2_128 {
        (
            16,
            Some(CbcCipher::Rc2 {
                effective_bits: 128,
            }),
        )
    } else if *o == oid::PKCS12_SHA1_RC2_40 {
        (5, Some(CbcCipher::Rc2 { effective_bits: 40 }))
    } else if *o == oid::PKCS12_SHA1_RC4_128 {
        (16, None)
    } else if *o == oid::PKCS12_SHA1_RC4_40 {
        (5, None)
    } else {
        return None;
    };
    Some(Pkcs12Scheme { key_len, cipher })
}

/// `PBEParameter ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER }` (PBES1 and PKCS#12).
fn pbe_params(any: AnyRef<'_>) -> Result<(&[u8], u32)> {
    any.sequence(|r: &mut SliceReader<'_>| {
        let salt = <&OctetStringRef>::decode(r)?;
        let iterations = u32::decode(r)?;
        Ok::<_, der::Error>((salt.as_bytes(), iterations))
    })
    .map_err(malformed)
}

/// The key derivation of a PBES2 algorithm.
enum Kdf<'a> {
    Pbkdf2 {
        salt: &'a [u8],
        iterations: u32,
        key_len: Option<usize>,
        prf: HashAlgorithm,
    },
    Scrypt {
        salt: &'a [u8],
        n: u64,
        r: u32,
        p: u32,
        key_len: Option<usize>,
    },
}

fn pbes2_decrypt(any: AnyRef<'_>, data: &[u8], password: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let (kdf_alg, enc_alg) = any
        .sequence(|r: &mut SliceReader<'_>| {
            let kdf = AlgorithmIdentifierRef::decode(r)?;
            let enc = AlgorithmIdentifierRef::decode(r)?;
            Ok::<_, der::Error>((kdf, enc))
        })
        .map_err(malformed)?;
    let kdf = parse_kdf(&kdf_alg)?;
    let (cipher, key_len, iv) = parse_cipher(&enc_alg)?;
    let mut key = Zeroizing::new(alloc::vec![0u8; key_len]);
    match kdf {
        Kdf::Pbkdf2 {
            salt,
            iterations,
            key_len: declared,
            prf,
        } => {
            check_key_len(declared, key_len)?;
            crypt::pbkdf2(prf, password, salt, iterations, &mut key)?;
        }
        Kdf::Scrypt {
            salt,
            n,
            r,
            p,
            key_len: declared,
        } => {
            check_key_len(declared, key_len)?;
            crypt::scrypt(password, salt, n, r, p, &mut key)?;
        }
    }
    crypt::cbc_decrypt(cipher, &key, iv, data)
}

fn check_key_len(declared: Option<usize>, needed: usize) -> Result<()> {
    match declared {
        Some(len) if len != needed => Err(Error::Malformed(
            "encrypted key: KDF key length does not match the cipher",
        )),
        _ => Ok(()),
    }
}

fn parse_kdf<'a>(alg: &AlgorithmIdentifierRef<'a>) -> Result<Kdf<'a>> {
    if alg.oid == oid::PBKDF2 {
        let any = params(alg)?;
        let (salt, iterations, key_len, prf_oid) = any
            .sequence(|r: &mut SliceReader<'a>| {
                let salt = <&OctetStringRef>::decode(r)?;
                let iterations = u32::decode(r)?;
                let key_len = if Tag::peek(r).ok() == Some(Tag::Integer) {
                    Some(u32::decode(r)?)
                } else {
                    None
                };
                let prf = if r.is_finished() {
                    None
                } else {
                    Some(AlgorithmIdentifierRef::decode(r)?.oid)
                };
                Ok::<_, der::Error>((salt.as_bytes(), iterations, key_len, prf))
            })
            .map_err(malformed)?;
        let prf = match prf_oid {
            None => HashAlgorithm::Sha1,
            Some(o) => oid::pbkdf2_prf(&o)
                .ok_or_else(|| Error::unsupported(Reason::Kdf, "unknown PBKDF2 PRF"))?,
        };
        if iterations == 0 {
            return Err(Error::InvalidArgument(
                "encrypted key: PBKDF2 iteration count is 0",
            ));
        }
        Ok(Kdf::Pbkdf2 {
            salt,
            iterations,
            key_len: key_len.map(|l| l as usize),
            prf,
        })
    } else if alg.oid == oid::SCRYPT {
        let any = params(alg)?;
        let (salt, n, r, p, key_len) = any
            .sequence(|rd: &mut SliceReader<'a>| {
                let salt = <&OctetStringRef>::decode(rd)?;
                let n = u64::decode(rd)?;
                let r = u32::decode(rd)?;
                let p = u32::decode(rd)?;
                let key_len = if rd.is_finished() {
                    None
                } else {
                    Some(u32::decode(rd)?)
                };
                Ok::<_, der::Error>((salt.as_bytes(), n, r, p, key_len))
            })
            .map_err(malformed)?;
        Ok(Kdf::Scrypt {
            salt,
            n,
            r,
            p,
            key_len: key_len.map(|l| l as usize),
        })
    } else {
        Err(Error::unsupported(
            Reason::Kdf,
            "unknown PBES2 key derivation",
        ))
    }
}

/// The PBES2 cipher: which, its key length, its IV.
fn parse_cipher<'a>(alg: &AlgorithmIdentifierRef<'a>) -> Result<(CbcCipher, usize, &'a [u8])> {
    let o = alg.oid;
    let iv_param = || -> Result<&'a [u8]> {
        params(alg)?
            .decode_as::<&OctetStringRef>()
            .map(|iv| iv.as_bytes())
            .map_err(malformed)
    };
    if o == oid::AES_128_CBC {
        Ok((CbcCipher::Aes, 16, iv_param()?))
    } else if o == oid::AES_192_CBC {
        Ok((CbcCipher::Aes, 24, iv_param()?))
    } else if o == oid::AES_256_CBC {
        Ok((CbcCipher::Aes, 32, iv_param()?))
    } else if o == oid::DES_EDE3_CBC {
        Ok((CbcCipher::TripleDes, 24, iv_param()?))
    } else if o == oid::DES_CBC {
        Ok((CbcCipher::Des, 8, iv_param()?))
    } else if o == oid::RC2_CBC {
        // RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING }
        let (version, iv) = params(alg)?
            .sequence(|r: &mut SliceReader<'a>| {
                let version = if Tag::peek(r).ok() == Some(Tag::Integer) {
                    Some(u32::decode(r)?)
                } else {
                    None
                };
                let iv = <&OctetStringRef>::decode(r)?;
                Ok::<_, der::Error>((version, iv.as_bytes()))
            })
            .map_err(malformed)?;
        // RFC 8018 B.2.3: the three encodings OpenSSL writes (and reads).
        let effective_bits = match version {
            Some(160) => 40,
            Some(120) => 64,
            Some(58) => 128,
            _ => return Err(unsupported_cipher("RC2-CBC with this effective key length")),
        };
        Ok((CbcCipher::Rc2 { effective_bits }, effective_bits / 8, iv))
    } else {
        Err(unsupported_cipher("unknown PBES2 cipher"))
    }
}

/// `EncryptedPrivateKeyInfo` for `plaintext` (a `PrivateKeyInfo`): PBES2, PBKDF2-HMAC-SHA256
/// with `iterations`, AES-256-CBC, `salt` (16 bytes) and `iv` (16 bytes) from the caller's
/// generator.
pub(crate) fn encrypt(
    plaintext: &[u8],
    password: &[u8],
    iterations: u32,
    salt: &[u8; 16],
    iv: &[u8; 16],
) -> Result<Vec<u8>> {
    let mut key = Zeroizing::new([0u8; 32]);
    crypt::pbkdf2(
        HashAlgorithm::Sha256,
        password,
        salt,
        iterations,
        &mut key[..],
    )?;
    let ciphertext = crypt::aes_cbc_encrypt(&key[..], iv, plaintext)?;

    let enc_err = |_: der::Error| Error::InvalidArgument("encrypted key: encoding failed");
    let prf = oid::pbkdf2_prf_oid(HashAlgorithm::Sha256)
        .ok_or(Error::unsupported(Reason::Kdf, "PBKDF2 PRF"))?;
    // PBKDF2-params ::= SEQUENCE { salt, iterationCount, prf AlgorithmIdentifier }
    let prf_alg = spki::AlgorithmIdentifierRef {
        oid: prf,
        parameters: Some(AnyRef::NULL),
    };
    let salt_os = OctetStringRef::new(salt).map_err(enc_err)?;
    let pbkdf2_params = sequence(&[
        &salt_os.to_der().map_err(enc_err)?,
        &iterations.to_der().map_err(enc_err)?,
        &prf_alg.to_der().map_err(enc_err)?,
    ]);
    let kdf = algorithm_der(oid::PBKDF2, &pbkdf2_params).map_err(enc_err)?;
    let iv_os = OctetStringRef::new(iv)
        .map_err(enc_err)?
        .to_der()
        .map_err(enc_err)?;
    let enc = algorithm_der(oid::AES_256_CBC, &iv_os).map_err(enc_err)?;
    let pbes2 = algorithm_der(oid::PBES2, &sequence(&[&kdf, &enc])).map_err(enc_err)?;
    let data = OctetStringRef::new(&ciphertext)
        .map_err(enc_err)?
        .to_der()
        .map_err(enc_err)?;
    Ok(sequence(&[&pbes2, &data]))
}

/// `SEQUENCE { oid, params }` with `params` already DER.
fn algorithm_der(o: ObjectIdentifier, params_der: &[u8]) -> der::Result<Vec<u8>> {
    Ok(sequence(&[&o.to_der()?, params_der]))
}

/// A DER SEQUENCE around already-encoded `parts`.
pub(crate) fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = Vec::with_capacity(len + 6);
    out.push(0x30);
    push_len(&mut out, len);
    for part in parts {
        out.extend_from_slice(part);
    }
    out
}

fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}
