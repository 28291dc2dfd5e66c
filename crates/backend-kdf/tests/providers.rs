//! Providers chosen at run time (issue 10): a `Box<dyn Dyn*Backend>` picked from a list by its
//! capability rows is handed to code generic over the static traits, and keeps the provider's own
//! answers (its rows, its limits) and refusals.
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed
#![cfg(all(feature = "rustcrypto", feature = "alloc"))]

// Only the static traits are imported; the `Dyn*` forms are named by path.
use backend_kdf::capability::{Algorithm, Capability};
use backend_kdf::{Error, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, Reason, RustCrypto};

/// A partial provider: PBKDF2 and HKDF with SHA-256 only (computed by RustCrypto), a 64-byte
/// owned-length limit for PBKDF2 (an override the box must keep), and no scrypt.
struct Sha256Only;

const PBKDF2_SHA256: &[Capability] = &[Capability::new(Algorithm::Pbkdf2Hmac(
    HashAlgorithm::Sha256,
))];
const HKDF_SHA256: &[Capability] = &[Capability::new(Algorithm::Hkdf(HashAlgorithm::Sha256))];

fn unsupported(algorithm: HashAlgorithm) -> Error {
    Error::unsupported(Reason::Hash, algorithm.name())
}

impl Pbkdf2HmacBackend for Sha256Only {
    fn pbkdf2_hmac_capabilities(&self) -> &[Capability] {
        PBKDF2_SHA256
    }
    fn derive_pbkdf2_hmac_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        iterations: u32,
        key_material: &[u8],
        out: &mut [u8],
    ) -> Result<(), Error> {
        if !self.pbkdf2_hmac_supported(algorithm) {
            return Err(unsupported(algorithm));
        }
        RustCrypto.derive_pbkdf2_hmac_into(algorithm, salt, iterations, key_material, out)
    }
    fn pbkdf2_owned_length_limit(&self) -> usize {
        64
    }
}

impl HkdfBackend for Sha256Only {
    fn hkdf_capabilities(&self) -> &[Capability] {
        HKDF_SHA256
    }
    fn hkdf_extract_into(
        &self,
        algorithm: HashAlgorithm,
        salt: &[u8],
        key_material: &[u8],
        prk: &mut [u8],
    ) -> Result<(), Error> {
        if !self.hkdf_supported(algorithm) {
            return Err(unsupported(algorithm));
        }
        RustCrypto.hkdf_extract_into(algorithm, salt, key_material, prk)
    }
    fn hkdf_expand_into(
        &self,
        algorithm: HashAlgorithm,
        prk: &[u8],
        info: &[u8],
        out: &mut [u8],
    ) -> Result<(), Error> {
        if !self.hkdf_supported(algorithm) {
            return Err(unsupported(algorithm));
        }
        RustCrypto.hkdf_expand_into(algorithm, prk, info, out)
    }
}

fn pbkdf2<B: Pbkdf2HmacBackend>(backend: &B, algorithm: HashAlgorithm) -> Vec<u8> {
    let owned = backend
        .derive_pbkdf2_hmac(algorithm, 40, b"salt", 2, b"password")
        .unwrap();
    let mut into = [0u8; 40];
    backend
        .derive_pbkdf2_hmac_into(algorithm, b"salt", 2, b"password", &mut into)
        .unwrap();
    assert_eq!(owned.as_bytes(), &into);
    into.to_vec()
}

fn hkdf<B: HkdfBackend>(backend: &B, algorithm: HashAlgorithm) -> Vec<u8> {
    let owned = backend
        .derive_hkdf(algorithm, 40, b"salt", b"info", b"ikm")
        .unwrap();
    let prk = backend.hkdf_extract(algorithm, b"salt", b"ikm").unwrap();
    let expanded = backend
        .hkdf_expand(algorithm, 40, prk.as_bytes(), b"info")
        .unwrap();
    assert_eq!(owned, expanded);
    owned.as_bytes().to_vec()
}

#[test]
fn a_boxed_pbkdf2_backend_chosen_at_run_time_serves_generic_code() {
    let providers: Vec<Box<dyn backend_kdf::DynPbkdf2HmacBackend>> =
        vec![Box::new(Sha256Only), Box::new(RustCrypto)];
    let wanted = HashAlgorithm::Sha3_256;
    let chosen = providers
        .iter()
        .position(|p| p.pbkdf2_hmac_supported(wanted))
        .unwrap();
    assert_eq!(chosen, 1, "the first provider has SHA-256 only");
    assert_eq!(
        pbkdf2(&providers[chosen], wanted),
        pbkdf2(&RustCrypto, wanted)
    );
    let borrowed: &dyn backend_kdf::DynPbkdf2HmacBackend = &*providers[chosen];
    assert_eq!(pbkdf2(&borrowed, wanted), pbkdf2(&RustCrypto, wanted));

    // The partial provider, boxed: its rows, its refusal and its owned-length limit are kept.
    let partial = &providers[0];
    let sha256 = HashAlgorithm::Sha256;
    assert_eq!(pbkdf2(partial, sha256), pbkdf2(&RustCrypto, sha256));
    assert_eq!(
        partial.derive_pbkdf2_hmac(wanted, 40, b"salt", 2, b"pw"),
        Err(unsupported(wanted))
    );
    assert_eq!(partial.pbkdf2_owned_length_limit(), 64);
    assert!(matches!(
        partial.derive_pbkdf2_hmac(sha256, 65, b"salt", 2, b"pw"),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn a_boxed_hkdf_backend_chosen_at_run_time_serves_generic_code() {
    let providers: Vec<Box<dyn backend_kdf::DynHkdfBackend>> =
        vec![Box::new(Sha256Only), Box::new(RustCrypto)];
    let wanted = HashAlgorithm::Blake2b512;
    let chosen = providers.iter().find(|p| p.hkdf_supported(wanted)).unwrap();
    assert_eq!(hkdf(chosen, wanted), hkdf(&RustCrypto, wanted));
    let partial = &providers[0];
    assert_eq!(
        hkdf(partial, HashAlgorithm::Sha256),
        hkdf(&RustCrypto, HashAlgorithm::Sha256)
    );
    let mut out = [0u8; 16];
    assert_eq!(
        partial.derive_hkdf_into(wanted, b"", b"", b"ikm", &mut out),
        Err(unsupported(wanted))
    );
}

/// scrypt has rows too (issue 10: it had no table): a provider without an `Algorithm::Scrypt`
/// row says so and is refused as unsupported, and a configured one keeps its limits in a box.
#[cfg(feature = "scrypt")]
#[test]
fn a_boxed_scrypt_backend_chosen_at_run_time_serves_generic_code() {
    use backend_kdf::rustcrypto::SCRYPT_CAPABILITIES;
    use backend_kdf::{RustCryptoScrypt, ScryptBackend};

    struct NoScrypt;
    impl ScryptBackend for NoScrypt {
        fn scrypt_capabilities(&self) -> &[Capability] {
            &[]
        }
        fn scrypt_memory_limit(&self) -> u64 {
            backend_kdf::DEFAULT_SCRYPT_MEMORY_LIMIT
        }
        fn derive_scrypt_into(
            &self,
            _: &[u8],
            _: &[u8],
            _: u64,
            _: u32,
            _: u32,
            _: &mut [u8],
        ) -> Result<(), Error> {
            Err(Error::unsupported(Reason::Kdf, "scrypt"))
        }
    }

    fn scrypt<B: ScryptBackend>(backend: &B, n: u64) -> Result<Vec<u8>, Error> {
        Ok(backend
            .derive_scrypt(b"password", b"salt", 32, n, 1, 1)?
            .as_bytes()
            .to_vec())
    }

    assert_eq!(RustCrypto.scrypt_capabilities(), SCRYPT_CAPABILITIES);
    assert!(RustCrypto.scrypt_supported());
    let providers: Vec<Box<dyn backend_kdf::DynScryptBackend>> = vec![
        Box::new(NoScrypt),
        Box::new(RustCryptoScrypt::with_cost_limit(1 << 10)),
    ];
    let chosen = providers.iter().find(|p| p.scrypt_supported()).unwrap();
    assert_eq!(scrypt(chosen, 16), scrypt(&RustCrypto, 16));
    // The configured cost limit (N × r × p ≤ 2^10) holds through the box.
    assert!(matches!(
        scrypt(chosen, 1 << 11),
        Err(Error::InvalidArgument(_))
    ));
    assert!(!providers[0].scrypt_supported());
    assert_eq!(
        scrypt(&providers[0], 16),
        Err(Error::unsupported(Reason::Kdf, "scrypt"))
    );
}
