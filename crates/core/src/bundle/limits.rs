//! The documented limits of a bundle (see `docs/bundle-format.md`, "Limits").
//!
//! They exist so that a broken or hostile bundle fails with a clear message instead of making
//! the widget slow or unreadable: the layout and the list view are sized for thousands of
//! events, not millions, and no title or quotation needs more than a few pages of text.

/// The bundle format versions this validator (and so this widget) reads.
pub const SUPPORTED_VERSIONS: &[u32] = &[1];

/// The most events a bundle may hold; more is an error (`too-many-events`), and the events are
/// then not checked one by one, since the bundle is rejected anyway.
pub const MAX_EVENTS: usize = 200_000;

/// The longest any text may be, in Unicode characters (code points, as JSON Schema's
/// `maxLength` counts them): titles, summaries, labels, notes, quotations, publishers, source
/// titles and URLs. Longer is an error (`text-too-long`).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The longest id, in characters; it is also written into the id pattern.
pub const MAX_ID_CHARS: usize = 64;

/// The most languages a bundle may declare; more is an error (`too-many-languages`). Every
/// title needs every language, so an absurd list would only multiply the work and the errors.
pub const MAX_LANGUAGES: usize = 50;

/// The most problems a report lists; the rest are counted in one last `too-many-problems`
/// problem. Nobody reads more, and a hostile bundle cannot make the report itself huge.
pub const MAX_PROBLEMS: usize = 1_000;
