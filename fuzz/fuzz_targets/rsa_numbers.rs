//! RSA numbers: `load_rsa_public_numbers` / `load_rsa_private_numbers` with arbitrary components
//! (bounded to 1024-bit moduli so a run stays fast), with components made consistent by the
//! crate's own CRT helpers, with one component of a real key changed, and with oversized moduli
//! (above the 16384-bit limit) that must be refused before any arithmetic on them; and the
//! helpers `rsa_crt_iqmp`, `rsa_crt_dmp1`, `rsa_crt_dmq1`, `rsa_recover_prime_factors`.
//!
//! Asserts: what loads exports the same numbers and signs-then-verifies; a changed real key loads
//! only when it is still a valid key; the recovered factors multiply to the modulus (and are the
//! real primes for a real key); every refusal is an error, never a panic.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::rsa::RustCryptoRsaPrivateKey;
use backend::rsa::{rsa_crt_dmp1, rsa_crt_dmq1, rsa_crt_iqmp, rsa_recover_prime_factors};
use backend::{
    AsymmetricPadding, Backend, HashAlgorithm, MessageHash, RsaBackend, RsaPrivateKey,
    RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers,
};
use backend_fuzz::{FIXED_KEYS, hex, mul_be, take, trim};
use libfuzzer_sys::fuzz_target;

/// Largest modulus of the arbitrary cases, in bytes.
const MAX_BYTES: usize = 128;

#[derive(Debug, Arbitrary, Clone, Copy)]
enum Field {
    N,
    E,
    D,
    P,
    Q,
    Dmp1,
    Dmq1,
    Iqmp,
}

#[derive(Debug, Arbitrary)]
enum Change {
    FlipBit(u16),
    Truncate(u8),
    Append(u8),
    Replace(Vec<u8>),
    AddToTop(u8),
}

#[derive(Debug)]
enum Input {
    Public {
        e: Vec<u8>,
        n: Vec<u8>,
    },
    Private {
        p: Vec<u8>,
        q: Vec<u8>,
        d: Vec<u8>,
        dmp1: Vec<u8>,
        dmq1: Vec<u8>,
        iqmp: Vec<u8>,
        e: Vec<u8>,
        n: Vec<u8>,
    },
    /// n = p·q and the CRT values computed with the crate's helpers; e and d arbitrary.
    Consistent {
        p: Vec<u8>,
        q: Vec<u8>,
        e: Vec<u8>,
        d: Vec<u8>,
    },
    /// A fixed key with one component changed.
    Changed {
        key: usize,
        field: Field,
        change: Change,
    },
    /// A modulus above the size limit.
    Oversized {
        bits: usize,
        private: bool,
        e: Vec<u8>,
        other: Vec<u8>,
    },
    Helpers {
        a: Vec<u8>,
        b: Vec<u8>,
        c: Vec<u8>,
        real: Option<usize>,
    },
}

fn number(u: &mut Unstructured<'_>, max: usize) -> Result<Vec<u8>> {
    let n = u.int_in_range(0..=max)?;
    let mut v = take(u, n);
    if u.ratio(3u8, 4u8)?
        && let Some(last) = v.last_mut()
    {
        *last |= 1;
    }
    Ok(v)
}

fn exponent(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    Ok(match u.int_in_range(0u8..=3)? {
        0 => vec![1, 0, 1],
        1 => vec![3],
        2 => u.arbitrary::<u64>()?.to_be_bytes().to_vec(),
        _ => number(u, MAX_BYTES)?,
    })
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=5)? {
            0 => Input::Public {
                e: exponent(u)?,
                n: number(u, MAX_BYTES)?,
            },
            1 => Input::Private {
                p: number(u, MAX_BYTES / 2)?,
                q: number(u, MAX_BYTES / 2)?,
                d: number(u, MAX_BYTES)?,
                dmp1: number(u, MAX_BYTES / 2)?,
                dmq1: number(u, MAX_BYTES / 2)?,
                iqmp: number(u, MAX_BYTES / 2)?,
                e: exponent(u)?,
                n: number(u, MAX_BYTES)?,
            },
            2 => Input::Consistent {
                p: number(u, MAX_BYTES / 2 + 8)?,
                q: number(u, MAX_BYTES / 2)?,
                e: exponent(u)?,
                d: number(u, MAX_BYTES)?,
            },
            3 => Input::Changed {
                key: u.choose_index(FIXED_KEYS.len())?,
                field: u.arbitrary()?,
                change: u.arbitrary()?,
            },
            4 => Input::Oversized {
                bits: u.int_in_range(16385..=20000)?,
                private: u.arbitrary()?,
                e: exponent(u)?,
                other: number(u, 16)?,
            },
            _ => Input::Helpers {
                a: number(u, 48)?,
                b: number(u, 48)?,
                c: number(u, 48)?,
                real: if u.arbitrary()? {
                    Some(u.choose_index(FIXED_KEYS.len())?)
                } else {
                    None
                },
            },
        })
    }
}

/// A loaded private key must export its numbers and sign-then-verify.
fn check_private(numbers: &RsaPrivateNumbers, key: &dyn RsaPrivateKey) {
    let exported = key.private_numbers().expect("in-memory keys export");
    for (got, want) in [
        (&exported.p, &numbers.p),
        (&exported.q, &numbers.q),
        (&exported.d, &numbers.d),
        (&exported.dmp1, &numbers.dmp1),
        (&exported.dmq1, &numbers.dmq1),
        (&exported.iqmp, &numbers.iqmp),
        (&exported.public_numbers.n, &numbers.public_numbers.n),
        (&exported.public_numbers.e, &numbers.public_numbers.e),
    ] {
        assert_eq!(
            trim(got),
            trim(want),
            "exported numbers differ from the loaded ones"
        );
    }
    assert_eq!(key.key_size(), numbers.public_numbers.key_size());
    let padding = AsymmetricPadding::Pkcs1v15;
    let hash = MessageHash::Hash(HashAlgorithm::Sha1);
    if let Ok(signature) = key.sign(b"fuzz", padding, hash) {
        let public = key.public_key().expect("public key");
        public
            .verify(&signature, b"fuzz", padding, hash)
            .expect("a loaded key's signature verifies");
    }
}

fn check_public(numbers: &RsaPublicNumbers) {
    let _ = format!("{numbers:?}");
    let loaded = Backend.load_rsa_public_numbers(numbers);
    if loaded.is_ok() {
        numbers.check().expect("loaded numbers pass check()");
    }
    if let Ok(key) = loaded {
        let back = key.public_numbers();
        assert_eq!(
            (trim(&back.e), trim(&back.n)),
            (trim(&numbers.e), trim(&numbers.n))
        );
        assert_eq!(key.key_size(), numbers.key_size());
        // Raw verification of an arbitrary signature walks the exponent.
        let _ = key.verify(
            &vec![1; trim(&numbers.n).len()],
            b"",
            AsymmetricPadding::Pkcs1v15,
            MessageHash::Hash(HashAlgorithm::Sha256),
        );
    }
}

/// Loads through the trait (half-width primes) and through the wide-prime constructor; true when
/// the trait loader took the numbers.
fn load_private(numbers: &RsaPrivateNumbers) -> bool {
    let _ = format!("{numbers:?}");
    let loaded = Backend.load_rsa_private_numbers(numbers);
    if let Ok(key) = &loaded {
        numbers.check().expect("loaded numbers pass check()");
        check_private(numbers, key.as_ref());
    }
    let wide = RustCryptoRsaPrivateKey::from_numbers_with_wide_primes(numbers);
    if let Ok(key) = &wide {
        numbers.check().expect("loaded numbers pass check()");
        check_private(numbers, key);
    }
    let small_e = trim(&numbers.public_numbers.e).len() < 5
        || (trim(&numbers.public_numbers.e).len() == 5 && trim(&numbers.public_numbers.e)[0] < 2);
    if loaded.is_ok() && small_e {
        assert!(
            wide.is_ok(),
            "a key loaded with half-width primes but not with wide ones: {wide:?}"
        );
    }
    loaded.is_ok()
}

fuzz_target!(|input: Input| {
    match input {
        Input::Public { e, n } => check_public(&RsaPublicNumbers::new(&e, &n)),
        Input::Private {
            p,
            q,
            d,
            dmp1,
            dmq1,
            iqmp,
            e,
            n,
        } => {
            let public_numbers = RsaPublicNumbers::new(&e, &n);
            load_private(&RsaPrivateNumbers {
                p,
                q,
                d,
                dmp1,
                dmq1,
                iqmp,
                public_numbers,
            });
        }
        Input::Consistent { p, q, e, d } => {
            let n = mul_be(&p, &q);
            let (Ok(dmp1), Ok(dmq1), Ok(iqmp)) = (
                rsa_crt_dmp1(&d, &p),
                rsa_crt_dmq1(&d, &q),
                rsa_crt_iqmp(&p, &q),
            ) else {
                return;
            };
            let public_numbers = RsaPublicNumbers::new(&e, &n);
            check_public(&public_numbers);
            load_private(&RsaPrivateNumbers {
                p,
                q,
                d,
                dmp1,
                dmq1,
                iqmp,
                public_numbers,
            });
        }
        Input::Changed { key, field, change } => {
            let mut numbers = FIXED_KEYS[key].private_numbers();
            let original = FIXED_KEYS[key].private_numbers();
            let target = match field {
                Field::N => &mut numbers.public_numbers.n,
                Field::E => &mut numbers.public_numbers.e,
                Field::D => &mut numbers.d,
                Field::P => &mut numbers.p,
                Field::Q => &mut numbers.q,
                Field::Dmp1 => &mut numbers.dmp1,
                Field::Dmq1 => &mut numbers.dmq1,
                Field::Iqmp => &mut numbers.iqmp,
            };
            match change {
                Change::FlipBit(bit) => {
                    let bit = usize::from(bit) % (target.len() * 8);
                    target[bit / 8] ^= 1 << (bit % 8);
                }
                Change::Truncate(n) => target.truncate(usize::from(n) % (target.len() + 1)),
                Change::Append(b) => target.push(b),
                Change::Replace(bytes) => *target = bytes,
                Change::AddToTop(b) => target.insert(0, b),
            }
            let unchanged = [
                (&numbers.p, &original.p),
                (&numbers.q, &original.q),
                (&numbers.d, &original.d),
                (&numbers.dmp1, &original.dmp1),
                (&numbers.dmq1, &original.dmq1),
                (&numbers.iqmp, &original.iqmp),
                (&numbers.public_numbers.n, &original.public_numbers.n),
                (&numbers.public_numbers.e, &original.public_numbers.e),
            ]
            .iter()
            .all(|(a, b)| trim(a) == trim(b));
            let loaded = load_private(&numbers);
            if unchanged {
                assert!(
                    loaded,
                    "a real key with a leading zero added or removed was refused"
                );
            }
            // A changed modulus, prime or CRT value can never make a valid key; a changed d or e
            // can (another inverse), and then check_private has shown it works.
            if loaded && !unchanged {
                assert!(
                    matches!(field, Field::D | Field::E),
                    "{field:?} changed and still loaded"
                );
            }
            check_public(&numbers.public_numbers);
        }
        Input::Oversized {
            bits,
            private,
            e,
            other,
        } => {
            let mut n = vec![0xffu8; bits.div_ceil(8)];
            let top_bits = bits % 8;
            if top_bits != 0 {
                n[0] = (1u8 << top_bits) - 1;
            }
            let public_numbers = RsaPublicNumbers::new(&e, &n);
            assert_eq!(public_numbers.key_size(), bits);
            assert!(
                Backend.load_rsa_public_numbers(&public_numbers).is_err(),
                "{bits}-bit modulus loaded"
            );
            if private {
                let half = n[..n.len() / 2].to_vec();
                let numbers = RsaPrivateNumbers {
                    p: half.clone(),
                    q: half,
                    d: n.clone(),
                    dmp1: other.clone(),
                    dmq1: other.clone(),
                    iqmp: other,
                    public_numbers,
                };
                assert!(
                    Backend.load_rsa_private_numbers(&numbers).is_err(),
                    "{bits}-bit private key loaded"
                );
            }
        }
        Input::Helpers { a, b, c, real } => {
            let _ = rsa_crt_iqmp(&a, &b);
            let _ = rsa_crt_dmp1(&c, &a);
            let _ = rsa_crt_dmq1(&c, &b);
            // Recovery tries up to 250 bases, each an exponentiation by e·d: kept to 128-bit
            // operands so a failing search stays in the milliseconds.
            let small = |v: &[u8]| v[v.len().saturating_sub(16)..].to_vec();
            let (n, e, d) = (small(&a), small(&b), small(&c));
            if let Ok((p, q)) = rsa_recover_prime_factors(&n, &e, &d) {
                assert_eq!(
                    mul_be(&p, &q),
                    trim(&n),
                    "recovered factors do not multiply to n"
                );
                assert!(trim(&p).len() > 1 || trim(&p).first() > Some(&1));
                assert!(trim(&q).len() > 1 || trim(&q).first() > Some(&1));
            }
            if let Some(index) = real {
                let key = FIXED_KEYS[index];
                let (p, q) = rsa_recover_prime_factors(&hex(key.n), &hex(key.e), &hex(key.d))
                    .expect("the factors of a real key");
                let (want_p, want_q) = (hex(key.p), hex(key.q));
                let mut got = [trim(&p).to_vec(), trim(&q).to_vec()];
                let mut want = [want_p, want_q];
                got.sort();
                want.sort();
                assert_eq!(got, want, "recovered the wrong factors");
                assert_eq!(
                    rsa_crt_iqmp(&hex(key.p), &hex(key.q)).expect("iqmp"),
                    trim(&hex(key.iqmp))
                );
                assert_eq!(
                    rsa_crt_dmp1(&hex(key.d), &hex(key.p)).expect("dmp1"),
                    trim(&hex(key.dmp1))
                );
                assert_eq!(
                    rsa_crt_dmq1(&hex(key.d), &hex(key.q)).expect("dmq1"),
                    trim(&hex(key.dmq1))
                );
            }
        }
    }
});
