//! The reader's view as a pure state machine: what is shown (the visible window), which event
//! holds the keyboard's tab stop, which popover is open, and every way a reader changes them.
//!
//! The UI turns DOM events into [`Action`]s and applies [`reduce`]'s result to its signals;
//! every rule about where the view goes lives here, where native property tests reach it (the
//! focused event stays inside the window, zoom in then out returns, the day under the pointer
//! stays under it). The shape is d3-zoom's and chartistry's: the transform is pure, the
//! component only draws it.

use crate::scale::{Extent, View};

/// The px kept between a revealed event and the window's edges.
pub const REVEAL_MARGIN_PX: f64 = 60.0;
/// The share of the width a Shift + arrow pans.
pub const PAN_STEP: f64 = 1.0 / 3.0;
/// Days shown on each side of a presentation step, beyond the event's own span.
pub const PRESENT_CONTEXT_DAYS: f64 = 240.0;

/// One widget's view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewState {
    pub view: View,
    /// The track's width in px (0 before the first measurement).
    pub width: f64,
    /// The event that holds the track's single tab stop.
    pub focus: usize,
    /// The event whose popover is open.
    pub selected: Option<usize>,
}

/// What the machine needs to know of the events: the extent, each event's anchor day and span,
/// and which events the filter and search leave.
#[derive(Clone, Copy, Debug)]
pub struct Track<'a> {
    pub extent: Extent,
    /// Per event, the day its marker sits on.
    pub anchors: &'a [f64],
    /// Per event, `[first day, last day + 1)`.
    pub spans: &'a [(f64, f64)],
    /// The events the category filter leaves, ascending (the bundle is in time order).
    pub included: &'a [usize],
    /// The events a reader steps through: `included` narrowed by the search.
    pub steps: &'a [usize],
}

/// Everything a reader can do to the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// Wheel, pinch or double-click: zoom by `factor` keeping the day under `x` px where it is.
    ZoomAt {
        x: f64,
        factor: f64,
    },
    /// A key or a button: zoom by `factor` around the focused event when `on_focus` and it is
    /// on screen, else around the centre.
    Zoom {
        factor: f64,
        on_focus: bool,
    },
    /// Drag or wheel: pan by `px` (positive shows earlier days).
    Pan {
        px: f64,
    },
    /// Shift + ←/→: pan a third of the width (`dir` −1 earlier, +1 later).
    PanStep {
        dir: i8,
    },
    /// ←/→ on the track: the included event `delta` away from the focus, revealed.
    Walk(isize),
    /// Home/End on the track.
    First,
    Last,
    /// Presentation mode: the step `delta` away from the open one (or the first step when none
    /// is open), opened and framed.
    Step(isize),
    /// Moves the tab stop to this event and brings it on screen.
    Focus(usize),
    /// Opens this event's popover (and focuses it), bringing it on screen.
    Open(usize),
    Close,
    /// A cluster: zoom to show `[first, last)` with a margin.
    Fit {
        first: f64,
        last: f64,
    },
    /// The overview: show this window (its edges dragged or the window moved).
    Show(View),
    /// The track was measured at a new width.
    Resize(f64),
    /// The filter or search changed: a focus the filter hides moves to the nearest event it
    /// leaves, and a popover it hides closes (the search only dims, so it hides nothing).
    Refilter,
}

/// What [`reduce`] did, beyond the new state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub state: ViewState,
    /// Whether the view change deserves an animation (keys and buttons) rather than an
    /// immediate jump (pointer input, which follows the hand).
    pub animate: bool,
    /// Whether the focused event changed in a way the reader did not ask for (it was filtered
    /// out): the UI says so to screen readers.
    pub refocused: bool,
}

impl ViewState {
    pub fn new(extent: Extent) -> ViewState {
        ViewState { view: extent.full(), width: 0.0, focus: 0, selected: None }
    }

    fn w(&self) -> f64 {
        if self.width > 0.0 {
            self.width
        } else {
            1.0
        }
    }

    /// The view moved just enough that `day` is on screen with [`REVEAL_MARGIN_PX`] to spare
    /// (centred on it when it was off screen), span unchanged.
    pub fn revealing(&self, day: f64, extent: Extent) -> View {
        let v = self.view;
        let margin = (REVEAL_MARGIN_PX * v.span() / self.w()).min(v.span() / 3.0);
        if day < v.start + margin || day > v.end - margin {
            v.centred_on(day, extent)
        } else {
            v
        }
    }
}

/// The item of `list` (ascending) `delta` places from `from`; when `from` is not in the list,
/// from where it would be (one step forward reaches the next item after it, one back the one
/// before it). Clamped to the list's ends; `None` for an empty list.
pub fn neighbour(list: &[usize], from: usize, delta: isize) -> Option<usize> {
    if list.is_empty() {
        return None;
    }
    let pos = match list.binary_search(&from) {
        Ok(p) => p as isize + delta,
        Err(p) if delta > 0 => p as isize + delta - 1,
        Err(p) => p as isize + delta,
    };
    Some(list[pos.clamp(0, list.len() as isize - 1) as usize])
}

/// The item of `list` (ascending) nearest to event `from` in time (ties go earlier).
pub fn nearest(list: &[usize], anchors: &[f64], from: usize) -> Option<usize> {
    let day = *anchors.get(from)?;
    let p = list.partition_point(|&i| i < from);
    let before = p.checked_sub(1).map(|q| list[q]);
    let after = list.get(p).copied();
    match (before, after) {
        (Some(b), Some(a)) => {
            Some(if (anchors[a] - day).abs() < (day - anchors[b]).abs() { a } else { b })
        }
        (b, a) => b.or(a),
    }
}

/// The view framing a presentation step: the event's span plus context on each side.
pub fn step_view(span: (f64, f64), extent: Extent) -> View {
    let (first, last) = span;
    let mid = (first + last) / 2.0;
    let half = ((last - first) / 2.0 + PRESENT_CONTEXT_DAYS).max(PRESENT_CONTEXT_DAYS);
    View { start: mid - half, end: mid + half }.constrain(extent)
}

/// The state after `action`. Never panics; indices outside the track are ignored.
pub fn reduce(state: ViewState, action: Action, track: &Track) -> Outcome {
    let extent = track.extent;
    let w = state.w();
    let mut s = state;
    let mut animate = true;
    let mut refocused = false;
    let valid = |i: usize| i < track.anchors.len();
    match action {
        Action::ZoomAt { x, factor } => {
            s.view = s.view.zoom_at(x, w, factor, extent);
            animate = false;
        }
        Action::Zoom { factor, on_focus } => {
            let at = track
                .anchors
                .get(s.focus)
                .filter(|_| on_focus)
                .map(|&d| s.view.x(d, w))
                .filter(|x| (0.0..=w).contains(x))
                .unwrap_or(w / 2.0);
            s.view = s.view.zoom_at(at, w, factor, extent);
            if on_focus && track.included.binary_search(&s.focus).is_ok() {
                // Zooming out near an edge may slide the window; the focus stays inside.
                s.view = s.revealing(track.anchors[s.focus], extent);
            }
        }
        Action::Pan { px } => {
            s.view = s.view.pan_px(px, w, extent);
            animate = false;
        }
        Action::PanStep { dir } => {
            s.view = s.view.pan_px(-f64::from(dir.signum()) * w * PAN_STEP, w, extent);
        }
        Action::Walk(delta) => {
            if let Some(i) = neighbour(track.included, s.focus, delta) {
                s.focus = i;
                s.view = s.revealing(track.anchors[i], extent);
            }
        }
        Action::First | Action::Last => {
            let end = if action == Action::First {
                track.included.first()
            } else {
                track.included.last()
            };
            if let Some(&i) = end {
                s.focus = i;
                s.view = s.revealing(track.anchors[i], extent);
            }
        }
        Action::Step(delta) => {
            let target = match s.selected {
                None => track.steps.first().copied(),
                Some(cur) => neighbour(track.steps, cur, delta),
            };
            if let Some(i) = target {
                s.focus = i;
                s.selected = Some(i);
                s.view = step_view(track.spans[i], extent);
            }
        }
        Action::Focus(i) if valid(i) => {
            s.focus = i;
            s.view = s.revealing(track.anchors[i], extent);
        }
        Action::Open(i) if valid(i) => {
            s.focus = i;
            s.selected = Some(i);
            s.view = s.revealing(track.anchors[i], extent);
        }
        Action::Focus(_) | Action::Open(_) => {}
        Action::Close => s.selected = None,
        Action::Fit { first, last } => s.view = View::fitting(first, last, 0.15, extent),
        Action::Show(v) => {
            s.view = v.constrain(extent);
            animate = false;
        }
        Action::Resize(width) => {
            s.width = if width.is_finite() { width.max(0.0) } else { 0.0 };
            animate = false;
        }
        Action::Refilter => {
            animate = false;
            if s.selected.is_some_and(|i| track.included.binary_search(&i).is_err()) {
                s.selected = None;
            }
            if track.included.binary_search(&s.focus).is_err() {
                if let Some(i) = nearest(track.included, track.anchors, s.focus) {
                    refocused = s.focus != i;
                    s.focus = i;
                    s.view = s.revealing(track.anchors[i], extent);
                }
            }
        }
    }
    s.view = s.view.constrain(extent);
    Outcome { state: s, animate, refocused }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbour_from_outside_the_list_goes_to_the_next_or_previous() {
        let list = [2, 5, 9];
        assert_eq!(neighbour(&list, 5, 1), Some(9));
        assert_eq!(neighbour(&list, 3, 1), Some(5));
        assert_eq!(neighbour(&list, 3, -1), Some(2));
        assert_eq!(neighbour(&list, 9, 1), Some(9));
        assert_eq!(neighbour(&list, 0, -1), Some(2));
        assert_eq!(neighbour(&[], 0, 1), None);
    }

    #[test]
    fn nearest_prefers_the_closer_in_time() {
        let anchors = [0.0, 10.0, 11.0, 30.0];
        assert_eq!(nearest(&[0, 3], &anchors, 1), Some(0));
        assert_eq!(nearest(&[0, 3], &anchors, 2), Some(0));
        assert_eq!(nearest(&[3], &anchors, 1), Some(3));
        assert_eq!(nearest(&[], &anchors, 1), None);
    }
}
