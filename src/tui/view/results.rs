//! The results list: a line per action with its mark, year, compact, priorities, country,
//! submitter and title, the title in the interface's language (the editors' English in
//! English, the report's French in French); the query's matches in it are highlighted as
//! that language is searched. Lists too narrow for every column leave out the priorities,
//! the compact and the year, so the title keeps room to be read.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, first_visible};
use crate::catalogue::MachineName;
use crate::i18n::fill;
use crate::text;
use crate::tui::app::{App, Pane, View};
use crate::tui::palette::Palette;

/// The columns a title keeps before any optional column is shown: enough for its first
/// words to say what the action is.
const TITLE_ROOM: usize = 40;
/// The widest a submitter's name is drawn; longer names are cut between words.
const SUBMITTER_WIDEST: usize = 18;

/// Which columns a list of `width` shows: the optional ones (year, compact, priorities, in
/// that order) only while the title keeps `TITLE_ROOM`; on the narrowest lists the
/// country's code goes and the submitter's name shrinks, so a title always shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    year: bool,
    compact: bool,
    priorities: bool,
    country: bool,
    submitter: usize,
}

impl Columns {
    const YEAR: usize = "2023 ".len();
    const COMPACT: usize = "mirror ".len();
    const PRIORITIES: usize = "P1,6,8   ".len();
    const COUNTRY: usize = "JO ".len();

    fn for_width(width: usize) -> Columns {
        // Pointer and mark, a space, then " — " between the submitter and the title.
        let frame = 3 + 3;
        let submitter = (width / 5).clamp(6, SUBMITTER_WIDEST);
        let country = width >= 40;
        let mut used = frame + submitter + if country { Self::COUNTRY } else { 0 };
        let mut fits = |columns: usize| {
            let fits = width >= used + columns + TITLE_ROOM;
            if fits {
                used += columns;
            }
            fits
        };
        let year = fits(Self::YEAR);
        let compact = year && fits(Self::COMPACT);
        let priorities = compact && fits(Self::PRIORITIES);
        Columns {
            year,
            compact,
            priorities,
            country,
            submitter,
        }
    }
}

/// A row below the results keeps at least this many columns for its title before saying in
/// full which words it lacks.
const MIN_TITLE_WIDTH: usize = 24;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let focused = app.focus == Pane::Results && app.view == View::Browse;
    let mut title = format!(
        "{} ({}/{})",
        strings.results,
        app.outcome.total,
        app.engine.catalogue().len()
    );
    if !app.outcome.also.is_empty() {
        title.push(' ');
        title.push_str(&fill(
            strings.also_some_words,
            "count",
            &app.outcome.also.len().to_string(),
        ));
    }
    let widget = block(title, focused, palette);
    let inner = widget.inner(area);
    frame.render_widget(widget, area);
    if app.listed_len() == 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(
                if app.match_mode == crate::engine::MatchMode::All {
                    strings.no_match_strict
                } else {
                    strings.no_match
                },
                palette.dim(),
            ))
            .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let visible = usize::from(inner.height);
    let first = first_visible(app.selected, visible);
    let catalogue = app.engine.catalogue();
    let width = usize::from(inner.width);
    let columns = Columns::for_width(width);
    let highlighter = &app.highlighter;
    let results = app.outcome.hits.len();
    let lines: Vec<Line<'_>> = app
        .listed()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(index, hit)| {
            let action = catalogue.action_at(hit.position);
            let selected = index == app.selected;
            // Below the results, an action holding some of the words: dimmed, with the
            // words it lacks.
            let lacking = index
                .checked_sub(results)
                .map(|partial| &app.outcome.also[partial].lacking);
            let mark = if app.is_marked(hit.position) {
                "★"
            } else {
                " "
            };
            let pointer = if selected { "›" } else { " " };
            let mut prefix = format!("{pointer}{mark} ");
            if columns.year {
                prefix.push_str(&format!("{} ", action.year));
            }
            if columns.compact {
                let compact = action.compact.map_or("·", |compact| compact.machine_name());
                prefix.push_str(&format!("{compact:<6} "));
            }
            if columns.priorities {
                let priorities: Vec<String> = action.priorities.iter().map(u8::to_string).collect();
                prefix.push_str(&format!("P{:<7} ", priorities.join(",")));
            }
            if columns.country {
                let country = action
                    .country
                    .and_then(|country| catalogue.tables.countries[country as usize].iso2)
                    .unwrap_or("··");
                prefix.push_str(&format!("{country} "));
            }
            prefix.push_str(&text::truncate_words(
                &text::sanitize(super::submitter_name(app, &action)),
                columns.submitter,
            ));
            prefix.push_str(" — ");
            let before_title = text::width(&prefix);
            let lacks = lacking.map(|lacking| {
                let words: Vec<String> = lacking
                    .iter()
                    .map(|word| strings.citation.quoted(&text::sanitize(word)))
                    .collect();
                let said = format!(
                    "  ({})",
                    fill(strings.lacking_words, "words", &words.join(", "))
                );
                // Where saying it would leave the title too little room, the words alone,
                // each after a minus sign.
                if width.saturating_sub(before_title + text::width(&said)) >= MIN_TITLE_WIDTH {
                    said
                } else {
                    let minus: Vec<String> = words.iter().map(|word| format!("−{word}")).collect();
                    format!(" {}", minus.join(" "))
                }
            });
            let room = width
                .saturating_sub(before_title)
                .saturating_sub(lacks.as_deref().map_or(0, text::width));
            let language = app.lang.texts();
            let title = action.texts(language).title;
            let title = text::truncate_words(&text::sanitize(title), room);
            let base = match (selected, lacking.is_some()) {
                (true, _) => palette.selected(),
                (false, true) => palette.dim(),
                (false, false) => palette.normal(),
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
            if let Some(lacks) = lacks {
                spans.push(Span::styled(lacks, palette.dim()));
            }
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
