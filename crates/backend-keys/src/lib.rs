//! One key layer across the public-key families (issue 11, seed 004): how a signature is made
//! ([`SignatureAlgorithm`]), a key of any family ([`PrivateKey`], [`PublicKey`]), and what signs
//! ([`Signer`], [`AsyncSigner`]) whether the key is in memory, in an HSM or behind a cloud KMS,
//! with [`sign_and_verify`], the check a builder of signed objects signs through.
//!
//! ```
//! use backend_ec::{EllipticCurve, EllipticCurveBackend, RustCrypto};
//! use backend_keys::{HashAlgorithm, PrivateKey, SignatureAlgorithm, sign_and_verify};
//!
//! let key = PrivateKey::Ec(Box::new(
//!     RustCrypto.generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)?,
//! ));
//! let es256 = SignatureAlgorithm::Ecdsa { hash: HashAlgorithm::Sha256 };
//! let signature = sign_and_verify(&key, &es256, es256.message(), b"tbsCertificate")?;
//! key.public_key()?.verify(&signature, b"tbsCertificate", &es256, es256.message())?;
//! # Ok::<(), backend_keys::Error>(())
//! ```
//!
//! Features: `rsa` and `ec` (default) add the family's keys to the enums and make its keys
//! signers; `dh` adds Diffie-Hellman keys to the enums (with `rsa` or `ec`), which answer
//! signing with [`Error::Unsupported`]; `rustcrypto` (default) adds [`message_digest`]. Without `rsa` or `ec` the crate is the
//! descriptor alone. `no_std` with `alloc`; no async runtime: [`AsyncSigner`] returns a boxed
//! future any executor drives.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

extern crate alloc;

mod algorithm;
#[cfg(any(feature = "rsa", feature = "ec", feature = "dsa", feature = "dh"))]
mod key;
#[cfg(any(feature = "rsa", feature = "ec", feature = "dsa"))]
mod signer;

pub use algorithm::SignatureAlgorithm;
pub use backend_core::{DeviceCode, Error, HashAlgorithm, MessageHash, Reason, Result};
#[cfg(feature = "dh")]
pub use key::DH_DOES_NOT_SIGN;
#[cfg(any(feature = "rsa", feature = "ec", feature = "dsa", feature = "dh"))]
pub use key::{PrivateKey, PrivateKeyEncoder, PrivateNumbers, PublicKey};
#[cfg(feature = "rustcrypto")]
#[cfg(any(feature = "rsa", feature = "ec", feature = "dsa"))]
pub use signer::message_digest;
#[cfg(any(feature = "rsa", feature = "ec", feature = "dsa"))]
pub use signer::{
    AsyncSigner, SIGNATURE_DID_NOT_VERIFY, SignFuture, Signer, SigningKey, sign_and_verify,
    sign_and_verify_async,
};
