//! What both faces write: lists of actions in every output format ([`formats`]), to standard
//! output or to a file written atomically ([`Output`]). It knows neither the command line
//! nor the interface; each of them chooses what to write and where.

pub mod formats;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub use formats::{Format, HitRank, Row, write_rows};

use crate::i18n::Lang;

/// Where a list is written, and how.
pub struct Output {
    pub writer: Box<dyn Write>,
    /// Columns available: the terminal's, else `COLUMNS`; `None` means nothing is cut.
    pub columns: Option<usize>,
    /// Colour and bold allowed: a terminal, and `NO_COLOR` unset.
    pub colour: bool,
    /// The language of written prose (Markdown's headings and texts).
    pub lang: Lang,
}

impl Output {
    /// Standard output, buffered, in the locale's language.
    pub fn stdout() -> Output {
        let stdout = io::stdout();
        let terminal = stdout.is_terminal();
        // Off a terminal nothing is cut, unless `COLUMNS` asks for a width.
        let asked = std::env::var("COLUMNS")
            .ok()
            .and_then(|columns| columns.trim().parse::<usize>().ok())
            .filter(|&columns| columns > 0);
        let columns = if terminal {
            crossterm::terminal::size()
                .ok()
                .map(|(columns, _)| usize::from(columns))
                .or(asked)
        } else {
            asked
        };
        Output {
            writer: Box::new(io::BufWriter::new(stdout.lock())),
            columns,
            colour: terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()),
            lang: Lang::from_environment(),
        }
    }
}

/// Writes a file at `path` through `write`, atomically: everything goes to a temporary file
/// beside it, renamed into place only once `write` and the flush have succeeded, so a failed
/// export never leaves half a file where the person looks for it.
pub fn write_file(
    path: &Path,
    lang: Lang,
    write: impl FnOnce(&mut Output) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let atomic = AtomicFile::create(path)?;
    let mut output = Output {
        writer: Box::new(io::BufWriter::new(atomic.writer()?)),
        columns: None,
        colour: false,
        lang,
    };
    let written = write(&mut output).and_then(|()| Ok(output.writer.flush()?));
    drop(output);
    match written {
        Ok(()) => atomic.commit(),
        Err(error) => {
            atomic.abandon();
            Err(error)
        }
    }
}

/// A file being written under a temporary name.
struct AtomicFile {
    target: PathBuf,
    temporary: PathBuf,
}

impl AtomicFile {
    fn create(target: &Path) -> anyhow::Result<AtomicFile> {
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| anyhow::anyhow!("{} is not a file name", target.display()))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".{}.tmp", std::process::id()));
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temporary: directory.join(temporary_name),
        })
    }

    fn writer(&self) -> anyhow::Result<std::fs::File> {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&self.temporary)
            .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", self.target.display()))
    }

    /// Moves the finished file into place.
    fn commit(self) -> anyhow::Result<()> {
        std::fs::rename(&self.temporary, &self.target).map_err(|error| {
            let _ = std::fs::remove_file(&self.temporary);
            anyhow::anyhow!("cannot write {}: {error}", self.target.display())
        })
    }

    /// Removes the temporary file (after an error).
    fn abandon(self) {
        let _ = std::fs::remove_file(&self.temporary);
    }
}

/// True when `error` comes from writing to a closed pipe (`localaction list | head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io_kind = cause
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            // serde_json and csv wrap the writer's error in their own types.
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            })
            .or_else(|| match cause.downcast_ref::<csv::Error>()?.kind() {
                csv::ErrorKind::Io(io_error) => Some(io_error.kind()),
                _ => None,
            });
        io_kind == Some(io::ErrorKind::BrokenPipe)
    })
}
