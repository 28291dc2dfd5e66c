//! A DH key in the key layer: it is a `PrivateKey` / `PublicKey` like any other, and it is not a
//! signer (signing and verifying answer `Unsupported` with the reason).

use backend_dh::{DhBackend, DhParameters, RustCrypto};
use backend_keys::{
    DH_DOES_NOT_SIGN, Error, HashAlgorithm, PrivateKey, SignatureAlgorithm, Signer, SigningKey,
};

#[test]
fn a_dh_key_is_a_key_but_not_a_signer() -> Result<(), Error> {
    let params = RustCrypto.load_dh_parameter_numbers(&backend_dh::ffdhe2048())?;
    let key = PrivateKey::from(params.generate_private_key()?);
    assert_eq!(key.key_size(), 2048);
    assert!(key.as_dh().is_some());
    assert!(key.as_ec().is_none());
    let es256 = SignatureAlgorithm::Ecdsa {
        hash: HashAlgorithm::Sha256,
    };
    assert!(!key.supports(&es256));
    let err = key.sign(&es256, es256.message(), b"data").unwrap_err();
    assert_eq!(err, DH_DOES_NOT_SIGN);
    assert!(matches!(err, Error::Unsupported { .. }));
    let public = key.public_key()?;
    assert_eq!(public.key_size(), 2048);
    assert_eq!(
        public.verify(b"sig", b"data", &es256, es256.message()),
        Err(DH_DOES_NOT_SIGN)
    );
    let lent = public.by_ref();
    assert_eq!(
        lent.as_dh().map(|k| k.public_numbers()),
        public.as_dh().map(|k| k.public_numbers())
    );
    assert_eq!(format!("{key:?}"), "PrivateKey::Dh(2048 bits)");
    Ok(())
}
