//! A reader for the NIST `.rsp` family of text formats and the RFC-style `.txt` files shaped like
//! them (`KEY = value` lines, `[section]` headers, `#` comments, blank-line separated records).
//!
//! Quirks handled here once: CRLF and LF, `COUNT`/`Count`, spacing around `=`, empty values,
//! bare lines such as GCM's `FAIL`, and fields that precede the records they apply to (a Monte
//! Carlo `Seed`, a CCM `Key` inside a section).

/// One parsed record.
#[derive(Clone, Debug, Default)]
pub struct Record {
    /// 1-based line number where the record starts, for failure messages.
    pub line: usize,
    /// The `[...]` header lines in force, in order, without brackets (`"ENCRYPT"`, `"L = 32"`).
    pub sections: Vec<String>,
    /// Fields given before the record started, still in force (`Seed`, a CCM `Key`).
    pub context: Vec<(String, String)>,
    /// The record's own fields in order; a bare line (`FAIL`) is a field with an empty value.
    pub fields: Vec<(String, String)>,
    /// Comment lines inside or just before the record, without `#`.
    pub comments: Vec<String>,
}

impl Record {
    /// The value of `key` (case-insensitive): the record's own field, else the context's.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .chain(self.context.iter().rev())
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// True when the record has the field or bare line `key`.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The value of `key` decoded from hex; `None` when absent or not hex.
    pub fn hex(&self, key: &str) -> Option<Vec<u8>> {
        self.get(key).and_then(|v| hex::decode(v.trim()).ok())
    }

    /// The value of `key` as a decimal integer.
    pub fn int(&self, key: &str) -> Option<u64> {
        self.get(key).and_then(|v| v.trim().parse().ok())
    }

    /// The value of `name` in the section headers in force (`[L = 32]` gives `L` → `32`).
    pub fn section_value(&self, name: &str) -> Option<&str> {
        self.sections.iter().rev().find_map(|s| {
            let (k, v) = s.split_once('=')?;
            k.trim().eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }

    /// True when a section header in force is exactly `name` (case-insensitive): `ENCRYPT`.
    #[allow(dead_code)] // for the cipher runner's [ENCRYPT] / [DECRYPT] sections
    pub fn in_section(&self, name: &str) -> bool {
        self.sections
            .iter()
            .any(|s| s.trim().eq_ignore_ascii_case(name))
    }

    /// `file:line`, for failure messages.
    pub fn at(&self, file: &str) -> String {
        format!("{file}:{}", self.line)
    }
}

/// Splits `text` into records. A record starts at a field named in `starts` (case-insensitive), or
/// when a field repeats within the current record. Fields seen outside any record become context
/// for the records after them; a `[section]` line ends the current record.
pub fn records(text: &str, starts: &[&str]) -> Vec<Record> {
    let mut out = Vec::new();
    let mut sections: Vec<String> = Vec::new();
    let mut context: Vec<(String, String)> = Vec::new();
    let mut current: Option<Record> = None;
    let mut comments = Vec::new();
    let mut in_header_block = false;

    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            comments.push(comment.trim().to_string());
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.extend(current.take());
            // Consecutive headers form one block; a new block replaces the old one.
            if !in_header_block {
                sections.clear();
            }
            in_header_block = true;
            sections.push(section.trim().to_string());
            continue;
        }
        in_header_block = false;
        let (key, value) = match line.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), v.trim().to_string()),
            None => (line.to_string(), String::new()),
        };
        let starts_record = starts.iter().any(|s| s.eq_ignore_ascii_case(&key));
        let repeats = current
            .as_ref()
            .is_some_and(|r| r.fields.iter().any(|(k, _)| k.eq_ignore_ascii_case(&key)));
        if starts_record || repeats {
            out.extend(current.take());
            current = Some(Record {
                line: n + 1,
                sections: sections.clone(),
                context: context.clone(),
                fields: Vec::new(),
                comments: std::mem::take(&mut comments),
            });
        }
        match current.as_mut() {
            Some(record) => {
                record.comments.append(&mut comments);
                record.fields.push((key, value));
            }
            None => {
                context.retain(|(k, _)| !k.eq_ignore_ascii_case(&key));
                context.push((key, value));
            }
        }
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_context_and_bare_lines() {
        let text = "# CAVS\r\n[L = 32]\r\n\r\nSeed = ab\r\n\r\nCOUNT = 0\r\nMD = 01\r\n\r\nCOUNT = 1\r\nMD = 02\r\nFAIL\r\n";
        let r = records(text, &["COUNT"]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].section_value("L"), Some("32"));
        assert_eq!(r[1].hex("Seed"), Some(vec![0xab]));
        assert_eq!(r[1].hex("md"), Some(vec![2]));
        assert!(r[1].has("FAIL") && !r[0].has("FAIL"));
        assert_eq!(r[0].line, 6);
    }

    #[test]
    fn a_repeated_field_starts_a_record_and_sections_reset() {
        let text = "[ENCRYPT]\nCOUNT = 0\nKEY = 00\nPT = 01\nKEY = 02\nPT = 03\n[DECRYPT]\nCOUNT = 0\nKEY = 04\n";
        let r = records(text, &["COUNT"]);
        assert_eq!(r.len(), 3);
        assert!(
            r[1].in_section("encrypt") && r[2].in_section("DECRYPT") && !r[2].in_section("ENCRYPT")
        );
    }
}
