//! What happens when the widget panics: every mounted widget shows an error panel, and the panic
//! is logged once.
//!
//! Release builds use `panic = "abort"`: after the hook returns, the WebAssembly instance traps
//! and runs no more Rust, so no Leptos view can render an error. The hook therefore writes the
//! panel itself, with plain DOM calls (`createElement` and `textContent`, never `innerHTML`),
//! before returning, into each `[data-timeline]` element and in that element's language. It
//! never panics itself: every DOM call's failure is ignored.

use crate::core::i18n::Lang;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a panic has been logged already.
static LOGGED: AtomicBool = AtomicBool::new(false);

/// The longest panic message shown in the panel (the console has all of it).
const SHOWN_CHARS: usize = 160;

/// Installs the panic hook. Call once at start-up; a second call replaces the first hook with
/// an identical one.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        if !LOGGED.swap(true, Ordering::SeqCst) {
            // console.error with the message and a JavaScript stack trace.
            console_error_panic_hook::hook(info);
        }
        // The panel shows what went wrong, not where: build paths mean nothing to a reader
        // (the console has the location and a stack trace).
        show_panic_panels(info.payload_as_str().unwrap_or("panic"));
    }));
}

struct Texts {
    title: &'static str,
    detail: &'static str,
    reload: &'static str,
}

fn texts(lang: Lang) -> Texts {
    match lang {
        Lang::Id => Texts {
            title: "Linimasa berhenti karena kesalahan internal.",
            detail: "Maaf, terjadi kesalahan di dalam linimasa. Muat ulang halaman untuk \
                     mencoba lagi.",
            reload: "Muat ulang halaman",
        },
        Lang::En => Texts {
            title: "The timeline stopped after an internal error.",
            detail: "Sorry, something went wrong inside the timeline. Reload the page to try \
                     again.",
            reload: "Reload the page",
        },
    }
}

/// The language of a widget's element: its `lang` (the widget keeps it current), else its
/// `data-lang`, else the nearest ancestor's `lang`; Indonesian if none is known.
fn lang_of(el: &web_sys::Element) -> Lang {
    el.get_attribute("lang")
        .and_then(|l| Lang::from_tag(&l))
        .or_else(|| el.get_attribute("data-lang").and_then(|l| Lang::from_tag(&l)))
        .or_else(|| {
            el.closest("[lang]")
                .ok()
                .flatten()
                .and_then(|a| a.get_attribute("lang"))
                .and_then(|l| Lang::from_tag(&l))
        })
        .unwrap_or_default()
}

fn element(
    doc: &web_sys::Document,
    parent: &web_sys::Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Option<web_sys::Element> {
    let el = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.set_text_content(Some(text));
    parent.append_child(&el).ok()?;
    Some(el)
}

/// Replaces the content of every `[data-timeline]` element of the page with a panic panel
/// (`role="alert"`, `data-error="panic"`) in the element's language, showing the start of
/// `message` as text. Returns how many widgets now show the panel. Never panics.
pub fn show_panic_panels(message: &str) -> u32 {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return 0 };
    let Ok(nodes) = doc.query_selector_all("[data-timeline]") else { return 0 };
    let mut shown: String = message.chars().take(SHOWN_CHARS).collect();
    if message.chars().nth(SHOWN_CHARS).is_some() {
        shown.push('…');
    }
    let reload_href = web_sys::window().and_then(|w| w.location().href().ok());
    let mut count = 0;
    for i in 0..nodes.length() {
        let Some(host) = nodes.get(i).and_then(|n| wasm_bindgen::JsCast::dyn_into(n).ok()) else {
            continue;
        };
        let host: web_sys::Element = host;
        let t = texts(lang_of(&host));
        // Nothing of the frozen widget stays: not its data, not its ready flag.
        host.set_text_content(None);
        let _ = host.remove_attribute("data-ready");
        let _ = host.remove_attribute("aria-busy");
        let Ok(panel) = doc.create_element("div") else { continue };
        panel.set_class_name("tl-error");
        let _ = panel.set_attribute("role", "alert");
        let _ = panel.set_attribute("data-error", "panic");
        element(&doc, &panel, "p", "tl-error__title", t.title);
        element(&doc, &panel, "p", "tl-error__detail", t.detail);
        if let Some(p) = element(&doc, &panel, "p", "tl-error__detail tl-error__tech", "") {
            element(&doc, &p, "code", "", &shown);
        }
        // A plain link reloads without running any of the widget's (stopped) code.
        if let Some(href) = &reload_href {
            if let Some(p) = element(&doc, &panel, "p", "", "") {
                if let Some(a) = element(&doc, &p, "a", "tl-error__reload", t.reload) {
                    let _ = a.set_attribute("href", href);
                }
            }
        }
        if host.append_child(&panel).is_ok() {
            count += 1;
        }
    }
    count
}
