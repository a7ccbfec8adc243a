//! Print, sentence by sentence, the parse, the mentions and their actors of one article:
//! the view a developer needs when an event is missing or wrong.
//!
//! `cargo run --release -p sitrep-code --example trace -- ARTICLE.txt [YYYY-MM-DD] [SENTENCE…]`
//!
//! `SITREP_DICT_DIR=DIR` loads the dictionaries of `DIR` instead of the built-in ones: the
//! files whose names contain `verbs`, `actors`, `agents`, `discards` (e.g. the PETRARCH
//! validation dictionaries).

use sitrep_code::coref::{self, Context};
use sitrep_code::mention;
use sitrep_code::tree::Tree;
use sitrep_code::words::Words;
use sitrep_dict::{DictConfig, DictSource, Dictionaries};
use sitrep_text::{Document, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: trace ARTICLE.txt [DATE] [SENTENCE…]")?;
    let mut doc = Document::from_bytes("trace", std::fs::read(path)?, true)?;
    doc.date = args
        .get(1)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let only: Vec<usize> = args.iter().skip(2).filter_map(|s| s.parse().ok()).collect();
    sitrep_text::prepare(&mut doc)?;
    sitrep_parse::Pipeline::embedded()?.run(&mut doc)?;
    let loaded;
    let dict = match std::env::var_os("SITREP_DICT_DIR") {
        Some(dir) => {
            let mut cfg = DictConfig::default();
            let mut files: Vec<_> = std::fs::read_dir(dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            let pick = |what: &str| -> Vec<DictSource> {
                files
                    .iter()
                    .filter(|p| p.to_string_lossy().contains(what))
                    .map(|p| DictSource::path(p.clone()))
                    .collect()
            };
            cfg.verbs = pick("verbs");
            cfg.actors = pick("actors");
            cfg.agents = pick("agents");
            cfg.discards = pick("discards");
            loaded = Dictionaries::load(&cfg)?.0;
            &loaded
        }
        None => Dictionaries::embedded(),
    };
    let words = Words::embedded();
    let trees: Vec<Tree> = (0..doc.sentences.len())
        .map(|i| Tree::new(&doc, i))
        .collect();
    let mut mentions = Vec::new();
    for (si, t) in trees.iter().enumerate() {
        let ids = dict.word_ids((0..t.len()).map(|k| t.form(k)));
        let pieces = mention::pieces(t, &ids, dict, doc.date);
        mentions.extend(mention::mentions(t, &pieces, dict, &words));
        let _ = si;
    }
    sitrep_code::compound::link(&trees, &mut mentions);
    let is_subject = mentions
        .iter()
        .map(|m| coref::is_subject_rel(trees[m.sent].rel(m.head)))
        .collect();
    let cx = Context {
        doc: &doc,
        dict,
        dateline_country: None,
        is_subject,
    };
    let actors = coref::resolve(&mut mentions, &cx);
    let codes: Vec<Option<String>> = mentions
        .iter()
        .map(|m| match m.actor {
            Some(a) => actors[a].code(),
            None => m.own_code(),
        })
        .collect();
    for (si, t) in trees.iter().enumerate() {
        if !only.is_empty() && !only.contains(&si) {
            continue;
        }
        println!("[{si}] {}", t.sentence_span().slice(&doc.text));
        let toks: Vec<String> = (0..t.len())
            .map(|k| {
                format!(
                    "{}:{}/{}>{}:{}",
                    k,
                    t.text(k),
                    t.upos(k),
                    t.head(k).map_or(-1, |h| h as i64),
                    t.rel(k)
                )
            })
            .collect();
        println!("    {}", toks.join(" "));
        let ids = dict.word_ids((0..t.len()).map(|k| t.form(k)));
        let mut mention_at = vec![None; t.len()];
        for (mi, m) in mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sent == si && m.companion_of.is_none())
        {
            for (k, slot) in mention_at.iter_mut().enumerate().take(m.hi + 1).skip(m.lo) {
                if slot.is_none() && t.upos(k) != sitrep_text::Upos::Punct {
                    *slot = Some(mi);
                }
            }
        }
        for (mi, m) in mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sent == si && m.companion_of.is_none())
        {
            mention_at[m.head] = Some(mi);
            for &h in &m.alias_heads {
                mention_at[h] = Some(mi);
            }
        }
        let scx = sitrep_code::event::SentenceCx {
            tree: t,
            ids: &ids,
            mentions: &mentions,
            mention_at: &mention_at,
            dict,
            words: &words,
            quote_speaker: None,
            lowered: &[],
            codes: &codes,
            own_vocabulary: dict
                .verbs
                .blocks()
                .iter()
                .any(|b| b.syntax == sitrep_dict::VerbSyntax::Petrarch2),
        };
        for f in sitrep_code::event::find(&scx) {
            let who = |a: Option<sitrep_code::event::Arg>| {
                a.map(|a| mentions[a.mention()].span.slice(&doc.text).to_string())
                    .unwrap_or_else(|| "-".into())
            };
            println!(
                "    event {} {} -> {} via {:?} [{}] {} | {}",
                f.code,
                who(f.source),
                who(f.target),
                t.text(f.trigger),
                f.pattern,
                f.rule,
                f.notes.join("; ")
            );
        }
        for m in mentions.iter().filter(|m| m.sent == si) {
            let a = m
                .actor
                .map(|a| format!("a{} {}", a, actors[a].code().unwrap_or_default()))
                .unwrap_or_default();
            println!(
                "    mention {:?} {:?} name={:?} head={} own={:?} -> {} conj={:?}",
                m.kind,
                m.span.slice(&doc.text),
                m.name.map(|s| s.slice(&doc.text)),
                m.head,
                m.own_code(),
                a,
                m.conjuncts
            );
        }
    }
    Ok(())
}
