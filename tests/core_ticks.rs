//! Properties of the axis (`core::ticks::axis`) for every width a reader may have and every view
//! the zoom allows, in both languages: ticks increase strictly, lie inside the view, sit on nice
//! boundaries for their unit, their labels never overlap, a reader always sees at least two
//! reference points, and labels and context read as the design says ("1958", "Agu", "23 Agu").
//!
//! Widths are pinned (320..=2560 px every 16 px, plus arbitrary ones) and so is the label width
//! estimate (`ticks::label_px`): the overlap property is about the core's arithmetic, not fonts.

use proptest::prelude::*;
use timeline::core::calendar::{civil_from_day, day_number, weekday};
use timeline::core::i18n::{month_short, year_label, Lang};
use timeline::core::scale::{Extent, View, MIN_SPAN_DAYS};
use timeline::core::ticks::{axis, choose_unit, label_px, Axis, Unit, CHAR_PX, LABEL_GAP_PX};

/// A label is drawn left-aligned this far right of its tick line (`.tl-tick__label { left: 4px }`).
const LABEL_OFFSET_PX: f64 = 4.0;

// The gap `label_px` adds covers the offset and leaves at least 4 px before the next tick line.
const _: () = assert!(LABEL_GAP_PX >= LABEL_OFFSET_PX + 4.0);

fn extent() -> Extent {
    Extent::days(day_number(1950, 1, 1), day_number(1965, 12, 31))
}

/// The view of span `e.min_span() * (full / min)^log_t` at position `t` (0 = left edge, 1 = right).
fn view_at(log_t: f64, t: f64) -> View {
    let e = extent();
    let span =
        (MIN_SPAN_DAYS * (e.span() / MIN_SPAN_DAYS).powf(log_t)).clamp(MIN_SPAN_DAYS, e.span());
    let start = e.start + (e.span() - span) * t;
    View { start, end: start + span }.constrain(e)
}

/// Every property of one axis; `Err` says which failed, with the axis for context.
fn check_axis(view: View, width: f64, lang: Lang) -> Result<Axis, String> {
    let a = axis(view, width, lang);
    let fail =
        |what: String| Err(format!("{what}\n  view {view:?} width {width} {lang:?}\n  {a:?}"));
    if a.unit != choose_unit(view, width) {
        return fail(format!("unit {:?} is not choose_unit's", a.unit));
    }
    for (i, t) in a.ticks.iter().enumerate() {
        let day = f64::from(t.day);
        if !(view.start <= day && day < view.end) {
            return fail(format!("tick {} outside the view", t.day));
        }
        if let Some(why) = not_nice(a.unit, t.day) {
            return fail(format!(
                "tick {} ({:?}) is not nice for {:?}: {why}",
                t.day,
                civil_from_day(t.day),
                a.unit
            ));
        }
        let mut expected = expected_label(t.day, lang);
        // A label that would run past the right edge is dropped (the tick line stays).
        if view.x(day, width) + label_px(&expected) - LABEL_GAP_PX > width {
            expected.clear();
        }
        if t.label != expected || t.major != is_jan_1(t.day) {
            return fail(format!(
                "tick {} labelled {:?} (major {}), expected {expected:?}",
                t.day, t.label, t.major
            ));
        }
        if let Some(next) = a.ticks.get(i + 1) {
            if next.day <= t.day {
                return fail(format!("ticks {} and {} not increasing", t.day, next.day));
            }
            // The label spans [x + 4, x + 4 + chars * CHAR_PX]; `label_px` adds the gap, which
            // must cover the 4 px offset and leave room before the next tick line.
            let room = view.x(f64::from(next.day), width) - view.x(day, width);
            if room < label_px(&t.label) - 1e-9 {
                return fail(format!(
                    "label {:?} needs {} px, has {room}",
                    t.label,
                    label_px(&t.label)
                ));
            }
        }
    }
    if view.span() >= 14.0 && width >= 320.0 && a.ticks.len() < 2 {
        return fail(format!("only {} ticks for {} days", a.ticks.len(), view.span()));
    }
    Ok(a)
}

fn is_jan_1(day: i32) -> bool {
    let (_, m, d) = civil_from_day(day);
    m == 1 && d == 1
}

/// Why `day` is not a tick of `unit`, if it is not one.
fn not_nice(unit: Unit, day: i32) -> Option<&'static str> {
    let (y, m, d) = civil_from_day(day);
    let ok = match unit {
        Unit::Day => true,
        Unit::Week => weekday(day) == 0,
        // Every other Monday, counted from Monday 1970-01-05 (day 4): steady while panning.
        Unit::Fortnight => weekday(day) == 0 && (day - 4).rem_euclid(14) == 0,
        Unit::Month => d == 1,
        Unit::Quarter => d == 1 && (m - 1) % 3 == 0,
        Unit::HalfYear => d == 1 && (m == 1 || m == 7),
        Unit::Years(n) => m == 1 && d == 1 && y.rem_euclid(n) == 0,
    };
    (!ok).then_some("off the unit's boundaries")
}

/// The label the design asks for: the year on 1 January (years before AD 1 as "44 SM" /
/// "44 BC"), the short month on the 1st, the day and short month otherwise, in the language's
/// order.
fn expected_label(day: i32, lang: Lang) -> String {
    let (y, m, d) = civil_from_day(day);
    match (m, d, lang) {
        (1, 1, _) => year_label(y, lang),
        (_, 1, _) => month_short(lang, m).to_string(),
        (_, _, Lang::Id) => format!("{d} {}", month_short(lang, m)),
        (_, _, Lang::En) => format!("{} {d}", month_short(lang, m)),
    }
}

#[test]
fn label_px_covers_the_label_its_offset_and_a_gap() {
    assert_eq!(label_px("1958"), 4.0 * CHAR_PX + LABEL_GAP_PX);
    // Characters, not bytes.
    assert_eq!(label_px("Agu"), label_px("Mär"));
}

/// 141 widths × 48 spans × 5 positions × 2 languages = 67 680 axes.
#[test]
fn axis_for_every_width_from_320_to_2560_and_span_from_a_week_to_the_range_holds_every_property() {
    let mut axes = 0;
    let mut units = std::collections::BTreeSet::new();
    for wi in 0..=140 {
        let width = 320.0 + 16.0 * f64::from(wi);
        for si in 0..48 {
            for pi in 0..5 {
                let view = view_at(f64::from(si) / 47.0, f64::from(pi) / 4.0);
                for lang in [Lang::Id, Lang::En] {
                    let a = check_axis(view, width, lang).unwrap_or_else(|e| panic!("{e}"));
                    units.insert(format!("{:?}", a.unit));
                    axes += 1;
                }
            }
        }
    }
    assert_eq!(axes, 67_680);
    // The sweep reaches every unit but the coarsest, which the range never needs from 320 px.
    assert_eq!(units.len(), 9, "{units:?}");
}

proptest! {
    // Failures are kept as named regression tests, not in a persistence file.
    #![proptest_config(ProptestConfig {
        cases: 2048,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn axis_for_arbitrary_widths_and_views_holds_every_property(
        width in 320.0_f64..=2560.0,
        log_t in 0.0_f64..=1.0,
        t in 0.0_f64..=1.0,
        en in any::<bool>(),
    ) {
        let lang = if en { Lang::En } else { Lang::Id };
        check_axis(view_at(log_t, t), width, lang).map_err(TestCaseError::fail)?;
    }

    /// Below 320 px and for views longer than the bundle (other bundles), labels still never
    /// overlap; only the two-ticks promise is limited to 320 px and up.
    #[test]
    fn axis_for_narrow_widths_and_long_views_never_overlaps_labels(
        width in 40.0_f64..=4000.0,
        start in -800_000.0_f64..800_000.0,
        log_span in 0.0_f64..6.0,
        en in any::<bool>(),
    ) {
        let view = View { start, end: start + 7.0 * 10f64.powf(log_span) };
        let lang = if en { Lang::En } else { Lang::Id };
        check_axis(view, width, lang).map_err(TestCaseError::fail)?;
    }
}

fn year(y: i32) -> View {
    View { start: f64::from(day_number(y, 1, 1)), end: f64::from(day_number(y + 1, 1, 1)) }
}

fn days(y: i32, m: u8, d: u8, n: i32) -> View {
    let start = day_number(y, m, d);
    View { start: f64::from(start), end: f64::from(start + n) }
}

#[test]
fn choose_unit_picks_years_for_the_range_months_for_a_year_and_days_or_weeks_for_a_fortnight() {
    assert!(matches!(choose_unit(extent().full(), 320.0), Unit::Years(_)));
    assert_eq!(choose_unit(year(1958), 1200.0), Unit::Month);
    let fortnight = choose_unit(days(1958, 8, 18, 14), 1200.0);
    assert!(matches!(fortnight, Unit::Day | Unit::Week), "{fortnight:?}");
}

#[test]
fn axis_labels_years_months_and_days_in_indonesian_and_english() {
    // The whole range on a phone: years.
    let a = axis(extent().full(), 320.0, Lang::Id);
    assert_eq!(a.ticks[0].label, "1950");
    assert!(a.ticks.iter().all(|t| t.major && (t.label.len() == 4 || t.label.is_empty())));
    assert_eq!(a.context, "");
    // A year on a desktop: "1958" on 1 January, then short months; no context label under the
    // tick that already names the year at the left edge.
    for (lang, august) in [(Lang::Id, "Agu"), (Lang::En, "Aug")] {
        let a = axis(year(1958), 1200.0, lang);
        let labels: Vec<_> = a.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.len(), 12);
        assert_eq!(labels[0], "1958");
        assert_eq!(labels[7], august);
        assert_eq!(a.context, "");
    }
    // A fortnight in August 1958: day ticks, "23 Agu" / "Aug 23", the month as context.
    let id = axis(days(1958, 8, 18, 14), 1200.0, Lang::Id);
    let en = axis(days(1958, 8, 18, 14), 1200.0, Lang::En);
    assert!(id.ticks.iter().any(|t| t.label == "23 Agu"), "{id:?}");
    assert!(en.ticks.iter().any(|t| t.label == "Aug 23"), "{en:?}");
    assert_eq!(id.context, "Agustus 1958");
    assert_eq!(en.context, "August 1958");
}

#[test]
fn axis_context_is_the_year_at_month_and_quarter_units_and_the_month_at_week_and_day_units() {
    for lang in [Lang::Id, Lang::En] {
        for y in 1950..=1965 {
            // From mid-January: no tick at the left edge names the year, the context does.
            let v = year(y);
            let a = axis(View { start: v.start + 14.0, end: v.end + 14.0 }, 900.0, lang);
            assert!(matches!(a.unit, Unit::Month | Unit::Quarter), "{a:?}");
            assert_eq!(a.context, y.to_string());
            // From 1 January, the first tick names it.
            assert_eq!(axis(v, 900.0, lang).context, "");
        }
        let a = axis(days(1958, 8, 4, 21), 600.0, lang);
        assert!(matches!(a.unit, Unit::Day | Unit::Week), "{a:?}");
        assert_eq!(a.context, if lang == Lang::Id { "Agustus 1958" } else { "August 1958" });
    }
    let v = year(1960);
    let quarters = axis(View { start: v.start + 14.0, end: v.end + 14.0 }, 320.0, Lang::Id);
    assert_eq!(quarters.unit, Unit::Quarter);
    assert_eq!(quarters.context, "1960");
}

#[test]
fn axis_of_an_empty_or_broken_view_has_no_ticks_and_does_not_panic() {
    for view in [
        View { start: 0.0, end: 0.0 },
        View { start: 10.0, end: 0.0 },
        View { start: f64::NAN, end: 5.0 },
        View { start: 0.0, end: f64::INFINITY },
    ] {
        for width in [0.0, -5.0, f64::NAN, 800.0] {
            let a = axis(view, width, Lang::Id);
            assert!(a.ticks.len() <= 200, "{view:?} {width}: {} ticks", a.ticks.len());
        }
    }
}

/// The story: the unit table went Day, Week, Month, Quarter, Years(1), … and a unit was chosen
/// as soon as the finer one had no room for its labels. At 320 px weeks stop fitting from about
/// 41 days, but a 41–62-day window can hold a single first-of-the-month, so a phone showing
/// 14 Dec 1957 – 28 Jan 1958 had one tick ("1958") and nothing to read the other dates by.
/// Likewise, quarters stop fitting from 720 days, and a 720–731-day window can hold a single
/// 1 January. The table now has fortnights between weeks and months and half years between
/// quarters and years, which closes both gaps (see the two-ticks property above).
#[test]
fn axis_on_a_phone_between_the_old_units_shows_at_least_two_ticks() {
    let six_weeks = View { start: -4405.499534731616, end: -4360.500465268385 };
    let a = axis(six_weeks, 320.0, Lang::Id);
    assert_eq!(a.unit, Unit::Fortnight);
    assert!(a.ticks.len() >= 3, "{a:?}");
    // The context names the left edge, where it is drawn (14 December 1957).
    assert_eq!(a.context, "Desember 1957");

    let two_years = days(1958, 1, 2, 725);
    let a = axis(two_years, 320.0, Lang::En);
    assert_eq!(a.unit, Unit::HalfYear);
    let labels: Vec<_> = a.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Jul", "1959", "Jul"]);
    assert_eq!(a.context, "1958");
}

/// The story: beyond the table `choose_unit` fell back to `Years(10)` whether or not its labels
/// fitted, so a bundle spanning centuries drew decade labels on top of each other on a phone.
/// It now goes on along the 1-2-5 series (20, 50, 100, …) until they fit.
#[test]
fn choose_unit_for_a_thousand_years_on_a_phone_follows_the_1_2_5_series() {
    let millennium =
        View { start: f64::from(day_number(1000, 1, 1)), end: f64::from(day_number(2000, 1, 1)) };
    assert_eq!(choose_unit(millennium, 320.0), Unit::Years(200));
    assert_eq!(choose_unit(millennium, 2560.0), Unit::Years(20));
    let a = check_axis(millennium, 320.0, Lang::Id).unwrap();
    assert_eq!(a.ticks.first().map(|t| t.label.as_str()), Some("1000"));
}

/// The story: `axis` computed its context label from the view's midpoint even when the view was
/// not drawable; an infinite end made that day `i32::MAX` and the calendar's arithmetic
/// overflowed (a panic in debug builds, a garbage month in release). An undrawable view now has
/// no ticks and no context.
#[test]
fn axis_of_an_infinite_view_has_no_context_and_does_not_overflow() {
    let a = axis(View { start: 0.0, end: f64::INFINITY }, 800.0, Lang::En);
    assert!(a.ticks.is_empty());
    assert_eq!(a.context, "");
}
