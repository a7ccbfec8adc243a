#!/usr/bin/env python3
"""Score `sitrep code` on every gold article of the repository (a developer's loop, not a test).

usage: tools/score_articles.py [--bin PATH] [--set dev|dev2|test|all] [--verbose] [NAME_SUBSTRING...]

Gold files: crates/sitrep-code/tests/articles/*.gold.json (text beside them) and
crates/sitrep-code/tests/articles/real/*.gold.json (text from the record `corpus_id` of
`../shared/data/corpora/<corpus>`; the texts belong to their publishers and are not copied
into the repository). The reference article of ../shared is scored too. Scoring is
../shared/tools/score_article.py. `--set test` scores only the blind set (real articles listed in
NOTES_test.md) and prints only its totals, so as not to tune to it; `--set dev2` the second
development batch (NOTES_dev2.md); the default scores the reference, fictional and first
development articles.
"""
import json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
ART = os.path.join(ROOT, "crates/sitrep-code/tests/articles")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import score_article  # noqa: E402


def corpus_text(corpus, cid, cache={}):
    if corpus not in cache:
        recs = {}
        with open(os.path.join(SHARED, "data/corpora", corpus), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                recs[d["id"]] = d
        cache[corpus] = recs
    return cache[corpus][cid]["text"]


def articles():
    out = [("000_reference", os.path.join(SHARED, "gold/articles/000_224f590e902e362b.gold.json"),
            open(os.path.join(SHARED, "gold/articles/000_224f590e902e362b.txt"), encoding="utf-8").read(), "ref")]
    for f in sorted(os.listdir(ART)):
        if f.endswith(".gold.json"):
            stem = f[:-len(".gold.json")]
            out.append((stem, os.path.join(ART, f), open(os.path.join(ART, stem + ".txt"), encoding="utf-8").read(), "fict"))
    real = os.path.join(ART, "real")
    import re

    def ids_in(name):
        notes = os.path.join(real, name)
        if not os.path.exists(notes):
            return set()
        return set(re.findall(r"(?:nc-[0-9a-f]{16}|bbc-[a-z]+-\d+)", open(notes, encoding="utf-8").read()))

    test_ids = ids_in("NOTES_test.md")
    dev2_ids = ids_in("NOTES_dev2.md")
    if os.path.isdir(real):
        for f in sorted(os.listdir(real)):
            if f.endswith(".gold.json"):
                g = json.load(open(os.path.join(real, f), encoding="utf-8"))
                cid = g["corpus_id"]
                kind = "test" if cid in test_ids else "dev2" if cid in dev2_ids else "dev"
                out.append((cid, os.path.join(real, f), corpus_text(g["corpus"], cid), kind))
    return out


def main():
    argv = sys.argv[1:]
    binp = os.path.join(ROOT, "target/release/sitrep")
    if "--bin" in argv:
        i = argv.index("--bin"); binp = argv[i + 1]; del argv[i:i + 2]
    which = "dev"
    if "--set" in argv:
        i = argv.index("--set"); which = argv[i + 1]; del argv[i:i + 2]
    verbose = "--verbose" in argv
    names = [a for a in argv if not a.startswith("--")]
    tot = {}
    for stem, gpath, text, kind in articles():
        wanted = {"all": {"ref", "fict", "dev", "dev2", "test"}, "test": {"test"},
                  "dev2": {"dev2"}}.get(which, {"ref", "fict", "dev"})
        if kind not in wanted:
            continue
        if names and not any(n in stem for n in names):
            continue
        gold = json.load(open(gpath, encoding="utf-8"))
        date = gold.get("metadata_for_tests", {}).get("date")
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tf:
            tf.write(text)
        cmd = [binp, "code", tf.name, "--format", "json"] + (["--date", date] if date else [])
        out = json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout)
        os.unlink(tf.name)
        r = score_article.score(gold, out, text)
        hits = round(r["recall"] * r["must"])
        good = round(r["precision"] * r["events"])
        t = tot.setdefault(kind, [0, 0, 0, 0, 0, 0, 0, 0, 0])
        qa, qb = map(int, r["quote_speakers_right"].split("/"))
        aa, ab = map(int, r["actors_right"].split("/"))
        for i, v in enumerate([hits, r["must"], good, r["events"], qa, qb, aa, ab, len(r["must_not_violations"])]):
            t[i] += v
        if kind == "test" and which != "test-verbose":
            continue
        print(f"{stem[:40]:40} R {r['recall']:.2f} ({hits}/{r['must']})  P {r['precision']:.2f} ({good}/{r['events']})"
              f"  spk {r['quote_speakers_right']:5}  act {r['actors_right']:5}  must_not {len(r['must_not_violations'])}")
        if verbose:
            for k in ("missed", "spurious", "must_not_violations", "actors_wrong_or_missing", "cleaning_failures"):
                if r[k]:
                    print(f"    {k}: {r[k]}")
    for kind, t in tot.items():
        print(f"TOTAL {kind:5} recall {t[0]}/{t[1]} = {t[0]/max(t[1],1):.3f}  precision {t[2]}/{t[3]} = {t[2]/max(t[3],1):.3f}"
              f"  speakers {t[4]}/{t[5]}  actors {t[6]}/{t[7]}  must_not {t[8]}")


if __name__ == "__main__":
    main()
