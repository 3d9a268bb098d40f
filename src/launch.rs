//! Started by a double-click, the program must end up in a window that shows it. On Linux
//! a file manager gives it no terminal at all: it reopens itself inside a terminal emulator.
//! On Windows the console opened for it closes when it exits: an error waits for Enter.

#[cfg(all(unix, not(target_os = "macos")))]
pub use linux::*;

#[cfg(all(unix, not(target_os = "macos")))]
mod linux {
    use std::ffi::OsString;
    use std::io::{self, IsTerminal};
    use std::process::{Child, Command, Stdio};
    use std::time::{Duration, Instant};

    /// Set in the reopened process, so that it never opens another window.
    pub const REOPENED: &str = "LOCALACTION_REOPENED";

    /// The terminal emulators tried in turn, each with the options after which the program
    /// and its arguments follow. `$TERMINAL`, where set, is tried first, with `-e`.
    pub const TERMINALS: &[(&str, &[&str])] = &[
        // Debian's and Ubuntu's choice of the user's terminal; policy requires `-e`.
        ("x-terminal-emulator", &["-e"]),
        // The freedesktop.org way to the user's default terminal, where it is installed.
        ("xdg-terminal-exec", &[]),
        ("gnome-terminal", &["--"]),
        ("konsole", &["-e"]),
        ("xfce4-terminal", &["-x"]),
        ("alacritty", &["-e"]),
        ("kitty", &[]),
        ("foot", &[]),
        ("wezterm", &["start", "--"]),
        ("xterm", &["-e"]),
    ];

    /// Whether nothing around the process is a terminal while a desktop is: no terminal on
    /// standard input or output, no controlling terminal (a shell's redirections keep one), a
    /// graphical display, and not already reopened.
    pub fn started_from_file_manager() -> bool {
        let graphical = ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()));
        // Over ssh -X without a terminal, a window on the far screen is not what was asked.
        let remote = std::env::var_os("SSH_CONNECTION").is_some();
        graphical
            && !remote
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

    /// How long a terminal emulator is given to fail (no display, a broken `$TERMINAL`) before
    /// it counts as started. One that opens a window runs longer, or hands the window to its
    /// server and exits with success; one that fails later still (waiting on a bus that never
    /// answers) counts as started, and nothing opens.
    const FAILS_WITHIN: Duration = Duration::from_millis(500);

    /// Starts this program, with the same arguments, in the first terminal emulator that starts
    /// and does not fail at once, and names it; `None` when there is none (or this program's
    /// path is unknown).
    pub fn reopen_in_terminal() -> Option<String> {
        let program = std::env::current_exe().ok()?;
        let arguments: Vec<OsString> = std::env::args_os().skip(1).collect();
        let from_environment = std::env::var("TERMINAL")
            .ok()
            .filter(|name| !name.trim().is_empty())
            .map(|name| (name, &["-e"][..]));
        let known = TERMINALS
            .iter()
            .map(|&(name, options)| (name.to_owned(), options));
        from_environment
            .into_iter()
            .chain(known)
            .find(|(terminal, options)| {
                // The marker is given to the program alone, through sh, not set on the terminal
                // emulator, whose every later window would carry it too. (env(1) would read a
                // path with '=' in it as one more variable.)
                let started = Command::new(terminal)
                    .args(*options)
                    .arg("/bin/sh")
                    .arg("-c")
                    .arg(format!("{REOPENED}=1 exec \"$0\" \"$@\""))
                    .arg(&program)
                    .args(&arguments)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn();
                started.is_ok_and(|mut child| !fails_at_once(&mut child))
            })
            .map(|(terminal, _)| terminal)
    }

    fn fails_at_once(child: &mut Child) -> bool {
        let started = Instant::now();
        while started.elapsed() < FAILS_WITHIN {
            match child.try_wait() {
                Ok(Some(status)) => return !status.success(),
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(_) => return false,
            }
        }
        false
    }

    /// In a window this program opened, an error would vanish with the window: it waits for
    /// Enter first. Elsewhere it does nothing.
    pub fn hold_window_after_error() {
        if std::env::var_os(REOPENED).is_some() && io::stdin().is_terminal() {
            super::wait_for_enter();
        }
    }
}

/// A console of its own (a double-click opened it; a Command Prompt would be attached to
/// it too) closes when the program exits: an error waits for Enter first.
#[cfg(windows)]
pub fn hold_window_after_error() {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut processes = [0u32; 2];
    // SAFETY: the buffer and its length agree; the call only writes process ids into it.
    let attached = unsafe { GetConsoleProcessList(processes.as_mut_ptr(), 2) };
    if attached == 1 {
        wait_for_enter();
    }
}

#[cfg(any(windows, all(unix, not(target_os = "macos"))))]
fn wait_for_enter() {
    eprintln!("Press Enter to close this window.");
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}
