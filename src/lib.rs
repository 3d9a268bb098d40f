//! localaction: an offline browser over the catalogue of the Call to Local Action for
//! Migrants and Refugees. The binary (`src/main.rs`) only parses arguments and chooses a
//! face; everything worth testing lives here. The two faces, [`cli`] and [`tui`], share the
//! [`engine`] and the output formats of [`export`], never each other's code.

pub mod args;
pub mod catalogue;
pub mod cli;
pub mod engine;
pub mod export;
pub mod i18n;
pub mod index;
pub mod launch;
pub mod text;
pub mod tui;
pub mod verify;
