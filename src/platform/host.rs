//! What the widget does for its host page: `data-timeline-goto` links, the iframe's height
//! messages, and the mount function for hosts that build pages with their own JavaScript.

use crate::ui::hooks::{listen, Listener};
use crate::ui::load::Prefetch;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

/// One page-level click listener: any element with `data-timeline-goto="<event-id>"` (and an
/// optional `data-timeline-target` naming the widget's element id when there are several)
/// opens that event in the widget, which scrolls itself into view.
pub fn install_goto_links() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let d = doc.clone();
    let l = listen(doc.as_ref(), "click", false, move |ev| {
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-timeline-goto]").ok().flatten())
        else {
            return;
        };
        let id = link.get_attribute("data-timeline-goto").unwrap_or_default();
        let widget = match link.get_attribute("data-timeline-target") {
            Some(t) if !t.is_empty() => d.get_element_by_id(&t),
            _ => d.query_selector("[data-timeline]").ok().flatten(),
        };
        if let Some(w) = widget {
            ev.prevent_default();
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&JsValue::from_str(&id));
            if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("timeline:goto", &init) {
                let _ = w.dispatch_event(&e);
            }
        }
    });
    LISTENERS.with(|v| v.borrow_mut().push(l));
}

/// Inside an iframe, tells the parent page the content's height whenever it changes, as
/// `{type: "timeline:height", height}`. The height is not secret, so any parent may read it;
/// the host script checks the message's origin and source before trusting it.
pub fn report_height_to_parent() {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let Some(body) = w.document().and_then(|d| d.document_element()) else { return };
    let b = body.clone();
    let send = move || {
        let h = b.get_bounding_client_rect().height().ceil();
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"timeline:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
        let _ = parent.post_message(&msg, "*");
    };
    send();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| send());
    if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        ro.observe(&body);
        // Observes for the page's lifetime.
        std::mem::forget(ro);
    }
    cb.forget();
}

/// Mounts a widget into `el`; `boot.js` calls it for each `[data-timeline]` element as it comes
/// near the viewport (hosts call boot.js' `mount`, which ends here):
/// `mount(el, {src: "data/x.json", lang: "en", theme: "dark"})`. Options are also read from
/// the element's `data-*` attributes; those given here win. `response` (a pending
/// `fetch(url)`), `url` and `abort` (its `AbortController`) hand over the bundle's request when
/// the loader started it before the wasm ran; it is used only if `url` is the bundle this widget
/// reads.
#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement, options: JsValue) {
    let get = |key: &str| js_sys::Reflect::get(&options, &key.into()).ok();
    for key in ["src", "lang", "theme", "mode", "event", "timeout", "height"] {
        if let Some(v) = get(key).and_then(|v| v.as_string()) {
            let _ = el.set_attribute(&format!("data-{key}"), &v);
        }
    }
    if el.get_attribute("data-timeline").is_none() {
        let _ = el.set_attribute("data-timeline", "");
    }
    if el.has_attribute("data-timeline-mounted") {
        return;
    }
    let mut opts = super::options_for(&el);
    let abort = get("abort").and_then(|a| a.dyn_into::<web_sys::AbortController>().ok());
    if let Some(response) = get("response").and_then(|r| r.dyn_into::<js_sys::Promise>().ok()) {
        let url = get("url").and_then(|u| u.as_string());
        if url.is_some() && url == absolute(&opts.src) {
            opts.prefetch = Some(Prefetch { response, abort });
        } else if let Some(a) = abort {
            a.abort();
        }
    }
    let _ = el.set_attribute("data-timeline-mounted", "");
    super::mount_widget(el, opts);
}

/// `src` resolved against the page, as `fetch` resolves it.
fn absolute(src: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    Some(web_sys::Url::new_with_base(src, &base).ok()?.href())
}
