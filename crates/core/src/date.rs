//! Partial civil dates as editors write them: `"1958"`, `"1958-08"`, `"1958-08-23"`, with an
//! optional EDTF (ISO 8601-2) qualifier `~` (approximate) or `?` (uncertain).
//!
//! A partial date is not a day: `"1958-08"` means "some time in August 1958" and must never be
//! shown as the 1st. So a [`PartialDate`] keeps its precision and qualifier for display, and
//! covers a span of days, `[first_day, last_day]`, for placing it on the scale.
//!
//! Years are four digits of the proleptic Gregorian calendar, from `-9999` to `9999`, numbered
//! astronomically as ISO 8601 and EDTF do: `0000` is 1 BC and `-0043` is 44 BC, the year Caesar
//! died (shown "44 SM" / "44 BC", see [`crate::i18n::year_label`]). There is no year between 1 BC
//! and AD 1 to skip, so date arithmetic needs no special case. Years beyond ±9999 (geological
//! time) are refused with [`DateError::YearTooFar`] rather than drawn on a wrong axis.

use crate::calendar::{civil_from_day, day_number, days_in_month};
use std::fmt;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// The EDTF qualifier written after a date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Qualifier {
    #[default]
    None,
    /// `~`: the date is approximate ("c. April 1962").
    Approximate,
    /// `?`: the date is uncertain ("April 1962?").
    Uncertain,
}

/// A civil date known to the year, month or day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub qualifier: Qualifier,
}

/// Why a date string was rejected; `Display` gives an editor-readable reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with an optional `~`/`?`.
    Syntax,
    /// A month outside 01–12.
    Month(u8),
    /// A day that the month does not have, such as 30 February.
    Day { year: i32, month: u8, day: u8 },
    /// A year of more than four digits: beyond -9999..9999.
    YearTooFar,
}

/// A year as ISO 8601 writes it: four digits, a minus before years before 1 BC (`-0043`).
pub fn year_text(year: i32) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    }
}

impl DateError {
    /// Why the date was rejected, in `lang`, as the end of a sentence (no capital, no stop).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match (self, lang) {
            (DateError::Syntax, Lang::En) => {
                "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ or ?"
                    .into()
            }
            (DateError::Syntax, Lang::Id) => {
                "tulis tanggal sebagai YYYY, YYYY-MM, atau YYYY-MM-DD, boleh diikuti ~ atau ?"
                    .into()
            }
            (DateError::Month(m), Lang::En) => {
                format!("month {m:02} does not exist (months are 01-12)")
            }
            (DateError::Month(m), Lang::Id) => {
                format!("bulan {m:02} tidak ada (bulan ditulis 01-12)")
            }
            (DateError::Day { year, month, day }, Lang::En) => format!(
                "{}-{month:02} has no day {day:02} (it has {} days)",
                year_text(*year),
                days_in_month(*year, *month)
            ),
            (DateError::Day { year, month, day }, Lang::Id) => format!(
                "{}-{month:02} tidak memiliki tanggal {day:02} (bulan itu {} hari)",
                year_text(*year),
                days_in_month(*year, *month)
            ),
            (DateError::YearTooFar, Lang::En) => "years go from -9999 (10000 BC) to 9999; \
                 geological time does not fit this timeline"
                .into(),
            (DateError::YearTooFar, Lang::Id) => "tahun hanya dari -9999 (10000 SM) sampai 9999; \
                 zaman geologi tidak muat di linimasa ini"
                .into(),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl std::error::Error for DateError {}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl PartialDate {
    /// Parses an editor's date string.
    ///
    /// # Errors
    /// [`DateError::Syntax`] for anything but `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (plus `~`/`?`),
    /// and [`DateError::Month`] / [`DateError::Day`] for dates the calendar does not have.
    ///
    /// ```
    /// use timeline_core::date::{PartialDate, Precision};
    /// let d = PartialDate::parse("1962-04~").unwrap();
    /// assert_eq!(d.precision(), Precision::Month);
    /// assert_eq!(d.to_string(), "1962-04~");
    /// assert!(PartialDate::parse("1957-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let (body, qualifier) = match s.as_bytes().last() {
            Some(b'~') => (&s[..s.len() - 1], Qualifier::Approximate),
            Some(b'?') => (&s[..s.len() - 1], Qualifier::Uncertain),
            _ => (s, Qualifier::None),
        };
        // A leading minus is the year's sign, not a separator.
        let (negative, body) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let mut parts = body.split('-');
        let year_s = parts.next().ok_or(DateError::Syntax)?;
        if year_s.len() > 4 && year_s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::YearTooFar);
        }
        if year_s.len() != 4 || (negative && year_s == "0000") {
            return Err(DateError::Syntax);
        }
        let magnitude = digits(year_s).ok_or(DateError::Syntax)? as i32;
        let year = if negative { -magnitude } else { magnitude };
        let two = |p: Option<&str>| -> Result<Option<u8>, DateError> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == 2 => Ok(Some(digits(p).ok_or(DateError::Syntax)? as u8)),
                Some(_) => Err(DateError::Syntax),
            }
        };
        let month = two(parts.next())?;
        let day = two(parts.next())?;
        if parts.next().is_some() {
            return Err(DateError::Syntax);
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Month(m));
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(DateError::Day { year, month: m, day: d });
                }
            }
        }
        Ok(PartialDate { year, month, day, qualifier })
    }

    /// A day-precision date, for code that builds dates rather than parsing them.
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year, month: Some(month), day: Some(day), qualifier: Qualifier::None }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date may mean, as a day number.
    pub fn first_day(&self) -> i32 {
        day_number(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date may mean, as a day number (inclusive).
    pub fn last_day(&self) -> i32 {
        match (self.month, self.day) {
            (Some(m), Some(d)) => day_number(self.year, m, d),
            (Some(m), None) => day_number(self.year, m, days_in_month(self.year, m)),
            _ => day_number(self.year, 12, 31),
        }
    }

    /// The middle of the span, where a marker for an imprecise date is placed.
    pub fn mid_day(&self) -> f64 {
        (f64::from(self.first_day()) + f64::from(self.last_day()) + 1.0) / 2.0
    }

    /// The day-precision date of a day number.
    pub fn from_day(n: i32) -> Self {
        let (y, m, d) = civil_from_day(n);
        PartialDate::ymd(y, m, d)
    }
}

/// Writes the date back exactly as the ISO/EDTF form it was parsed from.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&year_text(self.year))?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        match self.qualifier {
            Qualifier::None => Ok(()),
            Qualifier::Approximate => f.write_str("~"),
            Qualifier::Uncertain => f.write_str("?"),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn years_are_astronomical_from_minus_9999_to_9999() {
        for (text, year) in [("-0043-03-15", -43), ("0000", 0), ("-9999", -9999), ("0602-07", 602)]
        {
            let d = PartialDate::parse(text).unwrap();
            assert_eq!(d.year, year, "{text}");
            assert_eq!(d.to_string(), text, "round trip");
        }
        // 1 BC (0000) is a leap year in the proleptic calendar, and its days follow -0001's.
        assert!(PartialDate::parse("0000-02-29").is_ok());
        let end_2bc = PartialDate::parse("-0001-12-31").unwrap().last_day();
        assert_eq!(PartialDate::parse("0000-01-01").unwrap().first_day(), end_2bc + 1);
        assert_eq!(PartialDate::from_day(end_2bc).to_string(), "-0001-12-31");
        for bad in ["-0000", "--0043", "-43", "-00043x", "+1950"] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Syntax), "{bad}");
        }
        for far in ["10000", "-10000", "-4500000000"] {
            assert_eq!(PartialDate::parse(far), Err(DateError::YearTooFar), "{far}");
        }
        assert!(DateError::YearTooFar.message(Lang::En).contains("-9999 (10000 BC) to 9999"));
    }

    use super::*;

    #[test]
    fn parse_keeps_precision_and_qualifier() {
        let y = PartialDate::parse("1963").unwrap();
        assert_eq!(y.precision(), Precision::Year);
        assert_eq!(y.first_day(), day_number(1963, 1, 1));
        assert_eq!(y.last_day(), day_number(1963, 12, 31));
        let m = PartialDate::parse("1958-08?").unwrap();
        assert_eq!((m.precision(), m.qualifier), (Precision::Month, Qualifier::Uncertain));
        assert_eq!(m.last_day() - m.first_day(), 30);
        let d = PartialDate::parse("1950-02-14").unwrap();
        assert_eq!(d.first_day(), d.last_day());
    }

    #[test]
    fn parse_rejects_impossible_and_malformed_dates() {
        assert_eq!(
            PartialDate::parse("1957-02-30"),
            Err(DateError::Day { year: 1957, month: 2, day: 30 })
        );
        assert_eq!(PartialDate::parse("1958-13"), Err(DateError::Month(13)));
        assert_eq!(PartialDate::parse("1958-00"), Err(DateError::Month(0)));
        assert!(PartialDate::parse("1956-02-29").is_ok());
        for bad in [
            "",
            "58",
            "1958-8",
            "1958-08-1",
            "1958/08",
            "1958-08-01-01",
            "+1958",
            "1958~~",
            " 1958",
            "1958 ",
            "１９５８",
            "-195",
            "1958-",
            "1958--01",
            "~",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Syntax), "{bad:?}");
        }
    }

    #[test]
    fn errors_read_like_sentences() {
        let e = PartialDate::parse("1957-02-30").unwrap_err().to_string();
        assert_eq!(e, "1957-02 has no day 30 (it has 28 days)");
    }
}
