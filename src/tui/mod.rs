//! The interactive browser: terminal set-up and restoration, the event loop, and the parts
//! (state, keys, layout, drawing). The terminal is restored on every way out: quit, error,
//! panic, and every signal that would end the program (which then exits 128 + the signal's
//! number, as a shell reports it).

pub mod app;
pub mod export;
pub mod keys;
pub mod layout;
pub mod markers;
pub mod palette;
pub mod view;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::engine::Engine;
use crate::i18n::Lang;
use app::{Action, App};
use palette::Palette;

/// Puts the terminal back as it was. Safe to call more than once.
fn restore_terminal() {
    let _ = disable_raw_mode();
    // One at a time: `execute!` stops at the first command that fails, and each of these
    // must still be tried.
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture);
    let _ = execute!(stdout, DisableBracketedPaste);
    let _ = execute!(stdout, LeaveAlternateScreen);
    let _ = execute!(stdout, cursor::Show);
    let _ = stdout.flush();
}

/// Restores the terminal when dropped, whatever the way out.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Ends the program from a thread of its own on every signal that would end it: when the
/// terminal hangs up, the main thread may be blocked reading it (crossterm spins on a
/// closed terminal), so it cannot be the one to notice. The main loop is told through
/// `stop` and given a moment to leave cleanly.
#[cfg(unix)]
fn watch_signals(stop: Arc<AtomicI32>, performing: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{
        SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
        SIGXFSZ,
    };
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(signal, Ordering::Relaxed);
            // Leave regardless after a moment, unless an export is being written: that is
            // waited for, up to ten seconds.
            std::thread::sleep(Duration::from_millis(300));
            for _ in 0..500 {
                if !performing.load(Ordering::Acquire) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            restore_terminal();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// On Windows no handler is registered: in raw mode a console delivers Ctrl-C as a key,
/// which quits, and closing the console ends the process (a C handler for SIGINT crashed
/// under Wine).
#[cfg(not(unix))]
fn watch_signals(_stop: Arc<AtomicI32>, _performing: Arc<AtomicBool>) -> io::Result<()> {
    Ok(())
}

/// Runs the interface until the person quits or a signal asks to stop.
pub fn run(engine: &Engine<'_>, lang: Lang, palette: Palette) -> anyhow::Result<()> {
    // The signal that asked to stop, or 0.
    let stop = Arc::new(AtomicI32::new(0));
    // Set while an effect runs (an export being written): a signal then waits for it, so
    // that a file is never left half-written or its temporary copy behind.
    let performing = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop), Arc::clone(&performing))?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous_hook(info);
    }));

    enable_raw_mode()?;
    let _guard = TerminalGuard;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    // Pasted text arrives whole (bracketed paste), not as keys that would run commands,
    // where the terminal can say so. A legacy Windows console cannot (crossterm refuses
    // there): the interface still starts, and a paste arrives as keys.
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(engine, lang, (size.width, size.height));
    let stopped_by = || stop.load(Ordering::Relaxed);
    let ran = (|| -> anyhow::Result<()> {
        let mut layout;
        // A signal is noticed before the next frame: after a hang-up, drawing would fail.
        while !app.quit && stopped_by() == 0 {
            let mut drawn = view::Drawn::default();
            terminal.draw(|frame| drawn = view::draw(frame, &app, palette))?;
            layout = drawn.layout;
            let find_moved = drawn.find_rows.as_ref().is_some_and(|rows| {
                app.detail_find
                    .as_ref()
                    .is_some_and(|find| find.jump || find.rows != *rows)
            });
            if drawn
                .detail_scroll_limit
                .is_some_and(|limit| limit != app.detail_scroll_limit)
                || drawn
                    .about_scroll_limit
                    .is_some_and(|limit| limit != app.about_scroll_limit)
                || drawn
                    .help_scroll_limit
                    .is_some_and(|limit| limit != app.help_scroll_limit)
                || find_moved
            {
                let scrolled = app.detail_scroll;
                app.update(Action::Drawn {
                    detail_scroll_limit: drawn.detail_scroll_limit,
                    about_scroll_limit: drawn.about_scroll_limit,
                    help_scroll_limit: drawn.help_scroll_limit,
                    find_rows: drawn.find_rows,
                });
                // The search scrolled to its match: show it now, not at the next key.
                if app.detail_scroll != scrolled {
                    continue;
                }
            }
            // Wait for input, waking up now and then to notice signals, without drawing:
            // an idle screen costs nothing, however long the query or the text shown.
            let mut input = false;
            while !input && stopped_by() == 0 {
                input = event::poll(Duration::from_millis(200))?;
            }
            if !input {
                continue;
            }
            // Apply every pending event before drawing again, so fast typing never lags;
            // a bounded batch, so a flood of input still lets the screen and signals through.
            app.in_batch = true;
            for _ in 0..256 {
                let event = event::read()?;
                if let Some(action) = keys::action_for(&event, &app, &layout) {
                    let mut effect = app.update(action);
                    while let Some(asked) = effect {
                        performing.store(true, Ordering::Release);
                        let answer =
                            export::perform(&asked, engine.catalogue(), terminal.backend_mut());
                        performing.store(false, Ordering::Release);
                        effect = app.update(answer);
                    }
                    // A click later in this batch lands where the next frame puts things.
                    let screen = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
                    layout = layout::Layout::new(screen, &app);
                }
                if app.quit || stopped_by() != 0 || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            app.in_batch = false;
            app.end_batch();
        }
        Ok(())
    })();
    // Asked to stop by a signal, the program says so by its exit status, whatever failed
    // on the way (a hung-up terminal cannot be read).
    let signal = stopped_by();
    if signal != 0 {
        drop(terminal);
        restore_terminal();
        std::process::exit(128 + signal);
    }
    ran
}
