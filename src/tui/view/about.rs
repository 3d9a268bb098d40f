//! The About view, for whoever got the file on a stick: what this is, where its data comes
//! from and what the editors added, the catalogue's version and fingerprint, how to cite and
//! how to script it, and a legend of the results list's columns. It scrolls like the detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::block;
use crate::text;
use crate::tui::app::App;
use crate::tui::palette::Palette;

/// Draws the view, and returns how far it can scroll.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) -> u16 {
    let words = &app.lang.strings().about;
    let catalogue = app.engine.catalogue();
    let heading = |title: &str| Line::styled(title.to_owned(), palette.title());
    let mut lines = vec![Line::from(words.what), Line::default(), heading(words.data)];
    lines.push(Line::from(words.printed_in));
    for report in catalogue.reports() {
        lines.push(Line::from(format!(
            "  {} — {} ({}, {})",
            text::sanitize(report.title),
            text::sanitize(report.edition),
            report.year,
            text::sanitize(report.source_file)
        )));
    }
    lines.push(Line::from(words.editors));
    lines.push(Line::default());
    lines.push(heading(words.version));
    lines.push(Line::from(format!(
        "localaction {}",
        crate::args::VERSION.trim()
    )));
    lines.push(Line::from(format!(
        "{} {}",
        words.fingerprint,
        crate::catalogue::embedded::FINGERPRINT.trim()
    )));
    lines.push(Line::from(words.nothing_written));
    lines.push(Line::default());
    lines.push(Line::from(words.cite));
    lines.push(Line::from(words.script));
    lines.push(Line::default());
    lines.push(heading(words.columns));
    let key_width = words
        .legend
        .iter()
        .map(|(key, _)| text::width(key))
        .max()
        .unwrap_or(0);
    for (key, meaning) in words.legend {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}  ", text::fit(key, key_width)),
                palette.label(),
            ),
            Span::raw(meaning),
        ]));
    }
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner_height = usize::from(area.height.saturating_sub(2));
    let total = text.line_count(area.width.saturating_sub(2));
    let limit = u16::try_from(total.saturating_sub(inner_height)).unwrap_or(u16::MAX);
    let scroll = app.about_scroll.min(limit);
    let title = if total > inner_height && total > 0 {
        let read = (usize::from(scroll) + inner_height).min(total);
        format!("{} ({}%)", words.title, read * 100 / total)
    } else {
        words.title.to_owned()
    };
    frame.render_widget(
        text.block(block(title, true, palette)).scroll((scroll, 0)),
        area,
    );
    limit
}
