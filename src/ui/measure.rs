//! Title widths in the widget's own font, measured once per title, language and weight with a
//! canvas's `measureText` (no layout, no DOM), and handed to the core's layout as numbers.

use crate::core::layout::MIN_WRAP_PX;
use wasm_bindgen::JsCast;

/// Above this many events, titles are not measured for a two-line wrap (finding the best break
/// takes a few more measurements per title), and a title's width is the sum of its characters'
/// advances, each measured once per weight, instead of a `measureText` of its own: at 100 000
/// events that took 0.7 s of the load (a call out of the wasm, a string decoded and the text
/// shaped, per title), the sums take milliseconds. The sum ignores kerning, which in Latin text
/// tightens far more pairs than it loosens: a title is given slightly more room than it takes,
/// never less (plus a pixel and 1 %).
const WRAP_MEASURE_LIMIT: usize = 5_000;

/// Characters below this code point have their advances kept (Latin, with its extensions).
const LATIN: usize = 0x250;

/// A canvas context set to the track's label font.
pub struct Measure {
    ctx: Option<web_sys::CanvasRenderingContext2d>,
    family: String,
    wrap: bool,
    /// The weight the context's font is set to: setting a font parses it, so only on change.
    bold: Option<bool>,
    /// Large bundles: the advance of each Latin character (below U+0250) at 400 and 700,
    /// measured on first use (NaN until then); a title with any other character is measured
    /// whole.
    advances: Option<Vec<f64>>,
}

impl Measure {
    /// Measures in the font family `el` computes (the widget's `--tl-font`); `events` decides
    /// whether two-line widths are measured too.
    pub fn new(el: Option<&web_sys::Element>, events: usize) -> Measure {
        let family = el
            .and_then(|el| web_sys::window()?.get_computed_style(el).ok().flatten())
            .and_then(|cs| cs.get_property_value("font-family").ok())
            .filter(|f| !f.trim().is_empty())
            .unwrap_or_else(|| "system-ui, sans-serif".into());
        let ctx = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let wrap = events <= WRAP_MEASURE_LIMIT;
        let advances = (!wrap).then(|| vec![f64::NAN; 2 * LATIN]);
        Measure { ctx, family, wrap, bold: None, advances }
    }

    fn width(&self, text: &str) -> f64 {
        self.exact(text).ceil()
    }

    fn exact(&self, text: &str) -> f64 {
        match &self.ctx {
            Some(c) => c.measure_text(text).map(|m| m.width()).unwrap_or(0.0),
            // No canvas (never in a real browser): the core's own estimate.
            None => text.chars().count() as f64 * crate::core::layout::EST_CHAR_PX,
        }
    }

    /// The sum of `text`'s character advances (all below [`LATIN`]) at a weight, rounded up
    /// with the slack above.
    fn summed(&mut self, text: &str, bold: bool) -> f64 {
        let mut sum = 0.0;
        for c in text.chars() {
            let slot = c as usize + if bold { LATIN } else { 0 };
            let known = self.advances.as_ref().map_or(f64::NAN, |a| a[slot]);
            sum += if known.is_nan() {
                let w = self.exact(c.encode_utf8(&mut [0; 4]));
                if let Some(a) = self.advances.as_mut() {
                    a[slot] = w;
                }
                w
            } else {
                known
            };
        }
        (sum * 1.01 + 1.0).ceil()
    }

    /// A title's width on one line and, where it has words to break between, on two lines
    /// (the wider of the two, at the break that makes it narrowest), at the 13 px label size.
    pub fn title(&mut self, title: &str, bold: bool) -> (f64, f64) {
        if let (Some(c), true) = (&self.ctx, self.bold != Some(bold)) {
            c.set_font(&format!("{} 13px {}", if bold { 700 } else { 400 }, self.family));
            self.bold = Some(bold);
        }
        if self.advances.is_some() && title.chars().all(|c| (c as usize) < LATIN) {
            let line = self.summed(title, bold);
            return (line, line);
        }
        let line = self.width(title);
        if !self.wrap || line < MIN_WRAP_PX {
            return (line, line);
        }
        let breaks: Vec<usize> = title.match_indices(' ').map(|(i, _)| i).collect();
        if breaks.is_empty() {
            return (line, line);
        }
        // Start at the break nearest the middle by characters, then walk to the narrowest.
        let half = title.len() / 2;
        let mut k = breaks.iter().position(|&b| b >= half).unwrap_or(breaks.len() - 1);
        let cost = |m: &Self, k: usize| {
            let b = breaks[k];
            m.width(&title[..b]).max(m.width(&title[b + 1..]))
        };
        let mut best = cost(self, k);
        for dir in [-1isize, 1] {
            loop {
                let j = k as isize + dir;
                if j < 0 || j as usize >= breaks.len() {
                    break;
                }
                let c = cost(self, j as usize);
                if c >= best {
                    break;
                }
                best = c;
                k = j as usize;
            }
        }
        // A pixel of slack: the browser breaks the line itself, at the same width.
        (line, (best + 1.0).min(line))
    }
}
