//! `localaction search [QUERY] [filters]`: ranked hits with snippets, in any output format.

use std::io::Write;

use clap::Args;

use super::filters::FilterArgs;
use super::list::writeln_total;
use super::output::{Format, Row, write_rows};
use super::{Outcome, Output};
use crate::engine::{Engine, Request};

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
    /// At most this many results (the total is still counted).
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn run(engine: &Engine<'_>, args: &SearchArgs, output: &mut Output) -> anyhow::Result<Outcome> {
    let filters = args.filters.to_filters(engine.values())?;
    let mut text = args.query.join(" ");
    // A query from the command line is complete: its last word is not being typed.
    text.push(' ');
    let outcome = engine.search(&Request {
        text,
        filters,
        limit: args.limit,
    });
    for ignored in &outcome.parsed.ignored {
        eprintln!("localaction: note: ignored {ignored}");
    }
    let catalogue = engine.catalogue();
    // One highlighter for every hit: the query is analysed once.
    let mut highlighter = (args.format != Format::Table && args.format != Format::Markdown)
        .then(|| engine.highlighter(&outcome.parsed));
    let rows: Vec<Row<'_>> = outcome
        .hits
        .iter()
        .map(|hit| {
            let action = catalogue.action_at(hit.position);
            let snippet = highlighter.as_mut().map(|highlighter| {
                highlighter.description_snippet(
                    hit.position,
                    action.description,
                    Some(SNIPPET_CHARS),
                )
            });
            Row {
                action,
                score: Some(hit.score),
                snippet,
            }
        })
        .collect();
    write_rows(catalogue, &rows, args.format, output)?;
    if args.format == Format::Table {
        if rows.len() < outcome.total {
            writeln!(
                output.writer,
                "{} of {} matching actions shown (--limit)",
                rows.len(),
                outcome.total
            )?;
        } else {
            writeln_total(output, outcome.total, catalogue.len())?;
        }
    }
    Ok(if outcome.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
