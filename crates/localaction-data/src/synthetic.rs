//! Synthetic catalogues for benchmarks and scale tests: N actions of realistic French text,
//! made by recombining the real descriptions' sentences, and compiled through the same
//! code path as the real dataset. Deterministic for a given seed.

use crate::dataset::{ActionRow, Dataset, Sourced};

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
/// the fields of a real one and a description of two to four paragraphs drawn from all
/// real descriptions, each with its English translation (paragraphs are translated one for
/// one, and only pairs that pass the translation checks on their own are drawn); partners,
/// spotlights and quotes are dropped (links must be symmetric).
pub fn scaled(real: &Dataset, count: usize, seed: u64) -> Dataset {
    let mut random = Random::new(seed);
    let no_names = crate::translation::Expectations {
        names: Vec::new(),
        length_noted: true,
    };
    let paragraphs: Vec<(&str, &str)> = real
        .actions
        .iter()
        .filter_map(|action| Some((&action.row.description, action.row.description_en.as_ref()?)))
        .flat_map(|(french, english)| {
            french
                .trim()
                .split("\n\n")
                .zip(english.trim().split("\n\n"))
        })
        .map(|(french, english)| (french.trim(), english.trim()))
        .filter(|(french, english)| {
            french.len() > 20 && crate::translation::check(french, english, &no_names).is_empty()
        })
        .collect();
    let mut actions = Vec::with_capacity(count);
    for number in 0..count {
        let template = &random.pick(&real.actions).row;
        let paragraph_count = 2 + random.below(3);
        let drawn: Vec<(&str, &str)> = (0..paragraph_count)
            .map(|_| *random.pick(&paragraphs))
            .collect();
        let join = |texts: Vec<&str>| texts.join("\n\n");
        let row = ActionRow {
            id: format!("{}-synthetic-{number:06}", template.year),
            partners: Vec::new(),
            description: join(drawn.iter().map(|pair| pair.0).collect()),
            description_en: Some(join(drawn.iter().map(|pair| pair.1).collect())),
            spotlight: None,
            spotlight_en: None,
            quote: None,
            quote_en: None,
            quote_author: None,
            // A drawn paragraph may be longer or shorter in English than its record's whole
            // text: the length check is for whole translations.
            editor_notes: vec![
                "Synthetic: paragraphs drawn at random; length ratio not checked.".to_owned(),
            ],
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
