//! The state the page's sections share, kept as signals, saved as one object on every change,
//! and the analysis of the data box, redone a moment after the typing stops.

use super::dom::DomHtml;
use super::store::{self, Saved};
use crate::analyse::{analyse, Analysis, Choice};
use crate::words::{words, Words};
use leptos::html::Textarea;
use leptos::prelude::*;
use std::sync::Arc;
use timeline_core::i18n::Lang;

/// How long the typing must pause before the data box is analysed again (ms). A thousand rows
/// take a few milliseconds to import and validate; the pause keeps typing smooth and the
/// preview from reloading at every key.
pub const DEBOUNCE_MS: u32 = 300;

/// The preview's width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    Phone,
    Article,
    Full,
}

impl Width {
    pub fn name(self) -> &'static str {
        match self {
            Width::Phone => "phone",
            Width::Article => "article",
            Width::Full => "full",
        }
    }

    pub fn from_name(s: &str) -> Width {
        match s {
            "phone" => Width::Phone,
            "article" => Width::Article,
            _ => Width::Full,
        }
    }

    /// The iframe's CSS width.
    pub fn css(self) -> &'static str {
        match self {
            Width::Phone => "375px",
            Width::Article => "680px",
            Width::Full => "100%",
        }
    }
}

/// A text of the data box and what was made of it (spans point into that text).
pub struct Analysed {
    pub text: String,
    pub analysis: Analysis,
}

/// The editor's state.
#[derive(Clone, Copy)]
pub struct Ed {
    /// The page's language (and the language of every message).
    pub ui: RwSignal<Lang>,
    pub text: RwSignal<String>,
    pub choice: RwSignal<Choice>,
    /// The language of TimelineJS texts.
    pub text_lang: RwSignal<String>,
    pub analysed: RwSignal<Arc<Analysed>>,
    /// The timeline's language in the preview and the snippets.
    pub lang: RwSignal<Lang>,
    /// `""` (follow the system), `light`, `dark`, `contrast`.
    pub theme: RwSignal<String>,
    pub width: RwSignal<Width>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    pub height: RwSignal<String>,
    /// Where the snippets say the widget's files are.
    pub base: RwSignal<String>,
    /// Where the snippets say the bundle is (empty: named after the title).
    pub data: RwSignal<String>,
    /// The text before the last replacement ("bring back").
    pub undo: RwSignal<Option<String>>,
    /// What the last action did, said politely.
    pub notice: RwSignal<String>,
    /// Why the work could not be kept, if it could not.
    pub save_error: RwSignal<Option<String>>,
    pub area: NodeRef<Textarea>,
}

impl Ed {
    /// The page's words, following its language.
    pub fn w(&self) -> &'static Words {
        words(self.ui.get())
    }

    /// Replaces the data box (a file, the template, start over), keeping the old text for
    /// "bring back".
    pub fn replace(&self, text: String, notice: &'static str) {
        let old = self.text.get_untracked();
        if !old.trim().is_empty() {
            self.undo.set(Some(old));
        }
        self.text.set(super::dom::normalise_newlines(&text));
        self.notice.set(notice.to_owned());
    }

    /// Analyses the data box now.
    pub fn analyse_now(&self) {
        let text = self.text.get_untracked();
        let analysis = analyse(
            &text,
            self.choice.get_untracked(),
            self.ui.get_untracked(),
            &self.text_lang.get_untracked(),
            &DomHtml,
        );
        self.analysed.set(Arc::new(Analysed { text, analysis }));
    }

    /// The theme, if one is pinned.
    pub fn theme_opt(&self) -> Option<String> {
        Some(self.theme.get()).filter(|t| !t.is_empty())
    }

    /// The track height, if a valid one is set.
    pub fn height_opt(&self) -> Option<u32> {
        self.height.get().trim().parse().ok().filter(|h| (120..=4000).contains(h))
    }
}

/// The state, from the kept work (or the page's defaults), saving itself on every change and
/// analysing the data box after each pause in the typing.
pub fn provide() -> Ed {
    let saved = store::load();
    let get = |k: &str| saved.get(k);
    let page_lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|h| h.get_attribute("lang"))
        .and_then(|l| Lang::from_tag(&l))
        .unwrap_or_default();
    // The kept choice, else `?lang=` (a link to the editor in one language), else the page's.
    let query_lang = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|l| Lang::from_tag(&l));
    let ui = get("ui").and_then(|l| Lang::from_tag(&l)).or(query_lang).unwrap_or(page_lang);
    let ed = Ed {
        ui: RwSignal::new(ui),
        text: RwSignal::new(get("text").unwrap_or_default()),
        choice: RwSignal::new(Choice::from_name(&get("format").unwrap_or_default())),
        text_lang: RwSignal::new(get("text_lang").unwrap_or_else(|| "en".into())),
        analysed: RwSignal::new(Arc::new(Analysed {
            text: String::new(),
            analysis: Analysis::default(),
        })),
        lang: RwSignal::new(get("lang").and_then(|l| Lang::from_tag(&l)).unwrap_or(ui)),
        theme: RwSignal::new(get("theme").unwrap_or_default()),
        width: RwSignal::new(Width::from_name(&get("width").unwrap_or_default())),
        start: RwSignal::new(get("start").unwrap_or_default()),
        end: RwSignal::new(get("end").unwrap_or_default()),
        height: RwSignal::new(get("height").unwrap_or_default()),
        base: RwSignal::new(get("base").unwrap_or_else(super::dom::page_folder)),
        data: RwSignal::new(get("data").unwrap_or_default()),
        undo: RwSignal::new(get("undo")),
        notice: RwSignal::new(String::new()),
        save_error: RwSignal::new(None),
        area: NodeRef::new(),
    };
    ed.analyse_now();
    // Keep everything, at every change: typing included (a write of the box's text takes well
    // under a millisecond), so a crash loses nothing.
    Effect::new(move |_| {
        let mut s = Saved::default();
        s.set("text", &ed.text.get());
        s.set("format", ed.choice.get().name());
        s.set("text_lang", &ed.text_lang.get());
        s.set("ui", ed.ui.get().code());
        s.set("lang", ed.lang.get().code());
        s.set("theme", &ed.theme.get());
        s.set("width", ed.width.get().name());
        s.set("start", &ed.start.get());
        s.set("end", &ed.end.get());
        s.set("height", &ed.height.get());
        s.set("base", &ed.base.get());
        s.set("data", &ed.data.get());
        if let Some(u) = ed.undo.get() {
            s.set("undo", &u);
        }
        ed.save_error.set(store::save(&s).err());
    });
    // Analyse after a pause in the typing; a new language or format at once.
    let timer = StoredValue::new_local(None::<gloo::timers::callback::Timeout>);
    Effect::new(move |first: Option<()>| {
        ed.text.track();
        if first.is_some() {
            timer.set_value(Some(gloo::timers::callback::Timeout::new(DEBOUNCE_MS, move || {
                ed.analyse_now();
            })));
        }
    });
    Effect::new(move |first: Option<()>| {
        ed.choice.track();
        ed.text_lang.track();
        ed.ui.track();
        if first.is_some() {
            ed.analyse_now();
        }
    });
    Effect::new(move |_| {
        if let Some(html) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", ed.ui.get().code());
        }
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(ed.w().title);
        }
    });
    ed
}
