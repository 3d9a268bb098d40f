//! Started by a double-click in a Linux file manager, the program has no terminal to draw
//! in: it reopens itself inside a terminal emulator, as whoever double-clicked expects.

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::process::{Command, Stdio};

/// Set in the reopened process, so that it never opens another window.
pub const REOPENED: &str = "LOCALACTION_REOPENED";

/// The terminal emulators tried in turn, each with the option after which the program and
/// its arguments follow. `$TERMINAL`, where set, is tried first, with `-e`.
pub const TERMINALS: &[(&str, &str)] = &[
    // Debian's and Ubuntu's choice of the user's terminal; policy requires `-e`.
    ("x-terminal-emulator", "-e"),
    ("gnome-terminal", "--"),
    ("konsole", "-e"),
    ("xfce4-terminal", "-x"),
    ("xterm", "-e"),
];

/// Whether nothing around the process is a terminal while a desktop is: no terminal on
/// standard input or output, no controlling terminal (a shell's redirections keep one), a
/// graphical display, and not already reopened.
pub fn started_from_file_manager() -> bool {
    let graphical = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()));
    graphical
        && std::env::var_os(REOPENED).is_none()
        && !io::stdin().is_terminal()
        && !io::stdout().is_terminal()
        && !has_controlling_terminal()
}

fn has_controlling_terminal() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_ok()
}

/// Starts this program, with the same arguments, in the first terminal emulator that can
/// be started, and names it; `None` when there is none (or this program's path is unknown).
pub fn reopen_in_terminal() -> Option<String> {
    let program = std::env::current_exe().ok()?;
    let arguments: Vec<OsString> = std::env::args_os().skip(1).collect();
    let from_environment = std::env::var("TERMINAL")
        .ok()
        .filter(|name| !name.trim().is_empty())
        .map(|name| (name, "-e"));
    let known = TERMINALS
        .iter()
        .map(|&(name, option)| (name.to_owned(), option));
    from_environment
        .into_iter()
        .chain(known)
        .find_map(|(terminal, option)| {
            Command::new(&terminal)
                .arg(option)
                .arg(&program)
                .args(&arguments)
                .env(REOPENED, "1")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .ok()
                .map(|_| terminal)
        })
}

/// In a window this program opened, an error would vanish with the window: it waits for
/// Enter first. Elsewhere it does nothing.
pub fn hold_window_after_error() {
    if std::env::var_os(REOPENED).is_some() && io::stdin().is_terminal() {
        eprintln!("Press Enter to close this window.");
        let mut line = String::new();
        let _ = io::stdin().read_line(&mut line);
    }
}
