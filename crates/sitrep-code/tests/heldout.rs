//! Held-out articles, scored by the project's scorer (`../shared/tools/score_article.py`):
//!
//! - `tests/articles/1xx_*`: fictional articles written with their gold annotations by
//!   someone who had not seen sitrep's output (text and gold in the repository);
//! - `tests/articles/real/*.gold.json`: real articles of `../shared/data/corpora/news_cluster.jsonl`
//!   annotated blind by analysts; the texts belong to their publishers and are read from
//!   `../shared` at test time, never copied here. `NOTES_dev.md` lists the development set
//!   (failures traced while building the coder), `NOTES_test.md` the test set (only its
//!   totals are looked at).
//!
//! The quality targets (event recall and precision ≥ 0.75, ≥ 80 % quote speakers,
//! ≥ 7/8 actors) are NOT met on these yet; the floors below are the measured figures
//! rounded down, so that a regression fails CI while the README reports the gap. Skipped
//! (with a note) when `../shared` or `python3` is absent.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Fictional articles: (file stem, recall floor, precision floor, quote-speaker floor,
/// actor floor).
const FLOORS: &[(&str, f64, f64, f64, f64)] = &[
    ("101_turkey_syria_border_accusations", 0.55, 0.72, 0.8, 0.85),
    ("102_ethiopia_sudan_au_border_deal", 0.6, 0.75, 0.8, 0.5),
    // Precision 0.86 → 0.75 (2026-12-07): parse repair 15 gives "According to the ISPR,
    // Indian troops opened … fire on villages near Athmuqam" its subject; the gazetteer does
    // not know Athmuqam, so the villagers stay unplaced (INDMIL → CVL) where the gold wants
    // PAK: one more event counted spurious, the must-event still missed.
    ("103_pakistan_india_loc_shelling", 0.5, 0.75, 0.9, 0.7),
];

/// Real articles, per set, on the set's totals: (set, recall, precision, speakers, actors).
const SET_FLOORS: &[(&str, f64, f64, f64, f64)] = &[
    // Raised 2026-12-08: dev 19/38, 0.852, 25/31, 48/64; dev2 30/70, 0.717, 33/50, 92/112;
    // test 10/44, 0.571, 23/35, 54/70.
    ("dev", 0.47, 0.82, 0.78, 0.72),
    ("dev2", 0.4, 0.68, 0.62, 0.8),
    // Test precision 0.58 → 0.57 (2026-12-08): the naming-verb rule ("Kim described Trump
    // as a dotard", 111) adds one event to the blind set that its gold does not list (15/25
    // → 15/26; the set's articles were not read). The rule made 1 event in the 27 MB of
    // corpora (right) and 1 right event on dev; kept as a sound construction.
    ("test", 0.22, 0.57, 0.6, 0.75),
];

/// Scorer counts summed over a set of articles.
#[derive(Default)]
struct Totals {
    hits: f64,
    must: f64,
    good: f64,
    events: f64,
    speakers: (f64, f64),
    actors: (f64, f64),
    must_not: usize,
}

impl Totals {
    fn add(&mut self, r: &serde_json::Value) {
        let must = r["must"].as_f64().unwrap_or(0.0);
        let events = r["events"].as_f64().unwrap_or(0.0);
        self.hits += (r["recall"].as_f64().unwrap_or(0.0) * must).round();
        self.must += must;
        self.good += (r["precision"].as_f64().unwrap_or(0.0) * events).round();
        self.events += events;
        let pair = |k: &str| {
            let s = r[k].as_str().unwrap_or("0/0");
            let (a, b) = s.split_once('/').unwrap_or(("0", "0"));
            (a.parse().unwrap_or(0.0), b.parse().unwrap_or(0.0))
        };
        let (a, b) = pair("quote_speakers_right");
        self.speakers = (self.speakers.0 + a, self.speakers.1 + b);
        let (a, b) = pair("actors_right");
        self.actors = (self.actors.0 + a, self.actors.1 + b);
        self.must_not += r["must_not_violations"].as_array().map_or(0, Vec::len);
    }

    fn ratio(a: f64, b: f64) -> f64 {
        if b > 0.0 {
            a / b
        } else {
            0.0
        }
    }
}

fn date_of(gold: &serde_json::Value) -> Option<String> {
    gold["metadata_for_tests"]["date"]
        .as_str()
        .map(str::to_string)
}

fn read_gold(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("gold")).expect("gold JSON")
}

#[test]
fn fictional_articles_stay_above_their_floors() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut failures = Vec::new();
    for &(stem, recall, precision, speakers, actors) in FLOORS {
        let art = dir.join(format!("{stem}.txt"));
        let gold = dir.join(format!("{stem}.gold.json"));
        let text = std::fs::read_to_string(&art).expect("article");
        let coded = common::code(&text, date_of(&read_gold(&gold)).as_deref());
        let Some(r) = common::score_article(&shared, &gold, &art, &coded) else {
            return;
        };
        eprintln!(
            "{stem}: recall {} precision {} speakers {} actors {} must_not {} cleaning {}",
            r["recall"],
            r["precision"],
            r["quote_speakers_right"],
            r["actors_right"],
            r["must_not_violations"],
            r["cleaning_failures"]
        );
        let mut check = |ok: bool, what: String| {
            if !ok {
                failures.push(format!("{stem}: {what}"));
            }
        };
        check(
            r["recall"].as_f64().unwrap_or(0.0) >= recall,
            format!("recall {}", r["recall"]),
        );
        check(
            r["precision"].as_f64().unwrap_or(0.0) >= precision,
            format!("precision {}", r["precision"]),
        );
        check(
            r["must_not_violations"]
                .as_array()
                .is_some_and(Vec::is_empty),
            format!("must_not {}", r["must_not_violations"]),
        );
        check(
            common::fraction(&r, "quote_speakers_right") >= speakers,
            format!("speakers {}", r["quote_speakers_right"]),
        );
        check(
            common::fraction(&r, "actors_right") >= actors,
            format!("actors {}", r["actors_right"]),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The `text` of each record of a corpus file, by id.
fn corpus_texts(path: &Path) -> HashMap<String, String> {
    let body = std::fs::read_to_string(path).expect("corpus file");
    body.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            Some((
                v["id"].as_str()?.to_string(),
                v["text"].as_str()?.to_string(),
            ))
        })
        .collect()
}

#[test]
fn real_articles_stay_above_their_floors() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/articles/real");
    let notes = |set: &str| {
        std::fs::read_to_string(dir.join(format!("NOTES_{set}.md"))).unwrap_or_default()
    };
    let test_notes = notes("test");
    let dev2_notes = notes("dev2");
    let mut corpora: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut totals: HashMap<&str, Totals> = HashMap::new();
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("real articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    assert!(!golds.is_empty(), "no gold files in {}", dir.display());
    for gold in golds {
        let g = read_gold(&gold);
        let (Some(corpus), Some(id)) = (g["corpus"].as_str(), g["corpus_id"].as_str()) else {
            panic!("{}: gold without corpus and corpus_id", gold.display());
        };
        let texts = corpora
            .entry(corpus.to_string())
            .or_insert_with(|| corpus_texts(&shared.join("data/corpora").join(corpus)));
        let text = texts
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not in {corpus}"))
            .clone();
        // The scorer's cleaning checks read the article from a file.
        let art = std::env::temp_dir().join(format!("sitrep-{id}-{}.txt", std::process::id()));
        std::fs::write(&art, &text).expect("write article");
        let coded = common::code(&text, date_of(&g).as_deref());
        let r = common::score_article(&shared, &gold, &art, &coded);
        let _ = std::fs::remove_file(&art);
        let Some(r) = r else { return };
        let set = if test_notes.contains(id) {
            "test"
        } else if dev2_notes.contains(id) {
            "dev2"
        } else {
            "dev"
        };
        if set != "test" {
            eprintln!(
                "{id}: recall {} precision {} speakers {} actors {}",
                r["recall"], r["precision"], r["quote_speakers_right"], r["actors_right"]
            );
        }
        totals.entry(set).or_default().add(&r);
    }
    let mut failures = Vec::new();
    for &(set, recall, precision, speakers, actors) in SET_FLOORS {
        let Some(t) = totals.get(set) else { continue };
        let got = [
            ("recall", Totals::ratio(t.hits, t.must), recall),
            ("precision", Totals::ratio(t.good, t.events), precision),
            (
                "speakers",
                Totals::ratio(t.speakers.0, t.speakers.1),
                speakers,
            ),
            ("actors", Totals::ratio(t.actors.0, t.actors.1), actors),
        ];
        eprintln!(
            "{set} set: recall {}/{} precision {}/{} speakers {}/{} actors {}/{} must_not {}",
            t.hits,
            t.must,
            t.good,
            t.events,
            t.speakers.0,
            t.speakers.1,
            t.actors.0,
            t.actors.1,
            t.must_not
        );
        for (what, value, floor) in got {
            if value < floor {
                failures.push(format!(
                    "{set} set: {what} {value:.3} under the floor {floor}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
