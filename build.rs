//! Compiles the curated catalogue under `dataset/` into the two blobs embedded in the
//! binary: the catalogue (bincode) and its full-text index (tantivy, packed). A dataset
//! that does not validate fails the build with every problem listed, each naming the file,
//! the record and the field.

use std::path::{Path, PathBuf};

use localaction_data::dataset::Dataset;
use localaction_data::{blob, indexer};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let dataset_dir = manifest_dir.join("dataset");

    // The data crate is a build-dependency: cargo reruns this script when it changes.
    println!("cargo::rerun-if-changed=dataset");

    if let Err(message) = compile(&dataset_dir, &out_dir) {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn compile(dataset_dir: &Path, out_dir: &Path) -> Result<(), String> {
    let dataset = Dataset::load(dataset_dir).map_err(|errors| errors.to_string())?;
    let catalogue = dataset.compile().map_err(|errors| errors.to_string())?;
    let bytes = blob::encode(&catalogue)?;
    // Read back what was written, so a blob the binary cannot read never ships.
    let opened = blob::Catalogue::open(&bytes)?;
    opened.check_actions()?;
    let survives = opened.tables == catalogue.tables
        && opened.len() == catalogue.actions.len()
        && opened
            .actions()
            .zip(&catalogue.actions)
            .all(|(read, written)| read == *written);
    if !survives {
        return Err("the catalogue does not survive encoding".into());
    }
    let write = |name: &str, contents: &[u8]| {
        std::fs::write(out_dir.join(name), contents)
            .map_err(|error| format!("cannot write {name}: {error}"))
    };
    write("catalogue.bin", &bytes)?;
    let index = indexer::build_index(&catalogue)?;
    write("index.pack", &index)?;
    write("index.sha256", blob::fingerprint(&index).as_bytes())?;
    let fingerprint = blob::fingerprint(&bytes);
    write("catalogue.sha256", fingerprint.as_bytes())?;
    // `--version` names the catalogue too, so a report can cite exactly what it counted.
    let version = format!(
        "{} (catalogue: {} actions, sha256 {})",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default(),
        catalogue.actions.len(),
        &fingerprint[..12]
    );
    write("version.txt", version.as_bytes())?;
    // What every run checks before reading the embedded bytes.
    let checksums = format!(
        "/// The CRC-32 of the embedded catalogue blob.\npub const CATALOGUE: u32 = {:#010x};\n/// The CRC-32 of the embedded index pack.\npub const INDEX: u32 = {:#010x};\n",
        blob::checksum(&bytes),
        blob::checksum(&index)
    );
    write("checksums.rs", checksums.as_bytes())?;
    Ok(())
}
