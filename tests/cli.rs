//! The real binary on the embedded catalogue: JSON parsed back as typed records, exit
//! codes, error messages, and a closed pipe.

use std::io::Read;
use std::process::{Command, Output, Stdio};

use localaction::catalogue::record::ActionRecord;

fn localaction(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

fn records(args: &[&str]) -> Vec<ActionRecord<'static>> {
    let output = localaction(args);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("a JSON array of action records")
}

#[test]
fn list_json_is_the_whole_catalogue_in_order() {
    let records = records(&["list", "--format", "json"]);
    assert_eq!(records.len(), 77);
    // Ordered by year, then submitter.
    let years: Vec<u16> = records.iter().map(|record| record.year).collect();
    assert!(years.is_sorted());
    assert_eq!(
        records.iter().filter(|record| record.year == 2022).count(),
        23
    );
    let amman = records
        .iter()
        .find(|record| record.id == "2023-amman-climate-academy")
        .unwrap();
    assert_eq!(amman.city.as_deref(), Some("Amman"));
    assert_eq!(amman.country_code.as_deref(), Some("JO"));
    assert_eq!(amman.region, "middle-east-north-africa");
    assert_eq!(amman.compact.as_deref(), Some("gcr"));
    assert_eq!(amman.start.as_deref(), Some("2023-10"));
    assert_eq!(amman.end, None);
    assert_eq!(amman.ongoing, Some(true));
    assert_eq!(amman.priorities_stated, vec![2]);
    assert_eq!(amman.kind, "local_government");
    let kampala = records
        .iter()
        .find(|record| record.id == "2023-kampala-nairobi-refugee-inclusion")
        .unwrap();
    assert_eq!(
        kampala.partners,
        vec!["2023-nairobi-kampala-refugee-inclusion"]
    );
}

#[test]
fn json_field_names_are_the_documented_contract() {
    let output = localaction(&["list", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = value.as_array().unwrap()[0].as_object().unwrap();
    for field in [
        "id",
        "year",
        "submitter",
        "kind",
        "city",
        "country",
        "country_code",
        "region",
        "title",
        "title_en",
        "summary_en",
        "duration",
        "start",
        "end",
        "compact",
        "priorities",
        "priorities_stated",
        "gcf",
        "partners",
        "themes",
        "description",
    ] {
        assert!(first.contains_key(field), "JSON records lack `{field}`");
    }
    // 2022 write-ups do not state a compact: null, not a guess.
    let write_up = value
        .as_array()
        .unwrap()
        .iter()
        .find(|record| record["year"] == 2022)
        .unwrap();
    assert!(write_up["compact"].is_null());
}

#[test]
fn list_filters_by_year() {
    assert_eq!(
        records(&["list", "--year", "2022", "--format", "json"]).len(),
        23
    );
    assert_eq!(
        records(&["list", "--year", "2023", "--format", "json"]).len(),
        54
    );
}

#[test]
fn an_unknown_year_is_an_input_error() {
    let output = localaction(&["list", "--year", "1999"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "localaction: error: --year 1999: the catalogue has no actions of 1999 (years: 2022, 2023)"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn show_json_matches_the_listing() {
    let listed = records(&["list", "--format", "json"]);
    for id in [
        "2023-tyre-zurich-city-cooperation",
        "2022-milan-freetown-fashion",
    ] {
        let output = localaction(&["show", id, "--format", "json"]);
        assert!(output.status.success(), "{}", stderr(&output));
        let shown: ActionRecord<'static> = serde_json::from_slice(&output.stdout).unwrap();
        let expected = listed.iter().find(|record| record.id == id).unwrap();
        assert_eq!(&shown, expected);
    }
}

#[test]
fn show_text_labels_translations_and_provenance() {
    let output = localaction(&["show", "2023-dallas-community-ambassadors"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("[editors' translation]"), "{text}");
    assert!(text.contains("[stated by the report]"), "{text}");
    assert!(
        text.contains("Description\n  La Ville de Dallas s'engage"),
        "{text}"
    );
    assert!(text.contains("TC Broadnax"), "{text}");
}

#[test]
fn an_unknown_id_suggests_the_closest() {
    let output = localaction(&["show", "2023-amman-climate-academi"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "localaction: error: no action has the id \"2023-amman-climate-academi\"; did you mean: 2023-amman-climate-academy?"
    );
    let output = localaction(&["show", "\u{1b}[2Jnothing-like-it"]);
    assert_eq!(output.status.code(), Some(2));
    // The escape sequence is neutralised, not echoed to the terminal.
    assert!(!stderr(&output).contains('\u{1b}'), "{}", stderr(&output));
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(
        localaction(&["list", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(localaction(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(localaction(&["--help"]).status.code(), Some(0));
    let version = localaction(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    let version = stdout(&version);
    assert!(
        version.starts_with("localaction 0.1.0 (catalogue: 77 actions, sha256 "),
        "{version}"
    );
}

#[test]
fn table_lists_every_action_with_a_total() {
    let output = localaction(&["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID "));
    assert_eq!(lines.len(), 1 + 77 + 1);
    assert_eq!(*lines.last().unwrap(), "77 actions");
    assert!(text.contains("2023-kampala-nairobi-refugee-inclusion"));
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(["list", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the pipe as `| head -c 100` would.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut errors = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit {status}: {errors}");
    assert_eq!(errors, "");
}
