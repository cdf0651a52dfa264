//! Section 2, the check: what the data is, how many events, and every import report and
//! validator problem in the page's language with its row and column (or JSON line); choosing
//! one selects that place in the data box.

use super::dom;
use super::state::Ed;
use crate::analyse::{Found, Item, Level};
use crate::words::{level, summary};
use leptos::prelude::*;

/// At most this many problems are listed (a pasted sheet of the wrong shape can give one per
/// cell); the rest are counted.
pub const MAX_LISTED: usize = 200;

#[component]
pub fn Check(ed: Ed) -> impl IntoView {
    let w = move || ed.w();
    let line = move || {
        let a = ed.analysed.get();
        let x = &a.analysis;
        let found = x.found.unwrap_or(Found::Empty);
        let counts = (x.count(Level::Error), x.count(Level::Warning), x.count(Level::Note));
        summary(ed.ui.get(), found, x.events, counts.0, counts.1, counts.2)
    };
    let items = move || {
        let a = ed.analysed.get();
        let lang = ed.ui.get();
        let listed: Vec<(usize, Item)> =
            a.analysis.items.iter().take(MAX_LISTED).cloned().enumerate().collect();
        listed
            .into_iter()
            .map(|(i, item)| {
                let place = item.place.label(lang);
                let lvl = level(lang, item.level);
                let level_name = match item.level {
                    Level::Error => "error",
                    Level::Warning => "warning",
                    Level::Note => "note",
                };
                let has_span = item.span.is_some();
                let span = item.span.clone();
                let go = move |_| {
                    let a = ed.analysed.get_untracked();
                    if let (Some(area), Some(span)) = (ed.area.get_untracked(), span.clone()) {
                        dom::select(&area, &a.text, &span);
                    }
                };
                let code = if item.path.is_empty() {
                    item.code.clone()
                } else {
                    format!("{} {}", item.code, item.path)
                };
                view! {
                    <li class="ed-problem" data-level=level_name data-index=i>
                        <span class="ed-problem__level">{lvl}</span>
                        {if has_span {
                            view! {
                                <button type="button" class="ed-problem__place"
                                    aria-label=format!("{} {place}", ed.w().go_to)
                                    on:click=go>{place.clone()}</button>
                            }.into_any()
                        } else {
                            view! { <span class="ed-problem__place">{place.clone()}</span> }.into_any()
                        }}
                        <span class="ed-problem__message">{item.message.clone()}</span>
                        <code class="ed-problem__code">{code}</code>
                    </li>
                }
            })
            .collect_view()
    };
    let more = move || {
        let n = ed.analysed.get().analysis.items.len();
        (n > MAX_LISTED).then(|| format!("+{} {}", n - MAX_LISTED, ed.w().more_items))
    };
    let none = move || {
        let a = ed.analysed.get();
        a.analysis.items.is_empty() && a.analysis.found != Some(Found::Empty)
    };
    view! {
        <section class="ed-section ed-check" aria-labelledby="ed-check-h">
            <h2 id="ed-check-h">{move || w().check_heading}</h2>
            <p class="ed-summary" role="status" data-summary="">{line}</p>
            <p class="ed-ok" class:ed-hidden=move || !none()>{move || w().all_good}</p>
            <ul class="ed-problems" aria-labelledby="ed-check-h">{items}</ul>
            <p class="ed-hint">{more}</p>
        </section>
    }
}
