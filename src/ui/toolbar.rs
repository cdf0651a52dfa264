//! The controls above the track: zoom, list view, presentation, sharing, category filters and
//! search. Real buttons with accessible names in the current language; toggles use
//! `aria-pressed`.

use crate::core::deeplink::DeepLink;
use crate::core::i18n::format_count;
use crate::core::view_state::Action;
use crate::ui::ctx::Ctx;
use crate::ui::present::{enter_present, leave_present};
use crate::ui::text::tr;
use leptos::prelude::*;

#[component]
pub fn Toolbar(ctx: Ctx, label: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    let lang = ctx.lang;
    let strings = move || lang.get().strings();
    // Around the focused event once the reader has walked the markers, as `+`/`-` do.
    let zoom = move |factor: f64| {
        ctx.dispatch(Action::Zoom { factor, on_focus: ctx.engaged.get_untracked() });
    };
    let status = RwSignal::new(String::new());
    let share = move |_| {
        let frag = DeepLink::of(
            ctx.selected.get_untracked().map(|i| ctx.event_id(i)).as_deref(),
            Some(ctx.view.get_untracked()),
        )
        .to_fragment();
        let Some(w) = web_sys::window() else { return };
        let href = w.location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        let url = format!("{base}#{frag}");
        let l = lang.get_untracked();
        let promise = w.navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            let s = l.strings();
            let _ = status.try_set(if ok { s.link_copied.into() } else { s.copy_failed.into() });
        });
    };
    let categories = ctx.model.with_value(|m| {
        m.bundle
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let count = m.bundle.events.iter().filter(|e| e.category == i).count();
                (i, c.label.clone(), c.color.clone(), c.icon.name(), count, m.fallbacks.clone())
            })
            .collect::<Vec<_>>()
    });
    let chips = categories
        .into_iter()
        .map(|(i, label, color, icon, count, fb)| {
            let pressed = move || !ctx.hidden.get().get(i).copied().unwrap_or(false);
            view! {
                <button
                    type="button"
                    class="tl-chip"
                    aria-pressed=move || pressed().to_string()
                    on:click=move |_| ctx.hidden.update(|h| {
                        if let Some(x) = h.get_mut(i) {
                            *x = !*x;
                        }
                    })
                >
                    <span class=format!("tl-chip__icon tl-icon--{icon}") aria-hidden="true"
                        style:background-color=color></span>
                    <span class="tl-chip__label">{move || label.pick(lang.get().code(), &fb).map(|p| p.0.to_string()).unwrap_or_default()}</span>
                    <span class="tl-chip__count">{count}</span>
                </button>
            }
        })
        .collect_view();
    let total = ctx.model.with_value(|m| m.bundle.events.len());
    let match_text = move || {
        let s = strings();
        let l = lang.get();
        let n = ctx.steps().len();
        let _ = (ctx.matching.get(), ctx.included.get());
        if ctx.query.get().trim().is_empty() {
            s.all_match.replace("{total}", &format_count(ctx.included.get().len() as u64, l))
        } else if n == 0 {
            s.no_matches.to_string()
        } else {
            s.matches
                .replace("{n}", &format_count(n as u64, l))
                .replace("{total}", &format_count(total as u64, l))
        }
    };
    let search_id = ctx.dom_id("search");
    view! {
        <div class="tl-controls" role="toolbar" aria-label=tr(lang, |s| s.controls)>
            <button type="button" class="tl-button" aria-label=tr(lang, |s| s.zoom_in)
                title=tr(lang, |s| s.zoom_in) on:click=move |_| zoom(2.0)>
                <span aria-hidden="true">"+"</span>
            </button>
            <button type="button" class="tl-button" aria-label=tr(lang, |s| s.zoom_out)
                title=tr(lang, |s| s.zoom_out) on:click=move |_| zoom(0.5)>
                <span aria-hidden="true">"−"</span>
            </button>
            <button type="button" class="tl-button tl-button--text" aria-label=tr(lang, |s| s.reset) data-short=tr(lang, |s| s.reset_short)
                on:click=move |_| ctx.go(ctx.model.with_value(|m| m.extent).full())>
                <span class="tl-button__long">{tr(lang, |s| s.reset)}</span>
            </button>
            <button type="button" class="tl-button tl-button--text"
                aria-pressed=move || ctx.list.get().to_string()
                aria-label=tr(lang, |s| s.list_view) data-short=tr(lang, |s| s.list_short)
                on:click=move |_| ctx.list.update(|l| *l = !*l)>
                <span class="tl-button__long">{tr(lang, |s| s.list_view)}</span>
            </button>
            <button type="button" class="tl-button tl-button--text"
                aria-pressed=move || ctx.present.get().to_string()
                aria-label=tr(lang, |s| s.present) data-short=tr(lang, |s| s.present_short)
                on:click=move |_| if ctx.present.get_untracked() { leave_present(ctx) } else { enter_present(ctx, true) }>
                <span class="tl-button__long">{tr(lang, |s| s.present)}</span>
            </button>
            <button type="button" class="tl-button tl-button--text" aria-label=tr(lang, |s| s.share) data-short=tr(lang, |s| s.share_short) on:click=share>
                <span class="tl-button__long">{tr(lang, |s| s.share)}</span>
            </button>
            <span class="tl-range-label" aria-hidden="true">{label}</span>
        </div>
        <div class="tl-filters">
            <div class="tl-chips" role="group" aria-label=tr(lang, |s| s.filters)>{chips}</div>
            <div class="tl-search">
                <label class="tl-sr-only" for=search_id.clone()>{tr(lang, |s| s.search)}</label>
                <input
                    id=search_id
                    class="tl-search__input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=tr(lang, |s| s.search_placeholder)
                    prop:value=move || ctx.query.get()
                    on:input=move |ev| ctx.query.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| ev.stop_propagation()
                />
                <span class="tl-search__count" role="status">{match_text}</span>
            </div>
        </div>
        <p class="tl-sr-only" role="status" aria-live="polite">{move || status.get()}</p>
    }
}
