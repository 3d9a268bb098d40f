//! Parses the report's printed durations ("Octobre 2023 – En cours", "Nov 2023 – Mai 2024",
//! "2023-2026") into a start and an end. Shared with `build.rs`: a duration that does not
//! parse fails the build.

use crate::model::{End, YearMonth};

/// French month names and the abbreviations the report uses, lowercase and accent-free.
const MONTHS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("mars", 3),
    ("mar", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("jul", 7),
    ("aout", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov", 11),
    ("decembre", 12),
    ("dec", 12),
];

/// Parses a printed duration into its start and end. A single point ("Déc 2023") is a
/// period that starts and ends then.
pub fn parse_duration(printed: &str) -> Result<(YearMonth, End), String> {
    if !printed.contains(['–', '—', '-'])
        && let Some(point) = parse_point(printed)
    {
        return Ok((point, End::At(point)));
    }
    let (start, end) = split_range(printed).ok_or_else(|| {
        format!("cannot parse duration \"{printed}\": expected START – END, or one date")
    })?;
    let start = parse_point(start).ok_or_else(|| {
        format!(
            "cannot parse duration \"{printed}\": start \"{}\" is not \"[Month] YYYY\"",
            start.trim()
        )
    })?;
    let end = if is_ongoing(end) {
        End::Ongoing
    } else {
        let at = parse_point(end).ok_or_else(|| {
            format!(
                "cannot parse duration \"{printed}\": end \"{}\" is not \"[Month] YYYY\" or \"en cours\"",
                end.trim()
            )
        })?;
        if at.year < start.year {
            return Err(format!(
                "cannot parse duration \"{printed}\": it ends before it starts"
            ));
        }
        End::At(at)
    };
    Ok((start, end))
}

/// Splits "A – B", "A - B", "A —B" or "2023-2026" at its one dash.
fn split_range(printed: &str) -> Option<(&str, &str)> {
    let mut dashes = printed.match_indices(['–', '—', '-']);
    let (at, dash) = dashes.next()?;
    if dashes.next().is_some() {
        return None;
    }
    Some((&printed[..at], &printed[at + dash.len()..]))
}

fn is_ongoing(text: &str) -> bool {
    text.trim().to_lowercase() == "en cours"
}

/// "2023", "Oct 2023", "Octobre 2023", "Août 2023", "Sept. 2024".
fn parse_point(text: &str) -> Option<YearMonth> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (month, year) = match words.as_slice() {
        [year] => (None, *year),
        [month, year] => (Some(parse_month(month)?), *year),
        _ => return None,
    };
    if year.len() != 4 || !year.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some(YearMonth {
        year: year.parse().ok()?,
        month,
    })
}

fn parse_month(word: &str) -> Option<u8> {
    let folded = crate::text::fold(word.trim_end_matches('.'));
    MONTHS
        .iter()
        .find(|(name, _)| *name == folded)
        .map(|&(_, number)| number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: Option<u8>) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn parses_the_report_forms() {
        let cases = [
            ("Octobre 2023 – En cours", ym(2023, Some(10)), End::Ongoing),
            (
                "Août 2023 – Déc 2024",
                ym(2023, Some(8)),
                End::At(ym(2024, Some(12))),
            ),
            ("2023 – 2024", ym(2023, None), End::At(ym(2024, None))),
            ("2023-2026", ym(2023, None), End::At(ym(2026, None))),
            ("2023 –2025", ym(2023, None), End::At(ym(2025, None))),
            ("Fev 2021 – en cours", ym(2021, Some(2)), End::Ongoing),
            ("Mars 2019 - en cours", ym(2019, Some(3)), End::Ongoing),
            (
                "Oct 2023 – Sept 2024",
                ym(2023, Some(10)),
                End::At(ym(2024, Some(9))),
            ),
            (
                "Jul 2023 – Sep 2024",
                ym(2023, Some(7)),
                End::At(ym(2024, Some(9))),
            ),
            ("Déc 2023", ym(2023, Some(12)), End::At(ym(2023, Some(12)))),
            ("Juillet 2023 – en cours", ym(2023, Some(7)), End::Ongoing),
        ];
        for (printed, start, end) in cases {
            assert_eq!(parse_duration(printed), Ok((start, end)), "{printed}");
        }
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        for printed in [
            "",
            "Bientôt",
            "Bientôt – 2024",
            "2023 – plus tard",
            "Brumaire 2023 – 2024",
            "23 – 24",
            "2023 – 2024 – 2025",
            "2024 – 2023",
        ] {
            assert!(parse_duration(printed).is_err(), "{printed:?} parsed");
        }
    }
}
