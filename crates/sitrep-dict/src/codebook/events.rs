//! CAMEO event codes with Goldstein scores, quad classes and the PLOVER crosswalk.

use serde::Serialize;

/// GDELT's QuadClass: the four-way split of CAMEO roots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub enum QuadClass {
    /// 1: roots 01–05.
    VerbalCooperation = 1,
    /// 2: roots 06–08.
    MaterialCooperation = 2,
    /// 3: roots 09–13.
    VerbalConflict = 3,
    /// 4: roots 14–20.
    MaterialConflict = 4,
}

impl QuadClass {
    /// From the number used in the tables (1–4).
    pub fn from_number(n: u8) -> Option<QuadClass> {
        match n {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// The number written in the output (`quad_class`).
    pub fn number(self) -> u8 {
        self as u8
    }
}

impl From<QuadClass> for u8 {
    fn from(q: QuadClass) -> u8 {
        q.number()
    }
}

/// One CAMEO event code (`cameo_events.tsv`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventCode {
    /// The code: `0312`, `190`, `01`.
    pub code: Box<str>,
    /// GDELT's name for it.
    pub name: Box<str>,
    /// Goldstein conflict–cooperation score, −10 to +10.
    pub goldstein: f64,
    /// Quad class.
    pub quad_class: QuadClass,
    /// PLOVER event type (`AGREE`, `ASSAULT`); `None` for roots 01 and 02, which PLOVER drops.
    pub plover: Option<Box<str>>,
    /// PLOVER mode, when the crosswalk gives one.
    pub plover_mode: Option<Box<str>>,
    /// PLOVER contexts (`military`, `economic`, ...).
    pub plover_context: Vec<Box<str>>,
    /// Line in `cameo_events.tsv`.
    pub line: u32,
}

impl EventCode {
    /// The two-digit root (`03` for `0312`).
    pub fn root(&self) -> &str {
        code_root(&self.code)
    }
}

/// The two-digit root of a CAMEO event code (`03` for `0312`, `19` for `190`).
pub fn code_root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// What a row of `plover.tsv` describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PloverKind {
    /// One of the 16 event types.
    Event,
    /// A mode of an event type.
    Mode,
    /// A context.
    Context,
    /// An auxiliary mode (historical, future, hypothetical, negation).
    Auxiliary,
}

/// One row of `plover.tsv`: an event type, mode, context or auxiliary mode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PloverEntry {
    /// Kind of row.
    pub kind: PloverKind,
    /// Event type the row belongs to (empty for contexts).
    pub event_type: Box<str>,
    /// Name of the type, mode or context.
    pub name: Box<str>,
    /// Quad class, where the manual gives one.
    pub quad_class: Option<QuadClass>,
    /// Whether the type requires a recipient, where the manual says.
    pub requires_recipient: Option<bool>,
    /// The manual's conflict–cooperation score, where it gives one.
    pub score: Option<f64>,
    /// One-line definition.
    pub definition: Box<str>,
}
