//! Date expressions: finds them in a sentence and resolves them against the publication date.
//!
//! Absolute dates ("Dec. 4", "4 December 2022", "2022-12-04", "in 2020", "March 2021") and
//! relative ones ("on Sunday", "late on Saturday", "yesterday", "last week", "earlier this
//! month", "two days ago", "next Monday") each become a [`DateMention`] with a calendar date
//! and a [`DatePrecision`]. The words are data (`data/geo/date_words.tsv`); the grammar is here.
//! The resolver never picks the date of an event: the coder takes the expression in the
//! event's clause ([`nearest_date`]).

use std::sync::OnceLock;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use sitrep_text::{Document, Span};

use crate::hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::words::rows;
use crate::Error;

const DATE_WORDS: &str = include_str!("../../../data/geo/date_words.tsv");
const DATE_WORDS_FILE: &str = "data/geo/date_words.tsv";

/// How precise a resolved date is: the `date_precision` of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// The exact day.
    Day,
    /// Some day in the week that starts on the given Monday.
    Week,
    /// Some day in the month that starts on the given date.
    Month,
    /// Some day in the year that starts on the given date.
    Year,
}

impl DatePrecision {
    /// The precision as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A date expression found in a sentence, resolved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression in the original text ("late on Saturday").
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// The date: the day itself, or the first day of the week, month or year.
    pub date: NaiveDate,
    /// How precise `date` is.
    pub precision: DatePrecision,
    /// The expression as written.
    pub text: String,
    /// Which rule resolved it, for `--explain` ("weekday, most recent", "month day, year inferred").
    pub rule: &'static str,
}

/// A calendar unit of "last week", "two months ago".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

/// The word lists of `data/geo/date_words.tsv`.
#[derive(Debug, Default, Clone)]
pub struct DateWords {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    days: HashMap<String, i64>,
    units: HashMap<String, Unit>,
    numbers: HashMap<String, u32>,
    past: HashSet<String>,
    this: HashSet<String>,
    within: HashSet<String>,
    future: HashSet<String>,
    tense: HashSet<String>,
    ago: HashSet<String>,
    lead: HashSet<String>,
    edge: HashSet<String>,
    part: HashSet<String>,
    /// Every word that can head an expression without a digit (months, weekdays, day words,
    /// units): a sentence with none of them and no digit is skipped unlexed.
    triggers: HashSet<String>,
}

impl DateWords {
    /// The embedded lists.
    pub fn embedded() -> Result<DateWords, Error> {
        DateWords::parse(DATE_WORDS, DATE_WORDS_FILE)
    }

    /// Parses a list in the format of `data/geo/date_words.tsv`; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<DateWords, Error> {
        let mut w = DateWords::default();
        for (line, f) in rows(text) {
            let (kind, word) = match f.as_slice() {
                [k, word, ..] if !word.trim().is_empty() => {
                    (*k, word.trim().trim_start_matches('\'').to_lowercase())
                }
                _ => {
                    return Err(Error::data(
                        file,
                        line,
                        "expected KIND<TAB>WORD[<TAB>VALUE]",
                    ))
                }
            };
            let value = f.get(2).map(|v| v.trim()).unwrap_or("");
            let num = |v: &str| -> Result<i64, Error> {
                v.parse().map_err(|_| {
                    Error::data(file, line, format!("{kind} needs a number, not {v:?}"))
                })
            };
            match kind {
                "month" => {
                    let m = num(value)?;
                    if !(1..=12).contains(&m) {
                        return Err(Error::data(file, line, format!("month {m} out of range")));
                    }
                    w.months.insert(word, m as u32);
                }
                "weekday" => {
                    let d = num(value)?;
                    if !(1..=7).contains(&d) {
                        return Err(Error::data(file, line, format!("weekday {d} out of range")));
                    }
                    w.weekdays.insert(word, d as u32);
                }
                "day" => {
                    w.days.insert(word, num(value)?);
                }
                "number" => {
                    w.numbers.insert(word, num(value)? as u32);
                }
                "unit" => {
                    let u = match value {
                        "day" => Unit::Day,
                        "week" => Unit::Week,
                        "weekend" => Unit::Weekend,
                        "month" => Unit::Month,
                        "year" => Unit::Year,
                        v => return Err(Error::data(file, line, format!("unknown unit {v:?}"))),
                    };
                    w.units.insert(word, u);
                }
                "past" => drop(w.past.insert(word)),
                "this" => drop(w.this.insert(word)),
                "within" => drop(w.within.insert(word)),
                "future" => drop(w.future.insert(word)),
                "tense" => drop(w.tense.insert(word)),
                "ago" => drop(w.ago.insert(word)),
                "lead" => drop(w.lead.insert(word)),
                "edge" => drop(w.edge.insert(word)),
                "part" => drop(w.part.insert(word)),
                other => return Err(Error::data(file, line, format!("unknown kind {other:?}"))),
            }
        }
        w.triggers = w
            .months
            .keys()
            .chain(w.weekdays.keys())
            .chain(w.days.keys())
            .chain(w.units.keys())
            .cloned()
            .chain(std::iter::once("night".to_string()))
            .collect();
        Ok(w)
    }

    /// Cheap test before lexing: a digit, or a word that can head an expression.
    fn may_have_date(&self, text: &str) -> bool {
        if text.bytes().any(|b| b.is_ascii_digit()) {
            return true;
        }
        let mut low = [0u8; 12];
        text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            if w.is_empty() || w.len() > low.len() {
                return false;
            }
            for (d, b) in low.iter_mut().zip(w.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            std::str::from_utf8(&low[..w.len()]).is_ok_and(|l| self.triggers.contains(l))
        })
    }

    /// True for a word that names a time in the date vocabulary (lower case): a month or
    /// weekday, a day word ("today", "tonight"), a unit ("week", "years") or a day part
    /// ("morning").
    pub fn is_time_word(&self, key: &str) -> bool {
        self.months.contains_key(key)
            || self.weekdays.contains_key(key)
            || self.days.contains_key(key)
            || self.units.contains_key(key)
            || self.part.contains(key)
    }

    /// True for a full month or weekday name (name keys, lower case): such a capitalised word
    /// after a place does not make the place part of an organisation name ("Tehran Monday").
    pub fn is_calendar_word(&self, key: &str) -> bool {
        key.len() > 3 && (self.months.contains_key(key) || self.weekdays.contains_key(key))
    }
}

/// One lexical item of a sentence, for the date grammar.
#[derive(Clone, Debug)]
struct Lex {
    span: Span,
    kind: LexKind,
    /// Lower-cased word, or the digits.
    low: String,
    /// Starts with an upper-case letter.
    cap: bool,
    /// A full stop follows immediately (abbreviations: "Dec.").
    dot: bool,
    /// Numeric value of a number.
    value: u32,
    /// Number of digits of a number.
    digits: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LexKind {
    Word,
    Number,
    Punct,
}

fn lex(text: &str, base: usize) -> Vec<Lex> {
    let mut out = Vec::new();
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (off, c) = b[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = off;
        let (kind, mut j) = if c.is_alphabetic() {
            let mut j = i + 1;
            while j < b.len() && b[j].1.is_alphabetic() {
                j += 1;
            }
            (LexKind::Word, j)
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < b.len() && b[j].1.is_ascii_digit() {
                j += 1;
            }
            (LexKind::Number, j)
        } else {
            (LexKind::Punct, i + 1)
        };
        let end_of = |j: usize| if j < b.len() { b[j].0 } else { text.len() };
        let word = &text[start..end_of(j)];
        let mut value = 0;
        let digits = if kind == LexKind::Number {
            word.len()
        } else {
            0
        };
        if kind == LexKind::Number {
            value = word.parse::<u32>().unwrap_or(u32::MAX);
            // Ordinal suffixes stay with the number ("4th").
            let rest = &text[end_of(j)..];
            for suf in ["st", "nd", "rd", "th"] {
                let after = rest.get(suf.len()..).and_then(|r| r.chars().next());
                if rest.to_ascii_lowercase().starts_with(suf)
                    && !after.is_some_and(char::is_alphabetic)
                {
                    j += suf.len();
                    break;
                }
            }
        }
        let dot = j < b.len() && b[j].1 == '.';
        out.push(Lex {
            span: Span::new(base + start, base + end_of(j)),
            kind,
            low: match kind {
                LexKind::Punct => punct(c).to_string(),
                _ => word.to_lowercase(),
            },
            cap: c.is_uppercase(),
            dot,
            value,
            digits,
        });
        i = j;
    }
    out
}

fn punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '`' => '\'',
        '\u{2010}'..='\u{2015}' => '-',
        _ => c,
    }
}

/// Finds and resolves date expressions; built once from its word lists, shared across threads.
#[derive(Debug)]
pub struct DateResolver {
    words: DateWords,
}

impl DateResolver {
    /// A resolver over the given word lists.
    pub fn new(words: DateWords) -> DateResolver {
        DateResolver { words }
    }

    /// The resolver over the embedded word lists, loaded once and shared.
    pub fn embedded() -> Result<&'static DateResolver, &'static Error> {
        static R: OnceLock<Result<DateResolver, Error>> = OnceLock::new();
        R.get_or_init(|| DateWords::embedded().map(DateResolver::new))
            .as_ref()
    }

    /// The word lists.
    pub fn words(&self) -> &DateWords {
        &self.words
    }

    /// All date expressions of sentence `si`, resolved against `doc.date`. Without a
    /// publication date only expressions that carry their own year are returned.
    pub fn sentence(&self, doc: &Document, si: usize) -> Vec<DateMention> {
        let Some(s) = doc.sentences.get(si) else {
            return Vec::new();
        };
        self.in_text(&doc.text, s.span, doc.date)
            .into_iter()
            .map(|(span, date, precision, rule)| DateMention {
                span,
                sentence: si,
                date,
                precision,
                text: span.slice(&doc.text).to_string(),
                rule,
            })
            .collect()
    }

    /// The date written in the dateline (`BAGHDAD, Dec 4 (Reuters) -`), resolved against
    /// `doc.date`: the story's own date when the metadata has none.
    pub fn dateline_date(&self, doc: &Document) -> Option<(Span, NaiveDate, DatePrecision)> {
        let span = doc.dateline.as_ref()?.date?;
        self.in_text(&doc.text, span, doc.date)
            .into_iter()
            .next()
            .map(|(s, d, p, _)| (s, d, p))
    }

    /// All date expressions of every sentence, in text order.
    pub fn document(&self, doc: &Document) -> Vec<DateMention> {
        (0..doc.sentences.len())
            .flat_map(|i| self.sentence(doc, i))
            .collect()
    }

    /// Date expressions in `text[span]`, as (span, date, precision, rule), against `anchor`.
    pub fn in_text(
        &self,
        text: &str,
        span: Span,
        anchor: Option<NaiveDate>,
    ) -> Vec<(Span, NaiveDate, DatePrecision, &'static str)> {
        let slice = span.slice(text);
        if !self.words.may_have_date(slice) {
            return Vec::new();
        }
        let lx = lex(slice, span.start);
        // Index of the first word that puts the sentence in the future ("will", "due").
        let tense_at = lx
            .iter()
            .position(|l| self.words.tense.contains(&l.low))
            .unwrap_or(usize::MAX);
        let mut out = Vec::new();
        let mut i = 0;
        while i < lx.len() {
            match self.at(&lx, i, anchor, tense_at < i) {
                Some((end, start, date, precision, rule)) => {
                    out.push((
                        lx[start].span.cover(lx[end - 1].span),
                        date,
                        precision,
                        rule,
                    ));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Tries every rule at item `i`; returns (end item, first item, date, precision, rule).
    fn at(
        &self,
        lx: &[Lex],
        i: usize,
        anchor: Option<NaiveDate>,
        future_tense: bool,
    ) -> Option<(usize, usize, NaiveDate, DatePrecision, &'static str)> {
        let w = &self.words;
        let t = &lx[i];
        let low = t.low.as_str();
        let prev = |k: usize| -> &str {
            i.checked_sub(k)
                .and_then(|j| lx.get(j))
                .map_or("", |l| l.low.as_str())
        };

        // 2022-12-04
        if t.kind == LexKind::Number && t.digits == 4 && lx.len() > i + 4 {
            let (a, b, c, d) = (&lx[i + 1], &lx[i + 2], &lx[i + 3], &lx[i + 4]);
            if a.low == "-"
                && c.low == "-"
                && b.kind == LexKind::Number
                && d.kind == LexKind::Number
                && a.span.start == t.span.end
                && d.span.start == c.span.end
            {
                if let Some(date) = NaiveDate::from_ymd_opt(t.value as i32, b.value, d.value) {
                    return Some((i + 5, i, date, DatePrecision::Day, "ISO date"));
                }
            }
        }

        // Month first: "Dec. 4", "December 4, 2022", "March 2020", "in March", "last December".
        if t.kind == LexKind::Word && t.cap {
            if let Some(&month) = w.months.get(low) {
                let abbrev = low.len() <= 4 && low != "june" && low != "july" && low != "may";
                let next = lx.get(i + 1 + usize::from(abbrev && t.dot));
                let next_i = i + 1 + usize::from(abbrev && t.dot);
                if let Some(n) = next.filter(|n| {
                    n.kind == LexKind::Number && (1..=31).contains(&n.value) && n.digits <= 2
                }) {
                    let mut end = next_i + 1;
                    let mut year = None;
                    let yi = if lx.get(end).is_some_and(|l| l.low == ",") {
                        end + 1
                    } else {
                        end
                    };
                    if let Some(y) = lx
                        .get(yi)
                        .filter(|y| y.kind == LexKind::Number && y.digits == 4)
                    {
                        year = Some(y.value as i32);
                        end = yi + 1;
                    }
                    let start = self.modifiers_before(lx, i);
                    return self
                        .month_day(anchor, year, month, n.value, future_tense)
                        .map(|(d, rule)| (end, start, d, DatePrecision::Day, rule));
                }
                if let Some(y) = next.filter(|n| n.kind == LexKind::Number && n.digits == 4) {
                    let date = NaiveDate::from_ymd_opt(y.value as i32, month, 1)?;
                    let start = self.modifiers_before(lx, i);
                    return Some((
                        next_i + 1,
                        start,
                        date,
                        DatePrecision::Month,
                        "month and year",
                    ));
                }
                if abbrev && !t.dot {
                    return None;
                }
                let p1 = prev(1);
                let led = w.lead.contains(p1)
                    || w.edge.contains(p1)
                    || (p1 == "-" && w.edge.contains(prev(2)));
                let anchor = anchor?;
                let dir = if w.past.contains(p1) {
                    Some(Dir::Past)
                } else if w.future.contains(p1) {
                    Some(Dir::Future)
                } else if w.this.contains(p1) {
                    Some(Dir::This)
                } else {
                    None
                };
                if dir.is_none() && !led {
                    return None;
                }
                let date = resolve_month(anchor, month, dir, future_tense)?;
                let start = self.modifiers_before(lx, i);
                let rule = match dir {
                    Some(Dir::Past) => "last month name",
                    Some(Dir::Future) => "next month name",
                    _ if future_tense => "month name, future tense",
                    _ => "month name, most recent",
                };
                return Some((i + 1, start, date, DatePrecision::Month, rule));
            }
        }

        // Day first: "4 December", "4th Dec 2022".
        if t.kind == LexKind::Number && t.digits <= 2 && (1..=31).contains(&t.value) {
            let mi = if lx.get(i + 1).is_some_and(|l| l.low == "of") {
                i + 2
            } else {
                i + 1
            };
            if let Some(m) = lx.get(mi).filter(|m| m.kind == LexKind::Word && m.cap) {
                if let Some(&month) = w.months.get(&m.low) {
                    let mut end = mi + 1 + usize::from(m.dot && m.low.len() <= 4);
                    let mut year = None;
                    if let Some(y) = lx
                        .get(end)
                        .filter(|y| y.kind == LexKind::Number && y.digits == 4)
                    {
                        year = Some(y.value as i32);
                        end += 1;
                    }
                    let start = self.modifiers_before(lx, i);
                    return self
                        .month_day(anchor, year, month, t.value, future_tense)
                        .map(|(d, rule)| (end, start, d, DatePrecision::Day, rule));
                }
            }
        }

        // Bare years: "in 2020", "the 2020 assassination", "since 2019", "mid-2020".
        if t.kind == LexKind::Number && t.digits == 4 {
            let p1 = prev(1);
            let led = w.lead.contains(p1)
                || w.edge.contains(p1)
                || (p1 == "-" && w.edge.contains(prev(2)));
            let max_year = anchor.map_or(2100, |a| a.year() + 10);
            let plausible = (1900..=max_year as u32).contains(&t.value);
            let followed_by_number = lx.get(i + 1).is_some_and(|l| l.low == "," || l.low == ".")
                && lx.get(i + 2).is_some_and(|l| {
                    l.kind == LexKind::Number && l.span.start == lx[i + 1].span.end
                });
            if led && plausible && !followed_by_number {
                let date = NaiveDate::from_ymd_opt(t.value as i32, 1, 1)?;
                let start = self.modifiers_before(lx, i);
                return Some((i + 1, start, date, DatePrecision::Year, "year"));
            }
            return None;
        }

        let anchor = anchor?;
        // today, yesterday, tonight, tomorrow; "last night".
        if let Some(&offset) = w.days.get(low) {
            let date = anchor.checked_add_signed(Duration::days(offset))?;
            return Some((i + 1, i, date, DatePrecision::Day, "day word"));
        }
        if low == "night" && w.past.contains(prev(1)) {
            let date = anchor.pred_opt()?;
            return Some((i + 1, i - 1, date, DatePrecision::Day, "last night"));
        }

        // Weekdays: "on Sunday", "late on Saturday", "Sunday's meeting", "next Monday".
        if t.kind == LexKind::Word && t.cap {
            if let Some(&wd) = w.weekdays.get(low) {
                if low.len() <= 4 && !t.dot {
                    return None;
                }
                let mut end = i + 1 + usize::from(low.len() <= 4 && t.dot);
                if lx.get(end).is_some_and(|l| w.part.contains(&l.low)) {
                    end += 1;
                }
                // "Bloody Sunday", "Sunday Times": a capitalised word on either side is a name.
                let named = |l: Option<&Lex>| {
                    l.is_some_and(|l| {
                        l.kind == LexKind::Word && l.cap && !w.months.contains_key(&l.low)
                    })
                };
                if named(lx.get(end))
                    || (i > 0 && named(lx.get(i - 1)) && !self.is_modifier(prev(1)))
                {
                    return None;
                }
                let start = self.modifiers_before(lx, i);
                let span_words: Vec<&str> = lx[start..i].iter().map(|l| l.low.as_str()).collect();
                let target = weekday(wd)?;
                let (date, rule) = if span_words.iter().any(|s| w.future.contains(*s)) {
                    (next_weekday(anchor, target, false), "next weekday")
                } else if span_words.iter().any(|s| w.past.contains(*s)) {
                    (last_weekday(anchor, target, false), "last weekday")
                } else if future_tense {
                    (next_weekday(anchor, target, true), "weekday, future tense")
                } else {
                    (last_weekday(anchor, target, true), "weekday, most recent")
                };
                return Some((end, start, date?, DatePrecision::Day, rule));
            }
        }

        // "last week", "earlier this month", "next year", "the weekend".
        if let Some(&unit) = w.units.get(low) {
            let p1 = prev(1);
            let dir = if w.past.contains(p1) {
                Dir::Past
            } else if w.future.contains(p1) {
                Dir::Future
            } else if w.this.contains(p1) || (unit == Unit::Weekend && p1 == "the") {
                Dir::This
            } else {
                return self.ago(lx, i, anchor);
            };
            let start = if unit == Unit::Weekend && p1 == "the" {
                i - 1
            } else {
                self.modifiers_before(lx, i)
            };
            return period(anchor, unit, dir, future_tense)
                .map(|(d, p, rule)| (i + 1, start, d, p, rule));
        }
        self.ago(lx, i, anchor)
    }

    /// "two days ago", "a week ago", "3 years ago" starting at item `i`.
    fn ago(
        &self,
        lx: &[Lex],
        i: usize,
        anchor: NaiveDate,
    ) -> Option<(usize, usize, NaiveDate, DatePrecision, &'static str)> {
        let w = &self.words;
        let t = lx.get(i)?;
        let n = match t.kind {
            LexKind::Number if t.digits <= 3 => t.value,
            LexKind::Word => *w.numbers.get(&t.low)?,
            _ => return None,
        };
        let unit = *w.units.get(&lx.get(i + 1)?.low)?;
        if !w.ago.contains(&lx.get(i + 2)?.low) {
            return None;
        }
        let (date, precision) = match unit {
            Unit::Day => (
                anchor.checked_sub_signed(Duration::days(n.into()))?,
                DatePrecision::Day,
            ),
            Unit::Week | Unit::Weekend => (
                monday(anchor.checked_sub_signed(Duration::weeks(n.into()))?),
                DatePrecision::Week,
            ),
            Unit::Month => (
                first_of_month(anchor.checked_sub_months(Months::new(n))?),
                DatePrecision::Month,
            ),
            Unit::Year => (
                NaiveDate::from_ymd_opt(anchor.year() - n as i32, 1, 1)?,
                DatePrecision::Year,
            ),
        };
        Some((i + 3, i, date, precision, "units ago"))
    }

    fn is_modifier(&self, low: &str) -> bool {
        let w = &self.words;
        low == "on"
            || w.past.contains(low)
            || w.future.contains(low)
            || w.this.contains(low)
            || w.within.contains(low)
            || w.edge.contains(low)
    }

    /// First item of the modifiers before item `i` that belong to the expression
    /// ("late on", "last", "earlier this", "mid-").
    fn modifiers_before(&self, lx: &[Lex], i: usize) -> usize {
        let mut s = i;
        while s > 0 {
            let l = &lx[s - 1].low;
            if self.is_modifier(l)
                || (l == "-" && s >= 2 && self.words.edge.contains(&lx[s - 2].low))
            {
                s -= 1;
            } else {
                break;
            }
        }
        s
    }

    /// A month and day, with the year given or inferred: the candidate year nearest the
    /// publication date, where dates on the far side of the tense count triple.
    fn month_day(
        &self,
        anchor: Option<NaiveDate>,
        year: Option<i32>,
        month: u32,
        day: u32,
        future: bool,
    ) -> Option<(NaiveDate, &'static str)> {
        if let Some(y) = year {
            return NaiveDate::from_ymd_opt(y, month, day).map(|d| (d, "month day year"));
        }
        let a = anchor?;
        let mut best: Option<(i64, NaiveDate)> = None;
        for y in a.year() - 4..=a.year() + 1 {
            let Some(d) = NaiveDate::from_ymd_opt(y, month, day) else {
                continue;
            };
            let diff = (d - a).num_days();
            let cost = if (diff > 0) != future && diff != 0 {
                diff.abs() * 3
            } else {
                diff.abs()
            };
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, d));
            }
        }
        best.map(|(_, d)| (d, "month day, year inferred"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Past,
    This,
    Future,
}

fn weekday(n: u32) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// The most recent `target` day before `anchor` (on or before when `inclusive`).
fn last_weekday(anchor: NaiveDate, target: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let back = (anchor.weekday().num_days_from_monday() + 7 - target.num_days_from_monday()) % 7;
    let back = if back == 0 && !inclusive { 7 } else { back };
    anchor.checked_sub_signed(Duration::days(back.into()))
}

/// The next `target` day after `anchor` (on or after when `inclusive`).
fn next_weekday(anchor: NaiveDate, target: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let fwd = (target.num_days_from_monday() + 7 - anchor.weekday().num_days_from_monday()) % 7;
    let fwd = if fwd == 0 && !inclusive { 7 } else { fwd };
    anchor.checked_add_signed(Duration::days(fwd.into()))
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday().into())
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// "in March" (dir None), "last March", "next March", "this March".
fn resolve_month(
    anchor: NaiveDate,
    month: u32,
    dir: Option<Dir>,
    future: bool,
) -> Option<NaiveDate> {
    let (y, m) = (anchor.year(), anchor.month());
    let year = match dir {
        Some(Dir::Past) => {
            if month < m {
                y
            } else {
                y - 1
            }
        }
        Some(Dir::Future) => {
            if month > m {
                y
            } else {
                y + 1
            }
        }
        Some(Dir::This) => y,
        None if future => {
            if month >= m {
                y
            } else {
                y + 1
            }
        }
        None => {
            if month <= m {
                y
            } else {
                y - 1
            }
        }
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// "last week", "this month", "next year", "the weekend".
fn period(
    anchor: NaiveDate,
    unit: Unit,
    dir: Dir,
    future: bool,
) -> Option<(NaiveDate, DatePrecision, &'static str)> {
    let step = match dir {
        Dir::Past => -1,
        Dir::This => 0,
        Dir::Future => 1,
    };
    Some(match unit {
        Unit::Day => return None,
        Unit::Week => (
            monday(anchor) + Duration::weeks(step),
            DatePrecision::Week,
            "relative week",
        ),
        Unit::Weekend => {
            let sat = match dir {
                Dir::Past => last_weekday(anchor, Weekday::Sat, false)?,
                Dir::Future => next_weekday(anchor, Weekday::Sat, false)?,
                // The weekend just gone, unless the sentence looks ahead or it is Friday.
                Dir::This if future || anchor.weekday() == Weekday::Fri => {
                    next_weekday(anchor, Weekday::Sat, true)?
                }
                Dir::This => last_weekday(anchor, Weekday::Sat, true)?,
            };
            (monday(sat), DatePrecision::Week, "weekend")
        }
        Unit::Month => {
            let first = first_of_month(anchor);
            let d = match step {
                -1 => first.checked_sub_months(Months::new(1))?,
                1 => first.checked_add_months(Months::new(1))?,
                _ => first,
            };
            (d, DatePrecision::Month, "relative month")
        }
        Unit::Year => (
            NaiveDate::from_ymd_opt(anchor.year() + step as i32, 1, 1)?,
            DatePrecision::Year,
            "relative year",
        ),
    })
}

/// The expression to date something in `span` by: one inside the span (the first), else the
/// one nearest to it in the same sentence. The coder decides whether to use it.
pub fn nearest_date(mentions: &[DateMention], sentence: usize, span: Span) -> Option<&DateMention> {
    let same: Vec<&DateMention> = mentions.iter().filter(|m| m.sentence == sentence).collect();
    if let Some(m) = same.iter().find(|m| span.contains(m.span)) {
        return Some(m);
    }
    same.into_iter().min_by_key(|m| {
        if m.span.end <= span.start {
            span.start - m.span.end
        } else {
            m.span.start.saturating_sub(span.end)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(text: &str, anchor: &str) -> Vec<(String, String, &'static str)> {
        let r = DateResolver::embedded().expect("date words");
        let a = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
        r.in_text(text, Span::new(0, text.len()), a)
            .into_iter()
            .map(|(s, d, p, _)| (s.slice(text).to_string(), d.to_string(), p.as_str()))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $anchor:expr, [$(($e:expr, $d:expr, $p:expr)),*]) => {
            #[test]
            fn $name() {
                let want: Vec<(String, String, &str)> = vec![$(($e.to_string(), $d.to_string(), $p)),*];
                assert_eq!(resolve($text, $anchor), want);
            }
        };
    }

    t!(
        sunday,
        "He said on Sunday that",
        "2022-12-05",
        [("on Sunday", "2022-12-04", "day")]
    );
    t!(
        late_saturday,
        "He visited Iran late on Saturday.",
        "2022-12-05",
        [("late on Saturday", "2022-12-03", "day")]
    );
    t!(
        same_weekday,
        "officials said Monday",
        "2022-12-05",
        [("Monday", "2022-12-05", "day")]
    );
    t!(
        last_week,
        "Just last week he went",
        "2022-12-05",
        [("last week", "2022-11-28", "week")]
    );
    t!(
        iso,
        "on 2022-12-04 the",
        "2023-01-01",
        [("2022-12-04", "2022-12-04", "day")]
    );
    t!(
        dec_dot,
        "on Dec. 4 the",
        "2022-12-05",
        [("on Dec. 4", "2022-12-04", "day")]
    );
    t!(may_modal, "He may go. Theresa May said", "2022-12-05", []);
    t!(no_anchor_relative, "on Sunday", "", []);
    t!(bloody_sunday, "the Bloody Sunday inquiry", "2022-12-05", []);
    t!(year_money, "paid 2020 dollars", "2022-12-05", []);
}
