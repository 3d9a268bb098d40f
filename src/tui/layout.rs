//! Where each part of the screen goes, computed in one place from the terminal's size and
//! the state: panes that do not fit are `None`. From wide screens down to 1×1, never a panic.

use ratatui::layout::Rect;

use super::app::{App, Pane, View};

/// Below this, only a "terminal too small" notice is drawn.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 7;
/// From this width, filters, results and detail sit side by side: below it the three would
/// leave a result's title a word or two.
pub const WIDE: u16 = 140;
/// From this width, filters and results sit side by side.
pub const MEDIUM: u16 = 80;
/// The results' width (borders included) that shows every column and 50 columns of title:
/// wider, the detail has the rest.
const RESULTS_WANTED: u16 = 100;
/// The detail's narrowest width beside the results: a comfortable reading line.
const DETAIL_NARROWEST: u16 = 48;

/// The regions of one frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    pub search: Option<Rect>,
    pub filters: Option<Rect>,
    pub results: Option<Rect>,
    pub detail: Option<Rect>,
    /// Statistics, map or shortlist.
    pub main: Option<Rect>,
    pub status: Option<Rect>,
    /// The terminal is too small for anything but a notice.
    pub too_small: bool,
}

impl Layout {
    pub fn new(area: Rect, app: &App<'_, '_>) -> Layout {
        Layout::compute(area, app.view, app.open.is_some(), app.focus)
            .without_filters_unless(!app.filters_hidden || app.focus == Pane::Filters)
    }

    /// The same layout without the filter panel, its width given to the results (and the
    /// detail beside them), unless `shown`: the panel hidden with F8.
    fn without_filters_unless(mut self, shown: bool) -> Layout {
        let Some(filters) = self.filters.filter(|_| !shown) else {
            return self;
        };
        self.filters = None;
        let widen = |rect: Rect| Rect {
            x: filters.x,
            width: rect.width + filters.width,
            ..rect
        };
        if let Some(results) = self.results {
            self.results = Some(widen(results));
        } else if let Some(detail) = self.detail {
            self.detail = Some(widen(detail));
        }
        self
    }

    /// The layout for a size, a view, whether an action is open, and the focused pane,
    /// with the filter panel where it fits.
    pub fn compute(area: Rect, view: View, open: bool, focus: Pane) -> Layout {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Layout {
                too_small: true,
                ..Layout::default()
            };
        }
        let search_height = if area.height >= 14 { 3 } else { 1 };
        let search = Rect::new(area.x, area.y, area.width, search_height);
        let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        let body = Rect::new(
            area.x,
            area.y + search_height,
            area.width,
            area.height - search_height - 1,
        );
        let mut layout = Layout {
            search: Some(search),
            status: Some(status),
            ..Layout::default()
        };
        if view != View::Browse {
            layout.main = Some(body);
            return layout;
        }
        let split = |rect: Rect, left_width: u16| -> (Rect, Rect) {
            let left = Rect::new(rect.x, rect.y, left_width.min(rect.width), rect.height);
            let right = Rect::new(
                rect.x + left.width,
                rect.y,
                rect.width - left.width,
                rect.height,
            );
            (left, right)
        };
        if area.width >= WIDE {
            let filters_width = if area.width >= 160 { 32 } else { 28 };
            let (filters, rest) = split(body, filters_width);
            // The results take what their rows need, the detail keeps at least two fifths.
            let detail_width = (rest.width * 2 / 5).max(DETAIL_NARROWEST);
            let results_width = RESULTS_WANTED.min(rest.width - detail_width);
            let (results, detail) = split(rest, results_width);
            layout.filters = Some(filters);
            layout.results = Some(results);
            layout.detail = Some(detail);
        } else if area.width >= MEDIUM {
            let (filters, rest) = split(body, 28);
            layout.filters = Some(filters);
            if open || focus == Pane::Detail {
                layout.detail = Some(rest);
            } else {
                layout.results = Some(rest);
            }
        } else if focus == Pane::Filters {
            layout.filters = Some(body);
        } else if open || focus == Pane::Detail {
            layout.detail = Some(body);
        } else {
            layout.results = Some(body);
        }
        layout
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn browse(width: u16, height: u16, open: bool, focus: Pane) -> Layout {
        Layout::compute(Rect::new(0, 0, width, height), View::Browse, open, focus)
    }

    #[test]
    fn wide_screens_show_three_panes() {
        let layout = browse(200, 60, false, Pane::Search);
        let (filters, results, detail) = (
            layout.filters.unwrap(),
            layout.results.unwrap(),
            layout.detail.unwrap(),
        );
        assert_eq!(filters.width + results.width + detail.width, 200);
        assert_eq!(results.width, RESULTS_WANTED);
        assert_eq!(layout.search.unwrap().height, 3);
        assert_eq!(layout.status.unwrap().y, 59);
        assert!(!layout.too_small);
    }

    #[test]
    fn results_and_detail_share_wide_screens_by_need() {
        for width in [WIDE, 160, 200, 300] {
            let layout = browse(width, 40, false, Pane::Search);
            let (results, detail) = (layout.results.unwrap(), layout.detail.unwrap());
            assert!(results.width >= 60, "{width}: results {}", results.width);
            assert!(results.width <= RESULTS_WANTED, "{width}");
            assert!(
                detail.width >= DETAIL_NARROWEST,
                "{width}: detail {}",
                detail.width
            );
        }
        assert!(browse(WIDE - 1, 40, false, Pane::Search).detail.is_none());
    }

    #[test]
    fn eighty_columns_show_filters_and_results_or_detail() {
        let closed = browse(80, 24, false, Pane::Results);
        assert!(closed.filters.is_some() && closed.results.is_some() && closed.detail.is_none());
        let open = browse(80, 24, true, Pane::Detail);
        assert!(open.results.is_none() && open.detail.is_some());
    }

    #[test]
    fn narrow_screens_show_one_pane() {
        let layout = browse(60, 20, false, Pane::Filters);
        assert!(layout.filters.is_some() && layout.results.is_none());
        assert_eq!(
            browse(60, 20, false, Pane::Search).results.unwrap().width,
            60
        );
        assert_eq!(
            browse(60, 10, false, Pane::Search).search.unwrap().height,
            1
        );
    }

    #[test]
    fn tiny_screens_only_say_so() {
        for (width, height) in [(1, 1), (0, 0), (23, 40), (200, 6)] {
            let layout = browse(width, height, true, Pane::Detail);
            assert!(layout.too_small, "{width}×{height}");
            assert_eq!(layout.search, None);
        }
    }

    #[test]
    fn every_region_fits_the_screen() {
        for width in [24, 40, 79, 80, 119, 120, 300] {
            for height in [7, 10, 14, 24, 60] {
                let screen = Rect::new(0, 0, width, height);
                for view in [View::Browse, View::Stats, View::Map, View::Shortlist] {
                    let layout = Layout::compute(screen, view, true, Pane::Results);
                    for region in [
                        layout.search,
                        layout.filters,
                        layout.results,
                        layout.detail,
                        layout.main,
                        layout.status,
                    ]
                    .into_iter()
                    .flatten()
                    {
                        assert_eq!(screen.intersection(region), region, "{width}×{height}");
                    }
                }
            }
        }
    }
}
