//! Mounting widgets into host pages: every `[data-timeline]` element becomes an independent
//! widget configured by its `data-*` attributes, the page's query string and `<html lang>`.

use crate::core::deeplink::{parse_range, DeepLink};
use crate::core::i18n::Lang;
use crate::ui::app::{App, Options};
use crate::ui::link::LinkOptions;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

mod host;
pub mod panic;
pub use host::mount;

/// The bundled dataset, relative to the page.
pub const DEFAULT_SRC: &str = "data/sino-soviet-1950-1965.json";
/// The default network time limit.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Runs once when the wasm starts (`boot.js` loads it). Mounting is the loader's call: it mounts
/// each `[data-timeline]` element through [`mount`] when the element comes near the viewport.
pub fn start() {
    panic::install();
    host::install_goto_links();
    if web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-embed-frame]").ok().flatten())
        .is_some()
    {
        host::report_height_to_parent();
    }
}

/// Mounts one widget; it lives until the returned value is dropped (that unmounts it).
pub fn mount_widget(el: web_sys::HtmlElement, options: Options) -> Box<dyn std::any::Any> {
    let root = el.clone();
    Box::new(leptos::mount::mount_to(el, move || view! { <App root=root options=options /> }))
}

fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name).filter(|s| !s.is_empty())
}

/// Options from the element's attributes, then the page's query, then defaults.
pub(crate) fn options_for(el: &web_sys::HtmlElement) -> Options {
    let attr = |name: &str| el.get_attribute(name).filter(|s| !s.trim().is_empty());
    let src = attr("data-src").or_else(|| query_param("src")).unwrap_or_else(|| DEFAULT_SRC.into());
    // `data-src="#id"`: the bundle is the text of that element of the page (a
    // `<script type="application/json" id="id">`), for pages without a network or a server.
    let text = match src.strip_prefix('#') {
        Some(id) if attr("data-src").is_some() => Some(inline_text(id)),
        _ => None,
    };
    let page_lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|h| h.get_attribute("lang"));
    let lang = attr("data-lang")
        .or_else(|| query_param("lang"))
        .and_then(|l| Lang::from_tag(&l))
        .or_else(|| page_lang.and_then(|l| Lang::from_tag(&l)))
        .or_else(|| web_sys::window()?.navigator().language().and_then(|l| Lang::from_tag(&l)));
    let wheel_zoom = attr("data-wheel-zoom").is_some_and(|v| v != "false");
    let timeout_ms =
        attr("data-timeout").and_then(|t| t.parse().ok()).unwrap_or(DEFAULT_TIMEOUT_MS);
    let theme = attr("data-theme").or_else(|| query_param("theme"));
    let mode = attr("data-mode").or_else(|| query_param("mode"));
    // The range to open: data-start and data-end (partial dates), else an iframe's parameters.
    let start = attr("data-start").or_else(|| query_param("start"));
    let end = attr("data-end").or_else(|| query_param("end"));
    let range = match (start, end) {
        (Some(a), Some(b)) => parse_range(&format!("{a}..{b}")),
        (Some(a), None) => parse_range(&format!("{a}..{a}")),
        _ => None,
    };
    let initial = DeepLink { event: attr("data-event").or_else(|| query_param("event")), range };
    // The URL fragment belongs to the page: only a widget alone on it (or one that asks with
    // data-hash) reads and writes it.
    let sync_hash = match attr("data-hash").as_deref() {
        Some("off" | "false") => false,
        Some(_) => true,
        None => widgets_on_page() == 1,
    };
    let links = LinkOptions { initial, sync_hash, present: mode.as_deref() == Some("present") };
    let height = attr("data-height")
        .or_else(|| query_param("height"))
        .and_then(|h| h.trim_end_matches("px").parse().ok());
    Options { src, text, lang, wheel_zoom, timeout_ms, theme, height, links, prefetch: None }
}

/// The text of the page's element `id`; an empty text (a "not JSON" error) when there is none.
/// The text stays a JavaScript string: it is not copied into wasm memory.
fn inline_text(id: &str) -> js_sys::JsString {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| js_sys::Reflect::get(&e, &"textContent".into()).ok())
        .and_then(|t| t.dyn_into::<js_sys::JsString>().ok())
        .unwrap_or_else(|| js_sys::JsString::from(""))
}

fn widgets_on_page() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-timeline]").ok())
        .map_or(0, |l| l.length())
}
