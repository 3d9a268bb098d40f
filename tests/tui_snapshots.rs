//! Snapshots of the interface's screens, drawn to a test terminal in the monochrome palette,
//! in English and French, at 80×24 and 200×60, and the "too small" fallbacks. The engine
//! sees a fixed month, so the snapshots do not depend on the clock or the environment.
//! Review a changed snapshot with `cargo insta review` (or `INSTA_UPDATE=always`, then git diff).

use localaction::catalogue::YearMonth;
use localaction::engine::{Dimension, Engine};
use localaction::i18n::Lang;
use localaction::tui::app::{Action, App, FilterRow, Pane, View};
use localaction::tui::palette::Palette;
use localaction::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tantivy::directory::OwnedBytes;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Fr, "fr")];

fn engine() -> Engine<'static> {
    Engine::open(
        localaction::catalogue::embedded::catalogue(),
        OwnedBytes::new(localaction::index::embedded::PACKED),
        YearMonth {
            year: 2025,
            month: Some(1),
        },
    )
    .expect("the embedded engine opens")
}

fn type_text(app: &mut App<'_, '_>, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

/// Marks the first two results, and comes back to the search line.
fn mark_two(app: &mut App<'_, '_>) {
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    app.update(Action::Down);
    app.update(Action::ToggleMark);
    app.update(Action::Focus(Pane::Search));
    assert_eq!(app.shortlist.len(), 2);
}

fn draw(app: &App<'_, '_>, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            view::draw(frame, app, Palette::Mono);
        })
        .expect("drawing succeeds");
    // The backend's Display: one quoted line per row of cells.
    terminal.backend().to_string()
}

/// Snapshots one screen in both languages and both sizes, after `setup`.
fn screens(name: &str, setup: impl Fn(&mut App<'_, '_>)) {
    let engine = engine();
    for (lang, code) in LANGS {
        for (width, height) in SIZES {
            let mut app = App::new(&engine, lang, (width, height));
            // Exports are never written here, but keep the state free of the working folder.
            app.export_directory = std::path::PathBuf::from("/nonexistent");
            setup(&mut app);
            insta::assert_snapshot!(
                format!("{name}_{code}_{width}x{height}"),
                draw(&app, width, height)
            );
        }
    }
}

#[test]
fn start_screen() {
    screens("start", |_| {});
}

#[test]
fn after_typing_climat() {
    screens("climat", |app| {
        type_text(app, "climat");
        assert_eq!(app.outcome.total, 11);
    });
}

#[test]
fn detail_open() {
    screens("detail", |app| {
        type_text(app, "climat");
        app.update(Action::Down);
        app.update(Action::Open);
        assert!(app.open.is_some());
    });
}

/// Opens the action `id` among the results for "climat" (the detail has focus).
fn open_among_climat(app: &mut App<'_, '_>, id: &str) {
    type_text(app, "climat");
    let catalogue = app.engine.catalogue();
    let index = app
        .outcome
        .hits
        .iter()
        .position(|hit| catalogue.id_at(hit.position) == id)
        .unwrap_or_else(|| panic!("{id} is among the results"));
    app.update(Action::Down);
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert_eq!(app.open, catalogue.position_of(id));
}

/// Scrolls the detail until its first line starts with `heading`, so the texts show on a
/// small screen too, or, where the heading is on the last page, until the detail stops at
/// its last line with the heading in view.
fn scroll_detail_to(app: &mut App<'_, '_>, heading: &str) {
    let (width, height) = app.size;
    let mut previous = String::new();
    for _ in 0..400 {
        let screen = draw(app, width, height);
        // The detail's first line is the fifth row, right of the filters (or alone).
        let row = screen.lines().nth(4).unwrap_or_default();
        if row.split('│').any(|cell| cell.starts_with(heading)) {
            return;
        }
        if screen == previous && screen.contains(heading) {
            return;
        }
        previous = screen;
        app.update(Action::Down);
    }
    panic!("{heading:?} never came into view in the detail");
}

const AMMAN: &str = "2023-amman-climate-academy";
const NYAMAGABE: &str = "2023-nyamagabe-climate-resilience";

/// The detail with the other language's texts: French in English, English in French.
#[test]
fn detail_toggled() {
    screens("detail_toggled", |app| {
        open_among_climat(app, AMMAN);
        let shown = app.text_lang;
        app.update(Action::ToggleText);
        assert_ne!(app.text_lang, shown);
    });
}

/// An action whose printed title is not in English: both titles, the text language's
/// first, each labelled; then toggled.
#[test]
fn detail_two_titles() {
    screens("detail_two_titles", |app| open_among_climat(app, NYAMAGABE));
    screens("detail_two_titles_toggled", |app| {
        open_among_climat(app, NYAMAGABE);
        app.update(Action::ToggleText);
    });
}

/// The detail scrolled to the description: the interface's language's texts.
#[test]
fn detail_texts() {
    screens("detail_texts", |app| {
        open_among_climat(app, AMMAN);
        scroll_detail_to(app, "Description");
    });
}

/// The same, toggled to the other language's texts.
#[test]
fn detail_texts_toggled() {
    screens("detail_texts_toggled", |app| {
        open_among_climat(app, AMMAN);
        app.update(Action::ToggleText);
        scroll_detail_to(app, "Description");
    });
}

/// A quote, in both texts.
#[test]
fn detail_quote() {
    screens("detail_quote", |app| {
        open_among_climat(app, NYAMAGABE);
        scroll_detail_to(app, app.lang.strings().quote);
    });
    screens("detail_quote_toggled", |app| {
        open_among_climat(app, NYAMAGABE);
        app.update(Action::ToggleText);
        scroll_detail_to(app, app.lang.strings().quote);
    });
}

#[test]
fn filter_selected() {
    screens("filter", |app| {
        app.update(Action::FocusNext);
        let values = app.engine.values();
        let row = app
            .filter_rows()
            .iter()
            .position(|row| {
                matches!(row, FilterRow::Value(Dimension::Compact, slot)
                    if values.of(Dimension::Compact)[*slot].label(localaction::i18n::Lang::En) == "GCR only")
            })
            .expect("a GCR only row");
        for _ in 0..row {
            app.update(Action::Down);
        }
        app.update(Action::Open);
        assert_eq!(app.outcome.total, 15);
    });
}

#[test]
fn statistics_view() {
    screens("stats", |app| {
        app.update(Action::Show(View::Stats));
    });
}

#[test]
fn map_view() {
    screens("map", |app| {
        app.update(Action::Show(View::Map));
    });
}

#[test]
fn shortlist_with_two_marked() {
    screens("shortlist", |app| {
        mark_two(app);
        app.update(Action::Show(View::Shortlist));
    });
}

#[test]
fn help_overlay() {
    screens("help", |app| {
        app.update(Action::ToggleHelp);
    });
}

#[test]
fn export_dialog() {
    screens("export", |app| {
        mark_two(app);
        app.update(Action::StartExport);
    });
}

#[test]
fn too_small_fallbacks() {
    let engine = engine();
    for (lang, code) in LANGS {
        for (width, height) in [(1, 1), (10, 3), (23, 6), (30, 8)] {
            let mut app = App::new(&engine, lang, (width, height));
            type_text(&mut app, "climat");
            insta::assert_snapshot!(
                format!("tiny_{code}_{width}x{height}"),
                draw(&app, width, height)
            );
        }
    }
}
