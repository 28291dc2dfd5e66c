//! [`CmacBackend`] for [`RustCrypto`] over the RustCrypto `cmac` crate, beside its capability rows.

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
pub const CAPABILITIES: &[Capability] = &[
    Capability::new(Algorithm::Cmac(CipherKind::Aes)).key_bits(Sizes::range(128, 256, 64)),
    Capability::new(Algorithm::Cmac(CipherKind::TripleDes)).key_bits(Sizes::range(64, 192, 64)),
    Capability::new(Algorithm::Cmac(CipherKind::Camellia)).key_bits(Sizes::range(128, 256, 64)),
];

impl CmacBackend for RustCrypto {
    type CmacCtx = RustCryptoCmacContext;

    fn cmac_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<RustCryptoCmacContext> {
        let key = algorithm.key();
        let state = match (algorithm, key.len()) {
            (CipherAlgorithm::Aes(_), 16) => State::Aes128(keyed(key)?),
            (CipherAlgorithm::Aes(_), 24) => State::Aes192(keyed(key)?),
            (CipherAlgorithm::Aes(_), 32) => State::Aes256(keyed(key)?),
            (CipherAlgorithm::TripleDes(_), 8 | 16 | 24) => {
                State::TripleDes(keyed(&backend_core::expand_triple_des_key(key)?[..])?)
            }
            (CipherAlgorithm::Camellia(_), 16) => State::Camellia128(keyed(key)?),
            (CipherAlgorithm::Camellia(_), 24) => State::Camellia192(keyed(key)?),
            (CipherAlgorithm::Camellia(_), 32) => State::Camellia256(keyed(key)?),
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
    Aes128(cmac::Cmac<aes::Aes128>),
    Aes192(cmac::Cmac<aes::Aes192>),
    Aes256(cmac::Cmac<aes::Aes256>),
    TripleDes(cmac::Cmac<des::TdesEde3>),
    Camellia128(cmac::Cmac<camellia::Camellia128>),
    Camellia192(cmac::Cmac<camellia::Camellia192>),
    Camellia256(cmac::Cmac<camellia::Camellia256>),
}

macro_rules! dispatch {
    ($state:expr, $m:ident => $body:expr) => {
        match $state {
            State::Aes128($m) => $body,
            State::Aes192($m) => $body,
            State::Aes256($m) => $body,
            State::TripleDes($m) => $body,
            State::Camellia128($m) => $body,
            State::Camellia192($m) => $body,
            State::Camellia256($m) => $body,
        }
    };
}

impl MacContext for RustCryptoCmacContext {
    #[inline]
    fn update(&mut self, data: &[u8]) {
        dispatch!(&mut self.state, m => Mac::update(m, data))
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
