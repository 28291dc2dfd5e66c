//! The DER `Dss-Sig-Value` codec (`SEQUENCE { r INTEGER, s INTEGER }`, RFC 3279), shared by the
//! ECDSA and DSA families: pyca/cryptography's `encode_dss_signature` / `decode_dss_signature` on
//! big-endian magnitudes. Each family wraps it with its own integer type.
//!
//! ```
//! use backend_core::dss;
//!
//! let mut out = [0u8; 16];
//! let len = dss::encode_into(&[1], &[0x80], &mut out)?;
//! assert_eq!(out[..len], [0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02, 0x00, 0x80]);
//! assert_eq!(dss::decode(&out[..len])?, (&[1u8][..], &[0x80u8][..]));
//! # Ok::<(), backend_core::Error>(())
//! ```

use crate::{Error, Result};

/// The longest `r` or `s` the codec handles: 66 bytes (P-521); a signature is then at most
/// `3 + 2 * (3 + 66)` = 141 bytes, lengths in one byte.
pub const MAX_INTEGER_LEN: usize = 66;

/// The encoded length of a signature of these magnitudes (leading zeros are ignored).
pub fn encoded_len(r: &[u8], s: &[u8]) -> usize {
    let content = 2 + int_len(trimmed(r)) + 2 + int_len(trimmed(s));
    content + if content < 0x80 { 2 } else { 3 }
}

/// Encodes `(r, s)`, big-endian magnitudes (leading zeros allowed), as DER into `out`; returns the
/// length written. [`Error::InvalidArgument`] when an integer is longer than
/// [`MAX_INTEGER_LEN`] significant bytes, [`Error::BufferTooSmall`] when `out` is too short.
pub fn encode_into(r: &[u8], s: &[u8], out: &mut [u8]) -> Result<usize> {
    let (r, s) = (trimmed(r), trimmed(s));
    if r.len() > MAX_INTEGER_LEN || s.len() > MAX_INTEGER_LEN {
        return Err(Error::InvalidArgument(
            "DSS signature integer longer than 66 bytes",
        ));
    }
    let total = encoded_len(r, s);
    let out = out
        .get_mut(..total)
        .ok_or(Error::BufferTooSmall { needed: total })?;
    let content = total - if total - 2 < 0x80 { 2 } else { 3 };
    let mut at = 0;
    let mut push = |part: &[u8]| {
        // `out` is exactly `total` bytes long and the parts add up to `total`.
        if let Some(dst) = out.get_mut(at..at + part.len()) {
            dst.copy_from_slice(part);
        }
        at += part.len();
    };
    // `content` is at most 2 * (3 + 66) = 138 < 256: one length byte.
    if content < 0x80 {
        push(&[0x30, content as u8]);
    } else {
        push(&[0x30, 0x81, content as u8]);
    }
    for v in [r, s] {
        push(&[0x02, int_len(v) as u8]);
        match v.first() {
            // An INTEGER's content: the minimal bytes, a single 00 for zero ...
            None => push(&[0]),
            // ... and a 00 in front when the top bit is set, so it reads as positive.
            Some(&top) if top & 0x80 != 0 => {
                push(&[0]);
                push(v);
            }
            Some(_) => push(v),
        }
    }
    Ok(total)
}

/// Decodes a DER `Dss-Sig-Value` into the big-endian magnitudes of `(r, s)`, borrowed from `der`
/// (no sign byte; empty for zero).
///
/// Strict DER: definite minimal lengths (one length byte at most), minimal non-negative INTEGERs,
/// nothing after the SEQUENCE, each integer at most [`MAX_INTEGER_LEN`] bytes. Anything else is
/// [`Error::InvalidSignature`], never a panic.
pub fn decode(der: &[u8]) -> Result<(&[u8], &[u8])> {
    let (content, rest) = read_tlv(der, 0x30)?;
    if !rest.is_empty() {
        return Err(Error::InvalidSignature);
    }
    let (r, content) = read_tlv(content, 0x02)?;
    let (s, content) = read_tlv(content, 0x02)?;
    if !content.is_empty() {
        return Err(Error::InvalidSignature);
    }
    Ok((read_integer(r)?, read_integer(s)?))
}

fn trimmed(v: &[u8]) -> &[u8] {
    let first = v.iter().position(|&b| b != 0).unwrap_or(v.len());
    v.get(first..).unwrap_or_default()
}

/// The content length of the INTEGER holding the minimal magnitude `v`.
fn int_len(v: &[u8]) -> usize {
    match v.first() {
        None => 1,
        Some(&top) => v.len() + usize::from(top & 0x80 != 0),
    }
}

/// Reads one tag-length-value with the expected tag; returns the value and what follows.
fn read_tlv(input: &[u8], tag: u8) -> Result<(&[u8], &[u8])> {
    let (&found, rest) = input.split_first().ok_or(Error::InvalidSignature)?;
    if found != tag {
        return Err(Error::InvalidSignature);
    }
    let (&first, rest) = rest.split_first().ok_or(Error::InvalidSignature)?;
    let (len, rest) = match first {
        n if n < 0x80 => (usize::from(n), rest),
        0x81 => {
            let (&n, rest) = rest.split_first().ok_or(Error::InvalidSignature)?;
            // Long form for a length that fits the short form is not DER.
            if n < 0x80 {
                return Err(Error::InvalidSignature);
            }
            (usize::from(n), rest)
        }
        // No DSS signature of a supported size needs two length bytes; indefinite lengths (0x80)
        // are BER.
        _ => return Err(Error::InvalidSignature),
    };
    if rest.len() < len {
        return Err(Error::InvalidSignature);
    }
    Ok(rest.split_at(len))
}

/// The magnitude of a minimal non-negative INTEGER's content.
fn read_integer(value: &[u8]) -> Result<&[u8]> {
    let magnitude = match value {
        [] => return Err(Error::InvalidSignature),
        // Negative.
        [top, ..] if top & 0x80 != 0 => return Err(Error::InvalidSignature),
        // A leading zero that the next byte does not need.
        [0, next, ..] if next & 0x80 == 0 => return Err(Error::InvalidSignature),
        [0, rest @ ..] => rest,
        _ => value,
    };
    if magnitude.len() > MAX_INTEGER_LEN {
        return Err(Error::InvalidSignature);
    }
    Ok(magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_non_der() {
        let mut out = [0u8; 150];
        for (r, s) in [
            (&[][..], &[1u8][..]),
            (&[0x7f; 20][..], &[0x80; 32][..]),
            (&[0xff; 66][..], &[0xff; 66][..]),
        ] {
            let len = encode_into(r, s, &mut out).unwrap();
            assert_eq!(len, encoded_len(r, s));
            assert_eq!(decode(&out[..len]).unwrap(), (r, s));
            // Truncated, or with a trailing byte: rejected.
            assert!(decode(&out[..len - 1]).is_err());
            assert!(decode(&out[..len + 1]).is_err());
        }
        assert!(encode_into(&[1; 67], &[1], &mut out).is_err());
        assert!(encode_into(&[1; 20], &[1; 20], &mut out[..10]).is_err());
        // A negative integer, a non-minimal zero pad, a long-form short length.
        assert!(decode(&[0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01]).is_err());
        assert!(decode(&[0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01]).is_err());
        assert!(decode(&[0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]).is_err());
    }
}
