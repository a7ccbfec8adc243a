//! Places and dates for sitrep: a GeoNames gazetteer, toponym recognition and resolution,
//! event locations, and resolution of date expressions against the publication date.
//!
//! # Overview
//! - [`Gazetteer`]: places (countries, first-level divisions, cities ≥ 15,000, curated regions
//!   and water bodies) indexed by normalised name; [`Gazetteer::embedded`] loads the copy built
//!   into the binary from `data/geo/`.
//! - [`Geoparser`]: finds place mentions in a segmented [`sitrep_text::Document`] and resolves
//!   each to one entry with document context, giving [`Places`]: [`PlaceMention`]s with
//!   precision and reason, the dateline place, and [`Places::locate`] for event locations.
//! - [`DateResolver`]: finds date expressions in a sentence and resolves them against the
//!   publication date ([`DateMention`], [`nearest_date`]).
//! - [`builder`]: makes the embedded gazetteer from the GeoNames extract (`sitrep build-gazetteer`).
//!
//! Pipeline order: `sitrep_text::prepare` (and the tagger, when run) → [`Geoparser::parse`] and
//! [`DateResolver::sentence`] → the event coder asks [`Places::locate`] and [`nearest_date`].
//!
//! ```
//! use sitrep_geo::{DateResolver, Geoparser, Precision};
//! let mut doc = sitrep_text::Document::new("d", "Militants attacked northern Iraq on Sunday.");
//! doc.date = chrono::NaiveDate::from_ymd_opt(2022, 12, 5);
//! sitrep_text::prepare(&mut doc).unwrap();
//! let places = Geoparser::embedded().unwrap().parse(&doc, &[]);
//! assert_eq!(places.mentions[0].text, "northern Iraq");
//! assert_eq!(places.mentions[0].precision, Precision::Region);
//! let dates = DateResolver::embedded().unwrap().sentence(&doc, 0);
//! assert_eq!(dates[0].date.to_string(), "2022-12-04");
//! ```
#![deny(missing_docs)]

pub mod builder;
pub mod dates;
pub mod error;
pub mod gazetteer;
pub mod hash;
pub mod location;
pub mod normalize;
pub mod place;
pub mod resolve;
pub mod toponym;
pub mod words;

pub use dates::{nearest_date, DateMention, DatePrecision, DateResolver, DateWords};
pub use error::Error;
pub use gazetteer::{Gazetteer, NameMatch, PlaceId};
pub use location::{EventLocation, LocationSource};
pub use place::{CountryCode, LatLon, Place, PlaceKind, Precision};
pub use resolve::{DatelinePlace, Geoparser, PlaceMention, Places};
pub use words::ToponymWords;

/// A place-name check for the cleaner's datelines (`ISLAMABAD: …`): true for a city, country
/// or first-level division whose own name the word is, in the embedded gazetteer. `None` if
/// the gazetteer cannot be loaded.
pub fn known_place() -> Option<sitrep_text::KnownPlace> {
    let gaz = Gazetteer::embedded().ok()?;
    Some(sitrep_text::KnownPlace(std::sync::Arc::new(
        move |name: &str| {
            gaz.lookup(name).iter().any(|(p, m)| {
                m.primary
                    && matches!(
                        p.kind,
                        PlaceKind::City | PlaceKind::Country | PlaceKind::Admin1
                    )
            })
        },
    )))
}
