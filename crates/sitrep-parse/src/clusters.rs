//! Word clusters induced from unlabelled text, read as features by the tagger and parser.
//!
//! The treebanks have 16k training sentences; most names and many words of news text never
//! occur in them. Words that occur in similar contexts of a larger unlabelled corpus (the news
//! corpora plus the treebank text) share a cluster, so the models can generalise from
//! "Gharaei" to names they were trained on (Koo, Carreras & Collins 2008 did this with Brown
//! clusters). Clusters are induced by the *exchange algorithm* (Kneser & Ney 1993; Martin,
//! Liermann & Ney 1998): every word moves, in turn, to the class that most increases the
//! likelihood of a class bigram model, until few words move. It is much cheaper than Brown's
//! agglomerative clustering, and instead of Brown's bit-string prefixes we run it at several
//! granularities (by default 32, 128 and 512 classes) and give each as a feature. Written here
//! because no maintained crate induces word classes; it is about 200 lines.
//!
//! Deterministic: words are visited in a fixed order (by descending count, then by form) and
//! ties keep the lowest class.

use std::collections::HashMap;

use crate::bin::{Reader, Writer};
use crate::hash;
use crate::lex::{Lex, LexBuf};
use crate::perceptron::IdMap;
use crate::Error;

/// Number of granularities (features per token).
pub const LEVELS: usize = 3;

/// Cluster id of a word no clustering knows.
pub(crate) const UNKNOWN: u64 = 0xFFF0;

/// Settings of cluster induction.
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Number of classes at each granularity.
    pub sizes: [usize; LEVELS],
    /// Words seen fewer times are not clustered (they stay unknown).
    pub min_count: u64,
    /// Most passes over the vocabulary per granularity.
    pub max_passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            sizes: [32, 128, 512],
            min_count: 3,
            max_passes: 12,
        }
    }
}

/// One clustered word: its lowercase form, corpus count and class at each granularity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusteredWord {
    /// Lowercase form (as the tagger folds it: curly quotes made straight).
    pub word: String,
    /// Occurrences in the unlabelled text.
    pub count: u64,
    /// Class at each granularity.
    pub classes: [u16; LEVELS],
}

/// Word → cluster ids, keyed by the 32-bit fold of the lowercase form's hash.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    map: IdMap<u32, [u16; LEVELS]>,
}

impl Clusters {
    /// Build the lookup table from clustered words.
    pub fn from_words(words: &[ClusteredWord]) -> Clusters {
        let mut lb = LexBuf::default();
        let map = words
            .iter()
            .map(|w| (hash::fold32(lb.lex(&w.word).lower), w.classes))
            .collect();
        Clusters { map }
    }

    /// Number of words with clusters.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has clusters (a model trained without them).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The classes of a word (any case), coarse to fine; `None` for a word not clustered.
    pub fn of_word(&self, word: &str) -> Option<[u16; LEVELS]> {
        let lower = LexBuf::default().lex(word).lower;
        self.map.get(&hash::fold32(lower)).copied()
    }

    /// Set the cluster ids of every token. A word no cluster knows gets a pseudo-cluster of
    /// its spelling (capitalised, all capitals, with digits, other), so that an unseen name
    /// is like the rare names of the treebanks rather than like their rare typos.
    pub(crate) fn fill(&self, lex: &mut [Lex]) {
        if self.map.is_empty() {
            return;
        }
        for l in lex {
            l.clus = match self.map.get(&hash::fold32(l.lower)) {
                Some(c) => c.map(u64::from),
                None => [UNKNOWN + crate::lex::spelling_class(l); LEVELS],
            };
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let mut v: Vec<(u32, [u16; LEVELS])> = self.map.iter().map(|(&k, &c)| (k, c)).collect();
        v.sort_unstable();
        w.coded(|w| {
            w.varint(v.len() as u64);
            let mut prev = 0u32;
            for (k, c) in &v {
                w.varint(u64::from(k - prev));
                prev = *k;
                for &x in c {
                    w.varint(u64::from(x));
                }
            }
        });
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Clusters, Error> {
        let block = r.coded()?;
        let mut r = r.sub(&block);
        let n = r.len(1 << 24, "cluster word count")?;
        let mut map = IdMap::default();
        map.reserve(n);
        let mut prev = 0u64;
        for _ in 0..n {
            prev += r.varint()?;
            let k = u32::try_from(prev).map_err(|_| r.err("bad cluster key"))?;
            let mut c = [0u16; LEVELS];
            for x in &mut c {
                *x = u16::try_from(r.varint()?).map_err(|_| r.err("bad cluster id"))?;
            }
            map.insert(k, c);
        }
        r.expect_end()?;
        Ok(Clusters { map })
    }
}

/// Read clustered words from the TSV written by [`to_tsv`] (`word`, `count`, one class per
/// granularity). `name` labels errors, which name the line.
pub fn from_tsv(text: &str, name: &str) -> Result<Vec<ClusteredWord>, Error> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let bad = |m: &str| Error::Train(format!("{name}:{}: {m}", i + 1));
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 2 + LEVELS {
            return Err(bad(&format!(
                "expected {} tab-separated fields",
                2 + LEVELS
            )));
        }
        let count = f[1].parse().map_err(|_| bad("bad count"))?;
        let mut classes = [0u16; LEVELS];
        for (c, s) in classes.iter_mut().zip(&f[2..]) {
            *c = s.parse().map_err(|_| bad("bad class id"))?;
        }
        out.push(ClusteredWord {
            word: f[0].to_string(),
            count,
            classes,
        });
    }
    Ok(out)
}

/// Write clustered words as TSV, one word a line, with a header comment.
pub fn to_tsv(words: &[ClusteredWord], about: &str) -> String {
    let mut s = format!("# {about}\n# word\tcount\tclasses at each granularity\n");
    for w in words {
        s.push_str(&w.word);
        s.push('\t');
        s.push_str(&w.count.to_string());
        for c in w.classes {
            s.push('\t');
            s.push_str(&c.to_string());
        }
        s.push('\n');
    }
    s
}

/// `x ln x`, tabulated for small counts (most lookups).
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(n: usize) -> XLogX {
        XLogX {
            table: (0..n).map(|x| Self::calc(x as i64)).collect(),
        }
    }
    fn calc(x: i64) -> f64 {
        if x <= 0 {
            0.0
        } else {
            let x = x as f64;
            x * x.ln()
        }
    }
    #[inline]
    fn f(&self, x: i64) -> f64 {
        match self.table.get(x as usize) {
            Some(&v) if x >= 0 => v,
            _ => Self::calc(x),
        }
    }
}

/// The corpus as a word bigram graph.
struct Graph {
    /// Occurrences of each word.
    count: Vec<i64>,
    /// Right neighbours `(v, n)` of word `w` in `right[right_at[w]..right_at[w + 1]]`.
    right_at: Vec<usize>,
    right: Vec<(u32, i64)>,
    /// Left neighbours, likewise.
    left_at: Vec<usize>,
    left: Vec<(u32, i64)>,
}

fn adjacency(
    n: usize,
    pairs: &HashMap<(u32, u32), i64>,
    flip: bool,
) -> (Vec<usize>, Vec<(u32, i64)>) {
    let mut v: Vec<(u32, u32, i64)> = pairs
        .iter()
        .map(|(&(a, b), &c)| if flip { (b, a, c) } else { (a, b, c) })
        .collect();
    v.sort_unstable();
    let mut at = vec![0usize; n + 1];
    for &(a, _, _) in &v {
        at[a as usize + 1] += 1;
    }
    for i in 0..n {
        at[i + 1] += at[i];
    }
    (at, v.into_iter().map(|(_, b, c)| (b, c)).collect())
}

/// Run the exchange algorithm with `k` classes; returns each word's class.
fn exchange(g: &Graph, k: usize, max_passes: usize, fx: &XLogX, log: &dyn Fn(&str)) -> Vec<u16> {
    let n = g.count.len();
    // Words are numbered by descending count: round-robin gives the k most frequent words
    // classes of their own.
    let mut cls: Vec<usize> = (0..n).map(|w| w % k).collect();
    let mut big = vec![0i64; k * k]; // big[c * k + d]: class bigram counts
    let mut tr = vec![0i64; k * k]; // transpose
    let mut uni = vec![0i64; k];
    for w in 0..n {
        uni[cls[w]] += g.count[w];
        for &(v, c) in &g.right[g.right_at[w]..g.right_at[w + 1]] {
            big[cls[w] * k + cls[v as usize]] += c;
            tr[cls[v as usize] * k + cls[w]] += c;
        }
    }
    let (mut r, mut l) = (vec![0i64; k], vec![0i64; k]);
    let (mut rt, mut lt): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for pass in 0..max_passes {
        let mut moved = 0usize;
        for w in 0..n {
            let a = cls[w];
            // Neighbour counts by class, the word's own bigrams (w, w) apart.
            let mut selfc = 0i64;
            for &(v, c) in &g.right[g.right_at[w]..g.right_at[w + 1]] {
                if v as usize == w {
                    selfc += c;
                    continue;
                }
                let d = cls[v as usize];
                if r[d] == 0 {
                    rt.push(d);
                }
                r[d] += c;
            }
            for &(v, c) in &g.left[g.left_at[w]..g.left_at[w + 1]] {
                if v as usize == w {
                    continue;
                }
                let d = cls[v as usize];
                if l[d] == 0 {
                    lt.push(d);
                }
                l[d] += c;
            }
            let cw = g.count[w];
            // Take w out of its class.
            let shift = |b: usize, sign: i64, big: &mut [i64], tr: &mut [i64], uni: &mut [i64]| {
                for &d in &rt {
                    big[b * k + d] += sign * r[d];
                    tr[d * k + b] += sign * r[d];
                }
                for &c in &lt {
                    big[c * k + b] += sign * l[c];
                    tr[b * k + c] += sign * l[c];
                }
                big[b * k + b] += sign * selfc;
                tr[b * k + b] += sign * selfc;
                uni[b] += sign * cw;
            };
            shift(a, -1, &mut big, &mut tr, &mut uni);
            let mut best = (f64::NEG_INFINITY, a);
            for b in 0..k {
                let row = &big[b * k..(b + 1) * k];
                let col = &tr[b * k..(b + 1) * k];
                let mut gain = 0.0;
                for &d in &rt {
                    if d != b {
                        gain += fx.f(row[d] + r[d]) - fx.f(row[d]);
                    }
                }
                for &c in &lt {
                    if c != b {
                        gain += fx.f(col[c] + l[c]) - fx.f(col[c]);
                    }
                }
                gain += fx.f(row[b] + r[b] + l[b] + selfc) - fx.f(row[b]);
                gain -= 2.0 * (fx.f(uni[b] + cw) - fx.f(uni[b]));
                // Strictly better than the best so far; the current class wins ties.
                if gain > best.0 + 1e-9 || (b == a && gain >= best.0 - 1e-9) {
                    best = (gain, b);
                }
            }
            let b = best.1;
            shift(b, 1, &mut big, &mut tr, &mut uni);
            if b != a {
                cls[w] = b;
                moved += 1;
            }
            for &d in &rt {
                r[d] = 0;
            }
            for &c in &lt {
                l[c] = 0;
            }
            rt.clear();
            lt.clear();
        }
        log(&format!(
            "{k} classes, pass {}: {moved} of {n} words moved",
            pass + 1
        ));
        if moved * 1000 < n {
            break;
        }
    }
    cls.into_iter().map(|c| c as u16).collect()
}

/// Induce clusters from sentences of token forms. `log` receives progress lines.
pub fn induce<'a>(
    sentences: impl Iterator<Item = Vec<&'a str>>,
    opts: &ClusterOptions,
    log: &(dyn Fn(&str) + Sync),
) -> Vec<ClusteredWord> {
    // Vocabulary by lowercase hash; the first spelling seen names the word.
    let mut lb = LexBuf::default();
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    let mut sents: Vec<Vec<u32>> = Vec::new();
    for s in sentences {
        let mut ws = Vec::with_capacity(s.len());
        for f in s {
            let key = lb.lex(f).lower;
            let id = *ids.entry(key).or_insert_with(|| {
                names.push(lowercase(f));
                counts.push(0);
                (names.len() - 1) as u32
            });
            counts[id as usize] += 1;
            ws.push(id);
        }
        sents.push(ws);
    }
    let tokens: u64 = counts.iter().sum();
    // Kept words numbered by descending count; word 0 stands for every rarer word, word 1 for
    // the sentence boundary.
    let mut kept: Vec<u32> = (0..names.len() as u32)
        .filter(|&i| counts[i as usize] >= opts.min_count)
        .collect();
    kept.sort_unstable_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then_with(|| names[a as usize].cmp(&names[b as usize]))
    });
    let mut renum = vec![0u32; names.len()];
    for (i, &w) in kept.iter().enumerate() {
        renum[w as usize] = i as u32 + 2;
    }
    let n = kept.len() + 2;
    let mut count = vec![0i64; n];
    let mut pairs: HashMap<(u32, u32), i64> = HashMap::new();
    for s in &sents {
        let mut prev = 1u32;
        count[1] += 1;
        for &w in s {
            let w = renum[w as usize];
            count[w as usize] += 1;
            *pairs.entry((prev, w)).or_default() += 1;
            prev = w;
        }
        *pairs.entry((prev, 1)).or_default() += 1;
    }
    drop(sents);
    log(&format!(
        "{tokens} tokens, {} word types, {} clustered (seen at least {} times), {} bigram types",
        names.len(),
        kept.len(),
        opts.min_count,
        pairs.len()
    ));
    let (right_at, right) = adjacency(n, &pairs, false);
    let (left_at, left) = adjacency(n, &pairs, true);
    drop(pairs);
    let g = Graph {
        count,
        right_at,
        right,
        left_at,
        left,
    };
    let fx = XLogX::new(1 << 20);
    // The granularities are independent: one thread each.
    let classes: Vec<Vec<u16>> = std::thread::scope(|s| {
        let hs: Vec<_> = opts
            .sizes
            .iter()
            .map(|&k| {
                let (g, fx) = (&g, &fx);
                s.spawn(move || exchange(g, k.max(2), opts.max_passes, fx, log))
            })
            .collect();
        hs.into_iter()
            .map(|h| h.join().expect("cluster thread panicked"))
            .collect()
    });
    kept.iter()
        .enumerate()
        .map(|(i, &w)| {
            let mut c = [0u16; LEVELS];
            for (x, cl) in c.iter_mut().zip(&classes) {
                *x = cl[i + 2];
            }
            ClusteredWord {
                word: names[w as usize].clone(),
                count: counts[w as usize],
                classes: c,
            }
        })
        .collect()
}

/// The lowercase form as [`LexBuf`] hashes it (typographic quotes folded).
fn lowercase(f: &str) -> String {
    f.chars()
        .map(crate::lex::fold)
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Vec<&'static str>> {
        let mut v = Vec::new();
        for _ in 0..20 {
            for (a, b) in [("Iran", "Iraq"), ("Syria", "Turkey"), ("Iraq", "Syria")] {
                for verb in ["visited", "attacked", "criticized"] {
                    v.push(vec!["The", "minister", verb, a, "on", "Monday", "."]);
                    v.push(vec![b, verb, "the", "president", "on", "Tuesday", "."]);
                }
            }
        }
        v
    }

    #[test]
    fn similar_contexts_share_clusters_and_runs_repeat() {
        let opts = ClusterOptions {
            sizes: [4, 6, 8],
            min_count: 2,
            max_passes: 10,
        };
        let c = corpus();
        let a = induce(c.iter().cloned(), &opts, &|_| {});
        let b = induce(c.iter().cloned(), &opts, &|_| {});
        assert_eq!(a, b);
        let cls = |w: &str| a.iter().find(|x| x.word == w).unwrap().classes;
        // Days share a class at the finest level, and so do the verbs.
        assert_eq!(cls("monday")[2], cls("tuesday")[2]);
        assert_eq!(cls("visited")[2], cls("attacked")[2]);
        assert_ne!(cls("visited")[2], cls("monday")[2]);
        // Round trip through TSV and the model table.
        let text = to_tsv(&a, "test");
        let back = from_tsv(&text, "t.tsv").unwrap();
        assert_eq!(back, a);
        let t = Clusters::from_words(&back);
        let mut w = Writer::default();
        t.write(&mut w);
        let t2 = Clusters::read(&mut Reader::new(&w.buf, "t")).unwrap();
        assert_eq!(t2.of_word("MONDAY"), Some(cls("monday")));
        assert_eq!(t2.of_word("unseen"), None);
        // Unseen words get a pseudo-cluster of their spelling.
        let mut lb = LexBuf::default();
        let mut lex = vec![
            lb.lex("Monday"),
            lb.lex("Gharaei"),
            lb.lex("zorp"),
            lb.lex("Qom"),
        ];
        t2.fill(&mut lex);
        assert_eq!(lex[0].clus, cls("monday").map(u64::from));
        assert_eq!(lex[1].clus, lex[3].clus);
        assert_ne!(lex[1].clus, lex[2].clus);
        assert!(lex[1].clus[0] > u64::from(u16::MAX) / 2);
        assert!(from_tsv("x\t1\t2\n", "bad.tsv")
            .unwrap_err()
            .to_string()
            .contains("bad.tsv:1"));
    }
}
