//! The `localaction` binary: parses arguments, chooses the face (a command of the command
//! line, or the interface when there is none), and maps the outcome to an exit code like
//! grep's (0 found, 1 nothing found, 2 usage or input error); a closed pipe is a quiet
//! success.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use localaction::args::Args;
use localaction::i18n::Lang;
use localaction::tui::palette::Palette;
use localaction::{cli, engine, export, tui};

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        // --help and --version are not errors; clap knows which is which. They must reach
        // stdout, or the exit status says they did not.
        Err(error) if !error.use_stderr() => {
            return match error.print() {
                Ok(()) => ExitCode::SUCCESS,
                Err(failed) if localaction::export::is_closed_pipe(&failed) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            };
        }
        // A usage error echoes what was typed: written as plain text, neutralised, in the
        // language asked for on the same line, else the environment's.
        Err(error) => {
            let lang = localaction::args::lang_asked(std::env::args_os())
                .unwrap_or_else(Lang::from_environment);
            cli::say(&localaction::args::usage_error(&error, lang));
            return ExitCode::from(2);
        }
    };
    let lang = args.lang.unwrap_or_else(Lang::from_environment);
    if let Some(month) = args.today {
        localaction::engine::see_from(month);
    }
    let ran = match args.command {
        Some(command) => cli::run(command, lang, args.bom, Args::command),
        None => browse(lang, args.palette).map(|()| cli::Verdict::Found),
    };
    match ran {
        Ok(cli::Verdict::Found) => ExitCode::SUCCESS,
        Ok(cli::Verdict::NothingFound) => ExitCode::from(1),
        Err(error) if export::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            cli::say(&localaction::i18n::fill(
                lang.strings().messages.error,
                "text",
                &format!("{error:#}"),
            ));
            #[cfg(any(windows, all(unix, not(target_os = "macos"))))]
            localaction::launch::hold_window_after_error();
            ExitCode::from(2)
        }
    }
}

/// Opens the interface, which needs a terminal on both sides.
fn browse(lang: Lang, palette: Option<Palette>) -> anyhow::Result<()> {
    // A double-click in a file manager: the window it expects is a terminal's.
    #[cfg(all(unix, not(target_os = "macos")))]
    if localaction::launch::started_from_file_manager()
        && localaction::launch::reopen_in_terminal().is_some()
    {
        return Ok(());
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!(lang.strings().messages.needs_terminal);
    }
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        anyhow::bail!(lang.strings().messages.needs_drawing_terminal);
    }
    let engine = engine::embedded().map_err(|message| anyhow::anyhow!("{message}"))?;
    // A palette asked for by name is drawn in its colours even where NO_COLOR is set
    // (crossterm would drop them, and the selection with them).
    if palette.is_some_and(|palette| palette != Palette::Mono) {
        crossterm::style::force_color_output(true);
    }
    tui::run(
        engine,
        lang,
        palette.unwrap_or_else(Palette::from_environment),
    )
}
