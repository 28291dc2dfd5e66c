//! `DhBackend`: the seed interface for finite-field Diffie-Hellman (parameter and key generation,
//! loading numbers, X9.42 parameters with a subgroup order `q`), the key traits
//! [`DhParameters`], [`DhPrivateKey`] and [`DhPublicKey`] that a token implements as well as the
//! in-memory keys do, and the implementation for `RustCrypto` (feature `rustcrypto`).
//!
//! No RustCrypto crate implements Diffie-Hellman: the implementation here is built on
//! `crypto-bigint` (constant-time Montgomery arithmetic) and `crypto-primes` (safe-prime
//! generation and the BPSW primality test), and is this workspace's own code.
//!
//! ```
//! use backend_dh::{DhBackend, DhParameterNumbers, DhParameters, DhPrivateKey, RustCrypto};
//!
//! let group = backend_dh::ffdhe2048();
//! let parameters = RustCrypto.load_dh_parameter_numbers(&group)?;
//! let (alice, bob) = (parameters.generate_private_key()?, parameters.generate_private_key()?);
//! let secret = alice.exchange(&*bob.public_key()?)?;
//! assert_eq!(*secret, *bob.exchange(&*alice.public_key()?)?);
//! assert_eq!(secret.len(), 256);
//! # Ok::<(), backend_dh::Error>(())
//! ```
//!
//! The crate is `no_std` and needs `alloc`: keys and shared secrets are heap values, and so
//! [`DhBackend`] returns its keys boxed and is object-safe itself (`&dyn DhBackend`), with no
//! associated types and no separate `Dyn` twin.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

extern crate alloc;

mod groups;
mod numbers;
#[cfg(feature = "rustcrypto")]
pub mod rustcrypto;

use alloc::boxed::Box;
use alloc::vec::Vec;
#[cfg(feature = "rustcrypto")]
pub use backend_core::RustCrypto;
pub use backend_core::capability;
use backend_core::capability::{Algorithm, Capability, Query, supports};
pub use backend_core::rng::{self, RandomSource};
pub use backend_core::{Error, Reason, Result};
pub use numbers::{
    DhParameterNumbers, DhPrivateNumbers, DhPublicNumbers, MAX_MODULUS_BITS, MIN_MODULUS_BITS,
};
#[cfg(feature = "rustcrypto")]
pub use rustcrypto::{
    CheckedDhPeer, RustCryptoDhParameters, RustCryptoDhPrivateKey, RustCryptoDhPublicKey,
};
pub use zeroize::Zeroizing;

/// A bit length as a query parameter (saturating: an absurd size is simply unsupported).
pub(crate) fn bits(key_size: usize) -> u32 {
    u32::try_from(key_size).unwrap_or(u32::MAX)
}

/// The capability query of parameter generation with `generator` and a `key_size`-bit modulus
/// ([`Algorithm::DhParameterGeneration`]).
pub fn dh_parameter_generation_query(generator: u64, key_size: usize) -> Query {
    Query::new(Algorithm::DhParameterGeneration { generator }).key_bits(bits(key_size))
}

/// The capability query of loading parameters, keys and exchanging in a group whose modulus has
/// `key_size` bits ([`Algorithm::DhKeys`]).
pub fn dh_keys_query(key_size: usize) -> Query {
    Query::new(Algorithm::DhKeys).key_bits(bits(key_size))
}

/// A named group's numbers, for callers that want RFC 7919's `ffdhe2048` (the group the
/// benchmarks and examples use).
pub fn ffdhe2048() -> DhParameterNumbers {
    groups::numbers("ffdhe2048")
}

/// The numbers of a well-known group by its OpenSSL name: `ffdhe2048` ... `ffdhe8192`
/// (RFC 7919), `modp_1536` ... `modp_8192` (RFC 3526), `dh_1024_160`, `dh_2048_224`,
/// `dh_2048_256` (RFC 5114, with `q`). `None` for another name.
pub fn named_group(name: &str) -> Option<DhParameterNumbers> {
    groups::NAMED_GROUPS
        .iter()
        .any(|g| g.name == name)
        .then(|| groups::numbers(name))
}

/// A backend that generates and loads finite-field Diffie-Hellman parameters and keys
/// (pyca/cryptography's `DHBackend`).
///
/// Object-safe: a provider chosen at run time is a `&dyn DhBackend` or `Box<dyn DhBackend>`, and
/// either is a `DhBackend` again for generic code. Parameters and keys come back boxed; each
/// carries its own implementation, so an operation on a key goes to the provider that made or
/// loaded it.
pub trait DhBackend: Send + Sync {
    /// The capability rows: [`Algorithm::DhParameterGeneration`] per generator and
    /// [`Algorithm::DhKeys`], with their modulus sizes. Every `*_supported` answer is derived
    /// from them.
    fn dh_capabilities(&self) -> &[Capability];

    /// True when [`DhBackend::generate_dh_parameters`] accepts `generator` and `key_size`
    /// ([`dh_parameter_generation_query`]).
    fn generate_dh_parameters_supported(&self, generator: u64, key_size: usize) -> bool {
        supports(
            self.dh_capabilities(),
            &dh_parameter_generation_query(generator, key_size),
        )
    }

    /// True when [`DhBackend::load_dh_parameter_numbers`] accepts `p`, `g` and `q`: the rows
    /// offer the modulus size ([`dh_keys_query`]) and the numbers pass the loader's checks (the
    /// answer is the call's, so the two cannot disagree; it costs a primality test unless the
    /// group is a recognised one).
    fn dh_parameters_supported(&self, p: &[u8], g: &[u8], q: Option<&[u8]>) -> bool {
        let numbers = DhParameterNumbers::new(p, g, q);
        supports(self.dh_capabilities(), &dh_keys_query(numbers.key_size()))
            && self.load_dh_parameter_numbers(&numbers).is_ok()
    }

    /// True when keys and parameters of this backend serialize in the X9.42 formats (with
    /// `q`): `backend-serialization` writes and reads them from the keys' numbers, so a backend
    /// whose keys export their numbers answers true. The default is false (a device's keys may
    /// not leave it).
    fn dh_x942_serialization_supported(&self) -> bool {
        false
    }

    /// New parameters: a safe prime `p` of `key_size` bits and `generator` (2 or 5), from the
    /// operating system's generator. [`Error::InvalidArgument`] for another generator or a
    /// `key_size` below 512 (pyca/cryptography's `ValueError`). A 2048-bit group can take
    /// minutes.
    #[cfg(feature = "getrandom")]
    fn generate_dh_parameters(
        &self,
        generator: u64,
        key_size: usize,
    ) -> Result<Box<dyn DhParameters>> {
        self.generate_dh_parameters_with_rng(&mut rng::OsRandom, generator, key_size)
    }

    /// As [`DhBackend::generate_dh_parameters`], drawing randomness from `rng`.
    fn generate_dh_parameters_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        generator: u64,
        key_size: usize,
    ) -> Result<Box<dyn DhParameters>>;

    /// A new private key in `parameters` (loaded into this backend from their numbers first),
    /// from the operating system's generator.
    #[cfg(feature = "getrandom")]
    fn generate_dh_private_key(
        &self,
        parameters: &dyn DhParameters,
    ) -> Result<Box<dyn DhPrivateKey>> {
        self.generate_dh_private_key_with_rng(&mut rng::OsRandom, parameters)
    }

    /// As [`DhBackend::generate_dh_private_key`], drawing randomness from `rng`.
    fn generate_dh_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        parameters: &dyn DhParameters,
    ) -> Result<Box<dyn DhPrivateKey>> {
        self.load_dh_parameter_numbers(&parameters.parameter_numbers()?)?
            .generate_private_key_with_rng(rng)
    }

    /// New parameters and a private key in them, from the operating system's generator.
    #[cfg(feature = "getrandom")]
    fn generate_dh_private_key_and_parameters(
        &self,
        generator: u64,
        key_size: usize,
    ) -> Result<Box<dyn DhPrivateKey>> {
        self.generate_dh_private_key_and_parameters_with_rng(
            &mut rng::OsRandom,
            generator,
            key_size,
        )
    }

    /// As [`DhBackend::generate_dh_private_key_and_parameters`], drawing randomness from `rng`.
    fn generate_dh_private_key_and_parameters_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        generator: u64,
        key_size: usize,
    ) -> Result<Box<dyn DhPrivateKey>> {
        self.generate_dh_parameters_with_rng(rng, generator, key_size)?
            .generate_private_key_with_rng(rng)
    }

    /// A private key from its numbers, after the parameter checks of
    /// [`DhBackend::load_dh_parameter_numbers`]; `0 < x < p - 1`, `0 < y < p`. Like
    /// pyca/cryptography, `y = g^x` is not checked here: an exchange uses only `x`.
    fn load_dh_private_numbers(&self, numbers: &DhPrivateNumbers) -> Result<Box<dyn DhPrivateKey>>;

    /// A public key from its numbers, after the parameter checks; `y` is checked by
    /// [`DhPrivateKey::exchange`], where it is the peer's.
    fn load_dh_public_numbers(&self, numbers: &DhPublicNumbers) -> Result<Box<dyn DhPublicKey>>;

    /// Parameters from their numbers, after OpenSSL's checks (`DH_check`): `g >= 2`, `p` odd of
    /// 512 to 10000 bits, `1 < g < p - 1`, `p` prime and, without `q`, a safe prime; with `q`:
    /// `q < p` prime, `q | p - 1` and `g^q = 1 mod p`. A recognised group (RFC 7919, RFC 3526,
    /// RFC 5114) is not tested for primality again. A failed check is an
    /// [`Error::InvalidArgument`] naming the rule.
    fn load_dh_parameter_numbers(
        &self,
        numbers: &DhParameterNumbers,
    ) -> Result<Box<dyn DhParameters>>;
}

/// A borrowed or boxed backend is a backend. Every method, the provided ones included, goes to
/// the backend's own, so an override is kept.
macro_rules! forward_dh_backend {
    ($($backend:ty),* $(,)?) => {$(
        impl<B: DhBackend + ?Sized> DhBackend for $backend {
            fn dh_capabilities(&self) -> &[Capability] {
                (**self).dh_capabilities()
            }
            fn generate_dh_parameters_supported(&self, generator: u64, key_size: usize) -> bool {
                (**self).generate_dh_parameters_supported(generator, key_size)
            }
            fn dh_parameters_supported(&self, p: &[u8], g: &[u8], q: Option<&[u8]>) -> bool {
                (**self).dh_parameters_supported(p, g, q)
            }
            fn dh_x942_serialization_supported(&self) -> bool {
                (**self).dh_x942_serialization_supported()
            }
            #[cfg(feature = "getrandom")]
            fn generate_dh_parameters(
                &self,
                generator: u64,
                key_size: usize,
            ) -> Result<Box<dyn DhParameters>> {
                (**self).generate_dh_parameters(generator, key_size)
            }
            fn generate_dh_parameters_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                generator: u64,
                key_size: usize,
            ) -> Result<Box<dyn DhParameters>> {
                (**self).generate_dh_parameters_with_rng(rng, generator, key_size)
            }
            #[cfg(feature = "getrandom")]
            fn generate_dh_private_key(
                &self,
                parameters: &dyn DhParameters,
            ) -> Result<Box<dyn DhPrivateKey>> {
                (**self).generate_dh_private_key(parameters)
            }
            fn generate_dh_private_key_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                parameters: &dyn DhParameters,
            ) -> Result<Box<dyn DhPrivateKey>> {
                (**self).generate_dh_private_key_with_rng(rng, parameters)
            }
            #[cfg(feature = "getrandom")]
            fn generate_dh_private_key_and_parameters(
                &self,
                generator: u64,
                key_size: usize,
            ) -> Result<Box<dyn DhPrivateKey>> {
                (**self).generate_dh_private_key_and_parameters(generator, key_size)
            }
            fn generate_dh_private_key_and_parameters_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                generator: u64,
                key_size: usize,
            ) -> Result<Box<dyn DhPrivateKey>> {
                (**self).generate_dh_private_key_and_parameters_with_rng(rng, generator, key_size)
            }
            fn load_dh_private_numbers(
                &self,
                numbers: &DhPrivateNumbers,
            ) -> Result<Box<dyn DhPrivateKey>> {
                (**self).load_dh_private_numbers(numbers)
            }
            fn load_dh_public_numbers(
                &self,
                numbers: &DhPublicNumbers,
            ) -> Result<Box<dyn DhPublicKey>> {
                (**self).load_dh_public_numbers(numbers)
            }
            fn load_dh_parameter_numbers(
                &self,
                numbers: &DhParameterNumbers,
            ) -> Result<Box<dyn DhParameters>> {
                (**self).load_dh_parameter_numbers(numbers)
            }
        }
    )*};
}

forward_dh_backend!(&B, Box<B>);

/// A DH group (pyca/cryptography's `DHParameters`). Object-safe.
pub trait DhParameters: Send + Sync {
    /// The modulus length in bits.
    fn key_size(&self) -> usize;

    /// The group's numbers (with `q` only when it was given or generated with one).
    fn parameter_numbers(&self) -> Result<DhParameterNumbers>;

    /// A new private key in this group, from the operating system's generator.
    #[cfg(feature = "getrandom")]
    fn generate_private_key(&self) -> Result<Box<dyn DhPrivateKey>> {
        self.generate_private_key_with_rng(&mut rng::OsRandom)
    }

    /// As [`DhParameters::generate_private_key`], drawing randomness from `rng`.
    fn generate_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
    ) -> Result<Box<dyn DhPrivateKey>>;
}

/// A DH private key, wherever it lives (pyca/cryptography's `DHPrivateKey`). Object-safe.
///
/// A key whose material cannot leave its device answers [`DhPrivateKey::private_numbers`] with
/// [`Error::KeyNotExportable`].
pub trait DhPrivateKey: Send + Sync {
    /// The modulus length in bits.
    fn key_size(&self) -> usize;

    /// The shared secret with `peer_public_key`, left-padded to the byte length of `p` and
    /// zeroized on drop. [`Error::InvalidArgument`] when the peer's group differs from this
    /// key's, or its `y` is not in `2..=p-2`, or `y^q != 1 mod p` where `q` is known (given, or
    /// implied by a recognised safe-prime group).
    fn exchange(&self, peer_public_key: &dyn DhPublicKey) -> Result<Zeroizing<Vec<u8>>>;

    /// The matching public key.
    fn public_key(&self) -> Result<Box<dyn DhPublicKey>>;

    /// The key's group.
    fn parameters(&self) -> Result<Box<dyn DhParameters>>;

    /// The private numbers. The default answers [`Error::KeyNotExportable`]; in-memory keys
    /// override it.
    fn private_numbers(&self) -> Result<DhPrivateNumbers> {
        Err(Error::KeyNotExportable)
    }
}

/// A DH public key (pyca/cryptography's `DHPublicKey`). Object-safe.
pub trait DhPublicKey: Send + Sync {
    /// The modulus length in bits.
    fn key_size(&self) -> usize;

    /// The public numbers.
    fn public_numbers(&self) -> DhPublicNumbers;

    /// The key's group.
    fn parameters(&self) -> Result<Box<dyn DhParameters>>;
}

/// A boxed private key is a private key.
impl<K: DhPrivateKey + ?Sized> DhPrivateKey for Box<K> {
    fn key_size(&self) -> usize {
        (**self).key_size()
    }
    fn exchange(&self, peer_public_key: &dyn DhPublicKey) -> Result<Zeroizing<Vec<u8>>> {
        (**self).exchange(peer_public_key)
    }
    fn public_key(&self) -> Result<Box<dyn DhPublicKey>> {
        (**self).public_key()
    }
    fn parameters(&self) -> Result<Box<dyn DhParameters>> {
        (**self).parameters()
    }
    fn private_numbers(&self) -> Result<DhPrivateNumbers> {
        (**self).private_numbers()
    }
}

/// A boxed public key is a public key.
impl<K: DhPublicKey + ?Sized> DhPublicKey for Box<K> {
    fn key_size(&self) -> usize {
        (**self).key_size()
    }
    fn public_numbers(&self) -> DhPublicNumbers {
        (**self).public_numbers()
    }
    fn parameters(&self) -> Result<Box<dyn DhParameters>> {
        (**self).parameters()
    }
}

/// Boxed parameters are parameters.
impl<K: DhParameters + ?Sized> DhParameters for Box<K> {
    fn key_size(&self) -> usize {
        (**self).key_size()
    }
    fn parameter_numbers(&self) -> Result<DhParameterNumbers> {
        (**self).parameter_numbers()
    }
    #[cfg(feature = "getrandom")]
    fn generate_private_key(&self) -> Result<Box<dyn DhPrivateKey>> {
        (**self).generate_private_key()
    }
    fn generate_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
    ) -> Result<Box<dyn DhPrivateKey>> {
        (**self).generate_private_key_with_rng(rng)
    }
}
