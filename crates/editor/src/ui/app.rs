//! The page: a header with the language switch, then the four sections. On wide screens the
//! data and its check are on the left, the preview and the take-away on the right.

use super::check::Check;
use super::input::Input;
use super::preview::Preview;
use super::state::provide;
use super::takeaway::TakeAway;
use leptos::prelude::*;
use timeline_core::i18n::Lang;

#[component]
pub fn App() -> impl IntoView {
    let ed = provide();
    let w = move || ed.w();
    let lang_button = move |l: Lang, label: &'static str| {
        view! {
            <button type="button" class="ed-lang__option" lang=l.code()
                aria-pressed=move || (ed.ui.get() == l).to_string()
                on:click=move |_| ed.ui.set(l)>{label}</button>
        }
    };
    view! {
        <header class="ed-header">
            <div class="ed-header__text">
                <h1 class="ed-title">{move || w().title}</h1>
                <p class="ed-intro">{move || w().intro}</p>
            </div>
            <nav class="ed-header__links" aria-label=move || w().title>
                <a href="index.html">{move || w().see_sample}</a>
                <div class="ed-lang" role="group" aria-label=move || w().language>
                    {lang_button(Lang::Id, "ID")}
                    {lang_button(Lang::En, "EN")}
                </div>
            </nav>
        </header>
        <div class="ed-grid">
            <div class="ed-col">
                <Input ed=ed />
                <Check ed=ed />
            </div>
            <div class="ed-col">
                <Preview ed=ed />
                <TakeAway ed=ed />
            </div>
        </div>
    }
}
