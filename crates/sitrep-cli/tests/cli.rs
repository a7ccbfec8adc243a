//! The `sitrep` binary as a user runs it: formats, standard input, corpora with bad lines,
//! invalid UTF-8, user dictionaries, CoNLL-U output whose byte ranges slice the input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example() -> PathBuf {
    repo().join("examples/article.txt")
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let p = std::env::temp_dir().join(format!("sitrep-cli-{}-{name}", std::process::id()));
    std::fs::write(&p, bytes).expect("write temp file");
    p
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run sitrep")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn codes_the_bundled_example() {
    let out =
        run(sitrep()
            .args(["code"])
            .arg(example())
            .args(["--date", "2024-03-11", "--explain"]));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = json(&out);
    let text = std::fs::read_to_string(example()).expect("example");
    assert_eq!(
        d["doc"]["title"],
        "Turkey and Greece agree to resume talks on Aegean dispute"
    );
    assert_eq!(d["doc"]["dateline"]["place"], "Ankara");
    assert_eq!(d["doc"]["source"], "Example Wire");
    let events = d["events"].as_array().expect("events");
    assert!(events.len() >= 3, "too few events: {events:?}");
    for e in events {
        let (s, t) = (
            e["evidence"]["start"].as_u64().unwrap_or(0) as usize,
            e["evidence"]["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            text.get(s..t),
            e["evidence"]["text"].as_str(),
            "evidence must be the original text"
        );
        assert!(
            e["explain"]["pattern"].is_string(),
            "--explain gives the pattern"
        );
    }
    assert!(events.iter().any(|e| e["source"]["code"] == "TURGOV"
        && e["target"]["code"] == "GRCGOV"
        && e["root"] == "04"));
}

#[test]
fn reads_standard_input() {
    let mut child = sitrep()
        .args(["code", "-", "--date", "2001-01-01"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Germany invaded France.")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let d = json(&out);
    assert_eq!(d["events"][0]["cameo"], "192");
    assert_eq!(d["events"][0]["source"]["code"], "DEU");
}

#[test]
fn corpus_with_a_corrupt_line_is_reported_and_the_rest_processed() {
    let corpus = tmp(
        "corpus.jsonl",
        b"{\"id\":\"a\",\"date\":\"2001-01-01\",\"text\":\"Germany invaded France.\",\"url\":\"u1\"}\n{not json\n\n{\"id\":\"c\",\"text\":\"Germany arrested France.\"}\n",
    );
    let out = run(sitrep()
        .args(["code", "--input", "jsonl", "--format", "jsonl"])
        .arg(&corpus));
    let _ = std::fs::remove_file(&corpus);
    assert_eq!(out.status.code(), Some(3), "partial success exits 3");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":2:") && err.contains("invalid JSON"),
        "names file and line: {err}"
    );
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["doc"]["id"], "a");
    assert_eq!(lines[0]["doc"]["meta"]["url"], "u1");
    assert_eq!(lines[1]["doc"]["id"], "c");
}

#[test]
fn invalid_utf8_names_the_byte_offset_or_is_repaired() {
    let bad = tmp("bad.txt", b"Germany invaded \xff France.");
    let out = run(sitrep().arg("code").arg(&bad));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("offset 16"), "{err}");
    let out = run(sitrep().arg("code").arg(&bad).arg("--lossy"));
    let _ = std::fs::remove_file(&bad);
    assert!(out.status.success());
    assert_eq!(json(&out)["doc"]["lossy_replacements"], 1);
}

#[test]
fn empty_and_missing_files() {
    let empty = tmp("empty.txt", b"");
    let out = run(sitrep().arg("code").arg(&empty));
    let _ = std::fs::remove_file(&empty);
    assert!(out.status.success());
    assert_eq!(json(&out)["sentences"].as_array().map(Vec::len), Some(0));
    let out = run(sitrep().args(["code", "/nonexistent/article.txt"]));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/article.txt"));
}

#[test]
fn tsv_has_a_header_and_one_line_per_event() {
    let out =
        run(sitrep()
            .arg("code")
            .arg(example())
            .args(["--date", "2024-03-11", "--format", "tsv"]));
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    let mut lines = s.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    assert_eq!(header[0], "doc_id");
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.split('\t').count() == header.len()));
}

#[test]
fn parse_prints_conllu_whose_ranges_slice_the_input() {
    let text = std::fs::read_to_string(example()).expect("example");
    let out = run(sitrep().arg("parse").arg(example()));
    assert!(out.status.success());
    let conllu = String::from_utf8_lossy(&out.stdout);
    let mut tokens = 0;
    for line in conllu
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "{line}");
        let range = cols[9]
            .split('|')
            .find_map(|m| m.strip_prefix("TokenRange="))
            .expect("TokenRange");
        let (s, e) = range.split_once(':').expect("start:end");
        let piece = text
            .get(s.parse::<usize>().unwrap_or(0)..e.parse::<usize>().unwrap_or(0))
            .expect("valid range");
        assert_eq!(piece.replace(char::is_whitespace, ""), cols[1]);
        assert!(
            cols[6].parse::<usize>().is_ok() && cols[7] != "_",
            "head and relation filled: {line}"
        );
        tokens += 1;
    }
    assert!(tokens > 100);
    assert!(conllu.contains("# sent_id = ") && conllu.contains("# text = "));
}

#[test]
fn parse_conllu_keeps_the_tokens() {
    let gold = "# sent_id = 1\n# text = Iran met Iraq.\n1\tIran\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tmet\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tIraq\t_\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    let f = tmp("gold.conllu", gold.as_bytes());
    let out = run(sitrep().args(["parse", "--input", "conllu"]).arg(&f));
    let _ = std::fs::remove_file(&f);
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    let forms: Vec<&str> = s
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(forms, ["Iran", "met", "Iraq", "."]);
}

#[test]
fn user_dictionaries_replace_the_built_in_ones_and_bad_lines_are_reported() {
    let shared = repo().join("../shared/data/petrarch/validation");
    if !Path::new(&shared).is_dir() {
        eprintln!("note: ../shared is absent; skipping");
        return;
    }
    let verbs = std::fs::read_to_string(shared.join("PETR.Validate.verbs.txt")).expect("verbs");
    let broken = tmp(
        "verbs.txt",
        format!("{verbs}\n--- BROKEN [ ---\n- * [12\n").as_bytes(),
    );
    let out = run(sitrep()
        .args(["code", "-", "--date", "1995-01-01"])
        .arg("--verbs")
        .arg(&broken)
        .arg("--actors")
        .arg(shared.join("PETR.Validate.actors.txt"))
        .arg("--agents")
        .arg(shared.join("PETR.Validate.agents.txt"))
        .stdin(
            std::fs::File::open(tmp(
                "arnor.txt",
                b"Arnor is about to restore full diplomatic ties with Gondor.",
            ))
            .expect("stdin"),
        ));
    let _ = std::fs::remove_file(&broken);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("verbs.txt:"),
        "malformed lines are reported with file and line: {err}"
    );
    let d = json(&out);
    assert!(
        d["events"].as_array().is_some_and(|e| e
            .iter()
            .any(|e| e["source"]["code"] == "ARN" && e["target"]["code"] == "GON")),
        "{d}"
    );
}

#[test]
fn dateline_place_region_and_the_colon_form() {
    let text = "Ukraine says talks will go on\n\nKYIV, Ukraine (AP) — Ukraine said on Sunday that talks with Poland would go on.\n";
    let d = json(&run(sitrep()
        .arg("code")
        .arg(tmp("kyiv.txt", text.as_bytes()))));
    assert_eq!(d["doc"]["dateline"]["place"], "Kyiv");
    assert_eq!(d["doc"]["dateline"]["region"], "Ukraine");
    assert_eq!(d["doc"]["dateline"]["outlet"], "AP");
    // A place in capitals with a bare colon is a dateline when the gazetteer knows it…
    let text =
        "Pakistan protests\n\nISLAMABAD: Pakistan on Sunday condemned the Indian shelling.\n";
    let d = json(&run(sitrep()
        .arg("code")
        .arg(tmp("isb.txt", text.as_bytes()))));
    assert_eq!(d["doc"]["dateline"]["place"], "Islamabad");
    assert!(d["doc"]["dateline"].get("region").is_none());
    // …and a label is not.
    let text = "Alliance news\n\nNATO: The alliance met on Sunday in Brussels.\n";
    let d = json(&run(sitrep()
        .arg("code")
        .arg(tmp("nato.txt", text.as_bytes()))));
    assert!(d["doc"]["dateline"].is_null(), "{}", d["doc"]["dateline"]);
}

#[test]
fn clusters_from_treebank_text_and_a_corpus() {
    let ud = repo().join("../shared/data/ud");
    if !ud.join("en_ewt").exists() {
        eprintln!("note: {} absent; skipping", ud.display());
        return;
    }
    let dir = std::env::temp_dir().join(format!("sitrep-cli-{}-clusters", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut corpus = String::new();
    for i in 0..30 {
        corpus.push_str(&format!(
            "{{\"id\":\"c{i}\",\"text\":\"Iran's defense minister met his Iraqi counterpart on Monday. Iraq thanked Iran on Tuesday.\"}}\n"
        ));
    }
    corpus.push_str("{not json\n");
    std::fs::write(dir.join("tiny.jsonl"), corpus).expect("write corpus");
    let out_tsv = dir.join("out/clusters.tsv");
    let out = run(sitrep()
        .args([
            "clusters", "--sizes", "8,16,32", "--passes", "3", "--ud-dir",
        ])
        .arg(&ud)
        .arg("--corpora")
        .arg(&dir)
        .arg("--out")
        .arg(&out_tsv));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tiny.jsonl:31"),
        "the bad record is named: {err}"
    );
    let tsv = std::fs::read_to_string(&out_tsv).expect("clusters written");
    let words: Vec<&str> = tsv
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    assert!(words.contains(&"monday") && words.contains(&"the"));
    let bad = run(sitrep().args(["clusters", "--sizes", "8,16"]));
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--sizes takes 3"));
    let _ = std::fs::remove_dir_all(&dir);
}
