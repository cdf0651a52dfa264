//! The continuous time scale: which days are visible, and where a day lands in pixels.
//!
//! A [`View`] is the visible window `[start, end)` in fractional day numbers; with the widget's
//! width it maps days to pixels and back. Zoom and pan are pure functions returning a new view
//! constrained to the bundle's extent, so the rules "the date under the pointer stays under it"
//! and "pan stops at the edges" are properties of this file, tested natively.

/// The shortest window a reader can zoom to: about one week across the widget.
pub const MIN_SPAN_DAYS: f64 = 7.0;

/// A visible window of days, `[start, end)`, inside an extent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub start: f64,
    pub end: f64,
}

/// The days a view may show: the bundle's range, `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extent {
    pub start: f64,
    pub end: f64,
}

impl Extent {
    /// The extent of whole days `first..=last`.
    pub fn days(first: i32, last: i32) -> Self {
        Extent { start: f64::from(first), end: f64::from(last) + 1.0 }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// The whole extent as a view: what "reset" shows.
    pub fn full(&self) -> View {
        View { start: self.start, end: self.end }
    }

    /// The narrowest span allowed: a week, or the whole extent if it is shorter.
    pub fn min_span(&self) -> f64 {
        MIN_SPAN_DAYS.min(self.span())
    }
}

/// Where days land on screen for one view and width: the two numbers every drawn position
/// derives from (`x = (day - v0) × ppd`). The widget writes each element's position in
/// pixels from these; see `ui/timeline.rs` for why not CSS custom properties.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    /// The first visible day.
    pub v0: f64,
    /// Pixels per day.
    pub ppd: f64,
}

impl Screen {
    /// The x position of `day`, in px from the view's left edge.
    pub fn x(&self, day: f64) -> f64 {
        (day - self.v0) * self.ppd
    }

    /// The length in px of `days` days.
    pub fn span_px(&self, days: f64) -> f64 {
        days * self.ppd
    }
}

/// The widest the track's layer may be drawn, in px. Positions inside it are CSS percentages,
/// which Blink keeps as 32-bit floats and lays out in 1/64 px units up to about 33 million px:
/// at 4 million px a percentage lands within a quarter pixel.
pub const MAX_LAYER_PX: f64 = 4.0e6;

/// The days the track's layer spans, `[o, o + s)`: each marker sits at a fixed percentage of
/// it (`left: calc(P% - 10px)`), so a zoom or pan writes the layer's `left` and `width` once
/// instead of every marker's position (each write restyles the element; the percentages are
/// resolved by layout alone).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layer {
    pub o: f64,
    pub s: f64,
}

impl Layer {
    /// The layer for `screen`: the whole extent while it is at most [`MAX_LAYER_PX`] wide at
    /// this scale (then it never changes, however the reader zooms or pans); beyond that a
    /// window of that width around the view, kept from `prev` while it still reaches a view's
    /// width past both edges, so the markers' percentages are rewritten only now and then.
    pub fn fit(prev: Option<Layer>, extent: Extent, screen: Screen, width: f64) -> Layer {
        let whole = Layer { o: extent.start, s: extent.span() };
        let ppd = screen.ppd;
        if !(ppd > 0.0 && ppd.is_finite() && width > 0.0) || extent.span() * ppd <= MAX_LAYER_PX {
            return whole;
        }
        let span = width / ppd;
        let (v0, v1) = (screen.v0, screen.v0 + span);
        if let Some(p) = prev {
            if p.s * ppd <= MAX_LAYER_PX && p.o <= v0 - span && p.o + p.s >= v1 + span {
                return p;
            }
        }
        let s = MAX_LAYER_PX / ppd;
        Layer { o: (v0 + v1) * 0.5 - s * 0.5, s }
    }

    /// Where `day` sits in the layer, in percent of its width.
    pub fn pct(&self, day: f64) -> f64 {
        (day - self.o) / self.s * 100.0
    }
}

impl View {
    /// The view's mapping from days to pixels at `width` (pixels per day 0 before the widget
    /// has a width).
    pub fn screen(&self, width: f64) -> Screen {
        let span = self.span();
        let ppd = if width > 0.0 && span > 0.0 { width / span } else { 0.0 };
        Screen { v0: self.start, ppd }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Pixels per day at `width` pixels.
    pub fn px_per_day(&self, width: f64) -> f64 {
        width / self.span()
    }

    /// The x position (px from the left edge) of `day` at `width`.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) * width / self.span()
    }

    /// The day at x position `px`; the inverse of [`View::x`].
    pub fn day_at(&self, px: f64, width: f64) -> f64 {
        self.start + px * self.span() / width
    }

    /// Moves and clamps the view into `extent`, keeping its span when it fits: panning stops at
    /// the edges instead of showing days outside the bundle.
    ///
    /// The result always lies inside the extent (`extent.start <= start`, `end <= extent.end`,
    /// exactly, not up to rounding), is finite whatever the input, and has a span in
    /// `[min_span, span]` of the extent (the lower bound up to a few ulps of the day numbers).
    /// A view that already satisfies this is returned unchanged, so `constrain` is idempotent.
    /// A NaN centre falls back to the extent's centre; an infinite one goes to that edge.
    pub fn constrain(self, extent: Extent) -> View {
        let (lo, hi) = (extent.start, extent.end);
        let full = extent.span();
        let min = extent.min_span();
        // `end = start + span` rounds, so a span may come back a few ulps short of `min`.
        let slack = 4.0 * f64::EPSILON * lo.abs().max(hi.abs());
        let span = self.end - self.start;
        let span_ok = span >= min - slack && span <= full;
        if span_ok && self.start >= lo && self.end <= hi {
            return self;
        }
        let (start, span) = if span_ok {
            // Only moved: keep the start as given, so a pan lands exactly on the edge.
            (self.start, span.max(min))
        } else {
            // `max`/`min` rather than `clamp`: never a panic, whatever the extent.
            let span = if span.is_nan() { full } else { span.max(min).min(full) };
            let mid = self.start * 0.5 + self.end * 0.5;
            let mid = if mid.is_nan() { lo * 0.5 + hi * 0.5 } else { mid };
            (mid - span * 0.5, span)
        };
        // Written so that NaN and infinities take the safe branch.
        let narrower = span < full;
        let clear_of_start = start > lo;
        let clear_of_end = start + span < hi;
        if !narrower {
            extent.full()
        } else if !clear_of_start {
            View { start: lo, end: (lo + span).min(hi) }
        } else if !clear_of_end {
            View { start: (hi - span).max(lo), end: hi }
        } else {
            View { start, end: start + span }
        }
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under `anchor_px` where it is, as far as
    /// the extent allows. A NaN anchor zooms about the middle; a non-finite or non-positive
    /// factor or width only constrains the view.
    pub fn zoom_at(self, anchor_px: f64, width: f64, factor: f64, extent: Extent) -> View {
        if !(factor.is_finite() && factor > 0.0 && width.is_finite() && width > 0.0) {
            return self.constrain(extent);
        }
        let anchor_px = if anchor_px.is_nan() { width / 2.0 } else { anchor_px.clamp(0.0, width) };
        let anchor = self.day_at(anchor_px, width);
        let span = (self.span() / factor).max(extent.min_span()).min(extent.span());
        let start = anchor - anchor_px / width * span;
        View { start, end: start + span }.constrain(extent)
    }

    /// Pans by `dx` pixels (positive moves the content right, i.e. shows earlier days).
    pub fn pan_px(self, dx: f64, width: f64, extent: Extent) -> View {
        if !(dx.is_finite() && width.is_finite() && width > 0.0) {
            return self.constrain(extent);
        }
        // Panning further than the whole extent is panning to an edge; bounding the shift keeps
        // a huge `dx` from overflowing to an infinite view.
        let full = extent.span();
        let dd = (dx * self.span() / width).max(-full).min(full);
        View { start: self.start - dd, end: self.end - dd }.constrain(extent)
    }

    /// The view of the same span centred on `day`, constrained: how the view follows keyboard focus.
    pub fn centred_on(self, day: f64, extent: Extent) -> View {
        let half = self.span() / 2.0;
        View { start: day - half, end: day + half }.constrain(extent)
    }

    /// The view showing `[first, last]` with a margin of `pad` of its span on each side.
    pub fn fitting(first: f64, last: f64, pad: f64, extent: Extent) -> View {
        let span = (last - first).max(extent.min_span());
        let m = span * pad;
        View { start: first - m, end: last + m }.constrain(extent)
    }

    /// Whether the day range `[a, b]` shows, with `margin_px` to spare on either side.
    pub fn shows(&self, a: f64, b: f64, width: f64, margin_px: f64) -> bool {
        let m = margin_px * self.span() / width;
        b >= self.start - m && a <= self.end + m
    }

    /// Linear interpolation between two views, for animations (`t` in 0..=1).
    pub fn lerp(self, to: View, t: f64) -> View {
        View {
            start: self.start + (to.start - self.start) * t,
            end: self.end + (to.end - self.end) * t,
        }
    }
}

/// The zoom factor of one wheel event, from its vertical delta in pixels: d3-zoom's
/// `2^(-dy * 0.002)`, so a notch of 100 px zooms by about 15 % and trackpads zoom smoothly.
/// A NaN delta does not zoom (factor 1).
pub fn wheel_factor(delta_y_px: f64) -> f64 {
    if delta_y_px.is_nan() {
        return 1.0;
    }
    2f64.powf(-delta_y_px.clamp(-500.0, 500.0) * 0.002)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::day_number;

    fn extent() -> Extent {
        Extent::days(day_number(1950, 1, 1), day_number(1965, 12, 31))
    }

    #[test]
    fn x_and_day_at_are_inverse() {
        let v = extent().full();
        let d = f64::from(day_number(1958, 8, 23));
        assert!((v.day_at(v.x(d, 900.0), 900.0) - d).abs() < 1e-9);
        assert_eq!(v.x(v.start, 900.0), 0.0);
        assert!((v.x(v.end, 900.0) - 900.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_in_cannot_go_below_a_week_and_out_beyond_the_range() {
        let e = extent();
        let v = e.full().zoom_at(100.0, 800.0, 1e9, e);
        assert!((v.span() - MIN_SPAN_DAYS).abs() < 1e-9);
        let w = v.zoom_at(100.0, 800.0, 1e-9, e);
        assert_eq!(w, e.full());
    }

    #[test]
    fn pan_stops_at_the_edges() {
        let e = extent();
        let v = e.full().zoom_at(400.0, 800.0, 4.0, e);
        let left = v.pan_px(1e7, 800.0, e);
        assert_eq!(left.start, e.start);
        let right = v.pan_px(-1e7, 800.0, e);
        assert_eq!(right.end, e.end);
        assert!((left.span() - v.span()).abs() < 1e-6);
    }

    #[test]
    fn non_finite_input_leaves_a_valid_view() {
        let e = extent();
        let v = e.full().zoom_at(f64::NAN, 800.0, f64::INFINITY, e);
        assert!(v.start.is_finite() && v.end.is_finite() && v.span() > 0.0);
        let p = e.full().pan_px(f64::NAN, 800.0, e);
        assert_eq!(p, e.full());
    }
}
