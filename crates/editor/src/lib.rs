//! The editor's page (`editor.html`): paste a spreadsheet, see the timeline, fix what is wrong,
//! copy the embed code, take it to class offline. Everything happens in the browser; nothing is
//! sent anywhere.
//!
//! The pure parts (what the input is and what is wrong with it, the embed snippets, the page's
//! words in Indonesian and English) are tested natively; `ui` is the Leptos page, in the wasm
//! build only. It has its own wasm, built by a second Trunk run, so the widget's payload does
//! not grow: the preview is the real widget, loaded from `dist/` in an iframe (`preview.html`).

pub mod analyse;
pub mod snippets;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod ui;
