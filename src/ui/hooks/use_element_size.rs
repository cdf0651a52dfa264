use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The observer's callback, kept alive as long as the observer.
type ResizeCallback = Closure<dyn FnMut(js_sys::Array)>;

/// Writes the element's content size into `width` and `height` whenever it changes, from a
/// `ResizeObserver`, so a widget first rendered in a hidden tab or collapsed section lays out
/// right when it appears, and a host that sets the height gets as many rows as fit.
///
/// The observer is disconnected in `on_cleanup`.
pub fn use_element_size(node: NodeRef<Div>, width: RwSignal<f64>, height: RwSignal<f64>) {
    let observer: StoredValue<Option<web_sys::ResizeObserver>, LocalStorage> =
        StoredValue::new_local(None);
    let callback: StoredValue<Option<ResizeCallback>, LocalStorage> = StoredValue::new_local(None);
    let store = move |w: f64, h: f64| {
        if (w - width.get_untracked()).abs() > 0.5 {
            let _ = width.try_set(w);
        }
        if (h - height.get_untracked()).abs() > 0.5 {
            let _ = height.try_set(h);
        }
    };
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if observer.with_value(|o| o.is_some()) {
            return;
        }
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                let r = entry.content_rect();
                store(r.width(), r.height());
            }
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            ro.observe(&el);
            observer.set_value(Some(ro));
        }
        let r = el.get_bounding_client_rect();
        store(r.width(), r.height());
        callback.set_value(Some(cb));
    });
    on_cleanup(move || {
        if let Some(Some(ro)) = observer.try_with_value(|o| o.clone()) {
            ro.disconnect();
        }
    });
}
