//! Helpers for tests that drive the interface's state as the event loop does: the engine
//! over the embedded catalogue, terminal events through the key table, and effects (file
//! checks and writes, the clipboard) performed for real.
// Each test file uses the part it needs.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use localaction::catalogue::YearMonth;
use localaction::engine::Engine;
use localaction::tui::app::{Action, App};
use localaction::tui::layout::Layout;
use localaction::tui::palette::Palette;
use localaction::tui::view;
use localaction::tui::{export, keys};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tantivy::directory::OwnedBytes;

/// The engine over the embedded catalogue, seen from a fixed month.
pub fn engine() -> Engine<'static> {
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

/// Applies `action`, then performs what it asks (checking a path, writing an export,
/// copying) and applies the answers, as the event loop does.
pub fn act(app: &mut App<'_, '_>, action: Action) {
    let mut effect = app.update(action);
    while let Some(asked) = effect {
        effect = app.update(export::perform(
            &asked,
            app.engine.catalogue(),
            &mut std::io::sink(),
        ));
    }
}

/// Sends a terminal event through the interface's key table, as the event loop does.
pub fn send(app: &mut App<'_, '_>, event: Event) {
    let layout = Layout::new(
        ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1),
        app,
    );
    if let Some(action) = keys::action_for(&event, app, &layout) {
        act(app, action);
    }
}

/// Sends a key pressed with `modifiers`.
pub fn press_with(app: &mut App<'_, '_>, code: KeyCode, modifiers: KeyModifiers) {
    send(app, Event::Key(KeyEvent::new(code, modifiers)));
}

/// Sends a key pressed alone.
pub fn press(app: &mut App<'_, '_>, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

/// Types `text` key by key (Shift is part of the character, as terminals send it).
pub fn type_keys(app: &mut App<'_, '_>, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The screen `app` draws at `width`×`height` in the monochrome palette, as the test
/// backend shows it: one quoted line per row of cells.
pub fn draw(app: &App<'_, '_>, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            view::draw(frame, app, Palette::Mono);
        })
        .expect("drawing succeeds");
    terminal.backend().to_string()
}
