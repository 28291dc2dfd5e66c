//! The facade's cipher impl: `Backend` answers like the RustCrypto provider it forwards to,
//! statically and as trait objects, and a boxed context serves generic code.
#![cfg(all(feature = "cipher", feature = "alloc"))]
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed

use backend::dynamic::{DynCipherBackend, DynEncryptionContext};
use backend::{Backend, CipherAlgorithm, CipherBackend, EncryptionContext, Mode, Result};

#[test]
fn facade_table_is_the_rustcrypto_table() {
    assert_eq!(
        CipherBackend::supported_ciphers(&Backend),
        backend::cipher::RustCrypto::CIPHERS
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
}

/// Generic code over any encryption context: it takes the static context and the boxed one.
fn seal<C: EncryptionContext>(mut ctx: C, data: &[u8]) -> Result<Vec<u8>> {
    ctx.authenticate_additional_data(b"header")?;
    let mut out = ctx.update(data)?;
    out.extend_from_slice(&ctx.finalize()?.tag.unwrap());
    Ok(out)
}

#[test]
fn facade_static_and_dynamic_forms_agree() {
    let key = [9u8; 32];
    let cipher = CipherAlgorithm::Aes(&key);
    let mode = Mode::gcm(&[3u8; 12]);
    let static_ctx =
        CipherBackend::create_symmetric_encryption_ctx(&Backend, &cipher, &mode).unwrap();
    let providers: Vec<Box<dyn DynCipherBackend>> = vec![Box::new(Backend)];
    let boxed: Box<dyn DynEncryptionContext> = providers[0]
        .create_symmetric_encryption_ctx(&cipher, &mode)
        .unwrap();
    let expected = backend::cipher::aead::AesGcm::new(&key)
        .unwrap()
        .encrypt(&[3u8; 12], b"message", b"header")
        .unwrap();
    assert_eq!(seal(static_ctx, b"message").unwrap(), expected);
    assert_eq!(seal(boxed, b"message").unwrap(), expected);
    assert!(providers[0].cipher_supported(&cipher, &mode));
}
