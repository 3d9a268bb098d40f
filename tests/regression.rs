//! Regression tests, each named after the defect it pins (issue 14's stress run): the real
//! binary writing to a full disk, to a closed pipe, and echoing hostile input.

use std::fs::OpenOptions;
use std::process::{Command, Output, Stdio};

/// A file every write to fails with "no space left on device".
fn full_disk() -> Stdio {
    Stdio::from(
        OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full (Linux)"),
    )
}

fn localaction() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_localaction"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("the binary runs")
}

/// clap_complete panicked (exit 101) when its writes failed.
#[test]
fn completions_to_a_full_disk_fail_with_a_message_not_a_panic() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = run(localaction()
            .args(["completions", shell])
            .stdout(full_disk()));
        assert_eq!(output.status.code(), Some(2), "{shell}");
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(
            errors.contains("No space left on device"),
            "{shell}: {errors}"
        );
        assert!(!errors.contains("panicked"), "{shell}: {errors}");
    }
}

/// `--help` and `--version` to a full disk exited 0, as if they had been printed.
#[test]
fn help_and_version_that_cannot_be_written_exit_non_zero() {
    for flag in ["--help", "--version", "-h", "-V"] {
        let output = run(localaction().arg(flag).stdout(full_disk()));
        assert_eq!(output.status.code(), Some(2), "{flag}");
    }
    let printed = run(localaction().arg("--version"));
    assert!(printed.status.success());
}

/// A failed write of an error or a note to stderr panicked (exit 101).
#[test]
fn errors_and_notes_to_a_full_stderr_keep_their_exit_status() {
    for (args, code) in [
        (&["search", "--city", "Atlantide"][..], 2),
        (&["search", "--limit", "lots"][..], 2),
        (&["show", "nope"][..], 2),
        (&["search", "climat", "zzzz"][..], 0),
        (&["search", "climte"][..], 0),
        // A phrase no action holds: nothing found, with its note.
        (&["search", "\"unclosed", "climat"][..], 1),
    ] {
        let output = run(localaction().args(args).stderr(full_disk()));
        assert_eq!(output.status.code(), Some(code), "{args:?}");
    }
}

/// clap echoed an invalid value raw: `--limit $'\e]0;PWN\a'` set the terminal's title, and
/// `\r`, form feeds and U+009B (the one-byte CSI) reached the terminal.
#[test]
fn echoed_values_cannot_drive_the_terminal() {
    let hostile = "\u{1b}]0;PWN\u{7}\u{9b}2J\r\u{c}x";
    for args in [
        vec!["search", "x", "--limit", hostile],
        vec!["search", "--city", hostile],
        vec!["search", "--theme", hostile],
        vec!["show", hostile],
        vec!["completions", hostile],
        vec![hostile],
    ] {
        let output = run(localaction().args(&args));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let errors = String::from_utf8(output.stderr).expect("UTF-8 errors");
        assert!(!errors.is_empty(), "{args:?}");
        for control in ['\u{1b}', '\u{7}', '\u{9b}', '\r', '\u{c}'] {
            assert!(
                !errors.contains(control),
                "{args:?} echoes {control:?}: {errors:?}"
            );
        }
    }
}

/// A 120 KB `--city` value was compared whole with every place (3.7 s) and echoed whole to
/// stderr; an id as long, likewise.
#[test]
fn a_pasted_page_as_a_value_is_echoed_by_its_start() {
    let page = "x".repeat(120_000);
    for args in [
        vec!["search", "--city", page.as_str()],
        vec!["list", "--theme", page.as_str()],
        vec!["show", page.as_str()],
    ] {
        let output = run(localaction().args(&args));
        assert_eq!(output.status.code(), Some(2), "{:?}", args[..2].to_vec());
        let errors = String::from_utf8(output.stderr).unwrap();
        assert!(errors.len() < 2_000, "{} bytes echoed", errors.len());
        assert!(
            errors.contains(&format!("{}…", "x".repeat(100))),
            "{errors}"
        );
    }
}

/// The table cut ids at 43 characters plus "…", even when piped, so an id printed by
/// `list` could not be given to `show`; off a terminal `COLUMNS` was ignored.
#[test]
fn every_id_the_table_prints_is_one_show_accepts() {
    let mut widest = Vec::new();
    for columns in [None, Some("80"), Some("40")] {
        let mut command = localaction();
        command.arg("list");
        if let Some(columns) = columns {
            command.env("COLUMNS", columns);
        }
        let output = run(&mut command);
        assert!(output.status.success());
        let table = String::from_utf8(output.stdout).unwrap();
        let ids: Vec<&str> = table
            .lines()
            .skip(1)
            .filter_map(|line| line.split_whitespace().next())
            .filter(|first| first.starts_with("20"))
            .collect();
        assert_eq!(ids.len(), 77, "{columns:?}");
        for id in ids {
            let shown = run(localaction().args(["show", id]));
            assert!(shown.status.success(), "{columns:?}: show {id}");
        }
        widest.push(
            table
                .lines()
                .map(|line| line.chars().count())
                .max()
                .unwrap(),
        );
    }
    // Piped, nothing is cut: the longest French title is whole. With `COLUMNS`, titles are
    // cut; ids never are, so below their width the lines stop shrinking.
    assert!(widest[0] > 200, "{widest:?}");
    assert!(widest[1] < widest[0] / 2, "{widest:?}");
    assert_eq!(widest[2], widest[1], "{widest:?}");
}
