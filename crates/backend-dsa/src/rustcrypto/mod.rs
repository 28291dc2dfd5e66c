//! The RustCrypto provider's DSA: arithmetic of its own on `crypto-bigint` (the private module
//! `arith` says why: the `dsa` crate signs at ~0.07x and verifies at ~0.03x OpenSSL here), FIPS
//! 186-4 parameter generation (module `paramgen`), RFC 6979 nonces hedged with fresh randomness.
//!
//! Per set of parameters: the Montgomery parameters of `p` and `q`, a fixed-base table of `g` for
//! constant-time signing and key generation, and a comb of `g` for verification; per public key a
//! comb of `y`.

mod arith;
mod paramgen;

use crate::numbers::{Y_FROM_X_RULE, Y_ORDER_RULE, public_u256, secret_scalar, trimmed};
use crate::{
    DsaBackend, DsaParameterNumbers, DsaParameters, DsaPrivateKey, DsaPrivateNumbers, DsaPublicKey,
    DsaPublicNumbers, Error, HashAlgorithm, MessageHash, RandomSource, Reason, Result, RustCrypto,
    check_prehashed_len, encode_dss_signature,
};
use alloc::boxed::Box;
use alloc::sync::Arc;
use alloc::vec::Vec;
use arith::Group;
use backend_core::capability::{Algorithm, Capability, HashSet, Sizes};
use core::fmt;
use crypto_bigint::modular::BoxedMontyForm;
use crypto_bigint::{BoxedUint, CtEq, U256};
use digest::Digest;
use digest::block_api::BlockSizeUser;
use zeroize::Zeroizing;

/// The hashes DSA signs over here: every fixed-output hash with a digest type in
/// [`with_digest`] (SHA-1, SHA-2, SHA-3). RFC 6979 builds its HMAC-DRBG on the hash as a type.
const DSA_HASHES: HashSet = HashSet::SIGNATURE;

/// The RustCrypto provider's DSA rows: generation at 1024, 2048 and 3072 bits (N = 160, 224,
/// 256), loading at 1024 to 4096 bits with each N, signatures over [`HashSet::SIGNATURE`].
pub const DSA_CAPABILITIES: &[Capability] = &[
    Capability::new(Algorithm::DsaParameterGeneration).key_bits(Sizes::range(1024, 3072, 1024)),
    Capability::new(Algorithm::DsaKeys { subgroup_bits: 160 })
        .key_bits(Sizes::range(1024, 4096, 1024)),
    Capability::new(Algorithm::DsaKeys { subgroup_bits: 224 })
        .key_bits(Sizes::range(1024, 4096, 1024)),
    Capability::new(Algorithm::DsaKeys { subgroup_bits: 256 })
        .key_bits(Sizes::range(1024, 4096, 1024)),
    Capability::new(Algorithm::DsaSignature).hashes(DSA_HASHES),
];

/// The subgroup size generated for a modulus size (FIPS 186-4 §4.2, the sizes of issue 13).
fn subgroup_bits_for(key_size: usize) -> Option<u32> {
    match key_size {
        1024 => Some(160),
        2048 => Some(224),
        3072 => Some(256),
        _ => None,
    }
}

impl DsaBackend for RustCrypto {
    fn dsa_capabilities(&self) -> &[Capability] {
        DSA_CAPABILITIES
    }

    fn generate_dsa_parameters_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        key_size: usize,
    ) -> Result<Box<dyn DsaParameters>> {
        Ok(Box::new(RustCryptoDsaParameters::generate(rng, key_size)?))
    }

    fn load_dsa_parameter_numbers(
        &self,
        numbers: &DsaParameterNumbers,
    ) -> Result<Box<dyn DsaParameters>> {
        Ok(Box::new(RustCryptoDsaParameters::from_numbers(numbers)?))
    }

    fn load_dsa_private_numbers(
        &self,
        numbers: &DsaPrivateNumbers,
    ) -> Result<Box<dyn DsaPrivateKey>> {
        Ok(Box::new(RustCryptoDsaPrivateKey::from_numbers(numbers)?))
    }

    fn load_dsa_public_numbers(&self, numbers: &DsaPublicNumbers) -> Result<Box<dyn DsaPublicKey>> {
        Ok(Box::new(RustCryptoDsaPublicKey::from_numbers(numbers)?))
    }
}

/// In-memory DSA parameters: the group with its Montgomery parameters and the fixed-base table of
/// `g`, shared (reference-counted) with every key generated from them.
#[derive(Clone)]
pub struct RustCryptoDsaParameters {
    group: Arc<Group>,
}

impl RustCryptoDsaParameters {
    /// Parameters from their numbers, after their checks and `g^q mod p = 1`.
    pub fn from_numbers(numbers: &DsaParameterNumbers) -> Result<Self> {
        Ok(RustCryptoDsaParameters {
            group: Arc::new(Group::new(numbers, true)?),
        })
    }

    /// New parameters with a `key_size`-bit modulus (1024, 2048 or 3072; N = 160, 224, 256):
    /// FIPS 186-4 A.1.1.2 probable primes from a SHA-256 seed, and A.2.1 for `g`.
    pub fn generate(rng: &mut dyn RandomSource, key_size: usize) -> Result<Self> {
        let n = subgroup_bits_for(key_size).ok_or(Error::InvalidArgument(
            "DSA key_size must be 1024, 2048 or 3072 bits",
        ))?;
        let numbers = paramgen::generate(rng, key_size as u32, n)?;
        Self::from_numbers(&numbers)
    }
}

impl fmt::Debug for RustCryptoDsaParameters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RustCryptoDsaParameters({:?})", self.group.numbers)
    }
}

impl DsaParameters for RustCryptoDsaParameters {
    fn parameter_numbers(&self) -> DsaParameterNumbers {
        self.group.numbers.clone()
    }

    fn generate_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
    ) -> Result<Box<dyn DsaPrivateKey>> {
        Ok(Box::new(RustCryptoDsaPrivateKey::generate(
            &self.group,
            rng,
        )?))
    }
}

/// An in-memory DSA public key: `y` in Montgomery form, with its group.
#[derive(Clone)]
pub struct RustCryptoDsaPublicKey {
    group: Arc<Group>,
    y: BoxedMontyForm,
    /// The comb of `y` (see [`arith::Comb`]): verification in 64 squarings for a 256-bit `q`.
    y_comb: arith::Comb,
    y_bytes: Vec<u8>,
}

impl RustCryptoDsaPublicKey {
    /// A public key from its numbers, after their checks, `g^q mod p = 1` and `y^q mod p = 1`.
    pub fn from_numbers(numbers: &DsaPublicNumbers) -> Result<Self> {
        numbers.check()?;
        let group = Group::new(&numbers.parameter_numbers, false)?;
        let key = Self::in_group(Arc::new(group), &numbers.y)?;
        let yq = key.group.comb_pow_vartime(&[(&key.y_comb, &key.group.q)]);
        if !yq.retrieve().is_one().to_bool() {
            return Err(Error::InvalidArgument(Y_ORDER_RULE));
        }
        Ok(key)
    }

    fn in_group(group: Arc<Group>, y: &[u8]) -> Result<Self> {
        let y_int = BoxedUint::from_be_slice(y, group.p.bits_precision())
            .map_err(|_| Error::InvalidArgument(crate::Y_RANGE_RULE))?;
        let y_form = BoxedMontyForm::new(y_int, &group.p);
        Ok(RustCryptoDsaPublicKey {
            y_comb: group.comb(&y_form),
            y: y_form,
            y_bytes: trimmed(y).into(),
            group,
        })
    }

    /// Verification of `(r, s)` against the digest `h` (FIPS 186-4 §4.7), variable time: every
    /// value is public.
    fn verify_digest(&self, signature: &[u8], h: &[u8]) -> Result<()> {
        let g = &*self.group;
        let (r, s) = backend_core::dss::decode(signature)?;
        let (Some(r), Some(s)) = (public_u256(r), public_u256(s)) else {
            return Err(Error::InvalidSignature);
        };
        let in_range = |v: &U256| !bool::from(v.is_zero()) && v < &g.q;
        if !in_range(&r) || !in_range(&s) {
            return Err(Error::InvalidSignature);
        }
        let w = g
            .scalar(&s)
            .invert_vartime()
            .into_option()
            .ok_or(Error::InvalidSignature)?;
        let z = reduce(arith::bits2int(h, g.q_bits), &g.q);
        let u1 = (g.scalar(&z) * w).retrieve();
        let u2 = (g.scalar(&r) * w).retrieve();
        let v = g.comb_pow_vartime(&[(&g.g_comb, &u1), (&self.y_comb, &u2)]);
        let v: U256 = v.retrieve().rem_vartime(&g.q_nz);
        if v == r {
            Ok(())
        } else {
            Err(Error::InvalidSignature)
        }
    }
}

impl fmt::Debug for RustCryptoDsaPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RustCryptoDsaPublicKey({:?})", self.group.numbers)
    }
}

impl DsaPublicKey for RustCryptoDsaPublicKey {
    fn key_size(&self) -> usize {
        self.group.key_size()
    }

    fn verify(&self, signature: &[u8], data: &[u8], algorithm: MessageHash) -> Result<()> {
        check_hash(algorithm)?;
        check_prehashed_len(algorithm, data)?;
        with_digest(
            algorithm.algorithm(),
            VerifyJob {
                key: self,
                signature,
                data,
                prehashed: algorithm.is_prehashed(),
            },
        )?
    }

    fn public_numbers(&self) -> DsaPublicNumbers {
        DsaPublicNumbers::new(&self.y_bytes, self.group.numbers.clone())
    }

    fn parameters(&self) -> Result<Box<dyn DsaParameters>> {
        Ok(Box::new(RustCryptoDsaParameters {
            group: self.group.clone(),
        }))
    }
}

/// An in-memory DSA private key: `x` (zeroized on drop), its public key, and the group with its
/// fixed-base table of `g`.
pub struct RustCryptoDsaPrivateKey {
    x: Zeroizing<U256>,
    public: RustCryptoDsaPublicKey,
}

impl RustCryptoDsaPrivateKey {
    /// A private key from its numbers, after their checks, `g^q mod p = 1` and `y = g^x mod p`
    /// (which, with `0 < x < q`, also puts `y` in the subgroup).
    pub fn from_numbers(numbers: &DsaPrivateNumbers) -> Result<Self> {
        numbers.check()?;
        let group = Arc::new(Group::new(&numbers.public_numbers.parameter_numbers, true)?);
        let x = secret_scalar(&numbers.x, &group.q)
            .ok_or(Error::InvalidArgument(crate::X_RANGE_RULE))?;
        let public = RustCryptoDsaPublicKey::in_group(group, &numbers.public_numbers.y)?;
        let y = public.group.pow_g(&x);
        if !y.ct_eq(&public.y).to_bool() {
            return Err(Error::InvalidArgument(Y_FROM_X_RULE));
        }
        Ok(RustCryptoDsaPrivateKey { x, public })
    }

    /// A new key in `group` (FIPS 186-4 B.1.2): `N` random bits until `0 < x < q`, `y = g^x`.
    fn generate(group: &Arc<Group>, rng: &mut dyn RandomSource) -> Result<Self> {
        let group = if group.has_table() {
            group.clone()
        } else {
            Arc::new(group.with_table())
        };
        let len = group.q_len();
        let x = loop {
            let mut buf = Zeroizing::new([0u8; 32]);
            let tail = buf
                .get_mut(32 - len..)
                .ok_or(Error::InvalidArgument(crate::Q_SIZE_RULE))?;
            rng.try_fill(tail)?;
            if let Some(x) = secret_scalar(&buf[..], &group.q) {
                break x;
            }
        };
        let y = group.pow_g(&x).retrieve();
        let y_bytes = Zeroizing::new(y.to_be_bytes());
        let public = RustCryptoDsaPublicKey::in_group(group, &y_bytes)?;
        Ok(RustCryptoDsaPrivateKey { x, public })
    }

    /// [`DsaPrivateKey::sign`] with the fresh randomness of the hedged nonce drawn from `rng` (for
    /// targets without the operating system's generator). [`Error::Device`] when it fails.
    pub fn sign_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        data: &[u8],
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        // An unsupported hash is refused before the generator is asked for anything.
        check_hash(algorithm)?;
        let mut entropy = Zeroizing::new([0u8; 32]);
        let entropy = entropy
            .get_mut(..self.public.group.q_len())
            .ok_or(Error::InvalidArgument(crate::Q_SIZE_RULE))?;
        rng.try_fill(entropy)?;
        self.sign_hedged(data, algorithm, entropy)
    }

    /// A deterministic signature: the RFC 6979 nonce alone (no fresh randomness), the same for
    /// the same key, hash and message (RFC 6979 §3.2).
    pub fn sign_deterministic(&self, data: &[u8], algorithm: MessageHash) -> Result<Vec<u8>> {
        self.sign_hedged(data, algorithm, &[])
    }

    fn sign_hedged(&self, data: &[u8], algorithm: MessageHash, entropy: &[u8]) -> Result<Vec<u8>> {
        check_hash(algorithm)?;
        check_prehashed_len(algorithm, data)?;
        with_digest(
            algorithm.algorithm(),
            SignJob {
                key: self,
                data,
                prehashed: algorithm.is_prehashed(),
                entropy,
            },
        )?
    }

    /// FIPS 186-4 §4.6 over the digest `h`, with the RFC 6979 nonce generator seeded with `x`,
    /// `h` and `entropy` (hedged when `entropy` is fresh randomness). Constant time in `x` and
    /// `k`: `g^k` from the masked fixed-base table, `k^-1` by `crypto-bigint`'s constant-time
    /// inversion, `(g^k mod p) mod q` by its constant-time division.
    fn sign_digest<D: Digest + BlockSizeUser>(&self, h: &[u8], entropy: &[u8]) -> Result<Vec<u8>> {
        let g = &*self.public.group;
        let rlen = g.q_len();
        let x_bytes = Zeroizing::new(self.x.to_be_bytes());
        let x_ref = x_bytes
            .as_ref()
            .get(32 - rlen..)
            .ok_or(Error::InvalidArgument(crate::Q_SIZE_RULE))?;
        let z = g.scalar(&reduce(arith::bits2int(h, g.q_bits), &g.q));
        let x = Zeroizing::new(g.scalar(&self.x));
        let mut nonces = rfc6979::KGenerator::<D, U256>::new(x_ref, h, entropy, &g.q);
        loop {
            let mut k_bytes = Zeroizing::new([0u8; 32]);
            if let Some(k_ref) = k_bytes.get_mut(32 - rlen..) {
                nonces.fill_next_k(k_ref);
            }
            let k = Zeroizing::new(U256::from_be_slice(&k_bytes[..]));
            // g^k mod p and its Montgomery form are zeroized too (hygiene: r is public, g^k is not).
            let gk = Zeroizing::new(g.pow_g(&k));
            let gk = Zeroizing::new(gk.retrieve());
            let r: U256 = gk.rem(&g.q_nz);
            if bool::from(r.is_zero()) {
                continue;
            }
            let Some(k_inv) = Zeroizing::new(g.scalar(&k)).invert().into_option() else {
                continue;
            };
            let k_inv = Zeroizing::new(k_inv);
            let xr_plus_z = Zeroizing::new(z + *x * g.scalar(&r));
            let s = (*k_inv * *xr_plus_z).retrieve();
            if bool::from(s.is_zero()) {
                continue;
            }
            return encode_dss_signature(&r.to_be_bytes(), &s.to_be_bytes());
        }
    }
}

impl fmt::Debug for RustCryptoDsaPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "RustCryptoDsaPrivateKey({:?})",
            self.public.group.numbers
        )
    }
}

impl DsaPrivateKey for RustCryptoDsaPrivateKey {
    fn key_size(&self) -> usize {
        self.public.key_size()
    }

    /// Hedged nonces: RFC 6979 with fresh randomness from the operating system's generator
    /// (feature `getrandom`); without it, [`Error::Unsupported`] (use
    /// [`RustCryptoDsaPrivateKey::sign_with_rng`] or [`RustCryptoDsaPrivateKey::sign_deterministic`]).
    fn sign(&self, data: &[u8], algorithm: MessageHash) -> Result<Vec<u8>> {
        #[cfg(feature = "getrandom")]
        {
            self.sign_with_rng(&mut backend_core::rng::OsRandom, data, algorithm)
        }
        #[cfg(not(feature = "getrandom"))]
        {
            let _ = (data, algorithm);
            Err(Error::unsupported(
                Reason::SignatureAlgorithm,
                "randomized DSA without the getrandom feature (sign_with_rng)",
            ))
        }
    }

    fn public_key(&self) -> Result<Box<dyn DsaPublicKey>> {
        Ok(Box::new(self.public.clone()))
    }

    fn parameters(&self) -> Result<Box<dyn DsaParameters>> {
        self.public.parameters()
    }

    fn private_numbers(&self) -> Result<DsaPrivateNumbers> {
        let x = Zeroizing::new(self.x.to_be_bytes());
        Ok(DsaPrivateNumbers::new(
            trimmed(x.as_ref()),
            self.public.public_numbers(),
        ))
    }
}

/// A hash outside the rows is `Unsupported`, before any other check (a prehashed digest of the
/// wrong length for an unsupported hash is still `Unsupported`, as the rows say).
fn check_hash(algorithm: MessageHash) -> Result<()> {
    if DSA_HASHES.contains(algorithm.algorithm()) {
        Ok(())
    } else {
        Err(Error::unsupported(
            Reason::Hash,
            algorithm.algorithm().name(),
        ))
    }
}

/// `z mod q` for `z < 2^N <= 2q`: one subtraction (public value).
fn reduce(z: U256, q: &U256) -> U256 {
    if &z >= q { z.wrapping_sub(q) } else { z }
}

/// Runs a job generic over the digest type of a hash algorithm (RFC 6979 needs the hash as a
/// type).
trait DigestJob {
    type Output;
    fn run<D: Digest + BlockSizeUser>(self) -> Self::Output;
}

fn with_digest<J: DigestJob>(algorithm: HashAlgorithm, job: J) -> Result<J::Output> {
    Ok(match algorithm {
        HashAlgorithm::Sha1 => job.run::<sha1::Sha1>(),
        HashAlgorithm::Sha224 => job.run::<sha2::Sha224>(),
        HashAlgorithm::Sha256 => job.run::<sha2::Sha256>(),
        HashAlgorithm::Sha384 => job.run::<sha2::Sha384>(),
        HashAlgorithm::Sha512 => job.run::<sha2::Sha512>(),
        HashAlgorithm::Sha512_224 => job.run::<sha2::Sha512_224>(),
        HashAlgorithm::Sha512_256 => job.run::<sha2::Sha512_256>(),
        HashAlgorithm::Sha3_224 => job.run::<sha3::Sha3_224>(),
        HashAlgorithm::Sha3_256 => job.run::<sha3::Sha3_256>(),
        HashAlgorithm::Sha3_384 => job.run::<sha3::Sha3_384>(),
        HashAlgorithm::Sha3_512 => job.run::<sha3::Sha3_512>(),
        other => return Err(Error::unsupported(Reason::Hash, other.name())),
    })
}

struct SignJob<'a> {
    key: &'a RustCryptoDsaPrivateKey,
    data: &'a [u8],
    prehashed: bool,
    entropy: &'a [u8],
}

impl DigestJob for SignJob<'_> {
    type Output = Result<Vec<u8>>;
    fn run<D: Digest + BlockSizeUser>(self) -> Result<Vec<u8>> {
        let digest;
        let h: &[u8] = if self.prehashed {
            self.data
        } else {
            digest = D::digest(self.data);
            &digest
        };
        self.key.sign_digest::<D>(h, self.entropy)
    }
}

struct VerifyJob<'a> {
    key: &'a RustCryptoDsaPublicKey,
    signature: &'a [u8],
    data: &'a [u8],
    prehashed: bool,
}

impl DigestJob for VerifyJob<'_> {
    type Output = Result<()>;
    fn run<D: Digest + BlockSizeUser>(self) -> Result<()> {
        let digest;
        let h: &[u8] = if self.prehashed {
            self.data
        } else {
            digest = D::digest(self.data);
            &digest
        };
        self.key.verify_digest(self.signature, h)
    }
}
