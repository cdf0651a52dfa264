//! What the editor makes of the text in its input box: which format it is, the bundle it gives,
//! and every import report and validator problem with the place in the text it comes from (a
//! spreadsheet row and cell, or a JSON line and value), as a byte range the page selects.
//!
//! Pure: the same rules as `timeline import` and `timeline check` (`timeline-cli`, `timeline-core`),
//! tested natively; the page only shows the result. HTML in TimelineJS texts is converted by
//! whatever [`HtmlToText`] the caller passes (the browser's `DOMParser` in the page).

use std::ops::Range;
use timeline_cli::import::{is_bundle, table_format, Format};
use timeline_cli::table::{detect_delimiter, quoting_error};
use timeline_core::bundle::{validate, Bundle, Problem, Severity};
use timeline_core::i18n::Lang;
use timeline_core::import::{
    template, timelinejs, HtmlToText, Imported, Note, NoteKind, Origin, Row,
};
use timeline_core::json::Json;

/// What the editor was told the text is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// Decide from the content.
    #[default]
    Auto,
    /// Our spreadsheet template (CSV, TSV, or cells pasted from a spreadsheet).
    Sheet,
    /// TimelineJS's Google Sheets template.
    TimelinejsCsv,
    /// TimelineJS JSON.
    TimelinejsJson,
    /// Our bundle JSON.
    Bundle,
}

impl Choice {
    /// A stable name (the `<select>`'s values and the saved work).
    pub fn name(self) -> &'static str {
        match self {
            Choice::Auto => "auto",
            Choice::Sheet => "sheet",
            Choice::TimelinejsCsv => "timelinejs-csv",
            Choice::TimelinejsJson => "timelinejs-json",
            Choice::Bundle => "bundle",
        }
    }

    /// The choice of a [`Choice::name`].
    pub fn from_name(name: &str) -> Choice {
        [Choice::Sheet, Choice::TimelinejsCsv, Choice::TimelinejsJson, Choice::Bundle]
            .into_iter()
            .find(|c| c.name() == name)
            .unwrap_or_default()
    }
}

/// What the text turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// Nothing but white space.
    Empty,
    /// Our template, with its separator (tab, comma or semicolon).
    Sheet(u8),
    /// TimelineJS's sheet, with its separator.
    TimelinejsCsv(u8),
    TimelinejsJson,
    Bundle,
    /// A table of neither template, or text that is not JSON where JSON was expected.
    Unknown,
}

/// How serious an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The bundle cannot be made or is invalid.
    Error,
    /// The validator's warnings.
    Warning,
    /// Something the import could not carry over as it was.
    Note,
}

/// Where an item points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The whole input.
    Input,
    /// A spreadsheet row, and the column (its header) when the item names one.
    Row { row: usize, column: Option<String> },
    /// A line and column (in characters) of JSON text.
    Line { line: usize, column: usize },
}

impl Place {
    /// "row 7, column start" / "baris 7, kolom start", "line 12, column 5".
    pub fn label(&self, lang: Lang) -> String {
        let (row_w, col_w, line_w, all) = match lang {
            Lang::En => ("row", "column", "line", "whole input"),
            Lang::Id => ("baris", "kolom", "baris", "seluruh masukan"),
        };
        match self {
            Place::Input => all.to_owned(),
            Place::Row { row, column: Some(c) } => format!("{row_w} {row}, {col_w} {c}"),
            Place::Row { row, column: None } => format!("{row_w} {row}"),
            Place::Line { line, column } => format!("{line_w} {line}, {col_w} {column}"),
        }
    }
}

/// One import report or validator problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub level: Level,
    /// The validator's code (`invalid-date`…), or `import` for import reports.
    pub code: String,
    /// The bundle path, when the validator gave one.
    pub path: String,
    /// The sentence, in the editor's language, without the place.
    pub message: String,
    pub place: Place,
    /// The bytes of the input to select for it.
    pub span: Option<Range<usize>>,
}

/// Everything the page shows about the input.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub found: Option<Found>,
    pub items: Vec<Item>,
    /// The bundle document (as imported, or as pasted), when there is one.
    pub document: Option<Json>,
    /// The validated bundle, when it has no errors.
    pub bundle: Option<Bundle>,
    /// How many events the document lists.
    pub events: usize,
}

impl Analysis {
    /// How many items of `level`.
    pub fn count(&self, level: Level) -> usize {
        self.items.iter().filter(|i| i.level == level).count()
    }

    /// The bundle's title in `lang` (else its first one), read from the document even when it
    /// has errors, so file names and snippets do not change while a cell is being fixed.
    pub fn title(&self, lang: &str) -> Option<String> {
        let Some(Json::Object(texts)) = self.document.as_ref()?.get("title") else { return None };
        let pick = texts.iter().find(|(l, _)| l == lang).or_else(|| texts.first());
        pick.and_then(|(_, t)| t.as_str())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    }

    /// The bundle as JSON text to download: the pasted text itself when it was bundle JSON
    /// (its layout kept), else the imported document, pretty-printed.
    pub fn bundle_json(&self, text: &str) -> Option<String> {
        self.bundle.as_ref()?;
        if self.found == Some(Found::Bundle) {
            let t = text.strip_prefix('\u{feff}').unwrap_or(text);
            return Some(format!("{}\n", t.trim_end()));
        }
        let doc = self.document.as_ref()?;
        serde_json::to_string_pretty(doc).ok().map(|s| s + "\n")
    }
}

/// Analyses `text`, read as `choice`, with messages in `lang`; TimelineJS texts are taken to be
/// in `text_lang`, and their HTML converted by `html`.
pub fn analyse(
    text: &str,
    choice: Choice,
    lang: Lang,
    text_lang: &str,
    html: &dyn HtmlToText,
) -> Analysis {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[bom..];
    if body.trim().is_empty() {
        return Analysis { found: Some(Found::Empty), ..Analysis::default() };
    }
    let looks_json = body.trim_start().starts_with(['{', '[']);
    let json_choice = matches!(choice, Choice::Bundle | Choice::TimelinejsJson);
    let mut a = if json_choice || (choice == Choice::Auto && looks_json) {
        json_input(body, choice, lang, text_lang, html)
    } else {
        table_input(body, choice, lang, text_lang, html)
    };
    if bom > 0 {
        for item in &mut a.items {
            item.span = item.span.take().map(|r| r.start + bom..r.end + bom);
        }
    }
    a.items.sort_by_key(|i| (i.span.as_ref().map_or(0, |s| s.start), i.level));
    a
}

fn tl_options(text_lang: &str) -> timelinejs::Options {
    timelinejs::Options { lang: text_lang.to_owned(), fallback_title: "Timeline".to_owned() }
}

fn json_input(
    text: &str,
    choice: Choice,
    lang: Lang,
    text_lang: &str,
    html: &dyn HtmlToText,
) -> Analysis {
    let doc: Json = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(e) => {
            let reason = timeline_cli::check::strip_position(&e.to_string()).to_owned();
            let column = timeline_cli::check::char_column(text, e.line(), e.column());
            let line = e.line().max(1);
            let message = match lang {
                Lang::En => format!("This is not valid JSON: {reason}."),
                Lang::Id => format!("Ini bukan JSON yang sah: {reason}."),
            };
            let at = offset_of(text, line, column);
            let item = Item {
                level: Level::Error,
                code: "invalid-json".into(),
                path: String::new(),
                message,
                place: Place::Line { line, column },
                span: Some(at..next_char(text, at)),
            };
            return Analysis {
                found: Some(Found::Unknown),
                items: vec![item],
                ..Analysis::default()
            };
        }
    };
    let bundle_doc = match choice {
        Choice::Bundle => true,
        Choice::TimelinejsJson => false,
        _ => is_bundle(&doc),
    };
    if bundle_doc {
        let report = validate(&doc);
        let items = report.problems.iter().map(|p| json_problem(text, p, lang)).collect();
        let events = doc.get("events").and_then(Json::as_array).map_or(0, <[_]>::len);
        return Analysis {
            found: Some(Found::Bundle),
            items,
            bundle: report.bundle,
            document: Some(doc),
            events,
        };
    }
    let imported = timelinejs::from_json(&doc, html, &tl_options(text_lang));
    finish(Found::TimelinejsJson, imported, &Source::Json(text), lang)
}

fn json_problem(text: &str, p: &Problem, lang: Lang) -> Item {
    let (line, column) = timeline_cli::check::line_column(text, &p.path);
    let at = offset_of(text, line, column);
    Item {
        level: level_of(p.severity),
        code: p.code().to_owned(),
        path: p.path.clone(),
        message: p.message(lang),
        place: Place::Line { line, column },
        span: Some(at..value_end(text, at)),
    }
}

fn level_of(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    }
}

/// A table's text, its separator, and where each record and cell is in it.
struct Table<'a> {
    text: &'a str,
    header: Vec<String>,
    /// Per row number (index + 1): the bytes of the record and of each of its cells.
    records: Vec<(Range<usize>, Vec<Range<usize>>)>,
}

impl Table<'_> {
    fn row_span(&self, row: usize) -> Option<Range<usize>> {
        let (r, _) = self.records.get(row.checked_sub(1)?)?;
        // Without the line break that ends it.
        let end = r.start + self.text[r.clone()].trim_end_matches(['\r', '\n']).len();
        Some(r.start..end)
    }

    /// The column index of a header name (case and spaces ignored).
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.trim().eq_ignore_ascii_case(name))
    }

    fn cell_span(&self, row: usize, column: usize) -> Option<Range<usize>> {
        let (_, cells) = self.records.get(row.checked_sub(1)?)?;
        cells.get(column).cloned()
    }
}

/// Where reports point: rows and cells of a table, or values of a JSON document.
enum Source<'a> {
    Table(Table<'a>, Found),
    Json(&'a str),
}

fn table_input(
    text: &str,
    choice: Choice,
    lang: Lang,
    text_lang: &str,
    html: &dyn HtmlToText,
) -> Analysis {
    // Cells pasted from a spreadsheet are tab-separated; files may use `,` or `;`.
    let delimiter = detect_delimiter(text, "");
    if let Some(e) = quoting_error(text, delimiter) {
        let start = physical_row_col(text, delimiter, e.row, e.column);
        let message = e.message(lang);
        // The message starts with "row R, column C: ", shown as the place instead.
        let message = message.split_once(": ").map_or(message.clone(), |(_, m)| m.to_owned());
        let item = Item {
            level: Level::Error,
            code: "csv-quoting".into(),
            path: String::new(),
            message,
            place: Place::Row { row: e.row, column: Some(e.column.to_string()) },
            span: Some(start..cell_end(text, start, delimiter)),
        };
        return Analysis { found: Some(Found::Unknown), items: vec![item], ..Analysis::default() };
    }
    let (rows, records) = read_table(text, delimiter);
    let header = rows.first().map(|r| r.cells.clone()).unwrap_or_default();
    let format = match choice {
        Choice::Sheet => Some(Format::Sheet),
        Choice::TimelinejsCsv => Some(Format::TimelinejsCsv),
        _ => table_format(&header),
    };
    let table = Table { text, header: header.clone(), records };
    let Some(format) = format else {
        let found = header.iter().map(|h| h.trim()).filter(|h| !h.is_empty()).collect::<Vec<_>>();
        let message = match lang {
            Lang::En => format!(
                "the first row has neither a \"kind\" column (the timeline's template) nor \
                 \"Year\" and \"Headline\" (TimelineJS's template); found: {}. Start from the \
                 template, or copy the header row along with the cells.",
                found.join(", ")
            ),
            Lang::Id => format!(
                "baris pertama tidak memuat kolom \"kind\" (templat linimasa) maupun \"Year\" \
                 dan \"Headline\" (templat TimelineJS); yang ada: {}. Mulailah dari templat, atau \
                 salin baris judul kolom bersama sel-selnya.",
                found.join(", ")
            ),
        };
        let item = Item {
            level: Level::Error,
            code: "unknown-columns".into(),
            path: String::new(),
            message,
            place: Place::Row { row: 1, column: None },
            span: table.row_span(1),
        };
        return Analysis { found: Some(Found::Unknown), items: vec![item], ..Analysis::default() };
    };
    let (imported, found) = match format {
        Format::Sheet => (template::import(&rows), Found::Sheet(delimiter)),
        _ => (
            timelinejs::from_rows(&rows, html, &tl_options(text_lang)),
            Found::TimelinejsCsv(delimiter),
        ),
    };
    finish(found, imported, &Source::Table(table, found), lang)
}

/// Rows as `timeline import` reads them (the csv crate, header as row 1), and the bytes of
/// each record and cell.
#[allow(clippy::type_complexity)]
fn read_table(text: &str, delimiter: u8) -> (Vec<Row>, Vec<(Range<usize>, Vec<Range<usize>>)>) {
    let mut reader = csv_reader(text, delimiter);
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {
                // The csv reader skips blank lines: the record starts after them.
                let at = record.position().map_or(start, |p| p.byte() as usize);
                starts.push(at);
                rows.push(Row::new(rows.len() + 1, record.iter().map(str::to_owned).collect()));
            }
            Ok(false) | Err(_) => break,
        }
    }
    let mut records = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        records.push((start..end, cells_of(text, start, end, delimiter)));
    }
    (rows, records)
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The byte ranges of the cells of the record in `text[start..end]`, quotes included.
fn cells_of(text: &str, start: usize, end: usize, delimiter: u8) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut cells = Vec::new();
    let mut cell_start = start;
    let mut quoted = false;
    let mut i = start;
    while i < end {
        let c = b[i];
        if quoted {
            if c == b'"' {
                if b.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if c == b'"' && i == cell_start {
            quoted = true;
        } else if c == delimiter {
            cells.push(cell_start..i);
            cell_start = i + 1;
        } else if c == b'\n' || c == b'\r' {
            break;
        }
        i += 1;
    }
    cells.push(cell_start..i);
    cells
}

/// The byte where row `row`, column `column` starts, counting as [`quoting_error`] does (line
/// breaks outside quotation marks end a row).
fn physical_row_col(text: &str, delimiter: u8, row: usize, column: usize) -> usize {
    let (mut r, mut c) = (1usize, 1usize);
    let mut quoted = false;
    for (i, ch) in text.char_indices() {
        if r == row && c == column {
            return i;
        }
        match ch {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                r += 1;
                c = 1;
            }
            ch if !quoted && ch == char::from(delimiter) => c += 1,
            _ => {}
        }
    }
    text.len()
}

/// The end of the cell that starts at `start` (its end of line at most).
fn cell_end(text: &str, start: usize, delimiter: u8) -> usize {
    let rest = &text[start..];
    let stop = rest.find(|c: char| c == '\n' || c == '\r' || c == char::from(delimiter));
    let end = start + stop.unwrap_or(rest.len());
    if end == start {
        next_char(text, start)
    } else {
        end
    }
}

/// The byte offset of 1-based `line` and character `column`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices().nth(column.saturating_sub(1)).map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

fn next_char(text: &str, at: usize) -> usize {
    text[at.min(text.len())..].chars().next().map_or(text.len(), |c| at + c.len_utf8())
}

/// The end of the JSON value that starts at `at` (a string, a number, a literal, or a whole
/// object or array); `at` + one character when there is none.
fn value_end(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let Some(&first) = b.get(at) else { return text.len() };
    let mut i = at;
    match first {
        b'"' => {
            i += 1;
            while let Some(&c) = b.get(i) {
                i += 1;
                match c {
                    b'\\' => i += 1,
                    b'"' => return i.min(text.len()),
                    _ => {}
                }
            }
            text.len()
        }
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut in_string = false;
            while let Some(&c) = b.get(i) {
                i += 1;
                if in_string {
                    match c {
                        b'\\' => i += 1,
                        b'"' => in_string = false,
                        _ => {}
                    }
                    continue;
                }
                match c {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i;
                        }
                    }
                    _ => {}
                }
            }
            text.len()
        }
        _ => {
            while b.get(i).is_some_and(|c| !b",}]\r\n \t".contains(c)) {
                i += 1;
            }
            if i == at {
                next_char(text, at)
            } else {
                i
            }
        }
    }
}

/// The import's notes and the validator's problems, placed.
fn finish(found: Found, imported: Imported, source: &Source, lang: Lang) -> Analysis {
    let mut items: Vec<Item> = imported
        .notes
        .iter()
        .map(|n| {
            let level = if n.kind.is_fatal() { Level::Error } else { Level::Note };
            let (place, span) = place_of(source, &n.origin, note_column(n), "");
            Item {
                level,
                code: "import".into(),
                path: String::new(),
                message: capitalise(&n.kind.message(lang)),
                place,
                span,
            }
        })
        .collect();
    if imported.notes.iter().any(|n| n.kind.is_fatal()) {
        return Analysis { found: Some(found), items, ..Analysis::default() };
    }
    let report = validate(&imported.bundle);
    for p in &report.problems {
        let (prefix, origin) = origin_with_prefix(&imported, &p.path);
        let rest = p.path.get(prefix.len()..).unwrap_or("");
        let (place, span) = match origin {
            Some(o) => place_of(source, o, None, rest),
            None => (Place::Input, None),
        };
        items.push(Item {
            level: level_of(p.severity),
            code: p.code().to_owned(),
            path: p.path.clone(),
            message: p.message(lang),
            place,
            span,
        });
    }
    let events = imported.bundle.get("events").and_then(Json::as_array).map_or(0, <[_]>::len);
    Analysis {
        found: Some(found),
        items,
        bundle: report.bundle,
        document: Some(imported.bundle),
        events,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The origin of a bundle path, and the bundle path it was recorded for (its prefix).
fn origin_with_prefix<'a>(imported: &'a Imported, path: &str) -> (&'a str, Option<&'a Origin>) {
    imported
        .origins
        .iter()
        .filter(|(p, _)| {
            path.strip_prefix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
        .max_by_key(|(p, _)| p.len())
        .map_or(("", None), |(p, o)| (p.as_str(), Some(o)))
}

/// The column a note names, if any.
fn note_column(n: &Note) -> Option<&str> {
    match &n.kind {
        NoteKind::UnknownColumn { column }
        | NoteKind::UnusedCell { column, .. }
        | NoteKind::TimeDropped { column, .. }
        | NoteKind::BadDate { column, .. }
        | NoteKind::MediaDetailDropped { column, .. } => Some(column),
        _ => None,
    }
}

/// The spreadsheet column a validator path (after the row's own path) is about.
fn columns_for(found: Found, rest: &str) -> Vec<String> {
    let keys: Vec<&str> = rest
        .split(['.', '['])
        .filter(|k| !k.is_empty() && !k.ends_with(']'))
        .map(|k| k.trim_matches('"'))
        .collect();
    let Some(&first) = keys.first() else { return Vec::new() };
    let lang = keys.get(1).filter(|l| (2..=3).contains(&l.len()));
    match found {
        Found::Sheet(_) => {
            let family = match first {
                "label" => "title",
                "description" => "summary",
                other => other,
            };
            let mut names = Vec::new();
            if let Some(l) = lang {
                names.push(format!("{family}_{l}"));
            }
            let plain = match first {
                "title" if keys.len() == 1 => "source_title",
                "media" => "media_url",
                other => other,
            };
            names.push(plain.to_owned());
            names
        }
        Found::TimelinejsCsv(_) => {
            let name = match first {
                "start" => "Year",
                "end" => "End Year",
                "title" => "Headline",
                "summary" => "Text",
                "category" => "Group",
                "media" => "Media",
                _ => return Vec::new(),
            };
            vec![name.to_owned()]
        }
        _ => Vec::new(),
    }
}

/// The place and the bytes of an origin; `column` is a header the report names, `rest` the
/// validator's path below the origin.
fn place_of(
    source: &Source,
    origin: &Origin,
    column: Option<&str>,
    rest: &str,
) -> (Place, Option<Range<usize>>) {
    match (source, origin) {
        (_, Origin::Input) => (Place::Input, None),
        (Source::Table(t, found), Origin::Row(row)) => {
            let wanted: Vec<String> = match column {
                Some(c) => vec![c.to_owned()],
                None => columns_for(*found, rest),
            };
            for name in &wanted {
                if let Some(i) = t.column(name) {
                    let header = t.header[i].trim().to_owned();
                    let span = t.cell_span(*row, i).or_else(|| t.row_span(*row));
                    return (Place::Row { row: *row, column: Some(header) }, span);
                }
            }
            (Place::Row { row: *row, column: None }, t.row_span(*row))
        }
        (Source::Json(text), Origin::Path(path)) => {
            let full = format!("{path}{rest}");
            let (line, column) = timeline_cli::check::line_column(text, &full);
            let at = offset_of(text, line, column);
            (Place::Line { line, column }, Some(at..value_end(text, at)))
        }
        (Source::Json(_), Origin::Row(row)) => (Place::Row { row: *row, column: None }, None),
        (Source::Table(..), Origin::Path(_)) => (Place::Input, None),
    }
}

/// `range` of the UTF-8 `text` in UTF-16 code units (what a textarea's selection counts).
pub fn utf16_range(text: &str, range: &Range<usize>) -> (u32, u32) {
    let units = |end: usize| -> u32 {
        let end = end.min(text.len());
        let mut end = end;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text[..end].encode_utf16().count() as u32
    };
    (units(range.start), units(range.end))
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use timeline_core::import::Converted;

    /// HTML as text, naively (the page uses the browser's parser).
    struct Plain;
    impl HtmlToText for Plain {
        fn convert(&self, html: &str) -> Converted {
            Converted { text: html.to_owned(), ..Converted::default() }
        }
    }

    const TEMPLATE: &str = include_str!("../../../data/templates/timeline-template.csv");

    fn run(text: &str, lang: Lang) -> Analysis {
        analyse(text, Choice::Auto, lang, "en", &Plain)
    }

    /// A sheet as cells pasted from a spreadsheet: a header, a bundle row, a category and
    /// `n` events.
    pub fn tsv(n: usize) -> String {
        let mut s = String::from(
            "kind\tid\tstart\tend\tcategory\timportance\tcolor\ttitle_en\ttitle_id\tsummary_en\tsummary_id\n\
             bundle\t\t1950\t1965\t\t\t\tMy timeline\tLinimasaku\t\t\n\
             category\tmisc\t\t\t\t\t#1f4e9c\tEvents\tPeristiwa\t\t\n",
        );
        for i in 0..n {
            let (y, m) = (1950 + i / 12, i % 12 + 1);
            s.push_str(&format!(
                "event\te{i}\t{y}-{m:02}\t\tmisc\t{}\t\tEvent {i}\tPeristiwa {i}\tWhat happened.\tApa yang terjadi.\n",
                i % 3 + 1
            ));
        }
        s
    }

    #[test]
    fn thirty_pasted_rows_are_thirty_events_without_a_problem() {
        let a = run(&tsv(30), Lang::En);
        assert_eq!(a.found, Some(Found::Sheet(b'\t')));
        assert_eq!(a.events, 30);
        assert!(a.bundle.is_some(), "{:?}", a.items);
        assert_eq!(a.count(Level::Error), 0);
        assert_eq!(a.title("id").as_deref(), Some("Linimasaku"));
        assert_eq!(a.title("fr").as_deref(), Some("My timeline"));
        let json = a.bundle_json(&tsv(30)).unwrap();
        let doc: Json = serde_json::from_str(&json).unwrap();
        assert!(validate(&doc).bundle.is_some(), "the download is a valid bundle");
    }

    #[test]
    fn a_broken_date_names_its_row_and_cell_and_selects_it() {
        // Row 7 of the sheet: the header, the bundle row, the category, then events e0.. e3.
        let text =
            tsv(30).replace("\t1951-01\t", "\t1951-13\t").replace("\t1950-04\t", "\t1950-4x\t");
        for lang in [Lang::En, Lang::Id] {
            let a = run(&text, lang);
            assert!(a.bundle.is_none());
            assert_eq!(a.title("en").as_deref(), Some("My timeline"), "a title despite errors");
            let e = a.items.iter().find(|i| i.level == Level::Error).unwrap();
            assert_eq!(e.place, Place::Row { row: 7, column: Some("start".into()) }, "{e:?}");
            assert_eq!(&text[e.span.clone().unwrap()], "1950-4x");
            let label = e.place.label(lang);
            assert_eq!(
                label,
                if lang == Lang::En { "row 7, column start" } else { "baris 7, kolom start" }
            );
            // The row of e12 (16) too, and in order of place.
            let rows: Vec<_> = a
                .items
                .iter()
                .filter(|i| i.level == Level::Error)
                .map(|i| i.place.clone())
                .collect();
            assert_eq!(rows[1], Place::Row { row: 16, column: Some("start".into()) });
        }
    }

    #[test]
    fn the_template_imports_with_its_notes_placed() {
        let a = run(TEMPLATE, Lang::En);
        assert_eq!(a.found, Some(Found::Sheet(b',')));
        assert!(a.bundle.is_some(), "{:?}", a.items);
        assert_eq!(a.events, 2);
    }

    #[test]
    fn a_titled_bundle_json_is_checked_with_lines() {
        let text = "{\n  \"version\": 1,\n  \"title\": {\"en\": \"T\"},\n  \"languages\": [\"en\"],\n  \"range\": {\"start\": \"1950\", \"end\": \"1951\"},\n  \"categories\": [{\"id\": \"c\", \"label\": {\"en\": \"C\"}, \"color\": \"#000000\"}],\n  \"events\": [{\"id\": \"a\", \"start\": \"1950-02-30\", \"category\": \"c\", \"importance\": 1, \"title\": {\"en\": \"A\"}, \"summary\": {\"en\": \"S\"}}]\n}\n";
        let a = run(text, Lang::En);
        assert_eq!(a.found, Some(Found::Bundle));
        let e = &a.items[0];
        assert_eq!(e.place, Place::Line { line: 7, column: 35 });
        assert_eq!(&text[e.span.clone().unwrap()], "\"1950-02-30\"");
        assert_eq!(e.path, "events[0].start");
    }

    #[test]
    fn broken_json_and_broken_quoting_point_at_the_fault() {
        let a = run("{\n  \"version\": 1,\n  oops\n}", Lang::En);
        assert_eq!(a.items[0].place, Place::Line { line: 3, column: 3 });
        assert_eq!(a.items[0].code, "invalid-json");
        let text = "kind,id\nevent,x\"y\"\n";
        let a = run(text, Lang::Id);
        assert_eq!(a.items[0].place, Place::Row { row: 2, column: Some("2".into()) });
        assert_eq!(&text[a.items[0].span.clone().unwrap()], "x\"y\"");
        assert!(a.items[0].message.starts_with("tanda kutip"), "{}", a.items[0].message);
    }

    #[test]
    fn a_table_of_neither_template_is_explained_on_row_one() {
        let a = run("name\tdate\nTreaty\t1950\n", Lang::En);
        assert_eq!(a.found, Some(Found::Unknown));
        assert_eq!(a.items[0].place, Place::Row { row: 1, column: None });
        assert_eq!(a.items[0].span, Some(0..9));
    }

    #[test]
    fn timelinejs_sheets_and_json_are_imported() {
        let sheet = include_str!("../../cli/tests/fixtures/timelinejs-sheet.csv");
        let a = run(sheet, Lang::En);
        assert!(matches!(a.found, Some(Found::TimelinejsCsv(_))), "{:?}", a.found);
        assert!(a.events > 0);
        let notes: Vec<_> = a.items.iter().filter(|i| i.level == Level::Note).collect();
        assert!(notes.iter().all(|n| matches!(n.place, Place::Row { .. } | Place::Input)));
        let json = include_str!("../../cli/tests/fixtures/timelinejs.json");
        let a = run(json, Lang::En);
        assert_eq!(a.found, Some(Found::TimelinejsJson));
        assert!(a.events > 0);
        for item in a.items.iter().filter(|i| matches!(i.place, Place::Line { .. })) {
            assert!(item.span.is_some());
        }
    }

    #[test]
    fn a_byte_order_mark_shifts_every_span() {
        let text = format!("\u{feff}{}", tsv(3).replace("1950-02", "1950-2x"));
        let a = run(&text, Lang::En);
        let e = a.items.iter().find(|i| i.level == Level::Error).unwrap();
        assert_eq!(&text[e.span.clone().unwrap()], "1950-2x");
    }

    #[test]
    fn blank_lines_do_not_shift_rows() {
        let text = tsv(3)
            .replacen("\ncategory\tmisc", "\n\n\ncategory\tmisc", 1)
            .replace("1950-03", "1950-3x");
        let a = run(&text, Lang::En);
        let e = a.items.iter().find(|i| i.level == Level::Error).unwrap();
        assert_eq!(&text[e.span.clone().unwrap()], "1950-3x");
    }

    #[test]
    fn utf16_ranges_count_what_a_textarea_counts() {
        let text = "é😀x";
        assert_eq!(utf16_range(text, &(6..7)), (3, 4));
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }

    #[test]
    fn choices_round_trip_their_names() {
        for c in [
            Choice::Auto,
            Choice::Sheet,
            Choice::TimelinejsCsv,
            Choice::TimelinejsJson,
            Choice::Bundle,
        ] {
            assert_eq!(Choice::from_name(c.name()), c);
        }
    }
}
