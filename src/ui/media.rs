//! An event's media, in the popover, the presentation card and the event list (never in the
//! track): an image with its caption and credit, or a labelled link out.
//!
//! - An image is only ever an `<img>` of an `https://` address ([`Media::is_image`]), created
//!   when the popover or the list is built, so nothing is fetched before a reader opens it. It
//!   asks to be fetched lazily, without a referrer, and its box is reserved before it loads: the
//!   bundle's `width`/`height` give the ratio (3 : 2 when it has none), applied as
//!   `aspect-ratio` through the CSSOM (`--tl-media-ratio`), so the text under it never jumps.
//! - An image that does not load (missing, or refused by the host's `img-src`) gives way to a
//!   line saying so, with its text alternative.
//! - Anything else (a video, a post, a map) is a link out that opens a new tab and says so to
//!   screen readers, labelled with the bundle's `alt` and the site's name. Never an iframe.
//!
//! Bundle text is only ever text or an attribute value here, never markup, and an address that
//! is not `https://` (which the validator already refuses) is not shown at all.

use crate::core::bundle::{L10n, Media};
use crate::core::i18n::Lang;
use leptos::prelude::*;

/// The ratio of an image's box before it loads when the bundle gives no size.
const DEFAULT_RATIO: (u32, u32) = (3, 2);

fn pick(t: &L10n, lang: Lang, fb: &[String]) -> String {
    t.pick(lang.code(), fb).map(|(s, _)| s.to_string()).unwrap_or_default()
}

/// The view of `m` in `lang` (with the bundle's fallbacks `fb`).
pub(crate) fn media_view(m: &Media, lang: Lang, fb: &[String]) -> AnyView {
    let s = lang.strings();
    let alt = pick(&m.alt, lang, fb);
    // Texts that may be empty are still one element each (hidden by the stylesheet when
    // empty): one shape of view per kind of media, which keeps the wasm small.
    let credit = m.credit.as_deref().map(str::trim).unwrap_or_default().to_string();
    if !m.url.starts_with("https://") {
        return ().into_any();
    }
    if !m.is_image() {
        return view! {
            <p class="tl-media-link">
                <a class="tl-media-link__a" href=m.url.clone() target="_blank" rel="noopener noreferrer">
                    <span class="tl-media-link__kind">
                        {s.media_elsewhere}<span class="tl-media-link__host">{m.host().to_string()}</span>
                    </span>
                    <span class="tl-media-link__label">{alt}</span>
                    <span class="tl-sr-only">" "{s.opens_new_tab}</span>
                </a>
                <span class="tl-media__credit">{credit}</span>
            </p>
        }
        .into_any();
    }
    let (w, h) = m.size.unwrap_or(DEFAULT_RATIO);
    let caption = m.caption.as_ref().map(|c| pick(c, lang, fb)).unwrap_or_default();
    let credit = if credit.is_empty() { credit } else { format!("{}: {credit}", s.image_credit) };
    let failed = format!("{}: {alt}", s.image_failed);
    view! {
        <figure class="tl-media">
            // `src` last: setting it starts the fetch, which must already know it is lazy and
            // sends no referrer (a later `referrerpolicy` would restart it, asking twice).
            <img
                class="tl-media__img"
                alt=alt
                width=m.size.map(|(w, _)| w)
                height=m.size.map(|(_, h)| h)
                loading="lazy"
                decoding="async"
                referrerpolicy="no-referrer"
                style:--tl-media-ratio=format!("{w} / {h}")
                on:error=image_failed
                src=m.url.clone()
            />
            // Shown by the stylesheet only once the image has failed (`data-failed`).
            <p class="tl-media__failed">{failed}</p>
            <figcaption class="tl-media__caption">
                <span class="tl-media__text">{caption}</span>
                <span class="tl-media__credit">{credit}</span>
            </figcaption>
        </figure>
    }
    .into_any()
}

/// An image that did not load gives way to its text alternative: its figure is marked
/// `data-failed`, which hides the image and shows the text (no reactive state for a rare case).
fn image_failed(ev: web_sys::ErrorEvent) {
    use wasm_bindgen::JsCast;
    let figure = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|img| img.parent_element());
    if let Some(f) = figure {
        let _ = f.set_attribute("data-failed", "");
    }
}
