//! `timeline`: see `timeline --help` and the README's "The timeline command".

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;
use timeline_cli::{check, lang_from_env};
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check { bundle, json, lang } => {
            check::run(&bundle, json, lang_from_env(lang.map(Lang::from)))
        }
    };
    ExitCode::from(u8::try_from(status).unwrap_or(1))
}
