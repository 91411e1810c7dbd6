//! Names as people say them inside a province: the portal writes "Sở Y tế - Tỉnh Đắk Lắk" and
//! "UBND xã Vĩnh Tường - tỉnh Phú Thọ" for a unit of the province the page already names; a province as
//! "UBND tỉnh Đắk Lắk". The full name stays in the data (search, exports, tooltips).

/// A unit's name without the province it belongs to: "Sở Y tế - Tỉnh Đắk Lắk" → "Sở Y tế".
pub fn within_province(name: &str) -> &str {
    // Most names have no " - " at all: one search instead of five (50,000 names are shortened when a
    // large file opens).
    if !name.contains(" - ") {
        return name;
    }
    // " - Tỉnh …", " - tỉnh …", " - Thành phố …", " - thành phố …", " - tỉnh" at the end.
    for marker in [" - Tỉnh", " - tỉnh", " - Thành phố", " - thành phố", " - TP "] {
        if let Some(i) = name.rfind(marker) {
            let head = name[..i].trim_end();
            if !head.is_empty() {
                return head;
            }
        }
    }
    name
}

/// A province's name without "UBND tỉnh" / "UBND Thành phố": "UBND tỉnh Đắk Lắk" → "Đắk Lắk".
pub fn province(name: &str) -> &str {
    for prefix in ["UBND tỉnh ", "UBND Tỉnh ", "UBND thành phố ", "UBND Thành phố ", "UBND Thành Phố "] {
        if let Some(rest) = name.strip_prefix(prefix).filter(|r| !r.is_empty()) {
            return rest;
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_inside_a_province() {
        assert_eq!(within_province("Sở Y tế - Tỉnh Đắk Lắk"), "Sở Y tế");
        assert_eq!(within_province("UBND xã Vĩnh Tường - tỉnh Phú Thọ"), "UBND xã Vĩnh Tường");
        assert_eq!(within_province("Văn phòng UBND Tỉnh - Tỉnh Phú Thọ"), "Văn phòng UBND Tỉnh");
        assert_eq!(within_province("Công an tỉnh - Tỉnh Đắk Lắk"), "Công an tỉnh");
        assert_eq!(within_province("UBND xã Ea Ktur"), "UBND xã Ea Ktur");
        assert_eq!(within_province(" - Tỉnh Phú Thọ"), " - Tỉnh Phú Thọ", "nothing would be left");
        assert_eq!(province("UBND tỉnh Đắk Lắk"), "Đắk Lắk");
        assert_eq!(province("UBND Thành phố Hải Phòng"), "Hải Phòng");
        assert_eq!(province("UBND thành phố Quảng Ninh"), "Quảng Ninh");
        assert_eq!(province("Sở Y tế"), "Sở Y tế");
    }
}
