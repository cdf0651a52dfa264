//! Properties of `PartialDate` over generated input: valid dates round-trip through `parse`
//! and `Display`, spans are well-formed, precision follows the written shape, and no input,
//! however malformed, makes `parse` panic.

use proptest::prelude::*;
use timeline::core::calendar::days_in_month;
use timeline::core::date::{PartialDate, Precision, Qualifier};

/// A valid date string of any precision and qualifier, with the precision it was written in.
fn valid_date() -> impl Strategy<Value = (String, Precision)> {
    (1000_i32..=9999, 1_u8..=12, 1_u8..=31, 0_u8..3, prop::sample::select(vec!["", "~", "?"]))
        .prop_map(|(year, month, day, precision, qualifier)| {
            // Clamp rather than filter, so no case is wasted on an impossible day.
            let day = day.min(days_in_month(year, month));
            match precision {
                0 => (format!("{year:04}{qualifier}"), Precision::Year),
                1 => (format!("{year:04}-{month:02}{qualifier}"), Precision::Month),
                _ => (format!("{year:04}-{month:02}-{day:02}{qualifier}"), Precision::Day),
            }
        })
}

/// Strings close to dates (digits, hyphens, qualifiers), where parsing bugs would hide.
fn date_like() -> impl Strategy<Value = String> {
    "[0-9~?\\- ]{0,14}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn valid_dates_round_trip_through_parse_and_display((s, precision) in valid_date()) {
        let d = PartialDate::parse(&s).unwrap();
        prop_assert_eq!(d.to_string(), s.clone());
        prop_assert_eq!(d.precision(), precision);
        let qualifier = match s.as_bytes().last() {
            Some(b'~') => Qualifier::Approximate,
            Some(b'?') => Qualifier::Uncertain,
            _ => Qualifier::None,
        };
        prop_assert_eq!(d.qualifier, qualifier);
    }

    #[test]
    fn spans_start_no_later_than_they_end((s, precision) in valid_date()) {
        let d = PartialDate::parse(&s).unwrap();
        prop_assert!(d.first_day() <= d.last_day());
        let days = d.last_day() - d.first_day() + 1;
        match precision {
            Precision::Day => prop_assert_eq!(days, 1),
            Precision::Month => prop_assert!((28..=31).contains(&days)),
            Precision::Year => prop_assert!(days == 365 || days == 366),
        }
        prop_assert_eq!(PartialDate::from_day(d.first_day()).year, d.year);
    }

    #[test]
    fn parse_never_panics_on_any_string(s in any::<String>()) {
        check_anything(&s)?;
    }

    #[test]
    fn parse_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..24)) {
        check_anything(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn parse_never_panics_on_date_like_strings(s in date_like()) {
        check_anything(&s)?;
    }
}

/// Whatever `parse` accepts is well-formed: it displays back to the same text, its span is in
/// order, and its precision is the number of hyphen-separated parts written.
fn check_anything(s: &str) -> Result<(), TestCaseError> {
    if let Ok(d) = PartialDate::parse(s) {
        prop_assert_eq!(d.to_string(), s);
        prop_assert!(d.first_day() <= d.last_day());
        // A year before our era starts with a minus ("-0001" is 2 BC), which is not a part.
        let written = s.trim_end_matches(['~', '?']);
        let parts = written.strip_prefix('-').unwrap_or(written).split('-').count();
        let precision = match parts {
            1 => Precision::Year,
            2 => Precision::Month,
            _ => Precision::Day,
        };
        prop_assert_eq!(d.precision(), precision);
    }
    Ok(())
}
