//! The catalogue's binary form: a short header, then the bincode encoding of [`Catalogue`].
//! Shared with `build.rs`, which writes it; the binary decodes it without copying text.

use sha2::{Digest, Sha256};

use super::model::Catalogue;

/// Identifies a localaction catalogue blob and its format version.
pub const MAGIC: &[u8; 8] = b"LACAT\x00\x00\x01";

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

/// Encodes a catalogue: deterministic, the same catalogue always gives the same bytes.
pub fn encode(catalogue: &Catalogue<'_>) -> Result<Vec<u8>, String> {
    let mut bytes = MAGIC.to_vec();
    let body = bincode::serde::encode_to_vec(catalogue, config())
        .map_err(|error| format!("cannot encode the catalogue: {error}"))?;
    bytes.extend_from_slice(&body);
    Ok(bytes)
}

/// Decodes a blob; every string of the result borrows from `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Catalogue<'_>, String> {
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or("not a localaction catalogue (bad header)")?;
    let (catalogue, read) = bincode::serde::borrow_decode_from_slice(body, config())
        .map_err(|error| format!("the catalogue is damaged: {error}"))?;
    if read != body.len() {
        return Err(format!(
            "the catalogue is damaged: {} unexpected bytes after its end",
            body.len() - read
        ));
    }
    Ok(catalogue)
}

/// The SHA-256 of the blob, in lowercase hex: the catalogue's fingerprint.
pub fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
