//! One-shot AEADs (the seed system's `AESGCM`, `AESCCM`, `ChaCha20Poly1305` classes) over the
//! RustCrypto `aes-gcm`, `ccm` and `chacha20poly1305` crates.
//!
//! **Argument order**, the same for every method of every type here, as in the seed system:
//! the nonce, then the data (or the buffer, in place), then the associated data, then (to decrypt
//! in place) the tag:
//!
//! | call | gives |
//! |---|---|
//! | `encrypt(nonce, data, associated_data)` | → `ciphertext ‖ tag` (`alloc`) |
//! | `decrypt(nonce, data, associated_data)` | `data` is `ciphertext ‖ tag` → plaintext (`alloc`) |
//! | `encrypt_in_place_detached(nonce, buffer, associated_data)` | → tag |
//! | `decrypt_in_place_detached(nonce, buffer, associated_data, tag)` | → `()` |
//!
//! The in-place forms allocate nothing. A failed tag check is [`Error::InvalidTag`] and releases
//! no plaintext: the buffer holds exactly the ciphertext it was given.
//!
//! ```
//! use backend_cipher::aead::AesGcm;
//!
//! let gcm = AesGcm::new(&[7u8; 16])?;
//! let nonce = [1u8; 12];
//! let mut buffer = *b"attack at dawn";
//! let tag = gcm.encrypt_in_place_detached(&nonce, &mut buffer, b"header")?;
//! let ciphertext = buffer;
//! let mut bad_tag = tag;
//! bad_tag.as_mut_slice()[0] ^= 1;
//! assert!(gcm.decrypt_in_place_detached(&nonce, &mut buffer, b"header", &bad_tag).is_err());
//! assert_eq!(buffer, ciphertext); // untouched by the failed check
//! gcm.decrypt_in_place_detached(&nonce, &mut buffer, b"header", &tag)?;
//! assert_eq!(&buffer, b"attack at dawn");
//! # Ok::<(), backend_cipher::Error>(())
//! ```

use crate::{Error, Output, Result};
use aead::{AeadInOut, KeyInit};
use cipher::array::ArraySize;
use cipher::consts::{U4, U6, U7, U8, U9, U10, U11, U12, U13, U14, U16};
use cipher::{Array, BlockCipherEncrypt, InnerIvInit, StreamCipher};
use subtle::ConstantTimeEq;

fn key_error(_: cipher::InvalidLength) -> Error {
    Error::InvalidKey("key length does not fit the AEAD")
}

fn tag_output(tag: &[u8]) -> Output {
    Output::from_slice(tag).unwrap_or_else(|| unreachable!("AEAD tags are at most 16 bytes"))
}

fn detached<A: AeadInOut>(aead: &A, nonce: &[u8], buffer: &mut [u8], aad: &[u8]) -> Result<Output> {
    let nonce = Array::try_from(nonce).map_err(|_| Error::InvalidArgument("wrong nonce length"))?;
    aead.encrypt_inout_detached(&nonce, aad, buffer.into())
        .map(|tag| tag_output(&tag))
        .map_err(|_| Error::InvalidArgument("message or additional data too long"))
}

/// For `aes-gcm` and `chacha20poly1305`, which check the tag over the ciphertext before they
/// decrypt: on any error the buffer is untouched.
fn open<A: AeadInOut>(
    aead: &A,
    nonce: &[u8],
    buffer: &mut [u8],
    aad: &[u8],
    tag: &[u8],
) -> Result<()> {
    let nonce = Array::try_from(nonce).map_err(|_| Error::InvalidArgument("wrong nonce length"))?;
    let tag = Array::try_from(tag).map_err(|_| Error::InvalidTag)?;
    aead.decrypt_inout_detached(&nonce, aad, buffer.into(), &tag)
        .map_err(|_| Error::InvalidTag)
}

/// Shared `encrypt` / `decrypt` over the detached in-place calls.
#[cfg(feature = "alloc")]
macro_rules! combined {
    () => {
        /// Encrypts `data` and returns `ciphertext || tag`.
        pub fn encrypt(
            &self,
            nonce: &[u8],
            data: &[u8],
            associated_data: &[u8],
        ) -> Result<alloc::vec::Vec<u8>> {
            let mut out = alloc::vec::Vec::from(data);
            let tag = self.encrypt_in_place_detached(nonce, &mut out, associated_data)?;
            out.extend_from_slice(&tag);
            Ok(out)
        }

        /// Checks and decrypts `ciphertext || tag`; [`Error::InvalidTag`] when it does not verify.
        pub fn decrypt(
            &self,
            nonce: &[u8],
            data: &[u8],
            associated_data: &[u8],
        ) -> Result<alloc::vec::Vec<u8>> {
            let split = data
                .len()
                .checked_sub(self.tag_length())
                .ok_or(Error::InvalidTag)?;
            let (ciphertext, tag) = data.split_at(split);
            let mut out = alloc::vec::Vec::from(ciphertext);
            self.decrypt_in_place_detached(nonce, &mut out, associated_data, tag)?;
            Ok(out)
        }
    };
}

enum GcmKey {
    Aes128(aes_gcm::Aes128Gcm),
    Aes192(aes_gcm::AesGcm<aes::Aes192, U12>),
    Aes256(aes_gcm::Aes256Gcm),
}

/// AES-GCM with a 16-byte tag. 12-byte nonces go through `aes-gcm`; other lengths (8 to 128
/// bytes, as the seed system allows) through this crate's streaming GCM.
#[doc(alias = "AES-GCM")]
#[doc(alias = "AESGCM")]
#[doc(alias = "GCM")]
pub struct AesGcm {
    key: GcmKey,
    /// Kept for the streaming path that other nonce lengths take; zeroized on drop.
    raw_key: zeroize::Zeroizing<[u8; 32]>,
    key_len: usize,
}

impl core::fmt::Debug for AesGcm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("AesGcm { .. }")
    }
}

impl AesGcm {
    /// Keys AES-GCM with a 128-, 192- or 256-bit key.
    pub fn new(key: &[u8]) -> Result<Self> {
        let gcm = match key.len() {
            16 => GcmKey::Aes128(KeyInit::new_from_slice(key).map_err(key_error)?),
            24 => GcmKey::Aes192(KeyInit::new_from_slice(key).map_err(key_error)?),
            32 => GcmKey::Aes256(KeyInit::new_from_slice(key).map_err(key_error)?),
            _ => {
                return Err(Error::InvalidKey(
                    "AES-GCM key must be 128, 192 or 256 bits",
                ));
            }
        };
        let mut raw_key = zeroize::Zeroizing::new([0u8; 32]);
        raw_key[..key.len()].copy_from_slice(key);
        Ok(AesGcm {
            key: gcm,
            raw_key,
            key_len: key.len(),
        })
    }

    /// The tag length: 16.
    pub const fn tag_length(&self) -> usize {
        16
    }

    fn check_nonce(nonce: &[u8]) -> Result<()> {
        if (8..=128).contains(&nonce.len()) {
            Ok(())
        } else {
            Err(Error::InvalidArgument(
                "GCM nonce must be between 8 and 128 bytes",
            ))
        }
    }

    /// Encrypts `buffer` in place and returns the tag.
    pub fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        Self::check_nonce(nonce)?;
        if nonce.len() != 12 {
            let mut gcm = super::gcm::Gcm::new(&self.raw_key[..self.key_len], nonce, true)?;
            gcm.authenticate_additional_data(associated_data)?;
            let mut chunk = [0u8; 256];
            for block in buffer.chunks_mut(256) {
                let out = &mut chunk[..block.len()];
                gcm.update(block, out)?;
                block.copy_from_slice(out);
            }
            return Ok(gcm.tag());
        }
        match &self.key {
            GcmKey::Aes128(k) => detached(k, nonce, buffer, associated_data),
            GcmKey::Aes192(k) => detached(k, nonce, buffer, associated_data),
            GcmKey::Aes256(k) => detached(k, nonce, buffer, associated_data),
        }
    }

    /// Checks `tag` and decrypts `buffer` in place. On any error ([`Error::InvalidTag`] for a wrong
    /// tag) the buffer is left as given: the tag is checked over the ciphertext first.
    pub fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        Self::check_nonce(nonce)?;
        if tag.len() != 16 {
            return Err(Error::InvalidTag);
        }
        if nonce.len() != 12 {
            // Authenticate first (GHASH over the ciphertext), then decrypt: no plaintext before
            // the tag is known good.
            let mut scratch = [0u8; 256];
            let mut gcm = super::gcm::Gcm::new(&self.raw_key[..self.key_len], nonce, false)?;
            gcm.authenticate_additional_data(associated_data)?;
            for block in buffer.chunks(256) {
                gcm.update(block, &mut scratch[..block.len()])?;
            }
            gcm.verify(tag)?;
            let mut stream = super::gcm::Gcm::new(&self.raw_key[..self.key_len], nonce, true)?;
            for block in buffer.chunks_mut(256) {
                let out = &mut scratch[..block.len()];
                stream.update(block, out)?;
                block.copy_from_slice(out);
            }
            return Ok(());
        }
        match &self.key {
            GcmKey::Aes128(k) => open(k, nonce, buffer, associated_data, tag),
            GcmKey::Aes192(k) => open(k, nonce, buffer, associated_data, tag),
            GcmKey::Aes256(k) => open(k, nonce, buffer, associated_data, tag),
        }
    }

    #[cfg(feature = "alloc")]
    combined!();
}

/// ChaCha20-Poly1305 (RFC 8439): 256-bit key, 12-byte nonce, 16-byte tag.
#[doc(alias = "ChaCha20-Poly1305")]
#[doc(alias = "AEAD_CHACHA20_POLY1305")]
pub struct ChaCha20Poly1305(chacha20poly1305::ChaCha20Poly1305);

impl core::fmt::Debug for ChaCha20Poly1305 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ChaCha20Poly1305 { .. }")
    }
}

impl ChaCha20Poly1305 {
    /// Keys ChaCha20-Poly1305 with a 256-bit key.
    pub fn new(key: &[u8]) -> Result<Self> {
        KeyInit::new_from_slice(key)
            .map(ChaCha20Poly1305)
            .map_err(|_| Error::InvalidKey("ChaCha20-Poly1305 key must be 256 bits"))
    }

    /// The tag length: 16.
    pub const fn tag_length(&self) -> usize {
        16
    }

    /// Encrypts `buffer` in place and returns the tag. The nonce is 12 bytes.
    pub fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        detached(&self.0, nonce, buffer, associated_data)
    }

    /// Checks `tag` and decrypts `buffer` in place. On any error ([`Error::InvalidTag`] for a wrong
    /// tag) the buffer is left as given: the tag is checked over the ciphertext first.
    pub fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        open(&self.0, nonce, buffer, associated_data, tag)
    }

    #[cfg(feature = "alloc")]
    combined!();
}

/// AES-CCM (NIST SP 800-38C): tag of 4, 6, 8, 10, 12, 14 or 16 bytes; nonce of 7 to 13 bytes.
#[doc(alias = "AES-CCM")]
#[doc(alias = "AESCCM")]
#[doc(alias = "CCM")]
pub struct AesCcm {
    key: zeroize::Zeroizing<[u8; 32]>,
    key_len: usize,
    tag_length: usize,
}

impl core::fmt::Debug for AesCcm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "AesCcm {{ tag_length: {}, .. }}", self.tag_length)
    }
}

/// Calls `$f::<C, M, N>(args)` with the AES type for the key length, and the `ccm` crate's size
/// types for the tag (`M`) and nonce (`N`) lengths.
macro_rules! with_ccm {
    ($key_len:expr, $tag:expr, $nonce:expr, $f:ident ( $($arg:expr),* )) => {
        with_ccm!(@cipher $key_len, $tag, $nonce, $f($($arg),*))
    };
    (@cipher $key_len:expr, $tag:expr, $nonce:expr, $f:ident ( $($arg:expr),* )) => {
        match $key_len {
            16 => with_ccm!(@tag aes::Aes128, $tag, $nonce, $f($($arg),*)),
            24 => with_ccm!(@tag aes::Aes192, $tag, $nonce, $f($($arg),*)),
            _ => with_ccm!(@tag aes::Aes256, $tag, $nonce, $f($($arg),*)),
        }
    };
    (@tag $c:ty, $tag:expr, $nonce:expr, $f:ident ( $($arg:expr),* )) => {
        match $tag {
            4 => with_ccm!(@nonce $c, U4, $nonce, $f($($arg),*)),
            6 => with_ccm!(@nonce $c, U6, $nonce, $f($($arg),*)),
            8 => with_ccm!(@nonce $c, U8, $nonce, $f($($arg),*)),
            10 => with_ccm!(@nonce $c, U10, $nonce, $f($($arg),*)),
            12 => with_ccm!(@nonce $c, U12, $nonce, $f($($arg),*)),
            14 => with_ccm!(@nonce $c, U14, $nonce, $f($($arg),*)),
            _ => with_ccm!(@nonce $c, U16, $nonce, $f($($arg),*)),
        }
    };
    (@nonce $c:ty, $m:ty, $nonce:expr, $f:ident ( $($arg:expr),* )) => {
        match $nonce {
            7 => $f::<$c, $m, U7>($($arg),*),
            8 => $f::<$c, $m, U8>($($arg),*),
            9 => $f::<$c, $m, U9>($($arg),*),
            10 => $f::<$c, $m, U10>($($arg),*),
            11 => $f::<$c, $m, U11>($($arg),*),
            12 => $f::<$c, $m, U12>($($arg),*),
            _ => $f::<$c, $m, U13>($($arg),*),
        }
    };
}

fn ccm_seal<C, M, N>(key: &[u8], nonce: &[u8], buffer: &mut [u8], aad: &[u8]) -> Result<Output>
where
    C: BlockCipherEncrypt<BlockSize = U16> + KeyInit,
    M: ArraySize + ccm::TagSize,
    N: ArraySize + ccm::NonceSize,
{
    let ccm = ccm::Ccm::<C, M, N>::new_from_slice(key).map_err(key_error)?;
    detached(&ccm, nonce, buffer, aad)
}

/// CCM decryption that keeps the buffer when the tag is wrong.
///
/// CCM's MAC is over the plaintext, so the plaintext must exist before the tag can be checked;
/// the `ccm` crate decrypts in place and zeroes the buffer on failure, which loses the
/// ciphertext. Here, with no second buffer: the CTR keystream turns the ciphertext into the
/// plaintext; `ccm`'s own sealing of that plaintext gives the tag it should carry and turns the
/// buffer back into the ciphertext; only when the tags agree (constant time) is the keystream
/// applied once more. On a wrong tag the buffer is the ciphertext again, as given.
fn ccm_open<C, M, N>(
    key: &[u8],
    nonce: &[u8],
    buffer: &mut [u8],
    aad: &[u8],
    tag: &[u8],
) -> Result<()>
where
    C: BlockCipherEncrypt<BlockSize = U16> + KeyInit,
    M: ArraySize + ccm::TagSize,
    N: ArraySize + ccm::NonceSize,
{
    if nonce.len() != N::USIZE {
        return Err(Error::InvalidArgument("wrong nonce length"));
    }
    let cipher = C::new_from_slice(key).map_err(key_error)?;
    // Counter block A_1 (SP 800-38C A.3): flags L - 1 (L = 15 - nonce length), the nonce, the
    // counter 1 big-endian in the last L bytes; A_0 masks the tag, the message starts at A_1.
    // `AesCcm::check` keeps the message under 2^(8L) bytes, so the counter never leaves its L
    // bytes and a 64-bit big-endian counter gives exactly the `ccm` crate's blocks.
    let mut a1 = Array::<u8, U16>::default();
    a1[0] = (14 - N::USIZE) as u8;
    a1[1..=N::USIZE].copy_from_slice(nonce);
    a1[15] = 1;
    let keystream = |buffer: &mut [u8]| {
        ctr::Ctr64BE::<&C>::from_core(ctr::CtrCore::inner_iv_init(&cipher, &a1))
            .try_apply_keystream(buffer)
            .map_err(|_| Error::InvalidArgument("message too long for the CCM nonce length"))
    };
    // Nothing is written when this fails.
    keystream(buffer)?;
    let expected = match ccm_seal::<C, M, N>(key, nonce, buffer, aad) {
        Ok(expected) => expected,
        Err(e) => {
            // Sealing refused before writing (lengths): undo the keystream, the buffer is the
            // ciphertext again. The same length went through the keystream above, so this runs.
            keystream(buffer)?;
            return Err(e);
        }
    };
    if bool::from(expected.as_slice().ct_eq(tag)) {
        keystream(buffer)
    } else {
        Err(Error::InvalidTag)
    }
}

impl AesCcm {
    /// Keys AES-CCM with a 128-, 192- or 256-bit key and a tag of `tag_length` bytes (the seed
    /// system's default is 16).
    pub fn new(key: &[u8], tag_length: usize) -> Result<Self> {
        if !matches!(key.len(), 16 | 24 | 32) {
            return Err(Error::InvalidKey(
                "AES-CCM key must be 128, 192 or 256 bits",
            ));
        }
        if !matches!(tag_length, 4 | 6 | 8 | 10 | 12 | 14 | 16) {
            return Err(Error::InvalidArgument(
                "CCM tag length must be 4, 6, 8, 10, 12, 14 or 16",
            ));
        }
        let mut stored = zeroize::Zeroizing::new([0u8; 32]);
        stored[..key.len()].copy_from_slice(key);
        Ok(AesCcm {
            key: stored,
            key_len: key.len(),
            tag_length,
        })
    }

    /// The tag length in bytes.
    pub const fn tag_length(&self) -> usize {
        self.tag_length
    }

    fn check(&self, nonce: &[u8], data_len: usize) -> Result<()> {
        if !(7..=13).contains(&nonce.len()) {
            return Err(Error::InvalidArgument("CCM nonce must be 7 to 13 bytes"));
        }
        // The length field has 15 - nonce length bytes.
        let length_bytes = 15 - nonce.len();
        if length_bytes < 8 && (data_len as u64) >> (8 * length_bytes) != 0 {
            return Err(Error::InvalidArgument(
                "data too long for the CCM nonce length",
            ));
        }
        Ok(())
    }

    /// Encrypts `buffer` in place and returns the tag.
    pub fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        self.check(nonce, buffer.len())?;
        let key = &self.key[..self.key_len];
        with_ccm!(
            self.key_len,
            self.tag_length,
            nonce.len(),
            ccm_seal(key, nonce, buffer, associated_data)
        )
    }

    /// Checks `tag` and decrypts `buffer` in place. On any error ([`Error::InvalidTag`] for a wrong
    /// tag) the buffer is left as given. CCM's tag is over the plaintext, so the check decrypts in
    /// `buffer` and, when the tag is wrong, encrypts it back (no second buffer, no allocation).
    pub fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        self.check(nonce, buffer.len())?;
        if tag.len() != self.tag_length {
            return Err(Error::InvalidTag);
        }
        let key = &self.key[..self.key_len];
        with_ccm!(
            self.key_len,
            self.tag_length,
            nonce.len(),
            ccm_open(key, nonce, buffer, associated_data, tag)
        )
    }

    #[cfg(feature = "alloc")]
    combined!();
}
