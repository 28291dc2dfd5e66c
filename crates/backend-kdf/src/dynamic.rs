//! The trait-object forms of the key-derivation traits, for backends chosen at run time.
//!
//! The static traits have no associated types and no generic methods, so they are object-safe as
//! they stand: each `Dyn*` trait is only the static trait plus `Send + Sync`, implemented for every
//! static implementation. Methods are the static trait's (no second copy to keep in step), and
//! since every `Box<B>` and `&B` of a backend is a backend (see the crate root),
//! `Box<dyn DynPbkdf2HmacBackend>` is a static [`Pbkdf2HmacBackend`] as it stands.

use crate::{HkdfBackend, Pbkdf2HmacBackend, ScryptBackend};

/// [`Pbkdf2HmacBackend`] as a trait object: `&dyn DynPbkdf2HmacBackend`.
pub trait DynPbkdf2HmacBackend: Pbkdf2HmacBackend + Send + Sync {}

impl<B: Pbkdf2HmacBackend + Send + Sync + ?Sized> DynPbkdf2HmacBackend for B {}

/// [`HkdfBackend`] as a trait object: `&dyn DynHkdfBackend`.
pub trait DynHkdfBackend: HkdfBackend + Send + Sync {}

impl<B: HkdfBackend + Send + Sync + ?Sized> DynHkdfBackend for B {}

/// [`ScryptBackend`] as a trait object: `&dyn DynScryptBackend`.
pub trait DynScryptBackend: ScryptBackend + Send + Sync {}

impl<B: ScryptBackend + Send + Sync + ?Sized> DynScryptBackend for B {}
