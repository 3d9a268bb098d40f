//! Regression tests, each named after the defect it pins (issue 14's stress run): the real
//! binary writing to a full disk, to a closed pipe, and echoing hostile input.

use std::fs::OpenOptions;
use std::process::{Command, Output, Stdio};

/// How the system names a full disk: ENOSPC on Unix; ERROR_DISK_FULL on Windows, whose
/// wording differs by version and by Wine, which maps /dev/full to it (the tests run there
/// with .ci/wine-tests).
const FULL_DISK: &str = if cfg!(windows) {
    "(os error 112)"
} else {
    "No space left on device"
};

/// A file every write to fails with a full disk.
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
        assert!(errors.contains(FULL_DISK), "{shell}: {errors}");
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
    // `--help | head -1`: a closed pipe is a quiet success, as for every command.
    let mut child = localaction()
        .arg("--help")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
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

/// `export --output` wrote a temporary file and renamed it over whatever was there: FIFOs,
/// symbolic links, devices, read-only files and existing files without asking, with their
/// mode and hard links lost; a 255-byte name failed; `-` created a file named `-`.
#[cfg(unix)]
#[test]
fn export_never_harms_what_is_at_the_path() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};

    let folder = tempfile::tempdir().unwrap();
    let at = |name: &str| folder.path().join(name);
    let export = |path: &std::path::Path, force: bool| -> Output {
        let mut command = localaction();
        command.args(["export", "--year", "2022", "--format", "csv", "--output"]);
        command.arg(path);
        if force {
            command.arg("--force");
        }
        run(&mut command)
    };
    let errors = |output: &Output| String::from_utf8_lossy(&output.stderr).into_owned();
    let csv_header = "id,year,submitter";

    // Absent: created, whole, nothing else left in the folder.
    let new = at("new.csv");
    let output = export(&new, false);
    assert!(output.status.success(), "{}", errors(&output));
    assert!(
        std::fs::read_to_string(&new)
            .unwrap()
            .starts_with(csv_header)
    );

    // An existing file: kept without --force, the message naming it.
    let kept = at("kept.csv");
    std::fs::write(&kept, "mine").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o600)).unwrap();
    let output = export(&kept, false);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        errors(&output).contains(&format!("{} exists", kept.display())),
        "{}",
        errors(&output)
    );
    assert!(errors(&output).contains("--force"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "mine");
    // With --force: replaced, its mode kept.
    let output = export(&kept, true);
    assert!(output.status.success(), "{}", errors(&output));
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .starts_with(csv_header)
    );
    assert_eq!(std::fs::metadata(&kept).unwrap().mode() & 0o777, 0o600);

    // A file with a second name: both names see the new content.
    let first = at("first.csv");
    let second = at("second.csv");
    std::fs::write(&first, "shared").unwrap();
    std::fs::hard_link(&first, &second).unwrap();
    assert!(export(&first, true).status.success());
    assert!(
        std::fs::read_to_string(&second)
            .unwrap()
            .starts_with(csv_header)
    );

    // Read-only: refused even with --force.
    let read_only = at("read-only.csv");
    std::fs::write(&read_only, "keep").unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    let output = export(&read_only, true);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        errors(&output).contains("is read-only"),
        "{}",
        errors(&output)
    );
    assert_eq!(std::fs::read_to_string(&read_only).unwrap(), "keep");
    assert_eq!(std::fs::metadata(&read_only).unwrap().mode() & 0o777, 0o444);

    // A symbolic link: refused, the link and its target left as they are.
    let link = at("link.csv");
    symlink(&kept, &link).unwrap();
    let before = std::fs::read(&kept).unwrap();
    let output = export(&link, true);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        errors(&output).contains("is a symbolic link"),
        "{}",
        errors(&output)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&kept).unwrap(), before);

    // A FIFO: refused without opening it (opening would wait for a reader).
    let fifo = at("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let output = export(&fifo, true);
    assert_eq!(output.status.code(), Some(2));
    assert!(errors(&output).contains("is a FIFO"), "{}", errors(&output));

    // A device (a copy of /dev/null's node, where the tests may make one): refused, left a
    // device.
    let device = at("null");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .status();
    if made.is_ok_and(|status| status.success()) {
        let output = export(&device, true);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            errors(&output).contains("is a device"),
            "{}",
            errors(&output)
        );
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::symlink_metadata(&device).unwrap().file_type();
        assert!(kind.is_char_device());
    }

    // A folder, existing or named with a trailing slash: refused.
    for folder_name in [folder.path().to_path_buf(), at("not-yet/")] {
        let output = export(&folder_name, true);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            errors(&output).contains("is a folder: give a file name"),
            "{}",
            errors(&output)
        );
    }
    assert!(!at("not-yet").exists());

    // The longest legal name: written (the temporary name is short).
    let longest = at(&format!("{}.csv", "n".repeat(251)));
    let output = export(&longest, false);
    assert!(output.status.success(), "{}", errors(&output));

    // `-` is standard output, not a file named "-".
    let output = run(localaction().current_dir(folder.path()).args([
        "export", "--year", "2022", "--format", "csv", "--output", "-",
    ]));
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with(csv_header));
    assert!(!at("-").exists());

    // Nothing but what was asked for is left in the folder.
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.iter().all(|name| !name.ends_with(".tmp")),
        "{names:?}"
    );
}

/// Runs a binary just written. Another test's child, forked between the write and its own
/// exec, may still hold the file open for writing ("text file busy"): wait it out.
#[cfg(unix)]
fn run_fresh_copy(binary: &std::path::Path, args: &[&str]) -> Output {
    for _ in 0..100 {
        match Command::new(binary).args(args).output() {
            Err(error) if error.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            ran => return ran.expect("the copy runs"),
        }
    }
    panic!("{} stayed busy", binary.display());
}

/// After one flipped byte in a copy of the binary, `list --format json` printed damaged
/// records ("Barsanquilla") with exit 0, or panicked in the decoders.
#[cfg(unix)]
#[test]
fn a_damaged_copy_of_the_binary_says_so_and_prints_nothing() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_localaction")).unwrap();
    let folder = tempfile::tempdir().unwrap();
    for (what, embedded) in [
        ("catalogue", localaction::catalogue::embedded::BLOB),
        ("full-text index", localaction::index::embedded::PACKED),
    ] {
        // The embedded bytes, found by their start, damaged in their middle.
        let start = binary
            .windows(64)
            .position(|window| window == &embedded[..64])
            .expect("the embedded bytes in the binary");
        for offset in [embedded.len() / 3, embedded.len() / 2, embedded.len() - 10] {
            let mut damaged = binary.clone();
            damaged[start + offset] ^= 0x20;
            let copy = folder.path().join("localaction-copy");
            std::fs::write(&copy, &damaged).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
            for args in [
                &["list", "--format", "json"][..],
                &["search", "Barranquilla"][..],
                &["show", "2023-amman-climate-academy"][..],
                &["stats"][..],
            ] {
                let output = run_fresh_copy(&copy, args);
                assert_eq!(output.status.code(), Some(2), "{what} +{offset} {args:?}");
                assert!(output.stdout.is_empty(), "{what} +{offset} {args:?}");
                let errors = String::from_utf8_lossy(&output.stderr);
                assert!(
                    errors.contains("this copy of localaction is damaged: copy it again")
                        && errors.contains(what),
                    "{what} +{offset} {args:?}: {errors}"
                );
            }
        }
    }
}

/// Every command, its output to a full disk and to a closed pipe: a full disk is an error
/// that says so (exit 2), a closed pipe a quiet success; never a panic.
#[test]
fn every_command_handles_a_full_disk_and_a_closed_pipe() {
    let commands: [&[&str]; 10] = [
        &["search", "climat"],
        &["show", "2023-amman-climate-academy"],
        &["list"],
        &["export", "--format", "csv"],
        &["stats"],
        &["verify"],
        &["completions", "bash"],
        &["man"],
        &["list", "--format", "jsonl"],
        &["export", "--format", "markdown"],
    ];
    for args in commands {
        let output = run(localaction().args(args).stdout(full_disk()));
        assert_eq!(output.status.code(), Some(2), "{args:?} to a full disk");
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(errors.contains(FULL_DISK), "{args:?}: {errors}");
        assert!(!errors.contains("panicked"), "{args:?}: {errors}");

        let mut child = localaction()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?} to a closed pipe");
        // Nothing but the notes on how a query was read (the thesaurus' other terms).
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(
            errors
                .lines()
                .all(|line| line.starts_with("localaction: note: ")),
            "{args:?}: {errors}"
        );
    }
}

/// A full disk in the middle of an export said "No space left on device" without the path,
/// and could leave a partial file. On a 64 KB tmpfs (mounted where the tests may mount; the
/// machines CI runs on can), the export fails naming the file, leaves no file behind, and a
/// file being replaced keeps its old content.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_during_an_export_leaves_nothing_behind() {
    let mount_point = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(mount_point.path())
        .output();
    if !mounted.is_ok_and(|output| output.status.success()) {
        eprintln!("skipped: this machine does not let the tests mount a tmpfs");
        return;
    }
    let folder = mount_point.path();
    let new = folder.join("all.json");
    let kept = folder.join("kept.json");
    std::fs::write(&kept, "old").unwrap();
    // A file with a second name is rewritten in place: a full disk puts its bytes back.
    let linked = folder.join("linked.json");
    std::fs::write(&linked, "linked").unwrap();
    std::fs::hard_link(&linked, folder.join("other-name.json")).unwrap();
    let export = |path: &std::path::Path, force: bool| {
        let mut command = localaction();
        command
            .args(["export", "--format", "json", "--output"])
            .arg(path);
        if force {
            command.arg("--force");
        }
        run(&mut command)
    };
    let results = [
        export(&new, false),
        export(&kept, true),
        export(&linked, true),
    ];
    let left: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let old = std::fs::read_to_string(&kept).unwrap();
    let still_linked = std::fs::read_to_string(&linked).unwrap();
    let _ = Command::new("umount").arg(folder).status();
    for (output, path) in results.iter().zip([&new, &kept, &linked]) {
        assert_eq!(output.status.code(), Some(2));
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(
            errors.contains(&format!(
                "cannot write {}: No space left on device",
                path.display()
            )),
            "{errors}"
        );
    }
    let mut left = left;
    left.sort();
    assert_eq!(left, ["kept.json", "linked.json", "other-name.json"]);
    assert_eq!(old, "old");
    assert_eq!(still_linked, "linked");
}
