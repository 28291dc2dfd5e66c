//! The facade's key-derivation impls: `Backend` answers like the RustCrypto provider it forwards to,
//! statically and as trait objects.
#![cfg(all(feature = "kdf", feature = "scrypt", feature = "alloc"))]
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed

use backend::{Backend, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, ScryptBackend};

#[test]
fn facade_supported_agrees_with_derive_for_every_descriptor() {
    for algorithm in HashAlgorithm::ALL {
        let mut out = [0u8; 24];
        assert_eq!(
            Backend.pbkdf2_hmac_supported(algorithm),
            Backend
                .derive_pbkdf2_hmac_into(algorithm, b"salt", 3, b"pw", &mut out)
                .is_ok(),
            "{algorithm:?}"
        );
        assert_eq!(
            Backend.hkdf_supported(algorithm),
            Backend
                .derive_hkdf_into(algorithm, b"salt", b"info", b"ikm", &mut out)
                .is_ok(),
            "{algorithm:?}"
        );
    }
}

#[test]
fn facade_static_and_dynamic_forms_agree() {
    use backend::dynamic::{DynHkdfBackend, DynPbkdf2HmacBackend, DynScryptBackend};
    let pbkdf2: &dyn DynPbkdf2HmacBackend = &Backend;
    let hkdf: &dyn DynHkdfBackend = &Backend;
    let scrypt: &dyn DynScryptBackend = &Backend;
    let mut out = [0u8; 32];
    Pbkdf2HmacBackend::derive_pbkdf2_hmac_into(
        &Backend,
        HashAlgorithm::Sha256,
        b"s",
        2,
        b"p",
        &mut out,
    )
    .unwrap();
    let key = pbkdf2
        .derive_pbkdf2_hmac(HashAlgorithm::Sha256, 32, b"s", 2, b"p")
        .unwrap();
    assert_eq!(key.as_bytes(), &out);
    HkdfBackend::derive_hkdf_into(&Backend, HashAlgorithm::Sha384, b"s", b"i", b"k", &mut out)
        .unwrap();
    let key = hkdf
        .derive_hkdf(HashAlgorithm::Sha384, 32, b"s", b"i", b"k")
        .unwrap();
    assert_eq!(key.as_bytes(), &out);
    ScryptBackend::derive_scrypt_into(&Backend, b"p", b"s", 16, 1, 1, &mut out).unwrap();
    let key = scrypt.derive_scrypt(b"p", b"s", 32, 16, 1, 1).unwrap();
    assert_eq!(key.as_bytes(), &out);
    assert_eq!(
        scrypt.scrypt_memory_limit(),
        backend::kdf::DEFAULT_SCRYPT_MEMORY_LIMIT
    );
}
