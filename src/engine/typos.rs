//! Typos in names: the names dictionary, when small, is scanned for terms within one edit
//! of a query word, which costs less than building a Levenshtein automaton per keystroke.

use tantivy::Searcher;
use tantivy::schema::Field;

/// Above this many terms, the names dictionary is walked with an automaton for typos
/// rather than scanned.
const NAME_SCAN_MAX_TERMS: usize = 20_000;

/// The terms of `field`, as characters, when there are at most [`NAME_SCAN_MAX_TERMS`].
pub(super) fn small_dictionary(
    searcher: &Searcher,
    field: Field,
) -> Result<Option<Vec<Vec<char>>>, String> {
    let Some(segment) = searcher.segment_readers().first() else {
        return Ok(Some(Vec::new()));
    };
    let index = segment
        .inverted_index(field)
        .map_err(|error| format!("the index cannot be read: {error}"))?;
    let dictionary = index.terms();
    if dictionary.num_terms() > NAME_SCAN_MAX_TERMS {
        return Ok(None);
    }
    let mut stream = dictionary
        .stream()
        .map_err(|error| format!("the index cannot be read: {error}"))?;
    let mut terms = Vec::with_capacity(dictionary.num_terms());
    while stream.advance() {
        // Names are analysed text: always UTF-8.
        if let Ok(term) = std::str::from_utf8(stream.key()) {
            terms.push(term.chars().collect());
        }
    }
    Ok(Some(terms))
}

/// Whether `left` and `right` differ by at most one insertion, deletion, substitution or
/// transposition of two neighbouring characters.
pub(super) fn within_one_edit(left: &[char], right: &[char]) -> bool {
    let (shorter, longer) = if left.len() <= right.len() {
        (left, right)
    } else {
        (right, left)
    };
    if longer.len() - shorter.len() > 1 {
        return false;
    }
    let common_start = shorter
        .iter()
        .zip(longer)
        .take_while(|(a, b)| a == b)
        .count();
    if common_start == shorter.len() {
        return true;
    }
    let (shorter_rest, longer_rest) = (&shorter[common_start..], &longer[common_start..]);
    if shorter.len() == longer.len() {
        // Substitution, or transposition of the first differing pair.
        shorter_rest[1..] == longer_rest[1..]
            || (shorter_rest.len() >= 2
                && shorter_rest[0] == longer_rest[1]
                && shorter_rest[1] == longer_rest[0]
                && shorter_rest[2..] == longer_rest[2..])
    } else {
        // Insertion into the shorter one.
        shorter_rest == &longer_rest[1..]
    }
}

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    #[test]
    fn one_edit_covers_each_kind_of_edit_and_nothing_more() {
        let chars = |text: &str| text.chars().collect::<Vec<_>>();
        for (left, right, expected) in [
            ("bogota", "bogota", true),
            ("bogota", "bogot", true),
            ("bogota", "bgota", true),
            ("bogota", "bogotaa", true),
            ("bogota", "bogita", true),
            ("bogota", "obgota", true),
            ("bogota", "bogoat", true),
            ("bogota", "bgotao", false),
            ("bogota", "bogo", false),
            ("bogota", "bigita", false),
            ("barranquilla", "barranqilla", true),
            ("zurich", "zürich", true),
            ("", "a", true),
            ("", "ab", false),
        ] {
            assert_eq!(
                within_one_edit(&chars(left), &chars(right)),
                expected,
                "{left} / {right}"
            );
            assert_eq!(within_one_edit(&chars(right), &chars(left)), expected);
        }
    }
}
