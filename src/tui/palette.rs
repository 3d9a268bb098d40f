//! Styles: colour, monochrome (`NO_COLOR`) and high contrast. No information is carried by
//! colour alone: selection also has a marker, matches are also bold or underlined.

use ratatui::style::{Color, Modifier, Style};

/// The palette in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Palette {
    /// Colours.
    Colour,
    /// No colour at all (chosen when `NO_COLOR` is set).
    Mono,
    /// Black and white, bold, for bright rooms and weak eyes.
    HighContrast,
}

impl Palette {
    /// Colour unless `NO_COLOR` is set (to anything non-empty).
    pub fn from_environment() -> Palette {
        if std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()) {
            Palette::Mono
        } else {
            Palette::Colour
        }
    }

    pub fn normal(self) -> Style {
        Style::default()
    }

    pub fn dim(self) -> Style {
        match self {
            Palette::Colour => Style::default().fg(Color::DarkGray),
            Palette::Mono => Style::default().add_modifier(Modifier::DIM),
            Palette::HighContrast => Style::default(),
        }
    }

    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        match (self, focused) {
            (Palette::Colour, true) => Style::default().fg(Color::Cyan),
            (Palette::Colour, false) => Style::default().fg(Color::DarkGray),
            (_, true) => Style::default().add_modifier(Modifier::BOLD),
            (_, false) => Style::default(),
        }
    }

    /// The selected row: reversed, so it shows without colour too.
    pub fn selected(self) -> Style {
        match self {
            Palette::Colour => Style::default().bg(Color::Blue).fg(Color::White),
            _ => Style::default().add_modifier(Modifier::REVERSED),
        }
    }

    /// The query's matches in text: bold and underlined, coloured where colour is allowed.
    pub fn highlight(self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        match self {
            Palette::Colour => style.fg(Color::Yellow),
            _ => style,
        }
    }

    pub fn marked(self) -> Style {
        match self {
            Palette::Colour => Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD),
            _ => Style::default().add_modifier(Modifier::BOLD),
        }
    }

    pub fn label(self) -> Style {
        match self {
            Palette::Colour => Style::default().fg(Color::Cyan),
            _ => Style::default().add_modifier(Modifier::BOLD),
        }
    }

    pub fn bar(self) -> Style {
        match self {
            Palette::Colour => Style::default().fg(Color::Cyan),
            _ => Style::default(),
        }
    }

    pub fn marker(self, selected: bool) -> Color {
        match (self, selected) {
            (Palette::Colour, true) => Color::Yellow,
            (Palette::Colour, false) => Color::Red,
            _ => Color::Reset,
        }
    }
}
