//! The interface's languages: one table of what a language is ([`LANGS`]: its code, its
//! name, the locales that choose it, its strings), and each language's strings in a file of
//! its own (`en.rs`, `fr.rs`, `es.rs`). Nothing else in the program branches on a language:
//! it asks the language's row. The data is never translated here (the catalogue holds its
//! own translations, by [`TextLanguage`]); this floor imports nothing from the engine.

mod en;
mod es;
mod fr;
#[cfg(debug_assertions)]
mod pseudo;

use std::fmt;

use crate::catalogue::TextLanguage;

pub use en::EN;
pub use es::ES;
pub use fr::FR;

/// What a language is to the interface.
#[derive(Debug)]
pub struct Language {
    /// Its ISO 639-1 code, what `--lang` takes.
    pub code: &'static str,
    /// Its name in itself.
    pub name: &'static str,
    /// The locale prefixes that choose it (`es` for `es_AR.UTF-8`), lowercase.
    pub locales: &'static [&'static str],
    pub strings: &'static Strings,
}

/// The interface's languages; the first is the one when the locale names none of them.
pub static LANGS: [Language; 3] = [
    Language {
        code: "en",
        name: "English",
        locales: &["en"],
        strings: &EN,
    },
    Language {
        code: "fr",
        name: "Français",
        locales: &["fr"],
        strings: &FR,
    },
    Language {
        code: "es",
        name: "Español",
        locales: &["es"],
        strings: &ES,
    },
];

/// The number of filter dimensions, whose names each language gives (the engine checks
/// that it has as many).
pub const DIMENSIONS: usize = 10;

/// The areas of the Global Compact on Refugees as the report's priorities table prints
/// them: the keys of each language's [`Strings::gcr_area_names`].
pub const GCR_AREAS: [&str; 8] = [
    "Partage des responsabilités",
    "Solutions",
    "Compétence en matière de Protection",
    "Santé",
    "éducation",
    "énergie",
    "infrastructure",
    "Solutions en matière d'emploi et de moyens de subsistance",
];

/// An interface language: a row of [`LANGS`].
#[derive(Clone, Copy)]
pub struct Lang(&'static Language);

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Lang {}

impl fmt::Debug for Lang {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.0.code)
    }
}

/// Every row of [`LANGS`] as a `Lang`, for `--lang`'s values.
static ALL: [Lang; LANGS.len()] = {
    let mut all = [Lang(&LANGS[0]); LANGS.len()];
    let mut row = 1;
    while row < LANGS.len() {
        all[row] = Lang(&LANGS[row]);
        row += 1;
    }
    all
};

impl Lang {
    /// English: the language of the README's tables and of messages.
    pub const EN: Lang = Lang(&LANGS[0]);
    pub const FR: Lang = Lang(&LANGS[1]);
    pub const ES: Lang = Lang(&LANGS[2]);

    /// Every interface language, in table order.
    pub fn all() -> impl Iterator<Item = Lang> + Clone {
        ALL.iter().copied()
    }

    /// The language whose code is `code`. Builds for tests also know `pseudo`, a
    /// generated language that is never shipped.
    pub fn from_code(code: &str) -> Option<Lang> {
        #[cfg(debug_assertions)]
        if code == pseudo::CODE {
            return Some(Lang(pseudo::language()));
        }
        Lang::all().find(|lang| lang.0.code == code)
    }

    /// The language of the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
    /// orders them; where none is set, as on Windows or from a Mac's Finder, the system's
    /// own setting), or the first of the table when it names none of them.
    pub fn from_environment() -> Lang {
        let variable = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|variable| std::env::var(variable).ok())
            .find(|value| !value.is_empty());
        let locale = variable.or_else(sys_locale::get_locale);
        locale
            .and_then(|locale| Lang::of_locale(&locale))
            .unwrap_or(Lang::all().next().unwrap_or(Lang::EN))
    }

    /// The language a locale name chooses (`es_AR.UTF-8`, `fr-CA`, `en`), if any.
    pub fn of_locale(locale: &str) -> Option<Lang> {
        let prefix: String = locale
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        Lang::all().find(|lang| lang.0.locales.contains(&prefix.as_str()))
    }

    /// Its ISO 639-1 code.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// Its name in itself.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The language of the catalogue's texts a reader of this interface reads first: the
    /// editors' translation into it, or the report's French.
    pub fn texts(self) -> TextLanguage {
        TextLanguage::from_code(self.code()).unwrap_or(TextLanguage::SOURCE)
    }

    pub fn strings(self) -> &'static Strings {
        self.0.strings
    }

    /// The text language shown beside `shown` (its other title, the summary where `shown`
    /// has none): the report's French beside a translation; beside the French, this
    /// language's own translation, or the next one.
    pub fn beside(self, shown: TextLanguage) -> TextLanguage {
        if !shown.is_source() {
            TextLanguage::SOURCE
        } else if !self.texts().is_source() {
            self.texts()
        } else {
            shown.next()
        }
    }
}

impl clap::ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        #[cfg(debug_assertions)]
        {
            pseudo::variants()
        }
        #[cfg(not(debug_assertions))]
        {
            &ALL
        }
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let value = clap::builder::PossibleValue::new(self.code()).help(self.name());
        Some(value.hide(!ALL.contains(self)))
    }
}

/// `template` with `{name}` replaced by `value`: how messages with values are written, so
/// that each language orders its words itself.
pub fn fill(template: &str, name: &str, value: &str) -> String {
    template.replace(&format!("{{{name}}}"), value)
}

/// A template with several values, filled in one pass: a value that happens to hold
/// `{name}` (echoed input) is never filled in again.
pub fn fill_all(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(known, _)| *known == name)
                .map(|(_, value)| (*value, close))
        });
        match named {
            Some((value, close)) => {
                filled.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// A GCR area's name in `strings`' language; one the table does not list stays as printed
/// (a test checks that every area of the catalogue is listed).
pub fn gcr_area<'s>(strings: &'static Strings, printed: &'s str) -> &'s str {
    GCR_AREAS
        .iter()
        .position(|&area| area == printed)
        .map_or(printed, |slot| strings.gcr_area_names[slot])
}

/// Strings that can be rewritten one by one into another table of the same shape: how the
/// tests' pseudo-language is generated from English.
pub trait Localized {
    fn localized(&self, rewrite: &dyn Fn(&'static str) -> &'static str) -> Self;
}

impl Localized for &'static str {
    fn localized(&self, rewrite: &dyn Fn(&'static str) -> &'static str) -> Self {
        rewrite(self)
    }
}

impl Localized for bool {
    fn localized(&self, _: &dyn Fn(&'static str) -> &'static str) -> Self {
        *self
    }
}

impl<T: Localized, const N: usize> Localized for [T; N] {
    fn localized(&self, rewrite: &dyn Fn(&'static str) -> &'static str) -> Self {
        self.each_ref().map(|item| item.localized(rewrite))
    }
}

impl<A: Localized, B: Localized> Localized for (A, B) {
    fn localized(&self, rewrite: &dyn Fn(&'static str) -> &'static str) -> Self {
        (self.0.localized(rewrite), self.1.localized(rewrite))
    }
}

impl<T: Localized> Localized for Option<T> {
    fn localized(&self, rewrite: &dyn Fn(&'static str) -> &'static str) -> Self {
        self.as_ref().map(|item| item.localized(rewrite))
    }
}

impl Localized for &'static [&'static str] {
    fn localized(&self, rewrite: &dyn Fn(&'static str) -> &'static str) -> Self {
        Vec::leak(self.iter().map(|text| rewrite(text)).collect())
    }
}

/// Declares a struct of strings and its [`Localized`] rewriting, field by field.
macro_rules! strings_table {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* pub $field:ident: $type:ty,)*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: $type,)*
        }

        impl Localized for $name {
            fn localized(&self, rewrite: &dyn Fn(&'static str) -> &'static str) -> Self {
                $name {
                    $($field: self.$field.localized(rewrite),)*
                }
            }
        }
    };
}

strings_table! {
    /// A language's strings: every word the interface, the command line's tables, the
        /// handout and the citation show. A language that forgets one does not compile.
        #[derive(Debug)]
        pub struct Strings {
        pub app_title: &'static str,
        pub search: &'static str,
        pub search_placeholder: &'static str,
        pub filters: &'static str,
        pub results: &'static str,
        pub detail: &'static str,
        pub statistics: &'static str,
        pub map: &'static str,
        pub shortlist: &'static str,
        pub help: &'static str,
        pub of: &'static str,
        /// Zero takes the singular (French), not the plural (English).
        pub zero_is_singular: bool,
        /// What follows a label: ": " in English, " : " in French typography.
        pub colon: &'static str,
        /// One action; `actions` for more (see [`Strings::count_actions`]).
        pub action: &'static str,
        pub actions: &'static str,
        pub no_match: &'static str,
        /// The same when every word must match (F6 forgives).
        pub no_match_strict: &'static str,
        /// Before what the query set aside, its punctuation included.
        pub ignored: &'static str,
        /// Before the words no action holds together with the others.
        pub dropped: &'static str,
        /// Before the words the list holds, after dropped ones.
        pub showing: &'static str,
        /// Before a typo's corrections.
        pub read_as: &'static str,
        /// Before the other terms of a concept the query names, searched for too; the
        /// search line's mark when they are not (F5).
        pub also_searching: &'static str,
        /// After the results' count: how many actions below them hold some of the words
        /// (`{count}`).
        pub also_some_words: &'static str,
        /// After such an action's title: the words it lacks (`{words}`).
        pub lacking_words: &'static str,
        pub words_only: &'static str,
        /// The strict mode's mark on the search line.
        pub strict: &'static str,
        pub too_small: &'static str,
        pub marked_one: &'static str,
        pub marked: &'static str,
        /// Each dimension's name, in `Dimension` order (the facet table's).
        pub dimension_names: [&'static str; DIMENSIONS],
        // Detail labels.
        pub title_en: &'static str,
        pub translation: &'static str,
        /// The label of a title as the report prints it (some are printed in English).
        pub as_printed: &'static str,
        /// The label of the report's own French text.
        pub french_as_printed: &'static str,
        /// Which texts the detail shows, and the key to the others.
        pub showing_source: &'static str,
        /// "{language}": a name of `text_language_names`.
        pub showing_translation: &'static str,
        /// The key to the next text language ("{language}" its name).
        pub to_text: &'static str,
        /// The languages of the catalogue's texts, in the order of its table.
        pub text_language_names: [&'static str; crate::catalogue::LANGUAGES.len()],
        /// The label of the editors' summary beside a text in another language ("{language}").
        pub summary_in: &'static str,
        pub summary: &'static str,
        pub submitter: &'static str,
        pub place: &'static str,
        pub country: &'static str,
        pub region: &'static str,
        pub mayor: &'static str,
        pub year: &'static str,
        pub duration: &'static str,
        pub ongoing: &'static str,
        pub commitment: &'static str,
        pub priorities: &'static str,
        pub stated: &'static str,
        pub assigned: &'static str,
        pub gcm_objectives: &'static str,
        pub gcr_areas: &'static str,
        pub sdgs: &'static str,
        pub gcf: &'static str,
        pub gcf_yes: &'static str,
        pub themes: &'static str,
        pub editors: &'static str,
        pub partners: &'static str,
        pub description: &'static str,
        pub quote: &'static str,
        pub spotlight: &'static str,
        pub source: &'static str,
        pub lines: &'static str,
        pub editor_notes: &'static str,
        // Statistics.
        pub report_figures: &'static str,
        /// One line at 80 columns: it is all that fits under the charts at 80×24.
        pub report_figures_note: &'static str,
        /// Said instead when the selection is not whole collections.
        pub report_figures_hidden: &'static str,
        pub selection: &'static str,
        // Map.
        pub map_legend: &'static str,
        pub without_place: &'static str,
        /// Said on the map when the selected action has no place, by its submitter's kind (in
        /// `SubmitterKind` order: local government, national government, organisation).
        pub no_place: [&'static str; 3],
        // Shortlist and export.
        pub shortlist_empty: &'static str,
        pub export_prompt: &'static str,
    /// The file name the export offers first (ASCII, so that every file system takes it).
    pub export_file_name: &'static str,
        /// What the export will write, from the name typed so far.
        pub export_as_markdown: &'static str,
        pub export_as_csv: &'static str,
        pub overwrite_prompt: &'static str,
        /// The last question before an export is written: where, and in which format.
        pub write_prompt: &'static str,
        pub write_as_markdown: &'static str,
        pub write_as_csv: &'static str,
        pub write_choices: &'static str,
        /// Said when exporting with nothing marked.
        pub nothing_marked: &'static str,
        /// Asked before quitting with marked actions not exported.
        pub quit_title: &'static str,
        pub unsaved_one: &'static str,
        pub unsaved_many: &'static str,
        pub quit_choices: &'static str,
        pub quit_choices_one: &'static str,
        pub exported: &'static str,
        pub export_failed: &'static str,
        /// Said when the export path names standard output, which is the screen here.
        pub give_a_file: &'static str,
        pub cancelled: &'static str,
        /// Said after copying to the clipboard ("{id}" is the action's), with where to look
        /// when the terminal refused it.
        pub copied_id: &'static str,
        pub copied_citation: &'static str,
        pub copy_failed: &'static str,
        pub nothing_to_copy: &'static str,
        /// Said when Alt-P finds no joint commitment to follow.
        pub no_partner: &'static str,
        /// Said after clearing every filter.
        pub filters_cleared: &'static str,
        /// After the filters that are on, on the search line's border: the key that
        /// clears them all.
        pub clear_all: &'static str,
        /// Before the filter values a statistics drill-down let go.
        pub instead_of: &'static str,
        /// Said when a search in the detail finds nothing.
        pub find_nothing: &'static str,
        /// Said when what was typed in the filter panel starts no value.
        pub no_filter_value: &'static str,
        /// Said after marking or unmarking every result.
        pub marked_all: &'static str,
        pub unmarked_all: &'static str,
        /// Filter value labels for the fixed sets, in slot order: compacts (gcm, gcr, mirror,
        /// idp, unstated), Global Cities Fund (yes, no), submitters (local, national,
        /// organisation), statuses (ongoing, ended, unstated).
        pub compact_labels: [&'static str; 5],
        pub gcf_labels: [&'static str; 2],
        pub kind_labels: [&'static str; 3],
        /// The report's thematic groupings, in `Theme` order.
        pub theme_labels: [&'static str; 6],
        pub status_labels: [&'static str; 3],
        pub export_hint: &'static str,
        /// The command line's table columns: id, year, submitter, country, compact,
        /// priorities, title (in capitals, as command-line tables head their columns).
        pub table_headers: [&'static str; 7],
        /// Under a command-line table, on standard error: how many actions it holds
        /// (`{shown}`, `{all}`), all of them, or none.
        pub total_some: &'static str,
        pub total_none: &'static str,
        /// The statistics table's first line (`{shown}`, `{all}`), the heading of the
        /// report's own figures, and where each is printed (`{line}`).
        pub stats_total: &'static str,
        pub stats_figures: &'static str,
        pub stats_figure_line: &'static str,
        /// The names of the months, January first, for dates the interface writes in words.
        pub months: [&'static str; 12],
        /// The Global Compact on Refugees' areas, in [`GCR_AREAS`] order (the report prints
        /// them in French).
        pub gcr_area_names: [&'static str; GCR_AREAS.len()],
        pub notes: NoteWords,
        pub cli_notes: CliNoteWords,
        pub messages: MessageWords,
        pub about: AboutWords,
        pub handout: HandoutWords,
        pub citation: CitationWords,
        pub keys: KeyTexts,
    }
}

strings_table! {
    /// What the parser's notes say (`{limit}`, `{word}` and `{field}` are their values).
    #[derive(Debug)]
    pub struct NoteWords {
        pub too_long: &'static str,
        pub lone_dash: &'static str,
        pub operator: &'static str,
        pub field_prefix: &'static str,
        pub too_many_clauses: &'static str,
        pub unclosed_quote: &'static str,
    }
}

strings_table! {
    /// The command line's notes on standard error about how a query was read.
    #[derive(Debug)]
    pub struct CliNoteWords {
        /// Around every note (`{text}`).
        pub note: &'static str,
        /// A part of the query set aside (`{what}`: a parser's note).
        pub ignored: &'static str,
        /// A word no action holds, read as others (`{typed}`, `{read_as}`).
        pub corrected: &'static str,
        /// Words naming a concept of the thesaurus (`{typed}`), also searched for as its
        /// other terms (`{terms}`).
        pub synonyms: &'static str,
        /// Between the words a typo is read as.
        pub or: &'static str,
        /// Words no action holds with the others (`{dropped}`), and the words the results
        /// hold (`{kept}`).
        pub dropped: &'static str,
        /// Between dropped words.
        pub and: &'static str,
        /// The actions listed below a short list, holding some of the words (`{actions}`:
        /// each a `lacking`).
        pub also: &'static str,
        /// One of them (`{id}`) and the words it lacks (`{words}`).
        pub lacking: &'static str,
    }
}

strings_table! {
    /// The command line's messages on standard error: its errors, what a command did, and
    /// the file refusals the interface's export dialog shows too. `{path}`, `{value}`,
    /// `{id}` and `{arg}` are echoed input, neutralised before they are filled in.
    #[derive(Debug)]
    pub struct MessageWords {
        /// Around every error (`{text}`).
        pub error: &'static str,
        /// No terminal on both sides; a terminal that cannot draw (`TERM=dumb`).
        pub needs_terminal: &'static str,
        pub needs_drawing_terminal: &'static str,
        /// A filter value nobody recognises (`{flag}`, `{value}`), then all valid values or
        /// the closest ones (`{values}`); a value that names several (`{values}`).
        pub unknown_value: &'static str,
        pub unknown_value_closest: &'static str,
        pub ambiguous_value: &'static str,
        /// An id no action has (`{id}`), and with the closest ids (`{ids}`).
        pub no_such_id: &'static str,
        pub no_such_id_closest: &'static str,
        /// Why a path cannot be written (`{path}`; `{kind}`: one of `kinds`).
        pub read_only: &'static str,
        pub exists: &'static str,
        pub folder: &'static str,
        pub not_a_file: &'static str,
        /// A symbolic link, a FIFO, a socket, a device, another special file.
        pub kinds: [&'static str; 5],
        pub cannot_write: &'static str,
        /// After an export to a file (`{actions}`: a count of actions, `{path}`).
        pub wrote: &'static str,
        /// Under a table cut by `--limit` (`{shown}`, `{all}`).
        pub shown_of_limit: &'static str,
        /// `verify`: its failure (`{text}`), its success (`{actions}`).
        pub verification_failed: &'static str,
        pub verified: &'static str,
        /// Usage errors: an unexpected argument, an unknown command (`{arg}`), an invalid
        /// value (`{value}`, `{arg}`) and the possible ones (`{values}`), a suggestion
        /// (`{suggestion}`), a missing value or argument (`{arg}`), two arguments that
        /// exclude each other (`{arg}`, `{other}`), and where to read more.
        pub unexpected_argument: &'static str,
        pub unknown_command: &'static str,
        pub invalid_value: &'static str,
        pub possible_values: &'static str,
        pub did_you_mean: &'static str,
        pub missing_value: &'static str,
        pub missing_argument: &'static str,
        pub conflict: &'static str,
        pub see_help: &'static str,
        /// After an invalid `--today`.
        pub not_a_month: &'static str,
    }
}

strings_table! {
    /// The About view's words.
    #[derive(Debug)]
    pub struct AboutWords {
        pub title: &'static str,
        pub what: &'static str,
        pub data: &'static str,
        pub printed_in: &'static str,
        pub editors: &'static str,
        pub version: &'static str,
        pub fingerprint: &'static str,
        pub cite: &'static str,
        pub script: &'static str,
        pub columns: &'static str,
        pub legend: [(&'static str, &'static str); 7],
        pub nothing_written: &'static str,
    }
}

strings_table! {
    /// What the Markdown handout says around the data.
    #[derive(Debug)]
    pub struct HandoutWords {
        /// The summary table's columns before the two titles.
        pub headers: [&'static str; 6],
        /// The label of a title column holding the report's own title.
        pub title_printed: &'static str,
        /// The label of one holding the editors' translation (`{language}`: its name in
        /// `text_language_names`).
        pub title_translated: &'static str,
        /// Before the editors' summary.
        pub summary: &'static str,
        /// Before the description, as printed or as translated (`{language}`).
        pub description_printed: &'static str,
        pub description_translated: &'static str,
        pub action: &'static str,
        pub actions: &'static str,
        pub source: &'static str,
        /// Before the catalogue's fingerprint, after the reports cited.
        pub catalogue: &'static str,
        /// Between items of a field (French sets the semicolon apart).
        pub semicolon: &'static str,
        /// The handout's field labels, singular and plural where a field may hold several.
        pub id: &'static str,
        pub submitter: &'static str,
        pub place: (&'static str, &'static str),
        pub country: (&'static str, &'static str),
        pub region: &'static str,
        pub year: &'static str,
        /// Before the duration the report prints, after the year.
        pub duration_as_printed: &'static str,
        pub compact: &'static str,
        pub priorities: &'static str,
        /// After the priorities' label where their names are the editors' translation.
        pub priority_names: &'static str,
        /// The title as printed, where the heading is a translation.
        pub printed_title: &'static str,
        pub lines: &'static str,
    }
}

strings_table! {
    /// What a citation says around the data.
    #[derive(Debug)]
    pub struct CitationWords {
        pub open_quote: &'static str,
        pub close_quote: &'static str,
        /// Before the editors' translated title, where it differs from the printed one.
        pub translation: &'static str,
        pub lines: &'static str,
        /// After the action's id, before the catalogue's fingerprint.
        pub catalogue: &'static str,
    }
}

impl CitationWords {
    /// `text` in the language's quotation marks.
    pub fn quoted(&self, text: &str) -> String {
        format!("{}{text}{}", self.open_quote, self.close_quote)
    }
}

strings_table! {
    /// One row of the key table in a language: the keys as help names them, what they do
    /// (one line at 80 columns: the help has none to spare at 80×24), and its status-line
    /// hints, one for each place the key table gives it.
    #[derive(Debug)]
    pub struct KeyText {
        pub keys: &'static str,
        pub meaning: &'static str,
        pub hints: &'static [&'static str],
    }
}

strings_table! {
    /// The key table's words, one [`KeyText`] per row of `tui::keys::KEYS`.
    #[derive(Debug)]
    pub struct KeyTexts {
        pub typing: KeyText,
        pub moving: KeyText,
        pub map_arrows: KeyText,
        pub open: KeyText,
        pub partner: KeyText,
        pub mark: KeyText,
        pub clear_filter: KeyText,
        pub panes: KeyText,
        pub find: KeyText,
        pub back: KeyText,
        pub answer: KeyText,
        pub clear_filters: KeyText,
        pub text_language: KeyText,
        pub views: KeyText,
        pub about: KeyText,
        pub strict: KeyText,
        pub export: KeyText,
        pub copy: KeyText,
        pub mouse: KeyText,
        pub help: KeyText,
        pub quit: KeyText,
    }
}

impl Strings {
    /// `count` and the words that follow it, in the singular for one (and in French for
    /// zero too: "0 action") and in the plural otherwise.
    fn counted(&self, count: usize, singular: &str, plural: &str) -> String {
        let one = count == 1 || (count == 0 && self.zero_is_singular);
        format!("{count} {}", if one { singular } else { plural })
    }

    /// "1 action", "2 actions"; "0 actions" in English, "0 action" in French.
    pub fn count_actions(&self, count: usize) -> String {
        self.counted(count, self.action, self.actions)
    }

    /// "2 marked actions are not exported and will be lost."
    pub fn unsaved_marks(&self, count: usize) -> String {
        self.counted(count, self.unsaved_one, self.unsaved_many)
    }

    /// "1 marked", "2 marquées", "0 marquée".
    pub fn count_marked(&self, count: usize) -> String {
        self.counted(count, self.marked_one, self.marked)
    }

    /// `month` in words ("October 2023"), or the year alone.
    pub fn month(&self, month: crate::catalogue::YearMonth) -> String {
        match month
            .month
            .and_then(|number| self.months.get(usize::from(number).checked_sub(1)?))
        {
            Some(name) => format!("{name} {}", month.year),
            None => month.year.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_filled_once_even_when_a_value_names_a_placeholder() {
        assert_eq!(
            fill_all(
                "--{flag} \"{value}\": {values} {unknown}",
                &[("flag", "city"), ("value", "{values}"), ("values", "a, b")],
            ),
            "--city \"{values}\": a, b {unknown}"
        );
        assert_eq!(fill_all("{ {x", &[("x", "1")]), "{ {x");
    }

    #[test]
    fn every_gcr_area_of_the_catalogue_is_named() {
        let catalogue = crate::catalogue::embedded::catalogue();
        for priority in &catalogue.tables.priorities {
            for area in &priority.gcr_areas {
                assert!(
                    GCR_AREAS.contains(area),
                    "priority {}: {area:?} has no name in the languages' tables",
                    priority.number
                );
            }
        }
    }

    #[test]
    fn a_locale_chooses_its_language() {
        assert_eq!(Lang::of_locale("es_AR.UTF-8"), Some(Lang::ES));
        assert_eq!(Lang::of_locale("fr-CA"), Some(Lang::FR));
        assert_eq!(Lang::of_locale("en"), Some(Lang::EN));
        assert_eq!(Lang::of_locale("de_DE.UTF-8"), None);
        assert_eq!(Lang::of_locale("C"), None);
        assert_eq!(Lang::of_locale("POSIX"), None);
    }

    #[test]
    fn every_language_has_a_distinct_code() {
        for (row, lang) in Lang::all().enumerate() {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert!(
                Lang::all()
                    .skip(row + 1)
                    .all(|other| other.code() != lang.code())
            );
        }
    }
}
