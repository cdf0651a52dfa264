//! The JSON syntax-error locator of `core::json_syntax`: first error offsets and positions.

use timeline::core::json_syntax::{
    browser_position, byte_of_utf16, position_of, syntax_error_offset,
};

#[test]
fn the_scanner_finds_the_first_syntax_error() {
    for ok in ["{}", "[]", " 1 ", "-0.5e+3", "\"a\\u00e9\"", "{\"a\":[1,{\"b\":null}]}", "true"] {
        assert_eq!(syntax_error_offset(ok), None, "{ok}");
    }
    let cases = [
        ("", 0),
        ("hello", 0),
        ("{\"a\":1,}", 7),
        ("{\"a\":\n 1 2}", 9),
        ("[1,2", 4),
        ("\"abc", 4),
        ("{\"a\":\"\u{1}\"}", 6),
        ("[01]", 2),
        ("{} x", 3),
        ("{\"a\" 1}", 5),
        ("[1.]", 3),
        ("<!doctype html>", 0),
        ("[\"\\x\"]", 3),
    ];
    for (text, at) in cases {
        assert_eq!(syntax_error_offset(text), Some(at), "{text:?}");
    }
}

#[test]
fn positions_have_lines_columns_and_context() {
    let p = position_of("{\n  \"a\": 1,\n}", 12);
    assert_eq!((p.line, p.column, p.offset, p.at), (3, 1, 12, Some('}')));
    let end = position_of("[1,2", 4);
    assert_eq!((end.line, end.column, end.at, end.before.as_str()), (1, 5, None, "[1,2"));
}

#[test]
fn browser_positions_are_utf16_offsets() {
    assert_eq!(browser_position("Unexpected token } in JSON at position 12"), Some(12));
    assert_eq!(browser_position("Unexpected end of JSON input"), None);
    // "é" is one UTF-16 unit and two bytes; "😀" two units and four bytes.
    assert_eq!(byte_of_utf16("é😀x", 1), Some(2));
    assert_eq!(byte_of_utf16("é😀x", 3), Some(6));
    assert_eq!(byte_of_utf16("ab", 3), None);
}
