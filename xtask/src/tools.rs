//! Idempotent installers. Each checks the version already on the machine first; only what is
//! missing is installed, into the user's standard places: cargo's bin folder for Rust tools and
//! `~/.timeline-tools` for npm packages, so later runs and fresh clones reuse them.
//!
//! Versions are those known to work on our machines (`shared/TOOLCHAIN.md`): Trunk 0.21.14
//! (0.22 needs a newer rustc), wasm-bindgen-cli equal to the `wasm-bindgen` crate in Cargo.lock
//! (installed without `--locked`), wasm-opt from the npm package `binaryen@132` (Debian's 108
//! produces modules that crash), Chromium and ChromeDriver from Debian.
//!
//! Each version is written once, in `Trunk.toml` (`trunk-version`, `[tools] wasm_bindgen`,
//! `[tools] wasm_opt`), which Trunk itself enforces; these installers read it from there, and a
//! test checks that the `wasm-bindgen` pin in `Cargo.toml` and `Cargo.lock` agrees.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Trunk's configuration, the one place the tool versions are written.
const TRUNK_TOML: &str = include_str!("../../Trunk.toml");

/// The quoted value of `key = "…"` in `Trunk.toml` (keys are unique across its tables).
fn trunk_setting(key: &str) -> &'static str {
    TRUNK_TOML
        .lines()
        .filter_map(|line| line.split_once('='))
        .find(|(k, _)| k.trim() == key)
        .map(|(_, v)| v.trim().trim_matches('"'))
        .unwrap_or_else(|| panic!("Trunk.toml has no {key}"))
}

/// Trunk's version, from `trunk-version = "=0.21.14"`.
pub fn trunk_version() -> &'static str {
    trunk_setting("trunk-version").trim_start_matches('=')
}

/// wasm-bindgen's version, from `[tools] wasm_bindgen = "0.2.130"`.
pub fn wasm_bindgen_version() -> &'static str {
    trunk_setting("wasm_bindgen")
}

/// Binaryen's version (the npm package of wasm-opt), from `[tools] wasm_opt = "version_132"`.
pub fn binaryen_version() -> &'static str {
    trunk_setting("wasm_opt").trim_start_matches("version_")
}
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
    let trunk = trunk_version();
    if version_of("trunk").is_some_and(|v| v.contains(trunk)) {
        return Ok(());
    }
    say(&format!("installing trunk {trunk} (about 5 minutes on 2 cores)"));
    exec(Command::new("cargo").args(["install", "--locked", &format!("trunk@{trunk}")]))
}

pub fn ensure_wasm_bindgen() -> Result<()> {
    let bindgen = wasm_bindgen_version();
    if version_of("wasm-bindgen").is_some_and(|v| v.contains(bindgen)) {
        return Ok(());
    }
    say(&format!("installing wasm-bindgen-cli {bindgen} (about 2 minutes)"));
    // Without --locked: a locked dependency of the CLI is not served by our registry.
    exec(Command::new("cargo").args(["install", "--force", &format!("wasm-bindgen-cli@{bindgen}")]))
}

pub fn ensure_wasm_opt() -> Result<()> {
    let binaryen = binaryen_version();
    let bin = wasm_opt_bin_dir().join("wasm-opt");
    if version_of(bin.to_str().unwrap_or("wasm-opt"))
        .is_some_and(|v| v.contains(&format!("version {binaryen}")))
    {
        return Ok(());
    }
    say(&format!("installing wasm-opt (npm binaryen@{binaryen}) into {}", tools_dir().display()));
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
            .args(["install", "--no-audit", "--no-fund", &format!("binaryen@{binaryen}")])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_come_from_trunk_toml() {
        assert!(trunk_version().starts_with("0.") && !trunk_version().starts_with('='));
        assert!(binaryen_version().bytes().all(|b| b.is_ascii_digit()), "{}", binaryen_version());
    }

    /// The `wasm-bindgen` crate must be exactly the CLI's version, or the generated glue does
    /// not match the module: Cargo.toml's pin and the lock file must agree with Trunk.toml.
    #[test]
    fn the_wasm_bindgen_crate_matches_the_cli() {
        let v = wasm_bindgen_version();
        let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={v}\"")),
            "Cargo.toml must pin wasm-bindgen = \"={v}\" (Trunk.toml's [tools] wasm_bindgen)"
        );
        let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
        assert!(
            lock.contains(&format!("name = \"wasm-bindgen\"\nversion = \"{v}\"")),
            "Cargo.lock must lock wasm-bindgen {v}"
        );
    }
}
