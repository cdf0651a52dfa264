//! Wheel input on the track: Ctrl/⌘ + wheel (and trackpad pinch, which Chrome reports as
//! Ctrl + wheel) zooms around the pointer; a horizontal wheel and Shift + wheel pan; a plain
//! vertical wheel is left to the page, and the caller is told so it can show a hint.
//!
//! ## Usage
//! ```ignore
//! let UseWheelZoomReturn { plain_wheel } = use_wheel_zoom_with_options(
//!     viewport, move |x, factor| zoom(x, factor), move |px| pan(px),
//!     UseWheelZoomOptions::default().plain_wheel_zooms(false),
//! );
//! ```
//! The listener is added once the element mounts (`passive: false`, since zooming must
//! `preventDefault` the page's own zoom) and removed on cleanup or when the element changes.
//!
//! See also [`super::use_drag_pan`] for pointers.

use crate::core::scale::wheel_factor;
use gloo::events::{EventListener, EventListenerOptions};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Options of [`use_wheel_zoom_with_options`].
#[derive(Clone, Copy, Debug, Default)]
pub struct UseWheelZoomOptions {
    /// Zoom on a plain vertical wheel too (full-page hosts: `data-wheel-zoom`).
    pub plain_wheel_zooms: bool,
}

impl UseWheelZoomOptions {
    pub fn plain_wheel_zooms(mut self, on: bool) -> Self {
        self.plain_wheel_zooms = on;
        self
    }
}

/// What [`use_wheel_zoom`] gives back.
pub struct UseWheelZoomReturn {
    /// Set when a plain vertical wheel was left to the page (the reader may have meant to zoom).
    pub plain_wheel: RwSignal<bool>,
}

/// Calls `on_zoom(x, factor)` (x in px from the target's left edge, factor > 1 zooms in) and
/// `on_pan(px)` (positive shows earlier days) for wheel input on `target`.
pub fn use_wheel_zoom_with_options(
    target: NodeRef<Div>,
    on_zoom: impl Fn(f64, f64) + Clone + 'static,
    on_pan: impl Fn(f64) + Clone + 'static,
    options: UseWheelZoomOptions,
) -> UseWheelZoomReturn {
    let plain_wheel = RwSignal::new(false);
    let listener: StoredValue<Option<EventListener>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let (on_zoom, on_pan) = (on_zoom.clone(), on_pan.clone());
        let el2 = el.clone();
        let l = EventListener::new_with_options(
            &el,
            "wheel",
            EventListenerOptions::enable_prevent_default(),
            move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() else { return };
                let rect = el2.get_bounding_client_rect();
                let w = rect.width();
                if w <= 0.0 {
                    return;
                }
                let unit = match ev.delta_mode() {
                    1 => 16.0,
                    2 => w,
                    _ => 1.0,
                };
                let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
                if ev.ctrl_key()
                    || ev.meta_key()
                    || (options.plain_wheel_zooms && !ev.shift_key() && dy.abs() > dx.abs())
                {
                    ev.prevent_default();
                    on_zoom(f64::from(ev.client_x()) - rect.left(), wheel_factor(dy));
                } else if ev.shift_key() || dx.abs() > dy.abs() {
                    ev.prevent_default();
                    on_pan(-(if ev.shift_key() && dx == 0.0 { dy } else { dx }));
                } else {
                    plain_wheel.set(true);
                }
            },
        );
        listener.set_value(Some(l));
    });
    on_cleanup(move || {
        let _ = listener.try_update_value(|l| l.take());
    });
    UseWheelZoomReturn { plain_wheel }
}
