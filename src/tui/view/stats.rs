//! The statistics view: a bar chart of the current selection for each charted dimension of
//! the facet table, with the report's own published figures alongside. A cursor is on one
//! value (marked `›` and drawn in the selected style, so it shows without colour); Enter
//! lists its actions. The charts sit in two columns when both are wide enough to read the
//! values' names and everything fits; otherwise in one column, which scrolls with the
//! cursor, keeping the cursor's whole chart in view when it fits, and its title says where
//! the cursor is ("12/27"). Clicks are placed by the same computation as the drawing.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::block;
use crate::engine::{Dimension, FACETS, ValueSlot};
use crate::text;
use crate::tui::app::App;
use crate::tui::palette::Palette;

/// The narrowest column of two: narrower, the values' names are cut to a word or two, and
/// one column that scrolls reads better.
const TWO_COLUMNS_NARROWEST: u16 = 70;
/// The room between two columns.
const COLUMN_SPACING: u16 = 2;
/// Before each value: the cursor's marker, or as many spaces.
const MARKER_WIDTH: usize = 2;
/// The least room a bar keeps beside its value's name: on narrow screens the names take
/// the rest, as a bar without its name says nothing (and the count is printed beside it).
const BAR_LEAST: usize = 2;

/// One line of the statistics.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Row {
    /// A chart's heading: its dimension's name.
    Heading(Dimension),
    /// A value's bar, by the value's index among [`App::chart_values`].
    Value(usize),
    /// A line of the heading of the report's figures, as wrapped.
    FiguresHeading(String),
    /// A line of the note under it, as wrapped.
    Note(String),
}

/// A column of the statistics: where it goes, and its lines from the top.
struct Column {
    area: Rect,
    rows: Vec<Row>,
}

/// Where every line of the statistics goes, for one state and one area: what the drawing
/// draws and what a click lands on.
struct Sheet {
    columns: Vec<Column>,
    /// The first line shown in each column (only a sheet of one column scrolls).
    first: usize,
    /// Some lines are out of view.
    scrolls: bool,
}

impl Sheet {
    fn new(app: &App<'_, '_>, inner: Rect) -> Sheet {
        let values = app.chart_values();
        let charts: Vec<Vec<Row>> = FACETS
            .iter()
            .filter(|facet| facet.charted)
            .map(|facet| {
                let mut rows = vec![Row::Heading(facet.dimension)];
                rows.extend(
                    values
                        .iter()
                        .enumerate()
                        .filter(|(_, (dimension, _))| *dimension == facet.dimension)
                        .map(|(index, _)| Row::Value(index)),
                );
                rows
            })
            .collect();
        let column_width = inner.width.saturating_sub(COLUMN_SPACING) / 2;
        if column_width >= TWO_COLUMNS_NARROWEST {
            // Each chart goes in the shorter column; the report's figures below both.
            let mut columns: [Vec<Row>; 2] = Default::default();
            for chart in &charts {
                let shorter = usize::from(columns[1].len() < columns[0].len());
                columns[shorter].extend(chart.iter().cloned());
            }
            let height = columns.iter().map(Vec::len).max().unwrap_or(0);
            let note = note_rows(app, inner.width);
            if height + note.len() <= usize::from(inner.height) {
                let height = height as u16;
                let [left, right] = columns;
                let right_x = inner.x + column_width + COLUMN_SPACING;
                return Sheet {
                    columns: vec![
                        Column {
                            area: Rect::new(inner.x, inner.y, column_width, height),
                            rows: left,
                        },
                        Column {
                            area: Rect::new(right_x, inner.y, inner.right() - right_x, height),
                            rows: right,
                        },
                        Column {
                            area: Rect::new(
                                inner.x,
                                inner.y + height,
                                inner.width,
                                inner.height - height,
                            ),
                            rows: note,
                        },
                    ],
                    first: 0,
                    scrolls: false,
                };
            }
        }
        let mut rows: Vec<Row> = charts.into_iter().flatten().collect();
        rows.extend(note_rows(app, inner.width));
        let visible = usize::from(inner.height);
        Sheet {
            first: first_line(&rows, app.stats_cursor, visible),
            scrolls: rows.len() > visible,
            columns: vec![Column { area: inner, rows }],
        }
    }

    /// The value (its index among [`App::chart_values`]) drawn at `cell`, if any.
    fn value_at(&self, cell: Position) -> Option<usize> {
        let column = self
            .columns
            .iter()
            .find(|column| column.area.contains(cell))?;
        match column
            .rows
            .get(self.first + usize::from(cell.y - column.area.y))
        {
            Some(Row::Value(index)) => Some(*index),
            _ => None,
        }
    }
}

/// The first line to show of `rows` in `visible` lines so that the cursor's value is in
/// view, and with it the whole of its chart when it fits (the last chart reaches down to
/// the report's figures, so the end shows them); never past the last line.
fn first_line(rows: &[Row], cursor: usize, visible: usize) -> usize {
    if visible == 0 || rows.len() <= visible {
        return 0;
    }
    let Some(at) = rows.iter().position(|row| *row == Row::Value(cursor)) else {
        return 0;
    };
    let is_heading = |row: &Row| matches!(row, Row::Heading(_));
    let start = rows[..=at].iter().rposition(is_heading).unwrap_or(0);
    let end = rows[at + 1..]
        .iter()
        .position(is_heading)
        .map_or(rows.len(), |after| at + 1 + after);
    // The chart's end at the bottom, unless that hides its heading; the cursor in view.
    let wanted = end.saturating_sub(visible).min(start);
    wanted
        .clamp((at + 1).saturating_sub(visible), at)
        .min(rows.len() - visible)
}

/// The report's figures heading and note, wrapped to `width`.
fn note_rows(app: &App<'_, '_>, width: u16) -> Vec<Row> {
    let width = usize::from(width).max(1);
    let heading = figures_heading(app);
    let mut rows: Vec<Row> = textwrap::wrap(&heading, width)
        .into_iter()
        .map(|line| Row::FiguresHeading(line.into_owned()))
        .collect();
    let strings = app.lang.strings();
    let note = if shows_whole_collections(app) {
        strings.report_figures_note
    } else {
        strings.report_figures_hidden
    };
    rows.extend(
        textwrap::wrap(note, width)
            .into_iter()
            .map(|line| Row::Note(line.into_owned())),
    );
    rows
}

/// The value (its index among [`App::chart_values`]) the statistics drawn in `area` show at
/// a clicked cell, if any.
pub fn value_at(app: &App<'_, '_>, area: Rect, column: u16, row: u16) -> Option<usize> {
    Sheet::new(app, Block::bordered().inner(area)).value_at(Position::new(column, row))
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let sheet = Sheet::new(app, Block::bordered().inner(area));
    let values = app.chart_values();
    // Where the cursor is, when some of the values are out of view.
    let position = sheet
        .scrolls
        .then(|| format!(" {}/{} ", app.stats_cursor + 1, values.len()));
    let count = strings.count_actions(app.outcome.total);
    let room = usize::from(area.width)
        .saturating_sub(2 + position.as_ref().map_or(0, |text| text::width(text) + 1));
    let title = [
        format!("{} — {} ({count})", strings.statistics, strings.selection),
        format!("{} ({count})", strings.statistics),
    ]
    .into_iter()
    .find(|title| text::width(title) <= room)
    .unwrap_or_else(|| strings.statistics.to_owned());
    let mut widget = block(title, true, palette);
    if let Some(position) = position {
        widget = widget.title_top(Line::from(position).right_aligned());
    }
    frame.render_widget(widget, area);
    let first = u16::try_from(sheet.first).unwrap_or(u16::MAX);
    // One scale for every chart, so that equal counts draw equal bars: the cells per action
    // that let the tightest chart fit.
    let scale = sheet
        .columns
        .iter()
        .flat_map(|column| {
            let width = usize::from(column.area.width);
            column.rows.iter().filter_map(move |row| match row {
                Row::Heading(dimension) => Some((*dimension, width)),
                _ => None,
            })
        })
        .map(|(dimension, width)| {
            let chart = Chart::new(app, dimension, &values, width);
            chart.bar_room as f64 / chart.largest as f64
        })
        .fold(f64::INFINITY, f64::min);
    for column in &sheet.columns {
        let lines = column_lines(app, column, &values, scale, palette);
        frame.render_widget(Paragraph::new(lines).scroll((first, 0)), column.area);
    }
}

/// Every line of a column, the value under the cursor marked.
fn column_lines(
    app: &App<'_, '_>,
    column: &Column,
    values: &[(Dimension, ValueSlot)],
    scale: f64,
    palette: Palette,
) -> Vec<Line<'static>> {
    let strings = app.lang.strings();
    let width = usize::from(column.area.width);
    let mut chart = None;
    column
        .rows
        .iter()
        .map(|row| match row {
            Row::Heading(dimension) => {
                chart = Some(Chart::new(app, *dimension, values, width));
                Line::styled(
                    strings.dimension_names[*dimension as usize],
                    palette.label(),
                )
            }
            Row::Value(index) => match (&chart, values.get(*index)) {
                (Some(chart), Some(&(_, slot))) => {
                    chart.line(slot, *index == app.stats_cursor, scale, palette)
                }
                _ => Line::default(),
            },
            Row::FiguresHeading(line) => Line::styled(line.clone(), palette.title()),
            Row::Note(line) => Line::raw(line.clone()),
        })
        .collect()
}

/// Whether the selection is the catalogue's whole collections (no words, no filter but the
/// year): only then do the report's printed figures count the same actions as the bars.
fn shows_whole_collections(app: &App<'_, '_>) -> bool {
    app.outcome.parsed.is_empty()
        && Dimension::ALL
            .into_iter()
            .filter(|&dimension| dimension != Dimension::Year)
            .all(|dimension| app.filters.selected(dimension).is_empty())
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

/// One chart as drawn at one width: its values' names, counts and printed figures, and the
/// room its names and bars get.
struct Chart {
    labels: Vec<String>,
    counts: Vec<usize>,
    /// The report's figure for each value that has one (" (34)", " (2023: 34)").
    figures: Vec<Option<String>>,
    label_width: usize,
    bar_room: usize,
    largest: usize,
}

impl Chart {
    fn new(
        app: &App<'_, '_>,
        dimension: Dimension,
        values: &[(Dimension, ValueSlot)],
        width: usize,
    ) -> Chart {
        let counts = app.outcome.selection.of(dimension).to_vec();
        let shown: Vec<ValueSlot> = values
            .iter()
            .filter(|(charted, _)| *charted == dimension)
            .map(|&(_, slot)| slot)
            .collect();
        // The values' names as the filters say them ("Both compacts (mirror)"), never the
        // machine names.
        let labels: Vec<String> = (0..counts.len())
            .map(|slot| text::sanitize(&app.value_label(dimension, slot)).into_owned())
            .collect();
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
        let keys = app.engine.values().of(dimension);
        let whole = shows_whole_collections(app);
        let figures: Vec<Option<String>> = keys
            .iter()
            .map(|value| {
                if !whole {
                    return None;
                }
                published(app, dimension, &value.key, &selected_years).map(|figure| {
                    if dimension == Dimension::Year || selected_years == [figure.year] {
                        format!(" ({})", figure.value)
                    } else {
                        let colon = app.lang.strings().colon;
                        format!(" ({}{colon}{})", figure.year, figure.value)
                    }
                })
            })
            .collect();
        let tail = |slot: ValueSlot| {
            text::width(&format!(" {}", counts[slot]))
                + figures[slot].as_deref().map_or(0, text::width)
        };
        let widest_tail = shown.iter().map(|&slot| tail(slot)).max().unwrap_or(0);
        let longest = shown
            .iter()
            .map(|&slot| text::width(&labels[slot]))
            .max()
            .unwrap_or(0);
        // What the name and the bar share, after the marker, the space between them, the
        // count and figure, and a spare column at the edge. The name comes first.
        let room = width.saturating_sub(MARKER_WIDTH + 1 + widest_tail + 1);
        let label_width = longest.min(room.saturating_sub(BAR_LEAST)).clamp(6, 34);
        Chart {
            largest: counts.iter().copied().max().unwrap_or(0).max(1),
            labels,
            counts,
            figures,
            label_width,
            bar_room: room.saturating_sub(label_width),
        }
    }

    /// A value's line: its name, its bar scaled to the largest count, the count, and the
    /// report's figure where it prints one.
    fn line(
        &self,
        slot: ValueSlot,
        under_cursor: bool,
        scale: f64,
        palette: Palette,
    ) -> Line<'static> {
        let count = self.counts[slot];
        // `scale` cells per action, the same in every chart; a value with any action shows
        // at least one block: an empty bar reads as none.
        let length = if count > 0 {
            ((count as f64 * scale) as usize).clamp(1, self.bar_room.max(1))
        } else {
            0
        };
        let marker = if under_cursor { "› " } else { "  " };
        // On the cursor's row, bar and figure take the row's colours: the bar's own colour
        // could be the selection's background.
        let (bar, figure_style) = if under_cursor {
            (palette.selected(), palette.selected())
        } else {
            (palette.bar(), palette.dim())
        };
        let mut spans = vec![
            Span::raw(marker),
            Span::raw(text::fit_words(&self.labels[slot], self.label_width)),
            Span::raw(" "),
            Span::styled("█".repeat(length), bar),
            Span::raw(format!(" {count}")),
        ];
        if let Some(figure) = &self.figures[slot] {
            spans.push(Span::styled(figure.clone(), figure_style));
        }
        let line = Line::from(spans);
        if under_cursor {
            line.style(palette.selected())
        } else {
            line
        }
    }
}
