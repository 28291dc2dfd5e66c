//! RSA signature verification with fixed keys (512-bit and 1024-bit, e = 65537 and e = 3):
//! PKCS #1 v1.5 and PSS (any MGF hash, every salt-length rule, explicit lengths up to
//! `usize::MAX`), any message hash (prehashed too, SHAKE and unsupported ones included), arbitrary
//! signatures; sign-then-verify; `recover_data_from_signature`.
//!
//! Asserts: unsupported hashes and paddings are `Unsupported` (exactly what the capability rows
//! refuse for `rsa_signature_query`), OAEP is an argument error; a signature the key made verifies
//! (PSS also with `Auto`), and fails once a bit of it or of the data changes; PKCS #1 v1.5
//! recovery gives back the digest that was signed.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::rsa::rsa_signature_query;
use backend::{
    AsymmetricPadding, Backend, Error, HashAlgorithm, HashBackend, MessageHash, Mgf, Pss,
    RsaBackend, SaltLength, capability,
};
use backend_fuzz::{FIXED_KEYS, bytes_of_length, fixed_private_key, fixed_public_key};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Input {
    key: usize,
    padding: AsymmetricPadding<'static>,
    hash: MessageHash,
    recover_with: Option<HashAlgorithm>,
    signature: Vec<u8>,
    flip: u16,
    data: Vec<u8>,
}

fn salt_length(u: &mut Unstructured<'_>) -> Result<SaltLength> {
    Ok(match u.int_in_range(0u8..=6)? {
        0 => SaltLength::DigestLength,
        1 => SaltLength::Maximum,
        2 => SaltLength::Auto,
        3 | 4 => SaltLength::Explicit(u.int_in_range(0..=130)?),
        5 => SaltLength::Explicit(usize::MAX - u.int_in_range(0..=70)?),
        _ => SaltLength::Explicit(u.arbitrary()?),
    })
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let key = u.choose_index(FIXED_KEYS.len())?;
        let k = [64, 128, 128][key];
        let padding = match u.int_in_range(0u8..=5)? {
            0 | 1 => AsymmetricPadding::Pkcs1v15,
            2..=4 => AsymmetricPadding::Pss(Pss {
                mgf: Mgf::Mgf1(backend_fuzz::hash(u)?),
                salt_length: salt_length(u)?,
            }),
            _ => AsymmetricPadding::oaep(backend_fuzz::hash(u)?, b"label"),
        };
        let hash = backend_fuzz::message_hash(u)?;
        let recover_with = if u.arbitrary()? {
            Some(backend_fuzz::hash(u)?)
        } else {
            None
        };
        let signature = bytes_of_length(u, &[k, k - 1, k + 1], 300)?;
        let flip = u.arbitrary()?;
        let data = if hash.is_prehashed() && u.ratio(3u8, 4u8)? {
            bytes_of_length(u, &[hash.algorithm().digest_size().min(128)], 128)?
        } else {
            backend_fuzz::rest(u)
        };
        Ok(Input {
            key,
            padding,
            hash,
            recover_with,
            signature,
            flip,
            data,
        })
    }
}

fn pss_with(padding: AsymmetricPadding<'_>, salt_length: SaltLength) -> AsymmetricPadding<'_> {
    match padding {
        AsymmetricPadding::Pss(pss) => AsymmetricPadding::Pss(Pss { salt_length, ..pss }),
        other => other,
    }
}

fuzz_target!(|input: Input| {
    let public = fixed_public_key(input.key);
    let private = fixed_private_key(input.key);
    let (padding, hash) = (input.padding, input.hash);
    let query = rsa_signature_query(&padding, Some(hash.algorithm()));
    let oaep = matches!(padding, AsymmetricPadding::Oaep(_));
    let supported = !oaep && capability::supports(Backend.rsa_capabilities(), &query);

    let verdict = public.verify(&input.signature, &input.data, padding, hash);
    if oaep {
        assert!(
            matches!(verdict, Err(Error::InvalidArgument(_))),
            "OAEP verify: {verdict:?}"
        );
    } else if !supported {
        assert!(
            matches!(verdict, Err(Error::Unsupported { .. })),
            "{padding:?} {hash:?}: {verdict:?}"
        );
    }
    let _ = public.recover_data_from_signature(&input.signature, padding, input.recover_with);

    let signed = private.sign(&input.data, padding, hash);
    if !supported {
        assert!(signed.is_err());
        return;
    }
    let Ok(signature) = signed else {
        return;
    };
    assert!(
        !matches!(padding, AsymmetricPadding::Oaep(_)),
        "signed with OAEP"
    );
    assert!(
        !matches!(
            padding,
            AsymmetricPadding::Pss(Pss {
                salt_length: SaltLength::Auto,
                ..
            })
        ),
        "signed with salt length Auto"
    );
    assert_eq!(signature.len(), public.key_size().div_ceil(8));
    public
        .verify(&signature, &input.data, padding, hash)
        .expect("own signature verifies");
    if let AsymmetricPadding::Pss(_) = padding {
        public
            .verify(
                &signature,
                &input.data,
                pss_with(padding, SaltLength::Auto),
                hash,
            )
            .expect("own PSS signature verifies with salt length Auto");
    }

    let mut changed = signature.clone();
    let bit = usize::from(input.flip) % (changed.len() * 8);
    changed[bit / 8] ^= 1 << (bit % 8);
    assert!(
        public.verify(&changed, &input.data, padding, hash).is_err(),
        "a changed signature verified"
    );
    let mut other_data = input.data.clone();
    match other_data.first_mut() {
        Some(b) => *b ^= 1,
        None => other_data.push(0),
    }
    assert!(
        public
            .verify(&signature, &other_data, padding, hash)
            .is_err(),
        "the signature verified other data"
    );

    if padding == AsymmetricPadding::Pkcs1v15 {
        let digest = match hash {
            MessageHash::Hash(h) => Backend
                .hash(h, &input.data)
                .expect("a supported hash")
                .to_vec(),
            MessageHash::Prehashed(_) => input.data.clone(),
        };
        let recovered = public
            .recover_data_from_signature(&signature, padding, Some(hash.algorithm()))
            .expect("recovery of own signature");
        assert_eq!(recovered, digest, "recovered another digest");
        let whole = public
            .recover_data_from_signature(&signature, padding, None)
            .expect("recovery");
        assert!(
            whole.ends_with(&digest),
            "DigestInfo does not end with the digest"
        );
    }
});
