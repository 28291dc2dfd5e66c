//! Finite-field Diffie-Hellman through the facade: an exchange in ffdhe2048 (RFC 7919), through the
//! concrete key and through `&dyn DhPrivateKey`, the peer's checks included (range and the
//! subgroup by the Jacobi symbol); key generation in ffdhe2048; and safe-prime parameter
//! generation (1024 and 2048 bits, which take seconds to minutes: a few samples only, never in
//! the tests). `cargo xtask bench dh` prints them beside `openssl speed ffdh2048` (OpenSSL times
//! its derive after validating the peer once, in its setup).
//!
//! `cargo bench -p backend --bench dh -- --warm-up-time 1 --measurement-time 3`

use backend::dh::{RustCryptoDhParameters, rng::OsRandom};
use backend::{Backend, DhBackend, DhParameters, DhPrivateKey};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn dh(c: &mut Criterion) {
    let params =
        RustCryptoDhParameters::from_numbers(&backend::dh::ffdhe2048()).expect("ffdhe2048");
    let alice = params
        .generate_private_key_unboxed(&mut OsRandom)
        .expect("key");
    let bob = params
        .generate_private_key_unboxed(&mut OsRandom)
        .expect("key");
    let bob_public = bob.public_key().expect("public");
    let dyn_alice: Box<dyn DhPrivateKey> = Backend
        .load_dh_private_numbers(&alice.private_numbers().expect("numbers"))
        .expect("load");

    let mut group = c.benchmark_group("dh/exchange/ffdhe2048");
    group.bench_function("facade", |b| {
        b.iter(|| alice.exchange(black_box(&*bob_public)).expect("exchange"))
    });
    group.bench_function("facade-dyn", |b| {
        b.iter(|| {
            dyn_alice
                .exchange(black_box(&*bob_public))
                .expect("exchange")
        })
    });
    group.finish();

    let mut group = c.benchmark_group("dh/keygen/ffdhe2048");
    group.bench_function("facade", |b| {
        b.iter(|| {
            params
                .generate_private_key_with_rng(&mut OsRandom)
                .expect("key")
        })
    });
    group.finish();

    for bits in [1024usize, 2048] {
        let mut group = c.benchmark_group(format!("dh/paramgen/{bits}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(1));
        group.measurement_time(Duration::from_secs(if bits == 2048 { 120 } else { 20 }));
        group.bench_function("facade", |b| {
            b.iter(|| {
                Backend
                    .generate_dh_parameters_with_rng(&mut OsRandom, 2, bits)
                    .expect("parameters")
            })
        });
        group.finish();
    }
}

criterion_group!(benches, dh);
criterion_main!(benches);
