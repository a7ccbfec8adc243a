//! Training from Universal Dependencies treebanks: data loading and splits, tagger epochs
//! chosen on dev, jackknifed tags for the parser, parser epochs chosen on dev.
//!
//! Deterministic for a given seed: all randomness comes from one seeded generator, updates
//! are integer, and model files are written in sorted order.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use sitrep_text::{Upos, Xpos};

use crate::bin::{Reader, Writer};
use crate::clusters::Clusters;
use crate::conllu::{self, ConlluError, Sentence};
use crate::eval::{evaluate, Scores};
use crate::hash::{self, Rng};
use crate::lex::LexBuf;
use crate::parser::{
    projectivize, set_guide, ParseBuf, ParseExample, Parser, Pass, PassTrainer, Templates, Tok,
    ROOT_TOK,
};
use crate::perceptron::Compression;
use crate::pipeline::{Pipeline, Scratch};
use crate::tagger::{SecondPassTrainer, TagBuf, TagExample, Tagger, TaggerTrainer};
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
    /// Feature table sizes (log2 rows) of the tagger, the transitions and the labels.
    pub bits: TableBits,
    /// Train a second tagging pass that sees the first pass's tags to the right.
    pub second_pass: bool,
    /// Stack the parser on a right-to-left guide parser.
    pub stacked: bool,
    /// Templates of the guide parser.
    pub guide_templates: Templates,
    /// Templates of the main parser.
    pub main_templates: Templates,
    /// File caching the trained tagger and jackknifed tags between runs with the same data
    /// and tagger options (parser experiments skip tagger training).
    pub tagger_cache: Option<PathBuf>,
    /// Word clusters read as features by tagger and parser (none: an empty table).
    pub clusters: Arc<Clusters>,
}

/// Sizes of the hashed feature tables, as log2 of their row counts.
#[derive(Clone, Copy, Debug)]
pub struct TableBits {
    /// Tagger (each pass).
    pub tagger: u32,
    /// Parser transitions.
    pub actions: u32,
    /// Arc labels.
    pub labels: u32,
}

impl Default for TableBits {
    fn default() -> TableBits {
        TableBits {
            tagger: 20,
            actions: 23,
            labels: 21,
        }
    }
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            seed: 1,
            tagger_epochs: 8,
            parser_epochs: 12,
            folds: 5,
            compression: Compression::default(),
            tagger_compression: Compression { prune: 0.5 },
            nonprojective: NonProjective::Lift,
            bits: TableBits::default(),
            tagger_cache: None,
            clusters: Arc::default(),
            second_pass: true,
            stacked: true,
            guide_templates: Templates::Guide,
            main_templates: Templates::Full,
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

fn tag_examples(
    sents: &[Sentence],
    classes: &[(Upos, Xpos)],
    clusters: &Clusters,
) -> Vec<TagExample> {
    let mut lb = LexBuf::default();
    sents
        .iter()
        .map(|s| TagExample {
            lex: {
                let mut lex: Vec<_> = s.words.iter().map(|w| lb.lex(&w.form)).collect();
                clusters.fill(&mut lex);
                lex
            },
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
    let (mut buf, mut out) = (TagBuf::default(), Vec::new());
    let classes = t.classes();
    for s in dev {
        t.tag(&s.lex, &mut buf, &mut out);
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
        toks.push(Tok::new(l, (u, x)));
    }
    Some(ParseExample {
        toks,
        heads,
        labels,
    })
}

/// A trained tagger and the jackknifed tags of the training sentences (class indices).
struct TaggerStage {
    tagger: Tagger,
    epochs: usize,
    /// Per training sentence, the tags a tagger trained without it predicts (gold classes
    /// when jackknifing is off).
    jackknifed: Vec<Vec<u16>>,
}

/// Bumped whenever tagger training changes, so that stale caches are not reused.
const TAGGER_CACHE_VERSION: u64 = 6;
const TAGGER_CACHE_MAGIC: &[u8; 16] = b"SITREP-TAGCACHE\0";

/// A fingerprint of everything tagger training depends on.
fn tagger_fingerprint(train: &[TagExample], dev: &[TagExample], opts: &TrainOptions) -> u64 {
    let mut h = hash::mix(TAGGER_CACHE_VERSION, opts.seed);
    for v in [
        opts.tagger_epochs as u64,
        opts.folds as u64,
        u64::from(opts.second_pass),
        u64::from(opts.bits.tagger),
        opts.tagger_compression.prune.to_bits(),
    ] {
        h = hash::mix(h, v);
    }
    for s in train.iter().chain(dev) {
        for (l, &g) in s.lex.iter().zip(&s.gold) {
            h = hash::mix(hash::mix(h, l.form), u64::from(g));
            for c in l.clus {
                h = hash::mix(h, c);
            }
        }
        h = hash::mix(h, 0x5E17);
    }
    h
}

fn read_tagger_cache(path: &Path, fingerprint: u64, n: usize) -> Option<TaggerStage> {
    let bytes = std::fs::read(path).ok()?;
    let mut r = Reader::new(&bytes, "tagger cache");
    if r.take(TAGGER_CACHE_MAGIC.len()).ok()? != TAGGER_CACHE_MAGIC
        || r.varint().ok()? != fingerprint
    {
        return None;
    }
    let epochs = r.varint().ok()? as usize;
    let tagger = Tagger::read(&mut r, crate::pipeline::VERSION).ok()?;
    let mut jackknifed = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.len(1 << 20, "sentence length").ok()?;
        jackknifed.push(r.take(len).ok()?.iter().map(|&c| u16::from(c)).collect());
    }
    r.expect_end().ok()?;
    Some(TaggerStage {
        tagger,
        epochs,
        jackknifed,
    })
}

fn write_tagger_cache(path: &Path, fingerprint: u64, t: &TaggerStage) -> Result<(), Error> {
    let mut w = Writer::default();
    w.buf.extend_from_slice(TAGGER_CACHE_MAGIC);
    w.varint(fingerprint);
    w.varint(t.epochs as u64);
    t.tagger.write(&mut w);
    for s in &t.jackknifed {
        w.varint(s.len() as u64);
        w.buf.extend(s.iter().map(|&c| c as u8));
    }
    std::fs::write(path, &w.buf).map_err(|e| Error::io(path, e))
}

/// Train the tagger (epochs chosen on dev), its jackknifed training tags and its second
/// pass.
fn train_tagger(
    train_tx: &[TagExample],
    dev_tx: &[TagExample],
    classes: &[(Upos, Xpos)],
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) -> Result<TaggerStage, Error> {
    let t0 = Instant::now();
    let mut rng = Rng::new(opts.seed);
    // Keep the epoch with the best dev UPOS (then XPOS).
    let mut tt = TaggerTrainer::new(
        classes.to_vec(),
        train_tx,
        opts.bits.tagger,
        opts.clusters.clone(),
    );
    let mut best: Option<((f64, f64), usize, Tagger)> = None;
    for e in 1..=opts.tagger_epochs.max(1) {
        let acc = tt.epoch(train_tx, &mut rng);
        let snap = tt.snapshot(opts.tagger_compression);
        let d = tag_accuracy(&snap, dev_tx);
        log(format!(
            "tagger epoch {e}: train {:.2}  dev UPOS {:.2} XPOS {:.2}  [{:.0?}]",
            100.0 * acc,
            d.0,
            d.1,
            t0.elapsed()
        ));
        if best.as_ref().is_none_or(|b| d > b.0) {
            best = Some((d, e, snap));
        }
    }
    drop(tt);
    let Some((_, epochs, mut tagger)) = best else {
        return Err(Error::Train("no tagger epoch".into()));
    };
    let mut jackknifed: Vec<Vec<u16>> = train_tx.iter().map(|s| s.gold.clone()).collect();
    if opts.folds < 2 {
        return Ok(TaggerStage {
            tagger,
            epochs,
            jackknifed,
        });
    }
    let k = opts.folds;
    let mut fold_taggers = Vec::with_capacity(k);
    for fold in 0..k {
        let part: Vec<TagExample> = train_tx
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, x)| x.clone())
            .collect();
        let mut ft = TaggerTrainer::new(
            classes.to_vec(),
            &part,
            opts.bits.tagger,
            opts.clusters.clone(),
        );
        for _ in 0..epochs {
            ft.epoch(&part, &mut rng);
        }
        let t = ft.snapshot(opts.tagger_compression);
        let mut buf = TagBuf::default();
        for (i, ex) in train_tx.iter().enumerate().filter(|(i, _)| i % k == fold) {
            t.tag(&ex.lex, &mut buf, &mut jackknifed[i]);
        }
        fold_taggers.push(t);
        log(format!(
            "jackknife fold {}/{k} tagged [{:.0?}]",
            fold + 1,
            t0.elapsed()
        ));
    }
    if !opts.second_pass {
        return Ok(TaggerStage {
            tagger,
            epochs,
            jackknifed,
        });
    }
    // Second tagging pass, trained on the jackknifed first-pass tags; kept if it helps.
    let mut best2: Option<((f64, f64), usize, Tagger)> = None;
    let mut sp = SecondPassTrainer::new(tagger.clone(), opts.bits.tagger);
    let base = tag_accuracy(&tagger, dev_tx);
    for e in 1..=opts.tagger_epochs.max(1) {
        sp.epoch(train_tx, &jackknifed, &mut rng);
        let snap = sp.snapshot(opts.tagger_compression);
        let d = tag_accuracy(&snap, dev_tx);
        log(format!(
            "second tagging pass epoch {e}: dev UPOS {:.2} XPOS {:.2}  [{:.0?}]",
            d.0,
            d.1,
            t0.elapsed()
        ));
        if best2.as_ref().is_none_or(|b| d > b.0) {
            best2 = Some((d, e, snap));
        }
    }
    let Some((d, epochs2, t)) = best2.filter(|b| b.0 > base) else {
        return Ok(TaggerStage {
            tagger,
            epochs,
            jackknifed,
        });
    };
    log(format!(
        "second tagging pass kept (epoch {epochs2}, dev UPOS {:.2} XPOS {:.2})",
        d.0, d.1
    ));
    tagger = t;
    // Retag each fold with both passes trained without it, so that the parser trains on
    // tags as good (and as wrong) as it will get.
    let first_pass = jackknifed.clone();
    for (fold, ft) in fold_taggers.into_iter().enumerate() {
        let part: Vec<usize> = (0..train_tx.len()).filter(|i| i % k != fold).collect();
        let part_tx: Vec<TagExample> = part.iter().map(|&i| train_tx[i].clone()).collect();
        let part_first: Vec<Vec<u16>> = part.iter().map(|&i| first_pass[i].clone()).collect();
        let mut sp = SecondPassTrainer::new(ft, opts.bits.tagger);
        for _ in 0..epochs2 {
            sp.epoch(&part_tx, &part_first, &mut rng);
        }
        let t = sp.snapshot(opts.tagger_compression);
        let mut buf = TagBuf::default();
        for (i, ex) in train_tx.iter().enumerate().filter(|(i, _)| i % k == fold) {
            t.tag(&ex.lex, &mut buf, &mut jackknifed[i]);
        }
        log(format!(
            "jackknife fold {}/{k} retagged with both passes [{:.0?}]",
            fold + 1,
            t0.elapsed()
        ));
    }
    Ok(TaggerStage {
        tagger,
        epochs,
        jackknifed,
    })
}

/// Which parsing pass to train.
struct PassKind {
    name: &'static str,
    reverse: bool,
    templates: Templates,
    guide: Option<Pass>,
}

/// What training a parsing pass needs besides its examples.
struct PassContext<'a> {
    tagger: &'a Tagger,
    dev: &'a [Sentence],
    opts: &'a TrainOptions,
    t0: Instant,
}

impl PassContext<'_> {
    /// Train one pass on `examples` (in its direction), keeping the epoch with the best dev
    /// LAS (then UAS) of the whole parser; a pass is guided when it gets a `guide`.
    fn train_pass(
        &mut self,
        examples: &[ParseExample],
        kind: PassKind,
        rng: &mut Rng,
        log: &mut dyn FnMut(String),
    ) -> Result<(Pass, usize, Scores), Error> {
        let PassKind {
            name,
            reverse,
            templates,
            guide,
        } = kind;
        let opts = self.opts;
        let mut pt = PassTrainer::new(
            reverse,
            guide.is_some(),
            templates,
            !opts.clusters.is_empty(),
            opts.bits.actions,
            opts.bits.labels,
        );
        let mut best: Option<(Scores, usize, Pass)> = None;
        for e in 1..=opts.parser_epochs.max(1) {
            let st = pt.epoch(examples, rng, e >= 2);
            let pass = pt.snapshot(opts.compression);
            let parser = match &guide {
                Some(g) => Parser::new(Some(g.clone()), pass.clone()),
                None => Parser::new(None, pass.clone()),
            };
            let d = evaluate(
                &Pipeline::new(self.tagger.clone(), parser, String::new()),
                self.dev,
            );
            log(format!(
                "{name} epoch {e}: transition errors {:.2}%  dev UAS {:.2} LAS {:.2}  [{:.0?}]",
                100.0 * st.errors as f64 / st.transitions.max(1) as f64,
                d.uas_pct(),
                d.las_pct(),
                self.t0.elapsed()
            ));
            if best
                .as_ref()
                .is_none_or(|b| (d.las, d.uas) > (b.0.las, b.0.uas))
            {
                best = Some((d, e, pass));
            }
        }
        let Some((d, e, pass)) = best else {
            return Err(Error::Train("no parser epoch".into()));
        };
        Ok((pass, e, d))
    }
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
    let mut log = |s: String| {
        progress(&s);
        report.log.push(s);
    };
    let t0 = Instant::now();
    let classes = tag_classes(train);
    let train_tx = tag_examples(train, &classes, &opts.clusters);
    let dev_tx = tag_examples(dev, &classes, &opts.clusters);
    log(format!(
        "{} training sentences, {} dev sentences, {} tag classes",
        train.len(),
        dev.len(),
        classes.len()
    ));

    let fingerprint = tagger_fingerprint(&train_tx, &dev_tx, opts);
    let cached = opts
        .tagger_cache
        .as_deref()
        .and_then(|p| read_tagger_cache(p, fingerprint, train.len()));
    let stage = match cached {
        Some(t) => {
            log("tagger and jackknifed tags read from the cache".into());
            t
        }
        None => {
            let t = train_tagger(&train_tx, &dev_tx, &classes, opts, &mut log)?;
            if let Some(p) = &opts.tagger_cache {
                write_tagger_cache(p, fingerprint, &t)?;
            }
            t
        }
    };
    let TaggerStage {
        tagger,
        epochs: tag_epochs,
        jackknifed,
    } = stage;

    let mut examples = Vec::with_capacity(train.len());
    let mut skipped = 0;
    for ((s, ex), tags) in train.iter().zip(&train_tx).zip(&jackknifed) {
        let tags: Vec<(Upos, Xpos)> = tags
            .iter()
            .map(|&c| classes.get(c as usize).copied().unwrap_or_default())
            .collect();
        match parse_example(&ex.lex, &tags, s, opts.nonprojective) {
            Some(p) => examples.push(p),
            None => skipped += 1,
        }
    }
    log(format!(
        "parser: {} training trees, {skipped} left out",
        examples.len()
    ));

    // The parser has its own generator, so that a cached tagger gives the same parser.
    let mut rng = Rng::new(opts.seed ^ 0x009A_25E7);
    let mut ctx = PassContext {
        tagger: &tagger,
        dev,
        opts,
        t0,
    };
    let guide = if opts.stacked {
        let reversed: Vec<ParseExample> = examples.iter().map(ParseExample::reversed).collect();
        let kind = PassKind {
            name: "guide (right to left)",
            reverse: true,
            templates: opts.guide_templates,
            guide: None,
        };
        let (guide, guide_epochs, _) = ctx.train_pass(&reversed, kind, &mut rng, &mut log)?;
        // Jackknifed guide trees for the training sentences.
        let k = opts.folds.max(2);
        let mut buf = ParseBuf::default();
        for fold in 0..k {
            let part: Vec<ParseExample> = reversed
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, x)| x.clone())
                .collect();
            let mut pt = PassTrainer::new(
                true,
                false,
                opts.guide_templates,
                !opts.clusters.is_empty(),
                opts.bits.actions,
                opts.bits.labels,
            );
            for e in 1..=guide_epochs {
                pt.epoch(&part, &mut rng, e >= 2);
            }
            let pass = pt.snapshot(opts.compression);
            for ex in examples.iter_mut().skip(fold).step_by(k) {
                Parser::run(&pass, &ex.toks, &mut buf);
                set_guide(&mut ex.toks, &buf.heads, &buf.labels);
            }
            log(format!(
                "guide fold {}/{k} parsed [{:.0?}]",
                fold + 1,
                t0.elapsed()
            ));
        }
        Some(guide)
    } else {
        None
    };
    let kind = PassKind {
        name: "parser",
        reverse: false,
        templates: opts.main_templates,
        guide: guide.clone(),
    };
    let (main, parse_epochs, dev_scores) = ctx.train_pass(&examples, kind, &mut rng, &mut log)?;
    let p = Pipeline::new(tagger.clone(), Parser::new(guide, main), String::new());
    let about = format!(
        "sitrep tagger+parser; trained on {} sentences (EWT train + GUM train docs), tuned on {} dev sentences; seed {}, tagger epochs {} of {}, parser epochs {} of {}, jackknife folds {}, stacked {}, non-projective {:?}, prune {}, tagger prune {}, table bits {}/{}/{}, word clusters {}",
        train.len(),
        dev.len(),
        opts.seed,
        tag_epochs,
        opts.tagger_epochs,
        parse_epochs,
        opts.parser_epochs,
        opts.folds,
        opts.stacked,
        opts.nonprojective,
        opts.compression.prune,
        opts.tagger_compression.prune,
        opts.bits.tagger,
        opts.bits.actions,
        opts.bits.labels,
        opts.clusters.len(),
    );
    let pipeline = Pipeline::new(p.tagger().clone(), p.parser().clone(), about);
    log(format!("done: dev {dev_scores} [{:.0?}]", t0.elapsed()));
    report.tagger_epoch = tag_epochs;
    report.parser_epoch = parse_epochs;
    report.dev = dev_scores;
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
