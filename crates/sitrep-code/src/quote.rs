//! Quotes and their speakers.
//!
//! Direct quotes come from paired quotation marks ([`crate::quote_marks`]); the speaker is
//! the subject of the speech verb next to the quote in the same sentences (`X said, “…”`,
//! `“…,” X added`, `X said “…” to …`, a participle such as `saying “…”` sharing its clause's
//! subject), the object of `according to`, or — for a quote that makes up its own sentence —
//! the speaker of the previous sentence or of the quote it continues. Indirect quotes are
//! the clausal complements of speech verbs outside quotation marks (`X said that …`).

use sitrep_text::{DepRel, Document, Span, Upos};

use crate::mention::Mention;
use crate::quote_marks::{find_quotes, QuoteSpan};
use crate::tree::Tree;
use crate::words::{lemma, Words};

/// A quote with its speaker mention.
#[derive(Clone, Debug)]
pub struct Quote {
    /// The quoted text (inside the marks).
    pub span: Span,
    /// The marks and the text between them.
    pub outer: Span,
    /// `direct` or `indirect`.
    pub kind: &'static str,
    /// The speaker mention (document mention index).
    pub speaker: Option<usize>,
    /// How the speaker was found.
    pub how: String,
}

/// Find all quotes of a document and attribute them. `trees[i]` is the tree of sentence
/// `i`; `mention_at[i][k]` the mention headed by token `k` of sentence `i`.
pub fn find(
    doc: &Document,
    trees: &[Tree],
    mentions: &[Mention],
    mention_at: &[Vec<Option<usize>>],
    words: &Words,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, usize)> = None; // (paragraph, mention)
    for (pi, &para) in doc.paragraphs.iter().enumerate() {
        let spans = find_quotes(&doc.text, para);
        let sents: Vec<usize> = doc
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.paragraph == pi)
            .map(|(i, _)| i)
            .collect();
        for q in &spans {
            if q.depth > 0 {
                out.push(Quote {
                    span: q.inner,
                    outer: q.outer,
                    kind: "direct",
                    speaker: None,
                    how: "quote within a quote".into(),
                });
                continue;
            }
            let (speaker, how) = attribute(
                doc,
                trees,
                mentions,
                mention_at,
                words,
                &spans,
                q,
                &sents,
                pi,
                last_speaker,
            );
            if let Some(s) = speaker {
                last_speaker = Some((pi, s));
            }
            out.push(Quote {
                span: q.inner,
                outer: q.outer,
                kind: "direct",
                speaker,
                how,
            });
        }
        // Indirect speech: speech verbs whose complement clause is not in quotation marks.
        for &si in &sents {
            let t = &trees[si];
            for v in 0..t.len() {
                if t.upos(v) != Upos::Verb || !words.is_speech(&lemma(&t.form(v).to_lowercase())) {
                    continue;
                }
                let Some(c) = t.child(v, &[DepRel::Ccomp]) else {
                    continue;
                };
                let (lo, hi) = t.subtree_bounds(c, &|_| false);
                let mut lo = lo;
                while lo < hi && matches!(t.upos(lo), Upos::Sconj | Upos::Punct) && lo != c {
                    lo += 1;
                }
                let span = t.span(lo, hi);
                if spans.iter().any(|q| q.outer.overlaps(span)) {
                    continue;
                }
                let speaker = speech_subject(t, words, v, 0).and_then(|s| mention_at[si][s]);
                out.push(Quote {
                    span,
                    outer: span,
                    kind: "indirect",
                    speaker,
                    how: format!("complement of \u{201c}{}\u{201d}", t.text(v)),
                });
            }
        }
    }
    out.sort_by_key(|q| q.span.start);
    out
}

/// The subject of a speech verb; a participle or infinitive shares its clause's subject.
fn speech_subject(t: &Tree, words: &Words, v: usize, depth: usize) -> Option<usize> {
    if depth > 4 {
        return None;
    }
    // "Menon said there could be no dialogue until Pakistan ended its support, adding
    // that …": a participle of speech shares the subject of the speech verb above it, not of
    // whatever verb the parser hung it on.
    if depth == 0
        && t.rel(v) == DepRel::Advcl
        && t.toks[v].xpos == sitrep_text::Xpos::Vbg
        && t.child(v, &[DepRel::Nsubj]).is_none()
    {
        let mut h = t.head(v);
        for _ in 0..6 {
            let Some(x) = h else { break };
            if t.upos(x) == Upos::Verb
                && t.child(x, &[DepRel::Nsubj]).is_some()
                && words.is_speech(&lemma(&t.form(x).to_lowercase()))
            {
                return t.child(x, &[DepRel::Nsubj]);
            }
            h = t.head(x);
        }
    }
    if let Some(s) = t.child(v, &[DepRel::Nsubj, DepRel::NsubjOuter]) {
        return Some(s);
    }
    // "Peskov was quoted by Tass as saying": the one quoted or cited speaks.
    if ["quoted", "cited"].iter().any(|w| t.is(v, w)) {
        if let Some(s) = t.child(v, &[DepRel::NsubjPass]) {
            return Some(s);
        }
    }
    match t.rel(v) {
        DepRel::Advcl | DepRel::Xcomp | DepRel::Conj => {
            speech_subject(t, words, t.head(v)?, depth + 1)
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn attribute(
    doc: &Document,
    trees: &[Tree],
    mentions: &[Mention],
    mention_at: &[Vec<Option<usize>>],
    words: &Words,
    all: &[QuoteSpan],
    q: &QuoteSpan,
    sents: &[usize],
    para: usize,
    last: Option<(usize, usize)>,
) -> (Option<usize>, String) {
    let inside_any = |span: Span| all.iter().any(|o| o.depth == 0 && o.outer.overlaps(span));
    // Sentences the quote touches.
    let touched: Vec<usize> = sents
        .iter()
        .copied()
        .filter(|&s| doc.sentences[s].span.overlaps(q.outer))
        .collect();
    let mut best: Option<(usize, usize, usize)> = None; // (distance, sentence, verb)
    for &si in &touched {
        let t = &trees[si];
        let attach = attachment(t, q);
        for v in 0..t.len() {
            let span = t.toks[v].span;
            if inside_any(span) || !matches!(t.upos(v), Upos::Verb | Upos::Aux) {
                continue;
            }
            let l = lemma(&t.form(v).to_lowercase());
            if !words.is_speech(&l) {
                continue;
            }
            // A quoted phrase that is an oblique or modifier of the verb ("India would
            // continue its fight “with full resolve”") is not what the verb reports.
            if attach.and_then(|a| t.child_toward(v, a)).is_some_and(|c| {
                matches!(
                    t.rel(c).base(),
                    DepRel::Obl | DepRel::Nmod | DepRel::Advmod | DepRel::Amod
                )
            }) {
                continue;
            }
            let d = if span.end <= q.outer.start {
                q.outer.start - span.end
            } else {
                span.start.saturating_sub(q.outer.end)
            };
            if best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, si, v));
            }
        }
        // "…, according to X"
        for k in 0..t.len().saturating_sub(1) {
            if t.is(k, "according") && t.is(k + 1, "to") && !inside_any(t.toks[k].span) {
                if let Some(m) = (k + 2..t.len()).find_map(|j| mention_at[si][j]) {
                    return (Some(m), "according to".into());
                }
            }
        }
    }
    if let Some((_, si, v)) = best {
        let t = &trees[si];
        if let Some(s) = speech_subject(t, words, v, 0) {
            if let Some(m) = mention_at[si][s] {
                return (Some(m), format!("subject of \u{201c}{}\u{201d}", t.text(v)));
            }
            // The subject phrase may hold the mention deeper ("the Iraqi defense chief").
            if let Some(m) = mentions
                .iter()
                .position(|m| m.sent == si && m.lo <= s && s <= m.hi)
            {
                return (Some(m), format!("subject of \u{201c}{}\u{201d}", t.text(v)));
            }
            // "missile expert(nsubj) David Wright(appos) of the Union of Concerned
            // Scientists said": a role noun no dictionary knows, with the person's name in
            // apposition.
            if let Some(m) = t
                .children_with(s, &[DepRel::Appos])
                .find_map(|k| mention_at[si][k])
            {
                return (
                    Some(m),
                    format!(
                        "name in apposition to the subject of \u{201c}{}\u{201d}",
                        t.text(v)
                    ),
                );
            }
        }
    }
    // A phrase quoted inside a sentence ("dismissed the offer, calling it a 'band-aid'",
    // "mocked Kim as 'fat'"): the speaker is the subject of the speech verb the quote's
    // phrase hangs from, else of the nearest verb above it with an actor subject.
    if let [si] = touched[..] {
        let t = &trees[si];
        let inside = |k: usize| q.inner.contains(t.toks[k].span);
        if let Some(a) = attachment(t, q) {
            let mut chain = Vec::new();
            let mut x = a;
            while let Some(h) = t.head(x) {
                if chain.len() > t.len() {
                    break;
                }
                if !inside(h) && t.upos(h) == Upos::Verb {
                    chain.push(h);
                }
                x = h;
            }
            let speech = chain
                .iter()
                .copied()
                .find(|&v| words.is_speech(&lemma(&t.form(v).to_lowercase())));
            // The subject phrase may hold the mention deeper ("his ambassador to the United
            // Nations Nikki Haley").
            let in_phrase = |s: usize| {
                mention_at[si][s].or_else(|| {
                    mentions
                        .iter()
                        .position(|m| m.sent == si && m.lo <= s && s <= m.hi)
                })
            };
            // With a speech verb above the phrase, the verbs below it are what is said, not
            // who says it ("Slutsky said that Pyongyang is playing a 'dangerous game'").
            let from = speech
                .and_then(|v| chain.iter().position(|&c| c == v))
                .unwrap_or(0);
            for v in chain[from..].iter().copied() {
                if let Some(m) = speech_subject(t, words, v, 0).and_then(in_phrase) {
                    return (
                        Some(m),
                        format!(
                            "subject of \u{201c}{}\u{201d}, which the quoted phrase hangs from",
                            t.text(v)
                        ),
                    );
                }
            }
        }
    }
    // A quote that is its own sentence or paragraph: the previous sentence's speaker, or
    // the speaker of the quote it continues.
    let first = touched.first().copied();
    if let Some(si) = first {
        if si > 0 {
            let prev = &trees[si - 1];
            for v in 0..prev.len() {
                if prev.upos(v) == Upos::Verb
                    && words.is_speech(&lemma(&prev.form(v).to_lowercase()))
                {
                    if let Some(s) =
                        speech_subject(prev, words, v, 0).and_then(|s| mention_at[si - 1][s])
                    {
                        let ends_with_colon = prev
                            .toks
                            .last()
                            .is_some_and(|t| t.span.slice(&doc.text) == ":");
                        if ends_with_colon
                            || doc.sentences[si - 1].paragraph == para
                            || continues(doc, q, para)
                        {
                            return (Some(s), "speaker of the previous sentence".into());
                        }
                    }
                }
            }
        }
    }
    // `"… involved? …?" Hua said.`: a quote ending in a question or exclamation mark
    // closes the sentence for the splitter, which leaves the attribution as a sentence of
    // its own; a bare "X said." right after the quote, in its paragraph, is its speaker.
    if let Some(&si) = touched.last() {
        if let Some(next) = trees.get(si + 1) {
            let same_para = doc
                .sentences
                .get(si + 1)
                .is_some_and(|s| s.paragraph == para);
            let starts_after = doc
                .sentences
                .get(si + 1)
                .is_some_and(|s| s.span.start >= q.outer.end);
            let bare = next.len() <= 6
                && (0..next.len()).any(|v| {
                    next.upos(v) == Upos::Verb
                        && words.is_speech(&lemma(&next.form(v).to_lowercase()))
                        && next.child(v, &[DepRel::Ccomp, DepRel::Obj]).is_none()
                });
            if same_para && starts_after && bare {
                for v in 0..next.len() {
                    if next.upos(v) == Upos::Verb
                        && words.is_speech(&lemma(&next.form(v).to_lowercase()))
                    {
                        if let Some(m) =
                            speech_subject(next, words, v, 0).and_then(|s| mention_at[si + 1][s])
                        {
                            return (Some(m), "subject of the bare speech clause after it".into());
                        }
                    }
                }
            }
        }
    }
    if let Some((lp, m)) = last {
        if lp + 1 == para && continues(doc, q, para) {
            return (Some(m), "continues the previous paragraph's quote".into());
        }
    }
    let _ = mentions;
    (None, "no speaker found".into())
}

/// Where a quote hangs in a sentence's tree: its first token whose head is outside it.
fn attachment(t: &Tree, q: &QuoteSpan) -> Option<usize> {
    let inside = |k: usize| q.inner.contains(t.toks[k].span);
    (0..t.len()).find(|&k| inside(k) && t.head(k).is_none_or(|h| !inside(h)))
}

/// True when the quote opens its paragraph (a continued quotation).
fn continues(doc: &Document, q: &QuoteSpan, para: usize) -> bool {
    doc.paragraphs
        .get(para)
        .is_some_and(|p| q.outer.start <= p.start + 3)
}
