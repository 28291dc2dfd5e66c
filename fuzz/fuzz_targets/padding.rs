//! PKCS #7 and ANSI X.923 padders and unpadders (`backend::cipher::padding`): any block size,
//! arbitrary chunking, output buffers too short, exact or longer; unpadding of arbitrary bytes.
//!
//! Asserts: a padder / unpadder exists ⇔ the block size is a multiple of 8 bits from 8 to 2040;
//! `update_into` writes exactly `output_len` bytes, a short buffer is `BufferTooSmall` with nothing
//! consumed; padding gives whole blocks with at least one pad byte; pad then unpad (chunked
//! differently) gives the data back; whatever the unpadder accepts is a whole number of blocks that
//! padding its output reproduces exactly (the padding is canonical).
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::Error;
use backend::cipher::padding::Padding;
use backend_fuzz::chunks;
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Input {
    scheme: Padding,
    block_size_bits: usize,
    pad_chunks: Vec<u8>,
    unpad_chunks: Vec<u8>,
    slack: Vec<i8>,
    /// Unpad this instead of the padded data.
    arbitrary_padded: Option<Vec<u8>>,
    data: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let scheme = if u.arbitrary()? {
            Padding::Pkcs7
        } else {
            Padding::AnsiX923
        };
        let block_size_bits = match u.int_in_range(0u8..=7)? {
            0..=2 => *u.choose(&[64, 128])?,
            3..=5 => 8 * u.int_in_range(1..=255)?,
            6 => *u.choose(&[0, 2048, 2040 + 4, 7, usize::MAX, usize::MAX - 7])?,
            _ => u.arbitrary()?,
        };
        Ok(Input {
            scheme,
            block_size_bits,
            pad_chunks: u.arbitrary()?,
            unpad_chunks: u.arbitrary()?,
            slack: u.arbitrary()?,
            arbitrary_padded: u.arbitrary()?,
            data: backend_fuzz::rest(u),
        })
    }
}

/// One `update_into` with a buffer `s` bytes off what is needed; returns the bytes written.
fn step(
    output_len: usize,
    s: i8,
    mut update: impl FnMut(&mut [u8]) -> backend::Result<usize>,
) -> Vec<u8> {
    let len = output_len.saturating_add_signed(isize::from(s));
    let mut buf = vec![0u8; len];
    match update(&mut buf) {
        Ok(n) => {
            assert!(len >= output_len, "wrote into a short buffer");
            assert_eq!(n, output_len, "wrote other than output_len");
            buf.truncate(n);
            buf
        }
        Err(Error::BufferTooSmall { needed }) => {
            assert!(
                len < output_len && needed == output_len,
                "BufferTooSmall {needed}, {len}"
            );
            let mut buf = vec![0u8; output_len];
            let n = update(&mut buf).expect("the same update with the right buffer");
            assert_eq!(n, output_len);
            buf
        }
        Err(e) => panic!("update_into: {e:?}"),
    }
}

fn pad(scheme: Padding, bits: usize, data: &[u8], sizes: &[u8], slack: &[i8]) -> Vec<u8> {
    let mut padder = scheme.padder(bits).expect("valid block size");
    let mut out = Vec::new();
    for (i, part) in chunks(data, sizes).into_iter().enumerate() {
        let s = slack.get(i).copied().unwrap_or(0);
        let need = padder.output_len(part.len());
        out.extend(step(need, s, |buf| padder.update_into(part, buf)));
    }
    let block = bits / 8;
    let short = slack.last().is_some_and(|&s| s < 0);
    if short {
        let mut buf = vec![0u8; block - 1];
        assert_eq!(
            padder.clone().finalize_into(&mut buf),
            Err(Error::BufferTooSmall { needed: block })
        );
    }
    let mut last = vec![0u8; block + 3];
    let n = padder.finalize_into(&mut last).expect("padder finalize");
    assert_eq!(n, block);
    out.extend_from_slice(&last[..n]);
    out
}

fn unpad(
    scheme: Padding,
    bits: usize,
    padded: &[u8],
    sizes: &[u8],
    slack: &[i8],
) -> backend::Result<Vec<u8>> {
    let mut unpadder = scheme.unpadder(bits).expect("valid block size");
    let mut out = Vec::new();
    for (i, part) in chunks(padded, sizes).into_iter().enumerate() {
        let s = slack.get(i).copied().unwrap_or(0);
        let need = unpadder.output_len(part.len());
        out.extend(step(need, s, |buf| unpadder.update_into(part, buf)));
    }
    let mut last = vec![0u8; bits / 8];
    let n = unpadder.finalize_into(&mut last)?;
    out.extend_from_slice(&last[..n]);
    Ok(out)
}

fuzz_target!(|input: Input| {
    let bits = input.block_size_bits;
    let valid = bits.is_multiple_of(8) && (8..=2040).contains(&bits);
    let padder = input.scheme.padder(bits);
    assert_eq!(padder.is_ok(), valid, "padder for {bits} bits");
    assert_eq!(
        input.scheme.unpadder(bits).is_ok(),
        valid,
        "unpadder for {bits} bits"
    );
    if !valid {
        assert!(matches!(padder, Err(Error::InvalidArgument(_))));
        return;
    }
    let block = bits / 8;

    let padded = pad(
        input.scheme,
        bits,
        &input.data,
        &input.pad_chunks,
        &input.slack,
    );
    assert_eq!(padded.len(), (input.data.len() / block + 1) * block);
    assert_eq!(padded[..input.data.len()], input.data[..]);
    let unpadded = unpad(
        input.scheme,
        bits,
        &padded,
        &input.unpad_chunks,
        &input.slack,
    )
    .expect("unpadding what was padded");
    assert_eq!(unpadded, input.data, "{:?} round trip", input.scheme);

    if let Some(arbitrary) = &input.arbitrary_padded
        && let Ok(data) = unpad(input.scheme, bits, arbitrary, &input.unpad_chunks, &[])
    {
        assert!(
            !arbitrary.is_empty() && arbitrary.len() % block == 0,
            "{:?} unpadder accepted {} bytes for {block}-byte blocks",
            input.scheme,
            arbitrary.len()
        );
        let again = pad(input.scheme, bits, &data, &input.pad_chunks, &[]);
        assert_eq!(
            &again, arbitrary,
            "{:?}: accepted padding is not canonical",
            input.scheme
        );
    }
});
