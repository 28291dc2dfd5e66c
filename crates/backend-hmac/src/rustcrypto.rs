//! [`HmacBackend`] for [`RustCrypto`] over the RustCrypto `hmac` crate, beside its capability rows.

use crate::{Error, HashAlgorithm, HmacBackend, MacContext, Output, Reason, Result, RustCrypto};
use backend_core::capability::{Algorithm, Capability};
use hmac::{KeyInit, Mac};

/// What [`RustCrypto`] computes: an [`Algorithm::Hmac`] row for every hash of
/// [`HashAlgorithm::FIXED_OUTPUT`] (HMAC is not defined over the XOFs). PBKDF2 and HKDF in
/// `backend-kdf` are derived from these rows.
pub const CAPABILITIES: &[Capability] =
    &Capability::new(Algorithm::Hmac(HashAlgorithm::Sha256)).per_hash(HashAlgorithm::FIXED_OUTPUT);

impl HmacBackend for RustCrypto {
    type HmacCtx = RustCryptoHmacContext;

    fn hmac_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    fn create_hmac_ctx(
        &self,
        key: &[u8],
        algorithm: HashAlgorithm,
    ) -> Result<RustCryptoHmacContext> {
        // `new_from_slice` cannot fail for HMAC (any key length is valid); the error arm is kept
        // only because the signature is shared with fixed-key MACs.
        macro_rules! keyed {
            ($variant:ident) => {
                State::$variant(
                    KeyInit::new_from_slice(key)
                        .map_err(|_| Error::InvalidKey("HMAC key rejected"))?,
                )
            };
        }
        let state = match algorithm {
            HashAlgorithm::Sha1 => keyed!(Sha1),
            HashAlgorithm::Sha224 => keyed!(Sha224),
            HashAlgorithm::Sha256 => keyed!(Sha256),
            HashAlgorithm::Sha384 => keyed!(Sha384),
            HashAlgorithm::Sha512 => keyed!(Sha512),
            HashAlgorithm::Sha512_224 => keyed!(Sha512_224),
            HashAlgorithm::Sha512_256 => keyed!(Sha512_256),
            HashAlgorithm::Sha3_224 => keyed!(Sha3_224),
            HashAlgorithm::Sha3_256 => keyed!(Sha3_256),
            HashAlgorithm::Sha3_384 => keyed!(Sha3_384),
            HashAlgorithm::Sha3_512 => keyed!(Sha3_512),
            HashAlgorithm::Blake2b512 => keyed!(Blake2b512),
            HashAlgorithm::Blake2s256 => keyed!(Blake2s256),
            HashAlgorithm::Md5 => keyed!(Md5),
            HashAlgorithm::Sm3 => keyed!(Sm3),
            _ => return Err(Error::unsupported(Reason::Mac, algorithm.name())),
        };
        Ok(RustCryptoHmacContext { state })
    }
}

/// A RustCrypto HMAC computation in progress. The keyed state is zeroized on drop.
#[derive(Clone)]
pub struct RustCryptoHmacContext {
    state: State,
}

impl core::fmt::Debug for RustCryptoHmacContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("RustCryptoHmacContext { .. }")
    }
}

#[derive(Clone)]
enum State {
    Sha1(hmac::Hmac<sha1::Sha1>),
    Sha224(hmac::Hmac<sha2::Sha224>),
    Sha256(hmac::Hmac<sha2::Sha256>),
    Sha384(hmac::Hmac<sha2::Sha384>),
    Sha512(hmac::Hmac<sha2::Sha512>),
    Sha512_224(hmac::Hmac<sha2::Sha512_224>),
    Sha512_256(hmac::Hmac<sha2::Sha512_256>),
    // sha3 0.12's hashers are not `EagerHash` (no block-level core), so they take the generic
    // construction over the whole hasher.
    Sha3_224(hmac::SimpleHmac<sha3::Sha3_224>),
    Sha3_256(hmac::SimpleHmac<sha3::Sha3_256>),
    Sha3_384(hmac::SimpleHmac<sha3::Sha3_384>),
    Sha3_512(hmac::SimpleHmac<sha3::Sha3_512>),
    // BLAKE2 buffers lazily (its last block is special), so it is not `EagerHash` either.
    Blake2b512(hmac::SimpleHmac<blake2::Blake2b512>),
    Blake2s256(hmac::SimpleHmac<blake2::Blake2s256>),
    Md5(hmac::Hmac<md5::Md5>),
    Sm3(hmac::Hmac<sm3::Sm3>),
}

macro_rules! dispatch {
    ($state:expr, $m:ident => $body:expr) => {
        match $state {
            State::Sha1($m) => $body,
            State::Sha224($m) => $body,
            State::Sha256($m) => $body,
            State::Sha384($m) => $body,
            State::Sha512($m) => $body,
            State::Sha512_224($m) => $body,
            State::Sha512_256($m) => $body,
            State::Sha3_224($m) => $body,
            State::Sha3_256($m) => $body,
            State::Sha3_384($m) => $body,
            State::Sha3_512($m) => $body,
            State::Blake2b512($m) => $body,
            State::Blake2s256($m) => $body,
            State::Md5($m) => $body,
            State::Sm3($m) => $body,
        }
    };
}

impl MacContext for RustCryptoHmacContext {
    #[inline]
    fn update(&mut self, data: &[u8]) {
        dispatch!(&mut self.state, m => Mac::update(m, data))
    }

    #[inline]
    fn finalize(self) -> Output {
        dispatch!(self.state, m => tag(&m.finalize().into_bytes()))
    }

    fn verify(self, signature: &[u8]) -> Result<()> {
        // `Mac::verify_slice` compares in constant time (via `subtle`).
        dispatch!(self.state, m => m.verify_slice(signature).map_err(|_| Error::InvalidSignature))
    }
}

fn tag(bytes: &[u8]) -> Output {
    // Every HMAC here is at most 64 bytes (SHA-512, BLAKE2b), which is `Output::CAPACITY`.
    Output::from_slice(bytes).unwrap_or_else(|| unreachable!("HMAC tags fit Output::CAPACITY"))
}
