//! [`HmacBackend`] for [`Ring`] over `ring::hmac`.

use crate::{HMAC_CAPABILITIES, Ring};
use backend_core::capability::Capability;
use backend_core::{Error, HashAlgorithm, MacContext, Output, Reason, Result};
use backend_hmac::HmacBackend;

/// ring's HMAC algorithm for `algorithm`, or `Unsupported` for a hash ring has no HMAC over.
pub(crate) fn hmac_algorithm(algorithm: HashAlgorithm) -> Result<ring::hmac::Algorithm> {
    Ok(match algorithm {
        HashAlgorithm::Sha1 => ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
        HashAlgorithm::Sha256 => ring::hmac::HMAC_SHA256,
        HashAlgorithm::Sha384 => ring::hmac::HMAC_SHA384,
        HashAlgorithm::Sha512 => ring::hmac::HMAC_SHA512,
        other => return Err(Error::unsupported(Reason::Hash, other.name())),
    })
}

/// A streaming HMAC in ring (`ring::hmac::Context`). `verify` compares in constant time
/// ([`Output::ct_eq`]).
#[derive(Clone)]
pub struct RingHmacContext {
    ctx: ring::hmac::Context,
}

impl core::fmt::Debug for RingHmacContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RingHmacContext").finish_non_exhaustive()
    }
}

impl MacContext for RingHmacContext {
    #[inline]
    fn update(&mut self, data: &[u8]) {
        self.ctx.update(data);
    }

    fn finalize(self) -> Output {
        let tag = self.ctx.sign();
        // ring's HMAC tags are at most 64 bytes (SHA-512), the capacity of `Output`.
        Output::from_slice(tag.as_ref()).unwrap_or_else(|| unreachable!("HMAC tags fit Output"))
    }
}

impl HmacBackend for Ring {
    type HmacCtx = RingHmacContext;

    fn hmac_capabilities(&self) -> &[Capability] {
        HMAC_CAPABILITIES
    }

    fn create_hmac_ctx(&self, key: &[u8], algorithm: HashAlgorithm) -> Result<RingHmacContext> {
        let key = ring::hmac::Key::new(hmac_algorithm(algorithm)?, key);
        Ok(RingHmacContext {
            ctx: ring::hmac::Context::with_key(&key),
        })
    }
}
