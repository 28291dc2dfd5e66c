//! X.509 times (RFC 5280 4.1.2.5): `UTCTime` `YYMMDDHHMMSSZ` (years 1950-2049) and
//! `GeneralizedTime` `YYYYMMDDHHMMSSZ`, both with seconds and `Z`, no fraction, as pyca reads them.
//! Parsed here rather than by `der`, whose `DateTime` starts in 1970 and would refuse the PKITS
//! certificates dated 1950.

use crate::der_util::{Tlv, bad};
use backend_core::Result;
use der::Tag;

/// Which ASN.1 type a time was encoded as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeKind {
    /// `UTCTime`: two-digit year.
    UtcTime,
    /// `GeneralizedTime`: four-digit year.
    GeneralizedTime,
}

/// A UTC date and time to the second (pyca's naive `datetime` in UTC), with the encoding it came
/// in. Ordered chronologically (the encoding last).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    /// Year (1950-2049 for `UTCTime`, 0-9999 otherwise).
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31.
    pub day: u8,
    /// Hour, 0-23.
    pub hour: u8,
    /// Minute, 0-59.
    pub minute: u8,
    /// Second, 0-59.
    pub second: u8,
    /// The encoding it was read from.
    pub kind: TimeKind,
}

impl core::fmt::Display for Time {
    /// ISO 8601, as Python's `datetime.isoformat()`: `2015-01-01T00:00:00`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

fn two(d: &[u8]) -> Option<u8> {
    match d {
        // Two ASCII digits: at most 99, no overflow.
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => Some((a - b'0') * 10 + (b - b'0')),
        _ => None,
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Time {
    /// Reads a `UTCTime` or `GeneralizedTime` element.
    pub(crate) fn from_tlv(tlv: &Tlv<'_>, what: &'static str) -> Result<Time> {
        let v = tlv.value;
        let (year, kind, rest) = match (tlv.tag, v.len()) {
            (Tag::UtcTime, 13) => {
                let yy = two(&v[0..2]).ok_or(bad(what))?;
                // RFC 5280: YY >= 50 is 19YY, YY < 50 is 20YY.
                let year = if yy >= 50 { 1900 } else { 2000 } + u16::from(yy);
                (year, TimeKind::UtcTime, &v[2..])
            }
            (Tag::GeneralizedTime, 15) => {
                let hi = two(&v[0..2]).ok_or(bad(what))?;
                let lo = two(&v[2..4]).ok_or(bad(what))?;
                // Both below 100: at most 9999.
                let year = u16::from(hi) * 100 + u16::from(lo);
                (year, TimeKind::GeneralizedTime, &v[4..])
            }
            _ => return Err(bad(what)),
        };
        // rest: MMDDHHMMSSZ, eleven bytes in both cases.
        if rest.len() != 11 || rest[10] != b'Z' {
            return Err(bad(what));
        }
        let f = |i: usize| two(&rest[i..i + 2]).ok_or(bad(what));
        let t = Time {
            year,
            month: f(0)?,
            day: f(2)?,
            hour: f(4)?,
            minute: f(6)?,
            second: f(8)?,
            kind,
        };
        if !(1..=12).contains(&t.month)
            || t.day == 0
            || t.day > days_in_month(t.year, t.month)
            || t.hour > 23
            || t.minute > 59
            || t.second > 59
        {
            return Err(bad(what));
        }
        Ok(t)
    }
}
