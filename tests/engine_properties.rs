//! Property tests of the search engine: any text, any filters and any limit give a
//! well-formed answer (no panic; hits within the limit, ranked, passing every filter;
//! totals and facet counts equal to a brute-force count over the catalogue's facet rows).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use localaction::catalogue::{
    Catalogue, FacetRow, MachineName, Position, Status, TextLanguage, Theme, YearMonth,
};
use localaction::engine::facets::fold;
use localaction::engine::query::{self, MAX_CLAUSES};
use localaction::engine::{Dimension, Engine, Filters, MatchMode, Outcome, Request, rank_order};
use localaction::i18n::Lang;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use tantivy::directory::OwnedBytes;

const TODAY: YearMonth = YearMonth {
    year: 2025,
    month: Some(1),
};

/// Cases per property: enough to mix every generator, few enough for a debug build.
const CASES: u32 = 256;

fn engine() -> Engine<'static> {
    Engine::open(
        localaction::catalogue::embedded::catalogue(),
        OwnedBytes::new(localaction::index::embedded::PACKED),
        TODAY,
    )
    .expect("the embedded index opens")
}

/// The same cases on every run and machine: a failure seen once is seen again. Change the
/// seed to explore other cases.
const SEED: [u8; 32] = *b"localaction engine properties 26";

fn runner() -> TestRunner {
    let config = Config {
        cases: CASES,
        // Nothing is written to the tree: the seed is fixed, and a failure prints its
        // minimal input.
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &SEED))
}

/// Pieces of queries: words of the catalogue, spellings, operators and broken syntax.
const VOCABULARY: &[&str] = &[
    "réfugiés",
    "refugies",
    "migra",
    "migrants",
    "enfants",
    "climate",
    "children",
    "Zürich",
    "Zurich",
    "Barranquila",
    "Dhan",
    "GR",
    "Grèce",
    "de",
    "la",
    "des",
    "the",
    "to",
    "\"centre d'accueil\"",
    "\"Fonds mondial des villes\"",
    "\"unclosed phrase",
    "\"",
    "\"\"",
    "-Bogotá",
    "-",
    "--",
    "+",
    "AND",
    "OR",
    "NOT",
    "&&",
    "title:climat",
    "field:",
    "::",
    ":",
    "🙂",
    "👩‍👩‍👧",
    "\u{0}",
    "\u{1b}[2J",
    "\t",
    "\n",
    "\r\n",
    "\u{200b}",
    "\u{feff}",
    "İstanbul",
    "ß",
    "ﬁ",
    "Ǆ",
    "é",
    "x",
    "0",
    "2023",
    "'",
    "l'accueil",
    "aujourd'hui",
    "e\u{301}",
    "ααααααααα",
    "中文",
    "\\",
    "*",
    "?",
    "~1",
    "^2",
    "(",
    ")",
    "[",
    "]",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", "  ", "\t", "-", "\"", ",", ":"];

/// Queries from the vocabulary, with spaces or not between the pieces.
fn vocabulary_query() -> impl Strategy<Value = String> {
    prop::collection::vec((select(VOCABULARY), select(SEPARATORS)), 0..10).prop_map(|pieces| {
        pieces
            .into_iter()
            .flat_map(|(word, separator)| [word, separator])
            .collect()
    })
}

/// Around 10,000 characters: repeated words, or one giant word.
fn long_query() -> impl Strategy<Value = String> {
    let words = (
        prop::collection::vec(select(VOCABULARY), 1..6),
        9_000..11_000usize,
    )
        .prop_map(|(words, length)| {
            words
                .join(" ")
                .chars()
                .chain(std::iter::once(' '))
                .cycle()
                .take(length)
                .collect::<String>()
        });
    let one_word = (any::<char>(), 9_000..11_000usize)
        .prop_map(|(letter, length)| std::iter::repeat_n(letter, length).collect::<String>());
    prop_oneof![words, one_word]
}

fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => vocabulary_query(),
        2 => any::<String>(),
        2 => prop::collection::vec(any::<char>(), 0..40)
            .prop_map(|letters| letters.into_iter().collect::<String>()),
        1 => long_query(),
        1 => Just(String::new()),
    ]
}

/// For each dimension (in `Dimension::ALL` order), the values to select, as indices into
/// that dimension's values (mostly none, so that results are not always empty).
fn any_selection() -> impl Strategy<Value = Vec<Vec<Index>>> {
    let one = prop_oneof![
        6 => Just(Vec::new()),
        2 => prop::collection::vec(any::<Index>(), 1..2),
        1 => prop::collection::vec(any::<Index>(), 1..5),
    ];
    prop::collection::vec(one, Dimension::ALL.len())
}

fn any_limit() -> impl Strategy<Value = Option<usize>> {
    prop_oneof![Just(None), (0..100usize).prop_map(Some)]
}

fn to_filters(engine: &Engine<'_>, selection: &[Vec<Index>]) -> Filters {
    let mut filters = Filters::new();
    for (dimension, indices) in Dimension::ALL.into_iter().zip(selection) {
        let count = engine.values().of(dimension).len();
        for index in indices {
            filters.select(dimension, index.index(count));
        }
    }
    filters
}

/// The keys an action has in a dimension, read from its facet row without the engine
/// (the oracle the engine's filters and counts are checked against).
fn keys_of(
    catalogue: &Catalogue<'_>,
    row: &FacetRow,
    dimension: Dimension,
    today: YearMonth,
) -> Vec<String> {
    let tables = &catalogue.tables;
    match dimension {
        Dimension::City => catalogue
            .places_of(row)
            .iter()
            .map(|&place| tables.places[place as usize].id.to_owned())
            .collect(),
        Dimension::Country => row
            .country
            .map(|country| tables.countries[country as usize].id.to_owned())
            .into_iter()
            .collect(),
        Dimension::Region => vec![tables.regions[row.region as usize].id.to_owned()],
        Dimension::Priority => (1..=8u16)
            .filter(|number| row.priorities & (1 << number) != 0)
            .map(|number| number.to_string())
            .collect(),
        Dimension::Compact => vec![
            row.compact
                .map_or("unstated", |compact| compact.machine_name())
                .to_owned(),
        ],
        Dimension::Year => vec![row.year.to_string()],
        Dimension::Gcf => vec![if row.gcf { "yes" } else { "no" }.to_owned()],
        Dimension::Kind => vec![row.kind.machine_name().to_owned()],
        Dimension::Status => vec![Status::of(row.end, today).key().to_owned()],
        Dimension::Theme => Theme::ALL
            .iter()
            .enumerate()
            .filter(|(bit, _)| row.themes & (1 << bit) != 0)
            .map(|(_, theme)| theme.machine_name().to_owned())
            .collect(),
    }
}

/// What the engine should answer, counted by brute force over the facet rows of the
/// actions the query matches.
struct Expected {
    /// Positions passing every filter.
    kept: BTreeSet<Position>,
    /// For each dimension, the count of each slot.
    counts: BTreeMap<Dimension, Vec<usize>>,
}

fn brute_force(engine: &Engine<'_>, matched: &BTreeSet<Position>, filters: &Filters) -> Expected {
    let catalogue = engine.catalogue();
    let values = engine.values();
    let selected_keys = |dimension: Dimension| -> BTreeSet<&str> {
        filters
            .selected(dimension)
            .iter()
            .map(|&slot| values.of(dimension)[slot].key.as_str())
            .collect()
    };
    let mut kept = BTreeSet::new();
    let mut counts: BTreeMap<Dimension, Vec<usize>> = Dimension::ALL
        .into_iter()
        .map(|dimension| (dimension, vec![0; values.of(dimension).len()]))
        .collect();
    for &position in matched {
        let row = &catalogue.facets()[position as usize];
        let keys: BTreeMap<Dimension, Vec<String>> = Dimension::ALL
            .into_iter()
            .map(|dimension| {
                (
                    dimension,
                    keys_of(catalogue, row, dimension, engine.today()),
                )
            })
            .collect();
        let passes = |dimension: Dimension| {
            let wanted = selected_keys(dimension);
            wanted.is_empty()
                || keys[&dimension]
                    .iter()
                    .any(|key| wanted.contains(key.as_str()))
        };
        if Dimension::ALL.into_iter().all(passes) {
            kept.insert(position);
        }
        for dimension in Dimension::ALL {
            let others_pass = Dimension::ALL
                .into_iter()
                .filter(|&other| other != dimension)
                .all(passes);
            if !others_pass {
                continue;
            }
            for (slot, value) in values.of(dimension).iter().enumerate() {
                if keys[&dimension].contains(&value.key) {
                    counts.get_mut(&dimension).expect("every dimension")[slot] += 1;
                }
            }
        }
    }
    Expected { kept, counts }
}

/// Checks one answer against the brute force; `matched` are the actions the query alone
/// finds, with their scores.
fn check(
    engine: &Engine<'_>,
    request: &Request,
    outcome: &Outcome,
    matched: &BTreeMap<Position, f32>,
) -> Result<(), TestCaseError> {
    let catalogue = engine.catalogue();
    let hits = &outcome.hits;

    // Sizes.
    prop_assert!(outcome.total >= hits.len());
    match request.limit {
        Some(limit) => prop_assert_eq!(hits.len(), limit.min(outcome.total)),
        None => prop_assert_eq!(hits.len(), outcome.total),
    }

    // Ranking: score descending, then year descending, then id ascending; no duplicates.
    for pair in hits.windows(2) {
        let (left, right) = (&pair[0], &pair[1]);
        let order = rank_order(catalogue, left, right);
        prop_assert!(
            order == Ordering::Less,
            "hits out of order: {} ({}) before {} ({})",
            catalogue.id_at(left.position),
            left.score,
            catalogue.id_at(right.position),
            right.score
        );
    }

    // Every hit is a match of the query, with the score the query gave it, and passes
    // every filter.
    let expected = brute_force(engine, &matched.keys().copied().collect(), &request.filters);
    for hit in hits {
        prop_assert!(hit.score.is_finite() && hit.score >= 0.0);
        prop_assert_eq!(matched.get(&hit.position).copied(), Some(hit.score));
        prop_assert!(
            expected.kept.contains(&hit.position),
            "{} fails a filter",
            catalogue.id_at(hit.position)
        );
    }
    prop_assert_eq!(outcome.total, expected.kept.len());
    if request.limit.is_none() {
        let found: BTreeSet<Position> = hits.iter().map(|hit| hit.position).collect();
        prop_assert_eq!(&found, &expected.kept);
    }

    // Facet counts: each equals the brute force, and their sums agree with the total.
    for dimension in Dimension::ALL {
        let counts = outcome.counts.of(dimension);
        prop_assert_eq!(
            counts,
            expected.counts[&dimension].as_slice(),
            "counts of {:?}",
            dimension
        );
        let selected = request.filters.selected(dimension);
        let sum: usize = if selected.is_empty() {
            counts.iter().sum()
        } else {
            selected.iter().map(|&slot| counts[slot]).sum()
        };
        match dimension {
            // One value per action.
            Dimension::Region
            | Dimension::Compact
            | Dimension::Year
            | Dimension::Gcf
            | Dimension::Kind
            | Dimension::Status => prop_assert_eq!(sum, outcome.total, "{:?}", dimension),
            // At most one (organisations without a country have none).
            Dimension::Country if selected.is_empty() => {
                prop_assert!(sum <= outcome.total, "{:?}", dimension)
            }
            Dimension::Country => prop_assert_eq!(sum, outcome.total, "{:?}", dimension),
            // Every action has at least one priority; a city filter needs one place.
            Dimension::Priority => prop_assert!(sum >= outcome.total, "{:?}", dimension),
            Dimension::City if !selected.is_empty() => {
                prop_assert!(sum >= outcome.total, "{:?}", dimension)
            }
            Dimension::City => {}
            // Any number of themes, none included.
            Dimension::Theme if !selected.is_empty() => {
                prop_assert!(sum >= outcome.total, "{:?}", dimension)
            }
            Dimension::Theme => {}
        }
    }
    Ok(())
}

/// The query alone, unfiltered and unlimited: the positions it matches and their scores.
fn matches_of(engine: &Engine<'_>, text: &str, mode: MatchMode) -> BTreeMap<Position, f32> {
    engine
        .search(&Request {
            text: text.to_owned(),
            mode,
            ..Request::default()
        })
        .hits
        .iter()
        .map(|hit| (hit.position, hit.score))
        .collect()
}

#[test]
fn any_query_any_filters_any_limit_gives_a_well_formed_answer() {
    let engine = engine();
    let strategy = (any_query(), any_selection(), any_limit(), any::<bool>());
    runner()
        .run(&strategy, |(text, selection, limit, strict)| {
            let filters = to_filters(&engine, &selection);
            let mode = if strict {
                MatchMode::All
            } else {
                MatchMode::Most
            };
            let request = Request {
                text: text.clone(),
                filters: filters.clone(),
                limit,
                mode,
                synonyms: true,
            };
            let outcome = engine.search(&request);
            let matched = matches_of(&engine, &text, mode);
            check(&engine, &request, &outcome, &matched)?;

            // The same request without a limit: the limited hits are its first ones.
            let unlimited_request = Request {
                limit: None,
                ..request.clone()
            };
            let unlimited = engine.search(&unlimited_request);
            check(&engine, &unlimited_request, &unlimited, &matched)?;
            prop_assert_eq!(unlimited.total, outcome.total);
            prop_assert_eq!(
                &unlimited.hits[..outcome.hits.len()],
                outcome.hits.as_slice()
            );
            prop_assert_eq!(&unlimited.counts, &outcome.counts);
            Ok(())
        })
        .unwrap();
}

#[test]
fn an_empty_query_with_filters_counts_like_the_facet_rows() {
    // No text: the matches are every action, so the brute force is independent of tantivy.
    let engine = engine();
    let catalogue = engine.catalogue();
    let everything: BTreeMap<Position, f32> = (0..catalogue.len() as Position)
        .map(|position| (position, 0.0))
        .collect();
    let strategy = (
        prop_oneof![Just(""), Just("   "), Just("\t\n"), Just(" - ")],
        any_selection(),
        any_limit(),
    );
    runner()
        .run(&strategy, |(text, selection, limit)| {
            let request = Request {
                text: text.to_owned(),
                filters: to_filters(&engine, &selection),
                limit,
                mode: Default::default(),
                synonyms: true,
            };
            let outcome = engine.search(&request);
            prop_assert!(outcome.parsed.is_empty());
            check(&engine, &request, &outcome, &everything)?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn any_text_parses_within_bounds() {
    runner()
        .run(&any_query(), |text| {
            let parsed = query::parse(&text);
            prop_assert!(parsed.required.len() + parsed.excluded.len() <= MAX_CLAUSES);
            for clause in parsed.required.iter().chain(&parsed.excluded) {
                let clause_text = clause.text();
                prop_assert!(!clause_text.is_empty());
                prop_assert!(!clause_text.chars().any(char::is_control), "{:?}", clause);
                prop_assert!(clause_text.chars().count() <= query::MAX_CHARS);
            }
            if text.chars().count() > query::MAX_CHARS {
                prop_assert!(!parsed.ignored.is_empty());
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn any_typed_filter_value_parses_or_names_valid_values() {
    let engine = engine();
    let values = engine.values();
    let typed = prop_oneof![
        any::<String>(),
        select(VOCABULARY).prop_map(str::to_owned),
        Just("both-ish".to_owned()),
        Just("Zurik".to_owned()),
    ];
    runner()
        .run(
            &(typed, select(Dimension::ALL.to_vec())),
            |(typed, dimension)| {
                let all = values.of(dimension);
                match values.parse(dimension, &typed) {
                    Ok(slot) => {
                        prop_assert!(slot < all.len());
                        // The value's own key names the same slot.
                        prop_assert_eq!(values.parse(dimension, &all[slot].key), Ok(slot));
                    }
                    Err(error) => {
                        prop_assert_eq!(error.dimension, dimension);
                        if error.ambiguous {
                            prop_assert!(error.suggestions.len() > 1);
                        }
                        prop_assert!(!error.suggestions.is_empty());
                        for suggestion in &error.suggestions {
                            prop_assert!(all.iter().any(|value| &value.key == suggestion));
                        }
                        // Control characters are neutralised (a newline may stay: the message is one value).
                        prop_assert!(
                            !error.typed.chars().any(|c| c.is_control() && c != '\n'),
                            "{:?}",
                            error.typed
                        );
                    }
                }
                Ok(())
            },
        )
        .unwrap();
    // Every key parses back to its slot; so does every label in either language, unless
    // the label is shared (two places called "San José"), when it is an error naming both.
    for dimension in Dimension::ALL {
        let all = values.of(dimension);
        for (slot, value) in all.iter().enumerate() {
            assert_eq!(values.parse(dimension, &value.key), Ok(slot));
            for lang in [Lang::EN, Lang::FR] {
                let label = value.label(lang);
                // Typed values are compared folded: "San Jose" names both San Josés.
                let namesakes: Vec<String> = all
                    .iter()
                    .filter(|other| {
                        [Lang::EN, Lang::FR]
                            .iter()
                            .any(|&lang| fold(other.label(lang)) == fold(label))
                    })
                    .map(|other| other.key.clone())
                    .collect();
                match values.parse(dimension, label) {
                    Ok(parsed) => assert_eq!(parsed, slot, "{value:?}"),
                    Err(error) => {
                        assert!(error.ambiguous, "{error}");
                        assert!(namesakes.len() > 1, "{value:?}");
                        assert_eq!(error.suggestions, namesakes);
                    }
                }
            }
        }
    }
}

#[test]
fn any_query_gives_well_formed_snippets() {
    let engine = engine();
    let catalogue = engine.catalogue();
    let strategy = (
        any_query(),
        any::<Index>(),
        prop_oneof![Just(None), (0..400usize).prop_map(Some)],
    );
    runner()
        .run(&strategy, |(text, which, max_chars)| {
            let outcome = engine.search(&Request {
                text: text.clone(),
                ..Request::default()
            });
            let position = which.index(catalogue.len()) as Position;
            let description = catalogue.action_at(position).description;
            let snippet = engine.snippet(&outcome, description, max_chars);
            let mut previous_end = 0;
            for range in &snippet.highlights {
                prop_assert!(range.start < range.end, "{:?}", range);
                prop_assert!(range.start >= previous_end, "{:?}", snippet.highlights);
                prop_assert!(range.end <= snippet.text.len());
                prop_assert!(snippet.text.is_char_boundary(range.start));
                prop_assert!(snippet.text.is_char_boundary(range.end));
                previous_end = range.end;
            }
            prop_assert_eq!(snippet.char_ranges().len(), snippet.highlights.len());
            if let Some(max) = max_chars {
                prop_assert!(snippet.text.chars().count() <= max, "{:?}", snippet.text);
            }
            Ok(())
        })
        .unwrap();
}

/// Every text of an action a word may match it through: names (its region's among them:
/// words that spell a region's name match its actions), then its texts in each language of
/// the table.
fn texts_of<'c>(
    catalogue: &Catalogue<'c>,
    position: Position,
) -> (Vec<&'c str>, Vec<Vec<&'c str>>) {
    let action = catalogue.action_at(position);
    let tables = &catalogue.tables;
    let mut names: Vec<&str> = vec![action.submitter];
    names.extend(action.mayor);
    for &place in &action.places {
        let place = &tables.places[place as usize];
        names.extend(place.names.iter().copied());
        names.extend(place.aliases.iter().copied());
    }
    if let Some(country) = action.country {
        let country = &tables.countries[country as usize];
        names.extend(country.names.iter().copied());
        names.extend(country.iso2);
        names.extend(country.aliases.iter().copied());
    }
    let region = &tables.regions[action.region as usize];
    names.extend(region.names.iter().copied());
    names.extend(region.aliases.iter().copied());
    let languages = action
        .all_texts()
        .map(|texts| {
            let mut all = vec![texts.title, texts.description];
            all.extend(texts.summary);
            all.extend(texts.spotlight);
            all.extend(texts.quote);
            all
        })
        .collect();
    (names, languages)
}

fn tokens(mut analyzer: tantivy::tokenizer::TextAnalyzer, texts: &[&str]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for text in texts {
        analyzer.token_stream(text).process(&mut |token| {
            found.insert(token.text.clone());
        });
    }
    found
}

/// Strict mode without the thesaurus lists only actions holding every word — checked by
/// analysing each action's texts here, not through the index; its list is always within
/// the forgiving one, and within the list the thesaurus' other terms give (adding synonyms
/// never removes an action that the words alone find).
#[test]
fn strict_results_hold_every_word_and_lie_within_the_forgiving_ones() {
    use localaction::engine::Clause;
    use localaction_data::schema;
    let engine = engine();
    let catalogue = engine.catalogue();
    let strategy = prop_oneof![4 => vocabulary_query(), 1 => any_query()];
    runner()
        .run(&strategy, |text| {
            let search = |mode, synonyms| {
                engine.search(&Request {
                    text: text.clone(),
                    mode,
                    synonyms,
                    ..Request::default()
                })
            };
            let positions = |outcome: &localaction::engine::Outcome| -> BTreeSet<Position> {
                outcome.hits.iter().map(|hit| hit.position).collect()
            };
            for synonyms in [false, true] {
                let strict = positions(&search(MatchMode::All, synonyms));
                let forgiving = positions(&search(MatchMode::Most, synonyms));
                prop_assert!(strict.is_subset(&forgiving), "{text:?} {synonyms}");
            }
            let strict = search(MatchMode::All, false);
            let with_synonyms = positions(&search(MatchMode::All, true));
            prop_assert!(
                positions(&strict).is_subset(&with_synonyms),
                "{text:?}: the thesaurus removed an action the words alone find"
            );
            prop_assert!(strict.matching.synonyms.is_empty());
            prop_assert!(
                strict.matching.dropped.is_empty() && strict.matching.corrections.is_empty()
            );
            let parsed = &strict.parsed;
            let last = parsed.required.len().saturating_sub(1);
            for hit in &strict.hits {
                let (names, languages) = texts_of(catalogue, hit.position);
                let all: Vec<&str> = names
                    .iter()
                    .chain(languages.iter().flatten())
                    .copied()
                    .collect();
                let typed = tokens(schema::names(), &all);
                let stems: Vec<BTreeSet<String>> = TextLanguage::all()
                    .zip(&languages)
                    .map(|(language, texts)| tokens(schema::analyzer(language), texts))
                    .collect();
                let name_tokens = tokens(schema::names(), &names);
                for (number, clause) in parsed.required.iter().enumerate() {
                    let Clause::Word(word) = clause else { continue };
                    let of = |analyzer: tantivy::tokenizer::TextAnalyzer| -> Vec<String> {
                        tokens(analyzer, &[word.as_str()]).into_iter().collect()
                    };
                    let in_languages: Vec<Vec<String>> = TextLanguage::all()
                        .map(|language| of(schema::analyzer(language)))
                        .collect();
                    let as_typed = of(schema::names());
                    let prefix = parsed.last_word_is_prefix && number == last;
                    if in_languages.iter().any(Vec::is_empty) && !prefix {
                        continue; // a stop word in some language decides nothing
                    }
                    let holds = in_languages.iter().zip(&stems).any(|(word_stems, its)| {
                        !word_stems.is_empty() && word_stems.iter().all(|t| its.contains(t))
                    }) || (!as_typed.is_empty()
                        && as_typed
                            .iter()
                            .all(|t| typed.contains(t) || name_tokens.contains(t)))
                        || (prefix
                            && as_typed.len() == 1
                            && typed.iter().any(|t| t.starts_with(as_typed[0].as_str())));
                    prop_assert!(
                        holds,
                        "{text:?}: {} does not hold {word:?}",
                        catalogue.id_at(hit.position)
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}

/// The index marks a concept of the thesaurus in a place (titles, summaries, descriptions)
/// of exactly the actions whose texts there hold one of its terms in the term's own
/// language — as tantivy's phrase queries over the analysed texts find them, an oracle
/// independent of the marking code. Also: most concepts are marked somewhere (a marking
/// that found nothing would pass the rest).
#[test]
fn a_concept_marks_exactly_the_actions_holding_one_of_its_terms() {
    use localaction_data::schema::{self, search_fields};
    use tantivy::Term;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::{BooleanQuery, PhraseQuery, Query, TermQuery};
    use tantivy::schema::{Field, IndexRecordOption};

    let (_index, reader) = localaction::index::directory::open_index(OwnedBytes::new(
        localaction::index::embedded::PACKED,
    ))
    .expect("the embedded index opens");
    let searcher = reader.searcher();
    let fields = search_fields();
    let documents = |query: &dyn Query| -> BTreeSet<u32> {
        searcher
            .search(query, &DocSetCollector)
            .expect("the query runs")
            .into_iter()
            .map(|address| address.doc_id)
            .collect()
    };
    let term_query = |field: Field, text: &str, language: TextLanguage| -> Option<Box<dyn Query>> {
        let mut words = Vec::new();
        schema::analyzer(language)
            .token_stream(text)
            .process(&mut |token| words.push((token.position, token.text.clone())));
        let first = words.first()?.0;
        let terms: Vec<(usize, Term)> = words
            .iter()
            .map(|(position, word)| (position - first, Term::from_field_text(field, word)))
            .collect();
        Some(if terms.len() == 1 {
            Box::new(TermQuery::new(terms[0].1.clone(), IndexRecordOption::Basic))
        } else {
            Box::new(PhraseQuery::new_with_offset(terms))
        })
    };
    let concepts = &localaction::catalogue::embedded::catalogue()
        .tables
        .concepts;
    let mut marked_somewhere = 0;
    for concept in concepts {
        let mut any = false;
        for (place, marks) in fields.concepts.iter().enumerate() {
            let queries: Vec<Box<dyn Query>> = concept
                .terms
                .iter()
                .filter_map(|term| {
                    let language = &fields.languages[term.language.index()];
                    let field =
                        [Some(language.title), language.summary, Some(language.body)][place]?;
                    term_query(field, term.text, term.language)
                })
                .collect();
            let holding = documents(&BooleanQuery::union(queries));
            let marked = documents(&TermQuery::new(
                Term::from_field_text(*marks, concept.id),
                IndexRecordOption::Basic,
            ));
            assert_eq!(marked, holding, "concept {:?}, place {place}", concept.id);
            any |= !marked.is_empty();
        }
        marked_somewhere += usize::from(any);
    }
    assert!(
        marked_somewhere * 10 >= concepts.len() * 9,
        "only {marked_somewhere} of {} concepts are marked in any action",
        concepts.len()
    );
}

/// Issue 24, item 6: a region's name inside a longer name ("Africa" in "Middle East and
/// North Africa") is not that region. Every spelling of every region (its names, aliases
/// and key), typed as query words (strict, the words alone), finds every action standing in
/// the region, as the region's filter keeps them; outside the region, only actions whose own
/// texts or names hold each of its words (the region's name excluded), read here with the
/// analyzers, not through the index.
#[test]
fn item_6_a_name_inside_a_longer_region_name_is_not_that_region() {
    use localaction_data::schema;
    let engine = engine();
    let catalogue = engine.catalogue();
    let positions = |outcome: &Outcome| -> BTreeSet<Position> {
        outcome.hits.iter().map(|hit| hit.position).collect()
    };
    let words_of = |mut analyzer: tantivy::tokenizer::TextAnalyzer, text: &str| -> Vec<String> {
        let mut words = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |token| words.push(token.text.clone()));
        words
    };
    let mut outside_checked = 0;
    for (slot, value) in engine.values().of(Dimension::Region).iter().enumerate() {
        let mut filters = Filters::new();
        filters.select(Dimension::Region, slot);
        let in_region = positions(&engine.search(&Request {
            filters,
            ..Request::default()
        }));
        assert!(!in_region.is_empty(), "region {} is empty", value.key);
        for spelling in value.spellings() {
            let found = positions(&engine.search(&Request {
                text: format!("{spelling} "),
                mode: MatchMode::All,
                synonyms: false,
                ..Request::default()
            }));
            assert!(
                in_region.is_subset(&found),
                "{spelling:?} misses actions of region {}",
                value.key
            );
            for &position in found.difference(&in_region) {
                let region =
                    &catalogue.tables.regions[catalogue.action_at(position).region as usize];
                let (names, languages) = texts_of(catalogue, position);
                let names: Vec<&str> = names
                    .into_iter()
                    .filter(|name| !region.names.contains(name) && !region.aliases.contains(name))
                    .collect();
                let all: Vec<&str> = names
                    .iter()
                    .chain(languages.iter().flatten())
                    .copied()
                    .collect();
                let typed = tokens(schema::names(), &all);
                for word in words_of(schema::names(), spelling) {
                    let stems: Vec<Vec<String>> = TextLanguage::all()
                        .map(|language| words_of(schema::analyzer(language), &word))
                        .collect();
                    if stems.iter().any(Vec::is_empty) {
                        continue; // a stop word decides nothing
                    }
                    let holds = typed.contains(&word)
                        || TextLanguage::all().zip(&languages).zip(&stems).any(
                            |((language, texts), stems)| {
                                let own = tokens(schema::analyzer(language), texts);
                                stems.iter().all(|stem| own.contains(stem))
                            },
                        );
                    assert!(
                        holds,
                        "{spelling:?} finds {} (region {}), whose texts do not hold {word:?}",
                        catalogue.id_at(position),
                        region.id
                    );
                }
                outside_checked += 1;
            }
        }
    }
    assert!(
        outside_checked > 0,
        "no action outside a region was checked"
    );
}
