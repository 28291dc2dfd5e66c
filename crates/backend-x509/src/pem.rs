//! PEM armour for certificates, CSRs and CRLs: the first block with one of the wanted labels,
//! RFC 1421 headers and text around blocks skipped (pyca reads `cryptography.io.with_headers.pem`
//! and `.with_garbage.pem`). Bounded by the input.

use alloc::vec::Vec;
use backend_core::{Error, Result};
use base64ct::{Base64, Encoding as _};

const BEGIN: &[u8] = b"-----BEGIN ";
const END: &[u8] = b"-----END ";
const DASHES: &[u8] = b"-----";

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Every block whose label is one of `labels`, decoded, in order. Blocks with other labels are
/// skipped.
pub(crate) fn blocks(data: &[u8], labels: &[&str]) -> Result<Vec<Vec<u8>>> {
    let mut rest = data;
    let mut out = Vec::new();
    while let Some(start) = position(rest, BEGIN) {
        let after_begin = rest.get(start + BEGIN.len()..).unwrap_or_default();
        let label_end = position(after_begin, DASHES)
            .ok_or(Error::Malformed("PEM: unterminated BEGIN line"))?;
        let label = &after_begin[..label_end];
        let body_and_rest = &after_begin[label_end + DASHES.len()..];
        let end_at = position(body_and_rest, END).ok_or(Error::Malformed("PEM: no END line"))?;
        let body = &body_and_rest[..end_at];
        let after_end = &body_and_rest[end_at + END.len()..];
        let end_label_len =
            position(after_end, DASHES).ok_or(Error::Malformed("PEM: unterminated END line"))?;
        if &after_end[..end_label_len] != label {
            return Err(Error::Malformed("PEM: END label differs from BEGIN label"));
        }
        rest = &after_end[end_label_len + DASHES.len()..];
        if labels.iter().any(|l| l.as_bytes() == label) {
            out.push(decode_body(body)?);
        }
    }
    Ok(out)
}

/// The first block with one of `labels`.
pub(crate) fn first(data: &[u8], labels: &[&str]) -> Result<Vec<u8>> {
    blocks(data, labels)?
        .into_iter()
        .next()
        .ok_or(Error::Malformed(
            "PEM: no block with a label this loader reads",
        ))
}

fn decode_body(body: &[u8]) -> Result<Vec<u8>> {
    let text = core::str::from_utf8(body).map_err(|_| Error::Malformed("PEM: body is not text"))?;
    let mut lines = text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .peekable();
    if lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    // RFC 1421 headers: `Name: value` lines, then a blank line.
    if lines.peek().is_some_and(|l| l.contains(':')) {
        for line in lines.by_ref() {
            if line.trim().is_empty() {
                break;
            }
        }
    }
    let mut b64 = Vec::with_capacity(body.len());
    for line in lines {
        b64.extend(line.bytes().filter(|b| !b.is_ascii_whitespace()));
    }
    let b64 = core::str::from_utf8(&b64).map_err(|_| Error::Malformed("PEM: bad base64"))?;
    Base64::decode_vec(b64).map_err(|_| Error::Malformed("PEM: bad base64"))
}

/// PEM text for `der` under `label`: 64-column lines, LF endings (what OpenSSL and pyca write).
pub(crate) fn encode(label: &str, der: &[u8]) -> Vec<u8> {
    let b64 = Base64::encode_string(der);
    let mut out = Vec::with_capacity(b64.len() + b64.len() / 64 + 2 * label.len() + 40);
    out.extend_from_slice(BEGIN);
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(DASHES);
    out.push(b'\n');
    for chunk in b64.as_bytes().chunks(64) {
        out.extend_from_slice(chunk);
        out.push(b'\n');
    }
    out.extend_from_slice(END);
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(DASHES);
    out.push(b'\n');
    out
}
