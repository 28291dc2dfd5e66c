use core::fmt;

/// The result type of every fallible call in the `backend` crates.
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// The one error type of the `backend` crates.
///
/// Each Python exception of the seed interfaces maps to one variant (`docs/errors.md` has the table).
/// Errors about secrets say only *that* a check failed: a failed tag or signature check carries no
/// detail that could help an attacker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The backend does not implement this algorithm or parameter set (`UnsupportedAlgorithm`).
    Unsupported {
        /// Which kind of algorithm is missing.
        reason: Reason,
        /// The algorithm's name, as the descriptor's `name()` gives it.
        name: &'static str,
    },
    /// An argument is malformed or out of range (`ValueError`, `TypeError`); says which rule failed.
    InvalidArgument(&'static str),
    /// Key material has the wrong size or form, or a derived key does not match (`InvalidKey`).
    InvalidKey(&'static str),
    /// A signature or MAC did not verify (`InvalidSignature`).
    InvalidSignature,
    /// An AEAD tag did not verify; no plaintext is released (`InvalidTag`).
    InvalidTag,
    /// An asymmetric decryption failed: the ciphertext is not a valid encryption under this key
    /// and padding (pyca's `ValueError("Decryption failed")`). Distinct from
    /// [`Error::InvalidArgument`] so a caller can tell a bad ciphertext from a wrong call; it says
    /// nothing of *why* the ciphertext was refused (that would be a padding oracle).
    Decryption,
    /// The context was already finalized (`AlreadyFinalized`). Contexts whose `finalize` consumes
    /// them cannot produce it; it remains for state that types cannot track (a key on a device).
    AlreadyFinalized,
    /// An output buffer is shorter than the call needs.
    BufferTooSmall {
        /// The number of bytes the call needs to write.
        needed: usize,
    },
    /// The key's material cannot leave the device or service that holds it: `private_numbers` /
    /// `private_bytes` of an HSM or KMS key (seed 004, where the Python key class raises).
    KeyNotExportable,
    /// A device, token or remote service failed: `what` says what failed (never a secret), `code`
    /// carries the device's own number for it (a PKCS#11 `CKR_*` value, an HTTP status).
    Device {
        /// What failed.
        what: &'static str,
        /// The device's code for the failure, when it gave one.
        code: DeviceCode,
    },
    /// An encoding is malformed: truncated or trailing DER, bad PEM armour or base64, a length that
    /// does not fit. Distinct from [`Error::InvalidArgument`] (a well-formed value that breaks a
    /// rule) and from [`Error::Unsupported`] (a well-formed encoding of something not offered).
    Malformed(&'static str),
    /// A key file's password was missing, not expected, or wrong (pyca's `TypeError` for the
    /// first two, `ValueError` for the third): three cases a caller handles differently (ask for
    /// a password, drop the one given, ask again).
    Password(PasswordError),
}

/// What was wrong with the password given for a key file ([`Error::Password`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PasswordError {
    /// The key is encrypted and no password was given.
    Missing,
    /// A password was given for a key that is not encrypted.
    NotEncrypted,
    /// The password does not decrypt the key (or the encrypted key is corrupt: the two cannot be
    /// told apart without a MAC, and saying which would be an oracle).
    Incorrect,
}

/// The number a device or service gave for a failure, kept beside [`Error::Device`]'s text so
/// a caller can act on it (retry on a throttling status, re-login on `CKR_USER_NOT_LOGGED_IN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeviceCode {
    /// The device gave no code.
    None,
    /// A PKCS#11 return value (`CK_RV`, a `CKR_*` constant).
    Pkcs11(u64),
    /// An HTTP status of a remote service (a cloud KMS).
    Http(u16),
}

/// The kind of algorithm an [`Error::Unsupported`] is about; mirrors the reasons of the seed
/// system's `UnsupportedAlgorithm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// A hash function.
    Hash,
    /// A MAC construction (HMAC with an XOF, CMAC with a cipher that has no CMAC).
    Mac,
    /// A cipher, or a cipher and mode pair.
    Cipher,
    /// A key-derivation function.
    Kdf,
    /// An asymmetric padding scheme.
    Padding,
    /// A mask generation function.
    Mgf,
    /// A public-key algorithm or key parameters.
    PublicKeyAlgorithm,
    /// An elliptic curve.
    EllipticCurve,
    /// A signature algorithm on a given curve or key.
    SignatureAlgorithm,
    /// A key-exchange algorithm.
    ExchangeAlgorithm,
    /// A Diffie-Hellman parameter set.
    DiffieHellman,
    /// A serialization format or its encryption.
    Serialization,
    /// An X.509 feature.
    X509,
}

impl Error {
    /// Shorthand for [`Error::Unsupported`].
    pub const fn unsupported(reason: Reason, name: &'static str) -> Self {
        Error::Unsupported { reason, name }
    }

    /// Shorthand for [`Error::Device`] without a code: `what` failed.
    pub const fn device(what: &'static str) -> Self {
        Error::Device {
            what,
            code: DeviceCode::None,
        }
    }

    /// Shorthand for [`Error::Device`] with the device's code for the failure.
    pub const fn device_code(what: &'static str, code: DeviceCode) -> Self {
        Error::Device { what, code }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unsupported { reason, name } => {
                write!(f, "unsupported {}: {name}", reason.as_str())
            }
            Error::InvalidArgument(why) => write!(f, "invalid argument: {why}"),
            Error::InvalidKey(why) => write!(f, "invalid key: {why}"),
            Error::InvalidSignature => f.write_str("signature did not verify"),
            Error::InvalidTag => f.write_str("authentication tag did not verify"),
            Error::Decryption => f.write_str("decryption failed"),
            Error::AlreadyFinalized => f.write_str("context was already finalized"),
            Error::BufferTooSmall { needed } => {
                write!(f, "output buffer too small: {needed} bytes needed")
            }
            Error::KeyNotExportable => f.write_str("key material cannot leave its device"),
            Error::Device { what, code } => {
                write!(f, "device error: {what}")?;
                match code {
                    DeviceCode::None => Ok(()),
                    DeviceCode::Pkcs11(rv) => write!(f, " (CKR 0x{rv:08x})"),
                    DeviceCode::Http(status) => write!(f, " (HTTP {status})"),
                }
            }
            Error::Malformed(what) => write!(f, "malformed encoding: {what}"),
            Error::Password(PasswordError::Missing) => {
                f.write_str("the key is encrypted and no password was given")
            }
            Error::Password(PasswordError::NotEncrypted) => {
                f.write_str("a password was given but the key is not encrypted")
            }
            Error::Password(PasswordError::Incorrect) => {
                f.write_str("incorrect password, could not decrypt the key")
            }
        }
    }
}

impl core::error::Error for Error {}

impl Reason {
    /// A lowercase noun for messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::Hash => "hash",
            Reason::Mac => "MAC",
            Reason::Cipher => "cipher",
            Reason::Kdf => "key derivation",
            Reason::Padding => "padding",
            Reason::Mgf => "mask generation function",
            Reason::PublicKeyAlgorithm => "public-key algorithm",
            Reason::EllipticCurve => "elliptic curve",
            Reason::SignatureAlgorithm => "signature algorithm",
            Reason::ExchangeAlgorithm => "key exchange",
            Reason::DiffieHellman => "Diffie-Hellman parameters",
            Reason::Serialization => "serialization",
            Reason::X509 => "X.509 feature",
        }
    }
}
