//! The embed code the editor hands out, with the chosen options filled in: an iframe, a script
//! and a placeholder (with the no-JavaScript version inside), and the mount function. The same
//! three ways as the README's "Embedding".

use timeline_core::date::PartialDate;
use timeline_core::export::escape;
use timeline_core::i18n::Lang;

/// What the snippets say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    /// Where the widget's files (`dist/`) are hosted, ending in `/`.
    pub base: String,
    /// The bundle's address relative to `base` (or absolute).
    pub data: String,
    pub lang: Lang,
    /// `light`, `dark` or `contrast`; `None` follows the reader's system.
    pub theme: Option<String>,
    /// The range to open, as partial dates (`1958-01`).
    pub start: Option<String>,
    pub end: Option<String>,
    /// The track's height in px.
    pub height: Option<u32>,
    /// The timeline's title (the iframe's accessible name).
    pub title: String,
}

/// `base` with a trailing `/` (empty stays empty: addresses relative to the host page).
pub fn normalise_base(base: &str) -> String {
    let b = base.trim();
    if b.is_empty() || b.ends_with('/') {
        b.to_owned()
    } else {
        format!("{b}/")
    }
}

/// Whether `s` is a date the widget reads for `start`/`end` (`1958`, `1958-01`, `1958-01-31`).
pub fn is_date(s: &str) -> bool {
    PartialDate::parse(s.trim()).is_ok()
}

/// A file name for the bundle of a timeline titled `title`: `my-timeline.json`.
pub fn file_name(title: &str, ext: &str) -> String {
    let slug = timeline_core::import::slug::slugify(title, "timeline");
    format!("{slug}.{ext}")
}

/// Percent-encodes a query value (everything but unreserved characters and `/`, `:`).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Embed {
    fn data_url(&self) -> String {
        if self.data.contains("://") || self.data.starts_with('/') {
            self.data.clone()
        } else {
            format!("{}{}", normalise_base(&self.base), self.data)
        }
    }

    fn start_end(&self) -> (Option<&str>, Option<&str>) {
        fn ok(d: &Option<String>) -> Option<&str> {
            d.as_deref().map(str::trim).filter(|d| is_date(d))
        }
        (ok(&self.start), ok(&self.end))
    }

    fn theme(&self) -> Option<&str> {
        self.theme.as_deref().filter(|t| ["light", "dark", "contrast"].contains(t))
    }

    /// The iframe: the strongest isolation. `embed-host.js` resizes it to its content.
    pub fn iframe(&self) -> String {
        let base = normalise_base(&self.base);
        let mut query = vec![format!("src={}", encode(&self.data_url()))];
        query.push(format!("lang={}", self.lang.code()));
        if let Some(t) = self.theme() {
            query.push(format!("theme={t}"));
        }
        let (start, end) = self.start_end();
        if let Some(s) = start {
            query.push(format!("start={}", encode(s)));
        }
        if let Some(e) = end {
            query.push(format!("end={}", encode(e)));
        }
        if let Some(h) = self.height {
            query.push(format!("height={h}"));
        }
        // The frame's first height, before the widget reports its own.
        let frame_h = self.height.map_or(620, |h| h + 220);
        format!(
            "<iframe data-timeline-frame src=\"{base}embed.html?{}\"\n        title=\"{}\" \
             width=\"100%\" height=\"{frame_h}\"\n        style=\"border:0\"></iframe>\n\
             <script src=\"{base}embed-host.js\" defer></script>\n",
            escape(&query.join("&")),
            escape(&self.title),
        )
    }

    fn data_attributes(&self) -> String {
        let mut a = format!(
            " data-src=\"{}\" data-lang=\"{}\"",
            escape(&self.data_url()),
            self.lang.code()
        );
        if let Some(t) = self.theme() {
            a.push_str(&format!(" data-theme=\"{t}\""));
        }
        let (start, end) = self.start_end();
        if let Some(s) = start {
            a.push_str(&format!(" data-start=\"{}\"", escape(s)));
        }
        if let Some(e) = end {
            a.push_str(&format!(" data-end=\"{}\"", escape(e)));
        }
        if let Some(h) = self.height {
            a.push_str(&format!(" data-height=\"{h}\""));
        }
        a
    }

    /// A placeholder and the script; `fallback` (the no-JavaScript version, `timeline export
    /// --html`) goes inside, for readers and robots without JavaScript.
    pub fn script(&self, fallback: &str) -> String {
        let base = normalise_base(&self.base);
        format!(
            "<div data-timeline{}>\n{}</div>\n<script type=\"module\" src=\"{base}boot.js\"></script>\n",
            self.data_attributes(),
            fallback
        )
    }

    /// The mount function, for pages that build themselves with JavaScript.
    pub fn mount(&self) -> String {
        let base = normalise_base(&self.base);
        let mut options = vec![format!("src: {}", js_string(&self.data_url()))];
        options.push(format!("lang: \"{}\"", self.lang.code()));
        if let Some(t) = self.theme() {
            options.push(format!("theme: \"{t}\""));
        }
        let (start, end) = self.start_end();
        if let Some(s) = start {
            options.push(format!("start: {}", js_string(s)));
        }
        if let Some(e) = end {
            options.push(format!("end: {}", js_string(e)));
        }
        if let Some(h) = self.height {
            options.push(format!("height: {h}"));
        }
        format!(
            "<div id=\"my-timeline\"></div>\n<script type=\"module\">\n  const {{ ready }} = await \
             import({});\n  const {{ mount }} = await ready;\n  const timeline = await \
             mount(document.getElementById(\"my-timeline\"), {{ {} }});\n  // timeline.destroy() \
             removes it again.\n</script>\n",
            js_string(&format!("{base}boot.js")),
            options.join(", ")
        )
    }
}

/// A JavaScript string literal (double quotes), safe inside an inline `<script>` too.
fn js_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embed() -> Embed {
        Embed {
            base: "https://example.org/timeline".into(),
            data: "data/my-timeline.json".into(),
            lang: Lang::En,
            theme: Some("dark".into()),
            start: Some("1958-01".into()),
            end: Some("1960-12".into()),
            height: Some(400),
            title: "Sino-Soviet \"relations\"".into(),
        }
    }

    #[test]
    fn the_iframe_carries_every_option_in_its_query() {
        let s = embed().iframe();
        assert!(s.contains(
            "src=\"https://example.org/timeline/embed.html?src=https://example.org/timeline/data/my-timeline.json&amp;lang=en&amp;theme=dark&amp;start=1958-01&amp;end=1960-12&amp;height=400\""
        ), "{s}");
        assert!(s.contains("title=\"Sino-Soviet &quot;relations&quot;\""));
        assert!(s.contains("<script src=\"https://example.org/timeline/embed-host.js\" defer>"));
    }

    #[test]
    fn the_placeholder_has_data_attributes_and_the_fallback_inside() {
        let s = embed().script("<section class=\"tl-static\">…</section>\n");
        assert!(s.starts_with(
            "<div data-timeline data-src=\"https://example.org/timeline/data/my-timeline.json\" data-lang=\"en\" data-theme=\"dark\" data-start=\"1958-01\" data-end=\"1960-12\" data-height=\"400\">\n<section"
        ), "{s}");
        assert!(s.ends_with(
            "<script type=\"module\" src=\"https://example.org/timeline/boot.js\"></script>\n"
        ));
    }

    #[test]
    fn the_mount_call_names_its_options() {
        let s = embed().mount();
        assert!(s.contains("import(\"https://example.org/timeline/boot.js\")"), "{s}");
        assert!(s.contains("{ src: \"https://example.org/timeline/data/my-timeline.json\", lang: \"en\", theme: \"dark\", start: \"1958-01\", end: \"1960-12\", height: 400 }"), "{s}");
    }

    #[test]
    fn unknown_options_are_left_out_and_text_is_escaped() {
        let mut e = embed();
        e.theme = Some("neon".into());
        e.start = Some("soon".into());
        e.end = None;
        e.height = None;
        e.data = "data/a b\"<.json".into();
        let s = e.iframe();
        assert!(
            !s.contains("theme=") && !s.contains("start=") && !s.contains("amp;height="),
            "{s}"
        );
        assert!(s.contains("src=https://example.org/timeline/data/a%20b%22%3C.json"), "{s}");
        assert!(e
            .script("")
            .contains("data-src=\"https://example.org/timeline/data/a b&quot;&lt;.json\""));
        assert!(e
            .mount()
            .contains("src: \"https://example.org/timeline/data/a b\\\"\\u003c.json\""));
    }

    #[test]
    fn file_names_and_bases() {
        assert_eq!(
            file_name("Hubungan Tiongkok–Soviet 1950–1965", "json"),
            "hubungan-tiongkok-soviet-1950-1965.json"
        );
        assert_eq!(normalise_base(" https://x.org/t "), "https://x.org/t/");
        assert_eq!(normalise_base(""), "");
        assert!(is_date("1958-01") && !is_date("1958-13"));
    }
}
