//! The encryption of OpenSSL's traditional PEM keys: `Proc-Type: 4,ENCRYPTED` and
//! `DEK-Info: CIPHER,IV-IN-HEX` headers, the key from `EVP_BytesToKey(MD5, salt = IV[..8],
//! count = 1)`.

use crate::crypt::{self, CbcCipher};
use crate::pem::Block;
use alloc::vec::Vec;
use backend_core::{Error, PasswordError, Reason, Result};
use zeroize::Zeroizing;

/// The `DEK-Info` ciphers read and written: OpenSSL's names, the cipher, the key length.
const CIPHERS: [(&str, CbcCipher, usize); 5] = [
    ("AES-128-CBC", CbcCipher::Aes, 16),
    ("AES-192-CBC", CbcCipher::Aes, 24),
    ("AES-256-CBC", CbcCipher::Aes, 32),
    ("DES-EDE3-CBC", CbcCipher::TripleDes, 24),
    ("DES-CBC", CbcCipher::Des, 8),
];

/// The DER inside a traditional PEM block: decrypted when its headers say it is encrypted.
/// The password rules are the loaders' (missing, not expected, incorrect).
pub(crate) fn contents(block: &Block<'_>, password: Option<&[u8]>) -> Result<Zeroizing<Vec<u8>>> {
    let proc_type = block.header("Proc-Type");
    let dek_info = block.header("DEK-Info");
    match proc_type {
        None if dek_info.is_none() => {
            if password.is_some() {
                return Err(Error::Password(PasswordError::NotEncrypted));
            }
            return Ok(block.der.clone());
        }
        None => return Err(Error::Malformed("PEM: DEK-Info without Proc-Type")),
        Some(p) if p.replace(' ', "") != "4,ENCRYPTED" => {
            return Err(Error::Malformed("PEM: Proc-Type is not 4,ENCRYPTED"));
        }
        Some(_) => {}
    }
    let dek_info = dek_info.ok_or(Error::Malformed("PEM: encrypted key without DEK-Info"))?;
    let (name, iv_hex) = dek_info
        .split_once(',')
        .ok_or(Error::Malformed("PEM: DEK-Info is not CIPHER,IV"))?;
    let (_, cipher, key_len) = CIPHERS
        .iter()
        .find(|(n, _, _)| n.eq_ignore_ascii_case(name.trim()))
        .ok_or(Error::unsupported(Reason::Serialization, "DEK-Info cipher"))?;
    let iv = decode_hex(iv_hex.trim())?;
    if iv.len() != cipher.block_len() {
        return Err(Error::Malformed("PEM: DEK-Info IV has the wrong length"));
    }
    let password = password.ok_or(Error::Password(PasswordError::Missing))?;
    let key = crypt::evp_bytes_to_key(password, &iv[..8], *key_len)?;
    crypt::cbc_decrypt(*cipher, &key, &iv, &block.der)
}

/// The `DEK-Info` value for AES-256-CBC with `iv`, and the key `password` gives for it.
pub(crate) fn aes256_header_and_key(
    password: &[u8],
    iv: &[u8; 16],
) -> Result<(alloc::string::String, Zeroizing<Vec<u8>>)> {
    let mut value = alloc::string::String::from("AES-256-CBC,");
    for b in iv {
        value.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
        value.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
    }
    Ok((value, crypt::evp_bytes_to_key(password, &iv[..8], 32)?))
}

fn decode_hex(text: &str) -> Result<Vec<u8>> {
    let bad = Error::Malformed("PEM: DEK-Info IV is not hex");
    if !text.len().is_multiple_of(2) || text.len() > 64 {
        return Err(bad);
    }
    let digit = |c: u8| -> Result<u8> {
        match c {
            b'0'..=b'9' => Ok(c - b'0'),
            b'a'..=b'f' => Ok(c - b'a' + 10),
            b'A'..=b'F' => Ok(c - b'A' + 10),
            _ => Err(Error::Malformed("PEM: DEK-Info IV is not hex")),
        }
    };
    text.as_bytes()
        .chunks_exact(2)
        .map(|p| Ok((digit(p[0])? << 4) | digit(p[1])?))
        .collect()
}
