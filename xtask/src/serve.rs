//! `cargo xtask serve`: installs what is missing and serves the release build on loopback.

use crate::tools::{self, exec, root};
use std::process::Command;

pub fn run_cmd(args: &[String]) -> tools::Result<()> {
    tools::ensure_build_tools()?;
    let port = args
        .windows(2)
        .find(|w| w[0] == "--port")
        .map(|w| w[1].clone())
        .unwrap_or_else(|| "8080".into());
    println!("\nServing the timeline at http://127.0.0.1:{port}/ (Ctrl+C stops)\n");
    exec(
        Command::new("trunk")
            // Its own output folder: trunk serve adds a live-reload script, which must not end up in
            // the dist/ that tests, benchmarks and hosts use.
            .args(["serve", "--release", "--address", "127.0.0.1", "--port", &port, "--dist"])
            .arg(root().join("target").join("serve-dist"))
            .current_dir(root()),
    )
}

pub fn run(args: &[String]) -> i32 {
    match run_cmd(args) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("xtask serve: {e}");
            1
        }
    }
}
