use backend_core::capability::ModeKind;
use core::fmt;

/// The tag length a GCM mode requires unless told otherwise (pyca/cryptography's default).
pub const DEFAULT_MIN_TAG_LENGTH: usize = 16;
/// The smallest `min_tag_length` pyca/cryptography allows.
pub const LOWEST_MIN_TAG_LENGTH: usize = 4;
/// The longest GCM tag: one block.
pub const MAX_TAG_LENGTH: usize = 16;

/// A mode of operation with its IV, nonce, tweak or tag (pyca/cryptography's `modes.*` instances).
///
/// The values are borrowed: a context copies what it needs. `Debug` prints lengths only.
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode<'a> {
    /// No mode: the cipher is a stream cipher (ChaCha20), pyca/cryptography's `mode=None`.
    Stream,
    /// Electronic codebook. Insecure for almost every use; kept for interoperability.
    #[doc(alias = "ECB")]
    Ecb,
    /// Cipher block chaining with a one-block IV.
    #[doc(alias = "CBC")]
    Cbc {
        /// The IV, one cipher block.
        iv: &'a [u8],
    },
    /// Counter mode; the nonce is the whole first counter block, incremented as a big-endian
    /// integer of the block's width.
    #[doc(alias = "CTR")]
    Ctr {
        /// The initial counter block.
        nonce: &'a [u8],
    },
    /// Output feedback with a one-block IV.
    #[doc(alias = "OFB")]
    Ofb {
        /// The IV, one cipher block.
        iv: &'a [u8],
    },
    /// Cipher feedback with full-block feedback (CFB128 for AES, CFB64 for 3DES).
    #[doc(alias = "CFB")]
    Cfb {
        /// The IV, one cipher block.
        iv: &'a [u8],
    },
    /// Cipher feedback with 8-bit feedback.
    #[doc(alias = "CFB8")]
    Cfb8 {
        /// The IV, one cipher block.
        iv: &'a [u8],
    },
    /// XTS (IEEE 1619) for one data unit per context; the key is two AES keys of equal size.
    #[doc(alias = "XTS")]
    Xts {
        /// The 16-byte tweak (the data unit's number, little-endian in disk use).
        tweak: &'a [u8],
    },
    /// Galois/counter mode.
    #[doc(alias = "GCM")]
    #[doc(alias = "AES-GCM")]
    Gcm {
        /// The IV: 8 to 128 bytes (12 is the fast path; other lengths go through GHASH).
        iv: &'a [u8],
        /// The tag to check when decrypting; must be `None` when encrypting.
        tag: Option<&'a [u8]>,
        /// The shortest tag a decryption accepts: at least 4, default 16.
        min_tag_length: usize,
    },
}

impl<'a> Mode<'a> {
    /// Every mode kind once, with empty parameters (for tests that walk every mode).
    pub const ALL: [Mode<'static>; 9] = [
        Mode::Stream,
        Mode::Ecb,
        Mode::Cbc { iv: &[] },
        Mode::Ctr { nonce: &[] },
        Mode::Ofb { iv: &[] },
        Mode::Cfb { iv: &[] },
        Mode::Cfb8 { iv: &[] },
        Mode::Xts { tweak: &[] },
        Mode::Gcm {
            iv: &[],
            tag: None,
            min_tag_length: DEFAULT_MIN_TAG_LENGTH,
        },
    ];

    /// GCM for encryption, or for decryption with the tag given at finalize.
    pub const fn gcm(iv: &'a [u8]) -> Self {
        Mode::Gcm {
            iv,
            tag: None,
            min_tag_length: DEFAULT_MIN_TAG_LENGTH,
        }
    }

    /// GCM for decryption with the tag known up front; tags shorter than 16 bytes need
    /// [`Mode::Gcm`] with a lower `min_tag_length`.
    pub const fn gcm_with_tag(iv: &'a [u8], tag: &'a [u8]) -> Self {
        Mode::Gcm {
            iv,
            tag: Some(tag),
            min_tag_length: DEFAULT_MIN_TAG_LENGTH,
        }
    }

    /// pyca/cryptography's name: `"ECB"`, `"CBC"`, `"CTR"`, `"OFB"`, `"CFB"`, `"CFB8"`, `"XTS"`,
    /// `"GCM"`; `"none"` for [`Mode::Stream`].
    pub const fn name(&self) -> &'static str {
        match self {
            Mode::Stream => "none",
            Mode::Ecb => "ECB",
            Mode::Cbc { .. } => "CBC",
            Mode::Ctr { .. } => "CTR",
            Mode::Ofb { .. } => "OFB",
            Mode::Cfb { .. } => "CFB",
            Mode::Cfb8 { .. } => "CFB8",
            Mode::Xts { .. } => "XTS",
            Mode::Gcm { .. } => "GCM",
        }
    }

    /// The mode without its IV, nonce, tweak or tag: what a capability row names.
    pub const fn kind(&self) -> ModeKind {
        match self {
            Mode::Stream => ModeKind::Stream,
            Mode::Ecb => ModeKind::Ecb,
            Mode::Cbc { .. } => ModeKind::Cbc,
            Mode::Ctr { .. } => ModeKind::Ctr,
            Mode::Ofb { .. } => ModeKind::Ofb,
            Mode::Cfb { .. } => ModeKind::Cfb,
            Mode::Cfb8 { .. } => ModeKind::Cfb8,
            Mode::Xts { .. } => ModeKind::Xts,
            Mode::Gcm { .. } => ModeKind::Gcm,
        }
    }

    /// True for the authenticated mode (GCM).
    pub const fn is_aead(&self) -> bool {
        matches!(self, Mode::Gcm { .. })
    }

    /// The IV, nonce or tweak; empty for ECB and stream ciphers.
    pub const fn iv(&self) -> &'a [u8] {
        match self {
            Mode::Stream | Mode::Ecb => &[],
            Mode::Cbc { iv }
            | Mode::Ofb { iv }
            | Mode::Cfb { iv }
            | Mode::Cfb8 { iv }
            | Mode::Gcm { iv, .. } => iv,
            Mode::Ctr { nonce } => nonce,
            Mode::Xts { tweak } => tweak,
        }
    }
}

impl fmt::Debug for Mode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mode::Gcm {
                iv,
                tag,
                min_tag_length,
            } => write!(
                f,
                "GCM({}-byte IV, tag: {:?} bytes, min_tag_length {min_tag_length})",
                iv.len(),
                tag.map(<[u8]>::len)
            ),
            Mode::Stream | Mode::Ecb => f.write_str(self.name()),
            _ => write!(f, "{}({}-byte IV)", self.name(), self.iv().len()),
        }
    }
}
