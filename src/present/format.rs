//! Numbers the Vietnamese way: "61,39 điểm", "1.234 hồ sơ", "86,76%".

use crate::engine::points::Decimal;
use crate::engine::Points;

/// Points with a decimal comma and two decimals: 61,39.
pub fn points(p: Points) -> String {
    p.vi()
}

/// A whole number with dots between thousands: 1.234.567.
pub fn int(n: u64) -> String {
    crate::engine::points::group_thousands(n)
}

/// A rate as a percentage with two decimals, rounded half-up: 403016/464494 → "86,76%"; "—" for 0/0.
pub fn rate(num: u64, den: u64) -> String {
    if den == 0 {
        return "—".to_owned();
    }
    let hundredths = (u128::from(num) * 20_000 + u128::from(den)) / (2 * u128::from(den));
    format!("{},{:02}%", int((hundredths / 100) as u64), hundredths % 100)
}

/// A threshold as a percentage without useless decimals: 0.8 → "80%", 0.625 → "62,5%".
pub fn threshold(t: Decimal) -> String {
    let (n, d) = t.as_fraction();
    let hundredths = u128::from(n) * 10_000 / u128::from(d.max(1));
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => format!("{whole}%"),
        f if f % 10 == 0 => format!("{whole},{}%", f / 10),
        f => format!("{whole},{f:02}%"),
    }
}

/// A signed difference of points: "+1,25", "−0,50", "0,00".
pub fn points_delta(before: Points, after: Points) -> String {
    let (a, b) = (i64::from(after.hundredths()), i64::from(before.hundredths()));
    let d = a - b;
    let sign = match d {
        d if d > 0 => "+",
        d if d < 0 => "−",
        _ => "",
    };
    format!("{sign}{},{:02}", d.abs() / 100, d.abs() % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(points(Points(6139)), "61,39");
        assert_eq!(points(Points(5)), "0,05");
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(1234), "1.234");
        assert_eq!(int(464_494), "464.494");
        assert_eq!(int(1_234_567), "1.234.567");
        assert_eq!(rate(403_016, 464_494), "86,76%");
        assert_eq!(rate(1, 8), "12,50%");
        assert_eq!(rate(1, 1), "100,00%");
        assert_eq!(rate(0, 0), "—");
        assert_eq!(points_delta(Points(6139), Points(6264)), "+1,25");
        assert_eq!(threshold(Decimal::parse("0.8").unwrap()), "80%");
        assert_eq!(threshold(Decimal::parse("0.625").unwrap()), "62,5%");
        assert_eq!(threshold(Decimal::parse("0.9").unwrap()), "90%");
        assert_eq!(points_delta(Points(6139), Points(6089)), "−0,50");
    }
}
