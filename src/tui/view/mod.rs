//! Drawing: one function per screen part, each reading the state and never changing it.

mod about;
mod detail;
pub(crate) mod filters;
mod help;
pub mod map;
mod results;
mod search;
mod shortlist;
pub(crate) mod stats;
mod status;

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Dialog, View};
use super::export::format_for;
use super::layout::Layout;
use super::palette::Palette;
use crate::export::Format;
use crate::text;

/// The first row to show so that `selected` is visible in `visible` rows.
pub fn first_visible(selected: usize, visible: usize) -> usize {
    if visible == 0 {
        return selected;
    }
    (selected + 1).saturating_sub(visible)
}

/// What drawing a frame found out that the state needs: where things went (clicks land
/// there) and how far the detail can scroll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    pub layout: Layout,
    /// The largest scroll offset that still shows text in the detail (0 when it all
    /// fits), or `None` when no detail was drawn.
    pub detail_scroll_limit: Option<u16>,
    /// The same for the About view and the help.
    pub about_scroll_limit: Option<u16>,
    pub help_scroll_limit: Option<u16>,
    /// Where the detail search's matches are (scroll offsets), when one was drawn.
    pub find_rows: Option<Vec<u16>>,
}

/// Draws a whole frame, and returns what the state needs to know of it.
pub fn draw(frame: &mut Frame<'_>, app: &App<'_, '_>, palette: Palette) -> Drawn {
    let area = frame.area();
    let layout = Layout::new(area, app);
    let strings = app.lang.strings();
    if layout.too_small {
        // Whatever fits of the notice, never more than the screen.
        let notice = Paragraph::new(text::truncate(strings.too_small, usize::from(area.width)))
            .wrap(Wrap { trim: true });
        frame.render_widget(notice, area);
        return Drawn {
            layout,
            detail_scroll_limit: None,
            about_scroll_limit: None,
            help_scroll_limit: None,
            find_rows: None,
        };
    }
    let mut detail_scroll_limit = None;
    let mut about_scroll_limit = None;
    let mut find_rows = None;
    let mut help_scroll_limit = None;
    // The palette's own background, where it has one, under everything.
    if palette.normal() != Style::default() {
        frame.render_widget(Block::new().style(palette.normal()), area);
    }
    if let Some(area) = layout.search {
        search::draw(frame, area, app, palette);
    }
    if let Some(area) = layout.filters {
        filters::draw(frame, area, app, palette);
    }
    if let Some(area) = layout.results {
        results::draw(frame, area, app, palette);
    }
    if let Some(area) = layout.detail {
        let drawn = detail::draw(frame, area, app, palette);
        detail_scroll_limit = drawn.as_ref().map(|drawn| drawn.scroll_limit);
        find_rows = drawn.and_then(|drawn| drawn.find_rows);
    }
    if let Some(area) = layout.main {
        match app.view {
            View::Stats => stats::draw(frame, area, app, palette),
            View::Map => map::draw(frame, area, app, palette),
            View::Shortlist => shortlist::draw(frame, area, app, palette),
            View::About => about_scroll_limit = Some(about::draw(frame, area, app, palette)),
            View::Browse => {}
        }
    }
    if let Some(area) = layout.status {
        status::draw(frame, area, app, palette);
    }
    if app.help {
        // Above the status line, which says how to close it.
        let above_status = layout.status.map_or(area, |status| Rect {
            height: status.y.saturating_sub(area.y),
            ..area
        });
        help_scroll_limit = Some(help::draw(frame, above_status, app, palette));
    }
    if let Some(dialog) = &app.dialog {
        draw_dialog(frame, area, app, dialog, palette);
    }
    Drawn {
        layout,
        detail_scroll_limit,
        about_scroll_limit,
        help_scroll_limit,
        find_rows,
    }
}

/// The submitter's name in the interface's language (see `Tables::submitter_name`).
pub(crate) fn submitter_name<'c>(
    app: &App<'_, 'c>,
    action: &crate::catalogue::Action<'c>,
) -> &'c str {
    app.engine
        .catalogue()
        .tables
        .submitter_name(action, app.lang.texts())
}

/// A bordered block with a title.
pub(crate) fn block(title: String, focused: bool, palette: Palette) -> Block<'static> {
    Block::default()
        .style(palette.normal())
        .borders(Borders::ALL)
        .border_style(palette.border(focused))
        .title(Span::styled(title, palette.title()))
}

/// A centred rectangle of at most `width`×`height` inside `area`.
pub(crate) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// `text` split into spans, the byte ranges `highlights` styled as matches.
pub(crate) fn highlighted<'t>(
    text: &'t str,
    highlights: &[std::ops::Range<usize>],
    base: Style,
    palette: Palette,
) -> Vec<Span<'t>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for range in highlights {
        if range.start < at || range.end > text.len() {
            continue;
        }
        if range.start > at {
            spans.push(Span::styled(&text[at..range.start], base));
        }
        spans.push(Span::styled(
            &text[range.clone()],
            base.patch(palette.highlight_over(base)),
        ));
        at = range.end;
    }
    if at < text.len() {
        spans.push(Span::styled(&text[at..], base));
    }
    spans
}

fn draw_dialog(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_, '_>,
    dialog: &Dialog,
    palette: Palette,
) {
    let strings = app.lang.strings();
    let popup = centred(area, 70, 7);
    frame.render_widget(Clear, popup);
    frame.render_widget(Block::new().style(palette.normal()), popup);
    let (title, lines) = match dialog {
        Dialog::ExportPath { path } => (
            format!("{} ({})", strings.shortlist, app.shortlist.len()),
            vec![
                Line::from(strings.export_prompt),
                path_line(path, app.export_cursor, palette),
                Line::styled(
                    match format_for(Path::new(path)) {
                        Format::Csv => strings.export_as_csv,
                        _ => strings.export_as_markdown,
                    },
                    palette.dim(),
                ),
                Line::styled(app.message.clone().unwrap_or_default(), palette.highlight()),
            ],
        ),
        Dialog::ConfirmWrite { path } => {
            let target = app.resolve(path);
            (
                format!("{} ({})", strings.shortlist, app.shortlist.len()),
                vec![
                    Line::from(strings.write_prompt),
                    Line::from(text::sanitize(&target.display().to_string()).into_owned()),
                    Line::styled(
                        match format_for(&target) {
                            Format::Csv => strings.write_as_csv,
                            _ => strings.write_as_markdown,
                        },
                        palette.dim(),
                    ),
                    Line::styled(strings.write_choices, palette.label()),
                ],
            )
        }
        Dialog::ConfirmOverwrite { path } => (
            strings.shortlist.to_owned(),
            vec![Line::from(format!(
                "{} {}",
                text::sanitize(path),
                strings.overwrite_prompt
            ))],
        ),
        Dialog::ConfirmQuit => (
            strings.quit_title.to_owned(),
            vec![
                Line::from(strings.unsaved_marks(app.unexported_marks())),
                Line::styled(
                    if app.unexported_marks() == 1 {
                        strings.quit_choices_one
                    } else {
                        strings.quit_choices
                    },
                    palette.label(),
                ),
            ],
        ),
    };
    let paragraph = Paragraph::new(lines)
        .block(block(title, true, palette))
        .wrap(Wrap { trim: false });
    frame.render_widget(paragraph, popup);
}

/// The export path being edited, its cursor shown as the character under it reversed (a
/// block past the end).
fn path_line(path: &str, cursor: usize, palette: Palette) -> Line<'static> {
    let path = text::sanitize(path).into_owned();
    let before: String = path.chars().take(cursor).collect();
    let mut rest = path.chars().skip(cursor);
    let mut spans = vec![Span::styled("> ", palette.label()), Span::raw(before)];
    match rest.next() {
        Some(under) => {
            spans.push(Span::styled(
                under.to_string(),
                Style::default().add_modifier(ratatui::style::Modifier::REVERSED),
            ));
            spans.push(Span::raw(rest.collect::<String>()));
        }
        None => spans.push(Span::styled("█", palette.dim())),
    }
    Line::from(spans)
}
