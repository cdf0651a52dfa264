//! The validator's toolkit: a problem collector and readers that check one JSON value each,
//! report what is wrong at its path, and return the typed value only when it is right.
//!
//! Every reader returns `Option`: `None` means "a problem was reported", and callers go on
//! with the next field rather than stopping, so one pass finds every problem.

use super::checks::{is_blank, is_id, is_language};
use super::kind::{clip, Expected, JsonKind, ProblemKind};
use super::limits::{MAX_PROBLEMS, MAX_TEXT_CHARS};
use super::model::L10n;
use super::path::Loc;
use super::problem::{Problem, Severity};
use crate::date::PartialDate;
use crate::json::Json;
use std::collections::HashSet;

/// Collects problems with their document position, and knows the declared languages.
#[derive(Default)]
pub(crate) struct Cx {
    found: Vec<(Vec<usize>, Problem)>,
    errors: usize,
    /// Problems past [`MAX_PROBLEMS`], counted but not kept: (errors, warnings).
    dropped: (usize, usize),
    /// The valid, distinct codes of `languages`; `None` when the list itself is unusable
    /// (missing, not a list, empty), and localised texts are then not checked against it,
    /// rather than reporting every text as being in an undeclared language.
    pub(crate) languages: Option<Vec<String>>,
}

impl Cx {
    pub(crate) fn error(&mut self, at: &Loc, kind: ProblemKind) {
        self.errors += 1;
        if self.found.len() >= MAX_PROBLEMS {
            self.dropped.0 += 1;
            return;
        }
        self.push(Severity::Error, at, kind);
    }

    pub(crate) fn warning(&mut self, at: &Loc, kind: ProblemKind) {
        if self.found.len() >= MAX_PROBLEMS {
            self.dropped.1 += 1;
            return;
        }
        self.push(Severity::Warning, at, kind);
    }

    fn push(&mut self, severity: Severity, at: &Loc, kind: ProblemKind) {
        let problem = Problem { severity, path: at.path.clone(), kind };
        self.found.push((at.order.clone(), problem));
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// The problems in document order (a stable sort keeps the check order within a value).
    pub(crate) fn finish(self) -> Vec<Problem> {
        let found = crate::order::sorted_by(self.found, &|a, b| a.0.cmp(&b.0));
        let mut problems: Vec<Problem> = found.into_iter().map(|(_, p)| p).collect();
        let (errors, warnings) = self.dropped;
        if errors + warnings > 0 {
            let severity = if errors > 0 { Severity::Error } else { Severity::Warning };
            let kind = ProblemKind::TooManyProblems { errors, warnings };
            problems.push(Problem { severity, path: String::new(), kind });
        }
        problems
    }

    /// Reports a value of the wrong JSON type.
    pub(crate) fn wrong_type(&mut self, at: &Loc, expected: Expected, found: &Json) {
        self.error(at, ProblemKind::WrongType { expected, found: JsonKind::of(found) });
    }
}

/// The known fields of one object, each with its location; duplicates and unknown fields have
/// already been reported.
pub(crate) struct Fields<'a> {
    at: Loc,
    found: Vec<(&'static str, &'a Json, Loc)>,
}

/// Reads an object whose fields are `known`: reports a non-object, duplicate keys (the first
/// wins) and unknown keys (warnings).
pub(crate) fn object<'a>(
    cx: &mut Cx,
    value: &'a Json,
    at: &Loc,
    known: &[&'static str],
) -> Option<Fields<'a>> {
    let Json::Object(entries) = value else {
        cx.wrong_type(at, Expected::Object, value);
        return None;
    };
    let mut found: Vec<(&'static str, &'a Json, Loc)> = Vec::new();
    let mut seen = HashSet::with_capacity(entries.len());
    for (i, (key, v)) in entries.iter().enumerate() {
        let field_at = at.field(key, i);
        if !seen.insert(key.as_str()) {
            cx.error(&field_at, ProblemKind::DuplicateKey { key: clip(key) });
        } else if let Some(name) = known.iter().find(|k| **k == key) {
            found.push((name, v, field_at));
        } else {
            cx.warning(&field_at, ProblemKind::UnknownField { field: clip(key) });
        }
    }
    Some(Fields { at: at.clone(), found })
}

impl<'a> Fields<'a> {
    /// An optional field, if present.
    pub(crate) fn get(&self, name: &str) -> Option<(&'a Json, Loc)> {
        self.found.iter().find(|(n, _, _)| *n == name).map(|(_, v, at)| (*v, at.clone()))
    }

    /// A required field; reports `missing-field` when absent.
    pub(crate) fn require(&self, cx: &mut Cx, name: &str) -> Option<(&'a Json, Loc)> {
        let got = self.get(name);
        if got.is_none() {
            let kind = ProblemKind::MissingField { field: name.to_owned() };
            cx.error(&self.at.missing(name), kind);
        }
        got
    }
}

/// Applies `read` to a required field.
pub(crate) fn required<'a, T>(
    cx: &mut Cx,
    fields: &Fields<'a>,
    name: &str,
    read: impl FnOnce(&mut Cx, &'a Json, &Loc) -> Option<T>,
) -> Option<T> {
    let (value, at) = fields.require(cx, name)?;
    read(cx, value, &at)
}

/// Applies `read` to an optional field: `Some(None)` when absent, `None` on a problem.
pub(crate) fn optional<'a, T>(
    cx: &mut Cx,
    fields: &Fields<'a>,
    name: &str,
    read: impl FnOnce(&mut Cx, &'a Json, &Loc) -> Option<T>,
) -> Option<Option<T>> {
    match fields.get(name) {
        None => Some(None),
        Some((value, at)) => read(cx, value, &at).map(Some),
    }
}

/// Any string.
pub(crate) fn string<'a>(cx: &mut Cx, value: &'a Json, at: &Loc) -> Option<&'a str> {
    match value {
        Json::String(s) => Some(s),
        other => {
            cx.wrong_type(at, Expected::String, other);
            None
        }
    }
}

/// A list.
pub(crate) fn list<'a>(cx: &mut Cx, value: &'a Json, at: &Loc) -> Option<&'a [Json]> {
    match value {
        Json::Array(items) => Some(items),
        other => {
            cx.wrong_type(at, Expected::List, other);
            None
        }
    }
}

/// Reports a text over the length limit; true when it is within.
pub(crate) fn within_limit(cx: &mut Cx, s: &str, at: &Loc) -> bool {
    // Counting stops just past the limit, so a huge string costs no more than a legal one.
    let len = s.chars().take(MAX_TEXT_CHARS + 1).count();
    if len > MAX_TEXT_CHARS {
        cx.error(at, ProblemKind::TextTooLong { chars: s.chars().count() });
        return false;
    }
    true
}

/// A non-blank text within the length limit.
pub(crate) fn text(cx: &mut Cx, value: &Json, at: &Loc) -> Option<String> {
    let s = string(cx, value, at)?;
    if !within_limit(cx, s, at) {
        return None;
    }
    if is_blank(s) {
        cx.error(at, ProblemKind::EmptyText);
        return None;
    }
    Some(s.to_owned())
}

/// An id of the form `^[a-z0-9][a-z0-9-]{0,63}$`.
pub(crate) fn id(cx: &mut Cx, value: &Json, at: &Loc) -> Option<String> {
    let s = string(cx, value, at)?;
    if !is_id(s) {
        cx.error(at, ProblemKind::InvalidId { value: clip(s) });
        return None;
    }
    Some(s.to_owned())
}

/// A language code of the form `^[a-z]{2,3}$`.
pub(crate) fn language(cx: &mut Cx, value: &Json, at: &Loc) -> Option<String> {
    let s = string(cx, value, at)?;
    if !is_language(s) {
        cx.error(at, ProblemKind::InvalidLanguage { value: clip(s) });
        return None;
    }
    Some(s.to_owned())
}

/// A date such as `1958`, `1958-08` or `1958-08-23~`.
pub(crate) fn date(cx: &mut Cx, value: &Json, at: &Loc) -> Option<PartialDate> {
    let s = string(cx, value, at)?;
    match PartialDate::parse(s) {
        Ok(d) => Some(d),
        Err(error) => {
            cx.error(at, ProblemKind::InvalidDate { value: clip(s), error });
            None
        }
    }
}

/// Whether a localised text must have every declared language (titles, summaries, labels) or
/// only should (notes, the description).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    Optional,
}

/// A localised text: an object from declared language to non-blank text.
pub(crate) fn l10n(cx: &mut Cx, value: &Json, at: &Loc, need: Need) -> Option<L10n> {
    let Json::Object(entries) = value else {
        cx.wrong_type(at, Expected::Texts, value);
        return None;
    };
    let mut texts = Vec::with_capacity(entries.len());
    let mut ok = true;
    let mut seen = HashSet::with_capacity(entries.len());
    for (i, (lang, v)) in entries.iter().enumerate() {
        let entry_at = at.field(lang, i);
        if !seen.insert(lang.as_str()) {
            cx.error(&entry_at, ProblemKind::DuplicateTextLanguage { lang: clip(lang) });
            ok = false;
            continue;
        }
        let declared = cx.languages.as_ref().is_none_or(|langs| langs.contains(lang));
        if !declared {
            cx.warning(&entry_at, ProblemKind::UndeclaredLanguage { lang: clip(lang) });
        }
        match text(cx, v, &entry_at) {
            Some(t) if declared => texts.push((lang.clone(), t)),
            Some(_) => {}
            None => ok = false,
        }
    }
    let languages = std::mem::take(&mut cx.languages);
    for lang in languages.iter().flatten() {
        if seen.contains(lang.as_str()) {
            continue;
        }
        let missing_at = at.missing(lang);
        let kind = |required| ProblemKind::MissingTranslation { lang: lang.clone(), required };
        match need {
            Need::Required => {
                cx.error(&missing_at, kind(true));
                ok = false;
            }
            Need::Optional => cx.warning(&missing_at, kind(false)),
        }
    }
    cx.languages = languages;
    ok.then_some(L10n(texts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json {
        Json::String(text.to_owned())
    }

    fn obj(entries: &[(&str, Json)]) -> Json {
        Json::Object(entries.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
    }

    use crate::bundle::code;

    fn codes(cx: Cx) -> Vec<(String, &'static str, Severity)> {
        cx.finish().into_iter().map(|p| (p.path.clone(), p.code(), p.severity)).collect()
    }

    #[test]
    fn objects_report_duplicates_and_unknown_fields_and_keep_the_first() {
        let mut cx = Cx::default();
        let v = obj(&[("id", s("a")), ("x", s("?")), ("id", s("b"))]);
        let f = object(&mut cx, &v, &Loc::root(), &["id", "start"]).unwrap();
        assert_eq!(f.get("id").map(|(v, at)| (v.clone(), at.path)), Some((s("a"), "id".into())));
        assert!(f.require(&mut cx, "start").is_none());
        assert_eq!(
            codes(cx),
            [
                ("x".into(), code::UNKNOWN_FIELD, Severity::Warning),
                ("id".into(), code::DUPLICATE_KEY, Severity::Error),
                ("start".into(), code::MISSING_FIELD, Severity::Error),
            ]
        );
    }

    #[test]
    fn required_texts_need_every_language_and_notes_only_should() {
        let v = obj(&[("en", s("Treaty")), ("fr", s("Traité"))]);
        let mut cx = Cx { languages: Some(vec!["id".into(), "en".into()]), ..Cx::default() };
        assert_eq!(l10n(&mut cx, &v, &Loc::root(), Need::Required), None);
        assert_eq!(
            codes(cx),
            [
                ("fr".into(), code::UNDECLARED_LANGUAGE, Severity::Warning),
                ("id".into(), code::MISSING_TRANSLATION, Severity::Error),
            ]
        );
        let mut cx = Cx { languages: Some(vec!["id".into(), "en".into()]), ..Cx::default() };
        let note = l10n(&mut cx, &v, &Loc::root(), Need::Optional).unwrap();
        assert_eq!(note, L10n(vec![("en".into(), "Treaty".into())]), "undeclared text dropped");
        assert_eq!(codes(cx)[1], ("id".into(), code::MISSING_TRANSLATION, Severity::Warning));
    }

    #[test]
    fn texts_are_non_blank_and_within_the_limit() {
        let mut cx = Cx::default();
        let at = Loc::root();
        assert_eq!(
            text(&mut cx, &s(&"x".repeat(MAX_TEXT_CHARS)), &at).map(|t| t.len()),
            Some(MAX_TEXT_CHARS)
        );
        assert_eq!(text(&mut cx, &s(&"é".repeat(MAX_TEXT_CHARS + 1)), &at), None);
        assert_eq!(text(&mut cx, &s(" \u{3000}\n"), &at), None);
        assert_eq!(text(&mut cx, &Json::Number(1.0), &at), None);
        let found: Vec<_> = codes(cx).into_iter().map(|(_, c, _)| c).collect();
        assert_eq!(found, [code::TEXT_TOO_LONG, code::EMPTY_TEXT, code::WRONG_TYPE]);
    }

    #[test]
    fn the_report_is_capped() {
        let mut cx = Cx::default();
        for i in 0..MAX_PROBLEMS + 2 {
            cx.warning(&Loc::root().item(i), ProblemKind::UnknownField { field: "w".into() });
        }
        cx.error(&Loc::root(), ProblemKind::NoEvents);
        assert!(cx.has_errors());
        let problems = cx.finish();
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        let last = problems.last().unwrap();
        assert_eq!((last.code(), last.severity), (code::TOO_MANY_PROBLEMS, Severity::Error));
        assert_eq!(last.kind, ProblemKind::TooManyProblems { errors: 1, warnings: 2 });
        let message = last.message(crate::i18n::Lang::En);
        assert!(message.starts_with("3 more problems were found"), "{message}");
    }
}
