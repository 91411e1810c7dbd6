//! What staff type in the box beside a slider: a count ("1.240", "1240") or a rate ("85%", "85,5 %").

use crate::engine::points::Decimal;
use crate::engine::problem::parse_count;
use crate::engine::scenario::count_for_rate;

use super::format;

/// The numerator the text asks for, over `den`; or a Vietnamese message.
pub fn parse(text: &str, den: u64) -> Result<u64, String> {
    let t = text.trim();
    if let Some(pct) = t.strip_suffix('%') {
        let pct = pct.trim().replace(',', ".");
        let rate = Decimal::parse(&pct)
            .filter(|d| d.scale <= 4)
            .and_then(|d| Some(Decimal { digits: d.digits, scale: d.scale.checked_add(2)? }))
            .ok_or_else(|| format!("«{t}» không phải tỷ lệ hợp lệ (ví dụ 85% hoặc 85,5%)"))?;
        return count_for_rate(rate, den).map_err(|_| format!("«{t}»: tỷ lệ phải từ 0% đến 100%"));
    }
    let n = parse_count(t).map_err(|e| e.to_string())?;
    if n > den {
        return Err(format!("{} vượt mẫu số {}", format::int(n), format::int(den)));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_rates() {
        assert_eq!(parse("1.240", 5000), Ok(1240));
        assert_eq!(parse(" 1240 ", 5000), Ok(1240));
        assert_eq!(parse("85%", 1000), Ok(850));
        assert_eq!(parse("85,5 %", 1000), Ok(855));
        assert_eq!(parse("80%", 311), Ok(249));
        assert_eq!(parse("100%", 311), Ok(311));
        assert!(parse("120%", 311).unwrap_err().contains("0% đến 100%"));
        assert!(parse("6000", 5000).unwrap_err().contains("vượt mẫu số 5.000"));
        assert!(parse("-3", 5000).unwrap_err().contains("không được âm"));
        assert!(parse("abc%", 5000).unwrap_err().contains("không phải tỷ lệ"));
        assert!(parse("1,5", 5000).unwrap_err().contains("không rõ nghĩa"));
    }
}
