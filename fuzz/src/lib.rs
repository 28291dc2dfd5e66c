//! Helpers shared by the fuzz targets in `fuzz_targets/`: descriptor choices from fuzzer bytes,
//! chunking, fixed RSA test keys, and a little big-endian arithmetic.
//!
//! Every choice biases towards values the backend accepts (so the fuzzer reaches the code behind
//! the parameter checks) while still producing the out-of-range ones (so the checks themselves
//! are exercised).

use arbitrary::{Result, Unstructured};
use backend::{Backend, CipherAlgorithm, EllipticCurve, EllipticCurveBackend, HashAlgorithm};
use backend::{MessageHash, RsaBackend, RsaPrivateKey, RsaPublicKey};
use backend::{RsaPrivateNumbers, RsaPublicNumbers};
use std::num::NonZeroUsize;
use std::sync::OnceLock;

/// `n` bytes from the input; when it runs short, the rest is a fixed pattern (so a short input
/// still reaches the code after the length checks, rather than ending the run).
pub fn take(u: &mut Unstructured<'_>, n: usize) -> Vec<u8> {
    let have = n.min(u.len());
    let mut out = u.bytes(have).map(<[u8]>::to_vec).unwrap_or_default();
    out.extend((out.len()..n).map(|i| (i as u8).wrapping_mul(0x5b) ^ 0xa7));
    out
}

/// Up to `max` bytes ([`take`] of a length from the input).
pub fn take_up_to(u: &mut Unstructured<'_>, max: usize) -> Result<Vec<u8>> {
    let n = u.int_in_range(0..=max)?;
    Ok(take(u, n))
}

/// Whatever input is left.
pub fn rest(u: &mut Unstructured<'_>) -> Vec<u8> {
    u.bytes(u.len()).map(<[u8]>::to_vec).unwrap_or_default()
}

/// A length: three times in four one of `likely`, otherwise anything up to `max`.
pub fn length(u: &mut Unstructured<'_>, likely: &[usize], max: usize) -> Result<usize> {
    if !likely.is_empty() && u.ratio(3u8, 4u8)? {
        Ok(*u.choose(likely)?)
    } else {
        u.int_in_range(0..=max)
    }
}

/// Bytes of a [`length`], at most `max` of them (a likely length above `max` is cut to `max`).
pub fn bytes_of_length(u: &mut Unstructured<'_>, likely: &[usize], max: usize) -> Result<Vec<u8>> {
    let n = length(u, likely, max)?.min(max);
    Ok(take(u, n))
}

/// A SHAKE output size: mostly small, sometimes beyond the 64-byte inline `Output`, sometimes
/// huge (the size arithmetic of every caller must not overflow).
pub fn xof_size(u: &mut Unstructured<'_>) -> Result<NonZeroUsize> {
    let n = match u.int_in_range(0u8..=7)? {
        0..=3 => u.int_in_range(1..=64)?,
        4 | 5 => u.int_in_range(65..=2048)?,
        6 => u.arbitrary::<usize>()?,
        _ => usize::MAX - usize::from(u.arbitrary::<u8>()?),
    };
    Ok(NonZeroUsize::new(n).unwrap_or(NonZeroUsize::MIN))
}

/// Any hash descriptor, SHAKE included (with any output size).
pub fn hash(u: &mut Unstructured<'_>) -> Result<HashAlgorithm> {
    Ok(match u.int_in_range(0u8..=16)? {
        0 => HashAlgorithm::Sha1,
        1 => HashAlgorithm::Sha224,
        2 => HashAlgorithm::Sha256,
        3 => HashAlgorithm::Sha384,
        4 => HashAlgorithm::Sha512,
        5 => HashAlgorithm::Sha512_224,
        6 => HashAlgorithm::Sha512_256,
        7 => HashAlgorithm::Sha3_224,
        8 => HashAlgorithm::Sha3_256,
        9 => HashAlgorithm::Sha3_384,
        10 => HashAlgorithm::Sha3_512,
        11 => HashAlgorithm::Shake128 {
            digest_size: xof_size(u)?,
        },
        12 => HashAlgorithm::Shake256 {
            digest_size: xof_size(u)?,
        },
        13 => HashAlgorithm::Blake2b512,
        14 => HashAlgorithm::Blake2s256,
        15 => HashAlgorithm::Md5,
        _ => HashAlgorithm::Sm3,
    })
}

/// A hash to apply, or a digest already computed.
pub fn message_hash(u: &mut Unstructured<'_>) -> Result<MessageHash> {
    let algorithm = hash(u)?;
    Ok(if u.ratio(1u8, 4u8)? {
        MessageHash::Prehashed(algorithm)
    } else {
        MessageHash::Hash(algorithm)
    })
}

/// A curve: mostly one the backend supports, sometimes any named curve.
pub fn curve(u: &mut Unstructured<'_>) -> Result<EllipticCurve> {
    let supported: Vec<EllipticCurve> = EllipticCurve::ALL
        .into_iter()
        .filter(|&c| Backend.elliptic_curve_supported(c))
        .collect();
    if u.ratio(7u8, 8u8)? {
        Ok(*u.choose(&supported)?)
    } else {
        Ok(*u.choose(&EllipticCurve::ALL)?)
    }
}

/// The kinds of [`CipherAlgorithm`], for choosing one before its key exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, arbitrary::Arbitrary)]
pub enum CipherKind {
    /// AES.
    Aes,
    /// Triple DES.
    TripleDes,
    /// Camellia.
    Camellia,
    /// SM4.
    Sm4,
    /// ChaCha20 (key and 16-byte counter-and-nonce).
    ChaCha20,
}

impl CipherKind {
    /// Key lengths the kind accepts (AES-512 only for XTS).
    pub fn key_lengths(self) -> &'static [usize] {
        match self {
            CipherKind::Aes => &[16, 24, 32, 64],
            CipherKind::TripleDes => &[8, 16, 24],
            CipherKind::Camellia => &[16, 24, 32],
            CipherKind::Sm4 => &[16],
            CipherKind::ChaCha20 => &[32],
        }
    }

    /// The descriptor over `key` (and `nonce`, for ChaCha20).
    pub fn with<'k>(self, key: &'k [u8], nonce: &'k [u8]) -> CipherAlgorithm<'k> {
        match self {
            CipherKind::Aes => CipherAlgorithm::Aes(key),
            CipherKind::TripleDes => CipherAlgorithm::TripleDes(key),
            CipherKind::Camellia => CipherAlgorithm::Camellia(key),
            CipherKind::Sm4 => CipherAlgorithm::Sm4(key),
            CipherKind::ChaCha20 => CipherAlgorithm::ChaCha20 { key, nonce },
        }
    }
}

/// Splits `data` at the given chunk sizes (a zero size is an empty chunk); whatever the sizes
/// leave is the last chunk. At most `sizes.len() + 1` chunks.
pub fn chunks<'a>(data: &'a [u8], sizes: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::with_capacity(sizes.len() + 1);
    let mut rest = data;
    for &size in sizes {
        let (head, tail) = rest.split_at(usize::from(size).min(rest.len()));
        out.push(head);
        rest = tail;
    }
    if !rest.is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// `bytes` without leading zeros.
pub fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Big-endian product of two big-endian magnitudes, trimmed (schoolbook; the operands are small).
pub fn mul_be(a: &[u8], b: &[u8]) -> Vec<u8> {
    let (a, b) = (trim(a), trim(b));
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    // Little-endian accumulation.
    let mut acc = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().rev().enumerate() {
        let mut carry = 0u32;
        for (j, &y) in b.iter().rev().enumerate() {
            let t = acc[i + j] + u32::from(x) * u32::from(y) + carry;
            acc[i + j] = t & 0xff;
            carry = t >> 8;
        }
        let mut k = i + b.len();
        while carry > 0 {
            let t = acc[k] + carry;
            acc[k] = t & 0xff;
            carry = t >> 8;
            k += 1;
        }
    }
    let be: Vec<u8> = acc.iter().rev().map(|&d| d as u8).collect();
    trim(&be).to_vec()
}

/// Decodes the hex of the fixed keys.
pub fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("fixed hex"))
        .collect()
}

/// An RSA key generated once with `openssl genrsa` and written down as hex.
#[derive(Debug)]
pub struct FixedKey {
    /// Modulus.
    pub n: &'static str,
    /// Public exponent.
    pub e: &'static str,
    /// Private exponent.
    pub d: &'static str,
    /// First prime.
    pub p: &'static str,
    /// Second prime.
    pub q: &'static str,
    /// d mod (p - 1).
    pub dmp1: &'static str,
    /// d mod (q - 1).
    pub dmq1: &'static str,
    /// q^-1 mod p.
    pub iqmp: &'static str,
}

impl FixedKey {
    /// The key's public numbers.
    pub fn public_numbers(&self) -> RsaPublicNumbers {
        RsaPublicNumbers::new(&hex(self.e), &hex(self.n))
    }

    /// The key's private numbers.
    pub fn private_numbers(&self) -> RsaPrivateNumbers {
        RsaPrivateNumbers {
            p: hex(self.p),
            q: hex(self.q),
            d: hex(self.d),
            dmp1: hex(self.dmp1),
            dmq1: hex(self.dmq1),
            iqmp: hex(self.iqmp),
            public_numbers: self.public_numbers(),
        }
    }
}

/// The smallest modulus the backend loads (512 bits), e = 65537.
pub const RSA_512: FixedKey = FixedKey {
    n: "9e7adbdcbdc23fc536f367f3029ceedf99985a9722768e4f79b05d754e3632cb2503033734626c8508bbdbd4f02913e71a464d6268310c98804f572042051f8d",
    e: "010001",
    d: "36fca3da7450b8b5a1ba549fe19137e4873370832de6fabba29a49e310af07721eedf07b2d52c3b9743febeaf41d4310f56094743053a7eba8bcab107548bd35",
    p: "cba5ee3f8673bd77f7090e892ecc6b0315421b822da7bfa6f226bada84619497",
    q: "c73868cb6fdaf85ca750c94734e6ff9387a0bb097b2bddb587ce2a1444b37d7b",
    dmp1: "bcfc0536aa7d29ecf431516df921f684ebeb673fcd4288d6528da2853aa89b8d",
    dmq1: "0b3e88d3aaad8e4514807fcbd01595a94b076c671d979d3ce8bc5f2da3af09cf",
    iqmp: "58d873e62b00cce61aa2b1f78131564dd30938c2e233e02bfb82d3a023a8150b",
};

/// A 1024-bit key, e = 65537: room for OAEP and PSS with every supported hash but SHA-512-sized
/// OAEP.
pub const RSA_1024: FixedKey = FixedKey {
    n: "b172fb57a9b2236cd42ba0bd062e11d6be9c8afb27e609e6cb259992eba619eaeb68259337d6c6f29f8d6e6bdf3f323f2bd818f07f9991b5c7da5102fc120a25a0b97ad87a7a2f015df9a0463df9a0355b05aa7eda924923f427760f307fa9557879b65822bf88db71ee879f7cca0bccbf0bdcfce92179e884264fa2b3a24c73",
    e: "010001",
    d: "3f9c2d376690821c700e57a78b0096ca7937daa65fce19bc8f14227245611ca756cdd5b26970e78e6fdd9e38b3258f588fd9fe4eb01f17d9a713beb8a82dbb4eda4e35aa8955f27038327238590a8a8132f7754bf73f9d4f7ffd298da690570966dd29d11cbf7094cc27ca624bc1e04d267b1408c9ba3bcbd0e150c4eeb25671",
    p: "ea00b30733b0b2ff8f045d10c9b68b9d55f0b47ad6f96f74be22f68e513f5bd7a8c7f0c557854da7900e14b9a3198f18fad488f00d91bbeeaedc63bd99aea3cb",
    q: "c221507fe612769155c1823fd8cf0048efa991cdb2b9a205a179a7bc95ea5779cd66613e34cd1878c671649c72920d31bf5a87cd06c46f017c7d2130540774f9",
    dmp1: "8c8fc4fab38315d2cb4efcb463e682710d399cc01938164a53185f7057bfae649a1f18330282b185d0d394817a46951d95366bd77edf26bb96500e9dca9e0c07",
    dmq1: "141ceb8034d018e4b9e3d0a0d8cfa991e4f2c69e6f33f86b68ed77c97c26c9655f388a3eadadca2949361a5c732a5a9f9ad9c05427ad566aeb00f3dd53f769d1",
    iqmp: "d55b13e25bf4c887697d635428c6543258770608e2c97199b5c2e5d01aeb391fbee2930d5f192d586bb9a39d60bcb5112a896cf71aaf9038cd819edc53beb017",
};

/// A 1024-bit key with e = 3 (the other exponent the provider generates).
pub const RSA_1024_E3: FixedKey = FixedKey {
    n: "b0c171ed8dadd97694833cf40e89e9c22fb1a9e9c584438e1f3ed4c96358c846d5bb0c265c9e50f275ec7a2708b2a6076c1ef2d19184c70500c8bccbee56b57c508114b562091304a4cd6a1b5e98b72419eaacef357c8e15bc04e8e49a1cdc2e4c942db792173a27e2fa60723614010bb0ba2fee0f2730cf55fae30c2576a825",
    e: "03",
    d: "75d64bf3b3c93ba4630228a2b45bf12c1fcbc69bd902d7b414d48ddb979085848e7cb2c43dbee0a1a3f2fc1a05cc6eaf9d69f73661032f58ab307ddd498f23a7196ad893a2218f47813a53082e8c1914af133b109915d41792938af43bb036b660ad7e1095e04cfbd6509fcb6635d725dd64fc7c1a849fc1b22141b5fb1f35eb",
    p: "e356121f351cbd76b701cdde95cefffd071a94e6e81a4aea4dad66e6fc733fdcd2c9891b1b616837c3c911624bc5fea3addb1a37ceb9202c7e97289633a6c67d",
    q: "c70abdb8b9b9fea2abf41fb082f791880c333f6f67c18508127a318f44214a3fe8c6678395e55e765db85f5ed0fd3faf36c79afc18a721004c31d7e4f92110c9",
    dmp1: "978eb6bf78bdd3a47a0133e9b934aaa8af670def4566dc9c33c8ef44a84cd53de1dbb0bcbceb9acfd7db60ec3283ff17c93cbc25347b6ac85464c5b977c48453",
    dmq1: "84b1d3d07bd1546c72a2bfcb01fa61055d777f9f9a81035ab6fc210a2d6b86d545d99a57b943944ee92594e9e0a8d51f79da6752bb1a160032cbe54350c0b5db",
    iqmp: "5ba2db3392c89a99505f2596d3fa2aecbea58ad3dc286cf481716b69b1d1a30945999cc3a1e7149a104bd67759043f55c7e05d9222b4df0bfe98dd8a199368e5",
};

/// The fixed keys.
pub const FIXED_KEYS: [&FixedKey; 3] = [&RSA_512, &RSA_1024, &RSA_1024_E3];

/// The private key of `FIXED_KEYS[index]`, loaded once per process.
pub fn fixed_private_key(index: usize) -> &'static dyn RsaPrivateKey {
    static KEYS: [OnceLock<Box<dyn RsaPrivateKey>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    KEYS[index]
        .get_or_init(|| {
            Backend
                .load_rsa_private_numbers(&FIXED_KEYS[index].private_numbers())
                .expect("the fixed RSA keys load")
        })
        .as_ref()
}

/// The public key of `FIXED_KEYS[index]`, loaded once per process.
pub fn fixed_public_key(index: usize) -> &'static dyn RsaPublicKey {
    static KEYS: [OnceLock<Box<dyn RsaPublicKey>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    KEYS[index]
        .get_or_init(|| {
            Backend
                .load_rsa_public_numbers(&FIXED_KEYS[index].public_numbers())
                .expect("the fixed RSA keys load")
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiplication() {
        assert_eq!(mul_be(&[0x01, 0x00], &[0x01, 0x00]), vec![1, 0, 0]);
        assert_eq!(mul_be(&[0xff, 0xff], &[0xff]), vec![0xfe, 0xff, 0x01]);
        assert_eq!(mul_be(&[], &[7]), Vec::<u8>::new());
        for key in FIXED_KEYS {
            assert_eq!(mul_be(&hex(key.p), &hex(key.q)), hex(key.n));
        }
    }

    #[test]
    fn chunking() {
        let data = [1u8, 2, 3, 4, 5];
        assert_eq!(
            chunks(&data, &[2, 0, 9]),
            vec![&data[..2], &[][..], &data[2..]]
        );
        assert_eq!(chunks(&data, &[]), vec![&data[..]]);
        assert_eq!(chunks(&[], &[]), vec![&[][..]]);
    }
}
