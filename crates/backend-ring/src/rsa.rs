//! [`RsaBackend`] for [`Ring`] over `ring::signature` (`RsaKeyPair`, `RsaPublicKeyComponents`):
//! PKCS#1 v1.5 and PSS signatures with 2048- to 4096-bit keys.

use crate::{RSA_CAPABILITIES, RSA_KEY_BITS, Ring, system_random};
use backend_core::capability::Capability;
use backend_core::rng::RandomSource;
use backend_core::{Error, HashAlgorithm, MessageHash, Reason, Result};
use backend_rsa::{
    AsymmetricPadding, RsaBackend, RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey,
    RsaPublicNumbers, RustCryptoRsaPrivateKey, RustCryptoRsaPublicKey, SaltLength, Zeroizing,
};
use ring::signature::{self, RsaEncoding, RsaKeyPair, RsaParameters};

/// `bytes` without leading zero bytes (ring reads integers "without leading zeros").
fn trimmed(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// The hash of a PKCS#1 v1.5 or PSS signature when ring has that scheme: the message (not a
/// digest) hashed with SHA-256/384/512, and for PSS MGF1 over the same hash with a salt of the
/// digest length (ring's only PSS parameters).
fn ring_scheme(
    padding: &AsymmetricPadding<'_>,
    hash: MessageHash,
) -> Option<(bool, HashAlgorithm)> {
    let MessageHash::Hash(hash) = hash else {
        return None;
    };
    if !matches!(
        hash,
        HashAlgorithm::Sha256 | HashAlgorithm::Sha384 | HashAlgorithm::Sha512
    ) {
        return None;
    }
    match padding {
        AsymmetricPadding::Pkcs1v15 => Some((false, hash)),
        AsymmetricPadding::Pss(pss) => {
            let digest_salt = match pss.salt_length {
                SaltLength::DigestLength => true,
                SaltLength::Explicit(len) => len == hash.digest_size(),
                _ => false,
            };
            (pss.mgf.hash() == hash && digest_salt).then_some((true, hash))
        }
        _ => None,
    }
}

fn signing_encoding(pss: bool, hash: HashAlgorithm) -> Option<&'static dyn RsaEncoding> {
    Some(match (pss, hash) {
        (false, HashAlgorithm::Sha256) => &signature::RSA_PKCS1_SHA256,
        (false, HashAlgorithm::Sha384) => &signature::RSA_PKCS1_SHA384,
        (false, HashAlgorithm::Sha512) => &signature::RSA_PKCS1_SHA512,
        (true, HashAlgorithm::Sha256) => &signature::RSA_PSS_SHA256,
        (true, HashAlgorithm::Sha384) => &signature::RSA_PSS_SHA384,
        (true, HashAlgorithm::Sha512) => &signature::RSA_PSS_SHA512,
        _ => return None,
    })
}

fn verification_parameters(pss: bool, hash: HashAlgorithm) -> Option<&'static RsaParameters> {
    Some(match (pss, hash) {
        (false, HashAlgorithm::Sha256) => &signature::RSA_PKCS1_2048_8192_SHA256,
        (false, HashAlgorithm::Sha384) => &signature::RSA_PKCS1_2048_8192_SHA384,
        (false, HashAlgorithm::Sha512) => &signature::RSA_PKCS1_2048_8192_SHA512,
        (true, HashAlgorithm::Sha256) => &signature::RSA_PSS_2048_8192_SHA256,
        (true, HashAlgorithm::Sha384) => &signature::RSA_PSS_2048_8192_SHA384,
        (true, HashAlgorithm::Sha512) => &signature::RSA_PSS_2048_8192_SHA512,
        _ => return None,
    })
}

/// [`Error::Unsupported`] for a modulus ring's key pairs do not take (so a composition falls
/// through to a provider that has it).
fn check_size(key_size: usize) -> Result<()> {
    if u32::try_from(key_size).is_ok_and(|bits| RSA_KEY_BITS.contains(bits)) {
        Ok(())
    } else {
        Err(Error::unsupported(
            Reason::PublicKeyAlgorithm,
            "RSA keys outside 2048 to 4096 bits (ring)",
        ))
    }
}

/// A public key of 2048 to 4096 bits. PKCS#1 v1.5 and PSS verification with the parameters ring
/// has run in ring ([`RingRsaPublicKey::verifies_in_ring`]); encryption, signature recovery and
/// other parameters in the RustCrypto key of the same numbers.
#[derive(Clone)]
pub struct RingRsaPublicKey {
    inner: RustCryptoRsaPublicKey,
    n: Vec<u8>,
    e: Vec<u8>,
}

impl core::fmt::Debug for RingRsaPublicKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RingRsaPublicKey")
            .field("key_size", &self.inner.key_size())
            .finish_non_exhaustive()
    }
}

impl RingRsaPublicKey {
    fn new(inner: RustCryptoRsaPublicKey) -> Self {
        let numbers = inner.public_numbers();
        RingRsaPublicKey {
            inner,
            n: trimmed(&numbers.n).to_vec(),
            e: trimmed(&numbers.e).to_vec(),
        }
    }

    /// True when verifying with `padding` and `hash` runs in ring: PKCS#1 v1.5, or PSS with MGF1
    /// over the message hash and a digest-length salt, over SHA-256/384/512, with a public
    /// exponent ring takes (at most 2^33 - 1).
    pub fn verifies_in_ring(&self, padding: &AsymmetricPadding<'_>, hash: MessageHash) -> bool {
        // ring's verifier takes exponents of at most 33 bits: 4 bytes is always within it.
        self.e.len() <= 4 && ring_scheme(padding, hash).is_some()
    }
}

impl RsaPublicKey for RingRsaPublicKey {
    fn key_size(&self) -> usize {
        self.inner.key_size()
    }

    fn verify(
        &self,
        signature: &[u8],
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<()> {
        let parameters = ring_scheme(&padding, algorithm)
            .and_then(|(pss, hash)| verification_parameters(pss, hash))
            .filter(|_| self.verifies_in_ring(&padding, algorithm));
        match parameters {
            Some(parameters) => signature::RsaPublicKeyComponents {
                n: &self.n,
                e: &self.e,
            }
            .verify(parameters, data, signature)
            .map_err(|_| Error::InvalidSignature),
            None => self.inner.verify(signature, data, padding, algorithm),
        }
    }

    fn encrypt(&self, plaintext: &[u8], padding: AsymmetricPadding<'_>) -> Result<Vec<u8>> {
        self.inner.encrypt(plaintext, padding)
    }

    fn recover_data_from_signature(
        &self,
        signature: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: Option<HashAlgorithm>,
    ) -> Result<Vec<u8>> {
        self.inner
            .recover_data_from_signature(signature, padding, algorithm)
    }

    fn public_numbers(&self) -> RsaPublicNumbers {
        self.inner.public_numbers()
    }
}

/// A private key of 2048 to 4096 bits held by ring (`RsaKeyPair`).
///
/// PKCS#1 v1.5 and PSS (MGF1 over the message hash, digest-length salt) signatures over
/// SHA-256/384/512 run in ring ([`RingRsaPrivateKey::signs_in_ring`]). Decryption, other
/// signature parameters and prehashed digests run in the RustCrypto key of the same numbers,
/// which the key carries (zeroized on drop). A key ring refuses (a public exponent under 65537,
/// for one) is held by RustCrypto alone, after RustCrypto's checks; `signs_in_ring` then answers
/// false for everything.
pub struct RingRsaPrivateKey {
    ring: Option<RsaKeyPair>,
    inner: RustCryptoRsaPrivateKey,
}

impl core::fmt::Debug for RingRsaPrivateKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RingRsaPrivateKey")
            .field("key_size", &self.inner.key_size())
            .field("in_ring", &self.ring.is_some())
            .finish_non_exhaustive()
    }
}

impl RingRsaPrivateKey {
    /// True when signing with `padding` and `hash` runs in ring.
    pub fn signs_in_ring(&self, padding: &AsymmetricPadding<'_>, hash: MessageHash) -> bool {
        self.ring.is_some() && ring_scheme(padding, hash).is_some()
    }
}

impl RsaPrivateKey for RingRsaPrivateKey {
    fn key_size(&self) -> usize {
        self.inner.key_size()
    }

    fn sign(
        &self,
        data: &[u8],
        padding: AsymmetricPadding<'_>,
        algorithm: MessageHash,
    ) -> Result<Vec<u8>> {
        let scheme =
            ring_scheme(&padding, algorithm).and_then(|(pss, hash)| signing_encoding(pss, hash));
        let (Some(pair), Some(encoding)) = (&self.ring, scheme) else {
            return self.inner.sign(data, padding, algorithm);
        };
        let mut signature = vec![0u8; pair.public().modulus_len()];
        pair.sign(encoding, &system_random(), data, &mut signature)
            .map_err(|_| Error::Device {
                what: "ring RSA signing failed",
                code: backend_core::DeviceCode::None,
            })?;
        Ok(signature)
    }

    fn decrypt(
        &self,
        ciphertext: &[u8],
        padding: AsymmetricPadding<'_>,
    ) -> Result<Zeroizing<Vec<u8>>> {
        self.inner.decrypt(ciphertext, padding)
    }

    fn public_key(&self) -> Result<Box<dyn RsaPublicKey>> {
        Ok(Box::new(RingRsaPublicKey::new(self.inner.to_public_key())))
    }

    fn private_numbers(&self) -> Result<RsaPrivateNumbers> {
        self.inner.private_numbers()
    }
}

impl RsaBackend for Ring {
    fn rsa_capabilities(&self) -> &[Capability] {
        RSA_CAPABILITIES
    }

    /// ring has no RSA key generation: always [`Error::Unsupported`] (the rows list none).
    fn generate_rsa_private_key_with_rng(
        &self,
        _rng: &mut dyn RandomSource,
        _public_exponent: u64,
        _key_size: usize,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        Err(Error::unsupported(
            Reason::PublicKeyAlgorithm,
            "RSA key generation (ring has none)",
        ))
    }

    fn load_rsa_private_numbers(
        &self,
        numbers: &RsaPrivateNumbers,
    ) -> Result<Box<dyn RsaPrivateKey>> {
        check_size(numbers.public_numbers.key_size())?;
        let inner = RustCryptoRsaPrivateKey::from_numbers(numbers)?;
        let components = ring::rsa::KeyPairComponents {
            public_key: signature::RsaPublicKeyComponents {
                n: trimmed(&numbers.public_numbers.n),
                e: trimmed(&numbers.public_numbers.e),
            },
            d: trimmed(&numbers.d),
            p: trimmed(&numbers.p),
            q: trimmed(&numbers.q),
            dP: trimmed(&numbers.dmp1),
            dQ: trimmed(&numbers.dmq1),
            qInv: trimmed(&numbers.iqmp),
        };
        let ring = RsaKeyPair::from_components(&components).ok();
        Ok(Box::new(RingRsaPrivateKey { ring, inner }))
    }

    fn load_rsa_public_numbers(&self, numbers: &RsaPublicNumbers) -> Result<Box<dyn RsaPublicKey>> {
        check_size(numbers.key_size())?;
        Ok(Box::new(RingRsaPublicKey::new(
            RustCryptoRsaPublicKey::from_numbers(numbers)?,
        )))
    }
}
