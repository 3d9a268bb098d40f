//! The help overlay: every key and what it does.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{block, centred};
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_, '_>, theme: Theme) {
    let strings = app.lang.strings();
    let height = strings.help_lines.len() as u16 + 2;
    let popup = centred(area, 84, height);
    frame.render_widget(Clear, popup);
    let lines: Vec<Line<'_>> = strings
        .help_lines
        .iter()
        .map(|(keys, meaning)| {
            Line::from(vec![
                Span::styled(format!("{keys:>22}  "), theme.label()),
                Span::raw(*meaning),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(strings.help.to_owned(), true, theme))
            .wrap(Wrap { trim: false }),
        popup,
    );
}
