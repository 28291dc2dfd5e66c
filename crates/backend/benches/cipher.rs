//! Cipher throughput: the streaming facade (`Backend`), the raw RustCrypto crate (one-shot
//! `aes-gcm` / `chacha20poly1305`, `ctr`, `cbc`), and `ring` where it has the algorithm.
//!
//! Groups are `cipher/<op>/<size>`; function ids `facade`, `raw`, `ring`. In the `*-encrypt` groups
//! every peer keys its cipher inside the timed loop: the seed API takes the key with each context,
//! so one iteration is "encrypt one message under a key given as bytes" for all of them. In the
//! `*-keyed-seal` groups every peer builds its key object once, outside the loop (the facade's
//! `AeadBackend::create_aead_key`, `aes-gcm` / `chacha20poly1305`'s `KeyInit`, ring's
//! `LessSafeKey`), so one iteration is "seal one message under a key already expanded", as a
//! record layer does.
#![allow(missing_docs)]

use aes_gcm::aead::{AeadInOut, KeyInit};
use backend::cipher::{AeadAlgorithm, AeadBackend, AeadKey};
use backend::{Backend, CipherAlgorithm, CipherBackend, CipherContext, EncryptionContext, Mode};
use cipher::{BlockModeEncrypt, KeyIvInit, StreamCipher};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const SIZES: [(usize, &str); 3] = [(64, "64B"), (1024, "1KiB"), (16 * 1024, "16KiB")];
const KEY: [u8; 32] = [0x42; 32];
const NONCE: [u8; 12] = [0x24; 12];
const IV: [u8; 16] = [0x24; 16];

/// Streams `input` through a facade encryption context into `out` and returns the tag length.
fn facade(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>, input: &[u8], out: &mut [u8]) -> usize {
    let mut ctx =
        CipherBackend::create_symmetric_encryption_ctx(&Backend, cipher, mode).expect("supported");
    ctx.update_into(input, out).expect("room");
    ctx.finalize().expect("finalize").tag.map_or(0, |t| t.len())
}

fn ring_seal(alg: &'static ring::aead::Algorithm, key: &[u8], buf: &mut [u8]) -> usize {
    let key = ring::aead::LessSafeKey::new(ring::aead::UnboundKey::new(alg, key).expect("key"));
    let nonce = ring::aead::Nonce::assume_unique_for_key(NONCE);
    key.seal_in_place_separate_tag(nonce, ring::aead::Aad::empty(), buf)
        .expect("seal")
        .as_ref()
        .len()
}

/// Keyed one-shot AEADs: each peer's key object is built before the timed loop.
fn keyed(c: &mut Criterion, size: usize, label: &str) {
    let input = vec![0x5au8; size];
    let mut out = vec![0u8; size];
    let cases: [(&str, AeadAlgorithm, &[u8], &'static ring::aead::Algorithm); 3] = [
        (
            "aes128-gcm",
            AeadAlgorithm::AesGcm,
            &KEY[..16],
            &ring::aead::AES_128_GCM,
        ),
        (
            "aes256-gcm",
            AeadAlgorithm::AesGcm,
            &KEY,
            &ring::aead::AES_256_GCM,
        ),
        (
            "chacha20poly1305",
            AeadAlgorithm::ChaCha20Poly1305,
            &KEY,
            &ring::aead::CHACHA20_POLY1305,
        ),
    ];
    for (name, aead, key, ring_alg) in cases {
        let mut g = c.benchmark_group(format!("cipher/{name}-keyed-seal/{label}"));
        g.throughput(Throughput::Bytes(size as u64));
        let facade_key = Backend.create_aead_key(aead, key).expect("key");
        g.bench_function(BenchmarkId::new("facade", ""), |b| {
            b.iter(|| {
                out.copy_from_slice(black_box(&input));
                facade_key
                    .encrypt_in_place_detached(&NONCE, &mut out, &[])
                    .expect("seal")
            })
        });
        g.bench_function(BenchmarkId::new("raw", ""), |b| match name {
            "aes128-gcm" => {
                let raw = aes_gcm::Aes128Gcm::new_from_slice(key).expect("key");
                b.iter(|| {
                    out.copy_from_slice(black_box(&input));
                    raw.encrypt_inout_detached(&NONCE.into(), &[], out.as_mut_slice().into())
                        .expect("seal")
                })
            }
            "aes256-gcm" => {
                let raw = aes_gcm::Aes256Gcm::new_from_slice(key).expect("key");
                b.iter(|| {
                    out.copy_from_slice(black_box(&input));
                    raw.encrypt_inout_detached(&NONCE.into(), &[], out.as_mut_slice().into())
                        .expect("seal")
                })
            }
            _ => {
                let raw = chacha20poly1305::ChaCha20Poly1305::new_from_slice(key).expect("key");
                b.iter(|| {
                    out.copy_from_slice(black_box(&input));
                    raw.encrypt_inout_detached(&NONCE.into(), &[], out.as_mut_slice().into())
                        .expect("seal")
                })
            }
        });
        let ring_key =
            ring::aead::LessSafeKey::new(ring::aead::UnboundKey::new(ring_alg, key).expect("key"));
        g.bench_function(BenchmarkId::new("ring", ""), |b| {
            b.iter(|| {
                out.copy_from_slice(black_box(&input));
                let nonce = ring::aead::Nonce::assume_unique_for_key(NONCE);
                ring_key
                    .seal_in_place_separate_tag(nonce, ring::aead::Aad::empty(), &mut out)
                    .expect("seal")
            })
        });
        #[cfg(feature = "ring")]
        {
            // The composition's key (made by ring), and ring's provider called directly.
            let multi_key = multi().create_aead_key(aead, key).expect("key");
            g.bench_function(BenchmarkId::new("multi", ""), |b| {
                b.iter(|| {
                    out.copy_from_slice(black_box(&input));
                    multi_key
                        .encrypt_in_place_detached(&NONCE, &mut out, &[])
                        .expect("seal")
                })
            });
            let ring_facade = backend::ring::Ring.create_aead_key(aead, key).expect("key");
            g.bench_function(BenchmarkId::new("ring-facade", ""), |b| {
                b.iter(|| {
                    out.copy_from_slice(black_box(&input));
                    ring_facade
                        .encrypt_in_place_detached(&NONCE, &mut out, &[])
                        .expect("seal")
                })
            });
        }
        g.finish();
    }
}

fn benches(c: &mut Criterion) {
    for (size, label) in SIZES {
        let input = vec![0x5au8; size];
        let mut out = vec![0u8; size];

        // AES-GCM, 128 and 256.
        for (bits, key) in [(128, &KEY[..16]), (256, &KEY[..])] {
            let mut g = c.benchmark_group(format!("cipher/aes{bits}-gcm-encrypt/{label}"));
            g.throughput(Throughput::Bytes(size as u64));
            let cipher = CipherAlgorithm::Aes(key);
            g.bench_function(BenchmarkId::new("facade", ""), |b| {
                b.iter(|| facade(&cipher, &Mode::gcm(&NONCE), black_box(&input), &mut out))
            });
            g.bench_function(BenchmarkId::new("raw", ""), |b| {
                if bits == 128 {
                    b.iter(|| {
                        let aead = aes_gcm::Aes128Gcm::new_from_slice(key).expect("key");
                        out.copy_from_slice(black_box(&input));
                        aead.encrypt_inout_detached(&NONCE.into(), &[], out.as_mut_slice().into())
                            .expect("seal")
                    })
                } else {
                    b.iter(|| {
                        let aead = aes_gcm::Aes256Gcm::new_from_slice(key).expect("key");
                        out.copy_from_slice(black_box(&input));
                        aead.encrypt_inout_detached(&NONCE.into(), &[], out.as_mut_slice().into())
                            .expect("seal")
                    })
                }
            });
            let alg = if bits == 128 {
                &ring::aead::AES_128_GCM
            } else {
                &ring::aead::AES_256_GCM
            };
            g.bench_function(BenchmarkId::new("ring", ""), |b| {
                b.iter(|| {
                    out.copy_from_slice(black_box(&input));
                    ring_seal(alg, key, &mut out)
                })
            });
            g.finish();
        }

        // AES-128-CTR.
        let mut g = c.benchmark_group(format!("cipher/aes128-ctr-encrypt/{label}"));
        g.throughput(Throughput::Bytes(size as u64));
        let aes128 = CipherAlgorithm::Aes(&KEY[..16]);
        g.bench_function(BenchmarkId::new("facade", ""), |b| {
            b.iter(|| {
                facade(
                    &aes128,
                    &Mode::Ctr { nonce: &IV },
                    black_box(&input),
                    &mut out,
                )
            })
        });
        g.bench_function(BenchmarkId::new("raw", ""), |b| {
            b.iter(|| {
                let mut ctr =
                    ctr::Ctr128BE::<aes::Aes128>::new_from_slices(&KEY[..16], &IV).expect("key");
                out.copy_from_slice(black_box(&input));
                ctr.apply_keystream(&mut out);
            })
        });
        g.finish();

        // AES-128-CBC encrypt.
        let mut g = c.benchmark_group(format!("cipher/aes128-cbc-encrypt/{label}"));
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_function(BenchmarkId::new("facade", ""), |b| {
            b.iter(|| facade(&aes128, &Mode::Cbc { iv: &IV }, black_box(&input), &mut out))
        });
        g.bench_function(BenchmarkId::new("raw", ""), |b| {
            b.iter(|| {
                let mut cbc =
                    cbc::Encryptor::<aes::Aes128>::new_from_slices(&KEY[..16], &IV).expect("key");
                out.copy_from_slice(black_box(&input));
                let (blocks, _) = cipher::Array::slice_as_chunks_mut(&mut out);
                cbc.encrypt_blocks(blocks);
            })
        });
        g.finish();

        // ChaCha20-Poly1305 (the facade's keyed AEAD, keyed in the loop: the seed system has no
        // streaming form).
        let mut g = c.benchmark_group(format!("cipher/chacha20poly1305-encrypt/{label}"));
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_function(BenchmarkId::new("facade", ""), |b| {
            b.iter(|| {
                let facade_aead = Backend
                    .create_aead_key(AeadAlgorithm::ChaCha20Poly1305, &KEY)
                    .expect("key");
                out.copy_from_slice(black_box(&input));
                facade_aead
                    .encrypt_in_place_detached(&NONCE, &mut out, &[])
                    .expect("seal")
            })
        });
        g.bench_function(BenchmarkId::new("raw", ""), |b| {
            b.iter(|| {
                let raw = chacha20poly1305::ChaCha20Poly1305::new_from_slice(&KEY).expect("key");
                out.copy_from_slice(black_box(&input));
                raw.encrypt_inout_detached(&NONCE.into(), &[], out.as_mut_slice().into())
                    .expect("seal")
            })
        });
        g.bench_function(BenchmarkId::new("ring", ""), |b| {
            b.iter(|| {
                out.copy_from_slice(black_box(&input));
                ring_seal(&ring::aead::CHACHA20_POLY1305, &KEY, &mut out)
            })
        });
        g.finish();

        keyed(c, size, label);
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

criterion_group!(cipher_benches, benches);
criterion_main!(cipher_benches);
