//! Marking a query's matches in texts: tantivy's snippet generator, one per language of
//! the texts (each analysing as the index analyses that language), fed
//! with the stems of every word the search matched through (the query's words, their typo
//! corrections and completions), so corrected and prefix matches are marked too.

use std::collections::BTreeMap;
use std::ops::Range;

use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Score, Searcher, Term};

use super::matching::analyse;
pub use crate::catalogue::TextLanguage;
use localaction_data::schema::{self, SearchFields};

/// The generators' passage length between snippets: none, so that a whole text is marked
/// whole ([`Highlighter::mark`]); a snippet of a given length sets its own and restores it.
const WHOLE_TEXT: usize = usize::MAX;

/// A passage of text with the query's matches marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text`, each on character boundaries, ascending and disjoint.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The highlights as character ranges (what JSON output gives scripts).
    pub fn char_ranges(&self) -> Vec<Range<usize>> {
        let to_chars = |byte: usize| self.text[..byte].chars().count();
        self.highlights
            .iter()
            .map(|range| to_chars(range.start)..to_chars(range.end))
            .collect()
    }
}

/// Marks a search's words in texts (see [`super::Engine::highlighter`]).
pub struct Highlighter {
    /// One for each language of the texts, in [`TextLanguage::all`] order; none where no
    /// word of the search has a stem in it.
    generators: Vec<Option<SnippetGenerator>>,
}

impl Highlighter {
    pub(super) fn new(searcher: &Searcher, fields: &SearchFields, words: &[String]) -> Highlighter {
        let generator = |mut analyzer: tantivy::tokenizer::TextAnalyzer, field: Field| {
            let mut terms: BTreeMap<String, Score> = BTreeMap::new();
            for word in words {
                for (_, stem) in analyse(&mut analyzer, word) {
                    // Rarer words weigh more in choosing the passage, as in
                    // `SnippetGenerator::create`.
                    let documents = searcher
                        .doc_freq(&Term::from_field_text(field, &stem))
                        .unwrap_or(0);
                    terms.insert(stem, 1.0 / (1.0 + documents as Score));
                }
            }
            (!terms.is_empty()).then(|| SnippetGenerator::new(terms, analyzer, field, WHOLE_TEXT))
        };
        Highlighter {
            generators: fields
                .languages
                .iter()
                .map(|language| generator(schema::analyzer(language.language), language.body))
                .collect(),
        }
    }

    /// `text` whole, with the matches marked.
    pub fn mark(&self, text: &str, language: TextLanguage) -> Snippet {
        let Some(generator) = self.generator(language) else {
            return cut(text, None);
        };
        let snippet = generator.snippet(text);
        if snippet.highlighted().is_empty() {
            return cut(text, None);
        }
        let offset = snippet.fragment_range().start;
        Snippet {
            text: text.to_owned(),
            highlights: snippet
                .highlighted()
                .iter()
                .map(|range| range.start + offset..range.end + offset)
                .collect(),
        }
    }

    /// A passage of `text` around the matches, at most `max_chars` long, or the whole text
    /// marked when `max_chars` is `None`.
    pub fn snippet(
        &mut self,
        text: &str,
        language: TextLanguage,
        max_chars: Option<usize>,
    ) -> Snippet {
        let Some(max) = max_chars else {
            return self.mark(text, language);
        };
        let Some(generator) = self.generators[language.index()].as_mut() else {
            return cut(text, max_chars);
        };
        generator.set_max_num_chars(max);
        let snippet = generator.snippet(text);
        generator.set_max_num_chars(WHOLE_TEXT);
        if snippet.highlighted().is_empty() {
            return cut(text, max_chars);
        }
        // tantivy counts bytes and keeps a first word longer than the maximum.
        let fragment = snippet.fragment();
        let fragment = match fragment.char_indices().nth(max) {
            Some((cut, _)) => &fragment[..cut],
            None => fragment,
        };
        Snippet {
            text: fragment.to_owned(),
            highlights: snippet
                .highlighted()
                .iter()
                .filter(|range| range.end <= fragment.len())
                .cloned()
                .collect(),
        }
    }

    fn generator(&self, language: TextLanguage) -> Option<&SnippetGenerator> {
        self.generators[language.index()].as_ref()
    }
}

/// The text (its first `max_chars` characters) with nothing marked.
fn cut(text: &str, max_chars: Option<usize>) -> Snippet {
    let text = match max_chars {
        None => text.to_owned(),
        Some(max) => text.chars().take(max).collect(),
    };
    Snippet {
        text,
        highlights: Vec::new(),
    }
}
