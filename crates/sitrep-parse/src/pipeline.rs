//! The tagger and parser together: model files, one-sentence analysis, the document
//! [`Stage`], and CoNLL-U re-prediction.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use sitrep_text::{DepRel, Document, Stage, Upos, Xpos};

use crate::bin::{Reader, Writer};
use crate::conllu::{self, ConlluError};
use crate::lex::{Lex, LexBuf};
use crate::parser::{ParseBuf, Parser, Tok, ROOT_TOK};
use crate::tagger::{TagBuf, Tagger};
use crate::Error;

/// File name of the model inside a model directory.
pub const MODEL_FILE: &str = "en-ud.model";
const MAGIC: &[u8; 12] = b"SITREP-PARSE";
/// Model format version written: 3 added word clusters.
pub(crate) const VERSION: u32 = 3;
/// The oldest version read (version 2: no clusters; such models read no cluster features).
const MIN_VERSION: u32 = 2;

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../models/en-ud.model");
static EMBEDDED: OnceLock<Result<Pipeline, String>> = OnceLock::new();

/// The analysis of one token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
    /// 0 for the root, else the 1-based index of the head in the sentence.
    pub head: u32,
    /// Relation to the head.
    pub deprel: DepRel,
}

struct Inner {
    tagger: Tagger,
    parser: Parser,
    about: String,
}

/// Tagger plus parser, cheap to clone and shareable across threads.
#[derive(Clone)]
pub struct Pipeline {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("about", &self.inner.about)
            .finish_non_exhaustive()
    }
}

/// Reusable per-thread buffers, so that analysing a sentence allocates nothing per token.
#[derive(Default)]
pub struct Scratch {
    lexbuf: LexBuf,
    lex: Vec<Lex>,
    tag: TagBuf,
    classes: Vec<u16>,
    toks: Vec<Tok>,
    parse: ParseBuf,
}

impl Pipeline {
    pub(crate) fn new(tagger: Tagger, parser: Parser, about: String) -> Pipeline {
        Pipeline {
            inner: Arc::new(Inner {
                tagger,
                parser,
                about,
            }),
        }
    }

    /// The model committed under `models/` and compiled into the library; decoded once per
    /// process, later calls return a shared handle.
    pub fn embedded() -> Result<Pipeline, Error> {
        let r = EMBEDDED.get_or_init(|| {
            Pipeline::from_bytes(EMBEDDED_BYTES, "embedded en-ud.model").map_err(|e| e.to_string())
        });
        match r {
            Ok(p) => Ok(p.clone()),
            Err(m) => Err(Error::Model {
                name: "embedded en-ud.model".into(),
                offset: 0,
                message: m.clone(),
            }),
        }
    }

    /// Load a model directory written by [`Pipeline::save`] (or `sitrep train --out`).
    pub fn load(dir: &Path) -> Result<Pipeline, Error> {
        let path = dir.join(MODEL_FILE);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        Pipeline::from_bytes(&bytes, &path.display().to_string())
    }

    /// Decode a model from its bytes; `name` labels errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Pipeline, Error> {
        let mut r = Reader::new(bytes, name);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(r.err("not a sitrep tagger/parser model"));
        }
        let v = r.u32()?;
        if !(MIN_VERSION..=VERSION).contains(&v) {
            return Err(r.err(format!(
                "model version {v}, this build reads versions {MIN_VERSION} to {VERSION}"
            )));
        }
        let about = r.str()?.to_string();
        let tagger = Tagger::read(&mut r, v)?;
        let parser = Parser::read(&mut r)?;
        r.expect_end()?;
        Ok(Pipeline::new(tagger, parser, about))
    }

    /// Encode the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.bytes(self.inner.about.as_bytes());
        self.inner.tagger.write(&mut w);
        self.inner.parser.write(&mut w);
        w.buf
    }

    /// Encoded bytes of each part of the model: tagger, guide parser (0 without one), main
    /// parser.
    pub fn part_sizes(&self) -> [(&'static str, usize); 3] {
        let mut t = Writer::default();
        self.inner.tagger.write(&mut t);
        let (guide, main) = self.inner.parser.part_sizes();
        [
            ("tagger", t.buf.len()),
            ("guide parser", guide),
            ("parser", main),
        ]
    }

    /// Write the model into `dir` (created if missing) as [`MODEL_FILE`].
    pub fn save(&self, dir: &Path) -> Result<(), Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = dir.join(MODEL_FILE);
        std::fs::write(&path, self.to_bytes()).map_err(|e| Error::io(&path, e))
    }

    /// How the model was trained (free text stored in the model file).
    pub fn about(&self) -> &str {
        &self.inner.about
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.inner.tagger
    }

    /// The word clusters the tagger and parser read (empty for a model trained without).
    pub fn clusters(&self) -> &crate::Clusters {
        &self.inner.tagger.clusters
    }

    /// The parser.
    pub fn parser(&self) -> &Parser {
        &self.inner.parser
    }

    /// Tag and parse one sentence given its token forms.
    pub fn analyze(&self, forms: &[&str]) -> Vec<Analysis> {
        let mut out = Vec::with_capacity(forms.len());
        self.analyze_into(forms, &mut Scratch::default(), &mut out);
        out
    }

    /// Tag and parse one sentence into `out` (cleared first), reusing `scratch`.
    pub fn analyze_into(&self, forms: &[&str], scratch: &mut Scratch, out: &mut Vec<Analysis>) {
        self.analyze_iter(forms.iter().copied(), scratch, out);
    }

    fn analyze_iter<'a>(
        &self,
        forms: impl Iterator<Item = &'a str>,
        sc: &mut Scratch,
        out: &mut Vec<Analysis>,
    ) {
        out.clear();
        self.lex_into(forms, sc);
        if sc.lex.is_empty() {
            return;
        }
        let tagger = &self.inner.tagger;
        tagger.tag(&sc.lex, &mut sc.tag, &mut sc.classes);
        self.parse_lexed(sc, out);
    }

    /// Lexical analysis of a sentence's forms into `sc.lex`, with the model's word clusters.
    fn lex_into<'a>(&self, forms: impl Iterator<Item = &'a str>, sc: &mut Scratch) {
        sc.lex.clear();
        for f in forms {
            sc.lex.push(sc.lexbuf.lex(f));
        }
        self.inner.tagger.clusters.fill(&mut sc.lex);
    }

    /// Tag one sentence (no parsing) into `out` (cleared first), reusing `scratch`.
    pub fn tag_into(&self, forms: &[&str], sc: &mut Scratch, out: &mut Vec<(Upos, Xpos)>) {
        out.clear();
        self.lex_into(forms.iter().copied(), sc);
        let tagger = &self.inner.tagger;
        tagger.tag(&sc.lex, &mut sc.tag, &mut sc.classes);
        out.extend(sc.classes.iter().map(|&c| tagger.classes[c as usize]));
    }

    /// Parse with given tags instead of the tagger's (one `(UPOS, XPOS)` per form): for
    /// measuring the parser alone, or for callers that tag otherwise.
    pub fn analyze_tagged(&self, forms: &[&str], tags: &[(Upos, Xpos)], out: &mut Vec<Analysis>) {
        self.analyze_tagged_into(forms, tags, &mut Scratch::default(), out);
    }

    /// [`Pipeline::analyze_tagged`] reusing `scratch`.
    pub fn analyze_tagged_into(
        &self,
        forms: &[&str],
        tags: &[(Upos, Xpos)],
        sc: &mut Scratch,
        out: &mut Vec<Analysis>,
    ) {
        out.clear();
        sc.classes.clear();
        self.lex_into(forms.iter().copied(), sc);
        if sc.lex.is_empty() || tags.len() != forms.len() {
            return;
        }
        let tagger = &self.inner.tagger;
        sc.classes.extend(tags.iter().map(|t| {
            tagger
                .classes
                .iter()
                .position(|c| c == t)
                .unwrap_or_else(|| tagger.classes.iter().position(|c| c.1 == t.1).unwrap_or(0))
                as u16
        }));
        self.parse_lexed(sc, out);
    }

    fn parse_lexed(&self, sc: &mut Scratch, out: &mut Vec<Analysis>) {
        let tagger = &self.inner.tagger;
        sc.toks.clear();
        sc.toks.push(ROOT_TOK);
        for (l, &c) in sc.lex.iter().zip(&sc.classes) {
            let (u, x) = tagger.classes[c as usize];
            sc.toks.push(Tok::new(l, (u, x)));
        }
        self.inner.parser.parse(&mut sc.toks, &mut sc.parse);
        let start = out.len();
        let tree = &sc.parse;
        for (i, &c) in sc.classes.iter().enumerate() {
            let (upos, xpos) = tagger.classes[c as usize];
            let head = tree.heads.get(i + 1).copied().unwrap_or(0);
            let deprel = tree
                .labels
                .get(i + 1)
                .and_then(|&l| DepRel::from_index(l as usize))
                .unwrap_or(DepRel::Dep);
            out.push(Analysis {
                upos,
                xpos,
                head: if head == u32::MAX { 0 } else { head },
                deprel,
            });
        }
        crate::repair::repair(&mut out[start..], |i, w| {
            sc.lex[i].lower == crate::hash::str(w)
        });
    }

    /// Tag and parse every sentence of a document in place (see [`Stage`]).
    pub fn annotate(&self, doc: &mut Document) {
        let mut sc = Scratch::default();
        let mut out = Vec::new();
        let Document {
            text,
            sentences,
            tokens,
            ..
        } = doc;
        for s in sentences.iter() {
            let Some(toks) = tokens.get_mut(s.tokens()) else {
                continue;
            };
            self.analyze_iter(toks.iter().map(|t| t.form(text)), &mut sc, &mut out);
            for (t, a) in toks.iter_mut().zip(&out) {
                t.upos = a.upos;
                t.xpos = a.xpos;
                t.head = a.head;
                t.deprel = a.deprel;
            }
        }
    }
}

impl Stage for Pipeline {
    fn run(&self, doc: &mut Document) -> Result<(), sitrep_text::Error> {
        self.annotate(doc);
        Ok(())
    }
}

/// CoNLL-U with re-predicted analyses, and the malformed input lines that were skipped.
#[derive(Clone, Debug, Default)]
pub struct Reparsed {
    /// CoNLL-U text: input tokens, comments and other columns kept; UPOS, XPOS, HEAD and
    /// DEPREL predicted.
    pub conllu: String,
    /// Sentences skipped because of a malformed line.
    pub errors: Vec<ConlluError>,
}

/// Keep the tokens of a CoNLL-U text and re-predict UPOS, XPOS, HEAD and DEPREL;
/// `source_name` labels errors. This is what `sitrep parse --input conllu` prints.
pub fn reparse_conllu(text: &str, source_name: &str, pipeline: &Pipeline) -> Reparsed {
    let parsed = conllu::read_str(text, source_name);
    let mut sc = Scratch::default();
    let mut out = Vec::new();
    let mut s_out = String::with_capacity(text.len() + 1024);
    for mut s in parsed.sentences {
        reparse_sentence(pipeline, &mut s, &mut sc, &mut out);
        conllu::write_sentence(&mut s_out, &s);
    }
    Reparsed {
        conllu: s_out,
        errors: parsed.errors,
    }
}

/// Re-predict the analyses of one CoNLL-U sentence in place.
pub fn reparse_sentence(
    pipeline: &Pipeline,
    s: &mut conllu::Sentence,
    sc: &mut Scratch,
    out: &mut Vec<Analysis>,
) {
    pipeline.analyze_iter(s.words.iter().map(|w| w.form.as_str()), sc, out);
    for (w, a) in s.words.iter_mut().zip(out.iter()) {
        w.upos = a.upos.as_str().to_string();
        w.xpos = a.xpos.as_str().to_string();
        w.head = Some(a.head);
        w.deprel = a.deprel.as_str().to_string();
    }
}
