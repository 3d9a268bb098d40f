//! Next year's report is a change under `dataset/` only: a copy of the real dataset with a
//! fictional third report added (`tests/fixtures/third-report/`, clearly marked as a test
//! fixture) compiles, and its actions are found, filtered, counted and cited through the
//! engine and the command line's own commands, with no code change.

mod common;

use std::cell::RefCell;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use clap::Parser;
use localaction::args::Args;
use localaction::catalogue::{Catalogue, YearMonth};
use localaction::cli::{self, Command};
use localaction::engine::{Dimension, Engine, Request};
use localaction::export::Output;
use localaction::i18n::Lang;
use localaction_data::dataset::Dataset;
use localaction_data::{blob, indexer};
use tantivy::directory::OwnedBytes;

const FICTIONAL: [&str; 2] = [
    "2031-fixture-kampala-gardens",
    "2031-fixture-zurich-gardens",
];

/// The real dataset with the fixture's rows appended and its action files (and their
/// translations) added.
fn dataset_with_a_third_report() -> tempfile::TempDir {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().expect("a temporary folder");
    common::copy_tree(&manifest.join("dataset"), copy.path());
    let fixture = manifest.join("tests/fixtures/third-report");
    for table in ["reports", "sections", "figures"] {
        let addition = fs::read_to_string(fixture.join(format!("{table}.append.toml"))).unwrap();
        let mut file = fs::OpenOptions::new()
            .append(true)
            .open(copy.path().join(format!("{table}.toml")))
            .unwrap();
        file.write_all(addition.as_bytes()).unwrap();
    }
    common::copy_tree(&fixture.join("actions"), &copy.path().join("actions"));
    common::copy_tree(
        &fixture.join("translations"),
        &copy.path().join("translations"),
    );
    copy
}

/// What a command wrote, kept for reading back.
#[derive(Clone, Default)]
struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs a command line (as typed after `localaction`) over `engine`, and what it printed.
fn run(engine: &Engine<'_>, line: &[&str]) -> (cli::Verdict, String) {
    let written = Written::default();
    let mut output = Output {
        writer: Box::new(written.clone()),
        columns: None,
        colour: false,
        lang: Lang::EN,
        today: engine.today(),
        bom: false,
    };
    let args = Args::try_parse_from(std::iter::once("localaction").chain(line.iter().copied()))
        .unwrap_or_else(|error| panic!("{line:?}: {error}"));
    let status = match args.command.expect("a command") {
        Command::Search(args) => cli::search::run(engine, &args, &mut output),
        Command::Show(args) => cli::show::run(engine, &args, &mut output),
        Command::List(args) => cli::list::run_list(engine, &args, &mut output),
        Command::Stats(args) => cli::stats::run(engine, &args, &mut output),
        other => panic!("not a command over the catalogue: {other:?}"),
    }
    .unwrap_or_else(|error| panic!("{line:?}: {error:#}"));
    output.writer.flush().unwrap();
    drop(output);
    let text = String::from_utf8(written.0.borrow().clone()).expect("UTF-8");
    (status, text)
}

#[test]
fn a_third_report_is_browsed_with_no_code_change() {
    let folder = dataset_with_a_third_report();
    let dataset = Dataset::load(folder.path()).unwrap_or_else(|errors| panic!("{errors}"));
    let compiled = dataset
        .compile()
        .unwrap_or_else(|errors| panic!("{errors}"));
    let bytes = blob::encode(&compiled).unwrap();
    let index = indexer::build_index(&compiled).unwrap();
    let catalogue = Catalogue::open(&bytes).unwrap();
    assert_eq!(catalogue.len(), 77 + 2);
    assert_eq!(catalogue.reports().len(), 2);
    let today = YearMonth {
        year: 2032,
        month: Some(1),
    };
    let engine = Engine::open(&catalogue, OwnedBytes::new(index), today).unwrap();

    // The engine: a new year among the values, its actions found by their words.
    assert_eq!(engine.values().years(), [2022, 2023, 2031]);
    let outcome = engine.search(&Request {
        text: "jardins fictifs".into(),
        ..Request::default()
    });
    let mut found: Vec<&str> = outcome
        .hits
        .iter()
        .map(|hit| catalogue.id_at(hit.position))
        .collect();
    found.sort();
    assert_eq!(found, FICTIONAL);
    let year_counts = outcome.counts.of(Dimension::Year);
    assert_eq!(year_counts, [0, 0, 2]);

    // The command line: filtered by the new year, counted, shown and cited.
    let (status, json) = run(&engine, &["list", "--year", "2031", "--format", "json"]);
    assert_eq!(status, cli::Verdict::Found);
    let listed: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let mut ids: Vec<&str> = listed
        .iter()
        .map(|record| record["id"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, FICTIONAL);
    assert!(
        listed
            .iter()
            .all(|record| record["section"] == "fixture-submissions-2031")
    );

    let (_, json) = run(
        &engine,
        &["search", "gardens", "--year", "2031", "--format", "json"],
    );
    let hits: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(hits.len(), 2);

    let (_, json) = run(&engine, &["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&json).unwrap();
    let years = stats["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|counts| counts["dimension"] == "year")
        .unwrap();
    assert!(
        years["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|value| value["key"] == "2031" && value["count"] == 2)
    );
    assert!(
        stats["report_figures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|figure| figure["report"] == "fixture-fictional-2031" && figure["value"] == 2)
    );

    let (_, text) = run(&engine, &["show", "2031-fixture-zurich-gardens"]);
    assert!(text.contains("fixture-submissions-2031"), "{text}");

    // A Markdown list cites the report its actions are printed in, and only that one.
    let (_, markdown) = run(&engine, &["list", "--year", "2031", "--format", "markdown"]);
    assert!(
        markdown
            .contains("*RAPPORT FICTIF POUR LES TESTS — Troisième rapport (jeu d'essai) – 2031*"),
        "{markdown}"
    );
    assert!(
        !markdown.contains("LOCALISATION DES PACTES MONDIAUX"),
        "{markdown}"
    );
}

/// An action whose year is not its section's is refused, naming both.
#[test]
fn an_action_in_the_wrong_collection_fails_the_build() {
    let folder = dataset_with_a_third_report();
    let path = folder.path().join("actions/2031-fixture.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("year = 2031", "year = 2030", 1)).unwrap();
    let dataset = Dataset::load(folder.path()).unwrap();
    let errors = dataset.compile().unwrap_err().to_string();
    assert!(
        errors.contains(
            "actions/2031-fixture.toml: action \"2031-fixture-zurich-gardens\": field `year`: 2030 is not the year of section \"fixture-submissions-2031\" (2031)"
        ),
        "{errors}"
    );
}
