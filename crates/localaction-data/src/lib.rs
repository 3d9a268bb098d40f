//! The catalogue's data, from the editors' TOML files to the bytes embedded in the binary:
//! the model, the dataset loader and validator, the blob format, the languages of its texts,
//! the full-text schema and its analyzers, the indexer, and the text helpers they share. Used by `build.rs` (which
//! compiles `dataset/`) and by the binary (which opens what was compiled), so both read the
//! same definitions. It knows nothing of the faces (command line, interface).

pub mod blob;
pub mod dataset;
pub mod duration;
pub mod indexer;
pub mod languages;
pub mod model;
pub mod pack;
pub mod schema;
pub mod synthetic;
pub mod text;
pub mod thesaurus;
pub mod translation;
