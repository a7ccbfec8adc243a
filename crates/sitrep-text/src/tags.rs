//! Closed tag sets: Universal POS tags, Penn Treebank XPOS tags and UD dependency relations.
//!
//! Tags are small `Copy` enums so that every later stage matches on them (`DepRel::Nsubj`)
//! instead of comparing strings, and a token stays a few bytes wide.

use serde::{Deserialize, Serialize};

macro_rules! tagset {
    ($(#[$m:meta])* $name:ident, default = $default:ident, { $($variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(into = "&'static str", try_from = "String")]
        #[repr(u8)]
        pub enum $name {
            $(
                #[doc = concat!("Tag ", stringify!($s), ".")]
                $variant,
            )+
            #[doc = "Stands for no tag assigned yet."]
            #[default]
            $default,
        }

        impl $name {
            /// Every value of the tag set, in declaration order (without the default).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The tag as written in CoNLL-U.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $s,)+
                    $name::$default => "_",
                }
            }

            /// Parse a tag as written in CoNLL-U; `None` for an unknown tag.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($s => Some($name::$variant),)+
                    "_" => Some($name::$default),
                    _ => None,
                }
            }

            /// Dense index of the tag, for feature and weight tables.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The tag with the given dense index.
            pub fn from_index(i: usize) -> Option<$name> {
                if i < Self::ALL.len() { Some(Self::ALL[i]) } else if i == Self::ALL.len() { Some($name::$default) } else { None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<$name> for &'static str {
            fn from(t: $name) -> &'static str {
                t.as_str()
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<$name, String> {
                $name::parse(&s).ok_or_else(|| format!("unknown {} tag {s:?}", stringify!($name)))
            }
        }
    };
}

tagset!(
    /// Universal part-of-speech tag (UD v2).
    Upos, default = None, {
        Adj => "ADJ", Adp => "ADP", Adv => "ADV", Aux => "AUX", Cconj => "CCONJ", Det => "DET",
        Intj => "INTJ", Noun => "NOUN", Num => "NUM", Part => "PART", Pron => "PRON", Propn => "PROPN",
        Punct => "PUNCT", Sconj => "SCONJ", Sym => "SYM", Verb => "VERB", X => "X",
    }
);

tagset!(
    /// Penn Treebank tag as used by UD English (EWT, GUM) in the XPOS column.
    Xpos, default = None, {
        Cc => "CC", Cd => "CD", Dt => "DT", Ex => "EX", Fw => "FW", In => "IN", Jj => "JJ", Jjr => "JJR",
        Jjs => "JJS", Ls => "LS", Md => "MD", Nn => "NN", Nns => "NNS", Nnp => "NNP", Nnps => "NNPS",
        Pdt => "PDT", Pos => "POS", Prp => "PRP", PrpS => "PRP$", Rb => "RB", Rbr => "RBR", Rbs => "RBS",
        Rp => "RP", Sym => "SYM", To => "TO", Uh => "UH", Vb => "VB", Vbd => "VBD", Vbg => "VBG",
        Vbn => "VBN", Vbp => "VBP", Vbz => "VBZ", Wdt => "WDT", Wp => "WP", WpS => "WP$", Wrb => "WRB",
        Comma => ",", Period => ".", Colon => ":", OpenQuote => "``", CloseQuote => "''",
        Lrb => "-LRB-", Rrb => "-RRB-", Hyph => "HYPH", Nfp => "NFP", Dollar => "$", Add => "ADD",
        Afx => "AFX", Gw => "GW", Xx => "XX",
    }
);

tagset!(
    /// Universal Dependencies relation, with the English subtypes of EWT and GUM.
    DepRel, default = None, {
        Acl => "acl", AclRelcl => "acl:relcl", Advcl => "advcl", AdvclRelcl => "advcl:relcl",
        Advmod => "advmod", Amod => "amod", Appos => "appos", Aux => "aux", AuxPass => "aux:pass",
        Case => "case", Cc => "cc", CcPreconj => "cc:preconj", Ccomp => "ccomp", Clf => "clf",
        Compound => "compound", CompoundPrt => "compound:prt", Conj => "conj", Cop => "cop",
        Csubj => "csubj", CsubjOuter => "csubj:outer", CsubjPass => "csubj:pass", Dep => "dep",
        Det => "det", DetPredet => "det:predet", Discourse => "discourse", Dislocated => "dislocated",
        Expl => "expl", Fixed => "fixed", Flat => "flat", Goeswith => "goeswith", Iobj => "iobj",
        List => "list", Mark => "mark", Nmod => "nmod", NmodDesc => "nmod:desc", NmodPoss => "nmod:poss",
        NmodUnmarked => "nmod:unmarked", NmodTmod => "nmod:tmod", NmodNpmod => "nmod:npmod",
        Nsubj => "nsubj", NsubjOuter => "nsubj:outer", NsubjPass => "nsubj:pass", Nummod => "nummod",
        Obj => "obj", Obl => "obl", OblAgent => "obl:agent", OblUnmarked => "obl:unmarked",
        OblTmod => "obl:tmod", OblNpmod => "obl:npmod", Orphan => "orphan", Parataxis => "parataxis",
        Punct => "punct", Reparandum => "reparandum", Root => "root", Vocative => "vocative",
        Xcomp => "xcomp",
    }
);

impl DepRel {
    /// The universal part of the relation (`nsubj:pass` → `nsubj`), as a relation.
    pub fn base(self) -> DepRel {
        let s = self.as_str();
        match s.split_once(':') {
            Some((b, _)) => DepRel::parse(b).unwrap_or(self),
            None => self,
        }
    }

    /// True for the subject relations (`nsubj`, `nsubj:pass`, `nsubj:outer`, `csubj…`).
    pub fn is_subject(self) -> bool {
        matches!(self.base(), DepRel::Nsubj | DepRel::Csubj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip() {
        for t in Upos::ALL {
            assert_eq!(Upos::parse(t.as_str()), Some(*t));
            assert_eq!(Upos::from_index(t.index()), Some(*t));
        }
        for t in Xpos::ALL {
            assert_eq!(Xpos::parse(t.as_str()), Some(*t));
        }
        for t in DepRel::ALL {
            assert_eq!(DepRel::parse(t.as_str()), Some(*t));
        }
        assert_eq!(DepRel::NsubjPass.base(), DepRel::Nsubj);
        assert!(DepRel::CsubjPass.is_subject());
        assert_eq!(Xpos::parse("PRP$"), Some(Xpos::PrpS));
        assert_eq!(Upos::parse("BOGUS"), None);
    }
}
