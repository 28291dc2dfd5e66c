//! [`RsaBackend`] over the `rsa` crate: keys held in memory, integer arithmetic in constant-time
//! `crypto-bigint`, private operations blinded and checked against a CRT fault, randomness from
//! the operating system (or a caller's generator).

mod encoding;

use crate::numbers::{MAX_MODULUS_BITS, bytes, int, secret_int, trimmed};
use crate::{
    AsymmetricPadding, CryptoRng, Error, HashAlgorithm, MessageHash, PaddingKind, Reason, Result,
    RsaBackend, RsaCapabilities, RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers,
    SaltLength,
};
use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;
use core::convert::Infallible;
use core::fmt;
use crypto_bigint::BoxedUint;
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use rand_core::{TryCryptoRng, TryRng};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use zeroize::Zeroizing;

/// The RustCrypto RSA provider.
#[derive(Clone, Copy, Debug, Default)]
pub struct RustCrypto;

/// The one error of every failed decryption (padding, length, range, blinding): callers learn
/// only that it failed.
const DECRYPTION_FAILED: Error = Error::Decryption;

/// Smallest modulus the provider loads, in bits. Below 512 bits the padding schemes have no room
/// for a SHA-1 digest and the keys are trivially factorable.
const MIN_LOADED_KEY_SIZE: usize = 512;
/// Largest modulus the provider loads or generates, in bits (a bound on the work an untrusted key
/// can cause).
const MAX_KEY_SIZE: usize = MAX_MODULUS_BITS;

impl RustCrypto {
    /// The capability table.
    pub const RSA_CAPABILITIES: RsaCapabilities = RsaCapabilities {
        paddings: &[PaddingKind::Pkcs1v15, PaddingKind::Pss, PaddingKind::Oaep],
        hashes: &[
            HashAlgorithm::Sha1,
            HashAlgorithm::Sha224,
            HashAlgorithm::Sha256,
            HashAlgorithm::Sha384,
            HashAlgorithm::Sha512,
            HashAlgorithm::Sha512_224,
            HashAlgorithm::Sha512_256,
            HashAlgorithm::Sha3_224,
            HashAlgorithm::Sha3_256,
            HashAlgorithm::Sha3_384,
            HashAlgorithm::Sha3_512,
        ],
        public_exponents: &[3, 65537],
        min_generated_key_size: 1024,
        max_generated_key_size: MAX_KEY_SIZE,
    };

    fn check_padding(padding: &AsymmetricPadding<'_>) -> Result<()> {
        if Self::RSA_CAPABILITIES.padding_supported(padding) {
            return Ok(());
        }
        match padding
            .hashes()
            .find(|h| !Self::RSA_CAPABILITIES.hash_supported(*h))
        {
            Some(hash) => Err(Error::unsupported(Reason::Hash, hash.name())),
            None => Err(Error::unsupported(Reason::Padding, padding.name())),
        }
    }

    fn check_hash(hash: HashAlgorithm) -> Result<()> {
        if Self::RSA_CAPABILITIES.hash_supported(hash) {
            Ok(())
        } else {
            Err(Error::unsupported(Reason::Hash, hash.name()))
        }
    }

    fn generate(
        &self,
        rng: &mut (impl CryptoRng + ?Sized),
        public_exponent: u64,
        key_size: usize,
    ) -> Result<RustCryptoRsaPrivateKey> {
        if !Self::RSA_CAPABILITIES
            .public_exponents
            .contains(&public_exponent)
        {
            return Err(Error::InvalidArgument("public_exponent must be 3 or 65537"));
        }
        if key_size < Self::RSA_CAPABILITIES.min_generated_key_size {
            return Err(Error::InvalidArgument(
                "key_size must be at least 1024 bits",
            ));
        }
        if key_size > Self::RSA_CAPABILITIES.max_generated_key_size {
            return Err(Error::InvalidArgument(
                "key_size must be at most 16384 bits",
            ));
        }
        let key = rsa::PrivateKey::new_with_exp(rng, key_size, BoxedUint::from(public_exponent))
            .map_err(|_| Error::device("RSA key generation failed"))?;
        Ok(RustCryptoRsaPrivateKey { key })
    }
}

impl RsaBackend for RustCrypto {
    type PrivateKey = RustCryptoRsaPrivateKey;
    type PublicKey = RustCryptoRsaPublicKey;

    fn rsa_capabilities(&self) -> &RsaCapabilities {
        &Self::RSA_CAPABILITIES
    }

    fn generate_rsa_private_key(
        &self,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<RustCryptoRsaPrivateKey> {
        let mut rng = OsRng::default();
        let key = self.generate(&mut rng, public_exponent, key_size);
        rng.check()?;
        key
    }

    fn generate_rsa_private_key_with_rng(
        &self,
        rng: &mut dyn CryptoRng,
        public_exponent: u64,
        key_size: usize,
    ) -> Result<RustCryptoRsaPrivateKey> {
        self.generate(rng, public_exponent, key_size)
    }

    fn load_rsa_private_numbers(
        &self,
        numbers: &RsaPrivateNumbers,
    ) -> Result<RustCryptoRsaPrivateKey> {
        self.load_private(numbers, PrimeLayout::HalfWidth)
    }

    fn load_rsa_public_numbers(
        &self,
        numbers: &RsaPublicNumbers,
    ) -> Result<RustCryptoRsaPublicKey> {
        // Both are comparisons of byte strings, linear in their lengths: the exponent is no longer
        // than the modulus, and the modulus within the size limit, before any arithmetic.
        numbers.check()?;
        check_loaded_size(numbers.key_size())?;
        // `check` established what `new_unchecked` assumes (n odd, hence non-zero). Exponents above
        // `rsa`'s 2^33 - 1 bound are accepted, as the seed system accepts them: every operation
        // with them uses our own exponentiation and paddings, and their cost grows with the
        // exponent, bounded by the modulus size limit.
        let key = rsa::PublicKey::new_unchecked(int(&numbers.n), int(&numbers.e));
        Ok(RustCryptoRsaPublicKey { key })
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

impl RustCrypto {
    /// As [`RsaBackend::load_rsa_private_numbers`], storing the primes at the full modulus width:
    /// loads keys with unbalanced primes (one wider than half the modulus), which the trait method
    /// refuses with [`Error::Unsupported`]. Private operations are slower with this layout.
    ///
    /// The layout is the caller's choice, made from what the caller knows about where its keys come
    /// from, never from the primes' bit lengths: those are secret, and the `rsa` crate's
    /// constructor docs ask that the storage width be public configuration. Keys with a public
    /// exponent above 2^33 - 1 are not supported with this layout.
    pub fn load_rsa_private_numbers_with_wide_primes(
        &self,
        numbers: &RsaPrivateNumbers,
    ) -> Result<RustCryptoRsaPrivateKey> {
        self.load_private(numbers, PrimeLayout::Wide)
    }

    fn load_private(
        &self,
        numbers: &RsaPrivateNumbers,
        layout: PrimeLayout,
    ) -> Result<RustCryptoRsaPrivateKey> {
        // Cheapest rejection first: the public checks and the size limit are comparisons of byte
        // strings; `check` then bounds every component by the modulus before its arithmetic.
        numbers.public_numbers.check()?;
        check_loaded_size(numbers.public_numbers.key_size())?;
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
                 (RustCrypto::load_rsa_private_numbers_with_wide_primes loads it)",
            ),
            _ => Error::InvalidArgument(
                "private_exponent must invert public_exponent modulo lcm(p-1, q-1)",
            ),
        })?;
        Ok(RustCryptoRsaPrivateKey { key })
    }
}

fn check_loaded_size(bits: usize) -> Result<()> {
    if (MIN_LOADED_KEY_SIZE..=MAX_KEY_SIZE).contains(&bits) {
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

    /// [`RsaPrivateKey::sign`] with randomness (PSS salt, blinding) from `rng`.
    pub fn sign_with_rng(
        &self,
        rng: &mut (impl TryCryptoRng + ?Sized),
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        RustCrypto::check_padding(&padding)?;
        let hash = algorithm.algorithm();
        RustCrypto::check_hash(hash)?;
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
                rng.try_fill_bytes(&mut salt)
                    .map_err(|_| Error::device("random number generator failed"))?;
                encoding::emsa_pss_encode(&m_hash, em_bits, &salt, hash, pss.mgf.hash())?
            }
            AsymmetricPadding::Oaep(_) => {
                return Err(Error::InvalidArgument("OAEP is an encryption padding"));
            }
        };
        let signature = self
            .raw_private(rng, &em)
            .map_err(|_| Error::device("RSA signing failed"))?;
        Ok(signature.to_vec())
    }

    /// [`RsaPrivateKey::decrypt`] with blinding randomness from `rng`.
    pub fn decrypt_with_rng(
        &self,
        rng: &mut (impl TryCryptoRng + ?Sized),
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        RustCrypto::check_padding(&padding)?;
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
        rng: &mut (impl TryCryptoRng + ?Sized),
        input: &[u8],
    ) -> rsa::Result<Zeroizing<Vec<u8>>> {
        let k = self.key.size();
        let c = BoxedUint::from_be_slice(input, self.key.n_bits_precision())?;
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

    fn sign(
        &self,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        let mut rng = OsRng::default();
        let signature = self.sign_with_rng(&mut rng, data, padding, algorithm);
        rng.check()?;
        signature
    }

    fn decrypt(
        &self,
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        self.decrypt_with_rng(&mut getrandom::SysRng, ciphertext, padding)
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

    /// [`RsaPublicKey::encrypt`] with randomness (padding, OAEP seed) from `rng`.
    pub fn encrypt_with_rng(
        &self,
        rng: &mut (impl TryCryptoRng + ?Sized),
        plaintext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Vec<u8>> {
        RustCrypto::check_padding(&padding)?;
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
                rng.try_fill_bytes(&mut seed)
                    .map_err(|_| Error::device("random number generator failed"))?;
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
        RustCrypto::check_padding(&padding)?;
        let hash = algorithm.algorithm();
        RustCrypto::check_hash(hash)?;
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

    fn encrypt(&self, plaintext: &[u8], padding: AsymmetricPadding<'_>) -> Result<Vec<u8>> {
        let mut rng = OsRng::default();
        let ciphertext = self.encrypt_with_rng(&mut rng, plaintext, padding);
        rng.check()?;
        ciphertext
    }

    fn recover_data_from_signature(
        &self,
        signature: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: Option<HashAlgorithm>,
    ) -> Result<Vec<u8>> {
        match padding {
            AsymmetricPadding::Pkcs1v15 => {}
            AsymmetricPadding::Pss(_) => {
                return Err(Error::InvalidArgument(
                    "PSS padding is not supported for data recovery",
                ));
            }
            AsymmetricPadding::Oaep(_) => {
                return Err(Error::InvalidArgument("OAEP is an encryption padding"));
            }
        }
        let em = self.raw_public(signature).ok_or(Error::InvalidSignature)?;
        let data = encoding::emsa_pkcs1_v15_unpad(&em).ok_or(Error::InvalidSignature)?;
        let Some(hash) = algorithm else {
            return Ok(data.to_vec());
        };
        RustCrypto::check_hash(hash)?;
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

/// The operating system's generator (`getrandom::SysRng`, fallible) as the infallible
/// [`CryptoRng`] that `rsa`'s key generation wants, without panicking (no `UnwrapErr`): a failure is recorded, the buffer zero-filled, and [`OsRng::check`]
/// turns it into an error once the operation returns.
#[derive(Default)]
struct OsRng {
    failed: bool,
}

impl OsRng {
    fn check(&self) -> Result<()> {
        if self.failed {
            Err(Error::device(
                "operating system random number generator failed",
            ))
        } else {
            Ok(())
        }
    }
}

impl TryRng for OsRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> core::result::Result<u32, Infallible> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> core::result::Result<u64, Infallible> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> core::result::Result<(), Infallible> {
        if getrandom::SysRng.try_fill_bytes(dst).is_err() {
            self.failed = true;
            dst.fill(0);
        }
        Ok(())
    }
}

impl TryCryptoRng for OsRng {}
