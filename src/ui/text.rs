//! Interface text that follows the reader's language.

use crate::core::i18n::{Lang, Strings};
use leptos::prelude::*;

/// A reactive UI string: `tr(lang, |s| s.zoom_in)`.
///
/// Every call returns the same closure type (the field is chosen by a function pointer), so
/// the renderer's code for "text that follows the language" is compiled once instead of once
/// per string — dozens of near-identical monomorphisations, and kilobytes of wasm, saved.
pub fn tr(
    lang: RwSignal<Lang>,
    pick: fn(&'static Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || pick(lang.get().strings())
}
