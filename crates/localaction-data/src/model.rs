//! The compiled catalogue: the types `build.rs` encodes into the embedded blob and the
//! binary decodes from it.
//!
//! Every string borrows from the bytes it was decoded from (`&'a str`): decoding the
//! embedded blob copies no text. Cross-references between tables are indices into the
//! catalogue's vectors, resolved once at build time.

use serde::{Deserialize, Serialize};

use crate::languages::TextLanguage;
use crate::thesaurus::Concept;

/// Position of a row in one of the catalogue's tables.
pub type Position = u32;

/// The Call to Local Action's priorities are numbered 1 to this.
pub const PRIORITIES: u8 = 8;

/// The reference tables: small, decoded whole when the catalogue opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tables<'a> {
    #[serde(borrow)]
    pub reports: Vec<Report<'a>>,
    #[serde(borrow)]
    pub sections: Vec<Section<'a>>,
    #[serde(borrow)]
    pub regions: Vec<Region<'a>>,
    #[serde(borrow)]
    pub countries: Vec<Country<'a>>,
    #[serde(borrow)]
    pub places: Vec<Place<'a>>,
    #[serde(borrow)]
    pub priorities: Vec<Priority<'a>>,
    #[serde(borrow)]
    pub participants: Vec<Participant<'a>>,
    #[serde(borrow)]
    pub figures: Vec<Figure<'a>>,
    /// The editors' thesaurus.
    #[serde(borrow)]
    pub concepts: Vec<Concept<'a>>,
}

/// A report the catalogue is compiled from, as its cover prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report<'a> {
    pub id: &'a str,
    /// The year it reports on.
    pub year: u16,
    pub title: &'a str,
    pub edition: &'a str,
    /// The file it was transcribed from.
    pub source_file: &'a str,
    /// The cover's lines in that file.
    pub source_lines: (u32, u32),
}

/// A part of a report where actions are printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section<'a> {
    pub id: &'a str,
    /// The report's position in `Tables::reports`.
    pub report: Position,
    /// The year of the actions it prints.
    pub collection: u16,
    /// Its heading, as printed.
    pub heading: &'a str,
    pub source_line: u32,
}

/// One of the report's own published figures ("54 actions locales…"), as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure<'a> {
    /// The id of the report that prints it.
    pub report: &'a str,
    /// `year`, `compact` or `theme`.
    pub dimension: &'a str,
    /// The year, compact or theme counted.
    pub key: &'a str,
    /// The collection the figure is about.
    pub year: u16,
    pub value: u32,
    /// The sentence that prints it, verbatim.
    pub printed: &'a str,
    pub source_line: u32,
}

/// The catalogue as compiled from the dataset, every action in memory: what `blob::encode`
/// writes. Actions are in a deterministic order (year, then submitter, then id).
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled<'a> {
    pub tables: Tables<'a>,
    pub actions: Vec<Action<'a>>,
}

/// What the filters read of one action: decoded with the catalogue's header, so filtering
/// and counting never decode an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetRow {
    pub year: u16,
    pub compact: Option<Compact>,
    /// Bit `n` is set for priority `n`.
    pub priorities: u16,
    pub region: Position,
    pub country: Option<Position>,
    /// The action's places: `Catalogue::facet_places()[start..start + count]`.
    pub places_start: u32,
    pub places_count: u8,
    pub gcf: bool,
    pub kind: SubmitterKind,
    /// The parsed end of the duration; `None` where the report prints no duration.
    pub end: Option<End>,
    /// Bit `n` is set for the theme `Theme::ALL[n]`.
    pub themes: u8,
}

impl FacetRow {
    /// The facet row of `action`, whose places start at `places_start` in the catalogue's
    /// list of every action's places.
    pub fn of(action: &Action<'_>, places_start: usize) -> Result<FacetRow, String> {
        Ok(FacetRow {
            year: action.year,
            compact: action.compact,
            priorities: action
                .priorities
                .iter()
                .fold(0u16, |bits, &priority| bits | 1 << (priority & 15)),
            region: action.region,
            country: action.country,
            places_start: u32::try_from(places_start).map_err(|_| "too many places")?,
            places_count: u8::try_from(action.places.len())
                .map_err(|_| format!("action \"{}\" has too many places", action.id))?,
            gcf: action.gcf,
            kind: action.kind,
            end: action.duration.as_ref().map(|duration| duration.end),
            themes: action
                .themes
                .iter()
                .fold(0u8, |bits, &theme| bits | 1 << theme as u8),
        })
    }
}

/// One of the report's regional groupings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region<'a> {
    pub id: &'a str,
    /// Its name in each language of the catalogue's texts: the report's French, then the
    /// editors' translations ([`Region::name`]).
    #[serde(borrow)]
    pub names: Vec<&'a str>,
    /// Other spellings readers of the translations may type.
    #[serde(borrow)]
    pub aliases: Vec<&'a str>,
}

/// A country (or territory) named by the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country<'a> {
    pub id: &'a str,
    /// Its name in each language of the catalogue's texts: as the report prints it, then
    /// the editors' names ([`Country::name`]).
    #[serde(borrow)]
    pub names: Vec<&'a str>,
    /// ISO 3166-1 alpha-2, where one exists (editors').
    pub iso2: Option<&'a str>,
    /// Editors' assignment to one of the report's regions.
    pub region: Position,
    #[serde(borrow)]
    pub aliases: Vec<&'a str>,
}

/// A city, province, state, county or region where an action takes place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place<'a> {
    pub id: &'a str,
    /// Its name in each language of the catalogue's texts: the report's usual spelling,
    /// then the editors' names ([`Place::name`]).
    #[serde(borrow)]
    pub names: Vec<&'a str>,
    pub kind: PlaceKind,
    pub country: Position,
    /// Editors' coordinates (WGS84).
    pub lat: f64,
    pub lon: f64,
    /// Every other spelling found in the report, plus common English/local names.
    #[serde(borrow)]
    pub aliases: Vec<&'a str>,
}

macro_rules! named_in_every_language {
    ($($table:ident),*) => {$(
        impl<'a> $table<'a> {
            /// Its name in `language`: the report's for the source, the editors' otherwise.
            pub fn name(&self, language: TextLanguage) -> &'a str {
                self.names
                    .get(language.index())
                    .or(self.names.first())
                    .copied()
                    .unwrap_or_default()
            }

            /// Its name as the report prints it.
            pub fn name_fr(&self) -> &'a str {
                self.name(TextLanguage::SOURCE)
            }
        }
    )*};
}

named_in_every_language!(Region, Country, Place, Priority);

/// What kind of territory a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    City,
    Province,
    State,
    County,
    Region,
    District,
    Island,
}

/// One of the eight priorities of the Call to Local Action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Priority<'a> {
    pub number: u8,
    /// Its name in each language of the catalogue's texts: the table of contents', then
    /// the editors' translations ([`Priority::name`]).
    #[serde(borrow)]
    pub names: Vec<&'a str>,
    /// Heading of its spotlight section, as printed.
    pub heading_fr: &'a str,
    /// Short name in the priorities chart.
    pub short_fr: &'a str,
    pub gcm_objectives: Vec<u8>,
    #[serde(borrow)]
    pub gcr_areas: Vec<&'a str>,
    pub sdgs: Vec<u8>,
    pub kind_of_actions: &'a str,
    pub source_lines: (u32, u32),
}

/// One line of a front page ("ACTIONS 2022" / "ACTIONS 2023").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant<'a> {
    pub year: u16,
    /// As printed.
    pub name: &'a str,
    /// The country after the comma, as printed.
    pub country_printed: Option<&'a str>,
    /// For organisations without a country: "Monde", "Global" or "Europe", as printed.
    pub scope_printed: Option<&'a str>,
    /// Number of actions brought that year (1 where the page prints no number).
    pub actions: u16,
    pub group: ParticipantGroup,
    pub place: Option<Position>,
    pub country: Option<Position>,
    pub source_line: u32,
}

/// The front pages' two headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantGroup {
    LocalGovernment,
    Organisation,
}

/// One action (commitment) of the Call to Local Action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action<'a> {
    pub id: &'a str,
    /// The collection it belongs to: its section's.
    pub year: u16,
    /// Where it is printed: a position in `Tables::sections`.
    pub section: Position,
    /// First and last line of its text in the source report.
    pub source_lines: (u32, u32),
    /// The entity as the report names it.
    pub submitter: &'a str,
    pub kind: SubmitterKind,
    pub places: Vec<Position>,
    /// Explicit for organisations without a place; the first place's country otherwise.
    pub country: Option<Position>,
    pub region: Position,
    pub mayor: Option<&'a str>,
    /// As printed.
    pub title: &'a str,
    pub duration: Option<Duration<'a>>,
    pub compact: Option<Compact>,
    pub compact_printed: Option<&'a str>,
    /// Every priority, stated or assigned, ascending.
    pub priorities: Vec<u8>,
    /// The subset the report states (its spotlight sections).
    pub priorities_stated: Vec<u8>,
    /// Supported by the Global Cities Fund for Migrants and Refugees, as the text says.
    pub gcf: bool,
    /// Linked actions (joint commitments), as indices into `Catalogue::actions`.
    pub partners: Vec<Position>,
    /// Editors' thematic tags.
    pub themes: Vec<Theme>,
    pub quote: Option<&'a str>,
    pub quote_author: Option<&'a str>,
    /// The report's French text, whole.
    pub description: &'a str,
    /// The shorter rewrite printed in a priority spotlight (2023 actions only).
    pub spotlight: Option<&'a str>,
    /// The editors' translations, one for each language of
    /// [`LANGUAGES`](crate::languages::LANGUAGES) after the report's, in that order.
    #[serde(borrow)]
    pub translations: Vec<Translation<'a>>,
    #[serde(borrow)]
    pub editor_notes: Vec<&'a str>,
}

/// The editors' translation of an action's texts into one language, paragraph for
/// paragraph, with their summary in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Translation<'a> {
    pub title: &'a str,
    /// The editors' own summary, one or two sentences.
    pub summary: &'a str,
    pub description: &'a str,
    pub spotlight: Option<&'a str>,
    pub quote: Option<&'a str>,
}

/// An action's texts in one language: as the report prints them, or as the editors
/// translated them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Texts<'a> {
    pub language: TextLanguage,
    pub title: &'a str,
    /// The editors' summary: in the translations only (the report prints none).
    pub summary: Option<&'a str>,
    pub description: &'a str,
    pub spotlight: Option<&'a str>,
    pub quote: Option<&'a str>,
}

impl<'a> Action<'a> {
    /// Its texts in `language`.
    pub fn texts(&self, language: TextLanguage) -> Texts<'a> {
        match language.index().checked_sub(1) {
            None => Texts {
                language,
                title: self.title,
                summary: None,
                description: self.description,
                spotlight: self.spotlight,
                quote: self.quote,
            },
            Some(index) => {
                let translation = &self.translations[index];
                Texts {
                    language,
                    title: translation.title,
                    summary: Some(translation.summary),
                    description: translation.description,
                    spotlight: translation.spotlight,
                    quote: translation.quote,
                }
            }
        }
    }

    /// Its texts in every language, the report's first.
    pub fn all_texts(&self) -> impl Iterator<Item = Texts<'a>> + '_ {
        TextLanguage::all().map(|language| self.texts(language))
    }
}

/// Who submitted an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SubmitterKind {
    LocalGovernment,
    NationalGovernment,
    Organisation,
}

/// The commitment type, as printed under "TYPE D'ENGAGEMENT".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Compact {
    /// "PMM seulement/uniquement": the Global Compact for Migration only.
    Gcm,
    /// "PMR seulement/uniquement": the Global Compact on Refugees only.
    Gcr,
    /// "Engagement miroir": both compacts.
    Mirror,
    /// "Personnes déplacées à l'intérieur de leur propre pays": internally displaced people.
    Idp,
}

/// The report's thematic groupings ("2023 en chiffres"), assigned by the editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Theme {
    Services,
    ChildrenYouth,
    EmploymentEntrepreneurship,
    Climate,
    HumanitarianAid,
    Governance,
}

/// A duration as printed, with the period the editors parsed from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duration<'a> {
    pub printed: &'a str,
    pub start: YearMonth,
    pub end: End,
}

/// The end of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum End {
    /// "en cours".
    Ongoing,
    At(YearMonth),
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

/// A year, with the month where the report gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: u16,
    pub month: Option<u8>,
}

/// The stable machine names used in the dataset files and in JSON output.
pub trait MachineName: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    fn machine_name(self) -> &'static str;

    fn from_machine_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.machine_name() == name)
    }

    /// The valid names, for error messages: "a, b, c".
    fn valid_names() -> String {
        Self::ALL
            .iter()
            .map(|value| value.machine_name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl MachineName for SubmitterKind {
    const ALL: &'static [Self] = &[
        SubmitterKind::LocalGovernment,
        SubmitterKind::NationalGovernment,
        SubmitterKind::Organisation,
    ];
    fn machine_name(self) -> &'static str {
        match self {
            SubmitterKind::LocalGovernment => "local_government",
            SubmitterKind::NationalGovernment => "national_government",
            SubmitterKind::Organisation => "organisation",
        }
    }
}

impl MachineName for Compact {
    const ALL: &'static [Self] = &[Compact::Gcm, Compact::Gcr, Compact::Mirror, Compact::Idp];
    fn machine_name(self) -> &'static str {
        match self {
            Compact::Gcm => "gcm",
            Compact::Gcr => "gcr",
            Compact::Mirror => "mirror",
            Compact::Idp => "idp",
        }
    }
}

impl MachineName for Theme {
    const ALL: &'static [Self] = &[
        Theme::Services,
        Theme::ChildrenYouth,
        Theme::EmploymentEntrepreneurship,
        Theme::Climate,
        Theme::HumanitarianAid,
        Theme::Governance,
    ];
    fn machine_name(self) -> &'static str {
        match self {
            Theme::Services => "services",
            Theme::ChildrenYouth => "children_youth",
            Theme::EmploymentEntrepreneurship => "employment_entrepreneurship",
            Theme::Climate => "climate",
            Theme::HumanitarianAid => "humanitarian_aid",
            Theme::Governance => "governance",
        }
    }
}

impl Compact {
    /// The compact a printed "TYPE D'ENGAGEMENT" value names, if any.
    pub fn from_printed(printed: &str) -> Option<Compact> {
        let lower = printed.trim().to_lowercase();
        if lower.starts_with("engagement miroir") {
            Some(Compact::Mirror)
        } else if lower.starts_with("pmr") {
            Some(Compact::Gcr)
        } else if lower.starts_with("pmm") {
            Some(Compact::Gcm)
        } else if lower.starts_with("personnes déplacées") {
            Some(Compact::Idp)
        } else {
            None
        }
    }
}

impl YearMonth {
    /// `2023-10`, or `2023` where the month is not given.
    pub fn iso(self) -> String {
        match self.month {
            Some(month) => format!("{:04}-{:02}", self.year, month),
            None => format!("{:04}", self.year),
        }
    }
}

impl<'a> Tables<'a> {
    /// The priority with this number.
    pub fn priority(&self, number: u8) -> Option<&Priority<'a>> {
        self.priorities
            .iter()
            .find(|priority| priority.number == number)
    }

    /// `action`'s submitter as a reader of `language` knows it: a government named as one
    /// of its places or as its country ("Athènes", "Allemagne") by that place's or
    /// country's name in the language ("Athens", "Germany"; "Atenas", "Alemania"); every
    /// other name as the report prints it.
    pub fn submitter_name(&self, action: &Action<'a>, language: TextLanguage) -> &'a str {
        let place = action
            .places
            .iter()
            .filter_map(|&place| self.places.get(place as usize))
            .find(|place| place.name_fr() == action.submitter)
            .map(|place| place.name(language));
        let country = || {
            action
                .country
                .and_then(|country| self.countries.get(country as usize))
                .filter(|country| country.name_fr() == action.submitter)
                .map(|country| country.name(language))
        };
        place.or_else(country).unwrap_or(action.submitter)
    }
}
