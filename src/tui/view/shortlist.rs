//! The shortlist: the marked actions, in the order they were marked, each title in the
//! interface's language.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, first_visible};
use crate::text;
use crate::tui::app::App;
use crate::tui::palette::Palette;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let title = format!(
        "{} ({}) — {}",
        strings.shortlist,
        app.shortlist.len(),
        strings.export_hint
    );
    let widget = block(title, true, palette);
    let inner = widget.inner(area);
    frame.render_widget(widget, area);
    if app.shortlist.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(strings.shortlist_empty, palette.dim())),
            inner,
        );
        return;
    }
    let catalogue = app.engine.catalogue();
    let visible = usize::from(inner.height);
    let first = first_visible(app.shortlist_cursor, visible);
    let width = usize::from(inner.width);
    let lines: Vec<Line<'_>> = app
        .shortlist
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(index, &position)| {
            let action = catalogue.action_at(position);
            let pointer = if index == app.shortlist_cursor {
                "›"
            } else {
                " "
            };
            let line = format!(
                "{pointer}{:>3}. {} — {}",
                index + 1,
                action.id,
                text::sanitize(action.texts(app.lang.texts()).title)
            );
            let style = if index == app.shortlist_cursor {
                palette.selected()
            } else {
                palette.normal()
            };
            Line::from(Span::styled(text::fit_words(&line, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
