//! The events bundle: its validated model, and the validator that builds it from JSON.
//!
//! `docs/bundle-format.md` is the contract; `data/bundle-v1.schema.json` states the part of it a
//! JSON Schema can state, and `tests/core_bundle.rs` with `e2e/schema-check.mjs` keep the three
//! in agreement over one corpus of good, bad and hostile bundles.
//!
//! The flow is `text → Json → validate → Report { bundle, problems }`: parsing is the caller's
//! (`serde_json` in the command-line validator, the browser's `JSON.parse` through
//! `serde-wasm-bindgen` in the widget), so this module stays pure.

mod checks;
mod events;
mod kind;
mod limits;
mod locate;
mod model;
mod path;
mod problem;
mod read;
mod validate;

pub use events::EventSource;
pub use kind::clip;
pub use limits::{
    MAX_EVENTS, MAX_ID_CHARS, MAX_LANGUAGES, MAX_PROBLEMS, MAX_TEXT_CHARS, SUPPORTED_VERSIONS,
};
pub use locate::locate;
pub use model::{
    Bundle, Category, Citation, Era, Event, Excerpt, Icon, L10n, Media, MediaKind, Source,
};
pub use problem::{
    code, Expected, JsonKind, ListName, Problem, ProblemKind, Report, Severity, Thing, UrlProblem,
};
pub use validate::{validate, validate_with};
