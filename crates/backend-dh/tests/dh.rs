//! The rules of issue 14, one test each: generation, loading parameters, exchange; numbers
//! equality and zeroization; `*_supported` against the calls. The published vector files run in
//! `cargo xtask vectors dh`; the values here are from RFC 5114 and pyca/cryptography's tests.

mod common;

use backend_dh::{
    DhBackend, DhParameterNumbers, DhParameters, DhPrivateKey, DhPrivateNumbers, DhPublicKey,
    DhPublicNumbers, Error, RustCrypto, RustCryptoDhParameters,
};
use common::{TestRng, generated_512, unhex};
use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{BoxedUint, Odd};

// RFC 5114 A.1 (1024-bit MODP group with a 160-bit q), as pyca's `DH/RFC5114.txt` has it.
const P: &str = "B10B8F96A080E01DDE92DE5EAE5D54EC52C99FBCFB06A3C69A6A9DCA52D23B616073E28675A23D189838EF1E2EE652C013ECB4AEA906112324975C3CD49B83BFACCBDD7D90C4BD7098488E9C219A73724EFFD6FAE5644738FAA31A4FF55BCCC0A151AF5F0DC8B4BD45BF37DF365C1A65E68CFDA76D4DA708DF1FB2BC2E4A4371";
const Q: &str = "F518AA8781A8DF278ABA4E7D64B7CB9D49462353";
const G: &str = "A4D1CBD5C3FD34126765A442EFB99905F8104DD258AC507FD6406CFF14266D31266FEA1E5C41564B777E690F5504F213160217B4B01B886A5E91547F9E2749F4D7FBD7D3B9A92EE1909D0D2263F80A76A6A24C087A091F531DBF0A0169B6A28AD662A4D18E73AFA32D779D5918D08BC8858F4DCEF97C2A24855E6EEB22B3B2E5";
const XSTATCAVS: &str = "B9A3B3AE8FEFC1A2930496507086F8455D48943E";
const YSTATCAVS: &str = "2A853B3D92197501B9015B2DEB3ED84F5E021DCC3E52F109D3273D2B7521281CBABE0E76FF5727FA8ACCE26956BA9A1FCA26F20228D8693FEB10841D84A7360054ECE5A7F5B7A61AD3DFB3C60D2E43106D8727DA37DF9CCE95B478755D06BCEA8F9D45965F75A5F3D1DF3701165FC9E50C4279CEB07F989540AE96D5D88ED776";
const XSTATIUT: &str = "9392C9F9EB6A7A6A9022F7D83E7223C6835BBDDA";
const YSTATIUT: &str = "717A6CB053371FF4A3B932941C1E5663F861A1D6AD34AE66576DFB98F6C6CBF9DDD5A56C7833F6BCFDFF095582AD868E440E8D09FD769E3CECCDC3D3B1E4CFA057776CAAF9739B6A9FEE8E7411F8D6DAC09D6A4EDB46CC2B5D5203090EAE6126311E53FD2C14B574E6A3109A3DA1BE41BDCEAA186F5CE06716A2B6A07B3C33FE";
const Z: &str = "5C804F454D30D9C4DF85271F93528C91DF6B48AB5F80B3B59CAAC1B28F8ACBA9CD3E39F3CB614525D9521D2E644C53B807B810F340062F257D7D6FBFE8D5E8F072E9B6E9AFDA9413EAFB2E8B0699B1FB5A0CACEDDEAEAD7E9CFBB36AE2B420835BD83A19FB0B5E96BF8FA4D09E345525167ECD9155416F46F408ED31B63C6E6D";

fn rfc5114_1(with_q: bool) -> DhParameterNumbers {
    DhParameterNumbers::new(&unhex(P), &unhex(G), with_q.then(|| unhex(Q)).as_deref())
}

fn private(x: &str, y: &str, group: &DhParameterNumbers) -> DhPrivateNumbers {
    DhPrivateNumbers::new(&unhex(x), DhPublicNumbers::new(&unhex(y), group.clone()))
}

/// A peer key that says whatever numbers it is given: the exchange must check them itself.
struct Peer(DhPublicNumbers);

impl DhPublicKey for Peer {
    fn key_size(&self) -> usize {
        self.0.parameter_numbers.key_size()
    }
    fn public_numbers(&self) -> DhPublicNumbers {
        self.0.clone()
    }
    fn parameters(&self) -> backend_dh::Result<Box<dyn DhParameters>> {
        RustCrypto.load_dh_parameter_numbers(&self.0.parameter_numbers)
    }
}

fn sub_one(bytes: &[u8], k: u8) -> Vec<u8> {
    let mut v = bytes.to_vec();
    let mut borrow = k;
    for b in v.iter_mut().rev() {
        let (r, o) = b.overflowing_sub(borrow);
        *b = r;
        borrow = u8::from(o);
        if borrow == 0 {
            break;
        }
    }
    v
}

fn modpow(base: &[u8], exp: &[u8], p: &[u8]) -> Vec<u8> {
    let bits = (p.len() * 8).next_multiple_of(64) as u32;
    let m = Odd::new(BoxedUint::from_be_slice(p, bits).unwrap()).unwrap();
    let params = BoxedMontyParams::new_vartime(m);
    let e = BoxedUint::from_be_slice_vartime(exp);
    let r = BoxedMontyForm::new(BoxedUint::from_be_slice(base, bits).unwrap(), &params)
        .pow_bounded_exp(&e, e.bits_precision())
        .retrieve();
    let full = r.to_be_bytes();
    full[full.len() - p.len()..].to_vec()
}

#[test]
fn rfc5114_exchange_matches_the_published_z_both_ways() {
    let group = rfc5114_1(true);
    let cavs = RustCrypto
        .load_dh_private_numbers(&private(XSTATCAVS, YSTATCAVS, &group))
        .unwrap();
    let iut = RustCrypto
        .load_dh_private_numbers(&private(XSTATIUT, YSTATIUT, &group))
        .unwrap();
    let z1 = cavs.exchange(&*iut.public_key().unwrap()).unwrap();
    let z2 = iut.exchange(&*cavs.public_key().unwrap()).unwrap();
    assert_eq!(hex::encode_upper(&*z1), Z);
    assert_eq!(z1, z2);
}

#[test]
fn generation_takes_generator_2_or_5_and_at_least_512_bits() {
    let mut rng = TestRng(1);
    for (g, size) in [(7, 512), (3, 1024), (1, 512), (2, 511), (5, 256), (2, 9000)] {
        assert!(!RustCrypto.generate_dh_parameters_supported(g, size));
        assert!(matches!(
            RustCrypto.generate_dh_parameters_with_rng(&mut rng, g, size),
            Err(Error::InvalidArgument(_))
        ));
    }
    assert!(RustCrypto.generate_dh_parameters_supported(2, 512));
    assert!(RustCrypto.generate_dh_parameters_supported(5, 2048));
}

#[test]
fn generated_groups_are_safe_primes_with_openssl_congruences() {
    for (g, residue, modulus) in [(2u64, 23u64, 24u64), (5, 59, 60)] {
        let params = generated_512(g);
        let numbers = params.parameter_numbers().unwrap();
        assert_eq!(numbers.key_size(), 512);
        assert_eq!(numbers.q, None);
        assert_eq!(numbers.g, vec![g as u8]);
        let p = BoxedUint::from_be_slice_vartime(&numbers.p);
        let r = p.rem_vartime(&crypto_bigint::NonZero::new(BoxedUint::from(modulus)).unwrap());
        assert_eq!(r.to_be_bytes().last().copied(), Some(residue as u8));
        // The loader runs the safe-prime test on them (they are not a named group).
        assert!(crypto_primes::is_prime(crypto_primes::Flavor::Safe, &p));
        RustCrypto.load_dh_parameter_numbers(&numbers).unwrap();
        let a = params
            .generate_private_key_with_rng(&mut TestRng(g))
            .unwrap();
        let b = params
            .generate_private_key_with_rng(&mut TestRng(g + 1))
            .unwrap();
        assert_eq!(a.key_size(), 512);
        let s = a.exchange(&*b.public_key().unwrap()).unwrap();
        assert_eq!(s.len(), 64);
        assert_eq!(s, b.exchange(&*a.public_key().unwrap()).unwrap());
    }
}

#[test]
fn generation_with_a_failing_generator_is_a_device_error() {
    let mut failing = common::Failing;
    assert!(matches!(
        RustCrypto.generate_dh_parameters_with_rng(&mut failing, 2, 512),
        Err(Error::Device { .. })
    ));
    let params = RustCrypto
        .load_dh_parameter_numbers(&backend_dh::ffdhe2048())
        .unwrap();
    assert!(matches!(
        params.generate_private_key_with_rng(&mut failing),
        Err(Error::Device { .. })
    ));
}

#[test]
fn loading_parameters_checks_each_rule() {
    let ffdhe = backend_dh::ffdhe2048();
    let p = ffdhe.p.clone();
    let bad = |numbers: DhParameterNumbers, rule: &str| {
        let Err(err) = RustCrypto.load_dh_parameter_numbers(&numbers) else {
            panic!("{rule}: loaded")
        };
        assert!(matches!(err, Error::InvalidArgument(_)), "{rule}: {err:?}");
        assert!(
            !RustCrypto.dh_parameters_supported(&numbers.p, &numbers.g, numbers.q.as_deref()),
            "{rule}"
        );
    };
    bad(DhParameterNumbers::with_generator(&p, 1, None), "g >= 2");
    bad(DhParameterNumbers::with_generator(&p, 0, None), "g >= 2");
    bad(
        DhParameterNumbers::new(&p, &sub_one(&p, 1), None),
        "g < p - 1",
    );
    bad(DhParameterNumbers::new(&p, &p, None), "g < p");
    bad(
        DhParameterNumbers::with_generator(&p[..63], 2, None),
        "p >= 512 bits",
    );
    bad(
        DhParameterNumbers::with_generator(&sub_one(&p, 1), 2, None),
        "p odd",
    );
    // An odd composite, and a prime that is not safe (RFC 5114's p without g's own q, g = 2).
    bad(
        DhParameterNumbers::with_generator(&sub_one(&p, 2), 2, None),
        "p prime",
    );
    bad(
        DhParameterNumbers::with_generator(&unhex(P), 2, None),
        "p a safe prime",
    );
    // With q: q | p - 1, g^q = 1, q prime.
    let q = unhex(Q);
    bad(
        DhParameterNumbers::new(&unhex(P), &unhex(G), Some(&sub_one(&q, 2))),
        "q | p - 1",
    );
    bad(
        DhParameterNumbers::new(&unhex(P), &[2], Some(&q)),
        "g^q = 1",
    );
    // q = p - 1 divides p - 1 and g^q = 1 (Fermat), but is not prime.
    bad(
        DhParameterNumbers::new(&p, &[4], Some(&sub_one(&p, 1))),
        "q prime",
    );
    bad(DhParameterNumbers::new(&p, &[4], Some(&p)), "q < p");
    let too_big = vec![0xffu8; 1251];
    assert!(matches!(
        RustCrypto
            .load_dh_parameter_numbers(&DhParameterNumbers::with_generator(&too_big, 2, None)),
        Err(Error::Unsupported { .. })
    ));
}

#[test]
fn recognised_groups_load_without_a_primality_test() {
    for name in [
        "ffdhe2048",
        "ffdhe3072",
        "ffdhe4096",
        "ffdhe6144",
        "ffdhe8192",
        "modp_1536",
        "modp_2048",
        "modp_3072",
        "modp_4096",
        "modp_6144",
        "modp_8192",
        "dh_1024_160",
        "dh_2048_224",
        "dh_2048_256",
    ] {
        let numbers = backend_dh::named_group(name).unwrap();
        let start = std::time::Instant::now();
        let params = RustCrypto.load_dh_parameter_numbers(&numbers).unwrap();
        // A BPSW test of an 8192-bit safe prime takes seconds; a recognised group, microseconds.
        assert!(
            start.elapsed().as_millis() < 500,
            "{name} took {:?}",
            start.elapsed()
        );
        assert_eq!(params.parameter_numbers().unwrap(), numbers);
    }
    assert!(backend_dh::named_group("ffdhe1024").is_none());
}

#[test]
fn a_non_residue_peer_is_rejected_in_a_named_safe_prime_group() {
    let group = backend_dh::ffdhe2048();
    let params = RustCrypto.load_dh_parameter_numbers(&group).unwrap();
    let key = params
        .generate_private_key_with_rng(&mut TestRng(7))
        .unwrap();
    // p = 7 mod 8: 2 is a residue and -1 is not, so p - 2 = -2 is a non-residue, in range.
    let minus_two = sub_one(&group.p, 2);
    assert!(matches!(
        key.exchange(&Peer(DhPublicNumbers::new(&minus_two, group.clone()))),
        Err(Error::InvalidKey(_))
    ));
    // 4 = 2^2 is a residue: accepted (its secret is 4^x, not 1).
    key.exchange(&Peer(DhPublicNumbers::new(&[4], group.clone())))
        .unwrap();
    // The Jacobi symbol agrees with y^q for q = (p - 1) / 2 on a few values.
    let q = {
        let p = BoxedUint::from_be_slice_vartime(&group.p);
        p.wrapping_sub(BoxedUint::one())
            .wrapping_shr_vartime(1)
            .to_be_bytes()
            .to_vec()
    };
    for y in [3u8, 5, 6, 7, 11, 12] {
        let euler = modpow(&[y], &q, &group.p);
        let residue = euler.iter().rev().skip(1).all(|b| *b == 0) && euler.last() == Some(&1);
        let accepted = key
            .exchange(&Peer(DhPublicNumbers::new(&[y], group.clone())))
            .is_ok();
        assert_eq!(accepted, residue, "y = {y}");
    }
}

#[test]
fn an_rfc5114_group_given_without_q_still_checks_the_peer_with_its_q() {
    let group = rfc5114_1(false);
    let key = RustCrypto
        .load_dh_private_numbers(&private(XSTATIUT, YSTATIUT, &group))
        .unwrap();
    let p = unhex(P);
    assert!(
        key.exchange(&Peer(DhPublicNumbers::new(&sub_one(&p, 2), group.clone())))
            .is_err()
    );
    let z = key
        .exchange(&Peer(DhPublicNumbers::new(&unhex(YSTATCAVS), group)))
        .unwrap();
    assert_eq!(hex::encode_upper(&*z), Z);
}

#[test]
fn exchange_rejects_a_peer_value_out_of_range() {
    let group = rfc5114_1(true);
    let key = RustCrypto
        .load_dh_private_numbers(&private(XSTATIUT, YSTATIUT, &group))
        .unwrap();
    let p = unhex(P);
    for y in [
        vec![0u8],
        vec![1],
        sub_one(&p, 1),
        p.clone(),
        [p.clone(), vec![0]].concat(),
    ] {
        assert!(matches!(
            key.exchange(&Peer(DhPublicNumbers::new(&y, group.clone()))),
            Err(Error::InvalidKey(_))
        ));
    }
    // In range but not of order q.
    assert!(
        key.exchange(&Peer(DhPublicNumbers::new(&[2], group.clone())))
            .is_err()
    );
}

#[test]
fn exchange_rejects_a_peer_in_another_group() {
    let a = generated_512(2);
    let b = generated_512(5);
    let ka = a.generate_private_key_with_rng(&mut TestRng(1)).unwrap();
    let kb = b.generate_private_key_with_rng(&mut TestRng(2)).unwrap();
    assert!(matches!(
        ka.exchange(&*kb.public_key().unwrap()),
        Err(Error::InvalidKey(_))
    ));
    // Same p, another g.
    let mut numbers = ka.public_key().unwrap().public_numbers();
    numbers.parameter_numbers.g = vec![3];
    assert!(ka.exchange(&Peer(numbers)).is_err());
}

#[test]
fn shared_secret_is_left_padded_to_the_length_of_p() {
    // pyca/cryptography's test_symmetric_key_padding: the secret has 503 bits in a 512-bit group.
    let p = unhex(
        "e27239cce5984c804bacf037d200aa100e77523cdd4894c6289bb79ae4e6b0cceb537fd854b2c5be85764cd4a3ed32d770e28774a6f1793cfe40056078388f33",
    );
    let y = unhex(
        "3d656c05be66e11acf58917a3610a77b5afd2c12d454ef916fdce74519a2f0cf9c8200e30db379a55a355c44b51843b885898186548a9c6de17cfb1bd9a07c50",
    );
    let x = unhex(
        "4e294c7856ecd98bcb31327ee5fb6d6a516acda3d962ab7e7f8f1515dfd835315d4cff53bbf2bf4b15844ee1d8546c63a42a7e76617bb8e424342153d9a48c78",
    );
    let group = DhParameterNumbers::with_generator(&p, 2, None);
    let public = DhPublicNumbers::new(&y, group);
    let key = RustCrypto
        .load_dh_private_numbers(&DhPrivateNumbers::new(&x, public.clone()))
        .unwrap();
    let secret = key
        .exchange(&*RustCrypto.load_dh_public_numbers(&public).unwrap())
        .unwrap();
    assert_eq!(secret.len(), 64);
    assert_eq!(secret[0], 0);
    assert_eq!(
        hex::encode(&*secret),
        "004c41501e24bfb5cc39dcfecf40f16cce999adae6219102f90bb8529c679c43702c84150ed0283f59331b9e00da40ee7128396cc8586d4b0da8d0cb39ff57a0"
    );
}

#[test]
fn exchange_is_y_to_the_x_mod_p() {
    // pyca's test_exchange_algorithm, in ffdhe2048 (pyca uses 3072).
    let params = RustCrypto
        .load_dh_parameter_numbers(&backend_dh::named_group("ffdhe3072").unwrap())
        .unwrap();
    let a = params
        .generate_private_key_with_rng(&mut TestRng(11))
        .unwrap();
    let b = params
        .generate_private_key_with_rng(&mut TestRng(12))
        .unwrap();
    let secret = b.exchange(&*a.public_key().unwrap()).unwrap();
    assert_eq!(secret.len(), 384);
    let p = params.parameter_numbers().unwrap().p;
    let y = a.public_key().unwrap().public_numbers().y;
    let x = b.private_numbers().unwrap().x.clone();
    assert_eq!(*secret, modpow(&y, &x, &p));
    // A generated private value in a named group has twice the security strength in bits.
    assert!(x.len() <= 32);
    // And the public value is g^x.
    assert_eq!(
        modpow(&[2], &x, &p)
            .iter()
            .skip_while(|b| **b == 0)
            .copied()
            .collect::<Vec<_>>(),
        b.public_key().unwrap().public_numbers().y
    );
}

#[test]
fn private_keys_in_a_group_with_q_stay_below_q() {
    let params = RustCrypto
        .load_dh_parameter_numbers(&rfc5114_1(true))
        .unwrap();
    let q = BoxedUint::from_be_slice_vartime(&unhex(Q));
    for seed in 0..20 {
        let key = params
            .generate_private_key_with_rng(&mut TestRng(seed))
            .unwrap();
        let x = BoxedUint::from_be_slice_vartime(&key.private_numbers().unwrap().x);
        assert!(x < q && x > BoxedUint::one());
    }
}

#[test]
fn private_numbers_round_trip_and_loading_checks_x() {
    // pyca's test_convert_to_numbers: y = 1 and x = 2 load (OpenSSL does not check y = g^x).
    let group = rfc5114_1(true);
    let numbers = private("02", "01", &group);
    let key = RustCrypto.load_dh_private_numbers(&numbers).unwrap();
    assert_eq!(key.private_numbers().unwrap(), numbers);
    RustCrypto
        .load_dh_public_numbers(&numbers.public_numbers)
        .unwrap();
    for (x, y) in [("00", "01"), (P, "01"), ("02", "00"), ("02", P)] {
        assert!(matches!(
            RustCrypto.load_dh_private_numbers(&private(x, y, &group)),
            Err(Error::InvalidArgument(_))
        ));
    }
    // pyca's test_numbers_unsupported_parameters: a p that is not prime.
    let bad = DhParameterNumbers::with_generator(&sub_one(&backend_dh::ffdhe2048().p, 2), 2, None);
    assert!(
        RustCrypto
            .load_dh_private_numbers(&DhPrivateNumbers::new(
                &[2],
                DhPublicNumbers::new(&[1], bad)
            ))
            .is_err()
    );
}

#[test]
fn private_numbers_compare_x_and_hide_it() {
    let group = rfc5114_1(true);
    let a = private(XSTATIUT, YSTATIUT, &group);
    assert_eq!(a, a.clone());
    assert_ne!(a, private(XSTATCAVS, YSTATIUT, &group));
    assert_ne!(a, private(XSTATIUT, YSTATCAVS, &group));
    assert_ne!(a, private(XSTATIUT, YSTATIUT, &rfc5114_1(false)));
    let shown = format!("{a:?}");
    assert!(
        !shown.to_lowercase().contains(&XSTATIUT.to_lowercase()[..8]),
        "{shown}"
    );
    assert_eq!(rfc5114_1(true), rfc5114_1(true));
    assert_ne!(rfc5114_1(true), rfc5114_1(false));
}

#[test]
fn x942_serialization_is_supported_by_rustcrypto() {
    // backend-serialization writes X9.42 from the numbers RustCrypto's keys export
    // (crates/backend-serialization/tests/openssl.rs round-trips them with OpenSSL).
    assert!(RustCrypto.dh_x942_serialization_supported());
    assert!((&RustCrypto as &dyn DhBackend).dh_x942_serialization_supported());
}

#[test]
fn the_seed_conveniences_compose_generation_and_keys() {
    let key = RustCrypto
        .generate_dh_private_key_and_parameters_with_rng(&mut TestRng(99), 2, 512)
        .unwrap();
    assert_eq!(key.key_size(), 512);
    let params = key.parameters().unwrap();
    let other = RustCrypto
        .generate_dh_private_key_with_rng(&mut TestRng(100), &*params)
        .unwrap();
    assert_eq!(
        key.exchange(&*other.public_key().unwrap()).unwrap(),
        other.exchange(&*key.public_key().unwrap()).unwrap()
    );
    let boxed: Box<dyn DhBackend> = Box::new(RustCrypto);
    assert_eq!(boxed.dh_capabilities(), RustCrypto.dh_capabilities());
    let _: RustCryptoDhParameters =
        RustCryptoDhParameters::from_numbers(&backend_dh::ffdhe2048()).unwrap();
}

#[test]
fn a_peer_checked_once_exchanges_like_the_trait_and_only_in_its_group() {
    let params = RustCryptoDhParameters::from_numbers(&backend_dh::ffdhe2048()).unwrap();
    let a = params
        .generate_private_key_unboxed(&mut TestRng(21))
        .unwrap();
    let b = params
        .generate_private_key_unboxed(&mut TestRng(22))
        .unwrap();
    let b_public = b.public_key().unwrap();
    let checked = a.check_peer(&*b_public).unwrap();
    assert_eq!(
        a.exchange_checked(&checked).unwrap(),
        a.exchange(&*b_public).unwrap()
    );
    // The same group loaded again is the same group.
    let again = RustCryptoDhParameters::from_numbers(&backend_dh::ffdhe2048()).unwrap();
    let c = again
        .generate_private_key_unboxed(&mut TestRng(23))
        .unwrap();
    c.exchange_checked(&checked).unwrap();
    // A peer checked for another group is refused.
    let other =
        RustCryptoDhParameters::from_numbers(&backend_dh::named_group("ffdhe3072").unwrap())
            .unwrap();
    let d = other
        .generate_private_key_unboxed(&mut TestRng(24))
        .unwrap();
    assert!(matches!(
        d.exchange_checked(&checked),
        Err(Error::InvalidKey(_))
    ));
    let minus_two = sub_one(&backend_dh::ffdhe2048().p, 2);
    assert!(
        a.check_peer(&Peer(DhPublicNumbers::new(
            &minus_two,
            backend_dh::ffdhe2048()
        )))
        .is_err()
    );
}

/// A generator stuck at zero.
struct Zeros;

impl backend_dh::rng::TryRng for Zeros {
    type Error = std::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(0)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(0)
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        dst.fill(0);
        Ok(())
    }
}

impl backend_dh::rng::TryCryptoRng for Zeros {}

#[test]
fn a_generator_stuck_at_zero_is_an_error_not_a_hang() {
    let params = RustCrypto
        .load_dh_parameter_numbers(&backend_dh::ffdhe2048())
        .unwrap();
    assert!(matches!(
        params.generate_private_key_with_rng(&mut Zeros),
        Err(Error::Device { .. })
    ));
}

#[test]
fn parameter_generation_with_a_generator_stuck_at_zero_ends() {
    // The stuck generator gives one candidate; whatever prime follows it, generation ends.
    let result = RustCrypto.generate_dh_parameters_with_rng(&mut Zeros, 5, 512);
    match result {
        Ok(params) => RustCrypto
            .load_dh_parameter_numbers(&params.parameter_numbers().unwrap())
            .map(|_| ())
            .unwrap(),
        Err(e) => assert!(matches!(e, Error::Device { .. }), "{e:?}"),
    }
}
