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
/// The first size is read two tasks after the mount (`pause::next_task`), with `prepare` (work
/// that needs the mounted element but not its size: measuring the titles) run in the task
/// between. At 4× CPU the mount, the titles and the first layout with its rows each take 40–80
/// ms; in one task they took 200. The observer starts once that size is in, so its first
/// report, the same size, changes nothing. The returned flag turns true then.
///
/// The observer is disconnected in `on_cleanup`.
pub fn use_element_size(
    node: NodeRef<Div>,
    width: RwSignal<f64>,
    height: RwSignal<f64>,
    prepare: impl Fn() + 'static,
) -> RwSignal<bool> {
    let measured = RwSignal::new(false);
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
    let started = StoredValue::new(false);
    let prepare = std::rc::Rc::new(prepare);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if started.get_value() {
            return;
        }
        started.set_value(true);
        let prepare = prepare.clone();
        leptos::task::spawn_local(async move {
            crate::ui::pause::next_task().await;
            if measured.is_disposed() {
                return; // unmounted meanwhile
            }
            prepare();
            crate::ui::pause::next_task().await;
            if measured.is_disposed() {
                return;
            }
            let r = el.get_bounding_client_rect();
            store(r.width(), r.height());
            measured.set(true);
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
            callback.set_value(Some(cb));
        });
    });
    on_cleanup(move || {
        if let Some(Some(ro)) = observer.try_with_value(|o| o.clone()) {
            ro.disconnect();
        }
    });
    measured
}
