//! PEM armour (RFC 7468, with the RFC 1421 headers OpenSSL's traditional encrypted keys carry).
//!
//! Written here rather than taken from `pem-rfc7468`: that crate is strict RFC 7468 and refuses
//! the `Proc-Type` / `DEK-Info` headers, text before `-----BEGIN`, and CRLF mixtures that real key
//! files have. Everything is bounded by the input: no length is read from the data.

use alloc::vec::Vec;
use backend_core::{Error, Result};
use base64ct::{Base64, Encoding as _};
use zeroize::Zeroizing;

/// One PEM block: its label, its RFC 1421 headers, and the decoded contents.
pub(crate) struct Block<'a> {
    /// The label between `-----BEGIN ` and `-----`.
    pub label: &'a str,
    /// `Name: value` header lines before the blank line, in order.
    pub headers: Vec<(&'a str, &'a str)>,
    /// The base64 body, decoded (may hold a key in the clear: zeroized on drop).
    pub der: Zeroizing<Vec<u8>>,
}

impl Block<'_> {
    /// The value of header `name`, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    }
}

const BEGIN: &[u8] = b"-----BEGIN ";
const END: &[u8] = b"-----END ";
const DASHES: &[u8] = b"-----";

/// The first block whose label is one of `labels`; blocks with other labels (an `EC PARAMETERS`
/// block before an `EC PRIVATE KEY`, a certificate before a key) are skipped, as OpenSSL skips
/// them. Text before, between and after blocks is ignored.
pub(crate) fn find<'a>(data: &'a [u8], labels: &[&str]) -> Result<Block<'a>> {
    let mut rest = data;
    let mut saw_block = false;
    while let Some(start) = position(rest, BEGIN) {
        let after_begin = &rest[start + BEGIN.len()..];
        let label_end = position(after_begin, DASHES)
            .ok_or(Error::Malformed("PEM: unterminated BEGIN line"))?;
        let label = core::str::from_utf8(&after_begin[..label_end])
            .map_err(|_| Error::Malformed("PEM: label is not text"))?;
        if label.contains(['\n', '\r']) {
            return Err(Error::Malformed("PEM: unterminated BEGIN line"));
        }
        let body_and_rest = &after_begin[label_end + DASHES.len()..];
        let end_at = position(body_and_rest, END).ok_or(Error::Malformed("PEM: no END line"))?;
        let body = &body_and_rest[..end_at];
        let after_end = &body_and_rest[end_at + END.len()..];
        let end_label_len =
            position(after_end, DASHES).ok_or(Error::Malformed("PEM: unterminated END line"))?;
        if &after_end[..end_label_len] != label.as_bytes() {
            return Err(Error::Malformed("PEM: END label differs from BEGIN label"));
        }
        rest = &after_end[end_label_len + DASHES.len()..];
        saw_block = true;
        if labels.contains(&label) {
            return parse_body(label, body);
        }
    }
    Err(if saw_block {
        Error::Malformed("PEM: no block with a label this loader reads")
    } else {
        Error::Malformed("PEM: no -----BEGIN line")
    })
}

fn parse_body<'a>(label: &'a str, body: &'a [u8]) -> Result<Block<'a>> {
    let text = core::str::from_utf8(body).map_err(|_| Error::Malformed("PEM: body is not text"))?;
    let mut headers = Vec::new();
    let mut lines = text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .peekable();
    // The remainder of the BEGIN line is empty (the body starts after its `-----`).
    if lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    // RFC 1421 headers: `Name: value` lines, then one blank line.
    if lines.peek().is_some_and(|l| l.contains(':')) {
        for line in lines.by_ref() {
            if line.trim().is_empty() {
                break;
            }
            let (name, value) = line
                .split_once(':')
                .ok_or(Error::Malformed("PEM: header line without ':'"))?;
            headers.push((name.trim(), value.trim()));
        }
    }
    let mut b64: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(body.len()));
    for line in lines {
        b64.extend(line.bytes().filter(|b| !b.is_ascii_whitespace()));
    }
    let der = Base64::decode_vec(
        core::str::from_utf8(&b64).map_err(|_| Error::Malformed("PEM: bad base64"))?,
    )
    .map_err(|_| Error::Malformed("PEM: bad base64"))?;
    Ok(Block {
        label,
        headers,
        der: Zeroizing::new(der),
    })
}

/// PEM text for `der` under `label`: 64-column base64 lines, LF line endings.
pub(crate) fn encode(label: &str, headers: &[(&str, &str)], der: &[u8]) -> Zeroizing<Vec<u8>> {
    let b64 = Zeroizing::new(Base64::encode_string(der));
    let mut out = Zeroizing::new(Vec::with_capacity(b64.len() + b64.len() / 64 + 80));
    out.extend_from_slice(BEGIN);
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(DASHES);
    out.push(b'\n');
    for (name, value) in headers {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.push(b'\n');
    }
    if !headers.is_empty() {
        out.push(b'\n');
    }
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

fn position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_before_crlf_and_skipped_blocks() {
        let pem = b"Bag Attributes\r\n-----BEGIN EC PARAMETERS-----\r\nBggqhkjOPQMBBw==\r\n-----END EC PARAMETERS-----\r\n-----BEGIN PRIVATE KEY-----\r\nAAEC\r\n-----END PRIVATE KEY-----\r\n";
        let block = find(pem, &["PRIVATE KEY"]).unwrap();
        assert_eq!(block.label, "PRIVATE KEY");
        assert_eq!(&block.der[..], &[0, 1, 2]);
    }

    #[test]
    fn headers_are_read() {
        let pem = b"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAEC\n-----END RSA PRIVATE KEY-----\n";
        let block = find(pem, &["RSA PRIVATE KEY"]).unwrap();
        assert_eq!(block.header("proc-type"), Some("4,ENCRYPTED"));
        assert_eq!(block.header("DEK-Info"), Some("AES-128-CBC,00"));
    }

    #[test]
    fn malformed_armour_is_an_error() {
        for bad in [
            &b"---- NOT A KEY ----\n"[..],
            b"-----BEGIN PRIVATE KEY-----\nAAEC\n",
            b"-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PUBLIC KEY-----\n",
            b"-----BEGIN PRIVATE KEY-----\nAA!C\n-----END PRIVATE KEY-----\n",
            b"-----BEGIN PRIVATE KEY",
            b"-----BEGIN PUBLIC KEY-----\nAAEC\n-----END PUBLIC KEY-----\n",
        ] {
            assert!(matches!(
                find(bad, &["PRIVATE KEY"]),
                Err(Error::Malformed(_))
            ));
        }
    }

    #[test]
    fn encode_then_find() {
        let der: Vec<u8> = (0..=200u8).collect();
        let pem = encode("PUBLIC KEY", &[], &der);
        assert_eq!(&find(&pem, &["PUBLIC KEY"]).unwrap().der[..], &der[..]);
    }
}
