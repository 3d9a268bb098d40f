//! Issue 22, "the interface never surprises": letters typed anywhere only ever search (or
//! type, where text is edited). Driven through the key table and the real file system: no
//! word typed in any view quits, exports, writes or loses a mark.

#[path = "common/interface.rs"]
mod interface;

use crossterm::event::{KeyCode, KeyModifiers};
use interface::{act, engine, press, press_with, type_keys};
use localaction::engine::Engine;
use localaction::i18n::Lang;
use localaction::tui::app::{Action, App, Dialog, Pane, View};

/// 100 words a person might type anywhere: the catalogue's places and topics in the
/// Call's three languages, and words that begin with (or are) the letters other programs
/// bind to commands: q quit, e export, s save, y yes, c clear, m map, l list, i info, p, t,
/// g, j, k, h, n.
const WORDS: [&str; 100] = [
    "quilmes",
    "quito",
    "QUEBEC",
    "quit",
    "q",
    "montreal",
    "montevideo",
    "milan",
    "maipu",
    "medellin",
    "mechelen",
    "malines",
    "map",
    "lampedusa",
    "larissa",
    "legazpi",
    "lancaster",
    "lima",
    "liege",
    "list",
    "kampala",
    "kigali",
    "karachi",
    "jinja",
    "jakarta",
    "guayaquil",
    "gaziantep",
    "galati",
    "Genève",
    "heraklion",
    "help",
    "ioannina",
    "istanbul",
    "info",
    "tyre",
    "tlaxcala",
    "terrassa",
    "tunis",
    "toggle",
    "zurich",
    "paris",
    "palermo",
    "partner",
    "print",
    "print",
    "sao",
    "salt",
    "save",
    "stats",
    "santé",
    "salud",
    "edinburgh",
    "export",
    "exit",
    "Écrire",
    "emploi",
    "empleo",
    "employment",
    "education",
    "éducation",
    "amman",
    "athens",
    "accra",
    "nairobi",
    "nyamagabe",
    "next",
    "no",
    "non",
    "beirut",
    "bogota",
    "boston",
    "braga",
    "brasov",
    "barranquilla",
    "dallas",
    "dhankuta",
    "durban",
    "freetown",
    "yaoundé",
    "yes",
    "youth",
    "y",
    "climat",
    "climate",
    "clima",
    "clear",
    "copy",
    "health",
    "logement",
    "housing",
    "vivienda",
    "enfants",
    "children",
    "niños",
    "intégration",
    "integración",
    "réfugiés",
    "refugees",
    "migrantes",
    "oui",
];

/// A fresh interface at 120×40 whose exports go to `directory`.
fn fresh<'e>(engine: &'e Engine<'static>, directory: &std::path::Path) -> App<'e, 'static> {
    let mut app = App::new(engine, Lang::EN, (120, 40));
    app.export_directory = directory.to_path_buf();
    app
}

/// How a test reaches a view from a fresh interface.
type Reach = fn(&mut App<'_, '_>);

/// Where the words are typed: each view of the interface, reached as a person would.
fn views() -> Vec<(&'static str, Reach)> {
    vec![
        ("the search line", |app| type_keys(app, "climat")),
        ("the list", |app| {
            type_keys(app, "climat");
            press(app, KeyCode::Down);
            assert_eq!(app.focus, Pane::Results);
        }),
        ("the detail", |app| {
            type_keys(app, "kampala");
            press(app, KeyCode::Down);
            press(app, KeyCode::Enter);
            assert_eq!(app.focus, Pane::Detail);
        }),
        ("the detail's find", |app| {
            type_keys(app, "kampala");
            press(app, KeyCode::Down);
            press(app, KeyCode::Enter);
            press(app, KeyCode::Char('/'));
            assert!(app.detail_find.is_some());
        }),
        ("the map", |app| {
            press(app, KeyCode::F(3));
            assert_eq!(app.view, View::Map);
        }),
        ("the statistics", |app| {
            press(app, KeyCode::F(2));
            assert_eq!(app.view, View::Stats);
        }),
        ("the shortlist", |app| {
            press(app, KeyCode::F(4));
            assert_eq!(app.view, View::Shortlist);
        }),
        ("About", |app| {
            press(app, KeyCode::F(9));
            assert_eq!(app.view, View::About);
        }),
        ("the help", |app| {
            press(app, KeyCode::F(1));
            assert!(app.help);
        }),
        ("the filter panel", |app| {
            act(app, Action::Focus(Pane::Filters));
            assert_eq!(app.focus, Pane::Filters);
        }),
        ("the export dialog", |app| {
            press_with(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
            // With nothing marked there is nothing to export, and no dialog.
            assert_eq!(
                matches!(app.dialog, Some(Dialog::ExportPath { .. })),
                !app.shortlist.is_empty()
            );
        }),
    ]
}

/// Marks two results (the second and third of the whole catalogue).
fn mark_two(app: &mut App<'_, '_>) {
    press(app, KeyCode::Down);
    press(app, KeyCode::Down);
    press(app, KeyCode::Char(' '));
    press(app, KeyCode::Down);
    press(app, KeyCode::Char(' '));
    assert_eq!(app.shortlist.len(), 2);
    press(app, KeyCode::Up);
    press(app, KeyCode::Up);
    press(app, KeyCode::Up);
    assert_eq!(app.focus, Pane::Search);
}

#[test]
fn no_sequence_of_letters_can_quit_or_write() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut cases = 0;
    for (view, reach) in views() {
        for marked in [false, true] {
            for word in WORDS {
                let mut app = fresh(&engine, directory.path());
                if marked {
                    mark_two(&mut app);
                }
                reach(&mut app);
                let marks = app.shortlist.clone();
                type_keys(&mut app, word);
                press(&mut app, KeyCode::Enter);
                let case = format!("{word:?} then Enter in {view}, marked: {marked}");
                assert!(!app.quit, "{case}: the program quit");
                assert_eq!(app.shortlist, marks, "{case}: the marks changed");
                let written: Vec<_> = std::fs::read_dir(directory.path())
                    .unwrap()
                    .map(|entry| entry.unwrap().file_name())
                    .collect();
                assert!(written.is_empty(), "{case}: wrote {written:?}");
                assert!(
                    !matches!(app.dialog, Some(Dialog::ConfirmQuit)),
                    "{case}: asked to quit"
                );
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 11 * 2 * 100);
}

/// Outside a text field a letter starts a new search: from the detail, a view or the list,
/// the list comes back with the typed word alone as its query (not added to the old one),
/// the filters kept.
#[test]
fn a_letter_outside_a_text_field_starts_a_new_search() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    for (view, reach) in views() {
        if matches!(
            view,
            "the search line"
                | "the detail's find"
                | "the help"
                | "the filter panel"
                | "the export dialog"
        ) {
            continue;
        }
        let mut app = fresh(&engine, directory.path());
        reach(&mut app);
        type_keys(&mut app, "quilmes");
        // q goes back one step where it is a command (the detail, the views), as in less:
        // the rest of the word is then typed where that step leads.
        let expected = if view == "the list" {
            "quilmes"
        } else {
            "uilmes"
        };
        assert_eq!(app.query, expected, "{view}");
        assert_eq!(
            (app.view, app.focus),
            (View::Browse, Pane::Search),
            "{view}"
        );
        assert_eq!(app.open, None, "{view}: the detail closed for the new list");
    }
}
