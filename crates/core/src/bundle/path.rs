//! Locations in the document: the editor-facing path (`events[3].excerpts[0].source`) and a
//! key for sorting problems into document order whatever order the checks ran in.
//!
//! Path syntax: the top-level key, then `.key` for an object entry and `[n]` for a list item.
//! A key that is not made only of ASCII letters, digits, `_` and `-` is written as a quoted
//! JSON string in brackets, `title["e n"]`, so every path can be read back by
//! [`super::locate`]. The empty path is the whole document.

/// Where a value is (or, for a missing field, would be).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Loc {
    pub(crate) path: String,
    /// Entry and item indices from the root; sorts in document order.
    pub(crate) order: Vec<usize>,
}

impl Loc {
    /// The whole document.
    pub(crate) fn root() -> Loc {
        Loc::default()
    }

    /// The entry `key`, the `index`-th entry of this object.
    pub(crate) fn field(&self, key: &str, index: usize) -> Loc {
        let mut order = self.order.clone();
        order.push(index);
        Loc { path: join_key(&self.path, key), order }
    }

    /// Where a missing `key` would go: after the object's last entry.
    pub(crate) fn missing(&self, key: &str) -> Loc {
        self.field(key, usize::MAX)
    }

    /// The `index`-th item of this list.
    pub(crate) fn item(&self, index: usize) -> Loc {
        let mut order = self.order.clone();
        order.push(index);
        Loc { path: format!("{}[{index}]", self.path), order }
    }
}

/// Whether `key` can be written bare after a dot.
pub(crate) fn is_plain_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn join_key(parent: &str, key: &str) -> String {
    if is_plain_key(key) {
        if parent.is_empty() {
            key.to_owned()
        } else {
            format!("{parent}.{key}")
        }
    } else {
        format!("{parent}[{}]", quote_json(key))
    }
}

/// `key` as a JSON string literal.
fn quote_json(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    out.push('"');
    for c in key.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_the_format_doc() {
        let events = Loc::root().field("events", 8);
        let start = events.item(12).field("start", 1);
        assert_eq!(start.path, "events[12].start");
        assert_eq!(start.order, [8, 12, 1]);
        assert_eq!(events.item(3).missing("title").path, "events[3].title");
        assert_eq!(Loc::root().field("title", 0).field("e n", 0).path, r#"title["e n"]"#);
        assert_eq!(Loc::root().field("a\"b\\", 0).path, r#"["a\"b\\"]"#);
        assert_eq!(Loc::root().field("", 0).field("\n", 0).path, r#"[""]["\u000a"]"#);
    }

    #[test]
    fn a_missing_field_sorts_after_the_object_and_before_its_next_sibling() {
        let events = Loc::root().field("events", 0);
        let missing = events.item(0).missing("title");
        assert!(events.item(0).field("summary", 5).order < missing.order);
        assert!(missing.order < events.item(1).order);
    }
}
