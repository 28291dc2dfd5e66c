//! [`CipherBackend`] and [`AeadBackend`](crate::AeadBackend) for [`RustCrypto`], over the
//! RustCrypto crates: block ciphers from `aes`, `des`, `camellia`, `sm4`; CTR from `ctr`; GCM from
//! `aes` + `ctr` + `ghash`; ChaCha20 from `chacha20`; the one-shot AEADs from `aes-gcm`, `ccm` and
//! `chacha20poly1305`. ECB, CBC, OFB, CFB, CFB8 and XTS are written here over the block ciphers,
//! so that every mode streams with a few blocks of state and no allocation.
//!
//! The rows: [`CAPABILITIES`] (ciphers and modes) and [`AEAD_CAPABILITIES`].

pub mod aead;
mod block;
mod chacha;
mod gcm;

pub use aead::AEAD_CAPABILITIES;

use crate::{
    CipherAlgorithm, CipherBackend, CipherContext, DecryptionContext, EncryptionContext, Error,
    Finalized, LOWEST_MIN_TAG_LENGTH, MAX_TAG_LENGTH, Mode, Output, Reason, Result, RustCrypto,
};
use backend_core::capability::{Algorithm, Capability, CipherKind, ModeKind, Sizes};
use block::BlockCipher;
use cipher::{KeyIvInit, StreamCipher};
use gcm::Gcm;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// A row for `cipher` in `mode` with these key sizes (bits).
const fn row(cipher: CipherKind, mode: ModeKind, key_bits: Sizes) -> Capability {
    Capability::new(Algorithm::Cipher(cipher, mode)).key_bits(key_bits)
}

/// AES-128, -192 and -256.
const AES: Sizes = Sizes::range(128, 256, 64);
/// 3DES with one, two or three 64-bit keys (parity bits counted, as pyca/cryptography counts them).
const TRIPLE_DES: Sizes = Sizes::range(64, 192, 64);

/// The cipher rows of [`RustCrypto`]: AES in every mode (XTS with two 128- or 256-bit keys; GCM
/// with IVs of 8 to 128 bytes and tags of 4 to 16 bytes); 3DES, Camellia and SM4 in the modes
/// OpenSSL gives them; ChaCha20 as a stream cipher. IVs that must be one block long, ChaCha20's
/// 16-byte nonce and XTS's 16-byte tweak are the call's to check ([`Error::InvalidArgument`]), so
/// those rows leave them open.
pub const CAPABILITIES: &[Capability] = &[
    row(CipherKind::Aes, ModeKind::Ecb, AES),
    row(CipherKind::Aes, ModeKind::Cbc, AES),
    row(CipherKind::Aes, ModeKind::Ctr, AES),
    row(CipherKind::Aes, ModeKind::Ofb, AES),
    row(CipherKind::Aes, ModeKind::Cfb, AES),
    row(CipherKind::Aes, ModeKind::Cfb8, AES),
    row(CipherKind::Aes, ModeKind::Xts, Sizes::range(256, 512, 256)),
    row(CipherKind::Aes, ModeKind::Gcm, AES)
        .nonce_bytes(Sizes::range(8, 128, 1))
        .tag_bytes(Sizes::range(
            LOWEST_MIN_TAG_LENGTH as u32,
            MAX_TAG_LENGTH as u32,
            1,
        )),
    row(CipherKind::TripleDes, ModeKind::Ecb, TRIPLE_DES),
    row(CipherKind::TripleDes, ModeKind::Cbc, TRIPLE_DES),
    row(CipherKind::TripleDes, ModeKind::Ofb, TRIPLE_DES),
    row(CipherKind::TripleDes, ModeKind::Cfb, TRIPLE_DES),
    row(CipherKind::TripleDes, ModeKind::Cfb8, TRIPLE_DES),
    row(CipherKind::Camellia, ModeKind::Ecb, AES),
    row(CipherKind::Camellia, ModeKind::Cbc, AES),
    row(CipherKind::Camellia, ModeKind::Ofb, AES),
    row(CipherKind::Camellia, ModeKind::Cfb, AES),
    row(CipherKind::Sm4, ModeKind::Ecb, Sizes::exactly(128)),
    row(CipherKind::Sm4, ModeKind::Cbc, Sizes::exactly(128)),
    row(CipherKind::Sm4, ModeKind::Ctr, Sizes::exactly(128)),
    row(CipherKind::Sm4, ModeKind::Ofb, Sizes::exactly(128)),
    row(CipherKind::Sm4, ModeKind::Cfb, Sizes::exactly(128)),
    row(CipherKind::ChaCha20, ModeKind::Stream, Sizes::exactly(256)),
];

/// [`Error::Unsupported`] unless a row names the pair, whatever its sizes: a key or IV length
/// outside the rows is the call's argument error ([`Error::InvalidKey`],
/// [`Error::InvalidArgument`]), as pyca/cryptography reports it.
#[inline]
fn check_pair(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> Result<()> {
    let algorithm = Algorithm::Cipher(cipher.kind(), mode.kind());
    if CAPABILITIES.iter().any(|row| row.algorithm == algorithm) {
        Ok(())
    } else {
        Err(Error::unsupported(Reason::Cipher, cipher.name()))
    }
}

impl CipherBackend for RustCrypto {
    type EncryptionCtx = RustCryptoEncryptionContext;
    type DecryptionCtx = RustCryptoDecryptionContext;

    fn cipher_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    #[inline]
    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<RustCryptoEncryptionContext> {
        check_pair(cipher, mode)?;
        if let Mode::Gcm { tag: Some(_), .. } = mode {
            return Err(Error::InvalidArgument(
                "an encryption context takes no tag: it comes from finalize",
            ));
        }
        Ok(RustCryptoEncryptionContext(Core::new(cipher, mode, true)?))
    }

    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        mode: &Mode<'_>,
    ) -> Result<RustCryptoDecryptionContext> {
        check_pair(cipher, mode)?;
        Ok(RustCryptoDecryptionContext(Core::new(cipher, mode, false)?))
    }
}

/// A RustCrypto encryption in progress. Key schedules and buffered bytes are zeroized on drop.
pub struct RustCryptoEncryptionContext(Core);

/// A RustCrypto decryption in progress. Key schedules and buffered bytes are zeroized on drop.
pub struct RustCryptoDecryptionContext(Core);

impl core::fmt::Debug for RustCryptoEncryptionContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("RustCryptoEncryptionContext { .. }")
    }
}

impl core::fmt::Debug for RustCryptoDecryptionContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("RustCryptoDecryptionContext { .. }")
    }
}

impl CipherContext for RustCryptoEncryptionContext {
    #[inline]
    fn output_len(&self, input_len: usize) -> usize {
        self.0.output_len(input_len)
    }
    #[inline]
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        self.0.update_into(data, out)
    }
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        self.0.authenticate_additional_data(data)
    }
}

impl CipherContext for RustCryptoDecryptionContext {
    #[inline]
    fn output_len(&self, input_len: usize) -> usize {
        self.0.output_len(input_len)
    }
    #[inline]
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        self.0.update_into(data, out)
    }
    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        self.0.authenticate_additional_data(data)
    }
}

impl EncryptionContext for RustCryptoEncryptionContext {
    #[inline]
    fn finalize(mut self) -> Result<Finalized> {
        // Matching by reference: the ~1 KiB engine is not moved out just to be dropped.
        match &mut self.0.engine {
            Engine::Gcm(gcm) => Ok(Finalized {
                data: empty(),
                tag: Some(gcm.tag()),
            }),
            engine => Ok(Finalized {
                data: engine.finish(true)?,
                tag: None,
            }),
        }
    }
}

impl DecryptionContext for RustCryptoDecryptionContext {
    fn finalize(mut self) -> Result<Output> {
        match &mut self.0.engine {
            Engine::Gcm(gcm) => match &self.0.tag {
                Some(tag) => gcm.verify(tag.as_slice()).map(|()| empty()),
                None => Err(Error::InvalidArgument(
                    "no tag given: use finalize_with_tag or put the tag in the mode",
                )),
            },
            engine => engine.finish(false),
        }
    }

    fn finalize_with_tag(mut self, tag: &[u8]) -> Result<Output> {
        match &mut self.0.engine {
            Engine::Gcm(gcm) => {
                if self.0.tag.is_some() {
                    return Err(Error::InvalidArgument(
                        "the tag was already given in the mode",
                    ));
                }
                check_tag_length(tag, self.0.min_tag_length)?;
                gcm.verify(tag).map(|()| empty())
            }
            _ => Err(Error::InvalidArgument(
                "finalize_with_tag is for authenticated modes only",
            )),
        }
    }
}

fn empty() -> Output {
    Output::from_slice(&[]).unwrap_or_else(|| unreachable!("an empty output fits"))
}

fn check_tag_length(tag: &[u8], min_tag_length: usize) -> Result<()> {
    if tag.len() < min_tag_length {
        Err(Error::InvalidArgument(
            "authentication tag is shorter than min_tag_length",
        ))
    } else if tag.len() > MAX_TAG_LENGTH {
        Err(Error::InvalidArgument(
            "authentication tag must be at most 16 bytes",
        ))
    } else {
        Ok(())
    }
}

/// A short byte buffer (a partial block, a feedback register) that zeroizes itself on drop.
#[derive(Clone)]
struct Buf {
    bytes: [u8; 32],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf {
            bytes: [0; 32],
            len: 0,
        }
    }

    fn from(data: &[u8]) -> Self {
        let mut buf = Buf::new();
        buf.bytes[..data.len()].copy_from_slice(data);
        buf.len = data.len();
        buf
    }

    fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Drop for Buf {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

/// The state shared by both directions: the engine, and for GCM decryption the tag rules.
struct Core {
    engine: Engine,
    encrypt: bool,
    tag: Option<Buf>,
    min_tag_length: usize,
}

enum Engine {
    Ecb {
        cipher: BlockCipher,
        pending: Buf,
    },
    Cbc {
        cipher: BlockCipher,
        chain: Buf,
        pending: Buf,
    },
    Ofb {
        cipher: BlockCipher,
        keystream: Buf,
        used: usize,
    },
    Cfb {
        cipher: BlockCipher,
        register: Buf,
        keystream: Buf,
        used: usize,
    },
    Cfb8 {
        cipher: BlockCipher,
        register: Buf,
    },
    Ctr(CtrStream),
    Xts(Xts),
    Gcm(Gcm),
    ChaCha20(chacha::ChaCha20),
}

enum CtrStream {
    Aes128(ctr::Ctr128BE<aes::Aes128>),
    Aes192(ctr::Ctr128BE<aes::Aes192>),
    Aes256(ctr::Ctr128BE<aes::Aes256>),
    Sm4(ctr::Ctr128BE<sm4::Sm4>),
}

fn check_iv(iv: &[u8], block_size: usize) -> Result<()> {
    if iv.len() == block_size {
        Ok(())
    } else {
        Err(Error::InvalidArgument(
            "IV or nonce must be one cipher block long",
        ))
    }
}

fn ctr_stream(cipher: &CipherAlgorithm<'_>, nonce: &[u8]) -> Result<CtrStream> {
    check_iv(nonce, 16)?;
    let key = cipher.key();
    let bad_key = |_| Error::InvalidKey("key length does not fit the cipher");
    Ok(match (cipher, key.len()) {
        (CipherAlgorithm::Aes(_), 16) => {
            CtrStream::Aes128(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        (CipherAlgorithm::Aes(_), 24) => {
            CtrStream::Aes192(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        (CipherAlgorithm::Aes(_), 32) => {
            CtrStream::Aes256(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        (CipherAlgorithm::Sm4(_), 16) => {
            CtrStream::Sm4(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        _ => {
            return Err(Error::InvalidKey(
                "CTR key must be 128, 192 or 256 bits (AES) or 128 bits (SM4)",
            ));
        }
    })
}

impl Core {
    #[inline]
    fn new(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>, encrypt: bool) -> Result<Self> {
        cipher.check_key()?;
        let mut tag = None;
        let mut min_tag = 16;
        let engine = match *mode {
            Mode::Stream => {
                let CipherAlgorithm::ChaCha20 { key, nonce } = *cipher else {
                    return Err(Error::unsupported(Reason::Cipher, cipher.name()));
                };
                // 64-bit counter then 64-bit nonce, as OpenSSL reads the 16 bytes: see `chacha`.
                Engine::ChaCha20(chacha::ChaCha20::new(key, nonce)?)
            }
            Mode::Ecb => Engine::Ecb {
                cipher: BlockCipher::new(cipher, cipher.key())?,
                pending: Buf::new(),
            },
            Mode::Cbc { iv } => {
                let c = BlockCipher::new(cipher, cipher.key())?;
                check_iv(iv, c.block_size())?;
                Engine::Cbc {
                    cipher: c,
                    chain: Buf::from(iv),
                    pending: Buf::new(),
                }
            }
            Mode::Ofb { iv } => {
                let c = BlockCipher::new(cipher, cipher.key())?;
                check_iv(iv, c.block_size())?;
                let used = c.block_size();
                Engine::Ofb {
                    cipher: c,
                    keystream: Buf::from(iv),
                    used,
                }
            }
            Mode::Cfb { iv } => {
                let c = BlockCipher::new(cipher, cipher.key())?;
                check_iv(iv, c.block_size())?;
                let used = c.block_size();
                Engine::Cfb {
                    cipher: c,
                    register: Buf::from(iv),
                    keystream: Buf::from(iv),
                    used,
                }
            }
            Mode::Cfb8 { iv } => {
                let c = BlockCipher::new(cipher, cipher.key())?;
                check_iv(iv, c.block_size())?;
                Engine::Cfb8 {
                    cipher: c,
                    register: Buf::from(iv),
                }
            }
            Mode::Ctr { nonce } => Engine::Ctr(ctr_stream(cipher, nonce)?),
            Mode::Xts { tweak } => Engine::Xts(Xts::new(cipher, tweak)?),
            Mode::Gcm {
                iv,
                tag: given,
                min_tag_length,
            } => {
                if min_tag_length < LOWEST_MIN_TAG_LENGTH {
                    return Err(Error::InvalidArgument("min_tag_length must be at least 4"));
                }
                if !(8..=128).contains(&iv.len()) {
                    return Err(Error::InvalidArgument(
                        "GCM IV must be between 8 and 128 bytes",
                    ));
                }
                if let Some(given) = given {
                    check_tag_length(given, min_tag_length)?;
                    tag = Some(Buf::from(given));
                }
                min_tag = min_tag_length;
                Engine::Gcm(Gcm::new(cipher.key(), iv, encrypt)?)
            }
        };
        Ok(Core {
            engine,
            encrypt,
            tag,
            min_tag_length: min_tag,
        })
    }

    fn authenticate_additional_data(&mut self, data: &[u8]) -> Result<()> {
        match &mut self.engine {
            Engine::Gcm(gcm) => gcm.authenticate_additional_data(data),
            _ => Err(Error::InvalidArgument(
                "additional data is for authenticated modes only",
            )),
        }
    }

    fn output_len(&self, input_len: usize) -> usize {
        match &self.engine {
            Engine::Ecb { cipher, pending }
            | Engine::Cbc {
                cipher, pending, ..
            } => {
                let bs = cipher.block_size();
                (pending.len + input_len) / bs * bs
            }
            Engine::Xts(xts) => xts.output_len(input_len),
            _ => input_len,
        }
    }

    #[inline]
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> Result<usize> {
        let needed = self.output_len(data.len());
        let out = out
            .get_mut(..needed)
            .ok_or(Error::BufferTooSmall { needed })?;
        let encrypt = self.encrypt;
        match &mut self.engine {
            Engine::Ecb { cipher, pending } => {
                let bs = cipher.block_size();
                blockwise(pending, bs, data, out, |input, output| {
                    output.copy_from_slice(input);
                    if encrypt {
                        cipher.encrypt_blocks(output);
                    } else {
                        cipher.decrypt_blocks(output);
                    }
                });
            }
            Engine::Cbc {
                cipher,
                chain,
                pending,
            } => {
                let bs = cipher.block_size();
                blockwise(pending, bs, data, out, |input, output| {
                    if encrypt {
                        cbc_encrypt(cipher, chain, input, output);
                    } else {
                        cbc_decrypt(cipher, chain, input, output);
                    }
                });
            }
            Engine::Ofb {
                cipher,
                keystream,
                used,
            } => {
                for (i, o) in data.iter().zip(out.iter_mut()) {
                    if *used == keystream.len {
                        cipher.encrypt_blocks(&mut keystream.bytes[..keystream.len]);
                        *used = 0;
                    }
                    *o = i ^ keystream.bytes[*used];
                    *used += 1;
                }
            }
            Engine::Cfb {
                cipher,
                register,
                keystream,
                used,
            } => {
                for (i, o) in data.iter().zip(out.iter_mut()) {
                    if *used == register.len {
                        keystream.bytes = register.bytes;
                        cipher.encrypt_blocks(&mut keystream.bytes[..register.len]);
                        *used = 0;
                    }
                    *o = i ^ keystream.bytes[*used];
                    // The register collects ciphertext: the next keystream block is its encryption.
                    register.bytes[*used] = if encrypt { *o } else { *i };
                    *used += 1;
                }
            }
            Engine::Cfb8 { cipher, register } => {
                let bs = register.len;
                let mut block = [0u8; 16];
                for (i, o) in data.iter().zip(out.iter_mut()) {
                    block[..bs].copy_from_slice(&register.bytes[..bs]);
                    cipher.encrypt_blocks(&mut block[..bs]);
                    *o = i ^ block[0];
                    register.bytes.copy_within(1..bs, 0);
                    register.bytes[bs - 1] = if encrypt { *o } else { *i };
                }
                block.zeroize();
            }
            Engine::Ctr(stream) => {
                let result = match stream {
                    CtrStream::Aes128(s) => s.try_apply_keystream_b2b(data, out),
                    CtrStream::Aes192(s) => s.try_apply_keystream_b2b(data, out),
                    CtrStream::Aes256(s) => s.try_apply_keystream_b2b(data, out),
                    CtrStream::Sm4(s) => s.try_apply_keystream_b2b(data, out),
                };
                result.map_err(|_| Error::InvalidArgument("CTR counter space exhausted"))?;
            }
            Engine::ChaCha20(stream) => stream.apply(data, out)?,
            Engine::Xts(xts) => xts.update(encrypt, data, out),
            Engine::Gcm(gcm) => gcm.update(data, out)?,
        }
        Ok(needed)
    }
}

impl Engine {
    /// The end of a non-AEAD stream: what was held back, or the partial-block error.
    fn finish(&mut self, encrypt: bool) -> Result<Output> {
        match self {
            Engine::Ecb { pending, .. } | Engine::Cbc { pending, .. } => {
                if pending.len == 0 {
                    Ok(empty())
                } else {
                    Err(Error::InvalidArgument(
                        "the length of the data is not a multiple of the block length",
                    ))
                }
            }
            Engine::Xts(xts) => xts.finish(encrypt),
            _ => Ok(empty()),
        }
    }
}

/// Runs `process` over whole blocks of `pending || data`, writing to `out`; keeps the last partial
/// block in `pending`. `out` is exactly as long as the whole blocks.
fn blockwise(
    pending: &mut Buf,
    bs: usize,
    mut data: &[u8],
    out: &mut [u8],
    mut process: impl FnMut(&[u8], &mut [u8]),
) {
    let mut written = 0;
    if pending.len > 0 {
        let take = (bs - pending.len).min(data.len());
        let (head, rest) = data.split_at(take);
        pending.bytes[pending.len..pending.len + take].copy_from_slice(head);
        pending.len += take;
        data = rest;
        if pending.len < bs {
            return;
        }
        process(&pending.bytes[..bs], &mut out[..bs]);
        pending.len = 0;
        written = bs;
    }
    let whole = data.len() / bs * bs;
    let (blocks, tail) = data.split_at(whole);
    if whole > 0 {
        process(blocks, &mut out[written..written + whole]);
    }
    pending.bytes[..tail.len()].copy_from_slice(tail);
    pending.len = tail.len();
}

fn cbc_encrypt(cipher: &BlockCipher, chain: &mut Buf, input: &[u8], output: &mut [u8]) {
    let bs = chain.len;
    cipher.cbc_encrypt(&mut chain.bytes[..bs], input, output);
}

fn cbc_decrypt(cipher: &BlockCipher, chain: &mut Buf, input: &[u8], output: &mut [u8]) {
    let bs = chain.len;
    // Decrypting all blocks in one call lets the cipher run them in parallel; the XOR with the
    // previous ciphertext block (read from `input`) follows.
    output.copy_from_slice(input);
    cipher.decrypt_blocks(output);
    let mut previous = &chain.bytes[..bs];
    let mut next_chain = [0u8; 16];
    for (i, o) in input.chunks_exact(bs).zip(output.chunks_exact_mut(bs)) {
        for (o, p) in o.iter_mut().zip(previous) {
            *o ^= p;
        }
        previous = i;
    }
    next_chain[..bs].copy_from_slice(previous);
    chain.bytes[..bs].copy_from_slice(&next_chain[..bs]);
}

/// XTS-AES for one data unit, streamed: a block is processed once 16 more bytes follow it, so
/// the last full block and a partial one are still held when ciphertext stealing needs them.
struct Xts {
    data_key: BlockCipher,
    /// The tweak for the next block: E(K2, tweak) times alpha^j.
    tweak: Buf,
    pending: Buf,
    seen: u64,
}

/// Multiplies an XTS tweak by alpha in GF(2^128), little-endian as IEEE 1619 does.
fn mul_alpha(t: &mut [u8]) {
    let mut carry = 0u8;
    for b in t.iter_mut() {
        let next = *b >> 7;
        *b = (*b << 1) | carry;
        carry = next;
    }
    if carry == 1 {
        t[0] ^= 0x87;
    }
}

impl Xts {
    fn new(cipher: &CipherAlgorithm<'_>, tweak: &[u8]) -> Result<Self> {
        let key = cipher.key();
        if !matches!(cipher, CipherAlgorithm::Aes(_)) {
            return Err(Error::unsupported(Reason::Cipher, cipher.name()));
        }
        if !matches!(key.len(), 32 | 64) {
            return Err(Error::InvalidKey("AES-XTS key must be 256 or 512 bits"));
        }
        if tweak.len() != 16 {
            return Err(Error::InvalidArgument("XTS tweak must be 16 bytes"));
        }
        let (k1, k2) = key.split_at(key.len() / 2);
        if bool::from(k1.ct_eq(k2)) {
            return Err(Error::InvalidKey(
                "the two XTS key halves must not be the same",
            ));
        }
        let data_key = BlockCipher::new(cipher, k1)?;
        let tweak_key = BlockCipher::new(cipher, k2)?;
        let mut t = Buf::from(tweak);
        tweak_key.encrypt_blocks(&mut t.bytes[..16]);
        Ok(Xts {
            data_key,
            tweak: t,
            pending: Buf::new(),
            seen: 0,
        })
    }

    fn output_len(&self, input_len: usize) -> usize {
        let available = self.pending.len + input_len;
        if available < 32 {
            0
        } else {
            (available - 16) / 16 * 16
        }
    }

    /// Encrypts or decrypts whole blocks in place with consecutive tweaks, eight at a time so the
    /// cipher can pipeline them.
    fn run_blocks(&mut self, encrypt: bool, data: &mut [u8]) {
        for batch in data.chunks_mut(128) {
            let mut tweaks = [0u8; 128];
            for (block, t) in batch.chunks_exact_mut(16).zip(tweaks.chunks_exact_mut(16)) {
                t.copy_from_slice(&self.tweak.bytes[..16]);
                block.iter_mut().zip(t.iter()).for_each(|(b, t)| *b ^= t);
                mul_alpha(&mut self.tweak.bytes[..16]);
            }
            if encrypt {
                self.data_key.encrypt_blocks(batch);
            } else {
                self.data_key.decrypt_blocks(batch);
            }
            batch
                .iter_mut()
                .zip(tweaks.iter())
                .for_each(|(b, t)| *b ^= t);
            tweaks.zeroize();
        }
    }

    fn update(&mut self, encrypt: bool, mut data: &[u8], out: &mut [u8]) {
        self.seen = self.seen.saturating_add(data.len() as u64);
        let mut blocks = out.len() / 16;
        let mut written = 0;
        while blocks > 0 && self.pending.len > 0 {
            if self.pending.len < 16 {
                let take = 16 - self.pending.len;
                let (head, rest) = data.split_at(take);
                self.pending.bytes[self.pending.len..16].copy_from_slice(head);
                self.pending.len = 16;
                data = rest;
            }
            let o = &mut out[written..written + 16];
            o.copy_from_slice(&self.pending.bytes[..16]);
            self.run_blocks(encrypt, o);
            self.pending.bytes.copy_within(16..self.pending.len, 0);
            self.pending.len -= 16;
            written += 16;
            blocks -= 1;
        }
        if blocks > 0 {
            let (direct, rest) = data.split_at(blocks * 16);
            let o = &mut out[written..written + blocks * 16];
            o.copy_from_slice(direct);
            self.run_blocks(encrypt, o);
            data = rest;
        }
        let at = self.pending.len;
        self.pending.bytes[at..at + data.len()].copy_from_slice(data);
        self.pending.len += data.len();
    }

    fn finish(&mut self, encrypt: bool) -> Result<Output> {
        if self.seen < 16 {
            return Err(Error::InvalidArgument("XTS data must be at least 16 bytes"));
        }
        let n = self.pending.len;
        let mut out = Output::zeroed(n).ok_or(Error::InvalidArgument("XTS state overflow"))?;
        let mut last = [0u8; 16];
        last.copy_from_slice(&self.pending.bytes[..16]);
        if n == 16 {
            self.run_blocks(encrypt, &mut last);
            out.as_mut_slice().copy_from_slice(&last);
        } else {
            // Ciphertext stealing (IEEE 1619 5.3.2): the partial block borrows the tail of the
            // processed last full block. Decryption uses the two tweaks in the opposite order.
            let r = n - 16;
            let mut first_tweak = [0u8; 16];
            first_tweak.copy_from_slice(&self.tweak.bytes[..16]);
            if !encrypt {
                mul_alpha(&mut self.tweak.bytes[..16]);
            }
            self.run_blocks(encrypt, &mut last);
            let mut stolen = [0u8; 16];
            stolen[..r].copy_from_slice(&self.pending.bytes[16..n]);
            stolen[r..].copy_from_slice(&last[r..]);
            if !encrypt {
                self.tweak.bytes[..16].copy_from_slice(&first_tweak);
            }
            self.run_blocks(encrypt, &mut stolen);
            let o = out.as_mut_slice();
            o[..16].copy_from_slice(&stolen);
            o[16..].copy_from_slice(&last[..r]);
            stolen.zeroize();
            first_tweak.zeroize();
        }
        last.zeroize();
        Ok(out)
    }
}
