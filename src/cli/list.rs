//! `localaction list` and `localaction export`: every action matching the filters, in
//! catalogue order (year, then submitter), as a table or full records.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::Verdict;
use super::filters::FilterArgs;
use crate::engine::{Engine, Request};
use crate::export::{self, Format, Output, Row, write_rows};
use crate::i18n::{Lang, fill, fill_all};

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

impl Default for ListArgs {
    fn default() -> Self {
        ListArgs {
            filters: FilterArgs::default(),
            format: Format::Table,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to this file instead of standard output (`-` is standard output). A new file
    /// is created atomically; an existing one is kept unless --force.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the --output file if it exists (a regular file that can be written; its
    /// permissions are kept). Folders, links, devices and FIFOs are never written over.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The matching actions, in catalogue order.
fn matching<'c>(
    engine: &Engine<'c>,
    filters: &FilterArgs,
    lang: Lang,
) -> anyhow::Result<Vec<Row<'c>>> {
    let filters = filters.to_filters(engine.values(), lang)?;
    let outcome = engine.search(&Request {
        filters,
        ..Request::default()
    });
    let mut positions: Vec<u32> = outcome.hits.iter().map(|hit| hit.position).collect();
    positions.sort_unstable();
    Ok(positions
        .into_iter()
        .map(|position| Row {
            action: engine.catalogue().action_at(position),
            score: None,
            rank: None,
            snippet: None,
        })
        .collect())
}

pub fn run_list(
    engine: &Engine<'_>,
    args: &ListArgs,
    output: &mut Output,
) -> anyhow::Result<Verdict> {
    let rows = matching(engine, &args.filters, output.lang)?;
    write_rows(engine.catalogue(), &rows, args.format, output)?;
    if args.format == Format::Table {
        say_total(output, rows.len(), engine.catalogue().len())?;
    }
    Ok(if rows.is_empty() {
        Verdict::NothingFound
    } else {
        Verdict::Found
    })
}

pub fn run_export(
    engine: &Engine<'_>,
    args: &ExportArgs,
    output: &mut Output,
) -> anyhow::Result<Verdict> {
    let rows = matching(engine, &args.filters, output.lang)?;
    match &args.output {
        None => write_rows(engine.catalogue(), &rows, args.format, output)?,
        Some(path) => {
            let written = export::write_to(path, output.lang, args.force, |file| {
                file.bom = output.bom;
                write_rows(engine.catalogue(), &rows, args.format, file)
            })?;
            if written != export::file::Target::Stream {
                let strings = output.lang.strings();
                super::say(&fill_all(
                    strings.messages.wrote,
                    &[
                        ("actions", &strings.count_actions(rows.len())),
                        ("path", &path.display().to_string()),
                    ],
                ));
            }
        }
    }
    Ok(if rows.is_empty() {
        Verdict::NothingFound
    } else {
        Verdict::Found
    })
}

/// Says under a table, on standard error, in the output's language, how many actions it
/// holds ("77 actions", "12 of 77 actions", "No action matches (of 77)."): standard output carries the rows alone, so a
/// script reading a piped table never takes the count for a row. The rows are flushed
/// first, so that on a terminal the count still comes under them.
pub fn say_total(output: &mut Output, shown: usize, all: usize) -> anyhow::Result<()> {
    output.writer.flush()?;
    let strings = output.lang.strings();
    let all_text = all.to_string();
    super::say(&if shown == 0 {
        fill(strings.total_none, "all", &all_text)
    } else if shown == all {
        strings.count_actions(shown)
    } else {
        fill(
            &fill(strings.total_some, "shown", &shown.to_string()),
            "all",
            &all_text,
        )
    });
    Ok(())
}
