//! The consistency check a composition runs once, up front: every capability row of a provider is
//! tried with its cheapest call, and a row whose call answers `Unsupported` is an
//! [`Inconsistency`]. Other errors do not count: the synthetic arguments here are only meant to
//! reach the provider's "do I have this?" decision.

// Each family's check is compiled with its feature; with only some families on, the shared
// helpers below may be unused.
#![cfg_attr(
    not(all(
        feature = "hash",
        feature = "hmac",
        feature = "cmac",
        feature = "cipher",
        feature = "kdf",
        feature = "scrypt",
        feature = "ec"
    )),
    allow(dead_code, unused_imports, unused_mut)
)]

#[cfg(any(feature = "cmac", feature = "cipher"))]
use backend_core::CipherAlgorithm;
use backend_core::Error;
#[cfg(any(feature = "cmac", feature = "cipher"))]
use backend_core::capability::CipherKind;
use backend_core::capability::{Algorithm, Capability};

use super::{Inconsistency, Provider};

/// Key, IV and data bytes for the synthetic calls: distinct bytes, so that an XTS key's two
/// halves differ and no weak-key rule trips.
const BYTES: [u8; 64] = {
    let mut b = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        b[i] = i as u8 + 1;
        i += 1;
    }
    b
};

pub(crate) fn provider(p: &Provider<'_>) -> Result<(), Inconsistency> {
    let fail = |row: &Capability, error: Error| Inconsistency {
        provider: p.name,
        row: *row,
        error,
    };
    let mut rows: alloc::vec::Vec<(Capability, Result<(), Error>)> = alloc::vec::Vec::new();
    #[cfg(feature = "hash")]
    if let Some(b) = p.hash {
        for row in b.hash_capabilities() {
            rows.push((*row, hash(b, row)));
        }
    }
    #[cfg(feature = "hmac")]
    if let Some(b) = p.hmac {
        for row in b.hmac_capabilities() {
            rows.push((*row, hmac(b, row)));
        }
    }
    #[cfg(feature = "cmac")]
    if let Some(b) = p.cmac {
        for row in b.cmac_capabilities() {
            rows.push((*row, cmac(b, row)));
        }
    }
    #[cfg(feature = "cipher")]
    if let Some(b) = p.cipher {
        for row in b.cipher_capabilities() {
            rows.push((*row, cipher(b, row)));
        }
    }
    #[cfg(feature = "cipher")]
    if let Some(b) = p.aead {
        for row in b.aead_capabilities() {
            rows.push((*row, aead(b, row)));
        }
    }
    #[cfg(feature = "kdf")]
    if let Some(b) = p.pbkdf2_hmac {
        for row in b.pbkdf2_hmac_capabilities() {
            rows.push((*row, pbkdf2(b, row)));
        }
    }
    #[cfg(feature = "kdf")]
    if let Some(b) = p.hkdf {
        for row in b.hkdf_capabilities() {
            rows.push((*row, hkdf(b, row)));
        }
    }
    #[cfg(feature = "scrypt")]
    if let Some(b) = p.scrypt {
        for row in b.scrypt_capabilities() {
            let mut out = [0u8; 1];
            rows.push((*row, b.derive_scrypt_into(b"", b"", 2, 1, 1, &mut out)));
        }
    }
    #[cfg(feature = "ec")]
    if let Some(b) = p.ec {
        for row in b.elliptic_curve_capabilities() {
            rows.push((*row, ec(b, row)));
        }
    }
    match rows
        .into_iter()
        .find(|(_, r)| matches!(r, Err(Error::Unsupported { .. })))
    {
        Some((row, Err(e))) => Err(fail(&row, e)),
        _ => Ok(()),
    }
}

/// The smallest key of a row (16 bytes where the row accepts any size), within [`BYTES`].
fn key_len(row: &Capability, default: usize) -> usize {
    match row.key_bits.min() {
        0 => default,
        bits => (bits as usize).div_ceil(8).min(BYTES.len()),
    }
}

#[cfg(any(feature = "cmac", feature = "cipher"))]
fn cipher_of(kind: CipherKind, key: &[u8]) -> Option<CipherAlgorithm<'_>> {
    Some(match kind {
        CipherKind::Aes => CipherAlgorithm::Aes(key),
        CipherKind::TripleDes => CipherAlgorithm::TripleDes(key),
        CipherKind::Camellia => CipherAlgorithm::Camellia(key),
        CipherKind::Sm4 => CipherAlgorithm::Sm4(key),
        CipherKind::ChaCha20 => CipherAlgorithm::ChaCha20 {
            key,
            nonce: &BYTES[..16],
        },
        _ => return None,
    })
}

#[cfg(feature = "hash")]
fn hash(b: &dyn backend_hash::DynHashBackend, row: &Capability) -> Result<(), Error> {
    match row.algorithm {
        Algorithm::Hash(h) => b.create_hash_ctx(h).map(drop),
        _ => Ok(()),
    }
}

#[cfg(feature = "hmac")]
fn hmac(b: &dyn backend_hmac::DynHmacBackend, row: &Capability) -> Result<(), Error> {
    match row.algorithm {
        Algorithm::Hmac(h) => b.create_hmac_ctx(&BYTES[..16], h).map(drop),
        _ => Ok(()),
    }
}

#[cfg(feature = "cmac")]
fn cmac(b: &dyn backend_cmac::DynCmacBackend, row: &Capability) -> Result<(), Error> {
    match row.algorithm {
        Algorithm::Cmac(kind) => match cipher_of(kind, &BYTES[..key_len(row, 16)]) {
            Some(c) => b.create_cmac_ctx(&c).map(drop),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

#[cfg(feature = "cipher")]
fn cipher(b: &dyn backend_cipher::DynCipherBackend, row: &Capability) -> Result<(), Error> {
    use backend_cipher::Mode;
    use backend_core::capability::ModeKind;
    let Algorithm::Cipher(kind, mode_kind) = row.algorithm else {
        return Ok(());
    };
    let Some(cipher) = cipher_of(kind, &BYTES[..key_len(row, 16)]) else {
        return Ok(());
    };
    let iv = &BYTES[..cipher.block_size().max(1)];
    let mode = match mode_kind {
        ModeKind::Stream => Mode::Stream,
        ModeKind::Ecb => Mode::Ecb,
        ModeKind::Cbc => Mode::Cbc { iv },
        ModeKind::Ctr => Mode::Ctr { nonce: iv },
        ModeKind::Ofb => Mode::Ofb { iv },
        ModeKind::Cfb => Mode::Cfb { iv },
        ModeKind::Cfb8 => Mode::Cfb8 { iv },
        ModeKind::Xts => Mode::Xts {
            tweak: &BYTES[..16],
        },
        ModeKind::Gcm => Mode::gcm(&BYTES[..12]),
        _ => return Ok(()),
    };
    b.create_symmetric_encryption_ctx(&cipher, &mode).map(drop)
}

#[cfg(feature = "cipher")]
fn aead(b: &dyn backend_cipher::DynAeadBackend, row: &Capability) -> Result<(), Error> {
    let Algorithm::Aead(kind) = row.algorithm else {
        return Ok(());
    };
    use backend_cipher::{AeadAlgorithm, AeadKind};
    let aead = match kind {
        AeadKind::AesGcm => AeadAlgorithm::AesGcm,
        AeadKind::AesCcm => AeadAlgorithm::AesCcm { tag_length: 16 },
        AeadKind::ChaCha20Poly1305 => AeadAlgorithm::ChaCha20Poly1305,
        _ => return Ok(()),
    };
    b.create_aead_key(aead, &BYTES[..key_len(row, 16)])
        .map(drop)
}

#[cfg(feature = "kdf")]
fn pbkdf2(b: &dyn backend_kdf::DynPbkdf2HmacBackend, row: &Capability) -> Result<(), Error> {
    match row.algorithm {
        Algorithm::Pbkdf2Hmac(h) => {
            let mut out = [0u8; 1];
            b.derive_pbkdf2_hmac_into(h, b"", 1, b"", &mut out)
        }
        _ => Ok(()),
    }
}

#[cfg(feature = "kdf")]
fn hkdf(b: &dyn backend_kdf::DynHkdfBackend, row: &Capability) -> Result<(), Error> {
    match row.algorithm {
        Algorithm::Hkdf(h) => {
            let mut out = [0u8; 1];
            b.hkdf_expand_into(h, &BYTES[..h.digest_size().min(BYTES.len())], b"", &mut out)
        }
        _ => Ok(()),
    }
}

#[cfg(feature = "ec")]
fn ec(b: &dyn backend_ec::DynEllipticCurveBackend, row: &Capability) -> Result<(), Error> {
    use backend_core::MessageHash;
    use backend_ec::{EcPrivateKey, Ecdh, Ecdsa};
    let curve = match row.algorithm {
        Algorithm::EcKeys(c) | Algorithm::Ecdsa(c) | Algorithm::Ecdh(c) => c,
        _ => return Ok(()),
    };
    let key = b.derive_elliptic_curve_private_key(&[1], curve)?;
    match row.algorithm {
        Algorithm::Ecdsa(_) => row
            .hashes
            .iter()
            .try_for_each(|h| key.sign(b"", Ecdsa::new(MessageHash::Hash(h))).map(drop)),
        Algorithm::Ecdh(_) => key.exchange(Ecdh, key.public_key()).map(drop),
        _ => Ok(()),
    }
}
