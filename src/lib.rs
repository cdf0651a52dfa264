//! An embeddable, zoomable timeline of Sino-Soviet relations, 1950–1965.
//!
//! `core` is pure Rust, tested natively; `ui` (Leptos components) and `platform` (mounting into
//! host pages) exist only in the WebAssembly build.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
