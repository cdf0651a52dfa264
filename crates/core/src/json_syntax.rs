//! Where a JSON text breaks, in a reader's terms: the first syntax error's offset (RFC 8259, as
//! `JSON.parse` reads it), its line and column, and the text around it. Plain Rust, so the
//! widget's error panel and native tools share it and native tests reach it; the widget runs it
//! only after the browser's own `JSON.parse` has refused a text.

/// Where a JSON syntax error is, in the reader's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 0-based offset in characters from the start of the file.
    pub offset: usize,
    /// Up to a few dozen characters of the line before the error.
    pub before: String,
    /// The character at the error, or `None` at the end of the file.
    pub at: Option<char>,
    /// Up to a few dozen characters of the line after the error.
    pub after: String,
}

/// The "at position N" of a V8 `JSON.parse` message (a UTF-16 offset).
pub fn browser_position(message: &str) -> Option<usize> {
    let rest = &message[message.find("at position ")? + "at position ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The byte offset of UTF-16 offset `units` in `text`.
pub fn byte_of_utf16(text: &str, units: usize) -> Option<usize> {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return Some(i);
        }
        seen += c.len_utf16();
    }
    (seen >= units).then_some(text.len())
}

/// Line, column and the surrounding text of byte offset `at` (a char boundary).
pub fn position_of(text: &str, at: usize) -> Position {
    const CONTEXT: usize = 32;
    let at = at.min(text.len());
    let head = &text[..at];
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let line = head.matches('\n').count() + 1;
    let column = head[line_start..].chars().count() + 1;
    let offset = head.chars().count();
    let clean = |c: char| if c.is_control() { '\u{fffd}' } else { c };
    let before_all: Vec<char> = head[line_start..].chars().collect();
    let mut before: String =
        before_all[before_all.len().saturating_sub(CONTEXT)..].iter().map(|&c| clean(c)).collect();
    if before_all.len() > CONTEXT {
        before.insert(0, '…');
    }
    let mut rest = text[at..].chars();
    let at_char = rest.next().filter(|c| *c != '\n' && *c != '\r').map(clean);
    let tail: String =
        rest.clone().take_while(|c| *c != '\n' && *c != '\r').take(CONTEXT + 1).collect();
    let mut after: String = tail.chars().take(CONTEXT).map(clean).collect();
    if at_char.is_none() || tail.chars().count() > CONTEXT {
        if at_char.is_some() {
            after.push('…');
        } else {
            after.clear();
        }
    }
    Position { line, column, offset, before, at: at_char, after }
}

/// The byte offset of the first JSON syntax error in `text` (RFC 8259, as `JSON.parse` reads
/// it), or `None` if `text` is valid JSON. Iterative, so no input can exhaust the stack; run only
/// after `JSON.parse` has failed, because V8 names the position only for some errors.
pub fn syntax_error_offset(text: &str) -> Option<usize> {
    scan(text.as_bytes()).err()
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

fn scan_string(b: &[u8], mut i: usize) -> Result<usize, usize> {
    // b[i] == b'"'
    i += 1;
    loop {
        match b.get(i) {
            None => return Err(i),
            Some(b'"') => return Ok(i + 1),
            Some(b'\\') => match b.get(i + 1) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                Some(b'u') => {
                    for k in 2..6 {
                        if !b.get(i + k).is_some_and(u8::is_ascii_hexdigit) {
                            return Err((i + k).min(b.len()));
                        }
                    }
                    i += 6;
                }
                _ => return Err((i + 1).min(b.len())),
            },
            Some(&c) if c < 0x20 => return Err(i),
            Some(_) => i += 1,
        }
    }
}

fn scan_number(b: &[u8], mut i: usize) -> Result<usize, usize> {
    let digits = |mut i: usize| {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            Err(i.min(b.len()))
        } else {
            Ok(i)
        }
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    if b.get(i) == Some(&b'0') {
        i += 1;
    } else {
        i = digits(i)?;
    }
    if b.get(i) == Some(&b'.') {
        i = digits(i + 1)?;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = digits(i)?;
    }
    Ok(i)
}

/// A key and its colon, from `i` (after whitespace); returns where the value starts.
fn scan_key(b: &[u8], i: usize) -> Result<usize, usize> {
    if b.get(i) != Some(&b'"') {
        return Err(i);
    }
    let i = skip_ws(b, scan_string(b, i)?);
    if b.get(i) != Some(&b':') {
        return Err(i);
    }
    Ok(skip_ws(b, i + 1))
}

fn scan(b: &[u8]) -> Result<(), usize> {
    let mut stack: Vec<u8> = Vec::new();
    let mut i = skip_ws(b, 0);
    loop {
        // One value at `i`.
        match b.get(i) {
            None => return Err(i),
            Some(b'{') => {
                i = skip_ws(b, i + 1);
                if b.get(i) == Some(&b'}') {
                    i += 1;
                } else {
                    stack.push(b'}');
                    i = scan_key(b, i)?;
                    continue;
                }
            }
            Some(b'[') => {
                i = skip_ws(b, i + 1);
                if b.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    stack.push(b']');
                    continue;
                }
            }
            Some(b'"') => i = scan_string(b, i)?,
            Some(b'-' | b'0'..=b'9') => i = scan_number(b, i)?,
            Some(_) => {
                let word =
                    [&b"true"[..], b"false", b"null"].into_iter().find(|w| b[i..].starts_with(w));
                match word {
                    Some(w) => i += w.len(),
                    None => return Err(i),
                }
            }
        }
        // After a value: close what ends here, then a comma and the next value.
        loop {
            i = skip_ws(b, i);
            let Some(&close) = stack.last() else {
                return if i == b.len() { Ok(()) } else { Err(i) };
            };
            match b.get(i) {
                Some(b',') => {
                    i = skip_ws(b, i + 1);
                    if close == b'}' {
                        i = scan_key(b, i)?;
                    }
                    break;
                }
                Some(&c) if c == close => {
                    stack.pop();
                    i += 1;
                }
                _ => return Err(i),
            }
        }
    }
}
