//! The Leptos shell: components wire signals and browser events to the pure core.

pub mod app;
pub mod ctx;
pub mod error_panel;
pub mod hooks;
pub mod link;
pub mod list_view;
pub mod load;
pub mod marker;
pub mod measure;
pub mod media;
pub mod motion;
pub mod overview;
pub mod pause;
pub mod popover;
pub mod present;
pub mod text;
pub mod timeline;
pub mod toolbar;
