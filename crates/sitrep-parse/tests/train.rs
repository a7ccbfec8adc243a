//! Training on a tiny slice: the same seed gives the same model bytes.

use std::path::Path;

use std::sync::Arc;

use sitrep_parse::clusters::{self, ClusterOptions};
use sitrep_parse::train::{train, TableBits, TrainOptions};
use sitrep_parse::{conllu, Clusters};

const TINY: &str = "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n3\tsat\tsit\tVERB\tVBD\t_\t0\troot\t_\t_\n4\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n6\tmat\tmat\tNOUN\tNN\t_\t3\tobl\t_\t_\n7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\thelps\thelp\tVERB\tVBZ\t_\t0\troot\t_\t_\n3\tIraq\tIraq\tPROPN\tNNP\t_\t2\tobj\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

fn slice() -> Vec<conllu::Sentence> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu");
    match conllu::read_file(&p) {
        Ok(parsed) => parsed.sentences.into_iter().take(120).collect(),
        Err(_) => {
            eprintln!("note: EWT dev absent; training on a built-in sample");
            conllu::read_str(TINY, "tiny").sentences
        }
    }
}

/// Two epochs, two folds, 2^14-row tables: a model trained in a second.
fn tiny_options() -> TrainOptions {
    TrainOptions {
        tagger_epochs: 2,
        parser_epochs: 2,
        folds: 2,
        bits: TableBits {
            tagger: 14,
            actions: 14,
            labels: 14,
        },
        ..TrainOptions::default()
    }
}

#[test]
fn same_seed_same_bytes() {
    let data = slice();
    let (tr, dev) = data.split_at(data.len() * 3 / 4);
    // Small tables: the default ones take a few hundred MB to train.
    let opts = TrainOptions {
        tagger_epochs: 2,
        parser_epochs: 2,
        folds: 2,
        bits: TableBits {
            tagger: 16,
            actions: 16,
            labels: 16,
        },
        ..TrainOptions::default()
    };
    let (a, _) = train(tr, dev, &opts, &mut |_| {}).expect("trains");
    let (b, _) = train(tr, dev, &opts, &mut |_| {}).expect("trains");
    assert_eq!(a.to_bytes(), b.to_bytes());
    let other = TrainOptions { seed: 99, ..opts };
    let (c, _) = train(tr, dev, &other, &mut |_| {}).expect("trains");
    assert_ne!(a.to_bytes(), c.to_bytes(), "the seed matters");
    // The model round-trips through its file format.
    let back = sitrep_parse::Pipeline::from_bytes(&a.to_bytes(), "t").expect("decodes");
    assert_eq!(back.to_bytes(), a.to_bytes());
    assert!(sitrep_parse::Pipeline::from_bytes(&a.to_bytes()[..100], "t").is_err());
    assert!(sitrep_parse::Pipeline::from_bytes(b"garbage", "t").is_err());
}

#[test]
fn clusters_are_part_of_the_model() {
    let data = slice();
    let (tr, dev) = data.split_at(data.len() * 3 / 4);
    let copts = ClusterOptions {
        sizes: [4, 8, 16],
        min_count: 2,
        max_passes: 5,
    };
    let words = clusters::induce(tr.iter().map(|s| s.forms()), &copts, &|_| {});
    assert!(!words.is_empty());
    let opts = tiny_options();
    let with = TrainOptions {
        clusters: Arc::new(Clusters::from_words(&words)),
        ..opts.clone()
    };
    let (a, _) = train(tr, dev, &with, &mut |_| {}).expect("trains");
    let (b, _) = train(tr, dev, &with, &mut |_| {}).expect("trains");
    assert_eq!(a.to_bytes(), b.to_bytes(), "same clusters, same model");
    assert_eq!(a.clusters().len(), words.len());
    let w = &words[0];
    assert_eq!(
        a.clusters().of_word(&w.word.to_uppercase()),
        Some(w.classes)
    );
    let back = sitrep_parse::Pipeline::from_bytes(&a.to_bytes(), "t").expect("decodes");
    assert_eq!(back.clusters().len(), words.len());
    let (c, _) = train(tr, dev, &opts, &mut |_| {}).expect("trains");
    assert!(c.clusters().is_empty());
    assert_ne!(a.to_bytes(), c.to_bytes(), "the clusters are features");
}

#[test]
fn cached_tagger_gives_the_same_model() {
    let data = slice();
    let (tr, dev) = data.split_at(data.len() * 3 / 4);
    let cache = std::env::temp_dir().join(format!("sitrep-tagcache-{}", std::process::id()));
    let _ = std::fs::remove_file(&cache);
    let opts = TrainOptions {
        tagger_cache: Some(cache.clone()),
        ..tiny_options()
    };
    let (a, ra) = train(tr, dev, &opts, &mut |_| {}).expect("trains");
    assert!(cache.exists(), "the cache is written");
    let (b, rb) = train(tr, dev, &opts, &mut |_| {}).expect("trains");
    let _ = std::fs::remove_file(&cache);
    assert!(!ra.log.iter().any(|l| l.contains("from the cache")));
    assert!(rb.log.iter().any(|l| l.contains("from the cache")));
    assert_eq!(a.to_bytes(), b.to_bytes());
}
