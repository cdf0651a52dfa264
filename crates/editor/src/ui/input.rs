//! Section 1, the data: the box to paste into (or drop a file on), its format, and the ways to
//! start: the template, the sample data, a file, or nothing.

use super::dom;
use super::state::Ed;
use crate::analyse::{Choice, Found};
use leptos::prelude::*;

/// The empty template, as `data/templates/` has it.
pub const TEMPLATE: &str = include_str!("../../../../data/templates/timeline-template.csv");
/// The real dataset in the template, one of the page's own files.
pub const DATASET_URL: &str = "data/templates/sino-soviet-1950-1965.csv";

#[component]
pub fn Input(ed: Ed) -> impl IntoView {
    let w = move || ed.w();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let load_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            match dom::file_text(&file).await {
                Ok(text) => ed.replace(text, ed.w().replaced_file),
                Err(e) => ed.notice.set(format!("{} {e}", ed.w().load_failed)),
            }
        });
    };
    let on_file = move |_| {
        let Some(input) = file_input.get() else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            load_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            load_file(file);
        }
    };
    let dataset = move |_| {
        ed.notice.set(ed.w().loading.to_owned());
        leptos::task::spawn_local(async move {
            match dom::fetch_text(DATASET_URL).await {
                Ok(text) => ed.replace(text, ed.w().replaced_dataset),
                Err(e) => ed.notice.set(format!("{} {e}", ed.w().load_failed)),
            }
        });
    };
    let bring_back = move |_| {
        if let Some(old) = ed.undo.get_untracked() {
            ed.undo.set(None);
            ed.text.set(old);
            ed.notice.set(String::new());
        }
    };
    let option = move |c: Choice, label: fn(&'static crate::words::Words) -> &'static str| {
        view! {
            <option value=c.name() selected=move || ed.choice.get() == c>{move || label(ed.w())}</option>
        }
    };
    // The language of TimelineJS texts matters only for TimelineJS input.
    let is_timelinejs = move || {
        let found = ed.analysed.get().analysis.found;
        matches!(ed.choice.get(), Choice::TimelinejsCsv | Choice::TimelinejsJson)
            || matches!(found, Some(Found::TimelinejsCsv(_) | Found::TimelinejsJson))
    };
    view! {
        <section class="ed-section ed-input" aria-labelledby="ed-input-h">
            <h2 id="ed-input-h">{move || w().data_heading}</h2>
            <div class="ed-actions">
                <button type="button" class="ed-button" data-action="template"
                    on:click=move |_| ed.replace(TEMPLATE.to_owned(), ed.w().replaced_template)>
                    {move || w().from_template}</button>
                <button type="button" class="ed-button" data-action="dataset" on:click=dataset>
                    {move || w().from_dataset}</button>
                <button type="button" class="ed-button" data-action="open"
                    on:click=move |_| { if let Some(i) = file_input.get() { i.click(); } }>
                    {move || w().open_file}</button>
                <input type="file" class="ed-file" node_ref=file_input tabindex="-1" aria-hidden="true"
                    accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,application/json"
                    on:change=on_file />
                <button type="button" class="ed-button ed-button--quiet" data-action="start-over"
                    on:click=move |_| ed.replace(String::new(), ed.w().cleared)>
                    {move || w().start_over}</button>
            </div>
            <div class="ed-fields">
                <label class="ed-field">
                    <span>{move || w().format}</span>
                    <select on:change=move |ev| ed.choice.set(Choice::from_name(&event_target_value(&ev)))>
                        {option(Choice::Auto, |w| w.format_auto)}
                        {option(Choice::Sheet, |w| w.format_sheet)}
                        {option(Choice::TimelinejsCsv, |w| w.format_tljs_csv)}
                        {option(Choice::TimelinejsJson, |w| w.format_tljs_json)}
                        {option(Choice::Bundle, |w| w.format_bundle)}
                    </select>
                </label>
                <label class="ed-field" class:ed-hidden=move || !is_timelinejs()>
                    <span>{move || w().text_lang}</span>
                    <select on:change=move |ev| ed.text_lang.set(event_target_value(&ev))>
                        <option value="id" selected=move || ed.text_lang.get() == "id">"Bahasa Indonesia"</option>
                        <option value="en" selected=move || ed.text_lang.get() == "en">"English"</option>
                    </select>
                </label>
            </div>
            <label for="ed-text" class="ed-label">{move || w().data_label}</label>
            <p id="ed-text-hint" class="ed-hint">{move || w().data_hint}</p>
            <textarea id="ed-text" class="ed-text" node_ref=ed.area wrap="off" spellcheck="false"
                autocomplete="off" aria-describedby="ed-text-hint ed-saved"
                prop:value=move || ed.text.get()
                on:input=move |ev| ed.text.set(event_target_value(&ev))
                on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                on:drop=on_drop></textarea>
            <p id="ed-saved" class="ed-saved" role="status">
                {move || match ed.save_error.get() {
                    Some(e) => format!("{} {e}", ed.w().not_saved),
                    None => ed.w().saved.to_owned(),
                }}
                " "
                {move || ed.notice.get()}
                " "
                <button type="button" class="ed-link" data-action="undo"
                    class:ed-hidden=move || ed.undo.get().is_none() || ed.notice.get().is_empty()
                    on:click=bring_back>{move || w().undo}</button>
            </p>
        </section>
    }
}
