//! The statistics view: a bar chart of the current selection for each charted dimension of
//! the facet table, with the report's own published figures alongside.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use crate::engine::{Dimension, FACETS};
use crate::text;
use crate::tui::app::App;
use crate::tui::palette::Palette;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let title = format!(
        "{} — {} ({})",
        strings.statistics,
        strings.selection,
        strings.count_actions(app.outcome.total)
    );
    let widget = block(title, true, palette);
    let inner = widget.inner(area);
    frame.render_widget(widget, area);
    // Two columns from 70 columns on, each chart as tall as its values and put in the
    // shorter column; the report's figures below.
    let charts: Vec<(&str, Dimension)> = FACETS
        .iter()
        .filter(|facet| facet.charted)
        .map(|facet| {
            let dimension = facet.dimension;
            (strings.dimension_names[dimension as usize], dimension)
        })
        .collect();
    let height = |dimension: Dimension| bar_lines(app, dimension) as u16 + 1;
    let two_columns = inner.width >= 70;
    let mut columns: Vec<(u16, Vec<(&str, Dimension)>)> =
        vec![(0, Vec::new()); if two_columns { 2 } else { 1 }];
    for chart in charts {
        let shortest = (0..columns.len())
            .min_by_key(|&column| columns[column].0)
            .unwrap_or(0);
        columns[shortest].0 += height(chart.1);
        columns[shortest].1.push(chart);
    }
    let charts_height = columns.iter().map(|(height, _)| *height).max().unwrap_or(0);
    let [charts_area, note_area] =
        Layout::vertical([Constraint::Length(charts_height), Constraint::Fill(1)]).areas(inner);
    let column_areas = Layout::horizontal(vec![Constraint::Fill(1); columns.len()])
        .spacing(2)
        .split(charts_area);
    for ((_, column_charts), column) in columns.iter().zip(column_areas.iter()) {
        let constraints: Vec<Constraint> = column_charts
            .iter()
            .map(|(_, dimension)| Constraint::Length(height(*dimension)))
            .collect();
        let cells = Layout::vertical(constraints).split(*column);
        for ((heading, dimension), cell) in column_charts.iter().zip(cells.iter()) {
            draw_bars(frame, *cell, app, palette, heading, *dimension);
        }
    }
    let note = Paragraph::new(vec![
        Line::styled(figures_heading(app), palette.title()),
        Line::raw(strings.report_figures_note),
    ])
    .wrap(ratatui::widgets::Wrap { trim: true });
    frame.render_widget(note, note_area);
}

/// "Report's published figures (2023)": the years of the reports whose figures are shown.
fn figures_heading(app: &App<'_, '_>) -> String {
    let catalogue = app.engine.catalogue();
    let mut years: Vec<String> = catalogue
        .reports()
        .iter()
        .filter(|report| {
            catalogue
                .tables
                .figures
                .iter()
                .any(|figure| figure.report == report.id)
        })
        .map(|report| report.year.to_string())
        .collect();
    years.dedup();
    format!(
        "{} ({})",
        app.lang.strings().report_figures,
        years.join(", ")
    )
}

/// How many bars a chart shows: every value that has actions, and every one of a
/// dimension that keeps its empty values.
fn bar_lines(app: &App<'_, '_>, dimension: Dimension) -> usize {
    let keeps_empty = dimension.facet().keeps_empty;
    app.outcome
        .selection
        .of(dimension)
        .iter()
        .filter(|&&count| count > 0 || keeps_empty)
        .count()
}

/// The report's published figure for a value, if one prints it: about the selection's year
/// when the selection is of one year, else the latest.
fn published<'a>(
    app: &App<'_, 'a>,
    dimension: Dimension,
    key: &str,
    selected_years: &[u16],
) -> Option<&'a crate::catalogue::Figure<'a>> {
    let printed = app
        .engine
        .catalogue()
        .tables
        .figures
        .iter()
        .filter(|figure| figure.dimension == dimension.key() && figure.key == key);
    match selected_years {
        [year] => printed
            .clone()
            .find(|figure| figure.year == *year)
            .or_else(|| printed.max_by_key(|figure| figure.year)),
        _ => printed.max_by_key(|figure| figure.year),
    }
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
    let counts = app.outcome.selection.of(dimension);
    let keeps_empty = dimension.facet().keeps_empty;
    let largest = counts.iter().copied().max().unwrap_or(0).max(1);
    let width = usize::from(area.width);
    // The values' names as the filters say them ("Both compacts (mirror)"), never the
    // machine names; as wide as the longest needs, up to two fifths of the chart.
    let labels: Vec<String> = (0..values.len())
        .map(|slot| app.value_label(dimension, slot))
        .collect();
    let longest = labels
        .iter()
        .zip(counts)
        .filter(|&(_, &count)| count > 0 || keeps_empty)
        .map(|(label, _)| text::width(label))
        .max()
        .unwrap_or(0);
    let label_width = longest.min(width * 2 / 5).clamp(6, 34);
    // Room for the count and, where the report prints one, its figure (" (34)").
    let prints_figures = app
        .engine
        .catalogue()
        .tables
        .figures
        .iter()
        .any(|figure| figure.dimension == dimension.key());
    // A figure about one year beside bars of several says which year it is about.
    let years = app.engine.values().years();
    let selected_years: Vec<u16> = app
        .outcome
        .selection
        .of(Dimension::Year)
        .iter()
        .zip(years)
        .filter(|&(&count, _)| count > 0)
        .map(|(_, &year)| year)
        .collect();
    let figure_text = |figure: &crate::catalogue::Figure<'_>| {
        if dimension == Dimension::Year || selected_years == [figure.year] {
            format!(" ({})", figure.value)
        } else {
            format!(" ({}: {})", figure.year, figure.value)
        }
    };
    let reserved = if prints_figures { 20 } else { 8 };
    let bar_room = width.saturating_sub(label_width + reserved);
    let mut lines = vec![Line::styled(heading.to_owned(), palette.label())];
    for (slot, (value, &count)) in values.iter().zip(counts).enumerate() {
        if count == 0 && !keeps_empty {
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
        if let Some(figure) = published(app, dimension, &value.key, &selected_years) {
            spans.push(Span::styled(figure_text(figure), palette.dim()));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
