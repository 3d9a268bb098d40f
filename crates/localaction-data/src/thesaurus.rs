//! The editors' thesaurus (`dataset/thesaurus.toml`): concepts of the catalogue's field,
//! each with its terms in every language of the texts, read and checked like the rest of
//! the dataset. The search engine matches a concept's terms for any one of them typed.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::dataset::{DatasetError, Sourced};
use crate::languages::TextLanguage;
use crate::schema;

/// The file, under the dataset folder.
pub const FILE: &str = "thesaurus.toml";

/// The areas a concept belongs to.
pub const AREAS: [&str; 8] = [
    "populations",
    "needs",
    "governance",
    "narratives",
    "climate",
    "funding",
    "bodies",
    "other",
];

/// A term has at most this many words once its language's stop words are dropped: the
/// longest run of query words the engine compares with terms.
pub const MAX_TERM_WORDS: usize = 4;

/// What marks a concept as read by the second reader: its note says what the review did.
const REVIEW_MARK: &str = "Review:";

/// A `[[concept]]` of the thesaurus file. Besides these fields it has one list of main
/// terms per language of the texts, under the language's code (`en = […]`).
#[derive(Debug, Clone, Deserialize)]
pub struct ConceptRow {
    pub id: String,
    pub area: String,
    /// More specific terms, per language code: found when the concept is searched for, they
    /// do not lead back to it.
    #[serde(default)]
    pub narrower: BTreeMap<String, Vec<String>>,
    /// Actions whose texts speak of the concept.
    pub evidence: Vec<String>,
    /// Why these terms go together, and what the review did.
    pub note: String,
    /// The main terms, per language code.
    #[serde(flatten)]
    pub terms: BTreeMap<String, Vec<String>>,
}

/// A concept as the catalogue carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept<'a> {
    pub id: &'a str,
    /// Main terms first, then narrower ones, each language in [`TextLanguage::all`] order.
    #[serde(borrow)]
    pub terms: Vec<Term<'a>>,
}

/// One term of a concept.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Term<'a> {
    pub text: &'a str,
    pub language: TextLanguage,
    pub narrower: bool,
}

/// A term's words as its language's analyzer reads them (stop words dropped, stemmed),
/// joined by spaces: what a run of query words must read as to be that term.
pub fn analysed_key(text: &str, language: TextLanguage) -> String {
    let words: Vec<String> = tokens(&mut schema::analyzer(language), text)
        .into_iter()
        .map(|(_, word)| word)
        .collect();
    words.join(" ")
}

/// Checks the concepts and compiles them; every problem is added to `errors`.
pub fn compile<'d>(
    rows: &'d [Sourced<ConceptRow>],
    action_ids: &BTreeSet<&str>,
    errors: &mut Vec<DatasetError>,
) -> Vec<Concept<'d>> {
    let mut error = |file: &str, record: &str, field: &str, message: String| {
        errors.push(DatasetError {
            file: file.to_owned(),
            record: Some(record.to_owned()),
            field: Some(field.to_owned()),
            message,
        });
    };
    let codes: Vec<&str> = TextLanguage::all().map(TextLanguage::code).collect();
    let mut ids = BTreeSet::new();
    // Each main term, as analysed, and the concept it belongs to.
    let mut main_keys: BTreeMap<(TextLanguage, String), &str> = BTreeMap::new();
    let mut concepts = Vec::new();
    for Sourced { file, row } in rows {
        let record = format!("concept \"{}\"", row.id);
        let well_formed = !row.id.is_empty()
            && row.id.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
            });
        if !well_formed {
            error(
                file,
                &record,
                "id",
                "must be lower-case ASCII words joined by hyphens".into(),
            );
        }
        if !ids.insert(row.id.as_str()) {
            error(file, &record, "id", "another concept has this id".into());
        }
        if !AREAS.contains(&row.area.as_str()) {
            error(
                file,
                &record,
                "area",
                format!(
                    "unknown area \"{}\" (expected one of: {})",
                    row.area,
                    AREAS.join(", ")
                ),
            );
        }
        for key in row.terms.keys().chain(row.narrower.keys()) {
            if !codes.contains(&key.as_str()) {
                error(
                    file,
                    &record,
                    key,
                    format!(
                        "unknown field (a concept has id, area, the languages {}, narrower, evidence and note)",
                        codes.join(", ")
                    ),
                );
            }
        }
        if row.note.trim().is_empty() {
            error(
                file,
                &record,
                "note",
                "must say why these terms go together".into(),
            );
        } else if !row.note.contains(REVIEW_MARK) {
            error(
                file,
                &record,
                "note",
                format!("has not been read by a second reader (no \"{REVIEW_MARK} …\")"),
            );
        }
        if row.evidence.is_empty() {
            error(
                file,
                &record,
                "evidence",
                "must name an action that speaks of the concept".into(),
            );
        }
        for id in &row.evidence {
            if !action_ids.contains(id.as_str()) {
                error(
                    file,
                    &record,
                    "evidence",
                    format!("no action has the id \"{id}\""),
                );
            }
        }
        let mut terms = Vec::new();
        for narrower in [false, true] {
            for language in TextLanguage::all() {
                let table = if narrower { &row.narrower } else { &row.terms };
                let listed = table
                    .get(language.code())
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let field = if narrower {
                    format!("narrower.{}", language.code())
                } else {
                    language.code().to_owned()
                };
                if !narrower && listed.is_empty() {
                    error(file, &record, &field, "must list at least one term".into());
                }
                for text in listed {
                    let key = analysed_key(text, language);
                    let words = key.split(' ').filter(|word| !word.is_empty()).count();
                    let acronym = !text.chars().any(char::is_lowercase);
                    if text.trim() != text || text.is_empty() {
                        error(
                            file,
                            &record,
                            &field,
                            format!("\"{text}\": a term has no space around it"),
                        );
                    } else if !acronym && text.to_lowercase() != *text {
                        error(
                            file,
                            &record,
                            &field,
                            format!("\"{text}\": a term is lower-case, or an acronym in capitals"),
                        );
                    }
                    if !(1..=MAX_TERM_WORDS).contains(&words) {
                        error(
                            file,
                            &record,
                            &field,
                            format!(
                                "\"{text}\" has {words} words besides stop words (1 to {MAX_TERM_WORDS})"
                            ),
                        );
                    }
                    if !narrower
                        && let Some(other) = main_keys.insert((language, key), &row.id)
                        && other != row.id
                    {
                        error(
                            file,
                            &record,
                            &field,
                            format!("\"{text}\" reads as a main term of concept \"{other}\" too"),
                        );
                    }
                    terms.push(Term {
                        text,
                        language,
                        narrower,
                    });
                }
            }
        }
        concepts.push(Concept { id: &row.id, terms });
    }
    concepts
}

/// Where the index finds the concepts a text speaks of: each language's terms (main and
/// narrower) as its analyzer reads them, by their first word. A text holds a term where
/// the term's words stand at the same distances as in the term (a stop word leaves a gap),
/// exactly as a phrase query of the term would find it.
pub struct ConceptFinder {
    /// Per language, in [`TextLanguage::all`] order: first word → the terms starting with
    /// it.
    by_first_word: Vec<BTreeMap<String, Vec<TermRest>>>,
    analyzers: Vec<tantivy::tokenizer::TextAnalyzer>,
}

impl ConceptFinder {
    pub fn new(concepts: &[Concept<'_>]) -> ConceptFinder {
        let mut analyzers: Vec<_> = TextLanguage::all().map(schema::analyzer).collect();
        let mut by_first_word = vec![BTreeMap::new(); analyzers.len()];
        for (number, concept) in concepts.iter().enumerate() {
            for term in &concept.terms {
                let tokens = tokens(&mut analyzers[term.language.index()], term.text);
                let Some(((start, first), rest)) = tokens.split_first() else {
                    continue;
                };
                let rest: Vec<(usize, String)> = rest
                    .iter()
                    .map(|(position, word)| (position - start, word.clone()))
                    .collect();
                let terms: &mut Vec<_> = by_first_word[term.language.index()]
                    .entry(first.clone())
                    .or_default();
                if !terms.contains(&(rest.clone(), number)) {
                    terms.push((rest, number));
                }
            }
        }
        ConceptFinder {
            by_first_word,
            analyzers,
        }
    }

    /// Adds to `found` the place of the concept of each term `text` (in `language`) holds,
    /// once per occurrence.
    pub fn find(&mut self, language: TextLanguage, text: &str, found: &mut Vec<usize>) {
        let terms = &self.by_first_word[language.index()];
        let words = tokens(&mut self.analyzers[language.index()], text);
        for (start, first) in &words {
            let Some(candidates) = terms.get(first) else {
                continue;
            };
            let before = found.len();
            for (rest, concept) in candidates {
                // Two terms of one concept at one place are one mention of it.
                if found[before..].contains(concept) {
                    continue;
                }
                let holds = rest.iter().all(|(distance, word)| {
                    words
                        .binary_search_by_key(&(start + distance), |(position, _)| *position)
                        .is_ok_and(|at| words[at].1 == *word)
                });
                if holds {
                    found.push(*concept);
                }
            }
        }
    }
}

/// A term after its first word: the other words with their distance from the first, and
/// the place of the term's concept.
type TermRest = (Vec<(usize, String)>, usize);

/// A text's `(position, word)` pairs through `analyzer`, in order.
fn tokens(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |token| tokens.push((token.position, token.text.clone())));
    tokens
}
