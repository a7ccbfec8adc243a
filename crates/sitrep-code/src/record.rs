//! The output records of `sitrep code`, field for field as in SCHEMA.md.
//!
//! Offsets are byte offsets into the original input; every `text` field equals the original
//! text at its span. Fields may be added; the ones SCHEMA.md names keep their names and types.

use serde::Serialize;
use serde_json::{Map, Value};
use sitrep_text::{Document, Span};

/// A `{start, end}` pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SpanRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<Span> for SpanRecord {
    fn from(s: Span) -> SpanRecord {
        SpanRecord {
            start: s.start,
            end: s.end,
        }
    }
}

/// A span with the original text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `text[start..end]` of the original input.
    pub text: String,
}

impl TextSpan {
    /// The record for `span` of `doc`.
    pub fn new(doc: &Document, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: doc.slice(span).to_string(),
        }
    }
}

/// A piece of the input that cleanup set aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RemovedRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Why it was set aside.
    pub why: &'static str,
}

/// Dateline place and outlet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DatelineRecord {
    /// Place, display-cased (`Tehran`; `Kyiv` of `KYIV, Ukraine`).
    pub place: Option<String>,
    /// The region or country written after the place (`Ukraine` of `KYIV, Ukraine`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Outlet in parentheses (`Iran News`).
    pub outlet: Option<String>,
    /// The whole dateline's span.
    pub start: usize,
    /// End of the dateline.
    pub end: usize,
}

/// The `doc` object: metadata and cleanup results.
#[derive(Clone, Debug, Serialize)]
pub struct DocRecord {
    /// Document id.
    pub id: String,
    /// Title (from metadata or the text).
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Dateline, when the body opens with one.
    pub dateline: Option<DatelineRecord>,
    /// Source named by a trailer line or metadata.
    pub source: Option<String>,
    /// First to last kept byte.
    pub body: SpanRecord,
    /// What cleanup set aside.
    pub removed: Vec<RemovedRecord>,
    /// Invalid UTF-8 sequences replaced (only with `--lossy`; omitted when zero).
    #[serde(skip_serializing_if = "is_zero")]
    pub lossy_replacements: usize,
    /// Discard phrases found (PETRARCH discards): a story-level one drops every event of the
    /// document, a sentence-level one the events of its sentence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub discards: Vec<DiscardRecord>,
    /// Fields of the input record passed through unchanged (JSON Lines input).
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
}

/// A discard phrase found in the text.
#[derive(Clone, Debug, Serialize)]
pub struct DiscardRecord {
    /// Sentence index.
    pub sentence: usize,
    /// The phrase as written in the text.
    pub text: String,
    /// `story` or `sentence`.
    pub scope: &'static str,
    /// Dictionary file and line.
    pub dictionary: String,
    /// Start of the phrase.
    pub start: usize,
    /// End of the phrase.
    pub end: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl DocRecord {
    /// The `doc` object of a cleaned document.
    pub fn new(doc: &Document, meta: Map<String, Value>) -> DocRecord {
        DocRecord {
            id: doc.id.clone(),
            title: doc.title.clone(),
            date: doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
            dateline: doc.dateline.as_ref().map(|d| {
                let written = d
                    .place_name
                    .clone()
                    .or_else(|| d.place.map(|p| doc.slice(p).to_string()));
                let (place, region) = match written.as_deref().and_then(|w| w.split_once(',')) {
                    Some((p, r)) => (Some(p.trim().to_string()), Some(r.trim().to_string())),
                    None => (written, None),
                };
                DatelineRecord {
                    place,
                    region,
                    outlet: d.outlet.map(|o| doc.slice(o).to_string()),
                    start: d.span.start,
                    end: d.span.end,
                }
            }),
            source: doc.source.clone(),
            body: doc.body.into(),
            removed: doc
                .removed
                .iter()
                .map(|r| RemovedRecord {
                    start: r.span.start,
                    end: r.span.end,
                    why: r.why.as_str(),
                })
                .collect(),
            lossy_replacements: doc.lossy_replacements,
            discards: Vec::new(),
            meta,
        }
    }
}

/// One coded actor: a person, group, organisation or state, with every mention of it.
#[derive(Clone, Debug, Serialize)]
pub struct ActorRecord {
    /// `a1`, `a2`, … in order of first mention.
    pub id: String,
    /// Fullest proper name in the text, else the fullest description.
    pub name: String,
    /// CAMEO actor code (`IRNGOVMIL`).
    pub code: String,
    /// Country or region code (CAMEO / ISO alpha-3), if any.
    pub country: Option<String>,
    /// CAMEO role codes.
    pub sectors: Vec<String>,
    /// Title or role the text gives (`Defense Minister`).
    pub role: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<TextSpan>,
    /// How the code was reached (only with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<String>>,
}

/// One side of an event.
#[derive(Clone, Debug, Serialize)]
pub struct ParticipantRecord {
    /// Actor id, or `null` for a participant not in the actor list.
    pub actor: Option<String>,
    /// The mention's text.
    pub text: String,
    /// CAMEO actor code.
    pub code: String,
    /// Country code, if any.
    pub country: Option<String>,
    /// Role codes.
    pub sectors: Vec<String>,
    /// The mention's span.
    pub start: usize,
    /// End of the mention's span.
    pub end: usize,
}

/// Where an event happened.
#[derive(Clone, Debug, Serialize)]
pub struct LocationRecord {
    /// Place name (GeoNames name).
    pub name: String,
    /// Country code (alpha-3).
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id.
    pub geonameid: Option<u64>,
    /// `city`, `admin1`, `country` or `region`.
    pub precision: String,
    /// The mention the place came from (the dateline, or a place named in the sentence).
    pub mention: Option<TextSpan>,
}

/// Why an event was coded: the rule and dictionary entries behind it.
#[derive(Clone, Debug, Serialize)]
pub struct ExplainRecord {
    /// The verb or noun that triggered the event.
    pub trigger: TextSpan,
    /// The pattern that matched, as written in its dictionary.
    pub pattern: String,
    /// Dictionary file and line of the pattern (`CAMEO.2.0.txt:5580`).
    pub dictionary: String,
    /// The syntactic rule that found source and target (`nsubj → obj`, …).
    pub rule: String,
    /// Further notes (modality, negation, speaker substitution, coreference).
    pub notes: Vec<String>,
}

/// One coded event.
#[derive(Clone, Debug, Serialize)]
pub struct EventRecord {
    /// `e1`, `e2`, …
    pub id: String,
    /// Index into `sentences`.
    pub sentence: usize,
    /// Event date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `day`, `week`, `month` or `year`.
    pub date_precision: Option<String>,
    /// The date expression the date came from (absent: publication date).
    pub date_text: Option<TextSpan>,
    /// Who acted.
    pub source: ParticipantRecord,
    /// Who was acted upon (`null` when no target is identifiable).
    pub target: Option<ParticipantRecord>,
    /// CAMEO event code.
    pub cameo: String,
    /// First two digits of `cameo`.
    pub root: String,
    /// GDELT quad class (1 verbal cooperation … 4 material conflict); `null` only for a code
    /// outside CAMEO that a user's verb dictionary introduced.
    pub quad_class: Option<u8>,
    /// Goldstein score; `null` only for a code outside CAMEO (users' dictionaries).
    pub goldstein: Option<f64>,
    /// PLOVER event type, if the CAMEO code has one.
    pub plover: Option<String>,
    /// True when the text negates the event.
    pub negated: bool,
    /// `asserted`, `intent`, `appeal`, `reported`, … (how the text presents the event).
    pub modality: String,
    /// The sentence the event was read from.
    pub evidence: TextSpan,
    /// Where it happened.
    pub location: Option<LocationRecord>,
    /// The rule and pattern behind the event (only with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<ExplainRecord>,
}

/// Who said a quote.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerRecord {
    /// Actor id, if the speaker is a coded actor.
    pub actor: Option<String>,
    /// The speaker mention's text.
    pub text: String,
    /// The speaker mention's span.
    pub start: usize,
    /// End of the speaker mention's span.
    pub end: usize,
    /// Who the speaker mention refers to: the fullest name of its coreference chain ("he"
    /// → "Scott LaFoy"), also for people no dictionary or title codes (who have no actor
    /// record); `null` when the mention resolves to no one.
    pub name: Option<String>,
}

/// One quote.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteRecord {
    /// `q1`, `q2`, …
    pub id: String,
    /// Start of the quoted text (inside the marks).
    pub start: usize,
    /// End of the quoted text.
    pub end: usize,
    /// The quoted text.
    pub text: String,
    /// `direct` (in quotation marks) or `indirect` (`X said that …`).
    pub kind: &'static str,
    /// The speaker, `null` when none can be attributed.
    pub speaker: Option<SpeakerRecord>,
    /// How the speaker was found (only with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
}

/// A place named in the text, resolved to the gazetteer.
#[derive(Clone, Debug, Serialize)]
pub struct PlaceRecord {
    /// The mention.
    pub mention: TextSpan,
    /// Sentence index.
    pub sentence: usize,
    /// Resolved place name.
    pub name: String,
    /// GeoNames id.
    pub geonameid: Option<u64>,
    /// Country code (alpha-3).
    pub country: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// `city`, `admin1`, `country` or `region`.
    pub precision: String,
    /// Why this entry was chosen (only with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
}

/// Everything `sitrep code` says about one document.
#[derive(Clone, Debug, Serialize)]
pub struct CodedDocument {
    /// Metadata and cleanup.
    pub doc: DocRecord,
    /// Sentence spans, in order.
    pub sentences: Vec<SpanRecord>,
    /// Coded actors.
    pub actors: Vec<ActorRecord>,
    /// Coded events.
    pub events: Vec<EventRecord>,
    /// Quotes.
    pub quotes: Vec<QuoteRecord>,
    /// Places named in the text.
    pub places: Vec<PlaceRecord>,
}
