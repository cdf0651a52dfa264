//! `timeline check BUNDLE [--json] [--lang id|en]`: the bundle validator for editors and CI.
//!
//! Prints every problem as `FILE:LINE:COL: error[code] path: message` (warnings as
//! `warning[code]`), like a compiler, so editors and terminals can jump to it; then a summary
//! line. The message and the summary are in the chosen language (Indonesian: `kesalahan[code]`,
//! `peringatan[code]`); codes and paths are the same in every language. `--json` prints a JSON
//! array of `{severity, path, code, message, line, column}` for tools instead (`severity` is
//! always `error` or `warning`). Lines and columns are 1-based; columns count characters, not
//! bytes. A problem about something missing points at the nearest enclosing value that exists.
//!
//! Exit status ([`EXIT_OK`], [`EXIT_INVALID`], [`EXIT_UNREADABLE`]): 0 when there is no error
//! (warnings allowed), 1 when the bundle has errors, 2 when the file cannot be read or is not
//! JSON at all (or the arguments are wrong).

use serde_json::json;
use timeline_core::bundle::{locate, validate, Problem, Severity};
use timeline_core::i18n::Lang;
use timeline_core::json::Json;

/// No errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// The bundle has errors.
pub const EXIT_INVALID: i32 = 1;
/// The file cannot be read or is not JSON, or the arguments are wrong.
pub const EXIT_UNREADABLE: i32 = 2;

/// Checks the bundle in `file`, prints the report to standard output and returns the exit
/// status.
pub fn run(file: &str, as_json: bool, lang: Lang) -> i32 {
    let text = match crate::read_text(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    let (output, status) = check(file, &text, as_json, lang);
    print!("{output}");
    status
}

/// One reported problem, positioned in the file.
struct Located {
    severity: Severity,
    path: String,
    code: &'static str,
    message: String,
    line: usize,
    column: usize,
}

/// Validates `text` (read from `file`) and returns what to print and the exit status.
pub fn check(file: &str, text: &str, as_json: bool, lang: Lang) -> (String, i32) {
    // Editors on some systems save a byte-order mark; JSON forbids it, but it is harmless.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json: Json = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(e) => {
            let reason = strip_position(&e.to_string()).to_owned();
            let message = match lang {
                Lang::En => format!("This is not valid JSON: {reason}."),
                Lang::Id => format!("Ini bukan JSON yang sah: {reason}."),
            };
            let syntax = Located {
                severity: Severity::Error,
                path: String::new(),
                code: "invalid-json",
                message,
                line: e.line(),
                column: char_column(text, e.line(), e.column()),
            };
            return (render(file, &[syntax], as_json, lang), EXIT_UNREADABLE);
        }
    };
    let report = validate(&json);
    let located: Vec<Located> = report.problems.iter().map(|p| position(text, p, lang)).collect();
    let status = if report.errors().next().is_some() { EXIT_INVALID } else { EXIT_OK };
    (render(file, &located, as_json, lang), status)
}

/// The 1-based line and column (in characters) of the value at `path` in the JSON `text`, or of
/// the nearest enclosing value that exists (a problem about something missing points there).
pub fn line_column(text: &str, path: &str) -> (usize, usize) {
    ancestors(path).find_map(|path| locate(text, path)).unwrap_or((1, 1))
}

fn position(text: &str, p: &Problem, lang: Lang) -> Located {
    let (line, column) = line_column(text, &p.path);
    Located {
        severity: p.severity,
        path: p.path.clone(),
        code: p.code(),
        message: p.message(lang),
        line,
        column,
    }
}

/// `path`, then each enclosing path up to the document (`""`): `events[3].title.en`,
/// `events[3].title`, `events[3]`, `events`, `""`. Brackets inside quoted keys are not steps.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut cuts = vec![0];
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in path.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '.' | '[' if !in_string && i > 0 => cuts.push(i),
            _ => {}
        }
    }
    cuts.push(path.len());
    cuts.dedup();
    cuts.into_iter().rev().filter_map(move |end| path.get(..end))
}

/// serde_json's message without its trailing " at line L column C" (printed separately).
pub fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// serde_json counts columns in bytes; editors count characters.
pub fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count().max(1)
}

fn render(file: &str, problems: &[Located], as_json: bool, lang: Lang) -> String {
    if as_json {
        let items: Vec<_> = problems
            .iter()
            .map(|p| {
                json!({
                    "severity": p.severity.name(),
                    "path": p.path,
                    "code": p.code,
                    "message": p.message,
                    "line": p.line,
                    "column": p.column,
                })
            })
            .collect();
        let array = serde_json::Value::Array(items);
        return format!("{}\n", serde_json::to_string_pretty(&array).unwrap_or_default());
    }
    let mut out = String::new();
    for p in problems {
        let path = match (p.path.is_empty(), lang) {
            (false, _) => p.path.as_str(),
            (true, Lang::En) => "(document)",
            (true, Lang::Id) => "(dokumen)",
        };
        out.push_str(&format!(
            "{file}:{}:{}: {}[{}] {path}: {}\n",
            p.line,
            p.column,
            p.severity.label(lang),
            p.code,
            p.message
        ));
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    out.push_str(&summary(errors, warnings, lang));
    out.push('\n');
    out
}

/// "1 error, 2 warnings" / "1 kesalahan, 2 peringatan".
pub fn summary(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}, {}", plural(errors, "error"), plural(warnings, "warning")),
        Lang::Id => format!("{errors} kesalahan, {warnings} peringatan"),
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r##"{
  "version": 1, "title": {"en": "T"}, "languages": ["en"],
  "range": {"start": "1950", "end": "1965"},
  "categories": [{"id": "c", "label": {"en": "C"}, "color": "#abc"}],
  "events": [
    {"id": "a", "start": "1950", "category": "c", "importance": 1,
     "title": {"en": "A"}, "summary": {"en": "S"}}
  ]
}"##;

    #[test]
    fn a_clean_bundle_prints_only_the_summary() {
        assert_eq!(
            check("g.json", GOOD, false, Lang::En),
            ("0 errors, 0 warnings\n".to_owned(), 0)
        );
        assert_eq!(check("g.json", GOOD, true, Lang::En), ("[]\n".to_owned(), 0));
    }

    #[test]
    fn problems_print_with_file_line_and_column() {
        let text = GOOD
            .replace("\"start\": \"1950\", \"category\"", "\"start\": \"1957-02-30\", \"category\"")
            .replace("\"importance\": 1,", "\"importance\": 1, \"colour\": \"red\",");
        let (out, status) = check("data/my.json", &text, false, Lang::En);
        assert_eq!(status, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "data/my.json:6:26: error[invalid-date] events[0].start: The date \"1957-02-30\" \
                 is not valid: 1957-02 has no day 30 (it has 28 days).",
                "data/my.json:6:84: warning[unknown-field] events[0].colour: The field \
                 \"colour\" is not part of the format and is ignored.",
                "1 error, 1 warning",
            ]
        );
    }

    #[test]
    fn warnings_alone_exit_zero() {
        let text = GOOD.replace("\"version\": 1,", "\"version\": 1, \"extra\": true,");
        let (out, status) = check("w.json", &text, false, Lang::En);
        assert_eq!(status, 0);
        assert!(out.ends_with("0 errors, 1 warning\n"), "{out}");
    }

    #[test]
    fn json_output_lists_every_field() {
        let text = GOOD.replace("\"color\": \"#abc\"", "\"color\": \"red\"");
        let (out, status) = check("b.json", &text, true, Lang::En);
        assert_eq!(status, 1);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v,
            json!([{
                "severity": "error", "path": "categories[0].color", "code": "invalid-color",
                "message": "The colour \"red\" is not valid: write it as #rgb or #rrggbb, such \
                            as #c33 or #cc3333.",
                "line": 4, "column": 61,
            }])
        );
    }

    #[test]
    fn a_missing_field_points_at_its_object() {
        let text = GOOD.replace("\"title\": {\"en\": \"A\"}, ", "");
        let (out, _) = check("m.json", &text, false, Lang::En);
        assert!(out.starts_with("m.json:6:5: error[missing-field] events[0].title: "), "{out}");
    }

    #[test]
    fn syntax_errors_exit_two_with_a_character_column() {
        let (out, status) = check("s.json", "{\n  \"tïtle\": ,\n}", false, Lang::En);
        assert_eq!(status, 2);
        assert_eq!(
            out,
            "s.json:2:12: error[invalid-json] (document): This is not valid JSON: expected \
             value.\n1 error, 0 warnings\n"
        );
        let (out, status) = check("s.json", "", true, Lang::En);
        assert_eq!(status, 2);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["code"], "invalid-json");
        assert_eq!((v[0]["line"].as_u64(), v[0]["column"].as_u64()), (Some(1), Some(1)));
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        assert_eq!(check("b.json", &format!("\u{feff}{GOOD}"), false, Lang::En).1, 0);
    }

    #[test]
    fn ancestors_walk_up_to_the_document() {
        let all: Vec<&str> = ancestors(r#"events[3].title["a.b[c"].x"#).collect();
        assert_eq!(
            all,
            [
                r#"events[3].title["a.b[c"].x"#,
                r#"events[3].title["a.b[c"]"#,
                "events[3].title",
                "events[3]",
                "events",
                "",
            ]
        );
        assert_eq!(ancestors("").collect::<Vec<_>>(), [""]);
    }

    #[test]
    fn exit_statuses() {
        assert_eq!(run("/nonexistent/bundle.json", false, Lang::En), EXIT_UNREADABLE);
        let good = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/bundles/good/minimal.json");
        assert_eq!(run(good, true, Lang::En), EXIT_OK);
        let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/bundles/bad/color-name.json");
        assert_eq!(run(bad, false, Lang::Id), EXIT_INVALID);
    }

    #[test]
    fn indonesian_output_names_severities_and_problems_in_indonesian() {
        let text = GOOD.replace(
            "\"start\": \"1950\", \"category\"",
            "\"start\": \"1957-02-30\", \"category\"",
        );
        let (out, status) = check("data/my.json", &text, false, Lang::Id);
        assert_eq!(status, EXIT_INVALID);
        assert_eq!(
            out,
            "data/my.json:6:26: kesalahan[invalid-date] events[0].start: Tanggal \"1957-02-30\" tidak \
             sah: 1957-02 tidak memiliki tanggal 30 (bulan itu 28 hari).\n1 kesalahan, 0 peringatan\n"
        );
        let (out, _) = check("data/my.json", &text, true, Lang::Id);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["severity"], "error", "machine fields stay language-neutral");
    }
}
