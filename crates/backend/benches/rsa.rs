//! RSA through the facade, against the raw `rsa` crate and `ring`: RSA-2048/3072 sign (PKCS#1 v1.5
//! and PSS, SHA-256), verify, OAEP decrypt, and RSA-2048 key generation.
//!
//! `cargo bench -p backend --bench rsa -- --warm-up-time 1 --measurement-time 2`

use backend::{
    AsymmetricPadding, Backend, HashAlgorithm, MessageHash, RsaBackend, RsaPrivateKey,
    RsaPublicKey, SaltLength,
};
use criterion::{Criterion, criterion_group, criterion_main};
use rsa::sha2::{Digest, Sha256};
use rsa::traits::PublicKeyParts;
use std::hint::black_box;

const MESSAGE: &[u8] = b"The quick brown fox jumps over the lazy dog, signed by RSA";
const SHA256: MessageHash = MessageHash::Hash(HashAlgorithm::Sha256);

fn ring_key_pair(key: &backend::rsa::RustCryptoRsaPrivateKey) -> ring::signature::RsaKeyPair {
    let numbers = key.private_numbers().expect("in-memory key");
    let components = ring::rsa::KeyPairComponents {
        public_key: ring::rsa::PublicKeyComponents {
            n: numbers.public_numbers.n.clone(),
            e: numbers.public_numbers.e.clone(),
        },
        d: numbers.d.clone(),
        p: numbers.p.clone(),
        q: numbers.q.clone(),
        dP: numbers.dmp1.clone(),
        dQ: numbers.dmq1.clone(),
        qInv: numbers.iqmp.clone(),
    };
    ring::signature::RsaKeyPair::from_components(&components).expect("ring accepts the key")
}

/// `MultiBackend[ring, rustcrypto]`, built once: the `multi` column of issue #12 (with the `ring`
/// feature; `cargo xtask bench` turns it on).
#[cfg(feature = "ring")]
fn multi() -> &'static backend::MultiBackend<'static> {
    static MULTI: std::sync::OnceLock<backend::MultiBackend<'static>> = std::sync::OnceLock::new();
    MULTI.get_or_init(|| {
        backend::MultiBackend::new([backend::Provider::RING, backend::Provider::RUSTCRYPTO])
            .expect("consistent providers")
    })
}

fn rsa(c: &mut Criterion) {
    for bits in [2048usize, 3072] {
        // The concrete key (for `as_rsa` and static dispatch); the trait's keys come boxed.
        let key = backend::rsa::RustCryptoRsaPrivateKey::generate_with_rng(
            &mut backend::rsa::rng::OsRandom,
            65537,
            bits,
        )
        .expect("key");
        let public = key.to_public_key();
        let raw = key.as_rsa().clone();
        let raw_public = raw.to_public_key();
        let ring_key = ring_key_pair(&key);
        let ring_rng = ring::rand::SystemRandom::new();
        let ring_public = ring::signature::RsaPublicKeyComponents {
            n: raw_public.n_bytes().to_vec(),
            e: raw_public.e_bytes().to_vec(),
        };
        let digest = Sha256::digest(MESSAGE);
        let dyn_key: &dyn RsaPrivateKey = &key;
        let pss = AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::DigestLength);

        for (name, padding, ring_alg, ring_verify_alg) in [
            (
                "sign-pkcs1v15",
                AsymmetricPadding::Pkcs1v15,
                &ring::signature::RSA_PKCS1_SHA256 as &dyn ring::signature::RsaEncoding,
                &ring::signature::RSA_PKCS1_2048_8192_SHA256,
            ),
            (
                "sign-pss",
                pss,
                &ring::signature::RSA_PSS_SHA256,
                &ring::signature::RSA_PSS_2048_8192_SHA256,
            ),
        ] {
            let mut group = c.benchmark_group(format!("rsa/{name}/{bits}"));
            group.sample_size(20);
            group.bench_function("facade", |b| {
                b.iter(|| RsaPrivateKey::sign(&key, black_box(MESSAGE), padding, SHA256))
            });
            group.bench_function("facade-dyn", |b| {
                b.iter(|| dyn_key.sign(black_box(MESSAGE), padding, SHA256))
            });
            group.bench_function("raw", |b| {
                b.iter(|| {
                    let digest = Sha256::digest(black_box(MESSAGE));
                    match padding {
                        AsymmetricPadding::Pkcs1v15 => {
                            raw.sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest)
                        }
                        _ => raw.sign(rsa::Pss::<Sha256>::new(), &digest),
                    }
                })
            });
            let mut signature = vec![0u8; ring_key.public().modulus_len()];
            group.bench_function("ring", |b| {
                b.iter(|| ring_key.sign(ring_alg, &ring_rng, black_box(MESSAGE), &mut signature))
            });
            // The composition loads the key in ring; ring's provider called directly.
            #[cfg(feature = "ring")]
            {
                let numbers = RsaPrivateKey::private_numbers(&key).expect("numbers");
                let multi_key = multi().load_rsa_private_numbers(&numbers).expect("key");
                group.bench_function("multi", |b| {
                    b.iter(|| multi_key.sign(black_box(MESSAGE), padding, SHA256))
                });
                let ring_facade = backend::ring::Ring
                    .load_rsa_private_numbers(&numbers)
                    .expect("key");
                group.bench_function("ring-facade", |b| {
                    b.iter(|| ring_facade.sign(black_box(MESSAGE), padding, SHA256))
                });
            }
            group.finish();

            let verify_name = name.replace("sign", "verify");
            let signature = RsaPrivateKey::sign(&key, MESSAGE, padding, SHA256).expect("sign");
            let mut group = c.benchmark_group(format!("rsa/{verify_name}/{bits}"));
            group.bench_function("facade", |b| {
                b.iter(|| public.verify(black_box(&signature), MESSAGE, padding, SHA256))
            });
            group.bench_function("raw", |b| {
                b.iter(|| {
                    let digest = Sha256::digest(MESSAGE);
                    match padding {
                        AsymmetricPadding::Pkcs1v15 => raw_public.verify(
                            rsa::Pkcs1v15Sign::new::<Sha256>(),
                            &digest,
                            black_box(&signature),
                        ),
                        _ => raw_public.verify(
                            rsa::Pss::<Sha256>::new(),
                            &digest,
                            black_box(&signature),
                        ),
                    }
                })
            });
            group.bench_function("ring", |b| {
                b.iter(|| ring_public.verify(ring_verify_alg, MESSAGE, black_box(&signature)))
            });
            #[cfg(feature = "ring")]
            {
                let numbers = public.public_numbers();
                let multi_public = multi().load_rsa_public_numbers(&numbers).expect("key");
                group.bench_function("multi", |b| {
                    b.iter(|| multi_public.verify(black_box(&signature), MESSAGE, padding, SHA256))
                });
                let ring_facade = backend::ring::Ring
                    .load_rsa_public_numbers(&numbers)
                    .expect("key");
                group.bench_function("ring-facade", |b| {
                    b.iter(|| ring_facade.verify(black_box(&signature), MESSAGE, padding, SHA256))
                });
            }
            group.finish();
        }

        let oaep = AsymmetricPadding::oaep(HashAlgorithm::Sha256, b"");
        let ciphertext = public
            .encrypt(b"a 32-byte session key, say.....", oaep)
            .expect("encrypt");
        let mut group = c.benchmark_group(format!("rsa/decrypt-oaep/{bits}"));
        group.sample_size(20);
        group.bench_function("facade", |b| {
            b.iter(|| RsaPrivateKey::decrypt(&key, black_box(&ciphertext), oaep))
        });
        group.bench_function("raw", |b| {
            b.iter(|| raw.decrypt(rsa::Oaep::<Sha256>::new(), black_box(&ciphertext)))
        });
        group.finish();
        let _ = digest;
    }

    let mut group = c.benchmark_group("rsa/keygen/2048");
    group.sample_size(10);
    group.bench_function("facade", |b| {
        b.iter(|| RsaBackend::generate_rsa_private_key(&Backend, 65537, 2048))
    });
    group.bench_function("raw", |b| {
        b.iter(|| {
            let mut rng = rsa::rand_core::UnwrapErr(getrandom::SysRng);
            rsa::PrivateKey::new(&mut rng, 2048)
        })
    });
    group.finish();
}

criterion_group!(benches, rsa);
criterion_main!(benches);
