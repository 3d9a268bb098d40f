//! localaction: an offline browser over the catalogue of the Call to Local Action for
//! Migrants and Refugees. The binary (`src/main.rs`) only parses arguments and dispatches;
//! everything worth testing lives here.

pub mod catalogue;
pub mod cli;
pub mod engine;
pub mod i18n;
pub mod index;
pub mod text;
pub mod tui;
pub mod verify;
