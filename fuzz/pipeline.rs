//! The path every bundle takes, from bytes to what the widget draws: parse (`serde_json` into
//! the core's `Json`, as the command-line validator does; the widget uses the browser's
//! `JSON.parse` into the same tree), validate, prepare, lay out at several zoom levels and
//! build the axis for several views, in both languages.
//!
//! Shared by the property tests (`tests/fuzz_pipeline.rs`, native, in CI) and the cargo-fuzz
//! target (`fuzz/fuzz_targets/pipeline.rs`, nightly, for long runs). Besides "no panic", it
//! checks the few properties every stage promises whatever its input, so a fuzzer that finds a
//! silent inconsistency stops too.

use timeline::core::bundle::{validate, Severity, MAX_PROBLEMS};
use timeline::core::i18n::Lang;
use timeline::core::json::Json;
use timeline::core::layout::{layout, level_of};
use timeline::core::prepared::Prepared;
use timeline::core::scale::View;
use timeline::core::ticks::axis;

/// How far one input got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reached {
    /// `serde_json` refused it (not JSON, or nested too deep).
    NotJson,
    /// The validator rejected it.
    Invalid,
    /// Valid: prepared, laid out and given an axis.
    Drawn,
}

/// The widths (px) the axis is built for: a phone, a desktop, and degenerate ones.
const WIDTHS: [f64; 4] = [1.0, 320.0, 1280.0, 4096.0];
/// The lanes the UI allows at most (a small and a generous value).
const LANES: [u16; 2] = [1, 8];

/// Runs the whole path on raw bytes.
pub fn run_bytes(bytes: &[u8]) -> Reached {
    match serde_json::from_slice::<Json>(bytes) {
        Ok(json) => run_json(&json),
        Err(_) => Reached::NotJson,
    }
}

/// Runs validate → prepare → layout → axis on a parsed document.
pub fn run_json(json: &Json) -> Reached {
    let report = validate(json);
    let errors = report.problems.iter().filter(|p| p.severity == Severity::Error).count();
    assert_eq!(report.bundle.is_some(), errors == 0, "a bundle exactly when there is no error");
    assert!(report.problems.len() <= MAX_PROBLEMS + 1, "the report is bounded");
    let Some(bundle) = report.bundle else { return Reached::Invalid };
    let n = bundle.events.len();
    assert!(n > 0, "a valid bundle has events");
    let model = Prepared::new(bundle);
    let extent = model.extent;
    assert!(extent.start.is_finite() && extent.end.is_finite() && extent.span() > 0.0);
    let full = extent.full();
    // The views a reader reaches: everything, deep zooms at either end and the middle, a pan.
    let mut views = vec![full];
    for (anchor, factor) in [(0.0, 8.0), (640.0, 1e3), (1280.0, 1e9), (300.0, 0.5)] {
        views.push(full.zoom_at(anchor, 1280.0, factor, extent));
    }
    views.push(views[2].pan_px(-5_000.0, 1280.0, extent));
    for v in &views {
        assert!(v.start >= extent.start && v.end <= extent.end && v.span() > 0.0, "{v:?}");
    }
    for lang in [Lang::Id, Lang::En] {
        let shapes = model.shapes(lang);
        assert_eq!(shapes.len(), n);
        let mut levels: Vec<i32> = vec![-20, 40];
        for v in &views {
            for w in WIDTHS {
                levels.push(level_of(v.px_per_day(w)));
            }
        }
        levels.sort_unstable();
        levels.dedup();
        for &level in &levels {
            for lanes in LANES {
                let l = layout(&shapes, level, lanes);
                assert!(l.lanes <= lanes, "lanes used {} of {lanes}", l.lanes);
                let mut seen = vec![false; n];
                let all = l
                    .placed
                    .iter()
                    .map(|p| p.index)
                    .chain(l.clusters.iter().flat_map(|c| c.indices.iter().copied()));
                for i in all {
                    assert!(i < n && !seen[i], "event {i} placed twice or out of range");
                    seen[i] = true;
                }
                assert!(seen.iter().all(|&s| s), "every event is a marker or in a cluster");
            }
        }
        for v in &views {
            for w in WIDTHS {
                check_axis(*v, w, lang);
            }
        }
    }
    Reached::Drawn
}

fn check_axis(view: View, width: f64, lang: Lang) {
    let a = axis(view, width, lang);
    for pair in a.ticks.windows(2) {
        assert!(pair[0].day < pair[1].day, "ticks increase: {:?}", a.ticks);
    }
    for t in &a.ticks {
        let day = f64::from(t.day);
        assert!(day >= view.start.floor() && day < view.end, "tick {} outside {view:?}", t.day);
        // Only a label that would run past the right edge is left out.
        let x = (day - view.start) / view.span() * width;
        assert!(!t.label.is_empty() || x > width - 100.0, "tick {} unlabelled at {x}", t.day);
    }
    assert!(a.ticks.len() as f64 <= width / 4.0 + 2.0, "{} ticks at {width} px", a.ticks.len());
}
