//! The detail pane: the whole action, its texts in one language at a time (the French the
//! report prints or one of the editors' translations, F7 or Alt-T going from one to the
//! next), each labelled
//! as what it is and with the query's matches highlighted as that language is searched;
//! each priority with its compact objectives and whether the report states it, and the
//! joint commitment to follow. `/` searches in the text, as in less.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, highlighted};
use crate::catalogue::{Duration, End};
use crate::engine::{Highlighter, TextLanguage};
use crate::i18n::{Lang, Strings, gcr_area};

/// What a text in `language` is, as its label says: the report's, or the editors'
/// translation (naming its language unless it is the interface's own).
fn label_of(language: TextLanguage, lang: Lang, strings: &Strings) -> String {
    if language.is_source() {
        strings.french_as_printed.to_owned()
    } else if language == lang.texts() {
        strings.translation.to_owned()
    } else {
        format!(
            "{}, {}",
            strings.text_language_names[language.index()],
            strings.translation
        )
    }
}
use crate::text;
use crate::tui::app::{App, Pane, View};
use crate::tui::palette::Palette;

/// `text` (paragraphs split at newlines, as the report prints them) as lines, with the
/// query's matches highlighted the way `language` is analysed.
fn paragraphs(
    highlighter: &Highlighter,
    text_to_mark: &str,
    language: TextLanguage,
    base: Style,
    palette: Palette,
) -> Vec<Line<'static>> {
    let snippet = highlighter.mark(&text::sanitize(text_to_mark), language);
    let mut lines = Vec::new();
    let mut at = 0;
    for paragraph in snippet.text.split('\n') {
        let start = at;
        let end = start + paragraph.len();
        at = end + 1;
        let ranges: Vec<std::ops::Range<usize>> = snippet
            .highlights
            .iter()
            .filter(|range| range.start >= start && range.end <= end)
            .map(|range| range.start - start..range.end - start)
            .collect();
        lines.push(Line::from(
            highlighted(paragraph, &ranges, base, palette)
                .into_iter()
                .map(|span| Span::styled(span.content.into_owned(), span.style))
                .collect::<Vec<_>>(),
        ));
    }
    lines
}

/// A label in brackets, its words held together by no-break spaces: wrapped inside, a
/// label reads as two ("[as" at a line's end, "printed]" at the next one's start).
fn label_span(label: &str, palette: Palette) -> Span<'static> {
    Span::styled(
        format!("  [{}]", label.replace(' ', "\u{a0}")),
        palette.dim(),
    )
}

/// A section's heading with its label ("Description  [editors' translation]").
fn heading(title: &str, label: &str, palette: Palette) -> Line<'static> {
    Line::from(vec![
        Span::styled(title.to_owned(), palette.title()),
        label_span(label, palette),
    ])
}

/// The duration in the interface's words, from the period the editors parsed out of the
/// printed French ("Octobre 2023 – En cours": "October 2023 – ongoing").
fn period_in_words(duration: &Duration<'_>, strings: &Strings) -> String {
    let start = strings.month(duration.start);
    match duration.end {
        End::Ongoing => format!("{start} – {}", strings.ongoing),
        End::At(end) if end == duration.start => start,
        End::At(end) => format!("{start} – {}", strings.month(end)),
    }
}

/// `line` wrapped between words to `width` columns, the lines after the first indented by
/// `indent` columns, so that an item's wrapped text stays under its text, not under its
/// number. Too narrow for that, it is left whole (the paragraph wraps it).
fn hanging(line: Line<'static>, width: u16, indent: usize) -> Vec<Line<'static>> {
    let width = usize::from(width);
    if width < indent + 12 || line.width() <= width {
        return vec![line];
    }
    let style = line.style;
    let mut lines = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in line.spans {
        // Each word with the spaces before it, sliced, not copied: this runs at every frame.
        // A line breaks before a word, and the spaces there go.
        let mut rest: &str = &span.content;
        while !rest.is_empty() {
            let after_spaces = rest.trim_start_matches(' ');
            let spaces = &rest[..rest.len() - after_spaces.len()];
            let word_end = after_spaces.find(' ').unwrap_or(after_spaces.len());
            let word = &after_spaces[..word_end];
            rest = &after_spaces[word_end..];
            if !word.is_empty() && used + spaces.len() + text::width(word) > width && used > indent
            {
                lines.push(Line::from(std::mem::take(&mut current)).style(style));
                current.push(Span::raw(" ".repeat(indent)));
                used = indent;
            } else {
                used += spaces.len();
                push_piece(&mut current, spaces, span.style);
            }
            used += text::width(word);
            push_piece(&mut current, word, span.style);
        }
    }
    if !current.is_empty() {
        lines.push(Line::from(current).style(style));
    }
    lines
}

/// Adds `piece` to the line being built, to its last span where the style is the same: a
/// span per word would make every frame's wrapping slower for nothing.
fn push_piece(line: &mut Vec<Span<'static>>, piece: &str, style: Style) {
    if piece.is_empty() {
        return;
    }
    match line.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(piece),
        _ => line.push(Span::styled(piece.to_owned(), style)),
    }
}

/// What drawing the detail found out.
pub struct DetailDrawn {
    /// The largest scroll offset that still shows text.
    pub scroll_limit: u16,
    /// Where the search's matches are, as scroll offsets, when a search is under way.
    pub find_rows: Option<Vec<u16>>,
}

/// The character ranges where `wanted` occurs in `text`, case and accents aside.
fn occurrences(text: &str, wanted: &str) -> Vec<std::ops::Range<usize>> {
    let wanted: Vec<char> = crate::engine::facets::fold(wanted).chars().collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    // Each folded character with the index of the character it came from.
    let mut folded: Vec<(char, usize)> = Vec::new();
    for (index, c) in text.chars().enumerate() {
        folded.extend(
            crate::engine::facets::fold(&c.to_string())
                .chars()
                .map(|folded| (folded, index)),
        );
    }
    let mut found = Vec::new();
    let mut at = 0;
    while at + wanted.len() <= folded.len() {
        if folded[at..at + wanted.len()]
            .iter()
            .map(|(c, _)| *c)
            .eq(wanted.iter().copied())
        {
            let start = folded[at].1;
            let end = folded[at + wanted.len() - 1].1 + 1;
            found.push(start..end);
            at += wanted.len();
        } else {
            at += 1;
        }
    }
    found
}

/// `line` with the characters in each range drawn in its style.
fn restyle(line: Line<'static>, ranges: &[(std::ops::Range<usize>, Style)]) -> Line<'static> {
    let mut spans = Vec::new();
    let mut at = 0;
    for span in line.spans {
        let mut piece = String::new();
        let mut piece_style = None;
        for c in span.content.chars() {
            let style = ranges
                .iter()
                .find(|(range, _)| range.contains(&at))
                .map_or(span.style, |(_, style)| span.style.patch(*style));
            if piece_style.is_some_and(|current| current != style) {
                spans.push(Span::styled(
                    std::mem::take(&mut piece),
                    piece_style.unwrap(),
                ));
            }
            piece_style = Some(style);
            piece.push(c);
            at += 1;
        }
        if let Some(style) = piece_style {
            spans.push(Span::styled(piece, style));
        }
    }
    Line::from(spans).style(line.style)
}

/// Marks the search's matches in `lines` (the current one apart) and returns where each
/// is, as the scroll offset that puts its wrapped line at the top at `width`.
fn mark_found(
    lines: &mut [Line<'static>],
    wanted: &str,
    current: usize,
    width: u16,
    palette: Palette,
) -> Vec<u16> {
    let mut rows = Vec::new();
    let mut row = 0usize;
    let wrapped = |line: Line<'static>| {
        Paragraph::new(line)
            .wrap(Wrap { trim: false })
            .line_count(width)
            .max(1)
    };
    for line in lines.iter_mut() {
        let content: String = line
            .spans
            .iter()
            .map(|span| span.content.as_ref())
            .collect();
        let found = occurrences(&content, wanted);
        let mut ranges = Vec::new();
        for range in found {
            let before: String = content.chars().take(range.start).collect();
            let within = if before.is_empty() {
                0
            } else {
                wrapped(Line::from(before)) - 1
            };
            let style = if rows.len() == current {
                palette
                    .selected()
                    .add_modifier(ratatui::style::Modifier::UNDERLINED)
            } else {
                palette.selected()
            };
            rows.push(u16::try_from(row + within).unwrap_or(u16::MAX));
            ranges.push((range, style));
        }
        if !ranges.is_empty() {
            *line = restyle(std::mem::take(line), &ranges);
        }
        row += wrapped(line.clone());
    }
    rows
}

/// Draws the detail, and returns how far it can scroll and where the search's matches
/// are (`None` when no action is shown).
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_, '_>,
    palette: Palette,
) -> Option<DetailDrawn> {
    let strings = app.lang.strings();
    let focused = app.focus == Pane::Detail && app.view == View::Browse;
    let Some(position) = app.detail_position() else {
        let widget = block(strings.detail.to_owned(), focused, palette);
        frame.render_widget(widget, area);
        return None;
    };
    let catalogue = app.engine.catalogue();
    let tables = &catalogue.tables;
    let action = catalogue.action_at(position);
    let mark = if app.is_marked(position) { "★ " } else { "" };
    let clean = |value: &str| text::sanitize(value).into_owned();
    // The interface's language decides the labels and the editors' names (countries,
    // places, compacts): those of the texts its readers read (the report's own for
    // French); the text language, toggled apart, decides the report's texts.
    let names = app.lang.texts();
    let texts = app.text_lang;
    let highlighter = &app.highlighter;

    let text_width = area.width.saturating_sub(2);
    let mut lines: Vec<Line<'_>> = Vec::new();
    // Two titles, the one in the text's language first; a title the report prints as its
    // translation reads (in English) has no other to show.
    let title_line = |language: TextLanguage, label: &str, style: Style| {
        let title = action.texts(language).title;
        let mut line = paragraphs(highlighter, title, language, style, palette)
            .into_iter()
            .next()
            .unwrap_or_default();
        line.spans.push(label_span(label, palette));
        line
    };
    let other = app.lang.beside(texts);
    if action.texts(texts).title == action.texts(other).title {
        lines.push(title_line(texts, strings.as_printed, palette.title()));
    } else {
        let label = |language| label_of(language, app.lang, strings);
        lines.push(title_line(texts, &label(texts), palette.title()));
        lines.push(title_line(other, &label(other), palette.normal()));
    }
    let language_name = |language: TextLanguage| strings.text_language_names[language.index()];
    let showing = if texts.is_source() {
        strings.showing_source.to_owned()
    } else {
        strings
            .showing_translation
            .replace("{language}", language_name(texts))
    };
    let other = strings
        .to_text
        .replace("{language}", language_name(app.next_text_lang()));
    // The key and what it shows held together, on the next line when they do not fit.
    lines.push(Line::from(vec![
        Span::styled(format!("{showing} · "), palette.dim()),
        Span::styled(other.replace(' ', "\u{a0}"), palette.label()),
    ]));
    lines.push(Line::default());
    let mut field = |label: &str, value: String| {
        lines.push(Line::from(vec![
            Span::styled(format!("{label}{}", strings.colon), palette.label()),
            Span::raw(value),
        ]));
    };
    let kind = strings.kind_labels[action.kind as usize];
    field(
        strings.submitter,
        format!("{} ({kind})", clean(super::submitter_name(app, &action))),
    );
    // Places and countries by the names the filters show.
    let places: Vec<&str> = action
        .places
        .iter()
        .map(|&place| tables.places[place as usize].name(names))
        .collect();
    if !places.is_empty() {
        field(strings.place, clean(&places.join(" – ")));
    }
    if let Some(country) = action.country {
        let country = &tables.countries[country as usize];
        let code = country
            .iso2
            .map(|code| format!(" ({code})"))
            .unwrap_or_default();
        field(
            strings.country,
            format!("{}{code}", clean(country.name(names))),
        );
    }
    let region = &tables.regions[action.region as usize];
    field(strings.region, region.name(names).to_owned());
    if let Some(mayor) = action.mayor {
        field(strings.mayor, clean(mayor));
    }
    field(strings.year, action.year.to_string());
    if let Some(duration) = &action.duration {
        let value = if !names.is_source() {
            period_in_words(duration, strings)
        } else {
            let end = match duration.end {
                End::Ongoing => strings.ongoing.to_owned(),
                End::At(end) => end.iso(),
            };
            format!(
                "{} ({} → {end})",
                clean(duration.printed),
                duration.start.iso()
            )
        };
        field(strings.duration, value);
    }
    if let Some(compact) = action.compact {
        // Read in the report's French, the type as printed; otherwise the compact's name
        // as the filters say it.
        let value = match action.compact_printed {
            Some(printed) if names.is_source() => clean(printed),
            _ => strings.compact_labels[compact as usize].to_owned(),
        };
        field(strings.commitment, value);
    }
    if action.gcf {
        field(strings.gcf, strings.gcf_yes.to_owned());
    }
    if !action.themes.is_empty() {
        let themes: Vec<&str> = action
            .themes
            .iter()
            .map(|&theme| strings.theme_labels[theme as usize])
            .collect();
        field(
            strings.themes,
            format!("{} [{}]", themes.join(", "), strings.editors),
        );
    }
    for &partner in &action.partners {
        let partner = catalogue.action_at(partner);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{}", strings.partners, strings.colon),
                palette.label(),
            ),
            Span::styled(
                format!(
                    "→ {} ({})",
                    partner.id,
                    clean(super::submitter_name(app, &partner))
                ),
                palette.highlight(),
            ),
            Span::styled("  [p]", palette.dim()),
        ]));
    }

    lines.push(Line::default());
    lines.push(Line::styled(strings.priorities, palette.title()));
    for &number in &action.priorities {
        let provenance = if action.priorities_stated.contains(&number) {
            strings.stated
        } else {
            strings.assigned
        };
        let Some(priority) = catalogue.priority(number) else {
            continue;
        };
        let name = priority.name(names);
        let numbered = format!(" {number}. ");
        let indent = text::width(&numbered);
        lines.extend(hanging(
            Line::from(vec![
                Span::styled(numbered, palette.label()),
                Span::raw(clean(name)),
                label_span(provenance, palette),
            ]),
            text_width,
            indent,
        ));
        let numbers = |items: &[u8]| {
            items
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let areas: Vec<&str> = priority
            .gcr_areas
            .iter()
            .map(|&area| gcr_area(strings, area))
            .collect();
        lines.extend(hanging(
            Line::styled(
                format!(
                    "    {} {} · {} {} · {} {}",
                    strings.gcm_objectives,
                    numbers(&priority.gcm_objectives),
                    strings.gcr_areas,
                    areas.join(", "),
                    strings.sdgs,
                    numbers(&priority.sdgs)
                ),
                palette.dim(),
            ),
            text_width,
            4,
        ));
    }

    // The texts in the chosen language, each labelled.
    let language = texts;
    let label = label_of(texts, app.lang, strings);
    let label = label.as_str();
    let shown = action.texts(language);
    // The summary is the editors' own (not a translation of the report's): beside the
    // report's French it is the interface's, so the description starts on the same line
    // in every text and switching keeps the reader's place.
    let summary_language = if shown.summary.is_some() {
        language
    } else {
        app.lang.beside(language)
    };
    lines.push(Line::default());
    lines.push(heading(
        strings.summary,
        &strings
            .summary_in
            .replace("{language}", language_name(summary_language)),
        palette,
    ));
    lines.extend(paragraphs(
        highlighter,
        action.texts(summary_language).summary.unwrap_or_default(),
        summary_language,
        palette.normal(),
        palette,
    ));
    lines.push(Line::default());
    lines.push(heading(strings.description, label, palette));
    lines.extend(paragraphs(
        highlighter,
        shown.description,
        language,
        palette.normal(),
        palette,
    ));
    if let (Some(quote), Some(author)) = (shown.quote, action.quote_author) {
        lines.push(Line::default());
        lines.push(heading(strings.quote, label, palette));
        let mut quoted = paragraphs(highlighter, quote, language, palette.normal(), palette);
        if let Some(first) = quoted.first_mut() {
            first.spans.insert(0, Span::raw("“"));
        }
        if let Some(last) = quoted.last_mut() {
            last.spans.push(Span::raw("”"));
        }
        lines.extend(quoted);
        lines.push(Line::styled(format!("— {}", clean(author)), palette.dim()));
    }
    if let Some(spotlight) = shown.spotlight {
        lines.push(Line::default());
        lines.push(heading(strings.spotlight, label, palette));
        lines.extend(paragraphs(
            highlighter,
            spotlight,
            language,
            palette.normal(),
            palette,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{}{}{} {}–{} · {}",
            strings.source,
            strings.colon,
            strings.lines,
            action.source_lines.0,
            action.source_lines.1,
            app.engine.catalogue().section_id(&action)
        ),
        palette.dim(),
    ));
    if !action.editor_notes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(strings.editor_notes, palette.title()));
        for note in &action.editor_notes {
            lines.extend(hanging(
                Line::styled(format!("· {}", clean(note)), palette.dim()),
                text_width,
                2,
            ));
        }
    }
    let find_rows = app
        .detail_find
        .as_ref()
        .map(|find| mark_found(&mut lines, &find.text, find.current, text_width, palette));
    // Scrolling stops at the last line; where the text runs on, the title says how far
    // it has been read ("40%"), as less does.
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner_height = usize::from(area.height.saturating_sub(2));
    let total = text.line_count(area.width.saturating_sub(2));
    let limit = u16::try_from(total.saturating_sub(inner_height)).unwrap_or(u16::MAX);
    let scroll = app.detail_scroll.min(limit);
    let title = if total > inner_height && total > 0 {
        let read = (usize::from(scroll) + inner_height).min(total);
        format!("{mark}{} ({}%)", action.id, read * 100 / total)
    } else {
        format!("{mark}{}", action.id)
    };
    let mut widget = block(title, focused, palette);
    if let (Some(find), Some(rows)) = (&app.detail_find, &find_rows) {
        // "/climat█" while typed; then "/climat 2/5", or that nothing matches.
        let said = if find.editing {
            format!("/{}█", text::sanitize(&find.text))
        } else if rows.is_empty() {
            format!("/{} — {}", text::sanitize(&find.text), strings.find_nothing)
        } else {
            format!(
                "/{} {}/{} · n/N",
                text::sanitize(&find.text),
                find.current + 1,
                rows.len()
            )
        };
        widget = widget.title_bottom(Line::styled(said, palette.label()));
    }
    let paragraph = text.block(widget).scroll((scroll, 0));
    frame.render_widget(paragraph, area);
    Some(DetailDrawn {
        scroll_limit: limit,
        find_rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_item_stays_under_its_text() {
        let label = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::styled(" 2. ", label),
            Span::raw("Minimise the drivers of forced displacement, including climate change"),
            Span::raw("  [stated\u{a0}by\u{a0}the\u{a0}report]"),
        ]);
        let wrapped = hanging(line.clone(), 30, 4);
        assert!(wrapped.len() > 2);
        for (row, wrapped_line) in wrapped.iter().enumerate() {
            let shown = wrapped_line.to_string();
            assert!(text::width(&shown) <= 30, "{shown:?}");
            if row > 0 {
                assert!(
                    shown.starts_with("    ") && !shown.starts_with("     "),
                    "{shown:?}"
                );
            }
        }
        // The words, in order, none lost; the label held together; the number's style kept.
        let words = |text: &str| {
            text.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let joined: String = wrapped.iter().map(|l| l.to_string() + " ").collect();
        assert_eq!(words(&joined), words(&line.to_string()));
        assert!(
            wrapped
                .last()
                .unwrap()
                .to_string()
                .ends_with("[stated\u{a0}by\u{a0}the\u{a0}report]")
        );
        assert_eq!(wrapped[0].spans[0].style, label);
        // A line that fits is left as it is.
        assert_eq!(hanging(line.clone(), 200, 4), vec![line]);
    }
}
