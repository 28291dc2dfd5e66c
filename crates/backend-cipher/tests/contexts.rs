//! The seed system's rules for cipher contexts, the supported-agrees-with-create property, and
//! bad input of every kind: an error, never a panic.

use backend_cipher::aead::{AesCcm, AesGcm, ChaCha20Poly1305};
use backend_cipher::capability::{Algorithm, Capability, CipherKind, ModeKind, Sizes};
use backend_cipher::padding::Padding;
use backend_cipher::registry::CipherRegistry;
use backend_cipher::{
    AeadKey, CipherAlgorithm, CipherBackend, CipherContext, DecryptionContext, EncryptionContext,
    Error, Finalized, Mode, Output, RustCrypto, cipher_query,
};
use proptest::prelude::*;

const KEY: [u8; 16] = [0x11; 16];
const IV: [u8; 16] = [0x22; 16];

fn aes() -> CipherAlgorithm<'static> {
    CipherAlgorithm::Aes(&KEY)
}

fn encrypt_all(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>, data: &[u8]) -> (Vec<u8>, Finalized) {
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(cipher, mode)
        .expect("context");
    let mut out = ctx.update(data).expect("update");
    let fin = ctx.finalize().expect("finalize");
    out.extend_from_slice(&fin.data);
    (out, fin)
}

#[test]
fn encryption_context_rejects_a_tag() {
    let mode = Mode::gcm_with_tag(&IV[..12], &[0; 16]);
    assert!(matches!(
        RustCrypto.create_symmetric_encryption_ctx(&aes(), &mode),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn decryption_with_no_tag_anywhere_is_an_error() {
    let ctx = RustCrypto
        .create_symmetric_decryption_ctx(&aes(), &Mode::gcm(&IV[..12]))
        .expect("context");
    assert!(matches!(ctx.finalize(), Err(Error::InvalidArgument(_))));
}

#[test]
fn a_tag_shorter_than_min_tag_length_is_an_error() {
    let short = Mode::gcm_with_tag(&IV[..12], &[0; 15]);
    assert!(matches!(
        RustCrypto.create_symmetric_decryption_ctx(&aes(), &short),
        Err(Error::InvalidArgument(_))
    ));
    let ctx = RustCrypto
        .create_symmetric_decryption_ctx(&aes(), &Mode::gcm(&IV[..12]))
        .expect("context");
    assert!(matches!(
        ctx.finalize_with_tag(&[0; 8]),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn min_tag_length_below_four_is_an_error() {
    let mode = Mode::Gcm {
        iv: &IV[..12],
        tag: None,
        min_tag_length: 3,
    };
    assert!(matches!(
        RustCrypto.create_symmetric_decryption_ctx(&aes(), &mode),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn a_truncated_tag_verifies_with_a_lower_min_tag_length() {
    let (ct, fin) = encrypt_all(&aes(), &Mode::gcm(&IV[..12]), b"message");
    let tag = fin.tag.expect("tag");
    let mode = Mode::Gcm {
        iv: &IV[..12],
        tag: Some(&tag[..4]),
        min_tag_length: 4,
    };
    let mut ctx = RustCrypto
        .create_symmetric_decryption_ctx(&aes(), &mode)
        .expect("context");
    assert_eq!(ctx.update(&ct).expect("update"), b"message");
    ctx.finalize().expect("tag prefix verifies");
}

#[test]
fn a_wrong_tag_is_the_invalid_tag_error() {
    let (ct, fin) = encrypt_all(&aes(), &Mode::gcm(&IV[..12]), b"message");
    let mut tag = fin.tag.expect("tag").to_vec();
    tag[3] ^= 1;
    let mut ctx = RustCrypto
        .create_symmetric_decryption_ctx(&aes(), &Mode::gcm_with_tag(&IV[..12], &tag))
        .expect("context");
    ctx.update(&ct).expect("update");
    assert_eq!(ctx.finalize(), Err(Error::InvalidTag));
}

#[test]
fn a_tag_in_the_mode_and_at_finalize_is_an_error() {
    let ctx = RustCrypto
        .create_symmetric_decryption_ctx(&aes(), &Mode::gcm_with_tag(&IV[..12], &[0; 16]))
        .expect("context");
    assert!(matches!(
        ctx.finalize_with_tag(&[0; 16]),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn additional_data_after_the_first_update_is_an_error() {
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&aes(), &Mode::gcm(&IV[..12]))
        .expect("context");
    ctx.authenticate_additional_data(b"header")
        .expect("before update");
    ctx.update(b"body").expect("update");
    assert!(matches!(
        ctx.authenticate_additional_data(b"late"),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn additional_data_in_a_mode_without_authentication_is_an_error() {
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&aes(), &Mode::Cbc { iv: &IV })
        .expect("context");
    assert!(ctx.authenticate_additional_data(b"x").is_err());
}

#[test]
fn finalize_with_tag_outside_aead_is_an_error() {
    let ctx = RustCrypto
        .create_symmetric_decryption_ctx(&aes(), &Mode::Ctr { nonce: &IV })
        .expect("context");
    assert!(ctx.finalize_with_tag(&[0; 16]).is_err());
}

#[test]
fn ecb_and_cbc_finalize_with_a_partial_block_is_an_error() {
    for mode in [Mode::Ecb, Mode::Cbc { iv: &IV }] {
        let mut ctx = RustCrypto
            .create_symmetric_encryption_ctx(&aes(), &mode)
            .expect("context");
        ctx.update(&[0; 17]).expect("update");
        assert!(matches!(ctx.finalize(), Err(Error::InvalidArgument(_))));
        let mut ctx = RustCrypto
            .create_symmetric_decryption_ctx(&aes(), &mode)
            .expect("context");
        ctx.update(&[0; 5]).expect("update");
        assert!(matches!(ctx.finalize(), Err(Error::InvalidArgument(_))));
    }
}

#[test]
fn update_into_a_buffer_too_small_is_an_error_and_processes_nothing() {
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&aes(), &Mode::Ctr { nonce: &IV })
        .expect("context");
    let mut small = [0u8; 4];
    assert_eq!(
        ctx.update_into(&[0; 5], &mut small),
        Err(Error::BufferTooSmall { needed: 5 })
    );
    let mut ctx2 = RustCrypto
        .create_symmetric_encryption_ctx(&aes(), &Mode::Ctr { nonce: &IV })
        .expect("context");
    assert_eq!(
        ctx.update(&[1; 5]).expect("update"),
        ctx2.update(&[1; 5]).expect("update")
    );
    // A block mode needs room only for whole blocks.
    let mut ecb = RustCrypto
        .create_symmetric_encryption_ctx(&aes(), &Mode::Ecb)
        .expect("context");
    assert_eq!(ecb.update_into(&[0; 15], &mut []), Ok(0));
    assert_eq!(
        ecb.update_into(&[0; 2], &mut small),
        Err(Error::BufferTooSmall { needed: 16 })
    );
}

#[test]
fn key_and_iv_lengths_are_checked() {
    let cases: [(CipherAlgorithm<'_>, Mode<'_>); 7] = [
        (CipherAlgorithm::Aes(&[0; 15]), Mode::Ecb),
        (CipherAlgorithm::Aes(&[0; 64]), Mode::Cbc { iv: &IV }),
        (aes(), Mode::Cbc { iv: &IV[..15] }),
        (aes(), Mode::Ctr { nonce: &IV[..12] }),
        (CipherAlgorithm::TripleDes(&[0; 24]), Mode::Cbc { iv: &IV }),
        (aes(), Mode::gcm(&IV[..7])),
        (aes(), Mode::gcm(&[0; 129])),
    ];
    for (cipher, mode) in cases {
        let result = RustCrypto.create_symmetric_encryption_ctx(&cipher, &mode);
        assert!(
            matches!(
                result,
                Err(Error::InvalidKey(_) | Error::InvalidArgument(_))
            ),
            "{cipher:?} {mode:?}"
        );
    }
    // GCM IVs from 8 to 128 bytes are accepted.
    for len in [8, 12, 16, 128] {
        let iv = vec![1u8; len];
        assert!(
            RustCrypto
                .create_symmetric_encryption_ctx(&aes(), &Mode::gcm(&iv))
                .is_ok()
        );
    }
}

#[test]
fn xts_key_halves_must_differ() {
    let key = [7u8; 32];
    assert!(matches!(
        RustCrypto.create_symmetric_encryption_ctx(
            &CipherAlgorithm::Aes(&key),
            &Mode::Xts { tweak: &IV }
        ),
        Err(Error::InvalidKey(_))
    ));
}

#[test]
fn xts_tweak_is_16_bytes_and_data_at_least_16() {
    let mut key = [7u8; 64];
    key[40] = 8;
    let cipher = CipherAlgorithm::Aes(&key);
    assert!(matches!(
        RustCrypto.create_symmetric_encryption_ctx(&cipher, &Mode::Xts { tweak: &IV[..8] }),
        Err(Error::InvalidArgument(_))
    ));
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&cipher, &Mode::Xts { tweak: &IV })
        .expect("context");
    ctx.update(&[0; 15]).expect("update");
    assert!(matches!(ctx.finalize(), Err(Error::InvalidArgument(_))));
    // XTS keys are two AES keys: 32 or 64 bytes in all, never one 16-byte key.
    assert!(
        RustCrypto
            .create_symmetric_encryption_ctx(
                &CipherAlgorithm::Aes(&[0; 16]),
                &Mode::Xts { tweak: &IV }
            )
            .is_err()
    );
}

#[test]
fn unsupported_pairs_are_the_unsupported_error() {
    let key24 = [3u8; 24];
    let chacha = CipherAlgorithm::ChaCha20 {
        key: &[0; 32],
        nonce: &[0; 16],
    };
    let cases = [
        (CipherAlgorithm::TripleDes(&key24), Mode::gcm(&IV[..12])),
        (chacha, Mode::Cbc { iv: &IV }),
        (aes(), Mode::Stream),
        (CipherAlgorithm::TripleDes(&key24), Mode::Xts { tweak: &IV }),
    ];
    for (cipher, mode) in cases {
        assert!(!RustCrypto.cipher_supported(&cipher, &mode));
        assert!(matches!(
            RustCrypto.create_symmetric_encryption_ctx(&cipher, &mode),
            Err(Error::Unsupported { .. })
        ));
        assert!(matches!(
            RustCrypto.create_symmetric_decryption_ctx(&cipher, &mode),
            Err(Error::Unsupported { .. })
        ));
    }
}

/// A key and IV of the right size for every supported pair, so that "supported" must mean "works".
fn valid_parameters(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> (Vec<u8>, Vec<u8>) {
    let key_len = match (cipher, mode) {
        (CipherAlgorithm::Aes(_), Mode::Xts { .. }) => 64,
        (CipherAlgorithm::Aes(_), _) => 32,
        (CipherAlgorithm::TripleDes(_), _) => 24,
        (CipherAlgorithm::ChaCha20 { .. }, _) => 32,
        _ => 16,
    };
    let key: Vec<u8> = (0..key_len as u8).collect();
    let iv_len = match mode {
        Mode::Gcm { .. } => 12,
        Mode::Stream => 16,
        _ => cipher.block_size(),
    };
    (key, vec![9u8; iv_len])
}

fn with_params<'a>(
    cipher: &CipherAlgorithm<'_>,
    mode: &Mode<'_>,
    key: &'a [u8],
    iv: &'a [u8],
) -> (CipherAlgorithm<'a>, Mode<'a>) {
    let cipher = match cipher {
        CipherAlgorithm::Aes(_) => CipherAlgorithm::Aes(key),
        CipherAlgorithm::TripleDes(_) => CipherAlgorithm::TripleDes(key),
        CipherAlgorithm::Camellia(_) => CipherAlgorithm::Camellia(key),
        CipherAlgorithm::Sm4(_) => CipherAlgorithm::Sm4(key),
        _ => CipherAlgorithm::ChaCha20 { key, nonce: iv },
    };
    let mode = match mode {
        Mode::Stream => Mode::Stream,
        Mode::Ecb => Mode::Ecb,
        Mode::Cbc { .. } => Mode::Cbc { iv },
        Mode::Ctr { .. } => Mode::Ctr { nonce: iv },
        Mode::Ofb { .. } => Mode::Ofb { iv },
        Mode::Cfb { .. } => Mode::Cfb { iv },
        Mode::Cfb8 { .. } => Mode::Cfb8 { iv },
        Mode::Xts { .. } => Mode::Xts { tweak: iv },
        _ => Mode::gcm(iv),
    };
    (cipher, mode)
}

const CIPHERS: [CipherAlgorithm<'static>; 5] = [
    CipherAlgorithm::Aes(&[]),
    CipherAlgorithm::TripleDes(&[]),
    CipherAlgorithm::Camellia(&[]),
    CipherAlgorithm::Sm4(&[]),
    CipherAlgorithm::ChaCha20 {
        key: &[],
        nonce: &[],
    },
];

/// True when a row of RustCrypto names the pair, whatever its sizes.
fn listed(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) -> bool {
    let algorithm = cipher_query(cipher, mode).algorithm;
    RustCrypto
        .cipher_capabilities()
        .iter()
        .any(|row| row.algorithm == algorithm)
}

/// Checks one call against the rows: supported ⇔ both create calls succeed; when unsupported,
/// `Error::Unsupported` exactly when no row names the pair, else an argument error.
fn assert_rows_agree(cipher: &CipherAlgorithm<'_>, mode: &Mode<'_>) {
    let supported = RustCrypto.cipher_supported(cipher, mode);
    let enc = RustCrypto.create_symmetric_encryption_ctx(cipher, mode);
    let dec = RustCrypto.create_symmetric_decryption_ctx(cipher, mode);
    let what = format!("{cipher:?} {} {mode:?}", cipher.key().len());
    if supported {
        assert!(enc.is_ok() && dec.is_ok(), "{what}: supported but refused");
    } else if listed(cipher, mode) {
        for e in [enc.err(), dec.err()] {
            assert!(
                matches!(e, Some(Error::InvalidKey(_) | Error::InvalidArgument(_))),
                "{what}: outside the rows but not an argument error: {e:?}"
            );
        }
    } else {
        assert!(
            matches!(enc, Err(Error::Unsupported { .. }))
                && matches!(dec, Err(Error::Unsupported { .. })),
            "{what}: unsupported but not the unsupported error"
        );
    }
}

#[test]
fn supported_agrees_with_create_for_every_pair_and_key_size() {
    // Every cipher with every mode and every key length up to 80 bytes (IVs valid for the mode):
    // the rows' key sizes are exactly the ones the calls accept.
    let mut supported = 0;
    for cipher in &CIPHERS {
        for mode in &Mode::ALL {
            let (_, iv) = valid_parameters(cipher, mode);
            for key_len in 0..=80u8 {
                let key: Vec<u8> = (0..key_len).collect();
                let (c, m) = with_params(cipher, mode, &key, &iv);
                assert_rows_agree(&c, &m);
                supported += usize::from(RustCrypto.cipher_supported(&c, &m));
            }
        }
    }
    // 6 AES modes x 3 sizes + XTS x 2 + GCM x 3; 3DES 5 x 3; Camellia 4 x 3; SM4 5; ChaCha20 1.
    assert_eq!(supported, 18 + 2 + 3 + 15 + 12 + 5 + 1);
}

#[test]
fn gcm_rows_name_the_iv_and_tag_lengths_the_calls_accept() {
    let key = [7u8; 16];
    let aes = CipherAlgorithm::Aes(&key);
    for iv_len in 0..=140 {
        let iv = vec![1u8; iv_len];
        assert_rows_agree(&aes, &Mode::gcm(&iv));
        assert_eq!(
            RustCrypto.cipher_supported(&aes, &Mode::gcm(&iv)),
            (8..=128).contains(&iv_len)
        );
    }
    let iv = [1u8; 12];
    for tag_len in 0..=20 {
        let tag = vec![2u8; tag_len];
        let mode = Mode::Gcm {
            iv: &iv,
            tag: Some(&tag),
            min_tag_length: 4,
        };
        assert_eq!(
            RustCrypto.cipher_supported(&aes, &mode),
            (4..=16).contains(&tag_len)
        );
        let dec = RustCrypto.create_symmetric_decryption_ctx(&aes, &mode);
        assert_eq!(dec.is_ok(), (4..=16).contains(&tag_len), "tag {tag_len}");
    }
    for min_tag_length in 0..=20 {
        let mode = Mode::Gcm {
            iv: &iv,
            tag: None,
            min_tag_length,
        };
        assert_rows_agree(&aes, &mode);
        // The query names the shortest tag the context may meet: min_tag_length, at most 16.
        assert_eq!(
            cipher_query(&aes, &mode).tag_bytes,
            Some(min_tag_length.min(16) as u32)
        );
    }
}

#[test]
fn rows_are_the_published_constant_and_every_row_is_offered() {
    assert_eq!(
        RustCrypto.cipher_capabilities(),
        backend_cipher::rustcrypto::CAPABILITIES
    );
    // No two rows name the same pair, and each row's smallest key size works.
    let rows = RustCrypto.cipher_capabilities();
    for (i, row) in rows.iter().enumerate() {
        assert!(
            rows[..i].iter().all(|r| r.algorithm != row.algorithm),
            "{row:?} twice"
        );
        let Algorithm::Cipher(kind, mode) = row.algorithm else {
            panic!("{row:?} is not a cipher row");
        };
        let (cipher, mode) = template(kind, mode);
        let key: Vec<u8> = (0..(row.key_bits.min() / 8) as u8).collect();
        let (_, iv) = valid_parameters(&cipher, &mode);
        let (c, m) = with_params(&cipher, &mode, &key, &iv);
        assert!(RustCrypto.cipher_supported(&c, &m), "{row:?}");
        assert!(
            RustCrypto.create_symmetric_encryption_ctx(&c, &m).is_ok(),
            "{row:?}"
        );
    }
}

/// The empty-parameter cipher and mode of a row's kinds.
fn template(kind: CipherKind, mode: ModeKind) -> (CipherAlgorithm<'static>, Mode<'static>) {
    let cipher = CIPHERS
        .into_iter()
        .find(|c| c.kind() == kind)
        .expect("a cipher of every kind");
    let mode = Mode::ALL
        .into_iter()
        .find(|m| m.kind() == mode)
        .expect("a mode of every kind");
    (cipher, mode)
}

#[test]
fn every_supported_pair_round_trips_in_chunks() {
    let data: Vec<u8> = (0..100u8).collect();
    for row in RustCrypto.cipher_capabilities() {
        let Algorithm::Cipher(kind, mode) = row.algorithm else {
            panic!("{row:?} is not a cipher row");
        };
        let (cipher, mode) = template(kind, mode);
        let (key, iv) = valid_parameters(&cipher, &mode);
        let (c, m) = with_params(&cipher, &mode, &key, &iv);
        let data = &data[..if matches!(m, Mode::Ecb | Mode::Cbc { .. }) {
            96
        } else {
            100
        }];
        let (ct, fin) = encrypt_all(&c, &m, data);
        let mut ctx = RustCrypto
            .create_symmetric_decryption_ctx(&c, &m)
            .expect("context");
        let mut pt = Vec::new();
        for chunk in ct.chunks(7) {
            pt.extend(ctx.update(chunk).expect("update"));
        }
        let last = match fin.tag {
            Some(tag) => ctx.finalize_with_tag(&tag),
            None => ctx.finalize(),
        };
        pt.extend_from_slice(&last.expect("finalize"));
        assert_eq!(pt, data, "{c:?} {m:?}");
    }
}

#[test]
fn contexts_hold_a_few_blocks_not_the_message() {
    // The largest context (AES-256 key schedules, GCM state) stays small whatever the stream.
    assert!(core::mem::size_of::<backend_cipher::RustCryptoEncryptionContext>() < 2048);
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&aes(), &Mode::gcm(&IV[..12]))
        .expect("context");
    let block = [0u8; 4096];
    let mut out = [0u8; 4096];
    for _ in 0..256 {
        assert_eq!(ctx.update_into(&block, &mut out), Ok(4096));
    }
    assert!(ctx.finalize().is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn streaming_gcm_agrees_with_aes_gcm(
        key_len in prop::sample::select(vec![16usize, 24, 32]),
        seed in any::<u8>(),
        aad in prop::collection::vec(any::<u8>(), 0..70),
        pt in prop::collection::vec(any::<u8>(), 0..300),
        split in 1usize..40,
    ) {
        use aes_gcm::aead::{Aead, KeyInit, Payload};
        let key: Vec<u8> = (0..key_len).map(|i| seed.wrapping_add(i as u8)).collect();
        let nonce = [seed; 12];
        let expected = match key_len {
            16 => aes_gcm::Aes128Gcm::new_from_slice(&key).unwrap().encrypt((&nonce).into(), Payload { msg: &pt, aad: &aad }),
            24 => aes_gcm::AesGcm::<aes_gcm::aes::Aes192, aes_gcm::aead::consts::U12>::new_from_slice(&key).unwrap().encrypt((&nonce).into(), Payload { msg: &pt, aad: &aad }),
            _ => aes_gcm::Aes256Gcm::new_from_slice(&key).unwrap().encrypt((&nonce).into(), Payload { msg: &pt, aad: &aad }),
        }.unwrap();
        let cipher = CipherAlgorithm::Aes(&key);
        let mut ctx = RustCrypto.create_symmetric_encryption_ctx(&cipher, &Mode::gcm(&nonce)).unwrap();
        for chunk in aad.chunks(split) {
            ctx.authenticate_additional_data(chunk).unwrap();
        }
        let mut out = Vec::new();
        for chunk in pt.chunks(split) {
            out.extend(ctx.update(chunk).unwrap());
        }
        out.extend_from_slice(&ctx.finalize().unwrap().tag.unwrap());
        prop_assert_eq!(&out, &expected);
        // And the one-shot type agrees too.
        let one_shot = AesGcm::new(&key).unwrap().encrypt(&nonce, &pt, &aad).unwrap();
        prop_assert_eq!(one_shot, expected);
    }

    #[test]
    fn random_ciphers_modes_lengths_and_call_orders_never_panic(
        cipher_index in 0usize..5,
        mode_index in 0usize..9,
        key_len in 0usize..70,
        iv_len in 0usize..40,
        tag_len in prop::option::of(0usize..20),
        min_tag in 0usize..20,
        calls in prop::collection::vec((0u8..5, 0usize..50, 0usize..60), 0..8),
        decrypting in any::<bool>(),
    ) {
        let key = vec![5u8; key_len];
        let mut key = key;
        if let Some(b) = key.last_mut() { *b = 6; }
        let iv = vec![7u8; iv_len];
        let tag = tag_len.map(|n| vec![1u8; n]);
        let cipher = match cipher_index {
            0 => CipherAlgorithm::Aes(&key),
            1 => CipherAlgorithm::TripleDes(&key),
            2 => CipherAlgorithm::Camellia(&key),
            3 => CipherAlgorithm::Sm4(&key),
            _ => CipherAlgorithm::ChaCha20 { key: &key, nonce: &iv },
        };
        let mode = match mode_index {
            8 => Mode::Gcm { iv: &iv, tag: tag.as_deref(), min_tag_length: min_tag },
            i => with_params(&CipherAlgorithm::Aes(&[]), &Mode::ALL[i], &[], &iv).1,
        };
        let supported = RustCrypto.cipher_supported(&cipher, &mode);
        if decrypting {
            match RustCrypto.create_symmetric_decryption_ctx(&cipher, &mode) {
                Ok(mut ctx) => {
                    prop_assert!(supported);
                    for (op, len, out_len) in &calls {
                        let data = vec![3u8; *len];
                        let mut out = vec![0u8; *out_len];
                        match op {
                            0 => { let _ = ctx.update(&data); }
                            1 => { let _ = ctx.update_into(&data, &mut out); }
                            _ => { let _ = ctx.authenticate_additional_data(&data); }
                        }
                    }
                    let _ = match &tag { Some(t) if calls.len() % 2 == 0 => ctx.finalize_with_tag(t), _ => ctx.finalize() };
                }
                Err(Error::Unsupported { .. }) => prop_assert!(!listed(&cipher, &mode)),
                Err(_) => prop_assert!(listed(&cipher, &mode)),
            }
        } else {
            match RustCrypto.create_symmetric_encryption_ctx(&cipher, &mode) {
                Ok(mut ctx) => {
                    prop_assert!(supported);
                    for (op, len, out_len) in &calls {
                        let data = vec![3u8; *len];
                        let mut out = vec![0u8; *out_len];
                        match op {
                            0 => { let _ = ctx.update(&data); }
                            1 => { let _ = ctx.update_into(&data, &mut out); }
                            _ => { let _ = ctx.authenticate_additional_data(&data); }
                        }
                    }
                    let _ = ctx.finalize();
                }
                Err(Error::Unsupported { .. }) => prop_assert!(!listed(&cipher, &mode)),
                Err(_) => prop_assert!(listed(&cipher, &mode)),
            }
        }
    }

    #[test]
    fn padding_round_trips_in_random_chunks(
        scheme in prop::sample::select(vec![Padding::Pkcs7, Padding::AnsiX923]),
        block_bytes in 1usize..=32,
        data in prop::collection::vec(any::<u8>(), 0..200),
        split in 1usize..50,
    ) {
        let mut padder = scheme.padder(block_bytes * 8).unwrap();
        let mut padded = Vec::new();
        for chunk in data.chunks(split) {
            padded.extend(padder.update(chunk).unwrap());
        }
        padded.extend(padder.finalize().unwrap());
        prop_assert_eq!(padded.len() % block_bytes, 0);
        prop_assert!(padded.len() > data.len());
        let mut unpadder = scheme.unpadder(block_bytes * 8).unwrap();
        let mut out = Vec::new();
        for chunk in padded.chunks(split) {
            out.extend(unpadder.update(chunk).unwrap());
        }
        out.extend(unpadder.finalize().unwrap());
        prop_assert_eq!(out, data);
    }

    #[test]
    fn unpadding_random_bytes_is_an_error_or_a_prefix(
        scheme in prop::sample::select(vec![Padding::Pkcs7, Padding::AnsiX923]),
        data in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut unpadder = scheme.unpadder(128).unwrap();
        let mut out = unpadder.update(&data).unwrap();
        match unpadder.finalize() {
            Ok(rest) => { out.extend(rest); prop_assert!(data.starts_with(&out)); }
            Err(e) => prop_assert!(matches!(e, Error::InvalidArgument(_))),
        }
    }
}

#[test]
fn pkcs7_and_x923_pad_as_the_seed_system_does() {
    let mut p = Padding::AnsiX923.padder(64).unwrap();
    let mut out = p.update(b"abc").unwrap();
    out.extend(p.finalize().unwrap());
    assert_eq!(out, b"abc\0\0\0\0\x05");
    let mut u = Padding::Pkcs7.unpadder(64).unwrap();
    assert!(u.update(b"abcdefg\x02").unwrap().is_empty());
    assert!(u.finalize().is_err(), "the byte before the last is not 2");
    assert!(Padding::Pkcs7.padder(7).is_err());
    assert!(Padding::Pkcs7.padder(2048).is_err());
}

#[test]
fn padder_update_into_a_buffer_too_small_is_an_error() {
    let mut p = Padding::Pkcs7.padder(128).unwrap();
    assert_eq!(
        p.update_into(&[0; 20], &mut [0; 8]),
        Err(Error::BufferTooSmall { needed: 16 })
    );
}

#[test]
fn one_shot_aeads_round_trip_and_refuse_a_wrong_tag() {
    let key = [4u8; 32];
    let ccm = AesCcm::new(&key[..16], 8).unwrap();
    let ct = ccm.encrypt(&[1; 13], b"data", b"aad").unwrap();
    assert_eq!(ct.len(), 12);
    assert_eq!(ccm.decrypt(&[1; 13], &ct, b"aad").unwrap(), b"data");
    assert_eq!(ccm.decrypt(&[1; 13], &ct, b"aax"), Err(Error::InvalidTag));
    assert!(AesCcm::new(&key[..16], 5).is_err());
    assert!(ccm.encrypt(&[1; 6], b"data", b"").is_err());

    let chacha = ChaCha20Poly1305::new(&key).unwrap();
    let mut ct = chacha.encrypt(&[2; 12], b"data", b"").unwrap();
    assert_eq!(chacha.decrypt(&[2; 12], &ct, b"").unwrap(), b"data");
    ct[0] ^= 1;
    assert_eq!(chacha.decrypt(&[2; 12], &ct, b""), Err(Error::InvalidTag));
    assert_eq!(
        chacha.decrypt(&[2; 12], &ct[..3], b""),
        Err(Error::InvalidTag)
    );
    assert!(ChaCha20Poly1305::new(&key[..16]).is_err());

    let gcm = AesGcm::new(&key).unwrap();
    for nonce_len in [8, 12, 16, 60] {
        let nonce = vec![3u8; nonce_len];
        let ct = gcm.encrypt(&nonce, b"data", b"h").unwrap();
        assert_eq!(gcm.decrypt(&nonce, &ct, b"h").unwrap(), b"data");
        assert_eq!(gcm.decrypt(&nonce, &ct, b"x"), Err(Error::InvalidTag));
        // The streaming context agrees for every nonce length.
        let (stream_ct, fin) = encrypt_all(&CipherAlgorithm::Aes(&key), &Mode::gcm(&nonce), b"");
        assert!(stream_ct.is_empty() && fin.tag.is_some());
    }
    assert!(gcm.encrypt(&[0; 7], b"", b"").is_err());
}

/// A toy adapter: "XOR with the key's first byte" for Camellia in CTR mode, a pair RustCrypto
/// lacks.
struct Xor;

struct XorCtx(u8);

impl CipherContext for XorCtx {
    fn output_len(&self, input_len: usize) -> usize {
        input_len
    }
    fn update_into(&mut self, data: &[u8], out: &mut [u8]) -> backend_cipher::Result<usize> {
        let out = out
            .get_mut(..data.len())
            .ok_or(Error::BufferTooSmall { needed: data.len() })?;
        out.iter_mut().zip(data).for_each(|(o, d)| *o = d ^ self.0);
        Ok(data.len())
    }
    fn authenticate_additional_data(&mut self, _: &[u8]) -> backend_cipher::Result<()> {
        Err(Error::InvalidArgument("not an AEAD"))
    }
}

impl EncryptionContext for XorCtx {
    fn finalize(self) -> backend_cipher::Result<Finalized> {
        Ok(Finalized {
            data: Output::from_slice(&[]).unwrap(),
            tag: None,
        })
    }
}

impl DecryptionContext for XorCtx {
    fn finalize(self) -> backend_cipher::Result<Output> {
        Ok(Output::from_slice(&[]).unwrap())
    }
    fn finalize_with_tag(self, _: &[u8]) -> backend_cipher::Result<Output> {
        Err(Error::InvalidArgument("not an AEAD"))
    }
}

impl CipherBackend for Xor {
    type EncryptionCtx = XorCtx;
    type DecryptionCtx = XorCtx;
    fn cipher_capabilities(&self) -> &[Capability] {
        const ROWS: &[Capability] =
            &[
                Capability::new(Algorithm::Cipher(CipherKind::Camellia, ModeKind::Ctr))
                    .key_bits(Sizes::exactly(128)),
            ];
        ROWS
    }
    fn create_symmetric_encryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        _: &Mode<'_>,
    ) -> backend_cipher::Result<XorCtx> {
        Ok(XorCtx(cipher.key().first().copied().unwrap_or(0)))
    }
    fn create_symmetric_decryption_ctx(
        &self,
        cipher: &CipherAlgorithm<'_>,
        _: &Mode<'_>,
    ) -> backend_cipher::Result<XorCtx> {
        Ok(XorCtx(cipher.key().first().copied().unwrap_or(0)))
    }
}

#[test]
fn a_registered_toy_adapter_becomes_supported() {
    let camellia = CipherAlgorithm::Camellia(&[0x0f; 16]);
    let ctr = Mode::Ctr { nonce: &IV };
    let mut registry = CipherRegistry::new();
    assert!(!registry.cipher_supported(&camellia, &ctr));
    assert!(matches!(
        registry.create_symmetric_encryption_ctx(&camellia, &ctr),
        Err(Error::Unsupported { .. })
    ));
    registry
        .register_cipher_adapter(
            CipherAlgorithm::Camellia(&[]),
            Mode::Ctr { nonce: &[] },
            Xor,
        )
        .unwrap();
    registry
        .register_cipher_adapter(CipherAlgorithm::Aes(&[]), Mode::Ecb, RustCrypto)
        .unwrap();
    assert!(registry.cipher_supported(&camellia, &ctr));
    let mut ctx = registry
        .create_symmetric_encryption_ctx(&camellia, &ctr)
        .unwrap();
    assert_eq!(ctx.update(&[0xf0, 0x00]).unwrap(), [0xff, 0x0f]);
    assert!(registry.cipher_supported(&aes(), &Mode::Ecb));
    assert!(!registry.cipher_supported(&aes(), &Mode::Cbc { iv: &IV }));
    // Each registration added its adapter's rows for the pair, sizes included.
    assert_eq!(
        registry.cipher_capabilities(),
        [
            Capability::new(Algorithm::Cipher(CipherKind::Camellia, ModeKind::Ctr))
                .key_bits(Sizes::exactly(128)),
            Capability::new(Algorithm::Cipher(CipherKind::Aes, ModeKind::Ecb))
                .key_bits(Sizes::range(128, 256, 64)),
        ]
    );
    assert!(!registry.cipher_supported(&CipherAlgorithm::Camellia(&[1; 32]), &ctr));
    assert!(!registry.cipher_supported(&CipherAlgorithm::Aes(&[1; 17]), &Mode::Ecb));
    // A pair registers once.
    assert!(
        registry
            .register_cipher_adapter(
                CipherAlgorithm::Camellia(&[]),
                Mode::Ctr { nonce: &[] },
                Xor
            )
            .is_err()
    );
}

#[test]
fn contexts_are_send_and_sync_and_debug_shows_no_secrets() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<backend_cipher::RustCryptoEncryptionContext>();
    send_sync::<backend_cipher::RustCryptoDecryptionContext>();
    send_sync::<CipherRegistry>();
    let key = [0xabu8; 16];
    let ctx = RustCrypto
        .create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&key), &Mode::Cbc { iv: &IV })
        .unwrap();
    assert_eq!(format!("{ctx:?}"), "RustCryptoEncryptionContext { .. }");
    assert_eq!(
        format!("{:?}", Mode::gcm_with_tag(&IV[..12], &[1; 16])),
        "GCM(12-byte IV, tag: Some(16) bytes, min_tag_length 16)"
    );
    assert!(!format!("{:?}", AesCcm::new(&key, 16).unwrap()).contains("ab"));
}
