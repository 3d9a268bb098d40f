//! The interface's state and its one way of changing: every input becomes an [`Action`],
//! and only [`App::update`] changes the state. What update cannot do itself (look at the
//! file system, write an export) it returns as an [`Effect`], which the event loop performs
//! and answers with another action; so update does no I/O and is tested without a disk.
//! Drawing reads the state and never mutates it; clicks arrive already placed (which
//! result, which filter row), by the keys module from the layout the drawing used.
//! The interface holds no search logic: every change of query or filters asks the engine.

use std::path::PathBuf;

use crate::catalogue::{Position, TextLanguage, YearMonth};
use crate::engine::{
    Dimension, Engine, FacetCounts, Filters, Highlighter, Hit, MatchMode, Outcome, Request,
    ValueOrder, ValueSlot,
};
use crate::export::file::Target;
use crate::i18n::Lang;
use crate::tui::markers::{self, Direction};

/// The panes of the browse view, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Search,
    Filters,
    Results,
    Detail,
}

impl Pane {
    const ORDER: [Pane; 4] = [Pane::Search, Pane::Filters, Pane::Results, Pane::Detail];
}

/// What the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Browse,
    Stats,
    Map,
    Shortlist,
    /// What this is, its data, how to cite and script it.
    About,
}

/// A search inside the detail's text, as in less: typed after `/`, then n / N from match
/// to match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailFind {
    pub text: String,
    /// Still being typed (Enter ends it, Esc drops the search).
    pub editing: bool,
    /// The match shown, by its order in the text.
    pub current: usize,
    /// Where each match is, as a scroll offset (its wrapped line), from the last frame.
    pub rows: Vec<u16>,
    /// The detail should scroll to the current match once the next frame says where it is.
    pub jump: bool,
}

/// A dialog over everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// Typing the path to export the shortlist to.
    ExportPath { path: String },
    /// Nothing is at the path: write there? Asked every time, so that an export is written
    /// only once its file name has been shown and confirmed, never by letters and Enters
    /// typed ahead into the dialog.
    ConfirmWrite { path: String },
    /// A regular file is at the path: replace it?
    ConfirmOverwrite { path: String },
    /// Quitting would lose marked actions not exported: export them first?
    ConfirmQuit,
}

/// What the event loop does for `update`, outside the state, and answers with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// What is at `path`? Answered with [`Action::PathChecked`].
    CheckPath { path: PathBuf },
    /// Write the shortlist's actions to `path`, in `lang`, replacing the file there only if
    /// `replace`. Answered with [`Action::Exported`].
    WriteShortlist {
        path: PathBuf,
        shortlist: Vec<Position>,
        lang: Lang,
        /// The month the records' statuses are seen from: the engine's.
        today: YearMonth,
        replace: bool,
    },
    /// Put `text` on the clipboard through the terminal (OSC 52, which also works over
    /// SSH). Answered with [`Action::Copied`].
    Copy {
        text: String,
        what: Copied,
        id: String,
    },
}

/// What of an action is copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// Its id, as `show` takes it.
    Id,
    /// Its citation, as `show ID --format citation` prints it.
    Citation,
}

/// Everything a person can do, whatever key, click or signal it came from, and the
/// answers to effects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Switch between forgiving matching (typos, dropped words) and every word strictly.
    ToggleMatchMode,
    /// The words alone, or also the other terms of the thesaurus' concepts they name.
    ToggleSynonyms,
    /// Hide the filter panel (its room goes to the list), or show it again.
    ToggleFilters,
    /// Switch the detail's texts between the editors' English translation and the French
    /// the report prints.
    ToggleText,
    /// Type a character on the search line (or in a dialog).
    Insert(char),
    /// Pasted text: inserted whole on the search line (or in a dialog), line breaks as
    /// spaces, control characters left out.
    Paste(String),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete the word after the cursor.
    DeleteWordForward,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete everything before the cursor.
    DeleteToStart,
    /// Delete everything from the cursor on.
    DeleteToEnd,
    /// Move the text cursor to the previous or next word's start.
    WordLeft,
    WordRight,
    /// Move the text cursor.
    CursorLeft,
    CursorRight,
    CursorStart,
    CursorEnd,
    /// Move the selection in the focused list, or scroll the detail; on the map, to the
    /// nearest marker north or south.
    Up,
    Down,
    /// On the map, move the selection to the nearest marker west or east.
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Next or previous pane.
    FocusNext,
    FocusPrevious,
    /// Open the selected action, or select the filter value under the cursor.
    Open,
    /// Close what is open, or clear the search line.
    Back,
    /// Mark or unmark the selected action (or, in filters, toggle the value).
    ToggleMark,
    /// Clear the filter of the dimension under the cursor.
    ClearFilter,
    /// Clear every filter.
    ClearAllFilters,
    /// Follow the open action's joint commitment.
    FollowPartner,
    /// Show a view.
    Show(View),
    /// Show or hide the help.
    ToggleHelp,
    /// Start exporting the shortlist.
    StartExport,
    /// Start searching in the detail's text.
    StartFind,
    /// The next or previous match of that search; without one, the letter is typed.
    FindNext,
    FindPrevious,
    /// Copy the current action's id or citation.
    Copy(Copied),
    /// Mark every result; when every one is marked already, unmark them.
    MarkAll,
    /// Answer a yes/no question.
    Answer(bool),
    /// Go to a pane (a click on it, `/` for the search line).
    Focus(Pane),
    /// A click on a result, by its index: selects it, or opens it when already selected.
    PickResult(usize),
    /// A click on a row of the filter panel, by its index: toggles that value.
    PickFilter(usize),
    /// A click on the map near a result, by its index: selects it.
    PickOnMap(usize),
    /// A click on a value of the statistics, by its index among [`App::chart_values`]:
    /// puts the cursor on it, or lists its actions when the cursor is already there.
    PickStatistic(usize),
    /// The wheel over a pane; over the results or the map it moves the selection, over the
    /// statistics their cursor.
    Wheel {
        pane: Pane,
        down: bool,
    },
    /// The answer to [`Effect::CheckPath`].
    PathChecked {
        path: PathBuf,
        found: Target,
    },
    /// The answer to [`Effect::WriteShortlist`]: how many actions were written, or why not.
    Exported {
        path: PathBuf,
        result: Result<usize, String>,
    },
    /// The answer to [`Effect::Copy`]: the action's id, or why the terminal could not be
    /// written.
    CopyDone {
        what: Copied,
        id: String,
        result: Result<(), String>,
    },
    /// What the last frame found: how far the detail can scroll, when one was drawn.
    Drawn {
        detail_scroll_limit: Option<u16>,
        about_scroll_limit: Option<u16>,
        help_scroll_limit: Option<u16>,
        /// Where the detail search's matches are, when one is drawn.
        find_rows: Option<Vec<u16>>,
    },
    /// The terminal's new size.
    Resize {
        width: u16,
        height: u16,
    },
    Quit,
}

/// The way back to a view (the map, the shortlist) from an action opened there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewReturn {
    /// The view Esc returns to.
    pub view: View,
    /// The action Enter opened there.
    pub position: Position,
    /// The pane that had the focus when it was opened, for Esc in the view to come back to.
    pub focus: Pane,
}

/// A row of the filter panel: a dimension's heading, or one of its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterRow {
    Heading(Dimension),
    Value(Dimension, ValueSlot),
}

/// The interface's state.
pub struct App<'e, 'c> {
    pub engine: &'e Engine<'c>,
    pub lang: Lang,
    /// The language of the texts the detail shows (titles, description, spotlight, quote):
    /// the interface's at first, the others in turn with F7 or Alt-T. Kept from one action
    /// to the next, as a reader who wants the original wants it for every one.
    pub text_lang: TextLanguage,
    pub query: String,
    /// How strictly the query's words match (toggled with F6).
    pub match_mode: MatchMode,
    /// Whether words naming a concept of the thesaurus also find its other terms (F5).
    pub synonyms: bool,
    /// Cursor position in `query`, in characters.
    pub cursor: usize,
    pub filters: Filters,
    /// The filter panel is hidden (F8); it shows again while Tab gives it the focus.
    pub filters_hidden: bool,
    /// The event loop is applying a batch of pending events: edits of the query wait for
    /// the batch's end (or for an action that needs the results) to ask the engine once,
    /// not once per character of text pasted as keys.
    pub in_batch: bool,
    /// The query changed in the batch and the engine has not been asked yet.
    query_stale: bool,
    /// The engine's answer for the current query and filters.
    pub outcome: Outcome,
    /// Marks the query's matches in titles and descriptions: built when the answer
    /// changes, not once a frame.
    pub highlighter: Highlighter,
    /// Index of the selected hit.
    pub selected: usize,
    pub focus: Pane,
    pub view: View,
    /// The action shown in the detail pane, if open.
    pub open: Option<Position>,
    /// Actions left by following partner links, to come back with Esc.
    pub trail: Vec<Position>,
    /// Set while the detail shows the action Enter opened on the map or in the shortlist
    /// (or partners followed from it): Esc then returns there rather than to the list.
    pub view_return: Option<ViewReturn>,
    pub detail_scroll: u16,
    /// Where the map's arrows start from: which of the selected action's places (by its
    /// order in the action) the last arrow reached, as the action moved away from may have
    /// several. Its first place when the selection came another way (the action differs).
    pub map_place: Option<(Position, usize)>,
    /// The largest useful `detail_scroll`, as the last frame found it.
    pub detail_scroll_limit: u16,
    /// How far the About view is scrolled, and how far it can be (from the last frame).
    pub about_scroll: u16,
    pub about_scroll_limit: u16,
    /// How far the help is scrolled, and how far it can be (from the last frame).
    pub help_scroll: u16,
    pub help_scroll_limit: u16,
    /// The search in the detail's text, if one is under way.
    pub detail_find: Option<DetailFind>,
    /// Index of the row under the filter cursor.
    pub filter_cursor: usize,
    /// What was typed in the filter panel to jump to a value ("ke" for Kenya); forgotten at
    /// any other key.
    pub filter_jump: String,
    /// Index, among [`App::chart_values`], of the value under the statistics' cursor.
    pub stats_cursor: usize,
    /// The marked actions, in the order they were marked.
    pub shortlist: Vec<Position>,
    /// The marks the last export wrote: quitting loses only the others.
    pub exported: Vec<Position>,
    /// The export was asked for on the way out: quit once it is written.
    pub quit_after_export: bool,
    pub shortlist_cursor: usize,
    pub help: bool,
    pub dialog: Option<Dialog>,
    /// A message for the status line (the result of an export, say).
    pub message: Option<String>,
    pub size: (u16, u16),
    pub quit: bool,
    /// Where exports go when the person gives a bare file name.
    pub export_directory: PathBuf,
    /// The home folder, for a path starting with `~`.
    pub home: Option<PathBuf>,
    /// The export path is still the one offered: the first character typed replaces it.
    pub export_path_is_default: bool,
    /// Where the export path is edited, in characters.
    pub export_cursor: usize,
    /// The filter panel's values in the order it lists them, per dimension: every value
    /// some action has, by name where the facet table says so. The labels never change, so
    /// it is worked out once.
    filter_order: Vec<Vec<ValueSlot>>,
}

impl<'e, 'c> App<'e, 'c> {
    pub fn new(engine: &'e Engine<'c>, lang: Lang, size: (u16, u16)) -> App<'e, 'c> {
        let outcome = engine.search(&Request::default());
        let highlighter = engine.highlighter(&outcome);
        // With no query and no filter, the counts are the whole catalogue's.
        let catalogue_counts = outcome.counts.clone();
        let mut app = App {
            engine,
            lang,
            text_lang: lang.texts(),
            query: String::new(),
            cursor: 0,
            filters: Filters::new(),
            filters_hidden: false,
            in_batch: false,
            query_stale: false,
            outcome,
            highlighter,
            match_mode: MatchMode::Most,
            synonyms: true,
            selected: 0,
            focus: Pane::Search,
            view: View::Browse,
            open: None,
            trail: Vec::new(),
            view_return: None,
            detail_scroll: 0,
            map_place: None,
            detail_scroll_limit: u16::MAX,
            about_scroll: 0,
            about_scroll_limit: u16::MAX,
            help_scroll: 0,
            help_scroll_limit: u16::MAX,
            detail_find: None,
            filter_cursor: 0,
            filter_jump: String::new(),
            stats_cursor: 0,
            shortlist: Vec::new(),
            exported: Vec::new(),
            quit_after_export: false,
            shortlist_cursor: 0,
            help: false,
            dialog: None,
            message: None,
            size,
            quit: false,
            export_directory: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            home: std::env::var_os("HOME")
                .or_else(|| std::env::var_os("USERPROFILE"))
                .filter(|home| !home.is_empty())
                .map(PathBuf::from),
            export_path_is_default: false,
            export_cursor: 0,
            filter_order: Vec::new(),
        };
        app.filter_order = app.filter_panel_order(&catalogue_counts);
        app
    }

    /// The text language F7 shows after the one shown: from the interface's own, the
    /// report's French, then the other translations in the table's order, and round.
    pub fn next_text_lang(&self) -> TextLanguage {
        let own = self.lang.texts();
        let mut order = vec![own];
        order.extend(TextLanguage::all().filter(|&language| language != own));
        let at = order
            .iter()
            .position(|&language| language == self.text_lang)
            .unwrap_or(0);
        order[(at + 1) % order.len()]
    }

    /// The actions the list shows: the results, then, below a short list, those holding
    /// some of the words.
    pub fn listed(&self) -> impl Iterator<Item = &Hit> {
        self.outcome
            .hits
            .iter()
            .chain(self.outcome.also.iter().map(|also| &also.hit))
    }

    /// How many actions the list shows.
    pub fn listed_len(&self) -> usize {
        self.outcome.hits.len() + self.outcome.also.len()
    }

    /// The position of the selected action, if any.
    pub fn selected_position(&self) -> Option<Position> {
        self.listed().nth(self.selected).map(|hit| hit.position)
    }

    /// The action the detail shows: the one opened, else the selected one.
    pub fn detail_position(&self) -> Option<Position> {
        self.open.or_else(|| self.selected_position())
    }

    pub fn is_marked(&self, position: Position) -> bool {
        self.shortlist.contains(&position)
    }

    /// A filter value's label in the interface's language (countries and places by their
    /// English names in English: typed filters accept both).
    pub fn value_label(&self, dimension: Dimension, slot: usize) -> String {
        let value = &self.engine.values().of(dimension)[slot];
        let label = value.label(self.lang);
        if dimension.facet().label_after_key {
            format!("{} {label}", value.key)
        } else {
            label.to_owned()
        }
    }

    /// The rows of the filter panel: each dimension's heading, then every one of its
    /// values that some action has, those without results now too (drawn dimmed), so rows
    /// never jump as the query changes.
    pub fn filter_rows(&self) -> Vec<FilterRow> {
        let mut rows = Vec::new();
        for (dimension, order) in Dimension::ALL.into_iter().zip(&self.filter_order) {
            rows.push(FilterRow::Heading(dimension));
            rows.extend(order.iter().map(|&slot| FilterRow::Value(dimension, slot)));
        }
        rows
    }

    /// Every value of each dimension that some action has (the report's participants name
    /// places and countries no action has), in the panel's order.
    fn filter_panel_order(&self, catalogue_counts: &FacetCounts) -> Vec<Vec<ValueSlot>> {
        Dimension::ALL
            .into_iter()
            .map(|dimension| {
                let in_catalogue = catalogue_counts.of(dimension);
                let mut slots: Vec<ValueSlot> = (0..in_catalogue.len())
                    .filter(|&slot| in_catalogue[slot] > 0)
                    .collect();
                if dimension.facet().order == ValueOrder::Names {
                    slots.sort_by_cached_key(|&slot| {
                        crate::engine::facets::fold(&self.value_label(dimension, slot))
                    });
                }
                slots
            })
            .collect()
    }

    /// The values the statistics chart, in the order they are drawn and the cursor moves:
    /// each charted dimension of the facet table, then its values that some result holds
    /// (every value, for a dimension that keeps its empty ones).
    pub fn chart_values(&self) -> Vec<(Dimension, ValueSlot)> {
        let mut values = Vec::new();
        for dimension in Dimension::ALL {
            let facet = dimension.facet();
            if !facet.charted {
                continue;
            }
            let counts = self.outcome.selection.of(dimension);
            values.extend(
                (0..counts.len())
                    .filter(|&slot| counts[slot] > 0 || facet.keeps_empty)
                    .map(|slot| (dimension, slot)),
            );
        }
        values
    }

    /// Asks the engine again after the query changed: the best match is selected, as in
    /// fzf, since the ranking changed.
    fn refresh_query(&mut self) {
        self.refresh();
        self.selected = 0;
    }

    /// Asks the engine again after the query or the filters changed.
    fn refresh(&mut self) {
        let previous = self.selected_position();
        let charted = self.chart_values().get(self.stats_cursor).copied();
        self.outcome = self.engine.search(&Request {
            text: self.query.clone(),
            filters: self.filters.clone(),
            limit: None,
            mode: self.match_mode,
            synonyms: self.synonyms,
        });
        self.highlighter = self.engine.highlighter(&self.outcome);
        // Keep the same action selected when it is still there.
        self.selected = previous
            .and_then(|position| self.listed().position(|hit| hit.position == position))
            .unwrap_or(0);
        let rows = self.filter_rows().len();
        self.filter_cursor = self.filter_cursor.min(rows.saturating_sub(1));
        // The statistics' cursor stays on its value while the selection still holds it.
        let values = self.chart_values();
        self.stats_cursor = charted
            .and_then(|charted| values.iter().position(|&value| value == charted))
            .unwrap_or(self.stats_cursor)
            .min(values.len().saturating_sub(1));
        // The detail shows an action of the results: one they no longer hold is closed.
        if let Some(open) = self.open
            && !self.listed().any(|hit| hit.position == open)
        {
            self.open = None;
            self.trail.clear();
            if self.focus == Pane::Detail {
                self.focus = Pane::Results;
            }
        }
    }

    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(6)).max(1)
    }

    /// The one place where the state changes; what it cannot do itself, it returns.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if let Action::Drawn {
            detail_scroll_limit,
            about_scroll_limit,
            help_scroll_limit,
            find_rows,
        } = action
        {
            // A text not drawn (another view, a small screen) keeps its position.
            let told = |offset: &mut u16, known: &mut u16, limit: Option<u16>| {
                if let Some(limit) = limit {
                    *known = limit;
                    *offset = (*offset).min(limit);
                }
            };
            told(
                &mut self.help_scroll,
                &mut self.help_scroll_limit,
                help_scroll_limit,
            );
            if let (Some(find), Some(rows)) = (&mut self.detail_find, find_rows) {
                find.rows = rows;
                find.current = find.current.min(find.rows.len().saturating_sub(1));
                if find.jump && !find.rows.is_empty() {
                    find.jump = false;
                    // Two lines of context above the match, as less keeps.
                    self.detail_scroll = find.rows[find.current].saturating_sub(2);
                }
            }
            told(
                &mut self.detail_scroll,
                &mut self.detail_scroll_limit,
                detail_scroll_limit,
            );
            told(
                &mut self.about_scroll,
                &mut self.about_scroll_limit,
                about_scroll_limit,
            );
            return None;
        }
        // An action other than an edit of the query sees the results of the query as it is.
        if self.query_stale
            && !matches!(
                action,
                Action::Insert(_) | Action::Paste(_) | Action::Backspace
            )
        {
            self.end_batch();
        }
        let shown = (self.detail_position(), self.text_lang, self.size);
        let size = self.size;
        let effect = self.apply(action);
        if self.detail_position() != shown.0 {
            self.detail_find = None;
        }
        if self.size != size {
            self.about_scroll_limit = u16::MAX;
        }
        // The way back to a view lasts while the action opened there is the one open, or
        // the first of the partners' trail: closed, or replaced by another, it is gone.
        if let Some(back) = self.view_return
            && self.trail.first().copied().or(self.open) != Some(back.position)
        {
            self.view_return = None;
        }
        // Other text, or another width: how far it scrolls is known at the next frame.
        if (self.detail_position(), self.text_lang, self.size) != shown {
            self.detail_scroll_limit = u16::MAX;
        }
        effect
    }

    /// Applies an action to the state (all of `update` but what drawing reported).
    fn apply(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        let jumping = self.focus == Pane::Filters
            && self.view == View::Browse
            && matches!(action, Action::Insert(_) | Action::Backspace);
        if !jumping && !matches!(action, Action::Resize { .. }) {
            self.filter_jump.clear();
        }
        if let Some(dialog) = self.dialog.clone() {
            return self.update_dialog(dialog, action);
        }
        if let Some(find) = &mut self.detail_find
            && find.editing
        {
            match action {
                Action::Insert(c) => find.text.push(c),
                Action::Paste(pasted) => find.text.push_str(&pasted.replace(['\r', '\n'], " ")),
                Action::Backspace => {
                    find.text.pop();
                }
                Action::Open => find.editing = false,
                Action::Back => self.detail_find = None,
                Action::Quit => self.ask_to_quit(),
                Action::Resize { width, height } => self.size = (width, height),
                _ => {}
            }
            // As in less, the text scrolls to the first match while it is typed.
            if let Some(find) = &mut self.detail_find
                && find.editing
                && !find.text.is_empty()
            {
                find.current = 0;
                find.jump = true;
            }
            return None;
        }
        if self.help {
            match action {
                Action::Quit => self.ask_to_quit(),
                Action::Resize { width, height } => {
                    self.size = (width, height);
                    self.help_scroll_limit = u16::MAX;
                }
                // On a short screen the keys scroll (not to an end: Home and End are no
                // keys of the help); any other key closes the help.
                Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                    if let Some(offset) =
                        self.scrolled(self.help_scroll, self.help_scroll_limit, &action)
                    {
                        self.help_scroll = offset;
                    }
                }
                _ => self.help = false,
            }
            return None;
        }
        match action {
            Action::Quit => self.ask_to_quit(),
            Action::Resize { width, height } => self.size = (width, height),
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::ToggleFilters => {
                self.filters_hidden = !self.filters_hidden;
                if self.filters_hidden && self.focus == Pane::Filters {
                    self.focus = Pane::Results;
                }
            }
            Action::ToggleMatchMode => {
                self.match_mode = match self.match_mode {
                    MatchMode::Most => MatchMode::All,
                    MatchMode::All => MatchMode::Most,
                };
                self.refresh();
            }
            Action::ToggleSynonyms => {
                self.synonyms = !self.synonyms;
                self.refresh();
            }
            Action::ToggleText => {
                self.text_lang = self.next_text_lang();
            }
            Action::Show(view) => {
                self.view = if self.view == view {
                    View::Browse
                } else {
                    view
                };
            }
            // An empty shortlist has nothing to export: said, rather than a file of none.
            Action::StartExport if self.shortlist.is_empty() => {
                self.message = Some(self.lang.strings().nothing_marked.to_owned());
            }
            Action::StartExport => {
                let offered = self.lang.strings().export_file_name;
                self.dialog = Some(Dialog::ExportPath {
                    path: offered.to_owned(),
                });
                self.export_path_is_default = true;
                self.export_cursor = offered.chars().count();
            }
            Action::FocusNext | Action::FocusPrevious => {
                self.view = View::Browse;
                let panes: Vec<Pane> = Pane::ORDER
                    .into_iter()
                    .filter(|&pane| pane != Pane::Detail || self.detail_position().is_some())
                    .collect();
                let current = panes
                    .iter()
                    .position(|&pane| pane == self.focus)
                    .unwrap_or(0);
                let next = if action == Action::FocusNext {
                    (current + 1) % panes.len()
                } else {
                    (current + panes.len() - 1) % panes.len()
                };
                self.focus = panes[next];
            }
            Action::ClearAllFilters => {
                let had_filters = !self.filters.is_empty();
                self.filters.clear_all();
                self.refresh();
                if had_filters {
                    self.message = Some(self.lang.strings().filters_cleared.to_owned());
                }
            }
            Action::Focus(pane) => {
                self.view = View::Browse;
                if pane != Pane::Detail || self.detail_position().is_some() {
                    self.focus = pane;
                }
            }
            Action::Copy(what) => return self.copy(what),
            Action::CopyDone { what, id, result } => {
                let strings = self.lang.strings();
                self.message = Some(match result {
                    // Short enough to stay whole at 80 columns beside the marks' count.
                    Ok(()) => match what {
                        Copied::Id => strings.copied_id.replace("{id}", &id),
                        Copied::Citation => strings.copied_citation.to_owned(),
                    },
                    Err(error) => format!("{}{}{error}", strings.copy_failed, strings.colon),
                });
            }
            Action::MarkAll => self.mark_all(),
            Action::PickResult(index) => self.pick_result(index),
            Action::PickFilter(index) => {
                self.view = View::Browse;
                self.focus = Pane::Filters;
                if index < self.filter_rows().len() {
                    self.filter_cursor = index;
                    self.update_filters(Action::Open);
                }
            }
            Action::PickOnMap(index) => {
                if index < self.outcome.hits.len() {
                    self.selected = index;
                }
            }
            Action::PickStatistic(index) if self.view == View::Stats => {
                if index == self.stats_cursor {
                    self.list_chart_value();
                } else if index < self.chart_values().len() {
                    self.stats_cursor = index;
                }
            }
            Action::Wheel { pane, down } => self.wheel(pane, down),
            // Text typed or pasted over a view (the statistics, the map, the shortlist,
            // About) starts a new search, as it does in the detail and the list.
            Action::Insert(_) | Action::Paste(_) if self.view != View::Browse => {
                self.start_new_search(action);
            }
            other => match self.view {
                View::Browse => self.update_browse(other),
                View::Shortlist => self.update_shortlist(other),
                View::About => self.update_about(other),
                View::Stats => self.update_stats(other),
                View::Map => self.update_map(other),
            },
        }
        None
    }

    fn update_browse(&mut self, action: Action) {
        match self.focus {
            Pane::Search => self.update_search(action),
            Pane::Filters => self.update_filters(action),
            Pane::Results => self.update_results(action),
            Pane::Detail => self.update_detail(action),
        }
    }

    /// Text typed where it is not edited (the list, the detail, a view) starts a new search
    /// with it: the list comes back, its query that text alone, the filters kept. A letter
    /// there never does anything else (quit, export, write), so typing a place's name
    /// anywhere only searches for it.
    fn start_new_search(&mut self, typed: Action) {
        self.view = View::Browse;
        self.open = None;
        self.trail.clear();
        self.focus = Pane::Search;
        let typed = match typed {
            Action::Paste(pasted) => Action::Paste(pasted.trim_start().to_owned()),
            other => other,
        };
        // One search for the new query, not one for the cleared line and another for it.
        let (text, cursor) = edit_line("", 0, &typed).unwrap_or_default();
        self.cursor = cursor;
        if text != self.query {
            self.query = text;
            self.refresh_query();
        }
    }

    /// Asks the engine for the query the batch of events left, if it changed.
    pub fn end_batch(&mut self) {
        if self.query_stale {
            self.query_stale = false;
            self.refresh_query();
        }
    }

    fn update_search(&mut self, action: Action) {
        if let Some((text, cursor)) = edit_line(&self.query, self.cursor, &action) {
            let changed = text != self.query;
            self.query = text;
            self.cursor = cursor;
            if changed && self.in_batch {
                self.query_stale = true;
            } else if changed {
                self.refresh_query();
            }
            return;
        }
        match action {
            Action::Back => {
                if !self.query.is_empty() {
                    self.query.clear();
                    self.cursor = 0;
                    self.refresh_query();
                } else if self.open.is_some() {
                    self.open = None;
                }
            }
            // Down leaves the search line for the results, on the first one.
            Action::Down | Action::PageDown => self.focus = Pane::Results,
            Action::Up => {}
            Action::Open if self.selected_position().is_some() => {
                self.focus = Pane::Results;
                self.update_results(Action::Open);
            }
            _ => {}
        }
    }

    fn move_in(length: usize, current: usize, action: &Action, page: usize) -> usize {
        if length == 0 {
            return 0;
        }
        let last = length - 1;
        match action {
            Action::Up => current.saturating_sub(1),
            Action::Down => (current + 1).min(last),
            Action::PageUp => current.saturating_sub(page),
            Action::PageDown => (current + page).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => current.min(last),
        }
    }

    fn update_results(&mut self, action: Action) {
        match action {
            Action::Up if self.selected == 0 => self.focus = Pane::Search,
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                self.selected =
                    Self::move_in(self.listed_len(), self.selected, &action, self.page());
                self.detail_scroll = 0;
                if self.open.is_some() {
                    self.open = self.selected_position();
                    self.trail.clear();
                }
            }
            Action::Open => {
                if let Some(position) = self.selected_position() {
                    self.open = Some(position);
                    self.trail.clear();
                    // Opened from the list, it closes back to the list.
                    self.view_return = None;
                    self.detail_scroll = 0;
                    self.focus = Pane::Detail;
                }
            }
            Action::ToggleMark => self.toggle_mark(self.selected_position()),
            Action::Back => {
                if self.open.is_some() {
                    self.open = None;
                } else {
                    self.focus = Pane::Search;
                }
            }
            // A character typed in the results starts a new search; Backspace and Ctrl-U go
            // back to editing the query there is.
            Action::Insert(_) | Action::Paste(_) => self.start_new_search(action),
            Action::Backspace => {
                self.focus = Pane::Search;
                self.update_search(action);
            }
            Action::DeleteToStart => {
                self.focus = Pane::Search;
                self.cursor = self.query.chars().count();
                self.update_search(action);
            }
            _ => {}
        }
    }

    fn update_detail(&mut self, action: Action) {
        match action {
            Action::StartFind => {
                self.detail_find = Some(DetailFind {
                    editing: true,
                    ..DetailFind::default()
                });
            }
            Action::FindNext | Action::FindPrevious => {
                let Some(find) = self.detail_find.as_mut() else {
                    // No search: the letter goes to the search line, as any letter here.
                    let letter = if action == Action::FindNext { 'n' } else { 'N' };
                    return self.update_detail(Action::Insert(letter));
                };
                if find.rows.is_empty() {
                    self.message = Some(format!(
                        "/{} — {}",
                        crate::text::echoed(&find.text),
                        self.lang.strings().find_nothing
                    ));
                    return;
                }
                let count = find.rows.len();
                find.current = if action == Action::FindNext {
                    (find.current + 1) % count
                } else {
                    (find.current + count - 1) % count
                };
                self.detail_scroll = find.rows[find.current].saturating_sub(2);
                self.scroll_detail_to(self.detail_scroll);
            }
            // Esc first drops the search, then closes the detail.
            Action::Back if self.detail_find.is_some() => self.detail_find = None,
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                if let Some(offset) =
                    self.scrolled(self.detail_scroll, self.detail_scroll_limit, &action)
                {
                    self.detail_scroll = offset;
                }
            }
            Action::ToggleMark => self.toggle_mark(self.detail_position()),
            Action::FollowPartner => {
                let Some(current) = self.detail_position() else {
                    return;
                };
                let action = self.engine.catalogue().action_at(current);
                if let Some(&partner) = action.partners.first() {
                    self.trail.push(current);
                    self.open = Some(partner);
                    self.detail_scroll = 0;
                    let index = self.listed().position(|hit| hit.position == partner);
                    if let Some(index) = index {
                        self.selected = index;
                    }
                } else {
                    self.message = Some(self.lang.strings().no_partner.to_owned());
                }
            }
            Action::Back => {
                if let Some(previous) = self.trail.pop() {
                    self.open = Some(previous);
                    self.detail_scroll = 0;
                } else if let Some(back) = self.view_return.take() {
                    // Opened on the map: back to the map, on that action (following its
                    // partners moved the selection); in the shortlist: back to it, on the
                    // same row.
                    self.open = None;
                    self.view = back.view;
                    self.focus = back.focus;
                    if back.view == View::Map
                        && let Some(index) = self
                            .outcome
                            .hits
                            .iter()
                            .position(|hit| hit.position == back.position)
                    {
                        self.selected = index;
                    }
                } else {
                    self.open = None;
                    self.focus = Pane::Results;
                }
            }
            Action::Insert(_) | Action::Paste(_) => self.start_new_search(action),
            _ => {}
        }
    }

    fn update_filters(&mut self, action: Action) {
        let rows = self.filter_rows();
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                self.filter_cursor =
                    Self::move_in(rows.len(), self.filter_cursor, &action, self.page());
            }
            Action::Open | Action::ToggleMark => {
                if let Some(&FilterRow::Value(dimension, slot)) = rows.get(self.filter_cursor) {
                    self.toggle_filter(dimension, slot);
                }
            }
            Action::ClearFilter => {
                let dimension = match rows.get(self.filter_cursor) {
                    Some(FilterRow::Heading(dimension) | FilterRow::Value(dimension, _)) => {
                        *dimension
                    }
                    None => return,
                };
                self.filters.clear(dimension);
                self.refresh();
            }
            Action::Back => self.focus = Pane::Results,
            Action::Insert(c) => self.jump_in_filters(c),
            // Backspace edits what was typed to jump; with nothing typed, it clears.
            Action::Backspace if !self.filter_jump.is_empty() => {
                self.filter_jump.pop();
            }
            Action::Backspace => self.update_filters(Action::ClearFilter),
            Action::Paste(_) => self.start_new_search(action),
            _ => {}
        }
    }

    /// Moves the filter cursor to the next value whose name (or one of its words) starts
    /// with what was typed, as list boxes do: more letters narrow the match, the same
    /// letter again goes to the next value with it.
    fn jump_in_filters(&mut self, typed: char) {
        let rows = self.filter_rows();
        let mut prefix = self.filter_jump.clone();
        prefix.push(typed);
        let repeated = prefix.chars().count() > 1 && prefix.chars().all(|c| c == typed);
        let attempts = if repeated {
            // "kk": the next value with k, after the one the cursor is on.
            vec![(typed.to_string(), self.filter_cursor + 1)]
        } else {
            // "ke": the cursor's value may still match; failing that, "e" alone after it.
            vec![
                (prefix.clone(), self.filter_cursor),
                (typed.to_string(), self.filter_cursor + 1),
            ]
        };
        for (wanted, from) in attempts {
            let wanted = crate::engine::facets::fold(&wanted);
            let starts = |row: &FilterRow, word_starts: bool| match *row {
                FilterRow::Value(dimension, slot) => {
                    let label = crate::engine::facets::fold(&self.value_label(dimension, slot));
                    label.starts_with(&wanted)
                        || (word_starts
                            && label
                                .split(|c: char| !c.is_alphanumeric())
                                .any(|word| word.starts_with(&wanted)))
                }
                FilterRow::Heading(_) => false,
            };
            let order: Vec<usize> = (from..rows.len()).chain(0..from.min(rows.len())).collect();
            let found = [false, true].into_iter().find_map(|word_starts| {
                order
                    .iter()
                    .copied()
                    .find(|&index| starts(&rows[index], word_starts))
            });
            if let Some(index) = found {
                self.filter_cursor = index;
                self.filter_jump = if wanted.chars().count() == 1 && !repeated {
                    typed.to_string()
                } else {
                    prefix
                };
                return;
            }
        }
        self.message = Some(format!(
            "{} \"{}\"",
            self.lang.strings().no_filter_value,
            crate::text::echoed(&prefix)
        ));
    }

    fn update_shortlist(&mut self, action: Action) {
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                self.shortlist_cursor = Self::move_in(
                    self.shortlist.len(),
                    self.shortlist_cursor,
                    &action,
                    self.page(),
                );
            }
            Action::ToggleMark if self.shortlist_cursor < self.shortlist.len() => {
                self.shortlist.remove(self.shortlist_cursor);
                self.shortlist_cursor = self
                    .shortlist_cursor
                    .min(self.shortlist.len().saturating_sub(1));
            }
            Action::Open => {
                if let Some(&position) = self.shortlist.get(self.shortlist_cursor) {
                    self.view_return = Some(ViewReturn {
                        view: View::Shortlist,
                        position,
                        focus: match self.focus {
                            Pane::Detail => Pane::Results,
                            pane => pane,
                        },
                    });
                    self.view = View::Browse;
                    self.open = Some(position);
                    self.trail.clear();
                    self.detail_scroll = 0;
                    self.focus = Pane::Detail;
                }
            }
            Action::Back => self.view = View::Browse,
            _ => {}
        }
    }

    /// Selects or unselects a filter value, as the filter panel does, and asks the engine
    /// again; the panel's cursor stays on that value as its rows change.
    fn toggle_filter(&mut self, dimension: Dimension, slot: ValueSlot) {
        self.filters.toggle(dimension, slot);
        self.refresh();
        let target = FilterRow::Value(dimension, slot);
        if let Some(index) = self.filter_rows().iter().position(|row| *row == target) {
            self.filter_cursor = index;
        }
    }

    fn update_stats(&mut self, action: Action) {
        match action {
            Action::Back => self.view = View::Browse,
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                // The view scrolls with its cursor, which never leaves the charted values:
                // no scroll offset of its own that could run past the end.
                self.stats_cursor = Self::move_in(
                    self.chart_values().len(),
                    self.stats_cursor,
                    &action,
                    self.page(),
                );
            }
            Action::Open => self.list_chart_value(),
            _ => {}
        }
    }

    /// Lists the actions of the value under the statistics' cursor, as VisiData's
    /// drill-down does: its dimension's filter becomes that one value (selected as the
    /// filter panel selects it; kept if it already was), and the list comes back, focused,
    /// saying what it now holds.
    fn list_chart_value(&mut self) {
        let Some(&(dimension, slot)) = self.chart_values().get(self.stats_cursor) else {
            return;
        };
        // The dimension's other values are let go: the list is then the value's actions
        // among the results of the query and the other dimensions' filters, which is the
        // bar's count whenever the dimension had no filter.
        let replaced: Vec<String> = self
            .filters
            .selected(dimension)
            .iter()
            .filter(|&&selected| selected != slot)
            .map(|&selected| self.value_label(dimension, selected))
            .collect();
        if self.filters.selected(dimension) != [slot] {
            self.filters.clear(dimension);
            self.toggle_filter(dimension, slot);
        }
        self.view = View::Browse;
        // An open detail would take the list's place on a narrow screen.
        self.open = None;
        self.trail.clear();
        self.focus = Pane::Results;
        let strings = self.lang.strings();
        // A value of the same dimension filtered before is let go: said, so that the list
        // growing past the bar's count is understood.
        let instead = if replaced.is_empty() {
            String::new()
        } else {
            format!(" ({} {})", strings.instead_of, replaced.join(", "))
        };
        self.message = Some(format!(
            "{}{}{}{instead} — {}",
            strings.dimension_names[dimension as usize],
            strings.colon,
            self.value_label(dimension, slot),
            strings.count_actions(self.outcome.total)
        ));
    }

    fn update_map(&mut self, action: Action) {
        match action {
            Action::Back => self.view = View::Browse,
            Action::Up => self.move_on_map(Direction::North),
            Action::Down => self.move_on_map(Direction::South),
            Action::Left => self.move_on_map(Direction::West),
            Action::Right => self.move_on_map(Direction::East),
            // Pages and the ends go by the list's order, as nothing orders them on a map.
            Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
                self.selected =
                    Self::move_in(self.listed_len(), self.selected, &action, self.page());
            }
            Action::Open => {
                if let Some(position) = self.selected_position() {
                    // The detail closes back to the map; the pane focused before is where
                    // Esc on the map then goes, unless it was the detail now closed.
                    let focus = match self.focus {
                        Pane::Detail => Pane::Results,
                        pane => pane,
                    };
                    self.view_return = Some(ViewReturn {
                        view: View::Map,
                        position,
                        focus,
                    });
                    self.view = View::Browse;
                    self.open = Some(position);
                    self.trail.clear();
                    self.detail_scroll = 0;
                    self.focus = Pane::Detail;
                }
            }
            Action::ToggleMark => self.toggle_mark(self.selected_position()),
            _ => {}
        }
    }

    /// Moves the selection to the marker nearest `direction` from the selected action's
    /// place where the last arrow arrived (see [`markers::next`]); results without a place
    /// are never reached this way. From an action without a place, any arrow goes to the
    /// first result that has one, the map's way in.
    fn move_on_map(&mut self, direction: Direction) {
        let all = markers::all(self);
        let place = match (self.map_place, self.selected_position()) {
            (Some((position, place)), Some(selected)) if position == selected => place,
            _ => 0,
        };
        let here = all
            .iter()
            .find(|marker| marker.hit == self.selected && marker.place == place)
            .copied();
        let next = match here {
            Some(here) => markers::next(&all, here, direction),
            None => all.first().copied(),
        };
        if let Some(next) = next {
            self.selected = next.hit;
            self.map_place = self
                .selected_position()
                .map(|position| (position, next.place));
        }
    }

    /// The action a command about "this action" means: the shortlist's cursor in the
    /// shortlist, else the open or selected one.
    pub fn current_action(&self) -> Option<Position> {
        if self.view == View::Shortlist {
            return self.shortlist.get(self.shortlist_cursor).copied();
        }
        self.detail_position()
    }

    fn copy(&mut self, what: Copied) -> Option<Effect> {
        let Some(position) = self.current_action() else {
            self.message = Some(self.lang.strings().nothing_to_copy.to_owned());
            return None;
        };
        let catalogue = self.engine.catalogue();
        let action = catalogue.action_at(position);
        let text = match what {
            Copied::Id => action.id.to_owned(),
            Copied::Citation => crate::export::citation(catalogue, &action, self.lang),
        };
        Some(Effect::Copy {
            text,
            what,
            id: action.id.to_owned(),
        })
    }

    fn mark_all(&mut self) {
        let results: Vec<Position> = self.outcome.hits.iter().map(|hit| hit.position).collect();
        let strings = self.lang.strings();
        if !results.is_empty() && results.iter().all(|&position| self.is_marked(position)) {
            self.shortlist.retain(|marked| !results.contains(marked));
            self.shortlist_cursor = self
                .shortlist_cursor
                .min(self.shortlist.len().saturating_sub(1));
            self.message = Some(format!(
                "{} {}",
                strings.unmarked_all,
                strings.count_actions(results.len())
            ));
        } else {
            for position in results.iter().copied() {
                if !self.is_marked(position) {
                    self.shortlist.push(position);
                }
            }
            self.message = Some(format!(
                "{} {}",
                strings.marked_all,
                strings.count_actions(results.len())
            ));
        }
    }

    fn toggle_mark(&mut self, position: Option<Position>) {
        let Some(position) = position else {
            return;
        };
        match self.shortlist.iter().position(|&marked| marked == position) {
            Some(index) => {
                self.shortlist.remove(index);
                // Keep the shortlist's cursor on an action when one is unmarked from
                // elsewhere; past the end, Space and Enter there did nothing.
                self.shortlist_cursor = self
                    .shortlist_cursor
                    .min(self.shortlist.len().saturating_sub(1));
            }
            None => self.shortlist.push(position),
        }
    }

    /// How many marked actions no export has written: what quitting would lose.
    pub fn unexported_marks(&self) -> usize {
        self.shortlist
            .iter()
            .filter(|position| !self.exported.contains(position))
            .count()
    }

    /// Quits, unless marked actions would be lost: then asks first.
    fn ask_to_quit(&mut self) {
        self.help = false;
        if self.unexported_marks() == 0 {
            self.quit = true;
        } else {
            self.dialog = Some(Dialog::ConfirmQuit);
        }
    }

    fn update_dialog(&mut self, dialog: Dialog, action: Action) -> Option<Effect> {
        // The path is edited at its cursor, as the search line is; the path offered is
        // replaced by what is typed, as a selected text would be (moving the cursor first
        // keeps it, to edit it).
        if let Dialog::ExportPath { path } = &dialog {
            let typing = matches!(action, Action::Insert(_) | Action::Paste(_));
            let (start, cursor) = if typing && self.export_path_is_default {
                ("", 0)
            } else {
                (path.as_str(), self.export_cursor.min(path.chars().count()))
            };
            if let Some((path, cursor)) = edit_line(start, cursor, &action) {
                self.export_path_is_default = false;
                self.export_cursor = cursor;
                self.dialog = Some(Dialog::ExportPath { path });
                return None;
            }
        }
        match (dialog, action) {
            // Asked already, or nothing to lose: quit.
            (Dialog::ConfirmQuit, Action::Quit) => self.quit = true,
            (_, Action::Quit) => {
                self.dialog = None;
                self.ask_to_quit();
            }
            // Export, then quit: what quitting was for.
            (Dialog::ConfirmQuit, Action::Answer(true) | Action::Open) => {
                self.dialog = None;
                self.quit_after_export = true;
                self.apply(Action::StartExport);
            }
            (Dialog::ConfirmQuit, Action::Answer(false)) => self.dialog = None,
            (_, Action::Resize { width, height }) => self.size = (width, height),
            // Esc on the last question goes back to the name, one step.
            (Dialog::ConfirmWrite { path }, Action::Back) => {
                self.dialog = Some(Dialog::ExportPath { path });
            }
            (_, Action::Back) => {
                self.dialog = None;
                self.quit_after_export = false;
                self.message = Some(self.lang.strings().cancelled.to_owned());
            }
            (Dialog::ExportPath { path }, Action::Open) => {
                let check = (!path.trim().is_empty()).then(|| Effect::CheckPath {
                    path: self.resolve(&path),
                });
                self.dialog = Some(Dialog::ExportPath { path });
                return check;
            }
            // The answer for the path the dialog holds; any other is stale.
            (
                Dialog::ExportPath { path },
                Action::PathChecked {
                    path: checked,
                    found,
                },
            ) if checked == self.resolve(&path) => {
                match found {
                    // A regular file is replaced only once the person says so.
                    Target::File { read_only: false } => {
                        self.dialog = Some(Dialog::ConfirmOverwrite { path });
                    }
                    Target::Absent => self.dialog = Some(Dialog::ConfirmWrite { path }),
                    // Standard output is the screen here.
                    Target::Stream => {
                        let strings = self.lang.strings();
                        self.message = Some(format!(
                            "{}{}{}",
                            strings.export_failed, strings.colon, strings.give_a_file
                        ));
                        self.dialog = Some(Dialog::ExportPath { path });
                    }
                    // A folder, a read-only file, a device: said at once, the dialog kept.
                    refused => {
                        let strings = self.lang.strings();
                        let reason = refused
                            .refusal(&checked, false, self.lang)
                            .unwrap_or_default();
                        self.message = Some(format!(
                            "{}{}{reason}",
                            strings.export_failed, strings.colon
                        ));
                        self.dialog = Some(Dialog::ExportPath { path });
                    }
                }
            }
            (Dialog::ConfirmWrite { path }, Action::Open) => {
                let write = self.write_shortlist(&path, false);
                self.dialog = Some(Dialog::ConfirmWrite { path });
                return Some(write);
            }
            // Enter is no, the answer that loses nothing.
            (Dialog::ConfirmOverwrite { path }, Action::Open) => {
                self.dialog = Some(Dialog::ExportPath { path });
            }
            (Dialog::ConfirmOverwrite { path }, Action::Answer(true)) => {
                let write = self.write_shortlist(&path, true);
                self.dialog = Some(Dialog::ConfirmOverwrite { path });
                return Some(write);
            }
            (Dialog::ConfirmOverwrite { path }, Action::Answer(false)) => {
                self.dialog = Some(Dialog::ExportPath { path });
            }
            (
                Dialog::ExportPath { path: typed }
                | Dialog::ConfirmWrite { path: typed }
                | Dialog::ConfirmOverwrite { path: typed },
                Action::Exported { path, result },
            ) => {
                let strings = self.lang.strings();
                match result {
                    Ok(count) => {
                        self.dialog = None;
                        self.exported = self.shortlist.clone();
                        self.quit |= self.quit_after_export;
                        self.message = Some(format!(
                            "{} {} → {}",
                            strings.exported,
                            strings.count_actions(count),
                            path.display()
                        ));
                    }
                    // The dialog stays open with the reason (a read-only folder, say), so
                    // another path can be chosen; nothing is lost.
                    Err(error) => {
                        self.dialog = Some(Dialog::ExportPath { path: typed });
                        self.message =
                            Some(format!("{}{}{error}", strings.export_failed, strings.colon));
                    }
                }
            }
            (dialog, _) => self.dialog = Some(dialog),
        }
        None
    }

    /// Where the export path typed in the dialog writes: a bare name in the export folder,
    /// `~` the home folder.
    pub fn resolve(&self, path: &str) -> PathBuf {
        let typed = path.trim();
        // "-" names standard output, not a file in the export folder.
        if typed == "-" {
            return PathBuf::from(typed);
        }
        // `~` is the home folder, as in a shell.
        if let Some(home) = &self.home {
            if typed == "~" {
                return home.clone();
            }
            if let Some(rest) = typed.strip_prefix("~/") {
                return home.join(rest);
            }
        }
        let path = PathBuf::from(typed);
        if path.is_absolute() {
            path
        } else {
            self.export_directory.join(path)
        }
    }

    fn update_about(&mut self, action: Action) {
        if action == Action::Back {
            self.view = View::Browse;
        } else if let Some(offset) =
            self.scrolled(self.about_scroll, self.about_scroll_limit, &action)
        {
            self.about_scroll = offset;
        }
    }

    /// Scrolls the detail, never past its last line.
    fn scroll_detail_to(&mut self, offset: u16) {
        self.detail_scroll = offset.min(self.detail_scroll_limit);
    }

    /// Where a scroll key takes a text scrolled to `offset` that can go to `limit` (the
    /// detail, About, the help): a line, a page, an end, never past its last line. `None`
    /// for any other action.
    fn scrolled(&self, offset: u16, limit: u16, action: &Action) -> Option<u16> {
        let page = u16::try_from(self.page()).unwrap_or(u16::MAX);
        let wanted = match action {
            Action::Up => offset.saturating_sub(1),
            Action::Down => offset.saturating_add(1),
            Action::PageUp => offset.saturating_sub(page),
            Action::PageDown => offset.saturating_add(page),
            Action::Top => 0,
            Action::Bottom => u16::MAX,
            _ => return None,
        };
        Some(wanted.min(limit))
    }

    /// The effect that writes the shortlist where `typed` says.
    fn write_shortlist(&self, typed: &str, replace: bool) -> Effect {
        Effect::WriteShortlist {
            path: self.resolve(typed),
            shortlist: self.shortlist.clone(),
            lang: self.lang,
            today: self.engine.today(),
            replace,
        }
    }

    /// A click on the result at `index`: selected, or opened when it already was; below the
    /// last result, the click only focuses the list.
    fn pick_result(&mut self, index: usize) {
        self.view = View::Browse;
        self.focus = Pane::Results;
        if index >= self.listed_len() {
            return;
        }
        if index == self.selected {
            self.update_results(Action::Open);
        } else {
            self.selected = index;
            self.detail_scroll = 0;
            if self.open.is_some() {
                self.open = self.selected_position();
                self.trail.clear();
            }
        }
    }

    /// The wheel over `pane`: scrolls the detail, moves the filter cursor, the statistics'
    /// cursor, or the selection (in the results and the map) by one.
    fn wheel(&mut self, pane: Pane, down: bool) {
        let step = if down { Action::Down } else { Action::Up };
        match pane {
            Pane::Detail => self.update_detail(step),
            Pane::Filters => self.update_filters(step),
            // The statistics fill the screen, where the results would be.
            Pane::Results | Pane::Search if self.view == View::Stats => self.update_stats(step),
            // The search line has no wheel of its own: it moves the selection too.
            Pane::Results | Pane::Search => {
                self.selected = Self::move_in(self.listed_len(), self.selected, &step, 1);
            }
        }
    }
}

/// A line of text edited as readline edits it: the new text and cursor (in characters) for
/// an editing action, or `None` for an action that does not edit text.
fn edit_line(text: &str, cursor: usize, action: &Action) -> Option<(String, usize)> {
    let mut chars: Vec<char> = text.chars().collect();
    let cursor = cursor.min(chars.len());
    let word_start = |from: usize| {
        let mut at = from;
        while at > 0 && chars[at - 1].is_whitespace() {
            at -= 1;
        }
        while at > 0 && !chars[at - 1].is_whitespace() {
            at -= 1;
        }
        at
    };
    let word_end = |from: usize| {
        let mut at = from;
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        while at < chars.len() && !chars[at].is_whitespace() {
            at += 1;
        }
        at
    };
    let (start, end, new_cursor) = match action {
        Action::Insert(c) if !c.is_control() => {
            chars.insert(cursor, *c);
            return Some((chars.into_iter().collect(), cursor + 1));
        }
        Action::Paste(pasted) => {
            let pasted: Vec<char> = pasted
                .chars()
                // Terminals send a pasted line break as a carriage return.
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .filter(|c| !c.is_control())
                .collect();
            let after = cursor + pasted.len();
            chars.splice(cursor..cursor, pasted);
            return Some((chars.into_iter().collect(), after));
        }
        Action::Backspace => (cursor.saturating_sub(1), cursor, cursor.saturating_sub(1)),
        Action::DeleteForward => (cursor, (cursor + 1).min(chars.len()), cursor),
        Action::DeleteWord => (word_start(cursor), cursor, word_start(cursor)),
        Action::DeleteWordForward => (cursor, word_end(cursor), cursor),
        Action::DeleteToStart => (0, cursor, 0),
        Action::DeleteToEnd => (cursor, chars.len(), cursor),
        Action::CursorLeft => (cursor, cursor, cursor.saturating_sub(1)),
        Action::CursorRight => (cursor, cursor, (cursor + 1).min(chars.len())),
        Action::CursorStart => (cursor, cursor, 0),
        Action::CursorEnd => (cursor, cursor, chars.len()),
        Action::WordLeft => (cursor, cursor, word_start(cursor)),
        Action::WordRight => (cursor, cursor, word_end(cursor)),
        _ => return None,
    };
    chars.drain(start..end);
    Some((chars.into_iter().collect(), new_cursor))
}
