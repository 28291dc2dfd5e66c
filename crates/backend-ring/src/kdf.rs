//! [`Pbkdf2HmacBackend`] and [`HkdfBackend`] for [`Ring`] over `ring::pbkdf2`, `ring::hmac` and
//! `ring::hkdf`. Nothing here allocates.

use crate::hmac::hmac_algorithm;
use crate::{HKDF_CAPABILITIES, PBKDF2_CAPABILITIES, Ring};
use backend_core::capability::Capability;
use backend_core::{Error, HashAlgorithm, Reason, Result};
use backend_kdf::{
    HkdfBackend, Pbkdf2HmacBackend, check_hkdf_length, check_hkdf_prk, check_pbkdf2,
    check_prk_buffer,
};
use core::num::NonZeroU32;

fn unsupported(algorithm: HashAlgorithm) -> Error {
    Error::unsupported(Reason::Hash, algorithm.name())
}

fn pbkdf2_algorithm(algorithm: HashAlgorithm) -> Result<ring::pbkdf2::Algorithm> {
    Ok(match algorithm {
        HashAlgorithm::Sha1 => ring::pbkdf2::PBKDF2_HMAC_SHA1,
        HashAlgorithm::Sha256 => ring::pbkdf2::PBKDF2_HMAC_SHA256,
        HashAlgorithm::Sha384 => ring::pbkdf2::PBKDF2_HMAC_SHA384,
        HashAlgorithm::Sha512 => ring::pbkdf2::PBKDF2_HMAC_SHA512,
        other => return Err(unsupported(other)),
    })
}

fn hkdf_algorithm(algorithm: HashAlgorithm) -> Result<ring::hkdf::Algorithm> {
    Ok(match algorithm {
        HashAlgorithm::Sha1 => ring::hkdf::HKDF_SHA1_FOR_LEGACY_USE_ONLY,
        HashAlgorithm::Sha256 => ring::hkdf::HKDF_SHA256,
        HashAlgorithm::Sha384 => ring::hkdf::HKDF_SHA384,
        HashAlgorithm::Sha512 => ring::hkdf::HKDF_SHA512,
        other => return Err(unsupported(other)),
    })
}

impl Pbkdf2HmacBackend for Ring {
    fn pbkdf2_hmac_capabilities(&self) -> &[Capability] {
        PBKDF2_CAPABILITIES
    }

    fn derive_pbkdf2_hmac_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        let prf = pbkdf2_algorithm(algorithm)?;
        // The checks ring would otherwise panic on (an output over (2^32 - 1) blocks), and the
        // seed's rules (length and iterations at least 1), before ring runs.
        check_pbkdf2(algorithm, out.len(), iterations)?;
        let iterations = NonZeroU32::new(iterations).ok_or(Error::InvalidArgument(
            "PBKDF2 iterations must be at least 1",
        ))?;
        ring::pbkdf2::derive(prf, iterations, salt, key_material, out);
        Ok(())
    }
}

/// `out.len()` as ring's HKDF output length type.
struct Len(usize);

impl ring::hkdf::KeyType for Len {
    fn len(&self) -> usize {
        self.0
    }
}

impl HkdfBackend for Ring {
    fn hkdf_capabilities(&self) -> &[Capability] {
        HKDF_CAPABILITIES
    }

    /// HKDF-Extract is HMAC(salt, key material) (RFC 5869 §2.2); ring's `hkdf::Salt::extract`
    /// keeps the PRK inside ring, so the extract step runs through `ring::hmac` to hand it out.
    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<()> {
        hkdf_algorithm(algorithm)?;
        check_prk_buffer(algorithm, prk)?;
        let key = ring::hmac::Key::new(hmac_algorithm(algorithm)?, salt);
        let tag = ring::hmac::sign(&key, key_material);
        if tag.as_ref().len() != prk.len() {
            return Err(Error::BufferTooSmall {
                needed: tag.as_ref().len(),
            });
        }
        prk.copy_from_slice(tag.as_ref());
        Ok(())
    }

    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        let hkdf = hkdf_algorithm(algorithm)?;
        check_hkdf_length(algorithm, out.len())?;
        check_hkdf_prk(algorithm, prk)?;
        let prk = ring::hkdf::Prk::new_less_safe(hkdf, prk);
        let info = [info];
        prk.expand(&info, Len(out.len()))
            .and_then(|okm| okm.fill(out))
            .map_err(|_| Error::InvalidArgument("HKDF length must be at most 255 * digest size"))
    }
}
