//! `cargo xtask bench [--quick] [--compare] [--n 1000,10000] [--reps N] [--timeout S]`: the
//! performance benchmark (`bench/`): our release build against vis-timeline and TimelineJS in
//! headless Chromium. Installs what it needs first (Chromium from Debian, the bench's pinned npm
//! packages), builds `dist/` when it is missing, then runs `node bench/run.mjs` with the arguments
//! and passes its exit code on. Timing budgets are printed as PASS/FAIL lines, never turned into a
//! failing exit code (shared machines are noisy); what is deterministic fails the run: ours
//! crashing or never becoming ready, a page error, an unfinished interaction, more than 3 000 DOM
//! elements, or the payload over its ceiling (`PAYLOAD_CEILING` in bench/run.mjs).
//! `--lighthouse` runs `node bench/lighthouse.mjs` instead: Lighthouse's mobile preset on our
//! page, the incumbents' and the example articles.

use crate::tools::{self, root};
use std::process::Command;

const HELP: &str = "\
cargo xtask bench [--quick] [--compare] [--n LIST] [--reps N] [--timeout S] [OPTIONS]
cargo xtask bench --lighthouse [--reps N] [--targets ours,vis,tljs,article,long]

  --quick     N = 1 000 only, one repetition, ours only unless --compare (what CI runs)
  --compare   also run vis-timeline 8.5.4 and TimelineJS 3.9.11, with ratios to ours
  --n LIST    event counts, `<count>-short` and/or `real`
              (default 50,1000,10000,100000,100000-short,real)
  --reps N    fresh-browser repetitions, medians reported (default 3, 1 with --quick)
  --timeout S a target not ready after S seconds is reported as such (default 60)
  --interaction-timeout S   time a page gets for the scripted inputs (default 180)
  --targets LIST            only some of ours,vis,tljs
  --out FILE  JSON results (default bench/out/results.json)
  --shots     diagnostic screenshots in bench/out/shots/ (distorts the timings)
  --lighthouse  Lighthouse 12 mobile preset instead (bench/lighthouse.mjs): performance, LCP,
              TBT, CLS and bytes of ours, both incumbents and the example articles, medians

Prints a markdown table and PASS/FAIL budget lines; see bench/README.md.
";

pub fn run(args: &[String]) -> i32 {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return 0;
    }
    match run_cmd(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask bench: {e}");
            1
        }
    }
}

fn run_cmd(args: &[String]) -> tools::Result<i32> {
    tools::ensure_chromium()?;
    ensure_bench_packages()?;
    let dist = root().join("dist");
    if !dist.join("index.html").exists() || !dist.join("timeline_bg.wasm").exists() {
        eprintln!("xtask bench: dist/ is missing, building it first");
        crate::build::run_cmd()?;
    }
    let script = if args.iter().any(|a| a == "--lighthouse") {
        "bench/lighthouse.mjs"
    } else {
        "bench/run.mjs"
    };
    let status = Command::new("node")
        .arg(script)
        .args(args)
        .current_dir(root())
        .env("PATH", tools::path_env())
        .status()
        .map_err(|e| format!("could not start node: {e}"))?;
    Ok(status.code().unwrap_or(1))
}

/// The bench's npm packages (vis-timeline, TimelineJS, playwright-core, lighthouse), from its
/// lockfile.
fn ensure_bench_packages() -> tools::Result<()> {
    tools::ensure_npm_packages(
        "bench",
        &["playwright-core", "vis-timeline", "@knight-lab/timelinejs", "lighthouse"],
    )
}
