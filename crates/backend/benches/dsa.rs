//! DSA through the facade: DSA-2048/256 and DSA-3072/256 sign and verify (SHA-256), and key
//! loading (public with the `y^q` check, private with the fixed-base table and `y = g^x`). The
//! parameters are NIST's (FIPS 186-3 SigVer.rsp, `[mod = L=2048, N=256, SHA-256]` and
//! `L=3072`); `cargo xtask bench dsa` adds `openssl speed dsa2048` / `dsa3072` from the same run.
//!
//! Measured in this thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), not wall time: `openssl
//! speed`, the peer of the table, divides by CPU user time, and the reference machine is shared
//! (load averages of 10+ on 2 cores inflate wall time several-fold for everyone alike).
//!
//! `cargo bench -p backend --bench dsa -- --warm-up-time 1 --measurement-time 3`

use backend::dsa::{RustCryptoDsaParameters, RustCryptoDsaPrivateKey, RustCryptoDsaPublicKey};
use backend::{
    Backend, DsaBackend, DsaParameterNumbers, DsaParameters, DsaPrivateKey, DsaPublicKey,
    HashAlgorithm, MessageHash,
};
use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const MESSAGE: &[u8] = b"The quick brown fox jumps over the lazy dog, signed by DSA";
const SHA256: MessageHash = MessageHash::Hash(HashAlgorithm::Sha256);

/// NIST FIPS 186-3 parameters, L = 2048, N = 256: p, q, g in hex.
const PARAMS_2048: [&str; 3] = [
    concat!(
        "cdf428329e226cf715f18eed005e439a8c7b927edd24c866be6c1b370057059ea426d06f584f8e3c89f02fe8d4042604",
        "a2fe0db63a87ff018dfaec7790b88fd1da8396561ae62df6f18d3540992efc5ecce63068f5f595687b8bbeed5801d5b6",
        "c6bdf362dadebb80e190d719d144db693fc43cefbd72b149570a96282fd9441c397d98b15d73f8cfaa8f6514a16f5992",
        "a0a02fd7b6e4932b1e7e7ef2db717815b11e867e187aae26f9c16ca0a5ca434acf8f3356c3711765fe5e548b1edce381",
        "bdd843580f9a881d702f00a0719c3bfa8576304decb616b08ef8db6f8c3d48923a2a30b9b505ad737af1cbb001955848",
        "7400379738fd89c1ee01285e76e2d98b"
    ),
    "daf3ebd85f57a8731538596876e8a34e73c732bc69b4d64b010bd7d5b63a09ef",
    concat!(
        "6cb6a8c1b8ea97173e5ae1d2a2d530468fd932b81a4f3c3e11042d56a61a504b9c207da7cdca293c04f78583cf218e1c",
        "d2c1a92637ab4ff61d2eaa5e8e8221bfe17e6a741791f21c799221ae4c703262a6dc2e295e36939e248dacaaffe67307",
        "1f6dc7a90d7ca3427556fb99fb1fdca9de3f745b5e56be5b5933ebcba4f0c60fef3798cdca519997ef74acd7000d3a28",
        "6d01c7000a66fe0066be4381842aa040c3bf465306c38752d41c29162c4d294f2b1f7e9ad9232aadb469047f4050b085",
        "bafa06283def7d84958528a3f129a3bc81466c0ccd493fcaa87e805e7bd4450090ce55652dba15271234fbe0cfef66f3",
        "ed9d569e565bd1218f2856637a5b26a4"
    ),
];

/// NIST FIPS 186-3 parameters, L = 3072, N = 256: p, q, g in hex.
const PARAMS_3072: [&str; 3] = [
    concat!(
        "bb24fede78690b2c7c0fe5c834ef526b9a40bfc938d8ab960a79ebf37b8f6a8b8b83f40af3c65dc63653d21e84db12b7",
        "ad1f1edc3f8855bdc520e645b507b03ea826f71c13a768d5da98e10c73c402f4e14245fca51efbe6822d4f4e02e9f258",
        "d35cbd2035da74151ff3ac4479b5205571613c962527182026ae54e20c369a729df90822fcfbaccf9a3eb276b47ad7ca",
        "6c77203e45d0d09920ba17f7c28dc0ea0e1aeb64c2ff44a2cc5d27d0cfbf3798b35cfdcd2feb33890f688428acd6ca51",
        "45ae3ee041bde09c3491330f9058e2acee34111b4cc5f40fe2b6cf0faf886c06e3f19b141e8637dbb6a1f0462db29b7c",
        "3657d071c6eb2ceedbc43cb1ead3c45839c3170fa70a982fe5600a36a298899b9e4578361516aaeeb206906450eec586",
        "596edbb1498e054c788212ceafe0c8c32d26905a057209032f8ecd086ff905dd46d31725dccc7e0653f9c0c294bb510f",
        "b86db661b90cd15dd653dc042d00a5dc1d6ac84eca31442b79985943c9ebaaf729e32f929284d90b5a995f39e35048d9"
    ),
    "e28d323a9a6be548b1da7741ebb824bed875b281bf444c7674300b6d29510aa1",
    concat!(
        "a6a0b25ac52baf98973b44f1003f46b6b245983760428c9bd1a1a175a26a957f519ecabc9b3401a96509b3e4b2b1a78d",
        "f86819b5e015bd90f87f7ca69483562726e379b13f5f6bb56121d16a2f5644c37a57151da7888ddadcd6b623e04ffff8",
        "5c2ec283a3233c5b7d0f54f2fa68f106faa71c1efbb75685c07be28e351a5737fcc4697b2915dbcb8cc8d2dfc1a042ed",
        "8829dcc0f8e32e95f0c46b8a4e78da07f98dc1a2cc9572fff4862f8c99954ce57b06056a30cba5168e941276cfcaf03f",
        "0c15852caf70c70b70c5ce58ed4d2fb194373e785005933a2523bb75bce76661ac1b53f6c77a772ae4bfbc7fe05d1b16",
        "cfb841c02051d2454f45a2f2af84a965a0ff1c1a1027dfa745ba2d5b778a3af1c92ee40772769930e9532f707d851548",
        "5baba1e0a2a7da40aba1c3a6ae68c8a59e4fb55793c91462f77d181013e9f4c82d47a4b65faa9c2412be4978e74a8f67",
        "59785120a4f7970a0b96c5a917ad5bcffbdb3ed35c0ea97fa1b3a0e0d7c09957700f8bf2d9b569e8eee72cbc4192b626"
    ),
];

/// This thread's CPU time, in nanoseconds (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`).
struct CpuTime;

fn thread_cpu_ns() -> u64 {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    (t.tv_sec as u64) * 1_000_000_000 + t.tv_nsec as u64
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuTimeFormatter
    }
}

struct CpuTimeFormatter;

impl ValueFormatter for CpuTimeFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns (cpu)")
        } else if typical < 1e6 {
            (1e-3, "µs (cpu)")
        } else {
            (1e-6, "ms (cpu)")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(&self, _: f64, _: &Throughput, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v = 1e9 / *v);
        "op/s (cpu)"
    }
    fn scale_for_machines(&self, _: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn parameters(hex_pqg: &[&str; 3]) -> DsaParameterNumbers {
    let [p, q, g] = hex_pqg.map(|h| hex::decode(h).expect("hex"));
    DsaParameterNumbers::new(&p, &q, &g)
}

fn dsa(c: &mut Criterion<CpuTime>) {
    for (bits, hex_pqg) in [(2048, &PARAMS_2048), (3072, &PARAMS_3072)] {
        let numbers = parameters(hex_pqg);
        let params = RustCryptoDsaParameters::from_numbers(&numbers).expect("NIST parameters load");
        let key = params.generate_private_key().expect("key");
        let private_numbers = key.private_numbers().expect("in-memory key");
        let public_numbers = private_numbers.public_numbers.clone();
        let public = key.public_key().expect("public key");
        let signature = key.sign(MESSAGE, SHA256).expect("sign");
        public.verify(&signature, MESSAGE, SHA256).expect("verify");

        let mut group = c.benchmark_group(format!("dsa/sign/{bits}"));
        group.sample_size(30);
        group.bench_function("facade-dyn", |b| {
            b.iter(|| key.sign(black_box(MESSAGE), SHA256))
        });
        let concrete = RustCryptoDsaPrivateKey::from_numbers(&private_numbers).expect("load");
        group.bench_function("facade", |b| {
            b.iter(|| DsaPrivateKey::sign(&concrete, black_box(MESSAGE), SHA256))
        });
        group.finish();

        let mut group = c.benchmark_group(format!("dsa/verify/{bits}"));
        group.sample_size(30);
        group.bench_function("facade-dyn", |b| {
            b.iter(|| public.verify(black_box(&signature), black_box(MESSAGE), SHA256))
        });
        let concrete = RustCryptoDsaPublicKey::from_numbers(&public_numbers).expect("load");
        group.bench_function("facade", |b| {
            b.iter(|| DsaPublicKey::verify(&concrete, black_box(&signature), MESSAGE, SHA256))
        });
        group.finish();

        let mut group = c.benchmark_group(format!("dsa/load-public/{bits}"));
        group.sample_size(20);
        group.bench_function("facade", |b| {
            b.iter(|| Backend.load_dsa_public_numbers(black_box(&public_numbers)))
        });
        group.finish();

        let mut group = c.benchmark_group(format!("dsa/load-private/{bits}"));
        group.sample_size(10);
        group.bench_function("facade", |b| {
            b.iter(|| Backend.load_dsa_private_numbers(black_box(&private_numbers)))
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = dsa
}
criterion_main!(benches);
