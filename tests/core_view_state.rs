//! Properties of the reader's view state machine (`core::view_state`) and of culling
//! (`core::cull`): whatever the reader does, the view stays inside the extent, the tab stop
//! stays on an event the filter leaves, and the focused event is on screen after every key that
//! moves to it; keyboard zoom keeps the focused event's date where it was; zooming in and out
//! round-trips; culling by binary search returns every item a scan of all extents would.

use proptest::prelude::*;
use timeline::core::cull::Culler;
use timeline::core::layout::{extent_of, layout, level_of, level_px_per_day, Shape};
use timeline::core::scale::{Extent, View};
use timeline::core::view_state::{reduce, Action, Track, ViewState, REVEAL_MARGIN_PX};

const FIRST_DAY: f64 = -7305.0; // 1950-01-01
const LAST_DAY: f64 = -1462.0; // 1965-12-31

fn extent() -> Extent {
    Extent { start: FIRST_DAY - 70.0, end: LAST_DAY + 70.0 }
}

/// Events in time order (anchors ascending), some ranges.
fn events() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((0.0_f64..=1.0, 0_u16..400, any::<bool>()), 1..80).prop_map(|v| {
        let mut spans: Vec<(f64, f64)> = v
            .into_iter()
            .map(|(t, len, range)| {
                let first = (FIRST_DAY + t * (LAST_DAY - FIRST_DAY)).floor();
                // Inside the range, as a valid bundle's events are.
                (
                    first,
                    (first + if range { f64::from(len) + 1.0 } else { 1.0 }).min(LAST_DAY + 1.0),
                )
            })
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        spans
    })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0.0_f64..1280.0, 0.2_f64..5.0).prop_map(|(x, factor)| Action::ZoomAt { x, factor }),
        (prop_oneof![Just(2.0), Just(0.5)], any::<bool>())
            .prop_map(|(factor, on_focus)| Action::Zoom { factor, on_focus }),
        (-3000.0_f64..3000.0).prop_map(|px| Action::Pan { px }),
        prop_oneof![Just(-1_i8), Just(1)].prop_map(|dir| Action::PanStep { dir }),
        (-3_isize..=3).prop_map(Action::Walk),
        Just(Action::First),
        Just(Action::Last),
        (-2_isize..=2).prop_map(Action::Step),
        (0_usize..100).prop_map(Action::Focus),
        (0_usize..100).prop_map(Action::Open),
        Just(Action::Close),
        Just(Action::Refilter),
    ]
}

struct World {
    anchors: Vec<f64>,
    spans: Vec<(f64, f64)>,
    included: Vec<usize>,
    steps: Vec<usize>,
}

impl World {
    fn new(spans: Vec<(f64, f64)>, hidden_mask: u64) -> World {
        let anchors: Vec<f64> = spans.iter().map(|s| s.0).collect();
        let mut included: Vec<usize> =
            (0..spans.len()).filter(|i| hidden_mask >> (i % 64) & 1 == 0).collect();
        if included.is_empty() {
            included.push(0);
        }
        let steps = included.iter().copied().filter(|i| i % 3 != 1).collect();
        World { anchors, spans, included, steps }
    }

    fn track(&self) -> Track<'_> {
        Track {
            extent: extent(),
            anchors: &self.anchors,
            spans: &self.spans,
            included: &self.included,
            steps: &self.steps,
        }
    }
}

fn on_screen(s: &ViewState, day: f64) -> bool {
    s.view.start <= day && day <= s.view.end
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any sequence of actions: the view stays in the extent with a span it allows, the focus
    /// is an event, after a walk it is included and on screen, after a step it is open.
    #[test]
    fn every_action_sequence_keeps_the_invariants(
        spans in events(),
        mask in any::<u64>(),
        width in prop_oneof![Just(320.0), Just(768.0), Just(1280.0), Just(2560.0)],
        actions in prop::collection::vec(action(), 1..40),
    ) {
        let world = World::new(spans, mask);
        let track = world.track();
        let ext = extent();
        let mut s = reduce(ViewState::new(ext), Action::Resize(width), &track).state;
        s = reduce(s, Action::Refilter, &track).state;
        for a in actions {
            s = reduce(s, a, &track).state;
            prop_assert!(s.view.start >= ext.start && s.view.end <= ext.end, "{a:?}: {:?}", s.view);
            prop_assert!(s.view.span() >= ext.min_span() - 1e-6, "{a:?}: span {}", s.view.span());
            prop_assert!(s.focus < world.anchors.len());
            match a {
                Action::Walk(_) | Action::First | Action::Last => {
                    prop_assert!(world.included.binary_search(&s.focus).is_ok());
                    prop_assert!(on_screen(&s, world.anchors[s.focus]), "{a:?}: focus off screen");
                }
                Action::Step(_) if !world.steps.is_empty() => {
                    let open = s.selected.expect("a step opens an event");
                    prop_assert!(world.steps.binary_search(&open).is_ok());
                    prop_assert_eq!(open, s.focus);
                    let (first, last) = world.spans[open];
                    prop_assert!(s.view.start <= first && last <= s.view.end + 1e-6 || s.view.span() >= ext.span() - 1e-6);
                }
                Action::Refilter => {
                    prop_assert!(world.included.binary_search(&s.focus).is_ok());
                }
                _ => {}
            }
        }
    }

    /// `+` on a marker keeps the focused event's date under the same pixel (unless the edge of
    /// the range stops the view), and the event stays on screen through `-` too.
    #[test]
    fn keyboard_zoom_anchors_on_the_focused_event(
        spans in events(),
        pick in any::<prop::sample::Index>(),
        zooms in prop::collection::vec(prop_oneof![Just(2.0), Just(0.5)], 1..8),
    ) {
        let world = World::new(spans, 0);
        let track = world.track();
        let ext = extent();
        let mut s = reduce(ViewState::new(ext), Action::Resize(1280.0), &track).state;
        let i = pick.index(world.anchors.len());
        s = reduce(s, Action::Focus(i), &track).state;
        let day = world.anchors[i];
        for factor in zooms {
            let x0 = s.view.x(day, s.width);
            let next = reduce(s, Action::Zoom { factor, on_focus: true }, &track).state;
            let x1 = next.view.x(day, next.width);
            let clamped = next.view.start <= ext.start + 1e-9 || next.view.end >= ext.end - 1e-9
                || next.view.span() <= ext.min_span() + 1e-9;
            prop_assert!(clamped || (x1 - x0).abs() < 1e-6, "x {x0} → {x1}");
            prop_assert!(on_screen(&next, day), "focused event left the window");
            s = next;
        }
    }

    /// Zooming in then out at the same point returns to the same view, away from the edges.
    #[test]
    fn zoom_in_then_out_round_trips(x in 100.0_f64..1180.0, factor in 1.1_f64..4.0, mid in 0.3_f64..0.7) {
        let world = World::new(vec![(FIRST_DAY, FIRST_DAY + 1.0)], 0);
        let track = world.track();
        let ext = extent();
        let centre = ext.start + ext.span() * mid;
        let mut s = reduce(ViewState::new(ext), Action::Resize(1280.0), &track).state;
        s.view = View { start: centre - 400.0, end: centre + 400.0 };
        let before = s.view;
        let day = before.day_at(x, 1280.0);
        let zoomed = reduce(s, Action::ZoomAt { x, factor }, &track).state;
        prop_assert!((zoomed.view.day_at(x, 1280.0) - day).abs() < 1e-6, "the day under the pointer moved");
        let back = reduce(zoomed, Action::ZoomAt { x, factor: 1.0 / factor }, &track).state;
        prop_assert!((back.view.start - before.start).abs() < 1e-6 && (back.view.end - before.end).abs() < 1e-6,
            "{before:?} → {:?}", back.view);
    }

    /// Culling by binary search returns every placed item whose extent meets the window.
    #[test]
    fn culling_finds_every_item_a_full_scan_finds(
        spans in events(),
        zoom in 1.0_f64..1.41,
        from in 0.0_f64..1.0,
        frac in 0.01_f64..1.0,
    ) {
        let shapes: Vec<Shape> = spans
            .iter()
            .enumerate()
            .map(|(i, &(a, b))| {
                let end = if b - a > 1.0 { b } else { a };
                Shape::estimated(a, end, (i % 3) as u8 + 1, &"Treaty signed ".repeat(i % 4 + 1))
            })
            .collect();
        let level = level_of(1280.0 / extent().span());
        let l = layout(&shapes, level, 5);
        let culler = Culler::new(&l, &shapes);
        let ppd = level_px_per_day(level) * zoom;
        let ext = extent();
        let lo = ext.start + from * ext.span();
        let hi = lo + frac * ext.span();
        let got = culler.visible(&l, &shapes, lo, hi, ppd);
        for (pos, p) in l.placed.iter().enumerate() {
            let (a, b) = extent_of(&shapes[p.index], p, ppd, l.text);
            let meets = b / ppd >= lo && a / ppd <= hi;
            prop_assert!(!meets || got.contains(&pos), "item {pos} {p:?} {:?} extent {a}..{b} px at {ppd} meets [{lo}, {hi}] but was culled", shapes[p.index]);
        }
    }
}

/// The story: Tab to a marker, →, →, then `+` zoomed around the view's centre, the
/// focused marker left the DOM and focus fell to the page. Zoom on a marker now anchors on it.
#[test]
fn plus_on_a_marker_near_the_left_edge_keeps_it_on_screen() {
    let spans: Vec<(f64, f64)> = (0..10)
        .map(|i| (FIRST_DAY + 30.0 * f64::from(i), FIRST_DAY + 30.0 * f64::from(i) + 1.0))
        .collect();
    let world = World::new(spans, 0);
    let track = world.track();
    let mut s = reduce(ViewState::new(extent()), Action::Resize(1280.0), &track).state;
    for a in [Action::Focus(0), Action::Walk(1), Action::Walk(1)] {
        s = reduce(s, a, &track).state;
    }
    assert_eq!(s.focus, 2);
    for _ in 0..3 {
        s = reduce(s, Action::Zoom { factor: 2.0, on_focus: true }, &track).state;
        let x = s.view.x(world.anchors[2], s.width);
        assert!((0.0..=1280.0).contains(&x), "focused event at x = {x}");
    }
    // Off-centre: the centre-anchored zoom of before would have lost it by now.
    let centre = s.view.start + s.view.span() / 2.0;
    assert!((world.anchors[2] - centre).abs() > 1.0);
    let _ = REVEAL_MARGIN_PX;
}

/// A filter that hides the focused event moves focus to the nearest event it leaves, and says
/// so (the outcome's `refocused`).
#[test]
fn refilter_moves_focus_to_the_nearest_included_event() {
    let spans: Vec<(f64, f64)> =
        [0.0, 100.0, 130.0, 400.0].iter().map(|d| (FIRST_DAY + d, FIRST_DAY + d + 1.0)).collect();
    let mut world = World::new(spans, 0);
    let ext = extent();
    let mut s = reduce(ViewState::new(ext), Action::Resize(1280.0), &world.track()).state;
    s = reduce(s, Action::Focus(2), &world.track()).state;
    world.included = vec![0, 1, 3];
    let out = reduce(s, Action::Refilter, &world.track());
    assert!(out.refocused);
    assert_eq!(out.state.focus, 1);
    let again = reduce(out.state, Action::Refilter, &world.track());
    assert!(!again.refocused);
}
