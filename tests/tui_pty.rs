//! The real binary in a real pseudo-terminal: keys in, screen (through a vt100 parser) and
//! raw bytes out. Searching, a filter, the detail (its partner link; End and PageDown at its
//! foot), pastes, marking (Alt-A: every result), exporting (Ctrl-S), copying (OSC 52), help
//! closed by `q`, a resize to one cell and back, words typed anywhere never quitting; and
//! the terminal put back as it was on Ctrl-C and every signal that ends the program.
// Pseudo-terminals, process groups and signals are Unix's: on Windows there is nothing to run.
#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use localaction::engine::{Dimension, Engine, Filters, Request};
use localaction::i18n::Lang;
use localaction::tui::app::{App, FilterRow};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tantivy::directory::OwnedBytes;

/// Generous, for slow machines; every wait returns as soon as its condition holds.
const TIMEOUT: Duration = Duration::from_secs(10);
const ROWS: u16 = 30;
const COLUMNS: u16 = 100;

const DOWN: &str = "\x1b[B";
const PAGE_DOWN: &str = "\x1b[6~";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const TAB: &str = "\t";
const CTRL_C: &str = "\x03";
const CTRL_W: &str = "\x17";
const F7: &str = "\x1b[18~";
/// F1 and End as xterm sends them.
const F1: &str = "\x1bOP";
const END: &str = "\x1b[F";
const PAGE_UP: &str = "\x1b[5~";
const CTRL_S: &str = "\x13";
/// Alt and a key: a terminal sends Alt as ESC before the key.
const ALT_A: &str = "\x1ba";
const ALT_P: &str = "\x1bp";
const ALT_T: &str = "\x1bt";
const ALT_Y: &str = "\x1by";
const ALT_SHIFT_Y: &str = "\x1bY";
/// Help's last line, shown only while help is open.
const HELP_SHOWN: &str = "q, Esc or ? close it";
/// What crossterm writes to leave the alternate screen.
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn non_zero(value: u16) -> NonZeroU16 {
    NonZeroU16::new(value).expect("a non-zero size")
}

/// The browser running in a pseudo-terminal, its output parsed as a terminal would.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, to look for escape sequences.
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
}

impl Session {
    fn start(directory: &Path) -> Session {
        Session::start_with_term(directory, "xterm-256color")
    }

    /// The browser in a terminal that says it is `term`.
    fn start_with_term(directory: &Path, term: &str) -> Session {
        Session::start_with(directory, term, ROWS, COLUMNS)
    }

    /// The browser in a terminal of `rows` × `cols`.
    fn start_sized(directory: &Path, rows: u16, cols: u16) -> Session {
        Session::start_with(directory, "xterm-256color", rows, cols)
    }

    fn start_with(directory: &Path, term: &str, rows: u16, cols: u16) -> Session {
        Session::start_configured(directory, term, rows, cols, &["--palette", "mono"], &[])
    }

    /// The browser with `args` after `--lang en`, and `environment` besides the known one.
    fn start_configured(
        directory: &Path,
        term: &str,
        rows: u16,
        cols: u16,
        args: &[&str],
        environment: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(size(rows, cols))
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_localaction"));
        command.args(["--lang", "en"]);
        command.args(args);
        // A known environment: no locale, no NO_COLOR, nothing inherited.
        command.env_clear();
        command.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        command.env("TERM", term);
        for (name, value) in environment {
            command.env(name, value);
        }
        command.env("HOME", directory);
        command.cwd(directory);
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the binary starts");
        // Only the child holds the terminal's side now, so reading ends when it exits.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(rows),
            non_zero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut output = pair.master.try_clone_reader().expect("a reader");
        let reader = {
            let (parser, raw) = (Arc::clone(&parser), Arc::clone(&raw));
            std::thread::spawn(move || {
                let mut buffer = [0; 8192];
                // Ends on end of file, or EIO once the child has gone.
                while let Ok(read @ 1..) = output.read(&mut buffer) {
                    parser.lock().unwrap().process(&buffer[..read]);
                    raw.lock().unwrap().extend_from_slice(&buffer[..read]);
                }
            })
        };
        let writer = pair.master.take_writer().expect("a writer");
        Session {
            child,
            master: pair.master,
            writer,
            parser,
            raw,
            reader: Some(reader),
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys sent");
        self.writer.flush().expect("keys sent");
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen satisfies `condition`; on timeout, fails showing the screen.
    fn wait_for(&self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        self.wait_for_within(what, TIMEOUT, condition)
            .unwrap_or_else(|screen| panic!("timed out waiting for {what}; the screen:\n{screen}"));
    }

    fn wait_for_within(
        &self,
        _what: &str,
        timeout: Duration,
        condition: impl Fn(&vt100::Screen) -> bool,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            {
                let parser = self.parser.lock().unwrap();
                if condition(parser.screen()) {
                    return Ok(());
                }
                if Instant::now() > deadline {
                    return Err(parser.screen().contents());
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |screen| {
            screen.contents().contains(text)
        });
    }

    /// Resizes the terminal (the parser first, so the redraw lands at the new size).
    fn resize(&self, rows: u16, cols: u16) {
        self.parser
            .lock()
            .unwrap()
            .set_size(non_zero(rows), non_zero(cols));
        self.master.resize(size(rows, cols)).expect("resized");
    }

    fn raw_contains(&self, needle: &[u8]) -> bool {
        self.raw
            .lock()
            .unwrap()
            .windows(needle.len())
            .any(|window| window == needle)
    }

    /// Waits until the program has written `needle` (an escape sequence, say).
    fn wait_for_raw(&self, what: &str, needle: &[u8]) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.raw_contains(needle) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} to be written; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The program has not exited.
    fn assert_running(&mut self) {
        let status = self.child.try_wait().expect("the child's status");
        assert!(
            status.is_none(),
            "the program exited ({status:?}); the screen:\n{}",
            self.contents()
        );
    }

    /// Waits for the program to exit, then for its last output to be read.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader thread");
        }
        status
    }

    /// The terminal is as it was: main screen, no mouse reporting, cursor shown.
    fn assert_terminal_restored(&self) {
        assert!(
            self.raw_contains(LEAVE_ALTERNATE_SCREEN),
            "no sequence leaving the alternate screen"
        );
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting left on"
        );
        assert!(!screen.hide_cursor(), "cursor left hidden");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The same engine as the binary's (the month only decides which actions have ended, which
/// none of these tests looks at).
fn engine() -> Engine<'static> {
    Engine::open(
        localaction::catalogue::embedded::catalogue(),
        OwnedBytes::new(localaction::index::embedded::PACKED),
        localaction::engine::this_month(),
    )
    .expect("the embedded engine opens")
}

/// The filter panel row of "GCR only" on the start screen, and its count.
fn gcr_only(engine: &Engine<'static>) -> (usize, usize, Filters) {
    let app = App::new(engine, Lang::EN, (COLUMNS, ROWS));
    let values = engine.values();
    let (row, slot) = app
        .filter_rows()
        .iter()
        .enumerate()
        .find_map(|(row, filter_row)| match *filter_row {
            FilterRow::Value(Dimension::Compact, slot)
                if values.of(Dimension::Compact)[slot].label(localaction::i18n::Lang::EN)
                    == "GCR only" =>
            {
                Some((row, slot))
            }
            _ => None,
        })
        .expect("a GCR only row");
    let mut filters = Filters::new();
    filters.select(Dimension::Compact, slot);
    (
        row,
        app.outcome.counts.of(Dimension::Compact)[slot],
        filters,
    )
}

#[test]
fn a_whole_session_in_a_real_terminal() {
    let directory = tempfile::tempdir().unwrap();
    let engine = engine();
    let catalogue = engine.catalogue();
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.wait_for("the alternate screen", |screen| screen.alternate_screen());

    // Searching.
    session.send("kampala");
    session.wait_for_text("2 of 77 actions");
    session.wait_for_text("Kampala — Joint commitment of the cities");
    // Esc clears the search line.
    session.send(ESC);
    session.wait_for_text("77 of 77 actions");

    // A filter: Tab to the panel, down to "GCR only", Enter.
    let (row, count, filters) = gcr_only(&engine);
    assert_eq!(count, 15);
    session.send(TAB);
    session.wait_for_text("Space/Enter select");
    session.send(&DOWN.repeat(row));
    session.send(ENTER);
    session.wait_for_text(&format!("{count} of 77 actions"));
    session.wait_for_text("[x] GCR only");

    // Back to the search line with '/', search within the filter, open the first result.
    session.send("/kampala");
    session.wait_for_text("2 of 77 actions");
    let hits = engine
        .search(&Request {
            text: "kampala".to_owned(),
            filters,
            limit: None,
            mode: Default::default(),
            synonyms: true,
        })
        .hits;
    let first = catalogue.action_at(hits[0].position);
    let partner = catalogue.action_at(first.partners[0]);
    assert_eq!(partner.id, catalogue.id_at(hits[1].position));
    session.send(DOWN);
    session.wait_for_text("Enter open");
    session.send(ENTER);
    session.wait_for_text(&format!("┌{}", first.id));
    session.wait_for_text(&format!("Joint commitment: → {}", partner.id));
    // The description is further down: scroll until its first words show (the editors'
    // translation, in the English interface).
    let opening: String = first
        .texts(localaction::i18n::Lang::EN.texts())
        .description
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    session.send(PAGE_DOWN);
    let mut seen = false;
    for _ in 0..60 {
        let found = session.wait_for_within("the description", Duration::from_millis(300), |s| {
            s.contents().contains(&opening)
        });
        if found.is_ok() {
            seen = true;
            break;
        }
        session.send(DOWN);
    }
    assert!(seen, "{opening:?} never showed:\n{}", session.contents());
    // F7 puts the French text in its place, where the translation was; Alt-T goes on to
    // the Spanish translation, and F7 back to the English.
    let french: String = first
        .description
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    session.send(F7);
    session.wait_for_text(&french);
    let spanish: String = first
        .texts(localaction::catalogue::TextLanguage::from_code("es").unwrap())
        .description
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    session.send(ALT_T);
    session.wait_for_text(&spanish);
    session.send(F7);
    session.wait_for_text(&opening);

    // Mark it, follow the joint commitment, mark that one too.
    session.send(" ");
    session.wait_for_text("★ 1 marked");
    session.wait_for_text(&format!("┌★ {}", first.id));
    session.send(ALT_P);
    session.wait_for_text(&format!("┌{}", partner.id));
    session.wait_for_text(&format!("Joint commitment: → {}", first.id));
    session.send(" ");
    session.wait_for_text("★ 2 marked");

    // Export the shortlist.
    let target = directory.path().join("picked.md");
    session.send(CTRL_S);
    session.wait_for_text("> shortlist.md");
    session.send(CTRL_W);
    session.wait_for("the path cleared", |screen| {
        !screen.contents().contains("shortlist.md")
    });
    session.send(target.to_str().unwrap());
    session.wait_for_text(&format!("> {}", target.display()));
    session.send(ENTER);
    // The last question names the file; nothing is written before it is answered.
    session.wait_for_text("Write the shortlist to");
    assert!(!target.exists(), "written before the answer");
    session.send(ENTER);
    session.wait_for_text("Exported 2 actions");
    let written = std::fs::read_to_string(&target).expect("the export was written");
    let lines: Vec<&str> = written.lines().collect();
    assert!(lines[0].starts_with("| ID | Year |"), "{written}");
    assert!(
        lines[2].starts_with(&format!("| `{}` |", first.id)),
        "{written}"
    );
    assert!(
        lines[3].starts_with(&format!("| `{}` |", partner.id)),
        "{written}"
    );
    assert_eq!(lines[4], "", "{written}");

    // One cell, and back.
    session.resize(1, 1);
    session.wait_for("the one-cell notice", |screen| {
        screen.contents().trim() == "…"
    });
    session.resize(ROWS, COLUMNS);
    session.wait_for_text("2 of 77 actions");
    session.wait_for_text(&format!("┌★ {}", partner.id));
    session.wait_for_text("★ 2 marked");

    // A city's name typed in the detail searches for it: q goes back one step, the rest
    // starts a new search; nothing quits and the marks stay.
    session.send("quilmes");
    session.wait_for_text("› uilmes");
    session.wait_for_text("★ 2 marked");
    session.assert_running();
    // Ctrl-C quits: the marks were exported, so nothing is asked.
    session.send(CTRL_C);
    let status = session.wait_exit();
    assert!(status.success(), "{status:?}");
    session.assert_terminal_restored();
}

/// Issue 22: in the detail, with marks not exported, typing words and Enter (the worst
/// case: "quilmes", which used to quit at the q; "export", which used to open the export
/// dialog; "yes") quits nothing, writes nothing and keeps the marks.
#[test]
fn words_typed_in_the_detail_never_quit_or_write() {
    let directory = tempfile::tempdir().unwrap();
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.send("kampala");
    session.wait_for_text("2 of 77 actions");
    session.send(ENTER);
    session.wait_for_text("┌2023-");
    session.send(" ");
    session.wait_for_text("★ 1 marked");
    // Each word lands wherever the one before left the interface (a new search, an action
    // opened by Enter): every state is one where a person may type.
    for word in ["quilmes", "export", "yes", "montreal", "save", "exit", "q"] {
        session.send(word);
        session.send(ENTER);
    }
    // Ctrl-C asks, as the mark was never exported: every key before it was taken, and
    // none of them quit or wrote.
    session.send(CTRL_C);
    session.wait_for_text("Esc: stay");
    session.wait_for_text("★ 1 marked");
    session.assert_running();
    let written: Vec<_> = std::fs::read_dir(directory.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(written.is_empty(), "{written:?}");
    session.send(CTRL_C);
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

#[test]
fn ctrl_c_quits_from_the_search_line() {
    let directory = tempfile::tempdir().unwrap();
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.send("q");
    // On the search line q types.
    session.wait_for_text("› q");
    session.send(CTRL_C);
    let status = session.wait_exit();
    assert!(status.success(), "{status:?}");
    session.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let directory = tempfile::tempdir().unwrap();
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.wait_for("the alternate screen", |screen| screen.alternate_screen());
    assert!(!session.raw_contains(LEAVE_ALTERNATE_SCREEN));
    let pid = session.child.process_id().expect("a process id");
    let pid = libc::pid_t::try_from(pid).expect("a pid");
    // SAFETY: kill(2) with a process id this test started and still owns.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = session.wait_exit();
    // The handler stopped the loop and restored the terminal (killed outright by the
    // signal, the program would not have), then exited as a shell reports SIGTERM.
    assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
    session.assert_terminal_restored();
}

#[test]
fn sighup_ends_the_program_and_restores_the_terminal() {
    let directory = tempfile::tempdir().unwrap();
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    let pid = session.child.process_id().expect("a process id");
    let pid = libc::pid_t::try_from(pid).expect("a pid");
    // SAFETY: kill(2) with a process id this test started and still owns.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGHUP) }, 0);
    let status = session.wait_exit();
    assert_eq!(status.exit_code(), 128 + 1, "{status:?}");
    session.assert_terminal_restored();
}

/// Issue 13 #11: SIGQUIT, SIGUSR1 and SIGALRM left raw mode, the alternate screen and
/// mouse reporting on. Every signal that ends the program restores the terminal first, and
/// the exit status is 128 + the signal.
#[test]
fn every_ending_signal_restores_the_terminal() {
    for signal in [libc::SIGQUIT, libc::SIGUSR1, libc::SIGALRM, libc::SIGINT] {
        let directory = tempfile::tempdir().unwrap();
        let mut session = Session::start(directory.path());
        session.wait_for_text("77 of 77 actions");
        session.wait_for("the alternate screen", |screen| screen.alternate_screen());
        let pid = session.child.process_id().expect("a process id");
        let pid = libc::pid_t::try_from(pid).expect("a pid");
        // SAFETY: kill(2) with a process id this test started and still owns.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let status = session.wait_exit();
        assert_eq!(status.exit_code(), 128 + signal as u32, "signal {signal}");
        session.assert_terminal_restored();
    }
}

/// A terminal that cannot draw (`TERM=dumb`: Emacs shells, some CI consoles) was sent the
/// full-screen interface anyway; it is told how to script instead, and nothing is drawn.
#[test]
fn a_dumb_terminal_is_told_to_use_a_command() {
    let directory = tempfile::tempdir().unwrap();
    let mut session = Session::start_with_term(directory.path(), "dumb");
    let status = session.wait_exit();
    assert_eq!(status.exit_code(), 2);
    assert!(
        !session.raw_contains(b"\x1b[?1049h"),
        "the alternate screen was entered"
    );
    let text = String::from_utf8_lossy(&session.raw.lock().unwrap()).into_owned();
    assert!(text.contains("TERM=dumb"), "{text}");
    assert!(text.contains("localaction list --format json"), "{text}");
}

/// Issue 13 #4, end to end: a word with accents pasted while the results have the focus
/// lands whole in the query (bracketed paste), as a new search (issue 22), and the
/// terminal's paste mode is restored.
#[test]
fn a_paste_in_the_results_reaches_the_query() {
    let directory = tempfile::tempdir().unwrap();
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.send("clim");
    session.wait_for_text("› clim");
    session.send("\x1b[B");
    session.send("\x1b[200~ santé\x1b[201~");
    session.wait_for_text("› santé");
    session.send(CTRL_C);
    assert!(session.wait_exit().success());
    assert!(
        session.raw_contains(b"\x1b[?2004h"),
        "bracketed paste enabled"
    );
    assert!(
        session.raw_contains(b"\x1b[?2004l"),
        "bracketed paste restored"
    );
    session.assert_terminal_restored();
}

/// The id of the first hit for `text`, as the interface ranks it on start (no filters).
fn first_hit(engine: &Engine<'static>, text: &str) -> &'static str {
    let hits = engine
        .search(&Request {
            text: text.to_owned(),
            filters: Filters::new(),
            limit: None,
            mode: Default::default(),
            synonyms: true,
        })
        .hits;
    engine.catalogue().id_at(hits[0].position)
}

/// The program itself, run as a command (`show`, `search`): its standard output.
fn run_command(args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_localaction"))
        .args(args)
        .env_clear()
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Standard base64 (RFC 4648, with padding), written here apart from the program's own.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::new();
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (index, &byte)| {
                group | u32::from(byte) << (16 - 8 * index)
            });
        for index in 0..4 {
            encoded.push(if index <= chunk.len() {
                char::from(ALPHABET[(group >> (18 - 6 * index) & 63) as usize])
            } else {
                '='
            });
        }
    }
    encoded
}

/// Issue 13: `q` over the help closes it and nothing else; the program goes on (the query
/// and the list are there, keys still act), and quits only on `q` from a pane where it is a
/// command.
#[test]
fn q_over_the_help_closes_it_and_the_program_goes_on() {
    let directory = tempfile::tempdir().unwrap();
    let engine = engine();
    let first = first_hit(&engine, "kampala");
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.send("kampala");
    session.wait_for_text("2 of 77 actions");
    session.send(DOWN);
    session.wait_for_text("Enter open");

    // `?` from the results opens the help; `q` closes it.
    session.send("?");
    session.wait_for_text(HELP_SHOWN);
    session.send("q");
    session.wait_for("the help closed on the results", |screen| {
        let text = screen.contents();
        !text.contains(HELP_SHOWN) && text.contains("› kampala") && text.contains("Enter open")
    });
    session.assert_running();
    // A further key still acts: Enter opens the selected action.
    session.send(ENTER);
    session.wait_for_text(&format!("┌{first}"));
    session.assert_running();

    // F1 over the detail, then `q`: the help closes, the detail stays.
    session.send(F1);
    session.wait_for_text(HELP_SHOWN);
    session.send("q");
    session.wait_for("the help closed on the detail", |screen| {
        let text = screen.contents();
        !text.contains(HELP_SHOWN) && text.contains(&format!("┌{first}"))
    });
    session.assert_running();

    // Now `q`, from the detail, goes back to the list, and the program goes on.
    session.send("q");
    session.wait_for("the detail closed", |screen| {
        !screen.contents().contains(&format!("┌{first}"))
    });
    session.assert_running();
    session.send(CTRL_C);
    let status = session.wait_exit();
    assert!(status.success(), "{status:?}");
    session.assert_terminal_restored();
}

/// Issue 13: at 80×24, End in the detail shows its last line (the last editor's note, which
/// follows the description) and the title says 100%; PageDown past it changes nothing (no
/// blank pane), and one PageUp comes back up at once.
#[test]
fn end_in_the_detail_shows_its_last_line() {
    const ID: &str = "2023-amman-climate-academy";
    let (rows, cols) = (24, 80);
    let directory = tempfile::tempdir().unwrap();
    let engine = engine();
    assert_eq!(first_hit(&engine, "amman climate academy"), ID);
    let action = engine.catalogue().action(ID).expect("the action");
    let last_note: String = action
        .editor_notes
        .last()
        .expect("editor notes")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let detail = localaction::tui::layout::Layout::compute(
        ratatui::layout::Rect::new(0, 0, cols, rows),
        localaction::tui::app::View::Browse,
        true,
        localaction::tui::app::Pane::Detail,
    )
    .detail
    .expect("a detail pane at 80×24");
    // The text inside the pane's borders, its rows joined as one line of words.
    let pane_text = move |screen: &vt100::Screen| -> String {
        screen
            .rows(detail.x + 1, detail.width - 2)
            .skip(usize::from(detail.y + 1))
            .take(usize::from(detail.height - 2))
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };

    let mut session = Session::start_sized(directory.path(), rows, cols);
    session.wait_for_text("77 of 77 actions");
    session.send("amman climate academy");
    session.wait_for_text("› amman climate academy");
    session.send(ENTER);
    // Opened at its top: the text runs on.
    session.wait_for_text(&format!("┌{ID} ("));
    assert!(
        !session.contents().contains("(100%)"),
        "{}",
        session.contents()
    );
    assert!(!pane_text(session.parser.lock().unwrap().screen()).ends_with(&last_note));

    session.send(END);
    session.wait_for_text(&format!("┌{ID} (100%)"));
    session.wait_for("the last note at the pane's foot", |screen| {
        pane_text(screen).ends_with(&last_note)
    });
    let at_the_end = session.contents();

    // PageDown past the end: then Alt-Y (which only writes the status line) shows, once
    // its message is there, that every PageDown before it was drawn.
    session.send(&PAGE_DOWN.repeat(12));
    session.send(ALT_Y);
    session.wait_for_text(&format!("Copied {ID} (F9"));
    let after = session.contents();
    let without_status = |text: &str| -> String {
        text.lines()
            .take(usize::from(rows) - 1)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_status(&after), without_status(&at_the_end));

    // Scrolling was held at the end: one PageUp leaves it.
    session.send(PAGE_UP);
    session.wait_for("a page up from the end", |screen| {
        let text = screen.contents();
        text.contains(&format!("┌{ID} (")) && !text.contains("(100%)")
    });
    session.send(CTRL_C);
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// Issue 13 #4: a word with an accent pasted while the results have the focus, into an
/// empty query, lands whole and narrows the list: "santé" is in the French texts of 15
/// actions, and the thesaurus' health terms (health care, salud…) in a few more.
#[test]
fn an_accented_paste_in_the_results_narrows_the_list() {
    let directory = tempfile::tempdir().unwrap();
    let engine = engine();
    let count = |synonyms: bool| {
        engine
            .search(&Request {
                text: "santé".to_owned(),
                filters: Filters::new(),
                limit: None,
                mode: Default::default(),
                synonyms,
            })
            .total
    };
    assert_eq!(count(false), 15);
    // The list also holds the actions the thesaurus' health terms find.
    let expected = count(true);
    assert!(expected > 15);
    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.send(DOWN);
    session.wait_for_text("Enter open");
    session.send("\x1b[200~santé\x1b[201~");
    session.wait_for_text("› santé");
    session.wait_for_text(&format!("{expected} of 77 actions"));
    // Nothing was marked on the way: no character ran as a command.
    assert!(
        session.contents().contains("★ 0 marked"),
        "{}",
        session.contents()
    );
    session.send(CTRL_C);
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// Issue 13: Alt-Y in the detail puts the action's id on the clipboard through the
/// terminal (OSC 52), Alt-Shift-Y its citation: the very line `show ID --format citation`
/// prints.
#[test]
fn alt_y_and_alt_shift_y_copy_the_id_and_the_citation_with_osc_52() {
    let directory = tempfile::tempdir().unwrap();
    let engine = engine();
    let id = first_hit(&engine, "kampala");
    let citation = run_command(&["show", id, "--format", "citation", "--lang", "en"]);
    let citation = citation.strip_suffix('\n').expect("a line");
    let osc_52 = |text: &str| format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    assert_eq!(base64(b"fooba"), "Zm9vYmE=", "RFC 4648's vector");

    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.send("kampala");
    session.wait_for_text("2 of 77 actions");
    session.send(ENTER);
    session.wait_for_text(&format!("┌{id}"));
    assert!(!session.raw_contains(b"\x1b]52;"), "copied before asked");

    session.send(ALT_Y);
    session.wait_for_raw("the id", osc_52(id).as_bytes());
    session.wait_for_text(&format!("Copied {id} (F9"));

    session.send(ALT_SHIFT_Y);
    session.wait_for_raw("the citation", osc_52(citation).as_bytes());
    session.wait_for_text("Copied the citation (F9");

    session.send(CTRL_C);
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// Issue 13: Alt-A marks every result, so Ctrl-S exports the current results: the file
/// holds the very actions `search` lists for the same query, in its order.
#[test]
fn alt_a_then_ctrl_s_exports_the_current_results() {
    let directory = tempfile::tempdir().unwrap();
    let listed = run_command(&["search", "climat", "--format", "json"]);
    let listed: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&listed)
        .expect("JSON")
        .iter()
        .map(|hit| hit["id"].as_str().expect("an id").to_owned())
        .collect();
    assert_eq!(listed.len(), 11);

    let mut session = Session::start(directory.path());
    session.wait_for_text("77 of 77 actions");
    session.send("climat");
    session.wait_for_text("11 of 77 actions");
    session.send(ALT_A);
    session.wait_for_text("★ 11 marked");
    session.send(CTRL_S);
    session.wait_for_text("> shortlist.md");
    session.send(ENTER);
    session.wait_for_text("Write the shortlist to");
    session.send(ENTER);
    session.wait_for_text("Exported 11 actions");

    let written =
        std::fs::read_to_string(directory.path().join("shortlist.md")).expect("the export");
    // The table's rows, up to the blank line after it: "| `id` | …".
    let exported: Vec<&str> = written
        .lines()
        .skip(2)
        .take_while(|line| !line.is_empty())
        .map(|line| {
            line.strip_prefix("| `")
                .and_then(|rest| rest.split_once('`'))
                .map(|(id, _)| id)
                .unwrap_or_else(|| panic!("not a row: {line:?}\n{written}"))
        })
        .collect();
    assert_eq!(exported, listed, "{written}");
    session.send(CTRL_C);
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// A palette asked for by name keeps its colours where NO_COLOR is set (crossterm would drop
/// them, and the filter cursor with them); NO_COLOR alone gives the monochrome palette,
/// whose selection is reversed video.
#[test]
fn a_palette_asked_for_by_name_beats_no_color() {
    let directory = tempfile::tempdir().unwrap();
    let mut session = Session::start_configured(
        directory.path(),
        "xterm-256color",
        ROWS,
        COLUMNS,
        &["--palette", "high-contrast"],
        &[("NO_COLOR", "1")],
    );
    session.wait_for_text("77 of 77 actions");
    // High contrast's selected row: black (16) on yellow (226).
    session.wait_for_raw("the yellow selection", b"48;5;226");
    session.send("\x03");
    assert!(session.wait_exit().success());

    let mut session = Session::start_configured(
        directory.path(),
        "xterm-256color",
        ROWS,
        COLUMNS,
        &[],
        &[("NO_COLOR", "1")],
    );
    session.wait_for_text("77 of 77 actions");
    session.send("\x03");
    assert!(session.wait_exit().success());
    assert!(
        !session.raw_contains(b"38;5;"),
        "NO_COLOR alone draws no colour"
    );
}
