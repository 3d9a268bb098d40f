//! Relevance cases written from the texts (never from the engine's output), each naming the
//! actions its query must find and why, read from a TOML file and scored: the tuned and
//! the held-out cases apart. Every case must pass but the known gaps, which must still fail
//! (each names the work that will close it).

use std::collections::{BTreeMap, BTreeSet};

use localaction::engine::{Engine, Request};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub query: String,
    expect: Expect,
    ids: Vec<String>,
    why: String,
    pub held_out: bool,
    /// What the case tests ("synonym", "acronym"…), where a suite says.
    pub category: Option<String>,
    /// The query's language, where a suite says.
    pub lang: Option<String>,
    /// Not met yet, and why (the work that will meet it): such a case must keep failing,
    /// so that the gap is closed, not forgotten, when that work lands.
    gap: Option<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
enum Expect {
    /// The first `ids.len()` hits are `ids`, in any order.
    Top,
    /// Every id is among the hits.
    Includes,
    /// The words alone (no thesaurus) find exactly `ids`; with the thesaurus, `ids` come
    /// first.
    Exactly,
}

/// The cases of `tests/fixtures/<file>`.
pub fn cases(file: &str) -> Vec<Case> {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let cases: Cases = toml::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"));
    cases.case
}

/// Why `case` fails on `engine`, if it does.
pub fn failure(engine: &Engine<'_>, case: &Case) -> Option<String> {
    // What the list shows: the results, then (below a short list) the actions holding
    // some of the words; with `listed` false, the results alone.
    let found_with = |synonyms: bool, listed: bool| -> Vec<&str> {
        let outcome = engine.search(&Request {
            text: case.query.clone(),
            synonyms,
            ..Request::default()
        });
        let below = outcome.also.iter().map(|also| &also.hit);
        outcome
            .hits
            .iter()
            .chain(below.take(if listed { usize::MAX } else { 0 }))
            .map(|hit| engine.catalogue().id_at(hit.position))
            .collect()
    };
    // RELEVANCE_WITHOUT_THESAURUS=1 scores the words alone: the baseline the thesaurus
    // is measured against.
    let found = found_with(
        std::env::var_os("RELEVANCE_WITHOUT_THESAURUS").is_none(),
        true,
    );
    let expected: BTreeSet<&str> = case.ids.iter().map(String::as_str).collect();
    let top = found
        .iter()
        .take(expected.len())
        .copied()
        .collect::<BTreeSet<_>>()
        == expected;
    let holds = match case.expect {
        Expect::Top => top,
        Expect::Includes => expected.iter().all(|id| found.contains(id)),
        Expect::Exactly => {
            top && found_with(false, false)
                .into_iter()
                .collect::<BTreeSet<_>>()
                == expected
        }
    };
    (!holds).then(|| {
        format!(
            "{:?} ({:?} {:?}; {}): got {found:?}",
            case.query, case.expect, case.ids, case.why
        )
    })
}

/// Scores `cases`, printing each set's score (tuned, held out; by category where the cases
/// have one), and returns every failure that is not a known gap, and every gap that passes.
pub fn score(engine: &Engine<'_>, suite: &str, cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for held_out in [false, true] {
        let set: Vec<&Case> = cases
            .iter()
            .filter(|case| case.held_out == held_out)
            .collect();
        if set.is_empty() {
            continue;
        }
        let mut passed = 0;
        let mut by_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut by_language: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for case in &set {
            let failed = failure(engine, case);
            for tally in [
                by_category
                    .entry(case.category.as_deref().unwrap_or("all"))
                    .or_default(),
                by_language
                    .entry(case.lang.as_deref().unwrap_or("all"))
                    .or_default(),
            ] {
                tally.1 += 1;
                if failed.is_none() {
                    tally.0 += 1;
                }
            }
            match (failed, &case.gap) {
                (None, None) => passed += 1,
                // While tuning (RELEVANCE_TUNING=1), a held-out failure is named, not shown.
                (Some(_), None) if held_out && std::env::var_os("RELEVANCE_TUNING").is_some() => {
                    failures.push(format!("(held out: {:?} fails)", case.query))
                }
                (Some(failed), None) => failures.push(failed),
                (Some(_), Some(_)) => {}
                (None, Some(gap)) => failures.push(format!(
                    "{:?} passes now: remove its gap ({gap})",
                    case.query
                )),
            }
        }
        let tallies = |tallied: &BTreeMap<&str, (usize, usize)>| -> String {
            tallied
                .iter()
                .map(|(name, (passed, all))| format!("{name} {passed}/{all}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!(
            "{suite}, {}: {passed} of {} pass ({} known gaps; {}; {})",
            if held_out { "held out" } else { "tuned" },
            set.len(),
            set.iter().filter(|case| case.gap.is_some()).count(),
            tallies(&by_category),
            tallies(&by_language)
        );
    }
    failures
}
