//! The facade's cipher family: `Backend` is the RustCrypto provider, statically and as trait
//! objects; a boxed context and a boxed provider serve generic code; the keyed AEAD agrees with
//! the upstream crate.
#![cfg(all(feature = "cipher", feature = "alloc"))]
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed

use backend::cipher::{AeadAlgorithm, AeadBackend, AeadKey};
use backend::{Backend, CipherAlgorithm, CipherBackend, EncryptionContext, Mode, Result};

// The twins by path: with a static trait and its twin both in scope, a call on a boxed provider
// (which implements both) is ambiguous.
type DynCipherBackend = dyn backend::dynamic::DynCipherBackend;
type DynEncryptionContext = dyn backend::dynamic::DynEncryptionContext;
type DynAeadBackend = dyn backend::cipher::DynAeadBackend;

#[test]
fn facade_rows_are_the_rustcrypto_rows() {
    assert_eq!(
        CipherBackend::cipher_capabilities(&Backend),
        backend::cipher::rustcrypto::CAPABILITIES
    );
    assert_eq!(
        AeadBackend::aead_capabilities(&Backend),
        backend::cipher::rustcrypto::AEAD_CAPABILITIES
    );
    let key = [1u8; 16];
    assert!(CipherBackend::cipher_supported(
        &Backend,
        &CipherAlgorithm::Aes(&key),
        &Mode::Ecb
    ));
    assert!(!CipherBackend::cipher_supported(
        &Backend,
        &CipherAlgorithm::TripleDes(&key),
        &Mode::gcm(&[0; 12])
    ));
    assert!(Backend.aead_supported(AeadAlgorithm::AesGcm, 24, Some(12)));
    assert!(!Backend.aead_supported(AeadAlgorithm::AesGcm, 20, None));
}

/// Generic code over any encryption context: it takes the static context and the boxed one.
fn seal<C: EncryptionContext>(mut ctx: C, data: &[u8]) -> Result<Vec<u8>> {
    ctx.authenticate_additional_data(b"header")?;
    let mut out = ctx.update(data)?;
    out.extend_from_slice(&ctx.finalize()?.tag.unwrap());
    Ok(out)
}

/// Generic code over any cipher provider.
fn seal_with<B: CipherBackend>(backend: &B, key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    seal(
        backend.create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(key), &Mode::gcm(iv))?,
        data,
    )
}

#[test]
fn facade_static_and_dynamic_forms_agree() {
    let key = [9u8; 32];
    let cipher = CipherAlgorithm::Aes(&key);
    let mode = Mode::gcm(&[3u8; 12]);
    let static_ctx =
        CipherBackend::create_symmetric_encryption_ctx(&Backend, &cipher, &mode).unwrap();
    let providers: Vec<Box<DynCipherBackend>> = vec![Box::new(Backend)];
    let boxed: Box<DynEncryptionContext> = providers[0]
        .create_symmetric_encryption_ctx(&cipher, &mode)
        .unwrap();
    let expected = Backend
        .create_aead_key(AeadAlgorithm::AesGcm, &key)
        .unwrap()
        .encrypt(&[3u8; 12], b"message", b"header")
        .unwrap();
    assert_eq!(seal(static_ctx, b"message").unwrap(), expected);
    assert_eq!(seal(boxed, b"message").unwrap(), expected);
    // The boxed provider itself is a CipherBackend.
    assert_eq!(
        seal_with(&providers[0], &key, &[3u8; 12], b"message").unwrap(),
        expected
    );
    assert!(providers[0].cipher_supported(&cipher, &mode));
}

/// Generic code over any AEAD provider: one key, two messages.
fn seal_twice<B: AeadBackend>(backend: &B, key: &[u8]) -> Result<[Vec<u8>; 2]> {
    let key = backend.create_aead_key(AeadAlgorithm::AesGcm, key)?;
    Ok([
        key.encrypt(&[1; 12], b"first", b"")?,
        key.encrypt(&[2; 12], b"second", b"")?,
    ])
}

#[test]
fn the_keyed_aead_agrees_with_aes_gcm_through_every_form() {
    use aes_gcm::aead::{AeadInOut, KeyInit};
    let key = [4u8; 16];
    let raw = aes_gcm::Aes128Gcm::new_from_slice(&key).unwrap();
    let raw_seal = |nonce: [u8; 12], msg: &[u8]| {
        let mut out = msg.to_vec();
        let tag = raw
            .encrypt_inout_detached(&nonce.into(), &[], out.as_mut_slice().into())
            .unwrap();
        out.extend_from_slice(&tag);
        out
    };
    let expected = [raw_seal([1; 12], b"first"), raw_seal([2; 12], b"second")];
    assert_eq!(seal_twice(&Backend, &key).unwrap(), expected);
    let chosen_at_run_time: Box<DynAeadBackend> = Box::new(Backend);
    assert_eq!(seal_twice(&chosen_at_run_time, &key).unwrap(), expected);
}
