//! The full-text index as the binary reads it: the packed copy embedded at build time and a
//! read-only tantivy directory over its bytes. The schema, analyzers and indexer are the data
//! crate's (`localaction_data::{schema, indexer, pack}`).

pub mod directory;
pub mod embedded;
