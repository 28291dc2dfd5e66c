//! P-256 and P-384 key generation, ECDSA sign and verify, and ECDH: the facade (static and
//! dynamic), the raw RustCrypto crates, and `ring`.
//!
//! Signing is deterministic (RFC 6979) for the facade and the raw crate, so both run the same
//! algorithm; `ring` signs with a random nonce. `ring`'s ECDH API only takes ephemeral keys, so
//! its `ecdh` figure includes generating one (see docs/performance.md).

use backend::dynamic::DynEllipticCurveBackend;
use backend::{
    Backend, EcPrivateKey, EcPublicKey, Ecdh, Ecdsa, EllipticCurve, EllipticCurveBackend,
    HashAlgorithm, MessageHash,
};
use criterion::{Criterion, criterion_group, criterion_main};
use elliptic_curve::Generate;
use getrandom::SysRng;
use std::hint::black_box;

const MESSAGE: &[u8] = b"The quick brown fox jumps over the lazy dog, 64 bytes of message.";

macro_rules! raw_curve {
    ($c:ident, $krate:ident, $group:literal, $ring_sign:expr, $ring_verify:expr, $ring_agree:expr, $curve:expr, $hash:expr) => {
        fn $c(c: &mut Criterion) {
            use $krate::ecdsa::signature::{Signer, Verifier};
            let curve = $curve;
            let deterministic = Ecdsa::deterministic(MessageHash::Hash($hash));
            let dynamic: &dyn DynEllipticCurveBackend = &Backend;
            let rng = ring::rand::SystemRandom::new();

            let mut g = c.benchmark_group(concat!("ec/keygen/", $group));
            g.bench_function("facade", |b| {
                b.iter(|| {
                    EllipticCurveBackend::generate_elliptic_curve_private_key(&Backend, curve)
                        .unwrap()
                })
            });
            g.bench_function("facade-dyn", |b| {
                b.iter(|| dynamic.generate_elliptic_curve_private_key(curve).unwrap())
            });
            g.bench_function("raw", |b| {
                b.iter(|| {
                    let key =
                        $krate::ecdsa::SigningKey::try_generate_from_rng(&mut SysRng).unwrap();
                    black_box(*key.verifying_key())
                })
            });
            g.bench_function("ring", |b| {
                b.iter(|| ring::signature::EcdsaKeyPair::generate_pkcs8($ring_sign, &rng).unwrap())
            });
            // The composition generates with ring's provider: RustCrypto draws the scalar from
            // the caller's generator, ring loads the pair (see backend-ring's docs).
            #[cfg(feature = "ring")]
            g.bench_function("multi", |b| {
                b.iter(|| {
                    EllipticCurveBackend::generate_elliptic_curve_private_key(multi(), curve)
                        .unwrap()
                })
            });
            g.finish();

            let key =
                EllipticCurveBackend::generate_elliptic_curve_private_key(&Backend, curve).unwrap();
            let numbers = key.private_numbers().unwrap();
            let dyn_key = dynamic
                .load_elliptic_curve_private_numbers(&numbers)
                .unwrap();
            let d = numbers
                .private_value
                .to_be_bytes(curve.field_len())
                .unwrap();
            let raw_key = $krate::ecdsa::SigningKey::from_slice(d).unwrap();
            let pkcs8 = ring::signature::EcdsaKeyPair::generate_pkcs8($ring_sign, &rng).unwrap();
            let ring_key =
                ring::signature::EcdsaKeyPair::from_pkcs8($ring_sign, pkcs8.as_ref(), &rng)
                    .unwrap();

            let mut g = c.benchmark_group(concat!("ec/sign/", $group));
            g.bench_function("facade", |b| {
                b.iter(|| key.sign(black_box(MESSAGE), deterministic).unwrap())
            });
            g.bench_function("facade-dyn", |b| {
                b.iter(|| dyn_key.sign(black_box(MESSAGE), deterministic).unwrap())
            });
            g.bench_function("raw", |b| {
                b.iter(|| -> $krate::ecdsa::DerSignature { raw_key.sign(black_box(MESSAGE)) })
            });
            g.bench_function("ring", |b| {
                b.iter(|| ring_key.sign(&rng, black_box(MESSAGE)).unwrap())
            });
            // The composition's key is ring's: a random nonce, like the `ring` column.
            #[cfg(feature = "ring")]
            let randomized = Ecdsa::new(MessageHash::Hash($hash));
            #[cfg(feature = "ring")]
            {
                let multi_key =
                    EllipticCurveBackend::load_elliptic_curve_private_numbers(multi(), &numbers)
                        .unwrap();
                g.bench_function("multi", |b| {
                    b.iter(|| multi_key.sign(black_box(MESSAGE), randomized).unwrap())
                });
                let ring_facade = EllipticCurveBackend::load_elliptic_curve_private_numbers(
                    &backend::ring::Ring,
                    &numbers,
                )
                .unwrap();
                g.bench_function("ring-facade", |b| {
                    b.iter(|| ring_facade.sign(black_box(MESSAGE), randomized).unwrap())
                });
            }
            g.finish();

            let signature = key.sign(MESSAGE, deterministic).unwrap();
            let public = key.verifying_key();
            let raw_public = *raw_key.verifying_key();
            let raw_signature = $krate::ecdsa::DerSignature::from_bytes(&signature).unwrap();
            let ring_signature = ring_key.sign(&rng, MESSAGE).unwrap();
            let ring_public = ring::signature::UnparsedPublicKey::new(
                $ring_verify,
                ring::signature::KeyPair::public_key(&ring_key)
                    .as_ref()
                    .to_vec(),
            );
            let mut g = c.benchmark_group(concat!("ec/verify/", $group));
            g.bench_function("facade", |b| {
                b.iter(|| {
                    public
                        .verify(black_box(&signature), MESSAGE, deterministic)
                        .unwrap()
                })
            });
            g.bench_function("facade-dyn", |b| {
                b.iter(|| {
                    dyn_key
                        .public_key()
                        .verify(black_box(&signature), MESSAGE, deterministic)
                        .unwrap()
                })
            });
            g.bench_function("raw", |b| {
                b.iter(|| {
                    raw_public
                        .verify(MESSAGE, black_box(&raw_signature))
                        .unwrap()
                })
            });
            g.bench_function("ring", |b| {
                b.iter(|| {
                    ring_public
                        .verify(MESSAGE, black_box(ring_signature.as_ref()))
                        .unwrap()
                })
            });
            #[cfg(feature = "ring")]
            {
                let point = public
                    .encoded_point(backend::PointFormat::Uncompressed)
                    .unwrap();
                let multi_public =
                    EllipticCurveBackend::load_elliptic_curve_public_bytes(multi(), curve, &point)
                        .unwrap();
                g.bench_function("multi", |b| {
                    b.iter(|| {
                        multi_public
                            .verify(black_box(&signature), MESSAGE, deterministic)
                            .unwrap()
                    })
                });
                let ring_facade = EllipticCurveBackend::load_elliptic_curve_public_bytes(
                    &backend::ring::Ring,
                    curve,
                    &point,
                )
                .unwrap();
                g.bench_function("ring-facade", |b| {
                    b.iter(|| {
                        ring_facade
                            .verify(black_box(&signature), MESSAGE, deterministic)
                            .unwrap()
                    })
                });
            }
            g.finish();

            let peer =
                EllipticCurveBackend::generate_elliptic_curve_private_key(&Backend, curve).unwrap();
            let raw_secret = $krate::SecretKey::from_slice(d).unwrap();
            let raw_peer = $krate::PublicKey::from_sec1_bytes(
                &peer
                    .public_key()
                    .encoded_point(backend::PointFormat::Uncompressed)
                    .unwrap(),
            )
            .unwrap();
            let ring_peer = ring::agreement::UnparsedPublicKey::new(
                $ring_agree,
                peer.public_key()
                    .encoded_point(backend::PointFormat::Uncompressed)
                    .unwrap()
                    .to_vec(),
            );
            let mut g = c.benchmark_group(concat!("ec/ecdh/", $group));
            g.bench_function("facade", |b| {
                b.iter(|| key.exchange(Ecdh, black_box(peer.public_key())).unwrap())
            });
            // A static key's ECDH in the composition runs in RustCrypto (ring's agreement is
            // ephemeral only); `ring-facade` is ring's own ephemeral form through the provider.
            #[cfg(feature = "ring")]
            {
                let multi_key =
                    EllipticCurveBackend::load_elliptic_curve_private_numbers(multi(), &numbers)
                        .unwrap();
                g.bench_function("multi", |b| {
                    b.iter(|| {
                        multi_key
                            .exchange(Ecdh, black_box(peer.public_key()))
                            .unwrap()
                    })
                });
                g.bench_function("ring-facade", |b| {
                    b.iter(|| {
                        backend::ring::ephemeral_ecdh(curve, black_box(peer.public_key())).unwrap()
                    })
                });
            }
            g.bench_function("facade-dyn", |b| {
                b.iter(|| {
                    dyn_key
                        .exchange(Ecdh, black_box(peer.public_key()))
                        .unwrap()
                })
            });
            g.bench_function("raw", |b| {
                b.iter(|| {
                    $krate::ecdh::diffie_hellman(
                        raw_secret.to_nonzero_scalar(),
                        black_box(raw_peer.as_affine()),
                    )
                })
            });
            g.bench_function("ring", |b| {
                b.iter(|| {
                    let ephemeral =
                        ring::agreement::EphemeralPrivateKey::generate($ring_agree, &rng).unwrap();
                    ring::agreement::agree_ephemeral(ephemeral, &ring_peer, |s| s[0]).unwrap()
                })
            });
            g.finish();
        }
    };
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

raw_curve!(
    p256_benches,
    p256,
    "p256",
    &ring::signature::ECDSA_P256_SHA256_ASN1_SIGNING,
    &ring::signature::ECDSA_P256_SHA256_ASN1,
    &ring::agreement::ECDH_P256,
    EllipticCurve::Secp256r1,
    HashAlgorithm::Sha256
);
raw_curve!(
    p384_benches,
    p384,
    "p384",
    &ring::signature::ECDSA_P384_SHA384_ASN1_SIGNING,
    &ring::signature::ECDSA_P384_SHA384_ASN1,
    &ring::agreement::ECDH_P384,
    EllipticCurve::Secp384r1,
    HashAlgorithm::Sha384
);

criterion_group!(benches, p256_benches, p384_benches);
criterion_main!(benches);
