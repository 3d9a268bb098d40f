//! How the words of a query become tantivy queries, and which actions hold which words.
//!
//! Each word is matched three ways, each an [`Alternative`] with its [`Level`]: as typed (in
//! the as-typed fields), by its stem (in the analysed fields, scored with BM25), and through
//! derived words — typo corrections found with tantivy's Levenshtein automaton
//! ([`FuzzyTermQuery::automaton`]) over the as-typed dictionaries, and, for the word being
//! typed, the words it starts. Every alternative runs through `Weight::for_each`; what is
//! this module's own is the bookkeeping of which clause each action holds and how well.

use tantivy::query::{
    BoostQuery, EnableScoring, FuzzyTermQuery, PhrasePrefixQuery, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, Score, Searcher, Term};

use super::query::{Clause, ParsedQuery};
use localaction_data::languages::TextLanguage;
use localaction_data::schema::{self, SearchFields};

/// Words of at least this many characters match with one typo…
pub const ONE_TYPO_FROM_CHARS: usize = 5;
/// …and with two from this many.
pub const TWO_TYPOS_FROM_CHARS: usize = 9;

/// At most this many typo corrections of a word are matched (the most frequent).
const MAX_CORRECTIONS: usize = 10;
/// At most this many completions of the word being typed are scored and highlighted (the
/// most frequent); every completion matches.
const MAX_SCORED_COMPLETIONS: usize = 8;
/// A stem of at least this many letters, shorter than the word it was cut from, also
/// matches, forgivingly, the words it starts ("entrepreneurs" → "entrepreneur" →
/// "entrepreneurship", "entrepreneuriat"), which the stemmers keep apart; shorter stems
/// start too many unrelated words.
const MIN_STEM_PREFIX_CHARS: usize = 7;
/// At most this many such words a stem (the most frequent).
const MAX_STEM_COMPLETIONS: usize = 8;

/// Field boosts for BM25: titles and names above summaries above descriptions, a title
/// as the report prints it above its translations.
const BOOST_NAMES: Score = 4.0;
const BOOST_TITLE_PRINTED: Score = 3.0;
const BOOST_TITLE_TRANSLATED: Score = 2.5;
const BOOST_SUMMARY: Score = 1.5;
const BOOST_DESCRIPTION: Score = 1.0;
/// A derived word (typo, completion) scores at this fraction of the field's boost.
const DERIVED_FACTOR: Score = 0.5;

/// How exactly a word matched: as typed, by its stem, or through a derived word.
pub const AS_TYPED: u8 = 4;
pub const BY_STEM: u8 = 3;
/// A derived word as typed (its correction or completion itself), or a region's name (where
/// an action stands, not its own words).
pub const DERIVED_AS_TYPED: u8 = 2;
/// A derived word through its stem.
pub const DERIVED: u8 = 1;
/// Another term of a concept of the editors' thesaurus that the word names.
pub const SYNONYM: u8 = 0;

/// What a text stands for when it is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// A word of the query: each field at its own level.
    Word,
    /// A phrase, or two neighbouring words: the words as typed.
    Phrase,
    /// A typo correction or a completion.
    Derived,
}

/// Where a word matched: names and titles, the summary, the descriptions.
pub const IN_TITLE: u8 = 3;
pub const IN_SUMMARY: u8 = 2;
pub const IN_DESCRIPTION: u8 = 1;

/// How well an alternative matches: compared as (quality, place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Level {
    pub quality: u8,
    pub place: u8,
}

/// One way a clause matches.
pub struct Alternative {
    pub query: Box<dyn Query>,
    pub level: Level,
    /// Whether its BM25 score counts (as-typed matches only tell how a word matched).
    pub scored: bool,
}

impl Clone for Alternative {
    fn clone(&self) -> Alternative {
        Alternative {
            query: self.query.box_clone(),
            level: self.level,
            scored: self.scored,
        }
    }
}

/// A word or phrase of the query, with every way it matches, best first.
pub struct ClausePlan {
    /// As typed.
    pub text: String,
    /// A stop word among other words: it adds to the score, never decides a match.
    pub optional: bool,
    pub alternatives: Vec<Alternative>,
    /// The word as the as-typed fields hold it (folded), when it is one word.
    pub typed_token: Option<String>,
    /// Its stems in every language of the texts, when it is one word.
    pub stems: Vec<String>,
    /// When nothing holds the word: the catalogue's words within its allowed typos, most
    /// frequent first.
    pub corrections: Vec<String>,
    /// The words scored and marked for it that it starts: the most frequent words the
    /// word being typed starts (every one of them matches), and forgivingly those its long
    /// stem starts.
    pub completions: Vec<String>,
}

/// The query analyzers, copied for one search (they hold state while tokenising).
#[derive(Clone)]
pub struct Analyzers {
    /// One for each language of the texts, in [`TextLanguage::all`] order.
    pub languages: Vec<TextAnalyzer>,
    pub names: TextAnalyzer,
}

impl Analyzers {
    /// The index's analyzers, made as the schema makes them.
    pub fn new() -> Analyzers {
        Analyzers {
            languages: TextLanguage::all().map(schema::analyzer).collect(),
            names: schema::names(),
        }
    }
}

/// Runs an analyzer: `(position, token)` pairs.
pub fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |token| tokens.push((token.position, token.text.clone())));
    tokens
}

/// What each action holds of the query, as the alternatives found it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Holding {
    /// Bit `i`: the action holds clause `i`.
    pub held: u32,
    /// The sum of the quality of each required clause held.
    pub quality: u16,
    /// The sum of the place of each required clause held.
    pub place: u16,
    /// How many neighbouring pairs of the query's words it holds side by side.
    pub proximity: u16,
    pub score: Score,
}

/// Plans every clause of `parsed.required` (the forgiving mode's derived words come later:
/// see [`Forgiving`]).
pub fn plan(
    parsed: &ParsedQuery,
    fields: &SearchFields,
    searcher: &Searcher,
    analyzers: &mut Analyzers,
) -> Vec<ClausePlan> {
    let last = parsed.required.len().saturating_sub(1);
    let mut plans: Vec<ClausePlan> = parsed
        .required
        .iter()
        .enumerate()
        .map(|(position, clause)| {
            let prefix = parsed.last_word_is_prefix && position == last;
            plan_clause(clause, fields, searcher, analyzers, prefix)
        })
        .collect();
    // In a question ("which cities…", "quelles villes…"), what it is asked about is not
    // what is looked for.
    let is_question = plans.iter().any(|plan| {
        plan.typed_token.as_deref().is_some_and(|token| {
            TextLanguage::all().any(|language| language.row().question_words.contains(&token))
        })
    });
    if is_question {
        for plan in &mut plans {
            let subject = plan.typed_token.as_deref().is_some_and(|token| {
                TextLanguage::all()
                    .any(|language| language.row().question_subjects.contains(&token))
            });
            plan.optional |= subject;
        }
    }
    // A query of stop words alone ("the", "de la") is searched for as words.
    if plans.iter().all(|plan| plan.optional) {
        plans = parsed
            .required
            .iter()
            .enumerate()
            .map(|(position, clause)| {
                let prefix = parsed.last_word_is_prefix && position == last;
                let mut plan = plan_clause_as(clause, fields, searcher, analyzers, prefix, true);
                plan.optional = false;
                plan
            })
            .collect();
    }
    plans
}

/// The ways one word or phrase matches.
pub fn plan_clause(
    clause: &Clause,
    fields: &SearchFields,
    searcher: &Searcher,
    analyzers: &mut Analyzers,
    prefix: bool,
) -> ClausePlan {
    plan_clause_as(clause, fields, searcher, analyzers, prefix, false)
}

/// [`plan_clause`], a stop word planned as a word when `stop_word_as_word`.
fn plan_clause_as(
    clause: &Clause,
    fields: &SearchFields,
    searcher: &Searcher,
    analyzers: &mut Analyzers,
    prefix: bool,
    stop_word_as_word: bool,
) -> ClausePlan {
    let text = clause.text();
    let is_word = matches!(clause, Clause::Word(_));
    let mut analysed = Analysed::of(text, analyzers);
    // The word being typed stays required: it is matched as a prefix.
    let optional = is_word && !prefix && analysed.is_stop_word();
    // An acronym typed in capitals ("MENA", "ODD") is a name, not a word to stem: where a
    // language's stemmer changes it ("mena" → "men", as "mener"), it is not looked for in
    // that language's texts by stem.
    if is_word && is_acronym(text) {
        for tokens in &mut analysed.languages {
            if *tokens != analysed.typed {
                tokens.clear();
            }
        }
    }
    let reading = if is_word {
        Reading::Word
    } else {
        Reading::Phrase
    };
    // A stop word among other words only adds to the texts' scores: it is not looked for
    // in names, regions or the as-typed fields, whose matches would only say how it
    // matched, which nothing asks of a stop word ("et" is in most regions' names).
    let mut alternatives = if optional && !stop_word_as_word {
        analysed.text_alternatives(fields)
    } else {
        analysed.alternatives(fields, reading, 1.0, 1)
    };
    let mut completions = Vec::new();
    let typed_token = match (is_word, analysed.typed.as_slice()) {
        (true, [(_, token)]) => Some(token.clone()),
        _ => None,
    };
    let mut stems: Vec<String> = Vec::new();
    if typed_token.is_some() {
        for tokens in &analysed.languages {
            if let [(_, stem)] = tokens.as_slice()
                && !stems.contains(stem)
            {
                stems.push(stem.clone());
            }
        }
    }
    if let Some(token) = &typed_token
        && prefix
    {
        completions = completions_of(token, fields, searcher);
        completions.truncate(MAX_SCORED_COMPLETIONS);
        for (field, place) in fields.typed().into_iter().zip(PLACES) {
            // Every word starting with the token: a range of the dictionary.
            let mut query = PhrasePrefixQuery::new(vec![Term::from_field_text(field, token)]);
            query.set_max_expansions(u32::MAX);
            alternatives.push(Alternative {
                query: Box::new(query),
                level: Level {
                    quality: DERIVED_AS_TYPED,
                    place,
                },
                scored: false,
            });
        }
        for word in &completions {
            alternatives.extend(Analysed::of(word, analyzers).alternatives(
                fields,
                Reading::Derived,
                DERIVED_FACTOR,
                1,
            ));
        }
    }
    // Joined, hyphenated and spaced forms of a compound meet (in every mode, as a word's
    // inflections do).
    if is_word && !optional {
        let (compound, joined) =
            compound_alternatives(&analysed.typed, fields, searcher, analyzers);
        alternatives.extend(compound);
        completions.extend(joined);
    }
    sort_best_first(&mut alternatives);
    ClausePlan {
        text: text.to_owned(),
        optional,
        typed_token,
        stems,
        alternatives,
        corrections: Vec::new(),
        completions,
    }
}

/// An analysed field, the tokens to look for in it, their level and the field's boost.
type FieldReading<'t> = (Field, &'t [(usize, String)], Level, Score);

/// A word or phrase through each analyser: `(position, token)` pairs.
struct Analysed {
    /// Through each language's analyzer, in [`TextLanguage::all`] order.
    languages: Vec<Vec<(usize, String)>>,
    typed: Vec<(usize, String)>,
}

impl Analysed {
    fn of(text: &str, analyzers: &mut Analyzers) -> Analysed {
        Analysed {
            languages: analyzers
                .languages
                .iter_mut()
                .map(|analyzer| analyse(analyzer, text))
                .collect(),
            typed: analyse(&mut analyzers.names, text),
        }
    }

    /// A word that some language's analyser drops, or one of a language's question words.
    fn is_stop_word(&self) -> bool {
        self.languages.iter().any(Vec::is_empty)
            || matches!(self.typed.as_slice(), [(_, typed)] if TextLanguage::all().any(|language| {
                language.row().question_words.contains(&typed.as_str())
            }))
    }

    /// A stop word's matches: in the texts of the languages that keep it, scored.
    fn text_alternatives(&self, fields: &SearchFields) -> Vec<Alternative> {
        let level = Level {
            quality: DERIVED,
            place: IN_DESCRIPTION,
        };
        let mut alternatives = Vec::new();
        for (language, tokens) in fields.languages.iter().zip(&self.languages) {
            let title_boost = if language.language.is_source() {
                BOOST_TITLE_PRINTED
            } else {
                BOOST_TITLE_TRANSLATED
            };
            let texts = [
                (Some(language.title), title_boost),
                (language.summary, BOOST_SUMMARY),
                (Some(language.body), BOOST_DESCRIPTION),
            ];
            for (field, boost) in texts {
                if let Some(query) = field.and_then(|field| terms_query(field, tokens)) {
                    alternatives.push(Alternative {
                        query: Box::new(BoostQuery::new(query, boost)),
                        level,
                        scored: true,
                    });
                }
            }
        }
        alternatives
    }

    /// Matching it in every field, at the level its reading gives each field, boosts
    /// multiplied by `factor`.
    ///
    /// A stemmer that folds only inflections (plural, feminine, verb endings) counts its
    /// matches as the word as typed; one that also folds derivations ("peaceful" and
    /// "peace", "housing" and "house") counts a word reached only through its stem below
    /// the word as typed (the language table's `stems_derivations`).
    fn alternatives(
        &self,
        fields: &SearchFields,
        reading: Reading,
        factor: Score,
        min_tokens: usize,
    ) -> Vec<Alternative> {
        let mut alternatives = Vec::new();
        // `own`: the field's level for a word; `typed`: one of the as-typed fields.
        let level = |own: u8, place: u8, typed: bool| Level {
            quality: match reading {
                Reading::Word => own,
                Reading::Phrase => AS_TYPED,
                Reading::Derived if typed => DERIVED_AS_TYPED,
                Reading::Derived => DERIVED,
            },
            place,
        };
        let mut analysed: Vec<FieldReading<'_>> = vec![(
            fields.names,
            &self.typed,
            level(AS_TYPED, IN_TITLE, false),
            BOOST_NAMES,
        )];
        for (language, tokens) in fields.languages.iter().zip(&self.languages) {
            let stemmed = if language.language.row().stems_derivations {
                BY_STEM
            } else {
                AS_TYPED
            };
            let title_boost = if language.language.is_source() {
                BOOST_TITLE_PRINTED
            } else {
                BOOST_TITLE_TRANSLATED
            };
            analysed.push((
                language.title,
                tokens,
                level(stemmed, IN_TITLE, false),
                title_boost,
            ));
            if let Some(summary) = language.summary {
                analysed.push((
                    summary,
                    tokens,
                    level(stemmed, IN_SUMMARY, false),
                    BOOST_SUMMARY,
                ));
            }
            analysed.push((
                language.body,
                tokens,
                level(stemmed, IN_DESCRIPTION, false),
                BOOST_DESCRIPTION,
            ));
        }
        for (field, tokens, level, boost) in analysed {
            if tokens.len() < min_tokens {
                continue;
            }
            if let Some(query) = terms_query(field, tokens) {
                alternatives.push(Alternative {
                    query: Box::new(BoostQuery::new(query, boost * factor)),
                    level,
                    scored: true,
                });
            }
        }
        if let ([(_, token)], 1) = (self.typed.as_slice(), min_tokens) {
            for (field, place) in fields.typed().into_iter().zip(PLACES) {
                alternatives.push(Alternative {
                    query: Box::new(TermQuery::new(
                        Term::from_field_text(field, token),
                        IndexRecordOption::Basic,
                    )),
                    level: level(AS_TYPED, place, true),
                    scored: false,
                });
            }
        }
        alternatives
    }
}

/// A word typed in capitals, 2 to 6 letters: an acronym.
fn is_acronym(text: &str) -> bool {
    (2..=MAX_ACRONYM_CHARS).contains(&text.chars().count())
        && text.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
}

/// The longest acronym, in letters.
const MAX_ACRONYM_CHARS: usize = 6;

/// Matching the words of a run that names a region ("oriente medio") as one phrase in
/// the texts, not each alone ("oriente" would meet "orientación", "medio" "por medio").
pub fn phrase_alternatives(
    text: &str,
    fields: &SearchFields,
    analyzers: &mut Analyzers,
) -> Vec<Alternative> {
    Analysed::of(text, analyzers).alternatives(fields, Reading::Phrase, 1.0, 2)
}

/// Where the as-typed fields stand, in the order of [`SearchFields::typed`].
const PLACES: [u8; 3] = [IN_TITLE, IN_SUMMARY, IN_DESCRIPTION];

/// Matching the actions that stand in the region `id`: how words that spell its name match
/// (below the actions' own words, scored as a description's).
pub fn region_alternative(fields: &SearchFields, id: &str) -> Alternative {
    Alternative {
        query: Box::new(BoostQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(fields.region, id),
                IndexRecordOption::Basic,
            )),
            BOOST_DESCRIPTION,
        )),
        level: Level {
            quality: DERIVED_AS_TYPED,
            place: IN_DESCRIPTION,
        },
        scored: true,
    }
}

/// Best first: an action's first match of a clause is its best.
pub fn sort_best_first(alternatives: &mut [Alternative]) {
    alternatives.sort_by(|left, right| {
        right
            .level
            .cmp(&left.level)
            .then(right.scored.cmp(&left.scored))
    });
}

/// The forgiving mode's derived words for clause `number`: found, matched as words are
/// (as typed and by stem, below the word itself) and added to the holdings.
pub struct Forgiving<'e> {
    pub fields: &'e SearchFields,
    pub searcher: &'e Searcher,
    pub number: usize,
}

impl Forgiving<'_> {
    /// The words a word's long stems start (see [`MIN_STEM_PREFIX_CHARS`]).
    pub fn hold_stem_completions(
        &self,
        plan: &mut ClausePlan,
        analyzers: &mut Analyzers,
        holdings: &mut [Holding],
    ) {
        let Some(token) = plan.typed_token.clone().filter(|_| !plan.optional) else {
            return;
        };
        let mut added = Vec::new();
        for stem in &plan.stems {
            // Only a stem the stemmer cut from the word: a whole word followed by a space
            // is never read as the start of longer ones ("interpr " is not "interpreters").
            if stem.chars().count() < MIN_STEM_PREFIX_CHARS
                || !token.starts_with(stem.as_str())
                || *stem == token
            {
                continue;
            }
            let mut taken = 0;
            for word in completions_of(stem, self.fields, self.searcher) {
                if taken == MAX_STEM_COMPLETIONS {
                    break;
                }
                if word == token || plan.completions.contains(&word) {
                    continue;
                }
                let analysed = Analysed::of(&word, analyzers);
                // A word with one of the same stems ("migrantes" for "migrants") is already
                // matched by them.
                let shares_a_stem = analysed
                    .languages
                    .iter()
                    .flatten()
                    .any(|(_, its)| plan.stems.contains(its));
                if shares_a_stem {
                    continue;
                }
                added.extend(analysed.alternatives(
                    self.fields,
                    Reading::Derived,
                    DERIVED_FACTOR,
                    1,
                ));
                plan.completions.push(word);
                taken += 1;
            }
        }
        self.hold(plan, added, holdings);
    }

    /// The typo corrections of a word that nothing holds (none for a phrase, a stop word,
    /// or a word too short for a typo), into `plan.corrections`.
    pub fn hold_corrections(
        &self,
        plan: &mut ClausePlan,
        analyzers: &mut Analyzers,
        holdings: &mut [Holding],
    ) {
        let Some(token) = plan.typed_token.as_deref().filter(|_| !plan.optional) else {
            return;
        };
        plan.corrections = typo_corrections(token, self.fields, self.searcher);
        let mut added = Vec::new();
        for word in &plan.corrections {
            added.extend(Analysed::of(word, analyzers).alternatives(
                self.fields,
                Reading::Derived,
                DERIVED_FACTOR,
                1,
            ));
        }
        self.hold(plan, added, holdings);
    }

    /// Adds `added` to what the clause's plan holds (a concept of the thesaurus that a
    /// corrected word names).
    pub fn hold(&self, plan: &ClausePlan, mut added: Vec<Alternative>, holdings: &mut [Holding]) {
        sort_best_first(&mut added);
        hold_clause(self.searcher, self.number, plan.optional, &added, holdings);
    }
}

/// The other forms of a compound the texts hold: a word they never hold read as two words
/// they hold side by side ("childcare" → "child care", the split both of whose halves are
/// most frequent, neither a stop word), and a word the analyzer cuts in two ("co-working",
/// "day-care") read as the joined word they hold ("coworking"). Also the joined word, to
/// be marked.
fn compound_alternatives(
    typed: &[(usize, String)],
    fields: &SearchFields,
    searcher: &Searcher,
    analyzers: &mut Analyzers,
) -> (Vec<Alternative>, Option<String>) {
    match typed {
        [(_, word)] if documents_holding(word, fields, searcher) == 0 => {
            let split = word
                .char_indices()
                .map(|(at, _)| at)
                .filter(|&at| {
                    word[..at].chars().count() >= MIN_COMPOUND_PART_CHARS
                        && word[at..].chars().count() >= MIN_COMPOUND_PART_CHARS
                })
                .map(|at| {
                    let (left, right) = word.split_at(at);
                    let holding = documents_holding(left, fields, searcher)
                        .min(documents_holding(right, fields, searcher));
                    (holding, left, right)
                })
                .filter(|&(holding, ..)| holding > 0)
                .map(|(holding, left, right)| {
                    (holding, Analysed::of(&format!("{left} {right}"), analyzers))
                })
                // A half that some language drops as a stop word ("pas" of "passport" in
                // French) would leave the other half alone to match.
                .filter(|(_, analysed)| analysed.languages.iter().all(|tokens| tokens.len() == 2))
                .max_by_key(|&(holding, _)| holding);
            let alternatives = split.map_or_else(Vec::new, |(_, analysed)| {
                analysed.alternatives(fields, Reading::Derived, DERIVED_FACTOR, 2)
            });
            (alternatives, None)
        }
        [_, _, ..] => {
            let joined: String = typed.iter().map(|(_, token)| token.as_str()).collect();
            match joined_alternatives(&joined, fields, searcher, analyzers) {
                Some(alternatives) => (alternatives, Some(joined)),
                None => (Vec::new(), None),
            }
        }
        _ => (Vec::new(), None),
    }
}

/// Each part of a compound split has at least this many letters ("day" of "daycare").
const MIN_COMPOUND_PART_CHARS: usize = 3;

/// Two neighbouring words of the query that the texts hold joined ("co working", "child
/// care" → "coworking", "childcare"): both also match the joined word. Adds the
/// alternatives to both clauses' plans.
pub fn join_neighbours(
    parsed: &ParsedQuery,
    plans: &mut [ClausePlan],
    fields: &SearchFields,
    searcher: &Searcher,
    analyzers: &mut Analyzers,
) {
    for first in 0..parsed.required.len().saturating_sub(1) {
        let (Clause::Word(_), Clause::Word(_)) =
            (&parsed.required[first], &parsed.required[first + 1])
        else {
            continue;
        };
        let (Some(left), Some(right)) = (
            plans[first].typed_token.as_deref(),
            plans[first + 1].typed_token.as_deref(),
        ) else {
            continue;
        };
        if plans[first].optional || plans[first + 1].optional {
            continue;
        }
        let joined = format!("{left}{right}");
        let Some(alternatives) = joined_alternatives(&joined, fields, searcher, analyzers) else {
            continue;
        };
        for plan in &mut plans[first..first + 2] {
            plan.alternatives.extend(alternatives.iter().cloned());
            sort_best_first(&mut plan.alternatives);
            plan.completions.push(joined.clone());
        }
    }
}

/// Matching `joined`, the joined form of a compound, as a derived word, when the texts
/// hold it.
fn joined_alternatives(
    joined: &str,
    fields: &SearchFields,
    searcher: &Searcher,
    analyzers: &mut Analyzers,
) -> Option<Vec<Alternative>> {
    (documents_holding(joined, fields, searcher) > 0).then(|| {
        Analysed::of(joined, analyzers).alternatives(fields, Reading::Derived, DERIVED_FACTOR, 1)
    })
}

/// How many actions hold `token` as typed (folded), in any as-typed field (the most of
/// the three).
fn documents_holding(token: &str, fields: &SearchFields, searcher: &Searcher) -> u64 {
    fields
        .typed()
        .into_iter()
        .filter_map(|field| searcher.doc_freq(&Term::from_field_text(field, token)).ok())
        .max()
        .unwrap_or(0)
}

/// Phrases of two neighbouring words of the query ("Central America"), in every analysed
/// field: how many of them an action holds is its proximity.
///
/// A pair with a stop word in it is not looked for: the stop word's own language drops it
/// (then the pair is one word), and the phrase it makes in the others ("migrant et" in the
/// English texts) says nothing of the query.
pub fn neighbour_pairs(
    parsed: &ParsedQuery,
    plans: &[ClausePlan],
    fields: &SearchFields,
    analyzers: &mut Analyzers,
) -> Vec<Vec<Alternative>> {
    parsed
        .required
        .windows(2)
        .zip(plans.windows(2))
        .filter_map(|(pair, planned)| match (pair, planned) {
            ([Clause::Word(first), Clause::Word(second)], [one, other])
                if !one.optional && !other.optional =>
            {
                Some(format!("{first} {second}"))
            }
            _ => None,
        })
        .map(|text| Analysed::of(&text, analyzers).alternatives(fields, Reading::Phrase, 1.0, 2))
        .filter(|alternatives| !alternatives.is_empty())
        .collect()
}

/// A term query for one token, a phrase query for several (a stop word between two words
/// leaves a gap).
pub fn terms_query(field: Field, tokens: &[(usize, String)]) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [(_, token)] => Some(Box::new(TermQuery::new(
            Term::from_field_text(field, token),
            IndexRecordOption::WithFreqs,
        ))),
        _ => {
            let first = tokens[0].0;
            Some(Box::new(PhraseQuery::new_with_offset(
                tokens
                    .iter()
                    .map(|(position, token)| {
                        (position - first, Term::from_field_text(field, token))
                    })
                    .collect(),
            )))
        }
    }
}

/// How many typos a word of `chars` characters may have.
pub fn allowed_typos(chars: usize) -> u8 {
    if chars >= TWO_TYPOS_FROM_CHARS {
        2
    } else if chars >= ONE_TYPO_FROM_CHARS {
        1
    } else {
        0
    }
}

/// The catalogue's words within the allowed typos of `token` (not `token` itself), most
/// frequent first: tantivy's Levenshtein automaton (transpositions cost one) run over the
/// as-typed dictionaries.
fn typo_corrections(token: &str, fields: &SearchFields, searcher: &Searcher) -> Vec<String> {
    let distance = allowed_typos(token.chars().count());
    if distance == 0 {
        return Vec::new();
    }
    let query = FuzzyTermQuery::new(
        Term::from_field_text(fields.typed_top, token),
        distance,
        true,
    );
    let Ok(automaton) = query.automaton() else {
        return Vec::new();
    };
    let mut found: Vec<(String, u64)> = Vec::new();
    for_each_dictionary(fields, searcher, |dictionary| {
        if let Ok(mut stream) = dictionary.search(&automaton).into_stream() {
            while stream.advance() {
                add_word(&mut found, stream.key(), stream.value().doc_freq);
            }
        }
    });
    most_frequent(found, token, MAX_CORRECTIONS)
}

/// The words of the catalogue that `token` starts (not `token` itself), most frequent
/// first.
fn completions_of(token: &str, fields: &SearchFields, searcher: &Searcher) -> Vec<String> {
    let mut found: Vec<(String, u64)> = Vec::new();
    for_each_dictionary(fields, searcher, |dictionary| {
        if let Ok(mut stream) = dictionary.range().ge(token.as_bytes()).into_stream() {
            while stream.advance() {
                if !stream.key().starts_with(token.as_bytes()) {
                    break;
                }
                add_word(&mut found, stream.key(), stream.value().doc_freq);
            }
        }
    });
    most_frequent(found, token, usize::MAX)
}

fn for_each_dictionary(
    fields: &SearchFields,
    searcher: &Searcher,
    mut visit: impl FnMut(&tantivy::termdict::TermDictionary),
) {
    for segment in searcher.segment_readers() {
        for field in fields.typed() {
            if let Ok(index) = segment.inverted_index(field) {
                visit(index.terms());
            }
        }
    }
}

fn add_word(found: &mut Vec<(String, u64)>, key: &[u8], documents: u32) {
    let Ok(word) = std::str::from_utf8(key) else {
        return;
    };
    match found.iter_mut().find(|(known, _)| known == word) {
        Some((_, count)) => *count += u64::from(documents),
        None => found.push((word.to_owned(), u64::from(documents))),
    }
}

fn most_frequent(mut found: Vec<(String, u64)>, token: &str, limit: usize) -> Vec<String> {
    found.retain(|(word, _)| word != token);
    found.sort_by(|left, right| right.1.cmp(&left.1).then_with(|| left.0.cmp(&right.0)));
    found
        .into_iter()
        .take(limit)
        .map(|(word, _)| word)
        .collect()
}

/// Runs every alternative of every clause over the index: what each action (by document
/// id) holds.
pub fn hold(searcher: &Searcher, plans: &[ClausePlan], documents: usize) -> Vec<Holding> {
    let mut holdings = vec![Holding::default(); documents];
    for (number, plan) in plans.iter().enumerate() {
        hold_clause(
            searcher,
            number,
            plan.optional,
            &plan.alternatives,
            &mut holdings,
        );
    }
    holdings
}

/// Adds what `alternatives` (best first) of clause `number` match to `holdings`.
pub fn hold_clause(
    searcher: &Searcher,
    number: usize,
    optional: bool,
    alternatives: &[Alternative],
    holdings: &mut [Holding],
) {
    let bit = 1u32 << number;
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    // The actions holding the clause before its thesaurus terms are tried (they come
    // last): the terms score only the others, so that they never reorder the actions
    // holding the words themselves.
    let mut held_before_synonyms: Option<Vec<bool>> = None;
    for alternative in alternatives {
        if alternative.level.quality == SYNONYM && held_before_synonyms.is_none() {
            held_before_synonyms = Some(
                holdings
                    .iter()
                    .map(|holding| holding.held & bit != 0)
                    .collect(),
            );
        }
        let Ok(weight) = alternative.query.weight(scoring) else {
            continue;
        };
        for segment in searcher.segment_readers() {
            let _ = weight.for_each(segment, &mut |document: DocId, score: Score| {
                let own_word = held_before_synonyms
                    .as_ref()
                    .is_some_and(|held| held[document as usize]);
                let Some(holding) = holdings.get_mut(document as usize) else {
                    return;
                };
                if alternative.scored && !own_word {
                    holding.score += score;
                }
                if holding.held & bit == 0 {
                    holding.held |= bit;
                    if !optional {
                        holding.quality += u16::from(alternative.level.quality);
                        holding.place += u16::from(alternative.level.place);
                    }
                }
            });
        }
    }
}

/// Adds one to the proximity of every action holding a pair side by side.
pub fn hold_pairs(searcher: &Searcher, pairs: &[Vec<Alternative>], holdings: &mut [Holding]) {
    let mut held = vec![false; holdings.len()];
    for pair in pairs {
        held.fill(false);
        mark_matches(searcher, pair, &mut held);
        for (holding, &held) in holdings.iter_mut().zip(&held) {
            holding.proximity += u16::from(held);
        }
    }
}

/// Marks the documents any of `alternatives` matches (exclusions, neighbouring pairs).
pub fn mark_matches(searcher: &Searcher, alternatives: &[Alternative], marks: &mut [bool]) {
    let scoring = EnableScoring::disabled_from_searcher(searcher);
    for alternative in alternatives {
        let Ok(weight) = alternative.query.weight(scoring) else {
            continue;
        };
        for segment in searcher.segment_readers() {
            let _ = weight.for_each_no_score(segment, &mut |documents: &[DocId]| {
                for &document in documents {
                    if let Some(mark) = marks.get_mut(document as usize) {
                        *mark = true;
                    }
                }
            });
        }
    }
}
