//! The search engine: query text and filters in, ranked hits, snippets and facet counts
//! out. One engine serves the command line and the interface, so the same query and
//! filters give the same results everywhere.
//!
//! Text matching is tantivy's (term, phrase and prefix queries, its Levenshtein automata,
//! BM25, its snippet generator; see [`matching`]); which actions are listed when not every
//! word is held, the ranking keys, filters and counts (over the catalogue's facet table)
//! are this module's.

pub mod facets;
mod highlight;
mod matching;
pub mod query;
mod ranking;
mod regions;
mod thesaurus;

use std::sync::OnceLock;

use tantivy::directory::OwnedBytes;
use tantivy::{IndexReader, Score, Searcher};

pub use facets::{
    Dimension, FACETS, Facet, FacetValue, FilterError, Filters, ValueOrder, ValueSlot, Values,
};
pub use highlight::{Highlighter, Snippet, TextLanguage};
pub use matching::{ONE_TYPO_FROM_CHARS, TWO_TYPOS_FROM_CHARS, allowed_typos};
pub use query::{Clause, ParsedQuery};

use crate::catalogue::{Catalogue, FacetRow, Position, YearMonth};
use crate::index::directory::open_index;
use localaction_data::schema::{self, SearchFields};
use matching::{Alternative, Analyzers, ClausePlan};
use ranking::Ranking;
pub use ranking::rank_order;
use regions::RegionNames;
use thesaurus::Thesaurus;

/// Which actions a search lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum MatchMode {
    /// Forgiving: words are also matched with typos, and when no action holds every word,
    /// the actions holding the weightiest set of them that some action holds together.
    #[default]
    Most,
    /// Strict: only actions holding every word as typed or by its stem (the word being
    /// typed also as a prefix); no typo, no dropped word. For counts to cite.
    All,
}

impl MatchMode {
    pub fn key(self) -> &'static str {
        match self {
            MatchMode::Most => "most",
            MatchMode::All => "all",
        }
    }
}

/// A search: free text, filters, how many hits to return, how strictly words match, and
/// whether a word naming a concept of the editors' thesaurus also finds its other terms.
#[derive(Debug, Clone)]
pub struct Request {
    pub text: String,
    pub filters: Filters,
    /// At most this many hits (all when `None`); the total and counts always cover all.
    pub limit: Option<usize>,
    pub mode: MatchMode,
    pub synonyms: bool,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            text: String::new(),
            filters: Filters::default(),
            limit: None,
            mode: MatchMode::default(),
            synonyms: true,
        }
    }
}

/// One result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The action's position in the catalogue.
    pub position: Position,
    /// BM25 score with field boosts (0 when the query is empty).
    pub score: Score,
    /// How exactly the query's words matched: per word, 4 as typed (or a French
    /// inflection), 3 through an English stem, 2 a typo correction or completion as typed
    /// (or a region's name), 1 a correction or completion through its stem; added up.
    pub exactness: u16,
    /// How many pairs of neighbouring query words it holds side by side.
    pub proximity: u16,
    /// Where they matched: per word, 3 names and titles, 2 summary, 1 descriptions.
    pub placement: u16,
}

/// A word read as other words because it matched nothing as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The word as typed.
    pub typed: String,
    /// The catalogue's words it was read as (folded, most frequent first).
    pub read_as: Vec<String>,
}

/// How the list was chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matching {
    pub mode: MatchMode,
    /// Words (and phrases) of the query that no listed action holds: no action holds them
    /// together with the others (default mode only; empty when every word is held).
    pub dropped: Vec<String>,
    /// When words were dropped: the words every listed action holds.
    pub kept: Vec<String>,
    /// Words read through a typo correction.
    pub corrections: Vec<Correction>,
    /// Words that name a concept of the editors' thesaurus, searched for with its other
    /// terms too.
    pub synonyms: Vec<Synonyms>,
}

/// Words of the query that name a concept of the thesaurus, and what else was searched for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonyms {
    /// The words as typed.
    pub typed: String,
    /// The concept's id in the thesaurus.
    pub concept: String,
    /// Its other terms, as the thesaurus writes them, each language in turn.
    pub terms: Vec<String>,
}

impl Synonyms {
    /// Its first `shown` terms, and "…" when there are more: what a note names.
    pub fn first_terms(&self, shown: usize) -> String {
        let mut terms: Vec<&str> = self.terms.iter().take(shown).map(String::as_str).collect();
        if self.terms.len() > shown {
            terms.push("…");
        }
        terms.join(", ")
    }
}

/// The list is filled to this many actions, when fewer hold the words, with actions holding
/// some of them: about a screenful.
pub const FILL_PAGE: usize = 12;

/// An action listed below the results, holding some of the query's words.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialHit {
    pub hit: Hit,
    /// The words and phrases of the query it does not hold, as typed.
    pub lacking: Vec<String>,
}

/// The actions holding at least half of the query's words but not all those the list
/// holds, each with the bits of the clauses it holds; the bits of the required clauses;
/// the clauses' texts.
#[derive(Default)]
struct Partial {
    candidates: Vec<(Hit, u32)>,
    required: u32,
    clauses: Vec<String>,
}

/// What a search found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Ranked: words held, exactness, placement, proximity, score, then year (newest
    /// first), then id.
    pub hits: Vec<Hit>,
    /// Forgivingly, when fewer than [`FILL_PAGE`] actions are listed: below them, up to
    /// that many in all, the actions holding at least half of the words (most words
    /// first), each with the words it lacks. Neither in `total` nor in the counts.
    pub also: Vec<PartialHit>,
    /// Every match of the query and all filters (`hits` may be cut by the limit).
    pub total: usize,
    /// For each dimension and value: the results that value would give with the query and
    /// all the *other* dimensions' filters applied (what a filter panel offers).
    pub counts: FacetCounts,
    /// For each dimension and value: how many of the results hold it (what statistics
    /// chart). The same as `counts` in every dimension without a filter.
    pub selection: FacetCounts,
    /// The query as understood, with what was ignored.
    pub parsed: ParsedQuery,
    pub matching: Matching,
    /// Every word the listed actions were matched through: the query's words, their typo
    /// corrections and completions (what highlighting marks).
    pub words: Vec<String>,
}

/// Counts per dimension, indexed by value slot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    by_dimension: [Vec<usize>; Dimension::COUNT],
}

impl FacetCounts {
    /// The count of each value of `dimension`, in slot order.
    pub fn of(&self, dimension: Dimension) -> &[usize] {
        &self.by_dimension[dimension as usize]
    }
}

/// The engine over one catalogue and its index.
pub struct Engine<'c> {
    catalogue: &'c Catalogue<'c>,
    searcher: Searcher,
    fields: SearchFields,
    values: Values<'c>,
    today: YearMonth,
    /// Every action's facet counts, computed on the first search matching most actions.
    every_action_counts: OnceLock<FacetCounts>,
    ranking: Ranking,
    analyzers: Analyzers,
    /// The thesaurus' terms as the analyzers read them, on the first search with words.
    thesaurus: OnceLock<Thesaurus<'c>>,
    /// The regions' names as the analyzers read them, on the first search with words.
    regions: OnceLock<RegionNames>,
    /// Kept so the searcher's segments stay alive.
    _reader: IndexReader,
}

impl<'c> Engine<'c> {
    /// Opens the engine over a catalogue and its packed index. `today` decides which
    /// actions have ended.
    pub fn open(
        catalogue: &'c Catalogue<'c>,
        packed_index: OwnedBytes,
        today: YearMonth,
    ) -> Result<Engine<'c>, String> {
        let (index, reader) = open_index(packed_index)?;
        let searcher = reader.searcher();
        if searcher.num_docs() as usize != catalogue.len() || searcher.segment_readers().len() > 1 {
            return Err(format!(
                "the index does not match the catalogue: {} documents in {} segments for {} actions",
                searcher.num_docs(),
                searcher.segment_readers().len(),
                catalogue.len()
            ));
        }
        let fields = schema::search_fields();
        if index.schema() != fields.schema {
            return Err("the index was built with another schema".into());
        }
        let values = Values::new(catalogue, today);
        let ranking = Ranking::new(catalogue, &values);
        Ok(Engine {
            catalogue,
            searcher,
            every_action_counts: OnceLock::new(),
            ranking,
            values,
            today,
            analyzers: Analyzers::new(),
            thesaurus: OnceLock::new(),
            regions: OnceLock::new(),
            fields,
            _reader: reader,
        })
    }

    pub fn catalogue(&self) -> &'c Catalogue<'c> {
        self.catalogue
    }

    /// The values of every dimension (labels, keys, parsing of typed values).
    pub fn values(&self) -> &Values<'c> {
        &self.values
    }

    pub fn today(&self) -> YearMonth {
        self.today
    }

    pub(crate) fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    pub(crate) fn fields(&self) -> &SearchFields {
        &self.fields
    }

    /// Runs a search.
    pub fn search(&self, request: &Request) -> Outcome {
        let parsed = query::parse(&request.text);
        let filtered = !request.filters.is_empty();
        let (matches, matching, words, partial) =
            self.matches(&parsed, request.mode, request.synonyms, filtered);
        let (mut hits, counts, selection) = self.filter_and_count(matches, &request.filters);
        let total = hits.len();
        self.ranking.rank(&mut hits, request.limit);
        let also = self.fill_the_page(partial, &request.filters, FILL_PAGE.saturating_sub(total));
        Outcome {
            hits,
            also,
            total,
            counts,
            selection,
            parsed,
            matching,
            words,
        }
    }

    /// The actions listed for the query, in document order, with how the list was chosen
    /// and the words matched; forgivingly, below a list shorter than a page (or `filtered`,
    /// which may shorten it), the actions holding some of the words.
    fn matches(
        &self,
        parsed: &ParsedQuery,
        mode: MatchMode,
        synonyms: bool,
        filtered: bool,
    ) -> (Vec<Hit>, Matching, Vec<String>, Partial) {
        let documents = self.catalogue.len();
        let every = || -> Vec<Hit> {
            (0..documents as Position)
                .map(|position| Hit {
                    position,
                    score: 0.0,
                    exactness: 0,
                    proximity: 0,
                    placement: 0,
                })
                .collect()
        };
        let mut matching = Matching {
            mode,
            ..Matching::default()
        };
        let mut words = Vec::new();
        let mut partial = Partial::default();
        if parsed.is_empty() {
            return (every(), matching, words, partial);
        }
        let mut analyzers = self.analyzers.clone();
        let mut plans = matching::plan(parsed, &self.fields, &self.searcher, &mut analyzers);
        matching::join_neighbours(
            parsed,
            &mut plans,
            &self.fields,
            &self.searcher,
            &mut analyzers,
        );
        for (range, region) in self.regions().runs(parsed, &mut analyzers) {
            // A region's name of several words is matched whole in the texts too.
            let whole = (range.len() > 1).then(|| {
                let text: Vec<&str> = parsed.required[range.clone()]
                    .iter()
                    .map(Clause::text)
                    .collect();
                matching::phrase_alternatives(&text.join(" "), &self.fields, &mut analyzers)
            });
            for plan in &mut plans[range] {
                if let Some(whole) = &whole {
                    plan.alternatives.clone_from(whole);
                }
                plan.alternatives
                    .push(matching::region_alternative(&self.fields, &region));
                matching::sort_best_first(&mut plan.alternatives);
            }
        }
        if synonyms {
            matching.synonyms = self.add_synonyms(parsed, &mut plans, &mut analyzers);
        }
        let mut hits = if plans.is_empty() {
            every()
        } else {
            let mut holdings = matching::hold(&self.searcher, &plans, documents);
            if mode == MatchMode::Most {
                // Forgivingly, a word also matches the words its long stem starts; a word
                // nothing holds — as typed, by stem or as the start of a word — is read
                // through its typo corrections.
                for (number, plan) in plans.iter_mut().enumerate() {
                    let forgiving = matching::Forgiving {
                        fields: &self.fields,
                        searcher: &self.searcher,
                        number,
                    };
                    forgiving.hold_stem_completions(plan, &mut analyzers, &mut holdings);
                    let bit = 1u32 << number;
                    if holdings.iter().any(|holding| holding.held & bit != 0) {
                        continue;
                    }
                    forgiving.hold_corrections(plan, &mut analyzers, &mut holdings);
                    // A corrected word names the region the correct word names.
                    let regions: Vec<Alternative> = plan
                        .corrections
                        .iter()
                        .filter_map(|word| self.regions().named(word, &mut analyzers))
                        .map(|region| matching::region_alternative(&self.fields, &region))
                        .collect();
                    if !regions.is_empty() {
                        forgiving.hold(plan, regions, &mut holdings);
                    }
                    // A corrected word finds what the correct one finds, the thesaurus'
                    // terms included; a word close to no word of the texts may still be
                    // close to a term of the thesaurus ("xenofobia").
                    if synonyms && !plan.optional {
                        let thesaurus = self.thesaurus();
                        let concept = plan
                            .corrections
                            .iter()
                            .find_map(|word| thesaurus.concept_named(word, &mut analyzers))
                            .or_else(|| {
                                plan.typed_token
                                    .as_deref()
                                    .and_then(|token| thesaurus.closest_term(token))
                            });
                        if let Some(concept) = concept {
                            let (alternatives, terms) = thesaurus.alternatives(
                                concept,
                                &plan.text,
                                &self.fields,
                                &mut analyzers,
                            );
                            forgiving.hold(plan, alternatives, &mut holdings);
                            matching.synonyms.push(Synonyms {
                                typed: plan.text.clone(),
                                concept: thesaurus.concept(concept).id.to_owned(),
                                terms: terms.into_iter().map(str::to_owned).collect(),
                            });
                        }
                    }
                }
            }
            let pairs = matching::neighbour_pairs(parsed, &plans, &self.fields, &mut analyzers);
            matching::hold_pairs(&self.searcher, &pairs, &mut holdings);
            let required: u32 = plans
                .iter()
                .enumerate()
                .filter(|(_, plan)| !plan.optional)
                .fold(0, |mask, (number, _)| mask | 1 << number);
            let chosen = match mode {
                MatchMode::All => required,
                MatchMode::Most => best_held_set(&holdings, &plans, required),
            };
            if chosen != required && chosen != 0 {
                for (number, plan) in plans.iter().enumerate() {
                    if required & 1 << number != 0 {
                        let list = if chosen & 1 << number != 0 {
                            &mut matching.kept
                        } else {
                            &mut matching.dropped
                        };
                        list.push(plan.text.clone());
                    }
                }
            }
            // What the listed actions were matched through; a corrected word that was
            // dropped all the same is reported as dropped only.
            for (number, plan) in plans.iter().enumerate() {
                let counted = chosen & 1 << number != 0 || plan.optional;
                if !counted {
                    continue;
                }
                if !plan.corrections.is_empty() {
                    matching.corrections.push(Correction {
                        typed: plan.text.clone(),
                        read_as: plan.corrections.iter().take(3).cloned().collect(),
                    });
                }
                words.push(plan.text.clone());
                words.extend(plan.corrections.iter().cloned());
                words.extend(plan.completions.iter().cloned());
            }
            // The thesaurus' one-word terms are marked too; a longer term's words alone
            // ("changement" of "changement climatique") would mark what is not the term.
            for added in &matching.synonyms {
                words.extend(
                    added
                        .terms
                        .iter()
                        .filter(|term| !term.contains([' ', '-', '\'']))
                        .cloned(),
                );
            }
            let hit_of = |document: usize, holding: &matching::Holding| Hit {
                position: document as Position,
                score: holding.score,
                exactness: holding.quality,
                proximity: holding.proximity,
                placement: holding.place,
            };
            let listed: Vec<Hit> = if chosen == 0 {
                Vec::new()
            } else {
                holdings
                    .iter()
                    .enumerate()
                    .filter(|(_, holding)| holding.held & required == chosen)
                    .map(|(document, holding)| hit_of(document, holding))
                    .collect()
            };
            // Forgivingly, below a short list (or one filters may shorten), the actions
            // holding at least half of the words but not all those the list holds.
            let words_in_query = required.count_ones();
            if mode == MatchMode::Most
                && words_in_query >= 2
                && (listed.len() < FILL_PAGE || filtered)
            {
                partial.clauses = plans.iter().map(|plan| plan.text.clone()).collect();
                partial.required = required;
                partial.candidates = holdings
                    .iter()
                    .enumerate()
                    .filter(|(_, holding)| {
                        let held = holding.held & required;
                        held != chosen && held.count_ones() * 2 >= words_in_query
                    })
                    .map(|(document, holding)| (hit_of(document, holding), holding.held & required))
                    .collect();
            }
            listed
        };
        if !parsed.excluded.is_empty() {
            let mut is_excluded = vec![false; documents];
            for clause in &parsed.excluded {
                let plan = matching::plan_clause(
                    clause,
                    &self.fields,
                    &self.searcher,
                    &mut analyzers,
                    false,
                );
                matching::mark_matches(&self.searcher, &plan.alternatives, &mut is_excluded);
            }
            hits.retain(|hit| !is_excluded[hit.position as usize]);
            partial
                .candidates
                .retain(|(hit, ..)| !is_excluded[hit.position as usize]);
        }
        (hits, matching, words, partial)
    }

    /// Up to `room` of the actions holding some of the query's words that pass `filters`:
    /// those holding most words first, each group ranked as the list is.
    fn fill_the_page(&self, partial: Partial, filters: &Filters, room: usize) -> Vec<PartialHit> {
        if room == 0 || partial.candidates.is_empty() {
            return Vec::new();
        }
        let facets = self.catalogue.facets();
        let mut candidates: Vec<(Hit, u32)> = partial
            .candidates
            .into_iter()
            .filter(|(hit, ..)| self.passes(&facets[hit.position as usize], filters))
            .collect();
        candidates.sort_by_key(|&(_, held)| std::cmp::Reverse(held.count_ones()));
        let mut also = Vec::new();
        for group in candidates.chunk_by(|left, right| left.1.count_ones() == right.1.count_ones())
        {
            let left = room - also.len();
            if left == 0 {
                break;
            }
            let mut hits: Vec<Hit> = group.iter().map(|&(hit, ..)| hit).collect();
            self.ranking.rank(&mut hits, Some(left));
            hits.truncate(left);
            for hit in hits {
                let (_, held) = group
                    .iter()
                    .find(|(candidate, ..)| candidate.position == hit.position)
                    .copied()
                    .expect("a hit of the group");
                let lacking = partial
                    .clauses
                    .iter()
                    .enumerate()
                    .filter(|&(number, _)| partial.required & !held & 1 << number != 0)
                    .map(|(_, clause)| clause.clone())
                    .collect();
                also.push(PartialHit { hit, lacking });
            }
        }
        also
    }

    /// Whether an action's facet row passes every filter.
    fn passes(&self, row: &FacetRow, filters: &Filters) -> bool {
        Dimension::ALL.into_iter().all(|dimension| {
            let selected = filters.selected(dimension);
            if selected.is_empty() {
                return true;
            }
            let mut passes = false;
            self.values
                .slots(row, dimension)
                .for_each(|slot| passes |= selected.contains(&slot));
            passes
        })
    }

    /// The regions' names, read by the analyzers on first use.
    fn regions(&self) -> &RegionNames {
        self.regions
            .get_or_init(|| RegionNames::new(&self.values, &mut self.analyzers.clone()))
    }

    /// The thesaurus, its terms read by the analyzers on first use.
    fn thesaurus(&self) -> &Thesaurus<'c> {
        self.thesaurus.get_or_init(|| {
            Thesaurus::new(&self.catalogue.tables.concepts, &mut self.analyzers.clone())
        })
    }

    /// Adds to the plans of the words that name a concept of the thesaurus the alternatives
    /// matching its other terms; says which.
    fn add_synonyms(
        &self,
        parsed: &ParsedQuery,
        plans: &mut [ClausePlan],
        analyzers: &mut Analyzers,
    ) -> Vec<Synonyms> {
        let thesaurus = self.thesaurus();
        let mut added = Vec::new();
        let mut runs = thesaurus.runs(parsed, analyzers);
        // A word inside a longer run ("child" of "child care") also names its own concept,
        // as it does anywhere else in a query.
        let inside: Vec<thesaurus::Run> = runs
            .iter()
            .filter(|run| run.len > 1)
            .flat_map(|run| (run.first..run.first + run.len).map(|number| (number, run.concept)))
            .filter_map(|(number, of_run)| {
                let concept = thesaurus.concept_named(parsed.required[number].text(), analyzers)?;
                (concept != of_run).then_some(thesaurus::Run {
                    first: number,
                    len: 1,
                    concept,
                })
            })
            .collect();
        runs.extend(inside);
        for run in runs {
            let range = run.first..run.first + run.len;
            let typed: Vec<&str> = parsed.required[range.clone()]
                .iter()
                .map(Clause::text)
                .collect();
            let typed = typed.join(" ");
            let (alternatives, terms) =
                thesaurus.alternatives(run.concept, &typed, &self.fields, analyzers);
            if alternatives.is_empty() {
                continue;
            }
            for plan in plans[range].iter_mut().filter(|plan| !plan.optional) {
                plan.alternatives.extend(alternatives.iter().cloned());
            }
            added.push(Synonyms {
                typed,
                concept: thesaurus.concept(run.concept).id.to_owned(),
                terms: terms.into_iter().map(str::to_owned).collect(),
            });
        }
        added
    }

    /// Applies the filters to the matches and counts, for each dimension, what each value
    /// would give with the other dimensions' filters, and what the results hold.
    fn filter_and_count(
        &self,
        matches: Vec<Hit>,
        filters: &Filters,
    ) -> (Vec<Hit>, FacetCounts, FacetCounts) {
        let mut counts = self.zero_counts();
        // Per active dimension, whether each of its slots is selected.
        let active: Vec<(Dimension, Vec<bool>)> = Dimension::ALL
            .into_iter()
            .filter(|&dimension| !filters.selected(dimension).is_empty())
            .map(|dimension| {
                let mut selected = vec![false; self.values.len(dimension)];
                for &slot in filters.selected(dimension) {
                    if let Some(flag) = selected.get_mut(slot) {
                        *flag = true;
                    }
                }
                (dimension, selected)
            })
            .collect();
        let facets = self.catalogue.facets();
        if active.is_empty() {
            let counts = self.count_unfiltered(&matches, counts);
            return (matches, counts.clone(), counts);
        }
        // The results' own counts differ from the panel's only in filtered dimensions.
        let mut selected_counts = self.zero_counts();
        let mut matches = matches;
        let mut kept = 0;
        for index in 0..matches.len() {
            let hit = matches[index];
            let row = &facets[hit.position as usize];
            // Which active dimensions this action fails; it counts for a dimension when it
            // passes every other one.
            let mut failed = None;
            let mut failures = 0;
            for (dimension, selected) in &active {
                let mut passes = false;
                self.values
                    .slots(row, *dimension)
                    .for_each(|slot| passes |= selected[slot]);
                if !passes {
                    failures += 1;
                    failed = Some(*dimension);
                    if failures > 1 {
                        break;
                    }
                }
            }
            match (failures, failed) {
                (0, _) => {
                    self.values.count_every_slot(row, &mut counts.by_dimension);
                    for (dimension, _) in &active {
                        let counts = &mut selected_counts.by_dimension[*dimension as usize];
                        self.values
                            .slots(row, *dimension)
                            .for_each(|slot| counts[slot] += 1);
                    }
                    // Kept hits move up in place: no second list of (possibly) every hit.
                    matches[kept] = hit;
                    kept += 1;
                }
                (1, Some(dimension)) => {
                    let counts = &mut counts.by_dimension[dimension as usize];
                    self.values
                        .slots(row, dimension)
                        .for_each(|slot| counts[slot] += 1);
                }
                _ => {}
            }
        }
        matches.truncate(kept);
        for dimension in Dimension::ALL {
            if filters.selected(dimension).is_empty() {
                selected_counts.by_dimension[dimension as usize]
                    .clone_from(&counts.by_dimension[dimension as usize]);
            }
        }
        (matches, counts, selected_counts)
    }

    /// The facet counts of `matches` (in document order) when no filter is set: every
    /// match counts for every dimension. When most actions match (a broad word, an empty
    /// query), the actions not matched are counted and subtracted from the catalogue's
    /// counts: fewer rows visited.
    fn count_unfiltered(&self, matches: &[Hit], mut counts: FacetCounts) -> FacetCounts {
        let facets = self.catalogue.facets();
        if matches.len() * 2 <= facets.len() {
            self.count_rows(
                matches.iter().map(|hit| &facets[hit.position as usize]),
                &mut counts,
            );
            return counts;
        }
        let every_action = self.every_action_counts.get_or_init(|| {
            let mut counts = self.zero_counts();
            self.count_rows(facets.iter(), &mut counts);
            counts
        });
        debug_assert!(
            matches
                .windows(2)
                .all(|pair| pair[0].position < pair[1].position)
        );
        let mut unmatched = self.zero_counts();
        let mut next = 0;
        for end in matches
            .iter()
            .map(|hit| hit.position as usize)
            .chain([facets.len()])
        {
            self.count_rows(facets[next..end].iter(), &mut unmatched);
            next = end + 1;
        }
        for (counts, (all, others)) in counts.by_dimension.iter_mut().zip(
            every_action
                .by_dimension
                .iter()
                .zip(&unmatched.by_dimension),
        ) {
            for (count, (all, others)) in counts.iter_mut().zip(all.iter().zip(others)) {
                *count = all - others;
            }
        }
        counts
    }

    /// Adds facet rows to `counts`, each for every dimension.
    fn count_rows<'r>(&self, rows: impl Iterator<Item = &'r FacetRow>, counts: &mut FacetCounts) {
        for row in rows {
            self.values.count_every_slot(row, &mut counts.by_dimension);
        }
    }

    /// A zero for every value of every dimension.
    fn zero_counts(&self) -> FacetCounts {
        let mut counts = FacetCounts::default();
        for dimension in Dimension::ALL {
            counts.by_dimension[dimension as usize] = vec![0; self.values.len(dimension)];
        }
        counts
    }

    /// Marks the words an outcome was matched through in any number of texts.
    pub fn highlighter(&self, outcome: &Outcome) -> Highlighter {
        Highlighter::new(&self.searcher, &self.fields, &outcome.words)
    }

    /// A passage of a French `text` around an outcome's matches, at most `max_chars`
    /// long, or the whole text highlighted when `max_chars` is `None`.
    pub fn snippet(&self, outcome: &Outcome, text: &str, max_chars: Option<usize>) -> Snippet {
        self.highlighter(outcome)
            .snippet(text, TextLanguage::SOURCE, max_chars)
    }
}

/// The required clauses of the query that the list holds, in default mode: all of them
/// when some action holds all; otherwise the set of greatest weight that some action holds
/// together, a word weighing more the fewer actions hold it (BM25's idf), more words before
/// fewer among equal weights. 0 when no action holds any.
fn best_held_set(holdings: &[matching::Holding], plans: &[ClausePlan], required: u32) -> u32 {
    if holdings
        .iter()
        .any(|holding| holding.held & required == required)
    {
        return required;
    }
    let documents = holdings.len() as f64;
    let weights: Vec<f64> = (0..plans.len())
        .map(|number| {
            let holders = holdings
                .iter()
                .filter(|holding| holding.held & 1 << number != 0)
                .count() as f64;
            (1.0 + (documents - holders + 0.5) / (holders + 0.5)).ln()
        })
        .collect();
    let weight = |mask: u32| -> f64 {
        weights
            .iter()
            .enumerate()
            .filter(|(number, _)| mask & 1 << number != 0)
            .map(|(_, weight)| weight)
            .sum()
    };
    let mut masks: Vec<u32> = holdings
        .iter()
        .map(|holding| holding.held & required)
        .filter(|&mask| mask != 0)
        .collect();
    masks.sort_unstable();
    masks.dedup();
    masks
        .into_iter()
        .max_by(|&left, &right| {
            weight(left)
                .total_cmp(&weight(right))
                .then(left.count_ones().cmp(&right.count_ones()))
                // Among equals, the set holding the earlier words.
                .then(left.reverse_bits().cmp(&right.reverse_bits()))
        })
        .unwrap_or(0)
}

/// The month `--today` asked to see the catalogue from, if it did.
static SEEN_FROM: OnceLock<YearMonth> = OnceLock::new();

/// Sees the catalogue from `month` instead of the clock's (`--today`), so that a count of
/// ongoing and ended actions made on another day can be made again. Before the embedded
/// engine opens; a second call changes nothing.
pub fn see_from(month: YearMonth) {
    let _ = SEEN_FROM.set(month);
}

/// The month statuses are seen from: `--today`'s, or the clock's.
pub fn today() -> YearMonth {
    SEEN_FROM.get().copied().unwrap_or_else(this_month)
}

/// `YYYY-MM` (or `YYYY-MM-DD`, its day ignored), as `--today` takes it.
pub fn parse_month(text: &str) -> Result<YearMonth, NotAMonth> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next().and_then(|year| {
        (year.len() == 4)
            .then(|| year.parse::<u16>().ok())
            .flatten()
    });
    let month = parts
        .next()
        .and_then(|month| month.parse::<u8>().ok())
        .filter(|month| (1..=12).contains(month));
    let day_fits = parts
        .next()
        .is_none_or(|day| day.parse::<u8>().is_ok_and(|day| (1..=31).contains(&day)));
    match (year, month, day_fits) {
        (Some(year), Some(month), true) => Ok(YearMonth {
            year,
            month: Some(month),
        }),
        _ => Err(NotAMonth),
    }
}

/// A text that [`parse_month`] cannot read as a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAMonth;

impl std::fmt::Display for NotAMonth {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(crate::i18n::Lang::EN.strings().messages.not_a_month)
    }
}

impl std::error::Error for NotAMonth {}

/// The engine over the catalogue and index embedded in the binary, seen from this month
/// (or `--today`'s).
/// Opened once per process and never dropped: freeing its tables and index readers cost
/// more than a search, and the process's end frees them anyway.
pub fn embedded() -> Result<&'static Engine<'static>, String> {
    static ENGINE: OnceLock<Result<Engine<'static>, String>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            // Nothing is read from a damaged copy: its decoders could print wrong data or
            // fail in ways no message explains.
            crate::verify::embedded_copy()?;
            Engine::open(
                crate::catalogue::embedded::catalogue(),
                OwnedBytes::new(crate::index::embedded::PACKED),
                today(),
            )
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The current month, from the system clock (UTC).
pub fn this_month() -> YearMonth {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let (year, month) = civil_year_month(seconds / 86_400);
    YearMonth {
        year,
        month: Some(month),
    }
}

/// Year and month of a day counted from 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil_year_month(days: u64) -> (u16, u8) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as u16, month as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_year_month(0), (1970, 1));
        assert_eq!(civil_year_month(19_722), (2023, 12)); // 2023-12-31
        assert_eq!(civil_year_month(19_723), (2024, 1));
        assert_eq!(civil_year_month(20_513), (2026, 3)); // 2026-03-01
    }
}
