//! Ranking: hits by how exactly their words matched, then where, then how many
//! neighbouring words they hold side by side, then score (each highest first), then year (newest
//! first), then id. The order that breaks ties is computed once
//! when the engine opens, so that ranking compares one integer per hit, never floats or
//! strings.

use std::cmp::Ordering;

use tantivy::Score;

use super::{Hit, Values};
use crate::catalogue::{Catalogue, Position};

/// The ranking order, as plainly defined: `Less` when `left` ranks before `right`.
/// [`Ranking`] implements it with integer keys; benchmarks and tests check it against this.
pub fn rank_order(catalogue: &Catalogue<'_>, left: &Hit, right: &Hit) -> Ordering {
    let facets = catalogue.facets();
    right
        .exactness
        .cmp(&left.exactness)
        .then(right.placement.cmp(&left.placement))
        .then(right.proximity.cmp(&left.proximity))
        .then(right.score.total_cmp(&left.score))
        .then_with(|| {
            facets[right.position as usize]
                .year
                .cmp(&facets[left.position as usize].year)
        })
        .then_with(|| {
            catalogue
                .id_at(left.position)
                .cmp(catalogue.id_at(right.position))
        })
}

/// The order that breaks ties between equal scores (year, newest first, then id).
pub(super) struct Ranking {
    /// For each position, its rank in that order.
    tie_ranks: Vec<u32>,
    /// The positions in that order.
    by_tie_rank: Vec<Position>,
}

impl Ranking {
    /// A counting sort by year of the positions sorted by id: linear in the catalogue's
    /// size, so that opening stays fast.
    pub(super) fn new(catalogue: &Catalogue<'_>, values: &Values<'_>) -> Ranking {
        let facets = catalogue.facets();
        let year_slot = |position: usize| {
            values
                .years()
                .binary_search(&facets[position].year)
                .expect("the years are those of the facet rows")
        };
        // Where each year's actions start in the order (`years` is ascending).
        let mut starts = vec![0u32; values.years().len()];
        for position in 0..facets.len() {
            starts[year_slot(position)] += 1;
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
            let slot = year_slot(position as usize);
            let rank = starts[slot];
            starts[slot] += 1;
            tie_ranks[position as usize] = rank;
            by_tie_rank[rank as usize] = position;
        }
        Ranking {
            tie_ranks,
            by_tie_rank,
        }
    }

    /// Puts `hits` in ranking order, keeping the first `limit` (all when `None`).
    pub(super) fn rank(&self, hits: &mut Vec<Hit>, limit: Option<usize>) {
        let limit = limit.unwrap_or(usize::MAX);
        let same = |left: &Hit, right: &Hit| {
            left.score.to_bits() == right.score.to_bits()
                && left.exactness == right.exactness
                && left.proximity == right.proximity
                && left.placement == right.placement
        };
        if let Some(&first) = hits.first()
            && hits.iter().all(|hit| same(hit, &first))
        {
            // One key for all (an empty query, say): the tie order is the ranking, read
            // off without sorting.
            let mut kept = vec![false; self.tie_ranks.len()];
            for hit in hits.iter() {
                kept[hit.position as usize] = true;
            }
            hits.clear();
            hits.extend(
                self.by_tie_rank
                    .iter()
                    .filter(|&&position| kept[position as usize])
                    .take(limit)
                    .map(|&position| Hit { position, ..first }),
            );
            return;
        }
        // One integer per hit: exactness, placement, proximity and score in descending order, then
        // the tie rank.
        let mut keys: Vec<u128> = hits
            .iter()
            .map(|hit| {
                u128::from(!hit.exactness) << 96
                    | u128::from(!hit.placement) << 80
                    | u128::from(!hit.proximity) << 64
                    | u128::from(!score_order(hit.score)) << 32
                    | u128::from(self.tie_ranks[hit.position as usize])
            })
            .collect();
        if limit < keys.len() {
            if limit > 0 {
                keys.select_nth_unstable(limit - 1);
            }
            keys.truncate(limit);
        }
        keys.sort_unstable();
        hits.clear();
        hits.extend(keys.into_iter().map(|key| Hit {
            position: self.by_tie_rank[key as u32 as usize],
            score: score_from_order(!((key >> 32) as u32)),
            proximity: !((key >> 64) as u16),
            placement: !((key >> 80) as u16),
            exactness: !((key >> 96) as u16),
        }));
    }
}

/// A score as an unsigned integer in the order of `f32::total_cmp`.
fn score_order(score: Score) -> u32 {
    let bits = score.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// The inverse of [`score_order`].
fn score_from_order(order: u32) -> Score {
    Score::from_bits(if order >> 31 == 1 {
        order & !(1 << 31)
    } else {
        !order
    })
}
