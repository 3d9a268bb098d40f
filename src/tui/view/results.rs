//! The results list: a line per action with its mark, year, compact, priorities, country,
//! submitter and title, the title in the interface's language (the editors' English in
//! English, the report's French in French); the query's matches in it are highlighted as
//! that language is searched. Narrow lists leave out the priorities, then the compact, so
//! the title keeps room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, first_visible};
use crate::catalogue::MachineName;
use crate::engine::TextLanguage;
use crate::text;
use crate::tui::app::{App, Pane, View};
use crate::tui::palette::Palette;

/// The narrowest list that shows the priorities column: below it, the title (cut between
/// words) would keep a word or two, so the priorities, which the detail and the filters
/// show, give it their room.
const WITH_PRIORITIES: usize = 72;
/// The same for the compact column, on the smallest screens.
const WITH_COMPACT: usize = 48;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let focused = app.focus == Pane::Results && app.view == View::Browse;
    let title = format!(
        "{} ({}/{})",
        strings.results,
        app.outcome.total,
        app.engine.catalogue().len()
    );
    let widget = block(title, focused, palette);
    let inner = widget.inner(area);
    frame.render_widget(widget, area);
    if app.outcome.hits.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(strings.no_match, palette.dim())),
            inner,
        );
        return;
    }
    let visible = usize::from(inner.height);
    let first = first_visible(app.selected, visible);
    let catalogue = app.engine.catalogue();
    let width = usize::from(inner.width);
    let highlighter = &app.highlighter;
    let lines: Vec<Line<'_>> = app
        .outcome
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(index, hit)| {
            let action = catalogue.action_at(hit.position);
            let selected = index == app.selected;
            let mark = if app.is_marked(hit.position) {
                "★"
            } else {
                " "
            };
            let pointer = if selected { "›" } else { " " };
            let compact = action.compact.map_or("·", |compact| compact.machine_name());
            let priorities: String = action
                .priorities
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let country = action
                .country
                .and_then(|country| catalogue.tables.countries[country as usize].iso2)
                .unwrap_or("··");
            let priorities = if width >= WITH_PRIORITIES {
                format!("P{priorities:<7} ")
            } else {
                String::new()
            };
            let compact = if width >= WITH_COMPACT {
                format!("{compact:<6} ")
            } else {
                String::new()
            };
            let prefix = format!(
                "{pointer}{mark} {} {compact}{priorities}{country} {} — ",
                action.year,
                text::truncate_words(&text::sanitize(super::submitter_name(app, &action)), 18)
            );
            let room = width.saturating_sub(text::width(&prefix));
            let (title, language) = match app.lang {
                crate::i18n::Lang::En => (action.title_en, TextLanguage::English),
                crate::i18n::Lang::Fr => (action.title, TextLanguage::French),
            };
            let title = text::truncate_words(&text::sanitize(title), room);
            let base = if selected {
                palette.selected()
            } else {
                palette.normal()
            };
            let marked_title = highlighter.mark(&title, language);
            let mut spans = vec![Span::styled(
                prefix,
                if selected { base } else { palette.dim() },
            )];
            spans.extend(
                super::highlighted(&marked_title.text, &marked_title.highlights, base, palette)
                    .into_iter()
                    .map(|span| Span::styled(span.content.into_owned(), span.style)),
            );
            // Pad the selected line so the whole row shows as selected.
            let used: usize = spans.iter().map(|span| text::width(&span.content)).sum();
            if selected && used < width {
                spans.push(Span::styled(" ".repeat(width - used), base));
            }
            if app.is_marked(hit.position) && !selected {
                spans[0].style = palette.marked();
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
