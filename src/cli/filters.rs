//! The filter flags shared by `search`, `list`, `export` and `stats`, one per row of the
//! facet table, and their reading into engine filters (any spelling; an unknown value lists
//! the valid or closest ones).

use clap::{Arg, ArgAction, ArgMatches, Command, FromArgMatches};

use crate::engine::{Dimension, FACETS, FilterError, Filters, Values};
use crate::i18n::Lang;

/// The heading of the filter flags in `--help`.
const HEADING: &str = "Filters (repeat a flag for any of several values)";

/// The values typed for each dimension, as given.
#[derive(Debug, Clone, Default)]
pub struct FilterArgs {
    typed: [Vec<String>; Dimension::COUNT],
}

impl FilterArgs {
    /// The values typed for `dimension`.
    pub fn typed(&self, dimension: Dimension) -> &[String] {
        &self.typed[dimension as usize]
    }

    /// The engine filters these flags select; an unknown value is an error in `lang`.
    pub fn to_filters(&self, values: &Values<'_>, lang: Lang) -> anyhow::Result<Filters> {
        let mut filters = Filters::new();
        for dimension in Dimension::ALL {
            filters
                .select_typed(values, dimension, self.typed(dimension))
                .map_err(|error: FilterError| anyhow::anyhow!(error.message(lang.strings())))?;
        }
        Ok(filters)
    }
}

impl clap::Args for FilterArgs {
    fn augment_args(command: Command) -> Command {
        FACETS.iter().fold(command, |command, facet| {
            let mut flag = Arg::new(facet.key)
                .long(facet.key)
                .value_name(facet.value_name)
                .help(facet.help)
                .help_heading(HEADING)
                .action(ArgAction::Append);
            if let Some(bare) = facet.bare {
                flag = flag.num_args(0..=1).default_missing_value(bare);
            }
            command.arg(flag)
        })
    }

    fn augment_args_for_update(command: Command) -> Command {
        FilterArgs::augment_args(command)
    }
}

impl FromArgMatches for FilterArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<FilterArgs, clap::Error> {
        let typed = Dimension::ALL.map(|dimension| {
            matches
                .get_many::<String>(dimension.key())
                .map(|values| values.cloned().collect())
                .unwrap_or_default()
        });
        Ok(FilterArgs { typed })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = FilterArgs::from_arg_matches(matches)?;
        Ok(())
    }
}
