//! The small predicates behind the rules, kept pure and separate so each is tested on its own
//! and mirrors one pattern of `data/bundle-v1.schema.json`.

use super::kind::UrlProblem;
use super::limits::MAX_ID_CHARS;

/// `^[a-z0-9][a-z0-9-]{0,63}$`: safe in a URL fragment and as an HTML data attribute.
pub(crate) fn is_id(s: &str) -> bool {
    let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match s.as_bytes().split_first() {
        Some((&first, rest)) => {
            ok(first) && rest.len() < MAX_ID_CHARS && rest.iter().all(|&b| ok(b) || b == b'-')
        }
        None => false,
    }
}

/// `^[a-z]{2,3}$`: an ISO 639 code in lower case.
pub(crate) fn is_language(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// `#rgb` or `#rrggbb` (either case), normalised to lower-case `#rrggbb`. Nothing else, so a
/// colour can never smuggle `url(…)` or `var(…)` into a style.
pub(crate) fn normalise_color(s: &str) -> Option<String> {
    let hex = s.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let hex = hex.to_ascii_lowercase();
    match hex.len() {
        6 => Some(format!("#{hex}")),
        3 => Some(hex.chars().fold(String::from("#"), |mut out, c| {
            out.push(c);
            out.push(c);
            out
        })),
        _ => None,
    }
}

/// Whitespace as both Rust and JavaScript's `\s` see it (JavaScript adds U+FEFF), so the
/// validator is never more lenient than the schema's `\S` patterns.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Whether a text is empty or only whitespace.
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// Why `s` is not an absolute `http(s)` URL, or `None` when it is one. The schema's pattern is
/// `^https?://[^\s\x00-\x1f\x7f-\x9f/?#@]+([/?#][^\s\x00-\x1f\x7f-\x9f]*)?$`. Credentials
/// (`user@host`) are refused because they are a classic way to disguise where a link goes.
pub(crate) fn url_problem(s: &str) -> Option<UrlProblem> {
    let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) else {
        return Some(if s.contains("://") || has_scheme(s) {
            UrlProblem::NotWeb
        } else {
            UrlProblem::NotAbsolute
        });
    };
    if s.chars().any(|c| is_space(c) || c.is_control()) {
        return Some(UrlProblem::Spaces);
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Some(UrlProblem::NoHost);
    }
    if host.contains('@') {
        return Some(UrlProblem::Credentials);
    }
    None
}

/// Whether `s` starts with a URL scheme such as `javascript:` or `data:`.
fn has_scheme(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            scheme.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for good in ["a", "0", "sino-soviet-treaty", "1950-02-14", &"a".repeat(64)] {
            assert!(is_id(good), "{good}");
        }
        for bad in ["", "-a", "A", "a_b", "a b", "é", &"a".repeat(65), "a\n"] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn languages() {
        assert!(is_language("id") && is_language("en") && is_language("ace"));
        assert!(!is_language("e") && !is_language("EN") && !is_language("en-GB"));
        assert!(!is_language("engl"));
    }

    #[test]
    fn colours() {
        assert_eq!(normalise_color("#C0FFEE").as_deref(), Some("#c0ffee"));
        assert_eq!(normalise_color("#abc").as_deref(), Some("#aabbcc"));
        for bad in ["red", "url(x)", "#12345", "#1234567", "#ggg", "abc", "#", "", "#+1f"] {
            assert_eq!(normalise_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn urls() {
        for good in ["https://example.org", "http://a.b/c?d#e", "https://x.org:8080/p%20q"] {
            assert_eq!(url_problem(good), None, "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "/relative",
            "example.org",
            "ftp://x",
            "https://",
            "https:///path",
            "https://user@evil.example",
            "https://a b",
            "https://a\u{0}b",
            "HTTPS://x",
            " https://x",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn blanks_include_javascripts_whitespace() {
        assert!(is_blank("") && is_blank(" \t\n\u{a0}\u{3000}\u{feff}"));
        assert!(!is_blank(" a ") && !is_blank("\u{200b}"));
    }
}
