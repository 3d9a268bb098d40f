//! The statistics view: bar charts of the current selection by priority, compact, region
//! and year, with the report's own published figures alongside.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use crate::catalogue::{MachineName, Theme as ReportTheme};
use crate::engine::Dimension;
use crate::text;
use crate::tui::app::App;
use crate::tui::palette::Palette;

/// How many actions of the current selection hold each value of `dimension`.
pub fn selection_counts(app: &App<'_, '_>, dimension: Dimension) -> Vec<usize> {
    let values = app.engine.values();
    let mut counts = vec![0; values.of(dimension).len()];
    let facets = app.engine.catalogue().facets();
    for hit in &app.outcome.hits {
        values.for_each_slot(
            app.engine.catalogue(),
            &facets[hit.position as usize],
            dimension,
            app.engine.today(),
            |slot| counts[slot] += 1,
        );
    }
    counts
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let title = format!(
        "{} — {} ({} {})",
        strings.statistics, strings.selection, app.outcome.total, strings.actions
    );
    let widget = block(title, true, palette);
    let inner = widget.inner(area);
    frame.render_widget(widget, area);
    // Two columns from 70 columns on: priorities and years on the left, compacts and
    // regions on the right, each chart as tall as its values; the report's figures below.
    let charts = [
        (strings.by_priority, Dimension::Priority),
        (strings.by_year, Dimension::Year),
        (strings.by_compact, Dimension::Compact),
        (strings.by_region, Dimension::Region),
    ];
    let heights: Vec<u16> = charts
        .iter()
        .map(|(_, dimension)| bar_lines(app, *dimension) as u16 + 1)
        .collect();
    let two_columns = inner.width >= 70;
    let charts_height = if two_columns {
        (heights[0] + heights[1]).max(heights[2] + heights[3])
    } else {
        heights.iter().sum()
    };
    let [charts_area, note_area] =
        Layout::vertical([Constraint::Length(charts_height), Constraint::Fill(1)]).areas(inner);
    let columns: Vec<(Rect, &[(&str, Dimension)])> = if two_columns {
        let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
            .spacing(2)
            .areas(charts_area);
        vec![(left, &charts[..2]), (right, &charts[2..])]
    } else {
        vec![(charts_area, &charts[..])]
    };
    for (column, column_charts) in columns {
        let constraints: Vec<Constraint> = column_charts
            .iter()
            .map(|(_, dimension)| Constraint::Length(bar_lines(app, *dimension) as u16 + 1))
            .collect();
        let cells = Layout::vertical(constraints).split(column);
        for ((heading, dimension), cell) in column_charts.iter().zip(cells.iter()) {
            draw_bars(frame, *cell, app, palette, heading, *dimension);
        }
    }
    // The report's own figures, as it prints them; the bars above show the catalogue's.
    let themes: Vec<String> = app
        .engine
        .catalogue()
        .tables
        .figures
        .iter()
        .filter(|figure| figure.dimension == "theme")
        .map(|figure| {
            let label = ReportTheme::from_machine_name(figure.key)
                .map_or(figure.key, |theme| strings.theme_labels[theme as usize]);
            format!("{label} {}", figure.value)
        })
        .collect();
    let note = Paragraph::new(vec![
        Line::styled(strings.report_figures, palette.title()),
        Line::raw(strings.report_figures_note),
        Line::styled(
            format!("{}: {}", strings.themes, themes.join(" · ")),
            palette.dim(),
        ),
    ])
    .wrap(ratatui::widgets::Wrap { trim: true });
    frame.render_widget(note, note_area);
}

/// How many bars a chart shows: every priority, and the other values that have actions.
fn bar_lines(app: &App<'_, '_>, dimension: Dimension) -> usize {
    let counts = selection_counts(app, dimension);
    counts
        .iter()
        .filter(|&&count| count > 0 || dimension == Dimension::Priority)
        .count()
}

/// The report's published figure for a value, if it prints one.
fn published<'a>(
    app: &App<'_, 'a>,
    dimension: Dimension,
    key: &str,
) -> Option<&'a crate::catalogue::Figure<'a>> {
    let name = match dimension {
        Dimension::Year => "year",
        Dimension::Compact => "compact",
        _ => return None,
    };
    app.engine
        .catalogue()
        .tables
        .figures
        .iter()
        .find(|figure| figure.dimension == name && figure.key == key)
}

/// Horizontal bars: one line per value, the bar scaled to the largest count.
fn draw_bars(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_, '_>,
    palette: Palette,
    heading: &str,
    dimension: Dimension,
) {
    let values = app.engine.values().of(dimension);
    let counts = selection_counts(app, dimension);
    let largest = counts.iter().copied().max().unwrap_or(0).max(1);
    let width = usize::from(area.width);
    // The values' names as the filters say them ("Both compacts (mirror)"), never the
    // machine names; as wide as the longest needs, up to two fifths of the chart.
    let labels: Vec<String> = (0..values.len())
        .map(|slot| app.value_label(dimension, slot))
        .collect();
    let longest = labels
        .iter()
        .zip(&counts)
        .filter(|&(_, &count)| count > 0 || dimension == Dimension::Priority)
        .map(|(label, _)| text::width(label))
        .max()
        .unwrap_or(0);
    let label_width = longest.min(width * 2 / 5).clamp(6, 34);
    // Room for the count and, where the report prints one, its figure (" (34)").
    let reserved = if matches!(dimension, Dimension::Year | Dimension::Compact) {
        14
    } else {
        8
    };
    let bar_room = width.saturating_sub(label_width + reserved);
    let mut lines = vec![Line::styled(heading.to_owned(), palette.label())];
    for (slot, (value, &count)) in values.iter().zip(&counts).enumerate() {
        if count == 0 && dimension != Dimension::Priority {
            continue;
        }
        let label = &labels[slot];
        // A value with any action shows at least one block: an empty bar reads as none.
        let length = if count > 0 {
            (count * bar_room / largest).max(1)
        } else {
            0
        };
        let mut spans = vec![
            Span::raw(text::fit_words(label, label_width)),
            Span::raw(" "),
            Span::styled("█".repeat(length), palette.bar()),
            Span::raw(format!(" {count}")),
        ];
        if let Some(figure) = published(app, dimension, &value.key) {
            spans.push(Span::styled(format!(" ({})", figure.value), palette.dim()));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
