//! The command line: argument definitions (clap), dispatch, and output that survives a
//! closed pipe. Subcommands print through [`Output`]; errors go back to `main`.

pub mod list;
pub mod show;

use std::io::{self, IsTerminal, Write};

use clap::{Parser, Subcommand, ValueEnum};

use crate::catalogue::embedded;

/// `--version`: the program's version and the catalogue it embeds.
pub const VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/version.txt"));

/// Offline browser over the catalogue of the Call to Local Action for Migrants and Refugees.
#[derive(Debug, Parser)]
#[command(name = "localaction", version = VERSION, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every action, ordered by year then submitter.
    List(list::ListArgs),
    /// One action, all fields.
    Show(show::ShowArgs),
}

/// Table or JSON, for listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns, fitted to the terminal's width.
    Table,
    /// One JSON array of records.
    Json,
}

/// Where subcommands write: stdout, with the terminal's width when there is one.
pub struct Output<W: Write> {
    pub writer: W,
    /// Columns available, or `None` when not writing to a terminal (no truncation).
    pub columns: Option<usize>,
}

impl Output<io::BufWriter<io::StdoutLock<'static>>> {
    /// Standard output, buffered.
    pub fn stdout() -> Self {
        let stdout = io::stdout();
        let columns = if stdout.is_terminal() {
            crossterm::terminal::size()
                .ok()
                .map(|(columns, _)| usize::from(columns))
        } else {
            None
        };
        Output {
            writer: io::BufWriter::new(stdout.lock()),
            columns,
        }
    }
}

/// Runs the command line; `Ok` means exit 0.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let catalogue = embedded::catalogue();
    let mut output = Output::stdout();
    match cli.command {
        Some(Command::List(args)) => list::run(catalogue, &args, &mut output)?,
        Some(Command::Show(args)) => show::run(catalogue, &args, &mut output)?,
        // Until the interactive browser exists, the program opens on the whole list.
        None => list::run(catalogue, &list::ListArgs::default(), &mut output)?,
    }
    output.writer.flush()?;
    Ok(())
}

/// True when `error` comes from writing to a closed pipe (`localaction list | head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io_kind = cause
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            // serde_json wraps the writer's error in its own type.
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        io_kind == Some(io::ErrorKind::BrokenPipe)
    })
}
