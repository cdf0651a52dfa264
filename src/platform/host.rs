//! What the widget does for its host page: `data-timeline-goto` links, the iframe's height
//! messages, and the mount function for hosts that build pages with their own JavaScript.

use crate::ui::hooks::{listen, Listener};
use crate::ui::load::Prefetch;
use js_sys::JsString;
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

/// Widgets mounted by [`mount`], by handle number. The handle only names its widget: a host
/// that drops it (JavaScript collects it, and wasm-bindgen then frees it) keeps the widget, as
/// before handles existed; only `destroy()` unmounts.
type Mounted = Vec<(u32, Box<dyn std::any::Any>)>;

thread_local! {
    static MOUNTED: RefCell<Mounted> = const { RefCell::new(Vec::new()) };
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A widget mounted by [`mount`]; `destroy()` removes it from its element and frees it.
#[wasm_bindgen]
pub struct TimelineHandle {
    el: web_sys::HtmlElement,
    id: u32,
}

#[wasm_bindgen]
impl TimelineHandle {
    /// Unmounts the widget: its DOM, listeners and state go; the element may be mounted again.
    pub fn destroy(&mut self) {
        let id = self.id;
        let view = MOUNTED.with(|m| {
            let mut m = m.borrow_mut();
            let at = m.iter().position(|(i, _)| *i == id)?;
            Some(m.swap_remove(at).1)
        });
        // Dropped outside the borrow: unmounting runs the widget's cleanups.
        if let Some(view) = view {
            drop(view);
            for attr in ["data-timeline-mounted", "data-ready"] {
                let _ = self.el.remove_attribute(attr);
            }
        }
    }
}

/// Mounts a widget into `el`. `boot.js` calls it for each `[data-timeline]` element as it comes
/// near the viewport (hosts call boot.js' `mount`, which ends here); the editor's preview and
/// the offline file call it directly. `mount(el, {src: "data/x.json", lang: "en", theme:
/// "dark"})`, or with the bundle's JSON text instead of a URL: `mount(el, {bundle: text})`.
/// Options are also read from the element's `data-*` attributes; those given here win.
/// `response` (a pending `fetch(url)`), `url` and `abort` (its `AbortController`) hand over the
/// bundle's request when the loader started it before the wasm ran; it is used only if `url` is
/// the bundle this widget reads. Returns a handle whose `destroy()` unmounts the widget, or
/// `undefined` when `el` already holds one.
#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement, options: JsValue) -> Option<TimelineHandle> {
    let get = |key: &str| js_sys::Reflect::get(&options, &key.into()).ok();
    for key in
        ["src", "lang", "theme", "mode", "event", "start", "end", "timeout", "height", "hash"]
    {
        // Strings, and numbers (`height: 400`) as their text.
        if let Some(v) =
            get(key).and_then(|v| v.as_string().or_else(|| v.as_f64().map(|n| n.to_string())))
        {
            let _ = el.set_attribute(&format!("data-{key}"), &v);
        }
    }
    if el.get_attribute("data-timeline").is_none() {
        let _ = el.set_attribute("data-timeline", "");
    }
    if el.has_attribute("data-timeline-mounted") {
        return None;
    }
    let mut opts = super::options_for(&el);
    if let Ok(text) =
        js_sys::Reflect::get(&options, &"bundle".into()).and_then(|v| v.dyn_into::<JsString>())
    {
        opts.text = Some(text);
    }
    let abort = get("abort").and_then(|a| a.dyn_into::<web_sys::AbortController>().ok());
    if let Some(response) = get("response").and_then(|r| r.dyn_into::<js_sys::Promise>().ok()) {
        let url = get("url").and_then(|u| u.as_string());
        if opts.text.is_none() && url.is_some() && url == absolute(&opts.src) {
            opts.prefetch = Some(Prefetch { response, abort });
        } else if let Some(a) = abort {
            a.abort();
        }
    }
    let _ = el.set_attribute("data-timeline-mounted", "");
    let view = super::mount_widget(el.clone(), opts);
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    MOUNTED.with(|m| m.borrow_mut().push((id, view)));
    Some(TimelineHandle { el, id })
}

/// `src` resolved against the page, as `fetch` resolves it.
fn absolute(src: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    Some(web_sys::Url::new_with_base(src, &base).ok()?.href())
}
