//! The block ciphers behind the hand-written modes, as one enum: a mode calls it once per run of
//! whole blocks, so the dispatch costs one branch per call, not per block.

use crate::{CipherAlgorithm, Error, Reason, Result};
use cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, BlockSizeUser, KeyInit};

/// A keyed block cipher; key schedules are zeroized on drop by the cipher crates.
pub(crate) enum BlockCipher {
    #[cfg(feature = "aes128")]
    Aes128(aes::Aes128),
    #[cfg(feature = "aes192")]
    Aes192(aes::Aes192),
    #[cfg(feature = "aes256")]
    Aes256(aes::Aes256),
    #[cfg(feature = "des")]
    TripleDes(des::TdesEde3),
    #[cfg(feature = "camellia")]
    Camellia128(camellia::Camellia128),
    #[cfg(feature = "camellia")]
    Camellia192(camellia::Camellia192),
    #[cfg(feature = "camellia")]
    Camellia256(camellia::Camellia256),
    #[cfg(feature = "sm4")]
    Sm4(sm4::Sm4),
}

/// Runs `$body` with `$c` bound to the keyed cipher. `$cipher` is a place and the binding says
/// `ref` where it borrows, so the match also compiles with every cipher compiled out.
macro_rules! dispatch {
    ($cipher:expr, $c:pat => $body:expr) => {
        match $cipher {
            #[cfg(feature = "aes128")]
            BlockCipher::Aes128($c) => $body,
            #[cfg(feature = "aes192")]
            BlockCipher::Aes192($c) => $body,
            #[cfg(feature = "aes256")]
            BlockCipher::Aes256($c) => $body,
            #[cfg(feature = "des")]
            BlockCipher::TripleDes($c) => $body,
            #[cfg(feature = "camellia")]
            BlockCipher::Camellia128($c) => $body,
            #[cfg(feature = "camellia")]
            BlockCipher::Camellia192($c) => $body,
            #[cfg(feature = "camellia")]
            BlockCipher::Camellia256($c) => $body,
            #[cfg(feature = "sm4")]
            BlockCipher::Sm4($c) => $body,
        }
    };
}

fn keyed<C: KeyInit>(key: &[u8]) -> Result<C> {
    C::new_from_slice(key).map_err(|_| Error::InvalidKey("key length does not fit the cipher"))
}

impl BlockCipher {
    /// Keys a block cipher from `cipher` with a key of `key`'s bytes (XTS passes each half).
    pub(crate) fn new(cipher: &CipherAlgorithm<'_>, key: &[u8]) -> Result<Self> {
        Ok(match (cipher, key.len()) {
            #[cfg(feature = "aes128")]
            (CipherAlgorithm::Aes(_), 16) => BlockCipher::Aes128(keyed(key)?),
            #[cfg(feature = "aes192")]
            (CipherAlgorithm::Aes(_), 24) => BlockCipher::Aes192(keyed(key)?),
            #[cfg(feature = "aes256")]
            (CipherAlgorithm::Aes(_), 32) => BlockCipher::Aes256(keyed(key)?),
            // A standard size whose feature (`aes128`, `aes192`, `aes256`) is off.
            #[allow(unreachable_patterns)]
            (CipherAlgorithm::Aes(_), 16 | 24 | 32) => {
                return Err(Error::unsupported(
                    Reason::Cipher,
                    "AES key size not compiled in",
                ));
            }
            (CipherAlgorithm::Aes(_), _) => {
                return Err(Error::InvalidKey(
                    "AES key must be 128, 192 or 256 bits in this mode (512 only for XTS)",
                ));
            }
            #[cfg(feature = "des")]
            (CipherAlgorithm::TripleDes(_), _) =>
            {
                #[cfg(feature = "des")]
                BlockCipher::TripleDes(keyed(&backend_core::expand_triple_des_key(key)?[..])?)
            }
            #[cfg(feature = "camellia")]
            (CipherAlgorithm::Camellia(_), 16) => BlockCipher::Camellia128(keyed(key)?),
            #[cfg(feature = "camellia")]
            (CipherAlgorithm::Camellia(_), 24) => BlockCipher::Camellia192(keyed(key)?),
            #[cfg(feature = "camellia")]
            (CipherAlgorithm::Camellia(_), 32) => BlockCipher::Camellia256(keyed(key)?),
            #[cfg(feature = "sm4")]
            (CipherAlgorithm::Sm4(_), 16) => BlockCipher::Sm4(keyed(key)?),
            (CipherAlgorithm::Camellia(_) | CipherAlgorithm::Sm4(_), _) => {
                return Err(Error::InvalidKey("key length does not fit the cipher"));
            }
            _ => return Err(Error::InvalidArgument("not a block cipher")),
        })
    }

    /// Block size in bytes: 16, or 8 for Triple DES.
    pub(crate) fn block_size(&self) -> usize {
        match *self {
            #[cfg(feature = "des")]
            BlockCipher::TripleDes(_) => 8,
            _ => 16,
        }
    }

    /// Encrypts `data` in place; its length is a multiple of the block size (a tail is left as is).
    #[inline]
    pub(crate) fn encrypt_blocks(&self, data: &mut [u8]) {
        dispatch!(*self, ref c => encrypt_with(c, data))
    }

    /// CBC-encrypts `input` into `output` (same length, whole blocks), chaining from `chain` (one
    /// block, updated). One dispatch per call: the chain stays in a register-sized block.
    #[inline]
    pub(crate) fn cbc_encrypt(&self, chain: &mut [u8], input: &[u8], output: &mut [u8]) {
        dispatch!(*self, ref c => cbc_encrypt_with(c, chain, input, output))
    }

    /// Decrypts `data` in place; its length is a multiple of the block size.
    #[inline]
    pub(crate) fn decrypt_blocks(&self, data: &mut [u8]) {
        dispatch!(*self, ref c => decrypt_with(c, data))
    }
}

#[inline]
fn encrypt_with<C: BlockCipherEncrypt>(cipher: &C, data: &mut [u8]) {
    let (blocks, _) = Array::<u8, <C as BlockSizeUser>::BlockSize>::slice_as_chunks_mut(data);
    cipher.encrypt_blocks(blocks);
}

#[inline]
fn decrypt_with<C: BlockCipherDecrypt>(cipher: &C, data: &mut [u8]) {
    let (blocks, _) = Array::<u8, <C as BlockSizeUser>::BlockSize>::slice_as_chunks_mut(data);
    cipher.decrypt_blocks(blocks);
}

/// CBC encryption inside the cipher's backend closure: the CPU-feature dispatch of the `aes`
/// crate happens once per call, not once per block (the chain makes blocks sequential anyway).
struct CbcEncrypt<'a, BS: cipher::array::ArraySize> {
    chain: &'a mut Array<u8, BS>,
    input: &'a [Array<u8, BS>],
    output: &'a mut [Array<u8, BS>],
}

impl<BS: cipher::array::ArraySize> BlockSizeUser for CbcEncrypt<'_, BS> {
    type BlockSize = BS;
}

impl<BS: cipher::array::ArraySize> cipher::BlockCipherEncClosure for CbcEncrypt<'_, BS> {
    #[inline(always)]
    fn call<B: cipher::BlockCipherEncBackend<BlockSize = BS>>(self, backend: &B) {
        let Self {
            chain,
            input,
            output,
        } = self;
        // The chain lives in a local of known size, so the XOR is one vector instruction; XORing
        // byte by byte through the reference stalled store forwarding (0.5x the `cbc` crate).
        let mut block = chain.clone();
        for (i, o) in input.iter().zip(output.iter_mut()) {
            let mut next = i.clone();
            next.iter_mut().zip(block.iter()).for_each(|(n, c)| *n ^= c);
            backend.encrypt_block((&mut next).into());
            block = next;
            *o = block.clone();
        }
        *chain = block;
    }
}

#[inline]
fn cbc_encrypt_with<C: BlockCipherEncrypt>(
    cipher: &C,
    chain: &mut [u8],
    input: &[u8],
    output: &mut [u8],
) {
    let mut block = Array::<u8, <C as BlockSizeUser>::BlockSize>::default();
    block.copy_from_slice(chain);
    let (input, _) = Array::<u8, <C as BlockSizeUser>::BlockSize>::slice_as_chunks(input);
    let (output, _) = Array::<u8, <C as BlockSizeUser>::BlockSize>::slice_as_chunks_mut(output);
    cipher.encrypt_with_backend(CbcEncrypt {
        chain: &mut block,
        input,
        output,
    });
    chain.copy_from_slice(&block);
}
