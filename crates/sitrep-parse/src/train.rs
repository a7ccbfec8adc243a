//! Training from Universal Dependencies treebanks: data loading and splits, tagger epochs
//! chosen on dev, jackknifed tags for the parser, parser epochs chosen on dev.
//!
//! Deterministic for a given seed: all randomness comes from one seeded generator, updates
//! are integer, and model files are written in sorted order.

use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep_text::{Upos, Xpos};

use crate::conllu::{self, ConlluError, Sentence};
use crate::eval::{evaluate, Scores};
use crate::hash::Rng;
use crate::lex::LexBuf;
use crate::parser::{projectivize, ParseExample, ParserTrainer, Tok, ROOT_TOK};
use crate::perceptron::Compression;
use crate::pipeline::{Pipeline, Scratch};
use crate::tagger::{SecondPassTrainer, TagExample, Tagger, TaggerTrainer};
use crate::Error;

/// What to do with training trees that are not projective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonProjective {
    /// Lift crossing arcs to the grandparent until the tree is projective.
    Lift,
    /// Leave such sentences out of parser training.
    Skip,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Seed of the shuffling and exploration generator.
    pub seed: u64,
    /// Maximum tagger epochs (the best on dev is kept).
    pub tagger_epochs: usize,
    /// Maximum parser epochs (the best on dev is kept).
    pub parser_epochs: usize,
    /// Folds for jackknifed training tags of the parser; 0 or 1 trains on gold tags.
    pub folds: usize,
    /// Pruning of the stored parser weights.
    pub compression: Compression,
    /// Pruning of the stored tagger weights.
    pub tagger_compression: Compression,
    /// Handling of non-projective training trees.
    pub nonprojective: NonProjective,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            seed: 1,
            tagger_epochs: 8,
            parser_epochs: 12,
            folds: 5,
            compression: Compression::default(),
            tagger_compression: Compression { prune: 0.1 },
            nonprojective: NonProjective::Lift,
        }
    }
}

/// The treebanks of `shared/data/ud`, split for training, tuning and testing.
#[derive(Clone, Debug, Default)]
pub struct Treebanks {
    /// EWT train plus GUM's training documents.
    pub train: Vec<Sentence>,
    /// EWT dev.
    pub ewt_dev: Vec<Sentence>,
    /// GUM dev documents.
    pub gum_dev: Vec<Sentence>,
    /// EWT test.
    pub ewt_test: Vec<Sentence>,
    /// GUM test documents.
    pub gum_test: Vec<Sentence>,
    /// GUM test documents of the news genre.
    pub gum_test_news: Vec<Sentence>,
    /// Files read, for the record.
    pub files: Vec<PathBuf>,
    /// Malformed lines met (their sentences were skipped).
    pub errors: Vec<ConlluError>,
}

/// GUM's dev and test document names from its `splits.md`.
fn gum_splits(path: &Path) -> Result<(Vec<String>, Vec<String>), Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let (mut dev, mut test) = (Vec::new(), Vec::new());
    let mut section = "";
    for line in text.lines() {
        let l = line.trim();
        if let Some(h) = l.strip_prefix("## ") {
            section = match h.trim() {
                "dev" => "dev",
                "test" => "test",
                _ => "",
            };
        } else if let Some(item) = l.strip_prefix("* ").or_else(|| l.strip_prefix("- ")) {
            match section {
                "dev" => dev.push(item.trim().to_string()),
                "test" => test.push(item.trim().to_string()),
                _ => {}
            }
        }
    }
    if dev.is_empty() || test.is_empty() {
        return Err(Error::Train(format!(
            "{}: no dev/test document lists found",
            path.display()
        )));
    }
    Ok((dev, test))
}

/// Read `en_ewt/` and `en_gum/` under `ud_dir` and split them.
pub fn load_treebanks(ud_dir: &Path) -> Result<Treebanks, Error> {
    let mut tb = Treebanks::default();
    let read = |tb: &mut Treebanks, p: PathBuf| -> Result<Vec<Sentence>, Error> {
        let parsed = conllu::read_file(&p)?;
        tb.errors.extend(parsed.errors);
        tb.files.push(p);
        Ok(parsed.sentences)
    };
    let ewt = ud_dir.join("en_ewt");
    tb.train = read(&mut tb, ewt.join("en_ewt-ud-train.conllu"))?;
    tb.ewt_dev = read(&mut tb, ewt.join("en_ewt-ud-dev.conllu"))?;
    tb.ewt_test = read(&mut tb, ewt.join("en_ewt-ud-test.conllu"))?;
    let gum = ud_dir.join("en_gum");
    let (dev, test) = gum_splits(&gum.join("splits.md"))?;
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&gum)
        .map_err(|e| Error::io(&gum, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    docs.sort();
    for p in docs {
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let sents = read(&mut tb, p)?;
        if dev.contains(&stem) {
            tb.gum_dev.extend(sents);
        } else if test.contains(&stem) {
            if stem.starts_with("GUM_news_") {
                tb.gum_test_news.extend(sents.iter().cloned());
            }
            tb.gum_test.extend(sents);
        } else {
            tb.train.extend(sents);
        }
    }
    Ok(tb)
}

/// What training did, epoch by epoch.
#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    /// Log lines (also passed to the progress callback as they happen).
    pub log: Vec<String>,
    /// Tagger epochs kept.
    pub tagger_epoch: usize,
    /// Parser epochs kept.
    pub parser_epoch: usize,
    /// Dev scores of the model returned.
    pub dev: Scores,
}

fn tag_classes(train: &[Sentence]) -> Vec<(Upos, Xpos)> {
    let mut v: Vec<(Upos, Xpos)> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| (w.upos_tag(), w.xpos_tag())))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn tag_examples(sents: &[Sentence], classes: &[(Upos, Xpos)]) -> Vec<TagExample> {
    let mut lb = LexBuf::default();
    sents
        .iter()
        .map(|s| TagExample {
            lex: s.words.iter().map(|w| lb.lex(&w.form)).collect(),
            gold: s
                .words
                .iter()
                .map(|w| {
                    classes
                        .binary_search(&(w.upos_tag(), w.xpos_tag()))
                        .map_or(u16::MAX, |i| i as u16)
                })
                .collect(),
        })
        .collect()
}

fn tag_accuracy(t: &Tagger, dev: &[TagExample]) -> (f64, f64) {
    let (mut u, mut x, mut n) = (0usize, 0usize, 0usize);
    let (mut amb, mut out) = (Vec::new(), Vec::new());
    let classes = t.classes();
    for s in dev {
        t.tag(&s.lex, &mut amb, &mut out);
        for (&p, &g) in out.iter().zip(&s.gold) {
            n += 1;
            if let Some(gc) = classes.get(g as usize) {
                let pc = classes[p as usize];
                u += usize::from(pc.0 == gc.0);
                x += usize::from(pc.1 == gc.1);
            }
        }
    }
    (
        100.0 * u as f64 / n.max(1) as f64,
        100.0 * x as f64 / n.max(1) as f64,
    )
}

fn parse_example(
    lex: &[crate::lex::Lex],
    tags: &[(Upos, Xpos)],
    s: &Sentence,
    np: NonProjective,
) -> Option<ParseExample> {
    let mut heads = vec![0u32];
    let mut labels = vec![0u8];
    for w in &s.words {
        heads.push(w.head?);
        labels.push(w.deprel_tag().index() as u8);
    }
    let lifted = projectivize(&mut heads.clone());
    if lifted > 0 {
        match np {
            NonProjective::Skip => return None,
            NonProjective::Lift => {
                projectivize(&mut heads);
            }
        }
    }
    let mut toks = vec![ROOT_TOK];
    for (l, &(u, x)) in lex.iter().zip(tags) {
        toks.push(Tok {
            word: l.lower,
            tag: x.index() as u64,
            upos: u.index() as u64,
            suf: l.suf[2],
        });
    }
    Some(ParseExample {
        toks,
        heads,
        labels,
    })
}

/// Train tagger and parser on `train`, choosing epochs on `dev`. `progress` receives log lines.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<(Pipeline, TrainReport), Error> {
    if train.is_empty() {
        return Err(Error::Train("no training sentences".into()));
    }
    let mut report = TrainReport::default();
    let mut log = |report: &mut TrainReport, s: String| {
        progress(&s);
        report.log.push(s);
    };
    let t0 = Instant::now();
    let mut rng = Rng::new(opts.seed);
    let classes = tag_classes(train);
    let train_tx = tag_examples(train, &classes);
    let dev_tx = tag_examples(dev, &classes);
    log(
        &mut report,
        format!(
            "{} training sentences, {} dev sentences, {} tag classes",
            train.len(),
            dev.len(),
            classes.len()
        ),
    );

    // Tagger: keep the epoch with the best dev UPOS (then XPOS).
    let mut tt = TaggerTrainer::new(classes.clone(), &train_tx);
    let mut best: Option<((f64, f64), usize, Tagger)> = None;
    for e in 1..=opts.tagger_epochs.max(1) {
        let acc = tt.epoch(&train_tx, &mut rng);
        let snap = tt.snapshot(opts.tagger_compression);
        let d = tag_accuracy(&snap, &dev_tx);
        log(
            &mut report,
            format!(
                "tagger epoch {e}: train {:.2}  dev UPOS {:.2} XPOS {:.2}  [{:.0?}]",
                100.0 * acc,
                d.0,
                d.1,
                t0.elapsed()
            ),
        );
        if best.as_ref().is_none_or(|b| d > b.0) {
            best = Some((d, e, snap));
        }
    }
    let Some((_, tag_epochs, tagger)) = best else {
        return Err(Error::Train("no tagger epoch".into()));
    };
    report.tagger_epoch = tag_epochs;

    // Training tags for the parser: jackknifed predictions, or gold.
    let mut train_tags: Vec<Vec<(Upos, Xpos)>> = train
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| (w.upos_tag(), w.xpos_tag()))
                .collect()
        })
        .collect();
    let mut first_pass: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
    let mut tagger = tagger;
    if opts.folds >= 2 {
        let k = opts.folds;
        for fold in 0..k {
            let part: Vec<TagExample> = train_tx
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, x)| x.clone())
                .collect();
            let mut ft = TaggerTrainer::new(classes.clone(), &part);
            for _ in 0..tag_epochs {
                ft.epoch(&part, &mut rng);
            }
            let t = ft.snapshot(opts.tagger_compression);
            let (mut amb, mut out) = (Vec::new(), Vec::new());
            for (i, ex) in train_tx.iter().enumerate().filter(|(i, _)| i % k == fold) {
                t.tag(&ex.lex, &mut amb, &mut out);
                train_tags[i] = out.iter().map(|&c| classes[c as usize]).collect();
                first_pass[i] = out.clone();
            }
            log(
                &mut report,
                format!(
                    "jackknife fold {}/{k} tagged [{:.0?}]",
                    fold + 1,
                    t0.elapsed()
                ),
            );
        }
    }

    if opts.folds >= 2 {
        // Second tagging pass, trained on the jackknifed first-pass tags; kept if it helps.
        let mut best2: Option<((f64, f64), usize, Tagger)> = None;
        let mut sp = SecondPassTrainer::new(tagger.clone());
        let base = tag_accuracy(&tagger, &dev_tx);
        for e in 1..=opts.tagger_epochs.max(1) {
            sp.epoch(&train_tx, &first_pass, &mut rng);
            let snap = sp.snapshot(opts.tagger_compression);
            let d = tag_accuracy(&snap, &dev_tx);
            log(
                &mut report,
                format!(
                    "second tagging pass epoch {e}: dev UPOS {:.2} XPOS {:.2}  [{:.0?}]",
                    d.0,
                    d.1,
                    t0.elapsed()
                ),
            );
            if best2.as_ref().is_none_or(|b| d > b.0) {
                best2 = Some((d, e, snap));
            }
        }
        if let Some((d, e, t)) = best2 {
            if d > base {
                log(&mut report, format!("second tagging pass kept (epoch {e})"));
                tagger = t;
            }
        }
    }

    let mut examples = Vec::with_capacity(train.len());
    let mut skipped = 0;
    for ((s, ex), tags) in train.iter().zip(&train_tx).zip(&train_tags) {
        match parse_example(&ex.lex, tags, s, opts.nonprojective) {
            Some(p) => examples.push(p),
            None => skipped += 1,
        }
    }
    log(
        &mut report,
        format!(
            "parser: {} training trees, {skipped} left out",
            examples.len()
        ),
    );

    let mut pt = ParserTrainer::new();
    let mut best: Option<(Scores, usize, Pipeline)> = None;
    for e in 1..=opts.parser_epochs.max(1) {
        let st = pt.epoch(&examples, &mut rng, e >= 2);
        let p = Pipeline::new(tagger.clone(), pt.snapshot(opts.compression), String::new());
        let d = evaluate(&p, dev);
        log(
            &mut report,
            format!(
                "parser epoch {e}: transition errors {:.2}%  dev UAS {:.2} LAS {:.2}  [{:.0?}]",
                100.0 * st.errors as f64 / st.transitions.max(1) as f64,
                d.uas_pct(),
                d.las_pct(),
                t0.elapsed()
            ),
        );
        if best
            .as_ref()
            .is_none_or(|b| (d.las, d.uas) > (b.0.las, b.0.uas))
        {
            best = Some((d, e, p));
        }
    }
    let Some((dev_scores, parse_epochs, p)) = best else {
        return Err(Error::Train("no parser epoch".into()));
    };
    report.parser_epoch = parse_epochs;
    report.dev = dev_scores;
    let about = format!(
        "sitrep tagger+parser; trained on {} sentences (EWT train + GUM train docs), tuned on {} dev sentences; seed {}, tagger epochs {} of {}, parser epochs {} of {}, jackknife folds {}, non-projective {:?}, prune {}",
        train.len(),
        dev.len(),
        opts.seed,
        tag_epochs,
        opts.tagger_epochs,
        parse_epochs,
        opts.parser_epochs,
        opts.folds,
        opts.nonprojective,
        opts.compression.prune
    );
    let pipeline = Pipeline::new(p.tagger().clone(), p.parser().clone(), about);
    log(
        &mut report,
        format!("done: dev {dev_scores} [{:.0?}]", t0.elapsed()),
    );
    Ok((pipeline, report))
}

/// Tag and parse `sents` and return the token throughput (tokens per second, one thread).
pub fn throughput(pipeline: &Pipeline, sents: &[Sentence]) -> f64 {
    let forms: Vec<Vec<&str>> = sents.iter().map(|s| s.forms()).collect();
    let n: usize = forms.iter().map(Vec::len).sum();
    let mut sc = Scratch::default();
    let mut out = Vec::new();
    let t = Instant::now();
    for f in &forms {
        pipeline.analyze_into(f, &mut sc, &mut out);
    }
    n as f64 / t.elapsed().as_secs_f64().max(1e-9)
}
