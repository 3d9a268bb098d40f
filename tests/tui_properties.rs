//! Random sequences of actions, and of raw terminal events through `keys::action_for`,
//! against `App::update`, at random terminal sizes down to 0×0: every state draws without a
//! panic, and the state stays consistent (selections and cursors inside their lists, no
//! action marked twice, the text cursor inside the query).

#[path = "common/interface.rs"]
mod interface;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use interface::engine;
use localaction::engine::Engine;
use localaction::export::file::{Special, Target};
use localaction::i18n::Lang;
use localaction::tui::app::{Action, App, Pane, View};
use localaction::tui::layout::Layout;
use localaction::tui::palette::Palette;
use localaction::tui::view;
use localaction::tui::{export, keys};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CASES: u32 = 48;
const MAX_STEPS: usize = 60;

/// The same cases on every run and machine: a failure seen once is seen again. Change the
/// seed to explore other cases.
const SEED: [u8; 32] = *b"localaction tui properties 2026!";

fn runner() -> TestRunner {
    let config = Config {
        cases: CASES,
        // No regression files: the seed is fixed, and a failure prints its minimal sequence.
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &SEED))
}

/// Terminal sizes: the degenerate ones often, anything up to wide screens otherwise.
fn terminal_size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        1 => Just((0, 0)),
        1 => Just((1, 1)),
        1 => (0u16..30, 0u16..10),
        4 => (20u16..260, 5u16..80),
    ]
}

/// Characters typed: words that match, accents, wide and odd characters, controls; never a
/// path separator, so exports stay in the test's folder.
fn typed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select("kampalclimtrefugé -\"".chars().collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
    .prop_filter("no path separator", |c| *c != '/' && *c != '\\')
}

fn a_pane() -> impl Strategy<Value = Pane> {
    prop::sample::select(vec![
        Pane::Search,
        Pane::Filters,
        Pane::Results,
        Pane::Detail,
    ])
}

fn a_view() -> impl Strategy<Value = View> {
    prop::sample::select(vec![View::Browse, View::Stats, View::Map, View::Shortlist])
}

fn action() -> impl Strategy<Value = Action> {
    let simple = prop::sample::select(vec![
        Action::Backspace,
        Action::DeleteWord,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorStart,
        Action::CursorEnd,
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrevious,
        Action::Focus(Pane::Search),
        Action::Open,
        Action::Back,
        Action::ToggleMark,
        Action::ClearFilter,
        Action::ClearAllFilters,
        Action::FollowPartner,
        Action::ToggleHelp,
        Action::StartExport,
        Action::Quit,
    ]);
    prop_oneof![
        6 => simple,
        3 => typed_char().prop_map(Action::Insert),
        1 => a_view().prop_map(Action::Show),
        1 => any::<bool>().prop_map(Action::Answer),
        1 => a_pane().prop_map(Action::Focus),
        1 => (0usize..100).prop_map(Action::PickResult),
        1 => (0usize..400).prop_map(Action::PickFilter),
        1 => (0usize..100).prop_map(Action::PickOnMap),
        1 => (0usize..40).prop_map(Action::PickStatistic),
        1 => (a_pane(), any::<bool>()).prop_map(|(pane, down)| Action::Wheel { pane, down }),
        // Answers to effects, even unasked: the state stays consistent.
        1 => prop::sample::select(vec![
            Target::Absent,
            Target::File { read_only: false },
            Target::File { read_only: true },
            Target::Folder,
            Target::Other(Special::Fifo),
        ])
        .prop_map(|found| Action::PathChecked { path: "x.md".into(), found }),
        1 => prop_oneof![Just(Ok(3)), Just(Err("disk full".to_owned()))]
            .prop_map(|result| Action::Exported { path: "x.md".into(), result }),
        1 => terminal_size().prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    let named = prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Null,
    ]);
    prop_oneof![
        3 => named,
        4 => typed_char().prop_map(KeyCode::Char),
        // The letters that are commands outside the search line.
        3 => prop::sample::select("qhjklgGpcsmle ?/yYnNoOwuaedx".chars().collect::<Vec<_>>())
            .prop_map(KeyCode::Char),
        1 => (1u8..=12).prop_map(KeyCode::F),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ]);
    let key =
        (key_code(), modifiers.clone(), any::<bool>()).prop_map(|(code, modifiers, press)| {
            let mut key = KeyEvent::new(code, modifiers);
            if !press {
                key.kind = KeyEventKind::Release;
            }
            Event::Key(key)
        });
    let mouse_kind = prop::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Moved,
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::ScrollLeft,
    ]);
    let mouse =
        (mouse_kind, 0u16..270, 0u16..90, modifiers).prop_map(|(kind, column, row, modifiers)| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers,
            })
        });
    prop_oneof![
        8 => key,
        2 => mouse,
        1 => terminal_size().prop_map(|(width, height)| Event::Resize(width, height)),
        1 => ".{0,4}".prop_map(Event::Paste),
        1 => prop::sample::select(vec![Event::FocusGained, Event::FocusLost]),
    ]
}

/// The state is consistent.
fn check(app: &App<'_, '_>) -> Result<(), TestCaseError> {
    let hits = app.outcome.hits.len();
    prop_assert_eq!(app.outcome.total, hits);
    if hits == 0 {
        prop_assert_eq!(app.selected, 0);
    } else {
        prop_assert!(app.selected < hits, "selected {} of {}", app.selected, hits);
    }
    let rows = app.filter_rows().len();
    prop_assert!(
        app.filter_cursor < rows,
        "filter cursor {} of {}",
        app.filter_cursor,
        rows
    );
    let charted = app.chart_values().len();
    prop_assert!(
        app.stats_cursor < charted.max(1),
        "statistics' cursor {} of {}",
        app.stats_cursor,
        charted
    );
    prop_assert!(app.cursor <= app.query.chars().count());
    prop_assert!(
        app.detail_scroll <= app.detail_scroll_limit,
        "detail scrolled to {} past its last line ({})",
        app.detail_scroll,
        app.detail_scroll_limit
    );
    let catalogue = app.engine.catalogue();
    for (index, position) in app.shortlist.iter().enumerate() {
        prop_assert!(!app.shortlist[..index].contains(position), "marked twice");
        prop_assert!((*position as usize) < catalogue.len());
    }
    if let Some(open) = app.open {
        prop_assert!((open as usize) < catalogue.len());
    }
    prop_assert!(!(app.help && app.dialog.is_some()), "help over a dialog");
    prop_assert!(
        app.shortlist.is_empty() || app.shortlist_cursor < app.shortlist.len(),
        "shortlist cursor {} past {} marked",
        app.shortlist_cursor,
        app.shortlist.len()
    );
    Ok(())
}

/// Applies each step to a fresh interface, in a folder of its own for exports, performing
/// the effects asked as the event loop does, drawing and checking after every step.
fn run_steps<T>(
    engine: &Engine<'static>,
    lang: Lang,
    size: (u16, u16),
    steps: &[T],
    to_action: impl Fn(&T, &App<'_, '_>, &Layout) -> Option<Action>,
) -> Result<(), TestCaseError> {
    let directory = tempfile::tempdir().unwrap();
    let mut app = App::new(engine, lang, size);
    app.export_directory = directory.path().to_path_buf();
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    let mut layout = Layout::default();
    let mut drawn = view::Drawn::default();
    for step in steps {
        if let Some(action) = to_action(step, &app, &layout) {
            let mut effect = app.update(action);
            while let Some(asked) = effect {
                effect = app.update(export::perform(
                    &asked,
                    engine.catalogue(),
                    &mut std::io::sink(),
                ));
            }
        }
        if terminal.backend().buffer().area.as_size() != app.size.into() {
            terminal.backend_mut().resize(app.size.0, app.size.1);
        }
        terminal
            .draw(|frame| drawn = view::draw(frame, &app, Palette::Mono))
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        // As the event loop does: the frame's layout for clicks, its scroll limit told.
        layout = drawn.layout;
        app.update(Action::Drawn {
            detail_scroll_limit: drawn.detail_scroll_limit,
            about_scroll_limit: drawn.about_scroll_limit,
            help_scroll_limit: drawn.help_scroll_limit,
            find_rows: drawn.find_rows.clone(),
        });
        check(&app)?;
    }
    Ok(())
}

#[test]
fn random_actions_never_panic_and_keep_the_state_consistent() {
    let engine = engine();
    let strategy = (
        prop::sample::select(vec![Lang::EN, Lang::FR]),
        terminal_size(),
        prop::collection::vec(action(), 1..MAX_STEPS),
    );
    runner()
        .run(&strategy, |(lang, size, actions)| {
            run_steps(&engine, lang, size, &actions, |action, _, _| {
                Some(action.clone())
            })
        })
        .unwrap();
}

#[test]
fn random_terminal_events_never_panic_and_keep_the_state_consistent() {
    let engine = engine();
    let strategy = (
        prop::sample::select(vec![Lang::EN, Lang::FR]),
        terminal_size(),
        prop::collection::vec(event(), 1..MAX_STEPS),
    );
    runner()
        .run(&strategy, |(lang, size, events)| {
            run_steps(&engine, lang, size, &events, keys::action_for)
        })
        .unwrap();
}
