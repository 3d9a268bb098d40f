//! Text helpers for the dataset compiler and the runtime alike: accent folding (for sorting
//! and lenient comparison of names) and closest-match suggestions for what was mistyped.
//! Display widths and truncation are the binary's (`src/text.rs`), not this crate's.

/// Lowercase, accent-free: orders "Athènes" between "Amman" and "Barranquilla", and lets
/// "bresil" name "Brésil".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ș' | 'ş' => 's',
            'ț' | 'ţ' => 't',
            'ý' | 'ÿ' => 'y',
            '’' => '\'',
            other => other,
        })
        .collect()
}

/// Levenshtein distance over characters.
pub fn edit_distance(left: &str, right: &str) -> usize {
    let right: Vec<char> = right.chars().collect();
    let mut previous: Vec<usize> = (0..=right.len()).collect();
    for (i, left_char) in left.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, right_char) in right.iter().enumerate() {
            let substitution = previous[j] + usize::from(left_char != *right_char);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[right.len()]
}

/// How much of a mistyped value is compared with the known ones. Names and ids are far
/// shorter; comparing a pasted page with every value would take seconds for nothing.
pub const LONGEST_COMPARED: usize = 100;

/// The start of `wanted` that suggestions compare: at most [`LONGEST_COMPARED`] characters.
pub fn compared_part(wanted: &str) -> &str {
    match wanted.char_indices().nth(LONGEST_COMPARED) {
        Some((end, _)) => &wanted[..end],
        None => wanted,
    }
}

/// The (at most three) candidates nearest to what was typed, given each candidate's distance
/// to it: nearest first, ties in the candidates' order of name, none further than `within`.
pub fn closest<'c>(
    scored: impl IntoIterator<Item = (usize, &'c str)>,
    within: usize,
) -> Vec<&'c str> {
    let mut scored: Vec<(usize, &str)> = scored
        .into_iter()
        .filter(|(distance, _)| *distance <= within)
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_sorts_accented_names_among_plain_ones() {
        let mut names = ["Barranquilla", "Athènes", "Amman"];
        names.sort_by_key(|name| fold(name));
        assert_eq!(names, ["Amman", "Athènes", "Barranquilla"]);
        assert_eq!(fold("Ștefan Vodă’s"), "stefan voda's");
    }

    #[test]
    fn edit_distance_counts_characters_not_bytes() {
        assert_eq!(edit_distance("bresil", "brésil"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggestions_are_the_nearest_three_within_reach() {
        let scored = [(4, "far"), (1, "b"), (0, "a"), (1, "c"), (2, "d")];
        assert_eq!(closest(scored, 2), ["a", "b", "c"]);
        assert!(closest(scored, 0).len() == 1);
    }

    #[test]
    fn a_pasted_page_is_compared_by_its_start_only() {
        let page = "é".repeat(10 * LONGEST_COMPARED);
        assert_eq!(compared_part(&page).chars().count(), LONGEST_COMPARED);
        assert_eq!(compared_part("short"), "short");
    }
}
