//! Finding a unit by name as staff type it, with or without diacritics: "tam son" finds "Tam Sơn".

/// Lower case without Vietnamese diacritics ("Phường Vân Phú" → "phuong van phu"). Combining marks
/// (text in decomposed form) are dropped too. Vietnamese letters, upper and lower case, map straight
/// to their base letter; other letters pass through (Unicode case tables would cost ~10 KB of wasm).
pub fn fold(text: &str) -> String {
    strip_marks(text).map(|c| c.to_ascii_lowercase()).collect()
}

/// Without Vietnamese diacritics, case kept ("Xã Tam Sơn" → "Xa Tam Son"): for file names.
pub fn fold_case(text: &str) -> String {
    strip_marks(text).collect()
}

fn strip_marks(text: &str) -> impl Iterator<Item = char> + '_ {
    // Lower-case letters first in each list, then upper case: a letter's case is kept by its position.
    const GROUPS: [(&str, &str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
        ("đ", "Đ", 'd'),
        ("èéẻẽẹêềếểễệ", "ÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
        ("ìíỉĩị", "ÌÍỈĨỊ", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
        ("ùúủũụưừứửữự", "ÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
        ("ỳýỷỹỵ", "ỲÝỶỸỴ", 'y'),
    ];
    text.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).map(|c| {
        if c.is_ascii() {
            return c;
        }
        for (lower, upper, base) in GROUPS {
            if lower.contains(c) {
                return base;
            }
            if upper.contains(c) {
                return base.to_ascii_uppercase();
            }
        }
        c
    })
}

/// Whether every word of the (folded) query is found in the folded name or the code, diacritics
/// ignored. The app folds every name once, when the data is loaded.
pub fn matches_folded(query_folded: &str, name_folded: &str, code: &str) -> bool {
    query_folded.split_whitespace().all(|w| name_folded.contains(w) || code.to_ascii_lowercase().contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_matching() {
        assert_eq!(fold("Xã Tam Sơn"), "xa tam son");
        assert_eq!(fold("ĐỒNG XUÂN"), "dong xuan");
        assert_eq!(fold("Phường Nông Trang"), "phuong nong trang");
        assert_eq!(fold("Tam So\u{31b}n"), "tam son"); // decomposed ơ
        let matches = |q: &str, name: &str, code: &str| matches_folded(q, &fold(name), code);
        assert!(matches(&fold("tam son"), "Xã Tam Sơn", "H44.200"));
        assert!(matches(&fold("Tam Sơn"), "Xã Tam Sơn", "H44.200"));
        assert!(matches(&fold("h44.2"), "Xã Tam Sơn", "H44.200"));
        assert!(!matches(&fold("tam son q"), "Xã Tam Sơn", "H44.200"));
        assert!(matches("", "Bất kỳ", "X"));
        assert_eq!(fold_case("Xã, phường ĐỒNG"), "Xa, phuong DONG");
    }
}
