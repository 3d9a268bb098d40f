//! `localaction list`: every action, as a table fitted to the terminal or as a JSON array.

use std::io::Write;

use clap::Args;

use super::{ListFormat, Output};
use crate::catalogue::record::ActionRecord;
use crate::catalogue::{Action, Catalogue, MachineName};
use crate::text;

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Only the actions of this collection (2022 or 2023).
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

impl Default for ListArgs {
    fn default() -> Self {
        ListArgs {
            year: None,
            format: ListFormat::Table,
        }
    }
}

pub fn run<W: Write>(
    catalogue: &Catalogue<'_>,
    args: &ListArgs,
    output: &mut Output<W>,
) -> anyhow::Result<()> {
    if let Some(year) = args.year {
        let years: std::collections::BTreeSet<u16> =
            catalogue.actions().map(|action| action.year).collect();
        if !years.contains(&year) {
            let known: Vec<String> = years.iter().map(u16::to_string).collect();
            anyhow::bail!(
                "--year {year}: the catalogue has no actions of {year} (years: {})",
                known.join(", ")
            );
        }
    }
    let actions: Vec<Action<'_>> = catalogue
        .actions()
        .filter(|action| args.year.is_none_or(|year| action.year == year))
        .collect();
    match args.format {
        ListFormat::Json => {
            let records: Vec<ActionRecord<'_>> = actions
                .iter()
                .map(|action| ActionRecord::new(catalogue, action))
                .collect();
            serde_json::to_writer_pretty(&mut output.writer, &records)?;
            writeln!(output.writer)?;
        }
        ListFormat::Table => write_table(catalogue, &actions, output)?,
    }
    Ok(())
}

/// Columns: id, year, submitter, country, compact, priorities, title (takes what is left).
fn write_table<W: Write>(
    catalogue: &Catalogue<'_>,
    actions: &[Action<'_>],
    output: &mut Output<W>,
) -> anyhow::Result<()> {
    let rows: Vec<[String; 7]> = actions
        .iter()
        .map(|action| {
            let country = action
                .country
                .map(|country| catalogue.tables.countries[country as usize].name_fr)
                .unwrap_or_else(|| catalogue.tables.regions[action.region as usize].name_fr);
            let priorities: Vec<String> = action.priorities.iter().map(u8::to_string).collect();
            [
                action.id.to_owned(),
                action.year.to_string(),
                action.submitter.to_owned(),
                country.to_owned(),
                action
                    .compact
                    .map_or("-", |compact| compact.machine_name())
                    .to_owned(),
                priorities.join(","),
                action.title.to_owned(),
            ]
        })
        .collect();
    let headers = [
        "ID",
        "YEAR",
        "SUBMITTER",
        "COUNTRY",
        "COMPACT",
        "PRIORITIES",
        "TITLE",
    ];
    // Natural widths, capped so that the title keeps room on an 80-column terminal.
    let caps = [44, 4, 24, 16, 7, 10, usize::MAX];
    let mut widths: Vec<usize> = headers.iter().map(|header| text::width(header)).collect();
    for row in &rows {
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
    writeln!(output.writer, "{}", line(&headers))?;
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        writeln!(output.writer, "{}", line(&cells))?;
    }
    writeln!(output.writer, "{} actions", rows.len())?;
    Ok(())
}
