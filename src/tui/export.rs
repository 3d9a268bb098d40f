//! The interface's effects: the only I/O it does, performed by the event loop for
//! `App::update` and answered with an action. Exports write the shortlist where the person
//! asked, Markdown (in the interface's language) or CSV from the file's extension, by the
//! rules of `export::file` (a new file whole, an existing one only after yes, never over a
//! folder, a link or a device); nothing is written anywhere else.

use std::path::Path;

use super::app::{Action, Effect};
use crate::catalogue::{Catalogue, Position};
use crate::export::file::Target;
use crate::export::{self, Format, Row, write_rows};
use crate::i18n::Lang;

/// The format a path asks for: CSV for `.csv`, Markdown otherwise.
pub fn format_for(path: &Path) -> Format {
    match path.extension().and_then(|extension| extension.to_str()) {
        Some(extension) if extension.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => Format::Markdown,
    }
}

/// Writes the shortlist to `path`, its Markdown in the interface's language `lang`; the
/// number of actions written, or why not.
pub fn write_shortlist(
    catalogue: &Catalogue<'_>,
    shortlist: &[Position],
    path: &Path,
    lang: Lang,
    replace: bool,
) -> Result<usize, String> {
    let rows: Vec<Row<'_>> = shortlist
        .iter()
        .map(|&position| Row {
            action: catalogue.action_at(position),
            score: None,
            rank: None,
            snippet: None,
        })
        .collect();
    export::write_to(path, lang, replace, |output| {
        write_rows(catalogue, &rows, format_for(path), output)
    })
    // The whole chain: the path, and why ("No space left on device").
    .map_err(|error| format!("{error:#}"))?;
    Ok(rows.len())
}

/// Performs an effect and returns the action that answers it.
pub fn perform(effect: &Effect, catalogue: &Catalogue<'_>) -> Action {
    match effect {
        Effect::CheckPath { path } => Action::PathChecked {
            path: path.clone(),
            found: Target::of(path),
        },
        Effect::WriteShortlist {
            path,
            shortlist,
            lang,
            replace,
        } => Action::Exported {
            path: path.clone(),
            result: write_shortlist(catalogue, shortlist, path, *lang, *replace),
        },
    }
}
