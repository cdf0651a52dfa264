//! What a reader sees when the timeline cannot be shown: a plain explanation in their language,
//! the details an editor needs, and a retry button. Never a blank box.

use crate::core::i18n::Lang;
use crate::ui::load::LoadError;
use leptos::prelude::*;

/// How many validation problems are listed before "and N more".
const SHOWN_PROBLEMS: usize = 5;

fn headline(err: &LoadError, lang: Lang) -> &'static str {
    let s = lang.strings();
    match err {
        LoadError::Invalid(_) | LoadError::NotJson(_) => s.invalid_bundle,
        _ => s.load_failed,
    }
}

fn detail(err: &LoadError, lang: Lang) -> String {
    match (err, lang) {
        (LoadError::Network(m), Lang::Id) => format!("Gagal menghubungi server ({m})."),
        (LoadError::Network(m), Lang::En) => format!("The server could not be reached ({m})."),
        (LoadError::Timeout(ms), Lang::Id) => {
            format!("Server tidak menjawab dalam {} detik.", ms / 1000)
        }
        (LoadError::Timeout(ms), Lang::En) => {
            format!("The server did not answer within {} seconds.", ms / 1000)
        }
        (LoadError::Http(code), Lang::Id) => format!("Server menjawab dengan galat HTTP {code}."),
        (LoadError::Http(code), Lang::En) => format!("The server answered with HTTP error {code}."),
        (LoadError::NotJson(m), Lang::Id) => format!("Berkas ini bukan JSON yang sah: {m}"),
        (LoadError::NotJson(m), Lang::En) => format!("This file is not valid JSON: {m}"),
        (LoadError::Invalid(p), Lang::Id) => format!("Ditemukan {} masalah:", p.len()),
        (LoadError::Invalid(p), Lang::En) => format!("{} problems were found:", p.len()),
    }
}

#[component]
pub fn ErrorPanel(error: LoadError, lang: RwSignal<Lang>, on_retry: Callback<()>) -> impl IntoView {
    let e1 = error.clone();
    let e2 = error.clone();
    let problems = match &error {
        LoadError::Invalid(p) => p.clone(),
        _ => Vec::new(),
    };
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    let items = problems
        .into_iter()
        .take(SHOWN_PROBLEMS)
        .map(|p| view! { <li><code>{p.path}</code>": "{p.message}</li> })
        .collect_view();
    view! {
        <div class="tl-error" role="alert">
            <p class="tl-error__title">{move || headline(&e1, lang.get())}</p>
            <p class="tl-error__detail">{move || detail(&e2, lang.get())}</p>
            <ul class="tl-error__list">{items}</ul>
            {(more > 0).then(|| view! {
                <p class="tl-error__more">
                    {move || lang.get().strings().and_more.replace("{n}", &more.to_string())}
                </p>
            })}
            <button type="button" class="tl-button tl-button--text" on:click=move |_| on_retry.run(())>
                {move || lang.get().strings().retry}
            </button>
        </div>
    }
}
