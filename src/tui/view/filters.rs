//! The filter panel: each dimension with its values and live counts, those without results
//! dimmed in their place; selected values are ticked (`[x]`), so the selection shows
//! without colour. What was typed to jump to a value shows in its title.

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
    // What was typed to jump, as the panel's title says it.
    let title = if app.filter_jump.is_empty() {
        strings.filters.to_owned()
    } else {
        format!("{} › {}", strings.filters, text::sanitize(&app.filter_jump))
    };
    let widget = block(title, focused, palette);
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
                    let count_is_zero = count == 0;
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
                    // A value without results stays in its place, dimmed.
                    let label_style = if count_is_zero && !under_cursor {
                        palette.dim()
                    } else {
                        ratatui::style::Style::default()
                    };
                    Line::from(vec![
                        Span::styled(format!("{tick} "), label_style),
                        Span::styled(text::fit_words(&text::sanitize(&label), room), label_style),
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
