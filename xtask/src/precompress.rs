//! Precompressed copies for hosts that serve them (nginx `gzip_static` / `brotli_static`, Caddy
//! `precompressed`, most static hosts): `name.br` and `name.gz` next to every wasm, JS, CSS,
//! JSON and HTML file of `dist/`, at the strongest settings (brotli quality 11, gzip level 9),
//! since they are made once per build and read by every reader. A host that compresses on the
//! fly instead gets the same bytes at its own level.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The kinds of file that get copies: text and wasm, which compress; images and fonts do not
/// (the favicon is SVG, text too, but a few hundred bytes).
const KINDS: [&str; 5] = ["wasm", "js", "css", "json", "html"];

/// One file's sizes in bytes.
pub struct Sizes {
    pub path: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes)?;
    enc.finish()
}

pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        // Quality 11, a 4 MB window (lgwin 22, brotli's default): what `brotli -q 11` writes.
        let mut w = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        w.write_all(bytes)?;
        w.flush()?;
    }
    Ok(out)
}

fn files(dist: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                // Trunk's staging folder, if a build is under way.
                if path.file_name().is_some_and(|n| n != ".stage") {
                    stack.push(path);
                }
            } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| KINDS.contains(&e))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Writes `.br` and `.gz` beside every file of [`KINDS`] under `dist` and returns their sizes.
pub fn run(dist: &Path) -> Result<Vec<Sizes>, String> {
    let mut rows = Vec::new();
    for path in files(dist) {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gz = gzip(&bytes).map_err(|e| format!("gzip {}: {e}", path.display()))?;
        let br = brotli(&bytes).map_err(|e| format!("brotli {}: {e}", path.display()))?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        for (suffix, data) in [("gz", &gz), ("br", &br)] {
            let copy = path.with_file_name(format!("{name}.{suffix}"));
            std::fs::write(&copy, data).map_err(|e| format!("{}: {e}", copy.display()))?;
        }
        let rel = path.strip_prefix(dist).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        rows.push(Sizes { path: rel, raw: bytes.len(), gzip: gz.len(), brotli: br.len() });
    }
    Ok(rows)
}

/// The table `cargo xtask build` prints.
pub fn print(rows: &[Sizes]) {
    println!("\nPrecompressed copies in dist/ (`.gz`: gzip -9, `.br`: brotli -q 11):\n");
    println!("| file | raw bytes | .gz bytes | .br bytes |\n|---|---:|---:|---:|");
    for r in rows {
        println!("| {} | {} | {} | {} |", r.path, r.raw, r.gzip, r.brotli);
    }
    // What a reader of index.html downloads of the widget itself (boot.js, the glue, the wasm and
    // the stylesheet), as hosts serving the copies send it.
    let code = ["boot.js", "timeline.js", "timeline_bg.wasm", "timeline.css"];
    let sum = |f: fn(&Sizes) -> usize| -> usize {
        rows.iter().filter(|r| code.contains(&r.path.as_str())).map(f).sum()
    };
    println!(
        "\nwidget code (boot.js + glue + wasm + CSS): {:.1} KB raw, {:.1} KB gzip, {:.1} KB brotli",
        sum(|r| r.raw) as f64 / 1024.0,
        sum(|r| r.gzip) as f64 / 1024.0,
        sum(|r| r.brotli) as f64 / 1024.0
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copies_decompress_to_the_original() {
        let text = "Linimasa hubungan Tiongkok–Soviet 1950–1965. ".repeat(200);
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes()).unwrap()[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, text.as_bytes());
        let mut out = Vec::new();
        brotli::Decompressor::new(&brotli(text.as_bytes()).unwrap()[..], 4096)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, text.as_bytes());
    }
}
