//! Codebook lookups on the embedded tables.

use sitrep_dict::codebook::{CountryKind, CountryNameKind, GroupKind, QuadClass};
use sitrep_dict::{Codebook, CodebookSources, DictSource, Dictionaries};

fn cb() -> &'static Codebook {
    &Dictionaries::embedded().codebook
}

#[test]
fn event_codes() {
    let e = cb().event("0312").expect("0312");
    assert_eq!(
        (e.goldstein, e.quad_class, e.root()),
        (5.2, QuadClass::VerbalCooperation, "03")
    );
    assert_eq!(e.plover.as_deref(), Some("AGREE"));
    assert_eq!(e.plover_context, vec![Box::from("military")]);
    let e = cb().event("190").expect("190");
    assert_eq!(
        (e.plover.as_deref(), e.quad_class.number(), e.goldstein),
        (Some("ASSAULT"), 4, -10.0)
    );
    assert_eq!(
        cb().event("010").and_then(|e| e.plover.as_deref()),
        None,
        "PLOVER drops root 01"
    );
    assert!(
        cb().is_valid_event_code("1823")
            && !cb().is_valid_event_code("999")
            && !cb().is_valid_event_code("")
    );
    assert!(cb().events().len() >= 300);
    let serialized = serde_json::to_value(cb().event("173").expect("173")).unwrap_or_default();
    assert_eq!(serialized["quad_class"], 4);
    let assault = cb().plover_event("ASSAULT").expect("ASSAULT");
    assert_eq!(assault.quad_class, Some(QuadClass::MaterialConflict));
}

#[test]
fn actor_code_validity() {
    for ok in [
        "IRNGOVMIL",
        "USA",
        "USAGOV",
        "IGOWSTNAT",
        "NGOHLHIRC",
        "SYRREB",
        "IRQMUSSHI",
        "MEA",
    ] {
        assert!(cb().is_valid_actor_code(ok), "{ok}");
    }
    for bad in ["XYZQQQ", "IRNGOVQQQ", "IRNG", "", "irngov", "IRN-GOV"] {
        assert!(!cb().is_valid_actor_code(bad), "{bad}");
    }
    assert_eq!(
        cb().unknown_pieces("IRNGOVQQQ").collect::<Vec<_>>(),
        ["QQQ"]
    );
    assert_eq!(cb().unknown_pieces("IRNG").collect::<Vec<_>>(), ["IRNG"]);
    assert_eq!(cb().actor_type("GOV").map(|t| &*t.name), Some("Government"));
}

#[test]
fn most_phoenix_codes_are_valid() {
    let d = Dictionaries::embedded();
    let codes: Vec<&str> = d
        .actors
        .entries()
        .iter()
        .flat_map(|e| e.codes.iter().filter_map(|c| c.code.as_deref()))
        .collect();
    let valid = codes
        .iter()
        .filter(|c| d.codebook.is_valid_actor_code(c))
        .count();
    let share = valid as f64 / codes.len() as f64;
    eprintln!(
        "{valid} of {} Phoenix actor codes split into codebook pieces ({share:.3})",
        codes.len()
    );
    assert!(share > 0.95, "{share}");
    assert!(d.is_known_actor_code("IGOUNOKID"));
}

#[test]
fn countries_by_code_name_demonym_capital() {
    let cb = cb();
    let irn = cb.country("IRN").expect("IRN");
    assert_eq!(
        (&*irn.name, irn.kind, irn.iso2.as_deref()),
        ("Iran", CountryKind::State, Some("IR"))
    );
    for w in ["Iranian", "Iranians", "IRANIAN", "Persian"] {
        assert_eq!(
            cb.country_by_demonym(w).map(|c| &*c.code),
            Some("IRN"),
            "{w}"
        );
    }
    assert_eq!(
        cb.country_by_capital("Tehran").map(|c| &*c.code),
        Some("IRN")
    );
    assert_eq!(cb.country_by_name("Persia").map(|c| &*c.code), Some("IRN"));
    assert_eq!(cb.country_by_name("U.S.").map(|c| &*c.code), Some("USA"));
    assert_eq!(cb.country_by_name("US").map(|c| &*c.code), Some("USA"));
    assert!(
        cb.country_by_name("us").is_none(),
        "acronyms match case-sensitively"
    );
    assert_eq!(cb.country_by_iso2("IQ").map(|c| &*c.code), Some("IRQ"));
    assert_eq!(cb.countries_by_demonym("Congolese").count(), 2);
    assert_eq!(
        cb.country_by_any("Kabul").map(|(c, k)| (&*c.code, k)),
        Some(("AFG", CountryNameKind::Capital))
    );
    assert_eq!(
        cb.country_by_any("Iraqi").map(|(c, k)| (&*c.code, k)),
        Some(("IRQ", CountryNameKind::Demonym))
    );
    assert_eq!(
        cb.country_by_native_name("Bundesrepublik Deutschland")
            .map(|c| &*c.code),
        Some("DEU")
    );
    assert_eq!(
        cb.country("SUN").map(|c| c.kind),
        Some(CountryKind::Historical)
    );
}

#[test]
fn groups_religions_ethnic() {
    let cb = cb();
    let nato = cb.known_group_by_name("NATO").expect("NATO");
    assert_eq!((&*nato.code, nato.kind), ("NAT", GroupKind::Igo));
    assert_eq!(
        cb.known_group("HMS").map(|g| g.kind),
        Some(GroupKind::Armed)
    );
    assert_eq!(cb.religion_by_form("Shiite").map(|r| &*r.code), Some("SHI"));
    assert_eq!(
        cb.religion("MOS").and_then(|r| r.phoenix_code.as_deref()),
        Some("MUS")
    );
    assert!(cb
        .ethnic_groups_by_form("Kurds")
        .any(|e| e.code.eq_ignore_ascii_case("kur")));
}

#[test]
fn malformed_codebook_rows_are_reported_and_skipped() {
    let sources = CodebookSources {
        events: DictSource::text(
            "ev.tsv",
            "code\tname\tgoldstein\tquad_class\tplover\n0312\tX\t5.2\t1\tAGREE\nABC\tbad\t1\t1\t\n0313\tY\tnan?\t1\t\n0314\tZ\t1.0\t7\t\n0315\tshort\n",
        ),
        ..CodebookSources::default()
    };
    let (cb, diags) = Codebook::load(&sources).expect("in-memory sources");
    let mut at: Vec<String> = diags.iter().map(|d| d.origin.to_string()).collect();
    at.sort();
    assert_eq!(
        at,
        ["ev.tsv:3", "ev.tsv:4", "ev.tsv:5", "ev.tsv:6"],
        "{diags:#?}"
    );
    assert_eq!(cb.events().len(), 1);
    assert!(cb.country("IRN").is_some(), "other tables still load");
}
