//! The real bundle, exported to our spreadsheet template and imported again, is the same bundle:
//! the same validated model and the same JSON document. Also through TSV and through
//! semicolon-separated CSV with a byte-order mark, as European Excel saves it.

use timeline_cli::import::{import, Format, Options};
use timeline_cli::table;
use timeline_core::bundle::validate;
use timeline_core::i18n::Lang;
use timeline_core::json::Json;

fn real() -> (String, serde_json::Value) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/sino-soviet-1950-1965.json");
    let text = std::fs::read_to_string(path).unwrap();
    let value = serde_json::from_str(&text).unwrap();
    (text, value)
}

fn options() -> Options<'static> {
    Options { format: Format::Auto, strict: true, lang: Lang::En, text_lang: "en" }
}

#[test]
fn the_real_bundle_survives_the_template_both_ways() {
    let (text, original) = real();
    let json: Json = serde_json::from_str(&text).unwrap();
    let model = validate(&json).bundle.expect("the real bundle is valid");
    let rows = timeline_core::import::template::export(&model);
    for (name, sheet) in [
        ("real.csv", table::write(&rows, b',')),
        ("real.tsv", table::write(&rows, b'\t')),
        ("real-excel.csv", format!("\u{feff}{}", table::write(&rows, b';'))),
    ] {
        let outcome = import(name, &sheet, &options());
        assert_eq!(outcome.status, 0, "{name}: {}", outcome.report);
        let bundle = outcome.bundle.unwrap();
        let again: serde_json::Value = serde_json::from_str(&bundle).unwrap();
        assert_eq!(again, original, "{name}: the JSON differs");
        let model_again = validate(&serde_json::from_str(&bundle).unwrap()).bundle.unwrap();
        assert_eq!(model_again, model, "{name}: the model differs");
    }
}

#[test]
fn the_shipped_example_is_the_real_bundle() {
    let (_, original) = real();
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/templates/sino-soviet-1950-1965.csv");
    let sheet = std::fs::read_to_string(path).unwrap();
    let outcome = import(path, &sheet, &options());
    assert_eq!(outcome.status, 0, "{}", outcome.report);
    let again: serde_json::Value = serde_json::from_str(&outcome.bundle.unwrap()).unwrap();
    assert_eq!(again, original, "data/templates/ is out of date: run `timeline export data/sino-soviet-1950-1965.json --sheet -o data/templates/sino-soviet-1950-1965.csv`");
}

#[test]
fn media_survive_the_template_both_ways() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/bundles/good/media.json");
    let text = std::fs::read_to_string(path).unwrap();
    let model = validate(&serde_json::from_str(&text).unwrap()).bundle.unwrap();
    let sheet = table::write(&timeline_core::import::template::export(&model), b',');
    assert!(sheet.lines().next().unwrap().contains("media_url"), "{sheet}");
    let outcome = import("media.csv", &sheet, &options());
    assert_eq!(outcome.status, 0, "{}", outcome.report);
    // The same model (the file leaves its category's icon to the default; the sheet names it).
    let again = validate(&serde_json::from_str(&outcome.bundle.unwrap()).unwrap()).bundle.unwrap();
    assert_eq!(again, model);
    assert!(again.events[0].media.is_some());
}
