//! DSA through the facade: every `dsa_*_supported` answer agrees with the call it describes (the
//! supported ⇔ call property), for `Backend`, a `Restricted` provider and a `MultiBackend`; keys
//! come back as trait objects and sign alike whichever composition loaded them.
#![cfg(all(feature = "dsa", feature = "alloc"))]
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed

use backend::capability::{Algorithm, Capability, HashSet, Sizes};
use backend::{
    Backend, DsaBackend, DsaParameterNumbers, DsaPrivateKey, DsaPublicKey, Error, HashAlgorithm,
    MessageHash, MultiBackend, Provider, Restricted,
};
use std::sync::OnceLock;

fn key() -> &'static dyn DsaPrivateKey {
    static KEY: OnceLock<Box<dyn DsaPrivateKey>> = OnceLock::new();
    KEY.get_or_init(|| {
        Backend
            .generate_dsa_private_key_and_parameters(1024)
            .unwrap()
    })
    .as_ref()
}

/// The supported ⇔ call property over every hash, and over parameter sizes built from the key's
/// (p and q cut or extended to other sizes keep the numbers rules apart from the size).
fn supported_iff_call(backend: &dyn DsaBackend) {
    let numbers = key().private_numbers().unwrap();
    let loaded = backend.load_dsa_private_numbers(&numbers);
    let params = &numbers.public_numbers.parameter_numbers;
    assert_eq!(
        backend.dsa_parameters_supported(&params.p, &params.q, &params.g),
        loaded.is_ok(),
        "{:?}",
        loaded.as_ref().err()
    );
    if let Ok(key) = &loaded {
        for hash in HashAlgorithm::ALL {
            let signed = key.sign(b"m", MessageHash::Hash(hash));
            assert_eq!(
                backend.dsa_hash_supported(hash),
                signed.is_ok(),
                "{hash:?}: {signed:?}"
            );
        }
    }
    // Other sizes: q of 152 or 168 bits, p of 1016 bits. None is supported, and none loads.
    let mut shorter_q = params.q.clone();
    shorter_q.pop();
    let mut longer_q = params.q.clone();
    longer_q.push(1);
    let shorter_p = params.p[1..].to_vec();
    for (p, q) in [
        (&params.p, &shorter_q),
        (&params.p, &longer_q),
        (&shorter_p, &params.q),
    ] {
        let candidate = DsaParameterNumbers::new(p, q, &params.g);
        assert!(!backend.dsa_parameters_supported(p, q, &params.g));
        assert!(backend.load_dsa_parameter_numbers(&candidate).is_err());
    }
    for size in [512usize, 1024, 1536, 2048, 3072, 4096, 8192] {
        if !backend.generate_dsa_parameters_supported(size) {
            assert!(backend.generate_dsa_parameters(size).is_err(), "{size}");
        }
    }
    assert!(
        backend.generate_dsa_parameters_supported(1024)
            == backend.generate_dsa_parameters(1024).is_ok()
    );
}

#[test]
fn backend_supported_answers_agree_with_the_calls() {
    supported_iff_call(&Backend);
    assert!(Backend.generate_dsa_parameters_supported(2048));
    assert!(Backend.generate_dsa_parameters_supported(3072));
}

#[test]
fn a_restricted_provider_and_a_composition_answer_as_they_route() {
    // A policy: DSA keys of 1024 bits with N = 160, signatures over SHA-256 only, no generation.
    let rows = [
        Capability::new(Algorithm::DsaKeys { subgroup_bits: 160 }).key_bits(Sizes::exactly(1024)),
        Capability::new(Algorithm::DsaSignature).hashes(HashSet::of(&[HashAlgorithm::Sha256])),
    ];
    let restricted = Restricted::new(Provider::RUSTCRYPTO, &rows);
    assert!(restricted.dsa_hash_supported(HashAlgorithm::Sha256));
    assert!(!restricted.dsa_hash_supported(HashAlgorithm::Sha1));
    assert!(!restricted.generate_dsa_parameters_supported(1024));
    assert!(matches!(
        restricted.generate_dsa_parameters(1024).err(),
        Some(Error::Unsupported { .. })
    ));
    let numbers = key().private_numbers().unwrap();
    let loaded = restricted.load_dsa_private_numbers(&numbers).unwrap();
    // The key belongs to the inner provider (it signs with any of its hashes): the rows decide
    // what the composition routes, the key object carries its implementation.
    loaded
        .public_key()
        .unwrap()
        .verify(
            &loaded
                .sign(b"m", MessageHash::Hash(HashAlgorithm::Sha256))
                .unwrap(),
            b"m",
            MessageHash::Hash(HashAlgorithm::Sha256),
        )
        .unwrap();

    // A composition: the policy first, then RustCrypto; generation falls through to RustCrypto.
    let multi = MultiBackend::new([restricted.provider("policy"), Provider::RUSTCRYPTO]).unwrap();
    supported_iff_call(&multi);
    assert_eq!(
        multi.serving(&backend::dsa::dsa_parameters_query(
            &numbers.public_numbers.parameter_numbers
        )),
        Some("policy")
    );
    assert_eq!(
        multi.serving(&backend::dsa::dsa_parameter_generation_query(1024)),
        Some("rustcrypto")
    );
    // A provider without a DSA part answers Unsupported with the family's reason.
    let none = MultiBackend::new([Provider::EMPTY]).unwrap();
    assert!(!none.dsa_hash_supported(HashAlgorithm::Sha256));
    assert!(matches!(
        none.load_dsa_public_numbers(&numbers.public_numbers).err(),
        Some(Error::Unsupported { .. })
    ));
}

#[test]
fn keys_loaded_anywhere_verify_each_others_signatures() {
    let numbers = key().private_numbers().unwrap();
    let dynamic: &dyn DsaBackend = &Backend;
    let multi = MultiBackend::new([Provider::RUSTCRYPTO]).unwrap();
    let a = dynamic.load_dsa_private_numbers(&numbers).unwrap();
    let b = multi
        .load_dsa_public_numbers(&numbers.public_numbers)
        .unwrap();
    let sha384 = MessageHash::Hash(HashAlgorithm::Sha384);
    b.verify(&a.sign(b"facade", sha384).unwrap(), b"facade", sha384)
        .unwrap();
    assert_eq!(b.public_numbers(), numbers.public_numbers);
    assert_eq!(
        dynamic.dsa_capabilities(),
        DsaBackend::dsa_capabilities(&Backend)
    );
}
