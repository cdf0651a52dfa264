//! Our spreadsheet template: one table, one row per thing, a `kind` column saying what the row
//! is (`bundle`, `category`, `era`, `source`, `event`, `excerpt`, `cite`), and one column per language
//! for every text (`title_id`, `title_en`, …). `docs/bundle-guide.md` documents every column;
//! `data/templates/` has the empty template and the real dataset in it.
//!
//! [`import`] reads the rows into a bundle document; [`export`] writes a validated bundle back
//! as rows. The two are inverse: exporting the real bundle and importing it again gives the same
//! bundle (`crates/cli/tests/`).

use super::{Imported, Note, NoteKind, Obj, Origin, Row};
use crate::bundle::{Bundle, L10n};
use crate::json::Json;

/// The columns without a language, in the order [`export`] writes them around the text columns.
const BEFORE_TEXTS: &[&str] =
    &["kind", "id", "start", "end", "category", "importance", "color", "icon"];
const MIDDLE: &[&str] = &["source", "lang", "text"];
const AFTER_TEXTS: &[&str] =
    &["publisher", "source_title", "author", "published", "url", "accessed", "languages"];
/// An event's media, after everything else.
const MEDIA: &[&str] = &["media_type", "media_url", "media_credit", "media_width", "media_height"];
/// Texts with one column per language, `<family>_<lang>`.
const FAMILIES: &[&str] = &["title", "summary", "date_note", "note", "media_alt", "media_caption"];

/// What one column holds.
#[derive(Clone, Debug, PartialEq)]
enum Col {
    Plain(&'static str),
    Text(&'static str, String),
    Unknown,
}

fn column(name: &str) -> Col {
    let name = name.trim().to_ascii_lowercase();
    let plain =
        BEFORE_TEXTS.iter().chain(MIDDLE).chain(AFTER_TEXTS).chain(MEDIA).find(|c| **c == name);
    if let Some(c) = plain {
        return Col::Plain(c);
    }
    for family in FAMILIES {
        if let Some(lang) = name.strip_prefix(family).and_then(|r| r.strip_prefix('_')) {
            if (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()) {
                return Col::Text(family, lang.to_owned());
            }
        }
    }
    Col::Unknown
}

/// The columns each kind of row uses (plain names and text families).
fn uses(kind: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        "bundle" => (&["kind", "start", "end", "languages"], &["title", "summary"]),
        "category" => (&["kind", "id", "color", "icon"], &["title"]),
        "era" => (&["kind", "id", "start", "end"], &["title"]),
        "source" => (
            &[
                "kind",
                "id",
                "publisher",
                "source_title",
                "author",
                "published",
                "lang",
                "url",
                "accessed",
            ],
            &["note"],
        ),
        "event" => (
            &[
                "kind",
                "id",
                "start",
                "end",
                "category",
                "importance",
                "media_type",
                "media_url",
                "media_credit",
                "media_width",
                "media_height",
            ],
            &["title", "summary", "date_note", "media_alt", "media_caption"],
        ),
        "excerpt" => (&["kind", "id", "source", "lang", "text"], &["note"]),
        // A source the event above (or the event named in `id`) cites, with where in it.
        "cite" => (&["kind", "id", "source"], &["note"]),
        _ => (&[], &[]),
    }
}

struct Sheet<'a> {
    cols: Vec<Col>,
    header: &'a [String],
    languages: Vec<String>,
}

impl Sheet<'_> {
    fn get<'r>(&self, row: &'r Row, name: &str) -> Option<&'r str> {
        let i = self.cols.iter().position(|c| *c == Col::Plain(leak(name)))?;
        row.cells.get(i).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    /// A localised text from the `<family>_<lang>` columns; `None` when every one is empty.
    fn l10n(&self, row: &Row, family: &str) -> Option<Json> {
        let entries: Vec<(String, Json)> = self
            .languages
            .iter()
            .filter_map(|lang| {
                let i = self
                    .cols
                    .iter()
                    .position(|c| matches!(c, Col::Text(f, l) if *f == family && l == lang))?;
                let text = row.cells.get(i).map(|s| s.trim()).filter(|s| !s.is_empty())?;
                Some((lang.clone(), Json::String(text.to_owned())))
            })
            .collect();
        (!entries.is_empty()).then_some(Json::Object(entries))
    }

    /// Notes for the non-empty cells this kind of row does not use.
    fn unused(&self, row: &Row, kind: &str, notes: &mut Vec<Note>) {
        let (plain, families) = uses(kind);
        for (i, cell) in row.cells.iter().enumerate() {
            let value = cell.trim();
            if value.is_empty() {
                continue;
            }
            let used = match self.cols.get(i) {
                Some(Col::Plain(name)) => plain.contains(name),
                Some(Col::Text(family, lang)) => {
                    families.contains(family) && self.languages.contains(lang)
                }
                Some(Col::Unknown) => true, // reported once, as an unknown column
                None => true,               // reported as extra cells
            };
            if !used {
                let column = self.header.get(i).map_or(String::new(), |h| h.trim().to_owned());
                let kind = NoteKind::UnusedCell { column, value: value.to_owned() };
                notes.push(Note { origin: Origin::Row(row.number), kind });
            }
        }
        if row.cells.len() > self.header.len() {
            let count =
                row.cells[self.header.len()..].iter().filter(|c| !c.trim().is_empty()).count();
            if count > 0 {
                let kind = NoteKind::ExtraCells { count };
                notes.push(Note { origin: Origin::Row(row.number), kind });
            }
        }
    }
}

/// The `&'static str` of a plain column name (they are all in the lists above).
fn leak(name: &str) -> &'static str {
    BEFORE_TEXTS
        .iter()
        .chain(MIDDLE)
        .chain(AFTER_TEXTS)
        .chain(MEDIA)
        .find(|c| **c == name)
        .copied()
        .unwrap_or("")
}

fn text(value: Option<&str>) -> Option<Json> {
    value.map(|v| Json::String(v.to_owned()))
}

/// A whole number as a number, anything else as the text (the validator then says what is
/// wrong with it, at this row).
fn number(value: &str) -> Json {
    match value.parse::<u32>() {
        Ok(n) => Json::Number(f64::from(n)),
        Err(_) => Json::String(value.to_owned()),
    }
}

/// An event being built, its excerpts added once every row is read.
struct PendingEvent {
    row: usize,
    fields: Obj,
    id: Option<String>,
    excerpts: Vec<(usize, Json)>,
    /// The sources it cites (`cite` rows).
    cites: Vec<(usize, Json)>,
    media: Option<Json>,
}

/// Reads the template's rows (the first is the header) into a bundle document.
pub fn import(rows: &[Row]) -> Imported {
    let mut notes = Vec::new();
    let mut origins = Vec::new();
    let Some((header, rows)) = rows.split_first() else {
        let kind = NoteKind::MissingColumn { column: "kind".into() };
        return Imported {
            bundle: Json::Null,
            notes: vec![Note { origin: Origin::Input, kind }],
            origins,
        };
    };
    let cols: Vec<Col> = header.cells.iter().map(|c| column(c)).collect();
    for (c, name) in cols.iter().zip(&header.cells) {
        if *c == Col::Unknown && !name.trim().is_empty() {
            let kind = NoteKind::UnknownColumn { column: name.trim().to_owned() };
            notes.push(Note { origin: Origin::Row(header.number), kind });
        }
    }
    if !cols.contains(&Col::Plain("kind")) {
        let kind = NoteKind::MissingColumn { column: "kind".into() };
        notes.push(Note { origin: Origin::Row(header.number), kind });
        return Imported { bundle: Json::Null, notes, origins };
    }
    let mut sheet = Sheet { cols, header: &header.cells, languages: Vec::new() };
    let kind_of = |sheet: &Sheet, row: &Row| sheet.get(row, "kind").map(str::to_ascii_lowercase);
    // The languages: the bundle row's list, else the text columns' languages in order.
    let listed = rows
        .iter()
        .find(|r| kind_of(&sheet, r).as_deref() == Some("bundle"))
        .and_then(|r| sheet.get(r, "languages"))
        .map(|l| l.split([' ', ',', ';']).filter(|s| !s.is_empty()).map(str::to_owned).collect());
    sheet.languages = listed.unwrap_or_else(|| {
        let mut langs: Vec<String> = Vec::new();
        for c in &sheet.cols {
            if let Col::Text(_, l) = c {
                if !langs.contains(l) {
                    langs.push(l.clone());
                }
            }
        }
        langs
    });

    let mut top: Option<(usize, Obj)> = None;
    let (mut categories, mut eras, mut sources) = (Vec::new(), Vec::new(), Vec::new());
    let mut events: Vec<PendingEvent> = Vec::new();
    let mut excerpts: Vec<(usize, Option<String>, Json)> = Vec::new();
    let mut cites: Vec<(usize, Option<String>, Json)> = Vec::new();
    let mut pending_media: Option<Json> = None;
    for row in rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(kind) = kind_of(&sheet, row) else {
            let kind = NoteKind::UnknownRowKind { value: String::new() };
            notes.push(Note { origin: Origin::Row(row.number), kind });
            continue;
        };
        if !uses(&kind).0.is_empty() {
            sheet.unused(row, &kind, &mut notes);
        }
        let get = |name| sheet.get(row, name);
        match kind.as_str() {
            "bundle" => {
                if top.is_some() {
                    notes.push(Note {
                        origin: Origin::Row(row.number),
                        kind: NoteKind::SecondTitle,
                    });
                    continue;
                }
                let mut o = Obj::new();
                o.put("version", Json::Number(1.0));
                o.0.extend(sheet.l10n(row, "title").map(|t| ("title".to_owned(), t)));
                o.0.extend(sheet.l10n(row, "summary").map(|t| ("description".to_owned(), t)));
                let langs = sheet.languages.iter().map(|l| Json::String(l.clone())).collect();
                o.put("languages", Json::Array(langs));
                let mut range = Obj::new();
                range.0.extend(text(get("start")).map(|v| ("start".to_owned(), v)));
                range.0.extend(text(get("end")).map(|v| ("end".to_owned(), v)));
                o.put("range", range.build());
                top = Some((row.number, o));
            }
            "category" => {
                let mut o = Obj::new();
                o.0.extend(text(get("id")).map(|v| ("id".to_owned(), v)));
                o.0.extend(sheet.l10n(row, "title").map(|t| ("label".to_owned(), t)));
                o.0.extend(text(get("color")).map(|v| ("color".to_owned(), v)));
                o.0.extend(text(get("icon")).map(|v| ("icon".to_owned(), v)));
                categories.push((row.number, o.build()));
            }
            "era" => {
                let mut o = Obj::new();
                o.0.extend(text(get("id")).map(|v| ("id".to_owned(), v)));
                o.0.extend(text(get("start")).map(|v| ("start".to_owned(), v)));
                o.0.extend(text(get("end")).map(|v| ("end".to_owned(), v)));
                o.0.extend(sheet.l10n(row, "title").map(|t| ("label".to_owned(), t)));
                eras.push((row.number, o.build()));
            }
            "source" => {
                let mut o = Obj::new();
                o.0.extend(text(get("id")).map(|v| ("id".to_owned(), v)));
                o.0.extend(text(get("publisher")).map(|v| ("publisher".to_owned(), v)));
                o.0.extend(text(get("source_title")).map(|v| ("title".to_owned(), v)));
                o.0.extend(text(get("author")).map(|v| ("author".to_owned(), v)));
                o.0.extend(text(get("published")).map(|v| ("published".to_owned(), v)));
                o.0.extend(text(get("lang")).map(|v| ("lang".to_owned(), v)));
                o.put("url", text(get("url")).unwrap_or(Json::Null));
                o.0.extend(text(get("accessed")).map(|v| ("accessed".to_owned(), v)));
                o.0.extend(sheet.l10n(row, "note").map(|t| ("note".to_owned(), t)));
                sources.push((row.number, o.build()));
            }
            "event" => {
                let mut o = Obj::new();
                o.0.extend(text(get("id")).map(|v| ("id".to_owned(), v)));
                o.0.extend(text(get("start")).map(|v| ("start".to_owned(), v)));
                o.0.extend(text(get("end")).map(|v| ("end".to_owned(), v)));
                o.0.extend(text(get("category")).map(|v| ("category".to_owned(), v)));
                o.0.extend(get("importance").map(|v| ("importance".to_owned(), number(v))));
                o.0.extend(sheet.l10n(row, "title").map(|t| ("title".to_owned(), t)));
                o.0.extend(sheet.l10n(row, "summary").map(|t| ("summary".to_owned(), t)));
                o.0.extend(sheet.l10n(row, "date_note").map(|t| ("date_note".to_owned(), t)));
                if let Some(url) = get("media_url") {
                    let mut m = Obj::new();
                    m.0.extend(text(get("media_type")).map(|v| ("type".to_owned(), v)));
                    m.text("url", url);
                    m.0.extend(sheet.l10n(row, "media_alt").map(|t| ("alt".to_owned(), t)));
                    m.0.extend(text(get("media_credit")).map(|v| ("credit".to_owned(), v)));
                    m.0.extend(sheet.l10n(row, "media_caption").map(|t| ("caption".to_owned(), t)));
                    m.0.extend(get("media_width").map(|v| ("width".to_owned(), number(v))));
                    m.0.extend(get("media_height").map(|v| ("height".to_owned(), number(v))));
                    pending_media = Some(m.build());
                }
                let id = get("id").map(str::to_owned);
                events.push(PendingEvent {
                    row: row.number,
                    fields: o,
                    id,
                    excerpts: Vec::new(),
                    cites: Vec::new(),
                    media: pending_media.take(),
                });
            }
            "cite" => {
                let mut o = Obj::new();
                o.0.extend(text(get("source")).map(|v| ("source".to_owned(), v)));
                o.0.extend(sheet.l10n(row, "note").map(|t| ("note".to_owned(), t)));
                let target = get("id")
                    .map(str::to_owned)
                    .or_else(|| events.last().map(|e| e.id.clone().unwrap_or_default()));
                cites.push((row.number, target, o.build()));
            }
            "excerpt" => {
                let mut o = Obj::new();
                o.0.extend(text(get("source")).map(|v| ("source".to_owned(), v)));
                o.0.extend(text(get("lang")).map(|v| ("lang".to_owned(), v)));
                o.0.extend(text(get("text")).map(|v| ("text".to_owned(), v)));
                o.0.extend(sheet.l10n(row, "note").map(|t| ("note".to_owned(), t)));
                // The event it belongs to: named in `id`, else the last event above it.
                let target = get("id")
                    .map(str::to_owned)
                    .or_else(|| events.last().map(|e| e.id.clone().unwrap_or_default()));
                excerpts.push((row.number, target, o.build()));
            }
            other => {
                let kind = NoteKind::UnknownRowKind { value: other.to_owned() };
                notes.push(Note { origin: Origin::Row(row.number), kind });
            }
        }
    }
    for (number, target, cite) in cites {
        let event = target
            .as_deref()
            .and_then(|t| events.iter_mut().rev().find(|e| e.id.as_deref() == Some(t)));
        match event {
            Some(e) => e.cites.push((number, cite)),
            None => {
                let kind = NoteKind::OrphanExcerpt { event: target.unwrap_or_default() };
                notes.push(Note { origin: Origin::Row(number), kind });
            }
        }
    }
    for (number, target, excerpt) in excerpts {
        let event = target
            .as_deref()
            .and_then(|t| events.iter_mut().rev().find(|e| e.id.as_deref() == Some(t)));
        match event {
            Some(e) => e.excerpts.push((number, excerpt)),
            None => {
                let kind = NoteKind::OrphanExcerpt { event: target.unwrap_or_default() };
                notes.push(Note { origin: Origin::Row(number), kind });
            }
        }
    }

    let (top_row, mut doc) = top.unwrap_or_else(|| {
        let mut o = Obj::new();
        o.put("version", Json::Number(1.0));
        let langs = sheet.languages.iter().map(|l| Json::String(l.clone())).collect();
        o.put("languages", Json::Array(langs));
        (header.number, o)
    });
    for key in ["version", "title", "description", "languages", "range"] {
        origins.push((key.to_owned(), Origin::Row(top_row)));
    }
    let mut list = |name: &str, items: Vec<(usize, Json)>, doc: &mut Obj, always: bool| {
        if items.is_empty() && !always {
            return;
        }
        let mut values = Vec::with_capacity(items.len());
        for (i, (number, v)) in items.into_iter().enumerate() {
            origins.push((format!("{name}[{i}]"), Origin::Row(number)));
            values.push(v);
        }
        doc.put(name, Json::Array(values));
    };
    list("categories", categories, &mut doc, true);
    list("eras", eras, &mut doc, false);
    list("sources", sources, &mut doc, false);
    let mut event_values = Vec::with_capacity(events.len());
    for (i, mut e) in events.into_iter().enumerate() {
        origins.push((format!("events[{i}]"), Origin::Row(e.row)));
        if !e.excerpts.is_empty() {
            let mut values = Vec::with_capacity(e.excerpts.len());
            for (j, (number, v)) in e.excerpts.into_iter().enumerate() {
                origins.push((format!("events[{i}].excerpts[{j}]"), Origin::Row(number)));
                values.push(v);
            }
            e.fields.put("excerpts", Json::Array(values));
        }
        if let Some(m) = e.media {
            e.fields.put("media", m);
        }
        if !e.cites.is_empty() {
            let mut values = Vec::with_capacity(e.cites.len());
            for (j, (number, v)) in e.cites.into_iter().enumerate() {
                origins.push((format!("events[{i}].sources[{j}]"), Origin::Row(number)));
                values.push(v);
            }
            e.fields.put("sources", Json::Array(values));
        }
        event_values.push(e.fields.build());
    }
    doc.put("events", Json::Array(event_values));
    Imported { bundle: doc.build(), notes, origins }
}

/// A validated bundle as the template's rows, the header first. Texts are written for every
/// language of the bundle; each event is followed by its excerpts.
pub fn export(bundle: &Bundle) -> Vec<Vec<String>> {
    let langs = &bundle.languages;
    let mut header: Vec<String> = BEFORE_TEXTS.iter().map(|c| (*c).to_owned()).collect();
    for family in ["title", "summary", "date_note"] {
        header.extend(langs.iter().map(|l| format!("{family}_{l}")));
    }
    header.extend(MIDDLE.iter().map(|c| (*c).to_owned()));
    header.extend(langs.iter().map(|l| format!("note_{l}")));
    header.extend(AFTER_TEXTS.iter().map(|c| (*c).to_owned()));
    // Media columns only when some event has media, so a bundle without stays compact.
    if bundle.events.iter().any(|e| e.media.is_some()) {
        header.extend(MEDIA.iter().map(|c| (*c).to_owned()));
        for family in ["media_alt", "media_caption"] {
            header.extend(langs.iter().map(|l| format!("{family}_{l}")));
        }
    }
    let cols: Vec<Col> = header.iter().map(|h| column(h)).collect();

    let blank = || vec![String::new(); header.len()];
    let set = |row: &mut Vec<String>, name: &str, value: String| {
        if let Some(i) = cols.iter().position(|c| *c == Col::Plain(leak(name))) {
            row[i] = value;
        }
    };
    let set_text = |row: &mut Vec<String>, family: &str, t: Option<&L10n>| {
        for (lang, text) in t.map(|t| t.0.as_slice()).unwrap_or_default() {
            let i =
                cols.iter().position(|c| matches!(c, Col::Text(f, l) if *f == family && l == lang));
            if let Some(i) = i {
                row[i] = text.clone();
            }
        }
    };
    let mut out = vec![header.clone()];

    let mut row = blank();
    set(&mut row, "kind", "bundle".into());
    set(&mut row, "start", bundle.range.0.to_string());
    set(&mut row, "end", bundle.range.1.to_string());
    set(&mut row, "languages", langs.join(" "));
    set_text(&mut row, "title", Some(&bundle.title));
    set_text(&mut row, "summary", bundle.description.as_ref());
    out.push(row);
    for c in &bundle.categories {
        let mut row = blank();
        set(&mut row, "kind", "category".into());
        set(&mut row, "id", c.id.clone());
        set(&mut row, "color", c.color.clone());
        set(&mut row, "icon", c.icon.name().into());
        set_text(&mut row, "title", Some(&c.label));
        out.push(row);
    }
    for e in &bundle.eras {
        let mut row = blank();
        set(&mut row, "kind", "era".into());
        set(&mut row, "id", e.id.clone());
        set(&mut row, "start", e.start.to_string());
        set(&mut row, "end", e.end.to_string());
        set_text(&mut row, "title", Some(&e.label));
        out.push(row);
    }
    for s in &bundle.sources {
        let mut row = blank();
        set(&mut row, "kind", "source".into());
        set(&mut row, "id", s.id.clone());
        set(&mut row, "publisher", s.publisher.clone());
        set(&mut row, "source_title", s.title.clone());
        set(&mut row, "author", s.author.clone().unwrap_or_default());
        set(&mut row, "published", s.published.map(|d| d.to_string()).unwrap_or_default());
        set(&mut row, "lang", s.lang.clone());
        set(&mut row, "url", s.url.clone().unwrap_or_default());
        set(&mut row, "accessed", s.accessed.map(|d| d.to_string()).unwrap_or_default());
        set_text(&mut row, "note", s.note.as_ref());
        out.push(row);
    }
    for e in &bundle.events {
        let mut row = blank();
        set(&mut row, "kind", "event".into());
        set(&mut row, "id", e.id.clone());
        set(&mut row, "start", e.start.to_string());
        set(&mut row, "end", e.end.map(|d| d.to_string()).unwrap_or_default());
        let category = bundle.categories.get(e.category).map(|c| c.id.clone());
        set(&mut row, "category", category.unwrap_or_default());
        set(&mut row, "importance", e.importance.to_string());
        set_text(&mut row, "title", Some(&e.title));
        set_text(&mut row, "summary", Some(&e.summary));
        set_text(&mut row, "date_note", e.date_note.as_ref());
        if let Some(m) = &e.media {
            if m.kind != crate::bundle::MediaKind::Image {
                set(&mut row, "media_type", m.kind.name().into());
            }
            set(&mut row, "media_url", m.url.clone());
            set(&mut row, "media_credit", m.credit.clone().unwrap_or_default());
            if let Some((w, h)) = m.size {
                set(&mut row, "media_width", w.to_string());
                set(&mut row, "media_height", h.to_string());
            }
            set_text(&mut row, "media_alt", Some(&m.alt));
            set_text(&mut row, "media_caption", m.caption.as_ref());
        }
        out.push(row);
        for x in &e.excerpts {
            let mut row = blank();
            set(&mut row, "kind", "excerpt".into());
            set(&mut row, "id", e.id.clone());
            let source = bundle.sources.get(x.source).map(|s| s.id.clone());
            set(&mut row, "source", source.unwrap_or_default());
            set(&mut row, "lang", x.lang.clone());
            set(&mut row, "text", x.text.clone());
            set_text(&mut row, "note", x.note.as_ref());
            out.push(row);
        }
        for c in &e.sources {
            let mut row = blank();
            set(&mut row, "kind", "cite".into());
            set(&mut row, "id", e.id.clone());
            let source = bundle.sources.get(c.source).map(|s| s.id.clone());
            set(&mut row, "source", source.unwrap_or_default());
            set_text(&mut row, "note", c.note.as_ref());
            out.push(row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(table: &[&[&str]]) -> Vec<Row> {
        table
            .iter()
            .enumerate()
            .map(|(i, r)| Row::new(i + 1, r.iter().map(|c| (*c).to_owned()).collect()))
            .collect()
    }

    #[test]
    fn columns_are_plain_or_per_language() {
        assert_eq!(column(" Kind "), Col::Plain("kind"));
        assert_eq!(column("date_note_id"), Col::Text("date_note", "id".into()));
        assert_eq!(column("note_en"), Col::Text("note", "en".into()));
        assert_eq!(column("title_english"), Col::Unknown);
    }

    #[test]
    fn rows_become_a_bundle_and_leftovers_are_noted() {
        let imported = import(&rows(&[
            &["kind", "id", "start", "end", "category", "importance", "color", "title_en", "x"],
            &["bundle", "", "1950", "1965", "", "", "", "Demo", ""],
            &["category", "t", "", "", "", "", "#abc", "Treaties", ""],
            &["event", "a", "1950-02-14", "", "t", "1", "#fff", "Treaty", "?"],
            &["excerpt", "", "", "", "", "", "", "", ""],
            &["", "", "", "", "", "", "", "", ""],
            &["slide", "", "", "", "", "", "", "", ""],
        ]));
        let messages: Vec<String> =
            imported.notes.iter().map(|n| n.message(crate::i18n::Lang::En)).collect();
        assert_eq!(
            messages,
            [
                "row 1: column \"x\" is not part of the template and is ignored.",
                "row 4: color \"#fff\" dropped: this kind of row does not use it.",
                "row 7: kind \"slide\" is not one of bundle, category, era, source, event, \
                 excerpt, cite; the row is skipped.",
            ]
        );
        let event = &imported.bundle.get("events").unwrap().as_array().unwrap()[0];
        assert_eq!(event.get("importance"), Some(&Json::Number(1.0)));
        assert_eq!(event.get("excerpts").unwrap().as_array().unwrap().len(), 1);
        assert_eq!(imported.origin_of("events[0].excerpts[0].text"), Some(&Origin::Row(5)));
        assert_eq!(imported.origin_of("events[0].title"), Some(&Origin::Row(4)));
    }

    #[test]
    fn a_table_without_a_kind_column_is_refused() {
        let imported = import(&rows(&[&["Headline", "Year"], &["A", "1950"]]));
        assert!(imported.notes.iter().any(|n| n.kind.is_fatal()));
    }
}
