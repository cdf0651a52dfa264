//! Properties of the continuous time scale (`core::scale`): `day_at` inverts `x`, zooming keeps
//! the day under the pointer, zooming in and back out restores the view, the view never leaves
//! the extent, panning keeps the span and stops at the edges, `constrain` is idempotent and no
//! input, however broken, yields a non-finite view.
//!
//! Each property runs against the real extent (1950-01-01..1965-12-31) and against arbitrary
//! extents, from a fraction of a day to tens of thousands of years, with fractional ends.
//! Tolerances are relative to the magnitude of the day numbers involved: the arithmetic is
//! `f64`, and an error of a few ulps is not a bug.

use proptest::prelude::*;
use timeline::core::calendar::day_number;
use timeline::core::scale::{wheel_factor, Extent, Layer, View, MAX_LAYER_PX, MIN_SPAN_DAYS};

fn real_extent() -> Extent {
    Extent::days(day_number(1950, 1, 1), day_number(1965, 12, 31))
}

/// The real extent half the time; otherwise whole-day extents or continuous ones with
/// fractional ends, some shorter than a week.
fn extent() -> impl Strategy<Value = Extent> {
    prop_oneof![
        2 => Just(real_extent()),
        1 => (-3_000_000_i32..3_000_000, 0_i32..200_000)
            .prop_map(|(first, len)| Extent::days(first, first + len)),
        1 => (-1e7_f64..1e7, -3.0_f64..7.0).prop_map(|(start, log_span)| Extent {
            start,
            end: start + 10f64.powf(log_span),
        }),
    ]
}

/// A view inside `e` with a log-uniform span in `[min_span, span]` at position `t` in 0..=1.
fn view_in(e: Extent, log_t: f64, t: f64) -> View {
    let span = e.min_span() * (e.span() / e.min_span()).powf(log_t);
    let span = span.clamp(e.min_span(), e.span());
    let start = (e.start + (e.span() - span) * t).clamp(e.start, e.end - span);
    View { start, end: start + span }.constrain(e)
}

/// An extent and a valid view inside it.
fn extent_and_view() -> impl Strategy<Value = (Extent, View)> {
    (extent(), 0.0_f64..=1.0, 0.0_f64..=1.0).prop_map(|(e, log_t, t)| (e, view_in(e, log_t, t)))
}

/// The widget widths the scale meets: a phone to a wide desktop, and odd tiny ones.
fn width() -> impl Strategy<Value = f64> {
    prop_oneof![4 => 320.0_f64..2560.0, 1 => 1.0_f64..320.0]
}

/// The size of the day numbers in play: errors of a few ulps scale with it.
fn magnitude(e: Extent) -> f64 {
    e.start.abs().max(e.end.abs()).max(e.span()).max(1.0)
}

/// `a` and `b` agree to within a relative tolerance of `mag`.
fn close(a: f64, b: f64, mag: f64) -> bool {
    (a - b).abs() <= 1e-9 * mag
}

/// The invariant every view handed to the UI satisfies.
fn assert_valid(v: View, e: Extent) -> Result<(), TestCaseError> {
    prop_assert!(v.start.is_finite() && v.end.is_finite(), "{:?} in {:?}", v, e);
    prop_assert!(e.start <= v.start && v.end <= e.end, "{:?} leaves {:?}", v, e);
    prop_assert!(v.span() <= e.span(), "{:?} wider than {:?}", v, e);
    let short = e.min_span() - v.span();
    prop_assert!(short <= 1e-12 * magnitude(e), "{:?} narrower than allowed by {}", v, short);
    Ok(())
}

/// Where the browser draws `day`: the layer's left edge plus the marker's percentage, as the
/// widget writes it (six decimals), of the layer's width.
fn drawn_x(layer: Layer, v: View, w: f64, day: f64) -> f64 {
    let pct = (layer.pct(day) * 1e6).round() / 1e6;
    v.x(layer.o, w) + pct / 100.0 * (layer.s * v.px_per_day(w))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Through any walk of zooms and pans, the layer stays within what Blink can place to a
    /// quarter pixel, reaches past the view on both sides, puts every visible day where the
    /// scale does, and is the whole extent whenever that is narrow enough (then it never moves).
    #[test]
    fn the_track_layer_places_what_the_scale_places(
        (e, v) in extent_and_view(),
        w in width(),
        steps in proptest::collection::vec((0.0_f64..=1.0, 0.25_f64..4.0, -3000.0_f64..3000.0), 1..12),
    ) {
        let mut v = v;
        let mut layer: Option<Layer> = None;
        for (at, factor, dx) in steps {
            v = v.zoom_at(at * w, w, factor, e).pan_px(dx, w, e);
            let screen = v.screen(w);
            let l = Layer::fit(layer, e, screen, w);
            let px = l.s * screen.ppd;
            let whole = e.span() * screen.ppd <= MAX_LAYER_PX;
            if whole {
                prop_assert_eq!(l, Layer { o: e.start, s: e.span() });
            } else {
                prop_assert!(px <= MAX_LAYER_PX * (1.0 + 1e-9), "{} px", px);
                prop_assert!(l.o <= v.start && l.o + l.s >= v.end, "{:?} {:?}", l, v);
                // Kept while it still reaches a view's width past both edges.
                if let Some(p) = layer {
                    let reach = p.o <= v.start - v.span() && p.o + p.s >= v.end + v.span();
                    if reach && p.s * screen.ppd <= MAX_LAYER_PX { prop_assert_eq!(l, p); }
                }
            }
            for t in [0.0, 0.37, 1.0] {
                let day = v.start + v.span() * t;
                let err = (drawn_x(l, v, w, day) - v.x(day, w)).abs();
                prop_assert!(err < 0.05 + 1e-9 * magnitude(e) * screen.ppd, "{} px off at {}", err, day);
            }
            layer = Some(l);
        }
    }
}

proptest! {
    // Failures are kept as named regression tests below, not in a persistence file.
    #![proptest_config(ProptestConfig {
        cases: 1024,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn day_at_inverts_x((e, v) in extent_and_view(), w in width(), t in -0.5_f64..1.5) {
        let day = v.start + v.span() * t;
        let back = v.day_at(v.x(day, w), w);
        prop_assert!(close(back, day, magnitude(e)), "{} -> {}", day, back);
        let px = w * t;
        prop_assert!((v.x(v.day_at(px, w), w) - px).abs() <= 1e-9 * w * magnitude(e) / v.span());
    }

    #[test]
    fn zoom_at_by_f_then_by_one_over_f_restores_the_view(
        (e, v) in extent_and_view(),
        w in width(),
        anchor in 0.0_f64..=1.0,
        f_t in 0.0_f64..=1.0,
    ) {
        // Only factors whose zoom-in stays at or above the minimum span: then neither step hits a
        // limit (zooming in at a point of the view stays inside the view, and zooming back out
        // lands on the original view, which is inside the extent). A view already at the minimum
        // span gets factor 1, which must restore it too.
        let f = (v.span() / e.min_span()).powf(f_t).max(1.0);
        let a = anchor * w;
        let zoomed = v.zoom_at(a, w, f, e);
        prop_assert!(close(zoomed.span(), v.span() / f, magnitude(e)));
        let back = zoomed.zoom_at(a, w, 1.0 / f, e);
        let mag = magnitude(e);
        prop_assert!(close(back.start, v.start, mag) && close(back.end, v.end, mag),
            "{:?} -> {:?} -> {:?}", v, zoomed, back);
    }

    #[test]
    fn zoom_at_keeps_the_anchor_day_under_the_anchor_unless_clamped_by_an_edge(
        (e, v) in extent_and_view(),
        w in width(),
        anchor in 0.0_f64..=1.0,
        log_f in -4.0_f64..4.0,
    ) {
        let a = anchor * w;
        let zoomed = v.zoom_at(a, w, 2f64.powf(log_f), e);
        assert_valid(zoomed, e)?;
        if zoomed.start > e.start && zoomed.end < e.end {
            let (before, after) = (v.day_at(a, w), zoomed.day_at(a, w));
            prop_assert!(close(before, after, magnitude(e)), "{} moved to {}", before, after);
        }
    }

    #[test]
    fn zoom_at_from_any_view_stays_inside_the_extent(
        e in extent(),
        start in -1e8_f64..1e8,
        span in -1e7_f64..1e8,
        w in width(),
        anchor in -1.0_f64..2.0,
        log_f in -60.0_f64..60.0,
    ) {
        let v = View { start, end: start + span };
        assert_valid(v.zoom_at(anchor * w, w, 2f64.powf(log_f), e), e)?;
    }

    #[test]
    fn pan_px_keeps_the_span_and_stops_at_the_edges(
        (e, v) in extent_and_view(),
        w in width(),
        dx in prop_oneof![-3000.0_f64..3000.0, -1e9_f64..1e9],
    ) {
        let panned = v.pan_px(dx, w, e);
        assert_valid(panned, e)?;
        let mag = magnitude(e);
        prop_assert!(close(panned.span(), v.span(), mag), "{:?} -> {:?}", v, panned);
        // Positive dx shows earlier days, never later ones.
        if dx >= 0.0 {
            prop_assert!(panned.start <= v.start);
        } else {
            prop_assert!(panned.start >= v.start);
        }
        // Beyond an edge (by more than rounding), the view sits exactly on it.
        let wanted = v.start - dx * v.span() / w;
        let slack = 1e-9 * mag;
        if wanted < e.start - slack {
            prop_assert_eq!(panned.start, e.start);
        } else if wanted + v.span() > e.end + slack {
            prop_assert_eq!(panned.end, e.end);
        } else {
            let expected = wanted.max(e.start).min(e.end - v.span());
            prop_assert!(close(panned.start, expected, mag), "{} != {}", panned.start, expected);
        }
    }

    #[test]
    fn constrain_is_idempotent_and_lands_inside_the_extent(
        e in extent(),
        start in prop_oneof![-1e8_f64..1e8, any::<f64>()],
        span in prop_oneof![-1e3_f64..1e8, any::<f64>()],
    ) {
        let once = View { start, end: start + span }.constrain(e);
        assert_valid(once, e)?;
        prop_assert_eq!(once.constrain(e), once);
    }

    #[test]
    fn constrain_leaves_a_valid_view_unchanged((e, v) in extent_and_view()) {
        prop_assert_eq!(v.constrain(e), v);
    }

    #[test]
    fn fitting_contains_first_and_last_when_they_fit(
        e in extent(),
        a in 0.0_f64..=1.0,
        b in 0.0_f64..=1.0,
        pad in prop_oneof![Just(0.0), 0.0_f64..0.5],
    ) {
        let (first, last) = (e.start + e.span() * a.min(b), e.start + e.span() * a.max(b));
        let (first, last) = (first.min(e.end), last.min(e.end));
        let v = View::fitting(first, last, pad, e);
        assert_valid(v, e)?;
        let slack = 1e-12 * magnitude(e);
        prop_assert!(v.start <= first + slack && last <= v.end + slack,
            "[{}, {}] not in {:?}", first, last, v);
    }

    #[test]
    fn centred_on_keeps_the_span_and_centres_where_it_can(
        (e, v) in extent_and_view(),
        t in -0.5_f64..1.5,
    ) {
        let day = e.start + e.span() * t;
        let c = v.centred_on(day, e);
        assert_valid(c, e)?;
        let mag = magnitude(e);
        prop_assert!(close(c.span(), v.span(), mag));
        if c.start > e.start && c.end < e.end {
            prop_assert!(close((c.start + c.end) / 2.0, day, mag));
        }
    }

    #[test]
    fn wheel_factor_is_positive_and_monotone(a in any::<f64>(), b in any::<f64>()) {
        let (fa, fb) = (wheel_factor(a), wheel_factor(b));
        prop_assert!(fa.is_finite() && fa > 0.0 && fb.is_finite() && fb > 0.0, "{} {}", a, b);
        if a <= b {
            prop_assert!(fa >= fb, "wheel_factor({}) = {} < wheel_factor({}) = {}", a, fa, b, fb);
        }
    }
}

#[test]
fn wheel_factor_over_every_half_pixel_is_positive_decreasing_and_symmetric() {
    assert_eq!(wheel_factor(0.0), 1.0);
    let mut previous = f64::INFINITY;
    for i in 0..=8000 {
        let dy = -2000.0 + 0.5 * f64::from(i);
        let f = wheel_factor(dy);
        assert!(f.is_finite() && f > 0.0 && f <= previous, "{dy}: {f}");
        // A notch up and a notch down cancel out.
        assert!((f * wheel_factor(-dy) - 1.0).abs() < 1e-12, "{dy}");
        previous = f;
    }
    // A 100 px notch zooms by about 15 %.
    assert!((wheel_factor(-100.0) - 1.1487).abs() < 1e-3);
}

/// The inputs that break naive arithmetic.
const SPECIAL: [f64; 10] =
    [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0, 1e308, -1e308, 5e-324, 1.0, 800.0];

#[test]
fn every_call_with_non_finite_or_extreme_input_yields_a_finite_view_inside_the_extent() {
    let extents = [
        real_extent(),
        Extent { start: 0.25, end: 3.5 },
        Extent { start: -1e7 + 0.1, end: 1e7 - 0.3 },
    ];
    let check = |v: View, e: Extent, what: &str| {
        assert!(v.start.is_finite() && v.end.is_finite(), "{what}: {v:?}");
        assert!(e.start <= v.start && v.end <= e.end, "{what}: {v:?} leaves {e:?}");
        assert!(v.span() >= e.min_span() - 1e-12 * magnitude(e), "{what}: {v:?}");
    };
    let mut cases = 0;
    for e in extents {
        let mid = (e.start + e.end) / 2.0;
        let views = [e.full(), View { start: mid - 3.0, end: mid + 4.0 }];
        for v in views.into_iter().chain(
            SPECIAL.iter().flat_map(|&s| SPECIAL.iter().map(move |&t| View { start: s, end: t })),
        ) {
            check(v.constrain(e), e, "constrain");
            for a in SPECIAL {
                check(v.centred_on(a, e), e, "centred_on");
                for w in SPECIAL {
                    check(v.pan_px(a, w, e), e, &format!("{v:?}.pan_px({a}, {w})"));
                    for f in SPECIAL {
                        let z = v.zoom_at(a, w, f, e);
                        check(z, e, &format!("{v:?}.zoom_at({a}, {w}, {f})"));
                        cases += 1;
                    }
                }
            }
        }
        for first in SPECIAL {
            for last in SPECIAL {
                for pad in SPECIAL {
                    check(View::fitting(first, last, pad, e), e, "fitting");
                }
            }
        }
    }
    assert!(cases > 30_000, "{cases}");
}

#[test]
fn zoom_at_stops_at_a_week_and_at_the_whole_range() {
    let e = real_extent();
    let mut v = e.full();
    for _ in 0..40 {
        v = v.zoom_at(123.0, 800.0, 2.0, e);
        assert!(v.span() >= MIN_SPAN_DAYS - 1e-9);
    }
    assert!((v.span() - MIN_SPAN_DAYS).abs() < 1e-9);
    for _ in 0..40 {
        v = v.zoom_at(700.0, 800.0, 0.5, e);
    }
    assert_eq!(v, e.full());
}

/// A bundle shorter than a week can only be shown whole.
#[test]
fn an_extent_shorter_than_a_week_is_always_shown_whole() {
    let e = Extent::days(0, 2);
    assert_eq!(e.min_span(), 3.0);
    assert_eq!(e.full().zoom_at(10.0, 100.0, 8.0, e), e.full());
    assert_eq!(e.full().pan_px(50.0, 100.0, e), e.full());
}

/// The story: `constrain` clamped the start with `clamp(extent.start, extent.end - span)`. When
/// the span was the whole extent, `extent.end - (extent.end - extent.start)` can round to just
/// below `extent.start`, and `f64::clamp` panics when its minimum exceeds its maximum, which in
/// the release build (`panic = "abort"`) kills the widget. `Prepared` pads the bundle's range by
/// 1.2 % of its span, so extents have fractional ends: a bundle for 1900–1961 (one of 814 such
/// year ranges between 1900 and 2029) crashed on "Show all". The real 1950–1965 bundle happens
/// to round the safe way. Now `constrain` uses `max`/`min` and never panics.
#[test]
fn zoom_at_out_to_the_whole_range_of_a_padded_1900_to_1961_extent_does_not_panic() {
    let days = Extent::days(day_number(1900, 1, 1), day_number(1961, 12, 31));
    let pad = days.span() * 0.012; // as `Prepared::new` pads
    let e = Extent { start: days.start - pad, end: days.end + pad };
    assert!(e.end - e.span() < e.start, "the extent that used to panic");
    let v = View { start: e.start + 100.0, end: e.start + 200.0 };
    assert_eq!(v.zoom_at(300.0, 800.0, 1e-6, e), e.full());
    assert_eq!(v.pan_px(-1e6, 800.0, e).end, e.end);
    assert_eq!(e.full().constrain(e), e.full());
}

/// The story: `constrain` recomputed every view from its centre, `start = mid - span / 2` and
/// `end = start + span`, so a view pushed against the right edge could end a few ulps *past*
/// the extent (zooming out at the left edge of 1950-01-01..1965-12-31 gave an end of
/// -1460.9999999999995 for an extent ending at -1461), and a valid view came back moved by an
/// ulp (not idempotent). Now a valid view is returned unchanged and edges are set exactly.
#[test]
fn zoom_at_out_near_the_right_edge_ends_exactly_at_the_extent() {
    let e = real_extent();
    let v = View { start: -2345.464059738143, end: -2078.5013829173117 };
    let z = v.zoom_at(0.0, 320.0, 2f64.powf(-3.853296171180732), e);
    assert_eq!(z.end, e.end);
    assert!(z.start >= e.start);
    assert_eq!(z.constrain(e), z);
}

/// The story: `pan_px` with a huge `dx` (a runaway drag delta) computed an infinite shift, the
/// view became `[-inf, -inf]` with a NaN span, and `constrain` fell back to the whole extent: a
/// drag far to the right while zoomed in on a year zoomed out to 1950–1965. The shift is now
/// bounded by the extent's span, so the view keeps its span and stops at the edge, and an
/// infinite centre goes to its edge.
#[test]
fn pan_px_by_a_huge_delta_keeps_the_span_and_stops_at_the_edge() {
    let e = real_extent();
    let v = e.full().zoom_at(400.0, 800.0, 16.0, e);
    for (dx, edge) in [(1e308, e.start), (-1e308, e.end)] {
        let p = v.pan_px(dx, 800.0, e);
        assert!((p.span() - v.span()).abs() < 1e-9, "{dx}: {p:?}");
        assert!(p.start == edge || p.end == edge, "{dx}: {p:?}");
    }
    assert_eq!(View { start: f64::NEG_INFINITY, end: -1e300 }.constrain(e).start, e.start);
}

/// The story: a NaN anchor (a pinch centre computed from no touches) made `zoom_at` compute a
/// NaN view, which `constrain` replaced by one centred on the extent: the view jumped to 1958.
/// It now zooms about the middle of the widget. A NaN wheel delta gave a NaN factor; it is now 1.
#[test]
fn zoom_at_with_a_nan_anchor_zooms_about_the_middle() {
    let e = real_extent();
    let v =
        View { start: f64::from(day_number(1952, 1, 1)), end: f64::from(day_number(1953, 1, 1)) };
    let z = v.zoom_at(f64::NAN, 800.0, 2.0, e);
    assert!((z.day_at(400.0, 800.0) - v.day_at(400.0, 800.0)).abs() < 1e-9, "{z:?}");
    assert_eq!(wheel_factor(f64::NAN), 1.0);
}
