//! Fuzzing the parse → validate → prepare → layout → axis path with property tests: no input
//! may panic, hang or make a stage break its promises (`fuzz/pipeline.rs` says which).
//!
//! Four generators, from blind to well-formed:
//! - arbitrary bytes, and JSON token soup (structure without meaning);
//! - arbitrary JSON trees whose keys are the bundle's field names;
//! - real bundles (the corpus) with random byte mutations;
//! - generated bundles, valid or nearly so, of up to a few thousand events with random dates of
//!   every precision and qualifier and texts full of markup, bidi controls, zero-width
//!   characters, emoji and long words, which reach layout and the axis.
//!
//! The whole file runs in well under 20 s (test profile, `opt-level = 1`); `cargo +nightly fuzz
//! run pipeline` runs the same path for as long as one likes (docs/security.md).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/pipeline.rs"]
mod pipeline;

use pipeline::{run_bytes, run_json, Reached};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use timeline::core::json::Json;

/// A generous bound for one case: anything slower is a hang in the making.
const SLOW: Duration = Duration::from_secs(3);

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are reported with their input; nothing is written next to the tests.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t0 = Instant::now();
    let out = f();
    let took = t0.elapsed();
    assert!(took < SLOW, "{what} took {took:?}");
    out
}

fn corpus() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("data/sino-soviet-1950-1965.json")];
    for dir in ["good", "hostile", "bad", "broken"] {
        let Ok(entries) = std::fs::read_dir(root.join("tests/bundles").join(dir)) else { continue };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter(|p| !p.to_string_lossy().ends_with(".expect.json"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Texts and dates, hostile on purpose.

const HOSTILE: &[&str] = &[
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=window.__pwned=1>",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "\u{202e}gnp.exe\u{202c}",
    "\u{2067}\u{05e9}\u{05dc}\u{05d5}\u{05dd}\u{2069}",
    "a\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}b",
    "Z\u{0351}\u{036b}\u{0343}\u{036a}\u{0302}",
    "🇮🇩👨\u{200d}👩\u{200d}👧",
    "Perjanjian persahabatan",
    "\"quoted\" \\ backslash",
    "{{7*7}} ${alert(1)}",
    "url(javascript:alert(1))",
    "\u{0}\u{1}\u{7f}",
    "   ",
    "",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
        3 => "\\PC{0,24}",
        1 => (1usize..2_500).prop_map(|n| "W".repeat(n)),
        1 => (19_990usize..20_010).prop_map(|n| "x".repeat(n)),
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => (1940i32..1975, 0u8..=13, 0u8..=32, 0u8..3, 0u8..4).prop_map(|(y, m, d, precision, q)| {
            let body = match precision {
                0 => format!("{y:04}"),
                1 => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}-{m:02}-{d:02}"),
            };
            let q = ["", "", "~", "?"][q as usize];
            format!("{body}{q}")
        }),
        1 => "\\PC{0,12}",
        1 => "[0-9?~-]{0,12}",
    ]
}

fn l10n() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => (text(), text()).prop_map(|(i, e)| json!({"id": i, "en": e})),
        1 => text().prop_map(|e| json!({"en": e})),
        1 => Just(json!("not an object")),
    ]
}

// ---------------------------------------------------------------------------------------------
// Generated bundles.

/// A small, fully random bundle (proptest shrinks it to the smallest failing one).
fn small_bundle() -> impl Strategy<Value = Value> {
    let category = ("[a-z]{1,3}", l10n(), prop_oneof!["#[0-9a-f]{3}", "#[0-9A-F]{6}", "red"])
        .prop_map(|(id, label, color)| json!({"id": id, "label": label, "color": color}));
    let event = (
        "[a-z]{1,3}",
        date(),
        proptest::option::of(date()),
        "[a-z]{1,3}",
        0u8..5,
        l10n(),
        l10n(),
        proptest::option::of(l10n()),
    )
        .prop_map(|(id, start, end, category, importance, title, summary, note)| {
            let mut e = json!({"id": id, "start": start, "category": category,
                "importance": importance, "title": title, "summary": summary});
            if let Some(end) = end {
                e["end"] = json!(end);
            }
            if let Some(note) = note {
                e["date_note"] = note;
            }
            e
        });
    (
        prop_oneof![9 => Just(json!(1)), 1 => (0u32..4).prop_map(|v| json!(v))],
        l10n(),
        (date(), date()),
        proptest::collection::vec(category, 0..4),
        proptest::collection::vec(event, 0..24),
    )
        .prop_map(|(version, title, (a, b), categories, events)| {
            json!({"version": version, "title": title, "languages": ["id", "en"],
                "range": {"start": a, "end": b}, "categories": categories, "events": events})
        })
}

/// A cheap deterministic generator for large bundles: proptest draws the seed and the size,
/// this builds thousands of events without thousands of strategy draws.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// A valid bundle of `n` events (unless `breakage` asks for a few broken ones) within
/// 1950–1965, of random precisions, ranges, importances and hostile texts.
fn large_bundle(seed: u64, n: usize, breakage: u8) -> Value {
    let mut r = Rng(seed | 1);
    let mut text = |r: &mut Rng| -> String {
        match r.below(8) {
            0 => "W".repeat(1 + r.below(400) as usize),
            1 | 2 => {
                let s = r.pick(&HOSTILE[..12]).to_string();
                if s.trim().is_empty() {
                    "x".into()
                } else {
                    s
                }
            }
            _ => format!("Event {}", r.below(100_000)),
        }
    };
    let date = |r: &mut Rng| -> (String, i64) {
        let y = 1950 + r.below(16) as i64;
        let m = 1 + r.below(12) as i64;
        let d = 1 + r.below(28) as i64;
        let q = ["", "", "", "~", "?"][r.below(5) as usize];
        let key = y * 10_000 + m * 100 + d;
        match r.below(3) {
            0 => (format!("{y}{q}"), y * 10_000 + 1231),
            1 => (format!("{y}-{m:02}{q}"), y * 10_000 + m * 100 + 28),
            _ => (format!("{y}-{m:02}-{d:02}{q}"), key),
        }
    };
    let categories: Vec<Value> = (0..6)
        .map(|i| {
            json!({"id": format!("c{i}"), "label": {"id": text(&mut r), "en": text(&mut r)},
            "color": format!("#{:06x}", r.below(0x100_0000))})
        })
        .collect();
    let sources = vec![
        json!({"id": "s0", "publisher": text(&mut r), "title": text(&mut r), "lang": "id", "url": null}),
        json!({"id": "s1", "publisher": "P", "title": text(&mut r), "lang": "en",
            "url": "https://example.org/\"><script>alert(1)</script>"}),
    ];
    let events: Vec<Value> = (0..n)
        .map(|i| {
            let (start, start_key) = date(&mut r);
            let mut e = json!({
                "id": format!("e{i}"),
                "start": start,
                "category": format!("c{}", r.below(6)),
                "importance": 1 + r.below(3),
                "title": {"id": text(&mut r), "en": text(&mut r)},
                "summary": {"id": text(&mut r), "en": text(&mut r)},
            });
            if r.below(4) == 0 {
                // A range: an end on or after the start (by construction of the keys).
                let (end, end_key) = date(&mut r);
                if end_key >= start_key + 10_000 {
                    e["end"] = json!(end);
                }
            }
            if r.below(5) == 0 {
                e["excerpts"] = json!([{"source": format!("s{}", r.below(2)), "lang": "ru",
                    "text": text(&mut r), "note": {"id": text(&mut r), "en": text(&mut r)}}]);
            }
            if breakage > 0 && r.below(u64::from(200 / breakage.max(1))) == 0 {
                e["start"] = json!(r.pick(&["1957-02-30", "1966", "soon", "1958-13"]));
            }
            e
        })
        .collect();
    json!({"version": 1, "title": {"id": text(&mut r), "en": text(&mut r)},
        "languages": ["id", "en"], "range": {"start": "1950", "end": "1965"},
        "categories": categories, "sources": sources, "events": events,
        "eras": [{"id": "a", "start": "1950", "end": "1956", "label": {"id": text(&mut r), "en": text(&mut r)}}]})
}

fn through_text(v: &Value) -> Reached {
    let text = serde_json::to_string(v).expect("serialises");
    run_bytes(text.as_bytes())
}

// ---------------------------------------------------------------------------------------------
// JSON token soup and arbitrary trees.

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"version\"",
    "1",
    "2",
    "\"events\"",
    "\"title\"",
    "\"en\"",
    "\"id\"",
    "\"start\"",
    "\"1958-08\"",
    "\"languages\"",
    "\"range\"",
    "\"categories\"",
    "null",
    "true",
    "-0.5e3",
    "\"\\u202e\"",
    "\"<script>\"",
    " ",
    "\n",
    "\"",
    "\\",
    "1e999",
    "[[[[",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(&[
            "version", "title", "languages", "range", "start", "end", "categories", "events",
            "id", "en", "label", "color", "icon", "importance", "summary", "excerpts", "source",
            "sources", "url", "lang", "text", "note", "eras", "__proto__", "constructor",
        ][..]).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

fn tree() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![any::<f64>(), (0i32..5).prop_map(f64::from)].prop_map(Json::Number),
        prop_oneof![text(), date()].prop_map(Json::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            proptest::collection::vec((key(), inner), 0..8).prop_map(Json::Object),
        ]
    })
}

// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(2_000))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        timed("bytes", || run_bytes(&bytes));
    }

    #[test]
    fn json_token_soup(tokens in proptest::collection::vec(proptest::sample::select(TOKENS), 0..64)) {
        timed("tokens", || run_bytes(tokens.concat().as_bytes()));
    }
}

proptest! {
    #![proptest_config(config(1_500))]

    #[test]
    fn arbitrary_trees(json in tree()) {
        timed("tree", || run_json(&json));
    }

    #[test]
    fn small_random_bundles(bundle in small_bundle()) {
        timed("small bundle", || through_text(&bundle));
    }
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn mutated_corpus(
        which in any::<proptest::sample::Index>(),
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), 0u8..4, any::<u8>()), 1..8),
    ) {
        let files = corpus();
        let mut bytes = files[which.index(files.len())].clone();
        for (at, op, b) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if !bytes.is_empty() => bytes[i] = b,
                1 if !bytes.is_empty() => { bytes.remove(i); }
                2 => bytes.insert(i.min(bytes.len()), b),
                _ => {
                    // Duplicate a slice: repeated keys, doubled events.
                    let end = (i + usize::from(b)).min(bytes.len());
                    let piece = bytes[i.min(end)..end].to_vec();
                    bytes.splice(end..end, piece);
                }
            }
        }
        timed("mutated corpus", || run_bytes(&bytes));
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn large_generated_bundles(seed in any::<u64>(), n in prop_oneof![1usize..50, 50usize..600, 600usize..3_000], breakage in 0u8..3) {
        let bundle = large_bundle(seed, n, breakage);
        let reached = timed("large bundle", || through_text(&bundle));
        if breakage == 0 {
            prop_assert_eq!(reached, Reached::Drawn, "a generated bundle without breakage is valid");
        }
    }
}

/// Every file of the corpus, as is, and the real dataset reach the end of the path.
#[test]
fn the_corpus_goes_through() {
    let mut drawn = 0;
    for bytes in corpus() {
        if timed("corpus file", || run_bytes(&bytes)) == Reached::Drawn {
            drawn += 1;
        }
    }
    assert!(drawn >= 8, "{drawn} corpus files drawn");
}

/// The largest bundle the format allows in events is rejected quickly and with a bounded
/// report, and a document nested deeper than the parser's limit is refused, not overflowed.
#[test]
fn limits_hold() {
    let mut b = large_bundle(7, 10, 0);
    b["events"] = Value::Array(vec![json!(0); timeline::core::bundle::MAX_EVENTS + 1]);
    assert_eq!(timed("too many events", || through_text(&b)), Reached::Invalid);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(timed("deep", || run_bytes(deep.as_bytes())), Reached::NotJson);
    let wide = format!("[{}0]", "0,".repeat(1_000_000));
    assert_eq!(timed("wide", || run_bytes(wide.as_bytes())), Reached::Invalid);
}
