//! Points in hundredths and the portal's arithmetic on them.
//!
//! The portal rounds every metric half-up to two decimals. Doing that on an `f64` rate goes wrong on
//! exact halves (`3/16 × 6 = 1.125` is stored as 1.12499… and rounds to 1.12), so every score here is
//! computed on integers: a metric's points are the exact fraction `max × num / den` (or the target
//! variant) rounded once, half-up, to a whole number of hundredths.

use std::fmt;

/// A score in hundredths of a point: `Points(6139)` is 61.39 points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(pub u32);

impl Points {
    pub const ZERO: Points = Points(0);

    pub fn hundredths(self) -> u32 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// The points written with a decimal separator of the caller's choice and always two decimals, for
    /// files: `with_separator('.')` gives "61.39", `with_separator(',')` "61,39" (CSV for Excel in the
    /// Vietnamese locale). What people read is written by `present::text`.
    pub fn with_separator(self, sep: char) -> String {
        format!("{}{}{:02}", self.0 / 100, sep, self.0 % 100)
    }

    /// Parses a non-negative decimal with at most two decimals ("7.26", "12", "0.5") exactly.
    pub fn parse(text: &str) -> Option<Points> {
        let d = Decimal::parse(text)?;
        let scaled = d.scale_to(2)?;
        u32::try_from(scaled).ok().map(Points)
    }
}

impl fmt::Display for Points {
    /// Machine form with a dot: "61.39".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.with_separator('.'))
    }
}

impl std::ops::Add for Points {
    type Output = Points;
    fn add(self, rhs: Points) -> Points {
        Points(self.0 + rhs.0)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, |a, b| a + b)
    }
}

/// An exact non-negative decimal `digits / 10^scale`, as written in data files ("0.8", "62.5").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub digits: u64,
    pub scale: u32,
}

impl Decimal {
    /// Parses plain decimal notation; no sign, no exponent, at most 9 decimals.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, f),
            None => (text, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > 9 {
            return None;
        }
        let mut digits: u64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            digits = digits.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        Some(Decimal { digits, scale: frac.len() as u32 })
    }

    /// The value in units of `10^-scale`, if it has no more decimals than that.
    pub fn scale_to(self, scale: u32) -> Option<u64> {
        if self.scale > scale {
            return None;
        }
        self.digits.checked_mul(10u64.checked_pow(scale - self.scale)?)
    }

    /// The value as a fraction `(numerator, denominator)`.
    pub fn as_fraction(self) -> (u64, u64) {
        (self.digits, 10u64.pow(self.scale))
    }
}

/// `a / b` rounded half-up to a whole number (`b > 0`).
pub fn div_round_half_up(a: u128, b: u128) -> u128 {
    debug_assert!(b > 0);
    (2 * a + b) / (2 * b)
}

/// Points of a rate `num / den` scored linearly against `max`: `min(max, max × num / den)`.
/// The caller handles `den == 0` (its meaning is a methodology choice).
pub fn linear(max: Points, num: u64, den: u64) -> Points {
    debug_assert!(den > 0);
    if num >= den {
        return max;
    }
    let exact_num = u128::from(max.0) * u128::from(num);
    Points(div_round_half_up(exact_num, u128::from(den)) as u32)
}

/// Points of a rate against a target: full points from `num / den ≥ threshold`, otherwise
/// `max × (num / den) / threshold`.
pub fn target(max: Points, num: u64, den: u64, threshold: Decimal) -> Points {
    debug_assert!(den > 0);
    let (tn, td) = threshold.as_fraction();
    if tn == 0 {
        return max;
    }
    // rate ≥ t  ⇔  num × td ≥ den × tn
    let lhs = u128::from(num) * u128::from(td);
    let rhs = u128::from(den) * u128::from(tn);
    if lhs >= rhs {
        return max;
    }
    Points(div_round_half_up(u128::from(max.0) * lhs, rhs) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_up_on_exact_halves() {
        // 3/16 × 6 = 1.125 → 1.13 (an f64 rate would give 1.12)
        assert_eq!(linear(Points(600), 3, 16), Points(113));
        assert_eq!(div_round_half_up(5, 2), 3);
        assert_eq!(div_round_half_up(4, 2), 2);
        assert_eq!(div_round_half_up(1, 3), 0);
    }

    #[test]
    fn target_threshold_cases() {
        let t90 = Decimal::parse("0.9").unwrap();
        assert_eq!(target(Points(600), 8997, 10000, t90), Points(600));
        assert_eq!(target(Points(600), 8990, 10000, t90), Points(599));
        assert_eq!(target(Points(600), 9, 10, t90), Points(600));
        assert_eq!(target(Points(600), 95, 100, t90), Points(600));
    }

    #[test]
    fn decimal_parsing() {
        assert_eq!(Decimal::parse("0.8"), Some(Decimal { digits: 8, scale: 1 }));
        assert_eq!(Decimal::parse("62.50"), Some(Decimal { digits: 625, scale: 1 }));
        assert_eq!(Decimal::parse("12"), Some(Decimal { digits: 12, scale: 0 }));
        assert_eq!(Decimal::parse("-1"), None);
        assert_eq!(Decimal::parse("1e3"), None);
        assert_eq!(Decimal::parse(""), None);
        assert_eq!(Decimal::parse("."), None);
        assert_eq!(Points::parse("7.26"), Some(Points(726)));
        assert_eq!(Points::parse("7.261"), None);
        assert_eq!(Points(6139).with_separator(','), "61,39");
        assert_eq!(Points(600).to_string(), "6.00");
    }
}
