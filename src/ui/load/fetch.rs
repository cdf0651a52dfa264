//! Fetching a bundle's text: `fetch` with a time limit, a content-type and size check while the
//! body streams in, each chunk decoded and dropped as it arrives.

use super::{LoadError, Prefetch, MAX_BUNDLE_BYTES};
use js_sys::{JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
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

pub(super) async fn fetch_text(
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

pub(super) fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "request failed".into())
}

/// Unit tests of the pure parts; run with
/// `cargo test -p timeline --target wasm32-unknown-unknown --lib` (they need no browser).
#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

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
