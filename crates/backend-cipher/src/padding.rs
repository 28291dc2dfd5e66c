//! Streaming block padding (pyca/cryptography's `padding.PKCS7` and `padding.ANSIX923`), to pair
//! with ECB and CBC. Neither side buffers the message: a padder holds a partial block, an unpadder
//! the last block. Unpadding checks every byte of the last block in constant time.
//!
//! ```
//! use backend_cipher::padding::Padding;
//!
//! let mut padder = Padding::Pkcs7.padder(128)?;
//! let mut out = [0u8; 16];
//! assert_eq!(padder.update_into(b"hello", &mut out)?, 0);
//! assert_eq!(padder.finalize_into(&mut out)?, 16);
//! assert_eq!(out[5..], [11u8; 11]);
//! # Ok::<(), backend_cipher::Error>(())
//! ```

use crate::{Error, Result};
use subtle::{ConditionallySelectable, ConstantTimeEq, ConstantTimeGreater, ConstantTimeLess};
use zeroize::Zeroize;

/// The largest block pyca/cryptography pads to: 2040 bits.
const MAX_BLOCK: usize = 255;

/// A padding scheme.
#[doc(alias = "PKCS7")]
#[doc(alias = "ANSIX923")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Padding {
    /// PKCS #7: n bytes of value n.
    #[doc(alias = "PKCS7")]
    #[doc(alias = "PKCS#7")]
    #[doc(alias = "PKCS5")]
    Pkcs7,
    /// ANSI X9.23: n - 1 zero bytes, then the byte n.
    #[doc(alias = "ANSIX923")]
    #[doc(alias = "X9.23")]
    AnsiX923,
}

impl Padding {
    fn block_bytes(block_size_bits: usize) -> Result<usize> {
        if block_size_bits == 0
            || !block_size_bits.is_multiple_of(8)
            || block_size_bits / 8 > MAX_BLOCK
        {
            Err(Error::InvalidArgument(
                "block_size must be a multiple of 8 bits between 8 and 2040",
            ))
        } else {
            Ok(block_size_bits / 8)
        }
    }

    /// A padder for blocks of `block_size_bits` (a multiple of 8 up to 2040).
    pub fn padder(self, block_size_bits: usize) -> Result<Padder> {
        Ok(Padder {
            scheme: self,
            block: Self::block_bytes(block_size_bits)?,
            pending: [0; MAX_BLOCK],
            len: 0,
        })
    }

    /// An unpadder for blocks of `block_size_bits`.
    pub fn unpadder(self, block_size_bits: usize) -> Result<Unpadder> {
        Ok(Unpadder {
            scheme: self,
            block: Self::block_bytes(block_size_bits)?,
            pending: [0; MAX_BLOCK],
            len: 0,
            total_mod_block: 0,
        })
    }
}

/// Adds padding to a stream; `finalize_into` writes the last, padded block.
#[doc(alias = "PKCS7")]
#[doc(alias = "ANSIX923")]
#[derive(Clone)]
pub struct Padder {
    scheme: Padding,
    block: usize,
    pending: [u8; MAX_BLOCK],
    len: usize,
}

impl Drop for Padder {
    fn drop(&mut self) {
        self.pending.zeroize();
    }
}

impl core::fmt::Debug for Padder {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Padder({:?}, {}-byte blocks)", self.scheme, self.block)
    }
}

impl Padder {
    /// The bytes the next `update_into` with `input_len` bytes writes: whole blocks only.
    pub fn output_len(&self, input_len: usize) -> usize {
        (self.len + input_len) / self.block * self.block
    }

    /// Passes whole blocks of `data` through to `out`; keeps a partial block.
    pub fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        let needed = self.output_len(data.len());
        let out = out
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        let from_pending = self.len.min(needed);
        out[..from_pending].copy_from_slice(&self.pending[..from_pending]);
        let from_data = needed - from_pending;
        out[from_pending..].copy_from_slice(&data[..from_data]);
        let rest = &data[from_data..];
        if needed > 0 {
            self.len = 0;
        }
        self.pending[self.len..self.len + rest.len()].copy_from_slice(rest);
        self.len += rest.len();
        Ok(needed)
    }

    /// Writes the final padded block (always one whole block) to `out`.
    pub fn finalize_into(self, out: &mut [u8]) -> Result<usize> {
        let needed = self.block;
        let out = out
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        let pad = (self.block - self.len) as u8;
        out[..self.len].copy_from_slice(&self.pending[..self.len]);
        match self.scheme {
            Padding::Pkcs7 => out[self.len..].fill(pad),
            Padding::AnsiX923 => {
                out[self.len..].fill(0);
                out[needed - 1] = pad;
            }
        }
        Ok(needed)
    }

    /// Passes whole blocks through (pyca/cryptography's `update`).
    #[cfg(feature = "alloc")]
    pub fn update(&mut self, data: &[u8]) -> Result<alloc::vec::Vec<u8>> {
        let mut out = alloc::vec![0u8; self.output_len(data.len())];
        self.update_into(data, &mut out)?;
        Ok(out)
    }

    /// The final padded block (pyca/cryptography's `finalize`).
    #[cfg(feature = "alloc")]
    pub fn finalize(self) -> Result<alloc::vec::Vec<u8>> {
        let mut out = alloc::vec![0u8; self.block];
        self.finalize_into(&mut out)?;
        Ok(out)
    }
}

/// Removes padding from a stream; holds the last block back until `finalize_into` checks it.
#[doc(alias = "PKCS7")]
#[doc(alias = "ANSIX923")]
#[derive(Clone)]
pub struct Unpadder {
    scheme: Padding,
    block: usize,
    pending: [u8; MAX_BLOCK],
    len: usize,
    /// The length of the whole stream so far, modulo `block`: finalize refuses a stream that is
    /// not a whole number of blocks even when its last `block` bytes look padded.
    total_mod_block: usize,
}

impl Drop for Unpadder {
    fn drop(&mut self) {
        self.pending.zeroize();
    }
}

impl core::fmt::Debug for Unpadder {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Unpadder({:?}, {}-byte blocks)", self.scheme, self.block)
    }
}

impl Unpadder {
    /// The bytes the next `update_into` with `input_len` bytes writes: all but the last block.
    pub fn output_len(&self, input_len: usize) -> usize {
        (self.len + input_len).saturating_sub(self.block)
    }

    /// Passes everything but the last `block` bytes of the stream so far through to `out`.
    pub fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        let needed = self.output_len(data.len());
        let out = out
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        let from_pending = self.len.min(needed);
        out[..from_pending].copy_from_slice(&self.pending[..from_pending]);
        let from_data = needed - from_pending;
        out[from_pending..].copy_from_slice(&data[..from_data]);
        // Keep what is left: the rest of `pending`, then the rest of `data` (at most one block).
        self.pending.copy_within(from_pending..self.len, 0);
        self.len -= from_pending;
        let rest = &data[from_data..];
        self.pending[self.len..self.len + rest.len()].copy_from_slice(rest);
        self.len += rest.len();
        self.total_mod_block = (self.total_mod_block + data.len() % self.block) % self.block;
        Ok(needed)
    }

    /// Checks the padding of the last block in constant time and writes the data before it.
    /// [`Error::InvalidArgument`] ("invalid padding bytes") when the stream is empty or not a
    /// whole number of blocks (the lengths are public; only the pad bytes are secret), or the
    /// padding is malformed.
    pub fn finalize_into(self, out: &mut [u8]) -> Result<usize> {
        if self.len != self.block || self.total_mod_block != 0 {
            return Err(Error::InvalidArgument("invalid padding bytes"));
        }
        let last = &self.pending[..self.block];
        let pad = last[self.block - 1];
        // 1 <= pad <= block, then every byte in the padding area has the expected value; every
        // byte of the block is read whatever the outcome.
        let mut ok = pad.ct_gt(&0) & !pad.ct_gt(&(self.block as u8));
        let data_len = (self.block as u8).wrapping_sub(pad);
        for (i, byte) in last.iter().enumerate().take(self.block - 1) {
            let in_padding = !(i as u8).ct_lt(&data_len);
            let expected = match self.scheme {
                Padding::Pkcs7 => pad,
                Padding::AnsiX923 => 0,
            };
            let good = byte.ct_eq(&expected);
            ok &= !in_padding | good;
        }
        let data_len = u8::conditional_select(&0, &data_len, ok) as usize;
        if !bool::from(ok) {
            return Err(Error::InvalidArgument("invalid padding bytes"));
        }
        let out = out
            .get_mut(..data_len)
            .ok_or(Error::BufferTooSmall { needed: data_len })?;
        out.copy_from_slice(&last[..data_len]);
        Ok(data_len)
    }

    /// Passes data through (pyca/cryptography's `update`).
    #[cfg(feature = "alloc")]
    pub fn update(&mut self, data: &[u8]) -> Result<alloc::vec::Vec<u8>> {
        let mut out = alloc::vec![0u8; self.output_len(data.len())];
        self.update_into(data, &mut out)?;
        Ok(out)
    }

    /// Checks the padding and returns the rest of the data (pyca/cryptography's `finalize`).
    #[cfg(feature = "alloc")]
    pub fn finalize(self) -> Result<alloc::vec::Vec<u8>> {
        let mut out = alloc::vec![0u8; self.block];
        let n = self.finalize_into(&mut out)?;
        out.truncate(n);
        Ok(out)
    }
}
