//! Lanes and clusters: where each event sits so that no two markers or labels overlap.
//!
//! Layout is computed per *zoom level*, a power-of-two band of pixels per year, at the level's
//! most zoomed-out scale. Inside a level positions only spread apart as the reader zooms in (every
//! gap grows linearly while label widths stay constant), so the layout stays overlap-free and
//! lane assignment does not change: events do not jump between rows while zooming. Crossing a
//! level recomputes it (and the UI caches each level).
//!
//! Events that find no free lane fold into clusters ("+7") on a row of their own; landmarks
//! (importance 1) are placed first so they are never folded away while room remains.

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

/// The zoom level of a scale: `floor(log2(px per year))`.
pub fn level_of(px_per_day: f64) -> i32 {
    let l = (px_per_day * 365.25).log2().floor();
    if l.is_finite() {
        l.clamp(-20.0, 40.0) as i32
    } else {
        0
    }
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
    /// Lanes in use (clusters sit on the row after them).
    pub lanes: u16,
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
}

/// The horizontal extent in px (at `ppd`) an item occupies, gap included.
pub fn extent_px(s: &Shape, labelled: bool, ppd: f64) -> (f64, f64) {
    let x = s.anchor * ppd;
    let bar_end = s.end * ppd;
    let head = x + MARKER_PX / 2.0 + if labelled { label_px(s.label_chars) } else { 0.0 };
    (x - MARKER_PX / 2.0, head.max(bar_end) + GAP_PX)
}

/// Occupied intervals of one lane, kept sorted by start for binary search.
#[derive(Default)]
struct Lane {
    spans: Vec<(f64, f64)>,
}

impl Lane {
    fn is_free(&self, a: f64, b: f64) -> bool {
        let i = self.spans.partition_point(|s| s.0 < a);
        let before_ok = i == 0 || self.spans[i - 1].1 <= a;
        let after_ok = i == self.spans.len() || self.spans[i].0 >= b;
        before_ok && after_ok
    }

    fn insert(&mut self, a: f64, b: f64) {
        let i = self.spans.partition_point(|s| s.0 < a);
        self.spans.insert(i, (a, b));
    }
}

/// Lays out `shapes` (sorted by anchor) at `level` in at most `max_lanes` lanes.
pub fn layout(shapes: &[Shape], level: i32, max_lanes: u16) -> Layout {
    let ppd = level_px_per_day(level);
    let max_lanes = max_lanes.max(1);
    let mut lanes: Vec<Lane> = (0..max_lanes).map(|_| Lane::default()).collect();
    let mut placed = Vec::with_capacity(shapes.len());
    let mut overflow = Vec::new();
    // Landmarks first, then the rest; each pass in time order (greedy interval packing).
    for pass in 0..2 {
        for (index, s) in shapes.iter().enumerate() {
            if (pass == 0) != (s.importance <= 1) {
                continue;
            }
            let labelled = is_labelled(s.importance, level);
            let mut done = false;
            // A label that does not fit anywhere may still fit as a bare marker.
            for try_label in [labelled, false] {
                if done || (!labelled && try_label) {
                    continue;
                }
                let (a, b) = extent_px(s, try_label, ppd);
                if let Some(lane) = lanes.iter().position(|l| l.is_free(a, b)) {
                    lanes[lane].insert(a, b);
                    placed.push(Placed { index, lane: lane as u16, labelled: try_label });
                    done = true;
                }
            }
            if !done {
                overflow.push(index);
            }
        }
    }
    placed.sort_by_key(|p| p.index);
    overflow.sort_unstable();
    let used = lanes.iter().rposition(|l| !l.spans.is_empty()).map_or(0, |i| i + 1) as u16;
    Layout { level, lanes: used, placed, clusters: clusters(shapes, &overflow, ppd) }
}

/// Folds overflowing events into clusters whose markers do not overlap.
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
