//! A validated bundle made ready for the view: its extent and the layout shapes of its events.

use crate::bundle::{Bundle, Event};
use crate::i18n::Lang;
use crate::layout::Shape;
use crate::scale::Extent;

/// The share of the range's span shown beyond each end.
const EDGE_PAD: f64 = 0.012;

/// The bundle plus what every frame needs and nothing recomputes per frame.
#[derive(Debug)]
pub struct Prepared {
    pub bundle: Bundle,
    pub extent: Extent,
    /// The bundle's languages as strings, the fallback order for content.
    pub fallbacks: Vec<String>,
}

impl Prepared {
    pub fn new(bundle: Bundle) -> Self {
        let days = Extent::days(bundle.range.0.first_day(), bundle.range.1.last_day());
        // A little room beyond the range, so markers on its first and last days are not cut.
        let pad = (days.span() * EDGE_PAD).max(1.0);
        let extent = Extent { start: days.start - pad, end: days.end + pad };
        let fallbacks = bundle.languages.clone();
        Prepared { bundle, extent, fallbacks }
    }

    /// The layout shapes of the events in `lang`, label widths estimated from title lengths
    /// ([`Shape::estimated`]): for tests and tools without a font. The widget measures.
    pub fn shapes(&self, lang: Lang) -> Vec<Shape> {
        self.shapes_with(lang, |title, _| {
            let s = Shape::estimated(0.0, 0.0, 2, title);
            (s.label_px, s.wrap_px)
        })
    }

    /// The layout shapes of the events in `lang`, with `measure(title, bold)` giving a title's
    /// width on one line and wrapped on two (landmarks are drawn bold).
    pub fn shapes_with(
        &self,
        lang: Lang,
        mut measure: impl FnMut(&str, bool) -> (f64, f64),
    ) -> Vec<Shape> {
        self.bundle
            .events
            .iter()
            .map(|e| {
                let (label_px, wrap_px) = measure(self.title(e, lang).0, e.importance <= 1);
                let anchor = anchor_of(e);
                let end = if e.is_range() { f64::from(e.last_day()) + 1.0 } else { anchor };
                Shape { anchor, end, importance: e.importance, label_px, wrap_px }
            })
            .collect()
    }

    /// An event's title in `lang`, falling back to another language (the bool says so).
    pub fn title<'a>(&'a self, e: &'a Event, lang: Lang) -> (&'a str, bool) {
        e.title.pick(lang.code(), &self.fallbacks).unwrap_or(("", true))
    }

    /// The index of the event with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.bundle.events.iter().position(|e| e.id == id)
    }
}

/// Where an event sits: a point event at the middle of its date's span (so "August 1958" sits
/// mid-August, never on the 1st); a range from its first to its last day.
pub fn anchor_of(e: &Event) -> f64 {
    if e.is_range() {
        f64::from(e.first_day())
    } else {
        e.start.mid_day()
    }
}
