//! [`HashBackend`] for [`RustCrypto`] over the RustCrypto hash crates, beside its capability rows.

use crate::{
    Error, HashAlgorithm, HashBackend, HashContext, HashOutput, Reason, Result, RustCrypto,
    check_output_len, check_owned_output_len,
};
use backend_core::capability::{Algorithm, Capability};
use core::num::NonZeroUsize;
use digest::{Digest, ExtendableOutputReset, Update};

/// What [`RustCrypto`] computes: an [`Algorithm::Hash`] row for every [`HashAlgorithm::ALL`]
/// entry (the two SHAKE rows serve every output length).
pub const CAPABILITIES: &[Capability] =
    &Capability::new(Algorithm::Hash(HashAlgorithm::Sha256)).per_hash(HashAlgorithm::ALL);

impl HashBackend for RustCrypto {
    type HashCtx = RustCryptoHashContext;

    fn hash_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    #[inline]
    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<RustCryptoHashContext> {
        let state = match algorithm {
            HashAlgorithm::Sha1 => State::Sha1(Default::default()),
            HashAlgorithm::Sha224 => State::Sha224(Default::default()),
            HashAlgorithm::Sha256 => State::Sha256(Default::default()),
            HashAlgorithm::Sha384 => State::Sha384(Default::default()),
            HashAlgorithm::Sha512 => State::Sha512(Default::default()),
            HashAlgorithm::Sha512_224 => State::Sha512_224(Default::default()),
            HashAlgorithm::Sha512_256 => State::Sha512_256(Default::default()),
            HashAlgorithm::Sha3_224 => State::Sha3_224(Default::default()),
            HashAlgorithm::Sha3_256 => State::Sha3_256(Default::default()),
            HashAlgorithm::Sha3_384 => State::Sha3_384(Default::default()),
            HashAlgorithm::Sha3_512 => State::Sha3_512(Default::default()),
            HashAlgorithm::Shake128 { digest_size } => {
                State::Shake128(Default::default(), digest_size)
            }
            HashAlgorithm::Shake256 { digest_size } => {
                State::Shake256(Default::default(), digest_size)
            }
            HashAlgorithm::Blake2b512 => State::Blake2b512(Default::default()),
            HashAlgorithm::Blake2s256 => State::Blake2s256(Default::default()),
            HashAlgorithm::Md5 => State::Md5(Default::default()),
            HashAlgorithm::Sm3 => State::Sm3(Default::default()),
            _ => return Err(Error::unsupported(Reason::Hash, algorithm.name())),
        };
        Ok(RustCryptoHashContext { state })
    }

    #[inline]
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput> {
        match algorithm {
            HashAlgorithm::Sha1 => one_shot::<sha1::Sha1>(data),
            HashAlgorithm::Sha224 => one_shot::<sha2::Sha224>(data),
            HashAlgorithm::Sha256 => one_shot::<sha2::Sha256>(data),
            HashAlgorithm::Sha384 => one_shot::<sha2::Sha384>(data),
            HashAlgorithm::Sha512 => one_shot::<sha2::Sha512>(data),
            HashAlgorithm::Sha512_224 => one_shot::<sha2::Sha512_224>(data),
            HashAlgorithm::Sha512_256 => one_shot::<sha2::Sha512_256>(data),
            HashAlgorithm::Sha3_224 => one_shot::<sha3::Sha3_224>(data),
            HashAlgorithm::Sha3_256 => one_shot::<sha3::Sha3_256>(data),
            HashAlgorithm::Sha3_384 => one_shot::<sha3::Sha3_384>(data),
            HashAlgorithm::Sha3_512 => one_shot::<sha3::Sha3_512>(data),
            HashAlgorithm::Blake2b512 => one_shot::<blake2::Blake2b512>(data),
            HashAlgorithm::Blake2s256 => one_shot::<blake2::Blake2s256>(data),
            HashAlgorithm::Md5 => one_shot::<md5::Md5>(data),
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
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha512_224(sha2::Sha512_224),
    Sha512_256(sha2::Sha512_256),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(shake::Shake128, NonZeroUsize),
    Shake256(shake::Shake256, NonZeroUsize),
    Blake2b512(blake2::Blake2b512),
    Blake2s256(blake2::Blake2s256),
    Md5(md5::Md5),
    Sm3(sm3::Sm3),
}

/// Runs `$body` with `$h` bound to the fixed-output hasher of every fixed-output state, and
/// `$xof` with `$x` bound to the XOF hasher otherwise.
macro_rules! dispatch {
    ($state:expr, $h:ident => $body:expr, $x:ident => $xof:expr) => {
        match $state {
            State::Sha1($h) => $body,
            State::Sha224($h) => $body,
            State::Sha256($h) => $body,
            State::Sha384($h) => $body,
            State::Sha512($h) => $body,
            State::Sha512_224($h) => $body,
            State::Sha512_256($h) => $body,
            State::Sha3_224($h) => $body,
            State::Sha3_256($h) => $body,
            State::Sha3_384($h) => $body,
            State::Sha3_512($h) => $body,
            State::Blake2b512($h) => $body,
            State::Blake2s256($h) => $body,
            State::Md5($h) => $body,
            State::Sm3($h) => $body,
            State::Shake128($x, _) => $xof,
            State::Shake256($x, _) => $xof,
        }
    };
}

impl HashContext for RustCryptoHashContext {
    fn algorithm(&self) -> HashAlgorithm {
        match self.state {
            State::Sha1(_) => HashAlgorithm::Sha1,
            State::Sha224(_) => HashAlgorithm::Sha224,
            State::Sha256(_) => HashAlgorithm::Sha256,
            State::Sha384(_) => HashAlgorithm::Sha384,
            State::Sha512(_) => HashAlgorithm::Sha512,
            State::Sha512_224(_) => HashAlgorithm::Sha512_224,
            State::Sha512_256(_) => HashAlgorithm::Sha512_256,
            State::Sha3_224(_) => HashAlgorithm::Sha3_224,
            State::Sha3_256(_) => HashAlgorithm::Sha3_256,
            State::Sha3_384(_) => HashAlgorithm::Sha3_384,
            State::Sha3_512(_) => HashAlgorithm::Sha3_512,
            State::Shake128(_, digest_size) => HashAlgorithm::Shake128 { digest_size },
            State::Shake256(_, digest_size) => HashAlgorithm::Shake256 { digest_size },
            State::Blake2b512(_) => HashAlgorithm::Blake2b512,
            State::Blake2s256(_) => HashAlgorithm::Blake2s256,
            State::Md5(_) => HashAlgorithm::Md5,
            State::Sm3(_) => HashAlgorithm::Sm3,
        }
    }

    #[inline]
    fn update(&mut self, data: &[u8]) {
        dispatch!(&mut self.state, h => Digest::update(h, data), x => Update::update(x, data))
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
            &mut self.state,
            h => out.copy_from_slice(&h.finalize_reset()),
            x => x.finalize_xof_reset_into(out)
        );
        Ok(())
    }
}
