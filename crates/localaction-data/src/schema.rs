//! The full-text schema and its analyzers, defined once for the build script (which writes
//! the index) and the runtime (which must tokenise queries exactly as documents were).
//! Every analyzer is tantivy's tokenizer and
//! filters, plus one filter of this project's (feminine endings).
//!
//! The index stores only analyzer *names*: [`register_analyzers`] must run on every index,
//! written or opened.

use std::sync::OnceLock;

use tantivy::Index;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

/// French prose: lowercase, drop stop words, fold accents, fold feminine endings, then
/// stem — in that order, so that "refugies", "Réfugiés", "réfugié" and "réfugiées" meet.
pub const FRENCH: &str = "localaction_fr";
/// English prose (the editors' titles, summaries and translations): lowercase, stop words,
/// fold accents (a French query word like "éducation" finds "education"), stem.
pub const ENGLISH: &str = "localaction_en";
/// Names and spellings (submitters, places, countries, regions, mayors), and every text's
/// words as typed: lowercase and fold accents only.
pub const NAMES: &str = "localaction_names";

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
    /// The region's names (French and English).
    pub region: Field,
    pub title_fr: Field,
    pub title_en: Field,
    pub summary_en: Field,
    /// The French description, spotlight write-up and quote.
    pub description_fr: Field,
    /// Their English translations.
    pub description_en: Field,
    /// Names and titles, as typed.
    pub typed_top: Field,
    /// The English summary, as typed.
    pub typed_summary: Field,
    /// The descriptions, spotlights and quotes in both languages, as typed.
    pub typed_body: Field,
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
    let region = builder.add_text_field("region", text_field(NAMES, analysed));
    let title_fr = builder.add_text_field("title_fr", text_field(FRENCH, analysed));
    let title_en = builder.add_text_field("title_en", text_field(ENGLISH, analysed));
    let summary_en = builder.add_text_field("summary_en", text_field(ENGLISH, analysed));
    let description_fr = builder.add_text_field("description_fr", text_field(FRENCH, analysed));
    let description_en = builder.add_text_field("description_en", text_field(ENGLISH, analysed));
    let typed_top = builder.add_text_field("typed_top", text_field(NAMES, typed));
    let typed_summary = builder.add_text_field("typed_summary", text_field(NAMES, typed));
    let typed_body = builder.add_text_field("typed_body", text_field(NAMES, typed));
    SearchFields {
        schema: builder.build(),
        position,
        names,
        region,
        title_fr,
        title_en,
        summary_en,
        description_fr,
        description_en,
        typed_top,
        typed_summary,
        typed_body,
    }
}

/// Words: tantivy's simple tokens (runs of letters and digits), words longer than 64 bytes
/// dropped, lowercased.
fn words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
}

/// The French analyzer: words, stop words dropped, accents folded, feminine endings
/// folded, stemmed — in that order, so that "refugies", "Réfugiés", "réfugié" and
/// "réfugiées" meet.
pub fn french() -> TextAnalyzer {
    words()
        .filter(stop_words(Language::French))
        .filter(AsciiFoldingFilter)
        .filter(FeminineEndings)
        .filter(Stemmer::new(Language::French))
        .build()
}

/// The English analyzer: words, stop words dropped, accents folded (a French query word
/// like "éducation" finds "education"), stemmed.
pub fn english() -> TextAnalyzer {
    words()
        .filter(stop_words(Language::English))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
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
fn stop_words(language: Language) -> StopWordFilter {
    static FRENCH: OnceLock<StopWordFilter> = OnceLock::new();
    static ENGLISH: OnceLock<StopWordFilter> = OnceLock::new();
    let words = match language {
        Language::French => &FRENCH,
        Language::English => &ENGLISH,
        other => unreachable!("no analyzer uses the stop words of {other:?}"),
    };
    words
        .get_or_init(|| StopWordFilter::new(language).expect("the stop words are built in"))
        .clone()
}

/// Registers the three analyzers under the names the schema refers to.
pub fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(FRENCH, french());
    tokenizers.register(ENGLISH, english());
    tokenizers.register(NAMES, names());
}
