//! The filter flags shared by `search`, `list`, `export` and `stats`, and their reading
//! into engine filters (any spelling; an unknown value lists the valid or closest ones).

use clap::Args;

use crate::engine::{Dimension, FilterError, Filters, Values};

/// The same filter flags everywhere.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters (repeat a flag for any of several values)")]
pub struct FilterArgs {
    /// City, province or state, in any spelling the report uses (Zürich, Zurich, ZÜRICH).
    #[arg(long, value_name = "CITY")]
    pub city: Vec<String>,
    /// Country: French or English name, or ISO code (Grèce, Greece, GR).
    #[arg(long, value_name = "COUNTRY")]
    pub country: Vec<String>,
    /// Region: africa, latin-america-caribbean, north-america-europe, asia-pacific,
    /// middle-east-north-africa, global.
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,
    /// Priority of the Call to Local Action, 1 to 8.
    #[arg(long, value_name = "1-8")]
    pub priority: Vec<String>,
    /// Commitment type: gcm, gcr, mirror, idp, or unstated (the 2022 write-ups).
    #[arg(long, value_name = "COMPACT")]
    pub compact: Vec<String>,
    /// The collection: 2022 or 2023.
    #[arg(long, value_name = "YEAR")]
    pub year: Vec<String>,
    /// Supported by the Global Cities Fund (`--gcf` alone means yes).
    #[arg(long, value_name = "yes|no", num_args = 0..=1, default_missing_value = "yes")]
    pub gcf: Vec<String>,
    /// Submitter: local_government, national_government, organisation.
    #[arg(long, value_name = "KIND")]
    pub kind: Vec<String>,
    /// ongoing, ended (from the printed duration and today's date), or unstated.
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
}

impl FilterArgs {
    /// The engine filters these flags select.
    pub fn to_filters(&self, values: &Values<'_>) -> Result<Filters, FilterError> {
        let mut filters = Filters::new();
        for (dimension, typed) in [
            (Dimension::City, &self.city),
            (Dimension::Country, &self.country),
            (Dimension::Region, &self.region),
            (Dimension::Priority, &self.priority),
            (Dimension::Compact, &self.compact),
            (Dimension::Year, &self.year),
            (Dimension::Gcf, &self.gcf),
            (Dimension::Kind, &self.kind),
            (Dimension::Status, &self.status),
        ] {
            filters.select_typed(values, dimension, typed)?;
        }
        Ok(filters)
    }
}
