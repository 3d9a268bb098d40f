//! How to cite one action: a single plain-text line (submitter, title, year, the report as
//! its cover prints it, the source lines, the action's id and the catalogue's fingerprint)
//! in the reader's language. `show --format citation` prints it, and the interface copies the
//! very same line, so both faces cite alike.

use crate::catalogue::{Action, Catalogue, Report};
use crate::i18n::Lang;
use crate::text;

/// The report an action is printed in: its section's report, as the cover prints it.
/// `None` only for tables that do not hold it, which the dataset's checks refuse.
pub fn report_of<'c, 'a>(
    catalogue: &'c Catalogue<'a>,
    action: &Action<'_>,
) -> Option<&'c Report<'a>> {
    catalogue
        .tables
        .sections
        .get(action.section as usize)
        .and_then(|section| catalogue.reports().get(section.report as usize))
}

/// One line citing `action`, in `lang`, without a trailing newline: the submitter, the
/// title as printed (in English followed by the editors' English title, labelled as
/// theirs, where it differs), the action's year, the report's title and edition as its
/// cover prints them, the source lines and file, the action's id, and the catalogue's
/// fingerprint as `--version` shows it. Plain text: no Markdown, control characters
/// neutralised, line breaks read as spaces.
///
/// English: `Amman, "Amman Children's Climate Academy and Park" (2023). LOCALISATION DES
/// PACTES MONDIAUX — Deuxième rapport …, lines 1022–1040 (000_….txt). Action
/// 2023-amman-climate-academy, localaction catalogue sha256 ….`
pub fn citation(catalogue: &Catalogue<'_>, action: &Action<'_>, lang: Lang) -> String {
    let words = &lang.strings().citation;
    let mut line = format!("{}, {}", action.submitter, words.quoted(action.title));
    let translated = action.texts(lang.texts()).title;
    if translated != action.title {
        line.push_str(&format!(
            " [{}: {}]",
            words.translation,
            words.quoted(translated)
        ));
    }
    line.push_str(&format!(" ({}). ", action.year));
    let (first, last) = action.source_lines;
    match report_of(catalogue, action) {
        Some(report) => line.push_str(&format!(
            "{} — {}, {} {first}–{last} ({}). ",
            report.title, report.edition, words.lines, report.source_file
        )),
        None => line.push_str(&format!("{} {first}–{last}. ", words.lines)),
    }
    line.push_str(&format!(
        "Action {}{} sha256 {}.",
        action.id,
        words.catalogue,
        crate::catalogue::embedded::short_fingerprint()
    ));
    // One line, whatever the texts hold.
    text::sanitize(&line).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_is_one_line_naming_its_action() {
        let catalogue = crate::catalogue::embedded::catalogue();
        for action in catalogue.actions() {
            for lang in Lang::all() {
                let cited = citation(catalogue, &action, lang);
                assert!(!cited.contains('\n'), "{cited}");
                assert!(cited.contains(action.id), "{cited}");
                assert!(
                    cited.contains(&format!(
                        "{}–{}",
                        action.source_lines.0, action.source_lines.1
                    )),
                    "{cited}"
                );
                assert!(report_of(catalogue, &action).is_some(), "{}", action.id);
            }
        }
    }
}
