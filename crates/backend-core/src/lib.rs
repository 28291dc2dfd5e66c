//! Shared vocabulary of the `backend` crates: the one [`Error`] type, the algorithm descriptors every
//! family shares ([`HashAlgorithm`], [`CipherAlgorithm`]), the inline [`Output`] buffer that digests
//! and tags are returned in, and the [`MacContext`] trait that HMAC and CMAC contexts implement.
//!
//! `no_std` and allocation-free; the `alloc` feature adds the boxed [`DynMacContext`].
//!
//! ```
//! use backend_core::{Error, HashAlgorithm};
//!
//! assert_eq!(HashAlgorithm::Sha256.digest_size(), 32);
//! assert_eq!(HashAlgorithm::Sha3_256.name(), "sha3-256");
//! let e = Error::InvalidArgument("iterations must be at least 1");
//! assert_eq!(e.to_string(), "invalid argument: iterations must be at least 1");
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(test)]
extern crate std;

pub mod capability;
mod cipher;
mod curve;
pub mod dss;
mod error;
mod hash;
pub mod hex;
mod mac;
mod output;
pub mod rng;

pub use cipher::{CipherAlgorithm, expand_triple_des_key};
pub use curve::EllipticCurve;
pub use error::{DeviceCode, Error, PasswordError, Reason, Result};
pub use hash::{HashAlgorithm, MessageHash};
#[cfg(feature = "alloc")]
pub use mac::DynMacContext;
pub use mac::MacContext;
pub use output::Output;

/// The RustCrypto provider: the pure-Rust default, declared once for every family.
///
/// Each family crate implements its trait for this type beside its capability rows (behind the
/// family's `rustcrypto` feature), so the value `RustCrypto` offers whatever families are compiled
/// in; the umbrella crate's `backend::Backend` *is* this type. A zero-sized value: copying or
/// passing it costs nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RustCrypto;
