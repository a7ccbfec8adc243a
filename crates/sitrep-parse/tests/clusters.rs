//! The committed word clusters (`models/en-clusters.tsv`, written by `sitrep clusters`) read
//! cleanly and group words as a reader would expect.

use std::path::Path;

use sitrep_parse::clusters::from_tsv;
use sitrep_parse::Clusters;

#[test]
fn committed_clusters_read_and_group_similar_words() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/en-clusters.tsv");
    let text = std::fs::read_to_string(&path).expect("models/en-clusters.tsv is committed");
    let words = from_tsv(&text, "en-clusters.tsv").expect("parses");
    assert!(words.len() > 30_000, "{} words", words.len());
    let c = Clusters::from_words(&words);
    let fine = |w: &str| c.of_word(w).map(|x| x[2]);
    assert!(fine("Monday").is_some());
    assert_eq!(fine("Monday"), fine("tuesday"));
    assert_eq!(fine("Iran"), fine("France"));
    assert_eq!(fine("police"), fine("militants"));
    assert_ne!(fine("Monday"), fine("Iran"));
    assert_eq!(fine("zzyzxqj"), None);
}
