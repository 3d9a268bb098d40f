//! The words of every description as the French analyzer indexed them — where each word
//! lies in the text and which term of the description field it became — written beside the
//! index, so that highlighting a description looks up terms instead of analysing the text
//! again (analysis was most of the cost of a search's snippets). Shared with `build.rs`.
//!
//! Layout (integers little-endian u32): `documents | (documents + 1) × first word |
//! words × (start byte, end byte, term ordinal)`; document `d`'s words are
//! `first[d]..first[d + 1]`.

use tantivy::termdict::TermDictionary;
use tantivy::tokenizer::TextAnalyzer;

/// The name of the file in the packed index.
pub const FILE_NAME: &str = "description_words.bin";

/// One analysed word of a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the description.
    pub start: u32,
    pub end: u32,
    /// The term it was indexed as, by its ordinal in the field's dictionary.
    pub term: u64,
}

/// Analyses `descriptions` (in document order) and encodes their words.
pub fn encode<'t>(
    descriptions: impl ExactSizeIterator<Item = &'t str>,
    analyzer: &mut TextAnalyzer,
    dictionary: &TermDictionary,
) -> Result<Vec<u8>, String> {
    let too_large = |_| "the descriptions exceed 4 GiB".to_owned();
    let mut firsts: Vec<u32> = Vec::with_capacity(descriptions.len() + 1);
    let mut words: Vec<u32> = Vec::new();
    for (document, description) in descriptions.enumerate() {
        firsts.push(u32::try_from(words.len() / 3).map_err(too_large)?);
        let mut failure = None;
        analyzer.token_stream(description).process(&mut |token| {
            let term = match dictionary.term_ord(token.text.as_bytes()) {
                Ok(Some(term)) => term,
                _ => {
                    failure.get_or_insert_with(|| {
                        format!(
                            "description {document}: the word {:?} is not in the index",
                            token.text
                        )
                    });
                    return;
                }
            };
            for value in [token.offset_from as u64, token.offset_to as u64, term] {
                match u32::try_from(value) {
                    Ok(value) => words.push(value),
                    Err(_) => {
                        failure.get_or_insert_with(|| "a description exceeds 4 GiB".to_owned());
                    }
                }
            }
        });
        if let Some(failure) = failure {
            return Err(failure);
        }
    }
    firsts.push(u32::try_from(words.len() / 3).map_err(too_large)?);
    let documents = u32::try_from(firsts.len() - 1).map_err(too_large)?;
    let mut bytes = Vec::with_capacity(4 * (1 + firsts.len() + words.len()));
    for value in std::iter::once(documents).chain(firsts).chain(words) {
        bytes.extend_from_slice(&value.to_le_bytes());
    }
    Ok(bytes)
}

/// The encoded words, read in place.
#[derive(Clone)]
pub struct DescriptionWords<B> {
    bytes: B,
    documents: usize,
}

impl<B: AsRef<[u8]>> DescriptionWords<B> {
    /// Checks the layout; `documents` is the number the index holds.
    pub fn open(bytes: B, documents: usize) -> Result<DescriptionWords<B>, String> {
        let damaged = |what: &str| format!("the description words are damaged: {what}");
        let data = bytes.as_ref();
        if data.len() % 4 != 0 || data.len() < 4 {
            return Err(damaged("truncated"));
        }
        let words = DescriptionWords { bytes, documents };
        if words.u32_at(0) as usize != documents {
            return Err(damaged("not one list per document"));
        }
        let total = words.u32_at(1 + documents) as usize;
        if words.bytes.as_ref().len() != 4 * (2 + documents + 3 * total) {
            return Err(damaged("the lists do not fill the file"));
        }
        if (0..documents).any(|document| words.first(document) > words.first(document + 1)) {
            return Err(damaged("lists out of order"));
        }
        Ok(words)
    }

    fn u32_at(&self, index: usize) -> u32 {
        let at = 4 * index;
        let data = self.bytes.as_ref();
        u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
    }

    fn first(&self, document: usize) -> usize {
        self.u32_at(1 + document) as usize
    }

    /// The words of one document's description, in order (none for an unknown document).
    pub fn of(&self, document: u32) -> impl Iterator<Item = Word> + '_ {
        let document = document as usize;
        let range = if document < self.documents {
            self.first(document)..self.first(document + 1)
        } else {
            0..0
        };
        let base = 2 + self.documents;
        range.map(move |word| Word {
            start: self.u32_at(base + 3 * word),
            end: self.u32_at(base + 3 * word + 1),
            term: u64::from(self.u32_at(base + 3 * word + 2)),
        })
    }
}
