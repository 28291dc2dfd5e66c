//! Finite-field Diffie-Hellman through the facade: an exchange in ffdhe2048 (RFC 7919), through
//! the concrete key with the peer checked once (`check_peer`, then `exchange_checked`) and through
//! `&dyn DhPrivateKey` with the peer's checks on every call (range, and the subgroup by the Jacobi
//! symbol); key generation in ffdhe2048; safe-prime parameter generation (1024 bits in criterion;
//! 2048 bits, minutes per group, timed over a few runs and printed; never in the tests).
//! `cargo xtask bench dh` prints them beside `openssl speed ffdh2048` (OpenSSL checks the peer
//! once, in its setup, and times the derive).
//!
//! `cargo bench -p backend --bench dh -- --warm-up-time 1 --measurement-time 3`

use backend::dh::{RustCryptoDhParameters, rng::OsRandom};
use backend::{Backend, DhBackend, DhParameters, DhPrivateKey};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

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

    // "facade": the peer checked once (`check_peer`), then the derive timed, as `openssl speed`
    // does (EVP_PKEY_derive_set_peer in its setup); "facade-dyn": the trait's `exchange`, which
    // checks the peer (range, Jacobi symbol) on every call.
    let checked = alice.check_peer(&*bob_public).expect("peer");
    let mut group = c.benchmark_group("dh/exchange/ffdhe2048");
    group.bench_function("facade", |b| {
        b.iter(|| {
            alice
                .exchange_checked(black_box(&checked))
                .expect("exchange")
        })
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

    let mut group = c.benchmark_group("dh/paramgen/1024");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("facade", |b| {
        b.iter(|| {
            Backend
                .generate_dh_parameters_with_rng(&mut OsRandom, 2, 1024)
                .expect("parameters")
        })
    });
    group.finish();

    // 2048-bit groups take minutes each, so criterion's ten samples would take an hour: timed
    // here over DH_PARAMGEN_2048_RUNS runs (default 1; 0 skips), and printed.
    let runs: u32 = std::env::var("DH_PARAMGEN_2048_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        black_box(
            Backend
                .generate_dh_parameters_with_rng(&mut OsRandom, 2, 2048)
                .expect("parameters"),
        );
        times.push(start.elapsed());
    }
    if let (Some(min), Some(max)) = (times.iter().min(), times.iter().max()) {
        let mean = times.iter().sum::<Duration>() / runs;
        println!(
            "dh/paramgen/2048/facade: mean {:.1} s over {runs} run(s) (min {:.1} s, max {:.1} s)",
            mean.as_secs_f64(),
            min.as_secs_f64(),
            max.as_secs_f64()
        );
    }
}

criterion_group!(benches, dh);
criterion_main!(benches);
