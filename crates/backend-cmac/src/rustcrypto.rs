//! [`CmacBackend`] over the RustCrypto `cmac` crate.

use crate::{CipherAlgorithm, CmacBackend, Error, MacContext, Output, Reason, Result};
use cmac::{KeyInit, Mac};

/// The RustCrypto CMAC provider: AES-128/192/256, Triple DES and Camellia.
#[derive(Clone, Copy, Debug, Default)]
pub struct RustCrypto;

impl RustCrypto {
    /// The capability table.
    pub const CMAC_ALGORITHMS: &'static [CipherAlgorithm<'static>] = &[
        CipherAlgorithm::Aes(&[]),
        CipherAlgorithm::TripleDes(&[]),
        CipherAlgorithm::Camellia(&[]),
    ];
}

impl CmacBackend for RustCrypto {
    type CmacCtx = RustCryptoCmacContext;

    fn supported_cmac_algorithms(&self) -> &[CipherAlgorithm<'static>] {
        Self::CMAC_ALGORITHMS
    }

    fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<RustCryptoCmacContext> {
        if !self.cmac_algorithm_supported(algorithm) {
            return Err(Error::unsupported(Reason::Mac, algorithm.name()));
        }
        algorithm.check_key()?;
        let key = algorithm.key();
        let state = match algorithm {
            CipherAlgorithm::Aes(_) => match key.len() {
                16 => State::Aes128(keyed(key)?),
                24 => State::Aes192(keyed(key)?),
                32 => State::Aes256(keyed(key)?),
                _ => {
                    return Err(Error::InvalidKey(
                        "CMAC-AES key must be 128, 192 or 256 bits",
                    ));
                }
            },
            CipherAlgorithm::TripleDes(_) => {
                State::TripleDes(keyed(&backend_core::expand_triple_des_key(key)?[..])?)
            }
            CipherAlgorithm::Camellia(_) => match key.len() {
                16 => State::Camellia128(keyed(key)?),
                24 => State::Camellia192(keyed(key)?),
                _ => State::Camellia256(keyed(key)?),
            },
            _ => return Err(Error::unsupported(Reason::Mac, algorithm.name())),
        };
        Ok(RustCryptoCmacContext { state })
    }
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
