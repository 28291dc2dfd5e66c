//! The object-safe twins of the key-derivation traits, for backends chosen at run time. Every static
//! implementation is a dynamic one through the blanket impls; nobody implements these by hand.
//!
//! The static traits have no associated types, so the twins add only `Send + Sync` and fix the
//! method set (the provided methods included) for trait objects.

use crate::{DerivedKey, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, Result, ScryptBackend};

/// [`Pbkdf2HmacBackend`] as a trait object.
pub trait DynPbkdf2HmacBackend: Send + Sync {
    /// The capability table (see [`Pbkdf2HmacBackend::supported_pbkdf2_hashes`]).
    fn supported_pbkdf2_hashes(&self) -> &[HashAlgorithm];
    /// True when the derivations succeed for `algorithm`.
    fn pbkdf2_hmac_supported(&self, algorithm: HashAlgorithm) -> bool;
    /// See [`Pbkdf2HmacBackend::derive_pbkdf2_hmac_into`].
    fn derive_pbkdf2_hmac_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()>;
    /// See [`Pbkdf2HmacBackend::derive_pbkdf2_hmac`].
    fn derive_pbkdf2_hmac(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
    ) -> Result<DerivedKey>;
}

impl<B: Pbkdf2HmacBackend + Send + Sync> DynPbkdf2HmacBackend for B {
    fn supported_pbkdf2_hashes(&self) -> &[HashAlgorithm] {
        Pbkdf2HmacBackend::supported_pbkdf2_hashes(self)
    }
    fn pbkdf2_hmac_supported(&self, algorithm: HashAlgorithm) -> bool {
        Pbkdf2HmacBackend::pbkdf2_hmac_supported(self, algorithm)
    }
    fn derive_pbkdf2_hmac_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        Pbkdf2HmacBackend::derive_pbkdf2_hmac_into(
            self,
            algorithm,
            salt,
            iterations,
            key_material,
            out,
        )
    }
    fn derive_pbkdf2_hmac(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
    ) -> Result<DerivedKey> {
        Pbkdf2HmacBackend::derive_pbkdf2_hmac(
            self,
            algorithm,
            length,
            salt,
            iterations,
            key_material,
        )
    }
}

/// [`HkdfBackend`] as a trait object.
pub trait DynHkdfBackend: Send + Sync {
    /// The capability table (see [`HkdfBackend::supported_hkdf_hashes`]).
    fn supported_hkdf_hashes(&self) -> &[HashAlgorithm];
    /// True when the derivations succeed for `algorithm`.
    fn hkdf_supported(&self, algorithm: HashAlgorithm) -> bool;
    /// See [`HkdfBackend::hkdf_extract_into`].
    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<()>;
    /// See [`HkdfBackend::hkdf_expand_into`].
    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<()>;
    /// See [`HkdfBackend::derive_hkdf_into`].
    fn derive_hkdf_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        info: &[u8],
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()>;
    /// See [`HkdfBackend::hkdf_extract`].
    fn hkdf_extract(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
    ) -> Result<DerivedKey>;
    /// See [`HkdfBackend::hkdf_expand`].
    fn hkdf_expand(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        prk: &[u8],
        info: &[u8],
    ) -> Result<DerivedKey>;
    /// See [`HkdfBackend::derive_hkdf`].
    fn derive_hkdf(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        salt: &[u8],
        info: &[u8],
        key_material: &[u8],
    ) -> Result<DerivedKey>;
}

impl<B: HkdfBackend + Send + Sync> DynHkdfBackend for B {
    fn supported_hkdf_hashes(&self) -> &[HashAlgorithm] {
        HkdfBackend::supported_hkdf_hashes(self)
    }
    fn hkdf_supported(&self, algorithm: HashAlgorithm) -> bool {
        HkdfBackend::hkdf_supported(self, algorithm)
    }
    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<()> {
        HkdfBackend::hkdf_extract_into(self, algorithm, salt, key_material, prk)
    }
    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        HkdfBackend::hkdf_expand_into(self, algorithm, prk, info, out)
    }
    fn derive_hkdf_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        info: &[u8],
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<()> {
        HkdfBackend::derive_hkdf_into(self, algorithm, salt, info, key_material, out)
    }
    fn hkdf_extract(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
    ) -> Result<DerivedKey> {
        HkdfBackend::hkdf_extract(self, algorithm, salt, key_material)
    }
    fn hkdf_expand(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        prk: &[u8],
        info: &[u8],
    ) -> Result<DerivedKey> {
        HkdfBackend::hkdf_expand(self, algorithm, length, prk, info)
    }
    fn derive_hkdf(
        &self,
        algorithm: HashAlgorithm,
        length: usize,
        salt: &[u8],
        info: &[u8],
        key_material: &[u8],
    ) -> Result<DerivedKey> {
        HkdfBackend::derive_hkdf(self, algorithm, length, salt, info, key_material)
    }
}

/// [`ScryptBackend`] as a trait object.
pub trait DynScryptBackend: Send + Sync {
    /// See [`ScryptBackend::scrypt_memory_limit`].
    fn scrypt_memory_limit(&self) -> u64;
    /// See [`ScryptBackend::derive_scrypt_into`].
    fn derive_scrypt_into(
        &self,
        key_material: &[u8],
        salt: &[u8],
        n: u64,
        r: u32,
        p: u32,
        out: &mut [u8],
    ) -> Result<()>;
    /// See [`ScryptBackend::derive_scrypt`].
    fn derive_scrypt(
        &self,
        key_material: &[u8],
        salt: &[u8],
        length: usize,
        n: u64,
        r: u32,
        p: u32,
    ) -> Result<DerivedKey>;
}

impl<B: ScryptBackend + Send + Sync> DynScryptBackend for B {
    fn scrypt_memory_limit(&self) -> u64 {
        ScryptBackend::scrypt_memory_limit(self)
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
        ScryptBackend::derive_scrypt_into(self, key_material, salt, n, r, p, out)
    }
    fn derive_scrypt(
        &self,
        key_material: &[u8],
        salt: &[u8],
        length: usize,
        n: u64,
        r: u32,
        p: u32,
    ) -> Result<DerivedKey> {
        ScryptBackend::derive_scrypt(self, key_material, salt, length, n, r, p)
    }
}
