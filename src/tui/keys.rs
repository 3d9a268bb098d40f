//! The key table, and turning terminal events into actions. One table says every key: the
//! event loop reads it to act, the help overlay and the status line's hints are written
//! from it, and so is the README's table of keys (a test keeps them in step). Keys users of
//! fzf, less and vim expect work where they do not clash with typing: on the search line
//! every printable key types. Clicks are placed with the layout the drawing used.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position as Cell, Rect};

use super::app::{Action, App, Copied, Dialog, Pane, View};
use super::layout::Layout;
use crate::i18n::{KeyText, KeyTexts, Lang};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Over the help, before everything but Ctrl-C (as in less and man).
    Help,
    /// Everywhere, dialogs and the search line included.
    Everywhere,
    /// In the yes/no question of a dialog (replace a file?).
    Question,
    /// In the question asked before quitting with marked actions.
    Quitting,
    /// Where text is typed: the search line and the export path.
    Typing,
    /// The results list: a character typed there goes to the search line (fzf's habit), so
    /// only Space (mark) of the letters is a command there; the others are on keys that
    /// cannot be text (arrows, Home/End, Ctrl, F-keys).
    Results,
    /// The map, before `Commands`: its arrows and h/l move between markers (l is the
    /// shortlist elsewhere; F4 still is).
    Map,
    /// Everywhere else: the filters, the detail, the views. A letter or digit here starts a
    /// new search (only `q`, back, is a letter command), so that typing a word never quits,
    /// exports or writes; the other commands are on keys that are never text.
    Commands,
    /// Commands while the detail has the focus.
    Detail,
    /// The filter panel: a letter or digit typed there jumps to a value (as in list
    /// boxes), so only the other keys of `Commands` apply there.
    Filters,
}

/// A key as bindings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key that is not a character (F-keys, arrows, Enter…), without Control or Alt.
    Code(KeyCode),
    /// Such a key with Control (Ctrl-←).
    ControlCode(KeyCode),
    /// A character typed without Control or Alt (Shift is part of the character).
    Char(char),
    /// A character with Control.
    Control(char),
    /// A character with Alt (Meta).
    Alt(char),
    /// Any character typed without Control or Alt: typed into the text.
    AnyChar,
    /// Any letter or digit typed without Control or Alt: typed into the search line.
    AnyAlphanumeric,
}

/// One key in one context, and the action it asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
}

/// Where the status line hints a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintPlace {
    Search,
    Filters,
    Results,
    Detail,
    /// The statistics, where a value is chosen.
    Stats,
    /// The map, where the arrows go from place to place.
    Map,
    /// The shortlist.
    View,
    /// A dialog where text is typed (the export path).
    Dialog,
    /// A yes/no question.
    Question,
    /// The last question before an export is written.
    Confirm,
    /// The question asked before quitting.
    Quitting,
    /// The help, over whatever screen it was opened on.
    Help,
}

/// One row of the key table: its words in each language (what help shows, and the hints),
/// the places its hints show, and its bindings.
pub struct Entry {
    /// Its keys, meaning and hints in a language's table.
    pub text: fn(&'static KeyTexts) -> &'static KeyText,
    /// Where the status line hints it: one place for each of its text's hints, in order.
    pub hints: &'static [HintPlace],
    pub bindings: &'static [Binding],
}

impl Entry {
    /// The keys as shown in `lang`.
    pub fn keys(&self, lang: Lang) -> &'static str {
        (self.text)(&lang.strings().keys).keys
    }

    /// What the keys do, in `lang`.
    pub fn meaning(&self, lang: Lang) -> &'static str {
        (self.text)(&lang.strings().keys).meaning
    }

    /// Its hints in `lang`, each with the place it shows.
    fn hints(&self, lang: Lang) -> impl Iterator<Item = (HintPlace, &'static str)> {
        self.hints
            .iter()
            .copied()
            .zip((self.text)(&lang.strings().keys).hints.iter().copied())
    }
}

/// The action of `AnyChar` and `AnyAlphanumeric`: the typed character is inserted.
const TYPED: Action = Action::Insert('\0');

const fn bind(context: Context, key: Key, action: Action) -> Binding {
    Binding {
        context,
        key,
        action,
    }
}

use Context::{
    Commands, Detail, Everywhere, Filters, Help, Map, Question, Quitting, Results, Typing,
};
use HintPlace as At;
use Key::{Alt, AnyAlphanumeric, AnyChar, Char, Code, Control, ControlCode};

/// Every key of the interface, in the order help lists them and hints show them.
pub const KEYS: &[Entry] = &[
    Entry {
        text: |keys| &keys.typing,
        hints: &[At::Search],
        // Line editing as in readline: Ctrl-U to the start, Ctrl-K to the end, Ctrl-W and
        // Alt-Backspace a word back, Alt-D a word on, Alt-B/F and Ctrl-←/→ by word.
        bindings: &[
            bind(Typing, Control('w'), Action::DeleteWord),
            bind(Typing, Alt('\u{7f}'), Action::DeleteWord),
            bind(Typing, Control('u'), Action::DeleteToStart),
            bind(Typing, Control('k'), Action::DeleteToEnd),
            bind(Typing, Alt('d'), Action::DeleteWordForward),
            bind(Typing, Control('a'), Action::CursorStart),
            bind(Typing, Control('e'), Action::CursorEnd),
            bind(Typing, Control('b'), Action::CursorLeft),
            bind(Typing, Control('f'), Action::CursorRight),
            bind(Typing, Alt('b'), Action::WordLeft),
            bind(Typing, Alt('f'), Action::WordRight),
            bind(Typing, ControlCode(KeyCode::Left), Action::WordLeft),
            bind(Typing, ControlCode(KeyCode::Right), Action::WordRight),
            bind(Typing, ControlCode(KeyCode::Backspace), Action::DeleteWord),
            bind(Typing, Code(KeyCode::Backspace), Action::Backspace),
            bind(Typing, Code(KeyCode::Delete), Action::DeleteForward),
            bind(Typing, Code(KeyCode::Left), Action::CursorLeft),
            bind(Typing, Code(KeyCode::Right), Action::CursorRight),
            bind(Typing, Code(KeyCode::Home), Action::CursorStart),
            bind(Typing, Code(KeyCode::End), Action::CursorEnd),
            bind(Typing, AnyChar, TYPED),
            bind(Results, Code(KeyCode::Backspace), Action::Backspace),
            bind(Results, Code(KeyCode::Home), Action::Top),
            bind(Results, Code(KeyCode::End), Action::Bottom),
            bind(Results, Control('d'), Action::PageDown),
            // Ctrl-U clears the query from the list too, as readline does on the line
            // (PgUp pages up).
            bind(Results, Control('u'), Action::DeleteToStart),
            bind(Results, AnyChar, TYPED),
            // In the filters a letter or digit jumps to a value; elsewhere (the detail, the
            // views) it starts a new search.
            bind(Filters, AnyAlphanumeric, TYPED),
            bind(Filters, Code(KeyCode::Backspace), Action::Backspace),
            bind(Commands, AnyAlphanumeric, TYPED),
        ],
    },
    Entry {
        text: |keys| &keys.moving,
        hints: &[At::Search, At::Filters, At::Results, At::Detail, At::Stats],
        bindings: &[
            bind(Everywhere, Code(KeyCode::Up), Action::Up),
            bind(Everywhere, Code(KeyCode::Down), Action::Down),
            bind(Everywhere, Code(KeyCode::PageUp), Action::PageUp),
            bind(Everywhere, Code(KeyCode::PageDown), Action::PageDown),
            bind(Typing, Control('n'), Action::Down),
            bind(Typing, Control('p'), Action::Up),
            bind(Commands, Control('d'), Action::PageDown),
            bind(Commands, Control('u'), Action::PageUp),
            bind(Commands, Code(KeyCode::Home), Action::Top),
            bind(Commands, Code(KeyCode::End), Action::Bottom),
        ],
    },
    Entry {
        text: |keys| &keys.map_arrows,
        hints: &[At::Map],
        bindings: &[
            bind(Map, Code(KeyCode::Left), Action::Left),
            bind(Map, Code(KeyCode::Right), Action::Right),
        ],
    },
    Entry {
        text: |keys| &keys.open,
        hints: &[At::Results, At::Stats, At::Map, At::Dialog, At::Confirm],
        bindings: &[bind(Everywhere, Code(KeyCode::Enter), Action::Open)],
    },
    Entry {
        text: |keys| &keys.partner,
        hints: &[At::Detail],
        bindings: &[
            bind(Detail, Alt('p'), Action::FollowPartner),
            bind(Detail, Alt('P'), Action::FollowPartner),
        ],
    },
    Entry {
        text: |keys| &keys.mark,
        hints: &[At::Filters, At::Results, At::Detail],
        bindings: &[
            bind(Results, Char(' '), Action::ToggleMark),
            bind(Commands, Char(' '), Action::ToggleMark),
            bind(Everywhere, Alt('a'), Action::MarkAll),
            bind(Everywhere, Alt('A'), Action::MarkAll),
        ],
    },
    Entry {
        text: |keys| &keys.clear_filter,
        hints: &[At::Filters, At::Filters],
        bindings: &[
            bind(Commands, Code(KeyCode::Delete), Action::ClearFilter),
            bind(Commands, Code(KeyCode::Backspace), Action::ClearFilter),
        ],
    },
    Entry {
        text: |keys| &keys.panes,
        hints: &[At::Search, At::Filters, At::Results],
        bindings: &[
            bind(Everywhere, Code(KeyCode::Tab), Action::FocusNext),
            bind(Everywhere, Code(KeyCode::BackTab), Action::FocusPrevious),
        ],
    },
    Entry {
        text: |keys| &keys.find,
        // The detail's hints are full at 80 columns; the help lists `/` there.
        hints: &[At::Filters],
        bindings: &[
            // In the detail, as in less: `/` finds in the text, n and N go from match to
            // match (without a search, they are letters for the search line).
            bind(Detail, Char('/'), Action::StartFind),
            bind(Detail, Char('n'), Action::FindNext),
            bind(Detail, Char('N'), Action::FindPrevious),
            bind(Commands, Char('/'), Action::Focus(Pane::Search)),
            // Rarely searched for, so a command in the results too, as help promises.
            bind(Results, Char('/'), Action::Focus(Pane::Search)),
        ],
    },
    Entry {
        text: |keys| &keys.back,
        hints: &[
            At::Detail,
            At::Stats,
            At::Map,
            At::View,
            At::Dialog,
            At::Confirm,
        ],
        bindings: &[
            bind(Everywhere, Code(KeyCode::Esc), Action::Back),
            // As in less and lazygit: q leaves the view, never the program.
            bind(Commands, Char('q'), Action::Back),
        ],
    },
    Entry {
        text: |keys| &keys.answer,
        hints: &[At::Question, At::Quitting],
        bindings: &[
            bind(Question, Char('y'), Action::Answer(true)),
            bind(Question, Char('Y'), Action::Answer(true)),
            bind(Question, Char('o'), Action::Answer(true)),
            bind(Question, Char('O'), Action::Answer(true)),
            bind(Question, Char('s'), Action::Answer(true)),
            bind(Question, Char('S'), Action::Answer(true)),
            bind(Question, Char('n'), Action::Answer(false)),
            bind(Question, Char('N'), Action::Answer(false)),
            // Asked before quitting, no letter answers: Enter exports, Esc stays, Ctrl-C
            // again quits. A word typed on after Ctrl-C must not lose the marks.
        ],
    },
    Entry {
        text: |keys| &keys.clear_filters,
        hints: &[],
        bindings: &[
            bind(Everywhere, Alt('c'), Action::ClearAllFilters),
            bind(Everywhere, Alt('C'), Action::ClearAllFilters),
            bind(Everywhere, Code(KeyCode::F(8)), Action::ToggleFilters),
        ],
    },
    Entry {
        text: |keys| &keys.text_language,
        hints: &[],
        bindings: &[
            bind(Everywhere, Code(KeyCode::F(7)), Action::ToggleText),
            bind(Everywhere, Alt('t'), Action::ToggleText),
            bind(Everywhere, Alt('T'), Action::ToggleText),
        ],
    },
    Entry {
        text: |keys| &keys.views,
        hints: &[At::View, At::View, At::View],
        bindings: &[
            // Alt and a letter, for keyboards whose F-keys need Fn.
            bind(Everywhere, Code(KeyCode::F(2)), Action::Show(View::Stats)),
            bind(Everywhere, Alt('s'), Action::Show(View::Stats)),
            bind(Everywhere, Code(KeyCode::F(3)), Action::Show(View::Map)),
            bind(Everywhere, Alt('m'), Action::Show(View::Map)),
            bind(
                Everywhere,
                Code(KeyCode::F(4)),
                Action::Show(View::Shortlist),
            ),
            bind(Everywhere, Alt('l'), Action::Show(View::Shortlist)),
        ],
    },
    Entry {
        text: |keys| &keys.about,
        // No hint: the help (F1) lists it, and the search line's hints are full at 80.
        hints: &[],
        bindings: &[
            bind(Everywhere, Code(KeyCode::F(9)), Action::Show(View::About)),
            bind(Everywhere, Alt('i'), Action::Show(View::About)),
        ],
    },
    Entry {
        text: |keys| &keys.strict,
        hints: &[],
        bindings: &[
            bind(Everywhere, Code(KeyCode::F(6)), Action::ToggleMatchMode),
            bind(Everywhere, Code(KeyCode::F(5)), Action::ToggleSynonyms),
            bind(Everywhere, Alt('w'), Action::ToggleSynonyms),
            bind(Everywhere, Alt('W'), Action::ToggleSynonyms),
        ],
    },
    Entry {
        text: |keys| &keys.export,
        hints: &[],
        bindings: &[bind(Everywhere, Control('s'), Action::StartExport)],
    },
    Entry {
        text: |keys| &keys.copy,
        // No hint: at 80 columns it would push out the detail's quit hint.
        hints: &[],
        bindings: &[
            bind(Everywhere, Alt('y'), Action::Copy(Copied::Id)),
            bind(Everywhere, Alt('Y'), Action::Copy(Copied::Citation)),
        ],
    },
    Entry {
        text: |keys| &keys.mouse,
        hints: &[],
        bindings: &[],
    },
    Entry {
        text: |keys| &keys.help,
        hints: &[
            At::Search,
            At::Results,
            At::Detail,
            At::Stats,
            At::Map,
            At::View,
            At::Help,
        ],
        bindings: &[
            bind(Everywhere, Code(KeyCode::F(1)), Action::ToggleHelp),
            bind(Commands, Char('?'), Action::ToggleHelp),
            bind(Results, Char('?'), Action::ToggleHelp),
            bind(Help, Char('?'), Action::ToggleHelp),
            bind(Help, Char('q'), Action::ToggleHelp),
            bind(Help, Code(KeyCode::Esc), Action::ToggleHelp),
            // Any other key closes it too (and does nothing else).
            bind(Help, AnyChar, TYPED),
        ],
    },
    Entry {
        text: |keys| &keys.quit,
        hints: &[
            At::Search,
            At::Filters,
            At::Results,
            At::Detail,
            At::Stats,
            At::Map,
            At::View,
            At::Help,
        ],
        bindings: &[bind(Everywhere, Control('c'), Action::Quit)],
    },
];

/// The status line's hints for `place`, in table order: those that can do something in
/// `app`'s state ("p partner" only for an action with a partner).
pub fn hints_now(place: HintPlace, app: &App<'_, '_>) -> Vec<&'static str> {
    let has_partner = app.detail_position().is_some_and(|position| {
        !app.engine
            .catalogue()
            .action_at(position)
            .partners
            .is_empty()
    });
    hints_where(place, app.lang, |entry| {
        has_partner
            || !entry
                .bindings
                .iter()
                .any(|binding| binding.action == Action::FollowPartner)
    })
}

fn hints_where(
    place: HintPlace,
    lang: Lang,
    applies: impl Fn(&Entry) -> bool,
) -> Vec<&'static str> {
    KEYS.iter()
        .filter(|entry| applies(entry))
        .flat_map(|entry| entry.hints(lang))
        .filter(|(at, _)| *at == place)
        .map(|(_, words)| words)
        .collect()
}

/// The README's table of keys (English), as Markdown rows.
pub fn readme_table() -> String {
    let mut table = String::from("| keys | what they do |\n|---|---|\n");
    for entry in KEYS {
        table.push_str(&format!(
            "| {} | {} |\n",
            entry.keys(Lang::EN),
            entry.meaning(Lang::EN).replace('|', "\\|")
        ));
    }
    table
}

/// The action an event asks for, if any; clicks and the wheel are placed with `layout`,
/// the screen's layout for the current state (the one the last frame was drawn with, unless
/// the state changed since).
pub fn action_for(event: &Event, app: &App<'_, '_>, layout: &Layout) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(*key, app),
        Event::Mouse(mouse) => mouse_action(mouse, app, layout),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// The contexts that apply now, most specific first after `Everywhere`.
fn contexts(app: &App<'_, '_>) -> Vec<Context> {
    if app.help {
        return vec![Help, Everywhere];
    }
    let mut contexts = vec![Everywhere];
    match &app.dialog {
        Some(Dialog::ConfirmOverwrite { .. }) => contexts.push(Question),
        Some(Dialog::ConfirmQuit) => contexts.push(Quitting),
        // Enter writes, Esc goes back to the name; nothing typed does anything.
        Some(Dialog::ConfirmWrite { .. }) => {}
        Some(Dialog::ExportPath { .. }) => contexts.push(Typing),
        None if app.detail_find.as_ref().is_some_and(|find| find.editing) => contexts.push(Typing),
        None if app.focus == Pane::Search && app.view == View::Browse => contexts.push(Typing),
        None if app.focus == Pane::Results && app.view == View::Browse => contexts.push(Results),
        None => {
            if app.focus == Pane::Detail && app.view == View::Browse {
                contexts.push(Detail);
            }
            if app.focus == Pane::Filters && app.view == View::Browse {
                contexts.push(Filters);
            }
            if app.view == View::Map {
                contexts.push(Map);
            }
            contexts.push(Commands);
        }
    }
    contexts
}

fn key_action(key: KeyEvent, app: &App<'_, '_>) -> Option<Action> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let plain = !control && !alt;
    // Alt-Backspace arrives as Backspace with Alt.
    let pressed_char = match key.code {
        KeyCode::Char(c) => Some(c),
        KeyCode::Backspace if alt => Some('\u{7f}'),
        _ => None,
    };
    let matches = |bound: Key| match (bound, key.code) {
        (Code(code), pressed) => plain && code == pressed,
        (ControlCode(code), pressed) => control && code == pressed,
        (Char(c), KeyCode::Char(pressed)) => plain && c == pressed,
        (Control(c), KeyCode::Char(pressed)) => control && c == pressed,
        (Alt(c), _) => alt && !control && pressed_char == Some(c),
        _ => false,
    };
    let typed = |bound: Key| match (bound, key.code) {
        (AnyChar, KeyCode::Char(c)) if plain => Some(c),
        (AnyAlphanumeric, KeyCode::Char(c)) if plain && c.is_alphanumeric() => Some(c),
        _ => None,
    };
    let bindings = || KEYS.iter().flat_map(|entry| entry.bindings);
    // With Control or Alt, a key named only plain still does what it does plain (Ctrl-End
    // is End), unless some context names the modified key itself.
    let loosely = |bound: Key| matches!(bound, Code(code) if code == key.code);
    // Context by context: a key named exactly wins over a typed character.
    for context in contexts(app) {
        if let Some(binding) = bindings()
            .filter(|binding| binding.context == context)
            .find(|binding| matches(binding.key))
        {
            return Some(binding.action.clone());
        }
        if let Some(c) = bindings()
            .filter(|binding| binding.context == context)
            .find_map(|binding| typed(binding.key))
        {
            return Some(Action::Insert(c));
        }
    }
    if plain {
        return None;
    }
    contexts(app).into_iter().find_map(|context| {
        bindings()
            .filter(|binding| binding.context == context)
            .find(|binding| loosely(binding.key))
            .map(|binding| binding.action.clone())
    })
}

/// A click or the wheel, placed on what the screen showed there.
fn mouse_action(mouse: &MouseEvent, app: &App<'_, '_>, layout: &Layout) -> Option<Action> {
    let cell = Cell {
        x: mouse.column,
        y: mouse.row,
    };
    let over = |area: Option<Rect>| area.filter(|area| area.contains(cell));
    // The row of a bordered list under the click, as the list scrolls to keep `cursor`
    // visible (the same computation as its drawing); on a border, past every row.
    let row_in = |area: Rect, cursor: usize| -> usize {
        let inside = mouse.row > area.y && mouse.row + 1 < area.bottom();
        if !inside {
            return usize::MAX;
        }
        let visible = usize::from(area.height.saturating_sub(2)).max(1);
        super::view::first_visible(cursor, visible) + usize::from(mouse.row - area.y - 1)
    };
    match mouse.kind {
        // Over the help, a click anywhere closes it, as a key does.
        MouseEventKind::Down(_) if app.help => Some(Action::ToggleHelp),
        MouseEventKind::Down(_) => {
            if over(layout.search).is_some() {
                Some(Action::Focus(Pane::Search))
            } else if let Some(area) = over(layout.results) {
                Some(Action::PickResult(row_in(area, app.selected)))
            } else if let Some(area) = over(layout.filters) {
                Some(Action::PickFilter(row_in(area, app.filter_cursor)))
            } else if over(layout.detail).is_some() {
                Some(Action::Focus(Pane::Detail))
            } else if let Some(area) = over(layout.main)
                && app.view == View::Map
            {
                super::view::map::nearest_hit(app, area, mouse.column, mouse.row)
                    .map(Action::PickOnMap)
            } else if let Some(area) = over(layout.main)
                && app.view == View::Stats
            {
                super::view::stats::value_at(app, area, mouse.column, mouse.row)
                    .map(Action::PickStatistic)
            } else {
                None
            }
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = mouse.kind == MouseEventKind::ScrollDown;
            let pane = if over(layout.detail).is_some() {
                Pane::Detail
            } else if over(layout.filters).is_some() {
                Pane::Filters
            } else if over(layout.results).or(over(layout.main)).is_some() {
                Pane::Results
            } else {
                return None;
            };
            Some(Action::Wheel { pane, down })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No key is bound twice where it applies: the second binding would never be reached.
    #[test]
    fn every_key_has_one_meaning_in_each_context() {
        let bindings: Vec<&Binding> = KEYS.iter().flat_map(|entry| entry.bindings).collect();
        for (index, binding) in bindings.iter().enumerate() {
            assert!(
                !bindings[..index]
                    .iter()
                    .any(|earlier| earlier.context == binding.context && earlier.key == binding.key),
                "{binding:?} is bound twice"
            );
        }
    }

    /// Every entry has as many hints in each language as places to show them, and every
    /// place of the status line has hints.
    #[test]
    fn every_place_has_hints_in_every_language() {
        for lang in Lang::all() {
            for entry in KEYS {
                let hints = (entry.text)(&lang.strings().keys).hints;
                assert_eq!(
                    hints.len(),
                    entry.hints.len(),
                    "{lang:?}: {:?} has {} hints for {} places",
                    entry.keys(Lang::EN),
                    hints.len(),
                    entry.hints.len()
                );
            }
        }
        for place in [
            HintPlace::Search,
            HintPlace::Filters,
            HintPlace::Results,
            HintPlace::Detail,
            HintPlace::Stats,
            HintPlace::Map,
            HintPlace::View,
            HintPlace::Dialog,
            HintPlace::Question,
            HintPlace::Confirm,
            HintPlace::Quitting,
            HintPlace::Help,
        ] {
            assert!(
                !hints_where(place, Lang::EN, |_| true).is_empty(),
                "{place:?}"
            );
        }
    }
}
