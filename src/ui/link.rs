//! Deep links and links from the host page.
//!
//! - The open event and the visible range live in the URL fragment (`#event=…&range=…`) when the
//!   widget owns the page's URL (`sync_hash`): restored on load, written as the reader moves
//!   (a new history entry per opened event, so Back returns to the previous one; the range is
//!   replaced in place), and re-applied on Back/Forward.
//! - `timeline:goto` (a `CustomEvent` whose `detail` is an event id, dispatched on the widget's
//!   root — `data-timeline-goto` links do it) opens the event and scrolls the widget into view.

use crate::core::deeplink::DeepLink;
use crate::ui::ctx::Ctx;
use crate::ui::hooks::{listen, Listener};
use crate::ui::motion::prefers_reduced_motion;
use crate::ui::present::enter_present;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// How a widget uses links.
#[derive(Clone, Debug, Default)]
pub struct LinkOptions {
    /// What the embedding asked for (iframe parameters `event`, `start`, `end`).
    pub initial: DeepLink,
    /// Whether this widget reads and writes the page's URL fragment.
    pub sync_hash: bool,
    /// Start in presentation mode (`mode=present`).
    pub present: bool,
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Applies a link: range first, then the event (which keeps the range when it is on screen).
fn apply(ctx: Ctx, link: &DeepLink) {
    if let Some(v) = link.view() {
        ctx.set_now(v);
    }
    match &link.event {
        Some(id) => {
            if !ctx.open_id(id) {
                ctx.selected.set(None);
            }
        }
        None => ctx.selected.set(None),
    }
}

pub fn use_links(ctx: Ctx, opts: LinkOptions) {
    let sync = opts.sync_hash;
    let mut start = opts.initial.clone();
    if sync {
        let from_hash = DeepLink::parse(&current_hash());
        if from_hash.event.is_some() || from_hash.range.is_some() {
            start = from_hash;
        }
    }
    // Wait for the first width so "reveal" knows the scale.
    let applied = StoredValue::new(false);
    let present = opts.present;
    Effect::new(move |_| {
        if ctx.width.get() > 0.0 && !applied.get_value() {
            applied.set_value(true);
            apply(ctx, &start);
            if present {
                enter_present(ctx, false);
            }
        }
    });

    let listeners: StoredValue<Vec<Listener>, LocalStorage> = StoredValue::new_local(Vec::new());
    let root = ctx.root.get_value();
    let r = root.clone();
    listeners.update_value(|l| {
        l.push(listen(root.as_ref(), "timeline:goto", true, move |ev| {
            let Some(id) =
                ev.dyn_ref::<web_sys::CustomEvent>().and_then(|c| c.detail().as_string())
            else {
                return;
            };
            if ctx.open_id(&id) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                if !prefers_reduced_motion() {
                    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                }
                r.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }));
    });

    if sync {
        if let Some(w) = web_sys::window() {
            listeners.update_value(|l| {
                l.push(listen(w.as_ref(), "popstate", true, move |_| {
                    apply(ctx, &DeepLink::parse(&current_hash()));
                }));
            });
        }
        // Write the URL once the view settles.
        let timer: StoredValue<Option<gloo::timers::callback::Timeout>, LocalStorage> =
            StoredValue::new_local(None);
        let last_event: StoredValue<Option<String>> = StoredValue::new(None);
        Effect::new(move |_| {
            let sel = ctx.selected.get();
            let v = ctx.view.get();
            if !applied.get_value() {
                return;
            }
            let t = gloo::timers::callback::Timeout::new(400, move || {
                let id = sel.map(|i| ctx.event_id(i));
                let frag = DeepLink::of(id.as_deref(), Some(v)).to_fragment();
                if frag == current_hash() {
                    return;
                }
                let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
                    return;
                };
                let url = format!("#{frag}");
                let new_event = id.is_some() && last_event.try_get_value().flatten() != id;
                let _ = if new_event {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                };
                let _ = last_event.try_set_value(id);
            });
            timer.set_value(Some(t));
        });
        on_cleanup(move || {
            let _ = timer.try_update_value(|t| t.take());
        });
    }
    on_cleanup(move || {
        let _ = listeners.try_update_value(|l| l.clear());
    });
}
