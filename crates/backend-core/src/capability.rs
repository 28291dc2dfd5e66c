//! Capability rows: the one shape in which every provider says what it offers.
//!
//! A provider lists, per family, a slice of [`Capability`] rows. Each row names an [`Algorithm`]
//! (the family, the algorithm and its mode or padding, with no key or data) and the parameters
//! that decide support: key sizes, the hashes it pairs with, nonce and tag lengths. A call is
//! described by a [`Query`] with the exact parameters it uses, and [`supports`] answers whether a
//! row accepts it. Every `*_supported` method of every family is derived from that one function,
//! and `MultiBackend` routes a call to the first provider whose rows accept its query.
//!
//! ```
//! use backend_core::capability::{supports, Algorithm, Capability, CipherKind, Query, Sizes};
//!
//! // A provider with AES-128-GCM and AES-256-GCM, 96-bit nonces and 16-byte tags only.
//! const ROWS: &[Capability] = &[Capability::new(Algorithm::Aead(backend_core::capability::AeadKind::AesGcm))
//!     .key_bits(Sizes::range(128, 256, 128))
//!     .nonce_bytes(Sizes::exactly(12))
//!     .tag_bytes(Sizes::exactly(16))];
//! let gcm = |key_bits| Query::new(Algorithm::Aead(backend_core::capability::AeadKind::AesGcm))
//!     .key_bits(key_bits)
//!     .nonce_bytes(12)
//!     .tag_bytes(16);
//! assert!(supports(ROWS, &gcm(128)));
//! assert!(!supports(ROWS, &gcm(192)), "no AES-192: a composition falls through");
//! # let _ = CipherKind::Aes;
//! ```

use crate::{CipherAlgorithm, EllipticCurve, HashAlgorithm};

/// A block or stream cipher, without its key: what CMAC and cipher rows name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CipherKind {
    /// AES (key sizes in the row).
    Aes,
    /// Triple DES (64-, 128- and 192-bit keys as the seed expands them).
    TripleDes,
    /// Camellia.
    Camellia,
    /// SM4.
    Sm4,
    /// ChaCha20 with the 16-byte counter ‖ nonce.
    ChaCha20,
}

/// A mode of operation, without its IV, nonce, tweak or tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModeKind {
    /// A stream cipher used as it is (ChaCha20).
    Stream,
    /// ECB.
    Ecb,
    /// CBC.
    Cbc,
    /// CTR.
    Ctr,
    /// OFB.
    Ofb,
    /// CFB (full-block feedback).
    Cfb,
    /// CFB8.
    Cfb8,
    /// XTS.
    Xts,
    /// GCM, streaming.
    Gcm,
}

/// A one-shot AEAD construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AeadKind {
    /// AES-GCM.
    AesGcm,
    /// AES-CCM.
    AesCcm,
    /// ChaCha20-Poly1305 (RFC 8439).
    ChaCha20Poly1305,
}

/// An RSA padding scheme, without its parameters (hashes, salt, label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PaddingKind {
    /// PKCS#1 v1.5 (signatures and encryption).
    Pkcs1v15,
    /// PSS (signatures).
    Pss,
    /// OAEP (encryption).
    Oaep,
}

/// What a row is about: a family and its algorithm, with no key or data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// A hash function; a SHAKE row serves every output length.
    Hash(HashAlgorithm),
    /// HMAC over a hash.
    Hmac(HashAlgorithm),
    /// CMAC over a block cipher (key sizes in the row).
    Cmac(CipherKind),
    /// A cipher in a mode (key sizes, IV or nonce and tag lengths in the row).
    Cipher(CipherKind, ModeKind),
    /// A one-shot AEAD (key sizes, nonce and tag lengths in the row).
    Aead(AeadKind),
    /// PBKDF2 with HMAC over a hash.
    Pbkdf2Hmac(HashAlgorithm),
    /// HKDF over a hash.
    Hkdf(HashAlgorithm),
    /// scrypt.
    Scrypt,
    /// RSA key generation with this public exponent (modulus sizes in the row).
    RsaKeyGeneration {
        /// The public exponent.
        public_exponent: u64,
    },
    /// RSA keys loaded from numbers (modulus sizes in the row).
    RsaKeys,
    /// RSA signatures with a padding (hashes, including MGF1's, and modulus sizes in the row).
    RsaSignature(PaddingKind),
    /// RSA encryption with a padding (hashes, including MGF1's, and modulus sizes in the row).
    RsaEncryption(PaddingKind),
    /// Keys on a curve: generation and loading.
    EcKeys(EllipticCurve),
    /// ECDSA on a curve (hashes in the row).
    Ecdsa(EllipticCurve),
    /// ECDH on a curve.
    Ecdh(EllipticCurve),
    /// DSA domain-parameter generation (modulus sizes `L` in the row).
    DsaParameterGeneration,
    /// DSA parameters and keys loaded from numbers, with a subgroup order `q` of `subgroup_bits`
    /// bits (`N`; modulus sizes `L` in the row).
    DsaKeys {
        /// The bit length of the subgroup order `q`.
        subgroup_bits: u16,
    },
    /// DSA signatures (hashes in the row).
    DsaSignature,
    /// Finite-field Diffie-Hellman parameter generation (safe primes) with this generator
    /// (modulus sizes in the row).
    DhParameterGeneration {
        /// The generator.
        generator: u64,
    },
    /// Finite-field Diffie-Hellman parameters and keys loaded from numbers, keys generated in
    /// them, and their exchange (modulus sizes in the row).
    DhKeys,
}

impl Algorithm {
    /// The same family with `hash` in place of its hash (`Hash`, `Hmac`, `Pbkdf2Hmac`, `Hkdf`);
    /// any other algorithm as it is.
    pub const fn with_hash(self, hash: HashAlgorithm) -> Algorithm {
        match self {
            Algorithm::Hash(_) => Algorithm::Hash(hash),
            Algorithm::Hmac(_) => Algorithm::Hmac(hash),
            Algorithm::Pbkdf2Hmac(_) => Algorithm::Pbkdf2Hmac(hash),
            Algorithm::Hkdf(_) => Algorithm::Hkdf(hash),
            other => other,
        }
    }

    /// True when a row naming `self` serves a call naming `other`: equal, except that a hash is
    /// the same function whatever the SHAKE output length.
    pub fn serves(&self, other: &Algorithm) -> bool {
        use Algorithm::*;
        match (self, other) {
            (Hash(a), Hash(b))
            | (Hmac(a), Hmac(b))
            | (Pbkdf2Hmac(a), Pbkdf2Hmac(b))
            | (Hkdf(a), Hkdf(b)) => a.same_function(*b),
            _ => self == other,
        }
    }
}

/// A set of sizes: `min..=max` in steps of `step` (bits for keys, bytes for nonces and tags).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sizes {
    min: u32,
    max: u32,
    step: u32,
}

impl Sizes {
    /// Every size: the parameter does not decide support.
    pub const ANY: Sizes = Sizes {
        min: 0,
        max: u32::MAX,
        step: 1,
    };

    /// One size.
    pub const fn exactly(size: u32) -> Sizes {
        Sizes {
            min: size,
            max: size,
            step: 1,
        }
    }

    /// `min`, `min + step`, ... up to `max` (a `step` of 0 is taken as 1).
    pub const fn range(min: u32, max: u32, step: u32) -> Sizes {
        Sizes {
            min,
            max,
            step: if step == 0 { 1 } else { step },
        }
    }

    /// True when `size` is in the set.
    pub const fn contains(&self, size: u32) -> bool {
        size >= self.min && size <= self.max && (size - self.min).is_multiple_of(self.step)
    }

    /// The smallest size of the set (what a consistency check tries first).
    pub const fn min(&self) -> u32 {
        self.min
    }

    /// The largest size of the set.
    pub const fn max(&self) -> u32 {
        self.max
    }
}

/// A set of hash functions (SHAKE rows stand for every output length), held as a bit set so rows
/// stay `Copy` and `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct HashSet(u32);

impl HashSet {
    /// No hash: the row's algorithm takes none.
    pub const NONE: HashSet = HashSet(0);

    /// Every fixed-output hash ([`HashAlgorithm::FIXED_OUTPUT`]).
    pub const FIXED_OUTPUT: HashSet = HashSet::of(&HashAlgorithm::FIXED_OUTPUT);

    /// The set of `hashes`.
    pub const fn of(hashes: &[HashAlgorithm]) -> HashSet {
        let mut bits = 0;
        let mut i = 0;
        while i < hashes.len() {
            bits |= 1 << hashes[i].index();
            i += 1;
        }
        HashSet(bits)
    }

    /// The set without `hashes`.
    pub const fn without(self, hashes: &[HashAlgorithm]) -> HashSet {
        HashSet(self.0 & !HashSet::of(hashes).0)
    }

    /// The hashes a signature scheme of the SHA families takes: [`HashSet::FIXED_OUTPUT`] without
    /// BLAKE2, MD5 and SM3 (what RSA and ECDSA accept in pyca/cryptography and OpenSSL).
    pub const SIGNATURE: HashSet = HashSet::FIXED_OUTPUT.without(&[
        HashAlgorithm::Blake2b512,
        HashAlgorithm::Blake2s256,
        HashAlgorithm::Md5,
        HashAlgorithm::Sm3,
    ]);

    /// True when `hash` (any SHAKE output length) is in the set.
    pub const fn contains(&self, hash: HashAlgorithm) -> bool {
        self.0 & (1 << hash.index()) != 0
    }

    /// True when the set is empty.
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The hashes of the set, in the order of [`HashAlgorithm::ALL`].
    pub fn iter(self) -> impl Iterator<Item = HashAlgorithm> {
        HashAlgorithm::ALL
            .into_iter()
            .filter(move |h| self.contains(*h))
    }
}

/// One thing a provider offers: an algorithm and the parameters it accepts.
///
/// Build rows with [`Capability::new`] and the setters, in a `const`:
/// `Capability::new(Algorithm::Cmac(CipherKind::Aes)).key_bits(Sizes::range(128, 256, 64))`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Capability {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// Key sizes in bits: the cipher key, the RSA modulus. [`Sizes::ANY`] where no key size
    /// decides support.
    pub key_bits: Sizes,
    /// The hashes the algorithm pairs with (a signature's message hash, MGF1's hash, OAEP's label
    /// hash). [`HashSet::NONE`] where it takes none.
    pub hashes: HashSet,
    /// IV or nonce lengths in bytes; [`Sizes::ANY`] where the algorithm checks them itself.
    pub nonce_bytes: Sizes,
    /// Tag lengths in bytes; [`Sizes::ANY`] where there is no tag.
    pub tag_bytes: Sizes,
}

impl Capability {
    /// A row for `algorithm` accepting every key size, nonce and tag length, and no hash.
    pub const fn new(algorithm: Algorithm) -> Capability {
        Capability {
            algorithm,
            key_bits: Sizes::ANY,
            hashes: HashSet::NONE,
            nonce_bytes: Sizes::ANY,
            tag_bytes: Sizes::ANY,
        }
    }

    /// The row with these key sizes (bits).
    pub const fn key_bits(self, key_bits: Sizes) -> Capability {
        Capability { key_bits, ..self }
    }

    /// The row with these hashes.
    pub const fn hashes(self, hashes: HashSet) -> Capability {
        Capability { hashes, ..self }
    }

    /// The row with these nonce lengths (bytes).
    pub const fn nonce_bytes(self, nonce_bytes: Sizes) -> Capability {
        Capability {
            nonce_bytes,
            ..self
        }
    }

    /// The row with these tag lengths (bytes).
    pub const fn tag_bytes(self, tag_bytes: Sizes) -> Capability {
        Capability { tag_bytes, ..self }
    }

    /// One row per hash of `hashes`, each this row with the hash put in its algorithm
    /// ([`Algorithm::with_hash`]): the rows of a hash-keyed family built from the one list
    /// (`Capability::new(Algorithm::Hmac(HashAlgorithm::Sha256)).per_hash(HashAlgorithm::FIXED_OUTPUT)`).
    pub const fn per_hash<const N: usize>(self, hashes: [HashAlgorithm; N]) -> [Capability; N] {
        let mut rows = [self; N];
        let mut i = 0;
        while i < N {
            rows[i].algorithm = self.algorithm.with_hash(hashes[i]);
            i += 1;
        }
        rows
    }

    /// True when this row serves `query`: the algorithm matches and every parameter the query
    /// names is in the row's set.
    pub fn accepts(&self, query: &Query) -> bool {
        let within = |set: &Sizes, value: Option<u32>| value.is_none_or(|v| set.contains(v));
        self.algorithm.serves(&query.algorithm)
            && within(&self.key_bits, query.key_bits)
            && within(&self.nonce_bytes, query.nonce_bytes)
            && within(&self.tag_bytes, query.tag_bytes)
            && query
                .hashes
                .iter()
                .flatten()
                .all(|h| self.hashes.contains(*h))
    }
}

/// The exact parameters of one call, for [`supports`] to check against a provider's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Query {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// The key size in bits, when the call has a key.
    pub key_bits: Option<u32>,
    /// The hashes the call uses (message hash, MGF1 or label hash).
    pub hashes: [Option<HashAlgorithm>; 2],
    /// The IV or nonce length in bytes, when it has one.
    pub nonce_bytes: Option<u32>,
    /// The tag length in bytes, when it has one.
    pub tag_bytes: Option<u32>,
}

impl Query {
    /// A query naming only `algorithm`.
    pub const fn new(algorithm: Algorithm) -> Query {
        Query {
            algorithm,
            key_bits: None,
            hashes: [None, None],
            nonce_bytes: None,
            tag_bytes: None,
        }
    }

    /// The query with a key of `key_bits` bits.
    pub const fn key_bits(self, key_bits: u32) -> Query {
        Query {
            key_bits: Some(key_bits),
            ..self
        }
    }

    /// The query with a key of `bytes` bytes (saturating: an absurd length is simply unsupported).
    pub const fn key_bytes(self, bytes: usize) -> Query {
        self.key_bits(bits_of(bytes))
    }

    /// The query using `hash` (call twice for a second hash: MGF1's or OAEP's label hash).
    pub const fn hash(self, hash: HashAlgorithm) -> Query {
        let hashes = match self.hashes {
            [None, second] => [Some(hash), second],
            [first, _] => [first, Some(hash)],
        };
        Query { hashes, ..self }
    }

    /// The query with a nonce or IV of `bytes` bytes.
    pub const fn nonce_bytes(self, bytes: usize) -> Query {
        Query {
            nonce_bytes: Some(saturate(bytes)),
            ..self
        }
    }

    /// The query with a tag of `bytes` bytes.
    pub const fn tag_bytes(self, bytes: usize) -> Query {
        Query {
            tag_bytes: Some(saturate(bytes)),
            ..self
        }
    }
}

const fn saturate(n: usize) -> u32 {
    if n > u32::MAX as usize {
        u32::MAX
    } else {
        n as u32
    }
}

const fn bits_of(bytes: usize) -> u32 {
    saturate(bytes).saturating_mul(8)
}

/// True when some row of `rows` accepts `query`: the one derivation of every `*_supported`.
pub fn supports(rows: &[Capability], query: &Query) -> bool {
    rows.iter().any(|row| row.accepts(query))
}

impl CipherAlgorithm<'_> {
    /// The cipher without its key.
    pub const fn kind(&self) -> CipherKind {
        match self {
            CipherAlgorithm::Aes(_) => CipherKind::Aes,
            CipherAlgorithm::TripleDes(_) => CipherKind::TripleDes,
            CipherAlgorithm::Camellia(_) => CipherKind::Camellia,
            CipherAlgorithm::Sm4(_) => CipherKind::Sm4,
            CipherAlgorithm::ChaCha20 { .. } => CipherKind::ChaCha20,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::num::NonZeroUsize;

    #[test]
    fn a_shake_row_serves_every_output_length() {
        let rows = [Capability::new(Algorithm::Hash(
            HashAlgorithm::shake128(32).unwrap(),
        ))];
        let long = HashAlgorithm::Shake128 {
            digest_size: NonZeroUsize::new(137).unwrap(),
        };
        assert!(supports(&rows, &Query::new(Algorithm::Hash(long))));
        assert!(!supports(
            &rows,
            &Query::new(Algorithm::Hash(HashAlgorithm::shake256(32).unwrap()))
        ));
    }

    #[test]
    fn sizes_and_hashes_decide() {
        let row = Capability::new(Algorithm::RsaSignature(PaddingKind::Pss))
            .key_bits(Sizes::range(1024, 4096, 8))
            .hashes(HashSet::of(&[HashAlgorithm::Sha256, HashAlgorithm::Sha384]));
        let q = Query::new(Algorithm::RsaSignature(PaddingKind::Pss));
        assert!(row.accepts(&q.key_bits(2048).hash(HashAlgorithm::Sha256)));
        assert!(
            row.accepts(
                &q.key_bits(2048)
                    .hash(HashAlgorithm::Sha256)
                    .hash(HashAlgorithm::Sha384)
            )
        );
        assert!(
            !row.accepts(
                &q.key_bits(2048)
                    .hash(HashAlgorithm::Sha256)
                    .hash(HashAlgorithm::Sha1)
            )
        );
        assert!(!row.accepts(&q.key_bits(2047)));
        assert!(!row.accepts(&q.key_bits(8192)));
        assert!(!row.accepts(&q.key_bytes(usize::MAX)));
        assert!(!row.accepts(&Query::new(Algorithm::RsaSignature(PaddingKind::Pkcs1v15))));
    }

    #[test]
    fn per_hash_rows_follow_the_list() {
        let rows = Capability::new(Algorithm::Hmac(HashAlgorithm::Sha256))
            .per_hash(HashAlgorithm::FIXED_OUTPUT);
        assert_eq!(rows.len(), HashAlgorithm::FIXED_OUTPUT.len());
        for (row, h) in rows.iter().zip(HashAlgorithm::FIXED_OUTPUT) {
            assert_eq!(row.algorithm, Algorithm::Hmac(h));
        }
    }

    #[test]
    fn hash_sets_hold_every_hash_once() {
        let all = HashSet::of(&HashAlgorithm::ALL);
        assert_eq!(all.iter().count(), HashAlgorithm::ALL.len());
        assert_eq!(
            HashSet::FIXED_OUTPUT.iter().count(),
            HashAlgorithm::FIXED_OUTPUT.len()
        );
        assert!(HashSet::FIXED_OUTPUT.iter().all(|h| !h.is_xof()));
        assert!(HashSet::NONE.is_empty());
        let sig = HashSet::SIGNATURE;
        assert!(sig.contains(HashAlgorithm::Sha256) && sig.contains(HashAlgorithm::Sha3_512));
        assert!(!sig.contains(HashAlgorithm::Md5) && !sig.contains(HashAlgorithm::Blake2b512));
        assert_eq!(sig.iter().count(), 11);
    }
}
