//! The validator's top level: the document, `languages`, `range`, categories, eras and sources.
//! Events and excerpts are in `events.rs`.

use super::checks::{normalise_color, url_problem};
use super::events::{events, EventSource, Refs};
use super::kind::{clip, Expected, ListName, ProblemKind, Thing};
use super::limits::{MAX_LANGUAGES, SUPPORTED_VERSIONS};
use super::model::{Bundle, Category, Era, Icon, Source};
use super::path::Loc;
use super::problem::Report;
use super::read::{
    date, id, l10n, language, list, object, optional, required, string, within_limit, Cx, Need,
};
use crate::date::PartialDate;
use crate::json::Json;
use std::collections::HashMap;

const TOP_FIELDS: &[&str] = &[
    "version",
    "title",
    "description",
    "languages",
    "range",
    "categories",
    "eras",
    "sources",
    "events",
];

/// Checks a bundle against every rule of `docs/bundle-format.md` and builds the model.
///
/// Never fails and never panics: the [`Report`] has every problem found, in document order,
/// and the bundle exactly when none of them is an error.
///
/// ```
/// use timeline_core::bundle::{validate, Severity};
/// use timeline_core::json::Json;
/// let json: Json = serde_json::from_str(r##"{
///   "version": 1, "title": {"en": "Demo"}, "languages": ["en"],
///   "range": {"start": "1950", "end": "1965"},
///   "categories": [{"id": "treaty", "label": {"en": "Treaties"}, "color": "#c33"}],
///   "events": [{"id": "treaty-1950", "start": "1950-02-14", "category": "treaty",
///               "importance": 1, "title": {"en": "Treaty"}, "summary": {"en": "Signed."},
///               "colour": "red"}]
/// }"##).unwrap();
/// let report = validate(&json);
/// let bundle = report.bundle.expect("no errors");
/// assert_eq!(bundle.categories[0].color, "#cc3333");
/// // An unknown field is only a warning, with its path.
/// assert_eq!(report.problems[0].severity, Severity::Warning);
/// assert_eq!(report.problems[0].path, "events[0].colour");
/// ```
pub fn validate(json: &Json) -> Report {
    check(json, None)
}

/// [`validate`] for a document whose events come from `events`, one at a time: `json` is the
/// document with its `events` entry standing in for the list (an empty list, so its position
/// is known and it is not missing). The report is the same as for the whole document.
pub fn validate_with(json: &Json, events: &mut dyn EventSource) -> Report {
    check(json, Some(events))
}

fn check(json: &Json, events: Option<&mut dyn EventSource>) -> Report {
    let mut cx = Cx::default();
    let bundle = match unsupported_version(json) {
        Some(kind) => {
            cx.error(&Loc::root().field("version", 0), kind);
            None
        }
        None => bundle(&mut cx, json, events),
    };
    let bundle = if cx.has_errors() { None } else { bundle };
    Report { bundle, problems: cx.finish() }
}

/// A numeric `version` that this validator does not read. The rest of such a document follows
/// rules we do not know, so it is not checked further: its problems would only be noise.
fn unsupported_version(json: &Json) -> Option<ProblemKind> {
    let n = json.get("version")?.as_f64()?;
    if supported_version(n).is_some() {
        return None;
    }
    Some(ProblemKind::UnsupportedVersion {
        found: crate::num::fixed(n, 6),
        supported: SUPPORTED_VERSIONS.to_vec(),
    })
}

fn supported_version(n: f64) -> Option<u32> {
    SUPPORTED_VERSIONS.iter().copied().find(|v| f64::from(*v) == n)
}

fn bundle(cx: &mut Cx, json: &Json, source: Option<&mut dyn EventSource>) -> Option<Bundle> {
    let f = object(cx, json, &Loc::root(), TOP_FIELDS)?;
    let version = required(cx, &f, "version", |cx, v, at| match v.as_f64() {
        Some(n) => supported_version(n),
        None => {
            cx.wrong_type(at, Expected::Version, v);
            None
        }
    });
    // Languages come first: every localised text is checked against them.
    let languages = required(cx, &f, "languages", languages);
    let title = required(cx, &f, "title", |cx, v, at| l10n(cx, v, at, Need::Required));
    let description = optional(cx, &f, "description", |cx, v, at| l10n(cx, v, at, Need::Optional));
    let range = required(cx, &f, "range", range);
    let categories = required(cx, &f, "categories", categories);
    let eras = optional(cx, &f, "eras", |cx, v, at| eras(cx, v, at, range));
    let sources = optional(cx, &f, "sources", sources);
    let no_sources = HashMap::new();
    let refs = Refs {
        range,
        categories: categories.as_ref().map(|c| &c.index),
        // Absent sources are an empty list: then any source an excerpt quotes or an event cites is
        // unknown.
        sources: match &sources {
            Some(Some(s)) => Some(&s.index),
            Some(None) => Some(&no_sources),
            None => None,
        },
    };
    let events = required(cx, &f, "events", |cx, v, at| events(cx, v, at, &refs, source));
    Some(Bundle {
        version: version?,
        title: title?,
        description: description?,
        languages: languages?,
        range: range?,
        categories: categories?.items?,
        eras: eras?.unwrap_or_default(),
        sources: match sources? {
            Some(s) => s.items?,
            None => Vec::new(),
        },
        events: events?,
    })
}

fn languages(cx: &mut Cx, value: &Json, at: &Loc) -> Option<Vec<String>> {
    let items = list(cx, value, at)?;
    if items.is_empty() {
        cx.error(at, ProblemKind::EmptyList { list: ListName::Languages });
        return None;
    }
    if items.len() > MAX_LANGUAGES {
        cx.error(at, ProblemKind::TooManyLanguages { count: items.len() });
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let item_at = at.item(i);
        match language(cx, item, &item_at) {
            Some(lang) if out.contains(&lang) => {
                cx.error(&item_at, ProblemKind::DuplicateLanguage { lang: clip(&lang) });
                ok = false;
            }
            Some(lang) => out.push(lang),
            None => ok = false,
        }
    }
    // The valid ones are kept for checking texts even when some entry is wrong.
    cx.languages = Some(out.clone());
    ok.then_some(out)
}

fn range(cx: &mut Cx, value: &Json, at: &Loc) -> Option<(PartialDate, PartialDate)> {
    let f = object(cx, value, at, &["start", "end"])?;
    let start = required(cx, &f, "start", date);
    let (end_value, end_at) = f.require(cx, "end")?;
    let end = date(cx, end_value, &end_at)?;
    let start = start?;
    end_after_start(cx, start, end, &end_at).then_some((start, end))
}

/// Reports an `end` wholly before its `start`; true when the order is fine. Overlapping partial
/// dates are fine: `"1958"` to `"1958-08"` is a span within 1958.
pub(crate) fn end_after_start(cx: &mut Cx, start: PartialDate, end: PartialDate, at: &Loc) -> bool {
    if end.last_day() < start.first_day() {
        cx.error(at, ProblemKind::EndBeforeStart { start, end });
        return false;
    }
    true
}

/// Reports a date not wholly inside the bundle's range; true when it is inside.
pub(crate) fn inside_range(
    cx: &mut Cx,
    d: PartialDate,
    at: &Loc,
    range: Option<(PartialDate, PartialDate)>,
) -> bool {
    let Some((start, end)) = range else {
        return true;
    };
    if d.first_day() < start.first_day() || d.last_day() > end.last_day() {
        cx.error(at, ProblemKind::OutOfRange { date: d, start, end });
        return false;
    }
    true
}

/// The items of a list of things with ids, and where each id is. The index holds every id
/// string seen, valid or not, so that one bad definition does not also fail every reference.
pub(crate) struct Listed<T> {
    /// `Some` when every item is valid.
    pub(crate) items: Option<Vec<T>>,
    pub(crate) index: HashMap<String, usize>,
}

/// Reads a list of objects with ids, reporting duplicate ids (`what` names the kind).
fn listed<T>(
    cx: &mut Cx,
    value: &Json,
    at: &Loc,
    thing: Thing,
    mut read: impl FnMut(&mut Cx, &Json, &Loc, usize) -> Option<T>,
) -> Option<Listed<T>> {
    let values = list(cx, value, at)?;
    let mut items = Some(Vec::with_capacity(values.len()));
    let mut index = HashMap::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let item_at = at.item(i);
        if let Some(Json::String(raw)) = v.get("id") {
            if index.contains_key(raw.as_str()) {
                let kind = ProblemKind::DuplicateId { thing, id: clip(raw) };
                cx.error(&item_at.field("id", id_position(v)), kind);
                items = None;
            } else {
                index.insert(raw.clone(), i);
            }
        }
        match (read(cx, v, &item_at, i), items.as_mut()) {
            (Some(item), Some(items)) => items.push(item),
            _ => items = None,
        }
    }
    Some(Listed { items, index })
}

/// The entry index of an object's first `id`, for its document position.
pub(crate) fn id_position(v: &Json) -> usize {
    v.as_object().and_then(|e| e.iter().position(|(k, _)| k == "id")).unwrap_or(0)
}

fn categories(cx: &mut Cx, value: &Json, at: &Loc) -> Option<Listed<Category>> {
    if value.as_array().is_some_and(<[Json]>::is_empty) {
        cx.error(at, ProblemKind::EmptyList { list: ListName::Categories });
        // No index either: events are then not also reported as naming unknown categories.
        return None;
    }
    listed(cx, value, at, Thing::Category, |cx, v, at, i| {
        let f = object(cx, v, at, &["id", "label", "color", "icon"])?;
        let id = required(cx, &f, "id", id);
        let label = required(cx, &f, "label", |cx, v, at| l10n(cx, v, at, Need::Required));
        let color = required(cx, &f, "color", |cx, v, at| {
            let s = string(cx, v, at)?;
            let color = normalise_color(s);
            if color.is_none() {
                cx.error(at, ProblemKind::InvalidColor { value: clip(s) });
            }
            color
        });
        let icon = optional(cx, &f, "icon", |cx, v, at| {
            let s = string(cx, v, at)?;
            let icon = Icon::from_name(s);
            if icon.is_none() {
                cx.error(at, ProblemKind::InvalidIcon { value: clip(s) });
            }
            icon
        });
        let default_icon = Icon::ALL.get(i % Icon::ALL.len()).copied().unwrap_or(Icon::Circle);
        Some(Category {
            id: id?,
            label: label?,
            color: color?,
            icon: icon?.unwrap_or(default_icon),
        })
    })
}

fn eras(
    cx: &mut Cx,
    value: &Json,
    at: &Loc,
    range: Option<(PartialDate, PartialDate)>,
) -> Option<Vec<Era>> {
    let listed = listed(cx, value, at, Thing::Era, |cx, v, at, _| {
        let f = object(cx, v, at, &["id", "start", "end", "label"])?;
        let id = required(cx, &f, "id", id);
        let start = required(cx, &f, "start", |cx, v, at| {
            date(cx, v, at).filter(|d| inside_range(cx, *d, at, range))
        });
        let end = required(cx, &f, "end", |cx, v, at| {
            let d = date(cx, v, at)?;
            let ordered = start.is_none_or(|s| end_after_start(cx, s, d, at));
            (ordered && inside_range(cx, d, at, range)).then_some(d)
        });
        let label = required(cx, &f, "label", |cx, v, at| l10n(cx, v, at, Need::Required));
        Some(Era { id: id?, start: start?, end: end?, label: label? })
    })?;
    listed.items
}

const SOURCE_FIELDS: &[&str] =
    &["id", "publisher", "title", "author", "published", "lang", "url", "accessed", "note"];

fn sources(cx: &mut Cx, value: &Json, at: &Loc) -> Option<Listed<Source>> {
    listed(cx, value, at, Thing::Source, |cx, v, at, _| {
        let f = object(cx, v, at, SOURCE_FIELDS)?;
        let id = required(cx, &f, "id", id);
        let publisher = required(cx, &f, "publisher", super::read::text);
        let title = required(cx, &f, "title", super::read::text);
        let author = optional(cx, &f, "author", super::read::text);
        let published = optional(cx, &f, "published", date);
        let lang = required(cx, &f, "lang", language);
        let url = required(cx, &f, "url", url);
        let accessed = optional(cx, &f, "accessed", date);
        let note = optional(cx, &f, "note", |cx, v, at| l10n(cx, v, at, Need::Optional));
        Some(Source {
            id: id?,
            publisher: publisher?,
            title: title?,
            author: author?,
            published: published?,
            lang: lang?,
            url: url?,
            accessed: accessed?,
            note: note?,
        })
    })
}

/// An absolute `http(s)` URL, or `null` when none is known.
fn url(cx: &mut Cx, value: &Json, at: &Loc) -> Option<Option<String>> {
    let s = match value {
        Json::Null => return Some(None),
        Json::String(s) => s,
        other => {
            cx.wrong_type(at, Expected::UrlOrNull, other);
            return None;
        }
    };
    if !within_limit(cx, s, at) {
        return None;
    }
    if let Some(why) = url_problem(s) {
        cx.error(at, ProblemKind::InvalidUrl { value: clip(s), why });
        return None;
    }
    Some(Some(s.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::code;
    use crate::i18n::Lang;

    fn s(text: &str) -> Json {
        Json::String(text.to_owned())
    }

    fn obj(entries: &[(&str, Json)]) -> Json {
        Json::Object(entries.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
    }

    fn category(id: &str, icon: Option<&str>) -> Json {
        let mut entries =
            vec![("id", s(id)), ("label", obj(&[("en", s("L"))])), ("color", s("#ABC"))];
        entries.extend(icon.map(|i| ("icon", s(i))));
        obj(&entries)
    }

    fn bundle_with(categories: Vec<Json>, category: &str) -> Json {
        let event = obj(&[
            ("id", s("e")),
            ("start", s("1958-08")),
            ("category", s(category)),
            ("importance", Json::Number(1.0)),
            ("title", obj(&[("en", s("T"))])),
            ("summary", obj(&[("en", s("S"))])),
        ]);
        obj(&[
            ("version", Json::Number(1.0)),
            ("title", obj(&[("en", s("T"))])),
            ("languages", Json::Array(vec![s("en")])),
            ("range", obj(&[("start", s("1950")), ("end", s("1965"))])),
            ("categories", Json::Array(categories)),
            ("events", Json::Array(vec![event])),
        ])
    }

    #[test]
    fn icons_default_by_position_and_colours_are_normalised() {
        let cats = (0..8).map(|i| category(&format!("c{i}"), (i == 1).then_some("star"))).collect();
        let bundle = validate(&bundle_with(cats, "c0")).bundle.unwrap();
        let icons: Vec<&str> = bundle.categories.iter().map(|c| c.icon.name()).collect();
        let expected =
            ["circle", "star", "diamond", "triangle", "star", "hexagon", "circle", "square"];
        assert_eq!(icons, expected);
        assert!(bundle.categories.iter().all(|c| c.color == "#aabbcc"));
    }

    #[test]
    fn an_unsupported_version_is_the_only_problem_reported() {
        let report = validate(&obj(&[("version", Json::Number(2.0)), ("junk", Json::Null)]));
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].code(), code::UNSUPPORTED_VERSION);
        assert!(report.problems[0]
            .message(Lang::En)
            .contains("version 2, but this widget reads only version 1"));
        // A version that is not a number at all is an ordinary type error, and checking goes on.
        let report = validate(&obj(&[("version", s("1"))]));
        assert_eq!(report.problems[0].code(), code::WRONG_TYPE);
        assert!(report.problems.len() > 1);
    }

    #[test]
    fn overlapping_partial_dates_are_in_order() {
        let mut cx = Cx::default();
        let d = |t: &str| PartialDate::parse(t).unwrap();
        assert!(end_after_start(&mut cx, d("1958"), d("1958-08"), &Loc::root()));
        assert!(end_after_start(&mut cx, d("1958-08-31"), d("1958-08"), &Loc::root()));
        assert!(!end_after_start(&mut cx, d("1958-09"), d("1958-08"), &Loc::root()));
        let range = Some((d("1950-02"), d("1965")));
        assert!(inside_range(&mut cx, d("1950-02-01"), &Loc::root(), range));
        assert!(!inside_range(&mut cx, d("1950"), &Loc::root(), range));
        assert!(inside_range(&mut cx, d("1949"), &Loc::root(), None));
    }

    #[test]
    fn a_broken_category_list_does_not_fail_every_event_again() {
        let report = validate(&bundle_with(vec![], "c0"));
        let found: Vec<_> = report.problems.iter().map(|p| (p.path.as_str(), p.code())).collect();
        assert_eq!(found, [("categories", code::EMPTY_LIST)]);
        // An invalid id is still known to references, so only the id itself is reported.
        let report = validate(&bundle_with(vec![category("C0", None)], "C0"));
        assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    }
}
