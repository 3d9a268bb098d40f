//! `localaction verify`: proves that the embedded catalogue and index are intact and agree —
//! fingerprints, structure, every action decodable, every action indexed exactly once at
//! its own position.

use tantivy::TantivyDocument;
use tantivy::directory::OwnedBytes;

use crate::catalogue::{Catalogue, YearMonth};
use crate::engine::Engine;
use localaction_data::blob;
use localaction_data::indexer::stored_position;

/// What a successful verification checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub actions: usize,
    pub catalogue_fingerprint: String,
    pub index_fingerprint: String,
    pub index_bytes: usize,
}

/// Verifies a catalogue blob and an index pack against their expected fingerprints.
pub fn verify(
    catalogue_bytes: &[u8],
    catalogue_fingerprint: &str,
    index_bytes: &'static [u8],
    index_fingerprint: &str,
) -> Result<Report, String> {
    blob::check(catalogue_bytes, catalogue_fingerprint)?;
    let actual = blob::fingerprint(index_bytes);
    if actual != index_fingerprint {
        return Err(format!(
            "the index is damaged: its fingerprint is {actual}, expected {index_fingerprint}"
        ));
    }
    let catalogue = Catalogue::open(catalogue_bytes)?;
    let today = YearMonth {
        year: 2000,
        month: Some(1),
    };
    let engine = Engine::open(&catalogue, OwnedBytes::new(index_bytes), today)?;
    let searcher = engine.searcher();
    for (segment_ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in 0..segment.max_doc() {
            let address = tantivy::DocAddress::new(segment_ordinal as u32, doc);
            let document: TantivyDocument = searcher
                .doc(address)
                .map_err(|error| format!("the index is damaged: document {doc}: {error}"))?;
            let position = stored_position(&document, engine.fields());
            if position != Some(u64::from(doc)) {
                return Err(format!(
                    "the index does not match the catalogue: document {doc} holds action {position:?}"
                ));
            }
        }
    }
    Ok(Report {
        actions: catalogue.len(),
        catalogue_fingerprint: catalogue_fingerprint.to_owned(),
        index_fingerprint: index_fingerprint.to_owned(),
        index_bytes: index_bytes.len(),
    })
}
