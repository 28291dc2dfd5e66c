//! The facade's two ways of holding a backend agree with each other and with the family crates.

use backend::{Backend, CipherAlgorithm, HashAlgorithm, HashBackend, HashContext, MacContext};

fn static_digest<B: HashBackend>(
    b: &B,
    algorithm: HashAlgorithm,
    data: &[u8],
) -> backend::hash::HashOutput {
    let mut ctx = b.create_hash_ctx(algorithm).unwrap();
    ctx.update(data);
    ctx.finalize().unwrap()
}

#[test]
fn static_and_dynamic_dispatch_agree_for_every_hash() {
    use backend::dynamic::DynHashBackend;
    let dynamic: &dyn DynHashBackend = &Backend;
    for algorithm in HashAlgorithm::ALL {
        let mut ctx = dynamic.create_hash_ctx(algorithm).unwrap();
        ctx.update(b"facade");
        assert_eq!(
            ctx.finalize().unwrap(),
            static_digest(&Backend, algorithm, b"facade")
        );
    }
    assert_eq!(
        dynamic.hash_capabilities(),
        HashBackend::hash_capabilities(&Backend)
    );
}

#[test]
fn a_boxed_context_serves_generic_code() {
    use backend::dynamic::{DynHashBackend, DynHashContext};
    fn finish<C: HashContext>(mut ctx: C) -> backend::hash::HashOutput {
        ctx.update(b"abc");
        ctx.finalize().unwrap()
    }
    let boxed: Box<dyn DynHashContext> =
        DynHashBackend::create_hash_ctx(&Backend, HashAlgorithm::Sha256).unwrap();
    assert_eq!(
        finish(boxed),
        static_digest(&Backend, HashAlgorithm::Sha256, b"abc")
    );
}

#[test]
fn the_backend_is_send_sync_and_zero_sized() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Backend>();
    assert_eq!(core::mem::size_of::<Backend>(), 0);
}

#[test]
fn macs_through_trait_objects_match_the_static_path() {
    use backend::dynamic::{DynCmacBackend, DynHmacBackend};
    use backend::{CmacBackend, HmacBackend};
    let hmac: &dyn DynHmacBackend = &Backend;
    let mut d = hmac.create_hmac_ctx(b"k", HashAlgorithm::Sha512).unwrap();
    d.update(b"m");
    let mut s = HmacBackend::create_hmac_ctx(&Backend, b"k", HashAlgorithm::Sha512).unwrap();
    s.update(b"m");
    assert_eq!(d.finalize(), s.finalize());

    let key = [9u8; 24];
    let cmac: &dyn DynCmacBackend = &Backend;
    let d = cmac.create_cmac_ctx(&CipherAlgorithm::Aes(&key)).unwrap();
    let s = CmacBackend::create_cmac_ctx(&Backend, &CipherAlgorithm::Aes(&key)).unwrap();
    assert_eq!(d.finalize(), s.finalize());
}
