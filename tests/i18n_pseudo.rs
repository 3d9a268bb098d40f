//! The pseudo-language (`--lang pseudo`, in test builds only: English with its vowels
//! accented, every string bracketed and a third longer) drives every screen of the
//! interface and the outputs that follow `--lang`. No word of the interface's language
//! tables may show in plain English, French or Spanish: everything the program says comes
//! through the table, so the next language is a table row. And every screen still draws at
//! 80×24 with the longer strings.

#[path = "common/interface.rs"]
mod interface;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::process::Command;

use crossterm::event::{KeyCode, KeyModifiers};
use interface::{act, draw, engine, press, press_with, type_keys};
use localaction::catalogue::{Catalogue, MachineName};
use localaction::i18n::{Lang, Localized};
use localaction::tui::app::{Action, App, Dialog, View};

fn pseudo() -> Lang {
    Lang::from_code("pseudo").expect("test builds know the pseudo-language")
}

/// The words of `text` that a leak would show: runs of letters, lowercased, of four
/// letters or more (shorter ones are too often names, codes or key letters).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| word.chars().count() >= 4)
        .map(str::to_lowercase)
}

/// Every word of the real languages' tables that the catalogue's data never holds: a
/// word of these on a pseudo screen came from somewhere other than the table.
fn interface_words(catalogue: &Catalogue<'_>) -> BTreeSet<String> {
    let found = RefCell::new(BTreeSet::new());
    for lang in Lang::all() {
        lang.strings().localized(&|text| {
            found.borrow_mut().extend(words(text));
            text
        });
    }
    let mut data = data_words(catalogue);
    // The program's name, and the codes the command line takes (`gcr`, `mirror`), which
    // the list shows as they are in every language.
    data.insert("localaction".to_owned());
    data.extend(
        localaction::catalogue::Compact::ALL
            .iter()
            .flat_map(|compact| words(compact.machine_name()).collect::<Vec<_>>()),
    );
    // So are the filters' keys and flags the statistics table names (`--theme`,
    // `children_youth`).
    let engine = engine();
    for facet in localaction::engine::FACETS {
        data.extend(words(facet.key));
        for value in engine.values().of(facet.dimension) {
            data.extend(words(&value.key));
        }
    }
    found.into_inner().difference(&data).cloned().collect()
}

/// Every word the catalogue's data holds, in every language: what a screen shows as data.
fn data_words(catalogue: &Catalogue<'_>) -> BTreeSet<String> {
    let mut texts: Vec<&str> = Vec::new();
    for action in catalogue.actions() {
        for texts_in in action.all_texts() {
            texts.extend([texts_in.title, texts_in.description]);
            texts.extend(texts_in.summary);
            texts.extend(texts_in.spotlight);
            texts.extend(texts_in.quote);
        }
        texts.extend([action.id, action.submitter, action.title]);
        texts.extend(action.mayor);
        texts.extend(action.compact_printed);
        texts.extend(action.quote_author);
        texts.extend(action.duration.as_ref().map(|duration| duration.printed));
        texts.extend(action.editor_notes.iter().copied());
    }
    let tables = &catalogue.tables;
    for place in &tables.places {
        texts.extend(place.names.iter().chain(&place.aliases).copied());
    }
    for country in &tables.countries {
        texts.extend(country.names.iter().chain(&country.aliases).copied());
    }
    for region in &tables.regions {
        texts.extend(region.names.iter().chain(&region.aliases).copied());
    }
    for priority in &tables.priorities {
        texts.extend(priority.names.iter().copied());
        texts.extend([
            priority.heading_fr,
            priority.short_fr,
            priority.kind_of_actions,
        ]);
        texts.extend(priority.gcr_areas.iter().copied());
    }
    for report in catalogue.reports() {
        texts.extend([report.title, report.edition, report.source_file]);
    }
    texts.into_iter().flat_map(words).collect()
}

/// `shown` without the pseudo-language's bracketed strings (a string cut short at the
/// edge of its pane runs to the end of the line).
fn outside_brackets(shown: &str) -> String {
    let mut outside = String::new();
    for line in shown.lines() {
        let mut depth = 0usize;
        for character in line.chars() {
            match character {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                _ if depth == 0 => outside.push(character),
                _ => {}
            }
        }
        outside.push('\n');
    }
    outside
}

/// The interface words `shown` holds outside the table's strings: each a leak.
fn leaks(shown: &str, interface: &BTreeSet<String>) -> BTreeSet<String> {
    // The version line names the program and its catalogue as `--version` does, in every
    // language alike.
    let shown = shown.replace(localaction::args::VERSION.trim(), "");
    words(&outside_brackets(&shown))
        .filter(|word| interface.contains(word))
        .collect()
}

/// The steps that open a screen.
type Opening = fn(&mut App<'_, '_>);

/// Each screen of the interface, by name, after the steps that open it.
fn screens() -> Vec<(&'static str, Opening)> {
    fn results(app: &mut App<'_, '_>) {
        type_keys(app, "climat");
        press(app, KeyCode::Down);
    }
    fn detail(app: &mut App<'_, '_>) {
        results(app);
        press(app, KeyCode::Enter);
    }
    fn marked(app: &mut App<'_, '_>) {
        results(app);
        press(app, KeyCode::Char(' '));
        press(app, KeyCode::Down);
        press(app, KeyCode::Char(' '));
    }
    vec![
        ("start", |_| {}),
        ("results", results),
        ("no match", |app| type_keys(app, "zzzzqqqq climat")),
        ("strict, no match", |app| {
            press(app, KeyCode::F(6));
            type_keys(app, "climat zzzzqqqq");
        }),
        ("notes", |app| type_keys(app, "title:climat AND \"enfants")),
        ("correction", |app| type_keys(app, "climta enfants ")),
        ("short list filled", |app| {
            type_keys(app, "Ukrainian refugees housing ")
        }),
        ("filters", |app| {
            press(app, KeyCode::Tab);
            press(app, KeyCode::Enter);
        }),
        ("detail", detail),
        ("detail, next text", |app| {
            detail(app);
            press(app, KeyCode::F(7));
        }),
        ("detail, find", |app| {
            detail(app);
            press(app, KeyCode::Char('/'));
            type_keys(app, "zzzz");
            press(app, KeyCode::Enter);
        }),
        ("statistics", |app| press(app, KeyCode::F(2))),
        ("map", |app| {
            results(app);
            press(app, KeyCode::F(3));
        }),
        ("empty shortlist", |app| press(app, KeyCode::F(4))),
        ("shortlist", |app| {
            marked(app);
            press(app, KeyCode::F(4));
        }),
        ("about", |app| press(app, KeyCode::F(9))),
        ("help", |app| press(app, KeyCode::F(1))),
        ("export path", |app| {
            marked(app);
            press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
        }),
        ("export, nothing marked", |app| {
            press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
        }),
        ("confirm write", |app| {
            marked(app);
            press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
            press(app, KeyCode::Enter);
            assert!(matches!(app.dialog, Some(Dialog::ConfirmWrite { .. })));
        }),
        ("quit with marks", |app| {
            marked(app);
            press_with(app, KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(app.dialog, Some(Dialog::ConfirmQuit));
        }),
        ("marked all", |app| {
            results(app);
            press_with(app, KeyCode::Char('a'), KeyModifiers::ALT);
        }),
        ("filters cleared", |app| {
            press_with(app, KeyCode::Char('c'), KeyModifiers::ALT);
        }),
        ("no partner", |app| {
            detail(app);
            press_with(app, KeyCode::Char('p'), KeyModifiers::ALT);
        }),
        ("statistics drill-down", |app| {
            press(app, KeyCode::F(2));
            press(app, KeyCode::Enter);
        }),
    ]
}

#[test]
fn every_screen_speaks_only_through_the_table() {
    let engine = engine();
    let interface = interface_words(engine.catalogue());
    // The check sees English words: a screen in English shows some.
    let english = {
        let mut app = App::new(&engine, Lang::EN, (80, 24));
        app.export_directory = std::path::PathBuf::from("/nonexistent");
        draw(&app, 80, 24)
    };
    assert!(!leaks(&english, &interface).is_empty(), "{english}");
    let mut failures = Vec::new();
    for (name, open) in screens() {
        for (width, height) in [(80, 24), (120, 200)] {
            let mut app = App::new(&engine, pseudo(), (width, height));
            app.export_directory = std::path::PathBuf::from("/nonexistent");
            open(&mut app);
            // The about view and the help scroll: the tall screen shows them whole.
            let screen = draw(&app, width, height);
            let leaked = leaks(&screen, &interface);
            if !leaked.is_empty() {
                failures.push(format!("{name} at {width}×{height}: {leaked:?}\n{screen}"));
            }
            assert!(
                screen.contains('[') && screen.contains(']'),
                "{name} at {width}×{height} shows nothing of the table:\n{screen}"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every language, and the longer pseudo-language, draws every screen at 80×24 with its
/// own words at the top and, outside dialogs and messages, its quit hint still on the
/// status line: the
/// fit test that stands for a whole snapshot set per language.
#[test]
fn every_language_fits_every_screen_at_80_by_24() {
    let engine = engine();
    for lang in Lang::all().chain([pseudo()]) {
        let strings = lang.strings();
        for (name, open) in screens() {
            let mut app = App::new(&engine, lang, (80, 24));
            app.export_directory = std::path::PathBuf::from("/nonexistent");
            open(&mut app);
            let screen = draw(&app, 80, 24);
            let rows: Vec<&str> = screen.lines().collect();
            assert_eq!(rows.len(), 24, "{lang:?} {name}:\n{screen}");
            // A message stands in for the hints until the next key.
            if app.dialog.is_none() && app.message.is_none() {
                let status = rows[23];
                let quit = strings.keys.quit.hints[0];
                assert!(
                    status.contains(quit),
                    "{lang:?} {name}: {quit:?} on the status line:\n{screen}"
                );
            }
            if !app.help {
                assert!(
                    rows[0].contains(strings.search)
                        || rows[0].contains(strings.statistics)
                        || rows[0].contains(strings.map)
                        || rows[0].contains(strings.shortlist)
                        || rows[0].contains(strings.about.title),
                    "{lang:?} {name}: the top row names no pane in the language:\n{screen}"
                );
            }
        }
    }
}

/// At 80×24 the longer strings still leave every pane its place: the search line, the
/// list's first result and the status line's quit hint show.
#[test]
fn the_longer_language_still_fits_80_by_24() {
    let engine = engine();
    let strings = pseudo().strings();
    let mut app = App::new(&engine, pseudo(), (80, 24));
    type_keys(&mut app, "climat");
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("climat"), "{screen}");
    let quit = strings.keys.quit.hints[0];
    assert!(screen.contains(quit), "{quit:?} at 80×24:\n{screen}");
    let first = app
        .engine
        .catalogue()
        .action_at(app.outcome.hits[0].position);
    assert!(
        screen.contains(first.id) || screen.contains(first.submitter),
        "{screen}"
    );
    act(&mut app, Action::Show(View::Stats));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains(strings.statistics), "{screen}");
}

/// What the binary prints on standard output and standard error, one after the other.
fn localaction(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut printed = String::from_utf8(output.stdout).expect("UTF-8 output");
    printed.push_str(&String::from_utf8(output.stderr).expect("UTF-8 messages"));
    printed
}

/// The outputs that follow `--lang` (the Markdown handout, the citation, the tables and
/// their counts, the statistics, the notes on how a query was read) say nothing but the
/// table's words and the data.
#[test]
fn outputs_that_follow_lang_speak_only_through_the_table() {
    let engine = engine();
    let interface = interface_words(engine.catalogue());
    let folder = std::env::temp_dir().join(format!("localaction-pseudo-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let written = folder.join("milan.json").display().to_string();
    for args in [
        &[
            "search", "amman", "--format", "markdown", "--lang", "pseudo",
        ][..],
        &[
            "list", "--city", "milan", "--format", "markdown", "--lang", "pseudo",
        ],
        &["list", "--city", "milan", "--lang", "pseudo"],
        &["list", "--lang", "pseudo"],
        &["search", "climat", "--lang", "pseudo"],
        &[
            "search",
            "climta AND enfants zzzz \"unclosed",
            "--lang",
            "pseudo",
        ],
        &["stats", "--lang", "pseudo"],
        &["search", "climat", "--limit", "2", "--lang", "pseudo"],
        &["search", "Ukrainian refugees housing", "--lang", "pseudo"],
        &["verify", "--lang", "pseudo"],
        &[
            "export", "--city", "milan", "--output", &written, "--lang", "pseudo",
        ],
        &[
            "show",
            "2023-amman-climate-academy",
            "--format",
            "citation",
            "--lang",
            "pseudo",
        ],
        &["show", "2023-amman-climate-academy", "--lang", "pseudo"],
    ] {
        let printed = localaction(args);
        let leaked = leaks(&printed, &interface);
        assert!(leaked.is_empty(), "{args:?}: {leaked:?}\n{printed}");
        assert!(printed.contains('['), "{args:?}: {printed}");
    }
    std::fs::remove_dir_all(&folder).expect("the temporary folder is removed");
}

/// What the binary prints on standard error when it refuses `args` (exit status 2).
fn refusal(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(output.stdout.is_empty(), "{args:?}");
    String::from_utf8(output.stderr).expect("UTF-8 messages")
}

/// Errors speak the language too: usage errors (clap's), unknown filter values and ids,
/// and an export path that cannot be written — also when `--lang` comes after the error.
#[test]
fn errors_speak_only_through_the_table() {
    let engine = engine();
    let interface = interface_words(engine.catalogue());
    let folder = std::env::temp_dir();
    let folder = format!("{}/", folder.display());
    for args in [
        &["list", "--city", "Atlantide", "--lang", "pseudo"][..],
        &["list", "--region", "xq", "--lang", "pseudo"],
        &["show", "2023-amman", "--lang", "pseudo"],
        &["show", "qqqqqqqqqq", "--lang", "pseudo"],
        &["search", "x", "--format", "tsv", "--lang", "pseudo"],
        &["--lang", "pseudo", "serch", "x"],
        &["--lang=pseudo", "search", "--nope"],
        &["search", "--limit", "--lang", "pseudo"],
        &["--lang", "pseudo", "--today", "2025-13", "stats"],
        &["export", "--output", &folder, "--lang", "pseudo"],
        // No terminal: the interface says what to do instead.
        &["--lang", "pseudo"],
    ] {
        let printed = refusal(args);
        let leaked = leaks(&printed, &interface);
        assert!(leaked.is_empty(), "{args:?}: {leaked:?}\n{printed}");
        assert!(printed.contains('['), "{args:?}: {printed}");
    }
}

/// `show`'s sheet labels every field and text in the language asked for: in the
/// pseudo-language, every line that is not a value or a text (those are indented) is one
/// of the table's strings. (Its labels' words are also the data's — "submitter" is in the
/// editors' notes — so the vocabulary check above cannot see them.)
#[test]
fn the_action_sheet_labels_everything_through_the_table() {
    let printed = localaction(&["show", "2023-amman-climate-academy", "--lang", "pseudo"]);
    let labels: Vec<&str> = printed
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with(' '))
        .collect();
    assert!(labels.len() > 15, "{printed}");
    for line in labels {
        assert!(
            line.starts_with('['),
            "{line:?} is not the table's\n{printed}"
        );
    }
}
