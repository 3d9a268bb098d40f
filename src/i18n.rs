//! Every string the interface shows, in English and French, in one place. The data itself
//! is never translated here: it stays as the report prints it.

/// The interface's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// French when the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) is French,
    /// English otherwise.
    pub fn from_environment() -> Lang {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(variable)
                && !value.is_empty()
            {
                return if value.to_lowercase().starts_with("fr") {
                    Lang::Fr
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    /// Its ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language of the catalogue's texts a reader of this interface reads first: the
    /// editors' translation into it, or the report's French.
    pub fn texts(self) -> crate::catalogue::TextLanguage {
        crate::catalogue::TextLanguage::from_code(self.code())
            .unwrap_or(crate::catalogue::TextLanguage::SOURCE)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }
}

/// The English names of the month, for dates the English interface writes itself (the
/// report prints its durations in French).
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The areas of the Global Compact on Refugees as the priorities table prints them (in
/// French), with their English names: the dataset holds only the French, and the English
/// interface shows no French where English exists. The editors' translation, after the
/// compact's own English terms.
pub const GCR_AREAS_EN: &[(&str, &str)] = &[
    ("Partage des responsabilités", "Responsibility-sharing"),
    ("Solutions", "Solutions"),
    ("Compétence en matière de Protection", "Protection capacity"),
    ("Santé", "Health"),
    ("éducation", "education"),
    ("énergie", "energy"),
    ("infrastructure", "infrastructure"),
    (
        "Solutions en matière d'emploi et de moyens de subsistance",
        "Jobs and livelihoods solutions",
    ),
];

/// A GCR area's English name; one not listed stays as printed (a test checks that every
/// area of the catalogue is listed).
pub fn gcr_area_en(printed: &str) -> &str {
    GCR_AREAS_EN
        .iter()
        .find(|(french, _)| *french == printed)
        .map_or(printed, |(_, english)| english)
}

/// The interface's strings.
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
    /// The strict mode's mark on the search line.
    pub strict: &'static str,
    pub too_small: &'static str,
    pub marked_one: &'static str,
    pub marked: &'static str,
    /// Each dimension's name, in `Dimension` order (the facet table's).
    pub dimension_names: [&'static str; crate::engine::Dimension::COUNT],
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
}

pub static EN: Strings = Strings {
    app_title: "Call to Local Action for Migrants and Refugees",
    search: "Search",
    search_placeholder: "type to search: words, \"a phrase\", -exclude",
    filters: "Filters",
    results: "Actions",
    detail: "Action",
    statistics: "Statistics",
    map: "Map",
    shortlist: "Shortlist",
    help: "Help",
    of: "of",
    zero_is_singular: false,
    colon: ": ",
    action: "action",
    actions: "actions",
    no_match: "No action matches. Remove a filter or a word.",
    no_match_strict: "No action holds every word. Remove a filter or a word, or F6 to forgive.",
    ignored: "ignored: ",
    dropped: "no action has",
    showing: "with the others; showing",
    read_as: "read as",
    strict: "every word (F6)",
    too_small: "Terminal too small",
    marked_one: "marked",
    marked: "marked",
    dimension_names: [
        "Priority",
        "Compact",
        "Theme",
        "Region",
        "Country",
        "City",
        "Year",
        "Global Cities Fund",
        "Submitter",
        "Status",
    ],
    title_en: "English title",
    translation: "editors' translation",
    as_printed: "as printed",
    french_as_printed: "French, as printed",
    showing_source: "French text, as the report prints it",
    showing_translation: "{language} text: the editors' translation",
    to_text: "F7: the {language} text",
    text_language_names: ["French", "English", "Spanish"],
    summary_in: "the editors', in {language}",
    summary: "Summary",
    submitter: "Submitter",
    place: "Place",
    country: "Country",
    region: "Region",
    mayor: "Mayor",
    year: "Collection",
    duration: "Duration",
    ongoing: "ongoing",
    commitment: "Commitment",
    priorities: "Priorities",
    stated: "stated by the report",
    assigned: "assigned by the editors",
    gcm_objectives: "GCM objectives",
    gcr_areas: "GCR areas",
    sdgs: "SDGs",
    gcf: "Global Cities Fund",
    gcf_yes: "supported, as the text says",
    themes: "Themes",
    editors: "editors'",
    partners: "Joint commitment",
    description: "Description",
    quote: "Quote",
    spotlight: "Spotlight write-up",
    source: "Source",
    lines: "report lines",
    editor_notes: "Editors' notes",
    report_figures: "Report's published figures",
    report_figures_note: "Bars: the catalogue's records; in brackets, the report's printed figure.",
    report_figures_hidden: "The report's printed figures show beside whole collections only: clear the words and filters (but the year).",
    selection: "current selection",
    map_legend: "+ action   @ selected action",
    without_place: "without a place (networks)",
    no_place: [
        "no place on the map",
        "no place on the map (a national government)",
        "no place on the map (a network)",
    ],
    shortlist_empty: "The shortlist is empty: press Space on an action to mark it.",
    export_prompt: "Export the shortlist to",
    export_as_markdown: "written as Markdown (a name ending in .csv gives CSV)",
    export_as_csv: "written as CSV (a name ending in .md gives Markdown)",
    overwrite_prompt: "exists. Replace it? (y/N)",
    write_prompt: "Write the shortlist to",
    write_as_markdown: "as Markdown",
    write_as_csv: "as CSV",
    write_choices: "Enter: write it · Esc: change the name",
    nothing_marked: "Nothing is marked: mark actions with Space, then export",
    quit_title: "Export before quitting?",
    unsaved_one: "marked action is not exported and will be lost.",
    unsaved_many: "marked actions are not exported and will be lost.",
    quit_choices: "Enter: export them · Esc: stay · Ctrl-C: quit without them",
    quit_choices_one: "Enter: export it · Esc: stay · Ctrl-C: quit without it",
    exported: "Exported",
    export_failed: "Export failed",
    give_a_file: "standard output is this screen: give a file name",
    cancelled: "Cancelled",
    copied_id: "Copied {id} (F9 if nothing pastes)",
    copied_citation: "Copied the citation (F9 if nothing pastes)",
    copy_failed: "Could not copy",
    nothing_to_copy: "No action to copy: select one first",
    no_partner: "This action has no joint commitment to follow",
    filters_cleared: "Cleared every filter",
    find_nothing: "not in this text",
    instead_of: "instead of",
    no_filter_value: "No filter value starts with",
    marked_all: "Marked every result:",
    unmarked_all: "Unmarked every result:",
    compact_labels: [
        "GCM only",
        "GCR only",
        "Both compacts (mirror)",
        "Internally displaced people",
        "Not stated",
    ],
    gcf_labels: ["Supported", "Not stated"],
    kind_labels: [
        "Local or regional government",
        "National government",
        "Organisation or network",
    ],
    theme_labels: [
        "access to services",
        "children and youth",
        "employment and entrepreneurship",
        "climate",
        "humanitarian or financial aid",
        "governance",
    ],
    status_labels: ["Ongoing", "Ended", "No duration stated"],
    export_hint: "Ctrl-S: export",
};

pub static FR: Strings = Strings {
    app_title: "Appel à l'action locale pour les migrants et les réfugiés",
    search: "Recherche",
    search_placeholder: "tapez pour chercher : mots, \"une expression\", -exclure",
    filters: "Filtres",
    results: "Actions",
    detail: "Action",
    statistics: "Statistiques",
    map: "Carte",
    shortlist: "Sélection",
    help: "Aide",
    of: "sur",
    zero_is_singular: true,
    colon: " : ",
    action: "action",
    actions: "actions",
    no_match: "Aucune action ne correspond. Retirez un filtre ou un mot.",
    no_match_strict: "Aucune action n'a tous les mots. Retirez un filtre ou un mot, ou F6 pour l'indulgence.",
    ignored: "ignoré : ",
    dropped: "aucune action n'a",
    showing: "avec les autres mots ; actions avec",
    read_as: "lu comme",
    strict: "tous les mots (F6)",
    too_small: "Terminal trop petit",
    marked_one: "marquée",
    marked: "marquées",
    dimension_names: [
        "Priorité",
        "Pacte",
        "Thème",
        "Région",
        "Pays",
        "Ville",
        "Année",
        "Fonds mondial des villes",
        "Porteur",
        "Statut",
    ],
    title_en: "Titre anglais",
    translation: "traduction des éditeurs",
    as_printed: "titre du rapport",
    french_as_printed: "texte du rapport",
    showing_source: "Texte français, tel que le rapport l'imprime",
    showing_translation: "Texte {language} : la traduction des éditeurs",
    to_text: "F7 : le texte {language}",
    text_language_names: ["français", "anglais", "espagnol"],
    summary_in: "des éditeurs, en {language}",
    summary: "Résumé",
    submitter: "Porteur",
    place: "Lieu",
    country: "Pays",
    region: "Région",
    mayor: "Maire",
    year: "Collection",
    duration: "Durée",
    ongoing: "en cours",
    commitment: "Engagement",
    priorities: "Priorités",
    stated: "indiquée par le rapport",
    assigned: "attribuée par les éditeurs",
    gcm_objectives: "Objectifs du PMM",
    gcr_areas: "Domaines du PMR",
    sdgs: "ODD",
    gcf: "Fonds mondial des villes",
    gcf_yes: "soutien indiqué par le texte",
    themes: "Thèmes",
    editors: "des éditeurs",
    partners: "Engagement conjoint",
    description: "Description",
    quote: "Citation",
    spotlight: "Mise en lumière",
    source: "Source",
    lines: "lignes du rapport",
    editor_notes: "Notes des éditeurs",
    report_figures: "Chiffres publiés par le rapport",
    report_figures_note: "Barres : fiches du catalogue ; entre parenthèses, chiffre du rapport.",
    report_figures_hidden: "Les chiffres du rapport ne s'affichent que pour des collections entières : effacez mots et filtres (sauf l'année).",
    selection: "sélection actuelle",
    map_legend: "+ action   @ action choisie",
    without_place: "sans lieu (réseaux)",
    no_place: [
        "pas de lieu sur la carte",
        "pas de lieu sur la carte (un gouvernement national)",
        "pas de lieu sur la carte (un réseau)",
    ],
    shortlist_empty: "La sélection est vide : Espace sur une action pour la marquer.",
    export_prompt: "Exporter la sélection vers",
    export_as_markdown: "écrit en Markdown (un nom en .csv donne du CSV)",
    export_as_csv: "écrit en CSV (un nom en .md donne du Markdown)",
    overwrite_prompt: "existe. Le remplacer ? (o/N)",
    write_prompt: "Écrire la sélection dans",
    write_as_markdown: "en Markdown",
    write_as_csv: "en CSV",
    write_choices: "Entrée : l'écrire · Échap : changer le nom",
    nothing_marked: "Rien n'est marqué : marquez des actions avec Espace, puis exportez",
    quit_title: "Exporter avant de quitter ?",
    unsaved_one: "action marquée n'est pas exportée et sera perdue.",
    unsaved_many: "actions marquées ne sont pas exportées et seront perdues.",
    quit_choices: "Entrée : les exporter · Échap : rester · Ctrl-C : quitter sans elles",
    quit_choices_one: "Entrée : l'exporter · Échap : rester · Ctrl-C : quitter sans elle",
    exported: "Export réussi :",
    export_failed: "Échec de l’export",
    give_a_file: "la sortie standard est cet écran : donnez un nom de fichier",
    cancelled: "Annulé",
    copied_id: "{id} copié (F9 si rien ne colle)",
    copied_citation: "Citation copiée (F9 si rien ne colle)",
    copy_failed: "Copie impossible",
    nothing_to_copy: "Aucune action à copier : choisissez-en une",
    no_partner: "Cette action n'a pas d'engagement conjoint à suivre",
    filters_cleared: "Tous les filtres sont effacés",
    find_nothing: "absent de ce texte",
    instead_of: "au lieu de",
    no_filter_value: "Aucune valeur de filtre ne commence par",
    marked_all: "Tous les résultats sont marqués :",
    unmarked_all: "Tous les résultats sont démarqués :",
    compact_labels: [
        "PMM uniquement",
        "PMR uniquement",
        "Les deux pactes (miroir)",
        "Personnes déplacées internes",
        "Non précisé",
    ],
    gcf_labels: ["Soutenu", "Non précisé"],
    kind_labels: [
        "Gouvernement local ou régional",
        "Gouvernement national",
        "Organisation ou réseau",
    ],
    // The report's words ("2023 en chiffres").
    theme_labels: [
        "accès aux services",
        "enfants et jeunes",
        "emploi et entrepreneuriat",
        "climat",
        "aide humanitaire ou financière",
        "gouvernance",
    ],
    status_labels: ["En cours", "Terminée", "Durée non précisée"],
    export_hint: "Ctrl-S : exporter",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gcr_area_of_the_catalogue_has_an_english_name() {
        let catalogue = crate::catalogue::embedded::catalogue();
        for priority in &catalogue.tables.priorities {
            for area in &priority.gcr_areas {
                assert!(
                    GCR_AREAS_EN.iter().any(|(french, _)| french == area),
                    "priority {}: {area:?} has no English name",
                    priority.number
                );
            }
        }
    }
}
