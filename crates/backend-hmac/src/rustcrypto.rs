//! [`HmacBackend`] for [`RustCrypto`] over the RustCrypto `hmac` crate, beside its capability rows.
//!
//! Each hash is compiled in by its feature (`sha1`; `sha224`, `sha256`, `sha384`, `sha512`,
//! `sha512-224`, `sha512-256`, or `sha2` for the six; `sha3`; `blake2`; `md5`; `sm3`; `rustcrypto`
//! turns on all of them); a hash compiled out has no state variant, no match
//! arm and no row, so its calls are [`Error::Unsupported`] and its code is not linked.
// A build with some hashes compiled out leaves helpers and imports of the others unused.
#![cfg_attr(
    not(feature = "rustcrypto"),
    allow(
        unused_imports,
        unused_variables,
        dead_code,
        unreachable_patterns,
        unreachable_code,
        unused_macros
    )
)]

use crate::{Error, HashAlgorithm, HmacBackend, MacContext, Output, Reason, Result, RustCrypto};
use backend_core::capability::{Algorithm, Capability};
use hmac::{KeyInit, Mac};

/// What [`RustCrypto`] computes: an [`Algorithm::Hmac`] row for every hash of
/// [`HashAlgorithm::FIXED_OUTPUT`] (HMAC is not defined over the XOFs). PBKDF2 and HKDF in
/// `backend-kdf` are derived from these rows.
///
/// Only the hashes compiled into this build ([`compiled_in`]) have a row; with the default
/// features that is every fixed-output hash.
pub const CAPABILITIES: &[Capability] = &{
    let mut rows = [Capability::new(Algorithm::Hmac(HashAlgorithm::Sha256)); COMPILED_IN];
    let (mut i, mut n) = (0, 0);
    while i < HashAlgorithm::FIXED_OUTPUT.len() {
        if compiled_in(HashAlgorithm::FIXED_OUTPUT[i]) {
            rows[n] = Capability::new(Algorithm::Hmac(HashAlgorithm::FIXED_OUTPUT[i]));
            n += 1;
        }
        i += 1;
    }
    rows
};

/// How many hashes of [`HashAlgorithm::FIXED_OUTPUT`] this build computes HMAC with.
const COMPILED_IN: usize = {
    let (mut i, mut n) = (0, 0);
    while i < HashAlgorithm::FIXED_OUTPUT.len() {
        if compiled_in(HashAlgorithm::FIXED_OUTPUT[i]) {
            n += 1;
        }
        i += 1;
    }
    n
};

/// True when this build computes HMAC with `algorithm`: its algorithm feature (`sha1`, the SHA-2
/// features `sha224` to `sha512-256`, `sha3`, `blake2`, `md5`, `sm3`) is on. The rows and the constructor's match are
/// gated by the same features; the tests check that they agree. Never true for an XOF.
// Each arm is a feature test, `true` or `false` per build: not a `matches!`.
#[allow(clippy::match_like_matches_macro)]
pub const fn compiled_in(algorithm: HashAlgorithm) -> bool {
    match algorithm {
        HashAlgorithm::Sha1 => cfg!(feature = "sha1"),
        HashAlgorithm::Sha224 => cfg!(feature = "sha224"),
        HashAlgorithm::Sha256 => cfg!(feature = "sha256"),
        HashAlgorithm::Sha384 => cfg!(feature = "sha384"),
        HashAlgorithm::Sha512 => cfg!(feature = "sha512"),
        HashAlgorithm::Sha512_224 => cfg!(feature = "sha512-224"),
        HashAlgorithm::Sha512_256 => cfg!(feature = "sha512-256"),
        HashAlgorithm::Sha3_224
        | HashAlgorithm::Sha3_256
        | HashAlgorithm::Sha3_384
        | HashAlgorithm::Sha3_512 => cfg!(feature = "sha3"),
        HashAlgorithm::Blake2b512 | HashAlgorithm::Blake2s256 => cfg!(feature = "blake2"),
        HashAlgorithm::Md5 => cfg!(feature = "md5"),
        HashAlgorithm::Sm3 => cfg!(feature = "sm3"),
        _ => false,
    }
}

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
            #[cfg(feature = "sha1")]
            HashAlgorithm::Sha1 => keyed!(Sha1),
            #[cfg(feature = "sha224")]
            HashAlgorithm::Sha224 => keyed!(Sha224),
            #[cfg(feature = "sha256")]
            HashAlgorithm::Sha256 => keyed!(Sha256),
            #[cfg(feature = "sha384")]
            HashAlgorithm::Sha384 => keyed!(Sha384),
            #[cfg(feature = "sha512")]
            HashAlgorithm::Sha512 => keyed!(Sha512),
            #[cfg(feature = "sha512-224")]
            HashAlgorithm::Sha512_224 => keyed!(Sha512_224),
            #[cfg(feature = "sha512-256")]
            HashAlgorithm::Sha512_256 => keyed!(Sha512_256),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_224 => keyed!(Sha3_224),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_256 => keyed!(Sha3_256),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_384 => keyed!(Sha3_384),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_512 => keyed!(Sha3_512),
            #[cfg(feature = "blake2")]
            HashAlgorithm::Blake2b512 => keyed!(Blake2b512),
            #[cfg(feature = "blake2")]
            HashAlgorithm::Blake2s256 => keyed!(Blake2s256),
            #[cfg(feature = "md5")]
            HashAlgorithm::Md5 => keyed!(Md5),
            #[cfg(feature = "sm3")]
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
    #[cfg(feature = "sha1")]
    Sha1(hmac::Hmac<sha1::Sha1>),
    #[cfg(feature = "sha224")]
    Sha224(hmac::Hmac<sha2::Sha224>),
    #[cfg(feature = "sha256")]
    Sha256(hmac::Hmac<sha2::Sha256>),
    #[cfg(feature = "sha384")]
    Sha384(hmac::Hmac<sha2::Sha384>),
    #[cfg(feature = "sha512")]
    Sha512(hmac::Hmac<sha2::Sha512>),
    #[cfg(feature = "sha512-224")]
    Sha512_224(hmac::Hmac<sha2::Sha512_224>),
    #[cfg(feature = "sha512-256")]
    Sha512_256(hmac::Hmac<sha2::Sha512_256>),
    // sha3 0.12's hashers are not `EagerHash` (no block-level core), so they take the generic
    // construction over the whole hasher.
    #[cfg(feature = "sha3")]
    Sha3_224(hmac::SimpleHmac<sha3::Sha3_224>),
    #[cfg(feature = "sha3")]
    Sha3_256(hmac::SimpleHmac<sha3::Sha3_256>),
    #[cfg(feature = "sha3")]
    Sha3_384(hmac::SimpleHmac<sha3::Sha3_384>),
    #[cfg(feature = "sha3")]
    Sha3_512(hmac::SimpleHmac<sha3::Sha3_512>),
    // BLAKE2 buffers lazily (its last block is special), so it is not `EagerHash` either.
    #[cfg(feature = "blake2")]
    Blake2b512(hmac::SimpleHmac<blake2::Blake2b512>),
    #[cfg(feature = "blake2")]
    Blake2s256(hmac::SimpleHmac<blake2::Blake2s256>),
    #[cfg(feature = "md5")]
    Md5(hmac::Hmac<md5::Md5>),
    #[cfg(feature = "sm3")]
    Sm3(hmac::Hmac<sm3::Sm3>),
}

/// Runs `$body` with `$m` bound to the keyed state. `$state` is a place and the binding says
/// `ref mut` where it borrows, so the match also compiles when every hash is compiled out.
macro_rules! dispatch {
    ($state:expr, $m:pat => $body:expr) => {
        match $state {
            #[cfg(feature = "sha1")]
            State::Sha1($m) => $body,
            #[cfg(feature = "sha224")]
            State::Sha224($m) => $body,
            #[cfg(feature = "sha256")]
            State::Sha256($m) => $body,
            #[cfg(feature = "sha384")]
            State::Sha384($m) => $body,
            #[cfg(feature = "sha512")]
            State::Sha512($m) => $body,
            #[cfg(feature = "sha512-224")]
            State::Sha512_224($m) => $body,
            #[cfg(feature = "sha512-256")]
            State::Sha512_256($m) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_224($m) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_256($m) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_384($m) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_512($m) => $body,
            #[cfg(feature = "blake2")]
            State::Blake2b512($m) => $body,
            #[cfg(feature = "blake2")]
            State::Blake2s256($m) => $body,
            #[cfg(feature = "md5")]
            State::Md5($m) => $body,
            #[cfg(feature = "sm3")]
            State::Sm3($m) => $body,
        }
    };
}

impl MacContext for RustCryptoHmacContext {
    #[inline]
    fn update(&mut self, data: &[u8]) {
        dispatch!(self.state, ref mut m => Mac::update(m, data))
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
