//! Scale test: `cargo run --release --example scale -- 100000` builds a synthetic catalogue
//! of N actions (blob and packed index, through the same code as `build.rs`), opens it from
//! those bytes as the binary does, and prints one JSON line: `records`, `build_s`,
//! `blob_bytes`, `index_bytes`, `open_ms` (catalogue decode + index open) and
//! `query_p50_us` / `query_p99_us` (query, ranking and every facet count, over a fixed set
//! of queries repeated, typos and fallback on). Goals at 100,000: `open_ms` ≤ 20,
//! `query_p99_us` ≤ 25,000.
//! A table of p50 and p99 per query goes to stderr.
//!
//! The machines this runs on are shared and noisy: `baseline_us` is the median time to
//! sort 100,000 pseudo-random integers, measured before and after the queries in the same
//! run, and `query_p99_over_baseline` the p99 in those units, for comparing runs.
//!
//! `scale N QUERY…` times the queries given instead of the fixed set (no filters), to find
//! where a slow query spends its time.
//!
//! An invalid N (not a whole number from 1 to `MAX_COUNT`) is reported on stderr with exit
//! code 2.

mod shared;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use localaction::catalogue::{Catalogue, YearMonth};
use localaction::engine::{Dimension, Engine, Filters, Request, rank_order};
use shared::{baseline_runs, micros, percentile, round};
use tantivy::directory::OwnedBytes;

/// Timings per query (the whole set is repeated this many times).
const ROUNDS: usize = 50;
/// Opening is timed this many times; the median is reported.
const OPEN_RUNS: usize = 7;

/// The queries timed: text typed and filters as typed values.
const QUERIES: &[(&str, &[(Dimension, &str)])] = &[
    ("réfugiés ", &[]),
    ("refugies ", &[]),
    ("educaton ", &[]),
    ("integraton ", &[]),
    ("refugee women entrepreneurs ", &[]),
    ("climat zzzz ", &[]),
    ("interpreters ", &[]),
    ("legaz", &[]),
    ("santé enfants ", &[]),
    ("climate migration ", &[]),
    ("Barranqilla ", &[]),
    ("\"centre d'accueil\"", &[]),
    ("migrants -Kampala ", &[]),
    ("integ", &[]),
    (
        "emploi ",
        &[(Dimension::Year, "2023"), (Dimension::Status, "ongoing")],
    ),
    ("", &[]),
    (
        "",
        &[(Dimension::Priority, "2"), (Dimension::Compact, "gcr")],
    ),
    (
        "inclusion des migrants et réfugiés dans les services municipaux -Colombie",
        &[],
    ),
];

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let count = match shared::count(arguments.first()) {
        Ok(count) => count,
        Err(problem) => return usage(&problem),
    };
    match run(count, arguments.get(1..).unwrap_or_default()) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("scale: {message}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "scale: {problem}\nusage: cargo run --release --example scale -- N [QUERY…]   (e.g. 100000)"
    );
    ExitCode::from(2)
}

fn run(count: usize, chosen: &[String]) -> Result<String, String> {
    let shared::Synthetic {
        blob: blob_bytes,
        index: index_bytes,
        build,
    } = shared::synthetic(count)?;
    let (blob_len, index_len) = (blob_bytes.len(), index_bytes.len());

    // The binary decodes its blob and opens its index from memory; so does this, timed
    // several times (each a cold open of both), reporting the median.
    let today = YearMonth {
        year: 2026,
        month: Some(1),
    };
    let index_bytes = OwnedBytes::new(index_bytes);
    let mut opens: Vec<Duration> = Vec::with_capacity(OPEN_RUNS);
    for _ in 0..OPEN_RUNS {
        let started = Instant::now();
        let catalogue = Catalogue::open(black_box(&blob_bytes))?;
        let engine = Engine::open(&catalogue, index_bytes.clone(), today)?;
        opens.push(started.elapsed());
        drop(black_box(engine));
    }
    opens.sort_unstable();
    let open = opens[opens.len() / 2];

    let catalogue = Catalogue::open(&blob_bytes)?;
    let engine = Engine::open(&catalogue, index_bytes, today)?;
    let chosen: Vec<(&str, &[(Dimension, &str)])> = chosen
        .iter()
        .map(|text| (text.as_str(), &[] as &[(Dimension, &str)]))
        .collect();
    let queries = if chosen.is_empty() {
        QUERIES
    } else {
        &chosen[..]
    };
    let requests = queries
        .iter()
        .map(|(text, typed)| {
            let mut filters = Filters::new();
            for &(dimension, value) in typed.iter() {
                filters
                    .select_typed(engine.values(), dimension, &[value.to_owned()])
                    .map_err(|error| error.to_string())?;
            }
            Ok(Request {
                text: (*text).to_owned(),
                filters,
                limit: None,
                mode: Default::default(),
                synonyms: true,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    // One untimed round warms the caches and checks the ranking: score, year (newest
    // first), id; a limited search gives the first hits of the full one.
    for request in &requests {
        check_ranking(&engine, request)?;
    }
    let mut baselines = baseline_runs();
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::with_capacity(ROUNDS); requests.len()];
    for _ in 0..ROUNDS {
        for (request, timings) in requests.iter().zip(&mut per_query) {
            let started = Instant::now();
            black_box(engine.search(black_box(request)));
            timings.push(started.elapsed());
        }
    }
    // Per query, on stderr (stdout holds only the JSON line).
    eprintln!(
        "{:<44} {:>7} {:>10} {:>10}",
        "query (filters)", "total", "p50 µs", "p99 µs"
    );
    for (request, timings) in requests.iter().zip(&mut per_query) {
        timings.sort_unstable();
        let filters: Vec<String> = Dimension::ALL
            .into_iter()
            .filter(|&dimension| !request.filters.selected(dimension).is_empty())
            .map(|dimension| dimension.key().to_owned())
            .collect();
        let label = format!("{:?} {}", request.text, filters.join("+"));
        eprintln!(
            "{:<44} {:>7} {:>10.1} {:>10.1}",
            label.chars().take(44).collect::<String>(),
            engine.search(request).total,
            micros(percentile(timings, 0.50)),
            micros(percentile(timings, 0.99)),
        );
    }
    baselines.extend(baseline_runs());
    baselines.sort_unstable();
    let baseline = micros(percentile(&baselines, 0.50));
    let mut timings: Vec<Duration> = per_query.into_iter().flatten().collect();
    timings.sort_unstable();
    let at = |fraction: f64| micros(percentile(&timings, fraction));

    Ok(serde_json::json!({
        "records": catalogue.len(),
        "build_s": round(build.as_secs_f64(), 3),
        "blob_bytes": blob_len,
        "index_bytes": index_len,
        "open_ms": round(open.as_secs_f64() * 1e3, 3),
        "query_p50_us": round(at(0.50), 1),
        "query_p99_us": round(at(0.99), 1),
        "baseline_us": round(baseline, 1),
        "query_p50_over_baseline": round(at(0.50) / baseline, 2),
        "query_p99_over_baseline": round(at(0.99) / baseline, 2),
        "timings": timings.len(),
    })
    .to_string())
}

/// Checks that a search's hits are ranked by score, year (newest first) and id, and that a
/// limited search returns the first hits of the full one.
fn check_ranking(engine: &Engine<'_>, request: &Request) -> Result<(), String> {
    let catalogue = engine.catalogue();
    let hits = engine.search(request).hits;
    let in_order = hits
        .windows(2)
        .all(|pair| rank_order(catalogue, &pair[0], &pair[1]).is_lt());
    let limited = engine
        .search(&Request {
            limit: Some(50),
            ..request.clone()
        })
        .hits;
    if !in_order || limited[..] != hits[..limited.len().min(hits.len())] {
        return Err(format!("query {:?}: hits out of order", request.text));
    }
    Ok(())
}
