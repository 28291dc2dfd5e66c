//! The object-safe twin of [`EllipticCurveBackend`], for backends chosen at run time. Every
//! static implementation is one through the blanket impl; nobody implements it by hand. And the
//! way back: a boxed or borrowed twin is an [`EllipticCurveBackend`] again (its keys boxed), so a
//! provider chosen at run time can be handed to code generic over the static trait.

use crate::{
    EcPrivateKey, EcPrivateNumbers, EcPublicKey, EcPublicNumbers, Ecdh, Ecdsa, EllipticCurve,
    EllipticCurveBackend, RandomSource, Result,
};
use alloc::boxed::Box;
use backend_core::capability::Capability;

/// [`EllipticCurveBackend`] as a trait object: keys come back boxed.
pub trait DynEllipticCurveBackend: Send + Sync {
    /// See [`EllipticCurveBackend::elliptic_curve_capabilities`].
    fn elliptic_curve_capabilities(&self) -> &[Capability];
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
        rng: &mut dyn RandomSource,
        curve: EllipticCurve,
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
    fn elliptic_curve_capabilities(&self) -> &[Capability] {
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
        rng: &mut dyn RandomSource,
        curve: EllipticCurve,
    ) -> Result<Box<dyn EcPrivateKey>> {
        Ok(Box::new(
            EllipticCurveBackend::generate_elliptic_curve_private_key_with_rng(self, rng, curve)?,
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

/// A boxed or borrowed twin is a static backend again, with boxed keys. Every method, the
/// provided ones included, goes to the twin's own: an answer or a key generation the provider
/// overrides (a token that makes keys on the device) is kept, not replaced by the default.
macro_rules! dyn_backend_is_static {
    ($($backend:ty),* $(,)?) => {$(
        impl<'a> EllipticCurveBackend for $backend {
            type PrivateKey = Box<dyn EcPrivateKey>;
            type PublicKey = Box<dyn EcPublicKey>;

            fn elliptic_curve_capabilities(&self) -> &[Capability] {
                (**self).elliptic_curve_capabilities()
            }
            fn elliptic_curve_supported(&self, curve: EllipticCurve) -> bool {
                (**self).elliptic_curve_supported(curve)
            }
            fn elliptic_curve_signature_algorithm_supported(
                &self,
                signature_algorithm: Ecdsa,
                curve: EllipticCurve,
            ) -> bool {
                (**self).elliptic_curve_signature_algorithm_supported(signature_algorithm, curve)
            }
            fn elliptic_curve_exchange_algorithm_supported(
                &self,
                algorithm: Ecdh,
                curve: EllipticCurve,
            ) -> bool {
                (**self).elliptic_curve_exchange_algorithm_supported(algorithm, curve)
            }
            fn generate_elliptic_curve_private_key_with_rng(
                &self,
                rng: &mut dyn RandomSource,
                curve: EllipticCurve,
            ) -> Result<Box<dyn EcPrivateKey>> {
                (**self).generate_elliptic_curve_private_key_with_rng(rng, curve)
            }
            #[cfg(feature = "getrandom")]
            fn generate_elliptic_curve_private_key(
                &self,
                curve: EllipticCurve,
            ) -> Result<Box<dyn EcPrivateKey>> {
                (**self).generate_elliptic_curve_private_key(curve)
            }
            fn load_elliptic_curve_private_numbers(
                &self,
                numbers: &EcPrivateNumbers,
            ) -> Result<Box<dyn EcPrivateKey>> {
                (**self).load_elliptic_curve_private_numbers(numbers)
            }
            fn load_elliptic_curve_public_numbers(
                &self,
                numbers: &EcPublicNumbers,
            ) -> Result<Box<dyn EcPublicKey>> {
                (**self).load_elliptic_curve_public_numbers(numbers)
            }
            fn load_elliptic_curve_public_bytes(
                &self,
                curve: EllipticCurve,
                encoded_point: &[u8],
            ) -> Result<Box<dyn EcPublicKey>> {
                (**self).load_elliptic_curve_public_bytes(curve, encoded_point)
            }
            fn derive_elliptic_curve_private_key(
                &self,
                private_value: &[u8],
                curve: EllipticCurve,
            ) -> Result<Box<dyn EcPrivateKey>> {
                (**self).derive_elliptic_curve_private_key(private_value, curve)
            }
        }
    )*};
}

dyn_backend_is_static!(
    Box<dyn DynEllipticCurveBackend + 'a>,
    &'a (dyn DynEllipticCurveBackend + 'a),
);
