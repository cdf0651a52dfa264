//! The panic hook (`src/platform/panic.rs`) in headless Chromium: a panic anywhere replaces
//! every mounted widget with an error panel, in the widget's language, built from plain DOM
//! text, before the WebAssembly instance traps.
//!
//! Run with `cargo test -p timeline --target wasm32-unknown-unknown --test web_panic`. The
//! release-build path (panic = "abort", the panel already on screen when the wasm traps) is
//! covered end to end by `e2e/journeys/30-errors.mjs`, which injects a fault into the page.
#![cfg(target_arch = "wasm32")]

use timeline::platform::panic::{install, show_panic_panels};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A widget host that looks mounted and ready: `[data-timeline]` with content inside.
fn widget(parent: &web_sys::Element, attrs: &[(&str, &str)]) -> web_sys::Element {
    let el = document().create_element("div").unwrap();
    el.set_attribute("data-timeline", "").unwrap();
    el.set_attribute("data-ready", "true").unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    let inside = document().create_element("p").unwrap();
    inside.set_class_name("frozen");
    inside.set_text_content(Some("frozen widget"));
    el.append_child(&inside).unwrap();
    parent.append_child(&el).unwrap();
    el
}

fn section(lang: Option<&str>) -> web_sys::Element {
    let s = document().create_element("section").unwrap();
    if let Some(l) = lang {
        s.set_attribute("lang", l).unwrap();
    }
    document().body().unwrap().append_child(&s).unwrap();
    s
}

fn panel(el: &web_sys::Element) -> Option<web_sys::Element> {
    el.query_selector(":scope > [role=alert][data-error=panic]").unwrap()
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
fn every_widget_shows_the_panel_in_its_own_language() {
    let s = section(Some("en"));
    let by_lang = widget(&s, &[("lang", "id")]);
    let by_data_lang = widget(&s, &[("data-lang", "en")]);
    let by_ancestor = widget(&s, &[]);
    let hostile = "index out of bounds <img src=x onerror=window.__pwned=1> <b>bold</b>";
    let n = show_panic_panels(hostile);
    assert!(n >= 3, "{n} panels");
    for (el, title) in [
        (&by_lang, "Linimasa berhenti karena kesalahan internal."),
        (&by_data_lang, "The timeline stopped after an internal error."),
        (&by_ancestor, "The timeline stopped after an internal error."),
    ] {
        let p = panel(el).expect("a panic panel");
        assert!(text(&p).contains(title), "{}", text(&p));
        assert!(text(&p).contains("<img src=x"), "the message is shown as text");
        assert!(el.query_selector(".frozen").unwrap().is_none(), "the frozen content is gone");
        assert!(el.query_selector("img, b").unwrap().is_none(), "no markup was parsed");
        assert!(!el.has_attribute("data-ready"), "no longer ready");
        assert_eq!(el.children().length(), 1, "only the panel");
        let reload = p.query_selector("a").unwrap().expect("a reload link");
        let href = reload.get_attribute("href").unwrap();
        assert!(href.starts_with("http://") || href.starts_with("https://"), "{href}");
    }
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    s.remove();
}

#[wasm_bindgen_test]
fn a_second_panel_replaces_the_first_and_long_messages_are_cut() {
    let s = section(None);
    let el = widget(&s, &[("lang", "en")]);
    show_panic_panels("first");
    show_panic_panels(&"x".repeat(10_000));
    assert_eq!(el.children().length(), 1, "one panel, not two");
    let code = panel(&el).unwrap().query_selector("code").unwrap().unwrap();
    let shown = text(&code);
    assert!(shown.chars().count() <= 161 && shown.ends_with('…'), "{}", shown.len());
    s.remove();
}

#[wasm_bindgen_test]
fn without_widgets_nothing_happens() {
    // Other tests' sections are removed when they finish; this one adds none of its own.
    let before = document().query_selector_all("[data-timeline]").unwrap().length();
    assert_eq!(show_panic_panels("nothing to replace"), before);
}

/// The installed hook itself, on a real panic. The runner's own hook records the panic
/// message that `expected` is matched against; it is called only if our hook has put the
/// panel on screen, so a missing panel fails this test.
#[wasm_bindgen_test]
#[should_panic(expected = "deliberate test panic")]
fn the_installed_hook_puts_the_panel_up_before_the_trap() {
    let s = section(None);
    let el = widget(&s, &[("data-lang", "id")]);
    let el_in_hook = el.clone();
    let runner = std::panic::take_hook();
    install();
    let ours = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ours(info);
        let shown = panel(&el_in_hook)
            .is_some_and(|p| text(&p).contains("Linimasa berhenti karena kesalahan internal."));
        if shown {
            runner(info);
        }
    }));
    panic!("deliberate test panic");
}
