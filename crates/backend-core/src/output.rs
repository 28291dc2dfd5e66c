use core::fmt;
use core::ops::Deref;
use subtle::ConstantTimeEq;

/// A digest or MAC tag held inline, without allocation: up to [`Output::CAPACITY`] bytes.
///
/// Equality is constant-time, so comparing a computed tag with a received one leaks nothing of
/// where they differ.
#[derive(Clone, Copy)]
pub struct Output {
    bytes: [u8; Output::CAPACITY],
    len: u8,
}

impl Output {
    /// The largest output held inline: 64 bytes, the size of SHA-512 and BLAKE2b.
    pub const CAPACITY: usize = 64;

    /// Copies `bytes`; `None` when it is longer than [`Output::CAPACITY`].
    #[inline]
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let mut out = Output {
            bytes: [0; Output::CAPACITY],
            len: 0,
        };
        out.bytes.get_mut(..bytes.len())?.copy_from_slice(bytes);
        out.len = bytes.len() as u8;
        Some(out)
    }

    /// A zeroed output of `len` bytes for a producer to fill through [`Output::as_mut_slice`];
    /// `None` when `len` exceeds [`Output::CAPACITY`].
    #[inline]
    pub fn zeroed(len: usize) -> Option<Self> {
        (len <= Output::CAPACITY).then_some(Output {
            bytes: [0; Output::CAPACITY],
            len: len as u8,
        })
    }

    /// The bytes, mutably.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        &mut self.bytes[..usize::from(self.len)]
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// Constant-time comparison with `other` (any length; lengths are not secret).
    pub fn ct_eq(&self, other: &[u8]) -> bool {
        self.as_slice().ct_eq(other).into()
    }
}

impl Deref for Output {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for Output {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl PartialEq for Output {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other.as_slice())
    }
}

impl Eq for Output {}

impl PartialEq<[u8]> for Output {
    fn eq(&self, other: &[u8]) -> bool {
        self.ct_eq(other)
    }
}

impl fmt::Debug for Output {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Output(")?;
        crate::hex::write_lower(f, self.as_slice())?;
        f.write_str(")")
    }
}

crate::hex::impl_hex!(Output);

#[cfg(test)]
mod tests {
    use super::*;
    use std::format;

    #[test]
    fn holds_up_to_capacity() {
        assert!(Output::from_slice(&[7; 64]).is_some());
        assert!(Output::from_slice(&[7; 65]).is_none());
        assert!(Output::zeroed(65).is_none());
        let o = Output::from_slice(b"abc").unwrap();
        assert_eq!(&*o, b"abc");
        assert!(o.ct_eq(b"abc") && !o.ct_eq(b"abd") && !o.ct_eq(b"ab"));
        assert_eq!(format!("{o:?}"), "Output(616263)");
        assert_eq!(format!("{o:x}"), "616263");
        assert_eq!(format!("{o:X}"), "616263");
        assert_eq!(
            format!("{:x}", Output::from_slice(&[0xab, 0x01]).unwrap()),
            "ab01"
        );
        assert_eq!(
            format!("{:X}", Output::from_slice(&[0xab, 0x01]).unwrap()),
            "AB01"
        );
    }
}
