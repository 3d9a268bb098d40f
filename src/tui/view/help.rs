//! The help overlay: every key and what it does, from the key table; on a short screen it
//! scrolls.

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

/// Draws the help, and returns how far it can scroll (0 when every key shows).
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) -> u16 {
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
    let total = lines.len();
    let height = u16::try_from(total + 2).unwrap_or(u16::MAX);
    let popup = centred(area, 84, height);
    // On a short screen the keys scroll (↑ ↓, pages); the title says how far.
    let visible = usize::from(popup.height.saturating_sub(2));
    let limit = u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX);
    let scroll = app.help_scroll.min(limit);
    let title = if limit > 0 {
        let read = (usize::from(scroll) + visible).min(total);
        format!("{} ({}%) ↑↓", strings.help, read * 100 / total.max(1))
    } else {
        strings.help.to_owned()
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        ratatui::widgets::Block::new().style(palette.normal()),
        popup,
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title, true, palette))
            .scroll((scroll, 0)),
        popup,
    );
    limit
}
