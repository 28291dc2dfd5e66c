//! The encoding methods of RFC 8017 over any hash of the hash family: EMSA-PKCS1-v1_5, EMSA-PSS
//! (salt length explicit, digest length, maximum or recovered), EME-OAEP, and MGF1.
//!
//! The `rsa` crate has them too, but generic over one digest type each (PSS's MGF1 hash tied to the
//! message hash, OAEP's two hashes as type parameters), and its PKCS#1 v1.5 encryption refuses
//! public exponents above 2^33 - 1. The seed interfaces choose hashes at run time, pair any MGF1
//! hash with any message hash and accept any exponent, so the encodings live here, over
//! [`backend_hash`] (and HMAC-SHA-256 for implicit rejection), and only the private integer
//! primitive (RSADP with blinding) comes from `rsa`.
//!
//! Every length computation is checked: a length that does not fit (a salt of `usize::MAX` bytes
//! from an X.509 algorithm identifier) is an invalid signature or an invalid argument, never an
//! overflow.

use crate::{Error, HashAlgorithm, Reason, Result};
use alloc::vec;
use alloc::vec::Vec;
use backend_core::Output;
use backend_core::rng::{RNG_FAILED, RandomSource};
use backend_hash::{HashBackend, HashContext};
use crypto_bigint::BoxedUint;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, ConstantTimeGreater};
use zeroize::Zeroizing;

/// I2OSP (RFC 8017 §4.1): `x` as exactly `k` big-endian bytes, or `None` when `x` does not fit in
/// `k` bytes.
///
/// Constant time with respect to the value of `x`, for RSADP's output (the encoded message whose
/// top byte Manger's attack asks about) and the private exponent: `to_be_bytes` writes every limb
/// of `x`'s storage, whose width is the modulus's (public), whatever the value; the bytes above
/// the `k` lowest are all read and OR-ed together; the copy takes the last `k` bytes at an offset
/// that depends on the widths only. Nothing trims leading zeros or branches on a byte of `x`. The
/// one branch is on whether `x` fits, which for a value below a `k`-byte modulus always holds.
/// The full-width temporary and the result are zeroized on drop.
pub(crate) fn i2osp(x: &BoxedUint, k: usize) -> Option<Zeroizing<Vec<u8>>> {
    let full = Zeroizing::new(x.to_be_bytes());
    let (excess, low) = full.split_at(full.len().saturating_sub(k));
    let excess = excess.iter().fold(0u8, |acc, b| acc | b);
    let mut out = Zeroizing::new(vec![0u8; k]);
    out.get_mut(k.saturating_sub(low.len())..)?
        .copy_from_slice(low);
    bool::from(excess.ct_eq(&0)).then_some(out)
}

/// `hash(parts[0] || parts[1] || ...)`.
pub(crate) fn digest(hash: HashAlgorithm, parts: &[&[u8]]) -> Result<Output> {
    let mut ctx = HashBackend::create_hash_ctx(&backend_hash::RustCrypto, hash)?;
    for part in parts {
        ctx.update(part);
    }
    // Every hash of the capability table has a digest of at most 64 bytes.
    let out = ctx.finalize()?;
    Output::from_slice(&out).ok_or(Error::unsupported(Reason::Hash, hash.name()))
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

/// `0xff` shifted right by `8 * em_len - em_bits`: the bits of the top byte of an `em_bits`-bit
/// encoding that may be set.
const fn top_byte_mask(em_bits: usize) -> u8 {
    0xff >> ((8 - em_bits % 8) % 8)
}

/// EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of `m_hash` with `salt` into `em_bits` bits.
pub(crate) fn emsa_pss_encode(
    m_hash: &[u8],
    em_bits: usize,
    salt: &[u8],
    hash: HashAlgorithm,
    mgf_hash: HashAlgorithm,
) -> Result<Vec<u8>> {
    const TOO_LONG: Error = Error::InvalidArgument("PSS salt too long for the key");
    let h_len = hash.digest_size();
    let em_len = em_bits.div_ceil(8);
    if salt.len() > pss_max_salt(em_len, hash)? {
        return Err(TOO_LONG);
    }
    let h = digest(hash, &[&[0u8; 8], m_hash, salt])?;
    // emLen >= hLen + sLen + 2 (above): DB = PS || 0x01 || salt fills emLen - hLen - 1 bytes.
    let db_len = em_len.checked_sub(h_len + 1).ok_or(TOO_LONG)?;
    let one_at = db_len.checked_sub(salt.len() + 1).ok_or(TOO_LONG)?;
    let mut em = vec![0u8; em_len];
    let (db, tail) = em.split_at_mut(db_len);
    db[one_at] = 0x01;
    db[one_at + 1..].copy_from_slice(salt);
    mgf1_xor(db, mgf_hash, &h)?;
    db[0] &= top_byte_mask(em_bits);
    tail[..h_len].copy_from_slice(&h);
    tail[h_len] = 0xbc;
    Ok(em)
}

/// EMSA-PSS-VERIFY (RFC 8017 §9.1.2): true when `em` (`em_bits` bits) encodes `m_hash` with a salt
/// of `salt_len` bytes, or of any length when `salt_len` is `None`. A salt length that cannot fit
/// the encoding (up to `usize::MAX`, from an attacker's algorithm identifier) is an invalid
/// signature.
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
    // Step 3: emLen < hLen + sLen + 2 is inconsistent, and so is a sum that overflows.
    let Some(min_len) = h_len
        .checked_add(salt_len.unwrap_or(0))
        .and_then(|len| len.checked_add(2))
    else {
        return Ok(false);
    };
    if em.len() != em_len || em_len < min_len || em.last() != Some(&0xbc) {
        return Ok(false);
    }
    // em_len >= h_len + 2: DB has at least one byte, H exactly h_len.
    let Some((masked_db, rest)) = em.split_at_checked(em_len - h_len - 1) else {
        return Ok(false);
    };
    let Some(h) = rest.get(..h_len) else {
        return Ok(false);
    };
    let top_mask = top_byte_mask(em_bits);
    if masked_db.first().is_none_or(|&top| top & !top_mask != 0) {
        return Ok(false);
    }
    let mut db = masked_db.to_vec();
    mgf1_xor(&mut db, mgf_hash, h)?;
    if let Some(top) = db.first_mut() {
        *top &= top_mask;
    }
    // The padding is zeros, then 0x01, then the salt.
    let zeros = db.iter().take_while(|&&b| b == 0).count();
    if db.get(zeros) != Some(&0x01) {
        return Ok(false);
    }
    let salt = db.get(zeros + 1..).unwrap_or_default();
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

/// Redraws of one padding byte before a generator that keeps answering zero is declared broken
/// (a working one needs a redraw 1 time in 256; 64 in a row happen with probability 2^-512).
const MAX_NONZERO_REDRAWS: usize = 64;

/// EME-PKCS1-v1_5 encoding (RFC 8017 §7.2.1 step 2) of `message` into `k` bytes:
/// `00 02 PS 00 M`, with `PS` at least 8 random non-zero bytes from `rng`.
///
/// A generator that fails is [`RNG_FAILED`] at once; one that keeps producing zeros (a broken
/// device) is the same error after [`MAX_NONZERO_REDRAWS`] redraws of one byte, rather than an
/// endless loop.
pub(crate) fn eme_pkcs1_v15_encode(
    message: &[u8],
    k: usize,
    rng: &mut dyn RandomSource,
) -> Result<Zeroizing<Vec<u8>>> {
    let max = k
        .checked_sub(11)
        .ok_or(Error::InvalidArgument("message too long for the key"))?;
    if message.len() > max {
        return Err(Error::InvalidArgument("message too long for the key"));
    }
    // k >= message.len() + 11: the separator sits at k - mLen - 1 >= 10.
    let separator = k - message.len() - 1;
    let mut em = Zeroizing::new(vec![0u8; k]);
    em[1] = 0x02;
    let ps = &mut em[2..separator];
    rng.try_fill(ps)?;
    let mut redraw = [0u8; 1];
    for byte in ps.iter_mut() {
        let mut redraws = 0;
        while *byte == 0 {
            if redraws == MAX_NONZERO_REDRAWS {
                return Err(RNG_FAILED);
            }
            rng.try_fill(&mut redraw)?;
            *byte = redraw[0];
            redraws += 1;
        }
    }
    em[separator + 1..].copy_from_slice(message);
    Ok(em)
}

/// HMAC-SHA-256, the PRF of implicit rejection.
type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// HMAC-SHA-256 of the concatenated `parts` under `key`.
fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> Result<Zeroizing<[u8; 32]>> {
    use hmac::{KeyInit, Mac};
    let mut mac = HmacSha256::new_from_slice(key).map_err(|_| Error::Decryption)?;
    for part in parts {
        mac.update(part);
    }
    Ok(Zeroizing::new(mac.finalize().into_bytes().into()))
}

/// IRPRF (draft-irtf-cfrg-rsa-guidance §7.1): `length` bytes from the key derivation key and a
/// label, HMAC-SHA-256 in counter mode.
fn irprf(kdk: &[u8], label: &[u8], length: usize) -> Result<Zeroizing<Vec<u8>>> {
    // The output's bit length is two bytes: at most 8191 bytes (k is at most 2048 here).
    let bits = length
        .checked_mul(8)
        .and_then(|bits| u16::try_from(bits).ok())
        .ok_or(Error::Decryption)?
        .to_be_bytes();
    let mut out = Zeroizing::new(vec![0u8; length]);
    for (i, chunk) in (0u16..).zip(out.chunks_mut(32)) {
        let block = hmac_sha256(kdk, &[&i.to_be_bytes(), label, &bits])?;
        chunk.copy_from_slice(block.get(..chunk.len()).unwrap_or_default());
    }
    Ok(out)
}

/// RSAES-PKCS1-v1_5 decoding with implicit rejection (RFC 8017 §7.2.2 step 3 as
/// draft-irtf-cfrg-rsa-guidance §7.2 amends it; the algorithm of `rsa` 0.10 and OpenSSL 3.2+):
/// the message of `em` (the `k`-byte RSADP output of `ciphertext`) when its padding is valid,
/// else a synthetic message derived from the private exponent `d` (`k` bytes, big-endian) and the
/// ciphertext, the same for the same ciphertext every time.
///
/// Constant time with respect to `em` and `d`: the synthetic message and its length are derived
/// for every ciphertext, the padding is checked and the separator found with `subtle` over every
/// byte, and the message is selected byte by byte from both candidates; only the selected length
/// (the length of the returned message) decides the final copy. Errors only for public reasons
/// (`em`, `d` and `ciphertext` not all `k` bytes, `k` outside 11..=8191).
pub(crate) fn rsaes_pkcs1_v15_decode(
    em: &mut [u8],
    d: &[u8],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let k = em.len();
    if d.len() != k || ciphertext.len() != k {
        return Err(Error::Decryption);
    }
    let k32 = u32::try_from(k).map_err(|_| Error::Decryption)?;
    // The longest message, k - 11, bounds the synthetic lengths; k <= 8191 for IRPRF.
    let max_len = k
        .checked_sub(11)
        .filter(|_| k <= 8191)
        .and_then(|max| u16::try_from(max).ok())
        .ok_or(Error::Decryption)?;

    // Step 3: the key derivation key, then the candidate lengths and the synthetic message.
    let dh: Zeroizing<[u8; 32]> = Zeroizing::new(<sha2::Sha256 as sha2::Digest>::digest(d).into());
    let kdk = hmac_sha256(&*dh, &[ciphertext])?;
    let candidate_lengths = irprf(&*kdk, b"length", 256)?;
    let synthetic = irprf(&*kdk, b"message", k)?;
    // The synthetic length is the last candidate, masked to the bit length of max_len, that does
    // not exceed max_len (0 when none does).
    let mut mask = max_len;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    let mut synthetic_len = 0u16;
    for pair in candidate_lengths.chunks_exact(2) {
        if let [high, low] = pair {
            let candidate = u16::from_be_bytes([*high, *low]) & mask;
            synthetic_len.conditional_assign(&candidate, !candidate.ct_gt(&max_len));
        }
    }

    // Step 4: EM = 00 || 02 || PS || 00 || M with at least 8 bytes of non-zero PS, checked
    // without branching on a byte.
    let [first, second, ..] = *em else {
        return Err(Error::Decryption);
    };
    let mut invalid = !first.ct_eq(&0) | !second.ct_eq(&2);
    let mut looking = Choice::from(1);
    let mut separator = 0u32;
    for (i, byte) in (0u32..).zip(em.iter()).skip(2) {
        let is_zero = byte.ct_eq(&0);
        separator.conditional_assign(&i, looking & is_zero);
        looking &= !is_zero;
    }
    invalid |= looking | !separator.ct_gt(&9);
    // separator <= k - 1 when found; when not, the length is 0.
    let message_len =
        u32::conditional_select(&k32.wrapping_sub(separator).wrapping_sub(1), &0, looking);

    // Step 5: select the synthetic message over the whole buffer when the padding is invalid.
    let length = u32::conditional_select(&message_len, &u32::from(synthetic_len), invalid);
    for (byte, synthetic) in em.iter_mut().zip(synthetic.iter()) {
        byte.conditional_assign(synthetic, invalid);
    }
    // The returned length is public from here on.
    let start = k.checked_sub(length as usize).ok_or(Error::Decryption)?;
    Ok(Zeroizing::new(em.get(start..).unwrap_or_default().to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i2osp_returns_exactly_k_bytes_whatever_the_leading_bytes() {
        let k = 256;
        let precision = 2048;
        // Zero, small values, values with one or many leading zero bytes, and the widest.
        let mut values: Vec<Vec<u8>> = vec![vec![], vec![1], vec![0xbc], vec![0xff; k]];
        for zeros in [1, 2, 3, 8, 100, 255] {
            let mut value = vec![0u8; zeros];
            value.extend((0..k - zeros).map(|i| i as u8 | 1));
            values.push(value);
        }
        for value in values {
            let x = BoxedUint::from_be_slice(&value, precision).expect("fits");
            let encoded = i2osp(&x, k).expect("fits in k bytes");
            assert_eq!(encoded.len(), k);
            let mut expected = vec![0u8; k - value.len()];
            expected.extend_from_slice(&value);
            assert_eq!(&encoded[..], &expected[..]);
        }
    }

    #[test]
    fn i2osp_pads_a_narrow_integer_and_refuses_a_value_wider_than_k() {
        // Storage narrower than k (one limb into 16 bytes) is padded on the left.
        let x = BoxedUint::from(0x0102u64);
        let encoded = i2osp(&x, 16).expect("fits");
        assert_eq!(&encoded[..], &[&[0u8; 14][..], &[1, 2]].concat()[..]);
        // A k-byte modulus storage holds at most k bytes of value; k - 1 bytes are too few for it.
        let x = BoxedUint::from_be_slice(&[1u8; 16], 128).expect("fits");
        assert!(i2osp(&x, 15).is_none());
        assert_eq!(i2osp(&x, 16).map(|e| e.to_vec()), Some(vec![1u8; 16]));
        assert!(i2osp(&BoxedUint::zero(), 0).is_some_and(|e| e.is_empty()));
    }

    #[test]
    fn pss_verify_salt_lengths_that_overflow_are_invalid_not_panics() {
        // emBits 511, SHA-512: emLen 64 = hLen; `hLen + sLen + 2` overflowed for these salts.
        let mut em = vec![0x5au8; 64];
        em[0] = 0x3a;
        em[63] = 0xbc;
        for salt in [usize::MAX, usize::MAX - 1, usize::MAX - 63, usize::MAX - 65] {
            let verified = emsa_pss_verify(
                &[0u8; 64],
                &em,
                511,
                Some(salt),
                HashAlgorithm::Sha512,
                HashAlgorithm::Sha512,
            );
            assert_eq!(verified, Ok(false), "salt length {salt}");
        }
        // The key is too small for SHA-512 even with no salt.
        assert_eq!(
            emsa_pss_verify(
                &[0u8; 64],
                &em,
                511,
                None,
                HashAlgorithm::Sha512,
                HashAlgorithm::Sha512
            ),
            Ok(false)
        );
    }

    #[test]
    fn pss_encode_and_verify_round_trip_at_every_top_bit_count() -> Result<()> {
        for em_bits in 1020..=1027 {
            for salt in [&[][..], &[7u8; 20][..]] {
                let m_hash = [9u8; 32];
                let em = emsa_pss_encode(
                    &m_hash,
                    em_bits,
                    salt,
                    HashAlgorithm::Sha256,
                    HashAlgorithm::Sha1,
                )?;
                assert_eq!(em.len(), em_bits.div_ceil(8));
                assert_eq!(em[0] & !top_byte_mask(em_bits), 0);
                assert!(emsa_pss_verify(
                    &m_hash,
                    &em,
                    em_bits,
                    Some(salt.len()),
                    HashAlgorithm::Sha256,
                    HashAlgorithm::Sha1
                )?);
            }
        }
        assert_eq!(
            emsa_pss_encode(
                &[0; 32],
                1023,
                &[0; 95],
                HashAlgorithm::Sha256,
                HashAlgorithm::Sha256
            ),
            Err(Error::InvalidArgument("PSS salt too long for the key"))
        );
        Ok(())
    }

    struct CountingRng(u8);

    impl backend_core::rng::TryRng for CountingRng {
        type Error = core::convert::Infallible;
        fn try_next_u32(&mut self) -> core::result::Result<u32, Self::Error> {
            Ok(0)
        }
        fn try_next_u64(&mut self) -> core::result::Result<u64, Self::Error> {
            Ok(0)
        }
        fn try_fill_bytes(&mut self, dst: &mut [u8]) -> core::result::Result<(), Self::Error> {
            for byte in dst {
                *byte = self.0;
                self.0 = self.0.wrapping_add(1);
            }
            Ok(())
        }
    }

    impl backend_core::rng::TryCryptoRng for CountingRng {}

    #[test]
    fn pkcs1v15_encoding_has_a_non_zero_ps_and_refuses_what_does_not_fit() -> Result<()> {
        // The generator yields 0 every 256 bytes: those are redrawn.
        let em = eme_pkcs1_v15_encode(b"hello", 300, &mut CountingRng(0))?;
        assert_eq!(em[..2], [0, 2]);
        assert!(em[2..294].iter().all(|&b| b != 0));
        assert_eq!(em[294], 0);
        assert_eq!(&em[295..], b"hello");
        let too_long = Err(Error::InvalidArgument("message too long for the key"));
        assert_eq!(
            eme_pkcs1_v15_encode(&[1; 6], 16, &mut CountingRng(1)).map(|_| ()),
            too_long
        );
        assert_eq!(
            eme_pkcs1_v15_encode(b"", 10, &mut CountingRng(1)).map(|_| ()),
            too_long
        );
        assert!(eme_pkcs1_v15_encode(&[1; 5], 16, &mut CountingRng(1)).is_ok());
        Ok(())
    }

    #[test]
    fn pkcs1v15_decoding_refuses_only_public_length_mismatches() {
        let mut em = vec![0u8; 64];
        assert_eq!(
            rsaes_pkcs1_v15_decode(&mut em, &[1; 63], &[2; 64]).map(|_| ()),
            Err(Error::Decryption)
        );
        assert_eq!(
            rsaes_pkcs1_v15_decode(&mut em, &[1; 64], &[2; 65]).map(|_| ()),
            Err(Error::Decryption)
        );
        let mut short = vec![0u8; 10];
        assert_eq!(
            rsaes_pkcs1_v15_decode(&mut short, &[1; 10], &[2; 10]).map(|_| ()),
            Err(Error::Decryption)
        );
        // A well-formed encoding of the shortest modulus decodes to its message.
        let mut em = vec![0, 2, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0xaa];
        let message = rsaes_pkcs1_v15_decode(&mut em, &[1; 12], &[2; 12]).map(|m| m.to_vec());
        assert_eq!(message, Ok(vec![0xaa]));
    }
}
