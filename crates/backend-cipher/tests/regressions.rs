//! Regression tests for issue #9 (bugs found by testing from outside): each test failed (or, for
//! the hex formatting, did not compile) before its fix. They use only the allocation-free API, so
//! a plain `cargo test -p backend-cipher` runs them; the comparisons with the allocating API run
//! with `--all-features`.
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed

use backend_cipher::aead::{AesCcm, AesGcm, ChaCha20Poly1305};
use backend_cipher::padding::Padding;
use backend_cipher::{
    AeadKey, CipherAlgorithm, CipherBackend, CipherContext, EncryptionContext, Error, Mode, Output,
    Result, RustCrypto,
};

// ---------------------------------------------------------------------------------------------
// Item 8: an unpadder must refuse a stream that is not a whole number of blocks (or is empty),
// even when its last block on its own is well padded.

/// Unpads `chunks` through `update_into` / `finalize_into`.
fn unpad(scheme: Padding, block_bits: usize, chunks: &[&[u8]]) -> Result<Vec<u8>> {
    let mut unpadder = scheme.unpadder(block_bits)?;
    let total: usize = chunks.iter().map(|c| c.len()).sum();
    let mut out = vec![0u8; total + block_bits / 8];
    let mut n = 0;
    for chunk in chunks {
        n += unpadder.update_into(chunk, &mut out[n..])?;
    }
    n += unpadder.finalize_into(&mut out[n..])?;
    out.truncate(n);
    Ok(out)
}

#[test]
fn unpadding_a_stream_that_is_not_whole_blocks_is_an_error() {
    let bad = Err(Error::InvalidArgument("invalid padding bytes"));
    for scheme in [Padding::Pkcs7, Padding::AnsiX923] {
        // 9 bytes over 8-byte blocks: the last 8 alone are a block padded with one byte.
        let nine = b"abcdefgh\x01";
        assert_eq!(unpad(scheme, 64, &[nine]), bad, "{scheme:?}");
        assert_eq!(unpad(scheme, 64, &[&nine[..1], &nine[1..]]), bad);
        assert_eq!(unpad(scheme, 64, &[&nine[..5], &nine[5..]]), bad);
        assert_eq!(unpad(scheme, 64, &[&nine[..8], &nine[8..]]), bad);
        // 17 and 33 bytes over 16-byte blocks, 4 over 3-byte blocks.
        let mut long = [0x41u8; 33];
        long[32] = 1;
        assert_eq!(unpad(scheme, 128, &[&long[16..]]), bad);
        assert_eq!(unpad(scheme, 128, &[&long]), bad);
        assert_eq!(unpad(scheme, 24, &[b"a\x00\x00\x01"]), bad);
        // Empty, with and without an empty update.
        assert_eq!(unpad(scheme, 64, &[]), bad);
        assert_eq!(unpad(scheme, 64, &[b""]), bad);
        // Whole blocks still unpad, whatever the chunking.
        assert_eq!(unpad(scheme, 64, &[&nine[1..]]).unwrap(), b"bcdefgh");
        assert_eq!(
            unpad(scheme, 64, &[b"abcdefgh", b"ijklmno\x01"]).unwrap(),
            b"abcdefghijklmno"
        );
        assert_eq!(
            unpad(scheme, 64, &[b"abc", b"defghijklm", b"no\x01"]).unwrap(),
            b"abcdefghijklmno"
        );
        assert_eq!(
            unpad(scheme, 24, &[b"a\x00\x00", b"\x01\x01\x01"]).unwrap(),
            b"a\x00\x00\x01\x01"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Item 9: a failed in-place decryption leaves the buffer exactly as given (the `ccm` crate zeroes
// it; `aes-gcm` and `chacha20poly1305` check first), for every one-shot AEAD.

/// Seals `msg` in place, then tries every kind of forgery: each must be `InvalidTag` and leave
/// the buffer as it was given; the right tag must then open it.
fn assert_failed_open_keeps_the_buffer(
    what: &str,
    seal: impl Fn(&mut [u8], &[u8]) -> Result<Output>,
    open: impl Fn(&mut [u8], &[u8], &[u8]) -> Result<()>,
) {
    let aad: &[u8] = b"associated data";
    for len in [0usize, 1, 15, 16, 17, 100] {
        let msg: Vec<u8> = (0..len).map(|i| i as u8 ^ 0xa5).collect();
        let mut buffer = msg.clone();
        let tag = seal(&mut buffer, aad).unwrap();
        let ciphertext = buffer.clone();

        let mut wrong_tag = tag.as_slice().to_vec();
        wrong_tag[0] ^= 1;
        assert_eq!(
            open(&mut buffer, aad, &wrong_tag),
            Err(Error::InvalidTag),
            "{what}"
        );
        assert_eq!(
            buffer, ciphertext,
            "{what}, {len} bytes: wrong tag changed the buffer"
        );

        let last = wrong_tag.len() - 1;
        wrong_tag[0] ^= 1;
        wrong_tag[last] ^= 0x80;
        assert_eq!(open(&mut buffer, aad, &wrong_tag), Err(Error::InvalidTag));
        assert_eq!(
            buffer, ciphertext,
            "{what}, {len} bytes: wrong last tag byte"
        );

        assert_eq!(
            open(&mut buffer, b"other data", tag.as_slice()),
            Err(Error::InvalidTag)
        );
        assert_eq!(
            buffer, ciphertext,
            "{what}, {len} bytes: wrong associated data"
        );

        assert_eq!(
            open(&mut buffer, aad, &tag.as_slice()[..last]),
            Err(Error::InvalidTag)
        );
        assert_eq!(buffer, ciphertext, "{what}, {len} bytes: short tag");

        if len > 0 {
            let mut tampered = ciphertext.clone();
            tampered[len / 2] ^= 4;
            let mut given = tampered.clone();
            assert_eq!(
                open(&mut given, aad, tag.as_slice()),
                Err(Error::InvalidTag)
            );
            assert_eq!(given, tampered, "{what}, {len} bytes: tampered ciphertext");
        }

        open(&mut buffer, aad, tag.as_slice()).unwrap();
        assert_eq!(buffer, msg, "{what}, {len} bytes: the right tag opens");
    }
}

#[test]
fn a_failed_in_place_decryption_leaves_the_ciphertext_in_the_buffer() {
    let key: Vec<u8> = (0..32).collect();
    for key_len in [16, 24, 32] {
        for tag_len in [4, 8, 10, 16] {
            for nonce_len in [7, 8, 11, 12, 13] {
                let ccm = AesCcm::new(&key[..key_len], tag_len).unwrap();
                let nonce = vec![0x3c; nonce_len];
                assert_failed_open_keeps_the_buffer(
                    &format!("AES-{}-CCM tag {tag_len} nonce {nonce_len}", key_len * 8),
                    |b, aad| ccm.encrypt_in_place_detached(&nonce, b, aad),
                    |b, aad, tag| ccm.decrypt_in_place_detached(&nonce, b, aad, tag),
                );
            }
        }
        let gcm = AesGcm::new(&key[..key_len]).unwrap();
        // 12 bytes: `aes-gcm`; the other lengths: the streaming GCM.
        for nonce_len in [8, 12, 16, 60] {
            let nonce = vec![0x5e; nonce_len];
            assert_failed_open_keeps_the_buffer(
                &format!("AES-{}-GCM nonce {nonce_len}", key_len * 8),
                |b, aad| gcm.encrypt_in_place_detached(&nonce, b, aad),
                |b, aad, tag| gcm.decrypt_in_place_detached(&nonce, b, aad, tag),
            );
        }
    }
    let chacha = ChaCha20Poly1305::new(&key).unwrap();
    assert_failed_open_keeps_the_buffer(
        "ChaCha20-Poly1305",
        |b, aad| chacha.encrypt_in_place_detached(&[7; 12], b, aad),
        |b, aad, tag| chacha.decrypt_in_place_detached(&[7; 12], b, aad, tag),
    );
}

// ---------------------------------------------------------------------------------------------
// Item 10: ChaCha20's block counter carries into the next word, as in OpenSSL and pyca (the 16
// bytes are a 64-bit little-endian counter, then an 8-byte nonce); the stream ends after block
// 2^64 - 1.

/// The key of every ChaCha20 case below: bytes 00 01 02 ... 1f.
fn chacha_key() -> Vec<u8> {
    (0..32).collect()
}

/// The message of every ChaCha20 case below: bytes 00 01 02 ..., `len` of them.
fn chacha_message(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 256) as u8).collect()
}

/// Encrypts `data` with ChaCha20 in `update_into` calls of the given sizes (the rest in one last
/// call), then finalizes.
fn chacha20(nonce: &[u8], data: &[u8], chunks: &[usize]) -> Result<Vec<u8>> {
    let key = chacha_key();
    let cipher = CipherAlgorithm::ChaCha20 { key: &key, nonce };
    let mut ctx = RustCrypto.create_symmetric_encryption_ctx(&cipher, &Mode::Stream)?;
    let mut out = vec![0u8; data.len()];
    let mut at = 0;
    for &size in chunks.iter().chain([&usize::MAX]) {
        let end = at + size.min(data.len() - at);
        at += ctx.update_into(&data[at..end], &mut out[at..end])?;
    }
    assert!(ctx.finalize()?.data.is_empty());
    Ok(out)
}

#[test]
fn chacha20_counter_carries_into_the_next_word_as_openssl_does() {
    // Produced with OpenSSL 3.0.19:
    //   python3 -c "import sys; sys.stdout.buffer.write(bytes(range(150)))" > m150.bin
    //   openssl enc -chacha20 -K 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f \
    //       -iv ffffffff000000004a00000000000000 -in m150.bin | xxd -p
    // Counter 0xFFFFFFFF: the first block, then the counter carries into the second word
    // (blocks 0x1_0000_0000 and 0x1_0000_0001).
    let nonce = hex::decode("ffffffff000000004a00000000000000").unwrap();
    let expected = hex::decode(
        "b663cd372109c5b37cdcb59025f3d2603a0f988c8d29c5ac45537ce5f81f942d\
         8f62a9aa7d9c7ee4ca2e2026370d65a666dfb1bed925d1b119402caf5b003dee\
         3f327ef8dc30bca0bbf49e080bb9adedc7943815a20ce776a130af69a7abf6c8\
         1779f72905a7c5272d8c55414995c81fec064aed1423eb980dd8b96d77277fee\
         2ba99bb7a1eb3e1d7a7a8a369e6a57e616aaa26abc1b",
    )
    .unwrap();
    let msg = chacha_message(150);
    for chunks in [&[][..], &[1, 63, 64], &[64, 64], &[100], &[7, 7, 7, 50, 80]] {
        assert_eq!(
            chacha20(&nonce, &msg, chunks).unwrap(),
            expected,
            "chunks {chunks:?}"
        );
    }
    // Eight blocks from 0xFFFFFFFE, so that the SIMD backends' parallel blocks straddle the carry.
    // Produced with
    //   python3 -c "import sys; sys.stdout.buffer.write(bytes(i % 256 for i in range(512)))" > m512.bin
    //   openssl enc -chacha20 -K 0001...1e1f -iv feffffff000000004a00000000000000 -in m512.bin | xxd -p
    let nonce8 = hex::decode("feffffff000000004a00000000000000").unwrap();
    let expected8 = hex::decode(
        "b5b2baacde81da2e668771557523f09595675410bc1143662b05695631d009ba\
         dba72e96858030e87705c423516b98a820721d6efc8e40eed368f7cb6ef890d8\
         f6238d77614985f33c9cf5d065b392207a4fd8cccd6985ec05133ca5b85fd46d\
         cf22e9ea3ddc3ea48a6e6066774d25e6269ff1fe996591f159006cef1b407dae\
         fff2be381cf07c607b345ec8cb796d2d0754f8d562cc27b661f06fa9676b3608\
         d7b937e9c56705e7ed4c9581895508df2cc68a2dd4e32b58cd1879adb7e7bf2e\
         6be9dbf7e1ab7e5d3a3aca76de2a17a656eae22afc5b85ecedb7997b13b5f2e9\
         1e38d87c13428fac148de99cb08c58f43f92f821c09e2cdb8ad2ca36f803f66d\
         f982af397646cf848d54d3c629a46437e28e9800619c9ff3b729204bf844083b\
         bce1a122a9c1c218f6a31172fd3f2d8d640a2cb8c04ed00f2c4a338e76f02971\
         777d231d7c0d0fe7487d1754c8318ffdc7b6d24bf1d274647d47de63a9fe5ff2\
         9e8b48704778f6f5434b36f4f82a0546c52787fae0fa83d3db0d94acf77264e4\
         0577ccc4a35c76d722a9b495ad52f5844d311acb963aad72dd3d6d843af738ea\
         30599902f7f8559aede89f6cadbff24338a5618d1d02e89a78e4d5983265a60e\
         67d86ee5ec87ab72c3c84fbb345ee6a4ea354e2fcd4f35afa9a5b0352d1b9711\
         0925fc464c5da370acde453305e8873d568861943ce49008d278c36a281f160d",
    )
    .unwrap();
    let msg8 = chacha_message(512);
    for chunks in [&[][..], &[1, 511], &[65, 64, 3], &[128, 256]] {
        assert_eq!(
            chacha20(&nonce8, &msg8, chunks).unwrap(),
            expected8,
            "chunks {chunks:?}"
        );
    }

    // Decryption is the same keystream.
    let key = chacha_key();
    let cipher = CipherAlgorithm::ChaCha20 {
        key: &key,
        nonce: &nonce,
    };
    let mut ctx = RustCrypto
        .create_symmetric_decryption_ctx(&cipher, &Mode::Stream)
        .unwrap();
    let mut plain = vec![0u8; 150];
    ctx.update_into(&expected, &mut plain).unwrap();
    assert_eq!(plain, msg);
}

#[test]
fn chacha20_runs_to_block_2_pow_64_minus_1_and_then_ends() {
    // Produced with OpenSSL 3.0.19, key and message as above (the first 128 bytes of m150.bin):
    //   openssl enc -chacha20 -K 0001...1e1f -iv feffffffffffffff0001020304050607 -in m150.bin \
    //       | head -c 128 | xxd -p
    // Counter 2^64 - 2, then 2^64 - 1 (both words 0xFFFFFFFF). OpenSSL would go on with block 0
    // (keystream reuse); here the stream ends.
    let nonce = hex::decode("feffffffffffffff0001020304050607").unwrap();
    let expected = hex::decode(
        "fa2c2050922feba797bb883f0fa089b1232655d96c95230a358284ae6ae00354\
         50e05dc51556f2cdec50ee7f88ce77392c564cd04703eba38b4fb39632d4b6c9\
         8594579b979cd65f2ce76f1945c4d469852a38ff28e2614ac19a68b526ec19c0\
         8c763b7812765cd07633bd3c3359c95712d1482752bddd8957145ecba3210bbc",
    )
    .unwrap();
    let msg = chacha_message(129);
    for chunks in [&[][..], &[1, 127], &[64], &[100]] {
        assert_eq!(
            chacha20(&nonce, &msg[..128], chunks).unwrap(),
            expected,
            "chunks {chunks:?}"
        );
    }
    let exhausted = Error::InvalidArgument("ChaCha20 counter space exhausted");
    assert_eq!(chacha20(&nonce, &msg, &[]), Err(exhausted));
    assert_eq!(chacha20(&nonce, &msg, &[128]), Err(exhausted));

    // Both words 0xFFFFFFFF from the start: one block, then the end. Produced with
    //   openssl enc -chacha20 -K 0001...1e1f -iv ffffffffffffffff0001020304050607 -in m150.bin \
    //       | head -c 64 | xxd -p
    let nonce = hex::decode("ffffffffffffffff0001020304050607").unwrap();
    let expected = hex::decode(
        "c5d417dbd7dc961f6ca72f5905849429c56a78bf68a2210a81da28f566ac5980\
         cc367b3852361c903673fd7c731989175291086712fd9dc917541e8be3614bfc",
    )
    .unwrap();
    assert_eq!(chacha20(&nonce, &msg[..64], &[]).unwrap(), expected);
    assert_eq!(chacha20(&nonce, &msg[..64], &[1, 62]).unwrap(), expected);
    assert_eq!(chacha20(&nonce, &msg[..65], &[]), Err(exhausted));

    // The error comes before anything is written, and the context stays at its position.
    let key = chacha_key();
    let cipher = CipherAlgorithm::ChaCha20 {
        key: &key,
        nonce: &nonce,
    };
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&cipher, &Mode::Stream)
        .unwrap();
    let mut out = [0u8; 65];
    assert_eq!(ctx.update_into(&msg[..65], &mut out), Err(exhausted));
    assert_eq!(out, [0u8; 65]);
    assert_eq!(ctx.update_into(&msg[..10], &mut out[..10]), Ok(10));
    assert_eq!(
        ctx.update_into(&msg[10..65], &mut out[10..65]),
        Err(exhausted)
    );
    assert_eq!(ctx.update_into(&msg[10..64], &mut out[10..64]), Ok(54));
    assert_eq!(out[..64], expected[..]);
    assert_eq!(
        ctx.update_into(&msg[64..65], &mut out[64..65]),
        Err(exhausted)
    );
    assert_eq!(ctx.update_into(&[], &mut []), Ok(0));
}

// ---------------------------------------------------------------------------------------------
// Item 17: one argument order in the one-shot AEAD API: nonce, data or buffer, associated data
// (then the tag). Message and associated data differ in content and length, and every method is
// checked against the upstream crate, so a swap anywhere fails.

const MESSAGE: &[u8] = b"the message: distinct from the associated data";
const ASSOCIATED: &[u8] = b"the associated data";

/// Checks the in-place methods (and with `alloc` the allocating ones) against a reference
/// `(ciphertext, tag)` computed by the upstream crate for `MESSAGE` and `ASSOCIATED`.
fn assert_argument_order(
    what: &str,
    reference: (Vec<u8>, Vec<u8>),
    encrypt_in_place: impl Fn(&mut [u8], &[u8]) -> Result<Output>,
    decrypt_in_place: impl Fn(&mut [u8], &[u8], &[u8]) -> Result<()>,
) {
    let (ciphertext, tag) = reference;
    let mut buffer = MESSAGE.to_vec();
    let got_tag = encrypt_in_place(&mut buffer, ASSOCIATED).unwrap();
    assert_eq!(buffer, ciphertext, "{what}: encrypt_in_place_detached");
    assert_eq!(
        got_tag.as_slice(),
        &tag[..],
        "{what}: encrypt_in_place_detached tag"
    );
    decrypt_in_place(&mut buffer, ASSOCIATED, &tag).unwrap();
    assert_eq!(buffer, MESSAGE, "{what}: decrypt_in_place_detached");
}

#[test]
fn one_shot_aead_methods_take_nonce_then_data_then_associated_data() {
    use aes_gcm::aead::{AeadInOut, KeyInit};

    let key: Vec<u8> = (100..132).collect();
    let nonce: Vec<u8> = (200..213).collect();
    let nonce12: [u8; 12] = nonce[..12].try_into().unwrap();
    let nonce13: [u8; 13] = nonce[..].try_into().unwrap();

    // AES-256-GCM, 12-byte nonce.
    let reference = aes_gcm::Aes256Gcm::new_from_slice(&key).unwrap();
    let mut ct = MESSAGE.to_vec();
    let tag = reference
        .encrypt_inout_detached(&nonce12.into(), ASSOCIATED, ct.as_mut_slice().into())
        .unwrap();
    let gcm_reference = (ct, tag.to_vec());
    let gcm = AesGcm::new(&key).unwrap();
    assert_argument_order(
        "AesGcm",
        gcm_reference.clone(),
        |b, aad| gcm.encrypt_in_place_detached(&nonce[..12], b, aad),
        |b, aad, tag| gcm.decrypt_in_place_detached(&nonce[..12], b, aad, tag),
    );

    // AES-128-CCM, 8-byte tag, 13-byte nonce.
    type Ccm = ccm::Ccm<aes::Aes128, ccm::consts::U8, ccm::consts::U13>;
    let reference = Ccm::new_from_slice(&key[..16]).unwrap();
    let mut ct = MESSAGE.to_vec();
    let tag = reference
        .encrypt_inout_detached(&nonce13.into(), ASSOCIATED, ct.as_mut_slice().into())
        .unwrap();
    let ccm_reference = (ct, tag.to_vec());
    let ccm = AesCcm::new(&key[..16], 8).unwrap();
    assert_argument_order(
        "AesCcm",
        ccm_reference.clone(),
        |b, aad| ccm.encrypt_in_place_detached(&nonce, b, aad),
        |b, aad, tag| ccm.decrypt_in_place_detached(&nonce, b, aad, tag),
    );

    // ChaCha20-Poly1305.
    let reference = chacha20poly1305::ChaCha20Poly1305::new_from_slice(&key).unwrap();
    let mut ct = MESSAGE.to_vec();
    let tag = reference
        .encrypt_inout_detached(&nonce12.into(), ASSOCIATED, ct.as_mut_slice().into())
        .unwrap();
    let chacha_reference = (ct, tag.to_vec());
    let chacha = ChaCha20Poly1305::new(&key).unwrap();
    assert_argument_order(
        "ChaCha20Poly1305",
        chacha_reference.clone(),
        |b, aad| chacha.encrypt_in_place_detached(&nonce[..12], b, aad),
        |b, aad, tag| chacha.decrypt_in_place_detached(&nonce[..12], b, aad, tag),
    );

    // The allocating forms: `ciphertext ‖ tag`, same order of arguments.
    #[cfg(feature = "alloc")]
    {
        let combined = |(ct, tag): (Vec<u8>, Vec<u8>)| [ct, tag].concat();
        let expected = combined(gcm_reference);
        assert_eq!(
            gcm.encrypt(&nonce[..12], MESSAGE, ASSOCIATED).unwrap(),
            expected
        );
        assert_eq!(
            gcm.decrypt(&nonce[..12], &expected, ASSOCIATED).unwrap(),
            MESSAGE
        );
        let expected = combined(ccm_reference);
        assert_eq!(ccm.encrypt(&nonce, MESSAGE, ASSOCIATED).unwrap(), expected);
        assert_eq!(ccm.decrypt(&nonce, &expected, ASSOCIATED).unwrap(), MESSAGE);
        let expected = combined(chacha_reference);
        assert_eq!(
            chacha.encrypt(&nonce[..12], MESSAGE, ASSOCIATED).unwrap(),
            expected
        );
        assert_eq!(
            chacha.decrypt(&nonce[..12], &expected, ASSOCIATED).unwrap(),
            MESSAGE
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Item 16: owned byte outputs format as hex. `Finalized` writes `data ‖ tag`; `Output` (tags,
// `DecryptionContext::finalize`) formats through backend-core.

#[test]
fn finalized_formats_as_hex_of_data_then_tag() {
    let key = [0x11u8; 32];
    // GCM: no data, a tag.
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&key), &Mode::gcm(&[0x22; 12]))
        .unwrap();
    ctx.update_into(b"abc", &mut [0u8; 3]).unwrap();
    let fin = ctx.finalize().unwrap();
    let tag = fin.tag.unwrap();
    assert!(fin.data.is_empty());
    assert_eq!(format!("{fin:x}"), hex::encode(tag.as_slice()));
    assert_eq!(format!("{fin:X}"), hex::encode_upper(tag.as_slice()));
    assert_eq!(format!("{tag:x}"), hex::encode(tag.as_slice()));

    // XTS: data held back for ciphertext stealing, no tag.
    let mut ctx = RustCrypto
        .create_symmetric_encryption_ctx(
            &CipherAlgorithm::Aes(&(0..64).collect::<Vec<u8>>()),
            &Mode::Xts { tweak: &[0; 16] },
        )
        .unwrap();
    let msg = [0x33u8; 40];
    let mut out = [0u8; 40];
    let n = ctx.update_into(&msg, &mut out).unwrap();
    let fin = ctx.finalize().unwrap();
    assert_eq!(n + fin.data.len(), 40);
    assert!(fin.tag.is_none() && !fin.data.is_empty());
    assert_eq!(format!("{fin:x}"), hex::encode(fin.data.as_slice()));
    assert_eq!(format!("{fin:X}"), hex::encode_upper(fin.data.as_slice()));

    // ECB: nothing at all.
    let ctx = RustCrypto
        .create_symmetric_encryption_ctx(&CipherAlgorithm::Aes(&key[..16]), &Mode::Ecb)
        .unwrap();
    assert_eq!(format!("{:x}", ctx.finalize().unwrap()), "");
}
