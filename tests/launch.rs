//! A double-click in a Linux file manager, played by the real binary: no terminal on any
//! side (a new session, so no controlling terminal either), a display, and stand-in
//! terminal emulators on PATH that write down how they were started and then run it.
#![cfg(all(unix, not(target_os = "macos")))]

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A stand-in terminal emulator named `name`: it records its options (what comes before
/// the command, `/bin/sh`), each word of the command, and its own environment's marker, then
/// runs the command as a real terminal would and records its output and exit status. The
/// record appears whole, when the command is done.
fn stand_in_terminal(folder: &Path, name: &str) -> PathBuf {
    let record = folder.join(format!("{name}.record"));
    let script = format!(
        r#"#!/bin/sh
part='{record}.part'
options=''
while [ $# -gt 0 ] && [ "$1" != /bin/sh ]; do options="$options $1"; shift; done
echo "options=${{options# }}" > "$part"
for word in "$@"; do echo "word=$word" >> "$part"; done
echo "terminal's marker=$LOCALACTION_REOPENED" >> "$part"
"$@" >> "$part" 2>&1
echo "status=$?" >> "$part"
/bin/mv "$part" '{record}'
"#,
        record = record.display()
    );
    write_script(&folder.join(name), &script);
    record
}

/// The words of the command a stand-in terminal was given.
fn words(record: &str) -> Vec<&str> {
    record
        .lines()
        .filter_map(|line| line.strip_prefix("word="))
        .collect()
}

fn write_script(path: &Path, script: &str) {
    std::fs::write(path, script).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn field(record: &str, key: &str) -> String {
    record
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key} in {record}"))
        .to_owned()
}

/// The binary at `program` started as a file manager starts a program: standard streams
/// on /dev/null (output kept for the test), PATH only `path`, and the given environment.
fn launched(
    program: &Path,
    path: &Path,
    arguments: &[&str],
    environment: &[(&str, &str)],
) -> Command {
    let mut command = Command::new(program);
    command
        .args(arguments)
        .env_clear()
        .env("PATH", path)
        .envs(environment.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs `command` without a controlling terminal, as a file manager's child has none.
fn without_terminal(mut command: Command) -> Output {
    // SAFETY: setsid is async-signal-safe; it only detaches the child from this terminal.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command.output().expect("the binary runs")
}

/// Runs the binary as a file manager would.
fn double_click(path: &Path, arguments: &[&str], environment: &[(&str, &str)]) -> Output {
    without_terminal(launched(
        Path::new(env!("CARGO_BIN_EXE_localaction")),
        path,
        arguments,
        environment,
    ))
}

fn wait_for(record: &Path) -> String {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if let Ok(text) = std::fs::read_to_string(record) {
            return text;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the stand-in terminal never finished: {}", record.display());
}

#[test]
fn a_double_click_reopens_in_the_users_terminal_once() {
    let folder = tempfile::tempdir().unwrap();
    let record = stand_in_terminal(folder.path(), "x-terminal-emulator");
    stand_in_terminal(folder.path(), "xterm");
    let output = double_click(folder.path(), &[], &[("DISPLAY", ":0")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty(), "the window is the message");

    let record = wait_for(&record);
    assert_eq!(field(&record, "options"), "-e");
    let words = words(&record);
    // The marker goes to the program alone (through sh), not to the terminal emulator,
    // whose later windows would carry it too.
    assert_eq!(words[..2], ["/bin/sh", "-c"], "{record}");
    assert!(words[2].contains("LOCALACTION_REOPENED=1"), "{record}");
    assert_eq!(
        std::fs::canonicalize(words[3]).unwrap(),
        std::fs::canonicalize(env!("CARGO_BIN_EXE_localaction")).unwrap()
    );
    assert_eq!(words.len(), 4, "no arguments were given: {record}");
    assert_eq!(field(&record, "terminal's marker"), "");
    // Inside the stand-in there is still no terminal: the reopened program must not open
    // another window, but say what it needs and fail.
    assert!(
        record.contains("needs a terminal"),
        "the reopened program explains: {record}"
    );
    assert_eq!(field(&record, "status"), "2");
    assert!(
        !folder.path().join("xterm.record").exists(),
        "only the first terminal found is opened"
    );
}

#[test]
fn the_terminal_variable_comes_first_and_arguments_follow() {
    let folder = tempfile::tempdir().unwrap();
    let chosen = stand_in_terminal(folder.path(), "my-terminal");
    stand_in_terminal(folder.path(), "x-terminal-emulator");
    // `--lang fr` must reach the reopened program.
    let output = double_click(
        folder.path(),
        &["--lang", "fr"],
        &[
            ("WAYLAND_DISPLAY", "wayland-0"),
            ("TERMINAL", "my-terminal"),
        ],
    );
    assert!(output.status.success());
    let record = wait_for(&chosen);
    assert_eq!(field(&record, "options"), "-e");
    assert_eq!(words(&record)[4..], ["--lang", "fr"], "{record}");
    assert!(!folder.path().join("x-terminal-emulator.record").exists());
}

#[test]
fn a_terminal_that_fails_at_once_is_passed_over() {
    let folder = tempfile::tempdir().unwrap();
    // A $TERMINAL that cannot open a window (no display, a typo) exits at once with failure.
    write_script(
        &folder.path().join("broken-terminal"),
        "#!/bin/sh\nexit 1\n",
    );
    let record = stand_in_terminal(folder.path(), "xterm");
    let output = double_click(
        folder.path(),
        &[],
        &[("DISPLAY", ":0"), ("TERMINAL", "broken-terminal")],
    );
    assert!(output.status.success());
    assert_eq!(field(&wait_for(&record), "options"), "-e");
}

#[test]
fn each_terminal_gets_the_program_its_own_way() {
    for (terminal, options) in [
        ("gnome-terminal", "--"),
        ("xdg-terminal-exec", ""),
        ("wezterm", "start --"),
        ("xfce4-terminal", "-x"),
    ] {
        let folder = tempfile::tempdir().unwrap();
        let record = stand_in_terminal(folder.path(), terminal);
        let output = double_click(folder.path(), &[], &[("DISPLAY", ":0")]);
        assert!(output.status.success(), "{terminal}");
        let record = wait_for(&record);
        assert_eq!(field(&record, "options"), options, "{terminal}");
        assert_eq!(field(&record, "status"), "2", "the program ran: {record}");
    }
}

/// A copy on a stick named "USB DISK" in a folder "a=b": the path reaches the program whole
/// (env(1) would have read "a=b/…" as a variable).
#[test]
fn a_path_with_spaces_and_an_equals_sign_is_started_whole() {
    let folder = tempfile::tempdir().unwrap();
    let record = stand_in_terminal(folder.path(), "x-terminal-emulator");
    let stick = folder.path().join("USB DISK").join("a=b");
    std::fs::create_dir_all(&stick).unwrap();
    let copy = stick.join("localaction");
    std::fs::copy(env!("CARGO_BIN_EXE_localaction"), &copy).unwrap();
    let output = without_terminal(launched(&copy, folder.path(), &[], &[("DISPLAY", ":0")]));
    assert!(output.status.success());
    let record = wait_for(&record);
    assert_eq!(words(&record)[3], copy.to_str().unwrap());
    assert!(
        record.contains("needs a terminal"),
        "the copy ran: {record}"
    );
    assert_eq!(field(&record, "status"), "2");
}

#[test]
fn without_a_display_or_a_terminal_emulator_the_message_stays() {
    let folder = tempfile::tempdir().unwrap();
    // A terminal emulator but no desktop (a cron job, a service): nothing is opened.
    let record = stand_in_terminal(folder.path(), "x-terminal-emulator");
    let output = double_click(folder.path(), &[], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs a terminal"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(!record.exists() && !record.with_extension("record.part").exists());

    // Over ssh -X, with no terminal: the far screen is not where to open a window.
    let output = double_click(
        folder.path(),
        &[],
        &[
            ("DISPLAY", "localhost:10.0"),
            ("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22"),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    std::thread::sleep(Duration::from_millis(300));
    assert!(!record.exists() && !record.with_extension("record.part").exists());

    // A desktop but no terminal emulator on PATH: the same message.
    let empty = tempfile::tempdir().unwrap();
    let output = double_click(empty.path(), &[], &[("DISPLAY", ":0")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs a terminal"));
}

#[test]
fn a_shell_redirecting_both_streams_keeps_its_terminal() {
    // From a shell with both streams redirected, the process still has a controlling
    // terminal (here a pseudo-terminal made the child's own) and must not open a window.
    let (mut controller, mut terminal) = (0, 0);
    // SAFETY: openpty writes two descriptors; the names and settings are left null.
    let opened = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "a pseudo-terminal");
    let folder = tempfile::tempdir().unwrap();
    let record = stand_in_terminal(folder.path(), "x-terminal-emulator");
    let mut command = launched(
        Path::new(env!("CARGO_BIN_EXE_localaction")),
        folder.path(),
        &[],
        &[("DISPLAY", ":0")],
    );
    // SAFETY: setsid and ioctl are async-signal-safe; the child takes the pseudo-terminal
    // as its controlling terminal, as a login shell's children have theirs.
    unsafe {
        command.pre_exec(move || {
            if libc::setsid() == -1 || libc::ioctl(terminal, libc::TIOCSCTTY, 0) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    // SAFETY: both descriptors are this test's own.
    unsafe {
        libc::close(controller);
        libc::close(terminal);
    }
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs a terminal"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(!record.exists() && !record.with_extension("record.part").exists());
}
