//! A pseudo-language for the tests, never shipped (builds with debug assertions only):
//! English with every string's vowels accented, bracketed and a third longer, so that a
//! test can see any word that does not come through the language's table, and any layout
//! that does not survive a longer language.

use std::sync::LazyLock;

use super::{ALL, EN, Lang, Language, Localized, Strings};

/// Its code for `--lang`.
pub const CODE: &str = "pseudo";

static STRINGS: LazyLock<Strings> = LazyLock::new(|| EN.localized(&pseudo_text));

static LANGUAGE: LazyLock<Language> = LazyLock::new(|| Language {
    code: CODE,
    name: "[Pséúdó]",
    locales: &[],
    strings: &STRINGS,
});

static VARIANTS: LazyLock<Vec<Lang>> = LazyLock::new(|| {
    let mut variants = ALL.to_vec();
    variants.push(Lang(language()));
    variants
});

pub fn language() -> &'static Language {
    &LANGUAGE
}

/// The table's languages and this one, for `--lang`.
pub fn variants() -> &'static [Lang] {
    &VARIANTS
}

/// `text` in the pseudo-language: "[Séárch ~~]". Placeholders (`{id}`) stay as they are,
/// and text without a letter (a separator) is left alone.
pub fn pseudo_text(text: &'static str) -> &'static str {
    if !text.chars().any(char::is_alphabetic) {
        return text;
    }
    let mut written = String::from("[");
    let mut in_placeholder = false;
    for character in text.chars() {
        match character {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ => {}
        }
        written.push(if in_placeholder {
            character
        } else {
            accented(character)
        });
    }
    let padding = text.chars().count().div_ceil(3).saturating_sub(2);
    if padding > 0 {
        written.push(' ');
        written.extend(std::iter::repeat_n('~', padding));
    }
    written.push(']');
    String::leak(written)
}

fn accented(character: char) -> char {
    match character {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ó',
        'u' => 'ú',
        'A' => 'Á',
        'E' => 'É',
        'I' => 'Í',
        'O' => 'Ó',
        'U' => 'Ú',
        other => other,
    }
}
