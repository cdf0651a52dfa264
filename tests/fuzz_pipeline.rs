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
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
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

/// Mostly texts the format accepts (markup, bidi controls, zero-width characters, emoji, long
/// words: all allowed), now and then an empty one or one over the length limit.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        400 => proptest::sample::select(&HOSTILE[..HOSTILE.len() - 2]).prop_map(str::to_owned),
        400 => "\\PC{1,24}",
        100 => (1usize..2_500).prop_map(|n| "W".repeat(n)),
        1 => proptest::sample::select(&HOSTILE[HOSTILE.len() - 2..]).prop_map(str::to_owned),
        1 => (19_990usize..20_010).prop_map(|n| "x".repeat(n)),
    ]
}

/// Mostly dates the format accepts inside 1950–1965, at every precision and qualifier; some
/// out of range, impossible (`1957-02-30`, month 13) or not dates at all.
fn date() -> impl Strategy<Value = String> {
    let valid = (1950i32..=1965, 1u8..=12, 1u8..=28, 0u8..3, 0u8..4).prop_map(|(y, m, d, p, q)| {
        let body = match p {
            0 => format!("{y:04}"),
            1 => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}-{m:02}-{d:02}"),
        };
        format!("{body}{}", ["", "", "~", "?"][q as usize])
    });
    let odd =
        (1940i32..1975, 0u8..=13, 0u8..=32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    prop_oneof![400 => valid, 1 => odd, 1 => "\\PC{0,12}", 1 => "[0-9?~-]{0,12}"]
}

/// Mostly a valid text in both languages; sometimes one missing, or not an object.
fn l10n() -> impl Strategy<Value = Value> {
    prop_oneof![
        400 => (text(), text()).prop_map(|(i, e)| json!({"id": i, "en": e})),
        1 => text().prop_map(|e| json!({"en": e})),
        1 => Just(json!("not an object")),
    ]
}

/// A small random bundle, valid about half the time (proptest shrinks a failure to the
/// smallest bundle that shows it).
fn small_bundle() -> impl Strategy<Value = Value> {
    let color =
        prop_oneof![200 => "#[0-9a-f]{3}", 200 => "#[0-9A-F]{6}", 1 => Just("url(x)".to_string())];
    let category =
        (l10n(), color).prop_map(|(label, color)| json!({"label": label, "color": color}));
    let event = (
        prop_oneof![20 => Just(None), 1 => "[a-z]{1,2}".prop_map(Some)],
        date(),
        proptest::option::weighted(0.3, date()),
        prop_oneof![400 => 0usize..3, 1 => Just(3)],
        prop_oneof![400 => 1u8..=3, 1 => 0u8..9],
        l10n(),
        l10n(),
        proptest::option::weighted(0.2, l10n()),
    )
        .prop_map(|(id, start, end, category, importance, title, summary, note)| {
            let mut e = json!({"id": id, "start": start, "category": format!("c{category}"),
                "importance": importance, "title": title, "summary": summary});
            if let Some(end) = end {
                // Mostly after the start (same-shaped dates compare as strings).
                if end.as_str() < e["start"].as_str().unwrap_or("") {
                    e["end"] = e["start"].clone();
                    e["start"] = json!(end);
                } else {
                    e["end"] = json!(end);
                }
            }
            if let Some(note) = note {
                e["date_note"] = note;
            }
            e
        });
    let range = prop_oneof![
        100 => Just(("1950".to_string(), "1965".to_string())),
        1 => (date(), date()),
    ];
    (
        prop_oneof![300 => Just(json!(1)), 1 => (0u32..4).prop_map(|v| json!(v))],
        l10n(),
        range,
        proptest::collection::vec(category, 1..4),
        proptest::collection::vec(event, 1..16),
        any::<u8>(),
    )
        .prop_map(|(version, title, (a, b), categories, mut events, empty)| {
            if empty < 3 {
                events.clear(); // about 1 %: the "no events" error
            }
            let categories: Vec<Value> = categories
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c["id"] = json!(format!("c{i}"));
                    c
                })
                .collect();
            // Unique ids unless the generator chose one (which may then repeat).
            let n_categories = categories.len();
            let events: Vec<Value> = events
                .into_iter()
                .enumerate()
                .map(|(i, mut e)| {
                    // Mostly a category that exists; c3 never does.
                    let c =
                        e["category"].as_str().unwrap_or("c0")[1..].parse::<usize>().unwrap_or(0);
                    if c < 3 {
                        e["category"] = json!(format!("c{}", c % n_categories));
                    }
                    if e["id"].is_null() {
                        e["id"] = json!(format!("e{i}"));
                    }
                    e
                })
                .collect();
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
    let text = |r: &mut Rng| -> String {
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

/// Runs `cases` inputs from `strategy` through `f`, failing on a panic, a broken promise or a
/// slow case; returns how many stopped at each stage (printed with `--nocapture`).
fn fuzz<S>(name: &str, cases: u32, strategy: S, f: impl Fn(S::Value) -> Reached) -> [usize; 3]
where
    S: Strategy,
    S::Value: std::fmt::Debug,
{
    let counts = std::cell::Cell::new([0usize; 3]);
    let t0 = Instant::now();
    TestRunner::new(config(cases))
        .run(&strategy, |v| {
            let reached = timed(name, || f(v));
            let mut c = counts.get();
            c[reached as usize] += 1;
            counts.set(c);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let [not_json, invalid, drawn] = counts.get();
    eprintln!(
        "{name}: {cases} cases in {:.1} s: {not_json} not JSON, {invalid} invalid, {drawn} drawn",
        t0.elapsed().as_secs_f64()
    );
    counts.get()
}

const NOT_JSON: usize = Reached::NotJson as usize;
const DRAWN: usize = Reached::Drawn as usize;

#[test]
fn arbitrary_bytes() {
    let bytes = proptest::collection::vec(any::<u8>(), 0..512);
    fuzz("arbitrary bytes", 5_000, bytes, |b| run_bytes(&b));
}

#[test]
fn json_token_soup() {
    let soup = proptest::collection::vec(proptest::sample::select(TOKENS), 0..64);
    let c = fuzz("JSON token soup", 5_000, soup, |t| run_bytes(t.concat().as_bytes()));
    assert!(c[NOT_JSON] < 5_000, "some soup is JSON");
}

#[test]
fn arbitrary_trees() {
    fuzz("arbitrary JSON trees", 3_000, tree(), |json| run_json(&json));
}

#[test]
fn small_random_bundles() {
    let c = fuzz("small random bundles", 3_000, small_bundle(), |b| through_text(&b));
    assert!(c[DRAWN] > 1_000, "most small random bundles are valid and drawn");
}

#[test]
fn mutated_corpus() {
    let files = corpus();
    let edits =
        proptest::collection::vec((any::<proptest::sample::Index>(), 0u8..4, any::<u8>()), 1..8);
    let c = fuzz(
        "mutated corpus",
        1_000,
        (any::<proptest::sample::Index>(), edits),
        |(which, edits)| {
            let mut bytes = files[which.index(files.len())].clone();
            for (at, op, b) in edits {
                let i = at.index(bytes.len().max(1));
                match op {
                    0 if !bytes.is_empty() => bytes[i] = b,
                    1 if !bytes.is_empty() => {
                        bytes.remove(i);
                    }
                    2 => bytes.insert(i.min(bytes.len()), b),
                    _ => {
                        // Duplicate a slice: repeated keys, doubled events.
                        let end = (i + usize::from(b)).min(bytes.len());
                        let piece = bytes[i.min(end)..end].to_vec();
                        bytes.splice(end..end, piece);
                    }
                }
            }
            run_bytes(&bytes)
        },
    );
    assert!(c[DRAWN] > 0, "some mutants are still valid and drawn");
}

/// Applies one random structural edit somewhere in `v`: a field or element removed,
/// duplicated or replaced by a value of another type, a hostile text or an odd date.
fn mutate(v: &mut Value, r: &mut Rng) {
    // Walk down to a random node.
    let mut node = v;
    loop {
        let children = match node {
            Value::Array(a) => a.len(),
            Value::Object(o) => o.len(),
            _ => 0,
        };
        if children == 0 || r.below(3) == 0 {
            break;
        }
        let i = r.below(children as u64) as usize;
        node = match node {
            Value::Array(a) => &mut a[i],
            Value::Object(o) => o.values_mut().nth(i).expect("in range"),
            _ => unreachable!(),
        };
    }
    let replacement = match r.below(9) {
        0 => Value::Null,
        1 => json!(r.below(5)),
        2 => json!(-1.5e300),
        3 => json!(r.pick(HOSTILE)),
        4 => json!(r.pick(&["1957-02-30", "1949", "1966-01", "1958-08~", "1960?", ""])),
        5 => json!([]),
        6 => json!({}),
        _ => Value::Bool(true),
    };
    match node {
        // Texts and dates mostly stay strings, so many mutants remain valid and get drawn.
        Value::String(t) if r.below(4) != 0 => {
            let is_date = t.len() >= 4 && t.bytes().take(4).all(|b| b.is_ascii_digit());
            *t = if is_date {
                let (y, m, d) = (1950 + r.below(16), 1 + r.below(9), r.below(10));
                match r.below(3) {
                    0 => format!("{y}"),
                    1 => format!("{y}-0{m}~"),
                    _ => format!("{y}-11-2{d}"),
                }
            } else {
                r.pick(&HOSTILE[..12]).to_string()
            };
        }
        Value::Array(a) if !a.is_empty() && r.below(2) == 0 => {
            let i = r.below(a.len() as u64) as usize;
            if r.below(2) == 0 {
                a.remove(i);
            } else {
                let copy = a[i].clone();
                a.insert(i, copy);
            }
        }
        Value::Object(o) if !o.is_empty() && r.below(2) == 0 => {
            let k = o.keys().nth(r.below(o.len() as u64) as usize).cloned().expect("in range");
            o.remove(&k);
        }
        other => *other = replacement,
    }
}

#[test]
fn structurally_mutated_corpus() {
    // The valid documents of the corpus (the broken ones are the byte mutator's).
    let docs: Vec<Value> = corpus()
        .iter()
        .filter(|b| run_bytes(b) == Reached::Drawn)
        .filter_map(|b| serde_json::from_slice::<Value>(b).ok())
        .collect();
    let c = fuzz(
        "structurally mutated corpus",
        3_000,
        (any::<proptest::sample::Index>(), any::<u64>(), 1u32..6),
        |(which, seed, edits)| {
            let mut doc = docs[which.index(docs.len())].clone();
            let mut r = Rng(seed | 1);
            for _ in 0..edits {
                mutate(&mut doc, &mut r);
            }
            through_text(&doc)
        },
    );
    assert!(c[DRAWN] > 30, "some mutants are still valid and drawn");
}

#[test]
fn large_generated_bundles() {
    let sizes = prop_oneof![1usize..50, 50usize..600, 600usize..3_000];
    let c = fuzz(
        "large generated bundles",
        64,
        (any::<u64>(), sizes, 0u8..3),
        |(seed, n, breakage)| {
            let reached = through_text(&large_bundle(seed, n, breakage));
            if breakage == 0 {
                assert_eq!(reached, Reached::Drawn, "a bundle generated without breakage is valid");
            }
            reached
        },
    );
    assert!(c[DRAWN] >= 12, "many large bundles are drawn");
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
