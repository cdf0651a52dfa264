//! The track's rows as plain DOM: each event's marker button (icon, range bar, as much of its
//! title as the layout gives it) or a cluster's "+7" button, created, updated and removed by
//! one pass per frame ([`Rows::sync`]) that writes only what changed.
//!
//! Why not a Leptos view per row: a zoom frame brings 100–260 rows into the view and takes as
//! many out at 1 000 events, and each view cost an owner, a dozen reactive closures and two
//! listeners to build and as much to tear down; frame p95 doubled when every marker got a
//! title (`bench/profile.mjs`, docs/developers.md, "The frame-time cost of these labels"). A
//! row here is four elements and a few integers remembering what was written; clicks and focus
//! are handled once, on the layer ([`Rows::hit`]). What a row looks like at a scale is the pure
//! core's ([`crate::core::row`]): this file only turns it into DOM.

use crate::core::i18n::{format_count, format_range, Lang};
use crate::core::layout::{Label, Placed, Shape};
use crate::core::num::fixed;
use crate::core::row::{label_frame, paint, range_days, LabelFrame, RowPaint, Tenths};
use crate::core::scale::{Layer, Screen};
use crate::ui::ctx::Ctx;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

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

    /// The lane the layout put it in.
    pub fn lane(&self) -> u16 {
        match *self {
            Item::Event(p) => p.lane,
            Item::Cluster { lane, .. } => lane,
        }
    }
}

/// What a click or focus on the track landed on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hit {
    Event(usize),
    Cluster { first: f64, last: f64 },
}

/// Everything a frame's rows depend on besides their placements.
pub struct Frame<'a> {
    pub screen: Screen,
    pub layer: Layer,
    pub lang: Lang,
    /// Label size as a multiple of the 13 px label font (presentation mode is larger).
    pub text: f64,
    /// The event holding the track's tab stop, and the one whose popover is open.
    pub focus: usize,
    pub open: Option<usize>,
    /// Per event: matches the search.
    pub matching: &'a [bool],
    /// Per event: its shape in the current language.
    pub shapes: &'a [Shape],
    /// The exclusive last day of the whole range.
    pub end: f64,
}

/// The rows on the track, in item-key order (the order of the layer's children).
#[derive(Default)]
pub struct Rows {
    rows: Vec<((u8, usize, usize), Row)>,
    tpl: Option<Templates>,
}

/// Elements new rows are cloned from, with what every row of a kind has in common: one
/// `cloneNode` instead of a call per element and attribute.
struct Templates {
    /// `<button class="tl-marker">` with its icon, as a marker that holds no tab stop, has no
    /// popover open and matches the search.
    marker: HtmlElement,
    bar: HtmlElement,
    label: HtmlElement,
    cluster: HtmlElement,
}

impl Templates {
    fn new(doc: &Document) -> Templates {
        let marker = element(doc, "button");
        for (k, v) in [
            ("type", "button"),
            ("aria-haspopup", "dialog"),
            ("tabindex", "-1"),
            ("aria-expanded", "false"),
        ] {
            let _ = marker.set_attribute(k, v);
        }
        marker.set_class_name("tl-marker");
        let icon = element(doc, "span");
        let _ = icon.set_attribute("aria-hidden", "true");
        let _ = marker.append_child(&icon);
        let hidden_span = |class: &str| {
            let el = element(doc, "span");
            el.set_class_name(class);
            let _ = el.set_attribute("aria-hidden", "true");
            el
        };
        let cluster = element(doc, "button");
        let _ = cluster.set_attribute("type", "button");
        let _ = cluster.set_attribute("tabindex", "-1");
        cluster.set_class_name("tl-cluster");
        Templates {
            marker,
            bar: hidden_span("tl-marker__bar"),
            label: hidden_span("tl-marker__label"),
            cluster,
        }
    }
}

struct Row {
    el: HtmlElement,
    /// The layer the position was written for: it moves rarely (see [`Layer`]).
    layer: Layer,
    lane: u16,
    lang: Lang,
    kind: Kind,
}

enum Kind {
    Event(EventRow),
    Cluster { first: f64, last: f64, anchor: f64 },
}

struct EventRow {
    placed: Placed,
    bar: Option<HtmlElement>,
    label: Option<HtmlElement>,
    /// What was last written, so that a frame writes only what changed: each write is a call
    /// out of the wasm, and a custom property restyles the element's children too.
    paint: RowPaint,
    frame: Option<LabelFrame>,
    look: (Label, bool),
    dim: bool,
    tab: bool,
    open: bool,
}

impl Rows {
    /// Brings the layer's children in line with `items` (sorted by key) for `f`: removes rows
    /// that left, creates the new ones in place, and updates the rest where they changed.
    pub fn sync(&mut self, ctx: Ctx, layer: &Element, items: &[Item], f: &Frame) {
        let Some(doc) = layer.owner_document() else { return };
        let tpl = self.tpl.get_or_insert_with(|| Templates::new(&doc));
        let old = std::mem::take(&mut self.rows);
        let mut old = old.into_iter().peekable();
        let mut rows = Vec::with_capacity(items.len());
        let mut prev: Option<HtmlElement> = None;
        for it in items {
            let key = it.key();
            while old.peek().is_some_and(|(k, _)| *k < key) {
                if let Some((_, gone)) = old.next() {
                    gone.el.remove();
                }
            }
            let row = match old.next_if(|(k, _)| *k == key) {
                Some((_, mut row)) => {
                    row.update(ctx, tpl, it, f);
                    row
                }
                None => {
                    let row = Row::create(ctx, tpl, it, f);
                    let before = match &prev {
                        Some(p) => p.next_sibling(),
                        None => layer.first_child(),
                    };
                    let _ = layer.insert_before(&row.el, before.as_ref());
                    row
                }
            };
            prev = Some(row.el.clone());
            rows.push((key, row));
        }
        for (_, gone) in old {
            gone.el.remove();
        }
        self.rows = rows;
    }

    /// The row `target` is in, if any.
    pub fn hit(&self, target: &Element) -> Option<Hit> {
        let button = target.closest(".tl-marker, .tl-cluster").ok().flatten()?;
        let row = self.rows.iter().find(|(_, r)| {
            let (a, b): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) =
                (r.el.as_ref(), button.as_ref());
            a == b
        })?;
        Some(match row.1.kind {
            Kind::Event(ref e) => Hit::Event(e.placed.index),
            Kind::Cluster { first, last, .. } => Hit::Cluster { first, last },
        })
    }
}

impl Row {
    /// A new row, cloned from `tpl` with its per-event parts written once: the position,
    /// lane and colour of each element in one `cssText` (a CSSOM write, which a strict
    /// `style-src 'self'` allows, unlike a `style` attribute). Measured at 1 000 events: the
    /// first frame's 300 rows took 55 ms built element by element, call by call.
    fn create(ctx: Ctx, tpl: &Templates, it: &Item, f: &Frame) -> Row {
        let lane = it.lane();
        let place = format!(
            "left: {}; top: {};",
            layer_left(f.layer, anchor_of(it, f), offset_of(it)),
            lane_top(lane)
        );
        let mut row = match *it {
            Item::Event(p) => {
                let (id, color, icon, landmark) = ctx.model.with_value(|m| {
                    let e = &m.bundle.events[p.index];
                    let c = &m.bundle.categories[e.category.min(m.bundle.categories.len() - 1)];
                    (e.id.clone(), c.color.clone(), c.icon.name(), e.importance == 1)
                });
                let el = clone(&tpl.marker);
                let _ = el.set_attribute("data-event-id", &id);
                let shape = f.shapes.get(p.index);
                let range = shape.and_then(range_days);
                if range.is_some() || landmark {
                    let mut class = String::from("tl-marker");
                    if range.is_some() {
                        class.push_str(" tl-marker--range");
                    }
                    if landmark {
                        class.push_str(" tl-marker--landmark");
                    }
                    el.set_class_name(&class);
                }
                // Colours are validated `#rrggbb` (core::bundle): nothing else can reach the
                // declarations.
                let paint =
                    shape.map(|s| paint(&p, s, f.end, f.screen, f.text)).unwrap_or_default();
                let room =
                    paint.room.map(|r| format!(" --tl-room: {};", px(r))).unwrap_or_default();
                el.style().set_css_text(&format!("{place}{room}"));
                let icon_el: HtmlElement =
                    el.first_element_child().expect("the icon").unchecked_into();
                icon_el.set_class_name(&format!("tl-marker__icon tl-icon--{icon}"));
                icon_el.style().set_css_text(&format!("background-color: {color};"));
                let bar = range.map(|_| {
                    let bar = clone(&tpl.bar);
                    let width = paint.bar.map(px).unwrap_or_default();
                    bar.style()
                        .set_css_text(&format!("background-color: {color}; width: {width};"));
                    let _ = el.insert_before(&bar, Some(&icon_el));
                    bar
                });
                Row {
                    el,
                    layer: f.layer,
                    lane,
                    lang: f.lang,
                    kind: Kind::Event(EventRow {
                        placed: p,
                        bar,
                        label: None,
                        // What was written above; the label's parts come with the label.
                        paint: RowPaint { cut: None, stick: None, off: false, ..paint },
                        frame: None,
                        look: (Label::Bare, false),
                        // As the template has them.
                        dim: false,
                        tab: false,
                        open: false,
                    }),
                }
            }
            Item::Cluster { first, last, anchor, .. } => {
                let el = clone(&tpl.cluster);
                el.style().set_css_text(&place);
                let kind = Kind::Cluster { first, last, anchor };
                Row { el, layer: f.layer, lane, lang: f.lang, kind }
            }
        };
        row.write_text(ctx, it, f);
        row.update(ctx, tpl, it, f);
        row
    }

    /// Writes what changed since the last frame.
    fn update(&mut self, ctx: Ctx, tpl: &Templates, it: &Item, f: &Frame) {
        // A cluster of the same first event and size may still span other days after a
        // filter: the key is only its identity on the track.
        if let (
            Kind::Cluster { first, last, anchor },
            Item::Cluster { first: a, last: b, anchor: c, .. },
        ) = (&mut self.kind, *it)
        {
            if (*first, *last, *anchor) != (a, b, c) {
                (*first, *last, *anchor) = (a, b, c);
                self.lang = f.lang;
                self.write_text(ctx, it, f);
                self.layer = Layer { o: f64::NAN, s: f64::NAN };
            }
        }
        if self.layer != f.layer {
            self.layer = f.layer;
            set_style(
                &self.el,
                "left",
                Some(&layer_left(f.layer, anchor_of(it, f), offset_of(it))),
            );
        }
        let lane = it.lane();
        if self.lane != lane {
            self.lane = lane;
            set_style(&self.el, "top", Some(&lane_top(lane)));
        }
        if self.lang != f.lang {
            self.lang = f.lang;
            self.write_text(ctx, it, f);
        }
        let (Kind::Event(row), Item::Event(p)) = (&mut self.kind, it) else { return };
        let Some(shape) = f.shapes.get(p.index) else { return };
        let el = &self.el;
        let dim = !f.matching.get(p.index).copied().unwrap_or(true);
        if row.dim != dim {
            row.dim = dim;
            let _ = el.class_list().toggle_with_force("tl-marker--dim", dim);
        }
        let tab = f.focus == p.index;
        if row.tab != tab {
            row.tab = tab;
            let _ = el.set_attribute("tabindex", if tab { "0" } else { "-1" });
        }
        let open = f.open == Some(p.index);
        if row.open != open {
            row.open = open;
            let _ = el.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
        row.placed = *p;
        // The label: made or dropped when the layout shows or hides it, its frame rewritten
        // when its kind, side, text size or measured width changed.
        let frame = label_frame(p, shape, f.text);
        let look = (p.label, p.left);
        match (frame, row.label.is_some()) {
            (None, true) => {
                if let Some(label) = row.label.take() {
                    label.remove();
                }
                row.frame = None;
            }
            (Some(frame), had) => {
                if !had {
                    let label = clone(&tpl.label);
                    label.set_text_content(Some(&title_of(ctx, p.index, f.lang)));
                    let _ = el.append_child(&label);
                    row.label = Some(label);
                    row.frame = None;
                    row.paint.cut = None;
                    row.paint.stick = None;
                    row.paint.off = false;
                }
                let label = row.label.as_ref().expect("made above");
                if !had || row.look != look {
                    let mut class = String::from("tl-marker__label");
                    match p.label {
                        Label::Wrapped => class.push_str(" tl-marker__label--wrap"),
                        Label::Cut => class.push_str(" tl-marker__label--cut"),
                        _ => {}
                    }
                    if p.left {
                        class.push_str(" tl-marker__label--left");
                    }
                    label.set_class_name(&class);
                }
                if row.frame != Some(frame) {
                    let old = row.frame.unwrap_or_default();
                    if old.width != frame.width {
                        set_style(label, "width", frame.width.map(px).as_deref());
                    }
                    if old.flip != frame.flip {
                        set_style(label, "--tl-flip", frame.flip.map(px).as_deref());
                    }
                    row.frame = Some(frame);
                }
            }
            (None, false) => {}
        }
        row.look = look;
        let new = paint(p, shape, f.end, f.screen, f.text);
        let old = row.paint;
        if old == new {
            return;
        }
        if old.room != new.room {
            set_style(el, "--tl-room", new.room.map(px).as_deref());
        }
        if let (Some(bar), true) = (&row.bar, old.bar != new.bar) {
            set_style(bar, "width", new.bar.map(px).as_deref());
        }
        if let Some(label) = &row.label {
            if old.cut != new.cut {
                set_style(label, "--tl-cut", new.cut.map(px).as_deref());
            }
            if old.stick != new.stick {
                set_style(label, "--tl-stick", new.stick.map(px).as_deref());
            }
            if old.off != new.off {
                set_style(label, "visibility", new.off.then_some("hidden"));
            }
        }
        row.paint = new;
    }

    /// The row's words in `f.lang`: an event's accessible name and title, a cluster's name and
    /// count.
    fn write_text(&self, ctx: Ctx, it: &Item, f: &Frame) {
        let l = f.lang;
        match (*it, &self.kind) {
            (Item::Event(p), Kind::Event(row)) => {
                let _ = self.el.set_attribute("aria-label", &ctx.event_name(p.index, l));
                if let Some(label) = &row.label {
                    label.set_text_content(Some(&title_of(ctx, p.index, l)));
                }
            }
            (Item::Cluster { count, first, last, .. }, _) => {
                let a = crate::core::date::PartialDate::from_day(first.floor() as i32);
                let b = crate::core::date::PartialDate::from_day((last - 1.0).floor() as i32);
                let name = l
                    .strings()
                    .cluster_label
                    .replace("{n}", &format_count(count as u64, l))
                    .replace("{range}", &format_range(&a, Some(&b), l));
                let _ = self.el.set_attribute("aria-label", &name);
                self.el.set_text_content(Some(&format!("+{}", format_count(count as u64, l))));
            }
            _ => {}
        }
    }
}

fn title_of(ctx: Ctx, index: usize, lang: Lang) -> String {
    ctx.model.with_value(|m| m.title(&m.bundle.events[index], lang).0.to_string())
}

/// The day an item sits on.
fn anchor_of(it: &Item, f: &Frame) -> f64 {
    match *it {
        Item::Event(p) => f.shapes.get(p.index).map_or(0.0, |s| s.anchor),
        Item::Cluster { anchor, .. } => anchor,
    }
}

/// How far left of its day an item's box begins: a marker's icon is centred on its day, a
/// cluster's pill nearly begins there.
fn offset_of(it: &Item) -> u32 {
    match it {
        Item::Event(_) => 10,
        Item::Cluster { .. } => 4,
    }
}

fn clone(tpl: &HtmlElement) -> HtmlElement {
    tpl.clone_node_with_deep(true).expect("an element clones").unchecked_into()
}

fn element(doc: &Document, tag: &str) -> HtmlElement {
    doc.create_element(tag).expect("a valid tag name").unchecked_into()
}

fn px(t: Tenths) -> String {
    format!("{}px", fixed(t as f64 / 10.0, 1))
}

fn lane_top(lane: u16) -> String {
    format!("calc({lane} * var(--tl-lane-h))")
}

/// Where an item at `day` sits on the track's layer, `offset` px left of its day: a fixed
/// percentage of the layer, which moves and stretches as a whole (see [`Layer`]).
fn layer_left(layer: Layer, day: f64, offset: u32) -> String {
    format!("calc({}% - {offset}px)", fixed(layer.pct(day), 6))
}

/// Sets one inline style property (a custom property too); `None` removes it.
fn set_style(el: &HtmlElement, name: &str, value: Option<&str>) {
    let style = el.style();
    let _ = match value {
        Some(v) => style.set_property(name, v),
        None => style.remove_property(name).map(|_| ()),
    };
}
