//! Is this copy intact? Every run checks the embedded bytes' checksums before reading them
//! ([`embedded_copy`]: a damaged copy is refused, never read, so it can print no wrong data
//! and reach no panic in the decoders); `localaction verify` proves more ([`verify`]):
//! fingerprints, structure, every action decodable, every action indexed exactly once at
//! its own position.

use std::sync::OnceLock;

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

/// The checksums `build.rs` computed for the embedded bytes.
mod embedded_checksums {
    include!(concat!(env!("OUT_DIR"), "/checksums.rs"));
}

/// What to do about a damaged copy, said once for every way it shows.
const COPY_AGAIN: &str = "this copy of localaction is damaged: copy it again";

/// Checks bytes against the checksums computed when they were built: an error naming what
/// is damaged.
pub fn intact(
    catalogue_bytes: &[u8],
    catalogue_checksum: u32,
    index_bytes: &[u8],
    index_checksum: u32,
) -> Result<(), String> {
    for (what, bytes, expected) in [
        ("catalogue", catalogue_bytes, catalogue_checksum),
        ("full-text index", index_bytes, index_checksum),
    ] {
        if blob::checksum(bytes) != expected {
            return Err(format!(
                "{COPY_AGAIN} (its {what} does not match its checksum)"
            ));
        }
    }
    Ok(())
}

/// The embedded catalogue and index are as built, checked once per process.
pub fn embedded_copy() -> Result<(), String> {
    static CHECKED: OnceLock<Result<(), String>> = OnceLock::new();
    CHECKED
        .get_or_init(|| {
            intact(
                crate::catalogue::embedded::BLOB,
                embedded_checksums::CATALOGUE,
                crate::index::embedded::PACKED,
                embedded_checksums::INDEX,
            )
        })
        .clone()
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
