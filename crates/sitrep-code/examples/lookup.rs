//! Look up a phrase in the built-in actor and agent dictionaries, as the coder does.
//!
//! `cargo run --release -p sitrep-code --example lookup -- Kim Jong-un [--date 2017-09-15]`

use sitrep_dict::Dictionaries;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut date = None;
    if let Some(i) = args.iter().position(|a| a == "--date") {
        date = args
            .get(i + 1)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        args.drain(i..(i + 2).min(args.len()));
    }
    let dict = Dictionaries::embedded();
    let ids = dict.word_ids(args.iter().map(String::as_str));
    for i in 0..args.len() {
        if let Some(m) = dict.actors.longest_match(&ids, i) {
            println!(
                "actor at {i}: {} words, entry {:?}, code {:?}, {}",
                m.len,
                m.entry.name,
                m.code(date),
                m.origin()
            );
        }
        if let Some(m) = dict.agents.longest_match(&ids, i) {
            println!(
                "agent at {i}: {} words, entry {:?}, code {}, {}",
                m.len, m.entry.name, m.entry.code.code, m.entry.origin
            );
        }
        if let Some(v) = dict.verbs.verb_at(&ids, i) {
            println!(
                "verb at {i}: lemma {}, block {} [{}], {}",
                v.verb.lemma, v.block.name, v.verb.code, v.verb.origin
            );
        }
    }
}
