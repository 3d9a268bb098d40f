//! The colour palettes read on the backgrounds they are for: every drawn character of the
//! interface's screens, resolved through real terminal themes (xterm's and Solarized's
//! colours), has a contrast of at least 3:1 with its background (WCAG's floor for large text
//! and interface parts); and a map of which style each cell has, per palette, reviewed by
//! eye as a snapshot.

#[path = "common/interface.rs"]
mod interface;

use interface::engine;
use localaction::i18n::Lang;
use localaction::tui::app::{Action, App, Pane, View};
use localaction::tui::palette::Palette;
use localaction::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

type Rgb = [u8; 3];

/// A terminal theme: its default colours and its 16 named colours.
struct Theme {
    name: &'static str,
    foreground: Rgb,
    background: Rgb,
    named: [Rgb; 16],
}

/// xterm's named colours (its `XTerm*color0..15` defaults).
const XTERM: [Rgb; 16] = [
    [0x00, 0x00, 0x00],
    [0xcd, 0x00, 0x00],
    [0x00, 0xcd, 0x00],
    [0xcd, 0xcd, 0x00],
    [0x00, 0x00, 0xee],
    [0xcd, 0x00, 0xcd],
    [0x00, 0xcd, 0xcd],
    [0xe5, 0xe5, 0xe5],
    [0x7f, 0x7f, 0x7f],
    [0xff, 0x00, 0x00],
    [0x00, 0xff, 0x00],
    [0xff, 0xff, 0x00],
    [0x5c, 0x5c, 0xff],
    [0xff, 0x00, 0xff],
    [0x00, 0xff, 0xff],
    [0xff, 0xff, 0xff],
];

/// Solarized's terminal colours (Ethan Schoonover's table): bright black is base03, the
/// dark theme's background.
const SOLARIZED: [Rgb; 16] = [
    [0x07, 0x36, 0x42],
    [0xdc, 0x32, 0x2f],
    [0x85, 0x99, 0x00],
    [0xb5, 0x89, 0x00],
    [0x26, 0x8b, 0xd2],
    [0xd3, 0x36, 0x82],
    [0x2a, 0xa1, 0x98],
    [0xee, 0xe8, 0xd5],
    [0x00, 0x2b, 0x36],
    [0xcb, 0x4b, 0x16],
    [0x58, 0x6e, 0x75],
    [0x65, 0x7b, 0x83],
    [0x83, 0x94, 0x96],
    [0x6c, 0x71, 0xc4],
    [0x93, 0xa1, 0xa1],
    [0xfd, 0xf6, 0xe3],
];

const DARK_THEMES: [Theme; 3] = [
    Theme {
        name: "xterm, white on black",
        foreground: [0xff, 0xff, 0xff],
        background: [0x00, 0x00, 0x00],
        named: XTERM,
    },
    Theme {
        name: "Solarized dark",
        foreground: [0x83, 0x94, 0x96],
        background: [0x00, 0x2b, 0x36],
        named: SOLARIZED,
    },
    Theme {
        name: "dark grey (VS Code's terminal)",
        foreground: [0xcc, 0xcc, 0xcc],
        background: [0x1e, 0x1e, 0x1e],
        named: XTERM,
    },
];

const LIGHT_THEMES: [Theme; 2] = [
    Theme {
        name: "xterm, black on white",
        foreground: [0x00, 0x00, 0x00],
        background: [0xff, 0xff, 0xff],
        named: XTERM,
    },
    Theme {
        name: "Solarized light",
        foreground: [0x65, 0x7b, 0x83],
        background: [0xfd, 0xf6, 0xe3],
        named: SOLARIZED,
    },
];

/// The 256-colour table's fixed part: the 6×6×6 cube, then the grey ramp.
fn indexed(index: u8, theme: &Theme) -> Rgb {
    match index {
        0..=15 => theme.named[usize::from(index)],
        16..=231 => {
            let levels = [0, 95, 135, 175, 215, 255];
            let cube = index - 16;
            [
                levels[usize::from(cube / 36)],
                levels[usize::from(cube / 6 % 6)],
                levels[usize::from(cube % 6)],
            ]
        }
        232..=255 => {
            let grey = 8 + 10 * (index - 232);
            [grey, grey, grey]
        }
    }
}

fn resolve(colour: Color, default: Rgb, theme: &Theme) -> Rgb {
    match colour {
        Color::Reset => default,
        Color::Black => theme.named[0],
        Color::Red => theme.named[1],
        Color::Green => theme.named[2],
        Color::Yellow => theme.named[3],
        Color::Blue => theme.named[4],
        Color::Magenta => theme.named[5],
        Color::Cyan => theme.named[6],
        Color::Gray => theme.named[7],
        Color::DarkGray => theme.named[8],
        Color::LightRed => theme.named[9],
        Color::LightGreen => theme.named[10],
        Color::LightYellow => theme.named[11],
        Color::LightBlue => theme.named[12],
        Color::LightMagenta => theme.named[13],
        Color::LightCyan => theme.named[14],
        Color::White => theme.named[15],
        Color::Indexed(index) => indexed(index, theme),
        Color::Rgb(red, green, blue) => [red, green, blue],
    }
}

/// WCAG 2's relative luminance.
fn luminance(rgb: Rgb) -> f64 {
    let channel = |value: u8| {
        let value = f64::from(value) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

fn contrast(one: Rgb, other: Rgb) -> f64 {
    let (one, other) = (luminance(one), luminance(other));
    (one.max(other) + 0.05) / (one.min(other) + 0.05)
}

/// The colours a terminal with `theme` shows for a cell: reversed swaps them, dim halves
/// the foreground towards the background (as most terminals draw it).
fn shown(style: Style, theme: &Theme) -> (Rgb, Rgb) {
    let mut foreground = resolve(style.fg.unwrap_or(Color::Reset), theme.foreground, theme);
    let mut background = resolve(style.bg.unwrap_or(Color::Reset), theme.background, theme);
    if style.add_modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut foreground, &mut background);
    }
    if style.add_modifier.contains(Modifier::DIM) {
        for channel in 0..3 {
            foreground[channel] =
                ((u16::from(foreground[channel]) + u16::from(background[channel])) / 2) as u8;
        }
    }
    (foreground, background)
}

fn type_text(app: &mut App<'_, '_>, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

/// What brings a fresh interface to one screen.
type Setup = dyn Fn(&mut App<'_, '_>);

/// The screens every style appears on: matches in titles and texts, the selected row, a
/// marked row, the filters' cursor, the statistics' bars, the map's markers, the help, the
/// export dialog and a status message.
fn screens() -> Vec<(&'static str, Box<Setup>)> {
    vec![
        (
            "climat, one marked, detail open",
            Box::new(|app| {
                type_text(app, "climat");
                app.update(Action::Down);
                app.update(Action::ToggleMark);
                app.update(Action::Down);
                app.update(Action::Open);
            }),
        ),
        (
            "filters' cursor",
            Box::new(|app| {
                app.update(Action::Focus(Pane::Filters));
                app.update(Action::Down);
            }),
        ),
        (
            "statistics",
            Box::new(|app| {
                app.update(Action::Show(View::Stats));
            }),
        ),
        (
            "map",
            Box::new(|app| {
                type_text(app, "kampala");
                app.update(Action::Show(View::Map));
            }),
        ),
        (
            "help",
            Box::new(|app| {
                app.update(Action::ToggleHelp);
            }),
        ),
        (
            "export dialog",
            Box::new(|app| {
                app.update(Action::Down);
                app.update(Action::ToggleMark);
                app.update(Action::StartExport);
            }),
        ),
    ]
}

fn draw(app: &App<'_, '_>, palette: Palette, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| {
            view::draw(frame, app, palette);
        })
        .expect("drawing succeeds");
    terminal.backend().buffer().clone()
}

/// The worst-reading drawn character of `buffer` under `theme`.
fn worst_cell(buffer: &Buffer, theme: &Theme) -> Option<(f64, String)> {
    let area = buffer.area;
    let mut worst: Option<(f64, String)> = None;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let (foreground, background) = shown(cell.style(), theme);
            let ratio = contrast(foreground, background);
            if worst.as_ref().is_none_or(|(lowest, _)| ratio < *lowest) {
                let row: String = (area.left()..area.right())
                    .map(|x| buffer[(x, y)].symbol())
                    .collect();
                worst = Some((
                    ratio,
                    format!(
                        "{:?} at {x},{y} in {:?}, style {:?}",
                        cell.symbol(),
                        row.trim_end(),
                        cell.style()
                    ),
                ));
            }
        }
    }
    worst
}

#[test]
fn every_character_reads_on_its_background() {
    let engine = engine();
    let palettes: [(Palette, &[Theme]); 3] = [
        (Palette::Dark, &DARK_THEMES),
        (Palette::Light, &LIGHT_THEMES),
        // Its own black background, whatever the terminal's.
        (Palette::HighContrast, &DARK_THEMES),
    ];
    let mut failures = Vec::new();
    for (palette, themes) in palettes {
        for (name, setup) in screens() {
            for (width, height) in [(80, 24), (200, 60)] {
                let mut app = App::new(&engine, Lang::EN, (width, height));
                app.export_directory = std::path::PathBuf::from("/nonexistent");
                setup(&mut app);
                let buffer = draw(&app, palette, width, height);
                for theme in themes {
                    if let Some((ratio, cell)) = worst_cell(&buffer, theme)
                        && ratio < 3.0
                    {
                        failures.push(format!(
                            "{palette:?} on {}, {name} at {width}×{height}: {ratio:.2}:1 for {cell}",
                            theme.name
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// High contrast is its own: white on black everywhere, whatever the terminal's colours,
/// and at least 7:1 (WCAG's AAA) for every drawn character.
#[test]
fn high_contrast_sets_every_cell() {
    let engine = engine();
    let light = &LIGHT_THEMES[0];
    for (name, setup) in screens() {
        let mut app = App::new(&engine, Lang::EN, (80, 24));
        app.export_directory = std::path::PathBuf::from("/nonexistent");
        setup(&mut app);
        let buffer = draw(&app, Palette::HighContrast, 80, 24);
        for cell in buffer.content() {
            assert!(
                cell.bg != Color::Reset,
                "{name}: a cell without the palette's background: {cell:?}"
            );
        }
        for theme in DARK_THEMES.iter().chain([light]) {
            if let Some((ratio, cell)) = worst_cell(&buffer, theme) {
                assert!(
                    ratio >= 7.0,
                    "{name} on {}: {ratio:.2}:1 for {cell}",
                    theme.name
                );
            }
        }
    }
}

/// The climat screen's styles, one letter per cell, with the legend: reviewed by eye (the
/// selected row is one style across, counts and metadata are secondary, matches stand out).
#[test]
fn style_maps() {
    let engine = engine();
    for palette in [Palette::Dark, Palette::Light, Palette::HighContrast] {
        let mut app = App::new(&engine, Lang::EN, (80, 24));
        app.export_directory = std::path::PathBuf::from("/nonexistent");
        type_text(&mut app, "climat");
        app.update(Action::Down);
        app.update(Action::ToggleMark);
        app.update(Action::Down);
        let buffer = draw(&app, palette, 80, 24);
        let mut legend: Vec<Style> = Vec::new();
        let mut map = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                let cell = &buffer[(x, y)];
                let style = cell.style();
                if cell.symbol().trim().is_empty() && style.bg.is_none_or(|bg| bg == Color::Reset) {
                    map.push(' ');
                    continue;
                }
                let index = legend
                    .iter()
                    .position(|known| *known == style)
                    .unwrap_or_else(|| {
                        legend.push(style);
                        legend.len() - 1
                    });
                map.push(char::from(b'a' + index as u8));
            }
            map.push('\n');
        }
        let legend: String = legend
            .iter()
            .enumerate()
            .map(|(index, style)| format!("{}: {style:?}\n", char::from(b'a' + index as u8)))
            .collect();
        insta::assert_snapshot!(format!("styles_{palette:?}"), format!("{legend}\n{map}"));
    }
}
