//! The bundle as static HTML: the no-JavaScript version of the timeline, for search engines,
//! RSS readers, AMP, newsletters and readers whose browser cannot run WebAssembly.
//!
//! It is meant to sit inside the widget's placeholder (`<div data-timeline>…</div>`): one
//! `<section class="tl-static">` with the title, the description, and per era a heading and an
//! ordered list of its events (dates as written, in the chosen language; the category; the
//! summary; the date note; the quotations with their sources and the editor's notes). Every
//! text is HTML-escaped; there are no scripts, no inline styles and no requests but the
//! sources' own links. Once the widget mounts, `[data-timeline-mounted] > .tl-static` is hidden
//! by the widget's stylesheet.

use crate::bundle::{Bundle, Event, L10n, MediaKind};
use crate::date::PartialDate;
use crate::i18n::{format_date, format_range, Lang};

/// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A text as paragraphs: a blank line starts a paragraph, a line break is `<br>`.
fn paragraphs(text: &str, class: &str, lang_attr: &str) -> String {
    let mut out = String::new();
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = p.lines().map(|l| escape(l.trim())).collect();
        out.push_str(&format!("<p{class}{lang_attr}>{}</p>\n", lines.join("<br>")));
    }
    out
}

/// The text in `lang`, else in a fallback, with a `lang` attribute when it is a fallback.
fn pick<'a>(t: &'a L10n, lang: Lang, fallbacks: &[String]) -> (&'a str, String) {
    match t.pick(lang.code(), fallbacks) {
        Some((text, false)) => (text, String::new()),
        Some((text, true)) => {
            let code =
                fallbacks.iter().find(|f| t.get(f) == Some(text)).cloned().unwrap_or_default();
            (text, format!(" lang=\"{}\"", escape(&code)))
        }
        None => ("", String::new()),
    }
}

/// A date as `<time datetime="1958-08">Agustus 1958</time>`: the machine-readable form without
/// its qualifier. HTML's dates have no years before AD 1, so those are a plain `<span>`.
fn time_tag(d: &PartialDate, text: &str) -> String {
    if d.year < 1 {
        return format!("<span class=\"tl-static__date\">{}</span>", escape(text));
    }
    let mut machine = *d;
    machine.qualifier = crate::date::Qualifier::None;
    format!("<time datetime=\"{machine}\">{}</time>", escape(text))
}

fn event_html(b: &Bundle, e: &Event, lang: Lang, fallbacks: &[String], out: &mut String) {
    let s = lang.strings();
    let (title, title_lang) = pick(&e.title, lang, fallbacks);
    let when = match e.end {
        Some(end) if end != e.start => format!(
            "{} – {}",
            time_tag(&e.start, &format_date(&e.start, lang)),
            time_tag(&end, &format_date(&end, lang)),
        ),
        _ => time_tag(&e.start, &format_range(&e.start, None, lang)),
    };
    out.push_str(&format!("<li id=\"tl-static-{}\" class=\"tl-static__event\">\n", escape(&e.id)));
    out.push_str(&format!(
        "<h4 class=\"tl-static__heading\">{when}: <span{title_lang}>{}</span></h4>\n",
        escape(title)
    ));
    if let Some(c) = b.categories.get(e.category) {
        let (label, label_lang) = pick(&c.label, lang, fallbacks);
        out.push_str(&format!(
            "<p class=\"tl-static__category\">{}: <span{label_lang}>{}</span></p>\n",
            escape(s.category),
            escape(label)
        ));
    }
    let (summary, summary_lang) = pick(&e.summary, lang, fallbacks);
    out.push_str(&paragraphs(summary, " class=\"tl-static__summary\"", &summary_lang));
    if let Some(m) = &e.media {
        let (alt, alt_lang) = pick(&m.alt, lang, fallbacks);
        let credit = m.credit.as_deref().map(|c| format!(" <small>{}</small>", escape(c)));
        match m.kind {
            MediaKind::Image => {
                let size = m
                    .size
                    .map(|(w, h)| format!(" width=\"{w}\" height=\"{h}\""))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "<figure class=\"tl-static__media\">\n<img src=\"{}\" alt=\"{}\"{alt_lang}{size} \
                     loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\">\n",
                    escape(&m.url),
                    escape(alt)
                ));
                let caption = m.caption.as_ref().map(|c| pick(c, lang, fallbacks));
                if caption.is_some() || credit.is_some() {
                    let text = caption
                        .map(|(t, l)| format!("<span{l}>{}</span>", escape(t)))
                        .unwrap_or_default();
                    let credit = credit.clone().unwrap_or_default();
                    out.push_str(&format!("<figcaption>{text}{credit}</figcaption>\n"));
                }
                out.push_str("</figure>\n");
            }
            MediaKind::Link => out.push_str(&format!(
                "<p class=\"tl-static__media-link\"><a href=\"{}\" rel=\"noopener noreferrer\"{alt_lang}>{}</a>{}</p>\n",
                escape(&m.url),
                escape(alt),
                credit.unwrap_or_default()
            )),
        }
    }
    if let Some(note) = &e.date_note {
        let (text, note_lang) = pick(note, lang, fallbacks);
        out.push_str(&format!(
            "<p class=\"tl-static__date-note\">{}: <span{note_lang}>{}</span></p>\n",
            escape(s.date_note),
            escape(text)
        ));
    }
    if !e.excerpts.is_empty() {
        out.push_str(&format!(
            "<h5 class=\"tl-static__sources-heading\">{}</h5>\n",
            escape(s.sources)
        ));
    }
    for x in &e.excerpts {
        let source = b.sources.get(x.source);
        let cite = source
            .and_then(|src| src.url.as_ref())
            .map(|u| format!(" cite=\"{}\"", escape(u)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<figure class=\"tl-static__excerpt\">\n<blockquote lang=\"{}\"{cite}>\n",
            escape(&x.lang)
        ));
        out.push_str(&paragraphs(&x.text, "", ""));
        out.push_str("</blockquote>\n");
        if let Some(src) = source {
            let mut caption =
                format!("— {}, <cite>{}</cite>", escape(&src.publisher), escape(&src.title));
            if let Some(p) = src.published {
                caption.push_str(&format!(
                    ", {} {}",
                    escape(s.published),
                    time_tag(&p, &format_date(&p, lang))
                ));
            }
            match &src.url {
                Some(u) => caption.push_str(&format!(
                    " (<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>)",
                    escape(u),
                    escape(u)
                )),
                None => caption.push_str(&format!(" ({})", escape(s.no_url))),
            }
            out.push_str(&format!("<figcaption>{caption}</figcaption>\n"));
        }
        if let Some(note) = &x.note {
            let (text, note_lang) = pick(note, lang, fallbacks);
            out.push_str(&format!(
                "<p class=\"tl-static__editor-note\"><strong>{}:</strong> <span{note_lang}>{}</span></p>\n",
                escape(s.editor_note),
                escape(text)
            ));
        }
        out.push_str("</figure>\n");
    }
    out.push_str("</li>\n");
}

/// The bundle as a static HTML fragment in `lang` (texts missing in it fall back to the
/// bundle's other languages, marked with their `lang`).
pub fn html(b: &Bundle, lang: Lang) -> String {
    let mut fallbacks: Vec<String> = vec![lang.code().to_owned(), lang.other().code().to_owned()];
    fallbacks.extend(b.languages.iter().cloned());
    let mut out = String::new();
    let (title, title_lang) = pick(&b.title, lang, &fallbacks);
    out.push_str(&format!(
        "<section class=\"tl-static\" lang=\"{}\" aria-labelledby=\"tl-static-title\">\n",
        lang.code()
    ));
    out.push_str(&format!("<h2 id=\"tl-static-title\"{title_lang}>{}</h2>\n", escape(title)));
    if let Some(d) = &b.description {
        let (text, d_lang) = pick(d, lang, &fallbacks);
        out.push_str(&paragraphs(text, " class=\"tl-static__description\"", &d_lang));
    }
    // Each event under the first era that contains its start; the rest under "other events".
    let era_of = |e: &Event| {
        b.eras.iter().position(|era| {
            e.start.first_day() >= era.start.first_day()
                && e.start.first_day() <= era.end.last_day()
        })
    };
    // Runs of consecutive events in the same era, so the page stays in date order.
    let mut groups: Vec<(Option<usize>, Vec<&Event>)> = Vec::new();
    for e in &b.events {
        let era = era_of(e);
        match groups.last_mut() {
            Some((g, list)) if *g == era => list.push(e),
            _ => groups.push((era, vec![e])),
        }
    }
    for (era, events) in groups {
        let heading = match era {
            Some(i) => {
                let era = &b.eras[i];
                let (label, label_lang) = pick(&era.label, lang, &fallbacks);
                format!(
                    "<span{label_lang}>{}</span> <span class=\"tl-static__era-dates\">({})</span>",
                    escape(label),
                    escape(&format_range(&era.start, Some(&era.end), lang))
                )
            }
            None => escape(match lang {
                Lang::Id => "Peristiwa lain",
                Lang::En => "Other events",
            }),
        };
        out.push_str(&format!(
            "<h3 class=\"tl-static__era\">{heading}</h3>\n<ol class=\"tl-static__events\">\n"
        ));
        for e in events {
            event_html(b, e, lang, &fallbacks, &mut out);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn dates_before_our_era_are_not_html_datetimes() {
        let d = |t: &str| PartialDate::parse(t).unwrap();
        assert_eq!(
            time_tag(&d("1962-04~"), "c. April 1962"),
            "<time datetime=\"1962-04\">c. April 1962</time>"
        );
        assert_eq!(time_tag(&d("-0043"), "44 BC"), "<span class=\"tl-static__date\">44 BC</span>");
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        assert_eq!(paragraphs("a\nb\n\nc<", "", ""), "<p>a<br>b</p>\n<p>c&lt;</p>\n");
    }
}
