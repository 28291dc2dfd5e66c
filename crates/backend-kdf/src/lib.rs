//! Key derivation: [`Pbkdf2HmacBackend`] and [`ScryptBackend`], the seed interfaces for PBKDF2-HMAC and
//! scrypt, [`HkdfBackend`] for RFC 5869 HKDF, and their implementation for `RustCrypto` (the one
//! provider type of `backend-core`) over the RustCrypto `pbkdf2`, `hkdf` and `scrypt` crates.
//!
//! ```
//! use backend_kdf::{HashAlgorithm, Pbkdf2HmacBackend, RustCrypto};
//!
//! let mut key = [0u8; 20]; // the no-alloc path: the caller's buffer sets the length
//! RustCrypto.derive_pbkdf2_hmac_into(HashAlgorithm::Sha1, b"salt", 4096, b"password", &mut key)?;
//! assert_eq!(key[..4], [0x4b, 0x00, 0x79, 0x01]); // RFC 6070, test 3
//! # Ok::<(), backend_kdf::Error>(())
//! ```
//!
//! PBKDF2 and HKDF need no allocation; with the `alloc` feature each derivation also has a form
//! returning a `DerivedKey`, which zeroizes itself on drop, for keys up to
//! [`DEFAULT_OWNED_LENGTH_LIMIT`] (1 MiB; longer keys through the `*_into` forms). scrypt
//! (feature `scrypt`) needs `alloc` for its working memory, which is bounded by a configurable
//! limit checked before anything is allocated ([`ScryptBackend::scrypt_memory_limit`]), and its
//! running time by a configurable limit on N × r × p ([`ScryptBackend::scrypt_cost_limit`]).
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod dynamic;
#[cfg(feature = "alloc")]
mod key;
mod params;
#[cfg(feature = "rustcrypto")]
pub mod rustcrypto;

use backend_core::capability::{Algorithm, Capability, Query};

#[cfg(feature = "rustcrypto")]
pub use backend_core::RustCrypto;
pub use backend_core::{Error, HashAlgorithm, Reason, Result, capability};
#[cfg(feature = "alloc")]
pub use dynamic::{DynHkdfBackend, DynPbkdf2HmacBackend, DynScryptBackend};
#[cfg(feature = "alloc")]
pub use key::DerivedKey;
pub use params::{
    DEFAULT_OWNED_LENGTH_LIMIT, DEFAULT_SCRYPT_COST_LIMIT, DEFAULT_SCRYPT_MEMORY_LIMIT,
    SCRYPT_MAX_LENGTH, ScryptParams, check_hkdf_length, check_hkdf_prk, check_owned_length,
    check_pbkdf2, check_prk_buffer, check_scrypt_length, hkdf_max_length, pbkdf2_max_length,
};
#[cfg(feature = "scrypt")]
pub use rustcrypto::RustCryptoScrypt;

use zeroize::Zeroizing;

/// The largest digest HKDF's provided one-shot derivation holds on the stack (SHA-512, BLAKE2b).
const MAX_PRK_SIZE: usize = 64;

/// The capability query for PBKDF2 with HMAC over `algorithm` (lengths, iterations and salts do
/// not decide support: every provider checks them with the same rules, [`check_pbkdf2`]).
/// [`Pbkdf2HmacBackend::pbkdf2_hmac_supported`] asks it, and a composition of providers routes
/// the derivation with it.
pub const fn pbkdf2_hmac_query(algorithm: HashAlgorithm) -> Query {
    Query::new(Algorithm::Pbkdf2Hmac(algorithm))
}

/// The capability query for HKDF over `algorithm` (extract, expand or both; lengths are checked by
/// the same rules for every provider, [`check_hkdf_length`]).
pub const fn hkdf_query(algorithm: HashAlgorithm) -> Query {
    Query::new(Algorithm::Hkdf(algorithm))
}

/// The capability query for scrypt. Its parameters do not decide support: a provider states its
/// limits with [`ScryptBackend::scrypt_memory_limit`] and [`ScryptBackend::scrypt_cost_limit`]
/// and refuses parameters over them as invalid arguments.
pub const fn scrypt_query() -> Query {
    Query::new(Algorithm::Scrypt)
}

/// A backend that derives keys with PBKDF2, using HMAC as the PRF (pyca/cryptography's
/// `PBKDF2HMACBackend`).
///
/// ```
/// use backend_kdf::{HashAlgorithm, Pbkdf2HmacBackend, RustCrypto};
///
/// assert!(RustCrypto.pbkdf2_hmac_supported(HashAlgorithm::Sha256));
/// // Into a buffer of the caller's (no allocation; its length is the key length):
/// let mut key = [0u8; 32];
/// RustCrypto.derive_pbkdf2_hmac_into(HashAlgorithm::Sha256, b"salt", 4096, b"password", &mut key)?;
/// # #[cfg(feature = "alloc")] {
/// // Or as an owned key (zeroized on drop), compared in constant time:
/// let owned = RustCrypto.derive_pbkdf2_hmac(HashAlgorithm::Sha256, 32, b"salt", 4096, b"password")?;
/// owned.verify(&key)?;
/// # }
/// # Ok::<(), backend_kdf::Error>(())
/// ```
#[doc(alias = "PBKDF2")]
#[doc(alias = "pbkdf2_hmac")]
#[doc(alias = "PBKDF2HMAC")]
pub trait Pbkdf2HmacBackend {
    /// The capability rows: an [`Algorithm::Pbkdf2Hmac`] row for every hash this backend runs
    /// PBKDF2-HMAC with. [`Pbkdf2HmacBackend::pbkdf2_hmac_supported`] is derived from them.
    fn pbkdf2_hmac_capabilities(&self) -> &[Capability];

    /// True when the derivations of this trait succeed for `algorithm` (with valid parameters);
    /// false when they are [`Error::Unsupported`].
    fn pbkdf2_hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
        capability::supports(
            self.pbkdf2_hmac_capabilities(),
            &pbkdf2_hmac_query(algorithm),
        )
    }

    /// Derives `out.len()` bytes into the caller's buffer (the allocation-free form of
    /// `derive_pbkdf2_hmac`, which needs `alloc`).
    ///
    /// Errors: [`Error::Unsupported`] (reason [`Reason::Hash`]) for a hash the backend lacks;
    /// [`Error::InvalidArgument`] for an empty `out`, one longer than (2^32 - 1) × digest size, or
    /// zero `iterations` (see [`check_pbkdf2`]).
    fn derive_pbkdf2_hmac_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()>;

    /// The longest key [`Pbkdf2HmacBackend::derive_pbkdf2_hmac`] returns:
    /// [`DEFAULT_OWNED_LENGTH_LIMIT`] (1 MiB) unless the provider chose another. Longer keys go
    /// through [`Pbkdf2HmacBackend::derive_pbkdf2_hmac_into`].
    fn pbkdf2_owned_length_limit(&self) -> usize {
        DEFAULT_OWNED_LENGTH_LIMIT
    }

    /// The seed's `derive_pbkdf2_hmac(algorithm, length, salt, iterations, key_material)`: a
    /// `length`-byte key. Parameters, then `length` against
    /// [`Pbkdf2HmacBackend::pbkdf2_owned_length_limit`] ([`Error::InvalidArgument`] over it), are
    /// checked before the key is allocated.
    #[cfg(feature = "alloc")]
    fn derive_pbkdf2_hmac(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
    ) -> Result<DerivedKey> {
        if !self.pbkdf2_hmac_supported(algorithm) {
            return Err(Error::unsupported(Reason::Hash, algorithm.name()));
        }
        check_pbkdf2(algorithm, length, iterations)?;
        check_owned_length(length, self.pbkdf2_owned_length_limit())?;
        DerivedKey::derive_with(length, |out| {
            self.derive_pbkdf2_hmac_into(algorithm, salt, iterations, key_material, out)
        })
    }
}

/// A backend that derives keys with HKDF (RFC 5869), using HMAC with a given hash.
///
/// Not a seed interface (pyca/cryptography runs HKDF on its HMAC backend); offered as a family so a
/// provider with HKDF in hardware can serve it. An empty `salt` is the RFC's "not provided": HMAC
/// pads its key with zeros, so it equals a salt of digest-size zero bytes.
///
/// ```
/// use backend_kdf::{HashAlgorithm, HkdfBackend, RustCrypto};
///
/// // RFC 5869, test case 3 (empty salt and info).
/// let ikm = [0x0b; 22];
/// let mut okm = [0u8; 42];
/// RustCrypto.derive_hkdf_into(HashAlgorithm::Sha256, b"", b"", &ikm, &mut okm)?;
/// assert_eq!(okm[..4], [0x8d, 0xa4, 0xe7, 0x75]);
/// # #[cfg(feature = "alloc")] {
/// let owned = RustCrypto.derive_hkdf(HashAlgorithm::Sha256, 42, b"", b"", &ikm)?;
/// assert_eq!(format!("{owned:x}")[..8], *"8da4e775");
/// # }
/// # Ok::<(), backend_kdf::Error>(())
/// ```
#[doc(alias = "HKDF")]
#[doc(alias = "HKDFExpand")]
pub trait HkdfBackend {
    /// The capability rows: an [`Algorithm::Hkdf`] row for every hash this backend runs HKDF
    /// with. [`HkdfBackend::hkdf_supported`] is derived from them.
    fn hkdf_capabilities(&self) -> &[Capability];

    /// True when the derivations of this trait succeed for `algorithm` (with valid parameters);
    /// false when they are [`Error::Unsupported`].
    fn hkdf_supported(&self, algorithm: HashAlgorithm) -> bool {
        capability::supports(self.hkdf_capabilities(), &hkdf_query(algorithm))
    }

    /// HKDF-Extract: writes the pseudorandom key HMAC(salt, key_material) into `prk`, which must
    /// be exactly the digest size ([`Error::BufferTooSmall`] / [`Error::InvalidArgument`]).
    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<()>;

    /// HKDF-Expand: fills `out` (1 to 255 × digest size bytes) from the pseudorandom key `prk`
    /// (at least the digest size, else [`Error::InvalidKey`]) and `info`.
    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<()>;

    /// Extract then expand into the caller's buffer; the intermediate key stays on the stack and
    /// is zeroized.
    fn derive_hkdf_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        info: &[u8],
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        if !self.hkdf_supported(algorithm) {
            return Err(Error::unsupported(Reason::Hash, algorithm.name()));
        }
        check_hkdf_length(algorithm, out.len())?;
        let mut prk = Zeroizing::new([0u8; MAX_PRK_SIZE]);
        let prk = prk
            .get_mut(..algorithm.digest_size())
            .ok_or(Error::unsupported(Reason::Hash, algorithm.name()))?;
        self.hkdf_extract_into(algorithm, salt, key_material, prk)?;
        self.hkdf_expand_into(algorithm, prk, info, out)
    }

    /// The longest key the allocating forms of this trait return:
    /// [`DEFAULT_OWNED_LENGTH_LIMIT`] (1 MiB, above HKDF's own maximum of 255 × 64 bytes for
    /// every fixed-output hash) unless the provider chose another.
    fn hkdf_owned_length_limit(&self) -> usize {
        DEFAULT_OWNED_LENGTH_LIMIT
    }

    /// HKDF-Extract, returning the pseudorandom key.
    #[cfg(feature = "alloc")]
    fn hkdf_extract(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
    ) -> Result<DerivedKey> {
        if !self.hkdf_supported(algorithm) {
            return Err(Error::unsupported(Reason::Hash, algorithm.name()));
        }
        check_owned_length(algorithm.digest_size(), self.hkdf_owned_length_limit())?;
        DerivedKey::derive_with(algorithm.digest_size(), |prk| {
            self.hkdf_extract_into(algorithm, salt, key_material, prk)
        })
    }

    /// HKDF-Expand, returning `length` bytes (at most
    /// [`HkdfBackend::hkdf_owned_length_limit`]).
    #[cfg(feature = "alloc")]
    fn hkdf_expand(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        prk: &[u8],
        info: &[u8],
    ) -> Result<DerivedKey> {
        if !self.hkdf_supported(algorithm) {
            return Err(Error::unsupported(Reason::Hash, algorithm.name()));
        }
        check_hkdf_length(algorithm, length)?;
        check_hkdf_prk(algorithm, prk)?;
        check_owned_length(length, self.hkdf_owned_length_limit())?;
        DerivedKey::derive_with(length, |out| {
            self.hkdf_expand_into(algorithm, prk, info, out)
        })
    }

    /// HKDF (extract then expand), returning `length` bytes (at most
    /// [`HkdfBackend::hkdf_owned_length_limit`]): pyca/cryptography's
    /// `HKDF(algorithm, length, salt, info).derive(key_material)`.
    #[cfg(feature = "alloc")]
    fn derive_hkdf(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        salt: &[u8],
        info: &[u8],
        key_material: &[u8],
    ) -> Result<DerivedKey> {
        if !self.hkdf_supported(algorithm) {
            return Err(Error::unsupported(Reason::Hash, algorithm.name()));
        }
        check_hkdf_length(algorithm, length)?;
        check_owned_length(length, self.hkdf_owned_length_limit())?;
        DerivedKey::derive_with(length, |out| {
            self.derive_hkdf_into(algorithm, salt, info, key_material, out)
        })
    }
}

/// A backend that derives keys with scrypt (RFC 7914; pyca/cryptography's `ScryptBackend`).
///
/// Parameters are checked by [`ScryptParams::new`], their working memory (128 × r × N +
/// 128 × r × p bytes) against [`ScryptBackend::scrypt_memory_limit`] and their work (N × r × p)
/// against [`ScryptBackend::scrypt_cost_limit`], before anything is allocated or run.
///
/// ```
/// # #[cfg(feature = "scrypt")] {
/// use backend_kdf::{RustCryptoScrypt, ScryptBackend};
///
/// // RFC 7914, test vector 1 (N = 16, r = 1, p = 1) into the caller's buffer:
/// let mut key = [0u8; 64];
/// RustCryptoScrypt::DEFAULT.derive_scrypt_into(b"", b"", 16, 1, 1, &mut key)?;
/// assert_eq!(key[..4], [0x77, 0xd6, 0x57, 0x62]);
///
/// // Parameters from untrusted input: tighter limits (64 MiB, N × r × p at most 2^20).
/// let strict = RustCryptoScrypt {
///     memory_limit: 64 << 20,
///     cost_limit: 1 << 20,
///     ..RustCryptoScrypt::DEFAULT
/// };
/// assert!(strict.derive_scrypt_into(b"pw", b"salt", 1 << 14, 8, 16, &mut key).is_err()); // 2^21
/// let owned = strict.derive_scrypt(b"", b"", 64, 16, 1, 1)?; // an owned, zeroizing key
/// owned.verify(&key)?;
/// # }
/// # Ok::<(), backend_kdf::Error>(())
/// ```
#[doc(alias = "scrypt")]
pub trait ScryptBackend {
    /// The capability rows: one [`Algorithm::Scrypt`] row when this backend runs scrypt (the
    /// parameter limits are the methods below, not rows). [`ScryptBackend::scrypt_supported`] is
    /// derived from them.
    fn scrypt_capabilities(&self) -> &[Capability];

    /// True when the derivations of this trait run (with parameters within the limits); false
    /// when they are [`Error::Unsupported`].
    fn scrypt_supported(&self) -> bool {
        capability::supports(self.scrypt_capabilities(), &scrypt_query())
    }

    /// The most working memory, in bytes, a derivation may use; parameter sets that need more are
    /// refused with [`Error::InvalidArgument`]. [`DEFAULT_SCRYPT_MEMORY_LIMIT`] unless the
    /// backend was configured otherwise.
    fn scrypt_memory_limit(&self) -> u64;

    /// The most work, N × r × p ([`ScryptParams::cost`]), a derivation may do; parameter sets
    /// over it are refused with [`Error::InvalidArgument`] before anything runs.
    /// [`DEFAULT_SCRYPT_COST_LIMIT`] (2^24) unless the backend was configured otherwise.
    fn scrypt_cost_limit(&self) -> u64 {
        DEFAULT_SCRYPT_COST_LIMIT
    }

    /// The longest key [`ScryptBackend::derive_scrypt`] returns: [`DEFAULT_OWNED_LENGTH_LIMIT`]
    /// (1 MiB) unless the backend was configured otherwise. Longer keys go through
    /// [`ScryptBackend::derive_scrypt_into`].
    fn scrypt_owned_length_limit(&self) -> usize {
        DEFAULT_OWNED_LENGTH_LIMIT
    }

    /// Derives `out.len()` bytes into the caller's buffer.
    ///
    /// Errors: [`Error::Unsupported`] (reason [`Reason::Kdf`]) when the backend has no scrypt
    /// row; [`Error::InvalidArgument`]: `out` empty or longer than (2^32 - 1) × 32 bytes; `n`
    /// not larger than 1 or not a power of two; `r` or `p` zero; r × p ≥ 2^30; working memory
    /// above [`ScryptBackend::scrypt_memory_limit`]; N × r × p above
    /// [`ScryptBackend::scrypt_cost_limit`].
    fn derive_scrypt_into(
        &self,
        key_material: &[u8],
        salt: &[u8],
        n: u64,
        r: u32,
        p: u32,
        out: &mut [u8],
    ) -> Result<()>;

    /// The seed's `derive_scrypt(key_material, salt, length, n, r, p)`: a `length`-byte key (at
    /// most [`ScryptBackend::scrypt_owned_length_limit`]). Every parameter and limit is checked
    /// before the key is allocated.
    #[cfg(feature = "alloc")]
    fn derive_scrypt(
        &self,
        key_material: &[u8],
        salt: &[u8],
        length: usize,
        n: u64,
        r: u32,
        p: u32,
    ) -> Result<DerivedKey> {
        if !self.scrypt_supported() {
            return Err(Error::unsupported(Reason::Kdf, "scrypt"));
        }
        check_scrypt_length(length)?;
        let params = ScryptParams::new(n, r, p)?;
        params.check_memory(self.scrypt_memory_limit())?;
        params.check_cost(self.scrypt_cost_limit())?;
        check_owned_length(length, self.scrypt_owned_length_limit())?;
        DerivedKey::derive_with(length, |out| {
            self.derive_scrypt_into(key_material, salt, n, r, p, out)
        })
    }
}

/// A boxed or borrowed backend is a backend, so a provider chosen at run time
/// (`Box<dyn DynPbkdf2HmacBackend>`, `&dyn DynHkdfBackend`, ...) serves code generic over the
/// static traits. Every method forwards, provided ones included, so a provider's overrides (its
/// owned-length limit, a faster one-shot HKDF) are kept.
macro_rules! forward_through_pointers {
    ($($pointer:ty),+) => {$(
        impl<B: Pbkdf2HmacBackend + ?Sized> Pbkdf2HmacBackend for $pointer {
            fn pbkdf2_hmac_capabilities(&self) -> &[Capability] {
                (**self).pbkdf2_hmac_capabilities()
            }
            fn pbkdf2_hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
                (**self).pbkdf2_hmac_supported(algorithm)
            }
            fn derive_pbkdf2_hmac_into(
                &self,
                algorithm: HashAlgorithm,
                salt: &[u8],
                iterations: u32,
                key_material: &[u8],
                out: &mut [u8],
            ) -> Result<()> {
                (**self).derive_pbkdf2_hmac_into(algorithm, salt, iterations, key_material, out)
            }
            fn pbkdf2_owned_length_limit(&self) -> usize {
                (**self).pbkdf2_owned_length_limit()
            }
            #[cfg(feature = "alloc")]
            fn derive_pbkdf2_hmac(
                &self,
                algorithm: HashAlgorithm,
                length: usize,
                salt: &[u8],
                iterations: u32,
                key_material: &[u8],
            ) -> Result<DerivedKey> {
                (**self).derive_pbkdf2_hmac(algorithm, length, salt, iterations, key_material)
            }
        }

        impl<B: HkdfBackend + ?Sized> HkdfBackend for $pointer {
            fn hkdf_capabilities(&self) -> &[Capability] {
                (**self).hkdf_capabilities()
            }
            fn hkdf_supported(&self, algorithm: HashAlgorithm) -> bool {
                (**self).hkdf_supported(algorithm)
            }
            fn hkdf_extract_into(
                &self,
                algorithm: HashAlgorithm,
                salt: &[u8],
                key_material: &[u8],
                prk: &mut [u8],
            ) -> Result<()> {
                (**self).hkdf_extract_into(algorithm, salt, key_material, prk)
            }
            fn hkdf_expand_into(
                &self,
                algorithm: HashAlgorithm,
                prk: &[u8],
                info: &[u8],
                out: &mut [u8],
            ) -> Result<()> {
                (**self).hkdf_expand_into(algorithm, prk, info, out)
            }
            fn derive_hkdf_into(
                &self,
                algorithm: HashAlgorithm,
                salt: &[u8],
                info: &[u8],
                key_material: &[u8],
                out: &mut [u8],
            ) -> Result<()> {
                (**self).derive_hkdf_into(algorithm, salt, info, key_material, out)
            }
            fn hkdf_owned_length_limit(&self) -> usize {
                (**self).hkdf_owned_length_limit()
            }
            #[cfg(feature = "alloc")]
            fn hkdf_extract(
                &self,
                algorithm: HashAlgorithm,
                salt: &[u8],
                key_material: &[u8],
            ) -> Result<DerivedKey> {
                (**self).hkdf_extract(algorithm, salt, key_material)
            }
            #[cfg(feature = "alloc")]
            fn hkdf_expand(
                &self,
                algorithm: HashAlgorithm,
                length: usize,
                prk: &[u8],
                info: &[u8],
            ) -> Result<DerivedKey> {
                (**self).hkdf_expand(algorithm, length, prk, info)
            }
            #[cfg(feature = "alloc")]
            fn derive_hkdf(
                &self,
                algorithm: HashAlgorithm,
                length: usize,
                salt: &[u8],
                info: &[u8],
                key_material: &[u8],
            ) -> Result<DerivedKey> {
                (**self).derive_hkdf(algorithm, length, salt, info, key_material)
            }
        }

        impl<B: ScryptBackend + ?Sized> ScryptBackend for $pointer {
            fn scrypt_capabilities(&self) -> &[Capability] {
                (**self).scrypt_capabilities()
            }
            fn scrypt_supported(&self) -> bool {
                (**self).scrypt_supported()
            }
            fn scrypt_memory_limit(&self) -> u64 {
                (**self).scrypt_memory_limit()
            }
            fn scrypt_cost_limit(&self) -> u64 {
                (**self).scrypt_cost_limit()
            }
            fn scrypt_owned_length_limit(&self) -> usize {
                (**self).scrypt_owned_length_limit()
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
                (**self).derive_scrypt_into(key_material, salt, n, r, p, out)
            }
            #[cfg(feature = "alloc")]
            fn derive_scrypt(
                &self,
                key_material: &[u8],
                salt: &[u8],
                length: usize,
                n: u64,
                r: u32,
                p: u32,
            ) -> Result<DerivedKey> {
                (**self).derive_scrypt(key_material, salt, length, n, r, p)
            }
        }
    )+};
}

forward_through_pointers!(&B);
#[cfg(feature = "alloc")]
forward_through_pointers!(alloc::boxed::Box<B>);
