//! Generation, signing and loading through the trait objects, the numbers rules as typed errors,
//! and properties of signatures (any message, any hash; tampering is refused).

use backend_dsa::{
    DsaBackend, DsaParameterNumbers, DsaParameters, DsaPrivateKey, DsaPrivateNumbers, DsaPublicKey,
    DsaPublicNumbers, Error, G_ORDER_RULE, HashAlgorithm, MessageHash, RustCrypto,
    RustCryptoDsaPrivateKey, X_RANGE_RULE, Y_FROM_X_RULE, Y_ORDER_RULE, capability,
    decode_dss_signature, encode_dss_signature,
};
use proptest::prelude::*;
use std::sync::OnceLock;

const SHA256: MessageHash = MessageHash::Hash(HashAlgorithm::Sha256);

/// One 1024-bit key for the whole file (generation takes a while in a debug build).
fn key() -> &'static dyn DsaPrivateKey {
    static KEY: OnceLock<Box<dyn DsaPrivateKey>> = OnceLock::new();
    KEY.get_or_init(|| {
        RustCrypto
            .generate_dsa_private_key_and_parameters(1024)
            .expect("generation")
    })
    .as_ref()
}

#[test]
fn generated_parameters_have_the_fips_sizes_and_keys_round_trip() {
    let key = key();
    assert_eq!(key.key_size(), 1024);
    let numbers = key.private_numbers().unwrap();
    let params = &numbers.public_numbers.parameter_numbers;
    assert_eq!(params.key_size(), 1024);
    assert_eq!(params.subgroup_size(), 160);
    assert_eq!(key.parameters().unwrap().parameter_numbers(), *params);
    assert_eq!(
        key.public_key().unwrap().public_numbers(),
        numbers.public_numbers
    );
    let reloaded = RustCrypto.load_dsa_private_numbers(&numbers).unwrap();
    assert_eq!(reloaded.private_numbers().unwrap(), numbers);
    // A second key from the same parameters, through the parameters object and the backend.
    let parameters = RustCrypto.load_dsa_parameter_numbers(params).unwrap();
    let other = RustCrypto.generate_dsa_private_key(&*parameters).unwrap();
    assert_ne!(other.private_numbers().unwrap(), numbers);
    assert_eq!(other.parameters().unwrap().parameter_numbers(), *params);
}

#[test]
fn every_arithmetic_rule_is_a_named_invalid_argument() {
    let numbers = key().private_numbers().unwrap();
    let params = numbers.public_numbers.parameter_numbers.clone();
    // g of the wrong order: g = p - 1 has order 2.
    let mut p_minus_1 = params.p.clone();
    *p_minus_1.last_mut().unwrap() -= 1;
    let bad_g = DsaParameterNumbers::new(&params.p, &params.q, &p_minus_1);
    assert_eq!(
        RustCrypto.load_dsa_parameter_numbers(&bad_g).err(),
        Some(Error::InvalidArgument(G_ORDER_RULE))
    );
    // y outside the subgroup: p - 1.
    let bad_y = DsaPublicNumbers::new(&p_minus_1, params.clone());
    assert_eq!(
        RustCrypto.load_dsa_public_numbers(&bad_y).err(),
        Some(Error::InvalidArgument(Y_ORDER_RULE))
    );
    // y that is not g^x.
    let mut wrong = numbers.clone();
    wrong.public_numbers = key()
        .parameters()
        .unwrap()
        .generate_private_key()
        .unwrap()
        .public_key()
        .unwrap()
        .public_numbers();
    assert_eq!(
        RustCrypto.load_dsa_private_numbers(&wrong).err(),
        Some(Error::InvalidArgument(Y_FROM_X_RULE))
    );
    // x = q.
    let x_is_q = DsaPrivateNumbers::new(&params.q, numbers.public_numbers.clone());
    assert_eq!(
        RustCrypto.load_dsa_private_numbers(&x_is_q).err(),
        Some(Error::InvalidArgument(X_RANGE_RULE))
    );
    // Unsupported generation size.
    assert!(matches!(
        RustCrypto.generate_dsa_parameters(1536).err(),
        Some(Error::InvalidArgument(_))
    ));
}

#[test]
fn supported_answers_follow_the_rows_and_the_calls() {
    // The supported <=> call property for DSA: every hash answer matches what sign does.
    let key = key();
    for hash in HashAlgorithm::ALL {
        let supported = RustCrypto.dsa_hash_supported(hash);
        let signed = key.sign(b"m", MessageHash::Hash(hash));
        assert_eq!(supported, signed.is_ok(), "{hash:?}: {signed:?}");
        if !supported {
            assert!(matches!(signed, Err(Error::Unsupported { .. })));
            // The hash decides before the digest's length does.
            let short = MessageHash::Prehashed(hash);
            assert!(matches!(
                key.sign(&[0; 3], short),
                Err(Error::Unsupported { .. })
            ));
            assert!(matches!(
                key.public_key().unwrap().verify(&[0x30, 0], &[0; 3], short),
                Err(Error::Unsupported { .. })
            ));
        }
    }
    for size in [512usize, 1024, 1536, 2048, 3072, 4096] {
        let expected = [1024, 2048, 3072].contains(&size);
        assert_eq!(RustCrypto.generate_dsa_parameters_supported(size), expected);
    }
    let p = key.parameters().unwrap().parameter_numbers();
    assert!(RustCrypto.dsa_parameters_supported(&p.p, &p.q, &p.g));
    assert!(!RustCrypto.dsa_parameters_supported(&p.p, &p.q[1..], &p.g));
    assert!(!RustCrypto.dsa_parameters_supported(&p.p[1..], &p.q, &p.g));
    assert!(capability::supports(
        RustCrypto.dsa_capabilities(),
        &backend_dsa::dsa_signature_query(HashAlgorithm::Sha1)
    ));
}

#[test]
fn deterministic_signatures_repeat_and_hedged_ones_differ() {
    let numbers = key().private_numbers().unwrap();
    let concrete = RustCryptoDsaPrivateKey::from_numbers(&numbers).unwrap();
    let a = concrete.sign_deterministic(b"msg", SHA256).unwrap();
    let b = concrete.sign_deterministic(b"msg", SHA256).unwrap();
    assert_eq!(a, b);
    let c = concrete.sign(b"msg", SHA256).unwrap();
    assert_ne!(a, c);
    let public = concrete.public_key().unwrap();
    public.verify(&a, b"msg", SHA256).unwrap();
    public.verify(&c, b"msg", SHA256).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn signatures_verify_and_tampering_is_refused(
        msg in proptest::collection::vec(any::<u8>(), 0..200),
        flip in any::<usize>(),
        hash in prop::sample::select(vec![
            HashAlgorithm::Sha1, HashAlgorithm::Sha224, HashAlgorithm::Sha256,
            HashAlgorithm::Sha384, HashAlgorithm::Sha512, HashAlgorithm::Sha3_256,
        ]),
    ) {
        let key = key();
        let public = key.public_key().unwrap();
        let sig = key.sign(&msg, MessageHash::Hash(hash)).unwrap();
        prop_assert!(public.verify(&sig, &msg, MessageHash::Hash(hash)).is_ok());
        // The codec round-trips.
        let (r, s) = decode_dss_signature(&sig).unwrap();
        prop_assert_eq!(encode_dss_signature(&r, &s).unwrap(), sig.clone());
        // Any flipped bit of the signature, or of the message, is refused.
        let mut bad = sig.clone();
        let bit = flip % (bad.len() * 8);
        bad[bit / 8] ^= 1 << (bit % 8);
        prop_assert!(public.verify(&bad, &msg, MessageHash::Hash(hash)).is_err());
        let mut other = msg.clone();
        other.push(0);
        prop_assert_eq!(
            public.verify(&sig, &other, MessageHash::Hash(hash)),
            Err(Error::InvalidSignature)
        );
    }
}

#[test]
fn debug_output_holds_no_secret() {
    let numbers = key().private_numbers().unwrap();
    let hex_x: String = numbers.x.iter().map(|b| format!("{b:02x}")).collect();
    for shown in [
        format!("{numbers:?}"),
        format!(
            "{:?}",
            RustCryptoDsaPrivateKey::from_numbers(&numbers).unwrap()
        ),
    ] {
        assert!(!shown.contains(&hex_x), "{shown}");
        assert!(!shown.contains(&format!("{:?}", numbers.x)), "{shown}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random numbers of the accepted sizes (p odd with its top bit set, q likewise) are refused
    /// with a typed error, never a panic; so are random signature bytes.
    #[test]
    fn random_numbers_and_signatures_never_panic(
        p in proptest::collection::vec(any::<u8>(), 128),
        q in proptest::collection::vec(any::<u8>(), 20),
        g in proptest::collection::vec(any::<u8>(), 1..128),
        y in proptest::collection::vec(any::<u8>(), 1..129),
        x in proptest::collection::vec(any::<u8>(), 0..40),
        sig in proptest::collection::vec(any::<u8>(), 0..80),
    ) {
        let mut p = p;
        let mut q = q;
        p[0] |= 0x80;
        p[127] |= 1;
        q[0] |= 0x80;
        q[19] |= 1;
        let params = DsaParameterNumbers::new(&p, &q, &g);
        let public = DsaPublicNumbers::new(&y, params.clone());
        let private = DsaPrivateNumbers::new(&x, public.clone());
        // A random g has order q with negligible probability: every load is an error.
        prop_assert!(RustCrypto.load_dsa_parameter_numbers(&params).is_err());
        prop_assert!(RustCrypto.load_dsa_public_numbers(&public).is_err());
        prop_assert!(RustCrypto.load_dsa_private_numbers(&private).is_err());
        let verified = key().public_key().unwrap().verify(&sig, b"m", SHA256);
        prop_assert!(verified.is_err());
    }
}

#[test]
fn every_generation_size_has_its_fips_subgroup_size() {
    for (key_size, subgroup_size) in [(1024, 160), (2048, 224), (3072, 256)] {
        let parameters = RustCrypto.generate_dsa_parameters(key_size).unwrap();
        let numbers = parameters.parameter_numbers();
        assert_eq!(
            (numbers.key_size(), numbers.subgroup_size()),
            (key_size, subgroup_size)
        );
        let key = parameters.generate_private_key().unwrap();
        let sig = key.sign(b"m", SHA256).unwrap();
        key.public_key()
            .unwrap()
            .verify(&sig, b"m", SHA256)
            .unwrap();
    }
}
