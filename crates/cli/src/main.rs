//! `timeline`: see `timeline --help` and the README's "The timeline command".

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;
use timeline_cli::{check, export, import, lang_from_env, pack};
use timeline_core::i18n::Lang;

/// Check, import and export events bundles of the timeline widget.
///
/// Exit status: 0 success (warnings allowed); 1 the bundle has errors (or, for import with
/// --strict, something could not be carried over); 2 a file cannot be read or is not JSON/CSV,
/// or the arguments are wrong.
#[derive(Parser)]
#[command(name = "timeline", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Bahasa Indonesia
    Id,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Validate a bundle: every problem with its line, column, path and a sentence.
    ///
    /// Exit status 0 when there is no error (warnings allowed), 1 when there are errors, 2 when
    /// the file cannot be read or is not JSON.
    Check {
        /// The bundle (JSON).
        bundle: String,
        /// Print the problems as a JSON list for tools.
        #[arg(long)]
        json: bool,
        /// Language of the messages (default: from LC_ALL / LC_MESSAGES / LANG, else English).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Make a bundle from a spreadsheet (our template, CSV or TSV) or a TimelineJS timeline
    /// (its Google Sheets CSV or its JSON).
    ///
    /// Everything that cannot be carried over is listed row by row on standard error. The
    /// bundle is written only when it has no errors. Exit status 0 written, 1 not written
    /// (errors, or --strict and something was not carried over), 2 unreadable or malformed input.
    Import {
        /// The spreadsheet (.csv, .tsv) or TimelineJS file (.csv, .json).
        file: String,
        /// Where to write the bundle (`-` for standard output).
        #[arg(short, long)]
        output: String,
        /// What the input is (default: decided from its content).
        #[arg(long, value_enum, default_value = "auto")]
        from: FromArg,
        /// Treat everything that cannot be carried over as an error: write nothing then.
        #[arg(long)]
        strict: bool,
        /// Language of the messages (default: from LC_ALL / LC_MESSAGES / LANG, else English).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Language of a TimelineJS timeline's texts (a bundle language code).
        #[arg(long, default_value = "en")]
        text_lang: String,
    },
    /// Write a valid bundle as our spreadsheet template (--sheet) or as static HTML (--html).
    Export {
        /// The bundle (JSON).
        bundle: String,
        /// The spreadsheet template (CSV; TSV when the output file ends in .tsv).
        #[arg(long, conflicts_with = "html", required_unless_present = "html")]
        sheet: bool,
        /// Static, accessible HTML without JavaScript, for inside `<div data-timeline>`.
        #[arg(long)]
        html: bool,
        /// Where to write (default: standard output).
        #[arg(short, long)]
        output: Option<String>,
        /// Language of the HTML and of the messages (default: from the locale, else English).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// One self-contained HTML file: the widget, its styles and the bundle, that opens from a
    /// USB stick with no network and no server (presentation mode included).
    ///
    /// Needs the built widget: `cargo xtask build` leaves it in dist/. Exit status 0 written,
    /// 1 the bundle has errors, 2 a file cannot be read or written.
    Pack {
        /// The bundle (JSON).
        bundle: String,
        /// The HTML file to write.
        #[arg(short, long)]
        output: String,
        /// The built widget's folder (default: $TIMELINE_DIST, ./dist, or the repository's dist/).
        #[arg(long)]
        dist: Option<String>,
        /// Language of the timeline and of the messages (default: the bundle's first language).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Colour theme (default: follows the reader's system).
        #[arg(long, value_enum)]
        theme: Option<ThemeArg>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
    /// Black on white, for projectors.
    Contrast,
}

#[derive(Clone, Copy, ValueEnum)]
enum FromArg {
    Auto,
    /// Our spreadsheet template (data/templates/).
    Sheet,
    /// TimelineJS's Google Sheets template, saved as CSV.
    TimelinejsCsv,
    /// TimelineJS JSON.
    TimelinejsJson,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check { bundle, json, lang } => {
            check::run(&bundle, json, lang_from_env(lang.map(Lang::from)))
        }
        Command::Import { file, output, from, strict, lang, text_lang } => {
            let format = match from {
                FromArg::Auto => import::Format::Auto,
                FromArg::Sheet => import::Format::Sheet,
                FromArg::TimelinejsCsv => import::Format::TimelinejsCsv,
                FromArg::TimelinejsJson => import::Format::TimelinejsJson,
            };
            let lang = lang_from_env(lang.map(Lang::from));
            let options = import::Options { format, strict, lang, text_lang: &text_lang };
            import::run(&file, &output, &options)
        }
        Command::Export { bundle, sheet, html, output, lang } => {
            let lang = lang_from_env(lang.map(Lang::from));
            match export::load(&bundle, lang) {
                Err((message, status)) => {
                    eprintln!("{message}");
                    status
                }
                Ok(b) if sheet && !html => {
                    export::emit(&export::sheet(&b, output.as_deref()), output.as_deref())
                }
                Ok(b) => export::emit(&export::html(&b, lang), output.as_deref()),
            }
        }
        Command::Pack { bundle, output, dist, lang, theme } => {
            let options = pack::Options {
                lang: lang.map(Lang::from),
                theme: theme.map(|t| {
                    match t {
                        ThemeArg::Light => "light",
                        ThemeArg::Dark => "dark",
                        ThemeArg::Contrast => "contrast",
                    }
                    .to_owned()
                }),
            };
            let messages = lang_from_env(lang.map(Lang::from));
            pack::run(&bundle, &output, dist.as_deref(), &options, messages)
        }
    };
    ExitCode::from(u8::try_from(status).unwrap_or(1))
}
