//! The dictionary and codebook files built into the binary (from `data/dict/`).
//!
//! Origins and licences are in `data/dict/SOURCE.md`. Each constant is a [`DictSource`]
//! whose name is the file name, so `--explain` output names the same file a user can open.

use crate::source::DictSource;

macro_rules! embed {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub const $name: DictSource =
            DictSource::Embedded($file, include_str!(concat!("../../../data/dict/", $file)));
    };
}

embed!(
    /// CAMEO event codes with Goldstein, quad class and PLOVER columns.
    CAMEO_EVENTS,
    "cameo_events.tsv"
);
embed!(
    /// PLOVER event types, modes and contexts (CC BY-SA 4.0).
    PLOVER,
    "plover.tsv"
);
embed!(
    /// CAMEO actor type (sector) codes.
    CAMEO_ACTOR_TYPES,
    "cameo_actor_types.tsv"
);
embed!(
    /// Countries, territories and regions (ODbL 1.0).
    COUNTRIES,
    "countries.tsv"
);
embed!(
    /// CAMEO known-group codes with aliases.
    KNOWN_GROUPS,
    "known_groups.tsv"
);
embed!(
    /// CAMEO ethnic codes.
    CAMEO_ETHNIC,
    "cameo_ethnic.tsv"
);
embed!(
    /// CAMEO religion codes.
    CAMEO_RELIGION,
    "cameo_religion.tsv"
);
embed!(
    /// PETRARCH2's CAMEO verb dictionary (PETRARCH-2 format).
    CAMEO_VERBS,
    "CAMEO.2.0.txt"
);
embed!(
    /// sitrep's own verb additions, in the CAMEO.2.0 format, loaded after `CAMEO.2.0.txt`.
    SITREP_VERBS,
    "sitrep.verbs.txt"
);
embed!(
    /// Phoenix country actors: names, cities, date-bounded office holders.
    PHOENIX_COUNTRIES,
    "Phoenix.Countries.actors.txt"
);
embed!(
    /// Phoenix international actors: IGOs, NGOs, international figures.
    PHOENIX_INTERNATIONAL,
    "Phoenix.International.actors.txt"
);
embed!(
    /// Phoenix militant and non-state armed groups.
    PHOENIX_MILNONSTATE,
    "Phoenix.MilNonState.actors.txt"
);
embed!(
    /// sitrep's actor additions (office holders since the Phoenix files were written), in the
    /// Phoenix actor format, loaded after them.
    SITREP_ACTORS,
    "sitrep.actors.txt"
);
embed!(
    /// sitrep's organisation additions (IGOs and NGOs Phoenix lacks: the African Union, the
    /// EU by its acronym, the GCC, the OSCE, ...), in the Phoenix actor format.
    SITREP_ORGANISATIONS,
    "sitrep.organisations.txt"
);
embed!(
    /// Phoenix agent nouns (minister, police, rebels) to sector codes.
    PHOENIX_AGENTS,
    "Phoenix.agents.txt"
);
embed!(
    /// sitrep's own agent additions, loaded after `Phoenix.agents.txt`.
    SITREP_AGENTS,
    "sitrep.agents.txt"
);
embed!(
    /// Phoenix discard phrases (sentence and story level).
    PHOENIX_DISCARDS,
    "Phoenix.discards.txt"
);

/// Every embedded file, for listing (`sitrep dict --list`) and size accounting.
pub const ALL: &[DictSource] = &[
    CAMEO_EVENTS,
    PLOVER,
    CAMEO_ACTOR_TYPES,
    COUNTRIES,
    KNOWN_GROUPS,
    CAMEO_ETHNIC,
    CAMEO_RELIGION,
    CAMEO_VERBS,
    SITREP_VERBS,
    PHOENIX_COUNTRIES,
    PHOENIX_INTERNATIONAL,
    PHOENIX_MILNONSTATE,
    PHOENIX_AGENTS,
    SITREP_ACTORS,
    SITREP_ORGANISATIONS,
    SITREP_AGENTS,
    PHOENIX_DISCARDS,
];
