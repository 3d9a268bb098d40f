//! The full-text schema and its analyzers, defined once for the build script (which writes
//! the index) and the runtime (which must tokenise queries exactly as documents were).
//! Shared with `build.rs` through `#[path]`.
//!
//! The index stores only analyzer *names*: [`register_analyzers`] must run on every index,
//! written or opened.

use tantivy::Index;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// French prose: lowercase, drop stop words, fold accents, fold feminine endings, then
/// stem — in that order, so that "refugies", "Réfugiés", "réfugié" and "réfugiées" meet.
pub const FRENCH: &str = "localaction_fr";
/// English prose (the editors' titles and summaries): lowercase, stop words, fold accents
/// (a French query word like "éducation" finds "education"), stem.
pub const ENGLISH: &str = "localaction_en";
/// Names and spellings (submitters, places, countries, regions, mayors), and the
/// unstemmed words used for prefix matching: lowercase and fold accents only.
pub const NAMES: &str = "localaction_names";

/// The indexed fields, kept as handles (never looked up by name at query time).
#[derive(Debug, Clone)]
pub struct SearchFields {
    pub schema: Schema,
    /// The action's position in the catalogue (also its document id: one segment, added in
    /// order); stored so that `verify` can check the correspondence.
    pub position: Field,
    pub title_fr: Field,
    pub description_fr: Field,
    pub title_en: Field,
    pub summary_en: Field,
    pub names: Field,
    /// Every word of every text field, unstemmed, for prefix matching while typing.
    pub words: Field,
}

fn text_field(analyzer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// The schema. Only the description is stored (for snippets); everything else is read
/// from the catalogue.
pub fn search_fields() -> SearchFields {
    let mut builder = Schema::builder();
    let position = builder.add_u64_field("position", NumericOptions::default() | STORED);
    let title_fr = builder.add_text_field("title_fr", text_field(FRENCH, false));
    let description_fr = builder.add_text_field("description_fr", text_field(FRENCH, true));
    let title_en = builder.add_text_field("title_en", text_field(ENGLISH, false));
    let summary_en = builder.add_text_field("summary_en", text_field(ENGLISH, false));
    let names = builder.add_text_field("names", text_field(NAMES, false));
    let words = builder.add_text_field("words", text_field(NAMES, false));
    SearchFields {
        schema: builder.build(),
        position,
        title_fr,
        description_fr,
        title_en,
        summary_en,
        names,
        words,
    }
}

/// The French analyzer.
pub fn french() -> TextAnalyzer {
    french_stemming(StemCandidates::every_word())
}

/// The French analyzer stemming only the words that `candidates` lets through (the others
/// come out empty): the same tokens and offsets as [`french`] wherever a term can match.
pub fn french_stemming(candidates: StemCandidates) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::French).expect("French stop words are built in"))
        .filter(AsciiFoldingFilter)
        .filter(FeminineEndings)
        .filter(candidates)
        .filter(Stemmer::new(Language::French))
        .build()
}

/// Which words are worth stemming when only some stems are looked for (highlighting a
/// query's terms in a description, where stemming was most of the cost).
///
/// The French Snowball stemmer changes a word only from its third letter on (its regions
/// RV, R1 and R2 never start earlier, and its case marks are undone), and so does the
/// feminine-endings filter: a word of two letters or more can stem to a term only if it
/// starts with the term's first two letters. Other words are emptied, which no term equals.
#[derive(Clone)]
pub struct StemCandidates {
    /// The first two letters of each term sought; `None` lets every word through.
    starts: Option<std::sync::Arc<[[char; 2]]>>,
}

impl StemCandidates {
    /// Every word is stemmed (indexing, queries).
    pub fn every_word() -> StemCandidates {
        StemCandidates { starts: None }
    }

    /// Only the words that may stem to one of `terms` (stems, as the index holds them).
    pub fn for_terms<'t>(terms: impl IntoIterator<Item = &'t str>) -> StemCandidates {
        let mut starts: Vec<[char; 2]> = terms
            .into_iter()
            .filter_map(|term| {
                let mut letters = term.chars();
                Some([letters.next()?, letters.next()?])
            })
            .collect();
        starts.sort_unstable();
        starts.dedup();
        StemCandidates {
            starts: Some(starts.into()),
        }
    }

    fn keeps(&self, word: &str) -> bool {
        let Some(starts) = &self.starts else {
            return true;
        };
        let mut letters = word.chars();
        match (letters.next(), letters.next()) {
            (Some(first), Some(second)) => starts.contains(&[first, second]),
            // Shorter words stem to themselves and may equal a short term.
            _ => true,
        }
    }
}

impl TokenFilter for StemCandidates {
    type Tokenizer<T: Tokenizer> = StemCandidatesFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemCandidatesFilter<T> {
        StemCandidatesFilter(tokenizer, self)
    }
}

#[derive(Clone)]
pub struct StemCandidatesFilter<T>(T, StemCandidates);

impl<T: Tokenizer> Tokenizer for StemCandidatesFilter<T> {
    type TokenStream<'a> = StemCandidatesStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemCandidatesStream(self.0.token_stream(text), &self.1)
    }
}

pub struct StemCandidatesStream<'a, S>(S, &'a StemCandidates);

impl<S: TokenStream> TokenStream for StemCandidatesStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        if !self.1.keeps(&self.0.token().text) {
            self.0.token_mut().text.clear();
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

/// The English analyzer.
pub fn english() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::English).expect("English stop words are built in"))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The names analyzer.
pub fn names() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
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

/// Registers the three analyzers under the names the schema refers to.
pub fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(FRENCH, french());
    tokenizers.register(ENGLISH, english());
    tokenizers.register(NAMES, names());
}
