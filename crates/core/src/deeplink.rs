//! Deep links: the selected event and the visible range in a URL fragment or query,
//! `#event=test-ban-treaty&range=1958-01..1960-12`, so a shared link opens the same view.
//!
//! Ranges are written at month precision (what a reader can tell apart on screen); a link may
//! also give years (`1958..1960`) or days.

use crate::date::PartialDate;
use crate::scale::View;

/// What a link asks the widget to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeepLink {
    pub event: Option<String>,
    /// First and last day shown (inclusive), as written.
    pub range: Option<(PartialDate, PartialDate)>,
}

fn decode(s: &str) -> String {
    // Ids and dates are ASCII; only %2D-style escapes of safe characters need undoing.
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses `start..end` (either side a partial date).
pub fn parse_range(s: &str) -> Option<(PartialDate, PartialDate)> {
    let (a, b) = s.split_once("..")?;
    let a = PartialDate::parse(a.trim()).ok()?;
    let b = PartialDate::parse(b.trim()).ok()?;
    (b.last_day() >= a.first_day()).then_some((a, b))
}

impl DeepLink {
    /// Parses a fragment or query string (`#event=…&range=…`, `?event=…`); unknown keys are
    /// ignored so hosts can add their own.
    pub fn parse(s: &str) -> DeepLink {
        let s = s.trim_start_matches(['#', '?']);
        let mut link = DeepLink::default();
        for pair in s.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match k {
                "event" if !v.is_empty() && v.len() <= 64 => link.event = Some(v),
                "range" => link.range = parse_range(&v),
                _ => {}
            }
        }
        link
    }

    /// The link for an event and a view: the range is rounded out to whole months.
    pub fn of(event: Option<&str>, view: Option<View>) -> DeepLink {
        let range = view.map(|v| {
            let a = PartialDate::from_day(v.start.floor() as i32);
            let b = PartialDate::from_day((v.end - 1.0).floor().max(v.start) as i32);
            let month = |d: PartialDate| PartialDate { day: None, ..d };
            (month(a), month(b))
        });
        DeepLink { event: event.map(str::to_string), range }
    }

    /// Writes the fragment, without the leading `#`; empty when there is nothing to say.
    pub fn to_fragment(&self) -> String {
        let mut parts = Vec::new();
        if let Some(e) = &self.event {
            parts.push(format!("event={e}"));
        }
        if let Some((a, b)) = &self.range {
            parts.push(format!("range={a}..{b}"));
        }
        parts.join("&")
    }

    /// The view a link's range asks for: from the first day of its start to the end of its end.
    pub fn view(&self) -> Option<View> {
        self.range.map(|(a, b)| View {
            start: f64::from(a.first_day()),
            end: f64::from(b.last_day()) + 1.0,
        })
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn ranges_before_our_era_parse() {
        let (a, b) = parse_range("-0059..0014-08").unwrap();
        assert_eq!((a.year, b.year, b.month), (-59, 14, Some(8)));
        assert!(DeepLink::parse("#range=-0043-03..-0043-04").view().is_some());
    }

    use super::*;

    #[test]
    fn a_fragment_round_trips() {
        let l = DeepLink::parse("#event=test-ban-treaty&range=1958-01..1960-12");
        assert_eq!(l.event.as_deref(), Some("test-ban-treaty"));
        assert_eq!(l.to_fragment(), "event=test-ban-treaty&range=1958-01..1960-12");
        let v = l.view().unwrap();
        assert_eq!(PartialDate::from_day(v.start as i32).to_string(), "1958-01-01");
        assert_eq!(PartialDate::from_day(v.end as i32 - 1).to_string(), "1960-12-31");
    }

    #[test]
    fn bad_parts_are_ignored() {
        let l = DeepLink::parse("?range=1960..1958&event=&foo=bar");
        assert_eq!(l, DeepLink::default());
        assert!(DeepLink::parse("range=1958..1960").view().is_some());
        assert_eq!(DeepLink::parse("event=%74est").event.as_deref(), Some("test"));
        assert_eq!(DeepLink::parse("event=%").event.as_deref(), Some("%"));
    }

    #[test]
    fn views_round_out_to_months() {
        let v = View {
            start: f64::from(crate::calendar::day_number(1958, 1, 17)),
            end: f64::from(crate::calendar::day_number(1960, 12, 3)),
        };
        assert_eq!(DeepLink::of(None, Some(v)).to_fragment(), "range=1958-01..1960-12");
    }
}
