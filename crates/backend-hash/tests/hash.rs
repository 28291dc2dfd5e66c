//! Behaviour of `HashBackend` beyond the published vectors (those run in `cargo xtask vectors`).

#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed
#![cfg(feature = "rustcrypto")] // these are the RustCrypto provider's behaviours

use backend_hash::{Error, HashAlgorithm, HashBackend, HashContext, HashOutput, RustCrypto};
use proptest::prelude::*;

fn all_descriptors() -> Vec<HashAlgorithm> {
    let mut all = HashAlgorithm::ALL.to_vec();
    for size in [1, 16, 64, 65, 137, 200, 4096] {
        all.push(HashAlgorithm::shake128(size).unwrap());
        all.push(HashAlgorithm::shake256(size).unwrap());
    }
    all
}

/// The project rule, in this build's feature set: `hash_supported` is true exactly when the
/// context is created and `finalize_into` gives the output, for every descriptor and size; no call
/// is `Unsupported` for a supported descriptor; the owned-output calls (`hash`, `finalize`) give
/// the whole output exactly when it fits `HashOutput::MAX_LEN`, and otherwise the one typed error
/// naming that limit.
#[test]
fn supported_agrees_with_every_call_for_every_descriptor() {
    let mut descriptors = all_descriptors();
    for size in [HashOutput::MAX_LEN, HashOutput::MAX_LEN + 1] {
        descriptors.push(HashAlgorithm::shake128(size).unwrap());
    }
    for algorithm in descriptors {
        let size = algorithm.digest_size();
        assert!(RustCrypto.hash_supported(algorithm), "{algorithm:?}");
        let mut ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
        ctx.update(b"abc");
        let mut into = vec![0; size];
        ctx.clone().finalize_into(&mut into).unwrap();
        let one_shot = RustCrypto.hash(algorithm, b"abc");
        let owned = ctx.finalize();
        if HashOutput::can_hold(size) {
            let owned = owned.unwrap();
            assert_eq!(owned.len(), size, "{algorithm:?}");
            assert_eq!(owned, into[..], "{algorithm:?}");
            assert_eq!(one_shot.unwrap(), owned, "{algorithm:?}");
        } else {
            let limit = backend_hash::check_owned_output_len(size).unwrap_err();
            assert!(matches!(limit, Error::InvalidArgument(_)));
            assert_eq!(owned.unwrap_err(), limit, "{algorithm:?}");
            assert_eq!(one_shot.unwrap_err(), limit, "{algorithm:?}");
        }
    }
}

/// The rows are the one list of hashes, and `hash_supported` is nothing but `supports` over them
/// with `hash_query`: a SHAKE row serves every output length.
#[test]
fn the_rows_are_every_hash_and_supported_is_derived_from_them() {
    use backend_hash::capability::{Algorithm, supports};
    use backend_hash::{hash_query, rustcrypto::CAPABILITIES};
    assert_eq!(RustCrypto.hash_capabilities(), CAPABILITIES);
    let named: Vec<Algorithm> = CAPABILITIES.iter().map(|row| row.algorithm).collect();
    let all: Vec<Algorithm> = HashAlgorithm::ALL.map(Algorithm::Hash).to_vec();
    assert_eq!(named, all);
    for algorithm in all_descriptors() {
        assert_eq!(
            RustCrypto.hash_supported(algorithm),
            supports(CAPABILITIES, &hash_query(algorithm))
        );
    }
}

/// Issue 10: a provider chosen at run time, held as `Box<dyn DynHashBackend>`, is handed to code
/// generic over the static trait. The first candidate lacks SHA3-256, so the choice really is made
/// at run time from the rows, and the generic code gets the boxed contexts.
#[cfg(feature = "alloc")]
#[test]
fn a_boxed_backend_chosen_at_run_time_serves_generic_code() {
    // Only the static traits are imported: the `Dyn*` twins share their method names (see the
    // umbrella's `backend::dynamic`), so they are named by path.
    use backend_hash::capability::{Algorithm, Capability};

    /// A partial provider: SHA-256 only (computed by RustCrypto), and says so in its rows.
    struct Sha256Only;
    const SHA256_ONLY: &[Capability] = &[Capability::new(Algorithm::Hash(HashAlgorithm::Sha256))];
    impl HashBackend for Sha256Only {
        type HashCtx = backend_hash::RustCryptoHashContext;
        fn hash_capabilities(&self) -> &[Capability] {
            SHA256_ONLY
        }
        fn create_hash_ctx(&self, algorithm: HashAlgorithm) -> Result<Self::HashCtx, Error> {
            if self.hash_supported(algorithm) {
                RustCrypto.create_hash_ctx(algorithm)
            } else {
                Err(Error::unsupported(
                    backend_hash::Reason::Hash,
                    algorithm.name(),
                ))
            }
        }
    }

    fn digest<B: HashBackend>(backend: &B, algorithm: HashAlgorithm) -> HashOutput {
        let mut ctx = backend.create_hash_ctx(algorithm).unwrap();
        ctx.update(b"a");
        let fork = ctx.copy();
        ctx.update(b"bc");
        assert_ne!(
            fork.finalize().unwrap(),
            backend.hash(algorithm, b"abc").unwrap()
        );
        let streamed = ctx.finalize().unwrap();
        assert_eq!(streamed, backend.hash(algorithm, b"abc").unwrap());
        streamed
    }

    let providers: Vec<Box<dyn backend_hash::DynHashBackend>> =
        vec![Box::new(Sha256Only), Box::new(RustCrypto)];
    let wanted = HashAlgorithm::Sha3_256;
    let chosen = providers
        .into_iter()
        .find(|p| p.hash_supported(wanted))
        .unwrap();
    assert_eq!(
        HashBackend::hash_capabilities(&chosen).len(),
        HashAlgorithm::ALL.len()
    );
    let expected = RustCrypto.hash(wanted, b"abc").unwrap();
    assert_eq!(digest(&chosen, wanted), expected);
    let borrowed: &dyn backend_hash::DynHashBackend = &*chosen;
    assert_eq!(digest(&borrowed, wanted), expected);
    let _: Box<dyn backend_hash::DynHashContext> =
        HashBackend::create_hash_ctx(&chosen, wanted).unwrap();

    // The partial provider, boxed, keeps its answers and its refusal.
    let partial: Box<dyn backend_hash::DynHashBackend> = Box::new(Sha256Only);
    assert!(!HashBackend::hash_supported(&partial, wanted));
    assert!(matches!(
        HashBackend::hash(&partial, wanted, b"abc"),
        Err(Error::Unsupported { .. })
    ));
    assert_eq!(
        digest(&partial, HashAlgorithm::Sha256),
        RustCrypto.hash(HashAlgorithm::Sha256, b"abc").unwrap()
    );
}

/// A boxed backend behind `dyn DynHashBackend` again (as a composition of boxed providers is)
/// hands out its boxed contexts as they are, and copies them as they are: one box, not a box in
/// a box with a second virtual call on every update. The object's size tells which it is.
#[cfg(feature = "alloc")]
#[test]
fn a_boxed_backends_contexts_are_not_boxed_again() {
    use backend_hash::{DynHashBackend, DynHashContext, RustCryptoHashContext};
    let single = core::mem::size_of::<RustCryptoHashContext>();
    assert_ne!(single, core::mem::size_of::<Box<dyn DynHashContext>>());
    let boxed: Box<dyn DynHashBackend> = Box::new(RustCrypto);
    let again: &dyn DynHashBackend = &boxed;
    let ctx = again.create_hash_ctx(HashAlgorithm::Sha256).unwrap();
    assert_eq!(core::mem::size_of_val(&*ctx), single);
    // The object's own copy, and the blanket impl's copy of the box as a `DynHashContext`.
    assert_eq!(
        core::mem::size_of_val(&*DynHashContext::copy(&*ctx)),
        single
    );
    assert_eq!(core::mem::size_of_val(&*DynHashContext::copy(&ctx)), single);
    assert_eq!(core::mem::size_of_val(&*HashContext::into_dyn(ctx)), single);
}

/// Issue 9, item 11: `shake128(137)` was supported but `hash` / `finalize` answered
/// `BufferTooSmall { needed: 137 }` although no buffer was passed.
#[cfg(feature = "alloc")]
#[test]
fn shake_hash_and_finalize_return_the_whole_requested_length() {
    for algorithm in [
        HashAlgorithm::shake128(137).unwrap(),
        HashAlgorithm::shake256(137).unwrap(),
        HashAlgorithm::shake128(4096).unwrap(),
        HashAlgorithm::shake256(HashOutput::MAX_LEN).unwrap(),
    ] {
        let one_shot = RustCrypto.hash(algorithm, b"").unwrap();
        assert_eq!(one_shot.len(), algorithm.digest_size());
        let streamed = RustCrypto
            .create_hash_ctx(algorithm)
            .unwrap()
            .finalize()
            .unwrap();
        assert_eq!(streamed, one_shot);
    }
    // SHAKE128("") from FIPS 202's examples: the first 32 bytes of any longer output.
    let long = RustCrypto
        .hash(HashAlgorithm::shake128(137).unwrap(), b"")
        .unwrap();
    assert_eq!(
        format!("{long:x}")[..64],
        *"7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26"
    );
}

/// Issue 9, items 6 and 11: an owned output just over the limit is the typed error naming it
/// (not `BufferTooSmall`, not an allocation), and `finalize_into` still gives any length.
#[test]
fn an_owned_output_over_the_limit_is_refused_and_finalize_into_still_works() {
    let over = HashAlgorithm::shake256(HashOutput::MAX_LEN + 1).unwrap();
    let expected = if cfg!(feature = "alloc") {
        "hash output over 1 MiB (HashOutput::MAX_LEN): use finalize_into"
    } else {
        "hash output over 64 bytes (HashOutput::MAX_LEN) needs the alloc feature: use finalize_into"
    };
    assert_eq!(
        RustCrypto.hash(over, b"abc"),
        Err(Error::InvalidArgument(expected))
    );
    let ctx = RustCrypto.create_hash_ctx(over).unwrap();
    assert_eq!(
        ctx.clone().finalize(),
        Err(Error::InvalidArgument(expected))
    );
    let mut long = vec![0u8; HashOutput::MAX_LEN + 1];
    ctx.finalize_into(&mut long).unwrap();
    let mut short = [0u8; 64];
    let mut ctx = RustCrypto
        .create_hash_ctx(HashAlgorithm::shake256(64).unwrap())
        .unwrap();
    ctx.update(b"abc");
    ctx.finalize_into(&mut short).unwrap();
    let mut ctx = RustCrypto.create_hash_ctx(over).unwrap();
    ctx.update(b"abc");
    ctx.finalize_into(&mut long).unwrap();
    assert_eq!(long[..64], short);
    // Without `alloc` the limit is the inline capacity: 64 bytes work, 65 do not.
    assert!(HashOutput::can_hold(64) && HashOutput::can_hold(HashOutput::MAX_LEN));
    assert_eq!(
        HashOutput::MAX_LEN,
        if cfg!(feature = "alloc") { 1 << 20 } else { 64 }
    );
}

#[test]
fn hash_outputs_format_as_hex_and_compare_with_inline_outputs() {
    let digest = RustCrypto.hash(HashAlgorithm::Sha256, b"abc").unwrap();
    assert_eq!(
        format!("{digest:x}"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(format!("{digest:X}")[..8], *"BA7816BF");
    assert_eq!(format!("{digest:?}")[..19], *"HashOutput(ba7816bf");
    let inline = digest.to_output().unwrap();
    assert_eq!(digest, inline);
    assert_eq!(HashOutput::from(inline), digest);
    assert!(digest.ct_eq(&inline) && !digest.ct_eq(&inline[..31]));
}

#[test]
fn finalize_into_checks_the_buffer_length() {
    let ctx = RustCrypto.create_hash_ctx(HashAlgorithm::Sha256).unwrap();
    assert_eq!(
        ctx.clone().finalize_into(&mut [0; 31]),
        Err(Error::BufferTooSmall { needed: 32 })
    );
    assert!(matches!(
        ctx.clone().finalize_into(&mut [0; 33]),
        Err(Error::InvalidArgument(_))
    ));
    let mut out = [0; 32];
    ctx.finalize_into(&mut out).unwrap();
    assert_eq!(out[..4], [0xe3, 0xb0, 0xc4, 0x42]);
}

#[cfg(feature = "alloc")]
#[test]
fn long_shake_outputs_extend_the_short_ones() {
    let algorithm = HashAlgorithm::shake256(backend_hash::Output::CAPACITY + 1).unwrap();
    let ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
    let mut long = [0u8; 65];
    ctx.clone().finalize_into(&mut long).unwrap();
    assert_eq!(ctx.finalize().unwrap(), long[..]);
    // An XOF's shorter output is a prefix of its longer one.
    let short = RustCrypto
        .create_hash_ctx(HashAlgorithm::shake256(64).unwrap())
        .unwrap()
        .finalize()
        .unwrap();
    assert_eq!(&long[..64], &short[..]);
}

#[test]
fn copy_is_independent_of_the_original() {
    let mut ctx = RustCrypto.create_hash_ctx(HashAlgorithm::Sha3_256).unwrap();
    ctx.update(b"ab");
    let mut fork = ctx.copy();
    ctx.update(b"c");
    fork.update(b"x");
    let abc = ctx.finalize().unwrap();
    let abx = fork.finalize().unwrap();
    assert_ne!(abc, abx);
    let mut direct = RustCrypto.create_hash_ctx(HashAlgorithm::Sha3_256).unwrap();
    direct.update(b"abc");
    assert_eq!(direct.finalize().unwrap(), abc);
}

#[test]
fn the_context_reports_its_algorithm() {
    for algorithm in all_descriptors() {
        let ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
        assert_eq!(ctx.algorithm(), algorithm);
    }
}

proptest! {
    #[test]
    fn any_chunking_gives_the_one_shot_digest(
        index in 0usize..17,
        data in proptest::collection::vec(any::<u8>(), 0..700),
        cuts in proptest::collection::vec(any::<usize>(), 0..8),
    ) {
        let algorithm = HashAlgorithm::ALL[index];
        let mut one = RustCrypto.create_hash_ctx(algorithm).unwrap();
        one.update(&data);
        let mut chunked = RustCrypto.create_hash_ctx(algorithm).unwrap();
        let mut points: Vec<usize> = cuts.iter().map(|c| c % (data.len() + 1)).collect();
        points.sort_unstable();
        let mut start = 0;
        for p in points.into_iter().chain([data.len()]) {
            chunked.update(&data[start..p]);
            start = p;
        }
        prop_assert_eq!(one.finalize().unwrap(), chunked.finalize().unwrap());
    }
}

#[test]
fn one_shot_hash_agrees_with_the_streaming_context() {
    for algorithm in all_descriptors()
        .into_iter()
        .filter(|a| HashOutput::can_hold(a.digest_size()))
    {
        let mut ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
        ctx.update(b"one shot");
        assert_eq!(
            RustCrypto.hash(algorithm, b"one shot"),
            ctx.finalize(),
            "{algorithm:?}"
        );
    }
}

/// A SHAKE length no allocator could satisfy is refused by the owned-output calls before any
/// allocation (no abort, no panic); the context itself is cheap.
#[test]
fn an_impossible_shake_length_is_an_error_not_an_abort() {
    let algorithm = HashAlgorithm::Shake256 {
        digest_size: core::num::NonZeroUsize::MAX,
    };
    assert!(matches!(
        RustCrypto.hash(algorithm, b"abc"),
        Err(Error::InvalidArgument(_))
    ));
    let ctx = RustCrypto.create_hash_ctx(algorithm).unwrap();
    assert!(matches!(ctx.finalize(), Err(Error::InvalidArgument(_))));
    let over: Vec<u8> = core::iter::repeat_n(0, HashOutput::MAX_LEN + 1).collect();
    assert!(matches!(
        HashOutput::from_slice(&over),
        Err(Error::InvalidArgument(_))
    ));
}
