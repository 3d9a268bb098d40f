//! The flat, documented view of an action that scripts read: the JSON (and later CSV)
//! schema. Field names are a contract: add fields, never rename or remove one.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Catalogue;
use super::{Action, End, MachineName, Status, TextLanguage, YearMonth};

/// The fields each translation gives a record, as `<field>_<code>` (`title_en`,
/// `description_es`).
pub const TRANSLATED_FIELDS: [&str; 5] = ["title", "summary", "description", "spotlight", "quote"];

/// The names each translation gives a record, as `<field>_<code>` (`city_es`,
/// `country_en`): the first place's and the country's name in that language.
pub const TRANSLATED_NAMES: [&str; 2] = ["city", "country"];

/// One action as `list --format json` and `show --format json` print it. Readers should
/// ignore fields they do not know: fields are added over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRecord<'a> {
    pub id: Cow<'a, str>,
    /// The collection the action belongs to (the year of its section).
    pub year: u16,
    /// The id of the report section it is printed in (`sections.toml`).
    pub section: Cow<'a, str>,
    /// First and last line of the action's text in the source report.
    pub source_lines: [u32; 2],
    pub submitter: Cow<'a, str>,
    /// `local_government`, `national_government` or `organisation`.
    pub kind: Cow<'a, str>,
    /// The first place, in the report's spelling; null for organisations without a city.
    pub city: Option<Cow<'a, str>>,
    /// Every place, in the report's spelling (the 2022 Milan–Freetown partnership has two).
    pub cities: Vec<Cow<'a, str>>,
    /// The country's name as the report prints it (French).
    pub country: Option<Cow<'a, str>>,
    /// ISO 3166-1 alpha-2, where one exists.
    pub country_code: Option<Cow<'a, str>>,
    /// Region id: `africa`, `latin-america-caribbean`, `north-america-europe`,
    /// `asia-pacific`, `middle-east-north-africa` or `global`.
    pub region: Cow<'a, str>,
    pub mayor: Option<Cow<'a, str>>,
    pub title: Cow<'a, str>,
    /// As printed.
    pub duration: Option<Cow<'a, str>>,
    /// `YYYY-MM` or `YYYY`.
    pub start: Option<Cow<'a, str>>,
    /// `YYYY-MM` or `YYYY`; null when ongoing or not given.
    pub end: Option<Cow<'a, str>>,
    /// True for "en cours"; null when the report gives no duration. An action whose end
    /// date is still to come is not "en cours" but is ongoing: see `status`.
    pub ongoing: Option<bool>,
    /// `ongoing`, `ended` or `unstated` (no duration printed), seen from the month
    /// `status_as_of`: what the statistics and the status filter count.
    pub status: Cow<'a, str>,
    /// `YYYY-MM`: the month the status is seen from (this month, or `--today`'s).
    pub status_as_of: Cow<'a, str>,
    /// `gcm`, `gcr`, `mirror`, `idp`, or null where the report does not say (2022).
    pub compact: Option<Cow<'a, str>>,
    pub compact_printed: Option<Cow<'a, str>>,
    /// Every priority, stated by the report or assigned by the editors.
    pub priorities: Vec<u8>,
    /// The subset the report states.
    pub priorities_stated: Vec<u8>,
    /// Supported by the Global Cities Fund for Migrants and Refugees.
    pub gcf: bool,
    /// Ids of linked actions (joint commitments).
    pub partners: Vec<Cow<'a, str>>,
    /// Editors' thematic tags.
    pub themes: Vec<Cow<'a, str>>,
    pub quote: Option<Cow<'a, str>>,
    pub quote_author: Option<Cow<'a, str>>,
    /// The report's French text, whole.
    pub description: Cow<'a, str>,
    /// The shorter rewrite in a priority spotlight.
    pub spotlight: Option<Cow<'a, str>>,
    pub editor_notes: Vec<Cow<'a, str>>,
    /// The editors' translations, one key per field and language of
    /// [`TRANSLATED_FIELDS`]: `title_en`, `summary_en`, `description_en`, `spotlight_en`,
    /// `quote_en`, the same with `_es`, and so on for every language of the texts;
    /// spotlight and quote are null where the report prints none. And the editors' names
    /// of [`TRANSLATED_NAMES`] in each: `city_en`, `country_en`, `city_es`, `country_es`
    /// (null where the record has no place or country).
    #[serde(flatten)]
    pub translated: BTreeMap<String, Option<Cow<'a, str>>>,
}

impl<'a> ActionRecord<'a> {
    /// The flat view of an action of `catalogue`, its status seen from the month `today`.
    pub fn new(
        catalogue: &Catalogue<'a>,
        action: &Action<'a>,
        today: YearMonth,
    ) -> ActionRecord<'a> {
        let borrowed = |text: &'a str| Cow::Borrowed(text);
        let tables = &catalogue.tables;
        let cities: Vec<Cow<'a, str>> = action
            .places
            .iter()
            .map(|&place| borrowed(tables.places[place as usize].name_fr()))
            .collect();
        let country = action
            .country
            .map(|country| &tables.countries[country as usize]);
        let (start, end, ongoing) = match &action.duration {
            None => (None, None, None),
            Some(duration) => match duration.end {
                End::Ongoing => (Some(duration.start.iso().into()), None, Some(true)),
                End::At(end) => (
                    Some(duration.start.iso().into()),
                    Some(end.iso().into()),
                    Some(false),
                ),
            },
        };
        ActionRecord {
            id: borrowed(action.id),
            year: action.year,
            section: borrowed(catalogue.section_id(action)),
            source_lines: [action.source_lines.0, action.source_lines.1],
            submitter: borrowed(action.submitter),
            kind: borrowed(action.kind.machine_name()),
            city: cities.first().cloned(),
            cities,
            country: country.map(|country| borrowed(country.name_fr())),
            country_code: country.and_then(|country| country.iso2.map(borrowed)),
            region: borrowed(tables.regions[action.region as usize].id),
            mayor: action.mayor.map(borrowed),
            title: borrowed(action.title),
            duration: action
                .duration
                .as_ref()
                .map(|duration| borrowed(duration.printed)),
            start,
            end,
            ongoing,
            status: borrowed(
                Status::of(action.duration.as_ref().map(|duration| duration.end), today).key(),
            ),
            status_as_of: today.iso().into(),
            compact: action
                .compact
                .map(|compact| borrowed(compact.machine_name())),
            compact_printed: action.compact_printed.map(borrowed),
            priorities: action.priorities.clone(),
            priorities_stated: action.priorities_stated.clone(),
            gcf: action.gcf,
            partners: action
                .partners
                .iter()
                .map(|&partner| borrowed(catalogue.id_at(partner)))
                .collect(),
            themes: action
                .themes
                .iter()
                .map(|theme| borrowed(theme.machine_name()))
                .collect(),
            quote: action.quote.map(borrowed),
            quote_author: action.quote_author.map(borrowed),
            description: borrowed(action.description),
            spotlight: action.spotlight.map(borrowed),
            editor_notes: action.editor_notes.iter().copied().map(borrowed).collect(),
            translated: TextLanguage::translations()
                .flat_map(|language| {
                    let texts = action.texts(language);
                    let values = [
                        Some(texts.title),
                        texts.summary,
                        Some(texts.description),
                        texts.spotlight,
                        texts.quote,
                    ];
                    let city = action
                        .places
                        .first()
                        .map(|&place| tables.places[place as usize].name(language));
                    let names = [city, country.map(|country| country.name(language))];
                    TRANSLATED_FIELDS
                        .iter()
                        .zip(values)
                        .chain(TRANSLATED_NAMES.iter().zip(names))
                        .map(move |(field, value)| {
                            (format!("{field}_{}", language.code()), value.map(borrowed))
                        })
                })
                .collect(),
        }
    }

    /// A translated field by its record name (`title_en`); empty where there is none.
    pub fn translated(&self, name: &str) -> &str {
        self.translated
            .get(name)
            .and_then(|value| value.as_deref())
            .unwrap_or_default()
    }
}
