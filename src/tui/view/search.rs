//! The search line: the query with its cursor, the count of matching actions, the strict
//! mode's mark, what the search dropped, corrected or ignored, and the filters that are on
//! (on the box's lower border, so that every view and size shows them).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use crate::engine::{FACETS, MatchMode};
use crate::text;
use crate::tui::app::{App, Pane, View};
use crate::tui::palette::Palette;

/// The search line names at most this many of the terms a thesaurus concept added.
const SHOWN_SYNONYMS: usize = 4;

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
    let bordered = area.height >= 3;
    let room = usize::from(if bordered {
        area.width.saturating_sub(2)
    } else {
        area.width
    });
    let mut spans = vec![Span::styled(PROMPT, palette.label())];
    // The query scrolls so that its cursor stays on the line, its hidden start shown as "…".
    let (shown_query, cursor_column) = scrolled_query(&app.query, app.cursor, room);
    if app.query.is_empty() {
        spans.push(Span::styled(strings.search_placeholder, palette.dim()));
    } else {
        spans.push(Span::raw(shown_query));
    }
    let matching = &app.outcome.matching;
    if app.match_mode == MatchMode::All {
        spans.push(Span::styled(
            format!("  [{}]", strings.strict),
            palette.label(),
        ));
    }
    if !app.synonyms {
        spans.push(Span::styled(
            format!("  [{}]", strings.words_only),
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
    // Last, being the longest: what the thesaurus added (its first terms; the line ends
    // with "…" when cut). Not on a line without a border, where the count comes after the
    // notes and must stay in sight.
    for added in matching.synonyms.iter().filter(|_| bordered) {
        spans.push(Span::styled(
            format!(
                "  (+ {} {})",
                strings.also_searching,
                added.first_terms(SHOWN_SYNONYMS)
            ),
            palette.dim(),
        ));
    }
    let filters_on = active_filters(app);
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
        let mut widget =
            block(title, focused, palette).title_top(Line::from(count).right_aligned());
        if let Some(filters_on) = &filters_on {
            let room = usize::from(area.width.saturating_sub(4));
            widget = widget.title_bottom(Line::styled(
                format!(" {} ", text::truncate(filters_on, room.saturating_sub(2))),
                palette.label(),
            ));
        }
        let inner = widget.inner(area);
        frame.render_widget(widget, area);
        inner
    } else {
        spans.push(Span::styled(count, palette.dim()));
        if let Some(filters_on) = filters_on {
            spans.push(Span::styled(format!(" {filters_on}"), palette.label()));
        }
        area
    };
    frame.render_widget(Paragraph::new(Line::from(cut_line(spans, room))), inner);
    if focused && inner.width > 2 {
        let x = inner.x + (text::width(PROMPT) + cursor_column) as u16;
        if x < inner.right() {
            frame.set_cursor_position(Position::new(x, inner.y));
        }
    }
}

const PROMPT: &str = "› ";

/// The filters that are on, in the interface's language ("Region: Africa · Year: 2023 ·
/// Alt-C: clear all"), or `None` when none is.
pub(crate) fn active_filters(app: &App<'_, '_>) -> Option<String> {
    let strings = app.lang.strings();
    let values = app.engine.values();
    let parts: Vec<String> = FACETS
        .iter()
        .filter_map(|facet| {
            let selected = app.filters.selected(facet.dimension);
            if selected.is_empty() {
                return None;
            }
            let labels: Vec<String> = selected
                .iter()
                .filter_map(|&slot| values.of(facet.dimension).get(slot))
                .map(|value| text::sanitize(value.label(app.lang)).into_owned())
                .collect();
            Some(format!(
                "{}{}{}",
                strings.dimension_names[facet.dimension as usize],
                strings.colon,
                labels.join(", ")
            ))
        })
        .collect();
    (!parts.is_empty()).then(|| format!("{} · {}", parts.join(" · "), strings.clear_all))
}

/// The part of `query` to show on a line of `room` columns (the prompt's included), and the
/// cursor's column in it. When the cursor would fall off the end, the start is hidden behind
/// "…", so that the cursor keeps the line's last column.
fn scrolled_query(query: &str, cursor: usize, room: usize) -> (String, usize) {
    let query = text::sanitize(query);
    let before: String = query.chars().take(cursor).collect();
    // The prompt, and one column for the cursor itself after the text before it.
    let fits = room.saturating_sub(text::width(PROMPT) + 1);
    if text::width(&before) <= fits {
        return (query.into_owned(), text::width(&before));
    }
    let mut skipped = 0;
    let mut visible = before.as_str();
    while text::width(visible) + 1 > fits && !visible.is_empty() {
        let first = visible.chars().next().map_or(0, char::len_utf8);
        visible = &visible[first..];
        skipped += first;
    }
    (format!("…{}", &query[skipped..]), 1 + text::width(visible))
}

/// `spans` cut to `room` columns, the last one kept ending in "…" when anything is cut.
fn cut_line(spans: Vec<Span<'_>>, room: usize) -> Vec<Span<'_>> {
    let mut kept = Vec::with_capacity(spans.len());
    let mut used = 0;
    let total: usize = spans.iter().map(|span| text::width(&span.content)).sum();
    if total <= room {
        return spans;
    }
    for span in spans {
        let width = text::width(&span.content);
        if used + width < room {
            used += width;
            kept.push(span);
        } else {
            // With a space after it, even a span that would fill the line exactly is cut,
            // so that its "…" says more follows.
            let cut = text::truncate(&format!("{} ", span.content), room - used);
            kept.push(Span::styled(cut, span.style));
            break;
        }
    }
    kept
}
