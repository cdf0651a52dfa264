//! Pointer input on the track: one pointer drags to pan, two pinch to zoom, a quick second tap
//! of a finger zooms in (mobile browsers do not always send `dblclick`), and the click that ends
//! a drag is swallowed so it does not open the marker under the pointer.
//!
//! ## Usage
//! ```ignore
//! let UseDragPanReturn { dragging } = use_drag_pan(
//!     viewport, move |px| pan(px), move |x, factor| zoom(x, factor), move |x| zoom(x, 2.0),
//! );
//! ```
//! Movements are reported as increments (px since the last call, factor since the last call),
//! so the caller's state machine applies them like any other action. Listeners are added once
//! the element mounts and removed on cleanup or when the element changes.
//!
//! See also [`super::use_wheel_zoom`].

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Movement (px) before a press becomes a drag rather than a click.
pub const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Two taps closer than this (ms and px) are a double tap.
const DOUBLE_TAP_MS: f64 = 320.0;
const DOUBLE_TAP_PX: f64 = 30.0;

/// What [`use_drag_pan`] gives back.
pub struct UseDragPanReturn {
    /// True while a drag is under way.
    pub dragging: RwSignal<bool>,
}

#[derive(Default)]
struct Gesture {
    /// Pointers down: id and x.
    pointers: Vec<(i32, f64)>,
    /// A one-pointer press: x at the press, x at the last report, whether it became a drag.
    drag: Option<(f64, f64, bool)>,
    /// Two pointers: their distance at the last report.
    pinch: Option<f64>,
    suppress_click: bool,
    last_tap: Option<(f64, f64)>,
}

/// Calls `on_pan(px)` (positive shows earlier days), `on_zoom(x, factor)` and
/// `on_double_tap(x)` for pointer input on `target` (x in px from its left edge).
pub fn use_drag_pan(
    target: NodeRef<Div>,
    on_pan: impl Fn(f64) + Clone + 'static,
    on_zoom: impl Fn(f64, f64) + Clone + 'static,
    on_double_tap: impl Fn(f64) + Clone + 'static,
) -> UseDragPanReturn {
    let dragging = RwSignal::new(false);
    let listeners: StoredValue<Vec<EventListener>, LocalStorage> =
        StoredValue::new_local(Vec::new());
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let state = std::rc::Rc::new(std::cell::RefCell::new(Gesture::default()));
        let el_x = {
            let el = el.clone();
            move |client_x: i32| f64::from(client_x) - el.get_bounding_client_rect().left()
        };
        let mut ls = Vec::new();

        let (st, x_of) = (state.clone(), el_x.clone());
        ls.push(EventListener::new(&el, "pointerdown", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
            if ev.button() != 0 {
                return;
            }
            let x = x_of(ev.client_x());
            let mut g = st.borrow_mut();
            g.pointers.retain(|(id, _)| *id != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), x));
            g.suppress_click = false;
            if let [a, b] = g.pointers[..] {
                g.pinch = Some((a.1 - b.1).abs().max(1.0));
                g.drag = None;
            } else {
                g.drag = Some((x, x, false));
            }
        }));

        let (st, x_of, el2) = (state.clone(), el_x.clone(), el.clone());
        let (pan, zoom) = (on_pan.clone(), on_zoom.clone());
        ls.push(EventListener::new(&el, "pointermove", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
            let x = x_of(ev.client_x());
            let mut g = st.borrow_mut();
            if let Some(p) = g.pointers.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                p.1 = x;
            }
            if let (Some(d0), [a, b]) = (g.pinch, &g.pointers[..]) {
                let d = (a.1 - b.1).abs().max(1.0);
                let centre = (a.1 + b.1) / 2.0;
                g.pinch = Some(d);
                drop(g);
                zoom(centre, d / d0);
                return;
            }
            if let Some((x0, last, moving)) = g.drag {
                if moving || (x - x0).abs() > DRAG_THRESHOLD_PX {
                    if !moving {
                        let _ = el2.set_pointer_capture(ev.pointer_id());
                        g.suppress_click = true;
                        dragging.set(true);
                    }
                    g.drag = Some((x0, x, true));
                    drop(g);
                    pan(x - last);
                }
            }
        }));

        for kind in ["pointerup", "pointercancel"] {
            let (st, x_of, tap) = (state.clone(), el_x.clone(), on_double_tap.clone());
            ls.push(EventListener::new(&el, kind, move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else { return };
                let mut g = st.borrow_mut();
                g.pointers.retain(|(id, _)| *id != ev.pointer_id());
                if g.pointers.len() < 2 {
                    g.pinch = None;
                }
                let was_drag = g.drag.is_some_and(|d| d.2);
                g.drag = None;
                dragging.set(false);
                if kind == "pointerup" && ev.pointer_type() == "touch" && !was_drag {
                    let (x, t) = (x_of(ev.client_x()), ev.time_stamp());
                    match g.last_tap {
                        Some((t0, x0))
                            if t - t0 < DOUBLE_TAP_MS && (x - x0).abs() < DOUBLE_TAP_PX =>
                        {
                            g.last_tap = None;
                            drop(g);
                            tap(x);
                        }
                        _ => g.last_tap = Some((t, x)),
                    }
                }
            }));
        }

        // The click that ends a drag must not reach the marker under the pointer.
        let st = state.clone();
        let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
        ls.push(EventListener::new_with_options(&el, "click", capture, move |ev| {
            let mut g = st.borrow_mut();
            if g.suppress_click {
                g.suppress_click = false;
                ev.stop_propagation();
                ev.prevent_default();
            }
        }));
        listeners.set_value(ls);
    });
    on_cleanup(move || {
        let _ = listeners.try_update_value(|l| l.clear());
    });
    UseDragPanReturn { dragging }
}
