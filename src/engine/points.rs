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

/// An `f64` rounded half-up to hundredths from its exact binary value: 5.595, held as 5.59499999…,
/// gives 559 hundredths; 4.695 held as 4.69500000…03 gives 470. Non-negative, finite values only
/// (others give 0).
pub fn round_binary_half_up(x: f64) -> u64 {
    if !(x.is_finite() && x >= 0.0) || x == 0.0 {
        return 0;
    }
    // x = mantissa × 2^exp exactly.
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exp) = if exp_bits == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exp_bits - 1075) };
    let m = u128::from(mantissa) * 100;
    if exp >= 0 {
        return u64::try_from(m << exp.min(60)).unwrap_or(u64::MAX);
    }
    let shift = (-exp) as u32;
    if shift >= 127 {
        return 0; // far below a hundredth
    }
    // floor(m / 2^shift + 1/2) = floor((2m + 2^shift) / 2^(shift + 1))
    let (two_m, half) = (m << 1, 1u128 << shift);
    ((two_m + half) >> (shift + 1)) as u64
}

/// Points of a rate as the portal computes the online-payment group: the rate in percent, rounded
/// half-up to two decimals, in `f64`; then `pct × max / 100` (linear) or `min(max, pct × max / (threshold
/// × 100))` (target); the result rounded half-up from its exact binary value.
pub fn percent_first(max: Points, num: u64, den: u64, threshold: Option<Decimal>) -> Points {
    debug_assert!(den > 0);
    let pct = round_binary_half_up(num as f64 * 100.0 / den as f64) as f64 / 100.0;
    let max_f = f64::from(max.0) / 100.0;
    let term = match threshold {
        None => pct * max_f / 100.0,
        Some(t) => {
            let (n, d) = t.as_fraction();
            (pct * max_f / (n as f64 * 100.0 / d as f64)).min(max_f)
        }
    };
    Points((round_binary_half_up(term) as u32).min(max.0))
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
    fn rounding_from_the_exact_binary_value() {
        // 5.595 is held as 5.594999999999999751…: 5.59; 4.695 as 4.695000000000000284…: 4.70.
        assert_eq!(round_binary_half_up(5.595), 559);
        assert_eq!(round_binary_half_up(4.695), 470);
        assert_eq!(round_binary_half_up(0.125), 13, "an exact binary half goes up");
        assert_eq!(round_binary_half_up(61.39), 6139);
        assert_eq!(round_binary_half_up(0.0), 0);
        assert_eq!(round_binary_half_up(f64::NAN), 0);
        // Phú Thọ 08/2026 (data README): H44.197 paid online 745 of 1,133 → 65,75% → 3,945 held as
        // 3,94499… → 3,94 (the exact ratio gives 3,95); H44.144 295/377 → 78,25% → 4,695 → 4,70.
        let six = Points(600);
        assert_eq!(percent_first(six, 745, 1133, None), Points(394));
        assert_eq!(linear(six, 745, 1133), Points(395));
        assert_eq!(percent_first(six, 295, 377, None), Points(470));
        assert_eq!(linear(six, 295, 377), Points(469));
        // Targets: min(2, pct × 2 / 80).
        let t80 = Decimal::parse("0.8").unwrap();
        assert_eq!(percent_first(Points(200), 80, 100, Some(t80)), Points(200));
        assert_eq!(percent_first(Points(200), 1, 3, Some(t80)), Points(83), "33,33% → 0,83325 → 0,83");
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
