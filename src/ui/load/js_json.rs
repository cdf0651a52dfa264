//! From the browser's parsed object to the core's `Json`: the document whole, or its `events`
//! list one event at a time, so the whole document never exists as a `Json` tree.

use super::{LoadError, NotBundle};
use crate::core::bundle::EventSource;
use crate::core::json::Json;
use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string, so the text never has to be copied into wasm
    /// (`js_sys::JSON::parse` takes a `&str`).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub(super) fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

/// Converts a parsed value that sits `depth` levels inside the document.
pub(super) fn to_json(value: JsValue, depth: usize) -> Result<Json, LoadError> {
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
pub(super) struct JsEvents {
    list: Array,
    /// Why an event could not be converted (nested too deep); the load then fails with it.
    pub(super) failed: Option<LoadError>,
}

impl JsEvents {
    /// Takes the `events` list out of a document that is an object with one, leaving an empty
    /// list in its place (same position, so problems keep their document order).
    pub(super) fn split_off(document: &JsValue) -> Option<JsEvents> {
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
