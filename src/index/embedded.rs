//! The index built by `build.rs` and embedded in the binary.

/// The packed index, as written by `build.rs`.
pub static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.pack"));

/// The pack's SHA-256, computed by `build.rs`.
pub const FINGERPRINT: &str = include_str!(concat!(env!("OUT_DIR"), "/index.sha256"));
