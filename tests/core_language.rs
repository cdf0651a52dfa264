//! Both languages, everywhere: every text of the real dataset is written in Indonesian and in
//! English (and the two are not the same string), the Indonesian interface has no English left
//! in it, and the spellings the editors standardised (issue 14) stay standardised.
//!
//! The interface strings are read from the source of `crates/core/src/i18n.rs`, so a string
//! added to `Strings` is checked without anyone remembering to list it here.

use serde_json::Value;
use std::path::PathBuf;
use timeline::core::i18n::{format_count, month_name, month_short, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const DATASET: &str = "data/sino-soviet-1950-1965.json";

/// The keys whose value is a text in every language (`{"id": …, "en": …}`) wherever they hold an
/// object: bundle title and description, category and era labels, event titles, summaries and
/// date notes, and the notes under excerpts (and under cited sources, should they gain one).
const TEXT_KEYS: &[&str] = &["title", "description", "label", "summary", "date_note", "note"];

/// Every language pair of the dataset, with the JSON path it sits at.
fn pairs(v: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let here = format!("{path}.{k}");
                if TEXT_KEYS.contains(&k.as_str()) && child.is_object() {
                    out.push((here.clone(), child.clone()));
                } else {
                    pairs(child, &here, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pairs(child, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn dataset_pairs() -> Vec<(String, String, String)> {
    let json: Value = serde_json::from_str(&read(DATASET)).expect("the dataset is JSON");
    let mut found = Vec::new();
    pairs(&json, "", &mut found);
    found
        .into_iter()
        .map(|(path, t)| {
            let get = |lang: &str| {
                t.get(lang)
                    .and_then(Value::as_str)
                    .unwrap_or_else(|| panic!("{path}: no \"{lang}\" text"))
                    .to_string()
            };
            (path.clone(), get("id"), get("en"))
        })
        .collect()
}

#[test]
fn every_dataset_text_has_an_indonesian_and_an_english_version_that_differ() {
    let found = dataset_pairs();
    // 1 title, 1 description, 6 categories, 3 eras and at least a title and summary per event.
    assert!(found.len() > 2 * 65 + 10, "only {} pairs found: is the walk broken?", found.len());
    for (path, id, en) in &found {
        assert!(!id.trim().is_empty(), "{path}.id is empty");
        assert!(!en.trim().is_empty(), "{path}.en is empty");
        assert_ne!(id, en, "{path}: the Indonesian text is the English one");
    }
}

/// Words that only English uses; none may appear as a word in an Indonesian text.
const ENGLISH_ONLY: &[&str] = &[
    "the", "and", "of", "with", "from", "which", "was", "were", "is", "to", "event", "events",
    "timeline", "zoom", "search", "loading", "step",
];

fn english_words_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(str::to_lowercase)
        .filter(|w| ENGLISH_ONLY.contains(&w.as_str()))
        .collect()
}

#[test]
fn indonesian_dataset_texts_have_no_english_words() {
    for (path, id, _) in dataset_pairs() {
        let words = english_words_in(&id);
        assert!(words.is_empty(), "{path}.id has English words {words:?}: {id}");
    }
}

/// The spellings issue 14 standardised, as (what must not appear, why).
const NOT_IN_INDONESIAN: &[(&str, &str)] = &[
    ("lini masa", "KBBI writes \"linimasa\" as one word"),
    ("galat", "errors are \"kesalahan\", validator problems \"masalah\""),
    ("Tiongkok-", "an en dash joins two countries: \"Tiongkok–Soviet\""),
    ("-Soviet", "an en dash joins two countries: \"Tiongkok–Soviet\""),
    (" & ", "labels say \"dan\""),
    ("contoh bom", "a sample bomb is a \"model bom atom\""),
    ("Bendera Merah (Hongqi)", "the journal is \"Hongqi (Bendera Merah)\", like Renmin Ribao"),
];

#[test]
fn indonesian_dataset_texts_keep_the_standard_spellings() {
    let found = dataset_pairs();
    for (path, id, _) in &found {
        let lower = id.to_lowercase();
        for (bad, why) in NOT_IN_INDONESIAN {
            assert!(
                !lower.contains(&bad.to_lowercase()),
                "{path}.id contains \"{bad}\" ({why}): {id}"
            );
        }
    }
    // "Harian Rakyat" alone would be read as Harian Rakjat, the PKI's paper of these very
    // years: the Chinese daily is "Renmin Ribao (Harian Rakyat)" on first mention, then
    // "Renmin Ribao".
    let all: Vec<&str> = found.iter().map(|(_, id, _)| id.as_str()).collect();
    for id in &all {
        assert_eq!(
            id.matches("Harian Rakyat").count(),
            id.matches("Renmin Ribao (Harian Rakyat)").count(),
            "\"Harian Rakyat\" without \"Renmin Ribao\": {id}"
        );
    }
    assert_eq!(
        all.iter().map(|id| id.matches("Renmin Ribao (Harian Rakyat)").count()).sum::<usize>(),
        1,
        "the gloss is given once, on first mention"
    );
    // Nikita Khrushchev in full the first time a summary names him, in both languages.
    for lang in [1, 2] {
        let first = found
            .iter()
            .filter(|(path, ..)| path.ends_with(".summary"))
            .map(|p| if lang == 1 { &p.1 } else { &p.2 })
            .find(|t| t.contains("Khrushchev"))
            .expect("a summary names Khrushchev");
        assert!(
            first.find("Nikita Khrushchev") == first.find("Khrushchev").map(|i| i - 7),
            "first mention is not \"Nikita Khrushchev\": {first}"
        );
    }
}

// ---------------------------------------------------------------- the interface strings

/// The `key: "value",` entries of `static NAME: Strings = Strings { … };` in i18n.rs, in order
/// (rustfmt may put a long value on the line after its key).
fn table(source: &str, name: &str) -> Vec<(String, String)> {
    let head = format!("static {name}: Strings = Strings {{");
    let start = source.find(&head).unwrap_or_else(|| panic!("no {head} in i18n.rs")) + head.len();
    let end = start + source[start..].find("\n};").expect("the table ends");
    let mut rest = source[start..end].trim_start();
    let mut out = Vec::new();
    while !rest.is_empty() {
        let bad = || panic!("not a `key: \"value\",` entry: {}", rest.lines().next().unwrap_or(""));
        let Some((key, after)) = rest.split_once(':') else { bad() };
        let Some(after) = after.trim_start().strip_prefix('"') else { bad() };
        let mut value = String::new();
        let mut chars = after.char_indices();
        let close = loop {
            match chars.next() {
                Some((_, '\\')) => value.extend(chars.next().map(|(_, c)| c)),
                Some((i, '"')) => break i,
                Some((_, c)) => value.push(c),
                None => bad(),
            }
        };
        let Some(after) = after[close + 1..].strip_prefix(',') else { bad() };
        out.push((key.trim().to_string(), value));
        rest = after.trim_start();
    }
    out
}

/// Interface strings that may read the same in both languages, with the reason. Empty today:
/// every string has its own Indonesian wording.
const SAME_IN_BOTH: &[(&str, &str)] = &[];

/// The `{placeholders}` of a template, sorted.
fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

#[test]
fn the_indonesian_interface_has_no_english_left() {
    let source = read("crates/core/src/i18n.rs");
    let id = table(&source, "ID");
    let en = table(&source, "EN");
    assert!(id.len() > 30, "only {} Indonesian strings parsed", id.len());
    let keys = |t: &[(String, String)]| t.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&id), keys(&en), "both tables have the same keys in the same order");
    for ((key, i), (_, e)) in id.iter().zip(&en) {
        assert!(!i.trim().is_empty(), "{key} is empty in Indonesian");
        if !SAME_IN_BOTH.iter().any(|(k, _)| k == key) {
            assert_ne!(i, e, "{key}: the Indonesian string is the English one");
        }
        let words = english_words_in(i);
        assert!(words.is_empty(), "{key}: English words {words:?} in \"{i}\"");
        assert_eq!(placeholders(i), placeholders(e), "{key}: the placeholders differ");
        for (bad, why) in NOT_IN_INDONESIAN {
            assert!(!i.to_lowercase().contains(&bad.to_lowercase()), "{key}: \"{bad}\" ({why})");
        }
        // A slash is read aloud ("garis miring"): say "dari" / "atau".
        assert!(
            !i.contains(" / "),
            "{key}: a slash is read aloud, write \"dari\" or \"atau\": {i}"
        );
    }
}

/// Month names written the same in both languages: they are the same words.
const MONTHS_SAME: &[&str] = &["April", "September", "November"];
const SHORT_MONTHS_SAME: &[&str] = &["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Sep", "Nov"];

#[test]
fn month_names_are_indonesian_except_where_both_languages_agree() {
    for m in 1..=12 {
        let (i, e) = (month_name(Lang::Id, m), month_name(Lang::En, m));
        assert!(i != e || MONTHS_SAME.contains(&i), "month {m}: \"{i}\" is the English name");
        let (i, e) = (month_short(Lang::Id, m), month_short(Lang::En, m));
        assert!(i != e || SHORT_MONTHS_SAME.contains(&i), "month {m}: \"{i}\" is the English name");
    }
}

#[test]
fn counts_are_grouped_the_way_each_language_writes_them() {
    assert_eq!(format!("{} peristiwa", format_count(1234, Lang::Id)), "1.234 peristiwa");
    assert_eq!(format!("{} events", format_count(1234, Lang::En)), "1,234 events");
    let s = Lang::Id.strings();
    assert_eq!(s.step.replace("{n}", "3").replace("{total}", "65"), "3 dari 65");
    assert_eq!(Lang::En.strings().step.replace("{n}", "3").replace("{total}", "65"), "3 of 65");
}

// ---------------------------------------------------------------- the spelling elsewhere

/// Files readers or editors see, outside the dataset and the core's strings.
const OTHER_TEXTS: &[&str] = &[
    "index.html",
    "embed.html",
    "boot.js",
    "embed-host.js",
    "examples/news-article.html",
    "examples/long-article.html",
    "src/ui/error_panel.rs",
    "src/platform/panic.rs",
    "docs/bundle-guide.id.md",
    "docs/dataset-notes.md",
    "README.md",
];

#[test]
fn other_files_keep_the_standard_spellings() {
    for rel in OTHER_TEXTS {
        let text = read(rel);
        for bad in ["Lini masa", "lini masa", "galat"] {
            assert!(!text.contains(bad), "{rel} contains \"{bad}\"");
        }
    }
    // The treaty's Indonesian name is the same in the dataset and the example article.
    let treaty = "Perjanjian Pelarangan Sebagian Uji Coba Nuklir";
    assert!(read(DATASET).contains(treaty));
    assert!(read("examples/news-article.html").contains(treaty));
}

/// The editors' guide exists in both languages, each linking to the other, and the Indonesian
/// one's minimal example is the English one's, a clean bundle.
#[test]
fn the_guide_is_in_both_languages_with_the_same_valid_example() {
    let example = |rel: &str| {
        let guide = read(rel);
        let start = guide.find("```json\n{\n  \"version\"").expect("the guide's example") + 8;
        let end = start + guide[start..].find("\n```").unwrap();
        guide[start..end].to_string()
    };
    let en = example("docs/bundle-guide.md");
    let id = example("docs/bundle-guide.id.md");
    assert_eq!(id, en, "the two guides show the same minimal bundle");
    let json: timeline::core::json::Json = serde_json::from_str(&id).unwrap();
    assert_eq!(timeline::core::bundle::validate(&json).problems, []);
    assert!(read("docs/bundle-guide.md").contains("(bundle-guide.id.md)"));
    assert!(read("docs/bundle-guide.id.md").contains("(bundle-guide.md)"));
}
