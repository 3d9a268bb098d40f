//! Query words that name a region: a run of them spelling one of its names or aliases whole
//! ("Afrique", "North Africa", "Oriente Medio"), never one word of a longer name, so that a
//! word means the same set of actions as a query word and as a filter value.

use std::collections::HashMap;

use super::facets::{Dimension, Values};
use super::matching::{Analyzers, analyse};
use super::query::{Clause, ParsedQuery, named_runs};

/// Each region's spellings as the names analyzer reads them (words joined by spaces).
pub struct RegionNames {
    /// Words → the region's key; a spelling of two regions names neither.
    by_words: HashMap<String, Option<String>>,
    /// The most words a spelling has.
    max_words: usize,
}

impl RegionNames {
    pub fn new(values: &Values<'_>, analyzers: &mut Analyzers) -> RegionNames {
        let mut by_words: HashMap<String, Option<String>> = HashMap::new();
        let mut max_words = 0;
        for value in values.of(Dimension::Region) {
            for spelling in value.spellings() {
                let words = words(analyzers, spelling);
                max_words = max_words.max(words.split(' ').count());
                let named = by_words
                    .entry(words)
                    .or_insert_with(|| Some(value.key.clone()));
                if named.as_deref() != Some(value.key.as_str()) {
                    *named = None;
                }
            }
        }
        RegionNames {
            by_words,
            max_words,
        }
    }

    /// The runs of the query's required words that spell a region's name, with the
    /// region's key.
    pub fn runs(
        &self,
        parsed: &ParsedQuery,
        analyzers: &mut Analyzers,
    ) -> Vec<(std::ops::Range<usize>, String)> {
        named_runs(&parsed.required, self.max_words, |clauses| {
            let text: Vec<&str> = clauses.iter().map(Clause::text).collect();
            self.named(&text.join(" "), analyzers)
        })
    }

    /// The key of the region `text` spells, if it spells one.
    pub fn named(&self, text: &str, analyzers: &mut Analyzers) -> Option<String> {
        self.by_words.get(&words(analyzers, text))?.clone()
    }
}

/// `text`'s words as the names analyzer reads them (lower case, accents folded).
fn words(analyzers: &mut Analyzers, text: &str) -> String {
    let tokens: Vec<String> = analyse(&mut analyzers.names, text)
        .into_iter()
        .map(|(_, token)| token)
        .collect();
    tokens.join(" ")
}
