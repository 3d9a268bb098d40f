//! Filters: the dimensions a selection can be narrowed by, their values, and reading the
//! values people type (any spelling of a city, a country's French or English name or ISO
//! code). An unknown value is an error that names the closest valid ones.

use std::fmt;
use std::sync::OnceLock;

use crate::catalogue::{Catalogue, Compact, End, FacetRow, MachineName, SubmitterKind, YearMonth};
use localaction_data::text;

/// A dimension of the catalogue that results can be filtered and counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    City,
    Country,
    Region,
    Priority,
    Compact,
    Year,
    Gcf,
    Kind,
    Status,
}

impl Dimension {
    /// Every dimension, in the order interfaces show them.
    pub const ALL: [Dimension; 9] = [
        Dimension::Priority,
        Dimension::Compact,
        Dimension::Region,
        Dimension::Country,
        Dimension::City,
        Dimension::Year,
        Dimension::Gcf,
        Dimension::Kind,
        Dimension::Status,
    ];

    /// The command-line flag and JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::City => "city",
            Dimension::Country => "country",
            Dimension::Region => "region",
            Dimension::Priority => "priority",
            Dimension::Compact => "compact",
            Dimension::Year => "year",
            Dimension::Gcf => "gcf",
            Dimension::Kind => "kind",
            Dimension::Status => "status",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Whether an action is still running, from its parsed duration and today's month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Ongoing,
    Ended,
    /// The report prints no duration (the 2022 write-ups).
    Unstated,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Ongoing, Status::Ended, Status::Unstated];

    pub fn key(self) -> &'static str {
        match self {
            Status::Ongoing => "ongoing",
            Status::Ended => "ended",
            Status::Unstated => "unstated",
        }
    }

    /// The status of an action ending at `end`, seen in the month `today`. An end given as a
    /// year alone runs to that year's December.
    pub fn of(end: Option<End>, today: YearMonth) -> Status {
        match end {
            None => Status::Unstated,
            Some(End::Ongoing) => Status::Ongoing,
            Some(End::At(end)) => {
                let last_month = (end.year, end.month.unwrap_or(12));
                if last_month < (today.year, today.month.unwrap_or(1)) {
                    Status::Ended
                } else {
                    Status::Ongoing
                }
            }
        }
    }
}

/// One value of a dimension, as the engine counts it: an index into that dimension's list
/// of values ([`super::Engine::values`]).
pub type ValueSlot = usize;

/// A value of a dimension, with its key (what the command line accepts and JSON prints) and
/// its label (what an interface shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub key: String,
    pub label: String,
    /// Every accepted spelling, as written (the key and label among them).
    spellings: Vec<String>,
}

/// The Call to Local Action's priorities, numbered from 1.
const PRIORITIES: u8 = 8;

/// The values of every dimension. How many each has is known at once (counting needs
/// only that); their keys, labels and spellings are built on first use: a one-shot
/// search that prints records never needs them, and building them was an eighth of it.
#[derive(Debug, Clone)]
pub struct Values<'c> {
    catalogue: &'c Catalogue<'c>,
    /// The number of values of each dimension (by `Dimension::slot`).
    lens: [usize; 9],
    by_dimension: OnceLock<[Vec<FacetValue>; 9]>,
    /// The years present, ascending: the Year dimension's slots.
    pub(crate) years: Vec<u16>,
    /// Each value's spellings folded for matching, per dimension: folded on the first
    /// typed value, not at start (folding every place name was most of opening the engine).
    folded: OnceLock<[Vec<Vec<String>>; 9]>,
}

/// Lowercase, accent-free, single-spaced: how typed values are compared.
pub fn fold(typed: &str) -> String {
    text::fold(typed)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn value(key: impl Into<String>, label: impl Into<String>, spellings: &[&str]) -> FacetValue {
    let key = key.into();
    let label = label.into();
    let mut all: Vec<String> = spellings
        .iter()
        .map(|&spelling| spelling.to_owned())
        .collect();
    all.push(key.clone());
    all.push(label.clone());
    FacetValue {
        key,
        label,
        spellings: all,
    }
}

impl<'c> Values<'c> {
    pub fn new(catalogue: &'c Catalogue<'c>) -> Values<'c> {
        let mut years: Vec<u16> = catalogue.facets().iter().map(|row| row.year).collect();
        years.sort_unstable();
        years.dedup();
        let mut lens = [0; 9];
        lens[Dimension::City.slot()] = catalogue.tables.places.len();
        lens[Dimension::Country.slot()] = catalogue.tables.countries.len();
        lens[Dimension::Region.slot()] = catalogue.tables.regions.len();
        lens[Dimension::Priority.slot()] = usize::from(PRIORITIES);
        lens[Dimension::Compact.slot()] = Compact::ALL.len() + 1;
        lens[Dimension::Year.slot()] = years.len();
        lens[Dimension::Gcf.slot()] = 2;
        lens[Dimension::Kind.slot()] = SubmitterKind::ALL.len();
        lens[Dimension::Status.slot()] = Status::ALL.len();
        Values {
            catalogue,
            lens,
            by_dimension: OnceLock::new(),
            years,
            folded: OnceLock::new(),
        }
    }

    /// How many values `dimension` has (its slots are `0..len`).
    pub fn len(&self, dimension: Dimension) -> usize {
        self.lens[dimension.slot()]
    }

    /// Every dimension's values, built from the catalogue.
    fn build(&self) -> [Vec<FacetValue>; 9] {
        let catalogue = self.catalogue;
        let tables = &catalogue.tables;
        let cities = tables
            .places
            .iter()
            .map(|place| {
                let mut spellings = vec![place.name, place.name_en, place.id];
                spellings.extend(place.aliases.iter().copied());
                value(place.id, place.name, &spellings)
            })
            .collect();
        let countries = tables
            .countries
            .iter()
            .map(|country| {
                let mut spellings = vec![country.name_fr, country.name_en, country.id];
                spellings.extend(country.iso2);
                spellings.extend(country.aliases.iter().copied());
                value(country.id, country.name_fr, &spellings)
            })
            .collect();
        let regions = tables
            .regions
            .iter()
            .map(|region| value(region.id, region.name_en, &[region.name_fr]))
            .collect();
        let priorities = (1..=PRIORITIES)
            .map(|number| {
                let label = catalogue.priority(number).map_or_else(
                    || number.to_string(),
                    |priority| priority.name_en.to_owned(),
                );
                value(number.to_string(), label, &[])
            })
            .collect();
        let compacts = Compact::ALL
            .iter()
            .map(|compact| {
                let (label, spellings): (&str, &[&str]) = match compact {
                    Compact::Gcm => ("GCM only", &["pmm", "migration"]),
                    Compact::Gcr => ("GCR only", &["pmr", "refugees"]),
                    Compact::Mirror => ("Both compacts (mirror)", &["both", "miroir"]),
                    Compact::Idp => ("Internally displaced people", &["pdi"]),
                };
                value(compact.machine_name(), label, spellings)
            })
            .chain(std::iter::once(value(
                "unstated",
                "Not stated (2022)",
                &["none"],
            )))
            .collect();
        let year_values = self
            .years
            .iter()
            .map(|year| value(year.to_string(), year.to_string(), &[]))
            .collect();
        let gcf = vec![
            value("yes", "Global Cities Fund", &["true", "1", "oui"]),
            value("no", "Not stated", &["false", "0", "non"]),
        ];
        let kinds = SubmitterKind::ALL
            .iter()
            .map(|kind| {
                let label = match kind {
                    SubmitterKind::LocalGovernment => "Local or regional government",
                    SubmitterKind::NationalGovernment => "National government",
                    SubmitterKind::Organisation => "Organisation or network",
                };
                value(kind.machine_name(), label, &[])
            })
            .collect();
        let statuses = Status::ALL
            .iter()
            .map(|status| {
                let label = match status {
                    Status::Ongoing => "Ongoing",
                    Status::Ended => "Ended",
                    Status::Unstated => "No duration stated",
                };
                value(status.key(), label, &[])
            })
            .collect();
        let mut by_dimension: [Vec<FacetValue>; 9] = Default::default();
        by_dimension[Dimension::City.slot()] = cities;
        by_dimension[Dimension::Country.slot()] = countries;
        by_dimension[Dimension::Region.slot()] = regions;
        by_dimension[Dimension::Priority.slot()] = priorities;
        by_dimension[Dimension::Compact.slot()] = compacts;
        by_dimension[Dimension::Year.slot()] = year_values;
        by_dimension[Dimension::Gcf.slot()] = gcf;
        by_dimension[Dimension::Kind.slot()] = kinds;
        by_dimension[Dimension::Status.slot()] = statuses;
        debug_assert!(
            Dimension::ALL
                .iter()
                .all(|&dimension| by_dimension[dimension.slot()].len() == self.len(dimension))
        );
        by_dimension
    }

    /// The folded spellings of each value of `dimension`, in slot order.
    fn folded_spellings(&self, dimension: Dimension) -> &[Vec<String>] {
        let folded = self.folded.get_or_init(|| {
            self.all().each_ref().map(|values| {
                values
                    .iter()
                    .map(|value| {
                        let mut spellings: Vec<String> = value
                            .spellings
                            .iter()
                            .map(|spelling| fold(spelling))
                            .collect();
                        spellings.sort();
                        spellings.dedup();
                        spellings
                    })
                    .collect()
            })
        });
        &folded[dimension.slot()]
    }

    /// The values of a dimension, in slot order.
    pub fn of(&self, dimension: Dimension) -> &[FacetValue] {
        &self.all()[dimension.slot()]
    }

    fn all(&self) -> &[Vec<FacetValue>; 9] {
        self.by_dimension.get_or_init(|| self.build())
    }

    /// The slot of a typed value: any accepted spelling, accents and case ignored.
    pub fn parse(&self, dimension: Dimension, typed: &str) -> Result<ValueSlot, FilterError> {
        let wanted = fold(typed);
        let values = self.of(dimension);
        let spellings = self.folded_spellings(dimension);
        let matching: Vec<ValueSlot> = (0..values.len())
            .filter(|&slot| spellings[slot].contains(&wanted))
            .collect();
        match matching.as_slice() {
            [slot] => return Ok(*slot),
            // "San José" is two cities: choosing one silently would hide the other.
            [_, _, ..] => {
                return Err(FilterError {
                    dimension,
                    typed: crate::text::sanitize(typed).into_owned(),
                    suggestions: matching
                        .iter()
                        .map(|&slot| values[slot].key.clone())
                        .collect(),
                    listed_all: false,
                    ambiguous: true,
                });
            }
            [] => {}
        }
        let compared = text::compared_part(&wanted);
        let close: Vec<String> = text::closest(
            values.iter().zip(spellings).map(|(value, spellings)| {
                let distance = spellings
                    .iter()
                    .map(|spelling| {
                        // "Grece du nord" is close to "Grece": one spelling starts the other.
                        if spelling.len() >= 3
                            && (compared.starts_with(spelling.as_str())
                                || spelling.starts_with(compared))
                        {
                            1
                        } else {
                            text::edit_distance(compared, spelling)
                        }
                    })
                    .min()
                    .unwrap_or(usize::MAX);
                (distance, value.key.as_str())
            }),
            (compared.chars().count() / 3).max(2),
        )
        .into_iter()
        .map(str::to_owned)
        .collect();
        let listed_all = close.is_empty() || values.len() <= 12;
        let suggestions = if listed_all {
            values.iter().map(|value| value.key.clone()).collect()
        } else {
            close
        };
        Err(FilterError {
            dimension,
            typed: crate::text::sanitize(typed).into_owned(),
            suggestions,
            listed_all,
            ambiguous: false,
        })
    }

    /// Calls `visit` with each slot a facet row occupies in one dimension (a city filter
    /// matches an action in any of its places), without allocating: the engine runs this
    /// for every dimension of every hit.
    #[inline]
    pub(crate) fn for_each_slot(
        &self,
        catalogue: &Catalogue<'_>,
        row: &FacetRow,
        dimension: Dimension,
        today: YearMonth,
        mut visit: impl FnMut(ValueSlot),
    ) {
        match dimension {
            Dimension::City => {
                for &place in catalogue.places_of(row) {
                    visit(place as usize);
                }
            }
            Dimension::Country => {
                if let Some(country) = row.country {
                    visit(country as usize);
                }
            }
            Dimension::Region => visit(row.region as usize),
            Dimension::Priority => {
                let mut bits = row.priorities & 0b1_1111_1110;
                while bits != 0 {
                    visit(bits.trailing_zeros() as usize - 1);
                    bits &= bits - 1;
                }
            }
            Dimension::Compact => visit(match row.compact {
                Some(compact) => compact as usize,
                None => Compact::ALL.len(),
            }),
            Dimension::Year => {
                if let Ok(slot) = self.years.binary_search(&row.year) {
                    visit(slot);
                }
            }
            Dimension::Gcf => visit(if row.gcf { 0 } else { 1 }),
            Dimension::Kind => visit(row.kind as usize),
            Dimension::Status => visit(Status::of(row.end, today) as usize),
        }
    }

    /// Adds one to each slot a facet row occupies in every dimension (`counts` indexed by
    /// dimension, then slot): [`Values::for_each_slot`] for all nine dimensions in one
    /// pass, without choosing the dimension nine times per row — counting runs for every
    /// hit of every search.
    #[inline]
    pub(crate) fn count_every_slot(
        &self,
        catalogue: &Catalogue<'_>,
        row: &FacetRow,
        today: YearMonth,
        counts: &mut [Vec<usize>; 9],
    ) {
        for &place in catalogue.places_of(row) {
            counts[Dimension::City as usize][place as usize] += 1;
        }
        if let Some(country) = row.country {
            counts[Dimension::Country as usize][country as usize] += 1;
        }
        counts[Dimension::Region as usize][row.region as usize] += 1;
        let priorities = &mut counts[Dimension::Priority as usize];
        let mut bits = row.priorities & 0b1_1111_1110;
        while bits != 0 {
            priorities[bits.trailing_zeros() as usize - 1] += 1;
            bits &= bits - 1;
        }
        let compact = row
            .compact
            .map_or(Compact::ALL.len(), |compact| compact as usize);
        counts[Dimension::Compact as usize][compact] += 1;
        if let Ok(slot) = self.years.binary_search(&row.year) {
            counts[Dimension::Year as usize][slot] += 1;
        }
        counts[Dimension::Gcf as usize][usize::from(!row.gcf)] += 1;
        counts[Dimension::Kind as usize][row.kind as usize] += 1;
        counts[Dimension::Status as usize][Status::of(row.end, today) as usize] += 1;
    }
}

/// A filter value nobody recognises, or one that names several values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    pub dimension: Dimension,
    pub typed: String,
    /// The closest valid values, or all of them when there are few; for an ambiguous
    /// value, every value it names.
    pub suggestions: Vec<String>,
    pub listed_all: bool,
    /// The typed value is a spelling of several values (`suggestions`).
    pub ambiguous: bool,
}

impl fmt::Display for FilterError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ambiguous {
            return write!(
                formatter,
                "--{} \"{}\": several values have this name; one of: {}",
                self.dimension.key(),
                self.typed,
                self.suggestions.join(", ")
            );
        }
        write!(
            formatter,
            "--{} \"{}\": no such {}; {}: {}",
            self.dimension.key(),
            self.typed,
            self.dimension.key(),
            if self.listed_all {
                "valid values"
            } else {
                "closest"
            },
            self.suggestions.join(", ")
        )
    }
}

impl std::error::Error for FilterError {}

/// The selected values of each dimension: a result must match one selected value of every
/// dimension that has any (any-of within a dimension, all-of across dimensions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    selected: [Vec<ValueSlot>; 9],
}

impl Filters {
    pub fn new() -> Filters {
        Filters::default()
    }

    /// The selected slots of a dimension.
    pub fn selected(&self, dimension: Dimension) -> &[ValueSlot] {
        &self.selected[dimension.slot()]
    }

    pub fn is_selected(&self, dimension: Dimension, slot: ValueSlot) -> bool {
        self.selected(dimension).contains(&slot)
    }

    /// Selects a value (no effect if already selected).
    pub fn select(&mut self, dimension: Dimension, slot: ValueSlot) {
        let selected = &mut self.selected[dimension.slot()];
        if !selected.contains(&slot) {
            selected.push(slot);
            selected.sort_unstable();
        }
    }

    /// Selects or unselects a value.
    pub fn toggle(&mut self, dimension: Dimension, slot: ValueSlot) {
        let selected = &mut self.selected[dimension.slot()];
        match selected.iter().position(|&chosen| chosen == slot) {
            Some(found) => {
                selected.remove(found);
            }
            None => {
                selected.push(slot);
                selected.sort_unstable();
            }
        }
    }

    pub fn clear(&mut self, dimension: Dimension) {
        self.selected[dimension.slot()].clear();
    }

    pub fn clear_all(&mut self) {
        *self = Filters::default();
    }

    pub fn is_empty(&self) -> bool {
        self.selected.iter().all(Vec::is_empty)
    }

    /// Selects typed values for a dimension.
    pub fn select_typed(
        &mut self,
        values: &Values,
        dimension: Dimension,
        typed: &[String],
    ) -> Result<(), FilterError> {
        for text in typed {
            let slot = values.parse(dimension, text)?;
            self.select(dimension, slot);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting every dimension in one pass gives what visiting each dimension gives, for
    /// every action, seen from months on both sides of the actions' ends.
    #[test]
    fn counting_every_slot_agrees_with_visiting_each_dimension() {
        let catalogue = crate::catalogue::embedded::catalogue();
        let values = Values::new(catalogue);
        for today in [
            YearMonth {
                year: 2022,
                month: Some(1),
            },
            YearMonth {
                year: 2024,
                month: Some(6),
            },
            YearMonth {
                year: 2030,
                month: None,
            },
        ] {
            let empty = || {
                let mut counts: [Vec<usize>; 9] = Default::default();
                for dimension in Dimension::ALL {
                    counts[dimension as usize] = vec![0; values.of(dimension).len()];
                }
                counts
            };
            let (mut visited, mut counted) = (empty(), empty());
            for row in catalogue.facets() {
                for dimension in Dimension::ALL {
                    let counts = &mut visited[dimension as usize];
                    values
                        .for_each_slot(catalogue, row, dimension, today, |slot| counts[slot] += 1);
                }
                values.count_every_slot(catalogue, row, today, &mut counted);
            }
            assert_eq!(counted, visited, "seen from {today:?}");
            assert!(
                counted
                    .iter()
                    .all(|counts| counts.iter().sum::<usize>() > 0)
            );
        }
    }

    #[test]
    fn status_follows_the_end_and_today() {
        let today = YearMonth {
            year: 2024,
            month: Some(6),
        };
        let at = |year, month| Some(End::At(YearMonth { year, month }));
        assert_eq!(Status::of(None, today), Status::Unstated);
        assert_eq!(Status::of(Some(End::Ongoing), today), Status::Ongoing);
        assert_eq!(Status::of(at(2024, Some(5)), today), Status::Ended);
        assert_eq!(Status::of(at(2024, Some(6)), today), Status::Ongoing);
        assert_eq!(Status::of(at(2024, None), today), Status::Ongoing);
        assert_eq!(Status::of(at(2023, None), today), Status::Ended);
    }

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Galați "), "galati");
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("ÉTATS-UNIS  d’Amérique"), "etats-unis d'amerique");
    }
}
