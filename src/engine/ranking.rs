//! Ranking keys: scores as sortable integers, and the order that breaks ties between equal
//! scores (year, newest first, then id), computed once when the engine opens.

use tantivy::Score;

use super::Values;
use crate::catalogue::{Catalogue, Index as Position};

/// A score as an unsigned integer in the order of `f32::total_cmp`.
pub(super) fn score_order(score: Score) -> u32 {
    let bits = score.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// The inverse of [`score_order`].
pub(super) fn score_from_order(order: u32) -> Score {
    Score::from_bits(if order >> 31 == 1 {
        order & !(1 << 31)
    } else {
        !order
    })
}

/// Each position's rank in the order of year (newest first) then id, and the positions in
/// that order: a counting sort by year of the positions sorted by id, linear in the
/// catalogue's size so that opening stays fast.
pub(super) fn tie_order(catalogue: &Catalogue<'_>, values: &Values) -> (Vec<u32>, Vec<Position>) {
    let facets = catalogue.facets();
    let years = &values.years;
    // Where each year's actions start in the order (years ascending in `years`).
    let mut starts = vec![0u32; years.len()];
    for row in facets {
        if let Ok(slot) = years.binary_search(&row.year) {
            starts[slot] += 1;
        }
    }
    let mut next = 0;
    for count in starts.iter_mut().rev() {
        let here = next;
        next += *count;
        *count = here;
    }
    let mut tie_ranks = vec![0; facets.len()];
    let mut by_tie_rank = vec![0; facets.len()];
    for &position in catalogue.positions_by_id() {
        let year = facets[position as usize].year;
        let slot = years.binary_search(&year).expect("every year is a value");
        let rank = starts[slot];
        starts[slot] += 1;
        tie_ranks[position as usize] = rank;
        by_tie_rank[rank as usize] = position;
    }
    (tie_ranks, by_tie_rank)
}
