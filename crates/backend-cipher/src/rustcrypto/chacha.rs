//! ChaCha20 with pyca/cryptography's 16-byte nonce, read the way OpenSSL (and so pyca) reads it:
//! the first 8 bytes are a 64-bit little-endian block counter, the last 8 bytes the nonce (DJB's
//! original layout). For a counter below 2^32 this is the same keystream as RFC 7539's 32-bit
//! counter and 96-bit nonce; past 0xFFFF_FFFF the counter carries into the next word instead of
//! failing.
//!
//! The stream ends after block 2^64 - 1: asking for more is an error (OpenSSL would wrap to block 0
//! and repeat keystream). The `chacha20` crate's stream wrapper stops one block early (it never
//! produces block 2^64 - 1), so the buffering is done here over its raw core.

use crate::{Error, Result};
use chacha20::ChaCha20LegacyCore;
use cipher::consts::U64;
use cipher::{InOutBuf, KeyIvInit, StreamCipherCore};
use zeroize::Zeroize;

const BLOCK: usize = 64;

/// A ChaCha20 keystream position: the core (key, nonce, next block), the unused rest of the
/// current keystream block, and how many blocks the 64-bit counter has left.
pub(super) struct ChaCha20 {
    core: ChaCha20LegacyCore,
    keystream: [u8; BLOCK],
    /// Bytes of `keystream` already used; `BLOCK` when none is cached.
    used: usize,
    /// 2^64 minus the core's next block position (0 once block 2^64 - 1 has been produced).
    blocks_left: u128,
}

impl Drop for ChaCha20 {
    fn drop(&mut self) {
        self.keystream.zeroize();
    }
}

impl ChaCha20 {
    /// `nonce` is pyca/cryptography's 16 bytes: 64-bit little-endian counter, then 8 nonce bytes.
    pub(super) fn new(key: &[u8], nonce: &[u8]) -> Result<Self> {
        let key: &[u8; 32] = key
            .try_into()
            .map_err(|_| Error::InvalidKey("ChaCha20 key must be 256 bits"))?;
        let nonce: &[u8; 16] = nonce
            .try_into()
            .map_err(|_| Error::InvalidArgument("ChaCha20 nonce must be 16 bytes"))?;
        let (counter, iv) = nonce.split_at(8);
        let mut counter_bytes = [0u8; 8];
        counter_bytes.copy_from_slice(counter);
        let mut iv_bytes = [0u8; 8];
        iv_bytes.copy_from_slice(iv);
        let counter = u64::from_le_bytes(counter_bytes);
        let mut core = ChaCha20LegacyCore::new(key.into(), &iv_bytes.into());
        core.set_block_pos(counter);
        Ok(ChaCha20 {
            core,
            keystream: [0; BLOCK],
            used: BLOCK,
            blocks_left: (1u128 << 64) - u128::from(counter),
        })
    }

    /// XORs the keystream over `data` into `out` (the same length). When the counter space cannot
    /// cover all of `data`, an error and nothing processed.
    pub(super) fn apply(&mut self, data: &[u8], out: &mut [u8]) -> Result<()> {
        if out.len() != data.len() {
            return Err(Error::BufferTooSmall { needed: data.len() });
        }
        let cached = BLOCK - self.used;
        let blocks_needed = data.len().saturating_sub(cached).div_ceil(BLOCK);
        if blocks_needed as u128 > self.blocks_left {
            return Err(Error::InvalidArgument("ChaCha20 counter space exhausted"));
        }

        // First the rest of the cached keystream block.
        let head = cached.min(data.len());
        let (head_in, data) = data.split_at(head);
        let (head_out, out) = out.split_at_mut(head);
        xor(head_in, &self.keystream[self.used..], head_out);
        self.used += head;

        // Then whole blocks straight through the core (its parallel backends).
        let whole = data.len() / BLOCK * BLOCK;
        let (blocks_in, tail_in) = data.split_at(whole);
        let (blocks_out, tail_out) = out.split_at_mut(whole);
        if whole > 0 {
            let buf = InOutBuf::new(blocks_in, blocks_out)
                .map_err(|_| Error::BufferTooSmall { needed: whole })?;
            let (blocks, _) = buf.into_chunks::<U64>();
            self.core.apply_keystream_blocks_inout(blocks);
            self.blocks_left -= (whole / BLOCK) as u128;
        }

        // Then a partial block, keeping the rest of its keystream.
        if !tail_in.is_empty() {
            self.core
                .write_keystream_block((&mut self.keystream).into());
            self.blocks_left -= 1;
            xor(tail_in, &self.keystream, tail_out);
            self.used = tail_in.len();
        }
        Ok(())
    }
}

fn xor(data: &[u8], keystream: &[u8], out: &mut [u8]) {
    for ((o, d), k) in out.iter_mut().zip(data).zip(keystream) {
        *o = d ^ k;
    }
}
