//! What the validator found: problems with a severity, a JSON path, a stable code and a message.

use super::model::Bundle;
use crate::i18n::Lang;
use std::fmt;

pub use super::kind::{Expected, JsonKind, ListName, ProblemKind, Thing, UrlProblem};

/// Whether a problem stops the bundle from loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The bundle is rejected.
    Error,
    /// The bundle loads; something was ignored or is incomplete.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`, as the command-line validator prints it and `--json` writes it.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word for readers: "kesalahan" / "error", "peringatan" / "warning".
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Id) => "kesalahan",
            (Severity::Warning, Lang::Id) => "peringatan",
            (s, Lang::En) => s.name(),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem in a bundle: where it is, how bad, and what it is, with the data the message is
/// built from. The wording is not stored: [`Problem::message`] writes it in the reader's
/// language, so no caller parses an English sentence back into numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where, as `events[12].start` (see [`super::locate`] for the syntax); empty for the whole
    /// document.
    pub path: String,
    /// What, with its data.
    pub kind: ProblemKind,
}

impl Problem {
    /// The stable kebab-case name of the rule, from [`code`], for tools and tests.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// A plain sentence for editors in `lang` (see [`ProblemKind::message`]).
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }
}

/// `error[invalid-date] events[3].start: message`, the form the command-line validator prints
/// (in English; [`Problem::message`] gives the other languages).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(document)" } else { &self.path };
        write!(f, "{}[{}] {}: {}", self.severity, self.code(), path, self.message(Lang::En))
    }
}

/// The outcome of [`super::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The validated model: `Some` exactly when there is no error (warnings allowed).
    pub bundle: Option<Bundle>,
    /// Every problem found, in document order.
    pub problems: Vec<Problem>,
}

impl Report {
    /// The problems of severity [`Severity::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    /// The problems of severity [`Severity::Warning`].
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }
}

/// The rule codes: one per rule, so tests and tools can tell problems apart without parsing
/// messages. `docs/bundle-format.md` lists them with their rules.
pub mod code {
    /// `version` is not one of [`super::super::SUPPORTED_VERSIONS`]; nothing else is checked.
    pub const UNSUPPORTED_VERSION: &str = "unsupported-version";
    /// A value of the wrong JSON type (the document itself not an object, a number where a
    /// string belongs, …).
    pub const WRONG_TYPE: &str = "wrong-type";
    /// A required field is absent.
    pub const MISSING_FIELD: &str = "missing-field";
    /// A date of the wrong shape, or one the calendar does not have (`1957-02-30`).
    pub const INVALID_DATE: &str = "invalid-date";
    /// An `end` that is wholly before its `start`.
    pub const END_BEFORE_START: &str = "end-before-start";
    /// An event's or era's date outside the bundle's `range`.
    pub const OUT_OF_RANGE: &str = "out-of-range";
    /// An event's `category` names no category.
    pub const UNKNOWN_CATEGORY: &str = "unknown-category";
    /// An excerpt's `source` names no source.
    pub const UNKNOWN_SOURCE: &str = "unknown-source";
    /// Two events (or categories, eras, sources) share an id.
    pub const DUPLICATE_ID: &str = "duplicate-id";
    /// An object has the same key twice.
    pub const DUPLICATE_KEY: &str = "duplicate-key";
    /// A localised text lacks a declared language (an error for titles, summaries and labels,
    /// a warning for notes and the description).
    pub const MISSING_TRANSLATION: &str = "missing-translation";
    /// A text that is empty or only whitespace.
    pub const EMPTY_TEXT: &str = "empty-text";
    /// A text longer than [`super::super::MAX_TEXT_CHARS`].
    pub const TEXT_TOO_LONG: &str = "text-too-long";
    /// A colour that is not `#rgb` or `#rrggbb`.
    pub const INVALID_COLOR: &str = "invalid-color";
    /// A URL that is not an absolute `http://` or `https://` URL.
    pub const INVALID_URL: &str = "invalid-url";
    /// An importance other than 1, 2 or 3.
    pub const INVALID_IMPORTANCE: &str = "invalid-importance";
    /// An id that does not match `^[a-z0-9][a-z0-9-]{0,63}$`.
    pub const INVALID_ID: &str = "invalid-id";
    /// A language code that does not match `^[a-z]{2,3}$`.
    pub const INVALID_LANGUAGE: &str = "invalid-language";
    /// A language listed twice in `languages`.
    pub const DUPLICATE_LANGUAGE: &str = "duplicate-language";
    /// More than [`super::super::MAX_LANGUAGES`] languages.
    pub const TOO_MANY_LANGUAGES: &str = "too-many-languages";
    /// An icon that is not one of the six names.
    pub const INVALID_ICON: &str = "invalid-icon";
    /// `languages` or `categories` is an empty list.
    pub const EMPTY_LIST: &str = "empty-list";
    /// `events` is an empty list.
    pub const NO_EVENTS: &str = "no-events";
    /// More than [`super::super::MAX_EVENTS`] events.
    pub const TOO_MANY_EVENTS: &str = "too-many-events";
    /// More than [`super::super::MAX_PROBLEMS`] problems: the rest are only counted (an error
    /// when any of them is an error).
    pub const TOO_MANY_PROBLEMS: &str = "too-many-problems";
    /// A media `type` other than `image` or `link`.
    pub const INVALID_MEDIA_TYPE: &str = "invalid-media-type";
    /// A media `width` or `height` that is not a whole number of pixels from 1 to 20 000.
    pub const INVALID_SIZE: &str = "invalid-size";
    /// Warning: a field the format does not define; it is ignored.
    pub const UNKNOWN_FIELD: &str = "unknown-field";
    /// Warning: a localised text in a language not listed in `languages`; it is ignored.
    pub const UNDECLARED_LANGUAGE: &str = "undeclared-language";

    /// Every code, for tests that check each rule is exercised.
    pub const ALL: &[&str] = &[
        UNSUPPORTED_VERSION,
        WRONG_TYPE,
        MISSING_FIELD,
        INVALID_DATE,
        END_BEFORE_START,
        OUT_OF_RANGE,
        UNKNOWN_CATEGORY,
        UNKNOWN_SOURCE,
        DUPLICATE_ID,
        DUPLICATE_KEY,
        MISSING_TRANSLATION,
        EMPTY_TEXT,
        TEXT_TOO_LONG,
        INVALID_COLOR,
        INVALID_URL,
        INVALID_IMPORTANCE,
        INVALID_ID,
        INVALID_LANGUAGE,
        DUPLICATE_LANGUAGE,
        TOO_MANY_LANGUAGES,
        INVALID_ICON,
        EMPTY_LIST,
        NO_EVENTS,
        TOO_MANY_EVENTS,
        TOO_MANY_PROBLEMS,
        INVALID_MEDIA_TYPE,
        INVALID_SIZE,
        UNKNOWN_FIELD,
        UNDECLARED_LANGUAGE,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_print_like_compiler_diagnostics() {
        let p = Problem {
            severity: Severity::Error,
            path: "events[3].start".into(),
            kind: ProblemKind::EmptyText,
        };
        let en = "This text is empty; write something or leave the field out.";
        assert_eq!(p.to_string(), format!("error[empty-text] events[3].start: {en}"));
        let whole = Problem { path: String::new(), severity: Severity::Warning, ..p };
        assert_eq!(whole.to_string(), format!("warning[empty-text] (document): {en}"));
    }

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in code::ALL {
            assert!(seen.insert(c), "{c} twice");
            assert!(c.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{c}");
        }
    }
}
