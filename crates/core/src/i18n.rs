//! The widget's languages: date formats and every UI string, in Indonesian and English.
//!
//! Kept in the pure core so the wording is tested natively and the UI never builds a sentence
//! itself. Indonesian comes first: it is the primary audience.

use crate::date::{PartialDate, Precision, Qualifier};

/// A language the widget's interface speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// The language of a BCP 47 tag such as `id`, `id-ID`, `en-GB`, `in` (the old code for
    /// Indonesian); `None` for languages we do not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" | "ind" => Some(Lang::Id),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code, as used in bundles and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The other language: where missing content falls back to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    /// The name of a language code, written in this language ("Bahasa Indonesia", "English").
    pub fn language_name(self, code: &str) -> String {
        match (self, code) {
            (Lang::Id, "id") => "bahasa Indonesia".into(),
            (Lang::Id, "en") => "bahasa Inggris".into(),
            (Lang::Id, "ru") => "bahasa Rusia".into(),
            (Lang::Id, "zh") => "bahasa Tionghoa".into(),
            (Lang::En, "id") => "Indonesian".into(),
            (Lang::En, "en") => "English".into(),
            (Lang::En, "ru") => "Russian".into(),
            (Lang::En, "zh") => "Chinese".into(),
            (_, other) => other.to_string(),
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ID_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const MONTHS_EN_SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The full month name of `month` (1–12).
pub fn month_name(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::Id => MONTHS_ID[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// The three-letter month name used on the axis.
pub fn month_short(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::Id => MONTHS_ID_SHORT[i],
        Lang::En => MONTHS_EN_SHORT[i],
    }
}

/// A year for readers: `1958`, `602`, and before AD 1 the year BC, counted from 1 BC = `0000`:
/// `-0043` is "44 SM" (Sebelum Masehi) / "44 BC".
pub fn year_label(year: i32, lang: Lang) -> String {
    if year > 0 {
        return year.to_string();
    }
    let bc = 1 - i64::from(year);
    match lang {
        Lang::Id => format!("{bc} SM"),
        Lang::En => format!("{bc} BC"),
    }
}

/// A date written at exactly its precision: "14 Februari 1950" / "14 February 1950",
/// "Agustus 1958" / "August 1958", "1963"; approximate dates read "sekitar April 1962" /
/// "c. April 1962" and uncertain ones end in "?". A month-precision date is never shown as the 1st.
pub fn format_date(d: &PartialDate, lang: Lang) -> String {
    let year = year_label(d.year, lang);
    let body = match (d.precision(), d.month, d.day) {
        (Precision::Day, Some(m), Some(day)) => format!("{day} {} {year}", month_name(lang, m)),
        (Precision::Month, Some(m), _) => format!("{} {year}", month_name(lang, m)),
        _ => year,
    };
    match (d.qualifier, lang) {
        (Qualifier::None, _) => body,
        (Qualifier::Approximate, Lang::Id) => format!("sekitar {body}"),
        (Qualifier::Approximate, Lang::En) => format!("c. {body}"),
        (Qualifier::Uncertain, _) => format!("{body}?"),
    }
}

/// A span of dates: "14–20 Februari 1950"-style compression is not attempted; the two ends are
/// written in full at their own precisions, joined by an en dash.
pub fn format_range(start: &PartialDate, end: Option<&PartialDate>, lang: Lang) -> String {
    match end {
        Some(e) if e != start => format!("{} – {}", format_date(start, lang), format_date(e, lang)),
        _ => format_date(start, lang),
    }
}

/// The visible range as the toolbar shows it and screen readers hear it once the view settles:
/// "Menampilkan Agustus 1958 – Juni 1959" / "Showing August 1958 – June 1959", the months of
/// the first and the last day in view. `start..end` is the view in day numbers (the end
/// excluded, as in [`crate::scale::View`]). Years before our era read as everywhere else:
/// "Showing March 44 BC – December 40 BC", never "-43".
pub fn view_label(start: f64, end: f64, lang: Lang) -> String {
    let month = |day: f64| {
        let d = PartialDate::from_day(day.floor() as i32);
        format!("{} {}", month_name(lang, d.month.unwrap_or(1)), year_label(d.year, lang))
    };
    format!("{} {} – {}", lang.strings().showing, month(start), month(end - 1.0))
}

/// A count of things with the language's thousands separator: `1234` is "1.234" in Indonesian
/// and "1,234" in English; below a thousand it is the plain number. Every count the interface
/// shows (matches, steps, clusters, problems) goes through here.
pub fn format_count(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Every fixed string of the interface.
#[derive(Debug)]
pub struct Strings {
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset: &'static str,
    pub controls: &'static str,
    pub events: &'static str,
    pub wheel_hint: &'static str,
    pub touch_hint: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub invalid_bundle: &'static str,
    pub retry: &'static str,
    pub close: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub category: &'static str,
    /// The heading over the verbatim quotations and their editor's notes.
    pub excerpts: &'static str,
    pub editor_note: &'static str,
    pub date_note: &'static str,
    pub no_url: &'static str,
    pub showing: &'static str,
    pub more_events: &'static str,
    pub overview: &'static str,
    pub translated_missing: &'static str,
    pub timeline: &'static str,
    pub language: &'static str,
    pub and_more: &'static str,
    pub cluster_label: &'static str,
    pub published: &'static str,
    pub list_view: &'static str,
    pub present: &'static str,
    pub leave_present: &'static str,
    pub share: &'static str,
    /// Shorter labels of the four text buttons for phones, where the full ones took three rows
    /// of controls; each is a word of the full label, which stays the button's name.
    pub reset_short: &'static str,
    pub list_short: &'static str,
    pub present_short: &'static str,
    pub share_short: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub matches: &'static str,
    pub no_matches: &'static str,
    pub all_match: &'static str,
    /// Where a step is among all steps, as said to screen readers: `{n}` and `{total}`
    /// ("3 dari 65", never "3 / 65", which is read aloud as a slash).
    pub step: &'static str,
    pub present_hint: &'static str,
    /// Said when the filter hid the focused event and focus moved to `{name}`.
    pub focus_moved: &'static str,
    /// The heading over the sources an event cites (links out).
    pub sources: &'static str,
    /// Said to screen readers after a link that opens in a new tab.
    pub opens_new_tab: &'static str,
    /// Before an image's credit: "Gambar: TASS".
    pub image_credit: &'static str,
    /// In place of an image that did not load (blocked, missing), before its text alternative.
    pub image_failed: &'static str,
    /// Over a link out to media the widget never embeds (a video, a post, a map).
    pub media_elsewhere: &'static str,
}

static ID: Strings = Strings {
    zoom_in: "Perbesar",
    zoom_out: "Perkecil",
    reset: "Tampilkan semua",
    controls: "Kontrol linimasa",
    events: "Peristiwa",
    wheel_hint:
        "Tekan Ctrl sambil menggulir untuk memperbesar atau memperkecil; seret untuk menggeser.",
    touch_hint: "Cubit untuk memperbesar atau memperkecil; seret untuk menggeser.",
    loading: "Memuat linimasa…",
    load_failed: "Linimasa tidak dapat dimuat.",
    invalid_bundle: "Data linimasa tidak valid.",
    retry: "Coba lagi",
    close: "Tutup",
    previous: "Peristiwa sebelumnya",
    next: "Peristiwa berikutnya",
    category: "Kategori",
    excerpts: "Kutipan",
    editor_note: "Catatan redaksi",
    date_note: "Tentang tanggal",
    no_url: "tanpa tautan",
    showing: "Menampilkan",
    more_events: "peristiwa lain",
    overview: "Ikhtisar 1950–1965: seret jendela untuk menggeser tampilan",
    translated_missing: "belum diterjemahkan",
    timeline: "Linimasa",
    language: "Bahasa",
    and_more: "dan {n} masalah lain",
    cluster_label: "{n} peristiwa berdekatan, {range}: tampilkan",
    published: "terbit",
    list_view: "Daftar peristiwa",
    present: "Mode presentasi",
    leave_present: "Keluar dari presentasi",
    share: "Salin tautan",
    reset_short: "Semua",
    list_short: "Daftar",
    present_short: "Presentasi",
    share_short: "Tautan",
    link_copied: "Tautan disalin.",
    copy_failed: "Tautan tidak dapat disalin; salin dari bilah alamat.",
    filters: "Saring menurut kategori",
    search: "Cari peristiwa",
    search_placeholder: "Cari…",
    matches: "{n} dari {total} peristiwa cocok",
    no_matches: "Tidak ada peristiwa yang cocok",
    all_match: "{total} peristiwa",
    step: "{n} dari {total}",
    present_hint: "→ atau PageDown: berikutnya · ← atau PageUp: sebelumnya · Esc: keluar",
    focus_moved: "Peristiwa yang dipilih tersembunyi oleh filter; fokus pindah ke {name}.",
    sources: "Sumber",
    opens_new_tab: "(membuka tab baru)",
    image_credit: "Gambar",
    image_failed: "Gambar tidak dapat dimuat",
    media_elsewhere: "Media di situs lain",
};

static EN: Strings = Strings {
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset: "Show all",
    controls: "Timeline controls",
    events: "Events",
    wheel_hint: "Hold Ctrl and scroll to zoom in or out; drag to move.",
    touch_hint: "Pinch to zoom in or out; drag to move.",
    loading: "Loading the timeline…",
    load_failed: "The timeline could not be loaded.",
    invalid_bundle: "The timeline data is not valid.",
    retry: "Try again",
    close: "Close",
    previous: "Previous event",
    next: "Next event",
    category: "Category",
    excerpts: "Excerpts",
    editor_note: "Editor's note",
    date_note: "About the date",
    no_url: "no link",
    showing: "Showing",
    more_events: "more events",
    overview: "Overview 1950–1965: drag the window to move",
    translated_missing: "not yet translated",
    timeline: "Timeline",
    language: "Language",
    and_more: "and {n} more problems",
    cluster_label: "{n} events close together, {range}: show them",
    published: "published",
    list_view: "Event list",
    present: "Presentation mode",
    leave_present: "Leave presentation",
    share: "Copy link",
    reset_short: "Show all",
    list_short: "List",
    present_short: "Presentation",
    share_short: "Copy link",
    link_copied: "Link copied.",
    copy_failed: "The link could not be copied; copy it from the address bar.",
    filters: "Filter by category",
    search: "Search events",
    search_placeholder: "Search…",
    matches: "{n} of {total} events match",
    no_matches: "No events match",
    all_match: "{total} events",
    step: "{n} of {total}",
    present_hint: "→ or PageDown: next · ← or PageUp: previous · Esc: leave",
    focus_moved: "The focused event is hidden by the filter; focus moved to {name}.",
    sources: "Sources",
    opens_new_tab: "(opens in a new tab)",
    image_credit: "Image",
    image_failed: "The image could not be loaded",
    media_elsewhere: "Media on another site",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn dates_are_written_at_their_precision() {
        assert_eq!(format_date(&d("1950-02-14"), Lang::Id), "14 Februari 1950");
        assert_eq!(format_date(&d("1950-02-14"), Lang::En), "14 February 1950");
        assert_eq!(format_date(&d("1958-08"), Lang::Id), "Agustus 1958");
        assert_eq!(format_date(&d("1958-08"), Lang::En), "August 1958");
        assert_eq!(format_date(&d("1963"), Lang::Id), "1963");
        assert_eq!(format_date(&d("1962-04~"), Lang::Id), "sekitar April 1962");
        assert_eq!(format_date(&d("1962-04~"), Lang::En), "c. April 1962");
        assert_eq!(format_date(&d("1960-07?"), Lang::En), "July 1960?");
    }

    #[test]
    fn counts_group_thousands_in_each_language() {
        assert_eq!(format_count(0, Lang::Id), "0");
        assert_eq!(format_count(65, Lang::En), "65");
        assert_eq!(format_count(999, Lang::Id), "999");
        assert_eq!(format_count(1234, Lang::Id), "1.234");
        assert_eq!(format_count(1234, Lang::En), "1,234");
        assert_eq!(format_count(200_000, Lang::Id), "200.000");
        assert_eq!(format_count(1_000_000, Lang::En), "1,000,000");
        assert_eq!(format_count(u64::MAX, Lang::Id), "18.446.744.073.709.551.615");
    }

    #[test]
    fn years_before_our_era_read_bc() {
        assert_eq!(format_date(&d("-0043-03-15"), Lang::Id), "15 Maret 44 SM");
        assert_eq!(format_date(&d("-0043-03-15"), Lang::En), "15 March 44 BC");
        assert_eq!(format_date(&d("0000"), Lang::En), "1 BC");
        assert_eq!(format_date(&d("0001~"), Lang::Id), "sekitar 1");
        assert_eq!(format_date(&d("0602-07"), Lang::En), "July 602");
        assert_eq!(format_date(&d("-9999?"), Lang::En), "10000 BC?");
    }

    /// The label over the track printed the astronomical year ("Showing March -43 – …") for a
    /// bundle of antiquity while the axis and the popover said "44 BC": it formatted the year
    /// itself in the UI instead of going through `year_label`.
    #[test]
    fn the_visible_range_reads_bc_like_every_other_date() {
        let day = |s: &str| f64::from(d(s).first_day());
        let (a, b) = (day("-0043-03-15"), day("-0039-12-31") + 1.0);
        assert_eq!(view_label(a, b, Lang::Id), "Menampilkan Maret 44 SM – Desember 40 SM");
        assert_eq!(view_label(a, b, Lang::En), "Showing March 44 BC – December 40 BC");
        // Across the turn of the era: 1 BC is followed by AD 1, with no year 0 in between.
        let (a, b) = (day("0000-11-02"), day("0001-02-01"));
        assert_eq!(view_label(a, b, Lang::En), "Showing November 1 BC – January 1");
        // Fractional day numbers, as a zoom leaves them, and the end excluded.
        let (a, b) = (day("1958-08-01") + 0.6, day("1959-07-02") + 0.25);
        assert_eq!(view_label(a, b, Lang::Id), "Menampilkan Agustus 1958 – Juli 1959");
        assert_eq!(view_label(a, day("1959-07-01"), Lang::En), "Showing August 1958 – June 1959");
    }

    #[test]
    fn language_tags_map_to_languages() {
        assert_eq!(Lang::from_tag("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("in"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn ranges_join_both_ends() {
        assert_eq!(
            format_range(&d("1958-08-23"), Some(&d("1958-10")), Lang::En),
            "23 August 1958 – October 1958"
        );
        assert_eq!(format_range(&d("1953"), None, Lang::Id), "1953");
    }
}
