//! Presentation mode for classrooms: fullscreen, large type, high contrast, one event at a time.
//!
//! →, PageDown and Space step forward (presentation clickers send PageDown/PageUp), ← and
//! PageUp step back, Esc leaves. Steps follow the reader's filters and search, so a teacher can
//! present one category.

use crate::core::view_state::{step_view, Action};
use crate::ui::ctx::Ctx;
use crate::ui::hooks::{listen, Listener};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Enters presentation mode (fullscreen when `fullscreen` and the browser allows it).
pub fn enter_present(ctx: Ctx, fullscreen: bool) {
    ctx.present.set(true);
    ctx.list.set(false);
    let root = ctx.root.get_value();
    let _ = root.set_attribute("data-mode", "present");
    if fullscreen {
        // Refused without a user gesture or inside an iframe without permission: the mode still
        // works in the page, only without fullscreen.
        let _ = root.request_fullscreen();
    }
    let start = ctx
        .selected
        .get_untracked()
        .filter(|i| ctx.steps().contains(i))
        .or_else(|| ctx.steps().first().copied());
    if let Some(i) = start {
        show_step(ctx, i);
    }
}

/// Leaves presentation mode and fullscreen.
pub fn leave_present(ctx: Ctx) {
    if !ctx.present.get_untracked() {
        return;
    }
    ctx.present.set(false);
    let root = ctx.root.get_value();
    let _ = root.remove_attribute("data-mode");
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}

/// Opens event `i` and moves the view to it.
fn show_step(ctx: Ctx, i: usize) {
    ctx.selected.set(Some(i));
    ctx.focus.set(i);
    let extent = ctx.model.with_value(|m| m.extent);
    let span = ctx.spans.with_value(|s| s[i]);
    ctx.go(step_view(span, extent));
}

/// Handles a presentation key; true when it was one.
pub fn handle_key(ctx: Ctx, ev: &web_sys::KeyboardEvent) -> bool {
    if !ctx.present.get_untracked() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return false;
    }
    let delta = match ev.key().as_str() {
        "ArrowRight" | "PageDown" | " " | "Spacebar" => 1,
        "ArrowLeft" | "PageUp" => -1,
        "Home" => isize::MIN / 2,
        "End" => isize::MAX / 2,
        "Escape" => {
            leave_present(ctx);
            ev.prevent_default();
            return true;
        }
        _ => return false,
    };
    // Space on a focused button would also click it: take it over.
    ev.prevent_default();
    ev.stop_propagation();
    ctx.dispatch(Action::Step(delta));
    true
}

/// While presenting, the widget owns the keyboard: a document listener (the focus may be
/// anywhere in fullscreen), removed on cleanup. Leaving fullscreen with the browser's own Esc
/// leaves the mode too.
pub fn use_presentation(ctx: Ctx) {
    let keys: StoredValue<Option<(Listener, Listener)>, LocalStorage> =
        StoredValue::new_local(None);
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let k = listen(doc.as_ref(), "keydown", false, move |ev| {
            if let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                if ctx.present.try_get_untracked() == Some(true) {
                    handle_key(ctx, ev);
                }
            }
        });
        let d = doc.clone();
        let f = listen(doc.as_ref(), "fullscreenchange", true, move |_| {
            if d.fullscreen_element().is_none() && ctx.present.try_get_untracked() == Some(true) {
                leave_present(ctx);
            }
        });
        keys.set_value(Some((k, f)));
    }
    on_cleanup(move || {
        let _ = keys.try_update_value(|k| k.take());
    });
}
