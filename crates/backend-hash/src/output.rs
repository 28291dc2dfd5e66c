//! [`HashOutput`]: the digest [`crate::HashContext::finalize`] and [`crate::HashBackend::hash`]
//! return, whatever its length.

use crate::{Error, Output, Result};
#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::fmt;
use core::ops::Deref;
use subtle::ConstantTimeEq;

/// A digest as [`crate::HashContext::finalize`] and [`crate::HashBackend::hash`] return it:
/// inline (no allocation) up to [`Output::CAPACITY`] (64) bytes, which covers every fixed-output
/// hash and SHAKE outputs up to 64 bytes; with the `alloc` feature, longer SHAKE outputs on the
/// heap, up to [`HashOutput::MAX_LEN`].
///
/// These owned-output calls return the whole `digest_size` of every supported descriptor up to
/// [`HashOutput::MAX_LEN`] (64 bytes without `alloc`, 1 MiB with it); beyond it they refuse with
/// [`Error::InvalidArgument`] naming the limit, before hashing anything. The algorithm stays
/// supported: [`crate::HashContext::finalize_into`] writes any length into the caller's buffer.
///
/// Derefs to `[u8]`; equality is constant-time; `{:x}` / `{:X}` print hex.
///
/// ```
/// use backend_hash::{HashAlgorithm, HashBackend, RustCrypto};
///
/// let digest = RustCrypto.hash(HashAlgorithm::Sha256, b"abc")?;
/// assert_eq!(format!("{digest:x}")[..8], *"ba7816bf");
/// # Ok::<(), backend_hash::Error>(())
/// ```
#[derive(Clone)]
pub struct HashOutput {
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    Inline(Output),
    #[cfg(feature = "alloc")]
    Heap(Vec<u8>),
}

impl HashOutput {
    /// The longest output `finalize` / `hash` return in this build: 1 MiB with the `alloc`
    /// feature, [`Output::CAPACITY`] (64 bytes) without it.
    ///
    /// Why 1 MiB: it is 16,000 times the longest key or digest anything consumes, and far above
    /// any SHAKE length in a standard (ML-KEM and ML-DSA expand a few KiB at most); a larger
    /// heap request is where Linux's overcommit turns "out of memory" from an error into the
    /// process being killed while the output is written. Longer outputs go through
    /// [`crate::HashContext::finalize_into`] into a buffer the caller owns.
    pub const MAX_LEN: usize = if cfg!(feature = "alloc") {
        1 << 20
    } else {
        Output::CAPACITY
    };

    /// True when `finalize` / `hash` return an output of `len` bytes in this build
    /// (`len <= MAX_LEN`).
    pub const fn can_hold(len: usize) -> bool {
        len <= Self::MAX_LEN
    }

    /// An output of `len` bytes filled by `fill` (for providers implementing `finalize` or `hash`
    /// themselves). Inline up to [`Output::CAPACITY`], on the heap beyond it (with `alloc`);
    /// [`Error::InvalidArgument`] over [`HashOutput::MAX_LEN`] ([`check_owned_output_len`]) or
    /// when the allocation fails (never an abort). `fill` is not called on error.
    #[inline]
    pub fn with_len(len: usize, fill: impl FnOnce(&mut [u8]) -> Result<()>) -> Result<Self> {
        if let Some(mut inline) = Output::zeroed(len) {
            fill(inline.as_mut_slice())?;
            return Ok(HashOutput {
                repr: Repr::Inline(inline),
            });
        }
        check_owned_output_len(len)?;
        #[cfg(feature = "alloc")]
        {
            let mut bytes = Vec::new();
            bytes.try_reserve_exact(len).map_err(|_| {
                Error::InvalidArgument("not enough memory for the requested hash output length")
            })?;
            bytes.resize(len, 0);
            fill(&mut bytes)?;
            Ok(HashOutput {
                repr: Repr::Heap(bytes),
            })
        }
        #[cfg(not(feature = "alloc"))]
        {
            let _ = fill;
            Err(TOO_LONG)
        }
    }

    /// Copies `bytes` (see [`HashOutput::with_len`] for the errors).
    #[inline]
    pub fn from_slice(bytes: &[u8]) -> Result<Self> {
        Self::with_len(bytes.len(), |out| {
            out.copy_from_slice(bytes);
            Ok(())
        })
    }

    /// The bytes.
    #[inline]
    pub fn as_slice(&self) -> &[u8] {
        match &self.repr {
            Repr::Inline(output) => output.as_slice(),
            #[cfg(feature = "alloc")]
            Repr::Heap(bytes) => bytes,
        }
    }

    /// The digest as the inline [`Output`] type; `None` when it is longer than
    /// [`Output::CAPACITY`].
    pub fn to_output(&self) -> Option<Output> {
        Output::from_slice(self.as_slice())
    }

    /// Constant-time comparison with `other` (any length; lengths are not secret).
    pub fn ct_eq(&self, other: &[u8]) -> bool {
        self.as_slice().ct_eq(other).into()
    }
}

/// The refusal of an owned output over [`HashOutput::MAX_LEN`].
#[cfg(feature = "alloc")]
const TOO_LONG: Error =
    Error::InvalidArgument("hash output over 1 MiB (HashOutput::MAX_LEN): use finalize_into");
#[cfg(not(feature = "alloc"))]
const TOO_LONG: Error = Error::InvalidArgument(
    "hash output over 64 bytes (HashOutput::MAX_LEN) needs the alloc feature: use finalize_into",
);

/// [`Error::InvalidArgument`] naming the limit when an output of `len` bytes is longer than
/// [`HashOutput::MAX_LEN`], the most `finalize` and `hash` return in this build. Every `hash`
/// checks it before hashing anything.
#[inline]
pub fn check_owned_output_len(len: usize) -> Result<()> {
    if HashOutput::can_hold(len) {
        Ok(())
    } else {
        Err(TOO_LONG)
    }
}

impl From<Output> for HashOutput {
    fn from(output: Output) -> Self {
        HashOutput {
            repr: Repr::Inline(output),
        }
    }
}

impl Deref for HashOutput {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for HashOutput {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl PartialEq for HashOutput {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other.as_slice())
    }
}

impl Eq for HashOutput {}

impl PartialEq<[u8]> for HashOutput {
    fn eq(&self, other: &[u8]) -> bool {
        self.ct_eq(other)
    }
}

impl PartialEq<Output> for HashOutput {
    fn eq(&self, other: &Output) -> bool {
        self.ct_eq(other.as_slice())
    }
}

impl fmt::Debug for HashOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HashOutput(")?;
        backend_core::hex::write_lower(f, self.as_slice())?;
        f.write_str(")")
    }
}

backend_core::hex::impl_hex!(HashOutput);
