//! One row of the track: an event's marker button (icon, range bar, as much of its title as
//! the layout gives it) or a cluster's "+7" button.

use crate::core::i18n::{format_count, format_range};
use crate::core::layout::{
    label_box_px, Label, Placed, Shape, LABEL_OFFSET_PX, LABEL_PAD_PX, LEFT_GAP_PX, PRESENT_TEXT,
    ROOM_CHROME_PX,
};
use crate::core::num::fixed;
use crate::core::prepared::anchor_of;
use crate::core::scale::{Layer, Screen};
use crate::core::view_state::Action;
use crate::ui::ctx::Ctx;
use leptos::prelude::*;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;
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

/// The rows on the track, by item key: each row's placement as a signal of its own, and how
/// to write its position in pixels for a scale.
///
/// Why not a memo per row reading the list of drawn items, and `style:left` closures reading
/// the scale: every zoom frame changes both, so every row's closures re-ran and re-subscribed,
/// and unsubscribing from a source with a few hundred subscribers shifts them all
/// (reactive_graph keeps subscribers in order): script time grew with the square of the rows
/// (`bench/profile.mjs --js`, 1 000 events: `IndexMap::shift_remove` first of all functions,
/// gone after this change). Now one effect per frame hands each row its placement (a row
/// re-renders only when its own changed) and writes positions directly.
#[derive(Clone, Copy)]
pub struct Rows(StoredValue<BTreeMap<(u8, usize, usize), Row>, LocalStorage>);

struct Row {
    /// Set only for event rows: a cluster's placement is its key.
    place: Option<Place>,
    /// Writes what of the row depends on the scale, for a scale and the track's layer (also
    /// at the same scale when `moved`: its title's reach changed).
    paint: Rc<dyn Fn(Screen, Layer, bool)>,
}

/// An event row's placement, in the parts that change different things: crossing a zoom level
/// moves most rows to another lane (measured: 85 % of the rows at each crossing of the
/// benchmark's zooms) but changes few labels, and a lane is one style write while a label is
/// a new element.
#[derive(Clone, Copy)]
struct Place {
    lane: RwSignal<u16>,
    /// The label's kind and side: its element is rendered anew when these change.
    look: RwSignal<(Label, bool)>,
    /// The whole placement, for the reach of a cut title (read when painting, not tracked).
    all: StoredValue<Placed>,
}

impl Place {
    fn new(p: Placed) -> Place {
        Place {
            lane: RwSignal::new(p.lane),
            look: RwSignal::new((p.label, p.left)),
            all: StoredValue::new(p),
        }
    }

    /// Takes a new placement; whether anything but the lane changed.
    fn set(self, p: &Placed) -> bool {
        if self.all.try_with_value(|q| q == p) != Some(false) {
            return false;
        }
        self.all.set_value(*p);
        if self.lane.get_untracked() != p.lane {
            self.lane.set(p.lane);
        }
        if self.look.get_untracked() != (p.label, p.left) {
            self.look.set((p.label, p.left));
        }
        true
    }
}

impl Default for Rows {
    fn default() -> Rows {
        Rows(StoredValue::new_local(BTreeMap::new()))
    }
}

impl Rows {
    /// Gives each drawn row its placement and writes what of every row depends on `screen`
    /// and `layer`.
    pub fn update(&self, items: &[Item], screen: Screen, layer: Layer) {
        self.0.with_value(|rows| {
            for it in items {
                let Some(row) = rows.get(&it.key()) else { continue };
                let moved = match (it, row.place) {
                    (Item::Event(p), Some(place)) => place.set(p),
                    _ => false,
                };
                (row.paint)(screen, layer, moved);
            }
        });
    }

    fn add(&self, key: (u8, usize, usize), row: Row) {
        self.0.update_value(|rows| {
            rows.insert(key, row);
        });
        let rows = *self;
        on_cleanup(move || {
            rows.0.try_update_value(|rows| rows.remove(&key));
        });
    }
}

/// The inline styles a row last wrote, by slot, so that a frame writes only what changed: each
/// write is a call out of the wasm, and a custom property restyles the element's children too.
/// Before this, every row removed four absent properties on every frame.
/// Kept in the row's reactive owner (a `StoredValue`): the label's view, which records what
/// it was rendered with, must be `Send`.
#[derive(Clone, Copy)]
struct Written(StoredValue<[Option<String>; 5], LocalStorage>);

const ROOM: usize = 0;
const BAR: usize = 1;
const CUT: usize = 2;
const STICK: usize = 3;
const OFF: usize = 4;

impl Written {
    fn new() -> Written {
        Written(StoredValue::new_local(Default::default()))
    }

    fn set(self, el: &web_sys::HtmlElement, slot: usize, name: &str, value: Option<String>) {
        self.0.try_update_value(|w| {
            if w[slot] != value {
                set_style(el, name, value.as_deref());
                w[slot] = value;
            }
        });
    }

    /// Records what a freshly rendered element was given.
    fn know(self, slot: usize, value: Option<String>) {
        self.0.try_update_value(|w| w[slot] = value);
    }
}

/// Where an item at `day` sits on the track's layer, `offset` px left of its day: a fixed
/// percentage of the layer, which moves and stretches as a whole (see [`Layer`]).
fn layer_left(layer: Layer, day: f64, offset: u32) -> String {
    format!("calc({}% - {offset}px)", fixed(layer.pct(day), 6))
}

/// Sets one inline style property (a custom property too); `None` removes it.
fn set_style(el: &web_sys::HtmlElement, name: &str, value: Option<&str>) {
    let style = el.style();
    let _ = match value {
        Some(v) => style.set_property(name, v),
        None => style.remove_property(name).map(|_| ()),
    };
}

/// One row of the track. An event's row is keyed by the event alone and gets its lane and
/// label from [`Rows::update`]: the same button lives on through zooms, filters and language
/// changes, so the focused marker keeps DOM focus.
pub fn render_item(
    ctx: Ctx,
    it: Item,
    rows: Rows,
    shapes: Memo<Arc<Vec<Shape>>>,
    layer: Memo<Layer>,
) -> AnyView {
    let lang = ctx.lang;
    let screen = ctx.screen;
    match it {
        Item::Event(first) => {
            let index = first.index;
            let place = Place::new(first);
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
            // labels and the hover name stop there instead of being cut mid-word. Only where it
            // can bite at this scale (within 800 px of the end; no label or name is wider): a
            // changed custom property restyles the marker's children too.
            let room = move |s: Screen| {
                let px = s.span_px(end - anchor);
                (px < 800.0).then(|| format!("{}px", fixed(px - 28.0, 1)))
            };
            let bar_width = move |s: Screen, d: f64| format!("{}px", fixed(s.span_px(d), 1));
            // The label's scale-dependent parts: its cut (a cut title reaches no further than
            // its lane neighbour, growing back as the reader zooms in) and, for a range, how far
            // it slides along its bar to stay on screen while any of the bar is (it stops where
            // its end meets the bar's).
            let label_px = move |s: Screen| {
                let Placed { label, next, next_px, .. } = place.all.get_value();
                let text = if ctx.present.get_untracked() { PRESENT_TEXT } else { 1.0 };
                let shape = shapes.with_untracked(|v| v.get(index).copied());
                let (line, wrap) = shape.map_or((0.0, 0.0), |s| (s.label_px, s.wrap_px));
                let cut = (label == Label::Cut && next.is_finite()).then(|| {
                    let chrome = ROOM_CHROME_PX * text + next_px;
                    format!("{}px", fixed(s.span_px(next - anchor) - chrome, 1))
                });
                let stick = range_days.map(|d| {
                    let w =
                        (if label == Label::Wrapped { wrap } else { line }) * text + LABEL_PAD_PX;
                    let x = (-s.x(anchor) - 9.0).min(s.span_px(d) - LABEL_OFFSET_PX * text - w);
                    format!("{}px", fixed(x.max(0.0), 1))
                });
                // A title whose marker (and bar) has left the view on the left is hidden: its
                // tail ("…ference") would read as a broken word at the edge. While any of a
                // range's bar shows, its title slides along it instead.
                let reach = s.x(anchor) + s.span_px(range_days.unwrap_or(0.0));
                let off = (reach < -4.0).then(|| "hidden".to_string());
                (cut, stick, off)
            };
            let button = NodeRef::<leptos::html::Button>::new();
            let bar = NodeRef::<leptos::html::Span>::new();
            let label_el = NodeRef::<leptos::html::Span>::new();
            // Writes only when the scale changed since the last write (a frame that only
            // changed placements re-renders the rows concerned instead), and only the styles
            // whose values changed; the position only when the layer itself moved (rarely).
            let (s0, l0) = (screen.get_untracked(), layer.get_untracked());
            let last: Rc<Cell<(Screen, Layer)>> = Rc::new(Cell::new((s0, l0)));
            let written = Written::new();
            written.know(ROOM, room(s0));
            written.know(BAR, range_days.map(|d| bar_width(s0, d)));
            let w = written;
            let paint = move |s: Screen, l: Layer, moved: bool| {
                let (was, was_layer) = last.replace((s, l));
                if was == s && was_layer == l && !moved {
                    return;
                }
                if let Some(b) = button.get_untracked() {
                    if was_layer != l {
                        set_style(&b, "left", Some(&layer_left(l, anchor, 10)));
                    }
                    w.set(&b, ROOM, "--tl-room", room(s));
                }
                if let (Some(el), Some(d)) = (bar.get_untracked(), range_days) {
                    w.set(&el, BAR, "width", Some(bar_width(s, d)));
                }
                if let Some(el) = label_el.get_untracked() {
                    let (cut, stick, off) = label_px(s);
                    w.set(&el, CUT, "--tl-cut", cut);
                    w.set(&el, STICK, "--tl-stick", stick);
                    w.set(&el, OFF, "visibility", off);
                }
            };
            rows.add((0, index, 0), Row { place: Some(place), paint: Rc::new(paint) });
            let title = move || {
                ctx.model.with_value(|m| m.title(&m.bundle.events[index], lang.get()).0.to_string())
            };
            let name = move || ctx.event_name(index, lang.get());
            let label = move || {
                let (label, left) = place.look.get();
                if !label.shown() {
                    return None;
                }
                let text = if ctx.present.get() { PRESENT_TEXT } else { 1.0 };
                let s = shapes.with(|s| s.get(index).copied());
                let wrap = s.map_or(0.0, |s| s.wrap_px);
                // A wrapped title gets the width it was laid out with; the browser breaks it.
                let width = (label == Label::Wrapped)
                    .then(|| format!("{}px", fixed(wrap * text + LABEL_PAD_PX, 1)));
                // A title the layout put to the left of its marker (the end of the range or
                // of the view is to its right).
                let w = s.map_or(0.0, |s| label_box_px(&s, label, text));
                let shift = fixed(w + LABEL_OFFSET_PX * text + LEFT_GAP_PX * text, 1);
                let flip = left.then(|| format!("-{shift}px"));
                let (cut, stick, off) = label_px(screen.get_untracked());
                written.know(CUT, cut.clone());
                written.know(STICK, stick.clone());
                written.know(OFF, off.clone());
                Some(view! {
                    <span
                        class="tl-marker__label"
                        class:tl-marker__label--wrap=label == Label::Wrapped
                        class:tl-marker__label--cut=label == Label::Cut
                        class:tl-marker__label--left=left
                        aria-hidden="true"
                        node_ref=label_el
                        style:width=width
                        style:--tl-cut=cut
                        style:--tl-stick=stick
                        style:--tl-flip=flip
                        style:visibility=off
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
                    class:tl-marker--dim=move || !ctx.matching.with(|m| m.get(index).copied().unwrap_or(true))
                    data-event-id=id
                    tabindex=move || if ctx.focus_is.with_value(|f| f.selected(&index)) { "0" } else { "-1" }
                    aria-label=name
                    aria-haspopup="dialog"
                    aria-expanded=move || if ctx.open_is.with_value(|o| o.selected(&Some(index))) { "true" } else { "false" }
                    node_ref=button
                    style:left=layer_left(l0, anchor, 10)
                    style:top=move || format!("calc({} * var(--tl-lane-h))", place.lane.get())
                    style:--tl-room=room(s0)
                    on:click=move |_| ctx.open(index)
                    on:focus=move |_| {
                        ctx.focus.set(index);
                        ctx.engaged.set(true);
                    }
                >
                    {range_days.map(|d| view! {
                        <span class="tl-marker__bar" aria-hidden="true" node_ref=bar
                            style:background-color=color.clone()
                            style:width=bar_width(s0, d)></span>
                    })}
                    <span class=format!("tl-marker__icon tl-icon--{icon}") aria-hidden="true"
                        style:background-color=color.clone()></span>
                    {label}
                </button>
            }
            .into_any()
        }
        Item::Cluster { first_index, count, first, last, anchor, lane } => {
            let button = NodeRef::<leptos::html::Button>::new();
            let drawn_on = Cell::new(layer.get_untracked());
            let paint = move |_: Screen, l: Layer, _| {
                if drawn_on.replace(l) != l {
                    if let Some(b) = button.get_untracked() {
                        set_style(&b, "left", Some(&layer_left(l, anchor, 4)));
                    }
                }
            };
            rows.add((1, first_index, count), Row { place: None, paint: Rc::new(paint) });
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
                    node_ref=button
                    style:left=layer_left(layer.get_untracked(), anchor, 4)
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
