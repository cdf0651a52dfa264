//! What a problem is, with its data, and its sentence in each language the tools speak: the one
//! place where the validator's wording lives. The command-line validator, the widget's error
//! panel and the importer's reports all take their text from [`ProblemKind::message`].
//!
//! Values from the bundle are kept as the editor wrote them, cut to 40 characters ([`clip`]),
//! so a hostile 100 000-character value cannot flood a terminal or the error panel.

use super::limits::{MAX_EVENTS, MAX_LANGUAGES, MAX_TEXT_CHARS};
use super::model::Icon;
use super::problem::code;
use crate::date::{DateError, PartialDate};
use crate::i18n::Lang;
use crate::json::Json;

/// What a value should have been, for [`ProblemKind::WrongType`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    String,
    List,
    /// `version`: a whole number such as 1.
    Version,
    /// `importance`: 1, 2 or 3.
    Importance,
    /// A localised text: an object from language to text.
    Texts,
    /// A source's `url`: a link or `null`.
    UrlOrNull,
    /// A media `width` or `height`.
    Pixels,
}

/// What a value was, for [`ProblemKind::WrongType`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Boolean,
    Number,
    String,
    List,
    Object,
}

impl JsonKind {
    /// The kind of `value`.
    pub fn of(value: &Json) -> JsonKind {
        match value {
            Json::Null => JsonKind::Null,
            Json::Bool(_) => JsonKind::Boolean,
            Json::Number(_) => JsonKind::Number,
            Json::String(_) => JsonKind::String,
            Json::Array(_) => JsonKind::List,
            Json::Object(_) => JsonKind::Object,
        }
    }
}

/// A kind of thing with an id, for duplicate ids and unresolved references.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Event,
    Category,
    Era,
    Source,
}

/// A list that must not be empty, for [`ProblemKind::EmptyList`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListName {
    Languages,
    Categories,
}

/// Why a link is refused, for [`ProblemKind::InvalidUrl`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// Another scheme (`javascript:`, `data:`, `ftp://`, `HTTPS://`).
    NotWeb,
    /// A relative or scheme-less link.
    NotAbsolute,
    /// Whitespace or control characters.
    Spaces,
    /// Nothing after `https://`.
    NoHost,
    /// `user@host`.
    Credentials,
    /// `http://` where only `https://` will do (media: a page served over https would block it).
    NotHttps,
}

/// Every problem the validator reports, with the data its message needs. Several variants may
/// share a [`code`] (the duplicate key of an object and of a localised text are both
/// `duplicate-key`); the code is the stable name, the variant the exact case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// `version` is a number other than a supported one; `found` as written in the message.
    UnsupportedVersion {
        found: String,
        supported: Vec<u32>,
    },
    WrongType {
        expected: Expected,
        found: JsonKind,
    },
    MissingField {
        field: String,
    },
    InvalidDate {
        value: String,
        error: DateError,
    },
    EndBeforeStart {
        start: PartialDate,
        end: PartialDate,
    },
    OutOfRange {
        date: PartialDate,
        start: PartialDate,
        end: PartialDate,
    },
    UnknownCategory {
        id: String,
    },
    UnknownSource {
        id: String,
    },
    DuplicateId {
        thing: Thing,
        id: String,
    },
    /// The same key twice in one object.
    DuplicateKey {
        key: String,
    },
    /// The same language twice in one localised text (code `duplicate-key`).
    DuplicateTextLanguage {
        lang: String,
    },
    /// `required`: a title, summary or label (an error), else a note or the description.
    MissingTranslation {
        lang: String,
        required: bool,
    },
    EmptyText,
    /// `chars`: the text's length in Unicode code points.
    TextTooLong {
        chars: usize,
    },
    InvalidColor {
        value: String,
    },
    InvalidUrl {
        value: String,
        why: UrlProblem,
    },
    /// `value` as written in the message (a number).
    InvalidImportance {
        value: String,
    },
    InvalidId {
        value: String,
    },
    InvalidLanguage {
        value: String,
    },
    DuplicateLanguage {
        lang: String,
    },
    TooManyLanguages {
        count: usize,
    },
    InvalidIcon {
        value: String,
    },
    EmptyList {
        list: ListName,
    },
    NoEvents,
    TooManyEvents {
        count: usize,
    },
    /// Problems past the limit, counted but not listed.
    TooManyProblems {
        errors: usize,
        warnings: usize,
    },
    UnknownField {
        field: String,
    },
    UndeclaredLanguage {
        lang: String,
    },
    /// A media `type` other than `image` or `link`.
    InvalidMediaType {
        value: String,
    },
    /// A media `width` or `height` out of 1–20 000 or not whole; `value` as written.
    InvalidSize {
        value: String,
    },
}

/// A user's value for a message: cut to 40 characters (with "…") so a hostile value cannot
/// flood the output. Shown in quotation marks by the messages.
pub fn clip(s: &str) -> String {
    const SHOWN: usize = 40;
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(SHOWN).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn q(s: &str) -> String {
    format!("\"{s}\"")
}

impl Expected {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Object, Lang::En) => "an object",
            (Expected::Object, Lang::Id) => "sebuah objek",
            (Expected::String, Lang::En) => "a string",
            (Expected::String, Lang::Id) => "sebuah teks (string)",
            (Expected::List, Lang::En) => "a list",
            (Expected::List, Lang::Id) => "sebuah daftar",
            (Expected::Version, Lang::En) => "a whole number such as 1",
            (Expected::Version, Lang::Id) => "bilangan bulat seperti 1",
            (Expected::Importance, Lang::En) => "the number 1, 2 or 3",
            (Expected::Importance, Lang::Id) => "angka 1, 2, atau 3",
            (Expected::Texts, Lang::En) => {
                "an object of texts by language, such as {\"en\": \"…\"}"
            }
            (Expected::Texts, Lang::Id) => "objek berisi teks per bahasa, seperti {\"id\": \"…\"}",
            (Expected::UrlOrNull, Lang::En) => "a link (https://…) or null",
            (Expected::UrlOrNull, Lang::Id) => "sebuah tautan (https://…) atau null",
            (Expected::Pixels, Lang::En) => "a whole number of pixels",
            (Expected::Pixels, Lang::Id) => "bilangan bulat piksel",
        }
    }
}

impl JsonKind {
    /// As editors would say it: "a string", "a list" / "sebuah teks", "sebuah daftar".
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (JsonKind::Null, _) => "null",
            (JsonKind::Boolean, Lang::En) => "true or false",
            (JsonKind::Boolean, Lang::Id) => "nilai true/false",
            (JsonKind::Number, Lang::En) => "a number",
            (JsonKind::Number, Lang::Id) => "sebuah angka",
            (JsonKind::String, Lang::En) => "a string",
            (JsonKind::String, Lang::Id) => "sebuah teks (string)",
            (JsonKind::List, Lang::En) => "a list",
            (JsonKind::List, Lang::Id) => "sebuah daftar",
            (JsonKind::Object, Lang::En) => "an object",
            (JsonKind::Object, Lang::Id) => "sebuah objek",
        }
    }
}

impl Thing {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Thing::Event, Lang::En) => "event",
            (Thing::Event, Lang::Id) => "peristiwa",
            (Thing::Category, Lang::En) => "category",
            (Thing::Category, Lang::Id) => "kategori",
            (Thing::Era, _) => "era",
            (Thing::Source, Lang::En) => "source",
            (Thing::Source, Lang::Id) => "sumber",
        }
    }
}

impl UrlProblem {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (UrlProblem::NotWeb, Lang::En) => {
                "Only web links are allowed: the link must start with https:// or http://."
            }
            (UrlProblem::NotWeb, Lang::Id) => {
                "Hanya tautan web yang diizinkan: tautan harus diawali https:// atau http://."
            }
            (UrlProblem::NotAbsolute, Lang::En) => {
                "The link must be absolute, starting with https:// or http:// and the site's name."
            }
            (UrlProblem::NotAbsolute, Lang::Id) => {
                "Tautan harus lengkap, diawali https:// atau http:// dan nama situsnya."
            }
            (UrlProblem::Spaces, Lang::En) => {
                "The link contains spaces or control characters; encode them (%20)."
            }
            (UrlProblem::Spaces, Lang::Id) => {
                "Tautan berisi spasi atau karakter kendali; kodekan (%20)."
            }
            (UrlProblem::NoHost, Lang::En) => "The link has no site name after https://.",
            (UrlProblem::NoHost, Lang::Id) => "Tautan tidak memiliki nama situs setelah https://.",
            (UrlProblem::Credentials, Lang::En) => {
                "The link contains a user name or password (an @ before the site name)."
            }
            (UrlProblem::Credentials, Lang::Id) => {
                "Tautan berisi nama pengguna atau kata sandi (tanda @ sebelum nama situs)."
            }
            (UrlProblem::NotHttps, Lang::En) => {
                "Media must come from an https:// address: pages served over https block others."
            }
            (UrlProblem::NotHttps, Lang::Id) => {
                "Media harus berasal dari alamat https://: halaman https memblokir yang lain."
            }
        }
    }
}

impl ProblemKind {
    /// The stable kebab-case name of the rule (see [`code`] and `docs/bundle-format.md`).
    pub fn code(&self) -> &'static str {
        use ProblemKind as K;
        match self {
            K::UnsupportedVersion { .. } => code::UNSUPPORTED_VERSION,
            K::WrongType { .. } => code::WRONG_TYPE,
            K::MissingField { .. } => code::MISSING_FIELD,
            K::InvalidDate { .. } => code::INVALID_DATE,
            K::EndBeforeStart { .. } => code::END_BEFORE_START,
            K::OutOfRange { .. } => code::OUT_OF_RANGE,
            K::UnknownCategory { .. } => code::UNKNOWN_CATEGORY,
            K::UnknownSource { .. } => code::UNKNOWN_SOURCE,
            K::DuplicateId { .. } => code::DUPLICATE_ID,
            K::DuplicateKey { .. } | K::DuplicateTextLanguage { .. } => code::DUPLICATE_KEY,
            K::MissingTranslation { .. } => code::MISSING_TRANSLATION,
            K::EmptyText => code::EMPTY_TEXT,
            K::TextTooLong { .. } => code::TEXT_TOO_LONG,
            K::InvalidColor { .. } => code::INVALID_COLOR,
            K::InvalidUrl { .. } => code::INVALID_URL,
            K::InvalidImportance { .. } => code::INVALID_IMPORTANCE,
            K::InvalidId { .. } => code::INVALID_ID,
            K::InvalidLanguage { .. } => code::INVALID_LANGUAGE,
            K::DuplicateLanguage { .. } => code::DUPLICATE_LANGUAGE,
            K::TooManyLanguages { .. } => code::TOO_MANY_LANGUAGES,
            K::InvalidIcon { .. } => code::INVALID_ICON,
            K::EmptyList { .. } => code::EMPTY_LIST,
            K::NoEvents => code::NO_EVENTS,
            K::TooManyEvents { .. } => code::TOO_MANY_EVENTS,
            K::TooManyProblems { .. } => code::TOO_MANY_PROBLEMS,
            K::UnknownField { .. } => code::UNKNOWN_FIELD,
            K::InvalidMediaType { .. } => code::INVALID_MEDIA_TYPE,
            K::InvalidSize { .. } => code::INVALID_SIZE,
            K::UndeclaredLanguage { .. } => code::UNDECLARED_LANGUAGE,
        }
    }

    /// A plain sentence for editors, in `lang`: it starts with a capital and ends with a stop.
    ///
    /// ```
    /// use timeline_core::bundle::ProblemKind;
    /// use timeline_core::i18n::Lang;
    /// let p = ProblemKind::TextTooLong { chars: 100_000 };
    /// assert_eq!(p.message(Lang::En), "This text has 100000 characters; the limit is 20000.");
    /// assert_eq!(p.message(Lang::Id), "Teks ini berisi 100000 karakter; batasnya 20000.");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind as K;
        let en = lang == Lang::En;
        match self {
            K::UnsupportedVersion { found, supported } => {
                let list: Vec<String> = supported.iter().map(u32::to_string).collect();
                let noun = if list.len() == 1 { "version" } else { "versions" };
                let list = list.join(", ");
                if en {
                    format!(
                        "This bundle is version {found}, but this widget reads only {noun} \
                         {list}. Use a newer widget, or write the bundle in a supported version."
                    )
                } else {
                    format!(
                        "Bundel ini versi {found}, tetapi widget ini hanya membaca versi {list}. \
                         Gunakan widget yang lebih baru, atau tulis bundel dalam versi yang \
                         didukung."
                    )
                }
            }
            K::WrongType { expected, found } => {
                let (e, f) = (expected.text(lang), found.text(lang));
                if en {
                    format!("This should be {e}, but it is {f}.")
                } else {
                    format!("Ini seharusnya {e}, tetapi isinya {f}.")
                }
            }
            K::MissingField { field } => {
                if en {
                    format!("The required field {} is missing.", q(field))
                } else {
                    format!("Kolom wajib {} tidak ada.", q(field))
                }
            }
            K::InvalidDate { value, error } => {
                if en {
                    format!("The date {} is not valid: {}.", q(value), error.message(lang))
                } else {
                    format!("Tanggal {} tidak sah: {}.", q(value), error.message(lang))
                }
            }
            K::EndBeforeStart { start, end } => {
                if en {
                    format!("The end ({end}) is before the start ({start}).")
                } else {
                    format!("Akhir ({end}) lebih awal dari awal ({start}).")
                }
            }
            K::OutOfRange { date, start, end } => {
                if en {
                    format!("The date {date} is outside the bundle's range, {start} to {end}.")
                } else {
                    format!("Tanggal {date} berada di luar rentang bundel, {start} sampai {end}.")
                }
            }
            K::UnknownCategory { id } => unknown(Thing::Category, id, lang),
            K::UnknownSource { id } => unknown(Thing::Source, id, lang),
            K::DuplicateId { thing, id } => {
                let what = thing.text(lang);
                if en {
                    format!("Another {what} already has the id {}.", q(id))
                } else {
                    let mut what = what.to_owned();
                    if let Some(first) = what.get_mut(..1) {
                        first.make_ascii_uppercase();
                    }
                    format!("{what} lain sudah memakai id {}.", q(id))
                }
            }
            K::DuplicateKey { key } => {
                if en {
                    format!(
                        "The key {} appears more than once in this object; keep only one.",
                        q(key)
                    )
                } else {
                    format!(
                        "Kunci {} muncul lebih dari sekali dalam objek ini; sisakan satu saja.",
                        q(key)
                    )
                }
            }
            K::DuplicateTextLanguage { lang: l } => {
                if en {
                    format!("The language {} appears more than once here; keep only one.", q(l))
                } else {
                    format!("Bahasa {} muncul lebih dari sekali di sini; sisakan satu saja.", q(l))
                }
            }
            K::MissingTranslation { lang: l, required } => match (en, required) {
                (true, true) => format!("The text in language {} is missing.", q(l)),
                (true, false) => format!(
                    "The text in language {} is missing; readers in that language see another \
                     language instead.",
                    q(l)
                ),
                (false, true) => format!("Teks dalam bahasa {} tidak ada.", q(l)),
                (false, false) => format!(
                    "Teks dalam bahasa {} tidak ada; pembaca bahasa itu melihat bahasa lain \
                     sebagai gantinya.",
                    q(l)
                ),
            },
            K::EmptyText => {
                if en {
                    "This text is empty; write something or leave the field out.".into()
                } else {
                    "Teks ini kosong; isilah, atau hapus kolom ini.".into()
                }
            }
            K::TextTooLong { chars } => {
                if en {
                    format!("This text has {chars} characters; the limit is {MAX_TEXT_CHARS}.")
                } else {
                    format!("Teks ini berisi {chars} karakter; batasnya {MAX_TEXT_CHARS}.")
                }
            }
            K::InvalidColor { value } => {
                if en {
                    format!(
                        "The colour {} is not valid: write it as #rgb or #rrggbb, such as #c33 \
                         or #cc3333.",
                        q(value)
                    )
                } else {
                    format!(
                        "Warna {} tidak sah: tulis sebagai #rgb atau #rrggbb, seperti #c33 atau \
                         #cc3333.",
                        q(value)
                    )
                }
            }
            K::InvalidUrl { value, why } => {
                if en {
                    format!("The link {} is not allowed. {}", q(value), why.text(lang))
                } else {
                    format!("Tautan {} tidak diizinkan. {}", q(value), why.text(lang))
                }
            }
            K::InvalidImportance { value } => {
                if en {
                    format!(
                        "The importance {value} is not valid: use 1 (a landmark, always \
                         labelled), 2 or 3 (minor)."
                    )
                } else {
                    format!(
                        "Tingkat kepentingan {value} tidak sah: gunakan 1 (tonggak, selalu \
                         berlabel), 2, atau 3 (kecil)."
                    )
                }
            }
            K::InvalidId { value } => {
                if en {
                    format!(
                        "The id {} is not valid: use 1 to 64 lower-case letters a-z, digits and \
                         hyphens, starting with a letter or digit.",
                        q(value)
                    )
                } else {
                    format!(
                        "Id {} tidak sah: gunakan 1 sampai 64 huruf kecil a-z, angka, dan tanda \
                         hubung, diawali huruf atau angka.",
                        q(value)
                    )
                }
            }
            K::InvalidLanguage { value } => {
                if en {
                    format!(
                        "The language code {} is not valid: use a two- or three-letter ISO 639 \
                         code in lower case, such as \"id\" or \"en\".",
                        q(value)
                    )
                } else {
                    format!(
                        "Kode bahasa {} tidak sah: gunakan kode ISO 639 dua atau tiga huruf \
                         kecil, seperti \"id\" atau \"en\".",
                        q(value)
                    )
                }
            }
            K::DuplicateLanguage { lang: l } => {
                if en {
                    format!("The language {} is listed twice.", q(l))
                } else {
                    format!("Bahasa {} tercantum dua kali.", q(l))
                }
            }
            K::TooManyLanguages { count } => {
                if en {
                    format!("The bundle lists {count} languages; the limit is {MAX_LANGUAGES}.")
                } else {
                    format!("Bundel ini mencantumkan {count} bahasa; batasnya {MAX_LANGUAGES}.")
                }
            }
            K::InvalidIcon { value } => {
                let names: Vec<&str> = Icon::ALL.iter().map(Icon::name).collect();
                if en {
                    format!("The icon {} is not one of {}.", q(value), names.join(", "))
                } else {
                    format!("Ikon {} bukan salah satu dari {}.", q(value), names.join(", "))
                }
            }
            K::EmptyList { list: ListName::Languages } => {
                if en {
                    "List at least one language, such as [\"en\"]; the first is the default.".into()
                } else {
                    "Cantumkan setidaknya satu bahasa, seperti [\"id\"]; yang pertama menjadi \
                     bahasa utama."
                        .into()
                }
            }
            K::EmptyList { list: ListName::Categories } => {
                if en {
                    "List at least one category.".into()
                } else {
                    "Cantumkan setidaknya satu kategori.".into()
                }
            }
            K::NoEvents => {
                if en {
                    "The bundle has no events; add at least one.".into()
                } else {
                    "Bundel ini tidak berisi peristiwa; tambahkan setidaknya satu.".into()
                }
            }
            K::TooManyEvents { count } => {
                if en {
                    format!(
                        "The bundle has {count} events; the limit is {MAX_EVENTS}. Split it into \
                         several bundles."
                    )
                } else {
                    format!(
                        "Bundel ini berisi {count} peristiwa; batasnya {MAX_EVENTS}. Pecah \
                         menjadi beberapa bundel."
                    )
                }
            }
            K::TooManyProblems { errors, warnings } => {
                let n = errors + warnings;
                if en {
                    let more = match n {
                        1 => "1 more problem was".to_owned(),
                        n => format!("{n} more problems were"),
                    };
                    format!(
                        "{more} found but not listed ({errors} errors, {warnings} warnings); fix \
                         the ones above and check again."
                    )
                } else {
                    format!(
                        "{n} masalah lain ditemukan tetapi tidak dicantumkan ({errors} kesalahan, \
                         {warnings} peringatan); perbaiki yang di atas, lalu periksa lagi."
                    )
                }
            }
            K::UnknownField { field } => {
                if en {
                    format!("The field {} is not part of the format and is ignored.", q(field))
                } else {
                    format!("Kolom {} bukan bagian dari format dan diabaikan.", q(field))
                }
            }
            K::InvalidMediaType { value } => {
                if en {
                    format!("The media type {} is not image or link.", q(value))
                } else {
                    format!("Jenis media {} bukan image atau link.", q(value))
                }
            }
            K::InvalidSize { value } => {
                if en {
                    format!("The size {value} is not valid: use a whole number of pixels from 1 to 20000.")
                } else {
                    format!("Ukuran {value} tidak sah: gunakan bilangan bulat piksel dari 1 sampai 20000.")
                }
            }
            K::UndeclaredLanguage { lang: l } => {
                if en {
                    format!(
                        "The language {} is not listed in \"languages\", so this text is ignored.",
                        q(l)
                    )
                } else {
                    format!(
                        "Bahasa {} tidak tercantum di \"languages\", jadi teks ini diabaikan.",
                        q(l)
                    )
                }
            }
        }
    }
}

fn unknown(thing: Thing, id: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("No {} has the id {}.", thing.text(lang), q(id)),
        Lang::Id => format!("Tidak ada {} dengan id {}.", thing.text(lang), q(id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each variant, for tests that must cover every message.
    fn samples() -> Vec<ProblemKind> {
        use ProblemKind as K;
        let d = |s: &str| PartialDate::parse(s).unwrap();
        vec![
            K::UnsupportedVersion { found: "2".into(), supported: vec![1] },
            K::WrongType { expected: Expected::Texts, found: JsonKind::Number },
            K::MissingField { field: "title".into() },
            K::InvalidDate {
                value: "1957-02-30".into(),
                error: DateError::Day { year: 1957, month: 2, day: 30 },
            },
            K::EndBeforeStart { start: d("1958-09"), end: d("1958-08") },
            K::OutOfRange { date: d("1949"), start: d("1950"), end: d("1965") },
            K::UnknownCategory { id: "x".into() },
            K::UnknownSource { id: "x".into() },
            K::DuplicateId { thing: Thing::Event, id: "a".into() },
            K::DuplicateKey { key: "id".into() },
            K::DuplicateTextLanguage { lang: "en".into() },
            K::MissingTranslation { lang: "en".into(), required: true },
            K::MissingTranslation { lang: "en".into(), required: false },
            K::EmptyText,
            K::TextTooLong { chars: 20_001 },
            K::InvalidColor { value: "red".into() },
            K::InvalidUrl { value: "javascript:x".into(), why: UrlProblem::NotWeb },
            K::InvalidImportance { value: "4".into() },
            K::InvalidId { value: "A".into() },
            K::InvalidLanguage { value: "EN".into() },
            K::DuplicateLanguage { lang: "en".into() },
            K::TooManyLanguages { count: 51 },
            K::InvalidIcon { value: "heart".into() },
            K::EmptyList { list: ListName::Languages },
            K::EmptyList { list: ListName::Categories },
            K::NoEvents,
            K::TooManyEvents { count: 200_001 },
            K::TooManyProblems { errors: 2, warnings: 1 },
            K::UnknownField { field: "colour".into() },
            K::UndeclaredLanguage { lang: "fr".into() },
            K::InvalidMediaType { value: "video".into() },
            K::InvalidSize { value: "0".into() },
            K::InvalidUrl { value: "http://x".into(), why: UrlProblem::NotHttps },
        ]
    }

    #[test]
    fn every_code_has_a_variant_and_every_message_is_a_sentence_in_both_languages() {
        let all = samples();
        for c in code::ALL {
            assert!(all.iter().any(|k| k.code() == *c), "no variant for {c}");
        }
        for k in &all {
            let (en, id) = (k.message(Lang::En), k.message(Lang::Id));
            for m in [&en, &id] {
                let first = m.chars().next().unwrap();
                assert!(first.is_uppercase() || first.is_ascii_digit(), "{m}");
                assert!(m.ends_with('.'), "{m}");
            }
            assert_ne!(en, id, "{k:?} is not translated");
        }
    }

    #[test]
    fn indonesian_messages_carry_the_data() {
        let k = ProblemKind::InvalidDate {
            value: "1957-02-30".into(),
            error: DateError::Day { year: 1957, month: 2, day: 30 },
        };
        assert_eq!(
            k.message(Lang::Id),
            "Tanggal \"1957-02-30\" tidak sah: 1957-02 tidak memiliki tanggal 30 (bulan itu 28 \
             hari)."
        );
        let k = ProblemKind::DuplicateId { thing: Thing::Source, id: "a".into() };
        assert_eq!(k.message(Lang::Id), "Sumber lain sudah memakai id \"a\".");
    }

    #[test]
    fn long_values_are_clipped() {
        assert_eq!(clip("red"), "red");
        assert_eq!(clip(&"x".repeat(100)).chars().count(), 41);
    }
}
