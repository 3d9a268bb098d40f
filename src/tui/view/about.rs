//! The About view, for whoever got the file on a stick: what this is, where its data comes
//! from and what the editors added, the catalogue's version and fingerprint, how to cite and
//! how to script it, and a legend of the results list's columns. It scrolls like the detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::block;
use crate::i18n::Lang;
use crate::text;
use crate::tui::app::App;
use crate::tui::palette::Palette;

/// The About view's words in one language.
struct Words {
    title: &'static str,
    what: &'static str,
    data: &'static str,
    printed_in: &'static str,
    editors: &'static str,
    version: &'static str,
    fingerprint: &'static str,
    cite: &'static str,
    script: &'static str,
    columns: &'static str,
    legend: [(&'static str, &'static str); 7],
    nothing_written: &'static str,
}

const EN: Words = Words {
    title: "About localaction",
    what: "An offline browser of the Call to Local Action for Migrants and Refugees: the \
           commitments cities, regions and their networks make towards the Global Compact for \
           Migration (GCM) and the Global Compact on Refugees (GCR).",
    data: "Where the data comes from",
    printed_in: "Every action's French text is as the report prints it:",
    editors: "The English translations and summaries, regions, coordinates, themes and the \
              priorities the report does not state are the editors' own, and labelled so.",
    version: "This copy",
    fingerprint: "catalogue fingerprint, sha256:",
    cite: "To cite an action: Alt-Shift-Y copies its citation (submitter, title, year, report, \
           source lines, this catalogue's fingerprint) and Alt-Y its id, through the terminal (OSC 52; in \
           tmux, `set -g set-clipboard on`). Where nothing pastes, the terminal refuses it: \
           `localaction show ID --format citation` prints the same line.",
    script: "To script it: `localaction search climat --format json`, `localaction list \
             --city Kampala --format csv`, `localaction stats`; `localaction --help` lists \
             every command and filter.",
    columns: "The list's columns",
    legend: [
        (
            "› ★",
            "the selected row; a marked action (on the shortlist)",
        ),
        ("2023", "the collection (the report's year)"),
        (
            "gcr",
            "the compact: gcm, gcr, mirror (both compacts), idp (internally displaced)",
        ),
        ("·", "compact not stated"),
        ("P1,6,8", "the priorities (1–8), stated or assigned"),
        (
            "JO",
            "the country's ISO code; ·· a network without a country",
        ),
        ("Amman — …", "the submitter, then the title"),
    ],
    nothing_written: "Nothing is written unless you export; nothing goes to the network.",
};

const FR: Words = Words {
    title: "À propos de localaction",
    what: "Un navigateur hors ligne de l'Appel à l'action locale pour les migrants et les \
           réfugiés : les engagements que villes, régions et réseaux prennent envers le Pacte \
           mondial sur les migrations (PMM) et le Pacte mondial sur les réfugiés (PMR).",
    data: "D'où viennent les données",
    printed_in: "Le texte français de chaque action est celui que le rapport imprime :",
    editors: "Les traductions et résumés anglais, les régions, les coordonnées, les thèmes et \
              les priorités que le rapport n'indique pas sont ceux des éditeurs, et signalés \
              comme tels.",
    version: "Cette copie",
    fingerprint: "empreinte du catalogue, sha256 :",
    cite: "Pour citer une action : Alt-Maj-Y copie sa citation (porteur, titre, année, \
           rapport, lignes de la source, empreinte du catalogue) et Alt-Y son identifiant, par le terminal \
           (OSC 52 ; dans tmux, `set -g set-clipboard on`). Si rien ne se colle, le terminal \
           le refuse : `localaction show ID --format citation` imprime la même ligne.",
    script: "Pour l'utiliser dans un script : `localaction search climat --format json`, \
             `localaction list --city Kampala --format csv`, `localaction stats` ; \
             `localaction --help` donne chaque commande et filtre.",
    columns: "Les colonnes de la liste",
    legend: [
        (
            "› ★",
            "la ligne choisie ; une action marquée (dans la sélection)",
        ),
        ("2023", "la collection (l'année du rapport)"),
        (
            "gcr",
            "le pacte : gcm (PMM), gcr (PMR), mirror (les deux), idp (déplacés)",
        ),
        ("·", "pacte non précisé"),
        ("P1,6,8", "les priorités (1 à 8), indiquées ou attribuées"),
        ("JO", "le code ISO du pays ; ·· un réseau sans pays"),
        ("Amman — …", "le porteur, puis le titre"),
    ],
    nothing_written: "Rien n'est écrit sauf export ; rien ne passe par le réseau.",
};

/// Draws the view, and returns how far it can scroll.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, palette: Palette) -> u16 {
    let words = match app.lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    let catalogue = app.engine.catalogue();
    let heading = |title: &str| Line::styled(title.to_owned(), palette.title());
    let mut lines = vec![Line::from(words.what), Line::default(), heading(words.data)];
    lines.push(Line::from(words.printed_in));
    for report in catalogue.reports() {
        lines.push(Line::from(format!(
            "  {} — {} ({}, {})",
            text::sanitize(report.title),
            text::sanitize(report.edition),
            report.year,
            text::sanitize(report.source_file)
        )));
    }
    lines.push(Line::from(words.editors));
    lines.push(Line::default());
    lines.push(heading(words.version));
    lines.push(Line::from(format!(
        "localaction {}",
        crate::args::VERSION.trim()
    )));
    lines.push(Line::from(format!(
        "{} {}",
        words.fingerprint,
        crate::catalogue::embedded::FINGERPRINT.trim()
    )));
    lines.push(Line::from(words.nothing_written));
    lines.push(Line::default());
    lines.push(Line::from(words.cite));
    lines.push(Line::from(words.script));
    lines.push(Line::default());
    lines.push(heading(words.columns));
    let key_width = words
        .legend
        .iter()
        .map(|(key, _)| text::width(key))
        .max()
        .unwrap_or(0);
    for (key, meaning) in words.legend {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}  ", text::fit(key, key_width)),
                palette.label(),
            ),
            Span::raw(meaning),
        ]));
    }
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner_height = usize::from(area.height.saturating_sub(2));
    let total = text.line_count(area.width.saturating_sub(2));
    let limit = u16::try_from(total.saturating_sub(inner_height)).unwrap_or(u16::MAX);
    let scroll = app.about_scroll.min(limit);
    let title = if total > inner_height && total > 0 {
        let read = (usize::from(scroll) + inner_height).min(total);
        format!("{} ({}%)", words.title, read * 100 / total)
    } else {
        words.title.to_owned()
    };
    frame.render_widget(
        text.block(block(title, true, palette)).scroll((scroll, 0)),
        area,
    );
    limit
}
