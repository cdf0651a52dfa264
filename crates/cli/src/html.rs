//! HTML to plain text, by one walk over a parsed tree that any HTML parser can supply
//! ([`HtmlTree`]): html5ever (through `scraper`, the parser of Servo) on the command line, the
//! browser's inert `DOMParser` in the browser editor, so the wasm carries no HTML parser. Both
//! read fragments as browsers do: entities decoded, broken markup repaired, scripts recognised
//! as scripts. No regular expressions.
//!
//! Paragraphs and block elements become paragraphs (a blank line between them), `<br>` a line
//! break, list items lines starting with "• ". Links keep their text and their address is
//! listed; images, media, scripts, styles, frames and forms are dropped whole and listed. The
//! result holds no markup: a `<` in it is a character the widget shows as text.

use timeline_core::import::Converted;
#[cfg(feature = "native")]
use timeline_core::import::HtmlToText;

/// What a node of a parsed HTML tree is, as far as the text is concerned.
pub enum Kind {
    /// Text (entities already decoded).
    Text(String),
    /// An element: its lower-case local name and its `href`, if any.
    Element { name: String, href: Option<String> },
    /// A comment, a doctype, a processing instruction…
    Other,
}

/// A parsed HTML tree, as the walk sees it.
pub trait HtmlTree {
    type Node: Clone;
    /// The children of `node`, in document order.
    fn children(&self, node: &Self::Node) -> Vec<Self::Node>;
    /// What `node` is.
    fn kind(&self, node: &Self::Node) -> Kind;
}

/// Elements whose content is not text for readers: dropped with everything inside.
const DROPPED: &[&str] = &[
    "script", "style", "img", "iframe", "object", "embed", "video", "audio", "svg", "canvas",
    "form", "input", "button", "select", "textarea", "noscript", "template", "picture", "source",
    "track", "map", "math", "head", "title", "meta", "link", "frame", "frameset",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "pre",
    "hr",
    "address",
    "details",
    "summary",
];

/// The text being assembled, with the break it owes before the next word.
#[derive(Default)]
struct Out {
    text: String,
    /// 0: none, 1: a line break, 2: a paragraph break.
    owed: u8,
    /// A space is owed before the next word (collapsed HTML whitespace).
    space: bool,
}

impl Out {
    fn owe(&mut self, n: u8) {
        self.owed = self.owed.max(n);
        self.space = false;
    }

    fn word(&mut self, s: &str) {
        if !self.text.is_empty() {
            match self.owed {
                2 => self.text.push_str("\n\n"),
                1 => self.text.push('\n'),
                _ if self.space => self.text.push(' '),
                _ => {}
            }
        }
        self.owed = 0;
        self.space = false;
        self.text.push_str(s);
    }

    /// Text as HTML collapses it: runs of whitespace are one space.
    fn text(&mut self, s: &str, pre: bool) {
        if pre {
            for (i, line) in s.split('\n').enumerate() {
                if i > 0 {
                    self.owe(1);
                }
                if !line.is_empty() {
                    self.word(line);
                }
            }
            return;
        }
        // HTML's whitespace is ASCII only: a no-break space (&nbsp;) stays in the text.
        let starts_with_space = s.starts_with(|c: char| c.is_ascii_whitespace());
        let mut first = true;
        for w in s.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()) {
            if !first || starts_with_space {
                self.space = true;
            }
            self.word(w);
            first = false;
        }
        if s.ends_with(|c: char| c.is_ascii_whitespace()) && !first {
            self.space = true;
        }
        if first && starts_with_space {
            self.space = true;
        }
    }
}

enum Step<N> {
    Enter(N),
    Leave(String),
}

/// The text inside `node`, whitespace collapsed (a link's text).
fn text_of<T: HtmlTree>(tree: &T, node: &T::Node) -> String {
    let mut s = String::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if let Kind::Text(t) = tree.kind(&n) {
            s.push_str(&t);
        }
        stack.extend(tree.children(&n).into_iter().rev());
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Converts the fragment whose top-level nodes are `roots`.
pub fn convert<T: HtmlTree>(tree: &T, roots: Vec<T::Node>) -> Converted {
    let mut out = Out::default();
    let mut links = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut pre = 0usize;
    // An explicit stack: no input can exhaust the call stack.
    let mut stack: Vec<Step<T::Node>> = roots.into_iter().rev().map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(name) => {
                if BLOCKS.contains(&name.as_str()) {
                    out.owe(2);
                }
                if name == "li" {
                    out.owe(1);
                }
                if name == "pre" {
                    pre = pre.saturating_sub(1);
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match tree.kind(&node) {
            Kind::Text(t) => out.text(&t, pre > 0),
            Kind::Element { name, href } => {
                if DROPPED.contains(&name.as_str()) {
                    if !dropped.contains(&name) {
                        dropped.push(name);
                    }
                    continue;
                }
                match name.as_str() {
                    "br" => out.owe(1),
                    "li" => {
                        out.owe(1);
                        out.word("•");
                        out.space = true;
                    }
                    "a" => {
                        if let Some(href) = href.filter(|h| !h.trim().is_empty()) {
                            links.push((text_of(tree, &node), href.trim().to_owned()));
                        }
                    }
                    "pre" => pre += 1,
                    _ => {}
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.owe(2);
                }
                // Below the children on the stack: popped after them.
                stack.push(Step::Leave(name));
                stack.extend(tree.children(&node).into_iter().rev().map(Step::Enter));
            }
            Kind::Other => stack.extend(tree.children(&node).into_iter().rev().map(Step::Enter)),
        }
    }
    Converted { text: out.text, links, dropped }
}

/// The [`HtmlToText`] of the command line: html5ever, through `scraper`.
#[cfg(feature = "native")]
pub struct Html5ever;

#[cfg(feature = "native")]
struct Scraped<'a>(std::marker::PhantomData<&'a ()>);

#[cfg(feature = "native")]
impl<'a> HtmlTree for Scraped<'a> {
    type Node = ego_tree::NodeRef<'a, scraper::Node>;

    fn children(&self, node: &Self::Node) -> Vec<Self::Node> {
        node.children().collect()
    }

    fn kind(&self, node: &Self::Node) -> Kind {
        match node.value() {
            scraper::Node::Text(t) => Kind::Text(t.to_string()),
            scraper::Node::Element(e) => {
                Kind::Element { name: e.name().to_owned(), href: e.attr("href").map(str::to_owned) }
            }
            _ => Kind::Other,
        }
    }
}

#[cfg(feature = "native")]
impl HtmlToText for Html5ever {
    fn convert(&self, html: &str) -> Converted {
        let doc = scraper::Html::parse_fragment(html);
        convert(&Scraped(std::marker::PhantomData), doc.tree.root().children().collect())
    }
}

#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        Html5ever.convert(html).text
    }

    #[test]
    fn paragraphs_lists_and_breaks_are_kept() {
        assert_eq!(text("<p>One  two</p><p>three<br>four</p>"), "One two\n\nthree\nfour");
        assert_eq!(
            text("Intro<ul><li>a</li><li><b>b</b> c</li></ul>End"),
            "Intro\n\n• a\n• b c\n\nEnd"
        );
        assert_eq!(text("a <i>b</i>, c"), "a b, c");
    }

    #[test]
    fn entities_are_decoded_and_markup_becomes_inert_text() {
        assert_eq!(
            text("Tom &amp; Jerry &lt;script&gt; &eacute;t&eacute; &#8212;"),
            "Tom & Jerry <script> été —"
        );
        let c = Html5ever.convert(
            "Hi<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=\"javascript:x\"></iframe>",
        );
        assert_eq!(c.text, "Hi");
        assert_eq!(c.dropped, ["script", "img", "iframe"]);
    }

    #[test]
    fn links_keep_their_text_and_are_listed() {
        let c = Html5ever
            .convert("See <a href=\"https://en.wikipedia.org/wiki/X\">the <b>article</b></a>.");
        assert_eq!(c.text, "See the article.");
        assert_eq!(
            c.links,
            [("the article".to_owned(), "https://en.wikipedia.org/wiki/X".to_owned())]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "x";
        assert_eq!(text(&html), "x");
    }
}
