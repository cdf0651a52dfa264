//! Which placed items of a layout a window shows: a binary search over anchors instead of a
//! scan of every event on every frame.
//!
//! A point event's extent reaches at most its widest label to the right of its anchor, so the
//! visible points are those anchored in `[lo − reach, hi + marker]`; range events reach as far
//! as their bars and are kept in a short list of their own, scanned whole.

use crate::layout::{extent_of, Layout, Shape, MARKER_PX};

/// A layout's placed items indexed for culling.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Culler {
    /// Positions in `layout.placed` of point events, by anchor.
    points: Vec<usize>,
    /// Their anchors, in the same order.
    anchors: Vec<f64>,
    /// Positions in `layout.placed` of range events.
    ranges: Vec<usize>,
    /// The widest px a point's extent reaches right of its anchor.
    reach_px: f64,
    /// The widest px an extent reaches left of its anchor (a title drawn on the left).
    left_px: f64,
}

impl Culler {
    pub fn new(layout: &Layout, shapes: &[Shape]) -> Culler {
        let ppd = layout.ppd;
        let mut points: Vec<(f64, usize)> = Vec::new();
        let mut ranges = Vec::new();
        let mut reach_px: f64 = MARKER_PX;
        let mut left_px: f64 = MARKER_PX;
        for (pos, p) in layout.placed.iter().enumerate() {
            let s = &shapes[p.index];
            // How far the whole title reaches right of the anchor (a cut one grows back as the
            // reader zooms in), without any bar: labels keep their px width at every scale.
            let whole = crate::layout::Placed { next: f64::INFINITY, ..*p };
            let point = Shape { end: s.anchor, ..*s };
            let (a, b) = extent_of(&point, &whole, ppd, layout.text);
            if b.is_finite() {
                reach_px = reach_px.max(b - s.anchor * ppd);
            }
            if a.is_finite() {
                left_px = left_px.max(s.anchor * ppd - a);
            }
            if s.end > s.anchor {
                ranges.push(pos);
            } else {
                points.push((s.anchor, pos));
            }
        }
        let points =
            crate::order::sorted_by(points, &|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let anchors = points.iter().map(|p| p.0).collect();
        let points = points.into_iter().map(|p| p.1).collect();
        Culler { points, anchors, ranges, reach_px, left_px }
    }

    /// Positions in `layout.placed` of the items whose extent meets `[lo, hi]` (days) at a
    /// scale of `px_per_day`: points by binary search, then the ranges. In anchor order for
    /// points; ranges follow.
    pub fn visible(
        &self,
        layout: &Layout,
        shapes: &[Shape],
        lo: f64,
        hi: f64,
        px_per_day: f64,
    ) -> Vec<usize> {
        // Labels keep their px width whatever the scale, so their reach in days shrinks as the
        // reader zooms in: measured at this scale.
        let ppd = px_per_day.max(f64::MIN_POSITIVE);
        let reach = self.reach_px / ppd;
        let half = MARKER_PX / ppd;
        let from = self.anchors.partition_point(|&a| a < lo - reach);
        let to = self.anchors.partition_point(|&a| a <= hi + self.left_px / ppd);
        let mut out: Vec<usize> = self.points[from..to.max(from)].to_vec();
        for &pos in &self.ranges {
            let s = &shapes[layout.placed[pos].index];
            if s.end.max(s.anchor + reach) + half >= lo && s.anchor - half <= hi {
                out.push(pos);
            }
        }
        out
    }
}
