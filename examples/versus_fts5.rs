//! Side by side with SQLite FTS5, the engine behind Datasette's search:
//! `cargo run --release --example versus_fts5 -- 100000` builds the synthetic catalogue of
//! `scale` (N actions), puts the same texts in an in-memory FTS5 table and the same facet
//! values in an indexed table, and times the same queries both ways, interleaved, in the
//! same run. Each answer is what a screen needs: the first 50 hits ranked, the total and
//! every facet's counts (10 dimensions). FTS5 is also timed without the facet counts (the
//! page and the total): its search alone.
//!
//! FTS5 is configured as well as it can be for these texts: accents folded
//! (`remove_diacritics 2`), Porter stemming (its only stemmer, English), a prefix index
//! for 2 and 3 letters; its queries are written by hand as the FTS5 expression of the same
//! words (stop words left out, `NOT` for an excluded word, `*` for a prefix). It matches
//! strictly: every word, no typo, no synonym. localaction is timed twice: strictly with the
//! words alone (`--match all --no-synonyms`, FTS5's own task) and as the interface runs it
//! (forgiving, typos, the thesaurus). Totals differ where the analyses differ (French and
//! Spanish stemming, stop words); they are printed beside the timings.
//!
//! Prints a table per query on stderr and one JSON line of medians, p99s and ratios on
//! stdout, with the in-run baseline of `scale`.

mod shared;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use localaction::catalogue::{Catalogue, YearMonth};
use localaction::engine::{Dimension, Engine, MatchMode, Request};
use rusqlite::{Connection, params};
use shared::{baseline_runs, micros, percentile, round};
use tantivy::directory::OwnedBytes;

/// Timings per query and engine (the whole set is repeated this many times).
const ROUNDS: usize = 30;
/// Hits returned, ranked: a page.
const PAGE: usize = 50;

/// The queries: as typed in localaction, and as an FTS5 expression.
const QUERIES: &[(&str, &str)] = &[
    ("réfugiés ", "réfugiés"),
    ("children ", "children"),
    ("interpreters ", "interpreters"),
    ("Barranquilla ", "barranquilla"),
    ("emploi ", "emploi"),
    ("santé enfants ", "santé enfants"),
    ("climate migration ", "climate migration"),
    (
        "refugee women entrepreneurs ",
        "refugee women entrepreneurs",
    ),
    ("\"centre d'accueil\"", "\"centre d'accueil\""),
    ("migrants -Kampala ", "migrants NOT kampala"),
    ("integ", "integ*"),
    (
        "inclusion des migrants et réfugiés dans les services municipaux ",
        "inclusion migrants réfugiés services municipaux",
    ),
];

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let count = match shared::count(arguments.first()) {
        Ok(count) if arguments.len() == 1 => count,
        Ok(_) => return usage("only N is expected"),
        Err(problem) => return usage(&problem),
    };
    match run(count) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("versus_fts5: {message}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "versus_fts5: {problem}\nusage: cargo run --release --example versus_fts5 -- N   (e.g. 100000)"
    );
    ExitCode::from(2)
}

/// FTS5's answer: the page's rowids, the total, and (dimension, slot, count) rows.
type Fts5Answer = (Vec<i64>, usize, Vec<(i64, i64, i64)>);

/// One engine's way of answering a query, timed.
#[derive(Clone, Copy)]
enum Way {
    Strict,
    Forgiving,
    Fts5,
    /// FTS5's page and total without the facet counts: its search alone.
    Fts5WithoutFacets,
}

const WAYS: [Way; 4] = [
    Way::Strict,
    Way::Forgiving,
    Way::Fts5,
    Way::Fts5WithoutFacets,
];

fn run(count: usize) -> Result<String, String> {
    let synthetic = shared::synthetic(count)?;
    let build = synthetic.build;
    let today = YearMonth {
        year: 2026,
        month: Some(1),
    };
    let catalogue = Catalogue::open(&synthetic.blob)?;
    let engine = Engine::open(&catalogue, OwnedBytes::new(synthetic.index), today)?;

    let started = Instant::now();
    let sqlite = fts5_catalogue(&engine).map_err(|error| format!("SQLite: {error}"))?;
    let fts5_build = started.elapsed();

    let request = |text: &str, way: Way| Request {
        text: text.to_owned(),
        limit: Some(PAGE),
        mode: match way {
            Way::Strict => MatchMode::All,
            _ => MatchMode::Most,
        },
        synonyms: matches!(way, Way::Forgiving),
        ..Request::default()
    };
    let mut page = sqlite
        .prepare(&format!(
            "SELECT rowid FROM texts WHERE texts MATCH ?1 ORDER BY rank LIMIT {PAGE}"
        ))
        .map_err(|error| error.to_string())?;
    let mut total_only = sqlite
        .prepare("SELECT count(*) FROM texts WHERE texts MATCH ?1")
        .map_err(|error| error.to_string())?;
    let mut counts = sqlite
        .prepare(
            "WITH hits AS MATERIALIZED (SELECT rowid AS id FROM texts WHERE texts MATCH ?1)
             SELECT -1, 0, count(*) FROM hits
             UNION ALL
             SELECT dimension, slot, count(*) FROM hits JOIN facet_values USING (id)
             GROUP BY dimension, slot",
        )
        .map_err(|error| error.to_string())?;
    // The answer FTS5 gives: the page, and the total with every dimension's counts (or
    // the total alone).
    let mut fts5 = |expression: &str, facets: bool| -> Result<Fts5Answer, String> {
        let hits = page
            .query_map(params![expression], |row| row.get::<_, i64>(0))
            .and_then(Iterator::collect)
            .map_err(|error| error.to_string())?;
        if !facets {
            let total: i64 = total_only
                .query_row(params![expression], |row| row.get(0))
                .map_err(|error| error.to_string())?;
            return Ok((hits, total as usize, Vec::new()));
        }
        let counted: Vec<(i64, i64, i64)> = counts
            .query_map(params![expression], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .and_then(Iterator::collect)
            .map_err(|error| error.to_string())?;
        let total = counted
            .iter()
            .find(|(dimension, ..)| *dimension == -1)
            .map_or(0, |&(.., total)| total as usize);
        Ok((hits, total, counted))
    };

    // Totals, from an untimed round that also warms the caches.
    let mut totals = Vec::new();
    for &(typed, expression) in QUERIES {
        let strict = engine.search(&request(typed, Way::Strict)).total;
        let forgiving = engine.search(&request(typed, Way::Forgiving)).total;
        let (_, fts5_total, _) = fts5(expression, true)?;
        let (_, alone, _) = fts5(expression, false)?;
        totals.push([strict, forgiving, fts5_total, alone]);
    }

    let mut baselines = baseline_runs();
    // Per query and way, interleaved so that the machine's load falls on all three alike.
    let mut timings: Vec<[Vec<Duration>; 4]> = vec![Default::default(); QUERIES.len()];
    for _ in 0..ROUNDS {
        for (&(typed, expression), timings) in QUERIES.iter().zip(&mut timings) {
            for (way, timings) in WAYS.into_iter().zip(timings.iter_mut()) {
                let started = Instant::now();
                match way {
                    Way::Fts5 | Way::Fts5WithoutFacets => {
                        let facets = matches!(way, Way::Fts5);
                        black_box(fts5(black_box(expression), facets)?);
                    }
                    _ => {
                        black_box(engine.search(black_box(&request(typed, way))));
                    }
                }
                timings.push(started.elapsed());
            }
        }
    }
    baselines.extend(baseline_runs());
    baselines.sort_unstable();
    let baseline = micros(percentile(&baselines, 0.50));

    eprintln!(
        "{:<34} {:>25} {:>25} {:>25} {:>25}",
        "query (µs)",
        "strict: total p50 p99",
        "forgiving: total p50 p99",
        "FTS5: total p50 p99",
        "FTS5 no facets: p50 p99"
    );
    let mut all: [Vec<Duration>; 4] = Default::default();
    for ((&(typed, _), timings), totals) in QUERIES.iter().zip(&mut timings).zip(&totals) {
        let mut row = format!(
            "{:<34}",
            format!("{:?}", typed.trim_end())
                .chars()
                .take(34)
                .collect::<String>()
        );
        for ((timings, total), all) in timings.iter_mut().zip(totals).zip(&mut all) {
            timings.sort_unstable();
            row += &format!(
                " {total:>7} {:>8.0} {:>8.0}",
                micros(percentile(timings, 0.50)),
                micros(percentile(timings, 0.99))
            );
            all.extend_from_slice(timings);
        }
        eprintln!("{row}");
    }
    let [strict, forgiving, fts5_all, fts5_alone] = all.map(|mut timings| {
        timings.sort_unstable();
        (
            micros(percentile(&timings, 0.50)),
            micros(percentile(&timings, 0.99)),
        )
    });
    Ok(serde_json::json!({
        "records": catalogue.len(),
        "queries": QUERIES.len(),
        "timings_per_way": ROUNDS * QUERIES.len(),
        "build_s": round(build.as_secs_f64(), 1),
        "fts5_build_s": round(fts5_build.as_secs_f64(), 1),
        "strict_p50_us": round(strict.0, 1),
        "strict_p99_us": round(strict.1, 1),
        "forgiving_p50_us": round(forgiving.0, 1),
        "forgiving_p99_us": round(forgiving.1, 1),
        "fts5_p50_us": round(fts5_all.0, 1),
        "fts5_p99_us": round(fts5_all.1, 1),
        "fts5_p50_over_strict": round(fts5_all.0 / strict.0, 2),
        "fts5_p99_over_strict": round(fts5_all.1 / strict.1, 2),
        "fts5_p50_over_forgiving": round(fts5_all.0 / forgiving.0, 2),
        "fts5_p99_over_forgiving": round(fts5_all.1 / forgiving.1, 2),
        "fts5_without_facets_p50_us": round(fts5_alone.0, 1),
        "fts5_without_facets_p99_us": round(fts5_alone.1, 1),
        "baseline_us": round(baseline, 1),
    })
    .to_string())
}

/// The catalogue in SQLite: every action's searchable texts (the names and each language's
/// title, summary and description with spotlight and quote, as localaction indexes them) in
/// an FTS5 table whose rowid is the action's position, and each action's value slots in
/// every dimension, as localaction's facets read them, in a table keyed by action.
fn fts5_catalogue(engine: &Engine<'_>) -> rusqlite::Result<Connection> {
    let catalogue = engine.catalogue();
    let tables = &catalogue.tables;
    let sqlite = Connection::open_in_memory()?;
    sqlite.execute_batch(
        "CREATE VIRTUAL TABLE texts USING fts5(
             names, titles, summaries, descriptions,
             tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
         CREATE TABLE facet_values (
             id INTEGER, dimension INTEGER, slot INTEGER,
             PRIMARY KEY (id, dimension, slot)) WITHOUT ROWID;
         BEGIN;",
    )?;
    {
        let mut add_texts = sqlite.prepare(
            "INSERT INTO texts (rowid, names, titles, summaries, descriptions)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut add_value = sqlite.prepare("INSERT INTO facet_values VALUES (?1, ?2, ?3)")?;
        for (position, (action, row)) in catalogue.actions().zip(catalogue.facets()).enumerate() {
            let mut names = vec![action.submitter];
            names.extend(action.mayor);
            for &place in &action.places {
                names.extend(tables.places[place as usize].names.iter().copied());
            }
            if let Some(country) = action.country {
                names.extend(tables.countries[country as usize].names.iter().copied());
            }
            names.extend(tables.regions[action.region as usize].names.iter().copied());
            let (mut titles, mut summaries, mut descriptions) = (vec![], vec![], vec![]);
            for texts in action.all_texts() {
                titles.push(texts.title);
                summaries.extend(texts.summary);
                descriptions.push(texts.description);
                descriptions.extend(texts.spotlight);
                descriptions.extend(texts.quote);
            }
            add_texts.execute(params![
                position as i64,
                names.join("\n"),
                titles.join("\n"),
                summaries.join("\n"),
                descriptions.join("\n"),
            ])?;
            for dimension in Dimension::ALL {
                let mut slots = Vec::new();
                engine
                    .values()
                    .slots(row, dimension)
                    .for_each(|slot| slots.push(slot));
                for slot in slots {
                    add_value.execute(params![position as i64, dimension as i64, slot as i64])?;
                }
            }
        }
    }
    sqlite.execute_batch("COMMIT; INSERT INTO texts (texts) VALUES ('optimize');")?;
    Ok(sqlite)
}
