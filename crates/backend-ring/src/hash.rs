//! [`HashBackend`] for [`Ring`] over `ring::digest`.

use crate::{HASH_CAPABILITIES, Ring};
use backend_core::capability::Capability;
use backend_core::{Error, HashAlgorithm, Reason, Result};
use backend_hash::{HashBackend, HashContext, HashOutput, check_output_len};

/// ring's digest algorithm for `algorithm`, or `Unsupported` for a hash ring does not have.
pub(crate) fn digest_algorithm(
    algorithm: HashAlgorithm,
) -> Result<&'static ring::digest::Algorithm> {
    Ok(match algorithm {
        HashAlgorithm::Sha1 => &ring::digest::SHA1_FOR_LEGACY_USE_ONLY,
        HashAlgorithm::Sha256 => &ring::digest::SHA256,
        HashAlgorithm::Sha384 => &ring::digest::SHA384,
        HashAlgorithm::Sha512 => &ring::digest::SHA512,
        HashAlgorithm::Sha512_256 => &ring::digest::SHA512_256,
        other => return Err(Error::unsupported(Reason::Hash, other.name())),
    })
}

/// A streaming hash in ring (`ring::digest::Context`); `copy` clones ring's state.
#[derive(Clone)]
pub struct RingHashContext {
    algorithm: HashAlgorithm,
    ctx: ring::digest::Context,
}

impl core::fmt::Debug for RingHashContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RingHashContext")
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}

impl HashContext for RingHashContext {
    fn algorithm(&self) -> HashAlgorithm {
        self.algorithm
    }

    #[inline]
    fn update(&mut self, data: &[u8]) {
        self.ctx.update(data);
    }

    fn finalize_into(self, out: &mut [u8]) -> Result<()> {
        check_output_len(self.algorithm, out)?;
        out.copy_from_slice(self.ctx.finish().as_ref());
        Ok(())
    }

    fn finalize(self) -> Result<HashOutput> {
        let digest = self.ctx.finish();
        HashOutput::with_len(digest.as_ref().len(), |out| {
            out.copy_from_slice(digest.as_ref());
            Ok(())
        })
    }
}

impl HashBackend for Ring {
    type HashCtx = RingHashContext;

    fn hash_capabilities(&self) -> &[Capability] {
        HASH_CAPABILITIES
    }

    fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<RingHashContext> {
        Ok(RingHashContext {
            algorithm,
            ctx: ring::digest::Context::new(digest_algorithm(algorithm)?),
        })
    }

    /// ring's one-shot `digest`.
    fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput> {
        let digest = ring::digest::digest(digest_algorithm(algorithm)?, data);
        HashOutput::with_len(digest.as_ref().len(), |out| {
            out.copy_from_slice(digest.as_ref());
            Ok(())
        })
    }
}
