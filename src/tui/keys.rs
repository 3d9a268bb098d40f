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
use crate::i18n::Lang;

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

/// One row of the key table: its keys and what they do as help shows them (English,
/// French), its hints on the status line, and its bindings.
pub struct Entry {
    pub keys: [&'static str; 2],
    pub meaning: [&'static str; 2],
    /// The hint (keys and a word) in each place that shows one, in English and French.
    pub hints: &'static [(HintPlace, [&'static str; 2])],
    pub bindings: &'static [Binding],
}

impl Entry {
    /// The keys as shown in `lang`.
    pub fn keys(&self, lang: Lang) -> &'static str {
        self.keys[lang as usize]
    }

    /// What the keys do, in `lang`.
    pub fn meaning(&self, lang: Lang) -> &'static str {
        self.meaning[lang as usize]
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
        keys: ["type", "saisie"],
        // One line at 80 columns each.
        meaning: [
            "type anywhere to search; \"phrase\", -exclude; readline",
            "taper partout : chercher ; \"expression\", -exclure",
        ],
        hints: &[(At::Search, ["type to search", "tapez : chercher"])],
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
        keys: ["↑ ↓", "↑ ↓"],
        meaning: [
            "move; PgUp PgDn, Home End",
            "se déplacer ; PgPréc PgSuiv, Début Fin",
        ],
        hints: &[
            (At::Search, ["↓ results", "↓ liste"]),
            (At::Filters, ["↑↓ move", "↑↓ déplacer"]),
            (At::Results, ["↑↓ move", "↑↓ déplacer"]),
            (At::Detail, ["↑↓ scroll", "↑↓ défiler"]),
            (At::Stats, ["↑↓ move", "↑↓ déplacer"]),
        ],
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
        keys: ["← →", "← →"],
        // One line at 80 columns each: the help has few to spare at 80×24.
        meaning: [
            "on the map: next place west / east; ↑ ↓ north / south",
            "carte : lieu voisin à l'ouest / l'est ; ↑ ↓ nord / sud",
        ],
        hints: &[(At::Map, ["←↑↓→ move", "←↑↓→ déplacer"])],
        bindings: &[
            bind(Map, Code(KeyCode::Left), Action::Left),
            bind(Map, Code(KeyCode::Right), Action::Right),
        ],
    },
    Entry {
        keys: ["Enter", "Entrée"],
        // In the statistics, Enter filters the list to the value under the cursor.
        meaning: [
            "open the action / select a value (filters, stats)",
            "ouvrir l'action / choisir une valeur (filtres, stats)",
        ],
        hints: &[
            (At::Results, ["Enter open", "Entrée ouvrir"]),
            (At::Stats, ["Enter filter", "Entrée filtrer"]),
            (At::Map, ["Enter open", "Entrée ouvrir"]),
            (At::Dialog, ["Enter confirm", "Entrée valider"]),
            (At::Confirm, ["Enter write", "Entrée écrire"]),
        ],
        bindings: &[bind(Everywhere, Code(KeyCode::Enter), Action::Open)],
    },
    Entry {
        keys: ["Alt-P", "Alt-P"],
        meaning: [
            "in the detail: follow the joint commitment",
            "dans la fiche : suivre l'engagement conjoint",
        ],
        hints: &[(At::Detail, ["Alt-P partner", "Alt-P partenaire"])],
        bindings: &[
            bind(Detail, Alt('p'), Action::FollowPartner),
            bind(Detail, Alt('P'), Action::FollowPartner),
        ],
    },
    Entry {
        keys: ["Space  Alt-A", "Espace  Alt-A"],
        // One line at 80 columns: with it, every key just fits at 80×24.
        meaning: [
            "mark the action (Alt-A: every result); select a filter",
            "marquer (Alt-A : tous les résultats) ; filtrer",
        ],
        hints: &[
            (At::Filters, ["Space/Enter select", "Espace/Entrée choisir"]),
            (At::Results, ["Space mark", "Espace marquer"]),
            (At::Detail, ["Space mark", "Espace marquer"]),
        ],
        bindings: &[
            bind(Results, Char(' '), Action::ToggleMark),
            bind(Commands, Char(' '), Action::ToggleMark),
            bind(Everywhere, Alt('a'), Action::MarkAll),
            bind(Everywhere, Alt('A'), Action::MarkAll),
        ],
    },
    Entry {
        keys: ["Del / Backspace", "Suppr / Retour arrière"],
        meaning: [
            "in filters: clear this filter; letters jump to a value",
            "dans les filtres : effacer ; taper saute à une valeur",
        ],
        hints: &[
            (At::Filters, ["Del clear", "Suppr effacer"]),
            (At::Filters, ["type: jump", "taper : aller à"]),
        ],
        bindings: &[
            bind(Commands, Code(KeyCode::Delete), Action::ClearFilter),
            bind(Commands, Code(KeyCode::Backspace), Action::ClearFilter),
        ],
    },
    Entry {
        keys: ["Tab / Shift-Tab", "Tab / Maj-Tab"],
        meaning: ["next / previous pane", "volet suivant / précédent"],
        hints: &[
            (At::Search, ["Tab filters", "Tab filtres"]),
            (At::Filters, ["Tab next", "Tab suivant"]),
            (At::Results, ["Tab next", "Tab suivant"]),
        ],
        bindings: &[
            bind(Everywhere, Code(KeyCode::Tab), Action::FocusNext),
            bind(Everywhere, Code(KeyCode::BackTab), Action::FocusPrevious),
        ],
    },
    Entry {
        keys: ["/  n N", "/  n N"],
        meaning: [
            "the search line; in the detail: find in its text, n/N",
            "aller à la recherche ; fiche : chercher (n/N)",
        ],
        // The detail's hints are full at 80 columns; the help lists `/` there.
        hints: &[(At::Filters, ["/ search", "/ chercher"])],
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
        keys: ["Esc  q", "Échap  q"],
        meaning: [
            "back (q: detail, views); on the search line, clear it",
            "retour (q : fiche, vues) ; recherche : l'effacer",
        ],
        hints: &[
            (At::Detail, ["Esc back", "Échap retour"]),
            (At::Stats, ["Esc back", "Échap retour"]),
            (At::Map, ["Esc back", "Échap retour"]),
            (At::View, ["Esc back", "Échap retour"]),
            (At::Dialog, ["Esc cancel", "Échap annuler"]),
            (At::Confirm, ["Esc change the name", "Échap changer le nom"]),
        ],
        bindings: &[
            bind(Everywhere, Code(KeyCode::Esc), Action::Back),
            // As in less and lazygit: q leaves the view, never the program.
            bind(Commands, Char('q'), Action::Back),
        ],
    },
    Entry {
        keys: ["y / n", "o / n"],
        meaning: [
            "answer a question (replace a file?)",
            "répondre à une question (remplacer ?)",
        ],
        hints: &[
            (
                At::Question,
                ["y yes · n or Enter no", "o oui · n ou Entrée non"],
            ),
            (
                At::Quitting,
                [
                    "Enter export · Esc stay · Ctrl-C quit",
                    "Entrée exporter · Échap rester · Ctrl-C quitter",
                ],
            ),
        ],
        bindings: &[
            bind(Question, Char('y'), Action::Answer(true)),
            bind(Question, Char('Y'), Action::Answer(true)),
            bind(Question, Char('o'), Action::Answer(true)),
            bind(Question, Char('O'), Action::Answer(true)),
            bind(Question, Char('n'), Action::Answer(false)),
            bind(Question, Char('N'), Action::Answer(false)),
            // Asked before quitting, no letter answers: Enter exports, Esc stays, Ctrl-C
            // again quits. A word typed on after Ctrl-C must not lose the marks.
        ],
    },
    Entry {
        keys: ["Alt-C", "Alt-C"],
        meaning: ["clear every filter", "effacer tous les filtres"],
        hints: &[],
        bindings: &[
            bind(Everywhere, Alt('c'), Action::ClearAllFilters),
            bind(Everywhere, Alt('C'), Action::ClearAllFilters),
        ],
    },
    Entry {
        keys: ["F7  Alt-T", "F7  Alt-T"],
        meaning: [
            "detail text: the French original, translations in turn",
            "texte de la fiche : original, traductions tour à tour",
        ],
        hints: &[],
        bindings: &[
            bind(Everywhere, Code(KeyCode::F(7)), Action::ToggleText),
            bind(Everywhere, Alt('t'), Action::ToggleText),
            bind(Everywhere, Alt('T'), Action::ToggleText),
        ],
    },
    Entry {
        keys: ["F2  F3  F4", "F2  F3  F4"],
        meaning: [
            "statistics / map / shortlist (also Alt-S Alt-M Alt-L)",
            "statistiques / carte / sélection (Alt-S Alt-M Alt-L)",
        ],
        hints: &[
            (At::View, ["F2 stats", "F2 stats"]),
            (At::View, ["F3 map", "F3 carte"]),
            (At::View, ["F4 shortlist", "F4 sélection"]),
        ],
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
        keys: ["F9  Alt-I", "F9  Alt-I"],
        meaning: [
            "about: the data, its version, how to cite and script",
            "à propos : données, version, citer, scripts",
        ],
        // No hint: the help (F1) lists it, and the search line's hints are full at 80.
        hints: &[],
        bindings: &[
            bind(Everywhere, Code(KeyCode::F(9)), Action::Show(View::About)),
            bind(Everywhere, Alt('i'), Action::Show(View::About)),
        ],
    },
    Entry {
        keys: ["F6", "F6"],
        meaning: [
            "every word strictly / forgiving search",
            "tous les mots strictement / recherche indulgente",
        ],
        hints: &[],
        bindings: &[bind(
            Everywhere,
            Code(KeyCode::F(6)),
            Action::ToggleMatchMode,
        )],
    },
    Entry {
        keys: ["Ctrl-S", "Ctrl-S"],
        meaning: [
            "export the shortlist (Markdown, CSV) once confirmed",
            "exporter la sélection (Markdown, CSV) sur confirmation",
        ],
        hints: &[],
        bindings: &[bind(Everywhere, Control('s'), Action::StartExport)],
    },
    Entry {
        keys: ["Alt-Y  Alt-Shift-Y", "Alt-Y  Alt-Maj-Y"],
        meaning: [
            "copy the action's id / its citation",
            "copier l'identifiant de l'action / sa citation",
        ],
        // No hint: at 80 columns it would push out the detail's quit hint.
        hints: &[],
        bindings: &[
            bind(Everywhere, Alt('y'), Action::Copy(Copied::Id)),
            bind(Everywhere, Alt('Y'), Action::Copy(Copied::Citation)),
        ],
    },
    Entry {
        keys: ["mouse", "souris"],
        meaning: [
            "click to select, wheel to scroll",
            "clic pour choisir, molette pour défiler",
        ],
        hints: &[],
        bindings: &[],
    },
    Entry {
        keys: ["? / F1", "? / F1"],
        meaning: [
            "this help; q, Esc or ? close it",
            "cette aide ; q, Échap ou ? la ferment",
        ],
        hints: &[
            (At::Search, ["F1 help", "F1 aide"]),
            (At::Results, ["? help", "? aide"]),
            (At::Detail, ["? help", "? aide"]),
            (At::Stats, ["? help", "? aide"]),
            (At::Map, ["? help", "? aide"]),
            (At::View, ["? help", "? aide"]),
            // Its title shows "↑↓" where it scrolls.
            (At::Help, ["Esc close", "Échap fermer"]),
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
        keys: ["Ctrl-C", "Ctrl-C"],
        meaning: [
            "quit (asks first when marks are not exported)",
            "quitter (demande avant de perdre des marques)",
        ],
        hints: &[
            (At::Search, ["Ctrl-C quit", "Ctrl-C quitter"]),
            (At::Filters, ["Ctrl-C quit", "Ctrl-C quitter"]),
            (At::Results, ["Ctrl-C quit", "Ctrl-C quitter"]),
            (At::Detail, ["Ctrl-C quit", "Ctrl-C quitter"]),
            (At::Stats, ["Ctrl-C quit", "Ctrl-C quitter"]),
            (At::Map, ["Ctrl-C quit", "Ctrl-C quitter"]),
            (At::View, ["Ctrl-C quit", "Ctrl-C quitter"]),
            (At::Help, ["Ctrl-C quit", "Ctrl-C quitter"]),
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
        .flat_map(|entry| entry.hints)
        .filter(|(at, _)| *at == place)
        .map(|(_, words)| words[lang as usize])
        .collect()
}

/// The README's table of keys (English), as Markdown rows.
pub fn readme_table() -> String {
    let mut table = String::from("| keys | what they do |\n|---|---|\n");
    for entry in KEYS {
        table.push_str(&format!(
            "| {} | {} |\n",
            entry.keys(Lang::En),
            entry.meaning(Lang::En).replace('|', "\\|")
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

    /// Every place of the status line has hints, as many in French as in English.
    #[test]
    fn every_place_has_hints_in_both_languages() {
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
            let english = hints_where(place, Lang::En, |_| true);
            let french = hints_where(place, Lang::Fr, |_| true);
            assert!(!english.is_empty(), "{place:?}");
            assert_eq!(english.len(), french.len(), "{place:?}");
        }
    }
}
