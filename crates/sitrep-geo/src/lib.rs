//! Places and dates for sitrep: a GeoNames gazetteer, toponym recognition and resolution,
//! event locations, and resolution of date expressions against the publication date.
//!
//! # Overview
//! - [`Gazetteer`]: places (countries, first-level divisions, cities ≥ 15,000, curated regions
//!   and water bodies) indexed by normalised name; [`Gazetteer::embedded`] loads the copy built
//!   into the binary from `data/geo/`.
//! - [`builder`]: makes that copy from the GeoNames extract (`sitrep build-gazetteer`).
#![deny(missing_docs)]

pub mod builder;
pub mod error;
pub mod gazetteer;
pub mod normalize;
pub mod place;
pub mod words;

pub use error::Error;
pub use gazetteer::{Gazetteer, NameMatch, PlaceId};
pub use place::{CountryCode, LatLon, Place, PlaceKind, Precision};
pub use words::ToponymWords;
