//! The real binary on the embedded catalogue: JSON parsed back as typed records, exit
//! codes, error messages, and a closed pipe.

use std::io::Read;
use std::process::{Command, Output, Stdio};

use localaction::catalogue::record::ActionRecord;
use localaction::export::formats::HitRecord;

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
fn an_unknown_filter_value_is_an_input_error_listing_valid_ones() {
    let output = localaction(&["list", "--year", "1999"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "localaction: error: --year \"1999\": no such year; valid values: 2022, 2023"
    );
    assert!(output.stdout.is_empty());
    let output = localaction(&["search", "--country", "Grece-du-nord"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "localaction: error: --country \"Grece-du-nord\": no such country; closest: greece"
    );
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
    // Each translated title says it is the editors' translation.
    assert!(
        text.contains("\nTitle (English, editors' translation)\n                    Dallas 'Community Ambassadors Program'"),
        "{text}"
    );
    assert!(text.contains("[stated by the report]"), "{text}");
    assert!(
        text.contains("Description (French, as printed)\n  La Ville de Dallas s'engage"),
        "{text}"
    );
    assert!(text.contains("TC Broadnax"), "{text}");
    // In the language asked for: labels, region, priorities, provenance.
    let text = stdout(&localaction(&[
        "--lang",
        "es",
        "show",
        "2023-dallas-community-ambassadors",
    ]));
    assert!(
        text.contains("\nRegión              América del Norte y Europa  [de los editores]\n"),
        "{text}"
    );
    assert!(
        text.contains("Descripción (texto del informe)\n  La Ville de Dallas"),
        "{text}"
    );
    assert!(
        !text.contains("Submitter") && !text.contains("editors'"),
        "{text}"
    );
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

/// Issue 22 #6: the table's standard output is its header and rows alone; the total goes
/// to standard error, where a script reading the rows never takes it for one.
#[test]
fn table_lists_every_action_with_a_total() {
    let output = localaction(&["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID "));
    assert_eq!(lines.len(), 1 + 77);
    assert!(
        lines[1..].iter().all(|line| line.starts_with("20")),
        "{text}"
    );
    assert_eq!(stderr(&output).trim(), "77 actions");
    assert!(text.contains("2023-kampala-nairobi-refugee-inclusion"));
    let some = localaction(&["search", "kampala"]);
    assert_eq!(stderr(&some).trim(), "2 of 77 actions");
    assert!(!stdout(&some).contains("of 77"));
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

fn hits(args: &[&str]) -> Vec<HitRecord<'static>> {
    let output = localaction(args);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("a JSON array of hits")
}

#[test]
fn search_json_gives_ranked_hits_with_snippets() {
    let found = hits(&["search", "climat", "--format", "json"]);
    assert!(found.len() >= 5, "{}", found.len());
    // Ranked by exactness, then placement, then proximity, then score, each highest first.
    let key = |hit: &HitRecord| (hit.exactness, hit.placement, hit.proximity, hit.score);
    assert!(found.windows(2).all(|pair| {
        key(&pair[0])
            .partial_cmp(&key(&pair[1]))
            .is_some_and(|o| o.is_ge())
    }));
    assert!(
        found
            .iter()
            .all(|hit| hit.match_mode == "most" && hit.dropped_words.is_empty())
    );
    let first = &found[0];
    let snippet = first.snippet.as_ref().expect("a snippet");
    assert!(!snippet.highlights.is_empty());
    // Highlights are character ranges of the snippet text and cover the matched word.
    let chars: Vec<char> = snippet.text.chars().collect();
    let [start, end] = snippet.highlights[0];
    let highlighted: String = chars[start..end].iter().collect();
    assert!(
        highlighted.to_lowercase().starts_with("clima"),
        "{highlighted}"
    );
}

#[test]
fn search_filters_give_exact_counts() {
    assert_eq!(
        hits(&["search", "--compact", "idp", "--format", "json"]).len(),
        1
    );
    assert_eq!(
        hits(&["search", "--compact", "mirror", "--format", "json"]).len(),
        33
    );
    assert_eq!(
        hits(&[
            "search",
            "--year",
            "2022",
            "--compact",
            "unstated",
            "--format",
            "json"
        ])
        .len(),
        23
    );
    let zurich = hits(&["search", "--city", "ZÜRICH", "--format", "json"]);
    assert!(
        zurich
            .iter()
            .all(|hit| hit.record.city.as_deref() == Some("Zürich"))
    );
    assert_eq!(zurich.len(), 4);
}

#[test]
fn search_exit_codes_are_grep_like() {
    assert_eq!(localaction(&["search", "réfugiés"]).status.code(), Some(0));
    let nothing = localaction(&["search", "xylophonequantique"]);
    assert_eq!(nothing.status.code(), Some(1));
    // Issue 22 #12: said on standard error; standard output holds no row, and no message.
    assert_eq!(stderr(&nothing).trim(), "No action matches (of 77).");
    assert_eq!(stdout(&nothing), "");
    assert_eq!(
        localaction(&["search", "--priority", "9"]).status.code(),
        Some(2)
    );
    assert_eq!(
        localaction(&["search", "--limit", "lots"]).status.code(),
        Some(2)
    );
    // Broken queries are read leniently, and what was ignored is said on stderr.
    let lenient = localaction(&["search", "title:climat AND \"unclosed"]);
    assert!(lenient.status.code() != Some(2), "{}", stderr(&lenient));
    assert!(
        stderr(&lenient).contains("note: ignored"),
        "{}",
        stderr(&lenient)
    );
}

#[test]
fn jsonl_is_one_hit_a_line() {
    let output = localaction(&["search", "enfants", "--format", "jsonl", "--limit", "4"]);
    assert!(output.status.success());
    let lines: Vec<HitRecord<'static>> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 4);
    let all = hits(&["search", "enfants", "--format", "json"]);
    assert_eq!(lines, all[..4]);
}

#[test]
fn csv_parses_back_with_the_documented_columns() {
    let output = localaction(&["export", "--format", "csv"]);
    assert!(output.status.success());
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    // The contract scripts rely on, written out: a column renamed, dropped or moved in the
    // code fails here.
    assert_eq!(
        headers,
        [
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
            "ongoing",
            "compact",
            "priorities",
            "priorities_stated",
            "gcf",
            "partners",
            "themes",
            "mayor",
            "description",
            "score",
            "snippet",
            "description_en",
            "spotlight_en",
            "quote_en",
            "section",
            "source_lines",
            "cities",
            "country_en",
            "compact_printed",
            "quote",
            "quote_author",
            "spotlight",
            "editor_notes",
            "status",
            "status_as_of",
            // Added after the first CSV, at the end: the English name of the first place,
            // then Spanish.
            "city_en",
            "title_es",
            "summary_es",
            "description_es",
            "spotlight_es",
            "quote_es",
            "city_es",
            "country_es",
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 77);
    // Full records: every field of the JSON record has its column.
    let json: Vec<serde_json::Value> =
        serde_json::from_slice(&localaction(&["export", "--format", "json"]).stdout).unwrap();
    for field in json[0].as_object().unwrap().keys() {
        assert!(headers.contains(field), "the CSV lacks {field}");
    }
    let column = |name: &str| headers.iter().position(|header| header == name).unwrap();
    let tyre = rows
        .iter()
        .find(|row| &row[column("id")] == "2023-tyre-zurich-city-cooperation")
        .unwrap();
    assert_eq!(
        &tyre[column("partners")],
        "2023-zurich-tyre-city-cooperation"
    );
    assert_eq!(&tyre[column("country_code")], "LB");
    // Multi-line descriptions survive quoting.
    assert!(
        rows.iter()
            .any(|row| row[column("description")].contains('\n'))
    );
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula-like cell {cell:?}"
            );
        }
    }
}

#[test]
fn csv_neutralises_formulas() {
    use localaction::export::formats::neutralise_formula;
    for dangerous in [
        "=HYPERLINK(\"x\")",
        "+1",
        "-1+2",
        "@SUM(A1)",
        "\tcmd",
        "\rcmd",
    ] {
        let safe = neutralise_formula(dangerous);
        assert_eq!(safe, format!("'{dangerous}"));
    }
    assert_eq!(neutralise_formula("Zürich"), "Zürich");
    assert_eq!(neutralise_formula(""), "");
}

#[test]
fn markdown_is_a_table_with_its_source() {
    let output = localaction(&["search", "--gcf", "--format", "markdown"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("| `"))
        .collect();
    assert_eq!(
        rows.len(),
        hits(&["search", "--gcf", "--format", "json"]).len()
    );
    assert!(
        rows.iter().all(|row| row.matches(" | ").count() == 7),
        "{text}"
    );
    assert!(text.contains("catalogue sha256"));
    // The report cited as its cover prints it (source lines 9–13).
    assert!(
        text.contains("*LOCALISATION DES PACTES MONDIAUX — Deuxième rapport sur l'Action locale pour les migrants et réfugiés – 2023*"),
        "{text}"
    );
}

#[test]
fn export_writes_a_file_atomically() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("climate.json");
    let output = Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(["export", "--priority", "2", "--output"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let records: Vec<ActionRecord<'static>> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(records.iter().all(|record| record.priorities.contains(&2)));
    assert!(!records.is_empty());
    // Only the file asked for: no temporary file left beside it.
    let names: Vec<_> = std::fs::read_dir(directory.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
    // A folder that does not exist is an error, not a panic.
    let output = localaction(&["export", "--output", "/nonexistent-folder/x.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot write /nonexistent-folder/x.json"));
}

#[test]
fn stats_counts_each_value_under_the_other_filters() {
    let output = localaction(&["stats", "--compact", "gcr", "--format", "json"]);
    assert!(output.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["total"], 15);
    let values = |dimension: &str| -> Vec<(String, u64, bool)> {
        stats["counts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|counts| counts["dimension"] == dimension)
            .unwrap()["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|value| {
                (
                    value["key"].as_str().unwrap().to_owned(),
                    value["count"].as_u64().unwrap(),
                    value["selected"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    // The compact dimension ignores its own filter: every commitment type is counted.
    let compacts = values("compact");
    assert!(compacts.contains(&("gcr".into(), 15, true)));
    assert!(compacts.contains(&("mirror".into(), 33, false)));
    assert!(compacts.contains(&("idp".into(), 1, false)));
    assert!(compacts.contains(&("unstated".into(), 23, false)));
    // Other dimensions count within the GCR-only actions.
    let years = values("year");
    assert_eq!(years, vec![("2023".into(), 15, false)]);
}

/// Statistics label values as the interface does, in the language asked: the filters' names
/// ("GCR only"), countries by their English or French names.
#[test]
fn stats_labels_follow_the_language() {
    let label = |lang: &str, dimension: &str, key: &str| -> String {
        let output = localaction(&["--lang", lang, "stats", "--format", "json"]);
        let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let counts = stats["counts"].as_array().unwrap();
        let values = counts
            .iter()
            .find(|counts| counts["dimension"] == dimension)
            .unwrap()["values"]
            .as_array()
            .unwrap();
        let value = values.iter().find(|value| value["key"] == key).unwrap();
        value["label"].as_str().unwrap().to_owned()
    };
    assert_eq!(label("en", "compact", "gcr"), "GCR only");
    assert_eq!(label("fr", "compact", "gcr"), "PMR uniquement");
    assert_eq!(label("en", "country", "greece"), "Greece");
    assert_eq!(label("fr", "country", "greece"), "Grèce");
    assert_eq!(label("en", "theme", "climate"), "climate");
    assert_eq!(label("fr", "city", "zurich"), "Zürich");
}

#[test]
fn verify_passes_on_the_embedded_data() {
    let output = localaction(&["verify"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("ok: 77 actions"), "{text}");
    assert!(text.contains(localaction::catalogue::embedded::FINGERPRINT));
}

#[test]
fn completions_and_manual_come_from_the_same_definitions() {
    let bash = localaction(&["completions", "bash"]);
    assert!(bash.status.success());
    assert!(stdout(&bash).contains("--priority"));
    let man = localaction(&["man"]);
    assert!(man.status.success());
    let page = stdout(&man);
    assert!(page.starts_with(".ie"), "{}", &page[..40.min(page.len())]);
    assert!(page.contains("search"));
    assert_eq!(localaction(&["completions", "tcsh"]).status.code(), Some(2));
}

/// Regression (issue 10): `search legaz` found nothing while the interface found Legazpi at
/// `legaz`. The last word with no space after it is a prefix on the command line too.
#[test]
fn the_last_word_is_a_prefix_on_the_command_line_too() {
    let found = hits(&["search", "legaz", "--format", "json"]);
    assert_eq!(found[0].record.id, "2023-legazpi-ofw-help-desk");
    let whole = localaction(&["search", "legaz ", "--match", "all", "--format", "json"]);
    assert_eq!(whole.status.code(), Some(1), "{}", stderr(&whole));
}

/// A word no action holds is dropped and named, on stderr and in every JSON hit; strictly,
/// nothing is found (exit 1) and nothing is dropped.
#[test]
fn an_absent_word_is_dropped_and_named_unless_strict() {
    let output = localaction(&["search", "climat", "zzzz", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "no action mentions \"zzzz\" together with the other words; showing actions with \"climat\""
        ),
        "{}",
        stderr(&output)
    );
    let found: Vec<HitRecord<'_>> = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(found.len(), 11, "the actions holding climat");
    assert!(
        found
            .iter()
            .all(|hit| hit.match_mode == "most" && hit.dropped_words == ["zzzz"])
    );
    let strict = localaction(&["search", "climat", "zzzz", "--match", "all"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(!stderr(&strict).contains("zzzz"), "{}", stderr(&strict));
}

/// A typo in a topic word is corrected and said so.
#[test]
fn a_typo_is_corrected_and_said_so() {
    let output = localaction(&["search", "climte", "change", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no action has \"climte\"; showing results for \"climate\""),
        "{}",
        stderr(&output)
    );
    let found: Vec<HitRecord<'_>> = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(
        found
            .iter()
            .any(|hit| hit.record.id == "2022-accra-climate-vulnerability")
    );
}

#[test]
fn show_prints_the_french_and_the_english_texts_each_labelled() {
    let output = localaction(&["show", "2023-amman-climate-academy"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for (heading, opening) in [
        (
            "Description (French, as printed)",
            "La municipalité du Grand Amman s'engage",
        ),
        (
            "Description (English, editors' translation)",
            "The Greater Amman Municipality commits to building a public park",
        ),
        (
            "Spotlight write-up (French, as printed)",
            "La municipalité du Grand Amman s'engage",
        ),
        (
            "Spotlight write-up (English, editors' translation)",
            "The Greater Amman Municipality commits to building a public park",
        ),
    ] {
        let at = text
            .find(&format!("\n{heading}\n"))
            .unwrap_or_else(|| panic!("{heading:?} missing:\n{text}"));
        let body: String = text[at + heading.len() + 2..]
            .split_whitespace()
            .take(opening.split_whitespace().count())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(body, opening, "{heading}");
    }
    // A quote, in both languages, under its own labels.
    let text = stdout(&localaction(&["show", "2023-nyamagabe-climate-resilience"]));
    assert!(
        text.contains("\nQuote (French, as printed)\n  “Les villes africaines"),
        "{text}"
    );
    assert!(
        text.contains("\nQuote (English, editors' translation)\n  “African cities"),
        "{text}"
    );
}

#[test]
fn show_json_carries_the_translations() {
    let output = localaction(&["show", "2023-amman-climate-academy", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        value["description_en"]
            .as_str()
            .is_some_and(|text| text.starts_with("The Greater Amman Municipality commits")),
        "{value}"
    );
    assert!(value["spotlight_en"].is_string(), "{value}");
    assert!(
        value["quote_en"].is_null(),
        "Amman prints no quote: {value}"
    );
    assert!(
        value["description"]
            .as_str()
            .unwrap()
            .starts_with("La municipalité")
    );
}

#[test]
fn markdown_follows_the_language() {
    let markdown = |lang: &str| {
        let output = localaction(&["search", "amman", "--format", "markdown", "--lang", lang]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let english = markdown("en");
    assert!(
        english.starts_with(
            "| ID | Year | Submitter | Country | Compact | Priorities | Title (English, editors' translation) | Title (as printed) |"
        ),
        "{english}"
    );
    assert!(english.contains("| Jordan | GCR only |"), "{english}");
    assert!(
        english.contains("\n**Summary** (editors' translation)\n"),
        "{english}"
    );
    assert!(
        english.contains(
            "\n**Description** (English, editors' translation)\n\nThe Greater Amman Municipality commits"
        ),
        "{english}"
    );
    assert!(
        !english.contains("La municipalité du Grand Amman"),
        "{english}"
    );
    let french = markdown("fr");
    assert!(
        french.starts_with(
            "| ID | Année | Porteur | Pays | Pacte | Priorités | Titre (texte du rapport) | Titre (anglais, traduction des éditeurs) |"
        ),
        "{french}"
    );
    assert!(french.contains("| Jordanie | PMR uniquement |"), "{french}");
    assert!(
        french.contains("\n**Description** (texte du rapport)\n\nLa municipalité du Grand Amman"),
        "{french}"
    );
    assert!(
        !french.contains("The Greater Amman Municipality"),
        "{french}"
    );
    // Without --lang, the locale decides, as for the interface.
    let output = Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(["search", "amman", "--format", "markdown"])
        .env_clear()
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("the binary runs");
    assert_eq!(stdout(&output), french);
}

/// Spanish, the third language, goes in as a row of the language tables: `--lang es` or a
/// Spanish locale gives the handout and the table in Spanish throughout, with the editors'
/// Spanish texts and names (dataset/translations/es: "Jordania", "Amán").
#[test]
fn spanish_is_a_language_like_the_others() {
    let markdown = localaction(&["search", "amman", "--format", "markdown", "--lang", "es"]);
    assert!(markdown.status.success(), "{}", stderr(&markdown));
    let spanish = stdout(&markdown);
    assert!(
        spanish.starts_with(
            "| ID | Año | Promotor | País | Pacto | Prioridades | Título (español, traducción editorial) | Título (según el informe) |"
        ),
        "{spanish}"
    );
    assert!(spanish.contains("| Jordania | Solo PMR |"), "{spanish}");
    assert!(spanish.contains("\n- **Lugar**: Amán\n"), "{spanish}");
    assert!(
        spanish.contains("\n\nLa municipalidad del Gran Amán se compromete"),
        "{spanish}"
    );
    for other in [
        "La municipalité du Grand Amman",
        "The Greater Amman Municipality",
    ] {
        assert!(!spanish.contains(other), "{spanish}");
    }
    // A Spanish locale chooses it, as French and English ones do theirs.
    for locale in ["es_ES.UTF-8", "es_AR.UTF-8", "es"] {
        let output = Command::new(env!("CARGO_BIN_EXE_localaction"))
            .args(["search", "amman", "--format", "markdown"])
            .env_clear()
            .env("LANG", locale)
            .output()
            .expect("the binary runs");
        assert_eq!(stdout(&output), spanish, "{locale}");
    }
    // The table: Spanish headers, names and titles.
    let table = localaction(&["list", "--city", "amman", "--lang", "es"]);
    let table = stdout(&table);
    let mut lines = table.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        [
            "ID",
            "AÑO",
            "PROMOTOR",
            "PAÍS",
            "PACTO",
            "PRIORIDADES",
            "TÍTULO"
        ],
        "{table}"
    );
    let row = lines.next().unwrap_or_default();
    assert!(
        row.contains("Jordania")
            && row.contains("Academia Climática y Parque para la Infancia de Amán"),
        "{table}"
    );
    // In English, English names and titles: no French in an English table.
    let english = stdout(&localaction(&["list", "--city", "amman", "--lang", "en"]));
    assert!(
        english.contains("Jordan ")
            && english.contains("Amman Children's Climate Academy and Park"),
        "{english}"
    );
    assert!(!english.contains("Jordanie"), "{english}");
    // The count under the table, on standard error, and the statistics, in Spanish too.
    let listed = localaction(&["list", "--city", "amman", "--lang", "es"]);
    assert_eq!(stderr(&listed).trim(), "1 de 77 acciones");
    let statistics = stdout(&localaction(&["stats", "--lang", "es"]));
    assert!(
        statistics.starts_with("Acciones que coinciden: 77 de 77.")
            && statistics.contains("\nPAÍS  (--country)\n")
            && statistics.contains("(línea 317 del informe)"),
        "{statistics}"
    );
}

/// The themes filter, from the report's titles: every action whose title names the climate
/// ("vulnérabilité climatique", "migration climatique", "Académie du climat"…) is one the
/// editors read as a climate action, and the filter lists it, in English or French.
#[test]
fn the_theme_filter_lists_the_actions_of_a_theme() {
    let climate = records(&["list", "--theme", "climate", "--format", "json"]);
    let ids: Vec<&str> = climate.iter().map(|record| record.id.as_ref()).collect();
    for titled_climate in [
        "2022-accra-climate-vulnerability",
        "2022-beira-climate-relocation",
        "2022-c40-mmc-climate-migration",
        "2022-paris-climate-migration",
        "2023-amman-climate-academy",
        "2023-c40-mmc-urban-climate-migration",
        "2023-nyamagabe-climate-resilience",
    ] {
        assert!(ids.contains(&titled_climate), "{titled_climate} in {ids:?}");
    }
    assert!(
        climate
            .iter()
            .all(|record| record.themes.contains(&"climate".into()))
    );
    // The French label names the same theme; several values are any of them.
    let french = records(&["list", "--theme", "climat", "--format", "json"]);
    assert_eq!(french, climate);
    let either = records(&[
        "list",
        "--theme",
        "climate",
        "--theme",
        "children_youth",
        "--format",
        "json",
    ]);
    assert!(either.len() > climate.len());
    assert!(either.iter().all(|record| {
        record.themes.contains(&"climate".into())
            || record.themes.contains(&"children_youth".into())
    }));
    // Statistics count the theme like the list does.
    let output = localaction(&["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let themes = stats["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|counts| counts["dimension"] == "theme")
        .expect("a theme dimension");
    let climate_count = themes["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|value| value["key"] == "climate")
        .unwrap()["count"]
        .as_u64()
        .unwrap();
    assert_eq!(climate_count as usize, climate.len());
    // An unknown theme names the valid ones.
    let output = localaction(&["list", "--theme", "housing"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("valid values: services, children_youth"));
}

/// An action as the dataset holds it (`dataset/actions/`), for the citation and the
/// handout: what the output must carry, read from the records, not from the output.
struct Cited {
    id: &'static str,
    submitter: &'static str,
    title: &'static str,
    title_en: &'static str,
    year: u16,
    source_lines: (u32, u32),
}

/// The 2022 Milan–Freetown partnership: printed once, one record with two places
/// (`places = ["milan", "freetown"]`), lines 875–877; no duration, no compact.
const MILAN_FREETOWN: Cited = Cited {
    id: "2022-milan-freetown-fashion",
    submitter: "Freetown et Milan",
    title: "Dialogue des Maires Afrique-Europe, Partenariat Milan-Freetown sur la mode et le textile",
    title_en: "Africa-Europe Mayors Dialogue: Milan-Freetown partnership on fashion and textiles",
    year: 2022,
    source_lines: (875, 877),
};

/// A 2023 submission with a printed duration ("Août 2023 – Déc 2024"), lines 1390–1408.
const LARISSA: Cited = Cited {
    id: "2023-larissa-integration-center",
    submitter: "Larissa",
    title: "Création d'un Centre pour l'intégration des personnes migrantes et réfugiées à Larissa",
    title_en: "Creation of a Centre for the Integration of Migrants and Refugees in Larissa",
    year: 2023,
    source_lines: (1390, 1408),
};

/// The report's cover as `dataset/reports.toml` transcribes it (source lines 9–13).
const REPORT: &str = "LOCALISATION DES PACTES MONDIAUX — Deuxième rapport sur l'Action locale pour les migrants et réfugiés – 2023";
const SOURCE_FILE: &str = "000_34d0cc45fcbbbc82.txt";

/// The catalogue's fingerprint as `--version` prints it, checked against `verify`'s.
fn printed_fingerprint() -> String {
    let version = stdout(&localaction(&["--version"]));
    let short = version
        .trim()
        .rsplit_once("sha256 ")
        .map(|(_, rest)| rest.trim_end_matches(')').to_owned())
        .unwrap_or_else(|| panic!("no fingerprint in {version:?}"));
    assert_eq!(short.len(), 12, "{version}");
    let verify = stdout(&localaction(&["verify"]));
    assert!(
        verify.contains(&format!("catalogue sha256 {short}")),
        "{verify}"
    );
    short
}

#[test]
fn show_citation_is_one_line_citing_the_action_and_its_source() {
    use localaction::i18n::Lang;
    let fingerprint = printed_fingerprint();
    let catalogue = localaction::catalogue::embedded::catalogue();
    for cited in [&MILAN_FREETOWN, &LARISSA] {
        let lines = format!("{}–{}", cited.source_lines.0, cited.source_lines.1);
        for (lang, flag) in [(Lang::EN, "en"), (Lang::FR, "fr")] {
            let output = localaction(&["show", cited.id, "--format", "citation", "--lang", flag]);
            assert!(output.status.success(), "{}", stderr(&output));
            let text = stdout(&output);
            assert!(text.ends_with('\n'), "{text:?}");
            assert_eq!(text.lines().count(), 1, "{text:?}");
            let line = text.trim_end();
            for expected in [
                cited.submitter,
                cited.title,
                &format!("({})", cited.year),
                REPORT,
                SOURCE_FILE,
                cited.id,
                &format!("sha256 {fingerprint}"),
            ] {
                assert!(line.contains(expected), "{flag}: {expected:?} in {line}");
            }
            // Plain text, to paste anywhere.
            assert!(!line.contains("**") && !line.contains('`'), "{line}");
            match lang.code() {
                "en" => {
                    assert!(line.contains(&format!("lines {lines}")), "{line}");
                    assert!(
                        line.contains(&format!("[editors' translation: \"{}\"]", cited.title_en)),
                        "{line}"
                    );
                    assert!(line.contains("localaction catalogue"), "{line}");
                }
                "fr" => {
                    assert!(line.contains(&format!("lignes {lines}")), "{line}");
                    assert!(line.contains("Catalogue localaction"), "{line}");
                    assert!(!line.contains(cited.title_en), "{line}");
                    assert!(
                        !line.contains("lines") && !line.contains("translation"),
                        "{line}"
                    );
                }
                other => panic!("no case for {other}"),
            }
            // The very line the library gives the interface to copy.
            let action = catalogue
                .action(cited.id)
                .expect("the id is in the catalogue");
            assert_eq!(
                line,
                localaction::export::citation(catalogue, &action, lang)
            );
        }
    }
    // `--lang` is global, before the command too; without it the locale decides.
    let before = localaction(&["--lang", "fr", "show", LARISSA.id, "--format", "citation"]);
    assert!(
        stdout(&before).contains("lignes 1390–1408"),
        "{}",
        stdout(&before)
    );
    let output = Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(["show", LARISSA.id, "--format", "citation"])
        .env_clear()
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("the binary runs");
    assert_eq!(stdout(&output), stdout(&before));
}

#[test]
fn an_unknown_id_has_no_citation() {
    // Each language says it in its own words.
    for (lang, closest, unknown) in [
        (
            "en",
            "localaction: error: no action has the id \"2022-milan-freetown-fashio\"; did you mean: ",
            "localaction: error: no action has the id \"zzzz\" (`localaction list` shows every id)",
        ),
        (
            "fr",
            "localaction : erreur : aucune action n'a l'identifiant « 2022-milan-freetown-fashio » ; vouliez-vous dire : ",
            "localaction : erreur : aucune action n'a l'identifiant « zzzz » (`localaction list` affiche tous les identifiants)",
        ),
        (
            "es",
            "localaction: error: ninguna acción tiene el identificador «2022-milan-freetown-fashio»; ¿quiso decir: ",
            "localaction: error: ninguna acción tiene el identificador «zzzz» (`localaction list` muestra todos los identificadores)",
        ),
    ] {
        let output = localaction(&[
            "show",
            "2022-milan-freetown-fashio",
            "--format",
            "citation",
            "--lang",
            lang,
        ]);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty(), "{}", stdout(&output));
        let errors = stderr(&output);
        assert!(errors.starts_with(closest), "{errors}");
        assert!(errors.contains("2022-milan-freetown-fashion"), "{errors}");
        let output = localaction(&["show", "zzzz", "--format", "citation", "--lang", lang]);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        assert_eq!(stderr(&output).trim(), unknown);
    }
}

/// The part of a Markdown handout about one action: from its heading to the next.
fn handout_section<'a>(markdown: &'a str, title: &str) -> &'a str {
    let heading = format!("\n## {title}\n");
    let start = markdown
        .find(&heading)
        .unwrap_or_else(|| panic!("no heading {heading:?} in {markdown}"));
    let rest = &markdown[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

fn markdown(args: &[&str]) -> String {
    let output = localaction(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

/// Each action of a Markdown handout has its labelled fields, in the output's language,
/// from the dataset: places from `places.toml` (`name_en` / `name`), countries from
/// `countries.toml`, priorities from `priorities.toml` (stated `[8]`, editors' `[5, 6]`).
#[test]
fn the_markdown_handout_labels_each_action_in_its_language() {
    let english = markdown(&[
        "list", "--city", "Freetown", "--format", "markdown", "--lang", "en",
    ]);
    assert!(
        english.starts_with("| ID | Year | Submitter |"),
        "{english}"
    );
    let section = handout_section(&english, MILAN_FREETOWN.title_en);
    let fields = [
        format!(
            "\n- **Title as printed** (the heading is the editors' translation): {}\n",
            MILAN_FREETOWN.title
        ),
        format!("\n- **ID**: `{}`\n", MILAN_FREETOWN.id),
        format!("\n- **Submitter**: {}\n", MILAN_FREETOWN.submitter),
        "\n- **Places**: Milan – Freetown\n".to_owned(),
        "\n- **Countries**: Italy – Sierra Leone\n".to_owned(),
        "\n- **Year**: 2022\n".to_owned(),
        "\n- **Compact**: Not stated\n".to_owned(),
        "\n- **Priorities** (names: editors' translation): 5. Achieve socio-economic inclusion (assigned by the editors); 6. Eliminate all forms of discrimination and promote evidence-based public discourse (assigned by the editors); 8. Engage in regional and multilateral partnerships and strengthen city-to-city cooperation (stated by the report)\n".to_owned(),
        "\n**Summary** (editors' translation)\n\nFreetown and Milan committed".to_owned(),
        "\n**Description** (English, editors' translation)\n\nThe cities of Freetown and Milan".to_owned(),
        format!("\nSource: *{REPORT}*, lines 875–877."),
    ];
    let mut from = 0;
    for field in &fields {
        let at = section[from..]
            .find(field.as_str())
            .unwrap_or_else(|| panic!("{field:?}, in order, in {section}"));
        // The next field's line starts with the line break this one ends with.
        from += at + field.trim_end_matches('\n').len();
    }
    assert!(
        !section.contains("Les villes de Freetown et Milan"),
        "{section}"
    );

    let french = markdown(&[
        "export", "--city", "Freetown", "--format", "markdown", "--lang", "fr",
    ]);
    assert!(
        french.starts_with("| ID | Année | Porteur | Pays | Pacte |"),
        "{french}"
    );
    let section = handout_section(&french, MILAN_FREETOWN.title);
    let fields = [
        format!("\n- **ID** : `{}`\n", MILAN_FREETOWN.id),
        format!("\n- **Porteur** : {}\n", MILAN_FREETOWN.submitter),
        "\n- **Lieux** : Milan – Freetown\n".to_owned(),
        "\n- **Pays** : Italie – Sierra Leone\n".to_owned(),
        "\n- **Année** : 2022\n".to_owned(),
        "\n- **Pacte** : Non précisé\n".to_owned(),
        "\n- **Priorités** : 5. Réaliser l'inclusion socio-économique (attribuée par les éditeurs) ; 6. Éliminer toutes les formes de discrimination et promouvoir un discours public fondé sur des données probantes (attribuée par les éditeurs) ; 8. S'engager dans des partenariats régionaux et multilatéraux et renforcer la coopération de ville à ville (indiquée par le rapport)\n".to_owned(),
        "\n**Description** (texte du rapport)\n\nLes villes de Freetown et Milan".to_owned(),
        format!("\nSource : *{REPORT}*, lignes 875–877."),
    ];
    let mut from = 0;
    for field in &fields {
        let at = section[from..]
            .find(field.as_str())
            .unwrap_or_else(|| panic!("{field:?}, in order, in {section}"));
        // The next field's line starts with the line break this one ends with.
        from += at + field.trim_end_matches('\n').len();
    }
    for english_word in [
        "Submitter",
        "Places",
        "Summary",
        "lines",
        MILAN_FREETOWN.title_en,
    ] {
        assert!(!section.contains(english_word), "{english_word}: {section}");
    }

    // A 2023 submission: one place, its compact, and the duration as printed.
    let english = markdown(&[
        "export", "--city", "Larissa", "--format", "markdown", "--lang", "en",
    ]);
    let section = handout_section(&english, LARISSA.title_en);
    for field in [
        "\n- **Place**: Larissa\n",
        "\n- **Country**: Greece\n",
        "\n- **Year**: 2023 · duration as printed: Août 2023 – Déc 2024\n",
        "\n- **Compact**: GCR only\n",
        "\nSource: *",
        "*, lines 1390–1408.",
    ] {
        assert!(section.contains(field), "{field:?} in {section}");
    }
    let french = markdown(&[
        "list", "--city", "Larissa", "--format", "markdown", "--lang", "fr",
    ]);
    let section = handout_section(&french, LARISSA.title);
    for field in [
        "\n- **Lieu** : Larissa\n",
        "\n- **Pays** : Grèce\n",
        "\n- **Année** : 2023 · durée (texte du rapport) : Août 2023 – Déc 2024\n",
        "\n- **Pacte** : PMR uniquement\n",
        "*, lignes 1390–1408.",
    ] {
        assert!(section.contains(field), "{field:?} in {section}");
    }
}

/// Below the table, no line of the texts reads as a row of it, in either language.
#[test]
fn no_line_of_the_handout_texts_starts_with_a_pipe() {
    for lang in ["en", "fr"] {
        let text = markdown(&["export", "--format", "markdown", "--lang", lang]);
        let (table, texts) = text
            .split_once("\n\n")
            .expect("a blank line after the table");
        assert_eq!(table.lines().count(), 2 + 77);
        assert_eq!(texts.matches("\n## ").count(), 77, "{lang}");
        assert!(
            texts.lines().all(|line| !line.starts_with('|')),
            "{lang}: {texts}"
        );
    }
}

/// Issue 22 #8: the report's dead links (`[ici](#)`, the PDF's lost links, 23 of them in
/// the descriptions) do not reach a handout in any language: the short sentence that only
/// pointed to one goes ("More information [here](#).").
#[test]
fn the_handout_has_no_dead_links() {
    for lang in ["en", "fr", "es"] {
        let output = localaction(&["list", "--format", "markdown", "--lang", lang]);
        assert!(output.status.success(), "{}", stderr(&output));
        let handout = stdout(&output);
        assert_eq!(handout.matches("\n## ").count(), 77, "{lang}");
        assert!(!handout.contains("](#)"), "{lang}: a dead link is left");
        for pointer in ["More information", "Plus d'informations", "Más información"] {
            assert!(!handout.contains(pointer), "{lang}: {pointer:?} is left");
        }
    }
}

/// Issue 22 #7: `--bom` starts CSV with a byte-order mark (Excel on Windows reads UTF-8
/// only with one), on standard output and in an exported file; without it, none, as
/// scripts expect. The records read the same either way.
#[test]
fn bom_starts_csv_only_when_asked() {
    let plain = localaction(&["list", "--format", "csv"]);
    let marked = localaction(&["list", "--format", "csv", "--bom"]);
    assert!(plain.status.success() && marked.status.success());
    assert!(plain.stdout.starts_with(b"id,"));
    assert!(marked.stdout.starts_with("\u{feff}id,".as_bytes()));
    assert_eq!(&marked.stdout[3..], &plain.stdout[..]);
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("all.csv");
    let path_text = path.to_str().unwrap();
    let exported = localaction(&["export", "--format", "csv", "--bom", "--output", path_text]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert_eq!(std::fs::read(&path).unwrap(), marked.stdout);
}

/// Issue 22 #12: every count can be rebuilt from the records. Each record says its status
/// and the month it is seen from; `--today` sees the catalogue from another month, so a
/// count made then is made again now. The statistics' ongoing and ended counts are the
/// records' own, whatever the month.
#[test]
fn statuses_are_in_the_records_and_today_reproduces_a_count() {
    let mut counted_by_month = Vec::new();
    for month in ["2023-06", "2025-01", "2031-12"] {
        let records = records(&["list", "--format", "json", "--today", month]);
        let mut by_status = std::collections::BTreeMap::<String, usize>::new();
        for record in &records {
            assert_eq!(record.status_as_of, month, "{}", record.id);
            *by_status.entry(record.status.to_string()).or_default() += 1;
            // "En cours" is ongoing on any day; a printed end is only later.
            if record.ongoing == Some(true) {
                assert_eq!(record.status, "ongoing", "{}", record.id);
            }
            if record.ongoing.is_none() {
                assert_eq!(record.status, "unstated", "{}", record.id);
            }
        }
        let stats = localaction(&["stats", "--format", "json", "--all", "--today", month]);
        assert!(stats.status.success(), "{}", stderr(&stats));
        let stats: serde_json::Value = serde_json::from_str(&stdout(&stats)).unwrap();
        let status = stats["counts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|dimension| dimension["dimension"] == "status")
            .unwrap();
        for value in status["values"].as_array().unwrap() {
            let key = value["key"].as_str().unwrap();
            assert_eq!(
                value["count"].as_u64().unwrap() as usize,
                by_status.get(key).copied().unwrap_or(0),
                "{month}: {key}"
            );
        }
        counted_by_month.push(by_status);
    }
    // Seen from later, actions end: the counts move with the month.
    assert!(counted_by_month[0]["ongoing"] > counted_by_month[2]["ongoing"]);
    // A month that is not one is refused with a clear message.
    let refused = localaction(&["list", "--today", "2025-13"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("'2025-13'")
            && stderr(&refused).contains("a month is written YYYY-MM"),
        "{}",
        stderr(&refused)
    );
}

/// Issue 24: a word naming a concept of the thesaurus also finds its other terms and says
/// so, in the strict mode too; `--no-synonyms` searches for the words alone. "lodging" is
/// in no text as housing (Zürich's "appeal lodged" is all the words alone find); Dunaivtsi
/// provides "housing" ("un logement") to displaced families.
#[test]
fn the_thesaurus_says_what_it_added_and_no_synonyms_turns_it_off() {
    let ids = |args: &[&str]| -> Vec<String> {
        hits(args)
            .into_iter()
            .map(|hit| hit.record.id.to_string())
            .collect()
    };
    let with = ids(&["search", "lodging", "--format", "json"]);
    assert!(
        with.contains(&"2023-dunaivtsi-idp-family-centre".to_owned()),
        "{with:?}"
    );
    let alone = ids(&["search", "lodging", "--no-synonyms", "--format", "json"]);
    assert_eq!(alone, ["2023-zurich-european-pillar-social-rights"]);
    // The words alone come first, the thesaurus' matches after them.
    assert_eq!(with[0], alone[0]);
    for args in [
        &["search", "lodging"][..],
        &["search", "lodging", "--match", "all"],
        &["stats", "lodging"],
    ] {
        let said = stderr(&localaction(args));
        assert!(
            said.contains("localaction: note: \"lodging\" also searched as: logement, ")
                && said.contains(", housing, "),
            "{args:?}: {said}"
        );
    }
    let said = stderr(&localaction(&["search", "lodging", "--no-synonyms"]));
    assert!(!said.contains("also searched"), "{said}");
    let said = stderr(&localaction(&["search", "lodging", "--lang", "es"]));
    assert!(said.contains("búsqueda de «lodging» ampliada a "), "{said}");
}

/// Below a short list the interface shows the actions holding some of the words; the
/// command line names them on stderr, each with the words it lacks, and keeps its output
/// to what the count counts: the JSON and the table hold the list alone.
#[test]
fn a_short_list_names_on_stderr_the_actions_holding_some_of_the_words() {
    let query = "Ukrainian refugees housing";
    let listed: Vec<String> = hits(&["search", query, "--format", "json"])
        .into_iter()
        .map(|hit| hit.record.id.to_string())
        .collect();
    assert!(
        !listed.contains(&"2022-zurich-ukraine-aid".to_owned()),
        "{listed:?}"
    );
    let output = localaction(&["search", query]);
    let said = stderr(&output);
    assert!(
        said.contains(
            "localaction: note: also holding some of the words (not counted): \
             2022-zurich-ukraine-aid (without \"housing\")"
        ),
        "{said}"
    );
    assert!(!stdout(&output).contains("2022-zurich-ukraine-aid"));
    let said = stderr(&localaction(&["search", query, "--match", "all"]));
    assert!(!said.contains("not counted"), "{said}");
    let said = stderr(&localaction(&["--lang", "es", "search", query]));
    assert!(
        said.contains("acciones con parte de las palabras (no contadas): 2022-zurich-ukraine-aid (sin «housing»)"),
        "{said}"
    );
}
