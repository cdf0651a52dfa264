//! Idempotent installers. Each checks the version already on the machine first; only what is
//! missing is installed, into the user's standard places: cargo's bin folder for Rust tools and
//! `~/.timeline-tools` for npm packages, so later runs and fresh clones reuse them.
//!
//! Versions are those known to work on our machines (`shared/TOOLCHAIN.md`): Trunk 0.21.14
//! (0.22 needs a newer rustc), wasm-bindgen-cli equal to the `wasm-bindgen` crate in Cargo.lock
//! (installed without `--locked`), wasm-opt from the npm package `binaryen@132` (Debian's 108
//! produces modules that crash), Chromium and ChromeDriver from Debian.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const BINARYEN_VERSION: &str = "132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub type Result<T> = std::result::Result<T, String>;

/// The repository's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repo").to_path_buf()
}

fn home() -> PathBuf {
    std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/root"))
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
        .join("bin")
}

/// Where npm-packaged tools go.
pub fn tools_dir() -> PathBuf {
    home().join(".timeline-tools")
}

fn wasm_opt_bin_dir() -> PathBuf {
    tools_dir().join("npm/node_modules/binaryen/bin")
}

/// PATH with our tool folders first, for child processes.
pub fn path_env() -> String {
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{old}", wasm_opt_bin_dir().display(), cargo_bin().display())
}

/// The first line a tool prints for `--version`, if it runs.
pub fn version_of(program: &str) -> Option<String> {
    let out = Command::new(program)
        .arg("--version")
        .env("PATH", path_env())
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    text.lines().next().map(|l| l.trim().to_string())
}

/// Runs a command, streaming its output, and fails with a readable message.
pub fn exec(cmd: &mut Command) -> Result<()> {
    cmd.env("PATH", path_env());
    let shown = format!("{cmd:?}");
    let status = cmd.status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn say(msg: &str) {
    eprintln!("\x1b[1msetup:\x1b[0m {msg}");
}

pub fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup not found: {e}"))?;
    if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    say("adding the wasm32-unknown-unknown target");
    exec(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

pub fn ensure_trunk() -> Result<()> {
    if version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        return Ok(());
    }
    say(&format!("installing trunk {TRUNK_VERSION} (about 5 minutes on 2 cores)"));
    exec(Command::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))
}

pub fn ensure_wasm_bindgen() -> Result<()> {
    if version_of("wasm-bindgen").is_some_and(|v| v.contains(WASM_BINDGEN_VERSION)) {
        return Ok(());
    }
    say(&format!("installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (about 2 minutes)"));
    // Without --locked: a locked dependency of the CLI is not served by our registry.
    exec(Command::new("cargo").args([
        "install",
        "--force",
        &format!("wasm-bindgen-cli@{WASM_BINDGEN_VERSION}"),
    ]))
}

pub fn ensure_wasm_opt() -> Result<()> {
    let bin = wasm_opt_bin_dir().join("wasm-opt");
    if version_of(bin.to_str().unwrap_or("wasm-opt"))
        .is_some_and(|v| v.contains(&format!("version {BINARYEN_VERSION}")))
    {
        return Ok(());
    }
    say(&format!(
        "installing wasm-opt (npm binaryen@{BINARYEN_VERSION}) into {}",
        tools_dir().display()
    ));
    let dir = tools_dir().join("npm");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if !dir.join("package.json").exists() {
        std::fs::write(
            dir.join("package.json"),
            "{\"name\":\"timeline-tools\",\"private\":true}\n",
        )
        .map_err(|e| e.to_string())?;
    }
    exec(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", &format!("binaryen@{BINARYEN_VERSION}")])
            .current_dir(&dir),
    )
}

/// Everything `trunk build` needs.
pub fn ensure_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    ensure_trunk()?;
    ensure_wasm_opt()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Debian's Chromium and ChromeDriver (tool-downloaded browsers cannot be fetched here).
pub fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "Chromium and ChromeDriver are needed for the browser tests. Install them with:\n    \
             sudo apt-get update && sudo apt-get install -y chromium chromium-driver\n\
             (expected at {CHROMIUM} and {CHROMEDRIVER})"
        ));
    }
    say("installing chromium and chromium-driver from Debian");
    exec(Command::new("apt-get").arg("update"))?;
    exec(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// `npm ci` in `folder` (relative to the repository) when its node_modules is missing, older
/// than the lockfile, or lacks one of `packages`; otherwise nothing.
pub fn ensure_npm_packages(folder: &str, packages: &[&str]) -> Result<()> {
    let dir = root().join(folder);
    let lock = dir.join("package-lock.json");
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(a), Ok(b)) => match (a.modified(), b.modified()) {
            (Ok(a), Ok(b)) => b >= a,
            _ => false,
        },
        _ => false,
    };
    let complete =
        packages.iter().all(|p| dir.join("node_modules").join(p).join("package.json").exists());
    if fresh && complete {
        return Ok(());
    }
    say(&format!("installing the npm packages of {folder}/ (npm ci)"));
    exec(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir))
}

/// The end-to-end tier's npm packages (playwright-core, axe-core, ajv), from the lockfile.
pub fn ensure_e2e_packages() -> Result<()> {
    ensure_npm_packages("e2e", &["playwright-core", "axe-core", "ajv"])
}
