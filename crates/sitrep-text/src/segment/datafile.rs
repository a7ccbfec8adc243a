//! Reading the word lists and rule tables embedded from `crates/sitrep-text/data/`.
//!
//! The files are compiled into the binary with `include_str!`; a malformed row is still
//! reported as an error naming the file and line rather than a panic.

/// A malformed row in an embedded data file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("data/{file}:{line}: {message}")]
pub struct DataError {
    /// File name under `crates/sitrep-text/data/`.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with the row.
    pub message: String,
}

/// The rows of a data file: `(line number, trimmed row)`, skipping blank lines and `#` comments.
pub fn rows(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            None
        } else {
            Some((i + 1, l))
        }
    })
}

/// Split a tab-separated row into exactly `n` fields, or say which row is malformed.
pub fn fields<const N: usize>(
    file: &'static str,
    line: usize,
    row: &'static str,
) -> Result<[&'static str; N], DataError> {
    let mut out = [""; N];
    let mut it = row.splitn(N, '\t');
    for (k, slot) in out.iter_mut().enumerate() {
        match it.next() {
            Some(f) if !f.trim().is_empty() => *slot = f.trim(),
            _ => {
                return Err(DataError {
                    file,
                    line,
                    message: format!(
                        "expected {N} tab-separated fields, field {} is missing",
                        k + 1
                    ),
                })
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_fields() {
        let text = "# comment\n\na\tb\n  \nc\n";
        let r: Vec<_> = rows(text).collect();
        assert_eq!(r, vec![(3, "a\tb"), (5, "c")]);
        assert_eq!(fields::<2>("t", 3, "a\tb"), Ok(["a", "b"]));
        let e = fields::<2>("t", 5, "c").unwrap_err();
        assert_eq!(
            e.to_string(),
            "data/t:5: expected 2 tab-separated fields, field 2 is missing"
        );
    }
}
