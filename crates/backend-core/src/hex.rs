//! Hex formatting for byte outputs: every byte-holding type of the crates (digests, tags,
//! signatures, shared secrets, derived keys, ciphertexts) formats as hex with `{:x}` / `{:X}`,
//! written through these two functions so the format is defined once.
//!
//! ```
//! use backend_core::Output;
//!
//! let tag = Output::from_slice(&[0xde, 0xad, 0x01]).unwrap();
//! assert_eq!(format!("{tag:x}"), "dead01");
//! assert_eq!(format!("{tag:X}"), "DEAD01");
//! ```

use core::fmt;

/// Writes `bytes` as lowercase hex, two digits a byte, no separator.
pub fn write_lower(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|b| write!(f, "{b:02x}"))
}

/// Writes `bytes` as uppercase hex, two digits a byte, no separator.
pub fn write_upper(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|b| write!(f, "{b:02X}"))
}

/// Implements [`fmt::LowerHex`] and [`fmt::UpperHex`] for a type that is `AsRef<[u8]>`.
///
/// `impl_hex!(Type)` or, for a generic type, `impl_hex!([T: Bound] Type<T>)`.
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_hex {
    ($([$($generics:tt)*])? $ty:ty) => {
        impl $(<$($generics)*>)? ::core::fmt::LowerHex for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::hex::write_lower(f, ::core::convert::AsRef::<[u8]>::as_ref(self))
            }
        }
        impl $(<$($generics)*>)? ::core::fmt::UpperHex for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::hex::write_upper(f, ::core::convert::AsRef::<[u8]>::as_ref(self))
            }
        }
    };
}

#[doc(inline)]
pub use crate::__impl_hex as impl_hex;
