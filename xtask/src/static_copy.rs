//! The bundled dataset's no-JavaScript version (`timeline export --html`, issue 12) inside the
//! placeholder of `dist/index.html`: the page shows the whole list of events from its first
//! paint (clipped to the widget's reserved height while the wasm loads, hidden once the widget
//! mounts), and readers and machines that never run the wasm read all of it. `boot.js` drops it
//! when the page asks for another bundle (`?src=`) or another language (`?lang=`).

use std::path::Path;
use timeline_core::i18n::Lang;

/// The dataset the page shows by default (`DEFAULT_SRC` in src/platform/mod.rs).
const DATASET: &str = "data/sino-soviet-1950-1965.json";

/// Fills the first empty `<div data-timeline…></div>` of `dist/index.html`; says so and leaves
/// the page alone when there is none (e2e/journeys/37-loading.mjs fails then).
pub fn run(root: &Path, dist: &Path) -> Result<(), String> {
    let page_path = dist.join("index.html");
    let page =
        std::fs::read_to_string(&page_path).map_err(|e| format!("{}: {e}", page_path.display()))?;
    let dataset = root.join(DATASET);
    let bundle = timeline_cli::export::load(&dataset.to_string_lossy(), Lang::En)
        .map_err(|(message, _)| message)?;
    // index.html is in Indonesian (`<html lang="id">`), the widget's default language.
    let copy = timeline_cli::export::html(&bundle, Lang::Id);
    match fill(&page, &copy) {
        Some(filled) => {
            std::fs::write(&page_path, filled).map_err(|e| format!("{}: {e}", page_path.display()))
        }
        None => {
            eprintln!(
                "xtask build: no empty <div data-timeline> in dist/index.html: no static copy"
            );
            Ok(())
        }
    }
}

/// `page` with `copy` inside its first empty `<div data-timeline…>` element.
fn fill(page: &str, copy: &str) -> Option<String> {
    let start = page.find("<div data-timeline")?;
    let open_end = start + page[start..].find('>')? + 1;
    page[open_end..]
        .starts_with("</div>")
        .then(|| format!("{}{}{}", &page[..open_end], copy.trim_end(), &page[open_end..]))
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_the_first_empty_placeholder_only() {
        let page = "<main><div data-timeline data-x=1></div><div data-timeline></div></main>";
        assert_eq!(
            fill(page, "<section>list</section>\n").unwrap(),
            "<main><div data-timeline data-x=1><section>list</section></div><div data-timeline></div></main>"
        );
        assert_eq!(fill("<div data-timeline><p>host's</p></div>", "x"), None);
        assert_eq!(fill("<main></main>", "x"), None);
    }
}
