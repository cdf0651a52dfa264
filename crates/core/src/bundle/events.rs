//! Validation of `events` and their excerpts.

use super::checks::url_problem;
use super::kind::{clip, Expected, ProblemKind, Thing, UrlProblem};
use super::limits::MAX_EVENTS;
use super::model::{Citation, Event, Excerpt, Media, MediaKind};
use super::path::Loc;
use super::read::{
    date, id, l10n, language, list, object, optional, required, string, text, within_limit, Cx,
    Need,
};
use super::validate::{end_after_start, id_position, inside_range};
use crate::date::PartialDate;
use crate::json::Json;
use std::collections::{HashMap, HashSet};

/// What events are checked against. A `None` means that part of the bundle was itself broken
/// and already reported, so the checks that need it are skipped rather than piling up.
pub(crate) struct Refs<'a> {
    pub(crate) range: Option<(PartialDate, PartialDate)>,
    pub(crate) categories: Option<&'a HashMap<String, usize>>,
    pub(crate) sources: Option<&'a HashMap<String, usize>>,
}

const EVENT_FIELDS: &[&str] = &[
    "id",
    "start",
    "end",
    "category",
    "importance",
    "title",
    "summary",
    "date_note",
    "excerpts",
    "sources",
    "media",
];

/// A bundle's events, handed to [`super::validate_with`] one at a time instead of as one tree.
///
/// Why: a `Json` tree costs about twice the text it holds (a heap string per key, a 56-byte
/// entry per field), so for a 100 000-event bundle the tree alone is over 200 MB of wasm memory,
/// on top of the model built from it. Read one event at a time, only the model and a single
/// event's tree are ever in memory together.
pub trait EventSource {
    /// How many events the list has.
    fn count(&self) -> usize;
    /// Event `i`. The validator asks for each index once, in increasing order, and drops the
    /// value when it has read it.
    fn take(&mut self, i: usize) -> Json;
}

/// The events, sorted by `(first_day, last_day, id)`. With a `source`, `value` (the document's
/// `events` entry) only stands in for the list: it must be a list, and the events are read
/// from the source.
pub(crate) fn events(
    cx: &mut Cx,
    value: &Json,
    at: &Loc,
    refs: &Refs,
    mut source: Option<&mut dyn EventSource>,
) -> Option<Vec<Event>> {
    let items = list(cx, value, at)?;
    let count = source.as_ref().map_or(items.len(), |s| s.count());
    if count == 0 {
        cx.error(at, ProblemKind::NoEvents);
        return None;
    }
    if count > MAX_EVENTS {
        cx.error(at, ProblemKind::TooManyEvents { count });
        return None;
    }
    let mut out = Some(Vec::with_capacity(count));
    // Owned ids, since a source's events do not outlive their turn.
    let mut ids: HashSet<String> = HashSet::with_capacity(count);
    for i in 0..count {
        let taken;
        let item = match source.as_deref_mut() {
            Some(s) => {
                taken = s.take(i);
                &taken
            }
            None => match items.get(i) {
                Some(item) => item,
                None => break,
            },
        };
        let item_at = at.item(i);
        if let Some(Json::String(raw)) = item.get("id") {
            if ids.contains(raw.as_str()) {
                let kind = ProblemKind::DuplicateId { thing: Thing::Event, id: clip(raw) };
                cx.error(&item_at.field("id", id_position(item)), kind);
                out = None;
            } else {
                ids.insert(raw.clone());
            }
        }
        match (event(cx, item, &item_at, refs), out.as_mut()) {
            (Some(e), Some(out)) => out.push(e),
            _ => out = None,
        }
    }
    let out = crate::order::sorted_by(out?, &|a, b| {
        (a.first_day(), a.last_day(), &a.id).cmp(&(b.first_day(), b.last_day(), &b.id))
    });
    Some(out)
}

fn event(cx: &mut Cx, value: &Json, at: &Loc, refs: &Refs) -> Option<Event> {
    let f = object(cx, value, at, EVENT_FIELDS)?;
    let id = required(cx, &f, "id", id);
    let start = required(cx, &f, "start", |cx, v, at| {
        date(cx, v, at).filter(|d| inside_range(cx, *d, at, refs.range))
    });
    let end = optional(cx, &f, "end", |cx, v, at| {
        if *v == Json::Null {
            return Some(None);
        }
        let d = date(cx, v, at)?;
        let ordered = start.is_none_or(|s| end_after_start(cx, s, d, at));
        (ordered && inside_range(cx, d, at, refs.range)).then_some(Some(d))
    });
    let category = required(cx, &f, "category", |cx, v, at| {
        reference(cx, v, at, refs.categories, Thing::Category)
    });
    let importance = required(cx, &f, "importance", importance);
    let title = required(cx, &f, "title", |cx, v, at| l10n(cx, v, at, Need::Required));
    let summary = required(cx, &f, "summary", |cx, v, at| l10n(cx, v, at, Need::Required));
    let date_note = optional(cx, &f, "date_note", |cx, v, at| l10n(cx, v, at, Need::Optional));
    let excerpts = optional(cx, &f, "excerpts", |cx, v, at| each(cx, v, at, refs, excerpt));
    let sources = optional(cx, &f, "sources", |cx, v, at| each(cx, v, at, refs, citation));
    let media = optional(cx, &f, "media", media);
    Some(Event {
        id: id?,
        start: start?,
        end: end?.flatten(),
        category: category?,
        importance: importance?,
        title: title?,
        summary: summary?,
        date_note: date_note?,
        excerpts: excerpts?.unwrap_or_default(),
        sources: sources?.unwrap_or_default(),
        media: media?,
    })
}

/// The index of the thing a reference names. With no index to look in (its list was broken),
/// the reference cannot be checked and counts as unresolved without a further report.
fn reference(
    cx: &mut Cx,
    value: &Json,
    at: &Loc,
    index: Option<&HashMap<String, usize>>,
    thing: Thing,
) -> Option<usize> {
    let name = string(cx, value, at)?;
    let index = index?;
    let found = index.get(name).copied();
    if found.is_none() {
        let id = clip(name);
        let kind = match thing {
            Thing::Source => ProblemKind::UnknownSource { id },
            _ => ProblemKind::UnknownCategory { id },
        };
        cx.error(at, kind);
    }
    found
}

fn importance(cx: &mut Cx, value: &Json, at: &Loc) -> Option<u8> {
    let Some(n) = value.as_f64() else {
        cx.wrong_type(at, Expected::Importance, value);
        return None;
    };
    let found = [1_u8, 2, 3].into_iter().find(|i| f64::from(*i) == n);
    if found.is_none() {
        let value = crate::num::fixed(n, 6);
        cx.error(at, ProblemKind::InvalidImportance { value });
    }
    found
}

/// The largest width or height accepted, in pixels.
const MAX_MEDIA_PX: u32 = 20_000;

/// An event's media: an `https://` image with its text alternative in every language (or a
/// labelled link out), an optional credit, caption and size.
fn media(cx: &mut Cx, value: &Json, at: &Loc) -> Option<Media> {
    let f = object(cx, value, at, &["type", "url", "alt", "credit", "caption", "width", "height"])?;
    let kind = optional(cx, &f, "type", |cx, v, at| {
        let s = string(cx, v, at)?;
        match s {
            "image" => Some(MediaKind::Image),
            "link" => Some(MediaKind::Link),
            other => {
                cx.error(at, ProblemKind::InvalidMediaType { value: clip(other) });
                None
            }
        }
    });
    let url = required(cx, &f, "url", |cx, v, at| {
        let s = string(cx, v, at)?;
        if !within_limit(cx, s, at) {
            return None;
        }
        let why =
            url_problem(s).or_else(|| (!s.starts_with("https://")).then_some(UrlProblem::NotHttps));
        if let Some(why) = why {
            cx.error(at, ProblemKind::InvalidUrl { value: clip(s), why });
            return None;
        }
        Some(s.to_owned())
    });
    let alt = required(cx, &f, "alt", |cx, v, at| l10n(cx, v, at, Need::Required));
    let credit = optional(cx, &f, "credit", text);
    let caption = optional(cx, &f, "caption", |cx, v, at| l10n(cx, v, at, Need::Optional));
    let px = |cx: &mut Cx, v: &Json, at: &Loc| -> Option<u32> {
        let Some(n) = v.as_f64() else {
            cx.wrong_type(at, Expected::Pixels, v);
            return None;
        };
        let ok = n.fract() == 0.0 && n >= 1.0 && n <= f64::from(MAX_MEDIA_PX);
        if !ok {
            cx.error(at, ProblemKind::InvalidSize { value: crate::num::fixed(n, 6) });
        }
        ok.then_some(n as u32)
    };
    let width = optional(cx, &f, "width", px);
    let height = optional(cx, &f, "height", px);
    let size = match (width?, height?) {
        (Some(w), Some(h)) => Some((w, h)),
        (None, None) => None,
        (Some(_), None) => {
            let kind = ProblemKind::MissingField { field: "height".into() };
            cx.error(&at.missing("height"), kind);
            return None;
        }
        (None, Some(_)) => {
            let kind = ProblemKind::MissingField { field: "width".into() };
            cx.error(&at.missing("width"), kind);
            return None;
        }
    };
    Some(Media {
        kind: kind?.unwrap_or(MediaKind::Image),
        url: url?,
        alt: alt?,
        credit: credit?,
        caption: caption?,
        size,
    })
}

/// Each item of a list read by `one`, every problem reported; the list only when all are valid.
fn each<T>(
    cx: &mut Cx,
    value: &Json,
    at: &Loc,
    refs: &Refs,
    one: fn(&mut Cx, &Json, &Loc, &Refs) -> Option<T>,
) -> Option<Vec<T>> {
    let items = list(cx, value, at)?;
    let mut out = Some(Vec::with_capacity(items.len()));
    for (i, item) in items.iter().enumerate() {
        match (one(cx, item, &at.item(i), refs), out.as_mut()) {
            (Some(x), Some(out)) => out.push(x),
            _ => out = None,
        }
    }
    out
}

fn excerpt(cx: &mut Cx, value: &Json, at: &Loc, refs: &Refs) -> Option<Excerpt> {
    let f = object(cx, value, at, &["source", "lang", "text", "note"])?;
    let source =
        required(cx, &f, "source", |cx, v, at| reference(cx, v, at, refs.sources, Thing::Source));
    let lang = required(cx, &f, "lang", language);
    let text = required(cx, &f, "text", text);
    let note = optional(cx, &f, "note", |cx, v, at| l10n(cx, v, at, Need::Optional));
    Some(Excerpt { source: source?, lang: lang?, text: text?, note: note? })
}

fn citation(cx: &mut Cx, value: &Json, at: &Loc, refs: &Refs) -> Option<Citation> {
    let f = object(cx, value, at, &["source", "note"])?;
    let source =
        required(cx, &f, "source", |cx, v, at| reference(cx, v, at, refs.sources, Thing::Source));
    let note = optional(cx, &f, "note", |cx, v, at| l10n(cx, v, at, Need::Optional));
    Some(Citation { source: source?, note: note? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::code;

    fn event(id: &str, start: &str, end: Option<&str>) -> Json {
        let s = |t: &str| Json::String(t.to_owned());
        let en = |t: &str| Json::Object(vec![("en".into(), s(t))]);
        let mut fields = vec![
            ("id".to_owned(), s(id)),
            ("start".to_owned(), s(start)),
            ("category".to_owned(), s("c")),
            ("importance".to_owned(), Json::Number(2.0)),
            ("title".to_owned(), en("T")),
            ("summary".to_owned(), en("S")),
        ];
        fields.extend(end.map(|e| ("end".to_owned(), s(e))));
        Json::Object(fields)
    }

    fn read(items: Vec<Json>) -> (Option<Vec<Event>>, Vec<&'static str>) {
        let categories = HashMap::from([("c".to_owned(), 0)]);
        let refs = Refs { range: None, categories: Some(&categories), sources: None };
        let mut cx = Cx::default();
        cx.languages = Some(vec!["en".into()]);
        let events = events(&mut cx, &Json::Array(items), &Loc::root(), &refs, None);
        (events, cx.finish().into_iter().map(|p| p.code()).collect())
    }

    #[test]
    fn events_are_sorted_by_first_day_then_last_day_then_id() {
        let (events, problems) = read(vec![
            event("b", "1958-08", None),
            event("z", "1958", Some("1960")),
            event("a", "1958-08", None),
            event("y", "1958", None),
            event("c", "1958-08-01", None),
        ]);
        assert_eq!(problems, Vec::<&str>::new());
        let ids: Vec<String> = events.unwrap().into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["y", "z", "c", "a", "b"]);
    }

    #[test]
    fn importance_is_one_two_or_three() {
        let mut cx = Cx::default();
        let at = Loc::root();
        let found: Vec<Option<u8>> = [1.0, 2.0, 3.0, 0.0, 4.0, 2.5, f64::NAN]
            .into_iter()
            .map(|n| importance(&mut cx, &Json::Number(n), &at))
            .collect();
        assert_eq!(found, [Some(1), Some(2), Some(3), None, None, None, None]);
        assert_eq!(importance(&mut cx, &Json::Bool(true), &at), None);
    }

    #[test]
    fn duplicate_ids_and_a_bad_end_are_each_reported_once() {
        let (events, problems) =
            read(vec![event("a", "1958", None), event("a", "1960-07", Some("1960-06"))]);
        assert!(events.is_none());
        assert_eq!(problems, [code::DUPLICATE_ID, code::END_BEFORE_START]);
    }
}
