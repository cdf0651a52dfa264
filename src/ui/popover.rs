//! The excerpt popover: one event's title, date at its precision, category, its image or link out
//! to media (`ui::media`), summary, the sources it cites (links out) and the quoted excerpts with
//! editor's notes. A non-modal `role="dialog"` beside its marker that stays inside the widget,
//! becoming a bottom sheet on narrow screens and the card of presentation mode.

use crate::core::bundle::{Citation, L10n, Source};
use crate::core::i18n::{format_count, format_date, Lang};
use crate::core::prepared::anchor_of;
use crate::ui::ctx::{event_date, request_focus, Ctx};
use crate::ui::hooks::{listen, Listener};
use crate::ui::media::media_view;
use crate::ui::present::{handle_key, leave_present};
use crate::ui::text::tr;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The popover's width on wide screens (px); below [`SHEET_BELOW_PX`] it becomes a bottom sheet.
const POPOVER_PX: f64 = 360.0;
const SHEET_BELOW_PX: f64 = 560.0;

/// Text in `lang` or a fallback, and whether it fell back (shown with a marker).
fn pick(t: &L10n, lang: Lang, fallbacks: &[String]) -> (String, bool) {
    t.pick(lang.code(), fallbacks).map(|(s, f)| (s.to_string(), f)).unwrap_or_default()
}

#[component]
pub fn Popover(ctx: Ctx) -> impl IntoView {
    let lang = ctx.lang;
    let selected = ctx.selected;
    let dialog = NodeRef::<Div>::new();
    let close = move |refocus: bool| {
        if let Some(i) = selected.get_untracked() {
            selected.set(None);
            if refocus {
                request_focus(ctx, i);
            }
        }
    };
    // Focus moves into the dialog when it opens.
    Effect::new(move |prev: Option<Option<usize>>| {
        let now = selected.get();
        if now.is_some() && prev.flatten().is_none() {
            if let Some(el) = dialog.get() {
                let _ = el.focus();
            }
        }
        now
    });
    // A press outside the popover (and outside any marker) closes it.
    let outside: StoredValue<Option<Listener>, LocalStorage> = StoredValue::new_local(None);
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let l = listen(doc.as_ref(), "pointerdown", true, move |ev| {
            if selected.try_get_untracked().flatten().is_none() {
                return;
            }
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let inside = target
                .is_some_and(|t| t.closest(".tl-popover, .tl-marker").ok().flatten().is_some());
            if !inside {
                let _ = selected.try_set(None);
            }
        });
        outside.set_value(Some(l));
    }
    on_cleanup(move || {
        let _ = outside.try_update_value(|o| o.take());
    });

    let n = ctx.model.with_value(|m| m.bundle.events.len());
    let strings = move || lang.get().strings();
    // Where the open event stands among the steps (filters and search apply): "12 / 48".
    let position = move || {
        let i = selected.get()?;
        let _ = (ctx.included.get(), ctx.matching.get());
        let steps = ctx.steps();
        steps.iter().position(|&s| s == i).map(|p| (p, steps.len()))
    };
    let step = move |delta: isize| {
        if let Some(i) = selected.get_untracked() {
            if let Some(j) = ctx.step_from(i, delta) {
                ctx.open(j);
            }
        }
    };
    // Stepping (previous/next, a presentation clicker) changes the dialog's content without
    // moving focus, so screen readers would hear nothing: the new event is said in a polite
    // live region. Opening is heard through the focus moving into the dialog.
    let stepped = RwSignal::new(String::new());
    Effect::new(move |prev: Option<Option<usize>>| {
        let now = selected.get();
        if let (Some(Some(a)), Some(b)) = (prev, now) {
            if a != b {
                let l = lang.get_untracked();
                let said = ctx.event_name(b, l);
                let at = untrack(position)
                    .map(|(p, t)| format!(" ({})", step_text(l, p, t)))
                    .unwrap_or_default();
                stepped.set(format!("{said}{at}"));
            }
        }
        now
    });
    let narrow = move || ctx.width.get() < SHEET_BELOW_PX && !ctx.present.get();
    let left = move || {
        let (Some(i), w) = (selected.get(), ctx.width.get()) else { return "0px".to_string() };
        if w < SHEET_BELOW_PX || ctx.present.get() {
            return "0px".to_string();
        }
        let v = ctx.view.get();
        let x = ctx.model.with_value(|m| v.x(anchor_of(&m.bundle.events[i]), w));
        // Beside the marker, flipped to its left in the right half, shifted to stay inside.
        let l = if x > w / 2.0 { x - POPOVER_PX - 24.0 } else { x + 24.0 };
        format!("{}px", crate::core::num::fixed(l.clamp(8.0, (w - POPOVER_PX - 8.0).max(8.0)), 1))
    };

    view! {
        <Show when=move || selected.get().is_some()>
            <div
                class="tl-popover"
                class:tl-popover--sheet=narrow
                role="dialog"
                aria-modal="false"
                aria-labelledby=ctx.dom_id("popover-title")
                tabindex="-1"
                node_ref=dialog
                data-event-id=move || selected.get().map(|i| ctx.event_id(i)).unwrap_or_default()
                style:left=left
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ctx.present.get_untracked() {
                        if !handle_key(ctx, &ev) {
                            ev.stop_propagation();
                        }
                    } else if ev.key() == "Escape" {
                        ev.prevent_default();
                        ev.stop_propagation();
                        close(true);
                    } else {
                        // Keys inside the dialog are not timeline keys.
                        ev.stop_propagation();
                    }
                }
            >
                {move || selected.get().map(|i| body(ctx, i, n))}
                <div class="tl-popover__nav">
                    <button type="button" class="tl-button tl-button--text"
                        disabled=move || position().is_none_or(|(p, _)| p == 0)
                        on:click=move |_| step(-1)>
                        <span aria-hidden="true">"← "</span>{tr(lang, |s| s.previous)}
                    </button>
                    <span class="tl-popover__count" aria-label=move || {
                        position().map(|(p, t)| step_text(lang.get(), p, t)).unwrap_or_default()
                    }>
                        {move || position().map(|(p, t)| {
                            let l = lang.get();
                            format!("{} / {}", format_count(p as u64 + 1, l), format_count(t as u64, l))
                        }).unwrap_or_default()}
                    </span>
                    <button type="button" class="tl-button tl-button--text"
                        disabled=move || position().is_none_or(|(p, t)| p + 1 >= t)
                        on:click=move |_| step(1)>
                        {tr(lang, |s| s.next)}<span aria-hidden="true">" →"</span>
                    </button>
                </div>
                {move || ctx.present.get().then(|| view! {
                    <p class="tl-popover__hint">{strings().present_hint}
                        " " <button type="button" class="tl-button tl-button--text" on:click=move |_| leave_present(ctx)>
                            {strings().leave_present}
                        </button>
                    </p>
                })}
                <button type="button" class="tl-popover__close" aria-label=tr(lang, |s| s.close)
                    title=tr(lang, |s| s.close)
                    on:click=move |_| close(true)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
        </Show>
        <div class="tl-sr-only" aria-live="polite" aria-atomic="true">{move || stepped.get()}</div>
    }
}

/// Step `p` (from 0) of `t`, as said to screen readers: "3 dari 65" / "3 of 65".
fn step_text(lang: Lang, p: usize, t: usize) -> String {
    lang.strings()
        .step
        .replace("{n}", &format_count(p as u64 + 1, lang))
        .replace("{total}", &format_count(t as u64, lang))
}

/// The sources an event cites, as `<li>` short citations (publisher, “title”, date) that open in a
/// new tab and say so to screen readers, each followed by its note (a page, a paragraph). Bundle
/// text is only ever text here; the validator admits only `http(s)` links.
pub(crate) fn citations(
    sources: &[Source],
    cited: &[Citation],
    lang: Lang,
    fb: &[String],
) -> impl IntoView {
    let s = lang.strings();
    cited
        .iter()
        .filter_map(|c| sources.get(c.source).map(|src| (src, c)))
        .map(|(src, c)| {
            let date =
                src.published.map(|p| format!(", {}", format_date(&p, lang))).unwrap_or_default();
            let text = format!("{}, “{}”{date}", src.publisher, src.title);
            let note = c.note.as_ref().map(|n| pick(n, lang, fb).0);
            let link =
                src.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            let cite = match link {
                Some(u) => view! {
                    <a class="tl-cite__link" href=u target="_blank" rel="noopener noreferrer">
                        <cite lang=src.lang.clone()>{text}</cite>
                        <span class="tl-cite__out" aria-hidden="true">" ↗"</span>
                        <span class="tl-sr-only">" "{s.opens_new_tab}</span>
                    </a>
                }
                .into_any(),
                None => view! {
                    <cite lang=src.lang.clone()>{text}</cite>
                    <span class="tl-cite__no-url">" ("{s.no_url}")"</span>
                }
                .into_any(),
            };
            view! {
                <li class="tl-cite">
                    {cite}
                    {note.map(|n| view! { <span class="tl-cite__note">" — "{n}</span> })}
                </li>
            }
        })
        .collect_view()
}

/// The dialog's content for event `i`, in the current language.
fn body(ctx: Ctx, i: usize, _n: usize) -> impl IntoView {
    let lang = ctx.lang.get();
    let s = lang.strings();
    ctx.model.with_value(|m| {
        let fb = &m.fallbacks;
        let e = &m.bundle.events[i];
        let cat = &m.bundle.categories[e.category.min(m.bundle.categories.len() - 1)];
        let (title, title_fb) = pick(&e.title, lang, fb);
        let (summary, summary_fb) = pick(&e.summary, lang, fb);
        let (cat_label, _) = pick(&cat.label, lang, fb);
        let missing = s.translated_missing;
        let date_note = e.date_note.as_ref().map(|d| pick(d, lang, fb).0);
        let excerpts = e
            .excerpts
            .iter()
            .map(|x| {
                let src = &m.bundle.sources[x.source.min(m.bundle.sources.len().saturating_sub(1))];
                let published = src.published.map(|p| format_date(&p, lang)).unwrap_or_default();
                let note = x.note.as_ref().map(|n| pick(n, lang, fb).0);
                let link = src
                    .url
                    .clone()
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
                let caption = format!(
                    "{}, “{}”{}{} · {}",
                    src.publisher,
                    src.title,
                    if published.is_empty() { "" } else { ", " },
                    published,
                    lang.language_name(&x.lang)
                );
                view! {
                    <figure class="tl-quote">
                        <blockquote class="tl-quote__text" lang=x.lang.clone()>
                            <p>{x.text.clone()}</p>
                        </blockquote>
                        <figcaption class="tl-quote__source">
                            "— "
                            {match link {
                                Some(u) => view! {
                                    <a href=u target="_blank" rel="noopener noreferrer">{caption}</a>
                                }.into_any(),
                                None => caption.into_any(),
                            }}
                        </figcaption>
                        {note.map(|n| view! {
                            <p class="tl-quote__note"><strong>{s.editor_note}": "</strong>{n}</p>
                        })}
                    </figure>
                }
            })
            .collect_view();
        view! {
            <p class="tl-popover__meta">
                <span class=format!("tl-popover__icon tl-icon--{}", cat.icon.name()) aria-hidden="true"
                    style:background-color=cat.color.clone()></span>
                <span class="tl-sr-only">{s.category}": "</span>
                {cat_label}
            </p>
            <h2 class="tl-popover__title" id=ctx.dom_id("popover-title")>
                {title}
                {title_fb.then(|| view! { <span class="tl-fallback">" ("{missing}")"</span> })}
            </h2>
            <p class="tl-popover__date">{event_date(e, lang)}</p>
            {e.media.as_ref().map(|md| media_view(md, lang, fb))}
            <p class="tl-popover__summary">
                {summary}
                {summary_fb.then(|| view! { <span class="tl-fallback">" ("{missing}")"</span> })}
            </p>
            {date_note.map(|d| view! {
                <p class="tl-popover__date-note"><strong>{s.date_note}": "</strong>{d}</p>
            })}
            {(!e.sources.is_empty()).then(|| view! {
                <h3 class="tl-popover__sources">{s.sources}</h3>
                <ol class="tl-cites">{citations(&m.bundle.sources, &e.sources, lang, fb)}</ol>
            })}
            {(!e.excerpts.is_empty()).then(|| view! {
                <h3 class="tl-popover__sources">{s.excerpts}</h3>
            })}
            {excerpts}
        }
    })
}
