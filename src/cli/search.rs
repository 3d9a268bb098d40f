//! `localaction search [QUERY] [filters]`: ranked hits with snippets, in any output format.

use std::io::Write;

use clap::Args;

use super::Verdict;
use super::filters::FilterArgs;
use super::list::say_total;
use crate::engine::{Engine, MatchMode, Request, TextLanguage};
use crate::export::{Format, HitRank, Output, Row, write_rows};
use crate::i18n::{Lang, fill, fill_all};

/// Snippets in JSON and CSV are at most this many characters.
const SNIPPET_CHARS: usize = 160;

#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Words to find (French or English, accents optional), "a phrase", -excluded. With no
    /// query, every action matching the filters.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub matching: MatchArgs,
    /// At most this many results (the total is still counted).
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// How strictly the query's words must match.
#[derive(Debug, Clone, Args)]
pub struct MatchArgs {
    /// `most` (default): typos forgiven, and when no action holds every word, the actions
    /// holding most of them (the dropped words are named on stderr); `all`: only actions
    /// holding every word as typed (accents and endings aside), for counts to cite.
    #[arg(long = "match", value_enum, default_value_t = MatchArg::Most, value_name = "MODE")]
    pub mode: MatchArg,
    /// Match the words alone: not also the other terms of a concept of the editors'
    /// thesaurus that they name (by default "housing" also finds "logement", "vivienda",
    /// "accommodation"; stderr says what was added).
    #[arg(long)]
    pub no_synonyms: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatchArg {
    Most,
    All,
}

impl From<MatchArg> for MatchMode {
    fn from(mode: MatchArg) -> MatchMode {
        match mode {
            MatchArg::Most => MatchMode::Most,
            MatchArg::All => MatchMode::All,
        }
    }
}

/// A note names at most this many of the other terms a thesaurus concept added.
const NOTED_SYNONYMS: usize = 8;

/// Says on stderr, in `lang`, what the query was read as: ignored parts, dropped words,
/// corrections.
pub fn note_matching(outcome: &crate::engine::Outcome, lang: Lang) {
    let words = &lang.strings().cli_notes;
    let note = |text: String| super::say(&fill(words.note, "text", &text));
    for ignored in &outcome.parsed.ignored {
        note(fill(words.ignored, "what", &ignored.describe(lang)));
    }
    for read in &outcome.parsed.read {
        note(read.describe(lang));
    }
    let matching = &outcome.matching;
    for correction in &matching.corrections {
        note(fill(
            &fill(
                words.corrected,
                "typed",
                &quoted(std::slice::from_ref(&correction.typed), "", lang),
            ),
            "read_as",
            &quoted(&correction.read_as, words.or, lang),
        ));
    }
    for added in &matching.synonyms {
        note(fill_all(
            words.synonyms,
            &[
                ("typed", &added.typed),
                ("terms", &added.first_terms(NOTED_SYNONYMS)),
            ],
        ));
    }
    if !matching.dropped.is_empty() {
        note(fill(
            &fill(
                words.dropped,
                "dropped",
                &quoted(&matching.dropped, words.and, lang),
            ),
            "kept",
            &quoted(&matching.kept, " ", lang),
        ));
    }
}

/// Says on stderr, in `lang`, which actions hold some of the words, below a short list:
/// the interface lists them under the results; here they stay out of the output, which
/// holds what the count counts.
fn note_also(
    outcome: &crate::engine::Outcome,
    catalogue: &crate::catalogue::Catalogue<'_>,
    lang: Lang,
) {
    if outcome.also.is_empty() {
        return;
    }
    let words = &lang.strings().cli_notes;
    let actions: Vec<String> = outcome
        .also
        .iter()
        .map(|also| {
            fill_all(
                words.lacking,
                &[
                    ("id", catalogue.id_at(also.hit.position)),
                    ("words", &quoted(&also.lacking, words.and, lang)),
                ],
            )
        })
        .collect();
    super::say(&fill(
        words.note,
        "text",
        &fill(words.also, "actions", &actions.join(", ")),
    ));
}

/// `words` each in the language's quotation marks, joined by `separator`.
fn quoted(words: &[String], separator: &str, lang: Lang) -> String {
    let marks = &lang.strings().citation;
    words
        .iter()
        .map(|word| marks.quoted(word))
        .collect::<Vec<_>>()
        .join(separator)
}

pub fn run(engine: &Engine<'_>, args: &SearchArgs, output: &mut Output) -> anyhow::Result<Verdict> {
    let filters = args.filters.to_filters(engine.values(), output.lang)?;
    // The same text asks the same question as in the interface: a last word with no space
    // after it is also matched as a prefix.
    let outcome = engine.search(&Request {
        text: args.query.join(" "),
        filters,
        limit: args.limit,
        mode: args.matching.mode.into(),
        synonyms: !args.matching.no_synonyms,
    });
    note_matching(&outcome, output.lang);
    let catalogue = engine.catalogue();
    note_also(&outcome, catalogue, output.lang);
    // One highlighter for every hit: the query is analysed once.
    let mut highlighter = (args.format != Format::Table && args.format != Format::Markdown)
        .then(|| engine.highlighter(&outcome));
    let rows: Vec<Row<'_>> = outcome
        .hits
        .iter()
        .map(|hit| {
            let action = catalogue.action_at(hit.position);
            let snippet = highlighter.as_mut().map(|highlighter| {
                highlighter.snippet(
                    action.description,
                    TextLanguage::SOURCE,
                    Some(SNIPPET_CHARS),
                )
            });
            Row {
                action,
                score: Some(hit.score),
                rank: Some(HitRank {
                    hit: *hit,
                    matching: &outcome.matching,
                }),
                snippet,
            }
        })
        .collect();
    write_rows(catalogue, &rows, args.format, output)?;
    if args.format == Format::Table {
        if rows.len() < outcome.total {
            output.writer.flush()?;
            super::say(&fill_all(
                output.lang.strings().messages.shown_of_limit,
                &[
                    ("shown", &rows.len().to_string()),
                    ("all", &outcome.total.to_string()),
                ],
            ));
        } else {
            say_total(output, outcome.total, catalogue.len())?;
        }
    }
    Ok(if outcome.total == 0 {
        Verdict::NothingFound
    } else {
        Verdict::Found
    })
}
