//! CoNLL-U reading and writing.
//!
//! The reader keeps comments (`# sent_id`, `# text`) and the lines of multiword tokens
//! (`1-2`) and empty nodes (`1.1`) verbatim, so that re-predicted output matches its input
//! token for token; only the basic words (integer ids) are analysed. A malformed line is
//! reported with its file and line number and its sentence is skipped; reading goes on.

use std::fmt::Write as _;
use std::path::Path;

use sitrep_text::{DepRel, Upos, Xpos};

/// A malformed CoNLL-U line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct ConlluError {
    /// File name (or other source label) the line came from.
    pub source_name: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// One word (a line with an integer id) of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// Surface form (column 2).
    pub form: String,
    /// Lemma (column 3), `_` when absent.
    pub lemma: String,
    /// Universal POS tag as written (column 4).
    pub upos: String,
    /// Language-specific tag as written (column 5).
    pub xpos: String,
    /// Morphological features (column 6).
    pub feats: String,
    /// Head (column 7): 0 for the root; `None` when written `_`.
    pub head: Option<u32>,
    /// Relation to the head as written (column 8).
    pub deprel: String,
    /// Enhanced dependencies (column 9).
    pub deps: String,
    /// Anything else (column 10).
    pub misc: String,
}

impl Word {
    /// A word with only a form; every other column `_`.
    pub fn from_form(form: &str) -> Word {
        let u = || "_".to_string();
        Word {
            form: form.to_string(),
            lemma: u(),
            upos: u(),
            xpos: u(),
            feats: u(),
            head: None,
            deprel: u(),
            deps: u(),
            misc: u(),
        }
    }

    /// The UPOS column as a tag (`Upos::None` for `_` or an unknown tag).
    pub fn upos_tag(&self) -> Upos {
        Upos::parse(&self.upos).unwrap_or_default()
    }

    /// The XPOS column as a Penn tag (`Xpos::None` for `_` or an unknown tag).
    pub fn xpos_tag(&self) -> Xpos {
        Xpos::parse(&self.xpos).unwrap_or_default()
    }

    /// The DEPREL column as a relation; labels outside the UD English set map to `dep`.
    pub fn deprel_tag(&self) -> DepRel {
        match DepRel::parse(&self.deprel) {
            Some(DepRel::None) if self.deprel == "_" => DepRel::None,
            Some(r) => r,
            None => {
                DepRel::parse(self.deprel.split(':').next().unwrap_or("")).unwrap_or(DepRel::Dep)
            }
        }
    }
}

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines without the leading `#` and one following space, in order.
    pub comments: Vec<String>,
    /// The words (integer ids `1..=n`), in order.
    pub words: Vec<Word>,
    /// Multiword-token and empty-node lines kept verbatim: `(k, line)` is written before
    /// word `k` (0-based; `k == words.len()` means after the last word).
    pub extra: Vec<(usize, String)>,
}

impl Sentence {
    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// The forms of the words.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// The sentences read from a CoNLL-U text, and the malformed lines met on the way.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// Well-formed sentences, in order.
    pub sentences: Vec<Sentence>,
    /// One error per skipped sentence (its first bad line).
    pub errors: Vec<ConlluError>,
}

/// Read CoNLL-U from a string; `source_name` labels errors (usually the file name).
pub fn read_str(text: &str, source_name: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut cur = Sentence::default();
    let mut bad: Option<ConlluError> = None;
    let mut any = false;
    let flush =
        |cur: &mut Sentence, bad: &mut Option<ConlluError>, any: &mut bool, out: &mut Parsed| {
            let s = std::mem::take(cur);
            match bad.take() {
                Some(e) => out.errors.push(e),
                None if !s.words.is_empty() => out.sentences.push(s),
                None if *any => out.errors.push(ConlluError {
                    source_name: source_name.to_string(),
                    line: 0,
                    message: "sentence without words".to_string(),
                }),
                None => {}
            }
            *any = false;
        };
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let lineno = i + 1;
        if line.trim().is_empty() {
            flush(&mut cur, &mut bad, &mut any, &mut out);
            continue;
        }
        any = true;
        if bad.is_some() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments
                .push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        match parse_line(line, cur.words.len()) {
            Ok(Line::Word(w)) => cur.words.push(w),
            Ok(Line::Extra) => cur.extra.push((cur.words.len(), line.to_string())),
            Err(message) => {
                bad = Some(ConlluError {
                    source_name: source_name.to_string(),
                    line: lineno,
                    message,
                })
            }
        }
    }
    flush(&mut cur, &mut bad, &mut any, &mut out);
    // Heads must point inside their sentence.
    let mut kept = Vec::with_capacity(out.sentences.len());
    for s in out.sentences {
        let n = s.words.len() as u32;
        if let Some(w) = s.words.iter().find(|w| w.head.is_some_and(|h| h > n)) {
            out.errors.push(ConlluError {
                source_name: source_name.to_string(),
                line: 0,
                message: format!(
                    "sentence {}: head {} of {:?} is outside the sentence ({} words)",
                    s.comment("sent_id").unwrap_or("?"),
                    w.head.unwrap_or(0),
                    w.form,
                    n
                ),
            });
        } else {
            kept.push(s);
        }
    }
    out.sentences = kept;
    out
}

/// Read a CoNLL-U file (see [`read_str`]).
pub fn read_file(path: &Path) -> Result<Parsed, crate::Error> {
    let text = std::fs::read_to_string(path).map_err(|e| crate::Error::io(path, e))?;
    Ok(read_str(&text, &path.display().to_string()))
}

enum Line {
    Word(Word),
    Extra,
}

fn parse_line(line: &str, n_before: usize) -> Result<Line, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let id = cols[0];
    if id.contains('-') || id.contains('.') {
        let ok = id
            .split(['-', '.'])
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        return if ok {
            Ok(Line::Extra)
        } else {
            Err(format!("bad token id {id:?}"))
        };
    }
    let n: usize = id.parse().map_err(|_| format!("bad token id {id:?}"))?;
    if n != n_before + 1 {
        return Err(format!(
            "token id {n} out of sequence (expected {})",
            n_before + 1
        ));
    }
    if cols[1].is_empty() {
        return Err("empty FORM".to_string());
    }
    let head = match cols[6] {
        "_" => None,
        h => Some(h.parse::<u32>().map_err(|_| format!("bad HEAD {h:?}"))?),
    };
    if head == Some(n as u32) {
        return Err(format!("token {n} is its own head"));
    }
    let col = |i: usize| {
        if cols[i].is_empty() {
            "_".to_string()
        } else {
            cols[i].to_string()
        }
    };
    Ok(Line::Word(Word {
        form: cols[1].to_string(),
        lemma: col(2),
        upos: col(3),
        xpos: col(4),
        feats: col(5),
        head,
        deprel: col(7),
        deps: col(8),
        misc: col(9),
    }))
}

/// Append one sentence as CoNLL-U (comments, words, extra lines, then a blank line).
pub fn write_sentence(out: &mut String, s: &Sentence) {
    for c in &s.comments {
        out.push('#');
        if !c.is_empty() {
            out.push(' ');
        }
        out.push_str(c);
        out.push('\n');
    }
    let mut extra = s.extra.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        while let Some((_, line)) = extra.next_if(|(k, _)| *k <= i) {
            out.push_str(line);
            out.push('\n');
        }
        let _ = write!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t",
            i + 1,
            w.form,
            w.lemma,
            w.upos,
            w.xpos,
            w.feats
        );
        match w.head {
            Some(h) => {
                let _ = write!(out, "{h}");
            }
            None => out.push('_'),
        }
        let _ = writeln!(out, "\t{}\t{}\t{}", w.deprel, w.deps, w.misc);
    }
    for (_, line) in extra {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// Write sentences as CoNLL-U text.
pub fn write_str(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(&mut out, s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n4.1\tknew\t_\t_\t_\t_\t_\t_\t4:conj\t_\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n";

    #[test]
    fn roundtrip() {
        let p = read_str(SAMPLE, "t");
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.sentences.len(), 1);
        let s = &p.sentences[0];
        assert_eq!(s.forms(), vec!["I", "do", "n't", "know", "."]);
        assert_eq!(s.comment("sent_id"), Some("a-1"));
        assert_eq!(s.words[3].head, Some(0));
        assert_eq!(s.words[1].deprel_tag(), DepRel::Aux);
        assert_eq!(write_str(&p.sentences), SAMPLE);
    }

    #[test]
    fn malformed_lines_skip_their_sentence() {
        let text = "1\tA\t_\tX\tFW\t_\t0\troot\t_\t_\n\n1\tB\t_\tX\n\n1\tC\t_\tX\tFW\t_\tzero\troot\t_\t_\n\n2\tD\t_\tX\tFW\t_\t0\troot\t_\t_\n\n1\tE\t_\tX\tFW\t_\t7\troot\t_\t_\n\n1\tF\t_\tX\tFW\t_\t0\troot\t_\t_\n";
        let p = read_str(text, "bad.conllu");
        let forms: Vec<_> = p
            .sentences
            .iter()
            .map(|s| s.words[0].form.clone())
            .collect();
        assert_eq!(forms, vec!["A", "F"]);
        assert_eq!(p.errors.len(), 4);
        assert_eq!(p.errors[0].line, 3);
        assert!(p.errors[0]
            .to_string()
            .starts_with("bad.conllu:3: expected 10"));
        assert_eq!(p.errors[1].line, 5);
        assert_eq!(p.errors[2].line, 7);
        assert!(p.errors[3].message.contains("outside the sentence"));
    }

    #[test]
    fn unknown_labels_map_to_dep() {
        let mut w = Word::from_form("x");
        w.deprel = "nmod:weird".into();
        assert_eq!(w.deprel_tag(), DepRel::Nmod);
        w.deprel = "zzz".into();
        assert_eq!(w.deprel_tag(), DepRel::Dep);
    }
}
