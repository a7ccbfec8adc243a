//! Date restrictions on actor codes: `[CODE 640101-000101]`, `[CODE >730915]`, `[CODE <950601]`.
//!
//! Dates are `YYMMDD` or `YYYYMMDD`; two-digit years 00–30 are 20YY and 31–99 are 19YY, as
//! in PETRARCH's `dstr_to_ordate`. A range includes its first day and excludes its last,
//! `>D` holds from D on, `<D` before D (PETRARCH's `NounPhrase.check_date`).

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

/// When an actor code applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    /// No restriction: `[CODE]`.
    Always,
    /// From this day on: `[CODE >YYMMDD]` (a bare `[CODE YYMMDD]` reads the same).
    From(NaiveDate),
    /// Before this day: `[CODE <YYMMDD]`.
    Before(NaiveDate),
    /// From the first day up to, not including, the second: `[CODE YYMMDD-YYMMDD]`.
    Between(NaiveDate, NaiveDate),
}

impl Validity {
    /// Whether the code applies on `date`.
    pub fn contains(self, date: NaiveDate) -> bool {
        match self {
            Validity::Always => true,
            Validity::From(d) => date >= d,
            Validity::Before(d) => date < d,
            Validity::Between(a, b) => a <= date && date < b,
        }
    }

    /// Parse the date part of a code bracket (`640101-000101`, `>730915`, `< 950601`,
    /// `19950601 - 19990815`); the empty string is [`Validity::Always`]. Dates of other
    /// lengths are read as PETRARCH reads them (see [`parse_date_lenient`]).
    pub fn parse(spec: &str) -> Result<Validity, String> {
        Validity::parse_reporting(spec, &mut Vec::new())
    }

    /// [`Validity::parse`], pushing a warning for each date PETRARCH's leniency had to read.
    pub(crate) fn parse_reporting(
        spec: &str,
        warnings: &mut Vec<String>,
    ) -> Result<Validity, String> {
        let spec: String = spec.chars().filter(|c| !c.is_whitespace()).collect();
        let mut date = |s: &str| {
            let (d, warning) = parse_date_lenient(s)?;
            warnings.extend(warning);
            Ok::<NaiveDate, String>(d)
        };
        if spec.is_empty() {
            return Ok(Validity::Always);
        }
        if let Some(d) = spec.strip_prefix('>') {
            return Ok(Validity::From(date(d)?));
        }
        if let Some(d) = spec.strip_prefix('<') {
            return Ok(Validity::Before(date(d)?));
        }
        match spec.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (date(a)?, date(b)?);
                if b < a {
                    return Err(format!("date range {spec} ends before it starts"));
                }
                Ok(Validity::Between(a, b))
            }
            None => Ok(Validity::From(date(&spec)?)),
        }
    }
}

impl fmt::Display for Validity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Validity::Always => Ok(()),
            Validity::From(d) => write!(f, ">{d}"),
            Validity::Before(d) => write!(f, "<{d}"),
            Validity::Between(a, b) => write!(f, "{a}..{b}"),
        }
    }
}

/// Parse a dictionary date as PETRARCH's `dstr_to_ordate` does: more than 7 digits is
/// `YYYYMMDD` plus ignored junk, otherwise `YYMMDD` (a seventh digit ignored). Returns a
/// warning when the string was not exactly 6 or 8 digits.
pub fn parse_date_lenient(s: &str) -> Result<(NaiveDate, Option<String>), String> {
    if !s.bytes().all(|b| b.is_ascii_digit()) || s.len() < 6 {
        return Err(format!("date {s:?} is not YYMMDD or YYYYMMDD"));
    }
    let used = if s.len() > 7 { &s[..8] } else { &s[..6] };
    let d = parse_date(used)?;
    let warning = (used.len() != s.len())
        .then(|| format!("date {s:?} read as {d} (PETRARCH ignores the extra digits)"));
    Ok((d, warning))
}

/// Parse `YYMMDD` or `YYYYMMDD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    if !s.bytes().all(|b| b.is_ascii_digit()) || !(s.len() == 6 || s.len() == 8) {
        return Err(format!("date {s:?} is not YYMMDD or YYYYMMDD"));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, rest) = if s.len() == 6 {
        let yy = num(0..2) as i32;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, 2)
    } else {
        (num(0..4) as i32, 4)
    };
    let month = num(rest..rest + 2);
    let day = num(rest + 2..rest + 4);
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| format!("date {s:?} does not exist"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn two_digit_years_pivot_at_30() {
        assert_eq!(parse_date("300101"), Ok(d(2030, 1, 1)));
        assert_eq!(parse_date("310101"), Ok(d(1931, 1, 1)));
        assert_eq!(parse_date("000101"), Ok(d(2000, 1, 1)));
        assert_eq!(parse_date("19270101"), Ok(d(1927, 1, 1)));
        assert!(parse_date("100931").is_err());
        assert!(parse_date("12345").is_err());
        assert!(parse_date("1x0101").is_err());
        assert_eq!(parse_date("120229"), Ok(d(2012, 2, 29)));
        assert!(parse_date("100229").is_err());
    }

    #[test]
    fn specs() {
        assert_eq!(Validity::parse(""), Ok(Validity::Always));
        assert_eq!(
            Validity::parse(">730915"),
            Ok(Validity::From(d(1973, 9, 15)))
        );
        assert_eq!(
            Validity::parse("< 950601"),
            Ok(Validity::Before(d(1995, 6, 1)))
        );
        assert_eq!(
            Validity::parse("19950601 - 19990815"),
            Ok(Validity::Between(d(1995, 6, 1), d(1999, 8, 15)))
        );
        assert_eq!(
            Validity::parse("640101-000101"),
            Ok(Validity::Between(d(1964, 1, 1), d(2000, 1, 1)))
        );
        assert_eq!(
            Validity::parse("011222"),
            Ok(Validity::From(d(2001, 12, 22)))
        );
        assert!(Validity::parse("000101-640101").is_err());
        assert!(Validity::parse(">99").is_err());
        let mut w = Vec::new();
        assert_eq!(
            Validity::parse_reporting(">201005011", &mut w),
            Ok(Validity::From(d(2010, 5, 1)))
        );
        assert_eq!(
            Validity::parse_reporting("9008223", &mut w),
            Ok(Validity::From(d(1990, 8, 22)))
        );
        assert_eq!(w.len(), 2);
    }

    #[test]
    fn containment_is_half_open() {
        let v = Validity::parse("640101-000101").unwrap();
        assert!(v.contains(d(1964, 1, 1)));
        assert!(v.contains(d(1972, 8, 13)));
        assert!(!v.contains(d(2000, 1, 1)));
        assert!(Validity::parse(">730915").unwrap().contains(d(1973, 9, 15)));
        assert!(!Validity::parse("<730915").unwrap().contains(d(1973, 9, 15)));
    }
}
