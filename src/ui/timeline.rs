//! The timeline proper: axis, eras, markers, overview, and every input that moves the view.
//!
//! The view state (visible window, width, selection, keyboard focus) lives in signals; scale,
//! ticks and layout are derived from it in memos by the pure core. Markers sit at fixed
//! percentages of one layer that a zoom moves and stretches (`core::scale::Layer`), written as
//! plain DOM by `marker::Rows`; ticks and eras sit at fixed percentages of strips that move
//! with it. Two custom properties on the viewport read by `calc()` in every element were
//! tried first: one write per frame, but a custom property changed on an ancestor restyles every
//! element below it (`bench/profile.mjs`; see docs/developers.md).

use crate::core::cull::Culler;
use crate::core::i18n::Lang;
use crate::core::layout::{self, level_of, Layout, Placed, PRESENT_TEXT};
use crate::core::num::{fixed, parse_px};
use crate::core::prepared::Prepared;
use crate::core::scale::Layer;
use crate::core::ticks::axis;
use crate::core::view_state::Action;
use crate::ui::ctx::{request_focus, Ctx};
use crate::ui::hooks::{
    use_drag_pan, use_element_size, use_wheel_zoom_with_options, UseDragPanReturn,
    UseWheelZoomOptions, UseWheelZoomReturn,
};
use crate::ui::link::{use_links, LinkOptions};
use crate::ui::list_view::ListView;
use crate::ui::marker::{Frame, Hit, Item, Rows};
use crate::ui::measure::Measure;
use crate::ui::overview::Overview;
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
const DEFAULT_LANES: u16 = 9;
/// Pixels above the first lane (axis labels) and below the last (era labels).
const TRACK_CHROME_PX: f64 = 56.0;
/// How far outside the view (in px) items stay in the DOM, so short pans add nothing.
const CULL_MARGIN_PX: f64 = 150.0;

/// Layouts kept for zooming back: every level of the range in two languages, with room to
/// spare, while a 100 000-event bundle's layouts (about 2 MB each) stay bounded.
const LAYOUT_CACHE: usize = 32;

/// How long the scale must rest before the level it rests at is laid out (a coarser stand-in
/// shows meanwhile): longer than the gap between a wheel's or a trackpad's zoom events, short
/// enough that titles fill in as the reader's eye settles.
const LAYOUT_PAUSE_MS: u32 = 160;

/// How many levels (half octaves) a zoom in may cross with titles keeping their lanes: one
/// octave, a zoom button's or key's step.
const KEEP_LANES_LEVELS: i32 = 2;

/// What a layout depends on: language (label widths), zoom level, hidden categories, lanes and
/// whether labels are drawn large (presentation mode).
/// The last is the scale it is fitted at (bits of an f64: the level's, or at the whole range
/// the widest view's, which depends on the width).
/// Then the window of the level laid out (`layout::window_of`), `None` for the whole range.
type LayoutKey = (Lang, i32, Vec<bool>, u16, bool, u64, Option<i64>);

/// A layout with its index for culling, cached together per level.
#[derive(Debug)]
struct Placement {
    layout: Layout,
    culler: Culler,
    /// The days laid out (infinite for the whole range).
    lo: f64,
    hi: f64,
}

/// A cached layout as the memo hands it on: equal when it is the same one. (Comparing the
/// contents compared every placement of the old and the new layout at each level crossed.)
#[derive(Clone, Debug)]
struct Shared(Arc<Placement>);

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Placement;
    fn deref(&self) -> &Placement {
        &self.0
    }
}

#[component]
pub fn Timeline(
    model: Arc<Prepared>,
    lang: RwSignal<Lang>,
    root: StoredValue<web_sys::HtmlElement, LocalStorage>,
    wheel_zoom: bool,
    #[prop(optional)] links: Option<LinkOptions>,
    /// Set once the track has been drawn at the viewport's measured width.
    #[prop(optional)]
    drawn: Option<RwSignal<bool>>,
) -> impl IntoView {
    static NEXT_UID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let uid = NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let ctx = Ctx::new(model.clone(), lang, root, uid);
    use_links(ctx, links.unwrap_or_default());
    use_presentation(ctx);
    let Ctx { view, width, focus, included, matching, .. } = ctx;
    let viewport = NodeRef::<Div>::new();
    let height = RwSignal::new(0.0);
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
            (((h - TRACK_CHROME_PX) / lane_h).round() as i64 - 1).clamp(1, 24) as u16
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
    // The first size is read two tasks after the mount, the titles measured in the task
    // between (see `use_element_size`).
    let measured = use_element_size(viewport, width, height, move || shapes.with_untracked(|_| ()));
    let level = Memo::new(move |_| {
        let w = width.get();
        if w > 0.0 {
            level_of(view.get().px_per_day(w))
        } else {
            0
        }
    });
    // During a wheel or pinch zoom, a coarser layout already made stands in
    // (`layout::stand_in`); the level's own is made once the gesture has rested for
    // `LAYOUT_PAUSE_MS`. `gestures` counts the gesture's zoom steps, `paused` is the count a
    // rest was last seen at. Discrete zooms (buttons, keys, links, a double click) are laid out
    // exactly at once: a reader who asked for one view looks at it at once.
    let gestures: StoredValue<u32> = StoredValue::new(0);
    let paused = RwSignal::new(0u32);
    // Layouts are cached per (language, level, filter): zooming back and forth costs nothing.
    // A short list, newest last: a reader visits a few dozen levels and filters at most, and
    // a list needs no hashing code in the wasm.
    let cache: StoredValue<Vec<(LayoutKey, Shared)>> = StoredValue::new(Vec::new());
    let m2 = model.clone();
    let extent = model.extent;
    let window = Memo::new(move |_| {
        let (w, v) = (width.get(), view.get());
        let min_ppd = w / extent.span().max(1.0);
        layout::window_of(
            level.get(),
            min_ppd,
            w,
            (extent.start, extent.end),
            (v.start + v.end) / 2.0,
        )
    });
    let current_layout = Memo::new(move |prev: Option<&Shared>| {
        let lv = level.get();
        let zooming = paused.get() != gestures.get_value();
        let min_ppd = width.get() / m2.extent.span().max(1.0);
        let fitted = layout::fitted_ppd(lv, min_ppd);
        let win = window.get();
        let key = (
            lang.get(),
            lv,
            ctx.hidden.get(),
            max_lanes.get(),
            ctx.present.get(),
            fitted.to_bits(),
            win.map(|w| w.0),
        );
        let (lo, hi) = win.map_or((f64::NEG_INFINITY, f64::INFINITY), |w| (w.1, w.2));
        if let Some(l) =
            cache.with_value(|c| c.iter().find(|(k, _)| *k == key).map(|e| e.1.clone()))
        {
            return l;
        }
        if zooming {
            let stand_in = cache.with_value(|c| {
                let same = |k: &LayoutKey| (k.0, &k.2, k.3, k.4) == (key.0, &key.2, key.3, key.4);
                let fit = |e: &&(LayoutKey, Shared)| same(&e.0) && e.1.lo <= lo && e.1.hi >= hi;
                let level = layout::stand_in(lv, c.iter().filter(fit).map(|e| e.0 .1))?;
                let covers = |p: &Shared| p.lo <= lo && p.hi >= hi;
                c.iter()
                    .rev()
                    .find(|e| same(&e.0) && e.0 .1 == level && covers(&e.1))
                    .map(|e| e.1.clone())
            });
            if let Some(l) = stand_in {
                return l;
            }
        }
        let all = shapes.get();
        // The events of the window: deep in a large bundle, a few hundred of many thousands.
        let inc: Vec<usize> = included
            .get()
            .iter()
            .copied()
            .filter(|&i| all[i].end >= lo && all[i].anchor <= hi)
            .collect();
        let subset: Vec<_> = inc.iter().map(|&i| all[i]).collect();
        let text = if key.4 { PRESENT_TEXT } else { 1.0 };
        // Two-line titles need the normal lane height: not in presentation mode.
        let end = m2.extent.end;
        // Zooming in by up to an octave or panning to another window, titles keep the lanes
        // they had where they fit (`layout_keeping`); the layout is then cached, so zooming
        // back out finds it again. Not from further out: the whole range spreads a year's few
        // titles over all nine rows, which a view of that year would keep with empty rows
        // between them, and the reader who jumped there saw none of those rows.
        let prefer: Vec<Option<u16>> = match prev {
            Some(p) if p.layout.level <= lv && lv - p.layout.level <= KEEP_LANES_LEVELS => {
                let placed = &p.layout.placed;
                let lane_of = |i: usize| {
                    placed.binary_search_by_key(&i, |q| q.index).ok().map(|k| placed[k].lane)
                };
                inc.iter().map(|&i| lane_of(i)).collect()
            }
            _ => Vec::new(),
        };
        let wrap = !key.4;
        let mut l =
            layout::layout_keeping(&subset, key.1, min_ppd, key.3, text, wrap, end, &prefer);
        // Back from positions in the subset to event indices.
        for p in &mut l.placed {
            p.index = inc[p.index];
        }
        for c in &mut l.clusters {
            for i in &mut c.indices {
                *i = inc[*i];
            }
        }
        let culler = Culler::new(&l, &all);
        let l = Shared(Arc::new(Placement { layout: l, culler, lo, hi }));
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
        let mut drawn: Vec<Placed> = pl
            .culler
            .visible(l, &shapes, lo, hi, ppd_now)
            .into_iter()
            .map(|pos| l.placed[pos])
            .collect();
        layout::flip_at_view_edge(&mut drawn, &shapes, (v.start, v.end), ppd_now, l.text);
        let mut items: Vec<Item> = drawn.into_iter().map(Item::Event).collect();
        let cluster_lane = l.lanes.max(1);
        for c in &l.clusters {
            if c.last >= lo && c.first <= hi {
                // A "cluster" of one is just an event without room for its label.
                if let [only] = c.indices[..] {
                    items.push(Item::Event(Placed::bare(only, cluster_lane)));
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
        let shown = items.iter().any(|it| matches!(it, Item::Event(p) if p.index == focus_i));
        if !shown && focus_i < shapes.len() && included.get().binary_search(&focus_i).is_ok() {
            let item = match l.placed.binary_search_by_key(&focus_i, |p| p.index) {
                Ok(pos) => Item::Event(l.placed[pos]),
                // Folded into a cluster: drawn on the cluster row only once the reader has put
                // focus on the track (before that it would sit on the cluster's "+7").
                Err(_) if ctx.engaged.get() => Item::Event(Placed::bare(focus_i, cluster_lane)),
                Err(_) => {
                    return crate::core::order::sorted_by(items, &|a, b| a.key().cmp(&b.key()))
                }
            };
            items.push(item);
        }
        crate::core::order::sorted_by(items, &|a, b| a.key().cmp(&b.key()))
    });
    // One pass per frame for the whole track: rows made, updated and removed as plain DOM
    // (see `marker::Rows`), from the visible items and everything they are drawn with.
    let rows: StoredValue<Rows, LocalStorage> = StoredValue::new_local(Rows::default());
    let layer_ref = NodeRef::<Div>::new();
    let layer =
        Memo::new(move |prev| Layer::fit(prev.copied(), extent, ctx.screen.get(), width.get()));
    Effect::new(move |_| {
        let Some(layer_el) = layer_ref.get() else { return };
        // Nothing to draw before the first size; reading the titles here would measure them
        // in the mount's task.
        if !measured.get() {
            return;
        }
        let shapes = shapes.get();
        let matching = ctx.matching.get();
        let f = Frame {
            screen: ctx.screen.get(),
            layer: layer.get(),
            lang: lang.get(),
            text: if ctx.present.get() { PRESENT_TEXT } else { 1.0 },
            focus: focus.get(),
            open: ctx.selected.get(),
            matching: &matching,
            shapes: &shapes,
            end: extent.end,
        };
        visible.with(|items| rows.update_value(|r| r.sync(ctx, &layer_el, items, &f)));
        if let Some(d) = drawn.filter(|d| !d.get_untracked()) {
            d.set(true);
        }
    });
    // Clicks and focus on the track's rows, handled once on the layer.
    let on_track_click = move |ev: web_sys::MouseEvent| {
        let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        match rows.with_value(|r| r.hit(&t)) {
            Some(Hit::Event(i)) => ctx.open(i),
            Some(Hit::Cluster { first, last }) => {
                ctx.dispatch(Action::Fit { first, last });
            }
            None => {}
        }
    };
    let on_track_focus = move |ev: web_sys::FocusEvent| {
        let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        if let Some(Hit::Event(i)) = rows.with_value(|r| r.hit(&t)) {
            ctx.focus.set(i);
            ctx.engaged.set(true);
        }
    };
    let ticks = Memo::new(move |_| {
        let w = width.get();
        if w <= 0.0 {
            None
        } else {
            Some(axis(view.get(), w, lang.get()))
        }
    });

    // Wheel and pointers: hooks that report zooms and pans, turned into the core's actions.
    let zoom_at = move |x: f64, factor: f64| {
        ctx.dispatch(Action::ZoomAt { x, factor });
    };
    // A step of a continuous zoom (wheel, trackpad, pinch): counted, so that the layout waits
    // for the gesture to rest.
    let gesture_zoom = move |x: f64, factor: f64| {
        let n = gestures.get_value() + 1;
        gestures.set_value(n);
        gloo::timers::callback::Timeout::new(LAYOUT_PAUSE_MS, move || {
            if gestures.try_get_value() == Some(n) {
                let _ = paused.try_set(n);
            }
        })
        .forget();
        zoom_at(x, factor);
    };
    let pan = move |px: f64| {
        ctx.dispatch(Action::Pan { px });
    };
    let UseWheelZoomReturn { plain_wheel: hint } = use_wheel_zoom_with_options(
        viewport,
        gesture_zoom,
        pan,
        UseWheelZoomOptions::default().plain_wheel_zooms(wheel_zoom),
    );
    let UseDragPanReturn { dragging: _ } =
        use_drag_pan(viewport, pan, gesture_zoom, move |x| zoom_at(x, 2.0));
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        zoom_at(viewport_x(viewport, ev.client_x()), 2.0);
    };

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

    let _ = matching;
    let label_for_view = move || {
        let v = view.get();
        crate::core::i18n::view_label(v.start, v.end, lang.get())
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

    // The layer's place at this scale, written to the track's layer and to the strips of eras
    // and ticks, which sit at fixed percentages of the same days: a zoom frame writes these
    // three elements, not every era and tick (`bench/profile.mjs` counted 15–25 tick and era
    // restyles per frame).
    let layer_left = move || format!("{}px", fixed(ctx.screen.get().x(layer.get().o), 2));
    let layer_width = move || format!("{}px", fixed(ctx.screen.get().span_px(layer.get().s), 2));
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
                    style:left=move || format!("{}%", fixed(layer.get().pct(a), 6))
                    style:width=move || format!("{}%", fixed((b - a) / layer.get().s * 100.0, 6))
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
            on:dblclick=on_dblclick
            on:keydown=on_keydown
        >
            <div class="tl-eras" aria-hidden="true">
                <div class="tl-strip" style:left=layer_left style:width=layer_width>{era_views}</div>
            </div>
            <div class="tl-axis" aria-hidden="true">
                <div class="tl-strip" style:left=layer_left style:width=layer_width>
                <For
                    each=move || ticks.get().map(|a| a.ticks).unwrap_or_default()
                    key=|t| (t.day, t.label.clone())
                    let:t
                >
                    <div
                        class="tl-tick"
                        class:tl-tick--major=t.major
                        style:left=move || format!("{}%", fixed(layer.get().pct(t.day as f64), 6))
                    >
                        <span class="tl-tick__label">{t.label.clone()}</span>
                    </div>
                </For>
                </div>
                {move || ticks.get().map(|a| a.context).filter(|c| !c.is_empty()).map(|c| view! {
                    <span class="tl-axis__context">{c}</span>
                })}
            </div>
            <div class="tl-track" role="group" aria-label=tr(lang, |s| s.events)>
                // Markers sit at fixed percentages of this layer; a zoom or pan moves and
                // stretches the layer alone (`core::scale::Layer`).
                <div
                    class="tl-layer"
                    node_ref=layer_ref
                    on:click=on_track_click
                    on:focusin=on_track_focus
                    style:left=layer_left
                    style:width=layer_width
                ></div>
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
