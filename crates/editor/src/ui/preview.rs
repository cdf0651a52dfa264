//! Section 3, the preview: the real widget, from the page's own `timeline.js`, in an iframe
//! (`preview.html`) so its phone layout and its media queries see the chosen width. The editor
//! sends it the bundle and the options by `postMessage`, only to its own origin; the frame
//! answers "ready" and its height, and nothing else is listened to.

use super::state::{Ed, Width};
use crate::analyse::Found;
use crate::snippets::is_date;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

#[component]
pub fn Preview(ed: Ed) -> impl IntoView {
    let w = move || ed.w();
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let ready = RwSignal::new(false);
    let frame_h = RwSignal::new(560.0f64);
    // The last bundle without errors, as JSON text: what the preview shows.
    let good = RwSignal::new(None::<Arc<String>>);
    let stale = RwSignal::new(false);
    Effect::new(move |_| {
        let a = ed.analysed.get();
        let x = &a.analysis;
        match (&x.bundle, &x.document) {
            (Some(_), Some(doc)) => {
                let json = if x.found == Some(Found::Bundle) {
                    a.text.clone()
                } else {
                    serde_json::to_string(doc).unwrap_or_default()
                };
                good.set(Some(Arc::new(json)));
                stale.set(false);
            }
            _ => stale.set(x.found != Some(Found::Empty)),
        }
    });
    let send = move || {
        let (Some(json), true) = (good.get(), ready.get()) else { return };
        let Some(win) = frame.get().and_then(|f| f.content_window()) else { return };
        let msg = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&msg, &k.into(), v);
        };
        set("type", &"timeline:preview".into());
        set("bundle", &json.as_str().into());
        set("lang", &ed.lang.get().code().into());
        if let Some(t) = ed.theme_opt() {
            set("theme", &t.into());
        }
        for (k, v) in [("start", ed.start.get()), ("end", ed.end.get())] {
            if is_date(&v) {
                set(k, &v.trim().into());
            }
        }
        if let Some(h) = ed.height_opt() {
            set("height", &h.to_string().into());
        }
        let _ = win.post_message(&msg, &origin());
    };
    Effect::new(move |_| send());
    let listener = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        let Some(f) = frame.get_untracked() else { return };
        let from_frame = ev.source().map(JsValue::from) == f.content_window().map(JsValue::from);
        if !from_frame || ev.origin() != origin() {
            return;
        }
        let data = ev.data();
        let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string());
        match kind.as_deref() {
            Some("timeline:preview-ready") => ready.set(true),
            Some("timeline:height") => {
                let h = js_sys::Reflect::get(&data, &"height".into())
                    .ok()
                    .and_then(|h| h.as_f64())
                    .filter(|h| h.is_finite() && *h > 0.0 && *h < 20_000.0);
                if let Some(h) = h {
                    frame_h.set(h.ceil());
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || listener.remove());

    let width_button = move |wd: Width, label: fn(&'static crate::words::Words) -> &'static str| {
        view! {
            <button type="button" class="ed-seg__option" data-width=wd.name()
                aria-pressed=move || (ed.width.get() == wd).to_string()
                on:click=move |_| ed.width.set(wd)>{move || label(ed.w())}</button>
        }
    };
    let theme_option =
        move |value: &'static str, label: fn(&'static crate::words::Words) -> &'static str| {
            view! { <option value=value selected=move || ed.theme.get() == value>{move || label(ed.w())}</option> }
        };
    let lang_option = move |l: timeline_core::i18n::Lang, label: &'static str| {
        view! { <option value=l.code() selected=move || ed.lang.get() == l>{label}</option> }
    };
    view! {
        <section class="ed-section ed-preview" aria-labelledby="ed-preview-h">
            <h2 id="ed-preview-h">{move || w().preview_heading}</h2>
            <div class="ed-fields">
                <label class="ed-field">
                    <span>{move || w().preview_lang}</span>
                    <select data-option="lang" on:change=move |ev| {
                        if let Some(l) = timeline_core::i18n::Lang::from_tag(&event_target_value(&ev)) {
                            ed.lang.set(l);
                        }
                    }>
                        {lang_option(timeline_core::i18n::Lang::Id, "Bahasa Indonesia")}
                        {lang_option(timeline_core::i18n::Lang::En, "English")}
                    </select>
                </label>
                <label class="ed-field">
                    <span>{move || w().theme}</span>
                    <select data-option="theme" on:change=move |ev| ed.theme.set(event_target_value(&ev))>
                        {theme_option("", |w| w.theme_auto)}
                        {theme_option("light", |w| w.theme_light)}
                        {theme_option("dark", |w| w.theme_dark)}
                        {theme_option("contrast", |w| w.theme_contrast)}
                    </select>
                </label>
                <div class="ed-field">
                    <span id="ed-width-l">{move || w().width}</span>
                    <div class="ed-seg" role="group" aria-labelledby="ed-width-l">
                        {width_button(Width::Phone, |w| w.width_phone)}
                        {width_button(Width::Article, |w| w.width_article)}
                        {width_button(Width::Full, |w| w.width_full)}
                    </div>
                </div>
            </div>
            <p class="ed-hint" role="status">
                {move || if good.get().is_none() {
                    w().preview_none
                } else if stale.get() {
                    w().preview_stale
                } else {
                    ""
                }}
            </p>
            <div class="ed-frame-box">
                <iframe class="ed-frame" src="preview.html" node_ref=frame allow="fullscreen"
                    title=move || w().preview_frame
                    class:ed-hidden=move || good.get().is_none()
                    style:width=move || ed.width.get().css()
                    style:height=move || format!("{}px", frame_h.get())></iframe>
            </div>
        </section>
    }
}
