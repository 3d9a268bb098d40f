//! The dataset validator on bad datasets: each fixture under `tests/fixtures/bad-dataset/`
//! alters a small valid dataset and must fail with exactly the expected messages, naming
//! the file, the record and the field.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use localaction::catalogue::Catalogue;
use localaction_data::blob;
use localaction_data::dataset::Dataset;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    expected: String,
    edit: Vec<Edit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: String,
    replace: String,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of the valid base dataset in a temporary folder.
fn copy_of_base() -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("temporary folder");
    common::copy_tree(&fixtures_dir().join("dataset-base"), copy.path());
    copy
}

/// Every problem the validator reports for the dataset in `dir`, one per line.
fn problems(dir: &Path) -> Option<String> {
    let errors = match Dataset::load(dir) {
        Ok(dataset) => match dataset.compile() {
            Ok(_) => return None,
            Err(errors) => errors,
        },
        Err(errors) => errors,
    };
    Some(errors.0.iter().map(|error| format!("{error}\n")).collect())
}

#[test]
fn the_base_dataset_is_valid() {
    let base = copy_of_base();
    assert_eq!(problems(base.path()), None);
    let dataset = Dataset::load(base.path()).unwrap();
    let bytes = blob::encode(&dataset.compile().unwrap()).unwrap();
    let catalogue = Catalogue::open(&bytes).unwrap();
    catalogue.check_actions().unwrap();
    assert_eq!(catalogue.len(), 3);
    // Partners are remapped to positions after sorting by year, submitter, id.
    let kampala = catalogue.action("2023-kampala-joint").unwrap();
    assert_eq!(catalogue.id_at(kampala.partners[0]), "2023-nairobi-joint");
}

#[test]
fn every_bad_fixture_fails_with_its_expected_messages() {
    let mut names: Vec<PathBuf> = fs::read_dir(fixtures_dir().join("bad-dataset"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 8,
        "only {} bad-dataset fixtures",
        names.len()
    );

    let mut failures = Vec::new();
    for path in &names {
        let name = path.file_stem().unwrap().to_string_lossy();
        let fixture: Fixture = toml::from_str(&fs::read_to_string(path).unwrap())
            .unwrap_or_else(|error| panic!("fixture {name}: {error}"));
        let dataset = copy_of_base();
        for edit in &fixture.edit {
            let file = dataset.path().join(&edit.file);
            let text = fs::read_to_string(&file).unwrap();
            assert_eq!(
                text.matches(&edit.find).count(),
                1,
                "fixture {name}: `find` must occur exactly once in {}",
                edit.file
            );
            fs::write(&file, text.replacen(&edit.find, &edit.replace, 1)).unwrap();
        }
        match problems(dataset.path()) {
            None => failures.push(format!("{name}: the dataset was accepted")),
            Some(actual) if actual != fixture.expected => failures.push(format!(
                "{name}:\n  expected:\n{}\n  actual:\n{}",
                fixture.expected, actual
            )),
            Some(_) => {}
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_missing_file_is_named() {
    let dataset = copy_of_base();
    fs::remove_file(dataset.path().join("places.toml")).unwrap();
    let problems = problems(dataset.path()).expect("rejected");
    assert!(
        problems.starts_with("places.toml: cannot read the file: "),
        "{problems}"
    );
}
