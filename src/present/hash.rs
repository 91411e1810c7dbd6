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
