//! The object-safe twin of [`EllipticCurveBackend`], for backends chosen at run time. Every
//! static implementation is one through the blanket impl; nobody implements it by hand.

use crate::{
    CryptoRng, CurveCapability, EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh,
    Ecdsa, EllipticCurve, EllipticCurveBackend, Result,
};
use alloc::boxed::Box;

/// [`EllipticCurveBackend`] as a trait object: keys come back boxed.
pub trait DynEllipticCurveBackend: Send + Sync {
    /// The capability table.
    fn elliptic_curve_capabilities(&self) -> &[CurveCapability];
    /// See [`EllipticCurveBackend::elliptic_curve_supported`].
    fn elliptic_curve_supported(&self, curve: EllipticCurve) -> bool;
    /// See [`EllipticCurveBackend::elliptic_curve_signature_algorithm_supported`].
    fn elliptic_curve_signature_algorithm_supported(
        &self,
        signature_algorithm: Ecdsa,
        curve: EllipticCurve,
    ) -> bool;
    /// See [`EllipticCurveBackend::elliptic_curve_exchange_algorithm_supported`].
    fn elliptic_curve_exchange_algorithm_supported(
        &self,
        algorithm: Ecdh,
        curve: EllipticCurve,
    ) -> bool;
    /// See [`EllipticCurveBackend::generate_elliptic_curve_private_key_with_rng`].
    fn generate_elliptic_curve_private_key_with_rng(
        &self,
        curve: EllipticCurve,
        rng: &mut dyn CryptoRng,
    ) -> Result<Box<dyn EcPrivateKey>>;
    /// See [`EllipticCurveBackend::generate_elliptic_curve_private_key`].
    #[cfg(feature = "getrandom")]
    fn generate_elliptic_curve_private_key(
        &self,
        curve: EllipticCurve,
    ) -> Result<Box<dyn EcPrivateKey>>;
    /// See [`EllipticCurveBackend::load_elliptic_curve_private_numbers`].
    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> Result<Box<dyn EcPrivateKey>>;
    /// See [`EllipticCurveBackend::load_elliptic_curve_public_numbers`].
    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> Result<Box<dyn EcPublicKey>>;
    /// See [`EllipticCurveBackend::load_elliptic_curve_public_bytes`].
    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> Result<Box<dyn EcPublicKey>>;
    /// See [`EllipticCurveBackend::derive_elliptic_curve_private_key`].
    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> Result<Box<dyn EcPrivateKey>>;
}

impl<B> DynEllipticCurveBackend for B
where
    B: EllipticCurveBackend + Send + Sync,
    B::PrivateKey: 'static,
    B::PublicKey: 'static,
{
    fn elliptic_curve_capabilities(&self) -> &[CurveCapability] {
        EllipticCurveBackend::elliptic_curve_capabilities(self)
    }
    fn elliptic_curve_supported(&self, curve: EllipticCurve) -> bool {
        EllipticCurveBackend::elliptic_curve_supported(self, curve)
    }
    fn elliptic_curve_signature_algorithm_supported(
        &self,
        signature_algorithm: Ecdsa,
        curve: EllipticCurve,
    ) -> bool {
        EllipticCurveBackend::elliptic_curve_signature_algorithm_supported(
            self,
            signature_algorithm,
            curve,
        )
    }
    fn elliptic_curve_exchange_algorithm_supported(
        &self,
        algorithm: Ecdh,
        curve: EllipticCurve,
    ) -> bool {
        EllipticCurveBackend::elliptic_curve_exchange_algorithm_supported(self, algorithm, curve)
    }
    fn generate_elliptic_curve_private_key_with_rng(
        &self,
        curve: EllipticCurve,
        rng: &mut dyn CryptoRng,
    ) -> Result<Box<dyn EcPrivateKey>> {
        Ok(Box::new(
            EllipticCurveBackend::generate_elliptic_curve_private_key_with_rng(self, curve, rng)?,
        ))
    }
    #[cfg(feature = "getrandom")]
    fn generate_elliptic_curve_private_key(
        &self,
        curve: EllipticCurve,
    ) -> Result<Box<dyn EcPrivateKey>> {
        Ok(Box::new(
            EllipticCurveBackend::generate_elliptic_curve_private_key(self, curve)?,
        ))
    }
    fn load_elliptic_curve_private_numbers(
        &self,
        numbers: &EcPrivateNumbers,
    ) -> Result<Box<dyn EcPrivateKey>> {
        Ok(Box::new(
            EllipticCurveBackend::load_elliptic_curve_private_numbers(self, numbers)?,
        ))
    }
    fn load_elliptic_curve_public_numbers(
        &self,
        numbers: &EcPublicNumbers,
    ) -> Result<Box<dyn EcPublicKey>> {
        Ok(Box::new(
            EllipticCurveBackend::load_elliptic_curve_public_numbers(self, numbers)?,
        ))
    }
    fn load_elliptic_curve_public_bytes(
        &self,
        curve: EllipticCurve,
        encoded_point: &[u8],
    ) -> Result<Box<dyn EcPublicKey>> {
        Ok(Box::new(
            EllipticCurveBackend::load_elliptic_curve_public_bytes(self, curve, encoded_point)?,
        ))
    }
    fn derive_elliptic_curve_private_key(
        &self,
        private_value: &[u8],
        curve: EllipticCurve,
    ) -> Result<Box<dyn EcPrivateKey>> {
        Ok(Box::new(
            EllipticCurveBackend::derive_elliptic_curve_private_key(self, private_value, curve)?,
        ))
    }
}
