//! What a reader sees when the timeline cannot be shown: a plain explanation in their language,
//! the details an editor needs (where the JSON breaks, which fields are wrong), and a retry
//! button. Never a blank box. Everything from the network or the bundle is shown as text.
//!
//! The panel is a `role="alert"` with `data-error` naming the kind of failure
//! ([`LoadError::code`]), so tests and host stylesheets need not read the wording.

use crate::core::bundle::{code, Problem, SUPPORTED_VERSIONS};
use crate::core::i18n::{format_count, Lang};
use crate::ui::load::{LoadError, NotBundle, Position, MAX_BUNDLE_BYTES};
use crate::ui::text::tr;
use leptos::prelude::*;

/// How many validation problems are listed before "and N more".
pub const SHOWN_PROBLEMS: usize = 5;

/// `200000` as "200.000" (Indonesian) or "200,000" (English).
fn grouped(n: u64, lang: Lang) -> String {
    format_count(n, lang)
}

/// A number with at most one decimal, in the language's notation: "0,5" / "0.5", "15".
fn decimal(x: f64, lang: Lang) -> String {
    let s = crate::core::num::fixed(x, 1);
    if lang == Lang::Id {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A size in megabytes (10^6 bytes), as the limit is documented.
fn megabytes(bytes: u64, lang: Lang) -> String {
    format!("{} MB", decimal(bytes as f64 / 1e6, lang))
}

fn headline(err: &LoadError, lang: Lang) -> &'static str {
    let s = lang.strings();
    match err {
        LoadError::Network { .. }
        | LoadError::Timeout { .. }
        | LoadError::Http { .. }
        | LoadError::ContentType { .. }
        | LoadError::TooLarge { .. } => s.load_failed,
        LoadError::NoEvents => match lang {
            Lang::Id => "Linimasa ini belum berisi peristiwa.",
            Lang::En => "This timeline has no events yet.",
        },
        _ => s.invalid_bundle,
    }
}

fn http_reason(status: u16, lang: Lang) -> &'static str {
    match (status, lang) {
        (404 | 410, Lang::Id) => " (berkas tidak ditemukan)",
        (404 | 410, Lang::En) => " (file not found)",
        (401 | 403, Lang::Id) => " (akses ditolak)",
        (401 | 403, Lang::En) => " (access denied)",
        (429, Lang::Id) => " (terlalu banyak permintaan)",
        (429, Lang::En) => " (too many requests)",
        (500..=599, Lang::Id) => " (gangguan di server)",
        (500..=599, Lang::En) => " (a server error)",
        _ => "",
    }
}

fn not_bundle(kind: NotBundle, lang: Lang) -> String {
    let what = match (kind, lang) {
        (NotBundle::List, Lang::Id) => "sebuah daftar (array)",
        (NotBundle::List, Lang::En) => "a list (an array)",
        (NotBundle::Text, Lang::Id) => "sebuah teks",
        (NotBundle::Text, Lang::En) => "a text",
        (NotBundle::Number, Lang::Id) => "sebuah angka",
        (NotBundle::Number, Lang::En) => "a number",
        (NotBundle::Boolean, Lang::Id) => "nilai true/false",
        (NotBundle::Boolean, Lang::En) => "true or false",
        (NotBundle::Null, Lang::Id) | (NotBundle::Null, Lang::En) => "null",
        (NotBundle::Foreign, Lang::Id) => {
            return "Berkas ini JSON, tetapi bukan bundel linimasa: objeknya tidak memiliki \
                    \"version\" maupun \"events\"."
                .into()
        }
        (NotBundle::Foreign, Lang::En) => {
            return "This file is JSON, but not a timeline bundle: its object has neither \
                    \"version\" nor \"events\"."
                .into()
        }
        (NotBundle::TooDeep, Lang::Id) => {
            return format!(
                "Berkas ini JSON, tetapi bersarang lebih dari {} tingkat; bundel linimasa hanya \
                 memerlukan beberapa tingkat.",
                crate::core::json::MAX_DEPTH
            )
        }
        (NotBundle::TooDeep, Lang::En) => {
            return format!(
                "This file is JSON, but nested more than {} levels deep; a timeline bundle needs \
                 only a few.",
                crate::core::json::MAX_DEPTH
            )
        }
    };
    match lang {
        Lang::Id => {
            format!("Berkas ini JSON, tetapi bukan bundel linimasa: isinya {what}, bukan objek.")
        }
        Lang::En => {
            format!("This file is JSON, but not a timeline bundle: it holds {what}, not an object.")
        }
    }
}

/// The sentence under the headline.
pub fn detail(err: &LoadError, lang: Lang) -> String {
    let supported = SUPPORTED_VERSIONS.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    let limit = megabytes(MAX_BUNDLE_BYTES, lang);
    match (err, lang) {
        (LoadError::Network { .. }, Lang::Id) => "Server data tidak dapat dihubungi. Periksa \
            sambungan internet atau alamat data, lalu coba lagi."
            .into(),
        (LoadError::Network { .. }, Lang::En) => "The data server could not be reached. Check \
            the connection or the data's address, then try again."
            .into(),
        (LoadError::Timeout { ms, .. }, Lang::Id) => {
            format!("Server tidak menjawab dalam {} detik.", decimal(f64::from(*ms) / 1000.0, lang))
        }
        (LoadError::Timeout { ms, .. }, Lang::En) => format!(
            "The server did not answer within {} seconds.",
            decimal(f64::from(*ms) / 1000.0, lang)
        ),
        (LoadError::Http { status, .. }, Lang::Id) => {
            format!(
                "Server membalas dengan kode kesalahan HTTP {status}{}.",
                http_reason(*status, lang)
            )
        }
        (LoadError::Http { status, .. }, Lang::En) => {
            format!("The server answered with HTTP error {status}{}.", http_reason(*status, lang))
        }
        (LoadError::ContentType { found, .. }, _) => {
            let html = found.to_ascii_lowercase().contains("html");
            match lang {
                Lang::Id => format!(
                    "Server mengirim berkas bertipe {found}, bukan JSON (yang diterima: \
                     application/json, text/json, text/plain, atau tipe …+json).{}",
                    if html { " Halaman HTML biasanya menandakan alamat data keliru." } else { "" }
                ),
                Lang::En => format!(
                    "The server sent a file of type {found}, not JSON (accepted: \
                     application/json, text/json, text/plain or a …+json type).{}",
                    if html { " An HTML page usually means the data's address is wrong." } else { "" }
                ),
            }
        }
        (LoadError::TooLarge { bytes: Some(b) }, Lang::Id) => {
            format!("Berkas data berukuran {}; batasnya {limit}.", megabytes(*b, lang))
        }
        (LoadError::TooLarge { bytes: Some(b) }, Lang::En) => {
            format!("The data file is {}; the limit is {limit}.", megabytes(*b, lang))
        }
        (LoadError::TooLarge { bytes: None }, Lang::Id) => {
            format!("Berkas data lebih besar dari batas {limit}.")
        }
        (LoadError::TooLarge { bytes: None }, Lang::En) => {
            format!("The data file is larger than the limit of {limit}.")
        }
        (LoadError::NotJson { position: Some(p), .. }, Lang::Id) => format!(
            "Berkas ini bukan JSON yang sah: kesalahan sintaksis di baris {}, kolom {} (posisi {}).",
            grouped(p.line as u64, lang),
            grouped(p.column as u64, lang),
            grouped(p.offset as u64, lang)
        ),
        (LoadError::NotJson { position: Some(p), .. }, Lang::En) => format!(
            "This file is not valid JSON: syntax error at line {}, column {} (position {}).",
            grouped(p.line as u64, lang),
            grouped(p.column as u64, lang),
            grouped(p.offset as u64, lang)
        ),
        (LoadError::NotJson { position: None, .. }, Lang::Id) => {
            "Berkas ini bukan JSON yang sah.".into()
        }
        (LoadError::NotJson { position: None, .. }, Lang::En) => {
            "This file is not valid JSON.".into()
        }
        (LoadError::NotBundle(kind), _) => not_bundle(*kind, lang),
        (LoadError::UnsupportedVersion { found }, Lang::Id) => format!(
            "Bundel ini versi {found}; widget ini hanya membaca versi {supported}. Gunakan widget \
             yang lebih baru atau tulis bundel dalam versi yang didukung."
        ),
        (LoadError::UnsupportedVersion { found }, Lang::En) => format!(
            "This bundle is version {found}; this widget reads only version {supported}. Use a \
             newer widget, or write the bundle in a supported version."
        ),
        (LoadError::TooManyEvents { count }, Lang::Id) => format!(
            "Bundel ini berisi {} peristiwa; batasnya {}. Pecah datanya menjadi beberapa bundel.",
            grouped(*count as u64, lang),
            grouped(crate::core::bundle::MAX_EVENTS as u64, lang)
        ),
        (LoadError::TooManyEvents { count }, Lang::En) => format!(
            "This bundle has {} events; the limit is {}. Split it into several bundles.",
            grouped(*count as u64, lang),
            grouped(crate::core::bundle::MAX_EVENTS as u64, lang)
        ),
        (LoadError::NoEvents, Lang::Id) => {
            "Bundel data dapat dibaca, tetapi daftar \"events\"-nya kosong.".into()
        }
        (LoadError::NoEvents, Lang::En) => {
            "The data bundle could be read, but its \"events\" list is empty.".into()
        }
        (LoadError::Invalid { total: 1, .. }, Lang::Id) => "Ditemukan 1 masalah:".into(),
        (LoadError::Invalid { total: 1, .. }, Lang::En) => "1 problem was found:".into(),
        (LoadError::Invalid { total, .. }, Lang::Id) => {
            format!("Ditemukan {} masalah:", grouped(*total as u64, lang))
        }
        (LoadError::Invalid { total, .. }, Lang::En) => {
            format!("{} problems were found:", grouped(*total as u64, lang))
        }
    }
}

/// One validation problem: its path, then the validator's message in the reader's language.
fn problem_item(p: &Problem, lang: Lang) -> impl IntoView {
    let path = match (p.path.is_empty(), lang) {
        (false, _) => p.path.clone(),
        (true, Lang::Id) => "(dokumen)".into(),
        (true, Lang::En) => "(document)".into(),
    };
    view! {
        <li data-path=p.path.clone() data-code=p.code()>
            <code>{path}</code>
            ": "
            {p.message(lang)}
        </li>
    }
}

/// Where the JSON breaks: the line around the error with the offending character marked.
fn source_excerpt(p: &Position, lang: Lang) -> impl IntoView {
    let at = match (p.at, lang) {
        (Some(c), _) => c.to_string(),
        (None, Lang::Id) => "(akhir berkas)".into(),
        (None, Lang::En) => "(end of file)".into(),
    };
    let label = match lang {
        Lang::Id => "Di sini: ",
        Lang::En => "Here: ",
    };
    view! {
        <p class="tl-error__detail tl-error__source">
            {label}
            <code>{p.before.clone()}<mark>{at}</mark>{p.after.clone()}</code>
        </p>
    }
}

/// The technical line for editors: the address and the browser's own message.
fn technical(err: &LoadError) -> Option<String> {
    match err {
        LoadError::Network { url, message } => Some(format!("{url} — {message}")),
        LoadError::Timeout { url, .. }
        | LoadError::Http { url, .. }
        | LoadError::ContentType { url, .. } => Some(url.clone()),
        LoadError::NotJson { message, .. } => Some(message.clone()),
        _ => None,
    }
}

fn body(err: &LoadError, lang: Lang) -> impl IntoView {
    let (problems, total) = match err {
        LoadError::Invalid { errors, total } => (
            errors
                .iter()
                .filter(|p| p.code() != code::TOO_MANY_PROBLEMS)
                .take(SHOWN_PROBLEMS)
                .cloned()
                .collect::<Vec<_>>(),
            *total,
        ),
        _ => (Vec::new(), 0),
    };
    let more = total.saturating_sub(problems.len());
    let items = problems.iter().map(|p| problem_item(p, lang)).collect_view();
    let excerpt = match err {
        LoadError::NotJson { position: Some(p), .. } => Some(source_excerpt(p, lang)),
        _ => None,
    };
    view! {
        <p class="tl-error__title">{headline(err, lang)}</p>
        <p class="tl-error__detail">{detail(err, lang)}</p>
        {(!problems.is_empty()).then(|| view! { <ul class="tl-error__list">{items}</ul> })}
        {(more > 0).then(|| view! {
            <p class="tl-error__more">
                {lang.strings().and_more.replace("{n}", &grouped(more as u64, lang))}
            </p>
        })}
        {excerpt}
        {technical(err).map(|t| view! {
            <p class="tl-error__detail tl-error__tech"><code>{t}</code></p>
        })}
    }
}

#[component]
pub fn ErrorPanel(error: LoadError, lang: RwSignal<Lang>, on_retry: Callback<()>) -> impl IntoView {
    let kind = error.code();
    view! {
        <div class="tl-error" role="alert" data-error=kind>
            {move || body(&error, lang.get())}
            <button type="button" class="tl-button tl-button--text" on:click=move |_| on_retry.run(())>
                {tr(lang, |s| s.retry)}
            </button>
        </div>
    }
}
