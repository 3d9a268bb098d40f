//! The embedded catalogue against the report: counts the report prints, the priorities its
//! spotlights state, joint commitments, participants, and every French text field found
//! verbatim in the source text (`../shared/source/`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use localaction::catalogue::embedded::catalogue;
use localaction::catalogue::{Compact, ParticipantGroup, SubmitterKind};

const SOURCE: &str = "../shared/source/000_34d0cc45fcbbbc82.txt";

fn source_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SOURCE);
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "the source report {} is needed to check the catalogue: {error}",
            path.display()
        )
    })
}

/// Whitespace runs become one space, and the report's typographic apostrophes and quotes
/// are compared as typed: the PDF extraction mixes both.
fn normalise(text: &str) -> String {
    let unified: String = text
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect();
    unified.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seventy_seven_actions_with_unique_ids() {
    let catalogue = catalogue();
    assert_eq!(catalogue.len(), 77);
    let ids: BTreeSet<&str> = catalogue.actions().map(|action| action.id).collect();
    assert_eq!(ids.len(), 77, "ids are not unique");
    for action in catalogue.actions() {
        assert!(
            action
                .id
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-'),
            "{} is not an ASCII slug",
            action.id
        );
        assert!(
            action.id.starts_with(&action.year.to_string()),
            "{}",
            action.id
        );
    }
}

/// The report's cover and the headings of the sections its actions are printed under are
/// the source's own lines, and the source file is the one transcribed.
#[test]
fn reports_and_sections_are_printed_as_the_source_prints_them() {
    let catalogue = catalogue();
    let source = source_text();
    let lines: Vec<&str> = source.lines().collect();
    let [report] = catalogue.reports() else {
        panic!("one report: {:?}", catalogue.reports());
    };
    assert!(
        SOURCE.ends_with(report.source_file),
        "{}",
        report.source_file
    );
    let (first, last) = report.source_lines;
    let cover = normalise(&lines[first as usize - 1..last as usize].join(" "));
    assert_eq!(
        cover,
        normalise(&format!("{} {}", report.title, report.edition))
    );
    assert!(report.edition.ends_with(&report.year.to_string()));
    let sections = &catalogue.tables.sections;
    assert_eq!(sections.len(), 2);
    for section in sections {
        assert_eq!(
            normalise(lines[section.source_line as usize - 1]),
            normalise(section.heading),
            "{}",
            section.id
        );
        // Every action of the section is of its collection, and printed after its heading.
        for action in catalogue.actions() {
            if catalogue.section_id(&action) == section.id {
                assert_eq!(action.year, section.collection, "{}", action.id);
                assert!(action.source_lines.0 > section.source_line, "{}", action.id);
            }
        }
    }
    assert!(
        catalogue
            .tables
            .figures
            .iter()
            .all(|figure| figure.report == report.id)
    );
}

#[test]
fn the_2023_submissions_count_as_the_records_print_them() {
    let catalogue = catalogue();
    let submissions: Vec<_> = catalogue
        .actions()
        .filter(|action| action.year == 2023)
        .collect();
    assert_eq!(submissions.len(), 54);
    let mut by_compact: BTreeMap<Compact, usize> = BTreeMap::new();
    for action in &submissions {
        assert_eq!(
            catalogue.section_id(action),
            "submissions-2023",
            "{}",
            action.id
        );
        let compact = action
            .compact
            .unwrap_or_else(|| panic!("{} has no compact", action.id));
        *by_compact.entry(compact).or_default() += 1;
        assert!(action.duration.is_some(), "{} has no duration", action.id);
    }
    assert_eq!(
        by_compact,
        BTreeMap::from([
            (Compact::Mirror, 33),
            (Compact::Gcr, 15),
            (Compact::Gcm, 5),
            (Compact::Idp, 1)
        ])
    );
}

#[test]
fn each_2022_write_up_carries_the_priority_it_is_printed_under() {
    let catalogue = catalogue();
    let write_ups: Vec<_> = catalogue
        .actions()
        .filter(|action| action.year == 2022)
        .collect();
    assert_eq!(write_ups.len(), 23);
    // Each spotlight section runs from its heading to the next one's.
    let headings: Vec<(u8, u32)> = catalogue
        .tables
        .priorities
        .iter()
        .map(|priority| (priority.number, priority.source_lines.0))
        .collect();
    assert_eq!(headings.len(), 8);
    let mut per_priority: BTreeMap<u8, usize> = BTreeMap::new();
    for action in &write_ups {
        assert_eq!(
            catalogue.section_id(action),
            "priorities-2022",
            "{}",
            action.id
        );
        assert_eq!(
            action.compact, None,
            "{}: 2022 write-ups state no compact",
            action.id
        );
        let section = headings
            .iter()
            .rev()
            .find(|(_, line)| *line <= action.source_lines.0)
            .map(|(number, _)| *number)
            .unwrap_or_else(|| panic!("{} lies before the spotlight sections", action.id));
        assert_eq!(action.priorities_stated, vec![section], "{}", action.id);
        assert!(action.priorities.contains(&section));
        *per_priority.entry(section).or_default() += 1;
    }
    assert_eq!(
        per_priority.into_values().collect::<Vec<_>>(),
        vec![3, 3, 3, 3, 3, 2, 3, 3]
    );
}

#[test]
fn the_seven_spotlit_2023_submissions_carry_their_stated_priority() {
    let catalogue = catalogue();
    let expected = [
        ("2023-brazil-national-welcoming-cities-network", 1),
        ("2023-amman-climate-academy", 2),
        ("2023-tlaxcala-dual-nationality", 3),
        ("2023-dallas-community-ambassadors", 4),
        ("2023-laguna-province-migration-resource-center", 5),
        ("2023-welcoming-america-welcoming-week", 6),
        ("2023-galati-refugee-livelihoods", 7),
    ];
    for (id, priority) in expected {
        let action = catalogue.action(id).unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(action.priorities_stated, vec![priority], "{id}");
        assert!(action.spotlight.is_some(), "{id} lacks its spotlight text");
    }
    let stated: Vec<&str> = catalogue
        .actions()
        .filter(|action| action.year == 2023 && !action.priorities_stated.is_empty())
        .map(|action| action.id)
        .collect();
    assert_eq!(
        stated.len(),
        7,
        "only the spotlights state a priority: {stated:?}"
    );
}

#[test]
fn every_record_is_complete() {
    let catalogue = catalogue();
    for action in catalogue.actions() {
        for (field, value) in [
            ("title", action.title),
            (
                "title_en",
                action.texts(localaction::i18n::Lang::EN.texts()).title,
            ),
            (
                "summary_en",
                action
                    .texts(localaction::i18n::Lang::EN.texts())
                    .summary
                    .unwrap(),
            ),
            ("description", action.description),
            ("submitter", action.submitter),
        ] {
            assert!(!value.trim().is_empty(), "{}: empty {field}", action.id);
        }
        assert!((action.region as usize) < catalogue.tables.regions.len());
        assert!(!action.priorities.is_empty(), "{}", action.id);
        let placed = !action.places.is_empty();
        let organisation = action.kind != SubmitterKind::LocalGovernment;
        assert!(
            placed || organisation,
            "{}: neither place nor organisation",
            action.id
        );
        for priority in &action.priorities_stated {
            assert!(action.priorities.contains(priority));
        }
    }
}

#[test]
fn joint_commitments_link_both_ways() {
    let catalogue = catalogue();
    let partners_of = |id: &str| -> Vec<&str> {
        catalogue
            .action(id)
            .unwrap_or_else(|| panic!("no {id}"))
            .partners
            .iter()
            .map(|&index| catalogue.id_at(index))
            .collect()
    };
    let pairs = [
        (
            "2023-kampala-nairobi-refugee-inclusion",
            "2023-nairobi-kampala-refugee-inclusion",
        ),
        (
            "2023-tyre-zurich-city-cooperation",
            "2023-zurich-tyre-city-cooperation",
        ),
    ];
    for (one, other) in pairs {
        assert_eq!(partners_of(one), vec![other]);
        assert_eq!(partners_of(other), vec![one]);
    }
    // Every link in the catalogue is symmetric.
    for (position, action) in catalogue.actions().enumerate() {
        for &partner in &action.partners {
            assert!(
                catalogue
                    .action_at(partner)
                    .partners
                    .contains(&(position as u32)),
                "{}",
                action.id
            );
        }
    }
    // The Milan–Freetown partnership of 2022 is printed once: one record, two places.
    let milan_freetown = catalogue.action("2022-milan-freetown-fashion").unwrap();
    let places: Vec<&str> = milan_freetown
        .places
        .iter()
        .map(|&place| catalogue.tables.places[place as usize].id)
        .collect();
    assert_eq!(places, vec!["milan", "freetown"]);
}

#[test]
fn participants_are_the_front_pages_as_printed() {
    let catalogue = catalogue();
    let total = |year: u16| -> u32 {
        catalogue
            .tables
            .participants
            .iter()
            .filter(|participant| participant.year == year)
            .map(|participant| u32::from(participant.actions))
            .sum()
    };
    assert_eq!(total(2022), 70);
    assert_eq!(total(2023), 54);
    let count = |year: u16, name: &str| {
        catalogue
            .tables
            .participants
            .iter()
            .find(|participant| participant.year == year && participant.name == name)
            .unwrap_or_else(|| panic!("{name} is not among the participants of {year}"))
            .actions
    };
    assert_eq!(count(2022, "Boston"), 5);
    assert_eq!(count(2022, "Milan"), 3);
    assert_eq!(count(2022, "ANVITA"), 5);
    assert_eq!(count(2022, "FAMSI"), 4);
    assert_eq!(count(2023, "Zürich"), 3);
    assert_eq!(count(2023, "Comté de Salt Lake"), 2);
    assert_eq!(count(2023, "Amman"), 1);

    // Rebuild every front-page line and find it, in order, on its printed line.
    let source = source_text();
    let lines: Vec<&str> = source.lines().collect();
    for participant in &catalogue.tables.participants {
        let printed_line = lines[participant.source_line as usize - 1].trim();
        assert!(
            printed_line.starts_with(participant.name),
            "line {}: {printed_line:?} does not start with {:?}",
            participant.source_line,
            participant.name
        );
        // What follows the comma is recorded as printed; a line without a comma records
        // neither a country nor a scope.
        match participant.country_printed.or(participant.scope_printed) {
            Some(after_comma) => assert!(
                printed_line[participant.name.len()..].starts_with(',')
                    && printed_line[participant.name.len()..].contains(after_comma),
                "line {}: {printed_line:?} lacks {after_comma:?} after a comma",
                participant.source_line
            ),
            None => assert!(
                !printed_line[participant.name.len()..].contains(','),
                "line {}: {printed_line:?} prints something after a comma",
                participant.source_line
            ),
        }
        if participant.actions > 1 {
            assert!(
                printed_line.ends_with(&format!("({})", participant.actions)),
                "line {}: {printed_line:?}",
                participant.source_line
            );
        } else {
            assert!(!printed_line.ends_with(')') || printed_line.ends_with("(Durban)"));
        }
        if participant.group == ParticipantGroup::LocalGovernment {
            assert!(participant.place.is_some(), "{}", participant.name);
        }
    }
    let count_2022 = catalogue
        .tables
        .participants
        .iter()
        .filter(|p| p.year == 2022)
        .count();
    let count_2023 = catalogue
        .tables
        .participants
        .iter()
        .filter(|p| p.year == 2023)
        .count();
    assert_eq!((count_2022, count_2023), (48, 47));
}

#[test]
fn french_text_fields_are_found_verbatim_in_the_report() {
    let catalogue = catalogue();
    let source = normalise(&source_text());
    let mut missing = Vec::new();
    for action in catalogue.actions() {
        let mut check = |field: &str, text: &str| {
            // Paragraphs are checked one by one: the report separates them with layout.
            for paragraph in text.split("\n\n") {
                let paragraph = normalise(paragraph);
                if !paragraph.is_empty() && !source.contains(&paragraph) {
                    missing.push(format!("{} {field}: {paragraph:.80}", action.id));
                }
            }
        };
        check("title", action.title);
        check("description", action.description);
        if let Some(mayor) = action.mayor {
            check("mayor", mayor);
        }
        if let Some(quote) = action.quote {
            check("quote", quote);
        }
        if let Some(spotlight) = action.spotlight {
            check("spotlight", spotlight);
        }
        if let Some(printed) = action.compact_printed {
            check("compact_printed", printed);
        }
        if let Some(duration) = &action.duration {
            check("duration", duration.printed);
        }
    }
    assert!(
        missing.is_empty(),
        "not in the report:\n{}",
        missing.join("\n")
    );
}

#[test]
fn priorities_match_their_spotlight_sections() {
    let catalogue = catalogue();
    let source = normalise(&source_text());
    let numbers: Vec<u8> = catalogue
        .tables
        .priorities
        .iter()
        .map(|priority| priority.number)
        .collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<u8>>());
    for priority in &catalogue.tables.priorities {
        for (field, text) in [
            ("name_fr", priority.name_fr()),
            ("heading_fr", priority.heading_fr),
            ("kind_of_actions", priority.kind_of_actions),
        ] {
            assert!(
                source.contains(&normalise(text)),
                "priority {} {field} not in the report",
                priority.number
            );
        }
        assert!(!priority.gcm_objectives.is_empty() && !priority.sdgs.is_empty());
    }
}

#[test]
fn places_are_known_with_every_spelling() {
    let catalogue = catalogue();
    let place = |id: &str| {
        catalogue
            .tables
            .places
            .iter()
            .find(|place| place.id == id)
            .unwrap_or_else(|| panic!("no place {id}"))
    };
    let spelled = |id: &str, spelling: &str| {
        let place = place(id);
        assert!(
            place.name_fr() == spelling || place.aliases.contains(&spelling),
            "{id} lacks the spelling {spelling:?}"
        );
    };
    spelled("galati", "Galați");
    spelled("galati", "GALATI");
    spelled("terrassa", "TERRASA");
    spelled("tyre", "Tyr");
    spelled("tyre", "TYRE");
    spelled("bucharest", "Bucarest");
    spelled("zurich", "Zurich");
    spelled("mechelen", "Malines");
    spelled("durban", "eThekwini");
    spelled("beirut", "Beyrouth");
    spelled("salt-lake-county", "Salt Lake City");
    // The two San José of 2022 are two places.
    assert_ne!(
        place("san-jose-california").country,
        place("san-jose-costa-rica").country
    );
    for place in &catalogue.tables.places {
        assert!((-90.0..=90.0).contains(&place.lat) && (-180.0..=180.0).contains(&place.lon));
    }
    // Somaliland has no ISO 3166-1 code; every other country has one.
    for country in &catalogue.tables.countries {
        assert_eq!(
            country.iso2.is_none(),
            country.id == "somaliland",
            "{}",
            country.id
        );
    }
}

#[test]
fn published_figures_are_printed_on_their_lines() {
    let catalogue = catalogue();
    let source = source_text();
    let lines: Vec<&str> = source.lines().collect();
    let figures = &catalogue.tables.figures;
    assert_eq!(figures.len(), 12);
    for figure in figures {
        let line = normalise(lines[figure.source_line as usize - 1]);
        assert!(
            line.contains(&normalise(figure.printed)),
            "line {}: {:?} not found",
            figure.source_line,
            figure.printed
        );
    }
    let value = |dimension: &str, key: &str| {
        figures
            .iter()
            .find(|figure| figure.dimension == dimension && figure.key == key)
            .map(|figure| figure.value)
    };
    // The prose's split, which the records contradict (33 / 15 / 5 / 1).
    assert_eq!(value("compact", "mirror"), Some(34));
    assert_eq!(value("compact", "idp"), Some(2));
    assert_eq!(value("year", "2022"), Some(70));
    assert_eq!(value("theme", "services"), Some(25));
}

/// Every action reads in English: 77 of 77 carry `description_en`, and every action with a
/// spotlight or a quote carries its translation (and none without). The counts of
/// spotlights (7, the spotlit 2023 submissions) and quotes (7) are counted in the TOML.
#[test]
fn every_action_carries_its_english_translations() {
    let catalogue = catalogue();
    let mut spotlights = 0;
    let mut quotes = 0;
    for action in catalogue.actions() {
        assert!(
            !action
                .texts(localaction::i18n::Lang::EN.texts())
                .description
                .trim()
                .is_empty(),
            "{}: description_en",
            action.id
        );
        assert_eq!(
            action.spotlight.is_some(),
            action
                .texts(localaction::i18n::Lang::EN.texts())
                .spotlight
                .is_some(),
            "{}: spotlight_en",
            action.id
        );
        assert_eq!(
            action.quote.is_some(),
            action
                .texts(localaction::i18n::Lang::EN.texts())
                .quote
                .is_some(),
            "{}: quote_en",
            action.id
        );
        spotlights += usize::from(
            action
                .texts(localaction::i18n::Lang::EN.texts())
                .spotlight
                .is_some(),
        );
        quotes += usize::from(
            action
                .texts(localaction::i18n::Lang::EN.texts())
                .quote
                .is_some(),
        );
    }
    assert_eq!(catalogue.len(), 77);
    assert_eq!(spotlights, 7);
    assert_eq!(quotes, 7);
}
