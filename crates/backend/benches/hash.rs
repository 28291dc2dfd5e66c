//! Hash and HMAC throughput: the facade (generic and dynamic) against the raw RustCrypto crates
//! and `ring`, in one run. `cargo xtask bench` prints the ratios.

use backend::{Backend, HashAlgorithm, HashBackend, HashContext, HmacBackend, MacContext};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hmac::{KeyInit, Mac};
use sha2::Digest;
use std::hint::black_box;

const SIZES: [(usize, &str); 2] = [(64, "64B"), (16 * 1024, "16KiB")];
const KEY: &[u8; 32] = b"an HMAC key of thirty-two bytes!";

fn facade_hash<B: HashBackend>(
    backend: &B,
    algorithm: HashAlgorithm,
    data: &[u8],
) -> backend::hash::HashOutput {
    let mut ctx = backend.create_hash_ctx(algorithm).expect("supported");
    ctx.update(data);
    ctx.finalize().expect("fits")
}

fn hashes(c: &mut Criterion) {
    let dynamic: &dyn backend::dynamic::DynHashBackend = &Backend;
    for (algorithm, ring_alg) in [
        (HashAlgorithm::Sha256, &ring::digest::SHA256),
        (HashAlgorithm::Sha512, &ring::digest::SHA512),
    ] {
        for (size, label) in SIZES {
            let data = vec![0xa5u8; size];
            let mut group = c.benchmark_group(format!("hash/{}/{label}", algorithm.name()));
            group.throughput(Throughput::Bytes(size as u64));
            group.bench_function("facade", |b| {
                b.iter(|| facade_hash(&Backend, algorithm, black_box(&data)))
            });
            group.bench_function("facade-oneshot", |b| {
                b.iter(|| {
                    Backend
                        .hash(algorithm, black_box(&data))
                        .expect("supported")
                })
            });
            group.bench_function("facade-dyn", |b| {
                b.iter(|| {
                    let mut ctx = dynamic.create_hash_ctx(algorithm).expect("supported");
                    ctx.update(black_box(&data));
                    ctx.finalize().expect("fits")
                })
            });
            match algorithm {
                HashAlgorithm::Sha256 => group
                    .bench_function("raw", |b| b.iter(|| sha2::Sha256::digest(black_box(&data)))),
                _ => group
                    .bench_function("raw", |b| b.iter(|| sha2::Sha512::digest(black_box(&data)))),
            };
            group.bench_function("ring", |b| {
                b.iter(|| ring::digest::digest(ring_alg, black_box(&data)))
            });
            // The composition's one-shot hash (routed to ring), and ring's provider called
            // directly through the same trait: the difference is the dispatch.
            #[cfg(feature = "ring")]
            {
                group.bench_function("multi", |b| {
                    b.iter(|| {
                        multi()
                            .hash(algorithm, black_box(&data))
                            .expect("supported")
                    })
                });
                group.bench_function("ring-facade", |b| {
                    b.iter(|| {
                        backend::ring::Ring
                            .hash(algorithm, black_box(&data))
                            .expect("supported")
                    })
                });
            }
            group.finish();
        }
    }
}

fn hmacs(c: &mut Criterion) {
    let dynamic: &dyn backend::dynamic::DynHmacBackend = &Backend;
    for (size, label) in SIZES {
        let data = vec![0x5au8; size];
        let mut group = c.benchmark_group(format!("hmac/sha256/{label}"));
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_function("facade", |b| {
            b.iter(|| {
                let mut ctx = Backend
                    .create_hmac_ctx(KEY, HashAlgorithm::Sha256)
                    .expect("supported");
                ctx.update(black_box(&data));
                ctx.finalize()
            })
        });
        group.bench_function("facade-dyn", |b| {
            b.iter(|| {
                let mut ctx = dynamic
                    .create_hmac_ctx(KEY, HashAlgorithm::Sha256)
                    .expect("supported");
                ctx.update(black_box(&data));
                ctx.finalize()
            })
        });
        group.bench_function("raw", |b| {
            b.iter(|| {
                let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(KEY).expect("any key");
                mac.update(black_box(&data));
                mac.finalize().into_bytes()
            })
        });
        group.bench_function("ring", |b| {
            b.iter(|| {
                // Keyed per message, like the others.
                let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, KEY);
                ring::hmac::sign(&key, black_box(&data))
            })
        });
        #[cfg(feature = "ring")]
        {
            group.bench_function("multi", |b| {
                b.iter(|| {
                    let mut ctx = multi()
                        .create_hmac_ctx(KEY, HashAlgorithm::Sha256)
                        .expect("supported");
                    ctx.update(black_box(&data));
                    ctx.finalize()
                })
            });
            group.bench_function("ring-facade", |b| {
                b.iter(|| {
                    let mut ctx = backend::ring::Ring
                        .create_hmac_ctx(KEY, HashAlgorithm::Sha256)
                        .expect("supported");
                    ctx.update(black_box(&data));
                    ctx.finalize()
                })
            });
        }
        group.finish();
    }
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

criterion_group!(benches, hashes, hmacs);
criterion_main!(benches);
