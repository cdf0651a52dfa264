//! Ids made from names: `"Sino-Soviet Treaty (1950)"` → `sino-soviet-treaty-1950`, stable (the
//! same name always gives the same id) and unique within a list (`-2`, `-3` … for repeats).

use crate::bundle::MAX_ID_CHARS;
use std::collections::HashSet;

/// Folds common accented Latin letters to ASCII (`é` → `e`, `ß` → `ss`); others are dropped.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The id-shaped form of `name`: lower-case ASCII letters and digits, runs of anything else
/// as one hyphen, at most 64 characters (cut at a hyphen where possible); `fallback` when
/// nothing is left.
pub fn slugify(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let piece: Option<String> = if c.is_ascii_alphanumeric() {
            Some(c.to_string())
        } else {
            fold(c).map(str::to_owned)
        };
        match piece {
            Some(p) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(&p);
            }
            None => gap = true,
        }
    }
    if out.len() > MAX_ID_CHARS {
        let cut = &out[..MAX_ID_CHARS];
        out = match cut.rfind('-') {
            Some(i) if i > MAX_ID_CHARS / 2 => cut[..i].to_owned(),
            _ => cut.to_owned(),
        };
    }
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// Hands out unique ids within one list.
#[derive(Default)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// `wanted` if free, else `wanted-2`, `wanted-3` … (shortened to stay within 64 characters).
    pub fn unique(&mut self, wanted: &str) -> String {
        let mut n = 1;
        loop {
            let candidate = if n == 1 {
                wanted.to_owned()
            } else {
                let suffix = format!("-{n}");
                let mut base = wanted[..wanted.len().min(MAX_ID_CHARS - suffix.len())].to_owned();
                while base.ends_with('-') {
                    base.pop();
                }
                format!("{base}{suffix}")
            };
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ids() {
        assert_eq!(slugify("Sino-Soviet Treaty (1950)", "e"), "sino-soviet-treaty-1950");
        assert_eq!(slugify("  Khrushchev’s “secret speech”!  ", "e"), "khrushchev-s-secret-speech");
        assert_eq!(slugify("Café Müller à Paris", "e"), "cafe-muller-a-paris");
        assert_eq!(slugify("毛泽东", "event"), "event");
        let long = slugify(&"word ".repeat(40), "e");
        assert!(long.len() <= 64 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn repeats_get_numbers() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("treaty"), "treaty");
        assert_eq!(ids.unique("treaty"), "treaty-2");
        assert_eq!(ids.unique("treaty"), "treaty-3");
        let long = "a".repeat(64);
        assert_eq!(ids.unique(&long).len(), 64);
        assert_eq!(ids.unique(&long), format!("{}-2", "a".repeat(62)));
    }
}
