//! The pinned pyca corpus: download, checksum, unpack, and the manifest's file lists.

use backend::{Backend, HashAlgorithm, HashBackend, HashContext};
use std::path::{Path, PathBuf};

const MANIFEST: &str = "vectors/manifest.txt";

/// The unpacked `cryptography-vectors` wheel and the manifest naming which files feed which family.
pub struct Corpus {
    root: PathBuf,
    /// `(family, pattern)` lines of the manifest, in order.
    files: Vec<(String, String)>,
}

impl Corpus {
    /// Reads the manifest, then fetches, checks and unpacks the pinned wheel unless the cache under
    /// `target/vectors/` already holds it.
    pub fn open() -> crate::Result<Self> {
        let manifest_path = crate::workspace_root().join(MANIFEST);
        let manifest = std::fs::read_to_string(&manifest_path)
            .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
        let mut pin = None;
        let mut files = Vec::new();
        for (n, line) in manifest.lines().enumerate() {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                [] => {}
                [first, ..] if first.starts_with('#') => {}
                ["corpus", "cryptography-vectors", version, sha256] => {
                    pin = Some((version.to_string(), sha256.to_string()))
                }
                ["corpus", ..] => {}
                ["files", family, pattern] => files.push((family.to_string(), pattern.to_string())),
                _ => return Err(format!("{MANIFEST}:{}: cannot read {line:?}", n + 1)),
            }
        }
        let (version, sha256) = pin.ok_or(format!("{MANIFEST} pins no cryptography-vectors"))?;
        let root = fetch(&version, &sha256)?;
        Ok(Corpus { root, files })
    }

    /// The files the manifest assigns to `family`, as (path relative to the root, absolute path),
    /// sorted. `*` in a pattern matches within one path segment.
    pub fn files(&self, family: &str) -> Vec<(String, PathBuf)> {
        let mut out = Vec::new();
        for (_, pattern) in self.files.iter().filter(|(f, _)| f == family) {
            expand(&self.root, "", pattern, &mut out);
        }
        out.sort();
        out.dedup();
        out
    }

    /// The unpacked corpus's `cryptography_vectors/` directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Reads a corpus file as text; CRLF is left for the parsers, which trim.
    pub fn read(&self, path: &Path) -> String {
        std::fs::read(path)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

fn expand(dir: &Path, prefix: &str, pattern: &str, out: &mut Vec<(String, PathBuf)>) {
    let (head, tail) = match pattern.split_once('/') {
        Some((h, t)) => (h, Some(t)),
        None => (pattern, None),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !glob_match(head, &name) {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        match tail {
            Some(tail) => expand(&entry.path(), &rel, tail, out),
            None if entry.path().is_file() => out.push((rel, entry.path())),
            None => {}
        }
    }
}

/// `*` matches any run of characters; everything else matches itself.
fn glob_match(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((before, after)) => {
            let Some(rest) = name.strip_prefix(before) else {
                return false;
            };
            (0..=rest.len()).any(|i| rest.is_char_boundary(i) && glob_match(after, &rest[i..]))
        }
    }
}

fn cache_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target"))
        .join("vectors")
}

fn fetch(version: &str, sha256: &str) -> crate::Result<PathBuf> {
    let cache = cache_dir();
    let unpacked = cache.join(format!("cryptography_vectors-{version}"));
    let root = unpacked.join("cryptography_vectors");
    let done = unpacked.join(".complete");
    if done.exists() {
        return Ok(root);
    }
    std::fs::create_dir_all(&cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    let wheel = cache.join(format!("cryptography_vectors-{version}-py3-none-any.whl"));
    if !wheel.exists() {
        eprintln!("fetching cryptography-vectors {version} from PyPI ...");
        let spec = format!("cryptography-vectors=={version}");
        let dest = cache.to_string_lossy().into_owned();
        crate::run(
            "python3",
            &[
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--quiet",
                "-d",
                &dest,
                &spec,
            ],
        )?;
    }
    let bytes = std::fs::read(&wheel).map_err(|e| format!("{}: {e}", wheel.display()))?;
    let actual = sha256_hex(&bytes);
    if actual != sha256 {
        let _ = std::fs::remove_file(&wheel);
        return Err(format!(
            "{} has sha256 {actual}, the manifest pins {sha256}; removed it",
            wheel.display()
        ));
    }
    let _ = std::fs::remove_dir_all(&unpacked);
    let (w, u) = (
        wheel.to_string_lossy().into_owned(),
        unpacked.to_string_lossy().into_owned(),
    );
    crate::run("python3", &["-m", "zipfile", "-e", &w, &u])?;
    std::fs::write(&done, sha256).map_err(|e| format!("{}: {e}", done.display()))?;
    Ok(root)
}

/// SHA-256 through the project's own facade (the same code the hash vectors check).
fn sha256_hex(data: &[u8]) -> String {
    let mut ctx = match Backend.create_hash_ctx(HashAlgorithm::Sha256) {
        Ok(ctx) => ctx,
        Err(e) => return e.to_string(),
    };
    ctx.update(data);
    ctx.finalize()
        .map(|d| hex::encode(&*d))
        .unwrap_or_else(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs_match_within_a_segment() {
        assert!(glob_match("*.rsp", "SHA1ShortMsg.rsp"));
        assert!(glob_match("SHA*Msg.rsp", "SHA512_224LongMsg.rsp"));
        assert!(!glob_match("*.rsp", "Readme.txt"));
        assert!(glob_match("rfc-4231-sha*.txt", "rfc-4231-sha224.txt"));
    }
}
