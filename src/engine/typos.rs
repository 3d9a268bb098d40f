//! Typos in names: the names dictionary, when small, is scanned for terms within one edit
//! of a query word, which costs less than building a Levenshtein automaton per keystroke.
//! The build lists its terms beside the index (see `index::indexer::NAME_TERMS_FILE`).

/// The names, one a line in `names`, within one edit of `token`.
pub(super) fn names_within_one_edit<'n>(names: &'n str, token: &str) -> Vec<&'n str> {
    let token: Vec<char> = token.chars().collect();
    let mut name_chars: Vec<char> = Vec::new();
    names
        .lines()
        .filter(|name| {
            // Most names differ in length by more than one: no need to compare them.
            if name.chars().count().abs_diff(token.len()) > 1 {
                return false;
            }
            name_chars.clear();
            name_chars.extend(name.chars());
            within_one_edit(&token, &name_chars)
        })
        .collect()
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
