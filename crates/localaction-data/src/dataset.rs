//! Loads the human-edited TOML files under `dataset/`, validates them and compiles them into
//! a [`Compiled`] catalogue. Shared with `build.rs` (a dataset that does not validate fails the build)
//! and used by tests and benchmarks to build catalogues in memory.
//!
//! Every problem is reported, not just the first, and each message names the file, the
//! record and the field, so that an editor adding next year's report knows what to fix.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::duration::parse_duration;
use crate::languages::TextLanguage;
use crate::model::{
    Action, Compact, Compiled, Country, Duration, Figure, MachineName, PRIORITIES, Participant,
    ParticipantGroup, Place, PlaceKind, Position, Priority, Region, Report, Section, SubmitterKind,
    Tables, Theme, Translation,
};
use crate::text;
use crate::thesaurus::{self, ConceptRow};
use crate::translation;

/// One problem found in the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    /// The file, relative to the dataset folder (`actions/2023.toml`).
    pub file: String,
    /// The record (`action "2023-amman-climate-academy"`, `place "zurich"`), if known.
    pub record: Option<String>,
    /// The field, if the problem is in one.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.file)?;
        if let Some(record) = &self.record {
            write!(formatter, ": {record}")?;
        }
        if let Some(field) = &self.field {
            write!(formatter, ": field `{field}`")?;
        }
        write!(formatter, ": {}", self.message)
    }
}

/// All problems found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetErrors(pub Vec<DatasetError>);

impl fmt::Display for DatasetErrors {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        writeln!(
            formatter,
            "the dataset has {count} problem{}:",
            if count == 1 { "" } else { "s" }
        )?;
        for error in &self.0 {
            writeln!(formatter, "  {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DatasetErrors {}

// ---------------------------------------------------------------------------------------
// The files as written by the editors (see dataset/README.md).
// ---------------------------------------------------------------------------------------

/// A report of `reports.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRow {
    pub id: String,
    pub year: u16,
    pub title: String,
    pub edition: String,
    pub source_file: String,
    pub source_lines: (u32, u32),
}

/// A section of `sections.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRow {
    pub id: String,
    pub report: String,
    pub collection: u16,
    pub heading: String,
    pub source_line: u32,
}

/// A region row of `regions.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionRow {
    pub id: String,
    pub name_fr: String,
    pub name_en: String,
    /// The editors' names of the region's parts ("Amérique latine", "Europe"), in French
    /// and English: each names the whole region, as a filter value and as query words.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A country row of `countries.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryRow {
    pub id: String,
    pub name_fr: String,
    pub name_en: String,
    pub iso2: Option<String>,
    pub region: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A place row of `places.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRow {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub kind: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A priority row of `priorities.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityRow {
    pub number: u8,
    pub name_fr: String,
    pub heading_fr: String,
    pub short_fr: String,
    pub name_en: String,
    pub gcm_objectives: Vec<u8>,
    pub gcr_areas: Vec<String>,
    pub sdgs: Vec<u8>,
    pub kind_of_actions: String,
    pub source_lines: (u32, u32),
}

/// A front-page line of `participants.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantRow {
    pub year: u16,
    pub name: String,
    pub country_printed: Option<String>,
    pub actions: u16,
    pub group: String,
    pub place: Option<String>,
    pub country: Option<String>,
    pub scope_printed: Option<String>,
    pub source_line: u32,
}

/// A published figure of `figures.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureRow {
    pub report: String,
    pub dimension: String,
    pub key: String,
    pub year: u16,
    pub value: u32,
    pub printed: String,
    pub source_line: u32,
}

/// An action of `actions/*.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionRow {
    pub id: String,
    pub year: u16,
    pub section: String,
    pub source_lines: (u32, u32),
    pub submitter: String,
    pub kind: String,
    #[serde(default)]
    pub places: Vec<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub mayor: Option<String>,
    pub title: String,
    pub title_en: String,
    pub summary_en: String,
    pub duration: Option<String>,
    pub compact_printed: Option<String>,
    pub compact: Option<String>,
    #[serde(default)]
    pub priorities_stated: Vec<u8>,
    #[serde(default)]
    pub priorities_editors: Vec<u8>,
    #[serde(default)]
    pub gcf: bool,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    pub quote: Option<String>,
    pub quote_author: Option<String>,
    /// The editors' translation of the quote.
    pub quote_en: Option<String>,
    pub description: String,
    /// The editors' translation of the description.
    pub description_en: Option<String>,
    pub spotlight: Option<String>,
    /// The editors' translation of the spotlight write-up.
    pub spotlight_en: Option<String>,
    #[serde(default)]
    pub editor_notes: Vec<String>,
}

/// The language whose translation is still written inline, in each action's `*_en` fields
/// (`title_en`, `summary_en`, `description_en`, `spotlight_en`, `quote_en`), rather than in
/// `translations/<code>/`: the first translation, written before the folder existed. Every
/// other language of the table has its folder.
pub const INLINE_TRANSLATION: &str = "en";

/// An action's translation, in `translations/<code>/actions/*.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationRow {
    pub id: String,
    pub title: String,
    /// The editors' summary, written in that language.
    pub summary: String,
    pub description: String,
    pub spotlight: Option<String>,
    pub quote: Option<String>,
    /// What the translators and the second reader decided, and why.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A region's, country's or place's name in a translation's language, in
/// `translations/<code>/names.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRow {
    pub id: String,
    pub name: String,
    /// Other spellings a reader of that language may type.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A priority's names in a translation's language, in `translations/<code>/names.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityNameRow {
    pub number: u8,
    pub name: String,
    pub short: String,
}

/// An acronym the report prints with its form in a translation's language ("HCR" and
/// "ACNUR"), in `translations/<code>/acronyms.toml`: the translation may use either.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcronymRow {
    pub printed: String,
    pub translated: String,
}

/// One language's translation files (empty for [`INLINE_TRANSLATION`]).
#[derive(Debug, Clone, Default)]
pub struct TranslationFiles {
    pub code: String,
    pub actions: Vec<Sourced<TranslationRow>>,
    pub regions: Vec<Sourced<NameRow>>,
    pub countries: Vec<Sourced<NameRow>>,
    pub places: Vec<Sourced<NameRow>>,
    pub priorities: Vec<Sourced<PriorityNameRow>>,
    pub acronyms: Vec<Sourced<AcronymRow>>,
}

impl TranslationFiles {
    /// The translation of `action` in this language, if written.
    pub fn text_of<'d>(&'d self, action: &'d Sourced<ActionRow>) -> Option<TranslationText<'d>> {
        if self.code == INLINE_TRANSLATION {
            return Some(TranslationText::inline(&action.file, &action.row));
        }
        self.actions
            .iter()
            .find(|translated| translated.row.id == action.row.id)
            .map(TranslationText::from_file)
    }

    /// Writes `translated` where this language's translations go: into `action`'s own
    /// fields for the inline one, as a row of a translation file otherwise.
    pub fn set_text_of(&mut self, action: &mut ActionRow, translated: TranslationRow) {
        if self.code == INLINE_TRANSLATION {
            action.title_en = translated.title;
            action.summary_en = translated.summary;
            action.description_en = Some(translated.description);
            action.spotlight_en = translated.spotlight;
            action.quote_en = translated.quote;
            return;
        }
        self.actions.push(Sourced {
            file: format!("translations/{}/actions/synthetic.toml", self.code),
            row: translated,
        });
    }
}

/// A row together with the file it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub file: String,
    pub row: T,
}

/// The dataset as read from its files, before validation.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub reports: Vec<Sourced<ReportRow>>,
    pub sections: Vec<Sourced<SectionRow>>,
    pub regions: Vec<Sourced<RegionRow>>,
    pub countries: Vec<Sourced<CountryRow>>,
    pub places: Vec<Sourced<PlaceRow>>,
    pub priorities: Vec<Sourced<PriorityRow>>,
    pub participants: Vec<Sourced<ParticipantRow>>,
    pub figures: Vec<Sourced<FigureRow>>,
    pub actions: Vec<Sourced<ActionRow>>,
    /// The editors' thesaurus.
    pub concepts: Vec<Sourced<ConceptRow>>,
    /// The editors' translations, one set for each language of the table after the
    /// report's, in its order.
    pub translations: Vec<TranslationFiles>,
}

// ---------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------

/// The TOML files of the folder `relative` under `dir`, in name order.
fn toml_files(dir: &Path, relative: &str) -> Result<Vec<PathBuf>, DatasetErrors> {
    let folder = format!("{relative}/");
    let entries = std::fs::read_dir(dir.join(relative)).map_err(|error| {
        single_error(
            &folder,
            None,
            None,
            format!("cannot read the folder: {error}"),
        )
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| {
                single_error(
                    &folder,
                    None,
                    None,
                    format!("cannot read the folder: {error}"),
                )
            })?
            .path();
        if path
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            files.push(path);
        }
    }
    // Sorted so that the compiled catalogue never depends on the file system's order.
    files.sort();
    Ok(files)
}

fn single_error(
    file: &str,
    record: Option<String>,
    field: Option<&str>,
    message: String,
) -> DatasetErrors {
    DatasetErrors(vec![DatasetError {
        file: file.to_owned(),
        record,
        field: field.map(str::to_owned),
        message,
    }])
}

impl Dataset {
    /// Reads every file of the dataset folder. Syntax errors and unknown or missing fields
    /// are reported here, naming file and record; meaning is checked by [`Dataset::compile`].
    pub fn load(dir: &Path) -> Result<Dataset, DatasetErrors> {
        let mut dataset = Dataset::default();
        let mut errors = Vec::new();
        let mut read = |relative: String, key: &str| -> Vec<(String, toml::Value)> {
            read_rows(dir, relative, key, &[key], &mut errors)
        };
        let reports = read("reports.toml".into(), "report");
        let sections = read("sections.toml".into(), "section");
        let regions = read("regions.toml".into(), "region");
        let countries = read("countries.toml".into(), "country");
        let places = read("places.toml".into(), "place");
        let priorities = read("priorities.toml".into(), "priority");
        let participants = read("participants.toml".into(), "participant");
        let figures = read("figures.toml".into(), "figure");
        let concepts = read(thesaurus::FILE.into(), "concept");
        let actions = read_folder(dir, "actions", "action", &mut errors);

        dataset.reports = typed(reports, "report", &["id"], &mut errors);
        dataset.sections = typed(sections, "section", &["id"], &mut errors);
        dataset.regions = typed(regions, "region", &["id"], &mut errors);
        dataset.countries = typed(countries, "country", &["id"], &mut errors);
        dataset.places = typed(places, "place", &["id"], &mut errors);
        dataset.priorities = typed(priorities, "priority", &["number"], &mut errors);
        dataset.participants = typed(participants, "participant", &["year", "name"], &mut errors);
        dataset.figures = typed(figures, "figure", &["dimension", "key"], &mut errors);
        dataset.actions = typed(actions, "action", &["id"], &mut errors);
        dataset.concepts = typed(concepts, "concept", &["id"], &mut errors);
        for language in TextLanguage::translations() {
            let code = language.code();
            let mut files = TranslationFiles {
                code: code.to_owned(),
                ..TranslationFiles::default()
            };
            if code != INLINE_TRANSLATION {
                let folder = format!("translations/{code}");
                let actions = read_folder(dir, &format!("{folder}/actions"), "action", &mut errors);
                files.actions = typed(actions, "action", &["id"], &mut errors);
                let names = format!("{folder}/names.toml");
                let sections = ["region", "country", "place", "priority"];
                let mut section =
                    |key: &str| read_rows(dir, names.clone(), key, &sections, &mut errors);
                let (regions, countries, places, priorities) = (
                    section("region"),
                    section("country"),
                    section("place"),
                    section("priority"),
                );
                files.regions = typed(regions, "region", &["id"], &mut errors);
                files.countries = typed(countries, "country", &["id"], &mut errors);
                files.places = typed(places, "place", &["id"], &mut errors);
                files.priorities = typed(priorities, "priority", &["number"], &mut errors);
            }
            // Every language's own acronyms, the inline one's too.
            let acronyms = format!("translations/{code}/acronyms.toml");
            if dir.join(&acronyms).exists() {
                let rows = read_rows(dir, acronyms, "acronym", &["acronym"], &mut errors);
                files.acronyms = typed(rows, "acronym", &["printed"], &mut errors);
            }
            dataset.translations.push(files);
        }

        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(DatasetErrors(errors))
        }
    }
}

/// The rows of the array of tables `key` in the file `relative` (under `dir`), which may
/// hold only the arrays `allowed`; a file that cannot be read or parsed is reported.
fn read_rows(
    dir: &Path,
    relative: String,
    key: &str,
    allowed: &[&str],
    errors: &mut Vec<DatasetError>,
) -> Vec<(String, toml::Value)> {
    {
        let path = dir.join(&relative);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                errors.push(DatasetError {
                    file: relative,
                    record: None,
                    field: None,
                    message: format!("cannot read the file: {error}"),
                });
                return Vec::new();
            }
        };
        match rows_of(&text, key, allowed) {
            Ok(rows) => rows
                .into_iter()
                .map(|row| (relative.clone(), row))
                .collect(),
            Err(message) => {
                errors.push(DatasetError {
                    file: relative,
                    record: None,
                    field: None,
                    message,
                });
                Vec::new()
            }
        }
    }
}

/// The `[[key]]` rows of every TOML file in the folder `relative` (under `dir`), in file
/// name order.
fn read_folder(
    dir: &Path,
    relative: &str,
    key: &str,
    errors: &mut Vec<DatasetError>,
) -> Vec<(String, toml::Value)> {
    let mut rows = Vec::new();
    match toml_files(dir, relative) {
        Ok(files) => {
            for path in files {
                let name = path
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned());
                rows.extend(read_rows(
                    dir,
                    format!("{relative}/{}", name.unwrap_or_default()),
                    key,
                    &[key],
                    errors,
                ));
            }
        }
        Err(DatasetErrors(more)) => errors.extend(more),
    }
    rows
}

/// The rows of the array of tables `key` in a TOML document that may hold the arrays
/// `allowed` and nothing else.
fn rows_of(text: &str, key: &str, allowed: &[&str]) -> Result<Vec<toml::Value>, String> {
    let mut document: toml::Table = text.parse().map_err(|error: toml::de::Error| {
        format!("not valid TOML: {}", error.to_string().trim_end())
    })?;
    if let Some(other) = document
        .keys()
        .find(|name| !allowed.contains(&name.as_str()))
    {
        let tables: Vec<String> = allowed.iter().map(|key| format!("[[{key}]]")).collect();
        return Err(format!(
            "unexpected top-level key `{other}` (this file holds only {} tables)",
            tables.join(", ")
        ));
    }
    match document.remove(key) {
        None => Ok(Vec::new()),
        Some(toml::Value::Array(rows)) => Ok(rows),
        Some(_) => Err(format!("`{key}` must be an array of tables ([[{key}]])")),
    }
}

/// How a row is named in messages before it is parsed: `action "id"`, `participant 2022 "Boston"`.
fn describe_row(row: &toml::Value, kind: &str, keys: &[&str], position: usize) -> String {
    let parts: Vec<String> = keys
        .iter()
        .filter_map(|key| match row.get(*key)? {
            toml::Value::String(text) => Some(format!("\"{text}\"")),
            other => Some(other.to_string()),
        })
        .collect();
    if parts.len() == keys.len() {
        format!("{kind} {}", parts.join(" "))
    } else {
        format!("{kind} #{}", position + 1)
    }
}

fn typed<T: for<'de> Deserialize<'de>>(
    rows: Vec<(String, toml::Value)>,
    kind: &str,
    keys: &[&str],
    errors: &mut Vec<DatasetError>,
) -> Vec<Sourced<T>> {
    let mut typed_rows = Vec::new();
    let mut position_in_file: BTreeMap<String, usize> = BTreeMap::new();
    for (file, row) in rows {
        let position = position_in_file.entry(file.clone()).or_default();
        let record = describe_row(&row, kind, keys, *position);
        *position += 1;
        match row.try_into::<T>() {
            Ok(parsed) => typed_rows.push(Sourced { file, row: parsed }),
            Err(error) => errors.push(DatasetError {
                file,
                record: Some(record),
                field: None,
                message: error.to_string().trim_end().to_owned(),
            }),
        }
    }
    typed_rows
}

// ---------------------------------------------------------------------------------------
// Validation and compilation
// ---------------------------------------------------------------------------------------

/// Collects errors with their location.
struct Checker {
    errors: Vec<DatasetError>,
}

impl Checker {
    fn error(&mut self, file: &str, record: &str, field: &str, message: impl Into<String>) {
        self.errors.push(DatasetError {
            file: file.to_owned(),
            record: Some(record.to_owned()),
            field: Some(field.to_owned()),
            message: message.into(),
        });
    }

    /// A required text field must hold something besides white space.
    fn required(&mut self, file: &str, record: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(file, record, field, "must not be empty");
        }
    }

    /// An optional text field, when present, must not be blank either.
    fn optional(&mut self, file: &str, record: &str, field: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.required(file, record, field, value);
        }
    }
}

/// An action's translation into one language, where the dataset writes it: the fields
/// of a file under `translations/<code>/actions/`, or the action's own `*_en` fields.
pub struct TranslationText<'d> {
    pub file: &'d str,
    /// What its fields' names end with: `_en` inline, nothing in a translation file.
    pub suffix: &'static str,
    pub title: &'d str,
    pub summary: &'d str,
    /// Missing only where the inline translation forgot it (an error the build reports).
    pub description: Option<&'d str>,
    pub spotlight: Option<&'d str>,
    pub quote: Option<&'d str>,
    pub notes: &'d [String],
}

impl<'d> TranslationText<'d> {
    fn inline(file: &'d str, row: &'d ActionRow) -> TranslationText<'d> {
        TranslationText {
            file,
            suffix: "_en",
            title: &row.title_en,
            summary: &row.summary_en,
            description: row.description_en.as_deref(),
            spotlight: row.spotlight_en.as_deref(),
            quote: row.quote_en.as_deref(),
            notes: &row.editor_notes,
        }
    }

    fn from_file(translated: &'d Sourced<TranslationRow>) -> TranslationText<'d> {
        let row = &translated.row;
        TranslationText {
            file: &translated.file,
            suffix: "",
            title: &row.title,
            summary: &row.summary,
            description: Some(&row.description),
            spotlight: row.spotlight.as_deref(),
            quote: row.quote.as_deref(),
            notes: &row.notes,
        }
    }
}

/// Checks an action's translation: title and summary written, every French text translated
/// and passing [`translation::check`], no translation without its French.
fn check_translation(
    checker: &mut Checker,
    language: TextLanguage,
    record: &str,
    row: &ActionRow,
    translated: &TranslationText<'_>,
    names: Vec<Vec<&str>>,
    acronyms: &[(&str, &str)],
) {
    let (file, suffix) = (translated.file, translated.suffix);
    let field = |name: &str| format!("{name}{suffix}");
    checker.required(file, record, &field("title"), translated.title);
    checker.required(file, record, &field("summary"), translated.summary);
    let row_of_language = language.row();
    let expectations = translation::Expectations {
        language: row_of_language.english_name,
        names,
        acronyms,
        length_ratio: row_of_language.length_ratio.0..=row_of_language.length_ratio.1,
        length_noted: translated
            .notes
            .iter()
            .any(|note| note.contains("length ratio")),
    };
    // The title and summary have no French of their own to compare with: they only must
    // not use a French acronym the language has its own form for.
    for (name, text) in [("title", translated.title), ("summary", translated.summary)] {
        for finding in translation::foreign_acronyms(text, &expectations) {
            checker.error(file, record, &field(name), finding);
        }
    }
    for (french_field, french, translation) in [
        (
            "description",
            Some(&row.description),
            translated.description,
        ),
        ("spotlight", row.spotlight.as_ref(), translated.spotlight),
        ("quote", row.quote.as_ref(), translated.quote),
    ] {
        let translated_field = field(french_field);
        match (french, translation) {
            (None, None) => {}
            (None, Some(_)) => checker.error(
                file,
                record,
                &translated_field,
                format!("a translation without `{french_field}`"),
            ),
            (Some(_), None) => checker.error(
                file,
                record,
                &translated_field,
                format!(
                    "`{french_field}` needs its {} translation",
                    row_of_language.english_name
                ),
            ),
            (Some(french), Some(translation)) => {
                if translation.trim().is_empty() {
                    checker.error(file, record, &translated_field, "must not be empty");
                    continue;
                }
                for finding in translation::check(french.trim(), translation.trim(), &expectations)
                {
                    checker.error(file, record, &translated_field, finding);
                }
            }
        }
    }
}

/// The names each row of a table has in the translations written in folders: by position
/// in `ids`, every name and alias. Every row must have its name in every such translation,
/// and a translation names no row the table lacks.
fn translated_names<'d>(
    checker: &mut Checker,
    translations: &'d [TranslationFiles],
    kind: &str,
    ids: &BTreeMap<&'d str, Position>,
    rows_of: impl Fn(&'d TranslationFiles) -> &'d [Sourced<NameRow>],
) -> Vec<TranslatedNames<'d>> {
    let mut names: Vec<TranslatedNames<'d>> = vec![
        TranslatedNames {
            names: vec![""; TextLanguage::translations().count()],
            aliases: Vec::new(),
        };
        ids.len()
    ];
    for (slot, (files, language)) in translations
        .iter()
        .zip(TextLanguage::translations())
        .enumerate()
    {
        if files.code == INLINE_TRANSLATION {
            continue;
        }
        let file = format!("translations/{}/names.toml", files.code);
        let mut named = BTreeSet::new();
        for Sourced { file, row } in rows_of(files) {
            let record = format!("{kind} \"{}\"", row.id);
            checker.required(file, &record, "name", &row.name);
            match ids.get(row.id.as_str()) {
                None => checker.error(
                    file,
                    &record,
                    "id",
                    format!(
                        "no {kind} \"{}\" in the {kind} table{}",
                        row.id,
                        closest(&row.id, ids.keys().copied())
                    ),
                ),
                Some(&position) => {
                    if !named.insert(position) {
                        checker.error(file, &record, "id", format!("{kind} named twice"));
                    }
                    let translated = &mut names[position as usize];
                    translated.names[slot] = row.name.as_str();
                    translated
                        .aliases
                        .extend(row.aliases.iter().map(String::as_str));
                }
            }
        }
        for (id, position) in ids {
            if !named.contains(position) {
                checker.error(
                    &file,
                    &format!("{kind} \"{id}\""),
                    "name",
                    format!("no {} name", language.row().english_name),
                );
            }
        }
    }
    names
}

/// A region's, country's or place's names in the translations' files.
#[derive(Debug, Clone)]
struct TranslatedNames<'d> {
    /// One per translation, in `TextLanguage::translations()` order; empty for the inline
    /// one (its name is in the table's own row) and where a file lacks it (an error).
    names: Vec<&'d str>,
    /// The other spellings of the translations' files, for search.
    aliases: Vec<&'d str>,
}

impl<'d> TranslatedNames<'d> {
    /// Every language's name: `source`, then each translation's (`inline` for the
    /// inline one).
    fn every_language(&self, source: &'d str, inline: &'d str) -> Vec<&'d str> {
        let mut names = vec![source];
        for (name, language) in self.names.iter().zip(TextLanguage::translations()) {
            names.push(if language.code() == INLINE_TRANSLATION {
                inline
            } else {
                name
            });
        }
        names
    }
}

/// Position of each id, reporting duplicates.
fn index_ids<'d, T>(
    rows: &'d [Sourced<T>],
    kind: &str,
    id_of: impl Fn(&T) -> &str,
    checker: &mut Checker,
) -> BTreeMap<&'d str, Position> {
    let mut ids = BTreeMap::new();
    for (position, sourced) in rows.iter().enumerate() {
        let id = id_of(&sourced.row);
        let record = format!("{kind} \"{id}\"");
        checker.required(&sourced.file, &record, "id", id);
        // The first row keeps the id, so references to it still resolve and the duplicate
        // is reported once, not again through every reference.
        if ids.contains_key(id) {
            checker.error(
                &sourced.file,
                &record,
                "id",
                format!("duplicate id \"{id}\""),
            );
        } else {
            ids.insert(id, position as Position);
        }
    }
    ids
}

/// "did you mean" help: the known ids closest to an unknown one.
fn closest<'k>(unknown: &str, known: impl Iterator<Item = &'k str>) -> String {
    let compared = text::compared_part(unknown);
    let suggestions = text::closest(
        known.map(|candidate| (text::edit_distance(compared, candidate), candidate)),
        (compared.chars().count() / 4).max(2),
    );
    if suggestions.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = suggestions.iter().map(|id| format!("\"{id}\"")).collect();
        format!(" (closest: {})", quoted.join(", "))
    }
}

fn parse_name<T: MachineName>(
    checker: &mut Checker,
    file: &str,
    record: &str,
    field: &str,
    value: &str,
    what: &str,
) -> Option<T> {
    let parsed = T::from_machine_name(value);
    if parsed.is_none() {
        checker.error(
            file,
            record,
            field,
            format!(
                "unknown {what} \"{value}\" (expected one of: {})",
                T::valid_names()
            ),
        );
    }
    parsed
}

fn place_kind(value: &str) -> Option<PlaceKind> {
    Some(match value {
        "city" => PlaceKind::City,
        "province" => PlaceKind::Province,
        "state" => PlaceKind::State,
        "county" => PlaceKind::County,
        "region" => PlaceKind::Region,
        "district" => PlaceKind::District,
        "island" => PlaceKind::Island,
        _ => return None,
    })
}

impl Dataset {
    /// Validates the dataset and compiles it into a catalogue that borrows its text.
    pub fn compile(&self) -> Result<Compiled<'_>, DatasetErrors> {
        let mut compiler = Compiler::new(self);
        // Each table may refer only to those compiled before it.
        let reports = compiler.reports();
        let sections = compiler.sections();
        let regions = compiler.regions();
        let countries = compiler.countries();
        let places = compiler.places();
        let priorities = compiler.priorities();
        let participants = compiler.participants(&places);
        let figures = compiler.figures();
        let actions = compiler.actions(&sections, &countries, &places);
        let action_ids: BTreeSet<&str> = self
            .actions
            .iter()
            .map(|action| action.row.id.as_str())
            .collect();
        let concepts =
            thesaurus::compile(&self.concepts, &action_ids, &mut compiler.checker.errors);
        if !compiler.checker.errors.is_empty() {
            return Err(DatasetErrors(compiler.checker.errors));
        }
        Ok(Compiled {
            tables: Tables {
                reports,
                sections,
                regions,
                countries,
                places,
                priorities,
                participants,
                figures,
                concepts,
            },
            actions: in_listing_order(actions),
        })
    }
}

/// Compiles a dataset table by table, keeping what later tables look up: the ids of those
/// already compiled, and every problem found so far.
struct Compiler<'d> {
    dataset: &'d Dataset,
    checker: Checker,
    report_ids: BTreeMap<&'d str, Position>,
    section_ids: BTreeMap<&'d str, Position>,
    region_ids: BTreeMap<&'d str, Position>,
    country_ids: BTreeMap<&'d str, Position>,
    place_ids: BTreeMap<&'d str, Position>,
    priority_numbers: BTreeSet<u8>,
}

impl<'d> Compiler<'d> {
    fn new(dataset: &'d Dataset) -> Compiler<'d> {
        Compiler {
            dataset,
            checker: Checker { errors: Vec::new() },
            report_ids: BTreeMap::new(),
            section_ids: BTreeMap::new(),
            region_ids: BTreeMap::new(),
            country_ids: BTreeMap::new(),
            place_ids: BTreeMap::new(),
            priority_numbers: BTreeSet::new(),
        }
    }

    fn reports(&mut self) -> Vec<Report<'d>> {
        let dataset = self.dataset;
        self.report_ids = index_ids(&dataset.reports, "report", |row| &row.id, &mut self.checker);
        dataset
            .reports
            .iter()
            .map(|Sourced { file, row }| {
                let record = format!("report \"{}\"", row.id);
                for (field, value) in [
                    ("title", &row.title),
                    ("edition", &row.edition),
                    ("source_file", &row.source_file),
                ] {
                    self.checker.required(file, &record, field, value);
                }
                check_lines(&mut self.checker, file, &record, row.source_lines);
                Report {
                    id: &row.id,
                    year: row.year,
                    title: &row.title,
                    edition: &row.edition,
                    source_file: &row.source_file,
                    source_lines: row.source_lines,
                }
            })
            .collect()
    }

    fn sections(&mut self) -> Vec<Section<'d>> {
        let dataset = self.dataset;
        self.section_ids = index_ids(
            &dataset.sections,
            "section",
            |row| &row.id,
            &mut self.checker,
        );
        dataset
            .sections
            .iter()
            .map(|Sourced { file, row }| {
                let record = format!("section \"{}\"", row.id);
                self.checker
                    .required(file, &record, "heading", &row.heading);
                let report = self.report(file, &record, &row.report);
                Section {
                    id: &row.id,
                    report: report.unwrap_or_default(),
                    collection: row.collection,
                    heading: &row.heading,
                    source_line: row.source_line,
                }
            })
            .collect()
    }

    /// A reference to a report, reported if unknown.
    fn report(&mut self, file: &str, record: &str, id: &str) -> Option<Position> {
        let message = |id: &str| format!("unknown report \"{id}\"");
        lookup(
            &self.report_ids,
            &mut self.checker,
            (file, record, "report"),
            id,
            message,
        )
    }

    /// A reference to a region, reported if unknown.
    fn region(&mut self, file: &str, record: &str, id: &str) -> Option<Position> {
        let message = |id: &str| format!("unknown region \"{id}\"");
        lookup(
            &self.region_ids,
            &mut self.checker,
            (file, record, "region"),
            id,
            message,
        )
    }

    /// A reference to a country, reported if unknown.
    fn country(&mut self, file: &str, record: &str, field: &str, id: &str) -> Option<Position> {
        let message = |id: &str| format!("unknown country \"{id}\"");
        lookup(
            &self.country_ids,
            &mut self.checker,
            (file, record, field),
            id,
            message,
        )
    }

    /// A reference to a place, reported if unknown.
    fn place(&mut self, file: &str, record: &str, field: &str, id: &str) -> Option<Position> {
        let message = |id: &str| format!("place \"{id}\" is not in places.toml");
        lookup(
            &self.place_ids,
            &mut self.checker,
            (file, record, field),
            id,
            message,
        )
    }

    fn known_priorities(&self) -> String {
        self.priority_numbers
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn regions(&mut self) -> Vec<Region<'d>> {
        let dataset = self.dataset;
        self.region_ids = index_ids(&dataset.regions, "region", |row| &row.id, &mut self.checker);
        let mut translated = translated_names(
            &mut self.checker,
            &dataset.translations,
            "region",
            &self.region_ids,
            |files| &files.regions,
        );
        dataset
            .regions
            .iter()
            .zip(translated.iter_mut())
            .map(|(Sourced { file, row }, translated)| {
                let record = format!("region \"{}\"", row.id);
                self.checker
                    .required(file, &record, "name_fr", &row.name_fr);
                self.checker
                    .required(file, &record, "name_en", &row.name_en);
                Region {
                    id: &row.id,
                    names: translated.every_language(&row.name_fr, &row.name_en),
                    aliases: every_alias(&row.aliases, &mut translated.aliases),
                }
            })
            .collect()
    }

    fn countries(&mut self) -> Vec<Country<'d>> {
        let dataset = self.dataset;
        self.country_ids = index_ids(
            &dataset.countries,
            "country",
            |row| &row.id,
            &mut self.checker,
        );
        let mut translated = translated_names(
            &mut self.checker,
            &dataset.translations,
            "country",
            &self.country_ids,
            |files| &files.countries,
        );
        dataset
            .countries
            .iter()
            .zip(translated.iter_mut())
            .map(|(Sourced { file, row }, translated)| {
                let record = format!("country \"{}\"", row.id);
                self.checker
                    .required(file, &record, "name_fr", &row.name_fr);
                self.checker
                    .required(file, &record, "name_en", &row.name_en);
                if let Some(iso2) = &row.iso2
                    && (iso2.len() != 2 || !iso2.bytes().all(|byte| byte.is_ascii_uppercase()))
                {
                    self.checker.error(
                        file,
                        &record,
                        "iso2",
                        format!(
                            "\"{iso2}\" is not an ISO 3166-1 alpha-2 code (two capital letters)"
                        ),
                    );
                }
                let region = match &row.region {
                    None => {
                        self.checker
                            .error(file, &record, "region", "a country needs a region");
                        None
                    }
                    Some(id) => self.region(file, &record, id),
                };
                Country {
                    id: &row.id,
                    names: translated.every_language(&row.name_fr, &row.name_en),
                    iso2: row.iso2.as_deref(),
                    region: region.unwrap_or_default(),
                    aliases: every_alias(&row.aliases, &mut translated.aliases),
                }
            })
            .collect()
    }

    fn places(&mut self) -> Vec<Place<'d>> {
        let dataset = self.dataset;
        self.place_ids = index_ids(&dataset.places, "place", |row| &row.id, &mut self.checker);
        let mut translated = translated_names(
            &mut self.checker,
            &dataset.translations,
            "place",
            &self.place_ids,
            |files| &files.places,
        );
        dataset
            .places
            .iter()
            .zip(translated.iter_mut())
            .map(|(Sourced { file, row }, translated)| {
                let record = format!("place \"{}\"", row.id);
                self.checker.required(file, &record, "name", &row.name);
                self.checker.required(file, &record, "name_en", &row.name_en);
                let kind = place_kind(&row.kind);
                if kind.is_none() {
                    self.checker.error(
                        file,
                        &record,
                        "kind",
                        format!(
                            "unknown place kind \"{}\" (expected one of: city, province, state, county, region, district, island)",
                            row.kind
                        ),
                    );
                }
                let country = self.country(file, &record, "country", &row.country);
                if !(-90.0..=90.0).contains(&row.lat) {
                    self.checker.error(file, &record, "lat", format!("{} is not a latitude", row.lat));
                }
                if !(-180.0..=180.0).contains(&row.lon) {
                    self.checker.error(file, &record, "lon", format!("{} is not a longitude", row.lon));
                }
                Place {
                    id: &row.id,
                    names: translated.every_language(&row.name, &row.name_en),
                    kind: kind.unwrap_or(PlaceKind::City),
                    country: country.unwrap_or_default(),
                    lat: row.lat,
                    lon: row.lon,
                    aliases: every_alias(&row.aliases, &mut translated.aliases),
                }
            })
            .collect()
    }

    fn priorities(&mut self) -> Vec<Priority<'d>> {
        let dataset = self.dataset;
        let mut priorities: Vec<Priority<'d>> = dataset
            .priorities
            .iter()
            .map(|Sourced { file, row }| {
                let record = format!("priority {}", row.number);
                if !(1..=PRIORITIES).contains(&row.number) {
                    self.checker.error(
                        file,
                        &record,
                        "number",
                        format!("the Call to Local Action has priorities 1 to {PRIORITIES}"),
                    );
                }
                if !self.priority_numbers.insert(row.number) {
                    self.checker.error(
                        file,
                        &record,
                        "number",
                        format!("duplicate priority {}", row.number),
                    );
                }
                for (field, value) in [
                    ("name_fr", &row.name_fr),
                    ("heading_fr", &row.heading_fr),
                    ("short_fr", &row.short_fr),
                    ("name_en", &row.name_en),
                    ("kind_of_actions", &row.kind_of_actions),
                ] {
                    self.checker.required(file, &record, field, value);
                }
                Priority {
                    number: row.number,
                    names: vec![&row.name_fr, &row.name_en],
                    heading_fr: &row.heading_fr,
                    short_fr: &row.short_fr,
                    gcm_objectives: row.gcm_objectives.clone(),
                    gcr_areas: row.gcr_areas.iter().map(String::as_str).collect(),
                    sdgs: row.sdgs.clone(),
                    kind_of_actions: &row.kind_of_actions,
                    source_lines: row.source_lines,
                }
            })
            .collect();
        priorities.sort_by_key(|priority| priority.number);
        for files in &dataset.translations {
            if files.code == INLINE_TRANSLATION {
                continue;
            }
            let named: BTreeSet<u8> = files.priorities.iter().map(|row| row.row.number).collect();
            for priority in &mut priorities {
                let name = files
                    .priorities
                    .iter()
                    .find(|row| row.row.number == priority.number)
                    .map_or("", |row| row.row.name.as_str());
                priority.names.push(name);
            }
            for Sourced { file, row } in &files.priorities {
                let record = format!("priority {}", row.number);
                self.checker.required(file, &record, "name", &row.name);
                self.checker.required(file, &record, "short", &row.short);
                if !self.priority_numbers.contains(&row.number) {
                    self.checker.error(
                        file,
                        &record,
                        "number",
                        "no such priority in priorities.toml",
                    );
                }
            }
            for number in &self.priority_numbers {
                if !named.contains(number) {
                    self.checker.error(
                        &format!("translations/{}/names.toml", files.code),
                        &format!("priority {number}"),
                        "name",
                        "no name in this language",
                    );
                }
            }
        }
        priorities
    }

    fn participants(&mut self, places: &[Place<'d>]) -> Vec<Participant<'d>> {
        let dataset = self.dataset;
        dataset
            .participants
            .iter()
            .map(|Sourced { file, row }| {
                let record = format!("participant {} \"{}\"", row.year, row.name);
                self.checker.required(file, &record, "name", &row.name);
                self.checker.optional(file, &record, "country_printed", row.country_printed.as_deref());
                self.checker.optional(file, &record, "scope_printed", row.scope_printed.as_deref());
                // A line printed without a comma has neither.
                if row.country_printed.is_some() && row.scope_printed.is_some() {
                    self.checker.error(
                        file,
                        &record,
                        "country_printed",
                        "give `country_printed` or `scope_printed` (as printed after the comma), not both",
                    );
                }
                if row.actions == 0 {
                    self.checker.error(file, &record, "actions", "a participant brings at least one action");
                }
                let group = match row.group.as_str() {
                    "local_government" => ParticipantGroup::LocalGovernment,
                    "organisation" => ParticipantGroup::Organisation,
                    other => {
                        self.checker.error(
                            file,
                            &record,
                            "group",
                            format!("unknown group \"{other}\" (expected one of: local_government, organisation)"),
                        );
                        ParticipantGroup::Organisation
                    }
                };
                let place = row
                    .place
                    .as_deref()
                    .and_then(|id| self.place(file, &record, "place", id));
                let country = match (&row.country, place) {
                    (Some(id), _) => self.country(file, &record, "country", id),
                    (None, Some(place)) => Some(places[place as usize].country),
                    (None, None) => None,
                };
                if group == ParticipantGroup::LocalGovernment && row.place.is_none() {
                    self.checker.error(file, &record, "place", "a local government needs a place");
                }
                Participant {
                    year: row.year,
                    name: &row.name,
                    country_printed: row.country_printed.as_deref(),
                    scope_printed: row.scope_printed.as_deref(),
                    actions: row.actions,
                    group,
                    place,
                    country,
                    source_line: row.source_line,
                }
            })
            .collect()
    }

    fn figures(&mut self) -> Vec<Figure<'d>> {
        let dataset = self.dataset;
        dataset
            .figures
            .iter()
            .map(|Sourced { file, row }| {
                let record = format!("figure {} \"{}\"", row.dimension, row.key);
                self.checker.required(file, &record, "printed", &row.printed);
                self.report(file, &record, &row.report);
                let known_key = match row.dimension.as_str() {
                    "year" => row.key.parse::<u16>().is_ok_and(|year| year == row.year),
                    "compact" => Compact::from_machine_name(&row.key).is_some(),
                    "theme" => Theme::from_machine_name(&row.key).is_some(),
                    other => {
                        self.checker.error(
                            file,
                            &record,
                            "dimension",
                            format!("unknown dimension \"{other}\" (expected one of: year, compact, theme)"),
                        );
                        true
                    }
                };
                if !known_key {
                    self.checker.error(
                        file,
                        &record,
                        "key",
                        format!("\"{}\" is not a {} of this figure", row.key, row.dimension),
                    );
                }
                if !row.printed.contains(&row.value.to_string()) {
                    self.checker.error(
                        file,
                        &record,
                        "value",
                        format!("{} does not appear in the printed text", row.value),
                    );
                }
                Figure {
                    report: &row.report,
                    dimension: &row.dimension,
                    key: &row.key,
                    year: row.year,
                    value: row.value,
                    printed: &row.printed,
                    source_line: row.source_line,
                }
            })
            .collect()
    }

    fn actions(
        &mut self,
        sections: &[Section<'d>],
        countries: &[Country<'d>],
        places: &[Place<'d>],
    ) -> Vec<Action<'d>> {
        let dataset = self.dataset;
        let action_ids = index_ids(&dataset.actions, "action", |row| &row.id, &mut self.checker);
        // Each translation written in files, by action id; an id no action has is reported.
        let mut translated_actions: Vec<BTreeMap<&'d str, &'d Sourced<TranslationRow>>> =
            Vec::new();
        for files in &dataset.translations {
            let mut by_id = BTreeMap::new();
            for translated in &files.actions {
                let id = translated.row.id.as_str();
                let record = format!("action \"{id}\"");
                if !action_ids.contains_key(id) {
                    self.checker.error(
                        &translated.file,
                        &record,
                        "id",
                        format!(
                            "no action \"{id}\" to translate{}",
                            closest(id, action_ids.keys().copied())
                        ),
                    );
                } else if by_id.insert(id, translated).is_some() {
                    self.checker
                        .error(&translated.file, &record, "id", "translated twice");
                }
            }
            translated_actions.push(by_id);
        }
        let acronyms: Vec<Vec<(&str, &str)>> = dataset
            .translations
            .iter()
            .map(|files| {
                files
                    .acronyms
                    .iter()
                    .map(|acronym| {
                        (
                            acronym.row.printed.as_str(),
                            acronym.row.translated.as_str(),
                        )
                    })
                    .collect()
            })
            .collect();
        let mut actions: Vec<Action<'d>> = Vec::with_capacity(dataset.actions.len());
        for (position, Sourced { file, row }) in dataset.actions.iter().enumerate() {
            let record = format!("action \"{}\"", row.id);
            let record = record.as_str();
            // A second action with an id reported as a duplicate: its translations (the
            // first one's, under that id) are not checked against it.
            let duplicate = action_ids.get(row.id.as_str()) != Some(&(position as Position));
            for (field, value) in [
                ("submitter", &row.submitter),
                ("title", &row.title),
                ("description", &row.description),
            ] {
                self.checker.required(file, record, field, value);
            }
            for (field, value) in [
                ("mayor", &row.mayor),
                ("quote", &row.quote),
                ("quote_author", &row.quote_author),
                ("spotlight", &row.spotlight),
            ] {
                self.checker.optional(file, record, field, value.as_deref());
            }
            // The record's places, in any of their spellings (countries are often rendered
            // by an adjective: "Mexique" → "Mexican").
            let names = || -> Vec<Vec<&str>> {
                row.places
                    .iter()
                    .filter_map(|id| self.place_ids.get(id.as_str()))
                    .map(|&place| {
                        let place = &places[place as usize];
                        place.names.iter().chain(&place.aliases).copied().collect()
                    })
                    .collect()
            };
            let mut translations = Vec::new();
            for ((language, files), (by_id, acronyms)) in TextLanguage::translations()
                .zip(&dataset.translations)
                .zip(translated_actions.iter().zip(&acronyms))
                .filter(|_| !duplicate)
            {
                let translated = if files.code == INLINE_TRANSLATION {
                    TranslationText::inline(file, row)
                } else if let Some(translated) = by_id.get(row.id.as_str()) {
                    TranslationText::from_file(translated)
                } else {
                    self.checker.error(
                        &format!("translations/{}/actions/", files.code),
                        record,
                        "id",
                        format!("no {} translation", language.row().english_name),
                    );
                    continue;
                };
                check_translation(
                    &mut self.checker,
                    language,
                    record,
                    row,
                    &translated,
                    names(),
                    acronyms,
                );
                translations.push(Translation {
                    title: translated.title.trim(),
                    summary: translated.summary.trim(),
                    description: translated.description.map_or("", str::trim),
                    spotlight: translated.spotlight.map(str::trim),
                    quote: translated.quote.map(str::trim),
                });
            }
            if row.quote.is_some() != row.quote_author.is_some() {
                self.checker.error(
                    file,
                    record,
                    "quote_author",
                    "a quote and its author go together",
                );
            }
            let section = self.section_ids.get(row.section.as_str()).copied();
            match section {
                None => {
                    let closest = closest(&row.section, self.section_ids.keys().copied());
                    self.checker.error(
                        file,
                        record,
                        "section",
                        format!("unknown section \"{}\"{closest}", row.section),
                    );
                }
                Some(section) if sections[section as usize].collection != row.year => {
                    self.checker.error(
                        file,
                        record,
                        "year",
                        format!(
                            "{} is not the year of section \"{}\" ({})",
                            row.year, row.section, sections[section as usize].collection
                        ),
                    );
                }
                Some(_) => {}
            }
            let kind = parse_name::<SubmitterKind>(
                &mut self.checker,
                file,
                record,
                "kind",
                &row.kind,
                "kind",
            );
            check_lines(&mut self.checker, file, record, row.source_lines);

            // Place, country, region: every action has a place or is an organisation's.
            let places_of_action: Vec<Position> = row
                .places
                .iter()
                .filter_map(|id| self.place(file, record, "places", id))
                .collect();
            if !row.places.is_empty() && (row.country.is_some() || row.region.is_some()) {
                self.checker.error(
                    file,
                    record,
                    "country",
                    "give `country` or `region` only for an action without places (they follow from the place)",
                );
            }
            if row.places.is_empty() && kind == Some(SubmitterKind::LocalGovernment) {
                self.checker.error(
                    file,
                    record,
                    "places",
                    "a local government's action needs a place",
                );
            }
            let country = match (&row.country, places_of_action.first()) {
                (Some(id), _) => self.country(file, record, "country", id),
                (None, Some(&place)) => Some(places[place as usize].country),
                (None, None) => None,
            };
            let region = match (&row.region, country) {
                (Some(id), _) => self.region(file, record, id),
                (None, Some(country)) => Some(countries[country as usize].region),
                (None, None) => {
                    if row.places.is_empty() {
                        self.checker.error(
                            file,
                            record,
                            "places",
                            "an action needs a place, or (for an organisation) a country or a region",
                        );
                    }
                    None
                }
            };

            // Duration and commitment type.
            let duration =
                row.duration
                    .as_deref()
                    .and_then(|printed| match parse_duration(printed) {
                        Ok((start, end)) => Some(Duration {
                            printed,
                            start,
                            end,
                        }),
                        Err(message) => {
                            self.checker.error(file, record, "duration", message);
                            None
                        }
                    });
            let compact = row.compact.as_deref().and_then(|value| {
                parse_name::<Compact>(&mut self.checker, file, record, "compact", value, "compact")
            });
            match (&row.compact_printed, compact) {
                (Some(printed), Some(compact))
                    if Compact::from_printed(printed) != Some(compact) =>
                {
                    self.checker.error(
                        file,
                        record,
                        "compact",
                        format!(
                            "\"{}\" does not match the printed commitment type \"{printed}\"",
                            compact.machine_name()
                        ),
                    );
                }
                (Some(_), None) if row.compact.is_none() => {
                    self.checker.error(
                        file,
                        record,
                        "compact",
                        "the printed commitment type needs its `compact`",
                    );
                }
                (None, Some(_)) => {
                    self.checker.error(
                        file,
                        record,
                        "compact_printed",
                        "a `compact` needs the commitment type as printed",
                    );
                }
                _ => {}
            }

            // Priorities: stated by the report or assigned by the editors, never both.
            let mut all_priorities = BTreeSet::new();
            for (field, list) in [
                ("priorities_stated", &row.priorities_stated),
                ("priorities_editors", &row.priorities_editors),
            ] {
                for &number in list {
                    if !self.priority_numbers.contains(&number) {
                        self.checker.error(
                            file,
                            record,
                            field,
                            format!(
                                "unknown priority {number} (known: {})",
                                self.known_priorities()
                            ),
                        );
                    } else if !all_priorities.insert(number) {
                        self.checker.error(
                            file,
                            record,
                            field,
                            format!("priority {number} is listed twice (stated and assigned are exclusive)"),
                        );
                    }
                }
            }
            if row.priorities_stated.is_empty() && row.priorities_editors.is_empty() {
                self.checker.error(
                    file,
                    record,
                    "priorities_editors",
                    "an action needs at least one priority",
                );
            }
            let mut priorities_stated = row.priorities_stated.clone();
            priorities_stated.sort_unstable();
            priorities_stated.dedup();

            let mut themes: Vec<Theme> = row
                .themes
                .iter()
                .filter_map(|value| {
                    parse_name::<Theme>(&mut self.checker, file, record, "themes", value, "theme")
                })
                .collect();
            themes.sort_unstable();
            themes.dedup();

            // Partners: known, not itself, and linking back.
            let mut partners = Vec::new();
            for partner in &row.partners {
                match action_ids.get(partner.as_str()) {
                    None => self.checker.error(
                        file,
                        record,
                        "partners",
                        format!(
                            "unknown action \"{partner}\"{}",
                            closest(partner, action_ids.keys().copied())
                        ),
                    ),
                    Some(_) if *partner == row.id => self.checker.error(
                        file,
                        record,
                        "partners",
                        "an action cannot be its own partner",
                    ),
                    Some(&other) => {
                        let other_row = &dataset.actions[other as usize].row;
                        // A partner list with an unknown id is reported there; its missing
                        // link back is most likely that same typo.
                        let other_has_unknown = other_row
                            .partners
                            .iter()
                            .any(|id| !action_ids.contains_key(id.as_str()));
                        if !other_has_unknown && !other_row.partners.contains(&row.id) {
                            self.checker.error(
                                file,
                                record,
                                "partners",
                                format!(
                                    "partner \"{partner}\" does not link back (add \"{}\" to its `partners`)",
                                    row.id
                                ),
                            );
                        }
                        partners.push(other);
                    }
                }
            }

            // Texts are trimmed: the line break before a closing `"""` is layout, not content.
            actions.push(Action {
                id: &row.id,
                year: row.year,
                section: section.unwrap_or_default(),
                source_lines: row.source_lines,
                submitter: row.submitter.trim(),
                kind: kind.unwrap_or(SubmitterKind::Organisation),
                places: places_of_action,
                country,
                region: region.unwrap_or_default(),
                mayor: row.mayor.as_deref().map(str::trim),
                title: row.title.trim(),
                duration,
                compact,
                compact_printed: row.compact_printed.as_deref(),
                priorities: all_priorities.into_iter().collect(),
                priorities_stated,
                gcf: row.gcf,
                partners,
                themes,
                quote: row.quote.as_deref().map(str::trim),
                quote_author: row.quote_author.as_deref().map(str::trim),
                description: row.description.trim(),
                spotlight: row.spotlight.as_deref().map(str::trim),
                translations,
                editor_notes: row.editor_notes.iter().map(String::as_str).collect(),
            });
        }
        actions
    }
}

/// A reference by id to a table compiled before, reported with the closest ids if unknown.
fn lookup(
    ids: &BTreeMap<&str, Position>,
    checker: &mut Checker,
    (file, record, field): (&str, &str, &str),
    id: &str,
    unknown: impl Fn(&str) -> String,
) -> Option<Position> {
    let found = ids.get(id).copied();
    if found.is_none() {
        let closest = closest(id, ids.keys().copied());
        checker.error(file, record, field, format!("{}{closest}", unknown(id)));
    }
    found
}

/// `source_lines` is a range of lines of the source: from line 1, first before last.
fn check_lines(checker: &mut Checker, file: &str, record: &str, (first, last): (u32, u32)) {
    if first == 0 || first > last {
        checker.error(
            file,
            record,
            "source_lines",
            format!("[{first}, {last}] is not a range of lines"),
        );
    }
}

/// Actions in listing order: year, then submitter (accent- and case-free), then id. Partner
/// links are positions, so they are remapped after sorting.
fn in_listing_order(actions: Vec<Action<'_>>) -> Vec<Action<'_>> {
    let mut order: Vec<usize> = (0..actions.len()).collect();
    order.sort_by_cached_key(|&position| {
        let action = &actions[position];
        (action.year, text::fold(action.submitter), action.id)
    });
    let mut new_position = vec![0 as Position; actions.len()];
    for (new, &old) in order.iter().enumerate() {
        new_position[old] = new as Position;
    }
    let mut sorted: Vec<Action<'_>> = order.iter().map(|&old| actions[old].clone()).collect();
    for action in &mut sorted {
        for partner in &mut action.partners {
            *partner = new_position[*partner as usize];
        }
    }
    sorted
}

/// A name's own aliases, then those its translations add (taken from `translated`).
fn every_alias<'d>(own: &'d [String], translated: &mut Vec<&'d str>) -> Vec<&'d str> {
    own.iter()
        .map(String::as_str)
        .chain(translated.drain(..))
        .collect()
}
