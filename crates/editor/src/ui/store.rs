//! The editor's work, kept in the browser's `localStorage` on every change, so a reload, a
//! closed tab or a crash loses nothing. One key, one JSON object; nothing leaves the browser.

use serde_json::{json, Map, Value};

/// The storage key.
pub const KEY: &str = "timeline-editor/v1";

/// What is kept: the data box, the previous text (for "bring back"), and every choice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    pub fields: Map<String, Value>,
}

impl Saved {
    /// A kept string field.
    pub fn get(&self, name: &str) -> Option<String> {
        self.fields.get(name).and_then(Value::as_str).map(str::to_owned)
    }

    pub fn set(&mut self, name: &str, value: &str) {
        self.fields.insert(name.to_owned(), json!(value));
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The kept work, or nothing.
pub fn load() -> Saved {
    let text = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    let fields = text
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default();
    Saved { fields }
}

/// Keeps `saved`; the browser's reason when it cannot (storage full or switched off).
pub fn save(saved: &Saved) -> Result<(), String> {
    let s = storage().ok_or_else(|| "localStorage".to_owned())?;
    let text = Value::Object(saved.fields.clone()).to_string();
    s.set_item(KEY, &text).map_err(|e| super::dom::message(&e))
}
