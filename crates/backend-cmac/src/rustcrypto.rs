//! [`CmacBackend`] for [`RustCrypto`] over the RustCrypto `cmac` crate, beside its capability rows.
//!
//! Each cipher is compiled in by its feature (`aes128`, `aes192`, `aes256`, `des`, `camellia`;
//! `rustcrypto` turns on all of them): a cipher compiled out has no row, variant or arm.
// A build with some ciphers compiled out leaves helpers and imports of the others unused.
#![cfg_attr(
    not(feature = "rustcrypto"),
    allow(
        unused_imports,
        unused_variables,
        dead_code,
        unreachable_patterns,
        unreachable_code
    )
)]

use crate::{CipherAlgorithm, CmacBackend, Error, MacContext, Output, Reason, Result, RustCrypto};
use backend_core::capability::{Algorithm, Capability, CipherKind, Sizes};
use cmac::{KeyInit, Mac};

/// What [`RustCrypto`] computes: CMAC with AES-128/192/256, Triple DES with 8-, 16- or 24-byte
/// keys (64, 128 or 192 bits, parity included) and Camellia-128/192/256.
///
/// These are every key size CMAC is defined for with these ciphers, so a key of another size is
/// a wrong key ([`Error::InvalidKey`], as pyca/cryptography and Wycheproof expect), not a missing
/// algorithm; a cipher without a row here (SM4, the stream cipher ChaCha20) is
/// [`Error::Unsupported`].
///
/// Only the ciphers and AES key sizes compiled in (features `aes128`, `aes192`, `aes256`, `des`,
/// `camellia`) have rows; a standard key size compiled out is [`Error::Unsupported`].
pub const CAPABILITIES: &[Capability] = &{
    let mut rows = [Capability::new(Algorithm::Cmac(CipherKind::Aes)); COMPILED_IN];
    let (mut i, mut n) = (0, 0);
    while i < ALL_ROWS.len() {
        if ALL_ROWS[i].0 {
            rows[n] = ALL_ROWS[i].1;
            n += 1;
        }
        i += 1;
    }
    rows
};

/// Every row the provider can be built with, each with whether this build has it.
const ALL_ROWS: [(bool, Capability); 3] = [
    (
        cfg!(feature = "aes128") || cfg!(feature = "aes192") || cfg!(feature = "aes256"),
        Capability::new(Algorithm::Cmac(CipherKind::Aes)).key_bits(AES),
    ),
    (
        cfg!(feature = "des"),
        Capability::new(Algorithm::Cmac(CipherKind::TripleDes)).key_bits(Sizes::range(64, 192, 64)),
    ),
    (
        cfg!(feature = "camellia"),
        Capability::new(Algorithm::Cmac(CipherKind::Camellia)).key_bits(Sizes::range(128, 256, 64)),
    ),
];

/// How many of [`ALL_ROWS`] this build has.
const COMPILED_IN: usize = {
    let (mut i, mut n) = (0, 0);
    while i < ALL_ROWS.len() {
        if ALL_ROWS[i].0 {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The AES key sizes compiled in, in bits: every subset of 128, 192 and 256 is one range (the
/// outer two alone step 128).
const AES: Sizes = match (
    cfg!(feature = "aes128"),
    cfg!(feature = "aes192"),
    cfg!(feature = "aes256"),
) {
    (true, true, true) => Sizes::range(128, 256, 64),
    (true, true, false) => Sizes::range(128, 192, 64),
    (true, false, true) => Sizes::range(128, 256, 128),
    (true, false, false) => Sizes::exactly(128),
    (false, true, true) => Sizes::range(192, 256, 64),
    (false, true, false) => Sizes::exactly(192),
    (false, false, true) => Sizes::exactly(256),
    (false, false, false) => Sizes::range(1, 0, 1),
};

impl CmacBackend for RustCrypto {
    type CmacCtx = RustCryptoCmacContext;

    fn cmac_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<RustCryptoCmacContext> {
        let key = algorithm.key();
        let state = match (algorithm, key.len()) {
            #[cfg(feature = "aes128")]
            (CipherAlgorithm::Aes(_), 16) => State::Aes128(keyed(key)?),
            #[cfg(feature = "aes192")]
            (CipherAlgorithm::Aes(_), 24) => State::Aes192(keyed(key)?),
            #[cfg(feature = "aes256")]
            (CipherAlgorithm::Aes(_), 32) => State::Aes256(keyed(key)?),
            #[cfg(feature = "des")]
            (CipherAlgorithm::TripleDes(_), 8 | 16 | 24) => {
                State::TripleDes(keyed(&backend_core::expand_triple_des_key(key)?[..])?)
            }
            #[cfg(feature = "camellia")]
            (CipherAlgorithm::Camellia(_), 16) => State::Camellia128(keyed(key)?),
            #[cfg(feature = "camellia")]
            (CipherAlgorithm::Camellia(_), 24) => State::Camellia192(keyed(key)?),
            #[cfg(feature = "camellia")]
            (CipherAlgorithm::Camellia(_), 32) => State::Camellia256(keyed(key)?),
            // A standard AES size whose feature (`aes128`, `aes192`, `aes256`) is off.
            #[allow(unreachable_patterns)]
            (CipherAlgorithm::Aes(_), 16 | 24 | 32) => {
                return Err(Error::unsupported(
                    Reason::Mac,
                    "AES key size not compiled in",
                ));
            }
            _ => return Err(refusal(algorithm)),
        };
        Ok(RustCryptoCmacContext { state })
    }
}

/// Why [`RustCrypto`] refuses `algorithm`, read from the rows: a cipher no row names is
/// unsupported; a cipher a row names came with a key of a size its CMAC does not define (the rows
/// hold every defined size, see [`CAPABILITIES`]).
fn refusal(algorithm: &CipherAlgorithm<'_>) -> Error {
    let cipher = Algorithm::Cmac(algorithm.kind());
    if !CAPABILITIES.iter().any(|row| row.algorithm == cipher) {
        return Error::unsupported(Reason::Mac, algorithm.name());
    }
    Error::InvalidKey(match algorithm {
        CipherAlgorithm::TripleDes(_) => "3DES key must be 8, 16 or 24 bytes",
        CipherAlgorithm::Camellia(_) => "CMAC-Camellia key must be 128, 192 or 256 bits",
        _ => "CMAC-AES key must be 128, 192 or 256 bits",
    })
}

fn keyed<M: KeyInit>(key: &[u8]) -> Result<M> {
    M::new_from_slice(key).map_err(|_| Error::InvalidKey("key length does not fit the cipher"))
}

/// A RustCrypto CMAC computation in progress. The key schedule is zeroized on drop.
#[derive(Clone)]
pub struct RustCryptoCmacContext {
    state: State,
}

impl core::fmt::Debug for RustCryptoCmacContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("RustCryptoCmacContext { .. }")
    }
}

#[derive(Clone)]
enum State {
    #[cfg(feature = "aes128")]
    Aes128(cmac::Cmac<aes::Aes128>),
    #[cfg(feature = "aes192")]
    Aes192(cmac::Cmac<aes::Aes192>),
    #[cfg(feature = "aes256")]
    Aes256(cmac::Cmac<aes::Aes256>),
    #[cfg(feature = "des")]
    TripleDes(cmac::Cmac<des::TdesEde3>),
    #[cfg(feature = "camellia")]
    Camellia128(cmac::Cmac<camellia::Camellia128>),
    #[cfg(feature = "camellia")]
    Camellia192(cmac::Cmac<camellia::Camellia192>),
    #[cfg(feature = "camellia")]
    Camellia256(cmac::Cmac<camellia::Camellia256>),
}

/// `$state` is a place and the binding says `ref mut` where it borrows, so the match also compiles
/// with every cipher compiled out.
macro_rules! dispatch {
    ($state:expr, $m:pat => $body:expr) => {
        match $state {
            #[cfg(feature = "aes128")]
            State::Aes128($m) => $body,
            #[cfg(feature = "aes192")]
            State::Aes192($m) => $body,
            #[cfg(feature = "aes256")]
            State::Aes256($m) => $body,
            #[cfg(feature = "des")]
            State::TripleDes($m) => $body,
            #[cfg(feature = "camellia")]
            State::Camellia128($m) => $body,
            #[cfg(feature = "camellia")]
            State::Camellia192($m) => $body,
            #[cfg(feature = "camellia")]
            State::Camellia256($m) => $body,
        }
    };
}

impl MacContext for RustCryptoCmacContext {
    #[inline]
    fn update(&mut self, data: &[u8]) {
        dispatch!(self.state, ref mut m => Mac::update(m, data))
    }

    fn finalize(self) -> Output {
        // A CMAC tag is one cipher block: 16 or 8 bytes, within `Output::CAPACITY`.
        dispatch!(self.state, m => Output::from_slice(&m.finalize().into_bytes())
            .unwrap_or_else(|| unreachable!("CMAC tags fit Output::CAPACITY")))
    }

    fn verify(self, signature: &[u8]) -> Result<()> {
        // `Mac::verify_slice` compares in constant time (via `subtle`).
        dispatch!(self.state, m => m.verify_slice(signature).map_err(|_| Error::InvalidSignature))
    }
}
