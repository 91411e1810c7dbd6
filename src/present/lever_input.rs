//! What staff type in the box beside a slider: a count ("1.240", "1240") or a rate ("85%", "85,5 %").

use crate::engine::points::Decimal;
use crate::engine::problem::{excerpt, parse_count};
use crate::engine::scenario::{count_for_rate, LeverError};
use crate::engine::Points;

use super::text::{fill, Text};

/// The numerator the text asks for, over `den`; or what is wrong, in the table's language.
pub fn parse(t: &Text, text: &str, den: u64) -> Result<u64, String> {
    let typed = text.trim();
    let quoted = excerpt(typed);
    if let Some(pct) = typed.strip_suffix('%') {
        let pct = pct.trim().replace(',', ".");
        let rate = Decimal::parse(&pct)
            .filter(|d| d.scale <= 4)
            .and_then(|d| Some(Decimal { digits: d.digits, scale: d.scale.checked_add(2)? }))
            .ok_or_else(|| fill(t.bad_rate, &[("value", &quoted)]))?;
        return count_for_rate(rate, den).map_err(|_| fill(t.rate_range, &[("value", &quoted)]));
    }
    let n = parse_count(typed).map_err(|e| t.problem_kind(&e))?;
    if n > den {
        return Err(t.lever_error(&LeverError::AboveDenominator { num: n, den }));
    }
    Ok(n)
}

/// A target total as typed: "94", "94,5", "94.50" (0 to 100 points).
pub fn parse_points(t: &Text, text: &str) -> Result<Points, String> {
    let typed = text.trim();
    Points::parse(&typed.replace(',', "."))
        .filter(|p| p.0 <= 10_100)
        .ok_or_else(|| fill(t.bad_points, &[("value", &excerpt(typed))]))
}

/// A target rank as typed: a whole number from 1.
pub fn parse_rank(t: &Text, text: &str) -> Result<u32, String> {
    let typed = text.trim();
    typed.parse::<u32>().ok().filter(|&r| r >= 1).ok_or_else(|| fill(t.bad_rank, &[("value", &excerpt(typed))]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::text::VI;

    #[test]
    fn counts_and_rates() {
        let p = |text: &str, den: u64| parse(&VI, text, den);
        assert_eq!(p("1.240", 5000), Ok(1240));
        assert_eq!(p(" 1240 ", 5000), Ok(1240));
        assert_eq!(p("85%", 1000), Ok(850));
        assert_eq!(p("85,5 %", 1000), Ok(855));
        assert_eq!(p("80%", 311), Ok(249));
        assert_eq!(p("100%", 311), Ok(311));
        assert!(p("120%", 311).unwrap_err().contains("0% đến 100%"));
        assert!(p("6000", 5000).unwrap_err().contains("vượt mẫu số 5.000"));
        assert!(p("-3", 5000).unwrap_err().contains("không được âm"));
        assert!(p("abc%", 5000).unwrap_err().contains("không phải tỷ lệ"));
        assert!(p("1,5", 5000).unwrap_err().contains("không rõ nghĩa"));
        assert_eq!(parse_points(&VI, "94"), Ok(Points(9400)));
        assert_eq!(parse_points(&VI, " 60,5 "), Ok(Points(6050)));
        assert_eq!(parse_points(&VI, "101"), Ok(Points(10100)), "asked for, then found unreachable");
        assert!(parse_points(&VI, "abc").unwrap_err().contains("«abc»"));
        assert_eq!(parse_rank(&VI, "10"), Ok(10));
        assert!(parse_rank(&VI, "0").is_err() && parse_rank(&VI, "-3").is_err());
    }
}
