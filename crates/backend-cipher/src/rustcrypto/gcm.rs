//! Streaming GCM (NIST SP 800-38D) from the `aes`, `ctr` and `ghash` crates.
//!
//! `aes-gcm` is one-shot: it needs the whole message in one buffer and runs the CTR pass and the
//! GHASH pass one after the other over all of it. Here each `update` runs both passes chunk by
//! chunk ([`CHUNK`] bytes, which stay in L1 cache between the passes), and only a partial GHASH
//! block is carried between calls.

use crate::{Error, Output, Result};
use cipher::consts::U16;
use cipher::{Array, BlockCipherEncrypt, InnerIvInit, KeyInit, StreamCipher};
use ctr::Ctr32BE;
use ghash::GHash;
use ghash::universal_hash::UniversalHash;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// The bytes each update runs through CTR and then GHASH before moving on.
const CHUNK: usize = 4096;
/// SP 800-38D's plaintext limit: 2^39 - 256 bits.
const MAX_TEXT: u64 = (1 << 36) - 32;

/// The CTR keystream over the encrypt-only AES types: GCM never runs the block cipher backwards,
/// so the decryption key schedule is neither expanded nor stored.
enum Keystream {
    #[cfg(feature = "aes128")]
    Aes128(Ctr32BE<aes::Aes128Enc>),
    #[cfg(feature = "aes192")]
    Aes192(Ctr32BE<aes::Aes192Enc>),
    #[cfg(feature = "aes256")]
    Aes256(Ctr32BE<aes::Aes256Enc>),
}

/// The refusal of an AES key of a standard size whose feature (`aes128`, `aes192`, `aes256`) is
/// off in this build: the rows do not list it, so the call is [`Error::Unsupported`].
pub(crate) fn not_compiled_in() -> Error {
    Error::unsupported(crate::Reason::Cipher, "AES key size not compiled in")
}

/// An expanded encrypt-only AES key: what the keyed one-shot AEADs hold, so that a message pays
/// for no key schedule. Zeroized on drop by the `aes` crate.
#[derive(Clone)]
pub(crate) enum AesEnc {
    #[cfg(feature = "aes128")]
    Aes128(aes::Aes128Enc),
    #[cfg(feature = "aes192")]
    Aes192(aes::Aes192Enc),
    #[cfg(feature = "aes256")]
    Aes256(aes::Aes256Enc),
}

impl AesEnc {
    /// Expands a 128-, 192- or 256-bit key; `what` is the error for another length.
    pub(crate) fn new(key: &[u8], what: &'static str) -> Result<Self> {
        let bad = |_: cipher::InvalidLength| Error::InvalidKey(what);
        Ok(match key.len() {
            #[cfg(feature = "aes128")]
            16 => AesEnc::Aes128(KeyInit::new_from_slice(key).map_err(bad)?),
            #[cfg(feature = "aes192")]
            24 => AesEnc::Aes192(KeyInit::new_from_slice(key).map_err(bad)?),
            #[cfg(feature = "aes256")]
            32 => AesEnc::Aes256(KeyInit::new_from_slice(key).map_err(bad)?),
            // A standard size whose feature (`aes128`, `aes192`, `aes256`) is off.
            #[allow(unreachable_patterns)]
            16 | 24 | 32 => return Err(not_compiled_in()),
            _ => return Err(Error::InvalidKey(what)),
        })
    }
}

/// A GCM computation in progress, either direction.
pub(crate) struct Gcm {
    keystream: Keystream,
    ghash: GHash,
    /// A partial GHASH block (additional data, then ciphertext).
    partial: [u8; 16],
    partial_len: usize,
    /// E(K, J0), XORed onto the GHASH output to make the tag.
    tag_mask: [u8; 16],
    aad_len: u64,
    text_len: u64,
    text_started: bool,
    encrypt: bool,
}

impl Drop for Gcm {
    fn drop(&mut self) {
        self.partial.zeroize();
        self.tag_mask.zeroize();
    }
}

/// Starts GCM over the keyed block cipher `C` and builds the context in place (contexts are
/// ~1 KiB: every avoided move shows at 64-byte messages).
#[inline(always)]
fn start<C: BlockCipherEncrypt<BlockSize = U16>>(
    cipher: C,
    iv: &[u8],
    encrypt: bool,
    wrap: fn(Ctr32BE<C>) -> Keystream,
) -> Result<Gcm> {
    let mut h = Array::<u8, U16>::default();
    cipher.encrypt_block(&mut h);
    let ghash = GHash::new(&h);
    h.zeroize();
    let mut j0 = Array::<u8, U16>::default();
    if iv.len() == 12 {
        j0[..12].copy_from_slice(iv);
        j0[15] = 1;
    } else {
        let mut g = ghash.clone();
        g.update_padded(iv);
        let mut lengths = Array::<u8, U16>::default();
        lengths[8..].copy_from_slice(&((iv.len() as u64) * 8).to_be_bytes());
        g.update(&[lengths]);
        j0 = g.finalize();
    }
    let mut mask_block = j0;
    cipher.encrypt_block(&mut mask_block);
    let mut tag_mask = [0u8; 16];
    tag_mask.copy_from_slice(&mask_block);
    mask_block.zeroize();
    // The message's keystream starts at inc32(J0); `Ctr32BE` increments the last 32 bits the same
    // way GCM does, wrapping.
    let counter = u32::from_be_bytes([j0[12], j0[13], j0[14], j0[15]]).wrapping_add(1);
    j0[12..].copy_from_slice(&counter.to_be_bytes());
    Ok(Gcm {
        keystream: wrap(Ctr32BE::from_core(ctr::CtrCore::inner_iv_init(cipher, &j0))),
        ghash,
        partial: [0; 16],
        partial_len: 0,
        tag_mask,
        aad_len: 0,
        text_len: 0,
        text_started: false,
        encrypt,
    })
}

impl Gcm {
    /// Keys a GCM context; `iv` is 8 to 128 bytes (checked by the caller against
    /// pyca/cryptography's rule).
    #[inline]
    pub(crate) fn new(key: &[u8], iv: &[u8], encrypt: bool) -> Result<Self> {
        const WHAT: &str = "AES-GCM key must be 128, 192 or 256 bits";
        let bad = |_: cipher::InvalidLength| Error::InvalidKey(WHAT);
        // Expanded straight into the context, not into an `AesEnc` and then copied.
        match key.len() {
            #[cfg(feature = "aes128")]
            16 => start(
                aes::Aes128Enc::new_from_slice(key).map_err(bad)?,
                iv,
                encrypt,
                Keystream::Aes128,
            ),
            #[cfg(feature = "aes192")]
            24 => start(
                aes::Aes192Enc::new_from_slice(key).map_err(bad)?,
                iv,
                encrypt,
                Keystream::Aes192,
            ),
            #[cfg(feature = "aes256")]
            32 => start(
                aes::Aes256Enc::new_from_slice(key).map_err(bad)?,
                iv,
                encrypt,
                Keystream::Aes256,
            ),
            #[allow(unreachable_patterns)]
            16 | 24 | 32 => Err(not_compiled_in()),
            _ => Err(Error::InvalidKey(WHAT)),
        }
    }

    /// A GCM context over an already expanded key (copied: the context owns its keystream).
    #[inline]
    pub(crate) fn keyed(cipher: &AesEnc, iv: &[u8], encrypt: bool) -> Result<Self> {
        match *cipher {
            #[cfg(feature = "aes128")]
            AesEnc::Aes128(ref c) => start(c.clone(), iv, encrypt, Keystream::Aes128),
            #[cfg(feature = "aes192")]
            AesEnc::Aes192(ref c) => start(c.clone(), iv, encrypt, Keystream::Aes192),
            #[cfg(feature = "aes256")]
            AesEnc::Aes256(ref c) => start(c.clone(), iv, encrypt, Keystream::Aes256),
        }
    }

    pub(crate) fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        if self.text_started {
            return Err(Error::InvalidArgument(
                "additional data must come before the first update",
            ));
        }
        self.aad_len = self
            .aad_len
            .checked_add(data.len() as u64)
            .filter(|n| *n < (1 << 61))
            .ok_or(Error::InvalidArgument("additional data too long for GCM"))?;
        self.absorb(data);
        Ok(())
    }

    /// Feeds bytes to GHASH, carrying a partial block between calls.
    fn absorb(&mut self, mut data: &[u8]) {
        if self.partial_len > 0 {
            let take = (16 - self.partial_len).min(data.len());
            let (head, rest) = data.split_at(take);
            self.partial[self.partial_len..self.partial_len + take].copy_from_slice(head);
            self.partial_len += take;
            data = rest;
            if self.partial_len < 16 {
                return;
            }
            let block = Array::<u8, U16>::from(self.partial);
            self.ghash.update(&[block]);
            self.partial_len = 0;
        }
        let (blocks, tail) = Array::<u8, U16>::slice_as_chunks(data);
        self.ghash.update(blocks);
        self.partial[..tail.len()].copy_from_slice(tail);
        self.partial_len = tail.len();
    }

    /// Pads the partial block with zeros into GHASH (the boundary after additional data, and the
    /// end of the ciphertext).
    fn flush(&mut self) {
        if self.partial_len > 0 {
            self.partial[self.partial_len..].fill(0);
            let block = Array::<u8, U16>::from(self.partial);
            self.ghash.update(&[block]);
            self.partial_len = 0;
        }
    }

    fn apply_keystream(&mut self, input: &[u8], out: &mut [u8]) -> Result<()> {
        let result: core::result::Result<(), cipher::StreamCipherError> = match self.keystream {
            #[cfg(feature = "aes128")]
            Keystream::Aes128(ref mut k) => k.try_apply_keystream_b2b(input, out),
            #[cfg(feature = "aes192")]
            Keystream::Aes192(ref mut k) => k.try_apply_keystream_b2b(input, out),
            #[cfg(feature = "aes256")]
            Keystream::Aes256(ref mut k) => k.try_apply_keystream_b2b(input, out),
        };
        result.map_err(|_| Error::InvalidArgument("message too long for GCM"))
    }

    /// Encrypts or decrypts `data` into `out` (same length).
    pub(crate) fn update(&mut self, data: &[u8], out: &mut [u8]) -> Result<()> {
        let total = self
            .text_len
            .checked_add(data.len() as u64)
            .filter(|n| *n <= MAX_TEXT)
            .ok_or(Error::InvalidArgument("message too long for GCM"))?;
        if !self.text_started {
            self.flush();
            self.text_started = true;
        }
        for (input, output) in data.chunks(CHUNK).zip(out.chunks_mut(CHUNK)) {
            if self.encrypt {
                self.apply_keystream(input, output)?;
                self.absorb(output);
            } else {
                self.absorb(input);
                self.apply_keystream(input, output)?;
            }
        }
        self.text_len = total;
        Ok(())
    }

    /// The full 16-byte tag. Call once, at the end (it closes the GHASH input).
    pub(crate) fn tag(&mut self) -> Output {
        self.flush();
        let mut lengths = Array::<u8, U16>::default();
        lengths[..8].copy_from_slice(&(self.aad_len * 8).to_be_bytes());
        lengths[8..].copy_from_slice(&(self.text_len * 8).to_be_bytes());
        self.ghash.update(&[lengths]);
        let mut tag = self.ghash.clone().finalize();
        for (t, m) in tag.iter_mut().zip(self.tag_mask.iter()) {
            *t ^= m;
        }
        Output::from_slice(&tag).unwrap_or_else(|| unreachable!("16 bytes fit an Output"))
    }

    /// Checks `expected` (already length-checked) against the tag's prefix in constant time.
    pub(crate) fn verify(&mut self, expected: &[u8]) -> Result<()> {
        let tag = self.tag();
        let ok = tag
            .get(..expected.len())
            .is_some_and(|t| bool::from(t.ct_eq(expected)));
        if ok { Ok(()) } else { Err(Error::InvalidTag) }
    }
}
