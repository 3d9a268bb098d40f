//! The map's markers apart from their drawing: every place of every result, how far apart
//! two of them look on the map, and which one an arrow key moves to. The map draws them,
//! a click picks the nearest, and the state moves the selection between them, all from
//! the same list.

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

/// The way an arrow key moves on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    West,
    East,
    North,
    South,
}

impl Direction {
    /// One step this way, east and north positive.
    fn step(self) -> (f64, f64) {
        match self {
            Direction::West => (-1.0, 0.0),
            Direction::East => (1.0, 0.0),
            Direction::North => (0.0, 1.0),
            Direction::South => (0.0, -1.0),
        }
    }

    /// Among results at one place, whether this way goes on to later results: East and
    /// South do, as Right and Down go on in a list.
    fn goes_on(self) -> bool {
        matches!(self, Direction::East | Direction::South)
    }
}

/// The marker an arrow moves to from `from`, a marker of the selected result, or `None`
/// when nothing lies that way. Other results at the same place come first, one by one in
/// the results' order (so several actions of one city are each reached); then the nearest
/// marker within 45° either side of the direction; failing that, the nearest anywhere on
/// that side. The selected result's own other places are never a step: its markers all
/// stand out already.
pub fn next(markers: &[Marker], from: Marker, direction: Direction) -> Option<Marker> {
    let (step_east, step_north) = direction.step();
    // Lower ranks win: (0, list distance) for the same place, then (1, distance) within
    // the cone, then (2, distance) on that side; ties go to the earlier result.
    let mut best: Option<((u8, f64), usize, Marker)> = None;
    for &marker in markers {
        if marker.hit == from.hit {
            continue;
        }
        let (east, north) = offset((from.lon, from.lat), (marker.lon, marker.lat));
        let rank = if east == 0.0 && north == 0.0 {
            let later = marker.hit > from.hit;
            if later != direction.goes_on() {
                continue;
            }
            (0, marker.hit.abs_diff(from.hit) as f64)
        } else {
            let along = east * step_east + north * step_north;
            let across = (east * step_north - north * step_east).abs();
            if along <= 0.0 {
                continue;
            }
            let within_cone = across <= along;
            (if within_cone { 1 } else { 2 }, east.hypot(north))
        };
        let better = match &best {
            None => true,
            Some((best_rank, best_hit, _)) => {
                rank.0 < best_rank.0
                    || (rank.0 == best_rank.0
                        && (rank.1 < best_rank.1
                            || (rank.1 == best_rank.1 && marker.hit < *best_hit)))
            }
        };
        if better {
            best = Some((rank, marker.hit, marker));
        }
    }
    best.map(|(_, _, marker)| marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hit: usize, lon: f64, lat: f64) -> Marker {
        Marker {
            hit,
            place: 0,
            lon,
            lat,
        }
    }

    /// The cone wins over a nearer marker off to the side; with nothing in the cone, the
    /// nearest on that side; nothing behind.
    #[test]
    fn the_nearest_marker_within_the_cone_wins() {
        let origin = at(0, 0.0, 0.0);
        let ahead = at(1, 10.0, 1.0);
        let aside = at(2, 2.0, 3.0);
        let behind = at(3, -1.0, 0.0);
        let markers = [origin, ahead, aside, behind];
        assert_eq!(next(&markers, origin, Direction::East), Some(ahead));
        assert_eq!(next(&markers[..3], origin, Direction::North), Some(aside));
        assert_eq!(next(&[origin, aside], origin, Direction::East), Some(aside));
        assert_eq!(next(&[origin, behind], origin, Direction::East), None);
        assert_eq!(next(&markers, origin, Direction::West), Some(behind));
    }

    /// Results at one place are stepped through in the results' order, East and South on,
    /// West and North back, before the arrows leave the place.
    #[test]
    fn results_at_one_place_are_each_reached() {
        let first = at(0, 5.0, 5.0);
        let second = at(1, 5.0, 5.0);
        let third = at(2, 5.0, 5.0);
        let east = at(3, 6.0, 5.0);
        let markers = [first, second, third, east];
        assert_eq!(next(&markers, first, Direction::East), Some(second));
        assert_eq!(next(&markers, second, Direction::South), Some(third));
        assert_eq!(next(&markers, third, Direction::East), Some(east));
        assert_eq!(next(&markers, third, Direction::West), Some(second));
        assert_eq!(next(&markers, first, Direction::North), None);
    }

    /// The selected result's other places are not a step.
    #[test]
    fn a_result_does_not_step_to_its_own_places() {
        let here = at(0, 0.0, 0.0);
        let other_place = Marker {
            place: 1,
            ..at(0, 5.0, 0.0)
        };
        assert_eq!(next(&[here, other_place], here, Direction::East), None);
    }
}
