//! The timeline proper: axis, eras, markers, overview, and every input that moves the view.
//!
//! The view state (visible window, width, selection, keyboard focus) lives in signals; scale,
//! ticks and layout are derived from it in memos by the pure core. Positions are CSS `calc()`
//! expressions of two custom properties on the viewport (`--tl-v0`, the first visible day, and
//! `--tl-ppd`, pixels per day), so panning and zooming write two properties instead of touching
//! every marker.

use crate::core::cull::Culler;
use crate::core::i18n::{format_count, format_range, Lang};
use crate::core::layout::{
    self, level_of, Label, Layout, Shape, LABEL_OFFSET_PX, LABEL_PAD_PX, PRESENT_TEXT,
    ROOM_CHROME_PX,
};
use crate::core::num::{fixed, parse_px};
use crate::core::prepared::{anchor_of, Prepared};
use crate::core::scale::{wheel_factor, View};
use crate::core::ticks::axis;
use crate::core::view_state::Action;
use crate::ui::ctx::{request_focus, Ctx};
use crate::ui::hooks::{listen, use_element_size, Listener};
use crate::ui::link::{use_links, LinkOptions};
use crate::ui::list_view::ListView;
use crate::ui::measure::Measure;
use crate::ui::popover::Popover;
use crate::ui::present::use_presentation;
use crate::ui::text::tr;
use crate::ui::toolbar::Toolbar;
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Lanes of markers above the cluster row, at the default height; a taller or shorter track
/// (`data-height`) gets as many as fit.
const DEFAULT_LANES: u16 = 6;
/// Pixels above the first lane (axis labels) and below the last (era labels).
const TRACK_CHROME_PX: f64 = 56.0;
/// How far outside the view (in px) items stay in the DOM, so short pans add nothing.
const CULL_MARGIN_PX: f64 = 400.0;
/// Movement (px) before a press becomes a drag rather than a click.
const DRAG_THRESHOLD_PX: f64 = 4.0;

/// Layouts kept for zooming back: every level of the range in two languages, with room to
/// spare, while a 100 000-event bundle's layouts (about 2 MB each) stay bounded.
const LAYOUT_CACHE: usize = 32;

/// What a layout depends on: language (label widths), zoom level, hidden categories, lanes and
/// whether labels are drawn large (presentation mode).
type LayoutKey = (Lang, i32, Vec<bool>, u16, bool);

/// One thing drawn on the track.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Item {
    /// An event's marker, in `lane`, with as much of its title as `label` says; `next` is the
    /// anchor day of its lane neighbour (how far a cut label may grow).
    Event {
        index: usize,
        lane: u16,
        label: Label,
        next: f64,
    },
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
    fn key(&self) -> (u8, usize, usize) {
        match *self {
            Item::Event { index, .. } => (0, index, 0),
            Item::Cluster { first_index, count, .. } => (1, first_index, count),
        }
    }
}

/// A layout with its index for culling, cached together per level.
#[derive(Debug, PartialEq)]
struct Placement {
    layout: Layout,
    culler: Culler,
}

#[component]
pub fn Timeline(
    model: Arc<Prepared>,
    lang: RwSignal<Lang>,
    root: StoredValue<web_sys::HtmlElement, LocalStorage>,
    wheel_zoom: bool,
    #[prop(optional)] links: Option<LinkOptions>,
) -> impl IntoView {
    static NEXT_UID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let uid = NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let ctx = Ctx::new(model.clone(), lang, root, uid);
    use_links(ctx, links.unwrap_or_default());
    use_presentation(ctx);
    let Ctx { view, width, focus, included, matching, .. } = ctx;
    let viewport = NodeRef::<Div>::new();
    let height = RwSignal::new(0.0);
    use_element_size(viewport, width, height);
    let max_lanes = Memo::new(move |_| {
        let h = height.get();
        // The lane height is the stylesheet's (--tl-lane-h: 34px, 44px on touch screens).
        let lane_h = viewport
            .get_untracked()
            .and_then(|el| web_sys::window()?.get_computed_style(&el).ok().flatten())
            .and_then(|cs| cs.get_property_value("--tl-lane-h").ok())
            .and_then(|v| parse_px(&v))
            .filter(|v| *v >= 16.0)
            .unwrap_or(34.0);
        if h <= 0.0 {
            DEFAULT_LANES
        } else {
            // One row is kept for clusters.
            (((h - TRACK_CHROME_PX) / lane_h).floor() as i64 - 1).clamp(1, 24) as u16
        }
    });

    // Derived state: shapes per language, layout per zoom level (cached), visible items.
    // Titles measured in the widget's font, once per language.
    let m = model.clone();
    let shapes = Memo::new(move |_| {
        let l = lang.get();
        let el = viewport.get_untracked();
        let mut measure = Measure::new(el.as_ref().map(|e| e.as_ref()), m.bundle.events.len());
        Arc::new(m.shapes_with(l, |title, bold| measure.title(title, bold)))
    });
    let level = Memo::new(move |_| {
        let w = width.get();
        if w > 0.0 {
            level_of(view.get().px_per_day(w))
        } else {
            0
        }
    });
    // Layouts are cached per (language, level, filter): zooming back and forth costs nothing.
    // A short list, newest last: a reader visits a few dozen levels and filters at most, and
    // a list needs no hashing code in the wasm.
    let cache: StoredValue<Vec<(LayoutKey, Arc<Placement>)>> = StoredValue::new(Vec::new());
    let current_layout = Memo::new(move |_| {
        let key = (lang.get(), level.get(), ctx.hidden.get(), max_lanes.get(), ctx.present.get());
        if let Some(l) =
            cache.with_value(|c| c.iter().find(|(k, _)| *k == key).map(|e| e.1.clone()))
        {
            return l;
        }
        let all = shapes.get();
        let subset: Vec<_> = included.get().iter().map(|&i| all[i]).collect();
        let text = if key.4 { PRESENT_TEXT } else { 1.0 };
        // Two-line titles need the normal lane height: not in presentation mode.
        let mut l = layout::layout_with(&subset, key.1, key.3, text, !key.4);
        // Back from positions in the subset to event indices.
        let inc = included.get_untracked();
        for p in &mut l.placed {
            p.index = inc[p.index];
        }
        for c in &mut l.clusters {
            for i in &mut c.indices {
                *i = inc[*i];
            }
        }
        let culler = Culler::new(&l, &all);
        let l = Arc::new(Placement { layout: l, culler });
        cache.update_value(|c| {
            if c.len() >= LAYOUT_CACHE {
                c.remove(0);
            }
            c.push((key, l.clone()));
        });
        l
    });
    let visible = Memo::new(move |_| {
        let w = width.get();
        if w <= 0.0 {
            return Vec::new();
        }
        let v = view.get();
        let pl = current_layout.get();
        let l = &pl.layout;
        let shapes = shapes.get();
        let ppd_now = v.px_per_day(w);
        let lo = v.start - CULL_MARGIN_PX / ppd_now;
        let hi = v.end + CULL_MARGIN_PX / ppd_now;
        let mut items: Vec<Item> = pl
            .culler
            .visible(l, &shapes, lo, hi, ppd_now)
            .into_iter()
            .map(|pos| {
                let p = l.placed[pos];
                Item::Event { index: p.index, lane: p.lane, label: p.label, next: p.next }
            })
            .collect();
        let cluster_lane = l.lanes.max(1);
        for c in &l.clusters {
            if c.last >= lo && c.first <= hi {
                // A "cluster" of one is just an event without room for its label.
                if let [only] = c.indices[..] {
                    let next = f64::INFINITY;
                    items.push(Item::Event {
                        index: only,
                        lane: cluster_lane,
                        label: Label::Bare,
                        next,
                    });
                    continue;
                }
                items.push(Item::Cluster {
                    first_index: c.indices[0],
                    count: c.indices.len(),
                    first: c.first,
                    last: c.last,
                    anchor: c.anchor,
                    lane: cluster_lane,
                });
            }
        }
        // The keyboard's event is always rendered, on screen or not, folded into a cluster or
        // not: zooming, panning, filtering or a language change never take DOM focus from it.
        let focus_i = focus.get();
        let shown =
            items.iter().any(|it| matches!(it, Item::Event { index, .. } if *index == focus_i));
        if !shown && focus_i < shapes.len() && included.get().binary_search(&focus_i).is_ok() {
            let item = match l.placed.binary_search_by_key(&focus_i, |p| p.index) {
                Ok(pos) => {
                    let p = l.placed[pos];
                    Item::Event { index: p.index, lane: p.lane, label: p.label, next: p.next }
                }
                Err(_) => Item::Event {
                    index: focus_i,
                    lane: cluster_lane,
                    label: Label::Bare,
                    next: f64::INFINITY,
                },
            };
            items.push(item);
        }
        crate::core::order::sorted_by(items, &|a, b| a.key().cmp(&b.key()))
    });
    let ticks = Memo::new(move |_| {
        let w = width.get();
        if w <= 0.0 {
            None
        } else {
            Some(axis(view.get(), w, lang.get()))
        }
    });

    // Scale variables on the viewport: the only writes a pan or zoom needs.
    Effect::new(move |_| {
        let v = view.get();
        let w = width.get();
        if let Some(el) = viewport.get() {
            let style = web_sys::HtmlElement::style(&el);
            let _ = style.set_property("--tl-v0", &fixed(v.start, 4));
            let _ =
                style.set_property("--tl-ppd", &fixed(if w > 0.0 { w / v.span() } else { 0.0 }, 6));
        }
    });

    // Wheel: Ctrl/⌘ + wheel (and trackpad pinch, which Chrome reports as Ctrl + wheel) zooms;
    // horizontal wheel and Shift + wheel pan; a plain vertical wheel is left to the page.
    let wheel: StoredValue<Option<Listener>, LocalStorage> = StoredValue::new_local(None);
    let hint = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(el) = viewport.get() else { return };
        let target: &web_sys::EventTarget = el.as_ref();
        let l = listen(target, "wheel", false, move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() else { return };
            let w = width.get_untracked();
            if w <= 0.0 {
                return;
            }
            let unit = match ev.delta_mode() {
                1 => 16.0,
                2 => w,
                _ => 1.0,
            };
            let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
            let v = ctx.latest();
            let extent = ctx.model.with_value(|m| m.extent);
            if ev.ctrl_key()
                || ev.meta_key()
                || (wheel_zoom && !ev.shift_key() && dy.abs() > dx.abs())
            {
                ev.prevent_default();
                let x = f64::from(ev.offset_x());
                let x = local_x(&ev.clone().into(), x);
                ctx.set_soon(v.zoom_at(x, w, wheel_factor(dy), extent));
            } else if ev.shift_key() || dx.abs() > dy.abs() {
                ev.prevent_default();
                let d = if ev.shift_key() && dx == 0.0 { dy } else { dx };
                ctx.set_soon(v.pan_px(-d, w, extent));
            } else {
                hint.set(true);
            }
        });
        wheel.set_value(Some(l));
    });
    on_cleanup(move || {
        let _ = wheel.try_update_value(|w| w.take());
    });

    // Pointer: drag pans, two pointers pinch-zoom; a drag suppresses the click that ends it.
    let pointers: StoredValue<Vec<(i32, f64)>> = StoredValue::new(Vec::new());
    let drag: StoredValue<Option<(f64, View, bool)>> = StoredValue::new(None);
    let pinch: StoredValue<Option<(f64, f64, View)>> = StoredValue::new(None);
    let suppress_click = StoredValue::new(false);
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let x = viewport_x(viewport, ev.client_x());
        pointers.update_value(|p| {
            p.retain(|(id, _)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), x));
        });
        suppress_click.set_value(false);
        let ps = pointers.get_value();
        if ps.len() == 2 {
            let d = (ps[0].1 - ps[1].1).abs().max(1.0);
            pinch.set_value(Some((d, (ps[0].1 + ps[1].1) / 2.0, view.get_untracked())));
            drag.set_value(None);
        } else {
            drag.set_value(Some((x, view.get_untracked(), false)));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let x = viewport_x(viewport, ev.client_x());
        pointers.update_value(|p| {
            if let Some(e) = p.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                e.1 = x;
            }
        });
        let w = width.get_untracked();
        let extent = ctx.model.with_value(|m| m.extent);
        if let Some((d0, centre, v0)) = pinch.get_value() {
            let ps = pointers.get_value();
            if ps.len() == 2 {
                let d = (ps[0].1 - ps[1].1).abs().max(1.0);
                ctx.set_soon(v0.zoom_at(centre, w, d / d0, extent));
            }
            return;
        }
        if let Some((x0, v0, moving)) = drag.get_value() {
            let dx = x - x0;
            if moving || dx.abs() > DRAG_THRESHOLD_PX {
                if !moving {
                    if let Some(el) = viewport.get_untracked() {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                    drag.set_value(Some((x0, v0, true)));
                    suppress_click.set_value(true);
                }
                ctx.set_soon(v0.pan_px(dx, w, extent));
            }
        }
    };
    // Double-tap zooms in on touch screens (mobile browsers do not always send dblclick).
    let last_tap: StoredValue<Option<(f64, f64)>> = StoredValue::new(None);
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, _)| *id != ev.pointer_id()));
        if pointers.with_value(|p| p.len() < 2) {
            pinch.set_value(None);
        }
        let was_drag = drag.get_value().is_some_and(|d| d.2);
        drag.set_value(None);
        if ev.pointer_type() == "touch" && !was_drag {
            let x = viewport_x(viewport, ev.client_x());
            let t = ev.time_stamp();
            match last_tap.get_value() {
                Some((t0, x0)) if t - t0 < 320.0 && (x - x0).abs() < 30.0 => {
                    last_tap.set_value(None);
                    let w = width.get_untracked();
                    let extent = ctx.model.with_value(|m| m.extent);
                    ctx.go(view.get_untracked().zoom_at(x, w, 2.0, extent));
                }
                _ => last_tap.set_value(Some((t, x))),
            }
        }
    };
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        let x = viewport_x(viewport, ev.client_x());
        let w = width.get_untracked();
        let extent = ctx.model.with_value(|m| m.extent);
        ctx.go(view.get_untracked().zoom_at(x, w, 2.0, extent));
    };

    // Keyboard: +/- zoom, Shift + arrows pan, arrows/Home/End walk the events (roving focus).
    // Keyboard: +/- zoom (around the focused event when on a marker), Shift + arrows pan,
    // arrows/Home/End walk the events (roving focus). Each key is one action of the core's
    // view state machine; DOM focus then follows the tab stop.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ctx.present.get_untracked() {
            return; // the presentation's own keys
        }
        let key = ev.key();
        let on_marker = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.closest(".tl-track").ok().flatten().is_some());
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let action = match key.as_str() {
            "+" | "=" => Action::Zoom { factor: 2.0, on_focus: on_marker },
            "-" | "_" => Action::Zoom { factor: 0.5, on_focus: on_marker },
            "ArrowLeft" if ev.shift_key() => Action::PanStep { dir: -1 },
            "ArrowRight" if ev.shift_key() => Action::PanStep { dir: 1 },
            "ArrowRight" | "ArrowDown" if on_marker => Action::Walk(1),
            "ArrowLeft" | "ArrowUp" if on_marker => Action::Walk(-1),
            "Home" if on_marker => Action::First,
            "End" if on_marker => Action::Last,
            _ => return,
        };
        ev.prevent_default();
        let out = ctx.dispatch(action);
        if on_marker {
            request_focus(ctx, out.state.focus);
        }
    };

    // A filter or search that hides the focused event moves the tab stop to the nearest event
    // left, says so, and keeps keyboard focus on the track if it was there.
    Effect::new(move |prev: Option<()>| {
        included.track();
        ctx.matching.track();
        if prev.is_none() {
            return;
        }
        let out = ctx.dispatch(Action::Refilter);
        if !out.refocused {
            return;
        }
        let l = lang.get_untracked();
        let name = ctx.event_name(out.state.focus, l);
        ctx.notice.set(l.strings().focus_moved.replace("{name}", &name));
        let lost = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_none_or(|a| {
                a.tag_name().eq_ignore_ascii_case("body")
                    || a.closest(".tl-track").ok().flatten().is_some()
            });
        if lost && ctx.engaged.get_untracked() {
            request_focus(ctx, out.state.focus);
        }
    });

    let strings = move || lang.get().strings();
    let _ = matching;
    let label_for_view = move || {
        let v = view.get();
        let a = crate::core::date::PartialDate::from_day(v.start.floor() as i32);
        let b = crate::core::date::PartialDate::from_day((v.end - 1.0).floor() as i32);
        let l = lang.get();
        let month = |d: &crate::core::date::PartialDate| {
            format!("{} {}", crate::core::i18n::month_name(l, d.month.unwrap_or(1)), d.year)
        };
        format!("{} {} – {}", strings().showing, month(&a), month(&b))
    };
    // Announced politely, once the view has settled (not on every frame of a drag or zoom).
    let announced = RwSignal::new(String::new());
    let settle: StoredValue<Option<gloo::timers::callback::Timeout>, LocalStorage> =
        StoredValue::new_local(None);
    Effect::new(move |prev: Option<()>| {
        let text = label_for_view();
        if prev.is_none() {
            return; // not on load: the title says what is shown
        }
        let t = gloo::timers::callback::Timeout::new(700, move || {
            let _ = announced.try_set(text);
        });
        settle.set_value(Some(t));
    });

    let eras = model.bundle.eras.clone();
    let era_views = eras
        .into_iter()
        .enumerate()
        .map(|(i, era)| {
            let (a, b) = (f64::from(era.start.first_day()), f64::from(era.end.last_day()) + 1.0);
            let label = era.label.clone();
            let fallbacks = model.fallbacks.clone();
            view! {
                <div
                    class="tl-era"
                    class:tl-era--odd=i % 2 == 1
                    style:left=format!("calc(({} - var(--tl-v0)) * var(--tl-ppd) * 1px)", fixed(a, 3))
                    style:width=format!("calc({} * var(--tl-ppd) * 1px)", fixed(b - a, 3))
                >
                    <span class="tl-era__label">
                        {move || label.pick(lang.get().code(), &fallbacks).map(|p| p.0.to_string()).unwrap_or_default()}
                    </span>
                </div>
            }
        })
        .collect_view();

    view! {
        <Toolbar ctx=ctx label=label_for_view />
        <div
            class="tl-viewport"
            class:tl-hidden=move || ctx.list.get()
            node_ref=viewport
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:dblclick=on_dblclick
            on:keydown=on_keydown
            on:click:capture=move |ev: web_sys::MouseEvent| {
                if suppress_click.get_value() {
                    suppress_click.set_value(false);
                    ev.stop_propagation();
                    ev.prevent_default();
                }
            }
        >
            <div class="tl-eras" aria-hidden="true">{era_views}</div>
            <div class="tl-axis" aria-hidden="true">
                <For
                    each=move || ticks.get().map(|a| a.ticks).unwrap_or_default()
                    key=|t| (t.day, t.label.clone())
                    let:t
                >
                    <div
                        class="tl-tick"
                        class:tl-tick--major=t.major
                        style:left=format!("calc(({} - var(--tl-v0)) * var(--tl-ppd) * 1px)", t.day)
                    >
                        <span class="tl-tick__label">{t.label.clone()}</span>
                    </div>
                </For>
                {move || ticks.get().map(|a| a.context).filter(|c| !c.is_empty()).map(|c| view! {
                    <span class="tl-axis__context">{c}</span>
                })}
            </div>
            <div class="tl-track" role="group" aria-label=tr(lang, |s| s.events)>
                <For each=move || visible.get() key=|it| it.key() let:it>
                    {render_item(ctx, it, visible, shapes)}
                </For>
            </div>
        </div>
        <Overview ctx=ctx />
        <ListView ctx=ctx />
        <p class="tl-hint" class:tl-hint--shown=move || hint.get() class:tl-hidden=move || ctx.list.get()>
            <span class="tl-hint__wheel">{tr(lang, |s| s.wheel_hint)}</span>
            <span class="tl-hint__touch">{tr(lang, |s| s.touch_hint)}</span>
        </p>
        <div class="tl-sr-only" aria-live="polite" aria-atomic="true">{move || announced.get()}</div>
        <div class="tl-sr-only" aria-live="polite" aria-atomic="true">{move || ctx.notice.get()}</div>
        <Popover ctx=ctx />
    }
}

/// The x of a pointer relative to the viewport's left edge.
fn viewport_x(viewport: NodeRef<Div>, client_x: i32) -> f64 {
    viewport
        .get_untracked()
        .map(|el| f64::from(client_x) - el.get_bounding_client_rect().left())
        .unwrap_or(0.0)
}

/// A wheel event's x relative to the viewport (its target may be a marker inside it).
fn local_x(ev: &web_sys::Event, fallback: f64) -> f64 {
    let me = ev.dyn_ref::<web_sys::MouseEvent>();
    let target = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    match (me, target) {
        (Some(me), Some(t)) => f64::from(me.client_x()) - t.get_bounding_client_rect().left(),
        _ => fallback,
    }
}

/// One row of the track. An event's row is keyed by the event alone and reads its lane and
/// label from `visible` (a memo per row, so only rows whose placement changed are touched):
/// the same button lives on through zooms, filters and language changes.
fn render_item(
    ctx: Ctx,
    it: Item,
    visible: Memo<Vec<Item>>,
    shapes: Memo<Arc<Vec<Shape>>>,
) -> AnyView {
    let lang = ctx.lang;
    match it {
        Item::Event { index, .. } => {
            let place = Memo::new(move |prev: Option<&(u16, Label, f64)>| {
                visible.with(|v| {
                    let key = (0, index, 0);
                    match v.binary_search_by(|it| it.key().cmp(&key)) {
                        Ok(pos) => match v[pos] {
                            Item::Event { lane, label, next, .. } => (lane, label, next),
                            Item::Cluster { .. } => (0, Label::Bare, f64::INFINITY),
                        },
                        // Leaving the DOM: keep what it shows until then.
                        Err(_) => prev.copied().unwrap_or((0, Label::Bare, f64::INFINITY)),
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
            let room = format!("calc({} * var(--tl-ppd) * 1px - 28px)", fixed(end - anchor, 3));
            let title = move || {
                ctx.model.with_value(|m| m.title(&m.bundle.events[index], lang.get()).0.to_string())
            };
            let name = move || ctx.event_name(index, lang.get());
            let label = move || {
                let (_, label, next) = place.get();
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
                        fixed(ROOM_CHROME_PX * text, 1)
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
                Some(view! {
                    <span
                        class="tl-marker__label"
                        class:tl-marker__label--wrap=label == Label::Wrapped
                        class:tl-marker__label--cut=label == Label::Cut
                        aria-hidden="true"
                        style:width=width
                        style:--tl-cut=cut
                        style:--tl-stick=stick
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
                    data-lane=move || place.get().0
                    tabindex=move || if ctx.focus.get() == index { "0" } else { "-1" }
                    aria-label=name
                    aria-haspopup="dialog"
                    aria-expanded=move || if ctx.selected.get() == Some(index) { "true" } else { "false" }
                    style:left=format!("calc(({} - var(--tl-v0)) * var(--tl-ppd) * 1px - 10px)", fixed(anchor, 3))
                    style:top=move || format!("calc({} * var(--tl-lane-h))", place.get().0)
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
fn Overview(ctx: Ctx) -> impl IntoView {
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
                        ctx.set_soon(View { start: v0.start + dd, end: v0.end + dd });
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
                        ctx.set_soon(next);
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
