//! The map view: a world map with a marker for each action of the current selection that
//! has a place; the selected action stands out. Clicking near a marker selects its action.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

use super::block;
use crate::catalogue::Position;
use crate::tui::app::App;
use crate::tui::palette::Palette;

/// The latitudes shown: the inhabited world, so the map fills the screen usefully.
const NORTH: f64 = 75.0;
const SOUTH: f64 = -50.0;

/// The map's drawing area inside the view's border.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// The longitude and latitude under a cell of the map.
pub fn to_lon_lat(inner: Rect, column: u16, row: u16) -> (f64, f64) {
    let x = (f64::from(column.saturating_sub(inner.x)) + 0.5) / f64::from(inner.width.max(1));
    let y = (f64::from(row.saturating_sub(inner.y)) + 0.5) / f64::from(inner.height.max(1));
    (-180.0 + x * 360.0, NORTH - y * (NORTH - SOUTH))
}

/// The coordinates of an action's first place, if it has one.
pub fn coordinates(app: &App<'_, '_>, position: Position) -> Option<(f64, f64)> {
    let catalogue = app.engine.catalogue();
    let row = &catalogue.facets()[position as usize];
    let place = *catalogue.places_of(row).first()?;
    let place = &catalogue.tables.places[place as usize];
    Some((place.lon, place.lat))
}

/// The index of the hit whose marker is nearest a clicked cell (within a few degrees).
pub fn nearest_hit(app: &App<'_, '_>, area: Rect, column: u16, row: u16) -> Option<usize> {
    let (lon, lat) = to_lon_lat(inner(area), column, row);
    let cell_degrees = 360.0 / f64::from(inner(area).width.max(1));
    app.outcome
        .hits
        .iter()
        .enumerate()
        .filter_map(|(index, hit)| {
            let (x, y) = coordinates(app, hit.position)?;
            let distance = ((x - lon).powi(2) + ((y - lat) * 2.0).powi(2)).sqrt();
            Some((distance, index))
        })
        .filter(|(distance, _)| *distance <= cell_degrees * 3.0)
        .min_by(|left, right| left.0.total_cmp(&right.0))
        .map(|(_, index)| index)
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let placed: Vec<(usize, (f64, f64))> = app
        .outcome
        .hits
        .iter()
        .enumerate()
        .filter_map(|(index, hit)| Some((index, coordinates(app, hit.position)?)))
        .collect();
    let unplaced = app.outcome.hits.len() - placed.len();
    let selected = app
        .selected_position()
        .map(|position| app.engine.catalogue().action_at(position));
    // The title's parts that do not fit the border are left out whole, the legend first:
    // cut by the border, "@ selected actio" read as a word of its own.
    let mut parts = vec![
        format!("{} — {}", strings.map, strings.count_actions(placed.len())),
        format!("{unplaced} {}", strings.without_place),
        strings.map_legend.to_owned(),
    ];
    let room = usize::from(area.width).saturating_sub(2);
    while parts.len() > 1 && crate::text::width(&parts.join(" · ")) > room {
        parts.pop();
    }
    let title = parts.join(" · ");
    let mut widget = block(title, true, palette);
    if let Some(action) = &selected {
        widget = widget.title_bottom(Line::from(vec![
            Span::styled("@ ", palette.highlight()),
            Span::raw(format!(
                "{} — {}",
                crate::text::sanitize(super::submitter_name(app, action)),
                action.id
            )),
        ]));
    }
    let map_colour = palette.map_outline();
    let canvas = Canvas::default()
        .block(widget)
        .background_color(palette.normal().bg.unwrap_or_default())
        .x_bounds([-180.0, 180.0])
        .y_bounds([SOUTH, NORTH])
        .paint(|context| {
            context.draw(&Map {
                resolution: MapResolution::High,
                color: map_colour,
            });
            context.layer();
            for (index, (lon, lat)) in &placed {
                if *index != app.selected {
                    context.print(
                        *lon,
                        *lat,
                        Span::styled("+", Style::default().fg(palette.marker(false))),
                    );
                }
            }
            // The selected action last, so it stays on top.
            if let Some((_, (lon, lat))) = placed.iter().find(|(index, _)| *index == app.selected) {
                context.print(
                    *lon,
                    *lat,
                    Span::styled(
                        "@",
                        Style::default().fg(palette.marker(true)).add_modifier(
                            ratatui::style::Modifier::BOLD | ratatui::style::Modifier::REVERSED,
                        ),
                    ),
                );
            }
        });
    frame.render_widget(canvas, area);
}
