//! The program's command line as a whole: a command of the command-line face, or none (the
//! interface), and the options both faces share. `main` parses it and chooses the face.

use std::ffi::OsString;

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli::Command;
use crate::i18n::{Lang, fill, fill_all};
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
    /// Interface language, also of Markdown output, citations, tables, counts, statistics,
    /// notes and messages (default: from LC_ALL / LC_MESSAGES / LANG, else the system's
    /// setting).
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

/// The language a command line asks for with `--lang`, read before the line is parsed, for
/// the message saying why it could not be: a valid `--lang X` or `--lang=X` anywhere.
pub fn lang_asked(arguments: impl IntoIterator<Item = OsString>) -> Option<Lang> {
    let arguments: Vec<String> = arguments
        .into_iter()
        .map(|argument| argument.to_string_lossy().into_owned())
        .collect();
    arguments.iter().enumerate().find_map(|(at, argument)| {
        let code = match argument.strip_prefix("--lang") {
            Some("") => arguments.get(at + 1)?.as_str(),
            Some(value) => value.strip_prefix('=')?,
            None => return None,
        };
        Lang::from_code(code)
    })
}

/// A usage error in `lang`: what is wrong, what was meant if clap can tell, where to read
/// more. An error of a kind these words do not cover is clap's own message.
pub fn usage_error(error: &clap::Error, lang: Lang) -> String {
    let words = &lang.strings().messages;
    let quoted = |kind: ContextKind| -> Option<String> {
        match error.get(kind)? {
            ContextValue::String(value) => Some(format!("'{value}'")),
            ContextValue::Strings(values) if !values.is_empty() => Some(
                values
                    .iter()
                    .map(|value| format!("'{value}'"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => None,
        }
    };
    let arg = quoted(ContextKind::InvalidArg).unwrap_or_default();
    let value = quoted(ContextKind::InvalidValue).filter(|value| value != "''");
    let main = match error.kind() {
        ErrorKind::UnknownArgument => fill(words.unexpected_argument, "arg", &arg),
        ErrorKind::InvalidSubcommand => fill(
            words.unknown_command,
            "arg",
            &quoted(ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        // A flag given no value at all.
        ErrorKind::InvalidValue if value.is_none() => fill(words.missing_value, "arg", &arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => fill_all(
            words.invalid_value,
            &[("value", &value.unwrap_or_default()), ("arg", &arg)],
        ),
        ErrorKind::MissingRequiredArgument => fill(words.missing_argument, "arg", &arg),
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            fill(words.missing_value, "arg", &arg)
        }
        ErrorKind::ArgumentConflict => fill_all(
            words.conflict,
            &[
                ("arg", &arg),
                ("other", &quoted(ContextKind::PriorArg).unwrap_or_default()),
            ],
        ),
        _ => return error.render().to_string().trim_end().to_owned(),
    };
    let mut lines = vec![fill(words.error, "text", &main)];
    if error.kind() == ErrorKind::ValueValidation
        && std::error::Error::source(error)
            .is_some_and(|source| source.downcast_ref::<crate::engine::NotAMonth>().is_some())
    {
        lines.push(format!("  {}", words.not_a_month));
    }
    if let Some(values) = quoted(ContextKind::ValidValue) {
        lines.push(format!(
            "  {}",
            fill(words.possible_values, "values", &values)
        ));
    }
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(quoted);
    if let Some(suggestion) = suggestion {
        lines.push(format!(
            "  {}",
            fill(words.did_you_mean, "suggestion", &suggestion)
        ));
    }
    lines.push(format!("  {}", words.see_help));
    lines.join("\n")
}
