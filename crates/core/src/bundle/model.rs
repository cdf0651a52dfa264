//! The validated bundle: what the widget renders. Every value here has passed
//! [`super::validate`], so the UI never re-checks ids, dates, colours or URLs.

use crate::date::PartialDate;

/// A localised text: language code → text, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct L10n(pub Vec<(String, String)>);

impl L10n {
    /// The text in `lang`, if there is one.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.iter().find(|(l, _)| l == lang).map(|(_, t)| t.as_str())
    }

    /// The text in `lang`, else in the first of `fallbacks` that has it; the `bool` is true when
    /// it fell back, so the UI can mark the text with its real language (`lang` attribute).
    ///
    /// ```
    /// use timeline_core::bundle::L10n;
    /// let t = L10n(vec![("id".into(), "Perjanjian".into())]);
    /// let fallbacks = ["id".to_string()];
    /// assert_eq!(t.pick("id", &fallbacks), Some(("Perjanjian", false)));
    /// assert_eq!(t.pick("en", &fallbacks), Some(("Perjanjian", true)));
    /// assert_eq!(t.pick("en", &[]), None);
    /// ```
    pub fn pick<'a>(&'a self, lang: &str, fallbacks: &[String]) -> Option<(&'a str, bool)> {
        if let Some(text) = self.get(lang) {
            return Some((text, false));
        }
        fallbacks.iter().find_map(|f| self.get(f)).map(|text| (text, true))
    }
}

/// A category's shape: the second cue beside its colour, so categories stay distinguishable
/// without colour vision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Icon {
    Circle,
    Square,
    Diamond,
    Triangle,
    Star,
    Hexagon,
}

impl Icon {
    /// Every icon, in the order the validator assigns them to categories that name none.
    pub const ALL: [Icon; 6] =
        [Icon::Circle, Icon::Square, Icon::Diamond, Icon::Triangle, Icon::Star, Icon::Hexagon];

    /// The name written in bundles (`"circle"`), also usable as a CSS class suffix.
    pub fn name(&self) -> &'static str {
        match self {
            Icon::Circle => "circle",
            Icon::Square => "square",
            Icon::Diamond => "diamond",
            Icon::Triangle => "triangle",
            Icon::Star => "star",
            Icon::Hexagon => "hexagon",
        }
    }

    /// The icon of a bundle name, if it is one.
    pub fn from_name(name: &str) -> Option<Icon> {
        Icon::ALL.into_iter().find(|i| i.name() == name)
    }
}

/// A kind of event, with its colour and icon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub id: String,
    pub label: L10n,
    /// Normalised to lower-case `#rrggbb`.
    pub color: String,
    /// As written, or assigned by position when the bundle names none.
    pub icon: Icon,
}

/// A background band on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Era {
    pub id: String,
    pub start: PartialDate,
    pub end: PartialDate,
    pub label: L10n,
}

/// A publication that events cite and excerpts quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// Who wrote it, when known.
    pub author: Option<String>,
    pub published: Option<PartialDate>,
    pub lang: String,
    /// An absolute `http(s)` URL, or `None` when none is known.
    pub url: Option<String>,
    /// When an editor last read it at `url`.
    pub accessed: Option<PartialDate>,
    /// An editor's note on the source itself, such as why it has no URL.
    pub note: Option<L10n>,
}

/// An event's reference to a source that supports its date and summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// Index into [`Bundle::sources`].
    pub source: usize,
    /// Where in the source, such as a page or paragraph.
    pub note: Option<L10n>,
}

/// What an event's media is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MediaKind {
    /// An image, shown in the popover and the presentation card (never in the track).
    Image,
    /// Anything else (a video, a post, a map): a labelled link out, never embedded.
    Link,
}

impl MediaKind {
    pub fn name(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Link => "link",
        }
    }
}

/// An event's image, or its link out to other media.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    pub kind: MediaKind,
    /// An `https://` URL.
    pub url: String,
    /// The image's text alternative, or the link's label, in every declared language.
    pub alt: L10n,
    /// Who made it or holds the rights.
    pub credit: Option<String>,
    pub caption: Option<L10n>,
    /// The image's size in pixels (width, height), so the space is kept before it loads.
    pub size: Option<(u32, u32)>,
}

impl Media {
    /// Whether the widget draws it as an image: an image at an `https://` address (the validator
    /// admits no other, and the widget checks again rather than trust a hand-built model).
    pub fn is_image(&self) -> bool {
        self.kind == MediaKind::Image && self.url.starts_with("https://")
    }

    /// The site a link out leads to, as readers know it: `https://www.youtube.com:443/watch?v=1`
    /// is `youtube.com`. Empty for an address without a host (the validator refuses those).
    pub fn host(&self) -> &str {
        let rest = self.url.split_once("://").map_or("", |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = match host.rsplit_once(':') {
            Some((h, port))
                if port.bytes().all(|b| b.is_ascii_digit())
                    && (!h.starts_with('[') || h.ends_with(']')) =>
            {
                h
            }
            _ => host,
        };
        host.strip_prefix("www.").unwrap_or(host)
    }
}

/// A verbatim quotation from a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// Index into [`Bundle::sources`].
    pub source: usize,
    pub lang: String,
    pub text: String,
    /// An editor's note shown under the quotation, where the source errs.
    pub note: Option<L10n>,
}

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// Index into [`Bundle::categories`].
    pub category: usize,
    /// 1 = landmark (always labelled), 2, 3 = minor.
    pub importance: u8,
    pub title: L10n,
    pub summary: L10n,
    pub date_note: Option<L10n>,
    pub excerpts: Vec<Excerpt>,
    /// The sources the event rests on, in the bundle's order.
    pub sources: Vec<Citation>,
    pub media: Option<Media>,
}

impl Event {
    /// The first day the event may cover.
    pub fn first_day(&self) -> i32 {
        self.start.first_day()
    }

    /// The last day the event may cover: of `end` when it has one, else of `start`.
    pub fn last_day(&self) -> i32 {
        self.end.unwrap_or(self.start).last_day()
    }

    /// Whether the bundle gave the event an `end`, so it is drawn as a bar.
    pub fn is_range(&self) -> bool {
        self.end.is_some()
    }
}

/// A validated events bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub version: u32,
    pub title: L10n,
    pub description: Option<L10n>,
    /// Non-empty and without duplicates; the first is the default and the last fallback.
    pub languages: Vec<String>,
    pub range: (PartialDate, PartialDate),
    pub categories: Vec<Category>,
    pub eras: Vec<Era>,
    pub sources: Vec<Source>,
    /// Sorted by `(first_day, last_day, id)`, so the layout can sweep them in one pass.
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l10n(pairs: &[(&str, &str)]) -> L10n {
        L10n(pairs.iter().map(|(l, t)| ((*l).to_owned(), (*t).to_owned())).collect())
    }

    #[test]
    fn pick_prefers_the_language_then_the_fallbacks_in_order() {
        let t = l10n(&[("en", "Treaty"), ("id", "Perjanjian")]);
        let fb = ["ru".to_owned(), "id".to_owned(), "en".to_owned()];
        assert_eq!(t.pick("en", &fb), Some(("Treaty", false)));
        assert_eq!(t.pick("fr", &fb), Some(("Perjanjian", true)));
        assert_eq!(L10n::default().pick("en", &fb), None);
    }

    #[test]
    fn media_names_the_site_it_leads_to() {
        let m = |kind, url: &str| Media {
            kind,
            url: url.into(),
            alt: L10n::default(),
            credit: None,
            caption: None,
            size: None,
        };
        let link = MediaKind::Link;
        assert_eq!(m(link, "https://www.youtube.com/watch?v=abc").host(), "youtube.com");
        assert_eq!(m(link, "https://twitter.com/x/status/1").host(), "twitter.com");
        assert_eq!(m(link, "https://maps.example.org:8443#z=4").host(), "maps.example.org");
        assert_eq!(m(link, "https://[::1]:443/a").host(), "[::1]");
        assert_eq!(m(link, "https://example.org?q=1").host(), "example.org");
        assert!(m(MediaKind::Image, "https://example.org/a.png").is_image());
        assert!(!m(MediaKind::Image, "http://example.org/a.png").is_image());
        assert!(!m(MediaKind::Image, "javascript:alert(1)").is_image());
        assert!(!m(link, "https://example.org/a.png").is_image());
    }

    #[test]
    fn icons_round_trip_through_their_names() {
        for icon in Icon::ALL {
            assert_eq!(Icon::from_name(icon.name()), Some(icon));
        }
        assert_eq!(Icon::from_name("heart"), None);
    }

    #[test]
    fn an_event_spans_from_its_start_to_its_end() {
        let start = PartialDate::parse("1958-08").unwrap();
        let mut e = Event {
            id: "a".into(),
            start,
            end: None,
            category: 0,
            importance: 1,
            title: L10n::default(),
            summary: L10n::default(),
            date_note: None,
            excerpts: vec![],
            sources: vec![],
            media: None,
        };
        assert_eq!(
            (e.first_day(), e.last_day(), e.is_range()),
            (start.first_day(), start.last_day(), false)
        );
        e.end = Some(PartialDate::parse("1959").unwrap());
        assert_eq!(e.last_day(), PartialDate::parse("1959-12-31").unwrap().last_day());
        assert!(e.is_range());
    }
}
