//! The interface's effects: the only I/O it does, performed by the event loop for
//! `App::update` and answered with an action. Exports write the shortlist where the person
//! asked, Markdown (in the interface's language) or CSV from the file's extension, by the
//! rules of `export::file` (a new file whole, an existing one only after yes, never over a
//! folder, a link or a device); a copy goes to the clipboard through the terminal (OSC 52);
//! nothing is written anywhere else.

use std::io::Write;
use std::path::Path;

use super::app::{Action, Effect};
use crate::catalogue::{Catalogue, Position, YearMonth};
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
    today: YearMonth,
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
        // Handed to whoever opens it, most often in Excel: CSV with a byte-order mark.
        output.bom = true;
        output.today = today;
        write_rows(catalogue, &rows, format_for(path), output)
    })
    // The whole chain: the path, and why ("No space left on device").
    .map_err(|error| format!("{error:#}"))?;
    Ok(rows.len())
}

/// The OSC 52 sequence that puts `text` on the system clipboard ("c"), through the
/// terminal: it works over SSH, and terminals that do not allow it ignore it.
pub fn clipboard_sequence(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 (RFC 4648, with padding).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = match *chunk {
            [a] => u32::from(a) << 16,
            [a, b] => u32::from(a) << 16 | u32::from(b) << 8,
            [a, b, c, ..] => u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c),
            [] => unreachable!("chunks are never empty"),
        };
        for index in 0..4 {
            if index <= chunk.len() {
                encoded.push(char::from(
                    ALPHABET[(group >> (18 - 6 * index) & 63) as usize],
                ));
            } else {
                encoded.push('=');
            }
        }
    }
    encoded
}

/// Performs an effect and returns the action that answers it; the clipboard is written
/// through `terminal`.
pub fn perform(effect: &Effect, catalogue: &Catalogue<'_>, terminal: &mut dyn Write) -> Action {
    match effect {
        Effect::Copy { text, what, id } => Action::CopyDone {
            what: *what,
            id: id.clone(),
            result: terminal
                .write_all(clipboard_sequence(text).as_bytes())
                .and_then(|()| terminal.flush())
                .map_err(|error| error.to_string()),
        },
        Effect::CheckPath { path } => Action::PathChecked {
            path: path.clone(),
            found: Target::of(path),
        },
        Effect::WriteShortlist {
            path,
            shortlist,
            lang,
            today,
            replace,
        } => Action::Exported {
            path: path.clone(),
            result: write_shortlist(catalogue, shortlist, path, *lang, *today, *replace),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648s() {
        // The test vectors of RFC 4648, section 10.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(clipboard_sequence("é"), "\x1b]52;c;w6k=\x07");
    }
}
