//! The RustCrypto AEAD keys: [`AesGcm`] over `aes-gcm` (and this crate's streaming GCM for
//! nonces other than 12 bytes), [`AesCcm`] over `ccm`, [`ChaCha20Poly1305`] over
//! `chacha20poly1305`; [`RustCryptoAeadKey`], what [`AeadBackend::create_aead_key`] returns for
//! [`RustCrypto`]; and [`AEAD_CAPABILITIES`], its rows.
//!
//! Each type expands its key once, in `new`; every message then uses the expanded key by
//! reference. The API (argument order, errors) is [`AeadKey`]'s: see [`crate::aead`].

use super::gcm::{AesEnc, Gcm};
use crate::aead::{AeadAlgorithm, AeadBackend, AeadKey};
use crate::{Capability, Error, Output, Result, RustCrypto};
use ::aead::AeadInOut;
use backend_core::capability::{AeadKind, Algorithm, Sizes};
use cipher::array::ArraySize;
use cipher::consts::{U4, U6, U7, U8, U9, U10, U11, U12, U13, U14, U16};
use cipher::{Array, BlockCipherEncrypt, InnerIvInit, StreamCipher};
use subtle::ConstantTimeEq;

/// The AEAD rows of [`RustCrypto`]: AES-GCM (128/192/256-bit keys, 8- to 128-byte nonces as
/// pyca/cryptography allows, 16-byte tag), AES-CCM (128/192/256, nonces of 7 to 13 bytes, tags of
/// 4 to 16 bytes in steps of 2), ChaCha20-Poly1305 (256-bit key, 12-byte nonce, 16-byte tag).
///
/// Only the AEADs compiled in (features `aes-gcm`, `aes-ccm`, `chacha20poly1305`) have a row, and
/// the AES ones only with the AES key sizes compiled in (`aes128`, `aes192`, `aes256`).
pub const AEAD_CAPABILITIES: &[Capability] =
    &super::compiled::<{ super::count(&ALL_AEAD_ROWS) }>(&ALL_AEAD_ROWS);

/// Every AEAD row the provider can be built with, each with whether this build has it.
const ALL_AEAD_ROWS: [(bool, Capability); 3] = [
    (
        cfg!(feature = "aes-gcm") && super::HAS_AES,
        Capability::new(Algorithm::Aead(AeadKind::AesGcm))
            .key_bits(super::AES)
            .nonce_bytes(Sizes::range(8, 128, 1))
            .tag_bytes(Sizes::exactly(16)),
    ),
    (
        cfg!(feature = "aes-ccm") && super::HAS_AES,
        Capability::new(Algorithm::Aead(AeadKind::AesCcm))
            .key_bits(super::AES)
            .nonce_bytes(Sizes::range(7, 13, 1))
            .tag_bytes(Sizes::range(4, 16, 2)),
    ),
    (
        cfg!(feature = "chacha20poly1305"),
        Capability::new(Algorithm::Aead(AeadKind::ChaCha20Poly1305))
            .key_bits(Sizes::exactly(256))
            .nonce_bytes(Sizes::exactly(12))
            .tag_bytes(Sizes::exactly(16)),
    ),
];

impl AeadBackend for RustCrypto {
    type AeadKey = RustCryptoAeadKey;

    fn aead_capabilities(&self) -> &[Capability] {
        AEAD_CAPABILITIES
    }

    fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<RustCryptoAeadKey> {
        Ok(RustCryptoAeadKey(match aead {
            #[cfg(feature = "aes-gcm")]
            AeadAlgorithm::AesGcm => Keyed::AesGcm(AesGcm::new(key)?),
            #[cfg(feature = "aes-ccm")]
            AeadAlgorithm::AesCcm { tag_length } => Keyed::AesCcm(AesCcm::new(key, tag_length)?),
            #[cfg(feature = "chacha20poly1305")]
            AeadAlgorithm::ChaCha20Poly1305 => Keyed::ChaCha20Poly1305(ChaCha20Poly1305::new(key)?),
            // An AEAD whose feature (`aes-gcm`, `aes-ccm`, `chacha20poly1305`) is off: no row.
            #[allow(unreachable_patterns)]
            _ => return Err(Error::unsupported(crate::Reason::Cipher, aead.name())),
        }))
    }
}

/// A RustCrypto AEAD key of any construction: what [`RustCrypto`]'s
/// [`AeadBackend::create_aead_key`] returns. Key schedules are zeroized on drop.
pub struct RustCryptoAeadKey(Keyed);

// Not boxed: this must work without an allocator, and the key is built once and then used by
// reference (a message never moves it).
#[allow(clippy::large_enum_variant)]
enum Keyed {
    #[cfg(feature = "aes-gcm")]
    AesGcm(AesGcm),
    #[cfg(feature = "aes-ccm")]
    AesCcm(AesCcm),
    #[cfg(feature = "chacha20poly1305")]
    ChaCha20Poly1305(ChaCha20Poly1305),
}

/// Calls `$body` with `$k` bound to the concrete key.
/// `$key` is a place and the binding says `ref` where it borrows, so the match also compiles with
/// every AEAD compiled out.
macro_rules! each {
    ($key:expr, $k:pat => $body:expr) => {
        match $key {
            #[cfg(feature = "aes-gcm")]
            Keyed::AesGcm($k) => $body,
            #[cfg(feature = "aes-ccm")]
            Keyed::AesCcm($k) => $body,
            #[cfg(feature = "chacha20poly1305")]
            Keyed::ChaCha20Poly1305($k) => $body,
        }
    };
}

impl core::fmt::Debug for RustCryptoAeadKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "RustCryptoAeadKey {{ {:?}, .. }}", self.algorithm())
    }
}

impl AeadKey for RustCryptoAeadKey {
    #[inline]
    fn algorithm(&self) -> AeadAlgorithm {
        each!(self.0, ref k => k.algorithm())
    }

    #[inline]
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        each!(self.0, ref k => k.encrypt_in_place_detached(nonce, buffer, associated_data))
    }

    #[inline]
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        each!(self.0, ref k => k.decrypt_in_place_detached(nonce, buffer, associated_data, tag))
    }
}

#[inline]
fn tag_output(tag: &[u8]) -> Output {
    Output::from_slice(tag).unwrap_or_else(|| unreachable!("AEAD tags are at most 16 bytes"))
}

#[inline]
fn detached<A: AeadInOut>(aead: &A, nonce: &[u8], buffer: &mut [u8], aad: &[u8]) -> Result<Output> {
    let nonce = Array::try_from(nonce).map_err(|_| Error::InvalidArgument("wrong nonce length"))?;
    aead.encrypt_inout_detached(&nonce, aad, buffer.into())
        .map(|tag| tag_output(&tag))
        .map_err(|_| Error::InvalidArgument("message or additional data too long"))
}

/// For `aes-gcm` and `chacha20poly1305`, which check the tag over the ciphertext before they
/// decrypt: on any error the buffer is untouched.
#[inline]
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

/// `aes-gcm` over the encrypt-only AES types, 96-bit nonces.
#[cfg(feature = "aes-gcm")]
enum GcmKey {
    #[cfg(feature = "aes128")]
    Aes128(aes_gcm::AesGcm<aes::Aes128Enc, U12>),
    #[cfg(feature = "aes192")]
    Aes192(aes_gcm::AesGcm<aes::Aes192Enc, U12>),
    #[cfg(feature = "aes256")]
    Aes256(aes_gcm::AesGcm<aes::Aes256Enc, U12>),
}

/// AES-GCM with a 16-byte tag. 12-byte nonces go through `aes-gcm`; other lengths (8 to 128
/// bytes, as pyca/cryptography allows) through this crate's streaming GCM over the same expanded
/// key.
#[doc(alias = "AES-GCM")]
#[doc(alias = "AESGCM")]
#[doc(alias = "GCM")]
#[cfg(feature = "aes-gcm")]
pub struct AesGcm {
    fast: GcmKey,
    /// The expanded key again, for the streaming path other nonce lengths take.
    cipher: AesEnc,
}

#[cfg(feature = "aes-gcm")]
impl core::fmt::Debug for AesGcm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("AesGcm { .. }")
    }
}

#[cfg(feature = "aes-gcm")]
impl AesGcm {
    /// Keys AES-GCM with a 128-, 192- or 256-bit key ([`Error::InvalidKey`] otherwise).
    pub fn new(key: &[u8]) -> Result<Self> {
        let cipher = AesEnc::new(key, "AES-GCM key must be 128, 192 or 256 bits")?;
        let fast = match cipher {
            #[cfg(feature = "aes128")]
            AesEnc::Aes128(ref c) => GcmKey::Aes128(aes_gcm::AesGcm::from(c.clone())),
            #[cfg(feature = "aes192")]
            AesEnc::Aes192(ref c) => GcmKey::Aes192(aes_gcm::AesGcm::from(c.clone())),
            #[cfg(feature = "aes256")]
            AesEnc::Aes256(ref c) => GcmKey::Aes256(aes_gcm::AesGcm::from(c.clone())),
        };
        Ok(AesGcm { fast, cipher })
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

    /// The streaming path for nonces other than 12 bytes.
    #[cold]
    fn seal_other_nonce(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        Self::check_nonce(nonce)?;
        let mut gcm = Gcm::keyed(&self.cipher, nonce, true)?;
        gcm.authenticate_additional_data(associated_data)?;
        let mut chunk = [0u8; 256];
        for block in buffer.chunks_mut(256) {
            let out = &mut chunk[..block.len()];
            gcm.update(block, out)?;
            block.copy_from_slice(out);
        }
        Ok(gcm.tag())
    }

    /// The streaming path for nonces other than 12 bytes: authenticate first (GHASH over the
    /// ciphertext), then decrypt, so no plaintext exists before the tag is known good.
    #[cold]
    fn open_other_nonce(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        Self::check_nonce(nonce)?;
        let mut scratch = [0u8; 256];
        let mut gcm = Gcm::keyed(&self.cipher, nonce, false)?;
        gcm.authenticate_additional_data(associated_data)?;
        for block in buffer.chunks(256) {
            gcm.update(block, &mut scratch[..block.len()])?;
        }
        gcm.verify(tag)?;
        let mut stream = Gcm::keyed(&self.cipher, nonce, true)?;
        for block in buffer.chunks_mut(256) {
            let out = &mut scratch[..block.len()];
            stream.update(block, out)?;
            block.copy_from_slice(out);
        }
        Ok(())
    }
}

#[cfg(feature = "aes-gcm")]
impl AeadKey for AesGcm {
    #[inline]
    fn algorithm(&self) -> AeadAlgorithm {
        AeadAlgorithm::AesGcm
    }

    #[inline]
    fn tag_length(&self) -> usize {
        16
    }

    /// Encrypts `buffer` in place and returns the 16-byte tag; the nonce is 8 to 128 bytes.
    #[inline]
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        if nonce.len() != 12 {
            return self.seal_other_nonce(nonce, buffer, associated_data);
        }
        match self.fast {
            #[cfg(feature = "aes128")]
            GcmKey::Aes128(ref k) => detached(k, nonce, buffer, associated_data),
            #[cfg(feature = "aes192")]
            GcmKey::Aes192(ref k) => detached(k, nonce, buffer, associated_data),
            #[cfg(feature = "aes256")]
            GcmKey::Aes256(ref k) => detached(k, nonce, buffer, associated_data),
        }
    }

    /// Checks the 16-byte `tag` and decrypts `buffer` in place. On any error
    /// ([`Error::InvalidTag`] for a wrong tag) the buffer is left as given: the tag is checked
    /// over the ciphertext first.
    #[inline]
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        if tag.len() != 16 {
            // A wrong-length tag is a wrong tag, whatever the nonce; the nonce is checked first.
            Self::check_nonce(nonce)?;
            return Err(Error::InvalidTag);
        }
        if nonce.len() != 12 {
            return self.open_other_nonce(nonce, buffer, associated_data, tag);
        }
        match self.fast {
            #[cfg(feature = "aes128")]
            GcmKey::Aes128(ref k) => open(k, nonce, buffer, associated_data, tag),
            #[cfg(feature = "aes192")]
            GcmKey::Aes192(ref k) => open(k, nonce, buffer, associated_data, tag),
            #[cfg(feature = "aes256")]
            GcmKey::Aes256(ref k) => open(k, nonce, buffer, associated_data, tag),
        }
    }
}

/// ChaCha20-Poly1305 (RFC 8439): 256-bit key, 12-byte nonce, 16-byte tag.
#[doc(alias = "ChaCha20-Poly1305")]
#[doc(alias = "AEAD_CHACHA20_POLY1305")]
#[cfg(feature = "chacha20poly1305")]
pub struct ChaCha20Poly1305(chacha20poly1305::ChaCha20Poly1305);

#[cfg(feature = "chacha20poly1305")]
impl core::fmt::Debug for ChaCha20Poly1305 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ChaCha20Poly1305 { .. }")
    }
}

#[cfg(feature = "chacha20poly1305")]
impl ChaCha20Poly1305 {
    /// Keys ChaCha20-Poly1305 with a 256-bit key ([`Error::InvalidKey`] otherwise).
    pub fn new(key: &[u8]) -> Result<Self> {
        ::aead::KeyInit::new_from_slice(key)
            .map(ChaCha20Poly1305)
            .map_err(|_| Error::InvalidKey("ChaCha20-Poly1305 key must be 256 bits"))
    }
}

#[cfg(feature = "chacha20poly1305")]
impl AeadKey for ChaCha20Poly1305 {
    #[inline]
    fn algorithm(&self) -> AeadAlgorithm {
        AeadAlgorithm::ChaCha20Poly1305
    }

    #[inline]
    fn tag_length(&self) -> usize {
        16
    }

    /// Encrypts `buffer` in place and returns the tag. The nonce is 12 bytes.
    #[inline]
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        detached(&self.0, nonce, buffer, associated_data)
    }

    /// Checks `tag` and decrypts `buffer` in place. On any error ([`Error::InvalidTag`] for a
    /// wrong tag) the buffer is left as given: the tag is checked over the ciphertext first.
    #[inline]
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        open(&self.0, nonce, buffer, associated_data, tag)
    }
}

/// AES-CCM (NIST SP 800-38C): tag of 4, 6, 8, 10, 12, 14 or 16 bytes chosen with the key; nonce
/// of 7 to 13 bytes with each message.
#[doc(alias = "AES-CCM")]
#[doc(alias = "AESCCM")]
#[doc(alias = "CCM")]
#[cfg(feature = "aes-ccm")]
pub struct AesCcm {
    cipher: AesEnc,
    tag_length: usize,
}

#[cfg(feature = "aes-ccm")]
impl core::fmt::Debug for AesCcm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "AesCcm {{ tag_length: {}, .. }}", self.tag_length)
    }
}

/// Calls `$f::<C, M, N>(cipher, args)` with the expanded key of `$cipher`, and the `ccm` crate's
/// size types for the tag (`M`) and nonce (`N`) lengths.
#[cfg(feature = "aes-ccm")]
macro_rules! with_ccm {
    ($cipher:expr, $tag:expr, $nonce:expr, $f:ident ( $($arg:expr),* )) => {
        match $cipher {
            #[cfg(feature = "aes128")]
            AesEnc::Aes128(ref c) => with_ccm!(@tag c, aes::Aes128Enc, $tag, $nonce, $f($($arg),*)),
            #[cfg(feature = "aes192")]
            AesEnc::Aes192(ref c) => with_ccm!(@tag c, aes::Aes192Enc, $tag, $nonce, $f($($arg),*)),
            #[cfg(feature = "aes256")]
            AesEnc::Aes256(ref c) => with_ccm!(@tag c, aes::Aes256Enc, $tag, $nonce, $f($($arg),*)),
        }
    };
    (@tag $c:ident, $ty:ty, $tag:expr, $nonce:expr, $f:ident ( $($arg:expr),* )) => {
        match $tag {
            4 => with_ccm!(@nonce $c, $ty, U4, $nonce, $f($($arg),*)),
            6 => with_ccm!(@nonce $c, $ty, U6, $nonce, $f($($arg),*)),
            8 => with_ccm!(@nonce $c, $ty, U8, $nonce, $f($($arg),*)),
            10 => with_ccm!(@nonce $c, $ty, U10, $nonce, $f($($arg),*)),
            12 => with_ccm!(@nonce $c, $ty, U12, $nonce, $f($($arg),*)),
            14 => with_ccm!(@nonce $c, $ty, U14, $nonce, $f($($arg),*)),
            _ => with_ccm!(@nonce $c, $ty, U16, $nonce, $f($($arg),*)),
        }
    };
    (@nonce $c:ident, $ty:ty, $m:ty, $nonce:expr, $f:ident ( $($arg:expr),* )) => {
        match $nonce {
            7 => $f::<$ty, $m, U7>($c, $($arg),*),
            8 => $f::<$ty, $m, U8>($c, $($arg),*),
            9 => $f::<$ty, $m, U9>($c, $($arg),*),
            10 => $f::<$ty, $m, U10>($c, $($arg),*),
            11 => $f::<$ty, $m, U11>($c, $($arg),*),
            12 => $f::<$ty, $m, U12>($c, $($arg),*),
            _ => $f::<$ty, $m, U13>($c, $($arg),*),
        }
    };
}

/// CCM over a borrowed expanded key: building the `ccm` value costs nothing.
#[cfg(feature = "aes-ccm")]
fn ccm_seal<C, M, N>(cipher: &C, nonce: &[u8], buffer: &mut [u8], aad: &[u8]) -> Result<Output>
where
    C: BlockCipherEncrypt<BlockSize = U16>,
    M: ArraySize + ccm::TagSize,
    N: ArraySize + ccm::NonceSize,
{
    detached(&ccm::Ccm::<&C, M, N>::from(cipher), nonce, buffer, aad)
}

/// CCM decryption that keeps the buffer when the tag is wrong.
///
/// CCM's MAC is over the plaintext, so the plaintext must exist before the tag can be checked;
/// the `ccm` crate decrypts in place and zeroes the buffer on failure, which loses the
/// ciphertext. Here, with no second buffer: the CTR keystream turns the ciphertext into the
/// plaintext; `ccm`'s own sealing of that plaintext gives the tag it should carry and turns the
/// buffer back into the ciphertext; only when the tags agree (constant time) is the keystream
/// applied once more. On a wrong tag the buffer is the ciphertext again, as given.
#[cfg(feature = "aes-ccm")]
fn ccm_open<C, M, N>(
    cipher: &C,
    nonce: &[u8],
    buffer: &mut [u8],
    aad: &[u8],
    tag: &[u8],
) -> Result<()>
where
    C: BlockCipherEncrypt<BlockSize = U16>,
    M: ArraySize + ccm::TagSize,
    N: ArraySize + ccm::NonceSize,
{
    if nonce.len() != N::USIZE {
        return Err(Error::InvalidArgument("wrong nonce length"));
    }
    // Counter block A_1 (SP 800-38C A.3): flags L - 1 (L = 15 - nonce length), the nonce, the
    // counter 1 big-endian in the last L bytes; A_0 masks the tag, the message starts at A_1.
    // `AesCcm::check` keeps the message under 2^(8L) bytes, so the counter never leaves its L
    // bytes and a 64-bit big-endian counter gives exactly the `ccm` crate's blocks.
    let mut a1 = Array::<u8, U16>::default();
    a1[0] = (14 - N::USIZE) as u8;
    a1[1..=N::USIZE].copy_from_slice(nonce);
    a1[15] = 1;
    let keystream = |buffer: &mut [u8]| {
        ctr::Ctr64BE::<&C>::from_core(ctr::CtrCore::inner_iv_init(cipher, &a1))
            .try_apply_keystream(buffer)
            .map_err(|_| Error::InvalidArgument("message too long for the CCM nonce length"))
    };
    // Nothing is written when this fails.
    keystream(buffer)?;
    let expected = match ccm_seal::<C, M, N>(cipher, nonce, buffer, aad) {
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

#[cfg(feature = "aes-ccm")]
impl AesCcm {
    /// Keys AES-CCM with a 128-, 192- or 256-bit key ([`Error::InvalidKey`] otherwise) and a tag
    /// of `tag_length` bytes (pyca/cryptography's default is 16; a length CCM does not define is
    /// [`Error::InvalidArgument`]).
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
        Ok(AesCcm {
            cipher: AesEnc::new(key, "AES-CCM key must be 128, 192 or 256 bits")?,
            tag_length,
        })
    }

    fn check(nonce: &[u8], data_len: usize) -> Result<()> {
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
}

#[cfg(feature = "aes-ccm")]
impl AeadKey for AesCcm {
    #[inline]
    fn algorithm(&self) -> AeadAlgorithm {
        AeadAlgorithm::AesCcm {
            tag_length: self.tag_length,
        }
    }

    #[inline]
    fn tag_length(&self) -> usize {
        self.tag_length
    }

    /// Encrypts `buffer` in place and returns the tag; the nonce is 7 to 13 bytes.
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
    ) -> Result<Output> {
        Self::check(nonce, buffer.len())?;
        with_ccm!(
            self.cipher,
            self.tag_length,
            nonce.len(),
            ccm_seal(nonce, buffer, associated_data)
        )
    }

    /// Checks `tag` and decrypts `buffer` in place. On any error ([`Error::InvalidTag`] for a wrong
    /// tag) the buffer is left as given. CCM's tag is over the plaintext, so the check decrypts in
    /// `buffer` and, when the tag is wrong, encrypts it back (no second buffer, no allocation).
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        associated_data: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        Self::check(nonce, buffer.len())?;
        if tag.len() != self.tag_length {
            return Err(Error::InvalidTag);
        }
        with_ccm!(
            self.cipher,
            self.tag_length,
            nonce.len(),
            ccm_open(nonce, buffer, associated_data, tag)
        )
    }
}

// Every key type holds only values that zeroize themselves on drop (the `zeroize` features of
// `aes`, `aes-gcm` and `chacha20poly1305` in Cargo.toml), so the key types are marked; the check
// below stops compiling if one of those features is dropped.
#[cfg(feature = "aes-gcm")]
impl zeroize::ZeroizeOnDrop for AesGcm {}
#[cfg(feature = "aes-ccm")]
impl zeroize::ZeroizeOnDrop for AesCcm {}
#[cfg(feature = "chacha20poly1305")]
impl zeroize::ZeroizeOnDrop for ChaCha20Poly1305 {}
impl zeroize::ZeroizeOnDrop for RustCryptoAeadKey {}

const _: fn() = || {
    fn zeroized_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    #[cfg(feature = "aes128")]
    zeroized_on_drop::<aes::Aes128Enc>();
    #[cfg(feature = "aes192")]
    zeroized_on_drop::<aes::Aes192Enc>();
    #[cfg(feature = "aes256")]
    zeroized_on_drop::<aes::Aes256Enc>();
    #[cfg(all(feature = "aes-gcm", feature = "aes128"))]
    zeroized_on_drop::<aes_gcm::AesGcm<aes::Aes128Enc, U12>>();
    #[cfg(all(feature = "aes-gcm", feature = "aes192"))]
    zeroized_on_drop::<aes_gcm::AesGcm<aes::Aes192Enc, U12>>();
    #[cfg(all(feature = "aes-gcm", feature = "aes256"))]
    zeroized_on_drop::<aes_gcm::AesGcm<aes::Aes256Enc, U12>>();
    #[cfg(feature = "chacha20poly1305")]
    zeroized_on_drop::<chacha20poly1305::ChaCha20Poly1305>();
};
