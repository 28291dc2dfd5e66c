//! Diffie-Hellman through the facade: the provider value, a `MultiBackend` and a `Restricted`
//! provider route DH calls by their rows, and the keys carry their implementation.

use backend::capability::{Algorithm, Capability, Sizes};
use backend::{
    Backend, DhBackend, DhParameterNumbers, DhParameters, DhPrivateKey, Error, MultiBackend,
    Provider, Restricted,
};

#[test]
fn the_provider_value_and_the_backend_agree() -> Result<(), Error> {
    let group = backend::dh::ffdhe2048();
    let by_value = Provider::RUSTCRYPTO.load_dh_parameter_numbers(&group)?;
    let key = by_value.generate_private_key()?;
    let numbers = key.private_numbers()?;
    let loaded = Backend.load_dh_private_numbers(&numbers)?;
    let peer = Backend
        .load_dh_parameter_numbers(&group)?
        .generate_private_key()?;
    assert_eq!(
        key.exchange(&*peer.public_key()?)?,
        loaded.exchange(&*peer.public_key()?)?
    );
    assert_eq!(
        Provider::RUSTCRYPTO.dh_capabilities(),
        Backend.dh_capabilities()
    );
    assert!(Provider::RUSTCRYPTO.dh_x942_serialization_supported());
    Ok(())
}

#[test]
fn a_restricted_provider_refuses_sizes_outside_its_rows_and_a_composition_falls_through() {
    // A policy: DH groups of 3072 bits and more only.
    let rows = [Capability::new(Algorithm::DhKeys).key_bits(Sizes::range(3072, 8192, 1))];
    let restricted = Restricted::new(Provider::RUSTCRYPTO, &rows);
    let ffdhe2048 = backend::dh::ffdhe2048();
    let ffdhe3072 = backend::dh::named_group("ffdhe3072").expect("group");
    assert!(matches!(
        restricted.load_dh_parameter_numbers(&ffdhe2048),
        Err(Error::Unsupported { .. })
    ));
    assert!(!restricted.dh_parameters_supported(&ffdhe2048.p, &ffdhe2048.g, None));
    assert!(restricted.dh_parameters_supported(&ffdhe3072.p, &ffdhe3072.g, None));
    assert!(!restricted.generate_dh_parameters_supported(2, 512));
    restricted
        .load_dh_parameter_numbers(&ffdhe3072)
        .expect("in the rows");

    let multi =
        MultiBackend::new([restricted.provider("policy"), Provider::RUSTCRYPTO]).expect("multi");
    let query = backend::dh::dh_keys_query(2048);
    assert_eq!(multi.serving(&query), Some("rustcrypto"));
    assert_eq!(
        multi.serving(&backend::dh::dh_keys_query(3072)),
        Some("policy")
    );
    let params = multi
        .load_dh_parameter_numbers(&ffdhe2048)
        .expect("falls through");
    let a = params.generate_private_key().expect("key");
    let b = multi
        .generate_dh_private_key(&*params)
        .expect("key in the same group");
    assert_eq!(
        a.exchange(&*b.public_key().expect("public"))
            .expect("exchange"),
        b.exchange(&*a.public_key().expect("public"))
            .expect("exchange")
    );
    assert!(multi.dh_x942_serialization_supported());
}

#[test]
fn a_composition_without_dh_answers_unsupported() {
    let multi = MultiBackend::new([Provider::EMPTY]).expect("multi");
    let numbers = DhParameterNumbers::with_generator(&[0xff; 64], 2, None);
    assert!(matches!(
        multi.load_dh_parameter_numbers(&numbers),
        Err(Error::Unsupported { .. })
    ));
    assert!(!multi.generate_dh_parameters_supported(2, 2048));
    assert!(!multi.dh_parameters_supported(&numbers.p, &numbers.g, None));
}
