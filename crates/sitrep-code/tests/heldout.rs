//! Held-out articles (`tests/articles/1xx_*`): written with their gold annotations by someone
//! who had not seen sitrep's output, scored by the project's scorer
//! (`../shared/tools/score_article.py`). The quality targets (event recall and
//! precision ≥ 0.75, ≥ 80 % quote speakers, ≥ 7/8 actors) are NOT met on them yet; the floors
//! below are the measured figures rounded down, so that a regression fails CI while the
//! README reports the gap. Skipped (with a note) when `../shared` or `python3` is absent.

mod common;

use std::path::PathBuf;

/// (file stem, recall floor, precision floor, quote-speaker floor, actor floor)
const FLOORS: &[(&str, f64, f64, f64, f64)] = &[
    ("101_turkey_syria_border_accusations", 0.22, 0.6, 0.8, 0.6),
    ("102_ethiopia_sudan_au_border_deal", 0.11, 0.5, 0.8, 0.3),
    ("103_pakistan_india_loc_shelling", 0.3, 0.75, 0.7, 0.7),
];

#[test]
fn held_out_articles_stay_above_their_floors() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut failures = Vec::new();
    for &(stem, recall, precision, speakers, actors) in FLOORS {
        let art = dir.join(format!("{stem}.txt"));
        let gold = dir.join(format!("{stem}.gold.json"));
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold).expect("gold"))
                .expect("gold JSON");
        let date = g["metadata_for_tests"]["date"].as_str().map(str::to_string);
        let text = std::fs::read_to_string(&art).expect("article");
        let coded = common::code(&text, date.as_deref());
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
