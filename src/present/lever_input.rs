//! What staff type in the box beside a slider: a count ("1.240", "1240") or a rate ("85%", "85,5 %").

use crate::engine::points::Decimal;
use crate::engine::problem::{excerpt, parse_count};
use crate::engine::scenario::{count_for_rate, LeverError};

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
    }
}
