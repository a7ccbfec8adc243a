//! Verb transformations (`CAMEO.2.0.txt`, section TRANSFORMATIONS): rewrite an event nested
//! under a verb of saying or wanting into one event.
//!
//! `~ a (a b ATTACK) SAY = a b 015`: when `a` says that `a` attacked `b`, code one event
//! `a b 015` (PETRARCH2 `VerbPhrase.match_transform`). Variables are single letters; `_`
//! means "anyone", `.` "nobody"; a verb is named by a lemma whose code is looked up, or `Q`
//! for any code; a result code `Q` keeps the nested event's code.

use serde::Serialize;

use crate::error::Origin;

/// An actor position in a transformation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransformVar {
    /// A named variable (`a`, `b`): the same letter means the same actor.
    Named(char),
    /// `_`: any actor.
    Any,
    /// `.`: no actor.
    Nobody,
}

/// The verb of a transformation node.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransformVerb {
    /// A verb lemma (`SAY`, `ATTACK`; `WILL_ATTACK` for a compound): its code decides.
    Lemma(Box<str>),
    /// `Q`: any event code.
    AnyCode,
}

/// The target of a transformation node: an actor or a nested event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransformTarget {
    /// An actor.
    Actor(TransformVar),
    /// A nested event (`(a b ATTACK)`).
    Event(Box<TransformNode>),
}

/// `source target VERB`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct TransformNode {
    /// Who.
    pub source: TransformVar,
    /// To whom, or the nested event.
    pub target: TransformTarget,
    /// Which verb.
    pub verb: TransformVerb,
}

/// The code a transformation produces.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransformCode {
    /// This CAMEO code.
    Code(Box<str>),
    /// `Q`: the nested event's code.
    Inherit,
}

/// One transformation rule.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Transformation {
    /// The event structure to find.
    pub pattern: TransformNode,
    /// Source of the resulting event.
    pub source: TransformVar,
    /// Target of the resulting event.
    pub target: TransformVar,
    /// Its code.
    pub code: TransformCode,
    /// File and line.
    pub origin: Origin,
}

fn var(tok: &str) -> Result<TransformVar, String> {
    match tok {
        "_" => Ok(TransformVar::Any),
        "." => Ok(TransformVar::Nobody),
        t if t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase()) => {
            Ok(TransformVar::Named(t.chars().next().unwrap_or('_')))
        }
        t => Err(format!("{t:?} is not a variable (a-z, _ or .)")),
    }
}

fn verb(tok: &str) -> Result<TransformVerb, String> {
    if tok == "Q" {
        Ok(TransformVerb::AnyCode)
    } else if !tok.is_empty()
        && tok
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c == '-')
    {
        Ok(TransformVerb::Lemma(tok.into()))
    } else {
        Err(format!("{tok:?} is not a verb or Q"))
    }
}

fn node(toks: &[&str], i: &mut usize) -> Result<TransformNode, String> {
    let mut next = || {
        let t = toks
            .get(*i)
            .copied()
            .ok_or("transformation ends too early")?;
        *i += 1;
        Ok::<&str, String>(t)
    };
    let source = var(next()?)?;
    let t = next()?;
    let target = if t == "(" {
        let inner = node(toks, i)?;
        if toks.get(*i) != Some(&")") {
            return Err("'(' without ')'".into());
        }
        *i += 1;
        TransformTarget::Event(Box::new(inner))
    } else {
        TransformTarget::Actor(var(t)?)
    };
    let t = toks
        .get(*i)
        .copied()
        .ok_or("transformation ends too early")?;
    *i += 1;
    Ok(TransformNode {
        source,
        target,
        verb: verb(t)?,
    })
}

/// Parse a `~ ...` line (without the `~`).
pub(crate) fn parse(body: &str, origin: Origin) -> Result<Transformation, String> {
    let (lhs, rhs) = body.split_once('=').ok_or("transformation without '='")?;
    let spaced = lhs.replace('(', " ( ").replace(')', " ) ");
    let toks: Vec<&str> = spaced.split_whitespace().collect();
    let mut i = 0;
    let pattern = node(&toks, &mut i)?;
    if i != toks.len() {
        return Err(format!("unexpected {:?} in transformation", toks[i]));
    }
    let r: Vec<&str> = rhs.split_whitespace().collect();
    let [s, t, c] = r.as_slice() else {
        return Err("result must be `source target code`".into());
    };
    let code = match *c {
        "Q" => TransformCode::Inherit,
        c if c.chars().all(|ch| ch.is_ascii_alphanumeric()) => TransformCode::Code(c.into()),
        c => return Err(format!("bad code {c:?}")),
    };
    Ok(Transformation {
        pattern,
        source: var(s)?,
        target: var(t)?,
        code,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn o() -> Origin {
        Origin {
            file: Arc::from("t"),
            line: 1,
        }
    }

    #[test]
    fn parses_nested_transformations() {
        let t = parse(" a (a b ATTACK) SAY = a b 015", o()).unwrap();
        assert_eq!(t.pattern.source, TransformVar::Named('a'));
        assert_eq!(t.pattern.verb, TransformVerb::Lemma("SAY".into()));
        let TransformTarget::Event(inner) = &t.pattern.target else {
            panic!("nested")
        };
        assert_eq!(
            inner.target,
            TransformTarget::Actor(TransformVar::Named('b'))
        );
        assert_eq!(t.code, TransformCode::Code("015".into()));
        let t = parse(" a (b . ATTACK ) WANT = a b 021", o()).unwrap();
        let TransformTarget::Event(inner) = &t.pattern.target else {
            panic!("nested")
        };
        assert_eq!(inner.target, TransformTarget::Actor(TransformVar::Nobody));
        let t = parse(" a (a b Q) SAY = a b Q", o()).unwrap();
        assert_eq!(t.code, TransformCode::Inherit);
        assert!(parse(" a (a b ATTACK SAY = a b 015", o()).is_err());
        assert!(parse(" a (a b ATTACK) SAY", o()).is_err());
        assert!(parse(" A b SAY = a b 1", o()).is_err());
    }
}
