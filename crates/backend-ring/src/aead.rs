//! [`AeadBackend`] for [`Ring`] over `ring::aead`: AES-128-GCM, AES-256-GCM and
//! ChaCha20-Poly1305 with 96-bit nonces.

use crate::{AEAD_CAPABILITIES, Ring};
use backend_cipher::{
    AeadAlgorithm, AeadBackend, AeadKey, RustCrypto, rustcrypto::aead::RustCryptoAeadKey,
};
use backend_core::capability::Capability;
use backend_core::{Error, Output, Reason, Result};
use std::sync::OnceLock;
use zeroize::Zeroizing;

/// A keyed AEAD in ring (`ring::aead::LessSafeKey`).
///
/// Seals and opens run in ring for 96-bit nonces ([`RingAeadKey::seals_in_ring`]). An AES-GCM
/// key also answers the other nonce lengths GCM defines (8 to 128 bytes, which ring does not
/// take) through a RustCrypto key built from the same bytes on first use; the key bytes kept for
/// it are zeroized on drop.
pub struct RingAeadKey {
    algorithm: AeadAlgorithm,
    key: ring::aead::LessSafeKey,
    /// AES-GCM only: the key bytes, for the RustCrypto key other nonce lengths need.
    material: Option<Zeroizing<Vec<u8>>>,
    fallback: OnceLock<RustCryptoAeadKey>,
}

impl core::fmt::Debug for RingAeadKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RingAeadKey")
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}

impl RingAeadKey {
    /// True when sealing and opening with a nonce of `nonce_len` bytes run in ring (96-bit
    /// nonces); false where the RustCrypto key of the same bytes answers.
    pub fn seals_in_ring(&self, nonce_len: usize) -> bool {
        nonce_len == ring::aead::NONCE_LEN
    }

    /// The RustCrypto key for a nonce ring does not take, or the error a wrong nonce gets.
    fn fallback(&self) -> Result<&RustCryptoAeadKey> {
        let Some(material) = &self.material else {
            return Err(Error::InvalidArgument("wrong nonce length"));
        };
        if let Some(key) = self.fallback.get() {
            return Ok(key);
        }
        let key = RustCrypto.create_aead_key(self.algorithm, material)?;
        Ok(self.fallback.get_or_init(|| key))
    }
}

impl AeadBackend for Ring {
    type AeadKey = RingAeadKey;

    fn aead_capabilities(&self) -> &[Capability] {
        AEAD_CAPABILITIES
    }

    fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<RingAeadKey> {
        let algorithm = match (aead, key.len()) {
            (AeadAlgorithm::AesGcm, 16) => &ring::aead::AES_128_GCM,
            (AeadAlgorithm::AesGcm, 32) => &ring::aead::AES_256_GCM,
            (AeadAlgorithm::ChaCha20Poly1305, 32) => &ring::aead::CHACHA20_POLY1305,
            (AeadAlgorithm::AesGcm | AeadAlgorithm::ChaCha20Poly1305, _) => {
                // A size ring lacks: `Unsupported` where the construction has it (AES-192-GCM,
                // so a composition falls through), otherwise the same `InvalidKey` RustCrypto
                // gives for a key of no valid size.
                let unsupported = Error::unsupported(Reason::Cipher, aead.name());
                return Err(RustCrypto
                    .create_aead_key(aead, key)
                    .err()
                    .unwrap_or(unsupported));
            }
            _ => return Err(Error::unsupported(Reason::Cipher, aead.name())),
        };
        let unbound = ring::aead::UnboundKey::new(algorithm, key)
            .map_err(|_| Error::InvalidKey("key rejected by ring"))?;
        Ok(RingAeadKey {
            algorithm: aead,
            key: ring::aead::LessSafeKey::new(unbound),
            material: matches!(aead, AeadAlgorithm::AesGcm).then(|| Zeroizing::new(key.to_vec())),
            fallback: OnceLock::new(),
        })
    }
}

impl AeadKey for RingAeadKey {
    fn algorithm(&self) -> AeadAlgorithm {
        self.algorithm
    }

    /// Encrypts `buffer` in place and returns the 16-byte tag.
    #[inline]
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        let Ok(ring_nonce) = ring::aead::Nonce::try_assume_unique_for_key(nonce) else {
            return self
                .fallback()?
                .encrypt_in_place_detached(nonce, buffer, associated_data);
        };
        let tag = self
            .key
            .seal_in_place_separate_tag(ring_nonce, ring::aead::Aad::from(associated_data), buffer)
            .map_err(|_| Error::InvalidArgument("message or additional data too long"))?;
        Output::from_slice(tag.as_ref()).ok_or(Error::InvalidArgument("tag longer than an Output"))
    }

    /// Checks `tag` and decrypts `buffer` in place; on any error the buffer is left as given.
    /// ring checks the tag after decrypting and then zeroes the buffer, so the ciphertext is
    /// kept aside to put back on a wrong tag (one copy per call).
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        let Ok(ring_nonce) = ring::aead::Nonce::try_assume_unique_for_key(nonce) else {
            return self
                .fallback()?
                .decrypt_in_place_detached(nonce, buffer, associated_data, tag);
        };
        let tag = ring::aead::Tag::try_from(tag).map_err(|_| Error::InvalidTag)?;
        let saved = buffer.to_vec();
        match self.key.open_in_place_separate_tag(
            ring_nonce,
            ring::aead::Aad::from(associated_data),
            tag,
            buffer,
            0..,
        ) {
            Ok(_) => Ok(()),
            Err(_) => {
                buffer.copy_from_slice(&saved);
                Err(Error::InvalidTag)
            }
        }
    }
}
