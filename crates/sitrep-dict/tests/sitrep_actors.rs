//! sitrep's own actor files (`sitrep.actors.txt`: office holders since the Phoenix files;
//! `sitrep.organisations.txt`: IGOs and NGOs Phoenix lacks) load without a diagnostic and
//! resolve with their date bounds against the document date.

use chrono::NaiveDate;
use sitrep_dict::Dictionaries;

fn code_on(d: &Dictionaries, phrase: &str, date: &str) -> Option<String> {
    let ids = d.word_ids(phrase.split_whitespace());
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    let m = d.actors.longest_match(&ids, 0)?;
    (m.len == ids.len()).then(|| m.code(date).map(str::to_string))?
}

#[test]
fn sitrep_actor_files_load_cleanly() {
    let bad: Vec<String> = Dictionaries::embedded_diagnostics()
        .iter()
        .filter(|d| d.origin.file.starts_with("sitrep."))
        .map(|d| format!("{}:{}: {}", d.origin.file, d.origin.line, d.message))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn office_holders_follow_the_document_date() {
    let d = Dictionaries::embedded();
    let cases = [
        ("Donald Trump", "2018-06-01", "USAGOV"),
        ("Donald Trump", "2022-06-01", "USAELI"),
        ("Donald Trump", "2025-06-01", "USAGOV"),
        ("Kim Jong Un", "2018-01-03", "PRKGOV"),
        ("Moon Jae-in", "2018-01-03", "KORGOV"),
        ("Nikki Haley", "2018-01-03", "USAGOV"),
        ("Antonio Guterres", "2020-01-01", "IGOUNO"),
        ("Abdel Fattah al-Sisi", "2017-12-30", "EGYGOV"),
    ];
    for (name, date, want) in cases {
        assert_eq!(
            code_on(d, name, date).as_deref(),
            Some(want),
            "{name} on {date}"
        );
    }
}

#[test]
fn organisations_phoenix_lacks() {
    let d = Dictionaries::embedded();
    for (name, want) in [
        ("African Union", "IGOAFROAU"),
        ("EU", "IGOEUREEC"),
        ("Gulf Cooperation Council", "IGOPGSGCC"),
        ("World Health Organization", "IGOUNOHLHWHO"),
    ] {
        assert_eq!(
            code_on(d, name, "2020-01-01").as_deref(),
            Some(want),
            "{name}"
        );
    }
}
