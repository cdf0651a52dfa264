//! Fetching and validating a bundle in the browser: `fetch` with a time limit, a content-type
//! and size check while the body streams in, the browser's own `JSON.parse` (no `serde_json` in
//! the wasm), `serde-wasm-bindgen` into the core's `Json`, then the core's validator. Every
//! failure becomes a [`LoadError`] the error panel can explain in the reader's language.
//!
//! The text stays a JavaScript string and the parsed document a JavaScript object: only the
//! validated model is built in wasm memory, which never shrinks once grown. The events are
//! converted and validated one at a time ([`EventSource`]), so the whole document never exists
//! as a `Json` tree; the text is copied into wasm only when `JSON.parse` refuses it, to find
//! the line and column of the error.
//!
//! The order of the checks is the order a reader's problem shows up in: no answer, an error
//! status, an answer that is not a data file (a type other than JSON or text), one too big to
//! read, then the content: not JSON, JSON but not a bundle, a bundle of another version, one
//! over the event limit, one without events, and last the validator's own list.

mod fetch;
mod js_json;

pub use crate::core::json_syntax::Position;
pub use fetch::{acceptable_content_type, read_body, BodyError};

use crate::core::bundle::{
    code, validate, validate_with, EventSource, Problem, ProblemKind, Severity, MAX_EVENTS,
};
use crate::core::json::Json;
use crate::core::json_syntax::{browser_position, byte_of_utf16, position_of, syntax_error_offset};
use crate::core::prepared::Prepared;
use crate::ui::pause::next_task;
use fetch::{fetch_text, js_message};
use js_json::{json_parse, to_json, JsEvents};
use js_sys::JsString;

/// The largest bundle the widget reads: 150 MB (150 000 000 bytes). The widget is meant to carry
/// 100 000 events with texts of realistic length (a two-language title and summary, half of them
/// with a quotation: about 1.1 KB each, as in the real dataset), which weigh 110 MB; 150 MB admits
/// them with 40 MB to spare (about 137 000 such events, or the event limit at 750 bytes per event).
/// It is a bound on memory, not a target: measured in Chromium, the 110 MB bundle takes about 140
/// MB of wasm memory for good and about 350 MB of JavaScript heap while it loads, more than many
/// phones give a tab (the real dataset is under 0.1 MB). Higher would only let a bundle run the tab
/// out of memory where a clear "too large" was possible. `Content-Length` is checked before reading
/// (the compressed size when the server compresses), and the decoded bytes again while the body
/// streams in, so a larger, endless or highly compressed answer is never held in memory.
pub const MAX_BUNDLE_BYTES: u64 = 150_000_000;

/// Why a document that is valid JSON is not a bundle at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotBundle {
    /// A JSON array.
    List,
    /// A JSON string.
    Text,
    /// A JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// `null`.
    Null,
    /// An object with neither `version` nor `events`: some other JSON document.
    Foreign,
    /// Lists and objects nested more than [`crate::core::json::MAX_DEPTH`] levels deep.
    TooDeep,
}

/// Why a bundle could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request failed before an answer came (offline, refused, blocked by CORS).
    Network { url: String, message: String },
    /// No complete answer within the time limit.
    Timeout { url: String, ms: u32 },
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// The server sent something other than JSON or text (an HTML page, an image…).
    ContentType { url: String, found: String },
    /// Over [`MAX_BUNDLE_BYTES`]; the size when the server said it (`Content-Length`).
    TooLarge { bytes: Option<u64> },
    /// Not JSON: the browser's message, and where the error is when it can be found.
    NotJson { message: String, position: Option<Position> },
    /// JSON, but not a bundle.
    NotBundle(NotBundle),
    /// A bundle of a version this widget does not read.
    UnsupportedVersion { found: String },
    /// More events than [`MAX_EVENTS`].
    TooManyEvents { count: usize },
    /// A bundle without a single event.
    NoEvents,
    /// The validator's errors, in document order (at most a thousand), and how many there are
    /// in all (more when the validator stopped listing them).
    Invalid { errors: Vec<Problem>, total: usize },
}

impl LoadError {
    /// A stable name for the kind of error, set as the panel's `data-error` (for tests and
    /// host stylesheets; never shown).
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Network { .. } => "network",
            LoadError::Timeout { .. } => "timeout",
            LoadError::Http { .. } => "http",
            LoadError::ContentType { .. } => "content-type",
            LoadError::TooLarge { .. } => "too-large",
            LoadError::NotJson { .. } => "not-json",
            LoadError::NotBundle(_) => "not-a-bundle",
            LoadError::UnsupportedVersion { .. } => "unsupported-version",
            LoadError::TooManyEvents { .. } => "too-many-events",
            LoadError::NoEvents => "no-events",
            LoadError::Invalid { .. } => "invalid",
        }
    }
}

/// A request for the bundle that the loader (`boot.js`) started while the wasm was still on
/// its way, so the two downloads run side by side instead of one after the other (issue 15).
#[derive(Clone, Debug)]
pub struct Prefetch {
    /// The pending `fetch`: a `Promise<Response>`.
    pub response: js_sys::Promise,
    /// Aborts that request when the time limit runs out.
    pub abort: Option<web_sys::AbortController>,
}

/// Fetches `url` with a time limit of `timeout_ms` and returns the prepared bundle, telling
/// `progress` how many bytes of the body have arrived after each chunk (a 100 000-event bundle
/// is 110 MB: the reader should see it coming). With `prefetch`, the request already under way
/// for `url` is read instead of a new one; it is checked exactly as one of ours, and the time
/// limit runs from now.
pub async fn load(
    url: &str,
    timeout_ms: u32,
    progress: &dyn Fn(u64),
    prefetch: Option<Prefetch>,
) -> Result<Prepared, LoadError> {
    let text = fetch_text(url, timeout_ms, progress, prefetch).await?;
    parse_in_steps(text).await
}

/// Parses and validates bundle text held in Rust (the component tests have it so).
pub fn parse(text: &str) -> Result<Prepared, LoadError> {
    if text.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(LoadError::TooLarge { bytes: Some(text.len() as u64) });
    }
    parse_js(JsString::from(text))
}

/// Parses and validates bundle text held by JavaScript, as `fetch` gives it, in one go.
pub fn parse_js(text: JsString) -> Result<Prepared, LoadError> {
    Document::read(text)?.prepare()
}

/// As [`parse_js`], in three tasks of the event loop instead of one (`pause::next_task` between
/// them): the text's arrival and the wasm's start, then `JSON.parse` and the document's head
/// (its sources, categories and eras), then the events' conversion and validation. At 4× CPU
/// the real dataset's two steps take 55 and 58 ms; together with the rest they were one task
/// of 300 ms.
pub async fn parse_in_steps(text: JsString) -> Result<Prepared, LoadError> {
    next_task().await;
    let document = Document::read(text)?;
    next_task().await;
    document.prepare()
}

/// A document that is JSON and may be a bundle: its head converted, its events still in the
/// browser's object.
struct Document {
    json: Json,
    events: Option<JsEvents>,
}

impl Document {
    /// `JSON.parse` and the head; the first errors a reader can have with the content.
    fn read(text: JsString) -> Result<Document, LoadError> {
        // UTF-16 units never outnumber UTF-8 bytes, so a text over the limit in units is over it.
        if u64::from(text.length()) > MAX_BUNDLE_BYTES {
            return Err(LoadError::TooLarge { bytes: None });
        }
        let value = json_parse(&text).map_err(|e| {
            let message = js_message(&e);
            // Only now is the text copied into wasm: the scanner needs its bytes.
            let text = String::from(&text);
            let position = syntax_error_offset(&text)
                .or_else(|| browser_position(&message).and_then(|p| byte_of_utf16(&text, p)))
                .map(|at| position_of(&text, at));
            LoadError::NotJson { message, position }
        })?;
        drop(text);
        // A bundle's events are left in the browser's object and converted one at a time; any
        // other document is small enough, or refused soon enough, to convert whole.
        let events = JsEvents::split_off(&value);
        let json = to_json(value, 0)?;
        let not_bundle = match &json {
            Json::Array(_) => Some(NotBundle::List),
            Json::String(_) => Some(NotBundle::Text),
            Json::Number(_) => Some(NotBundle::Number),
            Json::Bool(_) => Some(NotBundle::Boolean),
            Json::Null => Some(NotBundle::Null),
            Json::Object(_) if json.get("version").is_none() && json.get("events").is_none() => {
                Some(NotBundle::Foreign)
            }
            Json::Object(_) => None,
        };
        match not_bundle {
            Some(kind) => Err(LoadError::NotBundle(kind)),
            None => Ok(Document { json, events }),
        }
    }

    /// The events and the validator: the model, or why there is none.
    fn prepare(self) -> Result<Prepared, LoadError> {
        let Document { json, mut events } = self;
        let report = match events.as_mut() {
            Some(events) => validate_with(&json, events),
            None => validate(&json),
        };
        if let Some(failed) = events.as_mut().and_then(|e| e.failed.take()) {
            return Err(failed);
        }
        if let Some(bundle) = report.bundle {
            return Ok(Prepared::new(bundle));
        }
        let errors: Vec<Problem> =
            report.problems.into_iter().filter(|p| p.severity == Severity::Error).collect();
        let has = |c: &str| errors.iter().any(|p| p.code() == c);
        if has(code::UNSUPPORTED_VERSION) {
            let found = match json.get("version") {
                Some(Json::Number(n)) => crate::core::num::fixed(*n, 6),
                Some(other) => other.kind().to_string(),
                None => String::new(),
            };
            return Err(LoadError::UnsupportedVersion { found });
        }
        if has(code::TOO_MANY_EVENTS) {
            let count = match &events {
                Some(events) => events.count(),
                None => {
                    json.get("events").and_then(Json::as_array).map_or(MAX_EVENTS + 1, <[_]>::len)
                }
            };
            return Err(LoadError::TooManyEvents { count });
        }
        if errors.len() == 1 && errors[0].code() == code::NO_EVENTS {
            return Err(LoadError::NoEvents);
        }
        // Every error listed, plus those the validator only counted (its last problem says how
        // many).
        let total = errors
            .iter()
            .map(|p| match p.kind {
                ProblemKind::TooManyProblems { errors, .. } => errors,
                _ => 1,
            })
            .sum();
        Err(LoadError::Invalid { errors, total })
    }
}
