//! What one event's row on the track looks like at a scale: the few lengths the stylesheet
//! reads (its room before the end of the range, its bar, how far its title is cut, how far a
//! range's title slides along its bar) and the label's frame. The UI writes them as inline
//! styles, and only those that changed since its last write: values come in tenths of a pixel,
//! the precision they are written at, so "changed" is an integer comparison made before any
//! string is formatted (a zoom frame compares every row on the track and writes few).

use crate::layout::{
    label_box_px, Label, Placed, Shape, LABEL_OFFSET_PX, LABEL_PAD_PX, LEFT_GAP_PX, ROOM_CHROME_PX,
};
use crate::scale::Screen;

/// A length in tenths of a pixel.
pub type Tenths = i64;

/// Rounds px to [`Tenths`] (saturating: a length from a deep zoom is far beyond any screen).
pub fn tenths(px: f64) -> Tenths {
    if px.is_finite() {
        (px * 10.0).round().clamp(-1e15, 1e15) as Tenths
    } else {
        0
    }
}

/// Room within which the end of the range can bite: no label or name is wider than this.
const ROOM_BITES_PX: f64 = 800.0;

/// A bare marker's hover name is its title and date in semibold (`::after`, 13 px): its title's
/// measured width (regular or bold) times this covers the heavier weight...
const NAME_WEIGHT: f64 = 1.1;
/// ...and this the comma and the longest date of a day (", 28 September 1965", about 130 px)
/// or of a range ("… – 28 September 1965", about 260 px), with room to spare.
const NAME_DATE_PX: f64 = 160.0;
const NAME_RANGE_PX: f64 = 300.0;

/// What the marker, its icon and its focus ring take before its title's room begins.
const ROOM_MARKER_PX: f64 = 28.0;

/// The scale-dependent lengths of an event's row; `None` leaves the stylesheet's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct RowPaint {
    /// `--tl-room`: px from the marker to the end of the range, past which nothing can be seen,
    /// so labels and the hover name stop there instead of being cut mid-word. Only where it can
    /// bite (a changed custom property restyles the marker's children too).
    pub room: Option<Tenths>,
    /// The range bar's width.
    pub bar: Option<Tenths>,
    /// `--tl-cut`: a cut title reaches no further than its lane neighbour, growing back as the
    /// reader zooms in.
    pub cut: Option<Tenths>,
    /// `--tl-stick`: a range's title slides along its bar so that it stays on screen while any
    /// of the bar does; it stops where its end meets the bar's.
    pub stick: Option<Tenths>,
    /// The title is hidden: its marker (and bar) has left the view on the left, and its tail
    /// ("…ference") would read as a broken word at the edge.
    pub off: bool,
}

/// Whether an event is a range: its shape ends after its anchor.
pub fn range_days(s: &Shape) -> Option<f64> {
    (s.end > s.anchor).then_some(s.end - s.anchor)
}

/// The row of `p` (shaped `s`) at `screen`, with labels at `text` times the 13 px label size;
/// `end` is the exclusive last day of the whole range.
pub fn paint(p: &Placed, s: &Shape, end: f64, screen: Screen, text: f64) -> RowPaint {
    let range = range_days(s);
    let room_px = screen.span_px(end - s.anchor);
    // Only where it can bite: the room changes with every zoom frame, and each write restyles
    // the marker and its children (at 4× CPU, the frames that wrote it on the right 800 px of
    // the whole range were the longest of a zoom). Wider than the row's name, and than its
    // title drawn in full, the room changes nothing the reader sees.
    let date_px = if range.is_some() { NAME_RANGE_PX } else { NAME_DATE_PX };
    let bites = (s.label_px * NAME_WEIGHT * text + date_px * text).min(ROOM_BITES_PX * text);
    // A bare marker's room only decides which side its hover name goes (a step function in the
    // stylesheet): 0 where the name might not fit sends it left, and then the value changes only
    // when that decision does, not with every frame.
    let written = if p.label.shown() { tenths(room_px - ROOM_MARKER_PX) } else { 0 };
    let room = (room_px < bites).then_some(written);
    let bar = range.map(|d| tenths(screen.span_px(d)));
    let cut = (p.label == Label::Cut && p.next.is_finite()).then(|| {
        let chrome = ROOM_CHROME_PX * text + p.next_px;
        tenths(screen.span_px(p.next - s.anchor) - chrome)
    });
    let stick = range.map(|d| {
        let w =
            (if p.label == Label::Wrapped { s.wrap_px } else { s.label_px }) * text + LABEL_PAD_PX;
        let x = (-screen.x(s.anchor) - 9.0).min(screen.span_px(d) - LABEL_OFFSET_PX * text - w);
        tenths(x.max(0.0))
    });
    let reach = screen.x(s.anchor) + screen.span_px(range.unwrap_or(0.0));
    RowPaint { room, bar, cut, stick, off: reach < -4.0 }
}

/// The scale-independent frame of a drawn title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LabelFrame {
    /// A wrapped title gets the width it was laid out with; the browser breaks it.
    pub width: Option<Tenths>,
    /// `--tl-flip`: how far left a title the layout put to the left of its marker moves (the
    /// end of the range or of the view is to its right); negative.
    pub flip: Option<Tenths>,
}

/// The frame of `p`'s title, if it has one.
pub fn label_frame(p: &Placed, s: &Shape, text: f64) -> Option<LabelFrame> {
    if !p.label.shown() {
        return None;
    }
    let width = (p.label == Label::Wrapped).then(|| tenths(s.wrap_px * text + LABEL_PAD_PX));
    let flip = p.left.then(|| {
        let w = label_box_px(s, p.label, text);
        -tenths(w + LABEL_OFFSET_PX * text + LEFT_GAP_PX * text)
    });
    Some(LabelFrame { width, flip })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(anchor: f64, end: f64) -> Shape {
        Shape { anchor, end, importance: 2, label_px: 100.0, wrap_px: 60.0 }
    }

    fn placed(label: Label, next: f64) -> Placed {
        Placed { index: 0, lane: 0, label, next, left: false, next_px: 0.0 }
    }

    #[test]
    fn a_cut_title_grows_as_the_reader_zooms_in() {
        let s = shape(100.0, 100.0);
        let p = placed(Label::Cut, 110.0);
        let at = |ppd| paint(&p, &s, 10_000.0, Screen { v0: 0.0, ppd }, 1.0).cut.unwrap();
        assert!(at(10.0) < at(20.0));
        assert_eq!(at(10.0), tenths(100.0 - ROOM_CHROME_PX));
    }

    #[test]
    fn a_range_title_slides_along_its_bar_and_stops_at_its_end() {
        let s = shape(0.0, 100.0);
        let p = placed(Label::Line, f64::INFINITY);
        let stick = |v0| paint(&p, &s, 10_000.0, Screen { v0, ppd: 10.0 }, 1.0).stick.unwrap();
        assert_eq!(stick(-5.0), 0, "start on screen: in place");
        assert_eq!(stick(10.0), tenths(100.0 - 9.0));
        let max = tenths(1000.0 - LABEL_OFFSET_PX - 100.0 - LABEL_PAD_PX);
        assert_eq!(stick(95.0), max, "never past the bar's end");
        let off = |v0| paint(&p, &s, 10_000.0, Screen { v0, ppd: 10.0 }, 1.0).off;
        assert!(!off(99.0) && off(101.0));
    }

    #[test]
    fn room_is_written_only_near_the_end_of_the_range() {
        let s = shape(0.0, 0.0);
        let p = placed(Label::Line, f64::INFINITY);
        let room = |end| paint(&p, &s, end, Screen { v0: 0.0, ppd: 1.0 }, 1.0).room;
        assert_eq!(room(2000.0), None);
        assert_eq!(room(100.0), Some(tenths(100.0 - ROOM_MARKER_PX)));
    }

    #[test]
    fn room_is_written_only_where_the_rows_name_or_title_would_reach_the_end() {
        let p = placed(Label::Line, f64::INFINITY);
        let room =
            |s: &Shape, end, text| paint(&p, s, end, Screen { v0: 0.0, ppd: 1.0 }, text).room;
        // A 100 px title: its name (title and a day's date) needs at most 110 + 160 px.
        let day = shape(0.0, 0.0);
        assert_eq!(room(&day, 280.0, 1.0), None);
        assert_eq!(room(&day, 260.0, 1.0), Some(tenths(260.0 - ROOM_MARKER_PX)));
        // A range's date is longer; presentation mode's larger type needs more.
        let range = shape(0.0, 10.0);
        assert!(room(&range, 400.0, 1.0).is_some() && room(&range, 420.0, 1.0).is_none());
        assert!(room(&day, 400.0, 1.6).is_some());
        // A title wider than any name still stops at the old bound.
        let long = Shape { label_px: 5_000.0, ..day };
        assert!(room(&long, 790.0, 1.0).is_some() && room(&long, 810.0, 1.0).is_none());
    }

    #[test]
    fn a_bare_markers_room_only_says_that_its_name_goes_left() {
        let p = placed(Label::Bare, f64::INFINITY);
        let room = |end| paint(&p, &shape(0.0, 0.0), end, Screen { v0: 0.0, ppd: 1.0 }, 1.0).room;
        assert_eq!(room(280.0), None);
        assert_eq!(room(260.0), Some(0));
        assert_eq!(room(100.0), Some(0), "the same value while the reader zooms");
    }

    #[test]
    fn frames_of_wrapped_and_flipped_titles() {
        let s = shape(0.0, 0.0);
        assert_eq!(label_frame(&placed(Label::Bare, 1.0), &s, 1.0), None);
        let w = label_frame(&placed(Label::Wrapped, 1.0), &s, 1.0).unwrap();
        assert_eq!(w.width, Some(tenths(60.0 + LABEL_PAD_PX)));
        let mut p = placed(Label::Line, 1.0);
        p.left = true;
        let f = label_frame(&p, &s, 1.0).unwrap();
        assert_eq!(f.flip, Some(-tenths(100.0 + LABEL_PAD_PX + LABEL_OFFSET_PX + LEFT_GAP_PX)));
    }

    #[test]
    fn tenths_saturate_instead_of_wrapping() {
        assert_eq!(tenths(f64::NAN), 0);
        assert!(tenths(1e300) > 0 && tenths(-1e300) < 0);
        assert_eq!(tenths(12.34), 123);
    }
}
