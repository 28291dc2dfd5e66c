//! RSA through the facade: the backend by value and as a trait object (`RsaBackend` is object-safe,
//! with no separate twin) agree, and a provider list chosen at run time serves keys as trait
//! objects.

use backend::{
    AsymmetricPadding, Backend, Error, HashAlgorithm, MessageHash, RsaBackend, RsaPrivateKey,
    RsaPublicKey,
};

const SHA256: MessageHash = MessageHash::Hash(HashAlgorithm::Sha256);

#[test]
fn static_and_dynamic_rsa_keys_sign_alike() -> Result<(), Error> {
    let key = RsaBackend::generate_rsa_private_key(&Backend, 65537, 1024)?;
    let numbers = key.private_numbers()?;
    let dynamic: &dyn RsaBackend = &Backend;
    let loaded = dynamic.load_rsa_private_numbers(&numbers)?;
    // PKCS#1 v1.5 signatures are deterministic: both forms must give the same bytes.
    assert_eq!(
        key.sign(b"facade", AsymmetricPadding::Pkcs1v15, SHA256)?,
        loaded.sign(b"facade", AsymmetricPadding::Pkcs1v15, SHA256)?
    );
    let public = dynamic.load_rsa_public_numbers(&numbers.public_numbers)?;
    let signature = loaded.sign(b"facade", AsymmetricPadding::Pkcs1v15, SHA256)?;
    public.verify(&signature, b"facade", AsymmetricPadding::Pkcs1v15, SHA256)?;
    assert_eq!(
        dynamic.rsa_capabilities(),
        RsaBackend::rsa_capabilities(&Backend)
    );
    Ok(())
}

#[test]
fn a_provider_list_picks_the_first_that_supports_the_padding() -> Result<(), Error> {
    let providers: Vec<Box<dyn RsaBackend>> = vec![Box::new(Backend)];
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha3_256, b"label");
    let provider = providers
        .iter()
        .find(|p| p.rsa_padding_supported(&oaep))
        .ok_or(Error::InvalidArgument("no provider"))?;
    let key = provider.generate_rsa_private_key(65537, 1024)?;
    let ciphertext = key.public_key()?.encrypt(b"secret", oaep)?;
    assert_eq!(&key.decrypt(&ciphertext, oaep)?[..], b"secret");
    Ok(())
}
