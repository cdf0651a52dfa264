//! Importing TimelineJS timelines (fixtures written for these tests in `tests/fixtures/`): its
//! Google Sheets template as CSV and its JSON, with HTML links, lists and entities, missing
//! months, end dates, times, groups, eras, a title slide, media of several kinds, a BC year and
//! hostile HTML; and malformed CSV.

use timeline_cli::import::{import, Format, Options};
use timeline_core::bundle::validate;
use timeline_core::i18n::Lang;

fn fixture(name: &str) -> (String, String) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    (name.to_owned(), text)
}

fn options(strict: bool, lang: Lang) -> Options<'static> {
    Options { format: Format::Auto, strict, lang, text_lang: "en" }
}

fn bundle(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn the_sheet_template_imports_with_every_loss_reported_by_row() {
    let (name, text) = fixture("timelinejs-sheet.csv");
    let outcome = import(&name, &text, &options(false, Lang::En));
    assert_eq!(outcome.status, 0, "{}", outcome.report);
    let r = &outcome.report;
    for expected in [
        "row 2: media \"https://example.org/cover.jpg\" dropped: bundles have media only on events.",
        "row 2: background \"#112233\" dropped.",
        "row 3: link \"https://en.wikipedia.org/wiki/Zhou_Enlai\" dropped, its text \"Zhou Enlai\" kept.",
        "row 3: Time 10:30 dropped, the bundle has day precision.",
        "row 4: media \"https://www.youtube.com/watch?v=abc\" is not an image: it becomes a link out, not embedded.",
        "row 5: the image has no alt text: its caption stands in; describe the image instead.",
        "row 5: Media Thumbnail \"https://example.org/thumb.jpg\" dropped with the media.",
        "row 6: media \"http://example.org/old.png\" dropped: only https:// media can be shown.",
        "row 6: day 3 dropped: there is no month.",
        "row 7: link \"javascript:alert(2)\" dropped, its text \"Click\" kept.",
        "row 7: <script> dropped from the text.",
        "row 7: <img> dropped from the text.",
        "row 7: End Time 17:00 dropped, the bundle has day precision.",
        "row 12: Year \"-4500000000\" is not a date the bundle can hold (years 10000 BC to 9999",
        "row 9: no headline: the start of the text is the title.",
    ] {
        assert!(r.contains(expected), "missing {expected:?} in\n{r}");
    }
    let b = bundle(&outcome.bundle.unwrap());
    assert_eq!(b["title"]["en"], "The Sino-Soviet split", "Type: title is the bundle's title");
    assert_eq!(b["description"]["en"], "From alliance to rupture & rivalry.");
    assert_eq!(b["languages"], serde_json::json!(["en"]));
    let events = b["events"].as_array().unwrap();
    let treaty = &events[0];
    assert_eq!(treaty["start"], "1950-02-14");
    assert_eq!(
        treaty["summary"]["en"],
        "Signed in Moscow by Zhou Enlai and Vyshinsky.\n\nTerms:\n\n• mutual defence\n• a $300\u{a0}million loan"
    );
    assert_eq!(events[1]["start"], "1950", "a missing month keeps year precision");
    assert_eq!(events[1]["date_note"]["en"], "Late 1950", "Display Date becomes the date note");
    assert_eq!((&events[2]["start"], &events[2]["end"]), (&"1958-08".into(), &"1958-10".into()));
    // Media: an https image with its credit (the caption standing in for the missing alt
    // text), a video as a labelled link out, never an embed.
    assert_eq!(
        events[2]["media"],
        serde_json::json!({"url": "https://example.org/jinmen.jpg", "alt": {"en": "Guns on Xiamen's shore"}, "credit": "Xinhua"})
    );
    assert_eq!(events[1]["media"]["type"], "link");
    assert_eq!(events[1]["media"]["alt"]["en"], "Korean War intervention");
    assert!(events[3].get("media").is_none(), "http media is dropped");
    assert_eq!(
        events[4]["summary"]["en"], "Click <b>not bold</b>",
        "hostile HTML ends as inert text"
    );
    let ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids[0], "treaty-of-friendship");
    assert_eq!(ids[7], "treaty-of-friendship-2", "ids from headlines are unique");
    // TimelineJS's -44 is 44 BC, astronomically -0043; it sorts first.
    let caesar = events.iter().find(|e| e["id"] == "ides-of-march").unwrap();
    assert_eq!(caesar["start"], "-0043-03-15");
    assert_eq!(b["range"]["start"], "-0043");
    // Groups are categories with distinct colours and icons.
    let cats = b["categories"].as_array().unwrap();
    let pairs: std::collections::HashSet<(String, String)> =
        cats.iter().map(|c| (c["color"].to_string(), c["icon"].to_string())).collect();
    let colours: std::collections::HashSet<String> =
        cats.iter().map(|c| c["color"].to_string()).collect();
    let icons: std::collections::HashSet<String> =
        cats.iter().map(|c| c["icon"].to_string()).collect();
    assert_eq!((pairs.len(), colours.len(), icons.len()), (cats.len(), cats.len(), cats.len()));
    assert_eq!(b["eras"][0]["label"]["en"], "Growing strains");
    // And it is a valid bundle.
    let report = validate(&serde_json::from_value(b).unwrap());
    assert!(report.bundle.is_some(), "{:?}", report.problems);
}

#[test]
fn strict_turns_every_loss_into_an_error_and_writes_nothing() {
    let (name, text) = fixture("timelinejs-sheet.csv");
    let outcome = import(&name, &text, &options(true, Lang::En));
    assert_eq!(outcome.status, 1);
    assert!(outcome.bundle.is_none());
    assert!(outcome.report.contains("error: row 3: Time 10:30 dropped"), "{}", outcome.report);
    assert!(outcome
        .report
        .ends_with("no bundle written (--strict): something was not carried over.\n"));
}

#[test]
fn reports_speak_indonesian_too() {
    let (name, text) = fixture("timelinejs-sheet.csv");
    let outcome = import(&name, &text, &options(false, Lang::Id));
    assert!(
        outcome
            .report
            .contains("catatan: baris 3: Time 10:30 dibuang, bundel hanya sampai ketelitian hari."),
        "{}",
        outcome.report
    );
}

#[test]
fn timelinejs_json_imports_ids_eras_and_reports_media() {
    let (name, text) = fixture("timelinejs.json");
    let outcome = import(&name, &text, &options(false, Lang::En));
    assert_eq!(outcome.status, 0, "{}", outcome.report);
    let r = &outcome.report;
    for expected in [
        "title: media \"https://example.org/title.png\" dropped",
        "events[0]: link \"https://example.org/moscow\" dropped, its text \"Moscow\" kept.",
        "events[0]: media.thumbnail \"https://example.org/t.jpg\" dropped with the media.",
        "events[1]: media \"https://twitter.com/x/status/1\" is not an image: it becomes a link out, not embedded.",
        "events[1]: Time 09:50 dropped, the bundle has day precision.",
        "events[1]: id \"Stalin Dies!\" is not usable; \"stalin-dies\" is used instead.",
        "events[2]: id \"treaty-1950\" is not usable; \"treaty-1950-2\" is used instead.",
        "events[2]: no text: the headline is also the summary.",
        "events[3]: field \"location\" dropped",
    ] {
        assert!(r.contains(expected), "missing {expected:?} in\n{r}");
    }
    let b = bundle(&outcome.bundle.unwrap());
    assert_eq!(b["title"]["en"], "Sino-Soviet relations");
    assert_eq!(b["events"][0]["id"], "treaty-1950", "unique_id becomes the id");
    assert_eq!(
        b["events"][0]["media"],
        serde_json::json!({
            "url": "https://example.org/treaty.jpg",
            "alt": {"en": "Zhou Enlai signs the treaty"},
            "credit": "TASS",
            "caption": {"en": "The signing in Moscow"}
        })
    );
    assert_eq!(b["events"][1]["end"], "1953-03-09");
    assert_eq!(b["events"][1]["date_note"]["en"], "Early March 1953");
    assert_eq!(b["events"][3]["summary"]["en"], "• Lop Nur\n• 596");
    assert_eq!(b["eras"].as_array().unwrap().len(), 2);
    assert_eq!(b["range"], serde_json::json!({"start": "1950", "end": "1965"}));
}

#[test]
fn malformed_csv_names_row_and_column() {
    let (name, text) = fixture("broken-quote.csv");
    let outcome = import(&name, &text, &options(false, Lang::En));
    assert_eq!(outcome.status, 2);
    assert!(
        outcome
            .report
            .starts_with("broken-quote.csv: row 2, column 5: a quotation mark opens a value"),
        "{}",
        outcome.report
    );
    let (name, text) = fixture("stray-quote.csv");
    let outcome = import(&name, &text, &options(false, Lang::En));
    assert_eq!(outcome.status, 2);
    assert!(
        outcome
            .report
            .starts_with("stray-quote.csv: row 3, column 4: a quotation mark inside a value"),
        "{}",
        outcome.report
    );
}

#[test]
fn unknown_columns_and_missing_ones_are_explained() {
    let outcome = import("x.csv", "Date,Title\n1950,Treaty\n", &options(false, Lang::En));
    assert_eq!(outcome.status, 2);
    assert!(
        outcome.report.contains("row 1: the header has neither a \"kind\" column"),
        "{}",
        outcome.report
    );
    let forced = Options { format: Format::TimelinejsCsv, ..options(false, Lang::En) };
    let outcome = import("x.csv", "Headline,Month\nTreaty,2\n", &forced);
    assert_eq!(outcome.status, 2);
    assert!(
        outcome.report.contains("error: row 1: the required column \"Year\" is missing."),
        "{}",
        outcome.report
    );
}

#[test]
fn template_problems_name_the_row() {
    let sheet = "kind,id,start,category,importance,title_en,summary_en,languages\n\
                 bundle,,1950,,,Demo,,en\n\
                 category,c,,,,C,,\n\
                 event,a,1957-02-30,c,1,A,S,\n";
    let outcome = import("t.csv", sheet, &options(false, Lang::En));
    assert_eq!(outcome.status, 1);
    assert!(
        outcome.report.contains("t.csv: row 4: error[invalid-date] events[0].start"),
        "{}",
        outcome.report
    );
}

#[test]
fn hostile_html_too_long_to_convert_is_left_out_quickly() {
    let nested = "<div>".repeat(30_000);
    let doc = serde_json::json!({
        "events": [{"start_date": {"year": 1950}, "text": {"headline": "Deep", "text": nested}}]
    });
    let started = std::time::Instant::now();
    let outcome = import("deep.json", &doc.to_string(), &options(false, Lang::En));
    assert!(started.elapsed().as_secs() < 5, "took {:?}", started.elapsed());
    assert!(
        outcome
            .report
            .contains("events[0]: a text of 150000 characters of HTML is too long to convert"),
        "{}",
        outcome.report
    );
    assert_eq!(outcome.status, 0, "{}", outcome.report);
}
