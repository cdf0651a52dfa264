//! `cargo xtask build`: the release build into `dist/`, then what it weighs.

use crate::tools::{self, exec, root};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;
use std::process::Command;

pub fn run_cmd() -> tools::Result<()> {
    tools::ensure_build_tools()?;
    exec(Command::new("trunk").args(["build", "--release"]).current_dir(root()))?;
    crate::static_copy::run(&root(), &root().join("dist"))?;
    report(&root().join("dist"));
    crate::precompress::print(&crate::precompress::run(&root().join("dist"))?);
    Ok(())
}

pub fn run(_args: &[String]) -> i32 {
    match run_cmd() {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("xtask build: {e}");
            1
        }
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

/// Raw and gzip sizes of one kind of file in `dist/`.
fn measure(dist: &Path, pick: impl Fn(&str) -> bool) -> (usize, usize) {
    let mut raw = 0;
    let mut gz = 0;
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                let rel = path
                    .strip_prefix(dist)
                    .map(|p| p.to_string_lossy().to_string())
                    .unwrap_or_default();
                if pick(&rel) || pick(name) {
                    let bytes = std::fs::read(&path).unwrap_or_default();
                    raw += bytes.len();
                    gz += gzip_len(&bytes);
                }
            }
        }
    }
    (raw, gz)
}

/// Which files of `dist/` (by path relative to it, or by name) belong to a row.
type Pick = fn(&str) -> bool;

/// Prints the size table and returns the gzip bytes of wasm + JS + CSS (the payload budget).
pub fn report(dist: &Path) -> usize {
    let rows: [(&str, Pick); 4] = [
        ("wasm", |n| n.ends_with(".wasm")),
        ("JS glue", |n| n.ends_with(".js") && !n.contains('/')),
        ("CSS", |n| n.ends_with(".css")),
        ("data bundle", |n| n.starts_with("data/") && n.ends_with(".json")),
    ];
    println!("\n| file | raw bytes | gzip bytes |\n|---|---:|---:|");
    let mut total = (0, 0);
    let mut payload = 0;
    for (name, pick) in rows.iter() {
        let (raw, gz) = measure(dist, pick);
        println!("| {name} | {raw} | {gz} |");
        total.0 += raw;
        total.1 += gz;
        if *name != "data bundle" {
            payload += gz;
        }
    }
    println!("| **total** | {} | {} |", total.0, total.1);
    println!("\npayload (wasm + JS + CSS, gzip): {:.1} KB", payload as f64 / 1024.0);
    payload
}
