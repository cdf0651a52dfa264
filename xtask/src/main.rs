//! Project automation, reached as `cargo xtask <command>` (see `.cargo/config.toml`).
//!
//! Every command first installs what it needs and is missing, idempotently, so a fresh machine
//! with only rustup, cargo, node and npm needs no hand work and a warm one starts in seconds.

mod bench;
mod build;
mod check_bundle;
mod precompress;
mod serve;
mod static_copy;
mod test;
mod tools;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

  serve               install missing tools, build the release widget and serve it on 127.0.0.1
  test                install missing tools and browsers, then run every test tier (what CI runs)
  build               release build into dist/ with .br/.gz copies, and a size report
  check-bundle FILE   validate an events bundle (--json for machine-readable output)
  bench [--quick] [--compare] [--n 1000,10000]
                      performance against vis-timeline and TimelineJS (bench/README.md)
  setup               only install the tools (wasm32 target, trunk, wasm-bindgen, wasm-opt)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("bench") => bench::run(&args[1..]),
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("build") => build::run(&args[1..]),
        Some("check-bundle") => check_bundle::run(&args[1..]),
        Some("setup") => match tools::ensure_build_tools() {
            Ok(_) => 0,
            Err(e) => {
                eprintln!("xtask setup: {e}");
                1
            }
        },
        Some("-h" | "--help" | "help") | None => {
            print!("{HELP}");
            0
        }
        Some(other) => {
            eprintln!("unknown command `{other}`\n\n{HELP}");
            2
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
