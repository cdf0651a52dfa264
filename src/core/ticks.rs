//! Axis ticks that adapt to the zoom: ten, five, two and one years, quarters, months, weeks and
//! days, on "nice" boundaries (1 January, the first of a month, Mondays) as d3's time scale does.
//!
//! The unit is chosen from a table by the width its labels need, so labels never overlap at any
//! width; tick days are computed as `first + step * i`, never by accumulation.

use crate::core::calendar::{civil_from_day, day_number, weekday};
use crate::core::i18n::{month_name, month_short, Lang};
use crate::core::scale::View;

/// The spacing of axis ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Years(i32),
}

/// Finest first: the first unit whose ticks have room for their labels wins.
const UNITS: [Unit; 8] = [
    Unit::Day,
    Unit::Week,
    Unit::Month,
    Unit::Quarter,
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
];

/// The estimated width in px of one character of an axis label (12 px system sans-serif,
/// generous so that wide glyphs fit) and the gap kept between labels.
pub const CHAR_PX: f64 = 7.5;
pub const LABEL_GAP_PX: f64 = 10.0;

impl Unit {
    /// The fewest days between two ticks of this unit.
    pub fn min_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 28.0,
            Unit::Quarter => 90.0,
            Unit::Years(n) => 365.0 * f64::from(n),
        }
    }

    /// The longest label this unit can print, in characters.
    fn max_label_chars(self) -> usize {
        match self {
            Unit::Day | Unit::Week => 6,
            _ => 4,
        }
    }

    /// The first tick at or after `day`.
    fn ceil(self, day: i32) -> i32 {
        match self {
            Unit::Day => day,
            Unit::Week => day + i32::from((7 - weekday(day)) % 7),
            Unit::Month | Unit::Quarter => {
                let step = if self == Unit::Month { 1 } else { 3 };
                let (y, m, d) = civil_from_day(day);
                let mut index = y * 12 + i32::from(m) - 1;
                if d > 1 {
                    index += 1;
                }
                index = index.div_euclid(step) * step
                    + if index.rem_euclid(step) > 0 { step } else { 0 };
                day_number(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8, 1)
            }
            Unit::Years(n) => {
                let (y, m, d) = civil_from_day(day);
                let mut year = if m == 1 && d == 1 { y } else { y + 1 };
                if year.rem_euclid(n) != 0 {
                    year += n - year.rem_euclid(n);
                }
                day_number(year, 1, 1)
            }
        }
    }

    /// The i-th tick after `first` (which must be a tick): `first + step * i`.
    fn nth(self, first: i32, i: i32) -> i32 {
        match self {
            Unit::Day => first + i,
            Unit::Week => first + 7 * i,
            Unit::Month | Unit::Quarter => {
                let step = if self == Unit::Month { 1 } else { 3 };
                let (y, m, _) = civil_from_day(first);
                let index = y * 12 + i32::from(m) - 1 + step * i;
                day_number(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8, 1)
            }
            Unit::Years(n) => day_number(civil_from_day(first).0 + n * i, 1, 1),
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
        (y.to_string(), true)
    } else if d == 1 {
        (month_short(lang, m).to_string(), false)
    } else {
        match lang {
            Lang::Id => (format!("{d} {}", month_short(lang, m)), false),
            Lang::En => (format!("{} {d}", month_short(lang, m)), false),
        }
    }
}

/// The unit for a view at `width` px: the finest whose labels fit between its ticks.
pub fn choose_unit(view: View, width: f64) -> Unit {
    let ppd = view.px_per_day(width);
    UNITS
        .into_iter()
        .find(|u| u.min_days() * ppd >= u.max_label_chars() as f64 * CHAR_PX + LABEL_GAP_PX)
        .unwrap_or(Unit::Years(10))
}

/// The ticks inside `view` at `width` px, in the reader's language.
pub fn axis(view: View, width: f64, lang: Lang) -> Axis {
    let unit = choose_unit(view, width);
    let mut ticks = Vec::new();
    if width > 0.0 && view.span() > 0.0 && view.start.is_finite() && view.end.is_finite() {
        let first = unit.ceil(view.start.ceil() as i32);
        // Bounded: the unit was chosen so that at most width / label width ticks fit.
        let limit = (width / LABEL_GAP_PX) as i32 + 2;
        for i in 0..limit {
            let day = unit.nth(first, i);
            if f64::from(day) >= view.end {
                break;
            }
            let (label, major) = tick_label(day, lang);
            ticks.push(Tick { day, label, major });
        }
    }
    let (y, m, _) = civil_from_day(((view.start + view.end) / 2.0).floor() as i32);
    let context = match unit {
        Unit::Day | Unit::Week => format!("{} {y}", month_name(lang, m)),
        Unit::Month | Unit::Quarter => y.to_string(),
        Unit::Years(_) => String::new(),
    };
    Axis { unit, ticks, context }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scale::Extent;

    fn extent() -> Extent {
        Extent::days(day_number(1950, 1, 1), day_number(1965, 12, 31))
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
        assert_eq!(a.context, "1958");
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
