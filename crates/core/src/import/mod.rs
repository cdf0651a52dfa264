//! Building a bundle from what editors already have: our spreadsheet template
//! ([`template`]) and TimelineJS timelines, from its Google Sheets template or its JSON
//! ([`timelinejs`]).
//!
//! Format-independent on purpose, so a browser editor can reuse it: rows come in as cells
//! with their row numbers ([`Row`]), already read from CSV by the caller; TimelineJS JSON comes
//! in as the core's [`Json`]; HTML comes in through [`HtmlToText`], implemented by the caller
//! with a real HTML parser (the command line uses html5ever). The result is a bundle document
//! ([`Json`], keys in the format's order) and a list of [`Note`]s: everything that could not
//! be carried over, row by row, never silently lost.

pub mod slug;
pub mod template;
pub mod timelinejs;

use crate::i18n::Lang;
use crate::json::Json;

/// One row of a table: its cells, and its number as a spreadsheet shows it (the header is
/// row 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn new(number: usize, cells: Vec<String>) -> Row {
        Row { number, cells }
    }
}

/// HTML turned into plain text by the caller's HTML parser.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Converted {
    /// The text, paragraphs separated by a blank line, list items starting with "• ".
    pub text: String,
    /// Links whose address was dropped: (link text, href).
    pub links: Vec<(String, String)>,
    /// Other things dropped: element names such as `img`, `iframe`, `script`.
    pub dropped: Vec<String>,
}

/// Turns an HTML fragment into safe plain text (no markup survives: `<` in the result is the
/// character, shown as text by the widget).
pub trait HtmlToText {
    fn convert(&self, html: &str) -> Converted;
}

/// Where a note belongs: a spreadsheet row, or a place in a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The whole input.
    Input,
    /// Row `n` of a table (the header is row 1).
    Row(usize),
    /// A path in a JSON document, such as `events[3]`.
    Path(String),
}

/// Why a row could not become anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// No headline and no text.
    Empty,
    /// No start date the bundle can hold.
    NoStart,
}

/// Something the importer could not carry over as it was, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub origin: Origin,
    pub kind: NoteKind,
}

/// What was not carried over. Each is a loss of data or a guess: `--strict` makes them errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// A column the format does not know; its values are ignored.
    UnknownColumn { column: String },
    /// A required column is absent; nothing can be imported.
    MissingColumn { column: String },
    /// A row kind (template `kind` column) that is not one of the known ones; the row is skipped.
    UnknownRowKind { value: String },
    /// A value in a column that this kind of row does not use.
    UnusedCell { column: String, value: String },
    /// Cells beyond the header's columns.
    ExtraCells { count: usize },
    /// A row that could not become anything (no date, no headline…); `why` says what is missing.
    RowSkipped { why: SkipReason },
    /// A time of day: bundles have day precision.
    TimeDropped { column: String, value: String },
    /// A day without a month.
    DayWithoutMonth { day: String },
    /// A date the bundle cannot hold (a year beyond 10000 BC–9999, a month 13…).
    BadDate { column: String, value: String },
    /// An excerpt row with no event above it or naming no known event.
    OrphanExcerpt { event: String },
    /// A second `bundle` row or a second title slide; ignored.
    SecondTitle,
    /// Media on a title or era slide: bundles have media only on events.
    MediaDropped { url: String },
    /// Media not served over https: a page on https would block it.
    MediaNotHttps { url: String },
    /// Media that is not an image (a video, a post, a map): it becomes a labelled link out.
    MediaAsLink { url: String },
    /// An image without a text alternative: `from` (the caption or the headline) stands in.
    AltGuessed { from: String },
    /// A media credit, caption or thumbnail, dropped with its media.
    MediaDetailDropped { column: String, value: String },
    /// A slide background.
    BackgroundDropped { value: String },
    /// A link inside HTML text: its text is kept, its address dropped.
    LinkDropped { text: String, href: String },
    /// Markup other than text (an image, a script…) inside HTML text.
    MarkupDropped { element: String },
    /// An id that was not valid or not unique, and the one used instead.
    IdChanged { from: String, to: String },
    /// No headline: the start of the text is used as the title.
    TitleFromText,
    /// No text: the headline is used as the summary.
    SummaryFromTitle,
    /// No title slide: the bundle is titled after the file.
    TitleFromFile { title: String },
    /// An event without a group: put in a catch-all category.
    NoGroup,
    /// A field of TimelineJS JSON this importer does not carry over.
    FieldDropped { field: String },
    /// HTML too long to convert (far past the bundle's text limit); the text is left out.
    HtmlTooLong { chars: usize },
}

impl Note {
    /// "row 14: Time 10:30 dropped, the bundle has day precision." in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let place = match (&self.origin, lang) {
            (Origin::Input, _) => String::new(),
            (Origin::Row(n), Lang::En) => format!("row {n}: "),
            (Origin::Row(n), Lang::Id) => format!("baris {n}: "),
            (Origin::Path(p), _) => format!("{p}: "),
        };
        format!("{place}{}", self.kind.message(lang))
    }
}

fn q(s: &str) -> String {
    format!("\"{}\"", crate::bundle::clip(s))
}

impl NoteKind {
    /// The sentence, in `lang`, without the place.
    pub fn message(&self, lang: Lang) -> String {
        use NoteKind as N;
        let en = lang == Lang::En;
        match self {
            N::UnknownColumn { column } => {
                if en {
                    format!("column {} is not part of the template and is ignored.", q(column))
                } else {
                    format!("kolom {} bukan bagian dari templat dan diabaikan.", q(column))
                }
            }
            N::MissingColumn { column } => {
                if en {
                    format!("the required column {} is missing.", q(column))
                } else {
                    format!("kolom wajib {} tidak ada.", q(column))
                }
            }
            N::UnknownRowKind { value } => {
                if en {
                    format!(
                        "kind {} is not one of bundle, category, era, source, event, excerpt, \
                         cite; the row is skipped.",
                        q(value)
                    )
                } else {
                    format!(
                        "jenis {} bukan salah satu dari bundle, category, era, source, event, \
                         excerpt, cite; baris dilewati.",
                        q(value)
                    )
                }
            }
            N::UnusedCell { column, value } => {
                if en {
                    format!("{column} {} dropped: this kind of row does not use it.", q(value))
                } else {
                    format!("{column} {} dibuang: jenis baris ini tidak memakainya.", q(value))
                }
            }
            N::ExtraCells { count } => {
                if en {
                    format!("{count} cells beyond the last column dropped.")
                } else {
                    format!("{count} sel di luar kolom terakhir dibuang.")
                }
            }
            N::RowSkipped { why } => match (why, en) {
                (SkipReason::Empty, true) => "row skipped: no headline and no text.".into(),
                (SkipReason::Empty, false) => "baris dilewati: tanpa judul dan tanpa teks.".into(),
                (SkipReason::NoStart, true) => "row skipped: no usable start date.".into(),
                (SkipReason::NoStart, false) => {
                    "baris dilewati: tanpa tanggal mulai yang dapat dipakai.".into()
                }
            },
            N::TimeDropped { column, value } => {
                if en {
                    format!("{column} {value} dropped, the bundle has day precision.")
                } else {
                    format!("{column} {value} dibuang, bundel hanya sampai ketelitian hari.")
                }
            }
            N::DayWithoutMonth { day } => {
                if en {
                    format!("day {day} dropped: there is no month.")
                } else {
                    format!("tanggal {day} dibuang: bulannya tidak ada.")
                }
            }
            N::BadDate { column, value } => {
                if en {
                    format!(
                        "{column} {} is not a date the bundle can hold (years 10000 BC to 9999, \
                         months 1-12, days of the month).",
                        q(value)
                    )
                } else {
                    format!(
                        "{column} {} bukan tanggal yang dapat dimuat bundel (tahun 10000 SM \
                         sampai 9999, bulan 1-12, tanggal yang ada di bulan itu).",
                        q(value)
                    )
                }
            }
            N::OrphanExcerpt { event } => {
                if en {
                    format!("the excerpt belongs to no event ({}); it is dropped.", q(event))
                } else {
                    format!("kutipan ini tidak milik peristiwa mana pun ({}); dibuang.", q(event))
                }
            }
            N::SecondTitle => {
                if en {
                    "a second title row; only the first is used.".into()
                } else {
                    "baris judul kedua; hanya yang pertama dipakai.".into()
                }
            }
            N::MediaDropped { url } => {
                if en {
                    format!("media {} dropped: bundles have media only on events.", q(url))
                } else {
                    format!("media {} dibuang: bundel hanya memuat media pada peristiwa.", q(url))
                }
            }
            N::MediaNotHttps { url } => {
                if en {
                    format!("media {} dropped: only https:// media can be shown.", q(url))
                } else {
                    format!(
                        "media {} dibuang: hanya media https:// yang dapat ditampilkan.",
                        q(url)
                    )
                }
            }
            N::MediaAsLink { url } => {
                if en {
                    format!(
                        "media {} is not an image: it becomes a link out, not embedded.",
                        q(url)
                    )
                } else {
                    format!(
                        "media {} bukan gambar: menjadi tautan keluar, tidak disematkan.",
                        q(url)
                    )
                }
            }
            N::AltGuessed { from } => {
                if en {
                    format!("the image has no alt text: its {from} stands in; describe the image instead.")
                } else {
                    let from = if from == "caption" { "keterangannya" } else { "judulnya" };
                    format!("gambar tanpa teks alternatif: {from} dipakai; lebih baik tulis deskripsi gambar.")
                }
            }
            N::MediaDetailDropped { column, value } => {
                if en {
                    format!("{column} {} dropped with the media.", q(value))
                } else {
                    format!("{column} {} dibuang bersama medianya.", q(value))
                }
            }
            N::BackgroundDropped { value } => {
                if en {
                    format!("background {} dropped.", q(value))
                } else {
                    format!("latar {} dibuang.", q(value))
                }
            }
            N::LinkDropped { text, href } => {
                if en {
                    format!("link {} dropped, its text {} kept.", q(href), q(text))
                } else {
                    format!("tautan {} dibuang, teksnya {} dipertahankan.", q(href), q(text))
                }
            }
            N::MarkupDropped { element } => {
                if en {
                    format!("<{element}> dropped from the text.")
                } else {
                    format!("<{element}> dibuang dari teks.")
                }
            }
            N::IdChanged { from, to } => {
                if en {
                    format!("id {} is not usable; {} is used instead.", q(from), q(to))
                } else {
                    format!("id {} tidak dapat dipakai; diganti {}.", q(from), q(to))
                }
            }
            N::TitleFromText => {
                if en {
                    "no headline: the start of the text is the title.".into()
                } else {
                    "tanpa judul: awal teks dijadikan judul.".into()
                }
            }
            N::SummaryFromTitle => {
                if en {
                    "no text: the headline is also the summary.".into()
                } else {
                    "tanpa teks: judul dipakai juga sebagai ringkasan.".into()
                }
            }
            N::TitleFromFile { title } => {
                if en {
                    format!("no title slide: the timeline is titled {}.", q(title))
                } else {
                    format!("tanpa slide judul: linimasa diberi judul {}.", q(title))
                }
            }
            N::NoGroup => {
                if en {
                    "no group: the event goes in the category \"other\".".into()
                } else {
                    "tanpa grup: peristiwa masuk kategori \"other\".".into()
                }
            }
            N::HtmlTooLong { chars } => {
                if en {
                    format!("a text of {chars} characters of HTML is too long to convert; it is left out.")
                } else {
                    format!("teks HTML sepanjang {chars} karakter terlalu panjang untuk diubah; dihilangkan.")
                }
            }
            N::FieldDropped { field } => {
                if en {
                    format!("field {} dropped: bundles have no such field.", q(field))
                } else {
                    format!("kolom {} dibuang: bundel tidak memiliki kolom itu.", q(field))
                }
            }
        }
    }

    /// Whether nothing usable could be imported at all (always an error, `--strict` or not).
    pub fn is_fatal(&self) -> bool {
        matches!(self, NoteKind::MissingColumn { .. })
    }
}

/// What an import gives: the bundle document, what was not carried over, and which row or
/// place each part of the bundle came from (a bundle path such as `events[3]`, and its origin),
/// so the validator's problems can name rows too.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub bundle: Json,
    pub notes: Vec<Note>,
    pub origins: Vec<(String, Origin)>,
}

impl Imported {
    /// The origin of a validator problem's `path`: that of the longest bundle path it starts
    /// with (`events[3].title.en` → the row of `events[3]`).
    pub fn origin_of(&self, path: &str) -> Option<&Origin> {
        self.origins
            .iter()
            .filter(|(p, _)| {
                path.strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, o)| o)
    }
}

/// A JSON object built in order.
pub(crate) struct Obj(Vec<(String, Json)>);

impl Obj {
    pub(crate) fn new() -> Obj {
        Obj(Vec::new())
    }

    pub(crate) fn put(&mut self, key: &str, value: Json) {
        self.0.push((key.to_owned(), value));
    }

    pub(crate) fn text(&mut self, key: &str, value: &str) {
        self.put(key, Json::String(value.to_owned()));
    }

    pub(crate) fn build(self) -> Json {
        Json::Object(self.0)
    }
}

/// A localised text of one language.
pub(crate) fn one_language(lang: &str, text: &str) -> Json {
    Json::Object(vec![(lang.to_owned(), Json::String(text.to_owned()))])
}

/// Distinct colours for imported groups, dark enough for white text and apart in lightness;
/// paired with the six icons (a different cycle length), so no two of the first 24 groups
/// share both colour and icon and colour is never the only cue.
pub const GROUP_COLORS: [&str; 8] =
    ["#1f4e9c", "#b3261e", "#2e7d32", "#6a3d9a", "#9a4d00", "#37474f", "#00838f", "#ad1457"];
