//! `timeline import FILE -o BUNDLE.json`: a bundle from our spreadsheet template (CSV/TSV), from
//! TimelineJS's Google Sheets template (CSV) or from TimelineJS JSON.
//!
//! Prints, on standard error, everything that could not be carried over, row by row ("row 14:
//! Time 10:30 dropped, the bundle has day precision."), then the validator's problems with the
//! row they come from, then a summary. Writes the bundle only when it has no errors (and, with
//! `--strict`, nothing was left behind).
//!
//! Exit status: 0 written; 1 not written because the bundle has errors, or (`--strict`) because
//! something could not be carried over; 2 the file cannot be read, its CSV is malformed, or its
//! columns are not one of the known formats.

use crate::check::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use timeline_core::bundle::{validate, Severity};
use timeline_core::i18n::Lang;
use timeline_core::import::{template, timelinejs, HtmlToText, Imported, Origin};
use timeline_core::json::Json;

/// What the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Decide from the content: JSON → TimelineJS JSON; a table with a `kind` column → our
    /// template; with `Year` and `Headline` → TimelineJS's sheet.
    Auto,
    Sheet,
    TimelinejsCsv,
    TimelinejsJson,
}

/// Options of one import.
pub struct Options<'a> {
    pub format: Format,
    pub strict: bool,
    /// The language of messages.
    pub lang: Lang,
    /// The language of TimelineJS texts in the bundle.
    pub text_lang: &'a str,
}

/// The outcome of [`import`]: the bundle text to write (when it may be written), what to print
/// on standard error, and the exit status.
pub struct Outcome {
    pub bundle: Option<String>,
    pub report: String,
    pub status: i32,
}

fn title_from_file(file: &str) -> String {
    let name =
        std::path::Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("Timeline");
    let words: String =
        name.chars().map(|c| if c == '-' || c == '_' { ' ' } else { c }).collect::<String>();
    let trimmed = words.trim();
    if trimmed.is_empty() {
        "Timeline".into()
    } else {
        trimmed.to_owned()
    }
}

fn fail(report: String) -> Outcome {
    Outcome { bundle: None, report, status: EXIT_UNREADABLE }
}

/// Imports `text` (read from `file`), HTML converted by html5ever.
#[cfg(feature = "native")]
pub fn import(file: &str, text: &str, options: &Options) -> Outcome {
    import_with(file, text, options, &crate::html::Html5ever)
}

/// What a table is, from its header row: our template has a `kind` column, TimelineJS's
/// Google Sheets template `Year` and `Headline`.
pub fn table_format(header: &[String]) -> Option<Format> {
    if header.iter().any(|c| c.trim().eq_ignore_ascii_case("kind")) {
        Some(Format::Sheet)
    } else if timelinejs::is_timelinejs_header(header) {
        Some(Format::TimelinejsCsv)
    } else {
        None
    }
}

/// Whether a JSON document is already a bundle (not TimelineJS JSON).
pub fn is_bundle(doc: &Json) -> bool {
    doc.get("version").is_some() && doc.get("languages").is_some()
}

/// Imports `text` (read from `file`), HTML converted by `html`.
pub fn import_with(file: &str, text: &str, options: &Options, html: &dyn HtmlToText) -> Outcome {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let looks_json =
        file.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
    let format = match options.format {
        Format::Auto if looks_json => Format::TimelinejsJson,
        other => other,
    };
    let tl_options = timelinejs::Options {
        lang: options.text_lang.to_owned(),
        fallback_title: title_from_file(file),
    };
    let imported = if format == Format::TimelinejsJson {
        let doc: Json = match serde_json::from_str(text) {
            Ok(doc) => doc,
            Err(e) => {
                let (l, c) = (e.line(), e.column());
                return fail(match options.lang {
                    Lang::En => format!("{file}:{l}:{c}: this is not valid JSON: {e}\n"),
                    Lang::Id => format!("{file}:{l}:{c}: ini bukan JSON yang sah: {e}\n"),
                });
            }
        };
        if is_bundle(&doc) {
            return fail(match options.lang {
                Lang::En => format!(
                    "{file}: this is already a timeline bundle, not a TimelineJS file; check it \
                     with `timeline check {file}`\n"
                ),
                Lang::Id => format!(
                    "{file}: ini sudah bundel linimasa, bukan berkas TimelineJS; periksa dengan \
                     `timeline check {file}`\n"
                ),
            });
        }
        timelinejs::from_json(&doc, html, &tl_options)
    } else {
        let rows = match crate::table::read(text, file, options.lang) {
            Ok(rows) => rows,
            Err(e) => return fail(format!("{e}\n")),
        };
        let header = rows.first().map(|r| r.cells.as_slice()).unwrap_or_default();
        let format = match (format, table_format(header)) {
            (Format::Auto, Some(found)) => found,
            (Format::Auto, None) => {
                let found = header.join(", ");
                return fail(match options.lang {
                    Lang::En => format!(
                        "{file}: row 1: the header has neither a \"kind\" column (the \
                         timeline's template, data/templates/) nor \"Year\" and \"Headline\" \
                         (TimelineJS's Google Sheets template); found: {found}\n"
                    ),
                    Lang::Id => format!(
                        "{file}: baris 1: judul kolom tidak memuat kolom \"kind\" (templat \
                         linimasa, data/templates/) maupun \"Year\" dan \"Headline\" (templat \
                         Google Sheets TimelineJS); yang ada: {found}\n"
                    ),
                });
            }
            (other, _) => other,
        };
        match format {
            Format::Sheet => template::import(&rows),
            _ => timelinejs::from_rows(&rows, html, &tl_options),
        }
    };
    finish(file, imported, options)
}

fn place(file: &str, origin: Option<&Origin>, lang: Lang) -> String {
    match (origin, lang) {
        (Some(Origin::Row(n)), Lang::En) => format!("{file}: row {n}"),
        (Some(Origin::Row(n)), Lang::Id) => format!("{file}: baris {n}"),
        (Some(Origin::Path(p)), _) => format!("{file}: {p}"),
        _ => file.to_owned(),
    }
}

fn finish(file: &str, imported: Imported, options: &Options) -> Outcome {
    let lang = options.lang;
    let mut report = String::new();
    let (note_word, error_word) = match lang {
        Lang::En => ("note", "error"),
        Lang::Id => ("catatan", "kesalahan"),
    };
    let fatal = imported.notes.iter().any(|n| n.kind.is_fatal());
    for n in &imported.notes {
        let word = if options.strict || n.kind.is_fatal() { error_word } else { note_word };
        report.push_str(&format!("{file}: {word}: {}\n", n.message(lang)));
    }
    if fatal {
        return Outcome { bundle: None, report, status: EXIT_UNREADABLE };
    }
    let validated = validate(&imported.bundle);
    let (mut errors, mut warnings) = (0, 0);
    for p in &validated.problems {
        match p.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        let at = place(file, imported.origin_of(&p.path), lang);
        let path = if p.path.is_empty() { "(document)" } else { &p.path };
        report.push_str(&format!(
            "{at}: {}[{}] {path}: {}\n",
            p.severity.label(lang),
            p.code(),
            p.message(lang)
        ));
    }
    let notes = imported.notes.len();
    let blocked_by_notes = options.strict && notes > 0;
    let events = imported.bundle.get("events").and_then(Json::as_array).map_or(0, <[_]>::len);
    let summary = match lang {
        Lang::En => format!(
            "{events} events; {notes} {} not carried over; {}",
            if notes == 1 { "thing" } else { "things" },
            crate::check::summary(errors, warnings, lang)
        ),
        Lang::Id => format!(
            "{events} peristiwa; {notes} hal tidak terbawa; {}",
            crate::check::summary(errors, warnings, lang)
        ),
    };
    report.push_str(&summary);
    report.push('\n');
    if errors > 0 || blocked_by_notes {
        let why = match (lang, errors > 0) {
            (Lang::En, true) => "no bundle written: fix the errors above.",
            (Lang::En, false) => "no bundle written (--strict): something was not carried over.",
            (Lang::Id, true) => "bundel tidak ditulis: perbaiki kesalahan di atas.",
            (Lang::Id, false) => "bundel tidak ditulis (--strict): ada yang tidak terbawa.",
        };
        report.push_str(why);
        report.push('\n');
        return Outcome { bundle: None, report, status: EXIT_INVALID };
    }
    let text = serde_json::to_string_pretty(&imported.bundle).unwrap_or_default() + "\n";
    Outcome { bundle: Some(text), report, status: EXIT_OK }
}

#[cfg(feature = "native")]
/// Runs `timeline import`: reads `file`, writes the bundle to `out` (`-` for standard output).
pub fn run(file: &str, out: &str, options: &Options) -> i32 {
    let text = match crate::read_text(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    let outcome = import(file, &text, options);
    eprint!("{}", outcome.report);
    if let Some(bundle) = outcome.bundle {
        if out == "-" {
            print!("{bundle}");
        } else if let Err(e) = std::fs::write(out, bundle) {
            eprintln!("{out}: cannot write the bundle: {e}");
            return EXIT_UNREADABLE;
        } else {
            match options.lang {
                Lang::En => eprintln!("wrote {out}"),
                Lang::Id => eprintln!("{out} ditulis"),
            }
        }
    }
    outcome.status
}
