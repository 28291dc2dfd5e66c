//! Keys, paddings and bad input: every error path the RSA issue lists, named as sentences.

mod common;

use backend_rsa::{
    AsymmetricPadding, Error, HashAlgorithm, MessageHash, Mgf, Oaep, Reason, RsaBackend,
    RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers, RustCrypto, SaltLength,
};
use common::{TestRng, key_1024_e3, key_2048};

type TestResult = Result<(), Error>;

const SHA256: MessageHash = MessageHash::Hash(HashAlgorithm::Sha256);
const DECRYPTION_FAILED: Error = Error::Decryption;

fn public(key: &dyn RsaPrivateKey) -> Box<dyn RsaPublicKey> {
    key.public_key().expect("in-memory keys have a public key")
}

fn pss(salt_length: SaltLength) -> AsymmetricPadding<'static> {
    AsymmetricPadding::pss(HashAlgorithm::Sha256, salt_length)
}

#[test]
fn keys_are_send_sync_trait_objects() {
    fn assert_send_sync<T: Send + Sync + ?Sized>() {}
    assert_send_sync::<dyn RsaPrivateKey>();
    assert_send_sync::<dyn RsaPublicKey>();
    let key: &dyn RsaPrivateKey = key_2048();
    assert_eq!(key.key_size(), 2048);
    assert_eq!(public(key).key_size(), 2048);
}

#[test]
fn pkcs1v15_signatures_round_trip_and_are_deterministic() -> TestResult {
    let key = key_2048();
    let a = key.sign(b"message", AsymmetricPadding::Pkcs1v15, SHA256)?;
    let b = key.sign(b"message", AsymmetricPadding::Pkcs1v15, SHA256)?;
    assert_eq!(a, b);
    assert_eq!(a.len(), 256);
    public(key).verify(&a, b"message", AsymmetricPadding::Pkcs1v15, SHA256)?;
    assert_eq!(
        public(key).verify(&a, b"massage", AsymmetricPadding::Pkcs1v15, SHA256),
        Err(Error::InvalidSignature)
    );
    Ok(())
}

#[test]
fn pss_signs_with_every_salt_length_and_auto_recovers_it() -> TestResult {
    let key = key_2048();
    let public = public(key);
    for salt in [
        SaltLength::Explicit(0),
        SaltLength::Explicit(17),
        SaltLength::DigestLength,
        SaltLength::Maximum,
    ] {
        let sig = key.sign(b"data", pss(salt), SHA256)?;
        public.verify(&sig, b"data", pss(salt), SHA256)?;
        public.verify(&sig, b"data", pss(SaltLength::Auto), SHA256)?;
    }
    let sig = key.sign(b"data", pss(SaltLength::Explicit(20)), SHA256)?;
    assert_eq!(
        public.verify(&sig, b"data", pss(SaltLength::Explicit(32)), SHA256),
        Err(Error::InvalidSignature)
    );
    Ok(())
}

#[test]
fn pss_mgf1_hash_may_differ_from_the_message_hash() -> TestResult {
    let key = key_2048();
    let padding = AsymmetricPadding::Pss(backend_rsa::Pss {
        mgf: Mgf::Mgf1(HashAlgorithm::Sha3_384),
        salt_length: SaltLength::DigestLength,
    });
    let sha512 = MessageHash::Hash(HashAlgorithm::Sha512);
    let sig = key.sign(b"data", padding, sha512)?;
    public(key).verify(&sig, b"data", padding, sha512)?;
    assert!(
        public(key)
            .verify(&sig, b"data", pss(SaltLength::Auto), sha512)
            .is_err()
    );
    Ok(())
}

#[test]
fn pss_auto_salt_is_verify_only() {
    assert_eq!(
        key_2048().sign(b"data", pss(SaltLength::Auto), SHA256),
        Err(Error::InvalidArgument(
            "PSS salt length AUTO is for verification only"
        ))
    );
}

#[test]
fn pss_salt_longer_than_the_key_allows_is_an_error() {
    // emLen 256, hLen 32: the largest salt is 256 - 32 - 2 = 222 bytes.
    let key = key_2048();
    assert!(
        key.sign(b"d", pss(SaltLength::Explicit(222)), SHA256)
            .is_ok()
    );
    assert_eq!(
        key.sign(b"d", pss(SaltLength::Explicit(223)), SHA256),
        Err(Error::InvalidArgument("PSS salt too long for the key"))
    );
    assert_eq!(
        key.sign(b"d", pss(SaltLength::Explicit(usize::MAX)), SHA256),
        Err(Error::InvalidArgument("PSS salt too long for the key"))
    );
}

#[test]
fn prehashed_digests_sign_like_hashed_messages() -> TestResult {
    let key = key_2048();
    let digest = hex::decode("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        .expect("hex");
    let prehashed = MessageHash::Prehashed(HashAlgorithm::Sha256);
    let a = key.sign(&digest, AsymmetricPadding::Pkcs1v15, prehashed)?;
    assert_eq!(a, key.sign(b"abc", AsymmetricPadding::Pkcs1v15, SHA256)?);
    public(key).verify(&a, b"abc", AsymmetricPadding::Pkcs1v15, SHA256)?;
    let b = key.sign(&digest, pss(SaltLength::DigestLength), prehashed)?;
    public(key).verify(&b, b"abc", pss(SaltLength::DigestLength), SHA256)?;
    Ok(())
}

#[test]
fn prehashed_digest_of_the_wrong_length_is_an_error() {
    let prehashed = MessageHash::Prehashed(HashAlgorithm::Sha256);
    let result = key_2048().sign(&[0; 31], AsymmetricPadding::Pkcs1v15, prehashed);
    assert!(matches!(result, Err(Error::InvalidArgument(_))));
}

#[test]
fn signature_of_the_wrong_length_is_an_invalid_signature() -> TestResult {
    let key = key_2048();
    let sig = key.sign(b"m", AsymmetricPadding::Pkcs1v15, SHA256)?;
    let public = public(key);
    for bad in [
        &sig[1..],
        &[&[0u8][..], &sig[..]].concat()[..],
        &[],
        &sig[..1],
    ] {
        for padding in [AsymmetricPadding::Pkcs1v15, pss(SaltLength::Auto)] {
            assert_eq!(
                public.verify(bad, b"m", padding, SHA256),
                Err(Error::InvalidSignature)
            );
        }
    }
    Ok(())
}

#[test]
fn signature_not_below_the_modulus_is_an_invalid_signature() {
    let public = public(key_2048());
    let n = public.public_numbers().n;
    assert_eq!(
        public.verify(&n, b"m", AsymmetricPadding::Pkcs1v15, SHA256),
        Err(Error::InvalidSignature)
    );
    assert_eq!(
        public.verify(&[0xff; 256], b"m", pss(SaltLength::Auto), SHA256),
        Err(Error::InvalidSignature)
    );
}

#[test]
fn recover_data_returns_the_digest_or_the_digest_info() -> TestResult {
    let key = key_2048();
    let public = public(key);
    let sig = key.sign(b"abc", AsymmetricPadding::Pkcs1v15, SHA256)?;
    let digest = public.recover_data_from_signature(
        &sig,
        AsymmetricPadding::Pkcs1v15,
        Some(HashAlgorithm::Sha256),
    )?;
    assert_eq!(hex::encode(&digest)[..8], *"ba7816bf");
    let info = public.recover_data_from_signature(&sig, AsymmetricPadding::Pkcs1v15, None)?;
    assert_eq!(info.len(), 19 + 32);
    assert_eq!(info[19..], digest[..]);
    assert_eq!(
        public.recover_data_from_signature(
            &sig,
            AsymmetricPadding::Pkcs1v15,
            Some(HashAlgorithm::Sha384)
        ),
        Err(Error::InvalidSignature)
    );
    assert!(matches!(
        public.recover_data_from_signature(&sig, pss(SaltLength::Auto), None),
        Err(Error::InvalidArgument(_))
    ));
    Ok(())
}

#[test]
fn oaep_round_trips_with_a_label_and_a_different_mgf_hash() -> TestResult {
    let key = key_2048();
    let padding = AsymmetricPadding::Oaep(Oaep {
        mgf: Mgf::Mgf1(HashAlgorithm::Sha1),
        hash: HashAlgorithm::Sha512,
        label: b"a label",
    });
    let ciphertext = public(key).encrypt(b"secret", padding)?;
    assert_eq!(ciphertext.len(), 256);
    assert_eq!(&key.decrypt(&ciphertext, padding)?[..], b"secret");
    // A megabyte label has no length limit below the hash's input limit (2^61 bytes).
    let long_label = vec![7u8; 1 << 20];
    let padding = AsymmetricPadding::oaep(HashAlgorithm::Sha256, &long_label);
    let ciphertext = public(key).encrypt(b"", padding)?;
    assert_eq!(key.decrypt(&ciphertext, padding)?.len(), 0);
    Ok(())
}

#[test]
fn oaep_decryption_failures_are_all_the_same_error() -> TestResult {
    let key = key_2048();
    let padding = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"label");
    let ciphertext = public(key).encrypt(b"secret", padding)?;
    let mut flipped = ciphertext.clone();
    flipped[100] ^= 1;
    let n = public(key).public_numbers().n;
    let cases: [(&[u8], AsymmetricPadding<'_>); 6] = [
        (
            &ciphertext,
            AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"other"),
        ),
        (
            &ciphertext,
            AsymmetricPadding::oaep(HashAlgorithm::Sha384, b"label"),
        ),
        (&flipped, padding),
        (&ciphertext[1..], padding),
        (&n, padding),
        (&[0xff; 256], padding),
    ];
    for (input, padding) in cases {
        assert_eq!(key.decrypt(input, padding), Err(DECRYPTION_FAILED));
    }
    Ok(())
}

#[test]
fn pkcs1v15_decryption_failures_are_all_the_same_error() -> TestResult {
    let key = key_2048();
    let ciphertext = public(key).encrypt(b"secret", AsymmetricPadding::Pkcs1v15)?;
    assert_eq!(
        &key.decrypt(&ciphertext, AsymmetricPadding::Pkcs1v15)?[..],
        b"secret"
    );
    let n = public(key).public_numbers().n;
    let long = [&ciphertext[..], &[0]].concat();
    for input in [
        &ciphertext[1..],
        &long[..],
        &n[..],
        &[0xff; 256][..],
        &[][..],
    ] {
        assert_eq!(
            key.decrypt(input, AsymmetricPadding::Pkcs1v15),
            Err(DECRYPTION_FAILED)
        );
    }
    Ok(())
}

#[test]
fn pkcs1v15_bad_padding_yields_a_deterministic_synthetic_message() -> TestResult {
    // Implicit rejection: a well-formed ciphertext whose padding is wrong decrypts to a message
    // derived from the key and the ciphertext, the same every time, and no error is observable.
    let key = key_2048();
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
    let not_pkcs1 = public(key).encrypt(b"secret", oaep)?;
    let first = key.decrypt(&not_pkcs1, AsymmetricPadding::Pkcs1v15)?;
    let second = key.decrypt(&not_pkcs1, AsymmetricPadding::Pkcs1v15)?;
    assert_eq!(first, second);
    assert_ne!(&first[..], b"secret");
    Ok(())
}

#[test]
fn message_too_long_for_the_key_is_an_error() {
    let public = public(key_2048());
    let too_long = [0u8; 256 - 11 + 1];
    assert_eq!(
        public.encrypt(&too_long, AsymmetricPadding::Pkcs1v15),
        Err(Error::InvalidArgument("message too long for the key"))
    );
    assert!(
        public
            .encrypt(&too_long[1..], AsymmetricPadding::Pkcs1v15)
            .is_ok()
    );
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
    let max = 256 - 2 * 32 - 2;
    assert!(public.encrypt(&vec![1; max], oaep).is_ok());
    assert_eq!(
        public.encrypt(&vec![1; max + 1], oaep),
        Err(Error::InvalidArgument("message too long for the key"))
    );
}

#[test]
fn paddings_used_for_the_wrong_operation_are_errors() {
    let key = key_2048();
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
    assert!(matches!(
        key.sign(b"m", oaep, SHA256),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        public(key).encrypt(b"m", pss(SaltLength::Maximum)),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        key.decrypt(&[0; 256], pss(SaltLength::Maximum)),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn xof_and_unlisted_hashes_are_unsupported() {
    let key = key_2048();
    let shake = HashAlgorithm::shake128(32).unwrap();
    assert!(matches!(
        key.sign(b"m", AsymmetricPadding::Pkcs1v15, MessageHash::Hash(shake)),
        Err(Error::Unsupported {
            reason: Reason::Hash,
            ..
        })
    ));
    assert!(matches!(
        key.sign(
            b"m",
            AsymmetricPadding::pss(shake, SaltLength::Maximum),
            SHA256
        ),
        Err(Error::Unsupported { .. })
    ));
    assert!(
        !RustCrypto.rsa_padding_supported(&AsymmetricPadding::oaep(HashAlgorithm::Blake2b512, b""))
    );
}

#[test]
fn digest_too_large_for_a_small_key_is_an_error() -> TestResult {
    // OAEP with SHA-512 needs k >= 2 * 64 + 2 = 130 bytes; a 1024-bit key has 128.
    let key = key_1024_e3();
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha512, b"");
    assert!(matches!(
        public(key).encrypt(b"", oaep),
        Err(Error::InvalidArgument(_))
    ));
    // A 1024-bit key still signs SHA-512 with PKCS#1 v1.5 and verifies with e = 3.
    let sha512 = MessageHash::Hash(HashAlgorithm::Sha512);
    let sig = key.sign(b"m", AsymmetricPadding::Pkcs1v15, sha512)?;
    public(key).verify(&sig, b"m", AsymmetricPadding::Pkcs1v15, sha512)
}

#[test]
fn numbers_round_trip_through_load() -> TestResult {
    let key = key_2048();
    let numbers = key.private_numbers()?;
    numbers.check()?;
    let loaded = RustCrypto.load_rsa_private_numbers(&numbers)?;
    assert_eq!(loaded.private_numbers()?, numbers);
    let sig = loaded.sign(b"m", AsymmetricPadding::Pkcs1v15, SHA256)?;
    let public = RustCrypto.load_rsa_public_numbers(&numbers.public_numbers)?;
    public.verify(&sig, b"m", AsymmetricPadding::Pkcs1v15, SHA256)?;
    assert_eq!(public.public_numbers(), numbers.public_numbers);
    assert_eq!(public.public_numbers().e, vec![1, 0, 1]);
    Ok(())
}

#[test]
fn crt_helpers_agree_with_the_key() -> TestResult {
    for key in [key_2048(), key_1024_e3()] {
        let numbers = key.private_numbers()?;
        assert_eq!(
            backend_rsa::rsa_crt_iqmp(&numbers.p, &numbers.q)?,
            numbers.iqmp
        );
        assert_eq!(
            backend_rsa::rsa_crt_dmp1(&numbers.d, &numbers.p)?,
            numbers.dmp1
        );
        assert_eq!(
            backend_rsa::rsa_crt_dmq1(&numbers.d, &numbers.q)?,
            numbers.dmq1
        );
        let (p, q) = backend_rsa::rsa_recover_prime_factors(
            &numbers.public_numbers.n,
            &numbers.public_numbers.e,
            &numbers.d,
        )?;
        let (big, small) = if numbers.p > numbers.q || numbers.p.len() > numbers.q.len() {
            (&numbers.p, &numbers.q)
        } else {
            (&numbers.q, &numbers.p)
        };
        assert_eq!((&p, &q), (big, small));
    }
    Ok(())
}

#[test]
fn crt_helpers_reject_degenerate_primes() {
    assert!(matches!(
        backend_rsa::rsa_crt_dmp1(&[5], &[1]),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        backend_rsa::rsa_crt_dmq1(&[5], &[]),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        backend_rsa::rsa_crt_iqmp(&[4], &[3]),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        backend_rsa::rsa_crt_iqmp(&[3], &[6]),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        backend_rsa::rsa_recover_prime_factors(&[0x0f], &[3], &[]),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        backend_rsa::rsa_recover_prime_factors(&[0x10], &[3], &[3]),
        Err(Error::InvalidArgument(_))
    ));
}

/// The numbers of a small textbook key (p = 61, q = 53, e = 17) with one field changed.
fn toy(change: impl FnOnce(&mut RsaPrivateNumbers)) -> RsaPrivateNumbers {
    // n = 3233, d = 413 (lambda = 780), dmp1 = 413 mod 60 = 53, dmq1 = 413 mod 52 = 49,
    // iqmp = 53^-1 mod 61 = 38.
    let mut numbers = RsaPrivateNumbers {
        p: vec![61],
        q: vec![53],
        d: 413u16.to_be_bytes().to_vec(),
        dmp1: vec![53],
        dmq1: vec![49],
        iqmp: vec![38],
        public_numbers: RsaPublicNumbers::with_exponent(17, &3233u16.to_be_bytes()),
    };
    change(&mut numbers);
    numbers
}

#[test]
fn each_failed_numbers_check_names_its_rule() {
    assert_eq!(toy(|_| {}).check(), Ok(()));
    type Change = fn(&mut RsaPrivateNumbers);
    let cases: [(Change, &str); 14] = [
        (
            |n| n.public_numbers.n = vec![0x0c, 0xa2],
            "modulus must be odd",
        ),
        (|n| n.public_numbers.n = vec![1], "modulus must be >= 3"),
        (
            |n| n.public_numbers.e = vec![1],
            "public_exponent must be >= 3",
        ),
        (
            |n| n.public_numbers.e = vec![16],
            "public_exponent must be odd",
        ),
        (
            |n| n.public_numbers.e = vec![0x0c, 0xa1],
            "public_exponent must be < modulus",
        ),
        (|n| n.p = vec![0x0c, 0xa1], "p must be < modulus"),
        (|n| n.q = vec![0x0c, 0xa1], "q must be < modulus"),
        (
            |n| n.d = vec![0x0c, 0xa1],
            "private_exponent must be < modulus",
        ),
        (|n| n.d = vec![1], "private_exponent must be > 1"),
        (|n| n.dmp1 = vec![52], "dmp1 must be odd"),
        (|n| n.dmq1 = vec![48], "dmq1 must be odd"),
        (|n| n.q = vec![59], "p*q must equal modulus"),
        (|n| n.dmp1 = vec![51], "dmp1 must equal d mod (p-1)"),
        (|n| n.iqmp = vec![37], "iqmp must equal q^-1 mod p"),
    ];
    for (i, (change, rule)) in cases.into_iter().enumerate() {
        assert_eq!(
            toy(change).check(),
            Err(Error::InvalidArgument(rule)),
            "{rule}"
        );
        // The loader runs the public checks, then the size limit, then the private checks: a
        // 12-bit toy key with a bad private field is refused for its size, before any arithmetic.
        let loaded = RustCrypto.load_rsa_private_numbers(&toy(change)).err();
        if i < 5 {
            assert_eq!(loaded, Some(Error::InvalidArgument(rule)), "{rule}");
        } else {
            assert!(matches!(loaded, Some(Error::Unsupported { .. })), "{rule}");
        }
    }
    assert_eq!(
        toy(|n| n.dmq1 = vec![47]).check(),
        Err(Error::InvalidArgument("dmq1 must equal d mod (q-1)"))
    );
    assert_eq!(
        toy(|n| n.iqmp = vec![0x0c, 0xa1]).check(),
        Err(Error::InvalidArgument("iqmp must be < modulus"))
    );
}

#[test]
fn the_loader_names_each_failed_private_check_of_a_full_size_key() -> TestResult {
    type Change = fn(&mut RsaPrivateNumbers);
    let cases: [(Change, &str); 6] = [
        (
            |n| n.d = n.public_numbers.n.clone(),
            "private_exponent must be < modulus",
        ),
        (|n| n.d = vec![1], "private_exponent must be > 1"),
        (|n| n.dmp1 = vec![2], "dmp1 must be odd"),
        (|n| n.dmq1 = vec![3], "dmq1 must equal d mod (q-1)"),
        (|n| n.iqmp = vec![5], "iqmp must equal q^-1 mod p"),
        (
            |n| n.p = [&[1u8][..], &n.p].concat(),
            "p*q must equal modulus",
        ),
    ];
    for (change, rule) in cases {
        let mut numbers = key_2048().private_numbers()?;
        change(&mut numbers);
        assert_eq!(
            RustCrypto.load_rsa_private_numbers(&numbers).err(),
            Some(Error::InvalidArgument(rule)),
            "{rule}"
        );
    }
    // Leading zero bytes, even more of them than the modulus has bytes, change no value.
    let mut numbers = key_2048().private_numbers()?;
    numbers.d = [&[0u8; 300][..], &numbers.d].concat();
    numbers.iqmp = [&[0u8; 300][..], &numbers.iqmp].concat();
    RustCrypto.load_rsa_private_numbers(&numbers)?;
    Ok(())
}

#[test]
fn consistent_numbers_below_the_size_floor_are_unsupported() {
    assert!(matches!(
        RustCrypto.load_rsa_private_numbers(&toy(|_| {})),
        Err(Error::Unsupported {
            reason: Reason::PublicKeyAlgorithm,
            ..
        })
    ));
    assert!(matches!(
        RustCrypto.load_rsa_public_numbers(&toy(|_| {}).public_numbers),
        Err(Error::Unsupported { .. })
    ));
    let huge = RsaPublicNumbers::with_exponent(65537, &[0xff; 16384 / 8 + 1]);
    assert!(matches!(
        RustCrypto.load_rsa_public_numbers(&huge),
        Err(Error::Unsupported { .. })
    ));
}

#[test]
fn private_exponent_that_does_not_invert_e_is_rejected() -> TestResult {
    let mut numbers = key_2048().private_numbers()?;
    // Another valid e changes nothing else: d no longer inverts it.
    numbers.public_numbers.e = vec![3];
    assert!(matches!(
        RustCrypto.load_rsa_private_numbers(&numbers),
        Err(Error::InvalidArgument(_))
    ));
    Ok(())
}

#[test]
fn malformed_public_numbers_are_errors() {
    for (e, n) in [
        (&[][..], &[][..]),
        (&[0, 0, 3][..], &[0, 0][..]),
        (&[0xff; 257][..], &[0xff; 256][..]),
        (&[1, 0, 1][..], &[0xfe; 256][..]),
        (&[2][..], &[0xff; 256][..]),
    ] {
        let result = RustCrypto.load_rsa_public_numbers(&RsaPublicNumbers::new(e, n));
        assert!(matches!(result, Err(Error::InvalidArgument(_))), "{e:?}");
    }
}

#[test]
fn generation_accepts_only_3_and_65537_and_1024_bits_or_more() -> TestResult {
    let mut rng = TestRng(7);
    assert!(matches!(
        RustCrypto.generate_rsa_private_key_with_rng(&mut rng, 5, 1024),
        Err(Error::InvalidArgument("public_exponent must be 3 or 65537"))
    ));
    assert!(matches!(
        RustCrypto.generate_rsa_private_key_with_rng(&mut rng, 65537, 1023),
        Err(Error::InvalidArgument(
            "key_size must be at least 1024 bits"
        ))
    ));
    assert!(matches!(
        RustCrypto.generate_rsa_private_key(65537, 16385),
        Err(Error::InvalidArgument(_))
    ));
    let key = RustCrypto.generate_rsa_private_key(65537, 1024)?;
    assert_eq!(key.key_size(), 1024);
    key.private_numbers()?.check()
}

#[test]
fn generation_with_a_caller_rng_is_reproducible() -> TestResult {
    let a = RustCrypto.generate_rsa_private_key_with_rng(&mut TestRng(42), 65537, 1024)?;
    let b = RustCrypto.generate_rsa_private_key_with_rng(&mut TestRng(42), 65537, 1024)?;
    assert_eq!(a.private_numbers()?, b.private_numbers()?);
    Ok(())
}

#[test]
fn debug_output_holds_no_secret() -> TestResult {
    let numbers = key_2048().private_numbers()?;
    let text = format!("{numbers:?}");
    assert!(!text.contains("p:") && text.contains("2048-bit n"));
    Ok(())
}
