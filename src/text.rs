//! Text helpers for terminal output: neutralising control characters, display width,
//! truncation and wrapping. Data never reaches the terminal with raw control characters.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Replaces control characters (other than newline) and bidirectional controls with
/// visible stand-ins, so that data cannot move the cursor, change colours, clear the
/// screen or reorder what follows.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| (c.is_control() && c != '\n') || reorders(c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() || reorders(c) => '\u{FFFD}',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Unicode's bidirectional controls, which reorder what a terminal shows after them (a
/// message could be made to read otherwise than it says).
fn reorders(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A value the person typed, as messages repeat it: control characters neutralised, on one
/// line (a typed line break cannot forge a line of the message), and no longer than the
/// part closest-match suggestions compare (a pasted page is echoed by its start, then "…").
pub fn echoed(typed: &str) -> String {
    let start = localaction_data::text::compared_part(typed);
    let shown = sanitize(start).replace('\n', " ");
    if start.len() < typed.len() {
        shown + "…"
    } else {
        shown
    }
}

/// The number of terminal columns `text` occupies.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to at most `max` columns, ending in "…" when cut. Single line only.
pub fn truncate(text: &str, max: usize) -> String {
    let single_line: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if width(&single_line) <= max {
        return single_line;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in single_line.chars() {
        let char_width = c.width().unwrap_or(0);
        if used + char_width > max - 1 {
            break;
        }
        out.push(c);
        used += char_width;
    }
    out.push('…');
    out
}

/// `text` padded with spaces to exactly `columns` columns (after truncation).
pub fn fit(text: &str, columns: usize) -> String {
    let mut cut = truncate(text, columns);
    let padding = columns.saturating_sub(width(&cut));
    cut.extend(std::iter::repeat_n(' ', padding));
    cut
}

/// `text` cut to at most `max` columns, ending in "…" when cut. The cut falls between
/// words, so no word shows half of itself as if it were another ("Minimise the drivers of
/// force…"); only a first word longer than the room is cut inside, since nothing else
/// would show.
pub fn truncate_words(text: &str, max: usize) -> String {
    let cut = truncate(text, max);
    if width(text) <= max {
        return cut;
    }
    let Some(kept) = cut.strip_suffix('…') else {
        return cut;
    };
    // `truncate` only turns newlines into spaces, so the text lines up byte for byte.
    let next = text[kept.len()..].chars().next();
    let kept = if next.is_some_and(char::is_whitespace) {
        kept
    } else {
        match kept.rfind(char::is_whitespace) {
            Some(space) if space > 0 => &kept[..space],
            _ => return cut,
        }
    };
    // A dangling separator or opening bracket says nothing before the ellipsis.
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || "·,;:–—-(«\"'“".contains(c));
    if kept.is_empty() {
        return cut;
    }
    format!("{kept}…")
}

/// `text` cut between words to at most `columns` columns, padded with spaces to exactly
/// `columns`.
pub fn fit_words(text: &str, columns: usize) -> String {
    let mut cut = truncate_words(text, columns);
    let padding = columns.saturating_sub(width(&cut));
    cut.extend(std::iter::repeat_n(' ', padding));
    cut
}

/// Wraps each paragraph of `text` to `columns`, indenting every line by `indent`.
pub fn wrap(text: &str, columns: usize, indent: &str) -> String {
    let options = textwrap::Options::new(columns.max(indent.len() + 10))
        .initial_indent(indent)
        .subsequent_indent(indent);
    text.lines()
        .map(|line| {
            if line.trim().is_empty() {
                String::new()
            } else {
                textwrap::fill(line, &options)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn truncation_falls_between_words() {
        let title = "Minimise the drivers of forced displacement";
        assert_eq!(truncate_words(title, 100), title);
        assert_eq!(truncate_words(title, 30), "Minimise the drivers of…");
        // The room ends exactly at a space: the whole last word stays.
        assert_eq!(truncate_words(title, 22), "Minimise the drivers…");
        // Separators before the cut go with it.
        assert_eq!(
            truncate_words("C40-MMC : promouvoir le leadership", 12),
            "C40-MMC…"
        );
        // A single long word is cut inside: nothing else would show.
        assert_eq!(truncate_words("Internationalisation", 8), "Interna…");
        assert_eq!(fit_words("Both compacts (mirror)", 16), "Both compacts…  ");
        assert!(width(&fit_words("Both compacts (mirror)", 16)) == 16);
        assert_eq!(truncate_words("a\nb c", 3), "a…");
        // A text that fits is kept whole, even when it ends with an ellipsis.
        assert_eq!(
            truncate_words("Plus d'informations…", 40),
            "Plus d'informations…"
        );
    }

    use super::*;

    #[test]
    fn an_echoed_value_is_neutralised_and_cut() {
        assert_eq!(echoed("Zürich"), "Zürich");
        assert_eq!(echoed("a\u{1b}b"), "a\u{FFFD}b");
        assert_eq!(
            echoed("one\nlocaltion: error: forged"),
            "one localtion: error: forged"
        );
        assert_eq!(echoed("abc\u{202E}fed"), "abc\u{FFFD}fed");
        let page = "x".repeat(120_000);
        let shown = echoed(&page);
        assert_eq!(
            shown.chars().count(),
            localaction_data::text::LONGEST_COMPARED + 1
        );
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn control_characters_never_pass() {
        assert_eq!(sanitize("a\u{1b}[2Jb\tc\nd"), "a\u{FFFD}[2Jb c\nd");
        assert!(matches!(sanitize("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn truncation_respects_display_width() {
        assert_eq!(truncate("Zürich", 10), "Zürich");
        assert_eq!(truncate("Barranquilla", 6), "Barra…");
        assert_eq!(width(&fit("São", 5)), 5);
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
    }
}
