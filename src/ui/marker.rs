//! One row of the track: an event's marker button (icon, range bar, as much of its title as
//! the layout gives it) or a cluster's "+7" button.

use crate::core::i18n::{format_count, format_range};
use crate::core::layout::{
    label_box_px, Label, Placed, Shape, LABEL_OFFSET_PX, LABEL_PAD_PX, LEFT_GAP_PX, PRESENT_TEXT,
    ROOM_CHROME_PX,
};
use crate::core::num::fixed;
use crate::core::prepared::anchor_of;
use crate::core::view_state::Action;
use crate::ui::ctx::Ctx;
use leptos::prelude::*;
use std::sync::Arc;

/// One thing drawn on the track.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// An event's marker where the layout placed it, with as much of its title as it says.
    Event(Placed),
    Cluster {
        first_index: usize,
        count: usize,
        first: f64,
        last: f64,
        anchor: f64,
        lane: u16,
    },
}

impl Item {
    /// Stable per event, whatever its lane and label: a marker's row survives zooming across
    /// levels, a language change or a filter, so the focused marker keeps DOM focus.
    pub fn key(&self) -> (u8, usize, usize) {
        match *self {
            Item::Event(p) => (0, p.index, 0),
            Item::Cluster { first_index, count, .. } => (1, first_index, count),
        }
    }
}

/// One row of the track. An event's row is keyed by the event alone and reads its lane and
/// label from `visible` (a memo per row, so only rows whose placement changed are touched):
/// the same button lives on through zooms, filters and language changes.
pub fn render_item(
    ctx: Ctx,
    it: Item,
    visible: Memo<Vec<Item>>,
    shapes: Memo<Arc<Vec<Shape>>>,
) -> AnyView {
    let lang = ctx.lang;
    match it {
        Item::Event(Placed { index, .. }) => {
            type Place = Placed;
            let none: Place = Placed::bare(index, 0);
            let place = Memo::new(move |before: Option<&Place>| {
                visible.with(|v| {
                    let key = (0, index, 0);
                    match v.binary_search_by(|it| it.key().cmp(&key)) {
                        Ok(pos) => match v[pos] {
                            Item::Event(p) => p,
                            Item::Cluster { .. } => none,
                        },
                        // Leaving the DOM: keep what it shows until then.
                        Err(_) => before.copied().unwrap_or(none),
                    }
                })
            });
            // Read the event from the model by index: a row must not copy its summary and
            // excerpts.
            let (id, anchor, range_days, landmark, color, icon, end) = ctx.model.with_value(|m| {
                let e = &m.bundle.events[index];
                let c = &m.bundle.categories[e.category.min(m.bundle.categories.len() - 1)];
                let anchor = anchor_of(e);
                let range = e.is_range().then(|| f64::from(e.last_day()) + 1.0 - anchor);
                let (id, color) = (e.id.clone(), c.color.clone());
                (id, anchor, range, e.importance == 1, color, c.icon.name(), m.extent.end)
            });
            // Room from the marker to the end of the range, past which nothing can be seen:
            // labels and the hover name stop there instead of being cut mid-word.
            // Only where it can ever bite (within 800 px of the end at the whole range): a value
            // of --tl-ppd in a label's max-width re-lays the label out on every frame of a zoom.
            let span = ctx.model.with_value(|m| m.extent.span());
            let room = move || {
                let ppd_min = ctx.width.get() / span.max(1.0);
                ((end - anchor) * ppd_min < 800.0).then(|| {
                    format!("calc({} * var(--tl-ppd) * 1px - 28px)", fixed(end - anchor, 3))
                })
            };
            let title = move || {
                ctx.model.with_value(|m| m.title(&m.bundle.events[index], lang.get()).0.to_string())
            };
            let name = move || ctx.event_name(index, lang.get());
            let label = move || {
                let Placed { label, next, left, next_px, .. } = place.get();
                if !label.shown() {
                    return None;
                }
                let text = if ctx.present.get() { PRESENT_TEXT } else { 1.0 };
                let s = shapes.with(|s| s.get(index).copied());
                let (line, wrap) = s.map_or((0.0, 0.0), |s| (s.label_px, s.wrap_px));
                // A wrapped title gets the width it was laid out with; the browser breaks it.
                let width = (label == Label::Wrapped)
                    .then(|| format!("{}px", fixed(wrap * text + LABEL_PAD_PX, 1)));
                // A cut title reaches no further than its lane neighbour, at any zoom.
                let cut = (label == Label::Cut && next.is_finite()).then(|| {
                    format!(
                        "calc({} * var(--tl-ppd) * 1px - {}px)",
                        fixed(next - anchor, 3),
                        fixed(ROOM_CHROME_PX * text + next_px, 1)
                    )
                });
                // A range's title slides along its bar to stay on screen while any of the bar
                // is (it stops where its end meets the bar's).
                let stick = range_days.map(|d| {
                    let w = (if label == Label::Wrapped { wrap } else { line }) * text + LABEL_PAD_PX;
                    format!(
                        "max(0px, min(calc((var(--tl-v0) - {}) * var(--tl-ppd) * 1px - 9px), calc({} * var(--tl-ppd) * 1px - {}px)))",
                        fixed(anchor, 3),
                        fixed(d, 3),
                        fixed(LABEL_OFFSET_PX * text + w, 1)
                    )
                });
                // A title the layout put to the left of its marker (the end of the range is to
                // its right).
                let w = s.map_or(0.0, |s| label_box_px(&s, label, text));
                let shift = fixed(w + LABEL_OFFSET_PX * text + LEFT_GAP_PX * text, 1);
                let flip = left.then(|| format!("-{shift}px"));
                Some(view! {
                    <span
                        class="tl-marker__label"
                        class:tl-marker__label--wrap=label == Label::Wrapped
                        class:tl-marker__label--cut=label == Label::Cut
                        class:tl-marker__label--left=left
                        aria-hidden="true"
                        style:width=width
                        style:--tl-cut=cut
                        style:--tl-stick=stick
                        style:--tl-flip=flip
                    >
                        {title}
                    </span>
                })
            };
            view! {
                <button
                    type="button"
                    class="tl-marker"
                    class:tl-marker--range=range_days.is_some()
                    class:tl-marker--landmark=landmark
                    class:tl-marker--dim=move || !ctx.matching.get()[index]
                    data-event-id=id
                    data-lane=move || place.get().lane
                    tabindex=move || if ctx.focus_is.with_value(|f| f.selected(&index)) { "0" } else { "-1" }
                    aria-label=name
                    aria-haspopup="dialog"
                    aria-expanded=move || if ctx.open_is.with_value(|o| o.selected(&Some(index))) { "true" } else { "false" }
                    style:left=format!("calc(({} - var(--tl-v0)) * var(--tl-ppd) * 1px - 10px)", fixed(anchor, 3))
                    style:top=move || format!("calc({} * var(--tl-lane-h))", place.get().lane)
                    style:--tl-room=room
                    on:click=move |_| ctx.open(index)
                    on:focus=move |_| {
                        ctx.focus.set(index);
                        ctx.engaged.set(true);
                    }
                >
                    {range_days.map(|d| view! {
                        <span class="tl-marker__bar" aria-hidden="true"
                            style:background-color=color.clone()
                            style:width=format!("calc({} * var(--tl-ppd) * 1px)", fixed(d, 3))></span>
                    })}
                    <span class=format!("tl-marker__icon tl-icon--{icon}") aria-hidden="true"
                        style:background-color=color.clone()></span>
                    {label}
                </button>
            }
            .into_any()
        }
        Item::Cluster { count, first, last, anchor, lane, .. } => {
            let name = move || {
                let l = lang.get();
                let a = crate::core::date::PartialDate::from_day(first.floor() as i32);
                let b = crate::core::date::PartialDate::from_day((last - 1.0).floor() as i32);
                l.strings()
                    .cluster_label
                    .replace("{n}", &format_count(count as u64, l))
                    .replace("{range}", &format_range(&a, Some(&b), l))
            };
            view! {
                <button
                    type="button"
                    class="tl-cluster"
                    tabindex="-1"
                    aria-label=name
                    style:left=format!("calc(({} - var(--tl-v0)) * var(--tl-ppd) * 1px - 4px)", fixed(anchor, 3))
                    style:top=format!("calc({lane} * var(--tl-lane-h))")
                    on:click=move |_| {
                        ctx.dispatch(Action::Fit { first, last });
                    }
                >
                    {move || format!("+{}", format_count(count as u64, lang.get()))}
                </button>
            }
            .into_any()
        }
    }
}
