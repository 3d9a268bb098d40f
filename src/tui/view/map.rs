//! The map view: a world map with a marker at every place of each action of the current
//! selection; the selected action's markers stand out, and the bottom title names it and
//! its places, or says it has none. Clicking near a marker selects its action.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

use super::block;
use crate::catalogue::Position;
use crate::tui::app::App;
use crate::tui::markers;
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

/// The cell where the canvas prints a marker at `lon`, `lat` (the rule ratatui places its
/// labels by), or `None` off the map.
pub fn cell_of(inner: Rect, lon: f64, lat: f64) -> Option<(u16, u16)> {
    if inner.width == 0 || inner.height == 0 {
        return None;
    }
    if !(-180.0..=180.0).contains(&lon) || !(SOUTH..=NORTH).contains(&lat) {
        return None;
    }
    let column = (lon + 180.0) * f64::from(inner.width - 1) / 360.0;
    let row = (NORTH - lat) * f64::from(inner.height - 1) / (NORTH - SOUTH);
    Some((inner.x + column as u16, inner.y + row as u16))
}

/// The index of the hit with a marker nearest a clicked cell (within a few degrees): an
/// action with several places is picked at any of them. Of actions at one place, the
/// selected one is kept (its mark is the one drawn there), else the first in the list.
pub fn nearest_hit(app: &App<'_, '_>, area: Rect, column: u16, row: u16) -> Option<usize> {
    let clicked = to_lon_lat(inner(area), column, row);
    let cell_degrees = 360.0 / f64::from(inner(area).width.max(1));
    markers::all(app)
        .into_iter()
        .map(|marker| {
            let distance = markers::distance((marker.lon, marker.lat), clicked);
            (distance, marker.hit != app.selected, marker.hit)
        })
        .filter(|(distance, _, _)| *distance <= cell_degrees * 3.0)
        .min_by(|left, right| left.0.total_cmp(&right.0).then(left.1.cmp(&right.1)))
        .map(|(_, _, index)| index)
}

/// The bottom title, about the selected action: its submitter, the places it is drawn at
/// when they are not just the submitter's name, and its id; or, for an action with no
/// place (a network, a national government), that the map cannot show it and why, where
/// nothing at all would leave the reader looking for its marker. `room` is the border's
/// width inside its corners.
fn selection_title(
    app: &App<'_, '_>,
    position: Position,
    room: usize,
    palette: Palette,
) -> Line<'static> {
    let catalogue = app.engine.catalogue();
    let action = catalogue.action_at(position);
    let submitter = crate::text::sanitize(super::submitter_name(app, &action)).into_owned();
    if action.places.is_empty() {
        let why = app.lang.strings().no_place[action.kind as usize];
        // The reason is kept whole; a long submitter gives way.
        let name_room = room.saturating_sub(crate::text::width(why) + crate::text::width(" — "));
        let text = format!("{} — {why}", crate::text::truncate(&submitter, name_room));
        return Line::from(crate::text::truncate(&text, room));
    }
    let names: Vec<&str> = action
        .places
        .iter()
        .map(|&place| catalogue.tables.places[place as usize].name(app.lang.texts()))
        .collect();
    let places = crate::text::sanitize(&names.join(" – ")).into_owned();
    let fold = crate::engine::facets::fold;
    let named = if fold(&places) == fold(&submitter) {
        submitter
    } else {
        format!("{submitter} ({places})")
    };
    let marker = "@ ";
    let text = format!("{named} — {}", action.id);
    Line::from(vec![
        Span::styled(marker, palette.highlight()),
        Span::raw(crate::text::truncate(
            &text,
            room.saturating_sub(marker.len()),
        )),
    ])
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) {
    let strings = app.lang.strings();
    let markers = markers::all(app);
    let placed = app
        .outcome
        .hits
        .iter()
        .enumerate()
        .filter(|(index, _)| markers.iter().any(|marker| marker.hit == *index))
        .count();
    let unplaced = app.outcome.hits.len() - placed;
    // The title's parts that do not fit the border are left out whole, the legend first:
    // cut by the border, "@ selected actio" read as a word of its own.
    let mut parts = vec![
        format!("{} — {}", strings.map, strings.count_actions(placed)),
        format!("{unplaced} {}", strings.without_place),
        strings.map_legend.to_owned(),
    ];
    let room = usize::from(area.width).saturating_sub(2);
    while parts.len() > 1 && crate::text::width(&parts.join(" · ")) > room {
        parts.pop();
    }
    let title = parts.join(" · ");
    let mut widget = block(title, true, palette);
    if let Some(position) = app.selected_position() {
        widget = widget.title_bottom(selection_title(app, position, room, palette));
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
            for marker in markers.iter().filter(|marker| marker.hit != app.selected) {
                context.print(
                    marker.lon,
                    marker.lat,
                    Span::styled("+", Style::default().fg(palette.marker(false))),
                );
            }
            // The selected action's places last, so they stay on top: every one of them
            // stands out, as the action is at each.
            for marker in markers.iter().filter(|marker| marker.hit == app.selected) {
                context.print(
                    marker.lon,
                    marker.lat,
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
