//! Synthetic catalogues for benchmarks and scale tests: N actions of realistic French text,
//! made by recombining the real descriptions' sentences, and compiled through the same
//! code path as the real dataset. Deterministic for a given seed.

use super::dataset::{ActionRow, Dataset, Sourced};

/// A small deterministic generator (xorshift64*): benchmarks must not vary between runs.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    pub fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.below(items.len())]
    }
}

/// `real` with its actions replaced by `count` synthetic ones. Each synthetic action takes
/// the fields of a real one and a description of four to eight sentences drawn from all
/// real descriptions; partners are dropped (links must be symmetric).
pub fn scaled(real: &Dataset, count: usize, seed: u64) -> Dataset {
    let mut random = Random::new(seed);
    let sentences: Vec<&str> = real
        .actions
        .iter()
        .flat_map(|action| action.row.description.split_inclusive(". "))
        .map(str::trim)
        .filter(|sentence| sentence.len() > 20)
        .collect();
    let mut actions = Vec::with_capacity(count);
    for number in 0..count {
        let template = &random.pick(&real.actions).row;
        let sentence_count = 4 + random.below(5);
        let description = (0..sentence_count)
            .map(|_| *random.pick(&sentences))
            .collect::<Vec<_>>()
            .join(" ");
        let row = ActionRow {
            id: format!("{}-synthetic-{number:06}", template.year),
            partners: Vec::new(),
            description,
            ..template.clone()
        };
        actions.push(Sourced {
            file: "actions/synthetic.toml".to_owned(),
            row,
        });
    }
    Dataset {
        actions,
        ..real.clone()
    }
}
