//! Axis ticks that adapt to the zoom: years (1, 2, 5, 10 and on by 1-2-5), half years,
//! quarters, months, fortnights, weeks and days, on "nice" boundaries (1 January, the first of a
//! month, Mondays) as d3's time scale does.
//!
//! The unit is chosen from a table by the width its labels need, so labels never overlap at any
//! width; tick days are computed as `first + step * i`, never by accumulation. The table has no
//! gap a reader can fall into: wherever a unit is chosen because the next finer one has no room,
//! a view of two weeks or more at 320 px or wider shows at least two of its ticks (that is why
//! it has fortnights between weeks and months, and half years between quarters and years).

use crate::calendar::{civil_from_day, day_number, weekday};
use crate::i18n::{month_name, month_short, year_label, Lang};
use crate::scale::View;

/// The spacing of axis ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    /// Mondays.
    Week,
    /// Every other Monday, counted from Monday 1970-01-05, so ticks stay put while panning.
    Fortnight,
    Month,
    /// 1 January, April, July and October.
    Quarter,
    /// 1 January and 1 July.
    HalfYear,
    /// 1 January of the years divisible by `n`.
    Years(i32),
}

/// Finest first: the first unit whose ticks have room for their labels wins. Beyond the table,
/// multi-year steps go on 20, 50, 100, … ([`Unit::years_after`]).
const UNITS: [Unit; 10] = [
    Unit::Day,
    Unit::Week,
    Unit::Fortnight,
    Unit::Month,
    Unit::Quarter,
    Unit::HalfYear,
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
];

/// The estimated width in px of one character of an axis label (12 px system sans-serif,
/// generous so that wide glyphs fit) and the gap kept between labels. The gap includes the 4 px
/// by which a label is drawn right of its tick line.
pub const CHAR_PX: f64 = 7.5;
pub const LABEL_GAP_PX: f64 = 10.0;

/// Day numbers beyond this (about 270 000 years from 1970) get no ticks: the calendar's
/// arithmetic is `i32` and would overflow.
const MAX_ABS_DAY: f64 = 1e8;

/// The longest multi-year step. With [`MAX_ABS_DAY`] it keeps every tick's year inside `i32`
/// day arithmetic; only views of hundreds of thousands of years on a few pixels would need more.
const MAX_YEARS_STEP: i32 = 1_000_000;

/// The most ticks one axis builds, whatever the width: a bail-out, never reached by a real widget.
const MAX_TICKS: usize = 4096;

/// The Monday from which fortnights are counted (1970-01-05).
const FORTNIGHT_EPOCH: i32 = 4;

impl Unit {
    /// The fewest days between two ticks of this unit.
    pub fn min_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Fortnight => 14.0,
            Unit::Month => 28.0,
            Unit::Quarter => 90.0,
            Unit::HalfYear => 181.0,
            Unit::Years(n) => 365.0 * f64::from(n),
        }
    }

    /// The longest label this unit can print, in characters, when a year label has
    /// `year_chars` ("1958": 4).
    fn max_label_chars(self, year_chars: usize) -> usize {
        match self {
            // "23 Agu", "Aug 23"
            Unit::Day | Unit::Week | Unit::Fortnight => year_chars.max(6),
            // "Agu", "1958"
            _ => year_chars.max(3),
        }
    }

    /// The months between ticks of a month-based unit.
    fn month_step(self) -> Option<i32> {
        match self {
            Unit::Month => Some(1),
            Unit::Quarter => Some(3),
            Unit::HalfYear => Some(6),
            _ => None,
        }
    }

    /// The multi-year step after `n` in the 1-2-5 series: 10 → 20 → 50 → 100 → …
    fn years_after(n: i32) -> i32 {
        let mut decade = 1;
        while decade * 10 <= n {
            decade *= 10;
        }
        match n / decade {
            1 => 2 * decade,
            2..=4 => 5 * decade,
            _ => 10 * decade,
        }
    }

    /// The first tick at or after `day`.
    fn ceil(self, day: i32) -> i32 {
        if let Some(step) = self.month_step() {
            let (y, m, d) = civil_from_day(day);
            let mut index = y * 12 + i32::from(m) - 1;
            if d > 1 {
                index += 1;
            }
            index += (step - index.rem_euclid(step)) % step;
            return day_number(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8, 1);
        }
        match self {
            Unit::Week => day + i32::from((7 - weekday(day)) % 7),
            Unit::Fortnight => day + (FORTNIGHT_EPOCH - day).rem_euclid(14),
            Unit::Years(n) => {
                let (y, m, d) = civil_from_day(day);
                let year = if m == 1 && d == 1 { y } else { y + 1 };
                day_number(year + (n - year.rem_euclid(n)) % n, 1, 1)
            }
            _ => day,
        }
    }

    /// The i-th tick after `first` (which must be a tick): `first + step * i`.
    fn nth(self, first: i32, i: i32) -> i32 {
        if let Some(step) = self.month_step() {
            let (y, m, _) = civil_from_day(first);
            let index = y * 12 + i32::from(m) - 1 + step * i;
            return day_number(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8, 1);
        }
        match self {
            Unit::Week => first + 7 * i,
            Unit::Fortnight => first + 14 * i,
            Unit::Years(n) => day_number(civil_from_day(first).0 + n * i, 1, 1),
            _ => first + i,
        }
    }
}

/// The width in px a label needs, gap included.
pub fn label_px(label: &str) -> f64 {
    label.chars().count() as f64 * CHAR_PX + LABEL_GAP_PX
}

/// One tick: where it is and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: i32,
    pub label: String,
    /// A year boundary: drawn stronger.
    pub major: bool,
}

/// The axis for one view and width.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub unit: Unit,
    pub ticks: Vec<Tick>,
    /// The year (or month and year) the ticks belong to, shown at the left when ticks alone do not
    /// say it: "1958", "Agustus 1958".
    pub context: String,
}

/// Labels a tick by the coarsest boundary it falls on: "1958" on 1 January, "Agu" on the first of
/// a month, "23 Agu" / "Aug 23" otherwise.
fn tick_label(day: i32, lang: Lang) -> (String, bool) {
    let (y, m, d) = civil_from_day(day);
    if m == 1 && d == 1 {
        (year_label(y, lang), true)
    } else if d == 1 {
        (month_short(lang, m).to_string(), false)
    } else {
        match lang {
            Lang::Id => (format!("{d} {}", month_short(lang, m)), false),
            Lang::En => (format!("{} {d}", month_short(lang, m)), false),
        }
    }
}

/// Whether the view's days are ones the calendar can count.
fn in_calendar(view: View) -> bool {
    view.start.abs() <= MAX_ABS_DAY && view.end.abs() <= MAX_ABS_DAY
}

/// The characters of the longest year label in `view` ("1958": 4, "501 BC": 6, "44 SM": 5):
/// the ends of the view, and before our era the longest BC number inside it.
fn year_chars(view: View) -> usize {
    if !in_calendar(view) {
        return 4;
    }
    let year = |day: f64| civil_from_day(day as i32).0;
    let (first, last) = (year(view.start.floor()), year(view.end.ceil()));
    let chars = |y: i32| year_label(y, Lang::En).chars().count();
    chars(first).max(chars(last)).max(4)
}

/// The unit for a view at `width` px: the finest whose labels fit between its ticks.
pub fn choose_unit(view: View, width: f64) -> Unit {
    let ppd = view.px_per_day(width);
    let year_chars = year_chars(view);
    let fits = |u: Unit| {
        u.min_days() * ppd >= u.max_label_chars(year_chars) as f64 * CHAR_PX + LABEL_GAP_PX
    };
    if let Some(u) = UNITS.into_iter().find(|&u| fits(u)) {
        return u;
    }
    if ppd.is_nan() || ppd <= 0.0 {
        return Unit::Years(10);
    }
    // Longer than the table: the 1-2-5 series of years, up to the calendar's reach.
    let mut n = 10;
    while n < MAX_YEARS_STEP && !fits(Unit::Years(n)) {
        n = Unit::years_after(n);
    }
    Unit::Years(n)
}

/// The ticks inside `view` at `width` px, in the reader's language.
pub fn axis(view: View, width: f64, lang: Lang) -> Axis {
    let valid = width.is_finite()
        && width > 0.0
        && view.span() > 0.0
        && view.start.is_finite()
        && view.end.is_finite()
        && in_calendar(view);
    if !valid {
        return Axis { unit: choose_unit(view, width), ticks: Vec::new(), context: String::new() };
    }
    let unit = choose_unit(view, width);
    // Bounded: the unit was chosen so that at most width / label width ticks fit.
    let limit = ((width / LABEL_GAP_PX) as usize + 2).min(MAX_TICKS);
    let first = unit.ceil(view.start.ceil() as i32);
    let mut ticks = Vec::new();
    for i in 0..limit as i32 {
        let day = unit.nth(first, i);
        if f64::from(day) >= view.end {
            break;
        }
        let (mut label, major) = tick_label(day, lang);
        // A label that would run past the right edge is cut by the viewport ("1" of "1966"):
        // the tick keeps its line and drops its text.
        let x = (f64::from(day) - view.start) / view.span() * width;
        if x + label_px(&label) - LABEL_GAP_PX > width {
            label.clear();
        }
        ticks.push(Tick { day, label, major });
    }
    // The context label sits at the left edge, so it names what is at the left edge.
    let (y, m, _) = civil_from_day(view.start.ceil() as i32);
    let context = match unit {
        Unit::Day | Unit::Week | Unit::Fortnight => {
            format!("{} {}", month_name(lang, m), year_label(y, lang))
        }
        Unit::Month | Unit::Quarter | Unit::HalfYear => year_label(y, lang),
        Unit::Years(_) => String::new(),
    };
    // Not where a tick at the left edge already names it ("1958" twice, one under the other).
    let named = ticks.first().is_some_and(|t| {
        (f64::from(t.day) - view.start) / view.span() * width < LABEL_GAP_PX && t.label == context
    });
    let context = if named { String::new() } else { context };
    Axis { unit, ticks, context }
}

#[cfg(test)]
mod tests {

    /// Antiquity (issue 12): an axis over 60 BC – AD 20 labels its years BC, and the whole span
    /// the format allows, -9999 to 9999, still gets sensible, non-overlapping ticks.
    #[test]
    fn years_before_our_era_are_labelled_bc() {
        let v =
            View { start: f64::from(day_number(-59, 1, 1)), end: f64::from(day_number(20, 1, 1)) };
        for lang in [Lang::Id, Lang::En] {
            let a = axis(v, 1280.0, lang);
            let labels: Vec<&str> =
                a.ticks.iter().map(|t| t.label.as_str()).filter(|l| !l.is_empty()).collect();
            let bc = if lang == Lang::Id { " SM" } else { " BC" };
            assert!(labels.iter().any(|l| l.ends_with(bc)), "{labels:?}");
            assert!(labels.iter().all(|l| !l.starts_with('-')), "{labels:?}");
        }
        let all = View {
            start: f64::from(day_number(-9999, 1, 1)),
            end: f64::from(day_number(9999, 12, 31)),
        };
        for width in [320.0, 1280.0, 2560.0] {
            let a = axis(all, width, Lang::En);
            assert!(a.ticks.len() >= 2, "{width}: {:?}", a.ticks);
            let xs: Vec<f64> = a
                .ticks
                .iter()
                .map(|t| (f64::from(t.day) - all.start) / all.span() * width)
                .collect();
            for (w, t) in xs.windows(2).zip(&a.ticks) {
                assert!(w[1] - w[0] >= label_px(&t.label), "{width}: overlap at {}", t.label);
            }
        }
    }

    use super::*;
    use crate::scale::Extent;

    fn extent() -> Extent {
        Extent::days(day_number(1950, 1, 1), day_number(1965, 12, 31))
    }

    #[test]
    fn no_label_runs_past_the_right_edge() {
        for width in [320.0, 375.0, 768.0, 1170.0, 1280.0, 2560.0] {
            let view = extent().full();
            let a = axis(view, width, Lang::En);
            for t in &a.ticks {
                let x = (f64::from(t.day) - view.start) / view.span() * width;
                assert!(t.label.is_empty() || x + label_px(&t.label) - LABEL_GAP_PX <= width);
            }
            assert!(a.ticks.iter().filter(|t| !t.label.is_empty()).count() >= 3, "{width}");
        }
    }

    #[test]
    fn the_whole_range_on_a_phone_uses_multi_year_ticks() {
        let a = axis(extent().full(), 320.0, Lang::Id);
        assert!(matches!(a.unit, Unit::Years(n) if n >= 2), "{:?}", a.unit);
        assert_eq!(a.ticks[0].label, "1950");
    }

    #[test]
    fn a_year_on_a_desktop_shows_months_with_the_year_as_context() {
        let v = View {
            start: f64::from(day_number(1958, 1, 1)),
            end: f64::from(day_number(1959, 1, 1)),
        };
        let a = axis(v, 1200.0, Lang::Id);
        assert_eq!(a.unit, Unit::Month);
        let labels: Vec<_> = a.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels[..3], ["1958", "Feb", "Mar"]);
        assert_eq!(labels[7], "Agu");
        // The first tick names the year at the left edge already: no context under it.
        assert_eq!(a.context, "");
        // From March, the year is named by the context only.
        let later = View { start: v.start + 60.0, end: v.end + 60.0 };
        assert_eq!(axis(later, 1200.0, Lang::Id).context, "1958");
    }

    #[test]
    fn weeks_start_on_mondays() {
        let v = View {
            start: f64::from(day_number(1958, 8, 1)),
            end: f64::from(day_number(1958, 9, 15)),
        };
        let a = axis(v, 700.0, Lang::En);
        assert_eq!(a.unit, Unit::Week);
        for t in &a.ticks {
            assert_eq!(weekday(t.day), 0, "{t:?}");
        }
        assert_eq!(a.context, "August 1958");
    }
}
