//! `cargo xtask check-bundle FILE [--json]`: the bundle validator for editors and CI.
//!
//! Prints every problem as `FILE:LINE:COL: error[code] path: message` (warnings as
//! `warning[code]`), like a compiler, so editors and terminals can jump to it; then a summary
//! line. `--json` prints a JSON array of `{severity, path, code, message, line, column}` for
//! tools instead. Lines and columns are 1-based; columns count characters, not bytes. A problem
//! about something missing points at the nearest enclosing value that exists.
//!
//! Exit status: 0 when there is no error (warnings allowed), 1 when the bundle has errors,
//! 2 when the file cannot be read or is not JSON at all (or the arguments are wrong).

use serde_json::json;
use timeline::core::bundle::{locate, validate, Problem, Severity};
use timeline::core::json::Json;

const USAGE: &str = "usage: cargo xtask check-bundle FILE [--json]";

/// Runs the subcommand; `args` are the arguments after `check-bundle`. Returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let mut file = None;
    let mut as_json = false;
    for arg in args {
        match arg.as_str() {
            "--json" => as_json = true,
            "-h" | "--help" => {
                println!("{USAGE}\n\nValidates an events bundle (docs/bundle-format.md).");
                return 0;
            }
            a if a.starts_with('-') || file.is_some() => {
                eprintln!("check-bundle: unexpected argument {a:?}\n{USAGE}");
                return 2;
            }
            a => file = Some(a),
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return 2;
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{file}: cannot read the file: {e}");
            return 2;
        }
    };
    let (output, status) = check(file, &text, as_json);
    print!("{output}");
    status
}

/// One reported problem, positioned in the file.
struct Located {
    severity: &'static str,
    path: String,
    code: &'static str,
    message: String,
    line: usize,
    column: usize,
}

/// Validates `text` (read from `file`) and returns what to print and the exit status.
fn check(file: &str, text: &str, as_json: bool) -> (String, i32) {
    // Editors on some systems save a byte-order mark; JSON forbids it, but it is harmless.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json: Json = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(e) => {
            let syntax = Located {
                severity: "error",
                path: String::new(),
                code: "invalid-json",
                message: format!("This is not valid JSON: {}.", strip_position(&e.to_string())),
                line: e.line(),
                column: char_column(text, e.line(), e.column()),
            };
            return (render(file, &[syntax], as_json), 2);
        }
    };
    let report = validate(&json);
    let located: Vec<Located> = report.problems.iter().map(|p| position(text, p)).collect();
    let status = i32::from(report.errors().next().is_some());
    (render(file, &located, as_json), status)
}

fn position(text: &str, p: &Problem) -> Located {
    let (line, column) = ancestors(&p.path).find_map(|path| locate(text, path)).unwrap_or((1, 1));
    Located {
        severity: p.severity.name(),
        path: p.path.clone(),
        code: p.code(),
        message: p.message(timeline::core::i18n::Lang::En),
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
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// serde_json counts columns in bytes; editors count characters.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count().max(1)
}

fn render(file: &str, problems: &[Located], as_json: bool) -> String {
    if as_json {
        let items: Vec<_> = problems
            .iter()
            .map(|p| {
                json!({
                    "severity": p.severity,
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
        let path = if p.path.is_empty() { "(document)" } else { &p.path };
        out.push_str(&format!(
            "{file}:{}:{}: {}[{}] {path}: {}\n",
            p.line, p.column, p.severity, p.code, p.message
        ));
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error.name()).count();
    let warnings = problems.len() - errors;
    out.push_str(&format!("{}, {}\n", plural(errors, "error"), plural(warnings, "warning")));
    out
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
        assert_eq!(check("g.json", GOOD, false), ("0 errors, 0 warnings\n".to_owned(), 0));
        assert_eq!(check("g.json", GOOD, true), ("[]\n".to_owned(), 0));
    }

    #[test]
    fn problems_print_with_file_line_and_column() {
        let text = GOOD
            .replace("\"start\": \"1950\", \"category\"", "\"start\": \"1957-02-30\", \"category\"")
            .replace("\"importance\": 1,", "\"importance\": 1, \"colour\": \"red\",");
        let (out, status) = check("data/my.json", &text, false);
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
        let (out, status) = check("w.json", &text, false);
        assert_eq!(status, 0);
        assert!(out.ends_with("0 errors, 1 warning\n"), "{out}");
    }

    #[test]
    fn json_output_lists_every_field() {
        let text = GOOD.replace("\"color\": \"#abc\"", "\"color\": \"red\"");
        let (out, status) = check("b.json", &text, true);
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
        let (out, _) = check("m.json", &text, false);
        assert!(out.starts_with("m.json:6:5: error[missing-field] events[0].title: "), "{out}");
    }

    #[test]
    fn syntax_errors_exit_two_with_a_character_column() {
        let (out, status) = check("s.json", "{\n  \"tïtle\": ,\n}", false);
        assert_eq!(status, 2);
        assert_eq!(
            out,
            "s.json:2:12: error[invalid-json] (document): This is not valid JSON: expected \
             value.\n1 error, 0 warnings\n"
        );
        let (out, status) = check("s.json", "", true);
        assert_eq!(status, 2);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["code"], "invalid-json");
        assert_eq!((v[0]["line"].as_u64(), v[0]["column"].as_u64()), (Some(1), Some(1)));
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        assert_eq!(check("b.json", &format!("\u{feff}{GOOD}"), false).1, 0);
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
    fn arguments_are_checked() {
        assert_eq!(run(&[]), 2);
        assert_eq!(run(&["a.json".into(), "b.json".into()]), 2);
        assert_eq!(run(&["--frobnicate".into()]), 2);
        assert_eq!(run(&["/nonexistent/bundle.json".into()]), 2);
        let good = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/bundles/good/minimal.json");
        assert_eq!(run(&[good.into(), "--json".into()]), 0);
        let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/bundles/bad/color-name.json");
        assert_eq!(run(&[bad.into()]), 1);
    }
}
