//! [`CipherBackend`] and [`AeadBackend`](crate::AeadBackend) for [`RustCrypto`], over the
//! RustCrypto crates: block ciphers from `aes`, `des`, `camellia`, `sm4`; CTR from `ctr`; GCM from
//! `aes` + `ctr` + `ghash`; ChaCha20 from `chacha20`; the one-shot AEADs from `aes-gcm`, `ccm` and
//! `chacha20poly1305`. ECB, CBC, OFB, CFB, CFB8 and XTS are written here over the block ciphers,
//! so that every mode streams with a few blocks of state and no allocation.
//!
//! The rows: [`CAPABILITIES`] (ciphers and modes) and [`AEAD_CAPABILITIES`].
//!
//! Each cipher (`aes128`, `aes192`, `aes256`, `des`, `camellia`, `sm4`, `chacha20`), mode (`ecb`,
//! `cbc`, `ctr`, `ofb`, `cfb`, `cfb8`, `xts`, `gcm`) and AEAD (`aes-gcm`, `aes-ccm`,
//! `chacha20poly1305`) is compiled in by its feature (`rustcrypto`: all of them). What is compiled
//! out has no row, no enum variant and no match arm, so its calls are [`Error::Unsupported`] and
//! a program using AES-128-CTR links AES-128 and CTR only.

// A build with some ciphers, modes or AEADs compiled out leaves helpers and imports of the others
// unused.
#![cfg_attr(
    not(feature = "rustcrypto"),
    allow(
        unused_imports,
        unused_variables,
        unused_mut,
        unused_assignments,
        dead_code,
        unreachable_patterns,
        unreachable_code,
        unused_macros
    )
)]

pub mod aead;
mod block;
#[cfg(feature = "chacha20")]
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

/// The AES key sizes compiled in (features `aes128`, `aes192`, `aes256`), in bits: 128, 192 and
/// 256 with every feature. Every subset of the three is one `Sizes` range.
pub(crate) const AES: Sizes = sizes_of(
    cfg!(feature = "aes128"),
    cfg!(feature = "aes192"),
    cfg!(feature = "aes256"),
    [128, 192, 256],
);
/// True when some AES key size is compiled in.
pub(crate) const HAS_AES: bool =
    cfg!(feature = "aes128") || cfg!(feature = "aes192") || cfg!(feature = "aes256");
/// AES-XTS keys: two 128-bit keys with `aes128`, two 256-bit keys with `aes256`.
const XTS: Sizes = sizes_of(
    cfg!(feature = "aes128"),
    false,
    cfg!(feature = "aes256"),
    [256, 384, 512],
);
/// Camellia-128, -192 and -256.
const CAMELLIA: Sizes = Sizes::range(128, 256, 64);
/// 3DES with one, two or three 64-bit keys (parity bits counted, as pyca/cryptography counts them).
const TRIPLE_DES: Sizes = Sizes::range(64, 192, 64);

/// The sizes of `bits` whose flag is set, as one range: `bits` is evenly spaced, so every subset
/// of the three is a range (the outer two alone step twice the spacing). No flag gives an empty
/// range; no row uses it then.
const fn sizes_of(a: bool, b: bool, c: bool, bits: [u32; 3]) -> Sizes {
    let step = bits[1] - bits[0];
    match (a, b, c) {
        (true, true, true) => Sizes::range(bits[0], bits[2], step),
        (true, true, false) => Sizes::range(bits[0], bits[1], step),
        (true, false, true) => Sizes::range(bits[0], bits[2], 2 * step),
        (true, false, false) => Sizes::exactly(bits[0]),
        (false, true, true) => Sizes::range(bits[1], bits[2], step),
        (false, true, false) => Sizes::exactly(bits[1]),
        (false, false, true) => Sizes::exactly(bits[2]),
        (false, false, false) => Sizes::range(1, 0, 1),
    }
}

/// Every row the provider can be built with, each with whether this build has it (its cipher and
/// its mode compiled in).
const ALL_ROWS: [(bool, Capability); 23] = {
    let aes = HAS_AES;
    let des = cfg!(feature = "des");
    let camellia = cfg!(feature = "camellia");
    let sm4 = cfg!(feature = "sm4");
    let (ecb, cbc, ctr) = (
        cfg!(feature = "ecb"),
        cfg!(feature = "cbc"),
        cfg!(feature = "ctr"),
    );
    let (ofb, cfb, cfb8) = (
        cfg!(feature = "ofb"),
        cfg!(feature = "cfb"),
        cfg!(feature = "cfb8"),
    );
    let (xts, gcm) = (cfg!(feature = "xts"), cfg!(feature = "gcm"));
    let xts_aes = cfg!(feature = "aes128") || cfg!(feature = "aes256");
    [
        (aes && ecb, row(CipherKind::Aes, ModeKind::Ecb, AES)),
        (aes && cbc, row(CipherKind::Aes, ModeKind::Cbc, AES)),
        (aes && ctr, row(CipherKind::Aes, ModeKind::Ctr, AES)),
        (aes && ofb, row(CipherKind::Aes, ModeKind::Ofb, AES)),
        (aes && cfb, row(CipherKind::Aes, ModeKind::Cfb, AES)),
        (aes && cfb8, row(CipherKind::Aes, ModeKind::Cfb8, AES)),
        (xts_aes && xts, row(CipherKind::Aes, ModeKind::Xts, XTS)),
        (
            aes && gcm,
            row(CipherKind::Aes, ModeKind::Gcm, AES)
                .nonce_bytes(Sizes::range(8, 128, 1))
                .tag_bytes(Sizes::range(
                    LOWEST_MIN_TAG_LENGTH as u32,
                    MAX_TAG_LENGTH as u32,
                    1,
                )),
        ),
        (
            des && ecb,
            row(CipherKind::TripleDes, ModeKind::Ecb, TRIPLE_DES),
        ),
        (
            des && cbc,
            row(CipherKind::TripleDes, ModeKind::Cbc, TRIPLE_DES),
        ),
        (
            des && ofb,
            row(CipherKind::TripleDes, ModeKind::Ofb, TRIPLE_DES),
        ),
        (
            des && cfb,
            row(CipherKind::TripleDes, ModeKind::Cfb, TRIPLE_DES),
        ),
        (
            des && cfb8,
            row(CipherKind::TripleDes, ModeKind::Cfb8, TRIPLE_DES),
        ),
        (
            camellia && ecb,
            row(CipherKind::Camellia, ModeKind::Ecb, CAMELLIA),
        ),
        (
            camellia && cbc,
            row(CipherKind::Camellia, ModeKind::Cbc, CAMELLIA),
        ),
        (
            camellia && ofb,
            row(CipherKind::Camellia, ModeKind::Ofb, CAMELLIA),
        ),
        (
            camellia && cfb,
            row(CipherKind::Camellia, ModeKind::Cfb, CAMELLIA),
        ),
        (
            sm4 && ecb,
            row(CipherKind::Sm4, ModeKind::Ecb, Sizes::exactly(128)),
        ),
        (
            sm4 && cbc,
            row(CipherKind::Sm4, ModeKind::Cbc, Sizes::exactly(128)),
        ),
        (
            sm4 && ctr,
            row(CipherKind::Sm4, ModeKind::Ctr, Sizes::exactly(128)),
        ),
        (
            sm4 && ofb,
            row(CipherKind::Sm4, ModeKind::Ofb, Sizes::exactly(128)),
        ),
        (
            sm4 && cfb,
            row(CipherKind::Sm4, ModeKind::Cfb, Sizes::exactly(128)),
        ),
        (
            cfg!(feature = "chacha20"),
            row(CipherKind::ChaCha20, ModeKind::Stream, Sizes::exactly(256)),
        ),
    ]
};

/// How many rows of `rows` this build has.
pub(crate) const fn count(rows: &[(bool, Capability)]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < rows.len() {
        if rows[i].0 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The rows of `rows` this build has, in order (`N` is [`count`] of them).
pub(crate) const fn compiled<const N: usize>(rows: &[(bool, Capability)]) -> [Capability; N] {
    let mut out = [Capability::new(Algorithm::Scrypt); N];
    let (mut i, mut n) = (0, 0);
    while i < rows.len() {
        if rows[i].0 {
            out[n] = rows[i].1;
            n += 1;
        }
        i += 1;
    }
    out
}

/// The cipher rows of [`RustCrypto`]: AES in every mode (XTS with two 128- or 256-bit keys; GCM
/// with IVs of 8 to 128 bytes and tags of 4 to 16 bytes); 3DES, Camellia and SM4 in the modes
/// OpenSSL gives them; ChaCha20 as a stream cipher. IVs that must be one block long, ChaCha20's
/// 16-byte nonce and XTS's 16-byte tweak are the call's to check ([`Error::InvalidArgument`]), so
/// those rows leave them open. Only the ciphers, key sizes and modes compiled in have rows (all of
/// them with the default features).
pub const CAPABILITIES: &[Capability] = &compiled::<{ count(&ALL_ROWS) }>(&ALL_ROWS);

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
            #[cfg(feature = "gcm")]
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
            #[cfg(feature = "gcm")]
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
            #[cfg(feature = "gcm")]
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
    #[cfg(feature = "ecb")]
    Ecb { cipher: BlockCipher, pending: Buf },
    #[cfg(feature = "cbc")]
    Cbc {
        cipher: BlockCipher,
        chain: Buf,
        pending: Buf,
    },
    #[cfg(feature = "ofb")]
    Ofb {
        cipher: BlockCipher,
        keystream: Buf,
        used: usize,
    },
    #[cfg(feature = "cfb")]
    Cfb {
        cipher: BlockCipher,
        register: Buf,
        keystream: Buf,
        used: usize,
    },
    #[cfg(feature = "cfb8")]
    Cfb8 { cipher: BlockCipher, register: Buf },
    #[cfg(feature = "ctr")]
    Ctr(CtrStream),
    #[cfg(feature = "xts")]
    Xts(Xts),
    #[cfg(feature = "gcm")]
    Gcm(Gcm),
    #[cfg(feature = "chacha20")]
    ChaCha20(chacha::ChaCha20),
}

enum CtrStream {
    #[cfg(feature = "aes128")]
    Aes128(ctr::Ctr128BE<aes::Aes128>),
    #[cfg(feature = "aes192")]
    Aes192(ctr::Ctr128BE<aes::Aes192>),
    #[cfg(feature = "aes256")]
    Aes256(ctr::Ctr128BE<aes::Aes256>),
    #[cfg(feature = "sm4")]
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
    let bad_key =
        |_: cipher::InvalidLength| Error::InvalidKey("key length does not fit the cipher");
    Ok(match (cipher, key.len()) {
        #[cfg(feature = "aes128")]
        (CipherAlgorithm::Aes(_), 16) => {
            CtrStream::Aes128(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        #[cfg(feature = "aes192")]
        (CipherAlgorithm::Aes(_), 24) => {
            CtrStream::Aes192(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        #[cfg(feature = "aes256")]
        (CipherAlgorithm::Aes(_), 32) => {
            CtrStream::Aes256(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        #[cfg(feature = "sm4")]
        (CipherAlgorithm::Sm4(_), 16) => {
            CtrStream::Sm4(KeyIvInit::new_from_slices(key, nonce).map_err(bad_key)?)
        }
        // A standard AES size whose feature (`aes128`, `aes192`, `aes256`) is off.
        #[allow(unreachable_patterns)]
        (CipherAlgorithm::Aes(_), 16 | 24 | 32) => return Err(gcm::not_compiled_in()),
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
            #[cfg(feature = "chacha20")]
            Mode::Stream => {
                let CipherAlgorithm::ChaCha20 { key, nonce } = *cipher else {
                    return Err(Error::unsupported(Reason::Cipher, cipher.name()));
                };
                // 64-bit counter then 64-bit nonce, as OpenSSL reads the 16 bytes: see `chacha`.
                Engine::ChaCha20(chacha::ChaCha20::new(key, nonce)?)
            }
            #[cfg(feature = "ecb")]
            Mode::Ecb => Engine::Ecb {
                cipher: BlockCipher::new(cipher, cipher.key())?,
                pending: Buf::new(),
            },
            #[cfg(feature = "cbc")]
            Mode::Cbc { iv } => {
                let c = BlockCipher::new(cipher, cipher.key())?;
                check_iv(iv, c.block_size())?;
                Engine::Cbc {
                    cipher: c,
                    chain: Buf::from(iv),
                    pending: Buf::new(),
                }
            }
            #[cfg(feature = "ofb")]
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
            #[cfg(feature = "cfb")]
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
            #[cfg(feature = "cfb8")]
            Mode::Cfb8 { iv } => {
                let c = BlockCipher::new(cipher, cipher.key())?;
                check_iv(iv, c.block_size())?;
                Engine::Cfb8 {
                    cipher: c,
                    register: Buf::from(iv),
                }
            }
            #[cfg(feature = "ctr")]
            Mode::Ctr { nonce } => Engine::Ctr(ctr_stream(cipher, nonce)?),
            #[cfg(feature = "xts")]
            Mode::Xts { tweak } => Engine::Xts(Xts::new(cipher, tweak)?),
            #[cfg(feature = "gcm")]
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
            // A mode whose feature is off (`check_pair` has refused it already: no row).
            #[allow(unreachable_patterns)]
            _ => return Err(Error::unsupported(Reason::Cipher, mode.name())),
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
            #[cfg(feature = "gcm")]
            Engine::Gcm(gcm) => gcm.authenticate_additional_data(data),
            _ => Err(Error::InvalidArgument(
                "additional data is for authenticated modes only",
            )),
        }
    }

    fn output_len(&self, input_len: usize) -> usize {
        match &self.engine {
            #[cfg(feature = "ecb")]
            Engine::Ecb { cipher, pending } => whole_blocks(cipher, pending, input_len),
            #[cfg(feature = "cbc")]
            Engine::Cbc {
                cipher, pending, ..
            } => whole_blocks(cipher, pending, input_len),
            #[cfg(feature = "xts")]
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
            #[cfg(feature = "ecb")]
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
            #[cfg(feature = "cbc")]
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
            #[cfg(feature = "ofb")]
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
            #[cfg(feature = "cfb")]
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
            #[cfg(feature = "cfb8")]
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
            #[cfg(feature = "ctr")]
            Engine::Ctr(stream) => {
                let result: core::result::Result<(), cipher::StreamCipherError> = match *stream {
                    #[cfg(feature = "aes128")]
                    CtrStream::Aes128(ref mut s) => s.try_apply_keystream_b2b(data, out),
                    #[cfg(feature = "aes192")]
                    CtrStream::Aes192(ref mut s) => s.try_apply_keystream_b2b(data, out),
                    #[cfg(feature = "aes256")]
                    CtrStream::Aes256(ref mut s) => s.try_apply_keystream_b2b(data, out),
                    #[cfg(feature = "sm4")]
                    CtrStream::Sm4(ref mut s) => s.try_apply_keystream_b2b(data, out),
                };
                result.map_err(|_| Error::InvalidArgument("CTR counter space exhausted"))?;
            }
            #[cfg(feature = "chacha20")]
            Engine::ChaCha20(stream) => stream.apply(data, out)?,
            #[cfg(feature = "xts")]
            Engine::Xts(xts) => xts.update(encrypt, data, out),
            #[cfg(feature = "gcm")]
            Engine::Gcm(gcm) => gcm.update(data, out)?,
            // Every variant this build has is matched above: with some modes compiled out the
            // arm is unreachable, and with all of them out `Engine` has no value at all.
            #[allow(unreachable_patterns)]
            _ => {}
        }
        Ok(needed)
    }
}

impl Engine {
    /// The end of a non-AEAD stream: what was held back, or the partial-block error.
    fn finish(&mut self, encrypt: bool) -> Result<Output> {
        match self {
            #[cfg(feature = "ecb")]
            Engine::Ecb { pending, .. } => no_partial_block(pending),
            #[cfg(feature = "cbc")]
            Engine::Cbc { pending, .. } => no_partial_block(pending),
            #[cfg(feature = "xts")]
            Engine::Xts(xts) => xts.finish(encrypt),
            _ => Ok(empty()),
        }
    }
}

/// The end of an ECB or CBC stream: nothing held back, or the partial-block error.
fn no_partial_block(pending: &Buf) -> Result<Output> {
    if pending.len == 0 {
        Ok(empty())
    } else {
        Err(Error::InvalidArgument(
            "the length of the data is not a multiple of the block length",
        ))
    }
}

/// The output of an ECB or CBC update: the whole blocks of what is pending and `input_len` more.
fn whole_blocks(cipher: &BlockCipher, pending: &Buf, input_len: usize) -> usize {
    let bs = cipher.block_size();
    (pending.len + input_len) / bs * bs
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
