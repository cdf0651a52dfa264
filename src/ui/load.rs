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

use crate::core::bundle::{
    code, validate, validate_with, EventSource, Problem, ProblemKind, Severity, MAX_EVENTS,
};
use crate::core::json::Json;
use crate::core::prepared::Prepared;
use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string, so the text never has to be copied into wasm
    /// (`js_sys::JSON::parse` takes a `&str`).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;

    /// `TextDecoder` by hand, as it is not among the `web-sys` features this crate enables.
    type TextDecoder;

    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<TextDecoder, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn decode(
        this: &TextDecoder,
        bytes: &Uint8Array,
        options: &JsValue,
    ) -> Result<JsString, JsValue>;

    #[wasm_bindgen(method, catch, js_name = decode)]
    fn flush(this: &TextDecoder) -> Result<JsString, JsValue>;
}

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
    parse_js(text)
}

/// Whether a `Content-Type` names something a bundle may come as: `application/json`, any
/// `…/…+json`, `text/json`, `text/plain` (raw file hosts), or no type at all.
pub fn acceptable_content_type(value: Option<&str>) -> bool {
    let Some(value) = value else { return true };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence.is_empty()
        || essence == "application/json"
        || essence == "text/json"
        || essence == "text/plain"
        || (essence.ends_with("+json") && essence.contains('/'))
}

/// Parses and validates bundle text held in Rust (the component tests have it so).
pub fn parse(text: &str) -> Result<Prepared, LoadError> {
    if text.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(LoadError::TooLarge { bytes: Some(text.len() as u64) });
    }
    parse_js(JsString::from(text))
}

/// Parses and validates bundle text held by JavaScript, as `fetch` gives it.
pub fn parse_js(text: JsString) -> Result<Prepared, LoadError> {
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
    let mut events = JsEvents::split_off(&value);
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
    if let Some(kind) = not_bundle {
        return Err(LoadError::NotBundle(kind));
    }
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
            None => json.get("events").and_then(Json::as_array).map_or(MAX_EVENTS + 1, <[_]>::len),
        };
        return Err(LoadError::TooManyEvents { count });
    }
    if errors.len() == 1 && errors[0].code() == code::NO_EVENTS {
        return Err(LoadError::NoEvents);
    }
    // Every error listed, plus those the validator only counted (its last problem says how many).
    let total = errors
        .iter()
        .map(|p| match p.kind {
            ProblemKind::TooManyProblems { errors, .. } => errors,
            _ => 1,
        })
        .sum();
    Err(LoadError::Invalid { errors, total })
}

/// Converts a parsed value that sits `depth` levels inside the document.
fn to_json(value: JsValue, depth: usize) -> Result<Json, LoadError> {
    Json::deserialize_nested(serde_wasm_bindgen::Deserializer::from(value), depth).map_err(|e| {
        // JSON.parse accepted it, so the only way the conversion fails is the depth bound.
        let message = e.to_string();
        if message.contains("nested") {
            LoadError::NotBundle(NotBundle::TooDeep)
        } else {
            LoadError::NotJson { message, position: None }
        }
    })
}

/// The `events` list of a parsed document, still in the browser, converted event by event.
struct JsEvents {
    list: Array,
    /// Why an event could not be converted (nested too deep); the load then fails with it.
    failed: Option<LoadError>,
}

impl JsEvents {
    /// Takes the `events` list out of a document that is an object with one, leaving an empty
    /// list in its place (same position, so problems keep their document order).
    fn split_off(document: &JsValue) -> Option<JsEvents> {
        if !document.is_object() || Array::is_array(document) {
            return None;
        }
        let key = JsValue::from_str("events");
        let list: Array = Reflect::get(document, &key).ok()?.dyn_into().ok()?;
        Reflect::set(document, &key, &Array::new()).ok()?.then_some(())?;
        Some(JsEvents { list, failed: None })
    }
}

impl EventSource for JsEvents {
    fn count(&self) -> usize {
        self.list.length() as usize
    }

    fn take(&mut self, i: usize) -> Json {
        if self.failed.is_some() {
            return Json::Null;
        }
        let Ok(i) = u32::try_from(i) else { return Json::Null };
        let item = self.list.get(i);
        // The browser may collect each event's object as soon as it has been read.
        self.list.set(i, JsValue::UNDEFINED);
        // An event sits at depth 2: the document, then its `events` list.
        to_json(item, 2).unwrap_or_else(|e| {
            self.failed = Some(e);
            Json::Null
        })
    }
}

async fn fetch_text(
    url: &str,
    timeout_ms: u32,
    progress: &dyn Fn(u64),
    prefetch: Option<Prefetch>,
) -> Result<JsString, LoadError> {
    let network = |message: String| LoadError::Network { url: url.to_string(), message };
    let window = web_sys::window().ok_or_else(|| network("no window".into()))?;
    let (request, controller) = match prefetch {
        Some(p) => (p.response, p.abort),
        None => {
            let controller = web_sys::AbortController::new().ok();
            let init = web_sys::RequestInit::new();
            if let Some(c) = &controller {
                init.set_signal(Some(&c.signal()));
            }
            (window.fetch_with_str_and_init(url, &init), controller)
        }
    };
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    // The timer covers the whole exchange, body included: a server that answers at once and
    // then trickles counts as not answering.
    let timer = controller.clone().map(|c| {
        let flag = timed_out.clone();
        gloo::timers::callback::Timeout::new(timeout_ms, move || {
            flag.set(true);
            c.abort();
        })
    });
    let result = async {
        let resp = JsFuture::from(request).await.map_err(|e| network(js_message(&e)))?;
        let resp: web_sys::Response =
            resp.dyn_into().map_err(|_| network("not a response".into()))?;
        let shown_url = if resp.url().is_empty() { url.to_string() } else { resp.url() };
        if !resp.ok() {
            return Err(LoadError::Http { url: shown_url, status: resp.status() });
        }
        let headers = resp.headers();
        let content_type = headers.get("content-type").ok().flatten();
        if !acceptable_content_type(content_type.as_deref()) {
            let found = content_type.unwrap_or_default();
            return Err(LoadError::ContentType { url: shown_url, found });
        }
        let length = headers.get("content-length").ok().flatten();
        if let Some(bytes) = length.and_then(|l| l.trim().parse::<u64>().ok()) {
            if bytes > MAX_BUNDLE_BYTES {
                // Refused unread: the connection is closed, not left to fill the cache.
                cancel_body(&resp);
                return Err(LoadError::TooLarge { bytes: Some(bytes) });
            }
        }
        read_body(&resp, MAX_BUNDLE_BYTES, progress).await.map_err(|e| match e {
            BodyError::TooLarge => LoadError::TooLarge { bytes: None },
            BodyError::Js(e) => network(js_message(&e)),
        })
    }
    .await;
    drop(timer);
    match result {
        Err(LoadError::Network { .. }) if timed_out.get() => {
            Err(LoadError::Timeout { url: url.to_string(), ms: timeout_ms })
        }
        other => other,
    }
}

/// Why [`read_body`] gave up.
#[derive(Debug)]
pub enum BodyError {
    /// The body grew past the limit; the download was cancelled.
    TooLarge,
    /// The stream failed (the connection broke, or the time limit aborted it).
    Js(JsValue),
}

impl From<JsValue> for BodyError {
    fn from(e: JsValue) -> Self {
        BodyError::Js(e)
    }
}

fn method(target: &JsValue, name: &str) -> Result<js_sys::Function, JsValue> {
    Reflect::get(target, &JsValue::from_str(name))?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| JsValue::from_str(&format!("no {name}()")))
}

/// Cancels a response's body stream, if it has one.
fn cancel_body(resp: &web_sys::Response) {
    if let Ok(body) = Reflect::get(resp, &JsValue::from_str("body")) {
        if let Ok(cancel) = method(&body, "cancel") {
            let _ = cancel.call0(&body);
        }
    }
}

/// Reads the body as UTF-8 text, giving up (and cancelling the download) as soon as it grows
/// past `limit` bytes (public with its limit so the check can be tested without a large
/// download). Each chunk is decoded as it arrives and then dropped, so the bytes and the text
/// are never both held whole. Uses the stream reader by name, so it needs no extra `web-sys`
/// features; where a body has no stream, falls back to `text()` and checks the length after.
/// `progress` hears the bytes received so far after each chunk.
pub async fn read_body(
    resp: &web_sys::Response,
    limit: u64,
    progress: &dyn Fn(u64),
) -> Result<JsString, BodyError> {
    let body = Reflect::get(resp, &JsValue::from_str("body"))?;
    if body.is_null() || body.is_undefined() {
        let text: JsString = JsFuture::from(resp.text()?)
            .await?
            .dyn_into()
            .map_err(|_| JsValue::from_str("body is not text"))?;
        // UTF-16 units never outnumber UTF-8 bytes: a text over the limit in units is over it.
        if u64::from(text.length()) > limit {
            return Err(BodyError::TooLarge);
        }
        return Ok(text);
    }
    let reader = method(&body, "getReader")?.call0(&body)?;
    let read = method(&reader, "read")?;
    // Decodes exactly as `Response.text()` would: UTF-8, a byte-order mark dropped, invalid
    // bytes replaced; `stream: true` keeps a character split between chunks whole.
    let decoder = TextDecoder::new()?;
    let streaming = js_sys::Object::new();
    Reflect::set(&streaming, &JsValue::from_str("stream"), &JsValue::TRUE)?;
    let mut text = JsString::from("");
    let mut total: u64 = 0;
    loop {
        let step = JsFuture::from(read.call0(&reader)?.dyn_into::<js_sys::Promise>()?).await?;
        if Reflect::get(&step, &JsValue::from_str("done"))?.as_bool() == Some(true) {
            break;
        }
        let chunk: Uint8Array = Reflect::get(&step, &JsValue::from_str("value"))?
            .dyn_into()
            .map_err(|_| JsValue::from_str("body chunk is not bytes"))?;
        total += u64::from(chunk.length());
        if total > limit {
            if let Ok(cancel) = method(&reader, "cancel") {
                let _ = cancel.call0(&reader);
            }
            return Err(BodyError::TooLarge);
        }
        text = text.concat(decoder.decode(&chunk, &streaming)?.as_ref());
        progress(total);
    }
    Ok(text.concat(decoder.flush()?.as_ref()))
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "request failed".into())
}

/// The "at position N" of a V8 `JSON.parse` message (a UTF-16 offset).
fn browser_position(message: &str) -> Option<usize> {
    let rest = &message[message.find("at position ")? + "at position ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The byte offset of UTF-16 offset `units` in `text`.
fn byte_of_utf16(text: &str, units: usize) -> Option<usize> {
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
fn position_of(text: &str, at: usize) -> Position {
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

/// Unit tests of the pure parts; run with
/// `cargo test -p timeline --target wasm32-unknown-unknown --lib` (they need no browser).
#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_scanner_finds_the_first_syntax_error() {
        for ok in ["{}", "[]", " 1 ", "-0.5e+3", "\"a\\u00e9\"", "{\"a\":[1,{\"b\":null}]}", "true"]
        {
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
    fn content_types() {
        for ok in [
            None,
            Some(""),
            Some("application/json"),
            Some("Application/JSON; charset=utf-8"),
            Some("application/ld+json"),
            Some("text/json"),
            Some("text/plain; charset=utf-8"),
        ] {
            assert!(acceptable_content_type(ok), "{ok:?}");
        }
        for bad in ["text/html", "text/html; charset=utf-8", "image/png", "application/xml"] {
            assert!(!acceptable_content_type(Some(bad)), "{bad}");
        }
    }
}
