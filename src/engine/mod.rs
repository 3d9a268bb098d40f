//! The search engine: query text and filters in, ranked hits, snippets and facet counts
//! out. One engine serves the command line and the interface, so the same query and
//! filters give the same results everywhere.
//!
//! Text matching is tantivy's (BM25 over analysed fields with boosts); filters and counts
//! read the catalogue's facet table, never decoding an action.

pub mod filters;
pub mod query;
mod ranking;
mod scoring;
mod typos;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::OnceLock;

use tantivy::directory::OwnedBytes;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery,
    Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{IndexReader, Score, Searcher, Term};

pub use filters::{Dimension, FacetValue, FilterError, Filters, Status, ValueSlot, Values};
pub use query::{Clause, ParsedQuery};

use crate::catalogue::{Catalogue, FacetRow, Index as Position, YearMonth};
use crate::index::description_words::{self, DescriptionWords, Word};
use crate::index::directory::open_index;
use crate::index::indexer::NAME_TERMS_FILE;
use crate::index::schema::{self, SearchFields};
use ranking::Ranking;
pub use ranking::rank_order;
use scoring::{Alternative, Scorer};
use typos::NamesByLength;

/// tantivy's default snippet length; each snippet sets its own.
const SNIPPET_DEFAULT_CHARS: usize = 150;

/// Words of at least this many letters match names with one typo.
const FUZZY_MIN_CHARS: usize = 5;

/// Field boosts: titles and names above summaries above descriptions.
const BOOST_NAMES: Score = 4.0;
const BOOST_TITLE_FR: Score = 3.0;
const BOOST_TITLE_EN: Score = 2.5;
const BOOST_SUMMARY_EN: Score = 1.5;
const BOOST_DESCRIPTION: Score = 1.0;
const BOOST_FUZZY_NAMES: Score = 2.0;
const BOOST_PREFIX: Score = 0.5;

/// A search: free text, filters, and how many hits to return.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub text: String,
    pub filters: Filters,
    /// At most this many hits (all when `None`); the total and counts always cover all.
    pub limit: Option<usize>,
}

/// One result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// The action's position in the catalogue.
    pub position: Position,
    /// BM25 score (0 when the query is empty).
    pub score: Score,
}

/// What a search found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Ranked: score, then year (newest first), then id.
    pub hits: Vec<Hit>,
    /// Every match of the query and all filters (`hits` may be cut by the limit).
    pub total: usize,
    /// For each dimension and value: the results that value would give with the query and
    /// all the *other* dimensions' filters applied.
    pub counts: FacetCounts,
    /// The query as understood, with what was ignored.
    pub parsed: ParsedQuery,
}

/// Counts per dimension, indexed by value slot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    by_dimension: [Vec<usize>; 9],
}

impl FacetCounts {
    /// The count of each value of `dimension`, in slot order.
    pub fn of(&self, dimension: Dimension) -> &[usize] {
        &self.by_dimension[dimension as usize]
    }
}

/// A passage of text with the query's matches marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text`, each on character boundaries, ascending and disjoint.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The highlights as character ranges (what JSON output gives scripts).
    pub fn char_ranges(&self) -> Vec<Range<usize>> {
        let to_chars = |byte: usize| self.text[..byte].chars().count();
        self.highlights
            .iter()
            .map(|range| to_chars(range.start)..to_chars(range.end))
            .collect()
    }
}

/// The engine over one catalogue and its index.
pub struct Engine<'c> {
    catalogue: &'c Catalogue<'c>,
    searcher: Searcher,
    fields: SearchFields,
    values: Values<'c>,
    today: YearMonth,
    /// The names field's terms, a line each, when the build listed them (few enough to scan
    /// for typos).
    name_terms: Option<String>,
    /// Those names by length, indexed on the first word long enough to have a typo.
    names_by_length: OnceLock<NamesByLength>,
    /// Every action's facet counts, computed on the first search matching most actions.
    every_action_counts: OnceLock<FacetCounts>,
    ranking: Ranking,
    scorer: Scorer,
    /// The descriptions' words as indexed, for highlighting without analysing again.
    description_words: DescriptionWords<OwnedBytes>,
    french: TextAnalyzer,
    english: TextAnalyzer,
    names: TextAnalyzer,
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
        let (index, reader, directory) = open_index(packed_index)?;
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
        let description_words = directory
            .file(description_words::FILE_NAME)
            .ok_or_else(|| "the index is damaged: no description words".to_owned())
            .and_then(|bytes| DescriptionWords::open(bytes, catalogue.len()))?;
        let name_terms = directory
            .file(NAME_TERMS_FILE)
            .map(|names| {
                String::from_utf8(names.to_vec())
                    .map_err(|_| "the index is damaged: the names are not text".to_owned())
            })
            .transpose()?;
        let values = Values::new(catalogue);
        let ranking = Ranking::new(catalogue, &values);
        let scorer = Scorer::new(
            &searcher,
            &[
                fields.names,
                fields.title_fr,
                fields.title_en,
                fields.summary_en,
                fields.description_fr,
            ],
        )?;
        Ok(Engine {
            catalogue,
            searcher,
            name_terms,
            names_by_length: OnceLock::new(),
            every_action_counts: OnceLock::new(),
            ranking,
            scorer,
            description_words,
            values,
            today,
            french: schema::french(),
            english: schema::english(),
            names: schema::names(),
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
        let matches = self.matches(&parsed);
        let (mut hits, counts) = self.filter_and_count(matches, &request.filters);
        let total = hits.len();
        self.ranking.rank(&mut hits, request.limit);
        Outcome {
            hits,
            total,
            counts,
            parsed,
        }
    }

    /// Every document matching the query, with its score (all documents for an empty
    /// query), in document order.
    fn matches(&self, parsed: &ParsedQuery) -> Vec<Hit> {
        let documents = self.scorer.documents() as usize;
        if parsed.is_empty() {
            return (0..documents as Position)
                .map(|position| Hit {
                    position,
                    score: 0.0,
                })
                .collect();
        }
        let mut analyzers = self.analyzers();
        let Some(required) = self.required_clauses(parsed, &mut analyzers) else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = if required.is_empty() {
            // Only exclusions: every action, with the score tantivy gives a match-all.
            (0..documents as Position)
                .map(|position| Hit {
                    position,
                    score: 1.0,
                })
                .collect()
        } else {
            // Scores add up over every alternative of every clause that a document
            // matches, as in a boolean query of unions; a document must match each
            // required clause (an optional one only adds to the score).
            let mut tallies = vec![Tally::default(); documents];
            let mut must_match = 0u8;
            for (number, clause) in required.iter().enumerate() {
                // At most MAX_CLAUSES (16) clauses: numbers from 1 fit in a byte.
                let mark = number as u8 + 1;
                must_match += u8::from(!clause.optional);
                for alternative in &clause.alternatives {
                    self.scorer.for_each_match(
                        &self.searcher,
                        alternative,
                        &mut |document, score| {
                            let tally = &mut tallies[document as usize];
                            tally.score += score;
                            if !clause.optional && tally.last_clause != mark {
                                tally.last_clause = mark;
                                tally.clauses_matched += 1;
                            }
                        },
                    );
                }
            }
            tallies
                .iter()
                .enumerate()
                .filter(|(_, tally)| tally.clauses_matched == must_match)
                .map(|(document, tally)| Hit {
                    position: document as Position,
                    score: tally.score,
                })
                .collect()
        };
        // Exclusions are matched on their own and removed here, rather than as MustNot
        // clauses of one boolean query: the scores of what remains do not change.
        if !parsed.excluded.is_empty() {
            let mut is_excluded = vec![false; documents];
            for clause in &parsed.excluded {
                let (alternatives, _) = self.alternatives(clause, false, false, &mut analyzers);
                for alternative in &alternatives {
                    self.scorer
                        .for_each_match(&self.searcher, alternative, &mut |document, _| {
                            is_excluded[document as usize] = true;
                        });
                }
            }
            hits.retain(|hit| !is_excluded[hit.position as usize]);
        }
        hits
    }

    /// Copies of the query analyzers (they hold state while tokenising).
    fn analyzers(&self) -> QueryAnalyzers {
        QueryAnalyzers {
            french: self.french.clone(),
            english: self.english.clone(),
            names: self.names.clone(),
        }
    }

    /// The clauses every result must (or, for stop words, may) match; `None` when nothing
    /// in the query can match (every word was a stop word of every analyser, say).
    fn required_clauses(
        &self,
        parsed: &ParsedQuery,
        analyzers: &mut QueryAnalyzers,
    ) -> Option<Vec<RequiredClause>> {
        let last = parsed.required.len().saturating_sub(1);
        // A stop word ("des", "to") is optional when the query has other words: the prose
        // analysers drop it, so requiring it would keep only the few actions that have it
        // in a name. The word being typed stays required (it is matched as a prefix).
        let mut required: Vec<RequiredClause> = Vec::new();
        for (position, clause) in parsed.required.iter().enumerate() {
            let prefix = parsed.last_word_is_prefix && position == last;
            let (alternatives, stop_word) = self.alternatives(clause, true, prefix, analyzers);
            if !alternatives.is_empty() {
                required.push(RequiredClause {
                    optional: !prefix && stop_word,
                    alternatives,
                });
            }
        }
        if !parsed.required.is_empty() && required.is_empty() {
            return None;
        }
        if required.iter().all(|clause| clause.optional) {
            for clause in &mut required {
                clause.optional = false;
            }
        }
        Some(required)
    }

    /// The tantivy query for what a parsed query requires (exclusions are applied
    /// separately); `None` when nothing in it can match. Searches score term by term (see
    /// [`scoring`]); this query is what highlighting collects its terms from.
    pub fn build_query(&self, parsed: &ParsedQuery) -> Option<Box<dyn Query>> {
        let required = self.required_clauses(parsed, &mut self.analyzers())?;
        if required.is_empty() {
            return Some(Box::new(AllQuery));
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = required
            .iter()
            .map(|clause| {
                let occur = if clause.optional {
                    Occur::Should
                } else {
                    Occur::Must
                };
                let mut queries: Vec<Box<dyn Query>> = clause
                    .alternatives
                    .iter()
                    .map(Alternative::to_query)
                    .collect();
                let query = match queries.len() {
                    1 => queries.pop().expect("one query"),
                    _ => Box::new(BooleanQuery::union(queries)),
                };
                (occur, query)
            })
            .collect();
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// The ways one word or phrase matches, in any field; and whether it is a word that
    /// the French or the English analyser drops as a stop word.
    fn alternatives(
        &self,
        clause: &Clause,
        tolerant: bool,
        prefix: bool,
        analyzers: &mut QueryAnalyzers,
    ) -> (Vec<Alternative>, bool) {
        let text = clause.text();
        let french = analyse(&mut analyzers.french, text);
        let english = analyse(&mut analyzers.english, text);
        let name_tokens = analyse(&mut analyzers.names, text);
        let stop_word =
            matches!(clause, Clause::Word(_)) && (french.is_empty() || english.is_empty());
        let mut alternatives: Vec<Alternative> = Vec::new();
        let fields = &self.fields;
        for (field, tokens, boost) in [
            (fields.names, &name_tokens, BOOST_NAMES),
            (fields.title_fr, &french, BOOST_TITLE_FR),
            (fields.title_en, &english, BOOST_TITLE_EN),
            (fields.summary_en, &english, BOOST_SUMMARY_EN),
            (fields.description_fr, &french, BOOST_DESCRIPTION),
        ] {
            alternatives.extend(terms_alternative(field, tokens, boost));
        }
        if tolerant
            && let Clause::Word(_) = clause
            && let [(_, token)] = name_tokens.as_slice()
        {
            if token.chars().count() >= FUZZY_MIN_CHARS
                && let Some(query) = self.names_within_one_edit(token)
            {
                alternatives.push(Alternative::Query(Box::new(BoostQuery::new(
                    query,
                    BOOST_FUZZY_NAMES,
                ))));
            }
            if prefix {
                // Every word starting with the token: a range of the term dictionary, so
                // no automaton is built while the user types.
                let mut query =
                    PhrasePrefixQuery::new(vec![Term::from_field_text(fields.words, token)]);
                query.set_max_expansions(u32::MAX);
                alternatives.push(Alternative::Query(Box::new(BoostQuery::new(
                    Box::new(query),
                    BOOST_PREFIX,
                ))));
            }
        }
        (alternatives, stop_word)
    }

    /// Names within one edit (insertion, deletion, substitution or transposition of two
    /// neighbours) of `token`, scored as a constant like tantivy's fuzzy query. A small
    /// names dictionary (the embedded one holds a few hundred terms) is scanned: building
    /// a Levenshtein automaton cost more than the rest of a typical query. A large one is
    /// walked with the automaton.
    fn names_within_one_edit(&self, token: &str) -> Option<Box<dyn Query>> {
        let term = Term::from_field_text(self.fields.names, token);
        let Some(names) = self.name_terms.as_deref() else {
            return Some(Box::new(FuzzyTermQuery::new(term, 1, true)));
        };
        let close: Vec<Box<dyn Query>> = self
            .names_by_length
            .get_or_init(|| NamesByLength::new(names))
            .within_one_edit(names, token)
            .into_iter()
            .map(|name| {
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.names, name),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        if close.is_empty() {
            return None;
        }
        Some(Box::new(ConstScoreQuery::new(
            Box::new(BooleanQuery::union(close)),
            1.0,
        )))
    }

    /// Applies the filters to the matches and counts, for each dimension, what each value
    /// would give with the other dimensions' filters.
    fn filter_and_count(&self, matches: Vec<Hit>, filters: &Filters) -> (Vec<Hit>, FacetCounts) {
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
            return (matches, counts);
        }
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
                    .for_each_slot(self.catalogue, row, *dimension, self.today, |slot| {
                        passes |= selected[slot];
                    });
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
                    self.values.count_every_slot(
                        self.catalogue,
                        row,
                        self.today,
                        &mut counts.by_dimension,
                    );
                    // Kept hits move up in place: no second list of (possibly) every hit.
                    matches[kept] = hit;
                    kept += 1;
                }
                (1, Some(dimension)) => {
                    let counts = &mut counts.by_dimension[dimension as usize];
                    self.values
                        .for_each_slot(self.catalogue, row, dimension, self.today, |slot| {
                            counts[slot] += 1;
                        });
                }
                _ => {}
            }
        }
        matches.truncate(kept);
        (matches, counts)
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
            self.values
                .count_every_slot(self.catalogue, row, self.today, &mut counts.by_dimension);
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

    /// A passage of `text` (a description) around the query's matches, at most
    /// `max_chars` long, or the whole text highlighted when `max_chars` is `None`.
    pub fn snippet(&self, parsed: &ParsedQuery, text: &str, max_chars: Option<usize>) -> Snippet {
        self.highlighter(parsed).snippet(text, max_chars)
    }

    /// Marks the query's matches in any number of texts (one per visible row, say): the
    /// query is analysed once.
    pub fn highlighter(&self, parsed: &ParsedQuery) -> Highlighter {
        let terms = self
            .build_query(parsed)
            .filter(|_| !parsed.required.is_empty())
            .and_then(|query| self.description_terms(query.as_ref()))
            .unwrap_or_default();
        let description_terms = self
            .searcher
            .segment_readers()
            .first()
            .and_then(|segment| segment.inverted_index(self.fields.description_fr).ok())
            .map(|index| {
                let dictionary = index.terms();
                terms
                    .iter()
                    .filter_map(|(text, &score)| {
                        Some((dictionary.term_ord(text.as_bytes()).ok()??, score))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let generator = (!terms.is_empty()).then(|| {
            let candidates = schema::StemCandidates::for_terms(terms.keys().map(String::as_str));
            SnippetGenerator::new(
                terms,
                schema::french_highlighting(candidates),
                self.fields.description_fr,
                SNIPPET_DEFAULT_CHARS,
            )
        });
        Highlighter {
            generator,
            description_terms,
            description_words: self.description_words.clone(),
        }
    }

    /// The query's terms in the descriptions, each weighed as `SnippetGenerator::create`
    /// weighs it: rarer terms count more in choosing the passage.
    fn description_terms(&self, query: &dyn Query) -> Option<BTreeMap<String, Score>> {
        let field = self.fields.description_fr;
        let mut terms: BTreeSet<&Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term);
            }
        });
        let mut weighed: BTreeMap<String, Score> = BTreeMap::new();
        for term in terms {
            let value = term.value();
            let Some(text) = value.as_str() else {
                continue;
            };
            let documents = self.searcher.doc_freq(term).ok()?;
            if documents > 0 {
                weighed.insert(text.to_owned(), 1.0 / (1.0 + documents as Score));
            }
        }
        Some(weighed)
    }
}

/// Marks a query's matches in texts (see [`Engine::highlighter`]).
pub struct Highlighter {
    /// For any text: tantivy's snippet generator, with an analyzer that stems only the
    /// words that may match (see [`schema::StemCandidates`]); `None` without terms.
    generator: Option<SnippetGenerator>,
    /// For the catalogue's descriptions: the query's terms by ordinal, and the words.
    description_terms: BTreeMap<u64, Score>,
    description_words: DescriptionWords<OwnedBytes>,
}

impl Highlighter {
    /// What [`Highlighter::snippet`] gives for `description`, the description of the action
    /// at `position`, from the words the index recorded: the text is not analysed again.
    pub fn description_snippet(
        &mut self,
        position: Position,
        description: &str,
        max_chars: Option<usize>,
    ) -> Snippet {
        let max_bytes = max_chars.unwrap_or(description.len() + 1);
        let Some((range, highlighted)) = best_passage(
            self.description_words.of(position),
            &self.description_terms,
            max_bytes,
        ) else {
            return cut(description, max_chars);
        };
        let Some(fragment) = description.get(range.clone()) else {
            // Words that do not fit the text: not the description they were recorded from.
            return self.snippet(description, max_chars);
        };
        finish(
            description,
            max_chars,
            fragment,
            Some(range.start),
            highlighted,
        )
    }

    /// A passage of `text` around the matches, at most `max_chars` long, or the whole text
    /// highlighted when `max_chars` is `None`.
    pub fn snippet(&mut self, text: &str, max_chars: Option<usize>) -> Snippet {
        let Some(generator) = self.generator.as_mut() else {
            return cut(text, max_chars);
        };
        generator.set_max_num_chars(max_chars.unwrap_or(text.len() + 1));
        let snippet = generator.snippet(text);
        let fragment = snippet.fragment();
        if fragment.is_empty() {
            return cut(text, max_chars);
        }
        finish(
            text,
            max_chars,
            fragment,
            None,
            snippet.highlighted().to_vec(),
        )
    }
}

/// The text (its first `max_chars` characters) with nothing marked.
fn cut(text: &str, max_chars: Option<usize>) -> Snippet {
    let text = match max_chars {
        None => text.to_owned(),
        Some(max) => text.chars().take(max).collect(),
    };
    Snippet {
        text,
        highlights: Vec::new(),
    }
}

/// The passage tantivy's snippet generator picks from a text's words: the words are cut
/// into passages of at most `max_bytes` (a new one starts at the word that would overflow),
/// each scored by the weights of its terms; the best scores most, the first among equals.
/// `None` when no word is a term. Returns the passage's byte range and its terms' ranges.
fn best_passage(
    words: impl Iterator<Item = Word>,
    terms: &BTreeMap<u64, Score>,
    max_bytes: usize,
) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    struct Passage {
        score: Score,
        start: usize,
        stop: usize,
        highlighted: Vec<Range<usize>>,
    }
    let new = |start: usize| Passage {
        score: 0.0,
        start,
        stop: start,
        highlighted: Vec::new(),
    };
    let mut best: Option<Passage> = None;
    let mut consider = |passage: Passage| {
        if passage.score > 0.0 && best.as_ref().is_none_or(|best| passage.score > best.score) {
            best = Some(passage);
        }
    };
    let mut passage = new(0);
    for word in words {
        let (start, end) = (word.start as usize, word.end as usize);
        if end - passage.start > max_bytes {
            consider(std::mem::replace(&mut passage, new(start)));
        }
        passage.stop = end;
        if let Some(&score) = terms.get(&word.term) {
            passage.score += score;
            passage.highlighted.push(start..end);
        }
    }
    consider(passage);
    best.map(|best| (best.start..best.stop, best.highlighted))
}

/// A snippet from the passage `fragment` of `text` and its marked byte ranges (within the
/// text when `fragment_start` is given, else within the fragment).
fn finish(
    text: &str,
    max_chars: Option<usize>,
    fragment: &str,
    fragment_start: Option<usize>,
    highlighted: Vec<Range<usize>>,
) -> Snippet {
    let highlighted: Vec<Range<usize>> = match fragment_start {
        Some(start) => highlighted
            .into_iter()
            .map(|range| range.start - start..range.end - start)
            .collect(),
        None => highlighted,
    };
    // tantivy counts bytes and keeps a first word longer than the maximum: cut to it.
    let fragment = match max_chars.and_then(|max| fragment.char_indices().nth(max)) {
        Some((cut, _)) => &fragment[..cut],
        None => fragment,
    };
    let highlights: Vec<Range<usize>> = highlighted
        .into_iter()
        .filter(|range| {
            range.end <= fragment.len()
                && fragment.is_char_boundary(range.start)
                && fragment.is_char_boundary(range.end)
        })
        .collect();
    // The passage runs from its first word to its last: for the whole text, put back what
    // lies outside it (a final full stop, a closing quote).
    if max_chars.is_none()
        && let Some(offset) = fragment_start.or_else(|| text.find(fragment))
    {
        return Snippet {
            text: text.to_owned(),
            highlights: highlights
                .into_iter()
                .map(|range| range.start + offset..range.end + offset)
                .collect(),
        };
    }
    Snippet {
        text: fragment.to_owned(),
        highlights,
    }
}

/// Runs an analyzer: `(position, token)` pairs.
fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |token| tokens.push((token.position, token.text.clone())));
    tokens
}

/// A term for one token, a phrase query for several.
fn terms_alternative(
    field: Field,
    tokens: &[(usize, String)],
    boost: Score,
) -> Option<Alternative> {
    match tokens {
        [] => None,
        [(_, token)] => Some(Alternative::Term {
            term: Term::from_field_text(field, token),
            boost,
        }),
        _ => {
            let first = tokens[0].0;
            Some(Alternative::Phrase {
                terms: tokens
                    .iter()
                    .map(|(position, token)| {
                        (position - first, Term::from_field_text(field, token))
                    })
                    .collect(),
                boost,
            })
        }
    }
}

/// What a search adds up for one document (kept together: one memory access per posting).
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    score: Score,
    /// The number of the last required clause that matched it, from 1.
    last_clause: u8,
    /// How many required clauses matched it.
    clauses_matched: u8,
}

/// A required word or phrase of the query, as its alternatives.
struct RequiredClause {
    /// A stop word among other words: it adds to the score of what matches it.
    optional: bool,
    alternatives: Vec<Alternative>,
}

/// The query analyzers, copied for one search.
struct QueryAnalyzers {
    french: TextAnalyzer,
    english: TextAnalyzer,
    names: TextAnalyzer,
}

/// The engine over the catalogue and index embedded in the binary, seen from this month.
/// Opened once per process and never dropped: freeing its tables and index readers cost
/// more than a search, and the process's end frees them anyway.
pub fn embedded() -> Result<&'static Engine<'static>, String> {
    static ENGINE: OnceLock<Result<Engine<'static>, String>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            Engine::open(
                crate::catalogue::embedded::catalogue(),
                OwnedBytes::new(crate::index::embedded::PACKED),
                this_month(),
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
    use std::collections::BTreeSet;

    use tantivy::DocId;
    use tantivy::collector::DocSetCollector;
    use tantivy::query::EnableScoring;

    use super::*;

    /// Queries for comparing two ways of doing the same thing: typed by hand (with and
    /// without accents, phrases, stop words, a typo, an exclusion, words being typed) and
    /// the first words of every other title.
    fn sample_queries(engine: &Engine<'_>) -> Vec<String> {
        let mut queries: Vec<String> = [
            "réfugiés ",
            "refugiees integration ",
            "climat ",
            "enfants jeunes ",
            "\"centre d'accueil\" ",
            "accès aux services ",
            "emploi entrepreneuriat ",
            "santé mentale enfants ",
            "logement ",
            "yeux ",
            "a ",
            "des migrants et des réfugiés ",
            "the to ",
            "Barranquila ",
            "migrants -Kampala ",
            "integ",
            "climat vuln",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        for action in engine.catalogue().actions().step_by(2) {
            let words: Vec<&str> = action.title.split_whitespace().take(4).collect();
            queries.push(format!("{} ", words.join(" ")));
        }
        queries
    }

    /// Stemming only the candidate words highlights exactly what stemming every word does,
    /// for the sample queries.
    #[test]
    fn highlighting_with_stem_candidates_matches_full_stemming() {
        let engine = embedded().expect("the embedded engine opens");
        let catalogue = engine.catalogue();
        let queries = sample_queries(engine);
        let mut compared = 0;
        for text in &queries {
            let parsed = query::parse(text);
            let Some(query) = engine.build_query(&parsed) else {
                continue;
            };
            let Some(mut gated) = engine.highlighter(&parsed).generator else {
                continue;
            };
            let mut full = SnippetGenerator::create(
                &engine.searcher,
                query.as_ref(),
                engine.fields.description_fr,
            )
            .expect("a generator");
            for action in catalogue.actions() {
                for max in [120, action.description.len() + 1] {
                    gated.set_max_num_chars(max);
                    full.set_max_num_chars(max);
                    let (expected, actual) = (
                        full.snippet(action.description),
                        gated.snippet(action.description),
                    );
                    assert_eq!(
                        actual.fragment(),
                        expected.fragment(),
                        "{text:?} in {}",
                        action.id
                    );
                    assert_eq!(
                        actual.highlighted(),
                        expected.highlighted(),
                        "{text:?} in {}",
                        action.id
                    );
                    compared += usize::from(!expected.highlighted().is_empty());
                }
            }
        }
        assert!(compared > 500, "{compared} highlighted snippets compared");
    }

    /// Highlighting a description from the words the index recorded gives what analysing
    /// its text gives, for the sample queries, at the lengths the command line, the
    /// interface and the tests ask for.
    #[test]
    fn recorded_words_highlight_as_analysing_the_text() {
        let engine = embedded().expect("the embedded engine opens");
        let catalogue = engine.catalogue();
        let queries = sample_queries(engine);
        let mut marked = 0;
        for text in &queries {
            let mut highlighter = engine.highlighter(&query::parse(text));
            for (position, action) in catalogue.actions().enumerate() {
                for max_chars in [Some(60), Some(160), Some(200), None] {
                    let recorded = highlighter.description_snippet(
                        position as Position,
                        action.description,
                        max_chars,
                    );
                    let analysed = highlighter.snippet(action.description, max_chars);
                    assert_eq!(
                        recorded, analysed,
                        "{text:?} in {}, {max_chars:?}",
                        action.id
                    );
                    marked += usize::from(!recorded.highlights.is_empty());
                }
            }
        }
        assert!(marked > 500, "{marked} marked snippets compared");
    }

    /// The scan of the names dictionary finds exactly the documents tantivy's fuzzy query
    /// (distance 1, transpositions) finds, for every name and typos of it.
    #[test]
    fn the_names_scan_agrees_with_the_fuzzy_automaton() {
        let engine = embedded().expect("the embedded engine opens");
        let names: Vec<Vec<char>> = engine
            .name_terms
            .as_deref()
            .expect("the embedded names are scanned")
            .lines()
            .map(|name| name.chars().collect())
            .collect();
        assert!(names.len() > 100, "{} name terms", names.len());
        let segment = &engine.searcher.segment_readers()[0];
        let index = segment.inverted_index(engine.fields.names).expect("names");
        let mut stream = index.terms().stream().expect("the names dictionary");
        let mut dictionary: Vec<Vec<char>> = Vec::new();
        while stream.advance() {
            dictionary.push(String::from_utf8_lossy(stream.key()).chars().collect());
        }
        assert!(
            names.is_sorted_by_key(Vec::len),
            "the names are listed by length"
        );
        let mut listed = names.clone();
        listed.sort();
        assert_eq!(
            listed, dictionary,
            "the listed names are the dictionary's terms"
        );
        let documents = |query: &dyn Query| -> BTreeSet<DocId> {
            engine
                .searcher
                .search(query, &DocSetCollector)
                .expect("search")
                .into_iter()
                .map(|address| address.doc_id)
                .collect()
        };
        let mut compared = 0;
        for name in names.iter().filter(|name| name.len() >= FUZZY_MIN_CHARS) {
            let mut variants = vec![name.clone()];
            let mut deleted = name.clone();
            deleted.remove(1);
            variants.push(deleted);
            let mut substituted = name.clone();
            substituted[2] = 'q';
            variants.push(substituted);
            let mut swapped = name.clone();
            swapped.swap(0, 1);
            variants.push(swapped);
            let mut inserted = name.clone();
            inserted.insert(3, 'e');
            variants.push(inserted);
            // Edits at either end, where the scan skips names by their first and last
            // characters.
            let last = name.len() - 1;
            let mut first_substituted = name.clone();
            first_substituted[0] = 'q';
            let mut last_substituted = name.clone();
            last_substituted[last] = 'q';
            let mut last_swapped = name.clone();
            last_swapped.swap(last - 1, last);
            let mut prepended = name.clone();
            prepended.insert(0, 'e');
            let mut appended = name.clone();
            appended.push('e');
            variants.extend([
                first_substituted,
                last_substituted,
                last_swapped,
                prepended,
                appended,
                name[1..].to_vec(),
                name[..last].to_vec(),
            ]);
            for variant in variants {
                let token: String = variant.iter().collect();
                let automaton = FuzzyTermQuery::new(
                    Term::from_field_text(engine.fields.names, &token),
                    1,
                    true,
                );
                let scanned = engine
                    .names_within_one_edit(&token)
                    .map(|query| documents(query.as_ref()))
                    .unwrap_or_default();
                assert_eq!(scanned, documents(&automaton), "{token}");
                compared += 1;
            }
        }
        assert!(compared > 500, "{compared} comparisons");
    }

    /// Scores of a tantivy query, by document, as tantivy's own scorers give them.
    fn tantivy_scores(engine: &Engine<'_>, query: &dyn Query) -> BTreeMap<DocId, Score> {
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(&engine.searcher))
            .expect("a weight");
        let mut scores = BTreeMap::new();
        weight
            .for_each(
                &engine.searcher.segment_readers()[0],
                &mut |document, score| {
                    scores.insert(document, score);
                },
            )
            .expect("scoring");
        scores
    }

    /// Term-at-a-time scores are tantivy's, bit for bit: every term of every scored field,
    /// at two boosts, against tantivy's term scorer.
    #[test]
    fn term_scores_are_tantivys_bit_for_bit() {
        let engine = embedded().expect("the embedded engine opens");
        let segment = &engine.searcher.segment_readers()[0];
        let fields = &engine.fields;
        let mut compared = 0;
        for field in [
            fields.names,
            fields.title_fr,
            fields.title_en,
            fields.summary_en,
            fields.description_fr,
        ] {
            let index = segment.inverted_index(field).expect("the field is indexed");
            let mut terms = index.terms().stream().expect("the terms");
            while terms.advance() {
                let text = std::str::from_utf8(terms.key()).expect("text terms");
                let term = Term::from_field_text(field, text);
                for boost in [1.0, BOOST_TITLE_EN] {
                    let mut ours = BTreeMap::new();
                    engine.scorer.for_each_match(
                        &engine.searcher,
                        &Alternative::Term {
                            term: term.clone(),
                            boost,
                        },
                        &mut |document, score| {
                            ours.insert(document, score.to_bits());
                        },
                    );
                    let query = BoostQuery::new(
                        Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
                        boost,
                    );
                    let theirs: BTreeMap<DocId, u32> = tantivy_scores(engine, &query)
                        .into_iter()
                        .map(|(document, score)| (document, score.to_bits()))
                        .collect();
                    assert_eq!(ours, theirs, "{text:?} in field {field:?}, boost {boost}");
                    compared += ours.len();
                }
            }
        }
        assert!(compared > 10_000, "{compared} scores compared");
    }

    /// An engine over 600 synthetic actions (built once per test run): long enough that
    /// common words' documents and positions span several of tantivy's 128-entry blocks,
    /// which the 77 real actions never do.
    fn synthetic_engine() -> &'static Engine<'static> {
        static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
        ENGINE.get_or_init(|| {
            let directory = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset");
            let real = crate::catalogue::dataset::Dataset::load(&directory).expect("dataset");
            let scaled = crate::catalogue::synthetic::scaled(&real, 600, 7);
            let compiled = scaled.compile().expect("the synthetic dataset compiles");
            let blob: &'static [u8] = Box::leak(
                crate::catalogue::blob::encode(&compiled)
                    .expect("blob")
                    .into_boxed_slice(),
            );
            let index = crate::index::indexer::build_index(&compiled).expect("index");
            let catalogue: &'static Catalogue<'static> =
                Box::leak(Box::new(Catalogue::open(blob).expect("the blob opens")));
            let today = YearMonth {
                year: 2026,
                month: Some(1),
            };
            Engine::open(catalogue, OwnedBytes::new(index), today).expect("the engine opens")
        })
    }

    /// Phrases score as tantivy's phrase query, bit for bit: runs of two to four words
    /// from every title and description (gaps left by stop words, repeated words, words
    /// in no other field), in every field the parser sends them to, on the embedded
    /// catalogue and on the synthetic one.
    #[test]
    fn phrase_scores_are_tantivys_bit_for_bit() {
        let embedded = embedded().expect("the embedded engine opens");
        let phrases = sample_phrases(embedded);
        for engine in [embedded, synthetic_engine()] {
            compare_phrases_with_tantivy(engine, &phrases);
        }
    }

    fn sample_phrases(engine: &Engine<'_>) -> Vec<String> {
        let mut phrases: Vec<String> = vec![
            "centre d'accueil".into(),
            "des migrants et des réfugiés".into(),
            "migrants migrants".into(),
            "Global Cities Fund".into(),
        ];
        for action in engine.catalogue().actions() {
            for text in [action.title, action.description] {
                let words: Vec<&str> = text.split_whitespace().collect();
                for (start, length) in (0..words.len())
                    .step_by(5)
                    .zip([2, 3, 4].into_iter().cycle())
                {
                    phrases.push(words[start..(start + length).min(words.len())].join(" "));
                }
            }
        }
        phrases
    }

    fn compare_phrases_with_tantivy(engine: &Engine<'_>, phrases: &[String]) {
        let mut analyzers = engine.analyzers();
        let (mut compared, mut matched) = (0, 0);
        for phrase in phrases {
            let clause = Clause::Phrase(phrase.clone());
            let (alternatives, _) = engine.alternatives(&clause, false, false, &mut analyzers);
            for alternative in &alternatives {
                let Alternative::Phrase { terms, .. } = alternative else {
                    continue;
                };
                let mut ours = BTreeMap::new();
                engine.scorer.for_each_match(
                    &engine.searcher,
                    alternative,
                    &mut |document, score| {
                        assert!(ours.insert(document, score.to_bits()).is_none(), "in order");
                    },
                );
                let theirs: BTreeMap<DocId, u32> =
                    tantivy_scores(engine, alternative.to_query().as_ref())
                        .into_iter()
                        .map(|(document, score)| (document, score.to_bits()))
                        .collect();
                assert_eq!(ours, theirs, "{phrase:?} as {terms:?}");
                compared += 1;
                matched += ours.len();
            }
        }
        assert!(
            compared > 2_000 && matched > 2_000,
            "{compared} phrases, {matched} matches"
        );
    }

    /// A search matches exactly the documents of the boolean query tantivy would run, with
    /// the same scores up to the order of additions.
    #[test]
    fn searches_match_tantivys_boolean_query() {
        let engine = embedded().expect("the embedded engine opens");
        let queries = sample_queries(engine);
        for text in &queries {
            let parsed = query::parse(text);
            if !parsed.excluded.is_empty() {
                // The boolean query leaves exclusions out; the search applies them.
                continue;
            }
            let ours: BTreeMap<DocId, Score> = engine
                .matches(&parsed)
                .into_iter()
                .map(|hit| (hit.position, hit.score))
                .collect();
            let theirs = engine
                .build_query(&parsed)
                .map(|query| tantivy_scores(engine, query.as_ref()))
                .unwrap_or_default();
            assert_eq!(
                ours.keys().collect::<Vec<_>>(),
                theirs.keys().collect::<Vec<_>>(),
                "{text:?}"
            );
            for (document, score) in &ours {
                let expected = theirs[document];
                assert!(
                    (score - expected).abs() <= expected.abs() * 1e-5,
                    "{text:?}: document {document} scored {score}, tantivy {expected}"
                );
            }
        }
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_year_month(0), (1970, 1));
        assert_eq!(civil_year_month(19_722), (2023, 12)); // 2023-12-31
        assert_eq!(civil_year_month(19_723), (2024, 1));
        assert_eq!(civil_year_month(20_513), (2026, 3)); // 2026-03-01
    }
}
