//! ECDSA verification and the DSS signature codec: `decode_dss_signature` of arbitrary bytes,
//! `encode_dss_signature` of arbitrary integers, `verify` of arbitrary signatures with any hash
//! (prehashed or not), and sign-then-verify on every supported curve.
//!
//! Asserts: what decodes re-encodes to the same bytes (the decoder accepts only DER) and what
//! encodes decodes to the same integers; a signature the key made verifies (deterministic signing
//! repeats itself); changing the signature or the data makes it fail; hash support agrees with
//! the capability table.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::{
    Backend, EcInteger, EcPrivateKey, Ecdsa, EllipticCurve, EllipticCurveBackend, Error,
    MessageHash, decode_dss_signature, encode_dss_signature,
};
use backend_fuzz::{take, take_up_to, trim};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
struct Input {
    curve: EllipticCurve,
    scalar: Vec<u8>,
    hash: MessageHash,
    deterministic: bool,
    r: Vec<u8>,
    s: Vec<u8>,
    flip: u16,
    signature: Vec<u8>,
    data: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let curve = backend_fuzz::curve(u)?;
        let field = curve.field_len();
        let hash = backend_fuzz::message_hash(u)?;
        let signature = if u.ratio(1u8, 2u8)? {
            u.arbitrary::<Vec<u8>>()?
        } else {
            // DER-shaped: SEQUENCE { INTEGER, INTEGER } with fuzzed contents and lengths.
            let r = take_up_to(u, field + 2)?;
            let s = take_up_to(u, field + 2)?;
            let mut body = vec![0x02, r.len() as u8];
            body.extend(&r);
            body.extend([0x02, s.len() as u8]);
            body.extend(&s);
            let mut der = vec![0x30];
            if body.len() >= 0x80 {
                der.push(0x81);
            }
            der.push(body.len() as u8);
            der.extend(body);
            der
        };
        let data = if hash.is_prehashed() && u.ratio(3u8, 4u8)? {
            take(u, hash.algorithm().digest_size().min(128))
        } else {
            u.arbitrary()?
        };
        Ok(Input {
            curve,
            scalar: take(u, field),
            hash,
            deterministic: u.arbitrary()?,
            r: take_up_to(u, EcInteger::CAPACITY + 1)?,
            s: take_up_to(u, EcInteger::CAPACITY + 1)?,
            flip: u.arbitrary()?,
            signature,
            data,
        })
    }
}

fuzz_target!(|input: Input| {
    // The codec.
    if let Ok((r, s)) = decode_dss_signature(&input.signature) {
        let again = encode_dss_signature(&r, &s).expect("decoded integers encode");
        assert_eq!(&again[..], &input.signature[..], "decode accepted non-DER");
    }
    if let (Ok(r), Ok(s)) = (
        EcInteger::from_be_slice(&input.r),
        EcInteger::from_be_slice(&input.s),
    ) {
        let der = encode_dss_signature(&r, &s).expect("integers of at most 528 bits encode");
        let (r2, s2) = decode_dss_signature(&der).expect("an encoding decodes");
        assert_eq!(
            (r2.significant_bytes(), s2.significant_bytes()),
            (trim(&input.r), trim(&input.s))
        );
    }

    let curve = input.curve;
    let Ok(key) = Backend.derive_elliptic_curve_private_key(&input.scalar, curve) else {
        return;
    };
    let public = key.public_key();
    let algorithm = Ecdsa {
        hash: input.hash,
        deterministic_signing: input.deterministic,
    };
    let hash_ok = Backend.elliptic_curve_signature_algorithm_supported(algorithm, curve);

    // An arbitrary signature: refused, unless the fuzzer forged ECDSA.
    let verdict = public.verify(&input.signature, &input.data, algorithm);
    if !hash_ok {
        assert!(
            matches!(verdict, Err(Error::Unsupported { .. })),
            "{algorithm:?}: {verdict:?}"
        );
    }

    let signed = key.sign(&input.data, algorithm);
    if !hash_ok {
        assert!(
            matches!(signed, Err(Error::Unsupported { .. })),
            "{algorithm:?}: {signed:?}"
        );
        return;
    }
    let prehash_ok = match input.hash {
        MessageHash::Prehashed(h) => input.data.len() == h.digest_size(),
        MessageHash::Hash(_) => true,
    };
    assert_eq!(
        signed.is_ok(),
        prehash_ok,
        "{algorithm:?} over {} bytes: {signed:?}",
        input.data.len()
    );
    let Ok(signature) = signed else {
        assert!(
            public
                .verify(&input.signature, &input.data, algorithm)
                .is_err()
        );
        return;
    };
    decode_dss_signature(&signature).expect("own signatures are DER");
    public
        .verify(&signature, &input.data, algorithm)
        .expect("own signature verifies");
    if input.deterministic {
        let again = key.sign(&input.data, algorithm).expect("sign again");
        assert_eq!(
            &again[..],
            &signature[..],
            "RFC 6979 signing is not deterministic"
        );
    }

    let mut changed = signature.to_vec();
    let bit = usize::from(input.flip) % (changed.len() * 8);
    changed[bit / 8] ^= 1 << (bit % 8);
    assert!(
        public.verify(&changed, &input.data, algorithm).is_err(),
        "a changed signature verified"
    );
    let mut other_data = input.data.clone();
    match other_data.first_mut() {
        Some(b) => *b ^= 1,
        None => other_data.push(0),
    }
    assert!(
        public.verify(&signature, &other_data, algorithm).is_err(),
        "the signature verified other data"
    );
});
