//! Animating the view from one window to another, unless the reader prefers reduced motion.

use crate::core::scale::View;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// How long a zoom or pan triggered by a button or key takes.
const DURATION_MS: f64 = 220.0;

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Moves `view` to `to`, eased over a short animation; a newer call (or a direct `set`) wins
/// because each frame checks the generation counter it started with.
pub fn animate_to(view: RwSignal<View>, generation: StoredValue<u32>, to: View) {
    let gen = generation.get_value().wrapping_add(1);
    generation.set_value(gen);
    let from = view.get_untracked();
    if prefers_reduced_motion() || from == to {
        view.set(to);
        return;
    }
    let perf = web_sys::window().and_then(|w| w.performance());
    let now = move || perf.as_ref().map_or(0.0, |p| p.now());
    let t0 = now();
    let handle: Rc<RefCell<Option<gloo::render::AnimationFrame>>> = Rc::new(RefCell::new(None));
    fn frame(
        handle: Rc<RefCell<Option<gloo::render::AnimationFrame>>>,
        step: Rc<dyn Fn() -> bool>,
    ) {
        let h = handle.clone();
        let af = gloo::render::request_animation_frame(move |_| {
            if step() {
                frame(h, step);
            } else {
                h.borrow_mut().take();
            }
        });
        *handle.borrow_mut() = Some(af);
    }
    let step: Rc<dyn Fn() -> bool> = Rc::new(move || {
        if generation.try_get_value() != Some(gen) {
            return false;
        }
        let t = ((now() - t0) / DURATION_MS).clamp(0.0, 1.0);
        let eased = 1.0 - (1.0 - t).powi(3);
        if view.try_set(from.lerp(to, eased)).is_some() {
            return false;
        }
        t < 1.0
    });
    frame(handle, step);
}
