//! An embeddable, zoomable timeline of Sino-Soviet relations, 1950–1965.
//!
//! `core` is pure Rust, tested natively; `ui` (Leptos components) and `platform` (mounting into
//! host pages) exist only in the WebAssembly build.

/// The pure core lives in its own crate, `crates/core`, whose only dependency is serde: the
/// widget and the command-line tools share it, and it cannot name a browser crate.
pub use timeline_core as core;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
