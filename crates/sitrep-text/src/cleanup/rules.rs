//! The boilerplate rule table (`data/boilerplate.tsv`): which lines, or line heads and tails,
//! are scraping artifacts, and why.
//!
//! Each rule is a regular expression with a removal reason and a scope (whole line, head or
//! tail). Whole-line rules are matched together as one `RegexSet`, so a line costs one pass
//! whatever the number of rules. Lines longer than [`MAX_RULE_LINE`] are never boilerplate.

use std::sync::OnceLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::segment::chars::trim_counts;
use crate::segment::datafile::{fields, rows, DataError};
use crate::{RemovalReason, Span};

const BOILERPLATE: &str = include_str!("../../data/boilerplate.tsv");

/// Lines longer than this (in bytes) are prose, not boilerplate; it also bounds the cost of a
/// rule on a pathological line.
pub const MAX_RULE_LINE: usize = 16 * 1024;

/// Which part of a line a rule sets aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole line.
    Line,
    /// A prefix of the line; the rest is kept.
    Head,
    /// A suffix of the line; the rest is kept.
    Tail,
    /// A photo-gallery caption line with `head`, `body` and `tail` groups: when several lines of
    /// an article match, the gallery title they share at the start of `body` goes with `head`
    /// and `tail`, and the caption text between is kept (see [`RuleSet::gallery`]).
    Gallery,
}

/// The parts of a gallery caption line (byte offsets into the text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GalleryLine {
    /// Index of the rule.
    pub rule: usize,
    /// The whole line.
    pub line: Span,
    /// The caption text with the gallery title still at its start.
    pub body: Span,
    /// Where the closing marker (`Hide Caption 3 of 8`) starts.
    pub tail_start: usize,
}

/// One row of the table.
#[derive(Debug)]
pub struct Rule {
    /// Identifier from the first column (`caption.hide-caption`), for explanations and tests.
    pub id: &'static str,
    /// Why matching text is set aside.
    pub reason: RemovalReason,
    /// Which part of the line it covers.
    pub scope: Scope,
    /// Line of `data/boilerplate.tsv` the rule is on.
    pub line: usize,
    regex: Regex,
}

/// A piece of a line that a rule set aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// What was set aside.
    pub span: Span,
    /// Index of the rule in [`RuleSet::rules`].
    pub rule: usize,
    /// The `name` group of a source-trailer rule.
    pub name: Option<Span>,
}

/// The compiled table.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    line_set: RegexSet,
    line_rules: Vec<usize>,
    head_rules: Vec<usize>,
    tail_rules: Vec<usize>,
    gallery_rules: Vec<usize>,
}

impl RuleSet {
    /// The table compiled from the embedded data file, on first use.
    pub fn get() -> Result<&'static RuleSet, DataError> {
        static RULES: OnceLock<Result<RuleSet, DataError>> = OnceLock::new();
        RULES
            .get_or_init(|| RuleSet::parse("boilerplate.tsv", BOILERPLATE))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Compile a table in the `boilerplate.tsv` format; errors name the file and line.
    pub fn parse(file: &'static str, text: &'static str) -> Result<RuleSet, DataError> {
        let mut rules = Vec::new();
        let mut line_patterns = Vec::new();
        let mut line_rules = Vec::new();
        let mut head_rules = Vec::new();
        let mut tail_rules = Vec::new();
        let mut gallery_rules = Vec::new();
        for (line, row) in rows(text) {
            let [id, reason, scope, pattern] = fields::<4>(file, line, row)?;
            let err = |message: String| DataError {
                file,
                line,
                message,
            };
            let reason = RemovalReason::try_from(reason.to_string()).map_err(err)?;
            let scope = match scope {
                "line" => Scope::Line,
                "head" => Scope::Head,
                "tail" => Scope::Tail,
                "gallery" => Scope::Gallery,
                other => {
                    return Err(err(format!(
                        "unknown scope {other:?} (line, head, tail or gallery)"
                    )))
                }
            };
            let anchored = match scope {
                Scope::Line => format!("^(?:{pattern})$"),
                Scope::Head => format!("^(?:{pattern})"),
                Scope::Tail => format!("(?:{pattern})$"),
                Scope::Gallery => format!("^(?:{pattern})$"),
            };
            let regex = Regex::new(&anchored).map_err(|e| err(format!("rule {id}: {e}")))?;
            let index = rules.len();
            match scope {
                Scope::Line => {
                    line_patterns.push(anchored);
                    line_rules.push(index);
                }
                Scope::Head => head_rules.push(index),
                Scope::Tail => tail_rules.push(index),
                Scope::Gallery => {
                    for group in ["head", "body", "tail"] {
                        if regex.capture_names().flatten().all(|n| n != group) {
                            return Err(err(format!("gallery rule {id} has no `{group}` group")));
                        }
                    }
                    gallery_rules.push(index);
                }
            }
            rules.push(Rule {
                id,
                reason,
                scope,
                line,
                regex,
            });
        }
        let line_set = RegexSetBuilder::new(&line_patterns)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| DataError {
                file,
                line: 0,
                message: format!("rule set: {e}"),
            })?;
        Ok(RuleSet {
            rules,
            line_set,
            line_rules,
            head_rules,
            tail_rules,
            gallery_rules,
        })
    }

    /// All rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The parts of the (trimmed) line `text[span]` when a gallery rule matches it.
    pub fn gallery(&self, text: &str, span: Span) -> Option<GalleryLine> {
        let line = span.slice(text);
        if line.len() > MAX_RULE_LINE {
            return None;
        }
        self.gallery_rules.iter().find_map(|&rule| {
            let c = self.rules[rule].regex.captures(line)?;
            let (body, tail) = (c.name("body")?, c.name("tail")?);
            Some(GalleryLine {
                rule,
                line: span,
                body: Span::new(span.start + body.start(), span.start + body.end()),
                tail_start: span.start + tail.start(),
            })
        })
    }

    /// Classify the (trimmed) line `text[span]`: push what rules set aside onto `hits` and
    /// return the part kept, `None` when the whole line goes.
    pub fn classify(&self, text: &str, span: Span, hits: &mut Vec<Hit>) -> Option<Span> {
        let line = span.slice(text);
        if line.is_empty() || line.len() > MAX_RULE_LINE {
            return Some(span);
        }
        if self.line_set.is_match(line) {
            if let Some(k) = self.line_set.matches(line).iter().next() {
                let rule = self.line_rules[k];
                let name = self.rules[rule]
                    .regex
                    .captures(line)
                    .and_then(|c| c.name("name"))
                    .map(|m| Span::new(span.start + m.start(), span.start + m.end()));
                hits.push(Hit { span, rule, name });
                return None;
            }
        }
        let mut keep = span;
        // A head rule may uncover another (`Advertisement` then `Continue reading …`).
        for _ in 0..3 {
            let Some((rule, end)) = self.head_rules.iter().find_map(|&r| {
                let m = self.rules[r].regex.find(keep.slice(text))?;
                let rest = &keep.slice(text)[m.end()..];
                (m.end() > 0 && (rest.is_empty() || rest.starts_with(char::is_whitespace)))
                    .then_some((r, m.end()))
            }) else {
                break;
            };
            hits.push(Hit {
                span: Span::new(keep.start, keep.start + end),
                rule,
                name: None,
            });
            keep = trimmed(text, Span::new(keep.start + end, keep.end))?;
        }
        if let Some((rule, start)) = self.tail_rules.iter().find_map(|&r| {
            let s = keep.slice(text);
            let m = self.rules[r].regex.find(s)?;
            (m.start() < s.len()
                && (m.start() == 0 || s[..m.start()].ends_with(char::is_whitespace)))
            .then_some((r, m.start()))
        }) {
            hits.push(Hit {
                span: Span::new(keep.start + start, keep.end),
                rule,
                name: None,
            });
            keep = trimmed(text, Span::new(keep.start, keep.start + start))?;
        }
        Some(keep)
    }
}

/// `span` without surrounding white space, `None` when nothing is left.
fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let (lead, trail) = trim_counts(s);
    (lead < s.len()).then(|| Span::new(span.start + lead, span.end - trail))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(line: &str) -> (Vec<(&str, &'static str)>, Option<&str>) {
        let rules = RuleSet::get().expect("rules compile");
        let mut hits = Vec::new();
        let keep = rules.classify(line, Span::new(0, line.len()), &mut hits);
        let hits = hits
            .iter()
            .map(|h| (h.span.slice(line), rules.rules()[h.rule].id))
            .collect();
        (hits, keep.map(|k| k.slice(line)))
    }

    #[test]
    fn table_compiles() {
        let rules = RuleSet::get().expect("rules compile");
        assert!(rules.rules().len() > 50);
    }

    #[test]
    fn bad_rows_name_the_line() {
        let e = RuleSet::parse("t.tsv", "# c\nx\tbyline\tline\t(\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("data/t.tsv:2: rule x:"), "{e}");
        let e = RuleSet::parse("t.tsv", "x\tnonsense\tline\ta\n").unwrap_err();
        assert!(e.to_string().contains("unknown removal reason"), "{e}");
        let e = RuleSet::parse("t.tsv", "x\tbyline\teverywhere\ta\n").unwrap_err();
        assert!(e.to_string().contains("unknown scope"), "{e}");
    }

    #[test]
    fn head_and_tail() {
        let (hits, keep) =
            classify("Advertisement Continue reading the main story The talks went on.");
        assert_eq!(
            hits,
            vec![(
                "Advertisement Continue reading the main story",
                "ad.continue-head"
            )]
        );
        assert_eq!(keep, Some("The talks went on."));
        let (hits, keep) =
            classify("Truck rams into crowd in Nice of France, dozens dead: reports Updated: 2016-07-15 06:50 (Xinhua)");
        assert_eq!(
            hits,
            vec![("Updated: 2016-07-15 06:50 (Xinhua)", "byline.updated-tail")]
        );
        assert_eq!(
            keep,
            Some("Truck rams into crowd in Nice of France, dozens dead: reports")
        );
        let (hits, keep) = classify("Updated | Silicon Valley’s Female Problem was well-known.");
        assert_eq!(hits, vec![("Updated |", "byline.updated-head")]);
        assert_eq!(
            keep,
            Some("Silicon Valley’s Female Problem was well-known.")
        );
    }

    #[test]
    fn source_name() {
        let rules = RuleSet::get().expect("rules compile");
        let line = "• source : Tehrantimes";
        let mut hits = Vec::new();
        assert_eq!(
            rules.classify(line, Span::new(0, line.len()), &mut hits),
            None
        );
        assert_eq!(hits[0].name.map(|n| n.slice(line)), Some("Tehrantimes"));
        assert_eq!(
            rules.rules()[hits[0].rule].reason,
            RemovalReason::SourceTrailer
        );
    }
}
