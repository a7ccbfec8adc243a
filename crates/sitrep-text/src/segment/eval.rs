//! Scoring the tokenizer and sentence splitter against CoNLL-U treebanks.
//!
//! The raw text comes from the `# text = …` comments. Gold tokens, words and sentences are
//! located in it by character offsets and compared with what [`Segmenter`] produces, as the
//! CoNLL 2018 shared task scores segmentation: a unit counts as correct when its span matches
//! exactly. Three units are scored: surface tokens (a multiword token such as `Iran's` is one),
//! words (its syntactic words `Iran` `'s`, which is what our tokens are) and sentences.
//!
//! Two layouts of the text: [`Layout::Running`] joins the sentences of a paragraph with a space
//! and paragraphs (`# newpar`, `# newdoc`) with a line break, which tests sentence splitting on
//! running text; [`Layout::Isolated`] gives each gold sentence its own paragraph, which tests
//! tokenization alone (any sentence split inside a gold sentence is then an error).

use crate::segment::lexicon::Lexicon;
use crate::segment::Segmenter;
use crate::{Sentence, Span, Token};

/// A malformed CoNLL-U file or a form that is not in the sentence text.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct EvalError {
    /// The file as named by the caller.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// How sentences of the treebank are laid out as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Sentences of a paragraph joined by a space, paragraphs by a line break.
    Running,
    /// Each sentence its own paragraph.
    Isolated,
}

/// The gold segmentation of a treebank file laid out as one text.
#[derive(Clone, Debug, Default)]
pub struct GoldText {
    /// The reconstructed raw text.
    pub text: String,
    /// Paragraph spans (what cleanup would have produced).
    pub paragraphs: Vec<Span>,
    /// Surface tokens (multiword tokens whole).
    pub tokens: Vec<Span>,
    /// Syntactic words; the words of a multiword token whose forms do not spell it share its span.
    pub words: Vec<Span>,
    /// Sentences, from the first token's start to the last token's end.
    pub sentences: Vec<Span>,
}

/// Counts for one unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Units in the gold standard.
    pub gold: usize,
    /// Units produced.
    pub system: usize,
    /// Produced units whose span matches a gold unit.
    pub correct: usize,
}

impl Score {
    /// Correct / produced.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }
    /// Correct / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.correct, self.gold + self.system)
    }
    /// Sum of two counts.
    pub fn add(&mut self, o: Score) {
        self.gold += o.gold;
        self.system += o.system;
        self.correct += o.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores for one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Surface tokens.
    pub tokens: Score,
    /// Syntactic words.
    pub words: Score,
    /// Sentences.
    pub sentences: Score,
}

impl Report {
    /// Sum of two reports.
    pub fn add(&mut self, o: Report) {
        self.tokens.add(o.tokens);
        self.words.add(o.words);
        self.sentences.add(o.sentences);
    }
}

/// One sentence as read from the file.
struct RawSentence {
    text: String,
    new_par: bool,
    /// Surface tokens: (form, words), with the line of the token.
    tokens: Vec<(String, Vec<String>, usize)>,
    line: usize,
}

/// Read a CoNLL-U file (`name` is used in errors) and lay its sentences out as text.
pub fn read_conllu(name: &str, src: &str, layout: Layout) -> Result<GoldText, EvalError> {
    let err = |line: usize, message: String| EvalError {
        file: name.to_string(),
        line,
        message,
    };
    let mut sentences: Vec<RawSentence> = Vec::new();
    let mut cur: Option<RawSentence> = None;
    let mut pending_par = true;
    let mut mwt_end = 0usize;
    for (i, line) in src.lines().enumerate() {
        let ln = i + 1;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if let Some(s) = cur.take() {
                sentences.push(s);
            }
            mwt_end = 0;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if c == "newpar"
                || c.starts_with("newpar ")
                || c.starts_with("newpar=")
                || c.starts_with("newdoc")
            {
                if !c.starts_with("newpar_") {
                    pending_par = true;
                }
            } else if let Some(t) = c.strip_prefix("text =") {
                let s = cur.get_or_insert_with(|| RawSentence {
                    text: String::new(),
                    new_par: false,
                    tokens: Vec::new(),
                    line: ln,
                });
                s.text = t.trim().to_string();
                s.new_par = std::mem::take(&mut pending_par);
            }
            continue;
        }
        let s = cur
            .as_mut()
            .ok_or_else(|| err(ln, "token line before `# text =`".into()))?;
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let form = cols
            .next()
            .ok_or_else(|| err(ln, "token line without a FORM column".into()))?;
        if id.contains('.') {
            continue; // empty nodes have no surface
        }
        if let Some((a, b)) = id.split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return Err(err(ln, format!("bad multiword range {id:?}"))),
            };
            if b < a {
                return Err(err(ln, format!("bad multiword range {id:?}")));
            }
            mwt_end = b;
            s.tokens.push((form.to_string(), Vec::new(), ln));
            continue;
        }
        let n: usize = id
            .parse()
            .map_err(|_| err(ln, format!("bad token id {id:?}")))?;
        if n <= mwt_end {
            if let Some(last) = s.tokens.last_mut() {
                last.1.push(form.to_string());
            }
        } else {
            s.tokens
                .push((form.to_string(), vec![form.to_string()], ln));
        }
    }
    if let Some(s) = cur.take() {
        sentences.push(s);
    }

    let mut g = GoldText::default();
    let mut para_start: Option<usize> = None;
    for s in &sentences {
        if s.text.is_empty() {
            continue;
        }
        let new_par = layout == Layout::Isolated || s.new_par || para_start.is_none();
        if new_par {
            if let Some(ps) = para_start {
                g.paragraphs.push(Span::new(ps, g.text.len()));
                g.text.push('\n');
            }
            para_start = Some(g.text.len());
        } else {
            g.text.push(' ');
        }
        let base = g.text.len();
        g.text.push_str(&s.text);
        let mut pos = 0;
        let mut first = None;
        let mut last = Span::default();
        for (form, words, ln) in &s.tokens {
            let rest = &s.text[pos..];
            pos += rest.len() - rest.trim_start().len();
            if !s.text[pos..].starts_with(form.as_str()) {
                return Err(err(
                    *ln,
                    format!("form {form:?} not found in the sentence text at byte {pos}"),
                ));
            }
            let span = Span::new(base + pos, base + pos + form.len());
            g.tokens.push(span);
            if words.iter().map(String::len).sum::<usize>() == form.len() && words.concat() == *form
            {
                let mut a = span.start;
                for w in words {
                    g.words.push(Span::new(a, a + w.len()));
                    a += w.len();
                }
            } else {
                g.words
                    .extend(std::iter::repeat_n(span, words.len().max(1)));
            }
            first.get_or_insert(span.start);
            last = span;
            pos += form.len();
        }
        match first {
            Some(f) => g.sentences.push(Span::new(f, last.end)),
            None => return Err(err(s.line, "sentence without tokens".into())),
        }
    }
    if let Some(ps) = para_start {
        g.paragraphs.push(Span::new(ps, g.text.len()));
    }
    g.words.dedup();
    Ok(g)
}

/// What the segmenter produced for a [`GoldText`], as spans.
#[derive(Clone, Debug, Default)]
pub struct SystemText {
    /// Surface tokens (clitics joined back, see [`surface_tokens`]).
    pub tokens: Vec<Span>,
    /// Our tokens, which are syntactic words.
    pub words: Vec<Span>,
    /// Sentences.
    pub sentences: Vec<Span>,
}

/// Segment the gold text's paragraphs.
pub fn segment(gold: &GoldText, segmenter: &Segmenter) -> Result<SystemText, crate::Error> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    segmenter.segment_spans(&gold.text, &gold.paragraphs, &mut tokens, &mut sentences)?;
    let words: Vec<Span> = tokens.iter().map(|t| t.span).collect();
    let lex = Lexicon::get().map_err(|e| crate::Error::Stage {
        stage: "segment",
        message: e.to_string(),
    })?;
    Ok(SystemText {
        tokens: surface_tokens(&gold.text, &words, lex),
        words,
        sentences: sentences.iter().map(|s| s.span).collect(),
    })
}

/// Segment the gold text's paragraphs and score tokens, words and sentences.
pub fn evaluate(gold: &GoldText, segmenter: &Segmenter) -> Result<Report, crate::Error> {
    let sys = segment(gold, segmenter)?;
    Ok(Report {
        tokens: score(&gold.tokens, &sys.tokens),
        words: score(&gold.words, &sys.words),
        sentences: score(&gold.sentences, &sys.sentences),
    })
}

/// The spans of `a` that are not in `b` (both sorted): gold units missed, or with the
/// arguments swapped, units produced in error.
pub fn missing(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut j = 0;
    for x in a {
        while j < b.len() && b[j] < *x {
            j += 1;
        }
        if b.get(j) != Some(x) {
            out.push(*x);
        }
    }
    out
}

/// Our tokens regrouped into surface tokens: a clitic (`'s`, `n't`) or the second part of a
/// contraction (`can|not`) written against the token before it joins that token.
pub fn surface_tokens(text: &str, words: &[Span], lex: &Lexicon) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(words.len());
    let mut cuts = Vec::new();
    for w in words {
        if let Some(last) = out.last_mut() {
            if last.end == w.start {
                let form = w.slice(text);
                let joined = Span::new(last.start, w.end).slice(text);
                let clitic = lex.clitic_len(&format!("x{form}")) == Some(form.len());
                lex.contraction_cuts(joined, &mut cuts);
                let contraction =
                    !cuts.is_empty() && cuts.iter().any(|&c| last.start + c == w.start);
                if clitic || contraction {
                    last.end = w.end;
                    continue;
                }
            }
        }
        out.push(*w);
    }
    out
}

/// Count exact span matches between two sorted span lists.
pub fn score(gold: &[Span], system: &[Span]) -> Score {
    let mut g: Vec<Span> = gold.to_vec();
    let mut s: Vec<Span> = system.to_vec();
    g.sort();
    g.dedup();
    s.sort();
    let (mut i, mut j, mut correct) = (0, 0, 0);
    while i < g.len() && j < s.len() {
        match g[i].cmp(&s[j]) {
            std::cmp::Ordering::Equal => {
                correct += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    Score {
        gold: g.len(),
        system: s.len(),
        correct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar id = p1\n# sent_id = 1\n# text = Iran's army left.\n1-2\tIran's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tIran\tIran\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n3\tarmy\tarmy\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n4\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n# sent_id = 2\n# text = It was 3.5% higher.\n1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\twas\tbe\tAUX\tVBD\t_\t0\troot\t_\t_\n3\t3.5\t3.5\tNUM\tCD\t_\t4\tnummod\t_\tSpaceAfter=No\n4\t%\t%\tSYM\tNN\t_\t5\tobl\t_\t_\n5\thigher\thigh\tADJ\tJJR\t_\t2\txcomp\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn reads_and_scores_perfectly() {
        let g = read_conllu("sample.conllu", SAMPLE, Layout::Running).expect("reads");
        assert_eq!(g.text, "Iran's army left. It was 3.5% higher.");
        assert_eq!(g.paragraphs.len(), 1);
        assert_eq!(g.tokens.len(), 10);
        assert_eq!(g.words.len(), 11);
        assert_eq!(g.sentences.len(), 2);
        let r = evaluate(&g, &Segmenter::default()).expect("segments");
        assert_eq!(
            r.words,
            Score {
                gold: 11,
                system: 11,
                correct: 11
            }
        );
        assert_eq!(
            r.tokens,
            Score {
                gold: 10,
                system: 10,
                correct: 10
            }
        );
        assert_eq!(r.sentences.f1(), 1.0);
        let iso = read_conllu("sample.conllu", SAMPLE, Layout::Isolated).expect("reads");
        assert_eq!(iso.text, "Iran's army left.\nIt was 3.5% higher.");
        assert_eq!(iso.paragraphs.len(), 2);
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = "# text = abc\n1\txyz\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let e = read_conllu("bad.conllu", bad, Layout::Running).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.to_string().starts_with("bad.conllu:2: form \"xyz\""),
            "{e}"
        );
        let e = read_conllu("bad.conllu", "1\tx\n", Layout::Running).unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn score_counts() {
        let s = score(&[Span::new(0, 1), Span::new(1, 2)], &[Span::new(0, 2)]);
        assert_eq!(
            s,
            Score {
                gold: 2,
                system: 1,
                correct: 0
            }
        );
        let s = score(&[Span::new(0, 1)], &[Span::new(0, 1)]);
        assert_eq!((s.precision(), s.recall(), s.f1()), (1.0, 1.0, 1.0));
        assert_eq!(Score::default().f1(), 0.0);
    }
}
