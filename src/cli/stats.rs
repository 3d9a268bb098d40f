//! `localaction stats [QUERY] [filters]`: how many actions each value of each dimension
//! gives, with the query and the other filters applied — the counts an interface shows
//! next to each choice.

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::Verdict;
use super::filters::FilterArgs;
use crate::engine::{Engine, FACETS, Request, ValueOrder};
use crate::export::Output;
use crate::i18n::fill;
use crate::text;

#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// Count only the actions matching these words.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub matching: super::search::MatchArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Also list values with no action.
    #[arg(long)]
    pub all: bool,
}

/// Table or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
}

/// `stats --format json`.
#[derive(Debug, Serialize)]
pub struct StatsRecord<'a> {
    /// Actions matching the query and every filter.
    pub total: usize,
    /// Actions in the catalogue.
    pub catalogue: usize,
    pub query: String,
    /// `most` (forgiving, the default) or `all` (every word, strictly).
    pub match_mode: &'static str,
    /// The query's words no counted action holds together with the others (dropped so
    /// that the count is not zero); empty when every word is held.
    pub dropped_words: Vec<String>,
    /// Per dimension of the facet table (`priority`, `compact`, `theme`, `region`,
    /// `country`, `city`, `year`, `gcf`, `kind`, `status`): each value with its label (in
    /// `--lang`) and its count under the query and the other filters.
    pub counts: Vec<DimensionCounts>,
    /// The reports' own published figures, as printed (`report`, `dimension`, `key`,
    /// `year`, `value`, `printed`, `source_line`).
    pub report_figures: Vec<crate::catalogue::Figure<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DimensionCounts {
    pub dimension: &'static str,
    pub values: Vec<ValueCount>,
}

#[derive(Debug, Serialize)]
pub struct ValueCount {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

pub fn run(engine: &Engine<'_>, args: &StatsArgs, output: &mut Output) -> anyhow::Result<Verdict> {
    let filters = args.filters.to_filters(engine.values(), output.lang)?;
    let outcome = engine.search(&Request {
        text: args.query.join(" "),
        filters: filters.clone(),
        limit: Some(0),
        mode: args.matching.mode.into(),
        synonyms: !args.matching.no_synonyms,
    });
    super::search::note_matching(&outcome, output.lang);
    let counts: Vec<DimensionCounts> = FACETS
        .iter()
        .map(|facet| {
            let dimension = facet.dimension;
            let mut values: Vec<ValueCount> = engine
                .values()
                .of(dimension)
                .iter()
                .zip(outcome.counts.of(dimension))
                .enumerate()
                .filter(|(_, (_, count))| args.all || **count > 0)
                .map(|(slot, (value, &count))| ValueCount {
                    key: value.key.clone(),
                    label: value.label(output.lang).to_owned(),
                    count,
                    selected: filters.is_selected(dimension, slot),
                })
                .collect();
            if facet.order == ValueOrder::Names {
                values.sort_by(|left, right| {
                    right.count.cmp(&left.count).then(left.key.cmp(&right.key))
                });
            }
            DimensionCounts {
                dimension: facet.key,
                values,
            }
        })
        .collect();
    let record = StatsRecord {
        total: outcome.total,
        catalogue: engine.catalogue().len(),
        query: args.query.join(" "),
        match_mode: outcome.matching.mode.key(),
        dropped_words: outcome.matching.dropped.clone(),
        counts,
        report_figures: engine.catalogue().tables.figures.clone(),
    };
    match args.format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut output.writer, &record)?;
            writeln!(output.writer)?;
        }
        StatsFormat::Table => write_table(&record, output)?,
    }
    Ok(if record.total == 0 {
        Verdict::NothingFound
    } else {
        Verdict::Found
    })
}

fn write_table(record: &StatsRecord<'_>, output: &mut Output) -> anyhow::Result<()> {
    let strings = output.lang.strings();
    let total = fill(
        &fill(strings.stats_total, "shown", &record.total.to_string()),
        "all",
        &record.catalogue.to_string(),
    );
    writeln!(output.writer, "{total}")?;
    let label_width = output.columns.unwrap_or(100).clamp(40, 100) - 12;
    writeln!(output.writer)?;
    writeln!(output.writer, "{}", strings.stats_figures)?;
    for figure in &record.report_figures {
        let line = fill(
            strings.stats_figure_line,
            "line",
            &figure.source_line.to_string(),
        );
        writeln!(
            output.writer,
            "  {:<8} {:<28} {:>4}  ({line})",
            figure.dimension, figure.key, figure.value
        )?;
    }
    for (dimension, facet) in record.counts.iter().zip(FACETS) {
        writeln!(output.writer)?;
        // The dimension's name in the language, and the flag that filters by it.
        writeln!(
            output.writer,
            "{}  (--{})",
            strings.dimension_names[facet.dimension as usize].to_uppercase(),
            dimension.dimension
        )?;
        for value in &dimension.values {
            let mark = if value.selected { "*" } else { " " };
            let label = if value.key == value.label {
                value.key.clone()
            } else {
                format!("{}  {}", value.key, value.label)
            };
            writeln!(
                output.writer,
                "{mark} {}  {:>6}",
                text::fit(&text::sanitize(&label), label_width),
                value.count
            )?;
        }
    }
    Ok(())
}
