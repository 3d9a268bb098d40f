//! Scoring a query term at a time: each word's matches in each field are read straight
//! from the postings and added into one score per document, instead of tantivy's unions
//! of scorers (each union set up a 4,096-document buffer, most of a long query's cost on
//! a catalogue of a few dozen actions, and its merging most of a broad query's cost on a
//! large one). Scores are tantivy's BM25, computed in the same operations in the same
//! order; a test checks them bit for bit against tantivy's term queries.
//!
//! Phrases are matched here too: the documents holding every word are walked together
//! and their positions read in one forward pass per word. tantivy's phrase scorer summed
//! up to 128 frequencies again for every document to find where its positions start, most
//! of a phrase's cost on a large catalogue.

use tantivy::directory::{CompositeFile, OwnedBytes};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::{InvertedIndexReader, SegmentComponent};
use tantivy::positions::PositionReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{BoostQuery, EnableScoring, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, Searcher, TERMINATED, Term};

use std::sync::Arc;

/// One way a word or phrase of the query can match.
pub(super) enum Alternative {
    /// One term in one field, scored with BM25 and multiplied by `boost`.
    Term { term: Term, boost: Score },
    /// Words of one field at given distances from the first (two or more; a stop word
    /// between them leaves a gap), scored as tantivy's phrase query, times `boost`.
    Phrase {
        terms: Vec<(usize, Term)>,
        boost: Score,
    },
    /// A prefix, or the names within one edit: evaluated by tantivy.
    Query(Box<dyn Query>),
}

impl Alternative {
    /// The same alternative as a tantivy query (for highlighting, which collects terms).
    pub(super) fn to_query(&self) -> Box<dyn Query> {
        match self {
            Alternative::Term { term, boost } => Box::new(BoostQuery::new(
                Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
                *boost,
            )),
            Alternative::Phrase { terms, boost } => Box::new(BoostQuery::new(
                Box::new(PhraseQuery::new_with_offset(terms.clone())),
                *boost,
            )),
            Alternative::Query(query) => query.box_clone(),
        }
    }
}

/// tantivy's BM25 parameters (`query/bm25.rs`).
const K1: Score = 1.2;
const B: Score = 0.75;

/// What scoring a term needs of its field, read once when the engine opens.
struct FieldScoring {
    inverted_index: Arc<InvertedIndexReader>,
    fieldnorms: FieldNormReader,
    /// The length part of BM25 for each fieldnorm id: tantivy computes this table for every
    /// term it scores, the same for all terms of a field.
    length_norms: [Score; 256],
    /// The field's positions (every term's, one after the other), when it records them.
    positions: Option<OwnedBytes>,
}

/// BM25's inverse document frequency, as tantivy computes it.
fn idf(doc_freq: u64, documents: u64) -> Score {
    let x = (documents.saturating_sub(doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// Term-at-a-time evaluation over the index's one segment.
pub(super) struct Scorer {
    /// Indexed by field number; `None` for fields never scored term by term.
    fields: Vec<Option<FieldScoring>>,
    documents: u32,
}

impl Scorer {
    /// Reads what scoring `fields` needs from the searcher's one segment.
    pub(super) fn new(searcher: &Searcher, fields: &[Field]) -> Result<Scorer, String> {
        let unreadable =
            |error: tantivy::TantivyError| format!("the index cannot be read: {error}");
        let mut by_number: Vec<Option<FieldScoring>> = Vec::new();
        let documents = searcher
            .segment_readers()
            .first()
            .map_or(0, |segment| segment.max_doc());
        if let Some(segment) = searcher.segment_readers().first() {
            let positions = segment
                .open_read(SegmentComponent::Positions)
                .ok()
                .and_then(|file| CompositeFile::open(&file).ok());
            for &field in fields {
                let inverted_index = segment.inverted_index(field).map_err(unreadable)?;
                let fieldnorms = segment.get_fieldnorms_reader(field).map_err(unreadable)?;
                // As tantivy's BM25 statistics compute it.
                let average_fieldnorm =
                    inverted_index.total_num_tokens() as Score / documents as Score;
                let mut length_norms = [0.0; 256];
                for (id, norm) in length_norms.iter_mut().enumerate() {
                    let fieldnorm = FieldNormReader::id_to_fieldnorm(id as u8);
                    *norm = K1 * (1.0 - B + B * fieldnorm as Score / average_fieldnorm);
                }
                let number = field.field_id() as usize;
                if by_number.len() <= number {
                    by_number.resize_with(number + 1, || None);
                }
                let positions = positions
                    .as_ref()
                    .and_then(|composite| composite.open_read(field))
                    .and_then(|file| file.read_bytes().ok());
                by_number[number] = Some(FieldScoring {
                    inverted_index,
                    fieldnorms,
                    length_norms,
                    positions,
                });
            }
        }
        Ok(Scorer {
            fields: by_number,
            documents,
        })
    }

    /// The number of documents.
    pub(super) fn documents(&self) -> u32 {
        self.documents
    }

    /// Calls `found` with every document an alternative matches and its score.
    /// Generic so that the loop over a term's postings calls `found` directly.
    pub(super) fn for_each_match<F: FnMut(DocId, Score)>(
        &self,
        searcher: &Searcher,
        alternative: &Alternative,
        found: &mut F,
    ) {
        match alternative {
            Alternative::Term { term, boost } => self.for_each_term_match(term, *boost, found),
            Alternative::Phrase { terms, boost } => {
                self.for_each_phrase_match(terms, *boost, found)
            }
            Alternative::Query(query) => {
                let Some(segment) = searcher.segment_readers().first() else {
                    return;
                };
                // An index that cannot be read matches nothing; `verify` reports it.
                if let Ok(weight) = query.weight(EnableScoring::enabled_from_searcher(searcher)) {
                    let _ = weight.for_each(segment, found);
                }
            }
        }
    }

    /// The documents holding `term`, scored as tantivy's `TermQuery` in a `BoostQuery`
    /// scores them (the boost folded into the BM25 weight, as tantivy folds it).
    fn for_each_term_match<F: FnMut(DocId, Score)>(
        &self,
        term: &Term,
        boost: Score,
        found: &mut F,
    ) {
        let Some(Some(field)) = self.fields.get(term.field().field_id() as usize) else {
            return;
        };
        let Ok(Some(info)) = field.inverted_index.get_term_info(term) else {
            return;
        };
        let Ok(mut postings) = field
            .inverted_index
            .read_block_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
        else {
            return;
        };
        let weight = idf(u64::from(info.doc_freq), u64::from(self.documents)) * (1.0 + K1) * boost;
        loop {
            let documents = postings.docs();
            if documents.is_empty() {
                break;
            }
            for (&document, &frequency) in documents.iter().zip(postings.freqs()) {
                let frequency = frequency as Score;
                let norm = field.length_norms[usize::from(field.fieldnorms.fieldnorm_id(document))];
                found(document, weight * (frequency / (frequency + norm)));
            }
            postings.advance();
        }
    }

    /// The documents holding a phrase (words of one field), scored as tantivy's
    /// `PhraseQuery` (no slop) in a `BoostQuery` scores them: BM25 of the phrase's count
    /// in the document, with the sum of its words' idf. Every scored field records
    /// positions (see the schema); an index whose positions cannot be read matches
    /// nothing, and `verify` reports it.
    fn for_each_phrase_match<F: FnMut(DocId, Score)>(
        &self,
        terms: &[(usize, Term)],
        boost: Score,
        found: &mut F,
    ) {
        let Some((_, first)) = terms.first() else {
            return;
        };
        debug_assert!(terms.iter().all(|(_, term)| term.field() == first.field()));
        let Some(Some(field)) = self.fields.get(first.field().field_id() as usize) else {
            return;
        };
        let Some(positions) = &field.positions else {
            return;
        };
        let last_offset = terms.iter().map(|&(offset, _)| offset).max().unwrap_or(0);
        let mut idf_sum: Score = 0.0;
        let mut words: Vec<PhraseWord> = Vec::with_capacity(terms.len());
        for (offset, term) in terms {
            // A word in no document: no document holds the phrase.
            let Ok(Some(info)) = field.inverted_index.get_term_info(term) else {
                return;
            };
            let Ok(postings) = field
                .inverted_index
                .read_block_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
            else {
                return;
            };
            if info.positions_range.end > positions.len() {
                return;
            }
            let Ok(reader) = PositionReader::open(positions.slice(info.positions_range.clone()))
            else {
                return;
            };
            idf_sum += idf(u64::from(info.doc_freq), u64::from(self.documents));
            words.push(PhraseWord {
                postings,
                in_block: 0,
                positions_before: 0,
                reader,
                // Positions moved so that the words of one occurrence line up.
                shift: (last_offset - offset) as u32,
            });
        }
        let weight = idf_sum * (1.0 + K1) * boost;
        let mut left: Vec<u32> = Vec::new();
        let mut right: Vec<u32> = Vec::new();
        let mut candidate = words[0].doc();
        'documents: while candidate != TERMINATED {
            // Every word moves to the first document at or after the candidate; one past
            // it makes that document the next candidate.
            for word in &mut words {
                let document = word.seek(candidate);
                if document != candidate {
                    candidate = document;
                    continue 'documents;
                }
            }
            words[0].positions(&mut left);
            for word in &mut words[1..] {
                word.positions(&mut right);
                keep_common(&mut left, &right);
                if left.is_empty() {
                    break;
                }
            }
            if !left.is_empty() {
                let count = left.len() as Score;
                let norm =
                    field.length_norms[usize::from(field.fieldnorms.fieldnorm_id(candidate))];
                found(candidate, weight * (count / (count + norm)));
            }
            candidate = words[0].next();
        }
    }
}

/// One word of a phrase, walking its documents in order and its positions with them.
struct PhraseWord {
    postings: BlockSegmentPostings,
    /// The current document's index in the loaded block.
    in_block: usize,
    /// How many positions the documents before the current one hold: where its own start.
    positions_before: u64,
    reader: PositionReader,
    shift: u32,
}

impl PhraseWord {
    /// The current document, or `TERMINATED`.
    fn doc(&self) -> DocId {
        self.postings
            .docs()
            .get(self.in_block)
            .copied()
            .unwrap_or(TERMINATED)
    }

    /// Moves to the next document.
    fn next(&mut self) -> DocId {
        let Some(&frequency) = self.postings.freqs().get(self.in_block) else {
            return TERMINATED;
        };
        self.positions_before += u64::from(frequency);
        self.in_block += 1;
        if self.in_block == self.postings.docs().len() {
            self.postings.advance();
            self.in_block = 0;
        }
        self.doc()
    }

    /// Moves to the first document at or after `target`. Blocks are skipped whole (their
    /// frequencies summed, since positions follow one another across blocks).
    fn seek(&mut self, target: DocId) -> DocId {
        loop {
            let documents = self.postings.docs();
            let Some(&last) = documents.last() else {
                return TERMINATED;
            };
            if last < target {
                let rest: u32 = self.postings.freqs()[self.in_block..].iter().sum();
                self.positions_before += u64::from(rest);
                self.postings.advance();
                self.in_block = 0;
                continue;
            }
            // The target is in this block: walk to it.
            let freqs = self.postings.freqs();
            while documents[self.in_block] < target {
                self.positions_before += u64::from(freqs[self.in_block]);
                self.in_block += 1;
            }
            return documents[self.in_block];
        }
    }

    /// The current document's positions, shifted, in `output`.
    fn positions(&mut self, output: &mut Vec<u32>) {
        let frequency = self.postings.freqs()[self.in_block] as usize;
        output.clear();
        output.resize(frequency, 0);
        self.reader.read(self.positions_before, output);
        // Stored as gaps from the previous position.
        let mut position = self.shift;
        for value in output.iter_mut() {
            position += *value;
            *value = position;
        }
    }
}

/// Keeps in `left` the values also in `right` (both sorted).
fn keep_common(left: &mut Vec<u32>, right: &[u32]) {
    let mut kept = 0;
    let mut in_right = 0;
    for index in 0..left.len() {
        let value = left[index];
        while in_right < right.len() && right[in_right] < value {
            in_right += 1;
        }
        if in_right == right.len() {
            break;
        }
        if right[in_right] == value {
            left[kept] = value;
            kept += 1;
            in_right += 1;
        }
    }
    left.truncate(kept);
}
