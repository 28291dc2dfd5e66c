//! The symmetric cryptography of encrypted key files: the key derivations (PBKDF2, scrypt,
//! PBKDF1, OpenSSL's `EVP_BytesToKey`, the PKCS#12 derivation) and the ciphers (AES, 3DES and
//! DES in CBC mode, RC2-CBC, RC4).
//!
//! AES, 3DES and DES, PBKDF2 and scrypt and every hash run on this project's own families
//! (`backend-cipher`, `backend-kdf`, `backend-hash`, RustCrypto underneath), so a key file
//! decrypts with the same code the vectors check. RC2 and RC4 have no family (nothing but old
//! key files uses them): the RustCrypto `rc2` / `rc4` crates are called directly, for decryption
//! only.
//!
//! `EVP_BytesToKey`, PBKDF1 and the PKCS#12 derivation (RFC 7292 appendix B) are written here:
//! no maintained crate of the RustCrypto generation this workspace uses implements them (`pkcs5`
//! 0.8 has PBES2 only), and each is a few lines over a hash.

use alloc::vec;
use alloc::vec::Vec;
use backend_cipher::padding::Padding;
use backend_cipher::{CipherBackend, CipherContext, DecryptionContext, EncryptionContext, Mode};
use backend_core::{
    CipherAlgorithm, Error, HashAlgorithm, PasswordError, Reason, Result, RustCrypto,
};
use backend_hash::{HashBackend, HashContext};
use backend_kdf::{Pbkdf2HmacBackend, ScryptBackend};
use zeroize::{Zeroize, Zeroizing};

/// A block cipher in CBC mode with PKCS#7 padding, as key files use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CbcCipher {
    /// AES with a 16-, 24- or 32-byte key.
    Aes,
    /// Three-key triple DES (24-byte key) or two-key (16-byte key).
    TripleDes,
    /// Single DES (8-byte key): triple DES with K1 = K2 = K3.
    Des,
    /// RC2 with this many effective key bits.
    Rc2 {
        /// Effective key bits (RFC 2268).
        effective_bits: usize,
    },
}

impl CbcCipher {
    /// The block size in bytes, which is also the IV length.
    pub fn block_len(self) -> usize {
        match self {
            CbcCipher::Aes => 16,
            _ => 8,
        }
    }
}

/// Wrong key material and wrong padding after decryption look alike: both are a wrong password
/// (or a corrupt file, which cannot be told apart).
const INCORRECT: Error = Error::Password(PasswordError::Incorrect);

/// Decrypts `data` with `cipher` in CBC mode and removes the PKCS#7 padding. A bad padding is
/// [`PasswordError::Incorrect`]; a length that is not a whole number of blocks is malformed.
pub(crate) fn cbc_decrypt(
    cipher: CbcCipher,
    key: &[u8],
    iv: &[u8],
    data: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let block = cipher.block_len();
    if iv.len() != block {
        return Err(Error::Malformed(
            "encrypted key: IV length does not match the cipher",
        ));
    }
    if data.is_empty() || !data.len().is_multiple_of(block) {
        return Err(Error::Malformed(
            "encrypted key: ciphertext is not a whole number of blocks",
        ));
    }
    let padded = match cipher {
        CbcCipher::Rc2 { effective_bits } => rc2_cbc_decrypt(key, effective_bits, iv, data)?,
        _ => {
            let algorithm = match cipher {
                CbcCipher::Aes => CipherAlgorithm::Aes(key),
                _ => CipherAlgorithm::TripleDes(key),
            };
            let mut ctx = RustCrypto
                .create_symmetric_decryption_ctx(&algorithm, &Mode::Cbc { iv })
                .map_err(|_| Error::Malformed("encrypted key: wrong key or IV length"))?;
            let mut out = Zeroizing::new(vec![0u8; data.len()]);
            let n = ctx.update_into(data, &mut out)?;
            let rest = ctx.finalize()?;
            if n + rest.len() != data.len() {
                return Err(Error::Malformed(
                    "encrypted key: ciphertext is not a whole number of blocks",
                ));
            }
            out[n..].copy_from_slice(&rest);
            out
        }
    };
    unpad(&padded, block)
}

/// Encrypts `data` with AES in CBC mode after PKCS#7 padding (the writers' only cipher).
pub(crate) fn aes_cbc_encrypt(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    let mut padder = Padding::Pkcs7.padder(128)?;
    let mut padded = Zeroizing::new(padder.update(data)?);
    padded.extend_from_slice(&padder.finalize()?);
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(key), &Mode::Cbc { iv })?;
    let mut out = vec![0u8; padded.len()];
    let n = ctx.update_into(&padded, &mut out)?;
    let rest = ctx.finalize()?;
    out.truncate(n);
    out.extend_from_slice(&rest.data);
    Ok(out)
}

fn unpad(padded: &[u8], block: usize) -> Result<Zeroizing<Vec<u8>>> {
    let mut unpadder = Padding::Pkcs7.unpadder(block * 8)?;
    let mut out = Zeroizing::new(vec![0u8; padded.len()]);
    let n = unpadder
        .update_into(padded, &mut out)
        .map_err(|_| INCORRECT)?;
    let m = unpadder
        .finalize_into(&mut out[n..])
        .map_err(|_| INCORRECT)?;
    out.truncate(n + m);
    Ok(out)
}

fn rc2_cbc_decrypt(
    key: &[u8],
    effective_bits: usize,
    iv: &[u8],
    data: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    use rc2::cipher::{Array, BlockCipherDecrypt};
    if key.is_empty() || key.len() > 128 || !(1..=1024).contains(&effective_bits) {
        return Err(Error::Malformed(
            "encrypted key: RC2 key or effective length out of range",
        ));
    }
    let cipher = rc2::Rc2::new_with_eff_key_len(key, effective_bits);
    let mut out = Zeroizing::new(Vec::with_capacity(data.len()));
    let mut previous = [0u8; 8];
    previous.copy_from_slice(iv);
    for chunk in data.chunks_exact(8) {
        let mut block = Array::<u8, _>::default();
        block.copy_from_slice(chunk);
        cipher.decrypt_block(&mut block);
        for (b, p) in block.iter_mut().zip(previous.iter()) {
            *b ^= p;
        }
        out.extend_from_slice(&block);
        block.zeroize();
        previous.copy_from_slice(chunk);
    }
    Ok(out)
}

/// RC4 with `key` over `data` (the PKCS#12 RC4 schemes; no padding, nothing to check).
pub(crate) fn rc4(key: &[u8], data: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    use rc4::cipher::{KeyInit, StreamCipher};
    let mut cipher = rc4::Rc4::new_from_slice(key)
        .map_err(|_| Error::Malformed("encrypted key: RC4 key length out of range"))?;
    let mut out = Zeroizing::new(data.to_vec());
    cipher.apply_keystream(&mut out);
    Ok(out)
}

/// PBKDF2-HMAC over `hash` into `out`.
pub(crate) fn pbkdf2(
    hash: HashAlgorithm,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    out: &mut [u8],
) -> Result<()> {
    if iterations == 0 {
        return Err(Error::InvalidArgument(
            "PBKDF2 iteration count must be at least 1",
        ));
    }
    RustCrypto.derive_pbkdf2_hmac_into(hash, salt, iterations, password, out)
}

/// scrypt into `out`; the cost is bounded by the scrypt family's memory limit.
pub(crate) fn scrypt(
    password: &[u8],
    salt: &[u8],
    n: u64,
    r: u32,
    p: u32,
    out: &mut [u8],
) -> Result<()> {
    RustCrypto.derive_scrypt_into(password, salt, n, r, p, out)
}

fn hash_parts(hash: HashAlgorithm, parts: &[&[u8]]) -> Result<Zeroizing<Vec<u8>>> {
    let mut ctx = RustCrypto.create_hash_ctx(hash)?;
    for part in parts {
        ctx.update(part);
    }
    Ok(Zeroizing::new(ctx.finalize()?.to_vec()))
}

/// OpenSSL's `EVP_BytesToKey` with one iteration, as the traditional `DEK-Info` encryption uses
/// it: `D_i = MD5(D_{i-1} || password || salt)`, concatenated to `key_len` bytes; the salt is the
/// first 8 bytes of the IV.
pub(crate) fn evp_bytes_to_key(
    password: &[u8],
    salt: &[u8],
    key_len: usize,
) -> Result<Zeroizing<Vec<u8>>> {
    let mut key = Zeroizing::new(Vec::with_capacity(key_len + 16));
    let mut previous: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::new());
    while key.len() < key_len {
        previous = hash_parts(HashAlgorithm::Md5, &[&previous, password, salt])?;
        key.extend_from_slice(&previous);
    }
    key.truncate(key_len);
    Ok(key)
}

/// PBKDF1 (PKCS#5 v1.5, RFC 8018 §5.1): `T_1 = H(P || S)`, `T_i = H(T_{i-1})`; the first 16 bytes
/// are the DES / RC2 key (8) and IV (8).
pub(crate) fn pbkdf1(
    hash: HashAlgorithm,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
) -> Result<Zeroizing<Vec<u8>>> {
    if iterations == 0 {
        return Err(Error::InvalidArgument(
            "PBKDF1 iteration count must be at least 1",
        ));
    }
    let mut t = hash_parts(hash, &[password, salt])?;
    for _ in 1..iterations {
        t = hash_parts(hash, &[&t])?;
    }
    Ok(t)
}

/// What a PKCS#12 derivation produces (RFC 7292 B.3).
#[derive(Clone, Copy)]
pub(crate) enum Pkcs12Purpose {
    /// Key material (ID 1).
    Key = 1,
    /// An IV (ID 2).
    Iv = 2,
}

/// The PKCS#12 key derivation (RFC 7292 appendix B.2) over `hash`, `len` bytes. `password` is
/// UTF-8, encoded as the BMPString the RFC derives from (UTF-16BE with a two-byte terminator);
/// a password that is not UTF-8 is refused ([`Error::InvalidArgument`]), as OpenSSL 3 does.
pub(crate) fn pkcs12_kdf(
    hash: HashAlgorithm,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    purpose: Pkcs12Purpose,
    len: usize,
) -> Result<Zeroizing<Vec<u8>>> {
    if iterations == 0 {
        return Err(Error::InvalidArgument(
            "PKCS#12 iteration count must be at least 1",
        ));
    }
    let text = core::str::from_utf8(password)
        .map_err(|_| Error::InvalidArgument("a PKCS#12 password must be UTF-8"))?;
    let mut bmp: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(2 * text.len() + 2));
    for unit in text.encode_utf16() {
        bmp.extend_from_slice(&unit.to_be_bytes());
    }
    bmp.extend_from_slice(&[0, 0]);

    let v = hash.block_size();
    let u = hash.digest_size();
    if v == 0 || u == 0 {
        return Err(Error::unsupported(Reason::Hash, hash.name()));
    }
    let d = vec![purpose as u8; v];
    let repeat = |input: &[u8]| -> Zeroizing<Vec<u8>> {
        let n = input.len().div_ceil(v) * v;
        Zeroizing::new(input.iter().copied().cycle().take(n).collect())
    };
    let mut i_bytes = repeat(salt);
    i_bytes.extend_from_slice(&repeat(&bmp));

    let mut out = Zeroizing::new(Vec::with_capacity(len + u));
    loop {
        let mut a = hash_parts(hash, &[&d, &i_bytes])?;
        for _ in 1..iterations {
            a = hash_parts(hash, &[&a])?;
        }
        out.extend_from_slice(&a);
        if out.len() >= len {
            break;
        }
        // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes.
        let b: Zeroizing<Vec<u8>> = Zeroizing::new(a.iter().copied().cycle().take(v).collect());
        for chunk in i_bytes.chunks_exact_mut(v) {
            let mut carry = 1u16;
            for (x, y) in chunk.iter_mut().zip(b.iter()).rev() {
                let sum = u16::from(*x) + u16::from(*y) + carry;
                *x = sum as u8;
                carry = sum >> 8;
            }
        }
    }
    out.truncate(len);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkcs12_kdf_matches_openssl_test_vectors() {
        // OpenSSL's test/pkcs12_format_test / the classic "smeg" vectors (RFC 7292 era), SHA-1:
        // password "smeg", salt 0A58CF64530D823F, 1 iteration, ID 1, 24 bytes.
        let key = pkcs12_kdf(
            HashAlgorithm::Sha1,
            b"smeg",
            &[0x0A, 0x58, 0xCF, 0x64, 0x53, 0x0D, 0x82, 0x3F],
            1,
            Pkcs12Purpose::Key,
            24,
        )
        .unwrap();
        assert_eq!(
            hex::encode(&key[..]),
            "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"
        );
        let iv = pkcs12_kdf(
            HashAlgorithm::Sha1,
            b"smeg",
            &[0x0A, 0x58, 0xCF, 0x64, 0x53, 0x0D, 0x82, 0x3F],
            1,
            Pkcs12Purpose::Iv,
            8,
        )
        .unwrap();
        assert_eq!(hex::encode(&iv[..]), "79993dfe048d3b76");
    }

    #[test]
    fn pkcs12_kdf_refuses_non_utf8_passwords() {
        assert!(matches!(
            pkcs12_kdf(
                HashAlgorithm::Sha1,
                b"\xff",
                b"salt",
                1,
                Pkcs12Purpose::Key,
                24
            ),
            Err(Error::InvalidArgument(_))
        ));
    }

    #[test]
    fn evp_bytes_to_key_matches_openssl() {
        // `openssl enc -aes-256-cbc -pass pass:password -S 0001020304050607 -P -md md5 -nopbkdf2`
        // (checked in tests/openssl.rs against the command itself).
        let key = evp_bytes_to_key(b"password", &[0, 1, 2, 3, 4, 5, 6, 7], 32).unwrap();
        assert_eq!(key.len(), 32);
        let again = evp_bytes_to_key(b"password", &[0, 1, 2, 3, 4, 5, 6, 7], 16).unwrap();
        assert_eq!(&key[..16], &again[..]);
    }

    #[test]
    fn cbc_rejects_partial_blocks_and_bad_padding() {
        let key = [7u8; 16];
        let iv = [1u8; 16];
        let ct = aes_cbc_encrypt(&key, &iv, b"hello").unwrap();
        assert_eq!(
            &cbc_decrypt(CbcCipher::Aes, &key, &iv, &ct).unwrap()[..],
            b"hello"
        );
        assert!(matches!(
            cbc_decrypt(CbcCipher::Aes, &key, &iv, &ct[..15]),
            Err(Error::Malformed(_))
        ));
        assert!(matches!(
            cbc_decrypt(CbcCipher::Aes, &[8u8; 16], &iv, &ct),
            Err(Error::Password(PasswordError::Incorrect))
        ));
        assert!(matches!(
            cbc_decrypt(CbcCipher::Aes, &key, &iv[..8], &ct),
            Err(Error::Malformed(_))
        ));
    }
}
