//! The editor page in Leptos: one component per section (data, check, preview, take-away), the
//! state they share ([`state::Ed`]), and the browser's services (storage, files, clipboard,
//! DOMParser) in [`dom`] and [`store`].

pub mod app;
pub mod check;
pub mod dom;
pub mod input;
pub mod preview;
pub mod state;
pub mod store;
pub mod takeaway;

/// Mounts the editor into `#editor` (the page's `<main>`).
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("editor"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    el.set_inner_html("");
    leptos::mount::mount_to(el, app::App).forget();
}
