//! Reading what a person typed: a lenient parser that never fails. Quotes make phrases (an
//! unclosed quote runs to the end), `-` excludes, `AND`/`OR`/`+`/`field:` are accepted and
//! set aside, control characters are dropped, and very long input is cut. Whatever was not
//! used is reported, so an interface can say what it ignored.

/// At most this many words or phrases are used; more are reported as ignored.
pub const MAX_CLAUSES: usize = 16;
/// Input beyond this many characters is ignored.
pub const MAX_CHARS: usize = 1_000;

/// A word or a phrase of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Word(String),
    Phrase(String),
}

impl Clause {
    pub fn text(&self) -> &str {
        match self {
            Clause::Word(text) | Clause::Phrase(text) => text,
        }
    }
}

/// The runs of consecutive words among `clauses` (phrases in quotes are taken literally,
/// never read as names) that `name` reads as something, each at most `max_words` long:
/// from the left, the longest run at each word. Each run with what it names.
pub fn named_runs<T>(
    clauses: &[Clause],
    max_words: usize,
    mut name: impl FnMut(&[Clause]) -> Option<T>,
) -> Vec<(std::ops::Range<usize>, T)> {
    let mut runs = Vec::new();
    let mut first = 0;
    while first < clauses.len() {
        let words = clauses[first..]
            .iter()
            .take(max_words)
            .take_while(|clause| matches!(clause, Clause::Word(_)))
            .count();
        let found = (1..=words)
            .rev()
            .find_map(|len| name(&clauses[first..first + len]).map(|named| (len, named)));
        match found {
            Some((len, named)) => {
                runs.push((first..first + len, named));
                first += len;
            }
            None => first += 1,
        }
    }
    runs
}

/// The query as understood.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Words and phrases every result must match.
    pub required: Vec<Clause>,
    /// Words and phrases no result may match.
    pub excluded: Vec<Clause>,
    /// The last required word was still being typed (no space after it): match it as a prefix.
    pub last_word_is_prefix: bool,
    /// What was set aside.
    pub ignored: Vec<ParseNote>,
    /// How something was read that was not set aside (an unclosed quote).
    pub read: Vec<ParseNote>,
}

/// Something the parser set aside or read in a way worth saying, said in words a person
/// understands by [`ParseNote::describe`], in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseNote {
    /// Everything after the first `MAX_CHARS` characters.
    TooLong,
    /// A "-" with nothing after it.
    LoneDash,
    /// An operator ("AND", "OR", "&&", "||"): words need none.
    Operator(String),
    /// A field prefix ("title:"): every field is searched.
    FieldPrefix(String),
    /// This word or phrase and what follows, past `MAX_CLAUSES`.
    TooManyClauses(String),
    /// An unclosed quote: the phrase runs to the end.
    UnclosedQuote,
}

impl ParseNote {
    /// The note in `lang`.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::fill;
        let notes = &lang.strings().notes;
        let limit = |template: &str, limit: usize| fill(template, "limit", &limit.to_string());
        match self {
            ParseNote::TooLong => limit(notes.too_long, MAX_CHARS),
            ParseNote::LoneDash => notes.lone_dash.to_owned(),
            ParseNote::Operator(word) => fill(notes.operator, "word", word),
            ParseNote::FieldPrefix(field) => fill(notes.field_prefix, "field", field),
            ParseNote::TooManyClauses(first) => {
                fill(&limit(notes.too_many_clauses, MAX_CLAUSES), "word", first)
            }
            ParseNote::UnclosedQuote => notes.unclosed_quote.to_owned(),
        }
    }
}

impl ParsedQuery {
    /// True when the query asks for nothing: every record matches.
    pub fn is_empty(&self) -> bool {
        self.required.is_empty() && self.excluded.is_empty()
    }
}

/// Parses free text. Never fails.
pub fn parse(input: &str) -> ParsedQuery {
    let mut parsed = ParsedQuery::default();
    let mut text: String = input
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > MAX_CHARS {
        parsed.ignored.push(ParseNote::TooLong);
        text = text.chars().take(MAX_CHARS).collect();
    }
    let ends_with_space = text.ends_with(char::is_whitespace) || text.is_empty();

    let mut chars = text.chars().peekable();
    let mut exclude_next = false;
    let mut last_is_required_word = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut excluded = exclude_next;
        exclude_next = false;
        if c == '-' {
            chars.next();
            match chars.peek() {
                Some(next) if !next.is_whitespace() => excluded = true,
                _ => {
                    parsed.ignored.push(ParseNote::LoneDash);
                    continue;
                }
            }
        } else if c == '+' {
            chars.next();
            continue;
        }
        let clause = if chars.peek() == Some(&'"') {
            chars.next();
            let mut phrase = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if c == '"' {
                    closed = true;
                    break;
                }
                phrase.push(c);
            }
            if !closed {
                parsed.read.push(ParseNote::UnclosedQuote);
            }
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            if phrase.is_empty() {
                continue;
            }
            Clause::Phrase(phrase)
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                word.push(c);
                chars.next();
            }
            match word.as_str() {
                "AND" | "OR" | "&&" | "||" => {
                    parsed.ignored.push(ParseNote::Operator(word));
                    continue;
                }
                "NOT" => {
                    exclude_next = true;
                    continue;
                }
                _ => {}
            }
            if let Some((field, value)) = word.rsplit_once(':')
                && !field.is_empty()
            {
                parsed
                    .ignored
                    .push(ParseNote::FieldPrefix(field.to_owned()));
                word = value.to_owned();
            }
            let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
            if word.is_empty() {
                continue;
            }
            Clause::Word(word)
        };
        if parsed.required.len() + parsed.excluded.len() >= MAX_CLAUSES {
            parsed
                .ignored
                .push(ParseNote::TooManyClauses(clause.text().to_owned()));
            break;
        }
        last_is_required_word = !excluded && matches!(clause, Clause::Word(_));
        if excluded {
            parsed.excluded.push(clause);
        } else {
            parsed.required.push(clause);
        }
    }
    // Only a required word still being typed is a prefix: not one followed by an
    // exclusion being typed ("migrants -Kamp").
    parsed.last_word_is_prefix =
        !ends_with_space && last_is_required_word && !text.trim_end().ends_with('"');
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(texts: &[&str]) -> Vec<Clause> {
        texts
            .iter()
            .map(|text| Clause::Word(text.to_string()))
            .collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let parsed = parse("réfugiés \"centre d'accueil\" -Grèce climat");
        assert_eq!(
            parsed.required,
            vec![
                Clause::Word("réfugiés".into()),
                Clause::Phrase("centre d'accueil".into()),
                Clause::Word("climat".into())
            ]
        );
        assert_eq!(parsed.excluded, words(&["Grèce"]));
        assert!(parsed.last_word_is_prefix);
        assert!(parsed.ignored.is_empty());
        assert!(!parse("climat ").last_word_is_prefix);
        assert!(!parse("migrants -Kamp").last_word_is_prefix);
        assert!(parse("-Kampala migra").last_word_is_prefix);
    }

    #[test]
    fn operators_and_fields_are_set_aside() {
        let parsed = parse("title:climat AND OR enfants NOT Kenya");
        assert_eq!(parsed.required, words(&["climat", "enfants"]));
        assert_eq!(parsed.excluded, words(&["Kenya"]));
        assert_eq!(parsed.ignored.len(), 3, "{:?}", parsed.ignored);
    }

    #[test]
    fn broken_input_is_understood_as_far_as_possible() {
        let parsed = parse("\"unclosed phrase");
        assert_eq!(
            parsed.required,
            vec![Clause::Phrase("unclosed phrase".into())]
        );
        assert!(!parsed.last_word_is_prefix);
        assert!(
            parsed.ignored.is_empty(),
            "the phrase is applied, not ignored"
        );
        assert_eq!(parsed.read, [ParseNote::UnclosedQuote]);
        assert_eq!(
            parsed.read[0].describe(crate::i18n::Lang::FR),
            "guillemet non fermé : l'expression court jusqu'à la fin"
        );
        assert_eq!(parse(" - -- \"\" :: ").required, vec![]);
        assert!(parse("").is_empty());
        assert_eq!(parse("a\u{1b}[2Jb").required, words(&["a", "2Jb"]));
        let long = "migrants ".repeat(2_000);
        let parsed = parse(&long);
        assert_eq!(parsed.required.len(), MAX_CLAUSES);
        assert_eq!(parsed.ignored.len(), 2);
        assert_eq!(parse("🙂 réfugiés 🙂").required, words(&["réfugiés"]));
    }
}
