//! Supported ⇔ call, in whatever feature combination this test is built with (issue 19).
//!
//! An algorithm compiled out has no capability row, so its `*_supported` says false and its call
//! is [`Error::Unsupported`]; an algorithm compiled in has its row and its call succeeds. Each
//! test walks every descriptor of its family and checks both directions against the rows, so the
//! same file proves the property for the default build and for every subset CI builds
//! (`cargo xtask features`: `cargo test -p backend --no-default-features --features ... --test
//! features`).
// Each family's test is compiled with its feature; with only some families on, the helpers of the
// others are unused.
#![allow(dead_code, unused_imports)]

use backend::{Backend, Error};

/// The call's result agrees with what `*_supported` said: success when supported, `Unsupported`
/// when not (any other error means the call reached the algorithm, which a compiled-out
/// algorithm must not).
fn agrees<T>(what: &str, supported: bool, call: Result<T, Error>) {
    match call {
        Ok(_) => assert!(
            supported,
            "{what}: the call succeeds but the rows do not list it"
        ),
        Err(Error::Unsupported { .. }) => {
            assert!(
                !supported,
                "{what}: the rows list it but the call is Unsupported"
            )
        }
        Err(other) => panic!("{what}: unexpected error {other:?} (supported: {supported})"),
    }
}

#[cfg(feature = "hash")]
#[test]
fn every_hash_descriptor_is_supported_exactly_when_it_computes() {
    use backend::{HashAlgorithm, HashBackend, HashContext};
    for algorithm in HashAlgorithm::ALL {
        let supported = Backend.hash_supported(algorithm);
        agrees(
            algorithm.name(),
            supported,
            Backend.create_hash_ctx(algorithm).map(|mut ctx| {
                ctx.update(b"abc");
                ctx.finalize()
            }),
        );
        agrees(algorithm.name(), supported, Backend.hash(algorithm, b"abc"));
    }
}

#[cfg(feature = "hmac")]
#[test]
fn every_hmac_descriptor_is_supported_exactly_when_it_computes() {
    use backend::{HashAlgorithm, HmacBackend, MacContext};
    for algorithm in HashAlgorithm::ALL {
        agrees(
            algorithm.name(),
            Backend.hmac_supported(algorithm),
            Backend
                .create_hmac_ctx(b"key", algorithm)
                .map(|ctx| ctx.finalize()),
        );
    }
}

#[cfg(feature = "cmac")]
#[test]
fn every_cmac_cipher_is_supported_exactly_when_it_keys() {
    use backend::{CmacBackend, MacContext};
    let keys: [u8; 64] = core::array::from_fn(|i| i as u8 + 1);
    for cipher in ciphers(&keys) {
        let what = format!("CMAC {} ({} key bytes)", cipher.name(), cipher.key().len());
        let supported = Backend.cmac_algorithm_supported(&cipher);
        match Backend.create_cmac_ctx(&cipher).map(|ctx| ctx.finalize()) {
            Err(Error::InvalidKey(_)) => {
                assert!(!supported, "{what}: listed, but the key is refused")
            }
            other => agrees(&what, supported, other),
        }
    }
}

/// Every cipher the descriptors name, with each key length its rows could list.
#[cfg(any(feature = "cipher", feature = "cmac"))]
fn ciphers<'a>(keys: &'a [u8; 64]) -> Vec<backend::CipherAlgorithm<'a>> {
    use backend::CipherAlgorithm;
    let mut all = Vec::new();
    for len in [16, 24, 32, 64] {
        all.push(CipherAlgorithm::Aes(&keys[..len]));
        all.push(CipherAlgorithm::Camellia(&keys[..len]));
    }
    for len in [8, 16, 24] {
        all.push(CipherAlgorithm::TripleDes(&keys[..len]));
    }
    all.push(CipherAlgorithm::Sm4(&keys[..16]));
    all.push(CipherAlgorithm::ChaCha20 {
        key: &keys[..32],
        nonce: &keys[..16],
    });
    all
}

#[cfg(feature = "cipher")]
#[test]
fn every_cipher_and_mode_is_supported_exactly_when_a_context_opens() {
    use backend::{CipherBackend, Mode};
    // Distinct bytes: the XTS halves differ and no weak-key rule trips.
    let keys: [u8; 64] = core::array::from_fn(|i| i as u8 + 1);
    let iv = [7u8; 16];
    let modes = [
        Mode::Stream,
        Mode::Ecb,
        Mode::Cbc { iv: &iv },
        Mode::Ctr { nonce: &iv },
        Mode::Ofb { iv: &iv },
        Mode::Cfb { iv: &iv },
        Mode::Cfb8 { iv: &iv },
        Mode::Xts { tweak: &iv },
        Mode::gcm(&iv[..12]),
    ];
    for cipher in ciphers(&keys) {
        // 3DES and the 64-bit block ciphers take an 8-byte IV.
        let short = [7u8; 8];
        for mode in modes {
            let mode = match (cipher, mode) {
                (backend::CipherAlgorithm::TripleDes(_), Mode::Cbc { .. }) => {
                    Mode::Cbc { iv: &short }
                }
                (backend::CipherAlgorithm::TripleDes(_), Mode::Ofb { .. }) => {
                    Mode::Ofb { iv: &short }
                }
                (backend::CipherAlgorithm::TripleDes(_), Mode::Cfb { .. }) => {
                    Mode::Cfb { iv: &short }
                }
                (backend::CipherAlgorithm::TripleDes(_), Mode::Cfb8 { .. }) => {
                    Mode::Cfb8 { iv: &short }
                }
                (_, mode) => mode,
            };
            let what = format!("{} {} ({} key bytes)", cipher.name(), mode.name(), {
                cipher.key().len()
            });
            let supported = Backend.cipher_supported(&cipher, &mode);
            let opened = Backend.create_symmetric_encryption_ctx(&cipher, &mode);
            // A key length no row of any build lists (AES-512 outside XTS, ...) is the call's
            // argument error whatever is compiled in: only the compiled-in question is checked.
            match opened {
                Err(Error::InvalidKey(_)) | Err(Error::InvalidArgument(_)) => {
                    assert!(
                        !supported,
                        "{what}: listed, but the call refuses its arguments"
                    )
                }
                other => agrees(&what, supported, other),
            }
        }
    }
}

#[cfg(feature = "cipher")]
#[test]
fn every_aead_is_supported_exactly_when_a_key_is_made() {
    use backend::cipher::{AeadAlgorithm, AeadBackend};
    let keys: [u8; 32] = core::array::from_fn(|i| i as u8 + 1);
    for (aead, nonce) in [
        (AeadAlgorithm::AesGcm, 12),
        (AeadAlgorithm::AesCcm { tag_length: 16 }, 13),
        (AeadAlgorithm::ChaCha20Poly1305, 12),
    ] {
        for len in [16, 24, 32] {
            let supported = Backend.aead_supported(aead, len, Some(nonce));
            let made = Backend.create_aead_key(aead, &keys[..len]);
            match made {
                Err(Error::InvalidKey(_)) => assert!(!supported, "{aead:?} {len}: listed"),
                other => agrees(&format!("{aead:?} with {len} key bytes"), supported, other),
            }
        }
    }
}

#[cfg(feature = "ec")]
#[test]
fn every_curve_and_ecdsa_hash_is_supported_exactly_when_it_signs() {
    use backend::{
        EcPrivateKey, Ecdsa, EllipticCurve, EllipticCurveBackend, HashAlgorithm, MessageHash,
    };
    for curve in EllipticCurve::ALL {
        let supported = Backend.elliptic_curve_supported(curve);
        let value = [1u8; 128];
        let key = Backend.derive_elliptic_curve_private_key(&value[..curve.field_len()], curve);
        agrees(
            curve.name(),
            supported,
            key.as_ref().map(|_| ()).map_err(|e| *e),
        );
        let Ok(key) = key else { continue };
        for hash in HashAlgorithm::ALL {
            let ecdsa = Ecdsa::deterministic(MessageHash::Hash(hash));
            let listed = Backend.elliptic_curve_signature_algorithm_supported(ecdsa, curve);
            agrees(
                &format!("ECDSA {} with {}", curve.name(), hash.name()),
                listed,
                key.sign(b"abc", ecdsa),
            );
        }
    }
}

/// Every row of the provider answers its cheapest call (the composition's own check): no row of
/// this build lists what it compiled out.
#[cfg(feature = "alloc")]
#[test]
fn every_row_of_this_build_answers() {
    backend::Provider::RUSTCRYPTO
        .check()
        .expect("a row of this build names an algorithm its calls refuse");
}
