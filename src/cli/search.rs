//! `localaction search [QUERY] [filters]`: ranked hits with snippets, in any output format.

use std::io::Write;

use clap::Args;

use super::Verdict;
use super::filters::FilterArgs;
use super::list::say_total;
use crate::engine::{Engine, MatchMode, Request, TextLanguage};
use crate::export::{Format, HitRank, Output, Row, write_rows};

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

/// Says on stderr what the query was read as: ignored parts, dropped words, corrections.
pub fn note_matching(outcome: &crate::engine::Outcome) {
    for ignored in &outcome.parsed.ignored {
        // Messages stay in English, whatever --lang says.
        let ignored = ignored.describe(crate::i18n::Lang::EN);
        super::say(&format!("localaction: note: ignored {ignored}"));
    }
    for read in &outcome.parsed.read {
        let read = read.describe(crate::i18n::Lang::EN);
        super::say(&format!("localaction: note: {read}"));
    }
    let matching = &outcome.matching;
    for correction in &matching.corrections {
        super::say(&format!(
            "localaction: note: no action has \"{}\"; showing results for {}",
            correction.typed,
            correction
                .read_as
                .iter()
                .map(|word| format!("\"{word}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    if !matching.dropped.is_empty() {
        super::say(&format!(
            "localaction: note: no action mentions {} together with the other words; showing actions with {}",
            quoted(&matching.dropped, " and "),
            quoted(&matching.kept, " ")
        ));
    }
}

fn quoted(words: &[String], separator: &str) -> String {
    words
        .iter()
        .map(|word| format!("\"{word}\""))
        .collect::<Vec<_>>()
        .join(separator)
}

pub fn run(engine: &Engine<'_>, args: &SearchArgs, output: &mut Output) -> anyhow::Result<Verdict> {
    let filters = args.filters.to_filters(engine.values())?;
    // The same text asks the same question as in the interface: a last word with no space
    // after it is also matched as a prefix.
    let outcome = engine.search(&Request {
        text: args.query.join(" "),
        filters,
        limit: args.limit,
        mode: args.matching.mode.into(),
    });
    note_matching(&outcome);
    let catalogue = engine.catalogue();
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
            super::say(&format!(
                "{} of {} matching actions shown (--limit)",
                rows.len(),
                outcome.total
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
