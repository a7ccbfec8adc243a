//! A dependency-tree view of one parsed sentence: heads, children, subtrees, spans.
//!
//! Token indices here are sentence-local (0-based); `global(i)` maps back to
//! `Document::tokens`. Built once per sentence and shared by mentions, events and quotes.

use sitrep_text::{DepRel, Document, Span, Token, Upos};

/// One parsed sentence with child lists.
pub struct Tree<'d> {
    /// The document.
    pub doc: &'d Document,
    /// Index of the sentence in `doc.sentences`.
    pub sent: usize,
    /// Global index of the sentence's first token.
    pub base: usize,
    /// The sentence's tokens.
    pub toks: &'d [Token],
    kids: Vec<Vec<u32>>,
}

impl<'d> Tree<'d> {
    /// The tree of sentence `sent` of `doc`.
    pub fn new(doc: &'d Document, sent: usize) -> Tree<'d> {
        let s = &doc.sentences[sent];
        let toks = &doc.tokens[s.tokens()];
        let mut kids = vec![Vec::new(); toks.len()];
        for (i, t) in toks.iter().enumerate() {
            let h = t.head as usize;
            if h >= 1 && h <= toks.len() && h - 1 != i {
                kids[h - 1].push(i as u32);
            }
        }
        Tree {
            doc,
            sent,
            base: s.token_start,
            toks,
            kids,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Global token index of local index `i`.
    pub fn global(&self, i: usize) -> usize {
        self.base + i
    }

    /// The token's form as the models see it (normalised quotes).
    pub fn form(&self, i: usize) -> &'d str {
        self.toks[i].form(&self.doc.text)
    }

    /// The token's original text.
    pub fn text(&self, i: usize) -> &'d str {
        self.toks[i].span.slice(&self.doc.text)
    }

    /// Universal POS tag.
    pub fn upos(&self, i: usize) -> Upos {
        self.toks[i].upos
    }

    /// Relation to the head.
    pub fn rel(&self, i: usize) -> DepRel {
        self.toks[i].deprel
    }

    /// Head (local index), `None` for the root or an out-of-range head.
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.toks[i].head as usize;
        (h >= 1 && h <= self.toks.len() && h - 1 != i).then(|| h - 1)
    }

    /// Children in text order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids[i].iter().map(|&k| k as usize)
    }

    /// First child with one of the relations.
    pub fn child(&self, i: usize, rels: &[DepRel]) -> Option<usize> {
        self.children(i).find(|&k| rels.contains(&self.rel(k)))
    }

    /// All children with one of the relations.
    pub fn children_with<'a>(
        &'a self,
        i: usize,
        rels: &'a [DepRel],
    ) -> impl Iterator<Item = usize> + 'a {
        self.children(i)
            .filter(move |&k| rels.contains(&self.rel(k)))
    }

    /// True when `anc` dominates `i` (or is `i`).
    pub fn dominates(&self, anc: usize, mut i: usize) -> bool {
        for _ in 0..self.toks.len() + 1 {
            if i == anc {
                return true;
            }
            match self.head(i) {
                Some(h) => i = h,
                None => return false,
            }
        }
        false
    }

    /// The child of `anc` whose subtree holds `i` (`None` when `anc` does not dominate `i` or
    /// is `i`).
    pub fn child_toward(&self, anc: usize, mut i: usize) -> Option<usize> {
        for _ in 0..self.toks.len() {
            let h = self.head(i)?;
            if h == anc {
                return Some(i);
            }
            i = h;
        }
        None
    }

    /// Lowest and highest local index of `i`'s subtree, skipping children for which
    /// `skip(child)` is true (their subtrees are left out).
    pub fn subtree_bounds(&self, i: usize, skip: &dyn Fn(usize) -> bool) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut steps = 0;
        while let Some(n) = stack.pop() {
            steps += 1;
            if steps > self.toks.len() * 2 + 4 {
                break; // a malformed (cyclic) tree cannot loop us forever
            }
            lo = lo.min(n);
            hi = hi.max(n);
            for k in self.children(n) {
                if !skip(k) {
                    stack.push(k);
                }
            }
        }
        (lo, hi)
    }

    /// Byte span from token `lo` to token `hi` inclusive.
    pub fn span(&self, lo: usize, hi: usize) -> Span {
        self.toks[lo].span.cover(self.toks[hi].span)
    }

    /// Byte span of the whole sentence.
    pub fn sentence_span(&self) -> Span {
        self.doc.sentences[self.sent].span
    }

    /// The root token (first token with head 0), if any.
    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&i| self.toks[i].head == 0)
    }

    /// True when the token's lowercase form equals `w` (ASCII case-insensitive).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.form(i).eq_ignore_ascii_case(w)
    }
}
