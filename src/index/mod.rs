//! The full-text index: schema and analyzers, the deterministic indexer, the packed-file
//! format, the descriptions' analysed words, and a read-only tantivy directory over the
//! packed bytes.

pub mod description_words;
pub mod directory;
pub mod embedded;
pub mod indexer;
pub mod pack;
pub mod schema;
