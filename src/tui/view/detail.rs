//! The detail pane: the whole action, the description with the query's matches
//! highlighted, translations labelled as such, each priority with its compact objectives and
//! whether the report states it, and the joint commitment to follow.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, highlighted};
use crate::catalogue::{End, MachineName};
use crate::engine::TextLanguage;
use crate::text;
use crate::tui::app::{App, Pane, View};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, theme: Theme) {
    let strings = app.lang.strings();
    let focused = app.focus == Pane::Detail && app.view == View::Browse;
    let Some(position) = app.detail_position() else {
        let widget = block(strings.detail.to_owned(), focused, theme);
        frame.render_widget(widget, area);
        return;
    };
    let catalogue = app.engine.catalogue();
    let tables = &catalogue.tables;
    let action = catalogue.action_at(position);
    let mark = if app.is_marked(position) { "★ " } else { "" };
    let widget = block(format!("{mark}{}", action.id), focused, theme);
    let clean = |value: &str| text::sanitize(value).into_owned();

    let mut lines: Vec<Line<'_>> = Vec::new();
    lines.push(Line::styled(clean(action.title), theme.title()));
    lines.push(Line::from(vec![
        Span::styled(clean(action.title_en), theme.normal()),
        Span::styled(format!("  [{}]", strings.translation), theme.dim()),
    ]));
    lines.push(Line::default());
    let mut field = |label: &str, value: String| {
        lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), theme.label()),
            Span::raw(value),
        ]));
    };
    let kind = strings.kind_labels[action.kind as usize];
    field(
        strings.submitter,
        format!("{} ({kind})", clean(action.submitter)),
    );
    let places: Vec<&str> = action
        .places
        .iter()
        .map(|&place| tables.places[place as usize].name)
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
        field(strings.country, format!("{}{code}", clean(country.name_fr)));
    }
    let region = &tables.regions[action.region as usize];
    field(
        strings.region,
        match app.lang {
            crate::i18n::Lang::En => region.name_en,
            crate::i18n::Lang::Fr => region.name_fr,
        }
        .to_owned(),
    );
    if let Some(mayor) = action.mayor {
        field(strings.mayor, clean(mayor));
    }
    field(strings.year, action.year.to_string());
    if let Some(duration) = &action.duration {
        let end = match duration.end {
            End::Ongoing => strings.ongoing.to_owned(),
            End::At(end) => end.iso(),
        };
        field(
            strings.duration,
            format!(
                "{} ({} → {end})",
                clean(duration.printed),
                duration.start.iso()
            ),
        );
    }
    if let (Some(printed), Some(compact)) = (action.compact_printed, action.compact) {
        field(
            strings.commitment,
            format!("{} ({})", clean(printed), compact.machine_name()),
        );
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
            Span::styled(format!("{}: ", strings.partners), theme.label()),
            Span::styled(
                format!("→ {} ({})", partner.id, clean(partner.submitter)),
                theme.highlight(),
            ),
            Span::styled("  [p]", theme.dim()),
        ]));
    }

    lines.push(Line::default());
    lines.push(Line::styled(strings.priorities, theme.title()));
    for &number in &action.priorities {
        let provenance = if action.priorities_stated.contains(&number) {
            strings.stated
        } else {
            strings.assigned
        };
        let Some(priority) = catalogue.priority(number) else {
            continue;
        };
        let name = match app.lang {
            crate::i18n::Lang::En => priority.name_en,
            crate::i18n::Lang::Fr => priority.name_fr,
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {number}. "), theme.label()),
            Span::raw(clean(name)),
            Span::styled(format!("  [{provenance}]"), theme.dim()),
        ]));
        let numbers = |items: &[u8]| {
            items
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        lines.push(Line::styled(
            format!(
                "    {} {} · {} {} · {} {}",
                strings.gcm_objectives,
                numbers(&priority.gcm_objectives),
                strings.gcr_areas,
                priority.gcr_areas.join(", "),
                strings.sdgs,
                numbers(&priority.sdgs)
            ),
            theme.dim(),
        ));
    }

    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(strings.summary, theme.title()),
        Span::styled(format!("  [{}]", strings.translation), theme.dim()),
    ]));
    lines.push(Line::raw(clean(action.summary_en)));
    lines.push(Line::default());
    lines.push(Line::styled(strings.description, theme.title()));
    let mut highlighter = app.highlighter.borrow_mut();
    let snippet = highlighter.snippet(
        &text::sanitize(action.description),
        TextLanguage::French,
        None,
    );
    drop(highlighter);
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
            highlighted(paragraph, &ranges, theme.normal(), theme)
                .into_iter()
                .map(|span| Span::styled(span.content.into_owned(), span.style))
                .collect::<Vec<_>>(),
        ));
    }
    if let (Some(quote), Some(author)) = (action.quote, action.quote_author) {
        lines.push(Line::default());
        lines.push(Line::styled(strings.quote, theme.title()));
        lines.push(Line::raw(format!("“{}”", clean(quote))));
        lines.push(Line::styled(format!("— {}", clean(author)), theme.dim()));
    }
    if let Some(spotlight) = action.spotlight {
        lines.push(Line::default());
        lines.push(Line::styled(strings.spotlight, theme.title()));
        lines.push(Line::raw(clean(spotlight)));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{}: {} {}–{} · {}",
            strings.source,
            strings.lines,
            action.source_lines.0,
            action.source_lines.1,
            action.section.machine_name()
        ),
        theme.dim(),
    ));
    if !action.editor_notes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(strings.editor_notes, theme.title()));
        for note in &action.editor_notes {
            lines.push(Line::styled(format!("· {}", clean(note)), theme.dim()));
        }
    }
    let paragraph = Paragraph::new(lines)
        .block(widget)
        .wrap(Wrap { trim: false })
        .scroll((app.detail_scroll, 0));
    frame.render_widget(paragraph, area);
}
