//! Providers as values, and their composition.
//!
//! A [`Provider`] is a plain struct of what one implementation offers, one optional part per
//! family (the shape of rustls's `CryptoProvider`). [`Provider::RUSTCRYPTO`] is the pure-Rust
//! default, and a variant is a struct update:
//!
//! ```
//! use backend::{HashAlgorithm, HashBackend, Provider};
//!
//! // RustCrypto without its hash part: hash calls answer `Unsupported`.
//! let no_hash = Provider { name: "rustcrypto-without-hash", hash: None, ..Provider::RUSTCRYPTO };
//! assert!(!no_hash.hash_supported(HashAlgorithm::Sha256));
//! assert!(Provider::RUSTCRYPTO.hash_supported(HashAlgorithm::Sha256));
//! ```
//!
//! A [`MultiBackend`] is built once from an ordered list of providers the caller chooses, checked,
//! then frozen. Each call goes to the first provider whose capability rows accept the call's exact
//! parameters (the family's `*_query` function); an operation on a key goes to the provider that
//! made or loaded the key, because the key object carries its implementation. Its `*_supported`
//! answers are the union of its providers'. [`MultiBackend::provider`] makes it a provider again,
//! so compositions nest.
//!
//! Both implement every family trait compiled in, with boxed contexts and keys: hand either to a
//! function generic over `HashBackend`, `CipherBackend`, ...

use alloc::vec::Vec;
use core::fmt;

use backend_core::capability::{Algorithm, Capability, Query, supports};

// The consistency check, beside the provider it checks (`src/check.rs`).
#[path = "check.rs"]
mod check;
use backend_core::{Error, Reason, Result, RustCrypto};

#[cfg(feature = "cipher")]
use backend_cipher::{
    AeadAlgorithm, AeadBackend, CipherBackend, DynAeadBackend, DynAeadKey, DynCipherBackend,
    DynDecryptionContext, DynEncryptionContext, Mode, aead_query, cipher_query,
};
#[cfg(feature = "cmac")]
use backend_cmac::{CmacBackend, DynCmacBackend, cmac_query};
#[cfg(any(feature = "cmac", feature = "cipher"))]
use backend_core::CipherAlgorithm;
#[cfg(any(feature = "cmac", feature = "hmac"))]
use backend_core::DynMacContext;
#[cfg(any(feature = "hash", feature = "hmac", feature = "kdf"))]
use backend_core::HashAlgorithm;
#[cfg(any(feature = "ec", feature = "rsa", feature = "dsa", feature = "dh"))]
use backend_core::rng::RandomSource;
#[cfg(feature = "dh")]
use backend_dh::{
    DhBackend, DhParameterNumbers, DhParameters, DhPrivateKey, DhPrivateNumbers, DhPublicKey,
    DhPublicNumbers, dh_keys_query, dh_parameter_generation_query,
};
#[cfg(feature = "dsa")]
use backend_dsa::{
    DsaBackend, DsaParameterNumbers, DsaParameters, DsaPrivateKey, DsaPrivateNumbers, DsaPublicKey,
    DsaPublicNumbers, dsa_parameter_generation_query, dsa_parameters_query,
};
#[cfg(feature = "ec")]
use backend_ec::{
    DynEllipticCurveBackend, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers,
    EllipticCurve, EllipticCurveBackend, ec_key_query,
};
#[cfg(feature = "hash")]
use backend_hash::{DynHashBackend, DynHashContext, HashBackend, HashOutput, hash_query};
#[cfg(feature = "hmac")]
use backend_hmac::{DynHmacBackend, HmacBackend, hmac_query};
#[cfg(feature = "kdf")]
use backend_kdf::{
    DynHkdfBackend, DynPbkdf2HmacBackend, HkdfBackend, Pbkdf2HmacBackend, hkdf_query,
    pbkdf2_hmac_query,
};
#[cfg(feature = "scrypt")]
use backend_kdf::{DynScryptBackend, ScryptBackend, scrypt_query};
#[cfg(feature = "rsa")]
use backend_rsa::{
    RsaBackend, RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers,
    rsa_key_generation_query, rsa_keys_query,
};

/// What one provider offers, family by family; `None` where it offers nothing.
///
/// A plain value: `const`-constructible, `Copy`, a variant made by struct update. Build one for
/// any implementation of the family traits (a token, an accelerated library) by pointing its
/// fields at it. It implements every family trait itself, so it can be used directly, or listed
/// in a [`MultiBackend`].
#[derive(Clone, Copy)]
pub struct Provider<'a> {
    /// A short name for reports and errors (`"rustcrypto"`, `"ring"`, `"pkcs11"`).
    pub name: &'static str,
    /// Hashes.
    #[cfg(feature = "hash")]
    pub hash: Option<&'a dyn DynHashBackend>,
    /// HMAC.
    #[cfg(feature = "hmac")]
    pub hmac: Option<&'a dyn DynHmacBackend>,
    /// CMAC.
    #[cfg(feature = "cmac")]
    pub cmac: Option<&'a dyn DynCmacBackend>,
    /// Streaming ciphers.
    #[cfg(feature = "cipher")]
    pub cipher: Option<&'a dyn DynCipherBackend>,
    /// One-shot AEADs.
    #[cfg(feature = "cipher")]
    pub aead: Option<&'a dyn DynAeadBackend>,
    /// PBKDF2-HMAC.
    #[cfg(feature = "kdf")]
    pub pbkdf2_hmac: Option<&'a dyn DynPbkdf2HmacBackend>,
    /// HKDF.
    #[cfg(feature = "kdf")]
    pub hkdf: Option<&'a dyn DynHkdfBackend>,
    /// scrypt.
    #[cfg(feature = "scrypt")]
    pub scrypt: Option<&'a dyn DynScryptBackend>,
    /// RSA.
    #[cfg(feature = "rsa")]
    pub rsa: Option<&'a dyn RsaBackend>,
    /// Elliptic curves.
    #[cfg(feature = "ec")]
    pub ec: Option<&'a dyn DynEllipticCurveBackend>,
    /// DSA.
    #[cfg(feature = "dsa")]
    pub dsa: Option<&'a dyn DsaBackend>,
    /// Finite-field Diffie-Hellman.
    #[cfg(feature = "dh")]
    pub dh: Option<&'a dyn DhBackend>,
}

impl Provider<'static> {
    /// The RustCrypto provider: every family compiled in, pure Rust.
    pub const RUSTCRYPTO: Provider<'static> = Provider {
        name: "rustcrypto",
        #[cfg(feature = "hash")]
        hash: Some(&RustCrypto),
        #[cfg(feature = "hmac")]
        hmac: Some(&RustCrypto),
        #[cfg(feature = "cmac")]
        cmac: Some(&RustCrypto),
        #[cfg(feature = "cipher")]
        cipher: Some(&RustCrypto),
        #[cfg(feature = "cipher")]
        aead: Some(&RustCrypto),
        #[cfg(feature = "kdf")]
        pbkdf2_hmac: Some(&RustCrypto),
        #[cfg(feature = "kdf")]
        hkdf: Some(&RustCrypto),
        #[cfg(feature = "scrypt")]
        scrypt: Some(&RustCrypto),
        #[cfg(feature = "rsa")]
        rsa: Some(&RustCrypto),
        #[cfg(feature = "ec")]
        ec: Some(&RustCrypto),
        #[cfg(feature = "dsa")]
        dsa: Some(&RustCrypto),
        #[cfg(feature = "dh")]
        dh: Some(&RustCrypto),
    };

    /// A provider that offers nothing: the start of a struct update naming only what a partial
    /// provider has (`Provider { name: "token", hash: Some(&token), ..Provider::EMPTY }`).
    pub const EMPTY: Provider<'static> = Provider {
        name: "empty",
        #[cfg(feature = "hash")]
        hash: None,
        #[cfg(feature = "hmac")]
        hmac: None,
        #[cfg(feature = "cmac")]
        cmac: None,
        #[cfg(feature = "cipher")]
        cipher: None,
        #[cfg(feature = "cipher")]
        aead: None,
        #[cfg(feature = "kdf")]
        pbkdf2_hmac: None,
        #[cfg(feature = "kdf")]
        hkdf: None,
        #[cfg(feature = "scrypt")]
        scrypt: None,
        #[cfg(feature = "rsa")]
        rsa: None,
        #[cfg(feature = "ec")]
        ec: None,
        #[cfg(feature = "dsa")]
        dsa: None,
        #[cfg(feature = "dh")]
        dh: None,
    };
}

impl Provider<'_> {
    /// Tries the cheapest call of every capability row and returns the first row whose call fails
    /// with [`Error::Unsupported`]: a provider whose rows contradict its own calls would make a
    /// composition pick it and fail instead of falling through. [`MultiBackend::new`] runs it.
    ///
    /// RSA and DSA rows are not exercised here (their cheapest call is a key load or
    /// generation); the vector runner covers them with `--provider`.
    pub fn check(&self) -> core::result::Result<(), Inconsistency> {
        check::provider(self)
    }
}

impl fmt::Debug for Provider<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)?;
        f.write_str(" ")?;
        f.debug_set()
            .entries(
                Family::ALL
                    .into_iter()
                    .filter(|family| has_part(self, *family))
                    .map(Family::name),
            )
            .finish()
    }
}

/// A provider whose capability rows say it offers something its calls refuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inconsistency {
    /// The provider's name.
    pub provider: &'static str,
    /// The row that was tried.
    pub row: Capability,
    /// What its cheapest call answered.
    pub error: Error,
}

impl fmt::Display for Inconsistency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "provider {} offers {:?} but its call answered: {}",
            self.provider, self.row.algorithm, self.error
        )
    }
}

impl core::error::Error for Inconsistency {}

/// Providers composed in the caller's order: each call goes to the first provider that accepts
/// its exact parameters.
///
/// ```
/// use backend::capability::{Algorithm, Query};
/// use backend::{HashAlgorithm, HashBackend, MultiBackend, Provider};
///
/// // A stand-in for a partial provider (a token, an accelerator): only its hash part.
/// let partial = Provider { name: "hash-only", hash: Provider::RUSTCRYPTO.hash, ..Provider::EMPTY };
/// let multi = MultiBackend::new([partial, Provider::RUSTCRYPTO])?;
/// let sha256 = Query::new(Algorithm::Hash(HashAlgorithm::Sha256));
/// assert_eq!(multi.serving(&sha256), Some("hash-only"));
/// let digest = multi.hash(HashAlgorithm::Sha256, b"abc")?;
/// assert_eq!(digest[..2], [0xba, 0x78]);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
pub struct MultiBackend<'a> {
    providers: Vec<Provider<'a>>,
    /// The union of the providers' rows, per family (indexed by `Family as usize`).
    rows: [Vec<Capability>; Family::COUNT],
}

impl<'a> MultiBackend<'a> {
    /// Composes `providers` in this order, after checking each one ([`Provider::check`]).
    pub fn new(
        providers: impl IntoIterator<Item = Provider<'a>>,
    ) -> core::result::Result<Self, Inconsistency> {
        let providers: Vec<Provider<'a>> = providers.into_iter().collect();
        for provider in &providers {
            provider.check()?;
        }
        let rows = Family::ALL.map(|family| {
            providers
                .iter()
                .flat_map(|p| rows_of(p, family).iter().copied())
                .collect()
        });
        Ok(MultiBackend { providers, rows })
    }

    /// The providers, in the order calls try them.
    pub fn providers(&self) -> &[Provider<'a>] {
        &self.providers
    }

    /// This composition as a provider value (every part it has points back at it), to list in
    /// another `MultiBackend` or to hand to code that takes a [`Provider`].
    pub fn provider(&self) -> Provider<'_> {
        provider_of!(self, "multi")
    }

    /// The name of the provider a call described by `query` goes to: the first whose rows accept
    /// it. `None` when no provider's rows do.
    ///
    /// ```
    /// use backend::capability::{Algorithm, Query};
    /// use backend::{HashAlgorithm, MultiBackend, Provider};
    ///
    /// let multi = MultiBackend::new([Provider::RUSTCRYPTO])?;
    /// let sha256 = Query::new(Algorithm::Hash(HashAlgorithm::Sha256));
    /// assert_eq!(multi.serving(&sha256), Some("rustcrypto"));
    /// # Ok::<(), backend::Inconsistency>(())
    /// ```
    pub fn serving(&self, query: &Query) -> Option<&'static str> {
        let family = Family::of(&query.algorithm)?;
        self.providers
            .iter()
            .find(|p| supports(rows_of(p, family), query))
            .map(|p| p.name)
    }
}

impl fmt::Debug for MultiBackend<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.providers).finish()
    }
}

/// `$c` (a composition implementing every family trait) as a provider value: each part points
/// back at `$c` for every family `$c` presents.
macro_rules! provider_of {
    ($c:expr, $name:expr) => {{
        let c = $c;
        let has = |family| c.presents(family);
        let _ = &has;
        Provider {
            name: $name,
            #[cfg(feature = "hash")]
            hash: has(Family::Hash).then_some(c as &dyn DynHashBackend),
            #[cfg(feature = "hmac")]
            hmac: has(Family::Hmac).then_some(c as &dyn DynHmacBackend),
            #[cfg(feature = "cmac")]
            cmac: has(Family::Cmac).then_some(c as &dyn DynCmacBackend),
            #[cfg(feature = "cipher")]
            cipher: has(Family::Cipher).then_some(c as &dyn DynCipherBackend),
            #[cfg(feature = "cipher")]
            aead: has(Family::Aead).then_some(c as &dyn DynAeadBackend),
            #[cfg(feature = "kdf")]
            pbkdf2_hmac: has(Family::Pbkdf2Hmac).then_some(c as &dyn DynPbkdf2HmacBackend),
            #[cfg(feature = "kdf")]
            hkdf: has(Family::Hkdf).then_some(c as &dyn DynHkdfBackend),
            #[cfg(feature = "scrypt")]
            scrypt: has(Family::Scrypt).then_some(c as &dyn DynScryptBackend),
            #[cfg(feature = "rsa")]
            rsa: has(Family::Rsa).then_some(c as &dyn RsaBackend),
            #[cfg(feature = "ec")]
            ec: has(Family::Ec).then_some(c as &dyn DynEllipticCurveBackend),
            #[cfg(feature = "dsa")]
            dsa: has(Family::Dsa).then_some(c as &dyn DsaBackend),
            #[cfg(feature = "dh")]
            dh: has(Family::Dh).then_some(c as &dyn DhBackend),
        }
    }};
}
use provider_of;

/// The families a provider has parts for; indexes the union rows of a [`MultiBackend`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Hash,
    Hmac,
    Cmac,
    Cipher,
    Aead,
    Pbkdf2Hmac,
    Hkdf,
    Scrypt,
    Rsa,
    Ec,
    Dsa,
    Dh,
}

impl Family {
    const COUNT: usize = 12;
    const ALL: [Family; Family::COUNT] = [
        Family::Hash,
        Family::Hmac,
        Family::Cmac,
        Family::Cipher,
        Family::Aead,
        Family::Pbkdf2Hmac,
        Family::Hkdf,
        Family::Scrypt,
        Family::Rsa,
        Family::Ec,
        Family::Dsa,
        Family::Dh,
    ];

    /// The family whose rows name `algorithm`.
    fn of(algorithm: &Algorithm) -> Option<Family> {
        Some(match algorithm {
            Algorithm::Hash(_) => Family::Hash,
            Algorithm::Hmac(_) => Family::Hmac,
            Algorithm::Cmac(_) => Family::Cmac,
            Algorithm::Cipher(..) => Family::Cipher,
            Algorithm::Aead(_) => Family::Aead,
            Algorithm::Pbkdf2Hmac(_) => Family::Pbkdf2Hmac,
            Algorithm::Hkdf(_) => Family::Hkdf,
            Algorithm::Scrypt => Family::Scrypt,
            Algorithm::RsaKeyGeneration { .. }
            | Algorithm::RsaKeys
            | Algorithm::RsaSignature(_)
            | Algorithm::RsaEncryption(_) => Family::Rsa,
            Algorithm::EcKeys(_) | Algorithm::Ecdsa(_) | Algorithm::Ecdh(_) => Family::Ec,
            Algorithm::DsaParameterGeneration
            | Algorithm::DsaKeys { .. }
            | Algorithm::DsaSignature => Family::Dsa,
            Algorithm::DhParameterGeneration { .. } | Algorithm::DhKeys => Family::Dh,
            _ => return None,
        })
    }

    const fn name(self) -> &'static str {
        match self {
            Family::Hash => "hash",
            Family::Hmac => "hmac",
            Family::Cmac => "cmac",
            Family::Cipher => "cipher",
            Family::Aead => "aead",
            Family::Pbkdf2Hmac => "pbkdf2-hmac",
            Family::Hkdf => "hkdf",
            Family::Scrypt => "scrypt",
            Family::Rsa => "rsa",
            Family::Ec => "ec",
            Family::Dsa => "dsa",
            Family::Dh => "dh",
        }
    }
}

/// Whether `p` has a part for `family` (a part may list no rows, e.g. a token without
/// mechanisms, and still exist).
fn has_part(p: &Provider<'_>, family: Family) -> bool {
    match family {
        #[cfg(feature = "hash")]
        Family::Hash => p.hash.is_some(),
        #[cfg(feature = "hmac")]
        Family::Hmac => p.hmac.is_some(),
        #[cfg(feature = "cmac")]
        Family::Cmac => p.cmac.is_some(),
        #[cfg(feature = "cipher")]
        Family::Cipher => p.cipher.is_some(),
        #[cfg(feature = "cipher")]
        Family::Aead => p.aead.is_some(),
        #[cfg(feature = "kdf")]
        Family::Pbkdf2Hmac => p.pbkdf2_hmac.is_some(),
        #[cfg(feature = "kdf")]
        Family::Hkdf => p.hkdf.is_some(),
        #[cfg(feature = "scrypt")]
        Family::Scrypt => p.scrypt.is_some(),
        #[cfg(feature = "rsa")]
        Family::Rsa => p.rsa.is_some(),
        #[cfg(feature = "ec")]
        Family::Ec => p.ec.is_some(),
        #[cfg(feature = "dsa")]
        Family::Dsa => p.dsa.is_some(),
        #[cfg(feature = "dh")]
        Family::Dh => p.dh.is_some(),
        #[allow(unreachable_patterns)]
        _ => false,
    }
}

/// The capability rows of `p`'s part for `family` (empty without a part).
fn rows_of<'p>(p: &'p Provider<'_>, family: Family) -> &'p [Capability] {
    let rows: Option<&[Capability]> = match family {
        #[cfg(feature = "hash")]
        Family::Hash => p.hash.map(|b| b.hash_capabilities()),
        #[cfg(feature = "hmac")]
        Family::Hmac => p.hmac.map(|b| b.hmac_capabilities()),
        #[cfg(feature = "cmac")]
        Family::Cmac => p.cmac.map(|b| b.cmac_capabilities()),
        #[cfg(feature = "cipher")]
        Family::Cipher => p.cipher.map(|b| b.cipher_capabilities()),
        #[cfg(feature = "cipher")]
        Family::Aead => p.aead.map(|b| b.aead_capabilities()),
        #[cfg(feature = "kdf")]
        Family::Pbkdf2Hmac => p.pbkdf2_hmac.map(|b| b.pbkdf2_hmac_capabilities()),
        #[cfg(feature = "kdf")]
        Family::Hkdf => p.hkdf.map(|b| b.hkdf_capabilities()),
        #[cfg(feature = "scrypt")]
        Family::Scrypt => p.scrypt.map(|b| b.scrypt_capabilities()),
        #[cfg(feature = "rsa")]
        Family::Rsa => p.rsa.map(|b| b.rsa_capabilities()),
        #[cfg(feature = "ec")]
        Family::Ec => p.ec.map(|b| b.elliptic_curve_capabilities()),
        #[cfg(feature = "dsa")]
        Family::Dsa => p.dsa.map(|b| b.dsa_capabilities()),
        #[cfg(feature = "dh")]
        Family::Dh => p.dh.map(|b| b.dh_capabilities()),
        #[allow(unreachable_patterns)]
        _ => None,
    };
    rows.unwrap_or(&[])
}

/// The providers of a composition and their rows: the one thing the family impls below need,
/// so each family's routing is written once for [`Provider`], [`MultiBackend`] and
/// [`Restricted`].
trait Composition<'a> {
    /// The providers, in the order calls try them.
    fn parts(&self) -> &[Provider<'a>];
    /// The rows the composition answers `*_capabilities` with.
    fn rows(&self, family: Family) -> &[Capability];
    /// The rows a call may be routed to `part` by.
    fn part_rows<'s>(&'s self, part: &'s Provider<'a>, family: Family) -> &'s [Capability] {
        rows_of(part, family)
    }
    /// Whether a call no row accepts still goes to a part (for its own typed error).
    fn falls_back(&self) -> bool {
        true
    }
    /// Whether the composition, as a provider value, has a part for `family`.
    fn presents(&self, family: Family) -> bool {
        !self.rows(family).is_empty() || self.parts().iter().any(|q| has_part(q, family))
    }

    /// Runs `call` on the part that serves `query`: the first whose rows accept it.
    ///
    /// When no row accepts it, the call still goes to the parts in order (unless the composition
    /// restricts its rows, see [`Composition::falls_back`]), and the first answer that is not
    /// `Unsupported` is returned: a wrong key size is the `InvalidKey` of a provider that has the
    /// algorithm at other sizes, not `Unsupported`. Only this error path may call more than one
    /// provider. Without any part, `missing`.
    fn dispatch<T: ?Sized + 'a, R>(
        &self,
        family: Family,
        part: impl Fn(&Provider<'a>) -> Option<&'a T>,
        query: &Query,
        missing: Error,
        call: impl Fn(&'a T) -> Result<R>,
    ) -> Result<R> {
        let parts = || {
            self.parts()
                .iter()
                .filter_map(|p| Some((self.part_rows(p, family), part(p)?)))
        };
        if let Some((_, serving)) = parts().find(|(rows, _)| supports(rows, query)) {
            return call(serving);
        }
        if !self.falls_back() {
            return Err(missing);
        }
        let mut unsupported = None;
        for (_, candidate) in parts() {
            match call(candidate) {
                Err(e @ Error::Unsupported { .. }) => {
                    unsupported.get_or_insert(e);
                }
                answer => return answer,
            }
        }
        Err(unsupported.unwrap_or(missing))
    }
}

impl<'a> Composition<'a> for Provider<'a> {
    fn parts(&self) -> &[Provider<'a>] {
        core::slice::from_ref(self)
    }
    fn rows(&self, family: Family) -> &[Capability] {
        rows_of(self, family)
    }
}

impl<'a> Composition<'a> for MultiBackend<'a> {
    fn parts(&self) -> &[Provider<'a>] {
        &self.providers
    }
    fn rows(&self, family: Family) -> &[Capability] {
        &self.rows[family as usize]
    }
}

impl<'a> Composition<'a> for Restricted<'a> {
    fn parts(&self) -> &[Provider<'a>] {
        core::slice::from_ref(&self.inner)
    }
    fn rows(&self, family: Family) -> &[Capability] {
        &self.rows[family as usize]
    }
    fn part_rows<'s>(&'s self, _: &'s Provider<'a>, family: Family) -> &'s [Capability] {
        &self.rows[family as usize]
    }
    fn falls_back(&self) -> bool {
        false
    }
    fn presents(&self, family: Family) -> bool {
        !self.rows(family).is_empty()
    }
}

/// A provider restricted to some of its capability rows: a policy (only the algorithms an
/// organisation allows) or a stand-in for a partial provider. Calls outside the rows answer
/// `Unsupported`; calls inside go to the inner provider.
///
/// ```
/// use backend::capability::{Algorithm, Capability};
/// use backend::{HashAlgorithm, HashBackend, Provider, Restricted};
///
/// let sha256_only = Restricted::new(
///     Provider::RUSTCRYPTO,
///     &[Capability::new(Algorithm::Hash(HashAlgorithm::Sha256))],
/// );
/// assert!(sha256_only.hash_supported(HashAlgorithm::Sha256));
/// assert!(sha256_only.hash(HashAlgorithm::Sha1, b"").is_err());
/// ```
pub struct Restricted<'a> {
    inner: Provider<'a>,
    rows: [Vec<Capability>; Family::COUNT],
}

impl<'a> Restricted<'a> {
    /// `inner`, offering only what `rows` list (rows of any family, in any order).
    pub fn new(inner: Provider<'a>, rows: &[Capability]) -> Self {
        let rows = Family::ALL.map(|family| {
            rows.iter()
                .filter(|row| Family::of(&row.algorithm) == Some(family))
                .copied()
                .collect()
        });
        Restricted { inner, rows }
    }

    /// This restriction as a provider value named `name`, to list in a [`MultiBackend`].
    pub fn provider(&self, name: &'static str) -> Provider<'_> {
        provider_of!(self, name)
    }
}

macro_rules! compose_families {
    ($($ty:ident),*) => {$(
        #[cfg(feature = "hash")]
        impl HashBackend for $ty<'_> {
            type HashCtx = alloc::boxed::Box<dyn DynHashContext>;

            fn hash_capabilities(&self) -> &[Capability] {
                self.rows(Family::Hash)
            }

            fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Self::HashCtx> {
                self.hash_call(algorithm, |b| b.create_hash_ctx(algorithm))
            }

            fn hash(&self, algorithm: HashAlgorithm, data: &[u8]) -> Result<HashOutput> {
                self.hash_call(algorithm, |b| b.hash(algorithm, data))
            }
        }

        #[cfg(feature = "hash")]
        impl<'a> $ty<'a> {
            fn hash_call<R>(
                &self,
                algorithm: HashAlgorithm,
                call: impl Fn(&'a dyn DynHashBackend) -> Result<R>,
            ) -> Result<R> {
                self.dispatch(
                    Family::Hash,
                    |p| p.hash,
                    &hash_query(algorithm),
                    Error::unsupported(Reason::Hash, algorithm.name()),
                    call,
                )
            }
        }

        #[cfg(feature = "hmac")]
        impl HmacBackend for $ty<'_> {
            type HmacCtx = alloc::boxed::Box<dyn DynMacContext>;

            fn hmac_capabilities(&self) -> &[Capability] {
                self.rows(Family::Hmac)
            }

            fn create_hmac_ctx(&self, key: &[u8], algorithm: HashAlgorithm) -> Result<Self::HmacCtx> {
                self.dispatch(
                    Family::Hmac,
                    |p| p.hmac,
                    &hmac_query(algorithm),
                    Error::unsupported(Reason::Hash, algorithm.name()),
                    |b| b.create_hmac_ctx(key, algorithm),
                )
            }
        }

        #[cfg(feature = "cmac")]
        impl CmacBackend for $ty<'_> {
            type CmacCtx = alloc::boxed::Box<dyn DynMacContext>;

            fn cmac_capabilities(&self) -> &[Capability] {
                self.rows(Family::Cmac)
            }

            fn create_cmac_ctx(&self, algorithm: &CipherAlgorithm<'_>) -> Result<Self::CmacCtx> {
                self.dispatch(
                    Family::Cmac,
                    |p| p.cmac,
                    &cmac_query(algorithm),
                    Error::unsupported(Reason::Mac, algorithm.name()),
                    |b| b.create_cmac_ctx(algorithm),
                )
            }
        }

        #[cfg(feature = "cipher")]
        impl CipherBackend for $ty<'_> {
            type EncryptionCtx = alloc::boxed::Box<dyn DynEncryptionContext>;
            type DecryptionCtx = alloc::boxed::Box<dyn DynDecryptionContext>;

            fn cipher_capabilities(&self) -> &[Capability] {
                self.rows(Family::Cipher)
            }

            fn create_symmetric_encryption_ctx(
                &self,
                cipher: &CipherAlgorithm<'_>,
                mode: &Mode<'_>,
            ) -> Result<Self::EncryptionCtx> {
                self.cipher_call(cipher, mode, |b| b.create_symmetric_encryption_ctx(cipher, mode))
            }

            fn create_symmetric_decryption_ctx(
                &self,
                cipher: &CipherAlgorithm<'_>,
                mode: &Mode<'_>,
            ) -> Result<Self::DecryptionCtx> {
                self.cipher_call(cipher, mode, |b| b.create_symmetric_decryption_ctx(cipher, mode))
            }
        }

        #[cfg(feature = "cipher")]
        impl<'a> $ty<'a> {
            fn cipher_call<R>(
                &self,
                cipher: &CipherAlgorithm<'_>,
                mode: &Mode<'_>,
                call: impl Fn(&'a dyn DynCipherBackend) -> Result<R>,
            ) -> Result<R> {
                self.dispatch(
                    Family::Cipher,
                    |p| p.cipher,
                    &cipher_query(cipher, mode),
                    Error::unsupported(Reason::Cipher, cipher.name()),
                    call,
                )
            }
        }

        #[cfg(feature = "cipher")]
        impl AeadBackend for $ty<'_> {
            type AeadKey = alloc::boxed::Box<dyn DynAeadKey>;

            fn aead_capabilities(&self) -> &[Capability] {
                self.rows(Family::Aead)
            }

            fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<Self::AeadKey> {
                self.dispatch(
                    Family::Aead,
                    |p| p.aead,
                    &aead_query(aead, key.len(), None),
                    Error::unsupported(Reason::Cipher, aead.name()),
                    |b| b.create_aead_key(aead, key),
                )
            }
        }

        #[cfg(feature = "kdf")]
        impl Pbkdf2HmacBackend for $ty<'_> {
            fn pbkdf2_hmac_capabilities(&self) -> &[Capability] {
                self.rows(Family::Pbkdf2Hmac)
            }

            fn derive_pbkdf2_hmac_into(
                &self,
                algorithm: HashAlgorithm,
                salt: &[u8],
                iterations: u32,
                key_material: &[u8],
                out: &mut [u8],
            ) -> Result<()> {
                // One part is called with `out` at a time; the error path may try the next.
                let out = core::cell::RefCell::new(out);
                self.dispatch(
                    Family::Pbkdf2Hmac,
                    |p| p.pbkdf2_hmac,
                    &pbkdf2_hmac_query(algorithm),
                    Error::unsupported(Reason::Hash, algorithm.name()),
                    |b| {
                        b.derive_pbkdf2_hmac_into(
                            algorithm,
                            salt,
                            iterations,
                            key_material,
                            &mut out.borrow_mut(),
                        )
                    },
                )
            }
        }

        #[cfg(feature = "kdf")]
        impl HkdfBackend for $ty<'_> {
            fn hkdf_capabilities(&self) -> &[Capability] {
                self.rows(Family::Hkdf)
            }

            fn hkdf_extract_into(
                &self,
                algorithm: HashAlgorithm,
                salt: &[u8],
                key_material: &[u8],
                prk: &mut [u8],
            ) -> Result<()> {
                let prk = core::cell::RefCell::new(prk);
                self.hkdf_call(algorithm, |b| {
                    b.hkdf_extract_into(algorithm, salt, key_material, &mut prk.borrow_mut())
                })
            }

            fn hkdf_expand_into(
                &self,
                algorithm: HashAlgorithm,
                prk: &[u8],
                info: &[u8],
                out: &mut [u8],
            ) -> Result<()> {
                let out = core::cell::RefCell::new(out);
                self.hkdf_call(algorithm, |b| {
                    b.hkdf_expand_into(algorithm, prk, info, &mut out.borrow_mut())
                })
            }
        }

        #[cfg(feature = "kdf")]
        impl<'a> $ty<'a> {
            fn hkdf_call(
                &self,
                algorithm: HashAlgorithm,
                call: impl Fn(&'a dyn DynHkdfBackend) -> Result<()>,
            ) -> Result<()> {
                self.dispatch(
                    Family::Hkdf,
                    |p| p.hkdf,
                    &hkdf_query(algorithm),
                    Error::unsupported(Reason::Hash, algorithm.name()),
                    call,
                )
            }
        }

        #[cfg(feature = "scrypt")]
        impl ScryptBackend for $ty<'_> {
            fn scrypt_capabilities(&self) -> &[Capability] {
                self.rows(Family::Scrypt)
            }

            fn scrypt_memory_limit(&self) -> u64 {
                self.scrypt_call(|b| Ok(b.scrypt_memory_limit())).unwrap_or(0)
            }

            fn scrypt_cost_limit(&self) -> u64 {
                self.scrypt_call(|b| Ok(b.scrypt_cost_limit())).unwrap_or(0)
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
                let out = core::cell::RefCell::new(out);
                self.scrypt_call(|b| {
                    b.derive_scrypt_into(key_material, salt, n, r, p, &mut out.borrow_mut())
                })
            }
        }

        #[cfg(feature = "scrypt")]
        impl<'a> $ty<'a> {
            fn scrypt_call<R>(&self, call: impl Fn(&'a dyn DynScryptBackend) -> Result<R>) -> Result<R> {
                self.dispatch(
                    Family::Scrypt,
                    |p| p.scrypt,
                    &scrypt_query(),
                    Error::unsupported(Reason::Kdf, "scrypt"),
                    call,
                )
            }
        }

        #[cfg(feature = "rsa")]
        impl RsaBackend for $ty<'_> {
            fn rsa_capabilities(&self) -> &[Capability] {
                self.rows(Family::Rsa)
            }

            fn generate_rsa_private_key_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                public_exponent: u64,
                key_size: usize,
            ) -> Result<alloc::boxed::Box<dyn RsaPrivateKey>> {
                let rng = core::cell::RefCell::new(rng);
                self.rsa_call(&rsa_key_generation_query(public_exponent, key_size), |b| {
                    b.generate_rsa_private_key_with_rng(*rng.borrow_mut(), public_exponent, key_size)
                })
            }

            fn load_rsa_private_numbers(
                &self,
                numbers: &RsaPrivateNumbers,
            ) -> Result<alloc::boxed::Box<dyn RsaPrivateKey>> {
                self.rsa_call(&rsa_keys_query(&numbers.public_numbers), |b| {
                    b.load_rsa_private_numbers(numbers)
                })
            }

            fn load_rsa_public_numbers(
                &self,
                numbers: &RsaPublicNumbers,
            ) -> Result<alloc::boxed::Box<dyn RsaPublicKey>> {
                self.rsa_call(&rsa_keys_query(numbers), |b| b.load_rsa_public_numbers(numbers))
            }
        }

        #[cfg(feature = "rsa")]
        impl<'a> $ty<'a> {
            fn rsa_call<R>(
                &self,
                query: &Query,
                call: impl Fn(&'a dyn RsaBackend) -> Result<R>,
            ) -> Result<R> {
                self.dispatch(
                    Family::Rsa,
                    |p| p.rsa,
                    query,
                    Error::unsupported(Reason::PublicKeyAlgorithm, "RSA"),
                    call,
                )
            }
        }

        #[cfg(feature = "ec")]
        impl EllipticCurveBackend for $ty<'_> {
            type PrivateKey = alloc::boxed::Box<dyn EcPrivateKey>;
            type PublicKey = alloc::boxed::Box<dyn EcPublicKey>;

            fn elliptic_curve_capabilities(&self) -> &[Capability] {
                self.rows(Family::Ec)
            }

            fn generate_elliptic_curve_private_key_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                curve: EllipticCurve,
            ) -> Result<Self::PrivateKey> {
                let rng = core::cell::RefCell::new(rng);
                self.ec_call(curve, |b| {
                    b.generate_elliptic_curve_private_key_with_rng(*rng.borrow_mut(), curve)
                })
            }

            fn load_elliptic_curve_private_numbers(
                &self,
                numbers: &EcPrivateNumbers,
            ) -> Result<Self::PrivateKey> {
                self.ec_call(numbers.public_numbers.curve, |b| {
                    b.load_elliptic_curve_private_numbers(numbers)
                })
            }

            fn load_elliptic_curve_public_numbers(
                &self,
                numbers: &EcPublicNumbers,
            ) -> Result<Self::PublicKey> {
                self.ec_call(numbers.curve, |b| b.load_elliptic_curve_public_numbers(numbers))
            }

            fn load_elliptic_curve_public_bytes(
                &self,
                curve: EllipticCurve,
                encoded_point: &[u8],
            ) -> Result<Self::PublicKey> {
                self.ec_call(curve, |b| b.load_elliptic_curve_public_bytes(curve, encoded_point))
            }

            fn derive_elliptic_curve_private_key(
                &self,
                private_value: &[u8],
                curve: EllipticCurve,
            ) -> Result<Self::PrivateKey> {
                self.ec_call(curve, |b| b.derive_elliptic_curve_private_key(private_value, curve))
            }
        }

        #[cfg(feature = "ec")]
        impl<'a> $ty<'a> {
            fn ec_call<R>(
                &self,
                curve: EllipticCurve,
                call: impl Fn(&'a dyn DynEllipticCurveBackend) -> Result<R>,
            ) -> Result<R> {
                self.dispatch(
                    Family::Ec,
                    |p| p.ec,
                    &ec_key_query(curve),
                    Error::unsupported(Reason::EllipticCurve, curve.name()),
                    call,
                )
            }
        }

        #[cfg(feature = "dsa")]
        impl DsaBackend for $ty<'_> {
            fn dsa_capabilities(&self) -> &[Capability] {
                self.rows(Family::Dsa)
            }

            fn generate_dsa_parameters_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                key_size: usize,
            ) -> Result<alloc::boxed::Box<dyn DsaParameters>> {
                let rng = core::cell::RefCell::new(rng);
                self.dsa_call(&dsa_parameter_generation_query(key_size), |b| {
                    b.generate_dsa_parameters_with_rng(*rng.borrow_mut(), key_size)
                })
            }

            fn generate_dsa_private_key_and_parameters_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                key_size: usize,
            ) -> Result<alloc::boxed::Box<dyn DsaPrivateKey>> {
                let rng = core::cell::RefCell::new(rng);
                self.dsa_call(&dsa_parameter_generation_query(key_size), |b| {
                    b.generate_dsa_private_key_and_parameters_with_rng(*rng.borrow_mut(), key_size)
                })
            }

            fn load_dsa_parameter_numbers(
                &self,
                numbers: &DsaParameterNumbers,
            ) -> Result<alloc::boxed::Box<dyn DsaParameters>> {
                self.dsa_call(&dsa_parameters_query(numbers), |b| {
                    b.load_dsa_parameter_numbers(numbers)
                })
            }

            fn load_dsa_private_numbers(
                &self,
                numbers: &DsaPrivateNumbers,
            ) -> Result<alloc::boxed::Box<dyn DsaPrivateKey>> {
                let query = dsa_parameters_query(&numbers.public_numbers.parameter_numbers);
                self.dsa_call(&query, |b| b.load_dsa_private_numbers(numbers))
            }

            fn load_dsa_public_numbers(
                &self,
                numbers: &DsaPublicNumbers,
            ) -> Result<alloc::boxed::Box<dyn DsaPublicKey>> {
                self.dsa_call(&dsa_parameters_query(&numbers.parameter_numbers), |b| {
                    b.load_dsa_public_numbers(numbers)
                })
            }
        }

        #[cfg(feature = "dh")]
        impl DhBackend for $ty<'_> {
            fn dh_capabilities(&self) -> &[Capability] {
                self.rows(Family::Dh)
            }

            fn dh_parameters_supported(&self, p: &[u8], g: &[u8], q: Option<&[u8]>) -> bool {
                let numbers = DhParameterNumbers::new(p, g, q);
                self.dh_call(&dh_keys_query(numbers.key_size()), |b| {
                    Ok(b.dh_parameters_supported(p, g, q))
                })
                .unwrap_or(false)
            }

            fn dh_x942_serialization_supported(&self) -> bool {
                // True only when every provider a DH call can go to serializes X9.42.
                let parts = self.parts().iter().filter_map(|p| p.dh);
                let mut any = false;
                for part in parts {
                    if !part.dh_x942_serialization_supported() {
                        return false;
                    }
                    any = true;
                }
                any
            }

            fn generate_dh_parameters_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                generator: u64,
                key_size: usize,
            ) -> Result<alloc::boxed::Box<dyn DhParameters>> {
                let rng = core::cell::RefCell::new(rng);
                self.dh_call(&dh_parameter_generation_query(generator, key_size), |b| {
                    b.generate_dh_parameters_with_rng(*rng.borrow_mut(), generator, key_size)
                })
            }

            fn generate_dh_private_key_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                parameters: &dyn DhParameters,
            ) -> Result<alloc::boxed::Box<dyn DhPrivateKey>> {
                // The parameters carry their implementation, as keys do.
                parameters.generate_private_key_with_rng(rng)
            }

            fn load_dh_private_numbers(
                &self,
                numbers: &DhPrivateNumbers,
            ) -> Result<alloc::boxed::Box<dyn DhPrivateKey>> {
                let size = numbers.public_numbers.parameter_numbers.key_size();
                self.dh_call(&dh_keys_query(size), |b| b.load_dh_private_numbers(numbers))
            }

            fn load_dh_public_numbers(
                &self,
                numbers: &DhPublicNumbers,
            ) -> Result<alloc::boxed::Box<dyn DhPublicKey>> {
                let size = numbers.parameter_numbers.key_size();
                self.dh_call(&dh_keys_query(size), |b| b.load_dh_public_numbers(numbers))
            }

            fn load_dh_parameter_numbers(
                &self,
                numbers: &DhParameterNumbers,
            ) -> Result<alloc::boxed::Box<dyn DhParameters>> {
                self.dh_call(&dh_keys_query(numbers.key_size()), |b| {
                    b.load_dh_parameter_numbers(numbers)
                })
            }
        }

        #[cfg(feature = "dsa")]
        impl<'a> $ty<'a> {
            fn dsa_call<R>(
                &self,
                query: &Query,
                call: impl Fn(&'a dyn DsaBackend) -> Result<R>,
            ) -> Result<R> {
                self.dispatch(
                    Family::Dsa,
                    |p| p.dsa,
                    query,
                    Error::unsupported(Reason::PublicKeyAlgorithm, "DSA"),
                    call,
                )
            }
        }

        #[cfg(feature = "dh")]
        impl<'a> $ty<'a> {
            fn dh_call<R>(
                &self,
                query: &Query,
                call: impl Fn(&'a dyn DhBackend) -> Result<R>,
            ) -> Result<R> {
                self.dispatch(
                    Family::Dh,
                    |p| p.dh,
                    query,
                    Error::unsupported(Reason::DiffieHellman, "Diffie-Hellman"),
                    call,
                )
            }
        }
    )*};
}

compose_families!(Provider, MultiBackend, Restricted);

/// A provider builds the keys the PEM / DER loaders decode with its own `load_*_numbers`: a key
/// loaded through a token's provider is the token's key.
#[cfg(feature = "serialization")]
impl backend_serialization::KeySource for Provider<'_> {
    fn key_loaders(&self) -> backend_serialization::KeyLoaders<'_> {
        backend_serialization::KeyLoaders {
            #[cfg(feature = "rsa")]
            rsa: self.rsa,
            #[cfg(feature = "ec")]
            ec: self.ec,
            #[cfg(feature = "dsa")]
            dsa: self.dsa,
            #[cfg(feature = "dh")]
            dh: self.dh,
            ..Default::default()
        }
    }
}

/// Loading through a composition routes each key's numbers as every other call is routed.
#[cfg(feature = "serialization")]
impl backend_serialization::KeySource for MultiBackend<'_> {
    fn key_loaders(&self) -> backend_serialization::KeyLoaders<'_> {
        backend_serialization::KeyLoaders {
            #[cfg(feature = "rsa")]
            rsa: Some(self),
            #[cfg(feature = "ec")]
            ec: Some(self),
            #[cfg(feature = "dsa")]
            dsa: Some(self),
            #[cfg(feature = "dh")]
            dh: Some(self),
            ..Default::default()
        }
    }
}

#[cfg(feature = "ring")]
impl Provider<'static> {
    /// The provider over `ring` 0.17 ([`backend_ring::Ring`], feature `ring`): hashes, HMAC,
    /// PBKDF2, HKDF, the one-shot AEADs, EC and RSA, each part answering only what ring runs
    /// (its rows); no CMAC, streaming cipher or scrypt part. List it before
    /// [`Provider::RUSTCRYPTO`] in a [`MultiBackend`] so ring serves what it has and RustCrypto the
    /// rest; see `docs/choosing-a-provider.md`.
    pub const RING: Provider<'static> = Provider {
        name: "ring",
        #[cfg(feature = "hash")]
        hash: Some(&backend_ring::Ring),
        #[cfg(feature = "hmac")]
        hmac: Some(&backend_ring::Ring),
        #[cfg(feature = "cmac")]
        cmac: None,
        #[cfg(feature = "cipher")]
        cipher: None,
        #[cfg(feature = "cipher")]
        aead: Some(&backend_ring::Ring),
        #[cfg(feature = "kdf")]
        pbkdf2_hmac: Some(&backend_ring::Ring),
        #[cfg(feature = "kdf")]
        hkdf: Some(&backend_ring::Ring),
        #[cfg(feature = "scrypt")]
        scrypt: None,
        #[cfg(feature = "rsa")]
        rsa: Some(&backend_ring::Ring),
        #[cfg(feature = "ec")]
        ec: Some(&backend_ring::Ring),
        #[cfg(feature = "dsa")]
        dsa: None,
        #[cfg(feature = "dh")]
        dh: None,
    };
}
