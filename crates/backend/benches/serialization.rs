//! Loading keys from PEM: an RSA-2048 and a P-256 PKCS#8 key through the facade
//! (`load_pem_private_key`: PEM, PKCS#8, the family's numbers, the provider's loader) and through
//! the raw crates (`rsa` / `p256` `from_pkcs8_pem`, plus the public key for P-256, which the
//! facade computes to check the file's public point); and an encrypted PKCS#8 key
//! (`BestAvailableEncryption`: PBKDF2-HMAC-SHA256 × 600,000, AES-256-CBC) beside the PBKDF2 run
//! alone, which is the split the encrypted load is dominated by.

use backend::ec::EllipticCurveBackend;
use backend::{
    Backend, EllipticCurve, Encoding, HashAlgorithm, KeySerializationEncryption, Pbkdf2HmacBackend,
    PemSerializationBackend, PrivateFormat, PrivateKey, RsaBackend, private_bytes,
};
use criterion::{Criterion, criterion_group, criterion_main};
use pkcs8::DecodePrivateKey;
use std::hint::black_box;

fn pem(key: &PrivateKey, encryption: &KeySerializationEncryption<'_>) -> String {
    let bytes = private_bytes(key, Encoding::Pem, PrivateFormat::Pkcs8, encryption).unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn load(c: &mut Criterion) {
    let rsa = PrivateKey::Rsa(Backend.generate_rsa_private_key(65537, 2048).unwrap());
    let p256 = PrivateKey::Ec(Box::new(
        Backend
            .generate_elliptic_curve_private_key(EllipticCurve::Secp256r1)
            .unwrap(),
    ));
    let plain = KeySerializationEncryption::NoEncryption;

    let rsa_pem = pem(&rsa, &plain);
    let mut g = c.benchmark_group("serialization/load-pem-pkcs8/rsa2048");
    g.bench_function("facade", |b| {
        b.iter(|| {
            Backend
                .load_pem_private_key(black_box(rsa_pem.as_bytes()), None)
                .unwrap()
        })
    });
    g.bench_function("raw", |b| {
        b.iter(|| rsa::PrivateKey::from_pkcs8_pem(black_box(&rsa_pem)).unwrap())
    });
    g.finish();

    let p256_pem = pem(&p256, &plain);
    let mut g = c.benchmark_group("serialization/load-pem-pkcs8/p256");
    g.bench_function("facade", |b| {
        b.iter(|| {
            Backend
                .load_pem_private_key(black_box(p256_pem.as_bytes()), None)
                .unwrap()
        })
    });
    g.bench_function("raw", |b| {
        b.iter(|| {
            let key = p256::SecretKey::from_pkcs8_pem(black_box(&p256_pem)).unwrap();
            black_box(key.public_key())
        })
    });
    g.finish();

    let encrypted = pem(
        &p256,
        &KeySerializationEncryption::BestAvailableEncryption(b"pw"),
    );
    let mut g = c.benchmark_group("serialization/load-pem-encrypted/p256");
    g.sample_size(10);
    g.bench_function("facade", |b| {
        b.iter(|| {
            Backend
                .load_pem_private_key(black_box(encrypted.as_bytes()), Some(b"pw"))
                .unwrap()
        })
    });
    g.bench_function("pbkdf2-alone", |b| {
        let mut out = [0u8; 32];
        b.iter(|| {
            Backend
                .derive_pbkdf2_hmac_into(
                    HashAlgorithm::Sha256,
                    &[0u8; 16],
                    backend::serialization::BEST_AVAILABLE_PBKDF2_ITERATIONS,
                    b"pw",
                    &mut out,
                )
                .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
