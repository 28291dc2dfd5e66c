//! A small DER walker over borrowed bytes: each element's tag, full encoding and contents, with
//! positions checked against the input. Everything is bounded by the input (the `der` crate
//! reads every length and refuses non-minimal ones).

use backend_core::{Error, Result};
use core::ops::Range;
use der::{Decode, Reader, SliceReader, Tag, Tagged, asn1::AnyRef};

/// A malformed-DER error with `what` naming the structure.
pub(crate) const fn bad(what: &'static str) -> Error {
    Error::Malformed(what)
}

/// One element: its tag, its whole encoding, its contents, and where the whole encoding sits in
/// the walker's input.
#[derive(Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub tag: Tag,
    pub full: &'a [u8],
    pub value: &'a [u8],
    pub range: (usize, usize),
}

impl Tlv<'_> {
    /// The whole encoding's position, offset by `base` (the walker input's own position).
    pub fn range_in(&self, base: usize) -> Result<Range<usize>> {
        let start = base
            .checked_add(self.range.0)
            .ok_or(bad("DER: offset overflow"))?;
        let end = base
            .checked_add(self.range.1)
            .ok_or(bad("DER: offset overflow"))?;
        Ok(start..end)
    }
}

/// Walks the elements of one input in order.
pub(crate) struct Walker<'a> {
    input: &'a [u8],
    reader: SliceReader<'a>,
    what: &'static str,
}

impl<'a> Walker<'a> {
    /// A walker over `input`; `what` is the error message of any decoding failure.
    pub fn new(input: &'a [u8], what: &'static str) -> Result<Self> {
        Ok(Walker {
            input,
            reader: SliceReader::new(input).map_err(|_| bad(what))?,
            what,
        })
    }

    /// A walker over the contents of `tlv`, which must have tag `tag`.
    pub fn enter(tlv: &Tlv<'a>, tag: Tag, what: &'static str) -> Result<Self> {
        if tlv.tag != tag {
            return Err(bad(what));
        }
        Walker::new(tlv.value, what)
    }

    fn position(&self) -> Result<usize> {
        usize::try_from(self.reader.position()).map_err(|_| bad(self.what))
    }

    /// The next element, whatever its tag.
    pub fn next(&mut self) -> Result<Tlv<'a>> {
        let start = self.position()?;
        let any = AnyRef::decode(&mut self.reader).map_err(|_| bad(self.what))?;
        let end = self.position()?;
        let full = self.input.get(start..end).ok_or(bad(self.what))?;
        Ok(Tlv {
            tag: any.tag(),
            full,
            value: any.value(),
            range: (start, end),
        })
    }

    /// The next element, which must have tag `tag`.
    pub fn expect(&mut self, tag: Tag) -> Result<Tlv<'a>> {
        let tlv = self.next()?;
        if tlv.tag != tag {
            return Err(bad(self.what));
        }
        Ok(tlv)
    }

    /// The next element if it has tag `tag`; nothing is consumed otherwise.
    pub fn optional(&mut self, tag: Tag) -> Result<Option<Tlv<'a>>> {
        match self.peek_tag() {
            Some(t) if t == tag => self.next().map(Some),
            _ => Ok(None),
        }
    }

    /// The tag of the next element, if there is one that decodes.
    pub fn peek_tag(&self) -> Option<Tag> {
        if self.is_finished() {
            return None;
        }
        Tag::peek(&self.reader).ok()
    }

    /// How many bytes are left to read.
    pub fn remaining(&self) -> usize {
        self.input
            .len()
            .saturating_sub(self.position().unwrap_or(self.input.len()))
    }

    /// Whether every byte has been read.
    pub fn is_finished(&self) -> bool {
        self.reader.is_finished()
    }

    /// An error unless every byte has been read (no trailing data).
    pub fn finish(&self) -> Result<()> {
        if self.is_finished() {
            Ok(())
        } else {
            Err(bad(self.what))
        }
    }
}

/// The single element `input` holds (trailing data is an error).
pub(crate) fn single<'a>(input: &'a [u8], what: &'static str) -> Result<Tlv<'a>> {
    let mut w = Walker::new(input, what)?;
    let tlv = w.next()?;
    w.finish()?;
    Ok(tlv)
}

/// Context-specific constructed tag `[n]` (EXPLICIT, or IMPLICIT over a SEQUENCE / SET).
pub(crate) fn context(n: u8, constructed: bool) -> Tag {
    Tag::ContextSpecific {
        constructed,
        number: der::TagNumber(u32::from(n)),
    }
}

/// Checks an INTEGER's contents are a minimal two's-complement encoding (what DER requires and
/// pyca's parser checks) and returns them.
pub(crate) fn integer(tlv: &Tlv<'_>, what: &'static str) -> Result<()> {
    if tlv.tag != Tag::Integer {
        return Err(bad(what));
    }
    match tlv.value {
        [] => Err(bad(what)),
        // A leading 0x00 is only allowed before a byte with the top bit set, a leading 0xff only
        // before one with the top bit clear: otherwise the encoding is not minimal.
        [0x00, next, ..] if *next < 0x80 => Err(bad(what)),
        [0xff, next, ..] if *next >= 0x80 => Err(bad(what)),
        _ => Ok(()),
    }
}

/// A small non-negative INTEGER (a version, a reason code), at most `u32`.
pub(crate) fn small_uint(tlv: &Tlv<'_>, what: &'static str) -> Result<u32> {
    integer(tlv, what)?;
    if tlv.value.first().is_some_and(|b| *b >= 0x80) {
        return Err(bad(what));
    }
    let digits = match tlv.value {
        [0x00, rest @ ..] => rest,
        all => all,
    };
    if digits.len() > 4 {
        return Err(bad(what));
    }
    // At most four bytes: the shifts cannot overflow a u32.
    Ok(digits
        .iter()
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
}

/// An OBJECT IDENTIFIER element.
pub(crate) fn oid(tlv: &Tlv<'_>, what: &'static str) -> Result<der::asn1::ObjectIdentifier> {
    if tlv.tag != Tag::ObjectIdentifier {
        return Err(bad(what));
    }
    der::asn1::ObjectIdentifier::from_bytes(tlv.value).map_err(|_| bad(what))
}

/// The contents of a BIT STRING that holds whole bytes (a signature, a key).
pub(crate) fn octet_bit_string<'a>(tlv: &Tlv<'a>, what: &'static str) -> Result<&'a [u8]> {
    if tlv.tag != Tag::BitString {
        return Err(bad(what));
    }
    match tlv.value {
        [0, rest @ ..] => Ok(rest),
        _ => Err(bad(what)),
    }
}

/// The universal tag number of `tag` when it is a universal tag that fits a byte.
pub(crate) fn universal_number(tag: Tag) -> Option<u8> {
    match tag {
        Tag::ContextSpecific { .. } | Tag::Application { .. } | Tag::Private { .. } => None,
        t => u8::try_from(t.number().value()).ok(),
    }
}
