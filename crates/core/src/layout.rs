//! Lanes and clusters: where each event sits so that no two markers or labels overlap.
//!
//! Layout is computed per *zoom level*, a power-of-two band of pixels per year, at the level's
//! most zoomed-out scale. Inside a level positions only spread apart as the reader zooms in (every
//! gap grows linearly while label widths stay constant), so the layout stays overlap-free and
//! lane assignment does not change: events do not jump between rows while zooming. Crossing a
//! level recomputes it (and the UI caches each level).
//!
//! Events that find no free lane fold into clusters ("+7") on a row of their own; landmarks
//! (importance 1) are placed first so they are never folded away while room remains, and are
//! always placed with their label (a landmark is never a bare marker).
//!
//! Each pass goes through the events in anchor order (the caller's order need not be: a bundle
//! sorted by first day is not sorted by anchor, since "1958" sits mid-year). A lane keeps the
//! intervals of each pass in a list that only grows at its end, so a layout of `n` events in
//! `k` lanes costs O(n log n) to sort plus O(n · k · log n) to place.

use crate::order::{sort_indices, sorted_by};

/// What layout needs to know of an event, in days (the UI builds these from the bundle).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// Where the marker sits: the middle of a point event's date span, or a range's start.
    pub anchor: f64,
    /// The end of a range bar (exclusive day), or `anchor` for a point event.
    pub end: f64,
    pub importance: u8,
    /// The title's length in characters, for the label's width.
    pub label_chars: usize,
}

/// A marker's width in px (a 16 px icon and breathing room).
pub const MARKER_PX: f64 = 20.0;
/// The widest label before it is truncated with an ellipsis (shown in full on hover and focus).
pub const MAX_LABEL_PX: f64 = 168.0;
/// Estimated px per character of a 13 px label.
pub const LABEL_CHAR_PX: f64 = 7.0;
/// Space kept between two items in a lane.
pub const GAP_PX: f64 = 8.0;
/// A cluster marker's width ("+123").
pub const CLUSTER_PX: f64 = 44.0;

/// The zoom level of a scale: `floor(log2(px per year))`, bounded to `-20..=40`. Monotone in
/// `px_per_day`; a scale of zero or less is the lowest level and NaN is level 0.
pub fn level_of(px_per_day: f64) -> i32 {
    if px_per_day.is_nan() {
        return 0;
    }
    let l = (px_per_day.max(0.0) * 365.25).log2().floor();
    l.clamp(-20.0, 40.0) as i32
}

/// The pixels per day at which a level is laid out: its most zoomed-out scale.
pub fn level_px_per_day(level: i32) -> f64 {
    2f64.powi(level) / 365.25
}

/// Whether an event of this importance carries a label at this level. Landmarks always do.
pub fn is_labelled(importance: u8, level: i32) -> bool {
    match importance {
        0 | 1 => true,
        2 => level >= 8,  // from 256 px per year: about five years across a desktop
        _ => level >= 10, // from 1024 px per year: about one year across a desktop
    }
}

/// The label's width in px (including the gap before it), capped at [`MAX_LABEL_PX`].
pub fn label_px(chars: usize) -> f64 {
    (chars as f64 * LABEL_CHAR_PX + 6.0).min(MAX_LABEL_PX)
}

/// Presentation mode draws labels at 20 px instead of 13 px, so a projected track is legible
/// from the back of a classroom: label widths and their cap grow by this factor.
pub const PRESENT_TEXT: f64 = 20.0 / 13.0;

/// One placed event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Index into the shapes passed to [`layout`].
    pub index: usize,
    pub lane: u16,
    pub labelled: bool,
}

/// Events folded together because no lane had room for them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub indices: Vec<usize>,
    /// Day span of the folded events, `[first, last)`: what activating the cluster zooms to.
    pub first: f64,
    pub last: f64,
    /// Where the cluster marker sits.
    pub anchor: f64,
}

/// The layout of one level.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    pub level: i32,
    /// The label size it was laid out for, as a multiple of the 13 px label font.
    pub text: f64,
    /// Lanes in use (clusters sit on the row after them).
    pub lanes: u16,
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
}

/// The horizontal extent in px (at `ppd`) an item occupies, gap included.
pub fn extent_px(s: &Shape, labelled: bool, ppd: f64) -> (f64, f64) {
    extent_at(s, labelled, ppd, 1.0)
}

/// [`extent_px`] with labels drawn `text` times the 13 px font (see [`PRESENT_TEXT`]).
pub fn extent_at(s: &Shape, labelled: bool, ppd: f64, text: f64) -> (f64, f64) {
    let x = s.anchor * ppd;
    let bar_end = s.end * ppd;
    let label = if labelled { label_px(s.label_chars) * text } else { 0.0 };
    let head = x + MARKER_PX / 2.0 + label;
    (x - MARKER_PX / 2.0, head.max(bar_end) + GAP_PX)
}

/// Occupied intervals of one lane, one list per pass, each sorted by start. Within a pass
/// events come in anchor order, so a list only ever grows at its end. (A single sorted list
/// would need insertions in its middle, each moving everything after it: quadratic when minor
/// events fill the gaps between thousands of landmarks placed before them.)
#[derive(Default)]
struct Lane {
    passes: [Vec<(f64, f64)>; 2],
    /// In the second pass, the first span of the first pass's list that starts at or after
    /// the current event: starts only grow, so it only moves forward.
    cursor: usize,
}

impl Lane {
    /// Whether `[a, b)` is free during `pass`, for an `a` no smaller than in the previous call
    /// of the same pass (events come in anchor order). The spans are disjoint and sorted, so
    /// the current pass's list needs only its last span and the first pass's list only the two
    /// spans around the cursor: O(1) amortised, where binary searches made a 100 000-event
    /// layout cost a long frame at every zoom level crossed.
    fn is_free(&mut self, pass: usize, a: f64, b: f64) -> bool {
        if self.passes[pass].last().is_some_and(|s| s.1 > a) {
            return false;
        }
        if pass == 0 {
            return true;
        }
        let earlier = &self.passes[0];
        while self.cursor < earlier.len() && earlier[self.cursor].0 < a {
            self.cursor += 1;
        }
        let c = self.cursor;
        (c == 0 || earlier[c - 1].1 <= a) && (c == earlier.len() || earlier[c].0 >= b)
    }

    fn insert(&mut self, pass: usize, a: f64, b: f64) {
        debug_assert!(self.passes[pass].last().is_none_or(|s| s.0 <= a), "out of order");
        self.passes[pass].push((a, b));
    }

    fn is_empty(&self) -> bool {
        self.passes.iter().all(Vec::is_empty)
    }
}

/// Lays out `shapes` (in any order; the bundle's is by first day) at `level` in at most
/// `max_lanes` lanes.
pub fn layout(shapes: &[Shape], level: i32, max_lanes: u16) -> Layout {
    layout_at(shapes, level, max_lanes, 1.0)
}

/// [`layout`] with labels drawn `text` times the 13 px font (see [`PRESENT_TEXT`]).
pub fn layout_at(shapes: &[Shape], level: i32, max_lanes: u16, text: f64) -> Layout {
    let text = if text.is_finite() && text > 0.0 { text } else { 1.0 };
    let ppd = level_px_per_day(level);
    let max_lanes = max_lanes.max(1);
    let mut lanes: Vec<Lane> = (0..max_lanes).map(|_| Lane::default()).collect();
    let mut placed = Vec::with_capacity(shapes.len());
    let mut overflow = Vec::new();
    let order = by_anchor(shapes, 0..shapes.len());
    // Landmarks first, then the rest; each pass in time order (greedy interval packing).
    for pass in 0..2 {
        for &index in &order {
            let s = &shapes[index];
            let landmark = s.importance <= 1;
            if (pass == 0) != landmark {
                continue;
            }
            if !s.anchor.is_finite() {
                // Nowhere to draw it; a cluster still counts it.
                overflow.push(index);
                continue;
            }
            let labelled = is_labelled(s.importance, level);
            // A label that does not fit anywhere may still fit as a bare marker; a landmark is
            // never shown without its label (in time order the bare try could not help it
            // anyway: both start at the same x and nothing lies to its right yet).
            let tries: &[bool] = match (labelled, landmark) {
                (true, false) => &[true, false],
                _ => &[labelled],
            };
            let spot = tries.iter().find_map(|&try_label| {
                let (a, b) = extent_at(s, try_label, ppd, text);
                let lane = lanes.iter_mut().position(|l| l.is_free(pass, a, b))?;
                Some((lane, try_label, a, b))
            });
            match spot {
                Some((lane, labelled, a, b)) => {
                    lanes[lane].insert(pass, a, b);
                    placed.push(Placed { index, lane: lane as u16, labelled });
                }
                None => overflow.push(index),
            }
        }
    }
    let placed = sorted_by(placed, &|a, b| a.index.cmp(&b.index));
    let used = lanes.iter().rposition(|l| !l.is_empty()).map_or(0, |i| i + 1) as u16;
    let overflow = by_anchor(shapes, overflow);
    Layout { level, text, lanes: used, placed, clusters: clusters(shapes, &overflow, ppd) }
}

/// `indices` sorted by their shapes' anchors, ties in index order (a stable sort, linear on
/// input that is already sorted).
fn by_anchor(shapes: &[Shape], indices: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = indices.into_iter().collect();
    sort_indices(&mut v, &|a, b| shapes[a].anchor.total_cmp(&shapes[b].anchor).then(a.cmp(&b)));
    v
}

/// Folds overflowing events (sorted by anchor) into clusters whose markers do not overlap:
/// a cluster's marker sits at its earliest anchor and takes in every event anchored less than
/// [`CLUSTER_PX`] (plus the gap) to its right. Each cluster's indices are listed ascending.
fn clusters(shapes: &[Shape], overflow: &[usize], ppd: f64) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for &i in overflow {
        let s = &shapes[i];
        let x = s.anchor * ppd;
        match out.last_mut() {
            Some(c) if x < reach => {
                c.indices.push(i);
                c.last = c.last.max(s.end.max(s.anchor + 1.0));
            }
            _ => {
                out.push(Cluster {
                    indices: vec![i],
                    first: s.anchor,
                    last: s.end.max(s.anchor + 1.0),
                    anchor: s.anchor,
                });
                reach = x + CLUSTER_PX + GAP_PX;
            }
        }
    }
    for c in &mut out {
        sort_indices(&mut c.indices, &|a, b| a.cmp(&b));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: f64, importance: u8) -> Shape {
        Shape { anchor: day, end: day, importance, label_chars: 20 }
    }

    #[test]
    fn far_apart_events_share_the_first_lane() {
        let shapes = [point(0.0, 1), point(3000.0, 1)];
        let l = layout(&shapes, 8, 4);
        assert!(l.placed.iter().all(|p| p.lane == 0 && p.labelled));
        assert!(l.clusters.is_empty());
    }

    #[test]
    fn events_on_one_day_stack_then_cluster() {
        let shapes: Vec<_> = (0..10).map(|_| point(100.0, 3)).collect();
        let l = layout(&shapes, 6, 3);
        assert_eq!(l.placed.len(), 3);
        assert_eq!(l.clusters.len(), 1);
        assert_eq!(l.clusters[0].indices.len(), 7);
    }

    #[test]
    fn landmarks_win_lanes_over_minor_events() {
        let mut shapes: Vec<_> = (0..5).map(|_| point(100.0, 3)).collect();
        shapes.push(point(100.0, 1));
        let l = layout(&shapes, 6, 1);
        assert_eq!(l.placed.len(), 1);
        assert_eq!(l.placed[0].index, 5);
    }
}
