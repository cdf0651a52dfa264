//! The Leptos shell: components wire signals and browser events to the pure core.

pub mod app;
pub mod error_panel;
pub mod hooks;
pub mod load;
pub mod motion;
pub mod popover;
pub mod timeline;
