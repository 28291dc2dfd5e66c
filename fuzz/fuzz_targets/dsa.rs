//! DSA with a fixed key (RFC 6979 A.2.1's 1024-bit key, N = 160): verification of arbitrary
//! signatures over arbitrary data with any message hash (prehashed, SHAKE and unsupported ones
//! included), sign-then-verify, and loading numbers derived from the key with fuzzed changes (a
//! byte of p, q, g, y or x replaced, truncated or extended).
//!
//! Asserts: hashes outside the capability rows are `Unsupported` (exactly what
//! `dsa_signature_query` refuses); a signature the key made verifies and fails once a bit of it or of
//! the data changes; numbers that load sign and verify, and numbers that do not are an
//! `InvalidArgument` or `Unsupported`, never a panic.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use backend::dsa::dsa_signature_query;
use backend::{
    Backend, DsaBackend, DsaParameterNumbers, DsaPrivateKey, DsaPrivateNumbers, DsaPublicKey,
    DsaPublicNumbers, Error, MessageHash, capability,
};
use backend_fuzz::hex;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const P: &str = concat!(
    "86F5CA03DCFEB225063FF830A0C769B9DD9D6153AD91D7CE27F787C43278B447",
    "E6533B86B18BED6E8A48B784A14C252C5BE0DBF60B86D6385BD2F12FB763ED88",
    "73ABFD3F5BA2E0A8C0A59082EAC056935E529DAF7C610467899C77ADEDFC846C",
    "881870B7B19B2B58F9BE0521A17002E3BDD6B86685EE90B3D9A1B02B782B1779",
);
const Q: &str = "996F967F6C8E388D9E28D01E205FBA957A5698B1";
const G: &str = concat!(
    "07B0F92546150B62514BB771E2A0C0CE387F03BDA6C56B505209FF25FD3C133D",
    "89BBCD97E904E09114D9A7DEFDEADFC9078EA544D2E401AEECC40BB9FBBF78FD",
    "87995A10A1C27CB7789B594BA7EFB5C4326A9FE59A070E136DB77175464ADCA4",
    "17BE5DCE2F40D10A46A3A3943F26AB7FD9C0398FF8C76EE0A56826A8A88F1DBD",
);
const X: &str = "411602CB19A6CCC34494D79D98EF1E7ED5AF25F7";
const Y: &str = concat!(
    "5DF5E01DED31D0297E274E1691C192FE5868FEF9E19A84776454B100CF16F653",
    "92195A38B90523E2542EE61871C0440CB87C322FC4B4D2EC5E1E7EC766E1BE8D",
    "4CE935437DC11C3C8FD426338933EBFE739CB3465F4D3668C5E473508253B1E6",
    "82F65CBDC4FAE93C2EA212390E54905A86E2223170B44EAA7DA5DD9FFCFB7F3B",
);

fn numbers() -> DsaPrivateNumbers {
    DsaPrivateNumbers::new(
        &hex(X),
        DsaPublicNumbers::new(
            &hex(Y),
            DsaParameterNumbers::new(&hex(P), &hex(Q), &hex(G)),
        ),
    )
}

fn key() -> &'static dyn DsaPrivateKey {
    static KEY: OnceLock<Box<dyn DsaPrivateKey>> = OnceLock::new();
    KEY.get_or_init(|| {
        Backend
            .load_dsa_private_numbers(&numbers())
            .expect("the fixed DSA key loads")
    })
    .as_ref()
}

fn public() -> &'static dyn DsaPublicKey {
    static KEY: OnceLock<Box<dyn DsaPublicKey>> = OnceLock::new();
    KEY.get_or_init(|| key().public_key().expect("public key")).as_ref()
}

/// A change to one field of the numbers.
#[derive(Debug)]
struct Change {
    field: u8,
    at: usize,
    byte: u8,
    how: u8,
}

#[derive(Debug)]
struct Input {
    hash: MessageHash,
    signature: Vec<u8>,
    flip: u16,
    change: Option<Change>,
    data: Vec<u8>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let hash = backend_fuzz::message_hash(u)?;
        let signature = backend_fuzz::bytes_of_length(u, &[46, 47, 48, 44], 120)?;
        let flip = u.arbitrary()?;
        let change = if u.ratio(1u8, 4u8)? {
            Some(Change {
                field: u.int_in_range(0..=4)?,
                at: u.arbitrary()?,
                byte: u.arbitrary()?,
                how: u.int_in_range(0..=2)?,
            })
        } else {
            None
        };
        let data = if hash.is_prehashed() && u.ratio(3u8, 4u8)? {
            backend_fuzz::bytes_of_length(u, &[hash.algorithm().digest_size().min(128)], 128)?
        } else {
            backend_fuzz::rest(u)
        };
        Ok(Input {
            hash,
            signature,
            flip,
            change,
            data,
        })
    }
}

fn changed(change: &Change) -> DsaPrivateNumbers {
    let mut n = numbers();
    let params = &mut n.public_numbers.parameter_numbers;
    let field = match change.field {
        0 => &mut params.p,
        1 => &mut params.q,
        2 => &mut params.g,
        3 => &mut n.public_numbers.y,
        _ => &mut n.x,
    };
    match change.how {
        0 if !field.is_empty() => {
            let at = change.at % field.len();
            field[at] = change.byte;
        }
        1 => field.truncate(change.at % (field.len() + 1)),
        _ => field.push(change.byte),
    }
    n
}

fuzz_target!(|input: Input| {
    let hash = input.hash;
    let supported = capability::supports(
        Backend.dsa_capabilities(),
        &dsa_signature_query(hash.algorithm()),
    );
    let verdict = public().verify(&input.signature, &input.data, hash);
    if !supported {
        assert!(
            matches!(verdict, Err(Error::Unsupported { .. })),
            "{hash:?}: {verdict:?}"
        );
    }

    if let Some(change) = &input.change {
        let numbers = changed(change);
        match Backend.load_dsa_private_numbers(&numbers) {
            Ok(k) => {
                let digest_hash = MessageHash::Hash(backend::HashAlgorithm::Sha256);
                let sig = k.sign(b"m", digest_hash).expect("a loaded key signs");
                k.public_key()
                    .expect("public key")
                    .verify(&sig, b"m", digest_hash)
                    .expect("a loaded key verifies its own signature");
            }
            Err(e) => assert!(
                matches!(e, Error::InvalidArgument(_) | Error::Unsupported { .. }),
                "{change:?}: {e:?}"
            ),
        }
        let _ = Backend.load_dsa_public_numbers(&numbers.public_numbers);
        let _ = Backend.load_dsa_parameter_numbers(&numbers.public_numbers.parameter_numbers);
    }

    let signed = key().sign(&input.data, hash);
    if !supported {
        assert!(signed.is_err());
        return;
    }
    let Ok(signature) = signed else {
        // A prehashed digest of the wrong length.
        return;
    };
    public()
        .verify(&signature, &input.data, hash)
        .expect("own signature verifies");
    let mut bad = signature.clone();
    let bit = usize::from(input.flip) % (bad.len() * 8);
    bad[bit / 8] ^= 1 << (bit % 8);
    assert!(
        public().verify(&bad, &input.data, hash).is_err(),
        "a changed signature verified"
    );
    let mut other = input.data.clone();
    match other.first_mut() {
        Some(b) => *b ^= 1,
        None => other.push(0),
    }
    assert!(
        public().verify(&signature, &other, hash).is_err(),
        "the signature verified other data"
    );
});
