//! The full-text schema and its analyzers, defined once for the build script (which writes
//! the index) and the runtime (which must tokenise queries exactly as documents were).
//! Shared with `build.rs` through `#[path]`.
//!
//! The index stores only analyzer *names*: [`register_analyzers`] must run on every index,
//! written or opened.

use std::sync::OnceLock;

use tantivy::Index;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, RawTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
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
    french_stemming(french_words())
}

/// The first steps of the French analyzer: words, lowercased, stop words removed.
fn french_words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(LowercaseWords::default()).filter(stop_words(Language::French))
}

/// The last steps of the French analyzer: accents folded, feminine endings folded, stemmed.
fn french_stemming<T: Tokenizer>(words: TextAnalyzerBuilder<T>) -> TextAnalyzer {
    words
        .filter(AsciiFoldingFilter)
        .filter(FeminineEndings)
        .filter(Stemmer::new(Language::French))
        .build()
}

/// The last steps of the French analyzer, for one word already through [`french_words`].
fn french_word_stem() -> TextAnalyzer {
    french_stemming(TextAnalyzer::builder(RawTokenizer::default()))
}

/// The French analyzer for highlighting `candidates`: the same tokens and offsets as
/// [`french`], and the same text wherever a term can match; the other words come out
/// empty, unfolded and unstemmed (stemming every word was most of the cost of a snippet).
pub fn french_highlighting(candidates: StemCandidates) -> TextAnalyzer {
    french_words()
        .filter(CandidateStemmer {
            candidates,
            stem: french_word_stem(),
        })
        .build()
}

/// Which words are worth stemming when only some stems are looked for (highlighting a
/// query's terms in a description).
///
/// Accent folding leaves ASCII letters alone, the feminine-endings filter changes only a
/// word's end, and the French Snowball stemmer changes a word only from its third letter
/// on (its regions RV, R1 and R2 never start earlier, and its case marks are undone): a
/// word whose first two letters are ASCII can stem to a term only if the term starts with
/// those two letters.
#[derive(Clone)]
pub struct StemCandidates {
    /// The first two letters of each term sought, sorted.
    starts: std::sync::Arc<[[char; 2]]>,
}

impl StemCandidates {
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
            starts: starts.into(),
        }
    }

    /// Whether `word` (lowercased, not yet folded) may stem to a term.
    fn keeps(&self, word: &str) -> bool {
        let mut letters = word.chars();
        let (Some(first), Some(second)) = (letters.next(), letters.next()) else {
            // Shorter words stem to themselves and may equal a short term.
            return true;
        };
        if !first.is_ascii() {
            // Folding may change it, and "œ" becomes two letters: stemmed to be sure.
            return true;
        }
        if second.is_ascii() {
            self.starts.binary_search(&[first, second]).is_ok()
        } else {
            self.starts.iter().any(|start| start[0] == first)
        }
    }
}

/// Stems the candidates' words with the rest of the French analyzer, empties the others.
#[derive(Clone)]
struct CandidateStemmer {
    candidates: StemCandidates,
    stem: TextAnalyzer,
}

impl TokenFilter for CandidateStemmer {
    type Tokenizer<T: Tokenizer> = CandidateStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CandidateStemmerFilter<T> {
        CandidateStemmerFilter(tokenizer, self)
    }
}

#[derive(Clone)]
pub struct CandidateStemmerFilter<T>(T, CandidateStemmer);

impl<T: Tokenizer> Tokenizer for CandidateStemmerFilter<T> {
    type TokenStream<'a> = CandidateStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CandidateStemmerStream(self.0.token_stream(text), &mut self.1)
    }
}

pub struct CandidateStemmerStream<'a, S>(S, &'a mut CandidateStemmer);

impl<S: TokenStream> TokenStream for CandidateStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let word = &mut self.0.token_mut().text;
        if self.1.candidates.keeps(word) {
            let mut stemmed = self.1.stem.token_stream(word);
            let stem = if stemmed.advance() {
                std::mem::take(&mut stemmed.token_mut().text)
            } else {
                String::new()
            };
            drop(stemmed);
            *word = stem;
        } else {
            word.clear();
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
    TextAnalyzer::builder(LowercaseWords::default())
        .filter(stop_words(Language::English))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The names analyzer.
pub fn names() -> TextAnalyzer {
    TextAnalyzer::builder(LowercaseWords::default())
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

/// Words are at most this many bytes long; longer ones are dropped.
const MAX_WORD_BYTES: usize = 64;

/// The words of a text, lowercased: the tokens of tantivy's `SimpleTokenizer` (runs of
/// alphanumeric characters) through `RemoveLongFilter::limit(64)` and `LowerCaser`, in one
/// pass over the text. The three stages copied every word three times and were the larger
/// part of highlighting a description; a test checks the tokens are the same.
#[derive(Clone, Default)]
pub struct LowercaseWords {
    token: Token,
}

pub struct LowercaseWordsStream<'a> {
    text: &'a str,
    /// Where to look for the next word.
    next: usize,
    token: &'a mut Token,
}

impl Tokenizer for LowercaseWords {
    type TokenStream<'a> = LowercaseWordsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> LowercaseWordsStream<'a> {
        self.token.reset();
        LowercaseWordsStream {
            text,
            next: 0,
            token: &mut self.token,
        }
    }
}

impl LowercaseWordsStream<'_> {
    /// Where the run of characters from `from` that are (or are not) alphanumeric ends.
    fn end_of_run(&self, from: usize, alphanumeric: bool) -> usize {
        let bytes = self.text.as_bytes();
        let mut at = from;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte < 0x80 {
                if ASCII_ALPHANUMERIC[usize::from(byte)] != alphanumeric {
                    return at;
                }
                at += 1;
            } else {
                let c = self.text[at..].chars().next().unwrap_or_default();
                if c.is_alphanumeric() != alphanumeric {
                    return at;
                }
                at += c.len_utf8();
            }
        }
        bytes.len()
    }
}

/// Which ASCII bytes are alphanumeric, as `char::is_alphanumeric` says.
static ASCII_ALPHANUMERIC: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

impl TokenStream for LowercaseWordsStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let start = self.end_of_run(self.next, false);
            if start == self.text.len() {
                self.next = start;
                return false;
            }
            let end = self.end_of_run(start, true);
            self.next = end;
            // Long words still take a position, as with `RemoveLongFilter`.
            self.token.position = self.token.position.wrapping_add(1);
            if end - start >= MAX_WORD_BYTES {
                continue;
            }
            let word = &self.text[start..end];
            let text = &mut self.token.text;
            text.clear();
            if word.is_ascii() {
                text.push_str(word);
                text.make_ascii_lowercase();
            } else {
                // As `LowerCaser`: character by character (no final-sigma rule).
                for c in word.chars() {
                    if c.is_ascii() {
                        text.push(c.to_ascii_lowercase());
                    } else {
                        text.extend(c.to_lowercase());
                    }
                }
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

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

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer};

    use super::*;

    /// Tokens as `(position, offsets, text)`.
    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<(usize, usize, usize, String)> {
        let mut tokens = Vec::new();
        analyzer.token_stream(text).process(&mut |token| {
            tokens.push((
                token.position,
                token.offset_from,
                token.offset_to,
                token.text.clone(),
            ))
        });
        tokens
    }

    /// The one-pass words are tantivy's three stages, on the catalogue's texts and on
    /// text made to find differences (long words, digits, non-Latin letters, case forms
    /// that change length, punctuation, emoji).
    #[test]
    fn lowercase_words_are_tantivys_simple_tokens_lowercased() {
        let tantivy = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
                .filter(LowerCaser)
                .build()
        };
        let ours = || TextAnalyzer::from(LowercaseWords::default());
        let mut texts: Vec<String> = [
            "",
            "   ",
            "Réfugiés, l'accueil — « Centre » d'ÉTÉ 2023-2024!",
            "ΣΊΣΥΦΟΣ ΟΔΟΣ İstanbul ǅemal ß ẞ ﬁnance",
            "日本語のテキスト 東京 ١٢٣ ٤٥ Ⅻ ½ ²",
            "🙂 emoji🙂inside\u{200d} zero\u{200b}width",
            "a\tb\nc\r\nd\u{0}e",
            &"x".repeat(63),
            &"y".repeat(64),
            &format!("{} court {}", "é".repeat(32), "é".repeat(31)),
            "end-with-punct.",
            "ends with word",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        let catalogue = crate::catalogue::embedded::catalogue();
        for action in catalogue.actions() {
            texts.push(action.title.to_owned());
            texts.push(action.description.to_owned());
        }
        for text in &texts {
            assert_eq!(tokens(ours(), text), tokens(tantivy(), text), "{text:?}");
        }
    }
}
