//! The `localaction` binary: parses arguments, runs the command, maps the outcome to an
//! exit code like grep's (0 found, 1 nothing found, 2 usage or input error); a closed pipe
//! is a quiet success.

use std::process::ExitCode;

use clap::Parser;

use localaction::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version are not errors; clap knows which is which.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli::run(cli) {
        Ok(cli::Outcome::Found) => ExitCode::SUCCESS,
        Ok(cli::Outcome::NothingFound) => ExitCode::from(1),
        Err(error) if cli::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("localaction: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
