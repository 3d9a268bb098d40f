//! The catalogue as the binary reads it: the copy embedded at build time, opened in place,
//! and the flat records the faces print. Its types are the data crate's
//! (`localaction_data::model`), re-exported here so the engine and the faces name them as
//! the catalogue's.

pub mod embedded;
pub mod record;

pub use localaction_data::blob::Catalogue;
pub use localaction_data::languages::{LANGUAGES, TextLanguage};
pub use localaction_data::model::*;
