//! The purity rule of `crates/core` (see its module doc): no file there may name a browser-only
//! crate, nor `serde_json`, outside comments. The core then builds and tests natively with
//! nothing but std and serde, and the widget cannot grow a hidden dependency on the DOM.

use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo", "serde_json"];

/// `text` with every comment (line, block, nested block, doc) blanked out; newlines and the
/// length of each line are kept, so line numbers still point at the source.
fn strip_comments(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if c == '"' || (c == 'r' && matches!(next, Some('"' | '#')) && raw_start(&b, i)) {
            // String literals are kept (a crate named inside one still counts) but skipped over,
            // so a `//` inside a string does not start a comment.
            let end = string_end(&b, i);
            out.extend(&b[i..end]);
            i = end;
        } else if c == '\'' {
            // A char literal ('"', '\'') must not open a string; a lifetime ('a) is left alone.
            let end = if next == Some('\\') {
                (i + 2..b.len()).find(|&j| b[j] == '\'').map_or(b.len(), |j| j + 1)
            } else if b.get(i + 2) == Some(&'\'') {
                i + 3
            } else {
                i + 1
            };
            out.extend(&b[i..end.min(b.len())]);
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether `r` at `i` begins a raw string (`r"`, `r#"`), not an identifier ending in r.
fn raw_start(b: &[char], i: usize) -> bool {
    let ident_before = i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_');
    let mut j = i + 1;
    while b.get(j) == Some(&'#') {
        j += 1;
    }
    !ident_before && b.get(j) == Some(&'"')
}

/// The index after the string literal starting at `i` (plain `"…"` or raw `r#"…"#`).
fn string_end(b: &[char], i: usize) -> usize {
    if b[i] == 'r' {
        let hashes = b[i + 1..].iter().take_while(|c| **c == '#').count();
        let mut j = i + 1 + hashes + 1;
        while j < b.len() {
            if b[j] == '"'
                && b[j + 1..].iter().take(hashes).filter(|c| **c == '#').count() == hashes
            {
                return j + 1 + hashes;
            }
            j += 1;
        }
        return b.len();
    }
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            '\\' => j += 2,
            '"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// The forbidden names used in `code`, as (1-based line, name): whole identifiers equal to a
/// name or extending it with `_` (`leptos_dom`, `gloo_timers`).
fn offences(code: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            for name in FORBIDDEN {
                if word == *name || word.strip_prefix(name).is_some_and(|r| r.starts_with('_')) {
                    found.push((n + 1, *name));
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn src_core_names_no_browser_crate_and_no_serde_json() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    files.sort();
    assert!(files.len() >= 3, "no sources found under {}", core.display());
    let mut report = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let code = strip_comments(&text);
        for (line, name) in offences(&code) {
            let source = text.lines().nth(line - 1).unwrap_or("").trim();
            report.push(format!("{}:{line}: names `{name}`: {source}", file.display()));
        }
    }
    assert!(report.is_empty(), "crates/core must stay pure:\n{}", report.join("\n"));
}

#[test]
fn the_scanner_sees_code_and_ignores_comments() {
    let code = r##"//! Unlike serde_json, …
use leptos::prelude::*; // gloo here is a comment
/* web_sys /* nested js_sys */ still comment */ let x = '"'; let y = "// gloo_net";
let s = r#"wasm_bindgen"#; fn f<'a>(v: &'a str) {}
/// serde_json in a doc comment
let leptosish = 1; let my_gloo = 2;"##;
    let found = offences(&strip_comments(code));
    assert_eq!(found, [(2, "leptos"), (3, "gloo"), (4, "wasm_bindgen")]);
    assert_eq!(strip_comments(code).lines().count(), code.lines().count());
}

/// The dependency half of the rule: the core crate's manifest names serde and nothing else, so a
/// browser crate cannot arrive through a dependency either.
#[test]
fn the_core_crate_depends_on_serde_only() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let mut section = "";
    let mut deps = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
        } else if section == "[dependencies]" && !line.is_empty() && !line.starts_with('#') {
            deps.push(line.split(['=', ' ']).next().unwrap_or("").to_string());
        }
    }
    assert_eq!(deps, ["serde"], "crates/core may depend on serde only");
    assert!(!text.contains("[target."), "no target-specific dependencies in crates/core");
}
