//! [`HashBackend`] for [`RustCrypto`] over the RustCrypto hash crates, beside its capability rows.
//!
//! Each hash is compiled in by its feature (`sha1`; `sha224`, `sha256`, `sha384`, `sha512`,
//! `sha512-224`, `sha512-256`, or `sha2` for the six; `sha3`; `blake2`; `md5`; `sm3`; `rustcrypto`
//! turns on all of them). A hash compiled out has no state variant, no match
//! arm and no row: [`HashBackend::hash_supported`] says false and the calls are
//! [`Error::Unsupported`], so a program that uses SHA-256 links SHA-256 only.
// A build with some hashes compiled out leaves helpers and imports of the others unused.
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

use crate::{
    Error, HashAlgorithm, HashBackend, HashContext, HashOutput, Reason, Result, RustCrypto,
    check_output_len, check_owned_output_len,
};
use backend_core::capability::{Algorithm, Capability};
use core::num::NonZeroUsize;
use digest::{Digest, ExtendableOutputReset, Update};

/// What [`RustCrypto`] computes: an [`Algorithm::Hash`] row for every [`HashAlgorithm::ALL`]
/// entry compiled into this build ([`compiled_in`]; the two SHAKE rows serve every output
/// length). With the default features that is every entry.
pub const CAPABILITIES: &[Capability] = &{
    let mut rows = [Capability::new(Algorithm::Hash(HashAlgorithm::Sha256)); COMPILED_IN];
    let (mut i, mut n) = (0, 0);
    while i < HashAlgorithm::ALL.len() {
        if compiled_in(HashAlgorithm::ALL[i]) {
            rows[n] = Capability::new(Algorithm::Hash(HashAlgorithm::ALL[i]));
            n += 1;
        }
        i += 1;
    }
    rows
};

/// How many entries of [`HashAlgorithm::ALL`] this build computes.
const COMPILED_IN: usize = {
    let (mut i, mut n) = (0, 0);
    while i < HashAlgorithm::ALL.len() {
        if compiled_in(HashAlgorithm::ALL[i]) {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The feature that compiles `algorithm` into this provider (`None` for a descriptor no build
/// offers): what a report names when [`compiled_in`] is false.
pub const fn feature_of(algorithm: HashAlgorithm) -> Option<&'static str> {
    Some(match algorithm {
        HashAlgorithm::Sha1 => "sha1",
        HashAlgorithm::Sha224 => "sha224",
        HashAlgorithm::Sha256 => "sha256",
        HashAlgorithm::Sha384 => "sha384",
        HashAlgorithm::Sha512 => "sha512",
        HashAlgorithm::Sha512_224 => "sha512-224",
        HashAlgorithm::Sha512_256 => "sha512-256",
        HashAlgorithm::Sha3_224
        | HashAlgorithm::Sha3_256
        | HashAlgorithm::Sha3_384
        | HashAlgorithm::Sha3_512
        | HashAlgorithm::Shake128 { .. }
        | HashAlgorithm::Shake256 { .. } => "sha3",
        HashAlgorithm::Blake2b512 | HashAlgorithm::Blake2s256 => "blake2",
        HashAlgorithm::Md5 => "md5",
        HashAlgorithm::Sm3 => "sm3",
        _ => return None,
    })
}

/// True when this build computes `algorithm`: its algorithm feature (`sha1`, the SHA-2 features
/// `sha224` to `sha512-256`, `sha3`, `blake2`, `md5`, `sm3`) is on. The rows and the
/// constructor's match are both gated by the same features, and the tests check that they agree.
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
        | HashAlgorithm::Sha3_512
        | HashAlgorithm::Shake128 { .. }
        | HashAlgorithm::Shake256 { .. } => cfg!(feature = "sha3"),
        HashAlgorithm::Blake2b512 | HashAlgorithm::Blake2s256 => cfg!(feature = "blake2"),
        HashAlgorithm::Md5 => cfg!(feature = "md5"),
        HashAlgorithm::Sm3 => cfg!(feature = "sm3"),
        _ => false,
    }
}

impl HashBackend for RustCrypto {
    type HashCtx = RustCryptoHashContext;

    fn hash_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    #[inline]
    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<RustCryptoHashContext> {
        let state = match algorithm {
            #[cfg(feature = "sha1")]
            HashAlgorithm::Sha1 => State::Sha1(Default::default()),
            #[cfg(feature = "sha224")]
            HashAlgorithm::Sha224 => State::Sha224(Default::default()),
            #[cfg(feature = "sha256")]
            HashAlgorithm::Sha256 => State::Sha256(Default::default()),
            #[cfg(feature = "sha384")]
            HashAlgorithm::Sha384 => State::Sha384(Default::default()),
            #[cfg(feature = "sha512")]
            HashAlgorithm::Sha512 => State::Sha512(Default::default()),
            #[cfg(feature = "sha512-224")]
            HashAlgorithm::Sha512_224 => State::Sha512_224(Default::default()),
            #[cfg(feature = "sha512-256")]
            HashAlgorithm::Sha512_256 => State::Sha512_256(Default::default()),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_224 => State::Sha3_224(Default::default()),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_256 => State::Sha3_256(Default::default()),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_384 => State::Sha3_384(Default::default()),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_512 => State::Sha3_512(Default::default()),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Shake128 { digest_size } => {
                State::Shake128(Default::default(), digest_size)
            }
            #[cfg(feature = "sha3")]
            HashAlgorithm::Shake256 { digest_size } => {
                State::Shake256(Default::default(), digest_size)
            }
            #[cfg(feature = "blake2")]
            HashAlgorithm::Blake2b512 => State::Blake2b512(Default::default()),
            #[cfg(feature = "blake2")]
            HashAlgorithm::Blake2s256 => State::Blake2s256(Default::default()),
            #[cfg(feature = "md5")]
            HashAlgorithm::Md5 => State::Md5(Default::default()),
            #[cfg(feature = "sm3")]
            HashAlgorithm::Sm3 => State::Sm3(Default::default()),
            _ => return Err(Error::unsupported(Reason::Hash, algorithm.name())),
        };
        Ok(RustCryptoHashContext { state })
    }

    #[inline]
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput> {
        match algorithm {
            #[cfg(feature = "sha1")]
            HashAlgorithm::Sha1 => one_shot::<sha1::Sha1>(data),
            #[cfg(feature = "sha224")]
            HashAlgorithm::Sha224 => one_shot::<sha2::Sha224>(data),
            #[cfg(feature = "sha256")]
            HashAlgorithm::Sha256 => one_shot::<sha2::Sha256>(data),
            #[cfg(feature = "sha384")]
            HashAlgorithm::Sha384 => one_shot::<sha2::Sha384>(data),
            #[cfg(feature = "sha512")]
            HashAlgorithm::Sha512 => one_shot::<sha2::Sha512>(data),
            #[cfg(feature = "sha512-224")]
            HashAlgorithm::Sha512_224 => one_shot::<sha2::Sha512_224>(data),
            #[cfg(feature = "sha512-256")]
            HashAlgorithm::Sha512_256 => one_shot::<sha2::Sha512_256>(data),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_224 => one_shot::<sha3::Sha3_224>(data),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_256 => one_shot::<sha3::Sha3_256>(data),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_384 => one_shot::<sha3::Sha3_384>(data),
            #[cfg(feature = "sha3")]
            HashAlgorithm::Sha3_512 => one_shot::<sha3::Sha3_512>(data),
            #[cfg(feature = "blake2")]
            HashAlgorithm::Blake2b512 => one_shot::<blake2::Blake2b512>(data),
            #[cfg(feature = "blake2")]
            HashAlgorithm::Blake2s256 => one_shot::<blake2::Blake2s256>(data),
            #[cfg(feature = "md5")]
            HashAlgorithm::Md5 => one_shot::<md5::Md5>(data),
            #[cfg(feature = "sm3")]
            HashAlgorithm::Sm3 => one_shot::<sm3::Sm3>(data),
            // XOFs (and any later variant) take the streaming path, once the output is known to
            // fit the owned output.
            _ => {
                check_owned_output_len(algorithm.digest_size())?;
                let mut ctx = self.create_hash_ctx(algorithm)?;
                ctx.update(data);
                ctx.finalize()
            }
        }
    }
}

/// One-shot digest without building the streaming context: the hasher lives in registers and on
/// this frame only, so small messages cost what the raw crate's `digest` costs.
#[inline]
fn one_shot<D: Digest>(data: &[u8]) -> Result<HashOutput> {
    // Every fixed-output digest here is at most 64 bytes, so the error cannot occur.
    backend_core::Output::from_slice(&D::digest(data))
        .map(HashOutput::from)
        .ok_or(Error::BufferTooSmall {
            needed: <D as Digest>::output_size(),
        })
}

/// A RustCrypto hash computation in progress.
#[derive(Clone)]
pub struct RustCryptoHashContext {
    state: State,
}

impl core::fmt::Debug for RustCryptoHashContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RustCryptoHashContext")
            .field("algorithm", &self.algorithm())
            .finish()
    }
}

#[derive(Clone)]
enum State {
    #[cfg(feature = "sha1")]
    Sha1(sha1::Sha1),
    #[cfg(feature = "sha224")]
    Sha224(sha2::Sha224),
    #[cfg(feature = "sha256")]
    Sha256(sha2::Sha256),
    #[cfg(feature = "sha384")]
    Sha384(sha2::Sha384),
    #[cfg(feature = "sha512")]
    Sha512(sha2::Sha512),
    #[cfg(feature = "sha512-224")]
    Sha512_224(sha2::Sha512_224),
    #[cfg(feature = "sha512-256")]
    Sha512_256(sha2::Sha512_256),
    #[cfg(feature = "sha3")]
    Sha3_224(sha3::Sha3_224),
    #[cfg(feature = "sha3")]
    Sha3_256(sha3::Sha3_256),
    #[cfg(feature = "sha3")]
    Sha3_384(sha3::Sha3_384),
    #[cfg(feature = "sha3")]
    Sha3_512(sha3::Sha3_512),
    #[cfg(feature = "sha3")]
    Shake128(shake::Shake128, NonZeroUsize),
    #[cfg(feature = "sha3")]
    Shake256(shake::Shake256, NonZeroUsize),
    #[cfg(feature = "blake2")]
    Blake2b512(blake2::Blake2b512),
    #[cfg(feature = "blake2")]
    Blake2s256(blake2::Blake2s256),
    #[cfg(feature = "md5")]
    Md5(md5::Md5),
    #[cfg(feature = "sm3")]
    Sm3(sm3::Sm3),
}

/// Runs `$body` with `$h` bound to the fixed-output hasher of every fixed-output state, and
/// `$xof` with `$x` bound to the XOF hasher otherwise. `$state` is a place (not a reference) and
/// the bindings say `ref mut` where they borrow, so the match also compiles when every hash is
/// compiled out and `State` has no variant.
macro_rules! dispatch {
    ($state:expr, $h:pat => $body:expr, $x:pat => $xof:expr) => {
        match $state {
            #[cfg(feature = "sha1")]
            State::Sha1($h) => $body,
            #[cfg(feature = "sha224")]
            State::Sha224($h) => $body,
            #[cfg(feature = "sha256")]
            State::Sha256($h) => $body,
            #[cfg(feature = "sha384")]
            State::Sha384($h) => $body,
            #[cfg(feature = "sha512")]
            State::Sha512($h) => $body,
            #[cfg(feature = "sha512-224")]
            State::Sha512_224($h) => $body,
            #[cfg(feature = "sha512-256")]
            State::Sha512_256($h) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_224($h) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_256($h) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_384($h) => $body,
            #[cfg(feature = "sha3")]
            State::Sha3_512($h) => $body,
            #[cfg(feature = "blake2")]
            State::Blake2b512($h) => $body,
            #[cfg(feature = "blake2")]
            State::Blake2s256($h) => $body,
            #[cfg(feature = "md5")]
            State::Md5($h) => $body,
            #[cfg(feature = "sm3")]
            State::Sm3($h) => $body,
            #[cfg(feature = "sha3")]
            State::Shake128($x, _) => $xof,
            #[cfg(feature = "sha3")]
            State::Shake256($x, _) => $xof,
        }
    };
}

impl HashContext for RustCryptoHashContext {
    fn algorithm(&self) -> HashAlgorithm {
        match self.state {
            #[cfg(feature = "sha1")]
            State::Sha1(_) => HashAlgorithm::Sha1,
            #[cfg(feature = "sha224")]
            State::Sha224(_) => HashAlgorithm::Sha224,
            #[cfg(feature = "sha256")]
            State::Sha256(_) => HashAlgorithm::Sha256,
            #[cfg(feature = "sha384")]
            State::Sha384(_) => HashAlgorithm::Sha384,
            #[cfg(feature = "sha512")]
            State::Sha512(_) => HashAlgorithm::Sha512,
            #[cfg(feature = "sha512-224")]
            State::Sha512_224(_) => HashAlgorithm::Sha512_224,
            #[cfg(feature = "sha512-256")]
            State::Sha512_256(_) => HashAlgorithm::Sha512_256,
            #[cfg(feature = "sha3")]
            State::Sha3_224(_) => HashAlgorithm::Sha3_224,
            #[cfg(feature = "sha3")]
            State::Sha3_256(_) => HashAlgorithm::Sha3_256,
            #[cfg(feature = "sha3")]
            State::Sha3_384(_) => HashAlgorithm::Sha3_384,
            #[cfg(feature = "sha3")]
            State::Sha3_512(_) => HashAlgorithm::Sha3_512,
            #[cfg(feature = "sha3")]
            State::Shake128(_, digest_size) => HashAlgorithm::Shake128 { digest_size },
            #[cfg(feature = "sha3")]
            State::Shake256(_, digest_size) => HashAlgorithm::Shake256 { digest_size },
            #[cfg(feature = "blake2")]
            State::Blake2b512(_) => HashAlgorithm::Blake2b512,
            #[cfg(feature = "blake2")]
            State::Blake2s256(_) => HashAlgorithm::Blake2s256,
            #[cfg(feature = "md5")]
            State::Md5(_) => HashAlgorithm::Md5,
            #[cfg(feature = "sm3")]
            State::Sm3(_) => HashAlgorithm::Sm3,
        }
    }

    #[inline]
    fn update(&mut self, data: &[u8]) {
        dispatch!(self.state, ref mut h => Digest::update(h, data), ref mut x => Update::update(x, data))
    }

    // Both consume the context but work through `&mut self`: the thin wrappers inline into the
    // caller, so the context is not copied into a by-value argument first. (That copy, with
    // `rep movsb`, defeated store forwarding and cost ~100 ns per 64-byte SHA-256.)
    #[inline]
    fn finalize_into(mut self, out: &mut [u8]) -> Result<()> {
        self.finalize_into_in_place(out)
    }

    #[inline]
    fn finalize(mut self) -> Result<HashOutput> {
        let size = self.algorithm().digest_size();
        HashOutput::with_len(size, |out| self.finalize_into_in_place(out))
    }
}

impl RustCryptoHashContext {
    /// Writes the digest into `out` and leaves the state reset (it is dropped right after).
    fn finalize_into_in_place(&mut self, out: &mut [u8]) -> Result<()> {
        check_output_len(self.algorithm(), out)?;
        dispatch!(
            self.state,
            ref mut h => out.copy_from_slice(&h.finalize_reset()),
            ref mut x => x.finalize_xof_reset_into(out)
        );
        Ok(())
    }
}
