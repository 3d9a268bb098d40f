//! The filter panel: each dimension with its values and live counts; selected values are
//! ticked (`[x]`), so the selection shows without colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, first_visible};
use crate::engine::Dimension;
use crate::text;
use crate::tui::app::{App, FilterRow, Pane, View};
use crate::tui::palette::Palette;

/// The panel's name for a dimension.
pub fn dimension_name(app: &App<'_, '_>, dimension: Dimension) -> &'static str {
    app.lang.strings().dimension_names[dimension as usize]
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let focused = app.focus == Pane::Filters && app.view == View::Browse;
    let widget = block(strings.filters.to_owned(), focused, palette);
    let inner = widget.inner(area);
    frame.render_widget(widget, area);
    let rows = app.filter_rows();
    let visible = usize::from(inner.height);
    let first = first_visible(app.filter_cursor, visible);
    let width = usize::from(inner.width);
    let lines: Vec<Line<'_>> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(index, row)| {
            let under_cursor = focused && index == app.filter_cursor;
            let line = match *row {
                FilterRow::Heading(dimension) => {
                    let active = app.filters.selected(dimension).len();
                    let suffix = if active > 0 {
                        format!(" ({active})")
                    } else {
                        String::new()
                    };
                    Line::from(Span::styled(
                        text::fit_words(
                            &format!("{}{suffix}", dimension_name(app, dimension)),
                            width,
                        ),
                        palette.label(),
                    ))
                }
                FilterRow::Value(dimension, slot) => {
                    let count = app.outcome.counts.of(dimension)[slot];
                    let tick = if app.filters.is_selected(dimension, slot) {
                        "[x]"
                    } else {
                        "[ ]"
                    };
                    let label = app.value_label(dimension, slot);
                    let count = format!(" {count:>3}");
                    // On the cursor's row the count takes the row's colours, so it reads
                    // on the selection's background.
                    let count_style = if under_cursor {
                        palette.selected()
                    } else {
                        palette.dim()
                    };
                    let room = width.saturating_sub(4 + count.len());
                    Line::from(vec![
                        Span::raw(format!("{tick} ")),
                        Span::raw(text::fit_words(&text::sanitize(&label), room)),
                        Span::styled(count, count_style),
                    ])
                }
            };
            if under_cursor {
                line.style(palette.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
