use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// An event listener that is removed when dropped.
///
/// Leptos' `on:` handlers cannot choose `passive`, and some events are delegated to the document,
/// where Chrome makes wheel listeners passive; Ctrl + wheel zoom must call `preventDefault`, so
/// it needs its own listener with `passive: false` on the widget itself.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

/// Adds `f` as a `kind` listener on `target`; `passive` should be false only where the handler
/// calls `preventDefault`.
pub fn listen(
    target: &web_sys::EventTarget,
    kind: &'static str,
    passive: bool,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(passive);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        kind,
        closure.as_ref().unchecked_ref(),
        &options,
    );
    Listener { target: target.clone(), kind, closure }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}
