//! Cleanup of scraped articles: the [`Cleaner`] stage sets artifacts aside without touching the
//! original text.
//!
//! In order: each non-blank line is checked against the boilerplate rules of
//! `data/boilerplate.tsv` (bylines, caption residue, inline ads, read-more and share prompts,
//! copyright lines, lone bullets, the `source :` trailer); the first remaining line is the
//! title when metadata names it or when it reads like a headline, and later copies of the title
//! go too; the first paragraphs are searched for a dateline, whose prefix is set aside; a
//! paragraph that repeats an earlier one (after folding quotes, dashes, spaces and case) is set
//! aside, keeping the copy that carries the dateline; lines that continue a sentence (a line
//! ending without punctuation followed by one starting in lower case) are joined. What remains
//! are `doc.paragraphs`; everything set aside is in `doc.removed` with its reason.
//!
//! Modules: [`lines`] (line spans), [`rules`] (the rule table), [`gallery`] (photo-gallery
//! captions), [`dateline`] (dateline parser), [`fingerprint`] (the duplicate key).

pub mod dateline;
pub mod fingerprint;
pub mod gallery;
pub mod lines;
pub mod rules;

use std::collections::HashMap;

use crate::{Document, Error, RemovalReason, Removed, Span, Stage};
use dateline::DatelineParser;
use rules::{Hit, RuleSet};

/// Sets aside scraping artifacts; fills title, dateline, source, body, paragraphs.
#[derive(Clone, Debug)]
pub struct Cleaner {
    /// How many of the first kept paragraphs are searched for a dateline (captions and bylines
    /// that no rule caught may precede it).
    pub dateline_search_paragraphs: usize,
    /// A paragraph shorter than this many characters is never a duplicate: short lines (a
    /// one-word answer, a repeated lyric) repeat for real.
    pub min_duplicate_chars: usize,
    /// A paragraph with fewer words is never a duplicate.
    pub min_duplicate_words: usize,
    /// Longest first line, in bytes, taken as a headline when metadata gives no title.
    pub max_title_len: usize,
    /// Tells whether a word in capitals is a place (a gazetteer lookup), so that the
    /// `ISLAMABAD: …` dateline form is taken; without it that form is left alone.
    pub known_place: Option<KnownPlace>,
}

/// A place-name check for datelines, shared between threads (see [`Cleaner::known_place`]).
#[derive(Clone)]
pub struct KnownPlace(pub std::sync::Arc<dyn Fn(&str) -> bool + Send + Sync>);

impl std::fmt::Debug for KnownPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KnownPlace(..)")
    }
}

impl Cleaner {
    fn dateline(&self, p: &DatelineParser, text: &str, span: Span) -> Option<crate::Dateline> {
        match &self.known_place {
            Some(k) => p.parse_with(text, span, Some(&*k.0)),
            None => p.parse(text, span),
        }
    }
}

impl Default for Cleaner {
    fn default() -> Cleaner {
        Cleaner {
            dateline_search_paragraphs: 4,
            min_duplicate_chars: 30,
            min_duplicate_words: 5,
            max_title_len: 250,
            known_place: None,
        }
    }
}

/// A kept piece of a line while cleanup runs.
#[derive(Clone, Copy, Debug)]
struct Para {
    /// What is kept of the line.
    span: Span,
    /// Index of the line in the text's non-blank lines.
    line: usize,
    /// Whether a blank line precedes the line.
    blank_before: bool,
    /// Whether a rule set aside the head of the line.
    head_cut: bool,
    /// Whether a dateline was taken off its front.
    dateline: bool,
    /// Whether the paragraph is still kept.
    alive: bool,
}

fn stage_error(e: impl std::fmt::Display) -> Error {
    Error::Stage {
        stage: "cleanup",
        message: e.to_string(),
    }
}

impl Stage for Cleaner {
    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        let rules = RuleSet::get().map_err(stage_error)?;
        let datelines = DatelineParser::get().map_err(stage_error)?;
        let text = doc.text.as_str();
        let mut removed: Vec<Removed> = Vec::new();
        let mut paras: Vec<Para> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut trailers: Vec<Hit> = Vec::new();

        let lines = lines::split_lines(text);
        let galleries = gallery::split(text, &lines, rules);
        for (li, line) in lines.iter().enumerate() {
            hits.clear();
            let keep = match galleries.get(&li) {
                Some(g) => {
                    hits.extend(g.removed.iter().map(|&span| Hit {
                        span,
                        rule: g.rule,
                        name: None,
                    }));
                    g.kept
                }
                None => rules.classify(text, line.span, &mut hits),
            };
            for h in &hits {
                let why = rules.rules()[h.rule].reason;
                if why == RemovalReason::SourceTrailer {
                    trailers.push(*h);
                }
                removed.push(Removed { span: h.span, why });
            }
            if let Some(span) = keep {
                paras.push(Para {
                    span,
                    head_cut: span.start != line.span.start,
                    line: li,
                    blank_before: line.blank_before,
                    dateline: false,
                    alive: true,
                });
            }
        }

        // Title: the first kept line, when metadata names it or it reads like a headline.
        let mut title_text: Option<String> = None;
        doc.title_span = None;
        if let Some(first) = paras.first().copied() {
            let line = first.span.slice(text);
            let is_title = match &doc.title {
                Some(t) => fingerprint::same(t, line),
                // Without metadata only the very first line, untouched by rules, can be the
                // title (`Story highlights …` is not a headline).
                None if first.line == 0 && !first.head_cut => paras.get(1).is_some_and(|next| {
                    // A headline stands apart from the body: a blank line after it, a repeat
                    // of it, a byline or other set-aside line after it, or the dateline
                    // paragraph next. A first line run into the body is more often a caption
                    // or a standfirst than a title.
                    let n = next.span.slice(text);
                    let apart = next.blank_before
                        || next.line > first.line + 1
                        || fingerprint::same(n, line)
                        || self.dateline(datelines, text, next.span).is_some();
                    apart && self.looks_like_headline(line, Some(n), datelines, text, first.span)
                }),
                None => false,
            };
            if is_title {
                removed.push(Removed {
                    span: first.span,
                    why: RemovalReason::Title,
                });
                paras[0].alive = false;
                doc.title_span = Some(first.span);
                if doc.title.is_none() {
                    doc.title = Some(line.to_string());
                }
                title_text = Some(line.to_string());
            }
        }
        if title_text.is_none() {
            title_text = doc.title.clone();
        }
        if let Some(title) = &title_text {
            let key = fingerprint::key(title);
            for p in paras.iter_mut().filter(|p| p.alive) {
                let s = p.span.slice(text);
                // Lengths within a factor of four before hashing: most lines are not titles.
                let close = s.len() <= 4 * title.len() + 16 && title.len() <= 4 * s.len() + 16;
                if close && fingerprint::key(s) == key && fingerprint::same(s, title) {
                    removed.push(Removed {
                        span: p.span,
                        why: RemovalReason::DuplicateTitle,
                    });
                    p.alive = false;
                }
            }
        }

        // Dateline: in one of the first kept paragraphs.
        doc.dateline = None;
        for p in paras
            .iter_mut()
            .filter(|p| p.alive)
            .take(self.dateline_search_paragraphs)
        {
            if let Some(d) = self.dateline(datelines, text, p.span) {
                removed.push(Removed {
                    span: d.span,
                    why: RemovalReason::Dateline,
                });
                let rest = Span::new(d.span.end, p.span.end).trim(text);
                if rest.is_empty() {
                    p.alive = false;
                } else {
                    p.span = rest;
                }
                p.dateline = true;
                doc.dateline = Some(d);
                break;
            }
        }

        // Repeated paragraphs: keep one copy, the one after the dateline when there is one.
        // Key → index of the kept copy. Keys are hashes already; a (vanishingly rare) collision
        // of different texts only means a repeat goes unnoticed.
        let mut seen: HashMap<fingerprint::Key, usize, fingerprint::KeyHasherBuilder> =
            HashMap::default();
        for j in 0..paras.len() {
            if !paras[j].alive {
                continue;
            }
            let s = paras[j].span.slice(text);
            let key = fingerprint::key(s);
            if key.len < self.min_duplicate_chars || key.words < self.min_duplicate_words {
                continue;
            }
            let earlier = seen
                .get(&key)
                .copied()
                .filter(|&i| paras[i].alive && fingerprint::same(paras[i].span.slice(text), s));
            match earlier {
                Some(i) if paras[j].dateline && !paras[i].dateline => {
                    removed.push(Removed {
                        span: paras[i].span,
                        why: RemovalReason::DuplicateParagraph,
                    });
                    paras[i].alive = false;
                    seen.insert(key, j);
                }
                Some(_) => {
                    removed.push(Removed {
                        span: paras[j].span,
                        why: RemovalReason::DuplicateParagraph,
                    });
                    paras[j].alive = false;
                }
                None => {
                    seen.entry(key).or_insert(j);
                }
            }
        }

        // Near-copies that do not end a sentence: photo captions and standfirsts that restate
        // a body paragraph ("Kim Jong-un is to reopen a hotline …" above "Kim Jong-un is
        // reopening a hotline …."). The paragraph that ends like a sentence is the body.
        let words: Vec<Option<Vec<String>>> = paras
            .iter()
            .map(|p| p.alive.then(|| word_set(p.span.slice(text))))
            .collect();
        for j in 0..paras.len() {
            let Some(wj) = &words[j] else { continue };
            let s = paras[j].span.slice(text);
            if wj.len() < 8 || ends_sentence(s) {
                continue;
            }
            let restated = (0..paras.len()).any(|i| {
                i != j
                    && paras[i].alive
                    && ends_sentence(paras[i].span.slice(text))
                    && words[i].as_ref().is_some_and(|wi| {
                        let shared = wj.iter().filter(|w| wi.binary_search(w).is_ok()).count();
                        10 * shared >= 7 * wj.len()
                    })
            });
            if restated {
                removed.push(Removed {
                    span: paras[j].span,
                    why: RemovalReason::Caption,
                });
                paras[j].alive = false;
            }
        }

        // Paragraphs: kept lines, joining a line that continues the sentence of the one before.
        let mut paragraphs: Vec<Span> = Vec::new();
        let mut prev: Option<Para> = None;
        for p in paras.iter().filter(|p| p.alive) {
            if let (Some(q), Some(last)) = (prev, paragraphs.last_mut()) {
                if q.line + 1 == p.line
                    && !p.blank_before
                    && continues(q.span.slice(text), p.span.slice(text))
                    && !removed
                        .iter()
                        .any(|r| r.span.overlaps(Span::new(last.end, p.span.start)))
                {
                    last.end = p.span.end;
                    prev = Some(*p);
                    continue;
                }
            }
            paragraphs.push(p.span);
            prev = Some(*p);
        }

        removed.sort_by_key(|r| (r.span.start, r.span.end));
        doc.body = match (paragraphs.first(), paragraphs.last()) {
            (Some(a), Some(b)) => Span::new(a.start, b.end),
            _ => Span::new(0, 0),
        };
        // The source trailer closes the article; a `Source:` credit inside the body is a
        // caption, set aside without naming the document's source.
        if let Some(name) = trailers
            .iter()
            .rev()
            .find(|h| h.span.start >= doc.body.end)
            .and_then(|h| h.name)
        {
            doc.source = Some(name.slice(text).to_string());
            doc.source_span = Some(name);
        }
        doc.removed = removed;
        doc.paragraphs = paragraphs;
        Ok(())
    }
}

impl Cleaner {
    /// Whether the first line of an article without a metadata title is a headline: short, in
    /// the form of a title (no final period, comma or colon, not opening in lower case), not a
    /// dateline paragraph, with more text after it that does not continue its sentence.
    fn looks_like_headline(
        &self,
        line: &str,
        next: Option<&str>,
        datelines: &DatelineParser,
        text: &str,
        span: Span,
    ) -> bool {
        let Some(next) = next else { return false };
        if line.len() > self.max_title_len || continues(line, next) {
            return false;
        }
        let words = line.split_whitespace().count();
        if !(2..=40).contains(&words) {
            return false;
        }
        let Some(first) = line.chars().next() else {
            return false;
        };
        if first.is_lowercase() {
            return false;
        }
        let last = line
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .chars()
            .next_back();
        if matches!(last, Some('.' | ',' | ';' | ':')) && !line.ends_with("...") {
            return false;
        }
        self.dateline(datelines, text, span).is_none()
    }
}

/// The distinct lower-cased words (letters and digits) of a line, sorted.
fn word_set(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether a line ends as a sentence does (a final stop, possibly inside closing quotes).
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    matches!(t.chars().next_back(), Some('.' | '!' | '?' | '…'))
}

/// Whether line `b` continues the sentence of line `a` (a hard line wrap): `a` ends without
/// closing punctuation and `b` starts with a lowercase letter.
fn continues(a: &str, b: &str) -> bool {
    let a_end = a.chars().next_back();
    let b_start = b.chars().next();
    !matches!(
        a_end,
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | '…')
    ) && b_start.is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str, title: Option<&str>) -> Document {
        let mut doc = Document::new("t", text);
        doc.title = title.map(str::to_string);
        Cleaner::default().run(&mut doc).expect("cleanup runs");
        doc
    }

    fn kept(doc: &Document) -> Vec<&str> {
        doc.paragraphs.iter().map(|p| doc.slice(*p)).collect()
    }

    fn removed(doc: &Document) -> Vec<(&str, &'static str)> {
        doc.removed
            .iter()
            .map(|r| (doc.slice(r.span), r.why.as_str()))
            .collect()
    }

    #[test]
    fn title_duplicate_lead_dateline_source() {
        let t = "Iran ready to help Iraq\nIran ready to help Iraq\nIranian Defense Minister said on Sunday that Iran is ready to help.\n\nTEHRAN (Iran News) –Iranian Defense Minister said on Sunday that Iran is ready to help.\n\nHe added more.\n\n  • source : Tehrantimes";
        let doc = clean(t, None);
        assert_eq!(doc.title.as_deref(), Some("Iran ready to help Iraq"));
        assert_eq!(
            doc.title_span.map(|s| doc.slice(s)),
            Some("Iran ready to help Iraq")
        );
        assert_eq!(doc.source.as_deref(), Some("Tehrantimes"));
        let d = doc.dateline.as_ref().expect("dateline");
        assert_eq!(d.place_name.as_deref(), Some("Tehran"));
        assert_eq!(
            kept(&doc),
            vec![
                "Iranian Defense Minister said on Sunday that Iran is ready to help.",
                "He added more."
            ]
        );
        // The kept lead is the copy after the dateline.
        assert!(doc.paragraphs[0].start > t.find("TEHRAN").unwrap_or(0));
        let r = removed(&doc);
        assert_eq!(r[0], ("Iran ready to help Iraq", "title"));
        assert_eq!(r[1], ("Iran ready to help Iraq", "duplicate title"));
        assert_eq!(r[2].1, "duplicate paragraph");
        assert_eq!(r[3], ("TEHRAN (Iran News) –", "dateline"));
        assert_eq!(r[4], ("• source : Tehrantimes", "source trailer"));
        assert_eq!(
            doc.slice(doc.body),
            &t[doc.paragraphs[0].start..t.find("more.").unwrap_or(0) + 5]
        );
        for p in &doc.paragraphs {
            assert!(!doc.is_removed(*p));
        }
    }

    #[test]
    fn captions_restating_a_paragraph_are_set_aside() {
        let text = "Lead paragraph of a story about nothing in particular.\n\
            An Egyptian court sentenced Mohamed Morsi to three years in prison on December 30 for insulting the judiciary, one of multiple cases\n\
            An Egyptian court sentenced ousted president Mohamed Morsi to three years in prison on Saturday for insulting the judiciary, his lawyer said.\n\
            A short line without a stop\n\
            The other defendants include former members of parliament and three journalists\n";
        let doc = clean(text, None);
        let r = removed(&doc);
        assert!(
            r.iter()
                .any(|(s, why)| *why == "photo caption" && s.contains("multiple cases")),
            "{r:?}"
        );
        let k = kept(&doc);
        assert!(k.iter().any(|s| s.contains("his lawyer said")), "{k:?}");
        // An unterminated line that restates nothing stays.
        assert!(k.iter().any(|s| s.contains("three journalists")), "{k:?}");
    }

    #[test]
    fn metadata_title_is_removed_from_text() {
        let doc = clean(
            "Talks resume in Geneva\nDiplomats met on Monday in Geneva.",
            Some("Talks resume in Geneva"),
        );
        assert_eq!(kept(&doc), vec!["Diplomats met on Monday in Geneva."]);
        assert_eq!(removed(&doc), vec![("Talks resume in Geneva", "title")]);
        // A first line that is not the metadata title stays.
        let doc = clean(
            "Diplomats met on Monday.\nThey talked.",
            Some("Other title"),
        );
        assert_eq!(kept(&doc).len(), 2);
        assert_eq!(doc.title.as_deref(), Some("Other title"));
    }

    /// (text, metadata title, kept paragraphs joined by " | ", removed as "why: text" joined by " | ")
    const ROWS: &[(&str, Option<&str>, &str, &str)] = &[
        (
            "China opposes DPRK's missile launch: FM spokesperson\nXinhua | Updated: 2017-09-15 17:52\nBEIJING -- China on Friday said it opposes the launch.\nThe DPRK fired a missile.",
            Some("China opposes DPRK's missile launch: FM spokesperson"),
            "China on Friday said it opposes the launch. | The DPRK fired a missile.",
            "title: China opposes DPRK's missile launch: FM spokesperson | byline: Xinhua | Updated: 2017-09-15 17:52 | dateline: BEIJING --",
        ),
        (
            "Photos: Mass shooting at Las Vegas music festival People run from the festival grounds. Hide Caption 12 of 30\nPolice said the gunman fired from the 32nd floor.",
            None,
            "Police said the gunman fired from the 32nd floor.",
            "photo caption: Photos: Mass shooting at Las Vegas music festival People run from the festival grounds. Hide Caption 12 of 30",
        ),
        (
            "The talks went on.\nAdvertisement Continue reading the main story\nThey ended late.",
            None,
            "The talks went on. | They ended late.",
            "advertisement: Advertisement Continue reading the main story",
        ),
        (
            "By Jane Doe\nThe talks went on.\nBy now people were in danger of missing their connections.",
            None,
            "The talks went on. | By now people were in danger of missing their connections.",
            "byline: By Jane Doe",
        ),
        (
            "The talks went on.\nRead more: Duisburg – Three Travel Tips\nImage copyright Getty Images Image caption The tram derailed near an underpass\nCopyright 2018 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
            None,
            "The talks went on.",
            "read more link: Read more: Duisburg – Three Travel Tips | photo caption: Image copyright Getty Images Image caption The tram derailed near an underpass | boilerplate: Copyright 2018 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        ),
        (
            "“Yes.”\n“Yes.”\nShort lines repeat for real.",
            None,
            "“Yes.” | “Yes.” | Short lines repeat for real.",
            "",
        ),
        (
            "The minister said the\nagreement would be signed soon.\n\nNew line.",
            None,
            "The minister said the\nagreement would be signed soon. | New line.",
            "",
        ),
        (
            "A long paragraph that is repeated word for word later on.\nMiddle.\nA long paragraph that is repeated word for word later on.",
            None,
            "A long paragraph that is repeated word for word later on. | Middle.",
            "duplicate paragraph: A long paragraph that is repeated word for word later on.",
        ),
        (
            "Source: CoinMarketCap\nBitcoin fell 10 percent on Tuesday.",
            None,
            "Bitcoin fell 10 percent on Tuesday.",
            "source trailer: Source: CoinMarketCap",
        ),
    ];

    #[test]
    fn cleanup_rows() {
        let mut bad = Vec::new();
        for (text, title, want_kept, want_removed) in ROWS {
            let doc = clean(text, *title);
            let got_kept = kept(&doc).join(" | ");
            let got_removed = removed(&doc)
                .iter()
                .map(|(t, w)| format!("{w}: {t}"))
                .collect::<Vec<_>>()
                .join(" | ");
            if got_kept != *want_kept || got_removed != *want_removed {
                bad.push(format!("{text:?}\n  kept    {got_kept:?}\n  want    {want_kept:?}\n  removed {got_removed:?}\n  want    {want_removed:?}"));
            }
            // A caption credit inside the text does not name the document's source.
            if text.starts_with("Source:") {
                assert_eq!(doc.source, None);
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn empty_and_blank() {
        for t in ["", " ", "\n\n\t\u{a0}\n"] {
            let doc = clean(t, None);
            assert!(doc.paragraphs.is_empty());
            assert_eq!(doc.body, Span::new(0, 0));
        }
    }
}
