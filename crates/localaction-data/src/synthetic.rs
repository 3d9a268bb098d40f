//! Synthetic catalogues for benchmarks and scale tests: N actions of realistic French text,
//! made by recombining the real descriptions' sentences, and compiled through the same
//! code path as the real dataset. Deterministic for a given seed.

use crate::dataset::{ActionRow, Dataset, Sourced, TranslationFiles, TranslationRow};

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
/// real descriptions, each with its translation into every language (paragraphs are
/// translated one for one, and only those whose every translation passes the checks on
/// its own are drawn); partners, spotlights and quotes are dropped (links must be
/// symmetric).
pub fn scaled(real: &Dataset, count: usize, seed: u64) -> Dataset {
    let mut random = Random::new(seed);
    // The paragraphs of every real description, each with its translations in the order
    // of `real.translations`.
    let mut paragraphs: Vec<(&str, Vec<&str>)> = Vec::new();
    for action in &real.actions {
        let row = &action.row;
        let translations: Option<Vec<&str>> = real
            .translations
            .iter()
            .map(|files| files.text_of(action)?.description)
            .collect();
        let Some(translations) = translations else {
            continue;
        };
        let mut translated: Vec<std::str::Split<'_, &str>> = translations
            .iter()
            .map(|text| text.trim().split("\n\n"))
            .collect();
        for french in row.description.trim().split("\n\n") {
            let Some(each) = translated
                .iter_mut()
                .map(|paragraphs| paragraphs.next().map(str::trim))
                .collect::<Option<Vec<&str>>>()
            else {
                break;
            };
            let french = french.trim();
            let passes = crate::languages::TextLanguage::translations()
                .zip(&each)
                .all(|(language, translation)| {
                    let expectations = crate::translation::Expectations {
                        language: language.row().english_name,
                        names: Vec::new(),
                        acronyms: &[],
                        length_ratio: 0.0..=f64::MAX,
                        length_noted: true,
                    };
                    crate::translation::check(french, translation, &expectations).is_empty()
                });
            if french.len() > 20 && passes {
                paragraphs.push((french, each));
            }
        }
    }
    let mut actions = Vec::with_capacity(count);
    let mut translations: Vec<TranslationFiles> = real
        .translations
        .iter()
        .map(|files| TranslationFiles {
            actions: Vec::new(),
            ..files.clone()
        })
        .collect();
    let note = "Synthetic: paragraphs drawn at random; length ratio not checked.".to_owned();
    for number in 0..count {
        let picked = random.pick(&real.actions);
        let template = &picked.row;
        let paragraph_count = 2 + random.below(3);
        let drawn: Vec<&(&str, Vec<&str>)> = (0..paragraph_count)
            .map(|_| random.pick(&paragraphs))
            .collect();
        let id = format!("{}-synthetic-{number:06}", template.year);
        let description = |language: Option<usize>| -> String {
            let texts: Vec<&str> = drawn
                .iter()
                .map(|(french, translated)| language.map_or(*french, |index| translated[index]))
                .collect();
            texts.join("\n\n")
        };
        let mut row = ActionRow {
            id: id.clone(),
            partners: Vec::new(),
            description: description(None),
            spotlight: None,
            spotlight_en: None,
            quote: None,
            quote_en: None,
            quote_author: None,
            // A drawn paragraph may be longer or shorter in translation than its record's
            // whole text: the length check is for whole translations.
            editor_notes: vec![note.clone()],
            ..template.clone()
        };
        for (index, files) in translations.iter_mut().enumerate() {
            let Some(text) = real.translations[index].text_of(picked) else {
                continue;
            };
            let translated = TranslationRow {
                id: id.clone(),
                title: text.title.to_owned(),
                summary: text.summary.to_owned(),
                description: description(Some(index)),
                spotlight: None,
                quote: None,
                notes: vec![note.clone()],
            };
            files.set_text_of(&mut row, translated);
        }
        actions.push(Sourced {
            file: "actions/synthetic.toml".to_owned(),
            row,
        });
    }
    // The thesaurus as it is, its evidence pointing at the synthetic actions (the real
    // ones are not in the catalogue).
    let mut concepts = real.concepts.clone();
    if let Some(first) = actions.first() {
        for concept in &mut concepts {
            concept.row.evidence = vec![first.row.id.clone()];
        }
    }
    Dataset {
        actions,
        translations,
        concepts,
        ..real.clone()
    }
}
