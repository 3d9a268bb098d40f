//! The words of every description as the French analyzer indexed them — where each word
//! lies in the text and which term of the description field it became — written beside the
//! index, so that highlighting a description looks up terms instead of analysing the text
//! again (analysis was most of the cost of a search's snippets). Shared with `build.rs`.
//!
//! Layout: `documents: u32 | (documents + 1) × start: u32 | words`, integers little-endian;
//! document `d`'s words are the bytes `start[d]..start[d + 1]` of `words`, each word three
//! LEB128 varints: the gap from the previous word's end (or the text's start), the word's
//! length in bytes, and its term ordinal — about 4 bytes a word instead of 12.

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

/// Appends `value` as a LEB128 varint.
fn push_varint(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Reads a LEB128 varint at `*at`, moving past it; `None` when truncated or too long.
fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// Analyses `descriptions` (in document order) and encodes their words.
pub fn encode<'t>(
    descriptions: impl ExactSizeIterator<Item = &'t str>,
    analyzer: &mut TextAnalyzer,
    dictionary: &TermDictionary,
) -> Result<Vec<u8>, String> {
    let too_large = |_| "the descriptions' words exceed 4 GiB".to_owned();
    let mut starts: Vec<u32> = Vec::with_capacity(descriptions.len() + 1);
    let mut words: Vec<u8> = Vec::new();
    for (document, description) in descriptions.enumerate() {
        starts.push(u32::try_from(words.len()).map_err(too_large)?);
        let mut failure = None;
        let mut previous_end = 0;
        analyzer.token_stream(description).process(&mut |token| {
            match dictionary.term_ord(token.text.as_bytes()) {
                Ok(Some(term)) => {
                    // Words come in order and never overlap; a gap is never negative.
                    let gap = token.offset_from.saturating_sub(previous_end);
                    push_varint(&mut words, gap as u64);
                    push_varint(&mut words, (token.offset_to - token.offset_from) as u64);
                    push_varint(&mut words, term);
                    previous_end = token.offset_to;
                }
                _ => {
                    failure.get_or_insert_with(|| {
                        format!(
                            "description {document}: the word {:?} is not in the index",
                            token.text
                        )
                    });
                }
            }
        });
        if let Some(failure) = failure {
            return Err(failure);
        }
    }
    starts.push(u32::try_from(words.len()).map_err(too_large)?);
    let documents = u32::try_from(starts.len() - 1).map_err(too_large)?;
    let mut bytes = Vec::with_capacity(4 * (1 + starts.len()) + words.len());
    for value in std::iter::once(documents).chain(starts) {
        bytes.extend_from_slice(&value.to_le_bytes());
    }
    bytes.extend_from_slice(&words);
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
        let header = 4 * (2 + documents);
        if bytes.as_ref().len() < header {
            return Err(damaged("truncated"));
        }
        let words = DescriptionWords { bytes, documents };
        if words.u32_at(0) as usize != documents {
            return Err(damaged("not one list per document"));
        }
        if header + words.start(documents) != words.bytes.as_ref().len() {
            return Err(damaged("the lists do not fill the file"));
        }
        if (0..documents).any(|document| words.start(document) > words.start(document + 1)) {
            return Err(damaged("lists out of order"));
        }
        Ok(words)
    }

    fn u32_at(&self, index: usize) -> u32 {
        let at = 4 * index;
        let data = self.bytes.as_ref();
        u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
    }

    /// Where a document's words start, in the words' bytes.
    fn start(&self, document: usize) -> usize {
        self.u32_at(1 + document) as usize
    }

    /// The words of one document's description, in order (none for an unknown document;
    /// they stop where the bytes are damaged).
    pub fn of(&self, document: u32) -> impl Iterator<Item = Word> + '_ {
        let document = document as usize;
        let header = 4 * (2 + self.documents);
        let bytes = if document < self.documents {
            &self.bytes.as_ref()[header + self.start(document)..header + self.start(document + 1)]
        } else {
            &[]
        };
        let mut at = 0;
        let mut previous_end: u64 = 0;
        std::iter::from_fn(move || {
            if at >= bytes.len() {
                return None;
            }
            let start = previous_end.checked_add(read_varint(bytes, &mut at)?)?;
            let end = start.checked_add(read_varint(bytes, &mut at)?)?;
            let term = read_varint(bytes, &mut at)?;
            previous_end = end;
            Some(Word {
                start: u32::try_from(start).ok()?,
                end: u32::try_from(end).ok()?,
                term,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let values = [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ];
        let mut bytes = Vec::new();
        for value in values {
            push_varint(&mut bytes, value);
        }
        let mut at = 0;
        for value in values {
            assert_eq!(read_varint(&bytes, &mut at), Some(value));
        }
        assert_eq!(at, bytes.len());
        assert_eq!(read_varint(&[0x80], &mut 0), None, "truncated");
    }
}
