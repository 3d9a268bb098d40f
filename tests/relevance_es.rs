//! Spanish relevance: the queries of `tests/fixtures/relevance-es.toml`, written from the
//! French source and the editors' Spanish (never from the engine's output), each naming the
//! actions it must find and why. The held-out cases were not looked at while the Spanish
//! analyzer's row was set; both scores are printed. Every case must pass but the known
//! gaps, which must still fail (each names the work that will close it).

#[path = "common/interface.rs"]
mod interface;

use std::collections::BTreeSet;

use interface::engine;
use localaction::engine::{Engine, Request};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    query: String,
    expect: Expect,
    ids: Vec<String>,
    why: String,
    held_out: bool,
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
    /// The hits are exactly `ids`.
    Exactly,
}

/// Why `case` fails on `engine`, if it does.
fn failure(engine: &Engine<'_>, case: &Case) -> Option<String> {
    let outcome = engine.search(&Request {
        text: case.query.clone(),
        ..Request::default()
    });
    let found: Vec<&str> = outcome
        .hits
        .iter()
        .map(|hit| engine.catalogue().id_at(hit.position))
        .collect();
    let expected: BTreeSet<&str> = case.ids.iter().map(String::as_str).collect();
    let holds = match case.expect {
        Expect::Top => {
            found
                .iter()
                .take(expected.len())
                .copied()
                .collect::<BTreeSet<_>>()
                == expected
        }
        Expect::Includes => expected.iter().all(|id| found.contains(id)),
        Expect::Exactly => found.iter().copied().collect::<BTreeSet<_>>() == expected,
    };
    (!holds).then(|| {
        format!(
            "{:?} ({:?} {:?}; {}): got {found:?}",
            case.query, case.expect, case.ids, case.why
        )
    })
}

#[test]
fn spanish_queries_find_what_the_texts_say() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/relevance-es.toml"
    );
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.case.len() >= 30, "{} cases", cases.case.len());
    let engine = engine();
    let mut failures = Vec::new();
    for held_out in [false, true] {
        let set: Vec<&Case> = cases
            .case
            .iter()
            .filter(|case| case.held_out == held_out)
            .collect();
        let mut passed = 0;
        for case in &set {
            match (failure(&engine, case), &case.gap) {
                (None, None) => passed += 1,
                (Some(failed), None) => failures.push(failed),
                (Some(_), Some(_)) => {}
                (None, Some(gap)) => failures.push(format!(
                    "{:?} passes now: remove its gap ({gap})",
                    case.query
                )),
            }
        }
        println!(
            "Spanish relevance, {}: {passed} of {} pass ({} known gaps)",
            if held_out { "held out" } else { "tuned" },
            set.len(),
            set.iter().filter(|case| case.gap.is_some()).count()
        );
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
