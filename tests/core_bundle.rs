//! The bundle validator against its corpus (`tests/bundles/`) and the real dataset.
//!
//! `e2e/schema-check.mjs` runs the JSON Schema over the same corpus and the same expectations,
//! so validator, schema and `docs/bundle-format.md` stay in agreement.
//!
//! Corpus layout:
//! - `good/*.json`: valid; no errors and no warnings.
//! - `bad/NAME.json` with `NAME.expect.json` = `{"errors": [paths], "warnings": [paths],
//!   "schema": [paths]}`: the validator's error (and warning) paths must equal the lists as
//!   sets. `warnings` defaults to `[]`; `schema` (the paths the JSON Schema reports) defaults to
//!   `errors` and is `[]` where the rule is one a schema cannot see.
//! - `hostile/*.json`: markup, script URLs in text, bidi controls, zero-width characters and
//!   very long words. They must validate without panicking, cleanly unless a `NAME.expect.json`
//!   says otherwise (a 100 000-character word is over the 20 000-character text limit).

use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use timeline::core::bundle::{
    code, locate, validate, validate_with, EventSource, ProblemKind, Report, Severity, MAX_EVENTS,
    MAX_PROBLEMS,
};
use timeline::core::i18n::Lang;
use timeline::core::json::Json;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `*.json` bundles of a corpus folder (not their `*.expect.json`), sorted.
fn bundles(dir: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/bundles").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".expect.json")
        })
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> (String, Json) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (text, json)
}

fn paths(report: &Report, severity: Severity) -> BTreeSet<String> {
    report.problems.iter().filter(|p| p.severity == severity).map(|p| p.path.clone()).collect()
}

fn list(expect: &serde_json::Value, key: &str) -> BTreeSet<String> {
    match expect.get(key) {
        None => BTreeSet::new(),
        Some(v) => v
            .as_array()
            .unwrap_or_else(|| panic!("\"{key}\" must be a list"))
            .iter()
            .map(|p| p.as_str().expect("paths are strings").to_owned())
            .collect(),
    }
}

/// Checks a report against an expectation file (or against "no problems" when there is none),
/// and that every problem not about a missing field can be located in the text.
fn check(path: &Path, text: &str, report: &Report) {
    let expect_path = path.with_extension("expect.json");
    let expect: serde_json::Value = match std::fs::read_to_string(&expect_path) {
        Ok(t) => {
            serde_json::from_str(&t).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()))
        }
        Err(_) => serde_json::json!({"errors": []}),
    };
    let shown = || report.problems.iter().map(|p| format!("\n  {p}")).collect::<String>();
    let name = path.display();
    assert_eq!(paths(report, Severity::Error), list(&expect, "errors"), "{name}:{}", shown());
    assert_eq!(paths(report, Severity::Warning), list(&expect, "warnings"), "{name}:{}", shown());
    assert_eq!(report.bundle.is_some(), report.errors().next().is_none(), "{name}");
    for p in &report.problems {
        if p.code() != code::MISSING_FIELD && p.code() != code::MISSING_TRANSLATION {
            assert!(locate(text, &p.path).is_some(), "{name}: cannot locate {}", p.path);
        }
        for lang in [Lang::Id, Lang::En] {
            let message = p.message(lang);
            let first = message.chars().next().unwrap();
            assert!(first.is_uppercase() && message.ends_with('.'), "{name}: {message}");
        }
    }
}

#[test]
fn good_bundles_have_no_errors_and_no_warnings() {
    let files = bundles("good");
    assert!(files.len() >= 3);
    for path in files {
        let (_, json) = read(&path);
        let report = validate(&json);
        assert_eq!(report.problems, [], "{}", path.display());
        let bundle = report.bundle.unwrap();
        let order: Vec<_> =
            bundle.events.iter().map(|e| (e.first_day(), e.last_day(), &e.id)).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{}: events not sorted", path.display());
    }
}

#[test]
fn good_bundles_become_the_model_as_written() {
    let (_, json) = read(&root().join("tests/bundles/good/precision.json"));
    let bundle = validate(&json).bundle.unwrap();
    assert_eq!(bundle.version, 1);
    assert_eq!(bundle.languages, ["id", "en", "ru"]);
    let colors: Vec<&str> = bundle.categories.iter().map(|c| c.color.as_str()).collect();
    assert_eq!(colors, ["#aabbcc", "#00ff7f", "#112233"]);
    let icons: Vec<&str> = bundle.categories.iter().map(|c| c.icon.name()).collect();
    assert_eq!(icons, ["circle", "square", "hexagon"], "positional icons, then the named one");
    let whole = bundle.events.iter().find(|e| e.id == "e12").unwrap();
    assert_eq!((whole.start.to_string(), whole.is_range()), ("1950-01-01".to_owned(), true));
    assert_eq!(bundle.events.first().map(|e| e.id.as_str()), Some("e12"), "sorted by first day");
    let approx = bundle.events.iter().find(|e| e.id == "e03").unwrap();
    assert_eq!(approx.start.to_string(), "1954~");
    assert!(!bundle.events.iter().find(|e| e.id == "e01").unwrap().is_range(), "end: null");

    let (_, json) = read(&root().join("tests/bundles/good/full.json"));
    let bundle = validate(&json).bundle.unwrap();
    let treaty = &bundle.events[0];
    assert_eq!(bundle.sources[treaty.excerpts[1].source].id, "example-web");
    assert_eq!(bundle.sources[0].url, None);
    assert!(bundle.sources[0].note.is_some(), "a source says why it has no link");
    assert_eq!(bundle.sources[1].author.as_deref(), Some("A. Historian"));
    assert_eq!(bundle.sources[1].accessed.map(|d| d.to_string()).as_deref(), Some("2026-12-01"));
    let cited: Vec<&str> =
        treaty.sources.iter().map(|c| bundle.sources[c.source].id.as_str()).collect();
    assert_eq!(cited, ["example-web", "example-news"], "citations keep their order");
    assert_eq!(treaty.sources[0].note.as_ref().and_then(|n| n.get("en")), Some("paragraph 2"));
    assert_eq!(bundle.categories[treaty.category].id, "treaty");
    assert_eq!(treaty.title.pick("ru", &bundle.languages), Some(("Perjanjian persahabatan", true)));
}

#[test]
fn bad_bundles_report_exactly_the_expected_paths() {
    let files = bundles("bad");
    assert!(files.len() >= 30, "only {} bad cases", files.len());
    let mut codes = BTreeSet::new();
    for path in &files {
        assert!(
            path.with_extension("expect.json").exists(),
            "{} has no expect file",
            path.display()
        );
        let (text, json) = read(path);
        let report = validate(&json);
        check(path, &text, &report);
        codes.extend(report.problems.iter().map(|p| p.code()));
    }
    // These two are generated (their files would be megabytes): see the tests below.
    codes.insert(code::TOO_MANY_EVENTS);
    codes.insert(code::TOO_MANY_PROBLEMS);
    let missing: Vec<_> = code::ALL.iter().filter(|c| !codes.contains(*c)).collect();
    assert!(missing.is_empty(), "no bad case exercises {missing:?}");
}

#[test]
fn each_bad_case_has_one_problem_with_its_own_code() {
    for path in bundles("bad") {
        let (_, json) = read(&path);
        let report = validate(&json);
        assert_eq!(report.problems.len(), 1, "{}: {:#?}", path.display(), report.problems);
    }
}

/// A bundle with `n` copies of an event, as the generated "too many events" case.
fn with_events(n: usize) -> Json {
    let (_, mut json) = read(&root().join("tests/bundles/good/minimal.json"));
    let Json::Object(entries) = &mut json else { panic!() };
    let (_, events) = entries.iter_mut().find(|(k, _)| k == "events").unwrap();
    let Json::Array(items) = events else { panic!() };
    let template = items[0].clone();
    *items = (0..n)
        .map(|i| {
            let mut e = template.clone();
            let Json::Object(fields) = &mut e else { panic!() };
            fields[0].1 = Json::String(format!("e{i}"));
            e
        })
        .collect();
    json
}

#[test]
fn too_many_events_is_one_error_on_the_list() {
    let report = validate(&with_events(MAX_EVENTS));
    assert_eq!(report.problems, []);
    assert_eq!(report.bundle.unwrap().events.len(), MAX_EVENTS);
    let report = validate(&with_events(MAX_EVENTS + 1));
    let found: Vec<_> = report.problems.iter().map(|p| (p.path.as_str(), p.code())).collect();
    assert_eq!(found, [("events", code::TOO_MANY_EVENTS)]);
}

#[test]
fn problems_past_the_limit_are_counted_in_one_last_problem() {
    let mut json = with_events(MAX_PROBLEMS + 5);
    let Json::Object(entries) = &mut json else { panic!() };
    let (_, Json::Array(events)) = entries.iter_mut().find(|(k, _)| k == "events").unwrap() else {
        panic!()
    };
    for e in events.iter_mut() {
        let Json::Object(fields) = e else { panic!() };
        fields.push(("start".into(), Json::Null)); // a duplicate key: one error per event
    }
    let report = validate(&json);
    assert_eq!(report.problems.len(), MAX_PROBLEMS + 1);
    let last = report.problems.last().unwrap();
    assert_eq!(
        (last.code(), last.severity, last.path.as_str()),
        (code::TOO_MANY_PROBLEMS, Severity::Error, "")
    );
    assert_eq!(last.kind, ProblemKind::TooManyProblems { errors: 5, warnings: 0 });
    assert!(last.message(Lang::En).starts_with("5 more problems were found"));
    assert!(last.message(Lang::Id).starts_with("5 masalah lain ditemukan"));
    assert!(report.bundle.is_none());
}

#[test]
fn hostile_bundles_validate_without_panic_and_keep_their_text() {
    let files = bundles("hostile");
    assert!(files.len() >= 4);
    for path in &files {
        let (text, json) = read(path);
        let report = validate(&json);
        check(path, &text, &report);
    }
    let (_, json) = read(&root().join("tests/bundles/hostile/markup.json"));
    let bundle = validate(&json).bundle.unwrap();
    assert_eq!(bundle.title.get("en"), Some("<script>alert('title')</script>"));
    let (_, json) = read(&root().join("tests/bundles/hostile/bidi-and-zero-width.json"));
    let bundle = validate(&json).bundle.unwrap();
    assert!(bundle.title.get("en").unwrap().contains('\u{202e}'));
}

#[test]
fn problems_come_in_document_order() {
    let text = r##"{"version": 1, "languages": ["en"], "title": {"en": "T"},
      "range": {"start": "1950", "end": "1965"},
      "events": [
        {"id": "B", "start": "1957-02-30", "category": "nope", "importance": 9,
         "title": {"en": ""}, "summary": {"en": "s"}, "extra": 1},
        {"id": "b", "start": "1950", "category": "c", "importance": 1, "summary": {"en": "s"}}
      ],
      "categories": [{"id": "c", "label": {"en": "C"}, "color": "red"}]}"##;
    let report = validate(&serde_json::from_str(text).unwrap());
    let found: Vec<_> = report.problems.iter().map(|p| (p.path.as_str(), p.code())).collect();
    assert_eq!(
        found,
        [
            ("events[0].id", code::INVALID_ID),
            ("events[0].start", code::INVALID_DATE),
            ("events[0].category", code::UNKNOWN_CATEGORY),
            ("events[0].importance", code::INVALID_IMPORTANCE),
            ("events[0].title.en", code::EMPTY_TEXT),
            ("events[0].extra", code::UNKNOWN_FIELD),
            ("events[1].title", code::MISSING_FIELD),
            ("categories[0].color", code::INVALID_COLOR),
        ]
    );
    let date = &report.problems[1];
    assert!(date.message(Lang::En).contains("1957-02 has no day 30 (it has 28 days)"));
    assert!(date.message(Lang::Id).contains("1957-02 tidak memiliki tanggal 30"));
}

#[test]
fn messages_name_the_supported_versions_and_cut_long_values() {
    let report = validate(&serde_json::from_str(r#"{"version": 7}"#).unwrap());
    assert_eq!(report.problems.len(), 1);
    assert!(
        report.problems[0].message(Lang::En).contains("only version 1"),
        "{}",
        report.problems[0]
    );
    let long = format!(r#"{{"version": 1, "languages": ["{}"]}}"#, "x".repeat(10_000));
    let report = validate(&serde_json::from_str(&long).unwrap());
    assert!(report.problems.iter().all(|p| p.message(Lang::En).len() < 400));
    assert!(report.problems.iter().all(|p| p.message(Lang::Id).len() < 400));
}

/// The complete example at the top of `docs/bundle-guide.md` must itself be a clean bundle.
#[test]
fn the_guides_minimal_example_is_valid() {
    let guide = std::fs::read_to_string(root().join("docs/bundle-guide.md")).unwrap();
    let start = guide.find("```json\n{\n  \"version\"").expect("the guide's example") + 8;
    let end = start + guide[start..].find("\n```").unwrap();
    let json: Json = serde_json::from_str(&guide[start..end]).unwrap();
    assert_eq!(validate(&json).problems, []);
}

// ---------------------------------------------------------------- the real dataset

const DATASET: &str = "data/sino-soviet-1950-1965.json";

/// Which primary-source text each quoted source id is checked against (files in
/// `../shared/sources/`, beside the clone).
const SOURCE_FILES: &[(&str, &str)] = &[("liputan6-2018", "000_2475bb2bef9d1e7c.txt")];

/// The real dataset and its validation report (`None`, after saying so, while it is missing).
fn dataset() -> Option<(Json, Report)> {
    let path = root().join(DATASET);
    if !path.exists() {
        eprintln!("{DATASET} does not exist yet; skipping");
        return None;
    }
    let (_, json) = read(&path);
    let report = validate(&json);
    Some((json, report))
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_dataset_is_clean_complete_and_quotes_its_sources_verbatim() {
    let Some((_, report)) = dataset() else { return };
    let shown: String = report.problems.iter().map(|p| format!("\n  {p}")).collect();
    assert!(report.problems.is_empty(), "{DATASET}:{shown}");
    let bundle = report.bundle.unwrap();

    let mut langs = bundle.languages.clone();
    langs.sort();
    assert_eq!(langs, ["en", "id"], "the dataset is in Indonesian and English");
    // No warnings already means every note is complete; check the texts directly as well.
    let mut texts = vec![&bundle.title];
    texts.extend(&bundle.description);
    texts.extend(bundle.categories.iter().map(|c| &c.label));
    texts.extend(bundle.eras.iter().map(|e| &e.label));
    for e in &bundle.events {
        texts.extend([&e.title, &e.summary]);
        texts.extend(&e.date_note);
        texts.extend(e.excerpts.iter().filter_map(|x| x.note.as_ref()));
        texts.extend(e.sources.iter().filter_map(|c| c.note.as_ref()));
    }
    texts.extend(bundle.sources.iter().filter_map(|s| s.note.as_ref()));
    for t in texts {
        for lang in &bundle.languages {
            assert!(t.get(lang).is_some_and(|s| !s.trim().is_empty()), "{lang} missing in {t:?}");
        }
    }

    for year in 1950..=1965 {
        assert!(bundle.events.iter().any(|e| e.start.year == year), "no event starts in {year}");
    }

    let sources_dir = root().join("../shared/sources");
    let mut cache: Vec<(&str, String)> = Vec::new();
    for event in &bundle.events {
        for (i, excerpt) in event.excerpts.iter().enumerate() {
            let source = &bundle.sources[excerpt.source].id;
            let Some((_, file)) = SOURCE_FILES.iter().find(|(id, _)| id == source) else {
                panic!(
                    "events {}: excerpt {i} quotes source \"{source}\", which has no text file in \
                     SOURCE_FILES (tests/core_bundle.rs), so it cannot be checked",
                    event.id
                );
            };
            if !cache.iter().any(|(f, _)| f == file) {
                let file_path = sources_dir.join(file);
                let text = std::fs::read_to_string(&file_path).unwrap_or_else(|e| {
                    panic!(
                        "cannot read the source text {} ({e}); the folder shared/sources/ must \
                         sit beside the repository",
                        file_path.display()
                    )
                });
                cache.push((file, collapse_whitespace(&text)));
            }
            let text = &cache.iter().find(|(f, _)| f == file).unwrap().1;
            let quote = collapse_whitespace(&excerpt.text);
            assert!(
                text.contains(&quote),
                "event {}: excerpt {i} is not verbatim in {file}:\n  {quote}",
                event.id
            );
        }
    }
}

/// Events that do not yet cite enough independent sources (issue 14). No source that the project's
/// search tools could find supports them in a form we could cite (canonical https address, a
/// publisher that is not a mirror or a content farm); each is listed in `docs/dataset-notes.md`.
/// The list may only shrink: the test fails when an event here gains the sources it lacks.
const AWAITING_SOURCES: &[&str] = &[];

/// Landmarks that cite one source where two are required (issue 14); the list may only shrink.
const AWAITING_SECOND_SOURCE: &[&str] = &[];

#[test]
fn every_event_rests_on_sources_that_a_reader_can_follow() {
    let Some((json, report)) = dataset() else { return };
    let bundle = report.bundle.expect("the dataset validates");
    let mut failures = Vec::new();

    // Every cited id names a source of the list (the validator enforces it; state it here too).
    for (i, event) in json.get("events").and_then(Json::as_array).into_iter().flatten().enumerate()
    {
        for cited in event.get("sources").and_then(Json::as_array).into_iter().flatten() {
            let id = cited.get("source").and_then(|s| s.as_str()).unwrap_or_default();
            if !bundle.sources.iter().any(|s| s.id == id) {
                failures.push(format!("events[{i}] cites the unknown source \"{id}\""));
            }
        }
    }

    for event in &bundle.events {
        let n = event.sources.len();
        let awaiting = AWAITING_SOURCES.contains(&event.id.as_str());
        let awaiting_second = AWAITING_SECOND_SOURCE.contains(&event.id.as_str());
        let needed = if event.importance == 1 { 2 } else { 1 };
        match (awaiting || awaiting_second, n >= needed) {
            (false, false) => failures.push(format!(
                "{} (importance {}) cites {n} source(s); it needs at least {needed}",
                event.id, event.importance
            )),
            (true, true) => failures.push(format!(
                "{} now cites {n} source(s): take it off the awaiting lists in tests/core_bundle.rs \
                 and docs/dataset-notes.md",
                event.id
            )),
            _ => {}
        }
        if awaiting_second && n != 1 {
            failures.push(format!("{} is awaiting a second source but cites {n}", event.id));
        }
    }

    let mut urls: Vec<&str> = Vec::new();
    for (i, source) in bundle.sources.iter().enumerate() {
        let used = bundle.events.iter().any(|e| {
            e.sources.iter().any(|c| c.source == i) || e.excerpts.iter().any(|x| x.source == i)
        });
        if !used {
            failures.push(format!(
                "source {} is cited by no event and quoted by no excerpt",
                source.id
            ));
        }
        match &source.url {
            Some(url) => {
                let rest = url.strip_prefix("https://").unwrap_or_default();
                if rest.is_empty() || rest.starts_with('/') {
                    failures.push(format!(
                        "source {}: {url} is not an absolute https: address",
                        source.id
                    ));
                }
                if urls.contains(&url.as_str()) {
                    failures.push(format!(
                        "source {}: {url} is also another source's address",
                        source.id
                    ));
                }
                urls.push(url);
                if source.accessed.is_none() {
                    failures.push(format!("source {} has a link but no accessed date", source.id));
                }
            }
            None => {
                let explained = source.note.as_ref().is_some_and(|n| {
                    bundle.languages.iter().all(|l| n.get(l).is_some_and(|t| !t.trim().is_empty()))
                });
                if !explained {
                    failures.push(format!(
                        "source {} has no URL and no note explaining why, in every language",
                        source.id
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{DATASET}:\n  {}", failures.join("\n  "));
}

// ---------------------------------------------------------------- never panics

fn arb_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![Just(1.0), Just(2.0), Just(-0.5), any::<f64>()].prop_map(Json::Number),
        prop_oneof![
            Just("1958-08".to_owned()),
            Just("en".to_owned()),
            Just("#abc".to_owned()),
            Just("https://x.org".to_owned()),
            "\\PC{0,12}",
        ]
        .prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("id".to_owned()),
                        Just("en".to_owned()),
                        Just("start".to_owned()),
                        Just("events".to_owned()),
                        "[a-z]{1,6}",
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(Json::Object),
        ]
    })
}

/// Every node of a tree, depth first, as mutable references are awkward: by index.
fn count_nodes(j: &Json) -> usize {
    1 + match j {
        Json::Array(items) => items.iter().map(count_nodes).sum(),
        Json::Object(entries) => entries.iter().map(|(_, v)| count_nodes(v)).sum(),
        _ => 0,
    }
}

fn replace_node(j: &mut Json, mut n: usize, with: &Json) -> usize {
    if n == 0 {
        *j = with.clone();
        return usize::MAX;
    }
    n -= 1;
    let children: Vec<&mut Json> = match j {
        Json::Array(items) => items.iter_mut().collect(),
        Json::Object(entries) => entries.iter_mut().map(|(_, v)| v).collect(),
        _ => Vec::new(),
    };
    for child in children {
        let size = count_nodes(child);
        if n < size {
            return replace_node(child, n, with);
        }
        n -= size;
    }
    n
}

/// Events handed out one at a time, as the widget converts them from the browser's object.
struct OneByOne(Vec<Json>);

impl EventSource for OneByOne {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn take(&mut self, i: usize) -> Json {
        std::mem::replace(&mut self.0[i], Json::Null)
    }
}

/// The report of [`validate_with`] for `json`, its `events` list (when it is one) taken out
/// and handed over one event at a time.
fn validate_one_by_one(json: &Json) -> Report {
    let mut root = json.clone();
    let list = match &mut root {
        Json::Object(entries) => {
            entries.iter_mut().find(|(k, _)| k == "events").and_then(|(_, v)| {
                matches!(v, Json::Array(_)).then(|| std::mem::replace(v, Json::Array(Vec::new())))
            })
        }
        _ => None,
    };
    match list {
        Some(Json::Array(events)) => validate_with(&root, &mut OneByOne(events)),
        _ => validate(json),
    }
}

#[test]
fn events_read_one_at_a_time_give_the_same_report() {
    let mut files = vec![root().join("data/sino-soviet-1950-1965.json")];
    for dir in ["good", "bad", "hostile", "broken"] {
        files.extend(bundles(dir));
    }
    let mut compared = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let Ok(json) = serde_json::from_str::<Json>(&text) else { continue };
        assert_eq!(validate_one_by_one(&json), validate(&json), "{}", path.display());
        compared += 1;
    }
    assert!(compared > 60, "{compared}");
    for n in [0, MAX_EVENTS + 1] {
        let json = with_events(n);
        assert_eq!(validate_one_by_one(&json), validate(&json), "{n} events");
    }
}

fn check_report(report: &Report) {
    assert_eq!(report.bundle.is_some(), report.errors().next().is_none());
    if let Some(bundle) = &report.bundle {
        assert!(bundle.events.iter().all(|e| e.first_day() <= e.last_day()));
        assert!(bundle.events.iter().all(|e| e.category < bundle.categories.len()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_json_validates_without_panic(json in arb_json()) {
        check_report(&validate(&json));
    }

    #[test]
    fn any_mutation_of_a_good_bundle_validates_without_panic(
        pick in any::<prop::sample::Index>(),
        with in arb_json(),
    ) {
        let (_, mut json) = read(&root().join("tests/bundles/good/full.json"));
        let n = pick.index(count_nodes(&json));
        replace_node(&mut json, n, &with);
        let report = validate(&json);
        check_report(&report);
        prop_assert_eq!(validate_one_by_one(&json), report);
    }
}
