//! `sitrep bench`: throughput of each pipeline stage on JSON Lines corpora.
//!
//! The corpora are read into memory first (timed apart from the stages); then each stage runs
//! over every document before the next one starts, so that each is timed on its own:
//! cleanup → segmentation → tagging + parsing → coding → JSON output, plus geoparsing + date
//! resolution alone (the share of coding that issue 4 bounds). Single thread by default;
//! `--threads N` measures the same stages again on N worker threads.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use sitrep_code::record::CodedDocument;
use sitrep_code::{CodeOptions, Coder};
use sitrep_geo::{DateResolver, Geoparser};
use sitrep_text::{Cleaner, Document, Segmenter, Stage};

use crate::pipeline::TextPipeline;

/// Where the shared corpora are looked for when no path is given: `../shared` beside the
/// checkout (as seen from the working directory, then from the source tree), then the
/// workspace's usual place.
const CORPORA_DIRS: &[&str] = &[
    "../shared/data/corpora",
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/corpora"),
    "/work/shared/data/corpora",
];
/// The corpora used by default (issue 2: 21,651 real articles).
const CORPORA: &[&str] = &["reuters21578.jsonl", "bbc.jsonl", "news_cluster.jsonl"];

/// Issue targets, per core.
const TARGET_PARSE_TOKENS_PER_S: f64 = 200_000.0;
const TARGET_END_TO_END_MB_PER_S: f64 = 2.0;
const TARGET_GEO_SHARE: f64 = 0.15;

/// The measured stages, in pipeline order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StageName {
    /// Cleanup of scraped articles (`sitrep_text::Cleaner`).
    Clean,
    /// Sentences and tokens (`sitrep_text::Segmenter`).
    Segment,
    /// Tagging and dependency parsing (`sitrep_parse::Pipeline`).
    Parse,
    /// Event coding (`sitrep_code::Coder::code`, geoparsing and dates included).
    Code,
    /// JSON Lines serialization of the coded documents (what `sitrep code --format jsonl` writes).
    Output,
    /// Geoparsing and date resolution alone (part of `code`, measured apart).
    Geo,
}

impl StageName {
    fn label(self) -> &'static str {
        match self {
            StageName::Clean => "cleanup",
            StageName::Segment => "segmentation",
            StageName::Parse => "tagging+parsing",
            StageName::Code => "coding",
            StageName::Output => "json output",
            StageName::Geo => "geo+dates alone",
        }
    }

    /// The stage this one needs to have run first.
    fn needs(self) -> Option<StageName> {
        match self {
            StageName::Clean => None,
            StageName::Segment => Some(StageName::Clean),
            StageName::Parse => Some(StageName::Segment),
            StageName::Code | StageName::Geo => Some(StageName::Parse),
            StageName::Output => Some(StageName::Code),
        }
    }
}

/// Flags of `sitrep bench`.
#[derive(clap::Args)]
pub struct Args {
    /// JSON Lines corpora (field `text`; `id`, `date`, `title` used as by `sitrep code`).
    /// Default: reuters21578.jsonl, bbc.jsonl and news_cluster.jsonl in ../shared/data/corpora.
    pub inputs: Vec<PathBuf>,
    /// Use only the first N documents (in file order).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Also measure every stage on N worker threads (the single-thread run always comes first).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Stages to measure (comma-separated or repeated); the stages they need run and are
    /// reported too. Default: all.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub stage: Vec<StageName>,
    /// Directory with a retrained tagger/parser model (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// A document read from the corpora, with the metadata `sitrep code` passes through.
struct Input {
    doc: Document,
    meta: Map<String, Value>,
}

/// Resources loaded once, and what loading each cost.
struct Resources {
    cleaner: Cleaner,
    segmenter: Segmenter,
    text: TextPipeline,
    coder: Coder<'static>,
    geo: Geoparser<'static>,
    dates: &'static DateResolver,
    load: Vec<LoadTime>,
}

#[derive(Serialize)]
struct LoadTime {
    what: &'static str,
    seconds: f64,
}

/// Size of the corpus in the units every rate is given in.
#[derive(Clone, Copy, Default, Serialize)]
struct Corpus {
    documents: usize,
    bytes: usize,
    tokens: usize,
    sentences: usize,
}

/// Wall and CPU time of one stage over all documents.
#[derive(Clone, Copy, Default)]
struct Took {
    wall: f64,
    /// CPU time of all this process's threads (Linux schedstat); `None` where unavailable.
    cpu: Option<f64>,
    /// Documents the stage reported an error for (they are still passed on).
    errors: usize,
}

impl std::ops::Add for Took {
    type Output = Took;
    fn add(self, o: Took) -> Took {
        Took {
            wall: self.wall + o.wall,
            cpu: self.cpu.zip(o.cpu).map(|(a, b)| a + b),
            errors: self.errors + o.errors,
        }
    }
}

/// One timed stage (or a cumulative run of stages) over the whole corpus. MB are 10^6 bytes
/// of article text (`text` fields as read, before cleanup).
#[derive(Clone, Serialize)]
struct Timing {
    stage: String,
    threads: usize,
    seconds: f64,
    /// CPU seconds of all threads; below `seconds × threads` when other processes took cores.
    cpu_seconds: Option<f64>,
    mb_per_s: f64,
    tokens_per_s: f64,
    /// Per core: article MB per CPU second.
    mb_per_cpu_s: Option<f64>,
    /// Per core: tokens per CPU second.
    tokens_per_cpu_s: Option<f64>,
    errors: usize,
}

impl Timing {
    fn new(stage: String, threads: usize, took: Took, corpus: &Corpus) -> Timing {
        let rate = |n: usize, secs: f64| if secs > 0.0 { n as f64 / secs } else { 0.0 };
        Timing {
            stage,
            threads,
            seconds: took.wall,
            cpu_seconds: took.cpu,
            mb_per_s: rate(corpus.bytes, took.wall) / 1e6,
            tokens_per_s: rate(corpus.tokens, took.wall),
            mb_per_cpu_s: took.cpu.map(|c| rate(corpus.bytes, c) / 1e6),
            tokens_per_cpu_s: took.cpu.map(|c| rate(corpus.tokens, c)),
            errors: took.errors,
        }
    }

    /// Per-core throughput: per CPU second where known, else per wall second per thread.
    fn per_core(&self) -> (f64, f64) {
        match (self.mb_per_cpu_s, self.tokens_per_cpu_s) {
            (Some(m), Some(t)) => (m, t),
            _ => (
                self.mb_per_s / self.threads as f64,
                self.tokens_per_s / self.threads as f64,
            ),
        }
    }
}

/// All stages of one run (single thread, or N threads).
#[derive(Serialize)]
struct Run {
    threads: usize,
    stages: Vec<Timing>,
    /// cleanup, cleanup+segmentation, … up to coding and output: the cost of `sitrep code`.
    cumulative: Vec<Timing>,
    /// Geo+dates time over the time of cleanup … coding (`sitrep code` without output);
    /// CPU time where known, else wall time.
    geo_share_of_code_pipeline: Option<f64>,
    /// Geo+dates time over the coding stage alone (CPU time where known).
    geo_share_of_coding: Option<f64>,
}

/// Everything `--json` prints.
#[derive(Serialize)]
struct Report {
    inputs: Vec<String>,
    corpus: Corpus,
    read_seconds: f64,
    load: Vec<LoadTime>,
    runs: Vec<Run>,
    /// VmHWM after loading the model, dictionaries and gazetteer (before reading the corpus).
    peak_rss_after_load_mib: Option<f64>,
    /// VmHWM at the end (the whole corpus, parsed, is held in memory).
    peak_rss_mib: Option<f64>,
    targets: Vec<Target>,
}

#[derive(Serialize)]
struct Target {
    issue: u32,
    what: &'static str,
    target: f64,
    measured: f64,
    met: bool,
}

/// Run `sitrep bench`.
pub fn run(args: Args) -> Result<()> {
    let inputs = input_paths(&args.inputs)?;
    let stages = selected_stages(&args.stage);

    let mut res = load_resources(args.model.as_ref())?;
    let rss_after_load = peak_rss_mib();

    let t = Instant::now();
    let (raw, bad) = read_corpora(&inputs, args.limit)?;
    let read_seconds = t.elapsed().as_secs_f64();
    if raw.is_empty() {
        anyhow::bail!("no documents read from {}", join_paths(&inputs));
    }
    if bad > 0 {
        eprintln!("sitrep: {bad} records could not be read and are left out");
    }
    if !args.json {
        eprintln!(
            "sitrep: {} documents read in {read_seconds:.2}s; measuring on 1 thread…",
            raw.len()
        );
    }

    // Some tables are built on first use; that cost belongs with loading, not with a stage.
    let t = Instant::now();
    warm_up(&res, &raw[0]);
    res.load.push(LoadTime {
        what: "first document (tables built on first use)",
        seconds: t.elapsed().as_secs_f64(),
    });

    let mut corpus = Corpus {
        documents: raw.len(),
        bytes: raw.iter().map(|d| d.doc.text.len()).sum(),
        ..Corpus::default()
    };
    let mut runs = vec![measure(&res, &raw, &stages, 1, &mut corpus)?];
    if let Some(n) = args.threads.filter(|&n| n > 1) {
        if !args.json {
            eprintln!("sitrep: measuring on {n} threads…");
        }
        runs.push(measure(&res, &raw, &stages, n, &mut corpus)?);
    }
    drop(raw);

    let targets = targets(&runs[0]);
    let report = Report {
        inputs: inputs.iter().map(|p| p.display().to_string()).collect(),
        corpus,
        read_seconds,
        load: res.load,
        runs,
        peak_rss_after_load_mib: rss_after_load,
        peak_rss_mib: peak_rss_mib(),
        targets,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    Ok(())
}

/// The paths given, or the default corpora when none are and they exist.
fn input_paths(given: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    for dir in CORPORA_DIRS {
        let paths: Vec<PathBuf> = CORPORA.iter().map(|f| Path::new(dir).join(f)).collect();
        if paths.iter().all(|p| p.is_file()) {
            return Ok(paths);
        }
    }
    anyhow::bail!(
        "no corpora given and none of {} holds {}; name JSON Lines files to measure",
        CORPORA_DIRS.join(", "),
        CORPORA.join(", ")
    )
}

/// The selected stages with everything they need, in pipeline order.
fn selected_stages(asked: &[StageName]) -> Vec<StageName> {
    use clap::ValueEnum;
    if asked.is_empty() {
        return StageName::value_variants().to_vec();
    }
    let mut out: Vec<StageName> = Vec::new();
    for &s in asked {
        let mut cur = Some(s);
        while let Some(c) = cur {
            if !out.contains(&c) {
                out.push(c);
            }
            cur = c.needs();
        }
    }
    out.sort();
    out
}

fn timed<T>(load: &mut Vec<LoadTime>, what: &'static str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    load.push(LoadTime {
        what,
        seconds: t.elapsed().as_secs_f64(),
    });
    v
}

/// Load every resource once, timing each; the gazetteer before the coder so that the
/// coder's time is its own word lists.
fn load_resources(model: Option<&PathBuf>) -> Result<Resources> {
    let mut load = Vec::new();
    let cleaner = timed(&mut load, "cleaner", crate::pipeline::cleaner);
    let segmenter = timed(&mut load, "segmenter", Segmenter::default);
    let text = timed(&mut load, "tagger/parser model", || {
        TextPipeline::load(model)
    })?;
    let dict = timed(
        &mut load,
        "dictionaries (Phoenix, CAMEO, codebooks)",
        || crate::cmd::code::dictionaries(&[], &[], &[], &[]),
    )?;
    let geo = timed(&mut load, "gazetteer and geoparser", Geoparser::embedded)
        .context("cannot load the embedded gazetteer")?;
    let dates = timed(&mut load, "date resolver", DateResolver::embedded)
        .map_err(|e| anyhow::anyhow!("cannot load the date word lists: {e}"))?;
    let coder = timed(&mut load, "coder (word lists)", || {
        Coder::new(dict, CodeOptions::default())
    });
    Ok(Resources {
        cleaner,
        segmenter,
        text,
        coder,
        geo,
        dates,
        load,
    })
}

/// Run every stage once on a copy of `input`.
fn warm_up(res: &Resources, input: &Input) {
    let mut doc = input.doc.clone();
    // Errors are counted when the stages are measured.
    let _ = res.cleaner.run(&mut doc);
    let _ = res.segmenter.run(&mut doc);
    let _ = res.text.parser().run(&mut doc);
    let coded = res.coder.code(&doc, input.meta.clone());
    let _ = serde_json::to_writer(std::io::sink(), &coded);
    std::hint::black_box(res.geo.parse(&doc, &[]));
    for i in 0..doc.sentences.len() {
        std::hint::black_box(res.dates.sentence(&doc, i));
    }
}

/// Read every record of the corpora (up to `limit`); returns the documents and the number of
/// records that could not be read.
fn read_corpora(paths: &[PathBuf], limit: Option<usize>) -> Result<(Vec<Input>, usize)> {
    let limit = limit.unwrap_or(usize::MAX);
    let (mut docs, mut bad) = (Vec::new(), 0usize);
    crate::input::each_jsonl_record(paths, |item| {
        if docs.len() >= limit {
            return false;
        }
        match item {
            Ok(input) => docs.push(Input {
                doc: input.doc,
                meta: input.meta,
            }),
            Err(_) => bad += 1,
        }
        true
    })?;
    Ok((docs, bad))
}

/// CPU time so far of all threads of this process, in seconds, from the scheduler's
/// nanosecond counters (`/proc/self/task/*/schedstat`); `None` off Linux.
fn cpu_seconds() -> Option<f64> {
    // A running thread's counter is brought up to date at scheduler events only; yielding is
    // one (CFS accounts the running time on `sched_yield`), so short stages read right.
    std::thread::yield_now();
    let mut ns = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        ns += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(ns as f64 / 1e9)
}

/// Run a per-document step over all documents on the pool's threads (the calling thread
/// without one); `f` returns false when it failed on a document.
fn each_doc<T: Send>(
    pool: Option<&rayon::ThreadPool>,
    items: &mut [T],
    f: impl Fn(&mut T) -> bool + Sync + Send,
) -> Took {
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let errors = match pool {
        None => items.iter_mut().map(|x| usize::from(!f(x))).sum(),
        Some(p) => p.install(|| items.par_iter_mut().map(|x| usize::from(!f(x))).sum()),
    };
    let wall = t.elapsed().as_secs_f64();
    Took {
        wall,
        cpu: cpu0.zip(cpu_seconds()).map(|(a, b)| b - a),
        errors,
    }
}

/// Time the selected stages over fresh copies of the documents.
fn measure(
    res: &Resources,
    raw: &[Input],
    stages: &[StageName],
    threads: usize,
    corpus: &mut Corpus,
) -> Result<Run> {
    let pool = if threads > 1 {
        Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .context("cannot start the worker threads")?,
        )
    } else {
        None
    };
    let pool = pool.as_ref();
    let mut docs: Vec<Document> = raw.iter().map(|i| i.doc.clone()).collect();
    let mut secs: Vec<(StageName, Took)> = Vec::new();
    let has = |s: StageName| stages.contains(&s);

    if has(StageName::Clean) {
        let took = each_doc(pool, &mut docs, |d| res.cleaner.run(d).is_ok());
        secs.push((StageName::Clean, took));
    }
    if has(StageName::Segment) {
        let took = each_doc(pool, &mut docs, |d| res.segmenter.run(d).is_ok());
        secs.push((StageName::Segment, took));
        corpus.tokens = docs.iter().map(|d| d.tokens.len()).sum();
        corpus.sentences = docs.iter().map(|d| d.sentences.len()).sum();
    }
    if has(StageName::Parse) {
        let parser = res.text.parser();
        let took = each_doc(pool, &mut docs, |d| parser.run(d).is_ok());
        secs.push((StageName::Parse, took));
    }
    if has(StageName::Code) {
        // Coded documents are kept until the output stage so that serialization (and the
        // freeing of the records, as `sitrep code` frees them after writing) is timed apart.
        let mut work: Vec<(Document, Map<String, Value>, Option<CodedDocument>)> = docs
            .into_iter()
            .zip(raw)
            .map(|(d, i)| (d, i.meta.clone(), None))
            .collect();
        let took = each_doc(pool, &mut work, |(d, meta, out)| {
            *out = Some(res.coder.code(d, std::mem::take(meta)));
            true
        });
        secs.push((StageName::Code, took));
        if has(StageName::Output) {
            let took = each_doc(pool, &mut work, |(_, _, out)| {
                let mut buf = Vec::with_capacity(4096);
                let ok = match out.take() {
                    Some(coded) => serde_json::to_writer(&mut buf, &coded).is_ok(),
                    None => false,
                };
                std::hint::black_box(&buf);
                ok
            });
            secs.push((StageName::Output, took));
        }
        docs = work.into_iter().map(|(d, _, _)| d).collect();
    }
    if has(StageName::Geo) {
        let (geo, dates) = (&res.geo, res.dates);
        let took = each_doc(pool, &mut docs, |d| {
            let places = geo.parse(d, &[]);
            std::hint::black_box(&places);
            for i in 0..d.sentences.len() {
                std::hint::black_box(dates.sentence(d, i));
            }
            true
        });
        secs.push((StageName::Geo, took));
    }

    let c = *corpus;
    let stages: Vec<Timing> = secs
        .iter()
        .map(|&(st, took)| Timing::new(st.label().to_string(), threads, took, &c))
        .collect();
    let mut cumulative = Vec::new();
    let mut total = Took {
        cpu: Some(0.0),
        ..Took::default()
    };
    for &(st, took) in secs.iter().filter(|(st, _)| *st != StageName::Geo) {
        total = total + took;
        let name = if st == StageName::Clean {
            st.label().to_string()
        } else {
            format!("{} … {}", StageName::Clean.label(), st.label())
        };
        cumulative.push(Timing::new(name, threads, total, &c));
    }
    // Shares from CPU time, which other processes on the machine do not inflate.
    let cost = |t: &Took| t.cpu.unwrap_or(t.wall);
    let time_of = |st: StageName| secs.iter().find(|x| x.0 == st).map(|x| cost(&x.1));
    let code_pipeline: f64 = secs
        .iter()
        .filter(|x| x.0 <= StageName::Code)
        .map(|x| cost(&x.1))
        .sum();
    let geo = time_of(StageName::Geo);
    Ok(Run {
        threads,
        stages,
        cumulative,
        geo_share_of_code_pipeline: geo
            .filter(|_| has(StageName::Code))
            .map(|g| g / code_pipeline),
        geo_share_of_coding: geo.zip(time_of(StageName::Code)).map(|(g, c)| g / c),
    })
}

/// The issue targets, from the single-thread run.
fn targets(run: &Run) -> Vec<Target> {
    let mut out = Vec::new();
    let find = |name: &str| run.stages.iter().find(|t| t.stage == name);
    if let Some(p) = find(StageName::Parse.label()) {
        let tokens = p.per_core().1;
        out.push(Target {
            issue: 2,
            what: "tagging+parsing tokens per CPU second (at least)",
            target: TARGET_PARSE_TOKENS_PER_S,
            measured: tokens,
            met: tokens >= TARGET_PARSE_TOKENS_PER_S,
        });
    }
    let code_label = StageName::Code.label();
    if let Some(e) = run
        .cumulative
        .iter()
        .find(|t| t.stage.ends_with(code_label))
    {
        let mb = e.per_core().0;
        out.push(Target {
            issue: 3,
            what: "end-to-end (cleanup … coding) MB per CPU second (at least)",
            target: TARGET_END_TO_END_MB_PER_S,
            measured: mb,
            met: mb >= TARGET_END_TO_END_MB_PER_S,
        });
    }
    if let Some(g) = run.geo_share_of_code_pipeline {
        out.push(Target {
            issue: 4,
            what: "geo+dates share of cleanup … coding CPU time (below)",
            target: TARGET_GEO_SHARE,
            measured: g,
            met: g < TARGET_GEO_SHARE,
        });
    }
    out
}

/// VmHWM of this process, in MiB (Linux only).
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

fn join_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `1234567` → `1,234,567`.
fn thousands(n: f64) -> String {
    let s = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn print_table(title: &str, rows: &[Timing]) {
    println!("{title}");
    println!(
        "  {:<30} {:>8} {:>8} {:>8} {:>11} {:>9} {:>11}",
        "stage", "wall s", "CPU s", "MB/s", "tokens/s", "MB/CPU-s", "tok/CPU-s"
    );
    let opt = |v: Option<f64>, f: &dyn Fn(f64) -> String| v.map_or_else(|| "-".to_string(), f);
    for t in rows {
        let errors = if t.errors > 0 {
            format!("  ({} errors)", t.errors)
        } else {
            String::new()
        };
        println!(
            "  {:<30} {:>8.2} {:>8} {:>8.2} {:>11} {:>9} {:>11}{errors}",
            t.stage,
            t.seconds,
            opt(t.cpu_seconds, &|c| format!("{c:.2}")),
            t.mb_per_s,
            thousands(t.tokens_per_s),
            opt(t.mb_per_cpu_s, &|m| format!("{m:.2}")),
            opt(t.tokens_per_cpu_s, &thousands),
        );
    }
}

fn print_report(r: &Report) {
    let c = &r.corpus;
    println!("inputs: {}", r.inputs.join(", "));
    println!(
        "corpus: {} documents, {:.2} MB of article text, {} tokens, {} sentences (read in {:.2}s)",
        c.documents,
        c.bytes as f64 / 1e6,
        thousands(c.tokens as f64),
        thousands(c.sentences as f64),
        r.read_seconds
    );
    println!("load times:");
    for l in &r.load {
        println!("  {:<42} {:>8.3}s", l.what, l.seconds);
    }
    for run in &r.runs {
        let th = if run.threads == 1 {
            "1 thread".to_string()
        } else {
            format!("{} threads", run.threads)
        };
        println!();
        print_table(&format!("per stage, {th}:"), &run.stages);
        print_table(&format!("cumulative, {th}:"), &run.cumulative);
        if let Some(g) = run.geo_share_of_code_pipeline {
            println!(
                "  geo+dates alone = {:.1} % of cleanup … coding (CPU time)",
                g * 100.0
            );
        }
        if let Some(g) = run.geo_share_of_coding {
            println!(
                "  geo+dates alone = {:.1} % of the coding stage (CPU time)",
                g * 100.0
            );
        }
    }
    println!();
    let mib = |m: Option<f64>| m.map_or_else(|| "n/a".to_string(), |m| format!("{m:.0} MiB"));
    println!(
        "peak resident memory: {} after loading, {} at the end (whole corpus held in memory)",
        mib(r.peak_rss_after_load_mib),
        mib(r.peak_rss_mib)
    );
    println!("targets (single-thread run, per core = per CPU second):");
    for t in &r.targets {
        let (target, measured) = if t.issue == 4 {
            (
                format!("{:.0} %", t.target * 100.0),
                format!("{:.1} %", t.measured * 100.0),
            )
        } else if t.issue == 2 {
            (thousands(t.target), thousands(t.measured))
        } else {
            (format!("{:.2}", t.target), format!("{:.2}", t.measured))
        };
        println!(
            "  issue {}: {}: target {target}, measured {measured}: {}",
            t.issue,
            t.what,
            if t.met { "met" } else { "NOT met" }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_pull_in_what_they_need() {
        use StageName::*;
        assert_eq!(selected_stages(&[Parse]), vec![Clean, Segment, Parse]);
        assert_eq!(
            selected_stages(&[Geo, Output]),
            vec![Clean, Segment, Parse, Code, Output, Geo]
        );
        assert_eq!(selected_stages(&[]).len(), 6);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(1234567.0), "1,234,567");
    }
}
