//! A provider over [`ring`] 0.17: the family traits ring can serve, with capability rows that
//! say exactly what ring runs, so that a `MultiBackend[ring, rustcrypto]` picks ring where it is
//! fast and falls through to RustCrypto everywhere else.
//!
//! [`Ring`] is a zero-sized value implementing
//!
//! | family | what ring runs (the rows) |
//! |---|---|
//! | [`HashBackend`] | SHA-1, SHA-256, SHA-384, SHA-512, SHA-512/256 (streaming, `copy`) |
//! | [`HmacBackend`] | HMAC-SHA-1, -SHA-256, -SHA-384, -SHA-512 |
//! | [`Pbkdf2HmacBackend`] | PBKDF2-HMAC over SHA-1, SHA-256, SHA-384, SHA-512 |
//! | [`HkdfBackend`] | HKDF over SHA-1, SHA-256, SHA-384, SHA-512 |
//! | [`AeadBackend`] | AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305: 96-bit nonce, 16-byte tag |
//! | [`EllipticCurveBackend`] | P-256 and P-384 keys; ECDSA P-256 + SHA-256 and P-384 + SHA-384 |
//! | [`RsaBackend`] | 2048- to 4096-bit keys; PKCS#1 v1.5 and PSS signatures over SHA-256/384/512 |
//!
//! and nothing else: no SHA-224, SHA-3, BLAKE2; no AES-192, no streaming cipher or GCM, no CMAC,
//! no scrypt; no P-224, P-521 or secp256k1; no RSA key generation (ring has none) and no RSA
//! encryption. The rows are the consts of this crate ([`HASH_CAPABILITIES`], ...), and the
//! umbrella crate's `Provider::RING` (feature `ring`) points at [`Ring`] for each family.
//!
//! # Keys: ring first, RustCrypto for what ring lacks on the same key
//!
//! A key this provider makes or loads is a ring key: signing with it runs in ring wherever ring
//! can (ECDSA P-256 + SHA-256 and P-384 + SHA-384 with a random nonce; RSA PKCS#1 v1.5 and PSS
//! with salt = digest length and MGF1 over the message hash, SHA-256/384/512; the matching
//! verifications, plus ECDSA P-256 + SHA-384 and P-384 + SHA-256 verification, which ring has).
//! A key object is routed once, when it is made, so it must also answer every operation a caller
//! may ask of a key of its curve or size. Where ring has no API for one, the key carries the
//! RustCrypto key of the same numbers and that key answers:
//!
//! - **ECDH with a static key.** ring's agreement keys are ephemeral only (`agreement::
//!   EphemeralPrivateKey` is generated and consumed by one agreement; no scalar can be loaded).
//!   So the rows list no ECDH for ring, a composition's `*_exchange_algorithm_supported` comes
//!   from RustCrypto's rows, and `exchange` on a ring key runs in RustCrypto.
//!   [`ephemeral_ecdh`] is ring's own form: a fresh key, one agreement.
//! - ECDSA with an RFC 6979 deterministic nonce, with a prehashed digest, or with a hash ring
//!   does not pair with the curve; RSA decryption, OAEP, PKCS#1 v1.5 or PSS parameters outside
//!   the list above, signature recovery; AES-GCM with a nonce other than 96 bits.
//! - RSA keys ring refuses to load (ring wants e ≥ 65537, 2048 to 4096 bits and its own
//!   consistency checks): the key is made by RustCrypto alone, after RustCrypto's checks.
//! - Key generation draws from the caller's [`backend_core::rng::RandomSource`], which ring's
//!   sealed `SecureRandom` cannot wrap: the scalar is drawn by RustCrypto's generator from that
//!   source, then loaded into ring.
//!
//! What each key does where is listed by its `*_in_ring` method ([`RingEcPrivateKey::signs_in_ring`],
//! [`RingRsaPrivateKey::signs_in_ring`], [`RingAeadKey::seals_in_ring`]).
//!
//! # Secrets
//!
//! ring holds key schedules in its own types and does not zeroize them on drop (it has no
//! `zeroize` support); the bytes this crate keeps (AES-GCM keys for the fallback path, the
//! RustCrypto keys) are zeroized on drop. Tags are compared by ring in constant time.
//!
//! ```
//! use backend_ring::{HashAlgorithm, HashBackend, Ring};
//!
//! let digest = Ring.hash(HashAlgorithm::Sha256, b"abc")?;
//! assert_eq!(digest[..4], [0xba, 0x78, 0x16, 0xbf]);
//! assert!(!Ring.hash_supported(HashAlgorithm::Sha3_256), "ring has no SHA-3: rows say so");
//! # Ok::<(), backend_ring::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod aead;
mod ec;
mod hash;
mod hmac;
mod kdf;
mod rsa;

pub use aead::RingAeadKey;
pub use ec::{RingEcPrivateKey, RingEcPublicKey, ephemeral_ecdh};
pub use hash::RingHashContext;
pub use hmac::RingHmacContext;
pub use rsa::{RingRsaPrivateKey, RingRsaPublicKey};

pub use backend_cipher::{AeadAlgorithm, AeadBackend, AeadKey};
pub use backend_core::capability;
pub use backend_core::{EllipticCurve, Error, HashAlgorithm, MessageHash, Reason, Result};
pub use backend_ec::EllipticCurveBackend;
pub use backend_hash::HashBackend;
pub use backend_hmac::HmacBackend;
pub use backend_kdf::{HkdfBackend, Pbkdf2HmacBackend};
pub use backend_rsa::RsaBackend;

use backend_core::capability::{AeadKind, Algorithm, Capability, HashSet, PaddingKind, Sizes};

/// The ring provider: a zero-sized value implementing every family trait ring can serve.
///
/// Copying or passing it costs nothing; it holds no state (ring's CPU feature detection is its
/// own, done once).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Ring;

/// The hashes ring computes (`ring::digest`): SHA-1, SHA-256, SHA-384, SHA-512, SHA-512/256.
pub const HASH_CAPABILITIES: &[Capability] =
    &Capability::new(Algorithm::Hash(HashAlgorithm::Sha256)).per_hash([
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
        HashAlgorithm::Sha512_256,
    ]);

/// The hashes of ring's `hmac`, `pbkdf2` and `hkdf` algorithms: SHA-1, SHA-256, SHA-384, SHA-512
/// (no SHA-512/256 HMAC in ring).
const MAC_HASHES: [HashAlgorithm; 4] = [
    HashAlgorithm::Sha1,
    HashAlgorithm::Sha256,
    HashAlgorithm::Sha384,
    HashAlgorithm::Sha512,
];

/// HMAC in ring (`ring::hmac`): SHA-1, SHA-256, SHA-384, SHA-512.
pub const HMAC_CAPABILITIES: &[Capability] =
    &Capability::new(Algorithm::Hmac(HashAlgorithm::Sha256)).per_hash(MAC_HASHES);

/// PBKDF2 in ring (`ring::pbkdf2`): HMAC over SHA-1, SHA-256, SHA-384, SHA-512.
pub const PBKDF2_CAPABILITIES: &[Capability] =
    &Capability::new(Algorithm::Pbkdf2Hmac(HashAlgorithm::Sha256)).per_hash(MAC_HASHES);

/// HKDF in ring (`ring::hkdf`, extract through `ring::hmac`): SHA-1, SHA-256, SHA-384, SHA-512.
pub const HKDF_CAPABILITIES: &[Capability] =
    &Capability::new(Algorithm::Hkdf(HashAlgorithm::Sha256)).per_hash(MAC_HASHES);

/// ring's one-shot AEADs (`ring::aead`): AES-128-GCM and AES-256-GCM (no AES-192), and
/// ChaCha20-Poly1305, each with a 96-bit nonce and a 16-byte tag.
pub const AEAD_CAPABILITIES: &[Capability] = &[
    Capability::new(Algorithm::Aead(AeadKind::AesGcm))
        .key_bits(Sizes::range(128, 256, 128))
        .nonce_bytes(Sizes::exactly(12))
        .tag_bytes(Sizes::exactly(16)),
    Capability::new(Algorithm::Aead(AeadKind::ChaCha20Poly1305))
        .key_bits(Sizes::exactly(256))
        .nonce_bytes(Sizes::exactly(12))
        .tag_bytes(Sizes::exactly(16)),
];

/// ring's curves and ECDSA signing algorithms (`ECDSA_P256_SHA256_ASN1_SIGNING`,
/// `ECDSA_P384_SHA384_ASN1_SIGNING`); a row serves signing and verification, so only the pairings
/// ring signs with are listed. No ECDH rows: ring has no agreement with a loaded key (see the
/// crate docs).
pub const EC_CAPABILITIES: &[Capability] = &[
    Capability::new(Algorithm::EcKeys(EllipticCurve::Secp256r1)),
    Capability::new(Algorithm::EcKeys(EllipticCurve::Secp384r1)),
    Capability::new(Algorithm::Ecdsa(EllipticCurve::Secp256r1))
        .hashes(HashSet::of(&[HashAlgorithm::Sha256])),
    Capability::new(Algorithm::Ecdsa(EllipticCurve::Secp384r1))
        .hashes(HashSet::of(&[HashAlgorithm::Sha384])),
];

/// The moduli ring's `RsaKeyPair` takes: 2048 to 4096 bits.
pub const RSA_KEY_BITS: Sizes = Sizes::range(2048, 4096, 1);

/// The hashes of ring's RSA signing encodings (`RSA_PKCS1_SHA256`, ..., `RSA_PSS_SHA512`).
const RSA_HASHES: HashSet = HashSet::of(&[
    HashAlgorithm::Sha256,
    HashAlgorithm::Sha384,
    HashAlgorithm::Sha512,
]);

/// ring's RSA: keys of 2048 to 4096 bits loaded from numbers (no generation), PKCS#1 v1.5 and PSS
/// signatures over SHA-256/384/512 (PSS with MGF1 over the same hash and a salt of the digest
/// length). No encryption.
pub const RSA_CAPABILITIES: &[Capability] = &[
    Capability::new(Algorithm::RsaKeys).key_bits(RSA_KEY_BITS),
    Capability::new(Algorithm::RsaSignature(PaddingKind::Pkcs1v15))
        .key_bits(RSA_KEY_BITS)
        .hashes(RSA_HASHES),
    Capability::new(Algorithm::RsaSignature(PaddingKind::Pss))
        .key_bits(RSA_KEY_BITS)
        .hashes(RSA_HASHES),
];

/// Every row of the provider, all families (what docs and tests walk).
pub fn ring_capabilities() -> impl Iterator<Item = &'static Capability> {
    HASH_CAPABILITIES
        .iter()
        .chain(HMAC_CAPABILITIES)
        .chain(PBKDF2_CAPABILITIES)
        .chain(HKDF_CAPABILITIES)
        .chain(AEAD_CAPABILITIES)
        .chain(EC_CAPABILITIES)
        .chain(RSA_CAPABILITIES)
}

/// ring's `SecureRandom` (the operating system's generator, through ring's own `getrandom`):
/// what ring draws ECDSA nonces' randomness and PSS salts from. A unit value, no state.
fn system_random() -> ring::rand::SystemRandom {
    ring::rand::SystemRandom::new()
}
