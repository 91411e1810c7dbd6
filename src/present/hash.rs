//! The address the app understands and writes:
//! `#data=<built-in data>&unit=H44.166&id=<identity>&s=<scenario>&t=<title>`.
//! A link can come from anyone: each field is read on its own, only what it can be is taken, and
//! whatever cannot be used is named ([`LinkError`]) so that the app can say why.

/// Longest unit code accepted from a link.
pub const MAX_CODE: usize = 64;
/// Longest title accepted from a link (it is only shown, as quoted text).
pub const MAX_TITLE: usize = 200;
/// Longest hash read at all.
pub const MAX_HASH: usize = crate::engine::share::MAX_LEN * 3 + 1_000;

/// Everything a shared link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// The built-in data to open (`datasets::ALL`, by the folder's name).
    pub data: Option<String>,
    pub unit: Option<String>,
    /// The identity of the data the scenario belongs to.
    pub id: Option<String>,
    /// The scenario as `share::encode` writes it.
    pub scenario: Option<String>,
    /// The data's title and period, to say which file to open.
    pub title: Option<String>,
}

/// Why (part of) a link cannot be used. The unit and scenario checks against the open data are the
/// state's; these are the link's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong,
    /// An empty or overlong unit code, or one with control characters.
    BadUnit,
    /// A scenario without the identity of its data (or with an id that is not 16 hex digits).
    NoId,
    /// A part that is not `key=value` with a known key, or whose value does not decode.
    Malformed(String),
}

impl Link {
    /// Reads a link's hash: what can be used, and what cannot (each named once).
    pub fn parse(hash: &str) -> (Link, Vec<LinkError>) {
        let body = hash.strip_prefix('#').unwrap_or(hash);
        let mut link = Link::default();
        let mut errors = Vec::new();
        if body.is_empty() {
            return (link, errors);
        }
        if body.len() > MAX_HASH {
            return (link, vec![LinkError::TooLong]);
        }
        let mut id_seen = false;
        for part in body.split('&').filter(|p| !p.is_empty()) {
            let short = || crate::engine::problem::excerpt(part);
            let Some((key, raw)) = part.split_once('=') else {
                errors.push(LinkError::Malformed(short()));
                continue;
            };
            let Some(value) = percent_decode(raw) else {
                errors.push(LinkError::Malformed(short()));
                continue;
            };
            match key {
                // An id is a folder's name: lower-case letters, digits and dashes (the state checks
                // that the site has it).
                "data" => {
                    let ok = !value.is_empty()
                        && value.len() <= MAX_CODE
                        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                    if ok {
                        link.data = Some(value);
                    } else {
                        errors.push(LinkError::Malformed(short()));
                    }
                }
                "unit" => {
                    // Any code the data can hold (the state checks that it is there), but no control characters.
                    let ok = !value.is_empty()
                        && value.chars().count() <= MAX_CODE
                        && !value
                            .chars()
                            .any(|c| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'));
                    if ok {
                        link.unit = Some(value);
                    } else {
                        errors.push(LinkError::BadUnit);
                    }
                }
                "id" => {
                    id_seen = true;
                    if value.len() == 16 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
                        link.id = Some(value.to_ascii_lowercase());
                    }
                }
                "s" => link.scenario = Some(value).filter(|v| !v.is_empty()),
                "t" => link.title = Some(value).filter(|v| !v.is_empty() && v.chars().count() <= MAX_TITLE),
                _ => errors.push(LinkError::Malformed(short())),
            }
        }
        if link.scenario.is_some() && link.id.is_none() {
            link.scenario = None;
            errors.push(LinkError::NoId);
        } else if id_seen && link.id.is_none() {
            errors.push(LinkError::NoId);
        }
        (link, errors)
    }

    /// The hash for a view: the unit, and the scenario with the data's identity and title when there is one.
    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.data {
            parts.push(format!("data={}", percent_encode(d)));
        }
        if let Some(u) = &self.unit {
            parts.push(format!("unit={}", percent_encode(u)));
        }
        if let (Some(id), Some(s)) = (&self.id, &self.scenario) {
            parts.push(format!("id={id}"));
            parts.push(format!("s={}", percent_encode(s)));
            if let Some(t) = &self.title {
                parts.push(format!("t={}", percent_encode(t)));
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("#{}", parts.join("&"))
        }
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes all but unreserved characters and the scenario's own punctuation (`&` and `#`
/// always: a code holding them must not end its own field).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:;,=".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(hash: &str) -> Option<String> {
        Link::parse(hash).0.unit
    }

    #[test]
    fn unit_codes_from_links() {
        assert_eq!(unit("#unit=H44.100").as_deref(), Some("H44.100"));
        assert_eq!(unit("#unit=H44%2E100").as_deref(), Some("H44.100"));
        assert_eq!(unit("#unit=S00.C00012").as_deref(), Some("S00.C00012"));
        assert_eq!(unit(""), None);
        assert_eq!(Link::parse("#unit=").1, [LinkError::BadUnit]);
        assert_eq!(unit("#unit=%3Cimg%20src%3Dx%3E").as_deref(), Some("<img src=x>"), "text, checked against the data");
        assert_eq!(Link::parse("#unit=H44%0A").1, [LinkError::BadUnit]);
        assert_eq!(Link::parse("#unit=%E2%80%AEH44").1, [LinkError::BadUnit], "a right-to-left override");
        assert_eq!(Link::parse("#unit=%E0%A4").1, [LinkError::Malformed("unit=%E0%A4".into())]);
        assert_eq!(Link::parse("#unit=%zz").1, [LinkError::Malformed("unit=%zz".into())]);
        assert_eq!(Link::parse(&format!("#unit={}", "A".repeat(65))).1, [LinkError::BadUnit]);
        assert_eq!(Link::parse(&format!("#unit={}", "A".repeat(100_000))).1, [LinkError::TooLong]);
        assert_eq!(Link::parse("#").1, []);
    }

    #[test]
    fn links_round_trip_and_every_refusal_is_named() {
        let link = Link {
            data: Some("phu-tho-2026-q3".into()),
            unit: Some("H44.166".into()),
            id: Some("00032b5815ab34fc".into()),
            scenario: Some("H44.166:13=1900,14=240".into()),
            title: Some("UBND tỉnh Phú Thọ — Quý 3/2026".into()),
        };
        let hash = link.to_hash();
        assert!(
            hash.starts_with(
                "#data=phu-tho-2026-q3&unit=H44.166&id=00032b5815ab34fc&s=H44.166:13=1900,14=240&t=UBND%20t"
            ),
            "{hash}"
        );
        // A data id is a folder's name.
        assert_eq!(Link::parse("#data=Phu%20Tho").1, [LinkError::Malformed("data=Phu%20Tho".into())]);
        assert_eq!(Link::parse("#data=%3Cscript%3E").1, [LinkError::Malformed("data=%3Cscript%3E".into())]);
        assert_eq!(Link::parse(&hash), (link, vec![]));
        // A scenario without its data's identity, or with a short one, is not applied, and says so.
        let (l, e) = Link::parse("#unit=H44&id=nothex&s=H44:1=2");
        assert_eq!((l.unit.as_deref(), l.scenario, e), (Some("H44"), None, vec![LinkError::NoId]));
        assert_eq!(Link::parse("#s=H44:1=2").1, [LinkError::NoId]);
        assert_eq!(Link::parse("#id=0123").1, [LinkError::NoId]);
        assert_eq!(Link::parse("#s=%ZZ").1, [LinkError::Malformed("s=%ZZ".into())]);
        assert_eq!(Link::parse("#hello").1, [LinkError::Malformed("hello".into())]);
        assert_eq!(Link::parse("#x=1&unit=H44").1, [LinkError::Malformed("x=1".into())]);
        assert_eq!(Link::default().to_hash(), "");
        // A code with `&` or `#` stays one field.
        let odd = Link { unit: Some("A&B#C".into()), ..Link::default() };
        assert_eq!(odd.to_hash(), "#unit=A%26B%23C");
        assert_eq!(Link::parse(&odd.to_hash()), (odd, vec![]));
    }
}
