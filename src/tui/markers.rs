//! The map's markers apart from their drawing: every place of every result, and how far
//! apart two of them look on the map. The map draws them and a click picks the nearest,
//! both from the same list.

use crate::catalogue::Position;
use crate::tui::app::App;

/// How many degrees of longitude a degree of latitude is worth on the screen. The map
/// spreads 360° of longitude across its width and 125° of latitude down its height, and a
/// terminal cell is about twice as tall as it is wide, so a degree of latitude takes 1.5 to
/// 1.8 times the room of a degree of longitude at the usual sizes; 2 rounds that up, and is
/// what a click has always measured with.
pub const LATITUDE_WEIGHT: f64 = 2.0;

/// One place of one result, where the map draws it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    /// The result's index among the hits.
    pub hit: usize,
    /// Which of the action's places it is, in the action's order.
    pub place: usize,
    pub lon: f64,
    pub lat: f64,
}

/// The longitude and latitude of every place of an action, in its order (none for a
/// network or a national government).
pub fn places(app: &App<'_, '_>, position: Position) -> Vec<(f64, f64)> {
    let catalogue = app.engine.catalogue();
    let row = &catalogue.facets()[position as usize];
    catalogue
        .places_of(row)
        .iter()
        .map(|&place| {
            let place = &catalogue.tables.places[place as usize];
            (place.lon, place.lat)
        })
        .collect()
}

/// Every marker of the results, in the results' order, each action's places in its order.
pub fn all(app: &App<'_, '_>) -> Vec<Marker> {
    app.outcome
        .hits
        .iter()
        .enumerate()
        .flat_map(|(hit, found)| {
            places(app, found.position)
                .into_iter()
                .enumerate()
                .map(move |(place, (lon, lat))| Marker {
                    hit,
                    place,
                    lon,
                    lat,
                })
        })
        .collect()
}

/// How far apart two points look on the map, in degrees of longitude.
pub fn distance(from: (f64, f64), to: (f64, f64)) -> f64 {
    let (east, north) = offset(from, to);
    east.hypot(north)
}

/// Where `to` lies from `from` as the map shows it: east and north, in degrees of longitude.
fn offset(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    (to.0 - from.0, (to.1 - from.1) * LATITUDE_WEIGHT)
}
