//! Fetching and validating a bundle in the browser: `fetch`, the browser's own `JSON.parse`
//! (no `serde_json` in the wasm), `serde-wasm-bindgen` into the core's `Json`, then the core's
//! validator. Every failure becomes a [`LoadError`] the error panel can explain.

use crate::core::bundle::{validate, Problem, Severity};
use crate::core::json::Json;
use crate::core::prepared::Prepared;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a bundle could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request failed before an answer came (offline, refused, blocked).
    Network(String),
    /// No answer within the time limit.
    Timeout(u32),
    /// The server answered with an error status.
    Http(u16),
    /// The answer is not JSON; the browser's message says where.
    NotJson(String),
    /// JSON, but not a bundle at all or invalid: the validator's errors, in document order.
    Invalid(Vec<Problem>),
}

/// Fetches `url` with a timeout of `timeout_ms` and returns the prepared bundle.
pub async fn load(url: &str, timeout_ms: u32) -> Result<Prepared, LoadError> {
    let text = fetch_text(url, timeout_ms).await?;
    parse(&text)
}

/// Parses and validates bundle text.
pub fn parse(text: &str) -> Result<Prepared, LoadError> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let msg = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "syntax error".into());
        LoadError::NotJson(msg)
    })?;
    let json: Json =
        serde_wasm_bindgen::from_value(value).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let report = validate(&json);
    match report.bundle {
        Some(bundle) => Ok(Prepared::new(bundle)),
        None => Err(LoadError::Invalid(
            report.problems.into_iter().filter(|p| p.severity == Severity::Error).collect(),
        )),
    }
}

async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.clone().map(|c| {
        let flag = timed_out.clone();
        gloo::timers::callback::Timeout::new(timeout_ms, move || {
            flag.set(true);
            c.abort();
        })
    });
    let result = async {
        let resp = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|e| LoadError::Network(js_message(&e)))?;
        let resp: web_sys::Response =
            resp.dyn_into().map_err(|_| LoadError::Network("not a response".into()))?;
        if !resp.ok() {
            return Err(LoadError::Http(resp.status()));
        }
        let text = resp.text().map_err(|e| LoadError::Network(js_message(&e)))?;
        let text = JsFuture::from(text).await.map_err(|e| LoadError::Network(js_message(&e)))?;
        Ok(text.as_string().unwrap_or_default())
    }
    .await;
    drop(timer);
    match result {
        Err(LoadError::Network(_)) if timed_out.get() => Err(LoadError::Timeout(timeout_ms)),
        other => other,
    }
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "request failed".into())
}
