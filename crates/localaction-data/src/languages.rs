//! The languages of the catalogue's texts, one row each: the report's own (French, always
//! first) and those of the editors' translations. The index's fields and analyzers, the
//! dataset's translation files and checks, the matcher and the highlighter are all made
//! from this table; nothing else names a language. Adding one is a row here and the
//! dataset's translations (`dataset/translations/<code>/`).

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::Language;

/// One language of the catalogue's texts.
#[derive(Debug)]
pub struct LanguageRow {
    /// ISO 639-1: the suffix of its fields in the index and in JSON/CSV (`title_es`), the
    /// folder of its translations under `dataset/translations/`.
    pub code: &'static str,
    /// Its name in English, for messages to the dataset's editors.
    pub english_name: &'static str,
    /// Its stemmer and stop words in tantivy.
    pub stemmer: Language,
    /// The name its analyzer is registered under in the index.
    pub analyzer: &'static str,
    /// Feminine endings are folded before stemming ("réfugiées" and "réfugiés" meet once
    /// accents are folded): French participles, which the stemmer expects accented.
    pub folds_feminine_endings: bool,
    /// Its stemmer folds derivations too ("housing" and "house", "peaceful" and "peace"),
    /// not only inflections: a word reached only through its stem then counts below the
    /// word as typed.
    pub stems_derivations: bool,
    /// A translation's length over the French text's, in characters, as the editors'
    /// translations into it run: outside, something was probably dropped or added (a
    /// record right all the same says why in a note mentioning "length ratio"). English
    /// runs 0.78-1.01, Spanish 0.88-1.24.
    pub length_ratio: (f64, f64),
    /// Words that ask rather than say (question words, the verbs and pronouns of a
    /// question; never a noun a text is about, such as "aide" in "aide juridique", or
    /// "city" in "city cooperation"), written as typed without accents:
    /// like stop words, they add to a text's score but never decide which actions a query
    /// lists, so a plain question finds what its content words find.
    pub question_words: &'static [&'static str],
    /// Words that a question about this catalogue is asked about rather than for ("which
    /// cities…", "quelles villes…"): question words too, but only in a query that holds
    /// one of `question_words` ("city cooperation" keeps its "city").
    pub question_subjects: &'static [&'static str],
}

/// The table. The report's language comes first.
pub const LANGUAGES: [LanguageRow; 3] = [
    LanguageRow {
        code: "fr",
        english_name: "French",
        stemmer: Language::French,
        analyzer: "localaction_fr",
        folds_feminine_endings: true,
        stems_derivations: false,
        length_ratio: (1.0, 1.0),
        question_words: &[
            "comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "qui", "quoi",
            "que", "qu", "est", "ce", "elles", "ils", "fait", "font", "faire", "peut", "peuvent",
            "existe", "aident", "aider", "t", "il", "obtenir", "trouver", "ou", "combien",
            "existent", "faut",
        ],
        question_subjects: &[
            "villes",
            "ville",
            "municipalites",
            "municipalite",
            "collectivites",
        ],
    },
    LanguageRow {
        code: "en",
        english_name: "English",
        stemmer: Language::English,
        analyzer: "localaction_en",
        folds_feminine_endings: false,
        stems_derivations: true,
        length_ratio: (0.70, 1.15),
        question_words: &[
            "what", "which", "who", "whom", "where", "when", "why", "how", "do", "does", "did",
            "done", "doing", "is", "are", "can", "could", "should", "would", "any", "being",
            "about", "give", "gives", "get", "there", "find",
        ],
        question_subjects: &["cities", "city", "municipalities"],
    },
    LanguageRow {
        code: "es",
        english_name: "Spanish",
        stemmer: Language::Spanish,
        analyzer: "localaction_es",
        folds_feminine_endings: false,
        // Snowball's Spanish strips derivational suffixes (-ación, -miento, -idad, -mente)
        // and verb endings that English words end with ("venezuelan" and "Venezuela" meet).
        stems_derivations: true,
        length_ratio: (0.80, 1.30),
        question_words: &[
            "que",
            "cual",
            "cuales",
            "quien",
            "quienes",
            "donde",
            "cuando",
            "como",
            "por",
            "hacen",
            "hace",
            "hacer",
            "puede",
            "pueden",
            "hay",
            "existe",
            "ayudan",
            "ayudar",
            "dan",
            "dar",
            "obtener",
            "encontrar",
            "conseguir",
            "cuantos",
            "cuantas",
            "cuanto",
            "cuanta",
            "existen",
        ],
        question_subjects: &[
            "ciudades",
            "ciudad",
            "municipios",
            "municipio",
            "ayuntamientos",
        ],
    },
];

/// A language of the catalogue's texts: a row of [`LANGUAGES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextLanguage(u8);

impl TextLanguage {
    /// The report's own language, in which every text is printed.
    pub const SOURCE: TextLanguage = TextLanguage(0);

    /// Every language, the report's first.
    pub fn all() -> impl Iterator<Item = TextLanguage> + Clone {
        (0..LANGUAGES.len()).map(|index| TextLanguage(index as u8))
    }

    /// The languages of the editors' translations.
    pub fn translations() -> impl Iterator<Item = TextLanguage> + Clone {
        TextLanguage::all().skip(1)
    }

    /// The language whose code is `code`.
    pub fn from_code(code: &str) -> Option<TextLanguage> {
        TextLanguage::all().find(|language| language.code() == code)
    }

    pub fn row(self) -> &'static LanguageRow {
        &LANGUAGES[usize::from(self.0)]
    }

    pub fn code(self) -> &'static str {
        self.row().code
    }

    /// Its place in [`LANGUAGES`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether the report prints its texts in it.
    pub fn is_source(self) -> bool {
        self == TextLanguage::SOURCE
    }

    /// The one after it in [`LANGUAGES`], round to the first.
    pub fn next(self) -> TextLanguage {
        TextLanguage(((usize::from(self.0) + 1) % LANGUAGES.len()) as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_analyzers_are_unique_and_the_report_comes_first() {
        assert_eq!(TextLanguage::SOURCE.code(), "fr");
        for (index, row) in LANGUAGES.iter().enumerate() {
            assert!(
                LANGUAGES[..index]
                    .iter()
                    .all(|other| other.code != row.code && other.analyzer != row.analyzer),
                "{}",
                row.code
            );
            assert_eq!(row.code.len(), 2);
        }
        assert_eq!(
            TextLanguage::from_code("es").map(TextLanguage::index),
            Some(2)
        );
        let cycle: Vec<&str> =
            std::iter::successors(Some(TextLanguage::SOURCE), |language| Some(language.next()))
                .take(4)
                .map(TextLanguage::code)
                .collect();
        assert_eq!(cycle, ["fr", "en", "es", "fr"]);
    }
}
