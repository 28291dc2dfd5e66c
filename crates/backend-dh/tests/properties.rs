//! `*_supported` against the calls: `dh_parameters_supported(p, g, q)` is exactly whether
//! `load_dh_parameter_numbers` accepts the numbers, and `generate_dh_parameters_supported` is
//! exactly whether generation accepts its arguments.

mod common;

use backend_dh::{DhBackend, DhParameters, Error, RustCrypto};
use common::{TestRng, generated_512};
use proptest::prelude::*;

/// Moduli worth trying: recognised groups, a generated safe prime, its neighbours, random odd and
/// even values of several sizes (short ones too).
fn modulus() -> impl Strategy<Value = Vec<u8>> {
    let named = prop::sample::select(vec!["ffdhe2048", "modp_1536", "dh_1024_160", "dh_2048_256"])
        .prop_map(|name| backend_dh::named_group(name).expect("group").p);
    let generated = Just(generated_512(2).parameter_numbers().expect("numbers").p);
    let random = prop::collection::vec(any::<u8>(), 0..80);
    let odd_512 = prop::collection::vec(any::<u8>(), 64).prop_map(|mut v| {
        v[0] |= 0x80;
        v[63] |= 1;
        v
    });
    prop_oneof![named, generated, random, odd_512]
}

fn subgroup_order() -> impl Strategy<Value = Option<Vec<u8>>> {
    let rfc5114 = prop::sample::select(vec!["dh_1024_160", "dh_2048_256"])
        .prop_map(|name| backend_dh::named_group(name).expect("group").q);
    prop_oneof![
        Just(None),
        rfc5114,
        prop::collection::vec(any::<u8>(), 1..30).prop_map(Some)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn parameters_supported_is_the_loaders_answer(
        p in modulus(),
        g in prop_oneof![(0u8..8).prop_map(|g| vec![g]), prop::collection::vec(any::<u8>(), 0..70)],
        q in subgroup_order(),
    ) {
        let supported = RustCrypto.dh_parameters_supported(&p, &g, q.as_deref());
        let numbers = backend_dh::DhParameterNumbers::new(&p, &g, q.as_deref());
        let loaded = RustCrypto.load_dh_parameter_numbers(&numbers);
        prop_assert_eq!(supported, loaded.is_ok());
        if let Err(e) = loaded {
            let typed = matches!(e, Error::InvalidArgument(_) | Error::Unsupported { .. });
            prop_assert!(typed, "{e:?}");
        }
    }
}

#[test]
fn generation_supported_is_the_generators_answer() {
    for generator in 0..8u64 {
        for key_size in [0usize, 1, 256, 511, 512, 2048, 8192, 8193, usize::MAX] {
            let supported = RustCrypto.generate_dh_parameters_supported(generator, key_size);
            assert_eq!(
                supported,
                (generator == 2 || generator == 5) && (512..=8192).contains(&key_size),
                "{generator}, {key_size}"
            );
            if !supported {
                assert!(matches!(
                    RustCrypto.generate_dh_parameters_with_rng(
                        &mut TestRng(0),
                        generator,
                        key_size
                    ),
                    Err(Error::InvalidArgument(_))
                ));
            } else if key_size == 512 {
                // Larger sizes take seconds to minutes: the bench runs them.
                let params = RustCrypto
                    .generate_dh_parameters_with_rng(&mut TestRng(generator), generator, key_size)
                    .expect("generation the rows offer");
                assert_eq!(params.key_size(), 512);
            }
        }
    }
}
