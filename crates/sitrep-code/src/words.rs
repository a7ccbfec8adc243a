//! sitrep-code's own word lists and code tables, loaded from `data/` (embedded).
//!
//! These are mechanisms' vocabularies, kept as data: speech verbs, framing words
//! (intent, appeal, refusal, control), collective and person-role nouns, pronouns, and the
//! tables that turn a framed event code into its intent, appeal or rejection code.

use std::collections::{HashMap, HashSet};

/// Nouns that stand for a state when they have a possessor or an `of` complement: "his
/// country", "the country of the Islamic Republic of Iran".
pub const STATE_NOUNS: &[&str] = &["country", "nation", "homeland", "state"];

/// How a framing word affects the clause it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FrameKind {
    /// Ready to, pledged to, will: the event is intended (CAMEO 03x).
    Intent,
    /// Urged X to, called on X to: an appeal to the target (CAMEO 02x).
    Appeal,
    /// Refused to, rejected: a rejection (CAMEO 12x).
    Reject,
    /// Failed to: the event did not happen.
    Negate,
    /// Forced X to, tried to: no change of code, only of who the subject is.
    Control,
    /// Accused X of, blamed X for: the framed act is only alleged; the accusation is the
    /// event, the act is not coded (CAMEO codes "accused Syria of shelling" as 112 alone).
    Allege,
    /// Demanded that, insisted that: an appeal made as a demand, coded with CAMEO's demand
    /// codes (10x), which parallel the appeal codes (02x) digit for digit.
    Demand,
    /// Denied that, dismissed reports that: the framed act is denied, not asserted, and is
    /// not coded; the denial is the event (CAMEO 016, "deny responsibility").
    Deny,
}

impl FrameKind {
    fn parse(s: &str) -> Option<FrameKind> {
        Some(match s {
            "intent" => FrameKind::Intent,
            "appeal" => FrameKind::Appeal,
            "reject" => FrameKind::Reject,
            "negate" => FrameKind::Negate,
            "control" => FrameKind::Control,
            "allege" => FrameKind::Allege,
            "deny" => FrameKind::Deny,
            "demand" => FrameKind::Demand,
            _ => return None,
        })
    }

    /// The name used in `code_maps.tsv` and in the output's `modality`.
    pub fn as_str(self) -> &'static str {
        match self {
            FrameKind::Intent => "intent",
            FrameKind::Appeal => "appeal",
            FrameKind::Reject => "reject",
            FrameKind::Negate => "negate",
            FrameKind::Control => "control",
            FrameKind::Allege => "allege",
            FrameKind::Deny => "deny",
            FrameKind::Demand => "demand",
        }
    }

    /// The output's `modality` for an event this frame governs (a demand is an appeal).
    pub fn modality(self) -> &'static str {
        match self {
            FrameKind::Demand => "appeal",
            k => k.as_str(),
        }
    }
}

/// A framing word: its kind and whose subject the framed clause takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// What the word does to the framed event.
    pub kind: FrameKind,
    /// True when the framed verb's subject is this word's object (`urged Iraq to …`).
    pub object_control: bool,
}

/// What kind of referent a pronoun takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounKind {
    /// he, she, his, her: a person.
    Person,
    /// they, them, their: a group.
    Plural,
    /// I, we, us, our: the speaker of the quote it stands in.
    Speaker,
    /// its: a country or an organisation ("Britain recalled its ambassador").
    Thing,
}

/// All word lists.
#[derive(Debug)]
pub struct Words {
    speech: HashSet<String>,
    frames: HashMap<String, Frame>,
    /// Multiword framing phrases (`spare no effort`, `call on`), as lowercase word lists.
    pub frame_phrases: Vec<(Vec<String>, Frame)>,
    collective: HashSet<String>,
    person_roles: HashSet<String>,
    pronouns: HashMap<String, PronounKind>,
    pair_nouns: HashSet<String>,
    weapon_nouns: HashSet<String>,
    code_maps: HashMap<(FrameKind, String), String>,
    evaluative: HashMap<String, String>,
    /// Threat idioms (`data/threat_phrases.tsv`).
    pub threats: Vec<Threat>,
}

/// A threat idiom: its words (`*` is any word), CAMEO code, and whether the subject of its
/// clause threatens (`source`) or is threatened.
#[derive(Clone, Debug)]
pub struct Threat {
    /// Lowercase words; `*` matches any one word.
    pub words: Vec<String>,
    /// CAMEO code.
    pub code: String,
    /// The clause's subject is the one who threatens (else the one threatened).
    pub subject_threatens: bool,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn set(text: &str) -> HashSet<String> {
    lines(text).map(|l| l.to_lowercase()).collect()
}

impl Words {
    /// The built-in lists.
    pub fn embedded() -> Words {
        let mut frames = HashMap::new();
        let mut frame_phrases = Vec::new();
        for l in lines(include_str!("../data/frames.tsv")) {
            let cols: Vec<&str> = l.split('\t').collect();
            let (Some(word), Some(kind)) =
                (cols.first(), cols.get(1).and_then(|k| FrameKind::parse(k)))
            else {
                continue;
            };
            let frame = Frame {
                kind,
                object_control: cols.get(2) == Some(&"obj"),
            };
            let word = word.to_lowercase();
            if word.contains(' ') {
                frame_phrases.push((word.split(' ').map(str::to_string).collect(), frame));
            } else {
                frames.insert(word, frame);
            }
        }
        let mut pronouns = HashMap::new();
        for l in lines(include_str!("../data/pronouns.tsv")) {
            let mut cols = l.split('\t');
            let (Some(w), Some(k)) = (cols.next(), cols.next()) else {
                continue;
            };
            let kind = match k {
                "person" => PronounKind::Person,
                "plural" => PronounKind::Plural,
                "speaker" => PronounKind::Speaker,
                "thing" => PronounKind::Thing,
                _ => continue,
            };
            pronouns.insert(w.to_lowercase(), kind);
        }
        let mut code_maps = HashMap::new();
        for l in lines(include_str!("../data/code_maps.tsv")) {
            let cols: Vec<&str> = l.split('\t').collect();
            if let (Some(kind), Some(from), Some(to)) = (
                cols.first().and_then(|k| FrameKind::parse(k)),
                cols.get(1),
                cols.get(2),
            ) {
                code_maps.insert((kind, from.to_string()), to.to_string());
            }
        }
        Words {
            speech: set(include_str!("../data/speech_verbs.txt")),
            frames,
            frame_phrases,
            collective: set(include_str!("../data/collective_nouns.txt")),
            person_roles: set(include_str!("../data/person_roles.txt")),
            pronouns,
            pair_nouns: set(include_str!("../data/pair_nouns.txt")),
            weapon_nouns: set(include_str!("../data/weapon_nouns.txt")),
            code_maps,
            threats: lines(include_str!("../data/threat_phrases.tsv"))
                .filter_map(|l| {
                    let cols: Vec<&str> = l.split('\t').collect();
                    Some(Threat {
                        words: cols.first()?.split(' ').map(str::to_lowercase).collect(),
                        code: cols.get(1)?.trim().to_string(),
                        subject_threatens: cols.get(2)?.trim() == "source",
                    })
                })
                .collect(),
            evaluative: lines(include_str!("../data/evaluative.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(w, c)| (w.to_lowercase(), c.trim().to_string()))
                .collect(),
        }
    }

    /// The code of a judging predicate (`crime` → 1121), if it is one.
    pub fn evaluative(&self, lower: &str) -> Option<&str> {
        self.evaluative.get(lower).map(String::as_str)
    }

    /// True for a speech verb lemma (`say`, `add`, `tell`).
    pub fn is_speech(&self, lemma: &str) -> bool {
        self.speech.contains(lemma)
    }

    /// The frame a single word (lemma) sets up, if any.
    pub fn frame(&self, lemma: &str) -> Option<Frame> {
        self.frames.get(lemma).copied()
    }

    /// True for a collective head noun (`groups`, `forces`).
    pub fn is_collective(&self, lower: &str) -> bool {
        self.collective.contains(lower)
    }

    /// True for a singular person-role noun (`minister`, `chief`).
    pub fn is_person_role(&self, lower: &str) -> bool {
        self.person_roles.contains(lower)
    }

    /// The kind of a pronoun, if the coder resolves it.
    pub fn pronoun(&self, lower: &str) -> Option<PronounKind> {
        self.pronouns.get(lower).copied()
    }

    /// True for a month or weekday name ("Saturday"): never a person's name.
    pub fn is_calendar(&self, lower: &str) -> bool {
        sitrep_geo::DateResolver::embedded().is_ok_and(|r| r.words().is_calendar_word(lower))
    }

    /// True for a word naming a time in the date vocabulary (`data/geo/date_words.tsv`:
    /// months, weekdays, "today", "week", "morning", …).
    pub fn is_time_word(&self, lower: &str) -> bool {
        sitrep_geo::DateResolver::embedded().is_ok_and(|r| r.words().is_time_word(lower))
    }

    /// True for a noun of what a country attacks with (`missiles`, `jets`, `shelling`).
    pub fn is_weapon_noun(&self, lower: &str) -> bool {
        self.weapon_nouns.contains(lower)
    }

    /// True for the head of "the two countries".
    pub fn is_pair_noun(&self, lower: &str) -> bool {
        self.pair_nouns.contains(lower)
    }

    /// The code a framed event takes (`intent` of `062` is `0312`), by longest prefix;
    /// `None` when the table has no row: the framed event is not coded.
    pub fn map_code(&self, kind: FrameKind, code: &str) -> Option<String> {
        if kind == FrameKind::Demand {
            // CAMEO's demands (10x) parallel its appeals (02x): 0256 de-escalation → 1056.
            let appeal = self.map_code(FrameKind::Appeal, code)?;
            return Some(match appeal.strip_prefix("02") {
                Some(rest) => format!("10{rest}"),
                None => appeal,
            });
        }
        let mut n = code.len();
        while n >= 2 {
            if let Some(to) = code
                .get(..n)
                .and_then(|p| self.code_maps.get(&(kind, p.to_string())))
            {
                // A row mapping a root to itself keeps the full code.
                if to.len() == n && code.starts_with(to.as_str()) {
                    return Some(code.to_string());
                }
                return Some(to.clone());
            }
            n -= 1;
        }
        None
    }
}

/// Lemma of an English verb or noun form, by rule, for the word lists above (the verb
/// dictionaries carry their own inflections). Lowercase in, lowercase out.
pub fn lemma(lower: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("said", "say"),
        ("says", "say"),
        ("told", "tell"),
        ("wrote", "write"),
        ("written", "write"),
        ("made", "make"),
        ("held", "hold"),
        ("met", "meet"),
        ("went", "go"),
        ("gone", "go"),
        ("sought", "seek"),
        ("thought", "think"),
        ("led", "lead"),
        ("began", "begin"),
        ("begun", "begin"),
        ("gave", "give"),
        ("given", "give"),
        ("took", "take"),
        ("taken", "take"),
        ("was", "be"),
        ("were", "be"),
        ("is", "be"),
        ("are", "be"),
        ("been", "be"),
        ("am", "be"),
        ("'s", "be"),
        ("had", "have"),
        ("has", "have"),
        ("did", "do"),
        ("does", "do"),
        ("done", "do"),
        ("spoke", "speak"),
        ("spoken", "speak"),
        ("saw", "see"),
        ("seen", "see"),
        ("came", "come"),
        ("brought", "bring"),
        ("fought", "fight"),
        ("struck", "strike"),
        ("stricken", "strike"),
        ("shot", "shoot"),
        ("left", "leave"),
        ("sent", "send"),
        ("paid", "pay"),
        ("won", "win"),
        ("lost", "lose"),
        ("set", "set"),
        ("put", "put"),
        ("cut", "cut"),
        ("hit", "hit"),
        ("let", "let"),
        ("knew", "know"),
        ("known", "know"),
        ("forgave", "forgive"),
        ("forgiven", "forgive"),
        ("undertook", "undertake"),
        ("undertaken", "undertake"),
        ("spared", "spare"),
        ("agreed", "agree"),
        ("freed", "free"),
        ("fled", "flee"),
        ("threw", "throw"),
        ("thrown", "throw"),
        ("drove", "drive"),
        ("driven", "drive"),
        ("bore", "bear"),
        ("borne", "bear"),
        ("rose", "rise"),
        ("risen", "rise"),
        ("withdrew", "withdraw"),
        ("withdrawn", "withdraw"),
        ("overthrew", "overthrow"),
        ("overthrown", "overthrow"),
    ];
    if let Some((_, l)) = IRREGULAR.iter().find(|(f, _)| *f == lower) {
        return l.to_string();
    }
    let w = lower;
    let strip = |suffix: &str| w.strip_suffix(suffix).map(str::to_string);
    if let Some(stem) = strip("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    if let Some(stem) = strip("ied") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    for suffix in ["ing", "ed"] {
        if let Some(stem) = strip(suffix) {
            if stem.len() < 2 {
                break;
            }
            let b = stem.as_bytes();
            let n = b.len();
            // Doubled final consonant: planned → plan, committed → commit.
            if n >= 4 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e') {
                return stem[..n - 1].to_string();
            }
            // Silent e: urged → urge, declared → declare; but not for -eed/-oed stems.
            if needs_e(&stem) {
                return format!("{stem}e");
            }
            return stem;
        }
    }
    if let Some(stem) = strip("es") {
        if stem.ends_with("ss")
            || stem.ends_with("sh")
            || stem.ends_with("ch")
            || stem.ends_with('x')
            || stem.ends_with('z')
        {
            return stem;
        }
    }
    if let Some(stem) = strip("s") {
        if stem.len() >= 2 && !stem.ends_with('s') && !stem.ends_with('u') && !stem.ends_with('i') {
            return stem;
        }
    }
    w.to_string()
}

/// Whether a stem left by removing -ed/-ing needs its silent `e` back.
fn needs_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 {
        return false;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let last = b[n - 1];
    let prev = b[n - 2];
    // urg-e, declar-e, pledg-e, receiv-e, us-e, sav-e, rac-e, issu-e, continu-e
    if matches!(last, b'g' | b'v' | b'z' | b'c') && !(last == b'c' && prev == b'c') {
        return !(last == b'g' && prev == b'n'); // bring-ing stays
    }
    if last == b'u' || (n == 2 && vowel(prev) && !vowel(last)) {
        return true;
    }
    // consonant-vowel-consonant stems of one syllable mostly drop an e: declar(e), us(e)
    if !vowel(last)
        && vowel(prev)
        && n >= 3
        && !vowel(b[n - 3])
        && !matches!(last, b'w' | b'x' | b'y')
    {
        // visit-ed, open-ed, offer-ed keep their stem (two syllables ending in an unstressed vowel)
        let syllables = b.iter().filter(|&&c| vowel(c)).count();
        return syllables == 1
            || matches!(last, b'r' | b's') && matches!(prev, b'a' | b'i' | b'o' | b'u');
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas() {
        for (f, l) in [
            ("said", "say"),
            ("urged", "urge"),
            ("pledged", "pledge"),
            ("vowed", "vow"),
            ("planned", "plan"),
            ("visited", "visit"),
            ("seeking", "seek"),
            ("refused", "refuse"),
            ("agreed", "agree"),
            ("declared", "declare"),
            ("added", "add"),
            ("stressed", "stress"),
            ("offered", "offer"),
            ("countries", "country"),
            ("promises", "promise"),
            ("called", "call"),
            ("forced", "force"),
            ("insisted", "insist"),
            ("tried", "try"),
            ("hopes", "hope"),
            ("noted", "note"),
            ("asked", "ask"),
            ("committed", "commit"),
            ("using", "use"),
            ("continued", "continue"),
        ] {
            assert_eq!(lemma(f), l, "{f}");
        }
    }

    #[test]
    fn tables_load() {
        let w = Words::embedded();
        assert!(w.is_speech("say"));
        assert_eq!(w.frame("urge").map(|f| f.kind), Some(FrameKind::Appeal));
        assert!(w.frame("urge").is_some_and(|f| f.object_control));
        assert_eq!(
            w.map_code(FrameKind::Intent, "062").as_deref(),
            Some("0312")
        );
        assert_eq!(
            w.map_code(FrameKind::Intent, "0431").as_deref(),
            Some("036")
        );
        assert_eq!(w.map_code(FrameKind::Intent, "111").as_deref(), Some("111"));
        assert_eq!(
            w.map_code(FrameKind::Appeal, "071").as_deref(),
            Some("0231")
        );
        assert_eq!(w.map_code(FrameKind::Reject, "190"), None);
        assert_eq!(w.pronoun("he"), Some(PronounKind::Person));
        assert!(w
            .frame_phrases
            .iter()
            .any(|(p, _)| p.join(" ") == "spare no effort"));
    }
}
