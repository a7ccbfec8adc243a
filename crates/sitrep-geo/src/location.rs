//! Event locations: the place an event happened, from its evidence span, its sentence or the
//! dateline, with the precision and the mention it came from.

use serde::Serialize;
use sitrep_text::Span;

use crate::place::{Place, Precision};
use crate::resolve::{PlaceMention, Places};

/// Where an event location came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationSource {
    /// A place mention inside the event's evidence span.
    Evidence,
    /// A place mention elsewhere in the event's sentence.
    Sentence,
    /// The dateline of the story.
    Dateline,
}

/// The location of one event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventLocation {
    /// The place.
    pub place: Place,
    /// How precise it is.
    pub precision: Precision,
    /// The mention (or dateline) it came from.
    pub mention: Span,
    /// Which rule found it.
    pub source: LocationSource,
}

impl Places {
    /// The location of an event in sentence `sentence` with evidence `evidence`: a place
    /// named where ("in Tehran", "visited Iran") inside the evidence, else in the sentence,
    /// else any town, division or region inside the evidence, else the dateline, else a country
    /// named inside the evidence. `None` when nothing supports a location.
    pub fn locate(&self, sentence: usize, evidence: Span) -> Option<EventLocation> {
        let in_sentence: Vec<&PlaceMention> = self
            .in_sentence(sentence)
            .filter(|m| !m.qualifier)
            .collect();
        let inside = |m: &&PlaceMention| evidence.contains(m.span) || evidence.overlaps(m.span);
        let from = |m: &PlaceMention, source| EventLocation {
            place: m.place.clone(),
            precision: m.precision,
            mention: m.span,
            source,
        };
        // Most precise first among equals: a town over a division over a country.
        fn best<'a>(ms: Vec<&&'a PlaceMention>) -> Option<&'a PlaceMention> {
            ms.into_iter().min_by_key(|m| m.precision).copied()
        }
        if let Some(m) = best(
            in_sentence
                .iter()
                .filter(|m| m.locative && inside(m))
                .collect(),
        ) {
            return Some(from(m, LocationSource::Evidence));
        }
        if let Some(m) = best(in_sentence.iter().filter(|m| m.locative).collect()) {
            return Some(from(m, LocationSource::Sentence));
        }
        if let Some(m) = best(
            in_sentence
                .iter()
                .filter(|m| inside(m) && m.precision != Precision::Country)
                .collect(),
        ) {
            return Some(from(m, LocationSource::Evidence));
        }
        if let Some(d) = &self.dateline {
            return Some(EventLocation {
                place: d.place.clone(),
                precision: d.place.kind.precision(),
                mention: d.span,
                source: LocationSource::Dateline,
            });
        }
        best(in_sentence.iter().filter(|m| inside(m)).collect())
            .map(|m| from(m, LocationSource::Evidence))
    }
}
