//! Turns terminal events into actions. Keys users of fzf, less and vim expect work where
//! they do not clash with typing: on the search line every printable key types.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{Action, App, Dialog, Pane, View};

/// The action an event asks for, if any.
pub fn action_for(event: &Event, app: &App<'_, '_>) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(*key, app),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(_) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: mouse.column,
                row: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Paste(text) => text.chars().next().map(Action::Insert),
        _ => None,
    }
}

fn key_action(key: KeyEvent, app: &App<'_, '_>) -> Option<Action> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    // Keys that mean the same everywhere.
    match key.code {
        KeyCode::Char('c') if control => return Some(Action::Quit),
        KeyCode::F(1) => return Some(Action::ToggleHelp),
        KeyCode::F(2) => return Some(Action::Show(View::Stats)),
        KeyCode::F(3) => return Some(Action::Show(View::Map)),
        KeyCode::F(4) => return Some(Action::Show(View::Shortlist)),
        KeyCode::F(6) => return Some(Action::ToggleMatchMode),
        KeyCode::F(7) => return Some(Action::ToggleText),
        KeyCode::Esc => return Some(Action::Back),
        KeyCode::Enter => return Some(Action::Open),
        KeyCode::Tab => return Some(Action::FocusNext),
        KeyCode::BackTab => return Some(Action::FocusPrevious),
        KeyCode::Up => return Some(Action::Up),
        KeyCode::Down => return Some(Action::Down),
        KeyCode::PageUp => return Some(Action::PageUp),
        KeyCode::PageDown => return Some(Action::PageDown),
        _ => {}
    }
    let typing = app.dialog.is_some() || (app.focus == Pane::Search && app.view == View::Browse);
    if typing {
        if let Some(Dialog::ConfirmOverwrite { .. }) = app.dialog {
            return match key.code {
                KeyCode::Char('y' | 'Y' | 'o' | 'O') => Some(Action::Answer(true)),
                KeyCode::Char('n' | 'N') => Some(Action::Answer(false)),
                _ => None,
            };
        }
        return match key.code {
            KeyCode::Char('w' | 'u') if control => Some(Action::DeleteWord),
            KeyCode::Char('a') if control => Some(Action::CursorStart),
            KeyCode::Char('e') if control => Some(Action::CursorEnd),
            KeyCode::Char('n') if control => Some(Action::Down),
            KeyCode::Char('p') if control => Some(Action::Up),
            KeyCode::Char(c) if !control => Some(Action::Insert(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Left => Some(Action::CursorLeft),
            KeyCode::Right => Some(Action::CursorRight),
            KeyCode::Home => Some(Action::CursorStart),
            KeyCode::End => Some(Action::CursorEnd),
            _ => None,
        };
    }
    match key.code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('/') => Some(Action::FocusSearch),
        KeyCode::Char('j') => Some(Action::Down),
        KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Char('d') if control => Some(Action::PageDown),
        KeyCode::Char('u') if control => Some(Action::PageUp),
        KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
        KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
        KeyCode::Char(' ') => Some(Action::ToggleMark),
        KeyCode::Char('p') => Some(Action::FollowPartner),
        // Only where the detail has focus: in the results, letters go to the query.
        KeyCode::Char('t') if app.focus == Pane::Detail && app.view == View::Browse => {
            Some(Action::ToggleText)
        }
        KeyCode::Char('c') => Some(Action::ClearAllFilters),
        KeyCode::Char('s') => Some(Action::Show(View::Stats)),
        KeyCode::Char('m') => Some(Action::Show(View::Map)),
        KeyCode::Char('l') => Some(Action::Show(View::Shortlist)),
        KeyCode::Char('e') => Some(Action::StartExport),
        KeyCode::Delete | KeyCode::Backspace => Some(Action::ClearFilter),
        KeyCode::Char(c) if !control && c.is_alphanumeric() => Some(Action::Insert(c)),
        _ => None,
    }
}
