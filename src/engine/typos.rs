//! Typos in names: the names dictionary, when small, is scanned for terms within one edit
//! of a query word, which costs less than building a Levenshtein automaton per keystroke.
//! The build lists its terms beside the index (see `index::indexer::NAME_TERMS_FILE`).

/// A names list (one a line), indexed by length in characters: a word is compared only
/// with names at most one character longer or shorter. The build writes the list by
/// length, so indexing it is one pass (a list in another order is sorted here).
pub(super) struct NamesByLength {
    /// `(length in characters, byte range in the list)`, by length.
    names: Vec<(usize, std::ops::Range<usize>)>,
}

impl NamesByLength {
    pub(super) fn new(list: &str) -> NamesByLength {
        let mut names = Vec::new();
        let mut start = 0;
        for line in list.split_inclusive('\n') {
            let name = line.trim_end_matches('\n');
            names.push((name.chars().count(), start..start + name.len()));
            start += line.len();
        }
        if !names.is_sorted_by_key(|(length, _)| *length) {
            names.sort_by_key(|(length, range)| (*length, range.start));
        }
        NamesByLength { names }
    }

    /// The names of `list` (the list this index was made from) within one edit of `token`.
    pub(super) fn within_one_edit<'n>(&self, list: &'n str, token: &str) -> Vec<&'n str> {
        let token_bytes = token.as_bytes();
        let token: Vec<char> = token.chars().collect();
        let first = self
            .names
            .partition_point(|(length, _)| *length + 1 < token.len());
        let mut chars: Vec<char> = Vec::with_capacity(token.len() + 1);
        self.names[first..]
            .iter()
            .take_while(|(length, _)| *length <= token.len() + 1)
            .filter_map(|(length, range)| Some((*length, list.get(range.clone())?)))
            .filter(|&(length, name)| {
                // One edit leaves the first or the last character in place (in words of
                // three characters or more): most names fail this without being decoded.
                // Differing bytes are differing characters, so nothing within reach is lost.
                let ends_differ = name.as_bytes().first() != token_bytes.first()
                    && name.as_bytes().last() != token_bytes.last();
                !(ends_differ && length.max(token.len()) > 2)
            })
            .map(|(_, name)| name)
            .filter(|name| {
                chars.clear();
                chars.extend(name.chars());
                within_one_edit(&token, &chars)
            })
            .collect()
    }
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
