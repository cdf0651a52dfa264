//! TimelineJS timelines: its Google Sheets template (read as rows) and its JSON format, both
//! turned into the same slides and then into one bundle.
//!
//! What maps where: `Type: title` (or the JSON `title`) → the bundle's title and description;
//! `Type: era` rows and JSON `eras` → eras; every other slide → an event; `Group` → a category
//! (colours from [`super::GROUP_COLORS`] and the six icons, so colour is never the only cue);
//! `unique_id` → the id, else a stable unique id made from the headline; `Display Date` → the
//! date note; `Headline` and `Text` (HTML) → plain text through the caller's [`HtmlToText`].
//! TimelineJS texts are in one language (`Options::lang`), and has no importance: every event
//! is importance 2. Everything else (times, media, backgrounds, links inside the text) is listed
//! in the notes.

use super::slug::{slugify, Ids};
use super::{
    one_language, HtmlToText, Imported, Note, NoteKind, Obj, Origin, Row, SkipReason, GROUP_COLORS,
};
use crate::bundle::Icon;
use crate::date::PartialDate;
use crate::json::Json;

/// Choices the source does not make.
#[derive(Clone, Debug)]
pub struct Options {
    /// The language of the texts, as a bundle language code (`en`, `id`).
    pub lang: String,
    /// The bundle's title when there is no title slide (the file's name, say).
    pub fallback_title: String,
}

/// A date as TimelineJS writes it: separate parts, any of them empty.
#[derive(Clone, Debug, Default)]
struct Parts {
    year: String,
    month: String,
    day: String,
    time: String,
}

/// One TimelineJS slide, from a row or from the JSON, before it becomes part of a bundle.
#[derive(Clone, Debug, Default)]
struct Slide {
    origin: Option<Origin>,
    kind: String,
    start: Parts,
    end: Parts,
    display_date: String,
    headline: String,
    text: String,
    media: String,
    media_details: Vec<(String, String)>,
    group: String,
    unique_id: String,
    background: String,
}

/// The Google Sheets template's columns, as its CSV export names them.
const COLUMNS: &[&str] = &[
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

/// Whether a header row looks like TimelineJS's template (it has `Year` and `Headline`).
pub fn is_timelinejs_header(cells: &[String]) -> bool {
    let has = |name: &str| cells.iter().any(|c| c.trim().eq_ignore_ascii_case(name));
    has("year") && has("headline")
}

/// Reads the rows of TimelineJS's Google Sheets template (the first is the header).
pub fn from_rows(rows: &[Row], html: &dyn HtmlToText, options: &Options) -> Imported {
    let mut notes = Vec::new();
    let Some((header, rows)) = rows.split_first() else {
        let kind = NoteKind::MissingColumn { column: "Year".into() };
        return Imported {
            bundle: Json::Null,
            notes: vec![Note { origin: Origin::Input, kind }],
            origins: vec![],
        };
    };
    let index: Vec<Option<usize>> = header
        .cells
        .iter()
        .map(|c| COLUMNS.iter().position(|k| c.trim().eq_ignore_ascii_case(k)))
        .collect();
    for (c, name) in index.iter().zip(&header.cells) {
        if c.is_none() && !name.trim().is_empty() {
            let kind = NoteKind::UnknownColumn { column: name.trim().to_owned() };
            notes.push(Note { origin: Origin::Row(header.number), kind });
        }
    }
    for required in ["Year", "Headline"] {
        let k = required.to_ascii_lowercase();
        if !index.iter().any(|i| i.is_some_and(|i| COLUMNS[i] == k)) {
            let kind = NoteKind::MissingColumn { column: required.into() };
            notes.push(Note { origin: Origin::Row(header.number), kind });
        }
    }
    if notes.iter().any(|n| n.kind.is_fatal()) {
        return Imported { bundle: Json::Null, notes, origins: vec![] };
    }
    let mut slides = Vec::new();
    for row in rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| -> String {
            index
                .iter()
                .position(|i| i.is_some_and(|i| COLUMNS[i] == name))
                .and_then(|i| row.cells.get(i))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        if row.cells.len() > header.cells.len() {
            let count =
                row.cells[header.cells.len()..].iter().filter(|c| !c.trim().is_empty()).count();
            if count > 0 {
                notes.push(Note {
                    origin: Origin::Row(row.number),
                    kind: NoteKind::ExtraCells { count },
                });
            }
        }
        let details = ["Media Credit", "Media Caption", "Media Thumbnail"]
            .iter()
            .map(|c| ((*c).to_owned(), cell(&c.to_ascii_lowercase())))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        slides.push(Slide {
            origin: Some(Origin::Row(row.number)),
            kind: cell("type").to_ascii_lowercase(),
            start: Parts {
                year: cell("year"),
                month: cell("month"),
                day: cell("day"),
                time: cell("time"),
            },
            end: Parts {
                year: cell("end year"),
                month: cell("end month"),
                day: cell("end day"),
                time: cell("end time"),
            },
            display_date: cell("display date"),
            headline: cell("headline"),
            text: cell("text"),
            media: cell("media"),
            media_details: details,
            group: cell("group"),
            unique_id: String::new(),
            background: cell("background"),
        });
    }
    build(slides, notes, html, options)
}

/// A scalar as text: numbers without a fraction as integers.
fn scalar(v: Option<&Json>) -> String {
    match v {
        Some(Json::String(s)) => s.trim().to_owned(),
        Some(Json::Number(n)) => crate::num::fixed(*n, 6),
        Some(Json::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn json_parts(v: Option<&Json>) -> (Parts, String) {
    let Some(v) = v else { return (Parts::default(), String::new()) };
    let hour = scalar(v.get("hour"));
    let minute = scalar(v.get("minute"));
    let second = scalar(v.get("second"));
    let time = match (hour.is_empty(), minute.is_empty()) {
        (true, true) if second.is_empty() => String::new(),
        _ => {
            let mut t =
                format!("{:0>2}:{:0>2}", hour, if minute.is_empty() { "00" } else { &minute });
            if !second.is_empty() {
                t.push_str(&format!(":{second:0>2}"));
            }
            t
        }
    };
    let parts = Parts {
        year: scalar(v.get("year")),
        month: scalar(v.get("month")),
        day: scalar(v.get("day")),
        time,
    };
    (parts, scalar(v.get("display_date")))
}

/// Fields of a TimelineJS JSON slide that are carried over or deliberately ignored
/// (`autolink` is a display switch, not content).
const SLIDE_FIELDS: &[&str] = &[
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "unique_id",
    "display_date",
    "background",
    "autolink",
    "type",
];

fn json_slide(v: &Json, path: String, kind: &str, notes: &mut Vec<Note>) -> Slide {
    for (key, _) in v.as_object().unwrap_or_default() {
        if !SLIDE_FIELDS.contains(&key.as_str()) {
            let kind = NoteKind::FieldDropped { field: key.clone() };
            notes.push(Note { origin: Origin::Path(path.clone()), kind });
        }
    }
    let (start, start_display) = json_parts(v.get("start_date"));
    let (end, _) = json_parts(v.get("end_date"));
    let text = v.get("text");
    let media = v.get("media");
    let mut details = Vec::new();
    for key in ["credit", "caption", "thumbnail", "alt", "title", "link"] {
        let value = scalar(media.and_then(|m| m.get(key)));
        if !value.is_empty() {
            details.push((format!("media.{key}"), value));
        }
    }
    let background = v
        .get("background")
        .map(|b| {
            let url = scalar(b.get("url"));
            if url.is_empty() {
                scalar(b.get("color"))
            } else {
                url
            }
        })
        .unwrap_or_default();
    let display = scalar(v.get("display_date"));
    Slide {
        origin: Some(Origin::Path(path)),
        kind: kind.to_owned(),
        start,
        end,
        display_date: if display.is_empty() { start_display } else { display },
        headline: scalar(text.and_then(|t| t.get("headline"))),
        text: scalar(text.and_then(|t| t.get("text"))),
        media: scalar(media.and_then(|m| m.get("url"))),
        media_details: details,
        group: scalar(v.get("group")),
        unique_id: scalar(v.get("unique_id")),
        background,
    }
}

/// Reads a TimelineJS JSON document (`{title, events, eras}`).
pub fn from_json(doc: &Json, html: &dyn HtmlToText, options: &Options) -> Imported {
    let mut notes = Vec::new();
    let mut slides = Vec::new();
    if let Some(title) = doc.get("title") {
        slides.push(json_slide(title, "title".into(), "title", &mut notes));
    }
    match doc.get("events").and_then(Json::as_array) {
        Some(events) => {
            for (i, e) in events.iter().enumerate() {
                slides.push(json_slide(e, format!("events[{i}]"), "", &mut notes));
            }
        }
        None => {
            let kind = NoteKind::MissingColumn { column: "events".into() };
            return Imported {
                bundle: Json::Null,
                notes: vec![Note { origin: Origin::Input, kind }],
                origins: vec![],
            };
        }
    }
    for (i, e) in doc.get("eras").and_then(Json::as_array).unwrap_or_default().iter().enumerate() {
        slides.push(json_slide(e, format!("eras[{i}]"), "era", &mut notes));
    }
    for (key, _) in doc.as_object().unwrap_or_default() {
        if !["title", "events", "eras", "scale"].contains(&key.as_str()) {
            let kind = NoteKind::FieldDropped { field: key.clone() };
            notes.push(Note { origin: Origin::Input, kind });
        }
    }
    build(slides, notes, html, options)
}

/// A date from its parts, or `None` with a note. `label` names the columns ("" or "End ").
fn date(parts: &Parts, label: &str, origin: &Origin, notes: &mut Vec<Note>) -> Option<PartialDate> {
    let note = |notes: &mut Vec<Note>, kind| notes.push(Note { origin: origin.clone(), kind });
    if !parts.time.is_empty() {
        let kind =
            NoteKind::TimeDropped { column: format!("{label}Time"), value: parts.time.clone() };
        note(notes, kind);
    }
    let bad = |notes: &mut Vec<Note>, column: &str, value: &str| {
        let kind =
            NoteKind::BadDate { column: format!("{label}{column}"), value: value.to_owned() };
        notes.push(Note { origin: origin.clone(), kind });
        None
    };
    // TimelineJS counts years before our era as negative numbers without a year 0 (-44 is
    // 44 BC); bundles count astronomically (-0043 is 44 BC), as ISO 8601 and EDTF do.
    let year: i32 = match parts.year.parse::<i32>() {
        Ok(y) if (1..=9999).contains(&y) => y,
        Ok(y) if (-10_000..=-1).contains(&y) => y + 1,
        _ => return bad(notes, "Year", &parts.year),
    };
    let mut text = crate::date::year_text(year);
    if parts.month.is_empty() {
        if !parts.day.is_empty() {
            note(notes, NoteKind::DayWithoutMonth { day: parts.day.clone() });
        }
    } else {
        match parts.month.parse::<u8>() {
            Ok(m) if (1..=12).contains(&m) => text.push_str(&format!("-{m:02}")),
            _ => return bad(notes, "Month", &parts.month),
        }
        if !parts.day.is_empty() {
            match parts.day.parse::<u8>() {
                Ok(d) if d >= 1 => text.push_str(&format!("-{d:02}")),
                _ => return bad(notes, "Day", &parts.day),
            }
        }
    }
    match PartialDate::parse(&text) {
        Ok(d) => Some(d),
        Err(_) => bad(notes, "Day", &parts.day),
    }
}

/// The longest HTML converted: five times the bundle's text limit, room for generous markup.
const MAX_HTML_BYTES: usize = 5 * crate::bundle::MAX_TEXT_CHARS;

/// A text from HTML, noting what was dropped.
fn plain(html: &dyn HtmlToText, source: &str, origin: &Origin, notes: &mut Vec<Note>) -> String {
    if source.trim().is_empty() {
        return String::new();
    }
    // Far past any text a bundle can hold: not handed to the parser, whose time grows with
    // hostile nesting (100 000 nested <div> take over a minute in html5ever).
    if source.len() > MAX_HTML_BYTES {
        let kind = NoteKind::HtmlTooLong { chars: source.chars().count() };
        notes.push(Note { origin: origin.clone(), kind });
        return String::new();
    }
    let c = html.convert(source);
    for (text, href) in c.links {
        notes.push(Note { origin: origin.clone(), kind: NoteKind::LinkDropped { text, href } });
    }
    for element in c.dropped {
        notes.push(Note { origin: origin.clone(), kind: NoteKind::MarkupDropped { element } });
    }
    c.text.trim().to_owned()
}

/// Notes for a slide's media and its details, none of which is carried over.
fn drop_media(s: &Slide, origin: &Origin, notes: &mut Vec<Note>) {
    if !s.media.is_empty() {
        let kind = NoteKind::MediaDropped { url: s.media.clone() };
        notes.push(Note { origin: origin.clone(), kind });
    }
    for (column, value) in &s.media_details {
        let kind = NoteKind::MediaDetailDropped { column: column.clone(), value: value.clone() };
        notes.push(Note { origin: origin.clone(), kind });
    }
}

/// Whether a URL's path names an image file.
fn is_image(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"].iter().any(|e| path.ends_with(e))
}

/// An event's media: an https image with its alt text, credit and caption, or any other https
/// media as a labelled link out. Anything else is noted and dropped.
fn event_media(
    s: &Slide,
    name: &str,
    html: &dyn HtmlToText,
    lang: &str,
    origin: &Origin,
    notes: &mut Vec<Note>,
) -> Option<Json> {
    let url = s.media.trim();
    if url.is_empty() {
        drop_media(s, origin, notes);
        return None;
    }
    if !url.starts_with("https://") || url.chars().any(char::is_whitespace) {
        let kind = NoteKind::MediaNotHttps { url: url.to_owned() };
        notes.push(Note { origin: origin.clone(), kind });
        for (column, value) in &s.media_details {
            let kind =
                NoteKind::MediaDetailDropped { column: column.clone(), value: value.clone() };
            notes.push(Note { origin: origin.clone(), kind });
        }
        return None;
    }
    let mut detail = |suffix: &str| -> String {
        s.media_details
            .iter()
            .find(|(c, _)| c.to_ascii_lowercase().ends_with(suffix))
            .map(|(_, v)| plain(html, v, origin, notes))
            .unwrap_or_default()
    };
    let (alt, credit, caption) = (detail("alt"), detail("credit"), detail("caption"));
    for (column, value) in &s.media_details {
        let c = column.to_ascii_lowercase();
        if !(c.ends_with("alt") || c.ends_with("credit") || c.ends_with("caption")) {
            let kind =
                NoteKind::MediaDetailDropped { column: column.clone(), value: value.clone() };
            notes.push(Note { origin: origin.clone(), kind });
        }
    }
    let image = is_image(url);
    if !image {
        notes.push(Note {
            origin: origin.clone(),
            kind: NoteKind::MediaAsLink { url: url.to_owned() },
        });
    }
    let mut caption_used = false;
    let alt = if !alt.is_empty() {
        alt
    } else if !caption.is_empty() {
        caption_used = true;
        if image {
            let kind = NoteKind::AltGuessed { from: "caption".into() };
            notes.push(Note { origin: origin.clone(), kind });
        }
        caption.clone()
    } else {
        if image {
            let kind = NoteKind::AltGuessed { from: "headline".into() };
            notes.push(Note { origin: origin.clone(), kind });
        }
        name.to_owned()
    };
    let mut m = Obj::new();
    if !image {
        m.text("type", "link");
    }
    m.text("url", url);
    m.put("alt", one_language(lang, &alt));
    if !credit.is_empty() {
        m.text("credit", &credit);
    }
    if !caption.is_empty() && !caption_used {
        m.put("caption", one_language(lang, &caption));
    }
    Some(m.build())
}

/// The first line of a text, cut to about 80 characters at a word.
fn first_words(text: &str) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    if line.chars().count() <= 80 {
        return line.to_owned();
    }
    let cut: String = line.chars().take(80).collect();
    match cut.rfind(' ') {
        Some(i) if i > 40 => format!("{}…", &cut[..i]),
        _ => format!("{cut}…"),
    }
}

fn other_label(lang: &str) -> &'static str {
    if lang == "id" {
        "Lainnya"
    } else {
        "Other"
    }
}

fn build(
    slides: Vec<Slide>,
    mut notes: Vec<Note>,
    html: &dyn HtmlToText,
    options: &Options,
) -> Imported {
    let lang = options.lang.as_str();
    let mut origins = Vec::new();
    let mut title: Option<(Origin, String, String)> = None;
    let mut groups: Vec<String> = Vec::new();
    let mut group_ids = Ids::default();
    let mut categories: Vec<(String, Json)> = Vec::new();
    let mut event_ids = Ids::default();
    let mut era_ids = Ids::default();
    let mut events: Vec<(Origin, Json, PartialDate, Option<PartialDate>)> = Vec::new();
    let mut eras: Vec<(Origin, Json, PartialDate, PartialDate)> = Vec::new();

    for s in slides {
        let origin = s.origin.clone().unwrap_or(Origin::Input);
        let note = |notes: &mut Vec<Note>, kind| notes.push(Note { origin: origin.clone(), kind });
        if s.kind == "title" || s.kind == "era" {
            drop_media(&s, &origin, &mut notes);
        }
        if !s.background.is_empty() {
            note(&mut notes, NoteKind::BackgroundDropped { value: s.background.clone() });
        }
        let headline = plain(html, &s.headline, &origin, &mut notes);
        let text = plain(html, &s.text, &origin, &mut notes);
        if s.kind == "title" {
            if title.is_some() {
                note(&mut notes, NoteKind::SecondTitle);
                continue;
            }
            let name = if headline.is_empty() { first_words(&text) } else { headline };
            title = Some((origin.clone(), name, text));
            continue;
        }
        let name = if headline.is_empty() {
            if text.is_empty() {
                note(&mut notes, NoteKind::RowSkipped { why: SkipReason::Empty });
                continue;
            }
            note(&mut notes, NoteKind::TitleFromText);
            first_words(&text)
        } else {
            headline
        };
        let Some(start) = date(&s.start, "", &origin, &mut notes) else {
            note(&mut notes, NoteKind::RowSkipped { why: SkipReason::NoStart });
            continue;
        };
        let has_end = !(s.end.year.is_empty() && s.end.month.is_empty() && s.end.day.is_empty());
        let end = if has_end { date(&s.end, "End ", &origin, &mut notes) } else { None };
        if s.kind == "era" {
            let id = era_ids.unique(&slugify(&name, "era"));
            let mut o = Obj::new();
            o.text("id", &id);
            o.text("start", &start.to_string());
            o.text("end", &end.unwrap_or(start).to_string());
            o.put("label", one_language(lang, &name));
            eras.push((origin, o.build(), start, end.unwrap_or(start)));
            continue;
        }
        // The category of its group, made on first sight.
        let group = s.group.trim().to_owned();
        if group.is_empty() {
            note(&mut notes, NoteKind::NoGroup);
        }
        let category = match groups.iter().position(|g| *g == group) {
            Some(i) => categories[i].0.clone(),
            None => {
                let i = groups.len();
                let label =
                    if group.is_empty() { other_label(lang).to_owned() } else { group.clone() };
                let id = group_ids.unique(&slugify(&label, "group"));
                let mut o = Obj::new();
                o.text("id", &id);
                o.put("label", one_language(lang, &label));
                o.text("color", GROUP_COLORS[i % GROUP_COLORS.len()]);
                o.text("icon", Icon::ALL[i % Icon::ALL.len()].name());
                groups.push(group);
                categories.push((id, o.build()));
                categories[i].0.clone()
            }
        };
        let wanted = if s.unique_id.is_empty() {
            slugify(&name, "event")
        } else {
            slugify(&s.unique_id, "event")
        };
        let id = event_ids.unique(&wanted);
        if !s.unique_id.is_empty() && id != s.unique_id {
            note(&mut notes, NoteKind::IdChanged { from: s.unique_id.clone(), to: id.clone() });
        }
        let summary = if text.is_empty() {
            note(&mut notes, NoteKind::SummaryFromTitle);
            name.clone()
        } else {
            text
        };
        let mut o = Obj::new();
        o.text("id", &id);
        o.text("start", &start.to_string());
        if let Some(end) = end {
            o.text("end", &end.to_string());
        }
        o.text("category", &category);
        o.put("importance", Json::Number(2.0));
        o.put("title", one_language(lang, &name));
        o.put("summary", one_language(lang, &summary));
        let display = plain(html, &s.display_date, &origin, &mut notes);
        if !display.is_empty() {
            o.put("date_note", one_language(lang, &display));
        }
        if let Some(media) = event_media(&s, &name, html, lang, &origin, &mut notes) {
            o.put("media", media);
        }
        events.push((origin, o.build(), start, end));
    }

    // The range: whole years around every event and era.
    let firsts = events.iter().map(|e| e.2).chain(eras.iter().map(|e| e.2));
    let lasts = events.iter().map(|e| e.3.unwrap_or(e.2)).chain(eras.iter().map(|e| e.3));
    let first = firsts.min_by_key(PartialDate::first_day).map(|d| d.year);
    let last = lasts.max_by_key(PartialDate::last_day).map(|d| d.year);

    let mut doc = Obj::new();
    doc.put("version", Json::Number(1.0));
    let (title_origin, name, description) = match title {
        Some(t) => t,
        None => {
            let name = options.fallback_title.clone();
            notes.push(Note {
                origin: Origin::Input,
                kind: NoteKind::TitleFromFile { title: name.clone() },
            });
            (Origin::Input, name, String::new())
        }
    };
    origins.push(("title".to_owned(), title_origin.clone()));
    doc.put("title", one_language(lang, &name));
    if !description.is_empty() {
        origins.push(("description".to_owned(), title_origin));
        doc.put("description", one_language(lang, &description));
    }
    doc.put("languages", Json::Array(vec![Json::String(lang.to_owned())]));
    if let (Some(first), Some(last)) = (first, last) {
        let mut range = Obj::new();
        range.text("start", &crate::date::year_text(first));
        range.text("end", &crate::date::year_text(last));
        doc.put("range", range.build());
    }
    doc.put("categories", Json::Array(categories.into_iter().map(|c| c.1).collect()));
    if !eras.is_empty() {
        let mut values = Vec::new();
        for (i, (origin, v, _, _)) in eras.into_iter().enumerate() {
            origins.push((format!("eras[{i}]"), origin));
            values.push(v);
        }
        doc.put("eras", Json::Array(values));
    }
    let mut values = Vec::new();
    for (i, (origin, v, _, _)) in events.into_iter().enumerate() {
        origins.push((format!("events[{i}]"), origin));
        values.push(v);
    }
    doc.put("events", Json::Array(values));
    Imported { bundle: doc.build(), notes, origins }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Tags stripped naively: enough for these tests (the command line uses a real parser).
    struct Strip;
    impl HtmlToText for Strip {
        fn convert(&self, html: &str) -> super::super::Converted {
            let mut text = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            super::super::Converted { text, ..Default::default() }
        }
    }

    fn row(n: usize, cells: &[&str]) -> Row {
        Row::new(n, cells.iter().map(|c| (*c).to_owned()).collect())
    }

    #[test]
    fn the_sheet_template_becomes_a_bundle_with_notes() {
        let options = Options { lang: "en".into(), fallback_title: "file".into() };
        let rows = [
            row(
                1,
                &[
                    "Year", "Month", "Day", "Time", "End Year", "Headline", "Text", "Type",
                    "Group", "Media",
                ],
            ),
            row(2, &["", "", "", "", "", "<b>Cold War</b>", "Intro", "title", "", ""]),
            row(
                3,
                &[
                    "1950",
                    "2",
                    "14",
                    "10:30",
                    "",
                    "Treaty",
                    "<p>Signed.</p>",
                    "",
                    "Diplomacy",
                    "https://x/img.jpg",
                ],
            ),
            row(4, &["1958", "", "3", "", "1959", "Treaty", "", "", "", ""]),
            row(5, &["-44", "3", "15", "", "", "Caesar", "", "", "Rome", ""]),
            row(6, &["12000", "", "", "", "", "Too far", "", "", "", ""]),
        ];
        let imported = from_rows(&rows, &Strip, &options);
        let m: Vec<String> = imported.notes.iter().map(|n| n.message(Lang::En)).collect();
        assert!(
            m.contains(&"row 3: Time 10:30 dropped, the bundle has day precision.".to_owned()),
            "{m:#?}"
        );
        assert!(m.contains(
            &"row 3: the image has no alt text: its headline stands in; describe the image instead."
                .to_owned()
        ));
        assert!(m.contains(&"row 4: day 3 dropped: there is no month.".to_owned()));
        assert!(m.iter().any(|s| s.starts_with("row 6: Year \"12000\" is not a date")), "{m:#?}");
        let b = &imported.bundle;
        assert_eq!(b.get("title"), Some(&one_language("en", "Cold War")));
        let events = b.get("events").unwrap().as_array().unwrap();
        let ids: Vec<&str> =
            events.iter().map(|e| e.get("id").unwrap().as_str().unwrap()).collect();
        assert_eq!(ids, ["treaty", "treaty-2", "caesar"]);
        assert_eq!(events[2].get("start").and_then(Json::as_str), Some("-0043-03-15"), "44 BC");
        assert_eq!(
            b.get("range").and_then(|r| r.get("start")),
            Some(&Json::String("-0043".into()))
        );
        assert_eq!(events[1].get("end").and_then(Json::as_str), Some("1959"));
        let report = crate::bundle::validate(b);
        assert!(report.bundle.is_some(), "{:?}", report.problems);
    }
}
