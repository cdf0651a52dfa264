//! Finds where a problem's path points in the JSON text, for `FILE:LINE:COL` messages.
//!
//! The [`crate::json::Json`] tree does not keep positions (serde cannot give them), so the
//! command-line validator scans the text once more with this small hand-written scanner. It
//! only needs to walk well-formed JSON (the text has been parsed already), but it must never
//! panic or recurse on whatever it is given, so malformed input simply yields `None`.

use super::path::is_plain_key;

/// One step of a path.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The 1-based line and column (counted in characters) where the value at `path` starts in the
/// JSON `text`, or `None` when there is no such value. With duplicate keys the first one is
/// found. Paths are as in [`super::Problem::path`]: `events[12].start`, `title.en`,
/// `title["e n"]`; the empty path is the whole document.
///
/// ```
/// use timeline_core::bundle::locate;
/// let text = "{\n  \"events\": [\n    {\"start\": \"1957-02-30\"}\n  ]\n}";
/// assert_eq!(locate(text, "events[0].start"), Some((3, 15)));
/// assert_eq!(locate(text, "events[1]"), None);
/// ```
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let steps = parse_path(path)?;
    let mut s = Scanner { bytes: text.as_bytes(), pos: 0 };
    s.skip_ws();
    for step in &steps {
        match step {
            Step::Key(key) => s.enter_key(key)?,
            Step::Index(n) => s.enter_index(*n)?,
        }
    }
    if s.pos >= s.bytes.len() {
        return None;
    }
    Some(line_col(text, s.pos))
}

/// Splits `events[3].title["e n"]` into steps.
fn parse_path(path: &str) -> Option<Vec<Step>> {
    let b = path.as_bytes();
    let mut steps = Vec::new();
    let mut i = 0;
    let mut first = true;
    while i < b.len() {
        match b.get(i) {
            Some(b'[') => {
                i += 1;
                if b.get(i) == Some(&b'"') {
                    let (key, next) = json_string(b, i)?;
                    i = next;
                    steps.push(Step::Key(key));
                } else {
                    let start = i;
                    while b.get(i).is_some_and(u8::is_ascii_digit) {
                        i += 1;
                    }
                    steps.push(Step::Index(path.get(start..i)?.parse().ok()?));
                }
                if b.get(i) != Some(&b']') {
                    return None;
                }
                i += 1;
            }
            Some(b'.') if !first => {
                i += 1;
                let start = i;
                while b.get(i).is_some_and(|c| *c != b'.' && *c != b'[') {
                    i += 1;
                }
                steps.push(Step::Key(plain_key(path.get(start..i)?)?));
            }
            _ if first => {
                let start = i;
                while b.get(i).is_some_and(|c| *c != b'.' && *c != b'[') {
                    i += 1;
                }
                steps.push(Step::Key(plain_key(path.get(start..i)?)?));
            }
            _ => return None,
        }
        first = false;
    }
    Some(steps)
}

fn plain_key(key: &str) -> Option<String> {
    is_plain_key(key).then(|| key.to_owned())
}

/// Decodes the JSON string literal starting at `b[i] == '"'`; returns it and the index after it.
fn json_string(b: &[u8], mut i: usize) -> Option<(String, usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    i += 1;
    let mut out: Vec<u8> = Vec::new();
    let mut pending_high: Option<u32> = None;
    loop {
        let c = *b.get(i)?;
        i += 1;
        match c {
            b'"' => break,
            b'\\' => {
                let e = *b.get(i)?;
                i += 1;
                let simple = match e {
                    b'"' => Some(b'"'),
                    b'\\' => Some(b'\\'),
                    b'/' => Some(b'/'),
                    b'b' => Some(8),
                    b'f' => Some(12),
                    b'n' => Some(b'\n'),
                    b'r' => Some(b'\r'),
                    b't' => Some(b'\t'),
                    b'u' => None,
                    _ => return None,
                };
                if let Some(byte) = simple {
                    out.push(byte);
                    continue;
                }
                let hex = std::str::from_utf8(b.get(i..i + 4)?).ok()?;
                let unit = u32::from_str_radix(hex, 16).ok()?;
                i += 4;
                let ch = match (pending_high.take(), unit) {
                    (None, 0xD800..=0xDBFF) => {
                        pending_high = Some(unit);
                        continue;
                    }
                    (Some(high), 0xDC00..=0xDFFF) => {
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                    }
                    (None, _) => char::from_u32(unit),
                    (Some(_), _) => None,
                };
                let mut buf = [0; 4];
                out.extend_from_slice(ch.unwrap_or('\u{fffd}').encode_utf8(&mut buf).as_bytes());
            }
            c => out.push(c),
        }
    }
    Some((String::from_utf8(out).ok()?, i))
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    /// Moves from an object's `{` to the value of its first entry named `key`.
    fn enter_key(&mut self, key: &str) -> Option<()> {
        self.eat(b'{')?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            return None;
        }
        loop {
            self.skip_ws();
            let (name, next) = json_string(self.bytes, self.pos)?;
            self.pos = next;
            self.eat(b':')?;
            self.skip_ws();
            if name == key {
                return Some(());
            }
            self.skip_value()?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                _ => return None,
            }
        }
    }

    /// Moves from an array's `[` to its `n`-th item.
    fn enter_index(&mut self, n: usize) -> Option<()> {
        self.eat(b'[')?;
        self.skip_ws();
        if self.peek() == Some(b']') {
            return None;
        }
        for _ in 0..n {
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.skip_ws();
        Some(())
    }

    /// Skips one value without recursion: containers are skipped by counting brackets outside
    /// strings.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => {
                self.pos = json_string(self.bytes, self.pos)?.1;
            }
            b'{' | b'[' => {
                let mut depth = 0_usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.pos = json_string(self.bytes, self.pos)?.1;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(|c| !b",]} \t\r\n".contains(&c)) {
                    self.pos += 1;
                }
                if self.pos == start {
                    return None;
                }
            }
        }
        Some(())
    }
}

/// The 1-based line and character column of byte offset `pos`.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let before = text.get(..pos).unwrap_or(text);
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::super::path::Loc;
    use super::*;

    const DOC: &str = r#"{
  "version": 1,
  "title": {"id": "Garis waktu", "en": "Timeline", "e n": "x", "é\"\u00e9": 2},
  "events": [
    {"id": "a", "tags": [[1, "]"], {"x": "}"}], "start": "1950"},
    {"id": "b", "start": "1957-02-30", "excerpts": [{"source": "s"}]}
  ]
}"#;

    #[test]
    fn finds_values_by_path() {
        assert_eq!(locate(DOC, ""), Some((1, 1)));
        assert_eq!(locate(DOC, "version"), Some((2, 14)));
        assert_eq!(locate(DOC, "title.en"), Some((3, 40)));
        assert_eq!(locate(DOC, "events[0].start"), Some((5, 58)));
        assert_eq!(locate(DOC, "events[1].start"), Some((6, 26)));
        assert_eq!(locate(DOC, "events[1].excerpts[0].source"), Some((6, 64)));
        assert_eq!(locate(DOC, "events[1]"), Some((6, 5)));
    }

    #[test]
    fn finds_quoted_keys_written_as_loc_writes_them() {
        let title = Loc::root().field("title", 1);
        assert_eq!(locate(DOC, &title.field("e n", 2).path), Some((3, 59)));
        assert_eq!(locate(DOC, &title.field("é\"é", 3).path), Some((3, 77)));
    }

    #[test]
    fn absent_or_malformed_paths_are_none() {
        for path in [
            "events[2]",
            "events[0].end",
            "nothing",
            "version.x",
            "events.x",
            "events[x]",
            "events[",
            ".version",
            "events..start",
            "title[\"en]",
            "events[0]start",
        ] {
            assert_eq!(locate(DOC, path), None, "{path}");
        }
    }

    #[test]
    fn malformed_text_never_panics() {
        for text in ["", "{", "[", "{\"a\"", "{\"a\":", "[1,", "\"", "{\"a\":[}", "]]]", "\"\\u12"]
        {
            for path in ["", "a", "[0]", "a[0]", "[3]"] {
                let _ = locate(text, path);
            }
        }
        assert_eq!(locate("[1, 2]", "[1]"), Some((1, 5)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(locate("{\"é\": \"ü\", \"b\": 1}", "b"), Some((1, 17)));
    }
}
