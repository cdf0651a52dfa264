//! `timeline export BUNDLE --sheet | --html [-o FILE]`: a valid bundle written back as our
//! spreadsheet template, or as static HTML for readers without JavaScript.

use crate::check::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE};
use timeline_core::bundle::{validate, Bundle};
use timeline_core::i18n::Lang;
use timeline_core::json::Json;

/// Reads and validates a bundle; on failure, what to print and the exit status.
pub fn load(file: &str, lang: Lang) -> Result<Bundle, (String, i32)> {
    let text = crate::read_text(file).map_err(|e| (e, EXIT_UNREADABLE))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let json: Json = serde_json::from_str(text).map_err(|e| {
        (format!("{file}: not valid JSON: {e}; run `timeline check {file}`"), EXIT_UNREADABLE)
    })?;
    validate(&json).bundle.ok_or_else(|| {
        let m = match lang {
            Lang::En => format!(
                "{file}: the bundle has errors; run `timeline check {file}` and fix them first"
            ),
            Lang::Id => format!(
                "{file}: bundel berisi kesalahan; jalankan `timeline check {file}` dan perbaiki dulu"
            ),
        };
        (m, EXIT_INVALID)
    })
}

/// The bundle as the template's CSV (TSV when `out` ends in `.tsv`).
pub fn sheet(bundle: &Bundle, out: Option<&str>) -> String {
    let tsv = out.is_some_and(|o| o.to_ascii_lowercase().ends_with(".tsv"));
    let rows = timeline_core::import::template::export(bundle);
    crate::table::write(&rows, if tsv { b'\t' } else { b',' })
}

/// Writes `text` to `out`, or to standard output.
pub fn emit(text: &str, out: Option<&str>) -> i32 {
    match out {
        None | Some("-") => {
            print!("{text}");
            EXIT_OK
        }
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("{path}: cannot write: {e}");
                EXIT_UNREADABLE
            }
        },
    }
}

/// The bundle as static HTML (see `timeline_core::export`), to go inside
/// `<div data-timeline>…</div>`.
pub fn html(bundle: &Bundle, lang: Lang) -> String {
    timeline_core::export::html(bundle, lang)
}
