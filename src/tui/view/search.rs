//! The search line: the query with its cursor, the count of matching actions, the strict
//! mode's mark, and what the search dropped, corrected or ignored.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use crate::engine::MatchMode;
use crate::text;
use crate::tui::app::{App, Pane, View};
use crate::tui::palette::Palette;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let focused = app.focus == Pane::Search && app.view == View::Browse && app.dialog.is_none();
    let count = format!(
        " {} {} {} {} ",
        app.outcome.total,
        strings.of,
        app.engine.catalogue().len(),
        strings.actions
    );
    let mut spans = vec![Span::styled("› ", palette.label())];
    if app.query.is_empty() {
        spans.push(Span::styled(strings.search_placeholder, palette.dim()));
    } else {
        spans.push(Span::raw(text::sanitize(&app.query).into_owned()));
    }
    let matching = &app.outcome.matching;
    if app.match_mode == MatchMode::All {
        spans.push(Span::styled(
            format!("  [{}]", strings.strict),
            palette.label(),
        ));
    }
    for correction in &matching.corrections {
        spans.push(Span::styled(
            format!(
                "  ({} {} {})",
                correction.typed,
                strings.read_as,
                correction.read_as.join(", ")
            ),
            palette.dim(),
        ));
    }
    if !matching.dropped.is_empty() {
        spans.push(Span::styled(
            format!(
                "  ({} {} {} {})",
                strings.dropped,
                matching.dropped.join(" "),
                strings.showing,
                matching.kept.join(" ")
            ),
            palette.dim(),
        ));
    }
    if !app.outcome.parsed.ignored.is_empty() {
        spans.push(Span::styled(
            format!(
                "  ({}{})",
                strings.ignored,
                app.outcome
                    .parsed
                    .ignored
                    .iter()
                    .map(|note| note.describe(app.lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            palette.dim(),
        ));
    }
    for read in &app.outcome.parsed.read {
        spans.push(Span::styled(
            format!("  ({})", read.describe(app.lang)),
            palette.dim(),
        ));
    }
    let bordered = area.height >= 3;
    let inner = if bordered {
        // The program's name takes what the count leaves, cut between words, or goes.
        let room = usize::from(area.width)
            .saturating_sub(2 + text::width(&count) + 1 + text::width(strings.search) + 3);
        let title = if room >= 8 {
            format!(
                "{} — {}",
                strings.search,
                text::truncate_words(strings.app_title, room)
            )
        } else {
            strings.search.to_owned()
        };
        let widget = block(title, focused, palette).title_top(Line::from(count).right_aligned());
        let inner = widget.inner(area);
        frame.render_widget(widget, area);
        inner
    } else {
        spans.push(Span::styled(count, palette.dim()));
        area
    };
    frame.render_widget(Paragraph::new(Line::from(spans)), inner);
    if focused && inner.width > 2 {
        let before: String = app.query.chars().take(app.cursor).collect();
        let x = inner.x + 2 + text::width(&before) as u16;
        if x < inner.right() {
            frame.set_cursor_position(Position::new(x, inner.y));
        }
    }
}
