//! Text search over events: accent- and case-insensitive, in the reader's language.
//!
//! Folding is a small table of Latin letters with diacritics (enough for Indonesian, English and
//! romanised Russian and Chinese names: "Lüshun", "Khrushchëv") rather than a Unicode
//! normalisation crate, which would cost far more in the wasm than it buys here.

use crate::core::bundle::{Event, L10n};

/// Lower-cases `s` and strips diacritics from Latin letters.
pub fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).map(strip_accent).collect()
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => 'i',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => {
            'u'
        }
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '‘' | '’' | '‛' | '`' | '´' => '\'',
        '“' | '”' | '„' => '"',
        '–' | '—' => '-',
        c => c,
    }
}

/// A prepared query: folded words that must all occur.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query { words: fold(text).split_whitespace().map(str::to_string).collect() }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word occurs in the event's title, summary, date note, excerpts or notes,
    /// in `lang` (falling back to the bundle's other languages where a text is missing).
    pub fn matches(&self, e: &Event, lang: &str, fallbacks: &[String]) -> bool {
        if self.is_empty() {
            return true;
        }
        let pick = |t: &L10n| t.pick(lang, fallbacks).map(|p| p.0.to_string()).unwrap_or_default();
        let mut hay = String::new();
        hay.push_str(&pick(&e.title));
        hay.push('\n');
        hay.push_str(&pick(&e.summary));
        if let Some(n) = &e.date_note {
            hay.push('\n');
            hay.push_str(&pick(n));
        }
        for x in &e.excerpts {
            hay.push('\n');
            hay.push_str(&x.text);
            if let Some(n) = &x.note {
                hay.push('\n');
                hay.push_str(&pick(n));
            }
        }
        let hay = fold(&hay);
        self.words.iter().all(|w| hay.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Lüshun ÉTÉ Khrushchëv"), "lushun ete khrushchev");
        assert_eq!(fold("‘satelit’"), "'satelit'");
    }

    #[test]
    fn an_empty_query_matches_everything() {
        assert!(Query::new("   ").is_empty());
    }
}
