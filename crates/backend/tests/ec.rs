//! The facade's elliptic-curve impl: `Backend` answers like the RustCrypto provider it forwards to,
//! statically and as a trait object, and its keys work through `&dyn EcPrivateKey`.
#![cfg(all(feature = "ec", feature = "alloc"))]
#![allow(clippy::unwrap_used)] // a test that unwraps states what must succeed

use backend::{
    Backend, EcPrivateKey, EcPublicKey, Ecdh, Ecdsa, EllipticCurve, EllipticCurveBackend,
    HashAlgorithm, MessageHash,
};

#[test]
fn facade_supported_agrees_with_derive_and_sign_for_every_descriptor() {
    for curve in EllipticCurve::ALL {
        let key = Backend.derive_elliptic_curve_private_key(&[3; 20], curve);
        assert_eq!(
            Backend.elliptic_curve_supported(curve),
            key.is_ok(),
            "{curve:?}"
        );
        let Ok(key) = key else { continue };
        for hash in HashAlgorithm::ALL {
            let algorithm = Ecdsa::deterministic(MessageHash::Hash(hash));
            assert_eq!(
                Backend.elliptic_curve_signature_algorithm_supported(algorithm, curve),
                key.sign(b"m", algorithm).is_ok(),
                "{curve:?} {hash:?}"
            );
        }
    }
}

#[test]
fn facade_static_and_dynamic_forms_agree() {
    use backend::dynamic::DynEllipticCurveBackend;
    let dynamic: &dyn DynEllipticCurveBackend = &Backend;
    assert_eq!(
        dynamic.elliptic_curve_capabilities(),
        EllipticCurveBackend::elliptic_curve_capabilities(&Backend)
    );
    let det = Ecdsa::deterministic(MessageHash::Hash(HashAlgorithm::Sha384));
    for curve in [EllipticCurve::Secp256r1, EllipticCurve::Secp384r1] {
        let boxed = dynamic
            .derive_elliptic_curve_private_key(&[5; 30], curve)
            .unwrap();
        let concrete =
            EllipticCurveBackend::derive_elliptic_curve_private_key(&Backend, &[5; 30], curve)
                .unwrap();
        assert_eq!(
            boxed.sign(b"m", det).unwrap(),
            concrete.sign(b"m", det).unwrap()
        );
        assert_eq!(
            boxed.private_numbers().unwrap(),
            concrete.private_numbers().unwrap()
        );
        let peer = dynamic.generate_elliptic_curve_private_key(curve).unwrap();
        assert_eq!(
            boxed.exchange(Ecdh, peer.public_key()).unwrap(),
            peer.exchange(Ecdh, concrete.public_key()).unwrap()
        );
        let public = dynamic
            .load_elliptic_curve_public_numbers(&concrete.public_key().public_numbers())
            .unwrap();
        public
            .verify(&concrete.sign(b"m", det).unwrap(), b"m", det)
            .unwrap();
    }
}
