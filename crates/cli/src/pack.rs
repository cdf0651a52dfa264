//! `timeline pack BUNDLE -o class.html`: the widget, its styles and one bundle in a single
//! self-contained HTML file that opens from a USB stick or a classroom computer with no network
//! and no server (`file://`), presentation mode included.
//!
//! The file holds, in this order:
//! - a Content-Security-Policy as strict as the widget's own: nothing may be fetched
//!   (`default-src 'none'`), the one inline stylesheet and the one inline script run because
//!   their SHA-256 hashes are listed, and `'wasm-unsafe-eval'` lets the page compile the
//!   WebAssembly it carries (without it a policy that names `script-src` forbids
//!   `WebAssembly.instantiate` altogether). Images may come from `https:` (a bundle's media,
//!   when the computer happens to be online) or `data:` (the icon);
//! - the widget's CSS in a `<style>`;
//! - the placeholder `<div data-timeline data-src="#tl-bundle">`, with the no-JavaScript
//!   version of the timeline inside it (`timeline export --html`), for browsers that cannot run
//!   WebAssembly; the widget hides it when it mounts;
//! - the bundle in `<script type="application/json" id="tl-bundle">` (a data block: never run,
//!   so outside the policy), every `<` written `\u003c` so no text can close the element;
//! - the wasm, base64, in another data block;
//! - one `<script type="module">`: wasm-bindgen's JS glue as built, then a few lines that decode
//!   the wasm and start it. The widget then mounts itself into the placeholder, reading the
//!   bundle from the page instead of the network.
//!
//! Everything here is pure (no files, no clock), so the browser editor builds the same file
//! from the same code.

use base64::Engine;
use sha2::{Digest, Sha256};
use timeline_core::bundle::Bundle;
use timeline_core::export::escape;
use timeline_core::i18n::Lang;

/// The built widget, as `cargo xtask build` leaves it in `dist/`.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    /// `timeline_bg.wasm`.
    pub wasm: Vec<u8>,
    /// `timeline.js`, wasm-bindgen's glue (an ES module).
    pub glue: String,
    /// `timeline.css` followed by `page.css`.
    pub css: String,
}

/// The files of `dist/` that make up [`Assets`].
pub const ASSET_FILES: [&str; 4] = ["timeline_bg.wasm", "timeline.js", "timeline.css", "page.css"];

/// How the packed timeline starts.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The interface language; `None`: the bundle's first language the widget speaks.
    pub lang: Option<Lang>,
    /// `light`, `dark` or `contrast`; `None` follows the reader's system.
    pub theme: Option<String>,
}

/// Why the assets cannot be packed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The JS glue does not end the way this version of wasm-bindgen writes it.
    UnknownGlue,
    /// A text that would close its element early (`</script`, `</style`).
    Unsafe(&'static str),
}

impl Error {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::UnknownGlue, Lang::En) => "timeline.js is not the JS glue of wasm-bindgen \
                 0.2.130 this command knows (no `__wbg_init`); rebuild with `cargo xtask build`"
                .into(),
            (Error::UnknownGlue, Lang::Id) => "timeline.js bukan lem JS wasm-bindgen 0.2.130 yang \
                 dikenal perintah ini (tidak ada `__wbg_init`); bangun ulang dengan `cargo xtask \
                 build`"
                .into(),
            (Error::Unsafe(what), Lang::En) => {
                format!("{what} contains a closing tag and cannot be put inside the page")
            }
            (Error::Unsafe(what), Lang::Id) => {
                format!("{what} memuat tag penutup dan tidak dapat dimasukkan ke halaman")
            }
        }
    }
}

/// The `'sha256-…'` source of a Content-Security-Policy for an inline element with `content`.
pub fn csp_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// JSON text that is safe inside a `<script>` data block: every `<` (which JSON allows only
/// inside strings) becomes `\u003c`, so neither `</script>` nor `<!--` can appear.
pub fn json_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_ascii_lowercase().contains(needle)
}

/// The lines after the glue that start the widget. `__wbg_init` is the glue's default export;
/// `mount` (the glue's too) mounts each `[data-timeline]` of the page (on a host page `boot.js`
/// does it, as each comes near; here there is one, and no `boot.js`).
const BOOT: &str = r#"
// timeline pack: the wasm is in the page, base64; decode it and start the widget.
{
  const text = document.getElementById("tl-wasm").textContent.replace(/\s+/g, "");
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  __wbg_init({ module_or_path: bytes }).then(() => {
    for (const el of document.querySelectorAll("[data-timeline]")) mount(el, {});
  }).catch((err) => {
    for (const el of document.querySelectorAll("[data-timeline]")) el.setAttribute("data-failed", "");
    console.error("timeline: could not start", err);
  });
}
"#;

/// The favicon of `dist/`, as a data URL.
fn icon() -> String {
    let svg = include_str!("../../../favicon.svg").trim();
    let mut url = String::from("data:image/svg+xml,");
    for c in svg.chars() {
        match c {
            '"' => url.push('\''),
            '#' => url.push_str("%23"),
            '<' => url.push_str("%3C"),
            '>' => url.push_str("%3E"),
            '%' => url.push_str("%25"),
            c => url.push(c),
        }
    }
    url
}

/// The single offline file for `bundle`, whose JSON is `bundle_json` (already validated into
/// `bundle`).
///
/// # Errors
/// [`Error::UnknownGlue`] when the glue is not wasm-bindgen's, [`Error::Unsafe`] when the glue or
/// the CSS would close its element.
pub fn pack(
    assets: &Assets,
    bundle_json: &str,
    bundle: &Bundle,
    options: &Options,
) -> Result<String, Error> {
    if !assets.glue.contains("async function __wbg_init(") {
        return Err(Error::UnknownGlue);
    }
    if contains_ci(&assets.glue, "</script") || contains_ci(&assets.glue, "<!--") {
        return Err(Error::Unsafe("timeline.js"));
    }
    if contains_ci(&assets.css, "</style") {
        return Err(Error::Unsafe("timeline.css"));
    }
    let lang = options
        .lang
        .or_else(|| bundle.languages.iter().find_map(|l| Lang::from_tag(l)))
        .unwrap_or_default();
    let fallbacks: Vec<String> = bundle.languages.clone();
    let title = bundle.title.pick(lang.code(), &fallbacks).map(|t| t.0).unwrap_or("Timeline");
    let script = format!("{}\n{BOOT}", assets.glue.trim_end());
    let css = assets.css.clone();
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src https: \
         data:; base-uri 'none'; form-action 'none'",
        csp_hash(&script),
        csp_hash(&css)
    );
    let theme = match options.theme.as_deref() {
        Some(t @ ("light" | "dark" | "contrast")) => format!(" data-theme=\"{t}\""),
        _ => String::new(),
    };
    let wasm = base64::engine::general_purpose::STANDARD.encode(&assets.wasm);
    let static_html = timeline_core::export::html(bundle, lang);
    let mut out = String::with_capacity(wasm.len() + bundle_json.len() * 2 + css.len() + 65_536);
    out.push_str("<!doctype html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", lang.code()));
    out.push_str(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"timeline pack\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(title)));
    out.push_str(&format!("<link rel=\"icon\" href=\"{}\">\n", icon()));
    out.push_str(&format!("<style>{css}</style>\n</head>\n<body>\n<main class=\"page\">\n"));
    out.push_str(&format!(
        "<div data-timeline data-src=\"#tl-bundle\" data-lang=\"{}\" data-hash=\"on\"{theme}>\n\
         {static_html}</div>\n</main>\n",
        lang.code()
    ));
    out.push_str("<script type=\"application/json\" id=\"tl-bundle\">");
    out.push_str(&json_for_script(bundle_json.trim()));
    out.push_str("</script>\n");
    out.push_str("<script type=\"application/octet-stream\" id=\"tl-wasm\">");
    out.push_str(&wasm);
    out.push_str("</script>\n");
    out.push_str(&format!("<script type=\"module\">{script}</script>\n</body>\n</html>\n"));
    Ok(out)
}

/// Where the built widget is: `--dist`, else `$TIMELINE_DIST`, else `./dist`, else the `dist/`
/// of the repository this command was built from (`cargo xtask build` fills it).
#[cfg(feature = "native")]
pub fn find_dist(flag: Option<&str>) -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let has = |d: &PathBuf| ASSET_FILES.iter().all(|f| d.join(f).is_file());
    if let Some(d) = flag {
        return Some(PathBuf::from(d));
    }
    let candidates = [
        std::env::var_os("TIMELINE_DIST").map(PathBuf::from),
        Some(PathBuf::from("dist")),
        Some(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../dist"))),
    ];
    candidates.into_iter().flatten().find(has)
}

/// Reads [`Assets`] from a `dist/` folder.
///
/// # Errors
/// A message naming the file that cannot be read.
#[cfg(feature = "native")]
pub fn read_assets(dist: &std::path::Path) -> Result<Assets, String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()))
    };
    let text = |name: &str| read(name).map(|b| String::from_utf8_lossy(&b).into_owned());
    Ok(Assets {
        wasm: read(ASSET_FILES[0])?,
        glue: text(ASSET_FILES[1])?,
        css: format!("{}\n{}", text(ASSET_FILES[2])?, text(ASSET_FILES[3])?),
    })
}

/// Runs `timeline pack`: validates `file`, packs it with the widget from `dist` and writes
/// `out`. Exit status 0 written, 1 the bundle has errors, 2 a file cannot be read or written.
#[cfg(feature = "native")]
pub fn run(file: &str, out: &str, dist: Option<&str>, options: &Options, lang: Lang) -> i32 {
    use crate::check::{EXIT_OK, EXIT_UNREADABLE};
    let bundle = match crate::export::load(file, lang) {
        Ok(b) => b,
        Err((message, status)) => {
            eprintln!("{message}");
            return status;
        }
    };
    let Some(dist) = find_dist(dist) else {
        eprintln!(
            "{}",
            match lang {
                Lang::En => "the built widget (dist/timeline_bg.wasm, timeline.js, timeline.css,                              page.css) was not found: run `cargo xtask build` in the repository,                              or pass --dist FOLDER",
                Lang::Id => "widget yang sudah dibangun (dist/timeline_bg.wasm, timeline.js,                              timeline.css, page.css) tidak ditemukan: jalankan `cargo xtask                              build` di repositori, atau berikan --dist FOLDER",
            }
        );
        return EXIT_UNREADABLE;
    };
    let assets = match read_assets(&dist) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_UNREADABLE;
        }
    };
    let json = crate::read_text(file).unwrap_or_default();
    let json = json.strip_prefix('\u{feff}').unwrap_or(&json);
    let page = match pack(&assets, json, &bundle, options) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            return EXIT_UNREADABLE;
        }
    };
    if let Err(e) = std::fs::write(out, &page) {
        eprintln!("{out}: {e}");
        return EXIT_UNREADABLE;
    }
    let kb = page.len() as f64 / 1024.0;
    let events = bundle.events.len();
    match lang {
        Lang::En => {
            let noun = if events == 1 { "event" } else { "events" };
            eprintln!("wrote {out}: {events} {noun}, {kb:.0} KB, opens without a network")
        }
        Lang::Id => {
            eprintln!("{out} ditulis: {events} peristiwa, {kb:.0} KB, terbuka tanpa jaringan")
        }
    }
    EXIT_OK
}

#[cfg(test)]
mod tests {
    use super::*;
    use timeline_core::bundle::validate;
    use timeline_core::json::Json;

    const MINIMAL: &str = include_str!("../../../tests/bundles/good/minimal.json");

    fn bundle(text: &str) -> Bundle {
        let json: Json = serde_json::from_str(text).unwrap();
        validate(&json).bundle.unwrap()
    }

    fn assets() -> Assets {
        Assets {
            wasm: vec![0, 97, 115, 109, 1, 0, 0, 0],
            glue: "let wasm;\nasync function __wbg_init(m) {}\nexport { __wbg_init as default };\n"
                .into(),
            css: "[data-timeline] { color: red; }".into(),
        }
    }

    /// The text between the first `open` and the next `close` after it.
    fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
        let start = s.find(open).unwrap() + open.len();
        let len = s[start..].find(close).unwrap();
        &s[start..start + len]
    }

    #[test]
    fn the_policy_lists_the_hash_of_exactly_the_inline_script_and_style() {
        let page = pack(&assets(), MINIMAL, &bundle(MINIMAL), &Options::default()).unwrap();
        let csp = between(&page, "Content-Security-Policy\" content=\"", "\"");
        let script = between(&page, "<script type=\"module\">", "</script>");
        let style = between(&page, "<style>", "</style>");
        assert!(csp.starts_with("default-src 'none'; "), "{csp}");
        assert!(csp.contains(&format!("script-src {} 'wasm-unsafe-eval';", csp_hash(script))));
        assert!(csp.contains(&format!("style-src {};", csp_hash(style))));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'self'"), "{csp}");
        // One script that runs and one stylesheet; everything else is a data block.
        assert_eq!(page.matches("<script type=\"module\">").count(), 1);
        assert_eq!(page.matches("<script").count(), 3);
        assert_eq!(page.matches("<style>").count(), 1);
    }

    #[test]
    fn a_known_sha256_digest() {
        // printf 'abc' | openssl dgst -sha256 -binary | base64
        assert_eq!(csp_hash("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
    }

    #[test]
    fn the_wasm_and_the_bundle_are_inside_and_nothing_is_fetched() {
        let b = bundle(MINIMAL);
        let page = pack(&assets(), MINIMAL, &b, &Options::default()).unwrap();
        assert_eq!(between(&page, "id=\"tl-wasm\">", "</script>"), "AGFzbQEAAAA=");
        let data = between(&page, "id=\"tl-bundle\">", "</script>");
        let json: Json = serde_json::from_str(data).unwrap();
        assert_eq!(validate(&json).bundle.unwrap().events.len(), b.events.len());
        assert!(page.contains("data-src=\"#tl-bundle\""));
        for fetching in ["src=\"http", "href=\"http", "<link rel=\"stylesheet", "src=\"./"] {
            assert!(!page.contains(fetching), "{fetching}");
        }
        // The no-JavaScript version is inside the placeholder.
        assert!(page.contains("<section class=\"tl-static\""));
    }

    #[test]
    fn hostile_text_cannot_close_the_data_block() {
        let hostile =
            MINIMAL.replacen("\"en\": \"", "\"en\": \"</script><script>alert(1)</script><!-- ", 1);
        let b = bundle(&hostile);
        let page = pack(&assets(), &hostile, &b, &Options::default()).unwrap();
        let data = between(&page, "id=\"tl-bundle\">", "</script>");
        assert!(!data.contains('<'));
        let json: Json = serde_json::from_str(data).unwrap();
        assert_eq!(json, serde_json::from_str::<Json>(&hostile).unwrap());
        assert_eq!(page.matches("<script").count(), 3, "no script was added");
    }

    #[test]
    fn glue_or_css_that_would_close_its_element_is_refused() {
        let mut a = assets();
        a.glue.push_str("const s = \"</SCRIPT>\";");
        assert_eq!(
            pack(&a, MINIMAL, &bundle(MINIMAL), &Options::default()).unwrap_err(),
            Error::Unsafe("timeline.js")
        );
        let mut a = assets();
        a.css.push_str("/* </style> */");
        assert_eq!(
            pack(&a, MINIMAL, &bundle(MINIMAL), &Options::default()).unwrap_err(),
            Error::Unsafe("timeline.css")
        );
        let mut a = assets();
        a.glue = "export default function init() {}".into();
        assert_eq!(
            pack(&a, MINIMAL, &bundle(MINIMAL), &Options::default()).unwrap_err(),
            Error::UnknownGlue
        );
    }

    #[test]
    fn language_and_theme_are_set_on_the_placeholder() {
        let options = Options { lang: Some(Lang::En), theme: Some("contrast".into()) };
        let page = pack(&assets(), MINIMAL, &bundle(MINIMAL), &options).unwrap();
        assert!(page.contains("<html lang=\"en\">"));
        assert!(page.contains("data-lang=\"en\" data-hash=\"on\" data-theme=\"contrast\""));
        let options = Options { lang: None, theme: Some("\"><script>".into()) };
        let page = pack(&assets(), MINIMAL, &bundle(MINIMAL), &options).unwrap();
        assert!(!page.contains("data-theme"), "an unknown theme is left out");
    }
}
