//! Issue #12: the ring provider, alone and composed with RustCrypto.
//!
//! - ring's rows against its behaviour: every supported answer is a call that succeeds, every
//!   unsupported one a call that fails, family by family;
//! - in one `MultiBackend[ring, rustcrypto]`, a key made by ring signs in ring and a key made by
//!   RustCrypto signs in RustCrypto (the providers are wrapped so that each key records its
//!   concrete type when it signs);
//! - an AES-192-GCM request to the composition is served by RustCrypto;
//! - ring keys are signers of the key layer.

use std::any::type_name;
use std::sync::{Arc, Mutex};

use backend::capability::Capability;
use backend::capability::{AeadKind, Algorithm, Query};
use backend::ec::{
    DerSignature, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh, Ecdsa,
    EllipticCurveBackend, SharedSecret,
};
use backend::keys::{PrivateKey, SignatureAlgorithm, sign_and_verify};
use backend::ring::{Ring, RingAeadKey, RingEcPrivateKey};
use backend::rng::RandomSource;
use backend::{
    AeadAlgorithm, AeadBackend, AeadKey, AsymmetricPadding, Backend, EllipticCurve, HashAlgorithm,
    HashBackend, HkdfBackend, HmacBackend, MessageHash, MultiBackend, Pbkdf2HmacBackend, Provider,
    RsaBackend, RsaPrivateNumbers, RsaPublicNumbers, SaltLength,
};
use backend_ec_rows::CURVES;

mod backend_ec_rows {
    use backend::EllipticCurve;
    /// Every curve the RustCrypto provider has, plus one nobody has.
    pub const CURVES: [EllipticCurve; 6] = [
        EllipticCurve::Secp224r1,
        EllipticCurve::Secp256r1,
        EllipticCurve::Secp384r1,
        EllipticCurve::Secp521r1,
        EllipticCurve::Secp256k1,
        EllipticCurve::BrainpoolP256r1,
    ];
}

fn ring_and_rustcrypto() -> MultiBackend<'static> {
    MultiBackend::new([Provider::RING, Provider::RUSTCRYPTO])
        .expect("both providers are consistent")
}

#[test]
fn ring_passes_the_consistency_check() {
    Provider::RING
        .check()
        .expect("ring's rows agree with its calls");
    let multi = ring_and_rustcrypto();
    assert_eq!(multi.providers().len(), 2);
}

#[test]
fn hash_and_mac_rows_are_the_calls() {
    for h in HashAlgorithm::ALL {
        assert_eq!(
            Ring.hash_supported(h),
            Ring.create_hash_ctx(h).is_ok(),
            "hash {h:?}"
        );
        assert_eq!(
            Ring.hmac_supported(h),
            Ring.create_hmac_ctx(b"key", h).is_ok(),
            "hmac {h:?}"
        );
        let mut out = [0u8; 16];
        assert_eq!(
            Ring.pbkdf2_hmac_supported(h),
            Ring.derive_pbkdf2_hmac_into(h, b"salt", 1, b"pw", &mut out)
                .is_ok(),
            "pbkdf2 {h:?}"
        );
        let prk = [7u8; 64];
        assert_eq!(
            Ring.hkdf_supported(h),
            Ring.hkdf_expand_into(h, &prk[..h.digest_size().min(64)], b"", &mut out)
                .is_ok(),
            "hkdf {h:?}"
        );
        // Unsupported is the error of everything the rows leave out.
        if !Ring.hash_supported(h) {
            assert!(matches!(
                Ring.create_hash_ctx(h),
                Err(backend::Error::Unsupported { .. })
            ));
        }
    }
    // What ring has and RustCrypto agrees on, byte for byte.
    for h in [
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
        HashAlgorithm::Sha512_256,
    ] {
        assert_eq!(
            Ring.hash(h, b"abc").unwrap(),
            Backend.hash(h, b"abc").unwrap()
        );
    }
}

#[test]
fn aead_rows_are_the_calls() {
    let key = [9u8; 32];
    for aead in [
        AeadAlgorithm::AesGcm,
        AeadAlgorithm::ChaCha20Poly1305,
        AeadAlgorithm::AesCcm { tag_length: 16 },
    ] {
        for len in [15, 16, 24, 32] {
            let supported = Ring.aead_supported(aead, len, Some(12));
            let made = Ring.create_aead_key(aead, &key[..len]);
            assert_eq!(supported, made.is_ok(), "{aead:?} with a {len}-byte key");
            if let Ok(k) = made {
                let mut buf = *b"sixteen byte msg";
                let tag = k
                    .encrypt_in_place_detached(&[1; 12], &mut buf, b"ad")
                    .unwrap();
                let rc = Backend.create_aead_key(aead, &key[..len]).unwrap();
                let mut rc_buf = *b"sixteen byte msg";
                let rc_tag = rc
                    .encrypt_in_place_detached(&[1; 12], &mut rc_buf, b"ad")
                    .unwrap();
                assert_eq!((buf, &tag[..]), (rc_buf, &rc_tag[..]));
            }
        }
    }
    // AES-192 is absent from ring: Unsupported, so a composition falls through.
    assert!(matches!(
        Ring.create_aead_key(AeadAlgorithm::AesGcm, &key[..24]),
        Err(backend::Error::Unsupported { .. })
    ));
}

#[test]
fn a_ring_gcm_key_answers_other_nonce_lengths_and_keeps_the_buffer_on_a_wrong_tag() {
    let key: RingAeadKey = Ring
        .create_aead_key(AeadAlgorithm::AesGcm, &[3; 16])
        .unwrap();
    let rc = Backend
        .create_aead_key(AeadAlgorithm::AesGcm, &[3; 16])
        .unwrap();
    assert!(key.seals_in_ring(12) && !key.seals_in_ring(8));
    let sealed = key.encrypt(&[5; 8], b"an 8-byte nonce", b"").unwrap();
    assert_eq!(
        sealed,
        rc.encrypt(&[5; 8], b"an 8-byte nonce", b"").unwrap()
    );
    let mut buf = *b"plaintext";
    let tag = key
        .encrypt_in_place_detached(&[1; 12], &mut buf, b"")
        .unwrap();
    let ciphertext = buf;
    let mut wrong = [0u8; 16];
    wrong.copy_from_slice(&tag);
    wrong[0] ^= 1;
    assert_eq!(
        key.decrypt_in_place_detached(&[1; 12], &mut buf, b"", &wrong),
        Err(backend::Error::InvalidTag)
    );
    assert_eq!(
        buf, ciphertext,
        "ring zeroes the buffer; the key puts it back"
    );
    key.decrypt_in_place_detached(&[1; 12], &mut buf, b"", &tag)
        .unwrap();
    assert_eq!(&buf, b"plaintext");
    // ChaCha20-Poly1305 has one nonce length.
    let chacha = Ring
        .create_aead_key(AeadAlgorithm::ChaCha20Poly1305, &[3; 32])
        .unwrap();
    assert!(matches!(
        chacha.encrypt(&[0; 8], b"x", b""),
        Err(backend::Error::InvalidArgument(_))
    ));
}

#[test]
fn aes_192_gcm_in_the_composition_is_served_by_rustcrypto() {
    let multi = ring_and_rustcrypto();
    let query = |len| backend::cipher::aead_query(AeadAlgorithm::AesGcm, len, Some(12));
    assert_eq!(multi.serving(&query(16)), Some("ring"));
    assert_eq!(multi.serving(&query(32)), Some("ring"));
    assert_eq!(multi.serving(&query(24)), Some("rustcrypto"));
    assert_eq!(
        multi.serving(&Query::new(Algorithm::Aead(AeadKind::AesCcm))),
        Some("rustcrypto")
    );
    let key = [0x42u8; 24];
    let sealed = multi
        .create_aead_key(AeadAlgorithm::AesGcm, &key)
        .unwrap()
        .encrypt(&[7; 12], b"served by RustCrypto", b"ad")
        .unwrap();
    let expected = Backend
        .create_aead_key(AeadAlgorithm::AesGcm, &key)
        .unwrap()
        .encrypt(&[7; 12], b"served by RustCrypto", b"ad")
        .unwrap();
    assert_eq!(sealed, expected);
    assert!(Ring.create_aead_key(AeadAlgorithm::AesGcm, &key).is_err());
}

#[test]
fn ec_rows_are_the_calls() {
    for curve in CURVES {
        let supported = Ring.elliptic_curve_supported(curve);
        assert_eq!(
            supported,
            Ring.derive_elliptic_curve_private_key(&[1], curve).is_ok(),
            "{curve:?}"
        );
        if !supported {
            continue;
        }
        let key = Ring.derive_elliptic_curve_private_key(&[7], curve).unwrap();
        for h in HashAlgorithm::FIXED_OUTPUT {
            let ecdsa = Ecdsa::from(h);
            if Ring.elliptic_curve_signature_algorithm_supported(ecdsa, curve) {
                assert!(
                    key.signs_in_ring(ecdsa),
                    "{curve:?} {h:?} is a ring pairing"
                );
                let sig = key.sign(b"msg", ecdsa).unwrap();
                key.public_key().verify(&sig, b"msg", ecdsa).unwrap();
            } else {
                assert!(!key.signs_in_ring(ecdsa), "{curve:?} {h:?}");
            }
        }
        // No static-key ECDH in ring: the rows say so; the key still answers, in RustCrypto.
        assert!(!Ring.elliptic_curve_exchange_algorithm_supported(Ecdh, curve));
        let peer = Backend
            .derive_elliptic_curve_private_key(&[9], curve)
            .unwrap();
        let ours: SharedSecret = key.exchange(Ecdh, peer.public_key()).unwrap();
        assert_eq!(ours, peer.exchange(Ecdh, key.public_key()).unwrap());
    }
}

#[test]
fn rsa_rows_are_the_calls() {
    let rc_key = |bits| {
        backend::rsa::RustCryptoRsaPrivateKey::generate_with_rng(
            &mut backend::rng::OsRandom,
            65537,
            bits,
        )
        .unwrap()
    };
    for bits in [1024usize, 2048] {
        let numbers: RsaPrivateNumbers =
            backend::RsaPrivateKey::private_numbers(&rc_key(bits)).unwrap();
        let query = backend::rsa::rsa_keys_query(&numbers.public_numbers);
        let supported = backend::capability::supports(Ring.rsa_capabilities(), &query);
        assert_eq!(supported, bits == 2048);
        assert_eq!(supported, Ring.load_rsa_private_numbers(&numbers).is_ok());
        assert_eq!(
            supported,
            Ring.load_rsa_public_numbers(&numbers.public_numbers)
                .is_ok()
        );
    }
    assert!(!Ring.generate_rsa_parameters_supported(65537, 2048));
    assert!(matches!(
        Ring.generate_rsa_private_key_with_rng(&mut backend::rng::OsRandom, 65537, 2048),
        Err(backend::Error::Unsupported { .. })
    ));
    for padding in [
        AsymmetricPadding::Pkcs1v15,
        AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::DigestLength),
    ] {
        assert!(Ring.rsa_padding_supported(&padding));
    }
    assert!(!Ring.rsa_padding_supported(&AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"")));
}

#[test]
fn ring_rsa_pkcs1v15_signatures_are_rustcryptos() {
    // PKCS#1 v1.5 is deterministic: ring and RustCrypto must give the same bytes.
    let rc = backend::rsa::RustCryptoRsaPrivateKey::generate_with_rng(
        &mut backend::rng::OsRandom,
        65537,
        2048,
    )
    .unwrap();
    let numbers = backend::RsaPrivateKey::private_numbers(&rc).unwrap();
    let ring_key = Ring.load_rsa_private_numbers(&numbers).unwrap();
    for h in [
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
    ] {
        let hash = MessageHash::Hash(h);
        let a = ring_key
            .sign(b"message", AsymmetricPadding::Pkcs1v15, hash)
            .unwrap();
        let b = backend::RsaPrivateKey::sign(&rc, b"message", AsymmetricPadding::Pkcs1v15, hash)
            .unwrap();
        assert_eq!(a, b, "{h:?}");
        let pss = AsymmetricPadding::pss(h, SaltLength::DigestLength);
        let sig = ring_key.sign(b"message", pss, hash).unwrap();
        // RustCrypto verifies ring's PSS signature with an explicit salt length, and ring
        // verifies it too.
        backend::RsaPublicKey::verify(
            &rc.to_public_key(),
            &sig,
            b"message",
            AsymmetricPadding::pss(h, SaltLength::Explicit(h.digest_size())),
            hash,
        )
        .unwrap();
        ring_key
            .public_key()
            .unwrap()
            .verify(&sig, b"message", pss, hash)
            .unwrap();
    }
    // What ring lacks on the same key (SHA-1, OAEP) answers through RustCrypto.
    let sha1 = MessageHash::Hash(HashAlgorithm::Sha1);
    let sig = ring_key
        .sign(b"m", AsymmetricPadding::Pkcs1v15, sha1)
        .unwrap();
    ring_key
        .public_key()
        .unwrap()
        .verify(&sig, b"m", AsymmetricPadding::Pkcs1v15, sha1)
        .unwrap();
    let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
    let ct = ring_key
        .public_key()
        .unwrap()
        .encrypt(b"secret", oaep)
        .unwrap();
    assert_eq!(&**ring_key.decrypt(&ct, oaep).unwrap(), b"secret");
    let _ = RsaPublicNumbers::new(&[1, 0, 1], &[0xff]);
}

// ---------------------------------------------------------------------------------------------
// Which implementation ran: each provider's EC part is wrapped so that its keys record their
// concrete type in a shared log when they sign.

type Log = Arc<Mutex<Vec<&'static str>>>;

struct Traced<B> {
    inner: B,
    log: Log,
}

struct TracedKey<K> {
    key: K,
    log: Log,
}

impl<K: EcPrivateKey> EcPrivateKey for TracedKey<K> {
    fn curve(&self) -> EllipticCurve {
        self.key.curve()
    }
    fn public_key(&self) -> &dyn EcPublicKey {
        self.key.public_key()
    }
    fn sign(&self, data: &[u8], signature_algorithm: Ecdsa) -> backend::Result<DerSignature> {
        self.log.lock().unwrap().push(type_name::<K>());
        self.key.sign(data, signature_algorithm)
    }
    fn exchange(&self, algorithm: Ecdh, peer: &dyn EcPublicKey) -> backend::Result<SharedSecret> {
        self.key.exchange(algorithm, peer)
    }
    fn private_numbers(&self) -> backend::Result<EcPrivateNumbers> {
        self.key.private_numbers()
    }
}

impl<B> EllipticCurveBackend for Traced<B>
where
    B: EllipticCurveBackend,
    B::PrivateKey: 'static,
    B::PublicKey: 'static,
{
    type PrivateKey = TracedKey<B::PrivateKey>;
    type PublicKey = B::PublicKey;

    fn elliptic_curve_capabilities(&self) -> &[Capability] {
        self.inner.elliptic_curve_capabilities()
    }
    fn generate_elliptic_curve_private_key_with_rng(
        &self,
        rng: &mut dyn RandomSource,
        curve: EllipticCurve,
    ) -> backend::Result<Self::PrivateKey> {
        let key = self
            .inner
            .generate_elliptic_curve_private_key_with_rng(rng, curve)?;
        Ok(TracedKey {
            key,
            log: self.log.clone(),
        })
    }
    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> backend::Result<Self::PrivateKey> {
        let key = self.inner.load_elliptic_curve_private_numbers(numbers)?;
        Ok(TracedKey {
            key,
            log: self.log.clone(),
        })
    }
    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> backend::Result<Self::PublicKey> {
        self.inner.load_elliptic_curve_public_numbers(numbers)
    }
    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> backend::Result<Self::PublicKey> {
        self.inner
            .load_elliptic_curve_public_bytes(curve, encoded_point)
    }
    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> backend::Result<Self::PrivateKey> {
        let key = self
            .inner
            .derive_elliptic_curve_private_key(private_value, curve)?;
        Ok(TracedKey {
            key,
            log: self.log.clone(),
        })
    }
}

#[test]
fn a_ring_key_signs_in_ring_and_a_rustcrypto_key_in_rustcrypto_in_one_composition() {
    let log: Log = Arc::default();
    let ring = Traced {
        inner: Ring,
        log: log.clone(),
    };
    let rustcrypto = Traced {
        inner: Backend,
        log: log.clone(),
    };
    let multi = MultiBackend::new([
        Provider {
            ec: Some(&ring as &dyn backend::dynamic::DynEllipticCurveBackend),
            ..Provider::RING
        },
        Provider {
            ec: Some(&rustcrypto as &dyn backend::dynamic::DynEllipticCurveBackend),
            ..Provider::RUSTCRYPTO
        },
    ])
    .unwrap();
    // The consistency check signed once per row; only what follows counts.
    log.lock().unwrap().clear();
    let es256 = Ecdsa::from(HashAlgorithm::Sha256);

    // P-256: ring has it, so the composition's key is ring's, and it signs in ring.
    let p256 = multi
        .generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)
        .unwrap();
    let sig = p256.sign(b"tbs", es256).unwrap();
    p256.public_key().verify(&sig, b"tbs", es256).unwrap();
    assert_eq!(*log.lock().unwrap(), [type_name::<RingEcPrivateKey>()]);
    // ... and a `RingEcPrivateKey` signs ES256 in ring, not in the RustCrypto key it carries.
    let direct = Ring
        .generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)
        .unwrap();
    assert!(direct.signs_in_ring(es256));

    // P-521: ring lacks it, so the key is RustCrypto's, and it signs in RustCrypto.
    log.lock().unwrap().clear();
    let p521 = multi
        .generate_elliptic_curve_private_key(EllipticCurve::Secp521r1)
        .unwrap();
    let es512 = Ecdsa::from(HashAlgorithm::Sha512);
    let sig = p521.sign(b"tbs", es512).unwrap();
    p521.public_key().verify(&sig, b"tbs", es512).unwrap();
    assert_eq!(
        *log.lock().unwrap(),
        [type_name::<backend::ec::RustCryptoEcPrivateKey>()]
    );

    // The same numbers: loaded on P-384 they are ring's, whatever provider made them.
    log.lock().unwrap().clear();
    let made_by_rustcrypto = Backend
        .generate_elliptic_curve_private_key(EllipticCurve::Secp384r1)
        .unwrap();
    let loaded = multi
        .load_elliptic_curve_private_numbers(&made_by_rustcrypto.private_numbers().unwrap())
        .unwrap();
    loaded
        .sign(b"tbs", Ecdsa::from(HashAlgorithm::Sha384))
        .unwrap();
    assert_eq!(*log.lock().unwrap(), [type_name::<RingEcPrivateKey>()]);
}

#[test]
fn ring_keys_are_signers_of_the_key_layer() {
    let ec: Box<dyn EcPrivateKey> = Box::new(
        Ring.generate_elliptic_curve_private_key(EllipticCurve::Secp384r1)
            .unwrap(),
    );
    let es384 = SignatureAlgorithm::Ecdsa {
        hash: HashAlgorithm::Sha384,
    };
    let sig = sign_and_verify(&*ec, &es384, es384.message(), b"tbsCertificate").unwrap();
    let key = PrivateKey::Ec(ec);
    key.public_key()
        .unwrap()
        .verify(&sig, b"tbsCertificate", &es384, es384.message())
        .unwrap();

    let rc = backend::rsa::RustCryptoRsaPrivateKey::generate_with_rng(
        &mut backend::rng::OsRandom,
        65537,
        2048,
    )
    .unwrap();
    let rsa = Ring
        .load_rsa_private_numbers(&backend::RsaPrivateKey::private_numbers(&rc).unwrap())
        .unwrap();
    let ps256 = SignatureAlgorithm::rsa_pss(HashAlgorithm::Sha256, SaltLength::DigestLength);
    let sig = sign_and_verify(&*rsa, &ps256, ps256.message(), b"tbsCertificate").unwrap();
    let key = PrivateKey::Rsa(rsa);
    key.public_key()
        .unwrap()
        .verify(&sig, b"tbsCertificate", &ps256, ps256.message())
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Round trips with the `openssl` command: ring's RSA signatures verify in OpenSSL, and OpenSSL's
// verify with a ring key. Skipped, with a message, without `openssl`.

/// DER of a PKCS#1 `RSAPrivateKey` for OpenSSL (serialization proper is not built yet).
fn pkcs1_der(numbers: &RsaPrivateNumbers) -> Vec<u8> {
    fn length(len: usize) -> Vec<u8> {
        match len {
            0..=0x7f => vec![len as u8],
            0x80..=0xff => vec![0x81, len as u8],
            _ => vec![0x82, (len >> 8) as u8, len as u8],
        }
    }
    fn integer(magnitude: &[u8]) -> Vec<u8> {
        let start = magnitude
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(magnitude.len());
        let mut value = magnitude[start..].to_vec();
        if value.first().is_none_or(|&b| b & 0x80 != 0) {
            value.insert(0, 0);
        }
        [vec![0x02], length(value.len()), value].concat()
    }
    let fields = [
        integer(&[0]),
        integer(&numbers.public_numbers.n),
        integer(&numbers.public_numbers.e),
        integer(&numbers.d),
        integer(&numbers.p),
        integer(&numbers.q),
        integer(&numbers.dmp1),
        integer(&numbers.dmq1),
        integer(&numbers.iqmp),
    ]
    .concat();
    [vec![0x30], length(fields.len()), fields].concat()
}

fn openssl(args: &[&str]) -> bool {
    std::process::Command::new("openssl")
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn ring_rsa_signatures_round_trip_with_openssl() {
    if !openssl(&["version"]) {
        eprintln!("openssl not installed: skipping the OpenSSL round trips");
        return;
    }
    let dir = std::env::temp_dir().join(format!("backend-ring-openssl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let rc = backend::rsa::RustCryptoRsaPrivateKey::generate_with_rng(
        &mut backend::rng::OsRandom,
        65537,
        2048,
    )
    .unwrap();
    let numbers = backend::RsaPrivateKey::private_numbers(&rc).unwrap();
    let key = Ring.load_rsa_private_numbers(&numbers).unwrap();
    std::fs::write(path("key.der"), pkcs1_der(&numbers)).unwrap();
    assert!(openssl(&[
        "rsa",
        "-inform",
        "DER",
        "-in",
        &path("key.der"),
        "-pubout",
        "-out",
        &path("pub.pem"),
    ]));
    std::fs::write(path("msg"), b"signed by ring, verified by OpenSSL").unwrap();
    for (h, name) in [
        (HashAlgorithm::Sha256, "-sha256"),
        (HashAlgorithm::Sha384, "-sha384"),
        (HashAlgorithm::Sha512, "-sha512"),
    ] {
        let hash = MessageHash::Hash(h);
        let pss = AsymmetricPadding::pss(h, SaltLength::DigestLength);
        for (padding, opts) in [
            (AsymmetricPadding::Pkcs1v15, &[][..]),
            (
                pss,
                &[
                    "-sigopt",
                    "rsa_padding_mode:pss",
                    "-sigopt",
                    "rsa_pss_saltlen:digest",
                ][..],
            ),
        ] {
            // ring signs, OpenSSL verifies.
            let sig = key
                .sign(b"signed by ring, verified by OpenSSL", padding, hash)
                .unwrap();
            std::fs::write(path("sig"), &sig).unwrap();
            let pub_path = path("pub.pem");
            let mut args = vec!["dgst", name, "-verify", &pub_path];
            args.extend_from_slice(opts);
            let sig_path = path("sig");
            let msg_path = path("msg");
            args.extend_from_slice(&["-signature", &sig_path, &msg_path]);
            assert!(
                openssl(&args),
                "OpenSSL refused ring's {padding:?} {h:?} signature"
            );
            // OpenSSL signs, the ring key verifies.
            let mut args = vec!["dgst", name, "-keyform", "DER"];
            let key_path = path("key.der");
            args.extend_from_slice(&["-sign", &key_path]);
            args.extend_from_slice(opts);
            let out_path = path("ossl.sig");
            args.extend_from_slice(&["-out", &out_path, &msg_path]);
            assert!(openssl(&args), "OpenSSL could not sign");
            let ossl_sig = std::fs::read(path("ossl.sig")).unwrap();
            key.public_key()
                .unwrap()
                .verify(
                    &ossl_sig,
                    b"signed by ring, verified by OpenSSL",
                    padding,
                    hash,
                )
                .unwrap();
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
