//! Styles: colours for dark and for light backgrounds, monochrome (`NO_COLOR`) and high
//! contrast. No information is carried by colour alone: selection also has a marker, matches
//! are also bold and underlined.
//!
//! The colour palettes use the 256-colour table's fixed cube and grey ramp (16–255), never
//! the 16 named colours: terminal themes redefine those (Solarized's "dark grey" is its
//! background), while the fixed colours read the same in every theme of a kind.

use ratatui::style::{Color, Modifier, Style};

/// The palette in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Palette {
    /// Colours for a dark background (the default, unless `COLORFGBG` says the background
    /// is light).
    #[value(alias = "colour", alias = "color")]
    Dark,
    /// Colours for a light background.
    Light,
    /// No colour at all (chosen when `NO_COLOR` is set).
    Mono,
    /// White on black with yellow selection, bold, for bright rooms and weak eyes.
    HighContrast,
}

const WHITE: Color = Color::Indexed(231);
const BLACK: Color = Color::Indexed(16);
/// Grey ramp: 242 (#6c6c6c) and 245 (#8a8a8a) read at 3:1 or better on black, on white
/// and on Solarized's backgrounds.
const GREY_ON_DARK: Color = Color::Indexed(245);
const GREY_ON_LIGHT: Color = Color::Indexed(242);
/// Map outlines, on either background.
const MAP_GREY: Color = Color::Indexed(244);

impl Palette {
    /// Mono when `NO_COLOR` is set (to anything non-empty); otherwise light when the
    /// terminal says through `COLORFGBG` that its background is light, dark else.
    pub fn from_environment() -> Palette {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let colours = std::env::var("COLORFGBG").ok();
        Palette::choose(no_colour, colours.as_deref())
    }

    /// The palette for `NO_COLOR`'s presence and `COLORFGBG`'s value ("15;0" is white on
    /// black; its last field is the background's colour number).
    pub fn choose(no_colour: bool, colorfgbg: Option<&str>) -> Palette {
        if no_colour {
            return Palette::Mono;
        }
        let background = colorfgbg
            .and_then(|value| value.rsplit(';').next())
            .and_then(|background| background.trim().parse::<u8>().ok());
        match background {
            // White, and the bright colours but bright black.
            Some(7 | 9..=15) => Palette::Light,
            _ => Palette::Dark,
        }
    }

    /// Every cell's base: only the high-contrast palette sets its own background.
    pub fn normal(self) -> Style {
        match self {
            Palette::HighContrast => Style::default().fg(WHITE).bg(BLACK),
            _ => Style::default(),
        }
    }

    /// Secondary text: counts, list metadata, hints.
    pub fn dim(self) -> Style {
        match self {
            Palette::Dark => Style::default().fg(GREY_ON_DARK),
            Palette::Light => Style::default().fg(GREY_ON_LIGHT),
            Palette::Mono => Style::default().add_modifier(Modifier::DIM),
            Palette::HighContrast => Style::default().fg(WHITE),
        }
    }

    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        match (self, focused) {
            (Palette::Dark, true) => Style::default().fg(Color::Indexed(80)),
            (Palette::Dark, false) => Style::default().fg(GREY_ON_DARK),
            (Palette::Light, true) => Style::default().fg(Color::Indexed(25)),
            (Palette::Light, false) => Style::default().fg(GREY_ON_LIGHT),
            (Palette::Mono, true) => Style::default().add_modifier(Modifier::BOLD),
            (Palette::Mono, false) => Style::default(),
            (Palette::HighContrast, true) => Style::default()
                .fg(Color::Indexed(226))
                .add_modifier(Modifier::BOLD),
            (Palette::HighContrast, false) => Style::default().fg(WHITE),
        }
    }

    /// The selected row: a background of its own, or reversed without colour.
    pub fn selected(self) -> Style {
        match self {
            Palette::Dark => Style::default().bg(Color::Indexed(24)).fg(WHITE),
            Palette::Light => Style::default().bg(Color::Indexed(25)).fg(WHITE),
            Palette::Mono => Style::default().add_modifier(Modifier::REVERSED),
            Palette::HighContrast => Style::default()
                .bg(Color::Indexed(226))
                .fg(BLACK)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// The query's matches in text: bold and underlined, coloured where colour is allowed.
    pub fn highlight(self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        match self {
            Palette::Dark => style.fg(Color::Indexed(220)),
            Palette::Light => style.fg(Color::Indexed(90)),
            Palette::Mono => style,
            Palette::HighContrast => style.fg(Color::Indexed(51)),
        }
    }

    /// A match inside text drawn in `base`: on the selected row, a colour that reads on the
    /// selection's background.
    pub fn highlight_over(self, base: Style) -> Style {
        if base != self.selected() {
            return self.highlight();
        }
        let style = Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        match self {
            Palette::Dark => style.fg(Color::Indexed(220)),
            Palette::Light => style.fg(Color::Indexed(229)),
            Palette::Mono => style,
            Palette::HighContrast => style.fg(BLACK),
        }
    }

    pub fn marked(self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        match self {
            Palette::Dark => style.fg(Color::Indexed(114)),
            Palette::Light => style.fg(Color::Indexed(28)),
            Palette::Mono => style,
            Palette::HighContrast => style.fg(Color::Indexed(46)),
        }
    }

    pub fn label(self) -> Style {
        match self {
            Palette::Dark => Style::default().fg(Color::Indexed(80)),
            Palette::Light => Style::default().fg(Color::Indexed(25)),
            Palette::Mono => Style::default().add_modifier(Modifier::BOLD),
            Palette::HighContrast => Style::default().fg(WHITE).add_modifier(Modifier::BOLD),
        }
    }

    pub fn bar(self) -> Style {
        match self {
            Palette::Dark => Style::default().fg(Color::Indexed(80)),
            Palette::Light => Style::default().fg(Color::Indexed(25)),
            Palette::Mono => Style::default(),
            Palette::HighContrast => Style::default().fg(WHITE),
        }
    }

    /// A place on the map: the selected action's, or another result's.
    pub fn marker(self, selected: bool) -> Color {
        match (self, selected) {
            (Palette::Dark, true) => Color::Indexed(220),
            (Palette::Dark, false) => Color::Indexed(203),
            (Palette::Light, true) => Color::Indexed(90),
            (Palette::Light, false) => Color::Indexed(160),
            (Palette::HighContrast, true) => Color::Indexed(226),
            (Palette::HighContrast, false) => Color::Indexed(213),
            (Palette::Mono, _) => Color::Reset,
        }
    }

    /// The map's coastlines.
    pub fn map_outline(self) -> Color {
        match self {
            Palette::Dark | Palette::Light => MAP_GREY,
            Palette::HighContrast => WHITE,
            Palette::Mono => Color::Reset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_chooses_the_palette() {
        assert_eq!(Palette::choose(true, Some("0;15")), Palette::Mono);
        assert_eq!(Palette::choose(false, Some("0;15")), Palette::Light);
        assert_eq!(Palette::choose(false, Some("0;default;7")), Palette::Light);
        assert_eq!(Palette::choose(false, Some("15;0")), Palette::Dark);
        assert_eq!(Palette::choose(false, Some("7;8")), Palette::Dark);
        assert_eq!(
            Palette::choose(false, Some("default;default")),
            Palette::Dark
        );
        assert_eq!(Palette::choose(false, None), Palette::Dark);
    }
}
