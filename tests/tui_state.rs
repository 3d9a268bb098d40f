//! The interface's state transitions, driven through `App::update` only: search, panes,
//! detail and partner links, marks and the shortlist, filters, views, help, export (with its
//! overwrite question and its failures) and resizing.

#[path = "common/interface.rs"]
mod interface;

use std::path::Path;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use interface::{act, draw, engine, press, press_with, send};
use localaction::catalogue::{Position, TextLanguage};
use localaction::engine::{Dimension, Engine};
use localaction::i18n::Lang;
use localaction::tui::app::{Action, App, Dialog, FilterRow, Pane, View};
use localaction::tui::layout::Layout;
use localaction::tui::palette::Palette;
use localaction::tui::view;
use localaction::tui::{export, keys};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const KAMPALA: &str = "2023-kampala-nairobi-refugee-inclusion";
const NAIROBI: &str = "2023-nairobi-kampala-refugee-inclusion";

/// A fresh interface at 120×40, exporting into `directory`.
fn app<'e>(engine: &'e Engine<'static>, directory: &Path) -> App<'e, 'static> {
    let mut app = App::new(engine, Lang::EN, (120, 40));
    app.export_directory = directory.to_path_buf();
    app
}

fn type_text(app: &mut App<'_, '_>, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

fn position(engine: &Engine<'_>, id: &str) -> Position {
    engine
        .catalogue()
        .position_of(id)
        .unwrap_or_else(|| panic!("{id} is in the catalogue"))
}

fn hit_ids(app: &App<'_, '_>) -> Vec<&'static str> {
    let catalogue = localaction::catalogue::embedded::catalogue();
    app.outcome
        .hits
        .iter()
        .map(|hit| catalogue.id_at(hit.position))
        .collect()
}

fn shortlist_ids(app: &App<'_, '_>) -> Vec<&'static str> {
    let catalogue = localaction::catalogue::embedded::catalogue();
    app.shortlist
        .iter()
        .map(|&position| catalogue.id_at(position))
        .collect()
}

/// Moves the filter cursor to the row of `dimension` whose label is `label`.
fn move_filter_cursor_to(app: &mut App<'_, '_>, dimension: Dimension, label: &str) -> usize {
    let values = app.engine.values();
    let target = app
        .filter_rows()
        .iter()
        .position(|row| {
            matches!(row, FilterRow::Value(d, slot)
                if *d == dimension && values.of(dimension)[*slot].label(Lang::EN) == label)
        })
        .unwrap_or_else(|| panic!("a filter row {label}"));
    app.update(Action::Top);
    for _ in 0..target {
        app.update(Action::Down);
    }
    assert_eq!(app.filter_cursor, target);
    let FilterRow::Value(_, slot) = app.filter_rows()[target] else {
        unreachable!()
    };
    slot
}

/// Opens the Kampala action's detail: search, go to the results, select it, Enter.
fn open_kampala(app: &mut App<'_, '_>) {
    type_text(app, "kampala");
    app.update(Action::Down);
    assert_eq!(app.focus, Pane::Results);
    let index = hit_ids(app)
        .iter()
        .position(|&id| id == KAMPALA)
        .expect("Kampala is a hit");
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.open, Some(position(app.engine, KAMPALA)));
}

#[test]
fn typing_narrows_backspace_widens_and_esc_clears() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    assert_eq!(app.outcome.total, 77);
    assert_eq!(app.outcome.hits.len(), 77);

    type_text(&mut app, "kampala");
    assert_eq!(app.query, "kampala");
    assert_eq!(app.cursor, 7);
    assert_eq!(app.outcome.total, 2);
    let mut ids = hit_ids(&app);
    ids.sort_unstable();
    assert_eq!(ids, [KAMPALA, NAIROBI]);

    // A word nothing contains is dropped (and named); strictly (F6) it narrows to
    // nothing; deleting it widens again.
    type_text(&mut app, " zzz");
    assert_eq!(app.outcome.total, 2);
    assert_eq!(app.outcome.matching.dropped, ["zzz"]);
    app.update(Action::ToggleMatchMode);
    assert_eq!(app.outcome.total, 0);
    assert!(app.outcome.hits.is_empty());
    app.update(Action::ToggleMatchMode);
    assert_eq!(app.outcome.total, 2);
    for _ in 0..4 {
        app.update(Action::Backspace);
    }
    assert_eq!(app.query, "kampala");
    assert_eq!(app.outcome.total, 2);

    app.update(Action::Back);
    assert_eq!(app.query, "");
    assert_eq!(app.cursor, 0);
    assert_eq!(app.outcome.total, 77);
    assert_eq!(app.focus, Pane::Search);
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    assert_eq!(app.focus, Pane::Search);
    let mut forward = Vec::new();
    for _ in 0..4 {
        app.update(Action::FocusNext);
        forward.push(app.focus);
    }
    assert_eq!(
        forward,
        [Pane::Filters, Pane::Results, Pane::Detail, Pane::Search]
    );
    let mut backward = Vec::new();
    for _ in 0..4 {
        app.update(Action::FocusPrevious);
        backward.push(app.focus);
    }
    assert_eq!(
        backward,
        [Pane::Detail, Pane::Results, Pane::Filters, Pane::Search]
    );

    // With nothing to show, the detail pane is skipped.
    type_text(&mut app, "zzzqqq");
    assert_eq!(app.outcome.total, 0);
    let mut cycle = Vec::new();
    for _ in 0..3 {
        app.update(Action::FocusNext);
        cycle.push(app.focus);
    }
    assert_eq!(cycle, [Pane::Filters, Pane::Results, Pane::Search]);

    // Tab from another view comes back to browsing.
    app.update(Action::Show(View::Stats));
    app.update(Action::FocusNext);
    assert_eq!(app.view, View::Browse);
}

#[test]
fn down_from_search_focuses_results_and_enter_opens_the_detail() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.update(Action::Down);
    assert_eq!(app.focus, Pane::Results);
    assert_eq!(app.selected, 0);
    assert_eq!(app.open, None);
    app.update(Action::Down);
    assert_eq!(app.selected, 1);
    app.update(Action::Open);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.open, Some(app.outcome.hits[1].position));
    // Esc closes the detail, back on the results.
    app.update(Action::Back);
    assert_eq!(app.open, None);
    assert_eq!(app.focus, Pane::Results);
    // Up from the first result goes back to the search line.
    app.update(Action::Top);
    app.update(Action::Up);
    assert_eq!(app.focus, Pane::Search);

    // Enter on the search line opens the selected (first) hit.
    type_text(&mut app, "kampala");
    app.update(Action::Open);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.open, Some(app.outcome.hits[0].position));
}

#[test]
fn following_the_partner_and_coming_back() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    open_kampala(&mut app);
    app.update(Action::FollowPartner);
    assert_eq!(app.open, Some(position(&engine, NAIROBI)));
    assert_eq!(app.trail, [position(&engine, KAMPALA)]);
    assert_eq!(app.focus, Pane::Detail);
    // The results follow: the partner is selected too.
    assert_eq!(app.selected_position(), Some(position(&engine, NAIROBI)));
    // Esc comes back to the action the link was followed from.
    app.update(Action::Back);
    assert_eq!(app.open, Some(position(&engine, KAMPALA)));
    assert!(app.trail.is_empty());
    assert_eq!(app.focus, Pane::Detail);
    // Esc once more closes the detail.
    app.update(Action::Back);
    assert_eq!(app.open, None);
    assert_eq!(app.focus, Pane::Results);
}

#[test]
fn marking_twice_unmarks_and_two_marks_fill_the_shortlist_in_order() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.update(Action::Down);
    let first = app.outcome.hits[0].position;
    app.update(Action::ToggleMark);
    assert_eq!(app.shortlist, [first]);
    assert!(app.is_marked(first));
    app.update(Action::ToggleMark);
    assert!(app.shortlist.is_empty());
    assert!(!app.is_marked(first));

    // Mark the third, then the first: the shortlist keeps the order of marking.
    let third = app.outcome.hits[2].position;
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    app.update(Action::Top);
    app.update(Action::ToggleMark);
    assert_eq!(app.shortlist, [third, first]);

    // The shortlist view lists them in that order; Space there unmarks the one under the cursor.
    app.update(Action::Show(View::Shortlist));
    assert_eq!(app.view, View::Shortlist);
    let screen = draw(&app, 120, 40);
    let (at_third, at_first) = (
        screen.find(engine.catalogue().id_at(third)).unwrap(),
        screen.find(engine.catalogue().id_at(first)).unwrap(),
    );
    assert!(at_third < at_first, "{screen}");
    app.update(Action::ToggleMark);
    assert_eq!(app.shortlist, [first]);
    app.update(Action::Open);
    assert_eq!(app.view, View::Browse);
    assert_eq!(app.open, Some(first));
}

#[test]
fn selecting_a_filter_value_gives_the_count_shown_next_to_it() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Filters);
    assert_eq!(app.filter_cursor, 0);
    assert_eq!(
        app.filter_rows()[0],
        FilterRow::Heading(Dimension::Priority)
    );

    let slot = move_filter_cursor_to(&mut app, Dimension::Compact, "GCR only");
    let shown = app.outcome.counts.of(Dimension::Compact)[slot];
    assert_eq!(shown, 15);
    // The panel draws that count next to the value.
    let screen = draw(&app, 120, 40);
    assert!(
        screen
            .lines()
            .any(|line| line.contains("[ ] GCR only") && line.contains(" 15")),
        "{screen}"
    );
    app.update(Action::Open);
    assert!(app.filters.is_selected(Dimension::Compact, slot));
    assert_eq!(app.outcome.total, shown);
    assert_eq!(app.outcome.hits.len(), shown);
    // The cursor stays on the value selected.
    assert_eq!(
        app.filter_rows()[app.filter_cursor],
        FilterRow::Value(Dimension::Compact, slot)
    );
    assert!(draw(&app, 120, 40).contains("[x] GCR only"));

    // A second dimension: the count shown next to a region is what selecting it gives.
    let africa = move_filter_cursor_to(&mut app, Dimension::Region, "Africa");
    let shown = app.outcome.counts.of(Dimension::Region)[africa];
    assert!(0 < shown && shown < 15, "{shown}");
    app.update(Action::ToggleMark);
    assert_eq!(app.outcome.total, shown);

    // ClearFilter clears the dimension under the cursor only.
    app.update(Action::ClearFilter);
    assert!(app.filters.selected(Dimension::Region).is_empty());
    assert!(app.filters.is_selected(Dimension::Compact, slot));
    assert_eq!(app.outcome.total, 15);

    // ClearAllFilters clears everything, from any pane.
    move_filter_cursor_to(&mut app, Dimension::Region, "Africa");
    app.update(Action::Open);
    assert_eq!(app.outcome.total, shown);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Results);
    app.update(Action::ClearAllFilters);
    assert!(app.filters.is_empty());
    assert_eq!(app.outcome.total, 77);
}

/// Every dimension of the facet table is in the panel, the report's themes among them, and
/// choosing a theme there lists what `--theme` lists on the command line.
#[test]
fn the_panel_filters_by_theme_as_the_command_line_does() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let headings: Vec<Dimension> = app
        .filter_rows()
        .iter()
        .filter_map(|row| match row {
            FilterRow::Heading(dimension) => Some(*dimension),
            FilterRow::Value(..) => None,
        })
        .collect();
    assert_eq!(headings, Dimension::ALL);
    app.update(Action::FocusNext);
    let climate = move_filter_cursor_to(&mut app, Dimension::Theme, "climate");
    let shown = app.outcome.counts.of(Dimension::Theme)[climate];
    app.update(Action::Open);
    assert_eq!(app.outcome.total, shown);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(["list", "--theme", "climate", "--format", "jsonl"])
        .output()
        .expect("the binary runs");
    let mut listed: Vec<String> = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("JSON");
            record["id"].as_str().expect("an id").to_owned()
        })
        .collect();
    let mut chosen = hit_ids(&app);
    listed.sort();
    chosen.sort();
    assert_eq!(chosen, listed);
    assert!(listed.contains(&"2023-amman-climate-academy".to_owned()));
}

#[test]
fn selecting_a_filter_value_again_unselects_it() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.update(Action::FocusNext);
    let slot = move_filter_cursor_to(&mut app, Dimension::Compact, "GCR only");
    app.update(Action::Open);
    assert_eq!(app.outcome.total, 15);
    app.update(Action::Open);
    assert!(!app.filters.is_selected(Dimension::Compact, slot));
    assert_eq!(app.outcome.total, 77);
    // On a heading, Open does nothing.
    app.update(Action::Top);
    app.update(Action::Open);
    assert!(app.filters.is_empty());
}

#[test]
fn show_toggles_the_views() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    for view in [View::Stats, View::Map, View::Shortlist] {
        app.update(Action::Show(view));
        assert_eq!(app.view, view);
        app.update(Action::Show(view));
        assert_eq!(app.view, View::Browse);
    }
    // One view replaces another; Esc comes back to browsing.
    app.update(Action::Show(View::Stats));
    app.update(Action::Show(View::Map));
    assert_eq!(app.view, View::Map);
    app.update(Action::Back);
    assert_eq!(app.view, View::Browse);
}

#[test]
fn help_closes_on_any_key_without_acting_on_it() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.update(Action::ToggleHelp);
    assert!(app.help);
    app.update(Action::Insert('x'));
    assert!(!app.help);
    assert_eq!(
        app.query, "",
        "the key that closes the help does nothing else"
    );

    app.update(Action::ToggleHelp);
    app.update(Action::Show(View::Map));
    assert!(!app.help);
    assert_eq!(app.view, View::Browse);

    // A resize keeps the help open.
    app.update(Action::ToggleHelp);
    app.update(Action::Resize {
        width: 90,
        height: 30,
    });
    assert!(app.help);
    assert_eq!(app.size, (90, 30));
    app.update(Action::ToggleHelp);
    assert!(!app.help);
}

/// Marks the first two hits and opens the export dialog with `name` typed as the path.
fn mark_two_and_type_path(app: &mut App<'_, '_>, name: &str) -> Vec<&'static str> {
    act(app, Action::Down);
    act(app, Action::ToggleMark);
    act(app, Action::Down);
    act(app, Action::ToggleMark);
    let marked = shortlist_ids(app);
    assert_eq!(marked.len(), 2);
    act(app, Action::StartExport);
    // The name offered is the language's.
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: app.lang.strings().export_file_name.to_owned()
        })
    );
    act(app, Action::DeleteWord);
    type_text(app, name);
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: name.to_owned()
        })
    );
    marked
}

/// The last question before writing: it names the file typed, and nothing is written until
/// Enter answers it.
fn confirm_write(app: &mut App<'_, '_>, typed: &str) {
    assert_eq!(
        app.dialog,
        Some(Dialog::ConfirmWrite {
            path: typed.to_owned()
        })
    );
    let target = app.export_directory.join(typed);
    assert!(!target.exists(), "nothing is written before the answer");
    let screen = draw(app, 120, 40);
    assert!(screen.contains(app.lang.strings().write_prompt), "{screen}");
    assert!(
        screen.contains(&target.display().to_string()),
        "the whole path is shown: {screen}"
    );
    act(app, Action::Open);
}

fn assert_markdown_table(written: &str, ids: &[&str]) {
    let mut lines = written.lines();
    assert!(
        lines.next().unwrap().starts_with("| ID | Year |"),
        "{written}"
    );
    assert_eq!(lines.next().unwrap(), "|---|---|---|---|---|---|---|---|");
    for id in ids {
        let line = lines.next().unwrap();
        assert!(line.starts_with(&format!("| `{id}` |")), "{written}");
    }
    assert_eq!(lines.next().unwrap(), "");
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with(&format!("{} actions.", ids.len()))
    );
}

#[test]
fn exporting_writes_the_shortlist_as_a_markdown_table() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let marked = mark_two_and_type_path(&mut app, "picked.md");
    assert_eq!(app.query, "", "typing in the dialog does not search");
    act(&mut app, Action::Open);
    assert!(draw(&app, 120, 40).contains("as Markdown"));
    confirm_write(&mut app, "picked.md");
    assert_eq!(app.dialog, None);
    let target = directory.path().join("picked.md");
    let message = app.message.clone().expect("a message says where");
    assert!(message.starts_with("Exported 2 actions → "), "{message}");
    assert!(
        message.ends_with(&target.display().to_string()),
        "{message}"
    );
    assert_markdown_table(&std::fs::read_to_string(&target).unwrap(), &marked);
    // Nothing else was written: no temporary file left behind.
    assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 1);
    // The shortlist stays.
    assert_eq!(shortlist_ids(&app), marked);
    // The message goes with the next action.
    act(&mut app, Action::Down);
    assert_eq!(app.message, None);
}

#[test]
fn exporting_to_csv_follows_the_extension() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let marked = mark_two_and_type_path(&mut app, "picked.csv");
    act(&mut app, Action::Open);
    assert!(draw(&app, 120, 40).contains("as CSV (UTF-8 with BOM, for Excel)"));
    confirm_write(&mut app, "picked.csv");
    assert_eq!(app.dialog, None);
    // Issue 22 #7: a byte-order mark first, so that Excel on Windows reads the accents.
    let written = std::fs::read(directory.path().join("picked.csv")).unwrap();
    assert!(written.starts_with("\u{feff}id,".as_bytes()));
    let mut reader = csv::Reader::from_path(directory.path().join("picked.csv")).unwrap();
    assert_eq!(&reader.headers().unwrap()[0], "id");
    let ids: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[0].to_owned())
        .collect();
    assert_eq!(ids, marked);
}

#[test]
fn exporting_onto_an_existing_file_asks_first() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let target = directory.path().join("existing.md");
    std::fs::write(&target, "keep me").unwrap();
    let mut app = app(&engine, directory.path());
    let marked = mark_two_and_type_path(&mut app, "existing.md");
    act(&mut app, Action::Open);
    assert_eq!(
        app.dialog,
        Some(Dialog::ConfirmOverwrite {
            path: "existing.md".to_owned()
        })
    );
    // Typing does nothing while the question is asked.
    act(&mut app, Action::Insert('x'));
    assert!(matches!(app.dialog, Some(Dialog::ConfirmOverwrite { .. })));
    // No: back to the path, nothing written.
    act(&mut app, Action::Answer(false));
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: "existing.md".to_owned()
        })
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    // Yes: overwritten.
    act(&mut app, Action::Open);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmOverwrite { .. })));
    act(&mut app, Action::Answer(true));
    assert_eq!(app.dialog, None);
    assert_markdown_table(&std::fs::read_to_string(&target).unwrap(), &marked);
}

#[test]
fn escape_cancels_the_export() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let marked = mark_two_and_type_path(&mut app, "never.md");
    act(&mut app, Action::Back);
    assert_eq!(app.dialog, None);
    assert_eq!(app.message.as_deref(), Some("Cancelled"));
    assert_eq!(shortlist_ids(&app), marked);
    assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 0);
    // An empty path is not an export.
    act(&mut app, Action::StartExport);
    act(&mut app, Action::DeleteWord);
    act(&mut app, Action::Open);
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: String::new()
        })
    );
}

#[test]
fn a_failed_export_keeps_the_dialog_and_the_shortlist() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    // Tests run as root, where a read-only folder still takes writes: use paths that no
    // one can write, under a folder that does not exist or under a regular file.
    std::fs::write(directory.path().join("plain-file"), "").unwrap();
    for path in ["no-such-folder/out.md", "plain-file/out.md"] {
        let mut app = app(&engine, directory.path());
        let marked = mark_two_and_type_path(&mut app, path);
        act(&mut app, Action::Open);
        confirm_write(&mut app, path);
        assert_eq!(
            app.dialog,
            Some(Dialog::ExportPath {
                path: path.to_owned()
            }),
            "{path}"
        );
        let message = app.message.clone().expect("an error message");
        assert!(message.starts_with("Export failed: "), "{message}");
        assert!(
            message.contains("out.md"),
            "the message names the path: {message}"
        );
        // The dialog shows the error.
        assert!(draw(&app, 120, 40).contains("Export failed"));
        assert_eq!(shortlist_ids(&app), marked, "nothing lost");
        // Another path then works.
        act(&mut app, Action::DeleteWord);
        type_text(&mut app, "fallback.md");
        act(&mut app, Action::Open);
        confirm_write(&mut app, "fallback.md");
        assert_eq!(app.dialog, None, "{:?}", app.message);
        let written = directory.path().join("fallback.md");
        assert_markdown_table(&std::fs::read_to_string(&written).unwrap(), &marked);
        std::fs::remove_file(written).unwrap();
    }
    // Nothing but the regular file was left in the folder.
    let left: Vec<_> = std::fs::read_dir(directory.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(left, ["plain-file"]);
}

#[test]
fn resizing_to_one_cell_and_back_is_harmless() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    open_kampala(&mut app);
    app.update(Action::ToggleMark);
    let before = draw(&app, 120, 40);
    let (query, selected, open, focus, shortlist) = (
        app.query.clone(),
        app.selected,
        app.open,
        app.focus,
        app.shortlist.clone(),
    );
    app.update(Action::Resize {
        width: 1,
        height: 1,
    });
    assert_eq!(app.size, (1, 1));
    // One cell: the ellipsis of the "too small" notice, nothing else.
    assert_eq!(draw(&app, 1, 1), "\"…\"\n");
    // Clicks and wheel on a one-cell screen change nothing.
    let layout = Layout::new(ratatui::layout::Rect::new(0, 0, 1, 1), &app);
    for kind in [
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::ScrollDown,
    ] {
        let click = Event::Mouse(MouseEvent {
            kind,
            column: 0,
            row: 0,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(keys::action_for(&click, &app, &layout), None);
    }
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(app.size, (120, 40));
    assert_eq!(
        (
            &app.query,
            app.selected,
            app.open,
            app.focus,
            &app.shortlist
        ),
        (&query, selected, open, focus, &shortlist)
    );
    assert_eq!(draw(&app, 120, 40), before);
}

#[test]
fn the_detail_shows_the_whole_description_while_searching() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    type_text(&mut app, "climat");
    assert_eq!(app.outcome.total, 11);
    // The detail pane draws the description through the engine's whole-text snippet: with a
    // query, it must still be the text as printed, first character to last, with the query's
    // matches highlighted in it.
    for hit in &app.outcome.hits {
        let action = engine.catalogue().action_at(hit.position);
        let description = localaction::text::sanitize(action.description).into_owned();
        let snippet = engine.snippet(&app.outcome, &description, None);
        assert_eq!(snippet.text, description, "{}", action.id);
        // The word, or a one-word term of the thesaurus it names ("COP26").
        let terms: Vec<String> = app
            .outcome
            .matching
            .synonyms
            .iter()
            .flat_map(|added| added.terms.iter().map(|term| term.to_lowercase()))
            .collect();
        for range in &snippet.highlights {
            let marked = description[range.clone()].to_lowercase();
            assert!(
                marked.starts_with("climat")
                    || terms.iter().any(|term| marked.starts_with(term.as_str())),
                "{}: {:?}",
                action.id,
                &description[range.clone()]
            );
        }
    }
    // On screen: Amman's description ends with its full stop.
    let amman = hit_ids(&app)
        .iter()
        .position(|&id| id == "2023-amman-climate-academy")
        .unwrap();
    app.update(Action::Down);
    app.update(Action::Top);
    for _ in 0..amman {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert_eq!(
        app.open,
        Some(position(&engine, "2023-amman-climate-academy"))
    );
    // The English interface shows the editors' translation; the French is one key away.
    let screen = draw(&app, DETAIL_101, 60);
    assert!(
        screen.contains("││Global Cities Fund for Migrants and Refugees.     "),
        "{screen}"
    );
    app.update(Action::ToggleText);
    let screen = draw(&app, DETAIL_101, 60);
    assert!(
        screen.contains("du Fonds mondial des villes pour les migrants et les réfugiés. "),
        "{screen}"
    );
}

/// A screen width whose detail pane is 101 columns wide (32 of filters, 100 of results), where
/// the texts below were read line by line.
const DETAIL_101: u16 = 233;

#[test]
fn f7_and_alt_t_switch_the_details_texts_between_english_and_french() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let amman = engine
        .catalogue()
        .action("2023-amman-climate-academy")
        .unwrap();
    // Twelve words: the editors' summary, shown with either text, opens as the translation.
    let has = |screen: &str, text: &str| {
        let opening: String = text
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" ");
        screen.contains(&opening)
    };
    for lang in [Lang::EN, Lang::FR] {
        let mut app = App::new(&engine, lang, (DETAIL_101, 60));
        app.export_directory = directory.path().to_path_buf();
        assert_eq!(
            app.text_lang,
            lang.texts(),
            "the interface's language first"
        );
        type_text(&mut app, "amman");
        app.update(Action::Down);
        app.update(Action::Open);
        assert_eq!(app.focus, Pane::Detail);
        let (first, second) = match lang.code() {
            "en" => (
                amman.texts(localaction::i18n::Lang::EN.texts()).description,
                amman.description,
            ),
            "fr" => (
                amman.description,
                amman.texts(localaction::i18n::Lang::EN.texts()).description,
            ),
            other => panic!("no case for {other}"),
        };
        let screen = draw(&app, DETAIL_101, 60);
        assert!(has(&screen, first) && !has(&screen, second), "{screen}");
        // Alt-T in the detail switches; the query is untouched.
        press_with(&mut app, KeyCode::Char('t'), KeyModifiers::ALT);
        assert_eq!(app.query, "amman");
        assert_eq!(app.focus, Pane::Detail);
        assert_ne!(app.text_lang, lang.texts());
        let screen = draw(&app, DETAIL_101, 60);
        assert!(has(&screen, second) && !has(&screen, first), "{screen}");
        let label = match lang.code() {
            "en" => "Description  [French,\u{a0}as\u{a0}printed]",
            "fr" => "Description  [anglais,\u{a0}traduction\u{a0}des\u{a0}éditeurs]",
            other => panic!("no case for {other}"),
        };
        assert!(screen.contains(label), "{screen}");
        // F7 goes on from any pane, to the Spanish translation (dataset/translations/es),
        // then back to the first text; the choice stays for the next action.
        app.update(Action::Back);
        assert_eq!(app.focus, Pane::Results);
        press(&mut app, KeyCode::F(7));
        let spanish = TextLanguage::from_code("es").unwrap();
        assert_eq!(app.text_lang, spanish);
        app.update(Action::Open);
        let screen = draw(&app, DETAIL_101, 60);
        assert!(has(&screen, amman.texts(spanish).description), "{screen}");
        let label = match lang.code() {
            "en" => "Description  [Spanish,\u{a0}editors'\u{a0}translation]",
            "fr" => "Description  [espagnol,\u{a0}traduction\u{a0}des\u{a0}éditeurs]",
            other => panic!("no case for {other}"),
        };
        assert!(screen.contains(label), "{screen}");
        app.update(Action::Back);
        press(&mut app, KeyCode::F(7));
        assert_eq!(app.text_lang, lang.texts());
        press(&mut app, KeyCode::F(7));
        assert_ne!(app.text_lang, lang.texts());
        app.update(Action::Down);
        assert_ne!(
            app.text_lang,
            lang.texts(),
            "kept from one action to the next"
        );
        // `t` alone is text: in the results it starts a new search, never the switch.
        let before = app.text_lang;
        press(&mut app, KeyCode::Char('t'));
        assert_eq!(app.query, "t");
        assert_eq!(app.text_lang, before);
        assert_eq!(app.focus, Pane::Search);
    }
}

/// The query's matches are marked in the text shown, as its language is searched: an
/// English word of the translation is highlighted in English, a French word of the
/// original in French.
#[test]
fn highlights_follow_the_language_of_the_text_shown() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (200, 60));
    // "caregivers" is only in the translation, "soignants" only in the original.
    type_text(&mut app, "amman caregivers soignants");
    let amman = position(&engine, "2023-amman-climate-academy");
    assert_eq!(app.selected_position(), Some(amman));
    app.update(Action::Down);
    app.update(Action::Open);
    let highlighted = |app: &App<'_, '_>, word: &str| -> bool {
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        terminal
            .draw(|frame| {
                view::draw(frame, app, Palette::Mono);
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        let highlight = Palette::Mono.highlight().add_modifier;
        (0..60).any(|y| {
            let row: String = (0..200).map(|x| buffer[(x, y)].symbol()).collect();
            row.match_indices(word).any(|(at, _)| {
                let x = row[..at].chars().count() as u16;
                (x..x + word.chars().count() as u16)
                    .all(|x| buffer[(x, y)].modifier.contains(highlight))
            })
        })
    };
    assert!(
        highlighted(&app, "caregivers"),
        "English text, English word"
    );
    app.update(Action::ToggleText);
    assert!(highlighted(&app, "soignants"), "French text, French word");
}

#[test]
fn unmarking_elsewhere_keeps_the_shortlist_cursor_on_an_action() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.update(Action::Down);
    for _ in 0..3 {
        app.update(Action::ToggleMark);
        app.update(Action::Down);
    }
    assert_eq!(app.shortlist.len(), 3);
    // Put the shortlist cursor on the last one, then unmark two actions from the results.
    app.update(Action::Show(View::Shortlist));
    app.update(Action::Bottom);
    assert_eq!(app.shortlist_cursor, 2);
    app.update(Action::Back);
    app.update(Action::Top);
    app.update(Action::ToggleMark);
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    assert_eq!(app.shortlist.len(), 1);
    // Back in the shortlist, the remaining action is under the cursor: Enter opens it.
    app.update(Action::Show(View::Shortlist));
    assert_eq!(app.shortlist_cursor, 0);
    let remaining = app.shortlist[0];
    app.update(Action::Open);
    assert_eq!(app.open, Some(remaining));
    assert_eq!(app.view, View::Browse);
}

#[test]
fn the_help_shows_every_key_down_to_eighty_columns() {
    let engine = engine();
    for lang in Lang::all() {
        for (width, height) in [(80, 24), (200, 60)] {
            let mut app = App::new(&engine, lang, (width, height));
            app.update(Action::ToggleHelp);
            let screen = draw(&app, width, height);
            // Every key and its whole meaning on one line, the last (how to quit) included.
            for entry in keys::KEYS {
                let (keys, meaning) = (entry.keys(lang), entry.meaning(lang));
                assert!(
                    screen
                        .lines()
                        .any(|line| line.contains(&format!("{keys}  {meaning}"))),
                    "{lang:?} {width}×{height}: {keys} is missing or cut\n{screen}"
                );
            }
        }
    }
}

/// The command line and the interface give the same ids in the same order for the same
/// text: 240 queries made from the titles (one to three words, the last often cut short as
/// if still being typed, some with a typo), typed in the interface and passed to
/// `localaction search` as one argument.
#[test]
fn the_command_line_and_the_interface_agree_on_every_query() {
    let engine = engine();
    let catalogue = engine.catalogue();
    let mut queries: Vec<String> = Vec::new();
    for (number, action) in catalogue.actions().enumerate() {
        for title in [
            action.title,
            action.texts(localaction::i18n::Lang::EN.texts()).title,
        ] {
            let words: Vec<String> = title
                .split_whitespace()
                .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
                .filter(|word| word.chars().count() > 2)
                .collect();
            let take = 1 + number % 3;
            let Some(chosen) = words.get(..take.min(words.len())) else {
                continue;
            };
            if chosen.is_empty() {
                continue;
            }
            let mut query = chosen.join(" ");
            queries.push(query.clone());
            // Cut the last word short, as while typing.
            let keep = query.chars().count() - (query.chars().count() % 3).max(1);
            query = query.chars().take(keep).collect();
            queries.push(query);
        }
        // A typo in the first word of the English title.
        if let Some(word) = action
            .texts(localaction::i18n::Lang::EN.texts())
            .title
            .split_whitespace()
            .find(|w| w.len() > 6)
        {
            let mut letters: Vec<char> = word.chars().collect();
            letters.swap(1, 2);
            queries.push(letters.into_iter().collect::<String>() + " ");
        }
    }
    queries.retain(|query| !query.trim().is_empty() && !query.starts_with('-'));
    assert!(queries.len() >= 200, "{} queries", queries.len());
    let directory = tempfile::tempdir().unwrap();
    for query in &queries {
        let mut app = app(&engine, directory.path());
        type_text(&mut app, query);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_localaction"))
            .args(["search", "--format", "jsonl", "--", query])
            .output()
            .expect("the binary runs");
        let printed: Vec<String> = String::from_utf8(output.stdout)
            .expect("UTF-8")
            .lines()
            .map(|line| {
                let record: serde_json::Value = serde_json::from_str(line).expect("JSON");
                record["id"].as_str().expect("an id").to_owned()
            })
            .collect();
        assert_eq!(printed, hit_ids(&app), "{query:?}");
    }
}

/// The shortlist's Markdown is in the interface's language: English titles, summaries and
/// translations labelled in English; the report's French texts in French.
#[test]
fn the_exported_shortlist_follows_the_interface_language() {
    let engine = engine();
    for (lang, header, labels, not) in [
        (
            Lang::EN,
            "| ID | Year | Submitter | Country | Compact | Priorities | Title (English, editors' translation) | Title (as printed) |",
            &[
                "**Summary** (editors' translation)",
                "**Description** (English, editors' translation)",
            ][..],
            "**Description** (texte du rapport)",
        ),
        (
            Lang::FR,
            "| ID | Année | Porteur | Pays | Pacte | Priorités | Titre (texte du rapport) | Titre (anglais, traduction des éditeurs) |",
            &["**Description** (texte du rapport)"][..],
            "**Summary**",
        ),
    ] {
        let directory = tempfile::tempdir().unwrap();
        let mut app = App::new(&engine, lang, (120, 40));
        app.export_directory = directory.path().to_path_buf();
        let marked = mark_two_and_type_path(&mut app, "picked.md");
        act(&mut app, Action::Open);
        confirm_write(&mut app, "picked.md");
        assert_eq!(app.dialog, None, "{:?}", app.message);
        let written = std::fs::read_to_string(directory.path().join("picked.md")).unwrap();
        assert_eq!(written.lines().next(), Some(header), "{written}");
        for label in labels {
            assert_eq!(written.matches(label).count(), 2, "{label}: {written}");
        }
        assert!(!written.contains(not), "{written}");
        for id in &marked {
            let action = engine.catalogue().action(id).unwrap();
            let (title, description) = match lang.code() {
                "en" => (
                    action.texts(localaction::i18n::Lang::EN.texts()).title,
                    action
                        .texts(localaction::i18n::Lang::EN.texts())
                        .description,
                ),
                "fr" => (action.title, action.description),
                other => panic!("no case for {other}"),
            };
            assert!(written.contains(&format!("\n## {title}\n")), "{written}");
            let opening: String = description
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(written.contains(&opening), "{opening}: {written}");
        }
    }
}

/// Clicks land on what the screen shows: a result row selects that result, the list's
/// border or the room below its last row only focuses the list, and over the help any click
/// closes it.
#[test]
fn clicks_land_on_what_the_screen_shows() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    type_text(&mut app, "kampala ");
    let click = |app: &App<'_, '_>, column: u16, row: u16| -> Option<Action> {
        let layout = Layout::new(ratatui::layout::Rect::new(0, 0, 120, 40), app);
        let event = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
        keys::action_for(&event, app, &layout)
    };
    let results = Layout::new(ratatui::layout::Rect::new(0, 0, 120, 40), &app)
        .results
        .expect("a results list at 120×40");
    let hits = app.outcome.hits.len();
    assert!(hits >= 2, "{hits}");
    // The second row inside the border is the second result.
    let second = click(&app, results.x + 2, results.y + 2).unwrap();
    assert_eq!(second, Action::PickResult(1));
    act(&mut app, second);
    assert_eq!((app.focus, app.selected), (Pane::Results, 1));
    // Below the last result, and on the bottom border: the list gets the focus, the
    // selection stays.
    app.focus = Pane::Search;
    let below = click(&app, results.x + 2, results.y + 1 + hits as u16).unwrap();
    act(&mut app, below);
    assert_eq!((app.focus, app.selected), (Pane::Results, 1));
    let border = click(&app, results.x + 2, results.bottom() - 1).unwrap();
    act(&mut app, border);
    assert_eq!(app.selected, 1);
    // Over the help, a click closes it.
    act(&mut app, Action::ToggleHelp);
    assert!(app.help);
    let anywhere = click(&app, 0, 39).unwrap();
    act(&mut app, anywhere);
    assert!(!app.help);
}

/// The interface's export follows the command line's rules: a folder or a read-only file is
/// refused at once, with the dialog kept; an existing file is replaced only after yes, with
/// its permissions kept.
#[cfg(unix)]
#[test]
fn the_interface_export_refuses_what_it_must_not_write_over() {
    use std::os::unix::fs::PermissionsExt;
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    std::fs::create_dir(directory.path().join("a-folder")).unwrap();
    let read_only = directory.path().join("read-only.md");
    std::fs::write(&read_only, "keep").unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    for (typed, reason) in [
        ("a-folder", "is a folder"),
        ("read-only.md", "is read-only"),
        ("-", "standard output is this screen"),
        ("/dev/stdout", "standard output is this screen"),
    ] {
        let mut app = app(&engine, directory.path());
        mark_two_and_type_path(&mut app, typed);
        act(&mut app, Action::Open);
        assert_eq!(
            app.dialog,
            Some(Dialog::ExportPath {
                path: typed.to_owned()
            })
        );
        let message = app.message.clone().expect("a message");
        assert!(message.contains(reason), "{message}");
    }
    assert_eq!(std::fs::read_to_string(&read_only).unwrap(), "keep");

    let mine = directory.path().join("mine.md");
    std::fs::write(&mine, "mine").unwrap();
    std::fs::set_permissions(&mine, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut app = app(&engine, directory.path());
    let marked = mark_two_and_type_path(&mut app, "mine.md");
    act(&mut app, Action::Open);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmOverwrite { .. })));
    act(&mut app, Action::Answer(true));
    assert_eq!(app.dialog, None, "{:?}", app.message);
    assert_markdown_table(&std::fs::read_to_string(&mine).unwrap(), &marked);
    let mode = std::fs::metadata(&mine).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// Issue 13 #2: `q` in the help overlay quit the program when help was opened from the
/// results. In help, q, Esc and ? close it, as in less and man; Ctrl-C still quits.
#[test]
fn q_in_the_help_closes_it_and_ctrl_c_still_quits() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    press(&mut app, KeyCode::Down);
    assert_eq!(app.focus, Pane::Results);
    for closer in [
        KeyCode::Char('q'),
        KeyCode::Esc,
        KeyCode::Char('?'),
        KeyCode::Char('x'),
    ] {
        // In the results a typed `?` is text; F1 opens the help anywhere.
        press(&mut app, KeyCode::F(1));
        assert!(app.help);
        press(&mut app, closer);
        assert!(!app.help, "{closer:?} closes the help");
        assert!(!app.quit, "{closer:?} does not quit");
        assert_eq!(app.query, "", "{closer:?} types nothing");
    }
    press(&mut app, KeyCode::F(1));
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

/// Issue 13 #3: the detail showed an action no longer in the results (search `climat`,
/// open Accra, change the query to `zzzz`: "No action matches" beside Accra's text).
#[test]
fn the_detail_closes_when_its_action_leaves_the_results() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    type_text(&mut app, "climat accra");
    let accra = position(&engine, "2022-accra-climate-vulnerability");
    assert_eq!(app.selected_position(), Some(accra));
    act(&mut app, Action::Open);
    assert_eq!((app.open, app.focus), (Some(accra), Pane::Detail));
    // Still in the results: still open.
    act(&mut app, Action::Focus(Pane::Search));
    act(&mut app, Action::Backspace);
    assert_eq!(app.open, Some(accra));
    act(&mut app, Action::Back);
    type_text(&mut app, "zzzz");
    assert_eq!(app.outcome.total, 0);
    assert_eq!(app.open, None);
    let screen = draw(&app, 120, 40);
    assert!(
        !screen.contains("2022-accra-climate-vulnerability"),
        "{screen}"
    );
}

/// Issue 13 #10: "1 actions", "Exporté 1 actions", "★ 1 marquées", and an unclosed quote
/// said to be "ignored" (with a French space in English) while its phrase is applied.
#[test]
fn counts_agree_in_number_and_an_open_quote_is_not_called_ignored() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = App::new(&engine, Lang::FR, (120, 40));
    app.export_directory = directory.path().to_path_buf();
    // French puts zero in the singular too.
    assert!(draw(&app, 120, 40).contains("★ 0 marquée "));
    act(&mut app, Action::Down);
    act(&mut app, Action::ToggleMark);
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("★ 1 marquée "), "{screen}");
    act(&mut app, Action::StartExport);
    act(&mut app, Action::DeleteWord);
    type_text(&mut app, "one.md");
    act(&mut app, Action::Open);
    confirm_write(&mut app, "one.md");
    let message = app.message.clone().unwrap();
    assert!(
        message.starts_with("Export réussi : 1 action → "),
        "{message}"
    );
    act(&mut app, Action::Show(View::Stats));
    assert!(draw(&app, 120, 40).contains("(77 actions)"));

    let mut app = App::new(&engine, Lang::EN, (120, 40));
    type_text(&mut app, "\"centre d'acc");
    let screen = draw(&app, 160, 40);
    assert!(
        screen.contains("(unclosed quote: the phrase runs to the end)"),
        "{screen}"
    );
    assert!(!screen.contains("ignored"), "{screen}");
    // The French interface says how it read the query in French.
    let mut app = App::new(&engine, Lang::FR, (120, 40));
    type_text(&mut app, "\"centre d'acc AND");
    let screen = draw(&app, 200, 40);
    assert!(
        screen.contains("(guillemet non fermé : l'expression court jusqu'à la fin)"),
        "{screen}"
    );
    type_text(&mut app, "\" OR enfants");
    let screen = draw(&app, 200, 40);
    assert!(screen.contains("ignoré : « OR » (les mots"), "{screen}");
}

/// Issue 13 #7: the search line edits as readline does. Ctrl-U deleted one word; Ctrl-K,
/// Delete, Alt-B/F and Ctrl-←/→ did nothing or typed letters.
#[test]
fn the_search_line_edits_as_readline_does() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let (control, alt) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
    type_text(&mut app, "refugee women entrepreneurs");
    let state = |app: &App<'_, '_>| (app.query.clone(), app.cursor);
    press_with(&mut app, KeyCode::Char('w'), control);
    assert_eq!(state(&app), ("refugee women ".into(), 14));
    press_with(&mut app, KeyCode::Char('b'), alt);
    assert_eq!(
        state(&app),
        ("refugee women ".into(), 8),
        "Alt-B moves, typing nothing"
    );
    press_with(&mut app, KeyCode::Left, control);
    assert_eq!(app.cursor, 0);
    press_with(&mut app, KeyCode::Right, control);
    assert_eq!(app.cursor, 7);
    press_with(&mut app, KeyCode::Char('f'), alt);
    assert_eq!(app.cursor, 13);
    press_with(&mut app, KeyCode::Char('a'), control);
    press_with(&mut app, KeyCode::Delete, KeyModifiers::NONE);
    assert_eq!(state(&app), ("efugee women ".into(), 0));
    press_with(&mut app, KeyCode::Char('d'), alt);
    assert_eq!(
        state(&app),
        (" women ".into(), 0),
        "Alt-D deletes a word on"
    );
    press_with(&mut app, KeyCode::Char('e'), control);
    press_with(&mut app, KeyCode::Left, KeyModifiers::NONE);
    press_with(&mut app, KeyCode::Char('u'), control);
    assert_eq!(
        state(&app),
        (" ".into(), 0),
        "Ctrl-U deletes the whole line before"
    );
    type_text(&mut app, "climat enfants");
    press_with(&mut app, KeyCode::Char('a'), control);
    press_with(&mut app, KeyCode::Right, control);
    press_with(&mut app, KeyCode::Char('k'), control);
    assert_eq!(
        state(&app),
        ("climat".into(), 6),
        "Ctrl-K deletes to the end"
    );
    press_with(&mut app, KeyCode::Backspace, alt);
    assert_eq!(
        state(&app),
        ("".into(), 0),
        "Alt-Backspace deletes a word back"
    );
    // Ctrl-N and Ctrl-P move the selection from the search line, as in fzf.
    type_text(&mut app, "climat");
    press_with(&mut app, KeyCode::Char('n'), control);
    assert_eq!(app.focus, Pane::Results);
}

/// Issue 13 #4: typing after arrowing into the list ran commands (`clim`, Down, `santé`
/// opened the statistics and lost `anté`), and a paste kept only its first character.
/// Issue 22 #2: typed there, it was added to the old query with no space ("climsanté"): it
/// starts a new search; Backspace goes back to editing the query there was.
#[test]
fn typing_and_pasting_in_the_results_start_a_new_search() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    type_text(&mut app, "clim");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.focus, Pane::Results);
    for c in "santé".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.query, "santé");
    assert_eq!(app.cursor, 5);
    assert_eq!((app.view, app.focus), (View::Browse, Pane::Search));
    // Backspace in the list edits the query there is.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Backspace);
    assert_eq!((app.query.as_str(), app.focus), ("sant", Pane::Search));
    type_text(&mut app, "é");
    // Issue 22 #2: Ctrl-U in the list clears the query, as on the line (it used to scroll).
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!((app.query.as_str(), app.focus), ("", Pane::Search));
    assert_eq!(app.outcome.total, 77);
    type_text(&mut app, "santé");
    // `/` and `?` stay commands there, as help says: to the search line, the help.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!((app.query.as_str(), app.focus), ("santé", Pane::Search));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    press(&mut app, KeyCode::Esc);
    // Space still marks in the results.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.shortlist.len(), 1);
    assert_eq!(app.query, "santé");
    // A paste arrives whole, line breaks as spaces: in the list, a new search; on the
    // search line, at the cursor.
    send(&mut app, Event::Paste(" enfants\njeunes\u{1b}".to_owned()));
    assert_eq!(app.query, "enfants jeunes");
    assert_eq!(app.cursor, app.query.chars().count());
    assert_eq!(app.focus, Pane::Search);
    send(&mut app, Event::Paste(" santé".to_owned()));
    assert_eq!(app.query, "enfants jeunes santé");
    assert_eq!(app.shortlist.len(), 1, "the mark stays");
}

/// Draws as the event loop does, telling the state how far the detail can scroll.
fn draw_and_tell(app: &mut App<'_, '_>, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let mut drawn = view::Drawn::default();
    terminal
        .draw(|frame| drawn = view::draw(frame, app, Palette::Mono))
        .expect("drawing succeeds");
    act(
        app,
        Action::Drawn {
            detail_scroll_limit: drawn.detail_scroll_limit,
            about_scroll_limit: drawn.about_scroll_limit,
            help_scroll_limit: drawn.help_scroll_limit,
            find_rows: drawn.find_rows.clone(),
        },
    );
    terminal.backend().to_string()
}

/// Issue 13 #1: PageDown past the end blanked the detail (20 PageDowns needed 16 PageUps to
/// come back), End did nothing there. Scrolling stops at the last line, End and Home go
/// to the ends, and the title says how far the text has been read.
#[test]
fn the_detail_scrolls_to_its_last_line_and_no_further() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    open_kampala(&mut app);
    let screen = draw_and_tell(&mut app, 120, 40);
    let limit = app.detail_scroll_limit;
    assert!(limit > 0 && limit < u16::MAX, "{limit}");
    assert!(
        screen.contains("%)"),
        "the title shows the position: {screen}"
    );
    for _ in 0..20 {
        press(&mut app, KeyCode::PageDown);
        draw_and_tell(&mut app, 120, 40);
    }
    assert_eq!(app.detail_scroll, limit);
    let at_end = draw_and_tell(&mut app, 120, 40);
    assert!(at_end.contains("(100%)"), "{at_end}");
    // The last page is the text's end (its last editor's note), not a blank pane.
    let action = engine.catalogue().action(KAMPALA).unwrap();
    let last_words: String = action
        .editor_notes
        .last()
        .unwrap()
        .split_whitespace()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(at_end.contains(&last_words), "{last_words:?} in {at_end}");
    press(&mut app, KeyCode::Home);
    assert_eq!(app.detail_scroll, 0);
    press(&mut app, KeyCode::End);
    assert_eq!(app.detail_scroll, limit);
    // Back to the top in as many PageUps as PageDowns took to get here.
    let page_downs = (0..)
        .take_while(|_| {
            let before = app.detail_scroll;
            press(&mut app, KeyCode::PageUp);
            app.detail_scroll < before
        })
        .count();
    assert!(
        page_downs <= usize::from(limit) / 30 + 2,
        "{page_downs} PageUps"
    );
    assert_eq!(app.detail_scroll, 0);
}

/// Issue 13 #6: the export prompt appended to its pre-filled name (`shortlist.md/tmp/…`),
/// Enter on "overwrite?" overwrote, `~` was a folder named `~`, and an empty shortlist was
/// written as a file of no actions.
#[test]
fn the_export_prompt_behaves_as_a_prompt_should() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.home = Some(home.path().to_path_buf());
    // Nothing marked: said, no dialog, no file.
    act(&mut app, Action::StartExport);
    assert_eq!(app.dialog, None);
    assert!(
        app.message
            .clone()
            .unwrap()
            .starts_with("Nothing is marked")
    );
    act(&mut app, Action::Down);
    act(&mut app, Action::ToggleMark);
    act(&mut app, Action::StartExport);
    // The name offered is replaced by what is typed.
    type_text(&mut app, "~/mine.md");
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: "~/mine.md".to_owned()
        })
    );
    act(&mut app, Action::Open);
    assert_eq!(
        app.dialog,
        Some(Dialog::ConfirmWrite {
            path: "~/mine.md".to_owned()
        })
    );
    let screen = draw(&app, 120, 40);
    assert!(
        screen.contains(&home.path().join("mine.md").display().to_string()),
        "the question names the file ~ gives: {screen}"
    );
    act(&mut app, Action::Open);
    assert_eq!(app.dialog, None, "{:?}", app.message);
    assert!(
        home.path().join("mine.md").is_file(),
        "~ is the home folder"
    );
    // Enter on the question is no: nothing replaced.
    std::fs::write(home.path().join("mine.md"), "keep").unwrap();
    act(&mut app, Action::StartExport);
    type_text(&mut app, "~/mine.md");
    act(&mut app, Action::Open);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmOverwrite { .. })));
    assert!(draw(&app, 120, 40).contains("Replace it? (y/N)"));
    act(&mut app, Action::Open);
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: "~/mine.md".to_owned()
        })
    );
    assert_eq!(
        std::fs::read_to_string(home.path().join("mine.md")).unwrap(),
        "keep"
    );
    // Editing keys keep the name offered: Backspace takes one character from its end.
    act(&mut app, Action::Back);
    act(&mut app, Action::StartExport);
    act(&mut app, Action::Backspace);
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: "shortlist.m".to_owned()
        })
    );
}

/// Issue 13 #5: spotlight paragraphs ran together ("…environnementale.Amman réhabilitera…").
#[test]
fn the_spotlight_keeps_its_paragraphs() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::FR, (DETAIL_101, 200));
    type_text(&mut app, "amman académie climat ");
    let amman = position(&engine, "2023-amman-climate-academy");
    assert_eq!(app.selected_position(), Some(amman));
    act(&mut app, Action::Open);
    let screen = draw(&app, DETAIL_101, 200);
    assert!(screen.contains("la gestion environnementale."), "{screen}");
    assert!(!screen.contains("environnementale.Amman"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|line| line.contains("│Amman réhabilitera un espace ouvert")),
        "the second paragraph starts a line: {screen}"
    );
}

/// Issue 13: quitting with marked actions not exported asks first (they would be lost);
/// after an export, or with nothing marked, it quits at once. Issue 22: no letter answers
/// the question, and each answer says what it does.
#[test]
fn quitting_with_marked_actions_asks_first() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    act(&mut app, Action::Down);
    act(&mut app, Action::ToggleMark);
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!app.quit);
    assert_eq!(app.dialog, Some(Dialog::ConfirmQuit));
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("1 marked action is not exported and will be lost."));
    assert!(
        screen.contains("Enter: export it · Esc: stay · Ctrl-C: quit without it"),
        "{screen}"
    );
    // Letters typed on (a word begun before the question showed) answer nothing.
    for letter in "quilmes yes no oui".chars() {
        press(&mut app, KeyCode::Char(letter));
        assert_eq!(app.dialog, Some(Dialog::ConfirmQuit), "{letter:?}");
        assert!(!app.quit, "{letter:?}");
    }
    // Esc: stay.
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.dialog.clone(), app.quit), (None, false));
    // Enter: export them.
    act(&mut app, Action::Quit);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.dialog, Some(Dialog::ExportPath { .. })));
    type_text(&mut app, "kept.md");
    act(&mut app, Action::Open);
    confirm_write(&mut app, "kept.md");
    assert_eq!(app.dialog, None, "{:?}", app.message);
    // Exported on the way out: the program quits, as asked.
    assert!(app.quit);
    // Exported, nothing is lost: quitting does not ask.
    let mut app = self::app(&engine, directory.path());
    act(&mut app, Action::Down);
    act(&mut app, Action::ToggleMark);
    act(&mut app, Action::StartExport);
    type_text(&mut app, "again.md");
    act(&mut app, Action::Open);
    confirm_write(&mut app, "again.md");
    assert!(!app.quit);
    act(&mut app, Action::Quit);
    assert!(app.quit);

    // Ctrl-C twice quits anyway.
    let mut app = self::app(&engine, directory.path());
    act(&mut app, Action::Down);
    act(&mut app, Action::ToggleMark);
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!app.quit);
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

/// Review of issue 13's slices: Home/End and Ctrl-D/U still move in the results; a key
/// with Control or Alt that nothing names does what it does plain (Ctrl-End is End); in
/// "replace it?" `e` and `q` answer nothing (they are the quit question's); a paste's
/// carriage returns are spaces; the detail keeps its place across another view.
#[test]
fn list_keys_modified_keys_and_questions_keep_their_meaning() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::End);
    assert_eq!(app.selected, app.outcome.hits.len() - 1);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.selected, 0);
    press_with(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(app.selected > 0);
    press_with(&mut app, KeyCode::Home, KeyModifiers::CONTROL);
    assert_eq!(app.selected, 0, "Ctrl-Home is Home");

    let existing = directory.path().join("there.md");
    std::fs::write(&existing, "keep").unwrap();
    act(&mut app, Action::ToggleMark);
    press_with(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    act(&mut app, Action::DeleteWord);
    type_text(&mut app, "there.md");
    act(&mut app, Action::Open);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmOverwrite { .. })));
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('q'));
    assert!(matches!(app.dialog, Some(Dialog::ConfirmOverwrite { .. })));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep");
    assert!(!app.quit);
    act(&mut app, Action::Back);

    send(&mut app, Event::Paste("femmes\r\nréfugiées".to_owned()));
    assert_eq!(app.query, "femmes  réfugiées");

    act(&mut app, Action::Focus(Pane::Search));
    act(&mut app, Action::Back);
    open_kampala(&mut app);
    draw_and_tell(&mut app, 120, 40);
    press(&mut app, KeyCode::PageDown);
    let scrolled = app.detail_scroll;
    assert!(scrolled > 0);
    act(&mut app, Action::Show(View::Stats));
    draw_and_tell(&mut app, 120, 40);
    act(&mut app, Action::Show(View::Stats));
    draw_and_tell(&mut app, 120, 40);
    assert_eq!(
        app.detail_scroll, scrolled,
        "the place in the detail is kept"
    );
}

/// What an OSC 52 sequence puts on the clipboard.
fn clipboard_text(written: &[u8]) -> String {
    let written = std::str::from_utf8(written).expect("the sequence is ASCII");
    let encoded = written
        .strip_prefix("\x1b]52;c;")
        .and_then(|rest| rest.strip_suffix('\x07'))
        .unwrap_or_else(|| panic!("not an OSC 52 sequence: {written:?}"));
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut bytes = Vec::new();
    for byte in encoded.bytes().filter(|&byte| byte != b'=') {
        let value = alphabet.iter().position(|&c| c == byte).expect("base64") as u32;
        bits = bits << 6 | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    String::from_utf8(bytes).expect("UTF-8 on the clipboard")
}

/// Sends a key with Alt.
fn press_alt(app: &mut App<'_, '_>, c: char) {
    send(
        app,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)),
    );
}

/// Issue 13: Alt-y copies the action's id and Alt-Y its citation, through the terminal
/// (OSC 52). Issue 22: `y` alone is text everywhere (a search for "yaoundé" must not
/// replace the clipboard).
#[test]
fn alt_y_copies_the_id_and_alt_shift_y_the_citation() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    open_kampala(&mut app);
    // The copy is an effect: the state asks, the loop writes to the terminal.
    let keys_for = |app: &App<'_, '_>, c: char| {
        let layout = Layout::new(ratatui::layout::Rect::new(0, 0, 120, 40), app);
        let alt = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
        keys::action_for(&alt, app, &layout).expect("a bound key")
    };
    let copy = |app: &mut App<'_, '_>, action: Action| -> String {
        let effect = app.update(action).expect("copying asks the terminal");
        let mut terminal = Vec::new();
        let answer = export::perform(&effect, app.engine.catalogue(), &mut terminal);
        assert!(app.update(answer).is_none());
        clipboard_text(&terminal)
    };
    let id = keys_for(&app, 'y');
    assert_eq!(copy(&mut app, id), KAMPALA);
    let message = app.message.clone().unwrap();
    assert!(message.contains(KAMPALA), "{message}");
    // Whole at 80 columns: where to look when nothing pastes (the About view gives the
    // command that prints it).
    assert!(message.contains("F9 if nothing pastes"), "{message}");
    assert!(
        message.chars().count() + "★ 0 marked ".chars().count() <= 80,
        "{message}"
    );
    let citation_key = keys_for(&app, 'Y');
    let citation = copy(&mut app, citation_key);
    // From the dataset: Kampala's record, lines 1326–1344 of the source (its heading
    // "KAMPALA" to its last paragraph), in the 2023 report, whose cover reads as below.
    for part in [
        "Kampala",
        "LOCALISATION DES PACTES MONDIAUX",
        "Deuxième rapport sur l'Action locale pour les migrants et réfugiés – 2023",
        "1326",
        "1344",
        "(2023)",
        KAMPALA,
        localaction::catalogue::embedded::short_fingerprint(),
    ] {
        assert!(citation.contains(part), "{part:?} in {citation:?}");
    }
    assert!(!citation.contains('\n'), "one line: {citation:?}");
    // In the detail and the list, y is text: a new search; Alt-y copies.
    open_kampala(&mut app);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!((app.query.as_str(), app.focus), ("y", Pane::Search));
    act(&mut app, Action::Down);
    assert_eq!(app.focus, Pane::Results);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.query, "y");
    let layout = Layout::new(ratatui::layout::Rect::new(0, 0, 120, 40), &app);
    let alt_y = Event::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::ALT));
    assert!(matches!(
        keys::action_for(&alt_y, &app, &layout),
        Some(Action::Copy(_))
    ));
    // Nothing to copy: said.
    let mut empty = App::new(&engine, Lang::EN, (120, 40));
    type_text(&mut empty, "zzzzqqq");
    assert!(empty.outcome.hits.is_empty());
    press_alt(&mut empty, 'y');
    assert!(
        empty
            .message
            .as_deref()
            .unwrap()
            .contains("No action to copy")
    );
}

/// Issue 13: Alt-A marks every result (then Ctrl-S exports them); pressed again with every
/// result marked, it unmarks them; actions marked before stay marked.
#[test]
fn alt_a_marks_every_result() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    // Nairobi, marked first, is not among the "climat" results.
    type_text(&mut app, "nairobi kampala");
    let nairobi = position(&engine, NAIROBI);
    act(&mut app, Action::ToggleMark);
    assert!(app.shortlist.is_empty(), "Space on the search line types");
    app.update(Action::Down);
    while app.selected_position() != Some(nairobi) {
        app.update(Action::Down);
    }
    act(&mut app, Action::ToggleMark);
    assert_eq!(shortlist_ids(&app), vec![NAIROBI]);
    act(&mut app, Action::Focus(Pane::Search));
    act(&mut app, Action::DeleteToStart);
    type_text(&mut app, "climat");
    assert_eq!(app.outcome.total, 11);
    press_alt(&mut app, 'a');
    assert_eq!(app.shortlist.len(), 12);
    let results: Vec<&str> = hit_ids(&app);
    assert!(results.iter().all(|id| shortlist_ids(&app).contains(id)));
    assert!(app.message.as_deref().unwrap().contains("11 actions"));
    press_alt(&mut app, 'a');
    assert_eq!(shortlist_ids(&app), vec![NAIROBI]);
    // One of them marked: Alt-A marks the rest rather than unmarking.
    app.update(Action::Down);
    act(&mut app, Action::ToggleMark);
    press_alt(&mut app, 'a');
    assert_eq!(app.shortlist.len(), 12);
    // And the export takes them all.
    send(
        &mut app,
        Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
    );
    assert!(matches!(app.dialog, Some(Dialog::ExportPath { .. })));
}

/// The actions of the dataset whose compact is the Global Compact on Refugees only (read
/// from `dataset/actions/*.toml`: `compact = "gcr"`).
const GCR_ONLY: [&str; 15] = [
    "2023-amman-climate-academy",
    "2023-athens-local-integration-strategy",
    "2023-brasov-katya-reception-centre",
    "2023-bucharest-inclusion-public-policy",
    "2023-galati-refugee-livelihoods",
    "2023-heraklion-holistic-refugee-support",
    "2023-kampala-nairobi-refugee-inclusion",
    "2023-larissa-integration-center",
    "2023-larissa-unaccompanied-children-training",
    "2023-nairobi-county-refugee-inclusion",
    "2023-nairobi-kampala-refugee-inclusion",
    "2023-nyamagabe-climate-resilience",
    "2023-ramallah-sustainable-qaddura",
    "2023-straseni-refugee-rights-campaign",
    "2023-zurich-tripartite-asylum-system",
];

/// The actions of the dataset the editors tag with the climate theme (`themes` holding
/// `"climate"` in `dataset/actions/*.toml`).
const CLIMATE: [&str; 10] = [
    "2022-accra-climate-vulnerability",
    "2022-beira-climate-relocation",
    "2022-c40-mmc-climate-migration",
    "2022-paris-climate-migration",
    "2023-amman-climate-academy",
    "2023-c40-mmc-urban-climate-migration",
    "2023-nyamagabe-climate-resilience",
    "2023-ramallah-sustainable-qaddura",
    "2023-tyre-zurich-city-cooperation",
    "2023-zurich-tyre-city-cooperation",
];

/// The rows of the statistics on `screen` (the view's area, borders left out), as the
/// layout places the view for the app's size.
fn statistics_rows(app: &App<'_, '_>, screen: &str) -> Vec<String> {
    let main = Layout::new(
        ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1),
        app,
    )
    .main
    .expect("the statistics' area");
    screen
        .lines()
        .skip(usize::from(main.y) + 1)
        .take(usize::from(main.height.saturating_sub(2)))
        .map(|line| line.trim_matches('"').to_owned())
        .collect()
}

/// The statistics' title row on `screen`.
fn statistics_title(app: &App<'_, '_>, screen: &str) -> String {
    let main = Layout::new(
        ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1),
        app,
    )
    .main
    .expect("the statistics' area");
    screen
        .lines()
        .nth(usize::from(main.y))
        .unwrap_or_default()
        .to_owned()
}

/// The label and count of the value under the statistics' cursor, as the view should
/// show it.
fn cursor_value(app: &App<'_, '_>) -> (String, usize) {
    let (dimension, slot) = app.chart_values()[app.stats_cursor];
    (
        app.value_label(dimension, slot),
        app.outcome.selection.of(dimension)[slot],
    )
}

/// The one row of the statistics marked with the cursor; it starts with the first word of
/// the value's label and shows its count.
fn assert_cursor_row_shown(app: &App<'_, '_>, screen: &str) {
    let (label, count) = cursor_value(app);
    let marked: Vec<String> = statistics_rows(app, screen)
        .into_iter()
        .filter(|row| row.contains("› "))
        .collect();
    let [row] = marked.as_slice() else {
        panic!("one row under the cursor, not {marked:?}, for {label}\n{screen}");
    };
    let first_word = label.split_whitespace().next().unwrap();
    assert!(
        row.contains(&format!("│› {first_word}")) && row.contains(&format!(" {count}")),
        "{label} ({count}) under the cursor, not {row}\n{screen}"
    );
}

/// Issue 13 #9: the statistics could not scroll (at 40×12 one value per group, at 80×24
/// cut). Down moves a cursor over every charted value, to the last value of the last
/// chart, and every frame shows the cursor's row, its label and its count.
#[test]
fn every_charted_value_is_reached_at_40x12_and_80x24() {
    let engine = engine();
    for lang in [Lang::EN, Lang::FR] {
        for (width, height) in [(40, 12), (80, 24)] {
            let mut app = App::new(&engine, lang, (width, height));
            press(&mut app, KeyCode::F(2));
            assert_eq!(app.view, View::Stats);
            let values = app.chart_values();
            // Every value of every charted dimension with a result, and every priority.
            assert_eq!(values.len(), 8 + 5 + 6 + 6 + 2, "{values:?}");
            let mut seen = Vec::new();
            loop {
                let screen = draw_and_tell(&mut app, width, height);
                assert_cursor_row_shown(&app, &screen);
                seen.push(app.stats_cursor);
                if app.stats_cursor == values.len() - 1 {
                    break;
                }
                press(&mut app, KeyCode::Down);
                assert!(
                    seen.len() <= values.len(),
                    "the cursor never reached the end"
                );
            }
            assert_eq!(seen, (0..values.len()).collect::<Vec<_>>());
            assert_eq!(values[app.stats_cursor].0, Dimension::Year);
            // Up comes back over every value too.
            for expected in (0..values.len() - 1).rev() {
                press(&mut app, KeyCode::Up);
                assert_eq!(app.stats_cursor, expected);
                let screen = draw_and_tell(&mut app, width, height);
                assert_cursor_row_shown(&app, &screen);
            }
        }
    }
}

/// Scrolling the statistics stops at the end: End, PageDown and Down past the last
/// value leave the same screen, which ends with the report's figures; the title says
/// where the cursor is when not everything fits, and says nothing when it all does.
#[test]
fn the_statistics_scroll_to_their_end_and_no_further() {
    let engine = engine();
    for (width, height) in [(40, 12), (80, 24)] {
        let mut app = App::new(&engine, Lang::EN, (width, height));
        press(&mut app, KeyCode::F(2));
        let last = app.chart_values().len() - 1;
        let top = draw_and_tell(&mut app, width, height);
        assert!(
            statistics_title(&app, &top).contains(&format!(" 1/{} ", last + 1)),
            "{top}"
        );
        press(&mut app, KeyCode::End);
        assert_eq!(app.stats_cursor, last);
        let end = draw_and_tell(&mut app, width, height);
        assert!(
            statistics_title(&app, &end).contains(&format!(" {0}/{0} ", last + 1)),
            "{end}"
        );
        let rows = statistics_rows(&app, &end);
        assert!(
            rows.last().unwrap().contains("printed figure"),
            "the end shows the note: {end}"
        );
        for code in [KeyCode::Down, KeyCode::PageDown, KeyCode::End] {
            press(&mut app, code);
            assert_eq!(app.stats_cursor, last, "{code:?}");
            assert_eq!(draw_and_tell(&mut app, width, height), end, "{code:?}");
        }
        press(&mut app, KeyCode::Home);
        assert_eq!(app.stats_cursor, 0);
        assert_eq!(draw_and_tell(&mut app, width, height), top);
        // PageDown moves a page at a time, and as many PageUps come back.
        let mut page_downs = 0;
        while app.stats_cursor < last {
            press(&mut app, KeyCode::PageDown);
            page_downs += 1;
            let screen = draw_and_tell(&mut app, width, height);
            assert_cursor_row_shown(&app, &screen);
        }
        assert!(page_downs >= 2 && page_downs <= last / 3, "{page_downs}");
        for _ in 0..page_downs {
            press(&mut app, KeyCode::PageUp);
        }
        assert_eq!(app.stats_cursor, 0);
        press(&mut app, KeyCode::Home);
        assert_eq!(app.stats_cursor, 0);
    }
    // On a screen that holds every chart, nothing scrolls and no position is shown.
    let mut app = App::new(&engine, Lang::EN, (200, 60));
    press(&mut app, KeyCode::F(2));
    let screen = draw_and_tell(&mut app, 200, 60);
    assert!(!statistics_title(&app, &screen).contains("/27"), "{screen}");
}

/// Moves the statistics' cursor down, by the key table's ↓, to the value of `dimension`
/// labelled `label`.
fn move_stats_cursor_to(app: &mut App<'_, '_>, dimension: Dimension, label: &str) {
    press(app, KeyCode::Home);
    while cursor_value(app).0 != label || app.chart_values()[app.stats_cursor].0 != dimension {
        let before = app.stats_cursor;
        press(app, KeyCode::Down);
        assert_ne!(app.stats_cursor, before, "{label} is not charted");
    }
}

/// Issue 13 #9: Enter on a statistic's value lists its actions (VisiData's drill-down):
/// "GCR only" sets the compact filter to it, as the filter panel does, and comes back to
/// the list, focused, holding exactly the dataset's GCR-only actions; Enter on it again
/// keeps the filter.
#[test]
fn enter_on_gcr_only_in_the_statistics_lists_the_gcr_only_actions() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (80, 24));
    press(&mut app, KeyCode::F(2));
    move_stats_cursor_to(&mut app, Dimension::Compact, "GCR only");
    let screen = draw_and_tell(&mut app, 80, 24);
    assert_cursor_row_shown(&app, &screen);
    assert_eq!(cursor_value(&app).1, GCR_ONLY.len());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Browse);
    assert_eq!(app.focus, Pane::Results);
    let mut ids = hit_ids(&app);
    ids.sort_unstable();
    assert_eq!(ids, GCR_ONLY);
    assert_eq!(app.outcome.total, GCR_ONLY.len());
    let values = engine.values();
    let selected: Vec<&str> = app
        .filters
        .selected(Dimension::Compact)
        .iter()
        .map(|&slot| values.of(Dimension::Compact)[slot].key.as_str())
        .collect();
    assert_eq!(selected, ["gcr"]);
    // The same filters as selecting the value in the panel.
    let mut panel = App::new(&engine, Lang::EN, (80, 24));
    panel.update(Action::Focus(Pane::Filters));
    move_filter_cursor_to(&mut panel, Dimension::Compact, "GCR only");
    panel.update(Action::Open);
    assert_eq!(panel.filters, app.filters);
    // The screen says so: the count, the list, the panel's tick, the status line.
    let screen = draw_and_tell(&mut app, 80, 24);
    assert!(screen.contains("15 of 77 actions"), "{screen}");
    assert!(screen.contains("[x] GCR only"), "{screen}");
    assert!(
        screen.contains("Compact: GCR only — 15 actions"),
        "{screen}"
    );
    // Enter on a value already filtered keeps it.
    press(&mut app, KeyCode::F(2));
    assert_eq!(cursor_value(&app), ("GCR only".to_owned(), 15));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.outcome.total, GCR_ONLY.len());
    assert_eq!(app.filters, panel.filters);
    assert_eq!(app.view, View::Browse);
}

/// Enter on a theme's value in the statistics filters the list by that theme, a filter
/// set before on another dimension staying; a click on a value puts the cursor there, a
/// second click lists its actions.
#[test]
fn enter_or_a_click_on_a_theme_in_the_statistics_filters_by_it() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (40, 12));
    press(&mut app, KeyCode::F(2));
    move_stats_cursor_to(&mut app, Dimension::Theme, "climate");
    let screen = draw_and_tell(&mut app, 40, 12);
    assert_cursor_row_shown(&app, &screen);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.view, app.focus), (View::Browse, Pane::Results));
    let mut ids = hit_ids(&app);
    ids.sort_unstable();
    assert_eq!(ids, CLIMATE);
    // Typing in the list still reaches the search line.
    press(&mut app, KeyCode::Char('z'));
    assert_eq!((app.focus, app.query.as_str()), (Pane::Search, "z"));
    press(&mut app, KeyCode::Esc);

    // With the year 2023 chosen, a click on "climate" lists 2023's climate actions.
    let mut app = App::new(&engine, Lang::EN, (80, 24));
    app.update(Action::Focus(Pane::Filters));
    move_filter_cursor_to(&mut app, Dimension::Year, "2023");
    app.update(Action::Open);
    press(&mut app, KeyCode::F(2));
    let climate = app
        .chart_values()
        .iter()
        .position(|&(dimension, slot)| {
            dimension == Dimension::Theme && app.value_label(dimension, slot) == "climate"
        })
        .expect("climate is charted");
    let click = |app: &App<'_, '_>, column: u16, row: u16| -> Option<Action> {
        let layout = Layout::new(ratatui::layout::Rect::new(0, 0, 80, 24), app);
        let event = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
        keys::action_for(&event, app, &layout)
    };
    // The cursor beside it: a first click only moves the cursor there.
    move_stats_cursor_to(&mut app, Dimension::Theme, "climate");
    press(&mut app, KeyCode::Down);
    let screen = draw_and_tell(&mut app, 80, 24);
    let row = screen
        .lines()
        .position(|line| line.contains("  climate "))
        .expect("climate on screen") as u16;
    let picked = click(&app, 6, row).expect("a click on a value");
    assert_eq!(picked, Action::PickStatistic(climate));
    act(&mut app, picked);
    assert_eq!((app.view, app.stats_cursor), (View::Stats, climate));
    let screen = draw_and_tell(&mut app, 80, 24);
    assert_cursor_row_shown(&app, &screen);
    let again = click(&app, 6, row).expect("a click on the value");
    act(&mut app, again);
    assert_eq!((app.view, app.focus), (View::Browse, Pane::Results));
    let mut ids = hit_ids(&app);
    ids.sort_unstable();
    let climate_2023: Vec<&str> = CLIMATE
        .iter()
        .copied()
        .filter(|id| id.starts_with("2023-"))
        .collect();
    assert_eq!(ids, climate_2023);
    assert_eq!(app.filters.selected(Dimension::Year).len(), 1);
    // A heading is no value: a click there does nothing.
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Home);
    let screen = draw_and_tell(&mut app, 80, 24);
    let heading = screen
        .lines()
        .position(|line| line.contains("│Priority "))
        .expect("the first heading") as u16;
    assert_eq!(click(&app, 3, heading), None);
}

/// The label of the filter row under the cursor.
fn filter_cursor_label(app: &App<'_, '_>) -> String {
    match app.filter_rows()[app.filter_cursor] {
        FilterRow::Value(dimension, slot) => app.value_label(dimension, slot),
        FilterRow::Heading(_) => String::from("(a heading)"),
    }
}

/// Issue 13: in the filter panel typing jumps to a value, as in list boxes: "k" to the
/// first value starting with k (Kenya, the only country with a K in `dataset/countries.toml`),
/// "k" again to the next (the city Kampala, in `dataset/places.toml`), then round again;
/// "ka" straight to Kampala; a prefix nothing starts with is said. Letters there never quit.
/// Koboko, a place only the report's participants name (no action has it), is not offered.
#[test]
fn typing_in_the_filters_jumps_to_a_value() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    act(&mut app, Action::Focus(Pane::Filters));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(filter_cursor_label(&app), "Kenya");
    assert_eq!(app.query, "", "letters in the filters do not search");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(filter_cursor_label(&app), "Kampala");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(filter_cursor_label(&app), "Kenya", "round again");
    // Any other key forgets what was typed; "ka" then goes straight to Kampala.
    press(&mut app, KeyCode::Down);
    assert!(app.filter_jump.is_empty());
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(filter_cursor_label(&app), "Kampala");
    assert_eq!(app.filter_jump, "ka");
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("Filters › ka"), "{screen}");
    // Backspace edits what was typed; Space selects Kampala: its one action.
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.filter_jump, "k");
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(hit_ids(&app), vec![KAMPALA]);
    // "k" keeps the cursor on Kampala, which starts with it; nothing starts with "kx", or
    // has a word starting with x: said, and the cursor stays.
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(filter_cursor_label(&app), "Kampala");
    press(&mut app, KeyCode::Char('x'));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("No filter value starts with"), "{message}");
    assert_eq!(filter_cursor_label(&app), "Kampala");
    // q jumps (or says nothing starts with it) rather than quitting.
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quit && app.dialog.is_none());
    let labels: Vec<String> = app
        .filter_rows()
        .iter()
        .filter_map(|row| match *row {
            FilterRow::Value(dimension, slot) => Some(app.value_label(dimension, slot)),
            FilterRow::Heading(_) => None,
        })
        .collect();
    assert!(labels.iter().any(|label| label == "Kampala"));
    assert!(!labels.iter().any(|label| label == "Koboko"), "{labels:?}");
}

/// Issue 13: a value without results stays in the panel, dimmed, instead of vanishing: with
/// "climat", every country is still listed, and the ones with no such action are drawn dim.
#[test]
fn filter_values_without_results_stay_dimmed() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let countries = |app: &App<'_, '_>| {
        app.filter_rows()
            .iter()
            .filter(|row| matches!(row, FilterRow::Value(Dimension::Country, _)))
            .count()
    };
    let all = countries(&app);
    type_text(&mut app, "climat");
    assert_eq!(app.outcome.total, 11);
    assert_eq!(countries(&app), all, "no country vanishes");
    // Kenya: Nairobi's actions say nothing of the climate (dataset/actions: Nairobi's
    // texts), so its count is 0 and its row is dim; Jordan (Amman's climate academy) is not.
    act(&mut app, Action::Focus(Pane::Filters));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(filter_cursor_label(&app), "Kenya");
    act(&mut app, Action::Focus(Pane::Search));
    let mut terminal = Terminal::new(TestBackend::new(120, 200)).unwrap();
    terminal
        .draw(|frame| {
            view::draw(frame, &app, Palette::Mono);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let row_style = |label: &str| {
        (0..200u16)
            .find_map(|y| {
                let line: String = (0..28u16).map(|x| buffer[(x, y)].symbol()).collect();
                line.contains(label).then(|| {
                    let x = line.find(label).unwrap() as u16;
                    buffer[(x, y)].style()
                })
            })
            .unwrap_or_else(|| panic!("{label} in the panel"))
    };
    let dim = ratatui::style::Modifier::DIM;
    assert!(row_style("Kenya").add_modifier.contains(dim));
    assert!(!row_style("Jordan").add_modifier.contains(dim));
}

/// Issue 13: an About view for whoever got the file on a stick: what this is, the reports
/// the data comes from (their covers as `dataset/reports.toml` prints them), the catalogue's
/// version and full fingerprint, how to cite and script it, and the list's columns. It
/// scrolls to its last line and no further; Esc goes back.
#[test]
fn f9_shows_what_this_is_and_where_its_data_comes_from() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    for (lang, cover, legend) in [
        (
            Lang::EN,
            "LOCALISATION DES PACTES MONDIAUX",
            "The list's columns",
        ),
        (
            Lang::FR,
            "LOCALISATION DES PACTES MONDIAUX",
            "Les colonnes de la liste",
        ),
    ] {
        let mut app = App::new(&engine, lang, (200, 60));
        app.export_directory = directory.path().to_path_buf();
        press(&mut app, KeyCode::F(9));
        assert_eq!(app.view, View::About);
        let screen = draw(&app, 200, 60);
        for part in [
            cover,
            "Deuxième rapport sur l'Action locale pour les migrants et réfugiés – 2023",
            "000_34d0cc45fcbbbc82.txt",
            localaction::catalogue::embedded::FINGERPRINT.trim(),
            "--format citation",
            "--format json",
            legend,
            "P1,6,8",
        ] {
            assert!(screen.contains(part), "{part:?} in {screen}");
        }
        // At 80×24 it does not fit: it scrolls to its end, then stops.
        app.update(Action::Resize {
            width: 80,
            height: 24,
        });
        let first = draw_and_tell(&mut app, 80, 24);
        assert!(first.contains("%)"), "the position is shown: {first}");
        for _ in 0..200 {
            press(&mut app, KeyCode::Down);
            draw_and_tell(&mut app, 80, 24);
        }
        let end = draw_and_tell(&mut app, 80, 24);
        assert!(end.contains("(100%)"), "{end}");
        assert!(
            end.contains("P1,6,8"),
            "the legend's rows are the last: {end}"
        );
        press(&mut app, KeyCode::Up);
        assert_ne!(
            draw_and_tell(&mut app, 80, 24),
            end,
            "one line up from the end moves"
        );
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.view, View::Browse);
    }
}

/// Issue 13: in the detail, `/` finds in the text as less does: the matches are marked and
/// counted, the text scrolls to the first while it is typed, n and N go from match to match
/// and round, Esc drops the search and then closes the detail. Amman's climate academy is
/// a park ("Amman Children's Climate Academy and Park", and its texts say "park" again).
#[test]
fn slash_finds_in_the_detail_and_n_goes_from_match_to_match() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    // Everything in view: every match the screen shows is one the search counts.
    let mut app = App::new(&engine, Lang::EN, (DETAIL_101, 400));
    app.export_directory = directory.path().to_path_buf();
    type_text(&mut app, "amman climate academy");
    let amman = position(&engine, "2023-amman-climate-academy");
    assert_eq!(app.selected_position(), Some(amman));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, KeyCode::Char('/'));
    for c in "PARK".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(
        app.query, "amman climate academy",
        "typed into the search, not the query"
    );
    let screen = draw_and_tell(&mut app, DETAIL_101, 400);
    let detail: String = screen
        .lines()
        .map(|line| line.rsplit('│').nth(1).unwrap_or_default().to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    let on_screen = detail.matches("park").count();
    let found = app.detail_find.clone().expect("a search");
    assert!(on_screen >= 3, "{detail}");
    assert_eq!(found.rows.len(), on_screen, "{detail}");
    press(&mut app, KeyCode::Enter);
    assert!(!app.detail_find.as_ref().unwrap().editing);
    // On a small screen the text scrolls to each match in turn.
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    draw_and_tell(&mut app, 80, 24);
    let count = app.detail_find.as_ref().unwrap().rows.len();
    let mut seen = Vec::new();
    for step in 0..=count {
        let screen = draw_and_tell(&mut app, 80, 24);
        let current = app.detail_find.as_ref().unwrap().current;
        assert_eq!(current, step % count);
        assert!(
            screen.contains(&format!("/PARK {}/{count}", current + 1)),
            "{screen}"
        );
        let detail_rows = screen
            .lines()
            .skip(4)
            .take(18)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            detail_rows.to_lowercase().contains("park"),
            "match {} in view: {screen}",
            current + 1
        );
        seen.push(app.detail_scroll);
        press(&mut app, KeyCode::Char('n'));
    }
    assert!(
        seen.windows(2).any(|pair| pair[0] != pair[1]),
        "it scrolled: {seen:?}"
    );
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.detail_find.as_ref().unwrap().current, count - 1);
    // Esc drops the search, then closes the detail.
    press(&mut app, KeyCode::Esc);
    assert!(app.detail_find.is_none());
    assert_eq!(app.focus, Pane::Detail);
    // Without a search, n is a letter: it starts a new search.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!((app.query.as_str(), app.focus), ("n", Pane::Search));
}

/// A search for what the text does not hold says so.
#[test]
fn a_detail_search_that_finds_nothing_says_so() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    open_kampala(&mut app);
    press(&mut app, KeyCode::Char('/'));
    for c in "zqxw".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let screen = draw_and_tell(&mut app, 120, 40);
    assert!(screen.contains("/zqxw — not in this text"), "{screen}");
    assert!(app.detail_find.as_ref().unwrap().rows.is_empty());
}

/// Issue 13: the export path has a cursor of its own: ← moves into the offered name (which
/// is then kept, to be edited), typing inserts there, Home and Delete work as on the search
/// line, and the screen shows where the cursor is.
#[test]
fn the_export_path_is_edited_at_its_cursor() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    type_text(&mut app, "kampala");
    app.update(Action::Down);
    act(&mut app, Action::ToggleMark);
    act(&mut app, Action::StartExport);
    for _ in 0..3 {
        press(&mut app, KeyCode::Left);
    }
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: "shortlist2.md".to_owned()
        })
    );
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("> shortlist2.md"), "{screen}");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(
        app.dialog,
        Some(Dialog::ExportPath {
            path: "Shortlist2.md".to_owned()
        })
    );
    press(&mut app, KeyCode::Enter);
    confirm_write(&mut app, "Shortlist2.md");
    assert!(directory.path().join("Shortlist2.md").is_file());
}

// Issue 13, the map.

/// The one action with two places (Milan and Freetown, one record for the partnership).
const MILAN_FREETOWN: &str = "2022-milan-freetown-fashion";

/// The index among the hits of the action `id`.
fn hit_index(app: &App<'_, '_>, id: &str) -> usize {
    hit_ids(app)
        .iter()
        .position(|&hit| hit == id)
        .unwrap_or_else(|| panic!("{id} is among the results"))
}

/// Shows the map with the action `id` selected, as a click on its marker does.
fn select_on_map(app: &mut App<'_, '_>, id: &str) {
    if app.view != View::Map {
        act(app, Action::Show(View::Map));
    }
    let index = hit_index(app, id);
    act(app, Action::PickOnMap(index));
    assert_eq!(
        app.selected_position(),
        app.engine.catalogue().position_of(id)
    );
}

/// A place's longitude and latitude, by its id in `dataset/places.toml`.
fn place_lon_lat(engine: &Engine<'_>, id: &str) -> (f64, f64) {
    let place = engine
        .catalogue()
        .tables
        .places
        .iter()
        .find(|place| place.id == id)
        .unwrap_or_else(|| panic!("the place {id}"));
    (place.lon, place.lat)
}

/// The map's area at `width`×`height`, as the layout places it.
fn map_area(app: &App<'_, '_>, width: u16, height: u16) -> ratatui::layout::Rect {
    Layout::new(ratatui::layout::Rect::new(0, 0, width, height), app)
        .main
        .expect("the map fills the main area")
}

/// Draws the screen and gives its cells.
fn draw_cells(app: &App<'_, '_>, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            view::draw(frame, app, Palette::Mono);
        })
        .expect("drawing succeeds");
    terminal.backend().buffer().clone()
}

/// The text of the map's bottom border, the title on it.
fn map_bottom_title(app: &App<'_, '_>, width: u16, height: u16) -> String {
    let cells = draw_cells(app, width, height);
    let area = map_area(app, width, height);
    (area.x..area.right())
        .map(|x| cells[(x, area.bottom() - 1)].symbol().to_owned())
        .collect()
}

/// Issue 13, the map #2: the Milan–Freetown partnership is drawn at both its places, both
/// standing out while it is selected; the map's bottom title names both; a click near
/// either place picks it (at Milan, among the results for "freetown", where no other
/// action of Milan competes for the click).
#[test]
fn an_action_with_two_places_is_drawn_and_picked_at_both() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    act(&mut app, Action::Show(View::Map));
    let partnership = hit_index(&app, MILAN_FREETOWN);
    act(&mut app, Action::PickOnMap(partnership));
    let area = map_area(&app, 120, 40);
    let inner = view::map::inner(area);
    let cells = draw_cells(&app, 120, 40);
    for place in ["milan", "freetown"] {
        let (lon, lat) = place_lon_lat(&engine, place);
        let cell = view::map::cell_of(inner, lon, lat).expect("on the map");
        assert_eq!(
            cells[cell].symbol(),
            "@",
            "the selected action's mark at {place}"
        );
    }
    let title = map_bottom_title(&app, 120, 40);
    assert!(title.contains("Milan – Freetown"), "{title}");
    assert!(title.contains(MILAN_FREETOWN), "{title}");

    // Another action selected: a click at either place picks the partnership again.
    for (query, place) in [("", "freetown"), ("freetown", "milan")] {
        act(&mut app, Action::Focus(Pane::Search));
        act(&mut app, Action::Back);
        type_text(&mut app, query);
        act(&mut app, Action::Show(View::Map));
        let partnership = hit_index(&app, MILAN_FREETOWN);
        let other = usize::from(partnership == 0);
        act(&mut app, Action::PickOnMap(other));
        let (lon, lat) = place_lon_lat(&engine, place);
        let (column, row) = view::map::cell_of(inner, lon, lat).expect("on the map");
        let cells = draw_cells(&app, 120, 40);
        let mark = if app.selected == partnership {
            "@"
        } else {
            "+"
        };
        assert_eq!(cells[(column, row)].symbol(), mark, "a mark at {place}");
        assert_eq!(
            view::map::nearest_hit(&app, area, column, row),
            Some(partnership),
            "a click at {place}"
        );
    }
}

/// Issue 13, the map #4: an action with no place (a network, a national government) is
/// not silently missing from the map: the bottom title says so, in either language, and a
/// long name gives way before the reason does.
#[test]
fn an_action_without_a_place_says_so_on_the_map() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let cases = [
        (
            Lang::EN,
            "2023-c40-mmc-urban-climate-migration",
            "C40-MMC — no place on the map (a network)",
        ),
        (
            Lang::FR,
            "2023-c40-mmc-urban-climate-migration",
            "C40-MMC — pas de lieu sur la carte (un réseau)",
        ),
        // Named by its country, Germany, in English.
        (
            Lang::EN,
            "2022-germany-mayors-mechanism",
            "Germany — no place on the map (a national government)",
        ),
        (
            Lang::FR,
            "2022-germany-mayors-mechanism",
            "Allemagne — pas de lieu sur la carte (un gouvernement national)",
        ),
    ];
    for (lang, id, said) in cases {
        let mut app = app(&engine, directory.path());
        app.lang = lang;
        select_on_map(&mut app, id);
        let title = map_bottom_title(&app, 120, 40);
        assert!(title.contains(said), "{lang:?} {id}: {title}");
        assert!(!title.contains('@'), "no marker to point at: {title}");
    }
    // At 80 columns the longest name is cut, the reason kept whole.
    let mut app = app(&engine, directory.path());
    select_on_map(&mut app, "2023-brazil-national-welcoming-cities-network");
    let title = map_bottom_title(&app, 80, 24);
    assert!(
        title.contains("Gouvernement du Brésil")
            && title.contains("… — no place on the map (a national government)"),
        "{title}"
    );
}

/// The id of the selected action.
fn selected_id(app: &App<'_, '_>) -> &'static str {
    let position = app.selected_position().expect("an action is selected");
    localaction::catalogue::embedded::catalogue().id_at(position)
}

/// Issue 13, the map #1: the arrows (and h j k l) go to the nearest marker that way, as the
/// dataset's coordinates place them (a degree of latitude counted twice, as on screen;
/// "within the cone" is at most 45° off the arrow). From Paris (2.35°E, 48.86°N):
/// - Right: Zürich (8.54°E, 47.38°N), 6.2° east and 1.5° south, well within the cone; Milan
///   (6.8° east, 3.4° south, counted 6.8) is within it too but farther, and Mechelen (2.1°
///   east, 2.2° north) is more north than east. Zürich has four actions; the first in the
///   list (newest first, then by id), 2023-zurich-european-pillar-social-rights, is
///   reached first.
/// - Left: Rennes (1.68°W, 48.12°N), 4.0° west and 0.7° south.
/// - Up: Mechelen (4.48°E, 51.03°N), 2.2° north (counted 4.3) and 2.1° east.
/// - Down: Terrassa (2.01°E, 41.56°N), 7.3° south and 0.3° west; Milan, nearer, is 6.8°
///   east for 6.8 (counted) south, just outside the cone.
#[test]
fn arrows_on_the_map_go_to_the_nearest_marker_that_way() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    const PARIS: &str = "2022-paris-climate-migration";
    for (key, expected) in [
        (KeyCode::Right, "2023-zurich-european-pillar-social-rights"),
        (KeyCode::Left, "2023-rennes-european-citizens-initiative"),
        (KeyCode::Up, "2022-mechelen-youth-for-all"),
        (KeyCode::Down, "2023-terrassa-darija-teacher-training"),
    ] {
        select_on_map(&mut app, PARIS);
        press(&mut app, key);
        assert_eq!(selected_id(&app), expected, "{key:?} from Paris");
        assert_eq!(app.view, View::Map, "{key:?} stays on the map");
    }

    // Zürich's four actions are each reached, Right going on in the list's order and Left
    // coming back, before Right leaves for Brașov (25.59°E, 45.64°N: 17° east and 1.7°
    // south, the nearest within the cone; Milan, 0.6° east and 1.9° south, is south) and
    // Left for Paris. Brașov's nearest to the west is not Zürich but Milan, 16.4° west and
    // 0.2° south, for Zürich's 17.0° west and 1.7° north; the first of Milan's two
    // actions in the list is 2023-milan-first-steps.
    let zurich: Vec<&str> = hit_ids(&app)
        .into_iter()
        .filter(|id| id.contains("zurich-") && !id.starts_with("2023-tyre"))
        .collect();
    assert_eq!(zurich.len(), 4, "{zurich:?}");
    assert_eq!(zurich[0], "2023-zurich-european-pillar-social-rights");
    select_on_map(&mut app, zurich[0]);
    for &next in &zurich[1..] {
        press(&mut app, KeyCode::Right);
        assert_eq!(selected_id(&app), next);
    }
    press(&mut app, KeyCode::Right);
    assert_eq!(selected_id(&app), "2023-brasov-katya-reception-centre");
    press(&mut app, KeyCode::Left);
    assert_eq!(selected_id(&app), "2023-milan-first-steps");
    select_on_map(&mut app, zurich[3]);
    for &previous in zurich[..3].iter().rev() {
        press(&mut app, KeyCode::Left);
        assert_eq!(selected_id(&app), previous);
    }
    press(&mut app, KeyCode::Left);
    assert_eq!(selected_id(&app), PARIS);

    // Pages and the ends keep the list's order.
    press(&mut app, KeyCode::End);
    assert_eq!(app.selected, app.outcome.hits.len() - 1);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.selected, 0);
}

/// Issue 13, the map #1: from an action with two places the arrows start at the place the
/// last arrow reached. Left from Accra (0.19°W, 5.60°N) reaches the Milan–Freetown
/// partnership at Freetown (13.23°W, 8.48°N: 13° west, 2.9° north); Left again goes on
/// from Freetown to Bogotá (74.07°W, 4.71°N, 61° west, nearer than Barranquilla's 61.5° west
/// and 2.5° north counted 5). Right from Freetown comes back to Accra. Selected by a click,
/// the partnership is left from Milan, its first place: Left goes to the other action at
/// Milan that comes before it in the list, 2023-milan-first-steps.
#[test]
fn arrows_leave_a_two_place_action_from_where_they_reached_it() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    select_on_map(&mut app, "2022-accra-climate-vulnerability");
    press(&mut app, KeyCode::Left);
    assert_eq!(selected_id(&app), MILAN_FREETOWN);
    press(&mut app, KeyCode::Left);
    assert_eq!(selected_id(&app), "2022-bogota-nutrition-centre");
    select_on_map(&mut app, "2022-accra-climate-vulnerability");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Right);
    assert_eq!(selected_id(&app), "2022-accra-climate-vulnerability");
    select_on_map(&mut app, MILAN_FREETOWN);
    press(&mut app, KeyCode::Left);
    assert_eq!(selected_id(&app), "2023-milan-first-steps");
}

/// Issue 13, the map #1: results without a place are never reached by the arrows; from one
/// of them (selected in the list), an arrow goes to the first result that has a place; and
/// every action with a place can be reached from any other by arrows alone.
#[test]
fn arrows_reach_every_placed_result_and_no_other() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let catalogue = engine.catalogue();
    let has_place = |app: &App<'_, '_>, index: usize| {
        !catalogue
            .action_at(app.outcome.hits[index].position)
            .places
            .is_empty()
    };
    let placed: Vec<usize> = (0..app.outcome.hits.len())
        .filter(|&index| has_place(&app, index))
        .collect();
    assert_eq!(placed.len(), 66);
    select_on_map(&mut app, "2023-c40-mmc-urban-climate-migration");
    press(&mut app, KeyCode::Right);
    assert_eq!(app.selected, placed[0], "the first result with a place");

    // Every marker, every arrow, from the place each arrow arrived at: a walk over the
    // whole map.
    let mut reached = std::collections::BTreeSet::from([app.selected]);
    let mut to_visit = vec![(app.selected, app.map_place)];
    while let Some((selected, map_place)) = to_visit.pop() {
        for key in [KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down] {
            app.selected = selected;
            app.map_place = map_place;
            press(&mut app, key);
            assert!(
                has_place(&app, app.selected),
                "{key:?} reached {} without a place",
                selected_id(&app)
            );
            if reached.insert(app.selected) {
                to_visit.push((app.selected, app.map_place));
            }
        }
    }
    assert_eq!(reached.into_iter().collect::<Vec<_>>(), placed);
}

/// Issue 22: a letter over the map starts a new search ("lima" typed there searches for
/// Lima, it does not move east at the `l`); the arrows move on the map, and F4 still shows
/// the shortlist from it.
#[test]
fn letters_over_the_map_start_a_new_search() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    // Paris's nearest marker to the east is Zürich's (see the test of the arrows).
    select_on_map(&mut app, "2022-paris-climate-migration");
    press(&mut app, KeyCode::Right);
    assert_eq!(app.view, View::Map);
    assert!(selected_id(&app).contains("zurich"), "→ moves on the map");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "climat");
    press(&mut app, KeyCode::F(3));
    for c in "lima".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(
        (app.view, app.focus, app.query.as_str()),
        (View::Browse, Pane::Search, "lima"),
        "a fresh query, not climat + lima"
    );
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::F(4));
    assert_eq!(app.view, View::Shortlist);
}

/// Issue 13, the map #3: Enter on the map opens the action's detail; Esc there comes back
/// to the map with the same action selected, also after following its joint commitment
/// and coming back; Esc on the map then returns to where the map was opened from. An
/// action opened from the list closes back to the list, as before, even when the detail
/// was first opened on the map.
#[test]
fn esc_from_an_action_opened_on_the_map_returns_to_the_map() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    let catalogue = engine.catalogue();
    press(&mut app, KeyCode::F(3));
    select_on_map(&mut app, MILAN_FREETOWN);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.view, app.focus), (View::Browse, Pane::Detail));
    assert_eq!(app.open, catalogue.position_of(MILAN_FREETOWN));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Map, "back to the map");
    assert_eq!(selected_id(&app), MILAN_FREETOWN);
    assert_eq!(app.open, None);
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        (app.view, app.focus),
        (View::Browse, Pane::Search),
        "then to where the map was opened"
    );

    // Kampala's joint commitment with Nairobi, followed and come back from.
    press(&mut app, KeyCode::F(3));
    select_on_map(&mut app, KAMPALA);
    press(&mut app, KeyCode::Enter);
    press_alt(&mut app, 'p');
    assert_eq!(app.open, Some(position(&engine, NAIROBI)));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        (app.view, app.open),
        (View::Browse, Some(position(&engine, KAMPALA)))
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Map);
    assert_eq!(selected_id(&app), KAMPALA, "the action opened on the map");

    // Opened on the map, then another opened from the list: Esc closes to the list.
    press(&mut app, KeyCode::Enter);
    act(&mut app, Action::Focus(Pane::Results));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.view, app.focus), (View::Browse, Pane::Results));
    assert_eq!(app.open, None);

    // Opened from the list: Esc closes to the list, as ever.
    open_kampala(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.view, app.focus), (View::Browse, Pane::Results));
    assert_eq!(app.open, None);
}

/// From a new user's trial: feedback where there was none, and no quiet change behind the
/// open action. `n` after a search that found nothing says so (it used to type into the
/// query and change the results); Alt-C says the filters were cleared; Alt-P on an action
/// with no joint commitment says so; with every word required, an empty list points to F6.
#[test]
fn commands_that_do_nothing_say_why() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    open_kampala(&mut app);
    let query = app.query.clone();
    press(&mut app, KeyCode::Char('/'));
    for c in "xyzzy".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.query, query, "n is not typed into the query");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("not in this text"), "{message}");
    press(&mut app, KeyCode::Esc);
    // Amman's action has no partner (dataset: no `partners`).
    let mut app = App::new(&engine, Lang::EN, (120, 40));
    type_text(&mut app, "amman climate academy");
    press(&mut app, KeyCode::Enter);
    press_alt(&mut app, 'p');
    assert!(
        app.message
            .as_deref()
            .unwrap_or_default()
            .contains("no joint commitment"),
        "{:?}",
        app.message
    );
    // A filter, then Alt-C from the detail.
    act(&mut app, Action::Focus(Pane::Filters));
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char(' '));
    assert!(!app.filters.is_empty());
    act(&mut app, Action::Focus(Pane::Search));
    act(&mut app, Action::DeleteToStart);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press_alt(&mut app, 'c');
    assert!(app.filters.is_empty());
    assert_eq!(app.message.as_deref(), Some("Cleared every filter"));
    // Strict matching, nothing found: the list says F6 forgives.
    let mut app = App::new(&engine, Lang::EN, (120, 40));
    press(&mut app, KeyCode::F(6));
    type_text(&mut app, "climate zzzzqqq ");
    assert!(app.outcome.hits.is_empty());
    assert!(draw(&app, 120, 40).contains("F6 to forgive"));
}

/// From a new user's trial: the report's printed figures stand beside the bars only when
/// the bars count whole collections (they read as "8, of which 7 in 2023" beside a search),
/// and every chart uses one scale, so equal counts draw equal bars.
#[test]
fn statistics_compare_like_with_like() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::FR, (200, 60));
    app.update(Action::Show(View::Stats));
    let screen = draw(&app, 200, 60);
    assert!(
        screen.contains("(2023 : "),
        "the whole catalogue shows them, in French typography: {screen}"
    );
    // Every value row: its count, and its bar's length.
    let mut bars: Vec<(usize, usize)> = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        while at < chars.len() {
            if chars[at] != '█' {
                at += 1;
                continue;
            }
            let length = chars[at..].iter().take_while(|&&c| c == '█').count();
            at += length;
            let after: String = chars[at..].iter().collect();
            if let Some(count) = after.split_whitespace().next().and_then(|n| n.parse().ok()) {
                bars.push((count, length));
            }
        }
    }
    assert!(bars.len() >= 20, "{bars:?}");
    for &(count, length) in &bars {
        for &(other_count, other_length) in &bars {
            if count == other_count {
                assert_eq!(
                    length, other_length,
                    "{count} drawn twice differently: {bars:?}"
                );
            }
            if count > other_count {
                assert!(length >= other_length, "{bars:?}");
            }
        }
    }
    app.update(Action::Show(View::Stats));
    type_text(&mut app, "climat");
    app.update(Action::Show(View::Stats));
    assert_eq!(app.outcome.total, 11);
    let screen = draw(&app, 200, 60);
    assert!(
        !screen.contains("(2023 : "),
        "not beside a search: {screen}"
    );
    assert!(screen.contains("collections entières"), "{screen}");
}

/// From a new user's trial: the quit question counts only the marks no export wrote. Mark
/// one, export it, mark another: one would be lost, not two; unmarking and marking again an
/// exported action loses nothing.
#[test]
fn the_quit_question_counts_only_unexported_marks() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    type_text(&mut app, "nairobi kampala");
    app.update(Action::Down);
    act(&mut app, Action::ToggleMark);
    act(&mut app, Action::StartExport);
    act(&mut app, Action::Open);
    confirm_write(&mut app, "shortlist.md");
    assert!(directory.path().join("shortlist.md").is_file());
    assert_eq!(app.unexported_marks(), 0);
    // Unmarked and marked again: still written.
    act(&mut app, Action::ToggleMark);
    act(&mut app, Action::ToggleMark);
    assert_eq!(app.unexported_marks(), 0);
    act(&mut app, Action::Down);
    act(&mut app, Action::ToggleMark);
    assert_eq!(app.shortlist.len(), 2);
    act(&mut app, Action::Quit);
    assert_eq!(app.dialog, Some(Dialog::ConfirmQuit));
    let screen = draw(&app, 120, 40);
    assert!(
        screen.contains("1 marked action is not exported and will be lost."),
        "{screen}"
    );
    act(&mut app, Action::Back);
    act(&mut app, Action::ToggleMark);
    act(&mut app, Action::Quit);
    assert!(app.quit, "nothing unexported: quits at once");
}

/// From a new user's trial: Enter on a statistic lets go of the same dimension's filter
/// (priority 1, then Enter on priority 2 lists priority 2's actions); the message says
/// which value it replaced, since the list then outgrows the bar's count.
#[test]
fn a_drill_down_says_which_filter_it_replaced() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (100, 30));
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Enter);
    let first = app.message.clone().unwrap_or_default();
    assert!(first.starts_with("Priority: 1 "), "{first}");
    assert!(!first.contains("instead of"), "{first}");
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let second = app.message.clone().unwrap_or_default();
    assert!(second.starts_with("Priority: 2 "), "{second}");
    assert!(second.contains("(instead of 1 "), "{second}");
}

/// From a new user's trial: at 80×16 the help showed its first keys and no way to the
/// others. On a short screen it scrolls with ↑ ↓ and the pages, to its last key (how to
/// quit) and no further; any other key still closes it.
#[test]
fn the_help_scrolls_on_a_short_screen() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (80, 16));
    press(&mut app, KeyCode::F(1));
    let first = draw_and_tell(&mut app, 80, 16);
    let quit = keys::KEYS.last().unwrap().meaning(Lang::EN);
    assert!(!first.contains(quit), "{first}");
    assert!(first.contains("%) ↑↓"), "{first}");
    for _ in 0..40 {
        press(&mut app, KeyCode::Down);
        draw_and_tell(&mut app, 80, 16);
    }
    let end = draw_and_tell(&mut app, 80, 16);
    assert!(end.contains(quit), "{end}");
    assert!(end.contains("(100%)"), "{end}");
    assert!(app.help);
    press(&mut app, KeyCode::PageUp);
    assert_ne!(draw_and_tell(&mut app, 80, 16), end);
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.help, "any other key closes it");
    // Where every key fits, nothing scrolls.
    let mut app = App::new(&engine, Lang::EN, (80, 24));
    press(&mut app, KeyCode::F(1));
    let screen = draw_and_tell(&mut app, 80, 24);
    assert!(!screen.contains("↑↓"), "{screen}");
}

/// From reading the snapshots: at 80 columns the French status line lost its last hint,
/// how to quit, on the search line, the detail and the views. Every screen says how to
/// quit, in both languages; hints that do not fit go from the one before it.
#[test]
fn every_status_line_says_how_to_quit_at_eighty_columns() {
    let engine = engine();
    for (lang, quit) in [(Lang::EN, " quit "), (Lang::FR, " quitter ")] {
        let screens: [(&str, &[Action]); 7] = [
            ("search", &[]),
            ("filters", &[Action::Focus(Pane::Filters)]),
            ("results", &[Action::Down]),
            ("detail", &[Action::Down, Action::Open]),
            ("statistics", &[Action::Show(View::Stats)]),
            ("map", &[Action::Show(View::Map)]),
            ("about", &[Action::Show(View::About)]),
        ];
        for (name, actions) in screens {
            let mut app = App::new(&engine, lang, (80, 24));
            for action in actions {
                act(&mut app, action.clone());
            }
            let screen = draw(&app, 80, 24);
            let status = screen.lines().last().unwrap_or_default();
            assert!(status.contains(quit), "{lang:?} {name}: {status}");
        }
    }
}

/// The search line's text, inside its border, and where the cursor is drawn on it (its
/// column from the line's start), at `width` columns.
fn search_line(app: &App<'_, '_>, width: u16) -> (String, Option<usize>) {
    let mut terminal = Terminal::new(TestBackend::new(width, 24)).expect("a test terminal");
    terminal
        .draw(|frame| {
            view::draw(frame, app, Palette::Mono);
        })
        .expect("drawing succeeds");
    let backend = terminal.backend();
    let buffer = backend.buffer();
    let line: String = (1..width - 1).map(|x| buffer[(x, 1)].symbol()).collect();
    let cursor = backend.cursor_position();
    let column = (backend.cursor_visible() && cursor.y == 1).then(|| usize::from(cursor.x) - 1);
    (line.trim_end().to_owned(), column)
}

/// A query longer than the search line used to run off its end with the cursor: what was
/// being typed could not be seen. The end being typed now stays in sight with the cursor
/// after it, the hidden start shown as "…"; Home brings the start back, its end then cut
/// with "…".
#[test]
fn a_long_query_scrolls_with_its_cursor() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (60, 24));
    let query = "climate resilience housing employment health education refugees children";
    type_text(&mut app, query);
    let (line, cursor) = search_line(&app, 60);
    assert!(line.starts_with("› …"), "{line}");
    // What follows the query (its notes) may be cut to the "…" under the cursor.
    let typed = line.strip_suffix('…').unwrap_or(&line);
    assert!(typed.ends_with("refugees children"), "{line}");
    assert_eq!(
        cursor,
        Some(unicode_width::UnicodeWidthStr::width(typed)),
        "the cursor right after the last letter typed: {line}"
    );
    assert!(cursor.unwrap() < 58, "the cursor inside the line");

    app.update(Action::CursorStart);
    let (line, cursor) = search_line(&app, 60);
    assert!(line.starts_with("› climate resilience"), "{line}");
    assert!(line.ends_with('…'), "the rest is said to be cut: {line}");
    assert_eq!(cursor, Some(2));

    // A query that fits is shown whole, as it was, then what the thesaurus added.
    let mut app = App::new(&engine, Lang::EN, (60, 24));
    type_text(&mut app, "climat");
    let (line, cursor) = search_line(&app, 60);
    assert!(line.starts_with("› climat  (+ also "), "{line}");
    assert_eq!(cursor, Some(8));
    app.update(Action::ToggleSynonyms);
    let (line, cursor) = search_line(&app, 60);
    assert_eq!(line, "› climat  [words only (F5)]");
    assert_eq!(cursor, Some(8));
}

/// The search line's notes ran off its end without a sign; what does not fit now ends in
/// "…".
#[test]
fn search_notes_that_do_not_fit_say_so() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (40, 24));
    // A typo read as a correction, and a word no action has: two notes.
    type_text(&mut app, "climte zzzzqq");
    let (line, _) = search_line(&app, 40);
    assert!(line.contains("climte"), "{line}");
    assert!(line.ends_with('…'), "{line}");
    assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) <= 38);
}

/// From the new user's trial: Esc from an action opened in the shortlist went to the list,
/// and the shortlist had to be opened again to go on to the next one. It returns to the
/// shortlist, on the same row, also after following a joint commitment and coming back.
#[test]
fn esc_from_an_action_opened_in_the_shortlist_returns_to_it() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    // Kampala and Nairobi (a joint commitment), and whatever else "kampala" finds, marked.
    type_text(&mut app, "kampala");
    press_alt(&mut app, 'a');
    assert!(app.shortlist.len() >= 2);
    app.update(Action::Show(View::Shortlist));
    let row = app
        .shortlist
        .iter()
        .position(|&at| at == position(&engine, KAMPALA))
        .unwrap();
    app.update(Action::Top);
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert_eq!(
        (app.view, app.open),
        (View::Browse, Some(position(&engine, KAMPALA)))
    );
    press_alt(&mut app, 'p');
    assert_eq!(app.open, Some(position(&engine, NAIROBI)));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.open,
        Some(position(&engine, KAMPALA)),
        "back from the partner"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Shortlist, "back to the shortlist");
    assert_eq!(app.shortlist_cursor, row, "on the row it was opened from");
    assert_eq!(app.open, None);
    // Opened from the list, an action still closes to the list.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Browse);
    app.update(Action::Focus(Pane::Search));
    app.update(Action::Back);
    open_kampala(&mut app);
    press(&mut app, KeyCode::Esc);
    assert_eq!((app.view, app.open), (View::Browse, None));
}

/// The detail's status line offered "p partner" (now Alt-P) for every action; most have
/// none, and the key then only says so. The hint is for actions with a joint commitment.
#[test]
fn the_partner_hint_is_shown_only_where_there_is_a_partner() {
    let engine = engine();
    for lang in [Lang::EN, Lang::FR] {
        let hint = if lang == Lang::EN {
            "Alt-P partner"
        } else {
            "Alt-P partenaire"
        };
        let mut app = App::new(&engine, lang, (200, 60));
        open_kampala(&mut app);
        let status = |app: &App<'_, '_>| draw(app, 200, 60).lines().last().unwrap().to_owned();
        assert!(status(&app).contains(hint), "{}", status(&app));
        app.update(Action::Back);
        app.update(Action::Focus(Pane::Search));
        app.update(Action::Back);
        assert!(app.query.is_empty());
        type_text(&mut app, "amman");
        app.update(Action::Down);
        app.update(Action::Open);
        let amman = engine.catalogue().action_at(app.open.unwrap());
        assert!(amman.partners.is_empty(), "an action without a partner");
        assert!(!status(&app).contains(hint), "{}", status(&app));
    }
}

/// The export dialog said the format comes from the extension, and wrote Markdown for any
/// name but .csv without saying so; it now says what the name typed will give.
#[test]
fn the_export_dialog_says_what_the_name_gives() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    let mut app = app(&engine, directory.path());
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    app.update(Action::StartExport);
    assert!(draw(&app, 100, 30).contains("written as Markdown"));
    for name in ["marked.txt", "marked"] {
        act(&mut app, Action::DeleteWord);
        act(&mut app, Action::DeleteWord);
        type_text(&mut app, name);
        assert_eq!(
            app.dialog,
            Some(Dialog::ExportPath {
                path: name.to_owned()
            })
        );
        assert!(
            draw(&app, 100, 30).contains("written as Markdown"),
            "{name}"
        );
    }
    act(&mut app, Action::DeleteWord);
    type_text(&mut app, "marked.CSV");
    assert!(draw(&app, 100, 30).contains("written as CSV"));
}

/// The quit question said "export them" for a single marked action.
#[test]
fn the_quit_question_counts_its_pronoun() {
    let engine = engine();
    let directory = tempfile::tempdir().unwrap();
    for (marks, words) in [(1, "Enter: export it"), (2, "Enter: export them")] {
        let mut app = app(&engine, directory.path());
        app.update(Action::Down);
        for _ in 0..marks {
            app.update(Action::ToggleMark);
            app.update(Action::Down);
        }
        app.update(Action::Quit);
        assert_eq!(app.dialog, Some(Dialog::ConfirmQuit));
        assert!(draw(&app, 100, 30).contains(words), "{marks}: {words}");
    }
}

/// The help's status line described the screen under it ("type to search · ↓ results"),
/// whose keys do not work while the help is open; it says the help's own.
#[test]
fn the_help_status_line_is_the_helps() {
    let engine = engine();
    for (lang, words) in [
        (Lang::EN, ["Esc close", "Ctrl-C quit"]),
        (Lang::FR, ["Échap fermer", "Ctrl-C quitter"]),
    ] {
        let mut app = App::new(&engine, lang, (80, 24));
        app.update(Action::ToggleHelp);
        let status = draw(&app, 80, 24).lines().last().unwrap().to_owned();
        for word in words {
            assert!(status.contains(word), "{word}: {status}");
        }
        assert!(
            !status.contains("↓ results") && !status.contains("↓ liste"),
            "{status}"
        );
    }
}

/// The Spanish interface (issue 23): its own words, and the editors' Spanish names and
/// texts.
#[test]
fn the_spanish_interface_reads_in_spanish() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::ES, (DETAIL_101, 60));
    assert_eq!(app.text_lang, TextLanguage::from_code("es").unwrap());
    type_text(&mut app, "amman");
    app.update(Action::Down);
    app.update(Action::Open);
    let screen = draw(&app, DETAIL_101, 60);
    for spanish in [
        "Academia Climática y Parque para la Infancia de Amán",
        "Promotor: ",
        "Lugar: Amán",
        "País: Jordania (JO)",
        "octubre 2023 – en curso",
    ] {
        assert!(screen.contains(spanish), "{spanish:?} in\n{screen}");
    }
    for other in ["Porteur", "Submitter", "Jordanie", "Octobre 2023"] {
        assert!(!screen.contains(other), "{other:?} in\n{screen}");
    }
    app.update(Action::ToggleHelp);
    let help = draw(&app, 100, 40);
    assert!(help.contains("Ayuda"), "{help}");
    assert!(help.contains("Intro"), "{help}");
}

/// Selects the filter value labelled `label` (English) of `dimension` in the panel.
fn select_filter(app: &mut App<'_, '_>, dimension: Dimension, label: &str) {
    act(app, Action::Focus(Pane::Filters));
    let values = app.engine.values();
    let row = app
        .filter_rows()
        .iter()
        .position(|row| {
            matches!(row, FilterRow::Value(shown, slot)
                if *shown == dimension && values.of(dimension)[*slot].label(Lang::EN) == label)
        })
        .unwrap_or_else(|| panic!("a {label} row"));
    act(app, Action::Top);
    for _ in 0..row {
        act(app, Action::Down);
    }
    act(app, Action::Open);
}

/// Issue 22 #3: the filters that are on show at 80×24 in every view, on the search box's
/// lower border, with the key that clears them; Alt-C clears them from any view.
#[test]
fn filters_are_visible_and_clearable_in_every_view_at_80_by_24() {
    let engine = engine();
    for open in [
        |_: &mut App<'_, '_>| {},
        |app: &mut App<'_, '_>| {
            act(app, Action::Focus(Pane::Results));
            act(app, Action::Open);
        },
        |app: &mut App<'_, '_>| act(app, Action::Show(View::Stats)),
        |app: &mut App<'_, '_>| act(app, Action::Show(View::Map)),
        |app: &mut App<'_, '_>| act(app, Action::Show(View::Shortlist)),
        |app: &mut App<'_, '_>| act(app, Action::Show(View::About)),
    ] {
        let mut app = App::new(&engine, Lang::EN, (80, 24));
        select_filter(&mut app, Dimension::Compact, "GCR only");
        select_filter(&mut app, Dimension::Year, "2023");
        assert_eq!(app.outcome.total, 15);
        open(&mut app);
        let screen = draw(&app, 80, 24);
        assert!(
            screen.contains("Compact: GCR only · Year: 2023 · Alt-C: clear all"),
            "{:?}:\n{screen}",
            app.view
        );
        press_with(&mut app, KeyCode::Char('c'), KeyModifiers::ALT);
        assert_eq!(app.outcome.total, 77);
        assert!(!draw(&app, 80, 24).contains("Alt-C: clear all"));
    }
}

/// Issue 22 #4: F8 hides the filter panel and gives its columns to the list (at 80 columns,
/// 28 of 80), and shows it again; Tab still reaches the filters, which show while they have
/// the focus.
#[test]
fn f8_hides_and_shows_the_filter_panel() {
    let engine = engine();
    let mut app = App::new(&engine, Lang::EN, (80, 24));
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let shown = Layout::new(area, &app);
    assert_eq!(shown.filters.map(|filters| filters.width), Some(28));
    assert_eq!(shown.results.map(|results| results.width), Some(52));
    press(&mut app, KeyCode::F(8));
    let hidden = Layout::new(area, &app);
    assert_eq!(hidden.filters, None);
    assert_eq!(
        hidden.results.map(|results| (results.x, results.width)),
        Some((0, 80))
    );
    assert!(!draw(&app, 80, 24).contains("Filters"));
    // Tab reaches the filters all the same, and they show while focused.
    act(&mut app, Action::Focus(Pane::Filters));
    assert!(Layout::new(area, &app).filters.is_some());
    act(&mut app, Action::Focus(Pane::Results));
    assert_eq!(Layout::new(area, &app).filters, None);
    // Open, the detail takes the panel's room too; F8 brings the panel back.
    act(&mut app, Action::Open);
    assert_eq!(
        Layout::new(area, &app).detail.map(|detail| detail.width),
        Some(80)
    );
    press(&mut app, KeyCode::F(8));
    assert_eq!(Layout::new(area, &app), shown_with_detail(area, &app));
    // From the panel itself, F8 hides it and the focus goes to the list.
    act(&mut app, Action::Focus(Pane::Filters));
    press(&mut app, KeyCode::F(8));
    assert_eq!(app.focus, Pane::Results);
    assert_eq!(Layout::new(area, &app).filters, None);
}

fn shown_with_detail(area: ratatui::layout::Rect, app: &App<'_, '_>) -> Layout {
    Layout::compute(area, app.view, app.open.is_some(), app.focus)
}

/// Issue 22 #11: text that arrives as keys in one batch of events (a paste the terminal
/// does not bracket) asks the engine once at the batch's end, not once per character; an
/// action that needs the results within the batch sees those of the query as it is then.
#[test]
fn a_batch_of_typed_keys_asks_the_engine_once_with_the_same_results() {
    let engine = engine();
    let mut typed_alone = App::new(&engine, Lang::EN, (120, 40));
    type_text(&mut typed_alone, "climate migration");
    let mut batched = App::new(&engine, Lang::EN, (120, 40));
    batched.in_batch = true;
    let before = batched.outcome.total;
    for c in "climate migration".chars() {
        act(&mut batched, Action::Insert(c));
    }
    // Not asked yet: the list still shows what it showed.
    assert_eq!(batched.outcome.total, before);
    batched.in_batch = false;
    batched.end_batch();
    assert_eq!(batched.query, typed_alone.query);
    assert_eq!(batched.outcome.total, typed_alone.outcome.total);
    let ids = |app: &App<'_, '_>| -> Vec<u32> {
        app.outcome.hits.iter().map(|hit| hit.position).collect()
    };
    assert_eq!(ids(&batched), ids(&typed_alone));
    // Within a batch, Down then Enter open the first result of the query typed so far.
    let mut opened = App::new(&engine, Lang::EN, (120, 40));
    opened.in_batch = true;
    for c in "kampala".chars() {
        act(&mut opened, Action::Insert(c));
    }
    act(&mut opened, Action::Down);
    act(&mut opened, Action::Open);
    opened.in_batch = false;
    opened.end_batch();
    let first = typed_alone_first(&engine, "kampala");
    assert_eq!(opened.open, Some(first));
}

fn typed_alone_first(engine: &Engine<'_>, query: &str) -> u32 {
    let mut app = App::new(engine, Lang::EN, (120, 40));
    type_text(&mut app, query);
    app.outcome.hits[0].position
}
