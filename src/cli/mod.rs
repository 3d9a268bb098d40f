//! The command line's face: its commands (search, show, list, export, stats, verify,
//! completions, man), each printing through an [`Output`] and returning a [`Verdict`] that
//! decides the exit code; errors go back to `main`. The interface is not started here: with
//! no command, `main` opens it.

pub mod filters;
pub mod list;
pub mod search;
pub mod show;
pub mod stats;

use std::io::{self, Write};

use clap::Subcommand;

use crate::engine::{self, Engine};
use crate::export::Output;
use crate::i18n::{Lang, fill, fill_all};

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
pub enum Verdict {
    Found,
    NothingFound,
}

/// The engine over the embedded data, with the error a person can act on.
fn open_engine() -> anyhow::Result<&'static Engine<'static>> {
    engine::embedded().map_err(|message| anyhow::anyhow!("{message}"))
}

/// Runs one command, writing to standard output in `lang` (Markdown's prose; the locale's
/// when not given), CSV with a byte-order mark if `bom`. `program` is the whole command line's definition, for completions and
/// the manual page.
pub fn run(
    command: Command,
    lang: Lang,
    bom: bool,
    program: impl Fn() -> clap::Command,
) -> anyhow::Result<Verdict> {
    let mut output = Output::stdout();
    output.bom = bom;
    output.lang = lang;
    let status = match command {
        Command::Search(args) => search::run(open_engine()?, &args, &mut output)?,
        Command::Show(args) => show::run(open_engine()?, &args, &mut output)?,
        Command::List(args) => list::run_list(open_engine()?, &args, &mut output)?,
        Command::Export(args) => list::run_export(open_engine()?, &args, &mut output)?,
        Command::Stats(args) => stats::run(open_engine()?, &args, &mut output)?,
        Command::Verify => verify(&mut output)?,
        Command::Completions { shell } => {
            // Generated into memory: clap_complete's own writes panic when they fail (a
            // closed pipe, a full disk); written here, they fail as errors.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut program(), "localaction", &mut script);
            output.writer.write_all(&script)?;
            Verdict::Found
        }
        Command::Man => {
            clap_mangen::Man::new(program()).render(&mut output.writer)?;
            Verdict::Found
        }
    };
    output.writer.flush()?;
    Ok(status)
}

fn verify(output: &mut Output) -> anyhow::Result<Verdict> {
    let report = crate::verify::verify(
        crate::catalogue::embedded::BLOB,
        crate::catalogue::embedded::FINGERPRINT,
        crate::index::embedded::PACKED,
        crate::index::embedded::FINGERPRINT,
    )
    .map_err(|message| {
        anyhow::anyhow!(fill(
            output.lang.strings().messages.verification_failed,
            "text",
            &message
        ))
    })?;
    let strings = output.lang.strings();
    writeln!(
        output.writer,
        "{}",
        fill_all(
            strings.messages.verified,
            &[
                ("actions", &strings.count_actions(report.actions)),
                ("catalogue", &report.catalogue_fingerprint),
                ("index", &report.index_fingerprint),
                ("bytes", &report.index_bytes.to_string()),
            ]
        )
    )?;
    Ok(Verdict::Found)
}

/// Writes one line of diagnostics to stderr, its control characters neutralised (a value
/// echoed from the command line must not drive the terminal). A failed write is ignored:
/// there is nowhere left to report it, and the exit status already says what happened.
pub fn say(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", crate::text::sanitize(line));
}
