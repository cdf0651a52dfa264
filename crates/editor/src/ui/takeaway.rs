//! Section 4, take it away: the bundle and the spreadsheet to download, the single offline file
//! (the same as `timeline pack`, built here from the page's own copy of the widget), and the
//! embed code with the chosen options filled in.

use super::dom;
use super::input::TEMPLATE;
use super::state::Ed;
use crate::snippets::{file_name, is_date, Embed};
use leptos::prelude::*;
use timeline_cli::pack;

/// The title of the bundle in `lang`, or "timeline".
fn title(ed: Ed) -> String {
    ed.analysed.get().analysis.title(ed.lang.get().code()).unwrap_or_else(|| "timeline".into())
}

/// Builds the offline file from the page's own `timeline_bg.wasm`, `timeline.js`,
/// `timeline.css` and `page.css`.
async fn offline(ed: Ed) -> Result<(String, String), String> {
    let a = ed.analysed.get_untracked();
    let bundle = a.analysis.bundle.clone().ok_or_else(|| ed.w().needs_valid.to_owned())?;
    let json = a.analysis.bundle_json(&a.text).ok_or_else(|| ed.w().needs_valid.to_owned())?;
    let [wasm, glue, css, page] = pack::ASSET_FILES;
    let assets = pack::Assets {
        wasm: dom::fetch_bytes(wasm).await?,
        glue: dom::fetch_text(glue).await?,
        css: format!("{}\n{}", dom::fetch_text(css).await?, dom::fetch_text(page).await?),
    };
    let options = pack::Options {
        lang: Some(ed.lang.get_untracked()),
        theme: Some(ed.theme.get_untracked()).filter(|t| !t.is_empty()),
    };
    let page = pack::pack(&assets, &json, &bundle, &options)
        .map_err(|e| e.message(ed.ui.get_untracked()))?;
    Ok((file_name(&title(ed), "html"), page))
}

#[component]
fn Snippet(
    ed: Ed,
    id: &'static str,
    label: fn(&'static crate::words::Words) -> &'static str,
    code: Signal<String>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = dom::copy(&text).await;
            status.set(if ok { ed.w().copied.into() } else { ed.w().copy_failed.into() });
        });
    };
    view! {
        <div class="ed-snippet" data-snippet=id>
            <label class="ed-label" for=format!("ed-snippet-{id}")>{move || label(ed.w())}</label>
            <textarea id=format!("ed-snippet-{id}") class="ed-code" readonly wrap="off" rows="5"
                spellcheck="false" prop:value=move || code.get()></textarea>
            <div class="ed-row">
                <button type="button" class="ed-button" on:click=copy>{move || ed.w().copy}</button>
                <span class="ed-hint" role="status">{move || status.get()}</span>
            </div>
        </div>
    }
}

#[component]
pub fn TakeAway(ed: Ed) -> impl IntoView {
    let w = move || ed.w();
    let valid = move || ed.analysed.get().analysis.bundle.is_some();
    let status = RwSignal::new(String::new());
    let download_bundle = move |_| {
        let a = ed.analysed.get_untracked();
        if let Some(json) = a.analysis.bundle_json(&a.text) {
            let name = file_name(&title(ed), "json");
            dom::download(&name, "application/json", json.as_bytes());
            status.set(format!("{} {name}", ed.w().downloaded));
        }
    };
    let download_sheet = move |_| {
        let a = ed.analysed.get_untracked();
        if let Some(b) = &a.analysis.bundle {
            let rows = timeline_core::import::template::export(b);
            let csv = timeline_cli::table::write(&rows, b',');
            let name = file_name(&title(ed), "csv");
            dom::download(&name, "text/csv", csv.as_bytes());
            status.set(format!("{} {name}", ed.w().downloaded));
        }
    };
    let download_template = move |_| {
        dom::download("timeline-template.csv", "text/csv", TEMPLATE.as_bytes());
    };
    let busy = RwSignal::new(false);
    let download_offline = move |_| {
        busy.set(true);
        status.set(ed.w().preparing.to_owned());
        leptos::task::spawn_local(async move {
            match offline(ed).await {
                Ok((name, page)) => {
                    dom::download(&name, "text/html", page.as_bytes());
                    let kb = page.len() / 1024;
                    status.set(format!("{} {name} ({kb} KB)", ed.w().downloaded));
                }
                Err(e) => status.set(format!("{} {e}", ed.w().offline_failed)),
            }
            busy.set(false);
        });
    };
    let embed = Memo::new(move |_| {
        let data = ed.data.get();
        let data = if data.trim().is_empty() {
            format!("data/{}", file_name(&title(ed), "json"))
        } else {
            data.trim().to_owned()
        };
        Embed {
            base: ed.base.get(),
            data,
            lang: ed.lang.get(),
            theme: ed.theme_opt(),
            start: Some(ed.start.get()).filter(|s| !s.trim().is_empty()),
            end: Some(ed.end.get()).filter(|s| !s.trim().is_empty()),
            height: ed.height_opt(),
            title: title(ed),
        }
    });
    let iframe = Signal::derive(move || embed.get().iframe());
    let script = Signal::derive(move || {
        let a = ed.analysed.get();
        let fallback = a
            .analysis
            .bundle
            .as_ref()
            .map(|b| timeline_core::export::html(b, ed.lang.get()))
            .unwrap_or_default();
        embed.get().script(&fallback)
    });
    let mount = Signal::derive(move || embed.get().mount());
    // The data file's name when the field is left empty.
    let placeholder = move |key: &str| match key {
        "data" => format!("data/{}", file_name(&title(ed), "json")),
        _ => String::new(),
    };
    let bad_date = move |s: RwSignal<String>| {
        let v = s.get();
        !v.trim().is_empty() && !is_date(&v)
    };
    let text_field = move |key: &'static str,
                           label: fn(&'static crate::words::Words) -> &'static str,
                           sig: RwSignal<String>,
                           hint: Option<fn(&'static crate::words::Words) -> &'static str>,
                           check_date: bool| {
        let id = format!("ed-opt-{key}");
        let hint_id = format!("ed-opt-{key}-hint");
        view! {
            <div class="ed-field">
                <label for=id.clone()>{move || label(ed.w())}</label>
                <input id=id type="text" data-option=key spellcheck="false"
                    placeholder=move || placeholder(key)
                    aria-describedby=hint.map(|_| hint_id.clone())
                    aria-invalid=move || (check_date && bad_date(sig)).to_string()
                    prop:value=move || sig.get()
                    on:input=move |ev| sig.set(event_target_value(&ev)) />
                {hint.map(|h| view! { <span id=hint_id class="ed-hint">{move || h(ed.w())}</span> })}
            </div>
        }
    };
    view! {
        <section class="ed-section ed-takeaway" aria-labelledby="ed-takeaway-h">
            <h2 id="ed-takeaway-h">{move || w().takeaway_heading}</h2>
            <p class="ed-hint" class:ed-hidden=valid>{move || {
                let empty = ed.analysed.get().analysis.found == Some(crate::analyse::Found::Empty);
                if empty { w().needs_data } else { w().needs_valid }
            }}</p>
            <div class="ed-actions">
                <button type="button" class="ed-button ed-button--primary" data-action="download-bundle"
                    disabled=move || !valid() on:click=download_bundle>{move || w().download_bundle}</button>
                <button type="button" class="ed-button" data-action="download-offline"
                    disabled=move || !valid() || busy.get() on:click=download_offline>
                    {move || w().download_offline}</button>
                <button type="button" class="ed-button" data-action="download-sheet"
                    disabled=move || !valid() on:click=download_sheet>{move || w().download_sheet}</button>
                <button type="button" class="ed-button" data-action="download-template"
                    on:click=download_template>{move || w().download_template}</button>
            </div>
            <p class="ed-hint">{move || w().offline_hint}</p>
            <p class="ed-status" role="status" data-status="takeaway">{move || status.get()}</p>
            <h3>{move || w().embed_heading}</h3>
            <p class="ed-hint">{move || w().embed_hint}</p>
            <div class="ed-fields ed-fields--wide">
                {text_field("base", |w| w.base, ed.base, None, false)}
                {text_field("data", |w| w.data_file, ed.data, None, false)}
            </div>
            <div class="ed-fields">
                {text_field("start", |w| w.start, ed.start, Some(|w| w.date_hint), true)}
                {text_field("end", |w| w.end, ed.end, None, true)}
                {text_field("height", |w| w.height, ed.height, Some(|w| w.height_hint), false)}
            </div>
            <Snippet ed=ed id="iframe" label=|w| w.snippet_iframe code=iframe />
            <Snippet ed=ed id="script" label=|w| w.snippet_script code=script />
            <Snippet ed=ed id="mount" label=|w| w.snippet_mount code=mount />
        </section>
    }
}
