//! The catalogue of actions: its model, the dataset compiler, the blob format, and the copy
//! embedded in the binary at build time.

pub mod blob;
pub mod dataset;
pub mod duration;
pub mod embedded;
pub mod model;
pub mod record;
pub mod synthetic;
pub mod translation;

pub use blob::Catalogue;
pub use model::*;
