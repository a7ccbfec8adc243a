//! Reading PETRARCH dictionary text: comments, blank lines and line numbers.
//!
//! All PETRARCH formats share the conventions of `PETRreader.read_FIN_line`: `#` starts a
//! comment (at the start of a line or anywhere in it), `<!-- ... -->` comments may span lines,
//! blank lines are skipped. Verb files also know TABARI's `;` comments (`VOW ;tony 3/9/91`).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Diagnostic, Error};

/// Where a dictionary's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DictSource {
    /// A file embedded in the binary, by name (see [`crate::embedded`]).
    Embedded(&'static str, &'static str),
    /// A user's file.
    Path(PathBuf),
    /// Text in memory, with the name diagnostics and `--explain` should show.
    Text {
        /// Name to report.
        name: String,
        /// The dictionary text.
        text: String,
    },
}

impl DictSource {
    /// A source for a file on disk.
    pub fn path(path: impl Into<PathBuf>) -> DictSource {
        DictSource::Path(path.into())
    }

    /// A source for text in memory.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> DictSource {
        DictSource::Text {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The name diagnostics and origins use.
    pub fn name(&self) -> Cow<'_, str> {
        match self {
            DictSource::Embedded(name, _) => Cow::Borrowed(name),
            DictSource::Path(p) => p.to_string_lossy(),
            DictSource::Text { name, .. } => Cow::Borrowed(name),
        }
    }

    /// Read the text. Invalid UTF-8 in a user's file is replaced (U+FFFD) and reported.
    pub(crate) fn read(
        &self,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<(Arc<str>, Cow<'_, str>), Error> {
        let name: Arc<str> = Arc::from(self.name().as_ref());
        let text = match self {
            DictSource::Embedded(_, text) => Cow::Borrowed(*text),
            DictSource::Text { text, .. } => Cow::Borrowed(text.as_str()),
            DictSource::Path(p) => Cow::Owned(read_file(p, &name, diags)?),
        };
        Ok((name, text))
    }
}

fn read_file(path: &Path, name: &Arc<str>, diags: &mut Vec<Diagnostic>) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            diags.push(Diagnostic::new(
                name,
                line as u32,
                "invalid UTF-8 (first bad byte here); bad sequences replaced by U+FFFD",
            ));
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

/// One content line: 1-based number and text with comments removed and whitespace trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub(crate) number: u32,
    pub(crate) text: &'a str,
    /// What follows a `#` on the line, trimmed (CAMEO.2.0 names there the verb a pattern was
    /// written for: `- * SANCTIONS [052] # OPPOSE`).
    pub(crate) comment: &'a str,
}

/// Iterates the content lines of a PETRARCH dictionary.
pub(crate) struct Lines<'a> {
    inner: std::iter::Enumerate<std::str::Lines<'a>>,
    in_xml_comment: bool,
    semicolon_comments: bool,
}

impl<'a> Lines<'a> {
    /// Lines of `text`; `semicolon_comments` also strips TABARI `;` comments.
    pub(crate) fn new(text: &'a str, semicolon_comments: bool) -> Lines<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Lines {
            inner: text.lines().enumerate(),
            in_xml_comment: false,
            semicolon_comments,
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        for (i, raw) in self.inner.by_ref() {
            let number = (i + 1) as u32;
            let mut text = raw;
            // PETRARCH skips any line opening with `<!`, including malformed `<! -- ... -->`.
            if !self.in_xml_comment && raw.starts_with("<!") && !raw.starts_with("<!--") {
                continue;
            }
            if self.in_xml_comment {
                match text.find("-->") {
                    Some(end) => {
                        self.in_xml_comment = false;
                        text = &text[end + 3..];
                    }
                    None => continue,
                }
            }
            // An XML comment on the line: keep what precedes it, and what follows a closed one.
            let mut owned_cut = text;
            if let Some(start) = text.find("<!--") {
                match text[start + 4..].find("-->") {
                    Some(rel) => {
                        let after = &text[start + 4 + rel + 3..];
                        if text[..start].trim().is_empty() {
                            owned_cut = after;
                        } else {
                            // Text before the comment; material after it is rare and dropped.
                            owned_cut = &text[..start];
                        }
                    }
                    None => {
                        self.in_xml_comment = true;
                        owned_cut = &text[..start];
                    }
                }
            }
            let mut text = owned_cut;
            let mut comment = "";
            if let Some(p) = text.find('#') {
                comment = text[p + 1..].trim();
                text = &text[..p];
            }
            if self.semicolon_comments {
                if let Some(p) = find_semicolon_comment(text) {
                    text = &text[..p];
                }
            }
            let text = text.trim();
            if !text.is_empty() {
                return Some(Line {
                    number,
                    text,
                    comment,
                });
            }
        }
        None
    }
}

/// A `;` that opens a TABARI comment: at the start of the line or after whitespace.
fn find_semicolon_comment(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| b == b';' && (i == 0 || bytes[i - 1].is_ascii_whitespace()))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, semi: bool) -> Vec<(u32, &str)> {
        Lines::new(text, semi).map(|l| (l.number, l.text)).collect()
    }

    #[test]
    fn comments_and_blank_lines_are_skipped_with_line_numbers_kept() {
        let text = "# header\n\nA [X] # note\n<!-- one -->\n<!-- two\nstill\n-->\n  B  \nC <!-- c --> \n<! -- odd -->\n";
        assert_eq!(lines(text, false), vec![(3, "A [X]"), (8, "B"), (9, "C")]);
    }

    #[test]
    fn semicolon_comments_only_when_asked() {
        assert_eq!(
            lines("VOW ;tony 3/9/91\nPA;X\n", true),
            vec![(1, "VOW"), (2, "PA;X")]
        );
        assert_eq!(lines("VOW ;tony\n", false), vec![(1, "VOW ;tony")]);
    }
}
