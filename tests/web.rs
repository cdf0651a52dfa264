//! Component tests in headless Chromium (`wasm-bindgen-test`): each mounts the timeline into a
//! fresh `<section>` of known width and drives it as a reader would, by DOM events.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use timeline::core::i18n::Lang;
use timeline::core::prepared::Prepared;
use timeline::ui::load::{parse, read_body, BodyError, LoadError, NotBundle};
use timeline::ui::timeline::Timeline;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REAL: &str = include_str!("../data/sino-soviet-1950-1965.json");
const MINIMAL: &str = include_str!("bundles/good/minimal.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the timeline for `text` in a new section `width` px wide; keep the handle alive.
fn mount(text: &str, width: u32) -> (web_sys::HtmlElement, impl Drop) {
    let model: Arc<Prepared> = Arc::new(parse(text).expect("bundle parses"));
    let section: web_sys::HtmlElement =
        document().create_element("section").unwrap().unchecked_into();
    section.set_attribute("data-timeline", "").unwrap();
    web_sys::HtmlElement::style(&section).set_property("width", &format!("{width}px")).unwrap();
    document().body().unwrap().append_child(&section).unwrap();
    let root = section.clone();
    let handle = leptos::mount::mount_to(section.clone(), move || {
        let lang = RwSignal::new(Lang::En);
        let root = StoredValue::new_local(root);
        view! { <Timeline model=model lang=lang root=root wheel_zoom=false /> }
    });
    (section, handle)
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn all(root: &web_sys::HtmlElement, sel: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).filter_map(|i| list.get(i)?.dyn_into().ok()).collect()
}

fn key(target: &web_sys::EventTarget, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn active_id() -> Option<String> {
    document().active_element()?.get_attribute("data-event-id")
}

#[wasm_bindgen_test]
async fn every_event_is_a_marker_or_counted_in_a_cluster() {
    let (root, _h) = mount(REAL, 1200);
    sleep(50).await;
    let markers = all(&root, ".tl-track button[data-event-id]");
    let clustered: usize = all(&root, ".tl-cluster")
        .iter()
        .map(|c| c.text_content().unwrap().trim_start_matches('+').parse::<usize>().unwrap())
        .sum();
    let total = parse(REAL).unwrap().bundle.events.len();
    assert!(markers.len() > total / 2, "most events are markers at 1200 px");
    assert_eq!(markers.len() + clustered, total);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_minimal_bundle_renders_one_marker_per_event() {
    let (root, _h) = mount(MINIMAL, 900);
    sleep(50).await;
    let n = parse(MINIMAL).unwrap().bundle.events.len();
    assert_eq!(all(&root, ".tl-track button[data-event-id]").len(), n);
    root.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_walk_the_events_in_order_and_enter_opens_the_popover() {
    let (root, _h) = mount(REAL, 1200);
    sleep(50).await;
    let model = parse(REAL).unwrap();
    let first = &model.bundle.events[0].id;
    let second = &model.bundle.events[1].id;
    let marker = root.query_selector(&format!("[data-event-id=\"{first}\"]")).unwrap().unwrap();
    marker.unchecked_ref::<web_sys::HtmlElement>().focus().unwrap();
    key(&marker, "ArrowRight");
    sleep(400).await;
    assert_eq!(active_id().as_deref(), Some(second.as_str()));
    // Only the focused marker is a tab stop.
    let tab_stops = all(&root, ".tl-track [tabindex=\"0\"]");
    assert_eq!(tab_stops.len(), 1);
    // Activating opens the dialog, focus moves in; Escape returns it to the marker.
    document().active_element().unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    sleep(100).await;
    let dialog = root.query_selector("[role=dialog]").unwrap().expect("dialog open");
    assert_eq!(dialog.get_attribute("data-event-id").as_deref(), Some(second.as_str()));
    assert!(dialog.contains(document().active_element().as_ref().map(|e| e.unchecked_ref())));
    key(&dialog, "Escape");
    sleep(100).await;
    assert!(root.query_selector("[role=dialog]").unwrap().is_none());
    assert_eq!(active_id().as_deref(), Some(second.as_str()));
    root.remove();
}

#[wasm_bindgen_test]
async fn zoom_buttons_change_the_visible_range() {
    let (root, _h) = mount(REAL, 1000);
    sleep(50).await;
    let label = || root.query_selector(".tl-range-label").unwrap().unwrap().text_content().unwrap();
    let before = label();
    let zoom_in = root.query_selector("button[aria-label=\"Zoom in\"]").unwrap().unwrap();
    zoom_in.unchecked_ref::<web_sys::HtmlElement>().click();
    sleep(400).await;
    assert_ne!(label(), before);
    let reset = all(&root, ".tl-controls button")
        .into_iter()
        .find(|b| b.text_content().unwrap() == "Show all");
    reset.unwrap().click();
    sleep(400).await;
    assert_eq!(label(), before);
    root.remove();
}

/// A response whose body streams `chunks` (lists of bytes) one by one, as a network would.
fn streamed(chunks: &str) -> web_sys::Response {
    let make = js_sys::Function::new_with_args(
        "chunks",
        "return new Response(new ReadableStream({ start(c) { \
           for (const bytes of chunks) c.enqueue(new Uint8Array(bytes)); c.close(); } }));",
    );
    let chunks = js_sys::JSON::parse(chunks).unwrap();
    make.call1(&JsValue::NULL, &chunks).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn a_body_is_refused_as_soon_as_it_streams_past_the_limit() {
    // "é" (C3 A9) split between two chunks, then "a": 3 bytes, one character kept whole.
    let chunks = "[[195], [169, 97]]";
    let text = read_body(&streamed(chunks), 3, &|_| {}).await.unwrap();
    assert_eq!(String::from(text), "éa");
    assert!(matches!(read_body(&streamed(chunks), 2, &|_| {}).await, Err(BodyError::TooLarge)));
    // A byte-order mark is dropped and invalid bytes replaced, as `Response.text()` does.
    let text =
        read_body(&streamed("[[239, 187, 191, 123], [255, 125]]"), 100, &|_| {}).await.unwrap();
    assert_eq!(String::from(text), "{\u{fffd}}");
}

/// The minimal bundle with its `events` replaced by the JSON `events`.
fn with_events(events: &str) -> String {
    let f = js_sys::Function::new_with_args(
        "text, events",
        "const b = JSON.parse(text); b.events = JSON.parse(events); return JSON.stringify(b);",
    );
    f.call2(&JsValue::NULL, &MINIMAL.into(), &events.into()).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn events_converted_one_at_a_time_keep_every_verdict() {
    let deep = format!("[{}{}]", "[".repeat(130), "]".repeat(130));
    assert_eq!(parse(&with_events(&deep)).unwrap_err(), LoadError::NotBundle(NotBundle::TooDeep));
    assert_eq!(parse(&with_events("[]")).unwrap_err(), LoadError::NoEvents);
    let many = format!("[{}0]", "0,".repeat(200_000));
    assert_eq!(
        parse(&with_events(&many)).unwrap_err(),
        LoadError::TooManyEvents { count: 200_001 }
    );
    let first = js_sys::JSON::stringify(
        &js_sys::Reflect::get(&js_sys::JSON::parse(MINIMAL).unwrap(), &"events".into())
            .and_then(|events| js_sys::Reflect::get(&events, &0.into()))
            .unwrap(),
    )
    .unwrap();
    let events = format!("[{first}, {first}, 7]");
    let Err(LoadError::Invalid { errors, total }) = parse(&with_events(&events)) else {
        panic!("a duplicate id and an event that is not an object are invalid")
    };
    let found: Vec<(&str, &str)> = errors.iter().map(|p| (p.path.as_str(), p.code())).collect();
    assert_eq!(found, [("events[1].id", "duplicate-id"), ("events[2]", "wrong-type")]);
    assert_eq!(total, 2);
}

/// Waits up to five seconds for `el` to be ready (`data-ready="true"`).
async fn until_ready(el: &web_sys::HtmlElement) -> bool {
    for _ in 0..250 {
        if el.get_attribute("data-ready").as_deref() == Some("true") {
            return true;
        }
        sleep(20).await;
    }
    false
}

/// Issue 13: the editor's preview mounts the widget with the bundle's text and destroys it at
/// every change, so `mount` must take `{bundle}` and its handle must unmount cleanly.
#[wasm_bindgen_test]
async fn the_mount_function_takes_a_bundle_text_and_its_handle_unmounts() {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_attribute("data-hash", "off").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    let options = || {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"bundle".into(), &MINIMAL.into()).unwrap();
        js_sys::Reflect::set(&o, &"height".into(), &300.into()).unwrap();
        JsValue::from(o)
    };
    let mut handle = timeline::platform::mount(el.clone(), options()).expect("a handle");
    assert!(until_ready(&el).await, "the widget is ready without fetching anything");
    assert_eq!(all(&el, ".tl-track button[data-event-id]").len(), 1);
    assert_eq!(el.style().get_property_value("--tl-track-h").unwrap(), "300px", "a number height");
    assert!(timeline::platform::mount(el.clone(), JsValue::UNDEFINED).is_none(), "mounted once");
    handle.destroy();
    assert!(!el.has_attribute("data-timeline-mounted") && !el.has_attribute("data-ready"));
    assert_eq!(el.child_element_count(), 0, "the widget's DOM is gone");
    // The element can take a widget again. A handle the host drops (JavaScript collects it
    // and wasm-bindgen frees it) leaves the widget alone: the news article's host script once
    // lost its third widget that way.
    let dropped = timeline::platform::mount(el.clone(), options()).expect("remounted");
    drop(dropped);
    assert!(until_ready(&el).await, "a dropped handle does not unmount");
    assert_eq!(all(&el, ".tl-track button[data-event-id]").len(), 1);
    el.remove();
}

/// Issue 13: the single offline file carries its bundle in the page: `data-src="#id"` reads the
/// text of that element instead of fetching.
#[wasm_bindgen_test]
async fn data_src_naming_an_element_reads_the_bundle_from_the_page() {
    let data = document().create_element("script").unwrap();
    data.set_attribute("type", "application/json").unwrap();
    data.set_id("tl-web-test-bundle");
    data.set_text_content(Some(&MINIMAL.replace('<', "\\u003c")));
    document().body().unwrap().append_child(&data).unwrap();
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_attribute("data-src", "#tl-web-test-bundle").unwrap();
    el.set_attribute("data-hash", "off").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    let mut handle = timeline::platform::mount(el.clone(), JsValue::UNDEFINED).unwrap();
    assert!(until_ready(&el).await);
    assert_eq!(all(&el, ".tl-track button[data-event-id]").len(), 1);
    handle.destroy();
    // A name that is nowhere on the page is an error the panel explains, not a fetch.
    el.set_attribute("data-src", "#nowhere").unwrap();
    let mut missing = timeline::platform::mount(el.clone(), JsValue::UNDEFINED).unwrap();
    sleep(50).await;
    assert!(el.query_selector("[data-error=\"not-json\"]").unwrap().is_some(), "explained");
    missing.destroy();
    el.remove();
    data.remove();
}
