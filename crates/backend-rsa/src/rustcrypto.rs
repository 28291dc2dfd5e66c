//! [`RsaBackend`] for [`RustCrypto`] over the `rsa` crate, beside its capability rows,
//! [`CAPABILITIES`]: keys held in memory, integer arithmetic in constant-time `crypto-bigint`,
//! private operations blinded and checked against a CRT fault, randomness from the caller's
//! [`RandomSource`] (or the operating system's, feature `getrandom`).

mod encoding;

use crate::numbers::{MAX_MODULUS_BITS, bytes, int, secret_int, trimmed};
use crate::{
    AsymmetricPadding, Error, HashAlgorithm, MessageHash, PaddingKind, RandomSource, Reason,
    Result, RsaBackend, RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers,
    RustCrypto, SaltLength, rsa_encryption_query, rsa_key_generation_query, rsa_keys_query,
    rsa_signature_query,
};
use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;
use backend_core::capability::{Algorithm, Capability, HashSet, Query, Sizes, supports};
use backend_core::rng::{FallibleRng, RNG_FAILED};
use core::fmt;
use crypto_bigint::BoxedUint;
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use zeroize::Zeroizing;

/// The one error of every failed decryption (padding, length, range, blinding): callers learn
/// only that it failed.
const DECRYPTION_FAILED: Error = Error::Decryption;

/// Moduli the provider generates, in bits: 1024 (pyca/cryptography's minimum) to the size limit.
const GENERATED: Sizes = Sizes::range(1024, MAX_MODULUS_BITS as u32, 1);
/// Moduli the provider loads and operates with, in bits. Below 512 bits the padding schemes have
/// no room for a SHA-1 digest and the keys are trivially factorable; the upper bound limits the
/// work an untrusted key can cause.
const LOADED: Sizes = Sizes::range(512, MAX_MODULUS_BITS as u32, 1);

/// The hashes of signatures, MGF1 and OAEP labels: every fixed-output hash but BLAKE2, MD5 and
/// SM3, that is SHA-1, SHA-2 and SHA-3. A PKCS#1 v1.5 signature needs the hash's DigestInfo
/// (`encoding::digest_info_prefix` has none for BLAKE2 or SM3); MD5 is left out as it was before
/// the rows (no seed test signs with it), and one set serves every padding.
const HASHES: HashSet = HashSet::SIGNATURE;

/// The rows of [`RustCrypto`]: generation with e = 3 or 65537 from 1024 to 16384 bits, keys
/// loaded from 512 to 16384 bits, PKCS#1 v1.5 and PSS signatures and PKCS#1 v1.5 and OAEP
/// encryption over SHA-1, SHA-2 and SHA-3 (PKCS#1 v1.5 encryption takes no hash). Every check of
/// the calls below asks these rows, so the two cannot disagree.
pub const CAPABILITIES: &[Capability] = &[
    Capability::new(Algorithm::RsaKeyGeneration { public_exponent: 3 }).key_bits(GENERATED),
    Capability::new(Algorithm::RsaKeyGeneration {
        public_exponent: 65537,
    })
    .key_bits(GENERATED),
    Capability::new(Algorithm::RsaKeys).key_bits(LOADED),
    Capability::new(Algorithm::RsaSignature(PaddingKind::Pkcs1v15))
        .key_bits(LOADED)
        .hashes(HASHES),
    Capability::new(Algorithm::RsaSignature(PaddingKind::Pss))
        .key_bits(LOADED)
        .hashes(HASHES),
    Capability::new(Algorithm::RsaEncryption(PaddingKind::Pkcs1v15)).key_bits(LOADED),
    Capability::new(Algorithm::RsaEncryption(PaddingKind::Oaep))
        .key_bits(LOADED)
        .hashes(HASHES),
];

/// `Ok` when the rows accept `query`, else the [`Error::Unsupported`] that names why: the first
/// hash the row for the query's algorithm lacks, else the padding (`name`).
fn check(query: &Query, name: &'static str) -> Result<()> {
    if supports(CAPABILITIES, query) {
        return Ok(());
    }
    let row = CAPABILITIES
        .iter()
        .find(|row| row.algorithm.serves(&query.algorithm));
    let missing_hash = query
        .hashes
        .iter()
        .flatten()
        .find(|hash| row.is_none_or(|row| !row.hashes.contains(**hash)));
    match (row, missing_hash) {
        (Some(_), Some(hash)) => Err(Error::unsupported(Reason::Hash, hash.name())),
        _ => Err(Error::unsupported(Reason::Padding, name)),
    }
}

/// Refuses an encryption padding (an argument error, whatever the rows say), then asks the rows
/// for the signature's exact query: padding, hashes and the key's size.
fn check_signature(
    padding: &AsymmetricPadding<'_>,
    hash: Option<HashAlgorithm>,
    key_size: usize,
) -> Result<()> {
    if let AsymmetricPadding::Oaep(_) = padding {
        return Err(Error::InvalidArgument("OAEP is an encryption padding"));
    }
    let query = rsa_signature_query(padding, hash).key_bits(crate::bits(key_size));
    check(&query, padding.name())
}

/// Refuses a signature padding, then asks the rows for the encryption's exact query.
fn check_encryption(padding: &AsymmetricPadding<'_>, key_size: usize) -> Result<()> {
    if let AsymmetricPadding::Pss(_) = padding {
        return Err(Error::InvalidArgument("PSS is a signature padding"));
    }
    let query = rsa_encryption_query(padding).key_bits(crate::bits(key_size));
    check(&query, padding.name())
}

/// Runs `op` with the operating system's generator: the key methods without an `rng` argument.
/// Without the `getrandom` feature they are [`Error::Unsupported`]; the `*_with_rng` forms work.
fn with_os_random<T>(op: impl FnOnce(&mut dyn RandomSource) -> Result<T>) -> Result<T> {
    #[cfg(feature = "getrandom")]
    {
        op(&mut backend_core::rng::OsRandom)
    }
    #[cfg(not(feature = "getrandom"))]
    {
        let _ = op;
        Err(Error::unsupported(
            Reason::PublicKeyAlgorithm,
            "RSA with the operating system's generator without the getrandom feature \
             (the *_with_rng methods take a generator)",
        ))
    }
}

impl RsaBackend for RustCrypto {
    fn rsa_capabilities(&self) -> &[Capability] {
        CAPABILITIES
    }

    fn generate_rsa_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        Ok(Box::new(RustCryptoRsaPrivateKey::generate_with_rng(
            rng,
            public_exponent,
            key_size,
        )?))
    }

    fn load_rsa_private_numbers(
        &self,
        numbers: &RsaPrivateNumbers,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        Ok(Box::new(RustCryptoRsaPrivateKey::from_numbers(numbers)?))
    }

    fn load_rsa_public_numbers(&self, numbers: &RsaPublicNumbers) -> Result<Box<dyn RsaPublicKey>> {
        Ok(Box::new(RustCryptoRsaPublicKey::from_numbers(numbers)?))
    }
}

/// How a private key stores its primes: the `rsa` crate's storage width policy. Chosen by the
/// caller, never from the primes' sizes (they are secret; `rsa`'s constructor docs ask for a
/// public policy, and no retry of a failed import with the other one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PrimeLayout {
    /// Each prime at half the modulus width (`from_components`): the fast CRT path, for every
    /// key whose primes have at most `ceil(bits(n) / 2)` bits (FIPS 186 keys, generated keys).
    HalfWidth,
    /// Each prime at the modulus width (`from_components_with_wide_primes`), for unbalanced keys.
    Wide,
}

impl RustCryptoRsaPrivateKey {
    /// A new key with a `key_size`-bit modulus and `public_exponent`, its primes drawn from `rng`
    /// ([`RsaBackend::generate_rsa_private_key_with_rng`] without the box).
    /// [`Error::InvalidArgument`] for parameters the rows do not offer (pyca/cryptography's
    /// `ValueError`), [`RNG_FAILED`] when the generator fails: `rsa` 0.10 draws from a fallible
    /// generator and stops at its first failure, so nothing is made from failed draws.
    pub fn generate_with_rng(
        rng: &mut dyn RandomSource,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<Self> {
        if !supports(
            CAPABILITIES,
            &rsa_key_generation_query(public_exponent, key_size),
        ) {
            let exponent_offered = CAPABILITIES
                .iter()
                .any(|row| row.algorithm == Algorithm::RsaKeyGeneration { public_exponent });
            return Err(Error::InvalidArgument(if !exponent_offered {
                "public_exponent must be 3 or 65537"
            } else if key_size < GENERATED.min() as usize {
                "key_size must be at least 1024 bits"
            } else {
                "key_size must be at most 16384 bits"
            }));
        }
        let key = rsa::PrivateKey::new_with_exp(
            &mut FallibleRng(rng),
            key_size,
            BoxedUint::from(public_exponent),
        )
        .map_err(|err| match err {
            rsa::Error::Rng => RNG_FAILED,
            _ => Error::device("RSA key generation failed"),
        })?;
        Ok(RustCryptoRsaPrivateKey { key })
    }

    /// A private key from its numbers ([`RsaBackend::load_rsa_private_numbers`] without the box):
    /// each prime stored at half the modulus width, the fast CRT layout; a key with a prime wider
    /// than that is [`Error::Unsupported`] (see [`Self::from_numbers_with_wide_primes`]).
    pub fn from_numbers(numbers: &RsaPrivateNumbers) -> Result<Self> {
        Self::load_private(numbers, PrimeLayout::HalfWidth)
    }

    /// As [`Self::from_numbers`], storing the primes at the full modulus width: loads keys with
    /// unbalanced primes (one wider than half the modulus), which [`Self::from_numbers`] and
    /// [`RsaBackend::load_rsa_private_numbers`] refuse with [`Error::Unsupported`]. Private
    /// operations are slower with this layout.
    ///
    /// The layout is the caller's choice, made from what the caller knows about where its keys come
    /// from, never from the primes' bit lengths: those are secret, and the `rsa` crate's
    /// constructor docs ask that the storage width be public configuration. Keys with a public
    /// exponent above 2^33 - 1 are not supported with this layout.
    pub fn from_numbers_with_wide_primes(numbers: &RsaPrivateNumbers) -> Result<Self> {
        Self::load_private(numbers, PrimeLayout::Wide)
    }

    fn load_private(numbers: &RsaPrivateNumbers, layout: PrimeLayout) -> Result<Self> {
        // Cheapest rejection first: the public checks and the size limit are comparisons of byte
        // strings; `check` then bounds every component by the modulus before its arithmetic.
        numbers.public_numbers.check()?;
        check_loaded_size(&numbers.public_numbers)?;
        numbers.check()?;
        let n_bytes = trimmed(&numbers.public_numbers.n);
        let n = int(n_bytes);
        let e = int(&numbers.public_numbers.e);
        // The secrets at the modulus's width (public), not at widths read from their values.
        let secret = |value: &[u8]| {
            secret_int(value, n_bytes.len(), n.bits_precision())
                .ok_or(Error::InvalidArgument("p, q and d must be < modulus"))
        };
        let d = secret(&numbers.d)?;
        let primes = vec![
            (*secret(&numbers.p)?).clone(),
            (*secret(&numbers.q)?).clone(),
        ];
        let large_e = e > BoxedUint::from(rsa::PublicKey::MAX_PUB_EXPONENT);
        let key = match (layout, large_e) {
            (PrimeLayout::HalfWidth, false) => {
                rsa::PrivateKey::from_components(n, e, (*d).clone(), primes)
            }
            (PrimeLayout::HalfWidth, true) => {
                rsa::PrivateKey::from_components_with_large_exponent(n, e, (*d).clone(), primes)
            }
            (PrimeLayout::Wide, false) => {
                rsa::PrivateKey::from_components_with_wide_primes(n, e, (*d).clone(), primes)
            }
            (PrimeLayout::Wide, true) => {
                return Err(Error::unsupported(
                    Reason::PublicKeyAlgorithm,
                    "RSA key with wide primes and a public exponent above 2^33 - 1",
                ));
            }
        };
        let key = key.map_err(|err| match err {
            // `check` has established that p and q are distinct, odd and coprime: what is left
            // for `rsa` to refuse as a prime is the half-width bound.
            rsa::Error::InvalidPrime => Error::unsupported(
                Reason::PublicKeyAlgorithm,
                "RSA key with a prime wider than half the modulus \
                 (RustCryptoRsaPrivateKey::from_numbers_with_wide_primes loads it)",
            ),
            _ => Error::InvalidArgument(
                "private_exponent must invert public_exponent modulo lcm(p-1, q-1)",
            ),
        })?;
        Ok(RustCryptoRsaPrivateKey { key })
    }
}

/// The size limit of every loader, from the rows: linear in the modulus's length.
fn check_loaded_size(numbers: &RsaPublicNumbers) -> Result<()> {
    if supports(CAPABILITIES, &rsa_keys_query(numbers)) {
        Ok(())
    } else {
        Err(Error::unsupported(
            Reason::PublicKeyAlgorithm,
            "RSA modulus of fewer than 512 or more than 16384 bits",
        ))
    }
}

/// An RSA private key in memory. Zeroized on drop (by `rsa`). `Debug` prints the key size and a
/// fingerprint of the modulus, never private material.
#[derive(Clone)]
pub struct RustCryptoRsaPrivateKey {
    key: rsa::PrivateKey,
}

/// An RSA public key in memory. `Debug` prints the key size and a fingerprint of the modulus.
#[derive(Clone, PartialEq, Eq)]
pub struct RustCryptoRsaPublicKey {
    key: rsa::PublicKey,
}

impl fmt::Debug for RustCryptoRsaPrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RustCryptoRsaPrivateKey")
            .field("key_size", &RsaPrivateKey::key_size(self))
            .field("n_sha256", &Fingerprint(&self.key))
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for RustCryptoRsaPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RustCryptoRsaPublicKey")
            .field("key_size", &RsaPublicKey::key_size(self))
            .field("n_sha256", &Fingerprint(&self.key))
            .finish()
    }
}

/// The first 8 bytes of SHA-256 over the modulus (big-endian, no leading zeros), in lowercase hex:
/// enough to tell keys apart in a log, and public.
struct Fingerprint<'k, K>(&'k K);

impl<K: PublicKeyParts> fmt::Debug for Fingerprint<'_, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match encoding::digest(HashAlgorithm::Sha256, &[&self.0.n_bytes()]) {
            Ok(digest) => backend_core::hex::write_lower(f, digest.get(..8).unwrap_or_default()),
            Err(_) => f.write_str("unavailable"),
        }
    }
}

impl RustCryptoRsaPrivateKey {
    /// The `rsa` crate's key, for code that needs that crate's API.
    pub fn as_rsa(&self) -> &rsa::PrivateKey {
        &self.key
    }

    /// The in-memory public key.
    pub fn to_public_key(&self) -> RustCryptoRsaPublicKey {
        RustCryptoRsaPublicKey {
            key: self.key.to_public_key(),
        }
    }

    /// [`RsaPrivateKey::sign`] with randomness (PSS salt, blinding) from `rng`; a failing
    /// generator is [`RNG_FAILED`].
    pub fn sign_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        let hash = algorithm.algorithm();
        check_signature(&padding, Some(hash), RsaPrivateKey::key_size(self))?;
        let m_hash = message_digest(data, algorithm)?;
        let k = self.key.size();
        let em = match padding {
            AsymmetricPadding::Pkcs1v15 => encoding::emsa_pkcs1_v15_encode(hash, &m_hash, k)?,
            AsymmetricPadding::Pss(pss) => {
                let em_bits = RsaPrivateKey::key_size(self)
                    .checked_sub(1)
                    .ok_or(Error::InvalidArgument("key too small for PSS"))?;
                let max = encoding::pss_max_salt(em_bits.div_ceil(8), hash)?;
                let salt_len = match pss.salt_length {
                    SaltLength::Explicit(n) => n,
                    SaltLength::DigestLength => hash.digest_size(),
                    SaltLength::Maximum => max,
                    SaltLength::Auto => {
                        return Err(Error::InvalidArgument(
                            "PSS salt length AUTO is for verification only",
                        ));
                    }
                };
                if salt_len > max {
                    return Err(Error::InvalidArgument("PSS salt too long for the key"));
                }
                let mut salt = Zeroizing::new(vec![0u8; salt_len]);
                rng.try_fill(&mut salt)?;
                encoding::emsa_pss_encode(&m_hash, em_bits, &salt, hash, pss.mgf.hash())?
            }
            AsymmetricPadding::Oaep(_) => {
                return Err(Error::InvalidArgument("OAEP is an encryption padding"));
            }
        };
        let signature = self.raw_private(rng, &em).map_err(|err| match err {
            rsa::Error::Rng => RNG_FAILED,
            _ => Error::device("RSA signing failed"),
        })?;
        Ok(signature.to_vec())
    }

    /// [`RsaPrivateKey::decrypt`] with blinding randomness from `rng`. A failing generator is
    /// the same [`Error::Decryption`] as every other failure of the decryption (see below).
    pub fn decrypt_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        check_encryption(&padding, RsaPrivateKey::key_size(self))?;
        match padding {
            AsymmetricPadding::Pkcs1v15 => {
                // Implicit rejection (draft-irtf-cfrg-rsa-guidance §7.2, as `rsa` 0.10 and
                // OpenSSL 3.2+ do it): a ciphertext whose padding is wrong yields a deterministic
                // synthetic message, never an error (see docs/security.md). Ours rather than
                // `rsa`'s, which refuses keys with e > 2^33 - 1. The errors left (length, range,
                // RNG) are public properties of the call, and all the same error.
                let k = self.key.size();
                if ciphertext.len() != k {
                    return Err(DECRYPTION_FAILED);
                }
                let mut em = self
                    .raw_private(rng, ciphertext)
                    .map_err(|_| DECRYPTION_FAILED)?;
                let d = encoding::i2osp(self.key.d(), k).ok_or(DECRYPTION_FAILED)?;
                encoding::rsaes_pkcs1_v15_decode(&mut em, &d, ciphertext)
                    .map_err(|_| DECRYPTION_FAILED)
            }
            AsymmetricPadding::Oaep(oaep) => {
                if ciphertext.len() != self.key.size() {
                    return Err(DECRYPTION_FAILED);
                }
                let mut em = self
                    .raw_private(rng, ciphertext)
                    .map_err(|_| DECRYPTION_FAILED)?;
                encoding::eme_oaep_decode(
                    &mut em,
                    oaep.label,
                    oaep.hash,
                    oaep.mgf.hash(),
                    DECRYPTION_FAILED,
                )
            }
            AsymmetricPadding::Pss(_) => Err(Error::InvalidArgument("PSS is a signature padding")),
        }
    }

    /// RSADP / RSASP1 on `input` (`k` bytes or fewer, below n), blinded and fault-checked; the
    /// result is `k` bytes, encoded at that fixed width in constant time ([`encoding::i2osp`]).
    fn raw_private(
        &self,
        rng: &mut dyn RandomSource,
        input: &[u8],
    ) -> rsa::Result<Zeroizing<Vec<u8>>> {
        let k = self.key.size();
        let c = BoxedUint::from_be_slice(input, self.key.n_bits_precision())?;
        let rng = &mut FallibleRng(rng);
        let m = Zeroizing::new(rsa::hazmat::rsa_decrypt(Some(rng), &self.key, &c)?);
        // The CRT fault check of `rsa_decrypt_and_check`, with the cheaper public exponentiation:
        // a result that does not map back to the input is never released.
        if public_pow(&m, self.key.e(), self.key.n_params()) != c {
            return Err(rsa::Error::Internal);
        }
        encoding::i2osp(&m, k).ok_or(rsa::Error::Internal)
    }
}

impl RsaPrivateKey for RustCryptoRsaPrivateKey {
    fn key_size(&self) -> usize {
        self.key.n().bit_width_vartime() as usize
    }

    /// With the operating system's generator (see [`Self::sign_with_rng`]).
    fn sign(
        &self,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        with_os_random(|rng| self.sign_with_rng(rng, data, padding, algorithm))
    }

    /// With the operating system's generator (see [`Self::decrypt_with_rng`]).
    fn decrypt(
        &self,
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        with_os_random(|rng| self.decrypt_with_rng(rng, ciphertext, padding))
    }

    fn public_key(&self) -> Result<Box<dyn RsaPublicKey>> {
        Ok(Box::new(self.to_public_key()))
    }

    fn private_numbers(&self) -> Result<RsaPrivateNumbers> {
        let key = &self.key;
        let [p, q] = key.primes() else {
            return Err(Error::device("multi-prime RSA key"));
        };
        let d = key.d();
        let dp = key.dp().map(bytes);
        let dq = key.dq().map(bytes);
        let iqmp = key
            .qinv()
            .map(|qinv| bytes(&Zeroizing::new(qinv.retrieve())));
        let (p, q) = (bytes(p.as_ref()), bytes(q.as_ref()));
        // Keys loaded through `from_components` are precomputed; compute the CRT values here for
        // any that are not.
        let dmp1 = match dp {
            Some(dp) => dp,
            None => crate::rsa_crt_dmp1(&bytes(d), &p)?,
        };
        let dmq1 = match dq {
            Some(dq) => dq,
            None => crate::rsa_crt_dmq1(&bytes(d), &q)?,
        };
        let iqmp = match iqmp {
            Some(iqmp) => iqmp,
            None => crate::rsa_crt_iqmp(&p, &q)?,
        };
        Ok(RsaPrivateNumbers {
            p,
            q,
            d: bytes(d),
            dmp1,
            dmq1,
            iqmp,
            public_numbers: public_numbers(key),
        })
    }
}

impl RustCryptoRsaPublicKey {
    /// The `rsa` crate's key, for code that needs that crate's API.
    pub fn as_rsa(&self) -> &rsa::PublicKey {
        &self.key
    }

    /// A public key from its numbers ([`RsaBackend::load_rsa_public_numbers`] without the box).
    pub fn from_numbers(numbers: &RsaPublicNumbers) -> Result<Self> {
        // Both are comparisons of byte strings, linear in their lengths: the exponent is no longer
        // than the modulus, and the modulus within the size limit, before any arithmetic.
        numbers.check()?;
        check_loaded_size(numbers)?;
        // `check` established what `new_unchecked` assumes (n odd, hence non-zero). Exponents above
        // `rsa`'s 2^33 - 1 bound are accepted, as pyca/cryptography accepts them: every operation
        // with them uses our own exponentiation and paddings, and their cost grows with the
        // exponent, bounded by the modulus size limit.
        let key = rsa::PublicKey::new_unchecked(int(&numbers.n), int(&numbers.e));
        Ok(RustCryptoRsaPublicKey { key })
    }

    /// [`RsaPublicKey::encrypt`] with randomness (padding, OAEP seed) from `rng`; a failing
    /// generator is [`RNG_FAILED`].
    pub fn encrypt_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        plaintext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Vec<u8>> {
        check_encryption(&padding, RsaPublicKey::key_size(self))?;
        let k = self.key.size();
        match padding {
            AsymmetricPadding::Pkcs1v15 => {
                // Our padding and exponentiation, as for OAEP: `rsa`'s refuses e > 2^33 - 1.
                let em = encoding::eme_pkcs1_v15_encode(plaintext, k, rng)?;
                self.raw_public(&em)
                    .ok_or(Error::device("RSA encryption failed"))
            }
            AsymmetricPadding::Oaep(oaep) => {
                let mut seed = Zeroizing::new(vec![0u8; oaep.hash.digest_size()]);
                rng.try_fill(&mut seed)?;
                let em = encoding::eme_oaep_encode(
                    plaintext,
                    oaep.label,
                    k,
                    &seed,
                    oaep.hash,
                    oaep.mgf.hash(),
                )?;
                self.raw_public(&em)
                    .ok_or(Error::device("RSA encryption failed"))
            }
            AsymmetricPadding::Pss(_) => Err(Error::InvalidArgument("PSS is a signature padding")),
        }
    }

    /// RSAEP / RSAVP1: `input` as an integer below n raised to e, as `k` bytes; `None` when the
    /// input is not `k` bytes or not below n.
    fn raw_public(&self, input: &[u8]) -> Option<Vec<u8>> {
        let k = self.key.size();
        if input.len() != k {
            return None;
        }
        let s = BoxedUint::from_be_slice(input, self.key.n_bits_precision()).ok()?;
        if s >= *self.key.n().as_ref() {
            return None;
        }
        let result = public_pow(&s, self.key.e(), self.key.n_params());
        encoding::i2osp(&result, k).map(|bytes| bytes.to_vec())
    }
}

impl RsaPublicKey for RustCryptoRsaPublicKey {
    fn key_size(&self) -> usize {
        self.key.n().bit_width_vartime() as usize
    }

    fn verify(
        &self,
        signature: &[u8],
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<()> {
        let hash = algorithm.algorithm();
        check_signature(&padding, Some(hash), RsaPublicKey::key_size(self))?;
        let m_hash = message_digest(data, algorithm)?;
        let k = self.key.size();
        let valid = match padding {
            AsymmetricPadding::Pkcs1v15 => {
                // Encode and compare (RFC 8017 §8.2.2): no parsing of attacker-shaped DER.
                let expected = encoding::emsa_pkcs1_v15_encode(hash, &m_hash, k)
                    .map_err(|_| Error::InvalidSignature)?;
                self.raw_public(signature).is_some_and(|em| em == expected)
            }
            AsymmetricPadding::Pss(pss) => {
                let em_bits = RsaPublicKey::key_size(self).saturating_sub(1);
                let em_len = em_bits.div_ceil(8);
                let salt_len = match pss.salt_length {
                    SaltLength::Explicit(n) => Some(n),
                    SaltLength::DigestLength => Some(hash.digest_size()),
                    SaltLength::Maximum => Some(
                        encoding::pss_max_salt(em_len, hash)
                            .map_err(|_| Error::InvalidSignature)?,
                    ),
                    SaltLength::Auto => None,
                };
                match self.raw_public(signature) {
                    // When emBits is a multiple of 8 the k-byte representative has one extra
                    // leading byte, which must be zero.
                    Some(em) => match em.split_at_checked(k.saturating_sub(em_len)) {
                        Some((extra, em)) if extra.iter().all(|&b| b == 0) => {
                            encoding::emsa_pss_verify(
                                &m_hash,
                                em,
                                em_bits,
                                salt_len,
                                hash,
                                pss.mgf.hash(),
                            )?
                        }
                        _ => false,
                    },
                    None => false,
                }
            }
            AsymmetricPadding::Oaep(_) => {
                return Err(Error::InvalidArgument("OAEP is an encryption padding"));
            }
        };
        if valid {
            Ok(())
        } else {
            Err(Error::InvalidSignature)
        }
    }

    /// With the operating system's generator (see [`Self::encrypt_with_rng`]).
    fn encrypt(&self, plaintext: &[u8], padding: AsymmetricPadding<'_>) -> Result<Vec<u8>> {
        with_os_random(|rng| self.encrypt_with_rng(rng, plaintext, padding))
    }

    fn recover_data_from_signature(
        &self,
        signature: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: Option<HashAlgorithm>,
    ) -> Result<Vec<u8>> {
        if let AsymmetricPadding::Pss(_) = padding {
            return Err(Error::InvalidArgument(
                "PSS padding is not supported for data recovery",
            ));
        }
        check_signature(&padding, algorithm, RsaPublicKey::key_size(self))?;
        let em = self.raw_public(signature).ok_or(Error::InvalidSignature)?;
        let data = encoding::emsa_pkcs1_v15_unpad(&em).ok_or(Error::InvalidSignature)?;
        let Some(hash) = algorithm else {
            return Ok(data.to_vec());
        };
        let prefix = encoding::digest_info_prefix(hash)?;
        match data.strip_prefix(prefix.as_slice()) {
            Some(digest) if digest.len() == hash.digest_size() => Ok(digest.to_vec()),
            _ => Err(Error::InvalidSignature),
        }
    }

    fn public_numbers(&self) -> RsaPublicNumbers {
        public_numbers(&self.key)
    }
}

/// `base^e mod n` by left-to-right square-and-multiply, variable time in `e` (public).
///
/// `rsa::hazmat::rsa_encrypt` runs `crypto-bigint`'s fixed-window exponentiation, which first
/// builds a 16-entry table of powers: 15 multiplications before the 17 squarings that e = 65537
/// needs. Plain square-and-multiply does 16 squarings and 1 multiplication, about half the work
/// of a verification (docs/performance.md). Only for public exponents: the pattern of squarings and
/// multiplications reveals `e`. The base may be secret (the fault check of a decryption raises the
/// plaintext): every operation is constant time in it, and its powers are zeroized.
fn public_pow(base: &BoxedUint, e: &BoxedUint, params: &BoxedMontyParams) -> BoxedUint {
    let x = Zeroizing::new(BoxedMontyForm::new(base.clone(), params));
    let mut acc = x.clone();
    for i in (0..e.bit_width_vartime().saturating_sub(1)).rev() {
        acc = Zeroizing::new(acc.square());
        if bool::from(e.bit(i)) {
            acc = Zeroizing::new(acc.mul(&x));
        }
    }
    acc.retrieve()
}

fn public_numbers(key: &impl PublicKeyParts) -> RsaPublicNumbers {
    RsaPublicNumbers::new(&key.e_bytes(), &key.n_bytes())
}

/// The digest to sign: `data` hashed, or `data` itself when prehashed (of the right length).
fn message_digest(data: &[u8], algorithm: MessageHash) -> Result<backend_core::Output> {
    match algorithm {
        MessageHash::Hash(hash) => encoding::digest(hash, &[data]),
        MessageHash::Prehashed(hash) => {
            if data.len() != hash.digest_size() {
                return Err(Error::InvalidArgument(
                    "prehashed digest length must equal the hash's digest size",
                ));
            }
            backend_core::Output::from_slice(data)
                .ok_or(Error::InvalidArgument("prehashed digest too long"))
        }
    }
}
