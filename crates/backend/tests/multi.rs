//! `Provider` and `MultiBackend`: fall-through by exact parameters, key binding, union of
//! support, the consistency check, and a provider chosen at run time handed to generic code.

use std::sync::atomic::{AtomicUsize, Ordering};

use backend::capability::{AeadKind, Algorithm, Capability, Query, Sizes};
use backend::rng::RandomSource;
use backend::{
    AeadAlgorithm, AeadBackend, AeadKey, Backend, DerSignature, EcPrivateKey, EcPrivateNumbers,
    EcPublicKey, EcPublicNumbers, Ecdh, Ecdsa, EllipticCurve, EllipticCurveBackend, Error,
    HashAlgorithm, HashBackend, HashContext, MessageHash, MultiBackend, Provider, Reason,
    Restricted, Result, SharedSecret,
};

/// The deliberately partial provider of the issue: SHA-256 and AES-128-GCM only.
fn partial_rows() -> [Capability; 2] {
    [
        Capability::new(Algorithm::Hash(HashAlgorithm::Sha256)),
        Capability::new(Algorithm::Aead(AeadKind::AesGcm)).key_bits(Sizes::exactly(128)),
    ]
}

#[test]
fn a_call_falls_through_to_the_next_provider_by_key_size() {
    let rows = partial_rows();
    let partial = Restricted::new(Provider::RUSTCRYPTO, &rows);
    let multi = MultiBackend::new([partial.provider("partial"), Provider::RUSTCRYPTO]).unwrap();

    let gcm = |bits: usize| backend::cipher::aead_query(AeadAlgorithm::AesGcm, bits / 8, None);
    assert_eq!(multi.serving(&gcm(128)), Some("partial"));
    assert_eq!(multi.serving(&gcm(192)), Some("rustcrypto"));
    assert_eq!(multi.serving(&gcm(256)), Some("rustcrypto"));

    // The partial provider refuses AES-192 itself; the composition serves it anyway.
    assert!(matches!(
        partial.create_aead_key(AeadAlgorithm::AesGcm, &[7; 24]),
        Err(Error::Unsupported { .. })
    ));
    let key = multi
        .create_aead_key(AeadAlgorithm::AesGcm, &[7; 24])
        .unwrap();
    let sealed = key.encrypt(&[1; 12], b"message", b"aad").unwrap();
    let direct = Backend
        .create_aead_key(AeadAlgorithm::AesGcm, &[7; 24])
        .unwrap()
        .decrypt(&[1; 12], &sealed, b"aad")
        .unwrap();
    assert_eq!(direct, b"message");
}

#[test]
fn support_is_the_union_of_the_providers() {
    let rows = partial_rows();
    let partial = Restricted::new(Provider::RUSTCRYPTO, &rows);
    assert!(partial.hash_supported(HashAlgorithm::Sha256));
    assert!(!partial.hash_supported(HashAlgorithm::Sha3_256));
    assert!(!partial.elliptic_curve_supported(EllipticCurve::Secp256r1));

    let multi = MultiBackend::new([partial.provider("partial"), Provider::RUSTCRYPTO]).unwrap();
    for h in HashAlgorithm::ALL {
        assert_eq!(
            multi.hash_supported(h),
            partial.hash_supported(h) || Backend.hash_supported(h),
            "{h:?}"
        );
        assert_eq!(
            multi.hash(h, b"abc").unwrap(),
            Backend.hash(h, b"abc").unwrap()
        );
    }
    assert!(multi.elliptic_curve_supported(EllipticCurve::Secp256r1));
    assert!(!multi.elliptic_curve_supported(EllipticCurve::Sect163k1));
    assert!(matches!(
        multi.derive_elliptic_curve_private_key(&[1], EllipticCurve::Sect163k1),
        Err(Error::Unsupported { .. })
    ));
}

#[test]
fn a_composition_of_nothing_answers_unsupported_with_the_reason() {
    let multi = MultiBackend::new([Provider::EMPTY]).unwrap();
    assert!(!multi.hash_supported(HashAlgorithm::Sha256));
    assert_eq!(
        multi.create_hash_ctx(HashAlgorithm::Sha256).err(),
        Some(Error::unsupported(Reason::Hash, "sha256"))
    );
}

#[test]
fn argument_errors_come_from_a_provider_that_has_the_algorithm() {
    let rows = partial_rows();
    let partial = Restricted::new(Provider::RUSTCRYPTO, &rows);
    let multi = MultiBackend::new([partial.provider("partial"), Provider::RUSTCRYPTO]).unwrap();
    // No row accepts a 15-byte AES key. The partial provider comes first but answers only for its
    // rows; RustCrypto has AES-GCM at other sizes and says what is wrong: an invalid key, not an
    // unsupported algorithm.
    let expected = Backend
        .create_aead_key(AeadAlgorithm::AesGcm, &[0; 15])
        .err();
    assert!(matches!(expected, Some(Error::InvalidKey(_))));
    assert_eq!(
        multi.create_aead_key(AeadAlgorithm::AesGcm, &[0; 15]).err(),
        expected
    );
    let cmac =
        backend::CmacBackend::create_cmac_ctx(&multi, &backend::CipherAlgorithm::Aes(&[0; 5]));
    assert!(matches!(cmac.err(), Some(Error::InvalidKey(_))));
}

#[test]
fn the_consistency_check_refuses_a_provider_whose_rows_lie() {
    // Claims SHA-256 but has no hash part to serve it.
    let rows = [Capability::new(Algorithm::Hash(HashAlgorithm::Sha256))];
    let liar = Restricted::new(Provider::EMPTY, &rows);
    let err = MultiBackend::new([liar.provider("liar"), Provider::RUSTCRYPTO]).unwrap_err();
    assert_eq!(err.provider, "liar");
    assert_eq!(err.row, rows[0]);
    assert!(matches!(err.error, Error::Unsupported { .. }));
    assert!(err.to_string().contains("liar"));

    // RustCrypto's own rows all hold.
    Provider::RUSTCRYPTO.check().unwrap();
}

/// An EC provider that counts the signatures its keys make: tells which provider a key lives in.
struct Counting {
    curve: EllipticCurve,
    signatures: AtomicUsize,
    rows: [Capability; 2],
}

impl Counting {
    fn new(curve: EllipticCurve) -> Self {
        Counting {
            curve,
            signatures: AtomicUsize::new(0),
            rows: [
                Capability::new(Algorithm::EcKeys(curve)),
                Capability::new(Algorithm::Ecdsa(curve))
                    .hashes(backend::capability::HashSet::of(&[HashAlgorithm::Sha256])),
            ],
        }
    }
}

struct CountingKey<'a> {
    inner: backend::ec::RustCryptoEcPrivateKey,
    signatures: &'a AtomicUsize,
}

impl EcPrivateKey for CountingKey<'_> {
    fn curve(&self) -> EllipticCurve {
        self.inner.curve()
    }
    fn public_key(&self) -> &dyn EcPublicKey {
        self.inner.public_key()
    }
    fn sign(&self, data: &[u8], algorithm: Ecdsa) -> Result<DerSignature> {
        self.signatures.fetch_add(1, Ordering::Relaxed);
        self.inner.sign(data, algorithm)
    }
    fn exchange(&self, algorithm: Ecdh, peer: &dyn EcPublicKey) -> Result<SharedSecret> {
        self.inner.exchange(algorithm, peer)
    }
    fn private_numbers(&self) -> Result<EcPrivateNumbers> {
        self.inner.private_numbers()
    }
}

impl EllipticCurveBackend for &'static Counting {
    type PrivateKey = CountingKey<'static>;
    type PublicKey = backend::ec::RustCryptoEcPublicKey;

    fn elliptic_curve_capabilities(&self) -> &[Capability] {
        &self.rows
    }
    fn generate_elliptic_curve_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        curve: EllipticCurve,
    ) -> Result<Self::PrivateKey> {
        self.wrap(
            curve,
            Backend.generate_elliptic_curve_private_key_with_rng(rng, curve),
        )
    }
    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> Result<Self::PrivateKey> {
        let curve = numbers.public_numbers.curve;
        self.wrap(curve, Backend.load_elliptic_curve_private_numbers(numbers))
    }
    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> Result<Self::PublicKey> {
        Backend.load_elliptic_curve_public_numbers(numbers)
    }
    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> Result<Self::PublicKey> {
        Backend.load_elliptic_curve_public_bytes(curve, encoded_point)
    }
    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> Result<Self::PrivateKey> {
        self.wrap(
            curve,
            Backend.derive_elliptic_curve_private_key(private_value, curve),
        )
    }
}

impl Counting {
    fn wrap(
        &'static self,
        curve: EllipticCurve,
        key: Result<backend::ec::RustCryptoEcPrivateKey>,
    ) -> Result<CountingKey<'static>> {
        if curve != self.curve {
            return Err(Error::unsupported(Reason::EllipticCurve, curve.name()));
        }
        Ok(CountingKey {
            inner: key?,
            signatures: &self.signatures,
        })
    }
}

#[test]
fn a_key_signs_in_the_provider_that_made_it() {
    let counting: &'static Counting = Box::leak(Box::new(Counting::new(EllipticCurve::Secp256r1)));
    let counting_ec: &'static &'static Counting = Box::leak(Box::new(counting));
    let p256_only = Provider {
        name: "counting-p256",
        ec: Some(counting_ec as &dyn backend::dynamic::DynEllipticCurveBackend),
        ..Provider::EMPTY
    };
    let multi = MultiBackend::new([p256_only, Provider::RUSTCRYPTO]).unwrap();
    let checks = counting.signatures.load(Ordering::Relaxed);

    let ecdsa = Ecdsa::new(MessageHash::Hash(HashAlgorithm::Sha256));
    let p256 = multi
        .generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)
        .unwrap();
    let p384 = multi
        .generate_elliptic_curve_private_key(EllipticCurve::Secp384r1)
        .unwrap();

    let signature = p256.sign(b"message", ecdsa).unwrap();
    assert_eq!(counting.signatures.load(Ordering::Relaxed), checks + 1);
    p256.public_key()
        .verify(&signature, b"message", ecdsa)
        .unwrap();

    // A P-384 key was made by RustCrypto: signing with it never reaches the counting provider,
    // even though the counting provider comes first.
    let signature = p384.sign(b"message", ecdsa).unwrap();
    assert_eq!(counting.signatures.load(Ordering::Relaxed), checks + 1);
    p384.public_key()
        .verify(&signature, b"message", ecdsa)
        .unwrap();

    assert_eq!(
        multi.serving(&backend::ec::ec_key_query(EllipticCurve::Secp256r1)),
        Some("counting-p256")
    );
    assert_eq!(
        multi.serving(&backend::ec::ec_key_query(EllipticCurve::Secp384r1)),
        Some("rustcrypto")
    );
}

/// Generic code written against the static trait.
fn digest_of<B: HashBackend>(backend: &B, data: &[u8]) -> Vec<u8> {
    let mut ctx = backend.create_hash_ctx(HashAlgorithm::Sha256).unwrap();
    ctx.update(data);
    ctx.finalize().unwrap().to_vec()
}

#[test]
fn a_provider_chosen_at_run_time_serves_generic_code() {
    let multi = MultiBackend::new([Provider::RUSTCRYPTO]).unwrap();
    let expected = digest_of(&Backend, b"abc");
    for choice in ["rustcrypto", "multi", "provider"] {
        let chosen: Box<dyn backend::dynamic::DynHashBackend + '_> = match choice {
            "rustcrypto" => Box::new(Backend),
            "multi" => Box::new(multi.provider()),
            _ => Box::new(Provider::RUSTCRYPTO),
        };
        assert_eq!(digest_of(&chosen, b"abc"), expected, "{choice}");
    }
    // Compositions nest: a MultiBackend of a MultiBackend.
    let outer = MultiBackend::new([multi.provider()]).unwrap();
    assert_eq!(digest_of(&outer, b"abc"), expected);
    assert_eq!(
        outer.serving(&Query::new(Algorithm::Hash(HashAlgorithm::Sha256))),
        Some("multi")
    );
}

#[test]
fn providers_are_send_sync_and_const() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Provider<'static>>();
    send_sync::<MultiBackend<'static>>();
    const NO_RSA: Provider<'static> = Provider {
        name: "no-rsa",
        rsa: None,
        ..Provider::RUSTCRYPTO
    };
    assert!(!backend::RsaBackend::rsa_padding_supported(
        &NO_RSA,
        &backend::AsymmetricPadding::Pkcs1v15
    ));
    assert!(format!("{NO_RSA:?}").starts_with("no-rsa"));
}
