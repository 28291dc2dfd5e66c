pub use backend_core::EllipticCurve;
use backend_core::HashAlgorithm;

/// One row of a backend's capability table: a curve it implements and what it does on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurveCapability {
    /// The curve.
    pub curve: EllipticCurve,
    /// Hashes ECDSA accepts on this curve (message or prehashed), randomized and deterministic.
    pub ecdsa_hashes: &'static [HashAlgorithm],
    /// True when ECDH runs on this curve.
    pub ecdh: bool,
}
