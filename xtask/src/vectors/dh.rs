//! Finite-field Diffie-Hellman: pyca's `DH/` files through the provider's `DhBackend`.
//!
//! - `vec.txt` (Botan's vectors, decimal): load the key, exchange with its own public value, the
//!   secret is `K`. Groups below 512 bits are skipped with pyca's reason.
//! - `RFC5114.txt`: the three RFC 5114 groups with `q`; both sides' exchanges give `Z`, and
//!   `dh_parameters_supported(p, g, q)` is true (pyca's `test_dh_vectors_with_q` and
//!   `test_dh_parameters_supported_with_q`).
//! - `rfc3526.txt`: the MODP groups load, a key generated in each round-trips its parameter
//!   numbers and two keys agree (pyca's `test_dh_parameters_allows_rfc3526_groups`).
//! - `bad_exchange.txt`: both keys of each pair load, and each exchange with the other's public
//!   key is refused (pyca 48 on OpenSSL 3 refuses all four pairs: their groups differ).
//! - `KASValidityTest_FFCStatic_NOKC_ZZOnly_{init,resp}.fax` (NIST CAVS, X9.42 groups with `q`):
//!   a `P` record must load and give `Z` both ways; an `F` record (a public key failing
//!   SP 800-56A's validation, a changed private key, a changed `Z`) must be refused by a load or
//!   an exchange, or give a `Z` other than the record's.

use super::{Ctx, Tally};
use backend::{
    DhBackend, DhParameterNumbers, DhPrivateKey, DhPrivateNumbers, DhPublicNumbers, Error,
};
use std::collections::HashMap;

pub fn run(ctx: &Ctx) -> Vec<Tally> {
    let mut pyca = Tally::new("dh", "pyca");
    let Some(backend) = ctx.part(ctx.provider.dh, "dh family", &mut pyca) else {
        return vec![pyca];
    };
    for (rel, path) in ctx.corpus.files("dh") {
        pyca.files += 1;
        let text = ctx.corpus.read(&path);
        let name = rel.rsplit('/').next().unwrap_or(&rel).to_string();
        let records = records(&text);
        for record in &records {
            let at = format!("{rel}:{}", record.line);
            match name.as_str() {
                "vec.txt" => botan(backend, record, &at, &mut pyca),
                "RFC5114.txt" => rfc5114(backend, record, &at, &mut pyca),
                "rfc3526.txt" => rfc3526(backend, record, &at, &mut pyca),
                "bad_exchange.txt" => bad_exchange(backend, record, &at, &mut pyca),
                n if n.starts_with("KASValidityTest_FFC") => kas(backend, record, &at, &mut pyca),
                other => {
                    pyca.fail(format!("{other}: no reader for this file"));
                    break;
                }
            }
        }
    }
    vec![pyca]
}

/// One record: its fields, and those of the set it belongs to (`P`, `Q`, `G` before `COUNT` in
/// the CAVS files).
struct Record {
    line: usize,
    fields: HashMap<String, String>,
}

impl Record {
    fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .get(&key.to_ascii_uppercase())
            .map(String::as_str)
    }
    fn hex(&self, key: &str) -> Option<Vec<u8>> {
        let v = self.get(key)?;
        let v = if v.len() % 2 == 1 {
            format!("0{v}")
        } else {
            v.to_string()
        };
        hex::decode(v).ok()
    }
    fn dec(&self, key: &str) -> Option<Vec<u8>> {
        decimal(self.get(key)?)
    }
}

/// Splits a file into records at `COUNT`; fields before the first `COUNT` of a `[section]` are
/// the set's and apply to every record of it; a `[section]` line closes the current record.
fn records(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut set: HashMap<String, String> = HashMap::new();
    let mut current: Option<Record> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            out.extend(current.take());
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (key, value) = (key.trim().to_ascii_uppercase(), value.trim().to_string());
        if key == "COUNT" {
            out.extend(current.take());
            current = Some(Record {
                line: n + 1,
                fields: set.clone(),
            });
        } else if let Some(record) = current.as_mut() {
            record.fields.insert(key, value);
        } else {
            set.insert(key, value);
        }
    }
    out.extend(current);
    out
}

/// A decimal integer as a big-endian magnitude.
fn decimal(s: &str) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    for c in s.trim().bytes() {
        let mut carry = u32::from(c.checked_sub(b'0').filter(|d| *d < 10)?);
        for byte in out.iter_mut().rev() {
            let v = u32::from(*byte) * 10 + carry;
            *byte = (v & 0xff) as u8;
            carry = v >> 8;
        }
        while carry > 0 {
            out.insert(0, (carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    Some(out)
}

fn trimmed(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    &b[start..]
}

fn private(x: &[u8], y: &[u8], group: &DhParameterNumbers) -> DhPrivateNumbers {
    DhPrivateNumbers::new(x, DhPublicNumbers::new(y, group.clone()))
}

/// Loads `numbers`, exchanges with the peer's public numbers (loaded too).
fn exchange(
    backend: &dyn DhBackend,
    numbers: &DhPrivateNumbers,
    peer: &DhPublicNumbers,
) -> Result<Vec<u8>, Error> {
    let key = backend.load_dh_private_numbers(numbers)?;
    let peer = backend.load_dh_public_numbers(peer)?;
    Ok(key.exchange(&*peer)?.to_vec())
}

fn botan(backend: &dyn DhBackend, r: &Record, at: &str, t: &mut Tally) {
    let (Some(p), Some(g), Some(x), Some(y), Some(k)) =
        (r.dec("P"), r.dec("G"), r.dec("X"), r.dec("Y"), r.hex("K"))
    else {
        return t.fail(format!("{at}: unreadable record"));
    };
    let group = DhParameterNumbers::new(&p, &g, None);
    if group.key_size() < 512 {
        return t.skip(
            "DH keys less than 512 bits are unsupported (pyca skips them too)",
            1,
        );
    }
    let numbers = private(&x, &y, &group);
    match exchange(backend, &numbers, &numbers.public_numbers) {
        Ok(secret) => t.check(
            trimmed(&secret) == trimmed(&k) && secret.len() == trimmed(&p).len(),
            || format!("{at}: secret {} differs", hex::encode(&secret)),
        ),
        Err(e) => t.fail(format!("{at}: {e}")),
    }
}

fn rfc5114(backend: &dyn DhBackend, r: &Record, at: &str, t: &mut Tally) {
    let fields = [
        "P",
        "Q",
        "G",
        "XSTATCAVS",
        "YSTATCAVS",
        "XSTATIUT",
        "YSTATIUT",
        "Z",
    ];
    let Some(v) = fields.iter().map(|f| r.hex(f)).collect::<Option<Vec<_>>>() else {
        return t.fail(format!("{at}: unreadable record"));
    };
    let group = DhParameterNumbers::new(&v[0], &v[2], Some(&v[1]));
    t.check(
        backend.dh_parameters_supported(&v[0], &v[2], Some(&v[1])),
        || format!("{at}: dh_parameters_supported is false"),
    );
    let cavs = private(&v[3], &v[4], &group);
    let iut = private(&v[5], &v[6], &group);
    match (
        exchange(backend, &cavs, &iut.public_numbers),
        exchange(backend, &iut, &cavs.public_numbers),
    ) {
        (Ok(z1), Ok(z2)) => t.check(z1 == v[7] && z2 == v[7], || format!("{at}: Z differs")),
        (a, b) => t.fail(format!("{at}: {:?} / {:?}", a.err(), b.err())),
    }
}

fn rfc3526(backend: &dyn DhBackend, r: &Record, at: &str, t: &mut Tally) {
    let (Some(p), Some(g)) = (r.hex("P"), r.dec("G")) else {
        return t.fail(format!("{at}: unreadable record"));
    };
    let group = DhParameterNumbers::new(&p, &g, None);
    let result = (|| -> Result<bool, Error> {
        let params = backend.load_dh_parameter_numbers(&group)?;
        let a = params.generate_private_key()?;
        let b = backend.generate_dh_private_key(&*params)?;
        let same_group = a.private_numbers()?.public_numbers.parameter_numbers == group;
        let agree = *a.exchange(&*b.public_key()?)? == *b.exchange(&*a.public_key()?)?;
        Ok(same_group && agree)
    })();
    match result {
        Ok(ok) => t.check(ok, || format!("{at}: round trip or agreement failed")),
        Err(e) => t.fail(format!("{at}: {e}")),
    }
}

fn bad_exchange(backend: &dyn DhBackend, r: &Record, at: &str, t: &mut Tally) {
    let fields = ["G", "P1", "X1", "Y1", "P2", "X2", "Y2"];
    let Some(v) = fields.iter().map(|f| r.dec(f)).collect::<Option<Vec<_>>>() else {
        return t.fail(format!("{at}: unreadable record"));
    };
    let group1 = DhParameterNumbers::new(&v[1], &v[0], None);
    let group2 = DhParameterNumbers::new(&v[4], &v[0], None);
    let keys = (|| -> Result<_, Error> {
        let k1 = backend.load_dh_private_numbers(&private(&v[2], &v[3], &group1))?;
        let k2 = backend.load_dh_private_numbers(&private(&v[5], &v[6], &group2))?;
        Ok((k1, k2))
    })();
    match keys {
        Err(e) => t.fail(format!("{at}: the keys must load (pyca loads them): {e}")),
        Ok((k1, k2)) => {
            let (Ok(pub1), Ok(pub2)) = (k1.public_key(), k2.public_key()) else {
                return t.fail(format!("{at}: no public key"));
            };
            let refused = k1.exchange(&*pub2).is_err() && k2.exchange(&*pub1).is_err();
            t.check(refused, || {
                format!("{at}: an exchange across groups succeeded")
            });
        }
    }
}

fn kas(backend: &dyn DhBackend, r: &Record, at: &str, t: &mut Tally) {
    let fields = [
        "P",
        "Q",
        "G",
        "XSTATCAVS",
        "YSTATCAVS",
        "XSTATIUT",
        "YSTATIUT",
        "Z",
    ];
    let (Some(v), Some(result)) = (
        fields.iter().map(|f| r.hex(f)).collect::<Option<Vec<_>>>(),
        r.get("RESULT"),
    ) else {
        return t.fail(format!("{at}: unreadable record"));
    };
    let valid = result.starts_with('P');
    let group = DhParameterNumbers::new(&v[0], &v[2], Some(&v[1]));
    let cavs = private(&v[3], &v[4], &group);
    let iut = private(&v[5], &v[6], &group);
    let z1 = exchange(backend, &iut, &cavs.public_numbers);
    let z2 = exchange(backend, &cavs, &iut.public_numbers);
    let agreed = matches!((&z1, &z2), (Ok(a), Ok(b)) if *a == v[7] && *b == v[7]);
    t.check(agreed == valid, || {
        format!(
            "{at}: Result = {result}, but {}",
            match (z1, z2) {
                (Ok(a), Ok(b)) if a == v[7] && b == v[7] => "both exchanges gave Z".to_string(),
                (a, b) => format!("got {:?} / {:?}", a.map(hex::encode), b.map(hex::encode)),
            }
        )
    });
}
