//! Regression tests for the RSA items of issue #9 (bugs found by testing from outside). Each test
//! names its item; each fails, or panics, on the code before the fix.

mod common;

use backend_rsa::{
    AsymmetricPadding, Error, HashAlgorithm, MessageHash, Reason, RsaBackend, RsaPrivateKey,
    RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers, RustCrypto, RustCryptoRsaPrivateKey,
    SaltLength,
};
use common::{TestRng, key_1024_e3, key_2048};
use crypto_bigint::BoxedUint;
use rsa::traits::PublicKeyParts;

type TestResult = Result<(), Error>;

const SHA256: MessageHash = MessageHash::Hash(HashAlgorithm::Sha256);
const SHA512: MessageHash = MessageHash::Hash(HashAlgorithm::Sha512);

fn unhex(text: &str) -> Vec<u8> {
    hex::decode(text).expect("hex literal")
}

fn numbers(fields: [&str; 8]) -> RsaPrivateNumbers {
    let [n, e, d, p, q, dmp1, dmq1, iqmp] = fields.map(unhex);
    RsaPrivateNumbers {
        p,
        q,
        d,
        dmp1,
        dmq1,
        iqmp,
        public_numbers: RsaPublicNumbers::new(&e, &n),
    }
}

/// `m^e mod n` with the `rsa` crate, as `k` bytes: a ciphertext or signature whose encoded
/// message is exactly `m`.
fn raw_public(key: &RustCryptoRsaPrivateKey, m: &[u8]) -> Vec<u8> {
    let key = key.as_rsa();
    let m = BoxedUint::from_be_slice(m, key.n_bits_precision()).expect("fits");
    let c = rsa::hazmat::rsa_encrypt(key, &m).expect("raw RSA");
    let bytes = c.to_be_bytes();
    bytes[bytes.len() - key.size()..].to_vec()
}

/// `c^d mod n` with the `rsa` crate, as `k` bytes: the encoded message of a ciphertext.
fn raw_private(key: &RustCryptoRsaPrivateKey, c: &[u8]) -> Vec<u8> {
    let key = key.as_rsa();
    let c = BoxedUint::from_be_slice(c, key.n_bits_precision()).expect("fits");
    let m = rsa::hazmat::rsa_decrypt(None::<&mut TestRng>, key, &c).expect("raw RSA");
    let bytes = m.to_be_bytes();
    bytes[bytes.len() - key.size()..].to_vec()
}

// Item 1: PSS verification panicked on a large explicit salt length.

/// A 512-bit modulus (e = 65537) and three values whose `s^e mod n` ends in `0xbc` (the PSS
/// trailer), computed offline: with SHA-512 (hLen 64 = emLen) the old `hLen + sLen + 2` wrapped to
/// 64 for `sLen = usize::MAX - 1`, passed the length check, and `em[..emLen - hLen - 1]` panicked
/// in release builds ("range end index 18446744073709551615"); debug builds panicked on the
/// addition itself.
const N_512: &str = "e4c8919b6fc4600a4bcc32601998d9c65e294f44cfa47786281ae636b73a35f92c65b2cb53605a12a585e49be9bfc8da7bf50e195a6ff8ee7e6548521dfddfd7";
const SIGNATURES_ENDING_IN_BC: [&str; 3] = [
    "2861a39347988b546a5dd30cd8dba7c9b737150151b1f2a68f57691768eb54bc122b22c2f95d007a427eee237cbebaab9646fc377c01c0460139cd85b66c0054",
    "b67469565c14b32c60a4958272100aa5902f99fb4ef612d7f9d8791dd1639feea059272100e5212e2b6dbaa0685adbd7b28b87f45766224eaf09d621219dfbb4",
    "792d456f0ab15365683939d04f3cb3ddadd70a77311a4c5ac46836c2f5a00aec540013e0cab0d768bfd0c025e126f43d5785bd5dcb13235278585f1b8d9a79b9",
];

#[test]
fn item_1_pss_salt_lengths_that_cannot_fit_are_invalid_signatures_not_panics() -> TestResult {
    let public = RustCrypto
        .load_rsa_public_numbers(&RsaPublicNumbers::with_exponent(65537, &unhex(N_512)))?;
    for salt in [
        usize::MAX,
        usize::MAX - 1,
        usize::MAX - 64,
        usize::MAX / 2,
        63,
    ] {
        for hash in [HashAlgorithm::Sha512, HashAlgorithm::Sha256] {
            let padding = AsymmetricPadding::pss(hash, SaltLength::Explicit(salt));
            for signature in SIGNATURES_ENDING_IN_BC {
                assert_eq!(
                    public.verify(&unhex(signature), b"m", padding, MessageHash::Hash(hash)),
                    Err(Error::InvalidSignature),
                    "salt length {salt}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn item_1_pss_signing_with_a_salt_that_cannot_fit_is_an_invalid_argument() {
    for key in [key_2048(), key_1024_e3()] {
        for salt in [usize::MAX, usize::MAX - 1, usize::MAX - 63, 1 << 40] {
            let padding = AsymmetricPadding::pss(HashAlgorithm::Sha512, SaltLength::Explicit(salt));
            assert_eq!(
                key.sign(b"m", padding, SHA512),
                Err(Error::InvalidArgument("PSS salt too long for the key"))
            );
        }
    }
}

// Item 2: the decrypted integer was trimmed and re-padded, in time depending on its top bytes.

#[test]
fn item_2_decryption_works_when_the_encoded_message_has_leading_zero_bytes() -> TestResult {
    // Across keys and messages, and in particular for the OAEP ciphertexts whose encoded message
    // starts with two zero bytes (maskedSeed beginning with 0x00, 1 in 256): the fixed-width
    // encoding returns all k bytes whatever the leading bytes are.
    let mut two_leading_zeros = 0;
    for seed in 0..6u64 {
        let key = RustCryptoRsaPrivateKey::generate_with_rng(&mut TestRng(seed), 65537, 1024)?;
        let public = key.to_public_key();
        let mut rng = TestRng(1000 + seed);
        for i in 0..400u32 {
            let message = i.to_be_bytes().repeat(1 + i as usize % 7);
            let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
            let ciphertext = public.encrypt_with_rng(&mut rng, &message, oaep)?;
            if raw_private(&key, &ciphertext)[..2] == [0, 0] {
                two_leading_zeros += 1;
            }
            assert_eq!(&key.decrypt(&ciphertext, oaep)?[..], &message[..]);
            if i % 8 == 0 {
                let padding = AsymmetricPadding::Pkcs1v15;
                let ciphertext = public.encrypt_with_rng(&mut rng, &message, padding)?;
                assert_eq!(&key.decrypt(&ciphertext, padding)?[..], &message[..]);
            }
        }
    }
    assert!(
        two_leading_zeros > 0,
        "no encoded message with two leading zero bytes"
    );
    Ok(())
}

// Item 3: key loading chose the prime layout from the secret primes' bit lengths.

/// A 1024-bit key whose primes have 400 and 624 bits (generated offline with `openssl prime`).
const UNBALANCED: [&str; 8] = [
    "bfdbe500d46efd6780ae251f4490808185a6688c68b95ca421efa3ace3d1d14af87855b0ac46177c42ce8b3836a7f568ffddbb83fabf798eccc2e84460a19922e69612a38dffcc869bbfc65010f15d8ce64dcfebd5e03a9b2b0994f757548332d3e0b0ea9394cf51be4d9c5c1b7d52b85ab1e9a3ddd709a6e36b92fbacb42c0d",
    "010001",
    "1f1bb632af7f2c8ed4f647961d8da98c76c16fe7be4e39d7721a334983ea001bbe1472de71dc6e8feb1c26c62f5485ede7b8a7156abd3b43debec15ce832a2854976930f62f21db14345287ff8b2d0f5346ef8de0bbbbddeb0f1a70c88c397e0ed8bbe810eb98bb054f52569d047477ff45024d47139c6a0aecddd5acfdafc41",
    "e4e62d97890af33e3dc93f67794d161a503c564d4c3e21040cc27fc1abaceecdebdf5ccc1859f9572262695ebbe5d70b14c1",
    "d6930bfcda71c9a5005abea894537379b2e08167caa962938dfbf56ea547a4520cc514de42f075ebc47025255839bcb57690f11a3a18f0c7cf641e9b8b3846fe8cc0bd53f5598eeb07bed4746e4d",
    "df828b9e5ea91c9ff8411cf27315fcb1310bd9d19cd345f5e867bbcc675073d70bad8db59549b619896fc328481dc4800381",
    "60c69563874a46bdca792300795562018371ca2b7bb605a5b325ee3de70176d522b9487e2e06b1c892225a3e8b9a0ec8711f51fe983163775acc3719c422afb262dd1306e8e369980b38402dfb09",
    "6846f2f35c7010723e07c23ca8d70fbd4047d28b7f292a3a29e081003ce1d95168a131521427ab43ea2377cbc23ba9f394e1",
];

#[test]
fn item_3_unbalanced_primes_load_only_with_the_layout_the_caller_chooses() -> TestResult {
    let unbalanced = numbers(UNBALANCED);
    unbalanced.check()?;
    // The trait loader uses the half-width layout for every key; it never looks at the primes'
    // sizes to pick another.
    assert!(matches!(
        RustCrypto.load_rsa_private_numbers(&unbalanced),
        Err(Error::Unsupported {
            reason: Reason::PublicKeyAlgorithm,
            ..
        })
    ));
    let key = RustCryptoRsaPrivateKey::from_numbers_with_wide_primes(&unbalanced)?;
    assert_eq!(key.private_numbers()?, unbalanced);
    let public = key.public_key()?;
    let signature = key.sign(b"m", AsymmetricPadding::Pkcs1v15, SHA256)?;
    public.verify(&signature, b"m", AsymmetricPadding::Pkcs1v15, SHA256)?;
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
    let ciphertext = public.encrypt(b"secret", oaep)?;
    assert_eq!(&key.decrypt(&ciphertext, oaep)?[..], b"secret");
    // A balanced key loads with either layout and gives the same signatures.
    let balanced = key_2048().private_numbers()?;
    let wide = RustCryptoRsaPrivateKey::from_numbers_with_wide_primes(&balanced)?;
    assert_eq!(
        wide.sign(b"m", AsymmetricPadding::Pkcs1v15, SHA256)?,
        key_2048().sign(b"m", AsymmetricPadding::Pkcs1v15, SHA256)?
    );
    Ok(())
}

#[test]
fn item_3_private_numbers_compare_every_field() -> TestResult {
    let numbers = key_2048().private_numbers()?;
    assert_eq!(numbers.clone(), numbers);
    type Change = fn(&mut RsaPrivateNumbers);
    let changes: [Change; 9] = [
        |n| n.p[0] ^= 1,
        |n| n.q[10] ^= 1,
        |n| *n.d.last_mut().expect("d") ^= 1,
        |n| n.dmp1[5] ^= 0x80,
        |n| n.dmq1[0] ^= 1,
        |n| n.iqmp[1] ^= 1,
        |n| n.iqmp.insert(0, 0),
        |n| n.public_numbers.e = vec![3],
        |n| n.public_numbers.n[0] ^= 1,
    ];
    for change in changes {
        let mut other = numbers.clone();
        change(&mut other);
        assert_ne!(other, numbers);
        assert_ne!(numbers, other);
    }
    Ok(())
}

// Item 4: the arithmetic checks ran before the size limit.

fn is_size_error<T>(result: &Result<T, Error>) -> bool {
    matches!(
        result,
        Err(Error::Unsupported {
            reason: Reason::PublicKeyAlgorithm,
            name,
        }) if name.contains("16384 bits")
    )
}

#[test]
fn item_4_an_oversized_modulus_is_refused_by_its_size_before_any_arithmetic() {
    // 128 KiB: the old loader multiplied p by q, reduced d modulo p - 1 and q - 1 and inverted q
    // modulo p (10.9 s) before answering "p*q must equal modulus".
    let n = vec![0xff; 128 * 1024];
    let half = vec![0xfd; 64 * 1024];
    let huge = RsaPrivateNumbers {
        p: half.clone(),
        q: half.clone(),
        d: vec![0x7f; 128 * 1024],
        dmp1: half.clone(),
        dmq1: half.clone(),
        iqmp: half,
        public_numbers: RsaPublicNumbers::with_exponent(65537, &n),
    };
    assert!(is_size_error(&RustCrypto.load_rsa_private_numbers(&huge)));
    assert!(is_size_error(
        &RustCryptoRsaPrivateKey::from_numbers_with_wide_primes(&huge)
    ));
    let public = RsaPublicNumbers::with_exponent(65537, &vec![0xff; 1 << 20]);
    assert!(is_size_error(&RustCrypto.load_rsa_public_numbers(&public)));
}

#[test]
fn item_4_the_number_helpers_refuse_integers_over_16384_bits_first() {
    let huge_even = [&[1u8][..], &[0u8; 2048][..]].concat();
    let huge_odd = vec![0xff; 128 * 1024];
    // The old helpers answered "modulus must be odd" / "p must be odd" after converting, or
    // computed `5 mod (2^16384 - 1)` and returned it.
    assert!(is_size_error(&backend_rsa::rsa_recover_prime_factors(
        &huge_even,
        &[3],
        &[3]
    )));
    assert!(is_size_error(&backend_rsa::rsa_recover_prime_factors(
        &huge_odd,
        &[1, 0, 1],
        &[0x7f; 100]
    )));
    assert!(is_size_error(&backend_rsa::rsa_crt_iqmp(&huge_even, &[3])));
    assert!(is_size_error(&backend_rsa::rsa_crt_iqmp(&[7], &huge_odd)));
    assert!(is_size_error(&backend_rsa::rsa_crt_dmp1(&[5], &huge_even)));
    assert!(is_size_error(&backend_rsa::rsa_crt_dmq1(&huge_odd, &[7])));
    // At the limit they still work; exponents longer than the modulus are invalid.
    let at_limit = [&[0x80u8][..], &[0u8; 2046][..], &[1u8][..]].concat();
    assert_eq!(backend_rsa::rsa_crt_dmp1(&[5], &at_limit), Ok(vec![5]));
    assert_eq!(
        backend_rsa::rsa_recover_prime_factors(&[0x0c, 0xa1], &[0x0c, 0xa1, 0x01], &[1]),
        Err(Error::InvalidArgument("public_exponent must be < modulus"))
    );
    assert_eq!(
        backend_rsa::rsa_recover_prime_factors(&[0x0c, 0xa1], &[17], &[1, 0x0c, 0xa1]),
        Err(Error::InvalidArgument("private_exponent must be < modulus"))
    );
}

// Item 12: keys with e > 2^33 - 1 loaded, then PKCS#1 v1.5 encryption and decryption failed.

/// A 1024-bit key with e = 2^33 + 17 (prime; generated offline).
const LARGE_E: [&str; 8] = [
    "dad4dc118096c8dfb0d7c95c2cdfbcd4831e6c3fe14a740e393ac4dc2294de4a5f755986a1d55c6be82e8a5a52b6894eccbb776ce47de2e61183da900810608a40783d2b840075084d2c1d0fc26e72f1a77fbb5a031c879a569e317d5005699381c92fe6d90ec7b8864800cc2dc352fc20dd785ef4acd89a8f7789246dad083f",
    "0200000011",
    "20c6a328309fa920ba784a2cf6a5b4d9fd26cb603ceaf00ccfab6257841efa1d4af915a267d32747aa48e08e5ea2857154f448a9cae845e675234e123cdb52ba169cddf1d248dd3a4a5bc0fd7f54c5b2b21d249c820c2f4bbc2009823344f85325849e94937a82e1033f9a91c7144a873c914f8d40c99558185a90d3e805c6d9",
    "f5c8bfb36cedf9e3a09f35f9d792e2b03ab1d38c70f4b23c68d8381434de2ac3794316628fe3ae10d9acc91cc6e2ebca793c6418bc54dee28fc93c1a32a725cd",
    "e3ed528703c5e6f49d82cb47a7e2a6c0e13b450c9f835834678444bf241b7627ea82006b8839c8d3a868a02bfb08b97052bdb62a8ec0020c17d9a29bbc129a3b",
    "3f2377fb3dab8b19180e329a10f2775e6456848d8993f4f07712628f18baf3139ed99ed7f51ee46e2870b82974178df4ac27091405174da52f914ec199a62acd",
    "3077994aeb943f21a56b97632bc75ce90609b1fd3148ef5d5186c1ee2c471e7929abab71e30dec2a4ebb1b8512bf13cdeb9c373144bda082603ce23b3b3e4d77",
    "4a2f1c035e964ae65be8cf8cb99977a7823f65eab41d2aa05f420b93e43051c3a3a01b603447eb58a91289834bffd76394905c7209d37cfaa67d0cdfe0669de5",
];

/// The 2048-bit test key with its exponents swapped: e is the old d (2048 bits), d = 65537.
fn swapped_2048() -> Result<RsaPrivateNumbers, Error> {
    let mut numbers = key_2048().private_numbers()?;
    let d = std::mem::replace(&mut numbers.d, vec![1, 0, 1]);
    numbers.public_numbers.e = d;
    numbers.dmp1 = backend_rsa::rsa_crt_dmp1(&numbers.d, &numbers.p)?;
    numbers.dmq1 = backend_rsa::rsa_crt_dmq1(&numbers.d, &numbers.q)?;
    Ok(numbers)
}

#[test]
fn item_12_keys_with_a_public_exponent_above_2_pow_33_work_for_every_operation() -> TestResult {
    for numbers in [numbers(LARGE_E), swapped_2048()?] {
        let key = RustCrypto.load_rsa_private_numbers(&numbers)?;
        let public = RustCrypto.load_rsa_public_numbers(&numbers.public_numbers)?;
        assert_eq!(key.private_numbers()?, numbers);
        for padding in [
            AsymmetricPadding::Pkcs1v15,
            AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"label"),
        ] {
            let ciphertext = public.encrypt(b"a secret", padding)?;
            assert_eq!(&key.decrypt(&ciphertext, padding)?[..], b"a secret");
            let ciphertext = key.public_key()?.encrypt(b"", padding)?;
            assert!(key.decrypt(&ciphertext, padding)?.is_empty());
        }
        // Implicit rejection works for these keys too: a deterministic synthetic message.
        let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
        let not_pkcs1 = public.encrypt(b"a secret", oaep)?;
        let first = key.decrypt(&not_pkcs1, AsymmetricPadding::Pkcs1v15)?;
        assert_eq!(first, key.decrypt(&not_pkcs1, AsymmetricPadding::Pkcs1v15)?);
        for padding in [
            AsymmetricPadding::Pkcs1v15,
            AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::DigestLength),
        ] {
            let signature = key.sign(b"m", padding, SHA256)?;
            public.verify(&signature, b"m", padding, SHA256)?;
        }
    }
    Ok(())
}

// Item 13: decryption failures were `InvalidArgument("decryption failed")`.

#[test]
fn item_13_every_decryption_failure_is_error_decryption() -> TestResult {
    let key = key_2048();
    let n = key.to_public_key().public_numbers().n;
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"label");
    let ciphertext = key.to_public_key().encrypt(b"secret", oaep)?;
    let long = [&ciphertext[..], &[0]].concat();
    for padding in [AsymmetricPadding::Pkcs1v15, oaep] {
        for input in [
            &ciphertext[1..],
            &long[..],
            &n[..],
            &[0xff; 256][..],
            &[][..],
        ] {
            assert_eq!(key.decrypt(input, padding), Err(Error::Decryption));
        }
    }
    let other_label = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"other");
    assert_eq!(
        key.decrypt(&ciphertext, other_label),
        Err(Error::Decryption)
    );
    // A key too small for the OAEP hash (1024 bits, SHA-512 needs 130 bytes).
    let sha512 = AsymmetricPadding::oaep(HashAlgorithm::Sha512, b"");
    assert_eq!(
        key_1024_e3().decrypt(&[1; 128], sha512),
        Err(Error::Decryption)
    );
    Ok(())
}

// Item 15: `Debug` of a key printed the modulus and the Montgomery parameters (~2.5 KB).

fn fingerprint(n: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(&sha2::Sha256::digest(n)[..8])
}

#[test]
fn item_15_key_debug_is_short_and_holds_no_private_component() -> TestResult {
    let key = key_2048();
    let numbers = key.private_numbers()?;
    let private = format!("{key:?}");
    let public = format!("{:?}", key.to_public_key());
    let n_sha256 = fingerprint(&numbers.public_numbers.n);
    assert_eq!(
        private,
        format!("RustCryptoRsaPrivateKey {{ key_size: 2048, n_sha256: {n_sha256}, .. }}")
    );
    assert_eq!(
        public,
        format!("RustCryptoRsaPublicKey {{ key_size: 2048, n_sha256: {n_sha256} }}")
    );
    for text in [&private, &public] {
        assert!(text.len() < 100, "{text}");
        for secret in [
            &numbers.p,
            &numbers.q,
            &numbers.d,
            &numbers.dmp1,
            &numbers.dmq1,
            &numbers.iqmp,
        ] {
            let head = hex::encode(&secret[..4]);
            assert!(!text.to_lowercase().contains(&head), "{text}");
        }
    }
    Ok(())
}

// PKCS#1 v1.5 encryption and decryption are now ours (item 12): they agree with `rsa`'s.

/// A generator stuck at zero that never reports a failure (a broken device).
struct ZeroRng;

impl backend_rsa::rng::TryRng for ZeroRng {
    type Error = core::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(0)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(0)
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        dst.fill(0);
        Ok(())
    }
}

impl backend_rsa::rng::TryCryptoRng for ZeroRng {}

#[test]
fn pkcs1v15_encryption_with_a_generator_stuck_at_zero_is_an_error_not_a_hang() {
    // `rsa`'s padding redraws each zero byte until it is non-zero: forever with this generator.
    let public = key_2048().to_public_key();
    assert!(matches!(
        public.encrypt_with_rng(&mut ZeroRng, b"m", AsymmetricPadding::Pkcs1v15),
        Err(Error::Device { .. })
    ));
}

#[test]
fn pkcs1v15_decryption_agrees_with_the_rsa_crate_on_valid_and_invalid_padding() -> TestResult {
    let odd_size = RustCryptoRsaPrivateKey::generate_with_rng(&mut TestRng(1030), 65537, 1030)?;
    for key in [key_2048(), key_1024_e3(), &odd_size] {
        let k = key.as_rsa().size();
        let mut rng = TestRng(k as u64);
        let mut encoded = Vec::new();
        // Valid paddings: messages of length 0, 1, and the longest (k - 11, so PS of 8 bytes).
        for len in [0, 1, 20, k - 11] {
            let mut em = vec![0u8, 2];
            em.extend(std::iter::repeat_n(0x5a, k - len - 3));
            em.push(0);
            em.extend(std::iter::repeat_n(0xa5, len));
            encoded.push(em);
        }
        // Invalid ones: PS of 7 bytes, no separator, wrong first or second byte, separator right
        // after the header.
        let mut short_ps = vec![0x33u8; k];
        short_ps[..2].copy_from_slice(&[0, 2]);
        short_ps[9] = 0;
        let mut no_separator = vec![0x44u8; k];
        no_separator[..2].copy_from_slice(&[0, 2]);
        let mut wrong_type = encoded[2].clone();
        wrong_type[1] = 1;
        let mut wrong_first = encoded[2].clone();
        wrong_first[0] = 1;
        let mut empty_ps = vec![0x55u8; k];
        empty_ps[..3].copy_from_slice(&[0, 2, 0]);
        encoded.extend([short_ps, no_separator, wrong_first, wrong_type, empty_ps]);
        let mut ciphertexts: Vec<Vec<u8>> = encoded
            .iter()
            .filter_map(|em| {
                // Values not below n (the wrong first byte on a small modulus) are skipped.
                let c = BoxedUint::from_be_slice(em, key.as_rsa().n_bits_precision()).ok()?;
                (c < *key.as_rsa().n().as_ref()).then(|| raw_public(key, em))
            })
            .collect();
        // And random ciphertexts: nearly all decrypt to invalid padding.
        for _ in 0..64 {
            let mut c = vec![0u8; k];
            backend_rsa::rng::TryRng::try_fill_bytes(&mut rng, &mut c[1..]).expect("test rng");
            ciphertexts.push(c);
        }
        for ciphertext in ciphertexts {
            let ours = key.decrypt(&ciphertext, AsymmetricPadding::Pkcs1v15)?;
            let theirs = key
                .as_rsa()
                .decrypt_blinded(&mut TestRng(7), rsa::Pkcs1v15Encrypt, &ciphertext)
                .map_err(|_| Error::Decryption)?;
            assert_eq!(&ours[..], &theirs[..]);
        }
    }
    Ok(())
}
