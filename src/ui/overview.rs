//! The whole range in miniature under the track, with the visible window as a handle to drag
//! and its edges to resize: pointer input turned into [`Action::Show`] for the core.

use crate::core::num::fixed;
use crate::core::prepared::anchor_of;
use crate::core::scale::View;
use crate::core::view_state::Action;
use crate::ui::ctx::Ctx;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How a press on the overview moves the window.
#[derive(Clone, Copy)]
enum OverviewDrag {
    /// Dragging the window: pointer x at the press and the view then.
    Move(f64, View),
    /// Dragging one edge of the window (true: the start edge).
    Resize(bool),
}

/// The whole range in miniature, with the visible window as a handle to drag; its edges resize it.
#[component]
pub fn Overview(ctx: Ctx) -> impl IntoView {
    let strip = NodeRef::<Div>::new();
    let extent = ctx.model.with_value(|m| m.extent);
    let pct = move |d: f64| (d - extent.start) / extent.span() * 100.0;
    let dragging: StoredValue<Option<OverviewDrag>> = StoredValue::new(None);
    let strip_w =
        move || strip.get_untracked().map(|s| s.get_bounding_client_rect().width()).unwrap_or(1.0);
    let strip_x = move |client_x: i32| {
        strip
            .get_untracked()
            .map(|s| f64::from(client_x) - s.get_bounding_client_rect().left())
            .unwrap_or(0.0)
    };
    let day_at = move |x: f64| extent.start + x / strip_w().max(1.0) * extent.span();
    let days: Vec<f64> = ctx.model.with_value(|m| m.bundle.events.iter().map(anchor_of).collect());
    let ticks: Vec<_> = days
        .iter()
        .step_by((days.len() / 400).max(1))
        .map(
            |d| view! { <span class="tl-overview__dot" style:left=format!("{}%", fixed(pct(*d), 3))></span> },
        )
        .collect_view();
    view! {
        <div
            class="tl-overview"
            class:tl-hidden=move || ctx.list.get()
            node_ref=strip
            aria-hidden="true"
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                let x = strip_x(ev.client_x());
                let edge = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.get_attribute("data-edge"));
                let drag = match edge.as_deref() {
                    Some("start") => OverviewDrag::Resize(true),
                    Some("end") => OverviewDrag::Resize(false),
                    _ => {
                        let v = ctx.view.get_untracked();
                        let day = day_at(x);
                        let v = if day < v.start || day > v.end { v.centred_on(day, extent) } else { v };
                        ctx.set_now(v);
                        OverviewDrag::Move(x, v)
                    }
                };
                dragging.set_value(Some(drag));
                if let Some(s) = strip.get_untracked() {
                    let _ = s.set_pointer_capture(ev.pointer_id());
                }
            }
            on:pointermove=move |ev: web_sys::PointerEvent| {
                let x = strip_x(ev.client_x());
                match dragging.get_value() {
                    Some(OverviewDrag::Move(x0, v0)) => {
                        let dd = (x - x0) / strip_w().max(1.0) * extent.span();
                        ctx.dispatch(Action::Show(View { start: v0.start + dd, end: v0.end + dd }));
                    }
                    Some(OverviewDrag::Resize(start_edge)) => {
                        let v = ctx.latest();
                        let min = extent.min_span();
                        let d = day_at(x);
                        let next = if start_edge {
                            View { start: d.min(v.end - min).max(extent.start), end: v.end }
                        } else {
                            View { start: v.start, end: d.max(v.start + min).min(extent.end) }
                        };
                        ctx.dispatch(Action::Show(next));
                    }
                    None => {}
                }
            }
            on:pointerup=move |_| dragging.set_value(None)
            on:pointercancel=move |_| dragging.set_value(None)
        >
            {ticks}
            <div
                class="tl-overview__window"
                style:left=move || format!("{}%", fixed(pct(ctx.view.get().start), 3))
                style:width=move || format!("{}%", fixed(ctx.view.get().span() / extent.span() * 100.0, 3))
            >
                <span class="tl-overview__handle tl-overview__handle--start" data-edge="start"></span>
                <span class="tl-overview__handle tl-overview__handle--end" data-edge="end"></span>
            </div>
        </div>
    }
}
