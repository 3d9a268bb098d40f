//! The facet table: every dimension the catalogue can be filtered and counted by, each one
//! entry of [`FACETS`] with its key (the command-line flag and JSON key), its flag's help,
//! its list of values, and the values each action holds. Everything else (counting in the
//! engine, the command line's flags, the interface's panel and statistics) iterates the
//! table; a new dimension is a variant of [`Dimension`], an entry here, its names in each language's strings
//! (the compiler asks for them), and what it reads in the facet row (`FacetRow::of`). Typed values are read here too (any spelling of a
//! city, a country's French or English name or ISO code); an unknown one is an error that
//! names the closest valid ones.

use std::fmt;
use std::sync::OnceLock;

use crate::catalogue::{
    Catalogue, Compact, FacetRow, MachineName, PRIORITIES, Position, Status, SubmitterKind, Theme,
    YearMonth,
};
use crate::i18n::{self, Lang, Strings, fill_all};
use localaction_data::text;

/// A dimension of the catalogue that results can be filtered and counted by, in the order
/// interfaces show them; `dimension as usize` is its row in [`FACETS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    Priority,
    Compact,
    Theme,
    Region,
    Country,
    City,
    Year,
    Gcf,
    Kind,
    Status,
}

impl Dimension {
    /// How many dimensions there are.
    pub const COUNT: usize = FACETS.len();

    /// Every dimension, in the order interfaces show them.
    pub const ALL: [Dimension; Dimension::COUNT] = {
        let mut all = [Dimension::Priority; Dimension::COUNT];
        let mut row = 0;
        while row < Dimension::COUNT {
            all[row] = FACETS[row].dimension;
            row += 1;
        }
        all
    };

    /// The dimension's entry in the facet table.
    pub fn facet(self) -> &'static Facet {
        &FACETS[self as usize]
    }

    /// The command-line flag and JSON key.
    pub fn key(self) -> &'static str {
        self.facet().key
    }
}

// Each language names every dimension.
const _: () = assert!(Dimension::COUNT == i18n::DIMENSIONS);

/// How a dimension's values are best listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueOrder {
    /// In the table's own order (priorities by number, years ascending).
    Fixed,
    /// Long lists of names: alphabetically in the filter panel (a stable order, so values
    /// do not jump while typing), by count in statistics.
    Names,
}

/// One dimension: everything the program knows about it.
pub struct Facet {
    pub dimension: Dimension,
    /// The command-line flag (`--city`) and JSON key.
    pub key: &'static str,
    /// The flag's value name in `--help`.
    pub value_name: &'static str,
    /// The flag's help.
    pub help: &'static str,
    /// What the flag means given alone (`--gcf` is `--gcf yes`).
    pub bare: Option<&'static str>,
    pub order: ValueOrder,
    /// Every value is listed even with no action (priorities: a zero is worth seeing).
    pub keeps_empty: bool,
    /// Labels read with their key before them ("3 Health…"): the key is what people cite.
    pub label_after_key: bool,
    /// Charted in the interface's statistics.
    pub charted: bool,
    /// How many values (known without building them, which counting does not need).
    len: fn(&Sources<'_>) -> usize,
    /// The values, in slot order.
    values: fn(&Sources<'_>) -> Vec<FacetValue>,
    /// The values an action holds, from its facet row.
    slots: for<'r> fn(&Sources<'r>, &'r FacetRow) -> Slots<'r>,
}

/// What a dimension's values and slots are read from.
pub struct Sources<'a> {
    catalogue: &'a Catalogue<'a>,
    /// The years present, ascending: the Year dimension's slots.
    years: &'a [u16],
    /// For the status (ongoing or ended) of an action.
    today: YearMonth,
}

/// The values an action holds in one dimension.
pub enum Slots<'r> {
    Nothing,
    One(ValueSlot),
    /// Bit `n` set for slot `n`.
    Bits(u32),
    /// Slots that are positions in a table (an action's places).
    Positions(&'r [Position]),
}

impl Slots<'_> {
    #[inline]
    pub fn for_each(self, mut visit: impl FnMut(ValueSlot)) {
        match self {
            Slots::Nothing => {}
            Slots::One(slot) => visit(slot),
            Slots::Bits(mut bits) => {
                while bits != 0 {
                    visit(bits.trailing_zeros() as usize);
                    bits &= bits - 1;
                }
            }
            Slots::Positions(positions) => {
                for &position in positions {
                    visit(position as usize);
                }
            }
        }
    }
}

/// The facet table, in [`Dimension`] order.
pub const FACETS: &[Facet] = &[
    Facet {
        dimension: Dimension::Priority,
        key: "priority",
        value_name: "1-8",
        help: "Priority of the Call to Local Action, 1 to 8.",
        bare: None,
        order: ValueOrder::Fixed,
        keeps_empty: true,
        label_after_key: true,
        charted: true,
        len: |_| usize::from(PRIORITIES),
        values: |sources| {
            (1..=PRIORITIES)
                .map(|number| {
                    let names = sources
                        .catalogue
                        .priority(number)
                        .map(|priority| priority.names.as_slice())
                        .unwrap_or_default();
                    named(number.to_string(), names, &[])
                })
                .collect()
        },
        // Bit `n` of the row is priority `n`, the value of slot `n - 1`.
        slots: |_, row| Slots::Bits(u32::from(row.priorities >> 1) & ((1 << PRIORITIES) - 1)),
    },
    Facet {
        dimension: Dimension::Compact,
        key: "compact",
        value_name: "COMPACT",
        help: "Commitment type: gcm, gcr, mirror, idp, or unstated (the report prints none).",
        bare: None,
        order: ValueOrder::Fixed,
        keeps_empty: false,
        label_after_key: false,
        charted: true,
        len: |_| Compact::ALL.len() + 1,
        values: |_| {
            let spellings: [&[&str]; 5] = [
                &["pmm", "migration"],
                &["pmr", "refugees"],
                &["both", "miroir"],
                &["pdi"],
                &["none"],
            ];
            let keys = Compact::ALL
                .iter()
                .map(|compact| compact.machine_name())
                .chain(["unstated"]);
            fixed(keys, |strings| &strings.compact_labels, &spellings)
        },
        slots: |_, row| {
            Slots::One(
                row.compact
                    .map_or(Compact::ALL.len(), |compact| compact as usize),
            )
        },
    },
    Facet {
        dimension: Dimension::Theme,
        key: "theme",
        value_name: "THEME",
        help: "Theme, as the editors read each action: services, children_youth, \
               employment_entrepreneurship, climate, humanitarian_aid, governance.",
        bare: None,
        order: ValueOrder::Fixed,
        keeps_empty: false,
        label_after_key: false,
        charted: true,
        len: |_| Theme::ALL.len(),
        values: |_| {
            let keys = Theme::ALL.iter().map(|theme| theme.machine_name());
            fixed(keys, |strings| &strings.theme_labels, &[])
        },
        slots: |_, row| Slots::Bits(u32::from(row.themes)),
    },
    Facet {
        dimension: Dimension::Region,
        key: "region",
        value_name: "REGION",
        help: "Region: africa, latin-america-caribbean, north-america-europe, asia-pacific, \
               middle-east-north-africa, global.",
        bare: None,
        order: ValueOrder::Fixed,
        keeps_empty: false,
        label_after_key: false,
        charted: true,
        len: |sources| sources.catalogue.tables.regions.len(),
        values: |sources| {
            let regions = &sources.catalogue.tables.regions;
            regions
                .iter()
                .map(|region| named(region.id, &region.names, &region.aliases))
                .collect()
        },
        slots: |_, row| Slots::One(row.region as usize),
    },
    Facet {
        dimension: Dimension::Country,
        key: "country",
        value_name: "COUNTRY",
        help: "Country: French or English name, or ISO code (Grèce, Greece, GR).",
        bare: None,
        order: ValueOrder::Names,
        keeps_empty: false,
        label_after_key: false,
        charted: false,
        len: |sources| sources.catalogue.tables.countries.len(),
        values: |sources| {
            let countries = &sources.catalogue.tables.countries;
            countries
                .iter()
                .map(|country| {
                    let mut spellings: Vec<&str> = country.iso2.into_iter().collect();
                    spellings.extend(country.aliases.iter().copied());
                    named(country.id, &country.names, &spellings)
                })
                .collect()
        },
        slots: |_, row| match row.country {
            Some(country) => Slots::One(country as usize),
            None => Slots::Nothing,
        },
    },
    Facet {
        dimension: Dimension::City,
        key: "city",
        value_name: "CITY",
        help: "City, province or state, in any spelling the report uses (Zürich, Zurich, ZÜRICH).",
        bare: None,
        order: ValueOrder::Names,
        keeps_empty: false,
        label_after_key: false,
        charted: false,
        len: |sources| sources.catalogue.tables.places.len(),
        values: |sources| {
            let places = &sources.catalogue.tables.places;
            places
                .iter()
                .map(|place| named(place.id, &place.names, &place.aliases))
                .collect()
        },
        // A city filter matches an action in any of its places.
        slots: |sources, row| Slots::Positions(sources.catalogue.places_of(row)),
    },
    Facet {
        dimension: Dimension::Year,
        key: "year",
        value_name: "YEAR",
        help: "The year of the collection the action was published in.",
        bare: None,
        order: ValueOrder::Fixed,
        keeps_empty: false,
        label_after_key: false,
        charted: true,
        len: |sources| sources.years.len(),
        values: |sources| {
            sources
                .years
                .iter()
                .map(|year| named(year.to_string(), &[], &[]))
                .collect()
        },
        slots: |sources, row| match sources.years.binary_search(&row.year) {
            Ok(slot) => Slots::One(slot),
            Err(_) => Slots::Nothing,
        },
    },
    Facet {
        dimension: Dimension::Gcf,
        key: "gcf",
        value_name: "yes|no",
        help: "Supported by the Global Cities Fund (`--gcf` alone means yes).",
        bare: Some("yes"),
        order: ValueOrder::Fixed,
        keeps_empty: false,
        label_after_key: false,
        charted: false,
        len: |_| 2,
        values: |_| {
            fixed(
                ["yes", "no"].into_iter(),
                |strings| &strings.gcf_labels,
                &[
                    &[
                        "true",
                        "1",
                        "oui",
                        "Global Cities Fund",
                        "Fonds mondial des villes",
                    ],
                    &["false", "0", "non"],
                ],
            )
        },
        slots: |_, row| Slots::One(usize::from(!row.gcf)),
    },
    Facet {
        dimension: Dimension::Kind,
        key: "kind",
        value_name: "KIND",
        help: "Submitter: local_government, national_government, organisation.",
        bare: None,
        order: ValueOrder::Fixed,
        keeps_empty: false,
        label_after_key: false,
        charted: false,
        len: |_| SubmitterKind::ALL.len(),
        values: |_| {
            let keys = SubmitterKind::ALL.iter().map(|kind| kind.machine_name());
            fixed(keys, |strings| &strings.kind_labels, &[])
        },
        slots: |_, row| Slots::One(row.kind as usize),
    },
    Facet {
        dimension: Dimension::Status,
        key: "status",
        value_name: "STATUS",
        help: "ongoing, ended (from the printed duration and today's date), or unstated.",
        bare: None,
        order: ValueOrder::Fixed,
        keeps_empty: false,
        label_after_key: false,
        charted: false,
        len: |_| Status::ALL.len(),
        values: |_| {
            let keys = Status::ALL.iter().map(|status| status.key());
            fixed(keys, |strings| &strings.status_labels, &[])
        },
        slots: |sources, row| Slots::One(Status::of(row.end, sources.today) as usize),
    },
];

// The table's rows are in `Dimension` order, one per variant (`Status` is the last):
// `dimension as usize` finds a dimension's row.
const _: () = {
    assert!(FACETS.len() == Dimension::Status as usize + 1);
    let mut row = 0;
    while row < FACETS.len() {
        assert!(FACETS[row].dimension as usize == row);
        row += 1;
    }
};

/// One value of a dimension, as the engine counts it: an index into that dimension's list
/// of values ([`Values::of`]).
pub type ValueSlot = usize;

/// A value of a dimension: its key (what the command line accepts and JSON prints), its
/// label in each language (what an interface shows) and every spelling typed filters
/// accept.
#[derive(Debug, Clone)]
pub struct FacetValue {
    pub key: String,
    label: Label,
    /// Every accepted spelling, as written (the key and labels among them).
    spellings: Vec<String>,
}

impl FacetValue {
    /// Every accepted spelling, as written (the key and labels among them).
    pub fn spellings(&self) -> &[String] {
        &self.spellings
    }
}

/// Where a value's label comes from.
#[derive(Debug, Clone)]
enum Label {
    /// The catalogue's names, one per language of its texts (a place, a country): the
    /// interface shows the one of the texts its readers read.
    Names(Vec<String>),
    /// A slot of a fixed set's labels in the interface's strings (a compact, a theme).
    Strings {
        labels: fn(&'static i18n::Strings) -> &'static [&'static str],
        slot: usize,
    },
}

impl FacetValue {
    /// The value's label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match &self.label {
            Label::Names(names) => names
                .get(lang.texts().index())
                .or(names.first())
                .map_or(&self.key, String::as_str),
            Label::Strings { labels, slot } => labels(lang.strings())[*slot],
        }
    }
}

/// A value named by the catalogue: its names in every text language (none: its key is
/// its name) and more spellings.
fn named(key: impl Into<String>, names: &[&str], spellings: &[&str]) -> FacetValue {
    let key = key.into();
    let names: Vec<String> = names.iter().map(|&name| name.to_owned()).collect();
    let mut all: Vec<String> = spellings
        .iter()
        .map(|&spelling| spelling.to_owned())
        .collect();
    all.push(key.clone());
    all.extend(names.iter().cloned());
    FacetValue {
        key,
        label: Label::Names(names),
        spellings: all,
    }
}

/// Values of a fixed set: their keys, their labels in the interface's strings (every
/// language's is a spelling), and more spellings per slot.
fn fixed<'k>(
    keys: impl Iterator<Item = &'k str>,
    labels: fn(&'static i18n::Strings) -> &'static [&'static str],
    spellings: &[&[&str]],
) -> Vec<FacetValue> {
    keys.enumerate()
        .map(|(slot, key)| {
            let mut all: Vec<String> = spellings
                .get(slot)
                .copied()
                .unwrap_or_default()
                .iter()
                .map(|&spelling| spelling.to_owned())
                .collect();
            all.push(key.to_owned());
            all.extend(Lang::all().map(|lang| labels(lang.strings())[slot].to_owned()));
            FacetValue {
                key: key.to_owned(),
                label: Label::Strings { labels, slot },
                spellings: all,
            }
        })
        .collect()
}

/// The values of every dimension. How many each has is known at once (counting needs only
/// that); their keys, labels and spellings are built on first use, since a one-shot search
/// that prints records never needs them.
#[derive(Debug, Clone)]
pub struct Values<'c> {
    catalogue: &'c Catalogue<'c>,
    /// The number of values of each dimension.
    lens: [usize; Dimension::COUNT],
    by_dimension: OnceLock<[Vec<FacetValue>; Dimension::COUNT]>,
    /// The years present, ascending: the Year dimension's slots.
    years: Vec<u16>,
    /// The month an action's status (ongoing or ended) is seen from.
    today: YearMonth,
    /// Each value's spellings folded for matching, per dimension: folded on the first
    /// typed value, not when the engine opens (most of the cost is the place names).
    folded: OnceLock<[Vec<Vec<String>>; Dimension::COUNT]>,
}

/// Lowercase, accent-free, single-spaced: how typed values are compared.
pub fn fold(typed: &str) -> String {
    text::fold(typed)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl<'c> Values<'c> {
    /// The values of `catalogue`'s dimensions, with statuses seen from the month `today`.
    pub fn new(catalogue: &'c Catalogue<'c>, today: YearMonth) -> Values<'c> {
        let mut years: Vec<u16> = catalogue.facets().iter().map(|row| row.year).collect();
        years.sort_unstable();
        years.dedup();
        let mut values = Values {
            catalogue,
            lens: [0; Dimension::COUNT],
            by_dimension: OnceLock::new(),
            years,
            today,
            folded: OnceLock::new(),
        };
        let sources = values.sources();
        let lens = Dimension::ALL.map(|dimension| (dimension.facet().len)(&sources));
        values.lens = lens;
        values
    }

    /// The years present, ascending: the Year dimension's slots.
    pub fn years(&self) -> &[u16] {
        &self.years
    }

    fn sources(&self) -> Sources<'_> {
        Sources {
            catalogue: self.catalogue,
            years: &self.years,
            today: self.today,
        }
    }

    /// How many values `dimension` has (its slots are `0..len`).
    pub fn len(&self, dimension: Dimension) -> usize {
        self.lens[dimension as usize]
    }

    /// The values of a dimension, in slot order.
    pub fn of(&self, dimension: Dimension) -> &[FacetValue] {
        &self.all()[dimension as usize]
    }

    fn all(&self) -> &[Vec<FacetValue>; Dimension::COUNT] {
        self.by_dimension.get_or_init(|| {
            let sources = self.sources();
            let built: [Vec<FacetValue>; Dimension::COUNT] =
                Dimension::ALL.map(|dimension| (dimension.facet().values)(&sources));
            debug_assert!(
                Dimension::ALL
                    .iter()
                    .all(|&dimension| built[dimension as usize].len() == self.len(dimension))
            );
            built
        })
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
        &folded[dimension as usize]
    }

    /// The values an action's facet row holds in `dimension`.
    #[inline]
    pub fn slots<'r>(&'r self, row: &'r FacetRow, dimension: Dimension) -> Slots<'r> {
        (dimension.facet().slots)(&self.sources(), row)
    }

    /// Adds one to each value a facet row holds, in every dimension (`counts` indexed by
    /// dimension, then slot).
    #[inline]
    pub(crate) fn count_every_slot(
        &self,
        row: &FacetRow,
        counts: &mut [Vec<usize>; Dimension::COUNT],
    ) {
        let sources = self.sources();
        for (facet, counts) in FACETS.iter().zip(counts.iter_mut()) {
            (facet.slots)(&sources, row).for_each(|slot| counts[slot] += 1);
        }
    }

    /// The values one of whose spellings is `folded`.
    fn spelt(&self, dimension: Dimension, folded: &str) -> Vec<ValueSlot> {
        let spellings = self.folded_spellings(dimension);
        (0..spellings.len())
            .filter(|&slot| spellings[slot].iter().any(|spelling| spelling == folded))
            .collect()
    }

    /// The slot of a typed value: any accepted spelling, accents and case ignored.
    pub fn parse(&self, dimension: Dimension, typed: &str) -> Result<ValueSlot, FilterError> {
        let wanted = fold(typed);
        let values = self.of(dimension);
        let spellings = self.folded_spellings(dimension);
        let matching = self.spelt(dimension, &wanted);
        match matching.as_slice() {
            [slot] => return Ok(*slot),
            // "San José" is two cities: choosing one silently would hide the other.
            [_, _, ..] => {
                return Err(FilterError {
                    dimension,
                    typed: crate::text::echoed(typed),
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
            typed: crate::text::echoed(typed),
            suggestions,
            listed_all,
            ambiguous: false,
        })
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

impl FilterError {
    /// What is wrong, in `strings`' language.
    pub fn message(&self, strings: &Strings) -> String {
        let words = &strings.messages;
        let template = if self.ambiguous {
            words.ambiguous_value
        } else if self.listed_all {
            words.unknown_value
        } else {
            words.unknown_value_closest
        };
        fill_all(
            template,
            &[
                ("flag", self.dimension.key()),
                ("value", &self.typed),
                ("values", &self.suggestions.join(", ")),
            ],
        )
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message(Lang::EN.strings()))
    }
}

impl std::error::Error for FilterError {}

/// The selected values of each dimension: a result must match one selected value of every
/// dimension that has any (any-of within a dimension, all-of across dimensions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    selected: [Vec<ValueSlot>; Dimension::COUNT],
}

impl Filters {
    pub fn new() -> Filters {
        Filters::default()
    }

    /// The selected slots of a dimension.
    pub fn selected(&self, dimension: Dimension) -> &[ValueSlot] {
        &self.selected[dimension as usize]
    }

    pub fn is_selected(&self, dimension: Dimension, slot: ValueSlot) -> bool {
        self.selected(dimension).contains(&slot)
    }

    /// Selects a value (no effect if already selected).
    pub fn select(&mut self, dimension: Dimension, slot: ValueSlot) {
        let selected = &mut self.selected[dimension as usize];
        if !selected.contains(&slot) {
            selected.push(slot);
            selected.sort_unstable();
        }
    }

    /// Selects or unselects a value.
    pub fn toggle(&mut self, dimension: Dimension, slot: ValueSlot) {
        let selected = &mut self.selected[dimension as usize];
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
        self.selected[dimension as usize].clear();
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
    use crate::catalogue::End;

    /// The values each dimension finds in an action's facet row are those the action's
    /// own record names, in every dimension, seen from months on both sides of the
    /// actions' ends; counting every dimension at once adds up the same.
    #[test]
    fn every_dimension_reads_the_values_the_action_names() {
        let catalogue = crate::catalogue::embedded::catalogue();
        for today in [
            YearMonth {
                year: 2022,
                month: Some(1),
            },
            YearMonth {
                year: 2030,
                month: None,
            },
        ] {
            let values = Values::new(catalogue, today);
            let mut counted: [Vec<usize>; Dimension::COUNT] =
                Dimension::ALL.map(|dimension| vec![0; values.len(dimension)]);
            let mut expected = counted.clone();
            for (row, action) in catalogue.facets().iter().zip(catalogue.actions()) {
                values.count_every_slot(row, &mut counted);
                for dimension in Dimension::ALL {
                    let keys = |slots: Vec<ValueSlot>| -> Vec<String> {
                        let mut keys: Vec<String> = slots
                            .into_iter()
                            .map(|slot| values.of(dimension)[slot].key.clone())
                            .collect();
                        keys.sort();
                        keys
                    };
                    let mut found = Vec::new();
                    values
                        .slots(row, dimension)
                        .for_each(|slot| found.push(slot));
                    for &slot in &found {
                        expected[dimension as usize][slot] += 1;
                    }
                    let tables = &catalogue.tables;
                    let mut named: Vec<String> = match dimension {
                        Dimension::Priority => {
                            action.priorities.iter().map(u8::to_string).collect()
                        }
                        Dimension::Compact => vec![
                            action
                                .compact
                                .map_or("unstated", |compact| compact.machine_name())
                                .to_owned(),
                        ],
                        Dimension::Theme => action
                            .themes
                            .iter()
                            .map(|theme| theme.machine_name().to_owned())
                            .collect(),
                        Dimension::Region => {
                            vec![tables.regions[action.region as usize].id.to_owned()]
                        }
                        Dimension::Country => action
                            .country
                            .map(|country| tables.countries[country as usize].id.to_owned())
                            .into_iter()
                            .collect(),
                        Dimension::City => action
                            .places
                            .iter()
                            .map(|&place| tables.places[place as usize].id.to_owned())
                            .collect(),
                        Dimension::Year => vec![action.year.to_string()],
                        Dimension::Gcf => vec![if action.gcf { "yes" } else { "no" }.to_owned()],
                        Dimension::Kind => vec![action.kind.machine_name().to_owned()],
                        Dimension::Status => vec![
                            Status::of(
                                action.duration.as_ref().map(|duration| duration.end),
                                today,
                            )
                            .key()
                            .to_owned(),
                        ],
                    };
                    named.sort();
                    assert_eq!(keys(found), named, "{} of {}", dimension.key(), action.id);
                }
            }
            assert_eq!(counted, expected);
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
