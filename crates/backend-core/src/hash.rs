use crate::{Error, Result};
use core::num::NonZeroUsize;

/// A hash function, as the seed interfaces' `HashAlgorithm` instances name it.
///
/// The extendable-output functions carry their output size. It is a [`NonZeroUsize`], so a
/// descriptor with an empty output cannot exist: [`HashAlgorithm::shake128`] and
/// [`HashAlgorithm::shake256`] refuse a size of 0 with [`Error::InvalidArgument`] (the seed
/// system's "digest_size must be a positive integer"). BLAKE2 has its one supported size in its
/// name, as in pyca/cryptography.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-1 (FIPS 180-4). Broken for collision resistance; kept for legacy interoperability.
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
    /// SHA-512/224.
    Sha512_224,
    /// SHA-512/256.
    Sha512_256,
    /// SHA3-224 (FIPS 202).
    Sha3_224,
    /// SHA3-256.
    Sha3_256,
    /// SHA3-384.
    Sha3_384,
    /// SHA3-512.
    Sha3_512,
    /// SHAKE128 with an output of `digest_size` bytes.
    Shake128 {
        /// Output length in bytes.
        digest_size: NonZeroUsize,
    },
    /// SHAKE256 with an output of `digest_size` bytes.
    Shake256 {
        /// Output length in bytes.
        digest_size: NonZeroUsize,
    },
    /// BLAKE2b with a 64-byte digest.
    Blake2b512,
    /// BLAKE2s with a 32-byte digest.
    Blake2s256,
    /// MD5. Broken; kept for legacy interoperability.
    Md5,
    /// SM3 (GB/T 32905-2016).
    Sm3,
}

impl HashAlgorithm {
    /// Every fixed-output algorithm, then the two XOFs with a 32- and 64-byte output.
    pub const ALL: [HashAlgorithm; 17] = [
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha224,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
        HashAlgorithm::Sha512_224,
        HashAlgorithm::Sha512_256,
        HashAlgorithm::Sha3_224,
        HashAlgorithm::Sha3_256,
        HashAlgorithm::Sha3_384,
        HashAlgorithm::Sha3_512,
        HashAlgorithm::Shake128 {
            digest_size: NonZeroUsize::MIN.saturating_add(31),
        },
        HashAlgorithm::Shake256 {
            digest_size: NonZeroUsize::MIN.saturating_add(63),
        },
        HashAlgorithm::Blake2b512,
        HashAlgorithm::Blake2s256,
        HashAlgorithm::Md5,
        HashAlgorithm::Sm3,
    ];

    /// Every fixed-output algorithm: what HMAC, PBKDF2, HKDF and signatures can use. The one list;
    /// every family's tables refer to it (or to `capability::HashSet::FIXED_OUTPUT`).
    pub const FIXED_OUTPUT: [HashAlgorithm; 15] = {
        // [`HashAlgorithm::ALL`] without the XOFs, in its order: not a second list to keep in step.
        let mut fixed = [HashAlgorithm::Sha1; 15];
        let (mut i, mut n) = (0, 0);
        while i < HashAlgorithm::ALL.len() {
            if !HashAlgorithm::ALL[i].is_xof() {
                fixed[n] = HashAlgorithm::ALL[i];
                n += 1;
            }
            i += 1;
        }
        fixed
    };

    /// The position of the algorithm in [`HashAlgorithm::ALL`] (any SHAKE output length gives the
    /// same position): a small dense index for bit sets.
    pub const fn index(self) -> u32 {
        match self {
            HashAlgorithm::Sha1 => 0,
            HashAlgorithm::Sha224 => 1,
            HashAlgorithm::Sha256 => 2,
            HashAlgorithm::Sha384 => 3,
            HashAlgorithm::Sha512 => 4,
            HashAlgorithm::Sha512_224 => 5,
            HashAlgorithm::Sha512_256 => 6,
            HashAlgorithm::Sha3_224 => 7,
            HashAlgorithm::Sha3_256 => 8,
            HashAlgorithm::Sha3_384 => 9,
            HashAlgorithm::Sha3_512 => 10,
            HashAlgorithm::Shake128 { .. } => 11,
            HashAlgorithm::Shake256 { .. } => 12,
            HashAlgorithm::Blake2b512 => 13,
            HashAlgorithm::Blake2s256 => 14,
            HashAlgorithm::Md5 => 15,
            HashAlgorithm::Sm3 => 16,
        }
    }

    /// True when `self` and `other` are the same function, whatever their SHAKE output lengths.
    pub const fn same_function(self, other: HashAlgorithm) -> bool {
        self.index() == other.index()
    }

    /// SHAKE128 with a `digest_size`-byte output; [`Error::InvalidArgument`] for 0 (an XOF's
    /// output must be at least one byte, as pyca/cryptography's `ValueError` says).
    ///
    /// ```
    /// use backend_core::{Error, HashAlgorithm};
    ///
    /// assert_eq!(HashAlgorithm::shake128(137)?.digest_size(), 137);
    /// assert!(matches!(HashAlgorithm::shake128(0), Err(Error::InvalidArgument(_))));
    /// # Ok::<(), Error>(())
    /// ```
    pub const fn shake128(digest_size: usize) -> Result<Self> {
        match NonZeroUsize::new(digest_size) {
            Some(digest_size) => Ok(HashAlgorithm::Shake128 { digest_size }),
            None => Err(ZERO_DIGEST_SIZE),
        }
    }

    /// SHAKE256 with a `digest_size`-byte output; [`Error::InvalidArgument`] for 0.
    pub const fn shake256(digest_size: usize) -> Result<Self> {
        match NonZeroUsize::new(digest_size) {
            Some(digest_size) => Ok(HashAlgorithm::Shake256 { digest_size }),
            None => Err(ZERO_DIGEST_SIZE),
        }
    }

    /// pyca/cryptography's name: `"sha256"`, `"sha512-224"`, `"sha3-256"`, `"shake128"`, `"blake2b"`, ...
    pub const fn name(self) -> &'static str {
        match self {
            HashAlgorithm::Sha1 => "sha1",
            HashAlgorithm::Sha224 => "sha224",
            HashAlgorithm::Sha256 => "sha256",
            HashAlgorithm::Sha384 => "sha384",
            HashAlgorithm::Sha512 => "sha512",
            HashAlgorithm::Sha512_224 => "sha512-224",
            HashAlgorithm::Sha512_256 => "sha512-256",
            HashAlgorithm::Sha3_224 => "sha3-224",
            HashAlgorithm::Sha3_256 => "sha3-256",
            HashAlgorithm::Sha3_384 => "sha3-384",
            HashAlgorithm::Sha3_512 => "sha3-512",
            HashAlgorithm::Shake128 { .. } => "shake128",
            HashAlgorithm::Shake256 { .. } => "shake256",
            HashAlgorithm::Blake2b512 => "blake2b",
            HashAlgorithm::Blake2s256 => "blake2s",
            HashAlgorithm::Md5 => "md5",
            HashAlgorithm::Sm3 => "sm3",
        }
    }

    /// Output size in bytes.
    pub const fn digest_size(self) -> usize {
        match self {
            HashAlgorithm::Md5 => 16,
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha224 | HashAlgorithm::Sha512_224 | HashAlgorithm::Sha3_224 => 28,
            HashAlgorithm::Sha256
            | HashAlgorithm::Sha512_256
            | HashAlgorithm::Sha3_256
            | HashAlgorithm::Blake2s256
            | HashAlgorithm::Sm3 => 32,
            HashAlgorithm::Sha384 | HashAlgorithm::Sha3_384 => 48,
            HashAlgorithm::Sha512 | HashAlgorithm::Sha3_512 | HashAlgorithm::Blake2b512 => 64,
            HashAlgorithm::Shake128 { digest_size } | HashAlgorithm::Shake256 { digest_size } => {
                digest_size.get()
            }
        }
    }

    /// Internal block size in bytes: the compression function's block, or the sponge's rate for
    /// SHA-3 and SHAKE. HMAC pads its key to this size.
    pub const fn block_size(self) -> usize {
        match self {
            HashAlgorithm::Sha1
            | HashAlgorithm::Sha224
            | HashAlgorithm::Sha256
            | HashAlgorithm::Blake2s256
            | HashAlgorithm::Md5
            | HashAlgorithm::Sm3 => 64,
            HashAlgorithm::Sha384
            | HashAlgorithm::Sha512
            | HashAlgorithm::Sha512_224
            | HashAlgorithm::Sha512_256
            | HashAlgorithm::Blake2b512 => 128,
            HashAlgorithm::Sha3_224 => 144,
            HashAlgorithm::Sha3_256 | HashAlgorithm::Shake256 { .. } => 136,
            HashAlgorithm::Sha3_384 => 104,
            HashAlgorithm::Sha3_512 => 72,
            HashAlgorithm::Shake128 { .. } => 168,
        }
    }

    /// True for the extendable-output functions (SHAKE), which HMAC and signatures cannot use.
    pub const fn is_xof(self) -> bool {
        matches!(
            self,
            HashAlgorithm::Shake128 { .. } | HashAlgorithm::Shake256 { .. }
        )
    }
}

/// What the data given to a signing or verifying call is: the message, to be hashed with the
/// algorithm, or a digest already computed with it (pyca/cryptography's `Prehashed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageHash {
    /// The data is the message; the signer hashes it with this algorithm.
    Hash(HashAlgorithm),
    /// The data is a digest computed with this algorithm; its length must be the digest size.
    Prehashed(HashAlgorithm),
}

impl MessageHash {
    /// The hash algorithm, whichever side computes it.
    pub const fn algorithm(self) -> HashAlgorithm {
        match self {
            MessageHash::Hash(a) | MessageHash::Prehashed(a) => a,
        }
    }

    /// True when the data is already a digest.
    pub const fn is_prehashed(self) -> bool {
        matches!(self, MessageHash::Prehashed(_))
    }
}

impl From<HashAlgorithm> for MessageHash {
    fn from(algorithm: HashAlgorithm) -> Self {
        MessageHash::Hash(algorithm)
    }
}

/// The one error of the SHAKE constructors.
const ZERO_DIGEST_SIZE: Error = Error::InvalidArgument("SHAKE digest_size must be at least 1 byte");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_sizes_fit_the_block() {
        for (i, a) in HashAlgorithm::ALL.iter().enumerate() {
            for b in &HashAlgorithm::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
            }
            assert!(a.is_xof() || a.digest_size() <= a.block_size());
        }
    }

    #[test]
    fn shake_carries_its_output_size() {
        assert_eq!(HashAlgorithm::shake128(100).unwrap().digest_size(), 100);
        assert_eq!(HashAlgorithm::shake256(1).unwrap().digest_size(), 1);
        assert_eq!(HashAlgorithm::ALL[11].digest_size(), 32);
        assert_eq!(HashAlgorithm::ALL[12].digest_size(), 64);
    }

    #[test]
    fn a_zero_shake_digest_size_is_an_invalid_argument_not_one_byte() {
        for made in [HashAlgorithm::shake128(0), HashAlgorithm::shake256(0)] {
            assert_eq!(
                made,
                Err(Error::InvalidArgument(
                    "SHAKE digest_size must be at least 1 byte"
                ))
            );
        }
    }

    #[test]
    fn index_is_the_position_in_all_and_fixed_output_is_all_but_the_xofs() {
        for (i, h) in HashAlgorithm::ALL.iter().enumerate() {
            assert_eq!(h.index() as usize, i);
        }
        let fixed: [HashAlgorithm; 15] = HashAlgorithm::FIXED_OUTPUT;
        assert!(fixed.iter().all(|h| !h.is_xof()));
        assert_eq!(
            HashAlgorithm::ALL.iter().filter(|h| !h.is_xof()).count(),
            fixed.len()
        );
        let long = HashAlgorithm::shake128(999).unwrap();
        assert!(long.same_function(HashAlgorithm::ALL[11]));
        assert!(!long.same_function(HashAlgorithm::ALL[12]));
    }
}
