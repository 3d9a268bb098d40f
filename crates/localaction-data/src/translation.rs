//! Checks a translation against the French text it translates: what a second reader can
//! verify mechanically (paragraphs, numbers, names and acronyms kept, a plausible length).
//! Shared with `build.rs`, which fails the build on any finding.

use std::ops::RangeInclusive;

/// What the translation of one field must keep of its French text.
pub struct Expectations<'a> {
    /// The translation's language, as messages name it ("English").
    pub language: &'a str,
    /// Spellings of a name that must appear in the translation when one of them appears in
    /// the French (a place: its report spelling, its names in every language, its aliases).
    pub names: Vec<Vec<&'a str>>,
    /// Acronyms the report prints and their form in the translation's language ("HCR",
    /// "ACNUR"; "ONG", "NGO"): the translation uses its language's form, never the French
    /// one. An acronym not listed is kept as printed.
    pub acronyms: &'a [(&'a str, &'a str)],
    /// The translation's length, in characters, over the French one's, as translations into
    /// that language run; outside it something was probably dropped or added.
    pub length_ratio: RangeInclusive<f64>,
    /// The record's notes justify a length ratio outside `length_ratio`.
    pub length_noted: bool,
}

/// Every finding, as a sentence; empty when the translation passes.
pub fn check(french: &str, english: &str, expectations: &Expectations<'_>) -> Vec<String> {
    let language = expectations.language;
    let mut findings = Vec::new();
    let (french_paragraphs, english_paragraphs) = (paragraphs(french), paragraphs(english));
    if french_paragraphs != english_paragraphs {
        findings.push(format!(
            "paragraphs: {english_paragraphs} in the {language}, {french_paragraphs} in the French"
        ));
    }
    let (mut french_numbers, mut english_numbers) = (digit_runs(french), digit_runs(english));
    french_numbers.sort_unstable();
    english_numbers.sort_unstable();
    if french_numbers != english_numbers {
        let missing = difference(&french_numbers, &english_numbers);
        let extra = difference(&english_numbers, &french_numbers);
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("missing: {}", missing.join(", ")));
        }
        if !extra.is_empty() {
            parts.push(format!("not in the French: {}", extra.join(", ")));
        }
        findings.push(format!(
            "its numbers differ from the French ({})",
            parts.join("; ")
        ));
    }
    for word in capitals(french) {
        let translated: Vec<&str> = expectations
            .acronyms
            .iter()
            .filter(|(printed, _)| *printed == word)
            .map(|(_, translated)| *translated)
            .collect();
        if translated.is_empty() {
            if !english.contains(word) {
                findings.push(format!(
                    "\"{word}\" (in capitals in the French) is not in the {language}"
                ));
            }
        } else if !translated.iter().any(|form| english.contains(form)) {
            findings.push(format!(
                "\"{word}\" (in capitals in the French) is not in the {language} as {}",
                translated.join(" or ")
            ));
        }
    }
    findings.extend(foreign_acronyms(english, expectations));
    for name in quoted_names(french) {
        if !english.contains(name) {
            findings.push(format!(
                "the quoted name \"{name}\" is not in the {language} as printed"
            ));
        }
    }
    for spellings in &expectations.names {
        if spellings.iter().any(|name| french.contains(name))
            && !spellings.iter().any(|name| english.contains(name))
        {
            findings.push(format!("\"{}\" is not in the {language}", spellings[0]));
        }
    }
    let ratio = english.chars().count() as f64 / french.chars().count().max(1) as f64;
    let range = &expectations.length_ratio;
    if !range.contains(&ratio) && !expectations.length_noted {
        findings.push(format!(
            "its length is {ratio:.2} times the French, outside {:.2}-{:.2}: check for omissions or additions, or say why in an editor's note mentioning \"length ratio\"",
            range.start(),
            range.end()
        ));
    }
    findings
}

/// Paragraphs: runs of text separated by blank lines.
fn paragraphs(text: &str) -> usize {
    text.split("\n\n")
        .filter(|paragraph| !paragraph.trim().is_empty())
        .count()
}

/// Every run of ASCII digits (years, amounts, percentages: "1 500" and "1,500" both give
/// "1" and "500", "2,5" and "2.5" both "2" and "5").
fn digit_runs(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect()
}

/// What `left` has more of than `right` (both sorted).
fn difference<'t>(left: &[&'t str], right: &[&'t str]) -> Vec<&'t str> {
    let mut rest = right.to_vec();
    let mut missing = Vec::new();
    for item in left {
        match rest.iter().position(|other| other == item) {
            Some(index) => {
                rest.remove(index);
            }
            None => missing.push(*item),
        }
    }
    missing.dedup();
    missing
}

/// Every French acronym `translation` uses where its language has a form of its own, as
/// findings.
pub fn foreign_acronyms(translation: &str, expectations: &Expectations<'_>) -> Vec<String> {
    let written = capitals(translation);
    let mut findings = Vec::new();
    for word in written {
        let forms: Vec<&str> = expectations
            .acronyms
            .iter()
            .filter(|(printed, _)| *printed == word)
            .map(|(_, translated)| *translated)
            .collect();
        if !forms.is_empty() && !forms.contains(&word) {
            findings.push(format!(
                "\"{word}\" is the French acronym: the {} says {}",
                expectations.language,
                forms.join(" or ")
            ));
        }
    }
    findings
}

/// Words written in capitals (acronyms and names: "HCR", "PA'LANTE", "C40", the "ONU" of
/// "ONU-Habitat"): a capital, then letters or digits, every letter a capital.
fn capitals(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| {
            word.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Text in quotation marks (« », “ ”, " ") that starts with a capital letter: a name
/// (programme, project, publication), kept as printed in the translation. Quoted words in
/// lower case are ordinary words and are translated.
fn quoted_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['«', '“', '"']) {
        let opener = rest[open..].chars().next().unwrap_or('"');
        let after = &rest[open + opener.len_utf8()..];
        let closers: &[char] = match opener {
            '«' => &['»'],
            '“' => &['”', '»'],
            _ => &['"'],
        };
        let Some(close) = after.find(closers) else {
            break;
        };
        let inner = after[..close]
            .trim()
            .trim_matches('*')
            .trim_matches(|c: char| c.is_whitespace());
        if inner.chars().next().is_some_and(char::is_uppercase) {
            names.push(inner);
        }
        let closer_len = after[close..].chars().next().map_or(1, char::len_utf8);
        rest = &after[close + closer_len..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expectations<'a>(names: &[&[&'a str]]) -> Expectations<'a> {
        Expectations {
            language: "English",
            names: names.iter().map(|spellings| spellings.to_vec()).collect(),
            acronyms: &[],
            length_ratio: 0.70..=1.15,
            length_noted: false,
        }
    }

    const FRENCH: &str = "La ville d'Athènes accompagne chaque année 1 500 réfugiés avec le HCR.\n\nLe programme « Semaine d'accueil » dure maintenant 2,5 ans.";
    const ENGLISH: &str = "Each year the city of Athens supports 1,500 refugees with the HCR.\n\nThe \"Semaine d'accueil\" [Welcoming Week] programme now lasts 2.5 years.";

    #[test]
    fn a_faithful_translation_passes() {
        let findings = check(FRENCH, ENGLISH, &expectations(&[&["Athènes", "Athens"]]));
        assert_eq!(findings, Vec::<String>::new());
    }

    #[test]
    fn each_rule_names_what_is_wrong() {
        let athens = [&["Athènes", "Athens"][..]];
        let cases = [
            (
                ENGLISH.replace("\n\n", " "),
                "paragraphs: 1 in the English, 2 in the French",
            ),
            (
                ENGLISH.replace("1,500", "1,600"),
                "its numbers differ from the French (missing: 500; not in the French: 600)",
            ),
            (
                ENGLISH.replace("HCR", "UN"),
                "\"HCR\" (in capitals in the French) is not in the English",
            ),
            (
                ENGLISH.replace("\"Semaine d'accueil\" [Welcoming Week]", "Welcoming Week"),
                "the quoted name \"Semaine d'accueil\" is not in the English as printed",
            ),
            (
                ENGLISH.replace("Athens", "the capital"),
                "\"Athènes\" is not in the English",
            ),
            (
                format!("{ENGLISH} {}", "More words added here. ".repeat(4)),
                "its length is 1.77 times the French, outside 0.70-1.15: check for omissions or additions, or say why in an editor's note mentioning \"length ratio\"",
            ),
        ];
        for (english, expected) in cases {
            assert_eq!(
                check(FRENCH, &english, &expectations(&athens)),
                vec![expected.to_owned()],
                "{english}"
            );
        }
    }

    #[test]
    fn a_noted_length_ratio_passes() {
        let long = format!("{ENGLISH} {}", "More words added here. ".repeat(4));
        let noted = Expectations {
            length_noted: true,
            ..expectations(&[])
        };
        assert!(check(FRENCH, &long, &noted).is_empty());
    }

    /// An acronym the report prints is given in the translation's language where it has a form
    /// of its own, and kept otherwise.
    #[test]
    fn an_acronym_takes_its_translated_form() {
        let spanish = ENGLISH.replace("HCR", "ACNUR");
        let mut with_acronyms = expectations(&[&["Athènes", "Athens"]]);
        with_acronyms.acronyms = &[("HCR", "ACNUR")];
        assert!(check(FRENCH, &spanish, &with_acronyms).is_empty());
        assert_eq!(
            check(FRENCH, &spanish, &expectations(&[&["Athènes", "Athens"]])),
            ["\"HCR\" (in capitals in the French) is not in the English"]
        );
        // The language has its own form: the French one is a finding, and so is neither.
        assert_eq!(
            check(FRENCH, ENGLISH, &with_acronyms),
            [
                "\"HCR\" (in capitals in the French) is not in the English as ACNUR",
                "\"HCR\" is the French acronym: the English says ACNUR"
            ]
        );
        let both = ENGLISH.replace("HCR", "ACNUR (HCR)");
        assert_eq!(
            check(FRENCH, &both, &with_acronyms),
            ["\"HCR\" is the French acronym: the English says ACNUR"]
        );
    }

    #[test]
    fn quoted_names_and_capitals_are_found() {
        assert_eq!(
            quoted_names("le « Plan » et «chaleureux» puis “First Steps” et \"CARE\""),
            vec!["Plan", "First Steps", "CARE"]
        );
        assert_eq!(
            capitals("Avec PA'LANTE, le HCR, C40 et Mme X à ONU-Habitat."),
            vec!["C40", "HCR", "ONU", "PA'LANTE"]
        );
    }
}
