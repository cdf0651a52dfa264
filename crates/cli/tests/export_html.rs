//! The no-JavaScript export: well-formed HTML (html5ever reports no parse error), every event of
//! the real bundle in an ordered list under its era, in the chosen language, and hostile text
//! inert.

use timeline_cli::export::{html, load};
use timeline_core::i18n::Lang;

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn parse_errors(fragment: &str) -> Vec<String> {
    // Inside a host page's body, as it will be used.
    let page = format!("<!doctype html><html lang=\"en\"><head><title>t</title></head><body><div data-timeline>{fragment}</div></body></html>");
    scraper::Html::parse_document(&page).errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn the_real_bundle_exports_every_event_in_both_languages() {
    let bundle = load(&root("data/sino-soviet-1950-1965.json"), Lang::En).unwrap();
    for lang in [Lang::Id, Lang::En] {
        let out = html(&bundle, lang);
        assert_eq!(parse_errors(&out), Vec::<String>::new());
        assert_eq!(out.matches("<li id=\"tl-static-").count(), bundle.events.len());
        assert!(
            !out.contains("<script") && !out.contains("style="),
            "no scripts, no inline styles"
        );
        let doc = scraper::Html::parse_fragment(&out);
        let eras = scraper::Selector::parse("h3.tl-static__era").unwrap();
        assert!(doc.select(&eras).count() >= bundle.eras.len());
        match lang {
            Lang::Id => {
                assert!(out.contains("<time datetime=\"1950-02-14\">14 Februari 1950</time>"))
            }
            Lang::En => {
                assert!(out.contains("<time datetime=\"1950-02-14\">14 February 1950</time>"))
            }
        }
    }
    let en = html(&bundle, Lang::En);
    assert!(en.contains("Editor&#39;s note:"), "excerpt notes are there");
    assert!(en.contains("(no link)"), "a source without a URL says so");
}

#[test]
fn hostile_text_is_escaped() {
    let bundle = load(&root("tests/bundles/hostile/markup.json"), Lang::En).unwrap();
    let out = html(&bundle, Lang::En);
    assert_eq!(parse_errors(&out), Vec::<String>::new());
    assert!(out.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"), "{out}");
    let doc = scraper::Html::parse_fragment(&out);
    for tag in ["script", "img", "iframe", "style", "[onerror]", "[onclick]"] {
        let sel = scraper::Selector::parse(tag).unwrap();
        assert_eq!(doc.select(&sel).count(), 0, "{tag} in the export");
    }
}

#[test]
fn media_are_lazy_sized_images_or_links_out() {
    let bundle = load(&root("tests/bundles/good/media.json"), Lang::En).unwrap();
    let out = html(&bundle, Lang::En);
    assert_eq!(parse_errors(&out), Vec::<String>::new());
    assert!(
        out.contains(
            "<img src=\"https://example.org/treaty.jpg\" alt=\"A photograph\" width=\"800\" height=\"600\" \
             loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\">"
        ),
        "{out}"
    );
    assert!(
        out.contains("<figcaption><span>Caption</span> <small>Archive</small></figcaption>"),
        "{out}"
    );
    assert!(!out.contains("<iframe"));
}
