//! The full-text index: schema and analyzers, the deterministic indexer, the packed-file
//! format, and a read-only tantivy directory over the
//! packed bytes.

pub mod directory;
pub mod embedded;
pub mod indexer;
pub mod pack;
pub mod schema;
