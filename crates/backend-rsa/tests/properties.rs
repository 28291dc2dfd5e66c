//! Property tests: every `*_supported` answer agrees with the call it predicts, and no input
//! (random, truncated, oversized) makes a key panic.

mod common;

use backend_rsa::{
    AsymmetricPadding, Error, HashAlgorithm, MessageHash, Mgf, Oaep, Pss, RsaBackend,
    RsaPrivateKey, RsaPrivateNumbers, RsaPublicKey, RsaPublicNumbers, RustCrypto, SaltLength,
    capability, rsa_signature_query,
};
use common::{TestRng, key_2048};
use proptest::prelude::*;

fn hash() -> impl Strategy<Value = HashAlgorithm> {
    (0..HashAlgorithm::ALL.len()).prop_map(|i| HashAlgorithm::ALL[i])
}

fn salt() -> impl Strategy<Value = SaltLength> {
    prop_oneof![
        (0usize..300).prop_map(SaltLength::Explicit),
        // Lengths an attacker's algorithm identifier can carry: sums with them overflow.
        (usize::MAX - 300..=usize::MAX).prop_map(SaltLength::Explicit),
        Just(SaltLength::DigestLength),
        Just(SaltLength::Maximum),
        Just(SaltLength::Auto),
    ]
}

fn padding(label: &'static [u8]) -> impl Strategy<Value = AsymmetricPadding<'static>> {
    prop_oneof![
        Just(AsymmetricPadding::Pkcs1v15),
        (hash(), salt()).prop_map(|(h, salt_length)| AsymmetricPadding::Pss(Pss {
            mgf: Mgf::Mgf1(h),
            salt_length
        })),
        (hash(), hash()).prop_map(move |(h, m)| AsymmetricPadding::Oaep(Oaep {
            mgf: Mgf::Mgf1(m),
            hash: h,
            label
        })),
    ]
}

fn is_unsupported<T>(result: &Result<T, Error>) -> bool {
    matches!(result, Err(Error::Unsupported { .. }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Where `rsa_padding_supported` says yes, the padding works (or fails only for the key's
    /// size); where it says no, every use is `Unsupported`.
    #[test]
    fn padding_supported_agrees_with_use(padding in padding(b"label"), message_hash in hash()) {
        let key = key_2048();
        let public = key.to_public_key();
        let supported = RustCrypto.rsa_padding_supported(&padding);
        let pkcs1 = rsa_signature_query(&AsymmetricPadding::Pkcs1v15, Some(message_hash));
        let hash_ok = capability::supports(RustCrypto.rsa_capabilities(), &pkcs1);
        let used = match padding {
            AsymmetricPadding::Oaep(_) => {
                let c = public.encrypt(b"m", padding);
                let works = c.as_ref().is_ok_and(|c| key.decrypt(c, padding).is_ok_and(|m| &m[..] == b"m"));
                (is_unsupported(&c), works || matches!(c, Err(Error::InvalidArgument(_))))
            }
            _ => {
                let h = MessageHash::Hash(message_hash);
                let s = key.sign(b"m", padding, h);
                let auto_or_too_long = matches!(s, Err(Error::InvalidArgument(_)));
                let works = s.as_ref().is_ok_and(|s| public.verify(s, b"m", padding, h).is_ok());
                let unsupported = is_unsupported(&s);
                if !hash_ok {
                    prop_assert!(unsupported);
                    return Ok(());
                }
                (unsupported, works || auto_or_too_long)
            }
        };
        prop_assert_eq!(used, (!supported, supported));
    }

    /// `generate_rsa_parameters_supported` agrees with generation (sizes kept small enough to
    /// generate).
    #[test]
    fn generation_supported_agrees_with_generation(
        e in prop_oneof![Just(3u64), Just(65537u64), any::<u64>()],
        size in prop_oneof![0usize..1024, 1024usize..1040, 16385usize..20000],
    ) {
        let supported = RustCrypto.generate_rsa_parameters_supported(e, size);
        let result = RustCrypto.generate_rsa_private_key_with_rng(&mut TestRng(e ^ size as u64), e, size);
        prop_assert_eq!(result.is_ok(), supported);
        if let Ok(key) = result {
            prop_assert_eq!(key.key_size(), size);
        }
    }

    /// Random signatures, ciphertexts and digests of any length: errors, never panics.
    #[test]
    fn random_input_never_panics(
        data in proptest::collection::vec(any::<u8>(), 0..600),
        padding in padding(b""),
        message_hash in hash(),
        prehashed in any::<bool>(),
    ) {
        let key = key_2048();
        let public = key.to_public_key();
        let h = if prehashed { MessageHash::Prehashed(message_hash) } else { MessageHash::Hash(message_hash) };
        let _ = public.verify(&data, &data, padding, h);
        let _ = key.decrypt(&data, padding);
        let _ = public.recover_data_from_signature(&data, padding, Some(message_hash));
        let _ = public.encrypt(&data, padding);
        let _ = key.sign(&data, padding, h);
    }

    /// Random numbers: errors, never panics.
    #[test]
    fn random_numbers_never_panic(
        fields in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 8),
    ) {
        let numbers = RsaPrivateNumbers {
            p: fields[0].clone(),
            q: fields[1].clone(),
            d: fields[2].clone(),
            dmp1: fields[3].clone(),
            dmq1: fields[4].clone(),
            iqmp: fields[5].clone(),
            public_numbers: RsaPublicNumbers::new(&fields[6], &fields[7]),
        };
        let _ = RustCrypto.load_rsa_private_numbers(&numbers);
        let _ = RustCrypto.load_rsa_public_numbers(&numbers.public_numbers);
        let _ = backend_rsa::rsa_crt_iqmp(&fields[0], &fields[1]);
        let _ = backend_rsa::rsa_crt_dmp1(&fields[2], &fields[0]);
        let _ = backend_rsa::rsa_recover_prime_factors(&fields[7], &fields[6], &fields[2]);
    }
}

#[test]
fn truncated_and_mutated_signatures_fail() -> Result<(), Error> {
    let key = key_2048();
    let public = key.to_public_key();
    let sha256 = MessageHash::Hash(HashAlgorithm::Sha256);
    for padding in [
        AsymmetricPadding::Pkcs1v15,
        AsymmetricPadding::pss(HashAlgorithm::Sha256, SaltLength::Maximum),
    ] {
        let sig = key.sign(b"m", padding, sha256)?;
        for i in 0..sig.len() {
            let mut bad = sig.clone();
            bad[i] ^= 0x80;
            assert_eq!(
                public.verify(&bad, b"m", padding, sha256),
                Err(Error::InvalidSignature)
            );
            assert_eq!(
                public.verify(&sig[..i], b"m", padding, sha256),
                Err(Error::InvalidSignature)
            );
        }
    }
    Ok(())
}
