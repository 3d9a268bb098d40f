//! The command line: argument definitions (clap), dispatch, and output that survives a
//! closed pipe. Subcommands print through [`Output`] and return an [`Outcome`]; errors go
//! back to `main`, which maps them to exit codes.

pub mod filters;
pub mod list;
pub mod output;
pub mod search;
pub mod show;
pub mod stats;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

use crate::engine::{self, Engine};

/// `--version`: the program's version and the catalogue it embeds.
pub const VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/version.txt"));

/// Offline browser over the catalogue of the Call to Local Action for Migrants and Refugees.
///
/// With no command, on a terminal, opens the interactive browser. Every command reads the
/// catalogue embedded in this file: nothing is installed, downloaded or written unless asked.
#[derive(Debug, Parser)]
#[command(name = "localaction", version = VERSION, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Interface language, also of Markdown output (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
    /// Interface colours (default: colour, or mono when NO_COLOR is set).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<crate::tui::theme::Theme>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search the actions: words, "phrases", -exclusions, and filters.
    Search(search::SearchArgs),
    /// One action, every field.
    Show(show::ShowArgs),
    /// Every action matching the filters, ordered by year then submitter.
    List(list::ListArgs),
    /// Every action matching the filters, as full records (JSON by default), to a file or stdout.
    Export(list::ExportArgs),
    /// How many actions each filter value gives (per priority, compact, region, year, country…).
    Stats(stats::StatsArgs),
    /// Check that the embedded catalogue and index are intact and agree.
    Verify,
    /// Print a shell completion script.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
}

/// What a command found: decides the exit code (like grep: 0 found, 1 nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NothingFound,
}

/// Where commands write, and how.
pub struct Output {
    pub writer: Box<dyn Write>,
    /// Columns available, or `None` when not writing to a terminal (no truncation).
    pub columns: Option<usize>,
    /// Colour and bold allowed: a terminal, and `NO_COLOR` unset.
    pub colour: bool,
    /// The language of written prose (Markdown's headings and texts): `--lang`, else the
    /// locale's.
    pub lang: crate::i18n::Lang,
}

impl Output {
    /// Standard output, buffered.
    pub fn stdout() -> Output {
        let stdout = io::stdout();
        let terminal = stdout.is_terminal();
        let columns = if terminal {
            crossterm::terminal::size()
                .ok()
                .map(|(columns, _)| usize::from(columns))
        } else {
            None
        };
        Output {
            writer: Box::new(io::BufWriter::new(stdout.lock())),
            columns,
            colour: terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()),
            lang: crate::i18n::Lang::from_environment(),
        }
    }

    /// A file, written atomically: a temporary file beside it, renamed into place when
    /// everything is written.
    pub fn file(path: &std::path::Path) -> anyhow::Result<(Output, AtomicFile)> {
        let atomic = AtomicFile::create(path)?;
        let writer = atomic.writer()?;
        Ok((
            Output {
                writer: Box::new(io::BufWriter::new(writer)),
                columns: None,
                colour: false,
                lang: crate::i18n::Lang::from_environment(),
            },
            atomic,
        ))
    }
}

/// A file being written under a temporary name.
pub struct AtomicFile {
    target: PathBuf,
    temporary: PathBuf,
}

impl AtomicFile {
    fn create(target: &std::path::Path) -> anyhow::Result<AtomicFile> {
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
    pub fn commit(self) -> anyhow::Result<()> {
        std::fs::rename(&self.temporary, &self.target).map_err(|error| {
            let _ = std::fs::remove_file(&self.temporary);
            anyhow::anyhow!("cannot write {}: {error}", self.target.display())
        })
    }

    /// Removes the temporary file (after an error).
    pub fn abandon(self) {
        let _ = std::fs::remove_file(&self.temporary);
    }
}

/// The engine over the embedded data, with the error a person can act on.
fn open_engine() -> anyhow::Result<&'static Engine<'static>> {
    engine::embedded().map_err(|message| anyhow::anyhow!("{message}"))
}

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let mut output = Output::stdout();
    if let Some(lang) = cli.lang {
        output.lang = lang;
    }
    let outcome = match cli.command {
        Some(Command::Search(args)) => search::run(open_engine()?, &args, &mut output)?,
        Some(Command::Show(args)) => show::run(open_engine()?, &args, &mut output)?,
        Some(Command::List(args)) => list::run_list(open_engine()?, &args, &mut output)?,
        Some(Command::Export(args)) => list::run_export(open_engine()?, &args, &mut output)?,
        Some(Command::Stats(args)) => stats::run(open_engine()?, &args, &mut output)?,
        Some(Command::Verify) => verify(&mut output)?,
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "localaction",
                &mut output.writer,
            );
            Outcome::Found
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut output.writer)?;
            Outcome::Found
        }
        None => {
            if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
                anyhow::bail!(
                    "the interactive browser needs a terminal; for scripts use a command, e.g. `localaction list --format json` (see --help)"
                );
            }
            drop(output);
            let lang = cli.lang.unwrap_or_else(crate::i18n::Lang::from_environment);
            let theme = cli
                .theme
                .unwrap_or_else(crate::tui::theme::Theme::from_environment);
            crate::tui::run(open_engine()?, lang, theme)?;
            return Ok(Outcome::Found);
        }
    };
    output.writer.flush()?;
    Ok(outcome)
}

fn verify(output: &mut Output) -> anyhow::Result<Outcome> {
    let report = crate::verify::verify(
        crate::catalogue::embedded::BLOB,
        crate::catalogue::embedded::FINGERPRINT,
        crate::index::embedded::PACKED,
        crate::index::embedded::FINGERPRINT,
    )
    .map_err(|message| anyhow::anyhow!("verification failed: {message}"))?;
    writeln!(
        output.writer,
        "ok: {} actions, each indexed once at its own position\ncatalogue sha256 {}\nindex     sha256 {} ({} bytes)",
        report.actions, report.catalogue_fingerprint, report.index_fingerprint, report.index_bytes
    )?;
    Ok(Outcome::Found)
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
