/// A named elliptic curve, as pyca/cryptography's `EllipticCurve` instances name it.
///
/// Descriptors exist for curves no backend here implements (P-192, the brainpool and binary
/// curves), so a program can ask any backend about them and get a typed "unsupported" answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EllipticCurve {
    /// NIST P-192 (secp192r1).
    #[doc(alias = "P-192")]
    #[doc(alias = "P192")]
    #[doc(alias = "prime192v1")]
    #[doc(alias = "secp192r1")]
    Secp192r1,
    /// NIST P-224 (secp224r1).
    #[doc(alias = "P-224")]
    #[doc(alias = "P224")]
    #[doc(alias = "secp224r1")]
    Secp224r1,
    /// NIST P-256 (secp256r1, prime256v1).
    #[doc(alias = "P-256")]
    #[doc(alias = "P256")]
    #[doc(alias = "prime256v1")]
    #[doc(alias = "secp256r1")]
    Secp256r1,
    /// NIST P-384 (secp384r1).
    #[doc(alias = "P-384")]
    #[doc(alias = "P384")]
    #[doc(alias = "secp384r1")]
    Secp384r1,
    /// NIST P-521 (secp521r1).
    #[doc(alias = "P-521")]
    #[doc(alias = "P521")]
    #[doc(alias = "secp521r1")]
    Secp521r1,
    /// SECG secp256k1 (the Koblitz curve of Bitcoin).
    #[doc(alias = "K-256")]
    #[doc(alias = "K256")]
    #[doc(alias = "secp256k1")]
    Secp256k1,
    /// brainpoolP256r1 (RFC 5639).
    BrainpoolP256r1,
    /// brainpoolP384r1.
    BrainpoolP384r1,
    /// brainpoolP512r1.
    BrainpoolP512r1,
    /// NIST K-163 (binary Koblitz).
    Sect163k1,
    /// NIST K-233.
    Sect233k1,
    /// NIST K-283.
    Sect283k1,
    /// NIST K-409.
    Sect409k1,
    /// NIST K-571.
    Sect571k1,
    /// NIST B-163 (binary).
    Sect163r2,
    /// NIST B-233.
    Sect233r1,
    /// NIST B-283.
    Sect283r1,
    /// NIST B-409.
    Sect409r1,
    /// NIST B-571.
    Sect571r1,
}

impl EllipticCurve {
    /// Every curve descriptor.
    pub const ALL: [EllipticCurve; 19] = [
        EllipticCurve::Secp192r1,
        EllipticCurve::Secp224r1,
        EllipticCurve::Secp256r1,
        EllipticCurve::Secp384r1,
        EllipticCurve::Secp521r1,
        EllipticCurve::Secp256k1,
        EllipticCurve::BrainpoolP256r1,
        EllipticCurve::BrainpoolP384r1,
        EllipticCurve::BrainpoolP512r1,
        EllipticCurve::Sect163k1,
        EllipticCurve::Sect233k1,
        EllipticCurve::Sect283k1,
        EllipticCurve::Sect409k1,
        EllipticCurve::Sect571k1,
        EllipticCurve::Sect163r2,
        EllipticCurve::Sect233r1,
        EllipticCurve::Sect283r1,
        EllipticCurve::Sect409r1,
        EllipticCurve::Sect571r1,
    ];

    /// pyca/cryptography's name: `"secp256r1"`, `"secp256k1"`, `"brainpoolP256r1"`, `"sect163k1"`, ...
    pub const fn name(self) -> &'static str {
        match self {
            EllipticCurve::Secp192r1 => "secp192r1",
            EllipticCurve::Secp224r1 => "secp224r1",
            EllipticCurve::Secp256r1 => "secp256r1",
            EllipticCurve::Secp384r1 => "secp384r1",
            EllipticCurve::Secp521r1 => "secp521r1",
            EllipticCurve::Secp256k1 => "secp256k1",
            EllipticCurve::BrainpoolP256r1 => "brainpoolP256r1",
            EllipticCurve::BrainpoolP384r1 => "brainpoolP384r1",
            EllipticCurve::BrainpoolP512r1 => "brainpoolP512r1",
            EllipticCurve::Sect163k1 => "sect163k1",
            EllipticCurve::Sect233k1 => "sect233k1",
            EllipticCurve::Sect283k1 => "sect283k1",
            EllipticCurve::Sect409k1 => "sect409k1",
            EllipticCurve::Sect571k1 => "sect571k1",
            EllipticCurve::Sect163r2 => "sect163r2",
            EllipticCurve::Sect233r1 => "sect233r1",
            EllipticCurve::Sect283r1 => "sect283r1",
            EllipticCurve::Sect409r1 => "sect409r1",
            EllipticCurve::Sect571r1 => "sect571r1",
        }
    }

    /// The key size in bits (the bit length of the group order, as pyca/cryptography counts it:
    /// 521 for P-521).
    pub const fn key_size(self) -> usize {
        match self {
            EllipticCurve::Secp192r1 => 192,
            EllipticCurve::Secp224r1 => 224,
            EllipticCurve::Secp256r1
            | EllipticCurve::Secp256k1
            | EllipticCurve::BrainpoolP256r1 => 256,
            EllipticCurve::Secp384r1 | EllipticCurve::BrainpoolP384r1 => 384,
            EllipticCurve::Secp521r1 => 521,
            EllipticCurve::BrainpoolP512r1 => 512,
            EllipticCurve::Sect163k1 | EllipticCurve::Sect163r2 => 163,
            EllipticCurve::Sect233k1 | EllipticCurve::Sect233r1 => 233,
            EllipticCurve::Sect283k1 | EllipticCurve::Sect283r1 => 283,
            EllipticCurve::Sect409k1 | EllipticCurve::Sect409r1 => 409,
            EllipticCurve::Sect571k1 | EllipticCurve::Sect571r1 => 571,
        }
    }

    /// Bytes of a coordinate, a scalar, an ECDH shared secret: `ceil(key_size / 8)`.
    pub const fn field_len(self) -> usize {
        self.key_size().div_ceil(8)
    }
}
