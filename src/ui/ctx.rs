//! The view state of one widget, shared by its parts.

use crate::core::bundle::Event;
use crate::core::i18n::{format_range, Lang};
use crate::core::prepared::{anchor_of, Prepared};
use crate::core::scale::{Screen, View};
use crate::core::search::Query;
use crate::core::view_state::{reduce, Action, Outcome, Track, ViewState};
use crate::ui::motion::animate_to;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Handles to one widget's state. `Copy`, so every closure can take it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub model: StoredValue<Arc<Prepared>>,
    pub lang: RwSignal<Lang>,
    pub view: RwSignal<View>,
    pub width: RwSignal<f64>,
    /// Days to pixels for the current view and width: every position on the track reads it.
    pub screen: Memo<Screen>,
    /// The event whose popover is open.
    pub selected: RwSignal<Option<usize>>,
    /// The event that holds the track's single tab stop.
    pub focus: RwSignal<usize>,
    /// Per category: hidden by the reader's filter.
    pub hidden: RwSignal<Vec<bool>>,
    pub query: RwSignal<String>,
    pub list: RwSignal<bool>,
    pub present: RwSignal<bool>,
    /// Events left by the category filter, in chronological order.
    pub included: Memo<Arc<Vec<usize>>>,
    /// Per event: matches the search (all true without a query).
    pub matching: Memo<Arc<Vec<bool>>>,
    pub anim: StoredValue<u32>,
    /// A view waiting for the next animation frame (wheel and drag input is batched per frame).
    pub pending: StoredValue<Option<View>>,
    pub frame: StoredValue<Option<gloo::render::AnimationFrame>, LocalStorage>,
    pub root: StoredValue<web_sys::HtmlElement, LocalStorage>,
    /// Unique per widget on the page, for element ids.
    pub uid: u32,
    /// Per event, the day its marker sits on, and its `[first, last + 1)` days: what the view
    /// state machine needs to know of the events.
    pub anchors: StoredValue<Arc<Vec<f64>>>,
    pub spans: StoredValue<Arc<Vec<(f64, f64)>>>,
    /// Whether the reader has put keyboard focus on a marker: from then on the zoom buttons
    /// zoom around the focused event, as `+`/`-` do.
    pub engaged: RwSignal<bool>,
    /// A sentence for screen readers that the reader did not ask for (focus moved because the
    /// filter hid the focused event).
    pub notice: RwSignal<String>,
}

impl Ctx {
    pub fn new(
        model: Arc<Prepared>,
        lang: RwSignal<Lang>,
        root: StoredValue<web_sys::HtmlElement, LocalStorage>,
        uid: u32,
    ) -> Ctx {
        let extent = model.extent;
        let categories = model.bundle.categories.len();
        let hidden = RwSignal::new(vec![false; categories]);
        let query = RwSignal::new(String::new());
        let m = model.clone();
        let included = Memo::new(move |_| {
            let hidden = hidden.get();
            Arc::new(
                m.bundle
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| !hidden.get(e.category).copied().unwrap_or(false))
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>(),
            )
        });
        let m = model.clone();
        let matching = Memo::new(move |_| {
            let q = Query::new(&query.get());
            let l = lang.get();
            Arc::new(m.bundle.events.iter().map(|e| q.matches(e, l.code(), &m.fallbacks)).collect())
        });
        let anchors = Arc::new(model.bundle.events.iter().map(anchor_of).collect::<Vec<_>>());
        let spans = Arc::new(
            model
                .bundle
                .events
                .iter()
                .map(|e| (f64::from(e.first_day()), f64::from(e.last_day()) + 1.0))
                .collect::<Vec<_>>(),
        );
        let focus = RwSignal::new(0);
        let selected = RwSignal::new(None);
        let view = RwSignal::new(extent.full());
        let width = RwSignal::new(0.0);
        Ctx {
            screen: Memo::new(move |_| view.get().screen(width.get())),
            anchors: StoredValue::new(anchors),
            spans: StoredValue::new(spans),
            engaged: RwSignal::new(false),
            notice: RwSignal::new(String::new()),
            model: StoredValue::new(model),
            lang,
            view,
            width,
            selected,
            focus,
            hidden,
            query,
            list: RwSignal::new(false),
            present: RwSignal::new(false),
            included,
            matching,
            anim: StoredValue::new(0),
            pending: StoredValue::new(None),
            frame: StoredValue::new_local(None),
            root,
            uid,
        }
    }

    /// Runs `action` through the view state machine and applies its outcome to the signals:
    /// the view (animated for keys and buttons, at once for pointer input), the tab stop and
    /// the open popover. Only what changed is written.
    pub fn dispatch(&self, action: Action) -> Outcome {
        let state = ViewState {
            view: self.latest(),
            width: self.width.get_untracked(),
            focus: self.focus.get_untracked(),
            selected: self.selected.get_untracked(),
        };
        let included = self.included.get_untracked();
        let steps = self.steps();
        let extent = self.model.with_value(|m| m.extent);
        let out = self.anchors.with_value(|anchors| {
            self.spans.with_value(|spans| {
                let track = Track { extent, anchors, spans, included: &included, steps: &steps };
                reduce(state, action, &track)
            })
        });
        let next = out.state;
        if next.focus != state.focus {
            self.focus.set(next.focus);
        }
        if next.selected != state.selected {
            self.selected.set(next.selected);
        }
        if next.view != state.view {
            if out.animate {
                self.go(next.view);
            } else {
                self.set_soon(next.view);
            }
        }
        out
    }

    /// Animates the view to `to` (instantly under reduced motion).
    pub fn go(&self, to: View) {
        self.pending.set_value(None);
        let extent = self.model.with_value(|m| m.extent);
        animate_to(self.view, self.anim, to.constrain(extent));
    }

    /// Sets the view at once, cancelling any animation (wheel, drag, pinch).
    pub fn set_now(&self, to: View) {
        self.pending.set_value(None);
        self.anim.update_value(|g| *g = g.wrapping_add(1));
        let extent = self.model.with_value(|m| m.extent);
        self.view.set(to.constrain(extent));
    }

    /// The view input should build on: the one waiting for the next frame, else the current one.
    pub fn latest(&self) -> View {
        self.pending.get_value().unwrap_or_else(|| self.view.get_untracked())
    }

    /// Sets the view on the next animation frame: a burst of wheel or pointer events between two
    /// frames costs one layout and one render, not one per event.
    pub fn set_soon(&self, to: View) {
        self.anim.update_value(|g| *g = g.wrapping_add(1));
        self.pending.set_value(Some(to));
        if self.frame.with_value(|f| f.is_some()) {
            return;
        }
        let ctx = *self;
        let af = gloo::render::request_animation_frame(move |_| {
            let _ = ctx.frame.try_update_value(|f| f.take());
            if let Some(Some(v)) = ctx.pending.try_update_value(|p| p.take()) {
                ctx.set_now(v);
            }
        });
        self.frame.set_value(Some(af));
    }

    /// The events a reader steps through: the filter's, narrowed by the search when there is one.
    pub fn steps(&self) -> Vec<usize> {
        let matching = self.matching.get_untracked();
        self.included.get_untracked().iter().copied().filter(|&i| matching[i]).collect()
    }

    /// The step `delta` away from `from` (or from the nearest step when `from` is not one).
    pub fn step_from(&self, from: usize, delta: isize) -> Option<usize> {
        crate::core::view_state::neighbour(&self.steps(), from, delta)
    }

    /// Moves keyboard focus to event `index`, bringing it into view, then focuses its marker.
    pub fn focus_event(&self, index: usize) {
        self.dispatch(Action::Focus(index));
        request_focus(*self, index);
    }

    /// Pans so that event `index` is on screen.
    pub fn reveal(&self, index: usize) {
        self.dispatch(Action::Focus(index));
    }

    /// Opens the popover of event `index`.
    pub fn open(&self, index: usize) {
        self.dispatch(Action::Open(index));
    }

    /// Opens the event with this id; false when the bundle has none.
    pub fn open_id(&self, id: &str) -> bool {
        match self.model.with_value(|m| m.index_of(id)) {
            Some(i) => {
                self.open(i);
                true
            }
            None => false,
        }
    }

    pub fn event_id(&self, index: usize) -> String {
        self.model
            .with_value(|m| m.bundle.events.get(index).map(|e| e.id.clone()).unwrap_or_default())
    }

    /// How an event is named to the reader, its title and date ("Death of Stalin, 5 March
    /// 1953"): the marker's accessible name and what a step in the popover announces.
    pub fn event_name(&self, index: usize, lang: Lang) -> String {
        self.model.with_value(|m| {
            let e = &m.bundle.events[index];
            format!("{}, {}", m.title(e, lang).0, event_date(e, lang))
        })
    }

    /// An element id unique to this widget.
    pub fn dom_id(&self, name: &str) -> String {
        format!("tl{}-{name}", self.uid)
    }
}

/// Focuses the marker of event `index` once it is in the DOM (after the view moved).
pub fn request_focus(ctx: Ctx, index: usize) {
    let id = ctx.event_id(index);
    let root = ctx.root.get_value();
    let try_focus = move || -> bool {
        let sel = format!(".tl-track [data-event-id=\"{id}\"]");
        if let Ok(Some(el)) = root.query_selector(&sel) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                return true;
            }
        }
        false
    };
    // The marker may appear only after the next render or the end of an animation.
    if !try_focus() {
        let f = std::rc::Rc::new(try_focus);
        let f2 = f.clone();
        gloo::timers::callback::Timeout::new(0, move || {
            if !f2() {
                gloo::timers::callback::Timeout::new(260, move || {
                    f();
                })
                .forget();
            }
        })
        .forget();
    }
}

/// The date of an event as written at its precision, in `lang`.
pub fn event_date(e: &Event, lang: Lang) -> String {
    format_range(&e.start, e.end.as_ref(), lang)
}
