//! `cargo xtask check-bundle FILE [--json] [--lang id|en]`: a thin alias of `timeline check`
//! (crates/cli), kept so existing scripts and test tiers go on working.

use timeline_cli::check::{self, EXIT_UNREADABLE};
use timeline_cli::lang_from_env;
use timeline_core::i18n::Lang;

const USAGE: &str = "usage: cargo xtask check-bundle FILE [--json] [--lang id|en]\n\
                     (the same as `timeline check`; see `cargo run -p timeline-cli -- check --help`)";

/// Runs the subcommand; `args` are the arguments after `check-bundle`. Returns the exit status.
pub fn run(args: &[String]) -> i32 {
    let mut file = None;
    let mut as_json = false;
    let mut lang = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => as_json = true,
            "--lang" => match args.next().and_then(|l| Lang::from_tag(l)) {
                Some(l) => lang = Some(l),
                None => {
                    eprintln!("check-bundle: --lang takes id or en\n{USAGE}");
                    return EXIT_UNREADABLE;
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}\n\nValidates an events bundle (docs/bundle-format.md).");
                return 0;
            }
            a if a.starts_with('-') || file.is_some() => {
                eprintln!("check-bundle: unexpected argument {a:?}\n{USAGE}");
                return EXIT_UNREADABLE;
            }
            a => file = Some(a),
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return EXIT_UNREADABLE;
    };
    check::run(file, as_json, lang_from_env(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        assert_eq!(run(&[]), 2);
        assert_eq!(run(&["a.json".into(), "b.json".into()]), 2);
        assert_eq!(run(&["--frobnicate".into()]), 2);
        assert_eq!(run(&["x.json".into(), "--lang".into(), "fr".into()]), 2);
        assert_eq!(run(&["/nonexistent/bundle.json".into()]), 2);
        let good = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/bundles/good/minimal.json");
        assert_eq!(run(&[good.into(), "--json".into()]), 0);
        let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/bundles/bad/color-name.json");
        assert_eq!(run(&[bad.into(), "--lang".into(), "id".into()]), 1);
    }
}
