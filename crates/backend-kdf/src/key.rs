//! [`DerivedKey`]: derived key material on the heap, zeroized on drop.

use crate::{Error, Result};
use alloc::vec::Vec;
use core::fmt;
use core::ops::Deref;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// Key material a derivation returned: the seed's `bytes` result, held so that it is zeroized when
/// dropped. `Debug` prints only the length; equality and [`DerivedKey::verify`] are constant-time.
///
/// `{:x}` / `{:X}` print the key as hex: an explicit request to show the secret (for a test
/// vector, a key file), never done by `Debug` or by accident.
///
/// ```
/// # #[cfg(feature = "rustcrypto")] {
/// use backend_kdf::{HashAlgorithm, Pbkdf2HmacBackend, RustCrypto};
///
/// let key = RustCrypto.derive_pbkdf2_hmac(HashAlgorithm::Sha1, 20, b"salt", 1, b"password")?;
/// assert_eq!(format!("{key:x}"), "0c60c80f961f0e71f3a9b524af6012062fe037a6"); // RFC 6070
/// assert_eq!(format!("{key:?}"), "DerivedKey(20 bytes)");
/// # }
/// # Ok::<(), backend_kdf::Error>(())
/// ```
///
/// The bytes are reachable through `Deref<Target = [u8]>`; a caller who copies them out owns that
/// copy's hygiene. There is deliberately no `Clone`, so no copy is made by accident.
pub struct DerivedKey {
    bytes: Vec<u8>,
}

impl DerivedKey {
    /// A zero-filled key of `length` bytes for a derivation to write into.
    ///
    /// The allocation is fallible: a length the allocator cannot satisfy is an error, not an abort.
    pub fn zeroed(length: usize) -> Result<Self> {
        let mut bytes = Vec::new();
        bytes.try_reserve_exact(length).map_err(|_| {
            Error::InvalidArgument("not enough memory for the requested derived key length")
        })?;
        bytes.resize(length, 0);
        Ok(DerivedKey { bytes })
    }

    /// Fills a fresh key of `length` bytes with `derive`; the partial key is zeroized if it fails.
    pub fn derive_with(
        length: usize,
        derive: impl FnOnce(&mut [u8]) -> Result<()>,
    ) -> Result<Self> {
        let mut key = DerivedKey::zeroed(length)?;
        derive(&mut key.bytes)?;
        Ok(key)
    }

    /// The key bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Constant-time comparison with `other` (lengths are not secret).
    pub fn ct_eq(&self, other: &[u8]) -> bool {
        self.bytes.as_slice().ct_eq(other).into()
    }

    /// pyca/cryptography's KDF `verify`: [`Error::InvalidKey`] unless `expected` equals this key,
    /// compared in constant time.
    pub fn verify(&self, expected: &[u8]) -> Result<()> {
        if self.ct_eq(expected) {
            Ok(())
        } else {
            Err(Error::InvalidKey("derived key does not match"))
        }
    }
}

impl Drop for DerivedKey {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

impl zeroize::ZeroizeOnDrop for DerivedKey {}

impl Deref for DerivedKey {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.bytes
    }
}

impl AsRef<[u8]> for DerivedKey {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl PartialEq for DerivedKey {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(&other.bytes)
    }
}

impl Eq for DerivedKey {}

impl PartialEq<[u8]> for DerivedKey {
    fn eq(&self, other: &[u8]) -> bool {
        self.ct_eq(other)
    }
}

impl fmt::Debug for DerivedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DerivedKey({} bytes)", self.bytes.len())
    }
}

backend_core::hex::impl_hex!(DerivedKey);
