//! Key derivation parameters (`Pbkdf2HmacBackend`, `HkdfBackend`, `ScryptBackend`, and the public
//! `check_*` / `*_max_length` / `ScryptParams` helpers of `backend::kdf`) with any hash (SHAKE of any
//! size included), lengths, buffers, iteration counts and scrypt costs.
//!
//! Costs are bounded so one input stays fast: PBKDF2 runs at most 64 iterations; scrypt takes any
//! parameters on a `RustCryptoScrypt` configured with small limits (memory up to 4 MiB mostly,
//! N × r × p up to 2^12), so the backend's own limits are what keeps a run short (the default
//! backend, limited to 2^24, gets only what it must refuse at once or what is cheap); outputs go
//! into bounded buffers (`_into`), and the allocating forms are called only with lengths that are
//! small or that must be refused before allocating.
//!
//! Asserts: success ⇔ the documented parameter rules; `_into` = allocating form = extract +
//! expand; a shorter output is a prefix of a longer one (PBKDF2, HKDF); scrypt refuses exactly the
//! parameters over its memory or cost limit, the allocating form also lengths over its owned-length
//! limit, and two configurations give the same key.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::kdf::{self, RustCryptoScrypt, ScryptParams};
use backend::{Backend, Error, HashAlgorithm, HkdfBackend, Pbkdf2HmacBackend, ScryptBackend};
use backend_fuzz::{bytes_of_length, length};
use libfuzzer_sys::fuzz_target;

const MAX_OUT: usize = 255 * 64 + 64;
const MAX_ITERATIONS: u32 = 64;
const MAX_SCRYPT_COST: u128 = 1 << 12;

#[derive(Debug)]
enum Input {
    Pbkdf2 {
        hash: HashAlgorithm,
        iterations: u32,
        len: usize,
        shorter: usize,
        salt: Vec<u8>,
        password: Vec<u8>,
    },
    Hkdf {
        hash: HashAlgorithm,
        prk_len: usize,
        len: usize,
        shorter: usize,
        arbitrary_prk: Option<Vec<u8>>,
        salt: Vec<u8>,
        info: Vec<u8>,
        ikm: Vec<u8>,
    },
    Scrypt {
        memory_limit: u64,
        cost_limit: u64,
        owned_length_limit: usize,
        n: u64,
        r: u32,
        p: u32,
        len: usize,
        salt: Vec<u8>,
        password: Vec<u8>,
    },
    Checks {
        hash: HashAlgorithm,
        len: usize,
        iterations: u32,
        prk_len: usize,
        n: u64,
        r: u32,
        p: u32,
        limit: u64,
    },
}

fn any_len(u: &mut Unstructured<'_>) -> Result<usize> {
    Ok(match u.int_in_range(0u8..=3)? {
        0 => u.arbitrary::<usize>()?,
        1 => usize::MAX - usize::from(u.arbitrary::<u16>()?),
        _ => u.int_in_range(0..=MAX_OUT + 64)?,
    })
}

fn scrypt_n(u: &mut Unstructured<'_>) -> Result<u64> {
    Ok(match u.int_in_range(0u8..=7)? {
        0..=4 => 1u64 << u.int_in_range(0..=16)?,
        5 => 1u64 << u.int_in_range(0..=63)?,
        _ => u.arbitrary()?,
    })
}

fn small_or_any_u32(u: &mut Unstructured<'_>, small: u32) -> Result<u32> {
    if u.ratio(7u8, 8u8)? {
        u.int_in_range(0..=small)
    } else {
        u.arbitrary()
    }
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=3)? {
            0 => Input::Pbkdf2 {
                hash: backend_fuzz::hash(u)?,
                iterations: small_or_any_u32(u, 4)?,
                len: length(u, &[0, 1, 16, 32, 64, 65], 600)?,
                shorter: u.arbitrary()?,
                salt: u.arbitrary()?,
                password: backend_fuzz::rest(u),
            },
            1 => {
                let hash = backend_fuzz::hash(u)?;
                let ds = hash.digest_size();
                Input::Hkdf {
                    hash,
                    prk_len: length(u, &[ds, ds.wrapping_sub(1), ds.wrapping_add(1)], 80)? % 201,
                    len: length(
                        u,
                        &[
                            1,
                            32,
                            255usize.saturating_mul(ds),
                            255usize.saturating_mul(ds).saturating_add(1),
                        ],
                        MAX_OUT,
                    )? % (MAX_OUT + 1),
                    shorter: u.arbitrary()?,
                    arbitrary_prk: if u.ratio(1u8, 4u8)? {
                        Some(bytes_of_length(u, &[ds, ds.wrapping_sub(1)], 100)?)
                    } else {
                        None
                    },
                    salt: u.arbitrary()?,
                    info: u.arbitrary()?,
                    ikm: backend_fuzz::rest(u),
                }
            }
            2 => Input::Scrypt {
                memory_limit: match u.int_in_range(0u8..=3)? {
                    0 => u.arbitrary()?,
                    _ => u.int_in_range(0..=(4u64 << 20))?,
                },
                // Never above what one input may cost here: the backend must hold to it.
                cost_limit: u.int_in_range(0..=MAX_SCRYPT_COST as u64)?,
                owned_length_limit: u.int_in_range(0..=300)?,
                n: scrypt_n(u)?,
                r: small_or_any_u32(u, 8)?,
                p: small_or_any_u32(u, 4)?,
                len: length(u, &[0, 1, 32, 64], 256)?,
                salt: u.arbitrary()?,
                password: backend_fuzz::rest(u),
            },
            _ => Input::Checks {
                hash: backend_fuzz::hash(u)?,
                len: any_len(u)?,
                iterations: u.arbitrary()?,
                prk_len: u.int_in_range(0..=200)?,
                n: scrypt_n(u)?,
                r: u.arbitrary()?,
                p: u.arbitrary()?,
                limit: u.arbitrary()?,
            },
        })
    }
}

fn prefix_len(len: usize, shorter: usize) -> usize {
    if len <= 1 {
        len
    } else {
        1 + shorter % (len - 1)
    }
}

fn pbkdf2(
    hash: HashAlgorithm,
    iterations: u32,
    len: usize,
    shorter: usize,
    salt: &[u8],
    password: &[u8],
) {
    let iterations = if iterations > MAX_ITERATIONS {
        1 + iterations % MAX_ITERATIONS
    } else {
        iterations
    };
    let supported = Backend.pbkdf2_hmac_supported(hash);
    let mut out = vec![0u8; len];
    let result = Backend.derive_pbkdf2_hmac_into(hash, salt, iterations, password, &mut out);
    let valid = supported && len >= 1 && iterations >= 1;
    assert_eq!(
        result.is_ok(),
        valid,
        "PBKDF2-{hash:?} len {len} iterations {iterations}: {result:?}"
    );
    if !supported {
        assert!(
            matches!(result, Err(Error::Unsupported { .. })),
            "{result:?}"
        );
    }
    let allocated = Backend.derive_pbkdf2_hmac(hash, len, salt, iterations, password);
    assert_eq!(allocated.is_ok(), valid);
    if !valid {
        // Lengths above the maximum are refused before anything is allocated.
        let huge = kdf::pbkdf2_max_length(hash).saturating_add(1);
        assert!(
            Backend
                .derive_pbkdf2_hmac(hash, huge, salt, 1, password)
                .is_err()
        );
        return;
    }
    assert_eq!(
        &allocated.expect("valid")[..],
        &out[..],
        "PBKDF2: _into vs allocating"
    );
    let short = prefix_len(len, shorter);
    let mut prefix = vec![0u8; short];
    Backend
        .derive_pbkdf2_hmac_into(hash, salt, iterations, password, &mut prefix)
        .expect("a shorter PBKDF2 output");
    assert_eq!(prefix[..], out[..short], "PBKDF2 outputs are not prefixes");
}

#[allow(clippy::too_many_arguments)]
fn hkdf(
    hash: HashAlgorithm,
    prk_len: usize,
    len: usize,
    shorter: usize,
    arbitrary_prk: Option<&[u8]>,
    salt: &[u8],
    info: &[u8],
    ikm: &[u8],
) {
    let supported = Backend.hkdf_supported(hash);
    let ds = hash.digest_size();
    let mut prk = vec![0u8; prk_len];
    let extracted = Backend.hkdf_extract_into(hash, salt, ikm, &mut prk);
    assert_eq!(
        extracted.is_ok(),
        supported && prk_len == ds,
        "HKDF-Extract-{hash:?} into {prk_len}: {extracted:?}"
    );
    if !supported {
        assert!(matches!(extracted, Err(Error::Unsupported { .. })));
        let mut out = [0u8; 16];
        assert!(
            Backend
                .derive_hkdf_into(hash, salt, info, ikm, &mut out)
                .is_err()
        );
        assert!(Backend.derive_hkdf(hash, 16, salt, info, ikm).is_err());
        return;
    }
    let len_ok = len >= 1 && len <= 255 * ds;
    if let Some(arbitrary) = arbitrary_prk {
        let mut out = vec![0u8; len];
        let expanded = Backend.hkdf_expand_into(hash, arbitrary, info, &mut out);
        assert_eq!(
            expanded.is_ok(),
            len_ok && arbitrary.len() >= ds,
            "HKDF-Expand {len} from a {}-byte PRK: {expanded:?}",
            arbitrary.len()
        );
        let allocated = Backend.hkdf_expand(hash, len, arbitrary, info);
        assert_eq!(allocated.is_ok(), expanded.is_ok());
        if let Ok(key) = allocated {
            assert_eq!(&key[..], &out[..]);
        }
    }
    // Extract + expand = derive, in both forms.
    let mut prk = vec![0u8; ds];
    Backend
        .hkdf_extract_into(hash, salt, ikm, &mut prk)
        .expect("extract");
    assert_eq!(
        &Backend.hkdf_extract(hash, salt, ikm).expect("extract")[..],
        &prk[..]
    );
    let mut expanded = vec![0u8; len];
    let result = Backend.hkdf_expand_into(hash, &prk, info, &mut expanded);
    assert_eq!(
        result.is_ok(),
        len_ok,
        "HKDF-Expand-{hash:?} of {len}: {result:?}"
    );
    let mut derived = vec![0u8; len];
    let result = Backend.derive_hkdf_into(hash, salt, info, ikm, &mut derived);
    assert_eq!(result.is_ok(), len_ok);
    let allocated = Backend.derive_hkdf(hash, len, salt, info, ikm);
    assert_eq!(allocated.is_ok(), len_ok);
    if !len_ok {
        return;
    }
    assert_eq!(derived, expanded, "HKDF derive vs extract + expand");
    assert_eq!(&allocated.expect("valid")[..], &derived[..]);
    let short = prefix_len(len, shorter);
    let mut prefix = vec![0u8; short];
    Backend
        .hkdf_expand_into(hash, &prk, info, &mut prefix)
        .expect("a shorter HKDF output");
    assert_eq!(
        prefix[..],
        derived[..short],
        "HKDF outputs are not prefixes"
    );
}

#[allow(clippy::too_many_arguments)]
fn scrypt(
    memory_limit: u64,
    cost_limit: u64,
    owned_length_limit: usize,
    n: u64,
    r: u32,
    p: u32,
    len: usize,
    salt: &[u8],
    password: &[u8],
) {
    // The backend's own limits bound the work: every parameter set goes to it.
    let limited = RustCryptoScrypt {
        memory_limit,
        cost_limit,
        owned_length_limit,
    };
    assert_eq!(limited.scrypt_memory_limit(), memory_limit);
    let params = ScryptParams::new(n, r, p);
    let (within, cost) = match &params {
        Ok(params) => {
            assert_eq!((params.n(), params.r(), params.p()), (n, r, p));
            assert_eq!(1u64 << params.log_n(), n);
            let memory = params.working_memory();
            let exact = 128 * u128::from(r) * (u128::from(n) + u128::from(p));
            assert_eq!(u128::from(memory), exact.min(u128::from(u64::MAX)));
            let cost = params.cost();
            let exact = u128::from(n) * u128::from(r) * u128::from(p);
            assert_eq!(u128::from(cost), exact.min(u128::from(u64::MAX)));
            let memory_ok = memory <= memory_limit && memory <= isize::MAX as u64;
            assert_eq!(params.check_memory(memory_limit).is_ok(), memory_ok);
            assert_eq!(params.check_cost(cost_limit).is_ok(), cost <= cost_limit);
            (memory_ok && cost <= cost_limit, cost)
        }
        Err(e) => {
            assert!(matches!(e, Error::InvalidArgument(_)), "{e:?}");
            (false, u64::MAX)
        }
    };
    let valid = params.is_ok() && within && len >= 1;
    let mut out = vec![0u8; len];
    let result = limited.derive_scrypt_into(password, salt, n, r, p, &mut out);
    assert_eq!(
        result.is_ok(),
        valid,
        "scrypt n={n} r={r} p={p} len={len} under {limited:?}: {result:?}"
    );
    let allocated = limited.derive_scrypt(password, salt, len, n, r, p);
    assert_eq!(
        allocated.is_ok(),
        valid && len <= owned_length_limit,
        "{allocated:?}"
    );

    // The default backend (2 GiB, N·r·p ≤ 2^24): only what it refuses at once or what is cheap.
    let default_ok = len >= 1
        && params.as_ref().is_ok_and(|p| {
            p.check_memory(Backend.scrypt_memory_limit()).is_ok()
                && p.check_cost(kdf::DEFAULT_SCRYPT_COST_LIMIT).is_ok()
        });
    if !default_ok || u128::from(cost) <= MAX_SCRYPT_COST {
        let mut default_out = vec![0u8; len];
        let default = Backend.derive_scrypt_into(password, salt, n, r, p, &mut default_out);
        assert_eq!(default.is_ok(), default_ok, "default scrypt: {default:?}");
        if valid {
            assert_eq!(default_out, out, "scrypt under two sets of limits");
        }
    }
    if let Ok(key) = allocated {
        assert_eq!(&key[..], &out[..]);
    }
}

#[allow(clippy::too_many_arguments)]
fn checks(
    hash: HashAlgorithm,
    len: usize,
    iterations: u32,
    prk_len: usize,
    n: u64,
    r: u32,
    p: u32,
    limit: u64,
) {
    let ds = hash.digest_size();
    let pbkdf2_max = kdf::pbkdf2_max_length(hash);
    assert_eq!(
        u128::from(pbkdf2_max as u64),
        (u128::from(u32::MAX) * ds as u128).min(usize::MAX as u128)
    );
    assert_eq!(
        kdf::check_pbkdf2(hash, len, iterations).is_ok(),
        len >= 1 && len <= pbkdf2_max && iterations >= 1
    );
    let hkdf_max = kdf::hkdf_max_length(hash);
    assert_eq!(
        kdf::check_hkdf_length(hash, len).is_ok(),
        len >= 1 && len <= hkdf_max
    );
    let prk = vec![0u8; prk_len];
    assert_eq!(kdf::check_hkdf_prk(hash, &prk).is_ok(), prk_len >= ds);
    assert_eq!(kdf::check_prk_buffer(hash, &prk).is_ok(), prk_len == ds);
    assert_eq!(
        kdf::check_scrypt_length(len).is_ok(),
        (1..=kdf::SCRYPT_MAX_LENGTH).contains(&len)
    );
    if let Ok(params) = ScryptParams::new(n, r, p) {
        assert_eq!(
            params.check_memory(limit).is_ok(),
            params.working_memory() <= limit.min(isize::MAX as u64)
        );
        assert_eq!(params.check_cost(limit).is_ok(), params.cost() <= limit);
    }
}

fuzz_target!(|input: Input| {
    match input {
        Input::Pbkdf2 {
            hash,
            iterations,
            len,
            shorter,
            salt,
            password,
        } => pbkdf2(hash, iterations, len, shorter, &salt, &password),
        Input::Hkdf {
            hash,
            prk_len,
            len,
            shorter,
            arbitrary_prk,
            salt,
            info,
            ikm,
        } => hkdf(
            hash,
            prk_len,
            len,
            shorter,
            arbitrary_prk.as_deref(),
            &salt,
            &info,
            &ikm,
        ),
        Input::Scrypt {
            memory_limit,
            cost_limit,
            owned_length_limit,
            n,
            r,
            p,
            len,
            salt,
            password,
        } => scrypt(
            memory_limit,
            cost_limit,
            owned_length_limit,
            n,
            r,
            p,
            len,
            &salt,
            &password,
        ),
        Input::Checks {
            hash,
            len,
            iterations,
            prk_len,
            n,
            r,
            p,
            limit,
        } => checks(hash, len, iterations, prk_len, n, r, p, limit),
    }
});
