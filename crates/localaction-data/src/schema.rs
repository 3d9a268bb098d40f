//! The full-text schema and its analyzers, defined once for the build script (which writes
//! the index) and the runtime (which must tokenise queries exactly as documents were).
//! A language's fields and analyzer are made from its row of
//! [`LANGUAGES`](crate::languages::LANGUAGES). Every analyzer is tantivy's tokenizer and
//! filters, plus one filter of this project's (feminine endings).
//!
//! The index stores only analyzer *names*: [`register_analyzers`] must run on every index,
//! written or opened.

use std::sync::OnceLock;

use crate::languages::{LANGUAGES, TextLanguage};
use tantivy::Index;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, STORED, Schema, TextFieldIndexing, TextOptions,
};

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter,
    TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Names and spellings (submitters, places, countries, regions, mayors), and every text's
/// words as typed: lowercase and fold accents only.
pub const NAMES: &str = "localaction_names";

/// An id (a region's, a concept's), one token as it is: tantivy's own "raw" tokenizer.
const RAW: &str = "raw";

/// The indexed fields, kept as handles (never looked up by name at query time).
///
/// Each text is indexed twice: analysed (stemmed, stop words dropped) in a field of its
/// own, which scores with BM25 and matches phrases; and as its words folded but unstemmed,
/// in one of three "as typed" fields by where the text stands in ranking (names and
/// titles, summary, descriptions). The as-typed fields tell a word matched as typed from
/// one matched by its stem, and their dictionaries are where typos and prefixes are looked
/// up.
#[derive(Debug, Clone)]
pub struct SearchFields {
    pub schema: Schema,
    /// The action's position in the catalogue (also its document id: one segment, added in
    /// order); stored so that `verify` can check the correspondence.
    pub position: Field,
    /// Submitter, places in every spelling, country, mayor.
    pub names: Field,
    /// The region's id: a query's words match it where they spell one of its names whole
    /// (never one word of a longer name).
    pub region: Field,
    /// Each language's analysed texts, in [`LANGUAGES`] order.
    pub languages: Vec<LanguageFields>,
    /// Names and titles, as typed.
    pub typed_top: Field,
    /// The editors' summaries, as typed.
    pub typed_summary: Field,
    /// The descriptions, spotlights and quotes in every language, as typed.
    pub typed_body: Field,
    /// The concepts of the editors' thesaurus that the titles, summaries and descriptions
    /// (in that order, as [`typed`](Self::typed)) speak of: a concept's id once for each of
    /// its terms found, in any language, each in its own language's texts.
    pub concepts: [Field; 3],
}

/// The analysed fields of one language's texts.
#[derive(Debug, Clone, Copy)]
pub struct LanguageFields {
    pub language: TextLanguage,
    pub title: Field,
    /// The editors' summary: none in the report's language, which prints none.
    pub summary: Option<Field>,
    /// The description, spotlight write-up and quote.
    pub body: Field,
}

impl SearchFields {
    /// The as-typed fields, from the highest ranked place to the lowest.
    pub fn typed(&self) -> [Field; 3] {
        [self.typed_top, self.typed_summary, self.typed_body]
    }
}

fn text_field(analyzer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    )
}

/// The schema. Nothing but the position is stored: texts are read from the catalogue.
pub fn search_fields() -> SearchFields {
    let mut builder = Schema::builder();
    let analysed = IndexRecordOption::WithFreqsAndPositions;
    let typed = IndexRecordOption::WithFreqs;
    let position = builder.add_u64_field("position", NumericOptions::default() | STORED);
    let names = builder.add_text_field("names", text_field(NAMES, analysed));
    let region = builder.add_text_field("region", text_field(RAW, IndexRecordOption::Basic));
    let concepts = ["concepts_top", "concepts_summary", "concepts_body"]
        .map(|name| builder.add_text_field(name, text_field(RAW, typed)));
    let languages = TextLanguage::all()
        .map(|language| {
            let row = language.row();
            let mut field = |name: &str| {
                builder.add_text_field(
                    &format!("{name}_{}", row.code),
                    text_field(row.analyzer, analysed),
                )
            };
            LanguageFields {
                language,
                title: field("title"),
                summary: (!language.is_source()).then(|| field("summary")),
                body: field("description"),
            }
        })
        .collect();
    let typed_top = builder.add_text_field("typed_top", text_field(NAMES, typed));
    let typed_summary = builder.add_text_field("typed_summary", text_field(NAMES, typed));
    let typed_body = builder.add_text_field("typed_body", text_field(NAMES, typed));
    SearchFields {
        schema: builder.build(),
        position,
        names,
        region,
        languages,
        typed_top,
        typed_summary,
        typed_body,
        concepts,
    }
}

/// Words: tantivy's simple tokens (runs of letters and digits), words longer than 64 bytes
/// dropped, lowercased.
fn words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
}

/// A language's analyzer: words, its stop words dropped, accents folded (a query word like
/// "éducation" finds "education", "ninos" finds "niños"), feminine endings folded where
/// its row says so, stemmed — in that order, so that "refugies", "Réfugiés", "réfugié" and
/// "réfugiées" meet.
pub fn analyzer(language: TextLanguage) -> TextAnalyzer {
    let row = language.row();
    let folded = words()
        .filter(stop_words(language))
        .filter(AsciiFoldingFilter);
    if row.folds_feminine_endings {
        folded
            .filter(FeminineEndings)
            .filter(Stemmer::new(row.stemmer))
            .build()
    } else {
        folded.filter(Stemmer::new(row.stemmer)).build()
    }
}

/// The names analyzer, also used for every text as typed: words with accents folded.
pub fn names() -> TextAnalyzer {
    words().filter(AsciiFoldingFilter).build()
}

/// Folds the feminine endings of accent-free French words ("refugiees" → "refugies",
/// "integree" → "integre"). The French stemmer expects accents: once they are folded it
/// stems "refugiees" and "refugies" apart, so the feminine forms are aligned first.
#[derive(Clone)]
pub struct FeminineEndings;

impl TokenFilter for FeminineEndings {
    type Tokenizer<T: Tokenizer> = FeminineEndingsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FeminineEndingsFilter<T> {
        FeminineEndingsFilter(tokenizer)
    }
}

#[derive(Clone)]
pub struct FeminineEndingsFilter<T>(T);

impl<T: Tokenizer> Tokenizer for FeminineEndingsFilter<T> {
    type TokenStream<'a> = FeminineEndingsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FeminineEndingsStream(self.0.token_stream(text))
    }
}

pub struct FeminineEndingsStream<S>(S);

impl<S: TokenStream> TokenStream for FeminineEndingsStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let text = &mut self.0.token_mut().text;
        // Short words ("fee", "thee") are left alone: the rule is for participles.
        if text.len() > 4 {
            if text.ends_with("ees") {
                text.replace_range(text.len() - 3.., "es");
            } else if text.ends_with("ee") {
                text.pop();
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// Words are at most this many bytes long; longer ones are dropped.
const MAX_WORD_BYTES: usize = 64;

/// The stop words of a language, built once per process: the filter shares its set, and
/// building it (a few hundred strings) cost more than analysing a query.
fn stop_words(language: TextLanguage) -> StopWordFilter {
    static STOP_WORDS: [OnceLock<StopWordFilter>; LANGUAGES.len()] =
        [const { OnceLock::new() }; LANGUAGES.len()];
    STOP_WORDS[language.index()]
        .get_or_init(|| {
            StopWordFilter::new(language.row().stemmer).expect("the stop words are built in")
        })
        .clone()
}

/// Registers every analyzer under the name the schema refers to.
pub fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    for language in TextLanguage::all() {
        tokenizers.register(language.row().analyzer, analyzer(language));
    }
    tokenizers.register(NAMES, names());
}
