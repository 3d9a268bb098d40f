//! The editors' thesaurus at query time: which runs of a query's words name a concept (in
//! any language of the texts, as its analyzer reads them), and the alternatives that match
//! the concept's other terms, each in its own language's texts, below the words as typed
//! and their typo corrections.

use std::collections::HashMap;

use tantivy::query::{BoostQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Score, Term};

use super::matching::{
    Alternative, Analyzers, IN_DESCRIPTION, IN_SUMMARY, IN_TITLE, Level, SYNONYM, allowed_typos,
    analyse,
};
use super::query::{Clause, ParsedQuery, named_runs};
use crate::catalogue::TextLanguage;
use localaction_data::schema::SearchFields;
use localaction_data::text::edit_distance;
use localaction_data::thesaurus::{Concept, MAX_TERM_WORDS};

/// A thesaurus term's matches score at this fraction of the field's usual boost.
const SYNONYM_FACTOR: Score = 0.3;
/// A run of query words is compared with terms up to this many words long, stop words
/// included ("Pacto Mundial para la Migración").
const MAX_RUN_WORDS: usize = 2 * MAX_TERM_WORDS;

/// The concepts and, for each language, the concept each main term reads as.
pub struct Thesaurus<'c> {
    concepts: &'c [Concept<'c>],
    by_main_term: HashMap<(TextLanguage, String), usize>,
    /// The one-word main terms as typed (lower case, accents folded), their length in
    /// characters, and their concept: where a misspelt word is looked for when the texts
    /// have nothing close to it.
    one_word_terms: Vec<(String, usize, usize)>,
}

/// Consecutive words of a query that name a concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The first clause's place in the query's required clauses, and how many.
    pub first: usize,
    pub len: usize,
    /// The concept's place in the catalogue's thesaurus.
    pub concept: usize,
}

impl<'c> Thesaurus<'c> {
    pub fn new(concepts: &'c [Concept<'c>], analyzers: &mut Analyzers) -> Thesaurus<'c> {
        let mut by_main_term = HashMap::new();
        let mut one_word_terms = Vec::new();
        for (number, concept) in concepts.iter().enumerate() {
            for term in concept.terms.iter().filter(|term| !term.narrower) {
                if let [(_, folded)] = analyse(&mut analyzers.names, term.text).as_slice() {
                    one_word_terms.push((folded.clone(), folded.chars().count(), number));
                }
                let key = key(analyzers, term.language, term.text);
                if !key.is_empty() {
                    by_main_term.entry((term.language, key)).or_insert(number);
                }
            }
        }
        Thesaurus {
            concepts,
            by_main_term,
            one_word_terms,
        }
    }

    pub fn concept(&self, number: usize) -> &Concept<'c> {
        &self.concepts[number]
    }

    /// The concept of the one-word term closest to `token` (a word as typed, folded)
    /// within the typos its length allows, if any: the closest, then the first.
    pub fn closest_term(&self, token: &str) -> Option<usize> {
        let chars = token.chars().count();
        let allowed = usize::from(allowed_typos(chars));
        self.one_word_terms
            .iter()
            // Lengths further apart than the typos allowed are further apart in edits too.
            .filter(|(_, length, _)| length.abs_diff(chars) <= allowed)
            .map(|(term, _, concept)| (edit_distance(token, term), *concept))
            .filter(|&(distance, _)| (1..=allowed).contains(&distance))
            .min_by_key(|&(distance, _)| distance)
            .map(|(_, concept)| concept)
    }

    /// The concept `text` names in some language, the report's first.
    pub fn concept_named(&self, text: &str, analyzers: &mut Analyzers) -> Option<usize> {
        TextLanguage::all().find_map(|language| {
            let key = key(analyzers, language, text);
            self.by_main_term.get(&(language, key)).copied()
        })
    }

    /// The runs of the query's required words that name a concept: from the left, the
    /// longest run at each word; phrases in quotes are taken literally, never read as
    /// concepts.
    pub fn runs(&self, parsed: &ParsedQuery, analyzers: &mut Analyzers) -> Vec<Run> {
        named_runs(&parsed.required, MAX_RUN_WORDS, |clauses| {
            let text: Vec<&str> = clauses.iter().map(Clause::text).collect();
            self.concept_named(&text.join(" "), analyzers)
        })
        .into_iter()
        .map(|(range, concept)| Run {
            first: range.start,
            len: range.len(),
            concept,
        })
        .collect()
    }

    /// Matching concept `number`: the actions whose texts hold any of its terms, each in
    /// its own language's texts, as the index marked them (one term query for each place,
    /// however many terms the concept has). Also the terms that add to what `typed` finds,
    /// as the thesaurus writes them: those that do not read as `typed` in their language.
    pub fn alternatives(
        &self,
        number: usize,
        typed: &str,
        fields: &SearchFields,
        analyzers: &mut Analyzers,
    ) -> (Vec<Alternative>, Vec<&'c str>) {
        let concept = &self.concepts[number];
        // The typed words as each language reads them, once.
        let typed_keys: Vec<String> = TextLanguage::all()
            .map(|language| key(analyzers, language, typed))
            .collect();
        let mut shown = Vec::new();
        // Read here, not when the thesaurus is built: a search reads one concept's terms,
        // and building all of them would cost every one-search process more.
        for term in &concept.terms {
            let term_key = key(analyzers, term.language, term.text);
            if !term_key.is_empty()
                && term_key != typed_keys[term.language.index()]
                && !shown.contains(&term.text)
            {
                shown.push(term.text);
            }
        }
        let alternatives = fields
            .concepts
            .into_iter()
            .zip([IN_TITLE, IN_SUMMARY, IN_DESCRIPTION])
            .map(|(field, place)| Alternative {
                query: Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, concept.id),
                        IndexRecordOption::WithFreqs,
                    )),
                    SYNONYM_FACTOR,
                )),
                level: Level {
                    quality: SYNONYM,
                    place,
                },
                scored: true,
            })
            .collect();
        (alternatives, shown)
    }
}

/// `text` as `language`'s analyzer reads it: its words, stemmed, stop words dropped.
fn key(analyzers: &mut Analyzers, language: TextLanguage, text: &str) -> String {
    let tokens = analyse(&mut analyzers.languages[language.index()], text);
    let words: Vec<String> = tokens.into_iter().map(|(_, token)| token).collect();
    words.join(" ")
}
