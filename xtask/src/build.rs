//! `cargo xtask build`: the release build into `dist/`, then what it weighs.

use crate::tools::{self, exec, root};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The real dataset, packed into `dist/` as the single offline file.
pub const DATASET: &str = "data/sino-soviet-1950-1965.json";
/// The single offline file of the real dataset (`timeline pack`), in `dist/`.
pub const OFFLINE: &str = "offline.html";

pub fn run_cmd() -> tools::Result<()> {
    tools::ensure_build_tools()?;
    exec(Command::new("trunk").args(["build", "--release"]).current_dir(root()))?;
    let dist = root().join("dist");
    crate::static_copy::run(&root(), &dist)?;
    build_editor(&dist)?;
    pack_offline(&dist)?;
    report(&dist);
    crate::precompress::print(&crate::precompress::run(&dist)?);
    Ok(())
}

/// The editor's page: Trunk builds one HTML file per run and empties its output folder first,
/// so the editor gets a second run into its own folder, whose files are then copied into
/// `dist/` next to the widget's (the editor's preview loads the widget from there).
fn build_editor(dist: &Path) -> tools::Result<()> {
    let out = root().join("target").join("editor-dist");
    exec(
        Command::new("trunk")
            .args(["build", "editor.html", "--release", "--dist"])
            .arg(&out)
            .current_dir(root()),
    )?;
    for entry in std::fs::read_dir(&out).map_err(|e| format!("{}: {e}", out.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            // Trunk names its page index.html whatever the source was called.
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let to = dist.join(if name == "index.html" { "editor.html" } else { name });
            std::fs::copy(&path, &to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
    }
    Ok(())
}

/// `timeline pack` of the real dataset into `dist/offline.html`.
fn pack_offline(dist: &Path) -> tools::Result<()> {
    use timeline_cli::pack;
    let assets = pack::read_assets(dist)?;
    let path = root().join(DATASET).to_string_lossy().into_owned();
    let en = timeline_core::i18n::Lang::En;
    let bundle = timeline_cli::export::load(&path, en).map_err(|(message, _)| message)?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let page = pack::pack(&assets, &text, &bundle, &pack::Options::default())
        .map_err(|e| e.message(en))?;
    std::fs::write(dist.join(OFFLINE), page).map_err(|e| format!("{OFFLINE}: {e}"))
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
        ("wasm", |n| n.ends_with(".wasm") && !is_editor(n)),
        ("JS glue", |n| n.ends_with(".js") && !n.contains('/') && !is_editor(n)),
        ("CSS", |n| n.ends_with(".css") && !is_editor(n)),
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
    let (raw, gz) = measure(dist, |n| is_editor(n) && !n.ends_with(".html"));
    println!(
        "editor page (its own wasm + JS + CSS, not in the payload): {:.1} KB raw, {:.1} KB gzip",
        raw as f64 / 1024.0,
        gz as f64 / 1024.0
    );
    let (raw, gz) = measure(dist, |n| n == OFFLINE);
    println!(
        "offline file ({OFFLINE}: widget + styles + real dataset in one file): {:.1} KB raw, \
         {:.1} KB gzip",
        raw as f64 / 1024.0,
        gz as f64 / 1024.0
    );
    payload
}

/// Files of the editor's page (and of its preview frame), which are not part of the widget's
/// payload.
fn is_editor(name: &str) -> bool {
    ["editor", "timeline-editor", "timeline_editor", "preview"].iter().any(|p| name.starts_with(p))
}
