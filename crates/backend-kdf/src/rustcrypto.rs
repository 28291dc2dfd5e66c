//! The key-derivation traits for [`RustCrypto`] over the RustCrypto `pbkdf2`, `hkdf` and `scrypt`
//! crates, beside their capability rows. Nothing here allocates except scrypt.

use crate::params::{check_hkdf_length, check_hkdf_prk, check_pbkdf2, check_prk_buffer};
use crate::{Error, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, Reason, Result, RustCrypto};
use backend_core::capability::{Algorithm, Capability};
use zeroize::Zeroize;

#[cfg(feature = "scrypt")]
pub use scrypt_impl::{RustCryptoScrypt, SCRYPT_CAPABILITIES};

/// What [`RustCrypto`] runs PBKDF2-HMAC with: the RustCrypto HMAC rows
/// (`backend_hmac::rustcrypto::CAPABILITIES`, every fixed-output hash) relabelled
/// [`Algorithm::Pbkdf2Hmac`], so the two families cannot drift apart.
pub const PBKDF2_CAPABILITIES: &[Capability] =
    &relabel(Algorithm::Pbkdf2Hmac(HashAlgorithm::Sha256));

/// What [`RustCrypto`] runs HKDF with: the same HMAC rows relabelled [`Algorithm::Hkdf`].
pub const HKDF_CAPABILITIES: &[Capability] = &relabel(Algorithm::Hkdf(HashAlgorithm::Sha256));

/// The rows PBKDF2 and HKDF are built on.
const HMAC_ROWS: &[Capability] = backend_hmac::rustcrypto::CAPABILITIES;

/// [`HMAC_ROWS`], each row's hash put into `kdf` ([`Algorithm::with_hash`]), the rest of the row
/// kept (`kdf_rows_are_the_hmac_rows_relabelled` checks the HMAC table holds only HMAC rows).
const fn relabel(kdf: Algorithm) -> [Capability; HMAC_ROWS.len()] {
    let mut rows = [Capability::new(kdf); HMAC_ROWS.len()];
    let mut i = 0;
    while i < rows.len() {
        if let Algorithm::Hmac(hash) = HMAC_ROWS[i].algorithm {
            rows[i] = Capability {
                algorithm: kdf.with_hash(hash),
                ..HMAC_ROWS[i]
            };
        }
        i += 1;
    }
    rows
}

/// Runs `$body` with `$prf` bound to the RustCrypto HMAC type for `$algorithm`, or evaluates
/// `$otherwise` for a hash without one. The type choice mirrors `backend-hmac`: SHA-3 and BLAKE2
/// are not `EagerHash` (no block-level core), so they take `SimpleHmac`.
macro_rules! with_hmac {
    ($algorithm:expr, $prf:ident => $body:expr, else $otherwise:expr) => {
        match $algorithm {
            HashAlgorithm::Sha1 => {
                type $prf = hmac::Hmac<sha1::Sha1>;
                $body
            }
            HashAlgorithm::Sha224 => {
                type $prf = hmac::Hmac<sha2::Sha224>;
                $body
            }
            HashAlgorithm::Sha256 => {
                type $prf = hmac::Hmac<sha2::Sha256>;
                $body
            }
            HashAlgorithm::Sha384 => {
                type $prf = hmac::Hmac<sha2::Sha384>;
                $body
            }
            HashAlgorithm::Sha512 => {
                type $prf = hmac::Hmac<sha2::Sha512>;
                $body
            }
            HashAlgorithm::Sha512_224 => {
                type $prf = hmac::Hmac<sha2::Sha512_224>;
                $body
            }
            HashAlgorithm::Sha512_256 => {
                type $prf = hmac::Hmac<sha2::Sha512_256>;
                $body
            }
            HashAlgorithm::Sha3_224 => {
                type $prf = hmac::SimpleHmac<sha3::Sha3_224>;
                $body
            }
            HashAlgorithm::Sha3_256 => {
                type $prf = hmac::SimpleHmac<sha3::Sha3_256>;
                $body
            }
            HashAlgorithm::Sha3_384 => {
                type $prf = hmac::SimpleHmac<sha3::Sha3_384>;
                $body
            }
            HashAlgorithm::Sha3_512 => {
                type $prf = hmac::SimpleHmac<sha3::Sha3_512>;
                $body
            }
            HashAlgorithm::Blake2b512 => {
                type $prf = hmac::SimpleHmac<blake2::Blake2b512>;
                $body
            }
            HashAlgorithm::Blake2s256 => {
                type $prf = hmac::SimpleHmac<blake2::Blake2s256>;
                $body
            }
            HashAlgorithm::Md5 => {
                type $prf = hmac::Hmac<md5::Md5>;
                $body
            }
            HashAlgorithm::Sm3 => {
                type $prf = hmac::Hmac<sm3::Sm3>;
                $body
            }
            _ => $otherwise,
        }
    };
}

fn unsupported(algorithm: HashAlgorithm) -> Error {
    Error::unsupported(Reason::Hash, algorithm.name())
}

impl Pbkdf2HmacBackend for RustCrypto {
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
        if !self.pbkdf2_hmac_supported(algorithm) {
            return Err(unsupported(algorithm));
        }
        check_pbkdf2(algorithm, out.len(), iterations)?;
        // `pbkdf2` fails only when the PRF refuses the key length, which HMAC never does.
        with_hmac!(algorithm, Prf => {
            pbkdf2::pbkdf2::<Prf>(key_material, salt, iterations, out)
                .map_err(|_| Error::InvalidKey("PBKDF2 key material rejected"))
        }, else Err(unsupported(algorithm)))
    }
}

impl HkdfBackend for RustCrypto {
    fn hkdf_capabilities(&self) -> &[Capability] {
        HKDF_CAPABILITIES
    }

    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<()> {
        if !self.hkdf_supported(algorithm) {
            return Err(unsupported(algorithm));
        }
        check_prk_buffer(algorithm, prk)?;
        with_hmac!(algorithm, Prf => {
            let mut extract = hkdf::GenericHkdfExtract::<Prf>::new(Some(salt));
            extract.input_ikm(key_material);
            let (mut computed, _) = extract.finalize();
            let copied = copy_exact(prk, &computed);
            computed.as_mut_slice().zeroize();
            copied
        }, else Err(unsupported(algorithm)))
    }

    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        if !self.hkdf_supported(algorithm) {
            return Err(unsupported(algorithm));
        }
        check_hkdf_length(algorithm, out.len())?;
        check_hkdf_prk(algorithm, prk)?;
        with_hmac!(algorithm, Prf => {
            hkdf::GenericHkdf::<Prf>::from_prk(prk)
                .map_err(|_| Error::InvalidKey("HKDF-Expand PRK must be at least the digest size"))?
                .expand(info, out)
                .map_err(|_| Error::InvalidArgument("HKDF length must be at most 255 * digest size"))
        }, else Err(unsupported(algorithm)))
    }
}

/// Copies `src` into `out` of the same length; an error (not a panic) if they differ.
fn copy_exact(out: &mut [u8], src: &[u8]) -> Result<()> {
    if out.len() != src.len() {
        return Err(Error::BufferTooSmall { needed: src.len() });
    }
    out.iter_mut().zip(src).for_each(|(o, s)| *o = *s);
    Ok(())
}

#[cfg(feature = "scrypt")]
mod scrypt_impl {
    use crate::params::{
        DEFAULT_OWNED_LENGTH_LIMIT, DEFAULT_SCRYPT_COST_LIMIT, DEFAULT_SCRYPT_MEMORY_LIMIT,
        ScryptParams, check_scrypt_length,
    };
    use crate::{Error, Result, RustCrypto, ScryptBackend};
    use backend_core::capability::{Algorithm, Capability};

    /// What [`RustCrypto`] and every [`RustCryptoScrypt`] offer: scrypt (within the configured
    /// limits, which are the [`ScryptBackend`] methods, not rows).
    pub const SCRYPT_CAPABILITIES: &[Capability] = &[Capability::new(Algorithm::Scrypt)];

    /// scrypt over the RustCrypto `scrypt` crate, with its limits as fields: a plain struct, so a
    /// configuration is a `const`
    /// (`RustCryptoScrypt { memory_limit: 64 << 20, cost_limit: 1 << 20, ..RustCryptoScrypt::DEFAULT }`).
    ///
    /// [`RustCrypto`] (and the umbrella's `Backend`) use [`RustCryptoScrypt::DEFAULT`].
    ///
    /// The crate allocates its working memory with `Vec` and does not zeroize it afterwards; the
    /// limits are checked first so that no parameter set can make that allocation abort the
    /// process, or the derivation run for hours.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct RustCryptoScrypt {
        /// The most working memory, in bytes, one derivation may use (see
        /// [`ScryptParams::working_memory`]).
        pub memory_limit: u64,
        /// The most work, N × r × p, one derivation may do (see [`ScryptParams::cost`]).
        pub cost_limit: u64,
        /// The longest key [`ScryptBackend::derive_scrypt`] returns (longer keys through
        /// [`ScryptBackend::derive_scrypt_into`]).
        pub owned_length_limit: usize,
    }

    impl RustCryptoScrypt {
        /// The default configuration: [`DEFAULT_SCRYPT_MEMORY_LIMIT`] (2 GiB),
        /// [`DEFAULT_SCRYPT_COST_LIMIT`] (N × r × p ≤ 2^24) and
        /// [`DEFAULT_OWNED_LENGTH_LIMIT`] (1 MiB).
        pub const DEFAULT: RustCryptoScrypt = RustCryptoScrypt {
            memory_limit: DEFAULT_SCRYPT_MEMORY_LIMIT,
            cost_limit: DEFAULT_SCRYPT_COST_LIMIT,
            owned_length_limit: DEFAULT_OWNED_LENGTH_LIMIT,
        };

        /// scrypt with a limit of `memory_limit` bytes of working memory (the other limits
        /// default).
        pub const fn with_memory_limit(memory_limit: u64) -> Self {
            RustCryptoScrypt {
                memory_limit,
                ..Self::DEFAULT
            }
        }

        /// scrypt with a limit of `cost_limit` on N × r × p (the other limits default).
        pub const fn with_cost_limit(cost_limit: u64) -> Self {
            RustCryptoScrypt {
                cost_limit,
                ..Self::DEFAULT
            }
        }
    }

    impl Default for RustCryptoScrypt {
        fn default() -> Self {
            Self::DEFAULT
        }
    }

    impl ScryptBackend for RustCryptoScrypt {
        fn scrypt_capabilities(&self) -> &[Capability] {
            SCRYPT_CAPABILITIES
        }

        fn scrypt_memory_limit(&self) -> u64 {
            self.memory_limit
        }

        fn scrypt_cost_limit(&self) -> u64 {
            self.cost_limit
        }

        fn scrypt_owned_length_limit(&self) -> usize {
            self.owned_length_limit
        }

        fn derive_scrypt_into(
            &self,
            key_material: &[u8],
            salt: &[u8],
            n: u64,
            r: u32,
            p: u32,
            out: &mut [u8],
        ) -> Result<()> {
            check_scrypt_length(out.len())?;
            let params = ScryptParams::new(n, r, p)?;
            params.check_memory(self.memory_limit)?;
            params.check_cost(self.cost_limit)?;
            // Our checks are stricter than the crate's, so these errors cannot occur; mapped
            // rather than unwrapped all the same.
            let params = scrypt::Params::new(params.log_n(), r, p)
                .map_err(|_| Error::InvalidArgument("scrypt parameters rejected"))?;
            scrypt::scrypt(key_material, salt, &params, out)
                .map_err(|_| Error::InvalidArgument("scrypt length rejected"))
        }
    }

    impl ScryptBackend for RustCrypto {
        fn scrypt_capabilities(&self) -> &[Capability] {
            SCRYPT_CAPABILITIES
        }

        fn scrypt_memory_limit(&self) -> u64 {
            RustCryptoScrypt::DEFAULT.memory_limit
        }

        fn scrypt_cost_limit(&self) -> u64 {
            RustCryptoScrypt::DEFAULT.cost_limit
        }

        fn scrypt_owned_length_limit(&self) -> usize {
            RustCryptoScrypt::DEFAULT.owned_length_limit
        }

        fn derive_scrypt_into(
            &self,
            key_material: &[u8],
            salt: &[u8],
            n: u64,
            r: u32,
            p: u32,
            out: &mut [u8],
        ) -> Result<()> {
            RustCryptoScrypt::DEFAULT.derive_scrypt_into(key_material, salt, n, r, p, out)
        }
    }
}
