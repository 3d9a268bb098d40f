//! The status line: the keys that matter now (from the key table), the shortlist's size,
//! and the last message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text;
use crate::tui::app::{App, Dialog, Pane, View};
use crate::tui::keys::{self, HintPlace};
use crate::tui::palette::Palette;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let place = if matches!(app.dialog, Some(Dialog::ConfirmQuit)) {
        HintPlace::Quitting
    } else if matches!(app.dialog, Some(Dialog::ConfirmOverwrite { .. })) {
        HintPlace::Question
    } else if matches!(app.dialog, Some(Dialog::ConfirmWrite { .. })) {
        HintPlace::Confirm
    } else if app.dialog.is_some() {
        HintPlace::Dialog
    } else if app.help {
        HintPlace::Help
    } else if app.view == View::Stats {
        HintPlace::Stats
    } else if app.view == View::Map {
        HintPlace::Map
    } else if app.view != View::Browse {
        HintPlace::View
    } else {
        match app.focus {
            Pane::Search => HintPlace::Search,
            Pane::Filters => HintPlace::Filters,
            Pane::Results => HintPlace::Results,
            Pane::Detail => HintPlace::Detail,
        }
    };
    let hints = keys::hints_now(place, app).join(" · ");
    let marked = format!(" ★ {} ", strings.count_marked(app.shortlist.len()));
    let left = match &app.message {
        Some(message) => Span::styled(text::sanitize(message).into_owned(), palette.highlight()),
        None => Span::styled(hints, palette.dim()),
    };
    let room = usize::from(area.width).saturating_sub(text::width(&marked));
    let shown = if app.message.is_some() {
        text::fit_words(&left.content, room)
    } else {
        // Hints that do not fit are left out whole (a hint cut short, "? ai…", names no
        // key), the one before the last first: the last says how to quit, which every
        // screen keeps.
        let mut hints: Vec<&str> = left.content.split(" · ").collect();
        while hints.len() > 2 && text::width(&hints.join(" · ")) > room {
            hints.remove(hints.len() - 2);
        }
        // On the smallest screens the first hints go too, down to how to quit.
        while hints.len() > 1 && text::width(&hints.join(" · ")) > room {
            hints.remove(0);
        }
        text::fit_words(&hints.join(" · "), room)
    };
    let left = Span::styled(shown, left.style);
    let line = Line::from(vec![left, Span::styled(marked, palette.marked())]);
    frame.render_widget(Paragraph::new(line), area);
}
