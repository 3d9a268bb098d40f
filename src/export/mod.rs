//! What both faces write: lists of actions in every output format ([`formats`]) and one
//! action's citation ([`citation()`]), to standard output ([`Output`]) or to a file without
//! harming what is there ([`file`]). It knows neither the command line nor the interface;
//! each of them chooses what to write and where.

pub mod citation;
pub mod file;
pub mod formats;

use std::cell::RefCell;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::rc::Rc;

pub use citation::citation;
pub use formats::{Format, HitRank, Row, write_rows};

use crate::catalogue::YearMonth;
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
    /// The month records' statuses are seen from (`status`, `status_as_of`).
    pub today: YearMonth,
    /// CSV starts with a byte-order mark, which Excel on Windows needs to read UTF-8 (its
    /// accents are mojibake otherwise) and scripts do not want.
    pub bom: bool,
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
            writer: Box::new(io::BufWriter::new(PipeAware(stdout.lock()))),
            columns,
            colour: terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()),
            lang: Lang::from_environment(),
            today: crate::engine::today(),
            bom: false,
        }
    }
}

/// Writes a list to `path` through `write`, by the rules of [`file`]: rendered whole in
/// memory first (exports are small), so a failed rendering never touches the disk; then a
/// new file is created whole, an existing regular file replaced only when `replace` says
/// so, and anything else refused. `-` and `/dev/stdout` are standard output. Returns what
/// was written to.
pub fn write_to(
    path: &Path,
    lang: Lang,
    replace: bool,
    write: impl FnOnce(&mut Output) -> anyhow::Result<()>,
) -> anyhow::Result<file::Target> {
    let rendered = Rendered::default();
    let mut output = Output {
        writer: Box::new(rendered.clone()),
        columns: None,
        colour: false,
        lang,
        today: crate::engine::today(),
        bom: false,
    };
    write(&mut output)?;
    output.writer.flush()?;
    drop(output);
    let bytes = rendered.0.borrow();
    file::write_bytes(path, &bytes, replace, lang)
}

/// Bytes written through an [`Output`], kept for writing out whole.
#[derive(Clone, Default)]
struct Rendered(Rc<RefCell<Vec<u8>>>);

impl Write for Rendered {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// True for the error a write to a closed pipe gives: EPIPE, or on Windows ERROR_NO_DATA
/// (232; Wine reports ERROR_PIPE_NOT_CONNECTED, 233), which std does not call BrokenPipe.
pub fn is_closed_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
        || (cfg!(windows) && matches!(error.raw_os_error(), Some(232 | 233)))
}

/// A writer whose closed-pipe errors are BrokenPipe on every system, so that the formats'
/// own error types (serde_json's, csv's), which keep only the kind, still say so.
pub struct PipeAware<W>(pub W);

impl<W: Write> PipeAware<W> {
    fn plain(error: io::Error) -> io::Error {
        if is_closed_pipe(&error) && error.kind() != io::ErrorKind::BrokenPipe {
            io::Error::new(io::ErrorKind::BrokenPipe, error)
        } else {
            error
        }
    }
}

impl<W: Write> Write for PipeAware<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.write(bytes).map_err(Self::plain)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(Self::plain)
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
            || cause
                .downcast_ref::<io::Error>()
                .is_some_and(is_closed_pipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails as a closed pipe does on this system or another.
    struct Failing(fn() -> io::Error);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err((self.0)())
        }

        fn flush(&mut self) -> io::Result<()> {
            Err((self.0)())
        }
    }

    #[test]
    fn a_closed_pipe_is_said_the_same_on_every_system() {
        let epipe = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(is_closed_pipe(&epipe()));
        // Windows' ERROR_NO_DATA, and Wine's ERROR_PIPE_NOT_CONNECTED: closed pipes there
        // only; elsewhere these numbers are no such thing.
        for code in [232, 233] {
            let error = io::Error::from_raw_os_error(code);
            assert_eq!(is_closed_pipe(&error), cfg!(windows), "{code}");
        }
        // Through the formats' own error types, which keep only the kind.
        let mut writer = io::BufWriter::new(PipeAware(Failing(|| {
            if cfg!(windows) {
                io::Error::from_raw_os_error(232)
            } else {
                io::Error::from(io::ErrorKind::BrokenPipe)
            }
        })));
        let failed = serde_json::to_writer(&mut writer, &vec![0u8; 10_000])
            .map_err(anyhow::Error::from)
            .and_then(|()| writer.flush().map_err(anyhow::Error::from))
            .expect_err("the pipe is closed");
        assert!(is_broken_pipe(&failed), "{failed:#}");
        // Any other failure is not a closed pipe.
        let mut full = PipeAware(Failing(|| io::Error::from_raw_os_error(28)));
        let error = full.write(b"x").expect_err("the disk is full");
        assert!(!is_closed_pipe(&error));
    }
}
