//! Load one dictionary file of a given kind and print its diagnostics.
//!
//! `cargo run -p sitrep-dict --example load_file -- actors|agents|discards|verbs FILE`

use sitrep_dict::{DictConfig, DictSource, Dictionaries};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, path] = args.as_slice() else {
        eprintln!("usage: load_file actors|agents|discards|verbs FILE");
        std::process::exit(2);
    };
    let src = vec![DictSource::path(path)];
    let config = match kind.as_str() {
        "actors" => DictConfig {
            actors: src,
            ..DictConfig::empty()
        },
        "agents" => DictConfig {
            agents: src,
            ..DictConfig::empty()
        },
        "discards" => DictConfig {
            discards: src,
            ..DictConfig::empty()
        },
        "verbs" => DictConfig {
            verbs: src,
            ..DictConfig::empty()
        },
        _ => {
            eprintln!("unknown kind {kind}");
            std::process::exit(2);
        }
    };
    match Dictionaries::load(&config) {
        Ok((d, diags)) => {
            println!(
                "actors {} agents {} discards {} verb blocks {} patterns {}",
                d.actors.len(),
                d.agents.len(),
                d.discards.len(),
                d.verbs.blocks().len(),
                d.verbs.patterns().len()
            );
            for x in diags {
                println!("{x}");
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
