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

    /// The layout shapes of the events in `lang` (label widths depend on the language).
    pub fn shapes(&self, lang: Lang) -> Vec<Shape> {
        self.bundle.events.iter().map(|e| shape(e, self.title(e, lang).0)).collect()
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

fn shape(e: &Event, title: &str) -> Shape {
    let anchor = anchor_of(e);
    let end = if e.is_range() { f64::from(e.last_day()) + 1.0 } else { anchor };
    Shape { anchor, end, importance: e.importance, label_chars: title.chars().count() }
}
