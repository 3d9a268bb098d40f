//! The help overlay: every key and what it does, from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{block, centred};
use crate::tui::app::App;
use crate::tui::keys::KEYS;
use crate::tui::palette::Palette;

/// Width of the keys column, and the room between it and the meaning.
const KEYS_WIDTH: usize = 22;
const GAP: usize = 2;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    // Wrap the meanings here, under their column, so the popup is as tall as what it shows:
    // left to the paragraph, wrapped lines pushed the last keys (how to quit) out of sight.
    let inner_width = usize::from(area.width.min(84)).saturating_sub(2);
    let meaning_width = inner_width.saturating_sub(KEYS_WIDTH + GAP).max(1);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for entry in KEYS {
        for (index, piece) in textwrap::wrap(entry.meaning(app.lang), meaning_width)
            .into_iter()
            .enumerate()
        {
            let keys = if index == 0 { entry.keys(app.lang) } else { "" };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{keys:>width$}{:GAP$}", "", width = KEYS_WIDTH),
                    palette.label(),
                ),
                Span::raw(piece.into_owned()),
            ]));
        }
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centred(area, 84, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        ratatui::widgets::Block::new().style(palette.normal()),
        popup,
    );
    frame.render_widget(
        Paragraph::new(lines).block(block(strings.help.to_owned(), true, palette)),
        popup,
    );
}
