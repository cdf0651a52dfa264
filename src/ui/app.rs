//! The widget's root: loads the bundle, then shows the timeline or an error panel, and keeps
//! the public contract (`data-ready`, `timeline:ready`) on the host element.

use crate::core::i18n::Lang;
use crate::core::prepared::Prepared;
use crate::ui::error_panel::ErrorPanel;
use crate::ui::link::LinkOptions;
use crate::ui::load::{load, parse_in_steps, LoadError, Prefetch};
use crate::ui::pause::next_task;
use crate::ui::text::tr;
use crate::ui::timeline::Timeline;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// How a host configures one widget.
#[derive(Clone, Debug)]
pub struct Options {
    /// The bundle's URL, relative to the page.
    pub src: String,
    /// The bundle's text, when the host gives it instead of a URL (the mount function's
    /// `bundle`, or the element that `data-src="#id"` names): nothing is fetched then.
    pub text: Option<js_sys::JsString>,
    /// The interface language; `None` picks the bundle's first language we speak.
    pub lang: Option<Lang>,
    /// Zoom on a plain vertical wheel (for full-page hosts); otherwise Ctrl/⌘ + wheel.
    pub wheel_zoom: bool,
    /// Network time limit in milliseconds.
    pub timeout_ms: u32,
    /// `light`, `dark` or `contrast`; `None` follows `prefers-color-scheme`.
    pub theme: Option<String>,
    /// The track's height in px (`data-height`); the default fits ten rows of events.
    pub height: Option<u32>,
    /// Deep link, hash and presentation settings.
    pub links: LinkOptions,
    /// The bundle's request, when the loader started it before the wasm ran (read once: a
    /// retry fetches anew).
    pub prefetch: Option<Prefetch>,
}

type LoadState = Option<Result<Arc<Prepared>, LoadError>>;

#[component]
pub fn App(root: web_sys::HtmlElement, options: Options) -> impl IntoView {
    let root = StoredValue::new_local(root);
    let lang = RwSignal::new(options.lang.unwrap_or_default());
    let state: RwSignal<LoadState> = RwSignal::new(None);
    let attempt = RwSignal::new(0u32);
    // Megabytes of the bundle received so far, shown while a big bundle downloads (whole
    // megabytes, so a 110 MB download updates the page about a hundred times, not per chunk).
    let received_mb = RwSignal::new(0u64);
    // Whether the timeline has drawn its track at its measured width: the ready signal waits
    // for it, since the track is drawn a task after the interface is mounted.
    let drawn = RwSignal::new(false);
    let src = options.src.clone();
    let text = options.text.clone();
    let timeout = options.timeout_ms;
    let explicit_lang = options.lang.is_some();
    let prefetch = StoredValue::new_local(options.prefetch.clone());
    Effect::new(move |_| {
        attempt.track();
        state.set(None);
        received_mb.set(0);
        drawn.set(false);
        let src = src.clone();
        let text = text.clone();
        let prefetch = prefetch.try_update_value(Option::take).flatten();
        spawn_local(async move {
            let progress = move |bytes: u64| {
                let mb = bytes / 1_000_000;
                if received_mb.try_get_untracked().is_some_and(|was| was != mb) {
                    let _ = received_mb.try_set(mb);
                }
            };
            let result = match text {
                Some(text) => parse_in_steps(text).await,
                None => load(&src, timeout, &progress, prefetch).await,
            }
            .map(Arc::new);
            // The interface is mounted in a task of its own (see `pause`).
            next_task().await;
            if let (Ok(p), false) = (&result, explicit_lang) {
                if let Some(l) = p.bundle.languages.iter().find_map(|c| Lang::from_tag(c)) {
                    let _ = lang.try_set(l);
                }
            }
            let _ = state.try_set(Some(result));
        });
    });
    // The public contract: once data is on screen, data-ready="true" and a bubbling event.
    Effect::new(move |_| {
        let ready = matches!(state.get(), Some(Ok(_))) && drawn.get();
        let el = root.get_value();
        if ready {
            gloo::timers::callback::Timeout::new(0, move || {
                let _ = el.set_attribute("data-ready", "true");
                let init = web_sys::CustomEventInit::new();
                init.set_bubbles(true);
                if let Ok(ev) =
                    web_sys::CustomEvent::new_with_event_init_dict("timeline:ready", &init)
                {
                    let _ = el.dispatch_event(&ev);
                }
            })
            .forget();
        } else {
            let _ = el.remove_attribute("data-ready");
        }
    });
    Effect::new(move |_| {
        let _ = root.get_value().set_attribute("lang", lang.get().code());
    });
    if let Some(t) = options.theme.as_deref().filter(|t| ["light", "dark", "contrast"].contains(t))
    {
        let _ = root.get_value().set_attribute("data-theme", t);
    }
    if let Some(h) = options.height.filter(|h| (120..=4000).contains(h)) {
        let _ = web_sys::HtmlElement::style(&root.get_value())
            .set_property("--tl-track-h", &format!("{h}px"));
    }
    let links = options.links.clone();

    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));
    view! {
        <div class="tl-root">
            {move || match state.get() {
                None => view! {
                    <p class="tl-loading" role="status">
                        {tr(lang, |s| s.loading)}
                        // Visible only: a live region re-read at every megabyte would drown
                        // the screen reader.
                        <span class="tl-loading__bytes" aria-hidden="true">{move || {
                            let mb = received_mb.get();
                            if mb == 0 { String::new() } else { format!(" {mb} MB") }
                        }}</span>
                    </p>
                }.into_any(),
                Some(Err(e)) => view! { <ErrorPanel error=e lang=lang on_retry=retry /> }.into_any(),
                Some(Ok(model)) => {
                    let title = model.bundle.title.clone();
                    let fb = model.fallbacks.clone();
                    view! {
                        <header class="tl-header">
                            <h2 class="tl-title">
                                {move || title.pick(lang.get().code(), &fb).map(|p| p.0.to_string()).unwrap_or_default()}
                            </h2>
                            <div class="tl-lang" role="group" aria-label=tr(lang, |s| s.language)>
                                <button type="button" class="tl-lang__option" lang="id"
                                    aria-pressed=move || (lang.get() == Lang::Id).to_string()
                                    on:click=move |_| lang.set(Lang::Id)>"ID"</button>
                                <button type="button" class="tl-lang__option" lang="en"
                                    aria-pressed=move || (lang.get() == Lang::En).to_string()
                                    on:click=move |_| lang.set(Lang::En)>"EN"</button>
                            </div>
                        </header>
                        <Timeline model=model lang=lang root=root wheel_zoom=options.wheel_zoom links=links.clone() drawn=drawn />
                    }.into_any()
                }
            }}
        </div>
    }
}
