//! Handing the main thread back to the browser between two stretches of work.
//!
//! A widget's first render (parse the bundle, validate it, mount the interface, measure the
//! titles, lay them out, draw the rows) was one task of 300 ms at 4× CPU: input and paint
//! waited for all of it, and Lighthouse counts everything past 50 ms of a task as blocking
//! time (issue 15). The loader and the timeline await [`next_task`] at the seams between those
//! steps instead.

use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task of the event loop (`setTimeout(0)`), after the browser has had
/// the chance to handle input and, if a frame is due, to paint. Microtasks would not do: they
/// run before the browser regains control.
pub async fn next_task() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let queued =
            web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !queued {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(wait).await;
}
