//! The browser's services the editor uses: its HTML parser, files, downloads, the clipboard,
//! and selecting a place in the data box.

use js_sys::{Array, Uint8Array};
use std::ops::Range;
use timeline_cli::html::{convert, HtmlTree, Kind};
use timeline_core::import::{Converted, HtmlToText};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// HTML to text with the browser's own parser: `DOMParser` builds an inert document (no script
/// runs, nothing loads), and the command line's walk turns it into text.
pub struct DomHtml;

struct Dom;

impl HtmlTree for Dom {
    type Node = web_sys::Node;

    fn children(&self, node: &web_sys::Node) -> Vec<web_sys::Node> {
        let list = node.child_nodes();
        (0..list.length()).filter_map(|i| list.get(i)).collect()
    }

    fn kind(&self, node: &web_sys::Node) -> Kind {
        match node.node_type() {
            web_sys::Node::TEXT_NODE => Kind::Text(node.node_value().unwrap_or_default()),
            web_sys::Node::ELEMENT_NODE => {
                let el: &web_sys::Element = node.unchecked_ref();
                Kind::Element {
                    name: el.local_name().to_ascii_lowercase(),
                    href: el.get_attribute("href"),
                }
            }
            _ => Kind::Other,
        }
    }
}

impl HtmlToText for DomHtml {
    fn convert(&self, html: &str) -> Converted {
        let Ok(parser) = web_sys::DomParser::new() else { return Converted::default() };
        let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
            return Converted::default();
        };
        let mut roots = Vec::new();
        for part in [doc.head().map(web_sys::Node::from), doc.body().map(web_sys::Node::from)]
            .into_iter()
            .flatten()
        {
            roots.extend(Dom.children(&part));
        }
        convert(&Dom, roots)
    }
}

/// Line breaks as a textarea keeps them (`\n`), so byte offsets agree with its value.
pub fn normalise_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// The folder of the page's address (`https://example.org/timeline/`).
pub fn page_folder() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let path = href.split(['?', '#']).next().unwrap_or_default();
    match path.rfind('/') {
        Some(i) => path[..=i].to_owned(),
        None => String::new(),
    }
}

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = Array::new();
    parts.push(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The download has started; the address is no longer needed once the click is handled.
    let revoke = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    })
    .forget();
}

async fn fetch(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| message(&e))?.unchecked_into();
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    Ok(resp)
}

/// The text of one of the page's own files.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let resp = fetch(url).await?;
    let text =
        JsFuture::from(resp.text().map_err(|e| message(&e))?).await.map_err(|e| message(&e))?;
    Ok(text.as_string().unwrap_or_default())
}

/// The bytes of one of the page's own files.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = fetch(url).await?;
    let buf = JsFuture::from(resp.array_buffer().map_err(|e| message(&e))?)
        .await
        .map_err(|e| message(&e))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// The text of a file the editor chose or dropped.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|e| message(&e))?;
    Ok(text.as_string().unwrap_or_default())
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else { return false };
    JsFuture::from(w.navigator().clipboard().write_text(text)).await.is_ok()
}

/// A JavaScript error's message.
pub fn message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "?".into())
}

/// Selects `span` (bytes of `text`, the box's value) in the data box, focuses it and scrolls
/// the selection into view (lines do not wrap in the box, so the scroll is computed).
pub fn select(area: &web_sys::HtmlTextAreaElement, text: &str, span: &Range<usize>) {
    let (a, b) = crate::analyse::utf16_range(text, span);
    let _ = area.focus();
    let _ = area.set_selection_range(a, b);
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(area).ok().flatten())
    else {
        return;
    };
    let px = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let line_h = px("line-height").max(1.0);
    let line = crate::analyse::line_of(text, span.start);
    let top = (line as f64 - 1.0) * line_h + px("padding-top");
    let h = f64::from(area.client_height());
    area.set_scroll_top((top - h / 3.0).max(0.0) as i32);
    // Columns: monospace, tabs every 4 characters (style/editor.css).
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut col = 0usize;
    for c in text[line_start..start].chars() {
        col = if c == '\t' { (col / 4 + 1) * 4 } else { col + 1 };
    }
    let ch = px("font-size") * 0.6;
    let w = f64::from(area.client_width());
    let left = col as f64 * ch;
    area.set_scroll_left(if left < w * 0.6 { 0 } else { (left - w / 3.0) as i32 });
}
