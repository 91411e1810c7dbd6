//! The URL hash the app understands: `#unit=<unit code>`. A link can come from anyone, so the parser
//! takes only what a unit code can be and ignores the rest.

/// Longest unit code accepted from a link.
pub const MAX_CODE: usize = 64;

/// The unit code in a hash such as `#unit=H44.100` (percent-encoding allowed), if well-formed.
pub fn unit_of(hash: &str) -> Option<String> {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    if body.len() > 4 * MAX_CODE + 16 {
        return None;
    }
    let value = body.split('&').find_map(|part| part.strip_prefix("unit="))?;
    let code = percent_decode(value)?;
    let ok = !code.is_empty()
        && code.len() <= MAX_CODE
        && code.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    ok.then_some(code)
}

/// The hash for a selected unit.
pub fn for_unit(code: &str) -> String {
    format!("#unit={code}")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_codes_from_links() {
        assert_eq!(unit_of("#unit=H44.100").as_deref(), Some("H44.100"));
        assert_eq!(unit_of("#unit=H44%2E100").as_deref(), Some("H44.100"));
        assert_eq!(unit_of("#x=1&unit=S00.C00012").as_deref(), Some("S00.C00012"));
        assert_eq!(unit_of(""), None);
        assert_eq!(unit_of("#unit="), None);
        assert_eq!(unit_of("#unit=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"), None);
        assert_eq!(unit_of("#unit=%E0%A4"), None);
        assert_eq!(unit_of("#unit=%zz"), None);
        assert_eq!(unit_of(&format!("#unit={}", "A".repeat(65))), None);
        assert_eq!(unit_of(&format!("#unit={}", "A".repeat(100_000))), None);
        assert_eq!(for_unit("H44.100"), "#unit=H44.100");
    }
}

/// Everything a shared link carries: `#unit=H44.166&id=<identity>&s=<scenario>&t=<title>`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    pub unit: Option<String>,
    /// The identity of the data the scenario belongs to.
    pub id: Option<String>,
    /// The scenario as `share::encode` writes it.
    pub scenario: Option<String>,
    /// The data's title and period, to say which file to open.
    pub title: Option<String>,
}

impl Link {
    /// Reads a link's hash. Anything malformed is dropped field by field (a scenario that does not
    /// decode is reported by the caller, with `share::decode`'s reason).
    pub fn parse(hash: &str) -> Link {
        let body = hash.strip_prefix('#').unwrap_or(hash);
        if body.len() > crate::engine::share::MAX_LEN * 3 + 1_000 {
            return Link::default();
        }
        let field = |name: &str| body.split('&').find_map(|p| p.strip_prefix(name)).and_then(percent_decode);
        Link {
            unit: unit_of(hash),
            id: field("id=").filter(|v| v.len() == 16 && v.bytes().all(|b| b.is_ascii_hexdigit())),
            scenario: field("s=").filter(|v| !v.is_empty()),
            title: field("t=").filter(|v| !v.is_empty() && v.chars().count() <= 200),
        }
    }

    /// The hash for a view: the unit, and the scenario with the data's identity and title when there is one.
    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        if let Some(u) = &self.unit {
            parts.push(format!("unit={u}"));
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

/// Percent-encodes all but unreserved characters and the scenario's own punctuation.
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
mod link_tests {
    use super::*;

    #[test]
    fn links_round_trip_and_refuse_junk() {
        let link = Link {
            unit: Some("H44.166".into()),
            id: Some("00032b5815ab34fc".into()),
            scenario: Some("H44.166:13=1900,14=240".into()),
            title: Some("UBND tỉnh Phú Thọ — Quý 3/2026".into()),
        };
        let hash = link.to_hash();
        assert!(hash.starts_with("#unit=H44.166&id=00032b5815ab34fc&s=H44.166:13=1900,14=240&t=UBND%20t"), "{hash}");
        assert_eq!(Link::parse(&hash), link);
        assert_eq!(Link::parse("#unit=H44&id=nothex&s="), Link { unit: Some("H44".into()), ..Link::default() });
        assert_eq!(Link::parse("#s=%ZZ"), Link::default());
        assert_eq!(Link { unit: None, ..Link::default() }.to_hash(), "");
    }
}
