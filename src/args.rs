//! The program's command line as a whole: a command of the command-line face, or none (the
//! interface), and the options both faces share. `main` parses it and chooses the face.

use clap::Parser;

use crate::cli::Command;
use crate::i18n::Lang;
use crate::tui::palette::Palette;

/// `--version`: the program's version and the catalogue it embeds.
pub const VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/version.txt"));

/// Offline browser over the catalogue of the Call to Local Action for Migrants and Refugees.
///
/// With no command, on a terminal, opens the interactive browser. Every command reads the
/// catalogue embedded in this file: nothing is installed, downloaded or written unless asked.
#[derive(Debug, Parser)]
#[command(name = "localaction", version = VERSION, about, long_about)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Interface language, also of Markdown output, citations, tables, counts, statistics
    /// and notes; error messages stay in English (default: from LC_ALL / LC_MESSAGES /
    /// LANG, else the system's setting).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// See the catalogue from this month (YYYY-MM) instead of the clock's: which actions are
    /// ongoing or ended, in the statistics, the status filter and every record's `status`,
    /// so that a count made on another day can be made again.
    #[arg(long, global = true, value_name = "YYYY-MM", value_parser = crate::engine::parse_month)]
    pub today: Option<crate::catalogue::YearMonth>,
    /// Start CSV output with a byte-order mark, so that Excel on Windows reads its accents
    /// (the interface's CSV exports always have one).
    #[arg(long, global = true)]
    pub bom: bool,
    /// Interface colours (default: dark, light when COLORFGBG says the background is light,
    /// mono when NO_COLOR is set).
    #[arg(long, global = true, value_enum)]
    pub palette: Option<Palette>,
}
