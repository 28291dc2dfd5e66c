//! The encoding methods of RFC 8017 over any hash of the hash family: EMSA-PKCS1-v1_5, EMSA-PSS
//! (salt length explicit, digest length, maximum or recovered), EME-OAEP, and MGF1.
//!
//! The `rsa` crate has them too, but generic over one digest type each (PSS's MGF1 hash tied to the
//! message hash, OAEP's two hashes as type parameters). The seed interfaces choose hashes at run
//! time and pair any MGF1 hash with any message hash, so the encodings live here, over
//! [`backend_hash`], and only the integer primitives (RSAEP/RSADP with blinding and the CRT fault
//! check) come from `rsa`.

use crate::{Error, HashAlgorithm, Reason, Result};
use alloc::vec;
use alloc::vec::Vec;
use backend_core::Output;
use backend_hash::{HashBackend, HashContext};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};
use zeroize::Zeroizing;

/// `hash(parts[0] || parts[1] || ...)`.
pub(crate) fn digest(hash: HashAlgorithm, parts: &[&[u8]]) -> Result<Output> {
    let mut ctx = HashBackend::create_hash_ctx(&backend_hash::RustCrypto, hash)?;
    for part in parts {
        ctx.update(part);
    }
    ctx.finalize()
}

/// XORs MGF1(`seed`) over `hash` into `out` (RFC 8017 B.2.1).
fn mgf1_xor(out: &mut [u8], hash: HashAlgorithm, seed: &[u8]) -> Result<()> {
    for (counter, chunk) in (0u32..).zip(out.chunks_mut(hash.digest_size())) {
        let mask = digest(hash, &[seed, &counter.to_be_bytes()])?;
        for (o, m) in chunk.iter_mut().zip(mask.iter()) {
            *o ^= m;
        }
    }
    Ok(())
}

/// The DER `DigestInfo` prefix (RFC 8017 §9.2 note 1) for `hash`: the algorithm identifier with
/// NULL parameters, then the OCTET STRING header.
pub(crate) fn digest_info_prefix(hash: HashAlgorithm) -> Result<Vec<u8>> {
    const NIST: [u8; 8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02];
    let nist = |last: u8| -> Vec<u8> {
        let mut oid = NIST.to_vec();
        oid.push(last);
        oid
    };
    let oid = match hash {
        HashAlgorithm::Md5 => vec![0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05],
        HashAlgorithm::Sha1 => vec![0x2b, 0x0e, 0x03, 0x02, 0x1a],
        HashAlgorithm::Sha256 => nist(1),
        HashAlgorithm::Sha384 => nist(2),
        HashAlgorithm::Sha512 => nist(3),
        HashAlgorithm::Sha224 => nist(4),
        HashAlgorithm::Sha512_224 => nist(5),
        HashAlgorithm::Sha512_256 => nist(6),
        HashAlgorithm::Sha3_224 => nist(7),
        HashAlgorithm::Sha3_256 => nist(8),
        HashAlgorithm::Sha3_384 => nist(9),
        HashAlgorithm::Sha3_512 => nist(10),
        _ => return Err(Error::unsupported(Reason::Hash, hash.name())),
    };
    // Every length here is below 128: short-form DER lengths.
    let oid_len = oid.len() as u8;
    let digest_len = hash.digest_size() as u8;
    let algorithm_len = 2 + oid_len + 2;
    let mut prefix = vec![
        0x30,
        2 + algorithm_len + 2 + digest_len,
        0x30,
        algorithm_len,
        0x06,
        oid_len,
    ];
    prefix.extend_from_slice(&oid);
    prefix.extend_from_slice(&[0x05, 0x00, 0x04, digest_len]);
    Ok(prefix)
}

/// EMSA-PKCS1-v1_5 (RFC 8017 §9.2) of `digest` into `k` bytes.
pub(crate) fn emsa_pkcs1_v15_encode(
    hash: HashAlgorithm,
    digest: &[u8],
    k: usize,
) -> Result<Vec<u8>> {
    let mut t = digest_info_prefix(hash)?;
    t.extend_from_slice(digest);
    if k < t.len() + 11 {
        return Err(Error::InvalidArgument(
            "digest too large for key size: use a larger key or a shorter digest",
        ));
    }
    let mut em = vec![0xff; k];
    em[0] = 0x00;
    em[1] = 0x01;
    let t_start = k - t.len();
    em[t_start - 1] = 0x00;
    em[t_start..].copy_from_slice(&t);
    Ok(em)
}

/// The data after the PKCS#1 v1.5 signature padding `00 01 FF..FF 00` (at least eight `FF`), or
/// `None` when `em` is not padded so.
pub(crate) fn emsa_pkcs1_v15_unpad(em: &[u8]) -> Option<&[u8]> {
    let rest = em.strip_prefix(&[0x00, 0x01])?;
    let ones = rest.iter().take_while(|&&b| b == 0xff).count();
    if ones < 8 {
        return None;
    }
    rest.get(ones..)?.strip_prefix(&[0x00])
}

/// The salt length of a PSS encoding: explicit, digest length or the largest the key allows.
pub(crate) fn pss_max_salt(em_len: usize, hash: HashAlgorithm) -> Result<usize> {
    em_len
        .checked_sub(hash.digest_size() + 2)
        .ok_or(Error::InvalidArgument("key too small for the PSS digest"))
}

/// EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of `m_hash` with `salt` into `em_bits` bits.
pub(crate) fn emsa_pss_encode(
    m_hash: &[u8],
    em_bits: usize,
    salt: &[u8],
    hash: HashAlgorithm,
    mgf_hash: HashAlgorithm,
) -> Result<Vec<u8>> {
    let h_len = hash.digest_size();
    let em_len = em_bits.div_ceil(8);
    if salt.len() > pss_max_salt(em_len, hash)? {
        return Err(Error::InvalidArgument("PSS salt too long for the key"));
    }
    let h = digest(hash, &[&[0u8; 8], m_hash, salt])?;
    let db_len = em_len - h_len - 1;
    let mut em = vec![0u8; em_len];
    let (db, tail) = em.split_at_mut(db_len);
    db[db_len - salt.len() - 1] = 0x01;
    db[db_len - salt.len()..].copy_from_slice(salt);
    mgf1_xor(db, mgf_hash, &h)?;
    db[0] &= 0xff >> (8 * em_len - em_bits);
    tail[..h_len].copy_from_slice(&h);
    tail[h_len] = 0xbc;
    Ok(em)
}

/// EMSA-PSS-VERIFY (RFC 8017 §9.1.2): true when `em` (`em_bits` bits) encodes `m_hash` with a salt
/// of `salt_len` bytes, or of any length when `salt_len` is `None`.
pub(crate) fn emsa_pss_verify(
    m_hash: &[u8],
    em: &[u8],
    em_bits: usize,
    salt_len: Option<usize>,
    hash: HashAlgorithm,
    mgf_hash: HashAlgorithm,
) -> Result<bool> {
    let h_len = hash.digest_size();
    let em_len = em_bits.div_ceil(8);
    if em.len() != em_len || em_len < h_len + salt_len.unwrap_or(0) + 2 {
        return Ok(false);
    }
    if em.last() != Some(&0xbc) {
        return Ok(false);
    }
    let db_len = em_len - h_len - 1;
    let top_mask = 0xffu8 >> (8 * em_len - em_bits);
    let mut db = em[..db_len].to_vec();
    let h = &em[db_len..em_len - 1];
    if db[0] & !top_mask != 0 {
        return Ok(false);
    }
    mgf1_xor(&mut db, mgf_hash, h)?;
    db[0] &= top_mask;
    // The padding is zeros, then 0x01, then the salt.
    let zeros = db.iter().take_while(|&&b| b == 0).count();
    if db.get(zeros) != Some(&0x01) {
        return Ok(false);
    }
    let salt = &db[zeros + 1..];
    if salt_len.is_some_and(|want| want != salt.len()) {
        return Ok(false);
    }
    let expected = digest(hash, &[&[0u8; 8], m_hash, salt])?;
    Ok(&*expected == h)
}

/// EME-OAEP encoding (RFC 8017 §7.1.1 step 2) of `message` into `k` bytes, with `seed`
/// (`hash.digest_size()` random bytes).
pub(crate) fn eme_oaep_encode(
    message: &[u8],
    label: &[u8],
    k: usize,
    seed: &[u8],
    hash: HashAlgorithm,
    mgf_hash: HashAlgorithm,
) -> Result<Zeroizing<Vec<u8>>> {
    let h_len = hash.digest_size();
    let max = k
        .checked_sub(2 * h_len + 2)
        .ok_or(Error::InvalidArgument("key too small for the OAEP hash"))?;
    if message.len() > max {
        return Err(Error::InvalidArgument("message too long for the key"));
    }
    let l_hash = digest(hash, &[label])?;
    let mut em = Zeroizing::new(vec![0u8; k]);
    let (seed_part, db) = em[1..].split_at_mut(h_len);
    db[..h_len].copy_from_slice(&l_hash);
    let one_at = db.len() - message.len() - 1;
    db[one_at] = 0x01;
    db[one_at + 1..].copy_from_slice(message);
    seed_part.copy_from_slice(seed);
    mgf1_xor(db, mgf_hash, seed_part)?;
    mgf1_xor(seed_part, mgf_hash, db)?;
    Ok(em)
}

/// EME-OAEP decoding (RFC 8017 §7.1.2 step 3) in constant time with respect to `em`: every
/// failure is the same `failure` error, reached by the same path.
pub(crate) fn eme_oaep_decode(
    em: &mut [u8],
    label: &[u8],
    hash: HashAlgorithm,
    mgf_hash: HashAlgorithm,
    failure: Error,
) -> Result<Zeroizing<Vec<u8>>> {
    let h_len = hash.digest_size();
    if em.len() < 2 * h_len + 2 {
        return Err(failure);
    }
    let l_hash = digest(hash, &[label])?;
    let first_byte_is_zero = em[0].ct_eq(&0);
    let (seed, db) = em[1..].split_at_mut(h_len);
    mgf1_xor(seed, mgf_hash, db)?;
    mgf1_xor(db, mgf_hash, seed)?;
    let (l_hash_found, rest) = db.split_at(h_len);
    let mut good = first_byte_is_zero & l_hash_found.ct_eq(&l_hash);
    // Find the 0x01 after the zero padding without branching on the bytes.
    let mut looking = Choice::from(1);
    let mut index = 0u32;
    let mut invalid = Choice::from(0);
    for (i, byte) in (0u32..).zip(rest.iter()) {
        let is_zero = byte.ct_eq(&0);
        let is_one = byte.ct_eq(&1);
        index.conditional_assign(&i, looking & is_one);
        looking &= !is_one;
        invalid |= looking & !is_zero;
    }
    good &= !invalid & !looking;
    if !bool::from(good) {
        return Err(failure);
    }
    let start = index as usize + 1;
    Ok(Zeroizing::new(
        rest.get(start..).unwrap_or_default().to_vec(),
    ))
}
