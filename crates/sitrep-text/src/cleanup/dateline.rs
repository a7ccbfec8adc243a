//! Datelines: `TEHRAN (Iran News) –`, `BAGHDAD, Dec 4 (Reuters) -`, `KYIV, Ukraine (AP) —`,
//! `WASHINGTON —`, `(CNN)` at the start of a paragraph.
//!
//! Three shapes are accepted, from most to least common: a place in capitals with an optional
//! region (`Ukraine`, `Fla.`), date and outlet in parentheses, then a dash or colon; a place in
//! title case, which must then have an outlet (`Tehran (IRNA) –`); an outlet alone in
//! parentheses (`(CNN) In a major show…`), which must be a known outlet unless a dash follows.
//! Labels that look like places (`UPDATE —`, `EXCLUSIVE:`) are listed in
//! `data/dateline_stopwords.txt`; a hyphen glued to both neighbours (`COVID-19`) is no
//! separator.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::{Captures, Regex};

use crate::segment::chars::is_quote;
use crate::segment::datafile::{fields, rows, DataError};
use crate::{Dateline, Span};

const MONTHS: &str = include_str!("../../data/months.txt");
const OUTLETS: &str = include_str!("../../data/outlets.txt");
const STOPWORDS: &str = include_str!("../../data/dateline_stopwords.txt");
const PARTICLES: &str = include_str!("../../data/place_particles.txt");

/// Compiled dateline patterns and word lists.
#[derive(Debug)]
pub struct DatelineParser {
    caps: Regex,
    caps_outlet: Regex,
    titled: Regex,
    outlet_only: Regex,
    outlets: HashSet<&'static str>,
    stopwords: HashSet<String>,
    particles: HashSet<&'static str>,
}

impl DatelineParser {
    /// The parser built from the embedded data files, on first use.
    pub fn get() -> Result<&'static DatelineParser, DataError> {
        static PARSER: OnceLock<Result<DatelineParser, DataError>> = OnceLock::new();
        PARSER
            .get_or_init(DatelineParser::build)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn build() -> Result<DatelineParser, DataError> {
        let list =
            |file: &'static str, text: &'static str| -> Result<Vec<&'static str>, DataError> {
                rows(text)
                    .map(|(line, row)| fields::<1>(file, line, row).map(|[w]| w))
                    .collect()
            };
        let months = list("months.txt", MONTHS)?;
        let outlets: HashSet<&'static str> = list("outlets.txt", OUTLETS)?.into_iter().collect();
        let stopwords = list("dateline_stopwords.txt", STOPWORDS)?
            .into_iter()
            .map(str::to_uppercase)
            .collect();
        let particles = list("place_particles.txt", PARTICLES)?
            .into_iter()
            .collect();
        let month_alt = months
            .iter()
            .map(|m| regex::escape(m))
            .collect::<Vec<_>>()
            .join("|");
        let caps_word = r"\p{Lu}[\p{Lu}\p{M}'’.\-]*";
        let title_word = r"\p{Lu}[\p{L}\p{M}'’.\-]*";
        let region = format!(r"{title_word}(?:[ \t]+{title_word}){{0,3}}");
        let date = format!(r"(?:{month_alt})\.?[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?");
        let outlet = r"\((?P<outlet>\p{Lu}[^()\n]{0,40}?)\)";
        let sep = r"(?P<sep>--|—|–|―|-|:)";
        // Either a separator is required (the outlet is optional) or the outlet is (then the
        // separator is optional): two patterns, so that neither part is skipped when present.
        let date_part = format!(r"(?:,[ \t]*(?P<date>{date}))?[ \t]*");
        let tail_sep = format!(r"{date_part}(?:{outlet})?[ \t]*{sep}");
        let tail_outlet = format!(r"{date_part}{outlet}[ \t]*(?:{sep})?");
        let compile = |p: String| {
            Regex::new(&p).map_err(|e| DataError {
                file: "months.txt",
                line: 0,
                message: format!("dateline pattern: {e}"),
            })
        };
        let caps_place =
            format!(r"^(?P<place>{caps_word}(?:[ \t]+{caps_word}){{0,2}}(?:,[ \t]*{region})?)");
        let titled_place = format!(
            r"^(?P<place>\p{{Lu}}\p{{Ll}}+(?:[ \t]+\p{{Lu}}\p{{Ll}}+){{0,3}}(?:,[ \t]*{region})?)"
        );
        let caps = compile(format!("{caps_place}{tail_sep}"))?;
        let caps_outlet = compile(format!("{caps_place}{tail_outlet}"))?;
        let titled = compile(format!("{titled_place}{tail_outlet}"))?;
        let outlet_only = compile(format!(r"^{outlet}(?P<mid>[ \t]*)(?:{sep})?"))?;
        Ok(DatelineParser {
            caps,
            caps_outlet,
            titled,
            outlet_only,
            outlets,
            stopwords,
            particles,
        })
    }

    /// The dateline opening the paragraph `text[para]`, if there is one.
    pub fn parse(&self, text: &str, para: Span) -> Option<Dateline> {
        self.parse_with(text, para, None)
    }

    /// [`DatelineParser::parse`], also accepting a place in capitals followed by a bare colon
    /// (`ISLAMABAD: Pakistan on Sunday …`, common in South Asian papers) when `known_place`
    /// says the place is one: without a gazetteer, `NATO: The alliance …` looks the same.
    pub fn parse_with(
        &self,
        text: &str,
        para: Span,
        known_place: Option<&dyn Fn(&str) -> bool>,
    ) -> Option<Dateline> {
        let s = para.slice(text);
        if s.is_empty() {
            return None;
        }
        // Only the start of the paragraph can hold a dateline; bound the regex work.
        let mut head_end = s.len().min(200);
        while !s.is_char_boundary(head_end) {
            head_end -= 1;
        }
        let head = &s[..head_end];
        let base = para.start;
        for (pattern, titled) in [
            (&self.caps, false),
            (&self.caps_outlet, false),
            (&self.titled, true),
        ] {
            if let Some(d) = pattern
                .captures(head)
                .and_then(|c| self.accept(&c, head, base, titled, known_place))
            {
                return Some(d);
            }
        }
        let c = self.outlet_only.captures(head)?;
        let outlet = c.name("outlet")?;
        // Alone, the outlet must be a known one: `(Continued) -` is no dateline.
        if !self.outlets.contains(outlet.as_str()) {
            return None;
        }
        let end = c.name("sep").map_or(outlet.end() + 1, |m| m.end());
        if !reads_like_prose(&head[end..]) {
            return None;
        }
        Some(Dateline {
            span: Span::new(base, base + end),
            place: None,
            place_name: None,
            outlet: Some(Span::new(base + outlet.start(), base + outlet.end()).trim(text)),
            date: None,
        })
    }

    fn accept(
        &self,
        c: &Captures<'_>,
        head: &str,
        base: usize,
        titled: bool,
        known_place: Option<&dyn Fn(&str) -> bool>,
    ) -> Option<Dateline> {
        let place = c.name("place")?;
        let outlet = c.name("outlet");
        let date = c.name("date");
        // Without a dash the outlet must be a known one (`West Palm Beach, Florida (CNN) The…`).
        let end = match (c.name("sep"), outlet) {
            (Some(sep), _) => {
                // A hyphen glued to both sides is part of a word (`COVID-19`), not a separator.
                let before = head[..sep.start()].chars().next_back();
                let after = head[sep.end()..].chars().next();
                let spaced = before.is_some_and(char::is_whitespace)
                    || after.is_none_or(char::is_whitespace);
                if !spaced && before != Some(')') {
                    return None;
                }
                // A colon is too common after capitalised labels; take it only with a date, an
                // outlet, or a place in capitals the caller knows.
                let known = !titled && known_place.is_some_and(|k| k(place.as_str()));
                if sep.as_str() == ":" && outlet.is_none() && date.is_none() && !known {
                    return None;
                }
                sep.end()
            }
            (None, Some(o)) if self.outlets.contains(o.as_str()) => o.end() + 1,
            _ => return None,
        };
        // The story goes on with a capitalised word or a quote (`WASHINGTON — The…`), which
        // tells a dateline from a heading (`TEST SERIES – 2018 (OFFLINE)`).
        let rest = head[end..].trim_start();
        if !(rest.is_empty()
            || rest.starts_with(|ch: char| ch.is_uppercase() || is_quote(ch) || ch == '('))
            || !reads_like_prose(rest)
        {
            return None;
        }
        // A place in title case needs an outlet that is a name, not a ticker (`Gould Inc (GLD)`).
        if titled {
            let o = outlet.map_or("", |m| m.as_str());
            if !(self.outlets.contains(o) || o.chars().any(char::is_lowercase)) {
                return None;
            }
        }
        let letters = place
            .as_str()
            .chars()
            .filter(|ch| ch.is_alphabetic())
            .count();
        if letters < 3 || self.stopwords.contains(&place.as_str().to_uppercase()) {
            return None;
        }
        let place_span = Span::new(base + place.start(), base + place.end());
        Some(Dateline {
            span: Span::new(base, base + end),
            place: Some(place_span),
            place_name: Some(self.display_case(place.as_str())),
            outlet: outlet.map(|m| Span::new(base + m.start(), base + m.end())),
            date: date.map(|m| Span::new(base + m.start(), base + m.end())),
        })
    }

    /// `TEHRAN` → `Tehran`, `RIO DE JANEIRO` → `Rio de Janeiro`, `N'DJAMENA` → `N'Djamena`,
    /// `KYIV, Ukraine` → `Kyiv, Ukraine`; words already in mixed case stay as written.
    pub fn display_case(&self, place: &str) -> String {
        let mut out = String::with_capacity(place.len());
        let mut first_word = true;
        for (k, word) in place.split_inclusive([' ', '\t', ',']).enumerate() {
            let core = word.trim_end_matches([' ', '\t', ',']);
            let rest = &word[core.len()..];
            let is_caps =
                core.chars().any(char::is_alphabetic) && !core.chars().any(char::is_lowercase);
            let lower = core.to_lowercase();
            if is_caps && k > 0 && !first_word && self.particles.contains(lower.as_str()) {
                out.push_str(&lower);
            } else if is_caps {
                let mut up = true;
                for ch in core.chars() {
                    if up && ch.is_alphabetic() {
                        out.extend(ch.to_uppercase());
                        up = false;
                    } else {
                        out.extend(ch.to_lowercase());
                    }
                    if matches!(ch, '-' | '\'' | '’' | '.') {
                        up = true;
                    }
                }
            } else {
                out.push_str(core);
            }
            if !core.is_empty() {
                first_word = false;
            }
            if rest.contains(',') {
                first_word = true;
            }
            out.push_str(rest);
        }
        out
    }
}

/// Whether the text after a dateline reads like the start of a story: two lowercase words
/// among its first twenty, or a short sentence (`Can you feel it?`). Market tables under a
/// capitalised label (`ZINC - PRIME WESTERN 50.00/56.50`) do not.
fn reads_like_prose(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(20).collect();
    let lower = words
        .iter()
        .filter(|w| {
            w.chars().count() >= 2 && w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’')
        })
        .count();
    let short_sentence =
        words.len() < 8 && lower >= 1 && rest.trim_end().ends_with(['.', '?', '!', '"', '”', '’']);
    rest.trim().is_empty() || lower >= 2 || short_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Row {
        input: &'static str,
        place: Option<&'static str>,
        name: Option<&'static str>,
        outlet: Option<&'static str>,
        date: Option<&'static str>,
        dateline: &'static str,
    }

    const ROWS: &[Row] = &[
        Row {
            input: "TEHRAN (Iran News) –Iranian Defense Minister said",
            place: Some("TEHRAN"),
            name: Some("Tehran"),
            outlet: Some("Iran News"),
            date: None,
            dateline: "TEHRAN (Iran News) –",
        },
        Row {
            input: "BAGHDAD, Dec 4 (Reuters) - Iraq said",
            place: Some("BAGHDAD"),
            name: Some("Baghdad"),
            outlet: Some("Reuters"),
            date: Some("Dec 4"),
            dateline: "BAGHDAD, Dec 4 (Reuters) -",
        },
        Row {
            input: "WASHINGTON — The president said",
            place: Some("WASHINGTON"),
            name: Some("Washington"),
            outlet: None,
            date: None,
            dateline: "WASHINGTON —",
        },
        Row {
            input: "UNITED NATIONS (AP) — The council met",
            place: Some("UNITED NATIONS"),
            name: Some("United Nations"),
            outlet: Some("AP"),
            date: None,
            dateline: "UNITED NATIONS (AP) —",
        },
        Row {
            input: "KYIV, Ukraine (AP) — Russia fired",
            place: Some("KYIV, Ukraine"),
            name: Some("Kyiv, Ukraine"),
            outlet: Some("AP"),
            date: None,
            dateline: "KYIV, Ukraine (AP) —",
        },
        Row {
            input: "BEIJING -- China on Friday said",
            place: Some("BEIJING"),
            name: Some("Beijing"),
            outlet: None,
            date: None,
            dateline: "BEIJING --",
        },
        Row {
            input: "SAN JOSE, Costa Rica — Costa Rican investigators said",
            place: Some("SAN JOSE, Costa Rica"),
            name: Some("San Jose, Costa Rica"),
            outlet: None,
            date: None,
            dateline: "SAN JOSE, Costa Rica —",
        },
        Row {
            input: "ERIE, Pa. — A Pennsylvania woman says",
            place: Some("ERIE, Pa."),
            name: Some("Erie, Pa."),
            outlet: None,
            date: None,
            dateline: "ERIE, Pa. —",
        },
        Row {
            input: "BEIJING, Sept. 15 (Xinhua) -- China said",
            place: Some("BEIJING"),
            name: Some("Beijing"),
            outlet: Some("Xinhua"),
            date: Some("Sept. 15"),
            dateline: "BEIJING, Sept. 15 (Xinhua) --",
        },
        Row {
            input: "RIO DE JANEIRO (Reuters) - Brazil",
            place: Some("RIO DE JANEIRO"),
            name: Some("Rio de Janeiro"),
            outlet: Some("Reuters"),
            date: None,
            dateline: "RIO DE JANEIRO (Reuters) -",
        },
        Row {
            input: "Tehran (IRNA) – Iran said",
            place: Some("Tehran"),
            name: Some("Tehran"),
            outlet: Some("IRNA"),
            date: None,
            dateline: "Tehran (IRNA) –",
        },
        Row {
            input: "West Palm Beach, Florida (CNN) President Donald Trump said",
            place: Some("West Palm Beach, Florida"),
            name: Some("West Palm Beach, Florida"),
            outlet: Some("CNN"),
            date: None,
            dateline: "West Palm Beach, Florida (CNN)",
        },
        Row {
            input: "WASHINGTON (Reuters) The talks",
            place: Some("WASHINGTON"),
            name: Some("Washington"),
            outlet: Some("Reuters"),
            date: None,
            dateline: "WASHINGTON (Reuters)",
        },
        Row {
            input: "(CNN) In a major show of defiance",
            place: None,
            name: None,
            outlet: Some("CNN"),
            date: None,
            dateline: "(CNN)",
        },
        Row {
            input: "NEW DELHI, Dec. 4, 2022 (PTI): The government",
            place: Some("NEW DELHI"),
            name: Some("New Delhi"),
            outlet: Some("PTI"),
            date: Some("Dec. 4, 2022"),
            dateline: "NEW DELHI, Dec. 4, 2022 (PTI):",
        },
    ];

    const NOT_DATELINES: &[&str] = &[
        "THIS is the dramatic moment North Korea launches",
        "FELIPE MASSA didn't have the winning send off",
        "COVID-19 cases rose sharply",
        "U.S. - China talks resumed",
        "UPDATE — The ministry said",
        "EXCLUSIVE: The report",
        "LACKING DETAIL",
        "Iranian Defense Minister said on Sunday",
        "(Iranian) pilgrims came",
        "The talks — which began Monday — ended",
        "NATO: The alliance",
        "INSIGHTS PRELIMS TEST SERIES – 2018 (OFFLINE – CLASSROOM)",
        "WASHINGTON (Iran News) said",
        "BEIRUT - the city",
        "Washington (Capital) The city",
    ];

    #[test]
    fn dateline_rows() {
        let p = DatelineParser::get().expect("dateline data");
        for row in ROWS {
            // The lead goes on after the words the row shows.
            let full = format!("{} on Sunday that the talks would go on.", row.input);
            let t = full.as_str();
            let d = p
                .parse(t, Span::new(0, t.len()))
                .unwrap_or_else(|| panic!("no dateline in {t:?}"));
            assert_eq!(d.span.slice(t), row.dateline, "{t:?}");
            assert_eq!(d.place.map(|s| s.slice(t)), row.place, "{t:?}");
            assert_eq!(d.place_name.as_deref(), row.name, "{t:?}");
            assert_eq!(d.outlet.map(|s| s.slice(t)), row.outlet, "{t:?}");
            assert_eq!(d.date.map(|s| s.slice(t)), row.date, "{t:?}");
        }
        for t in NOT_DATELINES {
            assert_eq!(p.parse(t, Span::new(0, t.len())), None, "{t:?}");
        }
    }

    #[test]
    fn bare_colon_needs_a_known_place() {
        let p = DatelineParser::get().expect("dateline data");
        let known = |w: &str| w == "ISLAMABAD" || w == "NEW DELHI";
        let t = "ISLAMABAD: Pakistan on Sunday condemned the shelling.";
        assert_eq!(p.parse(t, Span::new(0, t.len())), None);
        let d = p
            .parse_with(t, Span::new(0, t.len()), Some(&known))
            .expect("known place");
        assert_eq!(d.span.slice(t), "ISLAMABAD:");
        let t = "NEW DELHI: India said on Monday it would respond.";
        let d = p.parse_with(t, Span::new(0, t.len()), Some(&known));
        assert_eq!(d.map(|d| d.span.slice(t)), Some("NEW DELHI:"));
        let t = "NATO: The alliance met on Sunday.";
        assert_eq!(p.parse_with(t, Span::new(0, t.len()), Some(&known)), None);
    }

    #[test]
    fn display_case_rows() {
        let p = DatelineParser::get().expect("dateline data");
        for (a, b) in [
            ("N'DJAMENA", "N'Djamena"),
            ("AL-MUKALLA, Yemen", "Al-Mukalla, Yemen"),
            ("ST. PETERSBURG", "St. Petersburg"),
            ("THE HAGUE", "The Hague"),
        ] {
            assert_eq!(p.display_case(a), b);
        }
    }
}
