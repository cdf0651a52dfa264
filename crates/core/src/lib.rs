//! The pure core of the timeline: dates, the time scale, ticks, layout and the bundle model.
//!
//! Its only dependency is serde (see `Cargo.toml`): it cannot name `leptos`, `web_sys`,
//! `js_sys`, `wasm_bindgen` or `gloo`, so every rule about time and data is tested natively with
//! plain `cargo test`, and the widget (wasm) and the `timeline` command (native) share it. Data flows one way: bundle → validated model → view state → layout;
//! the UI only turns the result into DOM.
//!
//! Time is measured in civil days: a date's coordinate is its day number counted from
//! 1970-01-01 (proleptic Gregorian calendar, no time zones), as an `i32` for whole days and an
//! `f64` on the continuous scale.

pub mod bundle;
pub mod calendar;
pub mod cull;
pub mod date;
pub mod deeplink;
pub mod export;
pub mod i18n;
pub mod import;
pub mod json;
pub mod json_syntax;
pub mod layout;
pub mod num;
pub mod order;
pub mod prepared;
pub mod row;
pub mod scale;
pub mod search;
pub mod ticks;
pub mod view_state;
