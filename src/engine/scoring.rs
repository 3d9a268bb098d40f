//! Scoring a query term at a time: each word's matches in each field are read straight
//! from the postings and added into one score per document, instead of tantivy's unions
//! of scorers (each union set up a 4,096-document buffer, most of a long query's cost on
//! a catalogue of a few dozen actions, and its merging most of a broad query's cost on a
//! large one). Scores are tantivy's BM25, computed in the same operations in the same
//! order; a test checks them bit for bit against tantivy's term queries.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::InvertedIndexReader;
use tantivy::query::{BoostQuery, EnableScoring, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, Searcher, Term};

use std::sync::Arc;

/// One way a word or phrase of the query can match.
pub(super) enum Alternative {
    /// One term in one field, scored with BM25 and multiplied by `boost`.
    Term { term: Term, boost: Score },
    /// A phrase, a prefix, or the names within one edit: evaluated by tantivy.
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
                by_number[number] = Some(FieldScoring {
                    inverted_index,
                    fieldnorms,
                    length_norms,
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
}
