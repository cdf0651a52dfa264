//! The event list ("Daftar peristiwa" / "Event list"): every event in order with its date,
//! summary, its image with caption and credit (or link out to media), its sources as numbered
//! notes (links out) and quoted excerpts, as headings a screen reader can jump between. It is
//! also what prints, with each note's and link's address written out. Hidden with a class, not
//! unmounted, so it keeps its place when toggled.

use crate::core::bundle::L10n;
use crate::core::i18n::{format_date, Lang};
use crate::ui::ctx::{event_date, Ctx};
use crate::ui::media::media_view;
use crate::ui::popover::citations;
use crate::ui::text::tr;
use leptos::prelude::*;

fn pick(t: &L10n, lang: Lang, fb: &[String]) -> (String, bool) {
    t.pick(lang.code(), fb).map(|(s, f)| (s.to_string(), f)).unwrap_or_default()
}

#[component]
pub fn ListView(ctx: Ctx) -> impl IntoView {
    // Built only while shown: 10 000 events must not cost 50 000 hidden elements.
    let items = move || {
        if !ctx.list.get() {
            return None;
        }
        let lang = ctx.lang.get();
        let s = lang.strings();
        let matching = ctx.matching.get();
        let included = ctx.included.get();
        ctx.model.with_value(|m| {
            let fb = &m.fallbacks;
            included
                .iter()
                .filter(|&&i| matching[i])
                .map(|&i| {
                    let e = &m.bundle.events[i];
                    let cat = &m.bundle.categories[e.category.min(m.bundle.categories.len() - 1)];
                    let (title, title_fb) = pick(&e.title, lang, fb);
                    let (summary, _) = pick(&e.summary, lang, fb);
                    let excerpts = e
                        .excerpts
                        .iter()
                        .map(|x| {
                            let src = m.bundle.sources.get(x.source);
                            let caption = src
                                .map(|src| {
                                    let date = src
                                        .published
                                        .map(|p| format!(", {}", format_date(&p, lang)))
                                        .unwrap_or_default();
                                    format!("— {}, “{}”{date}", src.publisher, src.title)
                                })
                                .unwrap_or_default();
                            let note = x.note.as_ref().map(|n| pick(n, lang, fb).0);
                            view! {
                                <figure class="tl-quote">
                                    <blockquote class="tl-quote__text" lang=x.lang.clone()><p>{x.text.clone()}</p></blockquote>
                                    <figcaption class="tl-quote__source">{caption}</figcaption>
                                    {note.map(|n| view! {
                                        <p class="tl-quote__note"><strong>{s.editor_note}": "</strong>{n}</p>
                                    })}
                                </figure>
                            }
                        })
                        .collect_view();
                    let id = e.id.clone();
                    view! {
                        <li class="tl-list__item" data-list-event-id=id>
                            <h3 class="tl-list__title">
                                {title}
                                {title_fb.then(|| view! { <span class="tl-fallback">" ("{s.translated_missing}")"</span> })}
                            </h3>
                            <p class="tl-list__meta">
                                <span class=format!("tl-chip__icon tl-icon--{}", cat.icon.name()) aria-hidden="true"
                                    style:background-color=cat.color.clone()></span>
                                <time>{event_date(e, lang)}</time>
                                " · "
                                {pick(&cat.label, lang, fb).0}
                            </p>
                            <p class="tl-list__summary">{summary}</p>
                            {e.media.as_ref().map(|md| media_view(md, lang, fb))}
                            {(!e.sources.is_empty()).then(|| view! {
                                <h4 class="tl-list__sources">{s.sources}</h4>
                                <ol class="tl-cites tl-list__notes">
                                    {citations(&m.bundle.sources, &e.sources, lang, fb)}
                                </ol>
                            })}
                            {excerpts}
                        </li>
                    }
                })
                .collect_view()
        })
        .into()
    };
    view! {
        // A scrolling region: focusable so keyboard users can scroll it.
        <section
            class="tl-list"
            tabindex="0"
            class:tl-list--shown=move || ctx.list.get()
            aria-label=tr(ctx.lang, |s| s.list_view)
        >
            <h2 class="tl-list__heading">{tr(ctx.lang, |s| s.list_view)}</h2>
            <ol class="tl-list__items">{items}</ol>
        </section>
    }
}
