//! Civil calendar arithmetic: leap years, month lengths and day numbers.
//!
//! Day numbers count days from 1970-01-01 (day 0) in the proleptic Gregorian calendar, the
//! convention of `jiff` and of Unix time, so dates compare and subtract as plain integers.
//! The conversions are the branch-light algorithms of Howard Hinnant's `days_from_civil` /
//! `civil_from_days` (public domain, <https://howardhinnant.github.io/date_algorithms.html>),
//! valid for every year we can parse (0000–9999).

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`; 0 for a month out of range, so callers can
/// validate with one comparison.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The day number of a valid civil date (1970-01-01 is 0).
///
/// The caller guarantees `1 <= month <= 12` and `1 <= day <= days_in_month(year, month)`.
pub fn day_number(year: i32, month: u8, day: u8) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i32::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i32::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day number; the inverse of [`day_number`].
pub fn civil_from_day(n: i32) -> (i32, u8, u8) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// Day of the week of a day number, 0 = Monday … 6 = Sunday (ISO 8601). 1970-01-01 was a Thursday.
pub fn weekday(n: i32) -> u8 {
    (n + 3).rem_euclid(7) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_number_of_known_dates() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(1969, 12, 31), -1);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        // The Sino-Soviet treaty, signed on Tuesday 14 February 1950.
        let treaty = day_number(1950, 2, 14);
        assert_eq!(civil_from_day(treaty), (1950, 2, 14));
        assert_eq!(weekday(treaty), 1);
    }

    #[test]
    fn every_day_from_1900_to_2100_round_trips_and_is_consecutive() {
        let mut expected = day_number(1900, 1, 1);
        for year in 1900..=2100 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let n = day_number(year, month, day);
                    assert_eq!(n, expected, "{year}-{month}-{day}");
                    assert_eq!(civil_from_day(n), (year, month, day));
                    expected += 1;
                }
            }
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(1952) && is_leap_year(2000) && is_leap_year(1964));
        assert!(!is_leap_year(1900) && !is_leap_year(1950) && !is_leap_year(1963));
        assert_eq!(days_in_month(1957, 2), 28);
        assert_eq!(days_in_month(1956, 2), 29);
        assert_eq!(days_in_month(1958, 13), 0);
    }
}
