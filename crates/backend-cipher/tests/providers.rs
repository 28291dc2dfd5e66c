//! Providers as values: a boxed or borrowed dynamic provider serves code generic over the static
//! traits, the keyed AEAD's rows agree with its calls, and the AEAD query is enough to route a key
//! by its size to the first provider that has it.
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed

use backend_cipher::aead::{AesCcm, AesGcm, ChaCha20Poly1305, RustCryptoAeadKey};
use backend_cipher::capability::{AeadKind, Algorithm, Capability, Sizes, supports};
use backend_cipher::{
    AeadAlgorithm, AeadBackend, AeadKey, CipherAlgorithm, CipherBackend, CipherContext,
    EncryptionContext, Error, Mode, Output, Result, RustCrypto, aead_query,
};
// The twins by path, not imported: with both a static trait and its twin in scope, a method call
// on a value that implements both is ambiguous.
type DynCipherBackend = dyn backend_cipher::DynCipherBackend;
type DynAeadBackend = dyn backend_cipher::DynAeadBackend;
type DynAeadKey = dyn backend_cipher::DynAeadKey;

/// AES-GCM through any cipher provider: `ciphertext ‖ tag`.
fn seal_streaming<B: CipherBackend>(backend: &B, key: &[u8], msg: &[u8]) -> Result<Vec<u8>> {
    let mut ctx = backend
        .create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(key), &Mode::gcm(&[3; 12]))?;
    ctx.authenticate_additional_data(b"header")?;
    let mut out = ctx.update(msg)?;
    out.extend_from_slice(&ctx.finalize()?.tag.unwrap());
    Ok(out)
}

#[test]
fn a_cipher_provider_chosen_at_run_time_serves_generic_code() {
    let key = [9u8; 32];
    let expected = seal_streaming(&RustCrypto, &key, b"message").unwrap();
    let boxed: Box<DynCipherBackend> = Box::new(RustCrypto);
    assert_eq!(seal_streaming(&boxed, &key, b"message").unwrap(), expected);
    let borrowed: &DynCipherBackend = &RustCrypto;
    assert_eq!(
        seal_streaming(&borrowed, &key, b"message").unwrap(),
        expected
    );
    // The rows and answers come through unchanged.
    assert_eq!(
        CipherBackend::cipher_capabilities(&boxed),
        RustCrypto.cipher_capabilities()
    );
    let aes192 = CipherAlgorithm::Aes(&[1; 24]);
    assert!(CipherBackend::cipher_supported(&boxed, &aes192, &Mode::Ecb));
    assert!(!CipherBackend::cipher_supported(
        &borrowed,
        &CipherAlgorithm::Aes(&[1; 17]),
        &Mode::Ecb
    ));
    assert!(matches!(
        CipherBackend::create_symmetric_encryption_ctx(&boxed, &aes192, &Mode::Stream),
        Err(Error::Unsupported { .. })
    ));
}

/// Seals three messages under one key through any AEAD provider; opens them again.
fn seal_many<B: AeadBackend>(backend: &B, aead: AeadAlgorithm, key: &[u8]) -> Result<Vec<Vec<u8>>> {
    let key = backend.create_aead_key(aead, key)?;
    let mut sealed = Vec::new();
    for i in 0..3u8 {
        let nonce = [i; 12];
        let ct = key.encrypt(&nonce, &[i; 40], b"aad")?;
        assert_eq!(key.decrypt(&nonce, &ct, b"aad")?, [i; 40]);
        sealed.push(ct);
    }
    Ok(sealed)
}

const AEADS: [AeadAlgorithm; 3] = [
    AeadAlgorithm::AesGcm,
    AeadAlgorithm::AesCcm { tag_length: 10 },
    AeadAlgorithm::ChaCha20Poly1305,
];

#[test]
fn an_aead_provider_chosen_at_run_time_serves_generic_code() {
    let key = [5u8; 32];
    let boxed: Box<DynAeadBackend> = Box::new(RustCrypto);
    let borrowed: &DynAeadBackend = &RustCrypto;
    for aead in AEADS {
        let expected = seal_many(&RustCrypto, aead, &key).unwrap();
        assert_eq!(seal_many(&boxed, aead, &key).unwrap(), expected, "{aead:?}");
        assert_eq!(
            seal_many(&borrowed, aead, &key).unwrap(),
            expected,
            "{aead:?}"
        );
        assert_eq!(expected[0].len(), 40 + aead.tag_length());
    }
    assert_eq!(
        AeadBackend::aead_capabilities(&boxed),
        backend_cipher::rustcrypto::AEAD_CAPABILITIES
    );
    assert!(AeadBackend::aead_supported(
        &borrowed,
        AeadAlgorithm::AesGcm,
        24,
        None
    ));
    // A boxed key is a key, and says what it is.
    let key: Box<DynAeadKey> = boxed
        .create_aead_key(AeadAlgorithm::AesCcm { tag_length: 6 }, &[1; 16])
        .unwrap();
    assert_eq!(key.algorithm(), AeadAlgorithm::AesCcm { tag_length: 6 });
    assert_eq!(key.tag_length(), 6);
    let by_ref: &dyn AeadKey = &*key;
    assert_eq!(by_ref.encrypt(&[0; 13], b"", b"").unwrap().len(), 6);
}

/// A key of `len` bytes: 0, 1, 2, ...
fn key_of(len: usize) -> Vec<u8> {
    (0..len as u8).collect()
}

#[test]
fn aead_supported_agrees_with_create_for_every_key_and_tag_length() {
    let mut algorithms = vec![AeadAlgorithm::AesGcm, AeadAlgorithm::ChaCha20Poly1305];
    algorithms.extend((0..=20).map(|tag_length| AeadAlgorithm::AesCcm { tag_length }));
    let mut supported = 0;
    for aead in algorithms {
        for key_len in 0..=80 {
            let key = key_of(key_len);
            let answer = RustCrypto.aead_supported(aead, key_len, None);
            let created = RustCrypto.create_aead_key(aead, &key);
            assert_eq!(answer, created.is_ok(), "{aead:?} {key_len}-byte key");
            if let Err(e) = created {
                // Never Unsupported: RustCrypto has all three; what the rows refuse is an
                // argument the construction does not define.
                assert!(
                    matches!(e, Error::InvalidKey(_) | Error::InvalidArgument(_)),
                    "{aead:?} {key_len}: {e:?}"
                );
            }
            supported += usize::from(answer);
        }
    }
    // GCM 3 key sizes, ChaCha20-Poly1305 1, CCM 3 key sizes x 7 tag lengths.
    assert_eq!(supported, 3 + 1 + 21);
}

#[test]
fn aead_rows_name_the_nonce_lengths_the_keys_accept() {
    for (aead, key_len) in [
        (AeadAlgorithm::AesGcm, 16),
        (AeadAlgorithm::AesGcm, 32),
        (AeadAlgorithm::AesCcm { tag_length: 16 }, 24),
        (AeadAlgorithm::AesCcm { tag_length: 4 }, 16),
        (AeadAlgorithm::ChaCha20Poly1305, 32),
    ] {
        let key = RustCrypto.create_aead_key(aead, &key_of(key_len)).unwrap();
        for nonce_len in 0..=140 {
            let nonce = vec![0x6e; nonce_len];
            let answer = RustCrypto.aead_supported(aead, key_len, Some(nonce_len));
            let mut buffer = *b"some message";
            let sealed = key.encrypt_in_place_detached(&nonce, &mut buffer, b"aad");
            assert_eq!(answer, sealed.is_ok(), "{aead:?} nonce {nonce_len}");
            match sealed {
                Ok(tag) => {
                    key.decrypt_in_place_detached(&nonce, &mut buffer, b"aad", &tag)
                        .unwrap();
                    assert_eq!(&buffer, b"some message");
                }
                Err(e) => {
                    assert!(matches!(e, Error::InvalidArgument(_)), "{e:?}");
                    assert_eq!(&buffer, b"some message", "nothing written");
                    assert!(matches!(
                        key.decrypt_in_place_detached(&nonce, &mut buffer, b"aad", &[0; 16]),
                        Err(Error::InvalidArgument(_) | Error::InvalidTag)
                    ));
                }
            }
        }
    }
}

#[test]
fn the_provider_key_agrees_with_the_concrete_types() {
    let key = key_of(32);
    let nonce = [7u8; 13];
    let msg = b"one message, several keys";
    let cases: [(AeadAlgorithm, &[u8], Box<DynAeadKey>); 4] = [
        (
            AeadAlgorithm::AesGcm,
            &nonce[..12],
            Box::new(AesGcm::new(&key[..24]).unwrap()),
        ),
        (
            AeadAlgorithm::AesGcm,
            &nonce[..],
            Box::new(AesGcm::new(&key[..24]).unwrap()),
        ),
        (
            AeadAlgorithm::AesCcm { tag_length: 12 },
            &nonce[..],
            Box::new(AesCcm::new(&key[..24], 12).unwrap()),
        ),
        (
            AeadAlgorithm::ChaCha20Poly1305,
            &nonce[..12],
            Box::new(ChaCha20Poly1305::new(&key).unwrap()),
        ),
    ];
    for (aead, nonce, concrete) in cases {
        let key_len = if aead == AeadAlgorithm::ChaCha20Poly1305 {
            32
        } else {
            24
        };
        let provided: RustCryptoAeadKey =
            RustCrypto.create_aead_key(aead, &key[..key_len]).unwrap();
        assert_eq!(provided.algorithm(), aead);
        assert_eq!(concrete.algorithm(), aead);
        let sealed = provided.encrypt(nonce, msg, b"h").unwrap();
        assert_eq!(sealed, concrete.encrypt(nonce, msg, b"h").unwrap());
        assert_eq!(concrete.decrypt(nonce, &sealed, b"h").unwrap(), msg);
        assert_eq!(
            provided.decrypt(nonce, &sealed[..aead.tag_length() - 1], b"h"),
            Err(Error::InvalidTag)
        );
    }
}

#[test]
fn aead_keys_are_send_and_sync_and_debug_shows_no_secrets() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<RustCryptoAeadKey>();
    send_sync::<Box<DynAeadKey>>();
    send_sync::<Box<DynAeadBackend>>();
    let key = RustCrypto
        .create_aead_key(AeadAlgorithm::AesCcm { tag_length: 8 }, &[0xab; 16])
        .unwrap();
    assert_eq!(
        format!("{key:?}"),
        "RustCryptoAeadKey { AesCcm { tag_length: 8 }, .. }"
    );
}

// ---------------------------------------------------------------------------------------------
// Routing by the query: a provider that has AES-128-GCM only (its rows say so), listed first.

/// A partial provider: AES-128-GCM with 96-bit nonces, over RustCrypto.
struct Aes128GcmOnly;

const AES128_GCM_ONLY: &[Capability] = &[Capability::new(Algorithm::Aead(AeadKind::AesGcm))
    .key_bits(Sizes::exactly(128))
    .nonce_bytes(Sizes::exactly(12))
    .tag_bytes(Sizes::exactly(16))];

/// Its key: RustCrypto's, marked so the test can see who made it.
struct Marked(RustCryptoAeadKey);

impl AeadKey for Marked {
    fn algorithm(&self) -> AeadAlgorithm {
        self.0.algorithm()
    }
    fn encrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        aad: &[u8],
    ) -> Result<Output> {
        if nonce.len() != 12 {
            return Err(Error::InvalidArgument("96-bit nonces only"));
        }
        self.0.encrypt_in_place_detached(nonce, buffer, aad)
    }
    fn decrypt_in_place_detached(
        &self,
        nonce: &[u8],
        buffer: &mut [u8],
        aad: &[u8],
        tag: &[u8],
    ) -> Result<()> {
        if nonce.len() != 12 {
            return Err(Error::InvalidArgument("96-bit nonces only"));
        }
        self.0.decrypt_in_place_detached(nonce, buffer, aad, tag)
    }
}

impl AeadBackend for Aes128GcmOnly {
    type AeadKey = Marked;
    fn aead_capabilities(&self) -> &[Capability] {
        AES128_GCM_ONLY
    }
    fn create_aead_key(&self, aead: AeadAlgorithm, key: &[u8]) -> Result<Marked> {
        if !self.aead_supported(aead, key.len(), None) {
            return Err(Error::unsupported(
                backend_cipher::Reason::Cipher,
                aead.name(),
            ));
        }
        RustCrypto.create_aead_key(aead, key).map(Marked)
    }
}

/// The first provider whose rows accept the key: what a composition does with `aead_query`.
fn route(
    providers: &[&DynAeadBackend],
    aead: AeadAlgorithm,
    key: &[u8],
) -> Result<(usize, Box<DynAeadKey>)> {
    let query = aead_query(aead, key.len(), None);
    let (i, provider) = providers
        .iter()
        .enumerate()
        .find(|(_, p)| supports(p.aead_capabilities(), &query))
        .ok_or(Error::unsupported(
            backend_cipher::Reason::Cipher,
            aead.name(),
        ))?;
    Ok((i, provider.create_aead_key(aead, key)?))
}

#[test]
fn the_aead_query_routes_a_key_by_its_size() {
    let providers: [&DynAeadBackend; 2] = [&Aes128GcmOnly, &RustCrypto];
    let gcm = AeadAlgorithm::AesGcm;
    let (who, k128) = route(&providers, gcm, &[1; 16]).unwrap();
    assert_eq!(who, 0, "AES-128-GCM: the partial provider, listed first");
    let (who, k192) = route(&providers, gcm, &[1; 24]).unwrap();
    assert_eq!(who, 1, "AES-192-GCM falls through to RustCrypto");
    let (who, _) = route(&providers, AeadAlgorithm::ChaCha20Poly1305, &[1; 32]).unwrap();
    assert_eq!(who, 1);
    assert!(matches!(
        route(&providers, gcm, &[1; 17]),
        Err(Error::Unsupported { .. })
    ));
    // The key carries its implementation: the partial provider's key keeps its own limits.
    assert!(k128.encrypt(&[0; 12], b"m", b"").is_ok());
    assert!(matches!(
        k128.encrypt(&[0; 16], b"m", b""),
        Err(Error::InvalidArgument(_))
    ));
    assert!(k192.encrypt(&[0; 16], b"m", b"").is_ok());
    // The partial provider's own answers come from its rows.
    assert!(!Aes128GcmOnly.aead_supported(gcm, 16, Some(16)));
    assert!(Aes128GcmOnly.aead_supported(gcm, 16, Some(12)));
    assert!(matches!(
        Aes128GcmOnly.create_aead_key(gcm, &[1; 32]),
        Err(Error::Unsupported { .. })
    ));
}

#[test]
fn a_boxed_providers_contexts_and_keys_are_not_boxed_again() {
    use backend_cipher::{DecryptionContext, RustCryptoEncryptionContext};
    let single_ctx = core::mem::size_of::<RustCryptoEncryptionContext>();
    let single_key = core::mem::size_of::<RustCryptoAeadKey>();
    // The blanket impls of the twins also cover the boxed providers: through `&dyn` over a box,
    // contexts and keys come back one box deep.
    let boxed: Box<DynCipherBackend> = Box::new(RustCrypto);
    let again: &DynCipherBackend = &boxed;
    let (key, iv) = ([1u8; 16], [2u8; 16]);
    let cipher = CipherAlgorithm::Aes(&key);
    let ctx = again
        .create_symmetric_encryption_ctx(&cipher, &Mode::Cbc { iv: &iv })
        .unwrap();
    assert_eq!(core::mem::size_of_val(&*ctx), single_ctx);
    assert_eq!(
        core::mem::size_of_val(&*EncryptionContext::into_dyn(ctx)),
        single_ctx
    );
    let dec = again
        .create_symmetric_decryption_ctx(&cipher, &Mode::Cbc { iv: &iv })
        .unwrap();
    assert_eq!(
        core::mem::size_of_val(&*DecryptionContext::into_dyn(dec)),
        core::mem::size_of::<backend_cipher::RustCryptoDecryptionContext>()
    );

    let boxed: Box<DynAeadBackend> = Box::new(RustCrypto);
    let again: &DynAeadBackend = &boxed;
    let key = again
        .create_aead_key(AeadAlgorithm::AesGcm, &[3; 16])
        .unwrap();
    assert_ne!(single_key, core::mem::size_of::<Box<DynAeadKey>>());
    assert_eq!(core::mem::size_of_val(&*key), single_key);
    assert_eq!(core::mem::size_of_val(&*AeadKey::into_dyn(key)), single_key);
}
