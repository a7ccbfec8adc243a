//! Reading verb files (`CAMEO.2.0.txt`, PETRARCH-1 `.verbs` files) into a [`VerbDictionary`].
//!
//! Line kinds, as in PETRARCH's `read_verb_dictionary`:
//! `--- NAME [CODE] ---` starts a block; `&NAME` starts a synset whose `+member` lines follow;
//! `- ... * ... [CODE]` is a pattern; `~ ...` a transformation; anything else a verb line
//! (`SAY {SAID SAYING}`, `+ASK_FOR [020]`, `RE_+ARREST`). Synsets may be used before they
//! are defined and across files; they are resolved when the last file has been read.

use std::sync::Arc;

use crate::error::{Diagnostic, Origin};
use crate::hash::{FxHashMap, FxHashSet};
use crate::inflect::{self, FormKind};
use crate::lexicon::{fold, Lexicon, WordId};
use crate::phrase;
use crate::source::Lines;

use super::pattern::{self, code_warning, parse_code, pattern_diag, Link, TermCx, VerbSyntax};
use super::transform;
use super::{
    BlockId, FormSource, PatternId, Synset, SynsetId, SynsetMember, Term, Verb, VerbBlock,
    VerbCode, VerbDictionary, VerbForm, VerbId, VerbPattern,
};

/// A synset member before nested synsets are resolved.
enum RawMember {
    Words { words: Vec<String>, plural: bool },
    Nested(SynsetId),
}

struct RawSynset {
    no_plural: bool,
    members: Vec<(u32, RawMember)>,
}

/// Accumulates verb files, then resolves synsets and indexes forms.
#[derive(Default)]
pub(crate) struct VerbBuilder {
    dict: VerbDictionary,
    raw: Vec<RawSynset>,
}

/// A multi-word verb token split around its verb word.
struct Multi {
    before: Vec<String>,
    verb: String,
    after: Vec<String>,
}

/// Split `+ASK_FOR`, `RE_+ARREST`, `KLM_NOP_+RST`, `ASK`; `None` when two words carry `+`.
/// Without a `+`, a multi-word verb's first word is taken as the verb (flagged by the bool).
fn split_multi(token: &str) -> Option<(Multi, bool)> {
    let parts: Vec<&str> = token.split('_').filter(|p| !p.is_empty()).collect();
    let marked: Vec<usize> = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.starts_with('+'))
        .map(|(i, _)| i)
        .collect();
    let (k, guessed) = match marked.as_slice() {
        [] => (0, parts.len() > 1),
        [k] => (*k, false),
        _ => return None,
    };
    let word = |p: &str| fold(p.trim_start_matches('+'));
    let verb = word(parts.get(k)?);
    if verb.is_empty() {
        return None;
    }
    Some((
        Multi {
            before: parts[..k].iter().map(|p| word(p)).collect(),
            verb,
            after: parts[k + 1..].iter().map(|p| word(p)).collect(),
        },
        guessed,
    ))
}

impl VerbBuilder {
    fn synset_id(&mut self, name: &str) -> SynsetId {
        if let Some(&id) = self.dict.synset_index.get(name) {
            return id;
        }
        let id = SynsetId(self.dict.synsets.len() as u32);
        self.dict.synsets.push(Synset {
            name: name.into(),
            members: Vec::new(),
            origin: None,
            first: Default::default(),
        });
        self.raw.push(RawSynset {
            no_plural: false,
            members: Vec::new(),
        });
        self.dict.synset_index.insert(name.into(), id);
        id
    }

    /// Read one verb file; `syntax` `None` detects it.
    pub(crate) fn read(
        &mut self,
        lex: &mut Lexicon,
        file: &Arc<str>,
        text: &str,
        syntax: Option<VerbSyntax>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let syntax = syntax.unwrap_or_else(|| VerbSyntax::detect(text));
        // The block being read and the code its header gave (the default for its verbs).
        let mut block: Option<(BlockId, VerbCode)> = None;
        let mut synset: Option<SynsetId> = None;
        for line in Lines::new(text, true) {
            let t = line.text;
            let origin = Origin {
                file: file.clone(),
                line: line.number,
            };
            if t.starts_with("---") {
                synset = None;
                block = self.block_header(t, syntax, &origin, diags);
                continue;
            }
            if let Some(body) = t.strip_prefix('~') {
                synset = None;
                match transform::parse(body, origin.clone()) {
                    Ok(tr) => self.dict.transformations.push(tr),
                    Err(e) => diags.push(Diagnostic {
                        origin,
                        message: format!("{e}; transformation skipped"),
                    }),
                }
                continue;
            }
            if let Some(name) = t.strip_prefix('&') {
                synset = self.synset_header(name, &origin, diags);
                continue;
            }
            if let (Some(s), Some(member)) = (synset, t.strip_prefix('+')) {
                self.synset_member(s, member, &origin, diags);
                continue;
            }
            synset = None;
            let Some((b, header_code)) = &block else {
                diags.push(Diagnostic {
                    origin,
                    message: "verb or pattern before any `--- BLOCK ---` line; skipped".into(),
                });
                continue;
            };
            if t.starts_with('-') {
                self.pattern(lex, *b, (t, line.comment), syntax, origin, diags);
            } else {
                let code = header_code.clone();
                self.verb_line(lex, (*b, code), t, origin, diags);
            }
        }
    }

    fn block_header(
        &mut self,
        t: &str,
        syntax: VerbSyntax,
        origin: &Origin,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(BlockId, VerbCode)> {
        let body = t.trim_start_matches('-').trim_end_matches('-').trim();
        let (name, code) = match body.find('[') {
            Some(open) => {
                let Some(close) = body[open..].find(']').map(|c| open + c) else {
                    diags.push(Diagnostic {
                        origin: origin.clone(),
                        message: "block code without ']'; block skipped".into(),
                    });
                    return None;
                };
                match parse_code(&body[open + 1..close]) {
                    Ok(c) => {
                        if let Some(w) = code_warning(&c) {
                            diags.push(Diagnostic {
                                origin: origin.clone(),
                                message: w,
                            });
                        }
                        (body[..open].trim(), c)
                    }
                    Err(e) => {
                        diags.push(Diagnostic {
                            origin: origin.clone(),
                            message: format!("{e}; block skipped"),
                        });
                        return None;
                    }
                }
            }
            None => (body, VerbCode::default()),
        };
        if name.is_empty() {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: "block without a name; block skipped".into(),
            });
            return None;
        }
        if name.contains(char::is_whitespace) {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: format!("block name {name:?} has spaces; read with underscores"),
            });
        }
        let name = fold(&name.split_whitespace().collect::<Vec<_>>().join("_"));
        if let Some(&b) = self.dict.block_index.get(name.as_str()) {
            let old = &self.dict.blocks[b.index()];
            if old.code != code {
                diags.push(Diagnostic {
                    origin: origin.clone(),
                    message: format!(
                        "block {name} extends the one at {}; verbs below default to [{code}], \
                         not [{}]",
                        old.origin, old.code
                    ),
                });
            }
            return Some((b, code));
        }
        let id = BlockId(self.dict.blocks.len() as u32);
        self.dict.blocks.push(VerbBlock {
            name: name.as_str().into(),
            code,
            origin: origin.clone(),
            verbs: Vec::new(),
            patterns: Vec::new(),
            syntax,
        });
        self.dict.block_index.insert(name.into(), id);
        Some((id, self.dict.blocks[id.index()].code.clone()))
    }

    fn synset_header(
        &mut self,
        name: &str,
        origin: &Origin,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<SynsetId> {
        let name = name.trim();
        let no_plural = name.ends_with('_');
        let folded = fold(name.trim_end_matches('_'));
        if folded.is_empty() || folded.contains(char::is_whitespace) {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: format!("bad synset name {name:?}; skipped"),
            });
            return None;
        }
        let id = self.synset_id(&folded);
        let s = &mut self.dict.synsets[id.index()];
        if let Some(first) = &s.origin {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: format!(
                    "synset &{folded} already defined at {first}; members added to it"
                ),
            });
        } else {
            s.origin = Some(origin.clone());
        }
        self.raw[id.index()].no_plural |= no_plural;
        Some(id)
    }

    fn synset_member(
        &mut self,
        s: SynsetId,
        member: &str,
        origin: &Origin,
        diags: &mut Vec<Diagnostic>,
    ) {
        let member = member.trim();
        let raw = if let Some(nested) = member.strip_prefix('&') {
            let name = fold(nested.trim_end_matches('_'));
            if name.is_empty() {
                diags.push(Diagnostic {
                    origin: origin.clone(),
                    message: "empty nested synset; skipped".into(),
                });
                return;
            }
            RawMember::Nested(self.synset_id(&name))
        } else {
            let words = phrase::words(member);
            if words.is_empty() {
                diags.push(Diagnostic {
                    origin: origin.clone(),
                    message: "empty synset member; skipped".into(),
                });
                return;
            }
            RawMember::Words {
                words,
                plural: !member.ends_with('_'),
            }
        };
        self.raw[s.index()].members.push((origin.line, raw));
    }

    /// A pattern line (`- ... * ... [CODE]`).
    fn pattern(
        &mut self,
        lex: &mut Lexicon,
        block: BlockId,
        (line, comment): (&str, &str),
        syntax: VerbSyntax,
        origin: Origin,
        diags: &mut Vec<Diagnostic>,
    ) {
        let body = line.strip_prefix('-').unwrap_or(line);
        let Some(open) = body.rfind('[') else {
            diags.push(pattern_diag(&origin, "no [code]"));
            return;
        };
        let Some(close) = body[open..].find(']').map(|c| open + c) else {
            diags.push(pattern_diag(&origin, "code without ']'"));
            return;
        };
        let code = match parse_code(&body[open + 1..close]) {
            Ok(c) => c,
            Err(e) => {
                diags.push(pattern_diag(&origin, e));
                return;
            }
        };
        if let Some(w) = code_warning(&code) {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: w,
            });
        }
        if !body[close + 1..].trim().is_empty() {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: format!(
                    "text after the code ignored: {:?}",
                    body[close + 1..].trim()
                ),
            });
        }
        let pat = &body[..open];
        let stars: Vec<usize> = pat.match_indices('*').map(|(i, _)| i).collect();
        let [star] = stars.as_slice() else {
            diags.push(pattern_diag(
                &origin,
                format!("{} '*' where one marks the verb", stars.len()),
            ));
            return;
        };
        let (before_s, after_s) = (&pat[..*star], &pat[star + 1..]);
        let mut synset = |name: &str| self.synset_id(name);
        let mut cx = TermCx {
            lex,
            synset: &mut synset,
        };
        let sides = match syntax {
            VerbSyntax::Petrarch2 => {
                pattern::parse_p2_side(before_s.trim_end_matches('_'), &mut cx).and_then(|b| {
                    Ok((
                        b,
                        pattern::parse_p2_side(after_s.trim_start_matches('_'), &mut cx)?,
                    ))
                })
            }
            VerbSyntax::Petrarch1 => {
                let link = |adj: bool| if adj { Link::Adjacent } else { Link::Gap };
                let bl = link(before_s.ends_with('_'));
                let al = link(after_s.starts_with('_'));
                pattern::parse_p1_side(before_s.trim_end_matches('_'), true, bl, &mut cx).and_then(
                    |b| {
                        Ok((
                            b,
                            pattern::parse_p1_side(
                                after_s.trim_start_matches('_'),
                                false,
                                al,
                                &mut cx,
                            )?,
                        ))
                    },
                )
            }
        };
        let (before, after) = match sides {
            Ok(s) => s,
            Err(e) => {
                diags.push(pattern_diag(&origin, e));
                return;
            }
        };
        let id = PatternId(self.dict.patterns.len() as u32);
        self.dict.patterns.push(VerbPattern {
            block,
            before,
            after,
            code,
            syntax,
            text: line.split_whitespace().collect::<Vec<_>>().join(" ").into(),
            for_verb: for_verb(comment),
            particle: particle_only(line),
            origin,
        });
        self.dict.blocks[block.index()].patterns.push(id);
    }

    fn verb_line(
        &mut self,
        lex: &mut Lexicon,
        (block, header_code): (BlockId, VerbCode),
        t: &str,
        origin: Origin,
        diags: &mut Vec<Diagnostic>,
    ) {
        let mut rest = t;
        let mut code = None;
        if let Some(open) = rest.rfind('[') {
            let Some(close) = rest[open..].find(']').map(|c| open + c) else {
                diags.push(Diagnostic {
                    origin,
                    message: "verb code without ']'; verb skipped".into(),
                });
                return;
            };
            match parse_code(&rest[open + 1..close]) {
                Ok(c) => {
                    if let Some(w) = code_warning(&c) {
                        diags.push(Diagnostic {
                            origin: origin.clone(),
                            message: w,
                        });
                    }
                    code = Some(c)
                }
                Err(e) => {
                    diags.push(Diagnostic {
                        origin,
                        message: format!("{e}; verb skipped"),
                    });
                    return;
                }
            }
            rest = &rest[..open];
        }
        let mut listed: Option<Vec<&str>> = None;
        if let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                diags.push(Diagnostic {
                    origin,
                    message: "'{' without '}'; verb skipped".into(),
                });
                return;
            };
            listed = Some(rest[open + 1..close].split_whitespace().collect());
            rest = &rest[..open];
        }
        let tokens: Vec<&str> = rest.split_whitespace().collect();
        let joined;
        let lemma_tok = match tokens.as_slice() {
            [] => {
                diags.push(Diagnostic {
                    origin,
                    message: "no verb on the line; skipped".into(),
                });
                return;
            }
            [one] => *one,
            many => {
                joined = many.join("_");
                &joined
            }
        };
        let Some((lemma, guessed)) = split_multi(lemma_tok) else {
            diags.push(Diagnostic {
                origin,
                message: format!("verb {lemma_tok:?} marks more than one word with '+'; skipped"),
            });
            return;
        };
        if guessed {
            diags.push(Diagnostic {
                origin: origin.clone(),
                message: format!("multi-word verb {lemma_tok:?} has no '+' on its verb word; taking the first word"),
            });
        }
        let display: Vec<&str> = lemma
            .before
            .iter()
            .chain(std::iter::once(&lemma.verb))
            .chain(&lemma.after)
            .map(String::as_str)
            .collect();
        let vid = VerbId(self.dict.verbs.len() as u32);
        let code = code.unwrap_or(header_code);
        self.dict.verbs.push(Verb {
            lemma: display.join(" ").into(),
            block,
            code,
            origin: origin.clone(),
        });
        self.dict.blocks[block.index()].verbs.push(vid);

        let mut add = |lex: &mut Lexicon, m: &Multi, source: FormSource| {
            let form = VerbForm {
                verb: vid,
                word: lex.intern_folded(&m.verb),
                before: phrase::intern(lex, &m.before).into(),
                after: phrase::intern(lex, &m.after).into(),
                source,
            };
            self.dict.forms.entry(form.word).or_default().push(form);
        };
        add(lex, &lemma, FormSource::Lemma);
        let regular_rank = match &listed {
            Some(forms) if forms.is_empty() => None,
            Some(_) => Some(FormSource::Variant),
            None => Some(FormSource::Regular),
        };
        for tok in listed.iter().flatten() {
            match split_multi(tok) {
                Some((m, _))
                    if m.before.len() + m.after.len() == 0
                        && !(lemma.before.is_empty() && lemma.after.is_empty()) =>
                {
                    // `WIRE_+TAP {TAPS}`: a bare form of a multi-word verb keeps the lemma's context.
                    let m = Multi {
                        before: lemma.before.clone(),
                        verb: m.verb,
                        after: lemma.after.clone(),
                    };
                    add(lex, &m, FormSource::Listed);
                }
                Some((m, _)) => add(lex, &m, FormSource::Listed),
                None => diags.push(Diagnostic {
                    origin: origin.clone(),
                    message: format!(
                        "form {tok:?} marks more than one word with '+'; form skipped"
                    ),
                }),
            }
        }
        if let Some(rank) = regular_rank {
            for (f, kind) in inflect::verb_forms(&lemma.verb) {
                let source = match (rank, kind) {
                    (FormSource::Regular, FormKind::Regular) => FormSource::Regular,
                    _ => FormSource::Variant,
                };
                let m = Multi {
                    before: lemma.before.clone(),
                    verb: f,
                    after: lemma.after.clone(),
                };
                add(lex, &m, source);
            }
        }
    }

    /// Resolve synsets, drop patterns that use undefined ones, index forms.
    pub(crate) fn finish(
        mut self,
        lex: &mut Lexicon,
        diags: &mut Vec<Diagnostic>,
    ) -> VerbDictionary {
        let n = self.dict.synsets.len();
        let mut resolved: Vec<Option<Vec<SynsetMember>>> = vec![None; n];
        for s in 0..n {
            let mut stack = Vec::new();
            resolve(
                &self.raw,
                &self.dict.synsets,
                lex,
                s,
                &mut resolved,
                &mut stack,
                diags,
            );
        }
        for (s, members) in resolved.into_iter().enumerate() {
            let synset = &mut self.dict.synsets[s];
            synset.members = members.unwrap_or_default();
            synset.index();
        }

        // Patterns naming a synset nobody defined are dropped, as PETRARCH drops them.
        let undefined: FxHashSet<SynsetId> = (0..n)
            .filter(|&s| self.dict.synsets[s].origin.is_none())
            .map(|s| SynsetId(s as u32))
            .collect();
        if !undefined.is_empty() {
            let old = std::mem::take(&mut self.dict.patterns);
            for b in &mut self.dict.blocks {
                b.patterns.clear();
            }
            for p in old {
                let missing = p.terms().find_map(|t| match t {
                    Term::Synset(s) if undefined.contains(s) => Some(*s),
                    _ => None,
                });
                if let Some(s) = missing {
                    let name = &self.dict.synsets[s.index()].name;
                    diags.push(pattern_diag(
                        &p.origin,
                        format!("synset &{name} is not defined"),
                    ));
                    continue;
                }
                let id = PatternId(self.dict.patterns.len() as u32);
                self.dict.blocks[p.block.index()].patterns.push(id);
                self.dict.patterns.push(p);
            }
        }

        // A word two files define belongs to the later file's verb (so sitrep.verbs.txt can
        // move SLAM from CAMEO.2.0's CRASH to DENOUNCE); within one file the first wins.
        let mut file_rank: FxHashMap<Arc<str>, usize> = FxHashMap::default();
        let rank: Vec<usize> = self
            .dict
            .verbs
            .iter()
            .map(|v| {
                let n = file_rank.len();
                *file_rank.entry(v.origin.file.clone()).or_insert(n)
            })
            .collect();
        for forms in self.dict.forms.values_mut() {
            forms.sort_by(|a, b| {
                (b.before.len() + b.after.len())
                    .cmp(&(a.before.len() + a.after.len()))
                    .then(rank[b.verb.index()].cmp(&rank[a.verb.index()]))
                    .then(a.source.cmp(&b.source))
                    .then(a.verb.cmp(&b.verb))
            });
            let mut seen = FxHashSet::default();
            forms.retain(|f| seen.insert((f.verb, f.before.clone(), f.after.clone())));
        }
        self.dict
    }
}

/// Flatten synset `s` (nested synsets, plurals) into `resolved[s]`.
fn resolve(
    raw: &[RawSynset],
    synsets: &[Synset],
    lex: &mut Lexicon,
    s: usize,
    resolved: &mut Vec<Option<Vec<SynsetMember>>>,
    stack: &mut Vec<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    if resolved[s].is_some() {
        return;
    }
    if stack.contains(&s) {
        if let Some(o) = &synsets[s].origin {
            diags.push(Diagnostic {
                origin: o.clone(),
                message: format!(
                    "synset &{} contains itself; the cycle is cut",
                    synsets[s].name
                ),
            });
        }
        return;
    }
    stack.push(s);
    let mut out: Vec<SynsetMember> = Vec::new();
    let mut seen: FxHashSet<Box<[WordId]>> = FxHashSet::default();
    let mut push = |out: &mut Vec<SynsetMember>, m: SynsetMember| {
        if seen.insert(m.words.clone()) {
            out.push(m);
        }
    };
    for (line, m) in &raw[s].members {
        match m {
            RawMember::Words { words, plural } => {
                let ids: Box<[WordId]> = phrase::intern(lex, words).into();
                push(
                    &mut out,
                    SynsetMember {
                        words: ids,
                        plural: false,
                        line: *line,
                    },
                );
                if *plural && !raw[s].no_plural {
                    for p in inflect::noun_plurals(&words.join(" ")) {
                        let ids: Box<[WordId]> = phrase::intern(lex, &phrase::words(&p)).into();
                        push(
                            &mut out,
                            SynsetMember {
                                words: ids,
                                plural: true,
                                line: *line,
                            },
                        );
                    }
                }
            }
            RawMember::Nested(inner) => {
                let inner = inner.index();
                resolve(raw, synsets, lex, inner, resolved, stack, diags);
                for m in resolved[inner].iter().flatten() {
                    push(
                        &mut out,
                        SynsetMember {
                            words: m.words.clone(),
                            plural: m.plural,
                            line: *line,
                        },
                    );
                }
            }
        }
    }
    stack.pop();
    resolved[s] = Some(out);
}

/// The verb a pattern was written for, from its comment (`# OPPOSE`, `# REMOVE , REMOVE`):
/// the comment's first word when it is an upper-case verb.
fn for_verb(comment: &str) -> Option<Box<str>> {
    let w = comment.split([' ', ',']).next()?;
    (!w.is_empty() && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'))
        .then(|| w.replace('_', " ").into())
}

/// Particles of English phrasal verbs, upper case as the dictionaries write them.
const PARTICLES: &[&str] = &[
    "ON", "DOWN", "UP", "OUT", "OFF", "AHEAD", "AWAY", "BACK", "OVER", "IN", "INTO", "FORWARD",
    "AROUND", "THROUGH", "ALONG", "APART", "ASIDE",
];

/// Whether a pattern line is a bare particle after the verb (`- * DOWN [173]`, `- * (INTO)
/// [192]`).
fn particle_only(line: &str) -> bool {
    let body = line.split('[').next().unwrap_or("");
    let Some((before, after)) = body.strip_prefix('-').unwrap_or(body).split_once('*') else {
        return false;
    };
    let words: Vec<&str> = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '(' || c == ')' || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    before.trim().is_empty() && words.len() == 1 && PARTICLES.contains(&words[0])
}
