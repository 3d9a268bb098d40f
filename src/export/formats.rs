//! Output formats for lists of actions: a table fitted to the terminal, JSON, JSON Lines,
//! CSV (safe to open in a spreadsheet) and Markdown. Field names follow `ActionRecord`.

use std::io::Write;

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

use super::Output;
use super::citation::report_of;
use crate::catalogue::record::{ActionRecord, TRANSLATED_FIELDS, TRANSLATED_NAMES};
use crate::catalogue::{Action, Catalogue, MachineName, TextLanguage, YearMonth};
use crate::engine::Snippet;
use crate::i18n::{Lang, fill};
use crate::text;

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns, fitted to the terminal's width.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object a line.
    Jsonl,
    /// Comma-separated values; cells that a spreadsheet would run as a formula are neutralised.
    Csv,
    /// A Markdown handout in `--lang`: a table of the actions, then each one's labelled
    /// fields, texts and source.
    Markdown,
}

/// A search hit as JSON prints it: the action's record, its score and a snippet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HitRecord<'a> {
    #[serde(flatten)]
    pub record: ActionRecord<'a>,
    pub score: f32,
    /// The ranking's first keys (see the README): per query word, 4 as typed (or a French
    /// inflection), 3 through an English stem, 2 a typo correction or completion as typed
    /// (or a region's name), 1 through its stem, added up; per word 3 names/titles, 2
    /// summary, 1 descriptions; the pairs of neighbouring words held side by side.
    #[serde(default)]
    pub exactness: u16,
    #[serde(default)]
    pub proximity: u16,
    #[serde(default)]
    pub placement: u16,
    /// `most` (forgiving, the default) or `all` (every word, strictly).
    #[serde(default)]
    pub match_mode: String,
    /// The query's words that no listed action holds together with the others (dropped so
    /// that the list is not empty); empty when every word is held.
    #[serde(default)]
    pub dropped_words: Vec<String>,
    pub snippet: Option<SnippetRecord>,
}

/// What a search row adds to its action: how it ranked and how the list was chosen.
pub struct HitRank<'m> {
    pub hit: crate::engine::Hit,
    pub matching: &'m crate::engine::Matching,
}

/// A snippet with its highlighted ranges, in characters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnippetRecord {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

impl From<&Snippet> for SnippetRecord {
    fn from(snippet: &Snippet) -> SnippetRecord {
        SnippetRecord {
            text: snippet.text.clone(),
            highlights: snippet
                .char_ranges()
                .into_iter()
                .map(|range| [range.start, range.end])
                .collect(),
        }
    }
}

/// One row to print: an action, and for search hits its score and snippet.
pub struct Row<'a> {
    pub action: Action<'a>,
    pub score: Option<f32>,
    pub rank: Option<HitRank<'a>>,
    pub snippet: Option<Snippet>,
}

/// Prints rows in a format.
pub fn write_rows(
    catalogue: &Catalogue<'_>,
    rows: &[Row<'_>],
    format: Format,
    output: &mut Output,
) -> anyhow::Result<()> {
    match format {
        Format::Table => write_table(catalogue, rows, output),
        Format::Json => {
            // Built in memory, then written at once: the pretty printer makes many small
            // writes, cheap into a `Vec` and a call each through the boxed writer. The
            // whole catalogue's JSON is a few hundred KB.
            let mut json = if rows.iter().any(|row| row.score.is_some()) {
                let hits: Vec<HitRecord<'_>> = rows
                    .iter()
                    .map(|row| hit(catalogue, row, output.today))
                    .collect();
                serde_json::to_vec_pretty(&hits)?
            } else {
                let records: Vec<ActionRecord<'_>> = rows
                    .iter()
                    .map(|row| ActionRecord::new(catalogue, &row.action, output.today))
                    .collect();
                serde_json::to_vec_pretty(&records)?
            };
            json.push(b'\n');
            output.writer.write_all(&json)?;
            Ok(())
        }
        Format::Jsonl => {
            for row in rows {
                if row.score.is_some() {
                    serde_json::to_writer(&mut output.writer, &hit(catalogue, row, output.today))?;
                } else {
                    serde_json::to_writer(
                        &mut output.writer,
                        &ActionRecord::new(catalogue, &row.action, output.today),
                    )?;
                }
                writeln!(output.writer)?;
            }
            Ok(())
        }
        Format::Csv => write_csv(catalogue, rows, output),
        Format::Markdown => write_markdown(catalogue, rows, output),
    }
}

fn hit<'a>(catalogue: &Catalogue<'a>, row: &Row<'a>, today: YearMonth) -> HitRecord<'a> {
    HitRecord {
        record: ActionRecord::new(catalogue, &row.action, today),
        score: row.score.unwrap_or(0.0),
        exactness: row.rank.as_ref().map_or(0, |rank| rank.hit.exactness),
        proximity: row.rank.as_ref().map_or(0, |rank| rank.hit.proximity),
        placement: row.rank.as_ref().map_or(0, |rank| rank.hit.placement),
        match_mode: row
            .rank
            .as_ref()
            .map_or("", |rank| rank.matching.mode.key())
            .to_owned(),
        dropped_words: row
            .rank
            .as_ref()
            .map(|rank| rank.matching.dropped.clone())
            .unwrap_or_default(),
        snippet: row.snippet.as_ref().map(SnippetRecord::from),
    }
}

/// The CSV columns, in order: every field of an action's JSON record (`list`, `export`),
/// plus a search's score and snippet. Lists are joined by `;` (cities, priorities, partners, themes), editor notes one
/// a line; `source_lines` is `first-last`. New columns are added at the end.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "year",
    "submitter",
    "kind",
    "city",
    "country",
    "country_code",
    "region",
    "title",
    "title_en",
    "summary_en",
    "duration",
    "start",
    "end",
    "ongoing",
    "compact",
    "priorities",
    "priorities_stated",
    "gcf",
    "partners",
    "themes",
    "mayor",
    "description",
    "score",
    "snippet",
    "description_en",
    "spotlight_en",
    "quote_en",
    "section",
    "source_lines",
    "cities",
    "country_en",
    "compact_printed",
    "quote",
    "quote_author",
    "spotlight",
    "editor_notes",
    "status",
    "status_as_of",
];

/// The translated fields and names not among [`CSV_COLUMNS`] (the first CSV's `*_en`
/// texts and `country_en` are): `city_en`, `title_es`, …, `country_es`, at the end.
fn later_translation_columns() -> Vec<String> {
    TextLanguage::translations()
        .flat_map(|language| {
            TRANSLATED_FIELDS
                .iter()
                .chain(&TRANSLATED_NAMES)
                .map(move |field| format!("{field}_{}", language.code()))
        })
        .filter(|column| !CSV_COLUMNS.contains(&column.as_str()))
        .collect()
}

/// Every CSV column, in order: [`CSV_COLUMNS`], then the later languages' translations.
pub fn csv_columns() -> Vec<String> {
    CSV_COLUMNS
        .iter()
        .map(|column| (*column).to_owned())
        .chain(later_translation_columns())
        .collect()
}

/// A cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, carriage return first) is
/// prefixed with an apostrophe, the usual neutraliser.
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn write_csv(
    catalogue: &Catalogue<'_>,
    rows: &[Row<'_>],
    output: &mut Output,
) -> anyhow::Result<()> {
    if output.bom {
        output.writer.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::Writer::from_writer(&mut output.writer);
    writer.write_record(csv_columns())?;
    let join = |items: &[std::borrow::Cow<'_, str>]| items.join(";");
    let numbers = |items: &[u8]| {
        items
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(";")
    };
    for row in rows {
        let record = ActionRecord::new(catalogue, &row.action, output.today);
        let optional = |value: &Option<std::borrow::Cow<'_, str>>| {
            value.as_deref().unwrap_or_default().to_owned()
        };
        let cells: Vec<String> = vec![
            record.id.to_string(),
            record.year.to_string(),
            record.submitter.to_string(),
            record.kind.to_string(),
            optional(&record.city),
            optional(&record.country),
            optional(&record.country_code),
            record.region.to_string(),
            record.title.to_string(),
            record.translated("title_en").to_owned(),
            record.translated("summary_en").to_owned(),
            optional(&record.duration),
            optional(&record.start),
            optional(&record.end),
            record
                .ongoing
                .map(|ongoing| ongoing.to_string())
                .unwrap_or_default(),
            optional(&record.compact),
            numbers(&record.priorities),
            numbers(&record.priorities_stated),
            record.gcf.to_string(),
            join(&record.partners),
            join(&record.themes),
            optional(&record.mayor),
            record.description.to_string(),
            row.score.map(|score| score.to_string()).unwrap_or_default(),
            row.snippet
                .as_ref()
                .map(|snippet| snippet.text.clone())
                .unwrap_or_default(),
            record.translated("description_en").to_owned(),
            record.translated("spotlight_en").to_owned(),
            record.translated("quote_en").to_owned(),
            record.section.to_string(),
            format!("{}-{}", record.source_lines[0], record.source_lines[1]),
            join(&record.cities),
            record.translated("country_en").to_owned(),
            optional(&record.compact_printed),
            optional(&record.quote),
            optional(&record.quote_author),
            optional(&record.spotlight),
            // Notes may hold semicolons: one a line.
            record.editor_notes.join("\n"),
            record.status.to_string(),
            record.status_as_of.to_string(),
        ]
        .into_iter()
        .chain(
            later_translation_columns()
                .iter()
                .map(|column| record.translated(column).to_owned()),
        )
        .collect();
        writer.write_record(
            cells
                .iter()
                .map(|cell| neutralise_formula(cell).into_owned()),
        )?;
    }
    writer.flush()?;
    Ok(())
}

/// A Markdown table cell: one line, pipes escaped.
fn markdown_cell(text: &str) -> String {
    text::sanitize(text)
        .replace('\n', " ")
        .replace('|', "\\|")
        .trim()
        .to_owned()
}

/// A value inside a line of Markdown prose (a handout's field): one line, trimmed.
fn markdown_inline(text: &str) -> String {
    text::sanitize(text).replace('\n', " ").trim().to_owned()
}

/// A Markdown handout in the output's language (`--lang`, or the interface's for the
/// shortlist): a table of the actions, with two titles, the language's first; then each
/// action as a page to hand out: its heading, a short labelled list (id, submitter,
/// places, countries, year and printed duration, compact, priorities), its texts in that
/// language, each labelled (a translation: the editors' summary and translation; the
/// report's French: the description as printed), and the report and lines it is printed
/// at.
fn write_markdown(
    catalogue: &Catalogue<'_>,
    rows: &[Row<'_>],
    output: &mut Output,
) -> anyhow::Result<()> {
    let lang = output.lang;
    let strings = lang.strings();
    let words = &strings.handout;
    let texts = lang.texts();
    let other = lang.beside(texts);
    let title_label = |language: TextLanguage| {
        if language.is_source() {
            words.title_printed.to_owned()
        } else {
            fill(
                words.title_translated,
                "language",
                strings.text_language_names[language.index()],
            )
        }
    };
    writeln!(
        output.writer,
        "| {} | {} | {} |",
        words.headers.join(" | "),
        title_label(texts),
        title_label(other)
    )?;
    writeln!(output.writer, "|---|---|---|---|---|---|---|---|")?;
    for row in rows {
        let action = &row.action;
        // Countries, regions and compacts by their names in the language, as the
        // interface's filters say them.
        let cells = summary_cells(catalogue, action, texts);
        let compact = strings.compact_labels[action
            .compact
            .map_or(strings.compact_labels.len() - 1, |compact| compact as usize)];
        writeln!(
            output.writer,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
            cells.id,
            cells.year,
            markdown_cell(&cells.submitter),
            markdown_cell(&cells.country),
            markdown_cell(compact),
            cells.priorities,
            markdown_cell(action.texts(texts).title),
            markdown_cell(action.texts(other).title),
        )?;
    }
    writeln!(output.writer)?;
    // The reports the listed actions are printed in, as their covers print them.
    let mut cited: Vec<&crate::catalogue::Report<'_>> = Vec::new();
    for row in rows {
        if let Some(report) = report_of(catalogue, &row.action)
            && !cited.iter().any(|cited| cited.id == report.id)
        {
            cited.push(report);
        }
    }
    let citations: Vec<String> = cited
        .iter()
        .map(|report| format!("*{} — {}*", report.title, report.edition))
        .collect();
    writeln!(
        output.writer,
        "{} {}. {} {}{}{} sha256 {}.",
        rows.len(),
        if rows.len() == 1 {
            words.action
        } else {
            words.actions
        },
        words.source,
        citations.join(words.semicolon),
        words.semicolon,
        words.catalogue,
        crate::catalogue::embedded::short_fingerprint()
    )?;
    for row in rows {
        let action = &row.action;
        let shown = action.texts(texts);
        writeln!(output.writer)?;
        writeln!(
            output.writer,
            "## {}",
            text::sanitize(shown.title).replace('\n', " ")
        )?;
        writeln!(output.writer)?;
        for (label, value) in handout_fields(catalogue, action, lang) {
            writeln!(output.writer, "- {label}{}{value}", strings.colon)?;
        }
        if let Some(summary) = shown.summary {
            writeln!(output.writer)?;
            writeln!(output.writer, "{}", words.summary)?;
            writeln!(output.writer)?;
            writeln!(output.writer, "{}", markdown_paragraphs(summary))?;
        }
        writeln!(output.writer)?;
        if texts.is_source() {
            writeln!(output.writer, "{}", words.description_printed)?;
        } else {
            let language = strings.text_language_names[texts.index()];
            let label = fill(words.description_translated, "language", language);
            writeln!(output.writer, "{label}")?;
        }
        writeln!(output.writer)?;
        writeln!(output.writer, "{}", markdown_paragraphs(shown.description))?;
        writeln!(output.writer)?;
        let (first, last) = action.source_lines;
        let report = report_of(catalogue, action).map_or(String::new(), |report| {
            format!(
                " *{} — {}*,",
                markdown_inline(report.title),
                markdown_inline(report.edition)
            )
        });
        writeln!(
            output.writer,
            "{}{report} {} {first}–{last}.",
            words.source, words.lines
        )?;
    }
    Ok(())
}

/// A text's paragraphs as Markdown, one blank line apart, control characters
/// neutralised, without the report's dead links; never a line that reads as a row of a
/// table (a leading `|` is escaped).
fn markdown_paragraphs(body: &str) -> String {
    let paragraphs: Vec<String> = text::sanitize(body)
        .split('\n')
        .map(without_dead_links)
        .collect();
    paragraphs
        .iter()
        .map(|paragraph| paragraph.trim())
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| {
            if paragraph.starts_with('|') {
                format!("\\{paragraph}")
            } else {
                paragraph.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The most words a sentence that only points to a dead link has ("More information
/// [here](#).", "Plus d'informations [ici](#).", "Más información [aquí](#).").
const POINTER_WORDS: usize = 4;

/// `paragraph` without the report's dead links (`[here](#)`, the PDF's links lost in the
/// text): a short sentence that only points to one goes, a longer one keeps the link's
/// words as plain text.
fn without_dead_links(paragraph: &str) -> String {
    let mut kept = String::new();
    let mut rest = paragraph;
    while let Some(close) = rest.find("](#)") {
        let Some(open) = rest[..close].rfind('[') else {
            kept.push_str(&rest[..close + 4]);
            rest = &rest[close + 4..];
            continue;
        };
        let label = &rest[open + 1..close];
        let before = &rest[..open];
        // The sentence the link stands in: from the last sentence end before it.
        let sentence_start = before.rfind(['.', '!', '?', ':']).map_or(0, |end| end + 1);
        let sentence = format!("{}{label}", &before[sentence_start..]);
        let after = &rest[close + 4..];
        let ends_sentence = after.trim_start().is_empty() || after.starts_with(['.', '!']);
        if ends_sentence && sentence.split_whitespace().count() <= POINTER_WORDS {
            kept.push_str(before[..sentence_start].trim_end());
            rest = after.strip_prefix(['.', '!']).unwrap_or(after);
        } else {
            kept.push_str(before);
            kept.push_str(label);
            rest = after;
        }
    }
    kept.push_str(rest);
    kept
}

/// The short labelled list under an action's heading in a Markdown handout, in `lang`:
/// each label (in bold, with its note) and its value, on one line. The editors'
/// translations and assignments are labelled as theirs.
fn handout_fields(
    catalogue: &Catalogue<'_>,
    action: &Action<'_>,
    lang: Lang,
) -> Vec<(String, String)> {
    let tables = &catalogue.tables;
    let strings = lang.strings();
    let words = &strings.handout;
    let texts = lang.texts();
    let bold = |label: &str| format!("**{label}**");
    let counted =
        |(one, many): (&str, &str), count: usize| bold(if count == 1 { one } else { many });
    let mut fields = Vec::new();
    if action.title != action.texts(texts).title {
        fields.push((
            words.printed_title.to_owned(),
            markdown_inline(action.title),
        ));
    }
    fields.push((bold(words.id), format!("`{}`", action.id)));
    fields.push((
        bold(words.submitter),
        markdown_inline(tables.submitter_name(action, texts)),
    ));
    let places: Vec<&crate::catalogue::Place<'_>> = action
        .places
        .iter()
        .filter_map(|&place| tables.places.get(place as usize))
        .collect();
    if !places.is_empty() {
        let names: Vec<String> = places
            .iter()
            .map(|place| markdown_inline(place.name(texts)))
            .collect();
        fields.push((counted(words.place, names.len()), names.join(" – ")));
    }
    // Every place's country (Milan – Freetown: Italy – Sierra Leone); without places, the
    // action's own; without either, its region.
    let mut countries: Vec<crate::catalogue::Position> = Vec::new();
    for place in &places {
        if !countries.contains(&place.country) {
            countries.push(place.country);
        }
    }
    if countries.is_empty() {
        countries.extend(action.country);
    }
    let names: Vec<String> = countries
        .iter()
        .filter_map(|&country| tables.countries.get(country as usize))
        .map(|country| markdown_inline(country.name(texts)))
        .collect();
    if names.is_empty() {
        let region = &tables.regions[action.region as usize];
        fields.push((bold(words.region), markdown_inline(region.name(texts))));
    } else {
        fields.push((counted(words.country, names.len()), names.join(" – ")));
    }
    let mut year = action.year.to_string();
    if let Some(duration) = &action.duration {
        year.push_str(&format!(
            " · {}{}{}",
            words.duration_as_printed,
            strings.colon,
            markdown_inline(duration.printed)
        ));
    }
    fields.push((bold(words.year), year));
    let compact = strings.compact_labels[action
        .compact
        .map_or(strings.compact_labels.len() - 1, |compact| compact as usize)];
    fields.push((bold(words.compact), compact.to_owned()));
    let priorities: Vec<String> = action
        .priorities
        .iter()
        .map(|&number| {
            let name = catalogue
                .priority(number)
                .map_or("", |priority| priority.name(texts));
            let provenance = if action.priorities_stated.contains(&number) {
                strings.stated
            } else {
                strings.assigned
            };
            format!("{number}. {} ({provenance})", markdown_inline(name))
        })
        .collect();
    if !priorities.is_empty() {
        // The report names the priorities in French; other names are the editors'.
        let note = if texts.is_source() {
            ""
        } else {
            words.priority_names
        };
        fields.push((
            format!("{}{note}", bold(words.priorities)),
            priorities.join(words.semicolon),
        ));
    }
    fields
}

/// The short columns every summary shows.
struct SummaryCells {
    id: String,
    year: String,
    submitter: String,
    country: String,
    compact: String,
    priorities: String,
}

/// The short columns of `action`, its country (or, without one, its region) named in
/// `names`.
fn summary_cells(
    catalogue: &Catalogue<'_>,
    action: &Action<'_>,
    names: TextLanguage,
) -> SummaryCells {
    let tables = &catalogue.tables;
    let country = action
        .country
        .map(|country| tables.countries[country as usize].name(names))
        .unwrap_or_else(|| tables.regions[action.region as usize].name(names));
    SummaryCells {
        id: action.id.to_owned(),
        year: action.year.to_string(),
        submitter: tables.submitter_name(action, names).to_owned(),
        country: country.to_owned(),
        compact: action
            .compact
            .map_or("-", |compact| compact.machine_name())
            .to_owned(),
        priorities: action
            .priorities
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// Columns: id, year, submitter, country, compact, priorities, title (takes what is left).
fn write_table(
    catalogue: &Catalogue<'_>,
    rows: &[Row<'_>],
    output: &mut Output,
) -> anyhow::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    // Names and titles in the language's texts, as the interface shows them.
    let texts = output.lang.texts();
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|row| {
            let summary = summary_cells(catalogue, &row.action, texts);
            [
                summary.id,
                summary.year,
                summary.submitter,
                summary.country,
                summary.compact,
                summary.priorities,
                row.action.texts(texts).title.to_owned(),
            ]
        })
        .collect();
    let headers = output.lang.strings().table_headers;
    // Natural widths. Fitted to a width (a terminal's, or `COLUMNS`), the descriptive
    // columns are capped so that the title keeps room; ids are never cut, so any id printed
    // can be given to `show`. With no width, nothing is cut.
    let caps = if output.columns.is_some() {
        [usize::MAX, 4, 24, 16, 7, 10, usize::MAX]
    } else {
        [usize::MAX; 7]
    };
    // A column is never narrower than its header, in any language ("PRIORIDADES").
    let mut widths: Vec<usize> = headers.iter().map(|header| text::width(header)).collect();
    let caps: Vec<usize> = caps
        .iter()
        .zip(&widths)
        .map(|(&cap, &header)| cap.max(header))
        .collect();
    for row in &cells {
        for (column, cell) in row.iter().enumerate() {
            widths[column] = widths[column].max(text::width(cell)).min(caps[column]);
        }
    }
    if let Some(columns) = output.columns {
        let fixed: usize = widths[..6].iter().sum::<usize>() + 2 * 6;
        widths[6] = columns.saturating_sub(fixed).max(10);
    }
    let line = |cells: &[&str]| -> String {
        let mut line = String::new();
        for (column, cell) in cells.iter().enumerate() {
            let cell = text::sanitize(cell);
            if column == 6 && output.columns.is_none() {
                line.push_str(&cell.replace('\n', " "));
            } else {
                line.push_str(&text::fit(&cell, widths[column]));
            }
            if column < 6 {
                line.push_str("  ");
            }
        }
        line.trim_end().to_owned()
    };
    let header = line(&headers);
    if output.colour {
        writeln!(output.writer, "\x1b[1m{header}\x1b[0m")?;
    } else {
        writeln!(output.writer, "{header}")?;
    }
    for row in &cells {
        let row: Vec<&str> = row.iter().map(String::as_str).collect();
        writeln!(output.writer, "{}", line(&row))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn dead_links_leave_the_handout() {
        use super::without_dead_links;
        assert_eq!(
            without_dead_links("The park opens in 2024. More information [here](#)."),
            "The park opens in 2024."
        );
        assert_eq!(without_dead_links("Plus d'informations [ici](#)."), "");
        assert_eq!(
            without_dead_links("Read the [city's plan](#) before the forum."),
            "Read the city's plan before the forum."
        );
        assert_eq!(
            without_dead_links("A [link](https://example.org) stays."),
            "A [link](https://example.org) stays."
        );
        assert_eq!(without_dead_links("Odd ](#) text"), "Odd ](#) text");
    }

    use super::*;

    #[test]
    fn a_paragraph_never_reads_as_a_table_row() {
        assert_eq!(
            markdown_paragraphs("  First.\n\n| a | b |\n|---|---|\n"),
            "First.\n\n\\| a | b |\n\n\\|---|---|"
        );
        assert_eq!(markdown_paragraphs("a\u{1b}[2J b"), "a\u{FFFD}[2J b");
    }
}
