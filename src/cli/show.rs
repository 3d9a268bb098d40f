//! `localaction show ID`: one action with every field, as readable text or as JSON, or the
//! one line that cites it. The text gives each of the report's French texts and the
//! editors' English translation of it, each labelled.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::Verdict;
use crate::catalogue::record::ActionRecord;
use crate::catalogue::{Action, Catalogue, End, MachineName, TextLanguage, Texts};
use crate::engine::Engine;
use crate::export::Output;
use crate::i18n::{Lang, fill, fill_all};
use crate::text;

#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The action's id (as `list` prints it).
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

/// Text, JSON or a citation, for one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Labelled fields and the whole description, wrapped to the terminal.
    Text,
    /// One JSON object.
    Json,
    /// One line citing the action and its source, in `--lang`.
    Citation,
}

/// Where the values start: the labels' column.
const LABEL_COLUMNS: usize = 20;

pub fn run(engine: &Engine<'_>, args: &ShowArgs, output: &mut Output) -> anyhow::Result<Verdict> {
    let catalogue = engine.catalogue();
    let action = &find(catalogue, &args.id, output.lang)?;
    match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(
                &mut output.writer,
                &ActionRecord::new(catalogue, action, engine.today()),
            )?;
            writeln!(output.writer)?;
        }
        ShowFormat::Citation => {
            let line = crate::export::citation(catalogue, action, output.lang);
            writeln!(output.writer, "{line}")?;
        }
        ShowFormat::Text => {
            let columns = output.columns.unwrap_or(100).clamp(20, 100);
            output
                .writer
                .write_all(render_text(catalogue, action, columns, output.lang).as_bytes())?;
        }
    }
    Ok(Verdict::Found)
}

/// The action with `id`, or an error that suggests the closest ids.
pub fn find<'a>(catalogue: &Catalogue<'a>, id: &str, lang: Lang) -> anyhow::Result<Action<'a>> {
    if let Some(action) = catalogue.action(id) {
        return Ok(action);
    }
    let wanted = id.to_lowercase();
    let compared = localaction_data::text::compared_part(&wanted);
    let suggestions = localaction_data::text::closest(
        catalogue.ids().iter().map(|&candidate| {
            let distance = if candidate.contains(compared) {
                0
            } else {
                localaction_data::text::edit_distance(compared, candidate)
            };
            (distance, candidate)
        }),
        compared.len() / 2,
    );
    let shown_id = text::echoed(id);
    let words = &lang.strings().messages;
    if suggestions.is_empty() {
        anyhow::bail!(fill_all(words.no_such_id, &[("id", &shown_id)]))
    }
    anyhow::bail!(fill_all(
        words.no_such_id_closest,
        &[("id", &shown_id), ("ids", &suggestions.join(", "))]
    ))
}

/// Every field, labelled in `lang`; long texts wrapped to `columns`.
pub fn render_text(
    catalogue: &Catalogue<'_>,
    action: &Action<'_>,
    columns: usize,
    lang: Lang,
) -> String {
    let strings = lang.strings();
    let names = lang.texts();
    let mut out = String::new();
    let mut field = |label: &str, value: &str| {
        // Values line up after the labels' column; a longer label has a line of its own.
        let label_width = text::width(label);
        if label_width < LABEL_COLUMNS {
            out.push_str(label);
            out.push_str(&" ".repeat(LABEL_COLUMNS - label_width));
        } else {
            out.push_str(label);
            out.push('\n');
            out.push_str(&" ".repeat(LABEL_COLUMNS));
        }
        out.push_str(&text::sanitize(value));
        out.push('\n');
    };
    field(strings.handout.id, action.id);
    field(strings.handout.title_printed, action.title);
    for language in TextLanguage::translations() {
        field(
            &fill(
                strings.handout.title_translated,
                "language",
                strings.text_language_names[language.index()],
            ),
            action.texts(language).title,
        );
    }
    let kind = strings.kind_labels[action.kind as usize];
    field(strings.submitter, &format!("{} ({kind})", action.submitter));
    // The report's name, then each translation's where it differs ("Athènes / Athens /
    // Atenas").
    let all_names = |names: &[&str]| {
        let mut distinct: Vec<&str> = Vec::new();
        for &name in names {
            if !distinct.contains(&name) {
                distinct.push(name);
            }
        }
        distinct.join(" / ")
    };
    let places: Vec<String> = action
        .places
        .iter()
        .map(|&place| all_names(&catalogue.tables.places[place as usize].names))
        .collect();
    if !places.is_empty() {
        field(strings.place, &places.join(" – "));
    }
    if let Some(country) = action.country {
        let country = &catalogue.tables.countries[country as usize];
        let code = country
            .iso2
            .map(|code| format!(" ({code})"))
            .unwrap_or_default();
        field(
            strings.country,
            &format!("{}{code}", all_names(&country.names)),
        );
    }
    let region = &catalogue.tables.regions[action.region as usize];
    field(
        strings.region,
        &format!("{}  [{}]", region.name(names), strings.editors),
    );
    if let Some(mayor) = action.mayor {
        field(strings.mayor, mayor);
    }
    field(strings.year, &action.year.to_string());
    if let Some(duration) = &action.duration {
        let end = match duration.end {
            End::Ongoing => strings.ongoing.to_owned(),
            End::At(end) => end.iso(),
        };
        field(
            strings.duration,
            &format!("{}  ({} → {end})", duration.printed, duration.start.iso()),
        );
    }
    if let (Some(printed), Some(compact)) = (action.compact_printed, action.compact) {
        field(
            strings.commitment,
            &format!("{printed} ({})", compact.machine_name()),
        );
    }
    for (at, &number) in action.priorities.iter().enumerate() {
        let provenance = if action.priorities_stated.contains(&number) {
            strings.stated
        } else {
            strings.assigned
        };
        let name = catalogue
            .priority(number)
            .map_or("", |priority| priority.name(names));
        // The label once, before the first.
        let label = if at == 0 { strings.priorities } else { "" };
        field(label, &format!("{number}. {name}  [{provenance}]"));
    }
    if action.gcf {
        field(strings.gcf, strings.gcf_yes);
    }
    if !action.themes.is_empty() {
        let themes: Vec<&str> = action
            .themes
            .iter()
            .map(|&theme| strings.theme_labels[theme as usize])
            .collect();
        field(
            strings.themes,
            &format!("{}  [{}]", themes.join(", "), strings.editors),
        );
    }
    for &partner in &action.partners {
        let partner = catalogue.action_at(partner);
        field(
            strings.partners,
            &format!("{} ({})", partner.id, partner.submitter),
        );
    }
    field(
        strings.source,
        &format!(
            "{} {}–{} ({})",
            strings.lines,
            action.source_lines.0,
            action.source_lines.1,
            catalogue.section_id(action)
        ),
    );

    let mut block = |heading: &str, body: &str| {
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        out.push_str(&text::wrap(&text::sanitize(body), columns, "  "));
        out.push('\n');
    };
    // Each text in every language, the report's French first, each saying which.
    let which = |texts: &Texts<'_>| {
        if texts.language.is_source() {
            format!("({})", strings.french_as_printed)
        } else {
            let name = strings.text_language_names[texts.language.index()];
            format!("({name}, {})", strings.translation)
        }
    };
    for texts in action.all_texts() {
        if let Some(summary) = texts.summary {
            let language = strings.text_language_names[texts.language.index()];
            block(
                &format!(
                    "{} ({})",
                    strings.summary,
                    fill(strings.summary_in, "language", language)
                ),
                summary,
            );
        }
    }
    for texts in action.all_texts() {
        block(
            &format!("{} {}", strings.description, which(&texts)),
            texts.description,
        );
    }
    for texts in action.all_texts() {
        if let (Some(quote), Some(author)) = (texts.quote, action.quote_author) {
            block(
                &format!("{} {}", strings.quote, which(&texts)),
                &format!("“{quote}”\n— {author}"),
            );
        }
    }
    for texts in action.all_texts() {
        if let Some(spotlight) = texts.spotlight {
            block(
                &format!("{} {}", strings.spotlight, which(&texts)),
                spotlight,
            );
        }
    }
    if !action.editor_notes.is_empty() {
        block(strings.editor_notes, &action.editor_notes.join("\n"));
    }
    out
}
