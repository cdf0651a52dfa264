//! Lanes and clusters: where each event sits, and how much of its title it shows, so that no
//! two markers or labels overlap.
//!
//! Labels are placed the way a cartographer names places on a map: as many names as fit, the
//! important ones first, none colliding. Every event tries to show its full title (measured in
//! the widget's font by the UI, see [`Shape::label_px`]) on one line, then wrapped on two lines,
//! in any of the track's lanes; only when no lane has room does it fall back to a title cut at
//! its lane neighbour ([`Label::Cut`]), then to a bare marker, and last to a cluster ("+7").
//! Importance decides the order (landmarks first), not whether an event gets a label.
//!
//! Layout is computed per *zoom level*, a power-of-two band of pixels per year, at the level's
//! most zoomed-out scale. Inside a level positions only spread apart as the reader zooms in
//! (every gap grows linearly while label widths stay constant), so the layout stays
//! overlap-free and lane assignment does not change: events do not jump between rows while
//! zooming. A cut label records its neighbour's day ([`Placed::next`]), so the UI lets it grow
//! back as the gap widens. Crossing a level recomputes the layout (and the UI caches each level).
//!
//! Each pass goes through the events in anchor order (the caller's order need not be: a bundle
//! sorted by first day is not sorted by anchor, since "1958" sits mid-year). A lane keeps the
//! intervals of each pass in a list that only grows at its end, so a layout of `n` events in
//! `k` lanes costs O(n log n) to sort plus O(n · k · p) to place, for `p` passes (at most 8).

use crate::order::{sort_indices, sorted_by};

/// What layout needs to know of an event, in days, and its title's measured widths.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// Where the marker sits: the middle of a point event's date span, or a range's start.
    pub anchor: f64,
    /// The end of a range bar (exclusive day), or `anchor` for a point event.
    pub end: f64,
    pub importance: u8,
    /// The title's width in px on one line at the 13 px label size, in the weight it is drawn
    /// in (the UI measures it with the browser's own text metrics); 0 for an empty title.
    pub label_px: f64,
    /// The width in px of the title wrapped on two lines (its wider line), or `label_px` where
    /// wrapping would not make it narrower (one word, or wrapping switched off).
    pub wrap_px: f64,
}

impl Shape {
    /// A shape whose label width is estimated from its length (7 px a character), for callers
    /// without a font to measure with (tests, the fuzzer, native tools).
    pub fn estimated(anchor: f64, end: f64, importance: u8, title: &str) -> Shape {
        let label_px = title.chars().count() as f64 * EST_CHAR_PX;
        let words: Vec<&str> = title.split(' ').collect();
        let wrap_px = if words.len() < 2 {
            label_px
        } else {
            // The split nearest the middle: the wider of its two lines.
            let total = title.chars().count();
            let mut best = total;
            let mut before = 0;
            for w in &words[..words.len() - 1] {
                before += w.chars().count() + 1;
                best = best.min((before - 1).max(total - before));
            }
            best as f64 * EST_CHAR_PX
        };
        Shape { anchor, end, importance, label_px, wrap_px }
    }
}

/// Estimated px per character of a 13 px label, where nothing can measure ([`Shape::estimated`]).
pub const EST_CHAR_PX: f64 = 7.0;
/// A marker's width in px (a 16 px icon and breathing room).
pub const MARKER_PX: f64 = 20.0;
/// From the marker's centre to where its label's box starts (icon half, gap).
pub const LABEL_OFFSET_PX: f64 = 13.0;
/// A label's horizontal padding, both sides together.
pub const LABEL_PAD_PX: f64 = 10.0;
/// Space kept between two items in a lane.
pub const GAP_PX: f64 = 8.0;
/// A cut label shows at least this much text ("Treaty of…"), else the event is a bare marker.
pub const MIN_CUT_PX: f64 = 44.0;
/// The widest a title is drawn (about 65 characters): a longer one (a hostile 19 000-character
/// word, say) is cut there with an ellipsis, and shown whole on hover, focus and in the popover.
pub const MAX_LABEL_PX: f64 = 480.0;
/// A cluster marker's width ("+123").
pub const CLUSTER_PX: f64 = 44.0;
/// Between a title drawn to the left of its marker and the marker's centre.
pub const LEFT_GAP_PX: f64 = 12.0;
/// The px a label's box may take before the next item's day, as the UI writes it in CSS:
/// `(next - anchor) × px per day − ROOM_CHROME_PX` is the widest a label's box (padding
/// included) can be without touching its neighbour's marker and the gap before it.
pub const ROOM_CHROME_PX: f64 = LABEL_OFFSET_PX + MARKER_PX / 2.0 + GAP_PX;
/// Two-line labels are offered only for titles at least this wide on one line: shorter ones
/// gain too little and read worse broken.
pub const MIN_WRAP_PX: f64 = 90.0;

/// Levels per doubling of the scale. Two (a level spans ×√2) rather than one: a layout is
/// drawn at up to its level's top scale while it was fitted at the bottom one, so halving the
/// band gives labels up to 41 % more room than they had, at the cost of twice as many layouts.
pub const LEVELS_PER_OCTAVE: f64 = 2.0;

/// The zoom level of a scale: `floor(2 · log2(px per year))`, bounded to `-40..=80`. Monotone
/// in `px_per_day`; a scale of zero or less is the lowest level and NaN is level 0.
pub fn level_of(px_per_day: f64) -> i32 {
    if px_per_day.is_nan() {
        return 0;
    }
    let l = ((px_per_day.max(0.0) * 365.25).log2() * LEVELS_PER_OCTAVE).floor();
    l.clamp(-40.0, 80.0) as i32
}

/// The pixels per day at which a level is laid out: its most zoomed-out scale.
pub fn level_px_per_day(level: i32) -> f64 {
    2f64.powf(f64::from(level) / LEVELS_PER_OCTAVE) / 365.25
}

/// The scale a layout of `level` is fitted at: the level's own, or `min_ppd` where that lies
/// inside the level (below, the level's; above, never past the next level's bottom).
pub fn fitted_ppd(level: i32, min_ppd: f64) -> f64 {
    let (lo, hi) = (level_px_per_day(level), level_px_per_day(level + 1));
    if min_ppd.is_finite() && min_ppd > lo {
        min_ppd.min(hi)
    } else {
        lo
    }
}

/// The narrowest page a window is counted in, in px at its level's scale: with a margin of half
/// a page on each side of the view, wider than the culling margin and the widest label.
pub const MIN_PAGE_PX: f64 = 1600.0;

/// The stretch of days a level is laid out over: three pages around the one that holds the
/// view's centre, where a page is what a view `width_px` wide shows at the level's widest (but
/// at least [`MIN_PAGE_PX`]). `None` where that covers the whole `extent`: the level is laid
/// out whole. Deep in a large bundle a level's layout then costs what the few hundred events
/// near the view cost, not all of them (at 100 000 events, 120 ms against under 5 ms), and the
/// window changes only when the view's centre crosses into another page.
///
/// Returns the page's number and the window's first and last day. The view at `level` lies at
/// least half a page inside the window on each side, so nothing outside it can reach the view
/// or the culling margin beside it: see `tests/core_layout.rs`.
pub fn window_of(
    level: i32,
    min_ppd: f64,
    width_px: f64,
    extent: (f64, f64),
    centre: f64,
) -> Option<(i64, f64, f64)> {
    let page = width_px.max(MIN_PAGE_PX) / fitted_ppd(level, min_ppd);
    if !(page.is_finite() && page > 0.0) || 3.0 * page >= extent.1 - extent.0 {
        return None;
    }
    let n = ((centre - extent.0) / page).floor();
    let n = n.clamp(-1e15, 1e15);
    let lo = extent.0 + (n - 1.0) * page;
    Some((n as i64, lo, lo + 3.0 * page))
}

/// While the reader is zooming, which of the levels already laid out stands in for `level`:
/// the finest one at or below it. A layout holds at any scale at or above the one it was
/// fitted at (every length in it is either days, which grow apart as the reader zooms in, or
/// pixels, which stay the same), so nothing drawn from it overlaps; it only shows fewer whole
/// titles than the level's own. That layout, which at 10 000 events and more costs a frame or
/// several per level, is then computed once, when the zoom pauses, instead of at every level
/// the zoom crosses.
pub fn stand_in(level: i32, laid_out: impl IntoIterator<Item = i32>) -> Option<i32> {
    laid_out.into_iter().filter(|&l| l <= level).max()
}

/// Presentation mode draws labels at 20 px instead of 13 px, so a projected track is legible
/// from the back of a classroom: label widths grow by this factor.
pub const PRESENT_TEXT: f64 = 20.0 / 13.0;

/// How much of its title a placed event shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// A bare marker: hover, focus and the popover name it.
    Bare,
    /// The full title on one line.
    Line,
    /// The full title on two lines, [`Shape::wrap_px`] wide.
    Wrapped,
    /// One line, cut with an ellipsis where its lane neighbour ([`Placed::next`]) begins; it
    /// grows back as the reader zooms in and the gap widens.
    Cut,
}

impl Label {
    /// Whether any of the title is drawn.
    pub fn shown(self) -> bool {
        self != Label::Bare
    }
}

/// One placed event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into the shapes passed to [`layout`].
    pub index: usize,
    pub lane: u16,
    pub label: Label,
    /// The anchor day of the next item in the same lane (`+∞` when none): how far a label may
    /// reach at any scale, as `(next − anchor) × px per day − ROOM_CHROME_PX`.
    pub next: f64,
    /// The title is drawn to the left of its marker: on the right it would run past the end of
    /// the range.
    pub left: bool,
    /// How much less a cut title may reach than `next` allows, in px: the next item's title
    /// when that one is drawn to the left of its own marker.
    pub next_px: f64,
}

impl Placed {
    /// A bare marker in `lane` with no neighbours known (a cluster of one, or the focused event
    /// drawn on the cluster row).
    pub fn bare(index: usize, lane: u16) -> Placed {
        Placed { index, lane, label: Label::Bare, next: f64::INFINITY, left: false, next_px: 0.0 }
    }

    /// Whether a label is drawn (any of [`Label::Line`], [`Label::Wrapped`], [`Label::Cut`]).
    pub fn labelled(&self) -> bool {
        self.label.shown()
    }
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
    /// The px per day it was fitted at, and is drawn at or above: its level's, or, at the
    /// whole range, the widest view the reader can reach (see [`layout_at`]).
    pub ppd: f64,
    /// The label size it was laid out for, as a multiple of the 13 px label font.
    pub text: f64,
    /// Lanes in use (clusters sit on the row after them).
    pub lanes: u16,
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
}

/// The px width of a label's box (padding included) for `label`, at text size `text`, before
/// any cut: the full title, on one line or wrapped.
pub fn label_box_px(s: &Shape, label: Label, text: f64) -> f64 {
    let px = match label {
        Label::Bare => return 0.0,
        Label::Line | Label::Cut => s.label_px,
        Label::Wrapped => s.wrap_px,
    };
    px.min(MAX_LABEL_PX) * text + LABEL_PAD_PX
}

/// The horizontal extent in px (at `ppd`) a placed item occupies, gap included: what the layout
/// keeps free of every other item in its lane.
pub fn extent_of(s: &Shape, p: &Placed, ppd: f64, text: f64) -> (f64, f64) {
    if p.left {
        return left_extent(s, p.label, ppd, text);
    }
    let (a, b) = full_extent(s, p.label, ppd, text);
    if p.label == Label::Cut {
        (a, b.min(p.next * ppd - MARKER_PX / 2.0 - p.next_px))
    } else {
        (a, b)
    }
}

/// Whether an event is drawn as a point at `ppd`: a point event, or a range whose bar is
/// shorter than a marker (a five-day meeting on a sixteen-year track). Only these may have
/// their title on the left of the marker, and their title stops at the end of the range.
fn pointlike(s: &Shape, ppd: f64) -> bool {
    (s.end - s.anchor) * ppd < MARKER_PX
}

/// The extent of a point whose title is drawn to the left of its marker.
fn left_extent(s: &Shape, label: Label, ppd: f64, text: f64) -> (f64, f64) {
    let x = s.anchor * ppd;
    let right = (x + MARKER_PX / 2.0).max(s.end * ppd);
    (x - LEFT_GAP_PX * text.max(1.0) - label_box_px(s, label, text), right + GAP_PX)
}

/// Where the two-line title's extent ends (gap included), where two lines are offered: `wrap`
/// allows them, and they gain room for a title at least [`MIN_WRAP_PX`] wide.
fn wrapped_end(s: &Shape, wrap: bool, ppd: f64, text: f64) -> Option<f64> {
    (wrap && s.wrap_px < s.label_px && s.label_px >= MIN_WRAP_PX)
        .then(|| full_extent(s, Label::Wrapped, ppd, text).1)
}

/// Where the box of `label` ends, right of the marker (no gap): what must not pass the end
/// of the range.
fn head_end(s: &Shape, label: Label, ppd: f64, text: f64) -> f64 {
    s.anchor * ppd + LABEL_OFFSET_PX * text.max(1.0) + label_box_px(s, label, text)
}

/// The extent with the whole label (no cut), gap included.
fn full_extent(s: &Shape, label: Label, ppd: f64, text: f64) -> (f64, f64) {
    let x = s.anchor * ppd;
    let bar_end = s.end * ppd;
    let head = if label.shown() {
        x + LABEL_OFFSET_PX * text.max(1.0) + label_box_px(s, label, text)
    } else {
        x + MARKER_PX / 2.0
    };
    (x - MARKER_PX / 2.0, head.max(bar_end) + GAP_PX)
}

/// One occupied interval of a lane: `[a, b)` px, and the position in the placed list of the
/// item it belongs to (so a label can be shortened to make room for a marker).
#[derive(Clone, Copy, Debug)]
struct Span {
    a: f64,
    b: f64,
    item: usize,
}

/// Occupied intervals of one lane, one list per pass, each sorted by start. Within a pass
/// events come in anchor order, so a list only ever grows at its end. (A single sorted list
/// would need insertions in its middle, each moving everything after it: quadratic when minor
/// events fill the gaps between thousands of landmarks placed before them.)
struct Lane {
    passes: Vec<Vec<Span>>,
    /// Per earlier pass, the first span that starts at or after the current event: starts only
    /// grow within a pass, so each cursor only moves forward (reset when a pass begins).
    cursors: Vec<usize>,
}

/// Passes of a layout: pass 0 (titles left of their markers at the end of the range) and three
/// phases of three importance classes.
const PASSES: usize = 10;

/// What a lane has at a given x: the free room from there, or what blocks it.
#[derive(Clone, Copy)]
struct Room {
    /// Where the next span after x starts (`+∞` when none).
    end: f64,
    /// The spans covering x, as (pass, position in that pass's list); empty when x is free.
    blockers: Blockers,
}

/// At most one span per pass covers a given x (a pass's spans do not overlap): a small array
/// (by pass, the position in that pass's list), not a `Vec`, since a room is asked for per
/// lane per event per pass (allocations were a third of a 100 000-event layout's time).
#[derive(Clone, Copy)]
struct Blockers {
    len: u8,
    at: [(u8, u32); PASSES],
}

impl Blockers {
    const NONE: Blockers = Blockers { len: 0, at: [(0, 0); PASSES] };

    fn push(&mut self, (pass, pos): (usize, usize)) {
        self.at[usize::from(self.len)] = (pass as u8, pos as u32);
        self.len += 1;
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn iter(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.at[..usize::from(self.len)].iter().map(|&(q, c)| (usize::from(q), c as usize))
    }
}

impl Lane {
    fn new(passes: usize) -> Lane {
        Lane { passes: vec![Vec::new(); passes], cursors: vec![0; passes] }
    }

    fn begin(&mut self) {
        self.cursors.iter_mut().for_each(|c| *c = 0);
    }

    /// The room at `a` during `pass`, for an `a` no smaller than in the previous call of the
    /// same pass. O(passes) amortised.
    fn room(&mut self, pass: usize, a: f64) -> Room {
        let mut room = Room { end: f64::INFINITY, blockers: Blockers::NONE };
        for q in 0..=pass {
            let list = &self.passes[q];
            let c = if q == pass {
                list.len() // the current pass's spans all start at or before `a`
            } else {
                let c = &mut self.cursors[q];
                while *c < list.len() && list[*c].a < a {
                    *c += 1;
                }
                if let Some(next) = list.get(*c) {
                    room.end = room.end.min(next.a);
                }
                *c
            };
            if c > 0 && list[c - 1].b > a {
                room.blockers.push((q, c - 1));
            }
        }
        room
    }

    fn insert(&mut self, pass: usize, span: Span) {
        debug_assert!(self.passes[pass].last().is_none_or(|s| s.a <= span.a), "out of order");
        self.passes[pass].push(span);
    }

    /// Whether `[a, b)` is free in every list up to `pass`, by binary search: for the rare span
    /// that starts before the current event (a title drawn to the left), where the cursors,
    /// which only move forward, cannot answer.
    fn is_free_anywhere(&self, pass: usize, a: f64, b: f64) -> bool {
        self.passes[..=pass].iter().all(|list| {
            let i = list.partition_point(|s| s.a < b);
            i == 0 || list[i - 1].b <= a
        })
    }

    /// Inserts a span that may start before spans already in the list, keeping it sorted.
    fn insert_sorted(&mut self, pass: usize, span: Span) {
        let list = &mut self.passes[pass];
        let i = list.partition_point(|s| s.a <= span.a);
        list.insert(i, span);
    }

    fn is_empty(&self) -> bool {
        self.passes.iter().all(Vec::is_empty)
    }
}

/// Lays out `shapes` (in any order; the bundle's is by first day) at `level` in at most
/// `max_lanes` lanes, with 13 px labels that may wrap.
pub fn layout(shapes: &[Shape], level: i32, max_lanes: u16) -> Layout {
    layout_with(shapes, level, max_lanes, 1.0, true)
}

/// [`layout`] with labels drawn `text` times the 13 px font (see [`PRESENT_TEXT`]); `wrap`
/// allows two-line labels (presentation mode's taller text has no room for them).
pub fn layout_with(shapes: &[Shape], level: i32, max_lanes: u16, text: f64, wrap: bool) -> Layout {
    layout_until(shapes, level, max_lanes, text, wrap, f64::INFINITY)
}

/// [`layout_with`] for a range that ends at day `end`: a whole title that would run past it is
/// drawn to the left of its marker where its lane has room there.
///
/// Three phases, each a pass per importance class (landmarks first) in anchor order:
/// 1. whole titles: the lowest lane where the title fits, on one line or two (two first where
///    one line would reach over the next marker);
/// 2. for the events left, the roomiest free lane, with the title cut where the room ends (or a
///    bare marker where not even [`MIN_CUT_PX`] fits);
/// 3. for the events still left, a lane where a label reaching over the marker can be cut short
///    to make room: markers come before labels, so an event folds into a cluster only where
///    markers themselves are too dense.
pub fn layout_until(
    shapes: &[Shape],
    level: i32,
    max_lanes: u16,
    text: f64,
    wrap: bool,
    end: f64,
) -> Layout {
    layout_at(shapes, level, 0.0, max_lanes, text, wrap, end)
}

/// [`layout_until`] fitted at `min_ppd` px per day where that lies inside `level`: the
/// narrowest scale the reader can see there. A level's layout must hold from the bottom of
/// its band, but the whole range is the widest view there is: on a 1 170 px track the real
/// dataset's whole range sits 12 % above its level's bottom, room the titles then get.
pub fn layout_at(
    shapes: &[Shape],
    level: i32,
    min_ppd: f64,
    max_lanes: u16,
    text: f64,
    wrap: bool,
    end: f64,
) -> Layout {
    layout_keeping(shapes, level, min_ppd, max_lanes, text, wrap, end, &[])
}

/// [`layout_at`] where each event goes to its lane in `prefer` (by shape) if it can: a whole
/// title when it fits there whole (else the lowest lane where it does), a shortened one when
/// that lane is free at its marker (else the roomiest). The widget passes the lanes of the
/// coarser level the reader is zooming in from, so that titles do not jump between lanes at
/// every level crossed: on the real dataset 95 % keep their lane from level to level, against
/// 69 % without (`tests/core_layout.rs`). Where titles crowd (1 000 events over the range)
/// it helps little until the deeper levels: whole titles win over kept lanes. Not used when
/// zooming out: there room is short and the lowest lane packs the most whole titles.
#[allow(clippy::too_many_arguments)]
pub fn layout_keeping(
    shapes: &[Shape],
    level: i32,
    min_ppd: f64,
    max_lanes: u16,
    text: f64,
    wrap: bool,
    end: f64,
    prefer: &[Option<u16>],
) -> Layout {
    let text = if text.is_finite() && text > 0.0 { text } else { 1.0 };
    let ppd = fitted_ppd(level, min_ppd);
    // Where a title must stop: the UI keeps 28 px before the end of the range clear.
    let wall = end * ppd - 15.0;
    let max_lanes = max_lanes.max(1);
    let class = |s: &Shape| s.importance.clamp(1, 3) as usize - 1;
    let preferred = |index: usize| {
        prefer.get(index).copied().flatten().filter(|&l| l < max_lanes).map(usize::from)
    };
    // Pass 0 holds the titles drawn left of their markers at the end of the range; passes 1–9
    // are the three phases per class.
    let mut lanes: Vec<Lane> = (0..max_lanes).map(|_| Lane::new(PASSES)).collect();
    let mut placed: Vec<Placed> = Vec::with_capacity(shapes.len());
    let mut overflow = Vec::new();
    let order = by_anchor(shapes, 0..shapes.len());
    // Marker starts in anchor order, to count how many later markers a label would reach over.
    let starts: Vec<f64> =
        order.iter().map(|&i| shapes[i].anchor * ppd - MARKER_PX / 2.0).collect();
    let first_x = starts.iter().copied().find(|x| x.is_finite()).unwrap_or(f64::NEG_INFINITY);
    // Per class, the events (positions in `order`) the current phase considers.
    let mut todo: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    // Markers anchored within a quarter of a marker's width of each other overlap, so at most
    // one per lane comes from each such stretch: where more crowd one, only the first twice as
    // many as there are lanes (landmarks first, then in anchor order, as the passes take them)
    // go through the passes, and the rest fold into clusters at once. With 100 000 events a
    // layout at the whole range took 114 ms (native, every event through every pass) and now
    // 22 ms, placing 336 markers instead of 355; from 16 times the whole range on nothing
    // crowds so and nothing changes. The real dataset never crowds so either: it is laid out
    // exactly as without this.
    let keep_per_bin = 2 * usize::from(max_lanes);
    let bin = |k: usize| (shapes[order[k]].anchor * ppd * 4.0 / MARKER_PX).floor();
    let mut k = 0;
    while k < order.len() {
        let index = order[k];
        let s = &shapes[index];
        if !s.anchor.is_finite() || !s.end.is_finite() {
            overflow.push(index); // nowhere to draw it; a cluster still counts it
            k += 1;
            continue;
        }
        let b = bin(k);
        let run_end = (k..order.len())
            .find(|&j| {
                let t = &shapes[order[j]];
                !(t.anchor.is_finite() && t.end.is_finite() && bin(j) == b)
            })
            .unwrap_or(order.len());
        if run_end - k <= keep_per_bin {
            for j in k..run_end {
                todo[class(&shapes[order[j]])].push(j);
            }
        } else {
            let by_rank = &|x: &usize, y: &usize| {
                class(&shapes[order[*x]]).cmp(&class(&shapes[order[*y]])).then(x.cmp(y))
            };
            let ranked = sorted_by((k..run_end).collect(), by_rank);
            for &j in &ranked[keep_per_bin..] {
                overflow.push(order[j]);
            }
            for j in sorted_by(ranked[..keep_per_bin].to_vec(), &|x, y| x.cmp(y)) {
                todo[class(&shapes[order[j]])].push(j);
            }
        }
        k = run_end;
    }
    // First the end of the range, from the last event back: a whole title that would run past
    // the end goes to the left of its marker, in the lowest lane with room there, before the
    // titles of earlier events (running right, towards the end) take that room. Landmarks
    // first.
    for todo_c in &mut todo {
        let mut kept = Vec::with_capacity(todo_c.len());
        for &k in todo_c.iter().rev() {
            let index = order[k];
            let s = &shapes[index];
            let (_, line_end) = full_extent(s, Label::Line, ppd, text);
            let wrapped_end = wrapped_end(s, wrap, ppd, text);
            let past_end = s.label_px > 0.0 && line_end - GAP_PX > wall && pointlike(s, ppd);
            let left = past_end
                .then(|| {
                    [(Label::Line, Some(line_end)), (Label::Wrapped, wrapped_end)]
                        .into_iter()
                        .find_map(|(label, b)| {
                            b?;
                            let (la, lb) = left_extent(s, label, ppd, text);
                            // Not past the first marker either: the start of the range is there.
                            if la < first_x {
                                return None;
                            }
                            // The markers such titles reach over come before labels and need
                            // lanes too: at most one lane in eight of a crowded stretch (a
                            // quarter or half of the lanes folded markers into clusters on the
                            // real dataset; one gave the most whole titles), and no more than
                            // half the lanes, with the markers below, of a sparse one.
                            let taken =
                                lanes.iter().filter(|l| !l.is_free_anywhere(0, la, lb)).count();
                            let covered = starts.partition_point(|&x| x < lb)
                                - starts.partition_point(|&x| x < la);
                            let lanes_n = usize::from(max_lanes);
                            if taken >= (lanes_n / 8).max(1) && taken + covered > lanes_n / 2 {
                                return None;
                            }
                            let lane = preferred(index)
                                .filter(|&l| lanes[l].is_free_anywhere(0, la, lb))
                                .or_else(|| {
                                    lanes.iter().position(|l| l.is_free_anywhere(0, la, lb))
                                })?;
                            Some((lane, label, la, lb))
                        })
                })
                .flatten();
            match left {
                Some((lane, label, la, lb)) => {
                    lanes[lane].insert_sorted(0, Span { a: la, b: lb, item: placed.len() });
                    let mut p = Placed::bare(index, lane as u16);
                    p.label = label;
                    p.left = true;
                    placed.push(p);
                }
                None => kept.push(k),
            }
        }
        kept.reverse();
        *todo_c = kept;
    }
    // Then three phases, each a pass per class in importance order: whole titles where they
    // fit; then, for the rest, a marker with as much of its title as fits where nothing is in
    // the way; last, a marker that cuts short a label reaching over it.
    let mut rooms: Vec<Room> = Vec::with_capacity(usize::from(max_lanes));
    for pass in 1..PASSES {
        let (phase, c) = ((pass - 1) / 3, (pass - 1) % 3);
        lanes.iter_mut().for_each(Lane::begin);
        let mut deferred = Vec::new();
        for k in std::mem::take(&mut todo[c]) {
            let index = order[k];
            let s = &shapes[index];
            let (a, bare_end) = full_extent(s, Label::Bare, ppd, text);
            let (_, line_end) = full_extent(s, Label::Line, ppd, text);
            let wrapped_end = wrapped_end(s, wrap, ppd, text);
            let cut_end = s.anchor * ppd
                + LABEL_OFFSET_PX * text.max(1.0)
                + LABEL_PAD_PX
                + MIN_CUT_PX.min(s.label_px * text)
                + GAP_PX;
            rooms.clear();
            rooms.extend(lanes.iter_mut().map(|l| l.room(pass, a)));
            let free = |r: &Room, b: f64| r.blockers.is_empty() && r.end >= b;
            // Two lines first where one would reach over as many later markers as there are
            // other lanes: they would have nowhere to go but under a cut.
            let over = starts[k + 1..].partition_point(|&x| x < line_end);
            let wrap_first = wrapped_end.is_some() && over >= (usize::from(max_lanes) / 2).max(2);
            let mut options = [(Label::Line, Some(line_end)), (Label::Wrapped, wrapped_end)];
            if wrap_first {
                options.swap(0, 1);
            }
            // The lowest lane with the whole title, on one line or two. (Best fit, the lane
            // wasting the least room before it, gave one title fewer on the real dataset.)
            let fits = |lane: usize| {
                options.iter().find_map(|&(label, b)| {
                    b.filter(|&b| free(&rooms[lane], b)).map(|b| (lane, label, b))
                })
            };
            let whole = preferred(index).and_then(fits).or_else(|| (0..rooms.len()).find_map(fits));
            // A whole title that would run past the end of the range is not whole there: the
            // UI cuts it at the end (it found no room on the left of its marker, above). A
            // range's too: its title starts at its marker, whatever its bar.
            let whole = whole.filter(|w| head_end(s, w.1, ppd, text) <= wall);
            // Else the roomiest lane, shortening labels that reach over the marker if need be.
            let spot = whole.filter(|_| phase == 0).or_else(|| {
                if phase == 0 {
                    return None;
                }
                // Markers before labels: a label of any importance yields to a marker, so an
                // event folds into a cluster only where markers themselves are too dense.
                let shortenable = |lane: usize, r: &Room| {
                    phase == 2
                        && r.blockers.iter().all(|(q, c)| {
                            let item = lanes[lane].passes[q][c].item;
                            bare_end_of(shapes, &placed[item], ppd, text) <= a
                        })
                };
                let mut best: Option<(usize, f64)> = None;
                // The lane kept from the coarser level, where it is free.
                if let Some(lane) = preferred(index) {
                    let r = &rooms[lane];
                    if r.end >= bare_end && r.blockers.is_empty() {
                        best = Some((lane, f64::INFINITY));
                    }
                }
                for (lane, r) in rooms.iter().enumerate() {
                    let ok = r.end >= bare_end && (r.blockers.is_empty() || shortenable(lane, r));
                    // A free lane beats one where a label must be cut; then the most room.
                    let key = r.end - if r.blockers.is_empty() { 0.0 } else { 1e12 };
                    if ok && best.is_none_or(|(_, k)| key > k) {
                        best = Some((lane, key));
                    }
                }
                let (lane, _) = best?;
                // A title stops at the end of the range (a bar may go on to it).
                let end = rooms[lane].end.min((wall + GAP_PX).max(bare_end));
                Some(if end >= line_end {
                    (lane, Label::Line, line_end)
                } else if let Some(b) = wrapped_end.filter(|&b| end >= b) {
                    (lane, Label::Wrapped, b)
                } else if s.label_px > 0.0 && end >= cut_end.max(bare_end) {
                    (lane, Label::Cut, end)
                } else {
                    (lane, Label::Bare, bare_end)
                })
            });
            let Some((lane, label, b)) = spot else {
                if phase == 2 {
                    overflow.push(index);
                } else {
                    deferred.push(k);
                }
                continue;
            };
            // Shorten what reaches over the marker: it ends at `a` now.
            for (q, c) in rooms[lane].blockers.iter() {
                let item = lanes[lane].passes[q][c].item;
                let p = &mut placed[item];
                let ps = &shapes[p.index];
                let start = ps.anchor * ppd + LABEL_OFFSET_PX * text.max(1.0) + LABEL_PAD_PX;
                p.label = if a - GAP_PX - start >= MIN_CUT_PX.min(ps.label_px * text) {
                    Label::Cut
                } else {
                    Label::Bare
                };
                let span = &mut lanes[lane].passes[q][c];
                span.b = if p.label == Label::Cut {
                    a
                } else {
                    full_extent(ps, Label::Bare, ppd, text).1
                };
            }
            lanes[lane].insert(pass, Span { a, b, item: placed.len() });
            placed.push(Placed { label, ..Placed::bare(index, lane as u16) });
        }
        todo[c] = deferred;
    }
    let mut placed = sorted_by(placed, &|a, b| a.index.cmp(&b.index));
    link_neighbours(shapes, &mut placed, max_lanes, text);
    let used = lanes.iter().rposition(|l| !l.is_empty()).map_or(0, |i| i + 1) as u16;
    let overflow = by_anchor(shapes, overflow);
    Layout { level, ppd, text, lanes: used, placed, clusters: clusters(shapes, &overflow, ppd) }
}

/// Whole titles that would run past the right edge of the view (days `[v0, v1)` at `ppd`) go
/// to the left of their marker where the view and their lane have room there: zoomed to a
/// year, a December event's title is read whole instead of running off the screen. `placed` is
/// what is drawn, in any order; only whole titles move.
pub fn flip_at_view_edge(
    placed: &mut [Placed],
    shapes: &[Shape],
    (v0, v1): (f64, f64),
    ppd: f64,
    text: f64,
) {
    if !(ppd > 0.0 && ppd.is_finite()) {
        return;
    }
    let (left_edge, right_edge) = (v0 * ppd, v1 * ppd);
    let mut order: Vec<usize> = (0..placed.len()).collect();
    sort_indices(&mut order, &|a, b| {
        let (pa, pb) = (&placed[a], &placed[b]);
        pa.lane
            .cmp(&pb.lane)
            .then(shapes[pa.index].anchor.total_cmp(&shapes[pb.index].anchor))
            .then(a.cmp(&b))
    });
    // Per lane, where the previous item's extent ends.
    let mut lane = None;
    let mut reach = f64::NEG_INFINITY;
    for i in order {
        let p = placed[i];
        if lane != Some(p.lane) {
            lane = Some(p.lane);
            reach = f64::NEG_INFINITY;
        }
        let s = &shapes[p.index];
        let whole = matches!(p.label, Label::Line | Label::Wrapped);
        // A range too, where its bar is shorter than its title (its title does not slide
        // along the bar then: it starts at the marker either way).
        let short = (s.end - s.anchor) * ppd < label_box_px(s, p.label, text);
        let on_screen = s.anchor * ppd <= right_edge;
        if whole && !p.left && short && on_screen && head_end(s, p.label, ppd, text) > right_edge {
            let (a, _) = left_extent(s, p.label, ppd, text);
            if a >= left_edge && a >= reach {
                placed[i].left = true;
            }
        }
        reach = reach.max(extent_of(s, &placed[i], ppd, text).1);
    }
}

/// Where an item's extent ends without its label (its marker or its bar).
fn bare_end_of(shapes: &[Shape], p: &Placed, ppd: f64, text: f64) -> f64 {
    full_extent(&shapes[p.index], Label::Bare, ppd, text).1
}

/// Sets each placed item's [`Placed::next`] and [`Placed::next_px`]: its next neighbour in its lane.
fn link_neighbours(shapes: &[Shape], placed: &mut [Placed], lanes: u16, text: f64) {
    let mut by_lane: Vec<Vec<usize>> = vec![Vec::new(); usize::from(lanes)];
    for (i, p) in placed.iter().enumerate() {
        by_lane[usize::from(p.lane)].push(i);
    }
    for mut items in by_lane {
        sort_indices(&mut items, &|a, b| {
            let (sa, sb) = (&shapes[placed[a].index], &shapes[placed[b].index]);
            sa.anchor.total_cmp(&sb.anchor).then(a.cmp(&b))
        });
        for w in items.windows(2) {
            placed[w[0]].next = shapes[placed[w[1]].index].anchor;
            // A next title drawn on the left of its marker takes room from a cut one.
            let n = placed[w[1]];
            if n.left {
                let ns = &shapes[n.index];
                placed[w[0]].next_px =
                    LEFT_GAP_PX * text.max(1.0) + label_box_px(ns, n.label, text) - MARKER_PX / 2.0;
            }
        }
    }
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
        Shape { anchor: day, end: day, importance, label_px: 140.0, wrap_px: 80.0 }
    }

    #[test]
    fn far_apart_events_share_the_first_lane_with_full_titles() {
        let shapes = [point(0.0, 1), point(3000.0, 2)];
        let l = layout(&shapes, 16, 4);
        assert!(l.placed.iter().all(|p| p.lane == 0 && p.label == Label::Line));
        assert!(l.clusters.is_empty());
    }

    #[test]
    fn events_on_one_day_stack_then_cluster() {
        let shapes: Vec<_> = (0..10).map(|_| point(100.0, 3)).collect();
        let l = layout(&shapes, 12, 3);
        assert_eq!(l.placed.len(), 3);
        assert_eq!(l.clusters.len(), 1);
        assert_eq!(l.clusters[0].indices.len(), 7);
    }

    #[test]
    fn landmarks_win_lanes_over_minor_events() {
        let mut shapes: Vec<_> = (0..5).map(|_| point(100.0, 3)).collect();
        shapes.push(point(100.0, 1));
        let l = layout(&shapes, 12, 1);
        assert_eq!(l.placed.len(), 1);
        assert_eq!(l.placed[0].index, 5);
    }

    #[test]
    fn every_importance_gets_its_title_where_there_is_room() {
        // Twenty events five years apart over a century at about 11 px a year (level 7):
        // 56 px between markers, 140 px titles; minor events get theirs too.
        let shapes: Vec<_> = (0..20).map(|i| point(f64::from(i) * 365.25 * 5.0, 2)).collect();
        let l = layout(&shapes, 7, 7);
        assert!(l.placed.iter().all(|p| p.label != Label::Bare), "{:?}", l.placed);
        assert!(l.lanes > 1, "more rows are used before titles are cut");
    }

    #[test]
    fn a_title_is_cut_only_as_far_as_its_neighbour_requires() {
        // Two landmarks 100 px apart in one lane: the first is cut at the second.
        let ppd = level_px_per_day(16);
        let shapes = [point(0.0, 1), point(100.0 / ppd, 1)];
        let l = layout(&shapes, 16, 1);
        assert_eq!(l.placed[0].label, Label::Cut);
        assert_eq!(l.placed[0].next, shapes[1].anchor);
        assert_eq!(l.placed[1].label, Label::Line);
        let (_, b) = extent_of(&shapes[0], &l.placed[0], ppd, 1.0);
        assert!(b <= shapes[1].anchor * ppd - MARKER_PX / 2.0 + 1e-9);
    }

    #[test]
    fn estimated_wraps_at_the_middle_word() {
        let s = Shape::estimated(0.0, 0.0, 2, "Treaty of Friendship, Alliance");
        assert_eq!(s.label_px, 30.0 * EST_CHAR_PX);
        assert_eq!(s.wrap_px, 20.0 * EST_CHAR_PX); // "Treaty of Friendship," / "Alliance"
    }
}
