//! Text search over events: accent- and case-insensitive, in the reader's language.
//!
//! Folding is a small table of Latin letters with diacritics (enough for Indonesian, English and
//! romanised Russian and Chinese names: "Lüshun", "Khrushchëv") rather than a Unicode
//! normalisation crate, which would cost far more in the wasm than it buys here.

use crate::bundle::{Event, L10n};

/// Lower-cases `s` and strips diacritics from Latin letters.
pub fn fold(s: &str) -> String {
    s.chars().map(lower).map(strip_accent).collect()
}

/// The lower case of `c` in the scripts a bundle of this kind is written in: Latin (Basic,
/// Latin-1, Extended-A), modern Greek and Cyrillic; other characters are returned unchanged. The
/// standard library's `char::to_lowercase` covers all of Unicode with a 11 KB table in the
/// wasm; these ranges are where it matters for searching Indonesian, English and romanised or
/// Russian names (tests compare this with `to_lowercase` on every character of them).
pub fn lower(c: char) -> char {
    let u = c as u32;
    let shifted = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => u + 0x20,
        0x130 => 0x69, // İ: Turkish capital dotted I folds to a plain i for searching
        0x178 => 0xff,
        0x100..=0x137 | 0x14a..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17e if !u.is_multiple_of(2) => u + 1,
        0x391..=0x3a1 | 0x3a3..=0x3ab => u + 0x20,
        0x386 => 0x3ac,
        0x388..=0x38a => u + 0x25,
        0x38c => 0x3cc,
        0x38e | 0x38f => u + 0x3f,
        0x400..=0x40f => u + 0x50,
        0x410..=0x42f => u + 0x20,
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x52f if u.is_multiple_of(2) => u + 1,
        0x4c1..=0x4ce if !u.is_multiple_of(2) => u + 1,
        0x4c0 => 0x4cf,
        _ => u,
    };
    char::from_u32(shifted).unwrap_or(c)
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

    /// Every character of the covered scripts lower-cases as the standard library does
    /// (where its answer is one character; U+0130 is the one deliberate difference).
    #[test]
    fn lower_agrees_with_std_on_latin_greek_and_cyrillic() {
        let ranges = [0..0x180u32, 0x386..0x3ac, 0x400..0x530];
        for u in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(u) else { continue };
            let std: Vec<char> = c.to_lowercase().collect();
            if u == 0x130 {
                assert_eq!(lower(c), 'i');
            } else if std.len() == 1 {
                assert_eq!(lower(c), std[0], "U+{u:04X} {c}");
            }
        }
        // Outside the covered ranges characters are left alone, never mangled.
        for c in ['中', '国', 'ǅ', 'Ա', '😀'] {
            assert!(lower(c) == c || c.to_lowercase().eq([lower(c)]), "{c}");
        }
        assert_eq!(fold("МОСКВА Ёлка ΑΘΗΝΑ Ürümqi"), "москва ёлка αθηνα urumqi");
    }

    #[test]
    fn an_empty_query_matches_everything() {
        assert!(Query::new("   ").is_empty());
    }
}
