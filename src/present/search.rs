//! Finding a unit by name as staff type it, with or without diacritics: "tam son" finds "Tam Sơn".

/// Lower case without Vietnamese diacritics ("Phường Vân Phú" → "phuong van phu"). Combining marks
/// (text in decomposed form) are dropped too. Vietnamese letters, upper and lower case, map straight
/// to their base letter; other letters pass through (Unicode case tables would cost ~10 KB of wasm).
pub fn fold(text: &str) -> String {
    const GROUPS: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'),
        ("đĐ", 'd'),
        ("èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'),
        ("ìíỉĩịÌÍỈĨỊ", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'),
        ("ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'),
        ("ỳýỷỹỵỲÝỶỸỴ", 'y'),
    ];
    text.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| {
            if c.is_ascii() {
                return c.to_ascii_lowercase();
            }
            GROUPS.iter().find(|(set, _)| set.contains(c)).map_or(c, |&(_, base)| base)
        })
        .collect()
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
    }
}
