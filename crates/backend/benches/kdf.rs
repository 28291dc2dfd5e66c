//! Key derivation: PBKDF2-HMAC-SHA256 at 100,000 iterations and scrypt N = 2^14, r = 8, p = 1, each
//! through the facade (static and dynamic), the raw RustCrypto crate, and `ring` where it has one.
//!
//! One derivation takes tens of milliseconds, so groups take 10 samples (criterion's minimum).

use backend::{Backend, HashAlgorithm, Pbkdf2HmacBackend, ScryptBackend};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::num::NonZeroU32;

const ITERATIONS: u32 = 100_000;
const PASSWORD: &[u8] = b"password";
const SALT: &[u8] = b"salt-of-16-bytes";

fn pbkdf2(c: &mut Criterion) {
    let mut group = c.benchmark_group(format!("kdf/pbkdf2-hmac-sha256/{ITERATIONS}"));
    group.sample_size(10);
    let mut out = [0u8; 32];
    group.bench_function("facade", |b| {
        b.iter(|| {
            Backend
                .derive_pbkdf2_hmac_into(
                    HashAlgorithm::Sha256,
                    black_box(SALT),
                    ITERATIONS,
                    black_box(PASSWORD),
                    &mut out,
                )
                .ok();
            black_box(&out);
        })
    });
    let dynamic: &dyn backend::dynamic::DynPbkdf2HmacBackend = &Backend;
    group.bench_function("facade-dyn", |b| {
        b.iter(|| {
            black_box(dynamic.derive_pbkdf2_hmac(
                HashAlgorithm::Sha256,
                32,
                black_box(SALT),
                ITERATIONS,
                black_box(PASSWORD),
            ))
        })
    });
    group.bench_function("raw", |b| {
        b.iter(|| {
            pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
                black_box(PASSWORD),
                black_box(SALT),
                ITERATIONS,
                &mut out,
            );
            black_box(&out);
        })
    });
    let iterations = NonZeroU32::new(ITERATIONS).unwrap_or(NonZeroU32::MIN);
    group.bench_function("ring", |b| {
        b.iter(|| {
            ring::pbkdf2::derive(
                ring::pbkdf2::PBKDF2_HMAC_SHA256,
                iterations,
                black_box(SALT),
                black_box(PASSWORD),
                &mut out,
            );
            black_box(&out);
        })
    });
    group.finish();
}

fn scrypt(c: &mut Criterion) {
    let mut group = c.benchmark_group("kdf/scrypt/n16384-r8-p1");
    group.sample_size(10);
    let mut out = [0u8; 32];
    group.bench_function("facade", |b| {
        b.iter(|| {
            Backend
                .derive_scrypt_into(
                    black_box(PASSWORD),
                    black_box(SALT),
                    1 << 14,
                    8,
                    1,
                    &mut out,
                )
                .ok();
            black_box(&out);
        })
    });
    let params = scrypt::Params::new(14, 8, 1).ok();
    group.bench_function("raw", |b| {
        b.iter(|| {
            if let Some(params) = &params {
                scrypt::scrypt(black_box(PASSWORD), black_box(SALT), params, &mut out).ok();
            }
            black_box(&out);
        })
    });
    group.finish();
}

criterion_group!(benches, pbkdf2, scrypt);
criterion_main!(benches);
