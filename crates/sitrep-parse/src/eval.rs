//! Scoring tagger and parser output against gold CoNLL-U (gold tokenization).
//!
//! Every word counts, punctuation included, as in the CoNLL 2018 shared task. `las` compares
//! universal relations only (subtypes stripped, as the shared task's `conll18_ud_eval.py`
//! does); `las_full` compares full labels such as `nsubj:pass`.

use crate::conllu::Sentence;
use crate::pipeline::{Analysis, Pipeline, Scratch};

/// Counts of correct predictions over a set of sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Sentences scored.
    pub sentences: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal relation.
    pub las: usize,
    /// Correct head and full relation (with subtype).
    pub las_full: usize,
}

impl Scores {
    fn pct(&self, n: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.words as f64
        }
    }
    /// UPOS accuracy in percent.
    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }
    /// XPOS accuracy in percent.
    pub fn xpos_pct(&self) -> f64 {
        self.pct(self.xpos)
    }
    /// Unlabelled attachment score in percent.
    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }
    /// Labelled attachment score (universal relations) in percent.
    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }
    /// Labelled attachment score with full labels in percent.
    pub fn las_full_pct(&self) -> f64 {
        self.pct(self.las_full)
    }

    /// Add another set of counts.
    pub fn add(&mut self, o: &Scores) {
        self.words += o.words;
        self.sentences += o.sentences;
        self.upos += o.upos;
        self.xpos += o.xpos;
        self.uas += o.uas;
        self.las += o.las;
        self.las_full += o.las_full;
    }

    /// Count one sentence's predictions against its gold words.
    pub fn count(&mut self, gold: &Sentence, pred: &[Analysis]) {
        self.sentences += 1;
        for (g, p) in gold.words.iter().zip(pred) {
            self.words += 1;
            self.upos += usize::from(g.upos_tag() == p.upos && g.upos != "_");
            self.xpos += usize::from(g.xpos_tag() == p.xpos && g.xpos != "_");
            if g.head == Some(p.head) {
                self.uas += 1;
                let gl = g.deprel_tag();
                self.las += usize::from(gl.base() == p.deprel.base());
                self.las_full += usize::from(gl == p.deprel);
            }
        }
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "UPOS {:.2}  XPOS {:.2}  UAS {:.2}  LAS {:.2}  (LAS full labels {:.2}; {} words, {} sentences)",
            self.upos_pct(),
            self.xpos_pct(),
            self.uas_pct(),
            self.las_pct(),
            self.las_full_pct(),
            self.words,
            self.sentences
        )
    }
}

/// Re-predict every sentence (keeping gold tokens) and score it.
pub fn evaluate(pipeline: &Pipeline, gold: &[Sentence]) -> Scores {
    let mut sc = Scratch::default();
    let mut out = Vec::new();
    let mut forms: Vec<&str> = Vec::new();
    let mut scores = Scores::default();
    for s in gold {
        forms.clear();
        forms.extend(s.words.iter().map(|w| w.form.as_str()));
        pipeline.analyze_into(&forms, &mut sc, &mut out);
        scores.count(s, &out);
    }
    scores
}

/// Like [`evaluate`], but the parser gets the gold tags: the parser's accuracy alone.
pub fn evaluate_gold_tags(pipeline: &Pipeline, gold: &[Sentence]) -> Scores {
    let mut out = Vec::new();
    let mut scores = Scores::default();
    for s in gold {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let tags: Vec<_> = s
            .words
            .iter()
            .map(|w| (w.upos_tag(), w.xpos_tag()))
            .collect();
        pipeline.analyze_tagged(&forms, &tags, &mut out);
        scores.count(s, &out);
    }
    scores
}
