//! The embedded blob and index: rebuilt from `dataset/` they are byte-identical (the build
//! is deterministic), the catalogue's fingerprint is the one recorded here, its text is
//! borrowed from the embedded bytes, and damaged bytes are refused without a panic.

use std::path::Path;

use localaction::catalogue::Catalogue;
use localaction::catalogue::embedded::{self, BLOB, FINGERPRINT};
use localaction::index;
use localaction::verify;
use localaction_data::blob;
use localaction_data::dataset::Dataset;
use localaction_data::indexer;

/// The fingerprint of the curated catalogue. It changes with every edit of `dataset/`:
/// update it in the same commit, so that a change of the data is always deliberate.
const EXPECTED_FINGERPRINT: &str =
    "6cc3502282f6b3136d7b5621f5863606ad58ceeb81faebe4d637bfaa6b7eb231";

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
    for action in catalogue.actions() {
        for text in [
            action.id,
            action.title,
            action.description,
            action
                .texts(localaction::i18n::Lang::EN.texts())
                .summary
                .unwrap(),
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
fn damaged_blobs_are_refused_without_a_panic() {
    assert!(Catalogue::open(b"").is_err());
    assert!(Catalogue::open(b"not a catalogue at all").is_err());
    let mut longer = BLOB.to_vec();
    longer.push(0);
    assert!(
        Catalogue::open(&longer)
            .unwrap_err()
            .contains("unexpected bytes")
    );
    // Every truncation point is refused by `open`.
    for cut in (0..BLOB.len()).step_by(997) {
        assert!(Catalogue::open(&BLOB[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn verify_reports_any_flipped_byte() {
    assert_eq!(blob::check(BLOB, FINGERPRINT), Ok(()));
    for position in (0..BLOB.len()).step_by(1009) {
        let mut damaged = BLOB.to_vec();
        damaged[position] ^= 0x55;
        let report = blob::check(&damaged, FINGERPRINT).unwrap_err();
        assert!(report.starts_with("the catalogue is damaged"), "{report}");
    }
}

#[test]
fn structural_damage_is_found_without_the_fingerprint() {
    // Magic, header length, and the action count just after the header.
    let header_length = u32::from_le_bytes(BLOB[8..12].try_into().unwrap()) as usize;
    let count_at = 12 + header_length;
    for position in [
        0,
        7,
        8,
        11,
        count_at,
        count_at + 1,
        count_at + 4,
        count_at + 9,
    ] {
        let mut damaged = BLOB.to_vec();
        damaged[position] ^= 0x55;
        let outcome = Catalogue::open(&damaged).and_then(|catalogue| catalogue.check_actions());
        assert!(outcome.is_err(), "flip at {position} went unnoticed");
    }
    // A flipped byte inside an action's encoding: `verify` decodes every action.
    let catalogue = embedded::catalogue();
    let offsets_end = count_at + 4 + 4 * (catalogue.len() + 1);
    let mut damaged = BLOB.to_vec();
    // The first byte of the first action is the length of its id.
    damaged[offsets_end] ^= 0x7f;
    let reopened = Catalogue::open(&damaged).expect("the structure is intact");
    let report = reopened.check_actions().unwrap_err();
    assert!(report.contains("action #0"), "{report}");
}

#[test]
fn the_index_is_rebuilt_byte_for_byte() {
    let dataset = Dataset::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset"))
        .unwrap_or_else(|errors| panic!("{errors}"));
    let compiled = dataset
        .compile()
        .unwrap_or_else(|errors| panic!("{errors}"));
    let first = indexer::build_index(&compiled).unwrap();
    let second = indexer::build_index(&compiled).unwrap();
    assert!(first == second, "two builds of the index differ");
    assert!(
        first == index::embedded::PACKED,
        "the embedded index is not what dataset/ builds"
    );
}

#[test]
fn verify_checks_catalogue_and_index_together() {
    let report = verify::verify(
        BLOB,
        FINGERPRINT,
        index::embedded::PACKED,
        index::embedded::FINGERPRINT,
    )
    .unwrap();
    assert_eq!(report.actions, 77);
    let mut damaged = index::embedded::PACKED.to_vec();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x55;
    let damaged: &'static [u8] = Box::leak(damaged.into_boxed_slice());
    let failure =
        verify::verify(BLOB, FINGERPRINT, damaged, index::embedded::FINGERPRINT).unwrap_err();
    assert!(failure.starts_with("the index is damaged"), "{failure}");
    // A pack whose header is broken is refused even with a matching fingerprint.
    let mut broken = index::embedded::PACKED.to_vec();
    broken[0] ^= 0xff;
    let broken: &'static [u8] = Box::leak(broken.into_boxed_slice());
    let failure =
        verify::verify(BLOB, FINGERPRINT, broken, &blob::fingerprint(broken)).unwrap_err();
    assert!(failure.contains("not a localaction index"), "{failure}");
}

/// Every run checks the embedded bytes' checksums before reading them: any flipped byte of
/// the catalogue or of the index is caught, and named, before a decoder sees it.
#[test]
fn a_flipped_byte_anywhere_is_caught_before_reading() {
    use localaction::verify::intact;
    let (blob_checksum, index_checksum) = (
        blob::checksum(BLOB),
        blob::checksum(index::embedded::PACKED),
    );
    assert_eq!(localaction::verify::embedded_copy(), Ok(()));
    assert_eq!(
        intact(BLOB, blob_checksum, index::embedded::PACKED, index_checksum),
        Ok(())
    );
    // A thousand positions spread over each, each byte changed by one flipped bit.
    for (what, bytes) in [
        ("catalogue", BLOB),
        ("full-text index", index::embedded::PACKED),
    ] {
        let step = (bytes.len() / 1000).max(1);
        for (flip, at) in (0..bytes.len()).step_by(step).enumerate() {
            let mut damaged = bytes.to_vec();
            damaged[at] ^= 1 << (flip % 8);
            let (catalogue_bytes, index_bytes) = if what == "catalogue" {
                (&damaged[..], index::embedded::PACKED)
            } else {
                (BLOB, &damaged[..])
            };
            let report = intact(catalogue_bytes, blob_checksum, index_bytes, index_checksum)
                .expect_err("a damaged copy");
            assert_eq!(
                report,
                format!(
                    "this copy of localaction is damaged: copy it again (its {what} does not match its checksum)"
                )
            );
        }
    }
}
