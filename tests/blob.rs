//! The embedded blob: rebuilt from `dataset/` it is byte-identical (the build is
//! deterministic), its fingerprint is the one recorded here, its text is borrowed from the
//! embedded bytes, and damaged bytes are refused without a panic.

use std::path::Path;

use localaction::catalogue::blob;
use localaction::catalogue::dataset::Dataset;
use localaction::catalogue::embedded::{self, BLOB, FINGERPRINT};

/// The fingerprint of the curated catalogue. It changes with every edit of `dataset/`:
/// update it in the same commit, so that a change of the data is always deliberate.
const EXPECTED_FINGERPRINT: &str =
    "fdc06d751d08716683e2827939d47b9437e2e7fe54441f7a82f157cddcf400bf";

fn compiled_from_dataset() -> Vec<u8> {
    let dataset = Dataset::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset"))
        .unwrap_or_else(|errors| panic!("{errors}"));
    let catalogue = dataset
        .compile()
        .unwrap_or_else(|errors| panic!("{errors}"));
    blob::encode(&catalogue).unwrap()
}

#[test]
fn the_dataset_compiles_to_the_embedded_bytes_every_time() {
    let first = compiled_from_dataset();
    let second = compiled_from_dataset();
    assert!(first == second, "two compilations of the dataset differ");
    assert!(
        first == BLOB,
        "the embedded blob is not what dataset/ compiles to"
    );
}

#[test]
fn the_fingerprint_is_recorded() {
    assert_eq!(blob::fingerprint(BLOB), FINGERPRINT);
    assert_eq!(FINGERPRINT, EXPECTED_FINGERPRINT);
    assert_eq!(embedded::short_fingerprint(), &EXPECTED_FINGERPRINT[..12]);
}

#[test]
fn decoding_borrows_text_from_the_embedded_bytes() {
    let catalogue = embedded::catalogue();
    let blob_range = BLOB.as_ptr_range();
    for action in &catalogue.actions {
        for text in [
            action.id,
            action.title,
            action.description,
            action.summary_en,
        ] {
            assert!(
                blob_range.contains(&text.as_ptr()),
                "{}: text was copied out of the blob",
                action.id
            );
        }
    }
}

#[test]
fn damaged_blobs_are_refused() {
    assert!(blob::decode(b"").is_err());
    assert!(blob::decode(b"not a catalogue at all").is_err());
    assert!(blob::decode(&BLOB[..BLOB.len() / 2]).is_err());
    let mut longer = BLOB.to_vec();
    longer.push(0);
    assert!(
        blob::decode(&longer)
            .unwrap_err()
            .contains("unexpected bytes")
    );
    // Every truncation point fails cleanly, without a panic.
    for cut in (0..BLOB.len()).step_by(997) {
        assert!(blob::decode(&BLOB[..cut]).is_err(), "cut at {cut}");
    }
}
