use crate::{EcInteger, Error, HashAlgorithm, MessageHash, Result};
use core::fmt;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// The ECDSA signature algorithm (pyca/cryptography's `ECDSA(algorithm, deterministic_signing)`):
/// what the data is (a message to hash, or a digest) and how the nonce is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ecdsa {
    /// The hash, and whether the data is the message or its digest.
    pub hash: MessageHash,
    /// True for RFC 6979 deterministic nonces: the same key, hash and message always give the same
    /// signature. False for a random nonce (hedged: the RustCrypto keys mix fresh randomness into
    /// the RFC 6979 generator). Verification ignores it.
    pub deterministic_signing: bool,
}

impl Ecdsa {
    /// ECDSA with a random nonce.
    pub const fn new(hash: MessageHash) -> Self {
        Ecdsa {
            hash,
            deterministic_signing: false,
        }
    }

    /// ECDSA with an RFC 6979 deterministic nonce.
    pub const fn deterministic(hash: MessageHash) -> Self {
        Ecdsa {
            hash,
            deterministic_signing: true,
        }
    }

    /// The hash algorithm, whichever side computes it.
    pub const fn algorithm(self) -> HashAlgorithm {
        self.hash.algorithm()
    }
}

impl From<HashAlgorithm> for Ecdsa {
    fn from(algorithm: HashAlgorithm) -> Self {
        Ecdsa::new(MessageHash::Hash(algorithm))
    }
}

impl From<MessageHash> for Ecdsa {
    fn from(hash: MessageHash) -> Self {
        Ecdsa::new(hash)
    }
}

/// Elliptic-curve Diffie-Hellman (pyca/cryptography's `ECDH()`): the shared secret is the x
/// coordinate of `d * Q`, as bytes of the curve's width.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Ecdh;

/// A DER-encoded ECDSA signature (`SEQUENCE { r INTEGER, s INTEGER }`, pyca/cryptography's format),
/// held inline: up to 141 bytes, the largest P-521 signature. `{:x}` / `{:X}` print it as hex.
///
/// Signing returns one; [`DerSignature::from_der`] (or `TryFrom<&[u8]>`) checks and holds one
/// received from elsewhere.
///
/// ```
/// use backend_ec::{DerSignature, EcInteger, encode_dss_signature};
///
/// let signature = encode_dss_signature(&EcInteger::from_u64(1), &EcInteger::from_u64(0x80))?;
/// assert_eq!(format!("{signature:x}"), "300702010102020080");
/// assert_eq!(DerSignature::from_der(&signature)?, signature);
/// assert!(DerSignature::try_from(&signature[..6]).is_err()); // truncated
/// # Ok::<(), backend_ec::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DerSignature {
    bytes: [u8; DerSignature::CAPACITY],
    len: u8,
}

impl DerSignature {
    /// The largest signature held: `30 81 L (02 43 00 r[66]) (02 43 00 s[66])`.
    pub const CAPACITY: usize = 3 + 2 * (2 + 1 + EcInteger::CAPACITY);

    /// Checks and copies a DER `Dss-Sig-Value` (`SEQUENCE { r INTEGER, s INTEGER }`): strict DER
    /// as [`decode_dss_signature`] reads it (minimal lengths and integers, nothing trailing), `r`
    /// and `s` positive, at most [`DerSignature::CAPACITY`] bytes.
    ///
    /// Errors: [`Error::InvalidArgument`] for an input longer than the capacity (checked first)
    /// or an `r` or `s` of zero; [`Error::Malformed`] for anything that is not such DER. Whether
    /// the integers are below a curve's order is for verification to decide.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        if der.len() > Self::CAPACITY {
            return Err(Error::InvalidArgument(
                "DER signature longer than DerSignature::CAPACITY (141 bytes)",
            ));
        }
        let (r, s) = decode_dss_signature(der)
            .map_err(|_| Error::Malformed("not a strict DER ECDSA signature (Dss-Sig-Value)"))?;
        if r.is_zero() || s.is_zero() {
            return Err(Error::InvalidArgument(
                "ECDSA signature r and s must be positive",
            ));
        }
        let mut out = DerSignature {
            bytes: [0; DerSignature::CAPACITY],
            len: 0,
        };
        out.push(der)?;
        Ok(out)
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }

    fn push(&mut self, part: &[u8]) -> Result<()> {
        let start = usize::from(self.len);
        let end = start + part.len();
        self.bytes
            .get_mut(start..end)
            .ok_or(Error::BufferTooSmall { needed: end })?
            .copy_from_slice(part);
        self.len = end as u8;
        Ok(())
    }
}

impl core::ops::Deref for DerSignature {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for DerSignature {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl TryFrom<&[u8]> for DerSignature {
    type Error = Error;

    /// [`DerSignature::from_der`].
    fn try_from(der: &[u8]) -> Result<Self> {
        DerSignature::from_der(der)
    }
}

impl fmt::Debug for DerSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DerSignature(")?;
        backend_core::hex::write_lower(f, self.as_slice())?;
        f.write_str(")")
    }
}

backend_core::hex::impl_hex!(DerSignature);

/// Encodes `(r, s)` as a DER DSS signature (pyca/cryptography's `encode_dss_signature`; the codec
/// is `backend_core::dss`, shared with the DSA family).
pub fn encode_dss_signature(r: &EcInteger, s: &EcInteger) -> Result<DerSignature> {
    let mut out = DerSignature {
        bytes: [0; DerSignature::CAPACITY],
        len: 0,
    };
    let len = backend_core::dss::encode_into(
        r.significant_bytes(),
        s.significant_bytes(),
        &mut out.bytes,
    )?;
    // At most DerSignature::CAPACITY = 141 bytes.
    out.len = len as u8;
    Ok(out)
}

/// Decodes a DER DSS signature into `(r, s)` (pyca/cryptography's `decode_dss_signature`).
///
/// Strict DER: definite minimal lengths, minimal non-negative INTEGERs, nothing after the
/// SEQUENCE. Anything else is [`Error::InvalidSignature`], never a panic.
pub fn decode_dss_signature(der: &[u8]) -> Result<(EcInteger, EcInteger)> {
    let (r, s) = backend_core::dss::decode(der)?;
    let int = |v: &[u8]| EcInteger::from_be_slice(v).map_err(|_| Error::InvalidSignature);
    Ok((int(r)?, int(s)?))
}

/// An ECDH shared secret, held inline (up to 66 bytes) and zeroized on drop. Equality is
/// constant-time. `Debug` shows only the length; `{:x}` / `{:X}` print the secret as hex, an
/// explicit request (for a test vector, a protocol transcript), never done by accident.
#[derive(Clone)]
pub struct SharedSecret {
    bytes: [u8; EcInteger::CAPACITY],
    len: u8,
}

impl SharedSecret {
    /// Copies `bytes`; [`Error::BufferTooSmall`] when longer than 66 bytes. For backends that
    /// compute the secret elsewhere (a device).
    pub fn from_slice(bytes: &[u8]) -> Result<Self> {
        let mut out = SharedSecret {
            bytes: [0; EcInteger::CAPACITY],
            len: 0,
        };
        out.bytes
            .get_mut(..bytes.len())
            .ok_or(Error::BufferTooSmall {
                needed: bytes.len(),
            })?
            .copy_from_slice(bytes);
        out.len = bytes.len() as u8;
        Ok(out)
    }

    /// The secret bytes.
    pub fn as_slice(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }
}

impl PartialEq for SharedSecret {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice().ct_eq(other.as_slice()).into()
    }
}

impl Eq for SharedSecret {}

impl Drop for SharedSecret {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

impl zeroize::ZeroizeOnDrop for SharedSecret {}

impl core::ops::Deref for SharedSecret {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl AsRef<[u8]> for SharedSecret {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl fmt::Debug for SharedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedSecret({} bytes)", self.len)
    }
}

backend_core::hex::impl_hex!(SharedSecret);
