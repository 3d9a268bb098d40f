//! Snapshots of the interface's screens, drawn to a test terminal in the monochrome palette,
//! in English (the other languages by fit tests), at 80×24 and 200×60, and the "too small" fallbacks. The engine
//! sees a fixed month, so the snapshots do not depend on the clock or the environment.
//! Review a changed snapshot with `cargo insta review` (or `INSTA_UPDATE=always`, then git diff).

#[path = "common/interface.rs"]
mod interface;

use interface::{draw, engine};
use localaction::engine::Dimension;
use localaction::i18n::Lang;
use localaction::tui::app::{Action, App, FilterRow, Pane, View};
use localaction::tui::palette::Palette;
use localaction::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];
/// Whole screens are kept in one language; the others are checked by the fit tests
/// (`result_titles_stay_readable` here, and `tests/i18n_pseudo.rs` on every screen).
const LANGS: [(Lang, &str); 1] = [(Lang::EN, "en")];

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

/// Snapshots one screen in `LANGS` at both sizes, after `setup`.
fn screens(name: &str, setup: impl Fn(&mut App<'_, '_>)) {
    screens_at(name, &SIZES, setup);
}

/// Snapshots one screen in `LANGS` at each of `sizes`, after `setup`.
fn screens_at(name: &str, sizes: &[(u16, u16)], setup: impl Fn(&mut App<'_, '_>)) {
    let engine = engine();
    for (lang, code) in LANGS {
        for &(width, height) in sizes {
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

/// Below a short list, dimmed, the actions holding some of the words, each saying which it
/// lacks; the title counts them apart (issue 24, item 7).
#[test]
fn a_short_list_filled_with_actions_holding_some_of_the_words() {
    screens("short_list_filled", |app| {
        type_text(app, "Ukrainian refugees housing ")
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
                    if values.of(Dimension::Compact)[*slot].label(localaction::i18n::Lang::EN) == "GCR only")
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

/// Issue 13 #9: the statistics scroll with their cursor. At 40×12 and 80×24 the cursor,
/// moved down to the themes' third value, is in view with its chart, and the title says
/// where it is among the values.
#[test]
fn statistics_scrolled_to_a_later_chart() {
    screens_at("stats_scrolled", &[(40, 12), (80, 24)], |app| {
        app.update(Action::Show(View::Stats));
        for _ in 0..15 {
            app.update(Action::Down);
        }
        let (dimension, _) = app.chart_values()[app.stats_cursor];
        assert_eq!(dimension, Dimension::Theme);
    });
}

#[test]
fn map_view() {
    screens("map", |app| {
        app.update(Action::Show(View::Map));
    });
}

/// Selects the action `id` on the map, as a click on its marker does.
fn select_on_map(app: &mut App<'_, '_>, id: &str) {
    app.update(Action::Show(View::Map));
    let catalogue = app.engine.catalogue();
    let index = app
        .outcome
        .hits
        .iter()
        .position(|hit| catalogue.id_at(hit.position) == id)
        .unwrap_or_else(|| panic!("{id} is among the results"));
    app.update(Action::PickOnMap(index));
    assert_eq!(app.selected_position(), catalogue.position_of(id));
}

/// Issue 13, the map: the Milan–Freetown partnership, the one action with two places,
/// selected: marked @ at Milan and at Freetown, the bottom title naming both.
#[test]
fn map_with_a_two_place_action_selected() {
    screens_at("map_two_places", &[(80, 24)], |app| {
        select_on_map(app, "2022-milan-freetown-fashion");
    });
}

/// Issue 13, the map: an action with no place selected (a network): no @ anywhere, and
/// the bottom title says why.
#[test]
fn map_with_an_action_without_a_place_selected() {
    screens_at("map_no_place", &[(80, 24)], |app| {
        select_on_map(app, "2023-c40-mmc-urban-climate-migration");
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
fn about_view() {
    screens("about", |app| {
        app.update(Action::Show(View::About));
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

/// Issue 13 #8: a result's title is read in the list. From 100 columns every row gives its
/// title at least 40 columns, at 80 columns at least 28; at every width a title that is cut
/// ends with "…", shows the title's beginning, and is cut between words only where the next
/// word would not fit.
#[test]
fn result_titles_stay_readable() {
    let engine = engine();
    let catalogue = engine.catalogue();
    for lang in Lang::all() {
        let code = lang.code();
        for width in [
            24, 40, 60, 80, 90, 100, 110, 120, 130, 139, 140, 150, 160, 180, 200,
        ] {
            let height = 90;
            let mut app = App::new(&engine, lang, (width, height));
            app.export_directory = std::path::PathBuf::from("/nonexistent");
            let screen = ratatui::layout::Rect::new(0, 0, width, height);
            let results = localaction::tui::layout::Layout::new(screen, &app)
                .results
                .expect("the results list on the start screen");
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| {
                    view::draw(frame, &app, Palette::Mono);
                })
                .unwrap();
            let buffer = terminal.backend().buffer();
            let wanted_room = match width {
                100.. => 40,
                80.. => 28,
                _ => 1,
            };
            let inner_width = usize::from(results.width - 2);
            assert_eq!(app.outcome.hits.len(), catalogue.len());
            for (row, hit) in app.outcome.hits.iter().enumerate() {
                let y = results.y + 1 + row as u16;
                if y + 1 >= results.bottom() {
                    break;
                }
                let line: String = (results.x + 1..results.right() - 1)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect();
                let line = line.trim_end();
                let action = catalogue.action_at(hit.position);
                let title = action.texts(lang.texts()).title;
                let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                let context = format!("{code} {width} cols, {}: {line:?}", action.id);
                let (before, shown) = line
                    .split_once(" — ")
                    .unwrap_or_else(|| panic!("no title: {context}"));
                let room = inner_width - before.chars().count() - " — ".chars().count();
                assert!(
                    room >= wanted_room,
                    "{room} of {inner_width} columns for the title: {context}"
                );
                if shown == title {
                    continue;
                }
                let kept = shown
                    .strip_suffix('…')
                    .unwrap_or_else(|| panic!("cut without an ellipsis: {context}"));
                assert!(
                    title.starts_with(kept),
                    "not the title's beginning: {context}"
                );
                // The title up to the end of the word after the cut (a dash alone is not
                // a word) did not fit.
                let rest = &title[kept.len()..];
                let mut next_word_end = title.len();
                let mut at = 0;
                for token in rest.split_inclusive(char::is_whitespace) {
                    at += token.len();
                    if token.chars().any(char::is_alphanumeric) {
                        next_word_end = kept.len() + at - (token.len() - token.trim_end().len());
                        break;
                    }
                }
                let longer = title[..next_word_end].chars().count();
                assert!(
                    longer + 1 > room || kept.chars().count() + 1 >= room,
                    "a cut {longer} columns early in {room}: {context}"
                );
            }
        }
    }
}
