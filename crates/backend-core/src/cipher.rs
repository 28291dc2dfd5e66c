use core::fmt;

/// A symmetric cipher with its key, as pyca/cryptography's `CipherAlgorithm` instances hold it.
///
/// Shared by the cipher and CMAC families. The key is borrowed: the descriptor is an argument, and the
/// context built from it keeps (and zeroizes) its own key schedule. `Debug` never prints key bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CipherAlgorithm<'k> {
    /// AES with a 128-, 192- or 256-bit key, or a 512-bit key for XTS (two AES-256 keys).
    Aes(&'k [u8]),
    /// Triple DES (EDE) with an 8-, 16- or 24-byte key: K1 (K1 K1 K1), K1 K2 (K1 K2 K1) or K1 K2 K3.
    TripleDes(&'k [u8]),
    /// Camellia with a 128-, 192- or 256-bit key.
    Camellia(&'k [u8]),
    /// SM4 with a 128-bit key.
    Sm4(&'k [u8]),
    /// ChaCha20 with a 256-bit key and pyca's 16-byte nonce, read as OpenSSL reads it: a 64-bit
    /// little-endian initial block counter followed by a 64-bit nonce. For counters below 2^32
    /// this is the same as RFC 7539's 32-bit counter then 96-bit nonce; past 2^32 blocks the
    /// counter carries into the next word, as in OpenSSL. A stream cipher: used without a mode.
    ChaCha20 {
        /// 32-byte key.
        key: &'k [u8],
        /// 16 bytes: counter (LE u64) then nonce (or: LE u32 counter then the RFC 7539 nonce).
        nonce: &'k [u8],
    },
}

impl<'k> CipherAlgorithm<'k> {
    /// pyca/cryptography's name: `"AES"`, `"3DES"`, `"camellia"`, `"SM4"`, `"ChaCha20"`.
    pub const fn name(&self) -> &'static str {
        match self {
            CipherAlgorithm::Aes(_) => "AES",
            CipherAlgorithm::TripleDes(_) => "3DES",
            CipherAlgorithm::Camellia(_) => "camellia",
            CipherAlgorithm::Sm4(_) => "SM4",
            CipherAlgorithm::ChaCha20 { .. } => "ChaCha20",
        }
    }

    /// The key.
    pub const fn key(&self) -> &'k [u8] {
        match self {
            CipherAlgorithm::Aes(key)
            | CipherAlgorithm::TripleDes(key)
            | CipherAlgorithm::Camellia(key)
            | CipherAlgorithm::Sm4(key)
            | CipherAlgorithm::ChaCha20 { key, .. } => key,
        }
    }

    /// Key size in bits. Triple DES counts its parity bits as pyca/cryptography does (8 per byte), so
    /// an 8-byte key is 64 bits, though it is expanded to 192 internally.
    pub const fn key_size(&self) -> usize {
        self.key().len() * 8
    }

    /// Block size in bytes; 1 for the stream cipher ChaCha20.
    pub const fn block_size(&self) -> usize {
        match self {
            CipherAlgorithm::Aes(_) | CipherAlgorithm::Camellia(_) | CipherAlgorithm::Sm4(_) => 16,
            CipherAlgorithm::TripleDes(_) => 8,
            CipherAlgorithm::ChaCha20 { .. } => 1,
        }
    }

    /// Checks the key (and ChaCha20 nonce) lengths pyca/cryptography accepts for this cipher. A mode
    /// may narrow them further (AES-512 only for XTS, CMAC refuses it).
    pub fn check_key(&self) -> crate::Result<()> {
        let ok = match self {
            CipherAlgorithm::Aes(key) => matches!(key.len(), 16 | 24 | 32 | 64),
            CipherAlgorithm::TripleDes(key) => matches!(key.len(), 8 | 16 | 24),
            CipherAlgorithm::Camellia(key) => matches!(key.len(), 16 | 24 | 32),
            CipherAlgorithm::Sm4(key) => key.len() == 16,
            CipherAlgorithm::ChaCha20 { key, nonce } => {
                if nonce.len() != 16 {
                    return Err(crate::Error::InvalidArgument(
                        "ChaCha20 nonce must be 16 bytes",
                    ));
                }
                key.len() == 32
            }
        };
        if ok {
            Ok(())
        } else {
            Err(crate::Error::InvalidKey(match self {
                CipherAlgorithm::Aes(_) => "AES key must be 128, 192, 256 or 512 bits",
                CipherAlgorithm::TripleDes(_) => "3DES key must be 8, 16 or 24 bytes",
                CipherAlgorithm::Camellia(_) => "Camellia key must be 128, 192 or 256 bits",
                CipherAlgorithm::Sm4(_) => "SM4 key must be 128 bits",
                CipherAlgorithm::ChaCha20 { .. } => "ChaCha20 key must be 256 bits",
            }))
        }
    }
}

/// Expands an 8- or 16-byte Triple DES key to the three-key form, as pyca/cryptography does
/// (K1 → K1 K1 K1, K1 K2 → K1 K2 K1); a 24-byte key is copied. The copy is zeroized on drop.
pub fn expand_triple_des_key(key: &[u8]) -> crate::Result<zeroize::Zeroizing<[u8; 24]>> {
    let mut full = zeroize::Zeroizing::new([0u8; 24]);
    match key.len() {
        8 => full
            .chunks_exact_mut(8)
            .for_each(|k| k.copy_from_slice(key)),
        16 => {
            full[..16].copy_from_slice(key);
            full[16..].copy_from_slice(&key[..8]);
        }
        24 => full.copy_from_slice(key),
        _ => {
            return Err(crate::Error::InvalidKey(
                "3DES key must be 8, 16 or 24 bytes",
            ));
        }
    }
    Ok(full)
}

impl fmt::Debug for CipherAlgorithm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({}-bit key)", self.name(), self.key_size())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use std::format;

    #[test]
    fn debug_hides_the_key() {
        let key = [0x41u8; 16];
        assert_eq!(
            format!("{:?}", CipherAlgorithm::Aes(&key)),
            "AES(128-bit key)"
        );
    }

    #[test]
    fn key_sizes_follow_the_seed_system() {
        assert!(CipherAlgorithm::Aes(&[0; 64]).check_key().is_ok());
        assert!(matches!(
            CipherAlgorithm::Aes(&[0; 15]).check_key(),
            Err(Error::InvalidKey(_))
        ));
        assert!(CipherAlgorithm::TripleDes(&[0; 8]).check_key().is_ok());
        assert!(CipherAlgorithm::TripleDes(&[0; 12]).check_key().is_err());
        let nonce = [0; 12];
        let cc = CipherAlgorithm::ChaCha20 {
            key: &[0; 32],
            nonce: &nonce,
        };
        assert!(matches!(cc.check_key(), Err(Error::InvalidArgument(_))));
    }
}
