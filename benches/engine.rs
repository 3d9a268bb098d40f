//! Search latency on the embedded catalogue: a fixed set of realistic queries (French,
//! accent-free, English, typo, phrase, exclusion, prefix, filters alone), each measured as
//! what the interface pays per keystroke — query, ranking and every facet count.
//!
//! Besides criterion's report, prints to stderr a table of p50 and p99 per query over
//! `TIMED_RUNS` runs each, with baselines measured in the same run (opening the embedded
//! catalogue blob; parsing a query) so that numbers can be reported as ratios. The goal is
//! p99 ≤ 1 ms per query (typo expansion and fallback included).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use localaction::catalogue::Catalogue;
use localaction::catalogue::embedded::BLOB;
use localaction::engine::{self, Dimension, Engine, Filters, Request, query};

/// Timed runs per query for the percentile table.
const TIMED_RUNS: usize = 2_000;
/// Untimed runs before them.
const WARM_UP_RUNS: usize = 200;
/// The goal, in microseconds.
const GOAL_P99_US: f64 = 1_000.0;

/// One benchmarked search: a label, the text typed, and filters as typed values.
struct Case {
    label: &'static str,
    text: &'static str,
    filters: &'static [(Dimension, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        label: "french",
        text: "réfugiés ",
        filters: &[],
    },
    Case {
        label: "accent-free",
        text: "refugies ",
        filters: &[],
    },
    Case {
        label: "french-two-words",
        text: "santé enfants ",
        filters: &[],
    },
    Case {
        label: "english",
        text: "climate migration ",
        filters: &[],
    },
    Case {
        label: "typo-name",
        text: "Barranqilla ",
        filters: &[],
    },
    Case {
        label: "city-name",
        text: "Montréal ",
        filters: &[],
    },
    Case {
        label: "phrase",
        text: "\"centre d'accueil\"",
        filters: &[],
    },
    Case {
        label: "exclusion",
        text: "migrants -Kampala ",
        filters: &[],
    },
    Case {
        label: "prefix",
        text: "integ",
        filters: &[],
    },
    Case {
        label: "prefix-after-word",
        text: "climat vuln",
        filters: &[],
    },
    Case {
        label: "text+filters",
        text: "emploi ",
        filters: &[(Dimension::Year, "2023"), (Dimension::Status, "ongoing")],
    },
    Case {
        label: "empty",
        text: "",
        filters: &[],
    },
    Case {
        label: "empty+region+year",
        text: "",
        filters: &[(Dimension::Region, "africa"), (Dimension::Year, "2023")],
    },
    Case {
        label: "filters-p2+gcr",
        text: "",
        filters: &[(Dimension::Priority, "2"), (Dimension::Compact, "gcr")],
    },
    Case {
        label: "typo-1-edit",
        text: "educaton ",
        filters: &[],
    },
    Case {
        label: "typo-1-edit-english",
        text: "climte change ",
        filters: &[],
    },
    Case {
        label: "typo-2-edits",
        text: "integraton ",
        filters: &[],
    },
    Case {
        label: "typo-transposed",
        text: "enfnats santé ",
        filters: &[],
    },
    Case {
        label: "absent-word",
        text: "refugee women entrepreneurs ",
        filters: &[],
    },
    Case {
        label: "absent-nonsense",
        text: "climat zzzz ",
        filters: &[],
    },
    Case {
        label: "english-translation",
        text: "interpreters ",
        filters: &[],
    },
    Case {
        label: "typing-prefix",
        text: "legaz",
        filters: &[],
    },
    Case {
        label: "typo+fallback",
        text: "housng refugees entrepreneurz ",
        filters: &[],
    },
    Case {
        label: "strict-words",
        text: "santé enfants ",
        filters: &[(Dimension::Compact, "gcr")],
    },
    Case {
        label: "long-query",
        text: "inclusion des migrants et réfugiés dans les services municipaux -Colombie",
        filters: &[],
    },
];

fn request(engine: &Engine<'_>, case: &Case) -> Request {
    let mut filters = Filters::new();
    for &(dimension, typed) in case.filters {
        filters
            .select_typed(engine.values(), dimension, &[typed.to_owned()])
            .unwrap_or_else(|error| panic!("case {}: {error}", case.label));
    }
    Request {
        text: case.text.to_owned(),
        filters,
        limit: None,
        mode: Default::default(),
        synonyms: true,
    }
}

/// Checks an outcome against its definition before timing it: hits ranked by score, year
/// (newest first) and id; a limited search gives the first hits; each facet count equal to the total of the same search with that
/// dimension's selection replaced by that one value.
fn check(engine: &Engine<'_>, case: &Case, request: &Request) {
    let outcome = engine.search(request);
    let catalogue = engine.catalogue();
    let in_order = outcome
        .hits
        .windows(2)
        .all(|pair| engine::rank_order(catalogue, &pair[0], &pair[1]).is_lt());
    assert!(in_order, "case {}: hits out of order", case.label);
    for limit in [0, 1, 3] {
        let limited = engine.search(&Request {
            limit: Some(limit),
            ..request.clone()
        });
        let expected = &outcome.hits[..limit.min(outcome.hits.len())];
        assert_eq!(limited.hits, expected, "case {}: limit {limit}", case.label);
    }
    for dimension in Dimension::ALL {
        for (slot, &count) in outcome.counts.of(dimension).iter().enumerate() {
            let mut filters = request.filters.clone();
            filters.clear(dimension);
            filters.select(dimension, slot);
            let alone = Request {
                text: request.text.clone(),
                filters,
                limit: Some(0),
                mode: request.mode,
                synonyms: request.synonyms,
            };
            assert_eq!(
                engine.search(&alone).total,
                count,
                "case {}: count of {} #{slot}",
                case.label,
                dimension.key()
            );
        }
    }
}

/// p50 and p99 of `TIMED_RUNS` timings of `run`, after a warm-up. What `run` returns is
/// dropped inside the timing: freeing is part of the cost a caller pays.
fn percentiles<T>(mut run: impl FnMut() -> T) -> (Duration, Duration) {
    for _ in 0..WARM_UP_RUNS {
        black_box(run());
    }
    let mut timings: Vec<Duration> = (0..TIMED_RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    timings.sort_unstable();
    let at = |fraction: f64| timings[((timings.len() - 1) as f64 * fraction).round() as usize];
    (at(0.50), at(0.99))
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

/// The percentile table, on stderr.
fn report(engine: &Engine<'_>) {
    // Half a second of work first, so that the first numbers are not taken on an idle CPU.
    let requests: Vec<Request> = CASES.iter().map(|case| request(engine, case)).collect();
    let started = Instant::now();
    while started.elapsed() < Duration::from_millis(500) {
        for request in &requests {
            black_box(engine.search(request));
        }
    }
    let (open_p50, open_p99) = percentiles(|| Catalogue::open(black_box(BLOB)).unwrap());
    let (parse_p50, parse_p99) =
        percentiles(|| query::parse(black_box(CASES[CASES.len() - 1].text)));
    eprintln!();
    eprintln!(
        "engine: {} actions, {TIMED_RUNS} timed runs per line (query + ranking + all facet counts)",
        engine.catalogue().len()
    );
    eprintln!(
        "baseline A = Catalogue::open(embedded blob): p50 {:.2} µs, p99 {:.2} µs",
        micros(open_p50),
        micros(open_p99)
    );
    eprintln!(
        "baseline B = query::parse(long query):       p50 {:.2} µs, p99 {:.2} µs",
        micros(parse_p50),
        micros(parse_p99)
    );
    eprintln!("ratios: against baseline A's p50; goal: p99 ≤ {GOAL_P99_US} µs");
    eprintln!(
        "{:<20} {:>6} {:>10} {:>10} {:>8} {:>8} {:>6}",
        "query", "total", "p50 µs", "p99 µs", "p50/A", "p99/A", "goal"
    );
    let mut worst = Duration::ZERO;
    for case in CASES {
        let request = request(engine, case);
        check(engine, case, &request);
        let total = engine.search(&request).total;
        let (p50, p99) = percentiles(|| engine.search(black_box(&request)));
        worst = worst.max(p99);
        eprintln!(
            "{:<20} {:>6} {:>10.2} {:>10.2} {:>8.2} {:>8.2} {:>6}",
            case.label,
            total,
            micros(p50),
            micros(p99),
            p50.as_secs_f64() / open_p50.as_secs_f64(),
            p99.as_secs_f64() / open_p50.as_secs_f64(),
            if micros(p99) <= GOAL_P99_US {
                "ok"
            } else {
                "MISSED"
            }
        );
    }
    // Measured again, so that drift during the run (other load, frequency) shows.
    let (again_p50, again_p99) = percentiles(|| Catalogue::open(black_box(BLOB)).unwrap());
    eprintln!(
        "baseline A again, after the queries: p50 {:.2} µs, p99 {:.2} µs",
        micros(again_p50),
        micros(again_p99)
    );
    eprintln!(
        "worst p99: {:.2} µs (goal ≤ {GOAL_P99_US} µs): {}",
        micros(worst),
        if micros(worst) <= GOAL_P99_US {
            "met"
        } else {
            "missed"
        }
    );
    eprintln!();
}

fn searching(criterion: &mut Criterion) {
    let engine = engine::embedded().expect("the embedded engine opens");
    report(engine);

    let mut group = criterion.benchmark_group("engine");
    group.bench_function("baseline/catalogue-open", |bencher| {
        bencher.iter(|| Catalogue::open(black_box(BLOB)).unwrap())
    });
    for case in CASES {
        let request = request(engine, case);
        group.bench_function(format!("search/{}", case.label), |bencher| {
            bencher.iter(|| engine.search(black_box(&request)))
        });
    }
    group.finish();
}

criterion_group!(benches, searching);
criterion_main!(benches);
