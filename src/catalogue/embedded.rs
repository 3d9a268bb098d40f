//! The catalogue compiled by `build.rs` from `dataset/` and embedded in the binary.
//! Opened once, on first use; actions borrow every string from the embedded bytes.

use std::sync::OnceLock;

use super::Catalogue;

/// The embedded blob, as written by `build.rs`.
pub static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue.bin"));

/// The blob's SHA-256, computed by `build.rs`.
pub const FINGERPRINT: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.sha256"));

/// The embedded catalogue, opened on first use. The program reaches it through
/// `engine::embedded`, which first checks that this copy is intact.
///
/// # Panics
/// On a damaged copy of the binary, which `engine::embedded` refuses before this is
/// reached; `build.rs` opened and verified the blob as built.
pub fn catalogue() -> &'static Catalogue<'static> {
    static CATALOGUE: OnceLock<Catalogue<'static>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        Catalogue::open(BLOB).expect("the embedded catalogue was verified by build.rs")
    })
}

/// The first 12 hex digits of the fingerprint, for display.
pub fn short_fingerprint() -> &'static str {
    // Cut where a character ends, even in a damaged copy.
    FINGERPRINT.get(..12).unwrap_or(FINGERPRINT)
}
