//! The `timeline` command: check an events bundle, import one from a spreadsheet or a TimelineJS
//! timeline, export one as a spreadsheet or as static HTML, and pack one with the widget into a
//! single offline HTML file.
//!
//! Without its default `native` feature the library also builds for wasm32: the browser editor
//! (`crates/editor`) reads tables, converts HTML and packs offline files with this same code.
//!
//! Everything about bundles themselves (the validator, the import rules, the wording of every
//! message in Indonesian and English) is in `timeline-core`, shared with the widget; this crate
//! only reads and writes files: CSV, JSON and HTML parsing, and the terminal.

pub mod check;
pub mod export;
pub mod html;
pub mod import;
pub mod pack;
pub mod table;

use timeline_core::i18n::Lang;

/// The language of messages: `--lang` when given, else the locale of the environment
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them), else English (also for
/// `C` and `POSIX`, the usual locale of CI machines).
pub fn pick_lang(flag: Option<Lang>, env: &dyn Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| env(name).filter(|v| !v.is_empty()))
        .map(|v| Lang::from_tag(&v))
        .next()
        .flatten()
        .unwrap_or(Lang::En)
}

/// [`pick_lang`] with the process environment.
pub fn lang_from_env(flag: Option<Lang>) -> Lang {
    pick_lang(flag, &|name| std::env::var(name).ok())
}

/// Reads a text file as UTF-8, with a message naming the file when it cannot.
pub fn read_text(file: &str) -> Result<String, String> {
    std::fs::read(file).map_err(|e| format!("{file}: cannot read the file: {e}")).and_then(
        |bytes| {
            String::from_utf8(bytes).map_err(|e| {
                format!(
                    "{file}: the file is not UTF-8 text (byte {}); save it as UTF-8",
                    e.utf8_error().valid_up_to()
                )
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_flag_then_the_locale_then_english() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(pick_lang(Some(Lang::Id), &env(&[("LANG", "en_US.UTF-8")])), Lang::Id);
        assert_eq!(pick_lang(None, &env(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
        assert_eq!(pick_lang(None, &env(&[("LC_ALL", "en_GB"), ("LANG", "id_ID")])), Lang::En);
        assert_eq!(pick_lang(None, &env(&[("LC_ALL", ""), ("LANG", "id_ID")])), Lang::Id);
        assert_eq!(pick_lang(None, &env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(pick_lang(None, &env(&[])), Lang::En);
    }
}
